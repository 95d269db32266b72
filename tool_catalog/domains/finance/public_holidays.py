"""National public holidays (holidays): whether a date is a holiday, the next holiday, the holidays of a year, a
month or a region, when a named holiday falls, and business-day arithmetic on national calendars (working days
after a date, business days between dates, the n-th business day of a month, long weekends)."""

from __future__ import annotations

import calendar as cal
import datetime as dt
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.finance.common import (
    DAYS,
    DOMAIN,
    MAX_YEAR,
    MIN_YEAR,
    EcbDate,
    country_field,
    date_field,
    holiday_countries,
    parse_date,
    span,
    year_field,
)
from tool_catalog.names import weekday_name
from tool_catalog.ports import port
from tool_catalog.quantities import ADDITIVE_COUNT, ORDINAL
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

# Countries whose calendar the holidays package knows in full only for some years: outside them it answers
# without its lunar holidays and only warns ("Requested Holidays are available only from 2001 to 2035" for India's
# Hindu holidays). A calendar missing holidays is not a fact, so such years are refused.
# tests/test_tool_edge_inputs.py checks every country the package has for this warning.
COMPLETE_HOLIDAY_YEARS = {"IN": (2001, 2035)}


@cache
def _holidays(country: str, first_year: int, last_year: int) -> Any:
    """The holidays object of a country over a span of years, with English names where the package has them."""
    import holidays

    if country not in holiday_countries():
        raise ToolInputError(f"no public-holiday calendar for country code {country!r}")
    first, last = COMPLETE_HOLIDAY_YEARS.get(country, (first_year, last_year))
    if first_year < first or last_year > last:
        raise ToolInputError(
            f"the holidays package has the full public-holiday calendar of {country} only for {first}-{last}"
        )
    probe = holidays.country_holidays(country, years=first_year)
    language = "en_US" if "en_US" in probe.supported_languages else None
    return holidays.country_holidays(country, years=range(first_year, last_year + 1), language=language)


def _holiday_name(calendar: Any, day: dt.date) -> str | None:
    name = calendar.get(day)
    return None if name is None else str(name)


class HolidayOnDate(BaseModel):
    country_code: str = country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.")
    date: str = date_field(
        "Date (YYYY-MM-DD) to check.",
        ["2025-12-25", "2024-05-01", "2025-04-18", "2024-10-03", "2025-07-04", "2024-01-26"],
    )


def _not_every_year(arguments: dict[str, Any], output: dict[str, Any]) -> bool:
    """Whether a holiday on the date is not one the same day holds every year: 3 October in Germany and 25 December
    are known; Good Friday or a bridge day on it are not. A date that is no holiday is worth asking."""
    if not output.get("is_public_holiday"):
        return True
    try:
        day = parse_date(str(arguments["date"]))
        names = {
            _holiday_name(_holidays(str(arguments["country_code"]), year, year), day.replace(year=year))
            for year in (day.year - 1, day.year + 1)
        }
    except (ToolInputError, KeyError, ValueError):
        return True
    return names != {output.get("holiday_name")}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Whether a date is a national public holiday in a country, the holiday's name (English where "
    "available), and whether the date is a working day given the country's weekend and holidays.",
    outputs={
        "is_public_holiday": Output(
            "boolean",
            "whether {date} is a public holiday in {country_code}",
            asks=(
                "Is {date} a public holiday in {country_code}?",
                "Is it true that {date} is a national public holiday in {country_code}?",
                "Do people in {country_code} get {date} off for a national public holiday?",
            ),
            worth=_not_every_year,
        ),
        "holiday_name": Output(
            "holiday_name",
            "the public holiday in {country_code} on {date}",
            asks=(
                "Which public holiday falls on {date} in {country_code}? Give its name.",
                "What holiday does {country_code} observe on {date}?",
            ),
            worth=_not_every_year,
        ),
        "is_working_day": Output(
            "boolean",
            "whether {date} is a working day in {country_code}",
            asks=(
                "Is {date} a working day in {country_code}?",
                "Will offices in {country_code} work on {date}, given the weekend and public holidays there?",
            ),
        ),
    },
    examples=[{"country_code": "DE", "date": "2024-10-03"}, {"country_code": "US", "date": "2025-03-12"}],
)
def public_holiday_check(p: HolidayOnDate) -> dict:
    day = parse_date(p.date)
    calendar = _holidays(p.country_code, day.year, day.year)
    name = _holiday_name(calendar, day)
    return {"is_public_holiday": name is not None, "holiday_name": name, "is_working_day": calendar.is_working_day(day)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="The first national public holiday in a country strictly after a date: its date, name and the "
    "number of days from the given date.",
    outputs={
        "holiday_date": Output(
            "date",
            "the date of the first public holiday in {country_code} after {date}",
            asks=(
                "When is the next public holiday in {country_code} after {date}? Give the date.",
                "What is the date of the first national holiday in {country_code} after {date}?",
                "It's {date} and I'm in {country_code}. On what date is the next public holiday?",
            ),
        ),
        "holiday_name": Output(
            "holiday_name",
            "the first public holiday in {country_code} after {date}",
            asks=(
                "What is the next public holiday in {country_code} after {date}? Give its name.",
                "Which national holiday comes first in {country_code} after {date}?",
            ),
        ),
        "days_until": Output(
            "count",
            "the number of days from {date} to the next public holiday in {country_code}",
            asks=(
                "How many days after {date} is the next public holiday in {country_code}?",
                "Counting from {date}, how many days are left until the next public holiday in {country_code}?",
            ),
            measure="days until the next public holiday",
            quantity=DAYS,
        ),
    },
    examples=[{"country_code": "JP", "date": "2024-12-24"}, {"country_code": "GB", "date": "2025-04-18"}],
)
def next_public_holiday(p: HolidayOnDate) -> dict:
    day = parse_date(p.date)
    last_year = min(day.year + 2, MAX_YEAR)
    calendar = _holidays(p.country_code, day.year, last_year)
    upcoming = sorted(d for d in calendar if d > day and d.year <= last_year)
    if not upcoming:
        raise ToolInputError(f"no public holiday in {p.country_code} within two years after {p.date}")
    nxt = upcoming[0]
    return {
        "holiday_date": nxt.isoformat(),
        "holiday_name": _holiday_name(calendar, nxt),
        "days_until": (nxt - day).days,
    }


class CountryYear(BaseModel):
    country_code: str = country_field("ISO 3166-1 alpha-2 country code, e.g. 'BR'.")
    year: int = year_field("Calendar year, e.g. 2025.")


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="National public holidays of a country in a year: how many dates are holidays, how many of them fall "
    "on a working weekday (not the country's weekend), and their names (English where available).",
    outputs={
        "holiday_count": Output(
            "count",
            "the number of public holiday dates in {country_code} in {year}",
            asks=(
                "How many public holidays does {country_code} have in {year}?",
                "On how many dates in {year} is there a national public holiday in {country_code}?",
                "How many national holidays does the calendar of {country_code} list for {year}?",
            ),
            measure="number of public holidays",
            quantity=ADDITIVE_COUNT,
        ),
        "weekday_holiday_count": Output(
            "count",
            "the number of public holidays in {country_code} in {year} that fall outside the weekend",
            asks=(
                "How many public holidays in {country_code} fall on working weekdays in {year}?",
                "In {year}, how many of the public holidays of {country_code} land outside the weekend?",
                "How many days off do public holidays actually give workers in {country_code} in {year}, not "
                "counting those on the weekend?",
            ),
            measure="number of public holidays on weekdays",
        ),
        "holiday_names": Output(
            "string_list",
            "the list of public holidays of {country_code} in {year}, in date order",
            asks=(
                "List the public holidays of {country_code} in {year}, in date order.",
                "What are the national public holidays in {country_code} in {year}? List their names in calendar "
                "order.",
            ),
            measure="public holidays",
        ),
    },
    examples=[{"country_code": "BR", "year": 2025}, {"country_code": "IN", "year": 2024}],
)
def public_holidays_in_year(p: CountryYear) -> dict:
    calendar = _holidays(p.country_code, p.year, p.year)
    days = sorted(d for d in calendar if d.year == p.year)
    return {
        "holiday_count": len(days),
        "weekday_holiday_count": sum(1 for d in days if d.weekday() not in calendar.weekend),
        "holiday_names": [_holiday_name(calendar, d) for d in days],
    }


class NamedHoliday(BaseModel):
    country_code: str = country_field(
        "ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "GB", "FR", "AU", "CA"]
    )
    year: int = year_field("Calendar year, e.g. 2027.", [2027, 2025, 2024, 2019, 2030, 2012])
    holiday_name: str = Field(
        description="English name (or part of it, case-insensitive) of the holiday, e.g. 'Easter Monday'.",
        min_length=3,
        max_length=80,
        json_schema_extra=port(
            "holiday_name", samples=["New Year's Day", "Christmas Day", "Easter Monday", "Good Friday", "Labor Day"]
        ),
    )


def _varies(arguments: dict[str, Any], field: str) -> bool:
    """Whether a named holiday's month and day (``holiday_date``) or weekday differs between the year asked and the
    years around it: Easter's date does, German Unity Day's does not; Christmas's weekday does, Thanksgiving's
    does not."""
    seen = set()
    for shift in (-1, 0, 1):
        try:
            out = holiday_date_by_name(NamedHoliday(**{**arguments, "year": int(arguments["year"]) + shift}))
        except (ToolInputError, KeyError, ValueError, TypeError):
            continue
        seen.add(out[field][5:] if field == "holiday_date" else out[field])
    return len(seen) > 1


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Find when a named public holiday falls in a country in a given year (case-insensitive match on the "
    "English name, e.g. 'Easter Monday' or 'Thanksgiving'); returns the first matching date and its weekday.",
    outputs={
        "holiday_date": Output(
            "date",
            "the date on which {holiday_name} falls in {year} in {country_code}",
            asks=(
                "When is {holiday_name} in {country_code} in {year}? Give the date.",
                "On what date does {holiday_name} fall in {year} in {country_code}?",
                "I'm planning a trip to {country_code} in {year}. On which date is {holiday_name} there?",
            ),
            # the date of a fixed-date holiday (German Unity Day, 3 October) is known; of a moveable one it is not.
            # Its weekday is this tool's own field, asked where it varies (not Thanksgiving's Thursday)
            chain=False,
            worth=lambda args, _out: _varies(args, "holiday_date"),
        ),
        "weekday": Output(
            "weekday",
            "the day of the week on which {holiday_name} falls in {year} in {country_code}",
            asks=(
                "On what day of the week does {holiday_name} fall in {year} in {country_code}?",
                "Which weekday is {holiday_name} in {country_code} in {year}?",
            ),
            worth=lambda args, _out: _varies(args, "weekday"),
        ),
    },
    examples=[
        {"country_code": "DE", "year": 2027, "holiday_name": "Easter Monday"},
        {"country_code": "US", "year": 2025, "holiday_name": "Thanksgiving"},
    ],
)
def holiday_date_by_name(p: NamedHoliday) -> dict:
    calendar = _holidays(p.country_code, p.year, p.year)
    matches = sorted(d for d in calendar.get_named(p.holiday_name.strip(), lookup="icontains") if d.year == p.year)
    if not matches:
        raise ToolInputError(f"no public holiday matching {p.holiday_name!r} in {p.country_code} in {p.year}")
    day = matches[0]
    return {"holiday_date": day.isoformat(), "weekday": weekday_name(day)}


class WorkingDayShift(BaseModel):
    country_code: str = country_field("ISO 3166-1 alpha-2 country code, e.g. 'FR'.")
    date: str = date_field("Start date (YYYY-MM-DD); it is not counted itself.")
    working_days: int = Field(
        description="Number of working days to move forward, e.g. 10.",
        ge=1,
        le=400,
        json_schema_extra=port("count", samples=[10, 5, 30, 2, 20, 60]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="holidays",
    description="The date a given number of working days after a start date in a country, skipping the country's "
    "weekend days and national public holidays (e.g. for payment terms or settlement deadlines).",
    outputs={
        "result_date": Output(
            "date",
            "the date {working_days} working days (as observed in {country_code}) after {date}",
            asks=(
                "What date is {working_days} working days after {date} in {country_code}, skipping weekends and "
                "public holidays?",
                "An invoice dated {date} is due in {working_days} working days in {country_code}. On what date is it "
                "due?",
                "Counting {working_days} business days from {date} in {country_code}, which date do I land on?",
            ),
        ),
        "calendar_days": Output(
            "count",
            "the number of calendar days from {date} to the date {working_days} working days later in {country_code}",
            asks=(
                "A payment term of {working_days} working days starts on {date} in {country_code}. How many calendar "
                "days later does it end?",
                "How many calendar days does a deadline of {working_days} working days after {date} span in "
                "{country_code}?",
            ),
            measure="calendar days to the deadline",
            quantity=DAYS,
        ),
        "holidays_skipped": Output(
            "count",
            "the number of public holidays outside the weekend skipped when counting {working_days} working days "
            "after {date} in {country_code}",
            asks=(
                "When counting {working_days} working days from {date} in {country_code}, how many weekday public "
                "holidays get skipped?",
                "How many public holidays on weekdays fall between {date} and the date {working_days} working days "
                "later in {country_code}?",
            ),
            askable=False,  # a side figure of the count: people ask when the term ends
            measure="number of public holidays skipped",
        ),
    },
    examples=[
        {"country_code": "DE", "date": "2025-12-23", "working_days": 3},
        {"country_code": "AE", "date": "2025-03-27", "working_days": 5},
    ],
)
def add_working_days(p: WorkingDayShift) -> dict:
    start = parse_date(p.date)
    calendar = _holidays(p.country_code, start.year, start.year + 1)
    result = calendar.get_nth_working_day(start, p.working_days)
    if result.year > MAX_YEAR:
        raise ToolInputError(f"the result lies after the supported years {MIN_YEAR}-{MAX_YEAR}")
    skipped = 0
    day = start + dt.timedelta(days=1)
    while day < result:
        if day in calendar and day.weekday() not in calendar.weekend:
            skipped += 1
        day += dt.timedelta(days=1)
    return {"result_date": result.isoformat(), "calendar_days": (result - start).days, "holidays_skipped": skipped}


def _is_business_day(country: str, day: dt.date) -> bool:
    calendar = _holidays(country, day.year, day.year)
    weekend = getattr(calendar, "weekend", {5, 6})
    return day.weekday() not in weekend and day not in calendar


class CountrySpan(BaseModel):
    country_code: str = country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "JP", "GB", "FR"])
    start_date: str = date_field(
        "First date (YYYY-MM-DD).", ["2024-01-01", "2024-03-01", "2025-04-01", "2023-12-01", "2024-07-01"]
    )
    end_date: str = date_field(
        "Last date (YYYY-MM-DD), included.", ["2024-01-31", "2024-06-30", "2025-04-30", "2024-01-15", "2024-12-31"]
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="holidays",
    description="Business days between two dates (both included) in a country: weekdays that are not national "
    "public holidays, and how many holidays fell on weekdays in the span.",
    outputs={
        "business_days": Output(
            "count",
            "the number of business days in {country_code} from {start_date} to {end_date}",
            asks=(
                "How many business days are there in {country_code} from {start_date} to {end_date}, both included?",
                "Counting both ends, how many working days does {country_code} have between {start_date} and "
                "{end_date}?",
                "A project in {country_code} runs from {start_date} to {end_date}. How many business days is that, "
                "both days included?",
            ),
            measure="number of business days",
        ),
        "weekday_holidays": Output(
            "count",
            "the number of public holidays on weekdays in {country_code} from {start_date} to {end_date}",
            asks=(
                "How many public holidays fall on weekdays in {country_code} between {start_date} and {end_date}?",
                "From {start_date} to {end_date}, how many working weekdays in {country_code} are lost to public "
                "holidays?",
            ),
            measure="number of public holidays on weekdays",
        ),
    },
    examples=[{"country_code": "DE", "start_date": "2024-01-01", "end_date": "2024-01-31"}],
)
def business_days_between(p: CountrySpan) -> dict:
    start, end = span(p)
    if (end - start).days > 3660:
        raise ToolInputError("the span may be at most ten years")
    calendar = _holidays(p.country_code, start.year, end.year)
    weekend = getattr(calendar, "weekend", {5, 6})
    days = [start + dt.timedelta(d) for d in range((end - start).days + 1)]
    weekdays = [d for d in days if d.weekday() not in weekend]
    holidays_on_weekdays = sum(1 for d in weekdays if d in calendar)
    return {"business_days": len(weekdays) - holidays_on_weekdays, "weekday_holidays": holidays_on_weekdays}


class CountryMonth(BaseModel):
    country_code: str = country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "JP", "GB", "FR"])
    year: int = year_field("Calendar year.", [2024, 2025, 2023, 2024, 2025])
    month: int = Field(
        description="Month number 1-12.",
        ge=1,
        le=12,
        json_schema_extra=port("month", quantity=ORDINAL, samples=[5, 12, 1, 4, 8]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="The national public holidays of a country in one month: how many, their names, and the first and "
    "last business days of the month.",
    outputs={
        "holiday_count": Output(
            "count",
            "the number of public holidays in {country_code} in {month} {year}",
            asks=(
                "How many public holidays does {country_code} have in {month} {year}?",
                "In {month} {year}, on how many days is there a national public holiday in {country_code}?",
            ),
            measure="number of public holidays",
        ),
        "holiday_names": Output(
            "string_list",
            "the public holidays in {country_code} in {month} {year}",
            asks=(
                "Which public holidays fall in {month} {year} in {country_code}? List their names.",
                "List the national holidays of {country_code} in {month} {year}.",
            ),
            measure="public holidays",
        ),
        "first_business_day": Output(
            "date",
            "the first business day in {country_code} of {month} {year}",
            asks=(
                "What is the first business day of {month} {year} in {country_code}? Give the date.",
                "On which date does work resume in {country_code} at the start of {month} {year}, i.e. its "
                "first business day?",
            ),
            chain=False,
        ),
        "last_business_day": Output(
            "date",
            "the last business day in {country_code} of {month} {year}",
            asks=(
                "Which date is the last business day of {month} {year} in {country_code}?",
                "For the month-end close, what is the last working day of {month} {year} in {country_code}?",
            ),
            chain=False,
        ),
    },
    examples=[{"country_code": "DE", "year": 2024, "month": 5}, {"country_code": "US", "year": 2025, "month": 12}],
)
def month_holidays_and_business_days(p: CountryMonth) -> dict:
    calendar = _holidays(p.country_code, p.year, p.year)
    last = cal.monthrange(p.year, p.month)[1]
    days = [dt.date(p.year, p.month, d) for d in range(1, last + 1)]
    names = [str(calendar.get(d)) for d in days if d in calendar]
    business = [d for d in days if _is_business_day(p.country_code, d)]
    return {
        "holiday_count": len(names),
        "holiday_names": names,
        "first_business_day": business[0].isoformat() if business else None,
        "last_business_day": business[-1].isoformat() if business else None,
    }


class CountryYearOnly(BaseModel):
    country_code: str = country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "JP", "GB", "FR"])
    year: int = year_field("Calendar year.", [2024, 2025, 2023, 2020, 2026])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="holidays",
    description="Long weekends of a country in a year: national public holidays falling on a Monday or Friday "
    "(three-day weekends), how many, and the first one's date.",
    outputs={
        "long_weekend_count": Output(
            "count",
            "the number of holidays making a long weekend in {country_code} in {year}",
            asks=(
                "How many nationwide public holidays in {country_code} fall on a Monday or Friday in {year}, making "
                "a long weekend?",
                "In {year}, on how many occasions does a nationwide public holiday in {country_code} fall on a "
                "Monday or a Friday?",
            ),
            measure="number of long weekends",
        ),
        "first_long_weekend_holiday": Output(
            "date",
            "the first holiday making a long weekend in {country_code} in {year}",
            asks=(
                "When is the first nationwide public holiday on a Monday or Friday in {country_code} in {year}? Give "
                "the date.",
                "What is the date of the first nationwide public holiday of {year} in {country_code} that falls on a "
                "Monday or a Friday?",
            ),
        ),
        "weekend_holidays": Output(
            "count",
            "the number of public holidays falling on a weekend in {country_code} in {year}",
            asks=(
                "How many nationwide public holidays in {country_code} fall on a Saturday or Sunday in {year}?",
                "In {year}, how many of the nationwide public holidays of {country_code} land on a Saturday or Sunday?",
            ),
            measure="number of public holidays on Saturdays and Sundays",
        ),
    },
    examples=[{"country_code": "GB", "year": 2024}],
)
def long_weekends(p: CountryYearOnly) -> dict:
    calendar = _holidays(p.country_code, p.year, p.year)
    days = sorted(d for d in calendar if d.year == p.year)
    bridging = [d for d in days if d.weekday() in (0, 4)]
    return {
        "long_weekend_count": len(bridging),
        "first_long_weekend_holiday": bridging[0].isoformat() if bridging else None,
        "weekend_holidays": sum(1 for d in days if d.weekday() >= 5),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Which countries (of those with a national calendar in the holidays package) have a public "
    "holiday on a date: how many and their ISO codes.",
    outputs={
        "country_count": Output(
            "count",
            "the number of countries with a public holiday on {date}",
            asks=(
                "How many countries have a national public holiday on {date}?",
                "On {date}, in how many countries is it a public holiday?",
            ),
            measure="number of countries on holiday",
            source="the national public holiday calendars",
            askable=False,  # the count depends on which countries' calendars a source covers
        ),
        "countries": Output(
            "string_list",
            "the countries with a public holiday on {date}",
            asks=(
                "Which countries have a national public holiday on {date}? List their two-letter ISO codes.",
                "List the countries where {date} is a public holiday, by ISO 3166-1 alpha-2 code.",
            ),
            measure="countries on holiday",
            source="the national public holiday calendars",
        ),
    },
    examples=[{"date": "2024-12-25"}, {"date": "2024-05-01"}],
    timeout_s=30.0,
)
def countries_on_holiday(p: EcbDate) -> dict:
    day = parse_date(p.date)
    found = sorted(c for c in holiday_countries() if day in _holidays(c, day.year, day.year))
    return {"country_count": len(found), "countries": found}


class SubdivisionYear(BaseModel):
    country_code: str = country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "CH", "ES", "AU"])
    subdivision: str = Field(
        description="Subdivision code as the holidays package names it (the part after the dash in ISO 3166-2), "
        "e.g. 'BY' for Bavaria.",
        pattern=r"^[A-Z0-9]{1,4}$",
        json_schema_extra=port("label", samples=["BY", "CA", "ZH", "CT", "NSW"]),
    )
    year: int = year_field("Calendar year.", [2024, 2025, 2023, 2024, 2025])


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Public holidays of a state or region (e.g. Bavaria, California): how many in a year, how many "
    "more than the national calendar, and the names of the regional extras.",
    outputs={
        "holiday_count": Output(
            "count",
            "the number of public holidays in {subdivision}, {country_code} in {year}",
            asks=(
                "How many public holidays does the region with code {subdivision} in {country_code} have in {year}?",
                "Counting regional ones, how many public holidays are there in {year} in the state or region "
                "{subdivision} of {country_code}?",
            ),
            measure="number of public holidays",
        ),
        "extra_count": Output(
            "count",
            "the number of holidays in {subdivision}, {country_code} in {year} beyond the national ones",
            asks=(
                "How many more public holidays than the national calendar does the region {subdivision} of "
                "{country_code} have in {year}?",
                "In {year}, how many regional public holidays does the state or region {subdivision} of "
                "{country_code} add to the national ones?",
            ),
            measure="number of regional extra holidays",
        ),
        "extra_holidays": Output(
            "string_list",
            "the regional holidays of {subdivision}, {country_code} in {year}",
            asks=(
                "Which public holidays does the region with code {subdivision} in {country_code} have in {year} on "
                "top of the national ones? List them.",
                "I work in the region {subdivision} of {country_code}. Which extra regional holidays do I get in "
                "{year}?",
            ),
            measure="regional extra holidays",
        ),
    },
    examples=[{"country_code": "DE", "subdivision": "BY", "year": 2024}],
)
def subdivision_holidays(p: SubdivisionYear) -> dict:
    import holidays

    national = _holidays(p.country_code, p.year, p.year)
    if p.subdivision not in getattr(national, "subdivisions", ()):
        raise ToolInputError(f"the holidays package has no subdivision {p.subdivision!r} for {p.country_code}")
    language = getattr(national, "language", None)
    regional = holidays.country_holidays(p.country_code, subdiv=p.subdivision, years=p.year, language=language)
    extra = sorted((d, str(n)) for d, n in regional.items() if d not in national)
    return {"holiday_count": len(regional), "extra_count": len(extra), "extra_holidays": [n for _, n in extra]}


class NthBusinessDay(BaseModel):
    country_code: str = country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "JP", "GB", "FR"])
    year: int = year_field("Calendar year.", [2024, 2025, 2023, 2024, 2025])
    month: int = Field(
        description="Month number 1-12.",
        ge=1,
        le=12,
        json_schema_extra=port("month", quantity=ORDINAL, samples=[5, 12, 1, 4, 8]),
    )
    n: int = Field(
        description="Which business day of the month (1 = first, -1 = last).",
        ge=-23,
        le=23,
        json_schema_extra=port("integer", quantity=ORDINAL, samples=[3, 1, -1, 10, 5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="holidays",
    description="The n-th business day of a month in a country (weekdays that are not national holidays; "
    "negative n counts from the end), as used for payroll and reporting deadlines.",
    outputs={
        "business_day": Output(
            "date",
            "business day number {n} of {month} {year} in {country_code}",
            asks=(
                "Which date is business day number {n} of {month} {year} in {country_code}? Negative "
                "numbers count back from the end of the month.",
                "Payroll runs on business day {n} (negative: counted from the month's end) of {month} "
                "{year} in {country_code}. What date is that?",
            ),
        ),
        "business_days_in_month": Output(
            "count",
            "the number of business days in {month} {year} in {country_code} (n={n})",
            asks=(
                "Payroll runs on business day {n} of {month} {year} in {country_code}. How many business "
                "days does that month have in all?",
                "A report is due on business day {n} of {month} {year} in {country_code}. How many "
                "business days does the whole month count?",
            ),
            measure="number of business days",
        ),
    },
    examples=[{"country_code": "DE", "year": 2024, "month": 5, "n": 3}],
)
def nth_business_day(p: NthBusinessDay) -> dict:
    if p.n == 0:
        raise ToolInputError("n must not be 0 (1 is the first business day, -1 the last)")
    last = cal.monthrange(p.year, p.month)[1]
    days = [dt.date(p.year, p.month, d) for d in range(1, last + 1)]
    business = [d for d in days if _is_business_day(p.country_code, d)]
    if abs(p.n) > len(business):
        raise ToolInputError(f"month {p.year}-{p.month:02d} has only {len(business)} business days in {p.country_code}")
    chosen = business[p.n - 1] if p.n > 0 else business[p.n]
    return {"business_day": chosen.isoformat(), "business_days_in_month": len(business)}
