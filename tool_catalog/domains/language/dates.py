"""Date puzzles (python-dateutil, inflect, stdlib): Friday the 13ths, the n-th weekday of a month, exact
age, ISO weeks, the n-th day of a year, weekdays between two dates, and a year's century, millennium and decade.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.language.common import DOMAIN, YEAR_SAMPLES, YearParam, date_field, inflect_engine, parse_date
from tool_catalog.names import weekday_name
from tool_catalog.ports import port
from tool_catalog.quantities import ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The Friday the 13ths of a year: how many, their dates, and the first one.",
    outputs={
        "count": Output(
            "count",
            "the number of Friday the 13ths in {year}",
            asks=(
                "How many Friday the 13ths are there in {year}?",
                "How many times does the 13th fall on a Friday in {year}?",
                "I'm superstitious: how many Friday the 13ths will {year} have?",
            ),
            measure="number of Friday the 13ths",
        ),
        "dates": Output(
            "string_list",
            "the Friday the 13ths of {year}",
            asks=(
                "On which dates does Friday the 13th fall in {year}? List them.",
                "List every Friday the 13th of {year}.",
            ),
            measure="Friday the 13ths",
        ),
        "first": Output(
            "date",
            "the first Friday the 13th of {year}",
            asks=(
                "When is the first Friday the 13th of {year}? Give the date.",
                "What is the date of the first Friday the 13th in {year}?",
            ),
        ),
    },
    examples=[{"year": 2026}],
)
def friday_the_13ths(p: YearParam) -> dict:
    days = [dt.date(p.year, m, 13) for m in range(1, 13) if dt.date(p.year, m, 13).weekday() == 4]
    return {"count": len(days), "dates": [d.isoformat() for d in days], "first": days[0].isoformat() if days else None}


_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class NthWeekday(BaseModel):
    year: int = Field(
        description="Gregorian year.", ge=1000, le=2999, json_schema_extra=port("year", samples=YEAR_SAMPLES)
    )
    month: int = Field(
        description="Month 1-12.",
        ge=1,
        le=12,
        json_schema_extra=port("month", quantity=ORDINAL, samples=[11, 5, 9, 1, 3]),
    )
    weekday: Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] = Field(
        description="Day of the week.",
        json_schema_extra=port("weekday", samples=["Thursday", "Monday", "Sunday", "Friday", "Tuesday"]),
    )
    n: int = Field(
        description="Which occurrence: 1-5, or -1 for the last.",
        ge=-1,
        le=5,
        json_schema_extra=port("integer", quantity=ORDINAL, samples=[4, 2, -1, 1, 3]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-dateutil",
    description="The n-th (or last) given weekday of a month, as holiday rules define dates (4th Thursday of "
    "November, last Monday of May), and how many such weekdays the month has.",
    outputs={
        "date": Output(
            "date",
            "weekday number {n} of the {weekday}s of {month} {year}",
            asks=(
                "Which date is {weekday} number {n} in {month} {year}? (Number -1 means the last one.)",
                "In {month} {year}, on which date does {weekday} number {n} fall? Count -1 as the last "
                "{weekday} of "
                "the month.",
            ),
        ),
        "occurrences": Output(
            "count",
            "the number of {weekday}s in {month} {year} (n={n})",
            measure="number of occurrences of the weekday in the month",
            askable=False,
        ),
    },
    examples=[{"year": 2025, "month": 11, "weekday": "Thursday", "n": 4}],
)
def nth_weekday_of_month(p: NthWeekday) -> dict:
    from dateutil.relativedelta import relativedelta, weekdays

    if p.n == 0:
        raise ToolInputError("n must be 1-5 or -1")
    wd = weekdays[_WEEKDAYS.index(p.weekday)]
    first = dt.date(p.year, p.month, 1)
    day = first + relativedelta(day=31 if p.n < 0 else 1, weekday=wd(p.n))
    last = cal.monthrange(p.year, p.month)[1]
    count = sum(1 for d in range(1, last + 1) if dt.date(p.year, p.month, d).weekday() == _WEEKDAYS.index(p.weekday))
    if day.month != p.month:
        raise ToolInputError(f"month {p.year}-{p.month:02d} has only {count} {p.weekday}s")
    return {"date": day.isoformat(), "occurrences": count}


class Birthday(BaseModel):
    birth_date: str = date_field("Date of birth (YYYY-MM-DD).")
    on_date: str = Field(
        description="The date at which to state the age (YYYY-MM-DD).",
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        json_schema_extra=port("date", samples=["2025-06-30", "2025-01-01", "2024-12-31", "2026-03-01", "2030-07-20"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-dateutil",
    description="Exact age on a date from a birth date (dateutil relativedelta): years, months and days, the total "
    "days lived, and the date of the next birthday.",
    outputs={
        "years": Output(
            "count",
            "the age in whole years on {on_date} of someone born on {birth_date}",
            asks=(
                "On {on_date}, how old in whole years is someone born on {birth_date}?",
                "What age in completed years does a person born on {birth_date} reach by {on_date}?",
                "My grandfather was born on {birth_date}. How old will he be on {on_date}?",
            ),
            measure="age in whole years",
            quantity=quantity("year"),
            askable=False,  # a subtraction anyone does; the days and months of an age are asked
        ),
        "months": Output(
            "count",
            "the months beyond whole years of the age on {on_date} of someone born on {birth_date}",
            asks=(
                "Someone was born on {birth_date}. On {on_date}, how many whole months past their last birthday are "
                "they?",
                "A person born on {birth_date} is how many years and months old on {on_date}? Give just the months "
                "beyond the whole years.",
            ),
            measure="months past the last birthday",
            quantity=quantity("month"),
            askable=False,  # counted on the fingers; the age in days is what a tool is for
        ),
        "total_days": Output(
            "count",
            "the days lived by {on_date} by someone born on {birth_date}",
            asks=(
                "How many days has someone born on {birth_date} lived by {on_date}?",
                "Someone was born on {birth_date}. How many days old are they on {on_date}?",
            ),
            measure="days lived",
            quantity=quantity("day"),
        ),
        "next_birthday": Output(
            "date",
            "the next birthday after {on_date} of someone born on {birth_date}",
            asks=(
                "Someone was born on {birth_date}. On which date after {on_date} is their next birthday?",
                "When is the first birthday after {on_date} of a person born on {birth_date}? Give the date.",
            ),
            askable=False,
        ),
    },
    examples=[{"birth_date": "1969-07-20", "on_date": "2025-06-30"}],
)
def age_on_date(p: Birthday) -> dict:
    from dateutil.relativedelta import relativedelta

    born, on = parse_date(p.birth_date), parse_date(p.on_date)
    if on < born:
        raise ToolInputError("on_date is before birth_date")
    age = relativedelta(on, born)
    nxt = born + relativedelta(years=age.years + 1)
    return {"years": age.years, "months": age.months, "total_days": (on - born).days, "next_birthday": nxt.isoformat()}


class IsoWeek(BaseModel):
    year: int = Field(
        description="ISO week-numbering year.", ge=1000, le=2999, json_schema_extra=port("year", samples=YEAR_SAMPLES)
    )
    week: int = Field(
        description="ISO week number 1-53.",
        ge=1,
        le=53,
        json_schema_extra=port("integer", quantity=ORDINAL, samples=[1, 26, 52, 10, 33]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The Monday and Sunday of an ISO 8601 week, and whether the ISO year has 53 weeks.",
    outputs={
        "monday": Output(
            "date",
            "the Monday of ISO week {week} of {year}",
            asks=(
                "On which date does ISO week {week} of {year} begin (its Monday)?",
                "What is the Monday of ISO week {week} in {year}? Give the date.",
            ),
        ),
        "sunday": Output(
            "date",
            "the Sunday of ISO week {week} of {year}",
            asks=(
                "On which date does ISO week {week} of {year} end (its Sunday)?",
                "What is the Sunday of ISO week {week} in {year}? Give the date.",
            ),
        ),
        "year_has_53_weeks": Output(
            "boolean", "whether ISO year {year} has 53 weeks", askable=False, ignores=("week",)
        ),
    },
    examples=[{"year": 2025, "week": 1}],
)
def iso_week_dates(p: IsoWeek) -> dict:
    has_53 = dt.date(p.year, 12, 28).isocalendar().week == 53
    if p.week == 53 and not has_53:
        raise ToolInputError(f"ISO year {p.year} has only 52 weeks")
    monday = dt.date.fromisocalendar(p.year, p.week, 1)
    return {
        "monday": monday.isoformat(),
        "sunday": (monday + dt.timedelta(days=6)).isoformat(),
        "year_has_53_weeks": has_53,
    }


class DayOfYear(BaseModel):
    year: int = Field(
        description="Gregorian year.", ge=1000, le=2999, json_schema_extra=port("year", samples=YEAR_SAMPLES)
    )
    day_of_year: int = Field(
        description="Day of the year, 1-366.",
        ge=1,
        le=366,
        json_schema_extra=port("integer", quantity=ORDINAL, samples=[256, 100, 213, 365, 60]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The calendar date of the n-th day of a year (e.g. day 256 is Programmers' Day) and its weekday.",
    outputs={
        "date": Output(
            "date",
            "day {day_of_year} of {year}",
            asks=(
                "Which date is day {day_of_year} of {year}? Give the date.",
                "On which date does day number {day_of_year} of {year} fall?",
            ),
            askable=False,
        ),
        "weekday": Output(
            "weekday",
            "the weekday of day {day_of_year} of {year}",
            asks=(
                "What day of the week is day {day_of_year} of {year}?",
                "On which weekday does day number {day_of_year} of {year} fall?",
            ),
        ),
    },
    examples=[{"year": 2025, "day_of_year": 256}],
)
def date_from_day_of_year(p: DayOfYear) -> dict:
    if p.day_of_year == 366 and not cal.isleap(p.year):
        raise ToolInputError(f"{p.year} has only 365 days")
    day = dt.date(p.year, 1, 1) + dt.timedelta(days=p.day_of_year - 1)
    return {"date": day.isoformat(), "weekday": weekday_name(day)}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="Where a year sits in time: its century and millennium as English ordinals ('21st century'), its "
    "decade ('2020s') and the year's position within its century.",
    outputs={
        "century": Output(
            "label",
            "the century of the year {year}",
            asks=(
                "Which century is {year} in? Answer with an ordinal, like '14th century'.",
                "In which century does {year} fall?",
            ),
            askable=False,
        ),
        "millennium": Output(
            "label",
            "the millennium of the year {year}",
            asks=(
                "Which millennium is {year} in? Answer with an ordinal, like '1st millennium'.",
                "In which millennium does {year} fall?",
            ),
            askable=False,
        ),
        "decade": Output(
            "label",
            "the decade of the year {year}",
            asks=(
                "Which decade is {year} in? Answer in the form '1870s'.",
                "To which decade does {year} belong?",
            ),
            askable=False,
        ),
    },
    examples=[{"year": 2025}, {"year": 2000}],
)
def year_era_info(p: YearParam) -> dict:
    engine = inflect_engine()
    century = (p.year - 1) // 100 + 1
    millennium = (p.year - 1) // 1000 + 1
    return {
        "century": f"{engine.ordinal(century)} century",
        "millennium": f"{engine.ordinal(millennium)} millennium",
        "decade": f"{p.year // 10 * 10}s",
    }


class DateSpanWeekday(BaseModel):
    start_date: str = date_field("First date (YYYY-MM-DD), included.")
    end_date: str = Field(
        description="Last date (YYYY-MM-DD), included.",
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        json_schema_extra=port("date", samples=["2025-12-31", "2024-12-31", "2000-12-31", "1969-12-31", "2026-12-31"]),
    )
    weekday: Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] = Field(
        description="Day of the week to count.",
        json_schema_extra=port("weekday", samples=["Monday", "Friday", "Sunday", "Wednesday", "Saturday"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="How many times a weekday occurs between two dates (both included), and the first occurrence.",
    outputs={
        "occurrences": Output(
            "count",
            "the number of {weekday}s from {start_date} to {end_date}",
            asks=(
                "How many {weekday}s are there from {start_date} to {end_date}, both included?",
                "Counting both ends, how many {weekday}s fall between {start_date} and {end_date}?",
                "I have a class every {weekday} from {start_date} to {end_date} inclusive. How many classes is that?",
            ),
            measure="number of occurrences of the weekday",
        ),
        "first_occurrence": Output(
            "date",
            "the first {weekday} from {start_date} to {end_date}",
            asks=(
                "Which is the first {weekday} between {start_date} and {end_date}? Give the date.",
                "On which date is the first {weekday} from {start_date} to {end_date}?",
            ),
        ),
    },
    examples=[{"start_date": "2025-03-14", "end_date": "2025-12-31", "weekday": "Monday"}],
)
def weekday_count_between(p: DateSpanWeekday) -> dict:
    start, end = parse_date(p.start_date), parse_date(p.end_date)
    if end < start:
        raise ToolInputError("end_date is before start_date")
    target = _WEEKDAYS.index(p.weekday)
    first = start + dt.timedelta(days=(target - start.weekday()) % 7)
    count = 0 if first > end else (end - first).days // 7 + 1
    return {"occurrences": count, "first_occurrence": first.isoformat() if first <= end else None}
