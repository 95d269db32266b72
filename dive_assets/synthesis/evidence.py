"""Evidence collection with the embedded policy: real tool calls chained on typed ports.

The policy starts from a seed entity and, at each step, calls a tool of the sampled toolset whose
parameters it can fill from values it already holds (the seed or earlier outputs, same port) or from
the parameter's documented samples. It prefers tools that consume the newest output, so traces form
chains; every argument records its provenance so derivation and verification can prove entailment.
Deterministic for a given seed; no network, no LLM.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, TypeVar

from dive_assets.synthesis.derivation import RARE_TOOL_WEIGHT, PartitionTasks, StepGraphs
from dive_assets.synthesis.formulas import FORMULAS, fill, fits, operand_count
from dive_assets.synthesis.records import Provenance, Step
from dive_assets.synthesis.splitting import entity_port, value_held_out
from tool_catalog.ports import LIST_PORTS, get_port
from tool_catalog.runtime import ToolResult, call_tool
from tool_catalog.spec import GENERAL_DOMAIN, ToolSpec

POLICY_NAME = "embedded-v1"
_T = TypeVar("_T")
ToolCaller = Callable[[str, Any, float | None], ToolResult]
SideFit = Callable[[str, Any], bool]
"""Whether a value stated on a port (a sample, not the seed or an output) keeps the trace's tasks on its side of
the split (``splitting.value_held_out``); the policy prefers such values and takes others only when none fits."""


@dataclass(frozen=True)
class TraceSide:
    """The :data:`SideFit` of a trace whose seed is on the test side (``test``) or not.

    The sides are not symmetric: a training question must state no held-out value, a test question one at least
    (``splitting.question_held_out``). So once a test trace's call states a held-out number, date or list, its
    other such parameters may take any sample (a held-out regression had two held-out lists among nine samples, and
    stated the same pair in every test trace: identical questions, failing the duplicate check)."""

    seed: int
    test: bool

    def __call__(self, port_name: str, value: Any) -> bool:
        return value_held_out(port_name, value, self.seed) == self.test


@dataclass(frozen=True)
class Known:
    """A typed value the policy holds, with where it came from."""

    port: str
    value: Any
    provenance: Provenance
    order: int
    tool: str | None = None
    general: bool = False  # produced by a general tool (arithmetic, lists): not fed into another general tool


class KnownView(Sequence[Known]):
    """The values a trace holds, with the filters the planners ask for worked out once per planning step.

    Every tool of the toolset is planned against the same held values at each step (27 tools, ~15 steps a trace),
    and the list tools each grouped every value again: 2M list-item tests per 600 traces. Results are shared, so
    callers must not change the lists they get."""

    def __init__(self, known: Sequence[Known]) -> None:
        self._known = known
        self._memo: dict[tuple[str, str], Any] = {}

    def __len__(self) -> int:
        return len(self._known)

    def __getitem__(self, index: Any) -> Any:
        return self._known[index]

    def __iter__(self) -> Iterator[Known]:
        return iter(self._known)

    def _cached(self, kind: str, port_name: str, make: Callable[[], Any]) -> Any:
        key = (kind, port_name)
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def of_port(self, port_name: str) -> list[Known]:
        return self._cached("port", port_name, lambda: [k for k in self._known if k.port == port_name])

    def step_values(self, port_name: str) -> list[Known]:
        """Values of the port that a domain step produced."""
        return self._cached(
            "step",
            port_name,
            lambda: [k for k in self.of_port(port_name) if k.provenance.source == "step" and not k.general],
        )

    def step_groups(self, port_name: str) -> list[list[Known]]:
        return self._cached("step groups", port_name, lambda: _groups(self.step_values(port_name)))

    def list_items(self, list_port: str) -> list[Known]:
        """Values that can be one item of a list argument of this port (:func:`_list_item_fits`)."""
        return self._cached("items", list_port, lambda: [k for k in self._known if _list_item_fits(list_port, k)])

    def item_groups(self, list_port: str) -> list[list[Known]]:
        return self._cached("item groups", list_port, lambda: _groups(self.list_items(list_port)))


def _view(known: Sequence[Known]) -> KnownView:
    return known if isinstance(known, KnownView) else KnownView(known)


@dataclass(frozen=True)
class PlannedCall:
    tool: ToolSpec
    arguments: dict[str, Any]
    provenance: dict[str, Provenance]
    newest_link: int
    depends_on: tuple[int, ...]
    stated_root: bool = False  # takes entities it could chain on from stated samples: a second root of the trace
    key: str = ""  # the call's identity (tool and arguments), set by _finish

    @property
    def call_key(self) -> str:
        return self.key or _call_key(self.tool.name, self.arguments)


class EmbeddedCollector:
    """The embedded policy's state across rounds: the values it holds, the calls made and their steps.

    Round k of DIVE's loop calls :meth:`collect` again with the current task's required steps as ``focus``:
    calls that consume those steps' outputs are preferred, so the evidence grows around the current task.
    ``kinds`` (from the sampled exemplars' topologies) says which tool kinds (R/P) to prefer, in order.
    ``fits`` (see :data:`SideFit`) steers stated samples to the trace's side of the train/test split.
    """

    def __init__(
        self,
        trace_id: str,
        tools: Sequence[ToolSpec],
        seed_port: str,
        seed_value: str,
        rng: random.Random,
        timeout_s: float,
        caller: ToolCaller = call_tool,
        entity_pool: dict[str, list[str]] | None = None,
        partition_usage: ToolUsage | None = None,
        fits: SideFit | None = None,
    ) -> None:
        self.trace_id = trace_id
        self.fits = fits
        self.tools = list(tools)
        self.by_name = {t.name: t for t in tools}
        self.rng = rng
        self.timeout_s = timeout_s
        self.caller = caller
        self.pool = entity_pool or {}
        self.known: list[Known] = [Known(seed_port, seed_value, Provenance(source="seed"), 0)]
        self.steps: list[Step] = []
        self.done: set[str] = set()
        self.used: dict[str, int] = {}
        self.failed: dict[str, int] = {}
        self.partition_usage = partition_usage if partition_usage is not None else ToolUsage()
        self.productive = productive_tools(self.tools)
        self.graphs = StepGraphs()  # per step: the call graph a task answered by it would have

    def collect(
        self, n_steps: int, round_index: int = 1, focus: Collection[int] = (), kinds: Sequence[str] = ()
    ) -> list[Step]:
        """Make up to ``n_steps`` more real calls; returns the new steps."""
        new: list[Step] = []
        for _attempt in range(2 * n_steps):  # a failed call does not use up the round (at most 2x attempts)
            offset = sum(st.ok for st in new)
            if offset >= n_steps:
                break
            held = KnownView(self.known)  # every tool is planned against the same values at this step
            candidates = [
                c
                for t in self.tools
                if (c := plan_call(t, held, self.rng, self.done, self.partition_usage.failing(t.name), self.fits))
                is not None
                and not self.partition_usage.refused(c)
            ]
            siblings = [
                c
                for st in self.steps
                if st.tool_name in self.by_name
                and (c := plan_sibling(st, self.by_name[st.tool_name], self.pool, self.rng, self.done, self.fits))
                is not None
            ]
            if siblings and (not candidates or self.rng.random() < 0.35):
                # with nothing else to call, the same call on another entity keeps the trace growing (parallel
                # evidence for a later fan-in) instead of ending it: in language/slice-fixed at 48k, 532 traces
                # ended on a repeated call graph because their fourth round found no call to make
                candidates.append(self.rng.choice(siblings))
            if not candidates:
                break
            want = kinds[offset] if offset < len(kinds) else None
            choice = _choose(
                candidates,
                self.used,
                self.known,
                self.rng,
                set(focus),
                want,
                self.partition_usage,
                self.productive,
                self.failed,
                self.graphs,
            )
            new.append(self._execute(choice, round_index))
        return new

    def record_task(self, answer_step: int) -> None:
        """Tell the partition this trace's final task (its call-graph shape and tools), so later traces avoid
        repeating the shape and favour the tools its tasks have hardly used."""
        self.partition_usage.tasks.record_final(self.graphs, answer_step)

    def _execute(self, choice: PlannedCall, round_index: int) -> Step:
        index = len(self.steps)
        self.done.add(choice.call_key)
        self.used[choice.tool.name] = self.used.get(choice.tool.name, 0) + 1
        result = self.caller(choice.tool.name, choice.arguments, self.timeout_s)
        step = Step(
            trace_id=self.trace_id,
            step_index=index,
            round=round_index,
            tool_name=choice.tool.name,
            arguments=choice.arguments,
            provenance=choice.provenance,
            output=result.output if result.ok else None,
            error_type=result.error_type,
            error=result.error,
            latency_ms=result.latency_ms,
            depends_on=list(choice.depends_on),
        )
        self.steps.append(step)
        self.graphs.add(choice.tool.name, choice.depends_on)
        self.partition_usage.record(choice.tool.name, step.ok)
        if step.error_type == "bad_input":
            self.partition_usage.refusals.add(choice.call_key)
        if not step.ok:
            self.failed[choice.tool.name] = self.failed.get(choice.tool.name, 0) + 1
        if step.ok and step.output is not None:
            for field, out in choice.tool.outputs.items():
                value = step.output.get(field)
                if _is_scalar(value) or (out.port in LIST_PORTS and _is_scalar_list(value)):
                    prov = Provenance(source="step", step=index, field=field)
                    general = choice.tool.domain == GENERAL_DOMAIN
                    self.known.append(Known(out.port, value, prov, index + 1, choice.tool.name, general))
        return step


def productive_tools(tools: Sequence[ToolSpec]) -> frozenset[str]:
    """Tools of a toolset with an output that another tool of the toolset takes (a chainable port)."""
    consumers: dict[str, set[str]] = {}
    for t in tools:
        for port_name in t.required_input_ports:
            consumers.setdefault(port_name, set()).add(t.name)
    return frozenset(t.name for t in tools if any(consumers.get(p, set()) - {t.name} for p in t.chainable_output_ports))


@dataclass
class ToolUsage:
    """Calls and failed calls per tool over a partition's earlier traces, shared by its collectors.

    The embedded policy prefers the partition's least-used tools (coverage of the whole pool and a long tail,
    DIVE's first diversity axis), avoids tools that keep failing on the arguments it can give them, and does not
    repeat a call a tool has refused."""

    calls: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    tasks: PartitionTasks = field(default_factory=PartitionTasks)  # shapes and tools of the final tasks so far
    refusals: set[str] = field(default_factory=set)  # calls a tool refused (bad_input) earlier in the partition

    def refused(self, plan: PlannedCall) -> bool:
        """True when the tool already refused exactly this call in the partition: making it again teaches nothing
        (38% of failed calls in a 48k run repeated an earlier refusal, because seed entities recur)."""
        return plan.call_key in self.refusals

    def record(self, tool: str, ok: bool) -> None:
        self.calls[tool] = self.calls.get(tool, 0) + 1
        if not ok:
            self.errors[tool] = self.errors.get(tool, 0) + 1

    def failing(self, tool: str) -> bool:
        """True when most of the tool's calls in the partition failed (after a few)."""
        calls = self.calls.get(tool, 0)
        return calls >= 5 and self.errors.get(tool, 0) > calls / 2

    def novelty(self, shape: str, tools: Iterable[str]) -> float:
        """The weight of a call-graph shape given the partition's earlier tasks (:meth:`PartitionTasks.novelty`)."""
        return self.tasks.novelty(shape, tools)

    def weights(self, names: Sequence[str]) -> list[float]:
        typical = sorted(self.calls.get(n, 0) for n in names)[len(names) // 2] if names else 0
        out = []
        for name in names:
            calls, errors = self.calls.get(name, 0), self.errors.get(name, 0)
            rarity = ((1 + typical) / (1 + calls)) ** 1.5
            success = (1 + calls - errors) / (1 + calls)
            out.append(rarity * max(success, 0.05))
        return out


def collect_evidence(
    trace_id: str,
    tools: Sequence[ToolSpec],
    seed_port: str,
    seed_value: str,
    rng: random.Random,
    max_steps: int,
    timeout_s: float,
    caller: ToolCaller = call_tool,
    entity_pool: dict[str, list[str]] | None = None,
) -> list[Step]:
    """One round of up to ``max_steps`` real tool calls starting from the seed entity.

    ``entity_pool`` (real values per port, e.g. the domain's seeds) lets the policy repeat a call on a
    second entity, so traces can hold parallel evidence for compare and iterative tasks.
    """
    collector = EmbeddedCollector(trace_id, tools, seed_port, seed_value, rng, timeout_s, caller, entity_pool)
    return collector.collect(max_steps)


def plan_call(
    tool: ToolSpec,
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    coherent_only: bool = False,
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """Fill every required parameter of ``tool``; None when impossible or when nothing links to evidence.

    Chainable ports (codes, dates, names ...) link to any held value of the same port. Generic numbers link
    only into general tools, and only as a *same-quantity fan-in*: every numeric operand is the same output
    field of the same tool on different entities (so "the larger of the elevation of airport LHR and the
    elevation of airport JFK", never "the larger of an elevation and 40").

    Stated values that go with linked ones (a subdivision name with a country code) come from a documented
    example with the same linked values when there is one. ``coherent_only`` (the tool keeps failing in this
    partition) replaces a mix no example vouches for by a whole documented example, as a new root. Stated values
    are preferably ones that ``fits`` (the trace's side of the split).
    """
    known = _view(known)
    chainable = [p for p in tool.required_params if get_port(tool.input_ports[p]).chainable]
    generic = [p for p in tool.required_params if p not in chainable]
    if tool.domain == GENERAL_DOMAIN and generic and not chainable:
        if any(tool.input_ports[p] == "math_expression" for p in generic):
            return _plan_formula(tool, generic, known, done)
        if any(get_port(tool.input_ports[p]).accepts for p in generic):
            return _plan_accepted(tool, generic, known, rng, done, fits)
        if any(tool.input_ports[p] in LIST_PORTS for p in generic):
            return _plan_list_fan_in(tool, generic, known, rng, done, fits)
        return (
            _plan_fan_in(tool, generic, known, rng, done)
            or _plan_on_quantity(tool, generic, known, rng, done, fits)
            or _plan_conversion(tool, generic, known, rng, done, fits)
        )
    arguments: dict[str, Any] = {}
    provenance: dict[str, Provenance] = {}
    links: list[int] = []
    depends: set[int] = set()
    for param in tool.required_params:
        port_name = tool.input_ports[param]
        options = known.of_port(port_name) if param in chainable else []
        options = [k for k in options if k.value not in arguments.values()]
        if options:
            newest = max(options, key=lambda k: k.order)
            pick = newest if rng.random() < 0.8 else rng.choice(options)
            arguments[param] = pick.value
            provenance[param] = pick.provenance
            links.append(pick.order)
            if pick.provenance.step is not None:
                depends.add(pick.provenance.step)
            continue
        value = _stated_value(tool, param, port_name, rng, arguments, fits)
        if value is None:
            return None
        arguments[param] = value
        provenance[param] = Provenance(source="sample")
    linked = [p for p in arguments if provenance[p].source != "sample"]
    stated = [p for p in arguments if provenance[p].source == "sample"]
    if links and stated and tool.examples:
        matching = [e for e in tool.examples if all(e.get(p) == arguments[p] for p in linked)]
        if matching:
            example = rng.choice(_prefer(matching, _example_fits(tool, stated, fits)))
            arguments.update({p: example[p] for p in stated if p in example})
        elif coherent_only:
            return _plan_example(tool, rng, done, fits)
    if not links:
        if tool.domain == GENERAL_DOMAIN:
            return None
        if chainable and tool.examples:
            return _plan_example(tool, rng, done, fits)
        # A computation over stated quantities only (a clinical score, a bond price ...), or a tool that nothing
        # held can feed yet (a due date from a stated date): called on documented samples, rarely (see _choose).
        plan = _finish(tool, arguments, provenance, 0, set(), done)
        return plan if plan is None or not chainable else replace(plan, stated_root=True)
    return _finish(tool, arguments, provenance, max(links), depends, done)


def _plan_example(
    tool: ToolSpec, rng: random.Random, done: set[str], fits: SideFit | None = None
) -> PlannedCall | None:
    """A documented example call (coherent stated values) as a new root of the trace; a tool of one parameter
    may also start from any documented sample of it (a sparse-table tool has 2 examples but 5 tabulated samples:
    roots that repeat the 2 examples die as near duplicates)."""
    options = [dict(e) for e in tool.examples]
    if len(tool.required_params) == 1:
        param = tool.required_params[0]
        options += [{param: s} for s in tool.param_samples(param) if {param: s} not in options]
    if not options:
        return None
    example = rng.choice(_prefer(options, _example_fits(tool, tool.required_params, fits)))
    plan = _finish(tool, example, {p: Provenance(source="sample") for p in example}, 0, set(), done)
    return None if plan is None else replace(plan, stated_root=True)


def _plan_fan_in(
    tool: ToolSpec, params: list[str], known: Sequence[Known], rng: random.Random, done: set[str]
) -> PlannedCall | None:
    """Feed one quantity measured on several entities into a general tool (compare, sum, change ...)."""
    ports = {tool.input_ports[p] for p in params}
    if len(ports) != 1 or len(params) < 2:
        return None
    held = (
        k
        for k in known
        if k.port in ports and k.provenance.source == "step" and isinstance(k.value, (int, float)) and not k.general
    )
    usable = [g for g in _groups(held) if len(g) >= len(params)]
    if not usable:
        return None
    chosen = max(usable, key=lambda g: g[-1].order)[-len(params) :]  # the newest entities, in step order
    if rng.random() < 0.5:
        chosen.reverse()
    arguments = {p: k.value for p, k in zip(params, chosen, strict=True)}
    provenance = {p: k.provenance for p, k in zip(params, chosen, strict=True)}
    depends = {k.provenance.step for k in chosen if k.provenance.step is not None}
    return _finish(tool, arguments, provenance, max(k.order for k in chosen), depends, done)


def _plan_formula(tool: ToolSpec, params: list[str], known: Sequence[Known], done: set[str]) -> PlannedCall | None:
    """A calculator expression over one quantity measured on 2-3 entities ("the ratio of the X of A to the X of
    B"): the formula comes from formulas.py, its operands are the newest same-field group of earlier steps."""
    if len(params) != 1:
        return None
    groups = [g for g in _view(known).item_groups("number_list") if len(g) >= 2]
    if not groups:
        return None
    group = max(groups, key=lambda g: g[-1].order)
    # One formula and operand order per group (drawn from the group's evidence, not the trace's rng): like compare
    # or sum, the calculator is called once on the same evidence, not once per formula.
    pick = random.Random(zlib.crc32(repr([(k.provenance.step, k.value) for k in group]).encode()))
    formula = pick.choice([f for f in FORMULAS if operand_count(f) <= len(group)])
    chosen = group[-operand_count(formula) :]
    if pick.random() < 0.5:
        chosen.reverse()
    values = [k.value for k in chosen]
    if not fits(formula, values):
        return None
    steps = [k.provenance.step for k in chosen if k.provenance.step is not None]
    field = chosen[0].provenance.field
    provenance = {params[0]: Provenance(source="expression", steps=steps, field=field, formula=formula)}
    arguments = {params[0]: fill(formula, values)}
    return _finish(tool, arguments, provenance, max(k.order for k in chosen), set(steps), done)


def _plan_accepted(
    tool: ToolSpec,
    params: list[str],
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """A general tool whose port accepts a name produced by an earlier step (search for the name of the country
    where airport X is located); other required parameters from documented samples."""
    arguments: dict[str, Any] = {}
    provenance: dict[str, Provenance] = {}
    pick: Known | None = None
    for param in params:
        accepts = get_port(tool.input_ports[param]).accepts
        held = [k for k in known if k.port in accepts and k.provenance.source == "step" and not k.general]
        held = [k for k in held if isinstance(k.value, str) and k.value.strip()]
        if accepts and pick is None and held:
            pick = max(held, key=lambda k: k.order) if rng.random() < 0.8 else rng.choice(held)
            arguments[param], provenance[param] = pick.value, pick.provenance
            continue
        value = _stated_value(tool, param, tool.input_ports[param], rng, arguments, fits)
        if value is None:
            return None
        arguments[param], provenance[param] = value, Provenance(source="sample")
    if pick is None or pick.provenance.step is None:
        return None
    return _finish(tool, arguments, provenance, pick.order, {pick.provenance.step}, done)


def _list_item_fits(list_port: str, k: Known) -> bool:
    """Can this held value be one item of a list argument (a measured quantity for numbers, a name for strings, a
    fact for true/false values)?"""
    if k.provenance.source != "step" or k.general:
        return False
    info = get_port(k.port)
    if list_port == "boolean_list":  # "how many of these statements are true"
        return isinstance(k.value, bool) and info.answer_type == "boolean"
    if isinstance(k.value, bool):
        return False
    if list_port == "number_list":
        return isinstance(k.value, (int, float)) and info.answer_type in ("number", "integer") and not info.chainable
    return isinstance(k.value, str) and info.answer_type == "string"  # names, not codes or encodings


def _plan_list_fan_in(
    tool: ToolSpec,
    params: list[str],
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """Fill a general list tool (aggregate, sort, top-k, rank, set operations) from earlier steps.

    A single list parameter takes one quantity measured on 3-5 entities (the same output field of the same tool,
    one item per step: "the median of the X of A, the X of B and the X of C"), or else one list-valued output.
    Two list parameters (set operations) take the same list-valued output of two entities. Other parameters
    are an item of the list ("the rank of the X of A among ...") or a documented sample."""
    lists = [p for p in params if tool.input_ports[p] in LIST_PORTS]
    arguments: dict[str, Any] = {}
    provenance: dict[str, Provenance] = {}
    items: list[Known] = []
    if len(lists) == 2:
        port_name = tool.input_ports[lists[0]]
        groups = _view(known).step_groups(port_name)
        pairs = [g for g in groups if len(g) >= 2]
        if not pairs:
            return None
        chosen = sorted(max(pairs, key=lambda g: g[-1].order)[-2:], key=lambda k: k.order)
        if rng.random() < 0.5:
            chosen.reverse()
        for param, k in zip(lists, chosen, strict=True):
            arguments[param], provenance[param] = k.value, k.provenance
        items = chosen
    elif len(lists) == 1:
        param, port_name = lists[0], tool.input_ports[lists[0]]
        quantities = [g for g in _view(known).item_groups(port_name) if len(g) >= 3]
        whole = _view(known).step_values(port_name)
        if quantities and (not whole or rng.random() < 0.8):
            group = max(quantities, key=lambda g: g[-1].order)
            items = group[-rng.randint(3, min(5, len(group))) :]
            steps = [k.provenance.step for k in items if k.provenance.step is not None]
            arguments[param] = [k.value for k in items]
            provenance[param] = Provenance(source="steps", steps=steps, field=items[0].provenance.field)
        elif whole:
            pick = max(whole, key=lambda k: k.order)
            arguments[param], provenance[param] = pick.value, pick.provenance
            items = [pick]
        else:
            return None
    else:
        return None
    for param in params:
        if param in arguments:
            continue
        port_name = tool.input_ports[param]
        scalars = [k for k in items if not isinstance(k.value, list)]
        if param == "value" and port_name == "number" and scalars and tool.input_ports[lists[0]] == "number_list":
            pick = rng.choice(scalars)  # the value to place among the list ("the rank of the X of A among ...")
            arguments[param], provenance[param] = pick.value, pick.provenance
            continue
        size = len(arguments[lists[0]])
        if port_name == "integer":
            if size < 3:
                return None
            counts = _on_side(range(2, size), fits, port_name)
            value: Any = rng.choice(counts)  # a count within the list ("the 2 largest of ...")
        else:
            value = _stated_value(tool, param, port_name, rng, arguments, fits)
        if value is None:
            return None
        arguments[param], provenance[param] = value, Provenance(source="sample")
    depends = {k.provenance.step for k in items if k.provenance.step is not None}
    return _finish(tool, arguments, provenance, max(k.order for k in items), depends, done)


def _plan_on_quantity(
    tool: ToolSpec,
    params: list[str],
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """One quantity from a step plus stated whole numbers ("the X of A rounded to 3 significant digits")."""
    numbers = [p for p in params if tool.input_ports[p] == "number"]
    if len(numbers) != 1 or any(tool.input_ports[p] != "integer" for p in params if p not in numbers):
        return None
    # a measured quantity with a fractional part (rounding a count or a rank says nothing)
    held = [k for k in _view(known).list_items("number_list") if isinstance(k.value, float)]
    held = [k for k in held if not k.value.is_integer()]
    if not held:
        return None
    pick = max(held, key=lambda k: k.order)
    arguments: dict[str, Any] = {numbers[0]: pick.value}
    provenance = {numbers[0]: pick.provenance}
    for param in params:
        if param not in arguments:
            value = _stated_value(tool, param, tool.input_ports[param], rng, arguments, fits)
            if value is None:
                return None
            arguments[param], provenance[param] = value, Provenance(source="sample")
    depends = {pick.provenance.step} if pick.provenance.step is not None else set()
    return _finish(tool, arguments, provenance, pick.order, depends, done)


# Units of measured quantities, read off the output field's name (``elevation_ft``), with sensible targets.
FIELD_UNITS: dict[str, tuple[str, tuple[str, ...]]] = {
    "_ft": ("foot", ("meter",)),
    "_m": ("meter", ("foot", "kilometer")),
    "_km": ("kilometer", ("mile", "nautical_mile")),
    "_km2": ("kilometer ** 2", ("mile ** 2",)),
    "_au": ("astronomical_unit", ("kilometer",)),
    "_angstrom": ("angstrom", ("nanometer", "picometer")),
    "_nm": ("nanometer", ("angstrom", "micrometer")),
    "_kpa": ("kilopascal", ("psi", "atmosphere")),
    "_pa": ("pascal", ("kilopascal", "millibar")),
    "_c": ("degC", ("degF",)),
    "_kg": ("kilogram", ("pound",)),
    "_hours": ("hour", ("minute",)),
    "_ev": ("electron_volt", ("attojoule",)),
}


def field_unit(field_name: str) -> tuple[str, tuple[str, ...]] | None:
    """(unit, conversion targets) of a quantity whose output field names its unit, else None."""
    for suffix, unit in FIELD_UNITS.items():
        if field_name.endswith(suffix):
            return unit
    return None


def _plan_conversion(
    tool: ToolSpec,
    params: list[str],
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """A measured quantity in another unit ("the elevation in feet of airport LHR (in foot) in meter")."""
    numbers = [p for p in params if tool.input_ports[p] == "number"]
    units = [p for p in params if tool.input_ports[p] == "unit"]
    if len(numbers) != 1 or len(units) != 2 or len(params) != 3:
        return None
    held = [k for k in _view(known).list_items("number_list") if field_unit(k.provenance.field or "")]
    if not held:
        return None
    pick = max(held, key=lambda k: k.order)
    unit, targets = field_unit(pick.provenance.field or "") or ("", ())
    target = rng.choice(_on_side(targets, fits, "unit"))
    arguments = {numbers[0]: pick.value, units[0]: unit, units[1]: target}
    provenance = {
        numbers[0]: pick.provenance,
        units[0]: Provenance(source="sample"),
        units[1]: Provenance(source="sample"),
    }
    depends = {pick.provenance.step} if pick.provenance.step is not None else set()
    return _finish(tool, arguments, provenance, pick.order, depends, done)


def _groups(held: Iterable[Known]) -> list[list[Known]]:
    """Held values grouped by the (tool, output field) that produced them, one per step, oldest first."""
    groups: dict[tuple[str, str], dict[int, Known]] = {}
    for k in held:
        if k.provenance.step is not None:
            groups.setdefault((k.tool or "", k.provenance.field or ""), {}).setdefault(k.provenance.step, k)
    return [sorted(g.values(), key=lambda k: k.order) for g in groups.values()]


def plan_sibling(
    step: Step,
    tool: ToolSpec,
    entity_pool: dict[str, list[str]],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """The same call on another entity of the same port (parallel evidence for compare/iterative tasks).

    A stand-alone call on one stated value (an identifier check, a year's calendar facts) gets a sibling on
    another documented sample, so its outputs can be compared or counted over several entities too."""
    linked = [p for p, prov in step.provenance.items() if prov.source in ("seed", "step")]
    if not step.ok:
        return None
    if not linked and tool.domain != GENERAL_DOMAIN and len(step.arguments) == 1 == len(tool.required_params):
        linked = list(step.arguments)
    if len(linked) != 1:
        return None
    param = linked[0]
    port_name = tool.input_ports[param]
    pool = [v for v in (tool.param_samples(param) or entity_pool.get(port_name, [])) if v != step.arguments[param]]
    if not pool:
        return None
    options = _on_side(pool, fits, port_name)
    provenance = {**step.provenance, param: Provenance(source="sample")}
    for _attempt in range(3):  # an entity already called on is drawn again, up to three times
        plan = _finish(tool, {**step.arguments, param: rng.choice(options)}, provenance, 0, set(), done)
        if plan is not None:
            return plan
    return None


def _finish(
    tool: ToolSpec,
    arguments: dict[str, Any],
    provenance: dict[str, Provenance],
    newest_link: int,
    depends: set[int],
    done: set[str],
) -> PlannedCall | None:
    try:
        model = tool.params.model_validate(arguments)
    except ValueError:
        return None
    # Seeds are strings: a numeric parameter gets the number itself, so the recorded call matches the schema.
    props = tool.parameters_schema.get("properties", {})
    arguments = {
        k: getattr(model, k) if isinstance(v, str) and props.get(k, {}).get("type") in ("integer", "number") else v
        for k, v in arguments.items()
    }
    key = _call_key(tool.name, arguments)
    if key in done:
        return None
    return PlannedCall(tool, arguments, provenance, newest_link, tuple(sorted(depends)), key=key)


def _stated_value(
    tool: ToolSpec,
    param: str,
    port_name: str,
    rng: random.Random,
    taken: dict[str, Any],
    fits: SideFit | None = None,
) -> Any:
    samples = [s for s in tool.param_samples(param) if s not in taken.values()]
    if isinstance(fits, TraceSide) and fits.test and not entity_port(port_name):
        stated = [(tool.input_ports[p], v) for p, v in taken.items() if v in tool.param_samples(p)]
        if any(not entity_port(port) and fits(port, v) for port, v in stated):
            fits = None  # the call states a held-out value already: this one may be any sample
    lengths = {len(v) for v in taken.values() if isinstance(v, list)}
    if lengths:  # paired lists (x and y, values and weights) are as long as the list already stated
        samples = [s for s in samples if isinstance(s, list) and len(s) in lengths] or samples
    if samples:
        return rng.choice(_on_side(samples, fits, port_name))
    if port_name not in ("date", "year"):
        return None
    value: Any = None
    for _ in range(10):  # a few draws for one on the trace's side
        if port_name == "date":
            value = (dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(0, 20 * 365))).isoformat()
        else:
            value = rng.randrange(2000, 2025)
        if fits is None or fits(port_name, value):
            break
    return value


def _prefer(values: Iterable[_T], fits: Callable[[_T], bool] | None) -> list[_T]:
    """The values on the trace's side of the split, or all of them when none is (or no side is asked for)."""
    every = list(values)
    return every if fits is None else ([v for v in every if fits(v)] or every)


def _on_side(values: Iterable[_T], fits: SideFit | None, port_name: str) -> list[_T]:
    """The values stated on ``port_name`` that keep the trace's side of the split, or all when none does."""
    return _prefer(values, None if fits is None else partial(fits, port_name))


def _example_fits(
    tool: ToolSpec, params: Iterable[str], fits: SideFit | None
) -> Callable[[dict[str, Any]], bool] | None:
    """Whether an example's stated values (those of ``params``) are all on the trace's side."""
    if fits is None:
        return None
    names = list(params)
    return lambda e: all(fits(tool.input_ports[p], e[p]) for p in names if p in e and p in tool.input_ports)


STARVED_CALL_SHARE = 0.3
"""The share of steps that choose only among calls of starved tools when there are some (see ``_choose``)."""


def _choose(
    candidates: list[PlannedCall],
    used: dict[str, int],
    known: Sequence[Known],
    rng: random.Random,
    focus: set[int],
    want_kind: str | None,
    partition_usage: ToolUsage | None = None,
    productive: frozenset[str] = frozenset(),
    failed: dict[str, int] | None = None,
    graphs: StepGraphs | None = None,
) -> PlannedCall:
    usage = partition_usage or ToolUsage()
    if graphs is not None and usage.tasks.starving():
        # calls of a tool the partition starves (in fewer tasks than it wants, while the others average twice
        # RARE_TOOL_USES), or that build on one: on some steps, so such a tool is called and built on until used
        feeding = [c for c in candidates if usage.tasks.short(graphs.tools_of(c.tool.name, c.depends_on))]
        if feeding and rng.random() < STARVED_CALL_SHARE:
            candidates = feeding
    newest = max(k.order for k in known)
    spread = usage.weights([c.tool.name for c in candidates])
    weights = []
    for c, usage_weight in zip(candidates, spread, strict=True):
        weight = 4.0 if c.newest_link == newest else 1.0
        if c.newest_link == 0 and c.depends_on == ():  # a sibling call on a second entity
            weight = 2.0
        weight *= 0.25 ** used.get(c.tool.name, 0)
        if c.tool.domain == GENERAL_DOMAIN:
            weight = 6.0 if len(c.depends_on) >= 2 else 0.5
        elif c.stated_root:
            weight = 0.15  # a new root on stated entities (the seed's chain comes first)
        elif not any(get_port(p).chainable for p in c.tool.required_input_ports):
            weight = 0.3  # a stand-alone computation on stated values
        if focus and focus.intersection(c.depends_on):
            weight *= 3.0  # grow the evidence around the current task
        if want_kind is not None and (c.tool.kind == "retrieval") == (want_kind == "R"):
            weight *= 2.0  # the exemplar's R/P topology
        if c.tool.name in productive and c.tool.domain != GENERAL_DOMAIN:
            weight *= 3.0  # its outputs feed another tool of the toolset: evidence can go deeper
        weight *= 0.1 ** (failed or {}).get(c.tool.name, 0)  # it already failed on this trace's entities
        if graphs is not None:
            tools = graphs.tools_of(c.tool.name, c.depends_on)
            weight *= usage.novelty(graphs.shape_of(c.tool.name, c.depends_on), tools)  # a graph the partition lacks
            weight *= len(tools) ** 2  # DIVE's tool types per task
            if usage.tasks.rare(tools):  # builds on a tool the partition's tasks have hardly used (as derivation)
                weight *= RARE_TOOL_WEIGHT
        weights.append(weight * usage_weight)
    return rng.choices(candidates, weights=weights, k=1)[0]


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) and value != ""


def _is_scalar_list(value: Any) -> bool:
    return isinstance(value, list) and 0 < len(value) <= 50 and all(_is_scalar(v) for v in value)


def _call_key(tool: str, arguments: dict[str, Any]) -> str:
    return tool + json.dumps(arguments, sort_keys=True, default=str)
