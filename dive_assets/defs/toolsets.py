"""sampled_toolsets: the partition's toolsets under its diversity setting (:mod:`dive_assets.synthesis.toolsets`)."""

import dagster as dg

from dive_assets.defs.catalog import tool_catalog
from dive_assets.defs.checks import gx_check, gx_spec
from dive_assets.defs.common import GROUP, OWNERS, markdown_table, partition_of, table_definition, table_meta
from dive_assets.partitions import domain_x_diversity
from dive_assets.resources import SynthesisResource, WarehouseResource
from dive_assets.synthesis import warehouse
from dive_assets.synthesis.toolsets import toolset_frame


@dg.asset(
    group_name=GROUP,
    partitions_def=domain_x_diversity,
    deps=[tool_catalog],
    kinds={"duckdb", "polars"},
    owners=OWNERS,
    tags={"stage": "sampling"},
    metadata=table_definition("toolsets"),
    check_specs=[gx_spec("sampled_toolsets", "toolsets")],
    description="Toolsets sampled from the domain's pool under the partition's diversity setting "
    "(tool-pool coverage x per-task toolset variety), with the task slots that use each.",
)
def sampled_toolsets(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, synthesis: SynthesisResource
) -> dg.MaterializeResult:
    run = synthesis.settings(warehouse_db.duckdb_path)  # the run's first step: bad config fails here, in one line
    partition = partition_of(context)
    domain, diversity, setting = partition.domain, partition.diversity, partition.setting
    with warehouse_db.connect() as conn:
        ports = {r[0] for r in conn.execute("SELECT DISTINCT port FROM seeds WHERE domain = ?", [domain]).fetchall()}
        if not ports:
            raise dg.Failure(f"no seed entities for domain {domain!r}: materialize tool_catalog first")
        frame = toolset_frame(partition, ports, run)
        written = warehouse.replace_partition(conn, {"toolsets": frame}, domain, diversity)
    distinct_tools = frame.explode("tool_names")["tool_names"].n_unique()
    return dg.MaterializeResult(
        metadata={
            **table_meta("toolsets", written["toolsets"]),
            "setting": setting.description,
            "distinct_tools": distinct_tools,
            "mean_toolset_size": float(frame["size"].mean() or 0),
            "preview": dg.MetadataValue.md(markdown_table(frame.select("toolset_id", "size", "tool_names"))),
        },
        check_results=[gx_check("sampled_toolsets", "toolsets", frame)],
    )
