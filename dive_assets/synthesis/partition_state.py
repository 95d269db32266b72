"""A partition's task state, shared by evidence collection and derivation: call-graph shapes and tool use.

DIVE's diversity asks for unique call graphs and for every tool of the pool in tasks. The embedded policy and the
embedded derivation both weigh their choices by what the partition's earlier final tasks already have
(:class:`PartitionTasks`): a call-graph shape not made yet, a tool its tasks have hardly used. The derived-tasks
stage replays the same records from the stored traces, so derivation sees the same state the evidence loop saw.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping, Sequence

from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.records import Step
from dive_assets.synthesis.toolsets import reach_counts, setting_reach, sibling_claims
from tool_catalog.registry import domain_tools, general_tools, seed_sources


def call_shape(tool: str, depends_on: Sequence[int], shapes: Sequence[str] | Mapping[int, str]) -> str:
    """Isomorphism-invariant hash of the call graph that ends in a call of ``tool`` on the given steps' outputs.

    It hashes the tool with the sorted shapes of the steps it depends on (the graph unfolded into a tree from the
    answer step), so it costs one hash a call and equal graphs always get equal shapes."""
    text = tool + "(" + ",".join(sorted(shapes[i] for i in depends_on)) + ")"
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def step_shapes(steps: Sequence[Step]) -> dict[int, str]:
    """Per step index: the shape of the call graph of a task answered by that step (steps in execution order)."""
    shapes: dict[int, str] = {}
    for step in steps:
        shapes[step.step_index] = call_shape(step.tool_name, step.depends_on, shapes)
    return shapes


@dataclasses.dataclass
class StepGraphs:
    """Per step of a trace, the call graph of a task answered by that step: its shape (``call_shape``) and tools."""

    shapes: list[str] = dataclasses.field(default_factory=list)
    tools: list[frozenset[str]] = dataclasses.field(default_factory=list)

    @classmethod
    def of(cls, steps: Sequence[Step]) -> StepGraphs:
        """The graphs of a stored trace's steps (in execution order), as the evidence loop built them."""
        graphs = cls()
        for step in steps:
            graphs.add(step.tool_name, step.depends_on)
        return graphs

    def shape_of(self, tool: str, depends_on: Sequence[int]) -> str:
        return call_shape(tool, depends_on, self.shapes)

    def tools_of(self, tool: str, depends_on: Sequence[int]) -> frozenset[str]:
        return frozenset({tool}).union(*(self.tools[i] for i in depends_on))

    def add(self, tool: str, depends_on: Sequence[int]) -> None:
        self.shapes.append(self.shape_of(tool, depends_on))
        self.tools.append(self.tools_of(tool, depends_on))


UNSEEN_SHAPE_WEIGHT = 100.0


def shape_novelty(seen_shapes: Mapping[str, int], shape: str) -> float:
    """A weight for a call-graph shape: ``UNSEEN_SHAPE_WEIGHT`` when no earlier task of the partition has it, else
    1 / (1 + repeats)^3. Steep on purpose: in a fixed toolset a deep, seen shape otherwise outweighs every new one."""
    seen = seen_shapes.get(shape, 0)
    return UNSEEN_SHAPE_WEIGHT if seen == 0 else 1.0 / (1 + seen) ** 3


CLAIMED_SHAPE_WEIGHT = 10.0
"""The weight of a shape no earlier task of the partition has but a narrower sibling partition can make
(:attr:`PartitionTasks.claims`): below a graph nobody else can make, far above a repeat."""


RARE_TOOL_USES = 10


RARE_TOOL_WEIGHT = 4.0


STARVED_AFTER = 2
"""Tools are *starved* once the partition's tools average ``STARVED_AFTER * RARE_TOOL_USES`` tasks each
(:meth:`PartitionTasks.starving`); early in a partition every tool is rare, and favouring them all would cap depth."""


STARVED_USES = RARE_TOOL_USES
"""The tasks a starved tool is wanted in, shared among the domain's partitions that can call it."""


@dataclasses.dataclass
class PartitionTasks:
    """The partition's earlier final tasks, in task-slot order: how many had each call-graph shape and each tool.

    The evidence loop records every trace's final task here and the derived-tasks stage replays the same records
    from the stored traces, so derivation sees the same state in both. Derivation prefers shapes not made yet
    (DIVE's unique call graphs) and tasks that need a tool the partition's tasks have used under
    ``RARE_TOOL_USES`` times (every tool of the pool used, DIVE's coverage).

    ``claims`` are the tool reaches of the domain's narrower partitions (:func:`toolsets.sibling_claims`): a new
    shape whose tools all lie in one of them weighs ``CLAIMED_SHAPE_WEIGHT`` instead of ``UNSEEN_SHAPE_WEIGHT``,
    so the partitions of a domain make different graphs rather than the same ones. ``reach_counts`` says for a
    tool how many of the domain's partitions can call it (:func:`toolsets.reach_counts`; 1 when unknown): a
    starved tool is wanted in ``STARVED_USES`` tasks shared among them (:meth:`wanted`)."""

    shapes: dict[str, int] = dataclasses.field(default_factory=dict)
    tools: dict[str, int] = dataclasses.field(default_factory=dict)
    claims: tuple[frozenset[str], ...] = ()
    reach_counts: dict[str, int] = dataclasses.field(default_factory=dict)
    _uses: int = dataclasses.field(init=False, default=0, repr=False, compare=False)  # sum of tools, for starving()

    def novelty(self, shape: str, tools: Iterable[str]) -> float:
        """The weight of a task's call-graph shape (:func:`shape_novelty`), lowered for a new shape a narrower
        sibling partition can make."""
        weight = shape_novelty(self.shapes, shape)
        if weight == UNSEEN_SHAPE_WEIGHT and self.claims:
            needed = frozenset(tools)
            if any(needed <= reach for reach in self.claims):
                return CLAIMED_SHAPE_WEIGHT
        return weight

    def __post_init__(self) -> None:
        self._uses = sum(self.tools.values())  # kept by record(): starving() is asked on every policy step

    def record(self, shape: str, tools: Iterable[str]) -> None:
        self.shapes[shape] = self.shapes.get(shape, 0) + 1
        for tool in set(tools):
            self.tools[tool] = self.tools.get(tool, 0) + 1
            self._uses += 1

    def record_final(self, graphs: StepGraphs, answer_step: int) -> None:
        """Count the final task answered by ``answer_step`` (as the loop built its graphs, or as rebuilt from the
        stored steps by :meth:`StepGraphs.of`)."""
        self.record(graphs.shapes[answer_step], graphs.tools[answer_step])

    def rare(self, tools: Iterable[str]) -> bool:
        """Whether one of these tools is in fewer than ``RARE_TOOL_USES`` of the partition's tasks."""
        return any(self.tools.get(tool, 0) < RARE_TOOL_USES for tool in tools)

    def starving(self) -> bool:
        """Whether the partition's tools are in ``STARVED_AFTER * RARE_TOOL_USES`` of its tasks on average, so a tool
        still in fewer than ``RARE_TOOL_USES`` is starved: its calls rarely end up in a final task (a validity
        check, a calendar fact), and the deeper candidates and harder rounds keep passing it over."""
        return bool(self.tools) and self._uses >= STARVED_AFTER * RARE_TOOL_USES * len(self.tools)

    def wanted(self, tool: str) -> int:
        """The tasks this partition wants a starved tool in: its share of ``STARVED_USES``."""
        return -(-STARVED_USES // max(1, self.reach_counts.get(tool, 1)))

    def short(self, tools: Iterable[str]) -> set[str]:
        """Those of these tools in fewer of the partition's tasks than :meth:`wanted` (starved once
        :meth:`starving`)."""
        return {tool for tool in tools if self.tools.get(tool, 0) < self.wanted(tool)}

    def starved(self, tools: Iterable[str]) -> set[str]:
        """Those of these tools the partition starves (see :meth:`starving`)."""
        return self.short(tools) if self.starving() else set()


def partition_tasks(partition: Partition, run: RunSettings) -> PartitionTasks:
    """A partition's task state before its first trace: no tasks yet, the claims of its domain's narrower
    partitions (:func:`toolsets.sibling_claims`) and how many partitions reach each tool
    (:func:`toolsets.reach_counts`); neither when ``run.sibling_claims`` is off or the partition's setting is not one
    of the grid's (a study point). The evidence loop and the derived-tasks stage both start from it."""
    if not run.sibling_claims:
        return PartitionTasks()
    settings = partition.grid.settings
    setting = next((s for s in settings if s.key == partition.diversity), None)
    if setting is None:
        return PartitionTasks()
    domain = partition.domain
    seed_ports = {s.port for s in seed_sources(domain)}
    pool, general = domain_tools(domain), general_tools()
    reaches = {s.key: setting_reach(domain, s, pool, general, seed_ports, run.seed) for s in settings}
    claims = sibling_claims(domain, setting, settings, pool, general, seed_ports, run.seed, reaches)
    return PartitionTasks(claims=claims, reach_counts=reach_counts(reaches.values()))
