"""Jobs and the backfill schedule (one RunRequest per domain x diversity partition)."""

import dagster as dg

from dive_assets.partitions import all_partition_keys

SYNTHESIS_ASSETS = ("sampled_toolsets", "execution_traces", "derived_tasks", "verified_splits", "diversity_metrics")
"""The partitioned assets, in the order a partition's run materializes them."""

catalog_job = dg.define_asset_job(
    "catalog_job",
    selection=dg.AssetSelection.assets("tool_catalog"),
    description="Rebuild the tool catalog, tool graph and seed entities.",
)

export_job = dg.define_asset_job(
    "export_job",
    selection=dg.AssetSelection.assets("dataset_exports", "diversity_summary"),
    description="Write the SFT/RL/Parquet exports and the dataset card of every verified task, and compare the "
    "diversity settings across partitions.",
)

study_job = dg.define_asset_job(
    "study_job",
    selection=dg.AssetSelection.assets("diversity_study"),
    description="Diversity scaling vs quantity scaling at equal budgets (configure domains and budget at launch).",
)

synthesis_job = dg.define_asset_job(
    "synthesis_job",
    selection=dg.AssetSelection.assets(*SYNTHESIS_ASSETS),
    description="Sample toolsets, collect evidence, derive and verify tasks for one partition.",
)


@dg.schedule(
    job=synthesis_job,
    cron_schedule="0 3 * * 1",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Weekly backfill of every domain x diversity partition (off by default).",
)
def weekly_partition_backfill(context: dg.ScheduleEvaluationContext):
    """One run per partition; the run key makes a tick never launch the same partition twice."""
    tick = context.scheduled_execution_time.strftime("%Y-%m-%dT%H%M") if context.scheduled_execution_time else "manual"
    for key in all_partition_keys():
        yield dg.RunRequest(run_key=f"{tick}:{key}", partition_key=key, tags={"dive/tick": tick})
