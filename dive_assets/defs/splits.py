"""verified_splits: every task re-proved and the leak-free splits of the verified ones, with the blocking suite and
leakage checks and the optional solver check (:mod:`dive_assets.synthesis.splits`)."""

import dagster as dg
import polars as pl

from dive_assets.defs.checks import WARN, gx_spec, gx_spool_check, outcome_check, spec
from dive_assets.defs.common import (
    GROUP,
    OWNERS,
    counts_md,
    partition_of,
    previous_metadata,
    table_definition,
    table_meta,
    write_with_llm,
)
from dive_assets.defs.tasks import derived_tasks
from dive_assets.partitions import domain_x_diversity
from dive_assets.resources import SynthesisResource, WarehouseResource
from dive_assets.synthesis import frames, warehouse
from dive_assets.synthesis.invariants import drop
from dive_assets.synthesis.llm_client import LLMClient
from dive_assets.synthesis.solver import solver_client
from dive_assets.synthesis.splits import realism_reasons, solve_split_tasks, spool_verification
from dive_assets.synthesis.spool import stage_spool
from dive_assets.synthesis.traces import TRACE_CHUNK

LEAK_CHECK = "no_train_test_leakage"
YIELD_CHECK = "no_yield_drop"


@dg.asset(
    group_name=GROUP,
    partitions_def=domain_x_diversity,
    deps=[derived_tasks],
    kinds={"duckdb", "polars"},
    owners=OWNERS,
    tags={"stage": "verification"},
    metadata=table_definition("splits", "verifications", "solver_attempts", "task_pass_rates"),
    check_specs=[
        gx_spec("verified_splits", "verified_splits", blocking=True),
        spec(
            "verified_splits",
            LEAK_CHECK,
            "No held-out toolset, question or (seed, answer) pair is shared between train and test splits.",
            partitioned=True,
            blocking=True,
        ),
        spec(
            "verified_splits",
            YIELD_CHECK,
            "Warns when the partition's verified rate or split tasks fell by more than a fifth since its previous "
            "materialization.",
            partitioned=True,
        ),
    ],
    description="Verification (format, replay, entailment, grounding, minimality, uniqueness, split safety and "
    "realism: a question a person would ask; one row per task and check with the reason) and the leak-free split of "
    "every verified task.",
)
def verified_splits(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, synthesis: SynthesisResource
) -> dg.MaterializeResult:
    partition = partition_of(context)
    domain, diversity = partition.domain, partition.diversity
    run = synthesis.settings(warehouse_db.duckdb_path)
    with stage_spool("splits") as spool:  # traces and their tasks chunk by chunk, then the checks: memory does not grow
        with warehouse_db.connect() as conn:
            warehouse.spool_stored_traces(conn, spool, domain, diversity, TRACE_CHUNK, with_tasks=True)
            toolsets = warehouse.read_partition(conn, "toolsets", domain, diversity, ["toolset_id", "tool_names"])
            cache = warehouse.load_llm_cache(conn) if run.solver_attempts else None
        spool_verification(spool, run)
        client = solver_client(run, cache)
        split_frame = spool.read("splits")
        task_count = spool.height("tasks")
        split_ids = split_frame["task_id"].to_list() if split_frame.height else []
        tasks = (
            frames.tasks_from_frame(spool.read("tasks").filter(pl.col("task_id").is_in(split_ids))) if client else []
        )
        solved = solve_split_tasks(tasks, split_frame, toolsets, run, client)
        files = {table: spool.files(table) for table in ("verifications", "splits")}
        written = write_with_llm(warehouse_db, {**files, **solved}, domain, diversity, client, cache, "solver")
        checks = spool.read("verifications", ["check_name", "passed", "reason"])
        split_check = gx_spool_check("verified_splits", "verified_splits", spool, "splits")
    with warehouse_db.connect(read_only=True, memory_limit=warehouse.ASSET_READ_MEMORY_LIMIT) as conn:
        leaks = conn.execute(warehouse.named_query("split_leakage")).fetchall()
    fail_share = {
        name: round(float((~grp["passed"]).mean() or 0), 4)
        for name, grp in ((k[0], g) for k, g in checks.group_by("check_name", maintain_order=True))
    }
    splits = dict(split_frame.group_by("split").len().iter_rows()) if split_frame.height else {}
    verified_rate = split_frame.height / task_count if task_count else 0.0
    leak_result = dg.AssetCheckResult(
        check_name=LEAK_CHECK,
        passed=not leaks,
        description="no leakage" if not leaks else f"{len(leaks)} leaking items, e.g. {leaks[0]}",
        metadata={"leaks": len(leaks)},
    )
    before = previous_metadata(context) or {}
    was = {"verified_rate": before.get("verified_rate"), "split_tasks": before.get("dagster/row_count")}
    now = {"verified_rate": verified_rate, "split_tasks": split_frame.height}
    yielded = drop(now, {k: v for k, v in was.items() if isinstance(v, int | float)}, list(now))
    yield_result = outcome_check("verified_splits", YIELD_CHECK, yielded, WARN)
    return dg.MaterializeResult(
        metadata={
            **table_meta("splits", written["splits"]),
            "verifications": written["verifications"],
            "verified_rate": round(verified_rate, 4),
            "failure_share_per_check": dg.MetadataValue.json(fail_share),
            "realism_reasons": counts_md(realism_reasons(checks), "reason"),
            "tasks_per_split": counts_md(splits, "split"),
            **_solver_meta(solved["task_pass_rates"], client),
        },
        check_results=[split_check, leak_result, yield_result],
    )


def _solver_meta(rates: pl.DataFrame, client: LLMClient | None) -> dict[str, object]:
    if client is None:
        return {"solver_check": "off (set DIVE_SOLVER_ATTEMPTS and a model)"}
    rated = rates.filter(pl.col("pass_rate").is_not_null())
    return {
        "solver_model": client.model,
        "solver_mean_pass_rate": round(float(rated["pass_rate"].mean() or 0.0), 4) if rated.height else None,
        "solver_frontier_tasks": int(rates["frontier"].sum()),
        "solver_unrated_tasks": rates.height - rated.height,
        "solver_llm_usage": dg.MetadataValue.json(client.usage()),
    }
