"""Software-defined assets: tool catalog -> sampled toolsets -> execution traces -> derived tasks -> verified splits.

Each asset is a thin wrapper: read its inputs from DuckDB, call the plain synthesis logic, replace its
partition's rows in one transaction, validate them with the Great Expectations suite of the table
(an asset check run in the same step, so it knows the partition) and attach metadata for the UI.
"""

import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import dagster as dg
import polars as pl
from pydantic import Field

from dive_assets.partitions import DIVERSITY_GRID, domain_x_diversity, split_key
from dive_assets.resources import SynthesisResource, WarehouseResource
from dive_assets.synthesis import diversity as diversity_module
from dive_assets.synthesis import exports, pipeline, warehouse
from dive_assets.synthesis.llm import LLMClient
from dive_assets.synthesis.quality import SuiteOutcome, load_suite, suite_columns, validate_chunks, validate_frame
from dive_assets.synthesis.spool import Spool
from tool_catalog.graph import graph_stats
from tool_catalog.registry import all_tools
from tool_catalog.spec import DOMAINS

GROUP = "dive"


def _gx_check(
    asset: str, suite: str, frame: pl.DataFrame, check_name: str | None = None, parameters: dict | None = None
) -> dg.AssetCheckResult:
    return _check_result(asset, suite, validate_frame(suite, frame, parameters), frame.height, check_name)


def _check_result(
    asset: str, suite: str, outcome: SuiteOutcome, rows: int, check_name: str | None = None
) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=check_name or f"gx_{suite}",
        passed=outcome.success,
        severity=dg.AssetCheckSeverity.ERROR,
        description=outcome.summary(),
        metadata={
            "evaluated": outcome.evaluated,
            "failed": dg.MetadataValue.json(outcome.failed),
            "rows": rows,
        },
    )


def _gx_spool_check(
    asset: str, suite: str, spool: Spool, table: str, parameters: dict | None = None
) -> dg.AssetCheckResult:
    """The suite on a spooled table, chunk by chunk (:func:`validate_chunks`): only the columns the suite names are
    read, and GX sees a batch of rows at a time, so neither the table's text nor GX's copy of it is held whole."""
    present = spool.columns(table)
    columns = suite_columns(load_suite(suite), present) if present else None
    outcome = validate_chunks(suite, spool.chunks(table, columns), parameters)
    return _check_result(asset, suite, outcome, spool.height(table))


def _gx_spec(asset: str, suite: str, blocking: bool = False) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        f"gx_{suite}",
        asset=asset,
        blocking=blocking,
        description=f"Great Expectations suite expectations/{suite}.json on this partition's rows",
    )


def markdown_table(frame: pl.DataFrame, limit: int = 10, width: int = 90) -> str:
    """A small markdown preview of a frame (cells clipped to ``width`` characters)."""
    if frame.height == 0:
        return "_no rows_"
    head = frame.head(limit)
    cols = head.columns
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in head.iter_rows():
        cells = [str(v).replace("|", "\\|").replace("\n", " ")[:width] for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _counts_md(counts: Mapping[str, int], title: str) -> dg.MetadataValue:
    lines = [f"| {title} | count |", "|---|---|", *(f"| {k} | {v} |" for k, v in sorted(counts.items()))]
    return dg.MetadataValue.md("\n".join(lines))


def _table_meta(table: str, rows: int) -> dict[str, object]:
    return {"dagster/table_name": table, "dagster/row_count": rows}


@dg.asset(
    group_name=GROUP,
    kinds={"duckdb", "python"},
    check_specs=[_gx_spec("tool_catalog", "tools"), _gx_spec("tool_catalog", "tool_counts")],
    description="Every registered tool with its JSON Schema, ports, backing package and version; "
    "the typed tool graph; and the seed entities per domain. Runs every tool's example calls.",
)
def tool_catalog(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    frames = pipeline.catalog_frames(run_examples=True)
    with warehouse_db.connect() as conn:
        written = warehouse.replace_tables(conn, frames)
    tools = frames["tools"]
    per_domain = dict(tools.group_by("domain").len().iter_rows())
    seeds_per_domain = dict(frames["seeds"].group_by("domain").len().iter_rows())
    failing = tools.filter(~pl.col("example_ok"))
    context.log.info(f"catalog: {written}")
    return dg.MaterializeResult(
        metadata={
            **_table_meta("tools", written["tools"]),
            "tools_per_domain": _counts_md(per_domain, "domain"),
            "seeds_per_domain": _counts_md(seeds_per_domain, "domain"),
            "tool_edges": written["tool_edges"],
            "tool_graph": dg.MetadataValue.md(_graph_md()),
            "examples_failing": failing.height,
            "preview": dg.MetadataValue.md(
                markdown_table(tools.select("name", "domain", "kind", "package", "output_type"))
            ),
        },
        check_results=[
            _gx_check("tool_catalog", "tools", tools),
            _gx_check("tool_catalog", "tool_counts", pipeline.tool_count_frame(tools)),
        ],
    )


def _write_with_llm(
    warehouse_db: WarehouseResource,
    frames: Mapping[str, warehouse.Rows],
    domain: str,
    diversity: str,
    client: LLMClient | None,
    cache: dict | None,
    stage: str,
) -> dict[str, int]:
    """Replace the partition's rows, this stage's LLM call records, and add new LLM cache entries."""
    frames = {**frames, "llm_calls": pipeline.llm_call_frame(client, domain, diversity, stage)}
    with warehouse_db.connect() as conn:
        written = warehouse.replace_partition(conn, frames, domain, diversity, scope={"llm_calls": {"stage": stage}})
        if client is not None and cache is not None:
            known = set(warehouse.load_llm_cache(conn))
            written["llm_cache_added"] = warehouse.save_llm_cache(conn, cache, client.model, known)
    return written


def _graph_md() -> str:
    lines = ["| domain | tools | edges | tools with an edge | a longest chain |", "|---|---|---|---|---|"]
    for st in graph_stats(all_tools()):
        chain = " → ".join(st.longest_chain)
        lines.append(f"| {st.domain} | {st.tools} | {st.edges} | {st.connected_share:.0%} | {chain} |")
    return "\n".join(lines)


def _partition(context: dg.AssetExecutionContext) -> tuple[str, str]:
    return split_key(context.partition_key)


@dg.asset(
    group_name=GROUP,
    partitions_def=domain_x_diversity,
    deps=[tool_catalog],
    kinds={"duckdb", "polars"},
    check_specs=[_gx_spec("sampled_toolsets", "toolsets")],
    description="Toolsets sampled from the domain's pool under the partition's diversity setting "
    "(tool-pool coverage x per-task toolset variety), with the task slots that use each.",
)
def sampled_toolsets(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, synthesis: SynthesisResource
) -> dg.MaterializeResult:
    domain, diversity = _partition(context)
    setting = DIVERSITY_GRID.get(diversity)
    with warehouse_db.connect() as conn:
        ports = {r[0] for r in conn.execute("SELECT DISTINCT port FROM seeds WHERE domain = ?", [domain]).fetchall()}
        if not ports:
            raise dg.Failure(f"no seed entities for domain {domain!r}: materialize tool_catalog first")
        run = synthesis.settings(warehouse_db.duckdb_path)
        frame = pipeline.toolset_frame(domain, setting, ports, run)
        written = warehouse.replace_partition(conn, {"toolsets": frame}, domain, diversity)
    distinct_tools = frame.explode("tool_names")["tool_names"].n_unique()
    return dg.MaterializeResult(
        metadata={
            **_table_meta("toolsets", written["toolsets"]),
            "setting": setting.description,
            "distinct_tools": distinct_tools,
            "mean_toolset_size": float(frame["size"].mean() or 0),
            "preview": dg.MetadataValue.md(markdown_table(frame.select("toolset_id", "size", "tool_names"))),
        },
        check_results=[_gx_check("sampled_toolsets", "toolsets", frame)],
    )


@dg.asset(
    group_name=GROUP,
    partitions_def=domain_x_diversity,
    deps=[sampled_toolsets],
    kinds={"duckdb", "polars"},
    check_specs=[_gx_spec("execution_traces", "traces"), _gx_spec("execution_traces", "trace_steps")],
    description="Evidence collection: real tool calls from a seed entity, chained on typed ports, "
    "one trace per task slot; every step with arguments, provenance, output or error and latency.",
)
def execution_traces(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, synthesis: SynthesisResource
) -> dg.MaterializeResult:
    domain, diversity = _partition(context)
    run = synthesis.settings(warehouse_db.duckdb_path)
    with warehouse_db.connect() as conn:
        toolsets = warehouse.read_partition(conn, "toolsets", domain, diversity)
        seeds = warehouse.query_frame(
            conn, "SELECT port, value FROM seeds WHERE domain = ? ORDER BY port, value", [domain]
        )
        cache = warehouse.load_llm_cache(conn) if run.llm_model else None
    if toolsets.height == 0:
        raise dg.Failure(f"no toolsets for partition {domain}/{diversity}: materialize sampled_toolsets first")
    client = pipeline.llm_client(run, cache)
    with tempfile.TemporaryDirectory(prefix="dive-traces-") as tmp:
        spool = Spool(tmp)  # the partition's rows chunk by chunk on disk: memory does not grow with it
        pipeline.spool_traces(domain, diversity, toolsets, seeds, run, spool, client)
        files = {table: spool.files(table) for table in ("traces", "trace_steps")}
        written = _write_with_llm(warehouse_db, files, domain, diversity, client, cache, "evidence")
        traces = spool.read("traces", ["status", "step_count", "policy"])
        error_types = spool.read("trace_steps", ["error_type"])
        errors = dict(error_types.drop_nulls().group_by("error_type").len().iter_rows()) if error_types.width else {}
        first = next(spool.chunks("trace_steps"), pl.DataFrame())
        preview = first.select("trace_id", "step_index", "tool_name", "arguments", "output") if first.width else first
        bounds = {"max_trace_steps": run.max_trace_steps}
        checks = [
            _gx_spool_check("execution_traces", "traces", spool, "traces", bounds),
            _gx_spool_check("execution_traces", "trace_steps", spool, "trace_steps", bounds),
        ]
    return dg.MaterializeResult(
        metadata={
            **_table_meta("traces", written["traces"]),
            "steps": written["trace_steps"],
            "ok_traces": int((traces["status"] == "ok").sum()) if traces.height else 0,
            "mean_steps": float(traces["step_count"].mean() or 0) if traces.height else 0.0,
            "policy": traces["policy"][0] if traces.height else "",
            "llm_usage": dg.MetadataValue.json(client.usage() if client else {}),
            "step_errors": _counts_md(errors, "error type") if errors else dg.MetadataValue.text("none"),
            "preview": dg.MetadataValue.md(markdown_table(preview)),
        },
        check_results=checks,
    )


@dg.asset(
    group_name=GROUP,
    partitions_def=domain_x_diversity,
    deps=[execution_traces],
    kinds={"duckdb", "polars"},
    check_specs=[_gx_spec("derived_tasks", "tasks")],
    description="Task derivation: for each trace, a question strictly entailed by its required steps, "
    "with the typed gold answer, the call graph and the tool-use pattern. Underivable traces are "
    "recorded in task_failures with the reason.",
)
def derived_tasks(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, synthesis: SynthesisResource
) -> dg.MaterializeResult:
    domain, diversity = _partition(context)
    run = synthesis.settings(warehouse_db.duckdb_path)
    with tempfile.TemporaryDirectory(prefix="dive-tasks-") as tmp:
        spool = Spool(tmp)  # the stored traces chunk by chunk, then their tasks: memory does not grow
        with warehouse_db.connect() as conn:
            warehouse.spool_stored_traces(conn, spool, domain, diversity, pipeline.TRACE_CHUNK)
            cache = warehouse.load_llm_cache(conn) if run.llm_model else None
        client = pipeline.llm_client(run, cache)
        pipeline.spool_tasks(spool, run, client)
        files = {table: spool.files(table) for table in ("tasks", "task_failures")}
        written = _write_with_llm(warehouse_db, files, domain, diversity, client, cache, "derivation")
        patterns = spool.read("tasks", ["pattern"])
        patterns = dict(patterns.group_by("pattern").len().iter_rows()) if patterns.height else {}
        first = next((f for f in spool.chunks("tasks") if f.height), pl.DataFrame())
        preview = first.select("pattern", "question", "answer_text") if first.height else first
        check = _gx_spool_check("derived_tasks", "tasks", spool, "tasks", {"max_rounds": run.max_rounds})
    return dg.MaterializeResult(
        metadata={
            **_table_meta("tasks", written["tasks"]),
            "task_failures": written["task_failures"],
            "tasks_per_pattern": _counts_md(patterns, "pattern"),
            "llm_usage": dg.MetadataValue.json(client.usage() if client else {}),
            "preview": dg.MetadataValue.md(markdown_table(preview, width=200)),
        },
        check_results=[check],
    )


LEAK_CHECK = "no_train_test_leakage"


@dg.asset(
    group_name=GROUP,
    partitions_def=domain_x_diversity,
    deps=[derived_tasks],
    kinds={"duckdb", "polars"},
    check_specs=[
        _gx_spec("verified_splits", "verified_splits", blocking=True),
        dg.AssetCheckSpec(
            LEAK_CHECK,
            asset="verified_splits",
            blocking=True,
            description="No held-out toolset, question or (seed, answer) pair is shared between train and test splits.",
        ),
    ],
    description="Verification (format, replay, entailment, grounding, minimality, uniqueness, split safety; one "
    "row per task and check with the reason) and the leak-free split of every verified task.",
)
def verified_splits(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, synthesis: SynthesisResource
) -> dg.MaterializeResult:
    domain, diversity = _partition(context)
    run = synthesis.settings(warehouse_db.duckdb_path)
    with tempfile.TemporaryDirectory(prefix="dive-splits-") as tmp:
        spool = Spool(tmp)  # traces and their tasks chunk by chunk, then the checks: memory does not grow
        with warehouse_db.connect() as conn:
            warehouse.spool_stored_traces(conn, spool, domain, diversity, pipeline.TRACE_CHUNK, with_tasks=True)
            toolsets = warehouse.read_partition(conn, "toolsets", domain, diversity, ["toolset_id", "tool_names"])
            cache = warehouse.load_llm_cache(conn) if run.solver_attempts else None
        pipeline.spool_verification(spool, run)
        client = pipeline.solver_client(run, cache)
        split_frame = spool.read("splits")
        task_count = spool.height("tasks")
        split_ids = split_frame["task_id"].to_list() if split_frame.height else []
        tasks = (
            pipeline.tasks_from_frame(spool.read("tasks").filter(pl.col("task_id").is_in(split_ids))) if client else []
        )
        solved = pipeline.solve_split_tasks(tasks, split_frame, toolsets, run, client)
        files = {table: spool.files(table) for table in ("verifications", "splits")}
        written = _write_with_llm(warehouse_db, {**files, **solved}, domain, diversity, client, cache, "solver")
        checks = spool.read("verifications", ["check_name", "passed"])
        split_check = _gx_spool_check("verified_splits", "verified_splits", spool, "splits")
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
    return dg.MaterializeResult(
        metadata={
            **_table_meta("splits", written["splits"]),
            "verifications": written["verifications"],
            "verified_rate": round(verified_rate, 4),
            "failure_share_per_check": dg.MetadataValue.json(fail_share),
            "tasks_per_split": _counts_md(splits, "split"),
            **_solver_meta(solved["task_pass_rates"], client),
        },
        check_results=[split_check, leak_result],
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


@dg.asset(
    group_name=GROUP,
    partitions_def=domain_x_diversity,
    deps=[verified_splits],
    kinds={"duckdb", "polars"},
    description="Diversity of the partition's split tasks, as DIVE reports it (pool coverage, unique toolsets, "
    "call sequences, call graphs, R/P topology classes, tool types per task) plus entropies, the long tail, "
    "tool transitions and lexical diversity.",
)
def diversity_metrics(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    domain, diversity = _partition(context)
    with warehouse_db.connect(read_only=True, memory_limit=warehouse.ASSET_READ_MEMORY_LIMIT) as conn:
        profile = diversity_module.partition_profile(conn, domain, diversity)
    metrics = profile.metrics
    frame = pl.DataFrame(
        {
            "domain": [domain] * len(metrics),
            "diversity": [diversity] * len(metrics),
            "metric": list(metrics),
            "value": [float(v) for v in metrics.values()],
        }
    )
    with warehouse_db.connect() as conn:
        warehouse.replace_partition(conn, {"diversity_metrics": frame}, domain, diversity)
    plot = diversity_module.png_base64(lambda out: diversity_module.plot_profile(profile, domain, diversity, out))
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": frame.height,
            "plot": dg.MetadataValue.md(f"![tool-frequency tail, patterns, call graphs](data:image/png;base64,{plot})"),
            "metrics": dg.MetadataValue.json(metrics),
            "unique_call_graph_share": float(metrics["unique_call_graph_share"]),
            "pool_coverage": float(metrics["pool_coverage"]),
        }
    )


def _plot_path(warehouse_db: WarehouseResource, name: str) -> Path:
    """Plots are also written beside the DuckDB file (plots/<name>.png) so they can be linked or published."""
    return Path(warehouse_db.duckdb_path).parent / "plots" / f"{name}.png"


@dg.asset(
    group_name=GROUP,
    deps=[diversity_metrics],
    kinds={"duckdb", "polars"},
    description="The four diversity settings compared per domain: every metric of diversity_metrics under each "
    "setting, its spread and max/min ratio and the setting that scores highest (table diversity_comparison), "
    "with a grouped-bar plot.",
)
def diversity_summary(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    with warehouse_db.connect() as conn:
        wide = diversity_module.summary_from_table(conn)
        compared = diversity_module.compare_settings(wide) if wide.height else pl.DataFrame()
        rows = diversity_module.comparison_rows(compared) if compared.height else pl.DataFrame()
        warehouse.replace_tables(conn, {"diversity_comparison": rows})
    if wide.height == 0:
        context.log.warning("no diversity_metrics rows yet: materialize some partitions first")
        return dg.MaterializeResult(metadata=_table_meta("diversity_comparison", 0))
    with warehouse_db.connect(read_only=True, memory_limit=warehouse.ASSET_READ_MEMORY_LIMIT) as conn:
        overall = diversity_module.dataset_metrics(conn)
    path = diversity_module.plot_summary(wide, _plot_path(warehouse_db, "diversity_summary"))
    plot = diversity_module.png_base64(lambda out: diversity_module.plot_summary(wide, out))
    headline = compared.filter(pl.col("metric").is_in(list(diversity_module.SUMMARY_METRICS)))
    return dg.MaterializeResult(
        metadata={
            **_table_meta("diversity_comparison", rows.height),
            "partitions": wide.height,
            "dataset_metrics": dg.MetadataValue.json(overall),
            "targets_met": dg.MetadataValue.json(diversity_module.targets_met(overall)),
            "plot": dg.MetadataValue.md(f"![diversity settings per domain](data:image/png;base64,{plot})"),
            "plot_file": dg.MetadataValue.path(str(path)),
            "comparison": dg.MetadataValue.md(markdown_table(headline, limit=60, width=24)),
        }
    )


class StudyConfig(dg.Config):
    """Which domains the study covers and its base task budget per point (the narrow setting also runs 2x, 4x)."""

    domains: list[str] = Field(default_factory=lambda: list(DOMAINS))
    budget: int = 24
    narrow: str = "slice-fixed"


@dg.asset(
    group_name="study",
    deps=[tool_catalog],
    kinds={"duckdb", "polars"},
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
    from dive_assets.synthesis import study

    unknown = sorted(set(config.domains) - set(DOMAINS))
    if unknown or config.budget < 1:
        raise dg.Failure(f"bad study config: unknown domains {unknown} / budget {config.budget} (must be >= 1)")
    run = synthesis.settings(warehouse_db.duckdb_path)
    table = study.run_study(DIVERSITY_GRID, config.domains, config.budget, run.seed, narrow=config.narrow)
    with warehouse_db.connect() as conn:
        written = warehouse.replace_tables(conn, {"study_points": study.study_rows(table)})
    path = study.plot_study(table, _plot_path(warehouse_db, "diversity_study"))
    plot = diversity_module.png_base64(lambda out: study.plot_study(table, out))
    context.log.info(f"study: {table.height} points over {len(config.domains)} domains")
    return dg.MaterializeResult(
        metadata={
            **_table_meta("study_points", written["study_points"]),
            "plot": dg.MetadataValue.md(f"![diversity vs quantity scaling](data:image/png;base64,{plot})"),
            "plot_file": dg.MetadataValue.path(str(path)),
            "table": dg.MetadataValue.md(markdown_table(table, limit=60, width=16)),
        }
    )


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
            "tasks_per_split": _counts_md(summary.per_split, "split"),
            "files": len(summary.files),
        }
    )


PARTITIONED_ASSETS: Sequence[dg.AssetsDefinition] = (
    sampled_toolsets,
    execution_traces,
    derived_tasks,
    verified_splits,
    diversity_metrics,
)
