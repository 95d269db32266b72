"""Diversity analytics on a small real dataset built with the plain pipeline functions (no Dagster)."""

from __future__ import annotations

import itertools
import json
import math
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest

from dive_assets.synthesis import diversity as da
from dive_assets.synthesis import diversity_summary, plots, queries, warehouse
from dive_assets.synthesis.config import RunSettings
from tests.synthesized import fill_warehouse

PARTITIONS = [("geo", "full-varied"), ("geo", "slice-fixed")]
TASKS = 12


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("diversity") / "dive.duckdb"
    run = RunSettings(duckdb_path=str(path), tasks_per_partition=TASKS)
    with warehouse.connect(path) as conn:
        fill_warehouse(conn, PARTITIONS, run)
    return path


@pytest.fixture(scope="module")
def conn(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with warehouse.connect(db, read_only=True) as connection:
        yield connection


@pytest.fixture(scope="module")
def summary(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return diversity_summary.summary_table(conn)


# --- building blocks on hand-built inputs --------------------------------------------------------------------
def test_isomorphic_graphs_share_a_canonical_form() -> None:
    # Two lookups feeding a sum, then a compare; the same graph with permuted step order and node indices.
    a = da.canonical_graph(["lookup", "lookup", "sum", "compare"], [(0, 2), (1, 2), (2, 3)])
    b = da.canonical_graph(["compare", "sum", "lookup", "lookup"], [(3, 1), (2, 1), (1, 0)])
    assert a == b
    # Same labels, different wiring (a chain instead of a fan-in): not isomorphic.
    chain = da.canonical_graph(["lookup", "lookup", "sum", "compare"], [(0, 1), (1, 2), (2, 3)])
    assert chain != a
    # Same wiring, one label changed: different.
    assert da.canonical_graph(["lookup", "lookup", "product", "compare"], [(0, 2), (1, 2), (2, 3)]) != a
    # Duplicate edges and edge order do not matter; a lone node is canonical too.
    assert da.canonical_graph(["x", "y"], [(0, 1), (0, 1)]) == da.canonical_graph(["y", "x"], [(1, 0)])
    assert da.canonical_graph(["x"], []) == da.canonical_graph(["x"], [])


def test_canonical_form_breaks_ties_exactly() -> None:
    # Colour refinement alone cannot tell these apart (every node has one in- and one out-edge): a 6-cycle vs
    # two 3-cycles with identical labels. The exact tie-breaking must.
    six = da.canonical_graph(["t"] * 6, [(i, (i + 1) % 6) for i in range(6)])
    two = da.canonical_graph(["t"] * 6, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)])
    assert six != two
    relabelled = da.canonical_graph(["t"] * 6, [(5, 3), (3, 1), (1, 4), (4, 0), (0, 2), (2, 5)])
    assert relabelled == six


def test_entropy_and_long_tail() -> None:
    assert da.shannon_entropy(Counter({k: 5 for k in "abcdefgh"})) == pytest.approx(3.0)
    assert da.shannon_entropy([7, 7]) == pytest.approx(1.0)
    assert da.shannon_entropy([10]) == 0.0
    assert da.shannon_entropy([]) == 0.0
    assert da.long_tail_share(Counter({"a": 3, "b": 3, "c": 3, "d": 3})) == pytest.approx(0.5)
    assert da.long_tail_share(Counter({"a": 97, "b": 1, "c": 1, "d": 1})) == pytest.approx(0.02)


def test_lexical_diversity_and_near_duplicates() -> None:
    assert da.distinct_ngram_ratio(["a b c", "a b c"], 1) == pytest.approx(0.5)
    assert da.distinct_ngram_ratio(["a b c d"], 2) == 1.0
    base = "What is the distance in kilometres between the airports of Lisbon and Madrid in the year 2024?"
    items = [
        ("t1", base),
        ("t2", base.replace("?", " ?")),  # same words: Jaccard 1
        ("t3", base.replace("2024", "2025")),  # one word differs
        ("t4", "Which currency does Japan use, and what is its ISO 4217 code?"),
    ]
    flagged = da.near_duplicates(items)
    jac = da.jaccard(da.shingle_set(base), da.shingle_set(items[2][1]))
    assert {"t1", "t2"} <= flagged and "t4" not in flagged
    assert ("t3" in flagged) == (jac >= 0.8)
    assert da.near_duplicates(items) == flagged  # deterministic
    assert da.near_duplicates(items[:2], groups=["g", "g"]) == set()  # same group: not compared
    assert da.minhash_signature({"a b c"}) == da.minhash_signature({"a b c"})


def _planted_items() -> tuple[list[tuple[str, str]], list[str]]:
    """240 template questions over 10 places and 7 years in 5 groups, plus 10 exact copies in another group."""
    import random

    rng = random.Random(7)
    places = ["Lisbon", "Madrid", "Oslo", "Quito", "Lima", "Hanoi", "Accra", "Doha", "Riga", "Bern"]
    items, groups = [], []
    for i in range(240):
        a, b = rng.sample(places, 2)
        text = f"What is the great-circle distance in kilometres between {a} and {b} in the year {2000 + i % 7}?"
        items.append((f"t{i:03d}", text))
        groups.append(f"g{i % 5}")
    items += [(f"x{i}", items[i][1]) for i in range(0, 40, 4)]  # exact copies in another group
    groups += ["copies"] * 10
    return items, groups


def test_near_duplicates_finds_what_comparing_every_pair_finds() -> None:
    """The banded search flags the pairs an all-pairs comparison flags that banding proposes, across groups only;
    here every planted pair."""
    items, groups = _planted_items()
    flagged = da.near_duplicates(items, groups=groups)
    sets = [da.shingle_set(t) for _, t in items]
    truth = {
        items[k][0]
        for a, b in itertools.combinations(range(len(items)), 2)
        if groups[a] != groups[b] and da.jaccard(sets[a], sets[b]) >= da.NEAR_DUPLICATE_JACCARD
        for k in (a, b)
    }
    assert flagged <= truth  # no false positives
    assert {f"x{i}" for i in range(0, 40, 4)} <= flagged
    assert len(flagged) >= 0.95 * len(truth), (len(flagged), len(truth))


def test_large_and_small_buckets_are_confirmed_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large bucket is confirmed by one sparse product, a small one pair by pair: either way gives the same
    flags, with or without groups, over all items or a subset of them."""
    from dive_assets.synthesis import near_duplicates as nd

    items, groups = _planted_items()
    flagged = da.near_duplicates(items, groups=groups)
    index = nd.NearDuplicateIndex()
    for (item_id, text), group in zip(items, groups, strict=True):
        index.add(item_id, text, group)
    subset = list(range(0, len(items), 2))
    answers = []
    for dense_from in (2, 10**9):  # every bucket dense, then every bucket pair by pair
        monkeypatch.setattr(nd, "_DENSE_BUCKET", dense_from)
        answers.append((index.flagged(), index.flagged(by_group=False), index.flagged(members=subset)))
    assert answers[0] == answers[1]
    assert answers[0][0] == flagged and answers[0][0] <= answers[0][1]
    assert answers[0][2] <= {items[k][0] for k in subset}


# --- metrics on the real dataset -----------------------------------------------------------------------------
def test_summary_has_every_partition(summary: pl.DataFrame) -> None:
    assert sorted(zip(summary["domain"], summary["diversity"], strict=True)) == sorted(PARTITIONS)


def test_metrics_are_sane_and_consistent(conn: duckdb.DuckDBPyConnection, summary: pl.DataFrame) -> None:
    for row in summary.iter_rows(named=True):
        domain, diversity = row["domain"], row["diversity"]
        ((split_tasks,),) = conn.execute(
            "SELECT count(*) FROM splits WHERE domain = ? AND diversity = ?", [domain, diversity]
        ).fetchall()
        ((all_tasks,),) = conn.execute(
            "SELECT count(*) FROM tasks WHERE domain = ? AND diversity = ?", [domain, diversity]
        ).fetchall()
        n = row["tasks"]
        assert n == split_tasks and 0 < n <= TASKS
        assert row["tasks_all_rounds"] == all_tasks >= n
        assert 0 < row["tools_covered"] <= row["tools_offered"] <= row["tools_in_pool"]
        assert row["tools_covered"] <= row["tools_covered_all_rounds"]
        assert row["pool_coverage"] == pytest.approx(row["tools_covered"] / row["tools_in_pool"], abs=1e-4)
        assert 1 <= row["unique_toolsets"] <= n
        # R/P classes coarsen call graphs; sequences and graphs are each at most one per task.
        assert 1 <= row["rp_topology_classes"] <= row["unique_call_graphs"] <= n
        assert 1 <= row["unique_call_sequences"] <= n
        assert row["unique_call_graphs"] <= row["unique_call_graphs_all_rounds"] <= all_tasks
        assert row["unique_call_graph_share"] == pytest.approx(row["unique_call_graphs"] / n, abs=1e-4)
        assert 1 <= row["tool_types_per_task"] <= row["mean_required_calls"]
        assert 0 <= row["toolset_entropy_bits"] <= math.log2(n) + 1e-3
        assert 0 <= row["pattern_entropy_bits"] <= math.log2(row["patterns"]) + 1e-3
        assert 0 <= row["long_tail_call_share"] <= 0.5
        assert row["tool_transitions"] >= 1
        assert 0 <= row["mixed_retrieval_processing_share"] <= 1
        for k in (1, 2, 3):
            assert 0 < row[f"distinct_{k}gram_ratio"] <= 1
        assert row["distinct_1gram_ratio"] <= row["distinct_2gram_ratio"] <= row["distinct_3gram_ratio"]
        assert 0 <= row["near_duplicate_rate"] <= 1
        assert 1 <= row["patterns"] <= 6


def test_settings_differ_as_designed(summary: pl.DataFrame) -> None:
    by = {r["diversity"]: r for r in summary.iter_rows(named=True)}
    fixed, varied = by["slice-fixed"], by["full-varied"]
    assert fixed["unique_toolsets"] == 1 and fixed["toolset_entropy_bits"] == 0.0
    assert varied["unique_toolsets"] > 1 and varied["toolset_entropy_bits"] > 0
    assert varied["tools_offered"] > fixed["tools_offered"]
    assert varied["tools_covered"] >= fixed["tools_covered"]


def test_compare_settings(summary: pl.DataFrame) -> None:
    compared = diversity_summary.compare_settings(summary)
    assert set(compared["domain"]) == {"geo"}
    assert {"slice-fixed", "full-varied", "spread", "max_over_min", "highest"} <= set(compared.columns)
    assert compared.columns.index("slice-fixed") < compared.columns.index("full-varied")  # grid order
    toolsets = compared.filter(pl.col("metric") == "unique_toolsets").row(0, named=True)
    assert toolsets["highest"] == "full-varied" and toolsets["spread"] > 0
    tasks = compared.filter(pl.col("metric") == "tasks").row(0, named=True)
    assert tasks["spread"] == 0 or tasks["highest"] is not None


def test_metrics_stream_chunk_by_chunk_to_the_same_values(conn: duckdb.DuckDBPyConnection) -> None:
    """A partition's tasks are read a chunk of traces at a time; the chunk size cannot change a metric."""
    for domain, diversity in PARTITIONS:
        whole = da.partition_profile(conn, domain, diversity)
        assert da.partition_profile(conn, domain, diversity, chunk=1).metrics == whole.metrics
        assert (
            whole.verified.tasks == whole.metrics["tasks"]
            and sum(whole.verified.graphs.values()) == whole.verified.tasks
        )
        chunks = list(da.iter_task_graphs(conn, domain, diversity, chunk=2))
        assert len(chunks) > 1 and sum(map(len, chunks)) == whole.metrics["tasks_all_rounds"]


def test_canonical_graphs_of_stored_tasks_match_the_sql_view(conn: duckdb.DuckDBPyConnection) -> None:
    # Every two tasks with identical step-indexed graphs (the simple SQL form) also share a canonical form.
    graphs = da.load_task_graphs(conn, "geo", "full-varied")
    assert graphs and all(len(g.tools) == len(g.kinds) >= 1 for g in graphs)
    assert all(0 <= a < len(g.tools) and 0 <= b < len(g.tools) for g in graphs for a, b in g.edges)
    simple = Counter((g.tools, g.edges) for g in graphs)
    canonical = Counter(g.graph for g in graphs)
    assert len(canonical) <= len(simple)


def test_plots_are_written(conn: duckdb.DuckDBPyConnection, summary: pl.DataFrame, tmp_path: Path) -> None:
    for domain, diversity in PARTITIONS:
        png = plots.plot_partition(conn, domain, diversity, tmp_path / f"{domain}-{diversity}.png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5_000
    png = diversity_summary.plot_summary(summary, tmp_path / "summary.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5_000


@pytest.mark.parametrize("query", sorted(p.stem for p in (warehouse.SQL_DIR / "queries").glob("*.sql")))
def test_every_named_query_runs_with_its_declared_columns(conn: duckdb.DuckDBPyConnection, query: str) -> None:
    named = queries.load(query)
    assert named.purpose and named.counts  # every file says what it shows and which rows it counts
    frame = named.run(conn)  # the parameters' defaults
    assert tuple(frame.columns) == named.columns, query
    if query == "split_leakage":
        assert frame.is_empty()
    else:
        assert not frame.is_empty(), f"{query}.sql returned no rows"


def test_named_queries_take_their_parameters(conn: duckdb.DuckDBPyConnection) -> None:
    split = sorted(r[0] for r in conn.execute("SELECT task_id FROM splits").fetchall())
    chosen = split[len(split) // 2]
    trace = queries.load("task_with_trace").run(conn, {"task_id": chosen})
    steps = conn.execute("SELECT count(*) FROM trace_steps JOIN tasks USING (trace_id) WHERE task_id = ?", [chosen])
    assert set(trace["task_id"]) == {chosen} and trace.height == steps.fetchall()[0][0]
    lineage = queries.load("task_lineage").run(conn, {"tasks": "2"})
    assert set(lineage["task_id"]) == set(split[:2])
    verified = queries.load("patterns").run(conn)
    everything = queries.load("patterns").run(conn, {"verified": "false"})
    assert verified["tasks"].sum() == len(split) < everything["tasks"].sum()
    geo = queries.load("check_failures").run(conn, {"domain": "geo"})
    assert set(geo["domain"]) <= {"geo"} and (geo["failed"] > 0).all()
    assert queries.load("tool_usage").run(conn, {"limit": "3"}).height == 3
    with pytest.raises(queries.QueryError, match="has no parameter 'tid'"):
        queries.load("task_with_trace").run(conn, {"tid": chosen})
    with pytest.raises(queries.QueryError, match="takes a BOOLEAN, not 'maybe'"):
        queries.load("patterns").run(conn, {"verified": "maybe"})


def test_query_command_prints_lists_and_writes_formats(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pyarrow.parquet as pq

    from dive_assets.cli import main

    copy = tmp_path / "copy.duckdb"  # the module's open connection holds the warehouse's lock: query a copy
    shutil.copyfile(db, copy)
    monkeypatch.setenv("DIVE_DUCKDB_PATH", str(copy))
    assert main(["query", "--list"]) == 0
    listed = capsys.readouterr().out
    assert all(f"{q.name}: " in listed for q in queries.all_queries()) and "--param task_id=<VARCHAR>" in listed
    assert main(["query", "task_with_trace", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    question = records[0]["question"]
    assert len(question) > 60 and all(r["question"] == question for r in records)  # full cells, not cut at 60
    assert main(["query", "task_with_trace"]) == 0
    assert question in capsys.readouterr().out
    assert main(["query", "patterns", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "domain,pattern,tasks,avg_required_steps"
    out = tmp_path / "lineage.parquet"
    assert main(["query", "task_lineage", "--format", "parquet", "--output", str(out)]) == 0
    assert pq.read_table(out).column_names == list(queries.load("task_lineage").columns)
    assert main(["query", "patterns", "--param", "verified=maybe"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "verified takes a BOOLEAN" in error
