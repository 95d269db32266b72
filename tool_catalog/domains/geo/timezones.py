"""Time zones (tzdata through zoneinfo, timezonefinder, babel): the zone at a point, a zone's place in the zone
table, a country's zones, UTC offsets, converting local times, daylight-saving transitions, the difference between
two zones, and CLDR display names and Windows IDs of zones."""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.geo import common
from tool_catalog.domains.geo.common import (
    DOMAIN,
    MAX_YEAR,
    MIN_YEAR,
    Coordinates,
    CountryCode,
    TimezoneName,
    date_field,
    format_local,
    parse_date,
    timezone_field,
    zone_table,
)
from tool_catalog.names import UTC_ZONES, place
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_TZDB = "the IANA time zone database"
_CLDR = "CLDR"

_DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$"


@cache
def _zone_links() -> dict[str, str]:
    """Backward-compatible link names of the tz database -> their target zone."""
    from importlib.resources import files

    text = files("tzdata.zoneinfo").joinpath("tzdata.zi").read_text(encoding="utf-8")
    return {
        parts[2]: parts[1] for line in text.splitlines() if line.startswith("L ") and len(parts := line.split()) == 3
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="timezonefinder",
    description="The IANA time zone in force at a latitude/longitude (time zone boundary polygons; "
    "open sea gives an Etc/GMT zone).",
    outputs={
        "timezone": Output(
            "timezone",
            "the time zone at {latitude}, {longitude}",
            at="at {latitude}, {longitude}",
            asks=(
                "Which IANA time zone applies at {latitude}, {longitude}?",
                "What time zone is the place at {latitude}, {longitude} in? Give its IANA name.",
                "I'm at {latitude}, {longitude}. Which IANA time zone should my phone be set to?",
            ),
            # the zone of a city centre a question names (Tokyo, New York City) is known; of a found point it is not;
            # the nautical zone of open sea (Etc/GMT+5, at the ocean antipode of an airport) is of use to no one
            worth=lambda args, out: (
                place(args.get("latitude"), args.get("longitude")) is None
                and not str(out.get("timezone", "")).startswith("Etc/")
            ),
        )
    },
    examples=[{"latitude": 35.6762, "longitude": 139.6503}, {"latitude": 40.7128, "longitude": -74.006}],
    inverse="timezone_location",
)
def timezone_at(p: Coordinates) -> dict:
    return {"timezone": common.timezone_at(p.latitude, p.longitude)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="tzdata",
    description="Where an IANA time zone belongs in the tz database zone table (zone.tab): its country code, "
    "the coordinates of its principal location, and the zone's comment for countries with several zones.",
    outputs={
        "country_code": Output(
            "country_code",
            "the country that {timezone} belongs to",
            asks=(
                "Which country does {timezone} belong to? Answer with its two-letter ISO code.",
                "In which country is {timezone} used? Give its ISO 3166-1 alpha-2 code.",
            ),
            source=_TZDB,
            chain=False,
        ),
        "latitude": Output(
            "latitude",
            "the latitude of the principal location of {timezone}",
            asks=(
                "At what latitude is the principal city of {timezone}?",
                "What is the latitude of the city {timezone} is named after?",
            ),
            measure="principal location latitude",
            source=_TZDB,
            askable=False,  # the city is in the zone's name: a hop to a place, not a question
        ),
        "longitude": Output(
            "longitude",
            "the longitude of the principal location of {timezone}",
            asks=(
                "At what longitude is the principal city of {timezone}?",
                "What is the longitude of the city {timezone} is named after?",
            ),
            measure="principal location longitude",
            source=_TZDB,
            askable=False,  # the city is in the zone's name: a hop to a place, not a question
        ),
        "comment": Output(
            "label",
            "the tz database comment describing the area of {timezone}",
            asks=(
                "Which part of its country does {timezone} cover, as the zone table describes it?",
                "How does the time zone table describe the area covered by {timezone}?",
            ),
            source=_TZDB,
        ),
    },
    examples=[{"timezone": "America/Denver"}, {"timezone": "Asia/Kolkata"}],
)
def timezone_location(p: TimezoneName) -> dict:
    common.zone(p.timezone)
    table = zone_table()
    name = p.timezone if p.timezone in table else _zone_links().get(p.timezone, "")
    if name not in table:
        raise ToolInputError(f"time zone {p.timezone!r} is not listed for any country in the tz database")
    country, lat, lon, comment = table[name]
    return {"country_code": country, "latitude": lat, "longitude": lon, "comment": comment or None}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="tzdata",
    description="The IANA time zones of a country (ISO alpha-2 code) listed in the tz database zone table, "
    "and how many there are.",
    outputs={
        "timezone_count": Output(
            "count",
            "the number of IANA time zones of {country_code}",
            asks=(
                "How many IANA time zones does {country_code} have?",
                "Across how many tz database zones is {country_code} split?",
                "How many different time zone names does {country_code} use in the IANA list?",
            ),
            measure="number of time zones",
            source=_TZDB,
        ),
        "timezones": Output(
            "string_list",
            "the list of IANA time zones of {country_code}",
            asks=(
                "List the IANA time zones of {country_code}.",
                "Which tz database zones cover {country_code}? List their names.",
            ),
            measure="time zones",
            source=_TZDB,
        ),
    },
    examples=[{"country_code": "RU"}, {"country_code": "FR"}],
)
def country_timezones(p: CountryCode) -> dict:
    common.country(p.country_code)
    zones = sorted(name for name, row in zone_table().items() if row[0] == p.country_code)
    return {"timezone_count": len(zones), "timezones": zones}


class TimezoneOnDate(BaseModel):
    timezone: str = timezone_field("IANA time zone name, e.g. 'America/New_York'.")
    date: str = date_field("Date (YYYY-MM-DD); the offset is taken at local noon.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="tzdata",
    description="UTC offset in hours, time zone abbreviation and daylight-saving status of an IANA time zone "
    "at local noon on a date (zoneinfo with the tzdata database).",
    outputs={
        "utc_offset_hours": Output(
            "number",
            "the UTC offset in hours of {timezone} at noon on {date}",
            asks=(
                "What is the UTC offset of {timezone} on {date}, in hours?",
                "How many hours ahead of UTC are clocks {timezone:at} at noon on {date}? Use a negative number if "
                "they are behind.",
                "On {date}, what offset from UTC does {timezone} observe, in hours?",
            ),
            measure="UTC offset",
            quantity=quantity("hour", "interval"),
            source=_TZDB,
            worth=lambda args, _out: _near_clock_change(args, fixed=True),
        ),
        "abbreviation": Output(
            "label",
            "the time zone abbreviation used {timezone:at} on {date}",
            asks=(
                "Which time zone abbreviation is in use {timezone:at} on {date}?",
                "On {date}, what abbreviation, such as CET or PST, do clocks {timezone:at} show?",
            ),
            source=_TZDB,
            worth=lambda args, _out: _near_clock_change(args, fixed=True),
        ),
        "is_dst": Output(
            "boolean",
            "whether daylight saving time is in effect {timezone:at} at noon on {date}",
            asks=(
                "Is daylight saving time in effect {timezone:at} at noon on {date}?",
                "At noon on {date}, are clocks {timezone:at} on summer time?",
            ),
            source=_TZDB,
            worth=lambda args, _out: _near_clock_change(args),
        ),
    },
    examples=[
        {"timezone": "America/New_York", "date": "2024-07-01"},
        {"timezone": "Asia/Kolkata", "date": "2024-01-15"},
    ],
)
def timezone_utc_offset(p: TimezoneOnDate) -> dict:
    zone = common.zone(p.timezone)
    day = parse_date(p.date)
    local = dt.datetime(day.year, day.month, day.day, 12, tzinfo=zone)
    offset = local.utcoffset() or dt.timedelta(0)
    dst = local.dst()
    return {
        "utc_offset_hours": round(offset.total_seconds() / 3600, 4),
        "abbreviation": local.tzname(),
        "is_dst": bool(dst),
    }


class TimeConversion(BaseModel):
    datetime: str = Field(
        description="Local date and time in the source zone, 'YYYY-MM-DDTHH:MM' (seconds optional).",
        pattern=_DATETIME_PATTERN,
        json_schema_extra=port(
            "datetime",
            samples=[
                "2024-07-01T09:00",
                "2024-12-25T18:30",
                "2025-01-15T08:00",
                "2025-05-20T14:45",
                "2024-11-03T12:00",
            ],
        ),
    )
    from_timezone: str = timezone_field("IANA time zone of the given local time.")
    to_timezone: str = timezone_field(
        "IANA time zone to convert to.",
        ["Asia/Tokyo", "Europe/Paris", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney", "UTC"],
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="tzdata",
    description="Convert a local date and time from one IANA time zone to another (daylight saving aware); "
    "also gives the date there and how many hours the target zone is ahead of the source zone at that moment.",
    outputs={
        "converted": Output(
            "label",
            "the local date and time {to_timezone:at} when it is {datetime} {from_timezone:at}",
            asks=(
                "When it is {datetime} {from_timezone:at}, what is the local date and time {to_timezone:at}? "
                "Answer as YYYY-MM-DDTHH:MM.",
                "A call is set for {datetime} local time {from_timezone:at}. What date and time is that "
                "{to_timezone:at}?",
                "Convert {datetime} {from_timezone:at} to the time {to_timezone:at}.",
            ),
            source=_TZDB,
        ),
        "date": Output(
            "date",
            "the local date {to_timezone:at} when it is {datetime} {from_timezone:at}",
            asks=(
                "When it is {datetime} {from_timezone:at}, what is the date {to_timezone:at}?",
                "A meeting starts at {datetime} {from_timezone:at}. On which date does it fall {to_timezone:at}? "
                "Give the date.",
            ),
            source=_TZDB,
        ),
        "hours_ahead": Output(
            "number",
            "the number of hours the clock {to_timezone:at} is ahead when it is {datetime} {from_timezone:at}",
            asks=(
                "At {datetime} local time {from_timezone:at}, how many hours ahead is the clock {to_timezone:at}? "
                "Use a negative number if it is behind.",
                "When it is {datetime} {from_timezone:at}, by how many hours is local time {to_timezone:at} ahead? "
                "Give a negative number if it is behind.",
            ),
            # how far UTC is ahead of a place is its UTC offset, asked as such (timezone_utc_offset)
            worth=lambda args, _out: str(args.get("to_timezone")) not in UTC_ZONES,
            measure="time difference",
            quantity=quantity("hour", "interval"),
            source=_TZDB,
        ),
    },
    examples=[
        {"datetime": "2024-07-01T09:00", "from_timezone": "America/New_York", "to_timezone": "Asia/Tokyo"},
        {"datetime": "2024-12-31T23:30", "from_timezone": "Europe/London", "to_timezone": "Asia/Kolkata"},
    ],
)
def convert_local_time(p: TimeConversion) -> dict:
    source, target = common.zone(p.from_timezone), common.zone(p.to_timezone)
    if p.from_timezone == p.to_timezone:
        raise ToolInputError("from_timezone and to_timezone are the same zone")
    try:
        naive = dt.datetime.fromisoformat(p.datetime)
    except ValueError:
        raise ToolInputError(f"datetime {p.datetime!r} is not a valid date and time") from None
    if not MIN_YEAR <= naive.year <= MAX_YEAR:
        raise ToolInputError(f"datetime {p.datetime!r} is outside the supported years {MIN_YEAR}-{MAX_YEAR}")
    local = naive.replace(tzinfo=source)
    if local.astimezone(dt.UTC).astimezone(source).replace(tzinfo=None) != naive:
        raise ToolInputError(f"{p.datetime} does not exist in {p.from_timezone} (skipped by a clock change)")
    moved = local.astimezone(target)
    ahead = ((moved.utcoffset() or dt.timedelta(0)) - (local.utcoffset() or dt.timedelta(0))).total_seconds()
    return {"converted": format_local(moved), "date": moved.date().isoformat(), "hours_ahead": round(ahead / 3600, 4)}


class ZoneYear(BaseModel):
    timezone: str = timezone_field("IANA time zone name, e.g. 'Europe/Paris'.")
    year: int = Field(
        description="Calendar year, 1970-2037.",
        ge=1970,
        le=2037,
        json_schema_extra=port("year", samples=[2024, 2025, 2023, 2000, 2030]),
    )


def _near_clock_change(args: dict[str, Any], days: int = 21, fixed: bool = False) -> bool:
    """Whether a date is within three weeks of a clock change of the zone: whether daylight saving time is in effect
    in New York in July, or London's offset then, is no question; in the week the clocks change it is. ``fixed``:
    also a zone that does not change its clocks that year (Kolkata's offset is a fact to look up)."""
    try:
        day = parse_date(str(args["date"]))
        changes = _transitions(common.zone(str(args["timezone"])), day.year)
    except (KeyError, ValueError):
        return False
    if not changes:
        return fixed
    return any(abs((instant.date() - day).days) <= days for instant, _ in changes)


@lru_cache(maxsize=4096)
def _transitions(zone: Any, year: int) -> tuple[tuple[dt.datetime, float], ...]:
    """UTC instants in a year when the zone's UTC offset changes, with the new offset (hours). Cached per process:
    a partition asks for the same zones and years again and again."""
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
        "transition_count": Output(
            "count",
            "the number of UTC offset changes {timezone:at} in {year}",
            asks=(
                "How many times do the clocks change {timezone:at} in {year}?",
                "How many UTC offset changes does {timezone} have in {year}?",
            ),
            measure="number of clock changes",
            source=_TZDB,
        ),
        "first_transition": Output(
            "date",
            "the local date of the first UTC offset change {timezone:at} in {year}",
            asks=(
                "On what date do the clocks first change {timezone:at} in {year}? Give the date.",
                "When is the first clock change {timezone:at} in {year}?",
                "In {year}, on which day does {timezone} first move its clocks? Give the local date.",
            ),
            source=_TZDB,
        ),
        "last_transition": Output(
            "date",
            "the local date of the last UTC offset change {timezone:at} in {year}",
            asks=(
                "On what date is the last clock change {timezone:at} in {year}? Give the date.",
                "When do clocks {timezone:at} change for the last time in {year}?",
            ),
            source=_TZDB,
        ),
        "observes_dst": Output(
            "boolean",
            "whether {timezone} changes its clocks in {year}",
            asks=(
                "Do the clocks change at all {timezone:at} in {year}?",
                "Is there any clock change, for daylight saving or otherwise, {timezone:at} during {year}?",
            ),
            source=_TZDB,
        ),
    },
    examples=[{"timezone": "Europe/London", "year": 2024}, {"timezone": "Asia/Tokyo", "year": 2024}],
)
def timezone_transitions(p: ZoneYear) -> dict:
    zone = common.zone(p.timezone)
    changes = _transitions(zone, p.year)
    local = [moment.astimezone(zone).date().isoformat() for moment, _ in changes]
    return {
        "transition_count": len(changes),
        "first_transition": local[0] if local else None,
        "last_transition": local[-1] if local else None,
        "observes_dst": bool(changes),
    }


class ZonePairOnDate(BaseModel):
    from_timezone: str = timezone_field("First IANA time zone, e.g. 'Europe/London'.")
    to_timezone: str = timezone_field(
        "Second IANA time zone, e.g. 'Asia/Tokyo'.",
        samples=["Asia/Tokyo", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "America/Los_Angeles"],
    )
    date: str = date_field("Date of the comparison (YYYY-MM-DD), at noon UTC.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="tzdata",
    description="How many hours one time zone's clock is ahead of another's on a date (at noon UTC, daylight "
    "saving included).",
    outputs={
        "hours_ahead": Output(
            "number",
            "the number of hours {to_timezone} is ahead of {from_timezone} on {date}",
            asks=(
                "How many hours ahead of {from_timezone} is {to_timezone} on {date}? Use a negative number if it "
                "is behind.",
                "On {date}, what is the time difference in hours from {from_timezone} to {to_timezone}, positive "
                "if the second zone is ahead?",
                "I'm in {from_timezone} and my colleague is in {to_timezone}. On {date}, how many hours ahead of "
                "me is their clock?",
            ),
            measure="time difference",
            quantity=quantity("hour", "interval"),
            source=_TZDB,
        ),
    },
    examples=[{"from_timezone": "Europe/London", "to_timezone": "Asia/Tokyo", "date": "2024-07-01"}],
)
def timezone_difference(p: ZonePairOnDate) -> dict:
    day = parse_date(p.date)
    noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    a, b = common.zone(p.from_timezone), common.zone(p.to_timezone)
    diff = noon.astimezone(b).utcoffset() - noon.astimezone(a).utcoffset()
    return {"hours_ahead": diff.total_seconds() / 3600}


class ZoneInLanguage(BaseModel):
    timezone: str = timezone_field("IANA time zone name, e.g. 'Asia/Tokyo'.")
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
        "zone_name": Output(
            "label",
            "the name of {timezone} in {language_code}",
            asks=(
                "What is the generic name of {timezone} in {language_code}, not its standard- or summer-time form?",
                "How is {timezone} named in {language_code}, in the generic form used all year round?",
            ),
            source=_CLDR,
        ),
        "exemplar_city": Output(
            "label",
            "the city name of {timezone} in {language_code}",
            asks=(
                "In {language_code}, how is the city that names {timezone} written?",
                "How is the city of {timezone} spelled in {language_code}?",
            ),
            source=_CLDR,
        ),
    },
    examples=[{"timezone": "Asia/Tokyo", "language_code": "fr"}],
)
def timezone_display_name(p: ZoneInLanguage) -> dict:
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_timezone, get_timezone_location, get_timezone_name

    common.zone(p.timezone)
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
        "windows_zone": Output(
            "label",
            "the Windows time zone ID of {timezone}",
            asks=(
                "What is the Windows time zone ID for {timezone}?",
                "Which Microsoft Windows time zone corresponds to {timezone}?",
                "I'm setting up a Windows server that must keep {timezone}. Which Windows time zone ID do I pick?",
            ),
            source=_CLDR,
        ),
        "canonical_name": Output("timezone", "the canonical IANA name of {timezone}", askable=False),
    },
    examples=[{"timezone": "Europe/London"}, {"timezone": "Asia/Tokyo"}],
)
def timezone_windows_id(p: TimezoneName) -> dict:
    from babel.core import get_global

    common.zone(p.timezone)
    canonical = get_global("zone_aliases").get(p.timezone, p.timezone)
    windows = _windows_names().get(canonical) or _windows_names().get(p.timezone)
    if windows is None:
        raise ToolInputError(f"{p.timezone} is not the main location of any Windows time zone")
    return {"windows_zone": windows, "canonical_name": canonical}
