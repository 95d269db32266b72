"""CLDR facts of countries (babel): the legal-tender currency on a date and the currency history, languages,
calendar week conventions, and a country's name in another language."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.geo import common
from tool_catalog.domains.geo.common import DOMAIN, CountryCode, date_field, parse_date
from tool_catalog.ports import port
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


class CountryOnDate(BaseModel):
    country_code: str = Field(
        description="ISO 3166-1 alpha-2 country code, e.g. 'HR'.",
        pattern=r"^[A-Z]{2}$",
        json_schema_extra=port("country_code", samples=["HR", "DE", "JP", "ZW", "LT", "GB"]),
    )
    date: str = date_field(
        "Date (YYYY-MM-DD) on which the currency was legal tender.",
        ["1999-06-01", "2001-12-31", "2008-01-15", "2015-07-01", "2023-06-01", "2024-03-15"],
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="The legal-tender currency of a country (ISO alpha-2 code) on a given date, from CLDR "
    "territory currency history: ISO 4217 code, English name, and how many currencies were legal tender.",
    outputs={
        "currency_code": Output("currency_code", "the currency that was legal tender in {country_code} on {date}"),
        "currency_name": Output(
            "label", "the English name of the currency that was legal tender in {country_code} on {date}"
        ),
        "currency_count": Output(
            "count", "the number of currencies that were legal tender in {country_code} on {date}"
        ),
    },
    examples=[{"country_code": "HR", "date": "2022-06-01"}, {"country_code": "HR", "date": "2023-06-01"}],
)
def country_legal_tender(p: CountryOnDate) -> dict:
    from babel.numbers import get_currency_name, get_territory_currencies

    common.country(p.country_code)
    day = parse_date(p.date)
    currencies = get_territory_currencies(p.country_code, start_date=day, tender=True, non_tender=False)
    if not currencies:
        raise ToolInputError(f"CLDR lists no legal-tender currency for {p.country_code!r} on {p.date}")
    code = currencies[0]
    return {
        "currency_code": code,
        "currency_name": get_currency_name(code, locale="en"),
        "currency_count": len(currencies),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="Languages of a country (ISO alpha-2 code) from CLDR: its official (and de facto official) "
    "language codes, and the most widely spoken language with its share of the population in percent.",
    outputs={
        "official_languages": Output("string_list", "the list of official language codes of {country_code}"),
        "main_language": Output(
            "language_code", "the most widely spoken language (by share of the population) of {country_code}"
        ),
        "main_language_name": Output(
            "language_name", "the English name of the most widely spoken language of {country_code}"
        ),
        "main_language_percent": Output(
            "number", "the percentage of the population of {country_code} that speaks its most widely spoken language"
        ),
    },
    examples=[{"country_code": "CH"}, {"country_code": "IN"}],
)
def country_language_profile(p: CountryCode) -> dict:
    from babel import Locale
    from babel.languages import get_official_languages, get_territory_language_info

    common.country(p.country_code)
    info = get_territory_language_info(p.country_code)
    if not info:
        raise ToolInputError(f"CLDR has no language data for country {p.country_code!r}")
    main, facts = min(info.items(), key=lambda item: (-item[1]["population_percent"], item[0]))
    return {
        "official_languages": list(get_official_languages(p.country_code, de_facto=True)),
        "main_language": main,
        "main_language_name": Locale("en").languages.get(main) or Locale("en").languages.get(main.split("_")[0]),
        "main_language_percent": round(float(facts["population_percent"]), 2),
    }


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _territory_locale(code: str) -> Any:
    from babel import Locale, UnknownLocaleError

    common.country(code)
    try:
        return Locale.parse(f"und_{code}")
    except UnknownLocaleError:
        raise ToolInputError(f"CLDR has no locale data for the territory {code!r}") from None


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="Calendar week conventions of a country (CLDR): the first day of the week, the first and last "
    "day of the weekend, and the minimum days in the first week of the year.",
    outputs={
        "first_day_of_week": Output("weekday", "the first day of the week in {country_code}"),
        "weekend_start": Output("weekday", "the first day of the weekend in {country_code}"),
        "weekend_end": Output("weekday", "the last day of the weekend in {country_code}"),
        "min_days_first_week": Output(
            "count", "the minimum number of days in the first week of the year in {country_code}"
        ),
    },
    examples=[{"country_code": "US"}, {"country_code": "AE"}],
)
def country_week_convention(p: CountryCode) -> dict:
    loc = _territory_locale(p.country_code)
    return {
        "first_day_of_week": _DAYS[loc.first_week_day],
        "weekend_start": _DAYS[loc.weekend_start],
        "weekend_end": _DAYS[loc.weekend_end],
        "min_days_first_week": loc.min_week_days,
    }


class CountryInLanguage(BaseModel):
    country_code: str = Field(
        description="ISO 3166-1 alpha-2 country code, e.g. 'JP'.",
        pattern=r"^[A-Z]{2}$",
        json_schema_extra=port("country_code", samples=["JP", "DE", "BR", "KE", "CA"]),
    )
    language_code: str = Field(
        description="Language (CLDR locale) to write the name in, e.g. 'fr' or 'zh'.",
        pattern=r"^[a-z]{2,3}(_[A-Z][a-z]{3})?$",
        json_schema_extra=port("language_code", samples=["fr", "de", "es", "ja", "ru"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="The name of a country written in another language (CLDR territory names), e.g. DE in French "
    "is 'Allemagne'.",
    outputs={"name": Output("label", "the name of {country_code} in {language_code}")},
    examples=[{"country_code": "DE", "language_code": "fr"}, {"country_code": "JP", "language_code": "ru"}],
)
def country_name_in_language(p: CountryInLanguage) -> dict:
    from babel import Locale, UnknownLocaleError

    common.country(p.country_code)
    try:
        loc = Locale.parse(p.language_code)
    except (UnknownLocaleError, ValueError):
        raise ToolInputError(f"unknown CLDR language {p.language_code!r}") from None
    name = loc.territories.get(p.country_code)
    if not name:
        raise ToolInputError(f"CLDR has no {p.language_code} name for {p.country_code}")
    return {"name": name}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="The currencies a country has used (CLDR territory currency history): how many, the earliest "
    "recorded, and every ISO 4217 code in order of adoption.",
    outputs={
        "currency_count": Output("count", "the number of currencies recorded for {country_code}"),
        "earliest_currency": Output("currency_code", "the earliest currency recorded for {country_code}"),
        "currencies": Output("string_list", "the currencies used by {country_code} in order of adoption"),
    },
    examples=[{"country_code": "DE"}, {"country_code": "ZW"}],
)
def country_currency_history(p: CountryCode) -> dict:
    from babel.core import get_global

    common.country(p.country_code)
    history = get_global("territory_currencies").get(p.country_code, [])
    ordered = sorted(history, key=lambda c: (c[1] or (0,), c[0]))
    codes = list(dict.fromkeys(c[0] for c in ordered))
    if not codes:
        raise ToolInputError(f"CLDR records no currency for {p.country_code}")
    return {"currency_count": len(codes), "earliest_currency": codes[0], "currencies": codes}
