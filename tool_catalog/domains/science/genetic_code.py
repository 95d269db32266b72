"""NCBI genetic codes (Biopython): translation, open reading frames on both strands, code tables and their
differences, what a codon means, the codons of an amino acid, and codon usage.
"""

from __future__ import annotations

import collections
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.science.common import DNA_SAMPLES, DOMAIN, MAX_DNA, codon_table, dna_field
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, ORDINAL
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_TABLE_SAMPLES = [1, 2, 4, 5, 11]

PROTEIN_ANALYSES = (
    "protein_properties",
    "protein_composition",
    "protein_charge_at_ph",
    "trypsin_digest",
    "protein_structure_propensity",
    "hydropathy_window",
    "protein_codon_degeneracy",
    "protein_motif_search",
)
"""What a protein translated from a DNA sequence goes on to: its own properties and digest, not an alignment with an
unrelated stated protein (a translated primer against insulin) or a rewrite in three-letter codes."""


def _table_field(samples: list[int] = _TABLE_SAMPLES) -> Any:
    return Field(
        description="NCBI genetic code table number: 1 standard, 2 vertebrate mitochondrial, 11 bacterial ...",
        ge=1,
        le=33,
        json_schema_extra=port("codon_table_id", samples=samples),
    )


class DnaWithTable(BaseModel):
    sequence: str = dna_field()
    table: int = _table_field()


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
        "protein": Output(
            "protein_sequence",
            "the protein translation of {sequence} under {table}",
            asks=(
                "What peptide does {sequence} encode when read from its first base with {table}, up to the first "
                "stop codon?",
                "Translate {sequence} from its first base using {table}. Which protein sequence comes out before the "
                "first stop?",
                "Read {sequence} in frame from base 1 with {table}: what amino-acid sequence does it give, stopping at "
                "the first stop codon?",
            ),
            chain=PROTEIN_ANALYSES,
        ),
        "length": Output(
            "count",
            "the number of amino acids in the protein translation of {sequence} under {table}",
            asks=(
                "How many amino acids long is the peptide encoded by {sequence} read from its first base under "
                "{table}, up to the first stop?",
                "Translating {sequence} from its first base with {table}, how many residues do you get before a stop "
                "codon?",
            ),
            measure="length of the translated peptide",
            quantity=COUNT,
        ),
    },
    examples=[{"sequence": "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT", "table": 1}],
)
def translate_dna(p: DnaWithTable) -> dict:
    codon_table(p.table)
    usable = len(p.sequence) - len(p.sequence) % 3
    if usable == 0:
        raise ToolInputError("the sequence is shorter than one codon (3 bases)")
    protein = _translate(p.sequence[:usable], p.table).split("*", 1)[0]
    if not protein:
        raise ToolInputError(f"the first codon {p.sequence[:3]} is a stop codon in table {p.table}; no protein")
    return {"protein": protein, "length": len(protein)}


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
        "protein": Output(
            "protein_sequence",
            "the protein encoded by the longest ORF of {sequence} under {table}",
            asks=(
                "What protein does the longest open reading frame of {sequence} encode under {table}? Search all six "
                "frames for ATG-started ORFs.",
                "Find the longest ORF (ATG start, any of the six frames) in {sequence} using {table}. What is its "
                "protein sequence, without the stop?",
            ),
            chain=PROTEIN_ANALYSES,
        ),
        "length_aa": Output(
            "count",
            "the length in amino acids of the longest ORF of {sequence} under {table}",
            asks=(
                "How many amino acids long is the longest ATG-started ORF in the six frames of {sequence} under "
                "{table}?",
                "Searching both strands of {sequence} with {table}, how many residues does the longest open reading "
                "frame encode?",
            ),
            measure="length of the longest ORF",
            quantity=COUNT,
        ),
        "strand": Output(
            "label",
            "the strand (+ or -) of the longest ORF of {sequence} under {table}",
            asks=(
                "Is the longest ORF of {sequence} under {table} on the + or the - strand?",
                "On which strand (+ or -) does the longest ATG-started reading frame of {sequence} lie, using {table}?",
            ),
        ),
        "start": Output(
            "count",
            "the 1-based start position, on its own strand, of the longest ORF of {sequence} under {table}",
            asks=(
                "Where does the longest ORF of {sequence} under {table} start? Give the 1-based position of its ATG, "
                "counted on its own strand.",
                "At which position, counting from 1 on the strand it lies on, does the longest ATG-started ORF of "
                "{sequence} begin under {table}?",
            ),
            measure="start position of the longest ORF",
            quantity=ORDINAL,
        ),
        "has_stop": Output(
            "boolean",
            "whether the longest ORF of {sequence} under {table} ends in a stop codon",
            asks=(
                "Does the longest ORF of {sequence} under {table} end with a stop codon?",
                "Is the longest ATG-started reading frame of {sequence} closed by an in-frame stop codon under "
                "{table}, or does it run off the end?",
            ),
        ),
    },
    examples=[
        {"sequence": "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT", "table": 1},
        {"sequence": "CAGGAAACAGCTATGAC", "table": 11},
    ],
)
def longest_orf(p: DnaWithTable) -> dict:
    table = codon_table(p.table)
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
        "name": Output(
            "label",
            "the name of {table}",
            asks=("What is {table} called?", "Which genetic code is {table}? Give its NCBI name."),
        ),
        "start_codons": Output(
            "string_list",
            "the list of start codons of {table}",
            asks=("Which codons can start translation under {table}? List them.", "List the start codons of {table}."),
            measure="start codons",
        ),
        "stop_codons": Output(
            "string_list",
            "the list of stop codons of {table}",
            asks=(
                "Which codons are stop codons in {table}? List them.",
                "List the codons that end translation under {table}.",
            ),
            measure="stop codons",
        ),
        "reassigned_codons": Output(
            "string_list",
            "the list of codons whose meaning in {table} differs from the standard code",
            asks=(
                "Which codons mean something different in {table} than in the standard genetic code? List them.",
                "List the codons that {table} reads differently from the standard code (another amino acid, or a "
                "stop in only one of them).",
            ),
            measure="reassigned codons",
        ),
        "reassigned_count": Output(
            "count",
            "the number of codons whose meaning in {table} differs from the standard code",
            asks=(
                "How many codons does {table} read differently from the standard genetic code?",
                "In how many codons does {table} depart from the standard code?",
            ),
            measure="number of reassigned codons",
            quantity=COUNT,
        ),
    },
    examples=[{"table": 2}, {"table": 11}],
)
def codon_table_info(p: CodonTableId) -> dict:
    table, standard = codon_table(p.table), codon_table(1)

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
        "amino_acid": Output(
            "amino_acid",
            "the amino acid encoded by {codon} in {table}",
            asks=(
                "Which amino acid does {codon} encode in {table}? Answer with its one-letter code.",
                "In {table}, what does {codon} code for? Give the one-letter amino-acid code.",
            ),
        ),
        "is_stop": Output(
            "boolean",
            "whether {codon} is a stop codon in {table}",
            asks=("Is {codon} a stop codon in {table}?", "Does translation stop at {codon} under {table}?"),
        ),
        "is_start": Output(
            "boolean",
            "whether {codon} is a start codon in {table}",
            asks=("Can {codon} serve as a start codon in {table}?", "Is {codon} one of the start codons of {table}?"),
        ),
    },
    examples=[{"codon": "TGA", "table": 2}, {"codon": "TGA", "table": 1}],
)
def codon_meaning(p: CodonQuery) -> dict:
    table = codon_table(p.table)
    return {
        "amino_acid": table.forward_table.get(p.codon),
        "is_stop": p.codon in table.stop_codons,
        "is_start": p.codon in table.start_codons,
    }


class CodonUsage(BaseModel):
    sequence: str = Field(
        description="Coding DNA sequence read in frame from its first base (A, C, G, T).",
        min_length=3,
        max_length=MAX_DNA,
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
        # The input's length divided by three: nothing to ask.
        "codon_count": Output("count", "the number of codons in {sequence}", quantity=COUNT, askable=False),
        "distinct_codons": Output(
            "count",
            "the number of distinct codons used in {sequence}",
            asks=(
                "How many different codons does {sequence} use, read in frame from its first base?",
                "Reading {sequence} codon by codon from the first base, how many distinct codons appear?",
            ),
            measure="number of distinct codons",
            quantity=COUNT,
        ),
        "most_common_codon": Output(
            "codon",
            "the most frequent codon in {sequence}",
            asks=(
                "Which codon does {sequence} use most often, read in frame from its first base? On a tie, give the "
                "alphabetically first.",
                "What is the most frequent codon in {sequence} (in frame from base 1, alphabetically first on ties)?",
            ),
            chain=False,
        ),
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
            "count",
            "the number of codons read differently by genetic codes {table_a} and {table_b}",
            asks=(
                "How many codons are read differently by {table_a} and {table_b}?",
                "In how many of the 64 codons do {table_a} and {table_b} disagree (a different amino acid, or a stop "
                "in only one)?",
            ),
            measure="number of codons read differently",
            quantity=COUNT,
        ),
        "codons": Output(
            "string_list",
            "the codons read differently by genetic codes {table_a} and {table_b}",
            asks=(
                "Which codons do {table_a} and {table_b} read differently? List them.",
                "List the codons whose meaning differs between {table_a} and {table_b}.",
            ),
            measure="codons read differently",
        ),
    },
    examples=[{"table_a": 1, "table_b": 2}],
)
def codon_table_differences(p: TablePair) -> dict:
    if p.table_a == p.table_b:
        raise ToolInputError("the two genetic code tables are the same")
    a, b = codon_table(p.table_a), codon_table(p.table_b)
    codons = sorted({*a.forward_table, *a.stop_codons, *b.forward_table, *b.stop_codons})
    diff = [c for c in codons if a.forward_table.get(c, "*") != b.forward_table.get(c, "*")]
    return {"difference_count": len(diff), "codons": diff}


class OrfQuery(BaseModel):
    sequence: str = Field(
        description="DNA sequence (A, C, G, T), both strands searched.",
        min_length=3,
        max_length=MAX_DNA,
        pattern=r"^[ACGT]+$",
        json_schema_extra=port(
            "dna_sequence", samples=[DNA_SAMPLES[0], DNA_SAMPLES[1], DNA_SAMPLES[4], DNA_SAMPLES[5]]
        ),
    )
    min_length_aa: int = Field(
        description="Minimum ORF length in amino acids.",
        ge=1,
        le=10000,
        json_schema_extra=port("integer", quantity=COUNT, samples=[3, 2, 1, 5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Open reading frames (ATG to stop, standard code) on both strands of a DNA sequence at least a "
    "minimum length: how many, and the length of the longest.",
    outputs={
        "orf_count": Output(
            "count",
            "the number of ORFs of at least {min_length_aa} amino acids in {sequence}",
            asks=(
                "How many open reading frames of at least {min_length_aa} amino acids (ATG to stop, standard code) "
                "lie on either strand of {sequence}?",
                "Counting both strands with the standard genetic code, how many ATG-to-stop ORFs of "
                "{min_length_aa} or more codons does {sequence} contain?",
            ),
            measure="number of ORFs",
            quantity=COUNT,
        ),
        "longest_aa": Output(
            "count",
            "the length of the longest ORF of at least {min_length_aa} amino acids in {sequence}",
            asks=(
                "Among the ATG-to-stop ORFs of at least {min_length_aa} amino acids on either strand of {sequence} "
                "(standard code), how many amino acids does the longest encode? Answer 0 if there is none.",
                "How long, in codons without the stop, is the longest ORF of {sequence} (both strands, standard "
                "code) that reaches {min_length_aa} amino acids? Give 0 if none does.",
            ),
            measure="length of the longest ORF",
            quantity=COUNT,
        ),
    },
    examples=[{"sequence": DNA_SAMPLES[0], "min_length_aa": 3}],
)
def orf_count(p: OrfQuery) -> dict:
    stops = frozenset(codon_table(1).stop_codons)
    # _orfs searches both strands itself and gives (length in codons, strand, frame, start, closed); an ORF here
    # runs from ATG to a stop, so one open at the 3' end does not count.
    lengths = [o[0] for o in _orfs(p.sequence, stops) if o[4] and o[0] >= p.min_length_aa]
    return {"orf_count": len(lengths), "longest_aa": max(lengths) if lengths else 0}


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
        "codons": Output(
            "string_list",
            "the codons of {amino_acid} in {table}",
            asks=(
                "Which codons encode {amino_acid} in {table}? List them.",
                "List every codon that {table} translates as {amino_acid}.",
            ),
            measure="codons",
        ),
        "codon_count": Output(
            "count",
            "the number of codons of {amino_acid} in {table}",
            asks=(
                "How many codons encode {amino_acid} in {table}?",
                "Under {table}, by how many different codons can {amino_acid} be encoded?",
            ),
            measure="number of codons",
            quantity=COUNT,
        ),
    },
    examples=[{"amino_acid": "W", "table": 2}],
)
def codons_for_amino_acid(p: AminoAcidInTable) -> dict:
    table = codon_table(p.table)
    codons = sorted(c for c, aa in table.forward_table.items() if aa == p.amino_acid)
    if not codons:
        raise ToolInputError(f"{p.amino_acid!r} is not encoded in genetic code {p.table}")
    return {"codons": codons, "codon_count": len(codons)}
