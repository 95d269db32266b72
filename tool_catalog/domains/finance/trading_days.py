"""Business-day arithmetic on exchange calendars (exchange_calendars): sessions between two dates, session
offsets such as T+2, early closes of a year, the first and last sessions of a month, and the financial-market
holidays of the holidays package."""

from __future__ import annotations

import calendar as cal
import datetime as dt

from pydantic import BaseModel, Field

from tool_catalog.domains.finance import common
from tool_catalog.domains.finance.common import DAYS, DOMAIN, date_field, mic_field, session_day, year_field
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, ORDINAL
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


class ExchangeSpan(BaseModel):
    exchange_code: str = mic_field()
    start_date: str = date_field(
        "First date (YYYY-MM-DD).", ["2024-01-02", "2024-03-01", "2023-06-01", "2025-01-02", "2020-03-02"]
    )
    end_date: str = date_field(
        "Last date (YYYY-MM-DD), included.", ["2024-12-31", "2024-03-31", "2023-06-30", "2025-06-30", "2020-03-31"]
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="exchange_calendars",
    description="Trading sessions of an exchange between two dates (both included), and the first and last session "
    "in that span.",
    outputs={
        "session_count": Output(
            "count",
            "the number of trading sessions of {exchange_code} from {start_date} to {end_date}",
            asks=(
                "How many trading days does {exchange_code} have from {start_date} to {end_date}, both included?",
                "Between {start_date} and {end_date}, how many sessions does {exchange_code} hold?",
                "I hold a position on {exchange_code} from {start_date} to {end_date}. Over how many trading "
                "sessions is that, counting both ends?",
            ),
            measure="number of trading sessions",
        ),
        "first_session": Output(
            "date",
            "the first trading session of {exchange_code} from {start_date} to {end_date}",
            asks=(
                "What is the first trading day of {exchange_code} between {start_date} and {end_date}? Give the date.",
                "From {start_date} to {end_date}, on which date does {exchange_code} first open for trading?",
            ),
            chain=False,
        ),
        "last_session": Output(
            "date",
            "the last trading session of {exchange_code} from {start_date} to {end_date}",
            asks=(
                "Which date is the last session of {exchange_code} between {start_date} and {end_date}?",
                "From {start_date} to {end_date}, on what date does {exchange_code} trade for the last time?",
            ),
            chain=False,
        ),
    },
    examples=[{"exchange_code": "XNYS", "start_date": "2024-01-02", "end_date": "2024-12-31"}],
)
def exchange_sessions_between(p: ExchangeSpan) -> dict:
    start = session_day(p.exchange_code, p.start_date, "start_date")
    end = session_day(p.exchange_code, p.end_date, "end_date")
    if end < start:
        raise ToolInputError("end_date must not be before start_date")
    sessions = common.calendar(p.exchange_code).sessions_in_range(start, end)
    return {
        "session_count": len(sessions),
        "first_session": sessions[0].date().isoformat() if len(sessions) else None,
        "last_session": sessions[-1].date().isoformat() if len(sessions) else None,
    }


class SessionOffset(BaseModel):
    exchange_code: str = mic_field()
    date: str = date_field(
        "Start date (YYYY-MM-DD).", ["2024-01-02", "2024-12-24", "2025-04-17", "2023-07-03", "2024-03-28"]
    )
    sessions: int = Field(
        description="Number of sessions to move (negative moves back), e.g. 2 for T+2.",
        ge=-2500,
        le=2500,
        json_schema_extra=port("integer", quantity=COUNT, samples=[2, 1, -5, 10, 20]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="exchange_calendars",
    description="The trading session a number of sessions after (or before) a date on an exchange, as used for "
    "settlement dates such as T+2.",
    outputs={
        "session": Output(
            "date",
            "the session {sessions} trading sessions after {date} on {exchange_code}",
            asks=(
                "On {exchange_code}, which session comes {sessions} trading sessions after {date}? Give the date.",
                "A trade on {exchange_code} on {date} settles {sessions} sessions later. On what date does it settle?",
            ),
            worth=lambda args, _out: int(args.get("sessions", 0)) >= 2,  # "T+2", not "T+1 sessions" or "T-5 later"
        ),
        "calendar_days": Output(
            "integer",
            "the calendar days from {date} to {sessions} sessions later on {exchange_code}",
            asks=(
                "On {exchange_code}, how many calendar days lie between {date} and the date {sessions} trading "
                "sessions later?",
                "A trade on {exchange_code} on {date} settles {sessions} sessions later. How many calendar days does "
                "settlement take?",
            ),
            measure="calendar days to settlement",
            quantity=DAYS,
            worth=lambda args, _out: int(args.get("sessions", 0)) >= 2,
        ),
    },
    examples=[{"exchange_code": "XNYS", "date": "2024-12-24", "sessions": 2}],
)
def exchange_session_offset(p: SessionOffset) -> dict:
    stamp = session_day(p.exchange_code, p.date)
    calendar = common.calendar(p.exchange_code)
    base = calendar.date_to_session(stamp, direction="previous")
    try:
        target = calendar.session_offset(base, p.sessions)
    except Exception:
        raise ToolInputError("the offset runs past the sessions available for this exchange") from None
    return {"session": target.date().isoformat(), "calendar_days": (target.date() - stamp.date()).days}


class ExchangeYear(BaseModel):
    exchange_code: str = mic_field()
    year: int = year_field("Calendar year.", [2024, 2025, 2023, 2020, 2019])


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="Early-close sessions of an exchange in a year (days it closes before its regular time): how many "
    "and their dates.",
    outputs={
        "early_close_count": Output(
            "count",
            "the number of early-close sessions of {exchange_code} in {year}",
            asks=(
                "How many days does {exchange_code} close early in {year}?",
                "How many shortened trading sessions does {exchange_code} have in {year}?",
            ),
            measure="number of early closes",
        ),
        "early_closes": Output(
            "string_list",
            "the early-close session dates of {exchange_code} in {year}",
            asks=(
                "On which dates in {year} does {exchange_code} close early? List them.",
                "List the shortened trading days of {exchange_code} in {year}, as dates.",
            ),
            measure="early-close dates",
        ),
    },
    examples=[{"exchange_code": "XNYS", "year": 2024}],
)
def exchange_early_closes(p: ExchangeYear) -> dict:
    calendar = common.calendar(p.exchange_code)
    closes = [d for d in calendar.early_closes if d.year == p.year]
    if not (calendar.first_session.year <= p.year <= calendar.last_session.year):
        raise ToolInputError(f"{p.year} is outside the sessions available for {p.exchange_code}")
    return {"early_close_count": len(closes), "early_closes": [d.date().isoformat() for d in closes]}


class ExchangeMonth(BaseModel):
    exchange_code: str = mic_field()
    year: int = year_field("Calendar year.", [2024, 2025, 2023, 2020, 2019, 2024, 2025, 2022])
    month: int = Field(
        description="Month number 1-12.",
        ge=1,
        le=12,
        json_schema_extra=port("month", quantity=ORDINAL, samples=[1, 3, 12, 6, 9, 11, 4, 7]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="The first and last trading sessions of an exchange in a month (month-end settlement and index "
    "rebalancing dates).",
    outputs={
        "first_session": Output(
            "date",
            "the first trading session of {exchange_code} in {month} {year}",
            asks=(
                "What is the first trading day of {exchange_code} in {month} {year}? Give the date.",
                "On which date does {exchange_code} hold its first session of {month} {year}?",
            ),
            chain=False,
        ),
        "last_session": Output(
            "date",
            "the last trading session of {exchange_code} in {month} {year}",
            asks=(
                "Which date is the last trading session of {exchange_code} in {month} {year}?",
                "For month-end settlement: on what date does {exchange_code} trade for the last time in month "
                "{month} of {year}?",
            ),
            chain=False,
        ),
    },
    examples=[{"exchange_code": "XNYS", "year": 2024, "month": 3}],
)
def exchange_month_sessions(p: ExchangeMonth) -> dict:
    import pandas as pd

    calendar = common.calendar(p.exchange_code)
    first = pd.Timestamp(dt.date(p.year, p.month, 1))
    last = pd.Timestamp(dt.date(p.year, p.month, cal.monthrange(p.year, p.month)[1]))
    if first < calendar.first_session or last > calendar.last_session:
        raise ToolInputError(f"month {p.year}-{p.month:02d} is outside the sessions available for {p.exchange_code}")
    sessions = calendar.sessions_in_range(first, last)
    if not len(sessions):
        raise ToolInputError(f"{p.exchange_code} has no session in {p.year}-{p.month:02d}")
    return {"first_session": sessions[0].date().isoformat(), "last_session": sessions[-1].date().isoformat()}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Whether the financial-market holiday calendar of the holidays package covers an exchange (NYSE, "
    "LSE, TARGET2 ...) and how many market holidays it lists in a year there.",
    outputs={
        "market_holiday_count": Output(
            "count",
            "the number of market holidays of {exchange_code} in {year}",
            asks=(
                "How many market holidays does {exchange_code} observe in {year}?",
                "On how many holidays is {exchange_code} closed during {year}?",
            ),
            measure="number of market holidays",
            # weekend days and unscheduled closures mixed in: market_holidays_in_year asks the count that says so
            askable=False,
        ),
        "first_market_holiday": Output(
            "date",
            "the first market holiday of {exchange_code} in {year}",
            asks=(
                "What is the first market holiday of {exchange_code} in {year}? Give the date.",
                "When is {exchange_code} first closed for a holiday in {year}?",
            ),
            chain=False,
        ),
    },
    examples=[{"exchange_code": "XNYS", "year": 2024}],
)
def financial_market_holidays(p: ExchangeYear) -> dict:
    import holidays

    if p.exchange_code not in holidays.list_supported_financial():
        raise ToolInputError(f"the holidays package has no financial calendar for {p.exchange_code}")
    days = sorted(holidays.financial_holidays(p.exchange_code, years=p.year))
    return {"market_holiday_count": len(days), "first_market_holiday": days[0].isoformat() if days else None}
