"""Language & time: pronunciation, inflection, number words, languages of the world, calendars.

Backends: pronouncing (CMU Pronouncing Dictionary), lemminflect, inflect, num2words, langcodes + language_data,
babel (CLDR), convertdate and python-dateutil. Date arithmetic, weekdays and ISO weeks live in the general tools;
this module adds what they lack: other calendars, religious feast days and locale-specific names.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from tool_catalog.ports import define_port, port
from tool_catalog.registry import seed_source, tool
from tool_catalog.spec import Output, ToolInputError

DOMAIN = "language"

define_port(
    "arpabet",
    "pronunciation as space-separated ARPAbet phones with stress digits (CMU Pronouncing Dictionary)",
    "string",
    "the ARPAbet pronunciation '{value}'",
)
define_port("part_of_speech", "a coarse part of speech: noun, verb, adjective or adverb", "string", chainable=False)
define_port(
    "julian_date", "date in the Julian calendar as year-month-day", "string", "the Julian calendar date {value}"
)
define_port(
    "persian_date",
    "date in the Persian (Solar Hijri) calendar as year-month-day",
    "string",
    "the Persian calendar date {value}",
)

_WORD_PATTERN = r"^[A-Za-z][A-Za-z'.\-]{0,44}$"
_LANG_PATTERN = r"^[a-z]{2,3}$"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_CAL_DATE_PATTERN = r"^\d{1,4}-\d{1,2}-\d{1,2}$"
_MIN_DATE, _MAX_DATE = dt.date(1000, 1, 1), dt.date(2999, 12, 31)
_WORD_SAMPLES = ["computer", "climb", "happy", "mouse", "running", "geese", "there", "banana"]
_LANG_SAMPLES = ["fr", "de", "ja", "sw", "pt", "hi", "ru", "ar"]
_COUNTRY_SAMPLES = ["CH", "IN", "BR", "KE", "CA", "JP", "BE", "ZA"]
_DATE_SAMPLES = ["2025-03-14", "2024-02-29", "2000-01-01", "1969-07-20", "2026-04-02", "2023-09-16"]
_YEAR_SAMPLES = [2025, 2024, 2000, 1999, 2030, 1961]


# --- shared loaders and checks ----------------------------------------------------------------------


@cache
def _cmu() -> dict[str, list[str]]:
    """CMU Pronouncing Dictionary: word -> pronunciations in dictionary order."""
    import pronouncing

    pronouncing.init_cmu()
    return pronouncing.lookup


@cache
def _words_by_phones() -> dict[str, tuple[str, ...]]:
    import pronouncing

    pronouncing.init_cmu()
    index: dict[str, list[str]] = {}
    for word, phones in pronouncing.pronunciations:
        index.setdefault(phones, []).append(word)
    return {phones: tuple(sorted(set(words))) for phones, words in index.items()}


@cache
def _inflect_engine() -> Any:
    import inflect

    return inflect.engine()


def _word(value: str) -> str:
    return value.strip().lower()


def _phones(word: str) -> list[str]:
    phones = _cmu().get(_word(word))
    if not phones:
        raise ToolInputError(f"the word {word!r} is not in the CMU Pronouncing Dictionary")
    return phones


def _word_field(description: str, samples: list[str] = _WORD_SAMPLES) -> Any:
    return Field(description=description, pattern=_WORD_PATTERN, json_schema_extra=port("word", samples=samples))


def _lang_field(description: str, samples: list[str] = _LANG_SAMPLES) -> Any:
    return Field(
        description=description, pattern=_LANG_PATTERN, json_schema_extra=port("language_code", samples=samples)
    )


def _country_field(description: str, samples: list[str] = _COUNTRY_SAMPLES) -> Any:
    return Field(
        description=description, pattern=r"^[A-Z]{2}$", json_schema_extra=port("country_code", samples=samples)
    )


def _date_field(description: str) -> Any:
    return Field(description=description, pattern=_DATE_PATTERN, json_schema_extra=port("date", samples=_DATE_SAMPLES))


def _parse_date(value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ToolInputError(f"{value!r} is not a valid calendar date (YYYY-MM-DD)") from None
    if not _MIN_DATE <= day <= _MAX_DATE:
        raise ToolInputError(f"date {value} is outside the supported range 1000-01-01 to 2999-12-31")
    return day


def _ymd(y: int, m: int, d: int) -> str:
    return f"{y}-{m:02d}-{d:02d}"


def _split_calendar_date(value: str, calendar: str) -> tuple[int, int, int]:
    y, m, d = (int(part) for part in value.split("-"))
    if m < 1 or d < 1:
        raise ToolInputError(f"{calendar} date {value!r} has a month or day below 1")
    return y, m, d


def _gregorian(y: int, m: int, d: int, original: str) -> dt.date:
    day = dt.date(y, m, d)
    if not _MIN_DATE <= day <= _MAX_DATE:
        raise ToolInputError(f"{original} falls outside Gregorian years 1000-2999")
    return day


# --- pronunciation (CMU Pronouncing Dictionary) -----------------------------------------------------


class WordParam(BaseModel):
    word: str = _word_field("An English word, e.g. 'computer' (case-insensitive).")


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Pronunciation of an English word from the CMU Pronouncing Dictionary: its first listed ARPAbet "
    "phones, syllable count, stress pattern (1 primary, 2 secondary, 0 unstressed) and how many pronunciations "
    "the dictionary lists.",
    outputs={
        "phones": Output("arpabet", "the ARPAbet pronunciation of {word} in the CMU Pronouncing Dictionary"),
        "syllables": Output("count", "the number of syllables of {word}"),
        "stress_pattern": Output("label", "the stress pattern of {word} (1 primary, 2 secondary, 0 unstressed)"),
        "pronunciation_count": Output("count", "the number of pronunciations the CMU dictionary lists for {word}"),
    },
    examples=[{"word": "computer"}, {"word": "tomato"}],
)
def word_pronunciation(p: WordParam) -> dict:
    import pronouncing

    phones = _phones(p.word)
    first = phones[0]
    return {
        "phones": first,
        "syllables": pronouncing.syllable_count(first),
        "stress_pattern": pronouncing.stresses(first),
        "pronunciation_count": len(phones),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Words that rhyme with an English word in the CMU Pronouncing Dictionary (same phones from the "
    "last stressed vowel on, over all its pronunciations): how many, and the alphabetically first and last.",
    outputs={
        "rhyme_count": Output("count", "the number of words in the CMU dictionary that rhyme with {word}"),
        "first_rhyme": Output("word", "the alphabetically first word in the CMU dictionary that rhymes with {word}"),
        "last_rhyme": Output("word", "the alphabetically last word in the CMU dictionary that rhymes with {word}"),
    },
    examples=[{"word": "climb"}, {"word": "light"}],
)
def word_rhymes(p: WordParam) -> dict:
    import pronouncing

    _phones(p.word)
    rhymes = sorted(set(pronouncing.rhymes(_word(p.word))))
    if not rhymes:
        raise ToolInputError(f"no word in the CMU Pronouncing Dictionary rhymes with {p.word!r}")
    return {"rhyme_count": len(rhymes), "first_rhyme": rhymes[0], "last_rhyme": rhymes[-1]}


class PhonesParam(BaseModel):
    phones: str = Field(
        description="A pronunciation as space-separated ARPAbet phones with stress digits, e.g. 'DH EH1 R'.",
        pattern=r"^[A-Z]{1,2}[0-2]?( [A-Z]{1,2}[0-2]?){0,29}$",
        json_schema_extra=port(
            "arpabet", samples=["DH EH1 R", "N OW1", "R AY1 T", "T UW1", "S IY1", "F L AW1 ER0", "M EY1 D"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="All words of the CMU Pronouncing Dictionary pronounced exactly as the given ARPAbet phones "
    "(homophones): how many, the alphabetically first, and the full sorted list.",
    outputs={
        "word_count": Output("count", "the number of words in the CMU dictionary pronounced as {phones}"),
        "first_word": Output("word", "the alphabetically first word in the CMU dictionary pronounced as {phones}"),
        "words": Output("string_list", "the words in the CMU dictionary pronounced as {phones}"),
    },
    examples=[{"phones": "DH EH1 R"}, {"phones": "R AY1 T"}],
)
def words_with_pronunciation(p: PhonesParam) -> dict:
    words = _words_by_phones().get(p.phones)
    if not words:
        raise ToolInputError(f"no word in the CMU Pronouncing Dictionary is pronounced {p.phones!r}")
    return {"word_count": len(words), "first_word": words[0], "words": list(words)}


# --- inflection (lemminflect, inflect) ---------------------------------------------------------------

_UPOS = {"noun": "NOUN", "verb": "VERB", "adjective": "ADJ", "adverb": "ADV"}


class LemmaParams(BaseModel):
    word: str = _word_field(
        "An inflected English word, e.g. 'geese' or 'running'.",
        ["geese", "running", "better", "faster", "mice", "went", "happier", "best"],
    )
    pos: Literal["noun", "verb", "adjective", "adverb"] = Field(
        description="Part of speech the word is used as.",
        json_schema_extra=port("part_of_speech", samples=["noun", "verb", "adjective", "adverb"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="lemminflect",
    description="Dictionary form (lemma) of an English word used as the given part of speech, from lemminflect's "
    "dictionary (e.g. geese as a noun -> goose, went as a verb -> go).",
    outputs={"lemma": Output("word", "the lemma (dictionary form) of {word} used as a {pos}")},
    examples=[
        {"word": "geese", "pos": "noun"},
        {"word": "went", "pos": "verb"},
        {"word": "better", "pos": "adjective"},
    ],
)
def word_lemma(p: LemmaParams) -> dict:
    import lemminflect

    lemmas = lemminflect.getLemma(_word(p.word), _UPOS[p.pos], lemmatize_oov=False)
    if not lemmas:
        raise ToolInputError(f"{p.word!r} is not a known English {p.pos} in lemminflect's dictionary")
    return {"lemma": lemmas[0]}


def _inflections(word: str, upos: str, what: str) -> dict[str, tuple[str, ...]]:
    import lemminflect

    forms = lemminflect.getAllInflections(_word(word), upos)
    if not forms:
        raise ToolInputError(f"{word!r} is not the base form of a known English {what} (lemmatize it first)")
    return forms


class VerbParam(BaseModel):
    word: str = _word_field(
        "Base form of an English verb, e.g. 'run'.", ["run", "go", "swim", "be", "write", "study", "eat", "think"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="lemminflect",
    description="Inflected forms of an English verb given in its base form (lemminflect dictionary): simple past, "
    "past participle, present participle and third-person singular present.",
    outputs={
        "past_tense": Output("word", "the simple past tense of the verb {word}"),
        "past_participle": Output("word", "the past participle of the verb {word}"),
        "present_participle": Output("word", "the present participle (-ing form) of the verb {word}"),
        "third_person_singular": Output("word", "the third-person singular present form of the verb {word}"),
    },
    examples=[{"word": "run"}, {"word": "write"}],
)
def verb_inflections(p: VerbParam) -> dict:
    import lemminflect

    _inflections(p.word, "VERB", "verb")
    word = _word(p.word)
    forms = {tag: lemminflect.getInflection(word, tag, inflect_oov=False) for tag in ("VBD", "VBN", "VBG", "VBZ")}
    if not all(forms.values()):
        raise ToolInputError(f"lemminflect lacks some inflected forms of the verb {p.word!r}")
    return {
        "past_tense": forms["VBD"][0],
        "past_participle": forms["VBN"][0],
        "present_participle": forms["VBG"][0],
        "third_person_singular": forms["VBZ"][0],
    }


class AdjectiveParam(BaseModel):
    word: str = _word_field(
        "Base form of an English adjective, e.g. 'happy'.", ["happy", "good", "big", "bad", "simple", "far", "early"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="lemminflect",
    description="Comparative and superlative of an English adjective that inflects (happy -> happier, happiest; "
    "good -> better, best), from lemminflect's dictionary. Adjectives compared with more/most are refused.",
    outputs={
        "comparative": Output("word", "the comparative form of the adjective {word}"),
        "superlative": Output("word", "the superlative form of the adjective {word}"),
    },
    examples=[{"word": "happy"}, {"word": "good"}],
)
def adjective_degrees(p: AdjectiveParam) -> dict:
    forms = _inflections(p.word, "ADJ", "adjective")
    if "JJR" not in forms or "JJS" not in forms:
        raise ToolInputError(f"the adjective {p.word!r} has no inflected comparative (it takes 'more'/'most')")
    return {"comparative": forms["JJR"][0], "superlative": forms["JJS"][0]}


class NounParam(BaseModel):
    word: str = _word_field(
        "A singular English noun, e.g. 'mouse'.",
        ["mouse", "hour", "criterion", "child", "university", "sheep", "cactus", "knife"],
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="English plural of a singular noun (inflect's rules and irregular tables: mouse -> mice) and the "
    "indefinite article it takes ('a' or 'an', by sound: an hour, a university).",
    outputs={
        "plural": Output("word", "the plural of the noun {word}"),
        "indefinite_article": Output("label", "the indefinite article ('a' or 'an') used before {word}"),
    },
    examples=[{"word": "mouse"}, {"word": "hour"}, {"word": "criterion"}],
)
def noun_forms(p: NounParam) -> dict:
    import lemminflect

    word = _word(p.word)
    if word not in _cmu() and not lemminflect.getAllInflections(word, "NOUN"):
        raise ToolInputError(f"{p.word!r} is not a known English word")
    engine = _inflect_engine()
    return {"plural": engine.plural_noun(word), "indefinite_article": engine.a(word).split(" ", 1)[0]}


# --- numbers in words (inflect, num2words) -----------------------------------------------------------


class EnglishNumber(BaseModel):
    number: int = Field(
        description="A whole number from 0 to 10^15.",
        ge=0,
        le=10**15,
        json_schema_extra=port("integer", samples=[21, 1234567, 100, 42, 1999, 3000000, 13]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="Write a whole number in English words (British style with 'and', e.g. 'one hundred and one'), "
    "as ordinal words ('twenty-first') and as an ordinal numeral ('21st').",
    outputs={
        "cardinal_words": Output("text", "the number {number} written in English words"),
        "ordinal_words": Output("text", "the English ordinal of {number} written in words"),
        "ordinal_numeral": Output("label", "the English ordinal numeral (like 21st) of {number}"),
    },
    examples=[{"number": 21}, {"number": 1234567}],
)
def english_number_words(p: EnglishNumber) -> dict:
    engine = _inflect_engine()
    ordinal = engine.ordinal(p.number)
    return {
        "cardinal_words": engine.number_to_words(p.number),
        "ordinal_words": engine.number_to_words(ordinal),
        "ordinal_numeral": ordinal,
    }


_NUM2WORDS_ALIASES = {"kk": "kz"}
"""ISO 639-1 codes that num2words files under another key (Kazakh is 'kz' there)."""

_NUM2WORDS_BROKEN = {"am": "its Amharic converter loops forever on some numbers (1234567) and fails on others"}
"""Languages num2words lists but cannot be trusted with: a tool thread that never returns outlives its timeout."""


def num2words_language(code: str) -> str:
    """The num2words key for an ISO 639-1 code, or a clear error for a language it cannot (reliably) write."""
    from num2words import CONVERTER_CLASSES

    if code in _NUM2WORDS_BROKEN:
        raise ToolInputError(f"num2words cannot be used for {code!r}: {_NUM2WORDS_BROKEN[code]}")
    lang = _NUM2WORDS_ALIASES.get(code, code)
    if lang not in CONVERTER_CLASSES:
        raise ToolInputError(f"num2words cannot write numbers in the language with code {code!r}")
    return lang


class ForeignNumber(BaseModel):
    number: int = Field(
        description="A whole number between -10^12 and 10^12.",
        ge=-(10**12),
        le=10**12,
        json_schema_extra=port("integer", samples=[42, 1234567, 2025, 99, 1000, 17]),
    )
    language_code: str = _lang_field(
        "ISO 639-1 code of the language, e.g. 'fr'.", ["fr", "de", "es", "ja", "ru", "ar", "pt", "tr"]
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="num2words",
    description="Write a whole number in words in one of num2words' ~50 languages given by ISO 639-1 code "
    "(e.g. 42 in German -> 'zweiundvierzig').",
    outputs={"words": Output("text", "the number {number} written in words in {language_code}")},
    examples=[{"number": 1234567, "language_code": "fr"}, {"number": 42, "language_code": "de"}],
)
def number_in_words(p: ForeignNumber) -> dict:
    from num2words import num2words

    return {"words": num2words(p.number, lang=num2words_language(p.language_code))}


# --- languages of the world (langcodes + language_data, babel/CLDR) ----------------------------------


def _known_language(code: str) -> Any:
    import langcodes
    from langcodes.data_dicts import LIKELY_SUBTAGS

    language = langcodes.Language.get(code)
    if code not in LIKELY_SUBTAGS or not language.is_valid() or language.display_name().startswith("Unknown"):
        raise ToolInputError(f"unknown language code {code!r}")
    return language


class LanguageParam(BaseModel):
    language_code: str = _lang_field("ISO 639 language code, e.g. 'pt'.")


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="langcodes",
    description="Facts about a language from CLDR and Unicode population data (langcodes + language_data): English "
    "name, its own name (autonym), estimated speakers and writers, likely script and likely country, ISO 639-3 code. "
    "Languages without a likely country (Esperanto, Yiddish: region 'world') are refused.",
    outputs={
        "name": Output("language_name", "the English name of {language_code}"),
        "autonym": Output("label", "the name of {language_code} in that language itself"),
        "speaking_population": Output("integer", "the estimated number of speakers of {language_code}"),
        "writing_population": Output("integer", "the estimated number of people who write {language_code}"),
        "likely_script": Output("label", "the ISO 15924 code of the script most likely used for {language_code}"),
        "likely_country": Output("country_code", "the country most likely associated with {language_code}"),
        "iso639_3": Output("label", "the ISO 639-3 code of {language_code}"),
    },
    examples=[{"language_code": "pt"}, {"language_code": "sw"}],
)
def language_info(p: LanguageParam) -> dict:
    language = _known_language(p.language_code)
    likely = language.maximize()
    if not (likely.territory and len(likely.territory) == 2 and likely.territory.isalpha()) or likely.territory == "ZZ":
        raise ToolInputError(
            f"the language {p.language_code!r} has no likely country in CLDR (its likely region is "
            f"{likely.territory!r}, not a country)"
        )
    try:
        autonym = language.autonym()
    except (LookupError, ValueError):
        autonym = language.display_name()
    return {
        "name": language.display_name(),
        "autonym": autonym,
        "speaking_population": language.speaking_population(),
        "writing_population": language.writing_population(),
        "likely_script": likely.script,
        "likely_country": likely.territory,
        "iso639_3": language.to_alpha3(),
    }


class LanguageName(BaseModel):
    name: str = Field(
        description="Name of a language in English, e.g. 'German'.",
        min_length=2,
        max_length=60,
        pattern=r"^[^\W\d_](?:[^\W\d_]|[ '’ʼ()\-])*$",
        json_schema_extra=port(
            "language_name", samples=["German", "Swahili", "Persian", "Tagalog", "Zulu", "Korean", "Welsh"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="langcodes",
    description="Find the ISO 639 language code for a language named in English (CLDR names via langcodes), "
    "e.g. 'German' -> 'de'.",
    outputs={"language_code": Output("language_code", "the ISO 639 code of the language {name}")},
    examples=[{"name": "German"}, {"name": "Swahili"}],
)
def language_code_lookup(p: LanguageName) -> dict:
    import langcodes

    try:
        found = langcodes.find(p.name.strip(), language="en")
    except LookupError:
        raise ToolInputError(f"no language is named {p.name!r} in English") from None
    if not found.language:
        raise ToolInputError(f"no language is named {p.name!r} in English")
    return {"language_code": found.language}


@cache
def _locale(code: str) -> Any:
    from babel import Locale
    from babel.localedata import locale_identifiers

    if code not in set(locale_identifiers()):
        raise ToolInputError(f"CLDR (babel) has no locale data for the language with code {code!r}")
    return Locale.parse(code)


class TranslatedName(BaseModel):
    language_code: str = _lang_field("ISO 639 code of the language to name, e.g. 'fr'.")
    in_language: str = _lang_field(
        "ISO 639 code of the language to write the name in, e.g. 'de'.", ["de", "es", "ja", "ru", "fr", "zh", "it"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="The name of a language as written in another language, from CLDR locale data (babel), "
    "e.g. French in German -> 'Französisch'.",
    outputs={"name": Output("label", "the name of {language_code} written in {in_language}")},
    examples=[{"language_code": "fr", "in_language": "de"}, {"language_code": "en", "in_language": "ja"}],
)
def language_name_translated(p: TranslatedName) -> dict:
    name = _locale(p.in_language).languages.get(p.language_code)
    if not name:
        raise ToolInputError(f"CLDR has no name in {p.in_language!r} for the language with code {p.language_code!r}")
    return {"name": name}


@cache
def _territory_languages() -> dict[str, dict[str, dict]]:
    from babel.core import get_global

    return get_global("territory_languages")


def _territory(code: str) -> dict[str, dict]:
    entries = _territory_languages().get(code)
    if not entries or "und" in entries:
        raise ToolInputError(f"CLDR has no language data for the territory with ISO code {code!r}")
    return entries


def _base(code: str) -> str:
    return code.split("_", 1)[0]


class TerritoryParam(BaseModel):
    country_code: str = _country_field("ISO 3166-1 alpha-2 country code, e.g. 'CH'.")


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="Languages of a country from CLDR territory data (babel): the official languages (de jure or de "
    "facto, national level), how many there are, and the language spoken by the largest share of the population.",
    outputs={
        "official_languages": Output("string_list", "the language codes of the official languages of {country_code}"),
        "official_language_count": Output("count", "the number of official languages of {country_code}"),
        "most_spoken_language": Output(
            "language_code", "the language spoken by the largest share of the population of {country_code}"
        ),
    },
    examples=[{"country_code": "CH"}, {"country_code": "IN"}, {"country_code": "US"}],
)
def territory_languages(p: TerritoryParam) -> dict:
    from babel.languages import get_official_languages

    entries = _territory(p.country_code)
    official = list(dict.fromkeys(_base(c) for c in get_official_languages(p.country_code, de_facto=True)))
    top = max(entries.items(), key=lambda kv: (kv[1]["population_percent"], kv[0] == _base(kv[0])))[0]
    return {
        "official_languages": official,
        "official_language_count": len(official),
        "most_spoken_language": _base(top),
    }


class TerritoryLanguage(BaseModel):
    country_code: str = _country_field(
        "ISO 3166-1 alpha-2 country code, e.g. 'IN'.", ["IN", "CA", "CH", "KE", "BE", "US", "ZA"]
    )
    language_code: str = _lang_field("ISO 639 language code, e.g. 'hi'.", ["hi", "fr", "de", "sw", "nl", "es", "zu"])


_STATUS = {
    "official": "official",
    "de_facto_official": "de facto official",
    "official_regional": "official in a region",
    "official_minority": "official minority language",
}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="How widely a language is spoken in a country (CLDR territory data via babel): the percentage of "
    "the population that speaks it and its official status there.",
    outputs={
        "population_percent": Output(
            "number", "the percentage of the population of {country_code} who speak {language_code}"
        ),
        "official_status": Output("label", "the official status of {language_code} in {country_code}"),
    },
    examples=[{"country_code": "IN", "language_code": "hi"}, {"country_code": "CA", "language_code": "fr"}],
)
def language_share_in_territory(p: TerritoryLanguage) -> dict:
    entries = _territory(p.country_code)
    matches = [(k, v) for k, v in entries.items() if _base(k) == p.language_code]
    if not matches:
        raise ToolInputError(f"CLDR lists no speakers of {p.language_code!r} in the territory {p.country_code!r}")
    _, entry = max(matches, key=lambda kv: (kv[0] == p.language_code, kv[1]["population_percent"]))
    return {
        "population_percent": round(float(entry["population_percent"]), 4),
        "official_status": _STATUS.get(entry["official_status"] or "", "not official"),
    }


class LocalizedDate(BaseModel):
    date: str = _date_field("Gregorian date YYYY-MM-DD.")
    language_code: str = _lang_field("ISO 639 code of the language to write the date in, e.g. 'de'.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="Write a date in another language using CLDR locale data (babel): the full written date, the name "
    "of its weekday and the name of its month in that language.",
    outputs={
        "full_date": Output("text", "{date} written out in full in {language_code}"),
        "weekday_name": Output("label", "the name of the weekday of {date} in {language_code}"),
        "month_name": Output("label", "the name of the month of {date} in {language_code}"),
    },
    examples=[{"date": "2025-03-14", "language_code": "de"}, {"date": "2024-02-29", "language_code": "ja"}],
)
def localized_date(p: LocalizedDate) -> dict:
    from babel.dates import format_date

    day = _parse_date(p.date)
    locale = _locale(p.language_code)
    return {
        "full_date": format_date(day, "full", locale=locale),
        "weekday_name": format_date(day, "EEEE", locale=locale),
        "month_name": format_date(day, "MMMM", locale=locale),
    }


# --- calendars (convertdate, python-dateutil) ---------------------------------------------------------


class GregorianDate(BaseModel):
    date: str = _date_field("Gregorian date YYYY-MM-DD (years 1000-2999).")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a Gregorian date to the Hebrew calendar (convertdate). The date is year-month-day with "
    "months numbered from Nisan = 1 (Tishri = 7, Adar = 12, Adar II = 13 in leap years); also the month name and "
    "whether the Hebrew year is a leap year (13 months).",
    outputs={
        "hebrew_date": Output("hebrew_date", "the Hebrew calendar date corresponding to {date}"),
        "month_name": Output("label", "the name of the Hebrew month in which {date} falls"),
        "is_leap_year": Output("boolean", "whether the Hebrew year containing {date} is a leap year"),
    },
    examples=[{"date": "2025-03-14"}, {"date": "2024-03-24"}],
)
def gregorian_to_hebrew(p: GregorianDate) -> dict:
    from convertdate import hebrew

    day = _parse_date(p.date)
    y, m, d = hebrew.from_gregorian(day.year, day.month, day.day)
    leap = bool(hebrew.leap(y))
    return {"hebrew_date": _ymd(y, m, d), "month_name": _hebrew_month_name(y, m), "is_leap_year": leap}


def _hebrew_month_name(year: int, month: int) -> str:
    from convertdate import hebrew

    if month == 12 and hebrew.leap(year):
        return "Adar I"
    return "Adar II" if month == 13 else hebrew.MONTHS[month - 1]


class HebrewDate(BaseModel):
    hebrew_date: str = Field(
        description="Hebrew date as year-month-day, months numbered from Nisan = 1 (Tishri = 7), e.g. '5786-01-15'.",
        pattern=_CAL_DATE_PATTERN,
        json_schema_extra=port(
            "hebrew_date", samples=["5786-01-15", "5785-07-01", "5785-12-14", "5784-09-25", "5760-10-01"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a Hebrew calendar date (year-month-day, months numbered from Nisan = 1, Tishri = 7, "
    "Adar II = 13) to the Gregorian date (convertdate); the Hebrew day begins at the previous sunset.",
    outputs={"date": Output("date", "the Gregorian date corresponding to {hebrew_date}")},
    examples=[{"hebrew_date": "5786-01-15"}, {"hebrew_date": "5785-07-01"}],
)
def hebrew_to_gregorian(p: HebrewDate) -> dict:
    from convertdate import hebrew

    y, m, d = _split_calendar_date(p.hebrew_date, "Hebrew")
    if not 4000 <= y <= 7000:
        raise ToolInputError(f"Hebrew year {y} is outside the supported range 4000-7000")
    if m > hebrew.year_months(y):
        raise ToolInputError(f"Hebrew year {y} has only {hebrew.year_months(y)} months, not {m}")
    if d > hebrew.month_length(y, m):
        raise ToolInputError(f"month {m} of Hebrew year {y} has only {hebrew.month_length(y, m)} days, not {d}")
    return {"date": _gregorian(*hebrew.to_gregorian(y, m, d), p.hebrew_date).isoformat()}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a Gregorian date to the arithmetical (tabular) Islamic Hijri calendar with convertdate: "
    "year-month-day (Muharram = 1, Ramadan = 9) and the month name. Observed dates may differ by a day or two.",
    outputs={
        "islamic_date": Output("islamic_date", "the Islamic (Hijri) calendar date corresponding to {date}"),
        "month_name": Output("label", "the name of the Islamic month in which {date} falls"),
    },
    examples=[{"date": "2025-03-14"}, {"date": "2000-01-01"}],
)
def gregorian_to_islamic(p: GregorianDate) -> dict:
    from convertdate import islamic

    day = _parse_date(p.date)
    y, m, d = islamic.from_gregorian(day.year, day.month, day.day)
    return {"islamic_date": _ymd(y, m, d), "month_name": islamic.MONTHS[m - 1]}


class IslamicDate(BaseModel):
    islamic_date: str = Field(
        description="Islamic (Hijri) date as year-month-day, Muharram = 1, Ramadan = 9, e.g. '1446-09-01'.",
        pattern=_CAL_DATE_PATTERN,
        json_schema_extra=port(
            "islamic_date", samples=["1446-09-01", "1447-01-01", "1446-10-01", "1420-12-10", "1445-09-27"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a date of the arithmetical (tabular) Islamic Hijri calendar (year-month-day, Muharram = 1, "
    "Ramadan = 9) to the Gregorian date with convertdate.",
    outputs={"date": Output("date", "the Gregorian date corresponding to {islamic_date}")},
    examples=[{"islamic_date": "1446-09-01"}, {"islamic_date": "1447-01-01"}],
)
def islamic_to_gregorian(p: IslamicDate) -> dict:
    from convertdate import islamic

    y, m, d = _split_calendar_date(p.islamic_date, "Islamic")
    if not 400 <= y <= 2500:
        raise ToolInputError(f"Islamic year {y} is outside the supported range 400-2500")
    if m > 12:
        raise ToolInputError(f"the Islamic calendar has 12 months, not {m}")
    if d > islamic.month_length(y, m):
        raise ToolInputError(f"month {m} of Islamic year {y} has only {islamic.month_length(y, m)} days, not {d}")
    return {"date": _gregorian(*islamic.to_gregorian(y, m, d), p.islamic_date).isoformat()}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Express a Gregorian date in other calendars with convertdate: the Julian calendar, the Persian "
    "(Solar Hijri) calendar, the Coptic calendar (all year-month-day) and the Maya Long Count.",
    outputs={
        "julian_date": Output("julian_date", "the Julian calendar date corresponding to {date}"),
        "persian_date": Output("persian_date", "the Persian (Solar Hijri) calendar date corresponding to {date}"),
        "coptic_date": Output("label", "the Coptic calendar date corresponding to {date}"),
        "maya_long_count": Output("label", "the Maya Long Count corresponding to {date}"),
    },
    examples=[{"date": "2025-03-14"}, {"date": "2012-12-21"}],
)
def date_in_other_calendars(p: GregorianDate) -> dict:
    from convertdate import coptic, julian, mayan, persian

    day = _parse_date(p.date)
    g = (day.year, day.month, day.day)
    return {
        "julian_date": _ymd(*julian.from_gregorian(*g)),
        "persian_date": _ymd(*persian.from_gregorian(*g)),
        "coptic_date": _ymd(*coptic.from_gregorian(*g)),
        "maya_long_count": ".".join(str(part) for part in mayan.from_gregorian(*g)),
    }


class EasterYear(BaseModel):
    year: int = Field(
        description="Gregorian year (1583-4099).",
        ge=1583,
        le=4099,
        json_schema_extra=port("year", samples=_YEAR_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-dateutil",
    description="Dates of Easter Sunday in a Gregorian year (python-dateutil): Western (Catholic and Protestant) "
    "Easter and Orthodox Easter, both given as Gregorian dates.",
    outputs={
        "western_easter": Output("date", "the date of Western Easter Sunday in {year}"),
        "orthodox_easter": Output("date", "the Gregorian date of Orthodox Easter Sunday in {year}"),
    },
    examples=[{"year": 2025}, {"year": 2024}],
)
def easter_dates(p: EasterYear) -> dict:
    from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

    return {
        "western_easter": easter(p.year, EASTER_WESTERN).isoformat(),
        "orthodox_easter": easter(p.year, EASTER_ORTHODOX).isoformat(),
    }


class FeastYear(BaseModel):
    year: int = Field(
        description="Gregorian year (1000-2998).",
        ge=1000,
        le=2998,
        json_schema_extra=port("year", samples=_YEAR_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Gregorian dates of the first day of the main Jewish holidays in a Gregorian year, from the Hebrew "
    "calendar (convertdate); each begins at sunset on the evening before: Rosh Hashanah (1 Tishri), Yom Kippur "
    "(10 Tishri), the first day of Hanukkah (25 Kislev), Purim (14 Adar, Adar II in leap years) and Passover "
    "(15 Nisan).",
    outputs={
        "rosh_hashanah": Output("date", "the date of Rosh Hashanah in {year}"),
        "yom_kippur": Output("date", "the date of Yom Kippur in {year}"),
        "hanukkah": Output("date", "the date of the first day of Hanukkah in {year}"),
        "purim": Output("date", "the date of Purim in {year}"),
        "passover": Output("date", "the date of the first day of Passover in {year}"),
    },
    examples=[{"year": 2025}, {"year": 2024}],
)
def jewish_holidays(p: FeastYear) -> dict:
    from convertdate import hebrew

    spring = p.year + hebrew.HEBREW_YEAR_OFFSET  # the Hebrew year whose Nisan falls in this spring
    autumn = spring + 1  # the Hebrew year that begins with Tishri this autumn

    def day(y: int, m: int, d: int) -> str:
        return dt.date(*hebrew.to_gregorian(y, m, d)).isoformat()

    return {
        "rosh_hashanah": day(autumn, hebrew.TISHRI, 1),
        "yom_kippur": day(autumn, hebrew.TISHRI, 10),
        "hanukkah": day(autumn, hebrew.KISLEV, 25),
        "purim": day(spring, hebrew.VEADAR if hebrew.leap(spring) else hebrew.ADAR, 14),
        "passover": day(spring, hebrew.NISAN, 15),
    }


# --- seed sources --------------------------------------------------------------------------------------


@seed_source(
    domain=DOMAIN,
    port="word",
    package="pronouncing",
    description="lowercase alphabetic words of the CMU Pronouncing Dictionary that lemminflect also knows",
)
def word_seeds() -> list[str]:
    import lemminflect

    return sorted(w for w in _cmu() if w.isascii() and w.isalpha() and w.islower() and lemminflect.getAllLemmas(w))


@cache
def _seed_languages() -> tuple[str, ...]:
    from babel.localedata import locale_identifiers
    from langcodes.data_dicts import LIKELY_SUBTAGS

    codes = []
    for code in sorted(set(locale_identifiers())):
        if "_" in code or code not in LIKELY_SUBTAGS or not (2 <= len(code) <= 3):
            continue
        try:
            language = _known_language(code)
        except ToolInputError:
            continue
        territory = language.maximize().territory or ""
        if language.speaking_population() > 0 and len(territory) == 2 and territory.isalpha() and territory != "ZZ":
            codes.append(code)
    return tuple(codes)


@seed_source(
    domain=DOMAIN,
    port="language_code",
    package="babel",
    description="language codes with CLDR locale data (babel), a likely country and a speaker estimate (langcodes)",
)
def language_code_seeds() -> list[str]:
    return list(_seed_languages())


@seed_source(
    domain=DOMAIN,
    port="language_name",
    package="langcodes",
    description="English names of the seed languages that langcodes resolves back to their code",
)
def language_name_seeds() -> list[str]:
    import langcodes

    names = set()
    for code in _seed_languages():
        name = langcodes.Language.get(code).display_name()
        try:
            if langcodes.find(name, language="en").language == code:
                names.add(name)
        except LookupError:
            continue
    return sorted(names)


@seed_source(
    domain=DOMAIN,
    port="country_code",
    package="babel",
    description="ISO 3166-1 alpha-2 codes (known to pycountry) of territories with CLDR language population data",
)
def territory_seeds() -> list[str]:
    import pycountry

    return sorted(
        code
        for code, entries in _territory_languages().items()
        if "und" not in entries and len(code) == 2 and pycountry.countries.get(alpha_2=code) is not None
    )


@seed_source(domain=DOMAIN, port="year", package="python-dateutil", description="Gregorian years 1900-2100")
def year_seeds() -> list[str]:
    return [str(year) for year in range(1900, 2101)]


@seed_source(
    domain=DOMAIN,
    port="date",
    package="stdlib",
    description="one Gregorian date in each month from 1950 to 2049 (day of month varies deterministically)",
)
def date_seeds() -> list[str]:
    return [_ymd(y, m, (y * 12 + m) * 7 % 28 + 1) for y in range(1950, 2050) for m in range(1, 13)]
