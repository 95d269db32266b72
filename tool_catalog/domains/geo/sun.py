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
        "sunrise": Output("datetime", "the local date and time of sunrise at {latitude}, {longitude} on {date}"),
        "sunset": Output("datetime", "the local date and time of sunset at {latitude}, {longitude} on {date}"),
        "day_length_hours": Output("number", "the length of daylight in hours at {latitude}, {longitude} on {date}"),
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
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M")


_TWILIGHTS = {"civil": 6, "nautical": 12, "astronomical": 18}


for _kind, _depression in _TWILIGHTS.items():

    def _twilight(p: PlaceDate, depression: float = _depression, kind: str = _kind) -> dict:
        import astral.sun as sun

        day = parse_date(p.date)
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

    day = parse_date(p.date)
    try:
        start, end = sun.golden_hour(_observer(p), day, direction=astral.SunDirection.SETTING)
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
    parse_date(p.datetime_utc[:10])
    elevation = sun.elevation(_observer(p), moment)
    return {
        "elevation_deg": round(elevation, 2),
        "azimuth_deg": round(sun.azimuth(_observer(p), moment), 2),
        "is_daylight": elevation > -0.833,
    }
