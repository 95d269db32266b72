"""Split assignment: seeded, stable, and leak-free by construction.

* ``test_ood_tool`` - tasks that require a held-out tool (about 5% of the domain tools; general tools are
  never held out). Every task requiring such a tool lands here, so no training task requires one.
* ``test_ood_toolset`` - tasks whose toolset is held out. Whether a toolset is held out is a pure
  function of its id and the run seed, so the same toolset is treated the same way in every partition
  and no held-out toolset can reach a training split.
* ``test_id`` - in-distribution test: tasks whose seed entity is held out (so no seed entity, and hence
  no (seed, answer) pair, is shared with training).
* ``train_rl`` / ``train_sft`` - the rest, about 15% for RL and 85% for SFT (DIVE trained on 48k SFT
  trajectories and 3.2k RL tasks).

Only verified tasks are assigned; assignment of a task never depends on which other tasks exist, so
adding tasks never moves old ones.

Leak-free by construction, across partitions too: every task has two *sides*, each a function of the task
itself. Its seed entity's side is :func:`seed_held_out`; its question's side is "test" when any entity value the
question states is held out (codes and names; dates and numbers count only when it states no entity), else a
bucket of the question. A training task needs both sides "train", a test task both "test" (test_id by its seed;
the out-of-distribution splits by their tool or toolset, and the policy gives held-out toolsets held-out seeds
and keeps held-out tools out of training traces). So two tasks with the same question, or the same seed and
answer, can never sit on opposite sides; a task whose sides disagree is not split, and :func:`split_conflict`
says why (it is a failed ``split_safe`` check).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import lru_cache

from dive_assets.synthesis.records import SplitAssignment, Task
from tool_catalog.ports import format_value, get_port

TRAIN_SPLITS = ("train_sft", "train_rl")
TOOL_HOLDOUT = 0.05
TOOLSET_HOLDOUT = 0.2
SEED_HOLDOUT = 0.2
RL_SHARE = 0.15


def bucket(*parts: object) -> float:
    """A uniform number in [0, 1) fixed by the parts."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def toolset_held_out(toolset_id: str, seed: int) -> bool:
    return bucket(seed, "toolset", toolset_id) < TOOLSET_HOLDOUT


def seed_held_out(domain: str, seed_value: str, seed: int) -> bool:
    """Whether a seed entity is reserved for testing; the same value (a country code seeds both geo and
    language) has the same side in every domain, since the leakage check compares across partitions."""
    del domain
    return _seed_side(seed, seed_value)


@lru_cache(maxsize=1 << 18, typed=True)
def _seed_side(seed: int, seed_value: str) -> bool:
    # cached: the policy asks for the sides of the same samples and seeds over and over; bounded, as a large
    # partition states many dates
    return bucket(seed, "seed", seed_value) < SEED_HOLDOUT


def tool_held_out(tool_name: str, seed: int) -> bool:
    return bucket(seed, "tool", tool_name) < TOOL_HOLDOUT


_NOT_ENTITIES = frozenset({"date", "datetime", "year"})


def entity_port(port_name: str) -> bool:
    """Values of this port name an entity (codes, names): they decide a question's side when it states any."""
    return port_name not in _NOT_ENTITIES and get_port(port_name).chainable


def stated_key(port_name: str, value: object) -> str:
    """How a stated value enters the question's side: an entity by its value, anything else by its text."""
    return str(value) if entity_port(port_name) else format_value(value).lower()


def value_held_out(port_name: str, value: object, seed: int) -> bool:
    """The side a stated value pulls a question to (the embedded policy states values of its trace's side, so the
    tasks of a trace seeded with a training entity are training tasks, and those of a held-out one test tasks)."""
    if isinstance(value, (str, int, float)):  # lists and other containers are not cached
        return _value_side(port_name, value, seed)
    return seed_held_out("", stated_key(port_name, value), seed)


@lru_cache(maxsize=1 << 18, typed=True)
def _value_side(port_name: str, value: object, seed: int) -> bool:
    return seed_held_out("", stated_key(port_name, value), seed)


def question_held_out(task: Task, seed: int, entities: Sequence[str] | None = None) -> bool:
    """The question's side, a function of what the question states only, so two identical questions always share
    a side whichever trace asked them: with ``entities`` (the values the question states, see
    ``splits.stated_entities``) "test" when any of them is held out, else a bucket of the normalized question.
    "Any", not the side of one chosen value: a test trace's questions state its held-out seed, and a training
    trace states values of its own side (the policy picks them), so both agree with their seed. (The side of one
    chosen value would put many tasks in conflict with their seed's side; the seed's side whenever the seed's text
    occurs in the question fails for one-letter seeds such as the amino acid "I", which occur in nearly every
    question.)"""
    if entities:
        return any(seed_held_out(task.domain, e, seed) for e in entities)
    question = " ".join(task.question.lower().split())
    return bucket(seed, "question", question) < SEED_HOLDOUT


def split_conflict(
    task: Task,
    seed: int,
    required_tools: Iterable[str] = (),
    general: frozenset[str] = frozenset(),
    entities: Sequence[str] | None = None,
) -> str | None:
    """Why the task cannot be split without a possible train/test leak, or None."""
    seed_test = seed_held_out(task.domain, task.seed_value, seed)
    question_test = question_held_out(task, seed, entities)
    wants_test = (
        any(tool_held_out(t, seed) for t in required_tools if t not in general)
        or toolset_held_out(task.toolset_id, seed)
        or seed_test
    )
    if wants_test and not (seed_test and question_test):
        side = "seed entity" if not seed_test else "question"
        return f"a test task whose {side} is reserved for training"
    if not wants_test and question_test:
        return "a training task whose question is reserved for testing"
    return None


def assign_split(
    task: Task,
    seed: int,
    required_tools: Iterable[str] = (),
    general: frozenset[str] = frozenset(),
    entities: Sequence[str] | None = None,
) -> str | None:
    """The task's split, or None when :func:`split_conflict` finds it could leak."""
    if split_conflict(task, seed, required_tools, general, entities) is not None:
        return None
    if any(tool_held_out(t, seed) for t in required_tools if t not in general):
        return "test_ood_tool"
    if toolset_held_out(task.toolset_id, seed):
        return "test_ood_toolset"
    if seed_held_out(task.domain, task.seed_value, seed):
        return "test_id"
    return "train_rl" if bucket(seed, "rl", task.task_id) < RL_SHARE else "train_sft"


def assign_splits(
    tasks: Iterable[Task],
    verified: set[str],
    seed: int,
    required_tools: dict[str, list[str]] | None = None,
    general: frozenset[str] = frozenset(),
    entities: dict[str, list[str]] | None = None,
) -> list[SplitAssignment]:
    out = []
    for t in tasks:
        if t.task_id not in verified:
            continue
        needed = (required_tools or {}).get(t.task_id, [])
        split = assign_split(t, seed, needed, general, (entities or {}).get(t.task_id))
        if split is None:
            continue
        out.append(
            SplitAssignment(
                task_id=t.task_id,
                domain=t.domain,
                diversity=t.diversity,
                split=split,
                toolset_id=t.toolset_id,
                seed_value=t.seed_value,
                held_out_tools=sorted({n for n in needed if n not in general and tool_held_out(n, seed)}),
            )
        )
    return out
