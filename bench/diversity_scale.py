"""Diversity at DIVE's scale: synthesize every default partition at N traces each with the plain pipeline
(embedded policy) into a DuckDB file and report issue 7's targets over the whole dataset.

DIVE's run had ~48k tasks; 20 partitions x 2,400 traces gives about that many split tasks.

    .venv/bin/python bench/diversity_scale.py --tasks-per-partition 2400 --db /tmp/dive48k.duckdb
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from dive_assets.synthesis import diversity, warehouse
from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings, load_diversity_grid
from dive_assets.synthesis.partition import partition_frames
from tool_catalog.spec import DOMAINS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks-per-partition", type=int, default=2400)
    parser.add_argument("--db", default="/tmp/dive_scale.duckdb")
    parser.add_argument("--domains", default=",".join(DOMAINS))
    args = parser.parse_args()
    db = Path(args.db)
    db.unlink(missing_ok=True)
    run = RunSettings(duckdb_path=str(db), tasks_per_partition=args.tasks_per_partition)
    started = time.perf_counter()
    catalog = catalog_frames(run_examples=False)
    with warehouse.connect(db) as conn:
        warehouse.replace_tables(conn, catalog)
        for domain in args.domains.split(","):
            seeds = catalog["seeds"].filter(domain=domain)
            grid = load_diversity_grid()
            for setting in grid.settings:
                t0 = time.perf_counter()
                frames = partition_frames(Partition(domain, setting, grid), seeds, run)
                warehouse.replace_partition(conn, frames, domain, setting.key)
                print(
                    f"{domain}/{setting.key}: {frames['splits'].height} split tasks ({time.perf_counter() - t0:.0f} s)"
                )
        synthesized = time.perf_counter() - started
        metrics = diversity.dataset_metrics(conn)
    report = {
        "tasks_per_partition": args.tasks_per_partition,
        "synthesis_seconds": round(synthesized, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "metrics": metrics,
        "targets": diversity.TARGETS,
        "targets_met": diversity.targets_met(metrics),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
