"""The optional rewrite of a realized question by a model (``RunSettings.llm_rewrite``).

The embedded derivation realizes every question from the trace (:mod:`dive_assets.synthesis.realize`); a model
then polishes its wording in the style of the exemplar pool. The model sees only the question, the answer it must
not give away and the values the question must keep; it never sees the trace, so it cannot change what is asked.
A rewrite is accepted only when it keeps every value the question states (:func:`tool_catalog.names.stated_in`,
the same test as the entailment check), keeps the answer's form (a stated rounding), does not give the answer
away, and passes the realism gate's text checks; otherwise the realized question stays and the reason is kept.
The call goes through :class:`~dive_assets.synthesis.llm_client.LLMClient`, so it is cached, costed and budgeted
like every other model call.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dive_assets.synthesis import realism
from dive_assets.synthesis.answer_forms import asks_order
from dive_assets.synthesis.derivation import answer_in_text
from dive_assets.synthesis.llm_client import LLMClient
from dive_assets.synthesis.realize import choice
from dive_assets.synthesis.records import Step, Task
from tool_catalog.names import display, stated_in
from tool_catalog.ports import format_value
from tool_catalog.spec import ToolSpec

REWRITE_SYSTEM = (
    "You edit the wording of questions in a dataset that trains assistants to use tools. You get one question "
    "and rewrite it as a person would naturally ask it. You never change what is asked. Reply with a JSON object "
    'only: {"question": string}.'
)

REWRITE_RULES = """Rewrite the question so that it reads as a real person's request, in plain, fluent English.
Rules:
1. Ask exactly the same thing: the same entities, dates, numbers and conditions, and the same answer.
2. Keep every one of these values, written exactly as shown (you may move them): {keep}.
3. Keep the answer's form{form}.
4. Do not add facts, hints, steps or the answer ({answer!r} must not appear). Do not mention tools or data files.
5. One to three sentences, at most {max_chars} characters; no nested "of the ... of the ..." chains."""

REWRITE_RESPONSE_FORMAT: dict[str, Any] = {
    "type": "json_schema",
    "json_schema": {
        "name": "rewritten_question",
        "strict": True,
        "schema": {
            "type": "object",
            "properties": {"question": {"type": "string"}},
            "required": ["question"],
            "additionalProperties": False,
        },
    },
}

_FORM = re.compile(
    r"(Round(?:ed)? to [^.?]*|to \w+ decimal places?|as a comma-separated list[^.?]*|in date order)", re.I
)


class RewriteReply(BaseModel):
    model_config = ConfigDict(extra="ignore")

    question: str = Field(min_length=1)


def stated_values(task: Task, steps: Mapping[int, Step], tools: Mapping[str, ToolSpec]) -> list[tuple[str, Any]]:
    """(port, value) of every value the question states: the arguments of the required steps that no step
    produced, except those the answer field ignores (the entailment check's list)."""
    out: list[tuple[str, Any]] = []
    for index in task.required_steps:
        step = steps[index]
        tool = tools.get(step.tool_name)
        ignored = tool.outputs[task.answer_field].ignores if tool and index == task.answer_step else ()
        for name, value in step.arguments.items():
            prov = step.provenance.get(name)
            if (prov is None or not prov.produced) and name not in ignored:
                port_name = tool.input_ports.get(name, "label") if tool else "label"
                if (port_name, value) not in out:
                    out.append((port_name, value))
    return out


def rewrite_messages(
    task: Task, steps: Mapping[int, Step], tools: Mapping[str, ToolSpec], exemplars: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """The rewrite prompt: the question, the values to keep (as the question writes them), the answer's form, and
    exemplar questions for style."""
    keep = []
    for port_name, value in stated_values(task, steps, tools):
        written = display(port_name, value)
        shown = written if written.lower() in task.question.lower() else format_value(value)
        keep.append(json.dumps(shown, ensure_ascii=False))
    form = _FORM.search(task.question)
    config = realism.load_realism()
    rules = REWRITE_RULES.format(
        keep=", ".join(keep) or "(none)",
        form=f' ("{form.group(0)}")' if form else "",
        answer=task.answer_text,
        max_chars=config.max_chars,
    )
    lines = [f"Question: {task.question}", "", rules]
    if exemplars:
        lines += ["", "Questions in the style we want (style only; do not copy their content):"]
        lines += [f"- {q}" for q in exemplars]
    return [{"role": "system", "content": REWRITE_SYSTEM}, {"role": "user", "content": "\n".join(lines)}]


def rewrite_problems(task: Task, question: str, steps: Mapping[int, Step], tools: Mapping[str, ToolSpec]) -> list[str]:
    """Why a rewritten question cannot replace the realized one (empty when it can)."""
    problems: list[str] = []
    if not question or question[-1] not in "?.":
        problems.append("the rewrite must end with '?' or '.'")
    for port_name, value in stated_values(task, steps, tools):
        if not stated_in(port_name, value, question):
            problems.append(f"the rewrite drops the stated value {format_value(value)!r}")
    form = _FORM.search(task.question)
    if form and form.group(0).lower() not in question.lower():
        problems.append(f"the rewrite drops the answer's form {form.group(0)!r}")
    answer_step = steps.get(task.answer_step)
    offered = answer_step is not None and choice(answer_step, task.answer)
    if not offered and answer_in_text(task.answer_text, question):
        problems.append(f"the rewrite gives the answer {task.answer_text!r} away")
    problems.extend(realism.text_problems(question))
    return problems


def rewrite_task(
    task: Task,
    steps: Mapping[int, Step],
    tools: Mapping[str, ToolSpec],
    client: LLMClient,
    exemplars: Sequence[str] = (),
    response_format: Mapping[str, Any] | None = REWRITE_RESPONSE_FORMAT,
) -> tuple[Task, str | None]:
    """The task with the model's rewrite of its question, or the task unchanged and the reason the rewrite was
    refused (a reply that is not the JSON asked for, or one of :func:`rewrite_problems`). Client errors
    (:class:`~dive_assets.synthesis.llm_client.LLMError`) propagate."""
    reply = client.complete(
        rewrite_messages(task, steps, tools, exemplars),
        response_format=response_format,
        purpose=f"rewrite:{task.trace_id}",
    )
    try:
        question = " ".join(_parse(reply.content).question.split())
    except ValueError as exc:
        return task, str(exc)
    if question == task.question:
        return task, None
    problems = rewrite_problems(task, question, steps, tools)
    if problems:
        return task, "; ".join(problems)
    update: dict[str, Any] = {"question": question, "derived_by": f"{task.derived_by}+rewrite:litellm:{client.model}"}
    if task.answer_type == "list":
        update["ordered"] = asks_order(question)  # the order a list answer takes is the one its question asks
    return task.model_copy(update=update), None


def _parse(content: str | None) -> RewriteReply:
    text = (content or "").strip()
    fenced = re.fullmatch(r"```(?:json)?\s*(.*?)\s*```", text, re.DOTALL)
    if fenced:
        text = fenced.group(1)
    try:
        return RewriteReply.model_validate(json.loads(text))
    except json.JSONDecodeError as exc:
        raise ValueError(f"the rewrite reply is not valid JSON ({exc.msg} at position {exc.pos})") from None
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'reply'}: {e['msg']}" for e in exc.errors())
        raise ValueError(f"the rewrite reply does not match the schema ({problems})") from None
