"""Exact and near-duplicate questions: word-shingle MinHash with banding, verified by exact Jaccard.

Deterministic: shingles are hashed with blake2b, permutations are fixed, and of a duplicate group the
task with the smallest id is kept (a preferred one first: see :func:`find_duplicates`). Items of the same group
(the rounds of one trace) are never compared, since a harder round restating an easier one is history, not
duplication.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from dive_assets.synthesis.minhash import MERSENNE_61, HashFamily, ShingleRows, jaccard_block

_PRIME = MERSENNE_61
_PERMS = [((i * 0x9E3779B97F4A7C15 + 12345) % _PRIME | 1, (i * 0xC2B2AE3D27D4EB4F + 678) % _PRIME) for i in range(32)]
BANDS, ROWS = 8, 4
_MASK = (1 << 64) - 1
_WORD = re.compile(r"[\w.+-]+")


def normalize(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def shingles(text: str, n: int = 3) -> set[str]:
    return _shingles_of(normalize(text), n)


def _shingles_of(normalized: str, n: int = 3) -> set[str]:
    words = normalized.split()
    if len(words) < n:
        return {" ".join(words)}
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def _h(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")


def _hash61(shingle: str) -> int:
    """A shingle's 64-bit hash reduced mod the Mersenne prime 2^61 - 1 (the same permutations mod p)."""
    return _h(shingle) % _PRIME


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
    easier round of another trace would drop the question from the data altogether.

    Order: items are visited preferred first, then by (id, group, question); band buckets in the order of their
    first member, then band; within a bucket each later member is matched to the first earlier member that is not
    itself a duplicate yet, of another group, with Jaccard >= ``threshold``.

    Speed and memory: every question is a row of a sparse 0/1 matrix over the shingle vocabulary; MinHash
    signatures are computed for blocks of rows in exact 61-bit modular arithmetic (the values :func:`minhash`
    gives), and a large bucket's similarities come from one sparse product: template-heavy buckets make a pair loop
    over shingle sets grow quadratically."""
    wanted = frozenset(preferred)
    ordered = sorted(range(len(items)), key=lambda k: (items[k][0] not in wanted, items[k]))
    exact: dict[int, int] = {}  # digest of the normalized question -> position of its first item
    out: dict[str, Duplicate] = {}
    candidates: list[int] = []  # positions of the items that are not exact duplicates, in order
    matrix = ShingleRows()
    for pos in ordered:
        item_id, _, question = items[pos]
        key = normalize(question)
        first = exact.setdefault(_h(key), pos)
        if first != pos and normalize(items[first][2]) == key:
            out[item_id] = Duplicate(items[first][0], 1.0)
            continue
        candidates.append(pos)
        matrix.add(_shingles_of(key))
    rows = matrix.csr()
    signatures = _signatures(matrix)
    keys = np.array([band_keys(s, BANDS, ROWS) for s in signatures], dtype=np.uint64)
    group_codes: dict[str, int] = {}
    groups = [group_codes.setdefault(items[p][1], len(group_codes)) for p in candidates]
    matcher = _Matcher(rows, np.array(groups, dtype=np.int64), threshold)
    for _first, _band, members in shared_buckets(keys.reshape(len(candidates), BANDS)):
        matcher.match(np.asarray(members, dtype=np.int64))
    for later, (earlier, similarity) in matcher.found.items():
        out[items[candidates[later]][0]] = Duplicate(items[candidates[earlier]][0], round(similarity, 3))
    return out


_SMALL_BUCKET = 8  # buckets up to this size are matched pair by pair on Python sets of shingle ids
_BLOCK = 512  # members of a large bucket whose similarities are computed at once


FAMILY = HashFamily(tuple(a for a, _ in _PERMS), tuple(b for _, b in _PERMS), MERSENNE_61, _hash61)
"""The duplicate check's 32 hash functions over 61-bit shingle hashes (see :func:`minhash`)."""


def _signatures(rows: ShingleRows) -> list[tuple[int, ...]]:
    """:func:`minhash` of every row (the same 32 values), computed by the shared core a block of rows at a time."""
    return [tuple(int(v) for v in column) for column in FAMILY.signatures(rows).T]


class _Matcher:
    """Matches the members of one band bucket after another: a later member to the first earlier one that is not
    itself a duplicate yet, of another group, with Jaccard >= the threshold (``found``: later -> earlier,
    similarity; both candidate positions)."""

    def __init__(self, rows: sparse.csr_matrix, groups: np.ndarray, threshold: float) -> None:
        self.rows, self.groups, self.threshold = rows, groups, threshold
        self.sizes = np.diff(rows.indptr)
        self.done = np.zeros(rows.shape[0], dtype=bool)  # candidates already found to duplicate an earlier one
        self.found: dict[int, tuple[int, float]] = {}

    def match(self, bucket: np.ndarray) -> None:
        if self.done[bucket[1:]].all():
            return
        if len(bucket) <= _SMALL_BUCKET:
            self._small(bucket)
        else:
            self._large(bucket)

    def _mark(self, later: int, earlier: int, similarity: float) -> None:
        self.found[later] = (earlier, similarity)
        self.done[later] = True

    def _small(self, bucket: np.ndarray) -> None:
        """Pair by pair on Python sets of shingle ids."""
        rows, done, groups = self.rows, self.done, self.groups
        members = bucket.tolist()
        sets = {m: set(rows.indices[rows.indptr[m] : rows.indptr[m + 1]].tolist()) for m in members}
        for index, later in enumerate(members):
            if done[later]:
                continue
            for earlier in members[:index]:
                if done[earlier] or groups[earlier] == groups[later]:
                    continue
                similarity = jaccard(sets[earlier], sets[later])
                if similarity >= self.threshold:
                    self._mark(later, earlier, similarity)
                    break

    def _large(self, bucket: np.ndarray) -> None:
        """Similarities of a block of members against the whole bucket by one sparse product, then the same
        first-match rule row by row."""
        rows, sizes, groups, done = self.rows, self.sizes, self.groups, self.done
        columns = rows[bucket].T.tocsc()
        for start in range(0, len(bucket), _BLOCK):
            block = bucket[start : start + _BLOCK]
            similarity = jaccard_block(rows, sizes, block, bucket, columns)
            near = (similarity >= self.threshold) & (groups[block][:, None] != groups[bucket][None, :])
            for offset, later in enumerate(block.tolist()):
                index = start + offset
                if done[later]:
                    continue
                hits = np.flatnonzero(near[offset, :index] & ~done[bucket[:index]])
                if len(hits):
                    self._mark(later, int(bucket[hits[0]]), float(similarity[offset, hits[0]]))


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


def task_signature(
    calls: Iterable[tuple[str, dict[str, Any]]], answer_tool: str, answer_field: str, answer: Any
) -> str:
    """What a task asks, whatever its words: its required calls (tool and arguments), the answer's tool and field,
    and the answer."""
    listed = sorted(f"{tool}{json.dumps(arguments, sort_keys=True, default=str)}" for tool, arguments in calls)
    return json.dumps([listed, answer_tool, answer_field, repr(answer)])
