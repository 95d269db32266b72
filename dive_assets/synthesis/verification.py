"""Verification: each task is re-proved from its question and the tools, not trusted.

Checks (one recorded row per task and check, with a reason on failure):

* ``format`` - the task and its steps are well formed and every argument validates against its tool.
* ``replay`` - re-executing the required steps from the question's stated values (and the replayed
  outputs of earlier steps) reproduces every recorded output and the gold answer.
* ``entailment`` - every argument is stated in the question or produced by an earlier required step.
* ``grounding`` - the answer is not stated in the question.
* ``minimality`` - every required step contributes to the answer step.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from dive_assets.synthesis.derivation import answer_in_text, required_steps
from dive_assets.synthesis.realize import choice
from dive_assets.synthesis.records import CheckResult, Provenance, Step, Task, Trace
from tool_catalog.names import stated_in
from tool_catalog.ports import format_value
from tool_catalog.runtime import ToolCaller, call_tool
from tool_catalog.spec import ToolSpec

CHECKS = ("format", "replay", "entailment", "grounding", "minimality")


def answers_match(expected: Any, actual: Any, answer_type: str, tolerance: float | None = None) -> bool:
    """Compare two answers by type: numbers with relative tolerance, dates and codes normalized."""
    if answer_type in ("number", "integer"):
        try:
            e, a = float(expected), float(actual)
        except (TypeError, ValueError):
            return False
        tol = tolerance if tolerance is not None else 1e-9
        return math.isclose(e, a, rel_tol=tol, abs_tol=tol)
    if answer_type == "date":
        return _as_date(expected) is not None and _as_date(expected) == _as_date(actual)
    if answer_type == "boolean":
        return _as_bool(expected) is not None and _as_bool(expected) == _as_bool(actual)
    if answer_type == "list":
        if not isinstance(expected, list) or not isinstance(actual, list) or len(expected) != len(actual):
            return False
        return all(values_equal(e, a) for e, a in zip(expected, actual, strict=True))
    return _norm_text(expected) == _norm_text(actual)


def values_equal(expected: Any, actual: Any) -> bool:
    """Equality for recorded outputs: floats within 1e-9 relative, everything else exact."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual or expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return math.isclose(float(expected), float(actual), rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(values_equal(e, a) for e, a in zip(expected, actual, strict=True))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(values_equal(expected[k], actual[k]) for k in expected)
    return expected == actual


def verify_task(
    task: Task,
    trace: Trace,
    tools: Mapping[str, ToolSpec],
    timeout_s: float = 10.0,
    caller: ToolCaller = call_tool,
) -> list[CheckResult]:
    """Run every check on one task; returns one result per check, in :data:`CHECKS` order."""
    steps = {s.step_index: s for s in trace.steps}

    def result(name: str, problems: list[str]) -> CheckResult:
        return CheckResult(
            task_id=task.task_id,
            domain=task.domain,
            diversity=task.diversity,
            check_name=name,
            passed=not problems,
            reason="ok" if not problems else "; ".join(problems)[:2000],
        )

    format_problems = _check_format(task, steps, tools)
    if format_problems:  # the other checks need a well-formed task
        skipped = ["skipped: format check failed"]
        return [result("format", format_problems), *(result(name, skipped) for name in CHECKS[1:])]
    return [
        result("format", []),
        result("replay", _check_replay(task, steps, timeout_s, caller)),
        result("entailment", _check_entailment(task, steps, tools)),
        result("grounding", _check_grounding(task, steps)),
        result("minimality", _check_minimality(task, steps)),
    ]


def _check_format(task: Task, steps: Mapping[int, Step], tools: Mapping[str, ToolSpec]) -> list[str]:
    problems: list[str] = []
    if not task.question.strip() or task.question.strip().rstrip(")\"'")[-1:] not in ("?", "."):
        problems.append("question is empty or not a sentence")
    if not task.answer_text.strip():
        problems.append("answer is empty")
    if task.answer_step not in task.required_steps:
        problems.append(f"answer step {task.answer_step} is not a required step")
    for index in task.required_steps:
        step = steps.get(index)
        if step is None:
            problems.append(f"required step {index} is not in trace {task.trace_id}")
            continue
        if not step.ok:
            problems.append(f"required step {index} ({step.tool_name}) failed: {step.error}")
        tool = tools.get(step.tool_name)
        if tool is None:
            problems.append(f"step {index} uses unknown tool {step.tool_name!r}")
            continue
        try:
            tool.params.model_validate(step.arguments)
        except ValidationError as exc:
            problems.append(f"step {index} arguments do not validate against {tool.name}: {exc.error_count()} errors")
        if index == task.answer_step and step.output is not None and task.answer_field not in step.output:
            problems.append(f"answer field {task.answer_field!r} missing from step {index} output")
    return problems


def _check_replay(task: Task, steps: Mapping[int, Step], timeout_s: float, caller: ToolCaller) -> list[str]:
    problems: list[str] = []
    replayed: dict[int, dict[str, Any]] = {}
    for index in task.required_steps:
        step = steps[index]
        arguments: dict[str, Any] = {}
        for name, value in step.arguments.items():
            prov = step.provenance.get(name)
            if prov is not None and prov.produced:
                try:
                    arguments[name] = prov.produced_value(replayed)
                except KeyError:
                    problems.append(f"step {index}: argument {name} needs {_producers(prov)}, not replayed")
                    return problems
            else:
                arguments[name] = value
        fresh = caller(step.tool_name, arguments, timeout_s)
        if not fresh.ok or fresh.output is None:
            problems.append(f"step {index} ({step.tool_name}) failed on replay: {fresh.error_type}: {fresh.error}")
            return problems
        if not values_equal(step.output, fresh.output):
            problems.append(f"step {index} ({step.tool_name}) output differs on replay")
        replayed[index] = fresh.output
    final = replayed[task.answer_step].get(task.answer_field)
    if not answers_match(task.answer, final, task.answer_type):  # exact: the reward's tolerance is for models
        problems.append(f"replayed answer {format_value(final)!r} != gold {task.answer_text!r}")
    return problems


def _check_entailment(task: Task, steps: Mapping[int, Step], tools: Mapping[str, ToolSpec]) -> list[str]:
    """Every argument is stated in the question (its raw text or the name a question uses for it,
    :func:`tool_catalog.names.mentions`) or produced by an earlier required step; an argument the answer does not
    depend on (``Output.ignores`` of the answer field) need not be stated."""
    problems: list[str] = []
    position = {index: order for order, index in enumerate(task.required_steps)}
    for index in task.required_steps:
        step = steps[index]
        tool = tools.get(step.tool_name)
        ignored = tool.outputs[task.answer_field].ignores if tool and index == task.answer_step else ()
        for name, value in step.arguments.items():
            prov = step.provenance.get(name)
            if prov is not None and prov.produced:
                sources = prov.sources
                late = [s for s in sources if s not in position or position[s] >= position[index]]
                if late or not sources:
                    problems.append(f"step {index}.{name} comes from {_producers(prov)}, not earlier required steps")
                    continue
                try:
                    produced = prov.produced_value({s: steps[s].output or {} for s in sources})
                except KeyError:
                    produced = None
                if not values_equal(produced, value):
                    problems.append(f"step {index}.{name}={value!r} differs from {_producers(prov)}")
            elif name not in ignored:
                port_name = tool.input_ports.get(name, "label") if tool else "label"
                if not stated_in(port_name, value, task.question):
                    problems.append(f"step {index}.{name}={format_value(value)!r} is not stated in the question")
    return problems


def _check_grounding(task: Task, steps: Mapping[int, Step]) -> list[str]:
    problems: list[str] = []
    answer_step = steps.get(task.answer_step)
    offered = answer_step is not None and choice(answer_step, task.answer)  # which of A and B ...: named by design
    if not offered and answer_in_text(task.answer_text, task.question):
        problems.append(f"answer {task.answer_text!r} appears in the question")
    for index in task.required_steps:
        step = steps[index]
        for name, value in step.arguments.items():
            prov = step.provenance.get(name)
            stated = prov is None or not prov.produced
            if stated and format_value(value).lower() == task.answer_text.lower():
                problems.append(f"answer equals the stated argument {name} of step {index}")
    return problems


def _producers(prov: Provenance) -> str:
    if prov.source == "steps":
        return f"steps {prov.steps} field {prov.field}"
    if prov.source == "expression":
        return f"the formula {prov.formula!r} over steps {prov.steps} field {prov.field}"
    return f"step {prov.step}.{prov.field}"


def _check_minimality(task: Task, steps: Mapping[int, Step]) -> list[str]:
    needed = set(required_steps(steps, task.answer_step))
    unused = sorted(set(task.required_steps) - needed)
    missing = sorted(needed - set(task.required_steps))
    problems = []
    if unused:
        problems.append(f"required steps {unused} do not contribute to the answer")
    if missing:
        problems.append(f"steps {missing} are needed but not listed as required")
    return problems


def _as_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return {"true": True, "yes": True, "false": False, "no": False}.get(text)


def _norm_text(value: Any) -> str:
    return " ".join(format_value(value).strip().lower().split())
