"""Chemical elements and isotopes (periodictable: NIST/IUPAC element and isotope data, neutron scattering lengths
of Sears, X-ray lines; chemicals: periodic table from the Blue Obelisk data repository)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.medchem.common import DOMAIN, element, r, unfamiliar_element
from tool_catalog.ports import port
from tool_catalog.quantities import ORDINAL, quantity
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError

_URANIUM_ABUNDANCE = {234: 0.0054, 235: 0.7204, 238: 99.2742}
"""Natural abundance (%) of the uranium isotopes in periodictable's own CIAAW table. periodictable 2.1 parses that
table but never stores the values of its last element, uranium, so every uranium isotope reads 0 %."""

_SEARS_B_C = {
    "Li": -1.90,
    "Sc": 12.29,
    "Ti": -3.438,
    "V": -0.3824,
    "Cd": 4.87,
    "Te": 5.80,
    "Xe": 4.92,
    "Pr": 4.58,
    "Nd": 7.69,
    "Sm": 0.80,
    "Eu": 7.22,
    "Gd": 6.5,
    "Tb": 7.38,
    "Ho": 8.01,
    "W": 4.86,
    "Au": 7.63,
    "Hg": 12.692,
}
"""Bound coherent scattering lengths (fm, real part) of Sears (1992) for the elements whose value in periodictable
(taken from the later Rauch and Waschkowski table, or energy-dependent at 1.798 angstrom) contradicts the coherent
cross section it lists beside it, which is Sears's: 4 pi b_c^2 / 100 gives that cross section back from these values
(gold: 7.63 fm and 7.32 barn; periodictable has 7.90 fm)."""

_COVALENT_SOURCE = "Cordero et al. (2008)"
_BLUE_OBELISK = "the Blue Obelisk data repository"
_NEUTRON_SOURCE = "Sears (1992)"
_ISOTOPE_SOURCE = "the AME 2020 atomic mass evaluation"
_ISOTOPE_LIST_SOURCE = "the NIST table of isotopic compositions (about 2010)"
"""The isotopes periodictable lists (its masses are AME 2020's, its list of isotopes the older NIST one)."""
_OXIDATION_SOURCE = "Wikipedia's list of oxidation states of the elements"
_ABUNDANCE_SOURCE = "the IUPAC (CIAAW) isotopic compositions"


_ALLOTROPES = frozenset({"C", "P", "S", "Se", "Sn", "As", "B"})
"""Elements whose solid standard state is one of several common allotropes (diamond or graphite, white or red
phosphorus, grey or white tin): a density of "the solid" does not say which."""


def _one_solid(arguments: dict[str, Any], _output: dict[str, Any]) -> bool:
    return str(arguments.get("symbol", "")).capitalize() not in _ALLOTROPES


def _abundance(e: Any, mass_number: int) -> float:
    """Natural abundance (%) of an isotope of element ``e`` (0 for one not found in nature)."""
    if e.symbol == "U":
        return _URANIUM_ABUNDANCE.get(mass_number, 0.0)
    return e[mass_number].abundance


class ElementSymbol(BaseModel):
    symbol: str = Field(
        description="Chemical element symbol, e.g. 'Fe'.",
        pattern=r"^[A-Z][a-z]{0,2}$",
        json_schema_extra=port("element_symbol", samples=["Fe", "O", "Na", "Cu", "Au", "C", "U"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="periodictable",
    description="Atomic data of a chemical element by symbol: English name, atomic number, standard atomic mass, "
    "density (g/cm3), and its most abundant natural isotope and number of naturally occurring isotopes.",
    outputs={
        "name": Output(
            "label",
            "the English name of {symbol}",
            asks=("What is the English name of {symbol}?", "What is {symbol} called in English?"),
            worth=lambda args, _out: unfamiliar_element(args),
        ),
        "atomic_number": Output(
            "integer",
            "the atomic number of {symbol}",
            asks=(
                "What is the atomic number of {symbol}?",
                "How many protons are in the nucleus of an atom of {symbol}?",
            ),
            measure="atomic number",
            quantity=quantity("count", "count"),
            worth=lambda args, _out: unfamiliar_element(args),
        ),
        "atomic_mass": Output(
            "number",
            "the standard atomic mass of {symbol}",
            asks=(
                "What is the standard atomic weight of {symbol}?",
                "What is the average atomic mass of {symbol}, in g/mol?",
            ),
            measure="standard atomic weight",
            quantity=quantity("g/mol"),
            trend=True,  # rising with atomic number: the heaviest of the alkali metals is cesium
        ),
        "density_g_cm3": Output(
            "number",
            "the density in g/cm3 of {symbol}",
            asks=(
                "What is the density of {symbol} in g/cm³? For an element that is a gas, give the liquid at its "
                "boiling point.",
                "How dense is {symbol} as a solid or liquid, in grams per cubic centimetre?",
            ),
            measure="density",
            quantity=quantity("g/cm**3"),
            source="the CRC Handbook",
        ),
        "most_abundant_isotope": Output(
            "integer",
            "the mass number of the most abundant natural isotope of {symbol}",
            asks=(
                "What is the mass number of the most abundant natural isotope of {symbol}?",
                "Which isotope of {symbol} is the most common in nature? Give its mass number.",
            ),
            measure="mass number of the most abundant isotope",
            quantity=quantity("count", "count"),
            source=_ABUNDANCE_SOURCE,
        ),
        "natural_isotope_count": Output(
            "count",
            "the number of naturally occurring isotopes of {symbol}",
            asks=(
                "How many isotopes of {symbol} occur naturally?",
                "How many naturally occurring isotopes does {symbol} have?",
            ),
            measure="number of naturally occurring isotopes",
            source=_ABUNDANCE_SOURCE,
        ),
    },
    examples=[{"symbol": "Fe"}, {"symbol": "Cl"}],
)
def element_atomic_data(p: ElementSymbol) -> dict:
    e = element(p.symbol)
    natural = [(_abundance(e, n), n) for n in e.isotopes if _abundance(e, n)]
    return {
        "name": e.name,
        "atomic_number": e.number,
        "atomic_mass": round(e.mass, 4),
        "density_g_cm3": r(e.density, 4),
        "most_abundant_isotope": max(natural)[1] if natural else None,
        "natural_isotope_count": len(natural),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Periodic-table properties of an element by symbol: period, group, block, Pauling electronegativity, "
    "first ionization energy (eV), and the CAS number and formula of its standard state (e.g. O -> O2).",
    outputs={
        "period": Output(
            "integer",
            "the period of {symbol} in the periodic table",
            asks=(
                "In which period of the periodic table is {symbol}?",
                "Which row of the periodic table is {symbol} in? Give the period number.",
            ),
            measure="period",
            quantity=ORDINAL,
            worth=lambda args, _out: unfamiliar_element(args),
        ),
        "group": Output(
            "integer",
            "the group of {symbol} in the periodic table",
            asks=(
                "Which group of the periodic table is {symbol} in? Give the group number from 1 to 18.",
                "What is the IUPAC group number of {symbol}?",
            ),
            measure="group number",
            quantity=ORDINAL,
            worth=lambda args, _out: unfamiliar_element(args),
        ),
        "block": Output(
            "label",
            "the periodic-table block of {symbol}",
            asks=(
                "In which block (s, p, d or f) of the periodic table is {symbol}?",
                "Is {symbol} an s-, p-, d- or f-block element?",
            ),
            worth=lambda args, _out: unfamiliar_element(args),
        ),
        "electronegativity": Output(
            "number",
            "the Pauling electronegativity of {symbol}",
            asks=(
                "What is the Pauling electronegativity of {symbol}?",
                "How electronegative is {symbol} on the Pauling scale?",
            ),
            measure="Pauling electronegativity",
            trend=True,
            quantity=quantity("dimensionless", "interval"),
        ),
        "ionization_energy_ev": Output(
            "number",
            "the first ionization energy in eV of {symbol}",
            asks=(
                "What is the first ionization energy of {symbol}, in eV?",
                "How much energy, in electronvolts, does it take to pull one electron off a neutral atom of {symbol}?",
            ),
            measure="first ionization energy",
            trend=True,
            quantity=quantity("eV"),
        ),
        "standard_state_cas": Output(
            "cas_number",
            "the standard-state form of {symbol}",
            asks=(
                "What is the CAS registry number of {symbol} in its standard state?",
                "Give the CAS number of elemental {symbol}.",
            ),
            chain=False,
        ),
        "standard_state_formula": Output(
            "chemical_formula",
            "the formula of the standard-state form of {symbol}",
            asks=(
                "What is the formula of {symbol} in its standard state?",
                "In what molecular form does {symbol} exist under standard conditions? Give its formula.",
            ),
            chain=False,
        ),
    },
    examples=[{"symbol": "O"}, {"symbol": "Fe"}],
)
def element_periodic_properties(p: ElementSymbol) -> dict:
    from chemicals.elements import periodic_table

    element(p.symbol)
    if p.symbol not in periodic_table:
        raise ToolInputError(f"no periodic-table data for element {p.symbol!r}")
    e = periodic_table[p.symbol]
    return {
        "period": e.period,
        "group": e.group,
        "block": e.block,
        "electronegativity": e.elneg,
        "ionization_energy_ev": r(e.ionization, 4),
        "standard_state_cas": e.CAS_standard,
        "standard_state_formula": e.formula_standard,
    }


def _periodic(symbol: str) -> Any:
    from chemicals.elements import periodic_table

    element(symbol)
    if symbol not in periodic_table:
        raise ToolInputError(f"no periodic-table data for element {symbol!r}")
    return periodic_table[symbol]


def _need(symbol: str, what: str, values: dict[str, Any]) -> dict[str, Any]:
    if all(v is None for v in values.values()):
        raise ToolInputError(f"no {what} data for element {symbol!r}")
    return values


def _crystal(e: Any) -> dict:
    cs = getattr(e, "crystal_structure", None) or {}
    return {"symmetry": cs.get("symmetry"), "lattice_a_angstrom": cs.get("a")}


def _xray(e: Any) -> dict:
    hc = 12.398419843320026  # keV * angstrom
    ka, kb = getattr(e, "K_alpha", None), getattr(e, "K_beta1", None)
    return {
        "k_alpha_angstrom": ka,
        "k_alpha_kev": round(hc / ka, 4) if ka else None,
        "k_beta1_angstrom": kb,
    }


def _neutron(e: Any) -> dict:
    n = e.neutron
    return {
        "coherent_length_fm": _SEARS_B_C.get(e.symbol, n.b_c),
        "coherent_xs_barn": n.coherent,
        "absorption_xs_barn": n.absorption,
    }


def _isotopes(e: Any) -> dict:
    numbers = [i.isotope for i in e]
    natural = [i.isotope for i in e if _abundance(e, i.isotope)]
    return {
        "known_isotopes": len(numbers),
        "lightest_isotope": min(numbers) if numbers else None,
        "heaviest_isotope": max(numbers) if numbers else None,
        "stable_or_natural": natural,
    }


_ELEMENT_FAMILY = [
    (
        "element_covalent_radius",
        "periodictable",
        "Covalent radius of an element (angstrom, Cordero et al. 2008) with its uncertainty.",
        {
            "covalent_radius_angstrom": Output(
                "number",
                "the covalent radius in angstrom of {symbol}",
                asks=(
                    "What is the covalent radius of {symbol}, in ångström?",
                    "How large is the covalent radius of {symbol}, in Å?",
                ),
                measure="covalent radius",
                trend=True,
                quantity=quantity("angstrom"),
                source=_COVALENT_SOURCE,
            ),
            # the table's stated uncertainty of the radius: metadata of the measurement
            "uncertainty_angstrom": Output(
                "number",
                "the uncertainty in angstrom of the covalent radius of {symbol}",
                quantity=quantity("angstrom"),
                askable=False,
            ),
        },
        lambda e: {
            "covalent_radius_angstrom": e.covalent_radius,
            "uncertainty_angstrom": e.covalent_radius_uncertainty,
        },
        "covalent radius",
        False,
    ),
    (
        "element_crystal_structure",
        "periodictable",
        "Crystal structure of an element in its solid standard state: lattice symmetry (BCC, FCC, HEX ...) and the "
        "lattice constant a (angstrom).",
        {
            "symmetry": Output(
                "label",
                "the crystal lattice symmetry of {symbol}",
                asks=(
                    "What crystal structure does {symbol} have in its standard state?",
                    "In its standard state, does {symbol} crystallize as BCC, FCC, hexagonal or another lattice?",
                ),
            ),
            "lattice_a_angstrom": Output(
                "number",
                "the lattice constant a in angstrom of {symbol}",
                asks=(
                    "What is the lattice constant a of {symbol}, in ångström?",
                    "How long is the unit-cell edge a in a crystal of {symbol}, in Å?",
                ),
                measure="lattice constant a",
                quantity=quantity("angstrom"),
                alike=("symmetry",),
            ),
        },
        _crystal,
        "crystal structure",
        False,
    ),
    (
        "element_xray_lines",
        "periodictable",
        "Characteristic X-ray emission lines of an element: K-alpha wavelength (angstrom) and energy (keV), and the "
        "K-beta1 wavelength.",
        {
            "k_alpha_angstrom": Output(
                "number",
                "the K-alpha X-ray wavelength in angstrom of {symbol}",
                asks=(
                    "What is the K-alpha X-ray wavelength of {symbol}, in ångström, taking Kα1 and Kα2 averaged 2:1 "
                    "by intensity?",
                    "An X-ray tube has an anode made of {symbol}. What is the wavelength of its K-alpha line in Å, "
                    "as the 2:1 intensity-weighted mean of Kα1 and Kα2?",
                ),
                measure="K-alpha wavelength",
                quantity=quantity("angstrom"),
                trend=True,  # Moseley's law: rising with atomic number across the whole table
            ),
            "k_alpha_kev": Output(
                "number",
                "the K-alpha X-ray energy in keV of {symbol}",
                asks=(
                    "What is the energy of the K-alpha X-ray line of {symbol}, in keV, taking Kα1 and Kα2 averaged "
                    "2:1 by intensity?",
                    "At what energy, in keV, does {symbol} emit its K-alpha X-rays (the 2:1 intensity-weighted mean "
                    "of Kα1 and Kα2)?",
                ),
                measure="K-alpha energy",
                quantity=quantity("keV"),
                trend=True,  # Moseley's law: rising with atomic number across the whole table
            ),
            "k_beta1_angstrom": Output(
                "number",
                "the K-beta1 X-ray wavelength in angstrom of {symbol}",
                asks=(
                    "What is the K-beta1 X-ray wavelength of {symbol}, in ångström?",
                    "Give the wavelength in Å of the K-beta1 emission line of {symbol}.",
                ),
                measure="K-beta1 wavelength",
                quantity=quantity("angstrom"),
                trend=True,
            ),
        },
        _xray,
        "X-ray emission line",
        False,
    ),
    (
        "element_neutron_scattering",
        "periodictable",
        "Neutron scattering of an element at natural abundance (Sears 1992): bound coherent scattering length (fm), "
        "coherent and absorption cross sections (barn, absorption at 1.798 angstrom).",
        {
            "coherent_length_fm": Output(
                "number",
                "the neutron coherent scattering length in fm of {symbol}",
                asks=(
                    "What is the bound coherent neutron scattering length of {symbol}, in fm?",
                    "For neutron diffraction, what coherent scattering length does {symbol} have, in femtometres?",
                ),
                measure="coherent neutron scattering length",
                quantity=quantity("fm"),
                source=_NEUTRON_SOURCE,
            ),
            "coherent_xs_barn": Output(
                "number",
                "the neutron coherent scattering cross section in barn of {symbol}",
                asks=(
                    "What is the coherent neutron scattering cross section of {symbol}, in barns?",
                    "How large is the coherent cross section of {symbol} for neutron scattering, in barn?",
                ),
                measure="coherent neutron scattering cross section",
                quantity=quantity("barn"),
                source=_NEUTRON_SOURCE,
            ),
            "absorption_xs_barn": Output(
                "number",
                "the thermal neutron absorption cross section in barn of {symbol}",
                asks=(
                    "What is the thermal neutron absorption cross section of {symbol}, in barns?",
                    "How strongly does {symbol} absorb thermal neutrons? Give its absorption cross section at 1.798 Å "
                    "in barn.",
                ),
                measure="thermal neutron absorption cross section",
                quantity=quantity("barn"),
                source=_NEUTRON_SOURCE,
            ),
        },
        _neutron,
        "neutron scattering",
        False,
    ),
    (
        "element_oxidation_states",
        "periodictable",
        "Known ion charges (oxidation states) of an element, how many there are, and the highest and lowest.",
        {
            "charges": Output(
                "number_list",
                "the known ion charges of {symbol}",
                asks=(
                    "List the known oxidation states of {symbol}.",
                    "Which ion charges is {symbol} known to take? List them.",
                ),
                measure="known oxidation states",
                source=_OXIDATION_SOURCE,
            ),
            "charge_count": Output(
                "count",
                "the number of known ion charges of {symbol}",
                asks=(
                    "How many different oxidation states is {symbol} known to show?",
                    "How many known ion charges does {symbol} have, not counting zero?",
                ),
                measure="number of known oxidation states",
                quantity=quantity("count", "count"),
                source=_OXIDATION_SOURCE,
            ),
            "highest_charge": Output(
                "integer",
                "the highest known ion charge of {symbol}",
                asks=(
                    "What is the highest known oxidation state of {symbol}?",
                    "Up to what oxidation state can {symbol} be oxidized?",
                ),
                measure="highest oxidation state",
                quantity=quantity("dimensionless", "interval"),
                source=_OXIDATION_SOURCE,
            ),
            "lowest_charge": Output(
                "integer",
                "the lowest known ion charge of {symbol}",
                asks=(
                    "What is the lowest known oxidation state of {symbol}?",
                    "What is the most negative (or least positive) oxidation state {symbol} is known to take?",
                ),
                measure="lowest oxidation state",
                quantity=quantity("dimensionless", "interval"),
                source=_OXIDATION_SOURCE,
            ),
        },
        lambda e: {
            "charges": list(e.ions),
            "charge_count": len(e.ions),
            "highest_charge": max(e.ions) if e.ions else None,
            "lowest_charge": min(e.ions) if e.ions else None,
        },
        "ion charge",
        False,
    ),
    (
        "element_isotope_range",
        "periodictable",
        "Isotopes of an element known to the NIST/IUPAC tables: how many, the lightest and heaviest mass numbers, "
        "and the mass numbers found in nature.",
        {
            "known_isotopes": Output(
                "count",
                "the number of known isotopes of {symbol}",
                asks=(
                    "How many isotopes of {symbol} are known?",
                    "How many different isotopes of {symbol} have been observed?",
                ),
                measure="number of known isotopes",
                source=_ISOTOPE_LIST_SOURCE,
            ),
            "lightest_isotope": Output(
                "integer",
                "the mass number of the lightest known isotope of {symbol}",
                asks=(
                    "What is the mass number of the lightest known isotope of {symbol}?",
                    "Which is the lightest isotope of {symbol} observed so far? Give its mass number.",
                ),
                measure="mass number of the lightest known isotope",
                quantity=quantity("count", "count"),
                source=_ISOTOPE_LIST_SOURCE,
            ),
            "heaviest_isotope": Output(
                "integer",
                "the mass number of the heaviest known isotope of {symbol}",
                asks=(
                    "What is the mass number of the heaviest known isotope of {symbol}?",
                    "Which is the heaviest isotope of {symbol} observed so far? Give its mass number.",
                ),
                measure="mass number of the heaviest known isotope",
                quantity=quantity("count", "count"),
                source=_ISOTOPE_LIST_SOURCE,
            ),
            "stable_or_natural": Output(
                "number_list",
                "the mass numbers of the naturally occurring isotopes of {symbol}",
                asks=(
                    "List the mass numbers of the naturally occurring isotopes of {symbol}.",
                    "Which isotopes of {symbol} occur in nature? Give their mass numbers.",
                ),
                measure="naturally occurring isotopes",
                source=_ABUNDANCE_SOURCE,
            ),
        },
        _isotopes,
        "isotope",
        False,
    ),
    (
        "element_number_density",
        "periodictable",
        "Number density of an element in its solid or liquid standard state (atoms per cm3) and the mean "
        "interatomic distance (angstrom).",
        {
            "atoms_per_cm3": Output(
                "number",
                "the number of atoms per cm3 of {symbol}",
                asks=(
                    "What is the atomic number density of {symbol} as a solid or liquid, in atoms per cm³?",
                    "How many atoms does one cubic centimetre of {symbol} contain in its solid or liquid form?",
                ),
                measure="atomic number density",
                quantity=quantity("1/cm**3"),
                worth=_one_solid,
            ),
            "interatomic_distance_angstrom": Output(
                "number",
                "the mean interatomic distance in angstrom of {symbol}",
                asks=(
                    "What is the mean interatomic distance in {symbol} as a solid or liquid, taken as the cube root of "
                    "the volume per atom, in ångström?",
                    "How far apart, on average, are the atoms of {symbol} in its solid or liquid form, in Å?",
                ),
                measure="mean interatomic distance",
                quantity=quantity("angstrom"),
                worth=_one_solid,
            ),
        },
        lambda e: {
            "atoms_per_cm3": float(f"{e.number_density:.6g}") if e.number_density else None,
            "interatomic_distance_angstrom": round(e.interatomic_distance, 4) if e.interatomic_distance else None,
        },
        "density",
        False,
    ),
    (
        "element_atomic_radii",
        "chemicals",
        "Covalent and van der Waals radii (angstrom) of an element and its maximum number of bonds (chemicals "
        "periodic table, from the Blue Obelisk data repository).",
        {
            "covalent_radius_angstrom": Output(
                "number",
                "the Blue Obelisk covalent radius in angstrom of {symbol}",
                asks=(
                    "What is the covalent radius of {symbol}, in ångström?",
                    "How big is an atom of {symbol} by its covalent radius, in Å?",
                ),
                measure="covalent radius",
                trend=True,
                quantity=quantity("angstrom"),
                source=_BLUE_OBELISK,
            ),
            "van_der_waals_radius_angstrom": Output(
                "number",
                "the van der Waals radius in angstrom of {symbol}",
                asks=(
                    "What is the van der Waals radius of {symbol}, in ångström?",
                    "How large is an atom of {symbol} by its van der Waals radius, in Å?",
                ),
                measure="van der Waals radius",
                trend=True,
                quantity=quantity("angstrom"),
                source=_BLUE_OBELISK,
            ),
            "max_bonds": Output(
                "integer",
                "the maximum number of bonds of {symbol}",
                asks=(
                    "What is the maximum number of bonds an atom of {symbol} can form?",
                    "At most how many bonds does {symbol} form?",
                ),
                measure="maximum number of bonds",
                quantity=quantity("count", "count"),
                source=_BLUE_OBELISK,
            ),
        },
        lambda e: {
            "covalent_radius_angstrom": e.rcov,
            "van_der_waals_radius_angstrom": e.rvdw,
            "max_bonds": e.maxbonds,
        },
        "radius",
        True,
    ),
    (
        "element_electron_affinity",
        "chemicals",
        "Electron affinity (eV) and Allred-Rochow electronegativity of an element, with its standard-state phase "
        "and standard molar entropy (J/(mol K)).",
        {
            "electron_affinity_ev": Output(
                "number",
                "the electron affinity in eV of {symbol}",
                asks=(
                    "What is the electron affinity of {symbol}, in eV?",
                    "How much energy, in eV, is released when a neutral atom of {symbol} gains an electron?",
                ),
                measure="electron affinity",
                quantity=quantity("eV"),
                source=_BLUE_OBELISK,
            ),
            "allred_rochow_electronegativity": Output(
                "number",
                "the Allred-Rochow electronegativity of {symbol}",
                asks=(
                    "What is the Allred-Rochow electronegativity of {symbol}?",
                    "On the Allred-Rochow scale, how electronegative is {symbol}?",
                ),
                measure="Allred-Rochow electronegativity",
                trend=True,
                quantity=quantity("dimensionless", "interval"),
            ),
            "standard_phase": Output(
                "label",
                "the phase (s, l or g) of {symbol} in its standard state",
                asks=(
                    "Is {symbol} a solid, a liquid or a gas in its standard state? Answer s, l or g.",
                    "In what phase is {symbol} at standard conditions? Answer s, l or g.",
                ),
            ),
            "standard_entropy_j_mol_k": Output(
                "number",
                "the standard molar entropy in J/(mol K) of {symbol}",
                asks=(
                    "What is the standard molar entropy of {symbol} in its standard state, in J/(mol·K)?",
                    "Give S° of {symbol} in J/(mol K).",
                ),
                measure="standard molar entropy",
                quantity=quantity("J/(mol*K)"),
            ),
        },
        lambda e: {
            "electron_affinity_ev": e.elaffinity,
            "allred_rochow_electronegativity": e.AReneg,
            "standard_phase": e.phase,
            "standard_entropy_j_mol_k": e.S0,
        },
        "electron affinity",
        True,
    ),
]


class _HeavyElement(BaseModel):
    symbol: str = Field(
        description="Symbol of an element heavier than neon, e.g. 'Fe'.",
        pattern=r"^[A-Z][a-z]{0,2}$",
        json_schema_extra=port("element_symbol", samples=["Fe", "Cu", "Ag", "Au", "Pb", "Na"]),
    )


def _element_tool(getter: Callable[[Any], dict], what: str, from_chemicals: bool) -> Callable[[Any], dict]:
    def run(p: Any) -> dict:
        e = _periodic(p.symbol) if from_chemicals else element(p.symbol)
        return _need(p.symbol, what, getter(e))

    return run


for _name, _pkg, _desc, _outs, _getter, _what, _chem in _ELEMENT_FAMILY:
    add_tool(
        _name,
        _HeavyElement if _name == "element_xray_lines" else ElementSymbol,
        _element_tool(_getter, _what, _chem),
        domain=DOMAIN,
        kind="retrieval",
        package=_pkg,
        description=_desc,
        outputs=_outs,
        examples=[{"symbol": "Fe"}, {"symbol": "Cu"}],
    )


class AtomicNumber(BaseModel):
    atomic_number: int = Field(
        description="Atomic number (number of protons), 1 to 118.",
        ge=1,
        le=118,
        json_schema_extra=port("integer", quantity=quantity("count", "count"), samples=[26, 8, 79, 1, 92, 6]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="periodictable",
    description="The element with a given atomic number: its symbol and name.",
    outputs={
        "symbol": Output(
            "element_symbol",
            "the element with atomic number {atomic_number}",
            asks=(
                "Which element has atomic number {atomic_number}? Give its chemical symbol.",
                "What is the symbol of the element whose atoms have {atomic_number} protons?",
            ),
            chain=False,
            worth=lambda args, _out: unfamiliar_element(args),
        ),
        "name": Output(
            "label",
            "the name of the element with atomic number {atomic_number}",
            asks=(
                "What is the name of the element with atomic number {atomic_number}?",
                "Which element has {atomic_number} protons in its nucleus? Give its English name.",
            ),
            worth=lambda args, _out: unfamiliar_element(args),
        ),
    },
    examples=[{"atomic_number": 26}, {"atomic_number": 118}],
    inverse="element_atomic_data",
)
def element_by_atomic_number(p: AtomicNumber) -> dict:
    import periodictable

    e = periodictable.elements[p.atomic_number]
    return {"symbol": e.symbol, "name": e.name}


class Isotope(BaseModel):
    symbol: str = Field(
        description="Chemical element symbol, e.g. 'C'.",
        pattern=r"^[A-Z][a-z]{0,2}$",
        json_schema_extra=port("element_symbol", samples=["C", "Fe", "U", "O", "Cl"]),
    )
    mass_number: int = Field(
        description="Mass number of the isotope (protons + neutrons), e.g. 14 for carbon-14.",
        ge=1,
        le=300,
        json_schema_extra=port("integer", quantity=quantity("count", "count"), samples=[13, 56, 235, 18, 37]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="periodictable",
    description="One isotope of an element: its atomic mass (u), natural abundance (%) and neutron count.",
    outputs={
        "isotope_mass_u": Output(
            "number",
            "the atomic mass in u of the isotope {symbol}-{mass_number}",
            asks=(
                "What is the atomic mass, in u, of the isotope of {symbol} with mass number {mass_number}?",
                "How heavy is one atom of the isotope of {symbol} with mass number {mass_number}, in daltons?",
            ),
            measure="isotope mass",
            quantity=quantity("Da"),
            source=_ISOTOPE_SOURCE,
        ),
        "abundance_percent": Output(
            "number",
            "the natural abundance in percent of the isotope {symbol}-{mass_number}",
            asks=(
                "What is the natural abundance, in percent, of the isotope of {symbol} with mass number {mass_number}?",
                "In nature, what percentage of the atoms of {symbol} have mass number {mass_number}?",
            ),
            measure="natural abundance",
            quantity=quantity("percent"),
            source=_ABUNDANCE_SOURCE,
        ),
        "neutrons": Output(
            "count",
            "the number of neutrons in the isotope {symbol}-{mass_number}",
            asks=(
                "How many neutrons does the isotope of {symbol} with mass number {mass_number} have?",
                "How many neutrons are in a nucleus of {symbol} with mass number {mass_number}?",
            ),
            measure="neutron number",
            quantity=quantity("count", "count"),
        ),
    },
    examples=[{"symbol": "C", "mass_number": 13}, {"symbol": "U", "mass_number": 235}],
)
def isotope_data(p: Isotope) -> dict:
    e = element(p.symbol)
    if p.mass_number not in [i.isotope for i in e]:
        raise ToolInputError(f"{p.symbol}-{p.mass_number} is not a known isotope")
    iso = e[p.mass_number]
    return {
        "isotope_mass_u": iso.mass,
        "abundance_percent": _abundance(e, p.mass_number),
        "neutrons": p.mass_number - e.number,
    }
