"""List arguments built from several steps (aggregate, sort, rank, top-k, set operations), the call-graph shapes
the embedded policy steers by, and list answers that survive formatting and scoring."""

from __future__ import annotations

import random

import polars as pl
import pytest

from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.derivation import askable, classify_pattern, derive_task
from dive_assets.synthesis.partition import partition_frames
from dive_assets.synthesis.partition_state import call_shape
from dive_assets.synthesis.policy.compositions import PLANNERS, plan_general
from dive_assets.synthesis.policy.embedded import EmbeddedCollector, ToolUsage
from dive_assets.synthesis.policy.known import Known, KnownView
from dive_assets.synthesis.policy.plans import plan_call
from dive_assets.synthesis.records import Provenance, Step, Task, Trace
from dive_assets.synthesis.reward import score
from dive_assets.synthesis.verification import verify_task
from tool_catalog import all_tools, get_tool
from tool_catalog.names import display
from tool_catalog.ports import format_value
from tool_catalog.runtime import call_tool

TOOLS = {t.name: t for t in all_tools()}


def _run(index: int, tool: str, arguments: dict, provenance: dict[str, Provenance], depends: list[int]) -> Step:
    result = call_tool(tool, arguments)
    assert result.ok, result.error
    return Step(
        trace_id="tr_test", step_index=index, tool_name=tool, arguments=arguments, provenance=provenance,
        output=result.output, depends_on=depends,
    )  # fmt: skip


def _stated_calls(tool: str, param: str, values: list, field: str, port: str) -> tuple[list[Step], KnownView]:
    """Real calls of ``tool`` on stated values, and the held values (one output field) the policy would keep, with
    the steps they came from (as the embedded policy holds them: a general tool's operands are read off the steps'
    arguments, which entity each one was asked of)."""
    steps = [_run(i, tool, {param: v}, {param: Provenance(source="sample")}, []) for i, v in enumerate(values)]
    return steps, _held(steps, field, port)


def _held(steps: list[Step], field: str, port: str) -> KnownView:
    """One output field of each step as the policy holds it, with the steps it came from."""
    known = [
        Known(port, s.output[field], Provenance(source="step", step=s.step_index, field=field), s.step_index + 1,
              s.tool_name)
        for s in steps
        if s.output is not None
    ]  # fmt: skip
    return KnownView(known, steps)


def _airports(codes: list[str]) -> tuple[list[Step], KnownView]:
    """Real airport_info calls on stated airports, and their elevations as the policy would hold them."""
    return _stated_calls("airport_info", "iata", codes, "elevation_ft", "number")


def _trace(steps: list[Step]) -> Trace:
    return Trace(
        trace_id="tr_test", toolset_id="ts", domain="geo", diversity="full-varied", policy="test",
        seed_port="iata_code", seed_value="LHR", status="ok", step_count=len(steps), task_slot=0, steps=steps,
    )  # fmt: skip


def _task_of(trace: Trace, answer_step: int) -> Task:
    """The first of a few draws of derivation that asks the trace's step ``answer_step`` (StopIteration if none)."""
    return next(
        t
        for seed in range(10)
        if (t := derive_task(trace, TOOLS, random.Random(seed), "test")).answer_step == answer_step
    )


def test_one_quantity_of_several_entities_becomes_a_list_argument_that_verifies() -> None:
    steps, known = _airports(["LHR", "LGW", "STN", "LTN"])
    plan = plan_call(get_tool("aggregate_numbers"), known, random.Random(3), set())
    assert plan is not None
    prov = plan.provenance["values"]
    assert prov.source == "steps" and prov.field == "elevation_ft" and 3 <= len(prov.steps or []) <= 4
    assert plan.arguments["values"] == [steps[i].output["elevation_ft"] for i in prov.steps or []]
    assert set(plan.depends_on) == set(prov.steps or [])
    answer = _run(4, "aggregate_numbers", plan.arguments, plan.provenance, list(plan.depends_on))
    trace = _trace([*steps, answer])
    task = _task_of(trace, 4)
    assert set(task.required_steps) == {*prov.steps, 4}
    assert task.pattern == "aggregate" and task.answer_field in ("minimum", "maximum")  # elevations do not add up
    for i in prov.steps or []:  # every entity is stated by the name people use ...
        assert display("iata_code", steps[i].arguments["iata"]) in task.question
        assert f"airport {steps[i].arguments['iata']}" not in task.question
        assert format_value(steps[i].output["elevation_ft"]) not in task.question  # ... and its value is not
    assert "the numbers" not in task.question  # the list reads as one quantity of several named entities
    assert task.question.count("elevation above sea level") == 1  # the quantity is named once, not per entity
    checks = verify_task(task, trace, TOOLS, 10.0)
    assert all(c.passed for c in checks), [c.reason for c in checks if not c.passed]


def test_a_tampered_list_item_or_producer_fails_entailment_or_replay() -> None:
    steps, known = _airports(["LHR", "LGW", "STN"])
    plan = plan_call(get_tool("aggregate_numbers"), known, random.Random(1), set())
    assert plan is not None and plan.provenance["values"].source == "steps"
    good = _run(3, "aggregate_numbers", plan.arguments, plan.provenance, list(plan.depends_on))
    trace = _trace([*steps, good])
    task = _task_of(trace, 3)
    assert all(c.passed for c in verify_task(task, trace, TOOLS, 10.0))
    tampered_args = {"values": [*plan.arguments["values"][:-1], 12345.0]}
    bad = good.model_copy(update={"arguments": tampered_args})
    checks = {c.check_name: c for c in verify_task(task, _trace([*steps, bad]), TOOLS, 10.0)}
    assert not checks["entailment"].passed and "steps [" in checks["entailment"].reason
    producer = plan.provenance["values"].steps[0]
    forged = steps[producer].model_copy(update={"output": {**steps[producer].output, "elevation_ft": 1.0}})
    trace = _trace([*(forged if s.step_index == producer else s for s in steps), good])
    checks = {c.check_name: c for c in verify_task(task, trace, TOOLS, 10.0)}
    assert not checks["replay"].passed and "differs on replay" in checks["replay"].reason


def test_general_tools_never_take_what_a_general_tool_produced() -> None:
    steps, known = _airports(["LHR", "LGW", "STN"])
    produced = KnownView(
        [Known("number", v.value, v.provenance, v.order, "round_significant", general=True) for v in known], steps
    )
    assert plan_call(get_tool("aggregate_numbers"), known, random.Random(0), set()) is not None  # the domain values
    assert plan_call(get_tool("aggregate_numbers"), produced, random.Random(0), set()) is None
    assert plan_call(get_tool("compare_numbers"), produced, random.Random(0), set()) is None
    assert plan_call(get_tool("round_significant"), produced, random.Random(0), set()) is None


UNASKED_LIST_TOOLS = ("top_k_numbers", "rank_of_value", "percentile_of_list", "sort_numbers", "sort_strings")


def test_rank_positions_percentiles_and_top_k_are_never_planned_a_ranking_names_its_entities() -> None:
    """The rank position of one of a handful of unrelated entities, a percentile of their values, their k largest or
    their sorted values are not questions people ask: none of those tools is planned. Which of them ranks highest
    is: a ranking by name takes the entities' names as the question states them, in the order of their values."""
    steps, known = _airports(["LHR", "LGW", "STN", "LTN", "LCY"])
    for name in UNASKED_LIST_TOOLS:
        assert not any(askable(get_tool(name), f) for f in get_tool(name).outputs), name
    for seed in range(10):
        for name in UNASKED_LIST_TOOLS:
            assert plan_call(get_tool(name), known, random.Random(seed), set()) is None, (name, seed)
        ranking = plan_call(get_tool("rank_by_value"), known, random.Random(seed), set())
        assert ranking is not None and ranking.provenance["values"].source == "steps"
        picked = ranking.provenance["values"].steps or []
        assert 3 <= len(picked) <= 5 and set(ranking.depends_on) == set(picked)
        assert ranking.arguments["values"] == [steps[i].output["elevation_ft"] for i in picked]
        assert ranking.arguments["labels"] == [display("iata_code", steps[i].arguments["iata"]) for i in picked]
        assert ranking.provenance["labels"].source == "sample"  # stated: the question lists the entities
    answer = _run(5, "rank_by_value", ranking.arguments, ranking.provenance, list(ranking.depends_on))
    trace = _trace([*steps, answer])
    task = _task_of(trace, 5)
    assert task.pattern == "aggregate" and all(label in task.question for label in ranking.arguments["labels"])
    assert all(c.passed for c in verify_task(task, trace, TOOLS, 10.0))


def test_set_operations_take_the_same_list_of_two_entities() -> None:
    steps = [
        _run(i, "country_subregion_peers", {"country_code": c}, {"country_code": Provenance(source="sample")}, [])
        for i, c in enumerate(["FR", "DE"])
    ]
    known = _held(steps, "peers", "string_list")
    plan = plan_call(get_tool("list_set_operations"), known, random.Random(0), set())
    assert plan is not None and set(plan.depends_on) == {0, 1}
    assert {plan.provenance["first"].step, plan.provenance["second"].step} == {0, 1}
    answer = _run(2, "list_set_operations", plan.arguments, plan.provenance, [0, 1])
    trace = _trace([*steps, answer])
    task = _task_of(trace, 2)
    assert task.pattern == "compare" and task.answer_field in ("in_both", "only_first", "only_second")
    assert classify_pattern({s.step_index: s for s in trace.steps}, TOOLS, [0, 1, 2]) == "compare"
    assert all(display("country_code", c) in task.question for c in ("FR", "DE"))
    assert all(c.passed for c in verify_task(task, trace, TOOLS, 10.0))


def test_set_operations_never_take_the_lists_of_two_dates() -> None:
    """The countries on holiday on two dates share members, but no one asks which: the dates are not two
    entities compared, so the lists of one field over time are never intersected."""
    steps = [
        _run(i, "countries_on_holiday", {"date": d}, {"date": Provenance(source="sample")}, [])
        for i, d in enumerate(["2024-12-25", "2024-12-26"])
    ]
    lists = [s.output["countries"] for s in steps]
    assert set(lists[0]) & set(lists[1])  # they overlap: only the rule keeps the plan out
    known = _held(steps, "countries", "string_list")
    for seed in range(5):
        assert plan_call(get_tool("list_set_operations"), known, random.Random(seed), set()) is None


def test_call_shapes_ignore_step_order_and_novelty_falls_with_repeats() -> None:
    a = call_shape("airport_info", (), [])
    b = call_shape("country_info", (), [])
    fan_in = call_shape("compare_numbers", (0, 1), [a, b])
    assert fan_in == call_shape("compare_numbers", (0, 1), [b, a])
    assert fan_in != call_shape("compare_numbers", (0, 1), [a, a])
    usage = ToolUsage()
    tools = {"airport_info", "country_info", "compare_numbers"}
    assert usage.novelty(fan_in, tools) > 1.0  # unseen: strongly preferred
    usage.tasks.record(fan_in, ())
    once = usage.novelty(fan_in, tools)
    usage.tasks.record(fan_in, ())
    assert 0 < usage.novelty(fan_in, tools) < once < 1.0


def test_the_policy_records_the_shape_of_each_traces_task() -> None:
    usage = ToolUsage()
    tools = [get_tool(n) for n in ("airport_info", "timezone_utc_offset", "compare_numbers", "aggregate_numbers")]
    collector = EmbeddedCollector("tr", tools, "iata_code", "LHR", random.Random(0), 10.0, partition_usage=usage)
    steps = collector.collect(5)
    assert steps and len(collector.graphs.shapes) == len(steps)
    collector.record_task(len(steps) - 1)
    assert usage.tasks.shapes == {collector.graphs.shapes[-1]: 1}
    assert usage.tasks.tools == {name: 1 for name in collector.graphs.tools[-1]}


@pytest.mark.parametrize(
    ("value", "text"),
    [(["a", "b"], "a, b"), (["oleic acid, methyl ester", "methyl oleate"], "oleic acid, methyl ester; methyl oleate")],
)
def test_list_answers_with_commas_in_items_read_back(value: list[str], text: str) -> None:
    assert format_value(value) == text
    assert score(f"The final answer is: {text}.", value, "list", None).correct == 1.0


def test_a_partition_uses_the_list_tools_and_every_list_task_verifies() -> None:
    run = RunSettings(duckdb_path=":memory:", tasks_per_partition=60)
    seeds = catalog_frames(run_examples=False)["seeds"].filter(domain="geo")
    frames = partition_frames(Partition.of("geo", "full-varied"), seeds, run)
    # the toolsets offer the calculator, convert_unit and local_search, but no output of them is asked: never called
    offered = set(frames["toolsets"].explode("tool_names")["tool_names"])
    unasked = {"calculator", "convert_unit", "local_search"}
    assert offered & unasked
    assert not set(frames["trace_steps"]["tool_name"]) & unasked
    listed = frames["trace_steps"].filter(frames["trace_steps"]["provenance"].str.contains('"source": "steps"'))
    assert listed.height > 0  # list fan-ins happen at this size
    # only the list tools with a question the grammar asks over one quantity of several entities (totals and
    # extremes, which of them ranks highest); no sorting, top-k, percentile, rank position or count of true facts
    assert set(listed["tool_name"]) <= {"aggregate_numbers", "rank_by_value"}
    answered = frames["tasks"].join(
        frames["trace_steps"].select("trace_id", pl.col("step_index").alias("answer_step"), "tool_name"),
        on=["trace_id", "answer_step"],
    )
    for tool_name, field in answered.select("tool_name", "answer_field").unique().iter_rows():
        assert askable(get_tool(tool_name), field), (tool_name, field)  # every task asks an askable field
    checks = frames["verifications"]
    split_ids = set(frames["splits"]["task_id"])
    tasks = frames["tasks"].filter(frames["tasks"]["task_id"].is_in(split_ids))
    assert tasks.height > 0
    blocking = checks.filter(checks["task_id"].is_in(split_ids) & ~checks["passed"])
    assert set(blocking["check_name"]) <= {"non_trivial"}


def test_a_quantity_is_never_converted_a_conversion_is_no_question() -> None:
    """A unit conversion of a measured quantity (the elevation of LHR in metres) is not a question the grammar asks
    (``converted`` is not askable), so convert_unit is never planned: not on a quantity whose field declares a unit
    (elevation_ft), not on a count, not on nothing. A trace holding a conversion (built by hand) is still asked
    only of the elevation, and its tasks verify."""
    tool = get_tool("convert_unit")
    assert "convert_unit" not in PLANNERS and not askable(tool, "converted")
    steps, known = _airports(["LHR"])
    _, several = _airports(["LHR", "LGW", "STN"])
    population = _stated_calls("country_population", "country_code", ["KE", "UG", "TZ"], "population", "integer")[1]
    for held in (known, several, population, KnownView([])):
        for seed in range(5):
            assert plan_call(tool, held, random.Random(seed), set()) is None
            assert plan_general(tool, list(tool.required_params), held, random.Random(seed), set()) is None
    arguments = {"value": steps[0].output["elevation_ft"], "from_unit": "ft", "to_unit": "meter"}
    provenance = {
        "value": Provenance(source="step", step=0, field="elevation_ft"),
        "from_unit": Provenance(source="sample"),
        "to_unit": Provenance(source="sample"),
    }
    converted = _run(1, "convert_unit", arguments, provenance, [0])
    assert converted.output["converted"] == pytest.approx(steps[0].output["elevation_ft"] * 0.3048)
    trace = _trace([*steps, converted])
    for seed in range(5):
        task = derive_task(trace, TOOLS, random.Random(seed), "test")
        assert task.answer_step == 0 and all(c.passed for c in verify_task(task, trace, TOOLS, 10.0))
