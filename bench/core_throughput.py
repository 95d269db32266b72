"""Core throughput of the embedded policy, without Dagster and with Dagster, plus the bare tool-call time.

For one partition: sample toolsets, collect evidence (K rounds), derive, verify and split, in plain Python
(streamed chunk by chunk through a spool of Parquet files, so memory does not grow with the partition);
then the same partition materialized through Dagster into a temporary DuckDB file: the four pipeline assets
(toolsets -> traces -> tasks -> verified splits, with their GX checks, DuckDB writes and reads) timed against
the plain run, and the partition's diversity_metrics asset (analytics the plain run does not do) timed on its
own. Reports verified tasks per second, tool calls per second, the ratio of pipeline time to the bare time of
the same tool calls (replayed directly), the Dagster/plain ratio, and the peak RSS of each path (the Dagster path
runs in its own process; it also materializes the catalog, which loads every domain's backend).

    .venv/bin/python bench/core_throughput.py --tasks 1000 --domain geo --diversity full-varied

``--dagster-only --separate-runs`` materializes the Dagster path as four runs in their own processes (the
catalog; toolsets and traces; tasks and splits; diversity_metrics), as the UI and schedules run them, and reports
each run's time and peak RSS; with ``--workdir DIR`` the DuckDB file, the instance, each run's output and an RSS
log sampled every 10 s stay in DIR, and ``--from-stage`` resumes a long run after its finished runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.frames import spooled_trace_chunks
from dive_assets.synthesis.partition import spool_partition
from dive_assets.synthesis.records import Step
from dive_assets.synthesis.spool import Spool
from tool_catalog import call_tool, get_tool


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--domain", default="geo")
    parser.add_argument("--diversity", default="full-varied")
    parser.add_argument("--skip-dagster", action="store_true")
    parser.add_argument("--dagster-only", action="store_true", help="time the Dagster path only")
    parser.add_argument(
        "--separate-runs",
        action="store_true",
        help="with --dagster-only: each materialization (catalog, the partition's four assets, its diversity_metrics)"
        " in its own process, as runs launched from the UI or a schedule are; reports each run's peak RSS",
    )
    parser.add_argument("--run-stage", choices=RUN_STAGES, help="(internal) one run of --separate-runs")
    parser.add_argument(
        "--workdir", help="with --separate-runs: keep the DuckDB file, DAGSTER_HOME, run outputs and rss.log here"
    )
    parser.add_argument("--from-stage", choices=RUN_STAGES, help="with --separate-runs and --workdir: resume here")
    args = parser.parse_args()
    run = RunSettings(tasks_per_partition=args.tasks)
    if args.run_stage:
        print(json.dumps(dagster_run(args, run, args.run_stage, Path(args.workdir))))
        return
    if args.dagster_only:
        print(json.dumps(separate_runs(args) if args.separate_runs else dagster_path(args, run)))
        return
    report = plain_path(args, run)
    if not args.skip_dagster:
        # its own process, so that each path's peak memory is its own
        child = subprocess.run(
            [sys.executable, "-W", "ignore", __file__, "--dagster-only", "--tasks", str(args.tasks),
             "--domain", args.domain, "--diversity", args.diversity],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        dagster = json.loads(child.stdout.strip().splitlines()[-1])
        report["dagster_seconds"] = dagster["dagster_seconds"]
        report["dagster_over_plain"] = round(dagster["dagster_seconds"] / report["plain_seconds"], 2)
        report["diversity_metrics_asset_seconds"] = dagster["diversity_metrics_asset_seconds"]
        report["dagster_peak_rss_mb"] = dagster["peak_rss_mb"]
        report["dagster_peak_rss_growth_after_catalog_mb"] = dagster["peak_rss_growth_after_catalog_mb"]
        report["dagster_peak_rss_after_pipeline_assets_mb"] = dagster["peak_rss_after_pipeline_assets_mb"]
    print(json.dumps(report, indent=2))


def plain_path(args: argparse.Namespace, run: RunSettings) -> dict[str, object]:
    """The four stages in plain Python, streamed chunk by chunk through a spool on disk, then the bare tool time."""
    catalog = catalog_frames(run_examples=False)
    seeds = catalog["seeds"].filter(domain=args.domain)
    partition = Partition.of(args.domain, args.diversity)
    del catalog
    with tempfile.TemporaryDirectory(prefix="dive-bench-") as tmp:
        spool = Spool(tmp)
        started = time.perf_counter()
        stages = spool_partition(partition, seeds, run, spool)
        plain = time.perf_counter() - started
        verified, calls = spool.height("splits"), spool.height("trace_steps")
        bare = checked = replays = 0.0
        replay_calls = 0
        tasks = spool.chunks("tasks", ["trace_id", "required_steps"])
        for chunk in spooled_trace_chunks(spool):
            steps = [s for trace in chunk for s in trace.steps]
            bare += _bare_seconds(steps)
            t1 = time.perf_counter()
            for step in steps:
                call_tool(step.tool_name, step.arguments)
            checked += time.perf_counter() - t1
            # verification replays every task's required steps: tool calls the pipeline makes too
            by_trace = {t.trace_id: {s.step_index: s for s in t.steps} for t in chunk}
            frame = next(tasks, None)
            wanted = [] if frame is None or not frame.height else frame.iter_rows()
            again = [by_trace[trace_id][i] for trace_id, required in wanted if trace_id in by_trace for i in required]
            replays += _bare_seconds(again)
            replay_calls += len(again)
        report = {
            "tasks_per_partition": args.tasks,
            "traces": spool.height("traces"),
            "tool_calls": calls,
            "tasks_all_rounds": spool.height("tasks"),
            "verified_split_tasks": verified,
            "spool_mb": round(sum(p.stat().st_size for p in Path(tmp).rglob("*.parquet")) / 2**20, 1),
        }
    return {
        **report,
        "plain_seconds": round(plain, 2),
        "stage_seconds": {name: round(seconds, 2) for name, seconds in stages.items()},
        "verified_tasks_per_second": round(verified / plain, 1),
        "tool_calls_per_second": round(calls / stages["evidence"], 1),
        "bare_tool_seconds": round(bare, 3),
        "checked_tool_seconds (validation + thread + timeout)": round(checked, 3),
        "pipeline_over_bare_tool_time": round(plain / bare, 1) if bare else None,
        "verification_replay_calls": replay_calls,
        "bare_replay_seconds": round(replays, 3),
        "pipeline_over_bare_time_of_every_call": round(plain / (bare + replays), 1) if bare + replays else None,
        "plain_peak_rss_mb": round(peak_rss_mb(), 1),
    }


def _bare_seconds(steps: list[Step]) -> float:
    """The time of the steps' successful calls made bare: validated parameters straight into the tool function."""
    started = time.perf_counter()
    for step in steps:
        if step.ok:
            spec = get_tool(step.tool_name)
            spec.fn(spec.params.model_validate(step.arguments))
    return time.perf_counter() - started


def dagster_path(args: argparse.Namespace, run: RunSettings) -> dict[str, float]:
    """The catalog, then the partition's four pipeline assets and its diversity_metrics, in a fresh process."""
    import dagster as dg

    with tempfile.TemporaryDirectory() as tmp:
        settings = run.model_copy(update={"duckdb_path": str(Path(tmp) / "bench.duckdb")})
        (Path(tmp) / "home").mkdir()
        with dg.instance_for_test(temp_dir=str(Path(tmp) / "home")) as instance:
            materialize_stage("catalog", args, settings, instance)
            after_catalog = peak_rss_mb()
            dagster_seconds = materialize_stage("assets", args, settings, instance)
            after_stages = peak_rss_mb()
            metrics_seconds = materialize_stage("metrics", args, settings, instance)
    peak = peak_rss_mb()
    return {
        "dagster_seconds": round(dagster_seconds, 2),
        "diversity_metrics_asset_seconds": round(metrics_seconds, 2),
        "peak_rss_mb": round(peak, 1),
        "peak_rss_after_catalog_mb": round(after_catalog, 1),
        "peak_rss_after_pipeline_assets_mb": round(after_stages, 1),  # the peak is monotonic: what metrics added
        "peak_rss_growth_after_catalog_mb": round(peak - after_catalog, 1),
    }


RUN_STAGES = ("catalog", "traces", "tasks", "metrics")
"""The runs of ``--separate-runs``: the catalog; the partition's toolsets and traces; its tasks and verified splits;
its diversity_metrics (the middle two are the four pipeline assets, split in two so each has its own peak)."""


def separate_runs(args: argparse.Namespace) -> dict[str, float]:
    """The Dagster path as runs in their own processes sharing one DuckDB file and one Dagster instance (see
    :data:`RUN_STAGES`). A run launched from the UI or a schedule gets its own process like this, so a partition
    run's peak does not include the catalog's backends. With ``--workdir`` the DuckDB file, the instance and a
    log of each run's RSS (sampled every 10 s) stay there, and ``--from-stage`` resumes after the runs done."""
    if args.workdir:
        return _separate_runs(args, Path(args.workdir))
    with tempfile.TemporaryDirectory() as tmp:
        return _separate_runs(args, Path(tmp))


def _separate_runs(args: argparse.Namespace, workdir: Path) -> dict[str, float]:
    report: dict[str, float] = {}
    (workdir / "home").mkdir(parents=True, exist_ok=True)
    stages = RUN_STAGES[RUN_STAGES.index(args.from_stage) :] if args.from_stage else RUN_STAGES
    for stage in stages:
        command = [sys.executable, "-W", "ignore", __file__, "--run-stage", stage, "--workdir", str(workdir),
                   "--tasks", str(args.tasks), "--domain", args.domain, "--diversity", args.diversity]  # fmt: skip
        with open(workdir / f"{stage}.out", "w") as out, open(workdir / "rss.log", "a") as log:
            child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, text=True)
            started = time.perf_counter()
            while child.poll() is None:
                log.write(f"{stage}\t{time.perf_counter() - started:.0f}\t{_rss_mb(child.pid):.1f}\n")
                log.flush()
                time.sleep(10)
        if child.returncode:
            raise SystemExit(f"the {stage} run failed (rc {child.returncode}): see {workdir / (stage + '.out')}")
        result = json.loads((workdir / f"{stage}.out").read_text().strip().splitlines()[-1])
        report[f"{stage}_run_seconds"] = result["seconds"]
        report[f"{stage}_run_peak_rss_mb"] = result["peak_rss_mb"]
    if "traces_run_seconds" in report and "tasks_run_seconds" in report:
        report["dagster_seconds"] = round(report["traces_run_seconds"] + report["tasks_run_seconds"], 2)
    report["peak_rss_mb"] = max(v for k, v in report.items() if k.endswith("_peak_rss_mb"))
    return report


def _rss_mb(pid: int) -> float:
    """A process's resident set size now (0 once it has gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def dagster_run(args: argparse.Namespace, run: RunSettings, stage: str, workdir: Path) -> dict[str, float]:
    """One run of :func:`separate_runs` in this process: its wall time and this process's peak RSS."""
    import dagster as dg

    settings = run.model_copy(update={"duckdb_path": str(workdir / "bench.duckdb")})
    instance = dg.DagsterInstance.local_temp(tempdir=str(workdir / "home"))
    seconds = materialize_stage(stage, args, settings, instance)
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(peak_rss_mb(), 1)}


def materialize_stage(stage: str, args: argparse.Namespace, settings: RunSettings, instance: Any) -> float:
    """Materialize one stage of the Dagster path (the catalog, the partition's four pipeline assets, or its
    diversity_metrics) into ``settings.duckdb_path``; returns the wall time in seconds."""
    import dagster as dg

    from dive_assets.defs.catalog import tool_catalog
    from dive_assets.defs.diversity import diversity_metrics
    from dive_assets.defs.splits import verified_splits
    from dive_assets.defs.tasks import derived_tasks
    from dive_assets.defs.toolsets import sampled_toolsets
    from dive_assets.defs.traces import execution_traces
    from dive_assets.partitions import partition_key
    from dive_assets.resources import default_resources

    t0 = time.perf_counter()
    if stage == "catalog":
        dg.materialize([tool_catalog], resources=default_resources(settings), instance=instance)
    else:
        selected = {
            "assets": [sampled_toolsets, execution_traces, derived_tasks, verified_splits],
            "traces": [sampled_toolsets, execution_traces],
            "tasks": [derived_tasks, verified_splits],
            "metrics": [diversity_metrics],
        }[stage]
        key = partition_key(args.domain, args.diversity)
        dg.materialize(selected, partition_key=key, resources=default_resources(settings), instance=instance)
    return time.perf_counter() - t0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
