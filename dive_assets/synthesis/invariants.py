"""What the analytics and the exports must hold, as plain outcomes the Dagster side turns into asset checks.

Two kinds: an *invariant* (a broken one means the rows or files are wrong: the metrics disagree with the split rows,
the comparison with the metrics, an export with the splits) and a *drop* (a yield or diversity figure fell against
the previous materialization of the same partition or table: worth a look, not wrong by itself).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

DROP_TOLERANCE = 0.2
"""A figure may fall this share below its previous value before :func:`drop` reports it."""


@dataclass(frozen=True)
class Outcome:
    passed: bool
    description: str
    metadata: dict[str, object] = field(default_factory=dict)


def drop(
    current: Mapping[str, float],
    previous: Mapping[str, float] | None,
    names: Sequence[str],
    tolerance: float = DROP_TOLERANCE,
) -> Outcome:
    """Whether any of ``names`` fell more than ``tolerance`` below its previous value (nothing to compare: passed)."""
    if not previous:
        return Outcome(True, "no earlier materialization to compare with", {"compared": 0})
    fell = {
        name: {"previous": float(previous[name]), "now": float(current.get(name, 0.0))}
        for name in names
        if name in previous and float(current.get(name, 0.0)) < float(previous[name]) * (1 - tolerance)
    }
    if fell:
        listed = ", ".join(f"{n} {v['previous']:g} -> {v['now']:g}" for n, v in fell.items())
        return Outcome(False, f"fell more than {tolerance:.0%}: {listed}", {"fell": fell})
    return Outcome(True, f"no figure fell more than {tolerance:.0%}", {"compared": sum(n in previous for n in names)})


SHARES = ("pool_coverage", "unique_call_graph_share", "mixed_retrieval_processing_share", "near_duplicate_rate")


def metrics_invariants(metrics: Mapping[str, float], split_tasks: int) -> Outcome:
    """A partition's metrics agree with its split rows: ``tasks`` is the number of split tasks, counts of distinct
    things do not exceed what they are drawn from, shares lie in [0, 1] and every value is finite."""
    broken = [name for name, value in metrics.items() if not math.isfinite(float(value))]
    if metrics.get("tasks") != split_tasks:
        broken.append(f"tasks {metrics.get('tasks')} != {split_tasks} split rows")
    bounded = [
        ("unique_call_graphs", "tasks"),
        ("unique_call_sequences", "tasks"),
        ("tools_covered", "tools_in_pool"),
        ("tools_covered_all_rounds", "tools_in_pool"),
    ]
    broken += [f"{a} > {b}" for a, b in bounded if a in metrics and b in metrics and metrics[a] > metrics[b]]
    broken += [f"{s} = {metrics[s]} outside [0, 1]" for s in SHARES if s in metrics and not 0 <= metrics[s] <= 1]
    detail = {"metrics": len(metrics), "split_tasks": split_tasks}
    return Outcome(not broken, "; ".join(broken) or "metrics agree with the split rows", detail)


def comparison_matches_metrics(conn: duckdb.DuckDBPyConnection) -> Outcome:
    """Every stored metric of every partition is in ``diversity_comparison`` with its value, and nothing else is."""
    sql = "SELECT domain, diversity, metric, round(value, 6) AS value FROM {} ORDER BY ALL"
    metrics = conn.execute(sql.format("diversity_metrics")).fetchall()
    compared = conn.execute(sql.format("diversity_comparison")).fetchall()
    missing, extra = sorted(set(metrics) - set(compared)), sorted(set(compared) - set(metrics))
    detail = {"metric_rows": len(metrics), "comparison_rows": len(compared)}
    if missing or extra:
        return Outcome(
            False,
            f"{len(missing)} metric rows missing from the comparison, {len(extra)} not in diversity_metrics, "
            f"e.g. {(missing or extra)[0]}",
            detail,
        )
    return Outcome(True, "the comparison holds every stored metric of every partition", detail)


SPLIT_TASKS_SQL = "SELECT task_id, split FROM splits JOIN tasks USING (task_id)"

EXPORT_FILES = {"sft": "jsonl", "rl": "jsonl", "verl": "parquet", "parquet": "parquet"}
"""The per-split export folders and their file type."""


def export_rows(out_dir: Path) -> dict[str, dict[str, int]]:
    """Rows per split in each export folder."""
    out: dict[str, dict[str, int]] = {}
    for folder, suffix in EXPORT_FILES.items():
        for path in sorted((Path(out_dir) / folder).glob(f"*.{suffix}")):
            rows = (
                sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
                if suffix == "jsonl"
                else pl.scan_parquet(path).select(pl.len()).collect().item()
            )
            out.setdefault(folder, {})[path.stem] = int(rows)
    return out


def exports_match_splits(
    conn: duckdb.DuckDBPyConnection, out_dir: Path, per_split: Mapping[str, int], duplicates: int
) -> Outcome:
    """Each export folder holds, per split, as many rows as the export wrote; and the exported tasks plus the
    cross-partition duplicates left out are the warehouse's split tasks."""
    ((split_rows,),) = conn.execute(f"SELECT count(*) FROM ({SPLIT_TASKS_SQL})").fetchall()
    files = export_rows(out_dir)
    wrong = [
        f"{folder}/{split}: {rows} rows, {per_split.get(split, 0)} exported"
        for folder, got in files.items()
        for split, rows in got.items()
        if rows != per_split.get(split)
    ]
    missing = [f"{f}/{split}" for f in EXPORT_FILES for split in per_split if split not in files.get(f, {})]
    exported = sum(per_split.values())
    broken = wrong + [f"missing {m}" for m in missing]
    if exported + duplicates != split_rows:
        broken.append(f"{exported} exported + {duplicates} duplicates != {split_rows} split rows")
    detail = {"split_rows": split_rows, "exported": exported, "duplicates": duplicates, "files": files}
    return Outcome(not broken, "; ".join(broken[:5]) or "every export holds the split rows", detail)


def no_split_leak_in_exports(conn: duckdb.DuckDBPyConnection, out_dir: Path) -> Outcome:
    """Every exported task is in the export of its own split only: no task id in two splits' files, none in a split
    other than the one ``splits`` gives it, none that is not a split task."""
    splits = dict(conn.execute(SPLIT_TASKS_SQL).fetchall())
    seen: dict[str, str] = {}
    broken: list[str] = []
    for folder in ("parquet", "rl"):
        for path in sorted((Path(out_dir) / folder).glob(f"*.{EXPORT_FILES[folder]}")):
            for task_id in _task_ids(path):
                split = path.stem
                if splits.get(task_id) != split:
                    broken.append(f"{folder}/{split} holds {task_id} of split {splits.get(task_id)}")
                if seen.setdefault(f"{folder}:{task_id}", split) != split:
                    broken.append(f"{task_id} in {folder}/{seen[f'{folder}:{task_id}']} and {folder}/{split}")
    detail = {"leaks": len(broken), "split_tasks": len(splits)}
    return Outcome(not broken, f"{len(broken)} leaks, e.g. {broken[0]}" if broken else "no split leaks", detail)


def _task_ids(path: Path) -> list[str]:
    if path.suffix == ".parquet":
        return pl.read_parquet(path, columns=["task_id"])["task_id"].to_list()
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["task_id"] for line in lines if line.strip()]


def study_points_complete(table: pl.DataFrame, domains: Sequence[str]) -> Outcome:
    """Every studied domain has every point with every metric once, and the quantity points' budgets grow."""
    broken: list[str] = []
    if table.height:
        counts = table.group_by("domain", "point").agg(pl.col("metric").n_unique().alias("m"), pl.len().alias("n"))
        broken += [f"{d}/{p}: repeated metrics" for d, p, m, n in counts.iter_rows() if m != n]
        points = table.select("point").n_unique()
        per_domain = dict(counts.group_by("domain").len().iter_rows())
        broken += [f"{d}: {n} of {points} points" for d, n in per_domain.items() if n != points]
    broken += [f"{d}: no points" for d in domains if d not in set(table["domain"].to_list() if table.height else [])]
    detail = {"rows": table.height, "domains": len(domains)}
    return Outcome(not broken, "; ".join(broken[:5]) or "every domain has every point and metric", detail)
