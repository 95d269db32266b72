"""Arithmetic over quantities from earlier steps and the local search over names earlier steps produced.

A calculator formula over entities, a unit conversion or a local search is no question people ask: the embedded
policy never plans the calculator, convert_unit or local_search (compositions.PLANNERS), and comparisons are planned
as the general tools the comparison grammar asks (compose.GRAMMAR), phrased in words over named entities. An
expression argument (formulas.py, read by the LLM path) is still verified like every other produced argument."""

from __future__ import annotations

import random

import pytest

from dive_assets.synthesis.derivation import DerivationError, askable, build_task, derive_task, describe
from dive_assets.synthesis.formulas import FORMULAS, fill, fits, operand_count
from dive_assets.synthesis.frames import trace_frames, traces_from_frames
from dive_assets.synthesis.policy.compositions import PLANNERS, plan_general
from dive_assets.synthesis.policy.known import Known, KnownView
from dive_assets.synthesis.policy.plans import plan_call, plan_sibling
from dive_assets.synthesis.records import Provenance, Step, Task, Trace
from dive_assets.synthesis.verification import verify_task
from tests.test_list_fan_in import TOOLS, _airports, _run, _stated_calls, _trace
from tool_catalog import get_tool
from tool_catalog.graph import tool_edges
from tool_catalog.names import display
from tool_catalog.ports import format_value, get_port
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


GROUPS = [["LHR", "LGW"], ["LHR", "LGW", "STN"], ["CDG", "ORY", "BVA"], ["JFK", "EWR"], ["LAX", "BUR", "ONT"]]
"""Airports of one city: a comparison people make (London's, Paris's, New York's, the Los Angeles area's)."""


def _asked(trace: Trace, answer_step: int, seeds: int = 6) -> list[Task]:
    """The tasks derivation asks of the trace's step ``answer_step`` over a few draws."""
    tasks = [derive_task(trace, TOOLS, random.Random(seed), "test") for seed in range(seeds)]
    return [t for t in tasks if t.answer_step == answer_step]


DIFFERENCE = "abs({0} - {1})"
"""A two-operand formula of formulas.FORMULAS, for calculator steps built by hand (the policy never plans one)."""
NEVER_PLANNED = ("calculator", "convert_unit", "local_search")


def _formula_step(index: int, steps: list[Step], formula: str = DIFFERENCE) -> Step:
    """A calculator call, built by hand, on a formula over the elevations of the steps' airports."""
    assert formula in FORMULAS and operand_count(formula) == len(steps)
    operands = [s.step_index for s in steps]
    prov = Provenance(source="expression", steps=operands, field="elevation_ft", formula=formula)
    expression = fill(formula, [s.output["elevation_ft"] for s in steps])
    return _run(index, "calculator", {"expression": expression}, {"expression": prov}, operands)


@pytest.mark.parametrize("codes", GROUPS)
def test_a_quantity_of_two_or_three_entities_is_compared_in_words_never_by_a_formula(codes: list[str]) -> None:
    """A calculator formula over entities ("the ratio of the X of A to the X of B") is no question a person asks:
    no formula is planned over any number of entities, and no task is ever answered by a calculator step. The
    comparison is planned as a general tool the grammar asks (how much higher, which is lowest ...): the entities
    are named as people name them, their values are never stated, the quantity is named once, and the task
    verifies."""
    steps, known = _airports(codes)
    n = len(codes)
    for seed in range(5):  # no ratio, difference, geometric mean or spread of the entities' values
        assert plan_call(get_tool("calculator"), known, random.Random(seed), set()) is None
    general = ["compare_numbers"] + (["aggregate_numbers", "rank_by_value"] if n >= 3 else [])
    if n == 2:
        assert plan_call(get_tool("aggregate_numbers"), known, random.Random(0), set()) is None  # 3 or more
    asked: dict[str, list[tuple[Task, Trace]]] = {name: [] for name in general}
    for name in general:
        for seed in range(4):
            plan = plan_call(get_tool(name), known, random.Random(seed), set())
            assert plan is not None, (name, seed)
            assert all(steps[i].tool_name == "airport_info" for i in plan.depends_on) and len(plan.depends_on) >= 2
            trace = _trace([*steps, _run(n, name, plan.arguments, plan.provenance, list(plan.depends_on))])
            asked[name] += [(t, trace) for t in _asked(trace, n)]
    # and with a formula on the calculator in the trace (built by hand), the calculator is still never what is asked
    trace = _trace([*steps, _formula_step(n, steps[:2])])
    assert not _asked(trace, n) and not askable(get_tool("calculator"), "result")
    assert all(asked.values()), {name: len(found) for name, found in asked.items()}
    for task, trace in (pair for found in asked.values() for pair in found):
        assert task.pattern == ("compare" if trace.steps[n].tool_name == "compare_numbers" else "aggregate")
        assert "expression" not in task.question and "value of" not in task.question
        assert task.question.count("elevation") == 1  # the quantity once, not "the elevation of A ... of B"
        for i in trace.steps[n].depends_on:
            code = steps[i].arguments["iata"]
            assert display("iata_code", code) in task.question and f"airport {code}" not in task.question
            assert format_value(steps[i].output["elevation_ft"]) not in task.question  # described, not stated
        checks = verify_task(task, trace, TOOLS, 10.0)
        assert all(c.passed for c in checks), [c.reason for c in checks if not c.passed]


@pytest.mark.parametrize("name", NEVER_PLANNED)
def test_the_calculator_a_conversion_and_the_search_are_never_planned_over_entities(name: str) -> None:
    """No output of the calculator (a formula), convert_unit or local_search is a question people ask, so the
    embedded policy plans none of them, whatever the trace holds: one quantity of one, two, three or four entities,
    names a step found, or values another general tool computed."""
    tool = get_tool(name)
    assert name not in PLANNERS and not any(askable(tool, f) for f in tool.outputs)
    held: list[KnownView] = []
    for codes in (["LHR"], ["LHR", "JFK"], ["MAD", "FRA"], ["LHR", "JFK", "CDG"], ["NRT", "SYD", "DXB", "DEN"]):
        steps, known = _airports(codes)
        held.append(known)
        names = [
            Known("airport_name", s.output["name"], Provenance(source="step", step=s.step_index, field="name"), 9, "x")
            for s in steps
        ]
        held.append(KnownView([*known, *names], steps))
        produced = [Known("number", k.value, k.provenance, k.order, "sum_two_numbers", general=True) for k in known]
        held.append(KnownView(produced, steps))
    held.append(
        KnownView([Known("number", 0.0, Provenance(source="step", step=i, field="x"), i + 1, "t") for i in range(2)])
    )
    params = [p for p in tool.required_params if not get_port(tool.input_ports[p]).chainable]
    for known in held:
        for seed in range(5):
            assert plan_call(tool, known, random.Random(seed), set()) is None, (name, seed)
            assert plan_general(tool, params, known, random.Random(seed), set()) is None, (name, seed)


def test_a_tampered_expression_or_unknown_formula_is_caught() -> None:
    """An expression argument is checked like any produced argument: rebuilt from its steps' outputs."""
    steps, _ = _airports(["LHR", "JFK"])
    good = _formula_step(2, steps)
    trace = _trace([*steps, good])
    names = " and ".join(display("iata_code", s.arguments["iata"]) for s in steps)
    question = f"How far apart are the elevations above sea level of {names}, in feet?"
    task = build_task(trace, {s.step_index: s for s in trace.steps}, TOOLS, 2, "result", question, "test", 1)
    assert all(c.passed for c in verify_task(task, trace, TOOLS, 10.0))
    expression = good.arguments["expression"]
    tampered = expression.replace(" - ", " + ")
    assert tampered != expression
    bad = good.model_copy(update={"arguments": {"expression": tampered}})
    checks = {c.check_name: c for c in verify_task(task, _trace([*steps, bad]), TOOLS, 10.0)}
    assert not checks["entailment"].passed and "the formula" in checks["entailment"].reason
    unknown = {"expression": good.provenance["expression"].model_copy(update={"formula": "{0} ** {1}"})}
    forged = {s.step_index: s for s in steps} | {2: good.model_copy(update={"provenance": unknown})}
    with pytest.raises(DerivationError, match="unknown formula"):
        describe(forged, TOOLS, 2, "result")


def test_an_expression_provenance_survives_the_warehouse_round_trip() -> None:
    steps, _ = _airports(["LHR", "JFK", "CDG"])
    spread = _formula_step(3, steps, "max({0}, {1}, {2}) - min({0}, {1}, {2})")
    trace = _trace([*steps, spread])
    frames = trace_frames([trace])
    (back,) = traces_from_frames(frames["traces"], frames["trace_steps"])
    assert back.steps[3].provenance == spread.provenance and back.steps[3].provenance["expression"].formula
    assert '"formula"' not in frames["trace_steps"]["provenance"][0]  # other rows keep their compact form


def test_local_search_is_never_planned_and_a_search_step_is_never_asked() -> None:
    """The search is not planned on the seed, a stated name or a name a step found: what it returns (an index's
    identifiers and titles) is not asked of anyone. A trace holding a search call (built by hand, as the LLM path
    may make one) still asks only the lookups, and no question mentions a local search."""
    seed_step = _run(0, "airport_info", {"iata": "NRT"}, {"iata": Provenance(source="seed")}, [])
    seed = Known("iata_code", "NRT", Provenance(source="seed"), 0)
    stated_name = Known("airport_name", "Narita International Airport", Provenance(source="seed"), 0)
    name = Known("airport_name", seed_step.output["name"], Provenance(source="step", step=0, field="name"), 1, "x")
    for held in ([seed], [stated_name], [seed, name]):
        for seed_value in range(5):
            assert plan_call(get_tool("local_search"), held, random.Random(seed_value), set()) is None
    query = {"query": seed_step.output["name"]}
    answer = _run(1, "local_search", query, {"query": name.provenance}, [0])
    assert answer.output["best_id"] == "NRT"  # the name finds its own record
    assert not any(askable(get_tool("local_search"), f) for f in get_tool("local_search").outputs)
    trace = _trace([seed_step, answer])
    for seed_value in range(5):
        task = derive_task(trace, TOOLS, random.Random(seed_value), "test")
        assert task.answer_step == 0 and "search" not in task.question.lower()
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


def test_facts_of_several_entities_are_never_counted_each_is_asked_on_its_own() -> None:
    """How many of a list of statements are true is a quiz, not a question a person asks: count_true is never
    planned over true/false facts of several entities (nor is any number tool: they are no numbers). Each fact is
    asked on its own, and verifies."""
    steps, known = _leap_years([2024, 2023, 2100, 2000])
    assert not any(askable(get_tool("count_true"), f) for f in get_tool("count_true").outputs)
    for name in ("count_true", "aggregate_numbers", "compare_numbers", "rank_by_value", "sum_two_numbers"):
        for seed in range(3):
            assert plan_call(get_tool(name), known, random.Random(seed), set()) is None, name
    trace = _trace(steps)
    tasks = [derive_task(trace, TOOLS, random.Random(seed), "test") for seed in range(6)]
    leap = [t for t in tasks if t.answer_field == "gregorian_leap"]
    assert leap and all(t.pattern == "single" and len(t.required_steps) == 1 for t in tasks)
    for task in leap:
        year = steps[task.answer_step].arguments["year"]
        assert str(year) in task.question and task.answer == steps[task.answer_step].output["gregorian_leap"]
    assert all(c.passed for t in tasks for c in verify_task(t, trace, TOOLS, 10.0))
