"""List arguments built from several steps (aggregate, sort, rank, top-k, set operations), the call-graph shapes
the embedded policy steers by, and list answers that survive formatting and scoring."""

from __future__ import annotations

import random

import pytest

from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.derivation import classify_pattern, derive_task
from dive_assets.synthesis.partition import partition_frames
from dive_assets.synthesis.partition_state import call_shape
from dive_assets.synthesis.policy.embedded import EmbeddedCollector, ToolUsage
from dive_assets.synthesis.policy.known import Known
from dive_assets.synthesis.policy.plans import plan_call
from dive_assets.synthesis.records import Provenance, Step, Trace
from dive_assets.synthesis.reward import score
from dive_assets.synthesis.verification import verify_task
from tool_catalog import all_tools, get_tool
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


def _stated_calls(tool: str, param: str, values: list, field: str, port: str) -> tuple[list[Step], list[Known]]:
    """Real calls of ``tool`` on stated values, and the held values (one output field) the policy would keep."""
    steps = [_run(i, tool, {param: v}, {param: Provenance(source="sample")}, []) for i, v in enumerate(values)]
    known = [
        Known(port, s.output[field], Provenance(source="step", step=i, field=field), i + 1, tool)
        for i, s in enumerate(steps)
        if s.output is not None
    ]
    return steps, known


def _airports(codes: list[str]) -> tuple[list[Step], list[Known]]:
    """Real airport_info calls on stated airports, and their elevations as the policy would hold them."""
    return _stated_calls("airport_info", "iata", codes, "elevation_ft", "number")


def _trace(steps: list[Step]) -> Trace:
    return Trace(
        trace_id="tr_test", toolset_id="ts", domain="geo", diversity="full-varied", policy="test",
        seed_port="iata_code", seed_value="LHR", status="ok", step_count=len(steps), task_slot=0, steps=steps,
    )  # fmt: skip


def test_one_quantity_of_several_entities_becomes_a_list_argument_that_verifies() -> None:
    steps, known = _airports(["LHR", "JFK", "CDG", "NRT"])
    plan = plan_call(get_tool("aggregate_numbers"), known, random.Random(3), set())
    assert plan is not None
    prov = plan.provenance["values"]
    assert prov.source == "steps" and prov.field == "elevation_ft" and 3 <= len(prov.steps or []) <= 4
    assert plan.arguments["values"] == [steps[i].output["elevation_ft"] for i in prov.steps or []]
    assert set(plan.depends_on) == set(prov.steps or [])
    answer = _run(4, "aggregate_numbers", plan.arguments, plan.provenance, list(plan.depends_on))
    trace = _trace([*steps, answer])
    task = derive_task(trace, TOOLS, random.Random(0), "test")
    assert task.answer_step == 4 and set(task.required_steps) == {*prov.steps, 4}
    assert task.pattern == "aggregate"
    for i in prov.steps or []:
        assert f"airport {steps[i].arguments['iata']}" in task.question  # every entity is stated ...
    assert "the numbers" not in task.question  # ... and the list reads as "the X of A, the X of B and the X of C"
    assert " and the elevation" in task.question
    checks = verify_task(task, trace, TOOLS, 10.0)
    assert all(c.passed for c in checks), [c.reason for c in checks if not c.passed]


def test_a_tampered_list_item_or_producer_fails_entailment_or_replay() -> None:
    steps, known = _airports(["LHR", "JFK", "CDG"])
    plan = plan_call(get_tool("sort_numbers"), known, random.Random(1), set())
    assert plan is not None and plan.provenance["values"].source == "steps"
    good = _run(3, "sort_numbers", plan.arguments, plan.provenance, list(plan.depends_on))
    task = derive_task(_trace([*steps, good]), TOOLS, random.Random(0), "test")
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
    _, known = _airports(["LHR", "JFK", "CDG"])
    produced = [Known("number", v.value, v.provenance, v.order, "round_significant", general=True) for v in known]
    assert plan_call(get_tool("aggregate_numbers"), produced, random.Random(0), set()) is None
    assert plan_call(get_tool("compare_numbers"), produced, random.Random(0), set()) is None
    assert plan_call(get_tool("round_significant"), produced, random.Random(0), set()) is None


def test_a_count_stays_within_the_list_rank_takes_an_item_and_a_percentile_is_stated() -> None:
    _, known = _airports(["LHR", "JFK", "CDG", "NRT", "SYD"])
    for seed in range(10):
        top = plan_call(get_tool("top_k_numbers"), known, random.Random(seed), set())
        assert top is not None and 2 <= top.arguments["k"] < len(top.arguments["values"])
        rank = plan_call(get_tool("rank_of_value"), known, random.Random(seed), set())
        assert rank is not None and rank.provenance["value"].source == "step"
        assert rank.arguments["value"] in rank.arguments["values"]
        percentile = plan_call(get_tool("percentile_of_list"), known, random.Random(seed), set())
        assert percentile is not None and percentile.provenance["percentile"].source == "sample"  # never an item
        assert percentile.arguments["percentile"] in get_tool("percentile_of_list").param_samples("percentile")


def test_set_operations_take_the_same_list_of_two_entities() -> None:
    steps = [
        _run(i, "country_subregion_peers", {"country_code": c}, {"country_code": Provenance(source="sample")}, [])
        for i, c in enumerate(["FR", "DE"])
    ]
    known = [
        Known("string_list", s.output["peers"], Provenance(source="step", step=i, field="peers"), i + 1, s.tool_name)
        for i, s in enumerate(steps)
    ]
    plan = plan_call(get_tool("list_set_operations"), known, random.Random(0), set())
    assert plan is not None and set(plan.depends_on) == {0, 1}
    assert {plan.provenance["first"].step, plan.provenance["second"].step} == {0, 1}
    answer = _run(2, "list_set_operations", plan.arguments, plan.provenance, [0, 1])
    trace = _trace([*steps, answer])
    task = derive_task(trace, TOOLS, random.Random(0), "test")
    assert classify_pattern({s.step_index: s for s in trace.steps}, TOOLS, [0, 1, 2]) == "compare"
    assert all(c.passed for c in verify_task(task, trace, TOOLS, 10.0))


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
    listed = frames["trace_steps"].filter(frames["trace_steps"]["provenance"].str.contains('"source": "steps"'))
    assert listed.height > 0  # list fan-ins happen at this size
    assert set(listed["tool_name"]) <= {
        "aggregate_numbers", "sort_numbers", "sort_strings", "top_k_numbers", "percentile_of_list", "rank_of_value",
        "count_true",
    }  # fmt: skip
    checks = frames["verifications"]
    split_ids = set(frames["splits"]["task_id"])
    tasks = frames["tasks"].filter(frames["tasks"]["task_id"].is_in(split_ids))
    assert tasks.height > 0
    blocking = checks.filter(checks["task_id"].is_in(split_ids) & ~checks["passed"])
    assert set(blocking["check_name"]) <= {"non_trivial"}


def test_a_quantity_whose_field_names_its_unit_is_converted_and_verifies() -> None:
    steps, known = _airports(["LHR"])
    plan = plan_call(get_tool("convert_unit"), known, random.Random(0), set())
    assert plan is not None and plan.arguments["from_unit"] == "foot" and plan.depends_on == (0,)
    assert plan.provenance["value"].source == "step" and plan.provenance["to_unit"].source == "sample"
    trace = _trace([*steps, _run(1, "convert_unit", plan.arguments, plan.provenance, [0])])
    task = next(
        t for seed in range(20) if (t := derive_task(trace, TOOLS, random.Random(seed), "test")).answer_step == 1
    )
    assert task.question == "What is the elevation in feet of airport LHR (in foot) expressed in meter?"
    assert all(c.passed for c in verify_task(task, trace, TOOLS, 10.0))
    assert plan_call(get_tool("convert_unit"), [], random.Random(0), set()) is None
