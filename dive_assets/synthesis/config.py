"""Configuration as data: diversity settings (a YAML file) and run settings (defaults + environment)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tool_catalog.runtime import ToolCaller, call_tool

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SETTINGS_FILE = REPO_ROOT / "config" / "diversity_settings.yaml"
DEFAULT_DUCKDB_PATH = REPO_ROOT / "data" / "dive.duckdb"

_KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class ConfigError(ValueError):
    """A configuration value is invalid; the message names the value and the source."""


class DiversitySetting(BaseModel):
    """One point on DIVE's two diversity axes (tool-pool coverage x per-task toolset variety)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(description="Partition key; lowercase letters, digits, '-' and '_'.")
    description: str = ""
    pool_fraction: float = Field(gt=0.0, le=1.0, description="Share of the domain's pool this setting may use.")
    min_pool_tools: int = Field(default=6, ge=1)
    toolset_mode: Literal["fixed", "per_task"]
    toolset_size: tuple[int, int]
    include_general: bool = True

    @field_validator("key")
    @classmethod
    def _valid_key(cls, value: str) -> str:
        if not _KEY_PATTERN.match(value):
            raise ValueError(f"diversity key {value!r} must match {_KEY_PATTERN.pattern} (no '|', ',', '[' or ']')")
        return value

    @model_validator(mode="after")
    def _valid_size(self) -> DiversitySetting:
        low, high = self.toolset_size
        if low < 1 or high < low:
            raise ValueError(f"toolset_size {list(self.toolset_size)} must be [min, max] with 1 <= min <= max")
        return self


class DiversityGrid(BaseModel):
    model_config = ConfigDict(extra="forbid")

    settings: list[DiversitySetting]

    @model_validator(mode="after")
    def _unique_keys(self) -> DiversityGrid:
        keys = [s.key for s in self.settings]
        if not keys:
            raise ValueError("at least one diversity setting is required")
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(f"duplicate diversity keys: {duplicates}")
        return self

    def get(self, key: str) -> DiversitySetting:
        for setting in self.settings:
            if setting.key == key:
                return setting
        raise KeyError(f"unknown diversity setting {key!r}; known: {[s.key for s in self.settings]}")


@dataclass(frozen=True)
class Partition:
    """One partition: a domain and a diversity setting, with the grid it belongs to (the settings of its sibling
    partitions decide which call graphs it leaves to them). Built once where a run starts (an asset, the CLI, a
    benchmark) and passed down the stages, so no stage reads the settings file again or recovers them from rows."""

    domain: str
    setting: DiversitySetting
    grid: DiversityGrid

    @property
    def diversity(self) -> str:
        return self.setting.key

    @classmethod
    def of(cls, domain: str, diversity: str, grid: DiversityGrid | None = None) -> Partition:
        """The partition of a domain and a setting key of ``grid`` (default: the settings file)."""
        grid = grid or load_diversity_grid()
        return cls(domain, grid.get(diversity), grid)


def load_diversity_grid(path: Path | str | None = None) -> DiversityGrid:
    """Read and validate the diversity settings file (``DIVE_DIVERSITY_FILE`` overrides the default)."""
    source = Path(path or os.environ.get("DIVE_DIVERSITY_FILE") or DEFAULT_SETTINGS_FILE)
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"diversity settings file not found: {source}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"diversity settings file {source} is not valid YAML: {exc}") from None
    try:
        return DiversityGrid.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"invalid diversity settings in {source}: {exc}") from None


class RunSettings(BaseModel):
    """Sizes, seeds and backends of a run. Environment variables ``DIVE_*`` override the defaults."""

    model_config = ConfigDict(extra="forbid")

    @property
    def max_trace_steps(self) -> int:
        """The most calls an embedded-policy trace can make: every round (extra ones included) makes up to twice
        ``max_steps`` attempts, since a failed call does not use up the round. The trace suites check against it."""
        return self.max_rounds * 2 * self.max_steps

    @property
    def max_rounds(self) -> int:
        """The last round a task can come from (extra rounds included). The tasks suite checks against it."""
        return self.rounds + self.extra_rounds

    duckdb_path: str = Field(default=str(DEFAULT_DUCKDB_PATH), min_length=1)
    tasks_per_partition: int = Field(default=24, ge=1, le=100_000)
    seed: int = Field(default=20260310, ge=0)
    max_steps: int = Field(
        default=5, ge=1, le=32, description="Tool calls per round of evidence collection (DIVE's max_steps = 5)."
    )
    rounds: int = Field(default=3, ge=1, le=10, description="Evidence collection -> task derivation rounds.")
    extra_rounds: int = Field(
        default=14,
        ge=0,
        le=20,
        description="Embedded policy: further rounds while the task repeats the call graph of an earlier task of the"
        " partition (each round must still make it harder).",
    )
    sibling_claims: bool = Field(
        default=True,
        description="Embedded policy: a partition prefers new call graphs that no narrower partition of its domain"
        " can make (the settings complement each other instead of repeating graphs).",
    )
    tool_timeout_s: float = Field(
        default=10.0, gt=0, le=600, description="Per-call time limit of a tool that declares none."
    )
    tool_timeout_cap_s: float | None = Field(
        default=None, gt=0, le=600, description="A cap on every call's time limit, declared ones included."
    )
    llm_model: str | None = Field(default=None, description="litellm model string; None = embedded policy.")
    llm_api_base: str | None = Field(default=None, description="Base URL of an OpenAI-compatible server.")
    llm_max_calls: int | None = Field(default=None, ge=1, description="HTTP calls allowed per partition stage.")
    llm_concurrency: int = Field(default=8, ge=1, le=256, description="LLM traces in flight at once.")
    llm_rewrite: bool = Field(
        default=False,
        description="With a model: the embedded derivation realizes each question and the model rewrites its wording"
        " (kept only if it states every value, keeps the answer's form, gives nothing away and passes the realism"
        " gate); off, the model derives the tasks itself.",
    )
    solver_attempts: int = Field(
        default=0, ge=0, le=32, description="Solver check: attempts per split task (0 = off; needs a model)."
    )
    solver_model: str | None = Field(default=None, description="Model of the solver check; default llm_model.")
    solver_max_turns: int = Field(default=6, ge=1, le=32, description="Tool-calling turns per solver attempt.")

    @model_validator(mode="after")
    def _solver_needs_a_model(self) -> RunSettings:
        if self.solver_attempts and not (self.solver_model or self.llm_model):
            raise ValueError(
                "solver_attempts > 0 needs a model: set DIVE_SOLVER_MODEL or DIVE_LLM_MODEL (the solver check is "
                "an LLM re-solving each task)"
            )
        return self

    def tool_caller(self) -> ToolCaller:
        """How this run's stages call a tool: :func:`~tool_catalog.runtime.call_tool` with the run's cap, the run's
        ``tool_timeout_s`` passed as the default for tools that declare no limit."""
        return call_tool if self.tool_timeout_cap_s is None else partial(call_tool, cap_s=self.tool_timeout_cap_s)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> RunSettings:
        env = dict(os.environ if env is None else env)
        mapping = {
            "DIVE_DUCKDB_PATH": "duckdb_path",
            "DIVE_TASKS_PER_PARTITION": "tasks_per_partition",
            "DIVE_SEED": "seed",
            "DIVE_MAX_STEPS": "max_steps",
            "DIVE_ROUNDS": "rounds",
            "DIVE_EXTRA_ROUNDS": "extra_rounds",
            "DIVE_SIBLING_CLAIMS": "sibling_claims",
            "DIVE_TOOL_TIMEOUT_S": "tool_timeout_s",
            "DIVE_TOOL_TIMEOUT_CAP_S": "tool_timeout_cap_s",
            "DIVE_LLM_MODEL": "llm_model",
            "DIVE_LLM_API_BASE": "llm_api_base",
            "DIVE_LLM_MAX_CALLS": "llm_max_calls",
            "DIVE_LLM_CONCURRENCY": "llm_concurrency",
            "DIVE_LLM_REWRITE": "llm_rewrite",
            "DIVE_SOLVER_ATTEMPTS": "solver_attempts",
            "DIVE_SOLVER_MODEL": "solver_model",
            "DIVE_SOLVER_MAX_TURNS": "solver_max_turns",
        }
        values = {field: env[var] for var, field in mapping.items() if env.get(var, "").strip()}
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            names = {field: var for var, field in mapping.items()}
            bad = ", ".join(
                f"{names.get(str(e['loc'][0]), e['loc'][0]) if e['loc'] else 'settings'}: {e['msg']}"
                for e in exc.errors()
            )
            raise ConfigError(f"invalid environment configuration: {bad}") from None
