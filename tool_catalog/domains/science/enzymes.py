"""REBASE restriction enzymes (Biopython): enzyme lookups, single and double digests, the New England Biolabs
enzymes that cut a sequence or leave compatible ends, and enzymes by recognition site or site length.
"""

from __future__ import annotations

import itertools
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.science.common import (
    DNA_PATTERN,
    DNA_SAMPLES,
    DOMAIN,
    MAX_DNA,
    REBASE,
    DnaSequence,
    dna_field,
    rebase,
)
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, ORDINAL
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_ENZYME_SAMPLES = ["EcoRI", "BamHI", "HindIII", "NotI", "PstI", "SmaI", "BsaI", "XhoI"]
_FAMILIAR_ENZYMES = [
    *_ENZYME_SAMPLES,
    *("XbaI", "SalI", "KpnI", "SacI", "NcoI", "NdeI", "EcoRV", "SpeI", "BglII", "NheI", "ApaI", "ClaI", "SphI"),
    *("DpnI", "MspI", "HpaII", "HaeIII", "AluI", "RsaI", "TaqI", "Sau3AI", "MboI", "BsmBI", "SfiI", "PacI", "AscI"),
]
"""The cloning and mapping enzymes of every lab's freezer and textbook: their sites, site lengths and ends are known
by heart (the number of their suppliers is not)."""


def _unfamiliar(arguments: dict[str, Any], output: dict[str, Any]) -> bool:
    """Neither an enzyme every lab knows nor one no company sells (no one screens a plasmid for Fnu11326IV)."""
    return arguments.get("enzyme") not in _FAMILIAR_ENZYMES and int(output.get("supplier_count") or 0) > 0


MODIFICATION_DEPENDENT = frozenset({"AbaSI", "DpnI", "FspEI", "LpnPI", "MspJI"})
"""NEB enzymes that cut only methylated or hydroxymethylated DNA (DpnI needs Dam-methylated GATC; AbaSI glucosylated
5-hmC; FspEI, LpnPI and MspJI 5-mC): REBASE records a site, but they do not cut a plain sequence."""


@cache
def _neb_enzymes() -> tuple[str, ...]:
    """NEB's enzymes that cut unmodified DNA."""
    from Bio.Restriction.Restriction_Dictionary import suppliers

    return tuple(sorted(set(suppliers["N"][1]) - MODIFICATION_DEPENDENT))


def _enzyme(name: str) -> Any:
    from Bio import Restriction

    if name not in rebase():
        raise ToolInputError(f"unknown restriction enzyme {name!r} (names are case-sensitive, e.g. 'EcoRI')")
    return getattr(Restriction, name)


class Enzyme(BaseModel):
    enzyme: str = Field(
        description="REBASE restriction enzyme name, case-sensitive, e.g. 'EcoRI'.",
        pattern=r"^[A-Za-z0-9_]{2,20}$",
        json_schema_extra=port("restriction_enzyme", samples=_ENZYME_SAMPLES),
    )


def _overhang(enz: Any) -> str:
    if enz.is_blunt():
        return "blunt"
    return "5' overhang" if enz.is_5overhang() else "3' overhang"


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="Look up a restriction enzyme in REBASE (as shipped with Biopython): its recognition site, cut "
    "pattern (^ top-strand cut, _ bottom-strand cut), end type, number of commercial suppliers, and its "
    "commercially available isoschizomers.",
    outputs={
        "site": Output(
            "dna_sequence",
            "the recognition site of {enzyme}",
            asks=(
                "What is the recognition site of {enzyme}? Give it 5' to 3'.",
                "Which DNA sequence does {enzyme} recognize?",
                "I want to check a plasmid for sites of {enzyme}. What sequence should I search for?",
            ),
            chain=False,
            worth=_unfamiliar,
        ),
        "site_length": Output(
            "count",
            "the length in bases of the recognition site of {enzyme}",
            asks=(
                "How many bases long is the recognition site of {enzyme}?",
                "{enzyme} recognizes a site of how many bases?",
            ),
            measure="recognition site length",
            quantity=COUNT,
            worth=_unfamiliar,
        ),
        "cut_pattern": Output(
            "label",
            "the cut pattern of {enzyme} in REBASE notation",
            asks=(
                "Where exactly does {enzyme} cut its site? Write the site with ^ at the top-strand cut and _ at the "
                "bottom-strand cut.",
                "Give the cut pattern of {enzyme} in REBASE notation (^ marks the top-strand cut, _ the bottom one).",
            ),
            worth=_unfamiliar,
        ),
        "end_type": Output(
            "label",
            "the kind of ends (blunt, 5' or 3' overhang) that {enzyme} leaves",
            asks=(
                "Does {enzyme} leave blunt ends, a 5' overhang or a 3' overhang?",
                "What kind of ends does a cut with {enzyme} produce: blunt, 5' overhang or 3' overhang?",
                "I'm planning a ligation after cutting with {enzyme}. Are the ends blunt, or do they carry a 5' or a "
                "3' overhang?",
            ),
            worth=_unfamiliar,
        ),
        "supplier_count": Output(
            "count",
            "the number of commercial suppliers of {enzyme} listed in REBASE",
            asks=(
                "How many companies sell {enzyme}?",
                "From how many commercial suppliers can {enzyme} be bought?",
            ),
            measure="number of commercial suppliers",
            source=REBASE,
        ),
        "isoschizomers": Output(
            "string_list",
            "the list of commercially available isoschizomers of {enzyme} in REBASE",
            asks=(
                "Which commercially available enzymes are isoschizomers of {enzyme}? List them.",
                "List the other commercially available restriction enzymes that recognize the same site as {enzyme}.",
            ),
            measure="isoschizomers",
            source=REBASE,
        ),
        "isoschizomer_count": Output(
            "count",
            "the number of commercially available isoschizomers of {enzyme} in REBASE",
            asks=(
                "How many commercially available isoschizomers does {enzyme} have?",
                "How many other commercially available restriction enzymes recognize the same site as {enzyme}?",
            ),
            measure="number of isoschizomers",
            source=REBASE,
        ),
    },
    examples=[{"enzyme": "EcoRI"}, {"enzyme": "BsaI"}, {"enzyme": "SmaI"}],
)
def restriction_enzyme_info(p: Enzyme) -> dict:
    enz = _enzyme(p.enzyme)
    from Bio.Restriction import CommOnly

    isos = sorted(str(e) for e in enz.isoschizomers() if e in CommOnly)  # the ones a lab can buy
    return {
        "site": enz.site,
        "site_length": len(enz.site),
        "cut_pattern": None if enz.is_unknown() else enz.elucidate(),  # REBASE records no cut: nothing to ask
        "end_type": None if enz.is_unknown() else _overhang(enz),
        "supplier_count": len(enz.suppl),
        "isoschizomers": isos,
        "isoschizomer_count": len(isos),
    }


class EnzymeOnDna(BaseModel):
    enzyme: str = Field(
        description="REBASE restriction enzyme name, case-sensitive, e.g. 'EcoRI'.",
        pattern=r"^[A-Za-z0-9_]{2,20}$",
        json_schema_extra=port("restriction_enzyme", samples=_ENZYME_SAMPLES),
    )
    sequence: str = dna_field("Linear DNA sequence to digest, 5'->3', upper-case IUPAC letters.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Digest a linear DNA sequence with one restriction enzyme (Biopython Restriction, REBASE data): "
    "the top-strand cut positions (1-based position of the first base after each cut) and the fragment lengths.",
    outputs={
        "cut_positions": Output(
            "number_list",
            "the list of top-strand cut positions of {enzyme} in {sequence}",
            asks=(
                "Where does {enzyme} cut the top strand of {sequence}? Number the bases from 1 and give, for each "
                "cut, the first base after it.",
                "List the positions at which {enzyme} cuts {sequence} (1-based, the first base after each top-strand "
                "cut).",
            ),
            measure="cut positions",
            quantity=ORDINAL,
        ),
        "cut_count": Output(
            "count",
            "the number of times {enzyme} cuts {sequence}",
            asks=(
                "How many times does {enzyme} cut {sequence}?",
                "If I digest {sequence} with {enzyme}, how many cuts will it make?",
                "How many sites for {enzyme} does {sequence} contain?",
            ),
            measure="number of cuts",
            quantity=COUNT,
        ),
        "fragment_lengths": Output(
            "number_list",
            "the list of fragment lengths, 5' to 3', of {sequence} digested by {enzyme}",
            asks=(
                "What fragments does a digest of {sequence} with {enzyme} give? List their lengths in bases, from the "
                "5' end.",
                "I cut {sequence} with {enzyme}. How long is each piece, in bases, in order from 5' to 3'?",
            ),
            measure="fragment lengths",
            quantity=COUNT,
        ),
        "largest_fragment": Output(
            "count",
            "the length of the largest fragment of {sequence} digested by {enzyme}",
            asks=(
                "How long, in bases, is the largest fragment when {enzyme} cuts {sequence}?",
                "I digest {sequence} with {enzyme}. How many bases long is the biggest piece?",
            ),
            measure="largest fragment length",
            quantity=COUNT,
        ),
    },
    examples=[
        {"enzyme": "EcoRI", "sequence": "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT"},
        {"enzyme": "HaeIII", "sequence": "TAATACGACTCACTATAGGGGCGGCCGC"},
    ],
)
def restriction_digest(p: EnzymeOnDna) -> dict:
    from Bio.Seq import Seq

    enz = _enzyme(p.enzyme)
    if enz.is_unknown():
        raise ToolInputError(f"REBASE does not record where {p.enzyme} cuts, so no digest can be computed")
    positions = sorted(int(x) for x in enz.search(Seq(p.sequence), linear=True))
    bounds = [1, *positions, len(p.sequence) + 1]
    fragments = [b - a for a, b in itertools.pairwise(bounds)]
    return {
        "cut_positions": positions,
        "cut_count": len(positions),
        "fragment_lengths": fragments,
        "largest_fragment": max(fragments),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Find which New England Biolabs restriction enzymes (REBASE supplier N) cut a linear DNA sequence, "
    "and which of them cut it exactly once (single cutters, useful for cloning).",
    outputs={
        "enzymes": Output(
            "string_list",
            "the list of New England Biolabs enzymes that cut {sequence}",
            asks=(
                "Which restriction enzymes sold by New England Biolabs cut {sequence}? List them.",
                "List the New England Biolabs enzymes that cut {sequence} (both strands cut within it).",
            ),
            measure="New England Biolabs enzymes cutting it",
            source=REBASE,
        ),
        "enzyme_count": Output(
            "count",
            "the number of New England Biolabs enzymes that cut {sequence}",
            asks=(
                "How many restriction enzymes sold by New England Biolabs cut {sequence}?",
                "How many of the New England Biolabs enzymes cut {sequence}, both strands within it?",
            ),
            measure="number of New England Biolabs enzymes cutting it",
            source=REBASE,
        ),
        "single_cutters": Output(
            "string_list",
            "the list of New England Biolabs enzymes that cut {sequence} exactly once",
            asks=(
                "Which New England Biolabs enzymes cut {sequence} exactly once? List them.",
                "I need a unique restriction site in {sequence}. Which enzymes sold by New England Biolabs cut it "
                "only once?",
            ),
            measure="single-cutter enzymes",
            source=REBASE,
        ),
        "single_cutter_count": Output(
            "count",
            "the number of New England Biolabs enzymes that cut {sequence} exactly once",
            asks=(
                "How many New England Biolabs enzymes cut {sequence} exactly once?",
                "How many single-cutter enzymes from New England Biolabs does {sequence} have?",
            ),
            measure="number of single-cutter enzymes",
            source=REBASE,
        ),
    },
    examples=[{"sequence": "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT"}],
)
def enzymes_cutting_sequence(p: DnaSequence) -> dict:
    from Bio import Restriction
    from Bio.Seq import Seq

    batch = Restriction.RestrictionBatch([getattr(Restriction, n) for n in _neb_enzymes()])
    hits = {str(e): len(sites) for e, sites in batch.search(Seq(p.sequence), linear=True).items() if sites}
    names = sorted(hits)
    single = [n for n in names if hits[n] == 1]
    return {
        "enzymes": names,
        "enzyme_count": len(names),
        "single_cutters": single,
        "single_cutter_count": len(single),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="Restriction enzymes that leave ends compatible with a given enzyme's (same overhang, so the "
    "fragments ligate), among the enzymes sold by New England Biolabs. Enzymes whose overhang depends on the "
    "flanking sequence (Type IIS enzymes such as BsaI, overhang NNNN) are not counted as compatible.",
    outputs={
        "compatible_count": Output(
            "count",
            "the number of NEB enzymes giving ends compatible with {enzyme}",
            asks=(
                "How many New England Biolabs enzymes leave ends compatible with those of {enzyme}?",
                "Besides {enzyme} itself, how many enzymes sold by New England Biolabs give ends that can be ligated "
                "to ends cut by {enzyme}?",
            ),
            measure="number of enzymes with compatible ends",
            source=REBASE,
        ),
        "compatible_enzymes": Output(
            "string_list",
            "the NEB enzymes giving ends compatible with {enzyme}",
            asks=(
                "Which New England Biolabs enzymes leave ends compatible with {enzyme}? List them.",
                "My vector is cut with {enzyme}. Which other enzymes sold by New England Biolabs would give an insert "
                "with ends that ligate into it? List them.",
            ),
            measure="enzymes with compatible ends",
            source=REBASE,
        ),
        "first_compatible": Output(
            "restriction_enzyme", "the first NEB enzyme giving ends compatible with {enzyme}", askable=False
        ),
    },
    examples=[{"enzyme": "BamHI"}, {"enzyme": "XhoI"}],
)
def compatible_end_enzymes(p: Enzyme) -> dict:
    enz = _enzyme(p.enzyme)
    if enz.is_unknown():
        raise ToolInputError(f"REBASE does not record the ends {p.enzyme} leaves, so no compatible ends are known")
    # Biopython's compatible_end ignores its batch argument and searches every enzyme it knows, so the New England
    # Biolabs list is applied here; an overhang with an N is not a fixed sequence, so it is compatible with nothing.
    neb = set(_neb_enzymes())
    names = sorted(
        str(e) for e in enz.compatible_end() if str(e) in neb and str(e) != p.enzyme and "N" not in e.ovhgseq
    )
    return {
        "compatible_count": len(names),
        "compatible_enzymes": names,
        "first_compatible": names[0] if names else None,
    }


class DoubleDigest(BaseModel):
    enzyme_a: str = Field(
        description="First restriction enzyme, e.g. 'EcoRI'.",
        pattern=r"^[A-Z][A-Za-z0-9]{2,15}$",
        json_schema_extra=port("restriction_enzyme", samples=["EcoRI", "BamHI", "KpnI", "SacI", "XbaI"]),
    )
    enzyme_b: str = Field(
        description="Second restriction enzyme, e.g. 'HindIII'.",
        pattern=r"^[A-Z][A-Za-z0-9]{2,15}$",
        json_schema_extra=port("restriction_enzyme", samples=["HindIII", "PstI", "SphI", "SalI", "SmaI"]),
    )
    sequence: str = Field(
        description="Linear DNA sequence (A, C, G, T).",
        min_length=1,
        max_length=MAX_DNA,
        pattern=r"^[ACGT]+$",
        json_schema_extra=port("dna_sequence", samples=[DNA_SAMPLES[0]] * 5),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Double digest of a linear DNA sequence with two restriction enzymes: the number of cuts and the "
    "fragment lengths in order.",
    outputs={
        "cut_count": Output(
            "count",
            "the number of cuts by {enzyme_a} and {enzyme_b} in {sequence}",
            asks=(
                "How many cuts do {enzyme_a} and {enzyme_b} make together in {sequence}?",
                "In a double digest of {sequence} with {enzyme_a} and {enzyme_b}, how many times is the DNA cut?",
            ),
            measure="number of cuts",
            quantity=COUNT,
        ),
        "fragment_lengths": Output(
            "number_list",
            "the fragment lengths of {sequence} digested with {enzyme_a} and {enzyme_b}",
            asks=(
                "I digest {sequence} with both {enzyme_a} and {enzyme_b}. List the fragment lengths in bases, from "
                "the 5' end.",
                "What fragments, in bases and in order from 5' to 3', does a double digest of {sequence} with "
                "{enzyme_a} and {enzyme_b} give?",
            ),
            measure="fragment lengths",
            quantity=COUNT,
        ),
        "smallest_fragment": Output(
            "count",
            "the smallest fragment of {sequence} digested with {enzyme_a} and {enzyme_b}",
            asks=(
                "How long, in bases, is the smallest fragment when {sequence} is cut with both {enzyme_a} and "
                "{enzyme_b}?",
                "After a double digest of {sequence} with {enzyme_a} and {enzyme_b}, how many bases long is the "
                "shortest piece?",
            ),
            measure="smallest fragment length",
            quantity=COUNT,
        ),
    },
    examples=[{"enzyme_a": "EcoRI", "enzyme_b": "HindIII", "sequence": DNA_SAMPLES[0]}],
)
def double_digest(p: DoubleDigest) -> dict:
    from Bio.Seq import Seq

    if p.enzyme_a == p.enzyme_b:
        raise ToolInputError("the two enzymes are the same")
    seq = Seq(p.sequence)
    cuts = sorted({pos for name in (p.enzyme_a, p.enzyme_b) for pos in _enzyme(name).search(seq, linear=True)})
    bounds = [1, *cuts, len(p.sequence) + 1]
    fragments = [b - a for a, b in itertools.pairwise(bounds) if b > a]
    return {"cut_count": len(cuts), "fragment_lengths": fragments, "smallest_fragment": min(fragments)}


class SiteLength(BaseModel):
    site_length: int = Field(
        description="Recognition site length in bases (4-8 typical).",
        ge=2,
        le=20,
        json_schema_extra=port("integer", quantity=COUNT, samples=[6, 4, 8, 5, 7]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="Commercially available restriction enzymes (REBASE, sold by New England Biolabs) whose "
    "recognition site has a given length: how many, and the first alphabetically.",
    outputs={
        "enzyme_count": Output(
            "count",
            "the number of NEB enzymes with a {site_length}-base recognition site",
            asks=(
                "How many restriction enzymes sold by New England Biolabs recognize a site of {site_length} bases and "
                "cut unmethylated DNA?",
                "Among New England Biolabs enzymes that cut unmodified DNA, how many have a recognition site exactly "
                "{site_length} bases long?",
            ),
            measure="number of enzymes with a site of that length",
            source=REBASE,
        ),
        "first_enzyme": Output(
            "restriction_enzyme", "the first NEB enzyme with a {site_length}-base recognition site", askable=False
        ),
    },
    examples=[{"site_length": 8}],
)
def enzymes_by_site_length(p: SiteLength) -> dict:
    names = sorted(n for n in _neb_enzymes() if len(rebase()[n]["site"]) == p.site_length)
    if not names:
        raise ToolInputError(f"no NEB enzyme has a {p.site_length}-base site")
    return {"enzyme_count": len(names), "first_enzyme": names[0]}


class SiteQuery(BaseModel):
    site: str = Field(
        description="Recognition sequence in IUPAC letters, e.g. 'GAATTC'.",
        min_length=3,
        max_length=20,
        pattern=DNA_PATTERN,
        json_schema_extra=port("dna_sequence", samples=["GAATTC", "GGATCC", "GCGGCCGC", "CTGCAG", "GATC"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="Restriction enzymes in REBASE that recognize exactly a given site (isoschizomers and "
    "neoschizomers together): how many, their names, and the first alphabetically.",
    outputs={
        "enzyme_count": Output(
            "count",
            "the number of REBASE enzymes recognizing the site {site}",
            asks=(
                "How many restriction enzymes recognize exactly {site}?",
                "How many different enzymes have {site} as their recognition site?",
            ),
            measure="number of enzymes recognizing it",
            source=REBASE,
        ),
        "enzymes": Output(
            "string_list",
            "the REBASE enzymes recognizing the site {site}",
            asks=(
                "Which restriction enzymes recognize exactly {site}? List them.",
                "List the enzymes whose recognition site is {site}.",
                "Which enzyme could I use to cut at {site}? List every one that recognizes exactly that site.",
            ),
            measure="enzymes recognizing it",
            source=REBASE,
        ),
        "first_enzyme": Output(
            "restriction_enzyme", "the first REBASE enzyme recognizing the site {site}", askable=False
        ),
    },
    examples=[{"site": "GAATTC"}],
)
def enzymes_for_site(p: SiteQuery) -> dict:
    names = sorted(n for n, data in rebase().items() if data["site"] == p.site)
    if not names:
        raise ToolInputError(f"no REBASE enzyme recognizes {p.site!r}")
    return {"enzyme_count": len(names), "enzymes": names, "first_enzyme": names[0]}
