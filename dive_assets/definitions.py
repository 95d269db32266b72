"""The Dagster code location: assets, checks, jobs, schedule and resources.

The in-process executor keeps all steps of a run in one process (one DuckDB writer); runs are
serialized across processes by the warehouse file lock and the instance's run queue (dagster.yaml).
"""

from __future__ import annotations

import dagster as dg

from dive_assets.assets import PARTITIONED_ASSETS, dataset_exports, diversity_study, diversity_summary, tool_catalog
from dive_assets.jobs import catalog_job, export_job, study_job, synthesis_job, weekly_partition_backfill
from dive_assets.resources import default_resources

defs = dg.Definitions(
    assets=[tool_catalog, *PARTITIONED_ASSETS, diversity_summary, dataset_exports, diversity_study],
    jobs=[catalog_job, synthesis_job, export_job, study_job],
    schedules=[weekly_partition_backfill],
    resources=default_resources(),
    executor=dg.in_process_executor,
)
