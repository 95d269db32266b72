"""The sun (astral): sunrise and sunset in local time, civil, nautical and astronomical twilight, the evening golden
hour, and the sun's position at an instant."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.geo import common
from tool_catalog.domains.geo.common import (
    DOMAIN,
    date_field,
    format_local,
    latitude_field,
    longitude_field,
    parse_date,
)
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError


class PlaceOnDate(BaseModel):
    latitude: float = latitude_field("Latitude in decimal degrees (WGS84), -90 to 90.")
    longitude: float = longitude_field("Longitude in decimal degrees (WGS84), -180 to 180.")
    date: str = date_field("Local calendar date (YYYY-MM-DD).")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="astral",
    description="Sunrise and sunset at a latitude/longitude on a local date, as local times in the time zone "
    "of that place (found with timezonefinder), and the length of daylight in hours. Fails in polar day or night.",
    outputs={
        "sunrise": Output(
            "datetime",
            "the local date and time of sunrise at {latitude}, {longitude} on {date}",
            asks=(
                "What time is sunrise at {latitude}, {longitude} on {date}, in local time?",
                "On {date}, when does the sun rise at {latitude}, {longitude}? Give the local date and time as "
                "YYYY-MM-DDTHH:MM.",
                "I want to watch the sunrise at {latitude}, {longitude} on {date}. At what local time does the sun "
                "come up?",
            ),
        ),
        "sunset": Output(
            "datetime",
            "the local date and time of sunset at {latitude}, {longitude} on {date}",
            asks=(
                "What time is sunset at {latitude}, {longitude} on {date}, in local time?",
                "On {date}, when does the sun set at {latitude}, {longitude}? Give the local date and time as "
                "YYYY-MM-DDTHH:MM.",
                "We're hiking near {latitude}, {longitude} on {date}. At what local time does the sun go down?",
            ),
        ),
        "day_length_hours": Output(
            "number",
            "the length of daylight in hours at {latitude}, {longitude} on {date}",
            asks=(
                "How many hours of daylight are there at {latitude}, {longitude} on {date}?",
                "On {date}, how long is it from sunrise to sunset at {latitude}, {longitude}, in hours?",
                "How long is the day at {latitude}, {longitude} on {date}? Give the answer in hours.",
            ),
            measure="day length",
            quantity=quantity("hour"),
        ),
    },
    examples=[
        {"latitude": 51.5074, "longitude": -0.1278, "date": "2025-06-21"},
        {"latitude": -33.8688, "longitude": 151.2093, "date": "2024-12-21"},
    ],
)
def sunrise_sunset(p: PlaceOnDate) -> dict:
    from astral import Observer
    from astral.sun import sunrise, sunset

    day = parse_date(p.date)
    zone = common.zone(common.timezone_at(p.latitude, p.longitude))
    observer = Observer(latitude=p.latitude, longitude=p.longitude)
    try:
        rise = sunrise(observer, day, tzinfo=zone)
        fall = sunset(observer, day, tzinfo=zone)
        if fall <= rise:
            fall = sunset(observer, day + dt.timedelta(days=1), tzinfo=zone)
    except ValueError:
        raise ToolInputError(
            f"the sun does not both rise and set at latitude {p.latitude}, longitude {p.longitude} on {p.date}"
        ) from None
    if not dt.timedelta(0) < fall - rise < dt.timedelta(hours=24):
        raise ToolInputError(
            f"the sun does not both rise and set at latitude {p.latitude}, longitude {p.longitude} on {p.date}"
        )
    rise_min = (rise + dt.timedelta(seconds=30)).replace(second=0, microsecond=0)
    fall_min = (fall + dt.timedelta(seconds=30)).replace(second=0, microsecond=0)
    return {
        "sunrise": format_local(rise_min),
        "sunset": format_local(fall_min),
        "day_length_hours": round((fall - rise).total_seconds() / 3600, 2),
    }


class PlaceDate(BaseModel):
    latitude: float = latitude_field("Latitude in decimal degrees.")
    longitude: float = longitude_field("Longitude in decimal degrees.")
    date: str = date_field("Local calendar date (YYYY-MM-DD); times are returned in UTC.")


def _observer(p: Any) -> Any:
    import astral

    return astral.Observer(latitude=p.latitude, longitude=p.longitude)


def _utc(moment: dt.datetime) -> str:
    """The UTC time to the nearest minute (13:04:05 is 13:04, not 13:03:59 cut to 13:03)."""
    rounded = moment.astimezone(dt.UTC) + dt.timedelta(seconds=30)
    return rounded.strftime("%Y-%m-%dT%H:%M")


def _local_zone(p: Any) -> Any:
    """The place's own time zone: its events are those of the local calendar date (a dusk on 27 October in Tacoma
    falls on 28 October UTC)."""
    return common.zone(common.timezone_at(p.latitude, p.longitude))


_TWILIGHTS = {"civil": 6, "nautical": 12, "astronomical": 18}


def _steep_sun(arguments: dict[str, Any], _output: dict[str, Any]) -> bool:
    """Below 60 degrees of latitude: farther out the sun grazes the twilight angle, and the minute depends on the
    solar algorithm (a NOAA calculation and the tool differ by one at 66 N)."""
    return abs(float(arguments.get("latitude", 0.0))) <= 60.0


_DUSK_SCENES = {
    "civil": "when does it get too dark to see clearly outdoors without lights",
    "nautical": "when does the sea horizon fade from view",
    "astronomical": "when does the sky become fully dark",
}


for _kind, _depression in _TWILIGHTS.items():

    def _twilight(p: PlaceDate, depression: float = _depression, kind: str = _kind) -> dict:
        import astral.sun as sun

        day = parse_date(p.date)
        try:
            dawn = sun.dawn(_observer(p), day, depression=depression, tzinfo=_local_zone(p))
            dusk = sun.dusk(_observer(p), day, depression=depression, tzinfo=_local_zone(p))
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
            "dawn_utc": Output(
                "datetime",
                f"the UTC time of {_kind} dawn at {{latitude}}, {{longitude}} on {{date}}",
                asks=(
                    f"When does {_kind} dawn begin at {{latitude}}, {{longitude}} on {{date}}? Give the UTC time as "
                    "YYYY-MM-DDTHH:MM.",
                    f"On {{date}}, at what time in UTC does morning {_kind} twilight start at {{latitude}}, "
                    "{longitude}?",
                ),
                worth=_steep_sun,
            ),
            "dusk_utc": Output(
                "datetime",
                f"the UTC time of {_kind} dusk at {{latitude}}, {{longitude}} on {{date}}",
                asks=(
                    f"When is {_kind} dusk at {{latitude}}, {{longitude}} on {{date}}? Give the UTC time as "
                    "YYYY-MM-DDTHH:MM.",
                    f"On {{date}}, at what time in UTC does evening {_kind} twilight end at {{latitude}}, "
                    "{longitude}?",
                    f"At {{latitude}}, {{longitude}} on {{date}}, {_DUSK_SCENES[_kind]} ({_kind} dusk)? "
                    "Give the time in UTC.",
                ),
                worth=_steep_sun,
            ),
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
    longitude: float = longitude_field("Longitude in decimal degrees.")
    date: str = date_field("Local calendar date (YYYY-MM-DD); times are returned in UTC.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="astral",
    description="The evening golden hour (sun between 6 degrees above and 4 degrees below the horizon) at a place "
    "on a date, start and end in UTC, and its length in minutes.",
    outputs={
        "start_utc": Output(
            "datetime",
            "the UTC start of the evening golden hour at {latitude}, {longitude} on {date}",
            asks=(
                "When does the evening golden hour (the Sun between 6° above and 4° below the horizon) start at "
                "{latitude}, {longitude} on {date}? Give the UTC time.",
                "I want to take photos at {latitude}, {longitude} on {date}. At what time in UTC does the evening "
                "golden hour begin, taken as the Sun 6° above the horizon?",
            ),
        ),
        "end_utc": Output(
            "datetime",
            "the UTC end of the evening golden hour at {latitude}, {longitude} on {date}",
            asks=(
                "When does the evening golden hour (the Sun between 6° above and 4° below the horizon) end at "
                "{latitude}, {longitude} on {date}? Give the UTC time.",
                "On {date}, at what time in UTC is the evening golden light over at {latitude}, {longitude}, taken as "
                "the Sun 4° below the horizon?",
            ),
        ),
        "minutes": Output(
            "number",
            "the length in minutes of the evening golden hour at {latitude}, {longitude} on {date}",
            asks=(
                "How many minutes does the evening golden hour (the Sun between 6° above and 4° below the horizon) "
                "last at {latitude}, {longitude} on {date}?",
                "On {date}, how long is the evening golden hour at {latitude}, {longitude}, in minutes, with the Sun "
                "going from 6° above to 4° below the horizon?",
            ),
            measure="golden hour length",
            quantity=quantity("minute"),
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "date": "2024-06-21"}],
)
def golden_hour(p: _MidLatitudeDate) -> dict:
    import astral
    import astral.sun as sun

    day = parse_date(p.date)
    try:
        start, end = sun.golden_hour(_observer(p), day, direction=astral.SunDirection.SETTING, tzinfo=_local_zone(p))
    except ValueError:
        raise ToolInputError(f"there is no evening golden hour there on {p.date}") from None
    return {"start_utc": _utc(start), "end_utc": _utc(end), "minutes": round((end - start).total_seconds() / 60, 1)}


class PlaceTime(BaseModel):
    latitude: float = latitude_field("Latitude in decimal degrees.")
    longitude: float = longitude_field("Longitude in decimal degrees.")
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
        "elevation_deg": Output(
            "number",
            "the elevation of the sun at {latitude}, {longitude} at {datetime_utc} UTC",
            asks=(
                "How high is the sun above the horizon at {latitude}, {longitude} at {datetime_utc} UTC, in degrees?",
                "What is the sun's elevation angle in degrees, seen from {latitude}, {longitude} at {datetime_utc} "
                "UTC?",
            ),
            measure="solar elevation",
            quantity=quantity("degree", "interval"),
        ),
        "azimuth_deg": Output(
            "number",
            "the azimuth of the sun at {latitude}, {longitude} at {datetime_utc} UTC",
            asks=(
                "In which compass direction, in degrees clockwise from north, is the sun at {latitude}, {longitude} "
                "at {datetime_utc} UTC?",
                "What is the sun's azimuth in degrees, seen from {latitude}, {longitude} at {datetime_utc} (UTC)?",
            ),
            measure="solar azimuth",
            quantity=quantity("degree", "interval"),
        ),
        "is_daylight": Output(
            "boolean",
            "whether the sun is above the horizon at {latitude}, {longitude} at {datetime_utc} UTC",
            asks=(
                "Is the sun up at {latitude}, {longitude} at {datetime_utc} (UTC)?",
                "At {datetime_utc} UTC, is the sun above the horizon at {latitude}, {longitude}?",
            ),
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
    parse_date(p.datetime_utc[:10])
    elevation = sun.elevation(_observer(p), moment)
    # sunrise and sunset: the geometric (unrefracted) centre 0.833 degrees below the horizon; the refracted
    # elevation already includes the ~0.57 degrees of refraction that threshold allows for
    geometric = sun.elevation(_observer(p), moment, with_refraction=False)
    return {
        "elevation_deg": round(elevation, 2),
        "azimuth_deg": round(sun.azimuth(_observer(p), moment), 2),
        "is_daylight": geometric > -0.833,
    }
