"""A whole partition without Dagster: toolsets, traces, tasks, verification and splits with the embedded policy,
streamed through a spool (what the assets do one stage at a time, for tests, benchmarks and the study)."""

from __future__ import annotations

import time

import polars as pl

from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.splits import spool_verification
from dive_assets.synthesis.spool import Spool, stage_spool
from dive_assets.synthesis.tasks import spool_tasks
from dive_assets.synthesis.toolsets import toolset_frame
from dive_assets.synthesis.traces import spool_traces


# --- a whole partition, streamed through a spool ------------------------------------------------
def spool_partition(partition: Partition, seeds: pl.DataFrame, run: RunSettings, spool: Spool) -> dict[str, float]:
    """Every partitioned table of one partition with the embedded policy, written to ``spool`` chunk by chunk.

    Memory does not grow with the partition: a stage holds one chunk's trace objects and frames, plus the
    partition's state (seeds used, tool usage and refusals, task shapes) and, for the near-duplicate search,
    the questions, their shingle ids (4 bytes each) and an 8-byte key per question and band. Returns each stage's
    wall seconds."""
    started = time.perf_counter()
    toolsets = toolset_frame(partition, set(seeds["port"].unique()), run)
    spool.add({"toolsets": toolsets})
    spool_traces(partition, toolsets, seeds, run, spool)
    traced = time.perf_counter()
    spool_tasks(spool, partition, run)
    derived = time.perf_counter()
    spool_verification(spool, run)
    return {
        "evidence": traced - started,
        "derivation": derived - traced,
        "verification": time.perf_counter() - derived,
    }


def partition_frames(partition: Partition, seeds: pl.DataFrame, run: RunSettings) -> dict[str, pl.DataFrame]:
    """Every partitioned table's frame for one partition with the embedded policy: :func:`spool_partition`
    through a temporary directory, read back whole (for partitions that fit in memory; large ones should
    read the spool's files). ``seeds`` are the domain's seed rows."""
    with stage_spool("partition") as spool:
        spool_partition(partition, seeds, run, spool)
        frames = {table: spool.read(table) for table in spool.tables()}
    for table in ("verifications", "splits"):
        frames[table] = frames[table].sort("task_id", maintain_order=True)
    return frames
