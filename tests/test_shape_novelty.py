"""Derivation prefers call-graph shapes the partition has not made yet, and the derived-tasks stage sees the same
partition state the evidence loop saw, so re-deriving from stored traces gives the loop's tasks."""

from __future__ import annotations

import polars as pl
import pytest

from dive_assets.synthesis import pipeline
from dive_assets.synthesis.config import RunSettings, load_diversity_grid
from dive_assets.synthesis.derivation import UNSEEN_SHAPE_WEIGHT, derive_task, shape_novelty, step_shapes
from dive_assets.synthesis.evidence import ToolUsage
from dive_assets.synthesis.records import Trace
from dive_assets.synthesis.sampling import rng_for
from tool_catalog.registry import all_tools

RUN = RunSettings(tasks_per_partition=40, duckdb_path="unused.duckdb")
TOOLS = {t.name: t for t in all_tools()}


@pytest.fixture(scope="module")
def fixed_partition() -> tuple[list[Trace], ToolUsage]:
    """A fixed-toolset partition (every trace has the same tools, so shapes repeat) and the loop's final state."""
    seeds = pipeline.catalog_frames(run_examples=False)["seeds"].filter(pl.col("domain") == "geo")
    setting = load_diversity_grid().get("full-fixed")
    toolsets = pipeline.toolset_frame("geo", setting, set(seeds["port"].unique()), RUN)
    usage = ToolUsage()
    chunks = pipeline.iter_trace_chunks("geo", "full-fixed", toolsets, seeds, RUN, chunk=7, partition_usage=usage)
    traced = pipeline.trace_frames_of(chunks)
    return pipeline.traces_from_frames(traced["traces"], traced["trace_steps"]), usage


def test_the_derivation_stage_replays_the_loops_shape_counts(fixed_partition: tuple[list[Trace], ToolUsage]) -> None:
    traces, usage = fixed_partition
    seen: dict[str, int] = {}
    tasks, _ = pipeline.derive_tasks(traces, RUN, seen_shapes=seen)
    assert sum(seen.values()) == len({t.trace_id for t in tasks}) > 20
    assert seen == usage.shapes  # the loop recorded exactly the shapes of the tasks derived again here
    # and the state matters: deriving each trace on its own (no partition state) picks other tasks for some
    alone = [t.task_id for trace in traces for t in pipeline.derive_rounds(trace, TOOLS, RUN)[0]]
    assert alone != [t.task_id for t in tasks]


def test_chunked_derivation_carries_the_shapes_across_chunks(fixed_partition: tuple[list[Trace], ToolUsage]) -> None:
    traces, _ = fixed_partition
    whole, _ = pipeline.derive_tasks(traces, RUN, seen_shapes={})
    stored = pipeline.trace_frames(traces)
    chunked = pipeline.derive_task_frames(
        pipeline.stored_trace_chunks(stored["traces"], stored["trace_steps"], chunk=6), RUN
    )
    assert chunked["tasks"]["task_id"].to_list() == [t.task_id for t in whole]


def test_a_seen_shape_is_avoided_when_the_trace_offers_another(fixed_partition: tuple[list[Trace], ToolUsage]) -> None:
    traces, _ = fixed_partition
    moved = 0
    for trace in traces:
        if trace.status != "ok":
            continue
        shapes = step_shapes(trace.steps)
        first = derive_task(trace, TOOLS, rng_for(0, trace.trace_id), "test")
        same = derive_task(trace, TOOLS, rng_for(0, trace.trace_id), "test", seen_shapes={})
        assert same == first  # no partition state: the trace alone decides
        worn = {shapes[first.answer_step]: 50}
        again = derive_task(trace, TOOLS, rng_for(0, trace.trace_id), "test", seen_shapes=worn)
        others = {shapes[s.step_index] for s in trace.steps if s.ok} - set(worn)
        if others:
            moved += shapes[again.answer_step] != shapes[first.answer_step]
    assert moved >= 10


def test_an_unseen_shape_outweighs_a_seen_one_by_far() -> None:
    assert shape_novelty({}, "a") == shape_novelty({"a": 3}, "b") == UNSEEN_SHAPE_WEIGHT
    assert shape_novelty({"a": 1}, "a") == 1 / 8
    assert shape_novelty({"a": 3}, "a") == 1 / 64
