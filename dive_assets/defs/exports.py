"""dataset_exports: SFT and RL JSONL, Parquet per split and a dataset card of every split task
(:mod:`dive_assets.synthesis.exports`)."""

import os
from pathlib import Path

import dagster as dg

from dive_assets.defs.common import GROUP, counts_md
from dive_assets.defs.splits import verified_splits
from dive_assets.resources import SynthesisResource, WarehouseResource
from dive_assets.synthesis import exports


@dg.asset(
    group_name=GROUP,
    deps=[verified_splits],
    kinds={"duckdb", "parquet"},
    description="Training-ready exports of every verified, split task: SFT chat JSONL with tools and tool calls, "
    "RL JSONL with ground truth, Parquet per split, and a Hugging Face dataset card (folder DIVE_EXPORT_DIR).",
)
def dataset_exports(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, synthesis: SynthesisResource
) -> dg.MaterializeResult:
    run = synthesis.settings(warehouse_db.duckdb_path)
    out_dir = Path(os.environ.get("DIVE_EXPORT_DIR") or Path(warehouse_db.duckdb_path).parent / "exports")
    config = run.model_dump(exclude={"duckdb_path", "llm_api_base"})
    with warehouse_db.connect() as conn:
        summary = exports.export_dataset(conn, out_dir, exports.code_version(), config)
    context.log.info(f"exported {summary.tasks} tasks to {out_dir}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(out_dir)),
            "tasks": summary.tasks,
            "tasks_per_split": counts_md(summary.per_split, "split"),
            "files": len(summary.files),
        }
    )
