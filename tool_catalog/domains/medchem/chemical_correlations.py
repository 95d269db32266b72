"""Temperature- and pressure-dependent properties of a compound by CAS number (chemicals): vapor pressure and
boiling point at a pressure from tabulated vapor-pressure correlations, liquid density, surface tension, viscosity,
thermal conductivity, permittivity and gas heat capacity correlations inside their validity range, and ideal-gas
density."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.medchem.common import CAS, DOMAIN, checked_cas, metadata
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError


class VaporPressureQuery(BaseModel):
    cas: str = Field(
        description="CAS registry number of the compound.",
        pattern=CAS,
        json_schema_extra=port("cas_number", samples=["64-17-5", "71-43-2", "7732-18-5", "67-64-1", "108-88-3"]),
    )
    temperature_k: float = Field(
        description="Temperature in kelvin (must lie inside the validity range of the correlation).",
        ge=1.0,
        le=5000.0,
        json_schema_extra=port("temperature_k", samples=[298.15, 310.15, 323.15, 350.0, 373.15]),
    )


def _vapor_correlations() -> list[tuple[Any, str, str, Callable[[float, Any], float]]]:
    """Tabulated vapor-pressure correlations in the order thermo prefers them: (table, low, high, evaluator)."""
    from chemicals import vapor_pressure as vp
    from chemicals.dippr import EQ101

    return [
        (vp.Psat_data_WagnerMcGarry, "Tmin", "Tc", lambda t, r: vp.Wagner_original(t, r.Tc, r.Pc, r.A, r.B, r.C, r.D)),
        (vp.Psat_data_WagnerPoling, "Tmin", "Tmax", lambda t, r: vp.Wagner(t, r.Tc, r.Pc, r.A, r.B, r.C, r.D)),
        (vp.Psat_data_Perrys2_8, "Tmin", "Tmax", lambda t, r: EQ101(t, r.C1, r.C2, r.C3, r.C4, r.C5)),
        (vp.Psat_data_VDI_PPDS_3, "Tm", "Tc", lambda t, r: vp.Wagner(t, r.Tc, r.Pc, r.A, r.B, r.C, r.D)),
        (vp.Psat_data_AntoinePoling, "Tmin", "Tmax", lambda t, r: vp.Antoine(t, r.A, r.B, r.C)),
    ]


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Saturation vapor pressure (kPa) of a pure compound at a temperature, from tabulated correlations "
    "(Wagner coefficients of McGarry and Poling, DIPPR-101 of Perry's Handbook, VDI PPDS, Antoine of Poling) "
    "inside their validity range.",
    outputs={
        "vapor_pressure_kpa": Output(
            "number",
            "the vapor pressure in kPa of {cas} at {temperature_k}",
            asks=(
                "What is the vapor pressure of {cas} at {temperature_k}, in kPa?",
                "How much vapor pressure, in kPa, does {cas} have at {temperature_k}?",
                "A closed flask of {cas} sits at {temperature_k}. What saturation vapor pressure builds up above the "
                "liquid, in kPa?",
            ),
            measure="vapor pressure",
            quantity=quantity("kPa"),
            # about one atmosphere is the normal boiling point in disguise (water at 373.15 K): no question
            worth=lambda _args, out: abs(float(out.get("vapor_pressure_kpa") or 0) - 101.325) > 3.0,
        )
    },
    examples=[{"cas": "64-17-5", "temperature_k": 298.15}, {"cas": "7732-18-5", "temperature_k": 373.15}],
)
def chemical_vapor_pressure(p: VaporPressureQuery) -> dict:
    cas, t = checked_cas(p.cas), p.temperature_k
    ranges = []
    for table, low, high, evaluate in _vapor_correlations():
        if cas not in table.index:
            continue
        row = table.loc[cas]
        lo, hi = float(row[low]), float(row[high])
        if not (math.isfinite(lo) and math.isfinite(hi)):
            continue
        if lo <= t <= hi:
            return {"vapor_pressure_kpa": round(float(evaluate(t, row)) / 1000.0, 4)}
        ranges.append((lo, hi))
    if not ranges:
        raise ToolInputError(f"no tabulated vapor pressure correlation for CAS {cas}")
    lo, hi = min(r[0] for r in ranges), max(r[1] for r in ranges)
    raise ToolInputError(f"temperature {t:g} K is outside the valid range {lo:g}-{hi:g} K for CAS {cas}")


class CasAtTemperature(BaseModel):
    cas: str = Field(
        description="CAS registry number of the compound.",
        pattern=CAS,
        json_schema_extra=port("cas_number", samples=["64-17-5", "71-43-2", "67-64-1", "108-88-3", "110-54-3"]),
    )
    temperature_k: float = Field(
        description="Temperature in kelvin (must lie inside the validity range of the correlation).",
        ge=1.0,
        le=5000.0,
        json_schema_extra=port("temperature_k", samples=[298.15, 310.15, 303.15, 300.0, 293.15]),
    )


def _eq(name: str) -> Callable[..., float]:
    from chemicals import dippr

    return getattr(dippr, name)


_CORRELATIONS: list[dict[str, Any]] = [
    dict(
        name="chemical_liquid_density",
        module="volume",
        table="rho_data_Perry_8E_105_l",
        source="Perry's Handbook 8th ed., DIPPR equation 105",
        field="liquid_density_kg_m3",
        phrase="the liquid density in kg/m3 of {cas} at {temperature_k}",
        asks=(
            "What is the density of {cas} as a liquid at {temperature_k}, in kg/m³?",
            "How many kilograms does one cubic metre of {cas} weigh as a saturated liquid at {temperature_k}?",
            "I need to pump {cas} at {temperature_k}. What is its liquid density in kg/m3?",
        ),
        measure="liquid density",
        unit="kg/m**3",
        cite="Perry's Chemical Engineers' Handbook (8th ed.)",
        what="saturated liquid density (kg/m3)",
        evaluate=lambda t, r, mw: _eq("EQ105")(t, r.C1, r.C2, r.C3, r.C4) * mw / 1000.0,
        digits=2,
    ),
    dict(
        name="chemical_surface_tension",
        module="interface",
        table="sigma_data_Mulero_Cachadina",
        source="Mulero and Cachadina's critical review",
        field="surface_tension_mn_m",
        phrase="the surface tension in mN/m of liquid {cas} at {temperature_k}",
        asks=(
            "What is the surface tension of {cas} at {temperature_k}, in mN/m?",
            "Give the surface tension of {cas} against its own vapor at {temperature_k}, in mN/m.",
        ),
        measure="surface tension",
        unit="mN/m",
        cite="Mulero and Cachadina's critical review",
        what="surface tension against its vapor (mN/m)",
        evaluate=lambda t, r, mw: _surface(t, r) * 1000.0,
        digits=3,
    ),
    dict(
        name="chemical_liquid_viscosity",
        module="viscosity",
        table="mu_data_Perrys_8E_2_313",
        source="Perry's Handbook 8th ed. table 2-313, DIPPR equation 101",
        field="viscosity_mpa_s",
        phrase="the dynamic viscosity in mPa s of liquid {cas} at {temperature_k}",
        asks=(
            "What is the dynamic viscosity of {cas} as a liquid at {temperature_k}, in mPa·s?",
            "How viscous is {cas} at {temperature_k}? Give its liquid viscosity in mPa s.",
        ),
        measure="liquid viscosity",
        unit="mPa*s",
        cite="Perry's Chemical Engineers' Handbook (8th ed.)",
        what="liquid dynamic viscosity (mPa s)",
        evaluate=lambda t, r, mw: _eq("EQ101")(t, r.C1, r.C2, r.C3, r.C4, r.C5) * 1000.0,
        digits=4,
    ),
    dict(
        name="chemical_liquid_thermal_conductivity",
        module="thermal_conductivity",
        table="k_data_Perrys_8E_2_315",
        source="Perry's Handbook 8th ed. table 2-315, DIPPR equation 100",
        field="thermal_conductivity_w_m_k",
        phrase="the thermal conductivity in W/(m K) of liquid {cas} at {temperature_k}",
        asks=(
            "What is the thermal conductivity of {cas} as a liquid at {temperature_k}, in W/(m·K)?",
            "How well does {cas} conduct heat as a liquid at {temperature_k}? Give its thermal conductivity in "
            "W/(m K).",
        ),
        measure="liquid thermal conductivity",
        unit="W/(m*K)",
        cite="Perry's Chemical Engineers' Handbook (8th ed.)",
        what="liquid thermal conductivity (W/(m K))",
        evaluate=lambda t, r, mw: _eq("EQ100")(t, r.C1, r.C2, r.C3, r.C4, r.C5),
        digits=4,
    ),
    dict(
        name="chemical_relative_permittivity",
        module="permittivity",
        table="permittivity_data_CRC",
        source="CRC Handbook polynomial fits",
        field="relative_permittivity",
        phrase="the relative permittivity (dielectric constant) of liquid {cas} at {temperature_k}",
        asks=(
            "What is the dielectric constant of {cas} as a liquid at {temperature_k}?",
            "Give the relative permittivity of {cas} as a liquid at {temperature_k}.",
        ),
        measure="relative permittivity",
        unit="dimensionless",
        cite="the CRC Handbook",
        what="relative permittivity (dielectric constant) of the liquid",
        evaluate=lambda t, r, mw: r.A + r.B * t + r.C * t**2 + (0.0 if math.isnan(r.D) else r.D) * t**3,
        digits=3,
    ),
    dict(
        name="chemical_gas_heat_capacity",
        module="heat_capacity",
        table="Cp_data_Poling",
        source="Poling et al., The Properties of Gases and Liquids, ideal-gas polynomial",
        field="cp_gas_j_mol_k",
        phrase="the ideal-gas heat capacity in J/(mol K) of {cas} at {temperature_k}",
        asks=(
            "What is the ideal-gas heat capacity Cp of {cas} at {temperature_k}, in J/(mol·K)?",
            "How much heat, in J per mole and kelvin, does {cas} take up as an ideal gas at constant pressure at "
            "{temperature_k}?",
        ),
        measure="ideal-gas heat capacity",
        unit="J/(mol*K)",
        cite="Poling et al., The Properties of Gases and Liquids",
        what="ideal-gas isobaric heat capacity (J/(mol K))",
        evaluate=lambda t, r, mw: _poling(t, r),
        digits=3,
    ),
]


def _surface(t: float, r: Any) -> float:
    from chemicals.interface import REFPROP_sigma

    return REFPROP_sigma(t, r.Tc, r.sigma0, r.n0, r.sigma1, r.n1, r.sigma2, r.n2)


def _poling(t: float, r: Any) -> float:
    from chemicals.heat_capacity import Poling

    if any(math.isnan(float(r[k])) for k in ("a0", "a1", "a2", "a3", "a4")):
        raise ToolInputError("no ideal-gas heat capacity polynomial is tabulated for this compound")
    return Poling(t, r.a0, r.a1, r.a2, r.a3, r.a4)


def _correlation_tool(spec: dict[str, Any]) -> Callable[[CasAtTemperature], dict]:
    def run(p: CasAtTemperature) -> dict:
        import importlib

        cas, t = checked_cas(p.cas), p.temperature_k
        table = getattr(importlib.import_module(f"chemicals.{spec['module']}"), spec["table"])
        if cas not in table.index:
            raise ToolInputError(f"no tabulated {spec['what']} correlation for CAS {cas}")
        row = table.loc[cas]
        lo, hi = float(row.Tmin), float(row.Tmax)
        if not (lo <= t <= hi):
            raise ToolInputError(f"temperature {t:g} K is outside the valid range {lo:g}-{hi:g} K for CAS {cas}")
        value = float(spec["evaluate"](t, row, metadata(cas).MW))
        if not math.isfinite(value):
            raise ToolInputError(f"the correlation gives no finite value for CAS {cas} at {t:g} K")
        return {spec["field"]: round(value, spec["digits"])}

    return run


for _spec in _CORRELATIONS:
    add_tool(
        _spec["name"],
        CasAtTemperature,
        _correlation_tool(_spec),
        domain=DOMAIN,
        kind="processing",
        package="chemicals",
        description=f"The {_spec['what']} of a compound given by CAS number at a temperature, from the "
        f"{_spec['source']} correlation, inside its validity range.",
        outputs={
            _spec["field"]: Output(
                "number",
                _spec["phrase"],
                asks=_spec["asks"],
                measure=_spec["measure"],
                quantity=quantity(_spec["unit"]),
                source=_spec["cite"],
            )
        },
        examples=[{"cas": "64-17-5", "temperature_k": 298.15}, {"cas": "71-43-2", "temperature_k": 310.15}],
    )


class CasAtPressure(BaseModel):
    cas: str = Field(
        description="CAS registry number of the compound.",
        pattern=CAS,
        json_schema_extra=port("cas_number", samples=["7732-18-5", "64-17-5", "71-43-2", "67-64-1", "108-88-3"]),
    )
    pressure_kpa: float = Field(
        description="Pressure in kPa (e.g. 101.325 for one standard atmosphere).",
        gt=0,
        le=100000,
        json_schema_extra=port("number", quantity=quantity("kPa"), samples=[101.325, 50.0, 200.0, 70.1, 10.0]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Boiling temperature (K) of a pure compound at a given pressure, found by solving its tabulated "
    "vapor-pressure correlation (the same correlations as the vapor-pressure tool) for P(T) = pressure.",
    outputs={
        "boiling_temperature_k": Output(
            "temperature_k",
            "the boiling temperature in kelvin of {cas} at {pressure_kpa} kPa",
            asks=(
                "At what temperature, in K, does {cas} boil under a pressure of {pressure_kpa} kPa?",
                "What is the boiling point of {cas} at {pressure_kpa} kPa, in kelvin?",
            ),
            measure="boiling temperature",
        )
    },
    examples=[{"cas": "7732-18-5", "pressure_kpa": 101.325}, {"cas": "64-17-5", "pressure_kpa": 50.0}],
)
def chemical_boiling_point_at_pressure(p: CasAtPressure) -> dict:
    from scipy.optimize import brentq

    cas, target = checked_cas(p.cas), p.pressure_kpa * 1000.0
    for table, low, high, evaluate in _vapor_correlations():
        if cas not in table.index:
            continue
        row = table.loc[cas]
        lo, hi = float(row[low]), float(row[high])
        if not (math.isfinite(lo) and math.isfinite(hi)):
            continue
        f_lo, f_hi = evaluate(lo, row) - target, evaluate(hi - 1e-6, row) - target
        if f_lo * f_hi > 0:
            raise ToolInputError(
                f"{p.pressure_kpa:g} kPa is outside the vapor pressures the correlation covers for CAS {cas} "
                f"({(f_lo + target) / 1000:.4g}-{(f_hi + target) / 1000:.4g} kPa)"
            )
        t = brentq(lambda x, f=evaluate, r=row: f(x, r) - target, lo, hi - 1e-6, xtol=1e-6)
        return {"boiling_temperature_k": round(float(t), 2)}
    raise ToolInputError(f"no tabulated vapor pressure correlation for CAS {cas}")


def _a_gas(arguments: dict[str, Any], _output: dict[str, Any]) -> bool:
    """Whether the compound is a gas at the stated temperature and pressure (above its critical temperature, or its
    vapor pressure above the pressure): the ideal-gas density of liquid pinacolone at 273 K and 10 bar means nothing.
    Unknown when no correlation covers the temperature, and then not asked."""
    from chemicals.critical import Tc

    cas, t, pressure_kpa = arguments.get("cas", ""), float(arguments["temperature_k"]), float(arguments["pressure_kpa"])
    critical = Tc(cas)
    if critical is not None and t >= critical:
        return True
    try:
        psat_kpa = chemical_vapor_pressure(VaporPressureQuery(cas=cas, temperature_k=t))["vapor_pressure_kpa"]
    except (ToolInputError, ValueError):
        return False
    return psat_kpa > pressure_kpa


class GasState(BaseModel):
    cas: str = Field(
        description="CAS registry number of the gas.",
        pattern=CAS,
        json_schema_extra=port("cas_number", samples=["74-82-8", "124-38-9", "7727-37-9", "7782-44-7", "74-98-6"]),
    )
    temperature_k: float = Field(
        description="Temperature in kelvin.",
        gt=0,
        le=5000,
        json_schema_extra=port("temperature_k", samples=[298.15, 273.15, 310.15, 350.0, 400.0]),
    )
    pressure_kpa: float = Field(
        description="Pressure in kPa.",
        gt=0,
        le=100000,
        json_schema_extra=port("number", quantity=quantity("kPa"), samples=[101.325, 200.0, 50.0, 1000.0, 101.325]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Ideal-gas density (kg/m3) and molar volume (L/mol) of a compound given by CAS number at a "
    "temperature and pressure, from its molecular weight and PV = nRT.",
    outputs={
        "density_kg_m3": Output(
            "number",
            "the ideal-gas density in kg/m3 of {cas} at {temperature_k} and {pressure_kpa} kPa",
            asks=(
                "What is the density of {cas} as an ideal gas at {temperature_k} and {pressure_kpa} kPa, in kg/m³?",
                "Treating {cas} as an ideal gas, how many kilograms does one cubic metre of it weigh at "
                "{temperature_k} and {pressure_kpa} kPa?",
            ),
            measure="gas density",
            quantity=quantity("kg/m**3"),
            worth=_a_gas,
        ),
        "molar_volume_l_mol": Output(
            "number",
            "the ideal-gas molar volume in L/mol of {cas} at {temperature_k} and {pressure_kpa} kPa",
            asks=(
                "What is the molar volume of {cas} as an ideal gas at {temperature_k} and {pressure_kpa} kPa, in "
                "L/mol?",
                "How many litres does one mole of {cas} fill as an ideal gas at {temperature_k} and {pressure_kpa} "
                "kPa?",
            ),
            measure="molar volume",
            quantity=quantity("L/mol"),
            worth=_a_gas,
        ),
    },
    examples=[{"cas": "74-82-8", "temperature_k": 298.15, "pressure_kpa": 101.325}],
)
def ideal_gas_density(p: GasState) -> dict:
    mw = metadata(p.cas).MW
    r = 8.314462618
    volume = r * p.temperature_k / (p.pressure_kpa * 1000.0)  # m3/mol
    return {"density_kg_m3": round(mw / 1000.0 / volume, 4), "molar_volume_l_mol": round(volume * 1000.0, 4)}
