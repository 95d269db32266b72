"""CLDR facts of countries (babel): the legal-tender currency on a date and the currency history, languages,
calendar week conventions, and a country's name in another language."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.geo import common
from tool_catalog.domains.geo.common import DOMAIN, CountryCode, date_field, parse_date
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_SOURCE = "CLDR"


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
        "currency_code": Output(
            "currency_code",
            "the currency that was legal tender in {country_code} on {date}",
            asks=(
                "What currency was legal tender in {country_code} on {date}? Give its ISO 4217 code.",
                "Which currency would you have paid with in {country_code} on {date}? Answer with its "
                "three-letter code.",
                "On {date}, what was the official currency of {country_code}? Give its ISO code.",
            ),
            source=_SOURCE,
        ),
        "currency_name": Output(
            "label",
            "the English name of the currency that was legal tender in {country_code} on {date}",
            asks=(
                "What was the currency of {country_code} called on {date}? Give its English name.",
                "Name the currency that was legal tender in {country_code} on {date}.",
            ),
            source=_SOURCE,
        ),
        "currency_count": Output(
            "count",
            "the number of currencies that were legal tender in {country_code} on {date}",
            asks=(
                "How many currencies were legal tender in {country_code} on {date}?",
                "On {date}, how many different currencies could you legally pay with in {country_code}?",
            ),
            measure="number of legal-tender currencies",
            source=_SOURCE,
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
        "official_languages": Output(
            "string_list",
            "the list of official language codes of {country_code}",
            asks=(
                "What are the official languages of {country_code}? List their language codes.",
                "List the official and de facto official languages of {country_code} as ISO 639 codes.",
                "Which languages have official status in {country_code}? Give their codes.",
            ),
            measure="official languages",
            source=_SOURCE,
        ),
        "main_language": Output(
            "language_code",
            "the most widely spoken language (by share of the population) of {country_code}",
            asks=(
                "Which language is the most widely spoken in {country_code}? Answer with its ISO 639 code.",
                "What language does the largest share of people in {country_code} speak? Give its language code.",
            ),
            source=_SOURCE,
            worth=lambda _args, out: out.get("official_languages") != [out.get("main_language")],
        ),
        "main_language_name": Output(
            "language_name",
            "the English name of the most widely spoken language of {country_code}",
            asks=(
                "What is the most widely spoken language in {country_code}?",
                "Which language do the most people in {country_code} speak? Give its English name.",
                "I'm moving to {country_code}. Which language is spoken by the largest share of people there?",
            ),
            source=_SOURCE,
            worth=lambda _args, out: out.get("official_languages") != [out.get("main_language")],
        ),
        "main_language_percent": Output(
            "number",
            "the percentage of the population of {country_code} that speaks its most widely spoken language",
            asks=(
                "What percentage of people in {country_code} speak its most widely spoken language?",
                "What share of the population of {country_code}, in percent, speaks the country's main language?",
            ),
            measure="share speaking the main language",
            quantity=quantity("percent"),
            source=_SOURCE,
            alike=("main_language",),  # German speakers in Germany and Austria; not Portuguese against Catalan
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
        "first_day_of_week": Output(
            "weekday",
            "the first day of the week in {country_code}",
            asks=(
                "On which day does the week start in {country_code}?",
                "Calendars in {country_code} begin each week on which day?",
                "What is the first day of the week in {country_code}?",
            ),
            source=_SOURCE,
        ),
        "weekend_start": Output(
            "weekday",
            "the first day of the weekend in {country_code}",
            asks=(
                "On which day does the weekend begin in {country_code}?",
                "What is the first day of the weekend in {country_code}?",
            ),
            source=_SOURCE,
        ),
        "weekend_end": Output(
            "weekday",
            "the last day of the weekend in {country_code}",
            asks=(
                "On which day does the weekend end in {country_code}?",
                "What is the last day of the weekend in {country_code}?",
            ),
            source=_SOURCE,
        ),
        "min_days_first_week": Output(
            "count",
            "the minimum number of days in the first week of the year in {country_code}",
            asks=(
                "In {country_code}, how many days of the new year must a week contain to count as week 1?",
                "What is the minimum number of days in the first week of the year in {country_code}?",
            ),
            measure="minimum days in the first week",
            quantity=quantity("day"),
            source=_SOURCE,
            askable=False,
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
    outputs={
        "name": Output(
            "label",
            "the name of {country_code} in {language_code}",
            asks=(
                "What is {country_code} called in {language_code}?",
                "How is the name of {country_code} written in {language_code}?",
                "In {language_code}, what is the usual name for {country_code}?",
            ),
            source=_SOURCE,
        )
    },
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
        "currency_count": Output(
            "count",
            "the number of currencies recorded for {country_code}",
            asks=(
                "How many different currencies has {country_code} used?",
                "How many currencies are on record for {country_code}, past and present?",
            ),
            measure="number of currencies used",
            source=_SOURCE,
        ),
        "earliest_currency": Output(
            "currency_code",
            "the earliest currency recorded for {country_code}",
            asks=(
                "What is the earliest currency on record for {country_code}? Give its ISO 4217 code.",
                "Which currency did {country_code} use first? Answer with its three-letter code.",
            ),
            source=_SOURCE,
        ),
        "currencies": Output(
            "string_list",
            "the currencies used by {country_code} in order of adoption",
            asks=(
                "List the currencies {country_code} has used, in order of adoption, as ISO 4217 codes.",
                "Which currencies has {country_code} had over time? List their codes from earliest to latest.",
            ),
            measure="currencies used",
            source=_SOURCE,
            avoid=("list_set_operations",),  # one country's currency history set against another's asks nothing
        ),
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
