"""The embedded policy states values of its trace's side of the split, so few tasks are lost to split conflicts.

A question's side is "test" when any entity it states is held out (``splitting.question_held_out``); a training
trace therefore states training values only, and a test trace's questions state its held-out seed. A 48k run
under the older rule (the side of the smallest stated value, samples drawn blind) lost 15% of its traces."""

from __future__ import annotations

import random

import polars as pl
import pytest

from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.policy.known import stated_value
from dive_assets.synthesis.policy.plans import plan_sibling
from dive_assets.synthesis.records import Provenance, Step, Task
from dive_assets.synthesis.splits import verify_and_split
from dive_assets.synthesis.splitting import question_held_out, seed_held_out, stated_key, value_held_out
from dive_assets.synthesis.tasks import derive_tasks
from dive_assets.synthesis.toolsets import toolset_frame
from dive_assets.synthesis.traces import run_traces
from tool_catalog import all_tools

SEED = 20260310


def _sides(values: list[str]) -> tuple[list[str], list[str]]:
    train = [v for v in values if not seed_held_out("", v, SEED)]
    test = [v for v in values if seed_held_out("", v, SEED)]
    return train, test


def _task(question: str) -> Task:
    return Task(
        task_id="task_1", trace_id="tr_1", toolset_id="ts_1", domain="geo", diversity="full-varied",
        question=question, answer="x", answer_text="x", answer_type="string", pattern="chain",
        required_steps=[0, 1], call_graph=[[0, 1]], answer_step=1, answer_field="x", derived_by="test",
        seed_value="FR",
    )  # fmt: skip


def test_a_question_stating_any_held_out_entity_is_a_test_question() -> None:
    train, test = _sides([f"X{i:02d}" for i in range(60)])
    task = _task("What is the distance between A and B?")
    assert not question_held_out(task, SEED, train[:3])
    assert question_held_out(task, SEED, [*train[:3], test[0]])
    assert question_held_out(task, SEED, test[:1])


def test_an_entity_counts_by_its_value_and_anything_else_by_its_text() -> None:
    assert stated_key("country_code", "FR") == "FR"
    assert stated_key("number", 2.50) == "2.5"
    assert value_held_out("country_code", "FR", SEED) == seed_held_out("geo", "FR", SEED)


def _tool_with_samples_on_both_sides(
    params: int | None = None, ports: frozenset[str] | None = None
) -> tuple[object, str]:
    for tool in all_tools():
        if params is not None and len(tool.required_params) != params:
            continue
        for param in tool.required_params:
            if ports is not None and tool.input_ports[param] not in ports:
                continue
            train, test = _sides([stated_key(tool.input_ports[param], s) for s in tool.param_samples(param)])
            if len(train) >= 2 and len(test) >= 1:
                return tool, param
    raise AssertionError("no tool has samples on both sides")


def test_a_stated_sample_is_one_of_the_traces_side_when_one_is() -> None:
    tool, param = _tool_with_samples_on_both_sides()
    port = tool.input_ports[param]
    for side in (False, True):
        fits = lambda p, v, side=side: value_held_out(p, v, SEED) == side  # noqa: E731
        picks = {stated_value(tool, param, port, random.Random(i), {}, fits) for i in range(40)}
        assert picks and all(value_held_out(port, v, SEED) == side for v in picks), (side, picks)
    nothing_fits = {stated_value(tool, param, port, random.Random(i), {}, lambda p, v: False) for i in range(40)}
    assert len(nothing_fits) >= 3  # no value fits: any sample is taken, the call is still made


def test_a_sibling_call_takes_an_entity_of_the_traces_side() -> None:
    from tool_catalog.cohorts import FREE_PORTS

    # a port any of whose values may be compared (words): siblings of cohort ports come from the cohort, not the samples
    tool, param = _tool_with_samples_on_both_sides(params=1, ports=FREE_PORTS)
    port = tool.input_ports[param]
    first = tool.param_samples(param)[0]
    step = Step(
        trace_id="tr_1", step_index=0, tool_name=tool.name, arguments={param: first},
        provenance={param: Provenance(source="seed")}, output={"x": 1},
    )  # fmt: skip
    side = not value_held_out(port, first, SEED)
    fits = lambda p, v: value_held_out(p, v, SEED) == side  # noqa: E731
    for i in range(20):
        plan = plan_sibling(step, tool, {}, random.Random(i), set(), fits)
        assert plan is not None and value_held_out(port, plan.arguments[param], SEED) == side


@pytest.mark.parametrize("domain,diversity", [("science", "slice-fixed"), ("finance", "full-varied")])
def test_few_tasks_fail_the_split_check(domain: str, diversity: str) -> None:
    run = RunSettings(tasks_per_partition=60, duckdb_path="unused.duckdb")
    partition = Partition.of(domain, diversity)
    catalog = catalog_frames(run_examples=False)
    seeds = catalog["seeds"].filter(pl.col("domain") == domain)
    toolsets = toolset_frame(partition, set(seeds["port"].unique()), run)
    traces = run_traces(partition, toolsets, seeds, run)
    tasks, _failures = derive_tasks(traces, partition, run)
    checks = verify_and_split(tasks, traces, run)["verifications"]
    split_safe = checks.filter(pl.col("check_name") == "split_safe")
    failed = split_safe.filter(~pl.col("passed"))
    assert failed.height <= 0.15 * split_safe.height, failed["reason"].value_counts()


def test_a_test_trace_needs_one_held_out_stated_value_per_call_not_all() -> None:
    """A test question must state a held-out value, a training question none: so a test trace's call that already
    states a held-out list may take any sample for its other list, while a training trace keeps every value on
    the training side. (With both restricted, every test trace of the held-out regression stated the same pair.)"""
    import random

    from dive_assets.synthesis.policy.known import TraceSide
    from dive_assets.synthesis.policy.plans import plan_call
    from dive_assets.synthesis.splitting import value_held_out
    from tool_catalog import get_tool

    tool, seed = get_tool("linear_regression"), 20260310
    held = {p: [v for v in tool.param_samples(p) if value_held_out("number_list", v, seed)] for p in ("xs", "ys")}
    assert held["xs"] and held["ys"]  # the samples offer held-out lists on both parameters
    pairs = {True: set(), False: set()}
    for test in (True, False):
        for k in range(60):
            plan = plan_call(tool, [], random.Random(k), set(), fits=TraceSide(seed, test))
            assert plan is not None
            xs, ys = plan.arguments["xs"], plan.arguments["ys"]
            stated = [value_held_out("number_list", v, seed) for v in (xs, ys)]
            assert any(stated) if test else not any(stated), (test, xs, ys)
            pairs[test].add((str(xs), str(ys)))
    assert len(pairs[True]) >= 3 and len(pairs[False]) >= 3, pairs
