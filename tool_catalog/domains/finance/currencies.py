"""Currency facts from CLDR (babel): a currency's name, symbol and minor units, the legal-tender history of
currencies by country, and money, currency names and numbers as written in a locale."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from tool_catalog.domains.finance.common import (
    CURRENCY_PATTERN,
    DOMAIN,
    PLAIN_AMOUNT,
    PRICE,
    amount_field,
    country_field,
    currency,
    currency_field,
    date_field,
    parse_date,
    territory_tenders,
)
from tool_catalog.domains.language.conventions import SCHOOL_LANGUAGES
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_LOCALE_PATTERN = r"^[a-z]{2,3}(_[A-Z][a-z]{3})?(_([A-Z]{2}|\d{3}))?$"
_LOCALE_SAMPLES = ["de_DE", "ja_JP", "fr_CH", "en_IN", "ar_EG", "pt_BR", "en_US"]


def _tender_on(territory: str, day: dt.date) -> list[tuple[str, dt.date | None, dt.date | None]]:
    """Currencies legal tender in a territory on a day (CLDR: from <= day < to), newest introduced last."""
    rows = [
        r
        for r in territory_tenders().get(territory, ())
        if (r[1] is None or r[1] <= day) and (r[2] is None or day < r[2])
    ]
    return sorted(rows, key=lambda r: (r[1] or dt.date.min, r[0]))


class CurrencyCode(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 currency code (current or historic), e.g. 'CHF'.", ["CHF", "JPY", "EUR", "KWD", "SEK", "DEM", "INR"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="Facts about a currency from CLDR: English name, symbol, number of decimal digits (minor units) "
    "and the smallest cash increment in everyday cash payments (e.g. 0.05 for Swiss francs).",
    outputs={
        "currency_name": Output(
            "label",
            "the English name of {currency_code}",
            asks=(
                "What is {currency_code} called in English?",
                "Give the full English name of {currency_code}.",
            ),
            source="CLDR",
        ),
        "symbol": Output(
            "label",
            "the currency symbol of {currency_code} in English texts",
            asks=(
                "Which symbol do English texts use for {currency_code}?",
                "How is {currency_code} written as a symbol in an English price tag?",
            ),
            source="CLDR",
        ),
        "minor_units": Output(
            "integer",
            "the number of decimal digits (minor units) used for amounts in {currency_code}",
            asks=(
                "How many decimal places are amounts in {currency_code} written with?",
                "How many digits after the decimal point does {currency_code} use for its minor units?",
                "Does {currency_code} have cents? Give the number of decimal digits its amounts use.",
            ),
            measure="number of decimal digits",
            quantity=quantity("count", "count"),
            source="CLDR",
        ),
        "cash_increment": Output(
            "number",
            "the smallest increment of cash payments in {currency_code}",
            asks=(
                "When paying cash in {currency_code}, to what smallest increment is the total rounded?",
                "By what smallest amount can a cash payment in {currency_code} vary?",
                "I'm paying cash in {currency_code}. What is the smallest step prices are rounded to?",
            ),
            measure="smallest cash increment",
            quantity=PRICE,
            source="CLDR",
        ),
    },
    examples=[{"currency_code": "CHF"}, {"currency_code": "JPY"}],
)
def currency_profile(p: CurrencyCode) -> dict:
    from babel.core import get_global
    from babel.numbers import get_currency_name, get_currency_symbol

    code = currency(p.currency_code)
    fractions = get_global("currency_fractions")
    digits, _rounding, cash_digits, cash_rounding = fractions.get(code, fractions["DEFAULT"])
    return {
        "currency_name": get_currency_name(code, locale="en"),
        "symbol": get_currency_symbol(code, locale="en"),
        "minor_units": digits,
        "cash_increment": round(max(cash_rounding, 1) * 10.0**-cash_digits, cash_digits),
    }


class CurrencyOnDate(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 currency code, e.g. 'EUR'.", ["EUR", "USD", "XOF", "AUD", "DEM", "INR", "ZAR"]
    )
    date: str = date_field("Date (YYYY-MM-DD) on which the currency is legal tender.")


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="Countries and territories (ISO alpha-2 codes) where a currency was legal tender on a given date, "
    "from the CLDR territory currency history, with their number.",
    outputs={
        "territory_count": Output(
            "count",
            "the number of countries and territories where {currency_code} was legal tender on {date}",
            asks=(
                "In how many countries and territories was {currency_code} legal tender on {date}?",
                "On {date}, how many countries and territories used {currency_code} as legal tender?",
                "How many places (countries and territories) had {currency_code} as legal tender on {date}?",
            ),
            measure="number of legal-tender territories",
            source="CLDR",
        ),
        "territories": Output(
            "string_list",
            "the list of ISO codes of the countries and territories where {currency_code} was legal tender on {date}",
            asks=(
                "Where was {currency_code} legal tender on {date}? List the two-letter region codes of the "
                "countries and territories.",
                "List the countries and territories that used {currency_code} as legal tender on {date}, by their "
                "two-letter codes.",
            ),
            measure="legal-tender territories",
            source="CLDR",
        ),
    },
    examples=[{"currency_code": "EUR", "date": "2024-01-02"}, {"currency_code": "XOF", "date": "2016-06-24"}],
)
def currency_users_on_date(p: CurrencyOnDate) -> dict:
    code = currency(p.currency_code)
    day = parse_date(p.date)
    users = sorted(t for t in territory_tenders() if any(r[0] == code for r in _tender_on(t, day)))
    return {"territory_count": len(users), "territories": users}


class CountryOnDate(BaseModel):
    country_code: str = country_field("ISO 3166-1 alpha-2 country code, e.g. 'HR'.")
    date: str = date_field("Date (YYYY-MM-DD) on which to look up the legal tender.")


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="The legal-tender currency of a country on a date from the CLDR currency history. When several "
    "currencies were legal tender at once (e.g. during a changeover), the most recently introduced one is returned, "
    "with the date it became legal tender and the list of all legal-tender currencies that day.",
    outputs={
        "currency_code": Output(
            "currency_code",
            "the currency in use in {country_code} on {date}",
            asks=(
                "Which currency was legal tender in {country_code} on {date}? If several were, give the most "
                "recently introduced one, as its ISO 4217 code.",
                "What was the newest legal-tender currency in {country_code} on {date}? Answer with its three-letter "
                "ISO code.",
                "I'm travelling to {country_code} on {date}: which currency, the newest legal tender there, should I "
                "pay in? Give its ISO 4217 code.",
            ),
            source="CLDR",
            chain=False,
        ),
        "in_use_since": Output(
            "date",
            "the date from which the currency in use in {country_code} on {date} was legal tender",
            asks=(
                "Since when had the newest legal-tender currency in {country_code} on {date} been legal tender? Give "
                "the date.",
                "Take the most recently introduced currency that was legal tender in {country_code} on {date}. On "
                "what date did it become legal tender there?",
            ),
            source="CLDR",
            chain=False,
        ),
        "legal_tender_count": Output(
            "count",
            "the number of currencies that were legal tender in {country_code} on {date}",
            asks=(
                "How many currencies were legal tender at the same time in {country_code} on {date}?",
                "On {date}, how many different currencies could you legally pay with in {country_code}?",
                "Was {country_code} in a currency changeover on {date}? Say how many currencies were legal tender "
                "there that day.",
            ),
            measure="number of legal-tender currencies",
            source="CLDR",
        ),
        "legal_tender_codes": Output(
            "string_list",
            "the list of ISO 4217 codes of the currencies that were legal tender in {country_code} on {date}",
            asks=(
                "Which currencies were legal tender in {country_code} on {date}? List their ISO 4217 codes.",
                "List every currency you could legally pay with in {country_code} on {date}, by three-letter ISO code.",
            ),
            measure="legal-tender currencies",
            source="CLDR",
        ),
    },
    examples=[{"country_code": "HR", "date": "2023-01-05"}, {"country_code": "DE", "date": "2001-06-01"}],
)
def country_currency_on_date(p: CountryOnDate) -> dict:
    day = parse_date(p.date)
    if p.country_code not in territory_tenders():
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
    amount: float = amount_field("Amount of money to format, e.g. 1234567.5.")
    currency_code: str = currency_field(
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
        "formatted": Output(
            "label",
            "the amount {amount} {currency_code:code} as written in {locale}",
            asks=(
                "How is an amount of {amount} {currency_code:code} written in {locale}?",
                "Write an amount of {amount} {currency_code:code} the way a price is printed in {locale}.",
                "I'm writing an invoice in {locale}. How should an amount of {amount} {currency_code:code} appear on "
                "it?",
            ),
            source="CLDR",
        ),
        "compact": Output(
            "label",
            "the amount {amount} {currency_code:code} in short compact form as written in {locale}",
            asks=(
                "How is an amount of {amount} {currency_code:code} written in short compact form (like '1.2M') in "
                "{locale}?",
                "Give the abbreviated form a headline in {locale} would use for an amount of {amount} in "
                "{currency_code}.",
            ),
            source="CLDR",
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

    code = currency(p.currency_code)
    try:
        locale = Locale.parse(p.locale)
    except (UnknownLocaleError, ValueError):
        raise ToolInputError(f"unknown CLDR locale {p.locale!r}") from None
    return {
        "formatted": format_currency(p.amount, code, locale=locale),
        "compact": format_compact_currency(p.amount, code, locale=locale, fraction_digits=1),
    }


class CurrencyInLanguage(BaseModel):
    currency_code: str = Field(
        description="ISO 4217 currency code, e.g. 'JPY'.",
        pattern=CURRENCY_PATTERN,
        json_schema_extra=port("currency_code", samples=["JPY", "EUR", "USD", "CHF", "INR"]),
    )
    locale: str = Field(
        description="CLDR locale, e.g. 'fr' or 'ja_JP'.",
        pattern=_LOCALE_PATTERN,
        json_schema_extra=port("cldr_locale", samples=_LOCALE_SAMPLES[:5]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="A currency's name and symbol as written in a locale (CLDR), e.g. JPY in French: 'yen japonais'.",
    outputs={
        "name": Output(
            "label",
            "the name of {currency_code} in {locale}",
            asks=(
                "What is {currency_code} called in {locale}?",
                "How is {currency_code} named in {locale}? Give the name as written there.",
                "Translate the name of {currency_code} into {locale}.",
            ),
            source="CLDR",
        ),
        "plural_name": Output(
            "label",
            "the plural name of {currency_code} in {locale}",
            asks=(
                "What is the plural name of {currency_code} in {locale}, as in 'ten of them'?",
                "How is {currency_code} named in the plural in {locale}?",
            ),
            source="CLDR",
            worth=lambda args, _out: str(args.get("locale", "")).split("_")[0] not in SCHOOL_LANGUAGES,
        ),
        "symbol": Output(
            "label",
            "the symbol of {currency_code} in {locale}",
            asks=(
                "Which symbol stands for {currency_code} in {locale}?",
                "How is {currency_code} written as a symbol in {locale}?",
            ),
            source="CLDR",
        ),
    },
    examples=[{"currency_code": "JPY", "locale": "fr"}],
)
def currency_name_in_locale(p: CurrencyInLanguage) -> dict:
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_currency_name, get_currency_symbol

    code = currency(p.currency_code)
    try:
        loc = Locale.parse(p.locale)
    except (UnknownLocaleError, ValueError):
        raise ToolInputError(f"unknown CLDR locale {p.locale!r}") from None
    return {
        "name": get_currency_name(code, locale=loc),
        "plural_name": get_currency_name(code, count=2, locale=loc),
        "symbol": get_currency_symbol(code, locale=loc),
    }


class NumberInLocale(BaseModel):
    amount: float = amount_field("Number to format.", unit=PLAIN_AMOUNT)
    locale: str = Field(
        description="CLDR locale, e.g. 'de_DE'.",
        pattern=_LOCALE_PATTERN,
        json_schema_extra=port("cldr_locale", samples=_LOCALE_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="Write a number the way a locale does (CLDR): grouped decimal, percent (of the number as a "
    "fraction) and scientific notation, e.g. 1234567 in de_DE is '1.234.567'.",
    outputs={
        "decimal": Output(
            "label",
            "{amount} written as a decimal in {locale}",
            asks=(
                "How is the number {amount} written in {locale}, with its digit grouping?",
                "Write the number {amount} the way it is written in {locale}.",
            ),
            source="CLDR",
        ),
        "percent": Output(
            "label",
            "{amount} written as a percentage in {locale}",
            asks=(
                "How is the fraction {amount} written as a percentage in {locale}?",
                "Taking {amount} as a fraction, how is it written as a percentage in {locale}?",
            ),
            source="CLDR",
        ),
        "scientific": Output(
            "label",
            "{amount} written in scientific notation in {locale}",
            source="CLDR",
            askable=False,
        ),
    },
    examples=[{"amount": 1234567, "locale": "de_DE"}],
)
def format_number_in_locale(p: NumberInLocale) -> dict:
    from babel import Locale, UnknownLocaleError
    from babel.numbers import format_decimal, format_percent, format_scientific

    try:
        loc = Locale.parse(p.locale)
    except (UnknownLocaleError, ValueError):
        raise ToolInputError(f"unknown CLDR locale {p.locale!r}") from None
    return {
        "decimal": format_decimal(p.amount, locale=loc),
        "percent": format_percent(p.amount, locale=loc),
        "scientific": format_scientific(p.amount, locale=loc),
    }
