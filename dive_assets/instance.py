"""The Dagster instance our commands open: initialised once under a lock, with the runs a killed process left open
marked failed.

Two processes opening a fresh ``DAGSTER_HOME`` at once can both create its SQLite storages and stamp two alembic
heads, after which every open of that home fails. :func:`open_instance` opens the instance and touches its run,
event and schedule storages under a file lock in the home, so the first open creates them and the others wait.
Runs of ours carry the process that executes them (:func:`run_tags`); a run still ``STARTED`` whose process on this
host is gone was killed, and is marked failed with that reason, and the spool folders such processes left are removed.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import dagster as dg
import filelock

from dive_assets.synthesis.config import REPO_ROOT, ConfigError
from dive_assets.synthesis.spool import process_alive, remove_orphan_spools

DAGSTER_YAML = REPO_ROOT / "config" / "dagster.yaml"
"""The instance settings a ``DAGSTER_HOME`` of ours starts from (the Makefile copies them there)."""
LOCK_NAME = ".dive-instance.lock"
PID_TAG, HOST_TAG = "dive/pid", "dive/host"
OPEN_STATUSES = [dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.NOT_STARTED]


def open_instance(lock_timeout_s: float = 300.0) -> dg.DagsterInstance:
    """``DagsterInstance.get()`` under the home's lock, its storages created, runs of dead processes marked failed
    and their spool folders removed."""
    home = os.environ.get("DAGSTER_HOME")
    if not home:
        raise ConfigError("DAGSTER_HOME is not set; use `make run`, which keeps runs in .dagster_home/")
    folder = Path(home)
    if not folder.is_dir():
        raise ConfigError(f"DAGSTER_HOME {home} is not a directory; create it (make run does) or fix the path")
    with filelock.FileLock(str(folder / LOCK_NAME), timeout=lock_timeout_s):
        instance = dg.DagsterInstance.get()
        instance.get_runs(limit=1)
        instance.get_latest_materialization_event(dg.AssetKey("tool_catalog"))
        if instance.schedule_storage is not None:
            instance.all_instigator_state()
        mark_killed_runs_failed(instance)
    remove_orphan_spools()
    return instance


def run_tags() -> dict[str, str]:
    """Tags that name the process executing a run in-process, so a later start can tell it was killed."""
    return {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}


def mark_killed_runs_failed(instance: dg.DagsterInstance) -> list[str]:
    """Mark failed every open run of ours whose process on this host no longer exists; returns their run ids."""
    host = socket.gethostname()
    marked = []
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=OPEN_STATUSES, tags={HOST_TAG: host})):
        pid = run.tags.get(PID_TAG, "")
        if pid.isdigit() and not process_alive(int(pid)):
            instance.report_run_failed(
                run, message=f"the process that ran this run (pid {pid}) ended without ending it"
            )
            marked.append(run.run_id)
    return marked
