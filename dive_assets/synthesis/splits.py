"""The verified_splits stage: every task re-proved (verification checks, one row per task and check), the hardest
verified round of each trace split leak-free, and the optional solver check over the split tasks.

The checks are :mod:`dive_assets.synthesis.verification` (format, replay, entailment, grounding, minimality), the
advisory ``non_trivial``, ``unique`` (:func:`dive_assets.synthesis.dedup.find_duplicates`) and ``split_safe``
(:mod:`dive_assets.synthesis.splitting`, which also assigns the splits), and ``realism``
(:mod:`dive_assets.synthesis.realism`: a question a person would ask, with a meaningful, not fixed, answer).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from dive_assets.synthesis import realism
from dive_assets.synthesis.config import RunSettings
from dive_assets.synthesis.dedup import Duplicate, find_duplicates, task_signature
from dive_assets.synthesis.frames import spooled_trace_chunks, tasks_from_frame
from dive_assets.synthesis.llm_client import LLMClient, bounded_map
from dive_assets.synthesis.records import Task, Trace
from dive_assets.synthesis.solver import SolverAttempt, pass_rates, solve_task
from dive_assets.synthesis.splitting import assign_splits, entity_port, split_conflict, stated_key
from dive_assets.synthesis.spool import Spool
from dive_assets.synthesis.verification import CHECKS, verify_task
from tool_catalog.registry import all_tools, general_tools, get_tool
from tool_catalog.spec import ToolSpec

ADVISORY_CHECKS = ("non_trivial",)  # recorded for filtering; a flagged task is still verified


def verify_and_split(
    tasks: Sequence[Task],
    traces: Sequence[Trace],
    run: RunSettings,
    duplicates: dict[str, Duplicate] | None = None,
    asked: dict[str, str] | None = None,
) -> dict[str, pl.DataFrame]:
    """Verify every task against its trace and split the hardest verified round of each trace.

    ``duplicates`` (task id -> the task it repeats) is searched over ``tasks`` unless given (chunked callers
    search the whole partition once); ``asked`` carries the signatures of the earlier chunks' tasks
    (:func:`same_tasks`)."""
    tools = {t.name: t for t in all_tools()}
    by_trace = {t.trace_id: t for t in traces}
    checks = []
    general = frozenset(t.name for t in general_tools())
    entities: dict[str, list[str]] = {}
    if duplicates is None:
        duplicates = find_duplicates([(t.task_id, t.trace_id, t.question) for t in tasks], preferred=last_rounds(tasks))
    same = same_tasks(tasks, by_trace, {} if asked is None else asked)
    for task in sorted(tasks, key=lambda t: t.task_id):
        trace = by_trace.get(task.trace_id)
        if trace is None:
            results = [_missing_trace(task, name) for name in CHECKS]
        else:
            results = [r.model_dump() for r in verify_task(task, trace, tools, run.tool_timeout_s, run.tool_caller())]
            results.append(_row(task, "non_trivial", _trivial_reason(task, trace)))
            results.append(_row(task, "realism", _realism_reason(task, trace, tools, run)))
        dup = duplicates.get(task.task_id)
        reason = None if dup is None else f"duplicate of task {dup.kept} (shingle Jaccard {dup.similarity})"
        if reason is None and task.task_id in same:
            reason = f"asks what {same[task.task_id]} asks (the same calls and answer field, worded differently)"
        results.append(_row(task, "unique", reason))
        needed = [] if trace is None else [s.tool_name for s in trace.steps if s.step_index in task.required_steps]
        entities[task.task_id] = [] if trace is None else stated_entities(task, trace, tools)
        conflict = split_conflict(task, run.seed, needed, general, entities[task.task_id])
        results.append(_row(task, "split_safe", conflict))
        checks.extend(results)
    check_schema = {
        "task_id": pl.String, "domain": pl.String, "diversity": pl.String, "check_name": pl.String,
        "passed": pl.Boolean, "reason": pl.String,
    }  # fmt: skip
    checks_frame = pl.DataFrame(checks, schema=check_schema, orient="row")
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


def realism_reasons(checks: pl.DataFrame, top: int = 8) -> dict[str, int]:
    """How many tasks failed the realism check for each kind of reason (numbers and quoted values masked, as in
    ``sql/queries/realism_reasons.sql``), the commonest ``top`` kinds."""
    failed = checks.filter((pl.col("check_name") == "realism") & ~pl.col("passed"))
    if not failed.height:
        return {}
    kinds = (
        failed.select(pl.col("reason").str.split("; ").alias("reason"))
        .explode("reason")
        .select(
            pl.col("reason").str.replace_all(r"'[^']*'|\"[^\"]*\"", "…").str.replace_all(r"[0-9]+", "N").alias("reason")
        )
        .group_by("reason")
        .len()
        .sort(["len", "reason"], descending=[True, False])
        .head(top)
    )
    return dict(kinds.iter_rows())


def same_tasks(tasks: Sequence[Task], traces: dict[str, Trace], asked: dict[str, str]) -> dict[str, str]:
    """Tasks that ask what another asks, in other words (the same calls with the same arguments, the same answer
    field): task id -> the task kept, the last round of a trace before an earlier round (as for near-duplicate
    questions), then the smallest id. ``asked`` (signature -> task id) carries the partition's earlier chunks and is
    updated."""
    out: dict[str, str] = {}
    final = last_rounds(tasks)
    for task in sorted(tasks, key=lambda t: (t.task_id not in final, t.task_id)):
        trace = traces.get(task.trace_id)
        if trace is None:
            continue
        steps = {s.step_index: s for s in trace.steps}
        calls = [(steps[i].tool_name, steps[i].arguments) for i in task.required_steps if i in steps]
        answer = steps.get(task.answer_step)
        key = task_signature(calls, answer.tool_name if answer else "", task.answer_field, task.answer)
        kept = asked.setdefault(key, task.task_id)
        if kept != task.task_id:
            out[task.task_id] = kept
    return out


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


def _realism_reason(task: Task, trace: Trace, tools: dict[str, ToolSpec], run: RunSettings) -> str | None:
    """Why the task is not one a person would ask (:func:`realism.task_problems`), or None."""
    steps = {s.step_index: s for s in trace.steps}
    problems = realism.task_problems(task, steps, tools, caller=run.tool_caller(), timeout_s=run.tool_timeout_s)
    return "; ".join(problems)[:2000] if problems else None


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
    asked: dict[str, str] = {}
    for tasks in spool.chunks("tasks"):
        spool.add(verify_and_split(tasks_from_frame(tasks), next(trace_chunks, []), run, duplicates, asked))


def solve_split_tasks(
    tasks: Sequence[Task], splits: pl.DataFrame, toolsets: pl.DataFrame, run: RunSettings, client: LLMClient | None
) -> dict[str, pl.DataFrame]:
    """The solver check over the partition's split tasks: ``solver_attempts`` and ``task_pass_rates`` frames
    (empty when the check is off, so a re-materialization without it clears stale rows)."""
    attempts: list[SolverAttempt] = []
    k = run.solver_attempts or 0
    if client is not None and splits.height:
        split_ids = set(splits["task_id"].to_list())
        tool_names = {r["toolset_id"]: r["tool_names"] for r in toolsets.iter_rows(named=True)}
        jobs = [
            (task, attempt)
            for task in sorted(tasks, key=lambda t: t.task_id)
            if task.task_id in split_ids
            for attempt in range(1, k + 1)
        ]

        def solve(job: tuple[Task, int]) -> SolverAttempt:
            task, attempt = job
            tools = [get_tool(name) for name in sorted(tool_names.get(task.toolset_id, []))]
            return solve_task(
                task,
                tools,
                client,
                attempt,
                k,
                run.solver_max_turns,
                run.tool_timeout_s,
                run.tool_caller(),
            )

        attempts = bounded_map(solve, jobs, run.llm_concurrency)
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
