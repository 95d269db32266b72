"""Stock exchange calendars (exchange_calendars, ISO 10383 MICs): an exchange's time zone and regular hours, its
session status, hours and session counts around a date, its market holidays of a year (the holidays package's
financial calendars), and the exchanges trading in a time zone."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.finance.common import (
    DOMAIN,
    calendar,
    calendar_bounds,
    date_field,
    exchange_codes,
    mic_field,
    parse_date,
    session_day,
    year_field,
)
from tool_catalog.ports import port
from tool_catalog.quantities import ADDITIVE_COUNT, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


def _iso_day(stamp: Any) -> str:
    return stamp.date().isoformat()


def _in_force(schedule: Any) -> dt.time | None:
    """The time of day in force at the end of the calendar span from an exchange_calendars schedule."""
    return schedule[-1][1] if schedule else None


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


class ExchangeCode(BaseModel):
    exchange_code: str = mic_field()


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="Trading calendar facts of an exchange given by ISO 10383 MIC: its IANA time zone, the regular "
    "opening and closing times in local time, the length of a regular session in hours, and whether it has a "
    "lunch break.",
    outputs={
        "timezone": Output(
            "timezone",
            "the time zone of {exchange_code}",
            at="at {exchange_code}",
            asks=(
                "In which time zone does {exchange_code} trade? Give the IANA zone name.",
                "Which IANA time zone do the trading hours of {exchange_code} follow?",
            ),
            source="the exchange trading calendars",
            avoid=("exchanges_in_timezone",),  # the exchanges of its own zone list the exchange itself
        ),
        "regular_open": Output(
            "label",
            "the regular local opening time of {exchange_code}",
            asks=(
                "At what local time does {exchange_code} open on a regular trading day? Answer as HH:MM (24-hour).",
                "When does the regular session of {exchange_code} start, in local time (HH:MM)?",
            ),
        ),
        "regular_close": Output(
            "label",
            "the regular local closing time of {exchange_code}",
            asks=(
                "At what local time does {exchange_code} close on a regular trading day? Answer as HH:MM (24-hour).",
                "When does the closing bell ring at {exchange_code} on a normal day, in local time (HH:MM)?",
            ),
        ),
        "session_hours": Output(
            "number",
            "the length in hours of a regular trading session (lunch break excluded) of {exchange_code}",
            asks=(
                "How many hours does a regular trading session at {exchange_code} last, not counting any lunch break?",
                "How long is a normal trading day at {exchange_code}, in hours, not counting any lunch break?",
                "For how many hours a day can I trade on {exchange_code} on a regular day, lunch break excluded?",
            ),
            measure="length of a regular trading session",
            quantity=quantity("hour"),
        ),
        "has_lunch_break": Output(
            "boolean",
            "whether {exchange_code} has a lunch break in its trading sessions",
            asks=(
                "Does {exchange_code} pause trading for a lunch break?",
                "Is it true that {exchange_code} has a midday break in its trading sessions?",
            ),
        ),
    },
    examples=[{"exchange_code": "XNYS"}, {"exchange_code": "XTKS"}],
)
def exchange_calendar_info(p: ExchangeCode) -> dict:
    cal = calendar(p.exchange_code)
    open_t, close_t = _in_force(cal.open_times), _in_force(cal.close_times)
    minutes = _minutes(close_t) - _minutes(open_t)
    if minutes <= 0:
        minutes += 24 * 60
    break_start, break_end = _in_force(cal.break_start_times), _in_force(cal.break_end_times)
    has_break = break_start is not None and break_end is not None
    if has_break:
        minutes -= _minutes(break_end) - _minutes(break_start)
    return {
        "timezone": str(cal.tz),
        "regular_open": open_t.strftime("%H:%M"),
        "regular_close": close_t.strftime("%H:%M"),
        "session_hours": round(minutes / 60, 2),
        "has_lunch_break": has_break,
    }


class ExchangeDate(BaseModel):
    exchange_code: str = mic_field()
    date: str = date_field(
        "Date (YYYY-MM-DD) between 2000-01-01 and 2030-12-31.",
        ["2025-11-27", "2025-12-26", "2024-03-29", "2025-05-01", "2024-07-04", "2025-01-02"],
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="Whether an exchange (ISO 10383 MIC) holds a trading session on a date, and its previous and next "
    "sessions strictly before and after that date (calendar span 2000-2030).",
    outputs={
        "is_session": Output(
            "boolean",
            "whether {exchange_code} is open for trading on {date}",
            asks=(
                "Is {exchange_code} open for trading on {date}?",
                "Does {exchange_code} hold a trading session on {date}?",
                "Can I buy shares on {exchange_code} on {date}, or is the market closed?",
            ),
        ),
        "previous_session": Output(
            "date",
            "the date of the last trading session of {exchange_code} before {date}",
            asks=(
                "What was the last trading day on {exchange_code} before {date}? Give the date.",
                "Which date was the previous session of {exchange_code} before {date}?",
            ),
            chain=False,
        ),
        "next_session": Output(
            "date",
            "the date of the first trading session of {exchange_code} after {date}",
            asks=(
                "When is the next trading session on {exchange_code} after {date}? Give the date.",
                "After {date}, on which date does {exchange_code} next open for trading?",
            ),
            chain=False,
        ),
    },
    examples=[{"exchange_code": "XNYS", "date": "2025-11-27"}, {"exchange_code": "XLON", "date": "2025-12-26"}],
)
def exchange_session_status(p: ExchangeDate) -> dict:
    stamp = session_day(p.exchange_code, p.date)
    cal = calendar(p.exchange_code)
    try:
        if cal.is_session(stamp):
            previous, following = cal.previous_session(stamp), cal.next_session(stamp)
            open_day = True
        else:
            previous, following = cal.date_to_session(stamp, "previous"), cal.date_to_session(stamp, "next")
            open_day = False
    except Exception as exc:  # exchange_calendars raises its own bounds errors at the calendar's ends
        raise ToolInputError(f"{p.exchange_code} has no session before or after {p.date} in its calendar span") from exc
    return {"is_session": open_day, "previous_session": _iso_day(previous), "next_session": _iso_day(following)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="Opening and closing times (UTC) of an exchange's first trading session on or after a date, its "
    "length in hours (lunch break excluded) and whether it is an early close (e.g. the day after Thanksgiving at "
    "XNYS).",
    outputs={
        "session_date": Output(
            "date",
            "the date of the first trading session of {exchange_code} on or after {date}",
            asks=(
                "What is the first trading day of {exchange_code} on or after {date}? Give the date.",
                "I need to trade on {exchange_code} on {date} or as soon as possible after. On what date can I?",
            ),
            chain=False,
        ),
        "open_utc": Output(
            "datetime",
            "the UTC opening time of the first trading session of {exchange_code} on or after {date}",
            asks=(
                "At what time in UTC does {exchange_code} open for its first session on or after {date}? Give the "
                "date and time in ISO 8601.",
                "When, in UTC, does trading start at {exchange_code} on {date}, or at its next session if it is "
                "closed that day?",
            ),
        ),
        "close_utc": Output(
            "datetime",
            "the UTC closing time of the first trading session of {exchange_code} on or after {date}",
            asks=(
                "At what time in UTC does {exchange_code} close in its first session on or after {date}? Give the "
                "date and time in ISO 8601.",
                "When, in UTC, does trading end at {exchange_code} on {date}, or at its next session if it is "
                "closed that day?",
            ),
        ),
        "trading_hours": Output(
            "number",
            "the trading hours of the first session of {exchange_code} on or after {date}",
            asks=(
                "How many hours does {exchange_code} trade on {date}, or in its next session if closed that day, "
                "lunch break excluded?",
                "How many hours does {exchange_code} trade on its first trading day on or after {date}?",
            ),
            measure="length of the trading session",
            quantity=quantity("hour"),
        ),
        "is_early_close": Output(
            "boolean",
            "whether the first trading session of {exchange_code} on or after {date} closes early",
            asks=(
                "Does {exchange_code} close early on {date}, or in its next session if closed that day?",
                "Does {exchange_code} close early on its first trading day on or after {date}?",
            ),
        ),
    },
    examples=[{"exchange_code": "XNYS", "date": "2025-11-27"}, {"exchange_code": "XTKS", "date": "2025-03-03"}],
)
def exchange_session_hours(p: ExchangeDate) -> dict:
    stamp = session_day(p.exchange_code, p.date)
    cal = calendar(p.exchange_code)
    try:
        session = cal.date_to_session(stamp, "next")
    except Exception as exc:
        raise ToolInputError(f"{p.exchange_code} has no session on or after {p.date} in its calendar span") from exc
    opens, closes = cal.session_open(session), cal.session_close(session)
    seconds = (closes - opens).total_seconds()
    if cal.session_has_break(session):
        seconds -= (cal.session_break_end(session) - cal.session_break_start(session)).total_seconds()
    return {
        "session_date": _iso_day(session),
        "open_utc": opens.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "close_utc": closes.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "trading_hours": round(seconds / 3600, 2),
        "is_early_close": bool(session in cal.early_closes),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="exchange_calendars",
    description="Count the trading sessions of an exchange (ISO 10383 MIC) in the calendar month and in the calendar "
    "year that contain a date, and the early-closing sessions of that year (calendar span 2000-2030).",
    outputs={
        "month_sessions": Output(
            "count",
            "the number of trading sessions of {exchange_code} in the calendar month of {date}",
            asks=(
                "How many trading sessions does {exchange_code} hold in the calendar month of {date}?",
                "In the month that contains {date}, on how many days is {exchange_code} open for trading?",
            ),
            measure="number of trading sessions in the month",
            askable=False,
        ),
        "year_sessions": Output(
            "count",
            "the number of trading sessions of {exchange_code} in the calendar year of {date}",
            asks=(
                "How many trading days does {exchange_code} have in the calendar year of {date}?",
                "In the year that contains {date}, how many sessions does {exchange_code} hold?",
            ),
            measure="number of trading sessions in the year",
            askable=False,
        ),
        "year_early_closes": Output(
            "count",
            "the number of early-closing sessions of {exchange_code} in the calendar year of {date}",
            asks=(
                "How many early-closing sessions does {exchange_code} have in the calendar year of {date}?",
                "In the year that contains {date}, on how many days does {exchange_code} close early?",
            ),
            measure="number of early closes in the year",
            askable=False,
        ),
    },
    examples=[{"exchange_code": "XNYS", "date": "2025-11-27"}, {"exchange_code": "XHKG", "date": "2024-02-09"}],
)
def exchange_session_counts(p: ExchangeDate) -> dict:
    import pandas as pd

    day = parse_date(p.date)
    cal = calendar(p.exchange_code)
    first_day, last_day = calendar_bounds(p.exchange_code)
    year_start, year_end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if year_start < first_day or year_end > last_day:
        raise ToolInputError(
            f"{p.exchange_code} sessions are available here only for whole years from {first_day.isoformat()} "
            f"to {last_day.isoformat()}; {day.year} is not covered"
        )
    # ranges are clipped to the calendar's first and last sessions (its last day may be a holiday: XTKS 2030-12-31)
    month_start = max(pd.Timestamp(day.replace(day=1)), cal.first_session)
    month_end = min(pd.Timestamp(day.replace(day=1)) + pd.offsets.MonthEnd(0), cal.last_session)
    year = cal.sessions_in_range(
        max(pd.Timestamp(year_start), cal.first_session), min(pd.Timestamp(year_end), cal.last_session)
    )
    early = cal.early_closes
    return {
        "month_sessions": int(cal.sessions_in_range(month_start, month_end).size),
        "year_sessions": int(year.size),
        "year_early_closes": int(early[(early >= year[0]) & (early <= year[-1])].size) if year.size else 0,
    }


@cache
def _financial_markets() -> frozenset[str]:
    """MICs with a market-holiday calendar in holidays that exchange_calendars also knows (aliases included)."""
    import exchange_calendars as xc
    import holidays

    mics = {n for n in xc.get_calendar_names(include_aliases=True) if len(n) == 4 and n.isalpha() and n.isupper()}
    codes = holidays.list_supported_financial()
    return frozenset(c for c in codes if c in mics and (c.startswith("X") or c in exchange_codes()))


class ExchangeYear(BaseModel):
    exchange_code: str = mic_field()
    year: int = year_field("Calendar year, e.g. 2025.", [2025, 2024, 2023, 2020, 2018, 2012])


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Weekdays a stock exchange (ISO 10383 MIC, e.g. XNYS, XLON, XHKG) is closed all day in a year, "
    "holidays and unscheduled closures (a typhoon, a day of mourning) alike, from the holidays package's financial "
    "calendars: their number, names and the date of the last one in the year.",
    outputs={
        "holiday_count": Output(
            "count",
            "the number of weekdays {exchange_code} is closed all day in {year}",
            asks=(
                "On how many weekdays is {exchange_code} closed all day in {year}, holidays and unscheduled closures "
                "included?",
                "Counting holidays and any unscheduled full-day closures, how many weekdays does {exchange_code} "
                "lose in {year}?",
            ),
            measure="number of weekdays closed",
            quantity=ADDITIVE_COUNT,
        ),
        "holiday_names": Output(
            "string_list",
            "the list of weekday market closures of {exchange_code} in {year}, in date order",
            asks=(
                "List the weekday market holidays and full-day closures of {exchange_code} in {year}, in date order.",
                "For which holidays or events is {exchange_code} closed all day on a weekday in {year}? List their "
                "names in calendar order.",
            ),
            measure="weekday closures",
        ),
        "last_holiday": Output(
            "date",
            "the date of the last market holiday of {exchange_code} in {year}",
            asks=(
                "What is the last market holiday of {exchange_code} in {year}? Give the date.",
                "When does {exchange_code} close for the last holiday of {year}?",
            ),
            chain=False,
            askable=False,  # Christmas or Boxing Day nearly everywhere: guessed, not looked up
        ),
    },
    examples=[{"exchange_code": "XNYS", "year": 2025}],
)
def market_holidays_in_year(p: ExchangeYear) -> dict:
    import holidays

    if p.exchange_code not in _financial_markets():
        raise ToolInputError(
            f"no market-holiday calendar for {p.exchange_code!r}; known: {', '.join(sorted(_financial_markets()))}"
        )
    calendar = holidays.financial_holidays(p.exchange_code, years=p.year, language=None)
    if "en_US" in calendar.supported_languages:
        calendar = holidays.financial_holidays(p.exchange_code, years=p.year, language="en_US")
    days = sorted(d for d in calendar if d.year == p.year and d.weekday() not in calendar.weekend)
    if not days:
        raise ToolInputError(f"no weekday market closures recorded for {p.exchange_code} in {p.year}")
    return {
        "holiday_count": len(days),
        "holiday_names": [str(calendar[d]) for d in days],
        "last_holiday": days[-1].isoformat(),
    }


class ZoneParam(BaseModel):
    timezone: str = Field(
        description="IANA time zone name, e.g. 'America/New_York'.",
        pattern=r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$",
        max_length=40,
        json_schema_extra=port(
            "timezone", samples=["America/New_York", "Europe/London", "Asia/Tokyo", "Europe/Paris", "Asia/Hong_Kong"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="The exchanges whose trading calendar runs in a given IANA time zone (exchange_calendars): how "
    "many, their ISO 10383 MICs, and the first alphabetically.",
    outputs={
        "exchange_count": Output(
            "count",
            "the number of exchanges trading in {timezone}",
            asks=(
                "How many stock exchanges keep their trading hours in {timezone}?",
                "How many exchanges trade on the clock of {timezone}?",
            ),
            measure="number of exchanges",
            source="the exchange trading calendars",
            askable=False,  # a count over whichever exchanges a calendar source covers: no one asks it
        ),
        "exchanges": Output(
            "string_list",
            "the MICs of the exchanges trading in {timezone}",
            asks=(
                "Which exchanges keep their trading hours in {timezone}? List their ISO 10383 MICs.",
                "List the market identifier codes (MICs) of the exchanges that trade in {timezone}.",
            ),
            measure="exchanges",
            source="the exchange trading calendars",
            askable=False,  # whichever exchanges a calendar source covers (Tokyo's zone has Osaka and Nagoya too)
        ),
        "first_exchange": Output(
            "exchange_code",
            "the first exchange, by MIC, trading in {timezone}",
            source="the exchange trading calendars",
            askable=False,
        ),
    },
    examples=[{"timezone": "America/New_York"}],
)
def exchanges_in_timezone(p: ZoneParam) -> dict:
    import exchange_calendars as xc

    factories = xc.calendar_utils._default_calendar_factories
    codes = sorted(c for c in exchange_codes() if str(factories[c].tz) == p.timezone)
    if not codes:
        raise ToolInputError(f"no exchange calendar runs in the time zone {p.timezone!r}")
    return {"exchange_count": len(codes), "exchanges": codes, "first_exchange": codes[0]}
