"""Science, second part: more sequence analysis (transcription, motifs, k-mers, alignment, double digests,
codon usage, protein structure fractions), observational astronomy (rise/set of planets and stars, equinoxes,
separations, heliocentric positions, sidereal time, constellation lookup), photon and black-body physics,
geodesy and standard atmosphere, unit analysis, and statistical distributions.

Backends: Biopython (REBASE, NCBI codon tables, ProtParam, PairwiseAligner with BLOSUM62), ephem (VSOP87/ELP
and the Yale bright-star data it ships), scipy (CODATA constants and statistical distributions), Pint, and
published formulas (WGS84 normal gravity, US Standard Atmosphere 1976, Magnus dew point) written out here.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import math
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.science import (
    _BODIES,
    _DNA_PATTERN,
    _DNA_SAMPLES,
    _MAX_DNA,
    _PROTEIN_PATTERN,
    _PROTEIN_SAMPLES,
    _UNIT_PATTERN,
    DnaSequence,
    Enzyme,
    ProteinSequence,
    _codon_table,
    _date,
    _date_field,
    _enzyme,
    _ephem_date,
    _minute,
    _pint_unit,
    _star_catalog,
)
from tool_catalog.ports import define_port, port
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

DOMAIN = "science"

define_port("codon", "a DNA codon of three bases", "code", "the codon {value}")

# --- nucleic acids ---------------------------------------------------------------------------------------------


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Transcribe a DNA coding strand into messenger RNA (T -> U) and report its length.",
    outputs={
        "rna": Output("rna_sequence", "the RNA transcribed from {sequence}"),
        "length": Output("count", "the length in bases of the RNA transcribed from {sequence}"),
    },
    examples=[{"sequence": "TAATACGACTCACTATAGGG"}],
)
def transcribe_dna(p: DnaSequence) -> dict:
    from Bio.Seq import Seq

    rna = str(Seq(p.sequence).transcribe())
    return {"rna": rna, "length": len(rna)}


class RnaSequence(BaseModel):
    rna: str = Field(
        description="RNA sequence 5'->3' over A, C, G, U.",
        min_length=1,
        max_length=_MAX_DNA,
        pattern=r"^[ACGU]+$",
        json_schema_extra=port(
            "rna_sequence",
            samples=[
                "UAAUACGACUCACUAUAGGG",
                "AUGGCCAUUGUAAUGGGCCGCUGA",
                "GUAAAACGACGGCCAGU",
                "AUGAAACGCAUUAGCACCACCAUUACCACCACCAUCACCAUUACCACAGGUAACGGUGCGGGCUGA",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Back-transcribe RNA into the DNA coding strand (U -> T) and translate the RNA from its first "
    "base with the standard genetic code up to the first stop.",
    outputs={
        "dna": Output("dna_sequence", "the DNA coding strand of {rna}"),
        "protein": Output("protein_sequence", "the protein encoded by {rna} read from its first base"),
    },
    examples=[{"rna": "AUGGCCAUUGUAAUGGGCCGCUGA"}],
)
def back_transcribe_rna(p: RnaSequence) -> dict:
    from Bio.Seq import Seq

    rna = Seq(p.rna)
    usable = len(p.rna) - len(p.rna) % 3
    protein = str(rna[:usable].translate(to_stop=True)) if usable else ""
    return {"dna": str(rna.back_transcribe()), "protein": protein or None}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="GC skew (G - C)/(G + C) and AT skew (A - T)/(A + T) of a DNA strand, markers of replication "
    "origin and strand bias.",
    outputs={
        "gc_skew": Output("number", "the GC skew of {sequence}"),
        "at_skew": Output("number", "the AT skew of {sequence}"),
    },
    examples=[{"sequence": "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT"}],
)
def dna_skew(p: DnaSequence) -> dict:
    s = p.sequence
    g, c, a, t = (s.count(x) for x in "GCAT")
    return {
        "gc_skew": round((g - c) / (g + c), 4) if g + c else None,
        "at_skew": round((a - t) / (a + t), 4) if a + t else None,
    }


class KmerQuery(BaseModel):
    sequence: str = Field(
        description="DNA sequence, upper case A, C, G, T.",
        min_length=1,
        max_length=_MAX_DNA,
        pattern=_DNA_PATTERN,
        json_schema_extra=port("dna_sequence", samples=_DNA_SAMPLES[:5]),
    )
    k: int = Field(
        description="Word length k (1-12).", ge=1, le=12, json_schema_extra=port("integer", samples=[3, 2, 4, 1, 5])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="k-mer spectrum of a DNA sequence: how many distinct words of length k occur, the most frequent "
    "one (alphabetically first on ties) and its count.",
    outputs={
        "distinct_kmers": Output("count", "the number of distinct {k}-mers in {sequence}"),
        "most_common_kmer": Output("label", "the most frequent {k}-mer in {sequence}"),
        "most_common_count": Output("count", "the count of the most frequent {k}-mer in {sequence}"),
    },
    examples=[{"sequence": "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT", "k": 3}],
)
def dna_kmer_spectrum(p: KmerQuery) -> dict:
    seq = p.sequence
    if p.k > len(seq):
        raise ToolInputError(f"k={p.k} is longer than the sequence ({len(seq)} bases)")
    counts = collections.Counter(seq[i : i + p.k] for i in range(len(seq) - p.k + 1))
    word, n = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return {"distinct_kmers": len(counts), "most_common_kmer": word, "most_common_count": n}


class MotifQuery(BaseModel):
    sequence: str = Field(
        description="DNA sequence to search, upper case.",
        min_length=1,
        max_length=_MAX_DNA,
        pattern=_DNA_PATTERN,
        json_schema_extra=port("dna_sequence", samples=_DNA_SAMPLES[:5]),
    )
    motif: str = Field(
        description="Motif in IUPAC letters (N, R, Y ... allowed), e.g. 'GGNCC'.",
        min_length=1,
        max_length=50,
        pattern=_DNA_PATTERN,
        json_schema_extra=port("dna_sequence", samples=["GG", "CAC", "AA", "TT", "CG"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Find a motif (IUPAC degenerate letters allowed) on the forward strand of a DNA sequence: the "
    "number of occurrences and their 1-based start positions (overlaps counted).",
    outputs={
        "occurrences": Output("count", "the number of occurrences of the motif {motif} in {sequence}"),
        "positions": Output("number_list", "the start positions of the motif {motif} in {sequence}"),
    },
    examples=[{"sequence": "TAATACGACTCACTATAGGG", "motif": "CAC"}],
)
def find_dna_motif(p: MotifQuery) -> dict:
    from Bio.SeqUtils import nt_search

    if len(p.motif) > len(p.sequence):
        raise ToolInputError("the motif is longer than the sequence")
    hits = nt_search(p.sequence, p.motif)[1:]
    return {"occurrences": len(hits), "positions": [h + 1 for h in hits]}


class TwoDna(BaseModel):
    sequence_a: str = Field(
        description="First DNA sequence (A, C, G, T).",
        min_length=1,
        max_length=2000,
        pattern=r"^[ACGT]+$",
        json_schema_extra=port(
            "dna_sequence", samples=["GTAAAACGACGGCCAGT", "TAATACGACTCACTATAGGG", "ATTTAGGTGACACTATAG"]
        ),
    )
    sequence_b: str = Field(
        description="Second DNA sequence (A, C, G, T).",
        min_length=1,
        max_length=2000,
        pattern=r"^[ACGT]+$",
        json_schema_extra=port("dna_sequence", samples=["CAGGAAACAGCTATGAC", "AATTAACCCTCACTAAAGGG", "GCGGCCGC"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Global alignment of two DNA sequences (Biopython PairwiseAligner: match 1, mismatch 0, gaps "
    "-1 open/-0.5 extend): the score, identical positions and percent identity over the shorter sequence.",
    outputs={
        "score": Output("number", "the global alignment score of {sequence_a} and {sequence_b}"),
        "identities": Output("count", "the number of identical aligned bases of {sequence_a} and {sequence_b}"),
        "percent_identity": Output("number", "the percent identity of {sequence_a} and {sequence_b}"),
    },
    examples=[{"sequence_a": "GTAAAACGACGGCCAGT", "sequence_b": "CAGGAAACAGCTATGAC"}],
)
def align_dna(p: TwoDna) -> dict:
    from Bio import Align

    aligner = Align.PairwiseAligner(mode="global", match_score=1, mismatch_score=0)
    aligner.open_gap_score, aligner.extend_gap_score = -1, -0.5
    best = aligner.align(p.sequence_a, p.sequence_b)[0]
    identities = int(best.counts().identities)
    return {
        "score": float(best.score),
        "identities": identities,
        "percent_identity": round(100 * identities / min(len(p.sequence_a), len(p.sequence_b)), 2),
    }


class TwoProteins(BaseModel):
    protein_a: str = Field(
        description="First protein sequence (one-letter codes).",
        min_length=1,
        max_length=1000,
        pattern=_PROTEIN_PATTERN,
        json_schema_extra=port("protein_sequence", samples=_PROTEIN_SAMPLES[:4]),
    )
    protein_b: str = Field(
        description="Second protein sequence (one-letter codes).",
        min_length=1,
        max_length=1000,
        pattern=_PROTEIN_PATTERN,
        json_schema_extra=port("protein_sequence", samples=_PROTEIN_SAMPLES[4:8]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Global alignment of two proteins scored with the BLOSUM62 matrix (gap open -10, extend -0.5): "
    "the score and the percent identity over the shorter sequence.",
    outputs={
        "blosum62_score": Output("number", "the BLOSUM62 alignment score of {protein_a} and {protein_b}"),
        "percent_identity": Output(
            "number", "the percent identity of the aligned proteins {protein_a} and {protein_b}"
        ),
    },
    examples=[{"protein_a": "CYIQNCPLG", "protein_b": "CYFQNCPRG"}],
)
def align_proteins(p: TwoProteins) -> dict:
    from Bio import Align
    from Bio.Align import substitution_matrices

    aligner = Align.PairwiseAligner(mode="global", substitution_matrix=substitution_matrices.load("BLOSUM62"))
    aligner.open_gap_score, aligner.extend_gap_score = -10, -0.5
    best = aligner.align(p.protein_a, p.protein_b)[0]
    identities = int(best.counts().identities)
    return {
        "blosum62_score": float(best.score),
        "percent_identity": round(100 * identities / min(len(p.protein_a), len(p.protein_b)), 2),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="Restriction enzymes that leave ends compatible with a given enzyme's (same overhang, so the "
    "fragments ligate), among the enzymes sold by New England Biolabs.",
    outputs={
        "compatible_count": Output("count", "the number of NEB enzymes giving ends compatible with {enzyme}"),
        "compatible_enzymes": Output("string_list", "the NEB enzymes giving ends compatible with {enzyme}"),
        "first_compatible": Output("restriction_enzyme", "the first NEB enzyme giving ends compatible with {enzyme}"),
    },
    examples=[{"enzyme": "BamHI"}, {"enzyme": "XhoI"}],
)
def compatible_end_enzymes(p: Enzyme) -> dict:
    from Bio.Restriction import RestrictionBatch

    from tool_catalog.domains.science import _neb_enzymes

    enz = _enzyme(p.enzyme)
    if enz.is_unknown():
        raise ToolInputError(f"REBASE does not record the ends {p.enzyme} leaves, so no compatible ends are known")
    batch = RestrictionBatch(list(_neb_enzymes()))
    names = sorted(str(e) for e in enz.compatible_end(batch=batch) if str(e) != p.enzyme)
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
        max_length=_MAX_DNA,
        pattern=r"^[ACGT]+$",
        json_schema_extra=port("dna_sequence", samples=[_DNA_SAMPLES[0]] * 5),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Double digest of a linear DNA sequence with two restriction enzymes: the number of cuts and the "
    "fragment lengths in order.",
    outputs={
        "cut_count": Output("count", "the number of cuts by {enzyme_a} and {enzyme_b} in {sequence}"),
        "fragment_lengths": Output(
            "number_list", "the fragment lengths of {sequence} digested with {enzyme_a} and {enzyme_b}"
        ),
        "smallest_fragment": Output(
            "count", "the smallest fragment of {sequence} digested with {enzyme_a} and {enzyme_b}"
        ),
    },
    examples=[{"enzyme_a": "EcoRI", "enzyme_b": "HindIII", "sequence": _DNA_SAMPLES[0]}],
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


class CodonQuery(BaseModel):
    codon: str = Field(
        description="A codon of three DNA bases, e.g. 'TGA'.",
        pattern=r"^[ACGT]{3}$",
        json_schema_extra=port("codon", samples=["TGA", "ATG", "AGA", "ATA", "CTG"]),
    )
    table: int = Field(
        description="NCBI genetic code table number: 1 standard, 2 vertebrate mitochondrial, 11 bacterial ...",
        ge=1,
        le=33,
        json_schema_extra=port("codon_table_id", samples=[2, 1, 2, 5, 11]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="What a codon means in an NCBI genetic code: the amino acid it encodes (or stop), and whether it "
    "is a start codon there.",
    outputs={
        "amino_acid": Output("amino_acid", "the amino acid encoded by {codon} in {table}"),
        "is_stop": Output("boolean", "whether {codon} is a stop codon in {table}"),
        "is_start": Output("boolean", "whether {codon} is a start codon in {table}"),
    },
    examples=[{"codon": "TGA", "table": 2}, {"codon": "TGA", "table": 1}],
)
def codon_meaning(p: CodonQuery) -> dict:
    table = _codon_table(p.table)
    return {
        "amino_acid": table.forward_table.get(p.codon),
        "is_stop": p.codon in table.stop_codons,
        "is_start": p.codon in table.start_codons,
    }


class CodonUsage(BaseModel):
    sequence: str = Field(
        description="Coding DNA sequence read in frame from its first base (A, C, G, T).",
        min_length=3,
        max_length=_MAX_DNA,
        pattern=r"^[ACGT]+$",
        json_schema_extra=port(
            "dna_sequence",
            samples=[
                "ATGGCCATTGTAATGGGCCGCTGA",
                "ATGAAACGCATTAGCACCACCATTACCACCACCATCACCATTACCACAGGTAACGGTGCGGGCTGA",
                "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT",
                "ATGGCTAGCTAA",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Codon usage of an in-frame coding sequence: the number of codons, distinct codons used, and the "
    "most frequent codon (alphabetically first on ties).",
    outputs={
        "codon_count": Output("count", "the number of codons in {sequence}"),
        "distinct_codons": Output("count", "the number of distinct codons used in {sequence}"),
        "most_common_codon": Output("codon", "the most frequent codon in {sequence}"),
    },
    examples=[{"sequence": "ATGGCCATTGTAATGGGCCGCTGA"}],
)
def codon_usage(p: CodonUsage) -> dict:
    codons = [p.sequence[i : i + 3] for i in range(0, len(p.sequence) - 2, 3)]
    counts = collections.Counter(codons)
    best = min(counts.items(), key=lambda item: (-item[1], item[0]))[0]
    return {"codon_count": len(codons), "distinct_codons": len(counts), "most_common_codon": best}


class TablePair(BaseModel):
    table_a: int = Field(
        description="First NCBI genetic code table number.",
        ge=1,
        le=33,
        json_schema_extra=port("codon_table_id", samples=[1, 1, 2, 11, 1]),
    )
    table_b: int = Field(
        description="Second NCBI genetic code table number.",
        ge=1,
        le=33,
        json_schema_extra=port("codon_table_id", samples=[2, 5, 5, 4, 6]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Codons read differently by two NCBI genetic codes (different amino acid, or stop in one only): "
    "how many and which.",
    outputs={
        "difference_count": Output(
            "count", "the number of codons read differently by genetic codes {table_a} and {table_b}"
        ),
        "codons": Output("string_list", "the codons read differently by genetic codes {table_a} and {table_b}"),
    },
    examples=[{"table_a": 1, "table_b": 2}],
)
def codon_table_differences(p: TablePair) -> dict:
    if p.table_a == p.table_b:
        raise ToolInputError("the two genetic code tables are the same")
    a, b = _codon_table(p.table_a), _codon_table(p.table_b)
    codons = sorted({*a.forward_table, *a.stop_codons, *b.forward_table, *b.stop_codons})
    diff = [c for c in codons if a.forward_table.get(c, "*") != b.forward_table.get(c, "*")]
    return {"difference_count": len(diff), "codons": diff}


class SaltTm(BaseModel):
    sequence: str = Field(
        description="Primer or oligo sequence (A, C, G, T), 8-60 bases.",
        min_length=8,
        max_length=60,
        pattern=r"^[ACGT]+$",
        json_schema_extra=port("dna_sequence", samples=_DNA_SAMPLES[1:6]),
    )
    sodium_mm: float = Field(
        description="Sodium concentration in mM.",
        gt=0,
        le=2000,
        json_schema_extra=port("number", samples=[50, 100, 10, 200, 150]),
    )
    magnesium_mm: float = Field(
        description="Magnesium concentration in mM (0 for none).",
        ge=0,
        le=100,
        json_schema_extra=port("number", samples=[1.5, 0, 2.5, 0, 3]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Nearest-neighbour melting temperature of an oligo (Biopython Tm_NN, SantaLucia 2004 tables) at "
    "given sodium and magnesium concentrations, as for a PCR buffer.",
    outputs={
        "tm_celsius": Output(
            "number", "the melting temperature in C of {sequence} with {sodium_mm} mM Na+ and {magnesium_mm} mM Mg2+"
        ),
    },
    examples=[{"sequence": "TAATACGACTCACTATAGGG", "sodium_mm": 50, "magnesium_mm": 1.5}],
)
def primer_tm_in_buffer(p: SaltTm) -> dict:
    from Bio.SeqUtils import MeltingTemp

    return {"tm_celsius": round(float(MeltingTemp.Tm_NN(p.sequence, Na=p.sodium_mm, Mg=p.magnesium_mm)), 2)}


# --- proteins ------------------------------------------------------------------------------------------------


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Predicted secondary-structure propensity of a protein (ProtParam: fractions of residues favouring "
    "helix V I Y F W L, turn N P G S, sheet E M A L) and its mean flexibility (Vihinen scale).",
    outputs={
        "helix_fraction": Output("number", "the helix-favouring fraction of {protein}"),
        "turn_fraction": Output("number", "the turn-favouring fraction of {protein}"),
        "sheet_fraction": Output("number", "the sheet-favouring fraction of {protein}"),
    },
    examples=[{"protein": "HSQGTFTSDYSKYLDSRRAQDFVQWLMNT"}],
)
def protein_structure_propensity(p: ProteinSequence) -> dict:
    from Bio.SeqUtils.ProtParam import ProteinAnalysis

    helix, turn, sheet = ProteinAnalysis(p.protein).secondary_structure_fraction()
    return {"helix_fraction": round(helix, 4), "turn_fraction": round(turn, 4), "sheet_fraction": round(sheet, 4)}


class ProteinAtPh(BaseModel):
    protein: str = Field(
        description="Protein sequence in one-letter codes.",
        min_length=1,
        max_length=5000,
        pattern=_PROTEIN_PATTERN,
        json_schema_extra=port("protein_sequence", samples=_PROTEIN_SAMPLES[:5]),
    )
    ph: float = Field(
        description="pH, 0-14.", ge=0, le=14, json_schema_extra=port("number", samples=[7.4, 5.0, 8.5, 3.0, 10.0])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Net charge of a protein at a pH (ProtParam, Bjellqvist pK values), and whether it is above or "
    "below its isoelectric point there.",
    outputs={
        "net_charge": Output("number", "the net charge of {protein} at pH {ph}"),
        "above_isoelectric_point": Output("boolean", "whether pH {ph} is above the isoelectric point of {protein}"),
    },
    examples=[{"protein": "DRVYIHPF", "ph": 7.4}],
)
def protein_charge_at_ph(p: ProteinAtPh) -> dict:
    from Bio.SeqUtils.ProtParam import ProteinAnalysis

    analysis = ProteinAnalysis(p.protein)
    return {
        "net_charge": round(analysis.charge_at_pH(p.ph), 4),
        "above_isoelectric_point": p.ph > analysis.isoelectric_point(),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="A protein written with three-letter amino-acid codes, and its monoisotopic mass (Da).",
    outputs={
        "three_letter": Output("label", "{protein} written in three-letter amino-acid codes"),
        "monoisotopic_mass": Output("number", "the monoisotopic mass in Da of {protein}"),
    },
    examples=[{"protein": "DRVYIHPF"}],
)
def protein_three_letter(p: ProteinSequence) -> dict:
    from Bio.SeqUtils import molecular_weight, seq3

    return {
        "three_letter": seq3(p.protein),
        "monoisotopic_mass": round(molecular_weight(p.protein, seq_type="protein", monoisotopic=True), 4),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Codon degeneracy of a protein under the standard genetic code: how many different DNA sequences "
    "encode it (the product of each residue's codon count) and the length in bases of a coding sequence with "
    "its stop codon.",
    outputs={
        "encoding_sequences": Output("number", "the number of DNA sequences encoding {protein} in the standard code"),
        "coding_length": Output("count", "the length in bases of a coding sequence for {protein} including the stop"),
    },
    examples=[{"protein": "DRVYIHPF"}],
)
def protein_codon_degeneracy(p: ProteinSequence) -> dict:
    table = _codon_table(1)
    per_residue = collections.Counter(table.forward_table.values())
    total = 1
    for residue in p.protein:
        total *= per_residue[residue]
    return {"encoding_sequences": float(total), "coding_length": 3 * len(p.protein) + 3}


# --- astronomy (ephem) -------------------------------------------------------------------------------------------


def _observer(latitude: float, longitude: float, when: Any) -> Any:
    import ephem

    obs = ephem.Observer()
    obs.lat, obs.lon = math.radians(latitude), math.radians(longitude)
    obs.date = when
    return obs


def _observer_latitude(limit: int = 90) -> Any:
    return Field(
        description="Observer latitude in decimal degrees.",
        ge=-limit,
        le=limit,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=[51.5074, 40.7128, -33.8688, 35.6762, 48.8566]),
    )


_NIGHT_SKY_TIMES = ["2025-01-01T22:00", "2024-08-12T02:00", "2025-03-20T20:30", "2024-12-24T23:00", "2025-06-21T21:00"]
_DAYTIME_TIMES = ["2025-06-21T12:00", "2025-03-20T16:00", "2025-01-01T01:00", "2025-06-21T03:00", "2025-09-22T12:00"]


def _utc_instant(samples: list[str]) -> Any:
    return Field(
        description="Instant in UTC as YYYY-MM-DDTHH:MM.",
        pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$",
        json_schema_extra=port("datetime", samples=samples),
    )


def _observer_longitude() -> Any:
    return Field(
        description="Observer longitude in decimal degrees.",
        ge=-180,
        le=180,
        allow_inf_nan=False,
        json_schema_extra=port("longitude", samples=[-0.1278, -74.006, 151.2093, 139.6503, 2.3522]),
    )


class BodyAtPlace(BaseModel):
    body: str = Field(
        description="Sun, Moon, Mercury, Venus, Mars, Jupiter, Saturn, Uranus, Neptune or Pluto.",
        pattern=r"^[A-Z][a-z]{2,7}$",
        json_schema_extra=port("celestial_body", samples=["Mars", "Jupiter", "Venus", "Saturn", "Moon"]),
    )
    latitude: float = _observer_latitude(66)
    longitude: float = _observer_longitude()
    date: str = _date_field("Date (YYYY-MM-DD); the search starts at 00:00 UT.")


_AT = "{body} seen from {latitude}, {longitude} after 00:00 UT on {date}"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Next rising, transit (highest point) and setting of a solar-system body for an observer, in UTC, "
    "searched from 00:00 UT on a date, with its altitude at transit.",
    outputs={
        "rise": Output("datetime", f"the next rising of {_AT}"),
        "transit": Output("datetime", f"the next transit of {_AT}"),
        "set": Output("datetime", f"the next setting of {_AT}"),
        "transit_altitude_deg": Output("number", f"the altitude in degrees at the next transit of {_AT}"),
    },
    examples=[{"body": "Mars", "latitude": 51.5074, "longitude": -0.1278, "date": "2025-01-01"}],
)
def body_rise_set(p: BodyAtPlace) -> dict:
    import ephem

    if p.body not in _BODIES:
        raise ToolInputError(f"unknown body {p.body!r}; expected one of {', '.join(_BODIES)}")
    obs = _observer(p.latitude, p.longitude, _ephem_date(_date(p.date)))
    body = getattr(ephem, p.body)()
    try:
        rise, transit, setting = obs.next_rising(body), obs.next_transit(body), obs.next_setting(body)
    except (ephem.AlwaysUpError, ephem.NeverUpError):
        raise ToolInputError(f"{p.body} does not rise and set there on {p.date}") from None
    obs.date = transit
    body.compute(obs)
    return {
        "rise": _minute(rise),
        "transit": _minute(transit),
        "set": _minute(setting),
        "transit_altitude_deg": round(math.degrees(float(body.alt)), 2),
    }


class AstroDate(BaseModel):
    date: str = _date_field("Date (YYYY-MM-DD); the search starts at 00:00 UT.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="The next March and September equinoxes and June and December solstices after a date (UTC dates).",
    outputs={
        "march_equinox": Output("date", "the date of the next March equinox after {date}"),
        "june_solstice": Output("date", "the date of the next June solstice after {date}"),
        "september_equinox": Output("date", "the date of the next September equinox after {date}"),
        "december_solstice": Output("date", "the date of the next December solstice after {date}"),
    },
    examples=[{"date": "2025-01-01"}],
)
def equinoxes_and_solstices(p: AstroDate) -> dict:
    import ephem

    start = _ephem_date(_date(p.date))

    def day(value: Any) -> str:
        return value.datetime().date().isoformat()

    return {
        "march_equinox": day(ephem.next_vernal_equinox(start)),
        "june_solstice": day(ephem.next_summer_solstice(start)),
        "september_equinox": day(ephem.next_autumnal_equinox(start)),
        "december_solstice": day(ephem.next_winter_solstice(start)),
    }


class BodyPair(BaseModel):
    body_a: str = Field(
        description="First body (Sun, Moon or a planet).",
        pattern=r"^[A-Z][a-z]{2,7}$",
        json_schema_extra=port("celestial_body", samples=["Venus", "Mars", "Moon", "Jupiter", "Sun"]),
    )
    body_b: str = Field(
        description="Second body (Sun, Moon or a planet).",
        pattern=r"^[A-Z][a-z]{2,7}$",
        json_schema_extra=port("celestial_body", samples=["Jupiter", "Saturn", "Venus", "Moon", "Mercury"]),
    )
    date: str = _date_field("Date (YYYY-MM-DD), at 00:00 UT.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Angular separation in the sky between two solar-system bodies seen from the Earth's centre at "
    "00:00 UT on a date (close pairs are conjunctions).",
    outputs={
        "separation_deg": Output(
            "number", "the angular separation in degrees between {body_a} and {body_b} at 00:00 UT on {date}"
        ),
    },
    examples=[{"body_a": "Venus", "body_b": "Jupiter", "date": "2023-03-02"}],
)
def body_separation(p: BodyPair) -> dict:
    import ephem

    for name in (p.body_a, p.body_b):
        if name not in _BODIES:
            raise ToolInputError(f"unknown body {name!r}; expected one of {', '.join(_BODIES)}")
    if p.body_a == p.body_b:
        raise ToolInputError("the two bodies are the same")
    when = _ephem_date(_date(p.date))
    a, b = getattr(ephem, p.body_a)(), getattr(ephem, p.body_b)()
    a.compute(when)
    b.compute(when)
    return {"separation_deg": round(math.degrees(float(ephem.separation(a, b))), 4)}


class PlanetOnDate(BaseModel):
    body: str = Field(
        description="A planet: Mercury, Venus, Mars, Jupiter, Saturn, Uranus, Neptune or Pluto.",
        pattern=r"^[A-Z][a-z]{2,7}$",
        json_schema_extra=port("celestial_body", samples=["Mars", "Jupiter", "Venus", "Saturn", "Neptune"]),
    )
    date: str = _date_field()


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Heliocentric position of a planet at 00:00 UT on a date: distance from the Sun (AU), ecliptic "
    "heliocentric longitude and latitude (degrees), and light travel time from it to Earth in minutes.",
    outputs={
        "sun_distance_au": Output("number", "the distance in AU from the Sun to {body} at 00:00 UT on {date}"),
        "helio_longitude_deg": Output("number", "the heliocentric ecliptic longitude of {body} at 00:00 UT on {date}"),
        "light_minutes_to_earth": Output(
            "number", "the light travel time in minutes from {body} to Earth at 00:00 UT on {date}"
        ),
    },
    examples=[{"body": "Mars", "date": "2025-01-01"}],
)
def planet_heliocentric(p: PlanetOnDate) -> dict:
    import ephem

    if p.body not in _BODIES or p.body in ("Sun", "Moon"):
        raise ToolInputError(f"{p.body!r} is not a planet (Mercury ... Pluto)")
    body = getattr(ephem, p.body)()
    body.compute(_ephem_date(_date(p.date)))
    return {
        "sun_distance_au": round(float(body.sun_distance), 6),
        "helio_longitude_deg": round(math.degrees(float(body.hlon)), 4),
        "light_minutes_to_earth": round(float(body.earth_distance) * 149597870.7 / 299792.458 / 60, 3),
    }


class PlaceTime(BaseModel):
    latitude: float = _observer_latitude(90)
    longitude: float = _observer_longitude()
    datetime_utc: str = _utc_instant(_NIGHT_SKY_TIMES)


def _instant(text: str) -> Any:
    try:
        moment = dt.datetime.strptime(text, "%Y-%m-%dT%H:%M")
    except ValueError:
        raise ToolInputError(f"{text!r} is not a valid date and time (YYYY-MM-DDTHH:MM)") from None
    _date(text[:10])
    return _ephem_date(moment.date(), moment.hour + moment.minute / 60)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Local apparent sidereal time at a longitude and UTC instant (the right ascension on the meridian), "
    "as hours:minutes:seconds and decimal hours.",
    outputs={
        "sidereal_time": Output(
            "label", "the local sidereal time at {longitude} (seen from {latitude}) at {datetime_utc} UTC"
        ),
        "sidereal_hours": Output(
            "number",
            "the local sidereal time in hours at {longitude} (seen from {latitude}) at {datetime_utc} UTC",
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "datetime_utc": "2025-01-01T22:00"}],
)
def local_sidereal_time(p: PlaceTime) -> dict:
    obs = _observer(p.latitude, p.longitude, _instant(p.datetime_utc))
    lst = obs.sidereal_time()
    return {"sidereal_time": str(lst).split(".")[0], "sidereal_hours": round(math.degrees(float(lst)) / 15, 5)}


class StarAtPlace(BaseModel):
    star: str = Field(
        description="Name of a bright star in ephem's catalogue, e.g. 'Sirius'.",
        pattern=r"^[A-Z][A-Za-z ]{2,30}$",
        json_schema_extra=port("star_name", samples=["Sirius", "Vega", "Betelgeuse", "Polaris", "Antares"]),
    )
    latitude: float = _observer_latitude(90)
    longitude: float = _observer_longitude()
    datetime_utc: str = _utc_instant(_NIGHT_SKY_TIMES)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Where a bright star stands in the sky for an observer at a UTC instant: altitude and azimuth "
    "(degrees), and whether it is above the horizon.",
    outputs={
        "altitude_deg": Output(
            "number", "the altitude of {star} seen from {latitude}, {longitude} at {datetime_utc} UTC"
        ),
        "azimuth_deg": Output(
            "number", "the azimuth of {star} seen from {latitude}, {longitude} at {datetime_utc} UTC"
        ),
        "is_visible": Output(
            "boolean", "whether {star} is above the horizon at {latitude}, {longitude} at {datetime_utc} UTC"
        ),
    },
    examples=[{"star": "Sirius", "latitude": 51.5074, "longitude": -0.1278, "datetime_utc": "2025-01-01T22:00"}],
)
def star_altitude(p: StarAtPlace) -> dict:
    import ephem
    import ephem.stars

    if p.star not in _star_catalog():
        raise ToolInputError(f"{p.star!r} is not in ephem's bright-star catalogue")
    obs = _observer(p.latitude, p.longitude, _instant(p.datetime_utc))
    star = ephem.star(p.star)
    star.compute(obs)
    alt = math.degrees(float(star.alt))
    return {"altitude_deg": round(alt, 2), "azimuth_deg": round(math.degrees(float(star.az)), 2), "is_visible": alt > 0}


class StarLatitude(BaseModel):
    star: str = Field(
        description="Name of a bright star in ephem's catalogue, e.g. 'Canopus'.",
        pattern=r"^[A-Z][A-Za-z ]{2,30}$",
        json_schema_extra=port("star_name", samples=["Canopus", "Polaris", "Sirius", "Acrux", "Vega"]),
    )
    latitude: float = _observer_latitude(90)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Visibility of a star from a latitude (J2000 declination): whether it is circumpolar (never sets), "
    "never rises, or rises and sets, and its greatest altitude at culmination.",
    outputs={
        "visibility": Output("label", "whether {star} is circumpolar, rises and sets, or never rises at {latitude}"),
        "max_altitude_deg": Output("number", "the greatest altitude in degrees of {star} at {latitude}"),
    },
    examples=[{"star": "Canopus", "latitude": 51.5074}, {"star": "Polaris", "latitude": 40.7128}],
)
def star_visibility(p: StarLatitude) -> dict:
    catalog = _star_catalog()
    if p.star not in catalog:
        raise ToolInputError(f"{p.star!r} is not in ephem's bright-star catalogue")
    dec = math.degrees(catalog[p.star][3])
    if p.latitude * dec > 0 and abs(dec) >= 90 - abs(p.latitude):
        visibility = "circumpolar"
    elif p.latitude * dec < 0 and abs(dec) >= 90 - abs(p.latitude):
        visibility = "never rises"
    else:
        visibility = "rises and sets"
    return {"visibility": visibility, "max_altitude_deg": round(90 - abs(p.latitude - dec), 2)}


class StarPair(BaseModel):
    star_a: str = Field(
        description="First bright star.",
        pattern=r"^[A-Z][A-Za-z ]{2,30}$",
        json_schema_extra=port("star_name", samples=["Sirius", "Vega", "Betelgeuse", "Dubhe", "Antares"]),
    )
    star_b: str = Field(
        description="Second bright star.",
        pattern=r"^[A-Z][A-Za-z ]{2,30}$",
        json_schema_extra=port("star_name", samples=["Procyon", "Deneb", "Rigel", "Merak", "Spica"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Angular separation in degrees between two bright stars at J2000 (e.g. the pointer stars).",
    outputs={"separation_deg": Output("number", "the angular separation in degrees between {star_a} and {star_b}")},
    examples=[{"star_a": "Dubhe", "star_b": "Merak"}],
)
def star_separation(p: StarPair) -> dict:
    import ephem

    catalog = _star_catalog()
    for name in (p.star_a, p.star_b):
        if name not in catalog:
            raise ToolInputError(f"{name!r} is not in ephem's bright-star catalogue")
    if p.star_a == p.star_b:
        raise ToolInputError("the two stars are the same")
    a, b = catalog[p.star_a], catalog[p.star_b]
    return {"separation_deg": round(math.degrees(float(ephem.separation((a[2], a[3]), (b[2], b[3])))), 4)}


class SkyPoint(BaseModel):
    ra_hours: float = Field(
        description="Right ascension in hours (0-24), J2000.",
        ge=0,
        lt=24,
        json_schema_extra=port("number", samples=[5.5, 18.6, 12.0, 0.7, 20.7]),
    )
    dec_degrees: float = Field(
        description="Declination in degrees (-90 to 90), J2000.",
        ge=-90,
        le=90,
        json_schema_extra=port("number", samples=[0.0, 38.8, -60.0, 41.3, 45.3]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="ephem",
    description="The IAU constellation containing a point of the sky given by J2000 right ascension and declination.",
    outputs={
        "constellation": Output(
            "constellation", "the constellation at right ascension {ra_hours} h, declination {dec_degrees} deg"
        ),
        "abbreviation": Output(
            "label", "the IAU abbreviation of the constellation at RA {ra_hours} h, Dec {dec_degrees} deg"
        ),
    },
    examples=[{"ra_hours": 5.5, "dec_degrees": 0.0}],
)
def constellation_at(p: SkyPoint) -> dict:
    import ephem

    abbreviation, name = ephem.constellation((math.radians(p.ra_hours * 15), math.radians(p.dec_degrees)), epoch="2000")
    return {"constellation": name, "abbreviation": abbreviation}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="The Moon on a date at 00:00 UT: its age in days since the last new moon, the illuminated "
    "percentage, and its distance from Earth in km.",
    outputs={
        "age_days": Output("number", "the age in days of the Moon at 00:00 UT on {date}"),
        "illumination_pct": Output("number", "the illuminated percentage of the Moon at 00:00 UT on {date}"),
        "distance_km": Output("number", "the Earth-Moon distance in km at 00:00 UT on {date}"),
    },
    examples=[{"date": "2024-04-08"}],
)
def moon_age(p: AstroDate) -> dict:
    import ephem

    when = _ephem_date(_date(p.date))
    moon = ephem.Moon(when)
    previous = ephem.previous_new_moon(when)
    return {
        "age_days": round(float(when - previous), 3),
        "illumination_pct": round(float(moon.phase), 2),
        "distance_km": round(float(moon.earth_distance) * 149597870.7, 0),
    }


class JulianDay(BaseModel):
    julian_date: float = Field(
        description="Julian Date (days since noon 1 Jan 4713 BC), e.g. 2460676.5.",
        ge=2415020.5,
        le=2488069.5,
        json_schema_extra=port("number", samples=[2460676.5, 2451545.0, 2440587.5, 2459580.5, 2460000.0]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Convert a Julian Date to the UTC calendar date and time and the day of the week.",
    outputs={
        "date": Output("date", "the calendar date of Julian Date {julian_date}"),
        "utc_time": Output("label", "the UTC time of day of Julian Date {julian_date}"),
        "weekday": Output("weekday", "the day of the week of Julian Date {julian_date}"),
    },
    examples=[{"julian_date": 2451545.0}],
)
def julian_date_to_calendar(p: JulianDay) -> dict:
    import ephem

    moment = ephem.Date(p.julian_date - 2415020.0).datetime()
    return {
        "date": moment.date().isoformat(),
        "utc_time": moment.strftime("%H:%M:%S"),
        "weekday": moment.strftime("%A"),
    }


# --- physics (CODATA via scipy.constants) ------------------------------------------------------------------------


class Wavelength(BaseModel):
    wavelength_nm: float = Field(
        description="Wavelength in nanometres.",
        gt=0,
        le=1e12,
        json_schema_extra=port("number", samples=[532, 650, 405, 1064, 121.6]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Energy and frequency of a photon of a given wavelength (E = hc/lambda, CODATA constants from "
    "scipy), in eV, joules and terahertz, and its wavenumber.",
    outputs={
        "energy_ev": Output("number", "the energy in eV of a {wavelength_nm} nm photon"),
        "energy_j": Output("number", "the energy in joules of a {wavelength_nm} nm photon"),
        "frequency_thz": Output("number", "the frequency in THz of {wavelength_nm} nm light"),
        "wavenumber_cm": Output("number", "the wavenumber in 1/cm of {wavelength_nm} nm light"),
    },
    examples=[{"wavelength_nm": 532}],
)
def photon_energy(p: Wavelength) -> dict:
    from scipy import constants as c

    lam = p.wavelength_nm * 1e-9
    energy = c.h * c.c / lam
    return {
        "energy_ev": float(f"{energy / c.e:.6g}"),
        "energy_j": float(f"{energy:.6g}"),
        "frequency_thz": float(f"{c.c / lam / 1e12:.6g}"),
        "wavenumber_cm": float(f"{1 / (lam * 100):.6g}"),
    }


class BodyTemperature(BaseModel):
    temperature_k: float = Field(
        description="Temperature of the black body in kelvin.",
        gt=0,
        le=1e9,
        json_schema_extra=port("temperature_k", samples=[5772, 3000, 310, 2.725, 10000]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Black-body radiation at a temperature: Wien peak wavelength (nm), total radiant exitance "
    "(Stefan-Boltzmann, W/m2) and peak frequency (GHz), with CODATA constants.",
    outputs={
        "peak_wavelength_nm": Output("number", "the Wien peak wavelength in nm of a black body at {temperature_k}"),
        "radiant_exitance_w_m2": Output("number", "the radiant exitance in W/m2 of a black body at {temperature_k}"),
        "peak_frequency_ghz": Output("number", "the peak frequency in GHz of a black body at {temperature_k}"),
    },
    examples=[{"temperature_k": 5772}],
)
def black_body(p: BodyTemperature) -> dict:
    from scipy import constants as c

    wien_b = c.physical_constants["Wien wavelength displacement law constant"][0]
    wien_nu = c.physical_constants["Wien frequency displacement law constant"][0]
    return {
        "peak_wavelength_nm": float(f"{wien_b / p.temperature_k * 1e9:.6g}"),
        "radiant_exitance_w_m2": float(f"{c.Stefan_Boltzmann * p.temperature_k**4:.6g}"),
        "peak_frequency_ghz": float(f"{wien_nu * p.temperature_k / 1e9:.6g}"),
    }


class UnitName(BaseModel):
    unit: str = Field(
        description="A unit or compound unit understood by Pint, e.g. 'kWh', 'mile/hour', 'psi'.",
        pattern=_UNIT_PATTERN,
        max_length=60,
        json_schema_extra=port("unit", samples=["kWh", "mile/hour", "psi", "calorie", "light_year"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="Pint",
    description="Express a unit in SI base units (Pint): the factor, the base-unit expression and the physical "
    "dimension, e.g. kWh = 3600000 kg m^2/s^2, [energy].",
    outputs={
        "si_factor": Output("number", "the value in SI base units of one {unit}"),
        "si_units": Output("label", "the SI base units of {unit}"),
        "dimensionality": Output("label", "the physical dimension of {unit}"),
    },
    examples=[{"unit": "kWh"}, {"unit": "mile/hour"}],
)
def unit_in_si(p: UnitName) -> dict:
    unit = _pint_unit(p.unit, "unit")
    base = (1 * unit).to_base_units()
    return {
        "si_factor": float(f"{base.magnitude:.10g}"),
        "si_units": f"{base.units:~}",
        "dimensionality": str(base.dimensionality),
    }


# --- earth science -----------------------------------------------------------------------------------------


class LatitudeHeight(BaseModel):
    latitude: float = Field(
        description="Geodetic latitude in degrees.",
        ge=-90,
        le=90,
        allow_inf_nan=False,
        json_schema_extra=port("latitude", samples=[51.5074, 0.0, -33.8688, 90.0, 45.0]),
    )
    height_m: float = Field(
        description="Height above the ellipsoid in metres.",
        ge=-500,
        le=100000,
        json_schema_extra=port("number", samples=[0, 1000, 8848, 35, 100]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="WGS84 normal gravity at a latitude and height (Somigliana's formula with the free-air "
    "correction), and the geocentric radius of the ellipsoid at that latitude.",
    outputs={
        "gravity_m_s2": Output("number", "the normal gravity in m/s2 at {latitude} and {height_m} m"),
        "geocentric_radius_km": Output(
            "number", "the WGS84 geocentric radius in km at {latitude} (height {height_m} m)"
        ),
    },
    examples=[{"latitude": 45.0, "height_m": 0}],
)
def normal_gravity(p: LatitudeHeight) -> dict:
    a, b = 6378137.0, 6356752.314245
    ge, k, e2 = 9.7803253359, 0.00193185265241, 0.00669437999013
    s2 = math.sin(math.radians(p.latitude)) ** 2
    g0 = ge * (1 + k * s2) / math.sqrt(1 - e2 * s2)
    m = 0.00344978650684
    f = 1 / 298.257223563
    g = g0 * (1 - 2 / a * (1 + f + m - 2 * f * s2) * p.height_m + 3 / a**2 * p.height_m**2)
    phi = math.radians(p.latitude)
    num = (a**2 * math.cos(phi)) ** 2 + (b**2 * math.sin(phi)) ** 2
    den = (a * math.cos(phi)) ** 2 + (b * math.sin(phi)) ** 2
    return {"gravity_m_s2": round(g, 6), "geocentric_radius_km": round(math.sqrt(num / den) / 1000, 4)}


class Altitude(BaseModel):
    altitude_m: float = Field(
        description="Geopotential altitude in metres, -500 to 32000.",
        ge=-500,
        le=32000,
        json_schema_extra=port("number", samples=[0, 1500, 8848, 11000, 20000]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="US Standard Atmosphere 1976 at an altitude up to 32 km: temperature (K), pressure (Pa), density "
    "(kg/m3) and the speed of sound (m/s).",
    outputs={
        "temperature_k": Output("temperature_k", "the standard-atmosphere temperature in K at {altitude_m} m"),
        "pressure_pa": Output("number", "the standard-atmosphere pressure in Pa at {altitude_m} m"),
        "density_kg_m3": Output("number", "the standard-atmosphere air density in kg/m3 at {altitude_m} m"),
        "speed_of_sound_m_s": Output(
            "number", "the speed of sound in m/s at {altitude_m} m in the standard atmosphere"
        ),
    },
    examples=[{"altitude_m": 1500}],
)
def standard_atmosphere(p: Altitude) -> dict:
    g0, r_air, m = 9.80665, 8.31446261815324, 0.0289644
    layers = [(0.0, 288.15, 101325.0, -0.0065), (11000.0, 216.65, 22632.06, 0.0), (20000.0, 216.65, 5474.889, 0.001)]
    base_h, base_t, base_p, lapse = next(
        layer for layer in reversed(layers) if p.altitude_m >= layer[0] or layer[0] == 0
    )
    dh = p.altitude_m - base_h
    t = base_t + lapse * dh
    if lapse == 0:
        pressure = base_p * math.exp(-g0 * m * dh / (r_air * base_t))
    else:
        pressure = base_p * (base_t / t) ** (g0 * m / (r_air * lapse))
    density = pressure * m / (r_air * t)
    return {
        "temperature_k": round(t, 3),
        "pressure_pa": round(pressure, 2),
        "density_kg_m3": round(density, 5),
        "speed_of_sound_m_s": round(math.sqrt(1.4 * r_air / m * t), 2),
    }


class Humidity(BaseModel):
    temperature_c: float = Field(
        description="Air temperature in degrees Celsius.",
        ge=-40,
        le=60,
        json_schema_extra=port("number", samples=[25, 30, 10, 35, 0]),
    )
    relative_humidity: float = Field(
        description="Relative humidity in percent.",
        gt=0,
        le=100,
        json_schema_extra=port("number", samples=[60, 80, 40, 50, 90]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Dew point (Magnus formula, Alduchov-Eskridge coefficients) and the NWS heat index (Rothfusz "
    "regression, in C) of air at a temperature and relative humidity.",
    outputs={
        "dew_point_c": Output(
            "number", "the dew point in C of air at {temperature_c} C and {relative_humidity}% humidity"
        ),
        "heat_index_c": Output(
            "number", "the heat index in C of air at {temperature_c} C and {relative_humidity}% humidity"
        ),
    },
    examples=[{"temperature_c": 30, "relative_humidity": 60}],
)
def dew_point_and_heat_index(p: Humidity) -> dict:
    a, b = 17.625, 243.04
    gamma = math.log(p.relative_humidity / 100) + a * p.temperature_c / (b + p.temperature_c)
    dew = b * gamma / (a - gamma)
    tf, rh = p.temperature_c * 9 / 5 + 32, p.relative_humidity
    hi = 0.5 * (tf + 61.0 + (tf - 68.0) * 1.2 + rh * 0.094)
    if (hi + tf) / 2 >= 80:
        hi = (
            -42.379
            + 2.04901523 * tf
            + 10.14333127 * rh
            - 0.22475541 * tf * rh
            - 0.00683783 * tf * tf
            - 0.05481717 * rh * rh
            + 0.00122874 * tf * tf * rh
            + 0.00085282 * tf * rh * rh
            - 0.00000199 * tf * tf * rh * rh
        )
    return {"dew_point_c": round(dew, 2), "heat_index_c": round((hi - 32) * 5 / 9, 2)}


# --- statistics (scipy.stats) ---------------------------------------------------------------------------------


class NormalQuery(BaseModel):
    mean: float = Field(
        description="Mean of the normal distribution.",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", samples=[100, 0, 70, 500, 1.75]),
    )
    sd: float = Field(
        description="Standard deviation (> 0).",
        gt=0,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", samples=[15, 1, 10, 100, 0.07]),
    )
    x: float = Field(
        description="Value to evaluate.",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", samples=[130, 1.96, 85, 350, 1.9]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="A value under a normal distribution: its z-score, the cumulative probability P(X <= x), the upper "
    "tail P(X > x) and the density.",
    outputs={
        "z_score": Output("number", "the z-score of {x} under a normal distribution with mean {mean} and sd {sd}"),
        "cdf": Output("number", "P(X <= {x}) for a normal distribution with mean {mean} and sd {sd}"),
        "upper_tail": Output("number", "P(X > {x}) for a normal distribution with mean {mean} and sd {sd}"),
    },
    examples=[{"mean": 100, "sd": 15, "x": 130}],
)
def normal_distribution(p: NormalQuery) -> dict:
    from scipy.stats import norm

    z = (p.x - p.mean) / p.sd
    return {"z_score": round(z, 6), "cdf": round(float(norm.cdf(z)), 8), "upper_tail": round(float(norm.sf(z)), 8)}


class BinomialQuery(BaseModel):
    trials: int = Field(
        description="Number of trials n.",
        ge=1,
        le=100000,
        json_schema_extra=port("count", samples=[10, 20, 100, 5, 50]),
    )
    successes: int = Field(
        description="Number of successes k.",
        ge=0,
        le=100000,
        json_schema_extra=port("count", samples=[3, 10, 55, 4, 20]),
    )
    probability: float = Field(
        description="Success probability per trial p.",
        ge=0,
        le=1,
        json_schema_extra=port("number", samples=[0.5, 0.3, 0.5, 0.9, 0.4]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Binomial probabilities: P(exactly k), P(at most k) and P(at least k) successes in n trials.",
    outputs={
        "p_exactly": Output(
            "number", "the probability of exactly {successes} successes in {trials} trials with p={probability}"
        ),
        "p_at_most": Output(
            "number", "the probability of at most {successes} successes in {trials} trials with p={probability}"
        ),
        "p_at_least": Output(
            "number", "the probability of at least {successes} successes in {trials} trials with p={probability}"
        ),
    },
    examples=[{"trials": 10, "successes": 3, "probability": 0.5}],
)
def binomial_probability(p: BinomialQuery) -> dict:
    from scipy.stats import binom

    if p.successes > p.trials:
        raise ToolInputError("successes cannot exceed trials")
    k, n, q = p.successes, p.trials, p.probability
    return {
        "p_exactly": float(f"{binom.pmf(k, n, q):.8g}"),
        "p_at_most": float(f"{binom.cdf(k, n, q):.8g}"),
        "p_at_least": float(f"{binom.sf(k - 1, n, q):.8g}"),
    }


class PoissonQuery(BaseModel):
    rate: float = Field(
        description="Expected number of events (lambda).",
        gt=0,
        le=1e6,
        json_schema_extra=port("number", samples=[3, 0.5, 10, 2.2, 7]),
    )
    events: int = Field(
        description="Number of events k.", ge=0, le=1e6, json_schema_extra=port("count", samples=[5, 0, 12, 1, 7])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Poisson probabilities of exactly k and of at most k events when lambda are expected.",
    outputs={
        "p_exactly": Output("number", "the probability of exactly {events} events when {rate} are expected"),
        "p_at_most": Output("number", "the probability of at most {events} events when {rate} are expected"),
    },
    examples=[{"rate": 3, "events": 5}],
)
def poisson_probability(p: PoissonQuery) -> dict:
    from scipy.stats import poisson

    return {
        "p_exactly": float(f"{poisson.pmf(p.events, p.rate):.8g}"),
        "p_at_most": float(f"{poisson.cdf(p.events, p.rate):.8g}"),
    }


class CriticalQuery(BaseModel):
    confidence: float = Field(
        description="Two-sided confidence level, e.g. 0.95.",
        gt=0.5,
        lt=1,
        json_schema_extra=port("number", samples=[0.95, 0.99, 0.9, 0.95, 0.999]),
    )
    degrees_of_freedom: int = Field(
        description="Degrees of freedom.", ge=1, le=100000, json_schema_extra=port("count", samples=[10, 29, 5, 100, 1])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Two-sided critical values for a confidence level: Student's t with given degrees of freedom, the "
    "normal z, and the chi-square upper quantile with the same degrees of freedom.",
    outputs={
        "t_critical": Output(
            "number",
            "the two-sided t critical value at {confidence} confidence with {degrees_of_freedom} degrees of freedom",
        ),
        "z_critical": Output(
            "number", "the two-sided z critical value at {confidence} confidence (df {degrees_of_freedom} ignored)"
        ),
        "chi2_upper": Output(
            "number", "the chi-square upper quantile at {confidence} with {degrees_of_freedom} degrees of freedom"
        ),
    },
    examples=[{"confidence": 0.95, "degrees_of_freedom": 10}],
)
def critical_values(p: CriticalQuery) -> dict:
    from scipy.stats import chi2, norm, t

    tail = (1 + p.confidence) / 2
    return {
        "t_critical": round(float(t.ppf(tail, p.degrees_of_freedom)), 6),
        "z_critical": round(float(norm.ppf(tail)), 6),
        "chi2_upper": round(float(chi2.ppf(p.confidence, p.degrees_of_freedom)), 6),
    }


class Paired(BaseModel):
    xs: list[float] = Field(
        description="x values (2-1000 numbers).",
        min_length=3,
        max_length=1000,
        json_schema_extra=port(
            "number_list",
            # the last two: x of Anscombe's quartet (sets I-III, then IV)
            samples=[
                [1, 2, 3, 4, 5],
                [10, 20, 30, 40],
                [1.5, 2.5, 3.1, 4.8, 6.0],
                [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5],
                [8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8],
            ],
        ),
    )
    ys: list[float] = Field(
        description="y values, as many as x.",
        min_length=3,
        max_length=1000,
        json_schema_extra=port(
            "number_list",
            # the last four: y of Anscombe's quartet, sets I to IV
            samples=[
                [2.1, 3.9, 6.2, 8.1, 9.8],
                [15, 24, 39, 41],
                [3.0, 4.1, 6.6, 9.0, 12.1],
                [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68],
                [9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26, 4.74],
                [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73],
                [6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.50, 5.56, 7.91, 6.89],
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Least-squares line through paired data (scipy.stats.linregress): slope, intercept, Pearson r and "
    "the two-sided p-value of the slope, plus Spearman's rank correlation.",
    outputs={
        "slope": Output("number", "the least-squares slope of {ys} against {xs}"),
        "intercept": Output("number", "the least-squares intercept of {ys} against {xs}"),
        "pearson_r": Output("number", "the Pearson correlation of {xs} and {ys}"),
        "p_value": Output("number", "the p-value of the slope of {ys} against {xs}"),
        "spearman_rho": Output("number", "the Spearman rank correlation of {xs} and {ys}"),
    },
    examples=[{"xs": [1, 2, 3, 4, 5], "ys": [2.1, 3.9, 6.2, 8.1, 9.8]}],
)
def linear_regression(p: Paired) -> dict:
    from scipy.stats import linregress, spearmanr

    if len(p.xs) != len(p.ys):
        raise ToolInputError(f"xs has {len(p.xs)} values but ys has {len(p.ys)}")
    if any(not math.isfinite(v) for v in (*p.xs, *p.ys)) or len(set(p.xs)) < 2:
        raise ToolInputError("values must be finite and xs must not all be equal")
    fit = linregress(p.xs, p.ys)
    rho = spearmanr(p.xs, p.ys).statistic
    return {
        "slope": round(float(fit.slope), 8),
        "intercept": round(float(fit.intercept), 8),
        "pearson_r": round(float(fit.rvalue), 8),
        "p_value": float(f"{fit.pvalue:.6g}"),
        "spearman_rho": round(float(rho), 8) if math.isfinite(rho) else None,
    }


class WholeNumber(BaseModel):
    n: int = Field(
        description="A whole number from 2 to 10^12.",
        ge=2,
        le=10**12,
        json_schema_extra=port("integer", samples=[360, 97, 1001, 65536, 600851475143]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Prime factorization of a whole number (trial division): whether it is prime, its prime factors "
    "with multiplicity, its number of divisors and Euler's totient.",
    outputs={
        "is_prime": Output("boolean", "whether {n} is prime"),
        "prime_factors": Output("number_list", "the prime factors of {n} with multiplicity"),
        "divisor_count": Output("count", "the number of divisors of {n}"),
        "totient": Output("integer", "Euler's totient of {n}"),
    },
    examples=[{"n": 360}],
    timeout_s=5.0,
)
def prime_factorization(p: WholeNumber) -> dict:
    n, factors, d = p.n, [], 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors.append(n)
    counts = collections.Counter(factors)
    divisors = math.prod(e + 1 for e in counts.values())
    totient = p.n
    for prime in counts:
        totient = totient // prime * (prime - 1)
    return {"is_prime": factors == [p.n], "prime_factors": factors, "divisor_count": divisors, "totient": totient}


# --- more sequence analysis ------------------------------------------------------------------------------


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="CpG content of a DNA sequence: the number of CpG dinucleotides and the observed/expected CpG "
    "ratio (Gardiner-Garden and Frommer), which is above 0.6 in CpG islands.",
    outputs={
        "cpg_count": Output("count", "the number of CpG dinucleotides in {sequence}"),
        "observed_expected_ratio": Output("number", "the observed/expected CpG ratio of {sequence}"),
    },
    examples=[{"sequence": "GCGGCCGC"}],
)
def cpg_content(p: DnaSequence) -> dict:
    s = p.sequence
    cpg, c, g = s.count("CG"), s.count("C"), s.count("G")
    return {"cpg_count": cpg, "observed_expected_ratio": round(cpg * len(s) / (c * g), 4) if c and g else None}


class WindowQuery(BaseModel):
    sequence: str = Field(
        description="DNA sequence (A, C, G, T), at least as long as the window.",
        min_length=1,
        max_length=_MAX_DNA,
        pattern=r"^[ACGT]+$",
        json_schema_extra=port(
            "dna_sequence", samples=[_DNA_SAMPLES[0], _DNA_SAMPLES[1], _DNA_SAMPLES[2], _DNA_SAMPLES[4]]
        ),
    )
    window: int = Field(
        description="Window length in bases (2-1000).",
        ge=2,
        le=1000,
        json_schema_extra=port("integer", samples=[10, 8, 6, 12]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Sliding-window GC content of a DNA sequence: the highest and lowest GC fraction over all windows "
    "of a given length, and where the richest window starts (1-based).",
    outputs={
        "max_gc": Output("number", "the highest GC fraction in {window}-base windows of {sequence}"),
        "min_gc": Output("number", "the lowest GC fraction in {window}-base windows of {sequence}"),
        "max_gc_start": Output("count", "the start of the most GC-rich {window}-base window of {sequence}"),
    },
    examples=[{"sequence": _DNA_SAMPLES[0], "window": 10}],
)
def gc_window_extremes(p: WindowQuery) -> dict:
    s, w = p.sequence, p.window
    if w > len(s):
        raise ToolInputError(f"the window ({w}) is longer than the sequence ({len(s)})")
    gc = [sum(1 for ch in s[i : i + w] if ch in "GC") / w for i in range(len(s) - w + 1)]
    best = max(range(len(gc)), key=lambda i: (gc[i], -i))
    return {"max_gc": round(max(gc), 4), "min_gc": round(min(gc), 4), "max_gc_start": best + 1}


class OrfQuery(BaseModel):
    sequence: str = Field(
        description="DNA sequence (A, C, G, T), both strands searched.",
        min_length=3,
        max_length=_MAX_DNA,
        pattern=r"^[ACGT]+$",
        json_schema_extra=port(
            "dna_sequence", samples=[_DNA_SAMPLES[0], _DNA_SAMPLES[1], _DNA_SAMPLES[4], _DNA_SAMPLES[5]]
        ),
    )
    min_length_aa: int = Field(
        description="Minimum ORF length in amino acids.",
        ge=1,
        le=10000,
        json_schema_extra=port("integer", samples=[3, 2, 1, 5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Open reading frames (ATG to stop, standard code) on both strands of a DNA sequence at least a "
    "minimum length: how many, and the length of the longest.",
    outputs={
        "orf_count": Output("count", "the number of ORFs of at least {min_length_aa} amino acids in {sequence}"),
        "longest_aa": Output(
            "count", "the length of the longest ORF of at least {min_length_aa} amino acids in {sequence}"
        ),
    },
    examples=[{"sequence": _DNA_SAMPLES[0], "min_length_aa": 3}],
)
def orf_count(p: OrfQuery) -> dict:
    from tool_catalog.domains.science import _orfs, _reverse_complement

    stops = frozenset(_codon_table(1).stop_codons)
    found = [o for strand in (p.sequence, _reverse_complement(p.sequence)) for o in _orfs(strand, stops)]
    lengths = [o[2] for o in found if o[2] >= p.min_length_aa]
    return {"orf_count": len(lengths), "longest_aa": max(lengths) if lengths else 0}


class SiteLength(BaseModel):
    site_length: int = Field(
        description="Recognition site length in bases (4-8 typical).",
        ge=2,
        le=20,
        json_schema_extra=port("integer", samples=[6, 4, 8, 5, 7]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="Commercially available restriction enzymes (REBASE, sold by New England Biolabs) whose "
    "recognition site has a given length: how many, and the first alphabetically.",
    outputs={
        "enzyme_count": Output("count", "the number of NEB enzymes with a {site_length}-base recognition site"),
        "first_enzyme": Output("restriction_enzyme", "the first NEB enzyme with a {site_length}-base recognition site"),
    },
    examples=[{"site_length": 8}],
)
def enzymes_by_site_length(p: SiteLength) -> dict:
    from tool_catalog.domains.science import _neb_enzymes, _rebase

    names = sorted(n for n in _neb_enzymes() if len(_rebase()[n]["site"]) == p.site_length)
    if not names:
        raise ToolInputError(f"no NEB enzyme has a {p.site_length}-base site")
    return {"enzyme_count": len(names), "first_enzyme": names[0]}


class SiteQuery(BaseModel):
    site: str = Field(
        description="Recognition sequence in IUPAC letters, e.g. 'GAATTC'.",
        min_length=3,
        max_length=20,
        pattern=_DNA_PATTERN,
        json_schema_extra=port("dna_sequence", samples=["GAATTC", "GGATCC", "GCGGCCGC", "CTGCAG", "GATC"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="Restriction enzymes in REBASE that recognize exactly a given site (isoschizomers and "
    "neoschizomers together): how many, their names, and the first alphabetically.",
    outputs={
        "enzyme_count": Output("count", "the number of REBASE enzymes recognizing the site {site}"),
        "enzymes": Output("string_list", "the REBASE enzymes recognizing the site {site}"),
        "first_enzyme": Output("restriction_enzyme", "the first REBASE enzyme recognizing the site {site}"),
    },
    examples=[{"site": "GAATTC"}],
)
def enzymes_for_site(p: SiteQuery) -> dict:
    from tool_catalog.domains.science import _rebase

    names = sorted(n for n, data in _rebase().items() if data["site"] == p.site)
    if not names:
        raise ToolInputError(f"no REBASE enzyme recognizes {p.site!r}")
    return {"enzyme_count": len(names), "enzymes": names, "first_enzyme": names[0]}


class HydroWindow(BaseModel):
    protein: str = Field(
        description="Protein sequence in one-letter codes, at least as long as the window.",
        min_length=1,
        max_length=5000,
        pattern=_PROTEIN_PATTERN,
        json_schema_extra=port(
            "protein_sequence",
            samples=[_PROTEIN_SAMPLES[5], _PROTEIN_SAMPLES[6], _PROTEIN_SAMPLES[7], _PROTEIN_SAMPLES[4]],
        ),
    )
    window: int = Field(
        description="Window length (odd, 5-21; 19 for membrane helices).",
        ge=3,
        le=41,
        json_schema_extra=port("integer", samples=[9, 7, 11, 5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Kyte-Doolittle hydropathy profile of a protein over sliding windows (Biopython ProtParam): the "
    "most hydrophobic window's mean and start, and whether it exceeds 1.6 (a transmembrane-helix signal).",
    outputs={
        "max_hydropathy": Output("number", "the highest mean hydropathy in {window}-residue windows of {protein}"),
        "max_window_start": Output("count", "the start of the most hydrophobic {window}-residue window of {protein}"),
        "membrane_signal": Output(
            "boolean", "whether a {window}-residue window of {protein} is hydrophobic enough for a membrane helix"
        ),
    },
    examples=[{"protein": _PROTEIN_SAMPLES[7], "window": 9}],
)
def hydropathy_window(p: HydroWindow) -> dict:
    from Bio.SeqUtils.ProtParam import ProteinAnalysis
    from Bio.SeqUtils.ProtParamData import kd

    if p.window > len(p.protein):
        raise ToolInputError(f"the window ({p.window}) is longer than the protein ({len(p.protein)})")
    profile = ProteinAnalysis(p.protein).protein_scale(kd, p.window)
    best = max(range(len(profile)), key=lambda i: (profile[i], -i))
    return {
        "max_hydropathy": round(profile[best], 4),
        "max_window_start": best + 1,
        "membrane_signal": profile[best] > 1.6,
    }


class ProteinMotif(BaseModel):
    protein: str = Field(
        description="Protein sequence in one-letter codes.",
        min_length=1,
        max_length=5000,
        pattern=_PROTEIN_PATTERN,
        json_schema_extra=port("protein_sequence", samples=_PROTEIN_SAMPLES[4:8]),
    )
    motif: str = Field(
        description="Motif in one-letter codes where 'x' matches any residue, e.g. 'CxxC' or 'GxGxxG'.",
        min_length=1,
        max_length=30,
        pattern=r"^[ACDEFGHIKLMNPQRSTVWYx]+$",
        json_schema_extra=port("label", samples=["Lx", "Cx", "Fx", "xL"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Find a sequence motif in a protein ('x' = any residue, overlaps counted): the number of matches "
    "and their 1-based start positions.",
    outputs={
        "match_count": Output("count", "the number of matches of the motif {motif} in {protein}"),
        "positions": Output("number_list", "the start positions of the motif {motif} in {protein}"),
    },
    examples=[{"protein": "GIVEQCCTSICSLYQLENYCN", "motif": "CxxxC"}],
)
def protein_motif_search(p: ProteinMotif) -> dict:
    m, s = p.motif, p.protein
    hits = [
        i + 1
        for i in range(len(s) - len(m) + 1)
        if all(mc == "x" or mc == sc for mc, sc in zip(m, s[i : i + len(m)], strict=True))
    ]
    return {"match_count": len(hits), "positions": hits}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="In-silico trypsin digest of a protein (cleave after K or R, not before P): the number of "
    "peptides, the longest peptide and its average mass.",
    outputs={
        "peptide_count": Output("count", "the number of tryptic peptides of {protein}"),
        "longest_peptide": Output("protein_sequence", "the longest tryptic peptide of {protein}"),
        "longest_peptide_mass": Output("number", "the average mass in Da of the longest tryptic peptide of {protein}"),
    },
    examples=[{"protein": "FVNQHLCGSHLVEALYLVCGERGFFYTPKT"}],
)
def trypsin_digest(p: ProteinSequence) -> dict:
    from Bio.SeqUtils import molecular_weight

    peptides, current = [], ""
    for i, residue in enumerate(p.protein):
        current += residue
        nxt = p.protein[i + 1] if i + 1 < len(p.protein) else ""
        if residue in "KR" and nxt != "P":
            peptides.append(current)
            current = ""
    if current:
        peptides.append(current)
    longest = min(peptides, key=lambda x: (-len(x), x))
    return {
        "peptide_count": len(peptides),
        "longest_peptide": longest,
        "longest_peptide_mass": round(molecular_weight(longest, seq_type="protein"), 2),
    }


class AminoAcidPair(BaseModel):
    amino_acid_a: str = Field(
        description="One-letter code of the original residue.",
        pattern=r"^[A-Z]$",
        json_schema_extra=port("amino_acid", samples=["L", "W", "K", "D", "C"]),
    )
    amino_acid_b: str = Field(
        description="One-letter code of the substituted residue.",
        pattern=r"^[A-Z]$",
        json_schema_extra=port("amino_acid", samples=["I", "G", "R", "E", "S"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="How conservative an amino-acid substitution is: its BLOSUM62 and PAM250 scores (positive = "
    "observed more often than chance).",
    outputs={
        "blosum62": Output("integer", "the BLOSUM62 score of substituting {amino_acid_a} by {amino_acid_b}"),
        "pam250": Output("integer", "the PAM250 score of substituting {amino_acid_a} by {amino_acid_b}"),
        "conservative": Output(
            "boolean", "whether substituting {amino_acid_a} by {amino_acid_b} is conservative (BLOSUM62 > 0)"
        ),
    },
    examples=[{"amino_acid_a": "L", "amino_acid_b": "I"}],
)
def substitution_score(p: AminoAcidPair) -> dict:
    from Bio.Align import substitution_matrices

    standard = set("ACDEFGHIKLMNPQRSTVWY")
    for aa in (p.amino_acid_a, p.amino_acid_b):
        if aa not in standard:
            raise ToolInputError(f"{aa!r} is not one of the 20 standard amino acids")
    blosum = int(substitution_matrices.load("BLOSUM62")[p.amino_acid_a][p.amino_acid_b])
    pam = int(substitution_matrices.load("PAM250")[p.amino_acid_a][p.amino_acid_b])
    return {"blosum62": blosum, "pam250": pam, "conservative": blosum > 0}


class AminoAcidInTable(BaseModel):
    amino_acid: str = Field(
        description="One-letter amino-acid code.",
        pattern=r"^[A-Z]$",
        json_schema_extra=port("amino_acid", samples=["W", "M", "L", "I", "R"]),
    )
    table: int = Field(
        description="NCBI genetic code table number.",
        ge=1,
        le=33,
        json_schema_extra=port("codon_table_id", samples=[2, 1, 4, 5, 11]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="biopython",
    description="The codons that encode an amino acid in a given NCBI genetic code (e.g. tryptophan gains TGA in "
    "the vertebrate mitochondrial code).",
    outputs={
        "codons": Output("string_list", "the codons of {amino_acid} in {table}"),
        "codon_count": Output("count", "the number of codons of {amino_acid} in {table}"),
    },
    examples=[{"amino_acid": "W", "table": 2}],
)
def codons_for_amino_acid(p: AminoAcidInTable) -> dict:
    table = _codon_table(p.table)
    codons = sorted(c for c, aa in table.forward_table.items() if aa == p.amino_acid)
    if not codons:
        raise ToolInputError(f"{p.amino_acid!r} is not encoded in genetic code {p.table}")
    return {"codons": codons, "codon_count": len(codons)}


# --- more sky and physics ------------------------------------------------------------------------------------


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="The Sun on a date at 00:00 UT: its declination (degrees), the equation of time (minutes the "
    "sundial is ahead of the clock) and its distance in AU.",
    outputs={
        "declination_deg": Output("number", "the Sun's declination in degrees at 00:00 UT on {date}"),
        "equation_of_time_min": Output("number", "the equation of time in minutes at 00:00 UT on {date}"),
        "distance_au": Output("number", "the Earth-Sun distance in AU at 00:00 UT on {date}"),
    },
    examples=[{"date": "2025-06-21"}],
)
def sun_on_date(p: AstroDate) -> dict:
    import ephem

    when = _ephem_date(_date(p.date))
    sun = ephem.Sun(when)
    greenwich = _observer(0.0, 0.0, when)
    hour_angle = float(greenwich.sidereal_time()) - float(sun.ra)
    eot = (math.degrees(math.atan2(math.sin(hour_angle), math.cos(hour_angle))) / 15 * 60) + 12 * 60
    eot = (eot + 720) % 1440 - 720
    return {
        "declination_deg": round(math.degrees(float(sun.dec)), 4),
        "equation_of_time_min": round(eot, 2),
        "distance_au": round(float(sun.earth_distance), 6),
    }


class Shadow(BaseModel):
    latitude: float = _observer_latitude(90)
    longitude: float = _observer_longitude()
    datetime_utc: str = _utc_instant(_DAYTIME_TIMES)
    height_m: float = Field(
        description="Height of the object casting the shadow, in metres.",
        gt=0,
        le=10000,
        json_schema_extra=port("number", samples=[10, 1.8, 100, 2, 30]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="ephem",
    description="Length and direction of the shadow cast by an upright object at a place and UTC instant, from the "
    "Sun's altitude and azimuth (refraction included).",
    outputs={
        "shadow_length_m": Output(
            "number",
            "the shadow length in metres of a {height_m} m object at {latitude}, {longitude} at {datetime_utc} UTC",
        ),
        "shadow_azimuth_deg": Output(
            "number",
            "the direction of the shadow of a {height_m} m object at {latitude}, {longitude} at {datetime_utc} UTC",
        ),
    },
    examples=[{"latitude": 51.5074, "longitude": -0.1278, "datetime_utc": "2025-06-21T12:00", "height_m": 10}],
)
def shadow_length(p: Shadow) -> dict:
    import ephem

    obs = _observer(p.latitude, p.longitude, _instant(p.datetime_utc))
    sun = ephem.Sun(obs)
    alt = float(sun.alt)
    if alt <= 0:
        raise ToolInputError("the Sun is below the horizon then; there is no shadow")
    return {
        "shadow_length_m": round(p.height_m / math.tan(alt), 3),
        "shadow_azimuth_deg": round((math.degrees(float(sun.az)) + 180) % 360, 2),
    }


class ConstantPair(BaseModel):
    name_a: str = Field(
        description="Exact CODATA constant name (numerator), e.g. 'proton mass'.",
        pattern=r"^[A-Za-z0-9 .,/()\-]{2,80}$",
        json_schema_extra=port(
            "physical_constant", samples=["proton mass", "neutron mass", "muon mass", "alpha particle mass"]
        ),
    )
    name_b: str = Field(
        description="Exact CODATA constant name (denominator), e.g. 'electron mass'.",
        pattern=r"^[A-Za-z0-9 .,/()\-]{2,80}$",
        json_schema_extra=port(
            "physical_constant", samples=["electron mass", "proton mass", "electron mass", "proton mass"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Ratio of two CODATA constants of the same unit (e.g. the proton-electron mass ratio), and its "
    "relative uncertainty from the two constants' uncertainties.",
    outputs={
        "ratio": Output("number", "the ratio of the {name_a} to the {name_b}"),
        "relative_uncertainty": Output(
            "number", "the relative uncertainty of the ratio of the {name_a} to the {name_b}"
        ),
    },
    # Pairs of one unit (masses, magnetic moments, lengths, energies, ...): a ratio across units is refused, so
    # a trace that fails to pair its constant falls back on one of these whole (see evidence.plan_call).
    examples=[
        {"name_a": "proton mass", "name_b": "electron mass"},
        {"name_a": "neutron mass", "name_b": "proton mass"},
        {"name_a": "muon mass", "name_b": "electron mass"},
        {"name_a": "tau mass", "name_b": "muon mass"},
        {"name_a": "alpha particle mass", "name_b": "proton mass"},
        {"name_a": "deuteron mass", "name_b": "proton mass"},
        {"name_a": "Planck mass", "name_b": "proton mass"},
        {"name_a": "helion mag. mom.", "name_b": "nuclear magneton"},
        {"name_a": "proton mag. mom.", "name_b": "nuclear magneton"},
        {"name_a": "electron mag. mom.", "name_b": "Bohr magneton"},
        {"name_a": "neutron mag. mom.", "name_b": "proton mag. mom."},
        {"name_a": "muon mag. mom.", "name_b": "Bohr magneton"},
        {"name_a": "Bohr radius", "name_b": "classical electron radius"},
        {"name_a": "Compton wavelength", "name_b": "Bohr radius"},
        {"name_a": "proton rms charge radius", "name_b": "deuteron rms charge radius"},
        {"name_a": "Hartree energy", "name_b": "electron volt"},
        {"name_a": "electron mass energy equivalent", "name_b": "Hartree energy"},
        {"name_a": "proton gyromag. ratio", "name_b": "neutron gyromag. ratio"},
        {"name_a": "von Klitzing constant", "name_b": "characteristic impedance of vacuum"},
        {"name_a": "Planck time", "name_b": "atomic unit of time"},
        {"name_a": "speed of light in vacuum", "name_b": "atomic unit of velocity"},
        {"name_a": "molar mass of carbon-12", "name_b": "molar mass constant"},
        {
            "name_a": "neutron-proton mass difference energy equivalent in MeV",
            "name_b": "electron mass energy equivalent in MeV",
        },
    ],
)
def constant_ratio(p: ConstantPair) -> dict:
    from tool_catalog.domains.science import _constant

    (va, ua, sa), (vb, ub, sb) = _constant(p.name_a), _constant(p.name_b)
    if ua != ub:
        raise ToolInputError(f"the units differ ({ua!r} vs {ub!r}); compare constants of the same unit")
    if p.name_a == p.name_b:
        raise ToolInputError("the two constants are the same")
    rel = math.hypot(sa / va, sb / vb)
    return {"ratio": float(f"{va / vb:.12g}"), "relative_uncertainty": float(f"{rel:.3g}")}


class Decay(BaseModel):
    half_life: float = Field(
        description="Half-life (any time unit).",
        gt=0,
        le=1e15,
        json_schema_extra=port("number", samples=[5730, 8.02, 1600, 12.32, 30.17]),
    )
    elapsed: float = Field(
        description="Elapsed time in the same unit as the half-life.",
        ge=0,
        le=1e15,
        json_schema_extra=port("number", samples=[10000, 30, 500, 50, 100]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Exponential decay: the fraction of a radioactive sample left after a time, the decay constant "
    "and the mean lifetime (same time unit as the half-life).",
    outputs={
        "remaining_fraction": Output(
            "number", "the fraction left after {elapsed} time units with a half-life of {half_life}"
        ),
        "decay_constant": Output("number", "the decay constant for a half-life of {half_life} (after {elapsed} units)"),
        "mean_lifetime": Output("number", "the mean lifetime for a half-life of {half_life} (after {elapsed} units)"),
    },
    examples=[{"half_life": 5730, "elapsed": 10000}],
)
def radioactive_decay(p: Decay) -> dict:
    lam = math.log(2) / p.half_life
    return {
        "remaining_fraction": float(f"{math.exp(-lam * p.elapsed):.8g}"),
        "decay_constant": float(f"{lam:.8g}"),
        "mean_lifetime": float(f"{1 / lam:.8g}"),
    }


class Doppler(BaseModel):
    wavelength_nm: float = Field(
        description="Emitted (rest) wavelength in nm.",
        gt=0,
        le=1e9,
        json_schema_extra=port("number", samples=[656.28, 486.13, 21e7, 500, 393.37]),
    )
    velocity_km_s: float = Field(
        description="Radial velocity in km/s (positive = receding).",
        gt=-299792,
        lt=299792,
        json_schema_extra=port("number", samples=[1000, -300, 30000, 15, 100000]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Relativistic Doppler shift of light from a source moving along the line of sight: observed "
    "wavelength and redshift z (speed of light from CODATA).",
    outputs={
        "observed_nm": Output(
            "number", "the observed wavelength of {wavelength_nm} nm light from a source at {velocity_km_s} km/s"
        ),
        "redshift": Output(
            "number", "the redshift z of a source receding at {velocity_km_s} km/s (line {wavelength_nm} nm)"
        ),
    },
    examples=[{"wavelength_nm": 656.28, "velocity_km_s": 1000}],
)
def doppler_shift(p: Doppler) -> dict:
    from scipy.constants import c

    beta = p.velocity_km_s * 1000 / c
    factor = math.sqrt((1 + beta) / (1 - beta))
    return {"observed_nm": float(f"{p.wavelength_nm * factor:.8g}"), "redshift": float(f"{factor - 1:.8g}")}


# --- more statistics and number theory -------------------------------------------------------------------------


class TwoSamples(BaseModel):
    sample_a: list[float] = Field(
        description="First sample (2-1000 numbers).",
        min_length=2,
        max_length=1000,
        json_schema_extra=port(
            "number_list", samples=[[5.1, 4.9, 5.6, 5.8, 6.0], [12, 15, 11, 14], [1.2, 1.5, 1.1, 1.9]]
        ),
    )
    sample_b: list[float] = Field(
        description="Second sample (2-1000 numbers).",
        min_length=2,
        max_length=1000,
        json_schema_extra=port(
            "number_list", samples=[[6.2, 6.8, 7.0, 6.5, 6.9], [13, 16, 12, 18], [1.3, 1.4, 1.6, 1.2]]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Welch's two-sample t-test (scipy.stats.ttest_ind, unequal variances): t statistic, two-sided "
    "p-value, the difference of means, and whether it is significant at 5%.",
    outputs={
        "t_statistic": Output("number", "Welch's t statistic comparing {sample_a} with {sample_b}"),
        "p_value": Output("number", "the two-sided p-value of Welch's t-test comparing {sample_a} with {sample_b}"),
        "mean_difference": Output("number", "the mean of {sample_a} minus the mean of {sample_b}"),
        "significant_5pct": Output("boolean", "whether {sample_a} and {sample_b} differ significantly at 5%"),
    },
    examples=[{"sample_a": [5.1, 4.9, 5.6, 5.8, 6.0], "sample_b": [6.2, 6.8, 7.0, 6.5, 6.9]}],
)
def welch_t_test(p: TwoSamples) -> dict:
    import statistics

    from scipy.stats import ttest_ind

    values = (*p.sample_a, *p.sample_b)
    if any(not math.isfinite(v) for v in values):
        raise ToolInputError("samples must contain finite numbers")
    if statistics.pvariance(p.sample_a) == 0 and statistics.pvariance(p.sample_b) == 0:
        raise ToolInputError("both samples are constant; the t statistic is undefined")
    result = ttest_ind(p.sample_a, p.sample_b, equal_var=False)
    return {
        "t_statistic": round(float(result.statistic), 6),
        "p_value": float(f"{result.pvalue:.6g}"),
        "mean_difference": round(statistics.fmean(p.sample_a) - statistics.fmean(p.sample_b), 8),
        "significant_5pct": bool(result.pvalue < 0.05),
    }


class Choose(BaseModel):
    n: int = Field(
        description="Size of the set.", ge=0, le=10000, json_schema_extra=port("count", samples=[52, 10, 49, 20, 6])
    )
    k: int = Field(
        description="Number chosen.", ge=0, le=10000, json_schema_extra=port("count", samples=[5, 3, 6, 2, 4])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Combinatorics of choosing k of n items: combinations (order ignored), permutations (order "
    "counts) and combinations with repetition.",
    outputs={
        "combinations": Output("number", "the number of ways to choose {k} of {n} items ignoring order"),
        "permutations": Output("number", "the number of ordered arrangements of {k} of {n} items"),
        "multisets": Output("number", "the number of ways to choose {k} of {n} items with repetition"),
    },
    examples=[{"n": 52, "k": 5}],
)
def combinations_count(p: Choose) -> dict:
    if p.k > p.n:
        raise ToolInputError("k cannot exceed n")
    return {
        "combinations": float(math.comb(p.n, p.k)),
        "permutations": float(math.perm(p.n, p.k)),
        "multisets": float(math.comb(p.n + p.k - 1, p.k)) if p.n else 0.0,
    }


class IntegerPair(BaseModel):
    a: int = Field(
        description="First whole number.",
        ge=1,
        le=10**15,
        json_schema_extra=port("integer", samples=[84, 12, 1071, 17, 360]),
    )
    b: int = Field(
        description="Second whole number.",
        ge=1,
        le=10**15,
        json_schema_extra=port("integer", samples=[36, 18, 462, 5, 96]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Greatest common divisor and least common multiple of two whole numbers, and whether they are coprime.",
    outputs={
        "gcd": Output("integer", "the greatest common divisor of {a} and {b}"),
        "lcm": Output("integer", "the least common multiple of {a} and {b}"),
        "coprime": Output("boolean", "whether {a} and {b} are coprime"),
    },
    examples=[{"a": 84, "b": 36}],
)
def gcd_lcm(p: IntegerPair) -> dict:
    g = math.gcd(p.a, p.b)
    return {"gcd": g, "lcm": p.a * p.b // g, "coprime": g == 1}


class PrimeIndex(BaseModel):
    n: int = Field(
        description="Index of the prime (1 = 2), up to 1,000,000.",
        ge=1,
        le=1_000_000,
        json_schema_extra=port("integer", samples=[100, 1, 1000, 10001, 25]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The n-th prime number (sieve of Eratosthenes) and the gap to the next prime.",
    outputs={
        "prime": Output("integer", "prime number {n}"),
        "gap_to_next": Output("integer", "the gap between prime number {n} and the next prime"),
    },
    examples=[{"n": 100}],
)
def nth_prime(p: PrimeIndex) -> dict:
    primes = _primes_up_to(16_000_000)
    return {"prime": primes[p.n - 1], "gap_to_next": primes[p.n] - primes[p.n - 1]}


@cache
def _primes_up_to(limit: int) -> list[int]:
    import numpy as np

    sieve = np.ones(limit + 1, dtype=bool)
    sieve[:2] = False
    for i in range(2, int(limit**0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = False
    return np.flatnonzero(sieve).tolist()


class BaseQuery(BaseModel):
    number: int = Field(
        description="A whole number, 0 to 10^18.",
        ge=0,
        le=10**18,
        json_schema_extra=port("integer", samples=[255, 2024, 65535, 42, 1000000]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="A whole number written in binary, octal and hexadecimal, with its bit length and number of set bits.",
    outputs={
        "binary": Output("label", "{number} in binary"),
        "octal": Output("label", "{number} in octal"),
        "hexadecimal": Output("label", "{number} in hexadecimal"),
        "bit_length": Output("count", "the number of bits needed for {number}"),
        "set_bits": Output("count", "the number of 1 bits in {number}"),
    },
    examples=[{"number": 255}],
)
def number_bases(p: BaseQuery) -> dict:
    n = p.number
    return {
        "binary": format(n, "b"),
        "octal": format(n, "o"),
        "hexadecimal": format(n, "X"),
        "bit_length": n.bit_length(),
        "set_bits": bin(n).count("1"),
    }


class Quadratic(BaseModel):
    a: float = Field(
        description="Coefficient of x^2 (not 0).",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", samples=[1, 2, 1, -4.9, 3]),
    )
    b: float = Field(
        description="Coefficient of x.",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", samples=[-3, 4, 2, 20, -6]),
    )
    c: float = Field(
        description="Constant term.",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", samples=[2, -6, 5, 1.5, 3]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Roots of the quadratic equation a x^2 + b x + c = 0: the discriminant, the real roots (smaller "
    "first) or the real and imaginary parts of complex roots, and the vertex.",
    outputs={
        "discriminant": Output("number", "the discriminant of {a} x^2 + {b} x + {c}"),
        "root_1": Output("number", "the smaller real root (or the real part) of {a} x^2 + {b} x + {c} = 0"),
        "root_2": Output("number", "the larger real root (or the imaginary part) of {a} x^2 + {b} x + {c} = 0"),
        "vertex_x": Output("number", "the x of the vertex of {a} x^2 + {b} x + {c}"),
    },
    examples=[{"a": 1, "b": -3, "c": 2}],
)
def quadratic_roots(p: Quadratic) -> dict:
    if p.a == 0:
        raise ToolInputError("a must not be 0 (the equation would not be quadratic)")
    d = p.b * p.b - 4 * p.a * p.c
    if d >= 0:
        r1, r2 = sorted(((-p.b - math.sqrt(d)) / (2 * p.a), (-p.b + math.sqrt(d)) / (2 * p.a)))
    else:
        r1, r2 = -p.b / (2 * p.a), math.sqrt(-d) / (2 * abs(p.a))
    return {
        "discriminant": d,
        "root_1": round(r1, 10),
        "root_2": round(r2, 10),
        "vertex_x": round(-p.b / (2 * p.a), 10),
    }


class Proportion(BaseModel):
    confidence: float = Field(
        description="Confidence level, e.g. 0.95.",
        gt=0.5,
        lt=1,
        json_schema_extra=port("number", samples=[0.95, 0.99, 0.9, 0.95, 0.98]),
    )
    margin: float = Field(
        description="Margin of error as a fraction, e.g. 0.03 for +/-3 points.",
        gt=0,
        lt=0.5,
        json_schema_extra=port("number", samples=[0.03, 0.05, 0.01, 0.02, 0.04]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Sample size a survey needs to estimate a proportion within a margin of error at a confidence level "
    "(worst case p = 0.5, normal approximation), and the z value used.",
    outputs={
        "sample_size": Output("count", "the sample size for a {margin} margin of error at {confidence} confidence"),
        "z_value": Output("number", "the z value for {confidence} confidence (margin {margin})"),
    },
    examples=[{"confidence": 0.95, "margin": 0.03}],
)
def survey_sample_size(p: Proportion) -> dict:
    from scipy.stats import norm

    z = float(norm.ppf((1 + p.confidence) / 2))
    return {"sample_size": math.ceil(z * z * 0.25 / (p.margin * p.margin)), "z_value": round(z, 6)}
