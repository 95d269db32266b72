"""Medicine & chemistry: ICD-10-CM, chemical identity and property tables, formulas, elements, clinical formulas.

Backends: simple-icd-10-cm (CMS ICD-10-CM tabular list), chemicals (PubChem-derived metadata and CRC, IUPAC, NIST
WebBook, Yaws, Perry's 8th ed., Poling, Mulero-Cachadina, Magalhaes, Hansen, IARC/NTP, Ontario exposure limits,
IPCC ... property tables), molmass (formula masses), periodictable (NIST/IUPAC element and isotope data, neutron
scattering lengths of Sears, X-ray lines) and published clinical equations written out here (BMI, BSA, CKD-EPI 2021,
Cockcroft-Gault, QTc ...). Only tabulated values are returned: group-contribution estimates (Joback,
Wilson-Jasperson, Fedors) are skipped.

Modules:
    common                 shared helpers and parameter models (ICD-10-CM list, CAS lookup, formula and element parsing)
    icd                    ICD-10-CM codes, blocks and chapters: descriptions, hierarchy, search
    icd_notes              ICD-10-CM notes (Excludes1/2, code first, use additional code, code also, includes ...)
    chemical_identity      compound identity by name, CAS, SMILES, InChIKey or PubChem CID; synonyms; grams to moles
    chemical_properties    tabulated properties by CAS number (phase transitions, critical point, hazards, thermo ...)
    chemical_correlations  temperature/pressure-dependent correlations (vapor pressure, density, viscosity ...)
    formulas               formula masses, composition, combustion, isotope peaks, unsaturation, isomers, molarity
    elements               element and isotope data (periodictable and chemicals periodic tables)
    clinical               clinical equations with their matching ICD-10-CM codes
    seeds                  seed sources: chemical names, CAS numbers, ICD-10-CM codes and blocks, element symbols
"""
