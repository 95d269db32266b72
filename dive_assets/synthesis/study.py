"""The controlled study: diversity scaling vs quantity scaling at equal task budgets (DIVE's Fig. 3a).

Each point synthesizes one domain's tasks into a scratch DuckDB file with the plain pipeline and measures the
diversity metrics of its split tasks: every diversity setting at the base budget, and the narrowest setting
(small fixed slice, one toolset) at 1x, 2x and 4x the budget ("quantity only").
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from dive_assets.synthesis import pipeline, warehouse
from dive_assets.synthesis.config import DiversityGrid, RunSettings
from dive_assets.synthesis.diversity import partition_metrics

STUDY_METRICS = (
    "tasks",
    "tools_covered",
    "pool_coverage",
    "unique_toolsets",
    "unique_call_graphs",
    "unique_call_graph_share",
    "rp_topology_classes",
    "tool_types_per_multistep_task",
    "mixed_retrieval_processing_share",
    "pattern_entropy_bits",
    "tool_transitions",
)


def run_study(
    grid: DiversityGrid, domains: Sequence[str], budget: int, seed: int, narrow: str = "slice-fixed"
) -> pl.DataFrame:
    points = [(s, 1) for s in grid.settings] + [(grid.get(narrow), m) for m in (2, 4)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "study.duckdb"
        catalog = pipeline.catalog_frames(run_examples=False)
        with warehouse.connect(db) as conn:
            warehouse.replace_tables(conn, catalog)
            for domain in domains:
                seeds = catalog["seeds"].filter(pl.col("domain") == domain)
                for setting, multiple in points:
                    label = setting.key if multiple == 1 else f"{setting.key}-x{multiple}"
                    point = setting.model_copy(update={"key": label})
                    run = RunSettings(duckdb_path=str(db), tasks_per_partition=budget * multiple, seed=seed)
                    frames = pipeline.partition_frames(domain, point, seeds, run)
                    warehouse.replace_partition(conn, frames, domain, label)
                    metrics = partition_metrics(conn, domain, label)
                    kind = "quantity" if setting.key == narrow else "diversity"
                    rows.append(
                        {"domain": domain, "point": label, "scaling": kind, "budget": budget * multiple}
                        | {m: float(metrics[m]) for m in STUDY_METRICS}
                    )
    return pl.DataFrame(rows)
