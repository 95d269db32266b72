"""Great Expectations suites kept as JSON files in ``expectations/``, validated on polars frames.

GX 1.x has no polars engine and its DuckDB path is broken, so a partition's rows are validated as a
pandas frame in an ephemeral context. GX is imported lazily (it takes seconds) and with analytics and
progress bars off (no network, clean logs).
"""

from __future__ import annotations

import json
import os
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

    Why: GX's pandas copy of a partition's JSON text costs several times the text. Validating 750k trace steps
    (a 30k-trace partition) raised peak memory by 371 MB with the ``arguments`` and ``provenance`` JSON, by 68 MB
    with their lengths."""
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


def validate_frame(suite_name: str, frame: pl.DataFrame, parameters: dict[str, Any] | None = None) -> SuiteOutcome:
    """Validate a frame against a suite file; list-typed columns are compared as JSON text. ``parameters`` fill the
    suite's ``$PARAMETER`` bounds (a trace's most steps follows the run's rounds and calls per round)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    suite_dict = load_suite(suite_name)
    missing = suite_parameters(suite_dict) - set(parameters or {})
    if missing:
        raise ValueError(f"expectation suite {suite_name!r} needs parameters {sorted(missing)}")
    frame = slim_frame(suite_dict, frame)
    flat = frame.with_columns(
        [pl.col(c).cast(pl.List(pl.String)).list.join(",") for c, t in frame.schema.items() if isinstance(t, pl.List)]
    )
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    batch_definition = (
        context.data_sources.add_pandas("pandas")
        .add_dataframe_asset(name=suite_name)
        .add_batch_definition_whole_dataframe("whole")
    )
    batch = batch_definition.get_batch(batch_parameters={"dataframe": flat.to_pandas(use_pyarrow_extension_array=True)})
    result = batch.validate(gx.ExpectationSuite(**suite_dict), expectation_parameters=dict(parameters or {}))
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
    return SuiteOutcome(suite=suite_name, success=bool(result.success), evaluated=len(result.results), failed=failed)
