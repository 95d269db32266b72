"""The spool: a partition's frames on disk chunk by chunk, and the streamed partition it carries, which must give
the rows of the in-memory chunked stages the assets run."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from dive_assets.synthesis import warehouse
from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.frames import task_frames, trace_frames
from dive_assets.synthesis.partition import partition_frames, spool_partition
from dive_assets.synthesis.splits import spool_verification, verify_and_split
from dive_assets.synthesis.spool import Spool
from dive_assets.synthesis.tasks import derive_tasks
from dive_assets.synthesis.toolsets import toolset_frame
from dive_assets.synthesis.traces import run_traces
from dive_assets.synthesis.verification import CHECKS

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
    assert spool.height("a") == 3 and spool.tables() == ["a", "b"] and spool.columns("a") == ["x"]
    assert spool.read("c").is_empty() and spool.columns("c") == [] and spool.height("c") == 0


def test_the_streamed_partition_equals_one_pass_in_memory(tmp_path: Path) -> None:
    seeds = catalog_frames(run_examples=False)["seeds"].filter(pl.col("domain") == "geo")
    partition = Partition.of("geo", "full-fixed")
    spool = Spool(tmp_path / "spool")
    spool_partition(partition, seeds, RUN, spool)
    assert len(spool.files("traces")) == len(spool.files("tasks")) == len(spool.files("verifications"))

    toolsets = toolset_frame(partition, set(seeds["port"].unique()), RUN)
    traces = run_traces(partition, toolsets, seeds, RUN)
    tasks, failures = derive_tasks(traces, partition, RUN)
    checked = verify_and_split(tasks, traces, RUN)
    expected = {"toolsets": toolsets, **trace_frames(traces), **task_frames(tasks, failures)}
    expected |= checked
    streamed = partition_frames(partition, seeds, RUN)
    assert checked["splits"].height > 0
    for table, frame in expected.items():
        got, want = streamed[table], frame
        if "latency_ms" in want.columns:
            got, want = got.drop("latency_ms"), want.drop("latency_ms")
        assert_frame_equal(got, want, check_dtypes=False, check_column_order=False)
    assert spool.read("splits").sort("task_id").equals(checked["splits"])


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, pl.DataFrame]]:
    """A small partition written to a DuckDB file the usual way (frames)."""
    seeds = catalog_frames(run_examples=False)["seeds"].filter(pl.col("domain") == "geo")
    frames = partition_frames(Partition.of("geo", "full-varied"), seeds, RUN)
    db = tmp_path_factory.mktemp("db") / "w.duckdb"
    with warehouse.connect(db) as conn:
        warehouse.replace_partition(conn, frames, "geo", "full-varied")
    return db, frames


def test_stored_traces_come_back_in_slot_chunks_with_their_tasks(
    stored: tuple[Path, dict[str, pl.DataFrame]], tmp_path: Path
) -> None:
    db, frames = stored
    spool = Spool(tmp_path / "s")
    with warehouse.connect(db, read_only=True) as conn:
        assert warehouse.spool_stored_traces(conn, spool, "geo", "full-varied", chunk=5, with_tasks=True) == 12
    slots = [chunk["task_slot"].sort().to_list() for chunk in spool.chunks("traces")]
    assert slots == [list(range(0, 5)), list(range(5, 10)), [10, 11]]
    chunks = zip(spool.chunks("traces"), spool.chunks("trace_steps"), spool.chunks("tasks"), strict=True)
    for traces, steps, tasks in chunks:
        ids = set(traces["trace_id"])
        assert set(steps["trace_id"]) <= ids and (tasks.height == 0 or set(tasks["trace_id"]) <= ids)
    assert spool.height("trace_steps") == frames["trace_steps"].height
    assert sorted(spool.read("tasks")["task_id"]) == sorted(frames["tasks"]["task_id"])

    # a partition re-verified from the warehouse gives the rows verified in memory
    spool_verification(spool, RUN)
    assert spool.read("splits").sort("task_id").equals(frames["splits"])


def test_tasks_whose_trace_is_gone_come_last_and_fail_their_proofs(
    stored: tuple[Path, dict[str, pl.DataFrame]], tmp_path: Path
) -> None:
    db, frames = stored
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    gone = frames["tasks"]["trace_id"][0]
    with warehouse.connect(copy) as conn:
        conn.execute("DELETE FROM traces WHERE trace_id = ?", [gone])
        spool = Spool(tmp_path / "s")
        warehouse.spool_stored_traces(conn, spool, "geo", "full-varied", chunk=5, with_tasks=True)
    assert len(spool.files("tasks")) == len(spool.files("traces")) + 1
    orphans = list(spool.chunks("tasks"))[-1]
    assert set(orphans["trace_id"]) == {gone}
    spool_verification(spool, RUN)
    rows = spool.read("verifications").filter(pl.col("task_id").is_in(orphans["task_id"].to_list()))
    proofs = rows.filter(pl.col("check_name").is_in(list(CHECKS)))
    assert proofs.height and not proofs["passed"].any() and proofs["reason"].str.contains("not found").all()


def test_a_partition_is_written_from_spooled_files(
    stored: tuple[Path, dict[str, pl.DataFrame]], tmp_path: Path
) -> None:
    _, frames = stored
    spool = Spool(tmp_path / "s")
    half = frames["trace_steps"].height // 2
    spool.add({"trace_steps": frames["trace_steps"].head(half)})
    spool.add({"trace_steps": pl.DataFrame()})  # an empty chunk without columns is skipped
    spool.add({"trace_steps": frames["trace_steps"].slice(half)})
    db = tmp_path / "w.duckdb"
    with warehouse.connect(db) as conn:
        for _ in range(2):  # twice: the partition is replaced, not appended to
            written = warehouse.replace_partition(
                conn, {"trace_steps": spool.files("trace_steps")}, "geo", "full-varied"
            )
        assert written == {"trace_steps": frames["trace_steps"].height}
        back = warehouse.read_partition(conn, "trace_steps", "geo", "full-varied")
    key = ["trace_id", "step_index"]
    assert back.sort(key).select(frames["trace_steps"].columns).equals(frames["trace_steps"].sort(key))
