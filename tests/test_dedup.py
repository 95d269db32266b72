"""Exact and near-duplicate questions are found deterministically; rounds of one trace are not duplicates."""

from __future__ import annotations

import pytest

from dive_assets.synthesis.dedup import find_duplicates, jaccard, shingles


def test_exact_duplicates_keep_the_smallest_id() -> None:
    found = find_duplicates(
        [("b", "t2", "What is the capital of Kenya?"), ("a", "t1", "what is the  capital of KENYA?")]
    )
    assert set(found) == {"b"}
    assert found["b"].kept == "a" and found["b"].similarity == 1.0


def test_near_duplicates_are_found_and_different_entities_are_not() -> None:
    base = "What is the boiling point in kelvin of the compound with CAS number 64-17-5 at one atmosphere of pressure?"
    near = base[:-1] + " exactly?"
    other = "What is the density in g/cm3 of the element Ir?"
    other2 = "What is the density in g/cm3 of the element Au?"
    found = find_duplicates([("1", "a", base), ("2", "b", near), ("3", "c", other), ("4", "d", other2)])
    assert "2" in found and found["2"].kept == "1" and found["2"].similarity >= 0.85
    assert "3" not in found and "4" not in found


def test_rounds_of_one_trace_are_not_compared() -> None:
    q = "What is the IANA time zone of the capital of the country with ISO code JP?"
    assert find_duplicates([("1", "trace", q), ("2", "trace", q + " ")]) == {
        "2": find_duplicates([("1", "x", q), ("2", "y", q)])["2"]
    }
    assert find_duplicates([("1", "trace", q), ("2", "trace", q.replace("JP", "JP and more words here"))]) == {}


def test_shingles_and_jaccard() -> None:
    assert shingles("a b c d") == {"a b c", "b c d"}
    assert jaccard({"x"}, {"x"}) == 1.0
    assert jaccard({"x"}, {"y"}) == 0.0


def test_a_preferred_item_is_kept_over_a_smaller_id() -> None:
    q = "What is the boiling point in kelvin of the compound with CAS number 64-17-5 at one atmosphere of pressure?"
    near = q[:-1] + " exactly?"
    items = [("a", "t1", q), ("b", "t2", q), ("c", "t3", near)]
    assert {k: v.kept for k, v in find_duplicates(items).items()} == {"b": "a", "c": "a"}
    found = find_duplicates(items, preferred={"b"})
    assert {k: v.kept for k, v in found.items()} == {"a": "b", "c": "b"}
    assert found["a"].similarity == 1.0 and found["c"].similarity >= 0.85
    # of several preferred items the smallest id is kept; an unknown preferred id changes nothing
    assert {k: v.kept for k, v in find_duplicates(items, preferred={"c", "b"}).items()} == {"a": "b", "c": "b"}
    assert find_duplicates(items, preferred={"zzz"}) == find_duplicates(items)


def test_vectorized_minhash_is_the_exact_61_bit_arithmetic() -> None:
    """Signatures are computed in uint64 pieces; they must equal Python's exact (a x + b) mod (2^61 - 1)."""
    import random

    import numpy as np

    from dive_assets.synthesis import dedup, minhash, near_duplicates

    rng = random.Random(3)
    xs = [rng.getrandbits(64) for _ in range(500)] + [0, 1, (1 << 61) - 2, (1 << 61) - 1, (1 << 64) - 1]
    reduced = np.array([x % dedup._PRIME for x in xs], dtype=np.uint64)
    for a, b in dedup._PERMS:
        got = minhash._mod61(minhash._mulmod61(np.full(len(xs), a, dtype=np.uint64), reduced) + np.uint64(b))
        assert [int(v) for v in got] == [(a * x + b) % dedup._PRIME for x in xs]
    rows = minhash.ShingleRows()
    texts = ["What is the capital of Kenya?", "a b", "", "What is the boiling point of water at sea level?"]
    for text in texts:
        rows.add(shingles(text))
    assert dedup._signatures(rows) == [dedup.minhash(shingles(t)) for t in texts]
    # the metric's family (a prime below 2^32) through the same core equals its per-question signature
    metric_rows = minhash.ShingleRows()
    for text in texts:
        metric_rows.add(near_duplicates.shingle_set(text))
    signatures = near_duplicates.FAMILY.signatures(metric_rows)
    for k, text in enumerate(texts):
        assert tuple(int(v) for v in signatures[:, k]) == near_duplicates.minhash_signature(
            near_duplicates.shingle_set(text)
        )


def _pair_loop(items: list[tuple[str, str, str]], threshold: float, preferred: set[str]) -> dict[str, tuple]:
    """The earlier implementation, kept as the oracle: shingle sets per bucket, one pair at a time."""
    import numpy as np

    from dive_assets.synthesis import dedup

    ordered = sorted(range(len(items)), key=lambda k: (items[k][0] not in preferred, items[k]))
    exact: dict[int, int] = {}
    out: dict[str, tuple] = {}
    candidates, rows = [], []
    for pos in ordered:
        key = dedup.normalize(items[pos][2])
        first = exact.setdefault(dedup._h(key), pos)
        if first != pos and dedup.normalize(items[first][2]) == key:
            out[items[pos][0]] = (items[first][0], 1.0)
            continue
        candidates.append(pos)
        rows.append(dedup.band_keys(dedup.minhash(shingles(items[pos][2])), dedup.BANDS, dedup.ROWS))
    keys = np.array(rows, dtype=np.uint64).reshape(len(rows), dedup.BANDS)
    for _first, _band, members in dedup.shared_buckets(keys):
        for index, later in enumerate(candidates[m] for m in members):
            if items[later][0] in out:
                continue
            for earlier in (candidates[m] for m in members[:index]):
                if items[earlier][0] in out or items[earlier][1] == items[later][1]:
                    continue
                similarity = jaccard(shingles(items[earlier][2]), shingles(items[later][2]))
                if similarity >= threshold:
                    out[items[later][0]] = (items[earlier][0], round(similarity, 3))
                    break
    return out


_ANSWER_FORMAT = (
    "Please answer with a single number rounded to two decimal places, state the unit you used, and say which "
    "source you relied on for the coordinates of both places."
)


def test_large_buckets_keep_the_pair_loops_order_and_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Template questions fill large buckets (matched with one sparse product) and small ones (pair by pair): the
    result is the pair loop's, kept item and similarity, whichever way a bucket is matched."""
    import random

    import numpy as np

    from dive_assets.synthesis import dedup

    rng = random.Random(11)
    places = ["Lisbon", "Madrid", "Oslo", "Quito", "Lima", "Hanoi", "Accra", "Doha", "Riga", "Bern", "Pune", "Baku"]
    items = []
    for i in range(400):
        a, b = rng.sample(places, 2)
        tail = rng.choice(["", " in kilometres", " in miles", " as the crow flies", " today"])
        question = f"What is the distance between {a} and {b}{tail} in {2000 + i % 4}? {_ANSWER_FORMAT}"
        items.append((f"t{i:03d}", f"g{i % 9}", question))
    preferred = {item_id for item_id, _, _ in items[::3]}
    oracle = _pair_loop(items, 0.85, preferred)
    near = [v for v in oracle.values() if v[1] < 1.0]
    assert len(oracle) > 100 and len(near) > 20  # exact and near duplicates both
    candidates = [item for item in items if item[0] not in oracle or oracle[item[0]][1] < 1.0]
    signatures = [dedup.minhash(shingles(q)) for _, _, q in candidates]
    keys = np.array([dedup.band_keys(s, dedup.BANDS, dedup.ROWS) for s in signatures], dtype=np.uint64)
    assert max(len(members) for _, _, members in dedup.shared_buckets(keys)) > 8  # large buckets too
    for small in (1, 8, 10**9):  # every bucket large, the default, every bucket small
        monkeypatch.setattr(dedup, "_SMALL_BUCKET", small)
        found = find_duplicates(items, 0.85, preferred=preferred)
        assert {k: (v.kept, v.similarity) for k, v in found.items()} == oracle
