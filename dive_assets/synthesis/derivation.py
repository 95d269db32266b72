"""Task derivation: a question strictly entailed by a trace, composed from the tools' own phrasing.

The answer is one output field of one successful step (the *answer step*); the *required steps* are that
step and every step it transitively depends on. The question is the answer field's noun phrase, in
which every argument is replaced either by its stated value (seed or sample, written with its port's
template) or by the phrase of the step that produced it. So the question names every value the
required steps need that no earlier required step produced, and it never contains the answer.
"""

from __future__ import annotations

import math
import random
import string
from collections.abc import Mapping, Sequence
from typing import Any

from dive_assets.synthesis import realism
from dive_assets.synthesis.answer_forms import asks_order
from dive_assets.synthesis.exemplars import Exemplar, topology_signature
from dive_assets.synthesis.formulas import phrase as formula_phrase
from dive_assets.synthesis.partition_state import RARE_TOOL_WEIGHT, PartitionTasks, step_shapes
from dive_assets.synthesis.realize import Realized, Unrealizable, realize
from dive_assets.synthesis.records import Step, Task, Trace, stable_id
from dive_assets.synthesis.reward import NUMERIC_TYPES, number_tolerance
from tool_catalog.ports import LIST_PORTS, format_value, get_port, render_stated
from tool_catalog.quantities import OPERAND
from tool_catalog.spec import GENERAL_DOMAIN, ToolSpec


class DerivationError(ValueError):
    """No task can be derived from a trace; the message says why."""


def required_steps(steps: Mapping[int, Step], answer_step: int) -> list[int]:
    """The answer step and all steps it depends on, transitively, in execution order."""
    seen: set[int] = set()
    stack = [answer_step]
    while stack:
        index = stack.pop()
        if index in seen:
            continue
        seen.add(index)
        stack.extend(steps[index].depends_on)
    return sorted(seen)


def call_graph(steps: Mapping[int, Step], required: list[int]) -> list[tuple[int, int]]:
    """Edges (producer step, consumer step) among the required steps."""
    return sorted({(dep, i) for i in required for dep in steps[i].depends_on if dep in required})


def describe(
    steps: Mapping[int, Step],
    tools: Mapping[str, ToolSpec],
    step_index: int,
    field: str,
    memo: dict[tuple[int, str], str] | None = None,
) -> str:
    """The noun phrase for output ``field`` of a step, with arguments written out recursively. ``memo`` keeps the
    phrases of one trace's steps, so a step is described once, not once per path reaching it."""
    if memo is not None and (step_index, field) in memo:
        return memo[(step_index, field)]
    step = steps[step_index]
    tool = tools[step.tool_name]
    template = tool.outputs[field].phrase
    values: dict[str, str] = {}
    for _, name, _, _ in string.Formatter().parse(template):
        if not name or name in values:
            continue
        prov = step.provenance.get(name)
        if prov is not None and prov.produced and tool.input_ports.get(name) in LIST_PORTS:
            # a described list reads "the mean of the X of A, the X of B and the X of C", not "of the numbers ..."
            template = template.replace(f"the numbers {{{name}}}", f"{{{name}}}")
            template = template.replace(f"the strings {{{name}}}", f"{{{name}}}")
        if prov is not None and prov.produced and "{" + name + "} {from_unit}" in template:
            template = template.replace("{" + name + "} {from_unit}", "{" + name + "} (in {from_unit})")
        if prov is not None and prov.source == "expression" and prov.steps and prov.field is not None:
            # "the ratio of the X of A to the X of B", not "the value of the arithmetic expression ..."
            template = template.replace(f"the value of the arithmetic expression {{{name}}}", f"{{{name}}}")
            described = [describe(steps, tools, i, prov.field, memo) for i in prov.steps]
            try:
                values[name] = formula_phrase(prov.formula or "", described)
            except KeyError:
                raise DerivationError(f"step {step_index}: unknown formula {prov.formula!r}") from None
        elif prov is not None and prov.source == "steps" and prov.steps and prov.field is not None:
            items = [describe(steps, tools, i, prov.field, memo) for i in prov.steps]
            if tool.input_ports.get(name) == "boolean_list":  # statements: "2024 is a leap year", not "whether ..."
                items = [item.removeprefix("whether ") for item in items]
            values[name] = join_phrases(items)
        elif prov is not None and prov.source == "step" and prov.step is not None and prov.field is not None:
            values[name] = describe(steps, tools, prov.step, prov.field, memo)
        else:
            value = step.arguments[name] if name in step.arguments else _default(tool, name)
            values[name] = render_stated(tool.input_ports[name], value)
    phrase = template.format(**values)
    if memo is not None:
        memo[(step_index, field)] = phrase
    return phrase


def join_phrases(phrases: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C" """
    return phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]


def question_for(phrase: str, plural: bool = False) -> str:
    """The question asking for a phrase; ``plural`` for a list answer ("What are the codes of ..."), except one
    named as a list ("What is the list of ...")."""
    if phrase.startswith("whether "):
        return f"Determine {phrase}."
    verb = "are" if plural and not phrase.startswith("the list ") else "is"
    text = f"What {verb} {phrase}?"
    return text[0].upper() + text[1:]


def answer_in_text(answer_text: str, text: str) -> bool:
    """True when the answer appears in the text as a whole token (case-insensitive).

    A match must not be glued to a word character or a dot on its left, nor to a word character or a
    decimal part on its right ("5" is not in "5.5" or "2025", but is in "5." at a sentence end).
    """
    needle, hay = answer_text.lower(), text.lower()
    if not needle:
        return False
    start = hay.find(needle)
    while start != -1:
        end = start + len(needle)
        before = hay[start - 1] if start > 0 else " "
        after = hay[end] if end < len(hay) else " "
        decimal = after == "." and end + 1 < len(hay) and hay[end + 1].isdigit()
        if not (before.isalnum() or before in "_.") and not (after.isalnum() or after == "_") and not decimal:
            return True
        start = hay.find(needle, start + 1)
    return False


def derive_task(
    trace: Trace,
    tools: Mapping[str, ToolSpec],
    rng: random.Random,
    derived_by: str,
    round_index: int = 1,
    previous: Task | None = None,
    exemplars: Sequence[Exemplar] = (),
    partition: PartitionTasks | None = None,
) -> Task:
    """Derive a deep, well-posed task from a trace, or raise :class:`DerivationError`.

    Deeper tasks over more different tools are preferred (weight grows with the square of the number of
    required steps times the square of the number of distinct tools), as are tasks whose R/P
    topology matches one of the sampled exemplars. In round k > 1 the task must be harder than
    ``previous`` (more required steps) and preferably build on it (contain its answer step).
    ``partition`` holds the partition's earlier tasks (:class:`PartitionTasks`): a repeated call-graph shape is
    avoided, a shape not made yet is preferred among the candidates over the most distinct tools (DIVE's unique
    call graphs without trading away tool types per task), and a task needing a tool the partition's tasks have
    rarely used gets that bonus too and is preferred ``RARE_TOOL_WEIGHT`` times; empty or None changes nothing.
    Once the partition starves its rare tools (:meth:`PartitionTasks.starving`), a task needing one is taken when
    there is one, and a harder round must keep the starved tool of ``previous``.
    """
    steps = {s.step_index: s for s in trace.steps}
    candidates: list[tuple[int, str, list[int]]] = []
    for step in trace.steps:
        if not step.ok or step.output is None:
            continue
        tool = tools[step.tool_name]
        required = required_steps(steps, step.step_index)
        for field, out in tool.outputs.items():
            value = step.output.get(field)
            if value is None or value == [] or not format_value(value).strip():  # nothing to ask for
                continue
            if isinstance(value, (list, dict)) and get_port(out.port).answer_type != "list":
                continue
            if isinstance(value, list) and len(value) > realism.load_realism().max_list_items:
                continue  # a dump of codes, not an answer a person reads
            if askable(tool, field) and not realism.idle_on_found_date(step, tool, field):
                candidates.append((step.step_index, field, required))
    if not candidates:
        reason = "no successful step" if not any(s.ok for s in trace.steps) else "no field a person would ask for"
        raise DerivationError(f"trace {trace.trace_id}: {reason}")
    if previous is not None:
        harder = [c for c in candidates if len(c[2]) > len(previous.required_steps)]
        if not harder:
            raise DerivationError(
                f"trace {trace.trace_id}: round {round_index} found no task harder than round {round_index - 1}"
                f" ({len(previous.required_steps)} required steps)"
            )
        candidates = harder
        starved = set() if partition is None else partition.starved(steps[i].tool_name for i in previous.required_steps)
        if starved:  # a harder round keeps the starved tool, else the easier task stays the trace's final one
            keeping = [c for c in candidates if any(steps[i].tool_name in starved for i in c[2])]
            if not keeping:
                raise DerivationError(
                    f"trace {trace.trace_id}: round {round_index} found no harder task that keeps "
                    + ", ".join(
                        f"{tool} (in {partition.tools.get(tool, 0)} of the partition's tasks, wanted in "
                        f"{partition.wanted(tool)})"
                        for tool in sorted(starved)
                    )
                )
            candidates = keeping
    wanted = {e.topology for e in exemplars}
    active = partition is not None and bool(partition.shapes or partition.claims)
    shapes = step_shapes(trace.steps) if active else {}
    needed = [frozenset(steps[i].tool_name for i in c[2]) for c in candidates]  # each candidate's tools
    richest = max(len(names) for names in needed)
    feeding: list[int] = []
    if partition is not None and partition.starving():
        # a task that needs a starved tool is tried first whenever the trace offers one: a one-step validity check
        # on a seen shape otherwise weighs ~1/10,000 of a five-step task over four tools on a new one
        feeding = [k for k, names in enumerate(needed) if partition.short(names)]
        if feeding:
            richest = max(len(needed[k]) for k in feeding)
    weights = []
    for c, names in zip(candidates, needed, strict=True):
        distinct_tools = len(names)
        weight = float(len(c[2]) ** 2 * distinct_tools**2)  # deep tasks over several different tools
        if topology_signature(steps, tools, c[0], set(c[2])) in wanted:
            weight *= 3.0
        if previous is not None and previous.answer_step in c[2]:
            weight *= 4.0
        value = (steps[c[0]].output or {}).get(c[1])
        if value == 0 or value == [] or value == "":  # a count of nothing is a weak question
            weight *= 0.2
        if tools[steps[c[0]].tool_name].domain == GENERAL_DOMAIN:
            weight *= GENERAL_ANSWER_WEIGHT
        if partition is not None and active:
            novelty = partition.novelty(shapes[c[0]], names)
            rare = partition.rare(names)
            # a new shape by repeating a tool (one more parallel branch) is cheap novelty: no bonus for it, unless
            # the task brings in a tool the partition's tasks have hardly used
            weight *= novelty if distinct_tools == richest or rare else min(novelty, 1.0)
            if rare:
                weight *= RARE_TOOL_WEIGHT
        weights.append(weight)
    rejections: list[str] = []
    others = [k for k in range(len(candidates)) if k not in set(feeding)]
    order = [feeding[i] for i in weighted_order([weights[k] for k in feeding], rng)] if feeding else []
    order += [others[i] for i in weighted_order([weights[k] for k in others], rng)] if feeding else []
    tried = (order or weighted_order(weights, rng))[:MAX_CANDIDATES_TRIED]
    for k in tried:
        answer_step, field, required = candidates[k]
        try:
            realized = realize(steps, tools, answer_step, field, required, rng)
        except Unrealizable as exc:
            rejections.append(f"{steps[answer_step].tool_name}.{field}: {exc}")
            continue
        task = build_task(
            trace, steps, tools, answer_step, field, realized.question, derived_by, round_index, exemplars, realized
        )
        problems = realism.meaning_problems(task, steps, tools, caller=_no_calls) + realism.text_problems(task.question)
        if problems:
            rejections.append(f"{steps[answer_step].tool_name}.{field}: {problems[0]}")
            continue
        return task
    detail = "; ".join(rejections[:3])
    none = (
        f"none of the best {len(tried)} of {len(candidates)} candidates"
        if len(tried) < len(candidates)
        else "no candidate"
    )
    raise DerivationError(f"trace {trace.trace_id}: {none} reads as a question a person would ask ({detail})")


MAX_CANDIDATES_TRIED = 48
"""The most candidate questions one derivation writes and checks, best-weighted first. A derivation that succeeds
needs at most 35 on the partitions measured (six domains, 24 tasks each); a long trace whose every question fails
the realism gate could otherwise try ~200, at 8 ms each, and repeat that every extra round."""


GENERAL_ANSWER_WEIGHT = 0.25
"""A comparison or ranking over a handful of entities weighs this much of a lookup chain of the same depth: its
depth is the number of entities, not a story, and a dataset of "which of these five airports is highest" reads as
arbitrary."""


def weighted_order(weights: Sequence[float], rng: random.Random) -> list[int]:
    """The candidates in a random order where heavier ones tend to come first (each drawn with probability
    proportional to its weight among those left: keys u^(1/w), Efraimidis and Spirakis)."""
    keys = [(rng.random() ** (1.0 / w) if w > 0 else 0.0, -k) for k, w in enumerate(weights)]
    return [-k for _, k in sorted(keys, reverse=True)]


def askable(tool: ToolSpec, field: str) -> bool:
    """Whether a question can ask for the field: it is declared asked alone, with question forms or a grammar."""
    from dive_assets.synthesis.compose import GRAMMAR

    out = tool.outputs[field]
    return out.asked_alone and (bool(out.asks) or field in GRAMMAR.get(tool.name, {}))


def _no_calls(name: str, arguments: Any, default_s: float | None = None) -> Any:
    """Derivation does not run the perturbation test (verification does): every call 'fails'."""
    from tool_catalog.runtime import ToolResult

    return ToolResult(tool=name, ok=False, error_type="bad_input", error="not run during derivation")


def build_task(
    trace: Trace,
    steps: Mapping[int, Step],
    tools: Mapping[str, ToolSpec],
    answer_step: int,
    field: str,
    question: str,
    derived_by: str,
    round_index: int,
    exemplars: Sequence[Exemplar] = (),
    realized: Realized | None = None,
) -> Task:
    """The task answered by output ``field`` of ``answer_step``, asked by ``question``: the one builder of both
    policies, so their tasks have the same typed answer, required steps, call graph and pattern. ``realized`` gives
    the answer's text and tolerance when the question states a rounding."""
    tool = tools[steps[answer_step].tool_name]
    port = get_port(tool.outputs[field].port)
    value = (steps[answer_step].output or {})[field]
    required = required_steps(steps, answer_step)
    if port.answer_type == "number":
        tolerance, kind = (realized.tolerance, realized.tolerance_kind) if realized else (None, None)
        if tolerance is None or kind is None:
            tolerance, kind = number_tolerance(float(value) if isinstance(value, (int, float)) else math.nan)
    else:
        tolerance, kind = None, "exact_case" if port.case_sensitive else "exact"
    return Task(
        task_id=stable_id("task", trace.trace_id, round_index, answer_step, field),
        trace_id=trace.trace_id,
        toolset_id=trace.toolset_id,
        domain=trace.domain,
        diversity=trace.diversity,
        round=round_index,
        question=question,
        answer=value,
        answer_text=realized.answer_text if realized else format_value(value),
        answer_type=port.answer_type,
        tolerance=tolerance,
        pattern=classify_pattern(steps, tools, required),
        required_steps=required,
        call_graph=call_graph(steps, required),
        answer_step=answer_step,
        answer_field=field,
        derived_by=derived_by,
        seed_value=trace.seed_value,
        topology=topology_signature(steps, tools, answer_step, set(required)),
        exemplar_ids=[e.id for e in exemplars],
        tolerance_kind=kind,
        answer_unit=answer_unit(steps, tools, answer_step, field) if port.answer_type in NUMERIC_TYPES else None,
        ordered=asks_order(question) if port.answer_type == "list" else None,
    )


def answer_unit(steps: Mapping[int, Step], tools: Mapping[str, ToolSpec], step_index: int, field: str) -> str | None:
    """The unit a numeric answer is in, as the question asks it: the field's quantity for this call (a currency a
    parameter names), or for a general tool's result in its operands' unit, theirs (a ratio has none); None for a
    count or a value that is not a quantity."""
    step = steps[step_index]
    declared = tools[step.tool_name].outputs[field].resolved_quantity()
    if declared is None:
        return None
    unit = declared.resolved(step.arguments).unit
    if unit == OPERAND:
        units = set()
        for prov in step.provenance.values():
            if prov.produced and prov.field and prov.formula != "{0} / {1}":
                units |= {answer_unit(steps, tools, s, prov.field) for s in prov.sources if s in steps}
        unit = units.pop() if len(units) == 1 else None
    return None if unit in (None, "count") else unit


_AGGREGATORS = ("aggregate", "sum", "mean", "sort", "rank", "top_k", "percentile", "count")


def classify_pattern(steps: Mapping[int, Step], tools: Mapping[str, ToolSpec], required: list[int]) -> str:
    """Name the call graph's shape: single, chain, parallel, compare, aggregate or iterative."""
    if len(required) == 1:
        return "single"
    edges = call_graph(steps, required)
    parents: dict[int, int] = {}
    for _, consumer in edges:
        parents[consumer] = parents.get(consumer, 0) + 1
    fan_in = [i for i, n in parents.items() if n >= 2]
    if fan_in:
        sink = tools[steps[max(fan_in)].tool_name]
        if sink.name == "calculator":  # a formula over two quantities compares them; over more, aggregates
            return "compare" if parents[max(fan_in)] == 2 else "aggregate"
        if sink.domain == GENERAL_DOMAIN and ("compare" in sink.name or "set_operations" in sink.name):
            return "compare"
        if sink.domain == GENERAL_DOMAIN and any(w in sink.name for w in _AGGREGATORS):
            return "aggregate"
        return "parallel"
    names = [steps[i].tool_name for i in required]
    if len(set(names)) < len(names):
        return "iterative"
    return "chain"


def _stated_texts(steps: Mapping[int, Step], tools: Mapping[str, ToolSpec], required: list[int]) -> set[str]:
    """Lower-cased text of every value the question states (seed and samples) for these steps."""
    out: set[str] = set()
    for index in required:
        step = steps[index]
        for name, value in step.arguments.items():
            prov = step.provenance.get(name)
            if prov is None or not prov.produced:
                out.add(format_value(value).lower())
    return out


def _default(tool: ToolSpec, param: str) -> Any:
    field = tool.params.model_fields.get(param)
    return None if field is None else field.get_default(call_default_factory=True)
