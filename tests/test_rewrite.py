"""The model's rewrite of realized questions: real HTTP to the local OpenAI-compatible server, through Dagster into
DuckDB; a rewrite that drops a stated value, gives the answer away or is not JSON leaves the realized question."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import dagster as dg
import pytest
from llm_server import ScriptedLLMServer, running_server

from dive_assets.definitions import synthesis_assets
from dive_assets.defs.catalog import tool_catalog
from dive_assets.partitions import partition_key
from dive_assets.resources import default_resources
from dive_assets.synthesis import warehouse
from dive_assets.synthesis.config import RunSettings
from dive_assets.synthesis.rewrite import REWRITE_SYSTEM

DOMAIN, DIVERSITY = "medchem", "full-varied"
MODEL = "openai/test-model"


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedLLMServer]:
    with running_server() as srv:
        yield srv


def _question(body: dict[str, Any]) -> str | None:
    """The realized question of a rewrite request, None for any other request (evidence, derivation)."""
    messages = body.get("messages", [])
    if not messages or messages[0].get("content") != REWRITE_SYSTEM:
        return None
    match = re.search(r"^Question: (.*)$", messages[1]["content"], re.MULTILINE)
    assert match is not None, "the rewrite prompt carries the realized question"
    return match.group(1)


def _rewriter(rewrite: Callable[[str], str]) -> Callable[[dict[str, Any]], tuple[str, list[Any]] | None]:
    def respond(body: dict[str, Any]) -> tuple[str, list[Any]] | None:
        question = _question(body)
        return None if question is None else (rewrite(question), [])

    return respond


def _run(tmp_path: Path, server: ScriptedLLMServer, name: str) -> tuple[Path, RunSettings]:
    db = tmp_path / f"{name}.duckdb"
    settings = RunSettings(
        duckdb_path=str(db), tasks_per_partition=6, llm_model=MODEL, llm_api_base=server.api_base, llm_rewrite=True
    )
    return db, settings


def _materialize(settings: RunSettings, home: Path) -> None:
    home.mkdir(exist_ok=True)
    with dg.instance_for_test(temp_dir=str(home)) as instance:
        assert dg.materialize([tool_catalog], resources=default_resources(settings), instance=instance).success
        result = dg.materialize(
            synthesis_assets(),
            partition_key=partition_key(DOMAIN, DIVERSITY),
            resources=default_resources(settings),
            instance=instance,
        )
        assert result.success


def test_accepted_rewrites_replace_the_question_verify_and_are_cached(
    server: ScriptedLLMServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-dummy-rewrite")
    server.reset()
    server.responder = _rewriter(lambda q: json.dumps({"question": f"Quick question for my lab notes: {q}"}))
    db, settings = _run(tmp_path, server, "rewrite")
    _materialize(settings, tmp_path / "home")
    with warehouse.connect(db, read_only=True) as conn:
        rewritten = conn.execute(
            "SELECT task_id, question, derived_by FROM tasks WHERE derived_by LIKE '%+rewrite:litellm:%'"
        ).fetchall()
        kept = conn.execute("SELECT count(*) FROM tasks WHERE derived_by NOT LIKE '%+rewrite:%'").fetchone()[0]
        in_splits = conn.execute(
            "SELECT count(*) FROM splits JOIN tasks USING (task_id) WHERE tasks.derived_by LIKE '%+rewrite:%'"
        ).fetchone()[0]
        calls = conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE t.trace_id IS NULL) FROM llm_calls c "
            "LEFT JOIN traces t USING (trace_id) WHERE c.purpose LIKE 'rewrite:%'"
        ).fetchone()
    assert rewritten, "accepted rewrites replace the realized questions"
    assert kept == 0, "every rewrite of this responder keeps the values, so every task is rewritten"
    assert all(q.startswith("Quick question for my lab notes: ") for _, q, _ in rewritten)
    assert {d.split("+", 1)[1] for _, _, d in rewritten} == {f"rewrite:litellm:{MODEL}"}
    assert in_splits > 0, "rewritten tasks pass verification (entailment reads the new question)"
    assert calls[0] >= len(rewritten) and calls[1] == 0, "every rewrite call is accounted to a stored trace"

    requests_before = server.request_count
    _materialize(settings, tmp_path / "home")
    assert server.request_count == requests_before, "a re-materialization answers every call from the cache"
    with warehouse.connect(db, read_only=True) as conn:
        again = conn.execute(
            "SELECT task_id, question, derived_by FROM tasks WHERE derived_by LIKE '%+rewrite:litellm:%'"
        ).fetchall()
    assert sorted(again) == sorted(rewritten)


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (lambda q: json.dumps({"question": "Which compound is meant here, and what is the value?"}), "drops the"),
        (lambda q: "Sure! Here is a nicer question: " + q, "not valid JSON"),
        (lambda q: json.dumps({"question": re.sub(r"Round to[^.?]*\.", "", q).strip() or q}), None),
    ],
    ids=["drops-values", "not-json", "drops-rounding"],
)
def test_a_refused_rewrite_keeps_the_realized_question_with_a_reason(
    server: ScriptedLLMServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reply: Callable[[str], str],
    reason: str | None,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-dummy-rewrite")
    server.reset()
    asked: dict[str, str] = {}

    def rewrite(question: str) -> str:
        text = reply(question)
        asked[question] = text
        return text

    server.responder = _rewriter(rewrite)
    db, settings = _run(tmp_path, server, "refused")
    _materialize(settings, tmp_path / "home")
    with warehouse.connect(db, read_only=True) as conn:
        tasks = conn.execute("SELECT question, derived_by FROM tasks").fetchall()
        refusals = [r[0] for r in conn.execute("SELECT reason FROM task_failures WHERE stage = 'rewrite'").fetchall()]
        splits = conn.execute("SELECT count(*) FROM splits").fetchone()[0]
    assert asked, "the model was asked to rewrite"
    changed = {q for q, text in asked.items() if text != json.dumps({"question": q})}
    if reason is None:  # removing the rounding changes only questions that state one
        rounded = {q for q in changed if "Round to" in q}
        assert rounded, "some realized question states a rounding"
        assert all(q in {t for t, _ in tasks} for q in rounded), "a rewrite without the rounding is refused"
        assert any("drops the answer's form" in r for r in refusals)
    else:
        assert all("+rewrite:" not in d for _, d in tasks), "no refused rewrite replaces a question"
        assert set(asked) <= {q for q, _ in tasks}, "the realized questions stay"
        assert refusals and all(reason in r for r in refusals), refusals
    assert splits > 0, "the realized questions still verify"
