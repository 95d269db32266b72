"""Dagster resources: the DuckDB warehouse and the run settings (both editable in the Launchpad)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

import dagster as dg
import duckdb
from pydantic import BaseModel, Field

from dive_assets.synthesis import warehouse
from dive_assets.synthesis.config import ConfigError, RunSettings, allowed_range, validated

_Model = TypeVar("_Model", bound=BaseModel)


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB file; every connection is taken under a cross-process lock (one writer at a time)."""

    duckdb_path: str = Field(description="Path of the DuckDB file (env DIVE_DUCKDB_PATH).")

    @contextmanager
    def connect(self, read_only: bool = False, memory_limit: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        with warehouse.connect(self.duckdb_path, read_only=read_only, memory_limit=memory_limit) as conn:
            yield conn


def checked(model: type[_Model], values: Mapping[str, object]) -> _Model:
    """``model`` built from launch config ``values``; a value outside the bounds ``model`` declares fails the step
    with a ``dg.Failure`` whose description is one line naming the field, the value and the allowed range (Dagster's
    config schema has no numeric ranges, so the first step of a run checks them)."""
    try:
        return validated(model, values)
    except ConfigError as exc:
        raise dg.Failure(description=str(exc), allow_retries=False) from None


def launch_field(model: type[BaseModel], name: str, **spec: Any) -> Any:
    """A Launchpad field with ``model``'s description, ending in the allowed range, and its default (or the pydantic
    ``Field`` arguments in ``spec``)."""
    field = model.model_fields[name]
    bounds = allowed_range(model, name)
    words = [field.description or "", f"Allowed: {bounds.removeprefix('must be ')}." if bounds else ""]
    return Field(**(spec or {"default": field.default}), description=" ".join(w for w in words if w) or None)


def _run_field(name: str) -> Any:
    return launch_field(RunSettings, name)


class SynthesisResource(dg.ConfigurableResource):
    """Sizes, seeds and the policy of a run (defaults from ``RunSettings`` and ``DIVE_*`` variables).

    The fields repeat ``RunSettings`` (minus the database path) because Dagster builds the Launchpad's config
    schema from them (defaults, descriptions and allowed ranges taken from ``RunSettings``); a test keeps the two in
    step, and ``settings`` validates through ``RunSettings``.
    """

    tasks_per_partition: int = _run_field("tasks_per_partition")
    seed: int = _run_field("seed")
    max_steps: int = _run_field("max_steps")
    rounds: int = _run_field("rounds")
    extra_rounds: int = _run_field("extra_rounds")
    sibling_claims: bool = _run_field("sibling_claims")
    tool_timeout_s: float = _run_field("tool_timeout_s")
    tool_timeout_cap_s: float | None = _run_field("tool_timeout_cap_s")
    llm_model: str | None = _run_field("llm_model")
    llm_api_base: str | None = _run_field("llm_api_base")
    llm_max_calls: int | None = _run_field("llm_max_calls")
    llm_concurrency: int = _run_field("llm_concurrency")
    llm_rewrite: bool = _run_field("llm_rewrite")
    solver_attempts: int | None = _run_field("solver_attempts")
    solver_model: str | None = _run_field("solver_model")
    solver_max_turns: int = _run_field("solver_max_turns")

    def settings(self, duckdb_path: str) -> RunSettings:
        """The run settings; a value out of ``RunSettings``' bounds fails the step in one line (:func:`checked`)."""
        fields = {name: getattr(self, name) for name in RunSettings.model_fields if name != "duckdb_path"}
        return checked(RunSettings, {"duckdb_path": duckdb_path, **fields})


def default_resources(settings: RunSettings | None = None) -> dict[str, dg.ConfigurableResource]:
    run = settings or RunSettings.from_env()
    return {
        "warehouse_db": WarehouseResource(duckdb_path=run.duckdb_path),
        "synthesis": SynthesisResource(**run.model_dump(exclude={"duckdb_path"})),
    }
