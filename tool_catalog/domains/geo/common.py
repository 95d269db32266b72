"""Shared pieces of the geo tools: the domain name, the date, coordinate and time-zone fields, the parameter models
several modules take (country code, coordinates, time zone), and the helpers they share: the airport table, the
geodesic distance, IANA zones and the tz database zone table, the time zone at a point, local-time formatting and
the WGS84 geodesic.

The other modules call ``country``, ``zone``, ``geod`` and ``timezone_at`` as ``common.<name>``: those names are also
local variables (or, for ``timezone_at``, a tool) there."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.ports import port
from tool_catalog.spec import ToolInputError

DOMAIN = "geo"

_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_TIMEZONE_PATTERN = r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$"
_DATE_SAMPLES = ["2024-01-15", "2024-06-21", "2024-10-27", "2025-03-09", "2025-07-04", "2025-12-21"]
_LATITUDE_SAMPLES = [51.5074, 35.6762, -33.8688, 40.7128, -1.2921, 64.1466]
_LONGITUDE_SAMPLES = [-0.1278, 139.6503, 151.2093, -74.006, 36.8219, -21.9426]
_TIMEZONE_SAMPLES = ["Europe/London", "Asia/Tokyo", "America/New_York", "Australia/Sydney", "Africa/Nairobi"]
MIN_YEAR, MAX_YEAR = 1900, 2100


def parse_date(value: str, name: str = "date") -> dt.date:
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise ToolInputError(f"{name} {value!r} is not a valid calendar date (YYYY-MM-DD)") from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise ToolInputError(f"{name} {value!r} is outside the supported years {MIN_YEAR}-{MAX_YEAR}")
    return parsed


def date_field(description: str, samples: list[str] = _DATE_SAMPLES) -> Any:
    return Field(description=description, pattern=_DATE_PATTERN, json_schema_extra=port("date", samples=samples))


def latitude_field(description: str) -> Any:
    return Field(
        description=description,
        ge=-90,
        le=90,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=_LATITUDE_SAMPLES),
    )


def longitude_field(description: str) -> Any:
    return Field(
        description=description,
        ge=-180,
        le=180,
        allow_inf_nan=False,
        json_schema_extra=port("longitude", samples=_LONGITUDE_SAMPLES),
    )


def timezone_field(description: str, samples: list[str] = _TIMEZONE_SAMPLES) -> Any:
    return Field(
        description=description,
        pattern=_TIMEZONE_PATTERN,
        max_length=40,
        json_schema_extra=port("timezone", samples=samples),
    )


class CountryCode(BaseModel):
    country_code: str = Field(
        description="ISO 3166-1 alpha-2 country code, e.g. 'JP'.",
        pattern=r"^[A-Z]{2}$",
        json_schema_extra=port("country_code", samples=["JP", "DE", "BR", "KE", "CA"]),
    )


def country(code: str) -> Any:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise ToolInputError(f"unknown ISO 3166-1 alpha-2 country code {code!r}")
    return country


class Coordinates(BaseModel):
    latitude: float = latitude_field("Latitude in decimal degrees (WGS84), -90 to 90.")
    longitude: float = longitude_field("Longitude in decimal degrees (WGS84), -180 to 180.")


class TimezoneName(BaseModel):
    timezone: str = timezone_field("IANA time zone name, e.g. 'Europe/Paris'.")


_AIRPORT_COORDINATE_FIXES = {
    # airportsdata places these airports across the border in France; the coordinates are the airports' own
    "LUX": (49.6233, 6.2044),  # Luxembourg-Findel
    "OST": (51.1989, 2.8622),  # Ostend-Bruges
    "KJK": (50.8172, 3.2047),  # Kortrijk-Wevelgem
}


@cache
def airports() -> dict[str, dict]:
    """All airports by IATA code (loaded once per process), with the coordinate fixes above."""
    import airportsdata

    table = dict(airportsdata.load("IATA"))
    for code, (lat, lon) in _AIRPORT_COORDINATE_FIXES.items():
        if code in table:
            table[code] = {**table[code], "lat": lat, "lon": lon}
    return table


EARTH_RADIUS_KM = 6371.0088


def geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The shortest distance over the WGS84 ellipsoid (what "as the crow flies" means to a surveyor or a flight
    planner; a sphere is off by up to 0.5%)."""
    return float(geod().inv(lon1, lat1, lon2, lat2)[2]) / 1000.0


@cache
def _zone_names() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones())


def zone(name: str) -> Any:
    from zoneinfo import ZoneInfo

    if name not in _zone_names():
        raise ToolInputError(f"unknown IANA time zone {name!r}")
    return ZoneInfo(name)


@cache
def zone_table() -> dict[str, tuple[str, float, float, str]]:
    """tzdata's zone.tab: zone name -> (country code, latitude, longitude, comment)."""
    from importlib.resources import files

    rows: dict[str, tuple[str, float, float, str]] = {}
    text = files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        lat, lon = _iso6709(fields[1])
        rows[fields[2]] = (fields[0], lat, lon, fields[3] if len(fields) > 3 else "")
    return rows


def _iso6709(value: str) -> tuple[float, float]:
    """Parse zone.tab coordinates (+DDMM+DDDMM or +DDMMSS+DDDMMSS) into decimal degrees."""
    split = max(value.rfind("+"), value.rfind("-"))
    return _dms(value[:split], 2), _dms(value[split:], 3)


def _dms(value: str, degree_digits: int) -> float:
    sign = -1.0 if value[0] == "-" else 1.0
    digits = value[1:]
    degrees = int(digits[:degree_digits])
    minutes = int(digits[degree_digits : degree_digits + 2])
    seconds = int(digits[degree_digits + 2 :] or 0)
    return round(sign * (degrees + minutes / 60 + seconds / 3600), 4)


@cache
def _timezone_finder() -> Any:
    from timezonefinder import TimezoneFinder

    return TimezoneFinder(in_memory=True)


def timezone_at(latitude: float, longitude: float) -> str:
    name = _timezone_finder().timezone_at(lat=latitude, lng=longitude)
    if not name:
        raise ToolInputError(f"no time zone found at latitude {latitude}, longitude {longitude}")
    return name


def format_local(moment: dt.datetime) -> str:
    naive = moment.replace(tzinfo=None)
    return naive.isoformat(timespec="minutes" if naive.second == 0 else "seconds")


@cache
def geod() -> Any:
    from pyproj import Geod

    return Geod(ellps="WGS84")


def midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    wgs84 = geod()
    az, _, dist = wgs84.inv(lon1, lat1, lon2, lat2)
    lon, lat, _ = wgs84.fwd(lon1, lat1, az, dist / 2)
    return round(lat, 4), round(lon, 4)
