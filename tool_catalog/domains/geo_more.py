"""Geography & travel, second part: country facts and rankings, names in other languages, week conventions,
phone-number formats and carriers, airports by ICAO, city, radius and time zone, time-zone transitions and
names, twilight and solar position, and coordinate systems (UTM, Web Mercator, ECEF, geohash, Maidenhead).

Backends: countryinfo, pycountry, babel (CLDR), phonenumbers (libphonenumber metadata and carrier data),
airportsdata, tzdata through zoneinfo, astral, pyproj (PROJ). Geohash and Maidenhead are the published
encodings written out here.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache, lru_cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.geo import (
    _PHONE_PATTERN,
    AirportCode,
    AirportPair,
    CoordinatePair,
    Coordinates,
    CountryCode,
    PhoneNumber,
    SubdivisionCode,
    TimezoneName,
    _airport,
    _airports,
    _airports_by_country,
    _airports_near_latitude,
    _country,
    _country_facts,
    _date_field,
    _geod,
    _haversine_km,
    _latitude_field,
    _longitude_field,
    _parse_date,
    _parse_phone,
    _timezone_field,
    _zone,
)
from tool_catalog.ports import define_port, port
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError

DOMAIN = "geo"

define_port("geohash", "geohash cell string (base-32)", "code", "the geohash cell {value}")
define_port("maidenhead_locator", "Maidenhead grid locator", "code", "the Maidenhead grid square {value}")

# --- countries: countryinfo facts (one family) ----------------------------------------------------------


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


# --- countries: pycountry identifiers ------------------------------------------------------------------------


class CountryAlpha3(BaseModel):
    alpha_3: str = Field(
        description="ISO 3166-1 alpha-3 country code, e.g. 'DEU'.",
        pattern=r"^[A-Z]{3}$",
        json_schema_extra=port("country_alpha3", samples=["DEU", "JPN", "BRA", "KEN", "CAN"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="Resolve an ISO 3166-1 alpha-3 country code to its alpha-2 code, English name and official name.",
    outputs={
        "country_code": Output("country_code", "{alpha_3}"),
        "name": Output("country_name", "the English name of {alpha_3}"),
        "official_name": Output("label", "the official name of {alpha_3}"),
    },
    examples=[{"alpha_3": "DEU"}, {"alpha_3": "KEN"}],
)
def country_from_alpha3(p: CountryAlpha3) -> dict:
    import pycountry

    country = pycountry.countries.get(alpha_3=p.alpha_3)
    if country is None:
        raise ToolInputError(f"unknown ISO 3166-1 alpha-3 country code {p.alpha_3!r}")
    return {
        "country_code": country.alpha_2,
        "name": country.name,
        "official_name": getattr(country, "official_name", None),
    }


class CountryNameParam(BaseModel):
    name: str = Field(
        description="English name of a country, e.g. 'Germany' (exact or common name).",
        pattern=r"^[A-Za-z][A-Za-z .,'()\-]{1,60}$",
        json_schema_extra=port("country_name", samples=["Germany", "Japan", "Brazil", "Kenya", "Canada"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="Find a country by its English name (exact, common or official name) and return its ISO alpha-2 "
    "and alpha-3 codes.",
    outputs={
        "country_code": Output("country_code", "the country named {name}"),
        "alpha_3": Output("country_alpha3", "the ISO alpha-3 code of the country named {name}"),
    },
    examples=[{"name": "Germany"}, {"name": "Bolivia, Plurinational State of"}],
)
def country_by_name(p: CountryNameParam) -> dict:
    import pycountry

    wanted = p.name.strip().lower()
    for country in pycountry.countries:
        names = {getattr(country, a, "").lower() for a in ("name", "common_name", "official_name")}
        if wanted in names:
            return {"country_code": country.alpha_2, "alpha_3": country.alpha_3}
    raise ToolInputError(f"no country is named {p.name!r} in ISO 3166-1")


class NumericCountry(BaseModel):
    numeric: str = Field(
        description="ISO 3166-1 numeric country code (three digits), e.g. '276'.",
        pattern=r"^[0-9]{3}$",
        json_schema_extra=port("label", samples=["276", "392", "076", "404", "124"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="Resolve an ISO 3166-1 numeric country code (UN M49) to the country's alpha-2 code and name.",
    outputs={
        "country_code": Output("country_code", "the country with ISO numeric code {numeric}"),
        "name": Output("country_name", "the English name of the country with ISO numeric code {numeric}"),
    },
    examples=[{"numeric": "276"}, {"numeric": "076"}],
)
def country_by_numeric_code(p: NumericCountry) -> dict:
    import pycountry

    country = pycountry.countries.get(numeric=p.numeric)
    if country is None:
        raise ToolInputError(f"unknown ISO 3166-1 numeric country code {p.numeric!r}")
    return {"country_code": country.alpha_2, "name": country.name}


class HistoricCountry(BaseModel):
    code: str = Field(
        description="ISO 3166-3 code of a former country (alpha-3, e.g. 'YUG' for Yugoslavia, 'SUN' for the USSR).",
        pattern=r"^[A-Z]{3}$",
        json_schema_extra=port("label", samples=["YUG", "SUN", "CSK", "DDR", "ZAR"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="A former country by its ISO 3166-3 code: its name, the date its code was withdrawn, and its "
    "former four-letter code.",
    outputs={
        "name": Output("label", "the name of the former country with code {code}"),
        "withdrawal_date": Output("date", "the date the code {code} of a former country was withdrawn"),
        "alpha_4": Output("label", "the ISO 3166-3 four-letter code of the former country {code}"),
    },
    examples=[{"code": "YUG"}, {"code": "SUN"}],
)
def former_country(p: HistoricCountry) -> dict:
    import pycountry

    country = pycountry.historic_countries.get(alpha_3=p.code)
    if country is None:
        raise ToolInputError(f"no former country has ISO 3166-3 alpha-3 code {p.code!r}")
    withdrawn = getattr(country, "withdrawal_date", None)
    return {"name": country.name, "withdrawal_date": withdrawn or None, "alpha_4": getattr(country, "alpha_4", None)}


class SubdivisionSearch(BaseModel):
    country_code: str = Field(
        description="ISO 3166-1 alpha-2 country code, e.g. 'US'.",
        pattern=r"^[A-Z]{2}$",
        json_schema_extra=port("country_code", samples=["US", "DE", "JP", "CA", "FR"]),
    )
    name: str = Field(
        description="Name of a subdivision (state, province, prefecture ...), e.g. 'Texas'.",
        pattern=r"^[^\x00-\x1f]{2,60}$",
        json_schema_extra=port("label", samples=["Texas", "Bayern", "Hokkaido", "Ontario", "Bretagne"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="Find a subdivision of a country by name (case-insensitive, accents ignored; prefix match when "
    "there is no exact match) and return its ISO 3166-2 code and type.",
    outputs={
        "subdivision_code": Output("subdivision_code", "the subdivision named {name} in {country_code}"),
        "type": Output("label", "the type of the subdivision named {name} in {country_code}"),
    },
    examples=[{"country_code": "US", "name": "Texas"}, {"country_code": "JP", "name": "Hokkaido"}],
)
def subdivision_by_name(p: SubdivisionSearch) -> dict:
    import unicodedata

    import pycountry

    def norm(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()

    _country(p.country_code)
    subs = sorted(pycountry.subdivisions.get(country_code=p.country_code) or [], key=lambda s: s.code)
    wanted = norm(p.name.strip())
    exact = [s for s in subs if norm(s.name) == wanted]
    found = exact or [s for s in subs if norm(s.name).startswith(wanted)]
    if not found:
        raise ToolInputError(f"no subdivision of {p.country_code} is named {p.name!r}")
    return {"subdivision_code": found[0].code, "type": found[0].type}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="The subdivisions directly below an ISO 3166-2 subdivision (e.g. the provinces of a French region): "
    "how many, the first code, and all codes.",
    outputs={
        "child_count": Output("count", "the number of subdivisions directly below {subdivision_code}"),
        "first_child": Output("subdivision_code", "the first subdivision directly below {subdivision_code}"),
        "children": Output("string_list", "the codes of the subdivisions directly below {subdivision_code}"),
    },
    examples=[{"subdivision_code": "FR-BRE"}, {"subdivision_code": "ES-AN"}],
)
def subdivision_children(p: SubdivisionCode) -> dict:
    import pycountry

    if pycountry.subdivisions.get(code=p.subdivision_code) is None:
        raise ToolInputError(f"unknown ISO 3166-2 subdivision code {p.subdivision_code!r}")
    country = p.subdivision_code.split("-")[0]
    children = sorted(
        s.code for s in pycountry.subdivisions.get(country_code=country) or [] if s.parent_code == p.subdivision_code
    )
    return {"child_count": len(children), "first_child": children[0] if children else None, "children": children}


# --- countries: CLDR conventions (babel) --------------------------------------------------------------------

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _territory_locale(code: str) -> Any:
    from babel import Locale, UnknownLocaleError

    _country(code)
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
        "first_day_of_week": Output("weekday", "the first day of the week in {country_code}"),
        "weekend_start": Output("weekday", "the first day of the weekend in {country_code}"),
        "weekend_end": Output("weekday", "the last day of the weekend in {country_code}"),
        "min_days_first_week": Output(
            "count", "the minimum number of days in the first week of the year in {country_code}"
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
    outputs={"name": Output("label", "the name of {country_code} in {language_code}")},
    examples=[{"country_code": "DE", "language_code": "fr"}, {"country_code": "JP", "language_code": "ru"}],
)
def country_name_in_language(p: CountryInLanguage) -> dict:
    from babel import Locale, UnknownLocaleError

    _country(p.country_code)
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
        "currency_count": Output("count", "the number of currencies recorded for {country_code}"),
        "earliest_currency": Output("currency_code", "the earliest currency recorded for {country_code}"),
        "currencies": Output("string_list", "the currencies used by {country_code} in order of adoption"),
    },
    examples=[{"country_code": "DE"}, {"country_code": "ZW"}],
)
def country_currency_history(p: CountryCode) -> dict:
    from babel.core import get_global

    _country(p.country_code)
    history = get_global("territory_currencies").get(p.country_code, [])
    ordered = sorted(history, key=lambda c: (c[1] or (0,), c[0]))
    codes = list(dict.fromkeys(c[0] for c in ordered))
    if not codes:
        raise ToolInputError(f"CLDR records no currency for {p.country_code}")
    return {"currency_count": len(codes), "earliest_currency": codes[0], "currencies": codes}


# --- phone numbers (libphonenumber metadata) --------------------------------------------------------------

_PHONE_TYPES = {
    "fixed_line": 0,
    "mobile": 1,
    "toll_free": 3,
    "premium_rate": 4,
    "voip": 6,
}


class ExampleNumber(BaseModel):
    country_code: str = Field(
        description="ISO 3166-1 alpha-2 country code, e.g. 'JP'.",
        pattern=r"^[A-Z]{2}$",
        json_schema_extra=port("country_code", samples=["JP", "DE", "BR", "GB", "US"]),
    )
    number_type: Literal["fixed_line", "mobile", "toll_free", "premium_rate", "voip"] = Field(
        description="Kind of number: fixed_line, mobile, toll_free, premium_rate or voip.",
        json_schema_extra=port("label", samples=["mobile", "fixed_line", "toll_free"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="phonenumbers",
    description="libphonenumber's example number of a given kind (mobile, fixed line, toll-free ...) for a "
    "country, in E.164 and national formats.",
    outputs={
        "example_number": Output("phone_number", "the example {number_type} number for {country_code}"),
        "national_format": Output(
            "label", "the national format of the example {number_type} number for {country_code}"
        ),
    },
    examples=[{"country_code": "JP", "number_type": "mobile"}, {"country_code": "DE", "number_type": "toll_free"}],
)
def phone_example_number(p: ExampleNumber) -> dict:
    import phonenumbers

    _country(p.country_code)
    number = phonenumbers.example_number_for_type(p.country_code, _PHONE_TYPES[p.number_type])
    if number is None:
        raise ToolInputError(f"libphonenumber has no example {p.number_type} number for {p.country_code}")
    fmt = phonenumbers.PhoneNumberFormat
    return {
        "example_number": phonenumbers.format_number(number, fmt.E164),
        "national_format": phonenumbers.format_number(number, fmt.NATIONAL),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="phonenumbers",
    description="Write a phone number in the standard formats: E.164, international, RFC 3966 URI, and its "
    "national significant number.",
    outputs={
        "e164": Output("phone_number", "the E.164 form of {phone_number}"),
        "international": Output("label", "the international format of {phone_number}"),
        "rfc3966": Output("label", "the RFC 3966 tel URI of {phone_number}"),
        "national_significant_number": Output("label", "the national significant number of {phone_number}"),
    },
    examples=[{"phone_number": "+41446681800"}],
)
def phone_number_formats(p: PhoneNumber) -> dict:
    import phonenumbers

    number = _parse_phone(p.phone_number)
    if not phonenumbers.is_possible_number(number):
        raise ToolInputError(f"{p.phone_number!r} is not a possible phone number (wrong length)")
    fmt = phonenumbers.PhoneNumberFormat
    return {
        "e164": phonenumbers.format_number(number, fmt.E164),
        "international": phonenumbers.format_number(number, fmt.INTERNATIONAL),
        "rfc3966": phonenumbers.format_number(number, fmt.RFC3966),
        "national_significant_number": phonenumbers.national_significant_number(number),
    }


class MobileNumber(BaseModel):
    phone_number: str = Field(
        description="Mobile telephone number in international format, e.g. '+447400123456'.",
        pattern=_PHONE_PATTERN,
        max_length=30,
        json_schema_extra=port(
            "phone_number", samples=["+447400123456", "+819012345678", "+33612345678", "+61412345678"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="phonenumbers",
    description="The mobile network a mobile number's prefix was originally allocated to (libphonenumber carrier "
    "data; numbers may since have been ported).",
    outputs={"carrier": Output("label", "the mobile carrier originally allocated {phone_number}")},
    examples=[{"phone_number": "+447400123456"}],
)
def phone_carrier(p: MobileNumber) -> dict:
    from phonenumbers import carrier

    name = carrier.name_for_number(_parse_phone(p.phone_number), "en")
    if not name:
        raise ToolInputError(f"no carrier is recorded for the prefix of {p.phone_number}")
    return {"carrier": name}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="phonenumbers",
    description="Possible lengths (digits of the national significant number) of mobile and fixed-line numbers "
    "in a country, from libphonenumber metadata.",
    outputs={
        "mobile_lengths": Output("number_list", "the possible lengths of mobile numbers in {country_code}"),
        "fixed_line_lengths": Output("number_list", "the possible lengths of fixed-line numbers in {country_code}"),
    },
    examples=[{"country_code": "JP"}, {"country_code": "DE"}],
)
def phone_number_lengths(p: CountryCode) -> dict:
    import phonenumbers

    _country(p.country_code)
    meta = phonenumbers.PhoneMetadata.metadata_for_region(p.country_code)
    if meta is None:
        raise ToolInputError(f"libphonenumber has no metadata for {p.country_code}")
    general = list(meta.general_desc.possible_length or ())
    return {
        "mobile_lengths": list(meta.mobile.possible_length or general) if meta.mobile else general,
        "fixed_line_lengths": list(meta.fixed_line.possible_length or general) if meta.fixed_line else general,
    }


class CallingCode(BaseModel):
    calling_code: int = Field(
        description="International calling code without '+', e.g. 44.",
        ge=1,
        le=999,
        json_schema_extra=port("calling_code", samples=[44, 1, 7, 61, 262]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="phonenumbers",
    description="The countries that share an international calling code, and the main one (e.g. +1: US with "
    "Canada and the Caribbean).",
    outputs={
        "main_country": Output("country_code", "the main country using calling code +{calling_code}"),
        "countries": Output("string_list", "the countries using calling code +{calling_code}"),
        "country_count": Output("count", "the number of countries using calling code +{calling_code}"),
    },
    examples=[{"calling_code": 1}, {"calling_code": 44}],
)
def calling_code_countries(p: CallingCode) -> dict:
    import phonenumbers

    regions = [r for r in phonenumbers.region_codes_for_country_code(p.calling_code) if r != "001"]
    if not regions:
        raise ToolInputError(f"+{p.calling_code} is not assigned to any country")
    return {"main_country": regions[0], "countries": sorted(regions), "country_count": len(regions)}


# --- airports -------------------------------------------------------------------------------------------------


@cache
def _airports_by_icao() -> dict[str, tuple[str, dict]]:
    return {a["icao"]: (code, a) for code, a in _airports().items() if a.get("icao")}


class IcaoCode(BaseModel):
    icao: str = Field(
        description="Four-letter ICAO airport code, e.g. 'EGLL'.",
        pattern=r"^[A-Z0-9]{4}$",
        json_schema_extra=port("icao_code", samples=["EGLL", "RJAA", "KJFK", "LFPG", "YSSY"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="airportsdata",
    description="Find an airport by its ICAO code: its IATA code, name, country and subdivision.",
    outputs={
        "iata": Output("iata_code", "{icao}"),
        "name": Output("airport_name", "the name of {icao}"),
        "country_code": Output("country_code", "the country of {icao}"),
        "subdivision": Output("label", "the state or region of {icao}"),
    },
    examples=[{"icao": "EGLL"}, {"icao": "YSSY"}],
)
def airport_by_icao(p: IcaoCode) -> dict:
    found = _airports_by_icao().get(p.icao)
    if found is None:
        raise ToolInputError(f"unknown ICAO airport code {p.icao!r} (or the airport has no IATA code)")
    code, a = found
    return {"iata": code, "name": a["name"], "country_code": a["country"], "subdivision": a.get("subd") or None}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="airportsdata",
    description="The ICAO code, FAA location identifier (US airports) and state or region of an airport by IATA code.",
    outputs={
        "icao": Output("icao_code", "the ICAO code of {iata}"),
        "faa_lid": Output("label", "the FAA location identifier of {iata}"),
        "subdivision": Output("label", "the state or region where {iata} is located"),
    },
    examples=[{"iata": "JFK"}, {"iata": "NRT"}],
)
def airport_codes(p: AirportCode) -> dict:
    a = _airport(p.iata)
    return {"icao": a.get("icao") or None, "faa_lid": a.get("lid") or None, "subdivision": a.get("subd") or None}


class CityName(BaseModel):
    city: str = Field(
        description="City name as airport records write it, e.g. 'London'.",
        pattern=r"^[^\x00-\x1f]{2,60}$",
        json_schema_extra=port("city_name", samples=["London", "Tokyo", "New York", "Paris", "Sydney"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="airportsdata",
    description="The IATA-coded airports serving a city (matched on the city field of airport records, case "
    "insensitive): how many, their codes, and the highest-elevation one.",
    outputs={
        "airport_count": Output("count", "the number of airports serving {city}"),
        "airports": Output("string_list", "the IATA codes of the airports serving {city}"),
        "first_airport": Output("iata_code", "the first airport, alphabetically by IATA code, serving {city}"),
    },
    examples=[{"city": "London"}, {"city": "Tokyo"}],
)
def airports_in_city(p: CityName) -> dict:
    wanted = p.city.strip().lower()
    codes = sorted(code for code, a in _airports().items() if (a.get("city") or "").lower() == wanted)
    if not codes:
        raise ToolInputError(f"no IATA-coded airport lists its city as {p.city!r}")
    return {"airport_count": len(codes), "airports": codes, "first_airport": codes[0]}


class AirportKeyword(BaseModel):
    keyword: str = Field(
        description="Word to find in airport names, e.g. 'International' or 'Heathrow'.",
        pattern=r"^[^\x00-\x1f]{3,40}$",
        json_schema_extra=port("label", samples=["Heathrow", "Kennedy", "Narita", "Gaulle", "Kingsford", "Changi"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="airportsdata",
    description="Search airport names for a word (case insensitive): the number of IATA-coded airports whose name "
    "contains it and the first by IATA code.",
    outputs={
        "match_count": Output("count", "the number of airports whose name contains {keyword}"),
        "first_match": Output("iata_code", "the first airport, by IATA code, whose name contains {keyword}"),
    },
    examples=[{"keyword": "Heathrow"}, {"keyword": "Kennedy"}],
)
def airport_name_search(p: AirportKeyword) -> dict:
    wanted = p.keyword.strip().lower()
    codes = sorted(code for code, a in _airports().items() if wanted in a["name"].lower())
    if not codes:
        raise ToolInputError(f"no airport name contains {p.keyword!r}")
    return {"match_count": len(codes), "first_match": codes[0]}


class Radius(BaseModel):
    latitude: float = _latitude_field("Latitude of the centre in decimal degrees.")
    longitude: float = _longitude_field("Longitude of the centre in decimal degrees.")
    radius_km: float = Field(
        description="Search radius in kilometres (at most 500).",
        gt=0,
        le=500,
        json_schema_extra=port("number", samples=[50, 100, 25, 200, 150, 75]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="airportsdata",
    description="The IATA-coded airports within a radius of a point (great-circle distance): how many, their "
    "codes nearest first, and the farthest one inside the radius.",
    outputs={
        "airport_count": Output("count", "the number of airports within {radius_km} km of {latitude}, {longitude}"),
        "airports": Output(
            "string_list", "the airports within {radius_km} km of {latitude}, {longitude}, nearest first"
        ),
        "farthest_airport": Output(
            "iata_code", "the farthest airport within {radius_km} km of {latitude}, {longitude}"
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "radius_km": 50}],
)
def airports_within_radius(p: Radius) -> dict:
    found = sorted(
        (round(_haversine_km(p.latitude, p.longitude, a["lat"], a["lon"]), 3), code)
        for code, a in _airports_near_latitude(p.latitude, p.radius_km)
    )
    inside = [code for d, code in found if d <= p.radius_km]
    return {
        "airport_count": len(inside),
        "airports": inside,
        "farthest_airport": inside[-1] if inside else None,
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="The geodesic midpoint (WGS84) of the route between two airports given by IATA code, and the "
    "coordinates halfway along the shortest path.",
    outputs={
        "latitude": Output("latitude", "the latitude of the midpoint between {origin} and {destination}"),
        "longitude": Output("longitude", "the longitude of the midpoint between {origin} and {destination}"),
    },
    examples=[{"origin": "LHR", "destination": "JFK"}],
)
def airport_route_midpoint(p: AirportPair) -> dict:
    a, b = _airport(p.origin), _airport(p.destination)
    if p.origin == p.destination:
        raise ToolInputError("origin and destination are the same airport")
    lat, lon = _midpoint(a["lat"], a["lon"], b["lat"], b["lon"])
    return {"latitude": lat, "longitude": lon}


def _midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    geod = _geod()
    az, _, dist = geod.inv(lon1, lat1, lon2, lat2)
    lon, lat, _ = geod.fwd(lon1, lat1, az, dist / 2)
    return round(lat, 4), round(lon, 4)


class AirportPairOnDate(BaseModel):
    origin: str = Field(
        description="IATA code of the first airport.",
        pattern=r"^[A-Z]{3}$",
        json_schema_extra=port("iata_code", samples=["LHR", "NRT", "JFK", "CDG", "SYD"]),
    )
    destination: str = Field(
        description="IATA code of the second airport.",
        pattern=r"^[A-Z]{3}$",
        json_schema_extra=port("iata_code", samples=["JFK", "SYD", "LAX", "DXB", "SIN"]),
    )
    date: str = _date_field("Date on which to compare local clocks (YYYY-MM-DD).")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="airportsdata",
    description="How many hours the local clock at one airport is ahead of the other's on a date (both airports' "
    "time zones, daylight saving included).",
    outputs={
        "hours_ahead": Output(
            "number", "the number of hours the local time at {destination} is ahead of {origin} on {date}"
        ),
    },
    examples=[{"origin": "LHR", "destination": "JFK", "date": "2024-07-01"}],
)
def airport_time_difference(p: AirportPairOnDate) -> dict:
    day = _parse_date(p.date)
    noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    a, b = _zone(_airport(p.origin)["tz"]), _zone(_airport(p.destination)["tz"])
    diff = noon.astimezone(b).utcoffset() - noon.astimezone(a).utcoffset()
    return {"hours_ahead": diff.total_seconds() / 3600}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="airportsdata",
    description="The IATA-coded airports whose time zone is a given IANA zone: how many, and the highest-elevation "
    "one.",
    outputs={
        "airport_count": Output("count", "the number of airports in {timezone}"),
        "highest_airport": Output("iata_code", "the highest-elevation airport in {timezone}"),
    },
    examples=[{"timezone": "Europe/London"}, {"timezone": "Asia/Tokyo"}],
)
def airports_in_timezone(p: TimezoneName) -> dict:
    _zone(p.timezone)
    found = [(code, a) for code, a in _airports().items() if a.get("tz") == p.timezone]
    if not found:
        raise ToolInputError(f"no IATA-coded airport is in the time zone {p.timezone}")
    code, _ = min(found, key=lambda item: (-item[1]["elevation"], item[0]))
    return {"airport_count": len(found), "highest_airport": code}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="airportsdata",
    description="Rank of an airport by elevation among the IATA-coded airports of its country (1 = highest) and "
    "the number of airports ranked.",
    outputs={
        "elevation_rank": Output("count", "the elevation rank of {iata} within its country"),
        "airports_in_country": Output("count", "the number of airports in the country of {iata}"),
    },
    examples=[{"iata": "LHR"}, {"iata": "CUZ"}],
)
def airport_elevation_rank(p: AirportCode) -> dict:
    a = _airport(p.iata)
    peers = _airports_by_country().get(a["country"], [])
    ordered = sorted(peers, key=lambda item: (-item[1]["elevation"], item[0]))
    return {
        "elevation_rank": [code for code, _ in ordered].index(p.iata) + 1,
        "airports_in_country": len(ordered),
    }


# --- time zones ------------------------------------------------------------------------------------------------


class ZoneYear(BaseModel):
    timezone: str = _timezone_field("IANA time zone name, e.g. 'Europe/Paris'.")
    year: int = Field(
        description="Calendar year, 1970-2037.",
        ge=1970,
        le=2037,
        json_schema_extra=port("year", samples=[2024, 2025, 2023, 2000, 2030]),
    )


@lru_cache(maxsize=4096)
def _transitions(zone: Any, year: int) -> tuple[tuple[dt.datetime, float], ...]:
    """UTC instants in a year when the zone's UTC offset changes, with the new offset (hours). Cached per process:
    the scan takes ~16 ms and a partition asks for the same zones and years again and again."""
    start = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    out: list[tuple[dt.datetime, float]] = []
    previous = start.astimezone(zone).utcoffset()
    hour = start
    end = dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC)
    while hour < end:
        nxt = hour + dt.timedelta(hours=1)
        offset = nxt.astimezone(zone).utcoffset()
        if offset != previous:
            low, high = hour, nxt
            while (high - low) > dt.timedelta(minutes=1):
                mid = low + (high - low) / 2
                if mid.astimezone(zone).utcoffset() == previous:
                    low = mid
                else:
                    high = mid
            out.append((high.replace(second=0, microsecond=0), offset.total_seconds() / 3600))
            previous = offset
        hour = nxt
    return tuple(out)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="tzdata",
    description="Daylight-saving transitions of a time zone in a year (tz database): how many, the local date of "
    "the first and last change, and whether the zone observes DST that year.",
    outputs={
        "transition_count": Output("count", "the number of UTC offset changes in {timezone} in {year}"),
        "first_transition": Output("date", "the local date of the first UTC offset change in {timezone} in {year}"),
        "last_transition": Output("date", "the local date of the last UTC offset change in {timezone} in {year}"),
        "observes_dst": Output("boolean", "whether {timezone} changes its clocks in {year}"),
    },
    examples=[{"timezone": "Europe/London", "year": 2024}, {"timezone": "Asia/Tokyo", "year": 2024}],
)
def timezone_transitions(p: ZoneYear) -> dict:
    zone = _zone(p.timezone)
    changes = _transitions(zone, p.year)
    local = [moment.astimezone(zone).date().isoformat() for moment, _ in changes]
    return {
        "transition_count": len(changes),
        "first_transition": local[0] if local else None,
        "last_transition": local[-1] if local else None,
        "observes_dst": bool(changes),
    }


class ZonePairOnDate(BaseModel):
    from_timezone: str = _timezone_field("First IANA time zone, e.g. 'Europe/London'.")
    to_timezone: str = _timezone_field(
        "Second IANA time zone, e.g. 'Asia/Tokyo'.",
        samples=["Asia/Tokyo", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "America/Los_Angeles"],
    )
    date: str = _date_field("Date of the comparison (YYYY-MM-DD), at noon UTC.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="tzdata",
    description="How many hours one time zone's clock is ahead of another's on a date (at noon UTC, daylight "
    "saving included).",
    outputs={
        "hours_ahead": Output("number", "the number of hours {to_timezone} is ahead of {from_timezone} on {date}"),
    },
    examples=[{"from_timezone": "Europe/London", "to_timezone": "Asia/Tokyo", "date": "2024-07-01"}],
)
def timezone_difference(p: ZonePairOnDate) -> dict:
    day = _parse_date(p.date)
    noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    a, b = _zone(p.from_timezone), _zone(p.to_timezone)
    diff = noon.astimezone(b).utcoffset() - noon.astimezone(a).utcoffset()
    return {"hours_ahead": diff.total_seconds() / 3600}


class ZoneInLanguage(BaseModel):
    timezone: str = _timezone_field("IANA time zone name, e.g. 'Asia/Tokyo'.")
    language_code: str = Field(
        description="Language (CLDR locale) for the name, e.g. 'fr'.",
        pattern=r"^[a-z]{2,3}$",
        json_schema_extra=port("language_code", samples=["fr", "de", "es", "ja", "en"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="The CLDR display name of a time zone in a language (e.g. Asia/Tokyo in French: 'heure du Japon') "
    "and the city name CLDR uses for it.",
    outputs={
        "zone_name": Output("label", "the name of {timezone} in {language_code}"),
        "exemplar_city": Output("label", "the city name of {timezone} in {language_code}"),
    },
    examples=[{"timezone": "Asia/Tokyo", "language_code": "fr"}],
)
def timezone_display_name(p: ZoneInLanguage) -> dict:
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_timezone, get_timezone_location, get_timezone_name

    _zone(p.timezone)
    try:
        loc = Locale.parse(p.language_code)
    except (UnknownLocaleError, ValueError):
        raise ToolInputError(f"unknown CLDR language {p.language_code!r}") from None
    tz = get_timezone(p.timezone)
    try:
        return {
            "zone_name": get_timezone_name(tz, locale=loc),
            "exemplar_city": get_timezone_location(tz, locale=loc, return_city=True),
        }
    except KeyError:  # the locale's CLDR data lacks a region the name needs (e.g. 'rw' for Australia/Sydney)
        raise ToolInputError(f"CLDR cannot name {p.timezone} in {p.language_code!r}") from None


@cache
def _windows_names() -> dict[str, str]:
    from babel.core import get_global

    out: dict[str, str] = {}
    for windows, iana in get_global("windows_zone_mapping").items():
        out.setdefault(iana, windows)
    return out


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="The Microsoft Windows time zone ID for an IANA time zone (CLDR windowsZones mapping, where the "
    "zone is the Windows zone's main location), and the canonical IANA name of an alias.",
    outputs={
        "windows_zone": Output("label", "the Windows time zone ID of {timezone}"),
        "canonical_name": Output("timezone", "the canonical IANA name of {timezone}"),
    },
    examples=[{"timezone": "Europe/London"}, {"timezone": "Asia/Tokyo"}],
)
def timezone_windows_id(p: TimezoneName) -> dict:
    from babel.core import get_global

    _zone(p.timezone)
    canonical = get_global("zone_aliases").get(p.timezone, p.timezone)
    windows = _windows_names().get(canonical) or _windows_names().get(p.timezone)
    if windows is None:
        raise ToolInputError(f"{p.timezone} is not the main location of any Windows time zone")
    return {"windows_zone": windows, "canonical_name": canonical}


# --- sun: twilight and position (astral) -------------------------------------------------------------------------


class PlaceDate(BaseModel):
    latitude: float = _latitude_field("Latitude in decimal degrees.")
    longitude: float = _longitude_field("Longitude in decimal degrees.")
    date: str = _date_field("Local calendar date (YYYY-MM-DD); times are returned in UTC.")


def _observer(p: Any) -> Any:
    import astral

    return astral.Observer(latitude=p.latitude, longitude=p.longitude)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M")


_TWILIGHTS = {"civil": 6, "nautical": 12, "astronomical": 18}

for _kind, _depression in _TWILIGHTS.items():

    def _twilight(p: PlaceDate, depression: float = _depression, kind: str = _kind) -> dict:
        import astral.sun as sun

        day = _parse_date(p.date)
        try:
            dawn = sun.dawn(_observer(p), day, depression=depression)
            dusk = sun.dusk(_observer(p), day, depression=depression)
        except ValueError:
            raise ToolInputError(
                f"the sun does not reach {kind} twilight there on {p.date} (polar day or night)"
            ) from None
        return {
            "dawn_utc": _utc(dawn),
            "dusk_utc": _utc(dusk),
        }

    add_tool(
        f"{_kind}_twilight",
        PlaceDate,
        _twilight,
        domain=DOMAIN,
        kind="processing",
        package="astral",
        description=f"{_kind.capitalize()} dawn and dusk (sun {_depression} degrees below the horizon) at a place on "
        "a date, in UTC.",
        outputs={
            "dawn_utc": Output("datetime", f"the UTC time of {_kind} dawn at {{latitude}}, {{longitude}} on {{date}}"),
            "dusk_utc": Output("datetime", f"the UTC time of {_kind} dusk at {{latitude}}, {{longitude}} on {{date}}"),
        },
        examples=[{"latitude": 51.5074, "longitude": -0.1278, "date": "2024-03-20"}],
    )


class _MidLatitudeDate(BaseModel):
    latitude: float = Field(
        description="Latitude in decimal degrees (the sun must set and rise that day).",
        ge=-90,
        le=90,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=[51.5074, 35.6762, -33.8688, 40.7128, -1.2921]),
    )
    longitude: float = _longitude_field("Longitude in decimal degrees.")
    date: str = _date_field("Local calendar date (YYYY-MM-DD); times are returned in UTC.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="astral",
    description="The evening golden hour (sun between 6 degrees above and 4 degrees below the horizon) at a place "
    "on a date, start and end in UTC, and its length in minutes.",
    outputs={
        "start_utc": Output(
            "datetime", "the UTC start of the evening golden hour at {latitude}, {longitude} on {date}"
        ),
        "end_utc": Output("datetime", "the UTC end of the evening golden hour at {latitude}, {longitude} on {date}"),
        "minutes": Output(
            "number", "the length in minutes of the evening golden hour at {latitude}, {longitude} on {date}"
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "date": "2024-06-21"}],
)
def golden_hour(p: _MidLatitudeDate) -> dict:
    import astral
    import astral.sun as sun

    day = _parse_date(p.date)
    try:
        start, end = sun.golden_hour(_observer(p), day, direction=astral.SunDirection.SETTING)
    except ValueError:
        raise ToolInputError(f"there is no evening golden hour there on {p.date}") from None
    return {"start_utc": _utc(start), "end_utc": _utc(end), "minutes": round((end - start).total_seconds() / 60, 1)}


class PlaceTime(BaseModel):
    latitude: float = _latitude_field("Latitude in decimal degrees.")
    longitude: float = _longitude_field("Longitude in decimal degrees.")
    datetime_utc: str = Field(
        description="Instant in UTC as YYYY-MM-DDTHH:MM.",
        pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$",
        json_schema_extra=port(
            "datetime",
            samples=[
                "2024-06-21T12:00",
                "2024-12-21T09:30",
                "2025-03-20T15:00",
                "2024-09-22T06:45",
                "2025-01-01T00:00",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="astral",
    description="Position of the sun seen from a place at a UTC instant: elevation above the horizon and azimuth "
    "(degrees clockwise from north), refraction included.",
    outputs={
        "elevation_deg": Output("number", "the elevation of the sun at {latitude}, {longitude} at {datetime_utc} UTC"),
        "azimuth_deg": Output("number", "the azimuth of the sun at {latitude}, {longitude} at {datetime_utc} UTC"),
        "is_daylight": Output(
            "boolean", "whether the sun is above the horizon at {latitude}, {longitude} at {datetime_utc} UTC"
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "datetime_utc": "2024-06-21T12:00"}],
)
def solar_position(p: PlaceTime) -> dict:
    import astral.sun as sun

    try:
        moment = dt.datetime.strptime(p.datetime_utc, "%Y-%m-%dT%H:%M").replace(tzinfo=dt.UTC)
    except ValueError:
        raise ToolInputError(f"{p.datetime_utc!r} is not a valid date and time") from None
    _parse_date(p.datetime_utc[:10])
    elevation = sun.elevation(_observer(p), moment)
    return {
        "elevation_deg": round(elevation, 2),
        "azimuth_deg": round(sun.azimuth(_observer(p), moment), 2),
        "is_daylight": elevation > -0.833,
    }


# --- coordinates: projections (pyproj) and grid encodings ---------------------------------------------------------


@cache
def _transformer(epsg: int) -> Any:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="Universal Transverse Mercator coordinates of a point (WGS84): zone number, hemisphere, easting "
    "and northing in metres, and the EPSG code of the zone.",
    outputs={
        "zone": Output("integer", "the UTM zone number of {latitude}, {longitude}"),
        "hemisphere": Output("label", "the UTM hemisphere (N or S) of {latitude}, {longitude}"),
        "easting_m": Output("number", "the UTM easting in metres of {latitude}, {longitude}"),
        "northing_m": Output("number", "the UTM northing in metres of {latitude}, {longitude}"),
        "epsg": Output("integer", "the EPSG code of the UTM zone of {latitude}, {longitude}"),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278}],
)
def utm_coordinates(p: Coordinates) -> dict:
    if not -80 <= p.latitude <= 84:
        raise ToolInputError("UTM covers latitudes from 80 S to 84 N (use UPS near the poles)")
    zone = min(int((p.longitude + 180) // 6) + 1, 60)
    north = p.latitude >= 0
    epsg = (32600 if north else 32700) + zone
    x, y = _transformer(epsg).transform(p.longitude, p.latitude)
    return {
        "zone": zone,
        "hemisphere": "N" if north else "S",
        "easting_m": round(x, 2),
        "northing_m": round(y, 2),
        "epsg": epsg,
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="Web Mercator (EPSG:3857, the projection of web maps) x and y in metres of a point, and the "
    "slippy-map tile containing it at zoom 10.",
    outputs={
        "x_m": Output("number", "the Web Mercator x in metres of {latitude}, {longitude}"),
        "y_m": Output("number", "the Web Mercator y in metres of {latitude}, {longitude}"),
        "tile_z10": Output("label", "the zoom-10 map tile (x/y) containing {latitude}, {longitude}"),
    },
    examples=[{"latitude": 35.6762, "longitude": 139.6503}],
)
def web_mercator(p: Coordinates) -> dict:
    if abs(p.latitude) > 85.0511:
        raise ToolInputError("Web Mercator covers latitudes up to 85.0511 degrees")
    x, y = _transformer(3857).transform(p.longitude, p.latitude)
    n = 2**10
    tx = int((p.longitude + 180) / 360 * n)
    lat = math.radians(p.latitude)
    ty = int((1 - math.asinh(math.tan(lat)) / math.pi) / 2 * n)
    return {"x_m": round(x, 2), "y_m": round(y, 2), "tile_z10": f"{min(tx, n - 1)}/{min(ty, n - 1)}"}


class Position3d(BaseModel):
    latitude: float = _latitude_field("Latitude in decimal degrees.")
    longitude: float = _longitude_field("Longitude in decimal degrees.")
    height_m: float = Field(
        description="Height above the WGS84 ellipsoid in metres.",
        ge=-11000,
        le=1e6,
        json_schema_extra=port("number", samples=[0, 100, 2000, 35, 8848]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="Earth-centred, Earth-fixed (ECEF, EPSG:4978) Cartesian coordinates in metres of a point with "
    "a height above the WGS84 ellipsoid.",
    outputs={
        "x_m": Output("number", "the ECEF x in metres of {latitude}, {longitude} at {height_m} m"),
        "y_m": Output("number", "the ECEF y in metres of {latitude}, {longitude} at {height_m} m"),
        "z_m": Output("number", "the ECEF z in metres of {latitude}, {longitude} at {height_m} m"),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "height_m": 0}],
)
def ecef_coordinates(p: Position3d) -> dict:
    x, y, z = _ecef().transform(p.longitude, p.latitude, p.height_m)
    return {"x_m": round(x, 2), "y_m": round(y, 2), "z_m": round(z, 2)}


@cache
def _ecef() -> Any:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4979", "EPSG:4978", always_xy=True)


_BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz"


class GeohashEncode(BaseModel):
    latitude: float = _latitude_field("Latitude in decimal degrees.")
    longitude: float = _longitude_field("Longitude in decimal degrees.")
    precision: int = Field(
        description="Number of geohash characters, 1-12 (7 is about 150 m).",
        ge=1,
        le=12,
        json_schema_extra=port("integer", samples=[7, 5, 9, 6, 8, 4]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Encode a point as a geohash (the base-32 interleaved-bit cell code used by many map indexes) of "
    "a given length.",
    outputs={"geohash": Output("geohash", "the {precision}-character geohash of {latitude}, {longitude}")},
    examples=[{"latitude": 57.64911, "longitude": 10.40744, "precision": 11}],
)
def geohash_encode(p: GeohashEncode) -> dict:
    lat, lon = [-90.0, 90.0], [-180.0, 180.0]
    bits, even, out, ch = 0, True, [], 0
    while len(out) < p.precision:
        rng, value = (lon, p.longitude) if even else (lat, p.latitude)
        mid = (rng[0] + rng[1]) / 2
        ch <<= 1
        if value >= mid:
            ch |= 1
            rng[0] = mid
        else:
            rng[1] = mid
        even = not even
        bits += 1
        if bits == 5:
            out.append(_BASE32[ch])
            bits, ch = 0, 0
    return {"geohash": "".join(out)}


class Geohash(BaseModel):
    geohash: str = Field(
        description="Geohash string (base-32 alphabet without a, i, l, o), e.g. 'u4pruydqqvj'.",
        pattern=r"^[0-9b-hjkmnp-z]{1,12}$",
        json_schema_extra=port("geohash", samples=["u4pruydqqvj", "gcpvj0d", "xn76ur", "dr5regw", "r3gx2f"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Decode a geohash to the latitude and longitude of its cell centre and the cell's size in degrees.",
    outputs={
        "latitude": Output("latitude", "the latitude of the centre of {geohash}"),
        "longitude": Output("longitude", "the longitude of the centre of {geohash}"),
        "lat_error_deg": Output("number", "the half-height in degrees of {geohash}"),
    },
    examples=[{"geohash": "u4pruydqqvj"}],
)
def geohash_decode(p: Geohash) -> dict:
    lat, lon = [-90.0, 90.0], [-180.0, 180.0]
    even = True
    for c in p.geohash:
        value = _BASE32.index(c)
        for shift in range(4, -1, -1):
            rng = lon if even else lat
            mid = (rng[0] + rng[1]) / 2
            if (value >> shift) & 1:
                rng[0] = mid
            else:
                rng[1] = mid
            even = not even
    return {
        "latitude": round((lat[0] + lat[1]) / 2, 6),
        "longitude": round((lon[0] + lon[1]) / 2, 6),
        "lat_error_deg": float(f"{(lat[1] - lat[0]) / 2:.6g}"),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The 6-character Maidenhead grid locator (used by radio amateurs) of a point.",
    outputs={"locator": Output("maidenhead_locator", "the Maidenhead grid locator of {latitude}, {longitude}")},
    examples=[{"latitude": 51.5074, "longitude": -0.1278}],
)
def maidenhead_locator(p: Coordinates) -> dict:
    lon, lat = p.longitude + 180, p.latitude + 90
    if lon >= 360:
        lon -= 1e-9
    if lat >= 180:
        lat -= 1e-9
    field = chr(65 + int(lon // 20)) + chr(65 + int(lat // 10))
    square = str(int((lon % 20) // 2)) + str(int(lat % 10))
    sub = chr(97 + int((lon % 2) * 12)) + chr(97 + int((lat % 1) * 24))
    return {"locator": field + square + sub}


class Locator(BaseModel):
    locator: str = Field(
        description="Maidenhead locator of 4 or 6 characters, e.g. 'IO91wm'.",
        pattern=r"^[A-Ra-r]{2}[0-9]{2}([A-Xa-x]{2})?$",
        json_schema_extra=port("maidenhead_locator", samples=["IO91wm", "PM95vq", "FN20xr", "JN18du", "QF56od"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The latitude and longitude of the centre of a Maidenhead grid square.",
    outputs={
        "latitude": Output("latitude", "the latitude of the centre of {locator}"),
        "longitude": Output("longitude", "the longitude of the centre of {locator}"),
    },
    examples=[{"locator": "IO91wm"}],
)
def maidenhead_center(p: Locator) -> dict:
    loc = p.locator
    lon = (ord(loc[0].upper()) - 65) * 20 + int(loc[2]) * 2 - 180
    lat = (ord(loc[1].upper()) - 65) * 10 + int(loc[3]) - 90
    if len(loc) == 6:
        lon += (ord(loc[4].lower()) - 97) * (2 / 24) + 1 / 24
        lat += (ord(loc[5].lower()) - 97) * (1 / 24) + 1 / 48
    else:
        lon, lat = lon + 1, lat + 0.5
    return {"latitude": round(lat, 5), "longitude": round(lon, 5)}


def _to_dms(value: float, positive: str, negative: str) -> str:
    hemi = positive if value >= 0 else negative
    total = round(abs(value) * 3600, 1)
    degrees, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{int(degrees)}°{int(minutes):02d}'{seconds:04.1f}\"{hemi}"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Write a point in degrees, minutes and seconds (e.g. 51°30'26.6\"N) for both coordinates.",
    outputs={
        "latitude_dms": Output("label", "the latitude of {latitude}, {longitude} in degrees, minutes and seconds"),
        "longitude_dms": Output("label", "the longitude of {latitude}, {longitude} in degrees, minutes and seconds"),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278}],
)
def coordinates_to_dms(p: Coordinates) -> dict:
    return {"latitude_dms": _to_dms(p.latitude, "N", "S"), "longitude_dms": _to_dms(p.longitude, "E", "W")}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="timezonefinder",
    description="The antipode of a point (the point diametrically opposite on the globe) and the time zone in "
    "force there.",
    outputs={
        "latitude": Output("latitude", "the latitude of the antipode of {latitude}, {longitude}"),
        "longitude": Output("longitude", "the longitude of the antipode of {latitude}, {longitude}"),
        "timezone": Output("timezone", "the time zone at the antipode of {latitude}, {longitude}"),
    },
    examples=[{"latitude": 40.4168, "longitude": -3.7038}],
)
def antipode(p: Coordinates) -> dict:
    from tool_catalog.domains.geo import _timezone_at

    lat = -p.latitude
    lon = p.longitude + 180 if p.longitude <= 0 else p.longitude - 180
    return {"latitude": round(lat, 6), "longitude": round(lon, 6), "timezone": _timezone_at(lat, lon)}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="The geodesic midpoint (WGS84) between two points, halfway along the shortest path.",
    outputs={
        "latitude": Output(
            "latitude",
            "the latitude of the midpoint between {from_latitude}, {from_longitude} and {to_latitude}, {to_longitude}",
        ),
        "longitude": Output(
            "longitude",
            "the longitude of the midpoint between {from_latitude}, {from_longitude} and {to_latitude}, {to_longitude}",
        ),
    },
    examples=[{"from_latitude": 51.5074, "from_longitude": -0.1278, "to_latitude": 40.7128, "to_longitude": -74.006}],
)
def geodesic_midpoint(p: CoordinatePair) -> dict:
    lat, lon = _midpoint(p.from_latitude, p.from_longitude, p.to_latitude, p.to_longitude)
    return {"latitude": lat, "longitude": lon}


class Triangle(BaseModel):
    lat1: float = _latitude_field("Latitude of the first corner.")
    lon1: float = _longitude_field("Longitude of the first corner.")
    lat2: float = Field(
        description="Latitude of the second corner.",
        ge=-90,
        le=90,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=[48.8566, 34.6937, -37.8136, 38.9072, -6.7924, 60.1699]),
    )
    lon2: float = Field(
        description="Longitude of the second corner.",
        ge=-180,
        le=180,
        allow_inf_nan=False,
        json_schema_extra=port("longitude", samples=[2.3522, 135.5023, 144.9631, -77.0369, 39.2083, 24.9384]),
    )
    lat3: float = Field(
        description="Latitude of the third corner.",
        ge=-90,
        le=90,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=[52.52, 43.0621, -27.4698, 41.8781, -3.3869, 59.3293]),
    )
    lon3: float = Field(
        description="Longitude of the third corner.",
        ge=-180,
        le=180,
        allow_inf_nan=False,
        json_schema_extra=port("longitude", samples=[13.405, 141.3544, 153.0251, -87.6298, 36.683, 18.0686]),
    )


_TRIANGLE = "the triangle with corners {lat1}, {lon1}; {lat2}, {lon2} and {lat3}, {lon3}"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="Geodesic area (km2) and perimeter (km) on the WGS84 ellipsoid of the triangle formed by three points.",
    outputs={
        "area_km2": Output("number", f"the area in square kilometres of {_TRIANGLE}"),
        "perimeter_km": Output("number", f"the perimeter in kilometres of {_TRIANGLE}"),
    },
    examples=[{"lat1": 51.5074, "lon1": -0.1278, "lat2": 48.8566, "lon2": 2.3522, "lat3": 52.52, "lon3": 13.405}],
)
def geodesic_triangle_area(p: Triangle) -> dict:
    area, perimeter = _geod().polygon_area_perimeter([p.lon1, p.lon2, p.lon3], [p.lat1, p.lat2, p.lat3])
    return {"area_km2": round(abs(area) / 1e6, 2), "perimeter_km": round(perimeter / 1000, 2)}


class BoxAround(BaseModel):
    latitude: float = _latitude_field("Latitude of the centre.")
    longitude: float = _longitude_field("Longitude of the centre.")
    half_side_km: float = Field(
        description="Half the side of the square box, in kilometres.",
        gt=0,
        le=2000,
        json_schema_extra=port("number", samples=[10, 50, 5, 100, 25, 1]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="The bounding box (south, north, west, east in degrees) reaching a distance north, south, east and "
    "west of a point along geodesics.",
    outputs={
        "south": Output(
            "latitude", "the southern edge of the box reaching {half_side_km} km around {latitude}, {longitude}"
        ),
        "north": Output(
            "latitude", "the northern edge of the box reaching {half_side_km} km around {latitude}, {longitude}"
        ),
        "west": Output(
            "longitude", "the western edge of the box reaching {half_side_km} km around {latitude}, {longitude}"
        ),
        "east": Output(
            "longitude", "the eastern edge of the box reaching {half_side_km} km around {latitude}, {longitude}"
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "half_side_km": 10}],
)
def bounding_box(p: BoxAround) -> dict:
    geod, d = _geod(), p.half_side_km * 1000
    edges = {}
    for name, az in (("north", 0), ("east", 90), ("south", 180), ("west", 270)):
        lon, lat, _ = geod.fwd(p.longitude, p.latitude, az, d)
        edges[name] = round(lat if name in ("north", "south") else lon, 6)
    return edges
