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
    def connect(self, read_only: bool = False, memory_limit: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        with warehouse.connect(self.duckdb_path, read_only=read_only, memory_limit=memory_limit) as conn:
            yield conn


class SynthesisResource(dg.ConfigurableResource):
    """Sizes, seeds and the policy of a run (defaults from ``RunSettings`` and ``DIVE_*`` variables).

    The fields repeat ``RunSettings`` (minus the database path) because Dagster builds the Launchpad's config
    schema from them; a test keeps the two in step, and ``settings`` validates through ``RunSettings``.
    """

    tasks_per_partition: int = 24
    seed: int = 20260310
    max_steps: int = 5
    rounds: int = 3
    extra_rounds: int = 14
    sibling_claims: bool = True
    tool_timeout_s: float = 10.0
    tool_timeout_cap_s: float | None = None
    llm_model: str | None = None
    llm_api_base: str | None = None
    llm_max_calls: int | None = None
    llm_concurrency: int = 8
    llm_rewrite: bool = False
    solver_attempts: int = 0
    solver_model: str | None = None
    solver_max_turns: int = 6

    def settings(self, duckdb_path: str) -> RunSettings:
        fields = {name: getattr(self, name) for name in RunSettings.model_fields if name != "duckdb_path"}
        return RunSettings(duckdb_path=duckdb_path, **fields)


def default_resources(settings: RunSettings | None = None) -> dict[str, dg.ConfigurableResource]:
    run = settings or RunSettings.from_env()
    return {
        "warehouse_db": WarehouseResource(duckdb_path=run.duckdb_path),
        "synthesis": SynthesisResource(**run.model_dump(exclude={"duckdb_path"})),
    }
