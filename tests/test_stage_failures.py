"""A partition's tables stay consistent whatever stage fails: real Dagster materializations into a temporary DuckDB
file, each stage failed on purpose (its plain logic raising, or its write failing half-way), then the tables read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest

import dive_assets.defs.diversity as diversity_defs
import dive_assets.defs.splits as splits_defs
import dive_assets.defs.tasks as tasks_defs
import dive_assets.defs.toolsets as toolsets_defs
import dive_assets.defs.traces as traces_defs
from dive_assets.definitions import synthesis_assets
from dive_assets.defs.catalog import tool_catalog
from dive_assets.defs.jobs import SYNTHESIS_ASSETS
from dive_assets.partitions import partition_key
from dive_assets.resources import default_resources
from dive_assets.synthesis import warehouse
from dive_assets.synthesis.config import RunSettings

DOMAIN, DIVERSITY = "geo", "slice-fixed"
OTHER = ("finance", "slice-fixed")
TABLES = [t for _, owned, _ in warehouse.STAGE_TABLES for t in owned]
ORPHANS = {
    "traces without their toolset": "SELECT count(*) FROM traces ANTI JOIN toolsets USING (toolset_id)",
    "steps without their trace": "SELECT count(*) FROM trace_steps ANTI JOIN traces USING (trace_id)",
    "tasks without their trace": "SELECT count(*) FROM tasks ANTI JOIN traces USING (trace_id)",
    "failures without their trace": "SELECT count(*) FROM task_failures ANTI JOIN traces USING (trace_id)",
    "verifications without their task": "SELECT count(*) FROM verifications ANTI JOIN tasks USING (task_id)",
    "splits without their task": "SELECT count(*) FROM splits ANTI JOIN tasks USING (task_id)",
    "llm calls without their trace": "SELECT count(*) FROM llm_calls c WHERE c.trace_id IS NOT NULL "
    "AND c.trace_id NOT IN (SELECT trace_id FROM traces)",
}
FAULTS = {  # the plain function each stage's asset calls, raising part-way
    "sampled_toolsets": (toolsets_defs, "toolset_frame"),
    "execution_traces": (traces_defs, "spool_traces"),
    "derived_tasks": (tasks_defs, "spool_tasks"),
    "verified_splits": (splits_defs, "spool_verification"),
    "diversity_metrics": (diversity_defs, "partition_profile"),
}


class Warehouse:
    def __init__(self, root: Path, instance: dg.DagsterInstance) -> None:
        self.settings = RunSettings(duckdb_path=str(root / "dive.duckdb"), tasks_per_partition=3)
        self.instance = instance

    def run(
        self,
        domain: str = DOMAIN,
        diversity: str = DIVERSITY,
        only: tuple[str, ...] = (),
        settings: RunSettings | None = None,
    ) -> dg.ExecuteInProcessResult:
        assets = synthesis_assets()
        selection = [a.key for a in assets if not only or a.key.to_user_string() in only]
        return dg.materialize(
            assets,
            selection=selection,
            partition_key=partition_key(domain, diversity),
            resources=default_resources(settings or self.settings),
            instance=self.instance,
            raise_on_error=False,
        )

    def query(self, sql: str) -> list[tuple]:
        with warehouse.connect(self.settings.duckdb_path, read_only=True) as conn:
            return conn.execute(sql).fetchall()

    def snapshot(self) -> dict[str, list[tuple]]:
        timed = ("trace_steps", "llm_calls")  # their latencies differ between equal runs
        return {
            table: self.query(f"SELECT * {'EXCLUDE (latency_ms)' if table in timed else ''} FROM {table} ORDER BY ALL")
            for table in [*TABLES, "llm_calls"]
        }

    def counts(self, domain: str = DOMAIN, diversity: str = DIVERSITY) -> dict[str, int]:
        where = f"domain = '{domain}' AND diversity = '{diversity}'"
        return {table: self.query(f"SELECT count(*) FROM {table} WHERE {where}")[0][0] for table in TABLES}

    def orphans(self) -> dict[str, int]:
        return {name: n for name, sql in ORPHANS.items() if (n := self.query(sql)[0][0])}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Warehouse]:
    root = tmp_path_factory.mktemp("stage_failures")
    (root / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(root / "home")) as instance:
        state = Warehouse(root, instance)
        assert dg.materialize([tool_catalog], resources=default_resources(state.settings), instance=instance).success
        for domain, diversity in [(DOMAIN, DIVERSITY), OTHER]:
            assert state.run(domain, diversity).success
        yield state


def _outcomes(result: dg.ExecuteInProcessResult) -> tuple[set[str], set[str]]:
    """The steps that failed, and the steps that started."""
    failed = {e.step_key for e in result.all_events if e.is_step_failure}
    started = {e.step_key for e in result.all_events if e.is_step_start}
    return failed, started


@pytest.mark.parametrize("stage", SYNTHESIS_ASSETS)
def test_a_stage_that_raises_leaves_every_table_as_it_was(
    store: Warehouse, stage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store.snapshot()
    module, name = FAULTS[stage]

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"{stage} failed on purpose")

    monkeypatch.setattr(module, name, broken)
    result = store.run()
    failed, started = _outcomes(result)
    assert not result.success
    assert failed == {stage}
    assert started == set(SYNTHESIS_ASSETS[: SYNTHESIS_ASSETS.index(stage) + 1])  # downstream never ran
    assert store.snapshot() == before
    assert store.orphans() == {}


@pytest.mark.parametrize("stage", ["execution_traces", "derived_tasks", "verified_splits"])
def test_a_write_that_fails_half_way_rolls_back_whole(
    store: Warehouse, stage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store.snapshot()
    last_table = dict((asset, owned) for asset, owned, _ in warehouse.STAGE_TABLES)[stage][1]
    insert = warehouse._insert

    def failing_insert(conn, table, frame):  # type: ignore[no-untyped-def]
        if table == last_table:  # the stage's first table is written and later stages' rows deleted by now
            raise OSError("disk full (on purpose)")
        return insert(conn, table, frame)

    monkeypatch.setattr(warehouse, "_insert", failing_insert)
    result = store.run(only=(stage,))
    assert not result.success
    assert store.snapshot() == before
    assert store.orphans() == {}


def test_rewriting_a_stage_with_the_same_rows_keeps_later_stages(store: Warehouse) -> None:
    before = store.snapshot()
    for stage in ("sampled_toolsets", "execution_traces", "derived_tasks"):
        assert store.run(only=(stage,)).success
        assert store.snapshot() == before


def test_a_stage_whose_rows_change_removes_the_partitions_later_rows_only(store: Warehouse) -> None:
    other_before = store.counts(*OTHER)
    reseeded = store.settings.model_copy(update={"seed": store.settings.seed + 1})
    assert store.run(only=("execution_traces",), settings=reseeded).success
    counts = store.counts()
    assert counts["traces"] > 0
    assert all(counts[t] == 0 for t in ("tasks", "task_failures", "verifications", "splits", "diversity_metrics"))
    assert store.counts(*OTHER) == other_before
    assert store.orphans() == {}
    assert store.run().success  # and the partition is whole again


def test_empty_input_gives_empty_tables_and_a_failed_check_not_a_crash(store: Warehouse) -> None:
    with warehouse.connect(store.settings.duckdb_path) as conn:  # a partition whose evidence yielded nothing
        warehouse.replace_partition(conn, {"traces": [], "trace_steps": []}, DOMAIN, DIVERSITY)
    result = store.run(only=("derived_tasks", "verified_splits", "diversity_metrics"))
    failed, started = _outcomes(result)
    assert failed == {"verified_splits"}  # the blocking suite: no verified task in the partition
    assert "diversity_metrics" not in started
    checks = [e.event_specific_data for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    failed_checks = {c.check_name: c for c in checks if not c.passed}
    assert set(failed_checks) == {"gx_tasks", "gx_verified_splits", "no_yield_drop"}
    suites = [failed_checks[name].description or "" for name in ("gx_tasks", "gx_verified_splits")]
    assert all("1 of " in text and text.endswith("expect_table_row_count_to_be_between()") for text in suites)
    assert failed_checks["no_yield_drop"].severity == dg.AssetCheckSeverity.WARN  # the split tasks fell to none
    assert {c.partition for c in checks} == {str(partition_key(DOMAIN, DIVERSITY))}
    errors = [e.event_specific_data.error for e in result.all_events if e.is_step_failure]
    assert all("DagsterAssetCheckFailedError" in err.cls_name for err in errors)
    assert store.counts()["tasks"] == store.counts()["splits"] == 0
    assert store.orphans() == {}
    assert store.run().success
