"""dataset_exports: SFT and RL JSONL, verl's Parquet and tool config, Parquet per split and a dataset card of every
split task (:mod:`dive_assets.synthesis.exports`)."""

import os
from enum import Enum
from pathlib import Path

import dagster as dg
from pydantic import Field

from dive_assets.defs.automation import FOLLOW_PARTITIONS
from dive_assets.defs.checks import ERROR, WARN, outcome_check, spec
from dive_assets.defs.common import GROUP, OWNERS, counts_md, previous_metadata
from dive_assets.defs.splits import verified_splits
from dive_assets.resources import SynthesisResource, WarehouseResource
from dive_assets.synthesis import exports
from dive_assets.synthesis.invariants import drop, exports_match_splits, no_split_leak_in_exports


class SftFlavour(Enum):
    openai = "openai"
    hf = "hf"


class ExportsConfig(dg.Config):
    """How the SFT transcripts are written (:class:`~dive_assets.synthesis.exports.ExportOptions`)."""

    sft_flavour: SftFlavour = Field(
        default=SftFlavour.openai,
        description="Tool-call arguments as JSON text (openai) or as objects (hf: Hugging Face chat templates, TRL).",
    )
    assistant_preamble: bool = Field(default=False, description="A short assistant sentence before each turn's calls.")


@dg.asset(
    group_name=GROUP,
    deps=[verified_splits],
    kinds={"duckdb", "parquet", "python"},
    owners=OWNERS,
    tags={"stage": "export"},
    automation_condition=FOLLOW_PARTITIONS,
    check_specs=[
        spec(
            "dataset_exports",
            "exports_match_splits",
            "Every export folder (sft, rl, verl, parquet) holds per split the rows exported; exported tasks plus the "
            "cross-partition duplicates left out are the warehouse's split tasks.",
        ),
        spec(
            "dataset_exports",
            "no_split_leak_in_exports",
            "Every exported task is in its own split's files only (parquet and rl), and is a split task.",
        ),
        spec(
            "dataset_exports",
            "no_export_yield_drop",
            "Warns when the exported tasks fell by more than a fifth since the previous export.",
        ),
    ],
    description="Training-ready exports of every verified, split task: SFT chat JSONL with tools and parallel tool "
    "calls (OpenAI or Hugging Face flavour), RL JSONL with ground truth, verl's agent-loop Parquet and tool config, "
    "Parquet per split, and a Hugging Face dataset card (folder DIVE_EXPORT_DIR).",
)
def dataset_exports(
    context: dg.AssetExecutionContext,
    config: ExportsConfig,
    warehouse_db: WarehouseResource,
    synthesis: SynthesisResource,
) -> dg.MaterializeResult:
    run = synthesis.settings(warehouse_db.duckdb_path)
    out_dir = Path(os.environ.get("DIVE_EXPORT_DIR") or Path(warehouse_db.duckdb_path).parent / "exports")
    settings = run.model_dump(exclude={"duckdb_path", "llm_api_base"})
    options = exports.ExportOptions(flavour=config.sft_flavour.value, preamble=config.assistant_preamble)
    with warehouse_db.connect() as conn:
        summary = exports.export_dataset(conn, out_dir, exports.code_version(), settings, options)
        duplicates = summary.cross_partition_duplicates
        matches = exports_match_splits(conn, out_dir, summary.per_split, duplicates)
        leaks = no_split_leak_in_exports(conn, out_dir)
    before = (previous_metadata(context) or {}).get("tasks")
    yielded = drop({"tasks": summary.tasks}, {"tasks": before} if isinstance(before, int) else None, ["tasks"])
    checks = [
        outcome_check("dataset_exports", "exports_match_splits", matches, ERROR),
        outcome_check("dataset_exports", "no_split_leak_in_exports", leaks, ERROR),
        outcome_check("dataset_exports", "no_export_yield_drop", yielded, WARN),
    ]
    context.log.info(f"exported {summary.tasks} tasks to {out_dir}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(out_dir)),
            "tasks": summary.tasks,
            "tasks_per_split": counts_md(summary.per_split, "split"),
            "files": len(summary.files),
            "cross_partition_duplicates": duplicates,
        },
        check_results=checks,
    )
