"""The spool: a partition's frames on disk chunk by chunk, and the streamed partition it carries, which must give
the rows of the in-memory chunked stages the assets run."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from dive_assets.synthesis import pipeline
from dive_assets.synthesis.config import RunSettings, load_diversity_grid
from dive_assets.synthesis.spool import Spool

RUN = RunSettings(tasks_per_partition=12, duckdb_path="unused.duckdb")


def test_chunks_come_back_in_order_and_aligned_across_tables(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "s")
    spool.add({"a": pl.DataFrame({"x": [1, 2]}), "b": pl.DataFrame({"y": ["p"]})})
    spool.add({"a": pl.DataFrame(), "b": pl.DataFrame({"y": [None]})})  # an empty chunk and an all-null column
    spool.add({"a": pl.DataFrame({"x": [3]}), "b": pl.DataFrame({"y": ["q"]})})
    assert [f.height for f in spool.chunks("a")] == [2, 0, 1]
    assert spool.read("a")["x"].to_list() == [1, 2, 3]
    assert spool.read("b").schema["y"] == pl.String and spool.read("b")["y"].to_list() == ["p", None, "q"]
    assert [f.width for f in spool.chunks("a", ["x"])] == [1, 0, 1]  # a chunk without columns reads as empty
    assert spool.height("a") == 3 and spool.tables() == ["a", "b"]
    with pytest.raises(KeyError, match="no table 'c'"):
        spool.read("c")


def test_the_streamed_partition_equals_the_chunked_stages(tmp_path: Path) -> None:
    seeds = pipeline.catalog_frames(run_examples=False)["seeds"].filter(pl.col("domain") == "geo")
    setting = load_diversity_grid().get("full-fixed")
    spool = Spool(tmp_path / "spool")
    pipeline.spool_partition("geo", setting, seeds, RUN, spool)
    assert len(spool.files("traces")) == len(spool.files("tasks")) == len(spool.files("verifications"))

    toolsets = pipeline.toolset_frame("geo", setting, set(seeds["port"].unique()), RUN)
    traced = pipeline.trace_frames_of(pipeline.iter_trace_chunks("geo", setting.key, toolsets, seeds, RUN, chunk=5))
    stored = traced["traces"], traced["trace_steps"]
    derived = pipeline.derive_task_frames(pipeline.stored_trace_chunks(*stored, chunk=5), RUN)
    checked = pipeline.verify_and_split_chunks(derived["tasks"], pipeline.stored_trace_chunks(*stored, chunk=5), RUN)
    expected = {"toolsets": toolsets, **traced, **derived, **checked}
    streamed = pipeline.partition_frames("geo", setting, seeds, RUN)
    assert checked["splits"].height > 0
    for table, frame in expected.items():
        got, want = streamed[table], frame
        if "latency_ms" in want.columns:
            got, want = got.drop("latency_ms"), want.drop("latency_ms")
        assert_frame_equal(got, want, check_dtypes=False, check_column_order=False)
    assert spool.read("splits").sort("task_id").equals(checked["splits"])
