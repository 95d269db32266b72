"""The LLM policy: evidence collection and task derivation by a model through litellm (plain Python, no Dagster).

* :func:`collect_evidence_llm` lets a model call the REAL tools of a toolset by native function calling
  (DIVE's evidence collection); every call runs through :func:`tool_catalog.call_tool` and every
  argument gets a provenance (seed, a stated sample, or an earlier step's output).
* :func:`derive_task_llm` asks a model to pick an answer field of the trace and phrase the question;
  the answer *value* is read from the trace, never from the model, and the task is built by
  :func:`dive_assets.synthesis.derivation.build_task`, as the embedded policy builds its tasks, so it verifies the
  same way.

The client (cache, retries, budgets, accounting) is :mod:`dive_assets.synthesis.llm_client`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dive_assets.synthesis.derivation import DerivationError, answer_in_text, build_task, describe, required_steps
from dive_assets.synthesis.llm_client import LLMClient, LLMReply
from dive_assets.synthesis.records import Provenance, Step, Task, Trace
from tool_catalog.names import display, stated_in
from tool_catalog.ports import ask_phrase, format_value, get_port
from tool_catalog.runtime import ToolCaller, call_tool
from tool_catalog.spec import ToolSpec

TOOL_RESULT_MAX_CHARS = 4000
"""Tool results returned to the model are truncated (DIVE truncates to about 2,000 tokens)."""

EVIDENCE_SYSTEM = (
    "You are a meticulous research agent. You can call tools that compute or look up facts offline. "
    "Only tool results count as evidence: call tools rather than answering from memory. To chain tools, "
    "pass a value exactly as an earlier tool returned it. When a call fails, read the error and adapt."
)

EVIDENCE_PROMPT = """Research "Information related to {seed}" in the {domain} domain.
Seed entity: {seed} (port: {port}; {port_description}).

Use multiple tools to retrieve and process comprehensive and verifiable information from various sources.
Step budget: {max_turns} turns; each turn may make several tool calls.
Investigate the topic from multiple angles: start from the seed entity, then feed values returned by one
tool into other tools to go deeper. When you have gathered enough evidence, reply with a short summary of
your findings and no tool calls."""


def evidence_messages(seed_port: str, seed_value: str, domain: str, max_turns: int) -> list[dict[str, Any]]:
    """DIVE's round-1 collection prompt for one seed entity."""
    try:
        port_description = get_port(seed_port).description
    except KeyError:
        port_description = seed_port
    user = EVIDENCE_PROMPT.format(
        seed=seed_value, domain=domain, port=seed_port, port_description=port_description, max_turns=max_turns
    )
    return [{"role": "system", "content": EVIDENCE_SYSTEM}, {"role": "user", "content": user}]


def collect_evidence_llm(
    trace_id: str,
    tools: Sequence[ToolSpec],
    seed_port: str,
    seed_value: str,
    domain: str,
    client: LLMClient,
    max_turns: int,
    timeout_s: float,
    caller: ToolCaller = call_tool,
    earlier_steps: Sequence[Step] = (),
    round_index: int = 1,
    topic: str | None = None,
) -> list[Step]:
    """Let the model call the toolset's real tools for up to ``max_turns`` turns; one Step per call.

    Round k > 1 of DIVE's loop passes the steps collected so far (``earlier_steps``; their outputs can be
    chained and are summarised in the prompt) and the previous round's question as ``topic``; the new steps
    continue the numbering and carry ``round_index``.

    Arguments are untrusted: a call that is not a JSON object, names a tool outside the toolset, or fails
    validation or execution becomes a failed Step, and its error text is what the model sees. Provenance of
    each argument: equal (after string normalisation) to a scalar output field of a successful step of an
    earlier turn -> ``step`` (the most recent such step; the argument is then recorded with that output's
    exact value, so replay and entailment hold), else equal to the seed -> ``seed``, else ``sample``.
    Client errors (:class:`LLMBudgetExceeded`, :class:`LLMCallError`) propagate.
    """
    offered = {t.name: t for t in tools}
    declarations = [t.openai_tool() for t in tools]
    if topic is None:
        messages = evidence_messages(seed_port, seed_value, domain, max_turns)
    else:
        messages = continuation_messages(topic, domain, earlier_steps, max_turns, seed_value, seed_port)
    steps: list[Step] = []
    for _turn in range(max_turns):
        reply = client.complete(messages, tools=declarations, purpose=f"evidence:{trace_id}")
        if not reply.tool_calls:
            break
        messages.append(_assistant_message(reply))
        earlier = [*earlier_steps, *steps]  # calls of one turn are parallel: they cannot use each other's outputs
        for call_id, name, raw_arguments in reply.tool_calls:
            index = len(earlier_steps) + len(steps)
            step = _run_call(trace_id, index, name, raw_arguments, offered, earlier, seed_value, timeout_s, caller)
            step.round = round_index
            steps.append(step)
            messages.append({"role": "tool", "tool_call_id": call_id, "content": _tool_message(step)})
    return steps


CONTINUATION_PROMPT = """Continue research on "{topic}" in the {domain} domain.
Seed entity: {seed} (port: {port}).
Previous findings:
{findings}

Expand the research to broader or deeper aspects of this question: feed values found so far into other tools.
Use diverse tools and avoid repeating previous findings. Step budget: {max_turns} turns; each turn may make
several tool calls. When you are done, reply with a short summary and no tool calls."""


def continuation_messages(
    topic: str, domain: str, earlier_steps: Sequence[Step], max_turns: int, seed: str, port: str
) -> list[dict[str, Any]]:
    """DIVE's later-round collection prompt: the current question and the evidence gathered so far."""
    findings = "\n".join(
        f"- {s.tool_name}({json.dumps(s.arguments, sort_keys=True)}) -> {json.dumps(s.output, sort_keys=True)[:500]}"
        for s in earlier_steps
        if s.ok
    )
    user = CONTINUATION_PROMPT.format(
        topic=topic, domain=domain, findings=findings or "- none", max_turns=max_turns, seed=seed, port=port
    )
    return [{"role": "system", "content": EVIDENCE_SYSTEM}, {"role": "user", "content": user}]


def _assistant_message(reply: LLMReply) -> dict[str, Any]:
    return {
        "role": "assistant",
        "content": reply.content,
        "tool_calls": [
            {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}
            for call_id, name, arguments in reply.tool_calls
        ],
    }


def _run_call(
    trace_id: str,
    index: int,
    name: str,
    raw_arguments: str,
    offered: Mapping[str, ToolSpec],
    earlier: Sequence[Step],
    seed_value: str,
    timeout_s: float,
    caller: ToolCaller,
) -> Step:
    def failed(error_type: str, error: str, arguments: dict[str, Any] | None = None) -> Step:
        return Step(
            trace_id=trace_id,
            step_index=index,
            tool_name=name,
            arguments=arguments or {},
            provenance={},
            output=None,
            error_type=error_type,
            error=error,
        )

    try:
        arguments = json.loads(raw_arguments) if raw_arguments.strip() else {}
    except json.JSONDecodeError as exc:
        return failed("invalid_arguments", f"arguments are not valid JSON: {exc.msg} at position {exc.pos}")
    if not isinstance(arguments, dict):
        return failed("invalid_arguments", f"arguments must be a JSON object, got {type(arguments).__name__}")
    if name not in offered:
        available = ", ".join(sorted(offered))
        return failed("unknown_tool", f"tool {name!r} is not in this toolset; available: {available}", arguments)

    provenance: dict[str, Provenance] = {}
    depends: set[int] = set()
    for param, value in list(arguments.items()):
        source = _produced_by(value, earlier)
        if source is not None:
            step, field, produced = source
            provenance[param] = Provenance(source="step", step=step, field=field)
            arguments[param] = produced
            depends.add(step)
        elif _is_scalar(value) and _norm(value) == _norm(seed_value):
            provenance[param] = Provenance(source="seed")
        else:
            provenance[param] = Provenance(source="sample")
    result = caller(name, arguments, timeout_s)
    return Step(
        trace_id=trace_id,
        step_index=index,
        tool_name=name,
        arguments=arguments,
        provenance=provenance,
        output=result.output if result.ok else None,
        error_type=result.error_type,
        error=result.error,
        latency_ms=result.latency_ms,
        depends_on=sorted(depends),
    )


def _produced_by(value: Any, earlier: Sequence[Step]) -> tuple[int, str, Any] | None:
    """(step, field, exact value) of the most recent successful step with an output equal to ``value``."""
    if not _is_scalar(value):
        return None
    wanted = _norm(value)
    for step in reversed(earlier):
        if not step.ok or step.output is None:
            continue
        for field, produced in step.output.items():
            if _is_scalar(produced) and _norm(produced) == wanted:
                return step.step_index, field, produced
    return None


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) and value != ""


def _norm(value: Any) -> str:
    return format_value(value).strip()


def shown(value: Any) -> str:
    """A step's value (argument or output) as a prompt shows it: JSON with sorted keys, so the same value always
    reads the same, whatever the order its fields were produced or stored in."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _tool_message(step: Step) -> str:
    ok = step.ok and step.output is not None
    text = shown(step.output) if ok else f"ERROR ({step.error_type}): {step.error}"
    if len(text) > TOOL_RESULT_MAX_CHARS:
        text = text[:TOOL_RESULT_MAX_CHARS] + " ... [truncated]"
    return text


class DerivedTaskReply(BaseModel):
    """What the model must return: a question and the (step, field) whose recorded value answers it."""

    model_config = ConfigDict(extra="ignore")

    question: str = Field(min_length=1)
    answer_step: int
    answer_field: str = Field(min_length=1)


DERIVATION_RESPONSE_FORMAT: dict[str, Any] = {
    "type": "json_schema",
    "json_schema": {
        "name": "derived_task",
        "strict": True,
        "schema": {
            "type": "object",
            "properties": {
                "question": {"type": "string"},
                "answer_step": {"type": "integer"},
                "answer_field": {"type": "string"},
            },
            "required": ["question", "answer_step", "answer_field"],
            "additionalProperties": False,
        },
    },
}

DERIVATION_SYSTEM = (
    "You derive one question-answer task from a trace of real tool calls. The answer is one output field of "
    "one successful step; it must follow from the trace alone. Reply with a JSON object only: "
    '{"question": string, "answer_step": integer, "answer_field": string}.'
)

DERIVATION_RULES = """Derive a specific and realistic question using the collected data. \
Base the answer on actual tool results only.
Rules:
1. Choose one successful step and one of its output fields as the answer (answer_step, answer_field). Prefer an \
answer that needs several chained steps.
2. The question must state every value marked "stated" among the arguments of the answer step and of every step it \
depends on (directly or transitively), written as shown (a name people use, or the code).
3. A value marked "from step N" must not be written in the question: describe it instead (the phrases show how).
4. The question must not contain the answer value, and must end with "?" (or "." for an instruction).
5. Write one natural question; do not mention tools, steps or this trace."""


def derivation_messages(
    trace: Trace, tools: Mapping[str, ToolSpec], exemplars: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """The derivation prompt: the seed, every step with argument sources and output phrases, the rules.

    The text depends only on the trace's content, never on the order of a step's fields: the evidence loop derives
    from live steps (fields in the tool's order) and ``derived_tasks`` from stored ones (fields in JSON-sorted order),
    and both must send the same request, so the second is answered from the cache."""
    steps = {s.step_index: s for s in trace.steps}
    lines = [f"Seed entity: {trace.seed_value} (port: {trace.seed_port})", "", "Trace:"]
    for step in sorted(trace.steps, key=lambda s: s.step_index):
        arguments = sorted(step.arguments.items())  # names sorted: live and stored steps give the same text
        args = ", ".join(f"{k}={shown(v)}" for k, v in arguments)
        if not step.ok or step.output is None:
            lines.append(f"(failed, not usable) {step.tool_name}({args}): {step.error_type}")
            continue
        lines.append(f"Step {step.step_index}: {step.tool_name}({args})")
        for name, value in arguments:
            prov = step.provenance.get(name)
            if prov is not None and prov.produced:
                origin = f"step {prov.step}" if prov.source == "step" else f"steps {prov.steps}"
                formula = f" as the formula {prov.formula}" if prov.source == "expression" else ""
                lines.append(f"  argument {name}: from {origin} field {prov.field}{formula} (describe, do not state)")
            else:
                port_name = tool.input_ports.get(name, "label") if (tool := tools.get(step.tool_name)) else "label"
                named, raw = display(port_name, value), format_value(value)
                as_written = f"{named!r} (or {raw!r})" if named != raw else repr(raw)
                lines.append(f"  argument {name}: stated, write {as_written} in the question")
        if step.depends_on:
            lines.append(f"  depends on steps: {', '.join(map(str, step.depends_on))}")
        tool = tools.get(step.tool_name)
        lines.append("  outputs:")
        for field, value in sorted(step.output.items()):
            phrase = _phrase(steps, tools, step.step_index, field) if tool and field in tool.outputs else None
            lines.append(f"    - {field} = {shown(value)}" + (f" | phrase: {phrase}" if phrase else ""))
    lines += ["", DERIVATION_RULES]
    if exemplars:
        lines += ["", "Examples of the question style (style only; do not copy their content):"]
        lines += [f"- {q}" for q in exemplars]
    return [{"role": "system", "content": DERIVATION_SYSTEM}, {"role": "user", "content": "\n".join(lines)}]


def derive_task_llm(
    trace: Trace,
    tools: Mapping[str, ToolSpec],
    client: LLMClient,
    exemplars: list[str] | None = None,
    round_index: int = 1,
    response_format: Mapping[str, Any] | None = DERIVATION_RESPONSE_FORMAT,
) -> Task:
    """Ask the model for a question and an answer field; build and check the Task; retry once on a bad reply.

    Raises :class:`DerivationError` (with the reason) when the trace has no successful step or the model's
    second reply is still invalid. Client errors (:class:`LLMError`) propagate. ``response_format`` defaults to
    a strict JSON schema; pass ``{"type": "json_object"}`` (or None) for servers without schema support.
    """
    if not any(s.ok for s in trace.steps):
        raise DerivationError(f"trace {trace.trace_id}: no successful step")
    messages = derivation_messages(trace, tools, exemplars)
    reason = ""
    for attempt in (1, 2):
        reply = client.complete(messages, response_format=response_format, purpose=f"derivation:{trace.trace_id}")
        try:
            return _task_from_reply(trace, tools, reply.content, client.model, round_index)
        except DerivationError as exc:
            reason = str(exc)
        if attempt == 1:
            messages = [
                *messages,
                {"role": "assistant", "content": reply.content or ""},
                {
                    "role": "user",
                    "content": f"Your reply was rejected: {reason}. Fix it and reply with only the JSON object "
                    '{"question": ..., "answer_step": ..., "answer_field": ...}.',
                },
            ]
    raise DerivationError(f"trace {trace.trace_id}: LLM derivation rejected twice: {reason}")


def _task_from_reply(
    trace: Trace, tools: Mapping[str, ToolSpec], content: str | None, model: str, round_index: int
) -> Task:
    """Validate one model reply against the trace and build the Task; DerivationError says what is wrong."""
    parsed = _parse_reply(content)
    steps = {s.step_index: s for s in trace.steps}
    step = steps.get(parsed.answer_step)
    if step is None:
        raise DerivationError(f"answer_step {parsed.answer_step} is not a step of the trace")
    if not step.ok or step.output is None:
        raise DerivationError(f"answer_step {parsed.answer_step} failed and has no output")
    tool = tools.get(step.tool_name)
    if tool is None:
        raise DerivationError(f"step {step.step_index} uses tool {step.tool_name!r}, which is not in the toolset")
    field = parsed.answer_field
    if field not in tool.outputs or field not in step.output:
        raise DerivationError(
            f"answer_field {field!r} is not an output of step {step.step_index} ({', '.join(tool.outputs)})"
        )
    value = step.output[field]
    port = get_port(tool.outputs[field].port)
    if value is None or value == "" or value == []:
        raise DerivationError(f"step {step.step_index}.{field} is empty")
    if isinstance(value, (list, dict)) and port.answer_type != "list":
        raise DerivationError(f"step {step.step_index}.{field} is a structured value, not a single answer")
    question = " ".join(parsed.question.split())
    if question[-1] not in "?.":
        raise DerivationError("the question must end with '?' or '.'")
    answer_text = format_value(value)
    if answer_in_text(answer_text, question):
        raise DerivationError(f"the question contains the answer {answer_text!r}")
    required = required_steps(steps, step.step_index)
    missing: list[str] = []
    for index in required:
        for name, arg in steps[index].arguments.items():
            prov = steps[index].provenance.get(name)
            if prov is not None and prov.produced:
                continue
            stated = format_value(arg)
            if stated.lower() == answer_text.lower():
                raise DerivationError(f"the answer equals the stated argument {name} of step {index}")
            tool_of = tools.get(steps[index].tool_name)
            port_name = tool_of.input_ports.get(name, "label") if tool_of else "label"
            if not stated_in(port_name, arg, question):  # its code or its name ("GM" or "The Gambia")
                missing.append(f"{stated!r} (argument {name} of step {index})")
    if missing:
        raise DerivationError(f"the question must state {', '.join(missing)}")
    return build_task(trace, steps, tools, step.step_index, field, question, f"litellm:{model}", round_index)


def _parse_reply(content: str | None) -> DerivedTaskReply:
    text = (content or "").strip()
    fenced = re.fullmatch(r"```(?:json)?\s*(.*?)\s*```", text, re.DOTALL)
    if fenced:
        text = fenced.group(1)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DerivationError(f"reply is not valid JSON ({exc.msg} at position {exc.pos})") from None
    try:
        return DerivedTaskReply.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'reply'}: {e['msg']}" for e in exc.errors())
        raise DerivationError(f"reply does not match the schema ({problems})") from None


def _phrase(steps: Mapping[int, Step], tools: Mapping[str, ToolSpec], index: int, field: str) -> str | None:
    """The tool's own noun phrase for an output, with arguments written out (a hint for the model)."""
    try:
        tool = tools[steps[index].tool_name]
        return ask_phrase(tool.outputs[field].port, describe(steps, tools, index, field))
    except (KeyError, ValueError, IndexError):
        return None
