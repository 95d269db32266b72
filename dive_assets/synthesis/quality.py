"""Great Expectations suites kept as JSON files in ``expectations/``, validated on polars frames.

GX 1.x has no polars engine and its DuckDB path is broken, so a partition's rows are validated as a
pandas frame in an ephemeral context. GX is imported lazily (it takes seconds) and with analytics and
progress bars off (no network, clean logs).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

EXPECTATIONS_DIR = Path(__file__).resolve().parents[2] / "expectations"


@dataclass
class SuiteOutcome:
    suite: str
    success: bool
    evaluated: int
    failed: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> str:
        if self.success:
            return f"{self.suite}: all {self.evaluated} expectations passed"
        names = ", ".join(f"{f['type']}({f.get('column', '')})" for f in self.failed)
        return f"{self.suite}: {len(self.failed)} of {self.evaluated} expectations failed: {names}"


def load_suite(name: str) -> dict[str, Any]:
    path = EXPECTATIONS_DIR / f"{name}.json"
    if not path.exists():
        raise FileNotFoundError(f"no expectation suite {path}")
    suite = json.loads(path.read_text(encoding="utf-8"))
    if suite.get("name") != name or not isinstance(suite.get("expectations"), list):
        raise ValueError(f"expectation suite {path} must have name={name!r} and a list of expectations")
    return suite


def suite_columns(suite: dict[str, Any], columns: list[str]) -> list[str]:
    """The frame's columns the suite's expectations name (all of them when none is named).

    Only these are handed to GX: its pandas copy of a partition's JSON argument and output columns cost more
    memory than the partition's polars frames themselves."""
    named = {e.get("kwargs", {}).get("column") for e in suite["expectations"]}
    picked = [c for c in columns if c in named]
    return picked or columns


def null_only_columns(suite: dict[str, Any]) -> set[str]:
    """Columns the suite only checks for nulls (every expectation naming them is ``not_be_null``)."""
    kinds: dict[str, set[str]] = {}
    for e in suite["expectations"]:
        if column := e.get("kwargs", {}).get("column"):
            kinds.setdefault(column, set()).add(e["type"])
    return {c for c, types in kinds.items() if types == {"expect_column_values_to_not_be_null"}}


def slim_frame(suite: dict[str, Any], frame: pl.DataFrame) -> pl.DataFrame:
    """The frame as GX needs it for this suite: only the columns it names, and a text column it only checks for
    nulls as its length in bytes (null stays null, so the expectation decides the same).

    Why: GX's pandas copy of a partition's JSON text costs several times the text; its lengths cost a few bytes a
    row."""
    frame = frame.select(suite_columns(suite, frame.columns))
    lengths = [c for c in null_only_columns(suite) if frame.schema.get(c) == pl.String]
    return frame.with_columns(pl.col(c).str.len_bytes() for c in lengths) if lengths else frame


def suite_parameters(suite: dict[str, Any]) -> set[str]:
    """The names of the suite's ``{"$PARAMETER": name}`` values: bounds that depend on the run's settings."""
    found: set[str] = set()
    for e in suite["expectations"]:
        for value in e.get("kwargs", {}).values():
            if isinstance(value, dict) and "$PARAMETER" in value:
                found.add(value["$PARAMETER"])
    return found


ROW_WISE = frozenset(
    {
        "expect_column_values_to_not_be_null",
        "expect_column_values_to_be_between",
        "expect_column_values_to_be_in_set",
        "expect_column_values_to_match_regex",
    }
)
"""Expectations decided row by row: a table passes exactly when every batch of its rows passes (without
``mostly``, which is a share of the whole table)."""

BATCH_ROWS = 250_000
"""Rows handed to GX at a time by :func:`validate_chunks`, so GX's pandas copy of a large table is never made whole."""


def is_row_wise(expectation: dict[str, Any]) -> bool:
    return expectation["type"] in ROW_WISE and "mostly" not in expectation.get("kwargs", {})


def validate_frame(suite_name: str, frame: pl.DataFrame, parameters: dict[str, Any] | None = None) -> SuiteOutcome:
    """Validate a frame against a suite file; list-typed columns are compared as JSON text. ``parameters`` fill the
    suite's ``$PARAMETER`` bounds (a trace's most steps follows the run's rounds and calls per round)."""
    suite_dict = _checked_suite(suite_name, parameters)
    validator = _Validator(suite_name, parameters)
    if frame.height == 0:  # no rows: the row count decides; a column the suite names is empty, not missing
        named = {e.get("kwargs", {}).get("column") for e in suite_dict["expectations"]} - {None, *frame.columns}
        frame = frame.with_columns(pl.lit(None, pl.String).alias(name) for name in sorted(named))
    failed = validator.failures(suite_dict["expectations"], slim_frame(suite_dict, frame))
    return SuiteOutcome(suite_name, not failed, len(suite_dict["expectations"]), failed)


def validate_chunks(
    suite_name: str,
    chunks: Iterable[pl.DataFrame],
    parameters: dict[str, Any] | None = None,
    batch_rows: int = BATCH_ROWS,
) -> SuiteOutcome:
    """Validate a table that arrives in chunks (a spool's files) without holding it whole for GX.

    Row-wise expectations (:data:`ROW_WISE`, no ``mostly``) run on batches of about ``batch_rows`` rows and fail
    when any batch fails (the first failing batch is reported). The others (row counts, uniqueness, sums, shares)
    run once on the whole table's columns they name, which are few and small (ids, statuses); a suite that names
    none there gets a one-byte column so that GX counts the rows. Same verdict as :func:`validate_frame` on the
    concatenated chunks."""
    suite_dict = _checked_suite(suite_name, parameters)
    expectations = suite_dict["expectations"]
    row_wise = [e for e in expectations if is_row_wise(e)]
    whole = [e for e in expectations if not is_row_wise(e)]
    row_suite, whole_suite = {**suite_dict, "expectations": row_wise}, {**suite_dict, "expectations": whole}
    validator = _Validator(suite_name, parameters)
    failed: dict[str, dict[str, Any]] = {}
    pending: list[pl.DataFrame] = []
    kept: list[pl.DataFrame] = []  # the whole-table expectations' columns
    rows = pending_rows = 0
    named = _names_columns(whole)

    def flush() -> None:
        nonlocal pending, pending_rows
        if pending and row_wise:
            batch = pl.concat(pending, how="diagonal_relaxed")
            for failure in validator.failures(row_wise, batch):
                failed.setdefault(_failure_key(failure), failure)
        pending, pending_rows = [], 0

    for chunk in chunks:
        if not chunk.width:
            continue
        rows += chunk.height
        if row_wise:
            pending.append(slim_frame(row_suite, chunk))
            pending_rows += chunk.height
        if whole:
            kept.append(slim_frame(whole_suite, chunk) if named else _row_marker(chunk.height))
        if pending_rows >= batch_rows:
            flush()
    if not rows:
        return validate_frame(suite_name, pl.DataFrame(), parameters)
    flush()
    if whole:
        for failure in validator.failures(whole, pl.concat(kept, how="diagonal_relaxed")):
            failed.setdefault(_failure_key(failure), failure)
    order = {_failure_key(_describe(e)): i for i, e in enumerate(expectations)}
    ordered = sorted(failed.values(), key=lambda f: order.get(_failure_key(f), len(order)))
    return SuiteOutcome(suite_name, not ordered, len(expectations), ordered)


def _checked_suite(suite_name: str, parameters: dict[str, Any] | None) -> dict[str, Any]:
    suite_dict = load_suite(suite_name)
    missing = suite_parameters(suite_dict) - set(parameters or {})
    if missing:
        raise ValueError(f"expectation suite {suite_name!r} needs parameters {sorted(missing)}")
    return suite_dict


def _names_columns(expectations: list[dict[str, Any]]) -> bool:
    return any(e.get("kwargs", {}).get("column") for e in expectations)


def _row_marker(height: int) -> pl.DataFrame:
    return pl.DataFrame({"_row": pl.zeros(height, dtype=pl.Int8, eager=True)})


def _describe(expectation: dict[str, Any]) -> dict[str, Any]:
    return {"type": expectation["type"], "column": expectation.get("kwargs", {}).get("column", "")}


def _failure_key(failure: dict[str, Any]) -> str:
    return f"{failure['type']}|{failure.get('column', '')}"


class _Validator:
    """One ephemeral GX context and pandas batch definition, reused for every batch of a table."""

    def __init__(self, suite_name: str, parameters: dict[str, Any] | None) -> None:
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self._gx = gx
        self.suite_name = suite_name
        self.parameters = dict(parameters or {})
        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        self._batches = (
            context.data_sources.add_pandas("pandas")
            .add_dataframe_asset(name=suite_name)
            .add_batch_definition_whole_dataframe("whole")
        )

    def failures(self, expectations: list[dict[str, Any]], frame: pl.DataFrame) -> list[dict[str, Any]]:
        """The failed expectations of ``expectations`` on ``frame`` (list columns compared as joined text)."""
        flat = frame.with_columns(
            [
                pl.col(c).cast(pl.List(pl.String)).list.join(",")
                for c, t in frame.schema.items()
                if isinstance(t, pl.List)
            ]
        )
        batch = self._batches.get_batch(
            batch_parameters={"dataframe": flat.to_pandas(use_pyarrow_extension_array=True)}
        )
        suite = self._gx.ExpectationSuite(name=self.suite_name, expectations=expectations)
        result = batch.validate(suite, expectation_parameters=self.parameters)
        failed = []
        for r in result.results:
            if not r.success:
                cfg = r.expectation_config
                failed.append(
                    {
                        "type": cfg.type,
                        "column": cfg.kwargs.get("column", ""),
                        "observed": str(r.result.get("observed_value", r.result.get("partial_unexpected_list")))[:300],
                    }
                )
        return failed
