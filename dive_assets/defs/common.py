"""What the asset modules share: the asset group, owners and definition metadata (column schemas from
``sql/schema.sql``, column lineage between the stage tables), the partition a run materializes, the previous
materialization's metadata, writing a stage's rows with its LLM accounting, and the small markdown tables shown as
metadata in the UI."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import dagster as dg
import polars as pl

from dive_assets.partitions import DIVERSITY_GRID, split_key
from dive_assets.resources import WarehouseResource
from dive_assets.synthesis import warehouse
from dive_assets.synthesis.config import Partition
from dive_assets.synthesis.frames import llm_call_frame
from dive_assets.synthesis.llm_client import LLMClient

GROUP = "dive"

OWNERS = ["team:dive"]
"""Who answers for every asset (Dagster accepts an e-mail address or ``team:<name>``)."""

LINEAGE: dict[str, dict[str, tuple[str, str]]] = {
    "toolsets": {"tool_names": ("tool_catalog", "name")},
    "traces": {c: ("sampled_toolsets", c) for c in ("toolset_id", "domain", "diversity")},
    "tasks": {c: ("execution_traces", c) for c in ("trace_id", "toolset_id", "domain", "diversity", "seed_value")},
    "splits": {c: ("derived_tasks", c) for c in ("task_id", "toolset_id", "domain", "diversity", "seed_value")},
    "diversity_metrics": {c: ("verified_splits", c) for c in ("domain", "diversity")},
    "diversity_comparison": {c: ("diversity_metrics", c) for c in ("domain", "diversity", "metric", "value")},
}
"""Columns a stage table carries from the main table of an upstream asset: table -> column -> (asset, column)."""


def table_schema(table: str) -> dg.TableSchema:
    """The table's columns as ``sql/schema.sql`` declares them (:func:`warehouse.declared_columns`)."""
    return dg.TableSchema(
        columns=[
            dg.TableColumn(c.name, c.type, c.description, constraints=dg.TableColumnConstraints(nullable=c.nullable))
            for c in warehouse.declared_columns()[table]
        ]
    )


def column_lineage(table: str) -> dg.TableColumnLineage | None:
    carried = LINEAGE.get(table)
    if not carried:
        return None
    return dg.TableColumnLineage(
        {col: [dg.TableColumnDep(dg.AssetKey(asset), source)] for col, (asset, source) in carried.items()}
    )


def table_definition(table: str, *more: str) -> dict[str, object]:
    """Definition metadata of an asset whose main table is ``table``: its name, column schema and column lineage;
    the column schemas of the ``more`` tables it also writes."""
    lineage = column_lineage(table)
    return {
        "dagster/table_name": table,
        "dagster/column_schema": table_schema(table),
        **({"dagster/column_lineage": lineage} if lineage else {}),
        **{f"columns/{other}": dg.MetadataValue.table_schema(table_schema(other)) for other in more},
    }


def partition_of(context: dg.AssetExecutionContext) -> Partition:
    """The partition a run materializes, with its diversity setting and the grid, built once for the stages."""
    domain, diversity = split_key(context.partition_key)
    return Partition(domain, DIVERSITY_GRID.get(diversity), DIVERSITY_GRID)


def markdown_table(frame: pl.DataFrame, limit: int = 10, width: int = 90) -> str:
    """A small markdown preview of a frame (cells clipped to ``width`` characters)."""
    if frame.height == 0:
        return "_no rows_"
    head = frame.head(limit)
    cols = head.columns
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in head.iter_rows():
        cells = [str(v).replace("|", "\\|").replace("\n", " ")[:width] for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def counts_md(counts: Mapping[str, int], title: str) -> dg.MetadataValue:
    lines = [f"| {title} | count |", "|---|---|", *(f"| {k} | {v} |" for k, v in sorted(counts.items()))]
    return dg.MetadataValue.md("\n".join(lines))


def table_meta(table: str, rows: int) -> dict[str, object]:
    lineage = column_lineage(table)
    return {
        "dagster/table_name": table,
        "dagster/row_count": rows,
        **({"dagster/column_lineage": lineage} if lineage else {}),
    }


def previous_metadata(context: dg.AssetExecutionContext) -> dict[str, object] | None:
    """The metadata values of the asset's latest stored materialization (of the run's partition, for a partitioned
    asset), or None: called in the asset's body, that is the materialization before this one."""
    records = context.instance.fetch_materializations(
        dg.AssetRecordsFilter(
            asset_key=context.asset_key,
            asset_partitions=[context.partition_key] if context.has_partition_key else None,
        ),
        limit=1,
    ).records
    materialization = records[0].asset_materialization if records else None
    return {k: v.value for k, v in materialization.metadata.items()} if materialization else None


def write_with_llm(
    warehouse_db: WarehouseResource,
    frames: Mapping[str, warehouse.Rows],
    domain: str,
    diversity: str,
    client: LLMClient | None,
    cache: dict | None,
    stage: str,
) -> dict[str, int]:
    """Replace the partition's rows, this stage's LLM call records, and add new LLM cache entries."""
    frames = {**frames, "llm_calls": llm_call_frame(client, domain, diversity, stage)}
    with warehouse_db.connect() as conn:
        written = warehouse.replace_partition(conn, frames, domain, diversity, scope={"llm_calls": {"stage": stage}})
        if client is not None and cache is not None:
            known = set(warehouse.load_llm_cache(conn))
            written["llm_cache_added"] = warehouse.save_llm_cache(conn, cache, client.model, known)
    return written


def plot_path(warehouse_db: WarehouseResource, name: str) -> Path:
    """Plots are also written beside the DuckDB file (plots/<name>.png) so they can be linked or published."""
    return Path(warehouse_db.duckdb_path).parent / "plots" / f"{name}.png"
