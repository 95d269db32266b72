"""The MinHash core of both near-duplicate searches: questions as rows of shingle ids over a vocabulary, a family of
universal hash functions, signatures computed for blocks of rows at once, and exact Jaccard from a sparse product.

A family permutes every vocabulary shingle once, ``(a_k * h(s) + b_k) mod p``, and a row's signature is the minimum
of its shingles' values for each k. Two primes are supported exactly: ``2^61 - 1`` (products split into 32-bit
pieces, since ``a * h`` exceeds 64 bits) and any prime below ``2^32`` (the product of two such values fits 64 bits).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import sparse

MERSENNE_61 = (1 << 61) - 1
SIGNATURE_BLOCK = 1_024  # rows whose signatures are taken at once (~9 MB of gathered values for 64 hashes)


class ShingleRows:
    """Questions as rows of shingle ids over a growing vocabulary (CSR arrays)."""

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


@dataclass(frozen=True)
class HashFamily:
    """``len(a)`` universal hash functions ``(a_k x + b_k) mod prime`` over a shingle hash ``x = shingle_hash(s)``
    (every value below ``prime``)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    prime: int
    shingle_hash: Callable[[str], int]

    def __post_init__(self) -> None:
        if self.prime != MERSENNE_61 and self.prime >= 1 << 32:
            raise ValueError(f"unsupported prime {self.prime}: 2^61 - 1 or a prime below 2^32")

    def permute(self, hashes: np.ndarray) -> np.ndarray:
        """(k, vocabulary) permuted values of the vocabulary's shingle hashes, exactly."""
        a = np.array(self.a, dtype=np.uint64)[:, None]
        b = np.array(self.b, dtype=np.uint64)[:, None]
        x = hashes.astype(np.uint64)[None, :]
        if self.prime == MERSENNE_61:
            return _mod61(_mulmod61(np.broadcast_to(a, (len(self.a), x.shape[1])), x) + b)
        return (a * x + b) % np.uint64(self.prime)

    def signatures(self, rows: ShingleRows, matrix: sparse.csr_matrix | None = None) -> np.ndarray:
        """(k, n) MinHash values of the rows of ``matrix`` (default: every row of ``rows``; a subset of its rows keeps
        the vocabulary's shingle ids): each vocabulary shingle is permuted once, then every row takes the minimum over
        its shingles, a block of rows at a time."""
        matrix = rows.csr() if matrix is None else matrix
        permuted = self.permute(rows.per_shingle(self.shingle_hash, np.uint64))
        out = np.empty((len(self.a), matrix.shape[0]), dtype=np.uint64)
        for start in range(0, matrix.shape[0], SIGNATURE_BLOCK):
            block = matrix[start : start + SIGNATURE_BLOCK]
            out[:, start : start + block.shape[0]] = np.minimum.reduceat(
                permuted[:, block.indices], block.indptr[:-1], axis=1
            )
        return out


_P61 = np.uint64(MERSENNE_61)
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
