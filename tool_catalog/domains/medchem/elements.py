"""Chemical elements and isotopes (periodictable: NIST/IUPAC element and isotope data, neutron scattering lengths
of Sears, X-ray lines; chemicals: periodic table from the Blue Obelisk data repository)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.medchem.common import DOMAIN, element, r
from tool_catalog.ports import port
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError


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
        "name": Output("label", "the English name of {symbol}"),
        "atomic_number": Output("integer", "the atomic number of {symbol}"),
        "atomic_mass": Output("number", "the standard atomic mass of {symbol}"),
        "density_g_cm3": Output("number", "the density in g/cm3 of {symbol}"),
        "most_abundant_isotope": Output("integer", "the mass number of the most abundant natural isotope of {symbol}"),
        "natural_isotope_count": Output("count", "the number of naturally occurring isotopes of {symbol}"),
    },
    examples=[{"symbol": "Fe"}, {"symbol": "Cl"}],
)
def element_atomic_data(p: ElementSymbol) -> dict:
    e = element(p.symbol)
    natural = [(e[n].abundance, n) for n in e.isotopes if e[n].abundance]
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
        "period": Output("integer", "the period of {symbol} in the periodic table"),
        "group": Output("integer", "the group of {symbol} in the periodic table"),
        "block": Output("label", "the periodic-table block of {symbol}"),
        "electronegativity": Output("number", "the Pauling electronegativity of {symbol}"),
        "ionization_energy_ev": Output("number", "the first ionization energy in eV of {symbol}"),
        "standard_state_cas": Output("cas_number", "the standard-state form of {symbol}"),
        "standard_state_formula": Output("chemical_formula", "the formula of the standard-state form of {symbol}"),
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
        "coherent_length_fm": n.b_c,
        "coherent_xs_barn": n.coherent,
        "absorption_xs_barn": n.absorption,
    }


def _isotopes(e: Any) -> dict:
    numbers = [i.isotope for i in e]
    natural = [i.isotope for i in e if getattr(i, "abundance", 0)]
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
            "covalent_radius_angstrom": ("number", "the covalent radius in angstrom of {symbol}"),
            "uncertainty_angstrom": ("number", "the uncertainty in angstrom of the covalent radius of {symbol}"),
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
            "symmetry": ("label", "the crystal lattice symmetry of {symbol}"),
            "lattice_a_angstrom": ("number", "the lattice constant a in angstrom of {symbol}"),
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
            "k_alpha_angstrom": ("number", "the K-alpha X-ray wavelength in angstrom of {symbol}"),
            "k_alpha_kev": ("number", "the K-alpha X-ray energy in keV of {symbol}"),
            "k_beta1_angstrom": ("number", "the K-beta1 X-ray wavelength in angstrom of {symbol}"),
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
            "coherent_length_fm": ("number", "the neutron coherent scattering length in fm of {symbol}"),
            "coherent_xs_barn": ("number", "the neutron coherent scattering cross section in barn of {symbol}"),
            "absorption_xs_barn": ("number", "the thermal neutron absorption cross section in barn of {symbol}"),
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
            "charges": ("number_list", "the known ion charges of {symbol}"),
            "charge_count": ("count", "the number of known ion charges of {symbol}"),
            "highest_charge": ("integer", "the highest known ion charge of {symbol}"),
            "lowest_charge": ("integer", "the lowest known ion charge of {symbol}"),
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
            "known_isotopes": ("count", "the number of known isotopes of {symbol}"),
            "lightest_isotope": ("integer", "the mass number of the lightest known isotope of {symbol}"),
            "heaviest_isotope": ("integer", "the mass number of the heaviest known isotope of {symbol}"),
            "stable_or_natural": ("number_list", "the mass numbers of the naturally occurring isotopes of {symbol}"),
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
            "atoms_per_cm3": ("number", "the number of atoms per cm3 of {symbol}"),
            "interatomic_distance_angstrom": ("number", "the mean interatomic distance in angstrom of {symbol}"),
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
            "covalent_radius_angstrom": ("number", "the Blue Obelisk covalent radius in angstrom of {symbol}"),
            "van_der_waals_radius_angstrom": ("number", "the van der Waals radius in angstrom of {symbol}"),
            "max_bonds": ("integer", "the maximum number of bonds of {symbol}"),
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
            "electron_affinity_ev": ("number", "the electron affinity in eV of {symbol}"),
            "allred_rochow_electronegativity": ("number", "the Allred-Rochow electronegativity of {symbol}"),
            "standard_phase": ("label", "the phase (s, l or g) of {symbol} in its standard state"),
            "standard_entropy_j_mol_k": ("number", "the standard molar entropy in J/(mol K) of {symbol}"),
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
        outputs={k: Output(*v) for k, v in _outs.items()},
        examples=[{"symbol": "Fe"}, {"symbol": "Cu"}],
    )


class AtomicNumber(BaseModel):
    atomic_number: int = Field(
        description="Atomic number (number of protons), 1 to 118.",
        ge=1,
        le=118,
        json_schema_extra=port("integer", samples=[26, 8, 79, 1, 92, 6]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="periodictable",
    description="The element with a given atomic number: its symbol and name.",
    outputs={
        "symbol": Output("element_symbol", "the element with atomic number {atomic_number}"),
        "name": Output("label", "the name of the element with atomic number {atomic_number}"),
    },
    examples=[{"atomic_number": 26}, {"atomic_number": 118}],
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
        json_schema_extra=port("integer", samples=[13, 56, 235, 18, 37]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="periodictable",
    description="One isotope of an element: its atomic mass (u), natural abundance (%) and neutron count.",
    outputs={
        "isotope_mass_u": Output("number", "the atomic mass in u of the isotope {symbol}-{mass_number}"),
        "abundance_percent": Output("number", "the natural abundance in percent of the isotope {symbol}-{mass_number}"),
        "neutrons": Output("count", "the number of neutrons in the isotope {symbol}-{mass_number}"),
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
        "abundance_percent": iso.abundance,
        "neutrons": p.mass_number - e.number,
    }
