"""The derived_tasks stage: every round's task of every successful trace, derived again from the stored steps.

Round k sees the steps of rounds 1..k. The embedded derivation (:func:`dive_assets.synthesis.derivation.derive_task`)
goes in task-slot order with the partition's task state (:class:`~dive_assets.synthesis.partition_state.PartitionTasks`)
exactly as the evidence loop did, so it derives the tasks the loop derived; a model derives through
:func:`dive_assets.synthesis.policy.llm.derive_task_llm` (its replies are cached, so no call is paid twice).
"""

from __future__ import annotations

from collections.abc import Sequence

from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.derivation import DerivationError, derive_task
from dive_assets.synthesis.exemplars import Exemplar, round_exemplars
from dive_assets.synthesis.frames import spooled_trace_chunks, task_frames
from dive_assets.synthesis.llm_client import LLMClient, LLMError, bounded_map
from dive_assets.synthesis.partition_state import PartitionTasks, StepGraphs, partition_tasks
from dive_assets.synthesis.policy.llm import derive_task_llm
from dive_assets.synthesis.records import Task, Trace, rng_for
from dive_assets.synthesis.rewrite import rewrite_task
from dive_assets.synthesis.spool import Spool
from tool_catalog.registry import all_tools
from tool_catalog.spec import ToolSpec


def derive_round(
    trace: Trace,
    tools: dict[str, ToolSpec],
    run: RunSettings,
    round_index: int,
    previous: Task | None,
    exemplars: list[Exemplar],
    derived_by: str,
    client: LLMClient | None = None,
    state: PartitionTasks | None = None,
) -> Task:
    """The task of one round of a trace: by the model when a client is given, else by the embedded derivation with
    the partition's task state."""
    if client is not None:
        return derive_task_llm(trace, tools, client, exemplars=[e.question for e in exemplars], round_index=round_index)
    rng = rng_for(run.seed, trace.trace_id, "derive", round_index)
    return derive_task(trace, tools, rng, derived_by, round_index, previous, exemplars, state)


def derive_rounds(
    trace: Trace,
    tools: dict[str, ToolSpec],
    run: RunSettings,
    client: LLMClient | None = None,
    state: PartitionTasks | None = None,
) -> tuple[list[Task], list[str]]:
    """Re-derive every round's task from a stored trace (round k sees the steps of rounds 1..k).

    ``state`` must be the partition's state the evidence loop saw for this trace (the shapes and tools of the
    final tasks of the earlier traces, in task-slot order), so the tasks are the ones the loop derived."""
    tasks: list[Task] = []
    reasons: list[str] = []
    previous: Task | None = None
    last_round = max((s.round for s in trace.steps), default=0)
    for k in range(1, last_round + 1):
        view = trace.model_copy(update={"steps": [s for s in trace.steps if s.round <= k]})
        try:
            task = derive_round(
                view,
                tools,
                run,
                k,
                previous,
                round_exemplars(run.seed, trace.trace_id, k),
                trace.policy,
                client,
                state,
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


def derive_tasks(
    traces: Sequence[Trace],
    partition: Partition,
    run: RunSettings,
    client: LLMClient | None = None,
    state: PartitionTasks | None = None,
) -> tuple[list[Task], list[dict[str, str]]]:
    """Derive the tasks of a partition's successful traces: by phrase composition, or by the LLM when a client is
    given.

    Phrase composition goes in task-slot order with the partition's earlier tasks (``state``, updated here: pass the
    same one for every chunk of a partition; a fresh one by default), as the evidence loop did."""
    tools = {t.name: t for t in all_tools()}
    tasks: list[Task] = []
    failures: list[dict[str, str]] = []
    seen = state if state is not None else partition_tasks(partition, run)

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
    if client is not None and run.llm_rewrite:  # realized in order (the partition state), then rewritten in parallel
        embedded = [derive_embedded(t) for t in ok]
        by_trace = bounded_map(
            lambda item: _rewritten(item[0], *item[1], tools, run, client),
            list(zip(ok, embedded, strict=True)),
            run.llm_concurrency,
        )
    elif client is not None:
        by_trace = bounded_map(derive, ok, run.llm_concurrency)
    else:
        by_trace = [derive_embedded(t) for t in ok]
    results = dict(zip([t.trace_id for t in ok], by_trace, strict=True))
    for trace in traces:
        if trace.status != "ok":
            failures.append(_failure(trace, "evidence", trace.error or "trace failed"))
            continue
        derived, reasons = results[trace.trace_id]
        tasks.extend(derived)
        for reason in reasons:
            if reason.startswith(REWRITE_PREFIX):  # the task stays, with its realized question
                failures.append(_failure(trace, "rewrite", reason.removeprefix(REWRITE_PREFIX)))
            else:
                failures.append(_failure(trace, "derivation", reason))
    return tasks, failures


REWRITE_PREFIX = "rewrite refused: "


def _rewritten(
    trace: Trace,
    derived: list[Task],
    reasons: list[str],
    tools: dict[str, ToolSpec],
    run: RunSettings,
    client: LLMClient,
) -> tuple[list[Task], list[str]]:
    """The embedded tasks of a trace with their questions rewritten by the model where the rewrite is accepted; a
    refused rewrite keeps the realized question and adds its reason (stage ``rewrite``)."""
    steps = {s.step_index: s for s in trace.steps}
    out: list[Task] = []
    reasons = list(reasons)
    for task in derived:
        exemplars = [e.question for e in round_exemplars(run.seed, trace.trace_id, task.round)]
        try:
            task, refused = rewrite_task(task, steps, tools, client, exemplars)
        except LLMError as exc:
            refused = f"{type(exc).__name__}: {exc}"
        if refused:
            reasons.append(f"{REWRITE_PREFIX}task {task.task_id}: {refused}")
        out.append(task)
    return out, reasons


def spool_tasks(spool: Spool, partition: Partition, run: RunSettings, client: LLMClient | None = None) -> None:
    """Derivation from the spool's traces: chunk k of ``tasks`` and ``task_failures`` comes from trace chunk k
    (in task-slot order, carrying the partition's earlier tasks from chunk to chunk)."""
    state = partition_tasks(partition, run)
    for traces in spooled_trace_chunks(spool):
        spool.add(task_frames(*derive_tasks(traces, partition, run, client, state)))


def _failure(trace: Trace, stage: str, reason: str) -> dict[str, str]:
    return {
        "trace_id": trace.trace_id,
        "domain": trace.domain,
        "diversity": trace.diversity,
        "stage": stage,
        "reason": reason,
    }
