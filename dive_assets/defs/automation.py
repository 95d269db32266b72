"""Automation: the cross-partition assets (``diversity_summary``, ``dataset_exports``) follow the partitions they read.

Each carries :data:`FOLLOW_PARTITIONS`, Dagster's ``eager`` condition without its wait for every upstream partition:
it is requested once some partition of an upstream asset has materialized since it was last requested or updated,
when no upstream partition and no run of its own is in progress (a backfill's queued partitions finish first). The
sensor below evaluates it in the daemon (``make ui`` runs ``dagster dev``, which starts the daemon); it is on by
default, so a fresh ``DAGSTER_HOME`` needs no switch in the UI.
"""

import dagster as dg

FOLLOW_PARTITIONS = (
    dg.AutomationCondition.eager()
    .without(~dg.AutomationCondition.any_deps_missing())
    .with_label("eager, once any upstream partition updates")
)
"""``eager`` without ``~any_deps_missing``: an unpartitioned asset over partitioned ones would otherwise wait for all
20 partitions; it summarizes or exports the partitions that exist."""

FOLLOWERS = ("diversity_summary", "dataset_exports")

partition_followers = dg.AutomationConditionSensorDefinition(
    "partition_followers",
    target=dg.AssetSelection.assets(*FOLLOWERS),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Requests diversity_summary and dataset_exports after partitions they read have materialized "
    "(their automation condition).",
)
