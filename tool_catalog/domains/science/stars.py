"""The bright-star catalogue and the constellations (ephem): star data, the brightest star of a constellation,
altitude and visibility for an observer, separations between stars, and the constellation at a point of the sky.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.science.common import (
    DOMAIN,
    NIGHT_SKY_TIMES,
    hms,
    instant,
    observer,
    observer_latitude,
    observer_longitude,
    star_catalog,
    utc_instant,
)
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

ANGLE = quantity("degree", "interval")
"""A signed angle from a reference (altitude, declination, azimuth): differences only."""
MAGNITUDE = quantity("dimensionless", "interval")
HIPPARCOS = "the Hipparcos catalogue"
BRIGHT_STARS = "a catalogue of 115 bright stars"


class StarName(BaseModel):
    star: str = Field(
        description="Name of a bright star in ephem's catalogue, e.g. 'Sirius', 'Polaris', 'Rigil Kentaurus'.",
        pattern=r"^[A-Z][A-Za-z ]{2,30}$",
        json_schema_extra=port("star_name", samples=["Sirius", "Vega", "Betelgeuse", "Polaris", "Antares", "Deneb"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="ephem",
    description="Catalogue data of a bright star (ephem's Hipparcos-based catalogue): constellation, visual "
    "magnitude, spectral type and J2000 right ascension and declination.",
    outputs={
        "constellation": Output(
            "constellation",
            "the constellation containing {star}",
            asks=(
                "In which constellation is {star}?",
                "Which constellation does {star} belong to?",
                "I'm trying to find {star} tonight. Which constellation should I look for?",
            ),
        ),
        "magnitude": Output(
            "number",
            "the visual magnitude of {star}",
            asks=(
                "What is the apparent visual magnitude of {star}?",
                "How bright is {star}? Give its visual magnitude.",
            ),
            measure="apparent magnitude",
            quantity=MAGNITUDE,
            source=HIPPARCOS,
        ),
        "spectral_type": Output(
            "label",
            "the spectral type of {star}",
            asks=("What is the spectral type of {star}?", "To which spectral class does {star} belong?"),
            source=HIPPARCOS,
        ),
        "right_ascension": Output(
            "label",
            "the J2000 right ascension (h:m:s) of {star}",
            asks=(
                "What is the J2000 right ascension of {star}? Give hours:minutes:seconds.",
                "At what right ascension (J2000, h:m:s) does {star} lie?",
            ),
        ),
        "declination_deg": Output(
            "number",
            "the J2000 declination in degrees of {star}",
            asks=(
                "What is the J2000 declination of {star}, in degrees?",
                "How far north or south of the celestial equator is {star}? Give its J2000 declination in degrees.",
            ),
            measure="declination",
            quantity=ANGLE,
        ),
    },
    examples=[{"star": "Sirius"}, {"star": "Polaris"}],
)
def star_info(p: StarName) -> dict:
    import ephem

    entry = star_catalog().get(p.star)
    if entry is None:
        raise ToolInputError(f"{p.star!r} is not in ephem's bright-star catalogue")
    mag, constellation, ra, dec, spect = entry
    return {
        "constellation": constellation,
        "magnitude": round(mag, 2),
        "spectral_type": spect,
        "right_ascension": hms(ephem.hours(ra)),
        "declination_deg": round(math.degrees(dec), 4),
    }


@cache
def _constellations() -> dict[str, str]:
    """Lower-case name -> name of every constellation ephem knows (found by scanning the sky on a 1° grid)."""
    import ephem

    names = set()
    for ra in range(360):
        for dec in range(-89, 90):
            names.add(ephem.constellation((math.radians(ra), math.radians(dec)))[1])
    return {n.lower(): n for n in sorted(names)}


class ConstellationName(BaseModel):
    constellation: str = Field(
        description="English (Latin) name of a constellation, e.g. 'Orion', 'Ursa Major', 'Canis Major'.",
        pattern=r"^[A-Za-z ]{3,30}$",
        json_schema_extra=port("constellation", samples=["Orion", "Ursa Major", "Scorpius", "Lyra", "Cygnus"]),
    )


def _first_magnitude(out: dict[str, Any]) -> bool:
    """Whether a constellation's brightest catalogue star is bright enough (magnitude 1.6 or less) that no star
    missing from a 115-star catalogue could outshine it: Aquarius's brightest there, Sadalmelik at 2.95, is not
    (Sadalsuud is brighter)."""
    magnitude = out.get("magnitude")
    return isinstance(magnitude, int | float) and magnitude <= 1.6


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="ephem",
    description="Brightest star of a constellation among the 115 bright stars of ephem's catalogue (lowest "
    "magnitude; a star listed under two names is reported by the alphabetically first), with the catalogue stars "
    "that lie in it.",
    outputs={
        "brightest_star": Output(
            "star_name",
            "the brightest catalogued star in {constellation}",
            asks=("What is the brightest star in {constellation}?", "Which star of {constellation} shines brightest?"),
            source=BRIGHT_STARS,
            avoid=("star_separation",),
            worth=lambda _args, out: _first_magnitude(out),
        ),
        "magnitude": Output(
            "number",
            "the visual magnitude of the brightest catalogued star in {constellation}",
            asks=(
                "What is the visual magnitude of the brightest star in {constellation}?",
                "How bright is the brightest star of {constellation}? Give its apparent magnitude.",
            ),
            measure="magnitude of the brightest star",
            quantity=MAGNITUDE,
            source=BRIGHT_STARS,
            worth=lambda _args, out: _first_magnitude(out),
        ),
        # Names, not stars: the catalogue lists some stars twice (Adara and Adhara, Fomalhaut and the misspelt
        # Formalhaut, Agena and Hadar), so these answer no question about a constellation.
        "stars": Output(
            "string_list", "the list of bright-star catalogue names that lie in {constellation}", askable=False
        ),
        "star_count": Output(
            "count",
            "the number of bright-star catalogue names that lie in {constellation}",
            quantity=COUNT,
            askable=False,
        ),
    },
    examples=[{"constellation": "Orion"}, {"constellation": "Lyra"}],
)
def brightest_star_in_constellation(p: ConstellationName) -> dict:
    name = _constellations().get(p.constellation.strip().lower())
    if name is None:
        raise ToolInputError(f"{p.constellation!r} is not a constellation name ephem knows")
    members = {star: entry for star, entry in star_catalog().items() if entry[1] == name}
    if not members:
        raise ToolInputError(f"no star of ephem's bright-star catalogue lies in {name}")
    best = min(members, key=lambda s: (members[s][0], s))
    return {
        "brightest_star": best,
        "magnitude": round(members[best][0], 2),
        "stars": sorted(members),
        "star_count": len(members),
    }


class StarAtPlace(BaseModel):
    star: str = Field(
        description="Name of a bright star in ephem's catalogue, e.g. 'Sirius'.",
        pattern=r"^[A-Z][A-Za-z ]{2,30}$",
        json_schema_extra=port("star_name", samples=["Sirius", "Vega", "Betelgeuse", "Polaris", "Antares"]),
    )
    latitude: float = observer_latitude(90)
    longitude: float = observer_longitude()
    datetime_utc: str = utc_instant(NIGHT_SKY_TIMES)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Where a bright star stands in the sky for an observer at a UTC instant: altitude and azimuth "
    "(degrees), and whether it is above the horizon.",
    outputs={
        "altitude_deg": Output(
            "number",
            "the altitude of {star} seen from {latitude}, {longitude} at {datetime_utc} UTC",
            asks=(
                "How high above the horizon is {star}, in degrees, seen from {latitude}, {longitude} at "
                "{datetime_utc} (UTC)?",
                "What is the altitude of {star} at {datetime_utc} (UTC) for an observer at {latitude}, {longitude}? "
                "Give degrees, negative if below the horizon.",
            ),
            measure="altitude",
            quantity=ANGLE,
        ),
        "azimuth_deg": Output(
            "number",
            "the azimuth of {star} seen from {latitude}, {longitude} at {datetime_utc} UTC",
            asks=(
                "At {datetime_utc} (UTC), in which compass direction does {star} lie from {latitude}, {longitude}, "
                "above or below the horizon? Give the azimuth in degrees, from north through east.",
                "What is the azimuth of {star} for an observer at {latitude}, {longitude} at {datetime_utc} (UTC), in "
                "degrees?",
            ),
            measure="azimuth",
            quantity=ANGLE,
            worth=lambda _args, out: float(out.get("altitude_deg") or 0) > 0,  # where to look, when it is up
        ),
        "is_visible": Output(
            "boolean",
            "whether {star} is above the horizon at {latitude}, {longitude} at {datetime_utc} UTC",
            asks=(
                "Is {star} above the horizon at {latitude}, {longitude} at {datetime_utc} (UTC)?",
                "Could an observer at {latitude}, {longitude} see {star} above the horizon at {datetime_utc} (UTC)?",
            ),
        ),
    },
    examples=[{"star": "Sirius", "latitude": 51.5074, "longitude": -0.1278, "datetime_utc": "2025-01-01T22:00"}],
)
def star_altitude(p: StarAtPlace) -> dict:
    import ephem
    import ephem.stars

    if p.star not in star_catalog():
        raise ToolInputError(f"{p.star!r} is not in ephem's bright-star catalogue")
    obs = observer(p.latitude, p.longitude, instant(p.datetime_utc))
    star = ephem.star(p.star)
    star.compute(obs)
    alt = math.degrees(float(star.alt))
    return {"altitude_deg": round(alt, 2), "azimuth_deg": round(math.degrees(float(star.az)), 2), "is_visible": alt > 0}


class StarLatitude(BaseModel):
    star: str = Field(
        description="Name of a bright star in ephem's catalogue, e.g. 'Canopus'.",
        pattern=r"^[A-Z][A-Za-z ]{2,30}$",
        json_schema_extra=port("star_name", samples=["Canopus", "Polaris", "Sirius", "Acrux", "Vega"]),
    )
    latitude: float = observer_latitude(90)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Visibility of a star from a latitude (J2000 declination): whether it is circumpolar (never sets), "
    "never rises, or rises and sets, and its greatest altitude at culmination.",
    outputs={
        "visibility": Output(
            "label",
            "whether {star} is circumpolar, rises and sets, or never rises at {latitude}",
            asks=(
                "Seen from {latitude}, is {star} circumpolar, does it rise and set, or does it never rise?",
                "From {latitude}, does {star} never set, rise and set every day, or stay below the horizon? Answer "
                "circumpolar, rises and sets, or never rises.",
            ),
        ),
        "max_altitude_deg": Output(
            "number",
            "the greatest altitude in degrees of {star} at {latitude}",
            asks=(
                "How high, in degrees, does {star} get above the horizon at {latitude}?",
                "What is the greatest altitude {star} reaches for an observer at {latitude}, in degrees (negative if "
                "it never rises)?",
            ),
            measure="altitude at culmination",
            quantity=ANGLE,
        ),
    },
    examples=[{"star": "Canopus", "latitude": 51.5074}, {"star": "Polaris", "latitude": 40.7128}],
)
def star_visibility(p: StarLatitude) -> dict:
    catalog = star_catalog()
    if p.star not in catalog:
        raise ToolInputError(f"{p.star!r} is not in ephem's bright-star catalogue")
    dec = math.degrees(catalog[p.star][3])
    if p.latitude * dec > 0 and abs(dec) >= 90 - abs(p.latitude):
        visibility = "circumpolar"
    elif p.latitude * dec < 0 and abs(dec) >= 90 - abs(p.latitude):
        visibility = "never rises"
    else:
        visibility = "rises and sets"
    return {"visibility": visibility, "max_altitude_deg": round(90 - abs(p.latitude - dec), 2)}


class StarPair(BaseModel):
    star_a: str = Field(
        description="First bright star.",
        pattern=r"^[A-Z][A-Za-z ]{2,30}$",
        json_schema_extra=port("star_name", samples=["Sirius", "Vega", "Betelgeuse", "Dubhe", "Antares"]),
    )
    star_b: str = Field(
        description="Second bright star.",
        pattern=r"^[A-Z][A-Za-z ]{2,30}$",
        json_schema_extra=port("star_name", samples=["Procyon", "Deneb", "Rigel", "Merak", "Spica"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Angular separation in degrees between two bright stars at J2000 (e.g. the pointer stars).",
    outputs={
        "separation_deg": Output(
            "number",
            "the angular separation in degrees between {star_a} and {star_b}",
            asks=(
                "How far apart in the sky are {star_a} and {star_b}, in degrees?",
                "Find the angular separation between {star_a} and {star_b}, in degrees.",
                "I'm using {star_a} and {star_b} as a ruler on the sky. How many degrees apart are they?",
            ),
            measure="angular separation",
            quantity=quantity("degree"),
        )
    },
    examples=[{"star_a": "Dubhe", "star_b": "Merak"}],
)
def star_separation(p: StarPair) -> dict:
    import ephem

    catalog = star_catalog()
    for name in (p.star_a, p.star_b):
        if name not in catalog:
            raise ToolInputError(f"{name!r} is not in ephem's bright-star catalogue")
    if p.star_a == p.star_b:
        raise ToolInputError("the two stars are the same")
    a, b = catalog[p.star_a], catalog[p.star_b]
    return {"separation_deg": round(math.degrees(float(ephem.separation((a[2], a[3]), (b[2], b[3])))), 4)}


class SkyPoint(BaseModel):
    ra_hours: float = Field(
        description="Right ascension in hours (0-24), J2000.",
        ge=0,
        lt=24,
        json_schema_extra=port("number", quantity=quantity("hour", "interval"), samples=[5.5, 18.6, 12.0, 0.7, 20.7]),
    )
    dec_degrees: float = Field(
        description="Declination in degrees (-90 to 90), J2000.",
        ge=-90,
        le=90,
        json_schema_extra=port("number", quantity=ANGLE, samples=[0.0, 38.8, -60.0, 41.3, 45.3]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="ephem",
    description="The IAU constellation containing a point of the sky given by J2000 right ascension and declination.",
    outputs={
        "constellation": Output(
            "constellation",
            "the constellation at right ascension {ra_hours} h, declination {dec_degrees} deg",
            asks=(
                "Which constellation contains the point at right ascension {ra_hours} h, declination {dec_degrees}° "
                "(J2000)?",
                "My telescope points at RA {ra_hours} h, Dec {dec_degrees}° (J2000). In which constellation is that?",
            ),
            chain=False,
        ),
        "abbreviation": Output(
            "label",
            "the IAU abbreviation of the constellation at RA {ra_hours} h, Dec {dec_degrees} deg",
            asks=(
                "What is the IAU three-letter abbreviation of the constellation at RA {ra_hours} h, Dec "
                "{dec_degrees}° (J2000)?",
                "Give the three-letter IAU code of the constellation containing right ascension {ra_hours} h, "
                "declination {dec_degrees}°.",
            ),
        ),
    },
    examples=[{"ra_hours": 5.5, "dec_degrees": 0.0}],
)
def constellation_at(p: SkyPoint) -> dict:
    import ephem

    abbreviation, name = ephem.constellation((math.radians(p.ra_hours * 15), math.radians(p.dec_degrees)), epoch="2000")
    return {"constellation": name, "abbreviation": abbreviation}
