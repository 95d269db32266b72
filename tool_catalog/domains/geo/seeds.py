"""Seed sources of the geo domain: real airport, country, subdivision, time-zone and phone-number values."""

from __future__ import annotations

from tool_catalog.domains.geo.common import DOMAIN, airports, zone_table
from tool_catalog.registry import seed_source


@seed_source(
    domain=DOMAIN,
    port="iata_code",
    package="airportsdata",
    description="IATA codes of airports with a city and time zone",
)
def airport_seeds() -> list[str]:
    return sorted(code for code, a in airports().items() if a["city"] and a["tz"] and a["country"])


@seed_source(
    domain=DOMAIN, port="country_code", package="pycountry", description="ISO 3166-1 alpha-2 codes of current countries"
)
def country_seeds() -> list[str]:
    import pycountry

    return sorted(c.alpha_2 for c in pycountry.countries)


@seed_source(domain=DOMAIN, port="subdivision_code", package="pycountry", description="ISO 3166-2 subdivision codes")
def subdivision_seeds() -> list[str]:
    import pycountry

    return sorted(s.code for s in pycountry.subdivisions)


@seed_source(
    domain=DOMAIN,
    port="timezone",
    package="tzdata",
    description="IANA time zones listed for a country in the tz database zone table (zone.tab)",
)
def timezone_seeds() -> list[str]:
    return sorted(zone_table())


@seed_source(
    domain=DOMAIN,
    port="phone_number",
    package="phonenumbers",
    description="libphonenumber example fixed-line and mobile numbers (E.164) of ISO 3166 countries",
)
def phone_seeds() -> list[str]:
    import phonenumbers
    import pycountry

    countries = {c.alpha_2 for c in pycountry.countries}
    kinds = (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE)
    numbers = set()
    for region in phonenumbers.SUPPORTED_REGIONS & countries:
        for kind in kinds:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None and phonenumbers.is_valid_number(example):
                numbers.add(phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164))
    return sorted(numbers)
