"""The stages hold one chunk of a partition at a time (through a spool on disk); the chunk size changes no row.

Memory is why (a trace object costs ~25x its rows, a partition's rows ~1.5 GB at 100k traces), so these tests
pin that the rows are the same whatever the chunk size, and the same as one pass over the whole partition.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from dive_assets.synthesis import pipeline
from dive_assets.synthesis.config import RunSettings, load_diversity_grid
from dive_assets.synthesis.spool import Spool

RUN = RunSettings(tasks_per_partition=14, duckdb_path="unused.duckdb")
TABLES = ("traces", "trace_steps", "tasks", "task_failures", "verifications", "splits")


@pytest.fixture(scope="module")
def partition() -> tuple[pl.DataFrame, pl.DataFrame]:
    seeds = pipeline.catalog_frames(run_examples=False)["seeds"].filter(pl.col("domain") == "geo")
    setting = load_diversity_grid().get("full-varied")
    toolsets = pipeline.toolset_frame("geo", setting, set(seeds["port"].unique()), RUN)
    return toolsets, seeds


KEYS = ("trace_id", "task_id", "step_index", "check_name", "stage", "reason")


def _comparable(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows in a fixed order (by their key columns), without the timing column."""
    frame = frame.drop("latency_ms") if "latency_ms" in frame.columns else frame
    return frame.sort([k for k in KEYS if k in frame.columns]) if frame.height else frame


def _spooled(path: Path, partition: tuple[pl.DataFrame, pl.DataFrame], chunk: int) -> Spool:
    spool = Spool(path)
    pipeline.spool_traces("geo", "full-varied", *partition, RUN, spool, chunk=chunk)
    pipeline.spool_tasks(spool, RUN)
    pipeline.spool_verification(spool, RUN)
    return spool


def test_trace_chunks_give_the_traces_of_one_pass(partition: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    toolsets, seeds = partition
    chunks = list(pipeline.iter_trace_chunks("geo", "full-varied", toolsets, seeds, RUN, chunk=4))
    assert [len(c) for c in chunks] == [4, 4, 4, 2]
    whole = pipeline.trace_frames(pipeline.run_traces("geo", "full-varied", toolsets, seeds, RUN))
    chunked = pipeline.trace_frames([t for c in chunks for t in c])
    for name in ("traces", "trace_steps"):
        assert_frame_equal(_comparable(chunked[name]), _comparable(whole[name]), check_dtypes=False)


def test_every_stage_by_chunks_matches_the_whole(partition: tuple[pl.DataFrame, pl.DataFrame], tmp_path: Path) -> None:
    small = _spooled(tmp_path / "small", partition, chunk=4)
    large = _spooled(tmp_path / "large", partition, chunk=500)
    assert len(small.files("traces")) == len(small.files("tasks")) == len(small.files("verifications")) == 4
    assert len(large.files("traces")) == 1
    assert small.height("splits") > 0
    for table in TABLES:
        assert_frame_equal(_comparable(small.read(table)), _comparable(large.read(table)), check_dtypes=False)

    # and one pass over the whole partition in memory gives the same rows
    traces = pipeline.run_traces("geo", "full-varied", *partition, RUN)
    tasks, failures = pipeline.derive_tasks(traces, RUN)
    whole = {
        **pipeline.trace_frames(traces),
        **pipeline.task_frames(tasks, failures),
        **pipeline.verify_and_split(tasks, traces, RUN),
    }
    for table in TABLES:
        assert_frame_equal(_comparable(small.read(table)), _comparable(whole[table]), check_dtypes=False)
