"""Calendar conversions (convertdate): Gregorian to and from the Hebrew, Islamic, Julian and Persian
calendars, the Coptic, Maya, Indian, Baha'i, French Republican, Armenian and positivist calendars, and facts about
Hebrew and Islamic years and months and leap years.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.language.common import (
    DOMAIN,
    MAX_DATE,
    MIN_DATE,
    TABULAR_ISLAMIC,
    GregorianDate,
    YearParam,
    parse_date,
    ymd,
)
from tool_catalog.names import weekday_name
from tool_catalog.ports import port
from tool_catalog.quantities import ORDINAL, quantity
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError

_CAL_DATE_PATTERN = r"^\d{1,4}-\d{1,2}-\d{1,2}$"


def _split_calendar_date(value: str, calendar: str) -> tuple[int, int, int]:
    y, m, d = (int(part) for part in value.split("-"))
    if m < 1 or d < 1:
        raise ToolInputError(f"{calendar} date {value!r} has a month or day below 1")
    return y, m, d


def _gregorian(y: int, m: int, d: int, original: str) -> dt.date:
    day = dt.date(y, m, d)
    if not MIN_DATE <= day <= MAX_DATE:
        raise ToolInputError(f"{original} falls outside Gregorian years 1000-2999")
    return day


@tool(
    inverse="hebrew_to_gregorian",
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a Gregorian date to the Hebrew calendar (convertdate). The date is year-month-day with "
    "months numbered from Nisan = 1 (Tishri = 7, Adar = 12, Adar II = 13 in leap years); also the month name and "
    "whether the Hebrew year is a leap year (13 months).",
    outputs={
        "hebrew_date": Output(
            "hebrew_date",
            "the Hebrew calendar date corresponding to {date}",
            asks=(
                "What is {date} in the Hebrew calendar? Give year-month-day, with months counted from Nisan = 1.",
                "Convert {date} to the Hebrew calendar, written year-month-day (Nisan = 1, Tishri = 7).",
                "Which Hebrew date corresponds to {date}? Answer as year-month-day with Nisan as month 1.",
            ),
        ),
        "month_name": Output(
            "label",
            "the name of the Hebrew month in which {date} falls",
            asks=(
                "In which Hebrew month does {date} fall?",
                "What is the Hebrew calendar month on {date}?",
            ),
        ),
        "is_leap_year": Output(
            "boolean",
            "whether the Hebrew year containing {date} is a leap year",
            asks=(
                "Does {date} fall in a Hebrew leap year?",
                "Is the Hebrew year that contains {date} a leap year with 13 months?",
            ),
        ),
    },
    examples=[{"date": "2025-03-14"}, {"date": "2024-03-24"}],
)
def gregorian_to_hebrew(p: GregorianDate) -> dict:
    from convertdate import hebrew

    day = parse_date(p.date)
    y, m, d = hebrew.from_gregorian(day.year, day.month, day.day)
    leap = bool(hebrew.leap(y))
    return {"hebrew_date": ymd(y, m, d), "month_name": _hebrew_month_name(y, m), "is_leap_year": leap}


def _hebrew_month_name(year: int, month: int) -> str:
    from convertdate import hebrew

    if month == 12 and hebrew.leap(year):
        return "Adar I"
    return "Adar II" if month == 13 else hebrew.MONTHS[month - 1]


class HebrewDate(BaseModel):
    hebrew_date: str = Field(
        description="Hebrew date as year-month-day, months numbered from Nisan = 1 (Tishri = 7), e.g. '5786-01-15'.",
        pattern=_CAL_DATE_PATTERN,
        json_schema_extra=port(
            "hebrew_date", samples=["5786-01-15", "5785-07-01", "5785-12-14", "5784-09-25", "5760-10-01"]
        ),
    )


@tool(
    inverse="gregorian_to_hebrew",
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a Hebrew calendar date (year-month-day, months numbered from Nisan = 1, Tishri = 7, "
    "Adar II = 13) to the Gregorian date (convertdate); the Hebrew day begins at the previous sunset.",
    outputs={
        "date": Output(
            "date",
            "the Gregorian date corresponding to {hebrew_date}",
            asks=(
                "What Gregorian date is {hebrew_date} (months counted from Nisan = 1)? Give the date.",
                "Convert {hebrew_date}, with Nisan as month 1, to the Gregorian calendar.",
                "On which Gregorian date does {hebrew_date} fall (Nisan = month 1)?",
            ),
        )
    },
    examples=[{"hebrew_date": "5786-01-15"}, {"hebrew_date": "5785-07-01"}],
)
def hebrew_to_gregorian(p: HebrewDate) -> dict:
    from convertdate import hebrew

    y, m, d = _split_calendar_date(p.hebrew_date, "Hebrew")
    if not 4000 <= y <= 7000:
        raise ToolInputError(f"Hebrew year {y} is outside the supported range 4000-7000")
    if m > hebrew.year_months(y):
        raise ToolInputError(f"Hebrew year {y} has only {hebrew.year_months(y)} months, not {m}")
    if d > hebrew.month_length(y, m):
        raise ToolInputError(f"month {m} of Hebrew year {y} has only {hebrew.month_length(y, m)} days, not {d}")
    return {"date": _gregorian(*hebrew.to_gregorian(y, m, d), p.hebrew_date).isoformat()}


@tool(
    inverse="islamic_to_gregorian",
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a Gregorian date to the arithmetical (tabular) Islamic Hijri calendar with convertdate: "
    "year-month-day (Muharram = 1, Ramadan = 9) and the month name. Observed dates may differ by a day or two.",
    outputs={
        "islamic_date": Output(
            "islamic_date",
            "the Islamic (Hijri) calendar date corresponding to {date}",
            asks=(
                "What is {date} in the Islamic (Hijri) calendar? Give year-month-day.",
                "Convert {date} to the Hijri calendar, written year-month-day (Muharram = 1).",
            ),
            source=TABULAR_ISLAMIC,
        ),
        "month_name": Output(
            "label",
            "the name of the Islamic month in which {date} falls",
            asks=(
                "In which Islamic month does {date} fall?",
                "Which Hijri month is it on {date}?",
            ),
            source=TABULAR_ISLAMIC,
        ),
    },
    examples=[{"date": "2025-03-14"}, {"date": "2000-01-01"}],
)
def gregorian_to_islamic(p: GregorianDate) -> dict:
    from convertdate import islamic

    day = parse_date(p.date)
    y, m, d = islamic.from_gregorian(day.year, day.month, day.day)
    return {"islamic_date": ymd(y, m, d), "month_name": islamic.MONTHS[m - 1]}


class IslamicDate(BaseModel):
    islamic_date: str = Field(
        description="Islamic (Hijri) date as year-month-day, Muharram = 1, Ramadan = 9, e.g. '1446-09-01'.",
        pattern=_CAL_DATE_PATTERN,
        json_schema_extra=port(
            "islamic_date", samples=["1446-09-01", "1447-01-01", "1446-10-01", "1420-12-10", "1445-09-27"]
        ),
    )


@tool(
    inverse="gregorian_to_islamic",
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a date of the arithmetical (tabular) Islamic Hijri calendar (year-month-day, Muharram = 1, "
    "Ramadan = 9) to the Gregorian date with convertdate.",
    outputs={
        "date": Output(
            "date",
            "the Gregorian date corresponding to {islamic_date}",
            asks=(
                "What Gregorian date is {islamic_date}? Give the date.",
                "Convert {islamic_date} (Muharram = 1, Ramadan = 9) to the Gregorian calendar.",
                "On which Gregorian date does {islamic_date} fall?",
            ),
            source=TABULAR_ISLAMIC,
        )
    },
    examples=[{"islamic_date": "1446-09-01"}, {"islamic_date": "1447-01-01"}],
)
def islamic_to_gregorian(p: IslamicDate) -> dict:
    from convertdate import islamic

    y, m, d = _split_calendar_date(p.islamic_date, "Islamic")
    if not 400 <= y <= 2500:
        raise ToolInputError(f"Islamic year {y} is outside the supported range 400-2500")
    if m > 12:
        raise ToolInputError(f"the Islamic calendar has 12 months, not {m}")
    if d > islamic.month_length(y, m):
        raise ToolInputError(f"month {m} of Islamic year {y} has only {islamic.month_length(y, m)} days, not {d}")
    return {"date": _gregorian(*islamic.to_gregorian(y, m, d), p.islamic_date).isoformat()}


@tool(
    inverse="julian_to_gregorian",
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Express a Gregorian date in other calendars with convertdate: the Julian calendar, the Persian "
    "(Solar Hijri) calendar, the Coptic calendar (all year-month-day) and the Maya Long Count.",
    outputs={
        "julian_date": Output(
            "julian_date",
            "the Julian calendar date corresponding to {date}",
            asks=(
                "What is {date} in the Julian calendar? Give year-month-day.",
                "Convert {date} to the Old Style (Julian) calendar, written year-month-day.",
            ),
        ),
        "persian_date": Output(
            "persian_date",
            "the Persian (Solar Hijri) calendar date corresponding to {date}",
            asks=(
                "What is {date} in the Persian (Solar Hijri) calendar? Give year-month-day.",
                "Convert {date} to the Iranian Solar Hijri calendar, written year-month-day.",
            ),
        ),
        "coptic_date": Output(
            "label",
            "the Coptic calendar date corresponding to {date}",
            asks=(
                "What is {date} in the Coptic calendar? Give year-month-day.",
                "Convert {date} to the Coptic calendar, written year-month-day.",
            ),
        ),
        "maya_long_count": Output(
            "label",
            "the Maya Long Count corresponding to {date}",
            asks=(
                "What is the Maya Long Count for {date}?",
                "Write {date} in the Maya Long Count (baktun.katun.tun.uinal.kin).",
            ),
        ),
    },
    examples=[{"date": "2025-03-14"}, {"date": "2012-12-21"}],
)
def date_in_other_calendars(p: GregorianDate) -> dict:
    from convertdate import coptic, julian, mayan, persian

    day = parse_date(p.date)
    g = (day.year, day.month, day.day)
    return {
        "julian_date": ymd(*julian.from_gregorian(*g)),
        "persian_date": ymd(*persian.from_gregorian(*g)),
        "coptic_date": ymd(*coptic.from_gregorian(*g)),
        "maya_long_count": ".".join(str(part) for part in mayan.from_gregorian(*g)),
    }


_CALENDARS = [
    (
        "indian_civil",
        "Indian national (Saka) calendar",
        "indian_civil_date",
        "the Indian national calendar date of {date}",
        (
            "What is {date} in the Indian national (Saka) calendar? Give year-month-day.",
            "Convert {date} to the Indian national calendar, written year-month-day (Chaitra = 1).",
        ),
    ),
    (
        "bahai",
        "Baha'i (Badi) calendar",
        "bahai_date",
        "the Baha'i calendar date of {date}",
        (
            "What is {date} in the Baháʼí (Badíʻ) calendar? Give year-month-day.",
            "Convert {date} to the Baháʼí calendar, written year-month-day (Bahá = 1).",
        ),
    ),
    (
        "french_republican",
        "French Republican calendar",
        "french_republican_date",
        "the French Republican calendar date of {date}",
        (
            "What is {date} in the French Republican calendar? Give year-month-day.",
            "Convert {date} to the French Revolutionary calendar, written year-month-day (Vendémiaire = 1).",
        ),
    ),
    (
        "armenian",
        "Armenian calendar",
        "armenian_date",
        "the Armenian calendar date of {date}",
        (
            "What is {date} in the traditional Armenian calendar? Give year-month-day.",
            "Convert {date} to the old Armenian calendar (Nawasard = 1), written year-month-day.",
        ),
    ),
    (
        "positivist",
        "Positivist calendar of Auguste Comte",
        "positivist_date",
        "the Positivist calendar date of {date}",
        (
            "What is {date} in Auguste Comte's Positivist calendar? Give year-month-day.",
            "Convert {date} to the Positivist calendar, written year-month-day (Moses = 1).",
        ),
    ),
]


_UNIFIED_BADI = dt.date(2015, 3, 21)
"""Naw-Rúz 172 BE, from which the Badíʻ calendar starts each year at the equinox as seen in Tehran (what convertdate
computes for every year). Before it the year began on 21 March."""


def _bahai_fixed_nawruz(day: dt.date) -> tuple[int, int, int]:
    """A Badíʻ date before 172 BE: years from 21 March 1844, nineteen months of 19 days, Ayyám-i-Há (month 19) up to
    ʻAlá (month 20), the 19 days before the next 21 March."""
    start = day.year if (day.month, day.day) >= (3, 21) else day.year - 1
    nawruz, next_nawruz = dt.date(start, 3, 21), dt.date(start + 1, 3, 21)
    n = (day - nawruz).days
    ala = next_nawruz - dt.timedelta(days=19)
    if n < 18 * 19:
        return start - 1843, n // 19 + 1, n % 19 + 1
    if day >= ala:
        return start - 1843, 20, (day - ala).days + 1
    return start - 1843, 19, n - 18 * 19 + 1


def _regular_badi_month(arguments: dict[str, Any], output: dict[str, Any]) -> bool:
    """A Badíʻ date of one of the nineteen months since the calendar's unification: Ayyám-i-Há has no month number
    everyone agrees on, and dates before 172 BE follow a rule readers dispute."""
    month = str(output.get("date_in_calendar", "")).split("-")[1:2]
    return parse_date(str(arguments.get("date", ""))) >= _UNIFIED_BADI and month != [] and int(month[0]) <= 18


def _convert_to(module_name: str) -> Any:
    def run(p: GregorianDate) -> dict:
        import importlib

        module = importlib.import_module(f"convertdate.{module_name}")
        day = parse_date(p.date)
        if module_name == "bahai" and day < _UNIFIED_BADI:
            return {"date_in_calendar": "-".join(str(x) for x in _bahai_fixed_nawruz(day))}
        try:
            parts = module.from_gregorian(day.year, day.month, day.day)
        except (ValueError, IndexError) as exc:
            raise ToolInputError(f"{p.date} cannot be expressed in that calendar: {exc}") from None
        return {"date_in_calendar": "-".join(str(x) for x in parts[:3])}

    return run


for _module, _title, _field, _phrase, _asks in _CALENDARS:
    add_tool(
        f"gregorian_to_{_module}",
        GregorianDate,
        _convert_to(_module),
        domain=DOMAIN,
        kind="processing",
        package="convertdate",
        description=f"Convert a Gregorian date to the {_title} (convertdate), written year-month-day.",
        outputs={
            "date_in_calendar": Output(
                "label", _phrase, asks=_asks, worth=_regular_badi_month if _module == "bahai" else None
            )
        },
        examples=[{"date": "2025-03-14"}],
    )


class JulianCalendarDate(BaseModel):
    julian_date: str = Field(
        description="Date in the Julian calendar as year-month-day, e.g. '1917-10-25'.",
        pattern=_CAL_DATE_PATTERN,
        json_schema_extra=port(
            "julian_date", samples=["1917-10-25", "1582-10-04", "2025-03-01", "1752-09-02", "1700-02-18"]
        ),
    )


@tool(
    inverse="date_in_other_calendars",
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a Julian-calendar date (Old Style) to the Gregorian calendar, and the days the two "
    "calendars differ by then.",
    outputs={
        "date": Output(
            "date",
            "the Gregorian date of {julian_date}",
            asks=(
                "What is {julian_date} in the Gregorian calendar? Give the date.",
                "Convert {julian_date} (Old Style) to the Gregorian calendar.",
                "A letter bears {julian_date} (Old Style): what is that date in New Style?",
            ),
        ),
        "offset_days": Output(
            "integer",
            "the days between {julian_date} and its Gregorian date",
            asks=(
                "By how many days did the Julian and Gregorian calendars differ on {julian_date}?",
                "How many days ahead of the Julian calendar was the Gregorian calendar at {julian_date}?",
            ),
            measure="difference between the Julian and Gregorian calendars",
            quantity=quantity("day"),
        ),
    },
    examples=[{"julian_date": "1917-10-25"}],
)
def julian_to_gregorian(p: JulianCalendarDate) -> dict:
    from convertdate import julian

    y, m, d = _split_calendar_date(p.julian_date, "Julian")
    try:
        g = julian.to_gregorian(y, m, d)
        day = _gregorian(*g, p.julian_date)
    except ValueError as exc:
        raise ToolInputError(f"invalid Julian date {p.julian_date!r}: {exc}") from None
    from convertdate import gregorian

    offset = int(julian.to_jd(y, m, d) - gregorian.to_jd(y, m, d))
    return {"date": day.isoformat(), "offset_days": offset}


class PersianCalendarDate(BaseModel):
    persian_date: str = Field(
        description="Date in the Persian (Solar Hijri) calendar as year-month-day, e.g. '1403-01-01'.",
        pattern=_CAL_DATE_PATTERN,
        json_schema_extra=port(
            "persian_date", samples=["1403-01-01", "1400-12-29", "1358-11-22", "1404-07-15", "1380-06-01"]
        ),
    )


@tool(
    inverse="date_in_other_calendars",
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Convert a Persian (Solar Hijri) calendar date to the Gregorian calendar and give its weekday "
    "(1403-01-01 is Nowruz 2024).",
    outputs={
        "date": Output(
            "date",
            "the Gregorian date of {persian_date}",
            asks=(
                "What is {persian_date} in the Gregorian calendar? Give the date.",
                "Convert {persian_date} from the Iranian calendar to the Gregorian calendar.",
            ),
        ),
        "weekday": Output(
            "weekday",
            "the weekday of {persian_date}",
            asks=(
                "What day of the week is {persian_date}?",
                "Which weekday falls on {persian_date}?",
            ),
        ),
    },
    examples=[{"persian_date": "1403-01-01"}],
)
def persian_to_gregorian(p: PersianCalendarDate) -> dict:
    from convertdate import persian

    y, m, d = _split_calendar_date(p.persian_date, "Persian")
    if m > 12 or d > 31:
        raise ToolInputError(f"{p.persian_date!r} has a month above 12 or a day above 31")
    try:
        day = _gregorian(*persian.to_gregorian(y, m, d), p.persian_date)
    except ValueError as exc:
        raise ToolInputError(f"invalid Persian date {p.persian_date!r}: {exc}") from None
    return {"date": day.isoformat(), "weekday": weekday_name(day)}


class HebrewYear(BaseModel):
    hebrew_year: int = Field(
        description="Year of the Hebrew calendar (anno mundi), e.g. 5785.",
        ge=4761,
        le=6760,
        json_schema_extra=port(
            "integer", quantity=quantity("year", "interval"), samples=[5785, 5784, 5786, 5760, 5800]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="A Hebrew calendar year: its length in days (353-385), whether it is a leap year with Adar I and "
    "II, and the Gregorian date of its Rosh Hashanah (1 Tishrei).",
    outputs={
        "days_in_year": Output(
            "count",
            "the number of days in Hebrew year {hebrew_year}",
            asks=(
                "How many days does Hebrew year {hebrew_year} have?",
                "How long is the Hebrew year {hebrew_year}, in days?",
            ),
            measure="length of the year",
            quantity=quantity("day", additive=True),
        ),
        "is_leap": Output(
            "boolean",
            "whether Hebrew year {hebrew_year} is a leap year",
            asks=(
                "Is Hebrew year {hebrew_year} a leap year?",
                "Does the Hebrew year {hebrew_year} have 13 months (Adar I and Adar II)?",
            ),
        ),
        "rosh_hashanah": Output(
            "date",
            "the Gregorian date of Rosh Hashanah of Hebrew year {hebrew_year}",
            asks=(
                "On which Gregorian date does Rosh Hashanah of Hebrew year {hebrew_year} fall? Give the date.",
                "When does the Hebrew year {hebrew_year} begin (1 Tishrei)? Give the Gregorian date.",
            ),
        ),
    },
    examples=[{"hebrew_year": 5785}],
)
def hebrew_year_info(p: HebrewYear) -> dict:
    from convertdate import hebrew

    return {
        "days_in_year": int(hebrew.year_days(p.hebrew_year)),
        "is_leap": bool(hebrew.leap(p.hebrew_year)),
        "rosh_hashanah": dt.date(*hebrew.to_gregorian(p.hebrew_year, 7, 1)).isoformat(),
    }


class IslamicMonth(BaseModel):
    islamic_year: int = Field(
        description="Year of the Islamic (Hijri) calendar, e.g. 1446.",
        ge=400,
        le=2000,
        json_schema_extra=port(
            "integer", quantity=quantity("year", "interval"), samples=[1446, 1445, 1447, 1420, 1500]
        ),
    )
    month: int = Field(
        description="Islamic month 1-12 (9 is Ramadan).",
        ge=1,
        le=12,
        json_schema_extra=port("islamic_month", quantity=ORDINAL, samples=[9, 1, 12, 10, 3]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="An Islamic (Hijri) month by the arithmetical calendar: the Gregorian dates of its first and last "
    "days and its length (29 or 30 days).",
    outputs={
        "first_day": Output(
            "date",
            "the Gregorian date of the first day of {month} {islamic_year} AH",
            asks=(
                "On which Gregorian date does {month} {islamic_year} AH begin? Give the date.",
                "When does {month} {islamic_year} AH start? Give the date.",
            ),
            source=TABULAR_ISLAMIC,
        ),
        "last_day": Output(
            "date",
            "the Gregorian date of the last day of {month} {islamic_year} AH",
            asks=(
                "On which Gregorian date does {month} {islamic_year} AH end? Give the date.",
                "What is the last day of {month} {islamic_year} AH, as a Gregorian date?",
            ),
            source=TABULAR_ISLAMIC,
        ),
        "length_days": Output(
            "count",
            "the number of days of {month} {islamic_year} AH",
            asks=(
                "How many days does {month} {islamic_year} AH have?",
                "Is {month} {islamic_year} AH 29 or 30 days long? Give the number of days.",
            ),
            measure="length of the month",
            quantity=quantity("day", additive=True),
            source=TABULAR_ISLAMIC,
        ),
    },
    examples=[{"islamic_year": 1446, "month": 9}],
)
def islamic_month_dates(p: IslamicMonth) -> dict:
    from convertdate import islamic

    length = int(islamic.month_length(p.islamic_year, p.month))
    first = dt.date(*islamic.to_gregorian(p.islamic_year, p.month, 1))
    return {
        "first_day": first.isoformat(),
        "last_day": (first + dt.timedelta(days=length - 1)).isoformat(),
        "length_days": length,
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Leap years in three calendars for the year that starts in a Gregorian year: whether the Gregorian "
    "year is leap, whether the Hebrew year beginning that autumn has a 13th month, and whether the Islamic year "
    "beginning in it has 355 days.",
    outputs={
        "gregorian_leap": Output(
            "boolean",
            "whether {year} is a Gregorian leap year",
            asks=(
                "Is {year} a leap year?",
                "Does February have 29 days in {year}?",
                "Is it true that {year} is a Gregorian leap year?",
            ),
        ),
        "hebrew_leap": Output(
            "boolean",
            "whether the Hebrew year beginning in {year} is a leap year",
            asks=(
                "Is the Hebrew year that begins in autumn {year} a leap year?",
                "Does the Hebrew year starting at Rosh Hashanah in {year} have 13 months?",
            ),
        ),
        "islamic_leap": Output(
            "boolean",
            "whether the first Islamic year beginning in {year} is a leap year",
            asks=(
                "Is the first Islamic year that begins in {year} a leap year of 355 days?",
                "Does the first Hijri year starting in {year} have 355 days?",
            ),
            source=TABULAR_ISLAMIC,
        ),
    },
    examples=[{"year": 2024}],
)
def calendar_leap_years(p: YearParam) -> dict:
    from convertdate import hebrew, islamic

    hebrew_year = hebrew.from_gregorian(p.year, 12, 31)[0]
    # the first Islamic year beginning in the Gregorian year (two begin in some years, e.g. 1429 and 1430 in 2008)
    year_on_jan_1, month, day = islamic.from_gregorian(p.year, 1, 1)
    islamic_year = year_on_jan_1 if (month, day) == (1, 1) else year_on_jan_1 + 1
    return {
        "gregorian_leap": cal.isleap(p.year),
        "hebrew_leap": bool(hebrew.leap(hebrew_year)),
        "islamic_leap": bool(islamic.leap(islamic_year)),
    }
