"""diversity_study: the controlled study, diversity vs quantity scaling at equal budgets (group ``study``, job
``study_job``; :mod:`dive_assets.synthesis.study`)."""

import dagster as dg
from pydantic import Field

from dive_assets.defs.catalog import tool_catalog
from dive_assets.defs.checks import ERROR, outcome_check, spec
from dive_assets.defs.common import OWNERS, markdown_table, plot_path, table_definition, table_meta
from dive_assets.partitions import DIVERSITY_GRID, Diversity, Domain
from dive_assets.resources import SynthesisResource, WarehouseResource, checked, launch_field
from dive_assets.synthesis import plots, study, warehouse
from dive_assets.synthesis.config import StudySettings
from dive_assets.synthesis.invariants import study_points_complete


class StudyConfig(dg.Config):
    """Which domains the study covers and its base task budget per point (the narrow setting also runs 2x, 4x).
    Domains and the narrow setting are enums of the partition grid; the budget's range is checked when the run
    starts (``StudySettings``)."""

    domains: list[Domain] = launch_field(
        StudySettings, "domains", default=[d.value for d in Domain], validate_default=True
    )
    budget: int = launch_field(StudySettings, "budget")
    narrow: Diversity = Field(
        default=Diversity["slice-fixed"], description="The setting also run at 2x and 4x the budget (quantity only)."
    )


@dg.asset(
    group_name="study",
    deps=[tool_catalog],
    kinds={"duckdb", "polars"},
    owners=OWNERS,
    tags={"stage": "study"},
    metadata=table_definition("study_points"),
    check_specs=[
        spec(
            "diversity_study",
            "study_points_complete",
            "Every studied domain has every point (each setting at 1x, the narrow one at 2x and 4x) with each "
            "metric once.",
        )
    ],
    description="The controlled study (DIVE Fig. 3a): every diversity setting at an equal task budget vs the narrow "
    "setting at 1x, 2x and 4x the budget (quantity scaling), synthesized in a scratch database; metrics per point "
    "in table study_points, with a plot.",
)
def diversity_study(
    context: dg.AssetExecutionContext,
    config: StudyConfig,
    warehouse_db: WarehouseResource,
    synthesis: SynthesisResource,
) -> dg.MaterializeResult:
    launch = checked(StudySettings, {"domains": [d.value for d in config.domains], "budget": config.budget})
    run = synthesis.settings(warehouse_db.duckdb_path)
    table = study.run_study(DIVERSITY_GRID, launch.domains, launch.budget, run.seed, narrow=config.narrow.value)
    points = study.study_rows(table)
    with warehouse_db.connect() as conn:
        written = warehouse.replace_tables(conn, {"study_points": points})
    complete = study_points_complete(points, launch.domains)
    path = study.plot_study(table, plot_path(warehouse_db, "diversity_study"))
    plot = plots.png_base64(lambda out: study.plot_study(table, out))
    context.log.info(f"study: {table.height} points over {len(launch.domains)} domains")
    return dg.MaterializeResult(
        metadata={
            **table_meta("study_points", written["study_points"]),
            "plot": dg.MetadataValue.md(f"![diversity vs quantity scaling](data:image/png;base64,{plot})"),
            "plot_file": dg.MetadataValue.path(str(path)),
            "table": dg.MetadataValue.md(markdown_table(table, limit=60, width=16)),
        },
        check_results=[outcome_check("diversity_study", "study_points_complete", complete, ERROR)],
    )
