"""execution_traces: evidence collection for every task slot of the partition (:mod:`dive_assets.synthesis.traces`)."""

import dagster as dg
import polars as pl

from dive_assets.defs.checks import gx_spec, gx_spool_check
from dive_assets.defs.common import (
    GROUP,
    OWNERS,
    counts_md,
    markdown_table,
    partition_of,
    table_definition,
    table_meta,
    write_with_llm,
)
from dive_assets.defs.toolsets import sampled_toolsets
from dive_assets.partitions import domain_x_diversity
from dive_assets.resources import SynthesisResource, WarehouseResource
from dive_assets.synthesis import warehouse
from dive_assets.synthesis.llm_client import client_for
from dive_assets.synthesis.spool import stage_spool
from dive_assets.synthesis.traces import spool_traces


@dg.asset(
    group_name=GROUP,
    partitions_def=domain_x_diversity,
    deps=[sampled_toolsets],
    kinds={"duckdb", "polars"},
    owners=OWNERS,
    tags={"stage": "evidence"},
    metadata=table_definition("traces", "trace_steps"),
    check_specs=[gx_spec("execution_traces", "traces"), gx_spec("execution_traces", "trace_steps")],
    description="Evidence collection: real tool calls from a seed entity, chained on typed ports, "
    "one trace per task slot; every step with arguments, provenance, output or error and latency.",
)
def execution_traces(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, synthesis: SynthesisResource
) -> dg.MaterializeResult:
    partition = partition_of(context)
    domain, diversity = partition.domain, partition.diversity
    run = synthesis.settings(warehouse_db.duckdb_path)
    with warehouse_db.connect() as conn:
        toolsets = warehouse.read_partition(conn, "toolsets", domain, diversity)
        seeds = warehouse.query_frame(
            conn, "SELECT port, value FROM seeds WHERE domain = ? ORDER BY port, value", [domain]
        )
        cache = warehouse.load_llm_cache(conn) if run.llm_model else None
    if toolsets.height == 0:
        raise dg.Failure(f"no toolsets for partition {domain}/{diversity}: materialize sampled_toolsets first")
    client = client_for(run, cache)
    with stage_spool("traces") as spool:  # the partition's rows chunk by chunk on disk: memory does not grow with it
        spool_traces(partition, toolsets, seeds, run, spool, client)
        files = {table: spool.files(table) for table in ("traces", "trace_steps")}
        written = write_with_llm(warehouse_db, files, domain, diversity, client, cache, "evidence")
        traces = spool.read("traces", ["status", "step_count", "policy"])
        error_types = spool.read("trace_steps", ["error_type"])
        errors = dict(error_types.drop_nulls().group_by("error_type").len().iter_rows()) if error_types.width else {}
        first = next(spool.chunks("trace_steps"), pl.DataFrame())
        preview = first.select("trace_id", "step_index", "tool_name", "arguments", "output") if first.width else first
        bounds = {"max_trace_steps": run.max_trace_steps}
        checks = [
            gx_spool_check("execution_traces", "traces", spool, "traces", bounds),
            gx_spool_check("execution_traces", "trace_steps", spool, "trace_steps", bounds),
        ]
    return dg.MaterializeResult(
        metadata={
            **table_meta("traces", written["traces"]),
            "steps": written["trace_steps"],
            "ok_traces": int((traces["status"] == "ok").sum()) if traces.height else 0,
            "mean_steps": float(traces["step_count"].mean() or 0) if traces.height else 0.0,
            "policy": traces["policy"][0] if traces.height else "",
            "llm_usage": dg.MetadataValue.json(client.usage() if client else {}),
            "step_errors": counts_md(errors, "error type") if errors else dg.MetadataValue.text("none"),
            "preview": dg.MetadataValue.md(markdown_table(preview)),
        },
        check_results=checks,
    )
