"""Near-duplicate questions for the diversity metrics: MinHash LSH candidates, confirmed by exact shingle Jaccard.

An item is flagged when another item (of another group, when groups are given) shares one of its LSH band buckets
(64 MinHash values in 16 bands of 4) and their word-3-gram shingle sets have Jaccard >= the threshold.

Why this module and not a pair loop: template questions share many buckets, and a large partition's buckets hold far
too many candidate pairs to confirm one at a time in Python. Here every question is a row of a sparse 0/1 matrix over
the shingle vocabulary; signatures are taken for thousands of rows at once, and a bucket's pairs are confirmed with
one sparse product (its members' shared-shingle counts), skipping rows already flagged. The answer is the pair loop's:
the same signatures, the same buckets and the exact Jaccard of the same shingle sets.

Memory: a 4-byte shingle id per (question, shingle), 256 bytes of signature per question, and the vocabulary with
its 64 permuted hashes (template text repeats, so the vocabulary stays small).
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Sequence
from functools import cache

import numpy as np
from scipy import sparse

from dive_assets.synthesis.minhash import HashFamily, ShingleRows, jaccard_block

NEAR_DUPLICATE_JACCARD = 0.8
PERMUTATIONS = 64
BANDS, ROWS = 16, 4
PRIME = (1 << 31) - 1  # products of two 31-bit values fit in int64
_DENSE_BUCKET = 48  # buckets this large are confirmed with one sparse product; smaller ones pair by pair
_PAIR_BATCH = 100_000  # pairs confirmed at once (~40 MB of row copies)
_DENSE_BLOCK = 512  # unflagged members of a large bucket confirmed at once

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingle_set(text: str, n: int = 3) -> set[str]:
    w = words(text)
    if len(w) < n:
        return {" ".join(w)}
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


def _permutation_coefficients() -> tuple[np.ndarray, np.ndarray]:
    """(a, b) of the 64 universal hash functions h_k(x) = (a_k x + b_k) mod p, fixed by blake2b (deterministic)."""
    raw = [
        int.from_bytes(hashlib.blake2b(f"minhash-{k}".encode(), digest_size=8).digest(), "big")
        for k in range(PERMUTATIONS)
    ]
    a = np.array([1 + (r >> 32) % (PRIME - 1) for r in raw], dtype=np.int64)
    b = np.array([(r & 0xFFFFFFFF) % PRIME for r in raw], dtype=np.int64)
    return a[:, None], b[:, None]


_A, _B = _permutation_coefficients()


def shingle_hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=4).digest(), "big") % PRIME


FAMILY = HashFamily(tuple(int(v) for v in _A[:, 0]), tuple(int(v) for v in _B[:, 0]), PRIME, shingle_hash)
"""The metric's 64 hash functions. The duplicate check (:mod:`dive_assets.synthesis.dedup`) has its own family: the
two are different definitions (Jaccard 0.8 vs 0.85, decimals split vs kept, flag both vs keep the first), and
sharing one family would change either the published metric or which tasks are split."""


def minhash_signature(shingles: set[str]) -> tuple[int, ...]:
    """64 MinHash values: every shingle is hashed once with blake2b, then permuted by 64 universal hash functions
    ``(a_k x + b_k) mod p`` (deterministic on every machine)."""
    base = np.fromiter((shingle_hash(s) for s in shingles), dtype=np.int64, count=len(shingles))
    return tuple(int(v) for v in ((_A * base[None, :] + _B) % PRIME).min(axis=1))


class NearDuplicateIndex:
    """Questions added one at a time (a partition streams its tasks in chunks); :meth:`flagged` searches them.

    Each question is kept as the ids of its shingles, not as text."""

    def __init__(self) -> None:
        self._rows = ShingleRows()
        self._groups = array("q")
        self._group_codes: dict[str, int] = {}
        self.ids: list[str] = []

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, item_id: str, text: str, group: str | None = None) -> int:
        """Index a question; returns its position. Items of the same ``group`` are never compared."""
        self._rows.add(shingle_set(text))
        code = self._group_codes.setdefault(group, len(self._group_codes)) if group is not None else -1 - len(self)
        self._groups.append(code)
        self.ids.append(item_id)
        return len(self.ids) - 1

    def flagged(
        self,
        threshold: float = NEAR_DUPLICATE_JACCARD,
        members: Sequence[int] | np.ndarray | None = None,
        by_group: bool = True,
    ) -> set[str]:
        """Ids of the items (of ``members``, positions; all by default) with a near-duplicate among ``members``.

        ``by_group=False`` compares items of the same group too."""
        rows = np.arange(len(self)) if members is None else np.asarray(members, dtype=np.int64)
        if len(rows) < 2:
            return set()
        matrix = self._rows.csr() if members is None else self._rows.csr()[rows]
        sizes = np.diff(matrix.indptr)
        groups = np.frombuffer(self._groups, dtype=np.int64)[rows] if by_group else np.arange(len(rows))
        signatures = self._signatures(matrix)
        found = np.zeros(len(rows), dtype=bool)
        for band in range(BANDS):
            small: list[np.ndarray] = []
            for bucket in _buckets(signatures[band * ROWS : (band + 1) * ROWS]):
                if found[bucket].all():
                    continue
                if len(bucket) >= _DENSE_BUCKET:
                    _confirm_bucket(matrix, sizes, groups, bucket, found, threshold)
                else:
                    small.append(bucket)
            _confirm_pairs(matrix, sizes, groups, small, found, threshold)
        return {self.ids[int(rows[i])] for i in np.flatnonzero(found)}

    def _signatures(self, matrix: sparse.csr_matrix) -> np.ndarray:
        """(64, n) MinHash values of the rows, as :func:`minhash_signature` gives them (the shared core)."""
        return FAMILY.signatures(self._rows, matrix).astype(np.uint32)  # values < 2^31


def _buckets(band: np.ndarray) -> list[np.ndarray]:
    """Positions of the rows that share all of this band's values, for every value shared by two or more rows."""
    order = np.lexsort(band[::-1])
    column = band[:, order]
    starts = np.flatnonzero(np.r_[True, (column[:, 1:] != column[:, :-1]).any(axis=0)])
    ends = np.r_[starts[1:], len(order)]
    return [order[s:e] for s, e in zip(starts, ends, strict=True) if e - s >= 2]


def _confirm_bucket(
    matrix: sparse.csr_matrix,
    sizes: np.ndarray,
    groups: np.ndarray,
    bucket: np.ndarray,
    found: np.ndarray,
    threshold: float,
) -> None:
    """Every pair of a large bucket with an unflagged member: sparse products of shared-shingle counts, a block of
    unflagged members at a time (a 3,000-member bucket would otherwise take ~200 MB of temporaries)."""
    open_rows = bucket[~found[bucket]]
    columns = matrix[bucket].T.tocsc()
    for start in range(0, len(open_rows), _DENSE_BLOCK):
        block = open_rows[start : start + _DENSE_BLOCK]
        near = jaccard_block(matrix, sizes, block, bucket, columns) >= threshold
        near &= groups[block][:, None] != groups[bucket][None, :]
        found[block[near.any(axis=1)]] = True
        found[bucket[near.any(axis=0)]] = True


def _confirm_pairs(
    matrix: sparse.csr_matrix,
    sizes: np.ndarray,
    groups: np.ndarray,
    buckets: list[np.ndarray],
    found: np.ndarray,
    threshold: float,
) -> None:
    """Every pair of the small buckets, a batch of pairs at a time (pairs whose both items are flagged skipped)."""
    firsts: list[np.ndarray] = []
    seconds: list[np.ndarray] = []
    pending = 0
    for index, bucket in enumerate(buckets):
        left, right = _pairs(len(bucket))
        firsts.append(bucket[left])
        seconds.append(bucket[right])
        pending += len(left)
        if pending >= _PAIR_BATCH or index == len(buckets) - 1:
            _confirm_batch(matrix, sizes, groups, np.concatenate(firsts), np.concatenate(seconds), found, threshold)
            firsts, seconds, pending = [], [], 0


def _confirm_batch(
    matrix: sparse.csr_matrix,
    sizes: np.ndarray,
    groups: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    found: np.ndarray,
    threshold: float,
) -> None:
    keep = ~(found[a] & found[b]) & (groups[a] != groups[b])
    a, b = a[keep], b[keep]
    if not len(a):
        return
    shared = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
    near = shared / (sizes[a] + sizes[b] - shared) >= threshold
    found[a[near]] = True
    found[b[near]] = True


@cache
def _pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(size, 1)


def near_duplicates(
    items: Sequence[tuple[str, str]], threshold: float = NEAR_DUPLICATE_JACCARD, groups: Sequence[str] | None = None
) -> set[str]:
    """Ids of items (id, text) with another item whose word-3-gram shingle Jaccard is >= ``threshold``; items of the
    same ``groups`` value are not compared. See the module doc."""
    index = NearDuplicateIndex()
    for position, (item_id, text) in enumerate(items):
        index.add(item_id, text, groups[position] if groups is not None else None)
    return index.flagged(threshold)
