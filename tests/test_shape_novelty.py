"""Derivation prefers call-graph shapes the partition has not made yet, and the derived-tasks stage sees the same
partition state the evidence loop saw, so re-deriving from stored traces gives the loop's tasks."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.derivation import DerivationError, askable, derive_task, required_steps
from dive_assets.synthesis.frames import trace_frames, traces_from_frames
from dive_assets.synthesis.partition_state import (
    RARE_TOOL_USES,
    STARVED_AFTER,
    UNSEEN_SHAPE_WEIGHT,
    PartitionTasks,
    partition_tasks,
    shape_novelty,
    step_shapes,
)
from dive_assets.synthesis.policy.embedded import ToolUsage
from dive_assets.synthesis.records import Trace, rng_for
from dive_assets.synthesis.spool import Spool
from dive_assets.synthesis.tasks import derive_rounds, derive_tasks, spool_tasks
from dive_assets.synthesis.toolsets import toolset_frame
from dive_assets.synthesis.traces import iter_trace_chunks
from tool_catalog.registry import all_tools

RUN = RunSettings(tasks_per_partition=40, duckdb_path="unused.duckdb")
TOOLS = {t.name: t for t in all_tools()}
GEO_FIXED = Partition.of("geo", "full-fixed")


def _widest(trace: Trace) -> int:
    """The most distinct tools a candidate of derivation needs: a step's field a question can ask (a calculator
    result, a unit conversion or a search hit is never asked, so the graphs ending in them are no candidates)."""
    steps = {s.step_index: s for s in trace.steps}
    return max(
        (
            len({steps[i].tool_name for i in required_steps(steps, s.step_index)})
            for s in trace.steps
            if s.ok and s.output is not None
            for field in TOOLS[s.tool_name].outputs
            if askable(TOOLS[s.tool_name], field) and s.output.get(field) not in (None, [], "")
        ),
        default=0,
    )


def _offered(trace: Trace, draws: int = 8) -> set[str]:
    """The tools of the tasks derivation makes of the trace over a few draws: tools the trace offers in a task a
    person would ask (a call whose every question the realism gate rejects offers none)."""
    steps = {s.step_index: s for s in trace.steps}
    offered: set[str] = set()
    for k in range(draws):
        try:
            task = derive_task(trace, TOOLS, rng_for(7, k, trace.trace_id), "t")
        except DerivationError:
            continue
        offered |= {steps[i].tool_name for i in task.required_steps}
    return offered


@pytest.fixture(scope="module")
def fixed_partition() -> tuple[list[Trace], ToolUsage]:
    """A fixed-toolset partition (every trace has the same tools, so shapes repeat) and the loop's final state."""
    seeds = catalog_frames(run_examples=False)["seeds"].filter(pl.col("domain") == "geo")
    toolsets = toolset_frame(GEO_FIXED, set(seeds["port"].unique()), RUN)
    usage = ToolUsage(tasks=partition_tasks(GEO_FIXED, RUN))
    chunks = iter_trace_chunks(GEO_FIXED, toolsets, seeds, RUN, chunk=7, partition_usage=usage)
    traced = trace_frames([t for chunk in chunks for t in chunk])
    return traces_from_frames(traced["traces"], traced["trace_steps"]), usage


def test_the_derivation_stage_replays_the_loops_shape_counts(fixed_partition: tuple[list[Trace], ToolUsage]) -> None:
    traces, usage = fixed_partition
    seen = partition_tasks(GEO_FIXED, RUN)
    tasks, _ = derive_tasks(traces, GEO_FIXED, RUN, state=seen)
    assert sum(seen.shapes.values()) == len({t.trace_id for t in tasks}) > 20
    assert seen == usage.tasks  # the loop recorded exactly the shapes and tools of the tasks derived again here
    # and the state matters: deriving each trace on its own (no partition state) picks other tasks for some
    alone = [t.task_id for trace in traces for t in derive_rounds(trace, TOOLS, RUN)[0]]
    assert alone != [t.task_id for t in tasks]


def test_chunked_derivation_carries_the_shapes_across_chunks(
    fixed_partition: tuple[list[Trace], ToolUsage], tmp_path: Path
) -> None:
    traces, _ = fixed_partition
    whole, _ = derive_tasks(traces, GEO_FIXED, RUN)
    spool = Spool(tmp_path / "s")
    for start in range(0, len(traces), 6):
        spool.add(trace_frames(traces[start : start + 6]))
    spool_tasks(spool, GEO_FIXED, RUN)
    assert len(spool.files("tasks")) > 1
    assert spool.read("tasks")["task_id"].to_list() == [t.task_id for t in whole]


def test_a_seen_shape_is_avoided_when_the_trace_offers_another(fixed_partition: tuple[list[Trace], ToolUsage]) -> None:
    traces, _ = fixed_partition
    moved = 0
    for trace in traces:
        if trace.status != "ok":
            continue
        shapes = step_shapes(trace.steps)
        try:
            first = derive_task(trace, TOOLS, rng_for(0, trace.trace_id), "test")
        except DerivationError:  # no field of the trace the gate lets through: the pipeline keeps no task of it
            continue
        same = derive_task(trace, TOOLS, rng_for(0, trace.trace_id), "test", partition=PartitionTasks())
        assert same == first  # no partition state: the trace alone decides
        worn = PartitionTasks(shapes={shapes[first.answer_step]: 50})
        again = derive_task(trace, TOOLS, rng_for(0, trace.trace_id), "test", partition=worn)
        others = {shapes[s.step_index] for s in trace.steps if s.ok} - set(worn.shapes)
        if others:
            moved += shapes[again.answer_step] != shapes[first.answer_step]
    assert moved >= 10


def test_an_unseen_shape_outweighs_a_seen_one_by_far() -> None:
    assert shape_novelty({}, "a") == shape_novelty({"a": 3}, "b") == UNSEEN_SHAPE_WEIGHT
    assert shape_novelty({"a": 1}, "a") == 1 / 8
    assert shape_novelty({"a": 3}, "a") == 1 / 64


def test_the_new_shape_bonus_goes_to_the_candidates_over_the_most_tools(
    fixed_partition: tuple[list[Trace], ToolUsage],
) -> None:
    traces, _ = fixed_partition
    richest_picked = {True: 0, False: 0}
    derived = 0
    for trace in traces:
        if trace.status != "ok":
            continue
        steps = {s.step_index: s for s in trace.steps}
        most = _widest(trace)
        try:
            for active in (True, False):  # any non-empty state switches the novelty on: every shape here is new
                # every tool already in enough tasks: no rare-tool bonus blurs the rule under test
                state = PartitionTasks(shapes={"x": 1} if active else {}, tools=dict.fromkeys(TOOLS, RARE_TOOL_USES))
                task = derive_task(trace, TOOLS, rng_for(1, trace.trace_id), "t", partition=state)
                richest_picked[active] += len({steps[i].tool_name for i in task.required_steps}) == most
        except DerivationError:  # the gate lets no field of the trace through
            continue
        derived += 1
    assert richest_picked[True] > richest_picked[False]
    assert richest_picked[True] >= 0.8 * derived


def test_a_task_needing_a_rarely_used_tool_is_preferred(fixed_partition: tuple[list[Trace], ToolUsage]) -> None:
    """Every tool of the pool should be used: a candidate needing a tool the partition's tasks have used fewer
    than RARE_TOOL_USES times is weighted up, so such tools end up in tasks more often."""
    traces, _ = fixed_partition
    chosen = {"rare": 0, "common": 0}
    for trace in traces:
        if trace.status != "ok":
            continue
        used = {s.tool_name for s in trace.steps}
        common = {name: RARE_TOOL_USES for name in used}
        try:
            first = derive_task(
                trace, TOOLS, rng_for(2, trace.trace_id), "t", partition=PartitionTasks({"x": 1}, common)
            )
        except DerivationError:  # the gate lets no field of the trace through
            continue
        steps = {s.step_index: s for s in trace.steps}
        needed = {steps[i].tool_name for i in first.required_steps}
        left_out = sorted(used - needed)
        if not left_out:
            continue
        for label, uses in (("rare", 0), ("common", RARE_TOOL_USES)):
            state = PartitionTasks({"x": 1}, {**common, left_out[0]: uses})
            for k in range(5):
                task = derive_task(trace, TOOLS, rng_for(3, k, trace.trace_id), "t", partition=state)
                chosen[label] += left_out[0] in {steps[i].tool_name for i in task.required_steps}
    assert chosen["rare"] > 1.5 * chosen["common"] and chosen["rare"] >= 10, chosen


def test_nothing_is_starved_until_the_partitions_tools_are_well_used() -> None:
    early = PartitionTasks({"x": 1}, {"a": 3, "b": 0})
    assert early.rare({"b"}) and early.starved({"a", "b"}) == set()  # every tool is rare at first: none starved
    busy = STARVED_AFTER * RARE_TOOL_USES * 3
    late = PartitionTasks({"x": 1}, {"a": busy, "b": busy, "c": RARE_TOOL_USES - 1, "d": RARE_TOOL_USES})
    assert late.starved({"a", "c", "d", "never_used"}) == {"c", "never_used"}


def test_a_harder_round_keeps_a_starved_tool_or_is_not_made(fixed_partition: tuple[list[Trace], ToolUsage]) -> None:
    """A tool whose calls rarely reach a final task (a validity check, a calendar fact) is kept by the next
    round's harder task; when no harder task keeps it, the round fails and the easier task stays final."""
    traces, _ = fixed_partition
    outcomes = {"kept": 0, "not made": 0}
    for trace in traces:
        if trace.status != "ok" or max(s.round for s in trace.steps) < 2:
            continue
        view = trace.model_copy(update={"steps": [s for s in trace.steps if s.round <= 1]})
        try:
            previous = derive_task(view, TOOLS, rng_for(4, trace.trace_id), "t")
        except DerivationError:
            continue
        steps = {s.step_index: s for s in trace.steps}
        needed = sorted({steps[i].tool_name for i in previous.required_steps})
        busy = 2 * STARVED_AFTER * RARE_TOOL_USES
        state = PartitionTasks({"x": 1}, {**dict.fromkeys(TOOLS, busy), needed[0]: 0})
        assert state.starved(needed) == {needed[0]}
        view = trace.model_copy(update={"steps": [s for s in trace.steps if s.round <= 2]})
        try:
            task = derive_task(view, TOOLS, rng_for(5, trace.trace_id), "t", 2, previous, partition=state)
        except DerivationError as exc:
            if "no task harder" in str(exc) or "reads as a question a person would ask" in str(exc):
                continue  # no harder task at all, or none that the realism gate lets through: nothing to keep
            assert f"keeps {needed[0]} (in 0 of the partition's tasks, wanted in {state.wanted(needed[0])})" in str(exc)
            outcomes["not made"] += 1
            continue
        assert needed[0] in {steps[i].tool_name for i in task.required_steps}
        outcomes["kept"] += 1
    assert outcomes["kept"] >= 1 and outcomes["not made"] >= 1, outcomes  # both branches, with the gate's refusals


def test_a_starved_tool_is_in_the_task_whenever_the_trace_offers_one(
    fixed_partition: tuple[list[Trace], ToolUsage],
) -> None:
    """Late in a partition, a tool still in under RARE_TOOL_USES tasks is taken into the task when the trace has a
    successful call of it; early in a partition (no tool starved yet) the same tool is only weighted up."""
    traces, _ = fixed_partition
    busy = 2 * STARVED_AFTER * RARE_TOOL_USES
    taken = {"starving": 0, "early": 0}
    tried = 0
    for trace in traces:
        if trace.status != "ok":
            continue
        steps = {s.step_index: s for s in trace.steps}
        state = PartitionTasks({"x": 1}, dict.fromkeys(TOOLS, busy))
        try:
            first = derive_task(trace, TOOLS, rng_for(6, trace.trace_id), "t", partition=state)
        except DerivationError:
            continue  # no question a person would ask in this trace
        needed = {steps[i].tool_name for i in first.required_steps}
        left_out = sorted(_offered(trace) - needed)  # a tool the trace offers in a task, left out of this one
        if not left_out:
            continue
        tried += 1
        for label, others in (("starving", busy), ("early", 1)):
            state = PartitionTasks({"x": 1}, {**dict.fromkeys(TOOLS, others), left_out[0]: 0})
            assert state.starving() is (label == "starving")
            task = derive_task(trace, TOOLS, rng_for(6, trace.trace_id), "t", partition=state)
            taken[label] += left_out[0] in {steps[i].tool_name for i in task.required_steps}
    assert tried >= 10 and taken["starving"] >= 0.8 * tried and taken["starving"] > taken["early"], (tried, taken)
