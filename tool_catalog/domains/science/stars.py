"""The bright-star catalogue and the constellations (ephem): star data, the brightest star of a constellation,
altitude and visibility for an observer, separations between stars, and the constellation at a point of the sky.
"""

from __future__ import annotations

import math
from functools import cache

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
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


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
        "constellation": Output("constellation", "the constellation containing {star}"),
        "magnitude": Output("number", "the visual magnitude of {star}"),
        "spectral_type": Output("label", "the spectral type of {star}"),
        "right_ascension": Output("label", "the J2000 right ascension (h:m:s) of {star}"),
        "declination_deg": Output("number", "the J2000 declination in degrees of {star}"),
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


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="ephem",
    description="Brightest star of a constellation among the 115 bright stars of ephem's catalogue (lowest "
    "magnitude; a star listed under two names is reported by the alphabetically first), with the catalogue stars "
    "that lie in it.",
    outputs={
        "brightest_star": Output("star_name", "the brightest catalogued star in {constellation}"),
        "magnitude": Output("number", "the visual magnitude of the brightest catalogued star in {constellation}"),
        "stars": Output("string_list", "the list of bright-star catalogue names that lie in {constellation}"),
        "star_count": Output("count", "the number of bright-star catalogue names that lie in {constellation}"),
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
            "number", "the altitude of {star} seen from {latitude}, {longitude} at {datetime_utc} UTC"
        ),
        "azimuth_deg": Output(
            "number", "the azimuth of {star} seen from {latitude}, {longitude} at {datetime_utc} UTC"
        ),
        "is_visible": Output(
            "boolean", "whether {star} is above the horizon at {latitude}, {longitude} at {datetime_utc} UTC"
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
        "visibility": Output("label", "whether {star} is circumpolar, rises and sets, or never rises at {latitude}"),
        "max_altitude_deg": Output("number", "the greatest altitude in degrees of {star} at {latitude}"),
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
    outputs={"separation_deg": Output("number", "the angular separation in degrees between {star_a} and {star_b}")},
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
        json_schema_extra=port("number", samples=[5.5, 18.6, 12.0, 0.7, 20.7]),
    )
    dec_degrees: float = Field(
        description="Declination in degrees (-90 to 90), J2000.",
        ge=-90,
        le=90,
        json_schema_extra=port("number", samples=[0.0, 38.8, -60.0, 41.3, 45.3]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="ephem",
    description="The IAU constellation containing a point of the sky given by J2000 right ascension and declination.",
    outputs={
        "constellation": Output(
            "constellation", "the constellation at right ascension {ra_hours} h, declination {dec_degrees} deg"
        ),
        "abbreviation": Output(
            "label", "the IAU abbreviation of the constellation at RA {ra_hours} h, Dec {dec_degrees} deg"
        ),
    },
    examples=[{"ra_hours": 5.5, "dec_degrees": 0.0}],
)
def constellation_at(p: SkyPoint) -> dict:
    import ephem

    abbreviation, name = ephem.constellation((math.radians(p.ra_hours * 15), math.radians(p.dec_degrees)), epoch="2000")
    return {"constellation": name, "abbreviation": abbreviation}
