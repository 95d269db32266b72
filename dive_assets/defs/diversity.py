"""diversity_metrics (per partition, :mod:`dive_assets.synthesis.diversity`) and diversity_summary (the settings
compared per domain, :mod:`dive_assets.synthesis.diversity_summary`)."""

import dagster as dg
import polars as pl

from dive_assets.defs.common import GROUP, markdown_table, partition_of, plot_path, table_meta
from dive_assets.defs.splits import verified_splits
from dive_assets.partitions import domain_x_diversity
from dive_assets.resources import WarehouseResource
from dive_assets.synthesis import diversity_summary as summary
from dive_assets.synthesis import plots, warehouse
from dive_assets.synthesis.diversity import dataset_metrics, partition_profile, targets_met


@dg.asset(
    group_name=GROUP,
    partitions_def=domain_x_diversity,
    deps=[verified_splits],
    kinds={"duckdb", "polars"},
    description="Diversity of the partition's split tasks, as DIVE reports it (pool coverage, unique toolsets, "
    "call sequences, call graphs, R/P topology classes, tool types per task) plus entropies, the long tail, "
    "tool transitions and lexical diversity.",
)
def diversity_metrics(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    partition = partition_of(context)
    domain, diversity = partition.domain, partition.diversity
    with warehouse_db.connect(read_only=True, memory_limit=warehouse.ASSET_READ_MEMORY_LIMIT) as conn:
        profile = partition_profile(conn, domain, diversity)
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
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": frame.height,
            "plot": dg.MetadataValue.md(f"![tool-frequency tail, patterns, call graphs](data:image/png;base64,{plot})"),
            "metrics": dg.MetadataValue.json(metrics),
            "unique_call_graph_share": float(metrics["unique_call_graph_share"]),
            "pool_coverage": float(metrics["pool_coverage"]),
        }
    )


@dg.asset(
    group_name=GROUP,
    deps=[diversity_metrics],
    kinds={"duckdb", "polars"},
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
    if wide.height == 0:
        context.log.warning("no diversity_metrics rows yet: materialize some partitions first")
        return dg.MaterializeResult(metadata=table_meta("diversity_comparison", 0))
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
        }
    )
