"""The stages of the pipeline as plain functions from frames to frames (no Dagster here).

Each stage reads what the previous one wrote (as polars frames), calls the synthesis logic and returns
the frames to write. The Dagster assets in ``dive_assets.assets`` are thin wrappers around these.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import polars as pl

from dive_assets.synthesis.config import DiversitySetting, RunSettings, load_diversity_grid
from dive_assets.synthesis.dedup import Duplicate, find_duplicates
from dive_assets.synthesis.derivation import DerivationError, PartitionTasks, StepGraphs, derive_task
from dive_assets.synthesis.evidence import POLICY_NAME, EmbeddedCollector, SideFit, ToolUsage, TraceSide
from dive_assets.synthesis.exemplars import Exemplar, kinds_in_order, load_exemplars
from dive_assets.synthesis.llm import LLMClient, LLMConfig, LLMError, collect_evidence_llm, derive_task_llm
from dive_assets.synthesis.records import Provenance, Step, Task, Trace, stable_id
from dive_assets.synthesis.sampling import reach_counts, rng_for, sample_toolsets, setting_reach, sibling_claims
from dive_assets.synthesis.solver import SolverAttempt, pass_rates, solve_task
from dive_assets.synthesis.splitting import (
    assign_splits,
    entity_port,
    seed_held_out,
    split_conflict,
    stated_key,
    tool_held_out,
    toolset_held_out,
)
from dive_assets.synthesis.spool import Spool
from dive_assets.synthesis.verification import CHECKS, verify_task
from tool_catalog.graph import tool_edges
from tool_catalog.registry import all_tools, domain_tools, general_tools, get_tool, seed_sources
from tool_catalog.runtime import call_tool
from tool_catalog.spec import GENERAL_DOMAIN, ToolSpec

CHECK_ORDER = (*CHECKS, "non_trivial", "unique")
ADVISORY_CHECKS = ("non_trivial",)  # recorded for filtering; a flagged task is still verified
TRACE_CHUNK = 500
"""Traces held as Python objects at a time. A trace object costs ~25x its rows in a polars frame, so the stages
keep the partition in frames and rebuild objects one chunk of traces at a time (memory grows with the frames)."""


# --- catalog -----------------------------------------------------------------------------
def catalog_frames(run_examples: bool = True) -> dict[str, pl.DataFrame]:
    """The tools (with example outcomes), the typed tool graph and the seed entities."""
    tools = all_tools()
    rows = []
    for t in tools:
        error = None
        if run_examples:
            for example in t.examples:
                result = call_tool(t.name, example)
                if not result.ok:
                    error = f"{example}: {result.error_type}: {result.error}"
                    break
        rows.append(
            {
                "name": t.name,
                "domain": t.domain,
                "kind": t.kind,
                "description": t.description,
                "parameters_schema": json.dumps(t.parameters_schema, sort_keys=True),
                "input_ports": json.dumps(t.input_ports, sort_keys=True),
                "output_ports": json.dumps({k: o.port for k, o in t.outputs.items()}, sort_keys=True),
                "output_type": t.output_type(),
                "package": t.package,
                "package_version": t.package_version,
                "examples": json.dumps(list(t.examples), sort_keys=True),
                "example_ok": error is None,
                "example_error": error,
                "schema_valid": _schema_is_valid(t.parameters_schema),
            }
        )
    seeds = [
        {"domain": s.domain, "port": s.port, "value": str(v), "source": s.fn.__name__, "package": s.package}
        for s in seed_sources()
        for v in s.fn()
    ]
    seed_frame = pl.DataFrame(seeds, schema=["domain", "port", "value", "source", "package"], orient="row")
    return {
        "tools": pl.DataFrame(rows, infer_schema_length=None),  # an example may fail on any row, not the first 100
        "tool_edges": pl.DataFrame(
            tool_edges(tools),
            schema=["source_tool", "source_field", "target_tool", "target_param", "port"],
            orient="row",
        ),
        "seeds": seed_frame.unique(subset=["domain", "port", "value"], keep="first", maintain_order=True),
    }


def _schema_is_valid(schema: dict[str, Any]) -> bool:
    import jsonschema

    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError:
        return False
    return schema.get("type") == "object"


def tool_count_frame(tools: pl.DataFrame) -> pl.DataFrame:
    """Tools per domain (the per-domain count expectations run on this)."""
    return tools.group_by("domain").len(name="tools").sort("domain")


# --- toolsets ----------------------------------------------------------------------------
def toolset_frame(domain: str, setting: DiversitySetting, seed_ports: set[str], run: RunSettings) -> pl.DataFrame:
    toolsets, assignment = sample_toolsets(
        domain, setting, domain_tools(domain), general_tools(), seed_ports, run.tasks_per_partition, run.seed
    )
    slots: dict[str, list[int]] = {}
    for index, toolset_id in enumerate(assignment):
        slots.setdefault(toolset_id, []).append(index)
    return pl.DataFrame(
        [{**ts.model_dump(), "task_slots": slots[ts.toolset_id]} for ts in toolsets],
        schema_overrides={"tool_names": pl.List(pl.String), "task_slots": pl.List(pl.Int32), "rng_seed": pl.Int64},
    )


def partition_tasks(domain: str, diversity: str, run: RunSettings) -> PartitionTasks:
    """A partition's task state before its first trace: no tasks yet, the claims of its domain's narrower
    partitions (:func:`sampling.sibling_claims`) and how many partitions reach each tool
    (:func:`sampling.reach_counts`); neither when ``run.sibling_claims`` is off or the diversity key is not in the
    settings file. The evidence loop and the derived-tasks stage both start from it."""
    if not run.sibling_claims:
        return PartitionTasks()
    settings = load_diversity_grid().settings
    setting = next((s for s in settings if s.key == diversity), None)
    if setting is None:
        return PartitionTasks()
    seed_ports = {s.port for s in seed_sources(domain)}
    pool, general = domain_tools(domain), general_tools()
    reaches = {s.key: setting_reach(domain, s, pool, general, seed_ports, run.seed) for s in settings}
    claims = sibling_claims(domain, setting, settings, pool, general, seed_ports, run.seed, reaches)
    return PartitionTasks(claims=claims, reach_counts=reach_counts(reaches.values()))


# --- evidence ----------------------------------------------------------------------------
def llm_client(run: RunSettings, cache: dict[str, dict[str, Any]] | None) -> LLMClient | None:
    """The litellm client of a run, or None for the embedded policy (no model configured)."""
    if not run.llm_model:
        return None
    config = LLMConfig(model=run.llm_model, api_base=run.llm_api_base, max_calls=run.llm_max_calls)
    return LLMClient(config, cache=cache)


def solver_client(run: RunSettings, cache: dict[str, dict[str, Any]] | None) -> LLMClient | None:
    """The client of the solver check, or None when it is off (``solver_attempts`` = 0).

    One greedy attempt at temperature 0; several attempts are sampled at temperature 1 with a seed each.
    """
    model = run.solver_model or run.llm_model
    if not run.solver_attempts or not model:
        return None
    temperature = 0.0 if run.solver_attempts == 1 else 1.0
    config = LLMConfig(model=model, api_base=run.llm_api_base, max_calls=run.llm_max_calls, temperature=temperature)
    return LLMClient(config, cache=cache)


def solve_split_tasks(
    tasks: Sequence[Task], splits: pl.DataFrame, toolsets: pl.DataFrame, run: RunSettings, client: LLMClient | None
) -> dict[str, pl.DataFrame]:
    """The solver check over the partition's split tasks: ``solver_attempts`` and ``task_pass_rates`` frames
    (empty when the check is off, so a re-materialization without it clears stale rows)."""
    attempts: list[SolverAttempt] = []
    if client is not None and splits.height:
        split_ids = set(splits["task_id"].to_list())
        tool_names = {r["toolset_id"]: r["tool_names"] for r in toolsets.iter_rows(named=True)}
        jobs = [
            (task, attempt)
            for task in sorted(tasks, key=lambda t: t.task_id)
            if task.task_id in split_ids
            for attempt in range(1, run.solver_attempts + 1)
        ]

        def solve(job: tuple[Task, int]) -> SolverAttempt:
            task, attempt = job
            tools = [get_tool(name) for name in sorted(tool_names.get(task.toolset_id, []))]
            return solve_task(
                task, tools, client, attempt, run.solver_attempts, run.solver_max_turns, run.tool_timeout_s
            )

        attempts = _bounded_map(solve, jobs, run.llm_concurrency)
    attempt_schema = {
        "task_id": pl.String, "trace_id": pl.String, "domain": pl.String, "diversity": pl.String,
        "attempt": pl.Int32, "model": pl.String, "answer": pl.String, "passed": pl.Boolean, "tool_calls": pl.Int32,
        "tool_errors": pl.Int32, "turns": pl.Int32, "error": pl.String, "llm_failed": pl.Boolean,
    }  # fmt: skip
    rate_schema = {
        "task_id": pl.String, "domain": pl.String, "diversity": pl.String, "model": pl.String,
        "attempts": pl.Int32, "completed": pl.Int32, "passes": pl.Int32, "pass_rate": pl.Float64,
        "frontier": pl.Boolean,
    }  # fmt: skip
    return {
        "solver_attempts": pl.DataFrame([a.model_dump() for a in attempts], schema=attempt_schema, orient="row"),
        "task_pass_rates": pl.DataFrame(
            [r.model_dump() for r in pass_rates(attempts)], schema=rate_schema, orient="row"
        ),
    }


def run_traces(
    domain: str,
    diversity: str,
    toolsets: pl.DataFrame,
    seeds: pl.DataFrame,
    run: RunSettings,
    client: LLMClient | None = None,
) -> list[Trace]:
    """Collect evidence for every task slot: the embedded policy, or the LLM when a client is given."""
    return [t for chunk in iter_trace_chunks(domain, diversity, toolsets, seeds, run, client) for t in chunk]


def iter_trace_chunks(
    domain: str,
    diversity: str,
    toolsets: pl.DataFrame,
    seeds: pl.DataFrame,
    run: RunSettings,
    client: LLMClient | None = None,
    chunk: int = TRACE_CHUNK,
    partition_usage: ToolUsage | None = None,
) -> Iterator[list[Trace]]:
    """:func:`run_traces` in chunks of ``chunk`` task slots (in slot order, with the same partition state carried
    over, so the traces are the same whatever the chunk size). ``partition_usage`` is that state (tool calls,
    refusals, task shapes); pass a fresh one to read it afterwards."""
    policy = POLICY_NAME if client is None else f"litellm:{client.model}"
    # slot -> row number; a slot's row is read when its trace is planned. Holding every row as a dict cost 230 MB
    # at 100k traces (geo/full-varied: 99k toolsets).
    row_of: dict[int, int] = {}
    for index, task_slots in enumerate(toolsets.get_column("task_slots").to_list()):
        row_of.update(dict.fromkeys(task_slots, index))
    seeds_by_port: dict[str, list[str]] = {}
    for row in seeds.iter_rows(named=True):
        seeds_by_port.setdefault(row["port"], []).append(row["value"])
    used_seeds: set[str] = set()
    if partition_usage is None:
        partition_usage = ToolUsage(tasks=partition_tasks(domain, diversity, run))
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
            rng_seed=slot,
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
            collected = _bounded_map(collect, plans, run.llm_concurrency)
        by_result = {t.rng_seed: t for t in collected} | {s: failed.pop(s) for s in part if s in failed}
        yield [by_result[slot] for slot in sorted(by_result)]


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


def _bounded_map(fn: Any, items: Sequence[Any], concurrency: int) -> list[Any]:
    """``map`` with at most ``concurrency`` calls in flight (LLM calls are I/O bound); keeps input order."""
    if concurrency <= 1 or len(items) <= 1:
        return [fn(item) for item in items]
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="dive-llm") as pool:
        return list(pool.map(fn, items))


def round_exemplars(seed: int, trace_id: str, round_index: int) -> list[Exemplar]:
    """The 3-5 exemplars that steer round ``round_index`` of a trace (fixed by the run seed)."""
    return load_exemplars().sample(rng_for(seed, trace_id, "exemplars", round_index))


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
            previous = _derive_round(
                partial, by_name, run, k, previous, exemplars, policy, partition=collector.partition_usage.tasks
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
            earlier_steps=steps, round_index=k, topic=topic,
        )  # fmt: skip
        if not new:
            break
        steps.extend(new)
        try:
            partial = _trace_view(trace_id, seed_port, seed_value, policy, steps)
            previous = _derive_round(
                partial, by_name, run, k, previous, round_exemplars(run.seed, trace_id, k), policy, client
            )
        except DerivationError:
            previous = None
    return steps


def _trace_view(trace_id: str, seed_port: str, seed_value: str, policy: str, steps: list[Step]) -> Trace:
    return Trace(
        trace_id=trace_id, toolset_id="", domain="", diversity="", policy=policy, seed_port=seed_port,
        seed_value=seed_value, status="ok", step_count=len(steps), rng_seed=0, steps=list(steps),
    )  # fmt: skip


def _derive_round(
    trace: Trace,
    tools: dict[str, ToolSpec],
    run: RunSettings,
    round_index: int,
    previous: Task | None,
    exemplars: list[Exemplar],
    derived_by: str,
    client: LLMClient | None = None,
    partition: PartitionTasks | None = None,
) -> Task:
    if client is not None:
        return derive_task_llm(trace, tools, client, exemplars=[e.question for e in exemplars], round_index=round_index)
    rng = rng_for(run.seed, trace.trace_id, "derive", round_index)
    return derive_task(trace, tools, rng, derived_by, round_index, previous, exemplars, partition)


def derive_rounds(
    trace: Trace,
    tools: dict[str, ToolSpec],
    run: RunSettings,
    client: LLMClient | None = None,
    partition: PartitionTasks | None = None,
) -> tuple[list[Task], list[str]]:
    """Re-derive every round's task from a stored trace (round k sees the steps of rounds 1..k).

    ``partition`` must be the partition's state the evidence loop saw for this trace (the shapes and tools of the
    final tasks of the earlier traces, in task-slot order), so the tasks are the ones the loop derived."""
    tasks: list[Task] = []
    reasons: list[str] = []
    previous: Task | None = None
    last_round = max((s.round for s in trace.steps), default=0)
    for k in range(1, last_round + 1):
        view = trace.model_copy(update={"steps": [s for s in trace.steps if s.round <= k]})
        try:
            task = _derive_round(
                view,
                tools,
                run,
                k,
                previous,
                round_exemplars(run.seed, trace.trace_id, k),
                trace.policy,
                client,
                partition,
            )
        except DerivationError as exc:
            reasons.append(str(exc))
            continue
        task = task.model_copy(
            update={"toolset_id": trace.toolset_id, "domain": trace.domain, "diversity": trace.diversity}
        )
        if client is not None:
            task = task.model_copy(
                update={"exemplar_ids": [e.id for e in round_exemplars(run.seed, trace.trace_id, k)]}
            )
        tasks.append(task)
        previous = task
    return tasks, reasons


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
        rng_seed=slot,
        error=error,
    )


def _first_error(steps: Sequence[Step]) -> str:
    for s in steps:
        if s.error:
            return f"step {s.step_index} {s.tool_name}: {s.error_type}: {s.error}"
    return "the policy found no callable tool"


def trace_frames(traces: Sequence[Trace]) -> dict[str, pl.DataFrame]:
    trace_rows = []
    step_rows = []
    for t in traces:
        row = t.model_dump(exclude={"steps"})
        row["task_slot"] = row.pop("rng_seed")
        row["rng_seed"] = int(stable_id("s", t.trace_id)[2:10], 16)
        row["ok_steps"] = sum(s.ok for s in t.steps)
        trace_rows.append(row)
        for s in t.steps:
            step_rows.append(
                {
                    "trace_id": s.trace_id,
                    "domain": t.domain,
                    "diversity": t.diversity,
                    "step_index": s.step_index,
                    "round": s.round,
                    "tool_name": s.tool_name,
                    "arguments": json.dumps(s.arguments, sort_keys=True),
                    "provenance": json.dumps({k: _provenance_json(v) for k, v in s.provenance.items()}, sort_keys=True),
                    "output": None if s.output is None else json.dumps(s.output, sort_keys=True),
                    "error_type": s.error_type,
                    "error": s.error,
                    "latency_ms": s.latency_ms,
                    "depends_on": s.depends_on,
                }
            )
    step_schema = {
        "trace_id": pl.String, "domain": pl.String, "diversity": pl.String, "step_index": pl.Int32, "round": pl.Int32,
        "tool_name": pl.String, "arguments": pl.String, "provenance": pl.String, "output": pl.String,
        "error_type": pl.String, "error": pl.String, "latency_ms": pl.Float64, "depends_on": pl.List(pl.Int32),
    }  # fmt: skip
    return {
        "traces": pl.DataFrame(trace_rows, schema_overrides={"error": pl.String, "rng_seed": pl.Int64}),
        "trace_steps": pl.DataFrame(step_rows, schema=step_schema, orient="row"),
    }


def _provenance_json(prov: Provenance) -> dict[str, Any]:
    return prov.model_dump(exclude={k for k in ("steps", "formula") if getattr(prov, k) is None})


def traces_from_frames(traces: pl.DataFrame, steps: pl.DataFrame) -> list[Trace]:
    """Rebuild trace records (with their steps) from warehouse rows."""
    by_trace: dict[str, list[Step]] = {}
    for row in steps.sort(["trace_id", "step_index"]).iter_rows(named=True):
        by_trace.setdefault(row["trace_id"], []).append(
            Step(
                trace_id=row["trace_id"],
                step_index=row["step_index"],
                round=row["round"],
                tool_name=row["tool_name"],
                arguments=json.loads(row["arguments"]),
                provenance={k: Provenance(**v) for k, v in json.loads(row["provenance"]).items()},
                output=None if row["output"] is None else json.loads(row["output"]),
                error_type=row["error_type"],
                error=row["error"],
                latency_ms=row["latency_ms"],
                depends_on=list(row["depends_on"] or []),
            )
        )
    out = []
    for row in traces.sort("task_slot").iter_rows(named=True):
        out.append(
            Trace(
                trace_id=row["trace_id"],
                toolset_id=row["toolset_id"],
                domain=row["domain"],
                diversity=row["diversity"],
                policy=row["policy"],
                seed_port=row["seed_port"],
                seed_value=row["seed_value"],
                status=row["status"],
                step_count=row["step_count"],
                rng_seed=row["task_slot"],
                error=row["error"],
                steps=by_trace.get(row["trace_id"], []),
            )
        )
    return out


# --- derivation --------------------------------------------------------------------------
def derive_tasks(
    traces: Sequence[Trace],
    run: RunSettings,
    client: LLMClient | None = None,
    partition: PartitionTasks | None = None,
) -> tuple[list[Task], list[dict[str, str]]]:
    """Derive the tasks of successful traces: by phrase composition, or by the LLM when a client is given.

    Phrase composition goes in task-slot order with the partition's earlier tasks (``partition``,
    updated here: pass the same one for every chunk of a partition), as the evidence loop did."""
    tools = {t.name: t for t in all_tools()}
    tasks: list[Task] = []
    failures: list[dict[str, str]] = []
    if partition is not None:
        seen = partition
    else:
        seen = partition_tasks(traces[0].domain, traces[0].diversity, run) if traces else PartitionTasks()

    def derive(trace: Trace) -> tuple[list[Task], list[str]]:
        try:
            return derive_rounds(trace, tools, run, client)
        except LLMError as exc:
            return [], [f"{type(exc).__name__}: {exc}"]

    def derive_embedded(trace: Trace) -> tuple[list[Task], list[str]]:
        derived, reasons = derive_rounds(trace, tools, run, None, seen)
        if derived:  # what the evidence loop's ``record_task`` recorded for this trace
            seen.record_final(StepGraphs.of(trace.steps), derived[-1].answer_step)
        return derived, reasons

    ok = [t for t in traces if t.status == "ok"]
    by_trace = _bounded_map(derive, ok, run.llm_concurrency) if client else [derive_embedded(t) for t in ok]
    results = dict(zip([t.trace_id for t in ok], by_trace, strict=True))
    for trace in traces:
        if trace.status != "ok":
            failures.append(_failure(trace, "evidence", trace.error or "trace failed"))
            continue
        derived, reasons = results[trace.trace_id]
        tasks.extend(derived)
        for reason in reasons:
            failures.append(_failure(trace, "derivation", reason))
    return tasks, failures


def _failure(trace: Trace, stage: str, reason: str) -> dict[str, str]:
    return {
        "trace_id": trace.trace_id,
        "domain": trace.domain,
        "diversity": trace.diversity,
        "stage": stage,
        "reason": reason,
    }


def task_frames(tasks: Sequence[Task], failures: Sequence[dict[str, str]]) -> dict[str, pl.DataFrame]:
    rows = []
    for t in tasks:
        row = t.model_dump()
        row["answer"] = json.dumps(t.answer)
        row["call_graph"] = json.dumps([list(e) for e in t.call_graph])
        rows.append(row)
    task_schema = {
        "required_steps": pl.List(pl.Int32),
        "tolerance": pl.Float64,
        "round": pl.Int32,
        "answer_step": pl.Int32,
        "exemplar_ids": pl.List(pl.String),
    }
    return {
        "tasks": pl.DataFrame(rows, schema_overrides=task_schema) if rows else pl.DataFrame(),
        "task_failures": pl.DataFrame(
            failures, schema=["trace_id", "domain", "diversity", "stage", "reason"], orient="row"
        ),
    }


def tasks_from_frame(frame: pl.DataFrame) -> list[Task]:
    out: list[Task] = []
    if frame.height == 0:
        return out
    for row in frame.sort("task_id").iter_rows(named=True):
        row = dict(row)
        row["answer"] = json.loads(row["answer"])
        row["call_graph"] = [tuple(e) for e in json.loads(row["call_graph"])]
        row["required_steps"] = list(row["required_steps"])
        row["exemplar_ids"] = list(row["exemplar_ids"] or [])
        out.append(Task.model_validate(row))
    return out


# --- verification and splits ---------------------------------------------------------------
def verify_and_split(
    tasks: Sequence[Task],
    traces: Sequence[Trace],
    run: RunSettings,
    duplicates: dict[str, Duplicate] | None = None,
) -> dict[str, pl.DataFrame]:
    """Verify every task against its trace and split the hardest verified round of each trace.

    ``duplicates`` (task id -> the task it repeats) is searched over ``tasks`` unless given (chunked callers
    search the whole partition once)."""
    tools = {t.name: t for t in all_tools()}
    by_trace = {t.trace_id: t for t in traces}
    checks = []
    general = frozenset(t.name for t in general_tools())
    entities: dict[str, list[str]] = {}
    if duplicates is None:
        duplicates = find_duplicates([(t.task_id, t.trace_id, t.question) for t in tasks], preferred=last_rounds(tasks))
    for task in sorted(tasks, key=lambda t: t.task_id):
        trace = by_trace.get(task.trace_id)
        if trace is None:
            results = [_missing_trace(task, name) for name in CHECKS]
        else:
            results = [r.model_dump() for r in verify_task(task, trace, tools, run.tool_timeout_s)]
            results.append(_row(task, "non_trivial", _trivial_reason(task, trace)))
        dup = duplicates.get(task.task_id)
        reason = None if dup is None else f"duplicate of task {dup.kept} (shingle Jaccard {dup.similarity})"
        results.append(_row(task, "unique", reason))
        needed = [] if trace is None else [s.tool_name for s in trace.steps if s.step_index in task.required_steps]
        entities[task.task_id] = [] if trace is None else stated_entities(task, trace, tools)
        conflict = split_conflict(task, run.seed, needed, general, entities[task.task_id])
        results.append(_row(task, "split_safe", conflict))
        checks.extend(results)
    checks_frame = pl.DataFrame(
        checks, schema=["task_id", "domain", "diversity", "check_name", "passed", "reason"], orient="row"
    )
    blocking = checks_frame.filter(~pl.col("passed") & ~pl.col("check_name").is_in(ADVISORY_CHECKS))
    failed = set(blocking["task_id"].to_list())
    verified = {t.task_id for t in tasks} - failed
    final: dict[str, Task] = {}  # the hardest verified round of each trace is the one that is split
    for t in tasks:
        if t.task_id in verified and (t.trace_id not in final or t.round > final[t.trace_id].round):
            final[t.trace_id] = t
    required_tools = {
        t.task_id: [s.tool_name for s in by_trace[t.trace_id].steps if s.step_index in t.required_steps]
        for t in final.values()
    }
    splits = [
        s.model_dump()
        for s in assign_splits(list(final.values()), verified, run.seed, required_tools, general, entities)
    ]
    split_schema = {
        "task_id": pl.String, "domain": pl.String, "diversity": pl.String, "split": pl.String,
        "toolset_id": pl.String, "seed_value": pl.String, "held_out_tools": pl.List(pl.String),
    }  # fmt: skip
    split_frame = pl.DataFrame(splits, schema=split_schema, orient="row").sort("task_id", maintain_order=True)
    return {"verifications": checks_frame, "splits": split_frame}


def last_rounds(tasks: Sequence[Task]) -> set[str]:
    """The ids of each trace's last-round task: the one its trace will split unless it fails a check, so the
    near-duplicate search keeps it over another trace's superseded round."""
    last: dict[str, Task] = {}
    for t in tasks:
        if t.trace_id not in last or t.round > last[t.trace_id].round:
            last[t.trace_id] = t
    return {t.task_id for t in last.values()}


def stated_entities(task: Task, trace: Trace, tools: dict[str, ToolSpec]) -> list[str]:
    """The entity values a task's question states (seed or sample arguments of chainable ports such as codes and
    names, not dates), else every value it states (numbers, dates: "the pressure at 20000 m and at 1500 m"): the
    question's side in the split follows them (:func:`splitting.question_held_out`), so it is the same for the same
    question."""
    out, stated = set(), set()
    for step in trace.steps:
        if step.step_index not in task.required_steps or step.tool_name not in tools:
            continue
        ports = tools[step.tool_name].input_ports
        for name, value in step.arguments.items():
            prov = step.provenance.get(name)
            port_name = ports.get(name)
            if prov is None or prov.produced or port_name is None:
                continue
            (out if entity_port(port_name) else stated).add(stated_key(port_name, value))
    return sorted(out or stated)


def _row(task: Task, check: str, failure: str | None) -> dict[str, Any]:
    return {
        "task_id": task.task_id, "domain": task.domain, "diversity": task.diversity, "check_name": check,
        "passed": failure is None, "reason": failure or "ok",
    }  # fmt: skip


def _trivial_reason(task: Task, trace: Trace) -> str | None:
    """A single call on the seed entity asks for a field of the seed itself: flagged as trivial."""
    if len(task.required_steps) != 1:
        return None
    step = next((s for s in trace.steps if s.step_index == task.required_steps[0]), None)
    if step is not None and any(p.source == "seed" for p in step.provenance.values()):
        return f"a single lookup of a field of the seed entity {trace.seed_value!r}"
    return None


def _missing_trace(task: Task, check: str) -> dict[str, Any]:
    return {
        "task_id": task.task_id, "domain": task.domain, "diversity": task.diversity, "check_name": check,
        "passed": False, "reason": f"trace {task.trace_id} not found",
    }  # fmt: skip


# --- a whole partition, streamed through a spool ------------------------------------------------
def spool_partition(
    domain: str, setting: DiversitySetting, seeds: pl.DataFrame, run: RunSettings, spool: Spool
) -> dict[str, float]:
    """Every partitioned table of one partition with the embedded policy, written to ``spool`` chunk by chunk.

    Memory does not grow with the partition: a stage holds one chunk's trace objects and frames, plus the
    partition's state (seeds used, tool usage and refusals, task shapes) and, for the near-duplicate search,
    the questions, their shingle ids (4 bytes each) and an 8-byte key per question and band. Returns each stage's
    wall seconds."""
    started = time.perf_counter()
    toolsets = toolset_frame(domain, setting, set(seeds["port"].unique()), run)
    spool.add({"toolsets": toolsets})
    spool_traces(domain, setting.key, toolsets, seeds, run, spool)
    traced = time.perf_counter()
    spool_tasks(spool, run)
    derived = time.perf_counter()
    spool_verification(spool, run)
    return {
        "evidence": traced - started,
        "derivation": derived - traced,
        "verification": time.perf_counter() - derived,
    }


def spool_traces(
    domain: str,
    diversity: str,
    toolsets: pl.DataFrame,
    seeds: pl.DataFrame,
    run: RunSettings,
    spool: Spool,
    client: LLMClient | None = None,
    chunk: int = TRACE_CHUNK,
) -> None:
    """Evidence collection into ``spool``, ``chunk`` task slots per chunk of ``traces`` and ``trace_steps``."""
    for traces in iter_trace_chunks(domain, diversity, toolsets, seeds, run, client, chunk):
        spool.add(trace_frames(traces))


def spool_tasks(spool: Spool, run: RunSettings, client: LLMClient | None = None) -> None:
    """Derivation from the spool's traces: chunk k of ``tasks`` and ``task_failures`` comes from trace chunk k
    (in task-slot order, carrying the partition's earlier tasks from chunk to chunk)."""
    partition: PartitionTasks | None = None
    for traces in spooled_trace_chunks(spool):
        if partition is None and traces:
            partition = partition_tasks(traces[0].domain, traces[0].diversity, run)
        spool.add(task_frames(*derive_tasks(traces, run, client, partition)))


def spool_verification(spool: Spool, run: RunSettings) -> None:
    """Verification and splits of the spool's tasks: chunk k against trace chunk k (a tasks chunk past the last
    trace chunk holds tasks whose trace is gone: they fail their proofs). The near-duplicate search runs once
    over every question first."""
    if not spool.files("tasks"):
        spool.add(verify_and_split([], [], run))
        return
    index = spool.read("tasks", ["task_id", "trace_id", "question", "round"])
    last = index.filter(pl.col("round") == pl.col("round").max().over("trace_id"))["task_id"].to_list()
    items = list(index.select("task_id", "trace_id", "question").iter_rows())
    duplicates = find_duplicates(items, preferred=last) if index.height else {}
    del items, last
    del index
    trace_chunks = spooled_trace_chunks(spool)
    for tasks in spool.chunks("tasks"):
        spool.add(verify_and_split(tasks_from_frame(tasks), next(trace_chunks, []), run, duplicates))


def spooled_trace_chunks(spool: Spool) -> Iterator[list[Trace]]:
    """The spool's trace records, one chunk at a time, in task-slot order."""
    for traces, steps in zip(spool.chunks("traces"), spool.chunks("trace_steps"), strict=True):
        yield traces_from_frames(traces, steps)


def partition_frames(
    domain: str, setting: DiversitySetting, seeds: pl.DataFrame, run: RunSettings
) -> dict[str, pl.DataFrame]:
    """Every partitioned table's frame for one partition with the embedded policy: :func:`spool_partition`
    through a temporary directory, read back whole (for partitions that fit in memory; large ones should
    read the spool's files). ``seeds`` are the domain's seed rows; the diversity key is ``setting.key``."""
    with tempfile.TemporaryDirectory(prefix="dive-spool-") as tmp:
        spool = Spool(tmp)
        spool_partition(domain, setting, seeds, run, spool)
        frames = {table: spool.read(table) for table in spool.tables()}
    for table in ("verifications", "splits"):
        frames[table] = frames[table].sort("task_id", maintain_order=True)
    return frames


# --- LLM accounting ----------------------------------------------------------------------
def llm_call_frame(client: LLMClient | None, domain: str, diversity: str, stage: str) -> pl.DataFrame:
    """One row per LLM request (or cache hit) with tokens and provider-reported cost."""
    rows = []
    if client is not None:
        for index, r in enumerate(client.records):
            row = {"domain": domain, "diversity": diversity, "stage": stage, "call_index": index, **r.model_dump()}
            row["trace_id"] = r.purpose.partition(":")[2] or None
            rows.append(row)
    schema = {
        "domain": pl.String, "diversity": pl.String, "stage": pl.String, "call_index": pl.Int32,
        "request_key": pl.String, "model": pl.String, "purpose": pl.String, "prompt_tokens": pl.Int64,
        "completion_tokens": pl.Int64, "cost_usd": pl.Float64, "cached": pl.Boolean, "latency_ms": pl.Float64,
        "error": pl.String, "attempt": pl.Int32, "trace_id": pl.String,
    }  # fmt: skip
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
