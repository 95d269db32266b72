"""Airports (airportsdata): look-ups by IATA and ICAO code, city and name; distance, route midpoint and clock
difference between two airports; the airports of a country, a city, a time zone or a radius, and the one nearest to
a point."""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from functools import cache

from pydantic import BaseModel, Field

from tool_catalog.domains.geo import common
from tool_catalog.domains.geo.common import (
    DOMAIN,
    EARTH_RADIUS_KM,
    Coordinates,
    CountryCode,
    TimezoneName,
    airports,
    date_field,
    geodesic_km,
    latitude_field,
    longitude_field,
    midpoint,
    parse_date,
)
from tool_catalog.ports import port
from tool_catalog.quantities import ADDITIVE_COUNT, ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_SOURCE = "a public list of about 7,900 IATA-coded airports"
"""Counts, rankings and searches over the airport list depend on which airports the list holds."""


def _airport(code: str) -> dict:
    record = airports().get(code)
    if record is None:
        raise ToolInputError(f"unknown IATA airport code {code!r}")
    return record


@cache
def _airports_by_country() -> dict[str, list[tuple[str, dict]]]:
    grouped: dict[str, list[tuple[str, dict]]] = {}
    for code, record in sorted(airports().items()):
        grouped.setdefault(record["country"], []).append((code, record))
    return grouped


class AirportCode(BaseModel):
    iata: str = Field(
        description="Three-letter IATA airport code, e.g. 'LHR'.",
        pattern=r"^[A-Z]{3}$",
        json_schema_extra=port("iata_code", samples=["LHR", "NRT", "JFK", "CDG", "SYD"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="airportsdata",
    description="Look up an airport by its IATA code and return its name, city, country code, "
    "elevation, coordinates and IANA time zone.",
    outputs={
        "name": Output(
            "airport_name",
            "the name of {iata}",
            asks=("What is the full name of {iata}?", "What is {iata} officially called?"),
        ),
        "city": Output(
            "city_name",
            "the city served by {iata}",
            asks=("Which city does {iata} serve?", "What city is {iata} in?"),
        ),
        "country_code": Output(
            "country_code",
            "the country where {iata} is located",
            asks=(
                "In which country is {iata}? Answer with its two-letter ISO code.",
                "Give the ISO 3166-1 alpha-2 code of the country where {iata} is located.",
            ),
            chain=False,
        ),
        "elevation_ft": Output(
            "number",
            "the elevation in feet of {iata}",
            asks=("How high above sea level is {iata}, in feet?", "What is the elevation of {iata} in feet?"),
            measure="elevation above sea level",
            quantity=quantity("ft"),
        ),
        "latitude": Output(
            "latitude",
            "the latitude of {iata}",
            asks=("What is the latitude of {iata}, in decimal degrees?", "At what latitude does {iata} lie?"),
            measure="latitude",
            avoid=("airports_within_radius", "nearest_airport"),
        ),
        "longitude": Output(
            "longitude",
            "the longitude of {iata}",
            asks=("What is the longitude of {iata}, in decimal degrees?", "At what longitude does {iata} lie?"),
            measure="longitude",
            avoid=("airports_within_radius", "nearest_airport"),
        ),
        "timezone": Output(
            "timezone",
            "the time zone of {iata}",
            at="at {iata}",
            asks=("In which IANA time zone is {iata}?", "What time zone does {iata} keep? Give its IANA name."),
            avoid=("airports_in_timezone",),
        ),
    },
    examples=[{"iata": "LHR"}],
)
def airport_info(p: AirportCode) -> dict:
    a = _airport(p.iata)
    return {
        "name": a["name"],
        "city": a["city"],
        "country_code": a["country"],
        "elevation_ft": a["elevation"],
        "latitude": a["lat"],
        "longitude": a["lon"],
        "timezone": a["tz"],
    }


class AirportPair(BaseModel):
    origin: str = Field(
        description="IATA code of the first airport.",
        pattern=r"^[A-Z]{3}$",
        json_schema_extra=port("iata_code", samples=["LHR", "JFK", "HND", "DXB", "SIN", "GRU"]),
    )
    destination: str = Field(
        description="IATA code of the second airport.",
        pattern=r"^[A-Z]{3}$",
        json_schema_extra=port("iata_code", samples=["CDG", "LAX", "SYD", "JNB", "FRA", "ORD"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="airportsdata",
    description="Shortest distance in kilometres between two airports given by IATA code (the geodesic on the "
    "WGS84 ellipsoid).",
    outputs={
        "distance_km": Output(
            "number",
            "the distance in kilometres between {origin} and {destination}",
            asks=(
                "How far is it from {origin} to {destination} as the crow flies over the WGS84 ellipsoid, in km?",
                "What is the geodesic distance on the WGS84 ellipsoid, in kilometres, between {origin} and "
                "{destination}?",
                "I'm flying from {origin} to {destination}. How many kilometres long is the shortest route over the "
                "WGS84 ellipsoid?",
            ),
            measure="geodesic distance",
            quantity=quantity("km", additive=True),
        )
    },
    examples=[{"origin": "LHR", "destination": "JFK"}],
)
def airport_distance(p: AirportPair) -> dict:
    a, b = _airport(p.origin), _airport(p.destination)
    return {"distance_km": round(geodesic_km(a["lat"], a["lon"], b["lat"], b["lon"]), 1)}


@cache
def _airports_by_latitude() -> tuple[list[float], list[tuple[str, dict]]]:
    ordered = sorted(airports().items(), key=lambda item: (item[1]["lat"], item[0]))
    return [a["lat"] for _, a in ordered], ordered


def _airports_near_latitude(latitude: float, km: float) -> list[tuple[str, dict]]:
    """The airports whose latitude is within ``km`` (plus 1% and a kilometre) of ``latitude``: every airport closer
    than ``km`` is among them, since a geodesic is at least the meridian arc between the latitudes (a degree of it
    is 110.6 to 111.7 km on the ellipsoid, 111.2 on the mean sphere)."""
    lats, ordered = _airports_by_latitude()
    degrees = math.degrees((km * 1.01 + 1.0) / EARTH_RADIUS_KM)
    return ordered[bisect_left(lats, latitude - degrees) : bisect_right(lats, latitude + degrees)]


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="airportsdata",
    description="Count the IATA-coded airports of a country (ISO alpha-2 code) and find its highest-elevation "
    "airport with that elevation in feet.",
    outputs={
        "airport_count": Output(
            "count",
            "the number of IATA-coded airports in {country_code}",
            asks=(
                "How many airports with an IATA code are there in {country_code}?",
                "Count the IATA-coded airports in {country_code}.",
                "How many airports in {country_code} have a three-letter IATA code?",
            ),
            measure="number of IATA-coded airports",
            source=_SOURCE,
            quantity=ADDITIVE_COUNT,
        ),
        "highest_airport": Output(
            "iata_code",
            "the highest-elevation airport in {country_code}",
            asks=(
                "Which airport in {country_code} lies highest above sea level? Give its IATA code.",
                "What is the highest airport in {country_code}? Answer with its three-letter IATA code.",
            ),
            source=_SOURCE,
        ),
        "highest_elevation_ft": Output(
            "number",
            "the elevation in feet of the highest-elevation airport in {country_code}",
            asks=(
                "How high above sea level, in feet, is the highest airport in {country_code}?",
                "In feet, what is the elevation of the highest-lying airport in {country_code}?",
            ),
            measure="highest airport elevation",
            quantity=quantity("ft"),
            source=_SOURCE,
        ),
    },
    examples=[{"country_code": "PE"}, {"country_code": "CH"}],
)
def airports_in_country(p: CountryCode) -> dict:
    common.country(p.country_code)
    airports = _airports_by_country().get(p.country_code, [])
    if not airports:
        return {"airport_count": 0, "highest_airport": None, "highest_elevation_ft": None}
    code, record = min(airports, key=lambda item: (-item[1]["elevation"], item[0]))
    return {"airport_count": len(airports), "highest_airport": code, "highest_elevation_ft": record["elevation"]}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="airportsdata",
    description="Find the airport (any IATA-coded airport in airportsdata) nearest to a latitude/longitude, "
    "with its distance in kilometres (WGS84 geodesic).",
    outputs={
        "iata": Output(
            "iata_code",
            "the airport nearest to {latitude}, {longitude}",
            asks=(
                "Which airport is nearest to {latitude}, {longitude}? Give its IATA code.",
                "I'm standing at {latitude}, {longitude}. What is the IATA code of the closest airport?",
                "Find the airport closest to {latitude}, {longitude} and give its three-letter IATA code.",
            ),
        ),
        "name": Output(
            "airport_name",
            "the name of the airport nearest to {latitude}, {longitude}",
            asks=(
                "What is the name of the airport closest to {latitude}, {longitude}?",
                "Name the airport nearest to {latitude}, {longitude}.",
            ),
        ),
        "distance_km": Output(
            "number",
            "the distance in kilometres from {latitude}, {longitude} to the nearest airport",
            asks=(
                "How far, in km, is the nearest airport from {latitude}, {longitude}?",
                "What is the geodesic distance (WGS84) in kilometres from {latitude}, {longitude} to the closest "
                "airport?",
            ),
            measure="distance to the nearest airport",
            quantity=quantity("km"),
        ),
    },
    examples=[{"latitude": 48.8566, "longitude": 2.3522}, {"latitude": -1.2921, "longitude": 36.8219}],
    inverse="airport_info",
)
def nearest_airport(p: Coordinates) -> dict:
    km = 250.0
    while True:  # a widening band of latitudes, until the nearest airport in it is nearer than the band's edge
        near = _airports_near_latitude(p.latitude, km)
        distances = ((geodesic_km(p.latitude, p.longitude, a["lat"], a["lon"]), code) for code, a in near)
        best = min(distances, default=None)
        if (best is not None and best[0] < km) or km > math.pi * EARTH_RADIUS_KM:
            break
        km *= 2
    assert best is not None  # the last band holds every airport
    distance, code = best
    return {"iata": code, "name": airports()[code]["name"], "distance_km": round(distance, 1)}


@cache
def _airports_by_icao() -> dict[str, tuple[str, dict]]:
    return {a["icao"]: (code, a) for code, a in airports().items() if a.get("icao")}


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
        "iata": Output(
            "iata_code",
            "{icao}",
            asks=("What is the IATA code of {icao}?", "Which three-letter IATA code does {icao} use?"),
        ),
        "name": Output(
            "airport_name",
            "the name of {icao}",
            asks=("What is the full name of {icao}?", "What is {icao} officially called?"),
        ),
        "country_code": Output(
            "country_code",
            "the country of {icao}",
            asks=(
                "In which country is {icao}? Answer with its two-letter ISO code.",
                "Which country is {icao} in? Give its ISO 3166-1 alpha-2 code.",
            ),
            chain=False,
        ),
        "subdivision": Output(
            "label",
            "the state or region of {icao}",
            asks=("In which state or region is {icao}?", "Which state, province or region is {icao} located in?"),
        ),
    },
    examples=[{"icao": "EGLL"}, {"icao": "YSSY"}],
    inverse="airport_codes",
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
        "icao": Output(
            "icao_code",
            "the ICAO code of {iata}",
            asks=(
                "What is the ICAO code of {iata}?",
                "Which four-letter ICAO code identifies {iata}?",
                "Pilots file flight plans with ICAO codes. What is the one for {iata}?",
            ),
        ),
        "faa_lid": Output(
            "label",
            "the FAA location identifier of {iata}",
            asks=("What is the FAA location identifier of {iata}?", "Which FAA LID code does {iata} have?"),
        ),
        "subdivision": Output(
            "label",
            "the state or region where {iata} is located",
            asks=("In which state or region is {iata}?", "Which state, province or region is {iata} located in?"),
        ),
    },
    examples=[{"iata": "JFK"}, {"iata": "NRT"}],
    inverse="airport_by_icao",
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
        "airport_count": Output(
            "count",
            "the number of airports serving {city}",
            asks=(
                "How many airports with an IATA code serve {city}?",
                "How many IATA-coded airports list {city} as their city?",
                "How many airports does {city} have?",
            ),
            measure="number of airports",
            source=_SOURCE,
        ),
        "airports": Output(
            "string_list",
            "the IATA codes of the airports serving {city}",
            asks=(
                "List the IATA codes of all the airports serving {city}.",
                "Which airports serve {city}? List their IATA codes.",
            ),
            measure="airports",
            source=_SOURCE,
        ),
        "first_airport": Output(
            "iata_code", "the first airport, alphabetically by IATA code, serving {city}", askable=False
        ),
    },
    examples=[{"city": "London"}, {"city": "Tokyo"}],
)
def airports_in_city(p: CityName) -> dict:
    wanted = p.city.strip().lower()
    codes = sorted(code for code, a in airports().items() if (a.get("city") or "").lower() == wanted)
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
        "match_count": Output(
            "count",
            "the number of airports whose name contains {keyword}",
            asks=(
                'How many airports have "{keyword}" in their name?',
                'Count the airports whose names contain "{keyword}".',
            ),
            measure="number of airports with that word in their name",
            source=_SOURCE,
            askable=False,  # a count of a word in names: nobody needs it (blind reading)
        ),
        "first_match": Output(
            "iata_code", "the first airport, by IATA code, whose name contains {keyword}", askable=False
        ),
    },
    examples=[{"keyword": "Heathrow"}, {"keyword": "Kennedy"}],
)
def airport_name_search(p: AirportKeyword) -> dict:
    wanted = p.keyword.strip().lower()
    codes = sorted(code for code, a in airports().items() if wanted in a["name"].lower())
    if not codes:
        raise ToolInputError(f"no airport name contains {p.keyword!r}")
    return {"match_count": len(codes), "first_match": codes[0]}


class Radius(BaseModel):
    latitude: float = latitude_field("Latitude of the centre in decimal degrees.")
    longitude: float = longitude_field("Longitude of the centre in decimal degrees.")
    radius_km: float = Field(
        description="Search radius in kilometres (at most 500).",
        gt=0,
        le=500,
        json_schema_extra=port("number", quantity=quantity("km"), samples=[50, 100, 25, 200, 150, 75]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="airportsdata",
    description="The IATA-coded airports within a radius of a point (WGS84 geodesic distance): how many, their "
    "codes nearest first, and the farthest one inside the radius.",
    outputs={
        "airport_count": Output(
            "count",
            "the number of airports within {radius_km} km of {latitude}, {longitude}",
            asks=(
                "How many airports are there within {radius_km} km of {latitude}, {longitude}?",
                "Count the IATA-coded airports inside a {radius_km} km radius around {latitude}, {longitude}.",
                "I'm staying at {latitude}, {longitude}. How many airports are within {radius_km} km of me?",
            ),
            measure="number of airports in range",
            source=_SOURCE,
        ),
        "airports": Output(
            "string_list",
            "the airports within {radius_km} km of {latitude}, {longitude}, nearest first",
            asks=(
                "Which airports lie within {radius_km} km of {latitude}, {longitude}? List their IATA codes, "
                "nearest first.",
                "List the IATA codes of the airports within {radius_km} km of {latitude}, {longitude}, from "
                "nearest to farthest.",
            ),
            measure="airports in range",
            source=_SOURCE,
        ),
        "farthest_airport": Output(
            "iata_code",
            "the farthest airport within {radius_km} km of {latitude}, {longitude}",
            asks=(
                "Which airport within {radius_km} km of {latitude}, {longitude} is the farthest away? Give its "
                "IATA code.",
                "Of the airports inside a {radius_km} km radius around {latitude}, {longitude}, which is the most "
                "distant? Answer with its IATA code.",
            ),
            source=_SOURCE,
            chain=False,
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "radius_km": 50}],
)
def airports_within_radius(p: Radius) -> dict:
    found = sorted(
        (round(geodesic_km(p.latitude, p.longitude, a["lat"], a["lon"]), 3), code)
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
        "latitude": Output(
            "latitude",
            "the latitude of the midpoint between {origin} and {destination}",
            asks=(
                "Halfway along the shortest route on the WGS-84 ellipsoid from {origin} to {destination}, what "
                "latitude is a plane at?",
                "At what latitude is the geodesic halfway point (WGS-84) of a flight from {origin} to {destination}?",
            ),
            measure="route midpoint latitude",
            chain=False,
        ),
        "longitude": Output(
            "longitude",
            "the longitude of the midpoint between {origin} and {destination}",
            asks=(
                "Halfway along the shortest route on the WGS-84 ellipsoid from {origin} to {destination}, what "
                "longitude is a plane at?",
                "At what longitude is the geodesic halfway point (WGS-84) of a flight from {origin} to {destination}?",
            ),
            measure="route midpoint longitude",
            chain=False,
        ),
    },
    examples=[{"origin": "LHR", "destination": "JFK"}],
)
def airport_route_midpoint(p: AirportPair) -> dict:
    a, b = _airport(p.origin), _airport(p.destination)
    if p.origin == p.destination:
        raise ToolInputError("origin and destination are the same airport")
    lat, lon = midpoint(a["lat"], a["lon"], b["lat"], b["lon"])
    return {"latitude": lat, "longitude": lon}


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
    date: str = date_field("Date on which to compare local clocks (YYYY-MM-DD).")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="airportsdata",
    description="How many hours the local clock at one airport is ahead of the other's on a date (both airports' "
    "time zones, daylight saving included).",
    outputs={
        "hours_ahead": Output(
            "number",
            "the number of hours the local time at {destination} is ahead of {origin} on {date}",
            asks=(
                "On {date}, how many hours ahead of {origin} is the local time at {destination}? Use a negative "
                "number if it is behind.",
                "I fly from {origin} to {destination} on {date}. By how many hours must I move my watch forward "
                "(negative if back)?",
                "What is the time difference in hours between {destination} and {origin} on {date}, counting "
                "hours ahead of {origin} as positive?",
            ),
            measure="time difference",
            quantity=quantity("hour", "interval"),
            source="the IANA time zone database",
        ),
    },
    examples=[{"origin": "LHR", "destination": "JFK", "date": "2024-07-01"}],
)
def airport_time_difference(p: AirportPairOnDate) -> dict:
    day = parse_date(p.date)
    noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    a, b = common.zone(_airport(p.origin)["tz"]), common.zone(_airport(p.destination)["tz"])
    diff = noon.astimezone(b).utcoffset() - noon.astimezone(a).utcoffset()
    return {"hours_ahead": diff.total_seconds() / 3600}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="airportsdata",
    description="The IATA-coded airports whose time zone is a given IANA zone: how many, and the highest-elevation "
    "one.",
    outputs={
        "airport_count": Output(
            "count",
            "the number of airports in {timezone}",
            asks=(
                "How many airports with an IATA code keep {timezone}?",
                "How many IATA-coded airports are in {timezone}?",
            ),
            measure="number of airports",
            source=_SOURCE,
            askable=False,  # airports per zone name: a count of the list, of use to no one
        ),
        "highest_airport": Output(
            "iata_code",
            "the highest-elevation airport in {timezone}",
            asks=(
                "Which airport in {timezone} lies highest above sea level? Give its IATA code.",
                "Which airport in {timezone} lies highest? Answer with its IATA code.",
            ),
            source=_SOURCE,
            chain=False,
            worth=lambda _args, out: int(out.get("airport_count") or 0) >= 3,  # not the higher of two atoll strips
        ),
    },
    examples=[{"timezone": "Europe/London"}, {"timezone": "Asia/Tokyo"}],
)
def airports_in_timezone(p: TimezoneName) -> dict:
    common.zone(p.timezone)
    found = [(code, a) for code, a in airports().items() if a.get("tz") == p.timezone]
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
        "elevation_rank": Output(
            "count",
            "the elevation rank of {iata} within its country",
            asks=(
                "Where does {iata} rank by elevation among the IATA-coded airports of its country, with 1 the highest?",
                "Ranked from highest to lowest elevation among airports in the same country, what position does "
                "{iata} hold?",
            ),
            measure="elevation rank within its country",
            quantity=ORDINAL,
            source=_SOURCE,
        ),
        "airports_in_country": Output(
            "count",
            "the number of airports in the country of {iata}",
            asks=(
                "How many airports with an IATA code are there in the country where {iata} is?",
                "Counting every IATA-coded airport, how many does the country of {iata} have?",
            ),
            measure="number of IATA-coded airports in its country",
            source=_SOURCE,
            askable=False,  # a country's count asked through one of its airports: a detour (airports_in_country)
        ),
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
