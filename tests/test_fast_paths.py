"""The fast paths of hot tools and of the split sides give exactly what the plain full computation gives.

Evidence collection spends its time in a few tools and in the policy's side checks; each was made faster without
changing a result (traces stay byte-identical). These tests compare each fast path with the full scan it replaced.
"""

from __future__ import annotations

import collections
import math
import random

import pytest

from dive_assets.synthesis.splitting import seed_held_out, stated_key, value_held_out
from tool_catalog import call_tool
from tool_catalog.domains.general.search import documents, index, tokens
from tool_catalog.domains.geo.common import airports, geodesic_km

POINTS = [(0.0, -150.0), (-89.9, 0.0), (89.9, 0.0), (-54.8, -68.3), (51.4706, -0.46194), (71.3, -156.8)]


def _points() -> list[tuple[float, float]]:
    rng = random.Random(11)
    near = [rng.choice(list(airports().values())) for _ in range(60)]
    return (
        POINTS
        + [(rng.uniform(-90, 90), rng.uniform(-180, 180)) for _ in range(60)]
        + [
            (
                max(-90.0, min(90.0, a["lat"] + rng.uniform(-2, 2))),
                max(-180.0, min(180.0, a["lon"] + rng.uniform(-2, 2))),
            )
            for a in near
        ]
    )


def _ok(name: str, arguments: dict) -> dict:
    result = call_tool(name, arguments)
    assert result.ok, result.error
    assert result.output is not None
    return result.output


def test_nearest_airport_is_the_nearest_of_all_airports() -> None:
    for lat, lon in _points():
        distance, code = min((geodesic_km(lat, lon, a["lat"], a["lon"]), c) for c, a in airports().items())
        out = _ok("nearest_airport", {"latitude": lat, "longitude": lon})
        assert (out["iata"], out["distance_km"]) == (code, round(distance, 1)), (lat, lon)


@pytest.mark.parametrize("radius_km", [0.5, 25, 100, 499.9])
def test_airports_within_radius_are_those_of_a_scan_of_all_airports(radius_km: float) -> None:
    for lat, lon in _points():
        every = sorted((round(geodesic_km(lat, lon, a["lat"], a["lon"]), 3), c) for c, a in airports().items())
        inside = [c for d, c in every if d <= radius_km]
        out = _ok("airports_within_radius", {"latitude": lat, "longitude": lon, "radius_km": radius_km})
        assert out["airports"] == inside and out["airport_count"] == len(inside), (lat, lon)


def _ranked_by_full_sort(query: str, kind: str) -> list[str]:
    postings, lengths, mean_length = index()
    docs = documents()
    scores: dict[int, float] = collections.defaultdict(float)
    terms = list(dict.fromkeys(tokens(query)))
    for term in terms:
        hits = postings.get(term, [])
        idf = math.log(1 + (len(docs) - len(hits) + 0.5) / (len(hits) + 0.5))
        for doc, tf in hits:
            if kind == "any" or docs[doc][0] == kind:
                scores[doc] += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengths[doc] / mean_length))
    for doc in scores:
        if " ".join(tokens(docs[doc][2])) == " ".join(terms) or docs[doc][1].lower() == query.strip().lower():
            scores[doc] += 10.0
    return [docs[d][1] for d in sorted(scores, key=lambda d: (-round(scores[d], 9), docs[d][0], docs[d][1]))]


@pytest.mark.parametrize(
    ("query", "kind"),
    [("disease of the kidney", "any"), ("acid", "chemical"), ("international airport", "airport"), ("london", "any")],
)
def test_local_search_ranks_its_top_five_as_a_full_sort_does(query: str, kind: str) -> None:
    ranked = _ranked_by_full_sort(query, kind)
    out = _ok("local_search", {"query": query, "kind": kind})
    assert out["match_count"] == len(ranked) > 5
    assert out["top_ids"] == ranked[:5] and out["best_id"] == ranked[0]


def test_timezone_transitions_asked_again_give_the_same_answer() -> None:
    first = _ok("timezone_transitions", {"timezone": "Europe/London", "year": 2024})
    assert first["transition_count"] == 2 and first["first_transition"] == "2024-03-31"
    assert _ok("timezone_transitions", {"timezone": "Europe/London", "year": 2024}) == first
    assert _ok("timezone_transitions", {"timezone": "Asia/Tokyo", "year": 2024})["observes_dst"] is False


def test_cached_value_sides_tell_numbers_of_different_types_apart() -> None:
    """1 and True are equal as dict keys but are stated as different text ("1", "yes"): each keeps its own side."""
    for seed in range(40):
        for port, value in [("number", 1), ("number", 1.0), ("number", True), ("label", "1"), ("date", "2024-01-01")]:
            expected = seed_held_out("", stated_key(port, value), seed)
            assert value_held_out(port, value, seed) == expected, (port, value, seed)
            assert value_held_out(port, value, seed) == expected  # asked again: from the cache
    differ = [s for s in range(200) if value_held_out("number", 1, s) != value_held_out("number", True, s)]
    assert differ, "1 and True are stated differently, so some seed puts them on different sides"
