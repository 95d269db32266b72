"""The diversity_summary stage: the diversity settings compared per domain, from the stored ``diversity_metrics``
rows (every metric under each setting, its spread, max/min ratio and the winning setting), with a plot."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import duckdb
import polars as pl

from dive_assets.synthesis.diversity import partition_metrics, partitions, setting_rank
from dive_assets.synthesis.plots import new_figure, save_figure
from dive_assets.synthesis.warehouse import query_frame


def summary_table(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """One row per partition present: domain, diversity and every metric of ``partition_metrics``."""
    rows = [{"domain": d, "diversity": s, **partition_metrics(conn, d, s)} for d, s in partitions(conn)]
    return pl.DataFrame(rows) if rows else pl.DataFrame(schema={"domain": pl.String, "diversity": pl.String})


def summary_from_table(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """``summary_table``'s shape read from the stored ``diversity_metrics`` rows (no recomputation)."""
    long = query_frame(conn, "SELECT domain, diversity, metric, value FROM diversity_metrics")
    if long.height == 0:
        return pl.DataFrame(schema={"domain": pl.String, "diversity": pl.String})
    wide = long.pivot(on="metric", index=["domain", "diversity"], values="value", sort_columns=True)
    order = {p: i for i, p in enumerate(sorted(wide.select("domain", "diversity").rows(), key=_partition_order))}
    ranks = [order[(d, s)] for d, s in wide.select("domain", "diversity").rows()]
    return wide.with_columns(pl.Series("_rank", ranks)).sort("_rank").drop("_rank")


def _partition_order(partition: tuple[str, str]) -> tuple[str, int, str]:
    return partition[0], setting_rank(partition[1]), partition[1]


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
    settings = sorted(frame["diversity"].unique().to_list(), key=lambda s: (setting_rank(s), s))
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
    settings = sorted(frame["diversity"].unique().to_list(), key=lambda s: (setting_rank(s), s))
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
            ax.bar(offsets, values, width, label=setting, color=colours[setting_rank(setting) % len(colours)])
        ax.set_xticks(range(len(domains)), domains)
        ax.set_title(metric, fontsize=10)
    for ax in axes[len(metrics) :]:
        ax.set_visible(False)
    if metrics:
        axes[0].legend(fontsize=7)
    fig.suptitle("diversity settings compared per domain")
    return save_figure(fig, path)
