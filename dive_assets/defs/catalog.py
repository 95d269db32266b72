"""tool_catalog: every registered tool with its JSON Schema, ports, backing package and version (its example calls
executed), the typed tool graph and the seed entities per domain (:mod:`dive_assets.synthesis.catalog`)."""

import dagster as dg
import polars as pl

from dive_assets.defs.checks import gx_check, gx_spec
from dive_assets.defs.common import GROUP, OWNERS, counts_md, markdown_table, table_definition, table_meta
from dive_assets.resources import WarehouseResource
from dive_assets.synthesis import warehouse
from dive_assets.synthesis.catalog import catalog_frames, tool_count_frame
from tool_catalog.graph import graph_stats
from tool_catalog.registry import all_tools


@dg.asset(
    group_name=GROUP,
    kinds={"duckdb", "python"},
    owners=OWNERS,
    tags={"stage": "catalog"},
    metadata=table_definition("tools", "tool_edges", "seeds"),
    check_specs=[gx_spec("tool_catalog", "tools", False), gx_spec("tool_catalog", "tool_counts", False)],
    description="Every registered tool with its JSON Schema, ports, backing package and version; "
    "the typed tool graph; and the seed entities per domain. Runs every tool's example calls.",
)
def tool_catalog(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    frames = catalog_frames(run_examples=True)
    with warehouse_db.connect() as conn:
        written = warehouse.replace_tables(conn, frames)
    tools = frames["tools"]
    per_domain = dict(tools.group_by("domain").len().iter_rows())
    seeds_per_domain = dict(frames["seeds"].group_by("domain").len().iter_rows())
    failing = tools.filter(~pl.col("example_ok"))
    context.log.info(f"catalog: {written}")
    return dg.MaterializeResult(
        metadata={
            **table_meta("tools", written["tools"]),
            "tools_per_domain": counts_md(per_domain, "domain"),
            "seeds_per_domain": counts_md(seeds_per_domain, "domain"),
            "tool_edges": written["tool_edges"],
            "tool_graph": dg.MetadataValue.md(_graph_md()),
            "examples_failing": failing.height,
            "preview": dg.MetadataValue.md(
                markdown_table(tools.select("name", "domain", "kind", "package", "output_type"))
            ),
        },
        check_results=[
            gx_check("tool_catalog", "tools", tools),
            gx_check("tool_catalog", "tool_counts", tool_count_frame(tools)),
        ],
    )


def _graph_md() -> str:
    lines = ["| domain | tools | edges | tools with an edge | a longest chain |", "|---|---|---|---|---|"]
    for st in graph_stats(all_tools()):
        chain = " → ".join(st.longest_chain)
        lines.append(f"| {st.domain} | {st.tools} | {st.edges} | {st.connected_share:.0%} | {chain} |")
    return "\n".join(lines)
