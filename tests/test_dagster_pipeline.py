"""Real Dagster materializations into a temporary DuckDB file and a temporary DAGSTER_HOME."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest

from dive_assets.definitions import synthesis_assets
from dive_assets.defs.catalog import tool_catalog
from dive_assets.defs.diversity import diversity_summary
from dive_assets.defs.study import diversity_study
from dive_assets.partitions import partition_key
from dive_assets.resources import default_resources
from dive_assets.synthesis import queries, warehouse
from dive_assets.synthesis.config import RunSettings
from dive_assets.synthesis.formulas import fill
from dive_assets.synthesis.verification import answers_match
from tool_catalog import call_tool
from tool_catalog.names import stated_in
from tool_catalog.registry import get_tool

PARTITIONS = [("geo", "full-varied"), ("finance", "slice-fixed"), ("geo", "slice-fixed")]
TABLES = ("toolsets", "traces", "trace_steps", "tasks", "task_failures", "verifications", "splits")


class Materialized:
    def __init__(self, db: Path, instance: dg.DagsterInstance, settings: RunSettings) -> None:
        self.db = db
        self.instance = instance
        self.settings = settings
        self.results: list[dg.ExecuteInProcessResult] = []

    def materialize_partition(self, domain: str, diversity: str) -> dg.ExecuteInProcessResult:
        result = dg.materialize(
            synthesis_assets(),
            partition_key=partition_key(domain, diversity),
            resources=default_resources(self.settings),
            instance=self.instance,
        )
        self.results.append(result)
        return result

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        with warehouse.connect(self.db, read_only=True) as conn:
            return conn.execute(sql, params or []).fetchall()


@pytest.fixture(scope="module")
def materialized(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Materialized]:
    root = tmp_path_factory.mktemp("pipeline")
    settings = RunSettings(duckdb_path=str(root / "dive.duckdb"), tasks_per_partition=8)
    (root / "dagster_home").mkdir()
    with dg.instance_for_test(temp_dir=str(root / "dagster_home")) as instance:
        state = Materialized(root / "dive.duckdb", instance, settings)
        catalog = dg.materialize([tool_catalog], resources=default_resources(settings), instance=instance)
        state.results.append(catalog)
        for domain, diversity in PARTITIONS:
            state.materialize_partition(domain, diversity)
        yield state


def test_runs_succeed_and_every_check_passes(materialized: Materialized) -> None:
    for result in materialized.results:
        assert result.success
        evaluations = result.get_asset_check_evaluations()
        assert evaluations, "asset checks did not run"
        failed = [(e.check_name, e.description) for e in evaluations if not e.passed]
        assert not failed


def test_runs_are_recorded_in_the_instance(materialized: Materialized) -> None:
    runs = materialized.instance.get_runs()
    assert len(runs) >= 1 + len(PARTITIONS)
    key = partition_key(*PARTITIONS[0])
    events = materialized.instance.fetch_materializations(dg.AssetKey("verified_splits"), limit=10).records
    assert any(e.partition_key == str(key) for e in events)


def test_every_partition_has_verified_tasks(materialized: Materialized) -> None:
    for domain, diversity in PARTITIONS:
        (verified,) = materialized.query(
            "SELECT count(*) FROM splits WHERE domain = ? AND diversity = ?", [domain, diversity]
        )[0]
        assert verified > 0, (domain, diversity)


def test_rematerializing_a_partition_changes_no_row(materialized: Materialized) -> None:
    domain, diversity = PARTITIONS[0]

    def snapshot() -> dict[str, list[tuple]]:
        return {
            table: materialized.query(
                f"SELECT * EXCLUDE (latency_ms) FROM {table} WHERE domain = ? AND diversity = ? ORDER BY ALL"
                if table == "trace_steps"
                else f"SELECT * FROM {table} WHERE domain = ? AND diversity = ? ORDER BY ALL",
                [domain, diversity],
            )
            for table in TABLES
        }

    before = snapshot()
    assert materialized.materialize_partition(domain, diversity).success
    after = snapshot()
    assert {t: len(r) for t, r in before.items()} == {t: len(r) for t, r in after.items()}
    assert before == after


def test_one_join_goes_from_a_task_to_its_tools(materialized: Materialized) -> None:
    rows = materialized.query(
        """
        SELECT t.task_id, s.step_index, tl.name, tl.package, ts.toolset_id
        FROM tasks t
        JOIN traces tr ON tr.trace_id = t.trace_id
        JOIN toolsets ts ON ts.toolset_id = tr.toolset_id AND ts.domain = tr.domain AND ts.diversity = tr.diversity
        JOIN trace_steps s ON s.trace_id = t.trace_id AND list_contains(t.required_steps, s.step_index)
        JOIN tools tl ON tl.name = s.tool_name
        WHERE list_contains(ts.tool_names, s.tool_name)
        """
    )
    (n_required,) = materialized.query("SELECT sum(len(required_steps)) FROM tasks")[0]
    assert rows
    assert len(rows) == n_required


def test_verified_tasks_replay_from_the_database(materialized: Materialized) -> None:
    """Independent of the verifier: re-execute each verified task's required steps from stored rows."""
    tasks = materialized.query(
        """
        SELECT t.task_id, t.trace_id, t.required_steps, t.answer_step, t.answer_field, t.answer, t.answer_type,
               t.tolerance, t.question
        FROM tasks t JOIN splits USING (task_id)
        """
    )
    assert tasks
    for task_id, trace_id, required, answer_step, field, answer, answer_type, tolerance, question in tasks:
        steps = {
            row[0]: row
            for row in materialized.query(
                "SELECT step_index, tool_name, arguments, provenance FROM trace_steps WHERE trace_id = ?", [trace_id]
            )
        }
        outputs: dict[int, dict] = {}
        for index in required:
            _, tool, arguments, provenance = steps[index]
            args, prov = json.loads(arguments), json.loads(provenance)
            for name, source in prov.items():
                if source["source"] == "step":
                    args[name] = outputs[source["step"]][source["field"]]
                elif source["source"] == "steps":  # a list: one output field of each of several steps
                    args[name] = [outputs[i][source["field"]] for i in source["steps"]]
                elif source["source"] == "expression":  # a calculator formula over that field of several steps
                    args[name] = fill(source["formula"], [outputs[i][source["field"]] for i in source["steps"]])
                elif not (index == answer_step and name in get_tool(tool).outputs[field].ignores):
                    # a stated value is named as people name it ("The Gambia" for GM, "21 June 2024"): its raw text
                    # or its display; a parameter the answer field ignores need not be stated
                    assert stated_in(get_tool(tool).input_ports.get(name, "label"), args[name], question), (
                        task_id,
                        name,
                        args[name],
                        question,
                    )
            result = call_tool(tool, args)
            assert result.ok, (task_id, result.error)
            outputs[index] = result.output or {}
        assert answers_match(json.loads(answer), outputs[answer_step][field], answer_type, tolerance), task_id


def test_named_queries_run(materialized: Materialized) -> None:
    for query in queries.all_queries():  # with their parameters' defaults
        with warehouse.connect(materialized.db, read_only=True) as conn:
            frame = query.run(conn)
        assert tuple(frame.columns) == query.columns, query.name
        if query.name == "split_leakage":
            assert frame.is_empty()
        else:
            assert not frame.is_empty(), query.name


def test_catalog_tables(materialized: Materialized) -> None:
    per_domain = dict(materialized.query("SELECT domain, count(*) FROM tools GROUP BY domain"))
    for domain in ("geo", "finance", "medchem", "science", "language"):
        assert per_domain.get(domain, 0) >= 10, per_domain
    assert materialized.query("SELECT count(*) FROM tools WHERE NOT example_ok")[0][0] == 0
    assert materialized.query("SELECT count(*) FROM tool_edges")[0][0] > 0
    seeds = dict(materialized.query("SELECT domain, count(*) FROM seeds GROUP BY domain"))
    assert all(seeds.get(d, 0) > 0 for d in per_domain if d != "general")


def test_diversity_metrics_are_stored_per_partition(materialized: Materialized) -> None:
    for domain, diversity in PARTITIONS:
        metrics = dict(
            materialized.query(
                "SELECT metric, value FROM diversity_metrics WHERE domain = ? AND diversity = ?", [domain, diversity]
            )
        )
        (split_tasks,) = materialized.query(
            "SELECT count(*) FROM splits WHERE domain = ? AND diversity = ?", [domain, diversity]
        )[0]
        assert metrics["tasks"] == split_tasks
        assert 0 < metrics["unique_call_graphs"] <= metrics["tasks"]
        assert 0 < metrics["tools_covered"] <= metrics["tools_in_pool"]
        assert metrics["rp_topology_classes"] >= 1


def test_diversity_summary_compares_the_settings_per_domain(materialized: Materialized) -> None:
    result = dg.materialize(
        [diversity_summary], resources=default_resources(materialized.settings), instance=materialized.instance
    )
    assert result.success
    rows = materialized.query("SELECT DISTINCT domain, diversity FROM diversity_comparison ORDER BY ALL")
    stored = materialized.query("SELECT DISTINCT domain, diversity FROM diversity_metrics ORDER BY ALL")
    assert rows == stored == sorted(PARTITIONS)
    # geo has two settings: the comparison names the wider one as having more unique toolsets
    (highest,) = materialized.query(
        "SELECT DISTINCT highest FROM diversity_comparison WHERE domain = 'geo' AND metric = 'unique_toolsets'"
    )[0]
    assert highest == "full-varied"
    (value,) = materialized.query(
        "SELECT value FROM diversity_comparison WHERE domain = 'geo' AND metric = 'tasks' AND diversity = 'slice-fixed'"
    )[0]
    (tasks,) = materialized.query("SELECT count(*) FROM splits WHERE domain = 'geo' AND diversity = 'slice-fixed'")[0]
    assert value == tasks
    meta = result.asset_materializations_for_node("diversity_summary")[0].metadata
    assert meta["plot"].value.startswith("![") and "base64," in meta["plot"].value
    assert Path(meta["plot_file"].value).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    again = dg.materialize(
        [diversity_summary], resources=default_resources(materialized.settings), instance=materialized.instance
    )
    assert again.success
    assert materialized.query("SELECT count(*) FROM diversity_comparison")[0][0] == meta["dagster/row_count"].value


def test_study_asset_writes_points_and_rejects_bad_config(materialized: Materialized) -> None:
    config = {"ops": {"diversity_study": {"config": {"domains": ["language"], "budget": 3}}}}
    result = dg.materialize(
        [diversity_study],
        resources=default_resources(materialized.settings),
        instance=materialized.instance,
        run_config=config,
    )
    assert result.success
    points = materialized.query("SELECT DISTINCT point, scaling, budget FROM study_points ORDER BY budget, point")
    assert ("slice-fixed-x4", "quantity", 12) in points
    assert {p for p, s, _ in points if s == "diversity"} == {"slice-varied", "full-fixed", "full-varied"}
    assert {p for p, s, _ in points if s == "quantity"} == {"slice-fixed", "slice-fixed-x2", "slice-fixed-x4"}
    meta = result.asset_materializations_for_node("diversity_study")[0].metadata
    assert Path(meta["plot_file"].value).stat().st_size > 1000
    with pytest.raises(dg.DagsterInvalidConfigError, match="not in enum type Domain got astrology"):
        dg.materialize(
            [diversity_study],
            resources=default_resources(materialized.settings),
            instance=materialized.instance,
            run_config={"ops": {"diversity_study": {"config": {"domains": ["astrology"], "budget": 3}}}},
        )
    assert materialized.query("SELECT count(DISTINCT point) FROM study_points")[0][0] == 6
