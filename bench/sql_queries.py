"""Time every named query of ``sql/queries/`` over about 1M trace steps.

Builds a scratch DuckDB file: the tool catalog, then real partitions synthesized by the plain pipeline
(embedded policy), then every partition's rows copied under new ids (``<id>~<n>``, and the copy's own
diversity key) until ``trace_steps`` holds the target count. The copies are real synthesized rows, so the
queries see realistic shapes (JSON arguments, lists of required steps, call graphs) at scale. Each query runs
once to warm up, then ``--repeat`` times; the median is reported.

    .venv/bin/python bench/sql_queries.py --steps 1000000
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from dive_assets.synthesis import queries, warehouse
from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings, load_diversity_grid
from dive_assets.synthesis.partition import partition_frames

ID_COLUMNS = {
    "toolsets": ["toolset_id"],
    "traces": ["trace_id", "toolset_id"],
    "trace_steps": ["trace_id"],
    "tasks": ["task_id", "trace_id", "toolset_id"],
    "task_failures": ["trace_id"],
    "verifications": ["task_id"],
    "splits": ["task_id", "toolset_id"],
}


def build(db: Path, steps_target: int, tasks_per_partition: int) -> dict[str, int]:
    run = RunSettings(duckdb_path=str(db), tasks_per_partition=tasks_per_partition)
    catalog = catalog_frames(run_examples=False)
    grid = load_diversity_grid()
    with warehouse.connect(db) as conn:
        warehouse.replace_tables(conn, catalog)
        for domain in ("geo", "finance", "medchem", "science", "language"):
            seeds = catalog["seeds"].filter(domain=domain)
            setting = grid.get("full-varied")
            frames = partition_frames(Partition(domain, setting, grid), seeds, run)
            warehouse.replace_partition(conn, frames, domain, setting.key)
        base = conn.execute("SELECT count(*) FROM trace_steps").fetchone()[0]
        copies = max(0, -(-steps_target // base) - 1)
        for n in range(1, copies + 1):
            conn.execute("BEGIN TRANSACTION")
            for table, id_columns in ID_COLUMNS.items():
                columns = [r[0] for r in conn.execute(f"DESCRIBE {table}").fetchall()]
                select = []
                for col in columns:
                    if col in id_columns:
                        select.append(f"{col} || '~{n}' AS {col}")
                    elif col == "diversity":
                        select.append(f"diversity || '~{n}' AS diversity")
                    else:
                        select.append(col)
                conn.execute(
                    f"INSERT INTO {table} BY NAME SELECT {', '.join(select)} FROM {table} "
                    "WHERE diversity NOT LIKE '%~%'"
                )
            conn.execute("COMMIT")
        conn.execute("CHECKPOINT")
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("trace_steps", "tasks", "traces")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--tasks-per-partition", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", default=None, help="keep the database here (reused when it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench.duckdb"
        if not db.exists():
            started = time.perf_counter()
            sizes = build(db, args.steps, args.tasks_per_partition)
            print(f"built {sizes} in {time.perf_counter() - started:.1f} s")
        names = sorted(p.stem for p in (warehouse.SQL_DIR / "queries").glob("*.sql"))
        print("| query | rows | median ms | max ms |")
        print("|---|---|---|---|")
        with warehouse.connect(db, read_only=True) as conn:
            for name in names:
                query = queries.load(name)  # with its parameters' defaults
                rows = query.run(conn).height
                times = []
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    query.run(conn)
                    times.append((time.perf_counter() - t0) * 1000)
                print(f"| {name} | {rows} | {statistics.median(times):.0f} | {max(times):.0f} |")


if __name__ == "__main__":
    main()
