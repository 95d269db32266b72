"""Several partitions materialized by parallel processes into one DuckDB file: none fails, nothing is lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from dive_assets.instance import DAGSTER_YAML

PARTITIONS = ["geo/slice-fixed", "finance/slice-varied", "language/full-fixed"]


def test_parallel_processes_share_one_duckdb_file(tmp_path: Path) -> None:
    """The catalog is built under one DAGSTER_HOME; the three partition runs then start at once on a fresh one."""
    db = tmp_path / "parallel.duckdb"
    env = {
        **os.environ,
        "DAGSTER_HOME": str(_home(tmp_path / "catalog_home")),
        "DIVE_DUCKDB_PATH": str(db),
        "DIVE_TASKS_PER_PARTITION": "6",
        "GX_ANALYTICS_ENABLED": "False",
    }
    dive = [sys.executable, "-m", "dive_assets.cli"]
    catalog = subprocess.run([*dive, "run", "--partitions", PARTITIONS[0]], env=env, capture_output=True, text=True)
    assert catalog.returncode == 0, catalog.stderr[-3000:]
    env["DAGSTER_HOME"] = str(_home(tmp_path / "fresh_home"))
    procs = [
        subprocess.Popen(
            [*dive, "run", "--skip-catalog", "--partitions", key],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for key in PARTITIONS
    ]
    outcomes = [(p.wait(timeout=600), *p.communicate()) for p in procs]
    for code, out, err in outcomes:
        assert code == 0, (out[-2000:], err[-3000:])
    with duckdb.connect(str(db), read_only=True) as conn:
        rows = dict(
            (f"{d}/{s}", n)
            for d, s, n in conn.execute("SELECT domain, diversity, count(*) FROM traces GROUP BY ALL").fetchall()
        )
        splits = conn.execute("SELECT count(*) FROM splits").fetchone()[0]
        dup = conn.execute("SELECT count(*) - count(DISTINCT trace_id) FROM traces").fetchone()[0]
    assert rows == dict.fromkeys(PARTITIONS, 6)
    assert splits > 0
    assert dup == 0


def test_concurrent_opens_of_a_fresh_dagster_home_all_succeed(tmp_path: Path) -> None:
    """Three processes opening a new DAGSTER_HOME at once as `dive run` does (`open_instance`), five times over: each
    opens it and so does a later process. ``dg.DagsterInstance.get()`` alone broke 4 of 6 such homes for good (two
    alembic heads)."""
    opening = "from dive_assets.instance import open_instance; open_instance().get_runs(limit=1)"
    for trial in range(5):
        env = {**os.environ, "DAGSTER_HOME": str(_home(tmp_path / f"home_{trial}"))}
        procs = [
            subprocess.Popen([sys.executable, "-c", opening], env=env, stderr=subprocess.PIPE, text=True)
            for _ in range(3)
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, (trial, err[-3000:])
        later = subprocess.run([sys.executable, "-c", opening], env=env, capture_output=True, text=True)
        assert later.returncode == 0, (trial, later.stderr[-3000:])


def _home(folder: Path) -> Path:
    folder.mkdir()
    (folder / "dagster.yaml").write_text(DAGSTER_YAML.read_text(), encoding="utf-8")
    return folder
