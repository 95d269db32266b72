"""Earth science from published formulas: WGS84 normal gravity, the US Standard Atmosphere 1976, and the Magnus dew
point with the NWS heat index.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, Field

from tool_catalog.domains.science.common import DOMAIN
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output


class LatitudeHeight(BaseModel):
    latitude: float = Field(
        description="Geodetic latitude in degrees.",
        ge=-90,
        le=90,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=[51.5074, 0.0, -33.8688, 90.0, 45.0]),
    )
    height_m: float = Field(
        description="Height above the ellipsoid in metres.",
        ge=-500,
        le=100000,
        json_schema_extra=port("number", quantity=quantity("m"), samples=[0, 1000, 1650, 35, 100]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="WGS84 normal gravity at a latitude and height (Somigliana's formula with the free-air "
    "correction), and the geocentric radius of the ellipsoid at that latitude.",
    outputs={
        "gravity_m_s2": Output(
            "number",
            "the normal gravity in m/s2 at {latitude} and {height_m} m",
            asks=(
                "What is the WGS84 normal gravity at {latitude}, {height_m} m above the ellipsoid, in m/s²?",
                "How strong is gravity at {latitude}, {height_m} m up, in m/s², by the WGS84 normal gravity formula?",
                "I'm calibrating a scale at {latitude}, {height_m} m up. What value of g in m/s² does the WGS84 "
                "ellipsoid give there?",
            ),
            measure="normal gravity",
            quantity=quantity("m/s**2"),
        ),
        "geocentric_radius_km": Output(
            "number",
            "the WGS84 geocentric radius in km at {latitude} (height {height_m} m)",
            asks=(
                "For a point at {latitude}, {height_m} m above the ellipsoid, how far is the WGS84 ellipsoid surface "
                "below it from the Earth's centre, in km?",
                "What is the geocentric radius of the WGS84 ellipsoid at {latitude}, in km? (The site is {height_m} m "
                "above it.)",
            ),
            measure="geocentric radius",
            quantity=quantity("km"),
        ),
    },
    examples=[{"latitude": 45.0, "height_m": 0}],
)
def normal_gravity(p: LatitudeHeight) -> dict:
    a, b = 6378137.0, 6356752.314245
    ge, k, e2 = 9.7803253359, 0.00193185265241, 0.00669437999013
    s2 = math.sin(math.radians(p.latitude)) ** 2
    g0 = ge * (1 + k * s2) / math.sqrt(1 - e2 * s2)
    m = 0.00344978650684
    f = 1 / 298.257223563
    g = g0 * (1 - 2 / a * (1 + f + m - 2 * f * s2) * p.height_m + 3 / a**2 * p.height_m**2)
    phi = math.radians(p.latitude)
    num = (a**2 * math.cos(phi)) ** 2 + (b**2 * math.sin(phi)) ** 2
    den = (a * math.cos(phi)) ** 2 + (b * math.sin(phi)) ** 2
    return {"gravity_m_s2": round(g, 6), "geocentric_radius_km": round(math.sqrt(num / den) / 1000, 4)}


class Altitude(BaseModel):
    altitude_m: float = Field(
        description="Geopotential altitude in metres, -500 to 32000.",
        ge=-500,
        le=32000,
        json_schema_extra=port("number", quantity=quantity("m"), samples=[0, 1500, 8848, 11000, 20000]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="US Standard Atmosphere 1976 at an altitude up to 32 km: temperature (K), pressure (Pa), density "
    "(kg/m3) and the speed of sound (m/s).",
    outputs={
        "temperature_k": Output(
            "temperature_k",
            "the standard-atmosphere temperature in K at {altitude_m} m",
            asks=(
                "What is the air temperature at {altitude_m} m in the US Standard Atmosphere 1976, in kelvin?",
                "In the standard atmosphere, how cold is it at an altitude of {altitude_m} m? Give kelvin.",
            ),
            measure="standard-atmosphere temperature",
        ),
        "pressure_pa": Output(
            "number",
            "the standard-atmosphere pressure in Pa at {altitude_m} m",
            asks=(
                "What is the air pressure at {altitude_m} m in the US Standard Atmosphere 1976, in pascals?",
                "I'm flying at {altitude_m} m. What outside air pressure in Pa does the standard atmosphere predict?",
                "How much does the air press at an altitude of {altitude_m} m in the standard atmosphere? Give Pa.",
            ),
            measure="standard-atmosphere pressure",
            quantity=quantity("Pa"),
        ),
        "density_kg_m3": Output(
            "number",
            "the standard-atmosphere air density in kg/m3 at {altitude_m} m",
            asks=(
                "Give the air density at {altitude_m} m in the US Standard Atmosphere 1976, in kg/m³.",
                "How dense is the air at an altitude of {altitude_m} m in the standard atmosphere, in kg/m³?",
            ),
            measure="standard-atmosphere air density",
            quantity=quantity("kg/m**3"),
        ),
        "speed_of_sound_m_s": Output(
            "number",
            "the speed of sound in m/s at {altitude_m} m in the standard atmosphere",
            asks=(
                "Find the speed of sound at {altitude_m} m in the US Standard Atmosphere 1976, in m/s.",
                "How fast does sound travel at an altitude of {altitude_m} m in the standard atmosphere, in m/s?",
            ),
            measure="speed of sound",
            quantity=quantity("m/s"),
        ),
    },
    examples=[{"altitude_m": 1500}],
)
def standard_atmosphere(p: Altitude) -> dict:
    g0, r_air, m = 9.80665, 8.31446261815324, 0.0289644
    layers = [(0.0, 288.15, 101325.0, -0.0065), (11000.0, 216.65, 22632.06, 0.0), (20000.0, 216.65, 5474.889, 0.001)]
    base_h, base_t, base_p, lapse = next(
        layer for layer in reversed(layers) if p.altitude_m >= layer[0] or layer[0] == 0
    )
    dh = p.altitude_m - base_h
    t = base_t + lapse * dh
    if lapse == 0:
        pressure = base_p * math.exp(-g0 * m * dh / (r_air * base_t))
    else:
        pressure = base_p * (base_t / t) ** (g0 * m / (r_air * lapse))
    density = pressure * m / (r_air * t)
    return {
        "temperature_k": round(t, 3),
        "pressure_pa": round(pressure, 2),
        "density_kg_m3": round(density, 5),
        "speed_of_sound_m_s": round(math.sqrt(1.4 * r_air / m * t), 2),
    }


class Humidity(BaseModel):
    temperature_c: float = Field(
        description="Air temperature in degrees Celsius.",
        ge=-40,
        le=60,
        json_schema_extra=port("number", quantity=quantity("degC", "interval"), samples=[25, 30, 10, 35, 0]),
    )
    relative_humidity: float = Field(
        description="Relative humidity in percent.",
        gt=0,
        le=100,
        json_schema_extra=port("number", quantity=quantity("percent"), samples=[60, 80, 40, 50, 90]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Dew point (Magnus formula, Alduchov-Eskridge coefficients) and the NWS heat index (Rothfusz "
    "regression, in C) of air at a temperature and relative humidity.",
    outputs={
        "dew_point_c": Output(
            "number",
            "the dew point in C of air at {temperature_c} C and {relative_humidity}% humidity",
            asks=(
                "What is the dew point of air at {temperature_c} °C and {relative_humidity}% relative humidity, in °C?",
                "At {temperature_c} °C with {relative_humidity}% humidity, below what temperature in °C will dew form?",
            ),
            measure="dew point",
            quantity=quantity("degC", "interval"),
        ),
        "heat_index_c": Output(
            "number",
            "the heat index in C of air at {temperature_c} C and {relative_humidity}% humidity",
            asks=(
                "How hot does {temperature_c} °C with {relative_humidity}% relative humidity feel? Give the NWS heat "
                "index in °C.",
                "What is the heat index, in °C, at an air temperature of {temperature_c} °C and {relative_humidity}% "
                "relative humidity?",
            ),
            measure="heat index",
            quantity=quantity("degC", "interval"),
        ),
    },
    examples=[{"temperature_c": 30, "relative_humidity": 60}],
)
def dew_point_and_heat_index(p: Humidity) -> dict:
    a, b = 17.625, 243.04
    gamma = math.log(p.relative_humidity / 100) + a * p.temperature_c / (b + p.temperature_c)
    dew = b * gamma / (a - gamma)
    tf, rh = p.temperature_c * 9 / 5 + 32, p.relative_humidity
    hi = 0.5 * (tf + 61.0 + (tf - 68.0) * 1.2 + rh * 0.094)
    if (hi + tf) / 2 >= 80:
        hi = (
            -42.379
            + 2.04901523 * tf
            + 10.14333127 * rh
            - 0.22475541 * tf * rh
            - 0.00683783 * tf * tf
            - 0.05481717 * rh * rh
            + 0.00122874 * tf * tf * rh
            + 0.00085282 * tf * rh * rh
            - 0.00000199 * tf * tf * rh * rh
        )
    return {"dew_point_c": round(dew, 2), "heat_index_c": round((hi - 32) * 5 / 9, 2)}
