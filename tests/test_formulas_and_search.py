"""The calculator over quantities from earlier steps (formulas.py) and the local search over names earlier steps
produced: planned by the embedded policy, phrased in words, verified like every other produced argument."""

from __future__ import annotations

import random

import pytest

from dive_assets.synthesis.derivation import DerivationError, derive_task
from dive_assets.synthesis.formulas import FORMULAS, fill, fits, operand_count
from dive_assets.synthesis.frames import trace_frames, traces_from_frames
from dive_assets.synthesis.policy.known import Known
from dive_assets.synthesis.policy.plans import plan_call, plan_sibling
from dive_assets.synthesis.records import Provenance, Step
from dive_assets.synthesis.verification import verify_task
from tests.test_list_fan_in import TOOLS, _airports, _run, _stated_calls, _trace
from tool_catalog import get_tool
from tool_catalog.graph import tool_edges
from tool_catalog.runtime import call_tool


def test_every_formula_fills_to_an_expression_the_calculator_evaluates_exactly() -> None:
    for formula in FORMULAS:
        values = [3.5, -2.0, 1e-05][: operand_count(formula)]
        if not fits(formula, values):
            values = [abs(v) for v in values]
        expression = fill(formula, values)
        assert "{" not in expression
        result = call_tool("calculator", {"expression": expression})
        assert result.ok, (expression, result.error)
    assert fill("{0} / {1}", [0.1, 3]) == "0.1 / 3"  # floats by repr: the expression rebuilds exactly
    assert fill("abs({0} - {1})", [1.5, -2.0]) == "abs(1.5 - (-2.0))"
    assert call_tool("calculator", {"expression": "abs(1.5 - (-2.0))"}).output == {"result": 3.5}
    assert not fits("{0} / {1}", [1.0, 0.0]) and not fits("sqrt({0} * {1})", [-1.0, 4.0])
    assert not fits("{0} / {1}", [-3.0, 4.0]) and fits("abs({0} - {1})", [-3.0, 4.0])
    assert not fits("abs({0} - {1})", [1.0, 2.0, 3.0])  # one operand per placeholder


GROUPS = [["LHR", "JFK"], ["LHR", "JFK", "CDG"], ["NRT", "SYD", "DXB"], ["MAD", "FRA"], ["DEN", "LAX", "MEX"]]


@pytest.mark.parametrize("codes", GROUPS)
def test_a_formula_over_two_or_three_entities_is_asked_in_words_and_verifies(codes: list[str]) -> None:
    steps, known = _airports(codes)
    plan = plan_call(get_tool("calculator"), known, random.Random(0), set())
    assert plan is not None
    prov = plan.provenance["expression"]
    assert prov.source == "expression" and prov.formula in FORMULAS and prov.field == "elevation_ft"
    assert set(plan.depends_on) == set(prov.steps or []) and len(prov.steps or []) == operand_count(prov.formula)
    answer = _run(len(codes), "calculator", plan.arguments, plan.provenance, list(plan.depends_on))
    trace = _trace([*steps, answer])
    task = derive_task(trace, TOOLS, random.Random(0), "test")
    assert task.answer_step == len(codes) and task.pattern == ("compare" if len(prov.steps or []) == 2 else "aggregate")
    assert "expression" not in task.question and "value of" not in task.question  # the formula reads in words
    assert FORMULAS[prov.formula].split(" {0}")[0] in task.question
    for i in prov.steps or []:
        assert f"airport {steps[i].arguments['iata']}" in task.question
        assert str(steps[i].output["elevation_ft"]).removesuffix(".0") not in task.question  # described, not stated
    checks = verify_task(task, trace, TOOLS, 10.0)
    assert all(c.passed for c in checks), [c.reason for c in checks if not c.passed]


def test_one_formula_per_group_of_steps_and_every_formula_in_use() -> None:
    seen = set()
    for first in range(12):
        known = [
            Known("number", 10.0 + i, Provenance(source="step", step=first + i, field="x"), first + i + 1, "t")
            for i in range(3)
        ]
        plans = [plan_call(get_tool("calculator"), known, random.Random(seed), set()) for seed in range(5)]
        assert len({p.call_key for p in plans if p is not None}) == 1  # no second call on the same evidence
        seen.add(plans[0].provenance["expression"].formula)
    assert len(seen) >= 3


def test_a_tampered_expression_or_unknown_formula_is_caught() -> None:
    steps, known = _airports(["LHR", "JFK"])
    plan = plan_call(get_tool("calculator"), known, random.Random(2), set())
    assert plan is not None
    good = _run(2, "calculator", plan.arguments, plan.provenance, list(plan.depends_on))
    task = derive_task(_trace([*steps, good]), TOOLS, random.Random(0), "test")
    bad = good.model_copy(update={"arguments": {"expression": plan.arguments["expression"].replace("3", "4")}})
    checks = {c.check_name: c for c in verify_task(task, _trace([*steps, bad]), TOOLS, 10.0)}
    assert not checks["entailment"].passed and "the formula" in checks["entailment"].reason
    prov = plan.provenance["expression"]
    unknown = {"expression": prov.model_copy(update={"formula": "{0} ** {1}"})}
    with pytest.raises(DerivationError, match="unknown formula"):
        derive_task(_trace([*steps, good.model_copy(update={"provenance": unknown})]), TOOLS, random.Random(0), "t")


def test_no_formula_on_a_single_entity_a_zero_denominator_or_general_outputs() -> None:
    _, known = _airports(["LHR"])
    assert plan_call(get_tool("calculator"), known, random.Random(0), set()) is None
    zeros = [Known("number", 0.0, Provenance(source="step", step=i, field="x"), i + 1, "t") for i in range(2)]
    for seed in range(20):
        plan = plan_call(get_tool("calculator"), zeros, random.Random(seed), set())
        assert plan is None or plan.provenance["expression"].formula not in ("{0} / {1}", "sqrt({0} * {1})")
    _, known = _airports(["LHR", "JFK"])
    produced = [Known("number", k.value, k.provenance, k.order, "sum_two_numbers", general=True) for k in known]
    assert plan_call(get_tool("calculator"), produced, random.Random(0), set()) is None


def test_an_expression_provenance_survives_the_warehouse_round_trip() -> None:
    steps, known = _airports(["LHR", "JFK"])
    plan = plan_call(get_tool("calculator"), known, random.Random(0), set())
    assert plan is not None
    trace = _trace([*steps, _run(2, "calculator", plan.arguments, plan.provenance, list(plan.depends_on))])
    frames = trace_frames([trace])
    (back,) = traces_from_frames(frames["traces"], frames["trace_steps"])
    assert back.steps[2].provenance == plan.provenance
    assert '"formula"' not in frames["trace_steps"]["provenance"][0]  # other rows keep their compact form


def test_local_search_takes_a_name_an_earlier_step_produced_never_the_seed_or_a_code() -> None:
    seed_step = _run(0, "airport_info", {"iata": "NRT"}, {"iata": Provenance(source="seed")}, [])
    seed = Known("iata_code", "NRT", Provenance(source="seed"), 0)
    assert plan_call(get_tool("local_search"), [seed], random.Random(0), set()) is None
    stated_name = Known("airport_name", "Narita International Airport", Provenance(source="seed"), 0)
    assert plan_call(get_tool("local_search"), [stated_name], random.Random(0), set()) is None
    name = Known("airport_name", seed_step.output["name"], Provenance(source="step", step=0, field="name"), 1, "x")
    plan = plan_call(get_tool("local_search"), [seed, name], random.Random(0), set())
    assert plan is not None and plan.arguments == {"query": seed_step.output["name"]} and plan.depends_on == (0,)
    answer = _run(1, "local_search", plan.arguments, plan.provenance, [0])
    assert answer.output["best_id"] == "NRT"  # the name finds its own record
    trace = _trace([seed_step, answer])
    task = derive_task(trace, TOOLS, random.Random(0), "test")
    assert "local search" in task.question and "the name of airport NRT" in task.question
    assert "'" not in task.question  # a described query is not quoted
    checks = verify_task(task, trace, TOOLS, 10.0)
    assert all(c.passed for c in checks), [c.reason for c in checks if not c.passed]


def test_the_tool_graph_links_names_to_the_local_search() -> None:
    edges = tool_edges([get_tool("airport_info"), get_tool("local_search"), get_tool("calculator")])
    assert {(e["source_tool"], e["source_field"], e["target_tool"], e["port"]) for e in edges} == {
        ("airport_info", "name", "local_search", "airport_name")
    }


def _leap_years(years: list[int]) -> tuple[list[Step], list[Known]]:
    return _stated_calls("calendar_leap_years", "year", years, "gregorian_leap", "boolean")


def test_a_stand_alone_check_on_a_stated_value_gets_siblings_on_other_samples() -> None:
    tool = get_tool("calendar_leap_years")
    (step,), _ = _leap_years([2024])
    sibling = plan_sibling(step, tool, {}, random.Random(0), set())
    assert sibling is not None and sibling.arguments["year"] in tool.param_samples("year")
    assert sibling.arguments["year"] != 2024 and sibling.provenance["year"].source == "sample"
    two_params = get_tool("isotope_data")  # a coherent pair of stated values is not varied one at a time
    pair = _run(0, "isotope_data", {"symbol": "C", "mass_number": 13}, {
        "symbol": Provenance(source="sample"), "mass_number": Provenance(source="sample")}, [])  # fmt: skip
    assert plan_sibling(pair, two_params, {}, random.Random(0), set()) is None


def test_facts_of_several_entities_are_counted_and_the_count_verifies() -> None:
    steps, known = _leap_years([2024, 2023, 2100, 2000])
    plan = plan_call(get_tool("count_true"), known, random.Random(0), set())
    assert plan is not None and plan.provenance["values"].source == "steps"
    assert plan.arguments["values"] == [steps[i].output["gregorian_leap"] for i in plan.provenance["values"].steps]
    answer = _run(4, "count_true", plan.arguments, plan.provenance, list(plan.depends_on))
    trace = _trace([*steps, answer])
    tasks = [derive_task(trace, TOOLS, random.Random(seed), "test") for seed in range(6)]
    count = next(t for t in tasks if t.answer_field == "true_count")
    assert count.pattern == "aggregate" and count.answer == sum(plan.arguments["values"])
    assert count.question.startswith("What is the number of the following statements that are true: ")
    assert "whether" not in count.question and "is a Gregorian leap year" in count.question
    assert all(c.passed for c in verify_task(count, trace, TOOLS, 10.0))
    numbers = [Known("number", 1.5, Provenance(source="step", step=i, field="x"), i + 1, "t") for i in range(3)]
    assert plan_call(get_tool("count_true"), numbers, random.Random(0), set()) is None  # only true/false values
    assert plan_call(get_tool("aggregate_numbers"), known, random.Random(0), set()) is None  # booleans are no numbers
