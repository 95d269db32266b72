"""ICD-10-CM notes of the tabular list (simple-icd-10-cm): Excludes1, Excludes2, code first, use additional code,
code also, includes and inclusion terms that apply to a code, with the codes they reference."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tool_catalog.domains.medchem.common import DOMAIN, ICD_PKG, ICD_SOURCE, IcdCode, icd, icd_code, icd_params
from tool_catalog.registry import add_tool, tool
from tool_catalog.spec import Output, ToolInputError

_CODE = r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?"
_ICD_REF = re.compile(rf"\b({_CODE}(?:-{_CODE})?)")
"""A code or a range of codes ("P35-P39" is one reference: the whole range, not its two ends)."""


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="simple-icd-10-cm",
    description="Find the Excludes1 notes ('not coded here') that apply to an ICD-10-CM code: its own and those of "
    "every level above it (category, block, chapter), as the tabular list's conventions apply them, and the codes "
    "those notes point to.",
    outputs={
        "note_count": Output(
            "count",
            "the number of Excludes1 notes that apply to {code}",
            asks=(
                "How many Excludes1 notes apply to {code}?",
                "How many 'not coded here' (Excludes1) notes apply to {code}, counting those of the levels above it?",
            ),
            measure="number of Excludes1 notes",
            source=ICD_SOURCE,
            askable=False,  # a coder wants the notes, not how many there are
        ),
        "first_excluded_code": Output(
            "icd10cm_code",
            "the first code named in the Excludes1 notes that apply to {code}",
            asks=(
                "Which code is named first in the Excludes1 notes that apply to {code}?",
                "The Excludes1 notes for {code} point to other codes. Which one comes first?",
            ),
            source=ICD_SOURCE,
            askable=False,
        ),
        "excluded_codes": Output(
            "string_list",
            "the list of codes named in the Excludes1 notes that apply to {code}",
            asks=(
                "List the codes named in the Excludes1 notes that apply to {code}.",
                "Which codes do the Excludes1 notes for {code} send you to? List them.",
            ),
            measure="codes named in the Excludes1 notes",
            source=ICD_SOURCE,
        ),
        "first_note": Output(
            "label",
            "the first Excludes1 note that applies to {code}",
            asks=(
                "What does the first Excludes1 note for {code} say?",
                "Quote the first Excludes1 note that applies to {code}.",
            ),
            source=ICD_SOURCE,
            askable=False,  # "the first" of several notes is an arbitrary pick; the codes they name are asked
        ),
        # where the lookup found the (possibly inherited) notes: an artefact of the search
        "noted_at": Output(
            "label", "the code or block where the Excludes1 notes applying to {code} are listed", askable=False
        ),
    },
    examples=[{"code": "E11.9"}, {"code": "J45.909"}],
)
def icd10cm_excludes1(p: IcdCode) -> dict:
    cm = icd()
    code = icd_code(p.code)
    levels = [level for level in [code, *cm.get_ancestors(code)] if cm.get_excludes1(level)]
    if not levels:
        raise ToolInputError(f"no Excludes1 note applies to ICD-10-CM code {code!r} or its ancestors")
    notes = [note for level in levels for note in cm.get_excludes1(level)]
    level = levels[0]
    referenced: list[str] = []
    for note in notes:
        for ref in _ICD_REF.findall(note.rpartition("(")[2]):
            if ref not in referenced and _referable(ref):
                referenced.append(ref)
    return {
        "note_count": len(notes),
        "first_excluded_code": next((r for r in referenced if "-" not in r), None),  # a code, not a range
        "excluded_codes": referenced,
        "first_note": notes[0],
        "noted_at": level,
    }


def _referable(ref: str) -> bool:
    """A code that names a category or subcategory, or a range whose two ends do."""
    cm = icd()
    return all(cm.is_valid_item(end) and cm.is_category_or_subcategory(end) for end in ref.split("-"))


def _note_refs(notes: list[str]) -> list[str]:
    refs: list[str] = []
    for note in notes:
        for ref in _ICD_REF.findall(note):
            if ref not in refs and _referable(ref):
                refs.append(ref)
    return refs


def _notes_of(getter: str, code: str, inherited: bool) -> tuple[list[str], str]:
    """Notes of one kind on the code and (when inherited) on every level above it, from the code up to its chapter,
    with the nearest level that has any."""
    cm = icd()
    levels = [code, *cm.get_ancestors(code)] if inherited else [code]
    found: list[str] = []
    nearest = None
    for level in levels:
        value = getattr(cm, getter)(level)
        notes = [value] if isinstance(value, str) else list(value or [])
        notes = [n.strip() for n in notes if n and n.strip() and n.strip() not in found]
        if notes and nearest is None:
            nearest = level
        found.extend(notes)
    return found, nearest or code


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


_NOTE_WORDS = {
    "Excludes2": ("Excludes2 notes", "the first Excludes2 note"),
    "Code first": ("'code first' notes", "the first 'code first' note"),
    "Use additional code": ("'use additional code' notes", "the first 'use additional code' note"),
    "Code also": ("'code also' notes", "the first 'code also' note"),
    "Includes": ("Includes notes", "the first Includes note"),
    "inclusion term": ("inclusion terms", "the first inclusion term"),
}
"""How a question names the notes of each kind, and the first of them."""

_NAMING_NOTES = frozenset({"Includes", "inclusion term"})
"""Kinds of note that name conditions, not other codes: the codes they reference are almost always none, so no one
asks for them."""


def _note_outputs(note: str) -> dict[str, Output]:
    notes, first = _NOTE_WORDS[note]
    refers = note not in _NAMING_NOTES
    return {
        "note_count": Output(
            "count",
            f"the number of {note} notes that apply to {{code}}",
            asks=(f"How many {notes} apply to {{code}}?", f"Count the {notes} attached to {{code}}."),
            measure=f"number of {notes}",
            source=ICD_SOURCE,
            askable=False,  # a coder wants the notes, not how many there are
        ),
        "first_note": Output(
            "label",
            f"the first {note} note that applies to {{code}}",
            asks=(f"What does {first} for {{code}} say?", f"Quote {first} that applies to {{code}}."),
            source=ICD_SOURCE,
            askable=False,  # "the first" of several notes is an arbitrary pick; the codes they name are asked
        ),
        "referenced_codes": Output(
            "string_list",
            f"the codes referenced by the {note} notes of {{code}}",
            asks=(
                f"List the codes referenced by the {notes} of {{code}}.",
                f"Which codes do the {notes} for {{code}} point to? List them.",
            )
            if refers
            else (),
            measure=f"codes referenced by the {notes}",
            source=ICD_SOURCE,
            askable=refers,
        ),
        "first_referenced_code": Output(
            "icd10cm_code",
            f"the first code referenced by the {note} notes of {{code}}",
            source=ICD_SOURCE,
            askable=False,  # the order of the notes is the book's, not a fact anyone asks about
        ),
        # where the lookup found the (possibly inherited) notes: an artefact of the search
        "noted_at": Output(
            "label", f"the code or block where the {note} notes applying to {{code}} are listed", askable=False
        ),
    }


def _note_tool(getter: str, note: str, inherited: bool) -> Callable[[Any], dict]:
    def run(p: Any) -> dict:
        code = icd_code(p.code)
        notes, level = _notes_of(getter, code, inherited)
        if not notes:
            where = " or its ancestors" if inherited else ""
            raise ToolInputError(f"no {note} note applies to ICD-10-CM code {code!r}{where}")
        refs = _note_refs(notes)
        return {
            "note_count": len(notes),
            "first_note": notes[0],
            "referenced_codes": refs,
            "first_referenced_code": next((r for r in refs if "-" not in r), None),  # a code, not a range
            "noted_at": level,
        }

    return run


for _name, _getter, _note, _inherited, _examples, _what in _NOTE_KINDS:
    add_tool(
        _name,
        icd_params(f"{_getter}_code", _examples),
        _note_tool(_getter, _note, _inherited),
        domain=DOMAIN,
        kind="retrieval",
        package=ICD_PKG,
        description=f"The {_what} that apply to an ICD-10-CM code"
        + (", its own and those of every level above it (category, block, chapter)" if _inherited else "")
        + ", with the codes they reference.",
        outputs=_note_outputs(_note),
        examples=[{"code": c} for c in _examples[:2]],
    )
