"""Shared pieces of the language domain: the lazily loaded backends (CMU Pronouncing Dictionary, inflect engine,
CLDR locales and territory data, langcodes languages), input checks, field builders and the params models that
several topic modules use.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.ports import port
from tool_catalog.spec import ToolInputError

DOMAIN = "language"

CMU_DICT = "the CMU Pronouncing Dictionary"
"""The source of facts that depend on the pronouncing dictionary (rhymes, homophones, word counts, syllables)."""
CLDR = "CLDR"
"""The source of locale facts: languages of territories, speaker estimates, plural rules, formats."""
TABULAR_ISLAMIC = "the tabular Islamic calendar"
"""The source of Islamic dates: the arithmetical calendar, which observed (moon-sighted) dates may miss by a day."""


_WORD_PATTERN = r"^[A-Za-z][A-Za-z'.\-]{0,44}$"
_LANG_PATTERN = r"^[a-z]{2,3}$"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
MIN_DATE, MAX_DATE = dt.date(1000, 1, 1), dt.date(2999, 12, 31)
_WORD_SAMPLES = ["computer", "climb", "happy", "mouse", "running", "geese", "there", "banana"]
_LANG_SAMPLES = ["fr", "de", "ja", "sw", "pt", "hi", "ru", "ar"]
_DATE_SAMPLES = ["2025-03-14", "2024-02-29", "2000-01-01", "1969-07-20", "2026-04-02", "2023-09-16"]
YEAR_SAMPLES = [2025, 2024, 2000, 1999, 2030]


@cache
def cmu() -> dict[str, list[str]]:
    """CMU Pronouncing Dictionary: word -> pronunciations in dictionary order."""
    import pronouncing

    pronouncing.init_cmu()
    return pronouncing.lookup


@cache
def inflect_engine() -> Any:
    import inflect

    return inflect.engine()


def word(value: str) -> str:
    return value.strip().lower()


def word_field(description: str, samples: list[str] = _WORD_SAMPLES) -> Any:
    return Field(description=description, pattern=_WORD_PATTERN, json_schema_extra=port("word", samples=samples))


def lang_field(description: str, samples: list[str] = _LANG_SAMPLES) -> Any:
    return Field(
        description=description, pattern=_LANG_PATTERN, json_schema_extra=port("language_code", samples=samples)
    )


def date_field(description: str) -> Any:
    return Field(description=description, pattern=_DATE_PATTERN, json_schema_extra=port("date", samples=_DATE_SAMPLES))


def parse_date(value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ToolInputError(f"{value!r} is not a valid calendar date (YYYY-MM-DD)") from None
    if not MIN_DATE <= day <= MAX_DATE:
        raise ToolInputError(f"date {value} is outside the supported range 1000-01-01 to 2999-12-31")
    return day


def ymd(y: int, m: int, d: int) -> str:
    return f"{y}-{m:02d}-{d:02d}"


def known_language(code: str) -> Any:
    import langcodes
    from langcodes.data_dicts import LIKELY_SUBTAGS

    language = langcodes.Language.get(code)
    if code not in LIKELY_SUBTAGS or not language.is_valid() or language.display_name().startswith("Unknown"):
        raise ToolInputError(f"unknown language code {code!r}")
    return language


@cache
def locale(code: str) -> Any:
    from babel import Locale
    from babel.localedata import locale_identifiers

    if code not in set(locale_identifiers()):
        raise ToolInputError(f"CLDR (babel) has no locale data for the language with code {code!r}")
    return Locale.parse(code)


@cache
def territory_languages() -> dict[str, dict[str, dict]]:
    from babel.core import get_global

    return get_global("territory_languages")


class WordParam(BaseModel):
    word: str = word_field("An English word, e.g. 'computer' (case-insensitive).")


class LanguageParam(BaseModel):
    language_code: str = lang_field("ISO 639 language code, e.g. 'pt'.")


class GregorianDate(BaseModel):
    date: str = date_field("Gregorian date YYYY-MM-DD (years 1000-2999).")


class YearParam(BaseModel):
    year: int = Field(
        description="Gregorian year (1000-2999).",
        ge=1000,
        le=2999,
        json_schema_extra=port("year", samples=YEAR_SAMPLES),
    )
