"""The Sun, the Moon and the planets (ephem): positions, rise/transit/set, Moon phases and age, sunrise and sunset,
equinoxes and solstices, separations, heliocentric positions, sidereal time, Julian dates, the equation of time,
shadows, and the coordinates of world cities.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.science.common import (
    BODIES,
    DOMAIN,
    NIGHT_SKY_TIMES,
    date,
    ephem_date,
    hms,
    instant,
    observer,
    observer_latitude,
    observer_longitude,
    utc_instant,
)
from tool_catalog.names import weekday_name
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATE_SAMPLES = ["2025-01-01", "2024-04-08", "2025-06-21", "2023-12-22", "2026-03-20", "2000-01-01"]
_BODY_SAMPLES = ["Mars", "Jupiter", "Venus", "Saturn", "Moon", "Sun"]
ANGLE = quantity("degree", "interval")
"""A signed angle from a reference (altitude, declination, longitude, azimuth): differences only."""
SEPARATION = quantity("degree")
AU = quantity("au")
PERCENT = quantity("percent")
GAZETTEER = "a gazetteer of world cities"


def _date_field(description: str = "Date in ISO 8601 (YYYY-MM-DD), read as 00:00 UT; years 1900-2100.") -> Any:
    return Field(description=description, pattern=_DATE_PATTERN, json_schema_extra=port("date", samples=_DATE_SAMPLES))


def _utc(value: Any) -> dt.datetime:
    """An ephem date as an aware UTC datetime rounded to the minute."""
    stamp = value.datetime().replace(tzinfo=dt.UTC) + dt.timedelta(seconds=30)
    return stamp.replace(second=0, microsecond=0)


def _minute(value: Any) -> str:
    return _utc(value).strftime("%Y-%m-%dT%H:%MZ")


class BodyOnDate(BaseModel):
    body: str = Field(
        description="Sun, Moon, Mercury, Venus, Mars, Jupiter, Saturn, Uranus, Neptune or Pluto.",
        pattern=r"^[A-Z][a-z]{2,7}$",
        json_schema_extra=port("celestial_body", samples=_BODY_SAMPLES),
    )
    date: str = _date_field()


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Where a solar-system body is seen from the Earth's centre at 00:00 UT on a date (ephem): "
    "constellation, apparent right ascension and declination, visual magnitude, distance from Earth in AU, "
    "elongation from the Sun and illuminated percentage.",
    outputs={
        "constellation": Output(
            "constellation",
            "the constellation in which {body} appears at 00:00 UT on {date}",
            asks=(
                "In which constellation does {body} appear at 00:00 UT on {date}?",
                "Which constellation is {body} in at 00:00 UT on {date}?",
                "I want to find {body} in the sky around {date}. In which constellation is it at 00:00 UT that day?",
            ),
            chain=False,
        ),
        "right_ascension": Output(
            "label",
            "the apparent right ascension (h:m:s) of {body} at 00:00 UT on {date}",
            asks=(
                "What is the apparent right ascension of {body} at 00:00 UT on {date}? Give hours:minutes:seconds.",
                "Give the right ascension of {body} at 00:00 UT on {date}, as h:m:s.",
            ),
        ),
        "declination": Output(
            "label",
            "the apparent declination (d:m:s) of {body} at 00:00 UT on {date}",
            asks=(
                "What is the apparent declination of {body} at 00:00 UT on {date}? Give degrees:minutes:seconds.",
                "How far north or south of the celestial equator is {body} at 00:00 UT on {date}? Give its "
                "declination as d:m:s.",
            ),
        ),
        "magnitude": Output(
            "number",
            "the visual magnitude of {body} at 00:00 UT on {date}",
            asks=(
                "Give the apparent visual magnitude of {body} at 00:00 UT on {date}.",
                "How bright does {body} look at 00:00 UT on {date}? Give its visual magnitude.",
            ),
            measure="apparent magnitude",
            quantity=quantity("dimensionless", "interval"),
        ),
        "earth_distance_au": Output(
            "number",
            "the distance in AU between the Earth and {body} at 00:00 UT on {date}",
            asks=(
                "How far is {body} from the Earth at 00:00 UT on {date}, in astronomical units?",
                "What is the distance between the Earth and {body} at 00:00 UT on {date}, in AU?",
            ),
            measure="distance from the Earth",
            quantity=AU,
        ),
        "elongation_deg": Output(
            "number",
            "the elongation in degrees of {body} from the Sun at 00:00 UT on {date}",
            asks=(
                "How far from the Sun does {body} appear at 00:00 UT on {date}, in degrees? Give a negative angle if "
                "it is west of the Sun.",
                "What is the elongation of {body} at 00:00 UT on {date}, in degrees (negative when west of the Sun, "
                "in the morning sky)?",
            ),
            measure="elongation from the Sun",
            quantity=ANGLE,
        ),
        "phase_percent": Output(
            "number",
            "the illuminated percentage of the disc of {body} at 00:00 UT on {date}",
            asks=(
                "What percentage of the disc of {body} is lit at 00:00 UT on {date}?",
                "How much of {body} is illuminated at 00:00 UT on {date}, in percent?",
            ),
            measure="illuminated fraction of the disc",
            quantity=PERCENT,
        ),
    },
    examples=[{"body": "Mars", "date": "2025-01-01"}, {"body": "Moon", "date": "2024-04-08"}],
)
def planet_position(p: BodyOnDate) -> dict:
    import ephem

    if p.body not in BODIES:
        raise ToolInputError(f"unknown body {p.body!r}; expected one of {', '.join(BODIES)}")
    body = getattr(ephem, p.body)()
    body.compute(ephem_date(date(p.date)))
    return {
        "constellation": ephem.constellation(body)[1],
        "right_ascension": hms(body.ra),
        "declination": hms(body.dec, hours=False),
        "magnitude": round(float(body.mag), 2),
        "earth_distance_au": round(float(body.earth_distance), 6),
        "elongation_deg": round(math.degrees(float(body.elong)), 2),
        "phase_percent": round(float(body.phase), 2),
    }


class SingleDate(BaseModel):
    date: str = _date_field()


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="The Moon's next principal phases after 00:00 UT on a date (ephem): UTC dates of the next new "
    "moon, first quarter, full moon and last quarter, the UTC time of that full moon, and the illuminated "
    "percentage of the Moon at 00:00 UT on the date.",
    outputs={
        "next_new_moon": Output(
            "date",
            "the UTC date of the first new moon after {date}",
            asks=(
                "When is the first new moon after 00:00 UT on {date}? Give the UTC date.",
                "On what date (UTC) is the next new moon, counting from the start of {date}?",
            ),
        ),
        "next_first_quarter": Output(
            "date",
            "the UTC date of the first first-quarter moon after {date}",
            asks=(
                "When is the first first-quarter moon after 00:00 UT on {date}? Give the UTC date.",
                "On what date (UTC) is the Moon next at first quarter, counting from the start of {date}?",
            ),
        ),
        "next_full_moon": Output(
            "date",
            "the UTC date of the first full moon after {date}",
            asks=(
                "When is the first full moon after 00:00 UT on {date}? Give the UTC date.",
                "On what date (UTC) is the next full moon, counting from the start of {date}?",
                "I'm planning a night hike by moonlight. What is the UTC date of the first full moon after the start "
                "of {date}?",
            ),
        ),
        "next_last_quarter": Output(
            "date",
            "the UTC date of the first last-quarter moon after {date}",
            asks=(
                "When is the first last-quarter moon after 00:00 UT on {date}? Give the UTC date.",
                "On what date (UTC) is the Moon next at last quarter, counting from the start of {date}?",
            ),
        ),
        "next_full_moon_time": Output(
            "datetime",
            "the UTC time, to the minute, of the first full moon after {date}",
            asks=(
                "At what moment, in UTC to the minute, is the first full moon after 00:00 UT on {date}?",
                "When exactly is the next full moon after the start of {date}? Give the UTC date and time to the "
                "minute.",
            ),
        ),
        "illumination_percent": Output(
            "number",
            "the illuminated percentage of the Moon at 00:00 UT on {date}",
            asks=(
                "What percentage of the Moon is illuminated at 00:00 UT on {date}?",
                "How full is the Moon at 00:00 UT on {date}? Give the lit percentage of its disc.",
            ),
            measure="illuminated fraction of the Moon",
            quantity=PERCENT,
        ),
    },
    examples=[{"date": "2025-01-01"}, {"date": "2024-03-10"}],
)
def moon_phases_after_date(p: SingleDate) -> dict:
    import ephem

    start = ephem_date(date(p.date))
    moon = ephem.Moon()
    moon.compute(start)
    full = ephem.next_full_moon(start)
    return {
        "next_new_moon": _utc(ephem.next_new_moon(start)).date().isoformat(),
        "next_first_quarter": _utc(ephem.next_first_quarter_moon(start)).date().isoformat(),
        "next_full_moon": _utc(full).date().isoformat(),
        "next_last_quarter": _utc(ephem.next_last_quarter_moon(start)).date().isoformat(),
        "next_full_moon_time": _minute(full),
        "illumination_percent": round(float(moon.phase), 2),
    }


class PlaceOnDate(BaseModel):
    latitude: float = Field(
        description="Latitude in decimal degrees, north positive.",
        ge=-90,
        le=90,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=[51.5074, 40.7128, -33.8688, 35.6762, 64.1466, -1.2921]),
    )
    longitude: float = Field(
        description="Longitude in decimal degrees, east positive.",
        ge=-180,
        le=180,
        allow_inf_nan=False,
        json_schema_extra=port("longitude", samples=[-0.1278, -74.006, 151.2093, 139.6503, -21.9426, 36.8219]),
    )
    date: str = _date_field("Local calendar date (YYYY-MM-DD) at the place; years 1900-2100.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Sunrise, sunset and solar noon at a place on a date (ephem, US Naval Observatory convention: "
    "upper limb, 34' refraction, no pressure model), as UTC times to the minute, with the day length and the "
    "Sun's altitude at noon. The day runs from local mean midnight (00:00 UT minus longitude/15 hours).",
    outputs={
        "sunrise": Output(
            "datetime",
            "the UTC time of sunrise at {latitude}, {longitude} on {date}",
            asks=(
                "When does the sun rise at {latitude}, {longitude} on {date}? Give the UTC time to the minute.",
                "At what time, in UTC, is sunrise at {latitude}, {longitude} on {date}?",
            ),
        ),
        "sunset": Output(
            "datetime",
            "the UTC time of sunset at {latitude}, {longitude} on {date}",
            asks=(
                "When does the sun set at {latitude}, {longitude} on {date}? Give the UTC time to the minute.",
                "At what time, in UTC, is sunset at {latitude}, {longitude} on {date}?",
            ),
        ),
        "solar_noon": Output(
            "datetime",
            "the UTC time of solar noon at {latitude}, {longitude} on {date}",
            asks=(
                "When is solar noon at {latitude}, {longitude} on {date}? Give the UTC time to the minute.",
                "At what UTC time does the Sun cross the meridian at {latitude}, {longitude} on {date}?",
            ),
        ),
        "day_length_hours": Output(
            "number",
            "the day length in hours at {latitude}, {longitude} on {date}",
            asks=(
                "How long is the day, from sunrise to sunset, at {latitude}, {longitude} on {date}? Give hours.",
                "How many hours of daylight are there at {latitude}, {longitude} on {date}?",
            ),
            measure="day length",
            quantity=quantity("hour"),
        ),
        "noon_altitude_deg": Output(
            "number",
            "the Sun's altitude in degrees at noon at {latitude}, {longitude} on {date}",
            asks=(
                "How high is the Sun at solar noon at {latitude}, {longitude} on {date}, in degrees above the horizon "
                "(geometric, without refraction)?",
                "Give the Sun's geometric altitude at noon at {latitude}, {longitude} on {date}, in degrees, not "
                "corrected for refraction.",
            ),
            measure="noon altitude of the Sun",
            quantity=ANGLE,
        ),
    },
    examples=[
        {"latitude": 51.5074, "longitude": -0.1278, "date": "2025-06-21"},
        {"latitude": -33.8688, "longitude": 151.2093, "date": "2025-01-01"},
    ],
)
def sun_times(p: PlaceOnDate) -> dict:
    import ephem

    day = date(p.date)
    observer = ephem.Observer()
    observer.lat, observer.lon = math.radians(p.latitude), math.radians(p.longitude)
    observer.pressure, observer.horizon = 0, "-0:34"
    observer.date = ephem_date(day, -p.longitude / 15.0)
    sun = ephem.Sun()
    try:
        noon = observer.next_transit(sun)
        rise = observer.previous_rising(sun, start=noon)
        set_ = observer.next_setting(sun, start=noon)
    except ephem.AlwaysUpError:
        raise ToolInputError(f"the Sun does not set at latitude {p.latitude:g} on {p.date} (polar day)") from None
    except ephem.NeverUpError:
        raise ToolInputError(f"the Sun does not rise at latitude {p.latitude:g} on {p.date} (polar night)") from None
    observer.date = noon
    sun.compute(observer)
    return {
        "sunrise": _minute(rise),
        "sunset": _minute(set_),
        "solar_noon": _minute(noon),
        "day_length_hours": round((set_ - rise) * 24.0, 3),
        "noon_altitude_deg": round(math.degrees(float(sun.alt)), 2),
    }


class EphemCity(BaseModel):
    city: str = Field(
        description="Name of a city in ephem's built-in list of 122 world cities, e.g. 'London', 'Tokyo'.",
        pattern=r"^[A-Z][A-Za-z .'\-]{1,30}$",
        json_schema_extra=port("city_name", samples=["London", "Tokyo", "New York", "Sydney", "Cairo", "Lima"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="ephem",
    description="Latitude, longitude and elevation of a city from ephem's built-in city list (offline; names "
    "outside the list are rejected rather than geocoded).",
    outputs={
        "latitude": Output(
            "latitude",
            "the latitude of {city}",
            asks=("What is the latitude of {city}, in decimal degrees?", "At what latitude does {city} lie?"),
            measure="latitude",
            source=GAZETTEER,
        ),
        "longitude": Output(
            "longitude",
            "the longitude of {city}",
            asks=("What is the longitude of {city}, in decimal degrees?", "At what longitude does {city} lie?"),
            measure="longitude",
            source=GAZETTEER,
        ),
        "elevation_m": Output(
            "number",
            "the elevation in metres of {city}",
            asks=("How high above sea level is {city}, in metres?", "Give the elevation of {city} in metres."),
            measure="elevation above sea level",
            quantity=quantity("m"),
            source=GAZETTEER,
        ),
    },
    examples=[{"city": "London"}, {"city": "Tokyo"}],
)
def city_coordinates(p: EphemCity) -> dict:
    import ephem.cities

    if p.city not in ephem.cities._city_data:
        raise ToolInputError(f"{p.city!r} is not in ephem's city list")
    lat, lon, elevation = ephem.cities._city_data[p.city]
    return {
        "latitude": round(math.degrees(float(ephem.degrees(lat))), 4),
        "longitude": round(math.degrees(float(ephem.degrees(lon))), 4),
        "elevation_m": round(float(elevation), 1),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Astronomical day numbers of a date at 00:00 UT: Julian Date, Modified Julian Date, and "
    "Greenwich apparent sidereal time (ephem).",
    outputs={
        "julian_date": Output(
            "number",
            "the Julian Date at 00:00 UT on {date}",
            asks=(
                "What is the Julian Date at 00:00 UT on {date}?",
                "Astronomers count days continuously. What Julian Date does {date} begin at (00:00 UT)?",
            ),
            measure="Julian Date",
            quantity=quantity("day", "interval"),
        ),
        "modified_julian_date": Output(
            "number",
            "the Modified Julian Date at 00:00 UT on {date}",
            asks=("Which Modified Julian Date begins at 00:00 UT on {date}?", "Give the MJD at midnight UT on {date}."),
            measure="Modified Julian Date",
            quantity=quantity("day", "interval"),
        ),
        "greenwich_sidereal_time": Output(
            "label",
            "the Greenwich apparent sidereal time (h:m:s) at 00:00 UT on {date}",
            asks=(
                "What is the Greenwich apparent sidereal time at 00:00 UT on {date}? Give h:mm:ss, to the nearest "
                "second.",
                "At midnight UT on {date}, what apparent sidereal time is it at Greenwich? Give hours:minutes:seconds "
                "to the nearest second.",
            ),
        ),
    },
    inverse="julian_date_to_calendar",
    examples=[{"date": "2025-01-01"}, {"date": "2000-01-01"}],
)
def julian_date(p: SingleDate) -> dict:
    import ephem

    when = ephem_date(date(p.date))
    jd = ephem.julian_date(when)
    greenwich = ephem.Observer()
    greenwich.lon, greenwich.lat, greenwich.date = "0", "0", when
    return {
        "julian_date": round(jd, 5),
        "modified_julian_date": round(jd - 2400000.5, 5),
        "greenwich_sidereal_time": hms(greenwich.sidereal_time()),
    }


_DAYTIME_TIMES = ["2025-06-21T12:00", "2025-03-20T16:00", "2025-01-01T01:00", "2025-06-21T03:00", "2025-09-22T12:00"]


class BodyAtPlace(BaseModel):
    body: str = Field(
        description="Sun, Moon, Mercury, Venus, Mars, Jupiter, Saturn, Uranus, Neptune or Pluto.",
        pattern=r"^[A-Z][a-z]{2,7}$",
        json_schema_extra=port("celestial_body", samples=["Mars", "Jupiter", "Venus", "Saturn", "Moon"]),
    )
    latitude: float = observer_latitude(66)
    longitude: float = observer_longitude()
    date: str = _date_field("Date (YYYY-MM-DD); the search starts at 00:00 UT.")


_AT = "{body} seen from {latitude}, {longitude} after 00:00 UT on {date}"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Next rising, transit (highest point) and setting of a solar-system body for an observer, in UTC, "
    "searched from 00:00 UT on a date, with its altitude at transit.",
    outputs={
        "rise": Output(
            "datetime",
            f"the next rising of {_AT}",
            asks=(
                "When does {body} next rise for an observer at {latitude}, {longitude}, after 00:00 UT on {date}? "
                "Give the UTC time to the minute.",
                "Starting from 00:00 UT on {date}, at what UTC time does {body} rise as seen from {latitude}, "
                "{longitude}?",
            ),
        ),
        "transit": Output(
            "datetime",
            f"the next transit of {_AT}",
            asks=(
                "When does {body} next reach its highest point in the sky at {latitude}, {longitude}, after 00:00 UT "
                "on {date}? Give the UTC time to the minute.",
                "Starting from 00:00 UT on {date}, at what UTC time does {body} cross the meridian as seen from "
                "{latitude}, {longitude}?",
            ),
        ),
        "set": Output(
            "datetime",
            f"the next setting of {_AT}",
            asks=(
                "When does {body} next set for an observer at {latitude}, {longitude}, after 00:00 UT on {date}? "
                "Give the UTC time to the minute.",
                "Starting from 00:00 UT on {date}, at what UTC time does {body} set as seen from {latitude}, "
                "{longitude}?",
            ),
        ),
        "transit_altitude_deg": Output(
            "number",
            f"the altitude in degrees at the next transit of {_AT}",
            asks=(
                "How high above the horizon, in degrees, does {body} climb at its first meridian crossing after "
                "00:00 UT on {date}, seen from {latitude}, {longitude}?",
                "Seen from {latitude}, {longitude}, what is the altitude of {body} in degrees when it next transits "
                "after 00:00 UT on {date}?",
            ),
            measure="altitude at transit",
            quantity=ANGLE,
        ),
    },
    examples=[{"body": "Mars", "latitude": 51.5074, "longitude": -0.1278, "date": "2025-01-01"}],
)
def body_rise_set(p: BodyAtPlace) -> dict:
    import ephem

    if p.body not in BODIES:
        raise ToolInputError(f"unknown body {p.body!r}; expected one of {', '.join(BODIES)}")
    obs = observer(p.latitude, p.longitude, ephem_date(date(p.date)))
    body = getattr(ephem, p.body)()
    try:
        rise, transit, setting = obs.next_rising(body), obs.next_transit(body), obs.next_setting(body)
    except (ephem.AlwaysUpError, ephem.NeverUpError):
        raise ToolInputError(f"{p.body} does not rise and set there on {p.date}") from None
    obs.date = transit
    body.compute(obs)
    return {
        "rise": _minute(rise),
        "transit": _minute(transit),
        "set": _minute(setting),
        "transit_altitude_deg": round(math.degrees(float(body.alt)), 2),
    }


class AstroDate(BaseModel):
    date: str = _date_field("Date (YYYY-MM-DD); the search starts at 00:00 UT.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="The next March and September equinoxes and June and December solstices after a date (UTC dates).",
    outputs={
        "march_equinox": Output(
            "date",
            "the date of the next March equinox after {date}",
            asks=(
                "When is the first March equinox after {date}? Give the UTC date.",
                "On what date (UTC) does astronomical spring next begin in the northern hemisphere after {date}?",
            ),
        ),
        "june_solstice": Output(
            "date",
            "the date of the next June solstice after {date}",
            asks=(
                "When is the first June solstice after {date}? Give the UTC date.",
                "On what date (UTC) is the next northern midsummer solstice after {date}?",
            ),
        ),
        "september_equinox": Output(
            "date",
            "the date of the next September equinox after {date}",
            asks=(
                "When is the first September equinox after {date}? Give the UTC date.",
                "On what date (UTC) does astronomical autumn next begin in the northern hemisphere after {date}?",
            ),
        ),
        "december_solstice": Output(
            "date",
            "the date of the next December solstice after {date}",
            asks=(
                "When is the first December solstice after {date}? Give the UTC date.",
                "On what date (UTC) is the next northern winter solstice, the shortest day up north, after {date}?",
            ),
        ),
    },
    examples=[{"date": "2025-01-01"}],
)
def equinoxes_and_solstices(p: AstroDate) -> dict:
    import ephem

    start = ephem_date(date(p.date))

    def day(value: Any) -> str:
        return value.datetime().date().isoformat()

    return {
        "march_equinox": day(ephem.next_vernal_equinox(start)),
        "june_solstice": day(ephem.next_summer_solstice(start)),
        "september_equinox": day(ephem.next_autumnal_equinox(start)),
        "december_solstice": day(ephem.next_winter_solstice(start)),
    }


class BodyPair(BaseModel):
    body_a: str = Field(
        description="First body (Sun, Moon or a planet).",
        pattern=r"^[A-Z][a-z]{2,7}$",
        json_schema_extra=port("celestial_body", samples=["Venus", "Mars", "Moon", "Jupiter", "Sun"]),
    )
    body_b: str = Field(
        description="Second body (Sun, Moon or a planet).",
        pattern=r"^[A-Z][a-z]{2,7}$",
        json_schema_extra=port("celestial_body", samples=["Jupiter", "Saturn", "Venus", "Moon", "Mercury"]),
    )
    date: str = _date_field("Date (YYYY-MM-DD), at 00:00 UT.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Angular separation in the sky between two solar-system bodies seen from the Earth's centre at "
    "00:00 UT on a date (close pairs are conjunctions).",
    outputs={
        "separation_deg": Output(
            "number",
            "the angular separation in degrees between {body_a} and {body_b} at 00:00 UT on {date}",
            asks=(
                "How far apart in the sky, in degrees, are {body_a} and {body_b} at 00:00 UT on {date}?",
                "Give the angular separation between {body_a} and {body_b} at 00:00 UT on {date}, in degrees.",
                "How close do {body_a} and {body_b} appear to each other at 00:00 UT on {date}? Give the separation "
                "in degrees.",
            ),
            measure="angular separation",
            quantity=SEPARATION,
        ),
    },
    examples=[{"body_a": "Venus", "body_b": "Jupiter", "date": "2023-03-02"}],
)
def body_separation(p: BodyPair) -> dict:
    import ephem

    for name in (p.body_a, p.body_b):
        if name not in BODIES:
            raise ToolInputError(f"unknown body {name!r}; expected one of {', '.join(BODIES)}")
    if p.body_a == p.body_b:
        raise ToolInputError("the two bodies are the same")
    when = ephem_date(date(p.date))
    a, b = getattr(ephem, p.body_a)(), getattr(ephem, p.body_b)()
    a.compute(when)
    b.compute(when)
    return {"separation_deg": round(math.degrees(float(ephem.separation(a, b))), 4)}


class PlanetOnDate(BaseModel):
    body: str = Field(
        description="A planet: Mercury, Venus, Mars, Jupiter, Saturn, Uranus, Neptune or Pluto.",
        pattern=r"^[A-Z][a-z]{2,7}$",
        json_schema_extra=port("celestial_body", samples=["Mars", "Jupiter", "Venus", "Saturn", "Neptune"]),
    )
    date: str = _date_field()


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Heliocentric position of a planet at 00:00 UT on a date: distance from the Sun (AU), ecliptic "
    "heliocentric longitude (degrees), and light travel time from it to Earth in minutes.",
    outputs={
        "sun_distance_au": Output(
            "number",
            "the distance in AU from the Sun to {body} at 00:00 UT on {date}",
            asks=(
                "How far is {body} from the Sun at 00:00 UT on {date}, in AU?",
                "Give the distance between the Sun and {body} at 00:00 UT on {date}, in astronomical units.",
            ),
            measure="distance from the Sun",
            quantity=AU,
        ),
        "helio_longitude_deg": Output(
            "number",
            "the heliocentric ecliptic longitude of {body} at 00:00 UT on {date}",
            asks=(
                "What is the heliocentric ecliptic longitude of {body} at 00:00 UT on {date}, in degrees?",
                "Seen from the Sun, at what ecliptic longitude in degrees is {body} at 00:00 UT on {date}?",
            ),
            measure="heliocentric ecliptic longitude",
            quantity=ANGLE,
        ),
        "light_minutes_to_earth": Output(
            "number",
            "the light travel time in minutes from {body} to Earth at 00:00 UT on {date}",
            asks=(
                "How many minutes does light from {body} take to reach the Earth at 00:00 UT on {date}?",
                "A probe at {body} radios home at 00:00 UT on {date}. How many minutes does the signal take to reach "
                "the Earth?",
            ),
            measure="light travel time to the Earth",
            quantity=quantity("minute"),
        ),
    },
    examples=[{"body": "Mars", "date": "2025-01-01"}],
)
def planet_heliocentric(p: PlanetOnDate) -> dict:
    import ephem

    if p.body not in BODIES or p.body in ("Sun", "Moon"):
        raise ToolInputError(f"{p.body!r} is not a planet (Mercury ... Pluto)")
    body = getattr(ephem, p.body)()
    body.compute(ephem_date(date(p.date)))
    return {
        "sun_distance_au": round(float(body.sun_distance), 6),
        "helio_longitude_deg": round(math.degrees(float(body.hlon)), 4),
        "light_minutes_to_earth": round(float(body.earth_distance) * 149597870.7 / 299792.458 / 60, 3),
    }


class PlaceTime(BaseModel):
    latitude: float = observer_latitude(90)
    longitude: float = observer_longitude()
    datetime_utc: str = utc_instant(NIGHT_SKY_TIMES)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Local apparent sidereal time at a longitude and UTC instant (the right ascension on the meridian), "
    "as hours:minutes:seconds and decimal hours.",
    outputs={
        "sidereal_time": Output(
            "label",
            "the local apparent sidereal time at {longitude} (seen from {latitude}) at {datetime_utc} UTC",
            asks=(
                "What is the local apparent sidereal time at {latitude}, {longitude} at {datetime_utc} (UTC)? Give "
                "h:mm:ss, to the nearest second.",
                "Which right ascension is on the meridian for an observer at {latitude}, {longitude} at "
                "{datetime_utc} (UTC)? Give the local apparent sidereal time as hours:minutes:seconds, to the "
                "nearest second.",
            ),
        ),
        # The same time in decimal hours.
        "sidereal_hours": Output(
            "number",
            "the local sidereal time in hours at {longitude} (seen from {latitude}) at {datetime_utc} UTC",
            quantity=quantity("hour", "interval"),
            askable=False,
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "datetime_utc": "2025-01-01T22:00"}],
)
def local_sidereal_time(p: PlaceTime) -> dict:
    obs = observer(p.latitude, p.longitude, instant(p.datetime_utc))
    lst = obs.sidereal_time()
    return {"sidereal_time": hms(lst), "sidereal_hours": round(math.degrees(float(lst)) / 15, 5)}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="The Moon on a date at 00:00 UT: its age in days since the last new moon, the illuminated "
    "percentage, and its distance from Earth in km.",
    outputs={
        "age_days": Output(
            "number",
            "the age in days of the Moon at 00:00 UT on {date}",
            asks=(
                "How many days old is the Moon at 00:00 UT on {date}, counted from the last new moon?",
                "How long has it been since the last new moon at 00:00 UT on {date}? Give days.",
            ),
            measure="age of the Moon",
            quantity=quantity("day"),
        ),
        "illumination_pct": Output(
            "number",
            "the illuminated percentage of the Moon at 00:00 UT on {date}",
            asks=(
                "What percentage of the Moon's disc is lit at 00:00 UT on {date}?",
                "How illuminated is the Moon at midnight UT on {date}, in percent?",
            ),
            measure="illuminated fraction of the Moon",
            quantity=PERCENT,
        ),
        "distance_km": Output(
            "number",
            "the Earth-Moon distance in km at 00:00 UT on {date}",
            asks=(
                "How far is the Moon from the Earth at 00:00 UT on {date}, in km?",
                "Give the distance between the Earth and the Moon at 00:00 UT on {date}, in kilometres.",
            ),
            measure="Earth-Moon distance",
            quantity=quantity("km"),
        ),
    },
    examples=[{"date": "2024-04-08"}],
)
def moon_age(p: AstroDate) -> dict:
    import ephem

    when = ephem_date(date(p.date))
    moon = ephem.Moon(when)
    previous = ephem.previous_new_moon(when)
    return {
        "age_days": round(float(when - previous), 3),
        "illumination_pct": round(float(moon.phase), 2),
        "distance_km": round(float(moon.earth_distance) * 149597870.7, 0),
    }


class JulianDay(BaseModel):
    julian_date: float = Field(
        description="Julian Date (days since noon 1 Jan 4713 BC), e.g. 2460676.5.",
        ge=2415020.5,
        le=2488069.5,
        json_schema_extra=port(
            "number",
            quantity=quantity("day", "interval"),
            samples=[2460676.5, 2451545.0, 2440587.5, 2459580.5, 2460000.0],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Convert a Julian Date to the UTC calendar date and time and the day of the week.",
    outputs={
        "date": Output(
            "date",
            "the calendar date of Julian Date {julian_date}",
            asks=(
                "Which calendar date is Julian Date {julian_date}? Give the UTC date.",
                "Convert Julian Date {julian_date} to a calendar date (UTC).",
            ),
        ),
        "utc_time": Output(
            "label",
            "the UTC time of day of Julian Date {julian_date}",
            asks=(
                "What time of day, in UTC, does Julian Date {julian_date} correspond to? Give hh:mm:ss.",
                "Julian Date {julian_date} falls at what UTC clock time (hours:minutes:seconds)?",
            ),
        ),
        "weekday": Output(
            "weekday",
            "the day of the week of Julian Date {julian_date}",
            asks=(
                "On what day of the week does Julian Date {julian_date} fall?",
                "Which weekday is Julian Date {julian_date}, in UTC?",
            ),
        ),
    },
    inverse="julian_date",
    examples=[{"julian_date": 2451545.0}],
)
def julian_date_to_calendar(p: JulianDay) -> dict:
    import ephem

    moment = ephem.Date(p.julian_date - 2415020.0).datetime()
    return {
        "date": moment.date().isoformat(),
        "utc_time": moment.strftime("%H:%M:%S"),
        "weekday": weekday_name(moment),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="The Sun on a date at 00:00 UT: its declination (degrees), the equation of time (minutes the "
    "sundial is ahead of the clock) and its distance in AU.",
    outputs={
        "declination_deg": Output(
            "number",
            "the Sun's declination in degrees at 00:00 UT on {date}",
            asks=(
                "What is the Sun's declination at 00:00 UT on {date}, in degrees?",
                "How far north or south of the celestial equator is the Sun at 00:00 UT on {date}? Give its "
                "declination in degrees.",
            ),
            measure="solar declination",
            quantity=ANGLE,
        ),
        "equation_of_time_min": Output(
            "number",
            "the equation of time in minutes at 00:00 UT on {date}",
            asks=(
                "What is the equation of time at 00:00 UT on {date}, in minutes (positive when a sundial is ahead of "
                "the clock)?",
                "By how many minutes is a sundial ahead of mean solar time at 00:00 UT on {date}? Give a negative "
                "number if it is behind.",
            ),
            measure="equation of time",
            quantity=quantity("minute", "interval"),
        ),
        "distance_au": Output(
            "number",
            "the Earth-Sun distance in AU at 00:00 UT on {date}",
            asks=(
                "How far is the Earth from the Sun at 00:00 UT on {date}, in AU?",
                "Find the distance between the Earth and the Sun at 00:00 UT on {date}, in astronomical units.",
            ),
            measure="Earth-Sun distance",
            quantity=AU,
        ),
    },
    examples=[{"date": "2025-06-21"}],
)
def sun_on_date(p: AstroDate) -> dict:
    import ephem

    when = ephem_date(date(p.date))
    sun = ephem.Sun(when)
    greenwich = observer(0.0, 0.0, when)
    hour_angle = float(greenwich.sidereal_time()) - float(sun.ra)
    eot = (math.degrees(math.atan2(math.sin(hour_angle), math.cos(hour_angle))) / 15 * 60) + 12 * 60
    eot = (eot + 720) % 1440 - 720
    return {
        "declination_deg": round(math.degrees(float(sun.dec)), 4),
        "equation_of_time_min": round(eot, 2),
        "distance_au": round(float(sun.earth_distance), 6),
    }


class Shadow(BaseModel):
    latitude: float = observer_latitude(90)
    longitude: float = observer_longitude()
    datetime_utc: str = utc_instant(_DAYTIME_TIMES)
    height_m: float = Field(
        description="Height of the object casting the shadow, in metres.",
        gt=0,
        le=10000,
        json_schema_extra=port("number", quantity=quantity("m"), samples=[10, 1.8, 100, 2, 30]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Length and direction of the shadow cast by an upright object at a place and UTC instant, from the "
    "Sun's altitude and azimuth (refraction included).",
    outputs={
        "shadow_length_m": Output(
            "number",
            "the shadow length in metres of a {height_m} m object at {latitude}, {longitude} at {datetime_utc} UTC",
            asks=(
                "How long is the shadow of an upright {height_m} m pole at {latitude}, {longitude} at {datetime_utc} "
                "(UTC), in metres?",
                "A {height_m} m tall post stands on level ground at {latitude}, {longitude}. How many metres long is "
                "its shadow at {datetime_utc} (UTC)?",
            ),
            measure="shadow length",
            quantity=quantity("m"),
        ),
        "shadow_azimuth_deg": Output(
            "number",
            "the direction of the shadow of a {height_m} m object at {latitude}, {longitude} at {datetime_utc} UTC",
            asks=(
                "In which direction does the shadow of an upright {height_m} m pole at {latitude}, {longitude} point "
                "at {datetime_utc} (UTC)? Give the azimuth in degrees clockwise from north.",
                "At {datetime_utc} (UTC), a {height_m} m post at {latitude}, {longitude} casts a shadow. What is the "
                "shadow's compass bearing in degrees from north?",
            ),
            measure="shadow direction",
            quantity=ANGLE,
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "datetime_utc": "2025-06-21T12:00", "height_m": 10}],
)
def shadow_length(p: Shadow) -> dict:
    import ephem

    obs = observer(p.latitude, p.longitude, instant(p.datetime_utc))
    sun = ephem.Sun(obs)
    alt = float(sun.alt)
    if alt <= 0:
        raise ToolInputError("the Sun is below the horizon then; there is no shadow")
    return {
        "shadow_length_m": round(p.height_m / math.tan(alt), 3),
        "shadow_azimuth_deg": round((math.degrees(float(sun.az)) + 180) % 360, 2),
    }
