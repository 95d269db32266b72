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
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError


def _country_facts(code: str) -> dict:
    """The countryinfo record of a country by ISO alpha-2 code."""
    from countryinfo import CountryInfo, CountryNotFoundError

    common.country(code)
    try:
        info = CountryInfo(code).info()
    except CountryNotFoundError:
        raise ToolInputError(f"countryinfo has no record for country {code!r}") from None
    if (info.get("ISO") or {}).get("alpha2") != code:
        raise ToolInputError(f"countryinfo has no record for country {code!r}")
    return info


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="countryinfo",
    description="Capital city of a country (ISO alpha-2 code) with the capital's latitude and longitude.",
    outputs={
        "capital": Output("city_name", "the capital city of {country_code}"),
        "latitude": Output("latitude", "the latitude of the capital of {country_code}"),
        "longitude": Output("longitude", "the longitude of the capital of {country_code}"),
    },
    examples=[{"country_code": "KE"}, {"country_code": "AU"}],
)
def country_capital(p: CountryCode) -> dict:
    info = _country_facts(p.country_code)
    capital, latlng = info.get("capital"), info.get("capital_latlng")
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
        "area_km2": Output("number", "the area in square kilometres of {country_code}"),
        "region": Output("label", "the world region of {country_code}"),
        "subregion": Output("label", "the subregion of {country_code}"),
        "neighbours": Output(
            "string_list", "the list of alpha-3 codes of the countries sharing a land border with {country_code}"
        ),
        "neighbour_count": Output("count", "the number of countries sharing a land border with {country_code}"),
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
            "population": ("integer", "the population of {country_code}"),
            "density_per_km2": ("number", "the population density per square kilometre of {country_code}"),
        },
        _population,
    ),
    (
        "country_internet_domains",
        "Country-code top-level internet domains of a country.",
        {
            "tlds": ("string_list", "the internet top-level domains of {country_code}"),
            "primary_tld": ("label", "the main internet top-level domain of {country_code}"),
        },
        _tld,
    ),
    (
        "country_native_name",
        "A country's name in its own main language and the demonym for its people.",
        {
            "native_name": ("label", "the native name of {country_code}"),
            "demonym": ("label", "the demonym of the people of {country_code}"),
        },
        _native,
    ),
    (
        "country_provinces",
        "First-level provinces or regions of a country as countryinfo lists them: how many, "
        "the first alphabetically, and all of them.",
        {
            "province_count": ("count", "the number of provinces countryinfo lists for {country_code}"),
            "first_province": ("label", "the alphabetically first province of {country_code}"),
            "provinces": ("string_list", "the provinces of {country_code}"),
        },
        _provinces,
    ),
    (
        "country_alternative_spellings",
        "Alternative spellings and official long names of a country.",
        {
            "alt_spelling_count": ("count", "the number of alternative spellings of the name of {country_code}"),
            "alt_spellings": ("string_list", "the alternative spellings of the name of {country_code}"),
        },
        _spellings,
    ),
    (
        "country_centroid",
        "Approximate geographic centre of a country (latitude and longitude in whole degrees, "
        "as countryinfo records it).",
        {
            "latitude": ("latitude", "the latitude of the geographic centre of {country_code}"),
            "longitude": ("longitude", "the longitude of the geographic centre of {country_code}"),
        },
        _centroid,
    ),
    (
        "country_name_translations",
        "Names of a country in other languages recorded by countryinfo: how many "
        "translations, and the German and Japanese names.",
        {
            "translation_count": ("count", "the number of translations of the name of {country_code}"),
            "german_name": ("label", "the German name of {country_code}"),
            "japanese_name": ("label", "the Japanese name of {country_code}"),
        },
        _translations,
    ),
]


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
        outputs={k: Output(*v) for k, v in _outs.items()},
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
            out[country.alpha_2] = info
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
            "rank": Output("count", f"the rank by {_what} of {{country_code}} among the world's countries"),
            "ranked_countries": Output(
                "count", f"the number of countries ranked by {_what} alongside {{country_code}}"
            ),
            "top_country": Output(
                "country_code", f"the country with the largest {_what}, compared with {{country_code}}"
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
        "most_populous_neighbour": Output("country_alpha3", "the most populous country bordering {country_code}"),
        "largest_neighbour": Output("country_alpha3", "the largest country by area bordering {country_code}"),
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
        "peer_count": Output("count", "the number of other countries in the subregion of {country_code}"),
        "peers": Output("string_list", "the alpha-2 codes of the other countries in the subregion of {country_code}"),
        "most_populous_peer": Output(
            "country_code", "the most populous other country in the subregion of {country_code}"
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
