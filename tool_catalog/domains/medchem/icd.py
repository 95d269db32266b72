"""ICD-10-CM codes, blocks and chapters (simple-icd-10-cm, the CMS tabular list): code and block descriptions,
children, ancestors, siblings, common ancestors, 7th characters, billable neighbours and description search."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, Field

from tool_catalog.domains.medchem.common import (
    DOMAIN,
    ICD_CODE,
    ICD_PKG,
    ICD_SOURCE,
    IcdCode,
    icd,
    icd_code,
    icd_leaves,
    icd_params,
)
from tool_catalog.ports import port
from tool_catalog.quantities import IDENTIFIER, ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_ICD_BLOCK = r"^[A-Z][0-9A-Z]{2}(-[A-Z][0-9A-Z]{2})?$"
_LEVELS = quantity("count", "count")
"""A number of levels or siblings: a count, but not one that adds up over codes."""


def _icd_block(block: str) -> str:
    cm = icd()
    if not cm.is_valid_item(block) or not cm.is_block(block):
        raise ToolInputError(f"unknown ICD-10-CM block {block!r} (expected a range such as 'E08-E13')")
    return block


def _top_block(code: str) -> tuple[str, str]:
    """The top-level block and the chapter that contain a code."""
    ancestors = icd().get_ancestors(code)
    return ancestors[-2], ancestors[-1]


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="simple-icd-10-cm",
    description="Look up an ICD-10-CM diagnosis code: its description, whether it is billable (a leaf), its parent "
    "code, the title of its three-character category, and the top-level block and chapter number that contain it.",
    outputs={
        "description": Output(
            "label",
            "the official description of {code}",
            asks=(
                "What does {code} stand for?",
                "What is the official description of {code}?",
                "A claim lists {code}. Which diagnosis is that?",
            ),
            source=ICD_SOURCE,
        ),
        "is_billable": Output(
            "boolean",
            "whether {code} is billable",
            asks=(
                "Is {code} billable?",
                "Is {code} specific enough to bill, with no further subdivisions?",
            ),
            source=ICD_SOURCE,
        ),
        "parent_code": Output(
            "icd10cm_code",
            "the parent code of {code}",
            asks=(
                "What is the parent code of {code}?",
                "Which code sits directly above {code} in the hierarchy?",
            ),
            source=ICD_SOURCE,
            chain=False,
        ),
        "block": Output(
            "icd10cm_block",
            "the ICD-10-CM block containing {code}",
            asks=(
                "Which block contains {code}? Give its category range.",
                "In which block (range of categories) is {code} listed?",
            ),
            source=ICD_SOURCE,
        ),
        "chapter": Output(
            "integer",
            "the number of the ICD-10-CM chapter containing {code}",
            asks=(
                "In which chapter is {code}? Give the chapter number.",
                "Which chapter covers {code}? Answer with its number.",
            ),
            measure="chapter number",
            quantity=IDENTIFIER,
            source=ICD_SOURCE,
        ),
        "category_title": Output(
            "label",
            "the title of the three-character category containing {code}",
            asks=(
                "What is the title of the three-character category that contains {code}?",
                "Which three-character category is {code} part of? Give its title.",
            ),
            source=ICD_SOURCE,
        ),
    },
    examples=[{"code": "E11.9"}, {"code": "S72.001A"}, {"code": "J45"}],
)
def icd10cm_code_info(p: IcdCode) -> dict:
    cm = icd()
    code = icd_code(p.code)
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
        "child_count": Output(
            "count",
            "the number of direct subdivisions of {code}",
            asks=(
                "How many direct subdivisions does {code} have?",
                "Into how many codes is {code} divided at the next level?",
            ),
            measure="number of direct subdivisions",
            source=ICD_SOURCE,
        ),
        "first_child": Output(
            "icd10cm_code",
            "the first child code of {code}",
            asks=(
                "What is the first code listed directly under {code}?",
                "Which subdivision of {code} comes first in the tabular list?",
            ),
            source=ICD_SOURCE,
            askable=False,
        ),
        "last_child": Output(
            "icd10cm_code",
            "the last child code of {code}",
            asks=(
                "What is the last code listed directly under {code}?",
                "Which subdivision of {code} comes last in the tabular list?",
            ),
            source=ICD_SOURCE,
            askable=False,
        ),
        "children": Output(
            "string_list",
            "the list of codes of the direct subdivisions of {code}",
            asks=("List the codes directly under {code}.", "Which codes subdivide {code} directly? List them."),
            measure="direct subdivisions",
            source=ICD_SOURCE,
        ),
        "billable_descendants": Output(
            "count",
            "the number of billable codes under {code}",
            asks=(
                "How many billable codes are there under {code}?",
                "Counting every level below it, how many billable codes does {code} cover?",
            ),
            measure="number of billable codes",
            source=ICD_SOURCE,
        ),
    },
    examples=[{"code": "E11"}, {"code": "S72.001"}, {"code": "I10"}],
)
def icd10cm_children(p: IcdCode) -> dict:
    cm = icd()
    code = icd_code(p.code)
    children = cm.get_children(code)
    billable = sum(1 for d in cm.get_descendants(code) if cm.is_leaf(d))
    return {
        "child_count": len(children),
        "first_child": children[0] if children else None,
        "last_child": children[-1] if children else None,
        "children": children,
        "billable_descendants": billable,
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
        "title": Output(
            "label",
            "the title of {block}",
            asks=("What is the title of {block}?", "Which conditions does {block} cover? Give its title."),
            source=ICD_SOURCE,
        ),
        "chapter": Output(
            "integer",
            "the number of the ICD-10-CM chapter containing {block}",
            asks=(
                "In which chapter is {block}? Give the chapter number.",
                "Which chapter number contains {block}?",
            ),
            measure="chapter number",
            quantity=IDENTIFIER,
            source=ICD_SOURCE,
        ),
        "chapter_title": Output(
            "label",
            "the title of the ICD-10-CM chapter containing {block}",
            asks=(
                "What is the title of the chapter that contains {block}?",
                "Which chapter is {block} in? Give the chapter title.",
            ),
            source=ICD_SOURCE,
        ),
        "first_category": Output(
            "icd10cm_code",
            "the first category code in {block}",
            asks=(
                "What is the first three-character category in {block}?",
                "Which category code opens {block}?",
            ),
            source=ICD_SOURCE,
            askable=False,
        ),
        "category_count": Output(
            "count",
            "the number of three-character categories in {block}",
            asks=(
                "How many three-character categories does {block} contain?",
                "How many categories make up {block}?",
            ),
            measure="number of categories",
            source=ICD_SOURCE,
        ),
        "billable_codes": Output(
            "count",
            "the number of billable codes in {block}",
            asks=(
                "How many billable codes are in {block}?",
                "Counting every level, how many billable codes does {block} contain?",
            ),
            measure="number of billable codes",
            source=ICD_SOURCE,
        ),
    },
    examples=[{"block": "E08-E13"}, {"block": "J40-J4A"}],
)
def icd10cm_block_info(p: IcdBlock) -> dict:
    cm = icd()
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
        "match_count": Output(
            "count",
            "the number of billable ICD-10-CM codes whose description contains {keyword}",
            asks=(
                "How many billable ICD-10-CM codes have {keyword} in their description?",
                "In how many billable ICD-10-CM code titles does {keyword} appear?",
            ),
            measure="number of matching billable codes",
            source=ICD_SOURCE,
            askable=False,
        ),
        "first_code": Output(
            "icd10cm_code",
            "the first billable ICD-10-CM code whose description contains {keyword}",
            asks=(
                "Which is the first billable ICD-10-CM code, in tabular order, whose description contains {keyword}?",
                "Going down the ICD-10-CM tabular list, which billable code is the first to mention {keyword}?",
            ),
            source=ICD_SOURCE,
            askable=False,
        ),
    },
    examples=[{"keyword": "asthma"}, {"keyword": "migraine"}],
)
def icd10cm_search(p: IcdKeyword) -> dict:
    words = p.keyword.lower().split()
    pattern = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b")
    matches = [code for code, description in icd_leaves() if pattern.search(description)]
    if not matches:
        raise ToolInputError(f"no billable ICD-10-CM code description contains {p.keyword!r}")
    return {"match_count": len(matches), "first_code": matches[0]}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package=ICD_PKG,
    description="The ancestors of an ICD-10-CM code from its parent up to its chapter, its depth in the hierarchy "
    "and its three-character category.",
    outputs={
        "ancestors": Output(
            "string_list",
            "the ancestors of {code} from its parent up to its chapter",
            asks=(
                "List the ancestors of {code}, from its parent up to its chapter.",
                "Which codes, blocks and chapter lie above {code}? List them from the nearest up.",
            ),
            measure="ancestors",
            source=ICD_SOURCE,
        ),
        "depth": Output(
            "count",
            "the number of ancestors of {code} in the ICD-10-CM hierarchy",
            asks=(
                "How many levels lie above {code} in the hierarchy, counting its chapter?",
                "How deep in the hierarchy is {code}? Count its ancestors up to and including the chapter.",
            ),
            measure="number of ancestors",
            quantity=_LEVELS,
            source=ICD_SOURCE,
        ),
        # the first three characters of the stated code
        "category": Output("icd10cm_code", "the three-character category of {code}", askable=False),
    },
    examples=[{"code": "S72.001A"}, {"code": "E11.9"}],
)
def icd10cm_ancestors(p: IcdCode) -> dict:
    cm = icd()
    code = icd_code(p.code)
    ancestors = cm.get_ancestors(code)
    return {"ancestors": ancestors, "depth": len(ancestors), "category": code[:3]}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package=ICD_PKG,
    description="The siblings of an ICD-10-CM code (codes with the same parent): how many there are, and the "
    "previous and next sibling in tabular order.",
    outputs={
        "sibling_count": Output(
            "count",
            "the number of other codes sharing the parent of {code}",
            asks=(
                "How many other codes share the parent of {code}?",
                "How many sibling codes does {code} have?",
            ),
            measure="number of sibling codes",
            quantity=_LEVELS,
            source=ICD_SOURCE,
        ),
        "previous_sibling": Output(
            "icd10cm_code",
            "the sibling code listed just before {code}",
            asks=(
                "Which code is listed just before {code} under the same parent?",
                "What is the sibling code right before {code} in the tabular list?",
            ),
            source=ICD_SOURCE,
            chain=False,
            askable=False,  # list adjacency with no description is not a coding question
        ),
        "next_sibling": Output(
            "icd10cm_code",
            "the sibling code listed just after {code}",
            asks=(
                "Which code comes right after {code} under the same parent?",
                "What is the next sibling of {code} in the tabular list?",
            ),
            source=ICD_SOURCE,
            chain=False,
            askable=False,  # list adjacency with no description is not a coding question
        ),
    },
    examples=[{"code": "E11.9"}, {"code": "J45.909"}],
)
def icd10cm_siblings(p: IcdCode) -> dict:
    cm = icd()
    code = icd_code(p.code)
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
        pattern=ICD_CODE,
        json_schema_extra=port("icd10cm_code", samples=["E11.9", "J45.909", "I10", "S72.001A", "N18.4"]),
    )
    code_b: str = Field(
        description="Second ICD-10-CM code, dotted form.",
        pattern=ICD_CODE,
        json_schema_extra=port("icd10cm_code", samples=["E10.9", "J44.9", "I11.9", "S82.001A", "N17.9"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package=ICD_PKG,
    description="The nearest common ancestor of two ICD-10-CM codes (a category, block or chapter) and how many "
    "levels separate each code from it.",
    outputs={
        "common_ancestor": Output(
            "label",
            "the nearest common ancestor of {code_a} and {code_b}",
            asks=(
                "What is the nearest common ancestor of {code_a} and {code_b}?",
                "Where do {code_a} and {code_b} meet in the code hierarchy? Give the nearest category, block or "
                "chapter they share.",
            ),
            source=ICD_SOURCE,
        ),
        "levels_from_a": Output(
            "count",
            "the number of levels from {code_a} up to its common ancestor with {code_b}",
            asks=(
                "How many levels up from {code_a} is its nearest common ancestor with {code_b}?",
                "Climbing the hierarchy from {code_a}, after how many levels do you reach an ancestor it "
                "shares with {code_b}?",
            ),
            measure="levels up to the common ancestor",
            quantity=_LEVELS,
            source=ICD_SOURCE,
        ),
        "levels_from_b": Output(
            "count",
            "the number of levels from {code_b} up to its common ancestor with {code_a}",
            asks=(
                "How many levels up from {code_b} is its nearest common ancestor with {code_a}?",
                "Climbing the hierarchy from {code_b}, after how many levels do you reach an ancestor it "
                "shares with {code_a}?",
            ),
            measure="levels up to the common ancestor",
            quantity=_LEVELS,
            source=ICD_SOURCE,
        ),
        "same_chapter": Output(
            "boolean",
            "whether {code_a} and {code_b} are in the same ICD-10-CM chapter",
            asks=(
                "Are {code_a} and {code_b} in the same chapter?",
                "Do {code_a} and {code_b} fall under one and the same chapter?",
            ),
            source=ICD_SOURCE,
            # M89.8X8 and I11.9: different first letters, different chapters, seen at a glance
            worth=lambda args, _out: str(args.get("code_a", ""))[:1] == str(args.get("code_b", ""))[:1],
        ),
    },
    examples=[{"code_a": "E11.9", "code_b": "E10.9"}, {"code_a": "J45.909", "code_b": "I10"}],
)
def icd10cm_common_ancestor(p: IcdPair) -> dict:
    cm = icd()
    a, b = icd_code(p.code_a), icd_code(p.code_b)
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


_InjuryCode = icd_params("InjuryCode", ["S72.001", "T20.011", "S82.001A", "S06.0X0", "T36.0X1"])


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package=ICD_PKG,
    description="The 7th characters an ICD-10-CM code's category requires (e.g. A initial encounter, D subsequent, "
    "S sequela for injuries), how many there are, and the note that introduces them.",
    outputs={
        "characters": Output(
            "string_list",
            "the 7th characters available for {code}",
            asks=(
                "Which 7th characters can be added to {code}? List them.",
                "List the seventh-character extensions available for {code}.",
            ),
            measure="available 7th characters",
            source=ICD_SOURCE,
        ),
        "character_count": Output(
            "count",
            "the number of 7th characters available for {code}",
            asks=(
                "How many 7th-character extensions are available for {code}?",
                "How many different seventh characters can complete {code}?",
            ),
            measure="number of 7th characters",
            quantity=_LEVELS,
            source=ICD_SOURCE,
        ),
        "first_meaning": Output(
            "label",
            "the meaning of the first 7th character available for {code}",
            asks=(
                "What does the first 7th character available for {code} mean?",
                "Taking the 7th characters of {code} in alphabetical order, what does the first one stand for?",
            ),
            source=ICD_SOURCE,
        ),
        "note": Output(
            "label",
            "the 7th-character note that applies to {code}",
            asks=(
                "What note introduces the 7th characters of {code}?",
                "Quote the 7th-character instruction that applies to {code}.",
            ),
            source=ICD_SOURCE,
        ),
    },
    examples=[{"code": "S72.001"}, {"code": "T20.011"}],
)
def icd10cm_seventh_characters(p: _InjuryCode) -> dict:
    cm = icd()
    code = icd_code(p.code)
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
    package=ICD_PKG,
    description="The billable ICD-10-CM codes just before and after a code in tabular-list order, and the code's "
    "position among all billable codes (1 = first).",
    outputs={
        "previous_billable": Output(
            "icd10cm_code",
            "the billable code listed just before {code}",
            asks=(
                "Which billable code comes just before {code} in the tabular list?",
                "What is the previous billable code before {code}?",
            ),
            source=ICD_SOURCE,
            chain=False,
            askable=False,  # list adjacency with no description is not a coding question
        ),
        "next_billable": Output(
            "icd10cm_code",
            "the billable code listed just after {code}",
            asks=(
                "Which billable code comes right after {code} in the tabular list?",
                "What is the next billable code after {code}?",
            ),
            source=ICD_SOURCE,
            chain=False,
            askable=False,  # list adjacency with no description is not a coding question
        ),
        "position": Output(
            "count",
            "the position of {code} among all billable ICD-10-CM codes",
            asks=(
                "At what position does {code} stand among all billable codes in tabular order, counting the first as "
                "1?",
                "Counting billable codes from the start of the tabular list, what is the position of {code}?",
            ),
            measure="position among billable codes",
            quantity=ORDINAL,
            source=ICD_SOURCE,
            askable=False,  # a code's index in the book is not something people ask
        ),
    },
    examples=[{"code": "E11.9"}, {"code": "I10"}],
)
def icd10cm_billable_neighbours(p: IcdCode) -> dict:
    code = icd_code(p.code)
    index = _billable_index()
    if code not in index:
        raise ToolInputError(f"ICD-10-CM code {code!r} is not billable (it has subdivisions)")
    leaves, i = icd_leaves(), index[code]
    return {
        "previous_billable": leaves[i - 1][0] if i > 0 else None,
        "next_billable": leaves[i + 1][0] if i + 1 < len(leaves) else None,
        "position": i + 1,
    }


@cache
def _billable_index() -> dict[str, int]:
    return {code: i for i, (code, _) in enumerate(icd_leaves())}


class IcdKeywordUnder(BaseModel):
    keyword: str = Field(
        description="Word or phrase to find in code descriptions, e.g. 'left'.",
        pattern=r"^[A-Za-z][A-Za-z ,'-]{1,40}$",
        json_schema_extra=port("word", samples=["left", "without", "unspecified", "native", "stage"]),
    )
    code: str = Field(
        description="ICD-10-CM category or subcategory to search under, e.g. 'S72'.",
        pattern=ICD_CODE,
        json_schema_extra=port("icd10cm_code", samples=["S72", "E11", "J45", "I25", "N18"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package=ICD_PKG,
    description="Search the billable codes under one ICD-10-CM category for a word in their description: how many "
    "match and the first match in tabular order.",
    outputs={
        "match_count": Output(
            "count",
            "the number of billable codes under {code} whose description contains {keyword}",
            asks=(
                "How many billable codes under {code} have {keyword} in their description?",
                "Under {code}, how many billable codes mention {keyword}?",
            ),
            measure="number of matching billable codes",
            source=ICD_SOURCE,
            askable=False,
        ),
        "first_match": Output(
            "icd10cm_code",
            "the first billable code under {code} whose description contains {keyword}",
            asks=(
                "Which is the first billable code under {code}, in tabular order, whose description contains "
                "{keyword}?",
                "Going down the codes under {code}, which billable one is the first to mention {keyword}?",
            ),
            source=ICD_SOURCE,
            askable=False,
        ),
    },
    examples=[{"keyword": "left", "code": "S72"}, {"keyword": "without", "code": "E11"}],
)
def icd10cm_search_under(p: IcdKeywordUnder) -> dict:
    cm = icd()
    code = icd_code(p.code)
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
        json_schema_extra=port("integer", quantity=IDENTIFIER, samples=[4, 9, 10, 19, 2, 21]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package=ICD_PKG,
    description="An ICD-10-CM chapter by number: its title, its number of top-level blocks, its first block and "
    "its number of billable codes.",
    outputs={
        "title": Output(
            "label",
            "the title of ICD-10-CM chapter {chapter}",
            asks=(
                "What is the title of ICD-10-CM chapter {chapter}?",
                "Which conditions does chapter {chapter} of ICD-10-CM cover? Give its title.",
            ),
            source=ICD_SOURCE,
        ),
        "block_count": Output(
            "count",
            "the number of blocks in ICD-10-CM chapter {chapter}",
            asks=(
                "How many blocks does ICD-10-CM chapter {chapter} have?",
                "Into how many blocks of categories is chapter {chapter} of ICD-10-CM divided?",
            ),
            measure="number of blocks",
            source=ICD_SOURCE,
        ),
        "first_block": Output(
            "icd10cm_block",
            "the first block of ICD-10-CM chapter {chapter}",
            asks=(
                "What is the first block of ICD-10-CM chapter {chapter}? Give its category range.",
                "Which range of categories opens chapter {chapter} of ICD-10-CM?",
            ),
            source=ICD_SOURCE,
            askable=False,
        ),
        "billable_codes": Output(
            "count",
            "the number of billable codes in ICD-10-CM chapter {chapter}",
            asks=(
                "How many billable codes are in ICD-10-CM chapter {chapter}?",
                "Counting every level, how many billable codes does chapter {chapter} of ICD-10-CM contain?",
            ),
            measure="number of billable codes",
            source=ICD_SOURCE,
        ),
    },
    examples=[{"chapter": 4}, {"chapter": 19}],
)
def icd10cm_chapter_info(p: IcdChapter) -> dict:
    cm = icd()
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
