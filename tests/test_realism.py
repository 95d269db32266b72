"""Each meaning rule, the realism gate and the catalog's declarations, on real tool calls.

The planner never plans what means nothing (a product or a sum of temperatures, a sum across currencies, a
comparison over made-up sequences or found entities, a chain through an arbitrary pick); the gate refuses what
slips through (another policy's task, a hand-made one); the catalog declares what each number measures and how
people ask for each field."""

from __future__ import annotations

import random
import re
import string
from pathlib import Path

import pytest

from dive_assets.synthesis.compose import GRAMMAR
from dive_assets.synthesis.config import ConfigError
from dive_assets.synthesis.derivation import askable, build_task, derive_task
from dive_assets.synthesis.operands import NAMED_PORTS, incomparable, operand_group
from dive_assets.synthesis.policy.compositions import PLANNERS, plan_general
from dive_assets.synthesis.policy.known import Known, KnownView
from dive_assets.synthesis.policy.plans import DATE_SUBJECT_TOOLS, plan_sibling, subject
from dive_assets.synthesis.realism import RealismConfig, load_realism, meaning_problems, text_problems
from dive_assets.synthesis.records import Provenance, Step, Trace
from tool_catalog import all_tools, get_tool
from tool_catalog.ports import get_port
from tool_catalog.quantities import Quantity, meaningful
from tool_catalog.runtime import call_tool

TOOLS = {t.name: t for t in all_tools()}
NUMERIC = ("number", "integer")


def _run(index: int, tool: str, arguments: dict, provenance: dict[str, Provenance] | None = None) -> Step:
    result = call_tool(tool, arguments)
    assert result.ok, result.error
    prov = provenance or {name: Provenance(source="sample") for name in arguments}
    depends = sorted({p.step for p in prov.values() if p.source == "step" and p.step is not None})
    return Step(
        trace_id="tr_realism", step_index=index, tool_name=tool, arguments=arguments, provenance=prov,
        output=result.output, depends_on=depends,
    )  # fmt: skip


def _held(steps: list[Step], field: str, port: str = "number") -> KnownView:
    known = [
        Known(port, s.output[field], Provenance(source="step", step=s.step_index, field=field), s.step_index + 1,
              s.tool_name)
        for s in steps
    ]  # fmt: skip
    return KnownView(known, steps)


def _plan(tool: str, view: KnownView):
    spec = get_tool(tool)
    return plan_general(spec, list(spec.required_params), view, random.Random(0), set())


def _trace(steps: list[Step], domain: str = "medchem") -> Trace:
    return Trace(
        trace_id="tr_realism", toolset_id="ts", domain=domain, diversity="full-varied", policy="test",
        seed_port="cas_number", seed_value="x", status="ok", step_count=len(steps), task_slot=0, steps=steps,
    )  # fmt: skip


# --- the declarations ------------------------------------------------------------------------------------------
def test_every_numeric_field_and_parameter_declares_what_it_measures() -> None:
    missing = []
    for tool in TOOLS.values():
        for name, prop in tool.parameters_schema.get("properties", {}).items():
            if get_port(prop.get("x-port", "")).answer_type in NUMERIC and tool.param_quantity(name) is None:
                missing.append(f"{tool.name}({name})")
        for name, out in tool.outputs.items():
            if get_port(out.port).answer_type in NUMERIC and out.resolved_quantity() is None:
                missing.append(f"{tool.name}.{name}")
    assert not missing, f"numeric values without a quantity (unit and scale): {missing[:20]}"


def test_every_askable_field_has_several_phrasings_and_numbers_name_their_measure() -> None:
    few, unnamed, asked = [], [], 0
    for tool in TOOLS.values():
        for name, out in tool.outputs.items():
            if not askable(tool, name):
                continue
            asked += 1
            if len(out.asks) < 2 and name not in GRAMMAR.get(tool.name, {}):
                few.append(f"{tool.name}.{name}")
            if get_port(out.port).answer_type in NUMERIC and not out.measure and tool.domain != "general":
                unnamed.append(f"{tool.name}.{name}")
            for ask in out.asks:  # every placeholder is a parameter of the tool
                names = {n.split(":")[0] for _, n, _, _ in string.Formatter().parse(ask) if n}
                assert names <= set(tool.input_ports), (tool.name, name, ask)
    assert asked >= 950  # fields no one asks (counts over a source's coverage, list adjacency) are unasked
    assert not few, f"askable fields with fewer than two phrasings: {few[:20]}"
    assert not unnamed, f"numeric askable fields without a measure: {unnamed[:20]}"


def test_chain_declarations_name_real_tools() -> None:
    for tool in TOOLS.values():
        for name, out in tool.outputs.items():
            if isinstance(out.chain, tuple):
                assert set(out.chain) <= set(TOOLS), (tool.name, name, out.chain)
            assert set(out.avoid) <= set(TOOLS), (tool.name, name, out.avoid)
    # the airports near an airport's own location list the airport itself: not a question
    assert not TOOLS["airport_info"].outputs["latitude"].follows("airports_within_radius")
    assert TOOLS["airport_info"].outputs["latitude"].follows("timezone_at")


def test_a_unit_pint_does_not_know_is_refused() -> None:
    with pytest.raises(ValueError, match="not a pint unit"):
        Quantity("furlongs_per_fortnight_squared_xyz")
    with pytest.raises(ValueError, match="cannot be additive"):
        Quantity("degC", "interval", additive=True)


# --- what an operation may do with declared quantities -----------------------------------------------------------
def test_meaning_is_decided_from_the_declared_quantities() -> None:
    kelvin, celsius = Quantity("K", "interval"), Quantity("degC", "interval")
    eur, usd = Quantity("currency:EUR", additive=True), Quantity("currency:USD", additive=True)
    people = Quantity("count", "count", additive=True)
    assert "not additive" in meaningful("sum", [kelvin, kelvin])
    assert "interval-scale" in meaningful("ratio", [celsius, celsius])
    assert meaningful("difference", [celsius, celsius]) is None
    assert "different units" in meaningful("sum", [eur, usd])
    assert meaningful("sum", [eur, eur]) is None
    assert meaningful("sum", [people, people]) is None
    assert "3 or more" in meaningful("mean", [people, people])
    assert "ranks" in meaningful("difference", [Quantity("dimensionless", "ordinal")] * 2)
    assert "identifiers" in meaningful("extreme", [Quantity("dimensionless", "identifier")] * 2)


def test_a_product_or_a_sum_of_two_temperatures_is_never_planned() -> None:
    steps = [_run(i, "chemical_phase_transitions", {"cas": cas}) for i, cas in enumerate(["64-17-5", "67-56-1"])]
    view = _held(steps, "melting_point_k")
    assert _plan("multiply_numbers", view) is None and "multiply_numbers" not in PLANNERS
    assert _plan("sum_two_numbers", view) is None
    compared = _plan("compare_numbers", view)  # the same values may be compared: a difference of temperatures
    assert compared is not None and compared.arguments["a"] >= compared.arguments["b"]


def test_a_sum_across_currencies_is_never_planned_and_the_gate_refuses_one() -> None:
    steps = [_run(i, "currency_profile", {"currency_code": c}) for i, c in enumerate(["CHF", "GBP"])]
    view = _held(steps, "cash_increment")
    assert steps[0].output["cash_increment"] != steps[1].output["cash_increment"]
    for tool in ("sum_two_numbers", "compare_numbers", "aggregate_numbers"):
        assert _plan(tool, view) is None, tool
    group = operand_group(get_tool("currency_profile"), "cash_increment", steps)
    assert group is not None and group.quantity() is None  # CHF and GBP: no single quantity
    # a sum another policy made anyway is refused by the gate
    values = [s.output["cash_increment"] for s in steps]
    summed = _run(
        2, "sum_two_numbers", {"a": values[0], "b": values[1]},
        {"a": Provenance(source="step", step=0, field="cash_increment"),
         "b": Provenance(source="step", step=1, field="cash_increment")},
    )  # fmt: skip
    all_steps = {s.step_index: s for s in [*steps, summed]}
    task = build_task(
        _trace([*steps, summed], "finance"), all_steps, TOOLS, 2, "sum",
        "What is the combined smallest cash increment of the Swiss Franc (CHF) and the British Pound (GBP)?",
        "test", 1,
    )  # fmt: skip
    problems = meaning_problems(task, all_steps, TOOLS)
    assert any("quantity" in p or "units" in p for p in problems), problems


def test_a_total_is_planned_over_a_whole_cohort_only() -> None:
    steps = [_run(i, "country_geography", {"country_code": c}) for i, c in enumerate(["ES", "FR"])]
    plan = _plan("sum_two_numbers", _held(steps, "area_km2"))  # Andorra's neighbours, both
    assert plan is not None and plan.tool.name == "sum_two_numbers"
    steps = [_run(i, "country_geography", {"country_code": c}) for i, c in enumerate(["KE", "UG"])]
    assert _plan("sum_two_numbers", _held(steps, "area_km2")) is None  # neighbours, but no group
    assert _plan("compare_numbers", _held(steps, "area_km2")) is not None  # compared: yes
    # countryinfo's populations are of no single year: not totalled even over a whole group
    steps = [_run(i, "country_population", {"country_code": c}) for i, c in enumerate(["ES", "FR"])]
    assert _plan("sum_two_numbers", _held(steps, "population", "integer")) is None


def test_values_of_made_up_sequences_or_of_a_found_entity_are_not_compared() -> None:
    seqs = [_run(i, "dna_composition", {"sequence": s}) for i, s in enumerate(["GATTACA", "CCGGTTAA"])]
    group = operand_group(get_tool("dna_composition"), "mw_single_strand", seqs)
    assert group is not None and "named entity" in (incomparable(group) or "")
    assert "dna_sequence" not in NAMED_PORTS
    assert _plan("compare_numbers", _held(seqs, "mw_single_strand")) is None
    # the country where an airport is, against a country the question names
    airport = _run(0, "airport_info", {"iata": "BCN"})
    found = _run(
        1, "country_geography", {"country_code": airport.output["country_code"]},
        {"country_code": Provenance(source="step", step=0, field="country_code")},
    )  # fmt: skip
    named = _run(2, "country_geography", {"country_code": "CA"})
    group = operand_group(get_tool("country_geography"), "area_km2", [found, named])
    assert group is not None and "not all named" in (incomparable(group) or "")


def test_an_arbitrary_pick_a_constant_or_a_renamed_input_is_not_followed() -> None:
    first = _run(0, "anagrams", {"word": "stone"})
    held = Known("word", first.output["first_anagram"], Provenance(source="step", step=0, field="first_anagram"), 1,
                 "anagrams")  # fmt: skip
    assert not subject(held, get_tool("rhyme_check"))
    rank = _run(0, "country_rank_by_area", {"country_code": "BG"})
    top = Known("country_code", rank.output["top_country"], Provenance(source="step", step=0, field="top_country"),
                1, "country_rank_by_area")  # fmt: skip
    assert not subject(top, get_tool("country_geography"))
    reading = _run(0, "blood_pressure_assessment", {"systolic": 150, "diastolic": 95})
    code = Known("icd10cm_code", reading.output["icd10cm_code"],
                 Provenance(source="step", step=0, field="icd10cm_code"), 1, "blood_pressure_assessment")  # fmt: skip
    assert subject(code, get_tool("icd10cm_code_info"))  # what the suggested code means: asked
    assert not subject(code, get_tool("icd10cm_includes"))  # its Includes notes: not
    glucose = _run(0, "estimated_average_glucose", {"hba1c_percent": 7.0})
    code = Known("icd10cm_code", glucose.output["icd10cm_code"],
                 Provenance(source="step", step=0, field="icd10cm_code"), 1, "estimated_average_glucose")  # fmt: skip
    assert not subject(code, get_tool("icd10cm_code_info"))  # an HbA1c does not make a diagnosis code


def test_a_found_date_goes_only_to_the_weekday_and_a_found_currency_not_to_a_computation() -> None:
    holiday = _run(0, "next_public_holiday", {"country_code": "JP", "date": "2024-12-24"})
    date = Known("date", holiday.output["holiday_date"], Provenance(source="step", step=0, field="holiday_date"), 1,
                 "next_public_holiday")  # fmt: skip
    assert subject(date, get_tool("date_weekday")) and DATE_SUBJECT_TOOLS["date_weekday"] == ("weekday",)
    assert not subject(date, get_tool("date_add_months")) and not subject(date, get_tool("days_between_dates"))
    currency = _run(0, "country_currency_on_date", {"country_code": "GY", "date": "2024-12-24"})
    code = Known("currency_code", currency.output["currency_code"],
                 Provenance(source="step", step=0, field="currency_code"), 1, "country_currency_on_date")  # fmt: skip
    assert not subject(code, get_tool("savings_plan"))  # "5000 in the currency of Guyana": the currency changes nothing
    assert not subject(code, get_tool("ecb_exchange_rate"))  # "the currency in use in Germany": say EUR


# --- the gate ------------------------------------------------------------------------------------------------------
def test_the_text_checks_catch_length_nesting_repetition_residue_and_implementation_names() -> None:
    config = load_realism()
    assert text_problems("What is the elevation of London Heathrow Airport (LHR), in feet?") == []
    nested = "What is the area of the country of the capital of the country of the airport LHR?"
    assert any("nested" in p for p in text_problems(nested))
    stamped = "What is the population of the capital city of Kenya and the population of the capital city of Peru?"
    assert any("twice" in p for p in text_problems(stamped))
    assert any("residue" in p for p in text_problems("What is the rate on 2020-01-02 (asked with 90)?"))
    assert any("implementation" in p for p in text_problems("Which airport does airportsdata list first?"))
    assert any("characters" in p for p in text_problems("Is " + "very " * 250 + "long?"))
    assert config.max_chars == 1000 and config.max_of_the_per_sentence == 2


def test_a_negative_count_an_echo_and_an_undone_step_are_refused() -> None:
    days = _run(0, "days_between_dates", {"start_date": "2024-07-04", "end_date": "2024-01-01"})
    steps = {0: days}
    task = build_task(_trace([days], "language"), steps, TOOLS, 0, "days",
                      "How many days are there from 4 July 2024 to 1 January 2024?", "test", 1)  # fmt: skip
    assert days.output["days"] < 0
    assert any("negative" in p for p in meaning_problems(task, steps, TOOLS))
    rc = _run(0, "reverse_complement", {"sequence": "GAATTCAA"})
    back = _run(
        1, "reverse_complement", {"sequence": rc.output["reverse_complement"]},
        {"sequence": Provenance(source="step", step=0, field="reverse_complement")},
    )  # fmt: skip
    steps = {0: rc, 1: back}
    task = build_task(_trace([rc, back], "science"), steps, TOOLS, 1, "reverse_complement",
                      "Find the reverse complement of GAATTCAA, then its reverse complement.", "test", 1)  # fmt: skip
    problems = meaning_problems(task, steps, TOOLS)
    assert any("undoes" in p for p in problems) and any("argument" in p or "round trip" in p for p in problems)


def test_a_stated_value_the_answer_does_not_depend_on_is_refused() -> None:
    # the GC fraction of a sequence does not depend on which NCBI table translates it: a task stating a table
    step = _run(0, "dna_composition", {"sequence": "GATTACAGG"})
    steps = {0: step}
    task = build_task(_trace([step], "science"), steps, TOOLS, 0, "gc_fraction",
                      "What fraction of the bases of GATTACAGG are G or C?", "test", 1)  # fmt: skip
    assert not [p for p in meaning_problems(task, steps, TOOLS) if "does not change" in p]
    found = _run(0, "anagrams", {"word": "stone"})
    rhyme = _run(
        1, "rhyme_check", {"word_a": found.output["first_anagram"], "word_b": "door"},
        {"word_a": Provenance(source="step", step=0, field="first_anagram"), "word_b": Provenance(source="sample")},
    )  # fmt: skip
    steps = {0: found, 1: rhyme}
    task = build_task(_trace([found, rhyme], "language"), steps, TOOLS, 1, "rhyme",
                      "Does the alphabetically first anagram of 'stone' rhyme with 'door'?", "test", 1)  # fmt: skip
    assert any("no one would follow" in p for p in meaning_problems(task, steps, TOOLS))


def test_a_bad_realism_file_fails_with_a_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "realism.yaml"
    bad.write_text("max_chars: -5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid realism file"):
        load_realism.__wrapped__(bad)
    bad.write_text("residue: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid realism file"):
        load_realism.__wrapped__(bad)
    bad.write_text("unknown_key: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown_key"):
        load_realism.__wrapped__(bad)
    assert RealismConfig().max_list_items == load_realism().max_list_items


def test_derived_questions_of_real_traces_pass_the_gate() -> None:
    steps = [_run(i, "airport_info", {"iata": c}) for i, c in enumerate(["LHR", "LGW", "STN"])]
    view = _held(steps, "elevation_ft")
    plan = _plan("aggregate_numbers", view)
    assert plan is not None
    agg = _run(3, plan.tool.name, plan.arguments, plan.provenance)
    trace = _trace([*steps, agg], "geo")
    task = derive_task(trace, TOOLS, random.Random(3), "test")
    by_index = {s.step_index: s for s in trace.steps}
    assert text_problems(task.question) == [] and meaning_problems(task, by_index, TOOLS) == []
    assert "of the" not in task.question or task.question.count("of the") <= 2
    if task.answer_step == 3:  # a comparison names why the airports are compared
        assert "London's airports" in task.question, task.question


def test_the_residue_sets_a_propensity_question_names_are_the_ones_counted() -> None:
    protein = "HSQGTFTSDYSKYLDSRRAQDFVQWLMNT"  # glucagon
    output = call_tool("protein_structure_propensity", {"protein": protein}).output
    tool = get_tool("protein_structure_propensity")
    for field, value in output.items():
        letters = set(re.findall(r"\b([A-Z])\b", tool.outputs[field].asks[0].split("(")[1]))
        assert round(sum(c in letters for c in protein) / len(protein), 4) == value, (field, letters)


# --- cohorts: a comparison needs a reason ---------------------------------------------------------------------------
def test_entities_are_compared_only_within_a_cohort_and_the_question_names_it() -> None:
    from tool_catalog.cohorts import common_cohort

    london = common_cohort("iata_code", ["LHR", "LGW", "STN"])
    assert london is not None and london.names("A and B") == "London's airports A and B"
    assert common_cohort("iata_code", ["SYD", "CDG"]) is None  # two airports nobody weighs against each other
    baltic = common_cohort("country_code", ["EE", "LV", "LT"])
    assert baltic is not None and "Baltic" in baltic.frame
    assert common_cohort("country_code", ["JP", "SY"]) is None
    assert common_cohort("country_code", ["FR", "PL", "AT"]) is not None  # Germany's neighbours, the frame named
    assert common_cohort("country_code", ["FR", "PL"]) is None  # a pair's question would not say why
    assert common_cohort("country_code", ["KE", "ET"]) is not None  # they border each other
    assert common_cohort("year", [2023, 2024, 2025]) is not None and common_cohort("year", [1990, 2024]) is None
    assert common_cohort("date", ["2016-06-24", "2020-03-16"]) is None  # counts on arbitrary days
    assert common_cohort("date", ["2016-06-24", "2020-03-16"], over_money=True) is not None  # a rate moves
    assert common_cohort("iata_code", ["LHR", "LHR"]) is None
    far = [_run(i, "airport_info", {"iata": c}) for i, c in enumerate(["SYD", "CDG"])]
    group = operand_group(get_tool("airport_info"), "elevation_ft", far)
    assert group is not None and "no reason" in (incomparable(group) or "")
    assert _plan("rank_by_value", _held(far, "elevation_ft")) is None
    near = [_run(i, "airport_info", {"iata": c}) for i, c in enumerate(["LHR", "LGW"])]
    group = operand_group(get_tool("airport_info"), "elevation_ft", near)
    assert group is not None and incomparable(group) is None


def test_a_sibling_call_takes_another_member_of_one_cohort_of_the_entity_or_none() -> None:
    tool = get_tool("airport_info")
    heathrow = _run(0, "airport_info", {"iata": "LHR"}, {"iata": Provenance(source="seed")})
    drawn = set()
    for seed in range(12):
        plan = plan_sibling(heathrow, tool, {"iata_code": ["SYD", "JFK"]}, random.Random(seed), set())
        assert plan is not None
        drawn.add(plan.arguments["iata"])
    assert drawn <= {"LGW", "STN", "LTN", "LCY", "SEN"} and len(drawn) >= 2
    sydney = _run(0, "airport_info", {"iata": "SYD"}, {"iata": Provenance(source="seed")})
    assert plan_sibling(sydney, tool, {"iata_code": ["CDG", "JFK"]}, random.Random(0), set()) is None


def test_a_computation_on_a_sequence_short_enough_to_do_by_hand_is_refused() -> None:
    def problems(sequence: str) -> list[str]:
        step = _run(0, "reverse_complement", {"sequence": sequence})
        task = build_task(_trace([step], "science"), {0: step}, TOOLS, 0, "reverse_complement",
                          f"What is the reverse complement of {sequence}?", "test", 1)  # fmt: skip
        return meaning_problems(task, {0: step}, TOOLS)

    assert any("by hand" in p for p in problems("GAATTC"))
    assert any("by hand" in p for p in problems("TAATACGACTCACTATAGGG"))  # a primer: a string operation by hand
    mcs = "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT"  # pUC19's multiple cloning site
    assert not any("by hand" in p for p in problems(mcs))
    lengths = load_realism().min_sequence_length
    assert lengths["dna_sequence"] == 15 and lengths["reverse_complement"] == 40 and lengths["translate_dna"] == 60


def test_a_set_answer_that_lists_one_of_the_compared_entities_is_refused() -> None:
    """France's subregion peers that Germany's lack are Germany itself: a set difference of the two lists answers
    with one of the entities the question compares."""
    steps = [_run(i, "country_subregion_peers", {"country_code": c}) for i, c in enumerate(["FR", "DE"])]
    diff = _run(
        2, "list_set_operations", {"first": steps[0].output["peers"], "second": steps[1].output["peers"]},
        {"first": Provenance(source="step", step=0, field="peers"),
         "second": Provenance(source="step", step=1, field="peers")},
    )  # fmt: skip
    by_index = {s.step_index: s for s in [*steps, diff]}
    assert diff.output["only_first"] == ["DE"]
    task = build_task(_trace([*steps, diff], "geo"), by_index, TOOLS, 2, "only_first",
                      "Which subregion peers does France have that Germany does not?", "test", 1)  # fmt: skip
    assert any("one of the entities compared" in p for p in meaning_problems(task, by_index, TOOLS))
    task = build_task(_trace([*steps, diff], "geo"), by_index, TOOLS, 2, "in_both",
                      "Which subregion peers do France and Germany share?", "test", 1)  # fmt: skip
    assert not any("one of the entities compared" in p for p in meaning_problems(task, by_index, TOOLS))
