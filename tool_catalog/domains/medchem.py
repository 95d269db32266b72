"""Medicine & chemistry: ICD-10-CM, chemical identity and property tables, formulas, elements, clinical formulas.

Backends: simple-icd-10-cm (CMS ICD-10-CM tabular list), chemicals (PubChem-derived metadata and CRC, IUPAC,
NIST WebBook, Yaws, IARC/NTP, IPCC ... property tables), molmass (formula masses), periodictable (elements) and
published clinical equations written out here (BMI, BSA, CKD-EPI 2021, Cockcroft-Gault).
Only tabulated values are returned: group-contribution estimates (Joback, Wilson-Jasperson, Fedors) are skipped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from tool_catalog.ports import define_port, port
from tool_catalog.registry import seed_source, tool
from tool_catalog.spec import Output, ToolInputError

DOMAIN = "medchem"

define_port(
    "icd10cm_block",
    "ICD-10-CM block: a range of three-character categories such as E08-E13",
    "code",
    "the ICD-10-CM block {value}",
    ask="the category range of {phrase}",
)

define_port("inchikey", "InChIKey structure hash", "code", "the compound with InChIKey {value}")
define_port(
    "pubchem_cid", "PubChem compound ID", "integer", "PubChem compound {value}", ask="the PubChem CID of {phrase}"
)

_ESTIMATION_METHODS = frozenset({"JOBACK", "WILSON_JASPERSON", "FEDORS", "ACENTRIC_DEFINITION"})
"""chemicals methods that estimate a property instead of looking up a tabulated value."""

# --- ICD-10-CM ---------------------------------------------------------------------------

_ICD_CODE = r"^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$"
_ICD_BLOCK = r"^[A-Z][0-9A-Z]{2}(-[A-Z][0-9A-Z]{2})?$"
_ICD_REF = re.compile(r"\b([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)")


@cache
def _icd() -> Any:
    """The simple_icd_10_cm module (its import parses the tabular list, about 2-3 s)."""
    import simple_icd_10_cm

    return simple_icd_10_cm


@cache
def _icd_leaves() -> tuple[tuple[str, str], ...]:
    """Billable (leaf) codes in tabular order with lower-cased descriptions."""
    cm = _icd()
    seen: set[str] = set()
    leaves = []
    for code in cm.get_all_codes():
        if code in seen or not cm.is_category_or_subcategory(code) or not cm.is_leaf(code):
            continue
        seen.add(code)
        leaves.append((code, cm.get_description(code).lower()))
    return tuple(leaves)


def _icd_code(code: str) -> str:
    cm = _icd()
    if not cm.is_valid_item(code) or not cm.is_category_or_subcategory(code):
        raise ToolInputError(f"unknown ICD-10-CM code {code!r} (use the dotted form, e.g. 'E11.9')")
    return code


def _icd_block(block: str) -> str:
    cm = _icd()
    if not cm.is_valid_item(block) or not cm.is_block(block):
        raise ToolInputError(f"unknown ICD-10-CM block {block!r} (expected a range such as 'E08-E13')")
    return block


def _top_block(code: str) -> tuple[str, str]:
    """The top-level block and the chapter that contain a code."""
    ancestors = _icd().get_ancestors(code)
    return ancestors[-2], ancestors[-1]


@cache
def _adult_bmi_codes() -> tuple[tuple[float, float, str], ...]:
    """(low, high, code) of the adult BMI codes Z68.1-Z68.45, parsed from their descriptions."""
    cm = _icd()
    number = r"(\d+(?:\.\d+)?)"
    ranges = []
    for code in cm.get_descendants("Z68"):
        text = cm.get_description(code)
        if not cm.is_leaf(code) or not text.endswith(", adult"):
            continue
        if m := re.search(number + "-" + number, text):
            ranges.append((float(m[1]), float(m[2]), code))
        elif m := re.search(number + " or less", text):
            ranges.append((0.0, float(m[1]), code))
        elif m := re.search(number + " or greater", text):
            ranges.append((float(m[1]), math.inf, code))
    return tuple(ranges)


def _bmi_code(bmi: float) -> str | None:
    value = round(bmi, 1)
    return next((code for low, high, code in _adult_bmi_codes() if low <= value <= high), None)


def _ckd_code(stage: str) -> str | None:
    """The billable N18 code whose description names the CKD stage ('3a' for KDIGO category G3a)."""
    cm = _icd()
    token = stage.removeprefix("G").lower()
    for code in cm.get_descendants("N18"):
        found = re.search(r"stage (\w+)", cm.get_description(code))
        if cm.is_leaf(code) and found and found[1].lower() == token:
            return code
    return None


class IcdCode(BaseModel):
    code: str = Field(
        description="ICD-10-CM code in dotted form, e.g. 'E11.9' or the category 'J45'.",
        pattern=_ICD_CODE,
        json_schema_extra=port("icd10cm_code", samples=["E11.9", "J45.909", "I10", "S72.001A", "F32.A", "K21.9"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="simple-icd-10-cm",
    description="Look up an ICD-10-CM diagnosis code: its description, whether it is billable (a leaf), its parent "
    "code, the title of its three-character category, and the top-level block and chapter number that contain it.",
    outputs={
        "description": Output("label", "the official description of {code}"),
        "is_billable": Output("boolean", "whether {code} is billable"),
        "parent_code": Output("icd10cm_code", "the parent code of {code}"),
        "block": Output("icd10cm_block", "the ICD-10-CM block containing {code}"),
        "chapter": Output("integer", "the number of the ICD-10-CM chapter containing {code}"),
        "category_title": Output("label", "the title of the three-character category containing {code}"),
    },
    examples=[{"code": "E11.9"}, {"code": "S72.001A"}, {"code": "J45"}],
)
def icd10cm_code_info(p: IcdCode) -> dict:
    cm = _icd()
    code = _icd_code(p.code)
    parent = cm.get_parent(code)
    block, chapter = _top_block(code)
    return {
        "description": cm.get_description(code),
        "is_billable": cm.is_leaf(code),
        "parent_code": parent if cm.is_category_or_subcategory(parent) and parent != code else None,
        "block": block,
        "chapter": int(chapter),
        "category_title": cm.get_description(code[:3]) if len(code) > 3 else None,
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="simple-icd-10-cm",
    description="List the direct children of an ICD-10-CM category or subcategory and count its billable "
    "descendants (0 children for a billable leaf code).",
    outputs={
        "child_count": Output("count", "the number of direct subdivisions of {code}"),
        "first_child": Output("icd10cm_code", "the first child code of {code}"),
        "last_child": Output("icd10cm_code", "the last child code of {code}"),
        "children": Output("string_list", "the list of codes of the direct subdivisions of {code}"),
        "billable_descendants": Output("count", "the number of billable codes under {code}"),
    },
    examples=[{"code": "E11"}, {"code": "S72.001"}, {"code": "I10"}],
)
def icd10cm_children(p: IcdCode) -> dict:
    cm = _icd()
    code = _icd_code(p.code)
    children = cm.get_children(code)
    billable = sum(1 for d in cm.get_descendants(code) if cm.is_leaf(d))
    return {
        "child_count": len(children),
        "first_child": children[0] if children else None,
        "last_child": children[-1] if children else None,
        "children": children,
        "billable_descendants": billable,
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="simple-icd-10-cm",
    description="Find the Excludes1 notes ('not coded here') that apply to an ICD-10-CM code, from the code itself "
    "or its nearest ancestor that has them, and the codes those notes point to.",
    outputs={
        "note_count": Output("count", "the number of Excludes1 notes that apply to {code}"),
        "first_excluded_code": Output(
            "icd10cm_code", "the first code named in the Excludes1 notes that apply to {code}"
        ),
        "excluded_codes": Output("string_list", "the list of codes named in the Excludes1 notes that apply to {code}"),
        "first_note": Output("label", "the first Excludes1 note that applies to {code}"),
        "noted_at": Output("label", "the code or block where the Excludes1 notes applying to {code} are listed"),
    },
    examples=[{"code": "E11.9"}, {"code": "J45.909"}],
)
def icd10cm_excludes1(p: IcdCode) -> dict:
    cm = _icd()
    code = _icd_code(p.code)
    for level in [code, *cm.get_ancestors(code)]:
        notes = cm.get_excludes1(level)
        if notes:
            break
    else:
        raise ToolInputError(f"no Excludes1 note applies to ICD-10-CM code {code!r} or its ancestors")
    referenced: list[str] = []
    for note in notes:
        for ref in _ICD_REF.findall(note.rpartition("(")[2]):
            if ref not in referenced and cm.is_valid_item(ref) and cm.is_category_or_subcategory(ref):
                referenced.append(ref)
    return {
        "note_count": len(notes),
        "first_excluded_code": referenced[0] if referenced else None,
        "excluded_codes": referenced,
        "first_note": notes[0],
        "noted_at": level,
    }


class IcdBlock(BaseModel):
    block: str = Field(
        description="ICD-10-CM block as a category range, e.g. 'E08-E13' (single-category blocks like 'B10' too).",
        pattern=_ICD_BLOCK,
        json_schema_extra=port("icd10cm_block", samples=["E08-E13", "J40-J4A", "I20-I25", "F30-F39", "C00-C14"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="simple-icd-10-cm",
    description="Describe an ICD-10-CM block (a range of categories): its title, its chapter number and title, "
    "its first category and how many categories and billable codes it contains.",
    outputs={
        "title": Output("label", "the title of {block}"),
        "chapter": Output("integer", "the number of the ICD-10-CM chapter containing {block}"),
        "chapter_title": Output("label", "the title of the ICD-10-CM chapter containing {block}"),
        "first_category": Output("icd10cm_code", "the first category code in {block}"),
        "category_count": Output("count", "the number of three-character categories in {block}"),
        "billable_codes": Output("count", "the number of billable codes in {block}"),
    },
    examples=[{"block": "E08-E13"}, {"block": "J40-J4A"}],
)
def icd10cm_block_info(p: IcdBlock) -> dict:
    cm = _icd()
    block = _icd_block(p.block)
    chapter = cm.get_ancestors(block, prioritize_blocks=True)[-1]
    descendants = cm.get_descendants(block, prioritize_blocks=True)
    categories = list(dict.fromkeys(d for d in descendants if cm.is_category(d)))
    title = cm.get_description(block, prioritize_blocks=True)
    return {
        "title": re.sub(r"\s*\([A-Z0-9-]+\)$", "", title),
        "chapter": int(chapter),
        "chapter_title": re.sub(r"\s*\([A-Z0-9-]+\)$", "", cm.get_description(chapter)),
        "first_category": categories[0] if categories else None,
        "category_count": len(categories),
        "billable_codes": len({d for d in descendants if cm.is_leaf(d)}),
    }


class IcdKeyword(BaseModel):
    keyword: str = Field(
        description="An English word or short phrase to find in code descriptions, e.g. 'asthma'.",
        pattern=r"^[A-Za-z][A-Za-z' -]{2,39}$",
        json_schema_extra=port("word", samples=["asthma", "migraine", "pneumonia", "fracture", "gout", "anemia"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="simple-icd-10-cm",
    description="Search the descriptions of billable ICD-10-CM codes for a whole word or phrase (case-insensitive): "
    "number of matching codes and the first match in tabular order.",
    outputs={
        "match_count": Output("count", "the number of billable ICD-10-CM codes whose description contains {keyword}"),
        "first_code": Output("icd10cm_code", "the first billable ICD-10-CM code whose description contains {keyword}"),
    },
    examples=[{"keyword": "asthma"}, {"keyword": "migraine"}],
)
def icd10cm_search(p: IcdKeyword) -> dict:
    words = p.keyword.lower().split()
    pattern = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b")
    matches = [code for code, description in _icd_leaves() if pattern.search(description)]
    if not matches:
        raise ToolInputError(f"no billable ICD-10-CM code description contains {p.keyword!r}")
    return {"match_count": len(matches), "first_code": matches[0]}


# --- chemicals: identity ------------------------------------------------------------------

_CAS = r"^[1-9][0-9]{1,6}-[0-9]{2}-[0-9]$"
_CAS_SAMPLES = ["64-17-5", "71-43-2", "7732-18-5", "67-64-1", "74-82-8", "108-88-3", "67-56-1"]


def _metadata(cas: str) -> Any:
    from chemicals.identifiers import check_CAS, search_chemical

    if not check_CAS(cas):
        raise ToolInputError(f"{cas!r} is not a valid CAS registry number (check digit mismatch)")
    try:
        return search_chemical(cas)
    except ValueError:
        raise ToolInputError(f"unknown CAS registry number {cas!r}") from None


def _checked_cas(cas: str) -> str:
    from chemicals.identifiers import check_CAS

    if not check_CAS(cas):
        raise ToolInputError(f"{cas!r} is not a valid CAS registry number (check digit mismatch)")
    return cas


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
        "cas_number": Output("cas_number", "{name}"),
        "formula": Output("chemical_formula", "the molecular formula of {name}"),
        "molecular_weight": Output("number", "the molecular weight in g/mol of {name}"),
    },
    examples=[{"name": "ethanol"}, {"name": "paracetamol"}],
)
def chemical_lookup_by_name(p: ChemicalName) -> dict:
    from chemicals.identifiers import CAS_from_any, search_chemical

    if re.fullmatch(_CAS, p.name):
        raise ToolInputError(f"{p.name!r} is already a CAS number; pass a chemical name")
    if re.fullmatch(r"(?:[A-Z][a-z]?[0-9]*)+", p.name) and re.search(r"[0-9]", p.name):
        raise ToolInputError(f"{p.name!r} looks like a molecular formula, not a name (formulas name several isomers)")
    try:
        cas = CAS_from_any(p.name)
        meta = search_chemical(cas)
    except ValueError:
        raise ToolInputError(f"chemical name {p.name!r} is not recognized") from None
    return {"cas_number": cas, "formula": meta.formula, "molecular_weight": round(meta.MW, 4)}


class CasNumber(BaseModel):
    cas: str = Field(
        description="CAS registry number, e.g. '64-17-5' for ethanol.",
        pattern=_CAS,
        json_schema_extra=port("cas_number", samples=_CAS_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Identify a compound by CAS number: common name, IUPAC name, molecular formula, molecular weight, "
    "SMILES, InChIKey and PubChem CID.",
    outputs={
        "common_name": Output("chemical_name", "the common name of {cas}"),
        "iupac_name": Output("label", "the IUPAC name of {cas}"),
        "formula": Output("chemical_formula", "the molecular formula of {cas}"),
        "molecular_weight": Output("number", "the molecular weight in g/mol of {cas}"),
        "smiles": Output("smiles", "the SMILES string of {cas}"),
        "inchikey": Output("inchikey", "the InChIKey of {cas}"),
        "pubchem_cid": Output("pubchem_cid", "the PubChem compound ID of {cas}"),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "58-08-2"}],
)
def chemical_identity(p: CasNumber) -> dict:
    meta = _metadata(p.cas)
    return {
        "common_name": meta.common_name,
        "iupac_name": meta.iupac_name,
        "formula": meta.formula,
        "molecular_weight": round(meta.MW, 4),
        "smiles": meta.smiles,
        "inchikey": meta.InChI_key,
        "pubchem_cid": meta.pubchemid,
    }


# --- chemicals: tabulated properties --------------------------------------------------------


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


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Normal boiling point and melting point in kelvin of a compound given by CAS number (tabulated "
    "CRC, NIST WebBook, Yaws, CAS Common Chemistry or Wikidata values), and its liquid range.",
    outputs={
        "boiling_point_k": Output("temperature_k", "the normal boiling point in kelvin of {cas}"),
        "melting_point_k": Output("temperature_k", "the melting point in kelvin of {cas}"),
        "liquid_range_k": Output("number", "the width in kelvin of the liquid range at 1 atm of {cas}"),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "7439-89-6"}],
)
def chemical_phase_transitions(p: CasNumber) -> dict:
    from chemicals import phase_change

    cas = _checked_cas(p.cas)
    tb = _tabulated(phase_change.Tb, phase_change.Tb_methods, cas)
    tm = _tabulated(phase_change.Tm, phase_change.Tm_methods, cas)
    if tb is None and tm is None:
        raise ToolInputError(f"no tabulated boiling or melting point for CAS {cas}")
    liquid = tb - tm if tb is not None and tm is not None and tb > tm else None
    return {"boiling_point_k": _r(tb, 2), "melting_point_k": _r(tm, 2), "liquid_range_k": _r(liquid, 2)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Critical temperature (K), critical pressure (bar), critical molar volume (cm3/mol) and acentric "
    "factor of a compound given by CAS number, from evaluated tables (IUPAC, CRC, NIST, Yaws ...).",
    outputs={
        "critical_temperature_k": Output("temperature_k", "the critical temperature in kelvin of {cas}"),
        "critical_pressure_bar": Output("number", "the critical pressure in bar of {cas}"),
        "critical_volume_cm3_mol": Output("number", "the critical molar volume in cm3/mol of {cas}"),
        "acentric_factor": Output("number", "the acentric factor of {cas}"),
    },
    examples=[{"cas": "7732-18-5"}, {"cas": "124-38-9"}],
)
def chemical_critical_point(p: CasNumber) -> dict:
    from chemicals import acentric, critical

    cas = _checked_cas(p.cas)
    tc = _tabulated(critical.Tc, critical.Tc_methods, cas)
    pc = _tabulated(critical.Pc, critical.Pc_methods, cas)
    vc = _tabulated(critical.Vc, critical.Vc_methods, cas)
    omega = _tabulated(acentric.omega, acentric.omega_methods, cas)
    if tc is None and pc is None:
        raise ToolInputError(f"no tabulated critical constants for CAS {cas}")
    return {
        "critical_temperature_k": _r(tc, 2),
        "critical_pressure_bar": _r(None if pc is None else pc / 1e5, 3),
        "critical_volume_cm3_mol": _r(None if vc is None else vc * 1e6, 2),
        "acentric_factor": _r(omega, 4),
    }


class VaporPressureQuery(BaseModel):
    cas: str = Field(
        description="CAS registry number of the compound.",
        pattern=_CAS,
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
    outputs={"vapor_pressure_kpa": Output("number", "the vapor pressure in kPa of {cas} at {temperature_k}")},
    examples=[{"cas": "64-17-5", "temperature_k": 298.15}, {"cas": "7732-18-5", "temperature_k": 373.15}],
)
def chemical_vapor_pressure(p: VaporPressureQuery) -> dict:
    cas, t = _checked_cas(p.cas), p.temperature_k
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


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Hazard data of a compound given by CAS number: flash point and autoignition temperature (K), lower "
    "and upper flammability limits (vol %), IARC carcinogen group, NTP Report on Carcinogens status and the "
    "Ontario 8-hour exposure limit.",
    outputs={
        "flash_point_k": Output("temperature_k", "the flash point in kelvin of {cas}"),
        "autoignition_k": Output("temperature_k", "the autoignition temperature in kelvin of {cas}"),
        "lower_flammability_limit_pct": Output("number", "the lower flammability limit in volume percent of {cas}"),
        "upper_flammability_limit_pct": Output("number", "the upper flammability limit in volume percent of {cas}"),
        "iarc_group": Output("label", "the IARC carcinogen classification of {cas}"),
        "ntp_status": Output("label", "the carcinogen status in the NTP 13th Report on Carcinogens of {cas}"),
        "exposure_limit_twa": Output("label", "the Ontario 8-hour time-weighted exposure limit of {cas}"),
    },
    examples=[{"cas": "71-43-2"}, {"cas": "64-17-5"}, {"cas": "50-00-0"}],
)
def chemical_hazards(p: CasNumber) -> dict:
    from chemicals import safety

    cas = _metadata(p.cas).CASs
    lfl = _tabulated(safety.LFL, safety.LFL_methods, cas)
    ufl = _tabulated(safety.UFL, safety.UFL_methods, cas)
    carcinogen = safety.Carcinogen(cas)
    twa = safety.TWA(cas)
    return {
        "flash_point_k": _r(_tabulated(safety.T_flash, safety.T_flash_methods, cas), 2),
        "autoignition_k": _r(_tabulated(safety.T_autoignition, safety.T_autoignition_methods, cas), 2),
        "lower_flammability_limit_pct": _r(None if lfl is None else lfl * 100, 3),
        "upper_flammability_limit_pct": _r(None if ufl is None else ufl * 100, 3),
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
        "hf_gas_kj_mol": Output("number", "the standard enthalpy of formation in kJ/mol of {cas} in the gas phase"),
        "hf_liquid_kj_mol": Output(
            "number", "the standard enthalpy of formation in kJ/mol of {cas} in the liquid phase"
        ),
        "s0_gas_j_mol_k": Output("number", "the standard molar entropy in J/(mol K) of {cas} in the gas phase"),
        "heat_of_combustion_kj_mol": Output("number", "the higher heating value in kJ/mol of {cas} burned as a gas"),
    },
    examples=[{"cas": "74-82-8"}, {"cas": "64-17-5"}],
)
def chemical_thermochemistry(p: CasNumber) -> dict:
    from chemicals import combustion, reaction
    from chemicals.elements import simple_formula_parser

    meta = _metadata(p.cas)
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
        "hf_gas_kj_mol": _r(None if hfg is None else hfg / 1000.0, 3),
        "hf_liquid_kj_mol": _r(None if hfl is None else hfl / 1000.0, 3),
        "s0_gas_j_mol_k": _r(s0g, 3),
        "heat_of_combustion_kj_mol": _r(hhv, 2),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Polarity data of a compound given by CAS number: octanol-water partition coefficient (log P), "
    "dipole moment (debye) and refractive index (sodium D line).",
    outputs={
        "log_p": Output("number", "the octanol-water partition coefficient log P of {cas}"),
        "dipole_moment_debye": Output("number", "the dipole moment in debye of {cas}"),
        "refractive_index": Output("number", "the refractive index of {cas}"),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "50-78-2"}],
)
def chemical_polarity(p: CasNumber) -> dict:
    from chemicals import dipole, environment, refractivity

    cas = _checked_cas(p.cas)
    logp = _tabulated(environment.logP, environment.logP_methods, cas)
    mu = _tabulated(dipole.dipole_moment, dipole.dipole_moment_methods, cas)
    ri = _tabulated(refractivity.RI, refractivity.RI_methods, cas)
    if logp is None and mu is None and ri is None:
        raise ToolInputError(f"no tabulated log P, dipole moment or refractive index for CAS {cas}")
    return {
        "log_p": _r(logp, 3),
        "dipole_moment_debye": _r(mu, 3),
        "refractive_index": _r(None if ri is None else ri[0], 4),
    }


# --- formulas (molmass) ---------------------------------------------------------------------

_FORMULA = r"^[A-Z\[(][A-Za-z0-9()\[\]]{0,59}([+-][0-9]?)?$"
_FORMULA_SAMPLES = ["C2H6O", "C8H10N4O2", "C6H12O6", "H2O", "C9H8O4", "CH4N2O", "NaCl"]
_MAX_ATOMS = 5000


def _formula(text: str) -> Any:
    from molmass import Formula, FormulaError

    try:
        formula = Formula(text)
        atoms = formula.atoms
        _ = formula.mass
    except (FormulaError, KeyError, ValueError) as exc:
        raise ToolInputError(f"cannot parse chemical formula {text!r}: {str(exc).splitlines()[0]}") from None
    if atoms > _MAX_ATOMS:
        raise ToolInputError(f"formula {text!r} has more than {_MAX_ATOMS} atoms")
    return formula


class FormulaParam(BaseModel):
    formula: str = Field(
        description="Chemical formula, e.g. 'C8H10N4O2' (Hill notation or condensed, parentheses allowed).",
        pattern=_FORMULA,
        json_schema_extra=port("chemical_formula", samples=_FORMULA_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Masses of a chemical formula: average molar mass, monoisotopic mass, mass of the most abundant "
    "isotopologue, atom count, and the element with the largest mass fraction.",
    outputs={
        "average_mass": Output("number", "the average molar mass in g/mol of {formula}"),
        "monoisotopic_mass": Output("number", "the monoisotopic mass in daltons of {formula}"),
        "most_abundant_mass": Output("number", "the mass in daltons of the most abundant isotopologue of {formula}"),
        "atom_count": Output("count", "the number of atoms in {formula}"),
        "heaviest_element": Output("element_symbol", "the element with the largest mass fraction in {formula}"),
        "empirical_formula": Output("chemical_formula", "the empirical formula of {formula}"),
    },
    examples=[{"formula": "C8H10N4O2"}, {"formula": "C6H12O6"}],
)
def molecular_formula_mass(p: FormulaParam) -> dict:
    formula = _formula(p.formula)
    composition = formula.composition()
    heaviest = max(composition.items(), key=lambda kv: (kv[1].fraction, kv[0]))[0]
    peak = formula.spectrum().peak if formula.atoms <= 500 else None
    empirical = formula.empirical
    return {
        "average_mass": round(formula.mass, 4),
        "monoisotopic_mass": round(formula.monoisotopic_mass, 5),
        "most_abundant_mass": None if peak is None else round(peak.mass, 5),
        "atom_count": formula.atoms,
        "heaviest_element": heaviest,
        "empirical_formula": empirical if empirical != formula.formula else None,
    }


class FormulaElement(BaseModel):
    formula: str = Field(
        description="Chemical formula, e.g. 'C6H12O6'.",
        pattern=_FORMULA,
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
        "mass_percent": Output("number", "the mass percentage of {element} in {formula}"),
        "atom_count": Output("count", "the number of atoms of {element} in {formula}"),
    },
    examples=[{"formula": "C6H12O6", "element": "O"}, {"formula": "NaCl", "element": "Cl"}],
)
def formula_element_fraction(p: FormulaElement) -> dict:
    _element(p.element)
    formula = _formula(p.formula)
    item = dict(formula.composition().items()).get(p.element)
    if item is None:
        return {"mass_percent": 0.0, "atom_count": 0}
    return {"mass_percent": round(item.fraction * 100.0, 4), "atom_count": int(item.count)}


class FuelFormula(BaseModel):
    formula: str = Field(
        description="Chemical formula of a neutral compound containing carbon or hydrogen, e.g. 'C8H18'.",
        pattern=_FORMULA,
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
            "number", "the number of moles of O2 needed to burn one mole of a compound with {formula} completely"
        ),
        "co2_mol": Output(
            "number", "the number of moles of CO2 produced by burning one mole of a compound with {formula}"
        ),
        "h2o_mol": Output(
            "number", "the number of moles of H2O produced by burning one mole of a compound with {formula}"
        ),
        "air_fuel_mass_ratio": Output(
            "number", "the stoichiometric air-to-fuel mass ratio of a compound with {formula}"
        ),
    },
    examples=[{"formula": "CH4"}, {"formula": "C8H18"}, {"formula": "C2H6O"}],
)
def combustion_stoichiometry(p: FuelFormula) -> dict:
    from chemicals.combustion import combustion_stoichiometry as stoichiometry

    formula = _formula(p.formula)
    if formula.charge:
        raise ToolInputError(f"formula {p.formula!r} is an ion; combustion needs a neutral compound")
    atoms = {symbol: item.count for symbol, item in formula.composition().items()}
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
        "air_fuel_mass_ratio": round(air_mass / formula.mass, 4),
    }


# --- elements -------------------------------------------------------------------------------


def _element(symbol: str) -> Any:
    import periodictable

    try:
        element = periodictable.elements.symbol(symbol)
    except ValueError:
        raise ToolInputError(f"unknown element symbol {symbol!r}") from None
    if element.number < 1:
        raise ToolInputError(f"unknown element symbol {symbol!r}")
    return element


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
    element = _element(p.symbol)
    natural = [(element[n].abundance, n) for n in element.isotopes if element[n].abundance]
    return {
        "name": element.name,
        "atomic_number": element.number,
        "atomic_mass": round(element.mass, 4),
        "density_g_cm3": _r(element.density, 4),
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

    _element(p.symbol)
    if p.symbol not in periodic_table:
        raise ToolInputError(f"no periodic-table data for element {p.symbol!r}")
    e = periodic_table[p.symbol]
    return {
        "period": e.period,
        "group": e.group,
        "block": e.block,
        "electronegativity": e.elneg,
        "ionization_energy_ev": _r(e.ionization, 4),
        "standard_state_cas": e.CAS_standard,
        "standard_state_formula": e.formula_standard,
    }


# --- clinical formulas ----------------------------------------------------------------------

Sex = Literal["female", "male"]
_SEX_DOC = "Sex used by the equation: 'female' or 'male'."


class BodySize(BaseModel):
    weight_kg: float = Field(
        description="Body weight in kilograms.",
        gt=0.5,
        le=500,
        json_schema_extra=port("number", samples=[70, 85.5, 54, 102, 63.2]),
    )
    height_cm: float = Field(
        description="Body height in centimetres.",
        ge=30,
        le=272,
        json_schema_extra=port("number", samples=[175, 162, 181.5, 158, 190]),
    )


def _bmi_class(bmi: float) -> str:
    for limit, label in ((18.5, "underweight"), (25, "normal weight"), (30, "overweight")):
        if bmi < limit:
            return label
    for limit, label in ((35, "obesity class I"), (40, "obesity class II")):
        if bmi < limit:
            return label
    return "obesity class III"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="simple-icd-10-cm",
    description="Body mass index (kg/m2) with its WHO adult category and ICD-10-CM adult BMI code (Z68), and body "
    "surface area (m2) by the Mosteller and Du Bois formulas, from weight and height.",
    outputs={
        "bmi": Output("number", "the body mass index of a person weighing {weight_kg} kg and {height_cm} cm tall"),
        "bmi_category": Output(
            "label", "the WHO body mass index category of an adult weighing {weight_kg} kg and {height_cm} cm tall"
        ),
        "bsa_mosteller_m2": Output(
            "number",
            "the Mosteller body surface area in m2 of a person weighing {weight_kg} kg and {height_cm} cm tall",
        ),
        "bsa_dubois_m2": Output(
            "number", "the Du Bois body surface area in m2 of a person weighing {weight_kg} kg and {height_cm} cm tall"
        ),
        "bmi_icd10cm_code": Output(
            "icd10cm_code", "the ICD-10-CM adult BMI code for a person weighing {weight_kg} kg and {height_cm} cm tall"
        ),
    },
    examples=[{"weight_kg": 70, "height_cm": 175}, {"weight_kg": 102, "height_cm": 168}],
)
def body_size_indices(p: BodySize) -> dict:
    bmi = p.weight_kg / (p.height_cm / 100.0) ** 2
    return {
        "bmi": round(bmi, 2),
        "bmi_category": _bmi_class(round(bmi, 1)),
        "bsa_mosteller_m2": round(math.sqrt(p.weight_kg * p.height_cm / 3600.0), 3),
        "bsa_dubois_m2": round(0.007184 * p.weight_kg**0.425 * p.height_cm**0.725, 3),
        "bmi_icd10cm_code": _bmi_code(bmi),
    }


class Egfr(BaseModel):
    creatinine_mg_dl: float = Field(
        description="Serum creatinine in mg/dL (IDMS-traceable).",
        gt=0.05,
        le=30,
        json_schema_extra=port("number", samples=[0.8, 1.0, 1.3, 2.1, 0.6, 4.5]),
    )
    age: int = Field(
        description="Age in years (adult).",
        ge=18,
        le=120,
        json_schema_extra=port("integer", samples=[35, 50, 67, 80, 24]),
    )
    sex: Sex = Field(description=_SEX_DOC, json_schema_extra=port("label", samples=["female", "male"]))


def _ckd_stage(egfr: float) -> str:
    for limit, stage in ((90, "G1"), (60, "G2"), (45, "G3a"), (30, "G3b"), (15, "G4")):
        if egfr >= limit:
            return stage
    return "G5"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="simple-icd-10-cm",
    description="Estimated glomerular filtration rate (mL/min/1.73 m2) by the race-free CKD-EPI 2021 creatinine "
    "equation, with the KDIGO GFR category (G1-G5) and the ICD-10-CM code of chronic kidney disease at that stage.",
    outputs={
        "egfr": Output(
            "number",
            "the CKD-EPI 2021 eGFR in mL/min/1.73 m2 of a {age}-year-old {sex} with serum creatinine "
            "{creatinine_mg_dl} mg/dL",
        ),
        "gfr_category": Output(
            "label",
            "the KDIGO GFR category of a {age}-year-old {sex} with serum creatinine {creatinine_mg_dl} mg/dL "
            "by CKD-EPI 2021",
        ),
        "ckd_icd10cm_code": Output(
            "icd10cm_code",
            "the ICD-10-CM code for chronic kidney disease at the GFR category of a {age}-year-old {sex} with serum "
            "creatinine {creatinine_mg_dl} mg/dL by CKD-EPI 2021",
        ),
    },
    examples=[
        {"creatinine_mg_dl": 1.0, "age": 50, "sex": "male"},
        {"creatinine_mg_dl": 1.3, "age": 67, "sex": "female"},
    ],
)
def egfr_ckd_epi_2021(p: Egfr) -> dict:
    female = p.sex == "female"
    kappa, alpha = (0.7, -0.241) if female else (0.9, -0.302)
    ratio = p.creatinine_mg_dl / kappa
    egfr = 142.0 * min(ratio, 1.0) ** alpha * max(ratio, 1.0) ** -1.2 * 0.9938**p.age * (1.012 if female else 1.0)
    egfr = round(egfr, 1)
    stage = _ckd_stage(egfr)
    return {"egfr": egfr, "gfr_category": stage, "ckd_icd10cm_code": _ckd_code(stage)}


class CockcroftGault(BaseModel):
    creatinine_mg_dl: float = Field(
        description="Serum creatinine in mg/dL.",
        gt=0.05,
        le=30,
        json_schema_extra=port("number", samples=[0.8, 1.0, 1.3, 2.1, 0.6, 4.5]),
    )
    age: int = Field(
        description="Age in years (adult).",
        ge=18,
        le=120,
        json_schema_extra=port("integer", samples=[35, 50, 67, 80, 24]),
    )
    weight_kg: float = Field(
        description="Body weight in kilograms.",
        gt=20,
        le=500,
        json_schema_extra=port("number", samples=[70, 85.5, 54, 102, 63.2]),
    )
    sex: Sex = Field(description=_SEX_DOC, json_schema_extra=port("label", samples=["female", "male"]))


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Creatinine clearance (mL/min) by the Cockcroft-Gault equation: (140 - age) x weight / (72 x serum "
    "creatinine), times 0.85 for females.",
    outputs={
        "creatinine_clearance": Output(
            "number",
            "the Cockcroft-Gault creatinine clearance in mL/min of a {age}-year-old {sex} weighing {weight_kg} kg "
            "with serum creatinine {creatinine_mg_dl} mg/dL",
        ),
    },
    examples=[{"creatinine_mg_dl": 1.0, "age": 60, "weight_kg": 72, "sex": "male"}],
)
def creatinine_clearance_cockcroft_gault(p: CockcroftGault) -> dict:
    clearance = (140 - p.age) * p.weight_kg / (72.0 * p.creatinine_mg_dl)
    if p.sex == "female":
        clearance *= 0.85
    return {"creatinine_clearance": round(clearance, 1)}


class MassConcentration(BaseModel):
    formula: str = Field(
        description="Chemical formula of the solute, e.g. 'C6H12O6' for glucose.",
        pattern=_FORMULA,
        json_schema_extra=port("chemical_formula", samples=["C6H12O6", "C4H7N3O", "CH4N2O", "C27H46O", "C5H4N4O3"]),
    )
    mg_per_dl: float = Field(
        description="Mass concentration in mg/dL.",
        gt=0,
        le=1e6,
        json_schema_extra=port("number", samples=[100, 1.0, 20, 200, 6.5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Convert a laboratory mass concentration in mg/dL to molar concentration (mmol/L and umol/L) "
    "using the molar mass of the solute's formula (e.g. glucose, creatinine, urea, cholesterol).",
    outputs={
        "mmol_per_l": Output("number", "the concentration in mmol/L of {mg_per_dl} mg/dL of a solute with {formula}"),
        "umol_per_l": Output("number", "the concentration in umol/L of {mg_per_dl} mg/dL of a solute with {formula}"),
    },
    examples=[{"formula": "C6H12O6", "mg_per_dl": 100}, {"formula": "C4H7N3O", "mg_per_dl": 1.0}],
)
def mg_dl_to_mmol_l(p: MassConcentration) -> dict:
    molar_mass = _formula(p.formula).mass
    mmol = p.mg_per_dl * 10.0 / molar_mass
    return {"mmol_per_l": round(mmol, 4), "umol_per_l": round(mmol * 1000.0, 2)}


# --- seed sources ---------------------------------------------------------------------------

_SEED_NAME = re.compile(r"[a-z][a-z0-9 ,()'\[\]+-]{2,50}")
_REGISTRY_ID = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5,}|^(nsc|ccris|hsdb|icn|agn-pc|einecs|unii|akos|mfcd) ")
"""Database identifiers listed as synonyms (ac1l1fan, nsc406180, chembl397705, hsdb 6091), not names."""


@cache
def _name_seeds() -> tuple[str, ...]:
    from chemicals import phase_change
    from chemicals.identifiers import CAS_from_any, search_chemical

    phase_change.Tb("64-17-5")  # loads the property tables
    names = set()
    for cas in phase_change.Tb_sources["CRC_ORG"].index:
        try:
            name = search_chemical(cas).common_name
        except ValueError:
            continue
        if (
            not name
            or not _SEED_NAME.fullmatch(name)
            or _REGISTRY_ID.search(name)
            or re.search(r"\d{2,}-\d{2}-\d", name)
        ):
            continue
        try:
            if CAS_from_any(name) == cas:
                names.add(name)
        except ValueError:
            continue
    return tuple(sorted(names))


@seed_source(
    domain=DOMAIN,
    port="chemical_name",
    package="chemicals",
    description="Common names of compounds in the CRC organic-constants table that resolve back to their CAS number",
)
def chemical_name_seeds() -> list[str]:
    return list(_name_seeds())


@seed_source(
    domain=DOMAIN,
    port="cas_number",
    package="chemicals",
    description="CAS numbers of compounds with evaluated critical constants (HEOS, IUPAC, Matthews, CRC, PD, "
    "Pina-Martinez tables)",
)
def cas_seeds() -> list[str]:
    from chemicals import critical
    from chemicals.identifiers import check_CAS, search_chemical

    critical.Tc("64-17-5")  # loads the tables
    found = set()
    for source in ("HEOS", "IUPAC", "MATTHEWS", "CRC", "PD", "PINAMARTINES"):
        table = critical.Tc_sources[source]
        found.update(table.index[table["Tc"].notna()])
    seeds = []
    for cas in found:
        if not re.fullmatch(_CAS, cas) or not check_CAS(cas):
            continue
        try:
            search_chemical(cas)
        except ValueError:
            continue
        seeds.append(cas)
    return sorted(seeds)


@seed_source(
    domain=DOMAIN,
    port="icd10cm_code",
    package="simple-icd-10-cm",
    description="Billable ICD-10-CM codes without a seventh-character extension",
)
def icd10cm_seeds() -> list[str]:
    cm = _icd()
    return sorted(code for code, _ in _icd_leaves() if not cm.is_extended_subcategory(code))


@seed_source(
    domain=DOMAIN,
    port="icd10cm_block",
    package="simple-icd-10-cm",
    description="ICD-10-CM blocks (category ranges) directly under a chapter",
)
def icd10cm_block_seeds() -> list[str]:
    cm = _icd()
    return sorted(
        {b for b in cm.get_all_codes() if cm.is_block(b) and cm.get_parent(b, prioritize_blocks=True).isdigit()}
    )


@seed_source(domain=DOMAIN, port="element_symbol", package="periodictable", description="Symbols of elements 1-118")
def element_seeds() -> list[str]:
    import periodictable

    return sorted(e.symbol for e in periodictable.elements if e.number >= 1)
