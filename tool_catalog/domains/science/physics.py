"""Physics: CODATA 2022 constants (scipy.constants) looked up, searched, converted with Pint and compared as
ratios; units in SI base units; photon energies, black-body radiation, radioactive decay and Doppler shifts.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.science.common import DOMAIN, current_constants
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_CONSTANT_SAMPLES = [
    "electron mass",
    "proton mass",
    "Planck constant",
    "Boltzmann constant",
    "Rydberg constant",
    "Avogadro constant",
]
_CONSTANT_PATTERN = r"^[A-Za-z0-9 .,/()\-]{2,80}$"
CODATA = "CODATA 2022"
UNIT_OF_CALL = quantity("dimensionless", "identifier")
"""A number whose unit depends on the call (the constant named, the unit given): no fixed unit can be declared, so
it is declared an identifier and never summed, divided or compared across calls, which could mix units."""


def _constant(name: str) -> tuple[float, str, float]:
    import scipy.constants

    if name not in current_constants():
        raise ToolInputError(f"unknown CODATA constant {name!r}; names are exact, e.g. 'electron mass'")
    value, unit, uncertainty = scipy.constants.physical_constants[name]
    return float(value), unit, float(uncertainty)


class ConstantName(BaseModel):
    name: str = Field(
        description="Exact CODATA constant name as scipy.constants lists it, e.g. 'electron mass'.",
        pattern=_CONSTANT_PATTERN,
        json_schema_extra=port("physical_constant", samples=_CONSTANT_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="scipy",
    description="Look up a CODATA 2022 physical constant (scipy.constants): value, SI unit, standard uncertainty "
    "and whether the value is exact by definition.",
    outputs={
        "value": Output(
            "number",
            "the CODATA value of {name}",
            asks=(
                "What is the value of {name}? Give it in SI units unless the name states another unit.",
                "Give the recommended value of {name}, in SI units (or in the unit its name states).",
                "I need {name} for a calculation. What is its value, in SI units unless its name says otherwise?",
            ),
            measure="value",
            quantity=UNIT_OF_CALL,
            source=CODATA,
        ),
        "unit": Output(
            "unit",
            "the SI unit of {name}",
            asks=("In which unit is {name} given?", "What are the units of {name}?"),
        ),
        "uncertainty": Output(
            "number",
            "the standard uncertainty of the CODATA value of {name}",
            asks=(
                "What is the standard uncertainty of {name}, in the same unit as its value?",
                "How uncertain is the value of {name}? Give its standard uncertainty in the unit of the value.",
            ),
            measure="standard uncertainty",
            quantity=UNIT_OF_CALL,
            source=CODATA,
        ),
        "relative_uncertainty": Output(
            "number",
            "the relative standard uncertainty of the CODATA value of {name}",
            asks=(
                "Give the relative standard uncertainty of {name}.",
                "How precisely is {name} known? Give its relative standard uncertainty.",
            ),
            measure="relative standard uncertainty",
            quantity=quantity("dimensionless"),
            source=CODATA,
        ),
        "is_exact": Output(
            "boolean",
            "whether {name} is exact by definition in CODATA",
            asks=(
                "Is {name} exact by definition, with no uncertainty?",
                "Has {name} been fixed to an exact value in the SI, or is it still measured?",
            ),
            source=CODATA,
        ),
    },
    examples=[{"name": "electron mass"}, {"name": "speed of light in vacuum"}],
)
def physical_constant_lookup(p: ConstantName) -> dict:
    value, unit, uncertainty = _constant(p.name)
    return {
        "value": value,
        "unit": unit or "dimensionless",
        "uncertainty": uncertainty,
        "relative_uncertainty": float(f"{uncertainty / abs(value):.3g}") if value else 0.0,
        "is_exact": uncertainty == 0.0,
    }


class ConstantKeyword(BaseModel):
    keyword: str = Field(
        description="Case-insensitive text to find in CODATA constant names, e.g. 'Bohr'.",
        pattern=r"^[A-Za-z0-9 .,/()\-]{2,40}$",
        json_schema_extra=port("label", samples=["Bohr", "proton", "Planck", "neutron mass", "Rydberg", "Faraday"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="scipy",
    description="Search the CODATA 2022 constants (scipy.constants.find) for names containing a text, "
    "case-insensitively; returns the sorted matching names and the first one.",
    outputs={
        "matches": Output(
            "string_list",
            "the list of CODATA constants whose names contain '{keyword}'",
            asks=(
                "Which CODATA constants have '{keyword}' in their names? List them.",
                "List every CODATA constant with '{keyword}' in its name.",
            ),
            measure="matching constants",
            source=CODATA,
        ),
        "match_count": Output(
            "count",
            "the number of CODATA constants whose names contain '{keyword}'",
            asks=(
                "How many CODATA constants have '{keyword}' in their names?",
                "How many CODATA recommended constants mention '{keyword}' in their names?",
            ),
            measure="number of matching constants",
            quantity=COUNT,
            source=CODATA,
        ),
        "first_match": Output(
            "physical_constant",
            "the alphabetically first CODATA constant whose name contains '{keyword}'",
            askable=False,
        ),
    },
    examples=[{"keyword": "Bohr"}, {"keyword": "neutron mass"}],
)
def search_physical_constants(p: ConstantKeyword) -> dict:
    needle = p.keyword.strip().lower()
    matches = sorted(n for n in current_constants() if needle in n.lower())
    if not matches:
        raise ToolInputError(f"no CODATA constant name contains {p.keyword!r}")
    return {"matches": matches, "match_count": len(matches), "first_match": matches[0]}


_UNIT_NAME = r"[A-Za-z°µΩ_][A-Za-z0-9°µΩ_]*"
_UNIT_POWER = r"(?:(?:\^|\*\*)-?[1-9])?"
_UNIT_PATTERN = rf"^{_UNIT_NAME}{_UNIT_POWER}(?:(?: ?[*/] ?| ){_UNIT_NAME}{_UNIT_POWER}){{0,5}}$"


@cache
def _units() -> Any:
    import pint

    return pint.UnitRegistry()


def _pint_unit(text: str, what: str) -> Any:
    import pint

    try:
        return _units().parse_units(text)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError, KeyError, SyntaxError):
        raise ToolInputError(f"{what} {text!r} is not a unit pint knows") from None


class ConstantInUnit(BaseModel):
    name: str = Field(
        description="Exact CODATA constant name as scipy.constants lists it, e.g. 'electron mass'.",
        pattern=_CONSTANT_PATTERN,
        json_schema_extra=port("physical_constant", samples=_CONSTANT_SAMPLES),
    )
    to_unit: str = Field(
        description="Target pint unit with the constant's dimension, e.g. 'MeV/c**2' for a mass, 'eV/K' for "
        "Boltzmann's constant, 'kJ/mol', 'eV*s'.",
        max_length=60,
        pattern=_UNIT_PATTERN,
        json_schema_extra=port("unit", samples=["MeV/c**2", "u", "eV*s", "eV/K", "GeV/c**2", "1/mol"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pint",
    description="Express a CODATA 2022 constant (scipy.constants) in another unit of the same dimension with pint, "
    "e.g. the electron mass in MeV/c**2 or the Planck constant in eV*s.",
    outputs={
        "value": Output(
            "number",
            "the value of {name} expressed in {to_unit}",
            asks=(
                "What is {name} in {to_unit}?",
                "Express {name} in {to_unit}.",
                "How large is {name} when written in units of {to_unit}?",
            ),
            measure="value",
            quantity=UNIT_OF_CALL,
            source=CODATA,
        )
    },
    examples=[
        {"name": "electron mass", "to_unit": "MeV/c**2"},
        {"name": "Planck constant", "to_unit": "eV*s"},
        {"name": "Boltzmann constant", "to_unit": "eV/K"},
    ],
)
def constant_in_unit(p: ConstantInUnit) -> dict:
    import pint

    value, unit, _ = _constant(p.name)
    source = _pint_unit(" * ".join(unit.replace("^", "**").split()), "the constant's unit") if unit else None
    target = _pint_unit(p.to_unit, "to_unit")
    try:
        quantity = _units().Quantity(value, source) if source is not None else _units().Quantity(value)
        converted = float(quantity.to(target).magnitude)
    except pint.errors.DimensionalityError:
        raise ToolInputError(
            f"{p.name!r} is in {unit or 'no unit'}, which cannot be expressed in {p.to_unit!r}"
        ) from None
    except (pint.errors.PintError, ValueError, TypeError, ZeroDivisionError, OverflowError) as exc:
        raise ToolInputError(f"cannot express {p.name!r} in {p.to_unit!r}: {exc}"[:200]) from None
    if not math.isfinite(converted):
        raise ToolInputError(f"{p.name!r} in {p.to_unit!r} is not a finite number")
    return {"value": float(f"{converted:.10g}")}


class Wavelength(BaseModel):
    wavelength_nm: float = Field(
        description="Wavelength in nanometres.",
        gt=0,
        le=1e12,
        json_schema_extra=port("number", quantity=quantity("nm"), samples=[532, 650, 405, 1064, 121.6]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Energy and frequency of a photon of a given wavelength (E = hc/lambda, CODATA constants from "
    "scipy), in eV, joules and terahertz, and its wavenumber.",
    outputs={
        "energy_ev": Output(
            "number",
            "the energy in eV of a {wavelength_nm} nm photon",
            asks=(
                "What is the energy of a {wavelength_nm} nm photon, in eV?",
                "How many electronvolts does one photon of {wavelength_nm} nm light carry?",
                "My laser emits at {wavelength_nm} nm. What is its photon energy in eV?",
            ),
            measure="photon energy",
            quantity=quantity("eV"),
        ),
        "energy_j": Output(
            "number",
            "the energy in joules of a {wavelength_nm} nm photon",
            asks=(
                "What is the energy of a single {wavelength_nm} nm photon, in joules?",
                "How many joules does one photon of light with a wavelength of {wavelength_nm} nm carry?",
            ),
            measure="photon energy",
            quantity=quantity("J"),
        ),
        "frequency_thz": Output(
            "number",
            "the frequency in THz of {wavelength_nm} nm light",
            asks=(
                "What is the frequency of {wavelength_nm} nm light, in THz?",
                "Light with a vacuum wavelength of {wavelength_nm} nm oscillates at what frequency, in terahertz?",
            ),
            measure="frequency",
            quantity=quantity("THz"),
        ),
        "wavenumber_cm": Output(
            "number",
            "the wavenumber in 1/cm of {wavelength_nm} nm light",
            asks=(
                "Give the wavenumber of {wavelength_nm} nm light in cm^-1.",
                "Convert a wavelength of {wavelength_nm} nm into a wavenumber in inverse centimetres.",
            ),
            measure="wavenumber",
            quantity=quantity("1/cm"),
        ),
    },
    examples=[{"wavelength_nm": 532}],
)
def photon_energy(p: Wavelength) -> dict:
    from scipy import constants as c

    lam = p.wavelength_nm * 1e-9
    energy = c.h * c.c / lam
    return {
        "energy_ev": float(f"{energy / c.e:.6g}"),
        "energy_j": float(f"{energy:.6g}"),
        "frequency_thz": float(f"{c.c / lam / 1e12:.6g}"),
        "wavenumber_cm": float(f"{1 / (lam * 100):.6g}"),
    }


class BodyTemperature(BaseModel):
    temperature_k: float = Field(
        description="Temperature of the black body in kelvin.",
        gt=0,
        le=1e9,
        json_schema_extra=port("temperature_k", samples=[5772, 3000, 310, 2.725, 10000]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Black-body radiation at a temperature: Wien peak wavelength (nm), total radiant exitance "
    "(Stefan-Boltzmann, W/m2) and peak frequency (GHz), with CODATA constants.",
    outputs={
        "peak_wavelength_nm": Output(
            "number",
            "the Wien peak wavelength in nm of a black body at {temperature_k}",
            asks=(
                "At what wavelength, in nm, does a black body at {temperature_k} emit most strongly?",
                "What is the Wien peak wavelength of a black body at {temperature_k}, in nm?",
                "Where does the spectrum of a black body at {temperature_k} peak, in nanometres?",
            ),
            measure="peak emission wavelength",
            quantity=quantity("nm"),
        ),
        "radiant_exitance_w_m2": Output(
            "number",
            "the radiant exitance in W/m2 of a black body at {temperature_k}",
            asks=(
                "How much power per square metre does a black body at {temperature_k} radiate, in W/m²?",
                "What is the total radiant exitance of a black body at {temperature_k}, in W/m² (Stefan-Boltzmann)?",
            ),
            measure="radiant exitance",
            quantity=quantity("W/m**2"),
        ),
        "peak_frequency_ghz": Output(
            "number",
            "the peak frequency in GHz of a black body at {temperature_k}",
            asks=(
                "At what frequency, in GHz, does the spectrum of a black body at {temperature_k} peak per unit "
                "frequency?",
                "Find the Wien peak frequency of a black body at {temperature_k}, in GHz.",
            ),
            measure="peak emission frequency",
            quantity=quantity("GHz"),
        ),
    },
    examples=[{"temperature_k": 5772}],
)
def black_body(p: BodyTemperature) -> dict:
    from scipy import constants as c

    wien_b = c.physical_constants["Wien wavelength displacement law constant"][0]
    wien_nu = c.physical_constants["Wien frequency displacement law constant"][0]
    return {
        "peak_wavelength_nm": float(f"{wien_b / p.temperature_k * 1e9:.6g}"),
        "radiant_exitance_w_m2": float(f"{c.Stefan_Boltzmann * p.temperature_k**4:.6g}"),
        "peak_frequency_ghz": float(f"{wien_nu * p.temperature_k / 1e9:.6g}"),
    }


class UnitName(BaseModel):
    unit: str = Field(
        description="A unit or compound unit understood by Pint, e.g. 'kWh', 'mile/hour', 'psi'.",
        pattern=_UNIT_PATTERN,
        max_length=60,
        json_schema_extra=port("unit", samples=["kWh", "mile/hour", "psi", "calorie", "light_year"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="Pint",
    description="Express a unit in SI base units (Pint): the factor, the base-unit expression and the physical "
    "dimension, e.g. kWh = 3600000 kg m^2/s^2, [energy].",
    outputs={
        "si_factor": Output(
            "number",
            "the value in SI base units of one {unit}",
            asks=(
                "How much is one {unit} in SI base units? Give the number.",
                "Convert 1 {unit} to SI base units: what factor do you get?",
            ),
            measure="value in SI base units",
            quantity=UNIT_OF_CALL,
        ),
        "si_units": Output(
            "label",
            "the SI base units of {unit}",
            asks=("What SI base units does {unit} reduce to?", "Write the unit {unit} in SI base units."),
        ),
        "dimensionality": Output(
            "label",
            "the physical dimension of {unit}",
            asks=(
                "What physical dimension does {unit} have, in terms of base dimensions such as [mass], [length] and "
                "[time]?",
                "What kind of quantity does {unit} measure? Give its dimension as a product of base dimensions.",
            ),
        ),
    },
    examples=[{"unit": "kWh"}, {"unit": "mile/hour"}],
)
def unit_in_si(p: UnitName) -> dict:
    unit = _pint_unit(p.unit, "unit")
    base = (1 * unit).to_base_units()
    return {
        "si_factor": float(f"{base.magnitude:.10g}"),
        "si_units": f"{base.units:~}",
        "dimensionality": str(base.dimensionality),
    }


class ConstantPair(BaseModel):
    name_a: str = Field(
        description="Exact CODATA constant name (numerator), e.g. 'proton mass'.",
        pattern=r"^[A-Za-z0-9 .,/()\-]{2,80}$",
        json_schema_extra=port(
            "physical_constant", samples=["proton mass", "neutron mass", "muon mass", "alpha particle mass"]
        ),
    )
    name_b: str = Field(
        description="Exact CODATA constant name (denominator), e.g. 'electron mass'.",
        pattern=r"^[A-Za-z0-9 .,/()\-]{2,80}$",
        json_schema_extra=port(
            "physical_constant", samples=["electron mass", "proton mass", "electron mass", "proton mass"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Ratio of two CODATA constants of the same unit (e.g. the proton-electron mass ratio), and its "
    "relative uncertainty from the two constants' uncertainties.",
    outputs={
        "ratio": Output(
            "number",
            "the ratio of the {name_a} to the {name_b}",
            asks=(
                "What is the ratio of {name_a} to {name_b}?",
                "Divide {name_a} by {name_b}. What number do you get?",
            ),
            measure="ratio",
            quantity=quantity("dimensionless"),
            source=CODATA,
        ),
        # Combines the two uncertainties as if independent; CODATA's own ratios are far more precise (the
        # proton-electron mass ratio: 1.7e-11, here 4.4e-10), so it answers no question a person would ask.
        "relative_uncertainty": Output(
            "number",
            "the relative uncertainty of the ratio of the {name_a} to the {name_b}",
            quantity=quantity("dimensionless"),
            askable=False,
        ),
    },
    # Pairs of one unit (masses, magnetic moments, lengths, energies, ...): a ratio across units is refused, so
    # a trace that fails to pair its constant falls back on one of these whole (see evidence.plan_call).
    examples=[
        {"name_a": "proton mass", "name_b": "electron mass"},
        {"name_a": "neutron mass", "name_b": "proton mass"},
        {"name_a": "muon mass", "name_b": "electron mass"},
        {"name_a": "tau mass", "name_b": "muon mass"},
        {"name_a": "alpha particle mass", "name_b": "proton mass"},
        {"name_a": "deuteron mass", "name_b": "proton mass"},
        {"name_a": "Planck mass", "name_b": "proton mass"},
        {"name_a": "helion mag. mom.", "name_b": "nuclear magneton"},
        {"name_a": "proton mag. mom.", "name_b": "nuclear magneton"},
        {"name_a": "electron mag. mom.", "name_b": "Bohr magneton"},
        {"name_a": "neutron mag. mom.", "name_b": "proton mag. mom."},
        {"name_a": "muon mag. mom.", "name_b": "Bohr magneton"},
        {"name_a": "Bohr radius", "name_b": "classical electron radius"},
        {"name_a": "Compton wavelength", "name_b": "Bohr radius"},
        {"name_a": "proton rms charge radius", "name_b": "deuteron rms charge radius"},
        {"name_a": "Hartree energy", "name_b": "electron volt"},
        {"name_a": "electron mass energy equivalent", "name_b": "Hartree energy"},
        {"name_a": "proton gyromag. ratio", "name_b": "neutron gyromag. ratio"},
        {"name_a": "von Klitzing constant", "name_b": "characteristic impedance of vacuum"},
        {"name_a": "Planck time", "name_b": "atomic unit of time"},
        {"name_a": "speed of light in vacuum", "name_b": "atomic unit of velocity"},
        {"name_a": "molar mass of carbon-12", "name_b": "molar mass constant"},
        {
            "name_a": "neutron-proton mass difference energy equivalent in MeV",
            "name_b": "electron mass energy equivalent in MeV",
        },
    ],
)
def constant_ratio(p: ConstantPair) -> dict:
    (va, ua, sa), (vb, ub, sb) = _constant(p.name_a), _constant(p.name_b)
    if ua != ub:
        raise ToolInputError(f"the units differ ({ua!r} vs {ub!r}); compare constants of the same unit")
    if p.name_a == p.name_b:
        raise ToolInputError("the two constants are the same")
    rel = math.hypot(sa / va, sb / vb)
    return {"ratio": float(f"{va / vb:.12g}"), "relative_uncertainty": float(f"{rel:.3g}")}


class Decay(BaseModel):
    half_life: float = Field(
        description="Half-life (any time unit).",
        gt=0,
        le=1e15,
        json_schema_extra=port("number", quantity=quantity("year"), samples=[5730, 8.02, 1600, 12.32, 30.17]),
    )
    elapsed: float = Field(
        description="Elapsed time in the same unit as the half-life.",
        ge=0,
        le=1e15,
        json_schema_extra=port("number", quantity=quantity("year"), samples=[10000, 30, 500, 50, 100]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Exponential decay: the fraction of a radioactive sample left after a time, the decay constant "
    "and the mean lifetime (same time unit as the half-life).",
    outputs={
        # The tool works in any time unit; questions state years (the parameters declare years).
        "remaining_fraction": Output(
            "number",
            "the fraction left after {elapsed} time units with a half-life of {half_life}",
            asks=(
                "What fraction of a radioactive sample with a half-life of {half_life} years is left after {elapsed} "
                "years?",
                "An isotope has a half-life of {half_life} years. How much of it, as a fraction, remains after "
                "{elapsed} years?",
                "A bone contained an isotope with a half-life of {half_life} years. What fraction of it survives "
                "{elapsed} years of decay?",
            ),
            measure="remaining fraction",
            quantity=quantity("dimensionless"),
        ),
        "decay_constant": Output(
            "number",
            "the decay constant for a half-life of {half_life} (after {elapsed} units)",
            asks=(
                "A sample with a half-life of {half_life} years has been decaying for {elapsed} years. What is its "
                "decay constant, per year?",
                "What decay constant, in 1/year, goes with a half-life of {half_life} years (the sample is {elapsed} "
                "years old)?",
            ),
            measure="decay constant",
            quantity=quantity("1/year"),
        ),
        "mean_lifetime": Output(
            "number",
            "the mean lifetime for a half-life of {half_life} (after {elapsed} units)",
            asks=(
                "A sample with a half-life of {half_life} years has been decaying for {elapsed} years. What is the "
                "mean lifetime of its atoms, in years?",
                "How long, in years, does an atom live on average when the half-life is {half_life} years (the "
                "sample is {elapsed} years old)?",
            ),
            measure="mean lifetime",
            quantity=quantity("year"),
        ),
    },
    examples=[{"half_life": 5730, "elapsed": 10000}],
)
def radioactive_decay(p: Decay) -> dict:
    lam = math.log(2) / p.half_life
    return {
        "remaining_fraction": float(f"{math.exp(-lam * p.elapsed):.8g}"),
        "decay_constant": float(f"{lam:.8g}"),
        "mean_lifetime": float(f"{1 / lam:.8g}"),
    }


class Doppler(BaseModel):
    wavelength_nm: float = Field(
        description="Emitted (rest) wavelength in nm.",
        gt=0,
        le=1e9,
        json_schema_extra=port("number", quantity=quantity("nm"), samples=[656.28, 486.13, 21e7, 500, 393.37]),
    )
    velocity_km_s: float = Field(
        description="Radial velocity in km/s (positive = receding).",
        gt=-299792,
        lt=299792,
        json_schema_extra=port("number", quantity=quantity("km/s"), samples=[1000, -300, 30000, 15, 100000]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Relativistic Doppler shift of light from a source moving along the line of sight: observed "
    "wavelength and redshift z (speed of light from CODATA).",
    outputs={
        "observed_nm": Output(
            "number",
            "the observed wavelength of {wavelength_nm} nm light from a source at {velocity_km_s} km/s",
            asks=(
                "A source emits a line at {wavelength_nm} nm and moves away from us at {velocity_km_s} km/s (negative "
                "if approaching). At what wavelength, in nm, do we see the line?",
                "What is the observed wavelength, in nm, of the {wavelength_nm} nm line from a source with a radial "
                "velocity of {velocity_km_s} km/s (positive = receding, relativistic Doppler)?",
            ),
            measure="observed wavelength",
            quantity=quantity("nm"),
        ),
        "redshift": Output(
            "number",
            "the redshift z of a source receding at {velocity_km_s} km/s (line {wavelength_nm} nm)",
            asks=(
                "A galaxy moves away from us at {velocity_km_s} km/s (negative if approaching). What redshift z does "
                "its {wavelength_nm} nm line show, with the relativistic Doppler formula?",
                "What is the redshift z of the {wavelength_nm} nm line from a source with a radial velocity of "
                "{velocity_km_s} km/s (positive = receding)?",
            ),
            measure="redshift",
            quantity=quantity("dimensionless"),
        ),
    },
    examples=[{"wavelength_nm": 656.28, "velocity_km_s": 1000}],
)
def doppler_shift(p: Doppler) -> dict:
    from scipy.constants import c

    beta = p.velocity_km_s * 1000 / c
    factor = math.sqrt((1 + beta) / (1 - beta))
    return {"observed_nm": float(f"{p.wavelength_nm * factor:.8g}"), "redshift": float(f"{factor - 1:.8g}")}
