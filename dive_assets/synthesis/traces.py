"""The execution_traces stage: evidence collection for every task slot of a partition, in chunks.

Each trace runs DIVE's Evidence Collection -> Task Derivation loop: round k collects more real calls (the embedded
policy, :mod:`dive_assets.synthesis.policy.embedded`, or a model, :mod:`dive_assets.synthesis.policy.llm`) around
the task of round k-1, then derives a harder task (:func:`dive_assets.synthesis.tasks.derive_round`). The traces
are written chunk by chunk to a spool (:class:`~dive_assets.synthesis.spool.Spool`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import polars as pl

from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.derivation import DerivationError
from dive_assets.synthesis.exemplars import kinds_in_order, round_exemplars
from dive_assets.synthesis.frames import trace_frames
from dive_assets.synthesis.llm_client import LLMClient, LLMError, bounded_map, check_model
from dive_assets.synthesis.partition_state import partition_tasks
from dive_assets.synthesis.policy.embedded import POLICY_NAME, EmbeddedCollector, ToolUsage
from dive_assets.synthesis.policy.known import SideFit, TraceSide
from dive_assets.synthesis.policy.llm import collect_evidence_llm
from dive_assets.synthesis.records import Step, Task, Trace, rng_for, stable_id
from dive_assets.synthesis.splitting import seed_held_out, tool_held_out, toolset_held_out
from dive_assets.synthesis.spool import Spool
from dive_assets.synthesis.tasks import derive_round
from tool_catalog.registry import all_tools, get_tool
from tool_catalog.spec import GENERAL_DOMAIN, ToolSpec

TRACE_CHUNK = 500
"""Traces held as Python objects at a time. A trace object costs ~25x its rows in a polars frame, so the stages
keep the partition in frames and rebuild objects one chunk of traces at a time (memory grows with the frames)."""


def run_traces(
    partition: Partition,
    toolsets: pl.DataFrame,
    seeds: pl.DataFrame,
    run: RunSettings,
    client: LLMClient | None = None,
) -> list[Trace]:
    """Collect evidence for every task slot: the embedded policy, or the LLM when a client is given."""
    return [t for chunk in iter_trace_chunks(partition, toolsets, seeds, run, client) for t in chunk]


def iter_trace_chunks(
    partition: Partition,
    toolsets: pl.DataFrame,
    seeds: pl.DataFrame,
    run: RunSettings,
    client: LLMClient | None = None,
    chunk: int = TRACE_CHUNK,
    partition_usage: ToolUsage | None = None,
) -> Iterator[list[Trace]]:
    """:func:`run_traces` in chunks of ``chunk`` task slots (in slot order, with the same partition state carried
    over, so the traces are the same whatever the chunk size). ``partition_usage`` is that state (tool calls,
    refusals, task shapes); pass a fresh one to read it afterwards.

    With a client, the model is checked first (:func:`~dive_assets.synthesis.llm_client.check_model`): a model that
    cannot answer raises :class:`~dive_assets.synthesis.config.ConfigError` before any trace is collected."""
    if client is not None:
        check_model(client)
    domain, diversity = partition.domain, partition.diversity
    policy = POLICY_NAME if client is None else f"litellm:{client.model}"
    # slot -> row number; a slot's row is read when its trace is planned (not every row held as a dict).
    row_of: dict[int, int] = {}
    for index, task_slots in enumerate(toolsets.get_column("task_slots").to_list()):
        row_of.update(dict.fromkeys(task_slots, index))
    seeds_by_port: dict[str, list[str]] = {}
    for row in seeds.iter_rows(named=True):
        seeds_by_port.setdefault(row["port"], []).append(row["value"])
    used_seeds: set[str] = set()
    if partition_usage is None:
        partition_usage = ToolUsage(tasks=partition_tasks(partition, run))
    failed: dict[int, Trace] = {}

    def plan(slot: int) -> tuple[int, dict[str, Any], list[ToolSpec], Any, str, str, str] | None:
        toolset = toolsets.row(row_of[slot], named=True)
        tools = [get_tool(n) for n in toolset["tool_names"]]
        rng = rng_for(run.seed, domain, diversity, "trace", slot)
        ports = sorted({t.input_ports[p] for t in tools for p in t.required_params} & set(seeds_by_port))
        trace_id = stable_id("tr", domain, diversity, slot, run.seed, toolset["toolset_id"])
        if not ports:
            failed[slot] = _failed_trace(
                trace_id, toolset, domain, diversity, slot, policy, "no seed entity fits this toolset"
            )
            return None
        seed_port = _seed_port(ports, tools, partition_usage, rng)
        candidates = seeds_by_port[seed_port]
        if toolset_held_out(toolset["toolset_id"], run.seed):  # its tasks are test tasks: give them a test seed
            candidates = [v for v in candidates if seed_held_out(domain, v, run.seed)] or candidates
        seed_value = rng.choice(candidates)
        for _ in range(20):  # prefer an unused seed entity within the partition
            if seed_value not in used_seeds:
                break
            seed_value = rng.choice(candidates)
        used_seeds.add(seed_value)
        return (slot, toolset, tools, rng, trace_id, seed_port, seed_value)

    def collect(plan: tuple[int, dict[str, Any], list[ToolSpec], Any, str, str, str]) -> Trace:
        slot, toolset, tools, rng, trace_id, seed_port, seed_value = plan
        llm_error = None
        if client is None:
            side = seed_held_out(domain, seed_value, run.seed)
            if not side and not toolset_held_out(toolset["toolset_id"], run.seed):
                # a training trace: held-out tools stay out of it, so none of its tasks needs one
                tools = [t for t in tools if t.domain == GENERAL_DOMAIN or not tool_held_out(t.name, run.seed)]
            steps = _embedded_loop(
                trace_id, tools, seed_port, seed_value, rng, seeds_by_port, policy, run, partition_usage,
                fits=TraceSide(run.seed, side),
            )  # fmt: skip
        else:
            try:
                steps = _llm_loop(trace_id, tools, seed_port, seed_value, domain, client, policy, run)
            except LLMError as exc:
                steps, llm_error = [], f"{type(exc).__name__}: {exc}"
        ok_steps = sum(s.ok for s in steps)
        return Trace(
            trace_id=trace_id,
            toolset_id=toolset["toolset_id"],
            domain=domain,
            diversity=diversity,
            policy=policy,
            seed_port=seed_port,
            seed_value=seed_value,
            status="ok" if ok_steps else "failed",
            step_count=len(steps),
            task_slot=slot,
            error=None if ok_steps else (llm_error or _first_error(steps)),
            steps=steps,
        )

    slots, size = sorted(row_of), max(1, chunk)
    for start in range(0, len(slots), size):
        part = slots[start : start + size]
        if client is None:
            # The embedded policy runs slot by slot: each seed choice sees the partition's tool usage so far.
            collected = [collect(p) for slot in part if (p := plan(slot)) is not None]
        else:
            plans = [p for slot in part if (p := plan(slot)) is not None]  # seeds fixed in slot order first
            collected = bounded_map(collect, plans, run.llm_concurrency)
        by_result = {t.task_slot: t for t in collected} | {s: failed.pop(s) for s in part if s in failed}
        yield [by_result[slot] for slot in sorted(by_result)]


def spool_traces(
    partition: Partition,
    toolsets: pl.DataFrame,
    seeds: pl.DataFrame,
    run: RunSettings,
    spool: Spool,
    client: LLMClient | None = None,
    chunk: int = TRACE_CHUNK,
) -> None:
    """Evidence collection into ``spool``, ``chunk`` task slots per chunk of ``traces`` and ``trace_steps``."""
    for traces in iter_trace_chunks(partition, toolsets, seeds, run, client, chunk):
        spool.add(trace_frames(traces))


def _seed_port(ports: list[str], tools: Sequence[ToolSpec], usage: ToolUsage, rng: Any) -> str:
    """A seed port for the trace: weighted towards ports from which long chains of the toolset's tools can run
    (tools reachable in three hops through typed outputs) and that feed the partition's least-used tools."""
    takes = {t.name: t.required_input_ports for t in tools}
    gives = {t.name: t.chainable_output_ports for t in tools}
    weights = []
    for port_name in ports:
        frontier, reached = {port_name}, set()
        for _ in range(3):
            step = {name for name, needed in takes.items() if needed & frontier} - reached
            reached |= step
            frontier = set().union(*(gives[name] for name in step)) if step else set()
        consumers = [name for name, needed in takes.items() if port_name in needed]
        rarity = 1.0 / (1 + min(usage.calls.get(name, 0) for name in consumers))
        weights.append(len(reached) ** 2 * rarity)
    return rng.choices(ports, weights=weights, k=1)[0]


def _embedded_loop(
    trace_id: str,
    tools: Sequence[ToolSpec],
    seed_port: str,
    seed_value: str,
    rng: Any,
    entity_pool: dict[str, list[str]],
    policy: str,
    run: RunSettings,
    partition_usage: ToolUsage | None = None,
    fits: SideFit | None = None,
) -> list[Step]:
    """DIVE's Evidence Collection -> Task Derivation loop with the embedded policy.

    Round k collects ``max_steps`` more calls around the task of round k-1 (its required steps are the focus)
    and steered by the round's exemplars; the task of round k is derived exactly as ``derive_rounds`` will
    derive it again from the stored trace. After ``run.rounds`` rounds, up to ``run.extra_rounds`` more run while
    the task has the call graph of an earlier task of the partition (DIVE's unique call graphs: in a fixed toolset
    the first tasks take the small graphs, and a harder task is a new graph more often).
    """
    collector = EmbeddedCollector(
        trace_id,
        tools,
        seed_port,
        seed_value,
        rng,
        run.tool_timeout_s,
        caller=run.tool_caller(),
        entity_pool=entity_pool,
        partition_usage=partition_usage,
        fits=fits,
    )
    by_name = {t.name: t for t in all_tools()}
    previous: Task | None = None
    seen = collector.partition_usage.tasks.shapes
    for k in range(1, run.rounds + run.extra_rounds + 1):
        if k > run.rounds and (previous is None or collector.graphs.shapes[previous.answer_step] not in seen):
            break  # no task to make harder, or a new call graph already
        exemplars = round_exemplars(run.seed, trace_id, k)
        kinds = kinds_in_order(rng_for(run.seed, trace_id, "topology", k).choice(exemplars).topology)
        focus = previous.required_steps if previous is not None else ()
        if not collector.collect(run.max_steps, k, focus=focus, kinds=kinds):
            break
        partial = _trace_view(trace_id, seed_port, seed_value, policy, collector.steps)
        try:
            previous = derive_round(
                partial, by_name, run, k, previous, exemplars, policy, state=collector.partition_usage.tasks
            )
        except DerivationError:
            continue
    if previous is not None:
        collector.record_task(previous.answer_step)
    return collector.steps


def _llm_loop(
    trace_id: str,
    tools: Sequence[ToolSpec],
    seed_port: str,
    seed_value: str,
    domain: str,
    client: LLMClient,
    policy: str,
    run: RunSettings,
) -> list[Step]:
    """The loop with the LLM: round k continues research on round k-1's question, then derives again.

    Derivations made here are cached, so ``derive_rounds`` re-derives them later without new calls.
    """
    steps: list[Step] = []
    by_name = {t.name: t for t in all_tools()}
    previous: Task | None = None
    for k in range(1, run.rounds + 1):
        topic = previous.question if previous is not None else None
        if k > 1 and topic is None:
            break
        new = collect_evidence_llm(
            trace_id, tools, seed_port, seed_value, domain, client, run.max_steps, run.tool_timeout_s,
            run.tool_caller(), earlier_steps=steps, round_index=k, topic=topic,
        )  # fmt: skip
        if not new:
            break
        steps.extend(new)
        try:
            partial = _trace_view(trace_id, seed_port, seed_value, policy, steps)
            deriver = None if run.llm_rewrite else client  # with rewrites, the embedded derivation asks
            previous = derive_round(
                partial, by_name, run, k, previous, round_exemplars(run.seed, trace_id, k), policy, deriver
            )
        except DerivationError:
            previous = None
    return steps


def _trace_view(trace_id: str, seed_port: str, seed_value: str, policy: str, steps: list[Step]) -> Trace:
    return Trace(
        trace_id=trace_id, toolset_id="", domain="", diversity="", policy=policy, seed_port=seed_port,
        seed_value=seed_value, status="ok", step_count=len(steps), task_slot=0, steps=list(steps),
    )  # fmt: skip


def _failed_trace(
    trace_id: str, toolset: dict[str, Any], domain: str, diversity: str, slot: int, policy: str, error: str
) -> Trace:
    return Trace(
        trace_id=trace_id,
        toolset_id=toolset["toolset_id"],
        domain=domain,
        diversity=diversity,
        policy=policy,
        seed_port="",
        seed_value="",
        status="failed",
        step_count=0,
        task_slot=slot,
        error=error,
    )


def _first_error(steps: Sequence[Step]) -> str:
    for s in steps:
        if s.error:
            return f"step {s.step_index} {s.tool_name}: {s.error_type}: {s.error}"
    return "the policy found no callable tool"
