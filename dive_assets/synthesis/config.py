"""Configuration as data: diversity settings (a YAML file) and run settings (defaults + environment)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal, TypeVar

import annotated_types
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tool_catalog.runtime import ToolCaller, call_tool
from tool_catalog.spec import DOMAINS

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SETTINGS_FILE = REPO_ROOT / "config" / "diversity_settings.yaml"
DEFAULT_DUCKDB_PATH = REPO_ROOT / "data" / "dive.duckdb"

MAX_TASKS_PER_PARTITION = 100_000
"""The most tasks a partition (or a study point) is sized for."""
DEFAULT_SOLVER_ATTEMPTS = 4
"""Solver attempts per task when a solver model is set and ``solver_attempts`` is not."""

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

    duckdb_path: str = Field(default=str(DEFAULT_DUCKDB_PATH), min_length=1, description="The DuckDB file.")
    tasks_per_partition: int = Field(
        default=24, ge=1, le=MAX_TASKS_PER_PARTITION, description="Traces (and so candidate tasks) per partition."
    )
    seed: int = Field(
        default=20260310,
        ge=0,
        le=2**63 - 1,
        description="The run seed; every random choice derives from it (a signed 64-bit integer).",
    )
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
    llm_max_calls: int | None = Field(
        default=None, ge=1, le=1_000_000, description="HTTP calls allowed per partition stage (None = no limit)."
    )
    llm_concurrency: int = Field(default=8, ge=1, le=256, description="LLM traces in flight at once.")
    llm_rewrite: bool = Field(
        default=False,
        description="With a model: the embedded derivation realizes each question and the model rewrites its wording"
        " (kept only if it states every value, keeps the answer's form, gives nothing away and passes the realism"
        " gate); off, the model derives the tasks itself.",
    )
    solver_attempts: int | None = Field(
        default=None,
        ge=0,
        le=32,
        description=f"Solver check: attempts per split task (0 = off; needs a model). Unset: {DEFAULT_SOLVER_ATTEMPTS}"
        " when solver_model is set, else 0.",
    )
    solver_model: str | None = Field(default=None, description="Model of the solver check; default llm_model.")
    solver_max_turns: int = Field(default=6, ge=1, le=32, description="Tool-calling turns per solver attempt.")

    @model_validator(mode="after")
    def _solver_needs_a_model(self) -> RunSettings:
        if self.solver_attempts is None:
            self.solver_attempts = DEFAULT_SOLVER_ATTEMPTS if self.solver_model else 0
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
    def from_env(cls, env: Mapping[str, str] | None = None) -> RunSettings:
        """The defaults with the ``DIVE_*`` variables of ``env`` (default ``os.environ``); a bad value raises a
        :class:`ConfigError` of one line naming the variable, the value and the allowed range."""
        env = dict(os.environ if env is None else env)
        values = {field: env[var] for field, var in ENV_VARS.items() if env.get(var, "").strip()}
        return validated(cls, values, ENV_VARS)


ENV_VARS: dict[str, str] = {
    "duckdb_path": "DIVE_DUCKDB_PATH",
    "tasks_per_partition": "DIVE_TASKS_PER_PARTITION",
    "seed": "DIVE_SEED",
    "max_steps": "DIVE_MAX_STEPS",
    "rounds": "DIVE_ROUNDS",
    "extra_rounds": "DIVE_EXTRA_ROUNDS",
    "sibling_claims": "DIVE_SIBLING_CLAIMS",
    "tool_timeout_s": "DIVE_TOOL_TIMEOUT_S",
    "tool_timeout_cap_s": "DIVE_TOOL_TIMEOUT_CAP_S",
    "llm_model": "DIVE_LLM_MODEL",
    "llm_api_base": "DIVE_LLM_API_BASE",
    "llm_max_calls": "DIVE_LLM_MAX_CALLS",
    "llm_concurrency": "DIVE_LLM_CONCURRENCY",
    "llm_rewrite": "DIVE_LLM_REWRITE",
    "solver_attempts": "DIVE_SOLVER_ATTEMPTS",
    "solver_model": "DIVE_SOLVER_MODEL",
    "solver_max_turns": "DIVE_SOLVER_MAX_TURNS",
}
"""The environment variable of each run setting."""


class StudySettings(BaseModel):
    """The controlled study's launch values (``dive study``, the ``diversity_study`` asset): its domains and the base
    task budget per point. The narrow setting also runs at 2x and 4x the budget, so the budget's upper bound is a
    quarter of ``tasks_per_partition``'s."""

    model_config = ConfigDict(extra="forbid")

    domains: list[str] = Field(min_length=1, description="The domains the study covers.")
    budget: int = Field(
        default=24,
        ge=1,
        le=MAX_TASKS_PER_PARTITION // 4,
        description="Tasks per point at 1x (the narrow setting also runs 2x and 4x).",
    )

    @field_validator("domains")
    @classmethod
    def _known_domains(cls, value: list[str]) -> list[str]:
        if unknown := [d for d in value if d not in DOMAINS]:
            raise ValueError(f"unknown domain {unknown[0]!r}; known: {', '.join(DOMAINS)}")
        return value


_Model = TypeVar("_Model", bound=BaseModel)
_RANGE_ERRORS = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}


def allowed_range(model: type[BaseModel], name: str) -> str | None:
    """The values a numeric field of ``model`` allows, in words, from the bounds it declares (None: no bound)."""
    low = high = None
    low_open = high_open = False
    for bound in model.model_fields[name].metadata:
        if isinstance(bound, annotated_types.Ge):
            low = bound.ge
        elif isinstance(bound, annotated_types.Gt):
            low, low_open = bound.gt, True
        elif isinstance(bound, annotated_types.Le):
            high = bound.le
        elif isinstance(bound, annotated_types.Lt):
            high, high_open = bound.lt, True
    if low is not None and high is not None:
        if not (low_open or high_open):
            return f"must be between {_number(low)} and {_number(high)}"
        return (
            f"must be {'above' if low_open else 'at least'} {_number(low)} "
            f"and {'below' if high_open else 'at most'} {_number(high)}"
        )
    if low is not None:
        return f"must be {'above' if low_open else 'at least'} {_number(low)}"
    if high is not None:
        return f"must be {'below' if high_open else 'at most'} {_number(high)}"
    return None


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def one_line(exc: ValidationError, model: type[BaseModel], names: Mapping[str, str] | None = None) -> str:
    """A pydantic error as one line per bad value, joined by '; ': the field (or its name in ``names``), the value
    and what the field allows, e.g. ``tasks_per_partition = -3 is out of range: must be between 1 and 100000``."""
    names = names or {}
    parts = []
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else ""
        message = error["msg"].removeprefix("Value error, ")
        if not field:
            parts.append(message)
            continue
        label, value = names.get(field, field), error.get("input")
        value_text = _number(value) if isinstance(value, (int, float, str)) else repr(value)
        bounds = allowed_range(model, field) if field in model.model_fields else None
        if error["type"] in _RANGE_ERRORS and bounds:
            parts.append(f"{label} = {value_text} is out of range: {bounds}")
        else:
            parts.append(f"{label} = {value_text}: {message}")
    return "; ".join(parts)


def validated(model: type[_Model], values: Mapping[str, object], names: Mapping[str, str] | None = None) -> _Model:
    """``model`` built from ``values``, or a :class:`ConfigError` of one line (:func:`one_line`)."""
    try:
        return model.model_validate(dict(values))
    except ValidationError as exc:
        raise ConfigError(one_line(exc, model, names)) from None


def bounds_table() -> str:
    """The markdown table of every bounded setting (docs/configuration.md shows it; a test keeps the two equal)."""
    lines = ["| setting | variable / option | default | allowed |", "|---|---|---|---|"]
    sources = ((RunSettings, "", ENV_VARS), (StudySettings, "study ", {"budget": "dive study --budget"}))
    for model, owner, where in sources:
        for name, field in model.model_fields.items():
            if bounds := allowed_range(model, name):
                default = "unset" if field.default is None else _number(field.default)
                row = [f"{owner}`{name}`", f"`{where[name]}`", default, bounds.removeprefix("must be ")]
                lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)
