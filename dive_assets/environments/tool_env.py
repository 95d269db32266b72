"""A tool-use RL environment over the exported tasks: reset gives a task's prompt and tools, a step runs the model's
tool calls, a reply without calls is the final answer and earns the reward.

    env = load_environment(split="train", domain="geo", path="data/exports")
    episode = env.reset(0)                  # episode.messages: system + user (question and answer instruction)
    episode.tools                           # the task's toolset as OpenAI declarations
    tool_messages = episode.step(reply)     # ``reply``: the assistant message (OpenAI chat shape)
    episode.reward                          # once done: reward.score_row(final reply, task).total
    rollouts = env.evaluate("openai/gpt-4o-mini")   # every task rolled out against a model through litellm

It follows the conventions of the ``verifiers`` library without depending on it: ``load_environment``, dataset rows
of ``prompt``, ``answer`` and ``info`` (:meth:`EnvTask.row`), tools as Python callables with signatures and
docstrings (:attr:`ToolEnvironment.tools`), and a rubric function (:func:`reward`). ``verifiers`` itself cannot be
installed beside this project: its releases require another ``mcp`` than the one pinned here.

Each task offers only its own toolset; a call of any other tool (or bad JSON arguments, or a tool's error) comes
back to the model as a tool message ``{"error": ...}``, counted in ``tool_errors``. Tools run through
:func:`tool_catalog.call_tool` (argument validation and time limits, as in the pipeline).
"""

from __future__ import annotations

import inspect
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dive_assets.synthesis.config import DEFAULT_DUCKDB_PATH
from dive_assets.synthesis.exports import TASKS_SQL, exported_tool, rl_example
from dive_assets.synthesis.llm_client import LLMClient, LLMConfig, LLMError, bounded_map
from dive_assets.synthesis.reward import RewardBreakdown, extract_answer, score_row
from dive_assets.synthesis.warehouse import connect, query_frame
from tool_catalog import call_tool, get_tool

SCORING_FIELDS = ("ground_truth", "answer_text", "answer_type", "tolerance", "tolerance_kind", "answer_unit", "ordered")
"""What :func:`reward` reads from a task's ``info`` (the ``rl/`` columns :func:`~reward.score_row` takes)."""
JSON_TYPES: dict[str, Any] = {"string": str, "integer": int, "number": float, "boolean": bool, "array": list}
JSON_TYPES["object"] = dict

Chat = Callable[[Sequence[Mapping[str, Any]], Sequence[Mapping[str, Any]]], Mapping[str, Any]]
"""A model: (messages, tool declarations) -> the assistant message, in the OpenAI chat shape."""


class ToolCallError(RuntimeError):
    """A tool call failed (invalid arguments, the tool's error, a time limit); the message says why in one line."""


@dataclass(frozen=True)
class EnvTask:
    """One task of the environment's dataset."""

    task_id: str
    split: str
    domain: str
    prompt: list[dict[str, Any]]
    """The system message and the user message (the question and the answer instruction)."""
    answer: str
    """The gold answer as a reply should state it."""
    info: dict[str, Any]
    """What scores a reply (:data:`SCORING_FIELDS`), ``toolset`` (the task's tool names) and ``solver_pass_rate``."""
    tools: list[dict[str, Any]]
    """The task's toolset as OpenAI tool declarations (standard JSON Schema)."""

    @property
    def toolset(self) -> list[str]:
        return list(self.info["toolset"])

    def row(self) -> dict[str, Any]:
        """The task as a verifiers-style dataset row: ``prompt``, ``answer``, ``info`` (with ``task_id``), ``task``."""
        info = {**self.info, "task_id": self.task_id, "split": self.split, "domain": self.domain}
        return {"prompt": self.prompt, "answer": self.answer, "info": info, "task": "dive"}


def reward(completion: str, info: Mapping[str, Any]) -> float:
    """The rubric: 0.1 × format + correct of the final reply (:func:`~dive_assets.synthesis.reward.score_row`)."""
    return score_row(completion, info).total


def task_from_rl_row(row: Mapping[str, Any]) -> EnvTask:
    """A task from one ``rl/<split>.jsonl`` row (:func:`~dive_assets.synthesis.exports.rl_example`)."""
    tools = json.loads(row["tools"]) if isinstance(row["tools"], str) else list(row["tools"])
    info = {name: row.get(name) for name in SCORING_FIELDS}
    info["toolset"] = [t["function"]["name"] for t in tools]
    info["solver_pass_rate"] = row.get("solver_pass_rate")
    return EnvTask(
        task_id=row["task_id"],
        split=row["split"],
        domain=row["domain"],
        prompt=[dict(m) for m in row["prompt"]],
        answer=row["answer_text"],
        info=info,
        tools=tools,
    )


def split_matches(name: str, split: str) -> bool:
    """``split`` names the split itself or a family of them: ``train`` is ``train_sft`` and ``train_rl``, ``test``
    every held-out split."""
    return name == split or name.startswith(f"{split}_")


def load_tasks(path: str | Path, split: str = "train", domain: str | None = None) -> list[EnvTask]:
    """The tasks of ``split`` (and ``domain``) from an exports folder (its ``rl/*.jsonl``) or a DuckDB warehouse
    (its split tasks, as the exports write them but without removing repeats across partitions)."""
    path = Path(path)
    if path.is_dir():
        files = sorted((path / "rl").glob("*.jsonl"))
        if not files:
            raise FileNotFoundError(f"{path} holds no rl/*.jsonl: export the dataset first (dive export)")
        rows = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line]
    elif path.is_file():
        rows = _warehouse_rows(path)
    else:
        raise FileNotFoundError(f"no exports folder or DuckDB file at {path}")
    splits = sorted({r["split"] for r in rows})
    if not any(split_matches(s, split) for s in splits):
        raise ValueError(f"no split {split!r} in {path}; splits there: {', '.join(splits) or 'none'}")
    chosen = [r for r in rows if split_matches(r["split"], split) and (domain is None or r["domain"] == domain)]
    return [task_from_rl_row(r) for r in sorted(chosen, key=lambda r: r["task_id"])]


def _warehouse_rows(db: Path) -> list[dict[str, Any]]:
    with connect(db, read_only=True) as conn:
        tasks = query_frame(conn, TASKS_SQL)
        toolsets = dict(conn.execute("SELECT DISTINCT toolset_id, tool_names FROM toolsets").fetchall())
    rows = []
    for task in tasks.iter_rows(named=True):
        declarations = [exported_tool(name) for name in sorted(toolsets.get(task["toolset_id"], []))]
        rows.append(rl_example(task, json.dumps(declarations, sort_keys=True, ensure_ascii=False)))
    return rows


def catalog_tool(name: str, timeout_s: float | None = None) -> Callable[..., str]:
    """A catalog tool as a Python callable: keyword arguments named and typed after its JSON Schema, a docstring
    with its description and one ``Args:`` line per parameter; it returns the output as JSON text and raises
    :class:`ToolCallError` when the call fails. The catalog validates the arguments (unknown ones included)."""
    spec = get_tool(name)
    schema = exported_tool(name)["function"]["parameters"]
    required = set(schema.get("required", []))
    parameters, docs = [], []
    for param, sub in schema.get("properties", {}).items():
        kind = sub.get("type")
        annotation = JSON_TYPES.get(kind, Any) if isinstance(kind, str) else Any
        default = inspect.Parameter.empty if param in required else sub.get("default")
        parameters.append(
            inspect.Parameter(param, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
        )
        docs.append(f"    {param}: {' '.join(str(sub.get('description', '')).split()) or param}")

    def tool(**arguments: Any) -> str:
        result = call_tool(name, arguments, timeout_s)
        if not result.ok:
            raise ToolCallError(f"{result.error_type}: {result.error}")
        return json.dumps(result.output, sort_keys=True, ensure_ascii=False, default=str)

    tool.__name__ = tool.__qualname__ = name
    tool.__doc__ = spec.description + ("\n\nArgs:\n" + "\n".join(docs) if docs else "")
    tool.__signature__ = inspect.Signature(parameters, return_annotation=str)  # type: ignore[attr-defined]
    return tool


@dataclass
class Episode:
    """One task being solved: the conversation so far and, once ``done``, the final reply's reward."""

    task: EnvTask
    tools: list[dict[str, Any]]
    messages: list[dict[str, Any]]
    runners: Mapping[str, Callable[..., str]]
    max_turns: int
    turns: int = 0
    tool_calls: int = 0
    tool_errors: int = 0
    done: bool = False
    final: str | None = None
    error: str | None = None
    score: RewardBreakdown = field(default_factory=lambda: RewardBreakdown(0.0, 0.0, 0.0))

    @property
    def reward(self) -> float:
        return self.score.total

    def step(self, message: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Take the model's assistant message: run its tool calls (the tool messages are returned and appended), or,
        with none, score its content as the final reply and end the episode. A tool-calling turn past ``max_turns``
        ends it unanswered (reward 0)."""
        if self.done:
            raise RuntimeError(f"the episode of task {self.task.task_id} is over")
        calls = list(message.get("tool_calls") or [])
        self.messages.append(
            {"role": "assistant", "content": message.get("content"), **({"tool_calls": calls} if calls else {})}
        )
        self.turns += 1
        if not calls:
            self.final = message.get("content") or ""
            self.score = score_row(self.final, self.task.info)
            self.done = True
            if extract_answer(self.final) is None:
                self.error = "the final reply states no answer ('The final answer is: ...' missing)"
            return []
        if self.turns > self.max_turns:
            self.done = True
            self.error = f"no final answer within {self.max_turns} tool-calling turns"
            return []
        out = []
        for call in calls:
            function = call.get("function") or {}
            content, ok = self.run(str(function.get("name")), function.get("arguments"))
            self.tool_calls += 1
            self.tool_errors += not ok
            out.append({"role": "tool", "tool_call_id": call.get("id"), "content": content})
        self.messages.extend(out)
        return out

    def run(self, name: str, raw: Any) -> tuple[str, bool]:
        """The tool message's content for one call (the output, or ``{"error": ...}``) and whether it succeeded."""
        arguments = raw
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            arguments = {}
        elif isinstance(raw, str):
            try:
                arguments = json.loads(raw)
            except json.JSONDecodeError as exc:
                return json.dumps({"error": f"arguments are not valid JSON: {exc.msg}"}), False
        if not isinstance(arguments, dict):
            return json.dumps({"error": "arguments must be a JSON object"}), False
        if name not in self.task.toolset:
            return json.dumps({"error": f"tool {name!r} is not available; use one of {self.task.toolset}"}), False
        try:
            return self.runners[name](**arguments), True
        except ToolCallError as exc:
            return json.dumps({"error": str(exc)}), False


@dataclass(frozen=True)
class Rollout:
    """One task solved once: the conversation, the reward and how it went."""

    task_id: str
    messages: list[dict[str, Any]]
    reward: float
    format: float
    correct: float
    answer: str | None
    turns: int
    tool_calls: int
    tool_errors: int
    error: str | None


class ToolEnvironment:
    """The tasks of one split (and domain), their tools and the reward."""

    def __init__(self, dataset: Sequence[EnvTask], max_turns: int = 8, timeout_s: float | None = 10.0) -> None:
        self.dataset = list(dataset)
        self.max_turns = max_turns
        names = sorted({name for task in self.dataset for name in task.toolset})
        self.tools: dict[str, Callable[..., str]] = {name: catalog_tool(name, timeout_s) for name in names}
        """Every tool of the dataset's toolsets as a callable (an episode runs only its task's toolset)."""
        self.rubric = reward

    def rows(self) -> list[dict[str, Any]]:
        """The dataset as verifiers-style rows (:meth:`EnvTask.row`)."""
        return [task.row() for task in self.dataset]

    def task(self, key: int | str) -> EnvTask:
        if isinstance(key, int):
            return self.dataset[key]
        return next(t for t in self.dataset if t.task_id == key)

    def reset(self, key: int | str) -> Episode:
        """A new episode of the task at index ``key`` (or of task id ``key``)."""
        task = self.task(key)
        return Episode(task, task.tools, [dict(m) for m in task.prompt], self.tools, self.max_turns)

    def rollout(self, key: int | str, chat: Chat) -> Rollout:
        """Solve one task with ``chat`` until its final reply (or the turn limit, or a failed LLM call)."""
        episode = self.reset(key)
        while not episode.done:
            try:
                message = chat(episode.messages, episode.tools)
            except LLMError as exc:
                episode.done, episode.error = True, f"{type(exc).__name__}: {exc}"[:1000]
                break
            episode.step(message)
        return Rollout(
            task_id=episode.task.task_id,
            messages=episode.messages,
            reward=episode.reward,
            format=episode.score.format,
            correct=episode.score.correct,
            answer=extract_answer(episode.final or ""),
            turns=episode.turns,
            tool_calls=episode.tool_calls,
            tool_errors=episode.tool_errors,
            error=episode.error,
        )

    def evaluate(
        self,
        model: str,
        api_base: str | None = None,
        num_examples: int | None = None,
        rollouts_per_example: int = 1,
        concurrency: int = 4,
        temperature: float | None = None,
    ) -> list[Rollout]:
        """Roll out the first ``num_examples`` tasks (all by default), ``rollouts_per_example`` times each, with a
        litellm ``model`` (at ``api_base``: any OpenAI-compatible server). One rollout per task is greedy; several are
        sampled at temperature 1 with a seed each. Results are in task order, a task's rollouts together."""
        if temperature is None:
            temperature = 0.0 if rollouts_per_example == 1 else 1.0
        client = LLMClient(LLMConfig(model=model, api_base=api_base, temperature=temperature))
        tasks = self.dataset[:num_examples] if num_examples is not None else self.dataset
        jobs = [(task.task_id, n) for task in tasks for n in range(rollouts_per_example)]

        def run(job: tuple[str, int]) -> Rollout:
            task_id, n = job
            seed = n + 1 if rollouts_per_example > 1 else None
            return self.rollout(task_id, llm_chat(client, f"env:{task_id}", seed))

        return bounded_map(run, jobs, concurrency)


def llm_chat(client: LLMClient, purpose: str = "env", seed: int | None = None) -> Chat:
    """A :data:`Chat` over an :class:`LLMClient` (retries, budgets and accounting as in the pipeline)."""

    def chat(messages: Sequence[Mapping[str, Any]], tools: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        reply = client.complete(messages, tools=tools, purpose=purpose, seed=seed)
        message: dict[str, Any] = {"role": "assistant", "content": reply.content}
        if reply.tool_calls:
            message["tool_calls"] = [
                {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}
                for call_id, name, arguments in reply.tool_calls
            ]
        return message

    return chat


def load_environment(
    split: str = "train",
    domain: str | None = None,
    path: str | Path | None = None,
    max_turns: int = 8,
    timeout_s: float | None = 10.0,
) -> ToolEnvironment:
    """The environment of ``split`` (a split, or ``train``/``test`` for their family) and ``domain`` (None: all).
    ``path``: an exports folder or a DuckDB warehouse; default ``DIVE_EXPORT_DIR``, else ``data/exports``."""
    if path is None:
        path = os.environ.get("DIVE_EXPORT_DIR") or DEFAULT_DUCKDB_PATH.parent / "exports"
    tasks = load_tasks(path, split, domain)
    if not tasks:
        raise ValueError(f"no task of split {split!r}{f' and domain {domain!r}' if domain else ''} in {path}")
    return ToolEnvironment(tasks, max_turns=max_turns, timeout_s=timeout_s)
