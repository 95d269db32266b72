"""Helpers shared by the science topic modules: DNA sequence fields and samples, the REBASE table, NCBI codon
tables, CODATA constant names, calendar dates and ephem observers, instants and the bright-star catalogue.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.ports import port
from tool_catalog.spec import ToolInputError

DOMAIN = "science"

REBASE = "the April 2024 REBASE"
"""The REBASE release Biopython ships (emboss files version 404): supplier and isoschizomer lists change between
releases."""

DNA_PATTERN = r"^[ACGTRYSWKMBDHVN]+$"
MAX_DNA = 20000

# pUC19 MCS, T7 / T3 / SP6 promoter primers, M13 forward (-20) and reverse primers, NotI site (REBASE).
DNA_SAMPLES = [
    "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT",
    "TAATACGACTCACTATAGGG",
    "AATTAACCCTCACTAAAGGG",
    "ATTTAGGTGACACTATAG",
    "GTAAAACGACGGCCAGT",
    "CAGGAAACAGCTATGAC",
    "GCGGCCGC",
]
_MIN_YEAR, _MAX_YEAR = 1900, 2100


def dna_field(description: str = "DNA sequence, 5'->3', upper-case IUPAC letters (A, C, G, T; N etc.).") -> Any:
    return Field(
        description=description,
        min_length=1,
        max_length=MAX_DNA,
        pattern=DNA_PATTERN,
        json_schema_extra=port("dna_sequence", samples=DNA_SAMPLES),
    )


@cache
def rebase() -> dict[str, dict]:
    from Bio.Restriction.Restriction_Dictionary import rest_dict

    return dict(rest_dict)


class DnaSequence(BaseModel):
    sequence: str = dna_field()


def codon_table(table: int) -> Any:
    from Bio.Data import CodonTable

    try:
        return CodonTable.unambiguous_dna_by_id[table]
    except KeyError:
        known = ", ".join(str(k) for k in sorted(CodonTable.unambiguous_dna_by_id))
        raise ToolInputError(f"no NCBI genetic code table {table}; known tables: {known}") from None


@cache
def current_constants() -> frozenset[str]:
    import scipy.constants

    return frozenset(scipy.constants.find())


BODIES = ("Sun", "Moon", "Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto")
_J2000 = "2000/1/1 12:00:00"


def date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ToolInputError(f"{text!r} is not a valid calendar date (YYYY-MM-DD)") from None
    if not _MIN_YEAR <= day.year <= _MAX_YEAR:
        raise ToolInputError(f"date {text} is outside the supported years {_MIN_YEAR}-{_MAX_YEAR}")
    return day


def ephem_date(day: dt.date, hours: float = 0.0) -> Any:
    import ephem

    return ephem.Date(ephem.Date((day.year, day.month, day.day)) + hours / 24.0)


def hms(angle: Any, hours: bool = True) -> str:
    """An ephem angle as h:mm:ss (d:mm:ss for ``hours=False``), rounded to the nearest second (an hour angle of
    23:59:59.7 is 0:00:00)."""
    text = str(angle)
    sign = "-" if text.startswith("-") else ""
    whole, minutes, seconds = text.lstrip("-").split(":")
    total = round(int(whole) * 3600 + int(minutes) * 60 + float(seconds))
    if hours and not sign:
        total %= 24 * 3600
    return f"{sign}{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"


@cache
def star_catalog() -> dict[str, tuple[float, str, float, float, str]]:
    """name -> (magnitude, constellation, RA radians, Dec radians, spectral type) at J2000."""
    import ephem
    import ephem.stars

    out = {}
    for name in sorted(ephem.stars.stars):
        star = ephem.star(name)
        star.compute(_J2000)
        out[name] = (float(star.mag), ephem.constellation(star)[1], float(star.a_ra), float(star.a_dec), star._spect)
    return out


def observer(latitude: float, longitude: float, when: Any) -> Any:
    import ephem

    obs = ephem.Observer()
    obs.lat, obs.lon = math.radians(latitude), math.radians(longitude)
    obs.date = when
    return obs


def observer_latitude(limit: int = 90) -> Any:
    return Field(
        description="Observer latitude in decimal degrees.",
        ge=-limit,
        le=limit,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=[51.5074, 40.7128, -33.8688, 35.6762, 48.8566]),
    )


NIGHT_SKY_TIMES = ["2025-01-01T22:00", "2024-08-12T02:00", "2025-03-20T20:30", "2024-12-24T23:00", "2025-06-21T21:00"]


def utc_instant(samples: list[str]) -> Any:
    return Field(
        description="Instant in UTC as YYYY-MM-DDTHH:MM.",
        pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$",
        json_schema_extra=port("datetime", samples=samples),
    )


def observer_longitude() -> Any:
    return Field(
        description="Observer longitude in decimal degrees.",
        ge=-180,
        le=180,
        allow_inf_nan=False,
        json_schema_extra=port("longitude", samples=[-0.1278, -74.006, 151.2093, 139.6503, 2.3522]),
    )


def instant(text: str) -> Any:
    try:
        moment = dt.datetime.strptime(text, "%Y-%m-%dT%H:%M")
    except ValueError:
        raise ToolInputError(f"{text!r} is not a valid date and time (YYYY-MM-DDTHH:MM)") from None
    date(text[:10])
    return ephem_date(moment.date(), moment.hour + moment.minute / 60)
