"""The litellm path through Dagster: real HTTP to a local OpenAI-compatible server, cache in DuckDB."""

from __future__ import annotations

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
from dive_assets.synthesis.config import RunSettings

DUMMY_KEY = "sk-dummy-pipeline-key-42"
DOMAIN, DIVERSITY = "geo", "full-varied"


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedLLMServer]:
    with running_server() as srv:
        yield srv


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
                "SELECT count(*), sum(prompt_tokens), count(*) FILTER (WHERE cost_usd IS NOT NULL) FROM llm_calls"
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
        assert calls[2] == 0  # an unmapped model has no provider price: cost stays NULL, never estimated
        with warehouse.connect(db, read_only=True) as conn:
            per_trace = conn.execute(
                "SELECT count(DISTINCT c.trace_id), count(*) FILTER (WHERE t.trace_id IS NULL) "
                "FROM llm_calls c LEFT JOIN traces t USING (trace_id)"
            ).fetchone()
        assert per_trace[0] > 0 and per_trace[1] == 0, per_trace  # every call is accounted to a real trace
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
