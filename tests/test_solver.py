"""The optional solver check: a model re-solves split tasks with their toolsets over real HTTP; pass rates stored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dagster as dg
import polars as pl
import pyarrow.parquet as pq
import pytest
from llm_server import ScriptedLLMServer, running_server

from dive_assets.definitions import synthesis_assets
from dive_assets.defs.catalog import tool_catalog
from dive_assets.defs.exports import dataset_exports
from dive_assets.defs.splits import verified_splits
from dive_assets.partitions import partition_key
from dive_assets.resources import default_resources
from dive_assets.synthesis import warehouse
from dive_assets.synthesis.config import DEFAULT_SOLVER_ATTEMPTS, ConfigError, RunSettings
from dive_assets.synthesis.reward import ANSWER_INSTRUCTION
from tool_catalog import get_tool

DOMAIN, DIVERSITY = "finance", "full-varied"
KEY = partition_key(DOMAIN, DIVERSITY)


class Solved:
    def __init__(self, db: Path, instance: dg.DagsterInstance, server: ScriptedLLMServer) -> None:
        self.db, self.instance, self.server = db, instance, server
        self.gold: dict[str, str] = {}
        self.seen_tools: list[tuple[str, bool]] = []

    def settings(self, attempts: int) -> RunSettings:
        return RunSettings(
            duckdb_path=str(self.db),
            tasks_per_partition=6,
            solver_attempts=attempts,
            solver_model="openai/solver-model" if attempts else None,
            llm_api_base=self.server.api_base,
            llm_concurrency=1,
        )

    def solve(self, attempts: int) -> dg.ExecuteInProcessResult:
        return dg.materialize(
            [verified_splits],
            partition_key=KEY,
            resources=default_resources(self.settings(attempts)),
            instance=self.instance,
            raise_on_error=False,
        )

    def query(self, sql: str) -> list[tuple]:
        with warehouse.connect(self.db, read_only=True) as conn:
            return conn.execute(sql).fetchall()

    def respond(self, body: dict[str, Any]) -> tuple[str | None, list[tuple[str, Any]]]:
        """A scripted solver: first a real call of one offered tool (plus one call of a tool it was not
        offered), then a final answer: right on every attempt for 'even' tasks, right only on attempt 2
        for 'odd' ones (frontier), and no stated answer at all for the question ending the gold list."""
        messages = body["messages"]
        question = next(m["content"] for m in messages if m["role"] == "user")
        offered = [t["function"]["name"] for t in body["tools"]]
        if not any(m["role"] == "tool" for m in messages):
            name = offered[0]
            return None, [(name, get_tool(name).examples[0]), ("not_a_tool", {"x": 1})]
        for m in messages:
            if m["role"] == "tool":
                self.seen_tools.append((question, "error" not in json.loads(m["content"])))
        gold = self.gold[question]
        order = sorted(self.gold)
        if question == order[-1]:
            return "I could not find it.", []
        right = order.index(question) % 2 == 0 or body.get("seed") == 2
        return f"The final answer is: {gold if right else 'something else entirely'}.", []


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Solved]:
    root = tmp_path_factory.mktemp("solver")
    (root / "home").mkdir()
    with (
        pytest.MonkeyPatch.context() as env,
        running_server() as server,
        dg.instance_for_test(temp_dir=str(root / "home")) as instance,
    ):
        env.setenv("OPENAI_API_KEY", "sk-dummy-solver-key")
        state = Solved(root / "dive.duckdb", instance, server)
        resources = default_resources(state.settings(0))
        assert dg.materialize([tool_catalog], resources=resources, instance=instance).success
        assert dg.materialize(synthesis_assets(), partition_key=KEY, resources=resources, instance=instance)
        state.gold = dict(
            state.query("SELECT question, answer_text FROM tasks JOIN splits USING (task_id) ORDER BY task_id")
        )
        assert len(state.gold) >= 3
        server.reset()
        server.responder = state.respond
        yield state


def test_every_split_task_is_re_solved_with_its_toolset(solved: Solved) -> None:
    result = solved.solve(attempts=2)
    assert result.success
    rows = solved.query(
        "SELECT a.task_id, a.attempt, a.tool_calls, a.tool_errors, a.turns, a.model FROM solver_attempts a "
        "JOIN splits USING (task_id) ORDER BY ALL"
    )
    assert len(rows) == 2 * len(solved.gold)
    assert {(r[2], r[3], r[4], r[5]) for r in rows} == {(2, 1, 2, "openai/solver-model")}
    # the offered tool really ran (its example output came back), the unoffered one was refused
    assert {ok for _, ok in solved.seen_tools} == {True, False}
    assert solved.query("SELECT count(*) FROM llm_calls WHERE stage = 'solver' AND trace_id IS NOT NULL")[0][0] > 0


def test_pass_rates_follow_the_answers(solved: Solved) -> None:
    rates = dict(
        solved.query(
            "SELECT t.question, (p.pass_rate, p.completed, p.frontier) "
            "FROM task_pass_rates p JOIN tasks t USING (task_id)"
        )
    )
    order = sorted(solved.gold)
    for i, question in enumerate(order):
        rate, completed, frontier = rates[question]
        assert completed == 2
        if question == order[-1]:
            assert (rate, frontier) == (0.0, False)
        elif i % 2 == 0:
            assert (rate, frontier) == (1.0, False), question
        else:
            assert (rate, frontier) == (0.5, True), question
    reasons = solved.query("SELECT DISTINCT error FROM solver_attempts WHERE answer IS NULL")
    assert reasons == [("the final reply states no answer ('The final answer is: ...' missing)",)]


def test_cached_rerun_sends_nothing_and_changes_nothing(solved: Solved) -> None:
    before = solved.query("SELECT * FROM task_pass_rates ORDER BY task_id")
    sent = solved.server.request_count
    assert solved.solve(attempts=2).success
    assert solved.server.request_count == sent
    assert solved.query("SELECT * FROM task_pass_rates ORDER BY task_id") == before


def expected_rate(solved: Solved, question: str) -> float:
    """The pass rate the scripted solver earns on a question over attempts 1 and 2 (see :meth:`Solved.respond`)."""
    order = sorted(solved.gold)
    if question == order[-1]:
        return 0.0
    return 1.0 if order.index(question) % 2 == 0 else 0.5


def test_exports_carry_the_pass_rate(solved: Solved, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIVE_EXPORT_DIR", str(tmp_path / "out"))
    result = dg.materialize(
        [dataset_exports], resources=default_resources(solved.settings(2)), instance=solved.instance
    )
    assert result.success
    out = tmp_path / "out"
    rl = [json.loads(line) for f in (out / "rl").glob("*.jsonl") for line in f.read_text().split("\n") if line]
    questions = {row["task_id"]: row["prompt"][1]["content"].removesuffix(f"\n\n{ANSWER_INSTRUCTION}") for row in rl}
    assert len(rl) >= 3 and set(questions.values()) <= set(solved.gold)
    rates = {row["task_id"]: row["solver_pass_rate"] for row in rl}
    assert rates == {task_id: expected_rate(solved, q) for task_id, q in questions.items()}
    assert {0.0, 0.5, 1.0} <= set(rates.values())  # right, frontier and wrong tasks all exported
    parquet = pl.concat([pl.read_parquet(f) for f in (out / "parquet").glob("*.parquet")])
    assert dict(parquet.select("task_id", "solver_pass_rate").iter_rows()) == rates
    verl = [row["extra_info"] for f in (out / "verl").glob("*.parquet") for row in pq.read_table(f).to_pylist()]
    assert {info["task_id"]: info["solver_pass_rate"] for info in verl} == rates
    card = (out / "README.md").read_text()
    assert "`openai/solver-model`, 2 attempts per task (sampled at temperature 1, a seed each" in card
    assert "frontier tasks" in card and "`reward.score_row`" in card


def test_an_llm_failure_is_recorded_and_left_out_of_the_rate(solved: Solved) -> None:
    solved.server.failures = ["400"]
    result = solved.solve(attempts=3)  # a third attempt: new requests, the first of which fails for good
    assert result.success
    failed = solved.query("SELECT task_id, error FROM solver_attempts WHERE llm_failed")
    assert len(failed) == 1 and "LLMCallError" in failed[0][1] and "400" in failed[0][1]
    (completed,) = solved.query(f"SELECT completed FROM task_pass_rates WHERE task_id = '{failed[0][0]}'")[0]
    assert completed == 2


def test_turning_the_check_off_clears_its_rows(solved: Solved) -> None:
    assert solved.solve(attempts=0).success
    assert solved.query("SELECT count(*) FROM solver_attempts UNION ALL SELECT count(*) FROM task_pass_rates") == [
        (0,),
        (0,),
    ]


def test_the_check_needs_a_model() -> None:
    with pytest.raises(ConfigError, match="DIVE_SOLVER_MODEL"):
        RunSettings.from_env({"DIVE_SOLVER_ATTEMPTS": "2"})
    assert RunSettings.from_env({"DIVE_SOLVER_ATTEMPTS": "2", "DIVE_LLM_MODEL": "openai/x"}).solver_attempts == 2
    # a solver model alone turns the check on with the default attempts; 0 turns it off; an LLM model alone does not
    assert RunSettings.from_env({"DIVE_SOLVER_MODEL": "openai/x"}).solver_attempts == DEFAULT_SOLVER_ATTEMPTS
    assert RunSettings.from_env({"DIVE_SOLVER_MODEL": "openai/x", "DIVE_SOLVER_ATTEMPTS": "0"}).solver_attempts == 0
    assert RunSettings.from_env({"DIVE_LLM_MODEL": "openai/x"}).solver_attempts == 0
