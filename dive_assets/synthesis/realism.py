"""The realism gate: a task must be one a person would ask, not only one the tools prove.

Text measures (:func:`text_problems`): the question's length, nested noun phrases (more than two "of the" in one
sentence), a word 6-gram said twice (template stamping), template residue and implementation names. Meaning
(:func:`meaning_problems`, from the trace and the catalog's declarations): a result fixed by construction (an
answer that is an argument of its own steps — a round trip, a lookup of its input —, a tool undoing the step
before it, operands equal to one another, a statistic of too few values), an operation that means nothing for the
operands' kinds and units, a negative count or duration, a list answer whose items are all the same or all stated
in the question, and a stated value that does not change the answer. The thresholds live in
``config/realism.yaml`` (:class:`RealismConfig`). The same measures describe a whole dataset
(:func:`dataset_report`), and DIVE's own exemplar pool for comparison.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dive_assets.synthesis.config import REPO_ROOT, ConfigError
from dive_assets.synthesis.records import Step, Task
from tool_catalog.names import stated_in
from tool_catalog.ports import format_value, get_port
from tool_catalog.runtime import ToolCaller, call_tool
from tool_catalog.spec import ToolSpec

DEFAULT_REALISM_FILE = REPO_ROOT / "config" / "realism.yaml"

_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"'(])")
_OF_THE = re.compile(r"\bof the\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


class RealismConfig(BaseModel):
    """The gate's thresholds and patterns."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_chars: int = Field(default=1000, ge=50)
    max_sentences: int = Field(default=5, ge=1)
    max_of_the_per_sentence: int = Field(default=2, ge=0)
    repeated_ngram: int = Field(default=6, ge=3)
    perturbation_tries: int = Field(default=3, ge=0, le=20)
    max_list_items: int = Field(default=12, ge=2)
    min_sequence_length: dict[str, int] = Field(default_factory=dict)
    residue: tuple[str, ...] = ()
    implementation_names: tuple[str, ...] = ()


@cache
def load_realism(path: Path = DEFAULT_REALISM_FILE) -> RealismConfig:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        config = RealismConfig.model_validate(raw)
        for pattern in config.residue:
            re.compile(pattern)
    except FileNotFoundError:
        raise ConfigError(f"realism file not found: {path}") from None
    except (yaml.YAMLError, ValidationError, re.error) as exc:
        raise ConfigError(f"invalid realism file {path}: {exc}") from None
    return config


# --- text ------------------------------------------------------------------------------------------------------
def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s]


def most_of_the(text: str) -> int:
    """The most "of the" in one sentence of the text."""
    return max((len(_OF_THE.findall(s)) for s in sentences(text)), default=0)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def repeated_ngram(text: str, n: int = 6) -> str | None:
    """A word n-gram the text says twice, or None."""
    tokens = words(text)
    seen: set[tuple[str, ...]] = set()
    for i in range(len(tokens) - n + 1):
        gram = tuple(tokens[i : i + n])
        if gram in seen:
            return " ".join(gram)
        seen.add(gram)
    return None


def opening(text: str, n: int = 3) -> str:
    return " ".join(text.split()[:n]).lower().strip(",.?")


def text_problems(question: str, config: RealismConfig | None = None) -> list[str]:
    """What makes the question's text unlike a person's: too long, nested, stamped, residue, implementation."""
    config = config or load_realism()
    problems = []
    if len(question) > config.max_chars:
        problems.append(f"{len(question)} characters (at most {config.max_chars})")
    count = len(sentences(question))
    if count > config.max_sentences:
        problems.append(f"{count} sentences (at most {config.max_sentences}): a chain too long to follow")
    nested = most_of_the(question)
    if nested > config.max_of_the_per_sentence:
        problems.append(f"a sentence with {nested} nested 'of the' (at most {config.max_of_the_per_sentence})")
    gram = repeated_ngram(question, config.repeated_ngram)
    if gram:
        problems.append(f"the phrase '{gram}' twice")
    for pattern in config.residue:
        match = re.search(pattern, question, re.IGNORECASE)
        if match:
            problems.append(f"template residue {match.group(0)!r}")
    lowered = question.lower()
    for name in config.implementation_names:
        if re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", lowered):
            problems.append(f"implementation name {name!r}")
    return problems


# --- meaning ---------------------------------------------------------------------------------------------------
def meaning_problems(
    task: Task,
    steps: Mapping[int, Step],
    tools: Mapping[str, ToolSpec],
    config: RealismConfig | None = None,
    caller: ToolCaller = call_tool,
    timeout_s: float | None = None,
) -> list[str]:
    """What makes the task's result meaningless or fixed by construction (see the module doc)."""
    from dive_assets.synthesis.compose import GRAMMAR, OPERATIONS
    from dive_assets.synthesis.operands import (
        incomparable,
        obvious_extreme,
        operand_group,
        refusal,
        trend_trivia,
    )

    config = config or load_realism()
    problems: list[str] = []
    required = [steps[i] for i in task.required_steps if i in steps]
    answer_step = steps.get(task.answer_step)
    if answer_step is None:
        return ["the answer step is missing"]
    tool = tools.get(answer_step.tool_name)
    if tool is None or task.answer_field not in tool.outputs:
        return [f"unknown answer field {answer_step.tool_name}.{task.answer_field}"]
    out = tool.outputs[task.answer_field]
    answer = task.answer
    # a result fixed by construction
    for step in required:
        for name, value in sorted(step.arguments.items()):
            if _same(value, answer) and not (step.step_index == task.answer_step and name in out.ignores):
                problems.append(f"the answer is argument {name} of step {step.step_index}: a round trip or an echo")
                break
        producer_tools = {
            steps[p.step].tool_name for p in step.provenance.values() if p.source == "step" and p.step in steps
        }
        own = tools.get(step.tool_name)
        if own is not None and own.inverse is not None and own.inverse in producer_tools:
            problems.append(f"step {step.step_index} ({own.name}) undoes the step before it")
    problems.extend(_short_sequences(required, tools, config))
    problems.extend(_round_trips(task, required))
    problems.extend(_detours(task, required, tools))
    problems.extend(_textbook(task, required, tools))
    if not out.worth_asking(answer_step.arguments, answer_step.output) or idle_on_found_date(
        answer_step, tool, task.answer_field
    ):
        problems.append(f"{tool.name}.{task.answer_field} is not something people ask for here")
    for step in required:
        for name, prov in sorted(step.provenance.items()):
            producer = tools.get(steps[prov.step].tool_name) if prov.source == "step" and prov.step in steps else None
            out_of = producer.outputs.get(prov.field or "") if producer is not None else None
            source = steps[prov.step] if producer is not None else None
            if (
                producer is not None
                and out_of is not None
                and source is not None
                and (
                    not out_of.follows(step.tool_name)
                    or (out_of.worth is not None and not out_of.worth(source.arguments, source.output or {}))
                )
            ):
                problems.append(
                    f"step {step.step_index} takes {name} from {producer.name}.{prov.field}, "
                    "which no one would follow to a further question"
                )
    if isinstance(answer, list):
        if len(answer) > config.max_list_items:
            problems.append(f"a list answer of {len(answer)} items (at most {config.max_list_items})")
        if len(answer) >= 2 and len({repr(a) for a in answer}) == 1:
            problems.append("a list answer whose items are all the same")
        strings = all(isinstance(item, str) for item in answer)
        from dive_assets.synthesis.realize import choice

        restated = answer and strings and all(stated_in("label", item, task.question) for item in answer)
        if restated and not choice(answer_step, answer):  # ranking the entities a question lists is asked
            problems.append("a list answer that restates values the question states")
    if answer_step.tool_name == "list_set_operations" and isinstance(answer, list):
        compared = [item for item in answer if isinstance(item, str) and _names_a_compared_entity(item, task.question)]
        if compared:  # Kenya's neighbours that Ethiopia lacks, "Ethiopia" among them: the operands' own entities
            problems.append(f"the set answer lists {compared[0]!r}, one of the entities compared")
    # operations over operands
    for step in required:
        general = step.tool_name in GRAMMAR
        operand_steps = _operand_steps(step)
        if not general or not operand_steps:
            continue
        source = [steps[i] for i in operand_steps if i in steps]
        field = _operand_field(step)
        op_tool = tools.get(source[0].tool_name) if source else None
        group = operand_group(op_tool, field, source) if op_tool is not None and field else None
        if group is None:
            problems.append(
                f"step {step.step_index} ({step.tool_name}) combines values that are not one question "
                "asked of distinct entities (equal operands, or different questions)"
            )
            continue
        field_asked = task.answer_field if step.step_index == task.answer_step else None
        why = (
            incomparable(group)
            or trend_trivia(step.tool_name, group)
            or obvious_extreme(step.tool_name, field_asked, group)
        )
        if why:
            problems.append(f"step {step.step_index}: {why}")
            continue
        operation = OPERATIONS.get((step.tool_name, field_asked or ""))
        if operation is not None and group.tool.outputs[group.field].port != "string_list":
            reason = refusal(operation, group)  # type: ignore[arg-type]
            if reason:
                problems.append(f"step {step.step_index}: {reason}")
    # negative counts and durations
    quantity = out.resolved_quantity()
    if isinstance(answer, int | float) and not isinstance(answer, bool) and answer < 0:
        kind = quantity.kind if quantity is not None and quantity.unit != "operand" else ""
        if (get_port(out.port).answer_type == "integer" and out.port == "count") or (
            quantity is not None and (quantity.scale == "count" or kind == "[time]")
        ):
            problems.append(f"a negative count or duration ({format_value(answer)})")
    # a stated value that does not change the answer
    problems.extend(_idle_values(task, answer_step, tool, config, caller, timeout_s))
    return problems


_ENTITY_LIST_PORTS = ("country_alpha3", "country_code", "language_code", "currency_code")


def _names_a_compared_entity(item: str, question: str) -> bool:
    """Whether a list item is, under one of its names, an entity the question names (ETH is Ethiopia)."""
    from tool_catalog.names import display

    lowered = question.lower()
    for port in _ENTITY_LIST_PORTS:
        shown = display(port, item)
        if item not in shown and re.search(rf"(?<!\w){re.escape(shown.lower())}(?!\w)", lowered):
            return True
    return False


def idle_on_found_date(step: Step, tool: ToolSpec, field: str) -> bool:
    """A field of a date tool no one asks about a date a step found: the weekday of Easter, yes; the day-of-year
    number of the first holiday after a date, or whether the year of Labor Day 2012 is a leap year, no
    (``policy.plans.DATE_SUBJECT_TOOLS``)."""
    from dive_assets.synthesis.policy.plans import DATE_SUBJECT_TOOLS

    fields = DATE_SUBJECT_TOOLS.get(tool.name)
    found = any(p.source == "step" for p in step.provenance.values())
    return fields is not None and found and field not in fields


def _idle_values(
    task: Task,
    step: Step,
    tool: ToolSpec,
    config: RealismConfig,
    caller: ToolCaller,
    timeout_s: float | None,
) -> list[str]:
    """Parameters of the answer step whose other documented samples all give the same answer: a stated value that
    does not matter, or a found one whose whole chain does not (break-even units in a currency some lookup found)."""
    out = tool.outputs[task.answer_field]
    problems = [
        f"the found {name} does not change the answer (the field ignores it)"
        for name in sorted(step.arguments)
        if name in out.ignores and (prov := step.provenance.get(name)) is not None and prov.produced
    ]
    if tool.domain == "general" or not config.perturbation_tries or isinstance(task.answer, bool):
        return problems  # a yes or no is often the same for other values: it proves nothing
    for name, value in sorted(step.arguments.items()):
        if name in out.ignores:
            continue
        alternatives = [s for s in tool.param_samples(name) if s != value][: config.perturbation_tries]
        outcomes = []
        for alternative in alternatives:
            result = caller(tool.name, {**step.arguments, name: alternative}, timeout_s)
            if result.ok and result.output is not None:
                outcomes.append(result.output.get(task.answer_field))
        if len(outcomes) >= 2 and all(_same(o, task.answer) for o in outcomes):
            prov = step.provenance.get(name)
            what = "found" if prov is not None and prov.produced else "stated"
            problems.append(f"the {what} {name} does not change the answer (other values give the same)")
    return problems


def _textbook(task: Task, required: Sequence[Step], tools: Mapping[str, ToolSpec]) -> list[str]:
    """A name or code looked up, in one step, of the very examples a tool's parameters document (``x-samples``: New
    York's time zone, EcoRI, aspirin's PubChem CID, Korean): the famous cases everyone knows the answer for. A
    measured value of them (JFK's elevation, the euro-dollar rate on a date) still needs the tool."""
    if len(required) != 1:
        return []
    step = required[0]
    tool = tools.get(step.tool_name)
    if tool is None or tool.kind != "retrieval" or task.answer_field not in tool.outputs:
        return []
    if get_port(tool.outputs[task.answer_field].port).answer_type not in ("code", "string"):
        return []
    stated = {n: v for n, v in step.arguments.items() if (p := step.provenance.get(n)) is None or not p.produced}
    schema = tool.parameters_schema.get("properties", {})
    if stated and all(v in (schema.get(n, {}).get("x-samples") or ()) for n, v in stated.items()):
        return [f"a name or code of a textbook example ({', '.join(map(str, stated.values()))}): common knowledge"]
    return []


def _short_sequences(required: Sequence[Step], tools: Mapping[str, ToolSpec], config: RealismConfig) -> list[str]:
    """Sequences a computation is given that are short enough to work by hand (the reverse complement of a 6-mer,
    the translation of two codons): the tool is not needed, and what follows from them means little. A tool may
    need more than its port (an open reading frame in a 20-base primer means nothing). A motif searched for is
    short by nature and not counted."""
    problems = []
    for step in required:
        tool = tools.get(step.tool_name)
        if tool is None or tool.kind != "processing":
            continue
        for name, value in sorted(step.arguments.items()):
            lengths = config.min_sequence_length
            least = lengths.get(tool.name) or lengths.get(tool.input_ports.get(name, ""))
            if least and name != "motif" and isinstance(value, str) and len(value) < least:
                problems.append(
                    f"step {step.step_index} ({tool.name}) works on {name} {value!r}, short enough to do by hand"
                )
    return problems


def _round_trips(task: Task, required: Sequence[Step]) -> list[str]:
    """Steps that return, for the next step or as the answer, a value an earlier step was given (a code looked up by
    the name another step gave for it): the chain goes in a circle."""
    used: dict[int, set[str]] = {}
    for step in required:
        for prov in step.provenance.values():
            if prov.source == "step" and prov.step is not None and prov.field:
                used.setdefault(prov.step, set()).add(prov.field)
    used.setdefault(task.answer_step, set()).add(task.answer_field)
    given: set[str] = set()
    problems = []
    for step in required:
        given |= {v.strip().lower() for v in step.arguments.values() if isinstance(v, str) and v.strip()}
        for field in sorted(used.get(step.step_index, ())):
            value = (step.output or {}).get(field)
            if isinstance(value, str) and value.strip() and value.strip().lower() in given:
                problems.append(
                    f"step {step.step_index} ({step.tool_name}) returns {value!r}, which it or an earlier "
                    "step was given: a round trip"
                )
    return problems


ENTITY_KINDS: dict[str, str] = {
    "country_code": "country",
    "country_alpha3": "country",
    "country_name": "country",
    "iata_code": "airport",
    "icao_code": "airport",
    "airport_name": "airport",
    "language_code": "language",
    "language_name": "language",
    "cas_number": "compound",
    "chemical_name": "compound",
    "smiles": "compound",
    "inchikey": "compound",
    "pubchem_cid": "compound",
    "dna_sequence": "sequence",
    "rna_sequence": "sequence",
    "word": "word",
}
"""Ports that name the same kind of entity in different ways (a country by its code, alpha-3 code or name)."""


def _detours(task: Task, required: Sequence[Step], tools: Mapping[str, ToolSpec]) -> list[str]:
    """A renaming of an entity an earlier step already identified (the code of the country named by the name
    another step gave): a detour through names and codes that asks nothing."""
    steps = {s.step_index: s for s in required}
    renames: set[int] = set()
    for step in required:
        tool = tools.get(step.tool_name)
        if tool is None:
            continue
        kinds_in = {ENTITY_KINDS.get(tool.input_ports.get(p, "")) for p in step.arguments} - {None}
        used = [
            p.field
            for s in required
            for p in s.provenance.values()
            if p.source == "step" and p.step == step.step_index and p.field
        ]
        if step.step_index == task.answer_step:
            used.append(task.answer_field)
        kinds_out = {ENTITY_KINDS.get(tool.outputs[f].port) for f in used if f in tool.outputs} - {None}
        if kinds_in and kinds_out and kinds_in == kinds_out:
            renames.add(step.step_index)
    for index in renames:
        fed = {p.step for p in steps[index].provenance.values() if p.source == "step" and p.step is not None}
        if fed:
            return [f"step {index} renames an entity step {min(fed)} already identified: a detour through its names"]
    return []


def _operand_steps(step: Step) -> list[int]:
    for prov in step.provenance.values():
        if prov.source in ("steps", "expression") and prov.steps:
            return list(prov.steps)
    return [p.step for p in step.provenance.values() if p.source == "step" and p.step is not None]


def _operand_field(step: Step) -> str | None:
    fields = {p.field for p in step.provenance.values() if p.produced and p.field}
    return fields.pop() if len(fields) == 1 else None


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    if isinstance(a, str) and isinstance(b, str):
        return a.strip().lower() == b.strip().lower() and len(a.strip()) > 0
    return a == b


def task_problems(
    task: Task,
    steps: Mapping[int, Step],
    tools: Mapping[str, ToolSpec],
    config: RealismConfig | None = None,
    caller: ToolCaller = call_tool,
    timeout_s: float | None = None,
) -> list[str]:
    """Every reason the task is not one a person would ask (empty when it passes the gate)."""
    config = config or load_realism()
    return text_problems(task.question, config) + meaning_problems(task, steps, tools, config, caller, timeout_s)


# --- a dataset ---------------------------------------------------------------------------------------------------
def dataset_report(questions: Sequence[str], config: RealismConfig | None = None, sample: int = 1000) -> dict[str, Any]:
    """The text measures of a set of questions, as the realism issue states its targets (and as DIVE's exemplar pool
    scores on them): shares of nested sentences, repeated 6-grams and the top three-word opening, the distinct
    openings among ``sample`` questions (the first ``sample`` of the given order: pass them shuffled), lengths."""
    config = config or load_realism()
    n = len(questions)
    if not n:
        return {"questions": 0}
    nested = sum(most_of_the(q) > config.max_of_the_per_sentence for q in questions)
    repeated = sum(repeated_ngram(q, config.repeated_ngram) is not None for q in questions)
    openings = Counter(opening(q) for q in questions)
    top, top_count = openings.most_common(1)[0]
    lengths = sorted(len(q) for q in questions)
    residue = sum(bool(text_problems(q, config.model_copy(update={"max_chars": 10**9}))) for q in questions)
    subset = questions[:sample]
    return {
        "questions": n,
        "nested_share": round(nested / n, 4),
        "repeated_6gram_share": round(repeated / n, 4),
        "top_opening": top,
        "top_opening_share": round(top_count / n, 4),
        "distinct_openings_in_sample": len({opening(q) for q in subset}),
        "sample": len(subset),
        "median_chars": lengths[n // 2],
        "p90_chars": lengths[min(n - 1, int(n * 0.9))],
        "max_chars": lengths[-1],
        "text_problem_share": round(residue / n, 4),
    }


def questions_of(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    return [str(r["question"]) for r in rows]
