"""The stages hold a partition in frames and rebuild trace objects one chunk at a time; chunking changes nothing.

Memory is why (a trace object costs ~25x its rows), so these tests pin that the rows are the same whatever the
chunk size, including a chunk boundary inside the partition and tasks whose trace is missing.
"""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from dive_assets.synthesis import pipeline
from dive_assets.synthesis.config import RunSettings, load_diversity_grid
from dive_assets.synthesis.verification import CHECKS

RUN = RunSettings(tasks_per_partition=14, duckdb_path="unused.duckdb")


@pytest.fixture(scope="module")
def partition() -> tuple[pl.DataFrame, pl.DataFrame]:
    seeds = pipeline.catalog_frames(run_examples=False)["seeds"].filter(pl.col("domain") == "geo")
    setting = load_diversity_grid().get("full-varied")
    toolsets = pipeline.toolset_frame("geo", setting, set(seeds["port"].unique()), RUN)
    return toolsets, seeds


def _without_latency(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    return {name: f.drop("latency_ms") if "latency_ms" in f.columns else f for name, f in frames.items()}


def test_trace_chunks_give_the_traces_of_one_pass(partition: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    toolsets, seeds = partition
    chunks = list(pipeline.iter_trace_chunks("geo", "full-varied", toolsets, seeds, RUN, chunk=4))
    assert [len(c) for c in chunks] == [4, 4, 4, 2]
    whole = pipeline.trace_frames(pipeline.run_traces("geo", "full-varied", toolsets, seeds, RUN))
    chunked = pipeline.trace_frames_of(iter(chunks))
    for name in ("traces", "trace_steps"):
        assert_frame_equal(_without_latency(chunked)[name], _without_latency(whole)[name], check_dtypes=False)


def test_derivation_and_verification_by_chunks_match_the_whole(partition: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    toolsets, seeds = partition
    traced = pipeline.trace_frames_of(pipeline.iter_trace_chunks("geo", "full-varied", toolsets, seeds, RUN))
    stored = traced["traces"], traced["trace_steps"]
    derived = pipeline.derive_task_frames(pipeline.stored_trace_chunks(*stored, chunk=3), run=RUN)
    traces = pipeline.traces_from_frames(*stored)
    tasks, failures = pipeline.derive_tasks(traces, RUN)
    whole = pipeline.task_frames(tasks, failures)
    assert derived["tasks"].height == len(tasks) > 0
    assert_frame_equal(derived["tasks"], whole["tasks"], check_dtypes=False)
    assert_frame_equal(derived["task_failures"], whole["task_failures"], check_dtypes=False)

    checked = pipeline.verify_and_split_chunks(derived["tasks"], pipeline.stored_trace_chunks(*stored, chunk=3), RUN)
    expected = pipeline.verify_and_split(tasks, traces, RUN)
    assert checked["splits"].height > 0
    for name in ("verifications", "splits"):
        assert_frame_equal(checked[name], expected[name].sort("task_id", maintain_order=True), check_dtypes=False)


def test_a_task_whose_trace_is_missing_fails_its_proofs_when_chunked(
    partition: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    toolsets, seeds = partition
    traced = pipeline.trace_frames_of(pipeline.iter_trace_chunks("geo", "full-varied", toolsets, seeds, RUN))
    derived = pipeline.derive_task_frames(pipeline.stored_trace_chunks(traced["traces"], traced["trace_steps"]), RUN)
    gone = derived["tasks"]["trace_id"][0]
    kept = traced["traces"].filter(pl.col("trace_id") != gone)
    checked = pipeline.verify_and_split_chunks(
        derived["tasks"], pipeline.stored_trace_chunks(kept, traced["trace_steps"], chunk=5), RUN
    )
    orphan_ids = derived["tasks"].filter(pl.col("trace_id") == gone)["task_id"].to_list()
    orphan_rows = checked["verifications"].filter(pl.col("task_id").is_in(orphan_ids))
    proofs = orphan_rows.filter(pl.col("check_name").is_in(list(CHECKS)))
    assert proofs.height == len(orphan_ids) * len(CHECKS) and not proofs["passed"].any()
    assert proofs["reason"].str.contains("not found").all()
    assert not checked["splits"]["task_id"].is_in(orphan_ids).any()
