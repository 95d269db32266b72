"""Exact and near-duplicate questions: word-shingle MinHash with banding, verified by exact Jaccard.

Deterministic: shingles are hashed with blake2b, permutations are fixed, and of a duplicate group the
task with the smallest id is kept (a preferred one first: see :func:`find_duplicates`). Items of the same group
(the rounds of one trace) are never compared, since a harder round restating an easier one is history, not
duplication.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

_PRIME = (1 << 61) - 1
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
    easier round of another trace dropped the question from the data altogether (823 split candidates at 48k).

    Order: items are visited preferred first, then by (id, group, question); band buckets in the order of their
    first member, then band; within a bucket each later member is matched to the first earlier member that is not
    itself a duplicate yet, of another group, with Jaccard >= ``threshold``.

    Speed and memory: every question is a row of a sparse 0/1 matrix over the shingle vocabulary; MinHash
    signatures are computed for blocks of rows in exact 61-bit modular arithmetic (the values :func:`minhash`
    gives), and a large bucket's similarities come from one sparse product. A pair loop building shingle sets per
    bucket took 145 s for 76k questions (3.8M Jaccards in template-heavy buckets) and grew quadratically."""
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
    signatures = _signatures(rows, matrix.per_shingle(_hash61, np.uint64))
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
_SIGNATURE_BLOCK = 1_024  # questions per block of vectorized MinHash


class ShingleRows:
    """Questions as rows of shingle ids over a growing vocabulary (CSR arrays); both near-duplicate searches (this
    module's and the diversity metrics') keep their questions this way."""

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.indices = array("i")
        self.indptr = array("q", [0])

    def add(self, shingle_set: set[str]) -> None:
        vocabulary = self.vocabulary
        self.indices.extend(sorted(vocabulary.setdefault(s, len(vocabulary)) for s in shingle_set))
        self.indptr.append(len(self.indices))

    def csr(self) -> sparse.csr_matrix:
        indices = np.frombuffer(self.indices, dtype=np.int32)
        data = np.ones(len(indices), dtype=np.int32)
        shape = (len(self.indptr) - 1, max(1, len(self.vocabulary)))
        return sparse.csr_matrix((data, indices, np.frombuffer(self.indptr, dtype=np.int64)), shape=shape)

    def per_shingle(self, fn: Callable[[str], int], dtype: type) -> np.ndarray:
        """``fn`` of every vocabulary shingle, indexed by shingle id (a hash to permute, for the signatures)."""
        out = np.zeros(max(1, len(self.vocabulary)), dtype=dtype)
        for shingle, index in self.vocabulary.items():
            out[index] = fn(shingle)
        return out


def jaccard_block(
    rows: sparse.csr_matrix, sizes: np.ndarray, block: np.ndarray, bucket: np.ndarray, columns: sparse.csc_matrix
) -> np.ndarray:
    """Jaccard of every ``block`` row with every ``bucket`` row (``columns`` is ``rows[bucket].T``), from one sparse
    product of shared-shingle counts; ``sizes`` are the rows' shingle counts."""
    shared = (rows[block] @ columns).toarray()
    return shared / (sizes[block][:, None] + sizes[bucket][None, :] - shared)


_PERM_A = np.array([a for a, _ in _PERMS], dtype=np.uint64)[:, None]
_PERM_B = np.array([b for _, b in _PERMS], dtype=np.uint64)[:, None]
_P61 = np.uint64(_PRIME)
_LOW32 = np.uint64(0xFFFFFFFF)
_LOW29 = np.uint64((1 << 29) - 1)


def _mod61(v: np.ndarray) -> np.ndarray:
    """v mod 2^61 - 1 for any uint64 v (2^61 is 1 mod the prime)."""
    v = (v & _P61) + (v >> np.uint64(61))
    v = (v & _P61) + (v >> np.uint64(61))
    return np.where(v >= _P61, v - _P61, v)


def _mulmod61(a: np.ndarray, x: np.ndarray) -> np.ndarray:
    """(a * x) mod 2^61 - 1, exactly, for a, x < 2^61, in uint64 pieces: the 122-bit product split at 2^32 and
    folded with 2^61 = 1 and 2^64 = 8 (mod p)."""
    a1, a0 = a >> np.uint64(32), a & _LOW32
    x1, x0 = x >> np.uint64(32), x & _LOW32
    high = np.uint64(8) * (a1 * x1)  # a1 x1 2^64, a1 x1 < 2^58
    mid = a1 * x0 + a0 * x1  # < 2^62, times 2^32 = (mid >> 29) 2^61 + (mid & (2^29 - 1)) 2^32
    low = a0 * x0  # < 2^64
    total = _mod61(high) + (mid >> np.uint64(29)) + ((mid & _LOW29) << np.uint64(32)) + _mod61(low)
    return _mod61(total)


def _signatures(rows: sparse.csr_matrix, hashes: np.ndarray) -> list[tuple[int, ...]]:
    """:func:`minhash` of every row (the same 32 values): each vocabulary shingle is permuted once, then every row
    takes the minimum over its shingles, a block of rows at a time."""
    permuted = _mod61(_mulmod61(np.broadcast_to(_PERM_A, (len(_PERMS), len(hashes))), hashes[None, :]) + _PERM_B)
    out: list[tuple[int, ...]] = []
    for start in range(0, rows.shape[0], _SIGNATURE_BLOCK):
        block = rows[start : start + _SIGNATURE_BLOCK]
        values = np.minimum.reduceat(permuted[:, block.indices], block.indptr[:-1], axis=1)
        out.extend(tuple(int(v) for v in column) for column in values.T)
    return out


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
