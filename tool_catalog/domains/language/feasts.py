"""Feasts and festivals by year (python-dateutil, convertdate, holidays): Easter, the Jewish holidays, the
movable Christian feasts, the Islamic festivals and Ramadan, and the Lunar New Year.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from pydantic import BaseModel, Field

from tool_catalog.domains.language.common import DOMAIN, TABULAR_ISLAMIC, YEAR_SAMPLES, YearParam
from tool_catalog.names import weekday_name
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_FEAST_YEAR_SAMPLES = [2025, 2024, 2000, 1999, 2030, 1961]


class EasterYear(BaseModel):
    year: int = Field(
        description="Gregorian year (1583-4099).",
        ge=1583,
        le=4099,
        json_schema_extra=port("year", samples=_FEAST_YEAR_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-dateutil",
    description="Dates of Easter Sunday in a Gregorian year (python-dateutil): Western (Catholic and Protestant) "
    "Easter and Orthodox Easter, both given as Gregorian dates.",
    outputs={
        "western_easter": Output(
            "date",
            "the date of Western Easter Sunday in {year}",
            asks=(
                "When is Easter Sunday in {year}? Give the date.",
                "On which date does Western Easter fall in {year}?",
                "What is the date of Catholic and Protestant Easter in {year}?",
            ),
        ),
        "orthodox_easter": Output(
            "date",
            "the Gregorian date of Orthodox Easter Sunday in {year}",
            asks=(
                "When is Orthodox Easter in {year}? Give the Gregorian date.",
                "On which Gregorian date do Orthodox Christians celebrate Easter in {year}?",
            ),
        ),
    },
    examples=[{"year": 2025}, {"year": 2024}],
)
def easter_dates(p: EasterYear) -> dict:
    from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

    return {
        "western_easter": easter(p.year, EASTER_WESTERN).isoformat(),
        "orthodox_easter": easter(p.year, EASTER_ORTHODOX).isoformat(),
    }


class FeastYear(BaseModel):
    year: int = Field(
        description="Gregorian year (1000-2998).",
        ge=1000,
        le=2998,
        json_schema_extra=port("year", samples=_FEAST_YEAR_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Gregorian dates of the first day of the main Jewish holidays in a Gregorian year, from the Hebrew "
    "calendar (convertdate); each begins at sunset on the evening before: Rosh Hashanah (1 Tishri), Yom Kippur "
    "(10 Tishri), the first day of Hanukkah (25 Kislev), Purim (14 Adar, Adar II in leap years) and Passover "
    "(15 Nisan).",
    outputs={
        "rosh_hashanah": Output(
            "date",
            "the date of Rosh Hashanah in {year}",
            asks=(
                "When is Rosh Hashanah in {year}? Give the date of its first full day.",
                "On which date does the Jewish New Year fall in {year} (the day after it begins at sunset)?",
            ),
        ),
        "yom_kippur": Output(
            "date",
            "the date of Yom Kippur in {year}",
            asks=(
                "When is Yom Kippur in {year}? Give the date of the full day.",
                "On which date is Yom Kippur observed in {year} (the day after it begins at sunset)?",
            ),
        ),
        "hanukkah": Output(
            "date",
            "the date of the first day of Hanukkah in {year}",
            asks=(
                "When is the first day of Hanukkah in {year}? Give the date of the first full day.",
                "On which date does Hanukkah start in {year}, counting its first full day?",
            ),
        ),
        "purim": Output(
            "date",
            "the date of Purim in {year}",
            asks=(
                "When is Purim in {year}? Give the date of the full day.",
                "On which date is Purim celebrated in {year} (the day after it begins at sunset)?",
            ),
        ),
        "passover": Output(
            "date",
            "the date of the first day of Passover in {year}",
            asks=(
                "When is the first day of Passover in {year}? Give the date of the first full day.",
                "On which date does Passover begin in {year}, counting its first full day?",
            ),
        ),
    },
    examples=[{"year": 2025}, {"year": 2024}],
)
def jewish_holidays(p: FeastYear) -> dict:
    from convertdate import hebrew

    spring = p.year + hebrew.HEBREW_YEAR_OFFSET  # the Hebrew year whose Nisan falls in this spring
    autumn = spring + 1  # the Hebrew year that begins with Tishri this autumn

    def day(y: int, m: int, d: int) -> str:
        return dt.date(*hebrew.to_gregorian(y, m, d)).isoformat()

    return {
        "rosh_hashanah": day(autumn, hebrew.TISHRI, 1),
        "yom_kippur": day(autumn, hebrew.TISHRI, 10),
        "hanukkah": day(autumn, hebrew.KISLEV, 25),
        "purim": day(spring, hebrew.VEADAR if hebrew.leap(spring) else hebrew.ADAR, 14),
        "passover": day(spring, hebrew.NISAN, 15),
    }


class ChristianYear(BaseModel):
    year: int = Field(
        description="Gregorian year (1583-4099).",
        ge=1583,
        le=4099,
        json_schema_extra=port("year", samples=YEAR_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-dateutil",
    description="Movable Western Christian feasts of a year, counted from Gregorian Easter (dateutil): Ash "
    "Wednesday, Palm Sunday, Ascension, Pentecost and Corpus Christi, plus the first Sunday of Advent.",
    outputs={
        "ash_wednesday": Output(
            "date",
            "the date of Ash Wednesday in {year}",
            asks=(
                "When is Ash Wednesday in {year}? Give the date.",
                "On which date does Lent begin in {year}?",
            ),
        ),
        "palm_sunday": Output(
            "date",
            "the date of Palm Sunday in {year}",
            asks=(
                "When is Palm Sunday in {year}? Give the date.",
                "On which date does Holy Week begin in {year}?",
            ),
        ),
        "ascension": Output(
            "date",
            "the date of Ascension Day in {year}",
            asks=(
                "When is Ascension Day in {year}? Give the date.",
                "On which date is Ascension Thursday in {year} in the Western churches?",
            ),
        ),
        "pentecost": Output(
            "date",
            "the date of Pentecost in {year}",
            asks=(
                "When is Pentecost in {year}? Give the date.",
                "On which date is Whit Sunday in {year}?",
            ),
        ),
        "corpus_christi": Output(
            "date",
            "the date of Corpus Christi in {year}",
            asks=(
                "When is Corpus Christi in {year}? Give the date.",
                "On which Thursday is the feast of Corpus Christi in {year}?",
            ),
        ),
        "advent_sunday": Output(
            "date",
            "the date of the first Sunday of Advent in {year}",
            asks=(
                "When is the first Sunday of Advent in {year}? Give the date.",
                "On which date does Advent begin in {year}?",
            ),
        ),
    },
    examples=[{"year": 2025}],
)
def movable_feasts(p: ChristianYear) -> dict:
    from dateutil.easter import easter

    e = easter(p.year)
    christmas = dt.date(p.year, 12, 25)
    advent = christmas - dt.timedelta(days=christmas.weekday() + 1 + 21)
    offsets = {"ash_wednesday": -46, "palm_sunday": -7, "ascension": 39, "pentecost": 49, "corpus_christi": 60}
    out = {k: (e + dt.timedelta(days=v)).isoformat() for k, v in offsets.items()}
    out["advent_sunday"] = advent.isoformat()
    return out


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Eid al-Fitr (1 Shawwal) and Eid al-Adha (10 Dhu al-Hijjah) falling in a Gregorian year, by the "
    "arithmetical Islamic calendar (observed dates can differ by a day with moon sighting), and the Islamic New "
    "Year.",
    outputs={
        "eid_al_fitr": Output(
            "date",
            "the first date of Eid al-Fitr in {year} by the arithmetical Islamic calendar",
            asks=(
                "On which date does Eid al-Fitr fall in {year}? If there are two, give the first.",
                "When is Eid al-Fitr in {year}? Give the date of the first one that year.",
            ),
            source=TABULAR_ISLAMIC,
        ),
        "eid_al_adha": Output(
            "date",
            "the first date of Eid al-Adha in {year} by the arithmetical Islamic calendar",
            asks=(
                "On which date does Eid al-Adha fall in {year}? If there are two, give the first.",
                "When is Eid al-Adha in {year}? Give the date of the first one that year.",
            ),
            source=TABULAR_ISLAMIC,
        ),
        "islamic_new_year": Output(
            "date",
            "the first Islamic New Year in {year} by the arithmetical Islamic calendar",
            asks=(
                "When does the Islamic New Year (1 Muharram) fall in {year}? If there are two, give the first.",
                "On which date does the first Hijri year beginning in {year} start?",
            ),
            source=TABULAR_ISLAMIC,
        ),
    },
    examples=[{"year": 2025}],
)
def islamic_festivals(p: YearParam) -> dict:
    from convertdate import islamic

    start_year = islamic.from_gregorian(p.year, 1, 1)[0]

    def first(month: int, day: int) -> str | None:
        for y in (start_year, start_year + 1, start_year + 2):
            g = dt.date(*islamic.to_gregorian(y, month, day))
            if g.year == p.year:
                return g.isoformat()
        return None

    return {"eid_al_fitr": first(10, 1), "eid_al_adha": first(12, 10), "islamic_new_year": first(1, 1)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="The date of the Lunar New Year (Chinese Spring Festival) in a Gregorian year from the Chinese "
    "public-holiday calendar of the holidays package, and its weekday.",
    outputs={
        "lunar_new_year": Output(
            "date",
            "the date of the Lunar New Year in {year}",
            asks=(
                "When is Chinese New Year in {year}? Give the date.",
                "On which date does the Lunar New Year (Spring Festival) fall in {year}?",
                "I'm planning a trip to China: on which date is the Spring Festival in {year}?",
            ),
        ),
        "weekday": Output(
            "weekday",
            "the weekday of the Lunar New Year in {year}",
            asks=(
                "On which day of the week is Chinese New Year in {year}?",
                "What weekday does the Lunar New Year fall on in {year}?",
            ),
        ),
    },
    examples=[{"year": 2025}],
)
def lunar_new_year(p: YearParam) -> dict:
    if not 1950 <= p.year <= 2099:
        raise ToolInputError("the Chinese holiday calendar covers 1950-2099")
    day = _spring_festival(p.year)
    if day is None:
        raise ToolInputError(f"no Spring Festival found in {p.year}")
    return {"lunar_new_year": day.isoformat(), "weekday": weekday_name(day)}


@cache
def _spring_festival(year: int) -> dt.date | None:
    import holidays

    # From 2025 (and in 2008-2013) China's holidays start on Chinese New Year's Eve, and a day off in lieu is
    # "(observed)": the New Year itself is the first day named exactly for the Spring Festival.
    for day, name in sorted(holidays.country_holidays("CN", years=year, language="en_US").items()):
        if str(name).startswith("Chinese New Year (Spring Festival)") and "observed" not in str(name):
            return day
    return None


class RamadanYear(BaseModel):
    year: int = Field(
        description="Gregorian year (1000-2999).",
        ge=1000,
        le=2999,
        json_schema_extra=port("year", samples=YEAR_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="convertdate",
    description="Ramadan by the arithmetical Islamic calendar: the first Ramadan starting in a Gregorian year, its "
    "first and last days and its length (observed dates can differ by a day with moon sighting).",
    outputs={
        "ramadan_start": Output(
            "date",
            "the first day of the first Ramadan starting in {year}",
            asks=(
                "When does Ramadan start in {year}? Give the date of its first day.",
                "On which date is the first day of the first Ramadan beginning in {year}?",
            ),
            source=TABULAR_ISLAMIC,
        ),
        "ramadan_end": Output(
            "date",
            "the last day of the first Ramadan starting in {year}",
            asks=(
                "What is the last day of the Ramadan that begins in {year}? If two begin that year, take the first.",
                "When does the first Ramadan starting in {year} end? Give the date of its last day.",
            ),
            source=TABULAR_ISLAMIC,
        ),
        "ramadan_days": Output(
            "count",
            "the number of days of the first Ramadan starting in {year}",
            asks=(
                "How many days does Ramadan last in {year}?",
                "Is the first Ramadan starting in {year} 29 or 30 days long? Give the number of days.",
            ),
            measure="length of Ramadan",
            quantity=quantity("day", additive=True),
            source=TABULAR_ISLAMIC,
        ),
    },
    examples=[{"year": 2025}],
)
def ramadan_dates(p: RamadanYear) -> dict:
    from convertdate import islamic

    start_year = islamic.from_gregorian(p.year, 1, 1)[0]
    for y in (start_year, start_year + 1, start_year + 2):
        first = dt.date(*islamic.to_gregorian(y, 9, 1))
        if first.year == p.year:
            length = int(islamic.month_length(y, 9))
            return {
                "ramadan_start": first.isoformat(),
                "ramadan_end": (first + dt.timedelta(days=length - 1)).isoformat(),
                "ramadan_days": length,
            }
    raise ToolInputError(f"no Ramadan starts in {p.year}")
