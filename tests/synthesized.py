"""A warehouse filled by the plain pipeline (no Dagster): the catalog tables and the given partitions, for tests
that read what the stages write (diversity metrics, exports, environments)."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import polars as pl

from dive_assets.synthesis import warehouse
from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.partition import partition_frames


def fill_warehouse(conn: duckdb.DuckDBPyConnection, partitions: Sequence[tuple[str, str]], run: RunSettings) -> None:
    """Write the catalog and every (domain, diversity) partition of ``partitions`` synthesized with ``run``."""
    catalog = catalog_frames(run_examples=False)
    warehouse.replace_tables(conn, catalog)
    for domain, diversity in partitions:
        seeds = catalog["seeds"].filter(pl.col("domain") == domain)
        frames = partition_frames(Partition.of(domain, diversity), seeds, run)
        warehouse.replace_partition(conn, frames, domain, diversity)
