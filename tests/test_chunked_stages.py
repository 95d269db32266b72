"""The stages hold one chunk of a partition at a time (through a spool on disk); the chunk size changes no row.

Memory is why (a trace object costs ~25x its rows, a partition's rows ~1.5 GB at 100k traces), so these tests
pin that the rows are the same whatever the chunk size, and the same as one pass over the whole partition.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.frames import task_frames, trace_frames
from dive_assets.synthesis.splits import spool_verification, verify_and_split
from dive_assets.synthesis.spool import Spool
from dive_assets.synthesis.tasks import derive_tasks, spool_tasks
from dive_assets.synthesis.toolsets import toolset_frame
from dive_assets.synthesis.traces import iter_trace_chunks, run_traces, spool_traces

RUN = RunSettings(tasks_per_partition=14, duckdb_path="unused.duckdb")
GEO = Partition.of("geo", "full-varied")
TABLES = ("traces", "trace_steps", "tasks", "task_failures", "verifications", "splits")


@pytest.fixture(scope="module")
def partition() -> tuple[pl.DataFrame, pl.DataFrame]:
    seeds = catalog_frames(run_examples=False)["seeds"].filter(pl.col("domain") == "geo")
    toolsets = toolset_frame(GEO, set(seeds["port"].unique()), RUN)
    return toolsets, seeds


KEYS = ("trace_id", "task_id", "step_index", "check_name", "stage", "reason")


def _comparable(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows in a fixed order (by their key columns), without the timing column."""
    frame = frame.drop("latency_ms") if "latency_ms" in frame.columns else frame
    return frame.sort([k for k in KEYS if k in frame.columns]) if frame.height else frame


def _spooled(path: Path, partition: tuple[pl.DataFrame, pl.DataFrame], chunk: int) -> Spool:
    spool = Spool(path)
    spool_traces(GEO, *partition, RUN, spool, chunk=chunk)
    spool_tasks(spool, GEO, RUN)
    spool_verification(spool, RUN)
    return spool


def test_trace_chunks_give_the_traces_of_one_pass(partition: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    toolsets, seeds = partition
    chunks = list(iter_trace_chunks(GEO, toolsets, seeds, RUN, chunk=4))
    assert [len(c) for c in chunks] == [4, 4, 4, 2]
    whole = trace_frames(run_traces(GEO, toolsets, seeds, RUN))
    chunked = trace_frames([t for c in chunks for t in c])
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
    traces = run_traces(GEO, *partition, RUN)
    tasks, failures = derive_tasks(traces, GEO, RUN)
    whole = {
        **trace_frames(traces),
        **task_frames(tasks, failures),
        **verify_and_split(tasks, traces, RUN),
    }
    for table in TABLES:
        assert_frame_equal(_comparable(small.read(table)), _comparable(whole[table]), check_dtypes=False)
