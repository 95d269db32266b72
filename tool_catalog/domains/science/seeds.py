"""Seed sources of the science domain: REBASE enzymes, standard primers, CODATA constant names, bright stars,
constellations, solar-system bodies, ephem's cities and the standard amino acids.
"""

from __future__ import annotations

from tool_catalog.domains.science.common import BODIES, DOMAIN, current_constants, rebase, star_catalog
from tool_catalog.registry import seed_source


@seed_source(
    domain=DOMAIN, port="restriction_enzyme", package="biopython", description="every REBASE enzyme in Biopython"
)
def enzyme_seeds() -> list[str]:
    return sorted(rebase())


PRIMERS = (
    "GTAAAACGACGGCCAGT",  # M13 forward (-20)
    "CAGGAAACAGCTATGAC",  # M13 reverse
    "TAATACGACTCACTATAGGG",  # T7 promoter
    "GCTAGTTATTGCTCAGCGG",  # T7 terminator
    "ATTTAGGTGACACTATAG",  # SP6 promoter
    "AATTAACCCTCACTAAAGGG",  # T3 promoter
    "TAGAAGGCACAGTCGAGG",  # BGH reverse
    "CGCAAATGGGCGGTAGGCGTG",  # CMV forward
    "GGGCTGGCAAGCCACGTTTGGTG",  # pGEX 5'
    "CCGGGAGCTGCATGTGTCAGAGG",  # pGEX 3'
    "CATGGTCCTGCTGGAGTTCGTG",  # EGFP-C
    "CGTCGCCGTCCAGCTCGACCAG",  # EGFP-N
    "ATGCCATAGCATTTTTATCC",  # pBAD forward
    "GATTTAATCTGTATCAGG",  # pBAD reverse
    "GAGGGCCTATTTCCCATGATT",  # human U6 promoter forward
    "GACTATCATATGCTTACCGT",  # pLKO.1 5'
    "CATAGCGTAAAAGGAGCAACA",  # WPRE reverse
    "ATAATACCGCGCCACATAGC",  # ampicillin resistance gene
    "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT",  # pUC19 multiple cloning site
)
"""Standard sequencing and cloning primers of common vectors (as primer lists such as Addgene's give them) and the
pUC19 multiple cloning site: sequences people compute with, long enough that nobody does it by hand."""


@seed_source(
    domain=DOMAIN,
    port="dna_sequence",
    package="biopython",
    description="standard sequencing and cloning primers of common vectors and the pUC19 multiple cloning site",
)
def primer_seeds() -> list[str]:
    return sorted(PRIMERS)


@seed_source(domain=DOMAIN, port="physical_constant", package="scipy", description="current CODATA 2022 constant names")
def constant_seeds() -> list[str]:
    return sorted(current_constants())


@seed_source(domain=DOMAIN, port="star_name", package="ephem", description="names in ephem's bright-star catalogue")
def star_seeds() -> list[str]:
    return sorted(star_catalog())


@seed_source(
    domain=DOMAIN,
    port="constellation",
    package="ephem",
    description="constellations holding at least one star of ephem's catalogue",
)
def constellation_seeds() -> list[str]:
    return sorted({entry[1] for entry in star_catalog().values()})


@seed_source(domain=DOMAIN, port="celestial_body", package="ephem", description="the Sun, the Moon and the planets")
def body_seeds() -> list[str]:
    return sorted(BODIES)


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
