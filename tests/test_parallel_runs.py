"""Several partitions materialized by parallel processes into one DuckDB file: none fails, nothing is lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

PARTITIONS = ["geo/slice-fixed", "finance/slice-varied", "language/full-fixed"]


def test_parallel_processes_share_one_duckdb_file(tmp_path: Path) -> None:
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((Path(__file__).parents[1] / "dagster.yaml").read_text(), encoding="utf-8")
    db = tmp_path / "parallel.duckdb"
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DIVE_DUCKDB_PATH": str(db),
        "DIVE_TASKS_PER_PARTITION": "6",
        "GX_ANALYTICS_ENABLED": "False",
    }
    dive = [sys.executable, "-m", "dive_assets.cli"]
    catalog = subprocess.run([*dive, "run", "--partitions", PARTITIONS[0]], env=env, capture_output=True, text=True)
    assert catalog.returncode == 0, catalog.stderr[-3000:]
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
