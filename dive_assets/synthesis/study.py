"""The controlled study: diversity scaling vs quantity scaling at equal task budgets (DIVE's Fig. 3a).

Each point synthesizes one domain's tasks into a scratch DuckDB file with the plain pipeline and measures the
diversity metrics of its split tasks: every diversity setting at the base budget, and the narrowest setting
(small fixed slice, one toolset) at 1x, 2x and 4x the budget ("quantity only").
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from dive_assets.synthesis import warehouse
from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import DiversityGrid, Partition, RunSettings
from dive_assets.synthesis.diversity import partition_metrics
from dive_assets.synthesis.partition import partition_frames

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
        catalog = catalog_frames(run_examples=False)
        with warehouse.connect(db) as conn:
            warehouse.replace_tables(conn, catalog)
            for domain in domains:
                seeds = catalog["seeds"].filter(pl.col("domain") == domain)
                for setting, multiple in points:
                    label = setting.key if multiple == 1 else f"{setting.key}-x{multiple}"
                    point = setting.model_copy(update={"key": label})
                    run = RunSettings(duckdb_path=str(db), tasks_per_partition=budget * multiple, seed=seed)
                    frames = partition_frames(Partition(domain, point, grid), seeds, run)
                    warehouse.replace_partition(conn, frames, domain, label)
                    metrics = partition_metrics(conn, domain, label)
                    kind = "quantity" if setting.key == narrow else "diversity"
                    rows.append(
                        {"domain": domain, "point": label, "scaling": kind, "budget": budget * multiple}
                        | {m: float(metrics[m]) for m in STUDY_METRICS}
                    )
    return pl.DataFrame(rows)


def study_rows(table: pl.DataFrame) -> pl.DataFrame:
    """The study table in long form (one row per domain, point and metric) for the warehouse."""
    metrics = [m for m in STUDY_METRICS if m in table.columns]
    return table.unpivot(
        on=metrics, index=["domain", "point", "scaling", "budget"], variable_name="metric", value_name="value"
    ).with_columns(pl.col("budget").cast(pl.Int32))


PLOT_METRICS = (
    "pool_coverage",
    "unique_toolsets",
    "unique_call_graphs",
    "rp_topology_classes",
    "tool_types_per_multistep_task",
    "tool_transitions",
)


def plot_study(table: pl.DataFrame, path: str | Path, metrics: Sequence[str] = PLOT_METRICS) -> Path:
    """A PNG of the study: one panel per metric, the points on the x axis (diversity settings at 1x, then the
    narrow setting at 2x and 4x), one bar per domain; quantity-scaling bars are hatched."""
    from dive_assets.synthesis.plots import new_figure, save_figure

    metrics = [m for m in metrics if m in table.columns]
    points = list(dict.fromkeys(table["point"].to_list()))
    domains = list(dict.fromkeys(table["domain"].to_list()))
    fig, axes = new_figure(4.6 * 3, 3.6 * math.ceil(len(metrics) / 3), 3, max(1, math.ceil(len(metrics) / 3)))
    width = 0.8 / max(1, len(domains))
    colours = ["#4C72B0", "#55A868", "#C44E52", "#8172B3", "#DD8452"]
    for ax, metric in zip(axes, metrics, strict=False):
        for k, domain in enumerate(domains):
            part = table.filter(pl.col("domain") == domain)
            values = {r["point"]: (float(r[metric]), r["scaling"]) for r in part.iter_rows(named=True)}
            for i, point in enumerate(points):
                if point not in values:
                    continue
                value, scaling = values[point]
                ax.bar(
                    i + (k - (len(domains) - 1) / 2) * width,
                    value,
                    width,
                    color=colours[k % len(colours)],
                    hatch="//" if scaling == "quantity" else None,
                    edgecolor="white",
                    label=domain if i == 0 else None,
                )
        ax.set_xticks(range(len(points)), points, rotation=30, fontsize=7, ha="right")
        ax.set_title(metric, fontsize=10)
    for ax in axes[len(metrics) :]:
        ax.set_visible(False)
    if metrics:
        axes[0].legend(fontsize=7)
    budget = int(table["budget"].min()) if table.height else 0
    fig.suptitle(f"diversity scaling (settings at {budget} tasks) vs quantity scaling (hatched: narrow setting x2, x4)")
    return save_figure(fig, path)
