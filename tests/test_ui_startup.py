"""`make ui` starts without warnings from our configuration: `dagster dev` on the workspace, from the repository
folder, with a fresh DAGSTER_HOME made as the Makefile makes it (config/dagster.yaml copied, the instance opened)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from dive_assets.instance import DAGSTER_YAML

ROOT = Path(__file__).parents[1]
DAGSTER_OWN = [re.compile(r"SupersessionWarning: Function `dev_command` is superseded.*Use 'dg dev' instead")]
"""Dagster's notice that `dagster dev` has a successor in the separate `dg` command line, which we do not install."""


def _free_port() -> int:
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return int(s.getsockname()[1])
    except OSError as exc:
        pytest.skip(f"cannot bind a loopback port: {exc}")


def test_make_ui_starts_without_warnings_of_ours(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text(DAGSTER_YAML.read_text(), encoding="utf-8")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DIVE_DUCKDB_PATH": str(tmp_path / "dive.duckdb"),
        "DAGSTER_DISABLE_TELEMETRY": "1",
    }
    opening = "from dive_assets.instance import open_instance; open_instance()"
    opened = subprocess.run([sys.executable, "-c", opening], env=env, cwd=ROOT, capture_output=True, text=True)
    assert opened.returncode == 0, opened.stderr[-3000:]
    assert opened.stderr == ""
    port = _free_port()
    log_path = tmp_path / "dagster_dev.log"
    dagster = [str(Path(sys.executable).parent / "dagster"), "dev", "-w", "workspace.yaml"]
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [*dagster, "-h", "127.0.0.1", "-p", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 50
            while "Instance is configured with the following daemons" not in log_path.read_text() or not _serving(port):
                assert proc.poll() is None and time.monotonic() < deadline, log_path.read_text()[-3000:]
                time.sleep(0.5)
            time.sleep(3)  # the daemons' first iterations
        finally:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    text = log_path.read_text()
    assert "Serving dagster-webserver" in text
    warnings = [
        line
        for line in text.splitlines()
        if re.search(r"warn", line, re.I) and not any(p.search(line) for p in DAGSTER_OWN)
    ]
    assert warnings == [], text[-3000:]


def _serving(port: int) -> bool:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
    except OSError:
        return False
    return True
