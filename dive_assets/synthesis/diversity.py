"""Diversity analytics of the warehouse, as DIVE reports them plus a few more (plain Python, no Dagster).

Unit of analysis. Unless a metric is named ``*_all_rounds``, it is computed over the partition's *verified*
tasks: ``tasks`` joined to ``splits`` (the hardest verified round of each trace, one task per trace). The
``*_all_rounds`` variants use every derived task of every round, verified or not.

A task's **call graph** is the DAG of its required steps: one node per required step labelled with the tool it
calls, one edge per ``tasks.call_graph`` pair (producer step -> consumer step) between required steps.

**Canonical form** (so that isomorphic graphs with the same tool labels compare equal, whatever the step
indices and the order in which the steps were made):

1. colour refinement (1-dimensional Weisfeiler-Leman): a node's colour starts as its label and is refined,
   until stable, with the sorted multisets of its in-neighbours' and out-neighbours' colours (the nodes'
   "in/out signature"); colours are isomorphism-invariant, so sorting nodes by colour orders them
   deterministically up to ties between equivalent-looking nodes;
2. the ties are broken exactly: over every ordering of the nodes that respects the colour order (the product
   of the factorials of the colour-class sizes, at most ``MAX_TIE_ORDERINGS``), the encoding
   ``labels-in-order | sorted edge list of positions`` is built and the lexicographically smallest is kept.

Step 2 makes the form an exact isomorphism invariant (equal forms <=> isomorphic labelled graphs). Should a
graph ever have more tie orderings than the cap, the first class-respecting ordering is used, which is still
deterministic and isomorphism-safe for everything colour refinement separates (stated as a limitation).
The **R/P topology class** is the same canonical form with every node labelled ``R`` (retrieval tool) or
``P`` (processing tool) from ``tools.kind`` instead of the tool name.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import polars as pl

from dive_assets.synthesis.dedup import band_keys, shared_buckets
from dive_assets.synthesis.warehouse import query_frame

MAX_TIE_ORDERINGS = 40_320  # 8!
NEAR_DUPLICATE_JACCARD = 0.8
SETTING_ORDER = ("slice-fixed", "slice-varied", "full-fixed", "full-varied")

# Every task of a partition (all rounds) with its required steps' tools and kinds in step order.
_TASKS_SQL = """
SELECT t.task_id, t.trace_id, t.toolset_id, t.round, t.pattern, t.topology, t.question,
       t.call_graph::VARCHAR AS call_graph,
       sp.task_id IS NOT NULL AS verified,
       list(s.step_index ORDER BY s.step_index) AS steps,
       list(s.tool_name ORDER BY s.step_index) AS tools,
       list(coalesce(tl.kind, 'unknown') ORDER BY s.step_index) AS kinds
FROM tasks t
LEFT JOIN splits sp ON sp.task_id = t.task_id AND sp.domain = t.domain AND sp.diversity = t.diversity
JOIN trace_steps s ON s.trace_id = t.trace_id AND s.domain = t.domain AND s.diversity = t.diversity
    AND list_contains(t.required_steps, s.step_index)
LEFT JOIN tools tl ON tl.name = s.tool_name
WHERE t.domain = ? AND t.diversity = ?
GROUP BY ALL
ORDER BY t.task_id
"""

_TOOLSETS_SQL = """
SELECT toolset_id, list_sort(tool_names) AS tool_names FROM toolsets WHERE domain = ? AND diversity = ?
"""


# --- graphs ------------------------------------------------------------------------------------------------
def canonical_graph(labels: Sequence[str], edges: Iterable[tuple[int, int]]) -> str:
    """Canonical string of a node-labelled directed graph (``labels[i]`` is node i; edges are index pairs).

    Two graphs get the same string exactly when they are isomorphic with labels preserved (see module doc).
    """
    n = len(labels)
    edge_set = sorted({(int(a), int(b)) for a, b in edges if 0 <= a < n and 0 <= b < n})
    ins: list[list[int]] = [[] for _ in range(n)]
    outs: list[list[int]] = [[] for _ in range(n)]
    for a, b in edge_set:
        outs[a].append(b)
        ins[b].append(a)
    colours = _refine([str(label) for label in labels], ins, outs)
    classes: dict[str, list[int]] = {}
    for node in sorted(range(n), key=lambda i: colours[i]):
        classes.setdefault(colours[node], []).append(node)
    ordered = [classes[c] for c in sorted(classes)]
    tie_orderings = math.prod(math.factorial(len(members)) for members in ordered)
    if tie_orderings > MAX_TIE_ORDERINGS:
        return _encode([node for members in ordered for node in members], labels, edge_set)
    best = None
    for choice in itertools.product(*(itertools.permutations(members) for members in ordered)):
        code = _encode([node for members in choice for node in members], labels, edge_set)
        if best is None or code < best:
            best = code
    return best or "|"


def _refine(colours: list[str], ins: list[list[int]], outs: list[list[int]]) -> list[str]:
    """1-WL colour refinement with in/out neighbourhoods; colours are short, stable hashes."""
    current = [_digest(c) for c in colours]
    for _ in range(len(colours)):
        refined = [
            _digest(f"{current[i]}<{sorted(current[j] for j in ins[i])}>{sorted(current[j] for j in outs[i])}")
            for i in range(len(colours))
        ]
        if len(set(refined)) == len(set(current)):
            return refined
        current = refined
    return current


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _encode(order: Sequence[int], labels: Sequence[str], edges: Sequence[tuple[int, int]]) -> str:
    position = {node: pos for pos, node in enumerate(order)}
    coded_edges = sorted((position[a], position[b]) for a, b in edges)
    return json.dumps([[labels[node] for node in order], coded_edges], separators=(",", ":"))


# --- distributions and text --------------------------------------------------------------------------------
def shannon_entropy(counts: Iterable[int] | Counter) -> float:
    """Shannon entropy in bits of a frequency distribution (0 for an empty or one-valued one)."""
    values = [v for v in (counts.values() if isinstance(counts, Counter) else counts) if v > 0]
    total = sum(values)
    if not total:
        return 0.0
    return max(0.0, -sum(v / total * math.log2(v / total) for v in values))


def long_tail_share(counts: Counter) -> float:
    """Share of calls that go to the least-used half (floor(n/2)) of the tools used; 0.5 is perfectly even."""
    ordered = sorted(counts.items(), key=lambda kv: (kv[1], kv[0]))
    total = sum(counts.values())
    if not total:
        return 0.0
    return sum(v for _, v in ordered[: len(ordered) // 2]) / total


_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def distinct_ngram_ratio(texts: Sequence[str], n: int) -> float:
    """Distinct n-grams / all n-grams over the texts (word tokens, lower-cased); 0 when there are none.

    Counts as it goes and keeps only the distinct n-grams (a 30k-task partition has ~1.1M n-grams per n, most of
    them repeats of the tools' phrasing)."""
    distinct: set[tuple[str, ...]] = set()
    total = 0
    for w in map(words, texts):
        for i in range(len(w) - n + 1):
            distinct.add(tuple(w[i : i + n]))
            total += 1
    return len(distinct) / total if total else 0.0


def shingle_set(text: str, n: int = 3) -> set[str]:
    w = words(text)
    if len(w) < n:
        return {" ".join(w)}
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


_PERMUTATIONS = 64
_BANDS, _ROWS = 16, 4


_PRIME = (1 << 31) - 1  # products of two 31-bit values fit in int64


def _permutation_coefficients() -> tuple[np.ndarray, np.ndarray]:
    """(a, b) of the 64 universal hash functions h_k(x) = (a_k x + b_k) mod p, fixed by blake2b (deterministic)."""
    raw = [
        int.from_bytes(hashlib.blake2b(f"minhash-{k}".encode(), digest_size=8).digest(), "big")
        for k in range(_PERMUTATIONS)
    ]
    a = np.array([1 + (r >> 32) % (_PRIME - 1) for r in raw], dtype=np.int64)
    b = np.array([(r & 0xFFFFFFFF) % _PRIME for r in raw], dtype=np.int64)
    return a[:, None], b[:, None]


_A, _B = _permutation_coefficients()


def minhash_signature(shingles: set[str]) -> tuple[int, ...]:
    """64 MinHash values: every shingle is hashed once with blake2b, then permuted by 64 universal hash functions
    ``(a_k x + b_k) mod p`` (vectorized; deterministic on every machine)."""
    base = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "big") % _PRIME for s in shingles),
        dtype=np.int64,
        count=len(shingles),
    )
    return tuple(int(v) for v in ((_A * base[None, :] + _B) % _PRIME).min(axis=1))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def near_duplicates(
    items: Sequence[tuple[str, str]], threshold: float = NEAR_DUPLICATE_JACCARD, groups: Sequence[str] | None = None
) -> set[str]:
    """Ids of items (id, text) with another item whose word-3-gram shingle Jaccard is >= ``threshold``.

    MinHash with LSH banding (16 bands x 4 rows) proposes candidate pairs; every candidate is confirmed with
    the exact Jaccard, so there are no false positives. Items of the same ``groups`` value are not compared.
    Memory stays small at any size (as in ``dedup.find_duplicates``): the search keeps an 8-byte key per item and
    band, and builds shingle sets only for the members of shared buckets (at most ~20k at a time).
    """
    keys = np.zeros((len(items), _BANDS), dtype=np.uint64)
    for index, (_, text) in enumerate(items):
        signature = minhash_signature(shingle_set(text))
        keys[index] = band_keys(signature, _BANDS, _ROWS)
    flagged: set[str] = set()
    sets: dict[int, set[str]] = {}  # shingle sets of recent buckets' members, dropped every 20k
    for _first, band, members in shared_buckets(keys):
        if len(sets) > 20_000:
            sets.clear()
        for a, b in itertools.combinations(members, 2):
            if groups is not None and groups[a] == groups[b]:
                continue
            if items[a][0] in flagged and items[b][0] in flagged:
                continue  # confirming the pair again changes nothing
            if band and bool((keys[a, :band] == keys[b, :band]).any()):
                continue  # an earlier band proposed this pair already
            for i in (a, b):
                if i not in sets:
                    sets[i] = shingle_set(items[i][1])
            if jaccard(sets[a], sets[b]) >= threshold:
                flagged.update((items[a][0], items[b][0]))
    return flagged


# --- per-task records --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TaskGraph:
    task_id: str
    trace_id: str
    toolset_id: str
    pattern: str
    question: str
    verified: bool
    tools: tuple[str, ...]
    kinds: tuple[str, ...]
    edges: tuple[tuple[int, int], ...]  # positions in ``tools`` (producer, consumer)

    @cached_property
    def graph(self) -> str:
        return canonical_graph(self.tools, self.edges)

    @cached_property
    def rp_class(self) -> str:
        return canonical_graph([_rp(k) for k in self.kinds], self.edges)


def _rp(kind: str) -> str:
    return {"retrieval": "R", "processing": "P"}.get(kind, "?")


def load_task_graphs(conn: duckdb.DuckDBPyConnection, domain: str, diversity: str) -> list[TaskGraph]:
    """Every task of the partition (all rounds) with its required tools, kinds and call-graph edges."""
    out = []
    for row in query_frame(conn, _TASKS_SQL, [domain, diversity]).iter_rows(named=True):
        position = {step: pos for pos, step in enumerate(row["steps"])}
        edges = tuple(
            sorted(
                {
                    (position[a], position[b])
                    for a, b in json.loads(row["call_graph"] or "[]")
                    if a in position and b in position
                }
            )
        )
        out.append(
            TaskGraph(
                task_id=row["task_id"],
                trace_id=row["trace_id"],
                toolset_id=row["toolset_id"],
                pattern=row["pattern"],
                question=row["question"],
                verified=bool(row["verified"]),
                tools=tuple(row["tools"]),
                kinds=tuple(row["kinds"]),
                edges=edges,
            )
        )
    return out


# --- metrics -----------------------------------------------------------------------------------------------
def partition_metrics(conn: duckdb.DuckDBPyConnection, domain: str, diversity: str) -> dict[str, float | int]:
    """DIVE's structural diversity metrics of one (domain, diversity) partition, plus entropies, the long
    tail, transitions and lexical diversity. See the module doc and the README for the definitions."""
    every = load_task_graphs(conn, domain, diversity)
    tasks = [t for t in every if t.verified]
    ((pool,),) = conn.execute("SELECT count(*) FROM tools WHERE domain IN (?, 'general')", [domain]).fetchall()
    toolsets = {
        r["toolset_id"]: tuple(r["tool_names"])
        for r in query_frame(conn, _TOOLSETS_SQL, [domain, diversity]).iter_rows(named=True)
    }
    n = len(tasks)
    calls = Counter(tool for t in tasks for tool in t.tools)
    graphs = Counter(t.graph for t in tasks)
    multi = [t for t in tasks if len(t.tools) > 1]
    transitions = {(t.tools[a], t.tools[b]) for t in tasks for a, b in t.edges}
    questions = [t.question for t in tasks]
    duplicates = near_duplicates([(t.task_id, t.question) for t in tasks])
    duplicates_all = near_duplicates([(t.task_id, t.question) for t in every], groups=[t.trace_id for t in every])
    covered_all = {tool for t in every for tool in t.tools}

    def share(part: float, whole: float) -> float:
        return round(part / whole, 4) if whole else 0.0

    return {
        "tasks": n,
        "tasks_all_rounds": len(every),
        "tools_in_pool": int(pool),
        "tools_offered": len({tool for names in toolsets.values() for tool in names}),
        "tools_covered": len(calls),
        "pool_coverage": share(len(calls), pool),
        "tools_covered_all_rounds": len(covered_all),
        "pool_coverage_all_rounds": share(len(covered_all), pool),
        "unique_toolsets": len({toolsets.get(t.toolset_id, (t.toolset_id,)) for t in tasks}),
        "unique_call_sequences": len({t.tools for t in tasks}),
        "unique_call_sequences_all_rounds": len({t.tools for t in every}),
        "unique_call_graphs": len(graphs),
        "unique_call_graph_share": share(len(graphs), n),
        "unique_call_graphs_all_rounds": len({t.graph for t in every}),
        "unique_call_graph_share_all_rounds": share(len({t.graph for t in every}), len(every)),
        "rp_topology_classes": len({t.rp_class for t in tasks}),
        "rp_topology_classes_all_rounds": len({t.rp_class for t in every}),
        "mean_required_calls": round(sum(len(t.tools) for t in tasks) / n, 3) if n else 0.0,
        "tool_types_per_task": round(sum(len(set(t.tools)) for t in tasks) / n, 3) if n else 0.0,
        "tool_types_per_multistep_task": round(sum(len(set(t.tools)) for t in multi) / len(multi), 3) if multi else 0.0,
        "toolset_entropy_bits": round(shannon_entropy(Counter(t.toolset_id for t in tasks)), 4),
        "pattern_entropy_bits": round(shannon_entropy(Counter(t.pattern for t in tasks)), 4),
        "tool_call_entropy_bits": round(shannon_entropy(calls), 4),
        "long_tail_call_share": round(long_tail_share(calls), 4),
        "tool_transitions": len(transitions),
        "mixed_retrieval_processing_share": share(sum({"R", "P"} <= {_rp(k) for k in t.kinds} for t in tasks), n),
        "distinct_1gram_ratio": round(distinct_ngram_ratio(questions, 1), 4),
        "distinct_2gram_ratio": round(distinct_ngram_ratio(questions, 2), 4),
        "distinct_3gram_ratio": round(distinct_ngram_ratio(questions, 3), 4),
        "near_duplicate_rate": share(len(duplicates), n),
        "near_duplicate_rate_all_rounds": share(len(duplicates_all), len(every)),
        "patterns": len({t.pattern for t in tasks}),
    }


TARGETS = {
    "min_calls_per_pool_tool": 10,
    "unique_call_graph_share": 0.90,
    "tool_types_per_multistep_task": 3.5,
    "mixed_retrieval_processing_share": 0.40,
}
"""Issue 7's targets for a DIVE-sized run (~48k tasks), over all partitions together."""


def dataset_metrics(conn: duckdb.DuckDBPyConnection) -> dict[str, float | int]:
    """The targets' metrics over every split task of every partition, against the whole tool pool.

    Call graphs are compared across partitions (the same graph in two partitions counts once)."""
    tasks = [t for d, s in partitions(conn) for t in load_task_graphs(conn, d, s) if t.verified]
    pool = [name for (name,) in conn.execute("SELECT name FROM tools ORDER BY name").fetchall()]
    calls = Counter(tool for t in tasks for tool in t.tools)
    per_tool = [calls.get(name, 0) for name in pool]
    multi = [t for t in tasks if len(t.tools) > 1]
    n = len(tasks)
    return {
        "tasks": n,
        "pool_tools": len(pool),
        "pool_tools_used": sum(1 for c in per_tool if c),
        "min_calls_per_pool_tool": min(per_tool) if per_tool else 0,
        "pool_tools_used_10_times": sum(1 for c in per_tool if c >= 10),
        "unique_call_graph_share": round(len({t.graph for t in tasks}) / n, 4) if n else 0.0,
        "tool_types_per_multistep_task": round(sum(len(set(t.tools)) for t in multi) / len(multi), 3) if multi else 0.0,
        "mixed_retrieval_processing_share": round(sum({"R", "P"} <= {_rp(k) for k in t.kinds} for t in tasks) / n, 4)
        if n
        else 0.0,
    }


def targets_met(metrics: dict[str, float | int]) -> dict[str, bool]:
    return {name: float(metrics.get(name, 0)) >= goal for name, goal in TARGETS.items()}


def partitions(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Every (domain, diversity) with toolsets or tasks, settings in grid order."""
    rows = conn.execute(
        "SELECT DISTINCT domain, diversity FROM toolsets UNION SELECT DISTINCT domain, diversity FROM tasks"
    ).fetchall()
    return sorted(((d, s) for d, s in rows), key=lambda p: (p[0], _setting_rank(p[1]), p[1]))


def _setting_rank(setting: str) -> int:
    return SETTING_ORDER.index(setting) if setting in SETTING_ORDER else len(SETTING_ORDER)


def summary_table(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """One row per partition present: domain, diversity and every metric of ``partition_metrics``."""
    rows = [{"domain": d, "diversity": s, **partition_metrics(conn, d, s)} for d, s in partitions(conn)]
    return pl.DataFrame(rows) if rows else pl.DataFrame(schema={"domain": pl.String, "diversity": pl.String})


def summary_from_table(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """``summary_table``'s shape read from the stored ``diversity_metrics`` rows (no recomputation)."""
    from dive_assets.synthesis.warehouse import query_frame

    long = query_frame(conn, "SELECT domain, diversity, metric, value FROM diversity_metrics")
    if long.height == 0:
        return pl.DataFrame(schema={"domain": pl.String, "diversity": pl.String})
    wide = long.pivot(on="metric", index=["domain", "diversity"], values="value", sort_columns=True)
    order = {p: i for i, p in enumerate(sorted(wide.select("domain", "diversity").rows(), key=_partition_order))}
    ranks = [order[(d, s)] for d, s in wide.select("domain", "diversity").rows()]
    return wide.with_columns(pl.Series("_rank", ranks)).sort("_rank").drop("_rank")


def _partition_order(partition: tuple[str, str]) -> tuple[str, int, str]:
    return partition[0], _setting_rank(partition[1]), partition[1]


def comparison_rows(compared: pl.DataFrame) -> pl.DataFrame:
    """``compare_settings`` in long form (one row per domain, metric and setting present) for the warehouse."""
    fixed = {"domain", "metric", "spread", "max_over_min", "highest"}
    settings = [c for c in compared.columns if c not in fixed]
    long = compared.unpivot(on=settings, index=sorted(fixed), variable_name="diversity", value_name="value")
    columns = ("domain", "metric", "diversity", "value", "spread", "max_over_min", "highest")
    return long.select(columns).drop_nulls("value")


def compare_settings(frame: pl.DataFrame) -> pl.DataFrame:
    """Per domain and metric: the value under each diversity setting (one column each, grid order), the spread
    (max - min), the max/min ratio (null when min is 0) and the setting with the highest value (null on a tie
    of all settings; the first in grid order when only some tie)."""
    metrics = [c for c in frame.columns if c not in ("domain", "diversity")]
    settings = sorted(frame["diversity"].unique().to_list(), key=lambda s: (_setting_rank(s), s))
    rows = []
    for domain in sorted(frame["domain"].unique().to_list()):
        part = frame.filter(pl.col("domain") == domain)
        for metric in metrics:
            values = {r["diversity"]: float(r[metric]) for r in part.select("diversity", metric).iter_rows(named=True)}
            present = [values[s] for s in settings if s in values]
            low, high = min(present), max(present)
            rows.append(
                {
                    "domain": domain,
                    "metric": metric,
                    **{s: values.get(s) for s in settings},
                    "spread": round(high - low, 4),
                    "max_over_min": round(high / low, 3) if low else None,
                    "highest": None if high == low else next(s for s in settings if values.get(s) == high),
                }
            )
    schema = {"domain": pl.String, "metric": pl.String, **dict.fromkeys(settings, pl.Float64)}
    schema |= {"spread": pl.Float64, "max_over_min": pl.Float64, "highest": pl.String}
    return pl.DataFrame(rows, schema=schema, orient="row")


# --- plots -------------------------------------------------------------------------------------------------
def new_figure(width: float, height: float, ncols: int, nrows: int = 1) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False)
    return fig, axes.ravel()


def plot_partition(conn: duckdb.DuckDBPyConnection, domain: str, diversity: str, path: str | Path) -> Path:
    """A PNG of the partition's verified tasks: tool-call frequency by rank (the long tail), tasks per pattern,
    and how many tasks share each unique call graph."""
    tasks = [t for t in load_task_graphs(conn, domain, diversity) if t.verified]
    metrics = partition_metrics(conn, domain, diversity)
    fig, (tail, patterns, graphs) = new_figure(15, 4.5, 3)
    calls = sorted(Counter(tool for t in tasks for tool in t.tools).items(), key=lambda kv: (-kv[1], kv[0]))
    tail.bar(range(len(calls)), [v for _, v in calls], color="#4C72B0")
    tail.set_xticks(range(len(calls)), [k for k, _ in calls], rotation=90, fontsize=6)
    tail.set_title(f"tool calls by rank (long-tail share {metrics['long_tail_call_share']:.2f})")
    tail.set_ylabel("required calls")
    by_pattern = sorted(Counter(t.pattern for t in tasks).items())
    patterns.bar([k for k, _ in by_pattern], [v for _, v in by_pattern], color="#55A868")
    patterns.set_title(f"tasks per pattern (entropy {metrics['pattern_entropy_bits']:.2f} bits)")
    patterns.set_ylabel("tasks")
    sizes = sorted(Counter(t.graph for t in tasks).values(), reverse=True)
    graphs.bar(range(1, len(sizes) + 1), sizes, color="#C44E52")
    graphs.set_title(f"{len(sizes)} unique call graphs / {len(tasks)} tasks, {metrics['rp_topology_classes']} R/P")
    graphs.set_xlabel("call graph (by frequency rank)")
    graphs.set_ylabel("tasks")
    fig.suptitle(f"{domain} / {diversity}")
    return save_figure(fig, path)


SUMMARY_METRICS = (
    "pool_coverage",
    "unique_toolsets",
    "unique_call_graph_share",
    "rp_topology_classes",
    "tool_types_per_task",
    "toolset_entropy_bits",
    "long_tail_call_share",
    "distinct_2gram_ratio",
)


def plot_summary(frame: pl.DataFrame, path: str | Path, metrics: Sequence[str] = SUMMARY_METRICS) -> Path:
    """A PNG comparing the diversity settings per domain: one panel per metric, grouped bars (domain x setting)."""
    metrics = [m for m in metrics if m in frame.columns]
    domains = sorted(frame["domain"].unique().to_list())
    settings = sorted(frame["diversity"].unique().to_list(), key=lambda s: (_setting_rank(s), s))
    ncols = 4
    nrows = max(1, math.ceil(len(metrics) / ncols))
    fig, axes = new_figure(4.2 * ncols, 3.4 * nrows, ncols, nrows)
    width = 0.8 / max(1, len(settings))
    colours = ["#DD8452", "#C44E52", "#55A868", "#4C72B0", "#8172B3", "#937860"]
    for ax, metric in zip(axes, metrics, strict=False):
        for k, setting in enumerate(settings):
            values = []
            for domain in domains:
                cell = frame.filter((pl.col("domain") == domain) & (pl.col("diversity") == setting))[metric]
                values.append(float(cell[0]) if cell.len() else 0.0)
            offsets = [i + (k - (len(settings) - 1) / 2) * width for i in range(len(domains))]
            ax.bar(offsets, values, width, label=setting, color=colours[_setting_rank(setting) % len(colours)])
        ax.set_xticks(range(len(domains)), domains)
        ax.set_title(metric, fontsize=10)
    for ax in axes[len(metrics) :]:
        ax.set_visible(False)
    if metrics:
        axes[0].legend(fontsize=7)
    fig.suptitle("diversity settings compared per domain")
    return save_figure(fig, path)


def save_figure(fig: Any, path: str | Path) -> Path:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    return out


def plot_partition_png(database: str | Path, domain: str, diversity: str) -> str:
    """The partition plot as base64 PNG (for asset metadata), drawn from a read-only connection."""
    from dive_assets.synthesis import warehouse

    with warehouse.connect(database, read_only=True) as conn:
        return png_base64(lambda path: plot_partition(conn, domain, diversity, path))


def png_base64(draw: Callable[[Path], Path]) -> str:
    """Draw a plot into a scratch file and return it as base64 (Dagster shows it in markdown metadata)."""
    import base64
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return base64.b64encode(draw(Path(tmp) / "plot.png").read_bytes()).decode()
