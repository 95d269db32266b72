"""Materialize partitions through `dive run` and digest every table, to prove a change leaves rows unchanged.

    .venv/bin/python bench/row_digest.py run OUT --partitions geo/full-varied,finance/slice-fixed --tasks 200
    .venv/bin/python bench/row_digest.py run OUT --partitions geo/full-varied --tasks 4 --llm   # scripted server
    .venv/bin/python bench/row_digest.py compare OLD NEW

`run` uses only the command line (`dive run`) and environment variables, so it works on any revision of the code
(run an older checkout with PYTHONPATH=<checkout> and its copy of this script):
a fresh DAGSTER_HOME and DuckDB file under OUT, then one Parquet file per table, sorted by every column, without
columns that measure time (latency). `--llm` starts the scripted OpenAI-compatible server of the tests
(tests/llm_server.py) and runs the LLM policy through litellm against it. `compare` prints, per table, whether
the rows are identical, and the first differing rows when not.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl

ROOT = Path(__file__).resolve().parents[1]
VOLATILE = {"latency_ms"}
LLM_PORT = 18765


def _server_module():
    spec = importlib.util.spec_from_file_location("llm_server", ROOT / "tests" / "llm_server.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def run(out: Path, partitions: str, tasks: int, llm: bool, extra_env: list[str]) -> int:
    out.mkdir(parents=True, exist_ok=True)
    home = out / "dagster_home"
    home.mkdir(exist_ok=True)
    (home / "dagster.yaml").write_text((ROOT / "config" / "dagster.yaml").read_text())
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DIVE_DUCKDB_PATH": str(out / "dive.duckdb"),
        "DIVE_TASKS_PER_PARTITION": str(tasks),
        "DIVE_EXPORT_DIR": str(out / "exports"),
        "LITELLM_LOCAL_MODEL_COST_MAP": "True",
        "GX_ANALYTICS_ENABLED": "False",
        "DAGSTER_DISABLE_TELEMETRY": "1",
    }
    for item in extra_env:
        key, _, value = item.partition("=")
        env[key] = value
    command = [str(Path(sys.executable).parent / "dive"), "run", "--partitions", partitions]
    if llm:
        # a fixed port and one call at a time: the port is part of every request key, and concurrent calls
        # number their llm_calls rows in the order they happen to finish
        with _server_module().running_server(LLM_PORT) as server:
            env.update(
                {
                    "DIVE_LLM_MODEL": "openai/test-model",
                    "DIVE_LLM_API_BASE": server.api_base,
                    "OPENAI_API_KEY": "sk-dummy-digest",
                    "DIVE_MAX_STEPS": env.get("DIVE_MAX_STEPS", "3"),
                    "DIVE_LLM_CONCURRENCY": "1",
                }
            )
            code = subprocess.run(
                command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            ).returncode
    else:
        code = subprocess.run(
            command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        ).returncode
    digest(out / "dive.duckdb", out / "tables")
    return code


def digest(db: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(db), read_only=True) as conn:
        tables = [r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        for table in sorted(tables):
            frame = pl.from_arrow(conn.sql(f'SELECT * FROM "{table}"').to_arrow_table())
            frame = frame.drop([c for c in frame.columns if c in VOLATILE])
            if frame.width:
                frame = frame.sort(frame.columns, nulls_last=True)
            frame.write_parquet(folder / f"{table}.parquet")
            print(f"{table:24} {frame.height:>8} rows")


def compare(old: Path, new: Path) -> int:
    differing = 0
    names = sorted(
        {p.stem for p in (old / "tables").glob("*.parquet")} | {p.stem for p in (new / "tables").glob("*.parquet")}
    )
    for name in names:
        a_path, b_path = old / "tables" / f"{name}.parquet", new / "tables" / f"{name}.parquet"
        if not a_path.exists() or not b_path.exists():
            print(f"{name:24} only in {'new' if b_path.exists() else 'old'}")
            differing += 1
            continue
        a, b = pl.read_parquet(a_path), pl.read_parquet(b_path)
        if a.columns != b.columns:
            print(f"{name:24} columns differ: {sorted(set(a.columns) ^ set(b.columns))}")
            differing += 1
            continue
        if a.equals(b):
            print(f"{name:24} identical ({a.height} rows)")
            continue
        differing += 1
        only_a, only_b = (
            a.join(b, on=a.columns, how="anti", nulls_equal=True),
            b.join(a, on=a.columns, how="anti", nulls_equal=True),
        )
        print(
            f"{name:24} DIFFER: {a.height} vs {b.height} rows, {only_a.height} only in old, {only_b.height} only in new"
        )
        with pl.Config(tbl_cols=-1, fmt_str_lengths=80, tbl_width_chars=200):
            if only_a.height:
                print(only_a.head(3))
            if only_b.height:
                print(only_b.head(3))
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run")
    run_p.add_argument("out", type=Path)
    run_p.add_argument("--partitions", required=True)
    run_p.add_argument("--tasks", type=int, default=24)
    run_p.add_argument("--llm", action="store_true", help="the LLM policy against the scripted local server")
    run_p.add_argument("--env", action="append", default=[], help="extra KEY=VALUE for the run")
    cmp_p = sub.add_parser("compare")
    cmp_p.add_argument("old", type=Path)
    cmp_p.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "run":
        return run(args.out, args.partitions, args.tasks, args.llm, args.env)
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
