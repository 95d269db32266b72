"""Evidence collection with the embedded policy: real tool calls chained on typed ports.

The policy starts from a seed entity and, at each step, calls a tool of the sampled toolset whose
parameters it can fill from values it already holds (the seed or earlier outputs, same port) or from
the parameter's documented samples. It prefers tools that consume the newest output, so traces form
chains; every argument records its provenance so derivation and verification can prove entailment.
Deterministic for a given seed; no network, no LLM.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from dive_assets.synthesis.partition_state import RARE_TOOL_WEIGHT, PartitionTasks, StepGraphs
from dive_assets.synthesis.policy.known import Known, KnownView, PlannedCall, SideFit, is_scalar, is_scalar_list
from dive_assets.synthesis.policy.plans import plan_call, plan_sibling
from dive_assets.synthesis.records import Provenance, Step
from tool_catalog.ports import LIST_PORTS, get_port
from tool_catalog.runtime import ToolCaller, call_tool
from tool_catalog.spec import GENERAL_DOMAIN, ToolSpec

POLICY_NAME = "embedded-v1"


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
            held = KnownView(self.known, self.steps)  # every tool is planned against the same values at this step
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
                # evidence for a later fan-in) instead of ending it on a repeated call graph because a round found no
                # call to make
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
                if is_scalar(value) or (out.port in LIST_PORTS and is_scalar_list(value)):
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
        (seed entities recur, so the same refused call would come back)."""
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
