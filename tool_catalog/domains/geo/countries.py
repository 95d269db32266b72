"""Country facts from countryinfo: capital, area, region and land neighbours, a family of single-fact tools
(population, internet domains, native name, provinces, spellings, centre, translations), rankings by population and
area, and the largest neighbours and subregion peers of a country."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.geo import common
from tool_catalog.domains.geo.common import DOMAIN, CountryCode
from tool_catalog.ports import port
from tool_catalog.quantities import ADDITIVE_COUNT, ORDINAL, quantity
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError

_SOURCE = "circa-2015 country statistics"
"""countryinfo's figures (populations of about 2015, areas, borders, provinces) differ from other references."""

_CAPITAL_FIXES: dict[str, tuple[str, float, float]] = {
    # countryinfo geocoded these capitals to a namesake elsewhere (The Valley in Nebraska, Dili in Delhi, ...) or to
    # the country's centre; the coordinates here are the capital's own (GeoNames).
    "AG": ("Saint John's", 17.12096, -61.84329),
    "AI": ("The Valley", 18.21704, -63.05783),
    "BR": ("Brasília", -15.77972, -47.92972),
    "DJ": ("Djibouti", 11.58901, 43.14503),
    "GD": ("St. George's", 12.05644, -61.74849),
    "IM": ("Douglas", 54.15, -4.48333),
    "LU": ("Luxembourg", 49.61167, 6.13),
    "ME": ("Podgorica", 42.44111, 19.26361),
    "MS": ("Plymouth", 16.70555, -62.21292),
    "NF": ("Kingston", -29.05459, 167.96628),
    "PM": ("Saint-Pierre", 46.77914, -56.1773),
    "RE": ("Saint-Denis", -20.88231, 55.4504),
    "SH": ("Jamestown", -15.93872, -5.71675),
    "TL": ("Dili", -8.55861, 125.57361),
    "TN": ("Tunis", 36.81897, 10.16579),
    # renamed or moved since countryinfo's data: Nur-Sultan is Astana again (2022); Burundi's capital is Gitega (2019)
    "KZ": ("Astana", 51.1801, 71.44598),
    "BI": ("Gitega", -3.4271, 29.9246),
}


_SUBREGION_FIXES = {"RS": "Southern Europe", "ME": "Southern Europe"}
"""Subregions of the UN M49 geoscheme where countryinfo's data differs (it files Serbia and Montenegro under Eastern
Europe)."""
_M49 = "the UN M49 geoscheme"
_WIDE_SUBREGIONS = frozenset({"Latin America and the Caribbean", "Sub-Saharan Africa"})
"""M49 subregions that M49 itself divides into intermediate regions (South America, Eastern Africa): asked of Brazil,
"its subregion" reads as South America to most people, and the answer is not what they mean."""


def _name_with_ending(code: str, demonym: str) -> bool:
    from tool_catalog.names import country_name

    name = (country_name(code) or "").removeprefix("the ").removeprefix("The ")
    return len(name) >= 4 and demonym[:4].lower() == name[:4].lower()


def _plain_subregion(arguments: dict[str, Any], _output: dict[str, Any]) -> bool:
    try:
        return _country_facts(str(arguments.get("country_code", ""))).get("subregion") not in _WIDE_SUBREGIONS
    except ToolInputError:
        return False


def _country_facts(code: str) -> dict:
    """The countryinfo record of a country by ISO alpha-2 code (its subregion as UN M49 has it)."""
    from countryinfo import CountryInfo, CountryNotFoundError

    common.country(code)
    try:
        info = CountryInfo(code).info()
    except CountryNotFoundError:
        raise ToolInputError(f"countryinfo has no record for country {code!r}") from None
    if (info.get("ISO") or {}).get("alpha2") != code:
        raise ToolInputError(f"countryinfo has no record for country {code!r}")
    return {**info, "subregion": _SUBREGION_FIXES[code]} if code in _SUBREGION_FIXES else info


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="countryinfo",
    description="Capital city of a country (ISO alpha-2 code) with the capital's latitude and longitude.",
    outputs={
        "capital": Output(
            "city_name",
            "the capital city of {country_code}",
            asks=(
                "What is the capital of {country_code}?",
                "Which city is the capital of {country_code}?",
                "Name the capital city of {country_code}.",
            ),
            alone=False,  # Asmara for Eritrea is quiz trivia; the capital is a step to its coordinates or time
        ),
        "latitude": Output(
            "latitude",
            "the latitude of the capital of {country_code}",
            asks=(
                "What is the latitude of the capital of {country_code}, in decimal degrees?",
                "At what latitude does the capital city of {country_code} lie?",
            ),
            measure="capital latitude",
        ),
        "longitude": Output(
            "longitude",
            "the longitude of the capital of {country_code}",
            asks=(
                "What is the longitude of the capital of {country_code}, in decimal degrees?",
                "At what longitude does the capital city of {country_code} lie?",
            ),
            measure="capital longitude",
        ),
    },
    examples=[{"country_code": "KE"}, {"country_code": "AU"}],
)
def country_capital(p: CountryCode) -> dict:
    info = _country_facts(p.country_code)
    capital, latlng = info.get("capital"), info.get("capital_latlng")
    if p.country_code in _CAPITAL_FIXES:
        capital, *latlng = _CAPITAL_FIXES[p.country_code]
    if isinstance(capital, list):
        capital = capital[0] if capital else None
    if not capital or not latlng or len(latlng) != 2:
        raise ToolInputError(f"countryinfo lists no capital for country {p.country_code!r}")
    return {"capital": capital, "latitude": round(float(latlng[0]), 4), "longitude": round(float(latlng[1]), 4)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="countryinfo",
    description="Geography of a country (ISO alpha-2 code): total area in km², world region and subregion, "
    "and the alpha-3 codes and number of the countries it borders by land.",
    outputs={
        "area_km2": Output(
            "number",
            "the area in square kilometres of {country_code}",
            asks=(
                "What is the total area of {country_code} in square kilometres?",
                "How large is {country_code}, in km²?",
                "How many square kilometres does {country_code} cover?",
            ),
            measure="total area",
            quantity=quantity("km**2", additive=True),
            source=_SOURCE,
            known_scale=True,
        ),
        "region": Output(
            "label",
            "the world region of {country_code}",
            asks=(
                "In which world region is {country_code}?",
                "Which continental region, such as Africa or the Americas, does {country_code} belong to?",
            ),
            source=_SOURCE,
        ),
        "subregion": Output(
            "label",
            "the subregion of {country_code}",
            asks=(
                "Which geographic subregion is {country_code} part of?",
                "In which subregion of the world, such as Western Europe or Southern Asia, is {country_code}?",
            ),
            source=_M49,
            worth=_plain_subregion,
        ),
        "neighbours": Output(
            "string_list",
            "the list of alpha-3 codes of the countries sharing a land border with {country_code}",
            asks=(
                "Which countries share a land border with {country_code}? List their three-letter ISO codes.",
                "List the land neighbours of {country_code} by ISO 3166-1 alpha-3 code.",
            ),
            measure="land neighbours (by ISO alpha-3 code)",  # the form a list shared by two countries is given in
            source=_SOURCE,
        ),
        "neighbour_count": Output(
            "count",
            "the number of countries sharing a land border with {country_code}",
            asks=(
                "How many countries border {country_code} by land?",
                "With how many countries does {country_code} share a land border?",
                "How many land neighbours does {country_code} have?",
            ),
            measure="number of land neighbours",
            source=_SOURCE,
        ),
    },
    examples=[{"country_code": "DE"}, {"country_code": "JP"}],
)
def country_geography(p: CountryCode) -> dict:
    info = _country_facts(p.country_code)
    borders = info.get("borders")
    neighbours = sorted({str(b).upper() for b in borders}) if isinstance(borders, list) else None
    return {
        "area_km2": info.get("area"),
        "region": info.get("region") or None,
        "subregion": info.get("subregion") or None,
        "neighbours": neighbours,
        "neighbour_count": None if neighbours is None else len(neighbours),
    }


def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _population(info: dict) -> dict:
    pop, area = info.get("population"), info.get("area")
    return {
        "population": int(pop) if pop else None,
        "density_per_km2": round(float(pop) / float(area), 2) if pop and area else None,
    }


def _tld(info: dict) -> dict:
    tlds = _as_list(info.get("tld"))
    return {"tlds": tlds, "primary_tld": tlds[0] if tlds else None}


def _native(info: dict) -> dict:
    return {"native_name": info.get("nativeName") or None, "demonym": info.get("demonym") or None}


def _provinces(info: dict) -> dict:
    provinces = _as_list(info.get("provinces"))
    return {
        "province_count": len(provinces),
        "first_province": sorted(provinces)[0] if provinces else None,
        "provinces": sorted(provinces),
    }


def _spellings(info: dict) -> dict:
    spellings = _as_list(info.get("altSpellings"))
    return {"alt_spelling_count": len(spellings), "alt_spellings": spellings}


def _centroid(info: dict) -> dict:
    latlng = info.get("latlng")
    if not isinstance(latlng, list) or len(latlng) != 2:
        return {"latitude": None, "longitude": None}
    return {"latitude": float(latlng[0]), "longitude": float(latlng[1])}


def _translations(info: dict) -> dict:
    names = info.get("translations") or {}
    return {
        "translation_count": len(names),
        "german_name": names.get("de"),
        "japanese_name": names.get("ja"),
    }


_COUNTRYINFO_FAMILY = [
    (
        "country_population",
        "Population of a country (countryinfo's census figure) and its population density "
        "per km2 (population over total area).",
        {
            "population": Output(
                "integer",
                "the population of {country_code}",
                asks=(
                    "What is the population of {country_code}?",
                    "How many people live in {country_code}?",
                    "How many inhabitants does {country_code} have?",
                ),
                measure="population",
                quantity=ADDITIVE_COUNT,
                source=_SOURCE,
                alone=False,
                known_scale=True,
            ),
            "density_per_km2": Output(
                "number",
                "the population density per square kilometre of {country_code}",
                asks=(
                    "What is the population density of {country_code}, in people per km²?",
                    "How many people per square kilometre live in {country_code}?",
                    "On average, how many inhabitants does {country_code} have per km² of its total area?",
                ),
                measure="population density",
                quantity=quantity("1/km**2"),
                source=_SOURCE,
                alone=False,
            ),
        },
        _population,
    ),
    (
        "country_internet_domains",
        "Country-code top-level internet domains of a country.",
        {
            "tlds": Output(
                "string_list",
                "the internet top-level domains of {country_code}",
                asks=(
                    "Which internet top-level domains belong to {country_code}? List them.",
                    "List the country-code top-level domains of {country_code}.",
                ),
                measure="internet top-level domains",
                worth=lambda args, out: out.get("tlds") != ["." + str(args.get("country_code", "")).lower()],
            ),
            "primary_tld": Output(
                "label",
                "the main internet top-level domain of {country_code}",
                asks=(
                    "What is the internet country-code domain of {country_code}?",
                    "Websites from {country_code} usually end in which country-code domain?",
                    "Which top-level domain is assigned to {country_code}?",
                ),
                # ".mw" for Malawi is its ISO code: asked only where the domain is not (".uk" for GB)
                worth=lambda args, out: out.get("primary_tld") != "." + str(args.get("country_code", "")).lower(),
            ),
        },
        _tld,
    ),
    (
        "country_native_name",
        "A country's name in its own main language and the demonym for its people.",
        {
            "native_name": Output(
                "label",
                "the native name of {country_code}",
                asks=(
                    "What is {country_code} called in its own main language?",
                    "How do the people of {country_code} write their country's name in their own language?",
                ),
            ),
            "demonym": Output(
                "label",
                "the demonym of the people of {country_code}",
                asks=(
                    "What do you call a person from {country_code}?",
                    "What is the demonym for the people of {country_code}?",
                ),
                # Syria, Syrian: a demonym that is the country's name with an ending is known to anyone
                worth=lambda args, out: not _name_with_ending(str(args.get("country_code")), str(out.get("demonym"))),
            ),
        },
        _native,
    ),
    (
        "country_provinces",
        "First-level provinces or regions of a country as countryinfo lists them: how many, "
        "the first alphabetically, and all of them.",
        {
            "province_count": Output(
                "count",
                "the number of provinces or regions of {country_code}",
                asks=(
                    "How many first-level provinces or regions does {country_code} have?",
                    "Into how many provinces or regions is {country_code} divided?",
                ),
                measure="number of provinces",
                source=_SOURCE,
            ),
            "first_province": Output("label", "the alphabetically first province of {country_code}", askable=False),
            "provinces": Output(
                "string_list",
                "the provinces of {country_code}",
                asks=(
                    "List the provinces or regions of {country_code}.",
                    "What are the first-level provinces or regions of {country_code}? List them.",
                ),
                measure="provinces",
                source=_SOURCE,
            ),
        },
        _provinces,
    ),
    (
        "country_alternative_spellings",
        "Alternative spellings and official long names of a country.",
        {
            "alt_spelling_count": Output(
                "count", "the number of alternative spellings of the name of {country_code}", askable=False
            ),
            "alt_spellings": Output(
                "string_list",
                "the alternative spellings of the name of {country_code}",
                asks=(
                    "What other names, spellings and codes are used for {country_code}? List them.",
                    "List the alternative names of {country_code}, its official long name included.",
                ),
                measure="alternative names",
                source=_SOURCE,
                askable=False,  # a list of spellings and codes answers nothing a person wants to know
            ),
        },
        _spellings,
    ),
    (
        "country_centroid",
        "Approximate geographic centre of a country (latitude and longitude in whole degrees, "
        "as countryinfo records it).",
        {
            "latitude": Output(
                "latitude",
                "the latitude of the geographic centre of {country_code}",
                asks=(
                    "What is the latitude of the geographic centre of {country_code}?",
                    "At what latitude does the middle of {country_code} lie?",
                ),
                measure="centre latitude",
                source=_SOURCE,
            ),
            "longitude": Output(
                "longitude",
                "the longitude of the geographic centre of {country_code}",
                asks=(
                    "What is the longitude of the geographic centre of {country_code}?",
                    "At what longitude does the middle of {country_code} lie?",
                ),
                measure="centre longitude",
                source=_SOURCE,
            ),
        },
        _centroid,
    ),
    (
        "country_name_translations",
        "Names of a country in other languages recorded by countryinfo: how many "
        "translations, and the German and Japanese names.",
        {
            "translation_count": Output(
                "count", "the number of translations of the name of {country_code}", askable=False
            ),
            "german_name": Output(
                "label",
                "the German name of {country_code}",
                asks=("What is {country_code} called in German?", "How do Germans write the name of {country_code}?"),
                worth=lambda args, out: _foreign(args, out.get("german_name")),
            ),
            "japanese_name": Output(
                "label",
                "the Japanese name of {country_code}",
                asks=("What is the Japanese name of {country_code}?", "How is {country_code} written in Japanese?"),
                worth=lambda args, out: _foreign(args, out.get("japanese_name")),
            ),
        },
        _translations,
    ),
]


def _foreign(arguments: dict[str, Any], name: Any) -> bool:
    """Whether a country's name in another language differs from its English name (Japan is Japan in German: no
    question)."""
    from tool_catalog.names import country_name

    english = country_name(str(arguments.get("country_code", "")))
    return bool(name) and str(name).casefold() != (english or "").casefold()


def _facts_tool(getter: Any) -> Any:
    def run(p: CountryCode) -> dict:
        values = getter(_country_facts(p.country_code))
        if all(v in (None, [], 0) for v in values.values()):
            raise ToolInputError(f"countryinfo has no such data for country {p.country_code!r}")
        return values

    return run


for _name, _desc, _outs, _getter in _COUNTRYINFO_FAMILY:
    add_tool(
        _name,
        CountryCode,
        _facts_tool(_getter),
        domain=DOMAIN,
        kind="retrieval",
        package="countryinfo",
        description=_desc + " Country given by ISO 3166-1 alpha-2 code.",
        outputs=_outs,
        examples=[{"country_code": "FR"}, {"country_code": "JP"}],
    )


@cache
def _all_country_facts() -> dict[str, dict]:
    """countryinfo records keyed by alpha-2 code (countries whose record names their own code)."""
    import pycountry
    from countryinfo import CountryInfo, CountryNotFoundError

    out = {}
    for country in pycountry.countries:
        try:
            info = CountryInfo(country.alpha_2).info()
        except (CountryNotFoundError, KeyError):
            continue
        if (info.get("ISO") or {}).get("alpha2") == country.alpha_2:
            fix = _SUBREGION_FIXES.get(country.alpha_2)
            out[country.alpha_2] = {**info, "subregion": fix} if fix else info
    return out


def _rank(code: str, key: str) -> tuple[int, int, str]:
    _country_facts(code)
    values = {
        cc: float(info[key]) for cc, info in _all_country_facts().items() if isinstance(info.get(key), (int, float))
    }
    if code not in values:
        raise ToolInputError(f"countryinfo has no {key} for country {code!r}")
    ordered = sorted(values, key=lambda cc: (-values[cc], cc))
    return ordered.index(code) + 1, len(ordered), ordered[0]


for _key, _what in (("population", "population"), ("area", "total area")):
    add_tool(
        f"country_rank_by_{_key}",
        CountryCode,
        (
            lambda key: (
                lambda p: dict(
                    zip(("rank", "ranked_countries", "top_country"), _rank(p.country_code, key), strict=True)
                )
            )
        )(_key),
        domain=DOMAIN,
        kind="processing",
        package="countryinfo",
        description=f"Rank of a country by {_what} among all countries countryinfo records (1 = largest), the "
        "number of countries ranked and the largest one.",
        outputs={
            "rank": Output(
                "count",
                f"the rank by {_what} of {{country_code}} among the world's countries",
                asks=(
                    f"Where does {{country_code}} rank among the world's countries by {_what}, with 1 the largest?",
                    f"Ranked by {_what} from largest to smallest, what position does {{country_code}} hold among "
                    "all countries?",
                ),
                measure=f"world rank by {_what}",
                quantity=ORDINAL,
                source=_SOURCE,
            ),
            "ranked_countries": Output(
                "count", f"the number of countries ranked by {_what} alongside {{country_code}}", askable=False
            ),
            "top_country": Output(
                "country_code", f"the country with the largest {_what}, compared with {{country_code}}", askable=False
            ),
        },
        examples=[{"country_code": "FR"}, {"country_code": "JP"}],
    )


class _LandCountry(BaseModel):
    country_code: str = Field(
        description="ISO 3166-1 alpha-2 code of a country with land borders, e.g. 'DE'.",
        pattern=r"^[A-Z]{2}$",
        json_schema_extra=port("country_code", samples=["DE", "BR", "FR", "CN", "KE"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="countryinfo",
    description="The land neighbour of a country with the largest population and the one with the largest area "
    "(as ISO alpha-3 codes), from countryinfo's border lists.",
    outputs={
        "most_populous_neighbour": Output(
            "country_alpha3",
            "the most populous country bordering {country_code}",
            asks=(
                "Which land neighbour of {country_code} has the most people? Answer with its three-letter ISO code.",
                "Of the countries sharing a land border with {country_code}, which is the most populous? Give its "
                "ISO alpha-3 code.",
            ),
            source=_SOURCE,
        ),
        "largest_neighbour": Output(
            "country_alpha3",
            "the largest country by area bordering {country_code}",
            asks=(
                "Which land neighbour of {country_code} is the largest by area? Answer with its three-letter ISO code.",
                "Of the land neighbours of {country_code}, which covers the most area? Give its ISO alpha-3 code.",
            ),
            source=_SOURCE,
        ),
    },
    examples=[{"country_code": "DE"}, {"country_code": "BR"}],
)
def country_largest_neighbours(p: _LandCountry) -> dict:
    borders = _as_list(_country_facts(p.country_code).get("borders"))
    facts = {info["ISO"]["alpha3"]: info for info in _all_country_facts().values()}
    known = [b.upper() for b in borders if b.upper() in facts]
    if not known:
        raise ToolInputError(f"country {p.country_code!r} has no land neighbours in countryinfo")

    def best(key: str) -> str:
        return max(known, key=lambda a3: (float(facts[a3].get(key) or 0), a3))

    return {"most_populous_neighbour": best("population"), "largest_neighbour": best("area")}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="countryinfo",
    description="The other countries in the same UN subregion as a country: how many, their ISO alpha-2 codes, "
    "and the most populous of them.",
    outputs={
        "peer_count": Output(
            "count",
            "the number of other countries in the subregion of {country_code}",
            asks=(
                "How many other countries and territories are in the same subregion as {country_code}?",
                "Besides {country_code}, how many countries share its geographic subregion?",
            ),
            measure="number of subregion neighbours",
            source=_M49,
            worth=_plain_subregion,
        ),
        "peers": Output(
            "string_list",
            "the alpha-2 codes of the other countries in the subregion of {country_code}",
            asks=(
                "List the other countries in the same subregion as {country_code}, by two-letter ISO code.",
                "Which other countries belong to the subregion of {country_code}? List their ISO alpha-2 codes.",
            ),
            measure="other countries in its subregion",
            source=_M49,
            worth=_plain_subregion,
        ),
        "most_populous_peer": Output(
            "country_code",
            "the most populous other country in the subregion of {country_code}",
            asks=(
                "Which other country in the same subregion as {country_code} has the largest population? Answer "
                "with its two-letter ISO code.",
                "Apart from {country_code} itself, which country in its subregion is the most populous? Give its "
                "ISO alpha-2 code.",
            ),
            source=_M49,
            worth=_plain_subregion,
            chain=False,
        ),
    },
    examples=[{"country_code": "KE"}, {"country_code": "FR"}],
)
def country_subregion_peers(p: CountryCode) -> dict:
    subregion = _country_facts(p.country_code).get("subregion")
    if not subregion:
        raise ToolInputError(f"countryinfo records no subregion for {p.country_code!r}")
    facts = _all_country_facts()
    peers = sorted(cc for cc, info in facts.items() if info.get("subregion") == subregion and cc != p.country_code)
    top = max(peers, key=lambda cc: (float(facts[cc].get("population") or 0), cc)) if peers else None
    return {"peer_count": len(peers), "peers": peers, "most_populous_peer": top}
