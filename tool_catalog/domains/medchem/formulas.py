"""Chemical formulas (molmass, chemicals): masses, element fractions, combustion stoichiometry, isotope peaks,
degree of unsaturation, mass ratios, solution molarity, and the isomers of a formula in the chemicals database."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, Field

from tool_catalog.domains.medchem.common import DOMAIN, FORMULA, element, formula
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_FORMULA_SAMPLES = ["C2H6O", "C8H10N4O2", "C6H12O6", "H2O", "C9H8O4", "CH4N2O", "NaCl"]


class FormulaParam(BaseModel):
    formula: str = Field(
        description="Chemical formula, e.g. 'C8H10N4O2' (Hill notation or condensed, parentheses allowed).",
        pattern=FORMULA,
        json_schema_extra=port("chemical_formula", samples=_FORMULA_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Masses of a chemical formula: average molar mass, monoisotopic mass, mass of the most abundant "
    "isotopologue, atom count, and the element with the largest mass fraction.",
    outputs={
        "average_mass": Output(
            "number",
            "the average molar mass in g/mol of {formula}",
            asks=(
                "What is the molar mass of {formula} in g/mol?",
                "How many grams does one mole of a compound with {formula} weigh?",
                "What average molecular weight, in g/mol, does {formula} give?",
            ),
            measure="molar mass",
            quantity=quantity("g/mol"),
        ),
        "monoisotopic_mass": Output(
            "number",
            "the monoisotopic mass in daltons of {formula}",
            asks=(
                "What is the monoisotopic mass of {formula} in daltons?",
                "Built only from the most common isotope of each element, what exact mass in Da does {formula} have?",
            ),
            measure="monoisotopic mass",
            quantity=quantity("Da"),
        ),
        "most_abundant_mass": Output(
            "number",
            "the mass in daltons of the most abundant isotopologue of {formula}",
            asks=(
                "What is the mass of the most abundant isotopologue of {formula}, in daltons?",
                "Which exact mass, in Da, does the most common isotopic form of {formula} have?",
            ),
            measure="mass of the most abundant isotopologue",
            quantity=quantity("Da"),
        ),
        "atom_count": Output(
            "count",
            "the number of atoms in {formula}",
            asks=("How many atoms are there in total in {formula}?", "Count the atoms in {formula}."),
            measure="number of atoms",
        ),
        "heaviest_element": Output(
            "element_symbol",
            "the element with the largest mass fraction in {formula}",
            asks=(
                "Which element contributes most to the mass of {formula}? Answer with its chemical symbol.",
                "By mass, which element dominates {formula}? Give its symbol.",
            ),
        ),
        "empirical_formula": Output(
            "chemical_formula",
            "the empirical formula of {formula}",
            asks=(
                "Which empirical formula corresponds to {formula}?",
                "Reduce {formula} to the simplest whole-number ratio of its atoms. Which empirical formula do you get?",
            ),
            avoid=("solution_molarity",),
        ),
    },
    examples=[{"formula": "C8H10N4O2"}, {"formula": "C6H12O6"}],
)
def molecular_formula_mass(p: FormulaParam) -> dict:
    f = formula(p.formula)
    composition = f.composition()
    heaviest = max(composition.items(), key=lambda kv: (kv[1].fraction, kv[0]))[0]
    peak = f.spectrum().peak if f.atoms <= 500 else None
    empirical = f.empirical
    return {
        "average_mass": round(f.mass, 4),
        "monoisotopic_mass": round(f.monoisotopic_mass, 5),
        "most_abundant_mass": None if peak is None else round(peak.mass, 5),
        "atom_count": f.atoms,
        "heaviest_element": heaviest,
        "empirical_formula": empirical if empirical != f.formula else None,
    }


class FormulaElement(BaseModel):
    formula: str = Field(
        description="Chemical formula, e.g. 'C6H12O6'.",
        pattern=FORMULA,
        json_schema_extra=port("chemical_formula", samples=_FORMULA_SAMPLES),
    )
    element: str = Field(
        description="Element symbol, e.g. 'O'.",
        pattern=r"^[A-Z][a-z]{0,2}$",
        json_schema_extra=port("element_symbol", samples=["C", "H", "O", "N", "Cl", "Na"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Mass fraction (percent) and number of atoms of one element in a chemical formula (0 if absent).",
    outputs={
        "mass_percent": Output(
            "number",
            "the mass percentage of {element} in {formula}",
            asks=(
                "What is the mass percentage of {element} in {formula}?",
                "What percentage of the mass of {formula} is {element}?",
                "By mass, what percentage of {formula} is {element}?",
            ),
            measure="mass percentage",
            quantity=quantity("percent"),
        ),
        "atom_count": Output(
            "count",
            "the number of atoms of {element} in {formula}",
            asks=(
                "How many atoms of {element} does {formula} contain?",
                "In {formula}, how many atoms of {element} are there?",
            ),
            measure="atom count",
        ),
    },
    examples=[{"formula": "C6H12O6", "element": "O"}, {"formula": "NaCl", "element": "Cl"}],
)
def formula_element_fraction(p: FormulaElement) -> dict:
    element(p.element)
    f = formula(p.formula)
    item = dict(f.composition().items()).get(p.element)
    if item is None:
        return {"mass_percent": 0.0, "atom_count": 0}
    return {"mass_percent": round(item.fraction * 100.0, 4), "atom_count": int(item.count)}


class FuelFormula(BaseModel):
    formula: str = Field(
        description="Chemical formula of a neutral compound containing carbon or hydrogen, e.g. 'C8H18'.",
        pattern=FORMULA,
        json_schema_extra=port("chemical_formula", samples=["CH4", "C8H18", "C2H6O", "C6H12O6", "C3H8", "C8H10N4O2"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Complete-combustion stoichiometry of one mole of a compound given by formula: moles of O2 "
    "consumed and CO2 and H2O produced, and the stoichiometric air-to-fuel mass ratio (dry air, 20.946% O2).",
    outputs={
        "o2_mol": Output(
            "number",
            "the number of moles of O2 needed to burn one mole of a compound with {formula} completely",
            asks=(
                "How many moles of O2 does it take to burn one mole of a compound with {formula} completely?",
                "In the balanced complete combustion of a compound with {formula}, how many moles of O2 does one mole "
                "of it consume?",
            ),
            measure="oxygen demand per mole of fuel",
            quantity=quantity("mol"),
        ),
        "co2_mol": Output(
            "number",
            "the number of moles of CO2 produced by burning one mole of a compound with {formula}",
            asks=(
                "How many moles of CO2 does burning one mole of a compound with {formula} produce?",
                "Burning one mole of a compound with {formula} completely gives how many moles of carbon dioxide?",
            ),
            measure="carbon dioxide produced per mole of fuel",
            quantity=quantity("mol"),
            askable=False,
        ),
        "h2o_mol": Output(
            "number",
            "the number of moles of H2O produced by burning one mole of a compound with {formula}",
            asks=(
                "How many moles of water does burning one mole of a compound with {formula} produce?",
                "Burning one mole of a compound with {formula} completely gives how many moles of H2O?",
            ),
            measure="water produced per mole of fuel",
            quantity=quantity("mol"),
            askable=False,  # half the hydrogen count of the formula in the question
        ),
        "air_fuel_mass_ratio": Output(
            "number",
            "the stoichiometric air-to-fuel mass ratio of a compound with {formula}",
            asks=(
                "What is the stoichiometric air-to-fuel mass ratio of a fuel with {formula}?",
                "How many kilograms of dry air does it take to burn one kilogram of a compound with {formula} "
                "completely?",
            ),
            measure="stoichiometric air-to-fuel ratio",
            quantity=quantity("dimensionless"),
        ),
    },
    examples=[{"formula": "CH4"}, {"formula": "C8H18"}, {"formula": "C2H6O"}],
)
def combustion_stoichiometry(p: FuelFormula) -> dict:
    from chemicals.combustion import combustion_stoichiometry as stoichiometry

    f = formula(p.formula)
    if f.charge:
        raise ToolInputError(f"formula {p.formula!r} is an ion; combustion needs a neutral compound")
    atoms = {symbol: item.count for symbol, item in f.composition().items()}
    if "C" not in atoms and "H" not in atoms:
        raise ToolInputError(f"formula {p.formula!r} has no carbon or hydrogen to burn")
    products = stoichiometry(atoms)
    o2 = -products.get("O2", 0.0)
    if o2 <= 0:
        raise ToolInputError(f"formula {p.formula!r} needs no oxygen to burn")
    air_mass = o2 / 0.20946 * 28.96546
    return {
        "o2_mol": round(o2, 4),
        "co2_mol": round(float(products.get("CO2", 0.0)), 4),
        "h2o_mol": round(float(products.get("H2O", 0.0)), 4),
        "air_fuel_mass_ratio": round(air_mass / f.mass, 4),
    }


class _OrganicFormula(BaseModel):
    formula: str = Field(
        description="Molecular formula of an organic compound in Hill notation, e.g. 'C2H6O'.",
        pattern=FORMULA,
        json_schema_extra=port("chemical_formula", samples=["C2H6O", "C6H12O6", "C8H10N4O2", "C6H6", "C3H6O"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Isomers in the chemicals database: how many compounds share a molecular formula, and the CAS "
    "number and name of the first one listed.",
    outputs={
        "isomer_count": Output(
            "count",
            "the number of compounds in the database with {formula}",
            asks=(
                "How many listed compounds have {formula}?",
                "How many isomers of {formula} are listed?",
            ),
            measure="number of listed isomers",
            source="a PubChem-derived table of about 76,500 common compounds",
            askable=False,  # the rows of one table, not a chemical fact: glucose has far more isomers than it lists
        ),
        # the compound with the lowest CAS number among the isomers: an order of the database, not a question
        "first_cas": Output("cas_number", "the first compound listed with {formula}", askable=False),
        "first_name": Output("chemical_name", "the name of the first compound listed with {formula}", askable=False),
    },
    examples=[{"formula": "C2H6O"}, {"formula": "C6H12O6"}],
    warm=lambda: _formula_index(),
)
def chemical_isomers(p: _OrganicFormula) -> dict:
    index = _formula_index()
    found = index.get(p.formula)
    if not found:
        raise ToolInputError(f"no compound with formula {p.formula!r} in the chemicals database")
    cas, name = found[0]
    return {"isomer_count": len(found), "first_cas": cas, "first_name": name}


@cache
def _formula_index() -> dict[str, list[tuple[str, str]]]:
    from chemicals.identifiers import pubchem_db

    pubchem_db.autoload_main_db()
    index: dict[str, list[tuple[str, str]]] = {}
    for meta in pubchem_db.CAS_index.values():
        index.setdefault(meta.formula, []).append((meta.CASs, meta.common_name))
    return {k: sorted(v, key=lambda x: (int(x[0].replace("-", "")), x[1])) for k, v in index.items()}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Mass spectrum of a formula (molmass isotope distribution): the most intense peak's mass number "
    "and exact mass, its fraction of all molecules, and the nominal mass.",
    outputs={
        "base_peak_mass_number": Output(
            "integer",
            "the mass number of the most intense isotope peak of {formula}",
            asks=(
                "What is the mass number of the most intense peak in the isotope pattern of {formula}?",
                "In the isotope pattern of the molecular ion of {formula}, at which mass number is the tallest peak?",
            ),
            measure="mass number of the base isotope peak",
            quantity=quantity("Da"),
            # asked where the tallest peak is not the monoisotopic one (bromine, chlorine, large molecules): for
            # acetone it is the first peak, as everyone expects
            worth=lambda _args, out: out.get("base_peak_mass_number") != out.get("nominal_mass"),
        ),
        "base_peak_mass": Output(
            "number",
            "the exact mass of the most intense isotope peak of {formula}",
            asks=(
                "What is the exact mass of the most intense isotope peak of {formula}, in daltons?",
                "Give the exact mass in Da of the base peak in the isotope pattern of {formula}.",
            ),
            measure="exact mass of the base isotope peak",
            quantity=quantity("Da"),
        ),
        "base_peak_fraction": Output(
            "number",
            "the fraction of molecules in the most intense isotope peak of {formula}",
            asks=(
                "What fraction of molecules with {formula} fall in the most intense isotope peak? Answer as a "
                "fraction between 0 and 1.",
                "How much of the isotope distribution of {formula} does its tallest peak hold, as a fraction?",
            ),
            measure="share of molecules in the base isotope peak",
            quantity=quantity("dimensionless"),
        ),
        "nominal_mass": Output(
            "integer",
            "the nominal mass of {formula}",
            asks=("What is the nominal mass of {formula}?", "Give the integer nominal mass of {formula} in daltons."),
            measure="nominal mass",
            quantity=quantity("Da"),
        ),
    },
    examples=[{"formula": "C8H10N4O2"}, {"formula": "NaCl"}],
)
def formula_isotope_peak(p: FormulaParam) -> dict:
    f = formula(p.formula)
    peak = f.spectrum().peak
    return {
        "base_peak_mass_number": int(peak.massnumber),
        "base_peak_mass": round(float(peak.mass), 5),
        "base_peak_fraction": round(float(peak.fraction), 5),
        "nominal_mass": int(f.nominal_mass),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Degree of unsaturation (rings plus double bonds) of a neutral formula made of C, H, N, O, S and "
    "halogens: C - H/2 - X/2 + N/2 + 1, and the number of distinct elements.",
    outputs={
        "degree_of_unsaturation": Output(
            "number",
            "the degree of unsaturation of {formula}",
            asks=(
                "What is the degree of unsaturation of {formula}?",
                "How many rings plus double bonds does a molecule with {formula} have?",
                "Counting rings and pi bonds, what is the double-bond equivalent of {formula}?",
            ),
            measure="degree of unsaturation",
            quantity=quantity("count", "count"),
        ),
        "element_count": Output(
            "count",
            "the number of distinct elements in {formula}",
            asks=("How many different elements does {formula} contain?", "Count the distinct elements in {formula}."),
            measure="number of distinct elements",
            quantity=quantity("count", "count"),
        ),
    },
    examples=[{"formula": "C6H6"}, {"formula": "C8H10N4O2"}],
)
def formula_unsaturation(p: _OrganicFormula) -> dict:
    f = formula(p.formula)
    comp = {k: v[0] for k, v in f.composition().asdict().items()}
    allowed = {"C", "H", "N", "O", "S", "F", "Cl", "Br", "I", "P"}
    if "C" not in comp or set(comp) - allowed:
        raise ToolInputError(f"formula {p.formula!r} is not an organic formula of C, H, N, O, S, P and halogens")
    halogens = sum(comp.get(x, 0) for x in ("F", "Cl", "Br", "I"))
    dbe = comp["C"] - comp.get("H", 0) / 2 - halogens / 2 + (comp.get("N", 0) + comp.get("P", 0)) / 2 + 1
    if dbe < 0:
        raise ToolInputError(f"formula {p.formula!r} has a negative degree of unsaturation (not a neutral molecule)")
    return {"degree_of_unsaturation": dbe, "element_count": len(comp)}


class FormulaPair(BaseModel):
    formula_a: str = Field(
        description="First chemical formula, e.g. 'Fe2O3'.",
        pattern=FORMULA,
        json_schema_extra=port("chemical_formula", samples=["Fe2O3", "CaCO3", "C6H12O6", "H2SO4", "C2H6O"]),
    )
    formula_b: str = Field(
        description="Second chemical formula, e.g. 'Fe'.",
        pattern=FORMULA,
        json_schema_extra=port("chemical_formula", samples=["Fe", "CaO", "CO2", "SO3", "H2O"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Ratio of the molar masses of two formulas (the gravimetric factor used to convert a weighed "
    "form into an analyte, e.g. Fe2O3 to Fe) and the difference in g/mol.",
    outputs={
        "mass_ratio": Output(
            "number",
            "the ratio of the molar mass of {formula_a} to that of {formula_b}",
            asks=(
                "What is the ratio of the molar mass of {formula_a} to that of {formula_b}?",
                "How many times heavier per mole is {formula_a} than {formula_b}?",
            ),
            measure="molar mass ratio",
            quantity=quantity("dimensionless"),
            askable=False,
        ),
        "mass_difference": Output(
            "number",
            "the molar mass of {formula_a} minus that of {formula_b} in g/mol",
            asks=(
                "By how many g/mol does the molar mass of {formula_a} exceed that of {formula_b}?",
                "What is the molar mass of {formula_a} minus that of {formula_b}, in g/mol?",
            ),
            measure="molar mass difference",
            quantity=quantity("g/mol"),
            askable=False,
        ),
    },
    examples=[{"formula_a": "Fe2O3", "formula_b": "Fe"}, {"formula_a": "CaCO3", "formula_b": "CaO"}],
)
def formula_mass_ratio(p: FormulaPair) -> dict:
    a, b = formula(p.formula_a).mass, formula(p.formula_b).mass
    return {"mass_ratio": round(a / b, 6), "mass_difference": round(a - b, 4)}


class Solution(BaseModel):
    formula: str = Field(
        description="Chemical formula of the solute, e.g. 'NaCl'.",
        pattern=FORMULA,
        json_schema_extra=port("chemical_formula", samples=["NaCl", "C6H12O6", "KCl", "CaCl2", "NaHCO3"]),
    )
    mass_g: float = Field(
        description="Mass of solute dissolved, in grams.",
        gt=0,
        le=1e6,
        json_schema_extra=port("number", quantity=quantity("g", additive=True), samples=[58.44, 9.0, 7.45, 11.1, 8.4]),
    )
    volume_l: float = Field(
        description="Final volume of solution, in litres.",
        gt=0,
        le=1e6,
        json_schema_extra=port("number", quantity=quantity("L", additive=True), samples=[1.0, 0.5, 0.25, 2.0, 0.1]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Molar concentration of a solution from the solute's formula, dissolved mass and final volume, "
    "in mol/L and mmol/L.",
    outputs={
        "molarity": Output(
            "number",
            "the molarity in mol/L of {mass_g} g of {formula} in {volume_l} L of solution",
            asks=(
                "I dissolve {mass_g} g of a solute with {formula} and make it up to {volume_l} L. What is the "
                "molarity in mol/L?",
                "What is the molar concentration, in mol/L, of {mass_g} g of a solute with {formula} in {volume_l} L "
                "of solution?",
            ),
            measure="molar concentration",
            quantity=quantity("mol/L"),
        ),
        # the molarity again, in mmol/L
        "millimolar": Output(
            "number",
            "the concentration in mmol/L of {mass_g} g of {formula} in {volume_l} L",
            quantity=quantity("mmol/L"),
            askable=False,
        ),
    },
    examples=[{"formula": "NaCl", "mass_g": 58.44, "volume_l": 1.0}],
)
def solution_molarity(p: Solution) -> dict:
    molarity = p.mass_g / formula(p.formula).mass / p.volume_l
    return {"molarity": float(f"{molarity:.6g}"), "millimolar": float(f"{molarity * 1000:.6g}")}
