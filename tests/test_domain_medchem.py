"""Medicine & chemistry tools: examples run offline, known facts hold, seeds and samples are valid, bad input fails."""

from __future__ import annotations

import pytest

from tool_catalog import call_tool, domain_tools, seed_sources

TOOLS = domain_tools("medchem")
SOURCES = seed_sources("medchem")


def _ok(name: str, arguments: dict) -> dict:
    result = call_tool(name, arguments)
    assert result.ok, (name, arguments, result.error_type, result.error)
    assert result.output is not None
    return result.output


def _error(name: str, arguments: dict) -> str:
    result = call_tool(name, arguments, default_s=5.0)
    assert not result.ok, (name, arguments, result.output)
    assert result.error_type and result.error
    return result.error_type


def test_medchem_tools_and_seed_sources_are_registered() -> None:
    assert len(TOOLS) >= 60, [t.name for t in TOOLS]
    assert all(t.domain == "medchem" for t in TOOLS)
    assert {s.port for s in SOURCES} >= {"chemical_name", "cas_number", "icd10cm_code", "element_symbol"}
    values = [v for s in SOURCES for v in s.fn()]
    assert len(values) >= 1000
    assert all(isinstance(v, str) and v for v in values)
    for source in SOURCES:
        listed = list(source.fn())
        assert listed == sorted(set(listed)), source.fn.__name__
    counts = {s.port: len(list(s.fn())) for s in SOURCES}
    assert counts["chemical_name"] >= 1000 and counts["cas_number"] >= 1000 and counts["icd10cm_code"] >= 20000
    assert counts["element_symbol"] == 118


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_every_example_executes_offline(tool) -> None:
    for example in tool.examples:
        output = _ok(tool.name, example)
        assert set(tool.outputs) <= set(output)
        for field, out in tool.outputs.items():
            if isinstance(output[field], list):
                assert out.port in ("string_list", "number_list"), (tool.name, field)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_samples_are_valid_arguments(tool) -> None:
    """Fill every required parameter from its samples as the policy does (never repeating a value) and call."""
    samples = {param: tool.param_samples(param) for param in tool.required_params}
    for param, values in samples.items():
        assert 2 <= len(values) <= 8, (tool.name, param, values)
    for i in range(max(len(v) for v in samples.values())):
        arguments: dict = {}
        for param, values in samples.items():
            rotated = values[i % len(values) :] + values[: i % len(values)]
            arguments[param] = next(v for v in rotated if v not in arguments.values())
        _ok(tool.name, arguments)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.fn.__name__)
def test_seeds_are_accepted_by_a_tool(source) -> None:
    """For 50 evenly spaced seeds, at least one medchem tool taking the seed's port returns ok."""
    consumers = []
    for t in TOOLS:
        for param in t.required_params:
            if t.input_ports[param] != source.port:
                continue
            others = [p for p in t.required_params if p != param]
            consumers.append((t, param, {p: t.param_samples(p)[0] for p in others}))
    assert consumers, source.port
    seeds = list(source.fn())
    step = max(1, len(seeds) // 50)
    for value in seeds[::step][:50]:
        results = [call_tool(t.name, {**fixed, param: value}) for t, param, fixed in consumers]
        assert any(r.ok for r in results), (source.port, value, [(r.tool, r.error) for r in results])


@pytest.mark.usefixtures("no_network")
def test_known_facts() -> None:
    # ICD-10-CM (CMS tabular list)
    e119 = _ok("icd10cm_code_info", {"code": "E11.9"})
    assert e119["description"] == "Type 2 diabetes mellitus without complications"
    assert (e119["is_billable"], e119["parent_code"], e119["block"], e119["chapter"]) == (True, "E11", "E08-E13", 4)
    assert e119["category_title"] == "Type 2 diabetes mellitus"
    assert _ok("icd10cm_code_info", {"code": "J45"})["is_billable"] is False
    fracture = _ok("icd10cm_code_info", {"code": "S72.001A"})
    assert fracture["description"].endswith("initial encounter for closed fracture")
    assert fracture["chapter"] == 19
    e11 = _ok("icd10cm_children", {"code": "E11"})
    assert (e11["first_child"], e11["last_child"], e11["child_count"]) == ("E11.0", "E11.A", 10)
    assert _ok("icd10cm_children", {"code": "I10"})["child_count"] == 0
    assert _ok("icd10cm_block_info", {"block": "E08-E13"})["title"] == "Diabetes mellitus"
    assert _ok("icd10cm_block_info", {"block": "J40-J4A"})["chapter_title"] == "Diseases of the respiratory system"
    assert _ok("icd10cm_excludes1", {"code": "E11.9"})["first_excluded_code"] == "E11.A"
    assert _ok("icd10cm_search", {"keyword": "migraine"})["first_code"].startswith("G43.")
    # chemicals (PubChem metadata and property tables)
    assert _ok("chemical_lookup_by_name", {"name": "paracetamol"})["cas_number"] == "103-90-2"
    assert _ok("chemical_lookup_by_name", {"name": "aspirin"})["cas_number"] == "50-78-2"
    ethanol = _ok("chemical_identity", {"cas": "64-17-5"})
    assert (ethanol["common_name"], ethanol["formula"], ethanol["smiles"]) == ("ethanol", "C2H6O", "CCO")
    assert ethanol["inchikey"] == "LFQSCWFLJHTTHZ-UHFFFAOYSA-N"
    assert _ok("chemical_phase_transitions", {"cas": "64-17-5"})["boiling_point_k"] == pytest.approx(351.57, abs=0.1)
    assert _ok("chemical_phase_transitions", {"cas": "7732-18-5"})["melting_point_k"] == pytest.approx(273.15, abs=0.01)
    water = _ok("chemical_critical_point", {"cas": "7732-18-5"})
    assert water["critical_temperature_k"] == pytest.approx(647.1, abs=0.1)
    assert water["critical_pressure_bar"] == pytest.approx(220.64, abs=0.1)
    steam = _ok("chemical_vapor_pressure", {"cas": "7732-18-5", "temperature_k": 373.15})["vapor_pressure_kpa"]
    assert steam == pytest.approx(101.325, rel=0.01)
    benzene = _ok("chemical_hazards", {"cas": "71-43-2"})
    assert benzene["iarc_group"] == "Carcinogenic to humans (1)" and benzene["ntp_status"] == "Known"
    assert _ok("chemical_thermochemistry", {"cas": "74-82-8"})["heat_of_combustion_kj_mol"] == pytest.approx(890, abs=2)
    # molmass, periodictable
    caffeine = _ok("molecular_formula_mass", {"formula": "C8H10N4O2"})
    assert caffeine["average_mass"] == pytest.approx(194.191, abs=0.001)
    assert caffeine["monoisotopic_mass"] == pytest.approx(194.0804, abs=0.0001)
    assert caffeine["heaviest_element"] == "C"
    assert _ok("formula_element_fraction", {"formula": "C8H10N4O2", "element": "C"})["mass_percent"] == pytest.approx(
        49.48, abs=0.01
    )
    assert _ok("combustion_stoichiometry", {"formula": "CH4"})["o2_mol"] == 2.0
    iron = _ok("element_atomic_data", {"symbol": "Fe"})
    assert (iron["name"], iron["atomic_number"], iron["atomic_mass"], iron["most_abundant_isotope"]) == (
        "iron",
        26,
        55.845,
        56,
    )
    oxygen = _ok("element_periodic_properties", {"symbol": "O"})
    assert (oxygen["standard_state_formula"], oxygen["standard_state_cas"], oxygen["group"]) == ("O2", "7782-44-7", 16)
    # clinical formulas against worked examples
    size = _ok("body_size_indices", {"weight_kg": 70, "height_cm": 175})
    assert (size["bmi"], size["bmi_category"], size["bsa_mosteller_m2"]) == (22.86, "normal weight", 1.845)
    assert size["bmi_icd10cm_code"] == "Z68.22"
    assert _ok("body_size_indices", {"weight_kg": 125, "height_cm": 170})["bmi_icd10cm_code"] == "Z68.41"
    assert _ok("egfr_ckd_epi_2021", {"creatinine_mg_dl": 1.0, "age": 50, "sex": "male"}) == {
        "egfr": 91.7,
        "gfr_category": "G1",
        "ckd_icd10cm_code": "N18.1",
    }
    stage3a = _ok("egfr_ckd_epi_2021", {"creatinine_mg_dl": 1.3, "age": 67, "sex": "female"})
    assert (stage3a["gfr_category"], stage3a["ckd_icd10cm_code"]) == ("G3a", "N18.31")
    assert _ok("egfr_ckd_epi_2021", {"creatinine_mg_dl": 0.7, "age": 40, "sex": "female"})["egfr"] == pytest.approx(
        142 * 0.9938**40 * 1.012, abs=0.05
    )
    args = {"creatinine_mg_dl": 1.0, "age": 60, "weight_kg": 72, "sex": "female"}
    assert _ok("creatinine_clearance_cockcroft_gault", args)["creatinine_clearance"] == 68.0
    assert _ok("mg_dl_to_mmol_l", {"formula": "C6H12O6", "mg_per_dl": 180.156})["mmol_per_l"] == pytest.approx(10.0)
    assert _ok("mg_dl_to_mmol_l", {"formula": "C4H7N3O", "mg_per_dl": 1.0})["umol_per_l"] == 88.4


@pytest.mark.usefixtures("no_network")
def test_tools_chain_through_ports() -> None:
    """name -> CAS/formula -> formula mass -> element -> standard state CAS -> phase transitions; ICD hops."""
    caffeine = _ok("chemical_lookup_by_name", {"name": "caffeine"})
    assert caffeine["cas_number"] == "58-08-2"
    identity = _ok("chemical_identity", {"cas": caffeine["cas_number"]})
    element = _ok("molecular_formula_mass", {"formula": identity["formula"]})["heaviest_element"]
    standard = _ok("element_periodic_properties", {"symbol": element})
    assert standard["standard_state_cas"] == "7440-44-0"
    assert _ok("chemical_phase_transitions", {"cas": standard["standard_state_cas"]})["melting_point_k"] > 3000
    glucose = _ok("chemical_lookup_by_name", {"name": "glucose"})["formula"]
    assert _ok("mg_dl_to_mmol_l", {"formula": glucose, "mg_per_dl": 100})["mmol_per_l"] == pytest.approx(5.55, abs=0.01)
    octane = _ok("chemical_lookup_by_name", {"name": "octane"})["formula"]
    assert _ok("combustion_stoichiometry", {"formula": octane})["o2_mol"] == 12.5

    ckd = _ok("egfr_ckd_epi_2021", {"creatinine_mg_dl": 2.5, "age": 60, "sex": "female"})["ckd_icd10cm_code"]
    ckd_info = _ok("icd10cm_code_info", {"code": ckd})
    assert (ckd, ckd_info["description"], ckd_info["parent_code"]) == (
        "N18.4",
        "Chronic kidney disease, stage 4 (severe)",
        "N18",
    )
    assert (
        _ok("icd10cm_block_info", {"block": ckd_info["block"]})["title"]
        == "Acute kidney failure and chronic kidney disease"
    )

    first = _ok("icd10cm_search", {"keyword": "asthma"})["first_code"]
    info = _ok("icd10cm_code_info", {"code": first})
    assert info["block"] == "J40-J4A"
    category = _ok("icd10cm_block_info", {"block": info["block"]})["first_category"]
    assert category == "J40"
    excluded = _ok("icd10cm_excludes1", {"code": "E11.9"})["first_excluded_code"]
    assert _ok("icd10cm_code_info", {"code": excluded})["parent_code"] == "E11"

    spec = {t.name: t for t in TOOLS}
    assert spec["chemical_lookup_by_name"].outputs["cas_number"].port == spec["chemical_identity"].input_ports["cas"]
    assert spec["molecular_formula_mass"].outputs["heaviest_element"].port == "element_symbol"
    assert spec["element_periodic_properties"].input_ports["symbol"] == "element_symbol"
    assert spec["icd10cm_code_info"].outputs["block"].port == spec["icd10cm_block_info"].input_ports["block"]


@pytest.mark.usefixtures("no_network")
def test_bad_arguments_give_structured_errors() -> None:
    assert _error("icd10cm_code_info", {"code": "E11.99"}) == "bad_input"
    assert _error("icd10cm_code_info", {"code": "e11.9"}) == "invalid_arguments"
    assert _error("icd10cm_code_info", {"code": "E11.9; DROP TABLE"}) == "invalid_arguments"
    assert _error("icd10cm_block_info", {"block": "E08-E99"}) == "bad_input"
    assert _error("icd10cm_search", {"keyword": "xyzzyqq"}) == "bad_input"
    assert _error("icd10cm_search", {"keyword": ".*"}) == "invalid_arguments"
    assert _error("chemical_lookup_by_name", {"name": "notachemicalname"}) == "bad_input"
    assert _error("chemical_lookup_by_name", {"name": "InChI=1S/C2H6O"}) == "invalid_arguments"
    assert _error("chemical_lookup_by_name", {"name": "64-17-5"}) == "bad_input"
    assert _error("chemical_lookup_by_name", {"name": "C2H6O"}) == "bad_input"
    assert _error("chemical_identity", {"cas": "64-17-6"}) == "bad_input"
    assert _error("chemical_identity", {"cas": "ethanol"}) == "invalid_arguments"
    assert _error("chemical_vapor_pressure", {"cas": "64-17-5", "temperature_k": 900}) == "bad_input"
    assert _error("chemical_vapor_pressure", {"cas": "64-17-5", "temperature_k": -5}) == "invalid_arguments"
    assert _error("chemical_vapor_pressure", {"cas": "50-78-2", "temperature_k": 300}) == "bad_input"
    assert _error("molecular_formula_mass", {"formula": "Xx2"}) == "bad_input"
    assert _error("molecular_formula_mass", {"formula": "C99999999H2"}) == "bad_input"
    assert _error("molecular_formula_mass", {"formula": "__import__('os')"}) == "invalid_arguments"
    assert _error("formula_element_fraction", {"formula": "H2O", "element": "Qq"}) == "bad_input"
    assert _error("combustion_stoichiometry", {"formula": "CO2"}) == "bad_input"
    assert _error("combustion_stoichiometry", {"formula": "NaCl"}) == "bad_input"
    assert _error("element_atomic_data", {"symbol": "Xy"}) == "bad_input"
    assert _error("element_atomic_data", {"symbol": "fe"}) == "invalid_arguments"
    assert _error("egfr_ckd_epi_2021", {"creatinine_mg_dl": 1.0, "age": 50, "sex": "other"}) == "invalid_arguments"
    assert _error("egfr_ckd_epi_2021", {"creatinine_mg_dl": 0, "age": 50, "sex": "male"}) == "invalid_arguments"
    assert _error("body_size_indices", {"weight_kg": 70}) == "invalid_arguments"
    assert _error("body_size_indices", {"weight_kg": float("nan"), "height_cm": 170}) == "invalid_arguments"
    assert _error("mg_dl_to_mmol_l", {"formula": "C6H12O6", "mg_per_dl": -1}) == "invalid_arguments"
