"""Seed sources of the language domain: words, language codes and names, territories, years and dates."""

from __future__ import annotations

from functools import cache

from tool_catalog.domains.language.common import DOMAIN, cmu, known_language, territory_languages, ymd
from tool_catalog.registry import seed_source
from tool_catalog.spec import ToolInputError


@seed_source(
    domain=DOMAIN,
    port="word",
    package="pronouncing",
    description="lowercase alphabetic words of the CMU Pronouncing Dictionary that lemminflect also knows",
)
def word_seeds() -> list[str]:
    import lemminflect

    return sorted(w for w in cmu() if w.isascii() and w.isalpha() and w.islower() and lemminflect.getAllLemmas(w))


@cache
def _seed_languages() -> tuple[str, ...]:
    from babel.localedata import locale_identifiers
    from langcodes.data_dicts import LIKELY_SUBTAGS

    codes = []
    for code in sorted(set(locale_identifiers())):
        if "_" in code or code not in LIKELY_SUBTAGS or not (2 <= len(code) <= 3):
            continue
        try:
            language = known_language(code)
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
        for code, entries in territory_languages().items()
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
    return [ymd(y, m, (y * 12 + m) * 7 % 28 + 1) for y in range(1950, 2050) for m in range(1, 13)]
