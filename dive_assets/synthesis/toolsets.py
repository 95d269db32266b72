"""The sampled_toolsets stage: toolsets sampled on DIVE's two diversity axes.

*Tool-pool coverage*: a setting sees a fixed, seeded slice of the domain's pool (or all of it).
*Per-task toolset variety*: one toolset reused by every task, or a fresh random one per task.
A setting's *reach* (every tool its tasks can call) also decides which call graphs its narrower sibling partitions
claim (:func:`sibling_claims`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence

import polars as pl

from dive_assets.synthesis.config import DiversitySetting, Partition, RunSettings
from dive_assets.synthesis.records import Toolset, rng_for, stable_id
from dive_assets.synthesis.splitting import toolset_held_out
from tool_catalog.registry import domain_tools, general_tools
from tool_catalog.spec import ToolSpec

MAX_ATTEMPTS = 50
FIXED_CANDIDATES = 96
"""Draws a fixed setting compares before it keeps the toolset along which evidence chains furthest."""
SLICE_CANDIDATES = 24
"""Slices of the pool a coverage setting compares before it keeps the one along which evidence chains furthest."""


def seedable_tools(tools: Sequence[ToolSpec], seed_ports: set[str]) -> list[ToolSpec]:
    """Tools that can start a trace: a required parameter takes a port that has seed entities."""
    return [t for t in tools if any(t.input_ports.get(p) in seed_ports for p in t.required_params)]


def chain_reach(tools: Sequence[ToolSpec], seed_ports: set[str]) -> tuple[int, int]:
    """How far chained evidence can go in a toolset: (tools reachable from a seed entity through typed outputs,
    producer -> consumer pairs among the reachable tools)."""
    held = set(seed_ports)
    reached: list[ToolSpec] = []
    grew = True
    while grew:
        grew = False
        for t in tools:
            if t not in reached and t.required_input_ports & held:
                reached.append(t)
                held |= t.chainable_output_ports
                grew = True
    pairs = sum(1 for a in reached for b in reached if a is not b and a.chainable_output_ports & b.required_input_ports)
    return len(reached), pairs


def best_fixed_toolset(
    draws: Sequence[list[str]],
    pool: Sequence[ToolSpec],
    seed_ports: set[str],
    domain: str,
    extras: list[str],
    seed: int,
) -> list[str]:
    """The draw a fixed setting keeps: never the held-out (test-only) toolset, which would leave the partition
    without a training task, then the one along which evidence chains furthest (:func:`chain_reach`)."""
    by_name = {t.name: t for t in pool}

    def rank(names: list[str]) -> tuple[bool, int, int]:
        trainable = not toolset_held_out(stable_id("ts", domain, names + extras), seed)
        return (trainable, *chain_reach([by_name[n] for n in names], seed_ports))

    return max(draws, key=rank)


def pool_slice(tools: Sequence[ToolSpec], setting: DiversitySetting, seed: int, seed_ports: set[str]) -> list[ToolSpec]:
    """The part of the domain pool a setting may draw from (coverage axis).

    The slice depends on the pool fraction, not on the setting's name, so two settings with the same
    coverage see the same slice and differ only in toolset variety. Of ``SLICE_CANDIDATES`` random slices it
    keeps the one along which evidence chains furthest (:func:`chain_reach`), as a fixed setting keeps its
    toolset: a poorly connected slice reaches few of its tools, and its tasks are mostly the same few fan-ins.
    """
    ordered = sorted(tools, key=lambda t: t.name)
    if setting.pool_fraction >= 1.0 or len(ordered) <= setting.min_pool_tools:
        return ordered
    size = min(len(ordered), max(setting.min_pool_tools, math.ceil(len(ordered) * setting.pool_fraction)))
    domain = ordered[0].domain
    slices = []
    for attempt in range(MAX_ATTEMPTS):
        rng = rng_for(seed, domain, "pool", setting.pool_fraction, setting.min_pool_tools, attempt)
        chosen = sorted(rng.sample(ordered, size), key=lambda t: t.name)
        if seedable_tools(chosen, seed_ports):
            slices.append(chosen)
            if len(slices) == SLICE_CANDIDATES:
                break
    if not slices:
        raise ValueError(f"no slice of {size} tools in domain {domain!r} contains a tool that accepts a seed entity")
    return max(slices, key=lambda chosen: chain_reach(chosen, seed_ports))


def sample_toolsets(
    domain: str,
    setting: DiversitySetting,
    domain_pool: Sequence[ToolSpec],
    general: Sequence[ToolSpec],
    seed_ports: set[str],
    n_tasks: int,
    seed: int,
) -> tuple[list[Toolset], list[str]]:
    """Sample toolsets for ``n_tasks`` tasks; returns the unique toolsets and each task's toolset id."""
    if not domain_pool:
        raise ValueError(f"domain {domain!r} has no tools in the catalog")
    if not seedable_tools(domain_pool, seed_ports):
        raise ValueError(f"no tool of domain {domain!r} accepts one of its seed ports {sorted(seed_ports)}")
    pool = pool_slice(domain_pool, setting, seed, seed_ports)
    low, high = setting.toolset_size
    low, high = min(low, len(pool)), min(high, len(pool))
    extras = sorted(t.name for t in general) if setting.include_general else []

    included: dict[str, int] = {}

    def pick(rng: random.Random, options: list[ToolSpec]) -> ToolSpec:
        """Rarely included tools first, so toolsets cover the whole pool as the task count grows."""
        weights = [1.0 / (1 + included.get(t.name, 0)) for t in options]
        return rng.choices(options, weights=weights, k=1)[0]

    def draw(rng: random.Random, size: int) -> list[str]:
        """A random toolset grown along the typed tool graph: from a tool that takes a seed entity, each next
        tool is (3 times in 4) one that consumes an output of, or feeds an input of, a tool already chosen, so
        the toolset holds chains to execute; the rest are drawn from the whole slice."""
        chosen = [pick(rng, seedable_tools(pool, seed_ports))]
        while len(chosen) < size:
            taken = {t.name for t in chosen}
            rest = [t for t in pool if t.name not in taken]
            produced = set().union(*(t.chainable_output_ports for t in chosen))
            wanted = set().union(*(t.required_input_ports for t in chosen))
            linked = [t for t in rest if t.required_input_ports & produced or t.chainable_output_ports & wanted]
            chosen.append(pick(rng, linked if linked and rng.random() < 0.75 else rest))
        for t in chosen:
            included[t.name] = included.get(t.name, 0) + 1
        return sorted(t.name for t in chosen)

    toolsets: dict[str, Toolset] = {}
    assignment: list[str] = []
    fixed_names: list[str] | None = None
    for index in range(n_tasks):
        if setting.toolset_mode == "fixed":
            rng_seed_parts: tuple[object, ...] = (seed, domain, setting.key, "fixed")
            size = high
        else:
            rng_seed_parts = (seed, domain, setting.key, "task", index)
            size = rng_for(*rng_seed_parts, "size").randint(low, high)
        if setting.toolset_mode == "fixed":
            if fixed_names is None:  # one toolset for every task: the best connected of a few draws
                draws = [draw(rng_for(*rng_seed_parts, attempt), size) for attempt in range(FIXED_CANDIDATES)]
                fixed_names = best_fixed_toolset(draws, pool, seed_ports, domain, extras, seed)
            names = fixed_names
        else:
            names = draw(rng_for(*rng_seed_parts), size)
        toolset_id = stable_id("ts", domain, names + extras)
        if toolset_id not in toolsets:
            toolsets[toolset_id] = Toolset(
                toolset_id=toolset_id,
                domain=domain,
                diversity=setting.key,
                tool_names=names + extras,
                size=len(names) + len(extras),
                rng_seed=int(stable_id("s", *rng_seed_parts)[2:10], 16),
            )
        assignment.append(toolset_id)
    return list(toolsets.values()), assignment


def setting_reach(
    domain: str,
    setting: DiversitySetting,
    domain_pool: Sequence[ToolSpec],
    general: Sequence[ToolSpec],
    seed_ports: set[str],
    seed: int,
) -> frozenset[str]:
    """Every tool a setting's tasks can call: its one toolset when fixed, else its slice of the pool (with the
    general tools when it includes them). It depends on neither the task count nor any stored data."""
    if setting.toolset_mode == "fixed":
        toolsets, _ = sample_toolsets(domain, setting, domain_pool, general, seed_ports, 1, seed)
        return frozenset(toolsets[0].tool_names)
    extras = [t.name for t in general] if setting.include_general else []
    return frozenset([t.name for t in pool_slice(domain_pool, setting, seed, seed_ports)] + extras)


def sibling_claims(
    domain: str,
    setting: DiversitySetting,
    settings: Sequence[DiversitySetting],
    domain_pool: Sequence[ToolSpec],
    general: Sequence[ToolSpec],
    seed_ports: set[str],
    seed: int,
    reaches: Mapping[str, frozenset[str]] | None = None,
) -> tuple[frozenset[str], ...]:
    """The reaches (:func:`setting_reach`) of the domain's partitions that are narrower than this one: fewer
    tools, or as many and earlier in ``settings``. ``reaches`` (by setting key) are used when given, so a caller
    that needs them for :func:`reach_counts` too samples each setting's toolsets once.

    A call graph whose tools all lie in a narrower sibling's reach is one that sibling can make too, and it has
    fewer others to make: the partitions of a domain share its tools, so without claims many call graphs are made
    in more than one partition. The wider partition prefers its other new graphs. The claims are computed from the
    catalog, the settings and the seed alone, so a partition's rows do not depend on which other partitions were
    materialized, or in what order."""
    keys = [s.key for s in settings]
    if setting.key not in keys:
        return ()

    def reach(s: DiversitySetting) -> frozenset[str]:
        if reaches is not None:
            return reaches[s.key]
        return setting_reach(domain, s, domain_pool, general, seed_ports, seed)

    mine = (len(reach(setting)), keys.index(setting.key))
    return tuple(
        theirs
        for other in settings
        if other.key != setting.key and (len(theirs := reach(other)), keys.index(other.key)) < mine
    )


def reach_counts(reaches: Iterable[frozenset[str]]) -> dict[str, int]:
    """For every tool of the domain, in how many of its partitions' reaches (:func:`setting_reach`) it lies.

    A tool every partition can call needs few tasks in each for the dataset to use it ``RARE_TOOL_USES`` times; a
    tool only the widest partition reaches needs them all there. Like the claims, a function of the catalog, the
    settings and the seed alone."""
    counts: dict[str, int] = {}
    for reach in reaches:
        for name in reach:
            counts[name] = counts.get(name, 0) + 1
    return counts


def toolset_frame(partition: Partition, seed_ports: set[str], run: RunSettings) -> pl.DataFrame:
    """The partition's toolsets (``toolsets`` rows), each with the task slots that use it."""
    toolsets, assignment = sample_toolsets(
        partition.domain,
        partition.setting,
        domain_tools(partition.domain),
        general_tools(),
        seed_ports,
        run.tasks_per_partition,
        run.seed,
    )
    slots: dict[str, list[int]] = {}
    for index, toolset_id in enumerate(assignment):
        slots.setdefault(toolset_id, []).append(index)
    return pl.DataFrame(
        [{**ts.model_dump(), "task_slots": slots[ts.toolset_id]} for ts in toolsets],
        schema_overrides={"tool_names": pl.List(pl.String), "task_slots": pl.List(pl.Int32), "rng_seed": pl.Int64},
    )
