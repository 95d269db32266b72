"""What the Dagster UI shows beside the rows: check results scoped to the partition they checked, definition metadata
(column schemas from sql/schema.sql, column lineage, owners, tags, kinds, code references), the checks of the
analytics and the exports, and the automation that keeps diversity_summary and dataset_exports following the
partitions - all on real materializations into a temporary DuckDB file and DAGSTER_HOME."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest
from dagster._core.event_api import PartitionKeyFilter

from dive_assets.definitions import defs, synthesis_assets
from dive_assets.defs.automation import FOLLOWERS
from dive_assets.defs.catalog import tool_catalog
from dive_assets.defs.common import LINEAGE, OWNERS
from dive_assets.defs.diversity import diversity_metrics, diversity_summary
from dive_assets.defs.exports import dataset_exports
from dive_assets.partitions import partition_key
from dive_assets.resources import default_resources
from dive_assets.synthesis import invariants, warehouse
from dive_assets.synthesis.config import RunSettings
from dive_assets.synthesis.diversity import dataset_metrics

FIRST, SECOND = partition_key("geo", "full-varied"), partition_key("finance", "slice-fixed")
FOLLOWER_KEYS = [dg.AssetKey(name) for name in FOLLOWERS]


@dataclass
class Run:
    root: Path
    instance: dg.DagsterInstance
    settings: RunSettings
    requested: list[set[str]] = field(default_factory=list)
    """The assets requested by each automation evaluation, in order."""
    results: list[dg.ExecuteInProcessResult] = field(default_factory=list)

    @property
    def db(self) -> Path:
        return Path(self.settings.duckdb_path)

    def materialize(self, assets: list, partition: dg.MultiPartitionKey | None = None, db: Path | None = None) -> None:
        settings = self.settings.model_copy(update={"duckdb_path": str(db)}) if db else self.settings
        result = dg.materialize(
            assets, partition_key=partition, resources=default_resources(settings), instance=self.instance
        )
        assert result.success
        self.results.append(result)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory, monkeypatch_module: pytest.MonkeyPatch) -> Iterator[Run]:
    """The catalog, then automation evaluated around two partitions' runs and a run of the two followers."""
    root = tmp_path_factory.mktemp("metadata")
    monkeypatch_module.setenv("DIVE_EXPORT_DIR", str(root / "exports"))
    settings = RunSettings(duckdb_path=str(root / "dive.duckdb"), tasks_per_partition=6)
    (root / "dagster_home").mkdir()
    with dg.instance_for_test(temp_dir=str(root / "dagster_home")) as instance:
        state = Run(root, instance, settings)
        cursor = None

        def evaluate() -> None:
            nonlocal cursor
            result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=cursor)
            cursor = result.cursor
            state.requested.append({k.to_user_string() for k in FOLLOWER_KEYS if result.get_requested_partitions(k)})

        state.materialize([tool_catalog])
        evaluate()  # 0: the first evaluation
        state.materialize(synthesis_assets(), FIRST)
        evaluate()  # 1: after a partition's run
        evaluate()  # 2: nothing changed since
        state.materialize([diversity_summary, dataset_exports])
        evaluate()  # 3: after the followers ran
        state.materialize(synthesis_assets(), SECOND)
        evaluate()  # 4: after another partition's run
        state.materialize([diversity_summary, dataset_exports])
        evaluate()  # 5: after the followers ran again
        yield state


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def table_assets() -> dict[str, dg.AssetSpec]:
    specs = {spec.key.to_user_string(): spec for spec in defs.resolve_all_asset_specs()}
    return {name: spec for name, spec in specs.items() if "dagster/column_schema" in spec.metadata}


def test_every_asset_has_owners_tags_kinds_and_a_code_reference_to_its_module() -> None:
    specs = defs.resolve_all_asset_specs()
    assert len(specs) == 9
    for spec in specs:
        name = spec.key.to_user_string()
        assert list(spec.owners) == OWNERS, name
        assert spec.tags.get("stage"), name
        assert "duckdb" in spec.kinds and spec.kinds & {"python", "polars"}, (name, spec.kinds)
        (reference,) = spec.metadata["dagster/code_references"].code_references
        module = defs.resolve_assets_def(spec.key).op.compute_fn.decorated_fn.__module__
        assert Path(reference.file_path) == Path(__file__).parents[1] / (module.replace(".", "/") + ".py"), name
        assert reference.line_number > 0


def test_every_table_asset_declares_its_columns_from_the_schema_file() -> None:
    specs = table_assets()
    assert set(specs) == {s.key.to_user_string() for s in defs.resolve_all_asset_specs()} - {"dataset_exports"}
    declared = warehouse.declared_columns()
    for name, spec in specs.items():
        table = spec.metadata["dagster/table_name"]
        schema = spec.metadata["dagster/column_schema"]
        assert [(c.name, c.type) for c in schema.columns] == [(c.name, c.type) for c in declared[table]], name
        nullable = {c.name: c.constraints.nullable for c in schema.columns}
        assert nullable == {c.name: c.nullable for c in declared[table]}, name
    tasks = specs["derived_tasks"].metadata["dagster/column_schema"]
    assert {c.name: c.description for c in tasks.columns}["answer"] == "typed gold answer"  # the line's comment


def test_column_lineage_names_columns_the_upstream_asset_declares() -> None:
    graph = defs.resolve_asset_graph()
    specs = table_assets()
    carried = 0
    for name, spec in specs.items():
        lineage = spec.metadata.get("dagster/column_lineage")
        table = spec.metadata["dagster/table_name"]
        if table not in LINEAGE:
            assert lineage is None, name
            continue
        own = {c.name for c in spec.metadata["dagster/column_schema"].columns}
        parents = {k.to_user_string() for k in graph.get(spec.key).parent_keys}
        for column, deps in lineage.deps_by_column.items():
            assert column in own, (name, column)
            for dep in deps:
                upstream = specs[dep.asset_key.to_user_string()].metadata["dagster/column_schema"]
                assert dep.asset_key.to_user_string() in parents, (name, dep)
                assert dep.column_name in {c.name for c in upstream.columns}, (name, dep)
                carried += 1
    assert {"trace_id", "toolset_id", "task_id"} <= {c for t in LINEAGE.values() for c in t}
    assert carried >= 15


def test_the_declared_columns_are_the_tables_real_columns(run: Run) -> None:
    with duckdb.connect(str(run.db), read_only=True) as conn:
        real: dict[str, list[tuple[str, str]]] = {}
        for table, column, data_type in conn.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() ORDER BY table_name, column_index"
        ).fetchall():
            real.setdefault(table, []).append((column, data_type))
    for name, spec in table_assets().items():
        schemas = {spec.metadata["dagster/table_name"]: spec.metadata["dagster/column_schema"]}
        schemas |= {k.split("/", 1)[1]: v.schema for k, v in spec.metadata.items() if k.startswith("columns/")}
        for table, schema in schemas.items():
            assert [(c.name, c.type) for c in schema.columns] == real[table], (name, table)


def test_check_results_are_recorded_against_the_partition_they_checked(run: Run) -> None:
    graph = defs.resolve_asset_graph()
    storage = run.instance.event_log_storage
    partitioned = [k for k in graph.asset_check_keys if graph.get_check_spec(k).partitions_def is not None]
    assert {k.asset_key.to_user_string() for k in partitioned} == {
        "sampled_toolsets",
        "execution_traces",
        "derived_tasks",
        "verified_splits",
        "diversity_metrics",
    }
    for key in partitioned:
        history = storage.get_asset_check_execution_history(key, limit=20)
        assert {r.partition for r in history} == {str(FIRST), str(SECOND)}, key
        for partition in (FIRST, SECOND):  # the latest result of each partition, as the UI asks for it
            latest = storage.get_latest_asset_check_execution_by_key(
                [key], partition_filter=PartitionKeyFilter(key=str(partition))
            )[key]
            assert latest.partition == str(partition)
    for key in set(graph.asset_check_keys) - set(partitioned):
        for record in storage.get_asset_check_execution_history(key, limit=20):
            assert record.partition is None, key
    evaluations = [e for r in run.results for e in r.get_asset_check_evaluations()]
    assert {e.partition for e in evaluations if e.asset_key == dg.AssetKey("verified_splits")} == {
        str(FIRST),
        str(SECOND),
    }


def test_every_check_passes_on_the_runs(run: Run) -> None:
    evaluations = [e for r in run.results for e in r.get_asset_check_evaluations()]
    checked = {e.asset_key.to_user_string() for e in evaluations}
    assert {"diversity_metrics", "diversity_summary", "dataset_exports"} <= checked
    assert [(e.asset_key, e.check_name, e.description) for e in evaluations if not e.passed] == []
    severities = {(e.check_name, e.severity) for e in evaluations}
    assert ("no_diversity_drop", dg.AssetCheckSeverity.WARN) in severities
    assert ("exports_match_splits", dg.AssetCheckSeverity.ERROR) in severities


def test_the_followers_are_requested_after_a_partition_materializes_and_not_again(run: Run) -> None:
    first, after_partition, unchanged, after_followers, after_second, after_followers_again = run.requested
    assert first == set()
    assert after_partition == set(FOLLOWERS)
    assert unchanged == set()
    assert after_followers == set()
    assert after_second == set(FOLLOWERS)
    assert after_followers_again == set()
    for name in FOLLOWERS:
        condition = defs.resolve_assets_def(name).specs_by_key[dg.AssetKey(name)].automation_condition
        assert condition is not None and "eager" in (condition.get_label() or "")
    # the one automation sensor, on by default: the daemon of `make ui` evaluates the followers without a switch
    sensors = defs.get_repository_def().sensor_defs
    assert [s.name for s in sensors if isinstance(s, dg.AutomationConditionSensorDefinition)] == ["partition_followers"]
    sensor = defs.resolve_sensor_def("partition_followers")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert sensor.asset_selection.resolve(defs.resolve_asset_graph()) == set(FOLLOWER_KEYS)


def test_a_diversity_drop_fails_its_warning_check_on_that_partition(run: Run, tmp_path: Path) -> None:
    """Half of a partition's split rows gone (a copy of the warehouse): its metrics still agree with the rows, but
    the fall against the partition's previous materialization fails the warning, recorded on that partition."""
    db = tmp_path / "dropped.duckdb"
    shutil.copy(run.db, db)
    with duckdb.connect(str(db)) as conn:
        conn.execute(
            "DELETE FROM splits WHERE domain = 'geo' AND diversity = 'full-varied' AND task_id IN "
            "(SELECT task_id FROM splits WHERE domain = 'geo' AND diversity = 'full-varied' ORDER BY task_id "
            "LIMIT (SELECT count(*) // 2 + 1 FROM splits WHERE domain = 'geo' AND diversity = 'full-varied'))"
        )
    run.materialize([diversity_metrics], FIRST, db=db)
    results = {e.check_name: e for e in run.results[-1].get_asset_check_evaluations()}
    assert results["metrics_match_splits"].passed
    dropped = results["no_diversity_drop"]
    assert not dropped.passed and dropped.severity == dg.AssetCheckSeverity.WARN
    assert dropped.partition == str(FIRST)
    assert "tasks" in dropped.metadata["fell"].value


def test_metric_invariants_pass_on_stored_metrics_and_fail_on_broken_ones(run: Run) -> None:
    with warehouse.connect(run.db, read_only=True) as conn:
        metrics = dict(conn.execute("SELECT metric, value FROM diversity_metrics WHERE domain = 'finance'").fetchall())
        ((splits,),) = conn.execute("SELECT count(*) FROM splits WHERE domain = 'finance'").fetchall()
    assert invariants.metrics_invariants(metrics, splits).passed
    assert not invariants.metrics_invariants(metrics, splits + 1).passed
    assert not invariants.metrics_invariants({**metrics, "pool_coverage": 1.5}, splits).passed
    assert not invariants.metrics_invariants({**metrics, "unique_call_graphs": metrics["tasks"] + 1}, splits).passed


def test_the_summary_check_fails_when_the_comparison_misses_a_metric(run: Run, tmp_path: Path) -> None:
    with warehouse.connect(run.db, read_only=True) as conn:
        assert invariants.comparison_matches_metrics(conn).passed
        overall = dataset_metrics(conn)
    db = tmp_path / "broken.duckdb"
    shutil.copy(run.db, db)
    with duckdb.connect(str(db)) as conn:
        conn.execute("DELETE FROM diversity_comparison WHERE metric = 'tasks'")
        assert not invariants.comparison_matches_metrics(conn).passed
    assert invariants.drop(overall, overall, ["tasks", "pool_tools_used"]).passed
    fell = invariants.drop({**overall, "tasks": overall["tasks"] // 2}, overall, ["tasks", "pool_tools_used"])
    assert not fell.passed and "tasks" in fell.description


def test_the_export_checks_fail_on_a_short_file_and_a_leaked_task(run: Run, tmp_path: Path) -> None:
    exported = run.root / "exports"
    meta = [m for r in run.results for m in r.asset_materializations_for_node("dataset_exports")][-1].metadata
    per_split = {s: n for s, n in pl.read_parquet(exported / "parquet").group_by("split").len().iter_rows()}
    duplicates = meta["cross_partition_duplicates"].value
    with warehouse.connect(run.db, read_only=True) as conn:
        assert invariants.exports_match_splits(conn, exported, per_split, duplicates).passed
        assert invariants.no_split_leak_in_exports(conn, exported).passed
        short, leaked = tmp_path / "short", tmp_path / "leaked"
        shutil.copytree(exported, short)
        split = next(s for s, n in per_split.items() if n > 1)
        sft = short / "sft" / f"{split}.jsonl"
        sft.write_text("\n".join(sft.read_text().splitlines()[1:]) + "\n")
        short_outcome = invariants.exports_match_splits(conn, short, per_split, duplicates)
        assert not short_outcome.passed and f"sft/{split}" in short_outcome.description
        shutil.copytree(exported, leaked)
        test_split = next(s for s in per_split if s.startswith("test"))
        train_split = next(s for s in per_split if s.startswith("train"))
        test_rows = pl.read_parquet(leaked / "parquet" / f"{test_split}.parquet").head(1)
        train_path = leaked / "parquet" / f"{train_split}.parquet"
        pl.concat([pl.read_parquet(train_path), test_rows], how="diagonal_relaxed").write_parquet(train_path)
        leak = invariants.no_split_leak_in_exports(conn, leaked)
        assert not leak.passed and test_rows["task_id"][0] in leak.description


def test_the_study_check_fails_on_a_missing_point() -> None:
    rows = pl.DataFrame(
        [(d, p, m, 1.0) for d in ("geo", "finance") for p in ("a", "b") for m in ("x", "y")],
        schema=["domain", "point", "metric", "value"],
        orient="row",
    )
    assert invariants.study_points_complete(rows, ["geo", "finance"]).passed
    missing = rows.filter(~((pl.col("domain") == "geo") & (pl.col("point") == "b")))
    assert not invariants.study_points_complete(missing, ["geo", "finance"]).passed
    assert not invariants.study_points_complete(rows, ["geo", "finance", "science"]).passed
