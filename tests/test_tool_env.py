"""The tool environment over exported tasks: rolled out against the local OpenAI-compatible server over real HTTP,
with real tool calls, and scored by the one reward."""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from llm_server import ScriptedLLMServer, running_server

from dive_assets.environments.tool_env import ToolCallError, ToolEnvironment, catalog_tool, load_environment, reward
from dive_assets.synthesis import exports, warehouse
from dive_assets.synthesis.config import RunSettings
from dive_assets.synthesis.exports import exported_tool
from dive_assets.synthesis.reward import ANSWER_INSTRUCTION
from tests.synthesized import fill_warehouse
from tool_catalog import all_tools, call_tool, get_tool

PARTITIONS = [("geo", "full-varied"), ("finance", "full-varied")]
MODEL = "openai/env-model"


class Exported:
    def __init__(self, root: Path, server: ScriptedLLMServer) -> None:
        self.db, self.out, self.server = root / "x.duckdb", root / "out", server
        sft = [json.loads(line) for f in (self.out / "sft").glob("*.jsonl") for line in f.read_text().splitlines()]
        self.transcripts = {e["metadata"]["task_id"]: e["messages"] for e in sft}
        rl = [json.loads(line) for f in (self.out / "rl").glob("*.jsonl") for line in f.read_text().splitlines()]
        self.by_prompt = {r["prompt"][1]["content"]: r for r in rl}

    def gold_turns(self, body: dict[str, Any]) -> tuple[dict[str, Any], list[list[tuple[str, str]]]]:
        """The task a request is about (by its user message) and the tool-call turns of its SFT transcript."""
        row = self.by_prompt[next(m["content"] for m in body["messages"] if m["role"] == "user")]
        turns = [
            [(c["function"]["name"], c["function"]["arguments"]) for c in m["tool_calls"]]
            for m in self.transcripts[row["task_id"]]
            if m["role"] == "assistant" and m.get("tool_calls")
        ]
        return row, turns

    def scripted(self, final: str | None) -> None:
        """A model that makes the gold calls turn by turn, then states ``final`` (None: the gold answer)."""

        def respond(body: dict[str, Any]) -> tuple[str | None, list[tuple[str, Any]]]:
            row, turns = self.gold_turns(body)
            turn = sum(1 for m in body["messages"] if m["role"] == "assistant")
            if turn < len(turns):
                return None, list(turns[turn])
            return f"The final answer is: {row['answer_text'] if final is None else final}.", []

        self.server.reset()
        self.server.responder = respond


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    root = tmp_path_factory.mktemp("tool_env")
    run = RunSettings(duckdb_path=str(root / "x.duckdb"), tasks_per_partition=8)
    with warehouse.connect(root / "x.duckdb") as conn:
        fill_warehouse(conn, PARTITIONS, run)
        exports.export_dataset(conn, root / "out", "test", {"seed": run.seed})
    with pytest.MonkeyPatch.context() as env, running_server() as server:
        env.setenv("OPENAI_API_KEY", "sk-dummy-env-key")
        yield Exported(root, server)


def test_the_dataset_is_the_splits_tasks_with_their_toolsets(exported: Exported) -> None:
    train = load_environment(split="train", path=exported.out)
    test = load_environment(split="test", path=exported.out)
    assert {t.split for t in train.dataset} <= {"train_sft", "train_rl"} and train.dataset
    assert {t.split for t in test.dataset} <= {"test_id", "test_ood_toolset", "test_ood_tool"}
    assert len(train.dataset) + len(test.dataset) == len(exported.transcripts)
    geo = load_environment(split="train", domain="geo", path=exported.out)
    assert {t.domain for t in geo.dataset} == {"geo"} and len(geo.dataset) < len(train.dataset)
    for task in train.dataset:
        row = task.row()
        assert [m["role"] for m in row["prompt"]] == ["system", "user"]
        assert row["prompt"][1]["content"].endswith(ANSWER_INSTRUCTION)
        assert row["answer"] == task.answer and row["info"]["task_id"] == task.task_id
        assert [t["function"]["name"] for t in task.tools] == task.toolset
        assert reward(f"The final answer is: {task.answer}.", row["info"]) == pytest.approx(1.1)
        assert reward("The final answer is: something else entirely.", row["info"]) == pytest.approx(0.1)
    assert set(train.tools) == {name for t in train.dataset for name in t.toolset}
    # the warehouse gives the same tasks (it keeps repeats across partitions, which the exports drop)
    from_db = {t.task_id: t for t in load_environment(split="train", path=exported.db).dataset}
    assert all(from_db[t.task_id] == t for t in train.dataset)
    with pytest.raises(ValueError, match="no split 'validation'"):
        load_environment(split="validation", path=exported.out)


def test_tools_are_callables_with_the_schemas_signature() -> None:
    for spec in all_tools():
        schema = exported_tool(spec.name)["function"]["parameters"]
        tool = catalog_tool(spec.name)
        params = inspect.signature(tool).parameters
        assert tool.__name__ == spec.name and list(params) == list(schema.get("properties", {})), spec.name
        assert {p for p, v in params.items() if v.default is inspect.Parameter.empty} == set(schema.get("required", []))
    for name in ("airport_info", "convert_currency"):
        example = get_tool(name).examples[0]
        assert json.loads(catalog_tool(name)(**example)) == json.loads(json.dumps(call_tool(name, example).output))
        assert "Args:" in (catalog_tool(name).__doc__ or "")
    with pytest.raises(ToolCallError, match="invalid_arguments"):
        catalog_tool("airport_info")(icao="EGLL")


def test_a_model_calling_the_right_tools_and_answering_right_earns_1_1(exported: Exported) -> None:
    env = load_environment(split="train", path=exported.out)
    exported.scripted(final=None)
    rollouts = env.evaluate(MODEL, api_base=exported.server.api_base)
    assert [r.task_id for r in rollouts] == [t.task_id for t in env.dataset]
    for rollout in rollouts:
        assert (rollout.reward, rollout.correct, rollout.tool_errors, rollout.error) == (
            pytest.approx(1.1),
            1.0,
            0,
            None,
        )
        gold = exported.transcripts[rollout.task_id]
        # every call really ran: the tool messages are the ones of the task's SFT transcript
        got = [json.loads(m["content"]) for m in rollout.messages if m["role"] == "tool"]
        assert got == [json.loads(m["content"]) for m in gold if m["role"] == "tool"]
        assert rollout.tool_calls == len(got) > 0
    # each request offered exactly its task's toolset
    for body in exported.server.requests:
        row, _ = exported.gold_turns(body)
        assert [t["function"]["name"] for t in body["tools"]] == [
            t["function"]["name"] for t in json.loads(row["tools"])
        ]
    assert exported.server.request_count == sum(r.turns for r in rollouts)


def test_a_model_answering_wrong_earns_the_format_reward_only(exported: Exported) -> None:
    env = load_environment(split="test", path=exported.out)
    exported.scripted(final="something else entirely")
    rollouts = env.evaluate(MODEL, api_base=exported.server.api_base, rollouts_per_example=2)
    assert len(rollouts) == 2 * len(env.dataset)
    for rollout in rollouts:
        assert (rollout.reward, rollout.format, rollout.correct) == (pytest.approx(0.1), 1.0, 0.0)
        assert rollout.answer == "something else entirely" and rollout.tool_calls > 0 and rollout.error is None
    assert {b.get("seed") for b in exported.server.requests} == {1, 2}


def test_calls_outside_the_toolset_and_bad_arguments_come_back_as_errors(exported: Exported) -> None:
    env = load_environment(split="train", path=exported.out, max_turns=2)
    task = env.dataset[0]
    outside = next(name for name in sorted(env.tools) if name not in task.toolset)

    def respond(body: dict[str, Any]) -> tuple[str | None, list[tuple[str, Any]]]:
        if sum(1 for m in body["messages"] if m["role"] == "assistant") == 0:
            return None, [(outside, {}), (task.toolset[0], "{not json"), (task.toolset[0], {"no_such_arg": 1})]
        return "I could not find it.", []

    exported.server.reset()
    exported.server.responder = respond
    rollout = env.evaluate(MODEL, api_base=exported.server.api_base, num_examples=1)[0]
    errors = [json.loads(m["content"])["error"] for m in rollout.messages if m["role"] == "tool"]
    assert "is not available" in errors[0] and "not valid JSON" in errors[1] and "invalid_arguments" in errors[2]
    assert (rollout.tool_calls, rollout.tool_errors, rollout.reward) == (3, 3, 0.0)
    assert rollout.error == "the final reply states no answer ('The final answer is: ...' missing)"

    exported.server.reset()
    exported.server.responder = lambda body: (None, [(task.toolset[0], {})])
    endless = env.evaluate(MODEL, api_base=exported.server.api_base, num_examples=1)[0]
    assert (endless.turns, endless.reward, endless.error) == (3, 0.0, "no final answer within 2 tool-calling turns")


def test_an_episode_steps_without_a_server(exported: Exported) -> None:
    env = ToolEnvironment(load_environment(split="train", path=exported.out).dataset[:1])
    episode = env.reset(0)
    assert episode.messages[-1]["role"] == "user" and episode.tools == env.dataset[0].tools
    assert episode.step({"role": "assistant", "content": f"The final answer is: {env.dataset[0].answer}"}) == []
    assert episode.done and episode.reward == pytest.approx(1.1)
    with pytest.raises(RuntimeError, match="is over"):
        episode.step({"role": "assistant", "content": "again"})
