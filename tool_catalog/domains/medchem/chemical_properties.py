"""Tabulated properties of a compound by CAS number (chemicals: CRC, NIST WebBook, Yaws, IUPAC, Perry's, Poling,
Magalhaes, Hansen, IPCC, Ontario exposure limits ... tables): phase transitions, critical constants, hazards,
thermochemistry, polarity and a family of further scalar properties. Only tabulated values are returned:
group-contribution estimates (Joback, Wilson-Jasperson, Fedors) are skipped."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.medchem.common import CAS, DOMAIN, CasNumber, checked_cas, metadata, r
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_ESTIMATION_METHODS = frozenset({"JOBACK", "WILSON_JASPERSON", "FEDORS", "ACENTRIC_DEFINITION"})
"""chemicals methods that estimate a property instead of looking up a tabulated value."""

_TB_SOURCE = "the CRC Handbook"
_TM_SOURCE = "the Open Notebook Science and CRC Handbook melting-point tables"
_SAFETY_SOURCE = "IEC 60079-20-1 and NFPA 497"
_HANSEN_SOURCE = "Hansen's Solubility Parameters handbook"
_IPCC_100YR = "IPCC (2021) 100yr"
"""The chemicals method of the IPCC AR6 100-year values. Without a method chemicals returns the AR6 20-year GWP and
the 50-year GTP (methane: 81.2 and 11.0 instead of 27.9 and 5.38), which the tool used to report as 100-year values."""


def _tabulated(
    getter: Callable[..., Any],
    methods: Callable[..., list[str]],
    cas: str,
    skip: frozenset[str] = frozenset(),
    **kw: Any,
) -> Any:
    """The first tabulated (non-estimated) value of a property, in the package's order of preference; methods in
    ``skip`` are passed over too."""
    for method in methods(CASRN=cas, **kw):
        if method in _ESTIMATION_METHODS or method in skip:
            continue
        value = getter(CASRN=cas, method=method, **kw)
        if value is not None and not (isinstance(value, float) and math.isnan(value)):
            return value
    return None


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Normal boiling point and melting point in kelvin of a compound given by CAS number (tabulated "
    "CRC, NIST WebBook, Yaws, CAS Common Chemistry or Wikidata values), and its liquid range.",
    outputs={
        "boiling_point_k": Output(
            "temperature_k",
            "the normal boiling point in kelvin of {cas}",
            asks=(
                "What is the normal boiling point of {cas} in kelvin?",
                "At what temperature, in K, does {cas} boil at 1 atm?",
                "How hot must {cas} get, in kelvin, before it boils at atmospheric pressure?",
            ),
            measure="normal boiling point",
            source=_TB_SOURCE,
        ),
        "melting_point_k": Output(
            "temperature_k",
            "the melting point in kelvin of {cas}",
            asks=(
                "What is the melting point of {cas} in kelvin?",
                "At what temperature, in K, does {cas} melt?",
                "Below what temperature in kelvin does {cas} freeze solid?",
            ),
            measure="melting point",
            source=_TM_SOURCE,
        ),
        "liquid_range_k": Output(
            "number",
            "the width in kelvin of the liquid range at 1 atm of {cas}",
            asks=(
                "Over how many kelvin is {cas} a liquid at 1 atm?",
                "How wide is the liquid range of {cas} at atmospheric pressure, from melting to boiling point, in K?",
            ),
            measure="width of the liquid range",
            quantity=quantity("K"),
            source=_TM_SOURCE,
        ),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "7439-89-6"}],
)
def chemical_phase_transitions(p: CasNumber) -> dict:
    from chemicals import phase_change

    cas = checked_cas(p.cas)
    tb = _tabulated(phase_change.Tb, phase_change.Tb_methods, cas)
    tm = _tabulated(phase_change.Tm, phase_change.Tm_methods, cas)
    if tb is None and tm is None:
        raise ToolInputError(f"no tabulated boiling or melting point for CAS {cas}")
    liquid = tb - tm if tb is not None and tm is not None and tb > tm else None
    return {"boiling_point_k": r(tb, 2), "melting_point_k": r(tm, 2), "liquid_range_k": r(liquid, 2)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Critical temperature (K), critical pressure (bar), critical molar volume (cm3/mol) and acentric "
    "factor of a compound given by CAS number, from evaluated tables (IUPAC, CRC, NIST, Yaws ...).",
    outputs={
        "critical_temperature_k": Output(
            "temperature_k",
            "the critical temperature in kelvin of {cas}",
            asks=(
                "What is the critical temperature of {cas} in kelvin?",
                "Above what temperature, in K, can {cas} no longer be liquefied by pressure alone?",
                "Where is the critical point of {cas}? Give its temperature in kelvin.",
            ),
            measure="critical temperature",
        ),
        "critical_pressure_bar": Output(
            "number",
            "the critical pressure in bar of {cas}",
            asks=(
                "What is the critical pressure of {cas} in bar?",
                "How much pressure, in bar, does {cas} reach at its critical point?",
                "What pressure in bar does it take to liquefy {cas} at its critical temperature?",
            ),
            measure="critical pressure",
            quantity=quantity("bar"),
        ),
        "critical_volume_cm3_mol": Output(
            "number",
            "the critical molar volume in cm3/mol of {cas}",
            asks=(
                "What is the critical molar volume of {cas}, in cm³/mol?",
                "How much volume does one mole of {cas} take up at its critical point, in cubic centimetres?",
            ),
            measure="critical molar volume",
            quantity=quantity("cm**3/mol"),
        ),
        "acentric_factor": Output(
            "number",
            "the acentric factor of {cas}",
            asks=("What is the acentric factor of {cas}?", "Give the Pitzer acentric factor ω of {cas}."),
            measure="acentric factor",
            quantity=quantity("dimensionless", "interval"),
        ),
    },
    examples=[{"cas": "7732-18-5"}, {"cas": "124-38-9"}],
)
def chemical_critical_point(p: CasNumber) -> dict:
    from chemicals import acentric, critical

    cas = checked_cas(p.cas)
    tc = _tabulated(critical.Tc, critical.Tc_methods, cas)
    pc = _tabulated(critical.Pc, critical.Pc_methods, cas)
    vc = _tabulated(critical.Vc, critical.Vc_methods, cas)
    omega = _tabulated(acentric.omega, acentric.omega_methods, cas)
    if tc is None and pc is None:
        raise ToolInputError(f"no tabulated critical constants for CAS {cas}")
    return {
        "critical_temperature_k": r(tc, 2),
        "critical_pressure_bar": r(None if pc is None else pc / 1e5, 3),
        "critical_volume_cm3_mol": r(None if vc is None else vc * 1e6, 2),
        "acentric_factor": r(omega, 4),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Hazard data of a compound given by CAS number: flash point and autoignition temperature (K), lower "
    "and upper flammability limits (vol %), IARC carcinogen group, NTP Report on Carcinogens status and the "
    "Ontario 8-hour exposure limit.",
    outputs={
        "flash_point_k": Output(
            "temperature_k",
            "the flash point in kelvin of {cas}",
            asks=(
                "What is the flash point of {cas} in kelvin?",
                "Above what temperature, in K, can the vapour over {cas} catch fire from a spark?",
                "I'm storing {cas} in a warm room. At what temperature, in kelvin, does it reach its flash point?",
            ),
            measure="flash point",
            source=_SAFETY_SOURCE,
        ),
        "autoignition_k": Output(
            "temperature_k",
            "the autoignition temperature in kelvin of {cas}",
            asks=(
                "What is the autoignition temperature of {cas} in kelvin?",
                "At what temperature, in K, does {cas} ignite in air without a flame or spark?",
            ),
            measure="autoignition temperature",
            source=_SAFETY_SOURCE,
        ),
        "lower_flammability_limit_pct": Output(
            "number",
            "the lower flammability limit in volume percent of {cas}",
            asks=(
                "What is the lower flammability limit of {cas} in air, in percent by volume?",
                "Below what concentration in air, in vol %, is the vapour of {cas} too lean to burn?",
            ),
            measure="lower flammability limit",
            quantity=quantity("percent"),
            source=_SAFETY_SOURCE,
        ),
        "upper_flammability_limit_pct": Output(
            "number",
            "the upper flammability limit in volume percent of {cas}",
            asks=(
                "What is the upper flammability limit of {cas} in air, in percent by volume?",
                "Above what concentration in air, in vol %, is the vapour of {cas} too rich to burn?",
            ),
            measure="upper flammability limit",
            quantity=quantity("percent"),
            source=_SAFETY_SOURCE,
        ),
        "iarc_group": Output(
            "label",
            "the IARC carcinogen classification of {cas}",
            asks=(
                "How does IARC classify {cas} as a carcinogen?",
                "Which IARC carcinogen group is {cas} in?",
                "What does IARC say of {cas} as a human carcinogen? Give its group.",
            ),
            worth=lambda _args, out: out.get("iarc_group") not in (None, "Unlisted"),  # asked of what IARC lists
        ),
        "ntp_status": Output(
            "label",
            "the carcinogen status in the NTP 13th Report on Carcinogens of {cas}",
            asks=(
                "How does the NTP's 13th Report on Carcinogens list {cas}: known, reasonably anticipated, or unlisted?",
                "What is the carcinogen status of {cas} in the 13th Report on Carcinogens?",
            ),
        ),
        "exposure_limit_twa": Output(
            "label",
            "the Ontario 8-hour time-weighted exposure limit of {cas}",
            asks=(
                "What is Ontario's 8-hour time-weighted exposure limit for {cas}?",
                "What average exposure to {cas} over an 8-hour shift does Ontario allow? Give the limit with its unit.",
            ),
        ),
    },
    examples=[{"cas": "71-43-2"}, {"cas": "64-17-5"}, {"cas": "50-00-0"}],
)
def chemical_hazards(p: CasNumber) -> dict:
    from chemicals import safety

    cas = metadata(p.cas).CASs
    lfl = _tabulated(safety.LFL, safety.LFL_methods, cas)
    ufl = _tabulated(safety.UFL, safety.UFL_methods, cas)
    carcinogen = safety.Carcinogen(cas)
    twa = safety.TWA(cas)
    return {
        "flash_point_k": r(_tabulated(safety.T_flash, safety.T_flash_methods, cas), 2),
        "autoignition_k": r(_tabulated(safety.T_autoignition, safety.T_autoignition_methods, cas), 2),
        "lower_flammability_limit_pct": r(None if lfl is None else lfl * 100, 3),
        "upper_flammability_limit_pct": r(None if ufl is None else ufl * 100, 3),
        "iarc_group": carcinogen["International Agency for Research on Cancer"],
        "ntp_status": carcinogen["National Toxicology Program 13th Report on Carcinogens"],
        "exposure_limit_twa": None if twa is None else f"{twa[0]:g} {twa[1]}",
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Standard thermochemistry of a compound given by CAS number: enthalpy of formation of the gas and "
    "liquid (kJ/mol), standard gas entropy (J/mol/K) and the higher heating value (kJ/mol) of the gas computed "
    "from its formation enthalpy and combustion stoichiometry.",
    outputs={
        "hf_gas_kj_mol": Output(
            "number",
            "the standard enthalpy of formation in kJ/mol of {cas} in the gas phase",
            asks=(
                "What is the standard enthalpy of formation of {cas} in the gas phase, in kJ/mol?",
                "What is ΔfH° of {cas} as a gas, in kJ/mol?",
            ),
            measure="standard enthalpy of formation of the gas",
            quantity=quantity("kJ/mol", "interval"),
        ),
        "hf_liquid_kj_mol": Output(
            "number",
            "the standard enthalpy of formation in kJ/mol of {cas} in the liquid phase",
            asks=(
                "What is the standard enthalpy of formation of {cas} as a liquid, in kJ/mol?",
                "Give ΔfH° of {cas} in the liquid phase, in kJ/mol.",
            ),
            measure="standard enthalpy of formation of the liquid",
            quantity=quantity("kJ/mol", "interval"),
        ),
        "s0_gas_j_mol_k": Output(
            "number",
            "the standard molar entropy in J/(mol K) of {cas} in the gas phase",
            asks=(
                "What is the standard molar entropy of {cas} as a gas, in J/(mol·K)?",
                "Give S° of {cas} in the gas phase in J/(mol K).",
            ),
            measure="standard molar entropy of the gas",
            quantity=quantity("J/(mol*K)"),
        ),
        "heat_of_combustion_kj_mol": Output(
            "number",
            "the higher heating value in kJ/mol of {cas} burned as a gas",
            asks=(
                "What is the higher heating value of {cas} burned as a gas, in kJ/mol?",
                "How much heat, in kJ per mole, does {cas} release when burned completely as a gas, with the water "
                "condensed?",
                "If one mole of {cas} is burned completely as a gas, how many kJ of heat are released (higher heating "
                "value)?",
            ),
            measure="higher heating value",
            quantity=quantity("kJ/mol"),
        ),
    },
    examples=[{"cas": "74-82-8"}, {"cas": "64-17-5"}],
)
def chemical_thermochemistry(p: CasNumber) -> dict:
    from chemicals import combustion, reaction
    from chemicals.elements import simple_formula_parser

    meta = metadata(p.cas)
    cas = meta.CASs
    hfg = _tabulated(reaction.Hfg, reaction.Hfg_methods, cas)
    hfl = _tabulated(reaction.Hfl, reaction.Hfl_methods, cas)
    s0g = _tabulated(reaction.S0g, reaction.S0g_methods, cas)
    if hfg is None and hfl is None and s0g is None:
        raise ToolInputError(f"no tabulated formation enthalpy or entropy for CAS {cas}")
    hhv = None
    if hfg is not None:
        atoms = simple_formula_parser(meta.formula)
        if "C" in atoms or "H" in atoms:
            try:
                hhv = -combustion.HHV_stoichiometry(combustion.combustion_stoichiometry(atoms), hfg) / 1000.0
            except KeyError:  # an element whose combustion product chemicals does not model (Si, ...)
                hhv = None
    return {
        "hf_gas_kj_mol": r(None if hfg is None else hfg / 1000.0, 3),
        "hf_liquid_kj_mol": r(None if hfl is None else hfl / 1000.0, 3),
        "s0_gas_j_mol_k": r(s0g, 3),
        "heat_of_combustion_kj_mol": r(hhv, 2),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Polarity data of a compound given by CAS number: octanol-water partition coefficient (log P), "
    "dipole moment (debye) and refractive index (sodium D line).",
    outputs={
        "log_p": Output(
            "number",
            "the octanol-water partition coefficient log P of {cas}",
            asks=(
                "What is the octanol-water partition coefficient (log P) of {cas}?",
                "How lipophilic is {cas}? Give its log P.",
                "What is the log Kow of {cas}?",
            ),
            measure="octanol-water partition coefficient (log P)",
            quantity=quantity("dimensionless", "interval"),
            source="the CRC Handbook",
        ),
        "dipole_moment_debye": Output(
            "number",
            "the dipole moment in debye of {cas}",
            asks=(
                "What is the dipole moment of {cas} in debye?",
                "How polar is a molecule of {cas}? Give its dipole moment in D.",
            ),
            measure="dipole moment",
            quantity=quantity("debye"),
            source="the NIST CCCBDB",
        ),
        "refractive_index": Output(
            "number",
            "the refractive index of {cas}",
            asks=(
                "What is the refractive index of {cas} at the sodium D line?",
                "Give the refractive index n_D of {cas}.",
            ),
            measure="refractive index",
            quantity=quantity("dimensionless"),
        ),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "50-78-2"}],
)
def chemical_polarity(p: CasNumber) -> dict:
    from chemicals import dipole, environment, refractivity

    cas = checked_cas(p.cas)
    logp = _tabulated(environment.logP, environment.logP_methods, cas)
    mu = _tabulated(dipole.dipole_moment, dipole.dipole_moment_methods, cas)
    ri = _tabulated(refractivity.RI, refractivity.RI_methods, cas)
    if logp is None and mu is None and ri is None:
        raise ToolInputError(f"no tabulated log P, dipole moment or refractive index for CAS {cas}")
    return {
        "log_p": r(logp, 3),
        "dipole_moment_debye": r(mu, 3),
        "refractive_index": r(None if ri is None else ri[0], 4),
    }


def _cas_params(name: str, samples: list[str]) -> type[BaseModel]:
    """A CAS-number parameter model whose samples are compounds the table covers (sparse tables differ)."""
    from pydantic import create_model

    field = Field(
        description="CAS registry number, e.g. '64-17-5' for ethanol.",
        pattern=CAS,
        json_schema_extra=port("cas_number", samples=samples),
    )
    return create_model(name, cas=(str, field))


_TriplePointCas = _cas_params("TriplePointCas", ["7732-18-5", "64-17-5", "71-43-2", "100-42-5", "124-38-9"])
_FusionCas = _cas_params("FusionCas", ["7732-18-5", "71-43-2", "64-17-5", "100-42-5", "108-88-3"])
_VaporizationCas = _cas_params("VaporizationCas", ["64-17-5", "7732-18-5", "71-43-2", "67-64-1", "108-88-3"])
_SublimationCas = _cas_params("SublimationCas", ["103-90-2", "100-21-0", "100-01-6", "106-37-6", "100-00-5"])
_OctaneCas = _cas_params("OctaneCas", ["64-17-5", "540-84-1", "71-43-2", "108-88-3", "100-41-4"])
_GasCas = _cas_params("GasCas", ["7727-37-9", "74-82-8", "124-38-9", "100-42-5", "71-43-2"])
_GyrationCas = _cas_params("GyrationCas", ["64-17-5", "71-43-2", "7732-18-5", "100-42-5", "74-82-8"])
_ExposureCas = _cas_params("ExposureCas", ["64-17-5", "67-56-1", "71-43-2", "108-88-3", "100-42-5"])
_SolventCas = _cas_params("SolventCas", ["64-17-5", "67-64-1", "71-43-2", "108-88-3", "67-56-1"])
_ClimateCas = _cas_params("ClimateCas", ["74-82-8", "124-38-9", "10024-97-2", "75-69-4", "75-71-8"])
_CondensedCas = _cas_params("CondensedCas", ["64-17-5", "7732-18-5", "71-43-2", "108-88-3", "67-56-1"])


def _scalar(module: str, prop: str, cas: str, skip: frozenset[str] = frozenset()) -> Any:
    """The first tabulated value of ``chemicals.<module>.<prop>`` (see :func:`_tabulated`), minus ``skip``."""
    import importlib

    mod = importlib.import_module(f"chemicals.{module}")
    return _tabulated(getattr(mod, prop), getattr(mod, f"{prop}_methods"), cas, skip=skip)


def _ipcc_100yr(getter: Callable[..., Any], methods: Callable[..., list[str]], cas: str) -> float | None:
    """The IPCC AR6 (2021) 100-year value of a climate metric, or None where that report lists none."""
    return getter(cas, method=_IPCC_100YR) if _IPCC_100YR in methods(cas) else None


def _require(cas: str, what: str, values: dict[str, Any]) -> dict[str, Any]:
    if all(v is None for v in values.values()):
        raise ToolInputError(f"no tabulated {what} for CAS {cas}")
    return values


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Triple point of a compound by CAS number: temperature (K) and pressure (Pa), from the "
    "CoolProp/HEOS and NIST WebBook tables of the chemicals package.",
    outputs={
        "triple_point_k": Output(
            "temperature_k",
            "the triple-point temperature in kelvin of {cas}",
            asks=(
                "What is the triple-point temperature of {cas} in kelvin?",
                "At what temperature, in K, can {cas} exist as solid, liquid and gas at once?",
            ),
            measure="triple-point temperature",
        ),
        "triple_point_pa": Output(
            "number",
            "the triple-point pressure in Pa of {cas}",
            asks=(
                "What is the triple-point pressure of {cas} in pascals?",
                "At what pressure, in Pa, do the solid, liquid and vapour of {cas} coexist?",
            ),
            measure="triple-point pressure",
            quantity=quantity("Pa"),
        ),
    },
    examples=[{"cas": "7732-18-5"}, {"cas": "64-17-5"}],
)
def chemical_triple_point(p: _TriplePointCas) -> dict:
    cas = checked_cas(p.cas)
    return _require(
        cas,
        "triple point",
        {
            "triple_point_k": r(_scalar("triple", "Tt", cas, frozenset({"MELTING"})), 3),
            "triple_point_pa": r(_scalar("triple", "Pt", cas), 6),
        },
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Enthalpy of fusion of a compound by CAS number (CRC tables) in kJ/mol and J/g, and the entropy "
    "of fusion (enthalpy over melting point) in J/(mol K).",
    outputs={
        "hfus_kj_mol": Output(
            "number",
            "the enthalpy of fusion in kJ/mol of {cas}",
            asks=(
                "What is the molar enthalpy of fusion of {cas} in kJ/mol?",
                "How much heat, in kJ per mole, does it take to melt {cas} at its melting point?",
            ),
            measure="molar enthalpy of fusion",
            quantity=quantity("kJ/mol"),
        ),
        "hfus_j_g": Output(
            "number",
            "the enthalpy of fusion in J/g of {cas}",
            asks=(
                "What is the specific enthalpy of fusion of {cas} in J/g?",
                "How many joules does it take to melt one gram of {cas} at its melting point?",
                "What is the latent heat of fusion of {cas} per gram, in joules?",
            ),
            measure="specific enthalpy of fusion",
            quantity=quantity("J/g"),
        ),
        "sfus_j_mol_k": Output(
            "number",
            "the entropy of fusion in J/(mol K) of {cas}",
            asks=(
                "What is the entropy of fusion of {cas} in J/(mol·K)?",
                "By how much, in J/(mol K), does the entropy of {cas} rise when it melts?",
            ),
            measure="entropy of fusion",
            quantity=quantity("J/(mol*K)"),
        ),
    },
    examples=[{"cas": "7732-18-5"}, {"cas": "71-43-2"}],
)
def chemical_heat_of_fusion(p: _FusionCas) -> dict:
    from chemicals import phase_change

    cas = checked_cas(p.cas)
    hfus = _tabulated(phase_change.Hfus, phase_change.Hfus_methods, cas)
    if hfus is None:
        raise ToolInputError(f"no tabulated enthalpy of fusion for CAS {cas}")
    tm = _tabulated(phase_change.Tm, phase_change.Tm_methods, cas)
    mw = metadata(cas).MW
    return {
        "hfus_kj_mol": r(hfus / 1000.0, 3),
        "hfus_j_g": r(hfus / mw, 2),
        "sfus_j_mol_k": r(hfus / tm, 3) if tm else None,
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Enthalpy of vaporization of a compound by CAS number at its normal boiling point and at 298.15 K "
    "(CRC tables, kJ/mol), with the Trouton ratio (entropy of vaporization at the boiling point, J/(mol K)).",
    outputs={
        "hvap_at_tb_kj_mol": Output(
            "number",
            "the enthalpy of vaporization at the normal boiling point in kJ/mol of {cas}",
            asks=(
                "What is the enthalpy of vaporization of {cas} at its normal boiling point, in kJ/mol?",
                "How much heat, in kJ per mole, does it take to boil off {cas} at its normal boiling point?",
            ),
            measure="enthalpy of vaporization at the boiling point",
            quantity=quantity("kJ/mol"),
        ),
        "hvap_298_kj_mol": Output(
            "number",
            "the enthalpy of vaporization at 298.15 K in kJ/mol of {cas}",
            asks=(
                "What is the enthalpy of vaporization of {cas} at 25 °C, in kJ/mol?",
                "How much heat, in kJ/mol, does {cas} need to evaporate at 298.15 K?",
            ),
            measure="enthalpy of vaporization at 298.15 K",
            quantity=quantity("kJ/mol"),
        ),
        "trouton_ratio": Output(
            "number",
            "the entropy of vaporization at the boiling point in J/(mol K) of {cas}",
            asks=(
                "What is the entropy of vaporization of {cas} at its normal boiling point, in J/(mol·K)?",
                "What Trouton ratio, in J/(mol K), does {cas} have at its boiling point?",
            ),
            measure="entropy of vaporization at the boiling point",
            quantity=quantity("J/(mol*K)"),
        ),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "7732-18-5"}],
)
def chemical_heat_of_vaporization(p: _VaporizationCas) -> dict:
    from chemicals import phase_change

    cas = checked_cas(p.cas)
    table = phase_change.Hvap_data_CRC
    if cas not in table.index:
        raise ToolInputError(f"no tabulated enthalpy of vaporization for CAS {cas}")
    row = table.loc[cas]
    hvap_tb, hvap_298, tb = (float(row[k]) for k in ("HvapTb", "Hvap298", "Tb"))
    return {
        "hvap_at_tb_kj_mol": r(hvap_tb / 1000.0, 3) if math.isfinite(hvap_tb) else None,
        "hvap_298_kj_mol": r(hvap_298 / 1000.0, 3) if math.isfinite(hvap_298) else None,
        "trouton_ratio": r(hvap_tb / tb, 2) if math.isfinite(hvap_tb) and tb > 0 else None,
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Enthalpy of sublimation of a compound by CAS number (Gharagheizi's compilation), in kJ/mol.",
    outputs={
        "hsub_kj_mol": Output(
            "number",
            "the enthalpy of sublimation in kJ/mol of {cas}",
            asks=(
                "What is the enthalpy of sublimation of {cas} in kJ/mol?",
                "How much heat, in kJ per mole, does {cas} need to sublime?",
            ),
            measure="enthalpy of sublimation",
            quantity=quantity("kJ/mol"),
            source="Gharagheizi's compilation of sublimation enthalpies",
        )
    },
    examples=[{"cas": "103-90-2"}, {"cas": "100-21-0"}],
)
def chemical_heat_of_sublimation(p: _SublimationCas) -> dict:
    from chemicals import phase_change

    cas = checked_cas(p.cas)
    table = phase_change.Hsub_data_Gharagheizi
    if cas not in table.index:
        raise ToolInputError(f"no tabulated enthalpy of sublimation for CAS {cas}")
    return {"hsub_kj_mol": r(float(table.loc[cas, "Hsub"]) / 1000.0, 3)}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Research and motor octane numbers of a fuel compound by CAS number (Florian and Liming's "
    "measured data) and its anti-knock index (R+M)/2 as shown on US pumps.",
    outputs={
        "research_octane": Output(
            "number",
            "the research octane number of {cas}",
            asks=(
                "What is the research octane number (RON) of {cas}?",
                "How knock-resistant is {cas} as a fuel? Give its RON.",
            ),
            measure="research octane number",
            quantity=quantity("dimensionless", "interval"),
        ),
        "motor_octane": Output(
            "number",
            "the motor octane number of {cas}",
            asks=("What is the motor octane number (MON) of {cas}?", "Give the MON of {cas} as a fuel."),
            measure="motor octane number",
            quantity=quantity("dimensionless", "interval"),
        ),
        "anti_knock_index": Output(
            "number",
            "the anti-knock index (R+M)/2 of {cas}",
            asks=(
                "What anti-knock index (R+M)/2 would a US pump show for {cas} as a pure fuel?",
                "What is the (R+M)/2 octane rating of {cas}?",
            ),
            measure="anti-knock index",
            quantity=quantity("dimensionless", "interval"),
        ),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "540-84-1"}],
)
def chemical_octane_numbers(p: _OctaneCas) -> dict:
    cas = checked_cas(p.cas)
    skip = frozenset({"FLORIAN_LIMING_ANN"})
    ron, mon = _scalar("combustion", "RON", cas, skip), _scalar("combustion", "MON", cas, skip)
    if ron is None and mon is None:
        raise ToolInputError(f"no measured octane number for CAS {cas}")
    return {
        "research_octane": r(ron, 2),
        "motor_octane": r(mon, 2),
        "anti_knock_index": r((ron + mon) / 2, 2) if ron is not None and mon is not None else None,
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Lennard-Jones parameters of a gas by CAS number (Magalhaes et al. 2013 and Poling tables): the "
    "Stockmayer well depth epsilon/k (K) and the molecular diameter sigma (angstrom).",
    outputs={
        "epsilon_over_k": Output(
            "number",
            "the Lennard-Jones well depth epsilon/k in kelvin of {cas}",
            asks=(
                "What is the Lennard-Jones well depth ε/k of {cas}, in kelvin?",
                "Give the Lennard-Jones energy parameter epsilon/k of {cas} in K.",
            ),
            measure="Lennard-Jones well depth",
            quantity=quantity("K"),
            source="the Magalhães et al. (2013) and Poling et al. (2001) tables",
        ),
        "sigma_angstrom": Output(
            "number",
            "the Lennard-Jones molecular diameter in angstrom of {cas}",
            asks=(
                "What is the Lennard-Jones collision diameter σ of {cas}, in ångström?",
                "How large is a molecule of {cas} by its Lennard-Jones diameter, in Å?",
            ),
            measure="Lennard-Jones diameter",
            quantity=quantity("angstrom"),
            source="the Magalhães et al. (2013) and Poling et al. (2001) tables",
        ),
    },
    examples=[{"cas": "7727-37-9"}, {"cas": "74-82-8"}],
)
def chemical_lennard_jones(p: _GasCas) -> dict:
    cas = checked_cas(p.cas)
    return _require(
        cas,
        "Lennard-Jones parameters",
        {
            "epsilon_over_k": r(_scalar("lennard_jones", "Stockmayer", cas), 3),
            "sigma_angstrom": r(_scalar("lennard_jones", "molecular_diameter", cas), 4),
        },
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Radius of gyration of a molecule by CAS number (PSI4 and ChemSep tables), in angstrom.",
    outputs={
        "radius_of_gyration_angstrom": Output(
            "number",
            "the radius of gyration in angstrom of {cas}",
            asks=(
                "What is the molecular radius of gyration of {cas}, in ångström?",
                "How large is the radius of gyration of a molecule of {cas}, in Å?",
            ),
            measure="radius of gyration",
            quantity=quantity("angstrom"),
            source="the ChemSep pure-component databank",
        )
    },
    examples=[{"cas": "64-17-5"}, {"cas": "71-43-2"}],
)
def chemical_radius_of_gyration(p: _GyrationCas) -> dict:
    cas = checked_cas(p.cas)
    rg = _scalar("molecular_geometry", "RG", cas)
    if rg is None:
        raise ToolInputError(f"no tabulated radius of gyration for CAS {cas}")
    return {"radius_of_gyration_angstrom": r(rg * 1e10, 4)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Short-term and ceiling occupational exposure limits of a compound by CAS number (Ontario "
    "limits) and whether it carries a skin-absorption notation.",
    outputs={
        "stel": Output(
            "label",
            "the short-term (15 minute) exposure limit of {cas}",
            asks=(
                "What is Ontario's 15-minute short-term exposure limit for {cas}?",
                "What short-term (15-minute) exposure to {cas} does Ontario allow workers? Give the limit with its "
                "unit.",
            ),
        ),
        "ceiling": Output(
            "label",
            "the ceiling exposure limit of {cas}",
            asks=(
                "What is Ontario's ceiling exposure limit for {cas}?",
                "Which concentration of {cas} must a worker in Ontario never exceed, even briefly? Give it with its "
                "unit.",
            ),
        ),
        "skin_notation": Output(
            "boolean",
            "whether {cas} carries a skin-absorption notation",
            asks=(
                "Does {cas} carry a skin notation in Ontario's occupational exposure limits?",
                "Is {cas} flagged in Ontario's exposure limits as a substance absorbed through the skin?",
            ),
        ),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "67-56-1"}],
)
def chemical_exposure_limits(p: _ExposureCas) -> dict:
    from chemicals import safety

    cas = checked_cas(p.cas)

    def limit(fn: Any) -> str | None:
        value = fn(cas)
        return None if not value else f"{value[0]:g} {value[1]}"

    stel, ceiling, skin = limit(safety.STEL), limit(safety.Ceiling), safety.Skin(cas)
    if stel is None and ceiling is None and skin is None:
        raise ToolInputError(f"no tabulated exposure limits for CAS {cas}")
    return {"stel": stel, "ceiling": ceiling, "skin_notation": skin}


def _hansen(cas: str) -> tuple[float, float, float]:
    from chemicals import solubility

    values = [getattr(solubility, f"hansen_delta_{k}")(cas) for k in "dph"]
    if any(v is None for v in values):
        raise ToolInputError(f"no tabulated Hansen solubility parameters for CAS {cas}")
    return tuple(v / 1000.0 for v in values)  # Pa^0.5 -> MPa^0.5


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Hansen solubility parameters of a solvent by CAS number (dispersion, polar, hydrogen-bonding, "
    "in MPa^0.5) and the total Hildebrand parameter.",
    outputs={
        "delta_d": Output(
            "number",
            "the Hansen dispersion parameter in MPa^0.5 of {cas}",
            asks=(
                "What is the Hansen dispersion parameter δD of {cas}, in MPa^0.5?",
                "Give the dispersion component of the Hansen solubility parameters of {cas} in MPa^0.5.",
            ),
            measure="Hansen dispersion parameter",
            quantity=quantity("MPa**0.5"),
            source=_HANSEN_SOURCE,
        ),
        "delta_p": Output(
            "number",
            "the Hansen polar parameter in MPa^0.5 of {cas}",
            asks=(
                "What is the Hansen polar parameter δP of {cas}, in MPa^0.5?",
                "How large is the polar Hansen parameter of {cas}, in MPa^0.5?",
            ),
            measure="Hansen polar parameter",
            quantity=quantity("MPa**0.5"),
            source=_HANSEN_SOURCE,
        ),
        "delta_h": Output(
            "number",
            "the Hansen hydrogen-bonding parameter in MPa^0.5 of {cas}",
            asks=(
                "What is the Hansen hydrogen-bonding parameter δH of {cas}, in MPa^0.5?",
                "How strongly does {cas} hydrogen-bond as a solvent? Give its Hansen δH in MPa^0.5.",
            ),
            measure="Hansen hydrogen-bonding parameter",
            quantity=quantity("MPa**0.5"),
            source=_HANSEN_SOURCE,
        ),
        "delta_total": Output(
            "number",
            "the total Hildebrand solubility parameter in MPa^0.5 of {cas}",
            asks=(
                "What is the total (Hildebrand) solubility parameter of {cas}, in MPa^0.5?",
                "Combining its three Hansen components, what total solubility parameter does {cas} have, in MPa^0.5?",
            ),
            measure="Hildebrand solubility parameter",
            quantity=quantity("MPa**0.5"),
            source=_HANSEN_SOURCE,
        ),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "67-64-1"}],
)
def chemical_hansen_parameters(p: _SolventCas) -> dict:
    d, pp, h = _hansen(checked_cas(p.cas))
    return {
        "delta_d": r(d, 2),
        "delta_p": r(pp, 2),
        "delta_h": r(h, 2),
        "delta_total": r(math.sqrt(d * d + pp * pp + h * h), 2),
    }


class CasPair(BaseModel):
    cas_a: str = Field(
        description="CAS number of the first compound.",
        pattern=CAS,
        json_schema_extra=port("cas_number", samples=["64-17-5", "67-64-1", "71-43-2", "7732-18-5", "108-88-3"]),
    )
    cas_b: str = Field(
        description="CAS number of the second compound.",
        pattern=CAS,
        json_schema_extra=port("cas_number", samples=["67-56-1", "108-88-3", "110-54-3", "64-17-5", "71-43-2"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Hansen distance Ra = sqrt(4 dd^2 + dp^2 + dh^2) between two solvents given by CAS number (smaller "
    "means more alike, a rule of thumb for miscibility), from their tabulated Hansen parameters.",
    outputs={
        "hansen_distance": Output(
            "number",
            "the Hansen solubility distance in MPa^0.5 between {cas_a} and {cas_b}",
            asks=(
                "What is the Hansen distance Ra between {cas_a} and {cas_b}, in MPa^0.5?",
                "How far apart are {cas_a} and {cas_b} in Hansen solubility space, in MPa^0.5?",
                "I want to replace {cas_a} with {cas_b} as a solvent. How far apart are their Hansen parameters (Ra, "
                "in MPa^0.5)?",
            ),
            measure="Hansen solubility distance",
            quantity=quantity("MPa**0.5"),
            source=_HANSEN_SOURCE,
        ),
    },
    examples=[{"cas_a": "64-17-5", "cas_b": "67-56-1"}, {"cas_a": "71-43-2", "cas_b": "108-88-3"}],
)
def hansen_distance(p: CasPair) -> dict:
    a, b = _hansen(checked_cas(p.cas_a)), _hansen(checked_cas(p.cas_b))
    if p.cas_a == p.cas_b:
        raise ToolInputError("the two CAS numbers are the same")
    ra = math.sqrt(4 * (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2)
    return {"hansen_distance": r(ra, 3)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Environmental impact of a compound by CAS number: 100-year global warming potential (IPCC), "
    "ozone depletion potential and 100-year global temperature potential.",
    outputs={
        "gwp_100": Output(
            "number",
            "the 100-year global warming potential of {cas}",
            asks=(
                "What is the 100-year global warming potential of {cas}?",
                "Over 100 years, how many times more warming than the same mass of CO2 does {cas} cause?",
                "Give the GWP-100 of {cas}.",
            ),
            measure="100-year global warming potential",
            quantity=quantity("dimensionless"),
            source="the IPCC Sixth Assessment Report (2021)",
        ),
        "odp": Output(
            "number",
            "the ozone depletion potential of {cas}",
            asks=(
                "What is the ozone depletion potential of {cas}?",
                "How damaging to the ozone layer is {cas} relative to CFC-11? Give its ODP.",
            ),
            measure="ozone depletion potential",
            quantity=quantity("dimensionless"),
            source="the WMO Scientific Assessment of Ozone Depletion (2010)",
        ),
        "gtp_100": Output(
            "number",
            "the 100-year global temperature potential of {cas}",
            asks=(
                "What is the 100-year global temperature change potential of {cas}?",
                "Give the GTP-100 of {cas}, relative to CO2.",
            ),
            measure="100-year global temperature change potential",
            quantity=quantity("dimensionless"),
            source="the IPCC Sixth Assessment Report (2021)",
        ),
    },
    examples=[{"cas": "74-82-8"}, {"cas": "75-69-4"}],
)
def chemical_environmental_impact(p: _ClimateCas) -> dict:
    from chemicals import environment

    cas = checked_cas(p.cas)
    return _require(
        cas,
        "GWP, ODP or GTP",
        {
            "gwp_100": r(_ipcc_100yr(environment.GWP, environment.GWP_methods, cas), 3),
            "odp": r(environment.ODP(cas), 4),
            "gtp_100": r(_ipcc_100yr(environment.GTP, environment.GTP_methods, cas), 3),
        },
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Standard molar entropy of the liquid (J/(mol K), CRC and NIST WebBook) and standard enthalpy of "
    "formation of the solid (kJ/mol) of a compound by CAS number.",
    outputs={
        "s0_liquid_j_mol_k": Output(
            "number",
            "the standard molar entropy of liquid {cas} in J/(mol K)",
            asks=(
                "What is the standard molar entropy of {cas} as a liquid, in J/(mol·K)?",
                "Give S° of {cas} in the liquid state, in J/(mol K).",
            ),
            measure="standard molar entropy of the liquid",
            quantity=quantity("J/(mol*K)"),
        ),
        "hf_solid_kj_mol": Output(
            "number",
            "the standard enthalpy of formation of solid {cas} in kJ/mol",
            asks=(
                "What is the standard enthalpy of formation of {cas} as a solid, in kJ/mol?",
                "Give the solid-phase ΔfH° of {cas} in kJ/mol.",
            ),
            measure="standard enthalpy of formation of the solid",
            quantity=quantity("kJ/mol", "interval"),
        ),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "7732-18-5"}],
)
def chemical_condensed_phase_thermo(p: _CondensedCas) -> dict:
    from chemicals import reaction

    cas = checked_cas(p.cas)
    hfs = _tabulated(reaction.Hfs, reaction.Hfs_methods, cas)
    return _require(
        cas,
        "condensed-phase thermochemistry",
        {
            "s0_liquid_j_mol_k": r(_tabulated(reaction.S0l, reaction.S0l_methods, cas), 3),
            "hf_solid_kj_mol": r(hfs / 1000.0, 3) if hfs is not None else None,
        },
    )
