"""The shared frame I/O of the stages: records to polars frames (the warehouse's rows) and back.

Every stage reads what the previous one wrote through these functions, so a table's columns and types are
defined once: traces and their steps, tasks and task failures, and the LLM call records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import polars as pl

from dive_assets.synthesis.llm_client import LLMClient
from dive_assets.synthesis.records import Provenance, Step, Task, Trace, stable_id
from dive_assets.synthesis.spool import Spool


def trace_frames(traces: Sequence[Trace]) -> dict[str, pl.DataFrame]:
    trace_rows = []
    step_rows = []
    for t in traces:
        row = t.model_dump(exclude={"steps"})
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
                task_slot=row["task_slot"],
                error=row["error"],
                steps=by_trace.get(row["trace_id"], []),
            )
        )
    return out


def spooled_trace_chunks(spool: Spool) -> Iterator[list[Trace]]:
    """The spool's trace records, one chunk at a time, in task-slot order."""
    for traces, steps in zip(spool.chunks("traces"), spool.chunks("trace_steps"), strict=True):
        yield traces_from_frames(traces, steps)


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
        "tolerance_kind": pl.String,
        "answer_unit": pl.String,
        "ordered": pl.Boolean,
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
