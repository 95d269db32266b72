"""Command line: materialize partitions through Dagster, print the summary, run named SQL queries.

dive run [--partitions geo/full-varied,finance/slice-fixed]
dive summary
dive query --list
dive query task_with_trace --param task_id=task_ab12 --format json
dive sample --n 20 --seed 7
dive realism
dive mcp --domain geo [--transport http --port 8765]
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from dive_assets.synthesis import queries, warehouse
from dive_assets.synthesis.config import ConfigError, RunSettings

EXAMPLE_QUERY = "task_lineage"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="dive", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run", help="materialize the catalog and partitions through Dagster")
    run_p.add_argument("--partitions", default="all", help="'all' or comma-separated domain/diversity pairs")
    run_p.add_argument("--skip-catalog", action="store_true", help="do not rebuild the tool catalog first")
    sub.add_parser("summary", help="tasks and verified tasks per partition")
    export_p = sub.add_parser("export", help="write SFT/RL JSONL, Parquet and a dataset card to a folder")
    export_p.add_argument("out_dir")
    export_p.add_argument(
        "--sft-flavour",
        default="openai",
        choices=["openai", "hf"],
        help="SFT tool-call arguments "
        "as JSON text (openai, the default) or as objects (hf: Hugging Face chat templates, TRL)",
    )
    export_p.add_argument("--preamble", action="store_true", help="a short assistant sentence before each turn's calls")
    study_p = sub.add_parser("study", help="diversity vs quantity scaling at equal budgets; prints a table")
    study_p.add_argument("--domains", default="geo", help="comma-separated domains")
    study_p.add_argument("--budget", type=int, default=24, help="tasks per point at 1x")
    study_p.add_argument("--csv", default=None, help="also write the table to this CSV file")
    study_p.add_argument("--plot", default=None, help="also draw the study to this PNG file")
    query_p = sub.add_parser("query", help="run a named query from sql/queries (--list: what each shows)")
    query_p.add_argument("name", nargs="?", help="the query's name (its file in sql/queries, without .sql)")
    query_p.add_argument("--list", action="store_true", help="list the queries with their purpose and parameters")
    query_p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a query parameter")
    query_p.add_argument("--format", default="table", choices=queries.FORMATS, help="how to print the rows")
    query_p.add_argument("--output", default=None, help="write to this file instead of the terminal")
    sample_p = sub.add_parser("sample", help="print random split tasks for reading: question, answer, tool calls")
    sample_p.add_argument("--n", type=int, default=20, help="how many tasks (default 20)")
    sample_p.add_argument("--seed", type=int, default=7, help="the sample's seed (default 7)")
    sample_p.add_argument("--per-partition", type=int, default=None, help="this many from every partition instead")
    sample_p.add_argument("--no-calls", action="store_true", help="questions and answers only")
    realism_p = sub.add_parser("realism", help="the realism measures of the split tasks' questions (or of a file)")
    realism_p.add_argument("--questions-file", default=None, help="a JSONL file with a 'question' per line instead")
    realism_p.add_argument("--seed", type=int, default=7, help="the seed of the 1,000-question sample of openings")
    mcp_p = sub.add_parser("mcp", help="serve the catalog's tools over MCP (stdio or streamable HTTP)")
    mcp_p.add_argument("--domain", action="append", default=[], help="a domain (repeatable or comma list; default all)")
    mcp_p.add_argument("--transport", choices=("stdio", "http"), default="stdio", help="default stdio")
    mcp_p.add_argument("--host", default="127.0.0.1", help="HTTP host (default 127.0.0.1)")
    mcp_p.add_argument("--port", type=_port, default=8000, help="HTTP port (default 8000)")
    mcp_p.add_argument("--timeout-s", type=_seconds, default=None, help="limit of a tool declaring none (default 10)")
    mcp_p.add_argument("--timeout-cap-s", type=_seconds, default=None, help="a cap on every call's limit")
    args = parser.parse_args(argv)
    if args.command == "run":
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        if args.command == "mcp":
            from dive_assets.environments import mcp_server

            return mcp_server.run(args.domain, args.transport, args.host, args.port, args.timeout_s, args.timeout_cap_s)
        settings = RunSettings.from_env()
        if args.command == "run":
            return _run(settings, args.partitions, args.skip_catalog)
        if args.command == "study":
            return _study(settings, args.domains, args.budget, args.csv, args.plot)
        if args.command == "export":
            return _export(settings, args.out_dir, args.sft_flavour, args.preamble)
        if args.command == "sample":
            return _sample(settings, args.n, args.seed, args.per_partition, not args.no_calls)
        if args.command == "realism":
            return _realism(settings, args.questions_file, args.seed)
        if args.command == "summary":
            _print_query(settings, "partition_summary")
            return 0
        if args.list or not args.name:
            print(_query_list())
            return 0
        _print_query(settings, args.name, queries.parse_assignments(args.param), args.format, args.output)
        return 0
    except (ConfigError, KeyError, FileNotFoundError, ValueError) as exc:
        print(f"dive: error: {exc}", file=sys.stderr)
        return 2


def _port(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port {value} is not in 1..65535")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError(f"{text} s is not in (0, 600]")
    return value


def _interrupt(signum: int, _frame: object) -> None:
    """SIGTERM ends a run as Ctrl-C does: the open transaction rolls back, spool folders are removed and the Dagster
    run is recorded as ended, instead of the process vanishing mid-stage."""
    _INTERRUPTED.append(signum)
    raise KeyboardInterrupt(f"signal {signum}")


_INTERRUPTED: list[int] = []
"""The signals that asked this process to stop: the run loop starts no further partition."""


def _run(settings: RunSettings, partitions: str, skip_catalog: bool) -> int:
    from dive_assets.defs.jobs import SYNTHESIS_ASSETS
    from dive_assets.instance import open_instance, run_tags
    from dive_assets.launch import CodeLocationRuns
    from dive_assets.partitions import DIVERSITY_GRID, all_partition_keys, partition_key
    from tool_catalog.spec import DOMAINS

    if partitions == "all":
        keys = all_partition_keys()
    else:
        keys = []
        for item in partitions.split(","):
            domain, _, diversity = item.strip().partition("/")
            if domain not in DOMAINS:
                raise ConfigError(f"unknown domain {domain!r} in --partitions; known: {', '.join(DOMAINS)}")
            DIVERSITY_GRID.get(diversity)
            keys.append(partition_key(domain, diversity))
    runs = CodeLocationRuns(open_instance())
    started = time.perf_counter()
    if not skip_catalog:
        result = runs.execute("catalog_job", tags=run_tags())
        print(f"tool_catalog: {'ok' if result.success else 'FAILED'} ({time.perf_counter() - started:.1f} s)")
        if not result.success:
            return 1
    failed: list[str] = []
    ok = 0
    for key in keys:
        t0 = time.perf_counter()
        result = runs.execute("synthesis_job", key, run_tags())
        domain, diversity = key.keys_by_dimension["domain"], key.keys_by_dimension["diversity"]
        status = "ok" if result.success else "FAILED"
        print(f"{domain:>9} / {diversity:<13} {status} ({time.perf_counter() - t0:.1f} s)")
        if not result.success:
            failed.append(f"{domain}/{diversity}")
            for line in failure_lines(result, SYNTHESIS_ASSETS):
                print(f"{'':>12}{line}")
        if _INTERRUPTED or interrupted(result):
            print(f"stopped by a signal: {len(keys) - len(failed) - ok} partition(s) not started, exports not run")
            return 130
        ok += result.success
    if failed:
        print(f"dataset_exports, diversity_summary: not run, {len(failed)} partition(s) failed: {', '.join(failed)}")
    else:
        export = runs.execute("export_job", tags=run_tags())
        print(f"dataset_exports, diversity_summary: {'ok' if export.success else 'FAILED'}")
        if not export.success:
            failed.append("exports")
            for line in failure_lines(export):
                print(f"{'':>12}{line}")
    print(f"materialized {len(keys)} partitions in {time.perf_counter() - started:.1f} s into {settings.duckdb_path}\n")
    _print_query(settings, "partition_summary")
    print(f"\nTry a query over the traces (sql/queries/{EXAMPLE_QUERY}.sql):")
    print(f"  .venv/bin/dive query {EXAMPLE_QUERY} --param tasks=5")
    print("  .venv/bin/dive query --list  # every named query, what it counts and its parameters")
    return 1 if failed else 0


def interrupted(result: object) -> bool:
    """Whether a run ended because the process was asked to stop (Dagster turns SIGINT and SIGTERM inside a run into
    this error)."""
    return any(
        event.is_step_failure and "DagsterExecutionInterruptedError" in event.event_specific_data.error.cls_name
        for event in result.all_events  # type: ignore[attr-defined]
    )


def failure_lines(result: object, steps: Sequence[str] = ()) -> list[str]:
    """One line per failed step of a Dagster run (the first line of the stage's exception), per failed check, and per
    line naming the ``steps`` that did not start because an upstream step failed."""
    lines = []
    for event in result.all_events:  # type: ignore[attr-defined]
        if event.is_step_failure:
            failure = event.event_specific_data
            error = failure.error
            while error.cause is not None:  # Dagster's step error wraps the stage's own exception
                error = error.cause
            message = error.message.strip().splitlines()
            if failure.user_failure_data and failure.user_failure_data.description:  # a dg.Failure: its own line
                message = failure.user_failure_data.description.strip().splitlines()
            lines.append(f"{event.step_key} failed: {message[0] if message else error.cls_name}"[:240])
        elif event.event_type_value == "ASSET_CHECK_EVALUATION" and not event.event_specific_data.passed:
            check = event.event_specific_data
            lines.append(f"check {check.check_name} failed: {check.description or ''}"[:240])
    started = {event.step_key for event in result.all_events if event.is_step_start}  # type: ignore[attr-defined]
    if not_run := [step for step in steps if step not in started]:
        lines.append(f"not run (an upstream step failed): {', '.join(not_run)}")
    return lines


def _study(settings: RunSettings, domains: str, budget: int, csv: str | None, plot: str | None) -> int:
    import polars as pl

    from dive_assets.synthesis.config import StudySettings, load_diversity_grid, validated
    from dive_assets.synthesis.study import plot_study, run_study

    names = [d.strip() for d in domains.split(",") if d.strip()]
    launch = validated(
        StudySettings, {"domains": names, "budget": budget}, {"domains": "--domains", "budget": "--budget"}
    )
    table = run_study(load_diversity_grid(), launch.domains, launch.budget, settings.seed)
    with pl.Config(tbl_rows=100, tbl_cols=20, tbl_width_chars=240, fmt_str_lengths=40):
        print(table)
    if csv:
        table.write_csv(csv)
    if plot:
        print(f"plot: {plot_study(table, plot)}")
    return 0


def _export(settings: RunSettings, out_dir: str, flavour: str = "openai", preamble: bool = False) -> int:
    from pathlib import Path

    from dive_assets.synthesis import exports

    config = settings.model_dump(exclude={"duckdb_path", "llm_api_base"})
    with warehouse.connect(settings.duckdb_path, read_only=True) as conn:
        options = exports.ExportOptions(flavour=flavour, preamble=preamble)  # type: ignore[arg-type]
        summary = exports.export_dataset(conn, Path(out_dir), exports.code_version(), config, options)
    print(
        f"exported {summary.tasks} tasks to {out_dir}: " + ", ".join(f"{k}={v}" for k, v in summary.per_split.items())
    )
    return 0


def _sample(settings: RunSettings, n: int, seed: int, per_partition: int | None, with_calls: bool) -> int:
    from dive_assets.synthesis.reading import format_task, sample

    with warehouse.connect(settings.duckdb_path, read_only=True) as conn:
        tasks = sample(conn, n, seed, per_partition)
    for number, task in enumerate(tasks, 1):
        print(format_task(task, number, with_calls) + "\n")
    return 0


def _realism(settings: RunSettings, questions_file: str | None, seed: int) -> int:
    import json
    import random
    from pathlib import Path

    from dive_assets.synthesis.reading import split_tasks
    from dive_assets.synthesis.realism import dataset_report

    if questions_file:
        lines = Path(questions_file).read_text(encoding="utf-8").splitlines()
        questions = [str(json.loads(line)["question"]) for line in lines if line.strip()]
    else:
        with warehouse.connect(settings.duckdb_path, read_only=True) as conn:
            questions = [t["question"] for t in split_tasks(conn)]
    random.Random(seed).shuffle(questions)
    for name, value in dataset_report(questions).items():
        print(f"{name:32} {value}")
    return 0


def _print_query(
    settings: RunSettings,
    name: str,
    given: dict[str, str] | None = None,
    fmt: str = "table",
    output: str | None = None,
) -> None:
    query = queries.load(name)
    query.values(given)  # a bad parameter fails before the warehouse is opened
    with warehouse.connect(settings.duckdb_path, read_only=True) as conn:
        frame = query.run(conn, given)
    print(queries.render(frame, fmt, Path(output) if output else None), end="" if output is None else "\n")


def _query_list() -> str:
    lines = []
    for query in queries.all_queries():
        lines.append(f"{query.name}: {query.purpose}")
        lines.append(f"    counts: {query.counts}")
        lines.extend(f"    --param {p.name}=<{p.type}> (default {p.default}): {p.doc}" for p in query.params)
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
