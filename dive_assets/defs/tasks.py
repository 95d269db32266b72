"""derived_tasks: every round's task of every trace of the partition (:mod:`dive_assets.synthesis.tasks`)."""

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
from dive_assets.defs.traces import execution_traces
from dive_assets.partitions import domain_x_diversity
from dive_assets.resources import SynthesisResource, WarehouseResource
from dive_assets.synthesis import warehouse
from dive_assets.synthesis.llm_client import client_for
from dive_assets.synthesis.spool import stage_spool
from dive_assets.synthesis.tasks import spool_tasks
from dive_assets.synthesis.traces import TRACE_CHUNK


@dg.asset(
    group_name=GROUP,
    partitions_def=domain_x_diversity,
    deps=[execution_traces],
    kinds={"duckdb", "polars"},
    owners=OWNERS,
    tags={"stage": "derivation"},
    metadata=table_definition("tasks", "task_failures"),
    check_specs=[gx_spec("derived_tasks", "tasks")],
    description="Task derivation: for each trace, a question strictly entailed by its required steps, "
    "with the typed gold answer, the call graph and the tool-use pattern. Underivable traces are "
    "recorded in task_failures with the reason.",
)
def derived_tasks(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, synthesis: SynthesisResource
) -> dg.MaterializeResult:
    partition = partition_of(context)
    domain, diversity = partition.domain, partition.diversity
    run = synthesis.settings(warehouse_db.duckdb_path)
    with stage_spool("tasks") as spool:  # the stored traces chunk by chunk, then their tasks: memory does not grow
        with warehouse_db.connect() as conn:
            warehouse.spool_stored_traces(conn, spool, domain, diversity, TRACE_CHUNK)
            cache = warehouse.load_llm_cache(conn) if run.llm_model else None
        client = client_for(run, cache)
        spool_tasks(spool, partition, run, client)
        files = {table: spool.files(table) for table in ("tasks", "task_failures")}
        written = write_with_llm(warehouse_db, files, domain, diversity, client, cache, "derivation")
        patterns = spool.read("tasks", ["pattern"])
        patterns = dict(patterns.group_by("pattern").len().iter_rows()) if patterns.height else {}
        first = next((f for f in spool.chunks("tasks") if f.height), pl.DataFrame())
        preview = first.select("pattern", "question", "answer_text") if first.height else first
        check = gx_spool_check("derived_tasks", "tasks", spool, "tasks", {"max_rounds": run.max_rounds})
    return dg.MaterializeResult(
        metadata={
            **table_meta("tasks", written["tasks"]),
            "task_failures": written["task_failures"],
            "tasks_per_pattern": counts_md(patterns, "pattern"),
            "llm_usage": dg.MetadataValue.json(client.usage() if client else {}),
            "preview": dg.MetadataValue.md(markdown_table(preview, width=200)),
        },
        check_results=[check],
    )
