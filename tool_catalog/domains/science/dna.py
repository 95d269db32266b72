"""DNA and RNA sequence tools (Biopython and the standard library): reverse complement, base composition, melting
temperatures, transcription and back-transcription, GC/AT skews, k-mer spectra, motifs, global alignment, CpG
content and sliding-window GC content.
"""

from __future__ import annotations

import collections
import warnings

from pydantic import BaseModel, Field

from tool_catalog.domains.science.common import DNA_PATTERN, DNA_SAMPLES, DOMAIN, MAX_DNA, DnaSequence
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

CELSIUS = quantity("degC", "interval")
FRACTION = quantity("dimensionless")


def _unambiguous(seq: str, what: str = "sequence") -> str:
    bad = sorted(set(seq) - set("ACGT"))
    if bad:
        raise ToolInputError(f"the {what} contains ambiguous bases {''.join(bad)}; this tool needs A, C, G and T only")
    return seq


def _site_like(sequence: str) -> bool:
    pairs = {"A": "T", "T": "A", "G": "C", "C": "G"}
    return 4 <= len(sequence) <= 12 and pairs.get(sequence[:1].upper()) == sequence[-1:].upper()


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Reverse complement of a DNA sequence (IUPAC ambiguity codes are complemented too), and whether "
    "the sequence is its own reverse complement (a palindromic site).",
    outputs={
        "reverse_complement": Output(
            "dna_sequence",
            "the reverse complement of {sequence}",
            asks=(
                "What is the reverse complement of {sequence}?",
                "Write the reverse complement of {sequence}, 5' to 3'.",
                "I need the opposite strand of {sequence}, read 5' to 3'. What is it?",
            ),
            chain=False,
        ),
        "is_palindromic": Output(
            "boolean",
            "whether {sequence} equals its own reverse complement",
            asks=(
                "Is {sequence} its own reverse complement?",
                "Does {sequence} read the same 5' to 3' on both strands, like a palindromic restriction site?",
            ),
            # asked of a site-length sequence whose ends pair, where one must check it base by base; a long
            # sequence, or one whose first and last bases do not pair, is visibly not
            worth=lambda args, _out: _site_like(str(args.get("sequence", ""))),
        ),
    },
    inverse="reverse_complement",
    examples=[{"sequence": "TAATACGACTCACTATAGGG"}, {"sequence": "GAATTC"}],
)
def reverse_complement(p: DnaSequence) -> dict:
    from Bio.Seq import Seq

    rc = str(Seq(p.sequence).reverse_complement())
    return {"reverse_complement": rc, "is_palindromic": rc == p.sequence}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Base composition of an unambiguous DNA sequence: GC fraction and the molecular weight in daltons "
    "of the single strand and of the double-stranded molecule (Biopython SeqUtils).",
    outputs={
        "gc_fraction": Output(
            "number",
            "the GC fraction of {sequence}",
            asks=(
                "Give the GC content of {sequence} as a fraction.",
                "What fraction of the bases in {sequence} are G or C?",
                "How GC-rich is {sequence}? Give its GC fraction.",
            ),
            measure="GC content",
            quantity=FRACTION,
        ),
        "mw_single_strand": Output(
            "number",
            "the single-stranded molecular weight in daltons of {sequence}",
            asks=(
                "What is the molecular weight of {sequence} as a single strand with a 5' phosphate, in daltons?",
                "How much does a 5'-phosphorylated single-stranded oligo of {sequence} weigh, in daltons?",
            ),
            measure="single-stranded molecular weight",
            quantity=quantity("Da", additive=True),
        ),
        "mw_double_strand": Output(
            "number",
            "the double-stranded molecular weight in daltons of {sequence}",
            asks=(
                "What is the double-stranded molecular weight of {sequence}, with a 5' phosphate on each strand, in "
                "daltons?",
                "If {sequence} is annealed to its complement, what does the duplex weigh in daltons (both strands "
                "5'-phosphorylated)?",
            ),
            measure="double-stranded molecular weight",
            quantity=quantity("Da", additive=True),
        ),
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
        "tm_nearest_neighbor": Output(
            "number",
            "the nearest-neighbour melting temperature in °C of {sequence}",
            asks=(
                "What is the nearest-neighbour melting temperature (Allawi & SantaLucia 1997 parameters, SantaLucia "
                "1998 salt correction) of {sequence} at 50 mM Na+ and 25 nM of each strand, in °C?",
                "At what temperature, in °C, does {sequence} melt by the nearest-neighbour model (Allawi & SantaLucia "
                "1997 parameters, SantaLucia 1998 salt correction; 50 mM Na+, 25 nM of each strand)?",
                "I'm designing a primer with {sequence}. What Tm in °C does the nearest-neighbour method (Allawi & "
                "SantaLucia 1997 parameters, SantaLucia 1998 salt correction) give at 50 mM Na+ and 25 nM of primer "
                "and of its complement?",
            ),
            measure="nearest-neighbour melting temperature",
            quantity=CELSIUS,
        ),
        "tm_wallace": Output(
            "number",
            "the Wallace-rule melting temperature in °C of {sequence}",
            asks=(
                "Estimate the melting temperature of {sequence} in °C with the Wallace rule.",
                "Using the rule of 2 °C per A or T and 4 °C per G or C, what Tm does {sequence} have?",
            ),
            measure="Wallace-rule melting temperature",
            quantity=CELSIUS,
        ),
        "tm_gc": Output(
            "number",
            "the GC-content melting temperature in °C of {sequence}",
            asks=(
                "What melting temperature in °C does the GC-content formula give for {sequence}?",
                "Estimate the Tm of {sequence} in °C from its GC content and length.",
            ),
            measure="GC-content melting temperature",
            quantity=CELSIUS,
        ),
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


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Transcribe a DNA coding strand into messenger RNA (T -> U) and report its length.",
    outputs={
        # Both restate the input (T written as U; its length): a step to chain, not an answer.
        "rna": Output("rna_sequence", "the RNA transcribed from {sequence}", askable=False),
        "length": Output(
            "count", "the length in bases of the RNA transcribed from {sequence}", quantity=COUNT, askable=False
        ),
    },
    inverse="back_transcribe_rna",
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
        max_length=MAX_DNA,
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
        "dna": Output("dna_sequence", "the DNA coding strand of {rna}", askable=False),  # the input, U written as T
        "protein": Output(
            "protein_sequence",
            "the protein encoded by {rna} read from its first base",
            asks=(
                "What peptide does {rna} encode when read from its first base with the standard genetic code, up to "
                "the first stop codon?",
                "Translate {rna} from its first base with the standard code, stopping at the first stop codon. "
                "Which protein sequence do you get?",
            ),
        ),
    },
    inverse="transcribe_dna",
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
        "gc_skew": Output(
            "number",
            "the GC skew of {sequence}",
            asks=(
                "What is the GC skew, (G - C)/(G + C), of {sequence}?",
                "Does {sequence} carry more G than C? Give its GC skew (G - C)/(G + C).",
            ),
            measure="GC skew",
            quantity=quantity("dimensionless", "interval"),
            askable=False,
        ),
        "at_skew": Output(
            "number",
            "the AT skew of {sequence}",
            asks=(
                "Calculate the AT skew, (A - T)/(A + T), of {sequence}.",
                "Compute the AT skew of {sequence}: (A - T) divided by (A + T).",
            ),
            measure="AT skew",
            quantity=quantity("dimensionless", "interval"),
            askable=False,
        ),
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
        max_length=MAX_DNA,
        pattern=DNA_PATTERN,
        json_schema_extra=port("dna_sequence", samples=DNA_SAMPLES[:5]),
    )
    k: int = Field(
        description="Word length k (1-12).",
        ge=1,
        le=12,
        json_schema_extra=port("integer", quantity=COUNT, samples=[3, 2, 4, 1, 5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="k-mer spectrum of a DNA sequence: how many distinct words of length k occur, the most frequent "
    "one (alphabetically first on ties) and its count.",
    outputs={
        "distinct_kmers": Output(
            "count",
            "the number of distinct {k}-mers in {sequence}",
            asks=(
                "How many distinct {k}-mers occur in {sequence}?",
                "How many different words of {k} bases appear in {sequence}?",
            ),
            measure="number of distinct k-mers",
            quantity=COUNT,
        ),
        "most_common_kmer": Output(
            "label",
            "the most frequent {k}-mer in {sequence}",
            asks=(
                "Which {k}-mer occurs most often in {sequence}? On a tie, give the alphabetically first.",
                "What is the most frequent word of {k} bases in {sequence} (overlaps counted, alphabetically first on "
                "ties)?",
            ),
        ),
        "most_common_count": Output(
            "count",
            "the count of the most frequent {k}-mer in {sequence}",
            asks=(
                "How many times does the most frequent {k}-mer occur in {sequence}?",
                "Counting overlapping words, how often does the commonest {k}-base word appear in {sequence}?",
            ),
            measure="count of the most frequent k-mer",
            quantity=COUNT,
        ),
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
        max_length=MAX_DNA,
        pattern=DNA_PATTERN,
        json_schema_extra=port("dna_sequence", samples=DNA_SAMPLES[:5]),
    )
    motif: str = Field(
        description="Motif in IUPAC letters (N, R, Y ... allowed), e.g. 'GGNCC'.",
        min_length=1,
        max_length=50,
        pattern=DNA_PATTERN,
        json_schema_extra=port("dna_sequence", samples=["GG", "CAC", "AA", "TT", "CG"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Find a motif (IUPAC degenerate letters allowed) on the forward strand of a DNA sequence: the "
    "number of occurrences and their 1-based start positions (overlaps counted).",
    outputs={
        "occurrences": Output(
            "count",
            "the number of occurrences of the motif {motif} in {sequence}",
            asks=(
                "How many times does {motif} occur on the forward strand of {sequence}, counting overlapping matches?",
                "Count the matches of the motif {motif:code} on the forward strand of {sequence}, overlapping ones "
                "too.",
            ),
            measure="number of motif occurrences",
            quantity=COUNT,
        ),
        "positions": Output(
            "number_list",
            "the start positions of the motif {motif} in {sequence}",
            asks=(
                "At which positions does {motif} start in {sequence}? Number the bases from 1 and list them.",
                "List the 1-based start positions of every match of {motif} on the forward strand of {sequence}.",
            ),
            measure="motif start positions",
            quantity=ORDINAL,
        ),
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
        "score": Output(
            "number",
            "the global alignment score of {sequence_a} and {sequence_b}",
            asks=(
                "What is the best global alignment score of {sequence_a} and {sequence_b}, scoring match +1, "
                "mismatch 0, gap opening -1 and gap extension -0.5?",
                "Align {sequence_a} globally with {sequence_b} (match 1, mismatch 0, gaps -1 to open and -0.5 to "
                "extend). What score does the best alignment get?",
            ),
            measure="global alignment score",
            quantity=quantity("dimensionless", "interval"),
            askable=False,
        ),
        "identities": Output(
            "count",
            "the number of identical aligned bases of {sequence_a} and {sequence_b}",
            asks=(
                "In the best global alignment of {sequence_a} with {sequence_b} (match 1, mismatch 0, gap open -1, "
                "extend -0.5), how many aligned positions are identical?",
                "How many bases match when {sequence_a} and {sequence_b} are aligned end to end (match 1, mismatch 0, "
                "gap open -1, extend -0.5)?",
            ),
            measure="number of identical aligned bases",
            quantity=COUNT,
            askable=False,
        ),
        "percent_identity": Output(
            "number",
            "the percent identity of {sequence_a} and {sequence_b}",
            asks=(
                "What percent identity do {sequence_a} and {sequence_b} share in a global alignment (match 1, "
                "mismatch 0, gap open -1, extend -0.5), over the length of the shorter one?",
                "Aligned globally (match 1, mismatch 0, gaps -1 to open, -0.5 to extend), what percentage of the "
                "shorter of {sequence_a} and {sequence_b} is identical?",
            ),
            measure="percent identity",
            quantity=quantity("percent"),
            askable=False,
        ),
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


class SaltTm(BaseModel):
    sequence: str = Field(
        description="Primer or oligo sequence (A, C, G, T), 8-60 bases.",
        min_length=8,
        max_length=60,
        pattern=r"^[ACGT]+$",
        json_schema_extra=port("dna_sequence", samples=DNA_SAMPLES[1:6]),
    )
    sodium_mm: float = Field(
        description="Sodium concentration in mM.",
        gt=0,
        le=2000,
        json_schema_extra=port("number", quantity=quantity("mM"), samples=[50, 100, 10, 200, 150]),
    )
    magnesium_mm: float = Field(
        description="Magnesium concentration in mM (0 for none).",
        ge=0,
        le=100,
        # a PCR buffer has Mg2+ (1.5-3 mM)
        json_schema_extra=port("number", quantity=quantity("mM"), samples=[1.5, 2.0, 2.5, 1.5, 3]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Nearest-neighbour melting temperature of an oligo (Biopython Tm_NN: Allawi & SantaLucia 1997 "
    "tables, 25 nM strands, SantaLucia 1998 salt correction with Mg2+ as von Ahsen's sodium equivalent) at given "
    "sodium and magnesium concentrations, as for a PCR buffer.",
    outputs={
        "tm_celsius": Output(
            "number",
            "the melting temperature in C of {sequence} with {sodium_mm} mM Na+ and {magnesium_mm} mM Mg2+",
            asks=(
                "What is the nearest-neighbour melting temperature (Allawi & SantaLucia 1997 parameters, SantaLucia "
                "1998 salt correction, Mg2+ by von Ahsen's sodium equivalent) of {sequence}, in °C, at 25 nM of each "
                "strand in a buffer with {sodium_mm} mM Na+ and {magnesium_mm} mM Mg2+?",
                "My PCR buffer has {sodium_mm} mM Na+ and {magnesium_mm} mM Mg2+, with 25 nM each of primer and "
                "complement. By the nearest-neighbour method (Allawi & SantaLucia 1997 parameters, SantaLucia 1998 "
                "salt correction, Mg2+ by von Ahsen's sodium equivalent), at what temperature in °C does {sequence} "
                "melt?",
                "Using nearest-neighbour thermodynamics (Allawi & SantaLucia 1997 parameters, SantaLucia 1998 salt "
                "correction, Mg2+ by von Ahsen's sodium equivalent), what Tm in °C does {sequence} have at "
                "{sodium_mm} mM Na+, {magnesium_mm} mM Mg2+ and 25 nM of each strand?",
            ),
            measure="melting temperature",
            quantity=CELSIUS,
        ),
    },
    examples=[{"sequence": "TAATACGACTCACTATAGGG", "sodium_mm": 50, "magnesium_mm": 1.5}],
)
def primer_tm_in_buffer(p: SaltTm) -> dict:
    from Bio.SeqUtils import MeltingTemp

    return {"tm_celsius": round(float(MeltingTemp.Tm_NN(p.sequence, Na=p.sodium_mm, Mg=p.magnesium_mm)), 2)}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="CpG content of a DNA sequence: the number of CpG dinucleotides and the observed/expected CpG "
    "ratio (Gardiner-Garden and Frommer), which is above 0.6 in CpG islands.",
    outputs={
        "cpg_count": Output(
            "count",
            "the number of CpG dinucleotides in {sequence}",
            asks=(
                "How many CpG dinucleotides does {sequence} contain?",
                "How many times does a C followed by a G occur in {sequence}?",
            ),
            measure="number of CpG dinucleotides",
            quantity=COUNT,
        ),
        "observed_expected_ratio": Output(
            "number",
            "the observed/expected CpG ratio of {sequence}",
            asks=(
                "Compute the observed/expected CpG ratio of {sequence}.",
                "Could {sequence} be part of a CpG island? Give its observed-to-expected CpG ratio (Gardiner-Garden "
                "and Frommer).",
            ),
            measure="observed/expected CpG ratio",
            quantity=FRACTION,
            # Gardiner-Garden and Frommer's criterion is for windows of 200 bases or more: on a primer it is noise
            worth=lambda arguments, _output: len(arguments.get("sequence", "")) >= 200,
        ),
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
        max_length=MAX_DNA,
        pattern=r"^[ACGT]+$",
        json_schema_extra=port(
            "dna_sequence", samples=[DNA_SAMPLES[0], DNA_SAMPLES[1], DNA_SAMPLES[2], DNA_SAMPLES[4]]
        ),
    )
    window: int = Field(
        description="Window length in bases (2-1000).",
        ge=2,
        le=1000,
        json_schema_extra=port("integer", quantity=COUNT, samples=[10, 8, 6, 12]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Sliding-window GC content of a DNA sequence: the highest and lowest GC fraction over all windows "
    "of a given length, and where the richest window starts (1-based).",
    outputs={
        "max_gc": Output(
            "number",
            "the highest GC fraction in {window}-base windows of {sequence}",
            asks=(
                "What is the highest GC fraction of any {window}-base window of {sequence}?",
                "Sliding a window of {window} bases along {sequence}, what is the largest GC fraction you find?",
            ),
            measure="highest GC content of a window",
            quantity=FRACTION,
        ),
        "min_gc": Output(
            "number",
            "the lowest GC fraction in {window}-base windows of {sequence}",
            asks=(
                "Find the lowest GC fraction of any {window}-base window of {sequence}.",
                "Sliding a window of {window} bases along {sequence}, how low does the GC fraction get?",
            ),
            measure="lowest GC content of a window",
            quantity=FRACTION,
        ),
        "max_gc_start": Output(
            "count",
            "the start of the most GC-rich {window}-base window of {sequence}",
            asks=(
                "At which position does the most GC-rich {window}-base window of {sequence} start? Count from 1 and "
                "take the first one on ties.",
                "Where does the {window}-base stretch of {sequence} with the highest GC content begin? Give its "
                "1-based start (the earliest on ties).",
            ),
            measure="start of the most GC-rich window",
            quantity=ORDINAL,
        ),
    },
    examples=[{"sequence": DNA_SAMPLES[0], "window": 10}],
)
def gc_window_extremes(p: WindowQuery) -> dict:
    s, w = p.sequence, p.window
    if w > len(s):
        raise ToolInputError(f"the window ({w}) is longer than the sequence ({len(s)})")
    gc = [sum(1 for ch in s[i : i + w] if ch in "GC") / w for i in range(len(s) - w + 1)]
    best = max(range(len(gc)), key=lambda i: (gc[i], -i))
    return {"max_gc": round(max(gc), 4), "min_gc": round(min(gc), 4), "max_gc_start": best + 1}
