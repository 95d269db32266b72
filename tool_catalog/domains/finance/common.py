"""Shared pieces of the finance tools: the domain name, the date and code patterns, the pydantic fields of the
common parameters (dates, years, currencies, countries, exchanges, amounts, rates), currency checks and rounding,
and the cached lists and calendars the topic modules and the seed sources read (CLDR currencies, holiday
countries, exchange calendars)."""

from __future__ import annotations

import datetime as dt
import warnings
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.ports import port
from tool_catalog.quantities import Quantity, quantity
from tool_catalog.spec import ToolInputError

DOMAIN = "finance"


_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
CURRENCY_PATTERN = r"^[A-Z]{3}$"
_COUNTRY_PATTERN = r"^[A-Z]{2}$"
_MIC_PATTERN = r"^[A-Z]{4}$"
MIN_YEAR, MAX_YEAR = 1900, 2100
_DATE_SAMPLES = ["2024-01-02", "2024-12-24", "2025-04-18", "2023-07-14", "2016-06-24", "2008-09-15"]
_YEAR_SAMPLES = [2024, 2025, 2023, 2020, 2016, 2008]
_ECB_CURRENCY_SAMPLES = ["USD", "JPY", "GBP", "CHF", "CNY", "INR", "BRL"]
_COUNTRY_SAMPLES = ["DE", "US", "JP", "GB", "FR", "BR", "IN", "HR"]
_MIC_SAMPLES = ["XNYS", "XLON", "XTKS", "XETR", "XHKG", "XPAR", "XASX", "XTSE"]
_AMOUNT_SAMPLES = [1234567, 100, 2500.5, 49.99, 1000000, 75000, 98765.4]
_CAL_START, _CAL_END = dt.date(2000, 1, 1), dt.date(2030, 12, 31)
_BROKEN_CALENDARS = frozenset({"ASEX", "XBEL", "XBSE", "XCYS", "XTAE"})
"""exchange_calendars 4.13.2 calendars that cannot be built over a fixed span (they raise on construction)."""
_CLDR_GROUPINGS = frozenset({"EU", "ZZ"})
"""CLDR region codes with a currency history that are not territories (the European Union, unknown region)."""

MONEY = quantity("currency:{currency_code}", additive=True)
"""An amount of money in the currency the call's ``currency_code`` names."""
PRICE = quantity("currency:{currency_code}")
"""A price or cost per unit or per period in the call's currency (a sum over several things means nothing)."""
PLAIN_AMOUNT = quantity("dimensionless")
"""An amount of money in no stated currency (a bond's face value, a start and end value): only its ratios matter."""
YEARS = quantity("year")
"""A length of time in years (a loan term, a time to maturity)."""
FRACTION = quantity("dimensionless")
"""A rate, yield or share given as a decimal fraction (0.05 = 5%)."""
PERCENT = quantity("percent")
"""A rate or share in percent."""
PERCENT_CHANGE = quantity("percent", "interval")
"""A signed change in percent (differences and comparisons mean something; sums and ratios of changes do not)."""
FX_RATE = quantity("dimensionless")
"""An exchange rate: units of one currency per unit of another."""
DAYS = quantity("day")
"""A number of calendar days between two dates."""


def parse_date(value: str, name: str = "date") -> dt.date:
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise ToolInputError(f"{name} {value!r} is not a valid calendar date (YYYY-MM-DD)") from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise ToolInputError(f"{name} {value!r} is outside the supported years {MIN_YEAR}-{MAX_YEAR}")
    return parsed


def span(p: Any) -> tuple[dt.date, dt.date]:
    start, end = parse_date(p.start_date, "start_date"), parse_date(p.end_date, "end_date")
    if end <= start:
        raise ToolInputError("end_date must be after start_date")
    return start, end


def date_field(description: str, samples: list[str] = _DATE_SAMPLES) -> Any:
    return Field(description=description, pattern=_DATE_PATTERN, json_schema_extra=port("date", samples=samples))


def year_field(description: str, samples: list[int] = _YEAR_SAMPLES) -> Any:
    return Field(description=description, ge=MIN_YEAR, le=MAX_YEAR, json_schema_extra=port("year", samples=samples))


def currency_field(description: str, samples: list[str] = _ECB_CURRENCY_SAMPLES) -> Any:
    return Field(
        description=description, pattern=CURRENCY_PATTERN, json_schema_extra=port("currency_code", samples=samples)
    )


def country_field(description: str, samples: list[str] = _COUNTRY_SAMPLES) -> Any:
    return Field(
        description=description, pattern=_COUNTRY_PATTERN, json_schema_extra=port("country_code", samples=samples)
    )


def mic_field(description: str = "ISO 10383 market identifier code (MIC) of the exchange, e.g. 'XNYS'.") -> Any:
    return Field(
        description=description, pattern=_MIC_PATTERN, json_schema_extra=port("exchange_code", samples=_MIC_SAMPLES)
    )


def amount_field(description: str, samples: list[float] = _AMOUNT_SAMPLES, unit: Quantity = MONEY) -> Any:
    return Field(
        description=description,
        ge=-1e12,
        le=1e12,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", quantity=unit, samples=samples),
    )


def rate_field(description: str, samples: list[float]) -> Any:
    return Field(
        description=description,
        ge=-0.99,
        le=5,
        allow_inf_nan=False,
        json_schema_extra=port("interest_rate", samples=samples),
    )


def years_field(description: str, samples: list[int], unit: Quantity = YEARS) -> Any:
    return Field(description=description, ge=1, le=100, json_schema_extra=port("count", quantity=unit, samples=samples))


def money(description: str, samples: list[float], positive: bool = True, unit: Quantity = MONEY) -> Any:
    """An amount of money; ``unit`` is its currency (by default the call's ``currency_code``)."""
    return Field(
        description=description,
        gt=0 if positive else -1e12,
        le=1e12,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", quantity=unit, samples=samples),
    )


class EcbDate(BaseModel):
    date: str = date_field(
        "Date (YYYY-MM-DD) of an ECB fixing.", ["2024-01-02", "2008-09-15", "2016-06-24", "2020-03-16", "2001-09-11"]
    )


@cache
def known_currencies() -> frozenset[str]:
    """ISO 4217 codes (current and historic) that CLDR names in English."""
    from babel import Locale

    return frozenset(Locale.parse("en").currencies)


def currency(code: str) -> str:
    if code not in known_currencies():
        raise ToolInputError(f"unknown ISO 4217 currency code {code!r}")
    return code


def digits(code: str) -> int:
    from babel.numbers import get_currency_precision

    return get_currency_precision(code)


def cur(value: float, p: Any) -> float:
    """Round an amount to the minor units of the call's currency (after checking the code)."""
    return round(value, digits(currency(p.currency_code)))


@cache
def territory_tenders() -> dict[str, tuple[tuple[str, dt.date | None, dt.date | None], ...]]:
    """CLDR legal-tender currency history of every ISO alpha-2 territory: (currency, from, to)."""
    from babel.core import get_global

    out: dict[str, tuple[tuple[str, dt.date | None, dt.date | None], ...]] = {}
    for territory, entries in get_global("territory_currencies").items():
        if len(territory) != 2 or not territory.isalpha() or territory in _CLDR_GROUPINGS:
            continue
        rows = []
        for code, start, end, tender in entries:
            if tender:
                rows.append((code, dt.date(*start) if start else None, dt.date(*end) if end else None))
        if rows:
            out[territory] = tuple(rows)
    return out


@cache
def holiday_countries() -> frozenset[str]:
    import holidays
    import pycountry

    return frozenset(
        code for code in holidays.list_supported_countries() if len(code) == 2 and pycountry.countries.get(alpha_2=code)
    )


@cache
def exchange_codes() -> tuple[str, ...]:
    import exchange_calendars as xc

    names = xc.get_calendar_names(include_aliases=False)
    return tuple(sorted(n for n in names if len(n) == 4 and n.isalpha() and n.isupper() and n not in _BROKEN_CALENDARS))


@cache
def calendar_bounds(code: str) -> tuple[dt.date, dt.date]:
    """The span a calendar is built over: 2000-01-01 .. 2030-12-31 clipped to the calendar's own bounds."""
    import exchange_calendars as xc

    if code not in exchange_codes():
        raise ToolInputError(f"unknown exchange MIC {code!r}; known: {', '.join(exchange_codes())}")
    factory = xc.calendar_utils._default_calendar_factories[code]
    start, end = _CAL_START, _CAL_END
    bound_min, bound_max = factory.bound_min(), factory.bound_max()
    if bound_min is not None and bound_min.date() > start:
        start = bound_min.date()
    if bound_max is not None and bound_max.date() < end:
        end = bound_max.date()
    return start, end


@cache
def calendar(code: str) -> Any:
    """The exchange calendar over :func:`calendar_bounds` (never over a span that depends on today)."""
    import exchange_calendars as xc
    import pandas as pd

    start, end = calendar_bounds(code)
    factory = xc.calendar_utils._default_calendar_factories[code]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return factory(start=pd.Timestamp(start), end=pd.Timestamp(end))


def session_day(code: str, value: str, name: str = "date") -> Any:
    import pandas as pd

    day = parse_date(value, name)
    cal = calendar(code)
    stamp = pd.Timestamp(day)
    if not cal.first_session <= stamp <= cal.last_session:
        raise ToolInputError(
            f"{name} {value} is outside the sessions of {code} available here "
            f"({cal.first_session.date().isoformat()} to {cal.last_session.date().isoformat()})"
        )
    return stamp
