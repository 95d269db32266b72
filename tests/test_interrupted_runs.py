"""A `dive run` stopped from outside: SIGTERM ends it cleanly (exit 130, its run recorded failed, no spool folder
left); after SIGKILL, the next start marks its run failed and removes its spool folder. Real processes, real signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dive_assets.instance import DAGSTER_YAML

PARTITION = "geo/full-varied"
RUN_STATUS = (
    "import dagster as dg\n"
    "from dive_assets.instance import open_instance\n"
    "instance = open_instance() if OPEN else dg.DagsterInstance.get()\n"
    "print(*sorted(r.status.value for r in instance.get_runs(filters=dg.RunsFilter(job_name='synthesis_job'))))\n"
)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path]:
    """A warehouse with the catalog, and a temp folder of its own so spool folders can be counted."""
    root = tmp_path_factory.mktemp("interrupted")
    home, tmp = root / "home", root / "tmp"
    home.mkdir()
    tmp.mkdir()
    (home / "dagster.yaml").write_text(DAGSTER_YAML.read_text(), encoding="utf-8")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DIVE_DUCKDB_PATH": str(root / "dive.duckdb"),
        "DIVE_TASKS_PER_PARTITION": "400",  # long enough to be stopped in its evidence stage
        "GX_ANALYTICS_ENABLED": "False",
        "TMPDIR": str(tmp),
    }
    catalog = subprocess.run(
        [sys.executable, "-m", "dive_assets.cli", "run", "--partitions", "geo/slice-fixed"],
        env={**env, "DIVE_TASKS_PER_PARTITION": "3"},
        capture_output=True,
        text=True,
    )
    assert catalog.returncode == 0, catalog.stderr[-3000:]
    return env, tmp


def _start_and_stop(env: dict[str, str], tmp: Path, sig: signal.Signals) -> tuple[int, str, list[Path]]:
    """Start a partition run, send ``sig`` once its evidence stage has a spool folder; the exit code, the output and
    the spool folders of that process left afterwards."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "dive_assets.cli", "run", "--skip-catalog", "--partitions", PARTITION],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    pattern = f"dive-spool-{proc.pid}-traces-*"
    deadline = time.monotonic() + 300
    while not list(tmp.glob(pattern)) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert proc.poll() is None, "the run ended before it could be stopped"
    time.sleep(1.0)  # well inside the stage
    proc.send_signal(sig)
    out, _ = proc.communicate(timeout=300)
    return proc.returncode, out, list(tmp.glob(f"dive-spool-{proc.pid}-*"))


def _statuses(env: dict[str, str], open_ours: bool) -> list[str]:
    code = f"OPEN = {open_ours}\n{RUN_STATUS}"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_sigterm_ends_the_run_cleanly(setup: tuple[dict[str, str], Path]) -> None:
    env, tmp = setup
    before = _statuses(env, open_ours=False)
    code, out, spools = _start_and_stop(env, tmp, signal.SIGTERM)
    assert code == 130, out[-3000:]
    assert "stopped by a signal" in out and "exports not run" in out
    assert spools == []
    assert _statuses(env, open_ours=False) == sorted([*before, "FAILURE"])


def test_after_sigkill_the_next_start_marks_the_run_failed_and_removes_its_spool(
    setup: tuple[dict[str, str], Path],
) -> None:
    env, tmp = setup
    before = _statuses(env, open_ours=False)
    code, _, spools = _start_and_stop(env, tmp, signal.SIGKILL)
    assert code == -signal.SIGKILL
    assert spools, "SIGKILL leaves the evidence stage's spool folder behind"
    assert _statuses(env, open_ours=False) == sorted([*before, "STARTED"])
    assert _statuses(env, open_ours=True) == sorted([*before, "FAILURE"])
    assert not any(folder.exists() for folder in spools)
