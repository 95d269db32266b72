"""Proteins and amino acids (Biopython): ProtParam properties, composition, amino-acid facts, BLOSUM62 alignment,
secondary-structure propensity, charge at a pH, three-letter codes, codon degeneracy, hydropathy windows, motifs,
trypsin digests and substitution scores.
"""

from __future__ import annotations

import collections
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.science.common import DOMAIN, codon_table
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_MAX_PROTEIN = 5000
DALTONS = quantity("Da", additive=True)
CHARGE = quantity("elementary_charge")
SCORE = quantity("dimensionless", "interval")
"""A score on an arbitrary scale (hydropathy, instability, substitution and alignment scores): differences only."""
FRACTION = quantity("dimensionless")
_PROTEIN_PATTERN = r"^[ACDEFGHIKLMNPQRSTVWY]+$"

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


def _protein_field() -> Any:
    return Field(
        description="Protein sequence in upper-case one-letter codes of the 20 standard amino acids.",
        min_length=1,
        max_length=_MAX_PROTEIN,
        pattern=_PROTEIN_PATTERN,
        json_schema_extra=port("protein_sequence", samples=_PROTEIN_SAMPLES),
    )


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
        "molecular_weight": Output(
            "number",
            "the molecular weight in daltons of {protein}",
            asks=(
                "What is the molecular weight of {protein}, in daltons?",
                "How heavy is {protein}? Give its average molecular mass in daltons.",
                "I need to convert grams of {protein} to moles. What is its molecular weight in Da?",
            ),
            measure="molecular weight",
            quantity=DALTONS,
        ),
        "isoelectric_point": Output(
            "number",
            "the isoelectric point of {protein}",
            asks=(
                "What is the isoelectric point (pI) of {protein}?",
                "At what pH does {protein} carry no net charge?",
                "I want to separate {protein} by isoelectric focusing. At which pH will it stop migrating?",
            ),
            measure="isoelectric point",
            quantity=SCORE,
        ),
        "charge_at_ph7": Output(
            "number",
            "the net charge at pH 7 of {protein}",
            asks=(
                "What is the net charge of {protein} at pH 7?",
                "At neutral pH, what net charge does {protein} carry, in elementary charges?",
            ),
            measure="net charge at pH 7",
            quantity=CHARGE,
        ),
        "instability_index": Output(
            "number",
            "the instability index of {protein}",
            asks=(
                "Compute the instability index of {protein}.",
                "What instability index (Guruprasad et al.) does {protein} get?",
            ),
            measure="instability index",
            quantity=SCORE,
        ),
        "is_stable": Output(
            "boolean",
            "whether {protein} is predicted stable (instability index below 40)",
            asks=(
                "Is {protein} predicted to be stable, with an instability index below 40?",
                "Would {protein} count as stable in a test tube by the instability index (under 40)?",
            ),
        ),
        "gravy": Output(
            "number",
            "the grand average of hydropathy (GRAVY) of {protein}",
            asks=(
                "What is the GRAVY (grand average of hydropathy) of {protein}?",
                "How hydrophobic is {protein} overall? Give its mean Kyte-Doolittle hydropathy (GRAVY).",
            ),
            measure="grand average of hydropathy",
            quantity=SCORE,
        ),
        "aromaticity": Output(
            "number",
            "the aromaticity of {protein}",
            asks=(
                "What fraction of the residues of {protein} are aromatic (F, W or Y)?",
                "Give the aromaticity of {protein} as a fraction.",
            ),
            measure="aromaticity",
            quantity=FRACTION,
        ),
        "extinction_coefficient": Output(
            "count",
            "the molar extinction coefficient at 280 nm of {protein} with all cysteines reduced",
            asks=(
                "What is the molar extinction coefficient of {protein} at 280 nm, in M^-1 cm^-1, with all cysteines "
                "reduced?",
                "To quantify {protein} by its absorbance at 280 nm, which extinction coefficient (M^-1 cm^-1, "
                "cysteines reduced) should I use?",
            ),
            measure="molar extinction coefficient at 280 nm",
            quantity=quantity("1/M/cm"),
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
        "most_common": Output(
            "amino_acid",
            "the most frequent amino acid in {protein}",
            asks=(
                "Which amino acid occurs most often in {protein}? Give its one-letter code (the alphabetically first "
                "on a tie).",
                "What is the commonest residue of {protein}? Answer with the one-letter code, alphabetically first on "
                "ties.",
            ),
            chain=False,
        ),
        "most_common_percent": Output(
            "number",
            "the percentage of {protein} made up by its most frequent residue",
            asks=(
                "What percentage of the residues of {protein} are its most frequent amino acid?",
                "The commonest residue of {protein} makes up what percent of its length?",
            ),
            measure="share of the most frequent residue",
            quantity=quantity("percent"),
        ),
        "distinct_residues": Output(
            "count",
            "the number of distinct amino acids in {protein}",
            asks=(
                "How many different amino acids occur in {protein}?",
                "How many of the 20 standard amino acids appear in {protein}?",
            ),
            measure="number of distinct amino acids",
            quantity=COUNT,
        ),
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
        "three_letter": Output(
            "label",
            "the three-letter code of {amino_acid}",
            asks=("What is the three-letter code of {amino_acid}?", "Write {amino_acid} in three-letter code."),
            askable=False,
        ),
        "codons": Output(
            "string_list",
            "the list of codons for {amino_acid} in the standard genetic code",
            asks=(
                "Which codons encode {amino_acid} in the standard genetic code? List them.",
                "List the codons of the standard code that are read as {amino_acid}.",
            ),
            measure="codons",
            askable=False,
        ),
        "codon_count": Output(
            "count",
            "the number of codons for {amino_acid} in the standard genetic code",
            asks=(
                "How many codons encode {amino_acid} in the standard genetic code?",
                "By how many different codons can {amino_acid} be encoded in the standard code?",
            ),
            measure="number of codons",
            quantity=COUNT,
            askable=False,
        ),
        "hydropathy": Output(
            "number",
            "the Kyte-Doolittle hydropathy of {amino_acid}",
            asks=(
                "Give the Kyte-Doolittle hydropathy value of {amino_acid}.",
                "How hydrophobic is {amino_acid} on the Kyte-Doolittle scale?",
            ),
            measure="Kyte-Doolittle hydropathy",
            quantity=SCORE,
        ),
        "molecular_weight": Output(
            "number",
            "the average molecular weight in daltons of the free form of {amino_acid}",
            asks=(
                "What is the molecular weight of {amino_acid} as a free amino acid, in daltons?",
                "How much does one molecule of {amino_acid} weigh in daltons (average mass of the free acid)?",
            ),
            measure="molecular weight",
            quantity=DALTONS,
        ),
        "monoisotopic_mass": Output(
            "number",
            "the monoisotopic mass in daltons of the free form of {amino_acid}",
            asks=(
                "What is the monoisotopic mass of {amino_acid} as a free amino acid, in daltons?",
                "For mass spectrometry: what monoisotopic mass, in Da, does {amino_acid} have as a free acid?",
            ),
            measure="monoisotopic mass",
            quantity=DALTONS,
        ),
    },
    examples=[{"amino_acid": "W"}, {"amino_acid": "L"}],
)
def amino_acid_info(p: AminoAcid) -> dict:
    from Bio.Data import IUPACData
    from Bio.SeqUtils.ProtParamData import kd

    if p.amino_acid not in IUPACData.protein_letters:
        raise ToolInputError(f"{p.amino_acid!r} is not the one-letter code of a standard amino acid")
    standard = codon_table(1).forward_table
    codons = sorted(c for c, aa in standard.items() if aa == p.amino_acid)
    return {
        "three_letter": IUPACData.protein_letters_1to3[p.amino_acid],
        "codons": codons,
        "codon_count": len(codons),
        "hydropathy": kd[p.amino_acid],
        "molecular_weight": round(IUPACData.protein_weights[p.amino_acid], 4),
        "monoisotopic_mass": round(IUPACData.monoisotopic_protein_weights[p.amino_acid], 4),
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
        "blosum62_score": Output(
            "number",
            "the BLOSUM62 alignment score of {protein_a} and {protein_b}",
            asks=(
                "What is the best global alignment score of {protein_a} and {protein_b} with BLOSUM62, gap opening "
                "-10 and gap extension -0.5?",
                "Align {protein_a} with {protein_b} end to end using BLOSUM62 (gaps -10 to open, -0.5 to extend). "
                "What score does the best alignment get?",
            ),
            measure="BLOSUM62 alignment score",
            quantity=SCORE,
        ),
        "percent_identity": Output(
            "number",
            "the percent identity of the aligned proteins {protein_a} and {protein_b}",
            asks=(
                "How identical are {protein_a} and {protein_b}? Give the percent identity of their BLOSUM62 global "
                "alignment (gaps -10/-0.5) over the shorter sequence.",
                "Aligned globally with BLOSUM62 (gap open -10, extend -0.5), what percentage of the residues of "
                "{protein_a} and {protein_b} match, counted over the shorter one?",
            ),
            measure="percent identity",
            quantity=quantity("percent"),
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
    kind="processing",
    package="biopython",
    description="Predicted secondary-structure propensity of a protein (ProtParam: fractions of residues favouring "
    "helix E M A L K, turn N P G S D, sheet V I Y F W L T, as Biopython 1.80+ counts them).",
    outputs={
        "helix_fraction": Output(
            "number",
            "the helix-favouring fraction of {protein}",
            asks=(
                "What fraction of the residues of {protein} favour a helix (E, M, A, L or K)?",
                "How helix-prone is {protein}? Give the share of its residues that are E, M, A, L or K.",
            ),
            measure="helix-favouring fraction",
            quantity=FRACTION,
        ),
        "turn_fraction": Output(
            "number",
            "the turn-favouring fraction of {protein}",
            asks=(
                "What fraction of the residues of {protein} favour a turn (N, P, G, S or D)?",
                "How turn-prone is {protein}? Give the share of its residues that are N, P, G, S or D.",
            ),
            measure="turn-favouring fraction",
            quantity=FRACTION,
        ),
        "sheet_fraction": Output(
            "number",
            "the sheet-favouring fraction of {protein}",
            asks=(
                "What fraction of the residues of {protein} favour a beta sheet (V, I, Y, F, W, L or T)?",
                "How sheet-prone is {protein}? Give the share of its residues that are V, I, Y, F, W, L or T.",
            ),
            measure="sheet-favouring fraction",
            quantity=FRACTION,
        ),
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
        description="pH, 0-14.",
        ge=0,
        le=14,
        json_schema_extra=port("number", quantity=SCORE, samples=[7.4, 5.0, 8.5, 3.0, 10.0]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Net charge of a protein at a pH (ProtParam, Bjellqvist pK values), and whether it is above or "
    "below its isoelectric point there.",
    outputs={
        "net_charge": Output(
            "number",
            "the net charge of {protein} at pH {ph}",
            asks=(
                "What is the net charge of {protein} at pH {ph}?",
                "In a buffer at pH {ph}, what net charge does {protein} carry, in elementary charges?",
                "I'm choosing an ion-exchange column for {protein} at pH {ph}. What net charge will it have?",
            ),
            measure="net charge",
            quantity=CHARGE,
        ),
        "above_isoelectric_point": Output(
            "boolean",
            "whether pH {ph} is above the isoelectric point of {protein}",
            asks=(
                "Is pH {ph} above the isoelectric point of {protein}?",
                "At pH {ph}, is the solution more basic than the pI of {protein}?",
            ),
        ),
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
        # The input written in another notation: nothing to ask.
        "three_letter": Output("label", "{protein} written in three-letter amino-acid codes", askable=False),
        "monoisotopic_mass": Output(
            "number",
            "the monoisotopic mass in Da of {protein}",
            asks=(
                "Calculate the monoisotopic mass of {protein} in daltons.",
                "For mass spectrometry, what monoisotopic mass in Da should I expect for {protein}?",
            ),
            measure="monoisotopic mass",
            quantity=DALTONS,
        ),
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
        "encoding_sequences": Output(
            "number",
            "the number of DNA sequences encoding {protein} in the standard code",
            asks=(
                "How many different DNA sequences could encode {protein} under the standard genetic code, not "
                "counting the stop codon?",
                "Because of codon degeneracy, how many distinct coding sequences translate to {protein} in the "
                "standard code (stop codon left out)?",
            ),
            measure="number of encoding DNA sequences",
            quantity=quantity("count", "count"),  # a product of choices: a sum over proteins means nothing
        ),
        "coding_length": Output(
            "count",
            "the length in bases of a coding sequence for {protein} including the stop",
            asks=(
                "How many bases long is a coding sequence for {protein}, stop codon included?",
                "What length of DNA, in bases, do I need to encode {protein} including its stop codon?",
            ),
            measure="coding sequence length",
            quantity=COUNT,
        ),
    },
    examples=[{"protein": "DRVYIHPF"}],
)
def protein_codon_degeneracy(p: ProteinSequence) -> dict:
    table = codon_table(1)
    per_residue = collections.Counter(table.forward_table.values())
    total = 1
    for residue in p.protein:
        total *= per_residue[residue]
    return {"encoding_sequences": float(total), "coding_length": 3 * len(p.protein) + 3}


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
        json_schema_extra=port("integer", quantity=COUNT, samples=[9, 7, 11, 5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="biopython",
    description="Kyte-Doolittle hydropathy profile of a protein over sliding windows (Biopython ProtParam): the "
    "most hydrophobic window's mean and start, and whether it exceeds 1.6 (a transmembrane-helix signal).",
    outputs={
        "max_hydropathy": Output(
            "number",
            "the highest mean hydropathy in {window}-residue windows of {protein}",
            asks=(
                "What is the highest mean Kyte-Doolittle hydropathy over windows of {window} residues in {protein}?",
                "Sliding a {window}-residue window along {protein}, what average hydropathy (Kyte-Doolittle) does the "
                "most hydrophobic window reach?",
            ),
            measure="peak window hydropathy",
            quantity=SCORE,
        ),
        "max_window_start": Output(
            "count",
            "the start of the most hydrophobic {window}-residue window of {protein}",
            asks=(
                "At which residue, counting from 1, does the most hydrophobic {window}-residue window of {protein} "
                "start (Kyte-Doolittle, earliest on ties)?",
                "Where in {protein} is the most hydrophobic stretch of {window} residues? Give the 1-based position "
                "of its first residue.",
            ),
            measure="start of the most hydrophobic window",
            quantity=ORDINAL,
        ),
        "membrane_signal": Output(
            "boolean",
            "whether a {window}-residue window of {protein} is hydrophobic enough for a membrane helix",
            asks=(
                "Does any {window}-residue window of {protein} have a mean Kyte-Doolittle hydropathy above 1.6, a "
                "hint of a transmembrane helix?",
                "Is {protein} hydrophobic enough over {window} residues (mean hydropathy above 1.6) to suggest a "
                "membrane-spanning helix?",
            ),
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
        "match_count": Output(
            "count",
            "the number of matches of the motif {motif} in {protein}",
            asks=(
                "How many times does the motif {motif} occur in {protein}, where x is any residue and overlapping "
                "matches count?",
                "Count the matches of the pattern {motif} (x = any amino acid) in {protein}, overlaps included.",
            ),
            measure="number of motif matches",
            quantity=COUNT,
        ),
        "positions": Output(
            "number_list",
            "the start positions of the motif {motif} in {protein}",
            asks=(
                "At which positions, counting from 1, does the motif {motif} start in {protein}? x matches any "
                "residue; list them.",
                "List the 1-based start positions of every match of the pattern {motif} (x = any residue) in "
                "{protein}.",
            ),
            measure="motif start positions",
            quantity=ORDINAL,
        ),
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
        "peptide_count": Output(
            "count",
            "the number of tryptic peptides of {protein}",
            asks=(
                "How many peptides does trypsin cut {protein} into (cleaving after K or R, but not before P)?",
                "In a complete tryptic digest of {protein}, how many peptides result?",
            ),
            measure="number of tryptic peptides",
            quantity=COUNT,
        ),
        "longest_peptide": Output(
            "protein_sequence",
            "the longest tryptic peptide of {protein}",
            asks=(
                "Which is the longest peptide left when {protein} is digested with trypsin? Give its sequence.",
                "After cutting {protein} with trypsin (after K or R, not before P), what is the sequence of the "
                "longest peptide?",
            ),
            chain=False,
        ),
        "longest_peptide_mass": Output(
            "number",
            "the average mass in Da of the longest tryptic peptide of {protein}",
            asks=(
                "Find the average mass, in daltons, of the longest tryptic peptide of {protein}.",
                "I digest {protein} with trypsin. How heavy, in Da, is the longest peptide (average mass)?",
            ),
            measure="mass of the longest tryptic peptide",
            quantity=DALTONS,
        ),
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
        "blosum62": Output(
            "integer",
            "the BLOSUM62 score of substituting {amino_acid_a} by {amino_acid_b}",
            asks=(
                "What is the BLOSUM62 score for replacing {amino_acid_a} by {amino_acid_b}?",
                "In BLOSUM62, what score does a substitution of {amino_acid_a} with {amino_acid_b} get?",
            ),
            measure="BLOSUM62 substitution score",
            quantity=SCORE,
        ),
        "pam250": Output(
            "integer",
            "the PAM250 score of substituting {amino_acid_a} by {amino_acid_b}",
            asks=(
                "Look up the PAM250 score for replacing {amino_acid_a} by {amino_acid_b}.",
                "In the PAM250 matrix, what score does a substitution of {amino_acid_a} with {amino_acid_b} get?",
            ),
            measure="PAM250 substitution score",
            quantity=SCORE,
        ),
        "conservative": Output(
            "boolean",
            "whether substituting {amino_acid_a} by {amino_acid_b} is conservative (BLOSUM62 > 0)",
            asks=(
                "Is replacing {amino_acid_a} by {amino_acid_b} a conservative substitution, with a positive BLOSUM62 "
                "score?",
                "Would a mutation from {amino_acid_a} to {amino_acid_b} count as conservative by BLOSUM62 (score above "
                "0)?",
            ),
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
