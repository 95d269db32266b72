"""Chemical identity (chemicals, PubChem-derived metadata): resolve a compound by name, CAS number, SMILES,
InChIKey or PubChem CID, its synonyms, and the amount of substance in a mass of it."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from tool_catalog.domains.medchem.common import CAS, CAS_SAMPLES, DOMAIN, FAMILIAR_COMPOUNDS, CasNumber, metadata
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, quantity
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError

_LOCANT = re.compile(r"(?:^|[\s(\[-])\d+(?:,\d+)*-[a-z]")
"""A systematic name with locants ("1-chloro-3-nitrobenzene", "2,2-dimethylbutane") spells its formula out."""


def _formula_unsaid(name: str) -> bool:
    """Whether a compound's name leaves its formula unsaid (a trivial or common name, not a systematic one)."""
    return not _LOCANT.search(name)


def _common_name(cas: str) -> str:
    try:
        return metadata(cas).common_name or ""
    except ToolInputError:
        return ""


class ChemicalName(BaseModel):
    name: str = Field(
        description="Common or systematic name of a chemical compound, e.g. 'ethanol' or 'caffeine'.",
        pattern=r"^[A-Za-z0-9][A-Za-z0-9 ,()'\[\]+.-]{1,99}$",
        json_schema_extra=port(
            "chemical_name", samples=["ethanol", "caffeine", "aspirin", "glucose", "benzene", "acetone", "urea"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Resolve a chemical name or synonym (e.g. 'paracetamol') to its CAS registry number, molecular "
    "formula (Hill notation) and molecular weight, using the PubChem-derived database of the chemicals package.",
    outputs={
        "cas_number": Output(
            "cas_number",
            "{name}",
            asks=(
                "What is the CAS registry number of {name}?",
                "Find the CAS number of {name}.",
                "I need to order {name} from a supplier. Which CAS registry number should I quote?",
            ),
            chain=False,
        ),
        "formula": Output(
            "chemical_formula",
            "the molecular formula of {name}",
            asks=(
                "What is the molecular formula of {name}? Give it in Hill notation.",
                "Which molecular formula does {name} have?",
            ),
            avoid=("solution_molarity",),
            worth=lambda args, out: (
                str(out.get("cas_number")) not in FAMILIAR_COMPOUNDS and _formula_unsaid(str(args.get("name", "")))
            ),
        ),
        "molecular_weight": Output(
            "number",
            "the molecular weight in g/mol of {name}",
            asks=(
                "What is the molecular weight of {name}, in g/mol?",
                "How many grams does one mole of {name} weigh?",
                "What is the molar mass of {name} in g/mol?",
            ),
            measure="molecular weight",
            quantity=quantity("g/mol"),
        ),
    },
    examples=[{"name": "ethanol"}, {"name": "paracetamol"}],
    inverse="chemical_identity",
)
def chemical_lookup_by_name(p: ChemicalName) -> dict:
    from chemicals.identifiers import CAS_from_any, search_chemical

    if re.fullmatch(CAS, p.name):
        raise ToolInputError(f"{p.name!r} is already a CAS number; pass a chemical name")
    if re.fullmatch(r"(?:[A-Z][a-z]?[0-9]*)+", p.name) and re.search(r"[0-9]", p.name):
        raise ToolInputError(f"{p.name!r} looks like a molecular formula, not a name (formulas name several isomers)")
    try:
        cas = CAS_from_any(p.name)
        meta = search_chemical(cas)
    except ValueError:
        raise ToolInputError(f"chemical name {p.name!r} is not recognized") from None
    return {"cas_number": cas, "formula": meta.formula, "molecular_weight": round(meta.MW, 4)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Identify a compound by CAS number: common name, IUPAC name, molecular formula, molecular weight, "
    "SMILES, InChIKey and PubChem CID.",
    outputs={
        "common_name": Output(
            "chemical_name",
            "the common name of {cas}",
            asks=("What is the common name of {cas}?", "By what common name is {cas} known?"),
        ),
        "iupac_name": Output(
            "label",
            "the IUPAC name of {cas}",
            asks=("What is the IUPAC name of {cas}?", "Give the systematic IUPAC name of {cas}."),
            source="PubChem",
            worth=lambda args, _out: str(args.get("cas")) not in FAMILIAR_COMPOUNDS,  # not caffeine's
        ),
        "formula": Output(
            "chemical_formula",
            "the molecular formula of {cas}",
            asks=(
                "What is the molecular formula of {cas}? Give it in Hill notation.",
                "Which molecular formula does {cas} have?",
            ),
            avoid=("solution_molarity",),
            worth=lambda args, _out: (
                str(args.get("cas")) not in FAMILIAR_COMPOUNDS and _formula_unsaid(_common_name(str(args.get("cas"))))
            ),
        ),
        "molecular_weight": Output(
            "number",
            "the molecular weight in g/mol of {cas}",
            asks=(
                "What is the molecular weight of {cas} in g/mol?",
                "How many grams does one mole of {cas} weigh?",
                "What is the molar mass of {cas}, in g/mol?",
            ),
            measure="molecular weight",
            quantity=quantity("g/mol"),
        ),
        "smiles": Output(
            "smiles",
            "the SMILES string of {cas}",
            asks=("What is the canonical SMILES of {cas}?", "Write {cas} as a canonical SMILES string."),
            source="PubChem",
        ),
        "inchikey": Output(
            "inchikey",
            "the InChIKey of {cas}",
            asks=("What is the standard InChIKey of {cas}?", "Give the InChIKey of {cas}."),
        ),
        "pubchem_cid": Output(
            "pubchem_cid",
            "the PubChem compound ID of {cas}",
            asks=("What is the PubChem CID of {cas}?", "Under which compound ID does PubChem file {cas}?"),
            measure="PubChem compound ID",
        ),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "58-08-2"}],
)
def chemical_identity(p: CasNumber) -> dict:
    meta = metadata(p.cas)
    return {
        "common_name": meta.common_name,
        "iupac_name": meta.iupac_name,
        "formula": meta.formula,
        "molecular_weight": round(meta.MW, 4),
        "smiles": meta.smiles,
        "inchikey": meta.InChI_key,
        "pubchem_cid": meta.pubchemid,
    }


def _identity(cas: str) -> dict:
    meta = metadata(cas)
    return {"cas_number": meta.CASs, "common_name": meta.common_name, "formula": meta.formula}


_ID_OUTPUTS = {
    "cas_number": ("cas_number", "{value}"),
    "common_name": ("chemical_name", "the common name of {value}"),
    "formula": ("chemical_formula", "the molecular formula of {value}"),
}

_ID_ASKS = {
    "cas_number": ("What is the CAS registry number of {value}?", "Find the CAS number of {value}."),
    "common_name": ("What is the common name of {value}?", "By what common name is {value} known?"),
    "formula": (
        "What is the molecular formula of {value}? Give it in Hill notation.",
        "Which molecular formula does {value} have?",
    ),
}
"""Questions for the fields of the lookups by SMILES, InChIKey and CID; ``{value}`` becomes the parameter."""


class Smiles(BaseModel):
    smiles: str = Field(
        description="SMILES string exactly as PubChem writes it (canonical), e.g. 'CCO'.",
        pattern=r"^[A-Za-z0-9@+\-\[\]()=#$/\\%.:*]{1,200}$",
        json_schema_extra=port("smiles", samples=["CCO", "C1=CC=CC=C1", "CC(=O)C", "O", "CC(=O)Oc1ccccc1C(=O)O"]),
    )


class InchiKey(BaseModel):
    inchikey: str = Field(
        description="Standard InChIKey (27 characters), e.g. 'LFQSCWFLJHTTHZ-UHFFFAOYSA-N'.",
        pattern=r"^[A-Z]{14}-[A-Z]{10}-[A-Z]$",
        json_schema_extra=port(
            "inchikey",
            samples=["LFQSCWFLJHTTHZ-UHFFFAOYSA-N", "UHOVQNZJYSORNB-UHFFFAOYSA-N", "XLYOFNOQVPJJNP-UHFFFAOYSA-N"],
        ),
    )


class PubchemCid(BaseModel):
    cid: int = Field(
        description="PubChem compound identifier, e.g. 702 for ethanol.",
        ge=1,
        le=10**10,
        json_schema_extra=port("pubchem_cid", samples=[702, 241, 2519, 2244, 962]),
    )


def _by_key(kind: str, value: str) -> str:
    from chemicals.identifiers import CAS_from_any

    try:
        return CAS_from_any(f"{kind}={value}")
    except (ValueError, KeyError, TypeError):
        raise ToolInputError(f"no compound with {kind} {value!r} in the chemicals database") from None


for _name, _model, _kind, _attr, _label, _examples in [
    ("chemical_lookup_by_smiles", Smiles, "smiles", "smiles", "SMILES {smiles}", [{"smiles": "CCO"}]),
    (
        "chemical_lookup_by_inchikey",
        InchiKey,
        "InChIKey",
        "inchikey",
        "InChIKey {inchikey}",
        [{"inchikey": "LFQSCWFLJHTTHZ-UHFFFAOYSA-N"}],
    ),
    ("chemical_lookup_by_pubchem_cid", PubchemCid, "pubchem", "cid", "PubChem CID {cid}", [{"cid": 2244}]),
]:
    add_tool(
        _name,
        _model,
        (lambda kind, attr: lambda p: _identity(_by_key(kind, str(getattr(p, attr)))))(_kind, _attr),
        domain=DOMAIN,
        kind="retrieval",
        package="chemicals",
        description=f"Resolve a compound by its {_label.split(' {')[0]} to its CAS number, common name and molecular "
        "formula (PubChem-derived database of the chemicals package).",
        outputs={
            k: Output(
                port_name,
                phrase.format(value="{" + _label.split("{")[1]),
                asks=tuple(ask.replace("{value}", "{" + _attr + "}") for ask in _ID_ASKS[k]),
                # the compound a key names is written by its name in a question, not followed from the key
                chain=None if k == "formula" else False,
                avoid=("solution_molarity",),  # "9 g of a solute with the formula of water": no one's solution
            )
            for k, (port_name, phrase) in _ID_OUTPUTS.items()
        },
        examples=_examples,
        inverse="chemical_identity",
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Synonyms of a compound by CAS number from its PubChem record: how many, the first few, and "
    "whether a given number of other CAS numbers alias it.",
    outputs={
        "synonym_count": Output(
            "count",
            "the number of synonyms recorded for {cas}",
            asks=(
                "How many synonyms are recorded for {cas}?",
                "Under how many different names and synonyms is {cas} recorded?",
            ),
            measure="number of recorded synonyms",
            source="PubChem",
            askable=False,  # how many names a database has collected for methane is no one's question
        ),
        # the first entries of a synonym list in database order (the same name may repeat in another case)
        "first_synonyms": Output("string_list", "the first three synonyms recorded for {cas}", askable=False),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "58-08-2"}],
)
def chemical_synonyms(p: CasNumber) -> dict:
    meta = metadata(p.cas)
    synonyms = [s for s in (meta.synonyms or []) if s]
    return {"synonym_count": len(synonyms), "first_synonyms": synonyms[:3]}


class CasMass(BaseModel):
    cas: str = Field(
        description="CAS registry number of the compound.",
        pattern=CAS,
        json_schema_extra=port("cas_number", samples=CAS_SAMPLES[:5]),
    )
    mass_g: float = Field(
        description="Mass in grams.",
        gt=0,
        le=1e9,
        json_schema_extra=port("number", quantity=quantity("g", additive=True), samples=[100.0, 42.5, 1.5, 250.0, 7.3]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Amount of substance in a mass of a compound given by CAS number: moles and number of molecules.",
    outputs={
        "moles": Output(
            "number",
            "the number of moles in {mass_g} g of {cas}",
            asks=(
                "How many moles are in {mass_g} g of {cas}?",
                "I weighed out {mass_g} g of {cas}. What amount of substance is that, in moles?",
                "Convert {mass_g} g of {cas} to moles.",
            ),
            measure="amount of substance",
            quantity=quantity("mol", additive=True),
        ),
        "molecules": Output(
            "number",
            "the number of molecules in {mass_g} g of {cas}",
            asks=(
                "How many molecules are in {mass_g} g of {cas}?",
                "A sample of {cas} weighs {mass_g} g. How many molecules does it contain?",
            ),
            measure="number of molecules",
            quantity=COUNT,
        ),
    },
    examples=[{"cas": "7732-18-5", "mass_g": 18.0}],
)
def grams_to_moles(p: CasMass) -> dict:
    moles = p.mass_g / metadata(p.cas).MW
    return {"moles": float(f"{moles:.6g}"), "molecules": float(f"{moles * 6.02214076e23:.6g}")}
