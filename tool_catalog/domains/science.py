"""Biology & physical science: DNA and proteins (Biopython, REBASE), CODATA constants (scipy, pint), sky (ephem).

Every value comes from data shipped in a wheel or from a deterministic computation on the arguments:
REBASE restriction enzymes and NCBI genetic codes in Biopython, CODATA 2022 constants in scipy, pint's unit
definitions, and ephem's VSOP87/ELP ephemerides, bright-star catalogue (Hipparcos) and city list. Dates are
parameters, read as 00:00 UT unless a tool says otherwise.

Sample DNA sequences are real, widely published lab sequences: the pUC19 multiple cloning site, the T7, T3 and
SP6 promoter primers and the M13 forward (-20) and reverse sequencing primers; the DNA seeds are REBASE
recognition sites. Sample proteins are real human or insect peptides (angiotensin II, bradykinin, oxytocin,
vasopressin, substance P, glucagon, insulin A and B chains, melittin).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import warnings
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.ports import define_port, port
from tool_catalog.registry import seed_source, tool
from tool_catalog.spec import Output, ToolInputError

DOMAIN = "science"

define_port(
    "constellation",
    "English name of one of the IAU constellations, e.g. 'Orion'",
    "string",
    "the constellation {value}",
)

# --- shared fields ---------------------------------------------------------------------------------

_DNA_PATTERN = r"^[ACGTRYSWKMBDHVN]+$"
_MAX_DNA = 20000
_MAX_PROTEIN = 5000
_PROTEIN_PATTERN = r"^[ACDEFGHIKLMNPQRSTVWY]+$"

# pUC19 MCS, T7 / T3 / SP6 promoter primers, M13 forward (-20) and reverse primers, NotI site (REBASE).
_DNA_SAMPLES = [
    "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT",
    "TAATACGACTCACTATAGGG",
    "AATTAACCCTCACTAAAGGG",
    "ATTTAGGTGACACTATAG",
    "GTAAAACGACGGCCAGT",
    "CAGGAAACAGCTATGAC",
    "GCGGCCGC",
]
# Angiotensin II, bradykinin, oxytocin, vasopressin, substance P, glucagon, insulin A and B chains, melittin.
_PROTEIN_SAMPLES = [
    "DRVYIHPF",
    "RPPGFSPFR",
    "CYIQNCPLG",
    "CYFQNCPRG",
    "RPKPQQFFGLM",
    "HSQGTFTSDYSKYLDSRRAQDFVQWLMNT",
    "GIVEQCCTSICSLYQLENYCN",
    "FVNQHLCGSHLVEALYLVCGERGFFYTPKT",
]
_ENZYME_SAMPLES = ["EcoRI", "BamHI", "HindIII", "NotI", "PstI", "SmaI", "BsaI", "XhoI"]
_TABLE_SAMPLES = [1, 2, 4, 5, 11]
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATE_SAMPLES = ["2025-01-01", "2024-04-08", "2025-06-21", "2023-12-22", "2026-03-20", "2000-01-01"]
_BODY_SAMPLES = ["Mars", "Jupiter", "Venus", "Saturn", "Moon", "Sun"]
_MIN_YEAR, _MAX_YEAR = 1900, 2100


def _dna_field(description: str = "DNA sequence, 5'->3', upper-case IUPAC letters (A, C, G, T; N etc.).") -> Any:
    return Field(
        description=description,
        min_length=1,
        max_length=_MAX_DNA,
        pattern=_DNA_PATTERN,
        json_schema_extra=port("dna_sequence", samples=_DNA_SAMPLES),
    )


def _protein_field() -> Any:
    return Field(
        description="Protein sequence in upper-case one-letter codes of the 20 standard amino acids.",
        min_length=1,
        max_length=_MAX_PROTEIN,
        pattern=_PROTEIN_PATTERN,
        json_schema_extra=port("protein_sequence", samples=_PROTEIN_SAMPLES),
    )


def _table_field(samples: list[int] = _TABLE_SAMPLES) -> Any:
    return Field(
        description="NCBI genetic code table number: 1 standard, 2 vertebrate mitochondrial, 11 bacterial ...",
        ge=1,
        le=33,
        json_schema_extra=port("codon_table_id", samples=samples),
    )


def _date_field(description: str = "Date in ISO 8601 (YYYY-MM-DD), read as 00:00 UT; years 1900-2100.") -> Any:
    return Field(description=description, pattern=_DATE_PATTERN, json_schema_extra=port("date", samples=_DATE_SAMPLES))


def _unambiguous(seq: str, what: str = "sequence") -> str:
    bad = sorted(set(seq) - set("ACGT"))
    if bad:
        raise ToolInputError(f"the {what} contains ambiguous bases {''.join(bad)}; this tool needs A, C, G and T only")
    return seq


# --- REBASE restriction enzymes (Biopython) -----------------------------------------------------------


@cache
def _rebase() -> dict[str, dict]:
    from Bio.Restriction.Restriction_Dictionary import rest_dict

    return dict(rest_dict)


@cache
def _neb_enzymes() -> tuple[str, ...]:
    from Bio.Restriction.Restriction_Dictionary import suppliers

    return tuple(sorted(suppliers["N"][1]))


def _enzyme(name: str) -> Any:
    from Bio import Restriction

    if name not in _rebase():
        raise ToolInputError(f"unknown restriction enzyme {name!r} (names are case-sensitive, e.g. 'EcoRI')")
    return getattr(Restriction, name)


class Enzyme(BaseModel):
    enzyme: str = Field(
        description="REBASE restriction enzyme name, case-sensitive, e.g. 'EcoRI'.",
        pattern=r"^[A-Za-z0-9_]{2,20}$",
        json_schema_extra=port("restriction_enzyme", samples=_ENZYME_SAMPLES),
    )


def _overhang(enz: Any) -> str:
    if enz.is_unknown():
        return "unknown"
    if enz.is_blunt():
        return "blunt"
    return "5' overhang" if enz.is_5overhang() else "3' overhang"


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="Look up a restriction enzyme in REBASE (as shipped with Biopython): its recognition site, cut "
    "pattern (^ top-strand cut, _ bottom-strand cut), end type, number of commercial suppliers and isoschizomers.",
    outputs={
        "site": Output("dna_sequence", "the recognition site of {enzyme}"),
        "site_length": Output("count", "the length in bases of the recognition site of {enzyme}"),
        "cut_pattern": Output("label", "the cut pattern of {enzyme} in REBASE notation"),
        "end_type": Output("label", "the kind of ends (blunt, 5' or 3' overhang) that {enzyme} leaves"),
        "supplier_count": Output("count", "the number of commercial suppliers of {enzyme} listed in REBASE"),
        "isoschizomers": Output("string_list", "the list of isoschizomers of {enzyme} in REBASE"),
        "isoschizomer_count": Output("count", "the number of isoschizomers of {enzyme} in REBASE"),
    },
    examples=[{"enzyme": "EcoRI"}, {"enzyme": "BsaI"}, {"enzyme": "SmaI"}],
)
def restriction_enzyme_info(p: Enzyme) -> dict:
    enz = _enzyme(p.enzyme)
    isos = sorted(str(e) for e in enz.isoschizomers())
    return {
        "site": enz.site,
        "site_length": len(enz.site),
        "cut_pattern": enz.elucidate(),
        "end_type": _overhang(enz),
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
    sequence: str = _dna_field("Linear DNA sequence to digest, 5'->3', upper-case IUPAC letters.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Digest a linear DNA sequence with one restriction enzyme (Biopython Restriction, REBASE data): "
    "the top-strand cut positions (1-based position of the first base after each cut) and the fragment lengths.",
    outputs={
        "cut_positions": Output("number_list", "the list of top-strand cut positions of {enzyme} in {sequence}"),
        "cut_count": Output("count", "the number of times {enzyme} cuts {sequence}"),
        "fragment_lengths": Output(
            "number_list", "the list of fragment lengths, 5' to 3', of {sequence} digested by {enzyme}"
        ),
        "largest_fragment": Output("count", "the length of the largest fragment of {sequence} digested by {enzyme}"),
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


class DnaSequence(BaseModel):
    sequence: str = _dna_field()


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Find which New England Biolabs restriction enzymes (REBASE supplier N) cut a linear DNA sequence, "
    "and which of them cut it exactly once (single cutters, useful for cloning).",
    outputs={
        "enzymes": Output("string_list", "the list of New England Biolabs enzymes that cut {sequence}"),
        "enzyme_count": Output("count", "the number of New England Biolabs enzymes that cut {sequence}"),
        "single_cutters": Output(
            "string_list", "the list of New England Biolabs enzymes that cut {sequence} exactly once"
        ),
        "single_cutter_count": Output(
            "count", "the number of New England Biolabs enzymes that cut {sequence} exactly once"
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


# --- DNA sequence tools ---------------------------------------------------------------------------


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Reverse complement of a DNA sequence (IUPAC ambiguity codes are complemented too), and whether "
    "the sequence is its own reverse complement (a palindromic site).",
    outputs={
        "reverse_complement": Output("dna_sequence", "the reverse complement of {sequence}"),
        "is_palindromic": Output("boolean", "whether {sequence} equals its own reverse complement"),
    },
    examples=[{"sequence": "TAATACGACTCACTATAGGG"}, {"sequence": "GAATTC"}],
)
def reverse_complement(p: DnaSequence) -> dict:
    from Bio.Seq import Seq

    rc = str(Seq(p.sequence).reverse_complement())
    return {"reverse_complement": rc, "is_palindromic": rc == p.sequence}


class DnaWithTable(BaseModel):
    sequence: str = _dna_field()
    table: int = _table_field()


def _codon_table(table: int) -> Any:
    from Bio.Data import CodonTable

    try:
        return CodonTable.unambiguous_dna_by_id[table]
    except KeyError:
        known = ", ".join(str(k) for k in sorted(CodonTable.unambiguous_dna_by_id))
        raise ToolInputError(f"no NCBI genetic code table {table}; known tables: {known}") from None


def _translate(codons: str, table: int) -> str:
    from Bio.Seq import Seq

    return str(Seq(codons).translate(table=table))


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Translate a DNA sequence from its first base with an NCBI genetic code table, up to (not "
    "including) the first stop codon; a trailing partial codon is ignored.",
    outputs={
        "protein": Output("protein_sequence", "the protein translation of {sequence} under {table}"),
        "length": Output("count", "the number of amino acids in the protein translation of {sequence} under {table}"),
    },
    examples=[{"sequence": "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT", "table": 1}],
)
def translate_dna(p: DnaWithTable) -> dict:
    _codon_table(p.table)
    usable = len(p.sequence) - len(p.sequence) % 3
    if usable == 0:
        raise ToolInputError("the sequence is shorter than one codon (3 bases)")
    protein = _translate(p.sequence[:usable], p.table).split("*", 1)[0]
    if not protein:
        raise ToolInputError(f"the first codon {p.sequence[:3]} is a stop codon in table {p.table}; no protein")
    return {"protein": protein, "length": len(protein)}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Base composition of an unambiguous DNA sequence: GC fraction and the molecular weight in daltons "
    "of the single strand and of the double-stranded molecule (Biopython SeqUtils).",
    outputs={
        "gc_fraction": Output("number", "the GC fraction of {sequence}"),
        "mw_single_strand": Output("number", "the single-stranded molecular weight in daltons of {sequence}"),
        "mw_double_strand": Output("number", "the double-stranded molecular weight in daltons of {sequence}"),
    },
    examples=[{"sequence": "TAATACGACTCACTATAGGG"}, {"sequence": "GCGGCCGC"}],
)
def dna_composition(p: DnaSequence) -> dict:
    from Bio.SeqUtils import gc_fraction, molecular_weight

    seq = _unambiguous(p.sequence)
    return {
        "gc_fraction": round(gc_fraction(seq), 4),
        "mw_single_strand": round(molecular_weight(seq, "DNA"), 2),
        "mw_double_strand": round(molecular_weight(seq, "DNA", double_stranded=True), 2),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Melting temperature in degrees Celsius of a DNA oligo (8 to 5000 unambiguous bases): "
    "nearest-neighbour (Biopython Tm_NN defaults: Allawi & SantaLucia 1997, 50 mM Na+, 25 nM strands), Wallace "
    "rule (2 x AT + 4 x GC) and GC-content formula.",
    outputs={
        "tm_nearest_neighbor": Output("number", "the nearest-neighbour melting temperature in °C of {sequence}"),
        "tm_wallace": Output("number", "the Wallace-rule melting temperature in °C of {sequence}"),
        "tm_gc": Output("number", "the GC-content melting temperature in °C of {sequence}"),
    },
    examples=[{"sequence": "TAATACGACTCACTATAGGG"}, {"sequence": "GTAAAACGACGGCCAGT"}],
)
def dna_melting_temperature(p: DnaSequence) -> dict:
    from Bio.SeqUtils import MeltingTemp

    seq = _unambiguous(p.sequence)
    if not 8 <= len(seq) <= 5000:
        raise ToolInputError(f"melting temperatures need 8 to 5000 bases, got {len(seq)}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            "tm_nearest_neighbor": round(MeltingTemp.Tm_NN(seq), 2),
            "tm_wallace": round(MeltingTemp.Tm_Wallace(seq), 2),
            "tm_gc": round(MeltingTemp.Tm_GC(seq), 2),
        }


def _orfs(seq: str, stops: frozenset[str]) -> list[tuple[int, int, int, int, bool]]:
    """(length in codons, strand rank, frame, start index, closed) of the outermost ATG-started ORF per stretch."""
    found = []
    for rank, strand_seq in ((0, seq), (1, _reverse_complement(seq))):
        for frame in range(3):
            start = None
            for i in range(frame, len(strand_seq) - 2, 3):
                codon = strand_seq[i : i + 3]
                if start is None and codon == "ATG":
                    start = i
                elif start is not None and codon in stops:
                    found.append(((i - start) // 3, rank, frame, start, True))
                    start = None
            if start is not None:
                end = start + (len(strand_seq) - start) // 3 * 3
                found.append(((end - start) // 3, rank, frame, start, False))
    return found


def _reverse_complement(seq: str) -> str:
    from Bio.Seq import Seq

    return str(Seq(seq).reverse_complement())


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Longest open reading frame in the six frames of a DNA sequence: ATG start, ends at the first "
    "in-frame stop of the given NCBI table (or runs open to the 3' end). Ties go to the + strand, then the "
    "earlier frame. Returns the translated protein (without the stop) and where the ORF starts.",
    outputs={
        "protein": Output("protein_sequence", "the protein encoded by the longest ORF of {sequence} under {table}"),
        "length_aa": Output("count", "the length in amino acids of the longest ORF of {sequence} under {table}"),
        "strand": Output("label", "the strand (+ or -) of the longest ORF of {sequence} under {table}"),
        "start": Output(
            "count", "the 1-based start position, on its own strand, of the longest ORF of {sequence} under {table}"
        ),
        "has_stop": Output("boolean", "whether the longest ORF of {sequence} under {table} ends in a stop codon"),
    },
    examples=[
        {"sequence": "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT", "table": 1},
        {"sequence": "CAGGAAACAGCTATGAC", "table": 11},
    ],
)
def longest_orf(p: DnaWithTable) -> dict:
    table = _codon_table(p.table)
    orfs = _orfs(p.sequence, frozenset(table.stop_codons))
    if not orfs:
        raise ToolInputError("no ATG start codon in any of the six reading frames")
    codons, rank, _frame, start, closed = min(orfs, key=lambda o: (-o[0], o[1], o[2], o[3]))
    strand_seq = p.sequence if rank == 0 else _reverse_complement(p.sequence)
    protein = _translate(strand_seq[start : start + 3 * codons], p.table)
    return {
        "protein": protein,
        "length_aa": len(protein),
        "strand": "+" if rank == 0 else "-",
        "start": start + 1,
        "has_stop": closed,
    }


# --- proteins and amino acids -----------------------------------------------------------------------


class ProteinSequence(BaseModel):
    protein: str = _protein_field()


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Physico-chemical parameters of a protein as ExPASy ProtParam computes them (Biopython "
    "ProteinAnalysis): molecular weight, isoelectric point, net charge at pH 7, instability index, GRAVY, "
    "aromaticity and molar extinction coefficient at 280 nm.",
    outputs={
        "molecular_weight": Output("number", "the molecular weight in daltons of {protein}"),
        "isoelectric_point": Output("number", "the isoelectric point of {protein}"),
        "charge_at_ph7": Output("number", "the net charge at pH 7 of {protein}"),
        "instability_index": Output("number", "the instability index of {protein}"),
        "is_stable": Output("boolean", "whether {protein} is predicted stable (instability index below 40)"),
        "gravy": Output("number", "the grand average of hydropathy (GRAVY) of {protein}"),
        "aromaticity": Output("number", "the aromaticity of {protein}"),
        "extinction_coefficient": Output(
            "count", "the molar extinction coefficient at 280 nm of {protein} with all cysteines reduced"
        ),
    },
    examples=[{"protein": "DRVYIHPF"}, {"protein": "GIVEQCCTSICSLYQLENYCN"}],
)
def protein_properties(p: ProteinSequence) -> dict:
    from Bio.SeqUtils.ProtParam import ProteinAnalysis

    analysis = ProteinAnalysis(p.protein)
    instability = analysis.instability_index()
    return {
        "molecular_weight": round(analysis.molecular_weight(), 2),
        "isoelectric_point": round(analysis.isoelectric_point(), 2),
        "charge_at_ph7": round(analysis.charge_at_pH(7.0), 2),
        "instability_index": round(instability, 2),
        "is_stable": instability < 40,
        "gravy": round(analysis.gravy(), 3),
        "aromaticity": round(analysis.aromaticity(), 4),
        "extinction_coefficient": int(analysis.molar_extinction_coefficient()[0]),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Amino-acid composition of a protein: its most frequent residue (ties go to the alphabetically "
    "first one-letter code), that residue's share in percent, and the number of distinct residues.",
    outputs={
        "most_common": Output("amino_acid", "the most frequent amino acid in {protein}"),
        "most_common_percent": Output("number", "the percentage of {protein} made up by its most frequent residue"),
        "distinct_residues": Output("count", "the number of distinct amino acids in {protein}"),
    },
    examples=[{"protein": "HSQGTFTSDYSKYLDSRRAQDFVQWLMNT"}, {"protein": "RPKPQQFFGLM"}],
)
def protein_composition(p: ProteinSequence) -> dict:
    from Bio.SeqUtils.ProtParam import ProteinAnalysis

    counts = {aa: n for aa, n in ProteinAnalysis(p.protein).count_amino_acids().items() if n}
    top = min(counts, key=lambda aa: (-counts[aa], aa))
    return {
        "most_common": top,
        "most_common_percent": round(100.0 * counts[top] / len(p.protein), 2),
        "distinct_residues": len(counts),
    }


class AminoAcid(BaseModel):
    amino_acid: str = Field(
        description="One-letter code of a standard amino acid, e.g. 'W'.",
        pattern=r"^[A-Z]$",
        json_schema_extra=port("amino_acid", samples=["W", "A", "K", "C", "L", "M"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="Facts about a standard amino acid from Biopython's tables: three-letter code, its codons in the "
    "standard genetic code, Kyte-Doolittle hydropathy and the average and monoisotopic masses of the free acid.",
    outputs={
        "three_letter": Output("label", "the three-letter code of {amino_acid}"),
        "codons": Output("string_list", "the list of codons for {amino_acid} in the standard genetic code"),
        "codon_count": Output("count", "the number of codons for {amino_acid} in the standard genetic code"),
        "hydropathy": Output("number", "the Kyte-Doolittle hydropathy of {amino_acid}"),
        "molecular_weight": Output(
            "number", "the average molecular weight in daltons of the free form of {amino_acid}"
        ),
        "monoisotopic_mass": Output("number", "the monoisotopic mass in daltons of the free form of {amino_acid}"),
    },
    examples=[{"amino_acid": "W"}, {"amino_acid": "L"}],
)
def amino_acid_info(p: AminoAcid) -> dict:
    from Bio.Data import IUPACData
    from Bio.SeqUtils.ProtParamData import kd

    if p.amino_acid not in IUPACData.protein_letters:
        raise ToolInputError(f"{p.amino_acid!r} is not the one-letter code of a standard amino acid")
    standard = _codon_table(1).forward_table
    codons = sorted(c for c, aa in standard.items() if aa == p.amino_acid)
    return {
        "three_letter": IUPACData.protein_letters_1to3[p.amino_acid],
        "codons": codons,
        "codon_count": len(codons),
        "hydropathy": kd[p.amino_acid],
        "molecular_weight": round(IUPACData.protein_weights[p.amino_acid], 4),
        "monoisotopic_mass": round(IUPACData.monoisotopic_protein_weights[p.amino_acid], 4),
    }


class CodonTableId(BaseModel):
    # Every table NCBI defines is a sample: the tool's one parameter is the table, and its questions would repeat
    # over the five tables the other tools sample.
    table: int = _table_field([*_TABLE_SAMPLES, 3, 6, 9, 10, 12, 13, 14, 15, 16, *range(21, 34)])


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="An NCBI genetic code table: its name, start and stop codons, and the codons whose meaning "
    "differs from the standard code (table 1).",
    outputs={
        "name": Output("label", "the name of {table}"),
        "start_codons": Output("string_list", "the list of start codons of {table}"),
        "stop_codons": Output("string_list", "the list of stop codons of {table}"),
        "reassigned_codons": Output(
            "string_list", "the list of codons whose meaning in {table} differs from the standard code"
        ),
        "reassigned_count": Output(
            "count", "the number of codons whose meaning in {table} differs from the standard code"
        ),
    },
    examples=[{"table": 2}, {"table": 11}],
)
def codon_table_info(p: CodonTableId) -> dict:
    table, standard = _codon_table(p.table), _codon_table(1)

    def meaning(t: Any, codon: str) -> str:
        return "*" if codon in t.stop_codons else t.forward_table[codon]

    codons = [a + b + c for a in "TCAG" for b in "TCAG" for c in "TCAG"]
    changed = sorted(c for c in codons if meaning(table, c) != meaning(standard, c))
    return {
        "name": table.names[0],
        "start_codons": sorted(table.start_codons),
        "stop_codons": sorted(table.stop_codons),
        "reassigned_codons": changed,
        "reassigned_count": len(changed),
    }


# --- CODATA constants (scipy) and units (pint) ---------------------------------------------------------

_CONSTANT_SAMPLES = [
    "electron mass",
    "proton mass",
    "Planck constant",
    "Boltzmann constant",
    "Rydberg constant",
    "Avogadro constant",
]
_CONSTANT_PATTERN = r"^[A-Za-z0-9 .,/()\-]{2,80}$"


@cache
def _current_constants() -> frozenset[str]:
    import scipy.constants

    return frozenset(scipy.constants.find())


def _constant(name: str) -> tuple[float, str, float]:
    import scipy.constants

    if name not in _current_constants():
        raise ToolInputError(f"unknown CODATA constant {name!r}; names are exact, e.g. 'electron mass'")
    value, unit, uncertainty = scipy.constants.physical_constants[name]
    return float(value), unit, float(uncertainty)


class ConstantName(BaseModel):
    name: str = Field(
        description="Exact CODATA constant name as scipy.constants lists it, e.g. 'electron mass'.",
        pattern=_CONSTANT_PATTERN,
        json_schema_extra=port("physical_constant", samples=_CONSTANT_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="scipy",
    description="Look up a CODATA 2022 physical constant (scipy.constants): value, SI unit, standard uncertainty "
    "and whether the value is exact by definition.",
    outputs={
        "value": Output("number", "the CODATA value of {name}"),
        "unit": Output("unit", "the SI unit of {name}"),
        "uncertainty": Output("number", "the standard uncertainty of the CODATA value of {name}"),
        "relative_uncertainty": Output("number", "the relative standard uncertainty of the CODATA value of {name}"),
        "is_exact": Output("boolean", "whether {name} is exact by definition in CODATA"),
    },
    examples=[{"name": "electron mass"}, {"name": "speed of light in vacuum"}],
)
def physical_constant_lookup(p: ConstantName) -> dict:
    value, unit, uncertainty = _constant(p.name)
    return {
        "value": value,
        "unit": unit or "dimensionless",
        "uncertainty": uncertainty,
        "relative_uncertainty": float(f"{uncertainty / abs(value):.3g}") if value else 0.0,
        "is_exact": uncertainty == 0.0,
    }


class ConstantKeyword(BaseModel):
    keyword: str = Field(
        description="Case-insensitive text to find in CODATA constant names, e.g. 'Bohr'.",
        pattern=r"^[A-Za-z0-9 .,/()\-]{2,40}$",
        json_schema_extra=port("label", samples=["Bohr", "proton", "Planck", "neutron mass", "Rydberg", "Faraday"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="scipy",
    description="Search the CODATA 2022 constants (scipy.constants.find) for names containing a text, "
    "case-insensitively; returns the sorted matching names and the first one.",
    outputs={
        "matches": Output("string_list", "the list of CODATA constants whose names contain '{keyword}'"),
        "match_count": Output("count", "the number of CODATA constants whose names contain '{keyword}'"),
        "first_match": Output(
            "physical_constant", "the alphabetically first CODATA constant whose name contains '{keyword}'"
        ),
    },
    examples=[{"keyword": "Bohr"}, {"keyword": "neutron mass"}],
)
def search_physical_constants(p: ConstantKeyword) -> dict:
    needle = p.keyword.strip().lower()
    matches = sorted(n for n in _current_constants() if needle in n.lower())
    if not matches:
        raise ToolInputError(f"no CODATA constant name contains {p.keyword!r}")
    return {"matches": matches, "match_count": len(matches), "first_match": matches[0]}


_UNIT_NAME = r"[A-Za-z°µΩ_][A-Za-z0-9°µΩ_]*"
_UNIT_POWER = r"(?:(?:\^|\*\*)-?[1-9])?"
_UNIT_PATTERN = rf"^{_UNIT_NAME}{_UNIT_POWER}(?:(?: ?[*/] ?| ){_UNIT_NAME}{_UNIT_POWER}){{0,5}}$"


@cache
def _units() -> Any:
    import pint

    return pint.UnitRegistry()


def _pint_unit(text: str, what: str) -> Any:
    import pint

    try:
        return _units().parse_units(text)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError, KeyError, SyntaxError):
        raise ToolInputError(f"{what} {text!r} is not a unit pint knows") from None


class ConstantInUnit(BaseModel):
    name: str = Field(
        description="Exact CODATA constant name as scipy.constants lists it, e.g. 'electron mass'.",
        pattern=_CONSTANT_PATTERN,
        json_schema_extra=port("physical_constant", samples=_CONSTANT_SAMPLES),
    )
    to_unit: str = Field(
        description="Target pint unit with the constant's dimension, e.g. 'MeV/c**2' for a mass, 'eV/K' for "
        "Boltzmann's constant, 'kJ/mol', 'eV*s'.",
        max_length=60,
        pattern=_UNIT_PATTERN,
        json_schema_extra=port("unit", samples=["MeV/c**2", "u", "eV*s", "eV/K", "GeV/c**2", "1/mol"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pint",
    description="Express a CODATA 2022 constant (scipy.constants) in another unit of the same dimension with pint, "
    "e.g. the electron mass in MeV/c**2 or the Planck constant in eV*s.",
    outputs={"value": Output("number", "the value of {name} expressed in {to_unit}")},
    examples=[
        {"name": "electron mass", "to_unit": "MeV/c**2"},
        {"name": "Planck constant", "to_unit": "eV*s"},
        {"name": "Boltzmann constant", "to_unit": "eV/K"},
    ],
)
def constant_in_unit(p: ConstantInUnit) -> dict:
    import pint

    value, unit, _ = _constant(p.name)
    source = _pint_unit(" * ".join(unit.replace("^", "**").split()), "the constant's unit") if unit else None
    target = _pint_unit(p.to_unit, "to_unit")
    try:
        quantity = _units().Quantity(value, source) if source is not None else _units().Quantity(value)
        converted = float(quantity.to(target).magnitude)
    except pint.errors.DimensionalityError:
        raise ToolInputError(
            f"{p.name!r} is in {unit or 'no unit'}, which cannot be expressed in {p.to_unit!r}"
        ) from None
    except (pint.errors.PintError, ValueError, TypeError, ZeroDivisionError, OverflowError) as exc:
        raise ToolInputError(f"cannot express {p.name!r} in {p.to_unit!r}: {exc}"[:200]) from None
    if not math.isfinite(converted):
        raise ToolInputError(f"{p.name!r} in {p.to_unit!r} is not a finite number")
    return {"value": float(f"{converted:.10g}")}


# --- the sky (ephem) -------------------------------------------------------------------------------

_BODIES = ("Sun", "Moon", "Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto")
_J2000 = "2000/1/1 12:00:00"


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ToolInputError(f"{text!r} is not a valid calendar date (YYYY-MM-DD)") from None
    if not _MIN_YEAR <= day.year <= _MAX_YEAR:
        raise ToolInputError(f"date {text} is outside the supported years {_MIN_YEAR}-{_MAX_YEAR}")
    return day


def _ephem_date(day: dt.date, hours: float = 0.0) -> Any:
    import ephem

    return ephem.Date(ephem.Date((day.year, day.month, day.day)) + hours / 24.0)


def _utc(value: Any) -> dt.datetime:
    """An ephem date as an aware UTC datetime rounded to the minute."""
    stamp = value.datetime().replace(tzinfo=dt.UTC) + dt.timedelta(seconds=30)
    return stamp.replace(second=0, microsecond=0)


def _minute(value: Any) -> str:
    return _utc(value).strftime("%Y-%m-%dT%H:%MZ")


def _hms(angle: Any) -> str:
    return str(angle).split(".")[0]


class BodyOnDate(BaseModel):
    body: str = Field(
        description="Sun, Moon, Mercury, Venus, Mars, Jupiter, Saturn, Uranus, Neptune or Pluto.",
        pattern=r"^[A-Z][a-z]{2,7}$",
        json_schema_extra=port("celestial_body", samples=_BODY_SAMPLES),
    )
    date: str = _date_field()


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Where a solar-system body is seen from the Earth's centre at 00:00 UT on a date (ephem): "
    "constellation, apparent right ascension and declination, visual magnitude, distance from Earth in AU, "
    "elongation from the Sun and illuminated percentage.",
    outputs={
        "constellation": Output("constellation", "the constellation in which {body} appears at 00:00 UT on {date}"),
        "right_ascension": Output("label", "the apparent right ascension (h:m:s) of {body} at 00:00 UT on {date}"),
        "declination": Output("label", "the apparent declination (d:m:s) of {body} at 00:00 UT on {date}"),
        "magnitude": Output("number", "the visual magnitude of {body} at 00:00 UT on {date}"),
        "earth_distance_au": Output("number", "the distance in AU between the Earth and {body} at 00:00 UT on {date}"),
        "elongation_deg": Output("number", "the elongation in degrees of {body} from the Sun at 00:00 UT on {date}"),
        "phase_percent": Output("number", "the illuminated percentage of the disc of {body} at 00:00 UT on {date}"),
    },
    examples=[{"body": "Mars", "date": "2025-01-01"}, {"body": "Moon", "date": "2024-04-08"}],
)
def planet_position(p: BodyOnDate) -> dict:
    import ephem

    if p.body not in _BODIES:
        raise ToolInputError(f"unknown body {p.body!r}; expected one of {', '.join(_BODIES)}")
    body = getattr(ephem, p.body)()
    body.compute(_ephem_date(_date(p.date)))
    return {
        "constellation": ephem.constellation(body)[1],
        "right_ascension": _hms(body.ra),
        "declination": _hms(body.dec),
        "magnitude": round(float(body.mag), 2),
        "earth_distance_au": round(float(body.earth_distance), 6),
        "elongation_deg": round(math.degrees(float(body.elong)), 2),
        "phase_percent": round(float(body.phase), 2),
    }


@cache
def _star_catalog() -> dict[str, tuple[float, str, float, float, str]]:
    """name -> (magnitude, constellation, RA radians, Dec radians, spectral type) at J2000."""
    import ephem
    import ephem.stars

    out = {}
    for name in sorted(ephem.stars.stars):
        star = ephem.star(name)
        star.compute(_J2000)
        out[name] = (float(star.mag), ephem.constellation(star)[1], float(star.a_ra), float(star.a_dec), star._spect)
    return out


class StarName(BaseModel):
    star: str = Field(
        description="Name of a bright star in ephem's catalogue, e.g. 'Sirius', 'Polaris', 'Rigil Kentaurus'.",
        pattern=r"^[A-Z][A-Za-z ]{2,30}$",
        json_schema_extra=port("star_name", samples=["Sirius", "Vega", "Betelgeuse", "Polaris", "Antares", "Deneb"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="ephem",
    description="Catalogue data of a bright star (ephem's Hipparcos-based catalogue): constellation, visual "
    "magnitude, spectral type and J2000 right ascension and declination.",
    outputs={
        "constellation": Output("constellation", "the constellation containing {star}"),
        "magnitude": Output("number", "the visual magnitude of {star}"),
        "spectral_type": Output("label", "the spectral type of {star}"),
        "right_ascension": Output("label", "the J2000 right ascension (h:m:s) of {star}"),
        "declination_deg": Output("number", "the J2000 declination in degrees of {star}"),
    },
    examples=[{"star": "Sirius"}, {"star": "Polaris"}],
)
def star_info(p: StarName) -> dict:
    import ephem

    entry = _star_catalog().get(p.star)
    if entry is None:
        raise ToolInputError(f"{p.star!r} is not in ephem's bright-star catalogue")
    mag, constellation, ra, dec, spect = entry
    return {
        "constellation": constellation,
        "magnitude": round(mag, 2),
        "spectral_type": spect,
        "right_ascension": _hms(ephem.hours(ra)),
        "declination_deg": round(math.degrees(dec), 4),
    }


@cache
def _constellations() -> dict[str, str]:
    """Lower-case name -> name of every constellation ephem knows (found by scanning the sky on a 1° grid)."""
    import ephem

    names = set()
    for ra in range(360):
        for dec in range(-89, 90):
            names.add(ephem.constellation((math.radians(ra), math.radians(dec)))[1])
    return {n.lower(): n for n in sorted(names)}


class ConstellationName(BaseModel):
    constellation: str = Field(
        description="English (Latin) name of a constellation, e.g. 'Orion', 'Ursa Major', 'Canis Major'.",
        pattern=r"^[A-Za-z ]{3,30}$",
        json_schema_extra=port("constellation", samples=["Orion", "Ursa Major", "Scorpius", "Lyra", "Cygnus"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="ephem",
    description="Brightest star of a constellation among the 115 bright stars of ephem's catalogue (lowest "
    "magnitude; a star listed under two names is reported by the alphabetically first), with the catalogue stars "
    "that lie in it.",
    outputs={
        "brightest_star": Output("star_name", "the brightest catalogued star in {constellation}"),
        "magnitude": Output("number", "the visual magnitude of the brightest catalogued star in {constellation}"),
        "stars": Output("string_list", "the list of bright-star catalogue names that lie in {constellation}"),
        "star_count": Output("count", "the number of bright-star catalogue names that lie in {constellation}"),
    },
    examples=[{"constellation": "Orion"}, {"constellation": "Lyra"}],
)
def brightest_star_in_constellation(p: ConstellationName) -> dict:
    name = _constellations().get(p.constellation.strip().lower())
    if name is None:
        raise ToolInputError(f"{p.constellation!r} is not a constellation name ephem knows")
    members = {star: entry for star, entry in _star_catalog().items() if entry[1] == name}
    if not members:
        raise ToolInputError(f"no star of ephem's bright-star catalogue lies in {name}")
    best = min(members, key=lambda s: (members[s][0], s))
    return {
        "brightest_star": best,
        "magnitude": round(members[best][0], 2),
        "stars": sorted(members),
        "star_count": len(members),
    }


class SingleDate(BaseModel):
    date: str = _date_field()


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="The Moon's next principal phases after 00:00 UT on a date (ephem): UTC dates of the next new "
    "moon, first quarter, full moon and last quarter, the UTC time of that full moon, and the illuminated "
    "percentage of the Moon at 00:00 UT on the date.",
    outputs={
        "next_new_moon": Output("date", "the UTC date of the first new moon after {date}"),
        "next_first_quarter": Output("date", "the UTC date of the first first-quarter moon after {date}"),
        "next_full_moon": Output("date", "the UTC date of the first full moon after {date}"),
        "next_last_quarter": Output("date", "the UTC date of the first last-quarter moon after {date}"),
        "next_full_moon_time": Output("datetime", "the UTC time, to the minute, of the first full moon after {date}"),
        "illumination_percent": Output("number", "the illuminated percentage of the Moon at 00:00 UT on {date}"),
    },
    examples=[{"date": "2025-01-01"}, {"date": "2024-03-10"}],
)
def moon_phases_after_date(p: SingleDate) -> dict:
    import ephem

    start = _ephem_date(_date(p.date))
    moon = ephem.Moon()
    moon.compute(start)
    full = ephem.next_full_moon(start)
    return {
        "next_new_moon": _utc(ephem.next_new_moon(start)).date().isoformat(),
        "next_first_quarter": _utc(ephem.next_first_quarter_moon(start)).date().isoformat(),
        "next_full_moon": _utc(full).date().isoformat(),
        "next_last_quarter": _utc(ephem.next_last_quarter_moon(start)).date().isoformat(),
        "next_full_moon_time": _minute(full),
        "illumination_percent": round(float(moon.phase), 2),
    }


class PlaceOnDate(BaseModel):
    latitude: float = Field(
        description="Latitude in decimal degrees, north positive.",
        ge=-90,
        le=90,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=[51.5074, 40.7128, -33.8688, 35.6762, 64.1466, -1.2921]),
    )
    longitude: float = Field(
        description="Longitude in decimal degrees, east positive.",
        ge=-180,
        le=180,
        allow_inf_nan=False,
        json_schema_extra=port("longitude", samples=[-0.1278, -74.006, 151.2093, 139.6503, -21.9426, 36.8219]),
    )
    date: str = _date_field("Local calendar date (YYYY-MM-DD) at the place; years 1900-2100.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Sunrise, sunset and solar noon at a place on a date (ephem, US Naval Observatory convention: "
    "upper limb, 34' refraction, no pressure model), as UTC times to the minute, with the day length and the "
    "Sun's altitude at noon. The day runs from local mean midnight (00:00 UT minus longitude/15 hours).",
    outputs={
        "sunrise": Output("datetime", "the UTC time of sunrise at {latitude}, {longitude} on {date}"),
        "sunset": Output("datetime", "the UTC time of sunset at {latitude}, {longitude} on {date}"),
        "solar_noon": Output("datetime", "the UTC time of solar noon at {latitude}, {longitude} on {date}"),
        "day_length_hours": Output("number", "the day length in hours at {latitude}, {longitude} on {date}"),
        "noon_altitude_deg": Output(
            "number", "the Sun's altitude in degrees at noon at {latitude}, {longitude} on {date}"
        ),
    },
    examples=[
        {"latitude": 51.5074, "longitude": -0.1278, "date": "2025-06-21"},
        {"latitude": -33.8688, "longitude": 151.2093, "date": "2025-01-01"},
    ],
)
def sun_times(p: PlaceOnDate) -> dict:
    import ephem

    day = _date(p.date)
    observer = ephem.Observer()
    observer.lat, observer.lon = math.radians(p.latitude), math.radians(p.longitude)
    observer.pressure, observer.horizon = 0, "-0:34"
    observer.date = _ephem_date(day, -p.longitude / 15.0)
    sun = ephem.Sun()
    try:
        noon = observer.next_transit(sun)
        rise = observer.previous_rising(sun, start=noon)
        set_ = observer.next_setting(sun, start=noon)
    except ephem.AlwaysUpError:
        raise ToolInputError(f"the Sun does not set at latitude {p.latitude:g} on {p.date} (polar day)") from None
    except ephem.NeverUpError:
        raise ToolInputError(f"the Sun does not rise at latitude {p.latitude:g} on {p.date} (polar night)") from None
    observer.date = noon
    sun.compute(observer)
    return {
        "sunrise": _minute(rise),
        "sunset": _minute(set_),
        "solar_noon": _minute(noon),
        "day_length_hours": round((set_ - rise) * 24.0, 3),
        "noon_altitude_deg": round(math.degrees(float(sun.alt)), 2),
    }


class EphemCity(BaseModel):
    city: str = Field(
        description="Name of a city in ephem's built-in list of 122 world cities, e.g. 'London', 'Tokyo'.",
        pattern=r"^[A-Z][A-Za-z .'\-]{1,30}$",
        json_schema_extra=port("city_name", samples=["London", "Tokyo", "New York", "Sydney", "Cairo", "Lima"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="ephem",
    description="Latitude, longitude and elevation of a city from ephem's built-in city list (offline; names "
    "outside the list are rejected rather than geocoded).",
    outputs={
        "latitude": Output("latitude", "the latitude of {city} in ephem's city list"),
        "longitude": Output("longitude", "the longitude of {city} in ephem's city list"),
        "elevation_m": Output("number", "the elevation in metres of {city} in ephem's city list"),
    },
    examples=[{"city": "London"}, {"city": "Tokyo"}],
)
def city_coordinates(p: EphemCity) -> dict:
    import ephem.cities

    if p.city not in ephem.cities._city_data:
        raise ToolInputError(f"{p.city!r} is not in ephem's city list")
    lat, lon, elevation = ephem.cities._city_data[p.city]
    return {
        "latitude": round(math.degrees(float(ephem.degrees(lat))), 4),
        "longitude": round(math.degrees(float(ephem.degrees(lon))), 4),
        "elevation_m": round(float(elevation), 1),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Astronomical day numbers of a date at 00:00 UT: Julian Date, Modified Julian Date, and "
    "Greenwich apparent sidereal time (ephem).",
    outputs={
        "julian_date": Output("number", "the Julian Date at 00:00 UT on {date}"),
        "modified_julian_date": Output("number", "the Modified Julian Date at 00:00 UT on {date}"),
        "greenwich_sidereal_time": Output(
            "label", "the Greenwich apparent sidereal time (h:m:s) at 00:00 UT on {date}"
        ),
    },
    examples=[{"date": "2025-01-01"}, {"date": "2000-01-01"}],
)
def julian_date(p: SingleDate) -> dict:
    import ephem

    when = _ephem_date(_date(p.date))
    jd = ephem.julian_date(when)
    greenwich = ephem.Observer()
    greenwich.lon, greenwich.lat, greenwich.date = "0", "0", when
    return {
        "julian_date": round(jd, 5),
        "modified_julian_date": round(jd - 2400000.5, 5),
        "greenwich_sidereal_time": _hms(greenwich.sidereal_time()),
    }


# --- seed sources ---------------------------------------------------------------------------------


@seed_source(
    domain=DOMAIN, port="restriction_enzyme", package="biopython", description="every REBASE enzyme in Biopython"
)
def enzyme_seeds() -> list[str]:
    return sorted(_rebase())


@seed_source(
    domain=DOMAIN,
    port="dna_sequence",
    package="biopython",
    description="distinct unambiguous REBASE recognition sites of 4 or more bases",
)
def recognition_site_seeds() -> list[str]:
    return sorted({e["site"] for e in _rebase().values() if len(e["site"]) >= 4 and set(e["site"]) <= set("ACGT")})


@seed_source(domain=DOMAIN, port="physical_constant", package="scipy", description="current CODATA 2022 constant names")
def constant_seeds() -> list[str]:
    return sorted(_current_constants())


@seed_source(domain=DOMAIN, port="star_name", package="ephem", description="names in ephem's bright-star catalogue")
def star_seeds() -> list[str]:
    return sorted(_star_catalog())


@seed_source(
    domain=DOMAIN,
    port="constellation",
    package="ephem",
    description="constellations holding at least one star of ephem's catalogue",
)
def constellation_seeds() -> list[str]:
    return sorted({entry[1] for entry in _star_catalog().values()})


@seed_source(domain=DOMAIN, port="celestial_body", package="ephem", description="the Sun, the Moon and the planets")
def body_seeds() -> list[str]:
    return sorted(_BODIES)


@seed_source(domain=DOMAIN, port="city_name", package="ephem", description="cities in ephem's built-in city list")
def city_seeds() -> list[str]:
    import ephem.cities

    return sorted(ephem.cities._city_data)


@seed_source(
    domain=DOMAIN, port="amino_acid", package="biopython", description="one-letter codes of the 20 standard amino acids"
)
def amino_acid_seeds() -> list[str]:
    from Bio.Data import IUPACData

    return sorted(IUPACData.protein_letters)
