"""Language & time, second part: sound-based word search (homophones, anagrams, minimal pairs, Soundex,
stress patterns), spelling distance, number and list formatting in many languages, plural rules, locale
conventions, language distance and tags, more calendars (Indian, Baha'i, French Republican, Armenian,
positivist) and their inverses, movable feasts, Islamic festivals and date puzzles.

Backends: pronouncing (CMU Pronouncing Dictionary), inflect, num2words, babel (CLDR), langcodes +
language_data, convertdate, python-dateutil and holidays. Soundex, Levenshtein and Roman numerals are the
published algorithms written out here.
"""

from __future__ import annotations

import calendar as cal
import collections
import datetime as dt
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.language import (
    _CAL_DATE_PATTERN,
    GregorianDate,
    LanguageParam,
    WordParam,
    _cmu,
    _date_field,
    _gregorian,
    _inflect_engine,
    _lang_field,
    _locale,
    _parse_date,
    _phones,
    _split_calendar_date,
    _word,
    _word_field,
    _words_by_phones,
    num2words_language,
)
from tool_catalog.ports import define_port, port
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError

DOMAIN = "language"

define_port("roman_numeral", "a number written in Roman numerals", "code", "the Roman numeral {value}")

_YEAR_SAMPLES = [2025, 2024, 2000, 1999, 2030]

# --- sounds (CMU Pronouncing Dictionary) ------------------------------------------------------------------


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Homophones of an English word: other words in the CMU Pronouncing Dictionary with exactly the "
    "same pronunciation as its first listed one (e.g. 'there' -> their, they're).",
    outputs={
        "homophone_count": Output("count", "the number of homophones of {word}"),
        "homophones": Output("string_list", "the homophones of {word}"),
        "first_homophone": Output("word", "the alphabetically first homophone of {word}"),
    },
    examples=[{"word": "there"}, {"word": "knight"}],
)
def homophones(p: WordParam) -> dict:
    word = _word(p.word)
    same = sorted(w for w in _words_by_phones().get(_phones(word)[0], ()) if w != word and "(" not in w)
    return {"homophone_count": len(same), "homophones": same, "first_homophone": same[0] if same else None}


@cache
def _anagram_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = collections.defaultdict(list)
    for word in _cmu():
        if word.isalpha():
            index["".join(sorted(word))].append(word)
    return {k: tuple(sorted(v)) for k, v in index.items()}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Anagrams of an English word among the 130,000 words of the CMU Pronouncing Dictionary (same "
    "letters rearranged): how many and which.",
    outputs={
        "anagram_count": Output("count", "the number of anagrams of {word}"),
        "anagrams": Output("string_list", "the anagrams of {word}"),
        "first_anagram": Output("word", "the alphabetically first anagram of {word}"),
    },
    examples=[{"word": "listen"}, {"word": "stone"}],
)
def anagrams(p: WordParam) -> dict:
    word = _word(p.word)
    found = [w for w in _anagram_index().get("".join(sorted(word)), ()) if w != word]
    return {"anagram_count": len(found), "anagrams": found, "first_anagram": found[0] if found else None}


@cache
def _first_pronunciations() -> dict[str, tuple[str, ...]]:
    return {w: tuple(pr[0].split()) for w, pr in _cmu().items() if w.isalpha() and pr}


@cache
def _pronunciations_by_length() -> dict[int, tuple[tuple[str, tuple[str, ...]], ...]]:
    grouped: dict[int, list[tuple[str, tuple[str, ...]]]] = collections.defaultdict(list)
    for word, phones in _first_pronunciations().items():
        grouped[len(phones)].append((word, phones))
    return {n: tuple(v) for n, v in grouped.items()}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Minimal pairs of an English word: words whose pronunciation differs from it in exactly one phone "
    "(substitution, same length), as phonetics lessons use (e.g. 'ship' / 'sheep').",
    outputs={
        "pair_count": Output("count", "the number of minimal pairs of {word}"),
        "first_pairs": Output("string_list", "the first ten minimal pairs of {word} alphabetically"),
    },
    examples=[{"word": "ship"}],
    timeout_s=15.0,
)
def minimal_pairs(p: WordParam) -> dict:
    word = _word(p.word)
    target = tuple(_phones(word)[0].split())
    found = sorted(
        w
        for w, phones in _pronunciations_by_length().get(len(target), ())
        if w != word and sum(a != b for a, b in zip(phones, target, strict=True)) == 1
    )
    return {"pair_count": len(found), "first_pairs": found[:10]}


def _soundex(word: str) -> str:
    codes = {
        **dict.fromkeys("BFPV", "1"),
        **dict.fromkeys("CGJKQSXZ", "2"),
        **dict.fromkeys("DT", "3"),
        "L": "4",
        **dict.fromkeys("MN", "5"),
        "R": "6",
    }
    letters = [c for c in word.upper() if c.isalpha()]
    if not letters:
        raise ToolInputError(f"{word!r} has no letters")
    out, previous = letters[0], codes.get(letters[0], "")
    for c in letters[1:]:
        code = codes.get(c, "")
        if code and code != previous:
            out += code
        if c not in "HW":
            previous = code
    return (out + "000")[:4]


@cache
def _soundex_index() -> dict[str, int]:
    return collections.Counter(_soundex(w) for w in _cmu() if w.isalpha())


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pronouncing",
    description="American Soundex code of a word or surname (the census phonetic index), and how many words of the "
    "CMU dictionary share it.",
    outputs={
        "soundex": Output("label", "the Soundex code of {word}"),
        "words_sharing_code": Output("count", "the number of dictionary words sharing the Soundex code of {word}"),
    },
    examples=[{"word": "Robert"}, {"word": "Tymczak"}],
)
def soundex_code(p: WordParam) -> dict:
    code = _soundex(p.word)
    return {"soundex": code, "words_sharing_code": _soundex_index().get(code, 0)}


class StressPattern(BaseModel):
    pattern: str = Field(
        description="Stress pattern as digits per syllable (1 primary, 2 secondary, 0 unstressed), e.g. '010'.",
        pattern=r"^[012]{1,8}$",
        json_schema_extra=port("label", samples=["010", "10", "100", "0100", "1"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Words of the CMU dictionary whose first pronunciation has a given stress pattern (e.g. '010' like "
    "'banana'): how many, and the first alphabetically.",
    outputs={
        "word_count": Output("count", "the number of words with the stress pattern {pattern}"),
        "first_word": Output("word", "the alphabetically first word with the stress pattern {pattern}"),
    },
    examples=[{"pattern": "010"}],
)
def words_with_stress_pattern(p: StressPattern) -> dict:
    found = _stress_index().get(p.pattern)
    if not found:
        raise ToolInputError(f"no word has the stress pattern {p.pattern!r}")
    return {"word_count": len(found), "first_word": found[0]}


@cache
def _stress_index() -> dict[str, tuple[str, ...]]:
    """Stress pattern of each word's first pronunciation -> the words, sorted (built once per process)."""
    index: dict[str, list[str]] = collections.defaultdict(list)
    for word, phones in _first_pronunciations().items():
        index["".join(ch for ph in phones for ch in ph if ch.isdigit())].append(word)
    return {k: tuple(sorted(v)) for k, v in index.items()}


class WordPair(BaseModel):
    word_a: str = _word_field("First English word.", ["cat", "night", "orange", "sister", "light"])
    word_b: str = _word_field("Second English word.", ["hat", "knight", "door", "mister", "delight"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pronouncing",
    description="Whether two English words rhyme (same sounds from the last stressed vowel on), and the number "
    "of syllables of each.",
    outputs={
        "rhyme": Output("boolean", "whether {word_a} rhymes with {word_b}"),
        "syllables_a": Output("count", "the number of syllables of {word_a} (compared with {word_b})"),
        "syllables_b": Output("count", "the number of syllables of {word_b} (compared with {word_a})"),
    },
    examples=[{"word_a": "cat", "word_b": "hat"}, {"word_a": "orange", "word_b": "door"}],
)
def rhyme_check(p: WordPair) -> dict:
    import pronouncing

    a, b = _word(p.word_a), _word(p.word_b)
    parts_a = {pronouncing.rhyming_part(x) for x in _phones(a)}
    parts_b = {pronouncing.rhyming_part(x) for x in _phones(b)}
    return {
        "rhyme": a != b and bool(parts_a & parts_b),
        "syllables_a": pronouncing.syllable_count(_phones(a)[0]),
        "syllables_b": pronouncing.syllable_count(_phones(b)[0]),
    }


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


class SpellingPair(BaseModel):
    word_a: str = _word_field("First word.", ["kitten", "receive", "color", "banana", "flaw"])
    word_b: str = _word_field("Second word.", ["sitting", "recieve", "colour", "bandana", "lawn"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Spelling distance between two words: Levenshtein edit distance (insertions, deletions, "
    "substitutions) and a similarity ratio from 0 to 1.",
    outputs={
        "edit_distance": Output("count", "the Levenshtein distance between {word_a} and {word_b}"),
        "similarity": Output("number", "the spelling similarity ratio of {word_a} and {word_b}"),
    },
    examples=[{"word_a": "kitten", "word_b": "sitting"}],
)
def edit_distance(p: SpellingPair) -> dict:
    import difflib

    a, b = p.word_a.lower(), p.word_b.lower()
    return {
        "edit_distance": _levenshtein(a, b),
        "similarity": round(difflib.SequenceMatcher(None, a, b).ratio(), 4),
    }


class Misspelling(BaseModel):
    word: str = Field(
        description="A possibly misspelled English word, e.g. 'recieve'.",
        pattern=r"^[A-Za-z][A-Za-z'\-]{1,44}$",
        json_schema_extra=port("word", samples=["recieve", "definately", "accomodate", "seperate", "wierd"]),
    )


@cache
def _vocabulary() -> tuple[str, ...]:
    return tuple(sorted(w for w in _cmu() if w.isalpha()))


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pronouncing",
    description="Spelling suggestions for a word: the closest dictionary words by similarity (difflib over the CMU "
    "dictionary vocabulary), the best one, and whether the word itself is in the dictionary.",
    outputs={
        "best_suggestion": Output("word", "the best spelling suggestion for {word}"),
        "suggestions": Output("string_list", "the spelling suggestions for {word}"),
        "is_known_word": Output("boolean", "whether {word} is in the pronouncing dictionary"),
    },
    examples=[{"word": "recieve"}],
    timeout_s=20.0,
)
def spelling_suggestions(p: Misspelling) -> dict:
    import difflib

    word = p.word.lower()
    pool = [w for w in _vocabulary() if abs(len(w) - len(word)) <= 2 and w[:1] == word[:1]]
    close = difflib.get_close_matches(word, pool, n=5, cutoff=0.75)
    return {"best_suggestion": close[0] if close else None, "suggestions": close, "is_known_word": word in _cmu()}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pronouncing",
    description="Sound profile of an English word's first pronunciation: number of phones, vowels and consonants, "
    "and its first and last phone.",
    outputs={
        "phone_count": Output("count", "the number of phones in {word}"),
        "vowel_count": Output("count", "the number of vowel sounds in {word}"),
        "consonant_count": Output("count", "the number of consonant sounds in {word}"),
        "first_phone": Output("label", "the first phone of {word}"),
    },
    examples=[{"word": "computer"}],
)
def word_sound_profile(p: WordParam) -> dict:
    phones = _phones(_word(p.word))[0].split()
    vowels = sum(1 for ph in phones if ph[-1].isdigit())
    return {
        "phone_count": len(phones),
        "vowel_count": vowels,
        "consonant_count": len(phones) - vowels,
        "first_phone": phones[0],
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="The singular of an English plural noun (inflect), with whether the input was plural at all.",
    outputs={
        "singular": Output("word", "the singular of {word}"),
        "was_plural": Output("boolean", "whether {word} is a plural noun"),
    },
    examples=[{"word": "geese"}, {"word": "analyses"}],
)
def noun_singular(p: WordParam) -> dict:
    singular = _inflect_engine().singular_noun(p.word.lower())
    return {"singular": singular or p.word.lower(), "was_plural": bool(singular)}


# --- numbers in words and numerals ---------------------------------------------------------------------------

_NUM2WORDS_LANGS = ["fr", "de", "es", "it", "pt", "ru", "ja", "nl"]


class YearInLanguage(BaseModel):
    year: int = Field(
        description="A year, 1-2999.", ge=1, le=2999, json_schema_extra=port("year", samples=_YEAR_SAMPLES)
    )
    language_code: str = _lang_field("Language for the words (num2words), e.g. 'fr'.", _NUM2WORDS_LANGS[:5])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="num2words",
    description="A year read out in words in a language, as it is spoken (num2words 'year' mode: 1999 in English "
    "is 'nineteen ninety-nine').",
    outputs={"words": Output("text", "the year {year} spoken in {language_code}")},
    examples=[{"year": 1999, "language_code": "en"}, {"year": 2024, "language_code": "fr"}],
)
def year_in_words(p: YearInLanguage) -> dict:
    from num2words import num2words

    try:
        return {"words": num2words(p.year, to="year", lang=num2words_language(p.language_code))}
    except (NotImplementedError, AttributeError):  # AttributeError: a converter without a year mode (vi)
        raise ToolInputError(f"num2words cannot say years in {p.language_code!r}") from None


class OrdinalInLanguage(BaseModel):
    number: int = Field(
        description="A positive whole number.",
        ge=1,
        le=10**9,
        json_schema_extra=port("integer", samples=[3, 21, 100, 1, 42]),
    )
    language_code: str = _lang_field("Language (num2words), e.g. 'de'.", _NUM2WORDS_LANGS[:5])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="num2words",
    description="An ordinal number written in words in a language (num2words), e.g. 3 in French is 'troisième'.",
    outputs={"ordinal_words": Output("text", "the ordinal {number} written in {language_code}")},
    examples=[{"number": 3, "language_code": "fr"}],
)
def ordinal_in_words(p: OrdinalInLanguage) -> dict:
    from num2words import num2words

    try:
        return {"ordinal_words": num2words(p.number, to="ordinal", lang=num2words_language(p.language_code))}
    except (NotImplementedError, KeyError):
        raise ToolInputError(f"num2words has no ordinals for {p.language_code!r}") from None


class AmountInWords(BaseModel):
    amount: float = Field(
        description="Amount of money, e.g. 12.50.",
        ge=0,
        le=1e12,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", samples=[12.5, 1999.99, 100, 0.75, 45]),
    )
    currency_code: str = Field(
        description="ISO 4217 currency, e.g. 'EUR'.",
        pattern=r"^[A-Z]{3}$",
        json_schema_extra=port("currency_code", samples=["EUR", "USD", "EUR", "GBP", "EUR"]),
    )
    language_code: str = _lang_field("Language (num2words), e.g. 'de'.", ["de", "en", "fr", "en", "es"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="num2words",
    description="An amount of money written out in words in a language, as on a cheque (num2words currency "
    "mode), e.g. 12.50 EUR in German is 'zwölf Euro und fünfzig Cent'.",
    outputs={"words": Output("text", "{amount} {currency_code} written in words in {language_code}")},
    examples=[{"amount": 12.5, "currency_code": "EUR", "language_code": "de"}],
)
def amount_in_words(p: AmountInWords) -> dict:
    from num2words import num2words

    lang = num2words_language(p.language_code)
    try:
        return {"words": num2words(p.amount, to="currency", lang=lang, currency=p.currency_code)}
    # TypeError: a converter without currencies (fa); AttributeError: one without a currency mode at all (vi);
    # IndexError: one whose currency forms lack a case (ro)
    except (NotImplementedError, KeyError, ValueError, TypeError, AttributeError, IndexError):
        raise ToolInputError(f"num2words cannot write {p.currency_code} amounts in {p.language_code!r}") from None


_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def _to_roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


class Arabic(BaseModel):
    number: int = Field(
        description="A whole number from 1 to 3999.",
        ge=1,
        le=3999,
        json_schema_extra=port("integer", samples=[1999, 2024, 14, 3888, 444]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Write a number from 1 to 3999 in standard Roman numerals (subtractive notation) and count its "
    "symbols.",
    outputs={
        "roman": Output("roman_numeral", "{number} in Roman numerals"),
        "symbol_count": Output("count", "the number of symbols in {number} written in Roman numerals"),
    },
    examples=[{"number": 1999}],
)
def to_roman_numerals(p: Arabic) -> dict:
    roman = _to_roman(p.number)
    return {"roman": roman, "symbol_count": len(roman)}


class Roman(BaseModel):
    roman: str = Field(
        description="A Roman numeral in standard form, e.g. 'MCMXCIX'.",
        pattern=r"^[MDCLXVImdclxvi]{1,15}$",
        json_schema_extra=port("roman_numeral", samples=["MCMXCIX", "MMXXIV", "XIV", "MMMDCCCLXXXVIII", "CDXLIV"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Read a Roman numeral (standard subtractive form only; 'IIII' or 'IC' are rejected) as a number.",
    outputs={"number": Output("integer", "the value of {roman}")},
    examples=[{"roman": "MCMXCIX"}],
)
def from_roman_numerals(p: Roman) -> dict:
    text = p.roman.upper()
    values = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
    total = 0
    for i, c in enumerate(text):
        v = values[c]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    if not 1 <= total <= 3999 or _to_roman(total) != text:
        raise ToolInputError(f"{p.roman!r} is not a Roman numeral in standard form")
    return {"number": total}


# --- plural rules, lists and locale conventions (CLDR) ----------------------------------------------------------


class NumberInLanguage(BaseModel):
    number: int = Field(
        description="A whole number.", ge=0, le=10**9, json_schema_extra=port("integer", samples=[3, 1, 5, 21, 11, 2])
    )
    language_code: str = _lang_field("ISO 639 language code, e.g. 'ru'.", ["ru", "ar", "pl", "fr", "cy", "ga"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="CLDR plural category of a number in a language (zero, one, two, few, many or other), which decides "
    "the noun form after it (Russian 3 -> few, 5 -> many), and the ordinal category.",
    outputs={
        "plural_category": Output("label", "the CLDR plural category of {number} in {language_code}"),
        "ordinal_category": Output("label", "the CLDR ordinal category of {number} in {language_code}"),
    },
    examples=[{"number": 3, "language_code": "ru"}],
)
def plural_category(p: NumberInLanguage) -> dict:
    loc = _locale(p.language_code)
    return {"plural_category": loc.plural_form(p.number), "ordinal_category": loc.ordinal_form(p.number)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="The plural categories a language distinguishes (CLDR): how many and which (English: one, other; "
    "Arabic: zero, one, two, few, many, other).",
    outputs={
        "category_count": Output("count", "the number of plural categories of {language_code}"),
        "categories": Output("string_list", "the plural categories of {language_code}"),
    },
    examples=[{"language_code": "ar"}, {"language_code": "ja"}],
)
def language_plural_categories(p: LanguageParam) -> dict:
    rule = _locale(p.language_code).plural_form
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
    language_code: str = _lang_field("Language of the conjunction, e.g. 'de'.", ["de", "fr", "es"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="Join a list of items the way a language writes lists (CLDR list patterns: 'a, b und c' in German, "
    "'a, b y c' in Spanish).",
    outputs={"joined": Output("text", "the list {items} joined in {language_code}")},
    examples=[{"items": ["apples", "pears", "plums"], "language_code": "de"}],
)
def join_list(p: ListInLanguage) -> dict:
    from babel.lists import format_list

    if any(not isinstance(i, str) or not i.strip() for i in p.items):
        raise ToolInputError("items must be non-empty strings")
    return {"joined": format_list(p.items, locale=_locale(p.language_code))}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="How a language writes numbers (CLDR symbols): decimal separator, grouping separator, percent sign "
    "and minus sign, and its default numbering system.",
    outputs={
        "decimal_separator": Output("label", "the decimal separator of {language_code}"),
        "group_separator": Output("label", "the digit grouping separator of {language_code}"),
        "percent_sign": Output("label", "the percent sign of {language_code}"),
        "numbering_system": Output("label", "the default numbering system of {language_code}"),
    },
    examples=[{"language_code": "de"}, {"language_code": "ar"}],
)
def number_symbols(p: LanguageParam) -> dict:
    loc = _locale(p.language_code)
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
        "text_direction": Output("label", "the text direction (ltr or rtl) of {language_code}"),
        "short_date_pattern": Output("label", "the short date pattern of {language_code}"),
        "short_time_pattern": Output("label", "the short time pattern of {language_code}"),
    },
    examples=[{"language_code": "ar"}, {"language_code": "de"}],
)
def writing_conventions(p: LanguageParam) -> dict:
    loc = _locale(p.language_code)
    return {
        "text_direction": loc.text_direction,
        "short_date_pattern": loc.date_formats["short"].pattern,
        "short_time_pattern": loc.time_formats["short"].pattern,
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
        json_schema_extra=port("number", samples=[12, 1, 3.5, 100, 2]),
    )
    unit: Literal["kilometer", "mile", "kilogram", "liter", "hour", "celsius", "percent"] = Field(
        description="Unit: kilometer, mile, kilogram, liter, hour, celsius or percent.",
        json_schema_extra=port("label", samples=["kilometer", "hour", "kilogram", "liter", "mile"]),
    )
    language_code: str = _lang_field("Language, e.g. 'fr'.", ["fr", "de", "ja", "ru", "es"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="A quantity with its unit written out in a language (CLDR unit patterns with the right plural "
    "form), long and short.",
    outputs={
        "long_form": Output("text", "{value} {unit} written out in {language_code}"),
        "short_form": Output("label", "{value} {unit} abbreviated in {language_code}"),
    },
    examples=[{"value": 12, "unit": "kilometer", "language_code": "fr"}],
)
def unit_in_language(p: UnitInLanguage) -> dict:
    from babel.units import format_unit

    loc, unit = _locale(p.language_code), _UNITS[p.unit]
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
        json_schema_extra=port("integer", samples=[3, -1, 30, 400, -14]),
    )
    language_code: str = _lang_field("Language, e.g. 'de'.", ["de", "fr", "ja", "es", "ru"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="A relative time phrase in a language (CLDR), e.g. 3 days ahead in German is 'in 3 Tagen', rounded "
    "to the largest sensible unit.",
    outputs={"phrase": Output("text", "{days} days from now said in {language_code}")},
    examples=[{"days": 3, "language_code": "de"}],
)
def relative_time_phrase(p: Duration) -> dict:
    from babel.dates import format_timedelta

    return {"phrase": format_timedelta(dt.timedelta(days=p.days), add_direction=True, locale=_locale(p.language_code))}


class LanguagePair(BaseModel):
    language_a: str = _lang_field("First ISO 639 language code.", ["pt", "da", "es", "hi", "ms"])
    language_b: str = _lang_field("Second ISO 639 language code.", ["es", "nb", "ca", "ur", "id"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="langcodes",
    description="How interchangeable two languages are for a reader (CLDR language matching distance via "
    "langcodes: 0 same, under 10 mutually intelligible, large for unrelated languages).",
    outputs={
        "distance": Output("integer", "the language matching distance between {language_a} and {language_b}"),
        "close_match": Output("boolean", "whether {language_a} and {language_b} are a close match (distance < 25)"),
    },
    examples=[{"language_a": "da", "language_b": "nb"}],
)
def language_distance(p: LanguagePair) -> dict:
    import langcodes

    for code in (p.language_a, p.language_b):
        if not langcodes.tag_is_valid(code):
            raise ToolInputError(f"{code!r} is not a valid language tag")
    d = langcodes.tag_distance(p.language_a, p.language_b)
    return {"distance": int(d), "close_match": d < 25}


class LanguageTag(BaseModel):
    tag: str = Field(
        description="A language tag in any common spelling, e.g. 'eng_US', 'zh-Hant-TW', 'iw'.",
        pattern=r"^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,4}$",
        json_schema_extra=port("label", samples=["eng_US", "zh-Hant-TW", "iw", "pt_br", "sr-Latn"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="langcodes",
    description="Normalize a language tag to standard BCP 47 (langcodes: replace deprecated codes, fix case) and "
    "describe it in English.",
    outputs={
        "standard_tag": Output("label", "the standard BCP 47 form of the language tag {tag}"),
        "language_code": Output("language_code", "the language code in the tag {tag}"),
        "description": Output("label", "the English description of the language tag {tag}"),
    },
    examples=[{"tag": "eng_US"}, {"tag": "iw"}],
)
def normalize_language_tag(p: LanguageTag) -> dict:
    import langcodes

    try:
        standard = langcodes.standardize_tag(p.tag)
        lang = langcodes.Language.get(standard)
    except (ValueError, langcodes.tag_parser.LanguageTagError):
        raise ToolInputError(f"{p.tag!r} is not a parseable language tag") from None
    return {"standard_tag": standard, "language_code": lang.language, "description": lang.display_name()}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="Where a language is official (CLDR territory data): how many territories, which (ISO codes), and "
    "the one where most of its speakers live.",
    outputs={
        "official_territory_count": Output("count", "the number of territories where {language_code} is official"),
        "official_territories": Output("string_list", "the territories where {language_code} is official"),
        "largest_territory": Output("country_code", "the territory with the most speakers of {language_code}"),
    },
    examples=[{"language_code": "fr"}, {"language_code": "sw"}],
)
def language_territories(p: LanguageParam) -> dict:
    import langcodes

    from tool_catalog.domains.language import _known_language, _territory_languages

    _known_language(p.language_code)
    official, speakers = [], {}
    for territory, languages in _territory_languages().items():
        info = languages.get(p.language_code)
        if not info or not territory.isalpha():
            continue
        if info.get("official_status") in ("official", "de_facto_official"):
            official.append(territory)
        speakers[territory] = langcodes.Language.get(f"{p.language_code}-{territory}").speaking_population() or 0
    if not speakers:
        raise ToolInputError(f"CLDR records no territory speaking {p.language_code!r}")
    largest = max(speakers, key=lambda t: (speakers[t], t))
    return {
        "official_territory_count": len(official),
        "official_territories": sorted(official),
        "largest_territory": largest,
    }


# --- more calendars (convertdate) --------------------------------------------------------------------------------

_CALENDARS = [
    (
        "indian_civil",
        "Indian national (Saka) calendar",
        "indian_civil_date",
        "the Indian national calendar date of {date}",
    ),
    ("bahai", "Baha'i (Badi) calendar", "bahai_date", "the Baha'i calendar date of {date}"),
    (
        "french_republican",
        "French Republican calendar",
        "french_republican_date",
        "the French Republican calendar date of {date}",
    ),
    ("armenian", "Armenian calendar", "armenian_date", "the Armenian calendar date of {date}"),
    ("positivist", "Positivist calendar of Auguste Comte", "positivist_date", "the Positivist calendar date of {date}"),
]


def _convert_to(module_name: str) -> Any:
    def run(p: GregorianDate) -> dict:
        import importlib

        module = importlib.import_module(f"convertdate.{module_name}")
        day = _parse_date(p.date)
        try:
            parts = module.from_gregorian(day.year, day.month, day.day)
        except (ValueError, IndexError) as exc:
            raise ToolInputError(f"{p.date} cannot be expressed in that calendar: {exc}") from None
        return {"date_in_calendar": "-".join(str(x) for x in parts[:3])}

    return run


for _module, _title, _field, _phrase in _CALENDARS:
    add_tool(
        f"gregorian_to_{_module}",
        GregorianDate,
        _convert_to(_module),
        domain=DOMAIN,
        kind="processing",
        package="convertdate",
        description=f"Convert a Gregorian date to the {_title} (convertdate), written year-month-day.",
        outputs={"date_in_calendar": Output("label", _phrase)},
        examples=[{"date": "2025-03-14"}],
    )


class JulianCalendarDate(BaseModel):
    julian_date: str = Field(
        description="Date in the Julian calendar as year-month-day, e.g. '1917-10-25'.",
        pattern=_CAL_DATE_PATTERN,
        json_schema_extra=port(
            "julian_date", samples=["1917-10-25", "1582-10-04", "2025-03-01", "1752-09-02", "1700-02-18"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a Julian-calendar date (Old Style) to the Gregorian calendar, and the days the two "
    "calendars differ by then.",
    outputs={
        "date": Output("date", "the Gregorian date of {julian_date}"),
        "offset_days": Output("integer", "the days between {julian_date} and its Gregorian date"),
    },
    examples=[{"julian_date": "1917-10-25"}],
)
def julian_to_gregorian(p: JulianCalendarDate) -> dict:
    from convertdate import julian

    y, m, d = _split_calendar_date(p.julian_date, "Julian")
    try:
        g = julian.to_gregorian(y, m, d)
        day = _gregorian(*g, p.julian_date)
    except ValueError as exc:
        raise ToolInputError(f"invalid Julian date {p.julian_date!r}: {exc}") from None
    from convertdate import gregorian

    offset = int(julian.to_jd(y, m, d) - gregorian.to_jd(y, m, d))
    return {"date": day.isoformat(), "offset_days": offset}


class PersianCalendarDate(BaseModel):
    persian_date: str = Field(
        description="Date in the Persian (Solar Hijri) calendar as year-month-day, e.g. '1403-01-01'.",
        pattern=_CAL_DATE_PATTERN,
        json_schema_extra=port(
            "persian_date", samples=["1403-01-01", "1400-12-29", "1358-11-22", "1404-07-15", "1380-06-01"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a Persian (Solar Hijri) calendar date to the Gregorian calendar and give its weekday "
    "(1403-01-01 is Nowruz 2024).",
    outputs={
        "date": Output("date", "the Gregorian date of {persian_date}"),
        "weekday": Output("weekday", "the weekday of {persian_date}"),
    },
    examples=[{"persian_date": "1403-01-01"}],
)
def persian_to_gregorian(p: PersianCalendarDate) -> dict:
    from convertdate import persian

    y, m, d = _split_calendar_date(p.persian_date, "Persian")
    if m > 12 or d > 31:
        raise ToolInputError(f"{p.persian_date!r} has a month above 12 or a day above 31")
    try:
        day = _gregorian(*persian.to_gregorian(y, m, d), p.persian_date)
    except ValueError as exc:
        raise ToolInputError(f"invalid Persian date {p.persian_date!r}: {exc}") from None
    return {"date": day.isoformat(), "weekday": day.strftime("%A")}


# --- feasts, festivals and date puzzles ------------------------------------------------------------------


class ChristianYear(BaseModel):
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
    description="Movable Western Christian feasts of a year, counted from Gregorian Easter (dateutil): Ash "
    "Wednesday, Palm Sunday, Ascension, Pentecost and Corpus Christi, plus the first Sunday of Advent.",
    outputs={
        "ash_wednesday": Output("date", "the date of Ash Wednesday in {year}"),
        "palm_sunday": Output("date", "the date of Palm Sunday in {year}"),
        "ascension": Output("date", "the date of Ascension Day in {year}"),
        "pentecost": Output("date", "the date of Pentecost in {year}"),
        "corpus_christi": Output("date", "the date of Corpus Christi in {year}"),
        "advent_sunday": Output("date", "the date of the first Sunday of Advent in {year}"),
    },
    examples=[{"year": 2025}],
)
def movable_feasts(p: ChristianYear) -> dict:
    from dateutil.easter import easter

    e = easter(p.year)
    christmas = dt.date(p.year, 12, 25)
    advent = christmas - dt.timedelta(days=christmas.weekday() + 1 + 21)
    offsets = {"ash_wednesday": -46, "palm_sunday": -7, "ascension": 39, "pentecost": 49, "corpus_christi": 60}
    out = {k: (e + dt.timedelta(days=v)).isoformat() for k, v in offsets.items()}
    out["advent_sunday"] = advent.isoformat()
    return out


class YearParam(BaseModel):
    year: int = Field(
        description="Gregorian year (1000-2999).",
        ge=1000,
        le=2999,
        json_schema_extra=port("year", samples=_YEAR_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Eid al-Fitr (1 Shawwal) and Eid al-Adha (10 Dhu al-Hijjah) falling in a Gregorian year, by the "
    "arithmetical Islamic calendar (observed dates can differ by a day with moon sighting), and the Islamic New "
    "Year.",
    outputs={
        "eid_al_fitr": Output("date", "the first date of Eid al-Fitr in {year} by the arithmetical Islamic calendar"),
        "eid_al_adha": Output("date", "the first date of Eid al-Adha in {year} by the arithmetical Islamic calendar"),
        "islamic_new_year": Output("date", "the first Islamic New Year in {year} by the arithmetical Islamic calendar"),
    },
    examples=[{"year": 2025}],
)
def islamic_festivals(p: YearParam) -> dict:
    from convertdate import islamic

    start_year = islamic.from_gregorian(p.year, 1, 1)[0]

    def first(month: int, day: int) -> str | None:
        for y in (start_year, start_year + 1, start_year + 2):
            g = dt.date(*islamic.to_gregorian(y, month, day))
            if g.year == p.year:
                return g.isoformat()
        return None

    return {"eid_al_fitr": first(10, 1), "eid_al_adha": first(12, 10), "islamic_new_year": first(1, 1)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="The date of the Lunar New Year (Chinese Spring Festival) in a Gregorian year from the Chinese "
    "public-holiday calendar of the holidays package, and its weekday.",
    outputs={
        "lunar_new_year": Output("date", "the date of the Lunar New Year in {year}"),
        "weekday": Output("weekday", "the weekday of the Lunar New Year in {year}"),
    },
    examples=[{"year": 2025}],
)
def lunar_new_year(p: YearParam) -> dict:
    if not 1950 <= p.year <= 2099:
        raise ToolInputError("the Chinese holiday calendar covers 1950-2099")
    day = _spring_festival(p.year)
    if day is None:
        raise ToolInputError(f"no Spring Festival found in {p.year}")
    return {"lunar_new_year": day.isoformat(), "weekday": day.strftime("%A")}


@cache
def _spring_festival(year: int) -> dt.date | None:
    import holidays

    for day, name in sorted(holidays.country_holidays("CN", years=year, language="en_US").items()):
        if "Spring Festival" in str(name) or "Chinese New Year" in str(name):
            return day
    return None


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Leap years in three calendars for the year that starts in a Gregorian year: whether the Gregorian "
    "year is leap, whether the Hebrew year beginning that autumn has a 13th month, and whether the Islamic year "
    "beginning in it has 355 days.",
    outputs={
        "gregorian_leap": Output("boolean", "whether {year} is a Gregorian leap year"),
        "hebrew_leap": Output("boolean", "whether the Hebrew year beginning in {year} is a leap year"),
        "islamic_leap": Output("boolean", "whether the first Islamic year beginning in {year} is a leap year"),
    },
    examples=[{"year": 2024}],
)
def calendar_leap_years(p: YearParam) -> dict:
    from convertdate import hebrew, islamic

    hebrew_year = hebrew.from_gregorian(p.year, 12, 31)[0]
    islamic_year = islamic.from_gregorian(p.year, 12, 31)[0]
    return {
        "gregorian_leap": cal.isleap(p.year),
        "hebrew_leap": bool(hebrew.leap(hebrew_year)),
        "islamic_leap": bool(islamic.leap(islamic_year)),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The Friday the 13ths of a year: how many, their dates, and the first one.",
    outputs={
        "count": Output("count", "the number of Friday the 13ths in {year}"),
        "dates": Output("string_list", "the Friday the 13ths of {year}"),
        "first": Output("date", "the first Friday the 13th of {year}"),
    },
    examples=[{"year": 2026}],
)
def friday_the_13ths(p: YearParam) -> dict:
    days = [dt.date(p.year, m, 13) for m in range(1, 13) if dt.date(p.year, m, 13).weekday() == 4]
    return {"count": len(days), "dates": [d.isoformat() for d in days], "first": days[0].isoformat() if days else None}


_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class NthWeekday(BaseModel):
    year: int = Field(
        description="Gregorian year.", ge=1000, le=2999, json_schema_extra=port("year", samples=_YEAR_SAMPLES)
    )
    month: int = Field(
        description="Month 1-12.", ge=1, le=12, json_schema_extra=port("integer", samples=[11, 5, 9, 1, 3])
    )
    weekday: Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] = Field(
        description="Day of the week.",
        json_schema_extra=port("weekday", samples=["Thursday", "Monday", "Sunday", "Friday", "Tuesday"]),
    )
    n: int = Field(
        description="Which occurrence: 1-5, or -1 for the last.",
        ge=-1,
        le=5,
        json_schema_extra=port("integer", samples=[4, 2, -1, 1, 3]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-dateutil",
    description="The n-th (or last) given weekday of a month, as holiday rules define dates (4th Thursday of "
    "November, last Monday of May), and how many such weekdays the month has.",
    outputs={
        "date": Output("date", "weekday number {n} of the {weekday}s of month {month} of {year}"),
        "occurrences": Output("count", "the number of {weekday}s in month {month} of {year} (n={n})"),
    },
    examples=[{"year": 2025, "month": 11, "weekday": "Thursday", "n": 4}],
)
def nth_weekday_of_month(p: NthWeekday) -> dict:
    from dateutil.relativedelta import relativedelta, weekdays

    if p.n == 0:
        raise ToolInputError("n must be 1-5 or -1")
    wd = weekdays[_WEEKDAYS.index(p.weekday)]
    first = dt.date(p.year, p.month, 1)
    day = first + relativedelta(day=31 if p.n < 0 else 1, weekday=wd(p.n))
    last = cal.monthrange(p.year, p.month)[1]
    count = sum(1 for d in range(1, last + 1) if dt.date(p.year, p.month, d).weekday() == _WEEKDAYS.index(p.weekday))
    if day.month != p.month:
        raise ToolInputError(f"month {p.year}-{p.month:02d} has only {count} {p.weekday}s")
    return {"date": day.isoformat(), "occurrences": count}


class Birthday(BaseModel):
    birth_date: str = _date_field("Date of birth (YYYY-MM-DD).")
    on_date: str = Field(
        description="The date at which to state the age (YYYY-MM-DD).",
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        json_schema_extra=port("date", samples=["2025-06-30", "2025-01-01", "2024-12-31", "2026-03-01", "2030-07-20"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-dateutil",
    description="Exact age on a date from a birth date (dateutil relativedelta): years, months and days, the total "
    "days lived, and the date of the next birthday.",
    outputs={
        "years": Output("count", "the age in whole years on {on_date} of someone born on {birth_date}"),
        "months": Output(
            "count", "the months beyond whole years of the age on {on_date} of someone born on {birth_date}"
        ),
        "total_days": Output("count", "the days lived by {on_date} by someone born on {birth_date}"),
        "next_birthday": Output("date", "the next birthday after {on_date} of someone born on {birth_date}"),
    },
    examples=[{"birth_date": "1969-07-20", "on_date": "2025-06-30"}],
)
def age_on_date(p: Birthday) -> dict:
    from dateutil.relativedelta import relativedelta

    born, on = _parse_date(p.birth_date), _parse_date(p.on_date)
    if on < born:
        raise ToolInputError("on_date is before birth_date")
    age = relativedelta(on, born)
    nxt = born + relativedelta(years=age.years + 1)
    return {"years": age.years, "months": age.months, "total_days": (on - born).days, "next_birthday": nxt.isoformat()}


class IsoWeek(BaseModel):
    year: int = Field(
        description="ISO week-numbering year.", ge=1000, le=2999, json_schema_extra=port("year", samples=_YEAR_SAMPLES)
    )
    week: int = Field(
        description="ISO week number 1-53.", ge=1, le=53, json_schema_extra=port("integer", samples=[1, 26, 52, 10, 33])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The Monday and Sunday of an ISO 8601 week, and whether the ISO year has 53 weeks.",
    outputs={
        "monday": Output("date", "the Monday of ISO week {week} of {year}"),
        "sunday": Output("date", "the Sunday of ISO week {week} of {year}"),
        "year_has_53_weeks": Output("boolean", "whether ISO year {year} has 53 weeks (asked with week {week})"),
    },
    examples=[{"year": 2025, "week": 1}],
)
def iso_week_dates(p: IsoWeek) -> dict:
    has_53 = dt.date(p.year, 12, 28).isocalendar().week == 53
    if p.week == 53 and not has_53:
        raise ToolInputError(f"ISO year {p.year} has only 52 weeks")
    monday = dt.date.fromisocalendar(p.year, p.week, 1)
    return {
        "monday": monday.isoformat(),
        "sunday": (monday + dt.timedelta(days=6)).isoformat(),
        "year_has_53_weeks": has_53,
    }


class DayOfYear(BaseModel):
    year: int = Field(
        description="Gregorian year.", ge=1000, le=2999, json_schema_extra=port("year", samples=_YEAR_SAMPLES)
    )
    day_of_year: int = Field(
        description="Day of the year, 1-366.",
        ge=1,
        le=366,
        json_schema_extra=port("integer", samples=[256, 100, 1, 365, 60]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The calendar date of the n-th day of a year (e.g. day 256 is Programmers' Day) and its weekday.",
    outputs={
        "date": Output("date", "day {day_of_year} of {year}"),
        "weekday": Output("weekday", "the weekday of day {day_of_year} of {year}"),
    },
    examples=[{"year": 2025, "day_of_year": 256}],
)
def date_from_day_of_year(p: DayOfYear) -> dict:
    if p.day_of_year == 366 and not cal.isleap(p.year):
        raise ToolInputError(f"{p.year} has only 365 days")
    day = dt.date(p.year, 1, 1) + dt.timedelta(days=p.day_of_year - 1)
    return {"date": day.isoformat(), "weekday": day.strftime("%A")}


# --- text ----------------------------------------------------------------------------------------------------


class TextParam(BaseModel):
    text: str = Field(
        description="English text (up to 5,000 characters).",
        min_length=1,
        max_length=5000,
        json_schema_extra=port(
            "text",
            samples=[
                "The quick brown fox jumps over the lazy dog.",
                "It was the best of times, it was the worst of times. It was the age of wisdom.",
                "Call me Ishmael. Some years ago, never mind how long precisely, I thought I would sail about.",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pronouncing",
    description="Readability of English text: words, sentences and syllables (CMU dictionary, vowel groups for "
    "unknown words), the Flesch reading ease and the Flesch-Kincaid grade level.",
    outputs={
        "word_count": Output("count", "the number of words in {text}"),
        "sentence_count": Output("count", "the number of sentences in {text}"),
        "syllable_count": Output("count", "the number of syllables in {text}"),
        "flesch_reading_ease": Output("number", "the Flesch reading ease of {text}"),
        "flesch_kincaid_grade": Output("number", "the Flesch-Kincaid grade level of {text}"),
    },
    examples=[{"text": "The quick brown fox jumps over the lazy dog."}],
)
def readability(p: TextParam) -> dict:
    import re

    import pronouncing

    words = re.findall(r"[A-Za-z']+", p.text)
    if not words:
        raise ToolInputError("the text has no words")
    sentences = max(1, len(re.findall(r"[.!?]+(?:\s|$)", p.text)))

    def syllables(word: str) -> int:
        phones = _cmu().get(word.lower())
        if phones:
            return pronouncing.syllable_count(phones[0])
        return max(1, len(re.findall(r"[aeiouy]+", word.lower())))

    total = sum(syllables(w) for w in words)
    wps, spw = len(words) / sentences, total / len(words)
    return {
        "word_count": len(words),
        "sentence_count": sentences,
        "syllable_count": total,
        "flesch_reading_ease": round(206.835 - 1.015 * wps - 84.6 * spw, 2),
        "flesch_kincaid_grade": round(0.39 * wps + 11.8 * spw - 15.59, 2),
    }


# --- more sounds and word forms ---------------------------------------------------------------------------


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Alliteration partners of an English word: dictionary words starting with the same first sound "
    "(phone), how many, and the first few alphabetically.",
    outputs={
        "word_count": Output("count", "the number of words starting with the same sound as {word}"),
        "first_words": Output("string_list", "the first five words starting with the same sound as {word}"),
    },
    examples=[{"word": "happy"}],
)
def alliteration_words(p: WordParam) -> dict:
    first = _phones(_word(p.word))[0].split()[0]
    found = sorted(w for w, phones in _first_pronunciations().items() if phones[0] == first and w != p.word.lower())
    return {"word_count": len(found), "first_words": found[:5]}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Rhymes of an English word grouped by length: how many rhyming words have one, two and three or "
    "more syllables.",
    outputs={
        "one_syllable": Output("count", "the number of one-syllable rhymes of {word}"),
        "two_syllables": Output("count", "the number of two-syllable rhymes of {word}"),
        "three_plus_syllables": Output("count", "the number of rhymes of {word} with three or more syllables"),
    },
    examples=[{"word": "computer"}],
)
def rhymes_by_length(p: WordParam) -> dict:
    import pronouncing

    word = _word(p.word)
    rhymes = sorted(set(pronouncing.rhymes(word)))
    counts = collections.Counter(min(pronouncing.syllable_count(_cmu()[r][0]), 3) for r in rhymes if r in _cmu())
    return {"one_syllable": counts[1], "two_syllables": counts[2], "three_plus_syllables": counts[3]}


class Quantity(BaseModel):
    word: str = _word_field(
        "An English noun in the singular, e.g. 'goose'.", ["goose", "child", "box", "mouse", "city"]
    )
    count: int = Field(
        description="How many.", ge=0, le=10**6, json_schema_extra=port("count", samples=[3, 0, 1, 12, 2])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="A count and a noun in correct English (inflect): '3 geese', 'no children', '1 box', and the count "
    "spelled out with the noun.",
    outputs={
        "phrase": Output("label", "{count} {word} written as an English phrase"),
        "spelled_phrase": Output("text", "{count} {word} written with the number in words"),
    },
    examples=[{"word": "goose", "count": 3}],
)
def quantity_phrase(p: Quantity) -> dict:
    engine = _inflect_engine()
    noun = engine.plural_noun(p.word, p.count)
    return {"phrase": engine.no(p.word, p.count), "spelled_phrase": f"{engine.number_to_words(p.count)} {noun}"}


class DigitsNumber(BaseModel):
    digits: str = Field(
        description="A string of digits, e.g. a PIN or flight number '1234'.",
        pattern=r"^[0-9]{1,30}$",
        json_schema_extra=port("label", samples=["1234", "007", "90210", "2025", "314159"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="Read a string of digits one by one and in pairs, as for phone, PIN or flight numbers (inflect "
    "grouped reading).",
    outputs={
        "one_by_one": Output("text", "the digits {digits} read one by one"),
        "in_pairs": Output("text", "the digits {digits} read in pairs"),
    },
    examples=[{"digits": "1234"}],
)
def digits_in_words(p: DigitsNumber) -> dict:
    engine = _inflect_engine()
    return {
        "one_by_one": engine.number_to_words(p.digits, group=1, zero="zero"),
        "in_pairs": engine.number_to_words(p.digits, group=2, zero="oh"),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="A date written out in English words as it is read aloud: 'the fourteenth of March, two thousand "
    "and twenty-five', with the weekday.",
    outputs={
        "in_words": Output("text", "the date {date} written out in English words"),
        "weekday": Output("weekday", "the weekday of {date}"),
    },
    examples=[{"date": "2025-03-14"}],
    warm=_inflect_engine,
)
def date_in_words(p: GregorianDate) -> dict:
    engine = _inflect_engine()
    day = _parse_date(p.date)
    ordinal = engine.ordinal(engine.number_to_words(day.day))
    year = engine.number_to_words(day.year, andword="and")
    return {"in_words": f"the {ordinal} of {day.strftime('%B')}, {year}", "weekday": day.strftime("%A")}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="Where a year sits in time: its century and millennium as English ordinals ('21st century'), its "
    "decade ('2020s') and the year's position within its century.",
    outputs={
        "century": Output("label", "the century of the year {year}"),
        "millennium": Output("label", "the millennium of the year {year}"),
        "decade": Output("label", "the decade of the year {year}"),
    },
    examples=[{"year": 2025}, {"year": 2000}],
)
def year_era_info(p: YearParam) -> dict:
    engine = _inflect_engine()
    century = (p.year - 1) // 100 + 1
    millennium = (p.year - 1) // 1000 + 1
    return {
        "century": f"{engine.ordinal(century)} century",
        "millennium": f"{engine.ordinal(millennium)} millennium",
        "decade": f"{p.year // 10 * 10}s",
    }


# --- more calendars ---------------------------------------------------------------------------------------


class HebrewYear(BaseModel):
    hebrew_year: int = Field(
        description="Year of the Hebrew calendar (anno mundi), e.g. 5785.",
        ge=4761,
        le=6760,
        json_schema_extra=port("integer", samples=[5785, 5784, 5786, 5760, 5800]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="A Hebrew calendar year: its length in days (353-385), whether it is a leap year with Adar I and "
    "II, and the Gregorian date of its Rosh Hashanah (1 Tishrei).",
    outputs={
        "days_in_year": Output("count", "the number of days in Hebrew year {hebrew_year}"),
        "is_leap": Output("boolean", "whether Hebrew year {hebrew_year} is a leap year"),
        "rosh_hashanah": Output("date", "the Gregorian date of Rosh Hashanah of Hebrew year {hebrew_year}"),
    },
    examples=[{"hebrew_year": 5785}],
)
def hebrew_year_info(p: HebrewYear) -> dict:
    from convertdate import hebrew

    return {
        "days_in_year": int(hebrew.year_days(p.hebrew_year)),
        "is_leap": bool(hebrew.leap(p.hebrew_year)),
        "rosh_hashanah": dt.date(*hebrew.to_gregorian(p.hebrew_year, 7, 1)).isoformat(),
    }


class IslamicMonth(BaseModel):
    islamic_year: int = Field(
        description="Year of the Islamic (Hijri) calendar, e.g. 1446.",
        ge=400,
        le=2000,
        json_schema_extra=port("integer", samples=[1446, 1445, 1447, 1420, 1500]),
    )
    month: int = Field(
        description="Islamic month 1-12 (9 is Ramadan).",
        ge=1,
        le=12,
        json_schema_extra=port("integer", samples=[9, 1, 12, 10, 3]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="An Islamic (Hijri) month by the arithmetical calendar: the Gregorian dates of its first and last "
    "days and its length (29 or 30 days).",
    outputs={
        "first_day": Output("date", "the Gregorian date of the first day of Islamic month {month} of {islamic_year}"),
        "last_day": Output("date", "the Gregorian date of the last day of Islamic month {month} of {islamic_year}"),
        "length_days": Output("count", "the number of days of Islamic month {month} of {islamic_year}"),
    },
    examples=[{"islamic_year": 1446, "month": 9}],
)
def islamic_month_dates(p: IslamicMonth) -> dict:
    from convertdate import islamic

    length = int(islamic.month_length(p.islamic_year, p.month))
    first = dt.date(*islamic.to_gregorian(p.islamic_year, p.month, 1))
    return {
        "first_day": first.isoformat(),
        "last_day": (first + dt.timedelta(days=length - 1)).isoformat(),
        "length_days": length,
    }


class DateSpanWeekday(BaseModel):
    start_date: str = _date_field("First date (YYYY-MM-DD), included.")
    end_date: str = Field(
        description="Last date (YYYY-MM-DD), included.",
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        json_schema_extra=port("date", samples=["2025-12-31", "2024-12-31", "2000-12-31", "1969-12-31", "2026-12-31"]),
    )
    weekday: Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] = Field(
        description="Day of the week to count.",
        json_schema_extra=port("weekday", samples=["Monday", "Friday", "Sunday", "Wednesday", "Saturday"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="How many times a weekday occurs between two dates (both included), and the first occurrence.",
    outputs={
        "occurrences": Output("count", "the number of {weekday}s from {start_date} to {end_date}"),
        "first_occurrence": Output("date", "the first {weekday} from {start_date} to {end_date}"),
    },
    examples=[{"start_date": "2025-03-14", "end_date": "2025-12-31", "weekday": "Monday"}],
)
def weekday_count_between(p: DateSpanWeekday) -> dict:
    start, end = _parse_date(p.start_date), _parse_date(p.end_date)
    if end < start:
        raise ToolInputError("end_date is before start_date")
    target = _WEEKDAYS.index(p.weekday)
    first = start + dt.timedelta(days=(target - start.weekday()) % 7)
    count = 0 if first > end else (end - first).days // 7 + 1
    return {"occurrences": count, "first_occurrence": first.isoformat() if first <= end else None}


# --- text analysis --------------------------------------------------------------------------------------


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Vocabulary of a text: distinct words, the type-token ratio, the most frequent word (ties broken "
    "alphabetically) and the longest word.",
    outputs={
        "distinct_words": Output("count", "the number of distinct words in {text}"),
        "type_token_ratio": Output("number", "the type-token ratio of {text}"),
        "most_frequent_word": Output("word", "the most frequent word in {text}"),
        "longest_word": Output("word", "the longest word in {text}"),
    },
    examples=[{"text": "It was the best of times, it was the worst of times. It was the age of wisdom."}],
)
def text_vocabulary(p: TextParam) -> dict:
    import re

    words = [w.lower() for w in re.findall(r"[A-Za-z']+", p.text)]
    if not words:
        raise ToolInputError("the text has no words")
    counts = collections.Counter(words)
    return {
        "distinct_words": len(counts),
        "type_token_ratio": round(len(counts) / len(words), 4),
        "most_frequent_word": min(counts, key=lambda w: (-counts[w], w)),
        "longest_word": min(counts, key=lambda w: (-len(w), w)),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Letters of a text: how many, the share of vowels, the most frequent letter, and whether the text "
    "is a pangram (uses all 26 letters).",
    outputs={
        "letter_count": Output("count", "the number of letters in {text}"),
        "vowel_share": Output("number", "the share of vowels among the letters of {text}"),
        "most_frequent_letter": Output("label", "the most frequent letter in {text}"),
        "is_pangram": Output("boolean", "whether {text} uses every letter of the alphabet"),
    },
    examples=[{"text": "The quick brown fox jumps over the lazy dog."}],
)
def text_letters(p: TextParam) -> dict:
    letters = [c for c in p.text.lower() if "a" <= c <= "z"]
    if not letters:
        raise ToolInputError("the text has no Latin letters")
    counts = collections.Counter(letters)
    return {
        "letter_count": len(letters),
        "vowel_share": round(sum(counts[v] for v in "aeiou") / len(letters), 4),
        "most_frequent_letter": min(counts, key=lambda c: (-counts[c], c)),
        "is_pangram": len(counts) == 26,
    }


class Phrase(BaseModel):
    text: str = Field(
        description="A word or phrase.",
        min_length=1,
        max_length=500,
        json_schema_extra=port(
            "text",
            samples=[
                "A man, a plan, a canal: Panama",
                "racecar",
                "Hello world",
                "Was it a car or a cat I saw?",
                "level",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Whether a phrase is a palindrome ignoring case, spaces and punctuation, and the longest "
    "palindromic word in it.",
    outputs={
        "is_palindrome": Output("boolean", "whether {text} reads the same backwards"),
        "longest_palindromic_word": Output("label", "the longest palindromic word in {text}"),
    },
    examples=[{"text": "A man, a plan, a canal: Panama"}],
)
def palindrome_check(p: Phrase) -> dict:
    import re

    letters = [c for c in p.text.lower() if c.isalnum()]
    if not letters:
        raise ToolInputError("the text has no letters or digits")
    words = [w for w in re.findall(r"[A-Za-z]+", p.text.lower()) if len(w) > 1 and w == w[::-1]]
    return {
        "is_palindrome": letters == letters[::-1],
        "longest_palindromic_word": min(words, key=lambda w: (-len(w), w)) if words else None,
    }


class CaesarQuery(BaseModel):
    text: str = Field(
        description="Text to encode (letters are shifted, other characters kept).",
        min_length=1,
        max_length=500,
        json_schema_extra=port("text", samples=["Attack at dawn", "Hello world", "Veni vidi vici", "ROT13 example"]),
    )
    shift: int = Field(
        description="Letters to shift forward (negative shifts back; 13 is ROT13).",
        ge=-25,
        le=25,
        json_schema_extra=port("integer", samples=[3, 13, -3, 1]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Caesar cipher: shift every Latin letter of a text by a number of places (case kept), as in ROT13.",
    outputs={"encoded": Output("text", "{text} shifted by {shift} letters")},
    examples=[{"text": "Attack at dawn", "shift": 3}],
)
def caesar_shift(p: CaesarQuery) -> dict:
    def shift(c: str) -> str:
        if "a" <= c <= "z":
            return chr((ord(c) - 97 + p.shift) % 26 + 97)
        if "A" <= c <= "Z":
            return chr((ord(c) - 65 + p.shift) % 26 + 65)
        return c

    return {"encoded": "".join(shift(c) for c in p.text)}


class RamadanYear(BaseModel):
    year: int = Field(
        description="Gregorian year (1000-2999).",
        ge=1000,
        le=2999,
        json_schema_extra=port("year", samples=_YEAR_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Ramadan by the arithmetical Islamic calendar: the first Ramadan starting in a Gregorian year, its "
    "first and last days and its length (observed dates can differ by a day with moon sighting).",
    outputs={
        "ramadan_start": Output("date", "the first day of the first Ramadan starting in {year}"),
        "ramadan_end": Output("date", "the last day of the first Ramadan starting in {year}"),
        "ramadan_days": Output("count", "the number of days of the first Ramadan starting in {year}"),
    },
    examples=[{"year": 2025}],
)
def ramadan_dates(p: RamadanYear) -> dict:
    from convertdate import islamic

    start_year = islamic.from_gregorian(p.year, 1, 1)[0]
    for y in (start_year, start_year + 1, start_year + 2):
        first = dt.date(*islamic.to_gregorian(y, 9, 1))
        if first.year == p.year:
            length = int(islamic.month_length(y, 9))
            return {
                "ramadan_start": first.isoformat(),
                "ramadan_end": (first + dt.timedelta(days=length - 1)).isoformat(),
                "ramadan_days": length,
            }
    raise ToolInputError(f"no Ramadan starts in {p.year}")
