"""Seed sources of the finance domain: real country codes, currency codes, exchange MICs and BICs."""

from __future__ import annotations

import datetime as dt

from tool_catalog.domains.finance.common import (
    DOMAIN,
    exchange_codes,
    holiday_countries,
    known_currencies,
    territory_tenders,
)
from tool_catalog.registry import seed_source


@seed_source(
    domain=DOMAIN,
    port="country_code",
    package="holidays",
    description="ISO alpha-2 codes of the countries with a national public-holiday calendar",
)
def holiday_country_seeds() -> list[str]:
    return sorted(holiday_countries())


@seed_source(
    domain=DOMAIN,
    port="currency_code",
    package="babel",
    description="ISO 4217 codes of the currencies that were legal tender somewhere on or after 2000-01-01 (CLDR)",
)
def currency_seeds() -> list[str]:
    known = known_currencies()
    since = dt.date(2000, 1, 1)
    used = {code for rows in territory_tenders().values() for code, _, end in rows if end is None or end > since}
    return sorted(used & known)


@seed_source(
    domain=DOMAIN,
    port="exchange_code",
    package="exchange_calendars",
    description="ISO 10383 MICs of the exchanges with a trading calendar",
)
def exchange_seeds() -> list[str]:
    return list(exchange_codes())


@seed_source(
    domain=DOMAIN,
    port="bic",
    package="schwifty",
    description="SWIFT/BIC codes of the banks in schwifty's national bank registries",
)
def bic_seeds() -> list[str]:
    from schwifty import BIC, registry
    from schwifty.exceptions import SchwiftyException

    seeds = set()
    for code in {bank.bic for bank in registry.get_all_banks() if bank.bic}:
        try:
            if BIC(code).bank_names:  # the registry lists a few BICs under another country than their own
                seeds.add(code)
        except SchwiftyException:
            continue
    return sorted(seeds)
