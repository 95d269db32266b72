"""Figures: matplotlib set up headless, saved as PNG files, and as base64 for Dagster's markdown metadata; the
partition profile plot of ``diversity_metrics``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from dive_assets.synthesis.diversity import PartitionProfile, partition_profile


def new_figure(width: float, height: float, ncols: int, nrows: int = 1) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False)
    return fig, axes.ravel()


def plot_partition(conn: duckdb.DuckDBPyConnection, domain: str, diversity: str, path: str | Path) -> Path:
    """A PNG of the partition's verified tasks (see :func:`plot_profile`)."""
    return plot_profile(partition_profile(conn, domain, diversity), domain, diversity, path)


def plot_profile(profile: PartitionProfile, domain: str, diversity: str, path: str | Path) -> Path:
    """A PNG of a partition's verified tasks: tool-call frequency by rank (the long tail), tasks per pattern,
    and how many tasks share each unique call graph."""
    tasks, metrics = profile.verified, profile.metrics
    fig, (tail, patterns, graphs) = new_figure(15, 4.5, 3)
    calls = sorted(tasks.calls.items(), key=lambda kv: (-kv[1], kv[0]))
    tail.bar(range(len(calls)), [v for _, v in calls], color="#4C72B0")
    tail.set_xticks(range(len(calls)), [k for k, _ in calls], rotation=90, fontsize=6)
    tail.set_title(f"tool calls by rank (long-tail share {metrics['long_tail_call_share']:.2f})")
    tail.set_ylabel("required calls")
    by_pattern = sorted(tasks.patterns.items())
    patterns.bar([k for k, _ in by_pattern], [v for _, v in by_pattern], color="#55A868")
    patterns.set_title(f"tasks per pattern (entropy {metrics['pattern_entropy_bits']:.2f} bits)")
    patterns.set_ylabel("tasks")
    sizes = sorted(tasks.graphs.values(), reverse=True)
    ranks = range(1, len(sizes) + 1)
    if len(sizes) <= 200:
        graphs.bar(ranks, sizes, color="#C44E52")
    else:  # tens of thousands of bars are slow to draw; an area draws the same shape at once
        graphs.fill_between(ranks, sizes, step="mid", color="#C44E52")
    graphs.set_title(f"{len(sizes)} unique call graphs / {tasks.tasks} tasks, {metrics['rp_topology_classes']} R/P")
    graphs.set_xlabel("call graph (by frequency rank)")
    graphs.set_ylabel("tasks")
    fig.suptitle(f"{domain} / {diversity}")
    return save_figure(fig, path)


def save_figure(fig: Any, path: str | Path) -> Path:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    return out


def png_base64(draw: Callable[[Path], Path]) -> str:
    """Draw a plot into a scratch file and return it as base64 (Dagster shows it in markdown metadata)."""
    import base64
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return base64.b64encode(draw(Path(tmp) / "plot.png").read_bytes()).decode()
