"""diversity_metrics (per partition, :mod:`dive_assets.synthesis.diversity`) and diversity_summary (the settings
compared per domain, :mod:`dive_assets.synthesis.diversity_summary`)."""

import dagster as dg
import polars as pl

from dive_assets.defs.automation import FOLLOW_PARTITIONS
from dive_assets.defs.checks import ERROR, WARN, outcome_check, spec
from dive_assets.defs.common import (
    GROUP,
    OWNERS,
    markdown_table,
    partition_of,
    plot_path,
    previous_metadata,
    table_definition,
    table_meta,
)
from dive_assets.defs.splits import verified_splits
from dive_assets.partitions import domain_x_diversity
from dive_assets.resources import WarehouseResource
from dive_assets.synthesis import diversity_summary as summary
from dive_assets.synthesis import plots, warehouse
from dive_assets.synthesis.diversity import dataset_metrics, partition_profile, targets_met
from dive_assets.synthesis.invariants import comparison_matches_metrics, drop, metrics_invariants

DIVERSITY_FIGURES = ("tasks", "unique_toolsets", "unique_call_graph_share", "pool_coverage", "rp_topology_classes")
"""The partition's figures whose fall against its previous materialization is a warning."""
DATASET_FIGURES = ("tasks", "pool_tools_used")
"""The dataset's figures (over every partition) whose fall against the previous summary is a warning."""


@dg.asset(
    group_name=GROUP,
    partitions_def=domain_x_diversity,
    deps=[verified_splits],
    kinds={"duckdb", "polars"},
    owners=OWNERS,
    tags={"stage": "analytics"},
    metadata=table_definition("diversity_metrics"),
    check_specs=[
        spec(
            "diversity_metrics",
            "metrics_match_splits",
            "tasks equals the partition's split rows; distinct counts within what they are drawn from; shares in "
            "[0, 1]; every value finite.",
            partitioned=True,
        ),
        spec(
            "diversity_metrics",
            "no_diversity_drop",
            f"Warns when one of {', '.join(DIVERSITY_FIGURES)} fell by more than a fifth since the partition's "
            "previous materialization.",
            partitioned=True,
        ),
    ],
    description="Diversity of the partition's split tasks, as DIVE reports it (pool coverage, unique toolsets, "
    "call sequences, call graphs, R/P topology classes, tool types per task) plus entropies, the long tail, "
    "tool transitions and lexical diversity.",
)
def diversity_metrics(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    partition = partition_of(context)
    domain, diversity = partition.domain, partition.diversity
    with warehouse_db.connect(read_only=True, memory_limit=warehouse.ASSET_READ_MEMORY_LIMIT) as conn:
        profile = partition_profile(conn, domain, diversity)
        ((split_tasks,),) = conn.execute(
            "SELECT count(*) FROM splits WHERE domain = ? AND diversity = ?", [domain, diversity]
        ).fetchall()
    metrics = profile.metrics
    frame = pl.DataFrame(
        {
            "domain": [domain] * len(metrics),
            "diversity": [diversity] * len(metrics),
            "metric": list(metrics),
            "value": [float(v) for v in metrics.values()],
        }
    )
    with warehouse_db.connect() as conn:
        warehouse.replace_partition(conn, {"diversity_metrics": frame}, domain, diversity)
    plot = plots.png_base64(lambda out: plots.plot_profile(profile, domain, diversity, out))
    previous = (previous_metadata(context) or {}).get("metrics")
    checks = [
        outcome_check("diversity_metrics", "metrics_match_splits", metrics_invariants(metrics, split_tasks), ERROR),
        outcome_check(
            "diversity_metrics",
            "no_diversity_drop",
            drop(metrics, previous if isinstance(previous, dict) else None, DIVERSITY_FIGURES),
            WARN,
        ),
    ]
    return dg.MaterializeResult(
        metadata={
            **table_meta("diversity_metrics", frame.height),
            "plot": dg.MetadataValue.md(f"![tool-frequency tail, patterns, call graphs](data:image/png;base64,{plot})"),
            "metrics": dg.MetadataValue.json(metrics),
            "unique_call_graph_share": float(metrics["unique_call_graph_share"]),
            "pool_coverage": float(metrics["pool_coverage"]),
        },
        check_results=checks,
    )


@dg.asset(
    group_name=GROUP,
    deps=[diversity_metrics],
    kinds={"duckdb", "polars"},
    owners=OWNERS,
    tags={"stage": "analytics"},
    metadata=table_definition("diversity_comparison"),
    automation_condition=FOLLOW_PARTITIONS,
    check_specs=[
        spec(
            "diversity_summary",
            "comparison_matches_metrics",
            "Every stored metric of every partition is in diversity_comparison with its value, and nothing else.",
        ),
        spec(
            "diversity_summary",
            "no_dataset_diversity_drop",
            f"Warns when one of {', '.join(DATASET_FIGURES)} over every partition fell by more than a fifth since the "
            "previous summary.",
        ),
    ],
    description="The four diversity settings compared per domain: every metric of diversity_metrics under each "
    "setting, its spread and max/min ratio and the setting that scores highest (table diversity_comparison), "
    "with a grouped-bar plot.",
)
def diversity_summary(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    with warehouse_db.connect() as conn:
        wide = summary.summary_from_table(conn)
        compared = summary.compare_settings(wide) if wide.height else pl.DataFrame()
        rows = summary.comparison_rows(compared) if compared.height else pl.DataFrame()
        warehouse.replace_tables(conn, {"diversity_comparison": rows})
        matched = comparison_matches_metrics(conn)
    matches = outcome_check("diversity_summary", "comparison_matches_metrics", matched, ERROR)
    if wide.height == 0:
        context.log.warning("no diversity_metrics rows yet: materialize some partitions first")
        return dg.MaterializeResult(
            metadata=table_meta("diversity_comparison", 0), check_results=[matches, _dataset_drop(context, {})]
        )
    with warehouse_db.connect(read_only=True, memory_limit=warehouse.ASSET_READ_MEMORY_LIMIT) as conn:
        overall = dataset_metrics(conn)
    path = summary.plot_summary(wide, plot_path(warehouse_db, "diversity_summary"))
    plot = plots.png_base64(lambda out: summary.plot_summary(wide, out))
    headline = compared.filter(pl.col("metric").is_in(list(summary.SUMMARY_METRICS)))
    return dg.MaterializeResult(
        metadata={
            **table_meta("diversity_comparison", rows.height),
            "partitions": wide.height,
            "dataset_metrics": dg.MetadataValue.json(overall),
            "targets_met": dg.MetadataValue.json(targets_met(overall)),
            "plot": dg.MetadataValue.md(f"![diversity settings per domain](data:image/png;base64,{plot})"),
            "plot_file": dg.MetadataValue.path(str(path)),
            "comparison": dg.MetadataValue.md(markdown_table(headline, limit=60, width=24)),
        },
        check_results=[matches, _dataset_drop(context, overall)],
    )


def _dataset_drop(context: dg.AssetExecutionContext, overall: dict[str, float | int]) -> dg.AssetCheckResult:
    previous = (previous_metadata(context) or {}).get("dataset_metrics")
    outcome = drop(overall, previous if isinstance(previous, dict) else None, DATASET_FIGURES)
    return outcome_check("diversity_summary", "no_dataset_diversity_drop", outcome, WARN)
