"""Dagster resources: the DuckDB warehouse and the run settings (both editable in the Launchpad)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb
from pydantic import Field

from dive_assets.synthesis import warehouse
from dive_assets.synthesis.config import RunSettings


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB file; every connection is taken under a cross-process lock (one writer at a time)."""

    duckdb_path: str = Field(description="Path of the DuckDB file (env DIVE_DUCKDB_PATH).")

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        with warehouse.connect(self.duckdb_path, read_only=read_only) as conn:
            yield conn


class SynthesisResource(dg.ConfigurableResource):
    """Sizes, seeds and the policy of a run (defaults from ``RunSettings`` and ``DIVE_*`` variables)."""

    tasks_per_partition: int = 24
    seed: int = 20260310
    max_steps: int = 3
    rounds: int = 3
    tool_timeout_s: float = 10.0
    llm_model: str | None = None
    llm_api_base: str | None = None
    llm_max_calls: int | None = None
    llm_concurrency: int = 8

    def settings(self, duckdb_path: str) -> RunSettings:
        return RunSettings(
            duckdb_path=duckdb_path,
            tasks_per_partition=self.tasks_per_partition,
            seed=self.seed,
            max_steps=self.max_steps,
            rounds=self.rounds,
            tool_timeout_s=self.tool_timeout_s,
            llm_model=self.llm_model,
            llm_api_base=self.llm_api_base,
            llm_max_calls=self.llm_max_calls,
            llm_concurrency=self.llm_concurrency,
        )


def default_resources(settings: RunSettings | None = None) -> dict[str, dg.ConfigurableResource]:
    run = settings or RunSettings.from_env()
    return {
        "warehouse_db": WarehouseResource(duckdb_path=run.duckdb_path),
        "synthesis": SynthesisResource(
            tasks_per_partition=run.tasks_per_partition,
            seed=run.seed,
            max_steps=run.max_steps,
            rounds=run.rounds,
            tool_timeout_s=run.tool_timeout_s,
            llm_model=run.llm_model,
            llm_api_base=run.llm_api_base,
            llm_max_calls=run.llm_max_calls,
            llm_concurrency=run.llm_concurrency,
        ),
    }
