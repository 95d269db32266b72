"""Medicine & chemistry, second part: ICD-10-CM notes and hierarchy, more tabulated chemical data and
temperature-dependent correlations, structure identifiers, element data, formula arithmetic and clinical formulas.

Backends: simple-icd-10-cm (CMS tabular list), chemicals (CRC, Perry's 8th ed., Poling, Mulero-Cachadina,
Magalhaes, Ontario exposure limits, Hansen, IPCC ... tables), periodictable (NIST/IUPAC element and isotope data,
neutron scattering lengths of Sears, X-ray lines), molmass, and published clinical equations written out here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.medchem import (
    _CAS,
    _CAS_SAMPLES,
    _FORMULA,
    _ICD_CODE,
    _ICD_REF,
    _SEX_DOC,
    CasNumber,
    ElementSymbol,
    FormulaParam,
    IcdCode,
    _checked_cas,
    _element,
    _formula,
    _icd,
    _icd_code,
    _icd_leaves,
    _metadata,
    _r,
    _tabulated,
)
from tool_catalog.ports import port
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError

DOMAIN = "medchem"
_ICD_PKG = "simple-icd-10-cm"

# --- ICD-10-CM notes (one family: the note kinds of the tabular list) -------------------------


def _note_refs(notes: list[str]) -> list[str]:
    cm = _icd()
    refs: list[str] = []
    for note in notes:
        for ref in _ICD_REF.findall(note):
            if ref not in refs and cm.is_valid_item(ref) and cm.is_category_or_subcategory(ref):
                refs.append(ref)
    return refs


def _notes_of(getter: str, code: str, inherited: bool) -> tuple[list[str], str]:
    """Notes of one kind on the code, or (when inherited) on its nearest ancestor that has them."""
    cm = _icd()
    levels = [code, *cm.get_ancestors(code)] if inherited else [code]
    for level in levels:
        value = getattr(cm, getter)(level)
        notes = [value] if isinstance(value, str) else list(value or [])
        notes = [n.strip() for n in notes if n and n.strip()]
        if notes:
            return notes, level
    return [], code


_NOTE_KINDS = [
    # (tool, getter, note name, inherited, examples, description)
    (
        "icd10cm_excludes2",
        "get_excludes2",
        "Excludes2",
        True,
        ["J45.909", "A00.0", "A03.9", "A06.0", "K21.9"],
        "Excludes2 notes ('not included here': the patient may have both conditions, code both)",
    ),
    (
        "icd10cm_code_first",
        "get_code_first",
        "Code first",
        True,
        ["A41.01", "B39.0", "C80.2", "E08.9", "F02.80"],
        "'Code first' notes (the underlying condition to sequence before this code)",
    ),
    (
        "icd10cm_use_additional_code",
        "get_use_additional_code",
        "Use additional code",
        True,
        ["E11.9", "J44.9", "A00.0", "A04.8", "A06.5"],
        "'Use additional code' notes (further codes to add after this one)",
    ),
    (
        "icd10cm_code_also",
        "get_code_also",
        "Code also",
        True,
        ["B88.01", "C25.3", "C92.02", "C92.40", "C7A.012"],
        "'Code also' notes (other conditions to code as well, in any order)",
    ),
    (
        "icd10cm_includes",
        "get_includes",
        "Includes",
        True,
        ["I10", "A00.0", "A03.0", "A04.4", "A06.0"],
        "Includes notes (conditions the category covers)",
    ),
    (
        "icd10cm_inclusion_terms",
        "get_inclusion_term",
        "inclusion term",
        False,
        ["J45.909", "A00.0", "A03.0", "A06.89", "A15.4"],
        "inclusion terms (synonyms and other conditions classified to exactly this code)",
    ),
]


def _icd_params(name: str, samples: list[str]) -> type[BaseModel]:
    """An ICD-10-CM code parameter model whose samples are codes the tool has data for."""
    from pydantic import create_model

    field = Field(
        description="ICD-10-CM code in dotted form, e.g. 'E11.9' or the category 'J45'.",
        pattern=_ICD_CODE,
        json_schema_extra=port("icd10cm_code", samples=samples),
    )
    return create_model(name, code=(str, field))


def _note_tool(getter: str, note: str, inherited: bool) -> Callable[[Any], dict]:
    def run(p: Any) -> dict:
        code = _icd_code(p.code)
        notes, level = _notes_of(getter, code, inherited)
        if not notes:
            where = " or its ancestors" if inherited else ""
            raise ToolInputError(f"no {note} note applies to ICD-10-CM code {code!r}{where}")
        refs = _note_refs(notes)
        return {
            "note_count": len(notes),
            "first_note": notes[0],
            "referenced_codes": refs,
            "first_referenced_code": refs[0] if refs else None,
            "noted_at": level,
        }

    return run


for _name, _getter, _note, _inherited, _examples, _what in _NOTE_KINDS:
    add_tool(
        _name,
        _icd_params(f"{_getter}_code", _examples),
        _note_tool(_getter, _note, _inherited),
        domain=DOMAIN,
        kind="retrieval",
        package=_ICD_PKG,
        description=f"The {_what} that apply to an ICD-10-CM code"
        + (", taken from the code or its nearest ancestor that has them" if _inherited else "")
        + ", with the codes they reference.",
        outputs={
            "note_count": Output("count", f"the number of {_note} notes that apply to {{code}}"),
            "first_note": Output("label", f"the first {_note} note that applies to {{code}}"),
            "referenced_codes": Output("string_list", f"the codes referenced by the {_note} notes of {{code}}"),
            "first_referenced_code": Output(
                "icd10cm_code", f"the first code referenced by the {_note} notes of {{code}}"
            ),
            "noted_at": Output("label", f"the code or block where the {_note} notes applying to {{code}} are listed"),
        },
        examples=[{"code": c} for c in _examples[:2]],
    )


# --- ICD-10-CM hierarchy --------------------------------------------------------------------


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package=_ICD_PKG,
    description="The ancestors of an ICD-10-CM code from its parent up to its chapter, its depth in the hierarchy "
    "and its three-character category.",
    outputs={
        "ancestors": Output("string_list", "the ancestors of {code} from its parent up to its chapter"),
        "depth": Output("count", "the number of ancestors of {code} in the ICD-10-CM hierarchy"),
        "category": Output("icd10cm_code", "the three-character category of {code}"),
    },
    examples=[{"code": "S72.001A"}, {"code": "E11.9"}],
)
def icd10cm_ancestors(p: IcdCode) -> dict:
    cm = _icd()
    code = _icd_code(p.code)
    ancestors = cm.get_ancestors(code)
    return {"ancestors": ancestors, "depth": len(ancestors), "category": code[:3]}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package=_ICD_PKG,
    description="The siblings of an ICD-10-CM code (codes with the same parent): how many there are, and the "
    "previous and next sibling in tabular order.",
    outputs={
        "sibling_count": Output("count", "the number of other codes sharing the parent of {code}"),
        "previous_sibling": Output("icd10cm_code", "the sibling code listed just before {code}"),
        "next_sibling": Output("icd10cm_code", "the sibling code listed just after {code}"),
    },
    examples=[{"code": "E11.9"}, {"code": "J45.909"}],
)
def icd10cm_siblings(p: IcdCode) -> dict:
    cm = _icd()
    code = _icd_code(p.code)
    parent = cm.get_parent(code)
    if not parent:
        raise ToolInputError(f"ICD-10-CM code {code!r} has no parent")
    siblings = [c for c in cm.get_children(parent) if cm.is_category_or_subcategory(c)]
    if code not in siblings:
        raise ToolInputError(f"ICD-10-CM code {code!r} is not listed among the codes under its parent {parent!r}")
    i = siblings.index(code)
    return {
        "sibling_count": len(siblings) - 1,
        "previous_sibling": siblings[i - 1] if i > 0 else None,
        "next_sibling": siblings[i + 1] if i + 1 < len(siblings) else None,
    }


class IcdPair(BaseModel):
    code_a: str = Field(
        description="First ICD-10-CM code, dotted form.",
        pattern=_ICD_CODE,
        json_schema_extra=port("icd10cm_code", samples=["E11.9", "J45.909", "I10", "S72.001A", "N18.4"]),
    )
    code_b: str = Field(
        description="Second ICD-10-CM code, dotted form.",
        pattern=_ICD_CODE,
        json_schema_extra=port("icd10cm_code", samples=["E10.9", "J44.9", "I11.9", "S82.001A", "N17.9"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package=_ICD_PKG,
    description="The nearest common ancestor of two ICD-10-CM codes (a category, block or chapter) and how many "
    "levels separate each code from it.",
    outputs={
        "common_ancestor": Output("label", "the nearest common ancestor of {code_a} and {code_b}"),
        "levels_from_a": Output("count", "the number of levels from {code_a} up to its common ancestor with {code_b}"),
        "levels_from_b": Output("count", "the number of levels from {code_b} up to its common ancestor with {code_a}"),
        "same_chapter": Output("boolean", "whether {code_a} and {code_b} are in the same ICD-10-CM chapter"),
    },
    examples=[{"code_a": "E11.9", "code_b": "E10.9"}, {"code_a": "J45.909", "code_b": "I10"}],
)
def icd10cm_common_ancestor(p: IcdPair) -> dict:
    cm = _icd()
    a, b = _icd_code(p.code_a), _icd_code(p.code_b)
    if a == b:
        raise ToolInputError("the two ICD-10-CM codes are the same")
    anc_a, anc_b = [a, *cm.get_ancestors(a)], [b, *cm.get_ancestors(b)]
    common = next((x for x in anc_a if x in anc_b), None)
    return {
        "common_ancestor": common,
        "levels_from_a": anc_a.index(common) if common else None,
        "levels_from_b": anc_b.index(common) if common else None,
        "same_chapter": anc_a[-1] == anc_b[-1],
    }


_InjuryCode = _icd_params("InjuryCode", ["S72.001", "T20.011", "S82.001A", "S06.0X0", "T36.0X1"])


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package=_ICD_PKG,
    description="The 7th characters an ICD-10-CM code's category requires (e.g. A initial encounter, D subsequent, "
    "S sequela for injuries), how many there are, and the note that introduces them.",
    outputs={
        "characters": Output("string_list", "the 7th characters available for {code}"),
        "character_count": Output("count", "the number of 7th characters available for {code}"),
        "first_meaning": Output("label", "the meaning of the first 7th character available for {code}"),
        "note": Output("label", "the 7th-character note that applies to {code}"),
    },
    examples=[{"code": "S72.001"}, {"code": "T20.011"}],
)
def icd10cm_seventh_characters(p: _InjuryCode) -> dict:
    cm = _icd()
    code = _icd_code(p.code)
    for level in [code, *cm.get_ancestors(code)]:
        defs = cm.get_seven_chr_def(level)
        if defs:
            return {
                "characters": sorted(defs),
                "character_count": len(defs),
                "first_meaning": defs[sorted(defs)[0]].replace("\t", " "),
                "note": cm.get_seven_chr_note(level) or None,
            }
    raise ToolInputError(f"ICD-10-CM code {code!r} takes no 7th character")


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package=_ICD_PKG,
    description="The billable ICD-10-CM codes just before and after a code in tabular-list order, and the code's "
    "position among all billable codes (1 = first).",
    outputs={
        "previous_billable": Output("icd10cm_code", "the billable code listed just before {code}"),
        "next_billable": Output("icd10cm_code", "the billable code listed just after {code}"),
        "position": Output("count", "the position of {code} among all billable ICD-10-CM codes"),
    },
    examples=[{"code": "E11.9"}, {"code": "I10"}],
)
def icd10cm_billable_neighbours(p: IcdCode) -> dict:
    code = _icd_code(p.code)
    index = _billable_index()
    if code not in index:
        raise ToolInputError(f"ICD-10-CM code {code!r} is not billable (it has subdivisions)")
    leaves, i = _icd_leaves(), index[code]
    return {
        "previous_billable": leaves[i - 1][0] if i > 0 else None,
        "next_billable": leaves[i + 1][0] if i + 1 < len(leaves) else None,
        "position": i + 1,
    }


@cache
def _billable_index() -> dict[str, int]:
    return {code: i for i, (code, _) in enumerate(_icd_leaves())}


class IcdKeywordUnder(BaseModel):
    keyword: str = Field(
        description="Word or phrase to find in code descriptions, e.g. 'left'.",
        pattern=r"^[A-Za-z][A-Za-z ,'-]{1,40}$",
        json_schema_extra=port("word", samples=["left", "without", "unspecified", "native", "stage"]),
    )
    code: str = Field(
        description="ICD-10-CM category or subcategory to search under, e.g. 'S72'.",
        pattern=_ICD_CODE,
        json_schema_extra=port("icd10cm_code", samples=["S72", "E11", "J45", "I25", "N18"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package=_ICD_PKG,
    description="Search the billable codes under one ICD-10-CM category for a word in their description: how many "
    "match and the first match in tabular order.",
    outputs={
        "match_count": Output(
            "count", "the number of billable codes under {code} whose description contains {keyword}"
        ),
        "first_match": Output(
            "icd10cm_code", "the first billable code under {code} whose description contains {keyword}"
        ),
    },
    examples=[{"keyword": "left", "code": "S72"}, {"keyword": "without", "code": "E11"}],
)
def icd10cm_search_under(p: IcdKeywordUnder) -> dict:
    cm = _icd()
    code = _icd_code(p.code)
    word = p.keyword.lower().strip()
    matches = [d for d in cm.get_descendants(code) if cm.is_leaf(d) and word in cm.get_description(d).lower()]
    if not matches:
        raise ToolInputError(f"no billable code under {code!r} has {p.keyword!r} in its description")
    return {"match_count": len(matches), "first_match": matches[0]}


class IcdChapter(BaseModel):
    chapter: int = Field(
        description="ICD-10-CM chapter number, 1 to 22.",
        ge=1,
        le=22,
        json_schema_extra=port("integer", samples=[4, 9, 10, 19, 2, 21]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package=_ICD_PKG,
    description="An ICD-10-CM chapter by number: its title, its number of top-level blocks, its first block and "
    "its number of billable codes.",
    outputs={
        "title": Output("label", "the title of ICD-10-CM chapter {chapter}"),
        "block_count": Output("count", "the number of blocks in ICD-10-CM chapter {chapter}"),
        "first_block": Output("icd10cm_block", "the first block of ICD-10-CM chapter {chapter}"),
        "billable_codes": Output("count", "the number of billable codes in ICD-10-CM chapter {chapter}"),
    },
    examples=[{"chapter": 4}, {"chapter": 19}],
)
def icd10cm_chapter_info(p: IcdChapter) -> dict:
    cm = _icd()
    chapter = str(p.chapter)
    if not cm.is_chapter(chapter):
        raise ToolInputError(f"unknown ICD-10-CM chapter {p.chapter}")
    blocks = cm.get_children(chapter)
    billable = sum(1 for d in cm.get_descendants(chapter) if cm.is_leaf(d) and cm.is_category_or_subcategory(d))
    return {
        "title": cm.get_description(chapter),
        "block_count": len(blocks),
        "first_block": blocks[0] if blocks else None,
        "billable_codes": billable,
    }


# --- chemicals: more tabulated scalar properties (one family) ---------------------------------


def _cas_params(name: str, samples: list[str]) -> type[BaseModel]:
    """A CAS-number parameter model whose samples are compounds the table covers (sparse tables differ)."""
    from pydantic import create_model

    field = Field(
        description="CAS registry number, e.g. '64-17-5' for ethanol.",
        pattern=_CAS,
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
        "triple_point_k": Output("temperature_k", "the triple-point temperature in kelvin of {cas}"),
        "triple_point_pa": Output("number", "the triple-point pressure in Pa of {cas}"),
    },
    examples=[{"cas": "7732-18-5"}, {"cas": "64-17-5"}],
)
def chemical_triple_point(p: _TriplePointCas) -> dict:
    cas = _checked_cas(p.cas)
    return _require(
        cas,
        "triple point",
        {
            "triple_point_k": _r(_scalar("triple", "Tt", cas, frozenset({"MELTING"})), 3),
            "triple_point_pa": _r(_scalar("triple", "Pt", cas), 6),
        },
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Enthalpy of fusion of a compound by CAS number (CRC tables) in kJ/mol and J/g, and the entropy "
    "of fusion (enthalpy over melting point) in J/(mol K).",
    outputs={
        "hfus_kj_mol": Output("number", "the enthalpy of fusion in kJ/mol of {cas}"),
        "hfus_j_g": Output("number", "the enthalpy of fusion in J/g of {cas}"),
        "sfus_j_mol_k": Output("number", "the entropy of fusion in J/(mol K) of {cas}"),
    },
    examples=[{"cas": "7732-18-5"}, {"cas": "71-43-2"}],
)
def chemical_heat_of_fusion(p: _FusionCas) -> dict:
    from chemicals import phase_change

    cas = _checked_cas(p.cas)
    hfus = _tabulated(phase_change.Hfus, phase_change.Hfus_methods, cas)
    if hfus is None:
        raise ToolInputError(f"no tabulated enthalpy of fusion for CAS {cas}")
    tm = _tabulated(phase_change.Tm, phase_change.Tm_methods, cas)
    mw = _metadata(cas).MW
    return {
        "hfus_kj_mol": _r(hfus / 1000.0, 3),
        "hfus_j_g": _r(hfus / mw, 2),
        "sfus_j_mol_k": _r(hfus / tm, 3) if tm else None,
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Enthalpy of vaporization of a compound by CAS number at its normal boiling point and at 298.15 K "
    "(CRC tables, kJ/mol), with the Trouton ratio (entropy of vaporization at the boiling point, J/(mol K)).",
    outputs={
        "hvap_at_tb_kj_mol": Output(
            "number", "the enthalpy of vaporization at the normal boiling point in kJ/mol of {cas}"
        ),
        "hvap_298_kj_mol": Output("number", "the enthalpy of vaporization at 298.15 K in kJ/mol of {cas}"),
        "trouton_ratio": Output("number", "the entropy of vaporization at the boiling point in J/(mol K) of {cas}"),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "7732-18-5"}],
)
def chemical_heat_of_vaporization(p: _VaporizationCas) -> dict:
    from chemicals import phase_change

    cas = _checked_cas(p.cas)
    table = phase_change.Hvap_data_CRC
    if cas not in table.index:
        raise ToolInputError(f"no tabulated enthalpy of vaporization for CAS {cas}")
    row = table.loc[cas]
    hvap_tb, hvap_298, tb = (float(row[k]) for k in ("HvapTb", "Hvap298", "Tb"))
    return {
        "hvap_at_tb_kj_mol": _r(hvap_tb / 1000.0, 3) if math.isfinite(hvap_tb) else None,
        "hvap_298_kj_mol": _r(hvap_298 / 1000.0, 3) if math.isfinite(hvap_298) else None,
        "trouton_ratio": _r(hvap_tb / tb, 2) if math.isfinite(hvap_tb) and tb > 0 else None,
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Enthalpy of sublimation of a compound by CAS number (Gharagheizi's compilation), in kJ/mol.",
    outputs={"hsub_kj_mol": Output("number", "the enthalpy of sublimation in kJ/mol of {cas}")},
    examples=[{"cas": "103-90-2"}, {"cas": "100-21-0"}],
)
def chemical_heat_of_sublimation(p: _SublimationCas) -> dict:
    from chemicals import phase_change

    cas = _checked_cas(p.cas)
    table = phase_change.Hsub_data_Gharagheizi
    if cas not in table.index:
        raise ToolInputError(f"no tabulated enthalpy of sublimation for CAS {cas}")
    return {"hsub_kj_mol": _r(float(table.loc[cas, "Hsub"]) / 1000.0, 3)}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Research and motor octane numbers of a fuel compound by CAS number (Florian and Liming's "
    "measured data) and its anti-knock index (R+M)/2 as shown on US pumps.",
    outputs={
        "research_octane": Output("number", "the research octane number of {cas}"),
        "motor_octane": Output("number", "the motor octane number of {cas}"),
        "anti_knock_index": Output("number", "the anti-knock index (R+M)/2 of {cas}"),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "540-84-1"}],
)
def chemical_octane_numbers(p: _OctaneCas) -> dict:
    cas = _checked_cas(p.cas)
    skip = frozenset({"FLORIAN_LIMING_ANN"})
    ron, mon = _scalar("combustion", "RON", cas, skip), _scalar("combustion", "MON", cas, skip)
    if ron is None and mon is None:
        raise ToolInputError(f"no measured octane number for CAS {cas}")
    return {
        "research_octane": _r(ron, 2),
        "motor_octane": _r(mon, 2),
        "anti_knock_index": _r((ron + mon) / 2, 2) if ron is not None and mon is not None else None,
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Lennard-Jones parameters of a gas by CAS number (Magalhaes et al. 2013 and Poling tables): the "
    "Stockmayer well depth epsilon/k (K) and the molecular diameter sigma (angstrom).",
    outputs={
        "epsilon_over_k": Output("number", "the Lennard-Jones well depth epsilon/k in kelvin of {cas}"),
        "sigma_angstrom": Output("number", "the Lennard-Jones molecular diameter in angstrom of {cas}"),
    },
    examples=[{"cas": "7727-37-9"}, {"cas": "74-82-8"}],
)
def chemical_lennard_jones(p: _GasCas) -> dict:
    cas = _checked_cas(p.cas)
    return _require(
        cas,
        "Lennard-Jones parameters",
        {
            "epsilon_over_k": _r(_scalar("lennard_jones", "Stockmayer", cas), 3),
            "sigma_angstrom": _r(_scalar("lennard_jones", "molecular_diameter", cas), 4),
        },
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Radius of gyration of a molecule by CAS number (PSI4 and ChemSep tables), in angstrom.",
    outputs={"radius_of_gyration_angstrom": Output("number", "the radius of gyration in angstrom of {cas}")},
    examples=[{"cas": "64-17-5"}, {"cas": "71-43-2"}],
)
def chemical_radius_of_gyration(p: _GyrationCas) -> dict:
    cas = _checked_cas(p.cas)
    rg = _scalar("molecular_geometry", "RG", cas)
    if rg is None:
        raise ToolInputError(f"no tabulated radius of gyration for CAS {cas}")
    return {"radius_of_gyration_angstrom": _r(rg * 1e10, 4)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Short-term and ceiling occupational exposure limits of a compound by CAS number (Ontario "
    "limits) and whether it carries a skin-absorption notation.",
    outputs={
        "stel": Output("label", "the short-term (15 minute) exposure limit of {cas}"),
        "ceiling": Output("label", "the ceiling exposure limit of {cas}"),
        "skin_notation": Output("boolean", "whether {cas} carries a skin-absorption notation"),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "67-56-1"}],
)
def chemical_exposure_limits(p: _ExposureCas) -> dict:
    from chemicals import safety

    cas = _checked_cas(p.cas)

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
        "delta_d": Output("number", "the Hansen dispersion parameter in MPa^0.5 of {cas}"),
        "delta_p": Output("number", "the Hansen polar parameter in MPa^0.5 of {cas}"),
        "delta_h": Output("number", "the Hansen hydrogen-bonding parameter in MPa^0.5 of {cas}"),
        "delta_total": Output("number", "the total Hildebrand solubility parameter in MPa^0.5 of {cas}"),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "67-64-1"}],
)
def chemical_hansen_parameters(p: _SolventCas) -> dict:
    d, pp, h = _hansen(_checked_cas(p.cas))
    return {
        "delta_d": _r(d, 2),
        "delta_p": _r(pp, 2),
        "delta_h": _r(h, 2),
        "delta_total": _r(math.sqrt(d * d + pp * pp + h * h), 2),
    }


class CasPair(BaseModel):
    cas_a: str = Field(
        description="CAS number of the first compound.",
        pattern=_CAS,
        json_schema_extra=port("cas_number", samples=["64-17-5", "67-64-1", "71-43-2", "7732-18-5", "108-88-3"]),
    )
    cas_b: str = Field(
        description="CAS number of the second compound.",
        pattern=_CAS,
        json_schema_extra=port("cas_number", samples=["67-56-1", "108-88-3", "110-54-3", "64-17-5", "71-43-2"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Hansen distance Ra = sqrt(4 dd^2 + dp^2 + dh^2) between two solvents given by CAS number (smaller "
    "means more alike, a rule of thumb for miscibility), from their tabulated Hansen parameters.",
    outputs={
        "hansen_distance": Output("number", "the Hansen solubility distance in MPa^0.5 between {cas_a} and {cas_b}"),
    },
    examples=[{"cas_a": "64-17-5", "cas_b": "67-56-1"}, {"cas_a": "71-43-2", "cas_b": "108-88-3"}],
)
def hansen_distance(p: CasPair) -> dict:
    a, b = _hansen(_checked_cas(p.cas_a)), _hansen(_checked_cas(p.cas_b))
    if p.cas_a == p.cas_b:
        raise ToolInputError("the two CAS numbers are the same")
    ra = math.sqrt(4 * (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2)
    return {"hansen_distance": _r(ra, 3)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Environmental impact of a compound by CAS number: 100-year global warming potential (IPCC), "
    "ozone depletion potential and 100-year global temperature potential.",
    outputs={
        "gwp_100": Output("number", "the 100-year global warming potential of {cas}"),
        "odp": Output("number", "the ozone depletion potential of {cas}"),
        "gtp_100": Output("number", "the 100-year global temperature potential of {cas}"),
    },
    examples=[{"cas": "74-82-8"}, {"cas": "75-69-4"}],
)
def chemical_environmental_impact(p: _ClimateCas) -> dict:
    from chemicals import environment

    cas = _checked_cas(p.cas)
    return _require(
        cas,
        "GWP, ODP or GTP",
        {
            "gwp_100": _r(environment.GWP(cas), 3),
            "odp": _r(environment.ODP(cas), 4),
            "gtp_100": _r(environment.GTP(cas), 3),
        },
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Standard molar entropy of the liquid (J/(mol K), CRC and NIST WebBook) and standard enthalpy of "
    "formation of the solid (kJ/mol) of a compound by CAS number.",
    outputs={
        "s0_liquid_j_mol_k": Output("number", "the standard molar entropy of liquid {cas} in J/(mol K)"),
        "hf_solid_kj_mol": Output("number", "the standard enthalpy of formation of solid {cas} in kJ/mol"),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "7732-18-5"}],
)
def chemical_condensed_phase_thermo(p: _CondensedCas) -> dict:
    from chemicals import reaction

    cas = _checked_cas(p.cas)
    hfs = _tabulated(reaction.Hfs, reaction.Hfs_methods, cas)
    return _require(
        cas,
        "condensed-phase thermochemistry",
        {
            "s0_liquid_j_mol_k": _r(_tabulated(reaction.S0l, reaction.S0l_methods, cas), 3),
            "hf_solid_kj_mol": _r(hfs / 1000.0, 3) if hfs is not None else None,
        },
    )


# --- chemicals: temperature-dependent correlations (one family) -------------------------------


class CasAtTemperature(BaseModel):
    cas: str = Field(
        description="CAS registry number of the compound.",
        pattern=_CAS,
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

        cas, t = _checked_cas(p.cas), p.temperature_k
        table = getattr(importlib.import_module(f"chemicals.{spec['module']}"), spec["table"])
        if cas not in table.index:
            raise ToolInputError(f"no tabulated {spec['what']} correlation for CAS {cas}")
        row = table.loc[cas]
        lo, hi = float(row.Tmin), float(row.Tmax)
        if not (lo <= t <= hi):
            raise ToolInputError(f"temperature {t:g} K is outside the valid range {lo:g}-{hi:g} K for CAS {cas}")
        value = float(spec["evaluate"](t, row, _metadata(cas).MW))
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
        outputs={_spec["field"]: Output("number", _spec["phrase"])},
        examples=[{"cas": "64-17-5", "temperature_k": 298.15}, {"cas": "71-43-2", "temperature_k": 310.15}],
    )


class CasAtPressure(BaseModel):
    cas: str = Field(
        description="CAS registry number of the compound.",
        pattern=_CAS,
        json_schema_extra=port("cas_number", samples=["7732-18-5", "64-17-5", "71-43-2", "67-64-1", "108-88-3"]),
    )
    pressure_kpa: float = Field(
        description="Pressure in kPa (e.g. 101.325 for one standard atmosphere).",
        gt=0,
        le=100000,
        json_schema_extra=port("number", samples=[101.325, 50.0, 200.0, 70.1, 10.0]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Boiling temperature (K) of a pure compound at a given pressure, found by solving its tabulated "
    "vapor-pressure correlation (the same correlations as the vapor-pressure tool) for P(T) = pressure.",
    outputs={
        "boiling_temperature_k": Output(
            "temperature_k", "the boiling temperature in kelvin of {cas} at {pressure_kpa} kPa"
        )
    },
    examples=[{"cas": "7732-18-5", "pressure_kpa": 101.325}, {"cas": "64-17-5", "pressure_kpa": 50.0}],
)
def chemical_boiling_point_at_pressure(p: CasAtPressure) -> dict:
    from scipy.optimize import brentq

    from tool_catalog.domains.medchem import _vapor_correlations

    cas, target = _checked_cas(p.cas), p.pressure_kpa * 1000.0
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


class GasState(BaseModel):
    cas: str = Field(
        description="CAS registry number of the gas.",
        pattern=_CAS,
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
        json_schema_extra=port("number", samples=[101.325, 200.0, 50.0, 1000.0, 101.325]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Ideal-gas density (kg/m3) and molar volume (L/mol) of a compound given by CAS number at a "
    "temperature and pressure, from its molecular weight and PV = nRT.",
    outputs={
        "density_kg_m3": Output(
            "number", "the ideal-gas density in kg/m3 of {cas} at {temperature_k} and {pressure_kpa} kPa"
        ),
        "molar_volume_l_mol": Output(
            "number", "the ideal-gas molar volume in L/mol of {cas} at {temperature_k} and {pressure_kpa} kPa"
        ),
    },
    examples=[{"cas": "74-82-8", "temperature_k": 298.15, "pressure_kpa": 101.325}],
)
def ideal_gas_density(p: GasState) -> dict:
    mw = _metadata(p.cas).MW
    r = 8.314462618
    volume = r * p.temperature_k / (p.pressure_kpa * 1000.0)  # m3/mol
    return {"density_kg_m3": round(mw / 1000.0 / volume, 4), "molar_volume_l_mol": round(volume * 1000.0, 4)}


# --- chemicals: structure identifiers ------------------------------------------------------


def _identity(cas: str) -> dict:
    meta = _metadata(cas)
    return {"cas_number": meta.CASs, "common_name": meta.common_name, "formula": meta.formula}


_ID_OUTPUTS = {
    "cas_number": ("cas_number", "{value}"),
    "common_name": ("chemical_name", "the common name of {value}"),
    "formula": ("chemical_formula", "the molecular formula of {value}"),
}


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
            k: Output(port_name, phrase.format(value="{" + _label.split("{")[1]))
            for k, (port_name, phrase) in _ID_OUTPUTS.items()
        },
        examples=_examples,
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Synonyms of a compound by CAS number from its PubChem record: how many, the first few, and "
    "whether a given number of other CAS numbers alias it.",
    outputs={
        "synonym_count": Output("count", "the number of synonyms recorded for {cas}"),
        "first_synonyms": Output("string_list", "the first three synonyms recorded for {cas}"),
    },
    examples=[{"cas": "64-17-5"}, {"cas": "58-08-2"}],
)
def chemical_synonyms(p: CasNumber) -> dict:
    meta = _metadata(p.cas)
    synonyms = [s for s in (meta.synonyms or []) if s]
    return {"synonym_count": len(synonyms), "first_synonyms": synonyms[:3]}


class _OrganicFormula(BaseModel):
    formula: str = Field(
        description="Molecular formula of an organic compound in Hill notation, e.g. 'C2H6O'.",
        pattern=_FORMULA,
        json_schema_extra=port("chemical_formula", samples=["C2H6O", "C6H12O6", "C8H10N4O2", "C6H6", "C3H6O"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="chemicals",
    description="Isomers in the chemicals database: how many compounds share a molecular formula, and the CAS "
    "number and name of the first one listed.",
    outputs={
        "isomer_count": Output("count", "the number of compounds in the database with {formula}"),
        "first_cas": Output("cas_number", "the first compound listed with {formula}"),
        "first_name": Output("chemical_name", "the name of the first compound listed with {formula}"),
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


class CasMass(BaseModel):
    cas: str = Field(
        description="CAS registry number of the compound.",
        pattern=_CAS,
        json_schema_extra=port("cas_number", samples=_CAS_SAMPLES[:5]),
    )
    mass_g: float = Field(
        description="Mass in grams.",
        gt=0,
        le=1e9,
        json_schema_extra=port("number", samples=[100.0, 18.0, 1.5, 250.0, 1000.0]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="chemicals",
    description="Amount of substance in a mass of a compound given by CAS number: moles and number of molecules.",
    outputs={
        "moles": Output("number", "the number of moles in {mass_g} g of {cas}"),
        "molecules": Output("number", "the number of molecules in {mass_g} g of {cas}"),
    },
    examples=[{"cas": "7732-18-5", "mass_g": 18.0}],
)
def grams_to_moles(p: CasMass) -> dict:
    moles = p.mass_g / _metadata(p.cas).MW
    return {"moles": float(f"{moles:.6g}"), "molecules": float(f"{moles * 6.02214076e23:.6g}")}


# --- elements: periodictable and chemicals element data (one family) --------------------------


def _periodic(symbol: str) -> Any:
    from chemicals.elements import periodic_table

    _element(symbol)
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
        e = _periodic(p.symbol) if from_chemicals else _element(p.symbol)
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
    e = _element(p.symbol)
    if p.mass_number not in [i.isotope for i in e]:
        raise ToolInputError(f"{p.symbol}-{p.mass_number} is not a known isotope")
    iso = e[p.mass_number]
    return {
        "isotope_mass_u": iso.mass,
        "abundance_percent": iso.abundance,
        "neutrons": p.mass_number - e.number,
    }


# --- formulas: molmass arithmetic ---------------------------------------------------------------


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Mass spectrum of a formula (molmass isotope distribution): the most intense peak's mass number "
    "and exact mass, its fraction of all molecules, and the nominal mass.",
    outputs={
        "base_peak_mass_number": Output("integer", "the mass number of the most intense isotope peak of {formula}"),
        "base_peak_mass": Output("number", "the exact mass of the most intense isotope peak of {formula}"),
        "base_peak_fraction": Output(
            "number", "the fraction of molecules in the most intense isotope peak of {formula}"
        ),
        "nominal_mass": Output("integer", "the nominal mass of {formula}"),
    },
    examples=[{"formula": "C8H10N4O2"}, {"formula": "NaCl"}],
)
def formula_isotope_peak(p: FormulaParam) -> dict:
    f = _formula(p.formula)
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
        "degree_of_unsaturation": Output("number", "the degree of unsaturation of {formula}"),
        "element_count": Output("count", "the number of distinct elements in {formula}"),
    },
    examples=[{"formula": "C6H6"}, {"formula": "C8H10N4O2"}],
)
def formula_unsaturation(p: _OrganicFormula) -> dict:
    f = _formula(p.formula)
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
        pattern=_FORMULA,
        json_schema_extra=port("chemical_formula", samples=["Fe2O3", "CaCO3", "C6H12O6", "H2SO4", "C2H6O"]),
    )
    formula_b: str = Field(
        description="Second chemical formula, e.g. 'Fe'.",
        pattern=_FORMULA,
        json_schema_extra=port("chemical_formula", samples=["Fe", "CaO", "CO2", "SO3", "H2O"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Ratio of the molar masses of two formulas (the gravimetric factor used to convert a weighed "
    "form into an analyte, e.g. Fe2O3 to Fe) and the difference in g/mol.",
    outputs={
        "mass_ratio": Output("number", "the ratio of the molar mass of {formula_a} to that of {formula_b}"),
        "mass_difference": Output("number", "the molar mass of {formula_a} minus that of {formula_b} in g/mol"),
    },
    examples=[{"formula_a": "Fe2O3", "formula_b": "Fe"}, {"formula_a": "CaCO3", "formula_b": "CaO"}],
)
def formula_mass_ratio(p: FormulaPair) -> dict:
    a, b = _formula(p.formula_a).mass, _formula(p.formula_b).mass
    return {"mass_ratio": round(a / b, 6), "mass_difference": round(a - b, 4)}


class Solution(BaseModel):
    formula: str = Field(
        description="Chemical formula of the solute, e.g. 'NaCl'.",
        pattern=_FORMULA,
        json_schema_extra=port("chemical_formula", samples=["NaCl", "C6H12O6", "KCl", "CaCl2", "NaHCO3"]),
    )
    mass_g: float = Field(
        description="Mass of solute dissolved, in grams.",
        gt=0,
        le=1e6,
        json_schema_extra=port("number", samples=[58.44, 9.0, 7.45, 11.1, 8.4]),
    )
    volume_l: float = Field(
        description="Final volume of solution, in litres.",
        gt=0,
        le=1e6,
        json_schema_extra=port("number", samples=[1.0, 0.5, 0.25, 2.0, 0.1]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Molar concentration of a solution from the solute's formula, dissolved mass and final volume, "
    "in mol/L and mmol/L.",
    outputs={
        "molarity": Output("number", "the molarity in mol/L of {mass_g} g of {formula} in {volume_l} L of solution"),
        "millimolar": Output("number", "the concentration in mmol/L of {mass_g} g of {formula} in {volume_l} L"),
    },
    examples=[{"formula": "NaCl", "mass_g": 58.44, "volume_l": 1.0}],
)
def solution_molarity(p: Solution) -> dict:
    molarity = p.mass_g / _formula(p.formula).mass / p.volume_l
    return {"molarity": float(f"{molarity:.6g}"), "millimolar": float(f"{molarity * 1000:.6g}")}


# --- clinical formulas ------------------------------------------------------------------------


def _num(desc: str, samples: list[float], lo: float, hi: float) -> Any:
    return Field(description=desc, ge=lo, le=hi, json_schema_extra=port("number", samples=samples))


class QtInterval(BaseModel):
    qt_ms: float = _num("Measured QT interval in milliseconds.", [400, 380, 450, 420, 360], 150, 800)
    heart_rate_bpm: float = _num("Heart rate in beats per minute.", [75, 60, 98, 110, 52], 20, 300)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Heart-rate-corrected QT interval (ms) by the Bazett, Fridericia, Framingham and Hodges formulas, "
    "and whether the Bazett value exceeds 450 ms.",
    outputs={
        "qtc_bazett": Output("number", "the Bazett-corrected QT in ms for a QT of {qt_ms} ms at {heart_rate_bpm} bpm"),
        "qtc_fridericia": Output(
            "number", "the Fridericia-corrected QT in ms for a QT of {qt_ms} ms at {heart_rate_bpm} bpm"
        ),
        "qtc_framingham": Output(
            "number", "the Framingham-corrected QT in ms for a QT of {qt_ms} ms at {heart_rate_bpm} bpm"
        ),
        "qtc_hodges": Output("number", "the Hodges-corrected QT in ms for a QT of {qt_ms} ms at {heart_rate_bpm} bpm"),
        "prolonged": Output("boolean", "whether a QT of {qt_ms} ms at {heart_rate_bpm} bpm is prolonged by Bazett"),
    },
    examples=[{"qt_ms": 400, "heart_rate_bpm": 75}],
)
def qtc_correction(p: QtInterval) -> dict:
    rr = 60.0 / p.heart_rate_bpm
    bazett = p.qt_ms / math.sqrt(rr)
    return {
        "qtc_bazett": round(bazett, 1),
        "qtc_fridericia": round(p.qt_ms / rr ** (1 / 3), 1),
        "qtc_framingham": round(p.qt_ms + 154 * (1 - rr), 1),
        "qtc_hodges": round(p.qt_ms + 1.75 * (p.heart_rate_bpm - 60), 1),
        "prolonged": bazett > 450,
    }


class Electrolytes(BaseModel):
    sodium: float = _num("Serum sodium in mmol/L.", [140, 135, 145, 128, 150], 80, 200)
    chloride: float = _num("Serum chloride in mmol/L.", [104, 98, 110, 95, 112], 50, 160)
    bicarbonate: float = _num("Serum bicarbonate in mmol/L.", [24, 12, 28, 18, 8], 1, 60)
    albumin_g_dl: float = _num("Serum albumin in g/dL (4.0 is normal).", [4.0, 2.5, 3.5, 4.4, 2.0], 0.5, 7)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Serum anion gap Na - (Cl + HCO3) in mmol/L, the albumin-corrected gap (+2.5 per g/dL below 4), "
    "and whether the corrected gap is high (> 12).",
    outputs={
        "anion_gap": Output(
            "number",
            "the anion gap with sodium {sodium}, chloride {chloride}, bicarbonate {bicarbonate} mmol/L"
            " and albumin {albumin_g_dl} g/dL",
        ),
        "corrected_anion_gap": Output(
            "number",
            "the albumin-corrected anion gap with sodium {sodium}, chloride {chloride}, bicarbonate "
            "{bicarbonate} mmol/L and albumin {albumin_g_dl} g/dL",
        ),
        "high_gap": Output(
            "boolean",
            "whether the corrected anion gap is high with sodium {sodium}, chloride {chloride}, "
            "bicarbonate {bicarbonate} mmol/L and albumin {albumin_g_dl} g/dL",
        ),
    },
    examples=[{"sodium": 140, "chloride": 104, "bicarbonate": 24, "albumin_g_dl": 4.0}],
)
def anion_gap(p: Electrolytes) -> dict:
    gap = p.sodium - (p.chloride + p.bicarbonate)
    corrected = gap + 2.5 * (4.0 - p.albumin_g_dl)
    return {"anion_gap": round(gap, 1), "corrected_anion_gap": round(corrected, 1), "high_gap": corrected > 12}


class Calcium(BaseModel):
    calcium_mg_dl: float = _num("Measured total serum calcium in mg/dL.", [8.0, 9.5, 7.2, 10.4, 8.6], 2, 20)
    albumin_g_dl: float = _num("Serum albumin in g/dL.", [2.5, 4.0, 2.0, 3.1, 3.6], 0.5, 7)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Albumin-corrected serum calcium (Payne: Ca + 0.8 x (4 - albumin)) in mg/dL and mmol/L.",
    outputs={
        "corrected_calcium_mg_dl": Output(
            "number",
            "the albumin-corrected calcium in mg/dL for calcium {calcium_mg_dl} mg/dL and albumin {albumin_g_dl} g/dL",
        ),
        "corrected_calcium_mmol_l": Output(
            "number",
            "the albumin-corrected calcium in mmol/L for calcium {calcium_mg_dl} mg/dL and albumin {albumin_g_dl} g/dL",
        ),
    },
    examples=[{"calcium_mg_dl": 8.0, "albumin_g_dl": 2.5}],
)
def corrected_calcium(p: Calcium) -> dict:
    corrected = p.calcium_mg_dl + 0.8 * (4.0 - p.albumin_g_dl)
    return {"corrected_calcium_mg_dl": round(corrected, 2), "corrected_calcium_mmol_l": round(corrected / 4.008, 3)}


class HeightSex(BaseModel):
    height_cm: float = _num(
        "Body height in centimetres (adult, at least 152.4 cm for the Devine formula).",
        [175, 162, 181.5, 158, 190],
        152.4,
        272,
    )
    sex: Literal["female", "male"] = Field(
        description=_SEX_DOC, json_schema_extra=port("label", samples=["female", "male"])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Ideal body weight (kg) of an adult by the Devine, Robinson and Miller formulas (base weight plus "
    "an increment per inch over 5 feet).",
    outputs={
        "ibw_devine_kg": Output("number", "the Devine ideal body weight in kg of a {sex} {height_cm} cm tall"),
        "ibw_robinson_kg": Output("number", "the Robinson ideal body weight in kg of a {sex} {height_cm} cm tall"),
        "ibw_miller_kg": Output("number", "the Miller ideal body weight in kg of a {sex} {height_cm} cm tall"),
    },
    examples=[{"height_cm": 175, "sex": "male"}, {"height_cm": 162, "sex": "female"}],
)
def ideal_body_weight(p: HeightSex) -> dict:
    inches = p.height_cm / 2.54 - 60
    male = p.sex == "male"
    return {
        "ibw_devine_kg": round((50.0 if male else 45.5) + 2.3 * inches, 1),
        "ibw_robinson_kg": round((52.0 if male else 49.0) + (1.9 if male else 1.7) * inches, 1),
        "ibw_miller_kg": round((56.2 if male else 53.1) + (1.41 if male else 1.36) * inches, 1),
    }


class BloodPressure(BaseModel):
    systolic: float = _num("Systolic blood pressure in mmHg.", [120, 135, 150, 118, 182], 40, 300)
    diastolic: float = _num("Diastolic blood pressure in mmHg.", [80, 85, 95, 76, 110], 20, 200)


def _bp_category(s: float, d: float) -> tuple[str, str | None]:
    """ACC/AHA 2017 category and the ICD-10-CM code a clinician would use for the reading."""
    if s > 180 or d > 120:
        return "hypertensive crisis", "I16.9"
    if s >= 140 or d >= 90:
        return "stage 2 hypertension", "I10"
    if s >= 130 or d >= 80:
        return "stage 1 hypertension", "I10"
    if s >= 120:
        return "elevated", "R03.0"
    return "normal", None


@tool(
    domain=DOMAIN,
    kind="processing",
    package="simple-icd-10-cm",
    description="Mean arterial pressure and pulse pressure (mmHg) of a blood-pressure reading, its ACC/AHA 2017 "
    "category, and the ICD-10-CM code matching that category (R03.0 elevated reading, I10, I16.9 crisis).",
    outputs={
        "mean_arterial_pressure": Output(
            "number", "the mean arterial pressure of a {systolic}/{diastolic} mmHg reading"
        ),
        "pulse_pressure": Output("number", "the pulse pressure of a {systolic}/{diastolic} mmHg reading"),
        "category": Output("label", "the ACC/AHA blood pressure category of a {systolic}/{diastolic} mmHg reading"),
        "icd10cm_code": Output("icd10cm_code", "the ICD-10-CM code for a {systolic}/{diastolic} mmHg reading"),
    },
    examples=[{"systolic": 150, "diastolic": 95}, {"systolic": 118, "diastolic": 76}],
)
def blood_pressure_assessment(p: BloodPressure) -> dict:
    if p.diastolic >= p.systolic:
        raise ToolInputError("diastolic pressure must be lower than systolic pressure")
    category, code = _bp_category(p.systolic, p.diastolic)
    return {
        "mean_arterial_pressure": round((p.systolic + 2 * p.diastolic) / 3, 1),
        "pulse_pressure": p.systolic - p.diastolic,
        "category": category,
        "icd10cm_code": code,
    }


class Osmolality(BaseModel):
    sodium: float = _num("Serum sodium in mmol/L.", [140, 135, 128, 150, 145], 80, 200)
    glucose_mg_dl: float = _num("Serum glucose in mg/dL.", [90, 180, 400, 110, 250], 10, 3000)
    bun_mg_dl: float = _num("Blood urea nitrogen in mg/dL.", [14, 28, 40, 10, 60], 1, 300)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Calculated serum osmolality 2 Na + glucose/18 + BUN/2.8 (mOsm/kg) and whether it is above the "
    "reference range (> 295).",
    outputs={
        "osmolality": Output(
            "number",
            "the calculated serum osmolality with sodium {sodium} mmol/L, glucose {glucose_mg_dl} mg/dL "
            "and BUN {bun_mg_dl} mg/dL",
        ),
        "hyperosmolar": Output(
            "boolean",
            "whether the serum is hyperosmolar with sodium {sodium} mmol/L, glucose {glucose_mg_dl} "
            "mg/dL and BUN {bun_mg_dl} mg/dL",
        ),
    },
    examples=[{"sodium": 140, "glucose_mg_dl": 90, "bun_mg_dl": 14}],
)
def serum_osmolality(p: Osmolality) -> dict:
    osm = 2 * p.sodium + p.glucose_mg_dl / 18.0 + p.bun_mg_dl / 2.8
    return {"osmolality": round(osm, 1), "hyperosmolar": osm > 295}


class Hba1c(BaseModel):
    hba1c_percent: float = _num("Glycated haemoglobin HbA1c in percent (NGSP).", [5.4, 6.5, 7.0, 8.2, 10.0], 3, 20)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="simple-icd-10-cm",
    description="Estimated average glucose from HbA1c (ADAG study: 28.7 x A1c - 46.7 mg/dL), in mg/dL and mmol/L, "
    "the ADA diagnostic category, and the matching ICD-10-CM code (R73.03 prediabetes, E11.9 diabetes).",
    outputs={
        "eag_mg_dl": Output("number", "the estimated average glucose in mg/dL for an HbA1c of {hba1c_percent}%"),
        "eag_mmol_l": Output("number", "the estimated average glucose in mmol/L for an HbA1c of {hba1c_percent}%"),
        "ada_category": Output("label", "the ADA glycaemic category of an HbA1c of {hba1c_percent}%"),
        "icd10cm_code": Output("icd10cm_code", "the ICD-10-CM code suggested by an HbA1c of {hba1c_percent}%"),
    },
    examples=[{"hba1c_percent": 7.0}, {"hba1c_percent": 5.9}],
)
def estimated_average_glucose(p: Hba1c) -> dict:
    eag = 28.7 * p.hba1c_percent - 46.7
    if p.hba1c_percent >= 6.5:
        category, code = "diabetes", "E11.9"
    elif p.hba1c_percent >= 5.7:
        category, code = "prediabetes", "R73.03"
    else:
        category, code = "normal", None
    return {
        "eag_mg_dl": round(eag, 1),
        "eag_mmol_l": round(eag / 18.016, 2),
        "ada_category": category,
        "icd10cm_code": code,
    }


class Lipids(BaseModel):
    total_cholesterol: float = _num("Total cholesterol in mg/dL.", [200, 240, 180, 260, 220], 50, 1000)
    hdl: float = _num("HDL cholesterol in mg/dL.", [50, 40, 60, 35, 45], 5, 200)
    triglycerides: float = _num(
        "Triglycerides in mg/dL (Friedewald is invalid at 400 or more).", [150, 200, 100, 300, 120], 10, 399
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="LDL cholesterol by the Friedewald equation (TC - HDL - TG/5, mg/dL), non-HDL cholesterol and the "
    "total/HDL ratio.",
    outputs={
        "ldl_mg_dl": Output(
            "number",
            "the Friedewald LDL cholesterol in mg/dL with total cholesterol {total_cholesterol}, HDL {hdl} "
            "and triglycerides {triglycerides} mg/dL",
        ),
        "non_hdl_mg_dl": Output(
            "number",
            "the non-HDL cholesterol in mg/dL with total cholesterol {total_cholesterol}, HDL {hdl} and "
            "triglycerides {triglycerides} mg/dL",
        ),
        "total_hdl_ratio": Output(
            "number",
            "the total/HDL cholesterol ratio with total cholesterol {total_cholesterol}, HDL {hdl} and "
            "triglycerides {triglycerides} mg/dL",
        ),
    },
    examples=[{"total_cholesterol": 200, "hdl": 50, "triglycerides": 150}],
)
def ldl_friedewald(p: Lipids) -> dict:
    if p.hdl >= p.total_cholesterol:
        raise ToolInputError("HDL cholesterol must be lower than total cholesterol")
    return {
        "ldl_mg_dl": round(p.total_cholesterol - p.hdl - p.triglycerides / 5, 1),
        "non_hdl_mg_dl": round(p.total_cholesterol - p.hdl, 1),
        "total_hdl_ratio": round(p.total_cholesterol / p.hdl, 2),
    }


class Metabolic(BaseModel):
    weight_kg: float = _num("Body weight in kilograms.", [70, 85.5, 54, 102, 63.2], 2, 500)
    height_cm: float = _num("Body height in centimetres.", [175, 162, 181.5, 158, 190], 30, 272)
    age: int = Field(
        description="Age in years.", ge=1, le=120, json_schema_extra=port("integer", samples=[35, 50, 67, 24, 80])
    )
    sex: Literal["female", "male"] = Field(
        description=_SEX_DOC, json_schema_extra=port("label", samples=["female", "male"])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Basal metabolic rate (kcal/day) by the Mifflin-St Jeor and revised Harris-Benedict equations.",
    outputs={
        "bmr_mifflin": Output(
            "number",
            "the Mifflin-St Jeor BMR in kcal/day of a {age}-year-old {sex} weighing {weight_kg} kg and "
            "{height_cm} cm tall",
        ),
        "bmr_harris_benedict": Output(
            "number",
            "the Harris-Benedict BMR in kcal/day of a {age}-year-old {sex} weighing {weight_kg} kg and "
            "{height_cm} cm tall",
        ),
    },
    examples=[{"weight_kg": 70, "height_cm": 175, "age": 35, "sex": "male"}],
)
def basal_metabolic_rate(p: Metabolic) -> dict:
    male = p.sex == "male"
    mifflin = 10 * p.weight_kg + 6.25 * p.height_cm - 5 * p.age + (5 if male else -161)
    if male:
        hb = 88.362 + 13.397 * p.weight_kg + 4.799 * p.height_cm - 5.677 * p.age
    else:
        hb = 447.593 + 9.247 * p.weight_kg + 3.098 * p.height_cm - 4.330 * p.age
    return {"bmr_mifflin": round(mifflin, 1), "bmr_harris_benedict": round(hb, 1)}


class Weight(BaseModel):
    weight_kg: float = _num("Body weight in kilograms.", [70, 8, 25, 15, 102], 0.5, 500)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Maintenance intravenous fluid rate by the Holliday-Segar 4-2-1 rule (mL/h) and the daily volume "
    "(mL/day, 100/50/20 rule).",
    outputs={
        "rate_ml_h": Output("number", "the 4-2-1 maintenance fluid rate in mL/h for {weight_kg} kg"),
        "daily_ml": Output("number", "the Holliday-Segar daily maintenance fluid volume in mL for {weight_kg} kg"),
    },
    examples=[{"weight_kg": 70}, {"weight_kg": 8}],
)
def maintenance_fluids(p: Weight) -> dict:
    w = p.weight_kg
    rate = 4 * min(w, 10) + 2 * min(max(w - 10, 0), 10) + max(w - 20, 0)
    daily = 100 * min(w, 10) + 50 * min(max(w - 10, 0), 10) + 20 * max(w - 20, 0)
    return {"rate_ml_h": round(rate, 1), "daily_ml": round(daily, 1)}


class LastPeriod(BaseModel):
    last_menstrual_period: dt.date = Field(
        description="First day of the last menstrual period (YYYY-MM-DD).",
        json_schema_extra=port("date", samples=["2024-01-15", "2023-06-01", "2025-03-10", "2024-11-30"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Estimated due date of a pregnancy by Naegele's rule (first day of the last menstrual period + 280 "
    "days) and the date the first trimester ends (LMP + 13 weeks 6 days).",
    outputs={
        "due_date": Output("date", "the estimated due date for a last menstrual period of {last_menstrual_period}"),
        "first_trimester_end": Output(
            "date", "the last day of the first trimester for a last menstrual period of {last_menstrual_period}"
        ),
    },
    examples=[{"last_menstrual_period": "2024-01-15"}],
)
def pregnancy_due_date(p: LastPeriod) -> dict:
    return {
        "due_date": (p.last_menstrual_period + dt.timedelta(days=280)).isoformat(),
        "first_trimester_end": (p.last_menstrual_period + dt.timedelta(days=13 * 7 + 6)).isoformat(),
    }


class Pregnancy(BaseModel):
    last_menstrual_period: dt.date = Field(
        description="First day of the last menstrual period (YYYY-MM-DD).",
        json_schema_extra=port("date", samples=["2024-01-15", "2023-06-01", "2025-03-10", "2024-11-30"]),
    )
    on_date: dt.date = Field(
        description="The date at which to state the gestational age (YYYY-MM-DD).",
        json_schema_extra=port("date", samples=["2024-05-01", "2023-10-20", "2025-07-04", "2025-02-14"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="simple-icd-10-cm",
    description="Gestational age on a date from the last menstrual period, in completed weeks and days, and the "
    "ICD-10-CM Z3A weeks-of-gestation code for it.",
    outputs={
        "gestational_weeks": Output(
            "count",
            "the completed weeks of gestation on {on_date} for a last menstrual period of {last_menstrual_period}",
        ),
        "gestational_days": Output(
            "count", "the days of gestation on {on_date} for a last menstrual period of {last_menstrual_period}"
        ),
        "z3a_code": Output(
            "icd10cm_code",
            "the ICD-10-CM weeks-of-gestation code on {on_date} for a last menstrual period of {last_menstrual_period}",
        ),
    },
    examples=[{"last_menstrual_period": "2024-01-15", "on_date": "2024-05-01"}],
)
def gestational_age(p: Pregnancy) -> dict:
    days = (p.on_date - p.last_menstrual_period).days
    if not 0 <= days <= 44 * 7:
        raise ToolInputError("the date must fall between the last menstrual period and 44 weeks after it")
    weeks = days // 7
    code = f"Z3A.{weeks:02d}" if 8 <= weeks <= 42 else ("Z3A.01" if weeks < 8 else "Z3A.49")
    return {
        "gestational_weeks": weeks,
        "gestational_days": days,
        "z3a_code": code if _icd().is_valid_item(code) else None,
    }
