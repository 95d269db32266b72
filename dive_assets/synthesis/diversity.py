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
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import duckdb

from dive_assets.synthesis.near_duplicates import (
    NEAR_DUPLICATE_JACCARD,
    NearDuplicateIndex,
    minhash_signature,
    near_duplicates,
    shingle_set,
    words,
)
from dive_assets.synthesis.warehouse import query_frame

__all__ = ["NEAR_DUPLICATE_JACCARD", "minhash_signature", "near_duplicates", "shingle_set", "words"]

MAX_TIE_ORDERINGS = 40_320  # 8!
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
JOIN trace_steps s ON s.trace_id BETWEEN ? AND ? AND s.trace_id = t.trace_id AND s.domain = t.domain
    AND s.diversity = t.diversity AND list_contains(t.required_steps, s.step_index)
LEFT JOIN tools tl ON tl.name = s.tool_name
WHERE t.domain = ? AND t.diversity = ? AND t.trace_id BETWEEN ? AND ?
GROUP BY ALL
ORDER BY t.task_id
"""
_TRACE_IDS_SQL = "SELECT DISTINCT trace_id FROM tasks WHERE domain = ? AND diversity = ? ORDER BY trace_id"

_TOOLSETS_SQL = """
SELECT toolset_id, list_sort(tool_names) AS tool_names FROM toolsets WHERE domain = ? AND diversity = ?
"""
_OFFERED_SQL = """
SELECT count(DISTINCT tool) FROM (SELECT unnest(tool_names) AS tool FROM toolsets WHERE domain = ? AND diversity = ?)
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
    """Shannon entropy in bits of a frequency distribution (0 for an empty or one-valued one); summed in sorted
    order, so the order the counts were gathered in cannot change the last bit."""
    values = sorted(v for v in (counts.values() if isinstance(counts, Counter) else counts) if v > 0)
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


def distinct_ngram_ratio(texts: Sequence[str], n: int) -> float:
    """Distinct n-grams / all n-grams over the texts (word tokens, lower-cased); 0 when there are none.

    Counts as it goes and keeps only the distinct n-grams (a 30k-task partition has ~1.1M n-grams per n, most of
    them repeats of the tools' phrasing)."""
    tally = NgramTally(n)
    for text in texts:
        tally.add(words(text))
    return tally.ratio


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


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
        return _canonical_cached(tuple(_rp(k) for k in self.kinds), self.edges)


@lru_cache(maxsize=1 << 16)
def _canonical_cached(labels: tuple[str, ...], edges: tuple[tuple[int, int], ...]) -> str:
    """R/P classes repeat (a few hundred per partition), so their canonical forms are worth a bounded cache."""
    return canonical_graph(labels, edges)


def _rp(kind: str) -> str:
    return {"retrieval": "R", "processing": "P"}.get(kind, "?")


TRACES_PER_CHUNK = 5_000
"""Traces whose tasks are read and folded into the metrics at a time: memory does not grow with the partition."""


def iter_task_graphs(
    conn: duckdb.DuckDBPyConnection, domain: str, diversity: str, chunk: int = TRACES_PER_CHUNK
) -> Iterator[list[TaskGraph]]:
    """Every task of the partition (all rounds) with its required tools, kinds and call-graph edges, ``chunk``
    traces at a time (traces in id order, tasks in id order within a chunk)."""
    partition = [domain, diversity]
    trace_ids = [r[0] for r in conn.execute(_TRACE_IDS_SQL, partition).fetchall()]
    for start in range(0, len(trace_ids), max(1, chunk)):
        bounds = [trace_ids[start], trace_ids[min(start + chunk, len(trace_ids)) - 1]]
        rows = query_frame(conn, _TASKS_SQL, [*bounds, *partition, *bounds]).iter_rows(named=True)
        yield [_task_graph(row) for row in rows]


def _task_graph(row: dict[str, Any]) -> TaskGraph:
    position = {step: pos for pos, step in enumerate(row["steps"])}
    pairs = json.loads(row["call_graph"] or "[]")
    edges = tuple(sorted({(position[a], position[b]) for a, b in pairs if a in position and b in position}))
    return TaskGraph(
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


def load_task_graphs(conn: duckdb.DuckDBPyConnection, domain: str, diversity: str) -> list[TaskGraph]:
    """Every task of the partition as one list (small partitions and tests; metrics stream instead)."""
    return [task for chunk in iter_task_graphs(conn, domain, diversity) for task in chunk]


def _digest16(text: str) -> bytes:
    """A 16-byte digest standing for a canonical form or a call sequence in the sets of distinct ones."""
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


# --- metrics -----------------------------------------------------------------------------------------------
class NgramTally:
    """Distinct and total word n-grams of texts seen one at a time (see :func:`distinct_ngram_ratio`)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.distinct: set[tuple[str, ...]] = set()
        self.total = 0

    def add(self, tokens: Sequence[str]) -> None:
        n = self.n
        for i in range(len(tokens) - n + 1):
            self.distinct.add(tuple(tokens[i : i + n]))
            self.total += 1

    @property
    def ratio(self) -> float:
        return len(self.distinct) / self.total if self.total else 0.0


@dataclass
class TaskTally:
    """Running counts over a set of tasks (a partition's verified ones, or all rounds): what the metrics need,
    without keeping the tasks. Distinct call graphs and sequences are kept as 16-byte digests."""

    tasks: int = 0
    calls: Counter = field(default_factory=Counter)
    graphs: Counter = field(default_factory=Counter)
    sequences: set[bytes] = field(default_factory=set)
    rp_classes: set[str] = field(default_factory=set)
    patterns: Counter = field(default_factory=Counter)
    toolsets: Counter = field(default_factory=Counter)
    transitions: set[tuple[str, str]] = field(default_factory=set)
    required_calls: int = 0
    tool_types: int = 0
    multistep: int = 0
    multistep_tool_types: int = 0
    mixed: int = 0

    def add(self, task: TaskGraph) -> None:
        self.tasks += 1
        self.calls.update(task.tools)
        self.graphs[_digest16(task.graph)] += 1
        self.sequences.add(_digest16("\x1f".join(task.tools)))
        self.rp_classes.add(task.rp_class)
        self.patterns[task.pattern] += 1
        self.toolsets[task.toolset_id] += 1
        self.transitions.update((task.tools[a], task.tools[b]) for a, b in task.edges)
        types = len(set(task.tools))
        self.required_calls += len(task.tools)
        self.tool_types += types
        if len(task.tools) > 1:
            self.multistep += 1
            self.multistep_tool_types += types
        self.mixed += {"R", "P"} <= {_rp(k) for k in task.kinds}

    def mean(self, total: int, over: int, digits: int = 3) -> float:
        return round(total / over, digits) if over else 0.0


@dataclass
class PartitionProfile:
    """One pass over a partition's tasks: the tallies of its verified tasks and of every round, and the metrics."""

    verified: TaskTally
    every: TaskTally
    metrics: dict[str, float | int]


def partition_profile(
    conn: duckdb.DuckDBPyConnection, domain: str, diversity: str, chunk: int = TRACES_PER_CHUNK
) -> PartitionProfile:
    """DIVE's structural diversity metrics of one (domain, diversity) partition, plus entropies, the long tail,
    transitions and lexical diversity, from one streamed pass over its tasks. See the module doc and the README.

    Memory: a chunk of tasks at a time, the tallies, the distinct n-grams and each question's shingle ids (for the
    near-duplicate search), so memory does not grow with the partition."""
    ((pool,),) = conn.execute("SELECT count(*) FROM tools WHERE domain IN (?, 'general')", [domain]).fetchall()
    ((offered,),) = conn.execute(_OFFERED_SQL, [domain, diversity]).fetchall()
    verified, every = TaskTally(), TaskTally()
    ngrams = [NgramTally(n) for n in (1, 2, 3)]
    questions = NearDuplicateIndex()
    verified_positions: list[int] = []
    for chunk_tasks in iter_task_graphs(conn, domain, diversity, chunk):
        for task in chunk_tasks:
            every.add(task)
            position = questions.add(task.task_id, task.question, task.trace_id)
            if not task.verified:
                continue
            verified.add(task)
            verified_positions.append(position)
            tokens = [sys.intern(w) for w in words(task.question)]  # n-grams share their words' strings
            for tally in ngrams:
                tally.add(tokens)
    duplicates = questions.flagged(members=verified_positions, by_group=False)
    duplicates_all = questions.flagged()
    n, calls = verified.tasks, verified.calls

    def share(part: float, whole: float) -> float:
        return round(part / whole, 4) if whole else 0.0

    metrics: dict[str, float | int] = {
        "tasks": n,
        "tasks_all_rounds": every.tasks,
        "tools_in_pool": int(pool),
        "tools_offered": int(offered),
        "tools_covered": len(calls),
        "pool_coverage": share(len(calls), pool),
        "tools_covered_all_rounds": len(every.calls),
        "pool_coverage_all_rounds": share(len(every.calls), pool),
        "unique_toolsets": _unique_toolsets(conn, domain, diversity, set(verified.toolsets)),
        "unique_call_sequences": len(verified.sequences),
        "unique_call_sequences_all_rounds": len(every.sequences),
        "unique_call_graphs": len(verified.graphs),
        "unique_call_graph_share": share(len(verified.graphs), n),
        "unique_call_graphs_all_rounds": len(every.graphs),
        "unique_call_graph_share_all_rounds": share(len(every.graphs), every.tasks),
        "rp_topology_classes": len(verified.rp_classes),
        "rp_topology_classes_all_rounds": len(every.rp_classes),
        "mean_required_calls": verified.mean(verified.required_calls, n),
        "tool_types_per_task": verified.mean(verified.tool_types, n),
        "tool_types_per_multistep_task": verified.mean(verified.multistep_tool_types, verified.multistep),
        "toolset_entropy_bits": round(shannon_entropy(verified.toolsets), 4),
        "pattern_entropy_bits": round(shannon_entropy(verified.patterns), 4),
        "tool_call_entropy_bits": round(shannon_entropy(calls), 4),
        "long_tail_call_share": round(long_tail_share(calls), 4),
        "tool_transitions": len(verified.transitions),
        "mixed_retrieval_processing_share": share(verified.mixed, n),
        "distinct_1gram_ratio": round(ngrams[0].ratio, 4),
        "distinct_2gram_ratio": round(ngrams[1].ratio, 4),
        "distinct_3gram_ratio": round(ngrams[2].ratio, 4),
        "near_duplicate_rate": share(len(duplicates), n),
        "near_duplicate_rate_all_rounds": share(len(duplicates_all), every.tasks),
        "patterns": len(verified.patterns),
    }
    return PartitionProfile(verified=verified, every=every, metrics=metrics)


def _unique_toolsets(conn: duckdb.DuckDBPyConnection, domain: str, diversity: str, toolset_ids: set[str]) -> int:
    """Distinct toolsets (as sorted tool names) of the given toolset ids; an id missing from ``toolsets`` counts as
    its own. Read in batches, so a partition's toolsets are never held as Python tuples all at once."""
    distinct: set[bytes] = set()
    missing = set(toolset_ids)
    cursor = conn.execute(_TOOLSETS_SQL, [domain, diversity])
    while rows := cursor.fetchmany(10_000):
        for toolset_id, names in rows:
            if toolset_id in missing:
                missing.discard(toolset_id)
                distinct.add(_digest16("\x1f".join(names)))
    distinct.update(_digest16(toolset_id) for toolset_id in missing)
    return len(distinct)


def partition_metrics(conn: duckdb.DuckDBPyConnection, domain: str, diversity: str) -> dict[str, float | int]:
    """The metrics of :func:`partition_profile`."""
    return partition_profile(conn, domain, diversity).metrics


TARGETS = {
    "min_calls_per_pool_tool": 10,
    "unique_call_graph_share": 0.90,
    "tool_types_per_multistep_task": 3.5,
    "mixed_retrieval_processing_share": 0.40,
}
"""Issue 7's targets for a DIVE-sized run (~48k tasks), over all partitions together."""


def dataset_metrics(conn: duckdb.DuckDBPyConnection) -> dict[str, float | int]:
    """The targets' metrics over every split task of every partition, against the whole tool pool.

    Call graphs are compared across partitions (the same graph in two partitions counts once). Streams the
    partitions' tasks chunk by chunk, as :func:`partition_profile` does."""
    tally = TaskTally()
    for domain, diversity in partitions(conn):
        for chunk in iter_task_graphs(conn, domain, diversity):
            for task in chunk:
                if task.verified:
                    tally.add(task)
    pool = [name for (name,) in conn.execute("SELECT name FROM tools ORDER BY name").fetchall()]
    per_tool = [tally.calls.get(name, 0) for name in pool]
    n = tally.tasks
    return {
        "tasks": n,
        "pool_tools": len(pool),
        "pool_tools_used": sum(1 for c in per_tool if c),
        "min_calls_per_pool_tool": min(per_tool) if per_tool else 0,
        "pool_tools_used_10_times": sum(1 for c in per_tool if c >= 10),
        "unique_call_graph_share": round(len(tally.graphs) / n, 4) if n else 0.0,
        "tool_types_per_multistep_task": tally.mean(tally.multistep_tool_types, tally.multistep),
        "mixed_retrieval_processing_share": round(tally.mixed / n, 4) if n else 0.0,
    }


def targets_met(metrics: dict[str, float | int]) -> dict[str, bool]:
    return {name: float(metrics.get(name, 0)) >= goal for name, goal in TARGETS.items()}


def partitions(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Every (domain, diversity) with toolsets or tasks, settings in grid order."""
    rows = conn.execute(
        "SELECT DISTINCT domain, diversity FROM toolsets UNION SELECT DISTINCT domain, diversity FROM tasks"
    ).fetchall()
    return sorted(((d, s) for d, s in rows), key=lambda p: (p[0], setting_rank(p[1]), p[1]))


def setting_rank(setting: str) -> int:
    return SETTING_ORDER.index(setting) if setting in SETTING_ORDER else len(SETTING_ORDER)
