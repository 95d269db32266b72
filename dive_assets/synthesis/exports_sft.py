"""SFT transcripts of the exports (:mod:`dive_assets.synthesis.exports`): a task's required steps replayed as chat.

The required steps are grouped into rounds: a step goes in the round after the last round of the steps its arguments
came from (``depends_on``), so every call of a round is independent of the others. Each round is one assistant turn
with parallel ``tool_calls``, followed by one ``tool`` message per call (``tool_call_id`` and the tool's ``name``),
in step order. Two flavours:

* ``openai`` - ``arguments`` is JSON text, as the OpenAI chat API sends and accepts it.
* ``hf`` - ``arguments`` is a JSON object, as Hugging Face chat templates expect (they render it with ``tojson``),
  and ``tools`` is a list of objects, to pass as ``apply_chat_template(messages, tools=tools)`` (TRL's
  conversational format with tools).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from dive_assets.synthesis.reward import ANSWER_INSTRUCTION

Flavour = Literal["openai", "hf"]
FLAVOURS: tuple[Flavour, ...] = ("openai", "hf")

SYSTEM_PROMPT = (
    "You are a helpful assistant that answers questions by calling the available tools. "
    "Call tools to obtain every fact you need; do not guess."
)


def user_message(question: str) -> dict[str, str]:
    return {"role": "user", "content": f"{question}\n\n{ANSWER_INSTRUCTION}"}


def call_rounds(required: Sequence[int], steps: Mapping[int, Mapping[str, Any]]) -> list[list[int]]:
    """The required steps in rounds: a step's round is one after the latest round of the required steps its
    arguments came from (round 0 when none), so the calls of a round can be made at once. Steps sorted in a round."""
    wanted = set(required)
    rounds: dict[int, int] = {}

    def round_of(index: int) -> int:
        if index not in rounds:
            deps = [d for d in steps[index].get("depends_on") or [] if d in wanted and d != index]
            rounds[index] = 1 + max((round_of(d) for d in deps), default=-1)
        return rounds[index]

    out: list[list[int]] = []
    for index in sorted(wanted):
        level = round_of(index)
        out.extend([] for _ in range(level + 1 - len(out)))
        out[level].append(index)
    return [sorted(r) for r in out if r]


def preamble(names: Sequence[str]) -> str:
    """A short sentence an assistant says before its calls (the tools it calls, in call order, each once)."""
    unique = [f"`{n}`" for n in dict.fromkeys(names)]
    listed = unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]
    return f"Let me call {listed}."


def sft_example(
    task: Mapping[str, Any],
    steps: Mapping[int, Mapping[str, Any]],
    tools: Sequence[Mapping[str, Any]],
    flavour: Flavour = "openai",
    with_preamble: bool = False,
) -> dict[str, Any]:
    """One chat transcript replaying the task's required steps round by round and ending in the final answer.

    ``tools``: the declarations of the task's toolset (JSON text in the ``openai`` flavour, objects in ``hf``);
    ``with_preamble``: each calling turn opens with :func:`preamble` instead of empty content."""
    if flavour not in FLAVOURS:
        raise ValueError(f"unknown SFT flavour {flavour!r}; known: {', '.join(FLAVOURS)}")
    messages: list[dict[str, Any]] = [{"role": "system", "content": SYSTEM_PROMPT}, user_message(task["question"])]
    for indices in call_rounds(task["required_steps"], steps):
        calls, results = [], []
        for index in indices:
            step = steps[index]
            call_id = f"call_{task['task_id'][-8:]}_{index}"
            arguments = json.loads(step["arguments"])
            function = {
                "name": step["tool_name"],
                "arguments": json.dumps(arguments, sort_keys=True, ensure_ascii=False)
                if flavour == "openai"
                else arguments,
            }
            calls.append({"id": call_id, "type": "function", "function": function})
            results.append(
                {"role": "tool", "tool_call_id": call_id, "name": step["tool_name"], "content": step["output"]}
            )
        content = preamble([c["function"]["name"] for c in calls]) if with_preamble else None
        messages += [{"role": "assistant", "content": content, "tool_calls": calls}, *results]
    messages.append({"role": "assistant", "content": f"The final answer is: {task['answer_text']}."})
    tools_field: Any = json.dumps(list(tools), sort_keys=True, ensure_ascii=False) if flavour == "openai" else tools
    return {"messages": messages, "tools": tools_field, "metadata": metadata(task)}


def metadata(task: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "task_id": task["task_id"],
        "domain": task["domain"],
        "diversity": task["diversity"],
        "split": task["split"],
        "pattern": task["pattern"],
        "topology": task["topology"],
        "round": task["round"],
    }
