"""Plural rules, lists and locale conventions from CLDR (babel): plural categories, list joining, number
symbols, date and time patterns, units and relative time phrases in a language.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.language.common import CLDR, DOMAIN, LanguageParam, lang_field, locale
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


class NumberInLanguage(BaseModel):
    number: int = Field(
        description="A whole number.",
        ge=0,
        le=10**9,
        json_schema_extra=port("integer", quantity=quantity("dimensionless"), samples=[3, 1, 5, 21, 11, 2]),
    )
    language_code: str = lang_field("ISO 639 language code, e.g. 'ru'.", ["ru", "ar", "pl", "fr", "cy", "ga"])


def _visible(pattern: str) -> str:
    """A CLDR pattern without its invisible direction marks (Arabic's U+200F), as a person would type it."""
    return pattern.translate({0x200E: None, 0x200F: None, 0x061C: None})


SCHOOL_LANGUAGES = frozenset({"en", "fr", "es", "de", "it", "pt"})
"""Languages whose everyday forms (12 kilomètres, couronnes suédoises) anyone who learned them writes without a
tool."""


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="CLDR plural category of a number in a language (zero, one, two, few, many or other), which decides "
    "the noun form after it (Russian 3 -> few, 5 -> many), and the ordinal category.",
    outputs={
        "plural_category": Output(
            "label",
            "the CLDR plural category of {number} in {language_code}",
            asks=(
                "In {language_code}, which plural category (zero, one, two, few, many or other) does the number "
                "{number} fall into?",
                "Which plural form does a noun take after {number} in {language_code}? Answer with the plural "
                "category name.",
            ),
            source=CLDR,
        ),
        "ordinal_category": Output(
            "label",
            "the CLDR ordinal category of {number} in {language_code}",
            asks=(
                "In {language_code}, which ordinal category (zero, one, two, few, many or other) does {number} fall "
                "into?",
                "Which ordinal plural category applies to {number} in {language_code}, the kind that picks suffixes "
                "like 1st, 2nd or 3rd?",
            ),
            source=CLDR,
        ),
    },
    examples=[{"number": 3, "language_code": "ru"}],
)
def plural_category(p: NumberInLanguage) -> dict:
    loc = locale(p.language_code)
    return {"plural_category": loc.plural_form(p.number), "ordinal_category": loc.ordinal_form(p.number)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="The plural categories a language distinguishes (CLDR): how many and which (English: one, other; "
    "Arabic: zero, one, two, few, many, other).",
    outputs={
        "category_count": Output(
            "count",
            "the number of plural categories of {language_code}",
            asks=(
                "How many plural categories does {language_code} distinguish?",
                "How many plural forms does {language_code} have?",
            ),
            measure="number of plural categories",
            source=CLDR,
        ),
        "categories": Output(
            "string_list",
            "the plural categories of {language_code}",
            asks=(
                "Which plural categories does {language_code} use? List them.",
                "List the plural categories (zero, one, two, few, many, other) that {language_code} distinguishes.",
            ),
            measure="plural categories",
            source=CLDR,
        ),
    },
    examples=[{"language_code": "ar"}, {"language_code": "ja"}],
)
def language_plural_categories(p: LanguageParam) -> dict:
    rule = locale(p.language_code).plural_form
    categories = sorted({*rule.rules.keys(), "other"})
    return {"category_count": len(categories), "categories": categories}


class ListInLanguage(BaseModel):
    items: list[str] = Field(
        description="Items to join, e.g. ['apples', 'pears', 'plums'].",
        min_length=1,
        max_length=20,
        json_schema_extra=port(
            "string_list",
            samples=[["apples", "pears", "plums"], ["red", "green"], ["Paris", "Rome", "Berlin", "Madrid"]],
        ),
    )
    language_code: str = lang_field("Language of the conjunction, e.g. 'de'.", ["de", "fr", "es"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="Join a list of items the way a language writes lists (CLDR list patterns: 'a, b und c' in German, "
    "'a, b y c' in Spanish).",
    outputs={
        "joined": Output(
            "text",
            "the list {items} joined in {language_code}",
            asks=(
                "In {language_code}, how would you join the items {items} into a list, keeping the items as they are?",
                "Join {items} into one list phrase the way {language_code} writes lists.",
            ),
            source=CLDR,
        )
    },
    examples=[{"items": ["apples", "pears", "plums"], "language_code": "de"}],
)
def join_list(p: ListInLanguage) -> dict:
    from babel.lists import format_list

    if any(not isinstance(i, str) or not i.strip() for i in p.items):
        raise ToolInputError("items must be non-empty strings")
    return {"joined": format_list(p.items, locale=locale(p.language_code))}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="How a language writes numbers (CLDR symbols): decimal separator, grouping separator, percent sign "
    "and minus sign, and its default numbering system.",
    outputs={
        "decimal_separator": Output(
            "label",
            "the decimal separator of {language_code}",
            asks=(
                "What decimal separator does {language_code} use?",
                "Which character does {language_code} use as the decimal mark?",
            ),
            source=CLDR,
        ),
        "group_separator": Output(
            "label",
            "the digit grouping separator of {language_code}",
            asks=(
                "Which character separates thousands in numbers written in {language_code}?",
                "What is the digit grouping separator in {language_code}?",
            ),
            source=CLDR,
        ),
        "percent_sign": Output(
            "label",
            "the percent sign of {language_code}",
            asks=(
                "Which percent sign does {language_code} use?",
                "How is the percent sign written in {language_code}?",
            ),
            source=CLDR,
        ),
        "numbering_system": Output(
            "label",
            "the default numbering system of {language_code}",
            asks=(
                "Which numbering system does {language_code} use by default?",
                "What is the default digit system of {language_code}, such as latn for Latin digits?",
            ),
            source=CLDR,
        ),
    },
    examples=[{"language_code": "de"}, {"language_code": "ar"}],
)
def number_symbols(p: LanguageParam) -> dict:
    loc = locale(p.language_code)
    system = loc.default_numbering_system
    symbols = loc.number_symbols.get(system) or loc.number_symbols.get("latn", {})
    return {
        "decimal_separator": symbols.get("decimal"),
        "group_separator": symbols.get("group"),
        "percent_sign": symbols.get("percentSign"),
        "numbering_system": system,
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="Writing conventions of a language (CLDR): text direction, short date and time patterns, and its "
    "measurement system.",
    outputs={
        "text_direction": Output(
            "label",
            "the text direction (ltr or rtl) of {language_code}",
            asks=(
                "Is {language_code} written left to right or right to left?",
                "Which direction is {language_code} written in? Answer ltr or rtl.",
            ),
            source=CLDR,
        ),
        "short_date_pattern": Output(
            "label",
            "the short date pattern of {language_code}",
            asks=(
                "What is the short date pattern of {language_code}?",
                "How does {language_code} write a short date? Give the pattern, such as dd/MM/y.",
            ),
            source=CLDR,
        ),
        "short_time_pattern": Output(
            "label",
            "the short time pattern of {language_code}",
            asks=(
                "What is the short time pattern of {language_code}?",
                "How does {language_code} write a short time, with a 12- or 24-hour clock? Give the pattern, such as "
                "HH:mm.",
            ),
            source=CLDR,
        ),
    },
    examples=[{"language_code": "ar"}, {"language_code": "de"}],
)
def writing_conventions(p: LanguageParam) -> dict:
    loc = locale(p.language_code)
    return {
        "text_direction": loc.text_direction,
        "short_date_pattern": _visible(loc.date_formats["short"].pattern),
        "short_time_pattern": _visible(loc.time_formats["short"].pattern),
    }


_UNITS = {
    "kilometer": "length-kilometer",
    "mile": "length-mile",
    "kilogram": "mass-kilogram",
    "liter": "volume-liter",
    "hour": "duration-hour",
    "celsius": "temperature-celsius",
    "percent": "concentr-percent",
}


class UnitInLanguage(BaseModel):
    value: float = Field(
        description="The quantity.",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=quantity("dimensionless"), samples=[12, 1, 3.5, 100, 2]),
    )
    unit: Literal["kilometer", "mile", "kilogram", "liter", "hour", "celsius", "percent"] = Field(
        description="Unit: kilometer, mile, kilogram, liter, hour, celsius or percent.",
        json_schema_extra=port("label", samples=["kilometer", "hour", "kilogram", "liter", "mile"]),
    )
    language_code: str = lang_field("Language, e.g. 'fr'.", ["fr", "de", "ja", "ru", "es"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="A quantity with its unit written out in a language (CLDR unit patterns with the right plural "
    "form), long and short.",
    outputs={
        "long_form": Output(
            "text",
            "{value} {unit} written out in {language_code}",
            asks=(
                "How does {language_code} write {value} {unit}, with the unit spelled out in full?",
                "In {language_code}, how are {value} {unit} written out in full?",
            ),
            source=CLDR,
            worth=lambda args, _out: str(args.get("language_code", "")).split("_")[0] not in SCHOOL_LANGUAGES,
        ),
        "short_form": Output(
            "label",
            "{value} {unit} abbreviated in {language_code}",
            asks=(
                "How does {language_code} abbreviate {value} {unit}?",
                "In {language_code}, write {value} with the unit {unit} in its short form.",
            ),
            source=CLDR,
        ),
    },
    examples=[{"value": 12, "unit": "kilometer", "language_code": "fr"}],
)
def unit_in_language(p: UnitInLanguage) -> dict:
    from babel.units import format_unit

    loc, unit = locale(p.language_code), _UNITS[p.unit]
    value = int(p.value) if float(p.value).is_integer() else p.value
    return {
        "long_form": format_unit(value, unit, locale=loc),
        "short_form": format_unit(value, unit, length="short", locale=loc),
    }


class Duration(BaseModel):
    days: int = Field(
        description="Number of days in the future (negative: in the past).",
        ge=-36500,
        le=36500,
        json_schema_extra=port("integer", quantity=quantity("day"), samples=[3, -1, 30, 400, -14]),
    )
    language_code: str = lang_field("Language, e.g. 'de'.", ["de", "fr", "ja", "es", "ru"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="A relative time phrase in a language (CLDR), e.g. 3 days ahead in German is 'in 3 Tagen', rounded "
    "to the largest sensible unit.",
    outputs={
        "phrase": Output(
            "text",
            "{days} days from now said in {language_code}",
            asks=(
                "In {language_code}, how would you say something happens {days} days from now (a negative number "
                "means days ago)?",
                "Give the phrase in {language_code} for an offset of {days} days from today (negative is in the past).",
            ),
            source=CLDR,
        )
    },
    examples=[{"days": 3, "language_code": "de"}],
)
def relative_time_phrase(p: Duration) -> dict:
    from babel.dates import format_timedelta

    return {"phrase": format_timedelta(dt.timedelta(days=p.days), add_direction=True, locale=locale(p.language_code))}
