"""DuckDB writes are idempotent per partition, atomic, and the GX suites can fail."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from dive_assets.synthesis import warehouse
from dive_assets.synthesis.config import RunSettings
from dive_assets.synthesis.quality import load_suite, suite_parameters, validate_frame


def _splits(n: int, domain: str = "geo", diversity: str = "full-varied") -> pl.DataFrame:
    return pl.DataFrame(
        {
            "task_id": [f"task_{i}" for i in range(n)],
            "domain": [domain] * n,
            "diversity": [diversity] * n,
            "split": ["train_sft"] * n,
            "toolset_id": ["ts_1"] * n,
            "seed_value": [f"S{i}" for i in range(n)],
            "held_out_tools": [[] for _ in range(n)],
        },
        schema_overrides={"held_out_tools": pl.List(pl.String)},
    )


def _count(db: Path, where: str = "") -> int:
    with warehouse.connect(db, read_only=True) as conn:
        return conn.execute(f"SELECT count(*) FROM splits {where}").fetchone()[0]


def test_replacing_a_partition_twice_leaves_one_copy(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with warehouse.connect(db) as conn:
        warehouse.replace_partition(conn, {"splits": _splits(3)}, "geo", "full-varied")
        warehouse.replace_partition(conn, {"splits": _splits(3, "finance")}, "finance", "full-varied")
        warehouse.replace_partition(conn, {"splits": _splits(3)}, "geo", "full-varied")
    assert _count(db) == 6
    assert _count(db, "WHERE domain = 'geo'") == 3


def test_a_failed_write_rolls_back_and_keeps_the_old_rows(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with warehouse.connect(db) as conn:
        warehouse.replace_partition(conn, {"splits": _splits(2)}, "geo", "full-varied")
        broken = _splits(4).drop("split")  # NOT NULL column missing
        with pytest.raises(duckdb.Error):
            warehouse.replace_partition(conn, {"splits": broken}, "geo", "full-varied")
    assert _count(db) == 2


def test_only_partitioned_tables_are_replaced_by_partition(tmp_path: Path) -> None:
    with warehouse.connect(tmp_path / "w.duckdb") as conn, pytest.raises(ValueError, match="not a partitioned"):
        warehouse.replace_partition(conn, {"tools": pl.DataFrame()}, "geo", "full-varied")


def test_reading_a_missing_database_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    with pytest.raises(FileNotFoundError, match="make run"), warehouse.connect(missing, read_only=True):
        pass


def test_unknown_named_query_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="task_lineage"):
        warehouse.named_query("nope")


def test_every_suite_file_is_well_formed() -> None:
    for path in sorted(Path(warehouse.SQL_DIR.parent / "expectations").glob("*.json")):
        suite = load_suite(path.stem)
        assert suite["expectations"], path


def test_a_suite_reports_what_failed() -> None:
    good = validate_frame("verified_splits", _splits(3))
    assert good.success, good.failed
    bad = _splits(3).with_columns(pl.lit("validation").alias("split"))
    outcome = validate_frame("verified_splits", bad)
    assert not outcome.success
    assert any(f["column"] == "split" for f in outcome.failed)
    assert "failed" in outcome.summary()


def test_a_text_column_only_checked_for_nulls_reaches_gx_as_its_length_and_still_fails_on_a_null() -> None:
    from dive_assets.synthesis.quality import null_only_columns, slim_frame

    suite = load_suite("trace_steps")
    assert {"arguments", "provenance"} <= null_only_columns(suite)
    assert "error_type" not in null_only_columns(suite)  # checked against a set: its text matters
    steps = pl.DataFrame(
        {
            "trace_id": ["t1", "t1"],
            "step_index": [0, 1],
            "tool_name": ["country_info", "compare_numbers"],
            "arguments": ['{"country_code": "FR"}', '{"a": 1, "b": 2}'],
            "provenance": ['{"country_code": {"source": "seed"}}', "{}"],
            "error_type": [None, "bad_input"],
            "latency_ms": [0.5, 0.2],
            "output": ['{"name": "France"}', None],  # named by no expectation: not handed to GX
        }
    )
    slim = slim_frame(suite, steps)
    assert "output" not in slim.columns
    assert slim["arguments"].to_list() == [22, 16] and slim["error_type"].to_list() == [None, "bad_input"]
    bounds = {"max_trace_steps": RunSettings().max_trace_steps}
    assert validate_frame("trace_steps", steps, bounds).success
    broken = validate_frame("trace_steps", steps.with_columns(pl.Series("arguments", ['{"a": 1}', None])), bounds)
    assert not broken.success and [f["column"] for f in broken.failed] == ["arguments"]


def test_a_trace_may_be_as_long_as_the_settings_allow_and_no_longer() -> None:
    """The step bounds of the trace suites follow the run's rounds and calls per round: a 100k partition of the
    default settings has traces of up to 93 steps (15 rounds of 5 calls and some failed calls), which a fixed
    bound of 64 failed."""
    settings = RunSettings()
    assert settings.max_trace_steps == (3 + 14) * 2 * 5
    traces = pl.DataFrame(
        {
            "trace_id": ["t1", "t2"],
            "toolset_id": ["s1", "s2"],
            "domain": ["geo", "geo"],
            "diversity": ["full-varied", "full-varied"],
            "policy": ["embedded-v1", "embedded-v1"],
            "status": ["ok", "ok"],
            "step_count": [93, 12],
            "seed_port": ["country_code", "country_code"],
            "seed_value": ["FR", "DE"],
            "task_slot": [0, 1],
        }
    )
    bounds = {"max_trace_steps": settings.max_trace_steps}
    assert validate_frame("traces", traces, bounds).success
    longer = traces.with_columns(pl.Series("step_count", [settings.max_trace_steps + 1, 3]))
    too_long = validate_frame("traces", longer, bounds)
    assert not too_long.success and [f["column"] for f in too_long.failed] == ["step_count"]
    small = {"max_trace_steps": RunSettings(rounds=1, extra_rounds=0, max_steps=5).max_trace_steps}
    assert not validate_frame("traces", traces, small).success
    with pytest.raises(ValueError, match=r"needs parameters \['max_trace_steps'\]"):
        validate_frame("traces", traces)


def test_a_task_may_come_from_any_round_the_settings_allow() -> None:
    """At 100k traces a partition has tasks of round 17 (3 rounds and 14 extra ones), which a fixed bound of 16
    failed: the tasks suite's round bound is the settings' ``max_rounds``."""
    assert RunSettings().max_rounds == 17 and RunSettings(rounds=2, extra_rounds=0).max_rounds == 2
    assert suite_parameters(load_suite("tasks")) == {"max_rounds"}
    assert suite_parameters(load_suite("traces")) == suite_parameters(load_suite("trace_steps")) == {"max_trace_steps"}


def _steps(trace: str, count: int, error: str | None = None) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "trace_id": [trace] * count,
            "step_index": list(range(count)),
            "tool_name": ["country_info"] * count,
            "arguments": ['{"country_code": "FR"}'] * count,
            "provenance": ["{}"] * count,
            "error_type": pl.Series([error] * count, dtype=pl.String),
            "latency_ms": [0.5] * count,
        }
    )


def test_a_table_validated_in_batches_gets_the_verdict_of_the_whole_table() -> None:
    """Row-wise expectations run a batch at a time and whole-table ones (row counts, uniqueness, shares) once on
    their columns: a bad row in a late batch, a duplicate id across chunks and a share over the whole table are
    all still caught, and a good table passes with every expectation evaluated."""
    from dive_assets.synthesis.quality import is_row_wise, validate_chunks

    bounds = {"max_trace_steps": RunSettings().max_trace_steps}
    good = [_steps(f"t{k}", 3) for k in range(5)]
    whole = validate_frame("trace_steps", pl.concat(good), bounds)
    batched = validate_chunks("trace_steps", good, bounds, batch_rows=4)
    assert whole.success and batched.success and batched.evaluated == whole.evaluated == 8
    late = [*good, _steps("t9", 2, error="not_a_reason")]
    failed = validate_chunks("trace_steps", late, bounds, batch_rows=4)
    assert not failed.success and [(f["type"], f["column"]) for f in failed.failed] == [
        ("expect_column_values_to_be_in_set", "error_type")
    ]
    assert not validate_frame("trace_steps", pl.concat(late), bounds).success
    # the only whole-table expectation of trace_steps is its row count: an empty table fails it
    assert not validate_chunks("trace_steps", [], bounds).success

    suite = load_suite("traces")
    assert [e["kwargs"].get("column") for e in suite["expectations"] if not is_row_wise(e)] == [
        None,
        "trace_id",
        "status",
    ]
    traces = pl.DataFrame(
        {
            "trace_id": ["a", "b", "c", "d"],
            "toolset_id": ["s"] * 4,
            "seed_value": ["FR"] * 4,
            "status": ["failed", "failed", "ok", "ok"],
            "step_count": [1, 2, 3, 4],
            "policy": ["embedded-v1"] * 4,
        }
    )
    halves = [traces.head(2), traces.tail(2)]
    assert validate_chunks("traces", halves, bounds, batch_rows=1).success  # 50% ok over the table: mostly 0.5
    mostly_failed = [traces.head(2), traces.tail(2).with_columns(pl.lit("failed").alias("status"))]
    outcome = validate_chunks("traces", mostly_failed, bounds, batch_rows=1)
    assert not outcome.success and [f["column"] for f in outcome.failed] == ["status"]
    repeated = [traces.head(2), traces.tail(2).with_columns(pl.Series("trace_id", ["a", "e"]))]
    outcome = validate_chunks("traces", repeated, bounds, batch_rows=1)
    assert not outcome.success and [(f["type"], f["column"]) for f in outcome.failed] == [
        ("expect_column_values_to_be_unique", "trace_id")
    ]


def test_connections_take_a_memory_limit_and_refuse_a_bad_one(tmp_path: Path) -> None:
    path = tmp_path / "limits.duckdb"
    with warehouse.connect(path) as conn:  # writers are held to WRITE_MEMORY_LIMIT
        ((writer,),) = conn.execute("SELECT current_setting('memory_limit')").fetchall()
    with warehouse.connect(path, read_only=True, memory_limit="64MB") as conn:
        ((reader,),) = conn.execute("SELECT current_setting('memory_limit')").fetchall()
    assert writer.startswith("122") and reader.startswith("61")  # DuckDB reports MiB: 128 MB, 64 MB
    bad = pytest.raises(ValueError, match="bad DuckDB memory limit '1GB; SELECT 1'")
    with bad, warehouse.connect(path, read_only=True, memory_limit="1GB; SELECT 1"):
        pass
