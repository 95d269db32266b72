"""Seed sources of the medchem domain: chemical names, CAS numbers, ICD-10-CM codes and blocks, element symbols."""

from __future__ import annotations

import re
from functools import cache

from tool_catalog.domains.medchem.common import CAS, DOMAIN, icd, icd_leaves
from tool_catalog.registry import seed_source

_SEED_NAME = re.compile(r"[a-z][a-z0-9 ,()'\[\]+-]{2,50}")
_REGISTRY_ID = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5,}|^(nsc|ccris|hsdb|icn|agn-pc|einecs|unii|akos|mfcd) ")
"""Database identifiers listed as synonyms (ac1l1fan, nsc406180, chembl397705, hsdb 6091), not names."""


@cache
def _name_seeds() -> tuple[str, ...]:
    from chemicals import phase_change
    from chemicals.identifiers import CAS_from_any, search_chemical

    phase_change.Tb("64-17-5")  # loads the property tables
    names = set()
    for cas in phase_change.Tb_sources["CRC_ORG"].index:
        try:
            name = search_chemical(cas).common_name
        except ValueError:
            continue
        if (
            not name
            or not _SEED_NAME.fullmatch(name)
            or _REGISTRY_ID.search(name)
            or re.search(r"\d{2,}-\d{2}-\d", name)
        ):
            continue
        try:
            if CAS_from_any(name) == cas:
                names.add(name)
        except ValueError:
            continue
    return tuple(sorted(names))


@seed_source(
    domain=DOMAIN,
    port="chemical_name",
    package="chemicals",
    description="Common names of compounds in the CRC organic-constants table that resolve back to their CAS number",
)
def chemical_name_seeds() -> list[str]:
    return list(_name_seeds())


@seed_source(
    domain=DOMAIN,
    port="cas_number",
    package="chemicals",
    description="CAS numbers of compounds with evaluated critical constants (HEOS, IUPAC, Matthews, CRC, PD, "
    "Pina-Martinez tables)",
)
def cas_seeds() -> list[str]:
    from chemicals import critical
    from chemicals.identifiers import check_CAS, search_chemical

    critical.Tc("64-17-5")  # loads the tables
    found = set()
    for source in ("HEOS", "IUPAC", "MATTHEWS", "CRC", "PD", "PINAMARTINES"):
        table = critical.Tc_sources[source]
        found.update(table.index[table["Tc"].notna()])
    seeds = []
    for cas in found:
        if not re.fullmatch(CAS, cas) or not check_CAS(cas):
            continue
        try:
            search_chemical(cas)
        except ValueError:
            continue
        seeds.append(cas)
    return sorted(seeds)


@seed_source(
    domain=DOMAIN,
    port="icd10cm_code",
    package="simple-icd-10-cm",
    description="Billable ICD-10-CM codes without a seventh-character extension",
)
def icd10cm_seeds() -> list[str]:
    cm = icd()
    return sorted(code for code, _ in icd_leaves() if not cm.is_extended_subcategory(code))


@seed_source(
    domain=DOMAIN,
    port="icd10cm_block",
    package="simple-icd-10-cm",
    description="ICD-10-CM blocks (category ranges) directly under a chapter",
)
def icd10cm_block_seeds() -> list[str]:
    cm = icd()
    return sorted(
        {b for b in cm.get_all_codes() if cm.is_block(b) and cm.get_parent(b, prioritize_blocks=True).isdigit()}
    )


@seed_source(domain=DOMAIN, port="element_symbol", package="periodictable", description="Symbols of elements 1-118")
def element_seeds() -> list[str]:
    import periodictable

    return sorted(e.symbol for e in periodictable.elements if e.number >= 1)
