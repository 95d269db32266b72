"""Date tools: adding days or calendar months, days and weekdays between two dates, calendar facts of a date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.general.common import DOMAIN
from tool_catalog.ports import port
from tool_catalog.quantities import ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATE_SAMPLES = ["2024-02-29", "2025-01-01", "2023-07-14", "2000-01-01", "2019-10-31", "2026-03-15"]


def _parse_date(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ToolInputError(f"{name} {value!r} is not a valid calendar date (YYYY-MM-DD)") from None


def _date_field(description: str, samples: list[str] = _DATE_SAMPLES) -> Any:
    return Field(description=description, pattern=_DATE_PATTERN, json_schema_extra=port("date", samples=samples))


class DateShift(BaseModel):
    date: str = _date_field("Start date in ISO format YYYY-MM-DD.")
    days: int = Field(
        description="Number of days to add (negative to go back).",
        ge=-1_000_000,
        le=1_000_000,
        json_schema_extra=port("integer", quantity=quantity("day"), samples=[1, 7, 10, 30, 90, 100, 365, 1000]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Add a number of days to a date (negative days go back) and return the resulting ISO date.",
    outputs={
        "date": Output(
            "date",
            "the date {days} days after {date}",
            asks=("What date is {days} days after {date}?", "Which date falls {days} days after {date}?"),
            # a week or a year later is counted on a calendar at a glance (365 days after 22 November 2017)
            worth=lambda args, _out: (
                abs(int(args.get("days", 0))) > 31  # 30 days after 22 March is a month on
                and int(args.get("days", 0)) % 7 != 0
                and abs(int(args.get("days", 0))) not in (365, 366)
            ),
        )
    },
    examples=[{"date": "2024-02-28", "days": 2}, {"date": "2025-01-01", "days": -1}],
)
def date_add_days(p: DateShift) -> dict:
    start = _parse_date(p.date, "date")
    try:
        return {"date": (start + dt.timedelta(days=p.days)).isoformat()}
    except OverflowError:
        raise ToolInputError(f"{p.date} plus {p.days} days falls outside years 1-9999") from None


class MonthShift(BaseModel):
    date: str = _date_field("Start date in ISO format YYYY-MM-DD.")
    months: int = Field(
        description="Number of calendar months to add (negative to go back).",
        ge=-100_000,
        le=100_000,
        json_schema_extra=port("integer", quantity=quantity("month"), samples=[18, 30, 7, 42, 15, 27]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-dateutil",
    description="Add calendar months to a date; the day is clipped to the end of a shorter month "
    "(2024-01-31 plus 1 month is 2024-02-29).",
    outputs={
        "date": Output(
            "date",
            "the date {months} calendar months after {date}",
            asks=(
                "What date is {months} calendar months after {date}?",
                "Which date comes {months} months after {date}?",
            ),
            askable=False,
        )
    },
    examples=[{"date": "2024-01-31", "months": 1}, {"date": "2023-11-15", "months": 3}],
)
def date_add_months(p: MonthShift) -> dict:
    from dateutil.relativedelta import relativedelta

    start = _parse_date(p.date, "date")
    try:
        return {"date": (start + relativedelta(months=p.months)).isoformat()}
    except (OverflowError, ValueError):
        raise ToolInputError(f"{p.date} plus {p.months} months falls outside years 1-9999") from None


class DatePair(BaseModel):
    start_date: str = _date_field(
        "First date (YYYY-MM-DD).", ["2024-01-01", "2000-01-01", "2023-03-15", "2019-07-04", "2025-06-30"]
    )
    end_date: str = _date_field(
        "Second date (YYYY-MM-DD).", ["2024-12-25", "2025-01-01", "2026-02-14", "2024-07-04", "2030-01-01"]
    )


def _weekdays_between(start: dt.date, end: dt.date) -> int:
    """Monday-Friday days in [start, end), negative when end precedes start (as numpy.busday_count)."""
    if end < start:
        return -_weekdays_between(end, start)
    total = (end - start).days
    weeks, rest = divmod(total, 7)
    first = start.weekday()
    return weeks * 5 + sum(1 for i in range(rest) if (first + i) % 7 < 5)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Count the days from start_date to end_date (negative if end_date is earlier) and the "
    "weekdays (Monday-Friday) in that span, counting start_date but not end_date.",
    outputs={
        "days": Output(
            "number",
            "the number of days from {start_date} to {end_date}",
            asks=(
                "How many days are there from {start_date} to {end_date}?",
                "How many days pass between {start_date} and {end_date}?",
            ),
            measure="number of days",
            quantity=quantity("day", "ratio", additive=True),
        ),
        "weekdays": Output(
            "number",
            "the number of weekdays (Monday to Friday) from {start_date} up to but excluding {end_date}",
            asks=(
                "How many weekdays (Monday to Friday) are there from {start_date} up to but not including {end_date}?",
                "Counting Monday to Friday only, how many days are there from {start_date} until {end_date}, "
                "not counting {end_date} itself?",
            ),
            measure="number of weekdays",
            quantity=quantity("day", "ratio", additive=True),
        ),
    },
    examples=[
        {"start_date": "2024-01-01", "end_date": "2024-12-25"},
        {"start_date": "2025-03-10", "end_date": "2025-03-03"},
    ],
)
def days_between_dates(p: DatePair) -> dict:
    start, end = _parse_date(p.start_date, "start_date"), _parse_date(p.end_date, "end_date")
    return {"days": (end - start).days, "weekdays": _weekdays_between(start, end)}


class SingleDate(BaseModel):
    date: str = _date_field("Date in ISO format YYYY-MM-DD.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Calendar facts of a date: English weekday name, ISO week number, day of the year, quarter and "
    "whether its year is a leap year.",
    outputs={
        "weekday": Output(
            "weekday",
            "the day of the week of {date}",
            asks=("What day of the week is {date}?", "On which day of the week does {date} fall?"),
        ),
        "iso_week": Output(
            "integer",
            "the ISO 8601 week number of {date}",
            asks=("In which ISO week of the year is {date}?", "What is the ISO 8601 week number of {date}?"),
            measure="ISO week number",
            quantity=ORDINAL,
        ),
        "day_of_year": Output(
            "integer",
            "the day of the year of {date}",
            asks=(
                "Which day of the year is {date}? (1 January is day 1.)",
                "What is the day-of-year number of {date}?",
            ),
            measure="day of the year",
            quantity=ORDINAL,
        ),
        "quarter": Output(
            "integer",
            "the calendar quarter of {date}",
            asks=(
                "In which calendar quarter is {date}? Answer 1 to 4.",
                "Which quarter of the year does {date} fall in (1-4)?",
            ),
            measure="calendar quarter",
            quantity=ORDINAL,
            askable=False,
        ),
        "is_leap_year": Output(
            "boolean",
            "whether the year of {date} is a leap year",
            asks=("Does {date} fall in a leap year?", "Is the year of {date} a leap year?"),
            askable=False,
        ),
    },
    examples=[{"date": "2024-02-29"}, {"date": "2021-01-03"}],
)
def date_weekday(p: SingleDate) -> dict:
    import calendar

    day = _parse_date(p.date, "date")
    return {
        "weekday": calendar.day_name[day.weekday()],
        "iso_week": day.isocalendar().week,
        "day_of_year": day.timetuple().tm_yday,
        "quarter": (day.month - 1) // 3 + 1,
        "is_leap_year": calendar.isleap(day.year),
    }
