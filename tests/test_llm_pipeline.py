"""The litellm path through Dagster: real HTTP to a local OpenAI-compatible server, cache in DuckDB."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest
from llm_server import ScriptedLLMServer, running_server

from dive_assets.definitions import synthesis_assets
from dive_assets.defs.catalog import tool_catalog
from dive_assets.partitions import partition_key
from dive_assets.resources import default_resources
from dive_assets.synthesis import warehouse
from dive_assets.synthesis.config import ConfigError, RunSettings

DUMMY_KEY = "sk-dummy-pipeline-key-42"
DOMAIN, DIVERSITY = "geo", "full-varied"


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedLLMServer]:
    with running_server() as srv:
        yield srv


@pytest.fixture(scope="module")
def catalog_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB file with the tool catalog materialized once; each test works on a copy."""
    root = tmp_path_factory.mktemp("catalog")
    db = root / "catalog.duckdb"
    (root / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(root / "home")) as instance:
        settings = RunSettings(duckdb_path=str(db))
        assert dg.materialize([tool_catalog], resources=default_resources(settings), instance=instance).success
    return db


def _copy_of(catalog_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "run.duckdb"
    shutil.copyfile(catalog_db, db)
    return db


def _materialize(settings: RunSettings, instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        synthesis_assets(),
        partition_key=partition_key(DOMAIN, DIVERSITY),
        resources=default_resources(settings),
        instance=instance,
    )


def test_llm_partition_is_cached_accounted_and_verified(
    server: ScriptedLLMServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", DUMMY_KEY)
    db = tmp_path / "llm.duckdb"
    settings = RunSettings(
        duckdb_path=str(db),
        tasks_per_partition=4,
        llm_model="openai/test-model",
        llm_api_base=server.api_base,
        max_steps=3,
    )
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        assert dg.materialize([tool_catalog], resources=default_resources(settings), instance=instance).success
        server.reset()
        first = _materialize(settings, instance)
        assert first.success
        assert server.request_count > 0
        with warehouse.connect(db, read_only=True) as conn:
            policies = {r[0] for r in conn.execute("SELECT DISTINCT policy FROM traces").fetchall()}
            derived_by = {r[0] for r in conn.execute("SELECT DISTINCT derived_by FROM tasks").fetchall()}
            verified = conn.execute("SELECT count(*) FROM splits").fetchone()[0]
            rounds = conn.execute("SELECT max(round) FROM trace_steps").fetchone()[0]
            task_rounds = conn.execute("SELECT max(round) FROM tasks").fetchone()[0]
            calls = conn.execute(
                "SELECT count(*), sum(prompt_tokens), count(*) FILTER (WHERE cost_usd IS NOT NULL AND NOT cached) "
                "FROM llm_calls"
            ).fetchone()
            cached = conn.execute("SELECT count(*) FROM llm_cache").fetchone()[0]
            text = " ".join(
                str(r) for r in conn.execute("SELECT * FROM llm_calls UNION ALL SELECT * FROM llm_calls").fetchall()
            )
            cache_text = " ".join(str(r) for r in conn.execute("SELECT * FROM llm_cache").fetchall())
        assert policies == {"litellm:openai/test-model"}
        assert derived_by == {"litellm:openai/test-model"}
        assert verified > 0
        assert rounds > 1 and task_rounds > 1, "the LLM path runs DIVE's loop for several rounds"
        assert calls[0] > 0 and calls[1] > 0
        assert calls[2] == 0  # an unmapped model has no provider price: a paid call's cost stays NULL, never estimated
        with warehouse.connect(db, read_only=True) as conn:
            per_trace = conn.execute(
                "SELECT count(DISTINCT c.trace_id), count(*) FILTER (WHERE t.trace_id IS NULL) "
                "FROM llm_calls c LEFT JOIN traces t USING (trace_id) WHERE c.purpose <> 'model_check'"
            ).fetchone()
            checks = conn.execute("SELECT stage, count(*) FROM llm_calls WHERE purpose = 'model_check' GROUP BY stage")
            assert checks.fetchall() == [("evidence", 1)]  # the model check: once, before the first trace
        assert per_trace[0] > 0 and per_trace[1] == 0, per_trace  # every other call is accounted to a real trace
        assert cached > 0
        assert DUMMY_KEY not in text and DUMMY_KEY not in cache_text

        requests_before = server.request_count
        second = _materialize(settings, instance)
        assert second.success
        assert server.request_count == requests_before, "re-materializing must be answered from the cache"
        with warehouse.connect(db, read_only=True) as conn:
            hits = conn.execute("SELECT bool_and(cached) FROM llm_calls").fetchone()[0]
            assert hits is True
            assert conn.execute("SELECT count(*) FROM splits").fetchone()[0] == verified

        changed = settings.model_copy(update={"llm_model": "openai/other-model"})
        assert _materialize(changed, instance).success
        assert server.request_count > requests_before, "a changed model must make new calls"

    # the planted key reached the provider, but no byte of it is in the database, the logs or run storage
    assert any(DUMMY_KEY in (h or "") for h in server.auth_headers)
    for path in sorted(tmp_path.rglob("*")):
        if path.is_file():
            assert DUMMY_KEY.encode() not in path.read_bytes(), f"API key leaked into {path}"


def test_malformed_llm_replies_are_recorded_as_failures(
    server: ScriptedLLMServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", DUMMY_KEY)
    db = tmp_path / "broken.duckdb"
    settings = RunSettings(
        duckdb_path=str(db),
        tasks_per_partition=3,
        llm_model="openai/broken-model",
        llm_api_base=server.api_base,
        max_steps=2,
        rounds=1,
    )
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        assert dg.materialize([tool_catalog], resources=default_resources(settings), instance=instance).success
        server.reset()
        server.derivation_replies = ["this is {not json"] * 100
        result = dg.materialize(
            synthesis_assets()[:3],  # toolsets, traces, tasks: no verified task is expected
            partition_key=partition_key(DOMAIN, DIVERSITY),
            resources=default_resources(settings),
            instance=instance,
        )
        server.reset()
    assert result.success
    with warehouse.connect(db, read_only=True) as conn:
        failures = conn.execute("SELECT stage, reason FROM task_failures").fetchall()
        tasks = conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
    assert tasks == 0
    assert failures and all(reason for _, reason in failures)
    derivation = [reason for stage, reason in failures if stage == "derivation"]
    assert derivation and all("not valid JSON" in reason for reason in derivation), failures


def test_first_run_pays_each_request_once_and_accounts_spend_per_stage(
    server: ScriptedLLMServer, catalog_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 24, fault 3: derived_tasks rebuilt the derivation prompts of the evidence loop with the output fields in
    the stored (sorted) order, so the cache missed and every such request was paid twice; cache hits repeated the
    original tokens and cost. A priced model (gpt-4o-mini, served by the local server) makes the spend measurable."""
    monkeypatch.setenv("OPENAI_API_KEY", DUMMY_KEY)
    db = _copy_of(catalog_db, tmp_path)
    settings = RunSettings(
        duckdb_path=str(db),
        tasks_per_partition=4,
        llm_model="openai/gpt-4o-mini",
        llm_api_base=server.api_base,
        max_steps=3,
    )
    (tmp_path / "home").mkdir()
    server.reset()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        result = dg.materialize(
            synthesis_assets()[:3],  # toolsets, traces, tasks
            partition_key=partition_key(DOMAIN, DIVERSITY),
            resources=default_resources(settings),
            instance=instance,
        )
    assert result.success
    derivations = [b for b in server.requests if b.get("response_format")]
    assert derivations, "the evidence loop derives a task per round"
    assert server.logical_duplicates() == [], "the same logical request was sent (and paid) twice"
    with warehouse.connect(db, read_only=True) as conn:
        report = warehouse.query_frame(conn, warehouse.named_query("llm_spend"))
        by_stage = dict(
            conn.execute(
                "SELECT stage, count(*) FILTER (WHERE NOT cached) FROM llm_calls GROUP BY stage ORDER BY stage"
            ).fetchall()
        )
        hits = conn.execute(
            "SELECT count(*), sum(prompt_tokens + completion_tokens), sum(cost_usd), count(cost_usd) "
            "FROM llm_calls WHERE cached"
        ).fetchone()
        paid_twice = conn.execute(
            "SELECT request_key, count(*) FROM llm_calls WHERE NOT cached AND error IS NULL "
            "GROUP BY request_key HAVING count(*) > 1"
        ).fetchall()
        spend = conn.execute("SELECT sum(cost_usd), count(*) FILTER (WHERE NOT cached) FROM llm_calls").fetchone()
    assert by_stage.get("derivation", 0) == 0, f"derived_tasks re-paid evidence-loop derivations: {by_stage}"
    assert by_stage["evidence"] == server.request_count, "every HTTP request has exactly one paid llm_calls row"
    assert hits[0] > 0, "derived_tasks reads the evidence loop's derivations from the cache"
    assert (hits[1], hits[2], hits[3]) == (0, 0.0, hits[0]), "a cache hit costs nothing and uses no tokens"
    assert paid_twice == []
    assert spend[0] > 0 and spend[1] == server.request_count

    rows = report.filter(report["domain"].is_not_null())
    assert set(zip(rows["stage"], rows["model"], strict=True)) == {("evidence", "openai/gpt-4o-mini")}
    assert rows["calls"].sum() == server.request_count
    assert rows["cost_usd"].sum() == pytest.approx(spend[0], abs=1e-8)
    total = report.filter(report["domain"].is_null())
    assert total.height == 1 and total["cost_usd"][0] == pytest.approx(spend[0], abs=1e-8)


@pytest.mark.parametrize(
    ("model", "served", "requests", "reason"),
    [
        ("test-model", None, 0, "no provider"),  # litellm knows no provider for it: found without any request
        ("openai/missing-model", {"test-model"}, 1, "NotFoundError"),  # the provider does not serve it
    ],
)
def test_an_unusable_model_fails_before_the_first_trace(
    server: ScriptedLLMServer,
    catalog_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    model: str,
    served: set[str] | None,
    requests: int,
    reason: str,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", DUMMY_KEY)
    db = _copy_of(catalog_db, tmp_path)
    settings = RunSettings(duckdb_path=str(db), tasks_per_partition=4, llm_model=model, llm_api_base=server.api_base)
    (tmp_path / "home").mkdir()
    server.reset()
    server.served_models = served
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        result = dg.materialize(
            synthesis_assets()[:2],  # toolsets, traces
            partition_key=partition_key(DOMAIN, DIVERSITY),
            resources=default_resources(settings),
            instance=instance,
            raise_on_error=False,
        )
    sent = server.request_count
    server.reset()
    assert not result.success
    failure = result.get_step_failure_events()[0].step_failure_data.error
    assert failure is not None
    errors = [failure, *([failure.cause] if failure.cause else [])]
    message = next((e.message for e in errors if e.cls_name == ConfigError.__name__), None)
    assert message is not None, [e.message for e in errors]
    first_line = message.strip()
    assert "\n" not in first_line and model in first_line and reason in first_line, first_line
    assert DUMMY_KEY not in first_line
    assert result.get_step_failure_events()[0].step_key == "execution_traces"
    assert sent == requests, "the check is one request at most, and no trace is collected"
    with warehouse.connect(db, read_only=True) as conn:
        traces = conn.execute("SELECT count(*) FROM traces").fetchone()[0]
    assert traces == 0, "no trace row is written for a model that cannot answer"
