"""Asset checks: a table's Great Expectations suite (``expectations/<suite>.json``) run on a partition's rows, in
memory or chunk by chunk from a spool, and the invariants and drops of :mod:`dive_assets.synthesis.invariants`, each
an ``AssetCheckResult`` with its metadata.

A check of a partitioned asset is declared with the asset's ``partitions_def`` (:func:`spec`), so Dagster records
its result against the partition the run materialized: each partition has its own check status and history."""

from __future__ import annotations

import warnings

import dagster as dg
import polars as pl

from dive_assets.partitions import domain_x_diversity
from dive_assets.synthesis.invariants import Outcome
from dive_assets.synthesis.quality import SuiteOutcome, load_suite, suite_columns, validate_chunks, validate_frame
from dive_assets.synthesis.spool import Spool

WARN = dg.AssetCheckSeverity.WARN
"""A yield or diversity figure fell: worth a look, the rows are not wrong."""
ERROR = dg.AssetCheckSeverity.ERROR
"""A broken invariant or suite: the rows or files are wrong."""


def spec(
    asset: str, name: str, description: str, partitioned: bool = False, blocking: bool = False
) -> dg.AssetCheckSpec:
    """A check of ``asset``; ``partitioned``: scoped to the partition of ``domain_x_diversity`` a run materializes."""
    with warnings.catch_warnings():  # partitions_def on a check spec is a preview feature of Dagster; we rely on it
        warnings.simplefilter("ignore", dg.PreviewWarning)
        return dg.AssetCheckSpec(
            name,
            asset=asset,
            blocking=blocking,
            description=description,
            partitions_def=domain_x_diversity if partitioned else None,
        )


def outcome_check(asset: str, name: str, outcome: Outcome, severity: dg.AssetCheckSeverity) -> dg.AssetCheckResult:
    metadata = {k: dg.MetadataValue.json(v) if isinstance(v, dict | list) else v for k, v in outcome.metadata.items()}
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=name,
        passed=outcome.passed,
        severity=severity,
        description=outcome.description,
        metadata=metadata,
    )


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
        severity=ERROR,
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


def gx_spec(asset: str, suite: str, partitioned: bool = True, blocking: bool = False) -> dg.AssetCheckSpec:
    rows = "this partition's rows" if partitioned else "the table's rows"
    description = f"Great Expectations suite expectations/{suite}.json on {rows}"
    return spec(asset, f"gx_{suite}", description, partitioned, blocking)
