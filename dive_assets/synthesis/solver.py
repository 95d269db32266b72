"""The optional solver check: a configured model re-solves each split task with its toolset.

DIVE keeps, for RL, tasks on the model's "frontier" (solved sometimes, not always). Here a model answers the
question by calling the real tools of the task's toolset, its final answer is scored programmatically against
the gold answer (the RL reward's correctness term, no judge), and the share of correct attempts is the task's
pass rate. Attempts whose LLM call fails for good are recorded with the error and left out of the rate.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from dive_assets.synthesis.config import RunSettings
from dive_assets.synthesis.llm_client import LLMClient, LLMConfig, LLMError
from dive_assets.synthesis.records import Task
from dive_assets.synthesis.reward import ANSWER_INSTRUCTION, extract_answer, score_row
from tool_catalog import call_tool
from tool_catalog.runtime import ToolCaller
from tool_catalog.spec import ToolSpec

SOLVER_SYSTEM = (
    "You answer questions by calling the tools provided; do not guess values a tool can give you. "
    "Call tools until you have every value you need, then reply without tool calls. " + ANSWER_INSTRUCTION
)
MAX_TOOL_OUTPUT_CHARS = 2000


class SolverAttempt(BaseModel):
    """One attempt of the solver on one task (a row of ``solver_attempts``)."""

    task_id: str
    trace_id: str
    domain: str
    diversity: str
    attempt: int
    model: str
    answer: str | None = None
    passed: bool = False
    tool_calls: int = 0
    tool_errors: int = 0
    turns: int = 0
    error: str | None = None
    llm_failed: bool = False
    """The LLM call failed for good (not the model's fault): left out of the pass rate."""


def solver_client(run: RunSettings, cache: dict[str, dict[str, Any]] | None) -> LLMClient | None:
    """The client of the solver check, or None when it is off (``solver_attempts`` = 0).

    One greedy attempt at temperature 0; several attempts are sampled at temperature 1 with a seed each.
    """
    model = run.solver_model or run.llm_model
    if not run.solver_attempts or not model:
        return None
    temperature = 0.0 if run.solver_attempts == 1 else 1.0
    config = LLMConfig(model=model, api_base=run.llm_api_base, max_calls=run.llm_max_calls, temperature=temperature)
    return LLMClient(config, cache=cache)


def solve_task(
    task: Task,
    tools: Sequence[ToolSpec],
    client: LLMClient,
    attempt: int,
    attempts: int,
    max_turns: int,
    timeout_s: float,
    caller: ToolCaller = call_tool,
) -> SolverAttempt:
    """Let the model answer ``task.question`` with ``tools`` (real calls) and score its final answer.

    With several attempts each one is sampled with its own ``seed`` (so the cache keeps them apart); a single
    attempt is greedy. Tool arguments are untrusted: bad JSON, unknown tools and tool errors go back to the
    model as tool messages and are counted in ``tool_errors``.
    """
    offered = {t.name: t for t in tools}
    declarations = [t.openai_tool() for t in tools]
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": SOLVER_SYSTEM},
        {"role": "user", "content": task.question},
    ]
    result = SolverAttempt(
        task_id=task.task_id,
        trace_id=task.trace_id,
        domain=task.domain,
        diversity=task.diversity,
        attempt=attempt,
        model=client.model,
    )
    seed = attempt if attempts > 1 else None
    final: str | None = None
    try:
        for _turn in range(max_turns + 1):
            reply = client.complete(messages, tools=declarations, purpose=f"solver:{task.trace_id}", seed=seed)
            result.turns += 1
            if not reply.tool_calls:
                final = reply.content or ""
                break
            messages.append(
                {
                    "role": "assistant",
                    "content": reply.content,
                    "tool_calls": [
                        {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}
                        for call_id, name, arguments in reply.tool_calls
                    ],
                }
            )
            for call_id, name, arguments in reply.tool_calls:
                content, ok = _run_tool(name, arguments, offered, timeout_s, caller)
                result.tool_calls += 1
                result.tool_errors += not ok
                messages.append({"role": "tool", "tool_call_id": call_id, "content": content})
    except LLMError as exc:
        result.error = f"{type(exc).__name__}: {exc}"[:1000]
        result.llm_failed = True
        return result
    if final is None:
        result.error = f"no final answer within {max_turns} tool-calling turns"
        return result
    result.answer = extract_answer(final)
    if result.answer is None:
        result.error = "the final reply states no answer ('The final answer is: ...' missing)"
        return result
    result.passed = score_row(final, task).correct == 1.0
    return result


def _run_tool(
    name: str, raw_arguments: str, offered: Mapping[str, ToolSpec], timeout_s: float, caller: ToolCaller
) -> tuple[str, bool]:
    """The tool message for one call (its output, or an error the model can act on) and whether it succeeded."""
    try:
        arguments = json.loads(raw_arguments) if raw_arguments.strip() else {}
    except json.JSONDecodeError as exc:
        return json.dumps({"error": f"arguments are not valid JSON: {exc.msg}"}), False
    if not isinstance(arguments, dict):
        return json.dumps({"error": "arguments must be a JSON object"}), False
    if name not in offered:
        return json.dumps({"error": f"tool {name!r} is not available; use one of {sorted(offered)}"}), False
    outcome = caller(name, arguments, timeout_s)
    if not outcome.ok:
        return json.dumps({"error": f"{outcome.error_type}: {outcome.error}"}), False
    return json.dumps(outcome.output, sort_keys=True, default=str)[:MAX_TOOL_OUTPUT_CHARS], True


class PassRate(BaseModel):
    """A task's pass rate over its completed attempts (a row of ``task_pass_rates``)."""

    task_id: str
    domain: str
    diversity: str
    model: str
    attempts: int
    completed: int
    passes: int
    pass_rate: float | None
    frontier: bool
    """Solved sometimes but not always (0 < pass rate < 1): DIVE's RL selection."""


def pass_rates(attempts: Sequence[SolverAttempt]) -> list[PassRate]:
    by_task: dict[str, list[SolverAttempt]] = {}
    for a in attempts:
        by_task.setdefault(a.task_id, []).append(a)
    rates = []
    for task_id in sorted(by_task):
        group = by_task[task_id]
        completed = [a for a in group if not a.llm_failed]
        passes = sum(a.passed for a in completed)
        rate = passes / len(completed) if completed else None
        rates.append(
            PassRate(
                task_id=task_id,
                domain=group[0].domain,
                diversity=group[0].diversity,
                model=group[0].model,
                attempts=len(group),
                completed=len(completed),
                passes=passes,
                pass_rate=rate,
                frontier=rate is not None and 0 < rate < 1,
            )
        )
    return rates
