"""Numbers in words (inflect, num2words): cardinals and ordinals in English and other languages, years,
money amounts, digit strings and dates read aloud, and Roman numerals.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from tool_catalog.domains.language.common import (
    DOMAIN,
    YEAR_SAMPLES,
    GregorianDate,
    inflect_engine,
    lang_field,
    parse_date,
)
from tool_catalog.domains.language.conventions import SCHOOL_LANGUAGES
from tool_catalog.names import month_name, weekday_name
from tool_catalog.ports import port
from tool_catalog.quantities import ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


class EnglishNumber(BaseModel):
    number: int = Field(
        description="A whole number from 0 to 10^15.",
        ge=0,
        le=10**15,
        json_schema_extra=port(
            "integer", quantity=quantity("dimensionless"), samples=[4821, 1234567, 90210, 7319, 1999, 3050017, 613]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="Write a whole number in English words (British style with 'and', e.g. 'one hundred and one'), "
    "as ordinal words ('twenty-first') and as an ordinal numeral ('21st').",
    outputs={
        "cardinal_words": Output(
            "text",
            "the number {number} written in English words",
            asks=(
                "How do you write {number} in English words?",
                "Spell out {number} in words, British style with 'and'.",
                "I'm writing a cheque: how is {number} written out in words?",
            ),
            askable=False,  # a speaker writes it without a tool, in a style ('and', commas) the question cannot fix
        ),
        "ordinal_words": Output(
            "text",
            "the English ordinal of {number} written in words",
            asks=(
                "How do you write the ordinal of {number} in words (like 'twenty-first')?",
                "Spell out {number} as an English ordinal in words.",
            ),
            askable=False,  # "one million, ..., sixty-seventh": no one needs it, anyone writes it
        ),
        "ordinal_numeral": Output("label", "the English ordinal numeral (like 21st) of {number}", askable=False),
    },
    examples=[{"number": 21}, {"number": 1234567}],
)
def english_number_words(p: EnglishNumber) -> dict:
    engine = inflect_engine()
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
        json_schema_extra=port(
            "integer", quantity=quantity("dimensionless"), samples=[42, 1234567, 2025, 99, 1000, 17]
        ),
    )
    language_code: str = lang_field(
        "ISO 639-1 code of the language, e.g. 'fr'.", ["fr", "de", "es", "ja", "ru", "ar", "pt", "tr"]
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="num2words",
    description="Write a whole number in words in one of num2words' ~50 languages given by ISO 639-1 code "
    "(e.g. 42 in German -> 'zweiundvierzig').",
    outputs={
        "words": Output(
            "text",
            "the number {number} written in words in {language_code}",
            asks=(
                "How do you write {number} in words in {language_code}?",
                "Spell out {number} in {language_code}.",
                "How would a native speaker of {language_code} write the number {number} in words?",
            ),
        )
    },
    examples=[{"number": 1234567, "language_code": "fr"}, {"number": 42, "language_code": "de"}],
)
def number_in_words(p: ForeignNumber) -> dict:
    from num2words import num2words

    return {"words": num2words(p.number, lang=num2words_language(p.language_code))}


_NUM2WORDS_LANGS = ["fr", "de", "es", "it", "pt", "ru", "ja", "nl"]


class YearInLanguage(BaseModel):
    year: int = Field(
        description="A year, 1-2999.", ge=1, le=2999, json_schema_extra=port("year", samples=YEAR_SAMPLES)
    )
    language_code: str = lang_field("Language for the words (num2words), e.g. 'fr'.", _NUM2WORDS_LANGS[:5])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="num2words",
    description="A year read out in words in a language, as it is spoken (num2words 'year' mode: 1999 in English "
    "is 'nineteen ninety-nine').",
    outputs={
        "words": Output(
            "text",
            "the year {year} spoken in {language_code}",
            asks=(
                "How is {year} read aloud as a year in {language_code}?",
                "Write {year} in words the way a year is spoken in {language_code}.",
            ),
            # an English speaker says it unaided, and so does anyone who learned French or Spanish at school
            worth=lambda args, _out: args.get("language_code") not in SCHOOL_LANGUAGES,
        )
    },
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
        json_schema_extra=port("integer", quantity=ORDINAL, samples=[3, 21, 100, 1, 42]),
    )
    language_code: str = lang_field("Language (num2words), e.g. 'de'.", _NUM2WORDS_LANGS[:5])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="num2words",
    description="An ordinal number written in words in a language (num2words), e.g. 3 in French is 'troisième'.",
    outputs={
        "ordinal_words": Output(
            "text",
            "the ordinal {number} written in {language_code}",
            asks=(
                "How do you write the ordinal form of {number} in words in {language_code}?",
                "In {language_code}, how do you write the ordinal number {number} (first, second, ...) in words?",
            ),
        )
    },
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
        json_schema_extra=port(
            "money_amount",
            quantity=quantity("currency:{currency_code}", additive=True),
            samples=[12.5, 1999.99, 100, 0.75, 45],
        ),
    )
    currency_code: str = Field(
        description="ISO 4217 currency, e.g. 'EUR'.",
        pattern=r"^[A-Z]{3}$",
        json_schema_extra=port("currency_code", samples=["EUR", "USD", "EUR", "GBP", "EUR"]),
    )
    language_code: str = lang_field("Language (num2words), e.g. 'de'.", ["de", "en", "fr", "en", "es"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="num2words",
    description="An amount of money written out in words in a language, as on a cheque (num2words currency "
    "mode), e.g. 12.50 EUR in German is 'zwölf Euro und fünfzig Cent'.",
    outputs={
        "words": Output(
            "text",
            "{amount} {currency_code} written in words in {language_code}",
            asks=(
                "How do you write {amount} {currency_code:code} in words in {language_code}, as on a cheque?",
                "Spell out an amount of {amount} {currency_code:code} in {language_code}.",
            ),
        )
    },
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
        json_schema_extra=port("integer", quantity=quantity("dimensionless"), samples=[1999, 2024, 14, 3888, 444]),
    )


@tool(
    inverse="from_roman_numerals",
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Write a number from 1 to 3999 in standard Roman numerals (subtractive notation) and count its "
    "symbols.",
    outputs={
        "roman": Output(
            "roman_numeral",
            "{number} in Roman numerals",
            asks=(
                "How do you write {number} in Roman numerals?",
                "What is {number} in Roman numerals?",
                "A cornerstone shows {number} in Roman numerals: what does it read?",
            ),
        ),
        "symbol_count": Output(
            "count",
            "the number of symbols in {number} written in Roman numerals",
            asks=(
                "How many symbols does {number} take when written in Roman numerals?",
                "Written in Roman numerals, how many letters long is {number}?",
            ),
            measure="length in Roman numerals",
        ),
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
    inverse="to_roman_numerals",
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Read a Roman numeral (standard subtractive form only; 'IIII' or 'IC' are rejected) as a number.",
    outputs={
        "number": Output(
            "integer",
            "the value of {roman}",
            asks=(
                "What number is {roman}?",
                "What is the value of {roman}?",
                "A film's copyright line ends with {roman}: which year is that?",
            ),
            measure="value",
            quantity=quantity("dimensionless"),
        )
    },
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
        "one_by_one": Output(
            "text",
            "the digits {digits} read one by one",
            asks=(
                "How are the digits {digits} read out one by one?",
                "Read {digits} aloud digit by digit, in words.",
            ),
        ),
        "in_pairs": Output(
            "text",
            "the digits {digits} read in pairs",
            asks=(
                "How is {digits} read in pairs, as a flight number often is?",
                "Read the digits {digits} aloud in pairs, in words.",
            ),
        ),
    },
    examples=[{"digits": "1234"}],
)
def digits_in_words(p: DigitsNumber) -> dict:
    engine = inflect_engine()
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
        "in_words": Output(
            "text",
            "the date {date} written out in English words",
            asks=(
                "Write {date} out in English words as it is read aloud.",
                "How would you read {date} aloud in English?",
            ),
            askable=False,  # several readings are right ("July the twentieth"), and a speaker needs no tool
        ),
        "weekday": Output(
            "weekday",
            "the weekday of {date}",
            asks=(
                "What day of the week is {date}?",
                "Which weekday falls on {date}?",
            ),
        ),
    },
    examples=[{"date": "2025-03-14"}],
    warm=inflect_engine,
)
def date_in_words(p: GregorianDate) -> dict:
    engine = inflect_engine()
    day = parse_date(p.date)
    ordinal = engine.ordinal(engine.number_to_words(day.day))
    from num2words import num2words

    year = num2words(day.year, to="year")  # "nineteen sixty-nine", "two thousand and five", "twenty twenty-four"
    return {"in_words": f"the {ordinal} of {month_name(day)}, {year}", "weekday": weekday_name(day)}
