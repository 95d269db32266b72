"""The exemplar pool and retrieval/processing (R/P) topology classes.

DIVE conditions each derivation on 3-5 query-only exemplars whose implicit tool-call pattern steers the
shape of the derived task. Topologies are written as signatures over the call graph: a node is its kind
(``R`` retrieval, ``P`` processing) followed by the sorted signatures of the nodes feeding it, e.g.
``P[R[],R[]]`` for two retrievals feeding one processing call. The signature of a task is that of its answer
step, so it is invariant under renumbering of steps (two isomorphic labelled call graphs get one class).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dive_assets.synthesis.config import REPO_ROOT, ConfigError
from dive_assets.synthesis.records import Step, rng_for
from tool_catalog.spec import ToolSpec

DEFAULT_EXEMPLARS_FILE = REPO_ROOT / "config" / "exemplars.yaml"


class Exemplar(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    pattern: str
    topology: str = Field(pattern=r"^[RP]\[.*\]$")
    question: str


class ExemplarPool(BaseModel):
    model_config = ConfigDict(extra="forbid")

    exemplars: list[Exemplar]

    def sample(self, rng: random.Random, low: int = 3, high: int = 5) -> list[Exemplar]:
        """3-5 exemplars, as DIVE samples per derivation (clipped to the pool)."""
        k = min(len(self.exemplars), rng.randint(low, high))
        return rng.sample(self.exemplars, k)


@cache
def load_exemplars(path: Path = DEFAULT_EXEMPLARS_FILE) -> ExemplarPool:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        pool = ExemplarPool.model_validate(raw)
    except FileNotFoundError:
        raise ConfigError(f"exemplar file not found: {path}") from None
    except (yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"invalid exemplar file {path}: {exc}") from None
    ids = [e.id for e in pool.exemplars]
    if len(set(ids)) != len(ids):
        raise ConfigError(f"duplicate exemplar ids in {path}")
    return pool


def round_exemplars(seed: int, trace_id: str, round_index: int) -> list[Exemplar]:
    """The 3-5 exemplars that steer round ``round_index`` of a trace (fixed by the run seed)."""
    return load_exemplars().sample(rng_for(seed, trace_id, "exemplars", round_index))


def topology_signature(steps: Mapping[int, Step], tools: Mapping[str, ToolSpec], node: int, within: set[int]) -> str:
    """The R/P signature of the call graph rooted at ``node`` (restricted to the steps in ``within``)."""
    kind = "R" if tools[steps[node].tool_name].kind == "retrieval" else "P"
    parents = sorted(topology_signature(steps, tools, p, within) for p in steps[node].depends_on if p in within)
    return f"{kind}[{','.join(parents)}]"


def kinds_in_order(topology: str) -> list[str]:
    """The node kinds of a topology in the order a policy would call them (inputs before consumers)."""
    order: list[str] = []

    def walk(text: str, i: int) -> int:
        kind = text[i]
        i += 2  # skip "K["
        while text[i] != "]":
            i = walk(text, i)
            if text[i] == ",":
                i += 1
        order.append(kind)
        return i + 1

    walk(topology, 0)
    return order
