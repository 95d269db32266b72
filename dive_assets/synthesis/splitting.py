"""Split assignment: seeded, stable, and leak-free by construction.

* ``test_ood_toolset`` - tasks whose toolset is held out. Whether a toolset is held out is a pure
  function of its id and the run seed, so the same toolset is treated the same way in every partition
  and no held-out toolset can reach a training split.
* ``test_id`` - in-distribution test: tasks whose seed entity is held out (so no seed entity, and hence
  no (seed, answer) pair, is shared with training).
* ``train`` - everything else.

Only verified tasks are assigned; assignment of a task never depends on which other tasks exist, so
adding tasks never moves old ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from dive_assets.synthesis.records import SplitAssignment, Task

SPLITS = ("train", "test_id", "test_ood_toolset")
TOOLSET_HOLDOUT = 0.2
SEED_HOLDOUT = 0.2


def bucket(*parts: object) -> float:
    """A uniform number in [0, 1) fixed by the parts."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def toolset_held_out(toolset_id: str, seed: int) -> bool:
    return bucket(seed, "toolset", toolset_id) < TOOLSET_HOLDOUT


def seed_held_out(domain: str, seed_value: str, seed: int) -> bool:
    return bucket(seed, "seed", domain, seed_value) < SEED_HOLDOUT


def assign_split(task: Task, seed: int) -> str:
    if toolset_held_out(task.toolset_id, seed):
        return "test_ood_toolset"
    if seed_held_out(task.domain, task.seed_value, seed):
        return "test_id"
    return "train"


def assign_splits(tasks: Iterable[Task], verified: set[str], seed: int) -> list[SplitAssignment]:
    return [
        SplitAssignment(
            task_id=t.task_id,
            domain=t.domain,
            diversity=t.diversity,
            split=assign_split(t, seed),
            toolset_id=t.toolset_id,
            seed_value=t.seed_value,
        )
        for t in tasks
        if t.task_id in verified
    ]
