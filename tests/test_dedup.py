"""Exact and near-duplicate questions are found deterministically; rounds of one trace are not duplicates."""

from __future__ import annotations

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
