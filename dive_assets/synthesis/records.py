"""Record types: the single source of truth for rows written to DuckDB.

Every record carries the keys of its parent (task -> trace -> steps -> toolset -> tools), and every
partitioned record carries ``domain`` and ``diversity`` so a partition can be replaced atomically.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import Any, Literal

from pydantic import BaseModel, Field

from dive_assets.synthesis.formulas import fill

ProvenanceSource = Literal["seed", "sample", "step", "steps", "expression"]
TraceStatus = Literal["ok", "failed"]


def stable_id(prefix: str, *parts: Any) -> str:
    """Deterministic short id from the parts (same inputs, same id, on every machine)."""
    payload = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return f"{prefix}_{hashlib.sha256(payload.encode()).hexdigest()[:16]}"


def rng_for(*parts: Any) -> random.Random:
    """A private, reproducible random stream for the given key parts."""
    return random.Random(stable_id("rng", *parts))


class Toolset(BaseModel):
    toolset_id: str
    domain: str
    diversity: str
    tool_names: list[str]
    size: int
    rng_seed: int


class Provenance(BaseModel):
    """Where an argument value came from: the seed entity, a sample stated in the question, a step's output
    field, (``steps``) a list argument made of the same output field of several steps, in that order, or
    (``expression``) a calculator expression: ``formula`` (see formulas.py) filled with those values."""

    source: ProvenanceSource
    step: int | None = None
    field: str | None = None
    steps: list[int] | None = None
    formula: str | None = None

    @property
    def produced(self) -> bool:
        """True when the value comes from earlier steps (it is described in a question, never stated)."""
        return self.source in ("step", "steps", "expression")

    @property
    def sources(self) -> list[int]:
        """The producing steps (empty for stated values)."""
        if self.source in ("steps", "expression"):
            return list(self.steps or [])
        return [self.step] if self.source == "step" and self.step is not None else []

    def produced_value(self, outputs: dict[int, dict[str, Any]]) -> Any:
        """The value rebuilt from the producing steps' ``outputs`` (KeyError when one is missing)."""
        if self.source == "steps":
            return [outputs[i][self.field or ""] for i in self.steps or []]
        if self.source == "expression":
            return fill(self.formula or "", [outputs[i][self.field or ""] for i in self.steps or []])
        return outputs[self.step if self.step is not None else -1][self.field or ""]


class Step(BaseModel):
    trace_id: str
    step_index: int
    round: int = 1
    tool_name: str
    arguments: dict[str, Any]
    provenance: dict[str, Provenance]
    output: dict[str, Any] | None
    error_type: str | None = None
    error: str | None = None
    latency_ms: float = 0.0
    depends_on: list[int] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.output is not None and self.error_type is None


class Trace(BaseModel):
    trace_id: str
    toolset_id: str
    domain: str
    diversity: str
    policy: str
    seed_port: str
    seed_value: str
    status: TraceStatus
    step_count: int
    task_slot: int
    """The trace's slot in its partition (0 .. tasks_per_partition - 1): its toolset and random stream follow it."""
    error: str | None = None
    steps: list[Step] = Field(default_factory=list)


class Task(BaseModel):
    task_id: str
    trace_id: str
    toolset_id: str
    domain: str
    diversity: str
    round: int = 1
    question: str
    answer: Any
    answer_text: str
    answer_type: str
    tolerance: float | None = None
    pattern: str
    required_steps: list[int]
    call_graph: list[tuple[int, int]]
    answer_step: int
    answer_field: str
    derived_by: str
    seed_value: str
    topology: str = ""
    exemplar_ids: list[str] = Field(default_factory=list)
    tolerance_kind: str | None = None
    """How the reward compares the answer (:data:`dive_assets.synthesis.reward.ToleranceKind`); None: by its type."""
    answer_unit: str | None = None
    """The unit a numeric answer is asked in (a pint unit, ``percent``, ``currency:EUR``); None: it takes no unit."""
    ordered: bool | None = None
    """For a list answer, whether the question asks for an order (else it is a set); None for other answers."""


class CheckResult(BaseModel):
    task_id: str
    domain: str
    diversity: str
    check_name: str
    passed: bool
    reason: str


class SplitAssignment(BaseModel):
    task_id: str
    domain: str
    diversity: str
    split: str
    toolset_id: str
    seed_value: str
    held_out_tools: list[str] = Field(default_factory=list)
