"""Geodesy and coordinate systems: geodesic distance, destination, midpoint, triangle area and bounding box on the
WGS84 ellipsoid (pyproj), the antipode, UTM, Web Mercator and ECEF coordinates, and the geohash, Maidenhead and
degrees-minutes-seconds encodings (written out here)."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.geo import common
from tool_catalog.domains.geo.common import DOMAIN, Coordinates, latitude_field, longitude_field, midpoint
from tool_catalog.ports import port
from tool_catalog.quantities import IDENTIFIER, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


class CoordinatePair(BaseModel):
    from_latitude: float = latitude_field("Latitude of the start point in decimal degrees.")
    from_longitude: float = longitude_field("Longitude of the start point in decimal degrees.")
    to_latitude: float = latitude_field("Latitude of the end point in decimal degrees.")
    to_longitude: float = longitude_field("Longitude of the end point in decimal degrees.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="Geodesic (shortest path on the WGS84 ellipsoid) between two points: distance in kilometres, "
    "initial bearing at the start and final bearing at the end, in degrees clockwise from north.",
    outputs={
        "distance_km": Output(
            "number",
            "the WGS84 geodesic distance in kilometres from {from_latitude}, {from_longitude} "
            "to {to_latitude}, {to_longitude}",
            asks=(
                "How far is it from {from_latitude}, {from_longitude} to {to_latitude}, {to_longitude} along the "
                "shortest path over the Earth's surface, in km?",
                "What is the geodesic distance in kilometres between {from_latitude}, {from_longitude} and "
                "{to_latitude}, {to_longitude} on the WGS84 ellipsoid?",
                "A drone flies straight from {from_latitude}, {from_longitude} to {to_latitude}, {to_longitude}. "
                "How many kilometres does it cover?",
            ),
            measure="geodesic distance",
            quantity=quantity("km", additive=True),
        ),
        "initial_bearing_deg": Output(
            "number",
            "the initial bearing in degrees of the geodesic from {from_latitude}, {from_longitude} "
            "to {to_latitude}, {to_longitude}",
            asks=(
                "Setting off from {from_latitude}, {from_longitude} towards {to_latitude}, {to_longitude} on the "
                "shortest path, what compass bearing do I start on, in degrees from north?",
                "What is the initial bearing in degrees of the shortest path from {from_latitude}, "
                "{from_longitude} to {to_latitude}, {to_longitude}?",
            ),
            measure="initial bearing",
            quantity=quantity("degree", "interval"),
        ),
        "final_bearing_deg": Output(
            "number",
            "the final bearing in degrees of the geodesic from {from_latitude}, {from_longitude} "
            "to {to_latitude}, {to_longitude}",
            asks=(
                "Travelling the shortest path from {from_latitude}, {from_longitude} to {to_latitude}, "
                "{to_longitude}, on what bearing do I arrive, in degrees clockwise from north?",
                "What is the final bearing in degrees of the geodesic from {from_latitude}, {from_longitude} to "
                "{to_latitude}, {to_longitude}?",
            ),
            measure="final bearing",
            quantity=quantity("degree", "interval"),
        ),
    },
    examples=[{"from_latitude": 51.47, "from_longitude": -0.4543, "to_latitude": 40.6398, "to_longitude": -73.7789}],
)
def geodesic_distance(p: CoordinatePair) -> dict:
    forward, back, metres = common.geod().inv(p.from_longitude, p.from_latitude, p.to_longitude, p.to_latitude)
    if metres < 1.0:
        raise ToolInputError("the two points coincide; the bearing is undefined")
    return {
        "distance_km": round(metres / 1000, 2),
        "initial_bearing_deg": round(forward % 360, 2),
        "final_bearing_deg": round((back + 180) % 360, 2),
    }


class GeodesicMove(BaseModel):
    latitude: float = latitude_field("Latitude of the start point in decimal degrees.")
    longitude: float = longitude_field("Longitude of the start point in decimal degrees.")
    bearing_deg: float = Field(
        description="Initial bearing in degrees clockwise from north (0-360).",
        ge=0,
        le=360,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=quantity("degree", "interval"), samples=[0, 45, 90, 180, 270, 315]),
    )
    distance_km: float = Field(
        description="Distance to travel in kilometres (up to 20,000).",
        gt=0,
        le=20000,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=quantity("km"), samples=[100, 250, 500, 1000, 2500]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="Destination point reached by travelling a distance in kilometres from a start point along an "
    "initial bearing on the WGS84 ellipsoid (direct geodesic problem).",
    outputs={
        "latitude": Output(
            "latitude",
            "the latitude of the point {distance_km} km from {latitude}, {longitude} "
            "along bearing {bearing_deg} degrees",
            asks=(
                "Starting at {latitude}, {longitude} and travelling {distance_km} km on an initial bearing of "
                "{bearing_deg}°, at what latitude do I end up?",
                "What is the latitude of the point {distance_km} km from {latitude}, {longitude} along an initial "
                "bearing of {bearing_deg} degrees?",
            ),
            measure="destination latitude",
            chain=False,
        ),
        "longitude": Output(
            "longitude",
            "the longitude of the point {distance_km} km from {latitude}, {longitude} "
            "along bearing {bearing_deg} degrees",
            asks=(
                "Starting at {latitude}, {longitude} and travelling {distance_km} km on an initial bearing of "
                "{bearing_deg}°, at what longitude do I end up?",
                "What is the longitude of the point {distance_km} km from {latitude}, {longitude} along an initial "
                "bearing of {bearing_deg} degrees?",
            ),
            measure="destination longitude",
            chain=False,
        ),
    },
    examples=[{"latitude": 48.8566, "longitude": 2.3522, "bearing_deg": 90, "distance_km": 500}],
)
def geodesic_destination(p: GeodesicMove) -> dict:
    lon, lat, _ = common.geod().fwd(p.longitude, p.latitude, p.bearing_deg, p.distance_km * 1000)
    lon = (lon + 180) % 360 - 180
    return {"latitude": round(lat, 4), "longitude": round(lon, 4)}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="The geodesic midpoint (WGS84) between two points, halfway along the shortest path.",
    outputs={
        "latitude": Output(
            "latitude",
            "the latitude of the midpoint between {from_latitude}, {from_longitude} and {to_latitude}, {to_longitude}",
            asks=(
                "What is the latitude of the point halfway along the shortest path on the WGS-84 ellipsoid between "
                "{from_latitude}, {from_longitude} and {to_latitude}, {to_longitude}?",
                "At what latitude is the WGS-84 geodesic midpoint between {from_latitude}, {from_longitude} and "
                "{to_latitude}, {to_longitude}?",
            ),
            measure="midpoint latitude",
            chain=False,
        ),
        "longitude": Output(
            "longitude",
            "the longitude of the midpoint between {from_latitude}, {from_longitude} and {to_latitude}, {to_longitude}",
            asks=(
                "What is the longitude of the point halfway along the shortest path on the WGS-84 ellipsoid between "
                "{from_latitude}, {from_longitude} and {to_latitude}, {to_longitude}?",
                "At what longitude is the WGS-84 geodesic midpoint between {from_latitude}, {from_longitude} and "
                "{to_latitude}, {to_longitude}?",
            ),
            measure="midpoint longitude",
            chain=False,
        ),
    },
    examples=[{"from_latitude": 51.5074, "from_longitude": -0.1278, "to_latitude": 40.7128, "to_longitude": -74.006}],
)
def geodesic_midpoint(p: CoordinatePair) -> dict:
    lat, lon = midpoint(p.from_latitude, p.from_longitude, p.to_latitude, p.to_longitude)
    return {"latitude": lat, "longitude": lon}


class Triangle(BaseModel):
    lat1: float = latitude_field("Latitude of the first corner.")
    lon1: float = longitude_field("Longitude of the first corner.")
    lat2: float = Field(
        description="Latitude of the second corner.",
        ge=-90,
        le=90,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=[48.8566, 34.6937, -37.8136, 38.9072, -6.7924, 60.1699]),
    )
    lon2: float = Field(
        description="Longitude of the second corner.",
        ge=-180,
        le=180,
        allow_inf_nan=False,
        json_schema_extra=port("longitude", samples=[2.3522, 135.5023, 144.9631, -77.0369, 39.2083, 24.9384]),
    )
    lat3: float = Field(
        description="Latitude of the third corner.",
        ge=-90,
        le=90,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=[52.52, 43.0621, -27.4698, 41.8781, -3.3869, 59.3293]),
    )
    lon3: float = Field(
        description="Longitude of the third corner.",
        ge=-180,
        le=180,
        allow_inf_nan=False,
        json_schema_extra=port("longitude", samples=[13.405, 141.3544, 153.0251, -87.6298, 36.683, 18.0686]),
    )


_TRIANGLE = "the triangle with corners {lat1}, {lon1}; {lat2}, {lon2} and {lat3}, {lon3}"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="Geodesic area (km2) and perimeter (km) on the WGS84 ellipsoid of the triangle formed by three points.",
    outputs={
        "area_km2": Output(
            "number",
            f"the area in square kilometres of {_TRIANGLE}",
            asks=(
                "What is the area in km² of the triangle with corners at {lat1}, {lon1}; {lat2}, {lon2}; and "
                "{lat3}, {lon3}?",
                "How many square kilometres does the triangle between {lat1}, {lon1}; {lat2}, {lon2}; and {lat3}, "
                "{lon3} enclose on the Earth's surface?",
            ),
            measure="triangle area",
            quantity=quantity("km**2", additive=True),
        ),
        "perimeter_km": Output(
            "number",
            f"the perimeter in kilometres of {_TRIANGLE}",
            asks=(
                "What is the perimeter in km of the triangle with corners at {lat1}, {lon1}; {lat2}, {lon2}; and "
                "{lat3}, {lon3}?",
                "Going from {lat1}, {lon1} to {lat2}, {lon2}, then to {lat3}, {lon3} and back along shortest "
                "paths, how many kilometres do I cover?",
            ),
            measure="triangle perimeter",
            quantity=quantity("km"),
        ),
    },
    examples=[{"lat1": 51.5074, "lon1": -0.1278, "lat2": 48.8566, "lon2": 2.3522, "lat3": 52.52, "lon3": 13.405}],
)
def geodesic_triangle_area(p: Triangle) -> dict:
    area, perimeter = common.geod().polygon_area_perimeter([p.lon1, p.lon2, p.lon3], [p.lat1, p.lat2, p.lat3])
    return {"area_km2": round(abs(area) / 1e6, 2), "perimeter_km": round(perimeter / 1000, 2)}


class BoxAround(BaseModel):
    latitude: float = latitude_field("Latitude of the centre.")
    longitude: float = longitude_field("Longitude of the centre.")
    half_side_km: float = Field(
        description="Half the side of the square box, in kilometres.",
        gt=0,
        le=2000,
        json_schema_extra=port("number", quantity=quantity("km"), samples=[10, 50, 5, 100, 25, 1]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="The bounding box (south, north, west, east in degrees) reaching a distance north, south, east and "
    "west of a point along geodesics.",
    outputs={
        "south": Output(
            "latitude",
            "the southern edge of the box reaching {half_side_km} km around {latitude}, {longitude}",
            asks=(
                "Going {half_side_km} km due south from {latitude}, {longitude} on the WGS84 ellipsoid, what "
                "latitude do I reach?",
                "On the WGS84 ellipsoid, a search box reaches {half_side_km} km in every direction from {latitude}, "
                "{longitude}. At what latitude is its southern edge?",
            ),
            measure="southern edge latitude",
        ),
        "north": Output(
            "latitude",
            "the northern edge of the box reaching {half_side_km} km around {latitude}, {longitude}",
            asks=(
                "Going {half_side_km} km due north from {latitude}, {longitude} on the WGS84 ellipsoid, what "
                "latitude do I reach?",
                "On the WGS84 ellipsoid, a search box reaches {half_side_km} km in every direction from {latitude}, "
                "{longitude}. At what latitude is its northern edge?",
            ),
            measure="northern edge latitude",
        ),
        "west": Output(
            "longitude",
            "the western edge of the box reaching {half_side_km} km around {latitude}, {longitude}",
            asks=(
                "Setting off due west from {latitude}, {longitude} along the shortest path on the WGS84 "
                "ellipsoid, what longitude do I reach after {half_side_km} km?",
                "On the WGS84 ellipsoid, a search box reaches {half_side_km} km in every direction from {latitude}, "
                "{longitude}. At what longitude is its western edge?",
            ),
            measure="western edge longitude",
        ),
        "east": Output(
            "longitude",
            "the eastern edge of the box reaching {half_side_km} km around {latitude}, {longitude}",
            asks=(
                "Setting off due east from {latitude}, {longitude} along the shortest path on the WGS84 "
                "ellipsoid, what longitude do I reach after {half_side_km} km?",
                "On the WGS84 ellipsoid, a search box reaches {half_side_km} km in every direction from {latitude}, "
                "{longitude}. At what longitude is its eastern edge?",
            ),
            measure="eastern edge longitude",
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "half_side_km": 10}],
)
def bounding_box(p: BoxAround) -> dict:
    geod, d = common.geod(), p.half_side_km * 1000
    edges = {}
    for name, az in (("north", 0), ("east", 90), ("south", 180), ("west", 270)):
        lon, lat, _ = geod.fwd(p.longitude, p.latitude, az, d)
        edges[name] = round(lat if name in ("north", "south") else lon, 6)
    return edges


@tool(
    domain=DOMAIN,
    kind="processing",
    package="timezonefinder",
    description="The antipode of a point (the point diametrically opposite on the globe) and the time zone in "
    "force there.",
    outputs={
        "latitude": Output(
            "latitude",
            "the latitude of the antipode of {latitude}, {longitude}",
            asks=(
                "What is the latitude of the point diametrically opposite {latitude}, {longitude} on the globe?",
                "If I could dig straight through the Earth from {latitude}, {longitude}, at what latitude would I "
                "come out?",
            ),
            measure="antipode latitude",
            chain=False,
        ),
        "longitude": Output(
            "longitude",
            "the longitude of the antipode of {latitude}, {longitude}",
            asks=(
                "What is the longitude of the point diametrically opposite {latitude}, {longitude} on the globe?",
                "If I could dig straight through the Earth from {latitude}, {longitude}, at what longitude would I "
                "come out?",
            ),
            measure="antipode longitude",
            chain=False,
        ),
        "timezone": Output(
            "timezone",
            "the time zone at the antipode of {latitude}, {longitude}",
            at="at the antipode of {latitude}, {longitude}",
            asks=(
                "Which IANA time zone is in force at the antipode of {latitude}, {longitude}?",
                "What time zone applies on the exact opposite side of the globe from {latitude}, {longitude}? Give "
                "its IANA name.",
            ),
            chain=False,
        ),
    },
    examples=[{"latitude": 40.4168, "longitude": -3.7038}],
    inverse="antipode",
)
def antipode(p: Coordinates) -> dict:
    lat = -p.latitude
    lon = p.longitude + 180 if p.longitude <= 0 else p.longitude - 180
    return {"latitude": round(lat, 6), "longitude": round(lon, 6), "timezone": common.timezone_at(lat, lon)}


@cache
def _transformer(epsg: int) -> Any:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="Universal Transverse Mercator coordinates of a point (WGS84): zone number, hemisphere, easting "
    "and northing in metres, and the EPSG code of the zone.",
    outputs={
        "zone": Output(
            "integer",
            "the UTM zone number of {latitude}, {longitude}",
            asks=(
                "In which UTM zone is {latitude}, {longitude}? Give the zone number.",
                "What is the UTM zone number for the point at {latitude}, {longitude}?",
            ),
            measure="UTM zone number",
            quantity=IDENTIFIER,
        ),
        "hemisphere": Output("label", "the UTM hemisphere (N or S) of {latitude}, {longitude}", askable=False),
        "easting_m": Output(
            "number",
            "the UTM easting in metres of {latitude}, {longitude}",
            asks=(
                "What is the UTM easting of {latitude}, {longitude}, in metres?",
                "Converting {latitude}, {longitude} to UTM coordinates, what is the easting in metres?",
            ),
            measure="UTM easting",
            quantity=quantity("m", "interval"),
        ),
        "northing_m": Output(
            "number",
            "the UTM northing in metres of {latitude}, {longitude}",
            asks=(
                "What is the UTM northing of {latitude}, {longitude}, in metres?",
                "Converting {latitude}, {longitude} to UTM coordinates, what is the northing in metres?",
            ),
            measure="UTM northing",
            quantity=quantity("m", "interval"),
        ),
        "epsg": Output(
            "integer",
            "the EPSG code of the UTM zone of {latitude}, {longitude}",
            asks=(
                "What is the EPSG code of the UTM zone containing {latitude}, {longitude}?",
                "I'm setting up a GIS project around {latitude}, {longitude}. Which EPSG code is its WGS84 UTM zone?",
            ),
            measure="EPSG code of the UTM zone",
            quantity=IDENTIFIER,
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278}],
)
def utm_coordinates(p: Coordinates) -> dict:
    if not -80 <= p.latitude <= 84:
        raise ToolInputError("UTM covers latitudes from 80 S to 84 N (use UPS near the poles)")
    zone = min(int((p.longitude + 180) // 6) + 1, 60)
    north = p.latitude >= 0
    epsg = (32600 if north else 32700) + zone
    x, y = _transformer(epsg).transform(p.longitude, p.latitude)
    return {
        "zone": zone,
        "hemisphere": "N" if north else "S",
        "easting_m": round(x, 2),
        "northing_m": round(y, 2),
        "epsg": epsg,
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="Web Mercator (EPSG:3857, the projection of web maps) x and y in metres of a point, and the "
    "slippy-map tile containing it at zoom 10.",
    outputs={
        "x_m": Output(
            "number",
            "the Web Mercator x in metres of {latitude}, {longitude}",
            asks=(
                "What is the Web Mercator (EPSG:3857) x coordinate of {latitude}, {longitude}, in metres?",
                "Projecting {latitude}, {longitude} to Web Mercator, what is x in metres?",
            ),
            measure="Web Mercator x",
            quantity=quantity("m", "interval"),
        ),
        "y_m": Output(
            "number",
            "the Web Mercator y in metres of {latitude}, {longitude}",
            asks=(
                "What is the Web Mercator (EPSG:3857) y coordinate of {latitude}, {longitude}, in metres?",
                "Projecting {latitude}, {longitude} to Web Mercator, what is y in metres?",
            ),
            measure="Web Mercator y",
            quantity=quantity("m", "interval"),
        ),
        "tile_z10": Output(
            "label",
            "the zoom-10 map tile (x/y) containing {latitude}, {longitude}",
            asks=(
                "Which zoom-10 web map tile contains {latitude}, {longitude}? Answer as x/y.",
                "At zoom level 10, what are the x/y indices of the slippy-map tile covering {latitude}, {longitude}?",
            ),
        ),
    },
    examples=[{"latitude": 35.6762, "longitude": 139.6503}],
)
def web_mercator(p: Coordinates) -> dict:
    if abs(p.latitude) > 85.0511:
        raise ToolInputError("Web Mercator covers latitudes up to 85.0511 degrees")
    x, y = _transformer(3857).transform(p.longitude, p.latitude)
    n = 2**10
    tx = int((p.longitude + 180) / 360 * n)
    lat = math.radians(p.latitude)
    ty = int((1 - math.asinh(math.tan(lat)) / math.pi) / 2 * n)
    return {"x_m": round(x, 2), "y_m": round(y, 2), "tile_z10": f"{min(tx, n - 1)}/{min(ty, n - 1)}"}


class Position3d(BaseModel):
    latitude: float = latitude_field("Latitude in decimal degrees.")
    longitude: float = longitude_field("Longitude in decimal degrees.")
    height_m: float = Field(
        description="Height above the WGS84 ellipsoid in metres.",
        ge=-11000,
        le=1e6,
        json_schema_extra=port("number", quantity=quantity("m"), samples=[0, 100, 2000, 35, 8848]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pyproj",
    description="Earth-centred, Earth-fixed (ECEF, EPSG:4978) Cartesian coordinates in metres of a point with "
    "a height above the WGS84 ellipsoid.",
    outputs={
        "x_m": Output(
            "number",
            "the ECEF x in metres of {latitude}, {longitude} at {height_m} m",
            asks=(
                "What is the ECEF x coordinate in metres of {latitude}, {longitude} at {height_m} m above the "
                "WGS84 ellipsoid?",
                "In Earth-centred, Earth-fixed coordinates, what is x in metres for {latitude}, {longitude} at a "
                "height of {height_m} m?",
            ),
            measure="ECEF x",
            quantity=quantity("m", "interval"),
        ),
        "y_m": Output(
            "number",
            "the ECEF y in metres of {latitude}, {longitude} at {height_m} m",
            asks=(
                "What is the ECEF y coordinate in metres of {latitude}, {longitude} at {height_m} m above the "
                "WGS84 ellipsoid?",
                "In Earth-centred, Earth-fixed coordinates, what is y in metres for {latitude}, {longitude} at a "
                "height of {height_m} m?",
            ),
            measure="ECEF y",
            quantity=quantity("m", "interval"),
        ),
        "z_m": Output(
            "number",
            "the ECEF z in metres of {latitude}, {longitude} at {height_m} m",
            asks=(
                "What is the ECEF z coordinate in metres of {latitude}, {longitude} at {height_m} m above the "
                "WGS84 ellipsoid?",
                "In Earth-centred, Earth-fixed coordinates, what is z in metres for {latitude}, {longitude} at a "
                "height of {height_m} m?",
            ),
            measure="ECEF z",
            quantity=quantity("m", "interval"),
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "height_m": 0}],
)
def ecef_coordinates(p: Position3d) -> dict:
    x, y, z = _ecef().transform(p.longitude, p.latitude, p.height_m)
    return {"x_m": round(x, 2), "y_m": round(y, 2), "z_m": round(z, 2)}


@cache
def _ecef() -> Any:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4979", "EPSG:4978", always_xy=True)


_BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz"


class GeohashEncode(BaseModel):
    latitude: float = latitude_field("Latitude in decimal degrees.")
    longitude: float = longitude_field("Longitude in decimal degrees.")
    precision: int = Field(
        description="Number of geohash characters, 1-12 (7 is about 150 m).",
        ge=1,
        le=12,
        json_schema_extra=port("integer", quantity=quantity("count", "count"), samples=[7, 5, 9, 6, 8, 4]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Encode a point as a geohash (the base-32 interleaved-bit cell code used by many map indexes) of "
    "a given length.",
    outputs={
        "geohash": Output(
            "geohash",
            "the {precision}-character geohash of {latitude}, {longitude}",
            asks=(
                "What is the {precision}-character geohash of {latitude}, {longitude}?",
                "Encode {latitude}, {longitude} as a geohash of {precision} characters.",
            ),
        )
    },
    examples=[{"latitude": 57.64911, "longitude": 10.40744, "precision": 11}],
    inverse="geohash_decode",
)
def geohash_encode(p: GeohashEncode) -> dict:
    lat, lon = [-90.0, 90.0], [-180.0, 180.0]
    bits, even, out, ch = 0, True, [], 0
    while len(out) < p.precision:
        rng, value = (lon, p.longitude) if even else (lat, p.latitude)
        mid = (rng[0] + rng[1]) / 2
        ch <<= 1
        if value >= mid:
            ch |= 1
            rng[0] = mid
        else:
            rng[1] = mid
        even = not even
        bits += 1
        if bits == 5:
            out.append(_BASE32[ch])
            bits, ch = 0, 0
    return {"geohash": "".join(out)}


class Geohash(BaseModel):
    geohash: str = Field(
        description="Geohash string (base-32 alphabet without a, i, l, o), e.g. 'u4pruydqqvj'.",
        pattern=r"^[0-9b-hjkmnp-z]{1,12}$",
        json_schema_extra=port("geohash", samples=["u4pruydqqvj", "gcpvj0d", "xn76ur", "dr5regw", "r3gx2f"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Decode a geohash to the latitude and longitude of its cell centre and the cell's size in degrees.",
    outputs={
        "latitude": Output(
            "latitude",
            "the latitude of the centre of {geohash}",
            asks=(
                "What is the latitude of the centre of {geohash}?",
                "Decode {geohash}: at what latitude is its centre?",
            ),
            measure="cell centre latitude",
            chain=False,
        ),
        "longitude": Output(
            "longitude",
            "the longitude of the centre of {geohash}",
            asks=(
                "What is the longitude of the centre of {geohash}?",
                "Decode {geohash}: at what longitude is its centre?",
            ),
            measure="cell centre longitude",
            chain=False,
        ),
        "lat_error_deg": Output(
            "number",
            "the half-height in degrees of {geohash}",
            asks=(
                "How many degrees of latitude does {geohash} extend on either side of its centre?",
                "What is the latitude error, half the cell height, of {geohash} in degrees?",
            ),
            measure="latitude half-height",
            quantity=quantity("degree"),
        ),
    },
    examples=[{"geohash": "u4pruydqqvj"}],
    inverse="geohash_encode",
)
def geohash_decode(p: Geohash) -> dict:
    lat, lon = [-90.0, 90.0], [-180.0, 180.0]
    even = True
    for c in p.geohash:
        value = _BASE32.index(c)
        for shift in range(4, -1, -1):
            rng = lon if even else lat
            mid = (rng[0] + rng[1]) / 2
            if (value >> shift) & 1:
                rng[0] = mid
            else:
                rng[1] = mid
            even = not even
    return {
        "latitude": round((lat[0] + lat[1]) / 2, 6),
        "longitude": round((lon[0] + lon[1]) / 2, 6),
        "lat_error_deg": float(f"{(lat[1] - lat[0]) / 2:.6g}"),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The 6-character Maidenhead grid locator (used by radio amateurs) of a point.",
    outputs={
        "locator": Output(
            "maidenhead_locator",
            "the Maidenhead grid locator of {latitude}, {longitude}",
            asks=(
                "What is the six-character Maidenhead grid locator of {latitude}, {longitude}?",
                "A radio amateur is operating from {latitude}, {longitude}. What is their Maidenhead grid square, "
                "to six characters?",
            ),
        )
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278}],
    inverse="maidenhead_center",
)
def maidenhead_locator(p: Coordinates) -> dict:
    lon, lat = p.longitude + 180, p.latitude + 90
    if lon >= 360:
        lon -= 1e-9
    if lat >= 180:
        lat -= 1e-9
    field = chr(65 + int(lon // 20)) + chr(65 + int(lat // 10))
    square = str(int((lon % 20) // 2)) + str(int(lat % 10))
    sub = chr(97 + int((lon % 2) * 12)) + chr(97 + int((lat % 1) * 24))
    return {"locator": field + square + sub}


class Locator(BaseModel):
    locator: str = Field(
        description="Maidenhead locator of 4 or 6 characters, e.g. 'IO91wm'.",
        pattern=r"^[A-Ra-r]{2}[0-9]{2}([A-Xa-x]{2})?$",
        json_schema_extra=port("maidenhead_locator", samples=["IO91wm", "PM95vq", "FN20xr", "JN18du", "QF56od"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The latitude and longitude of the centre of a Maidenhead grid square.",
    outputs={
        "latitude": Output(
            "latitude",
            "the latitude of the centre of {locator}",
            asks=(
                "What is the latitude of the centre of {locator}?",
                "At what latitude does {locator} have its centre?",
            ),
            measure="grid square centre latitude",
            chain=False,
        ),
        "longitude": Output(
            "longitude",
            "the longitude of the centre of {locator}",
            asks=(
                "What is the longitude of the centre of {locator}?",
                "At what longitude does {locator} have its centre?",
            ),
            measure="grid square centre longitude",
            chain=False,
        ),
    },
    examples=[{"locator": "IO91wm"}],
    inverse="maidenhead_locator",
)
def maidenhead_center(p: Locator) -> dict:
    loc = p.locator
    lon = (ord(loc[0].upper()) - 65) * 20 + int(loc[2]) * 2 - 180
    lat = (ord(loc[1].upper()) - 65) * 10 + int(loc[3]) - 90
    if len(loc) == 6:
        lon += (ord(loc[4].lower()) - 97) * (2 / 24) + 1 / 24
        lat += (ord(loc[5].lower()) - 97) * (1 / 24) + 1 / 48
    else:
        lon, lat = lon + 1, lat + 0.5
    return {"latitude": round(lat, 5), "longitude": round(lon, 5)}


def _to_dms(value: float, positive: str, negative: str) -> str:
    hemi = positive if value >= 0 else negative
    total = round(abs(value) * 3600, 1)
    degrees, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{int(degrees)}°{int(minutes):02d}'{seconds:04.1f}\"{hemi}"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Write a point in degrees, minutes and seconds (e.g. 51°30'26.6\"N) for both coordinates.",
    outputs={
        "latitude_dms": Output(
            "label",
            "the latitude of {latitude}, {longitude} in degrees, minutes and seconds",
            asks=(
                "Converting {latitude}, {longitude} to degrees, minutes and seconds, how is the latitude written? Use "
                "the form 12°34'56.7\"N.",
                "How is the position {latitude}, {longitude} written in degrees, minutes and seconds? Give the "
                "latitude part.",
            ),
        ),
        "longitude_dms": Output(
            "label",
            "the longitude of {latitude}, {longitude} in degrees, minutes and seconds",
            asks=(
                "Converting {latitude}, {longitude} to degrees, minutes and seconds, how is the longitude written? Use "
                "the form 12°34'56.7\"E.",
                "How is the position {latitude}, {longitude} written in degrees, minutes and seconds? Give the "
                "longitude part.",
            ),
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278}],
)
def coordinates_to_dms(p: Coordinates) -> dict:
    return {"latitude_dms": _to_dms(p.latitude, "N", "S"), "longitude_dms": _to_dms(p.longitude, "E", "W")}
