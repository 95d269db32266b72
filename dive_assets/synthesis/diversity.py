"""Diversity metrics of one partition, as DIVE reports them, plus a few more.

All metrics are over the partition's *split* tasks (the final verified round of each trace) unless named
``*_all_rounds``. A task's call graph is the labelled DAG of its required steps (tool names, producer ->
consumer edges); two tasks have the same graph when the tool sequence and edges are equal. Its R/P topology
class is ``tasks.topology`` (nodes labelled retrieval/processing, isomorphism-invariant signature).
"""

from __future__ import annotations

import math
from collections import Counter

import duckdb

from dive_assets.synthesis.dedup import find_duplicates

TASK_SQL = """
SELECT t.task_id, t.trace_id, t.toolset_id, t.pattern, t.topology, t.call_graph::VARCHAR AS call_graph,
       t.question, list(s.tool_name ORDER BY s.step_index) AS tools, list(tl.kind ORDER BY s.step_index) AS kinds
FROM tasks t
JOIN splits sp USING (task_id)
JOIN trace_steps s ON s.trace_id = t.trace_id AND list_contains(t.required_steps, s.step_index)
JOIN tools tl ON tl.name = s.tool_name
WHERE t.domain = ? AND t.diversity = ?
GROUP BY ALL
ORDER BY t.task_id
"""


def entropy(counts: Counter) -> float:
    """Shannon entropy in bits."""
    total = sum(counts.values())
    value = -sum(n / total * math.log2(n / total) for n in counts.values() if n) if total else 0.0
    return abs(value)


def partition_metrics(conn: duckdb.DuckDBPyConnection, domain: str, diversity: str) -> dict[str, float | int]:
    rows = conn.execute(TASK_SQL, [domain, diversity]).fetchall()
    pool = conn.execute("SELECT count(*) FROM tools WHERE domain IN (?, 'general')", [domain]).fetchone()[0]
    calls = Counter(tool for row in rows for tool in row[7])
    graphs = {(tuple(row[7]), row[5]) for row in rows}
    multi = [row for row in rows if len(row[7]) > 1]
    transitions = set()
    for row in rows:
        transitions.update(zip(row[7], row[7][1:], strict=False))
    used_sorted = sorted(calls.values())
    tail = used_sorted[: len(used_sorted) // 2]
    words = [q.lower().split() for q in (row[6] for row in rows)]
    bigrams = [tuple(w[i : i + 2]) for w in words for i in range(len(w) - 1)]
    dups = find_duplicates([(row[0], row[0], row[6]) for row in rows], threshold=0.8)
    n = len(rows)
    return {
        "tasks": n,
        "tools_in_pool": pool,
        "tools_covered": len(calls),
        "pool_coverage": round(len(calls) / pool, 4) if pool else 0.0,
        "unique_toolsets": len({row[2] for row in rows}),
        "unique_call_sequences": len({tuple(row[7]) for row in rows}),
        "unique_call_graphs": len(graphs),
        "unique_call_graph_share": round(len(graphs) / n, 4) if n else 0.0,
        "rp_topology_classes": len({row[4] for row in rows}),
        "tool_types_per_task": round(sum(len(set(r[7])) for r in rows) / n, 3) if n else 0.0,
        "tool_types_per_multistep_task": round(sum(len(set(r[7])) for r in multi) / len(multi), 3) if multi else 0.0,
        "mixed_retrieval_processing_share": round(sum(len(set(r[8])) == 2 for r in rows) / n, 4) if n else 0.0,
        "toolset_entropy_bits": round(entropy(Counter(row[2] for row in rows)), 4),
        "pattern_entropy_bits": round(entropy(Counter(row[3] for row in rows)), 4),
        "patterns": len({row[3] for row in rows}),
        "long_tail_call_share": round(sum(tail) / sum(used_sorted), 4) if used_sorted else 0.0,
        "tool_transitions": len(transitions),
        "distinct_bigram_ratio": round(len(set(bigrams)) / len(bigrams), 4) if bigrams else 0.0,
        "near_duplicate_rate": round(len(dups) / n, 4) if n else 0.0,
    }
