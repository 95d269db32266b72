"""Exact and near-duplicate questions: word-shingle MinHash with banding, verified by exact Jaccard.

Deterministic: shingles are hashed with blake2b, permutations are fixed, and of a duplicate group the
task with the smallest id is kept. Items of the same group (the rounds of one trace) are never compared,
since a harder round restating an easier one is history, not duplication.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_PRIME = (1 << 61) - 1
_PERMS = [((i * 0x9E3779B97F4A7C15 + 12345) % _PRIME | 1, (i * 0xC2B2AE3D27D4EB4F + 678) % _PRIME) for i in range(32)]
BANDS, ROWS = 8, 4
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


def find_duplicates(items: Sequence[tuple[str, str, str]], threshold: float = 0.85) -> dict[str, Duplicate]:
    """``items`` are (id, group, question). Returns id -> the kept item it duplicates (exactly or nearly)."""
    ordered = sorted(items)
    sets = {i: shingles(q) for i, _, q in ordered}
    groups = {i: g for i, g, _ in ordered}
    exact: dict[str, str] = {}
    out: dict[str, Duplicate] = {}
    for i, _, q in ordered:
        key = normalize(q)
        if key in exact:
            out[i] = Duplicate(exact[key], 1.0)
        else:
            exact[key] = i
    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = {}
    for i, _, _ in ordered:
        if i in out:
            continue
        signature = minhash(sets[i])
        for band in range(BANDS):
            buckets.setdefault((band, signature[band * ROWS : (band + 1) * ROWS]), []).append(i)
    for members in buckets.values():
        for pos, later in enumerate(members):
            if later in out:
                continue
            for earlier in members[:pos]:
                if earlier in out or groups[earlier] == groups[later]:
                    continue
                similarity = jaccard(sets[earlier], sets[later])
                if similarity >= threshold:
                    out[later] = Duplicate(earlier, round(similarity, 3))
                    break
    return out
