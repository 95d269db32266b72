"""Languages of the world (langcodes + language_data, babel/CLDR): facts about a language, codes and names,
the languages of a country and where a language is official, language distance and tags, and dates written in a
language.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.language import common
from tool_catalog.domains.language.common import (
    CLDR,
    DOMAIN,
    LanguageParam,
    date_field,
    known_language,
    lang_field,
    parse_date,
)
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_COUNTRY_SAMPLES = ["CH", "IN", "BR", "KE", "CA", "JP", "BE", "ZA"]


def _country_field(description: str, samples: list[str] = _COUNTRY_SAMPLES) -> Any:
    return Field(
        description=description, pattern=r"^[A-Z]{2}$", json_schema_extra=port("country_code", samples=samples)
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="langcodes",
    description="Facts about a language from CLDR and Unicode population data (langcodes + language_data): English "
    "name, its own name (autonym), estimated speakers and writers, likely script and likely country, ISO 639-3 code. "
    "Languages without a likely country (Esperanto, Yiddish: region 'world') are refused.",
    outputs={
        "name": Output("language_name", "the English name of {language_code}", askable=False),
        "autonym": Output(
            "label",
            "the name of {language_code} in that language itself",
            asks=(
                "What do speakers of {language_code} call their language?",
                "What is the native name (autonym) of {language_code}?",
                "In its own language, what is {language_code} called?",
            ),
            # Deutsch, español, bahasa Indonesia: the own names of the big languages are known
            worth=lambda _args, out: int(out.get("speaking_population") or 0) < 30_000_000,
        ),
        "speaking_population": Output(
            "integer",
            "the estimated number of speakers of {language_code}",
            asks=(
                "How many people speak {language_code}?",
                "About how many speakers does {language_code} have?",
                "What is the estimated number of speakers of {language_code} worldwide?",
            ),
            measure="number of speakers",
            quantity=COUNT,
            source=CLDR,
        ),
        "writing_population": Output(
            "integer",
            "the estimated number of people who write {language_code}",
            asks=(
                "How many people write {language_code}?",
                "What is the estimated number of people who can write {language_code}?",
            ),
            measure="number of people who write it",
            quantity=COUNT,
            source=CLDR,
        ),
        "likely_script": Output(
            "label",
            "the ISO 15924 code of the script most likely used for {language_code}",
            asks=(
                "Which script is {language_code} most likely written in? Answer with its ISO 15924 code.",
                "What writing system does {language_code} usually use? Give the four-letter ISO 15924 code.",
            ),
            source=CLDR,
        ),
        "likely_country": Output(
            "country_code",
            "the country most likely associated with {language_code}",
            asks=(
                "Which country is most associated with {language_code}? Answer with its two-letter ISO code.",
                "If someone speaks {language_code}, which country are they most likely from? Give the ISO 3166-1 "
                "alpha-2 code.",
            ),
            source=CLDR,
            chain=False,
        ),
        "iso639_3": Output(
            "label",
            "the ISO 639-3 code of {language_code}",
            asks=(
                "What is the three-letter ISO 639-3 code of {language_code}?",
                "Give the ISO 639-3 code for {language_code}.",
            ),
        ),
    },
    examples=[{"language_code": "pt"}, {"language_code": "sw"}],
)
def language_info(p: LanguageParam) -> dict:
    language = known_language(p.language_code)
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
    inverse="language_info",
    domain=DOMAIN,
    kind="retrieval",
    package="langcodes",
    description="Find the ISO 639 language code for a language named in English (CLDR names via langcodes), "
    "e.g. 'German' -> 'de'.",
    outputs={
        "language_code": Output(
            "language_code",
            "the ISO 639 code of the language {name}",
            asks=(
                "What is the ISO 639 code of {name}?",
                "Which language code stands for {name}? Answer with its ISO 639 code.",
                "I'm tagging a document written in {name}: which ISO 639 language code should I use?",
            ),
            chain=False,
        )
    },
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


class TranslatedName(BaseModel):
    language_code: str = lang_field("ISO 639 code of the language to name, e.g. 'fr'.")
    in_language: str = lang_field(
        "ISO 639 code of the language to write the name in, e.g. 'de'.", ["de", "es", "ja", "ru", "fr", "zh", "it"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="The name of a language as written in another language, from CLDR locale data (babel), "
    "e.g. French in German -> 'Französisch'.",
    outputs={
        "name": Output(
            "label",
            "the name of {language_code} written in {in_language}",
            asks=(
                "What is {language_code} called in {in_language}?",
                "How do speakers of {in_language} write the name of {language_code}?",
                "Give the name of {language_code} as it is written in {in_language}.",
            ),
            source=CLDR,
        )
    },
    examples=[{"language_code": "fr", "in_language": "de"}, {"language_code": "en", "in_language": "ja"}],
)
def language_name_translated(p: TranslatedName) -> dict:
    name = common.locale(p.in_language).languages.get(p.language_code)
    if not name:
        raise ToolInputError(f"CLDR has no name in {p.in_language!r} for the language with code {p.language_code!r}")
    return {"name": name}


def _territory(code: str) -> dict[str, dict]:
    entries = common.territory_languages().get(code)
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
        "official_languages": Output(
            "string_list",
            "the language codes of the official languages of {country_code}",
            asks=(
                "What are the official languages of {country_code}? List their ISO 639 codes.",
                "Which languages are official in {country_code}? Answer with their language codes.",
                "List the national official languages of {country_code}, as ISO 639 codes.",
            ),
            measure="official languages",
            source=CLDR,
            worth=lambda _args, out: int(out.get("official_language_count") or 0) >= 2,  # not Portuguese for Brazil
        ),
        "official_language_count": Output(
            "count",
            "the number of official languages of {country_code}",
            asks=(
                "How many official languages does {country_code} have?",
                "How many languages are official at the national level in {country_code}?",
                "Counting de facto ones, how many official languages are there in {country_code}?",
            ),
            measure="number of official languages",
            source=CLDR,
        ),
        "most_spoken_language": Output(
            "language_code",
            "the language spoken by the largest share of the population of {country_code}",
            asks=(
                "Which language is spoken by the largest share of people in {country_code}? Answer with its ISO 639 "
                "code.",
                "What is the most widely spoken language in {country_code}? Give its language code.",
            ),
            source=CLDR,
            chain=False,
            # where it is the one official language (Portuguese in Brazil), everyone knows it
            worth=lambda _args, out: out.get("official_languages") != [out.get("most_spoken_language")],
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
    language_code: str = lang_field("ISO 639 language code, e.g. 'hi'.", ["hi", "fr", "de", "sw", "nl", "es", "zu"])


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
            "number",
            "the percentage of the population of {country_code} who speak {language_code}",
            asks=(
                "What percentage of people in {country_code} speak {language_code}?",
                "What share of the population of {country_code} speaks {language_code}, in percent?",
                "How widespread is {language_code} in {country_code}? Give the percentage of the population who "
                "speak it.",
            ),
            measure="share of the population speaking it",
            quantity=quantity("percent"),
            source=CLDR,
        ),
        "official_status": Output(
            "label",
            "the official status of {language_code} in {country_code}",
            asks=(
                "What official status does {language_code} have in {country_code}: official, de facto official, "
                "official in a region, official minority language, or not official?",
                "Is {language_code} an official language in {country_code}? Give its status (official, de facto "
                "official, official in a region, official minority language or not official).",
            ),
            source=CLDR,
        ),
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
    date: str = date_field("Gregorian date YYYY-MM-DD.")
    language_code: str = lang_field("ISO 639 code of the language to write the date in, e.g. 'de'.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="Write a date in another language using CLDR locale data (babel): the full written date, the name "
    "of its weekday and the name of its month in that language.",
    outputs={
        "full_date": Output(
            "text",
            "{date} written out in full in {language_code}",
            asks=(
                "How is {date} written in full in {language_code}?",
                "Write {date} as a full date in {language_code}, weekday included.",
            ),
            source=CLDR,
        ),
        "weekday_name": Output(
            "label",
            "the name of the weekday of {date} in {language_code}",
            asks=(
                "In {language_code}, what do you call the day of the week on {date}?",
                "Which weekday is {date}? Name it in {language_code}.",
            ),
            source=CLDR,
        ),
        "month_name": Output(
            "label",
            "the name of the month of {date} in {language_code}",
            asks=(
                "In {language_code}, what is the name of the month in which {date} falls?",
                "How do you name the month of {date} in {language_code}?",
            ),
            source=CLDR,
        ),
    },
    examples=[{"date": "2025-03-14", "language_code": "de"}, {"date": "2024-02-29", "language_code": "ja"}],
)
def localized_date(p: LocalizedDate) -> dict:
    from babel.dates import format_date

    day = parse_date(p.date)
    locale = common.locale(p.language_code)
    return {
        "full_date": format_date(day, "full", locale=locale),
        "weekday_name": format_date(day, "EEEE", locale=locale),
        "month_name": format_date(day, "MMMM", locale=locale),
    }


class LanguagePair(BaseModel):
    language_a: str = lang_field("First ISO 639 language code.", ["pt", "da", "es", "hi", "ms"])
    language_b: str = lang_field("Second ISO 639 language code.", ["es", "nb", "ca", "ur", "id"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="langcodes",
    description="How interchangeable two languages are for a reader (CLDR language matching distance via "
    "langcodes: 0 same, under 10 mutually intelligible, large for unrelated languages).",
    outputs={
        "distance": Output(
            "integer",
            "the language matching distance between {language_a} and {language_b}",
            asks=(
                "What is the language matching distance between {language_a} and {language_b}?",
                "How far apart are {language_a} and {language_b} on the language-matching distance scale, where 0 "
                "means the same language?",
            ),
            measure="language matching distance",
            quantity=quantity("dimensionless", "interval"),
            source=CLDR,
        ),
        "close_match": Output(
            "boolean",
            "whether {language_a} and {language_b} are a close match (distance < 25)",
            asks=(
                "Are {language_a} and {language_b} a close match, with a matching distance under 25?",
                "Can a reader of {language_a} make do with {language_b}? Is their matching distance below 25?",
            ),
            source=CLDR,
        ),
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
        "standard_tag": Output(
            "label",
            "the standard BCP 47 form of the language tag {tag}",
            asks=(
                "What is the standard BCP 47 form of the language tag {tag}?",
                "Normalize the language tag {tag} to BCP 47.",
                "The tag {tag} is outdated or badly formatted: what is the correct BCP 47 tag?",
            ),
        ),
        "language_code": Output(
            "language_code",
            "the language code in the tag {tag}",
            asks=(
                "Which language does the tag {tag} denote? Answer with its ISO 639 code.",
                "What language code, without script or region, does the tag {tag} stand for?",
            ),
            chain=False,
        ),
        "description": Output(
            "label",
            "the English description of the language tag {tag}",
            asks=(
                "What language and region does the tag {tag} describe, in English?",
                "Describe the language tag {tag} in plain English.",
            ),
        ),
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
        "official_territory_count": Output(
            "count",
            "the number of territories where {language_code} is official",
            asks=(
                "In how many territories is {language_code} an official language?",
                "How many countries and territories have {language_code} as an official language?",
                "Count the territories where {language_code} is official.",
            ),
            measure="number of territories where it is official",
            source=CLDR,
        ),
        "official_territories": Output(
            "string_list",
            "the territories where {language_code} is official",
            asks=(
                "Where is {language_code} an official language? List the territories' two-letter ISO codes.",
                "List the ISO 3166-1 alpha-2 codes of the territories where {language_code} is official.",
            ),
            measure="territories where it is official",
            source=CLDR,
        ),
        "largest_territory": Output(
            "country_code",
            "the territory with the most speakers of {language_code}",
            asks=(
                "Which country has the most speakers of {language_code}? Answer with its two-letter ISO code.",
                "Where do most speakers of {language_code} live? Give the country's ISO 3166-1 alpha-2 code.",
            ),
            source=CLDR,
            chain=False,
        ),
    },
    examples=[{"language_code": "fr"}, {"language_code": "sw"}],
)
def language_territories(p: LanguageParam) -> dict:
    import langcodes

    known_language(p.language_code)
    official, speakers = [], {}
    for territory, languages in common.territory_languages().items():
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
