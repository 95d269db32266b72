"""Biology & physical science: DNA, RNA and proteins (Biopython, REBASE), CODATA constants and units (scipy,
Pint), the sky (ephem), earth science, statistics and number theory.

Every value comes from data shipped in a wheel or from a deterministic computation on the arguments:
REBASE restriction enzymes, NCBI genetic codes, ProtParam scales and the BLOSUM62/PAM250 matrices in Biopython,
CODATA 2022 constants and statistical distributions in scipy, Pint's unit definitions, ephem's VSOP87/ELP
ephemerides, bright-star catalogue (Hipparcos) and city list, and published formulas (WGS84 normal gravity, US
Standard Atmosphere 1976, Magnus dew point) written out here. Dates are parameters, read as 00:00 UT unless a tool
says otherwise.

Sample DNA sequences are real, widely published lab sequences: the pUC19 multiple cloning site, the T7, T3 and
SP6 promoter primers and the M13 forward (-20) and reverse sequencing primers; the DNA seeds are REBASE
recognition sites. Sample proteins are real human or insect peptides (angiotensin II, bradykinin, oxytocin,
vasopressin, substance P, glucagon, insulin A and B chains, melittin).

Modules:
    common         shared DNA fields, REBASE, codon tables, CODATA names, the star catalogue and ephem helpers
    enzymes        REBASE restriction enzymes: lookups, digests, compatible ends, enzymes by site
    dna            DNA and RNA sequences: reverse complement, composition, melting temperatures, transcription,
                   skews, k-mers, motifs, alignment, CpG and GC windows
    genetic_code   NCBI genetic codes: translation, open reading frames, codon meanings, codon usage
    proteins       proteins and amino acids: ProtParam properties, composition, alignment, charge, hydropathy,
                   motifs, trypsin digests, substitution scores
    physics        CODATA constants and Pint units, photons, black bodies, radioactive decay, Doppler shifts
    earth          normal gravity, the standard atmosphere, dew point and heat index
    sky            the Sun, Moon and planets: positions, rise and set, phases, equinoxes, sidereal time, Julian dates
    stars          the bright-star catalogue and constellations: star data, altitude, visibility, separations
    stats          statistical distributions, critical values, regression, Welch's t-test, survey sample sizes
    number_theory  prime factorization, primes, gcd/lcm, combinatorics, number bases, quadratic roots
    seeds          the seed sources
"""
