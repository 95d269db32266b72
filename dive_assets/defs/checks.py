"""Great Expectations outcomes as Dagster asset checks: a table's suite (``expectations/<suite>.json``) run on a
partition's rows, in memory or chunk by chunk from a spool, becomes an ``AssetCheckResult`` with its metadata."""

from __future__ import annotations

import dagster as dg
import polars as pl

from dive_assets.synthesis.quality import SuiteOutcome, load_suite, suite_columns, validate_chunks, validate_frame
from dive_assets.synthesis.spool import Spool


def gx_check(
    asset: str, suite: str, frame: pl.DataFrame, check_name: str | None = None, parameters: dict | None = None
) -> dg.AssetCheckResult:
    return check_result(asset, suite, validate_frame(suite, frame, parameters), frame.height, check_name)


def check_result(
    asset: str, suite: str, outcome: SuiteOutcome, rows: int, check_name: str | None = None
) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=check_name or f"gx_{suite}",
        passed=outcome.success,
        severity=dg.AssetCheckSeverity.ERROR,
        description=outcome.summary(),
        metadata={
            "evaluated": outcome.evaluated,
            "failed": dg.MetadataValue.json(outcome.failed),
            "rows": rows,
        },
    )


def gx_spool_check(
    asset: str, suite: str, spool: Spool, table: str, parameters: dict | None = None
) -> dg.AssetCheckResult:
    """The suite on a spooled table, chunk by chunk (:func:`validate_chunks`): only the columns the suite names are
    read, and GX sees a batch of rows at a time, so neither the table's text nor GX's copy of it is held whole."""
    present = spool.columns(table)
    columns = suite_columns(load_suite(suite), present) if present else None
    outcome = validate_chunks(suite, spool.chunks(table, columns), parameters)
    return check_result(asset, suite, outcome, spool.height(table))


def gx_spec(asset: str, suite: str, blocking: bool = False) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        f"gx_{suite}",
        asset=asset,
        blocking=blocking,
        description=f"Great Expectations suite expectations/{suite}.json on this partition's rows",
    )
