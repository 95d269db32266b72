"""Exact and near-duplicate questions: word-shingle MinHash with banding, verified by exact Jaccard.

Deterministic: shingles are hashed with blake2b, permutations are fixed, and of a duplicate group the
task with the smallest id is kept (a preferred one first: see :func:`find_duplicates`). Items of the same group
(the rounds of one trace) are never compared, since a harder round restating an easier one is history, not
duplication.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

_PRIME = (1 << 61) - 1
_PERMS = [((i * 0x9E3779B97F4A7C15 + 12345) % _PRIME | 1, (i * 0xC2B2AE3D27D4EB4F + 678) % _PRIME) for i in range(32)]
BANDS, ROWS = 8, 4
_MASK = (1 << 64) - 1
_WORD = re.compile(r"[\w.+-]+")


def normalize(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def shingles(text: str, n: int = 3) -> set[str]:
    words = normalize(text).split()
    if len(words) < n:
        return {" ".join(words)}
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def _h(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")


def minhash(items: Iterable[str]) -> tuple[int, ...]:
    hashed = [_h(s) for s in items]
    return tuple(min((a * x + b) % _PRIME for x in hashed) for a, b in _PERMS)


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


@dataclass(frozen=True)
class Duplicate:
    kept: str
    similarity: float


def find_duplicates(
    items: Sequence[tuple[str, str, str]], threshold: float = 0.85, preferred: Collection[str] = ()
) -> dict[str, Duplicate]:
    """``items`` are (id, group, question). Returns id -> the kept item it duplicates (exactly or nearly).

    Of a duplicate group the ``preferred`` item with the smallest id is kept, else the smallest id. A partition
    prefers the last round of each trace: that is the task its trace will split, and keeping instead a superseded
    easier round of another trace dropped the question from the data altogether (823 split candidates at 48k).

    Memory stays small at any size: the search holds an 8-byte digest per question and per band, and builds
    shingle sets only for the members of one shared band bucket at a time (a partition's 300k questions would
    otherwise hold ~1 GB of shingle strings). Buckets are visited in the order of their first member, then
    band, as a dict of buckets filled item by item would visit them."""
    wanted = frozenset(preferred)
    ordered = sorted(range(len(items)), key=lambda k: (items[k][0] not in wanted, items[k]))
    exact: dict[int, int] = {}  # digest of the normalized question -> position of its first item
    out: dict[str, Duplicate] = {}
    candidates: list[int] = []  # positions of the items that are not exact duplicates, in order
    rows: list[list[int]] = []
    for pos in ordered:
        item_id, _, question = items[pos]
        key = normalize(question)
        first = exact.setdefault(_h(key), pos)
        if first != pos and normalize(items[first][2]) == key:
            out[item_id] = Duplicate(items[first][0], 1.0)
            continue
        signature = minhash(shingles(question))
        candidates.append(pos)
        rows.append(band_keys(signature, BANDS, ROWS))
    keys = np.array(rows, dtype=np.uint64).reshape(len(rows), BANDS)
    del rows
    for _first, _band, members in shared_buckets(keys):
        sets: dict[int, set[str]] = {}
        for index, later in enumerate(candidates[m] for m in members):
            if items[later][0] in out:
                continue
            for earlier in (candidates[m] for m in members[:index]):
                if items[earlier][0] in out or items[earlier][1] == items[later][1]:
                    continue
                if earlier not in sets:
                    sets[earlier] = shingles(items[earlier][2])
                if later not in sets:
                    sets[later] = shingles(items[later][2])
                similarity = jaccard(sets[earlier], sets[later])
                if similarity >= threshold:
                    out[items[later][0]] = Duplicate(items[earlier][0], round(similarity, 3))
                    break
    return out


def band_keys(signature: Sequence[int], bands: int, rows: int) -> list[int]:
    """An 8-byte key per LSH band of a MinHash signature (a hash of the band's ``rows`` values)."""
    return [hash(tuple(signature[b * rows : (b + 1) * rows])) & _MASK for b in range(bands)]


def shared_buckets(keys: np.ndarray) -> list[tuple[int, int, list[int]]]:
    """(first member, band, members) of every band bucket with two or more members, members ascending.

    ``keys[i, band]`` is item i's 8-byte key of that band (a hash of its MinHash rows in the band)."""
    found = []
    for band in range(keys.shape[1] if keys.size else 0):
        order = np.argsort(keys[:, band], kind="stable")
        column = keys[order, band]
        starts = np.flatnonzero(np.r_[True, column[1:] != column[:-1]])
        ends = np.r_[starts[1:], len(column)]
        for start, end in zip(starts, ends, strict=True):
            if end - start >= 2:
                members = order[start:end].tolist()
                found.append((members[0], band, members))
    found.sort(key=lambda g: (g[0], g[1]))
    return found
