"""What the asset modules share: the asset group, the partition a run materializes, writing a stage's rows with its
LLM accounting, and the small markdown tables shown as metadata in the UI."""

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
    return {"dagster/table_name": table, "dagster/row_count": rows}


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
