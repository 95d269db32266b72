"""Runs of `dive run`, of a job backfill and of the weekly schedule belong to the `dive` code location: the UI's
job page, timeline and partitions find them, queried through the webserver's own GraphQL schema over the
workspace of workspace.yaml as `dagster-webserver -w workspace.yaml` loads it (its own code server)."""

from __future__ import annotations

import datetime
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dagster as dg
import pytest
from dagster._core.instance.ref import InstanceRef
from dagster._core.storage.tags import BACKFILL_ID_TAG, REPOSITORY_LABEL_TAG
from dagster._core.workspace.context import WorkspaceProcessContext
from dagster._core.workspace.load_target import WorkspaceFileTarget
from dagster_graphql.test.utils import execute_dagster_graphql

from dive_assets.instance import DAGSTER_YAML

ROOT = Path(__file__).parents[1]
LABEL = "__repository__@dive"
REPOSITORY = {"repositoryLocationName": "dive", "repositoryName": "__repository__"}
JOB_RUNS = """query ($selector: PipelineSelector!) {
  pipelineOrError(params: $selector) { ... on Pipeline { runs { runId tags { key value } } } }
}"""
TIMELINE_RUNS = """query ($filter: RunsFilter!) {
  runsOrError(filter: $filter) {
    ... on Runs { results { runId pipelineName repositoryOrigin { repositoryName repositoryLocationName } } }
  }
}"""
PARTITION_STATUSES = """query ($repositorySelector: RepositorySelector!) {
  partitionSetOrError(repositorySelector: $repositorySelector, partitionSetName: "synthesis_job_partition_set") {
    ... on PartitionSet {
      partitionStatusesOrError { ... on PartitionStatuses { results { partitionName runStatus } } }
    }
  }
}"""
LAUNCH_BACKFILL = """mutation ($params: LaunchBackfillParams!) {
  launchPartitionBackfill(backfillParams: $params) {
    __typename ... on LaunchBackfillSuccess { backfillId } ... on PythonError { message }
  }
}"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkspaceProcessContext]:
    """`dive run` of one partition into a fresh home and warehouse, then the UI's workspace over that home."""
    root = tmp_path_factory.mktemp("origins")
    home = root / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text(DAGSTER_YAML.read_text(), encoding="utf-8")
    settings = {
        "DIVE_DUCKDB_PATH": str(root / "dive.duckdb"),
        "DIVE_EXPORT_DIR": str(root / "exports"),
        "DIVE_TASKS_PER_PARTITION": "3",
        "GX_ANALYTICS_ENABLED": "False",
    }
    done = subprocess.run(
        [sys.executable, "-m", "dive_assets.cli", "run", "--partitions", "geo/full-fixed"],
        env={**os.environ, **settings, "DAGSTER_HOME": str(home)},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, (done.stdout[-2000:], done.stderr[-3000:])
    target = WorkspaceFileTarget([str(ROOT / "workspace.yaml")])
    with (
        pytest.MonkeyPatch.context() as patch,  # the code server's resources read the settings `dive run` had
        dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home))) as instance,
    ):
        for name, value in settings.items():
            patch.setenv(name, value)
        with WorkspaceProcessContext(instance, target) as context:
            yield context


def _query(context: WorkspaceProcessContext, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    result = execute_dagster_graphql(context.create_request_context(), query, variables)
    assert not result.errors, result.errors
    return dict(result.data)


def _job_page_run_ids(context: WorkspaceProcessContext) -> set[str]:
    selector = {**REPOSITORY, "pipelineName": "synthesis_job"}
    return {run["runId"] for run in _query(context, JOB_RUNS, {"selector": selector})["pipelineOrError"]["runs"]}


def _timeline(context: WorkspaceProcessContext, runs_filter: dict[str, Any]) -> list[dict[str, Any]]:
    """The runs as the timeline reads them: a run without a repository origin has no row there."""
    return _query(context, TIMELINE_RUNS, {"filter": runs_filter})["runsOrError"]["results"]


def test_dive_run_runs_are_the_code_locations_runs(workspace: WorkspaceProcessContext) -> None:
    instance = workspace.instance
    runs = instance.get_runs()
    assert sorted(run.job_name for run in runs) == ["catalog_job", "export_job", "synthesis_job"]
    location = workspace.create_request_context().get_code_location("dive")
    for run in runs:
        remote_job = location.get_repository("__repository__").get_full_job(run.job_name)
        assert run.remote_job_origin == remote_job.get_remote_origin()
        assert run.job_code_origin == remote_job.get_python_origin()
        assert run.job_snapshot_id == remote_job.identifying_job_snapshot_id, run.job_name
        assert run.remote_job_origin.repository_origin.code_location_origin.location_name == "dive"
        assert instance.get_run_record_by_id(run.run_id).dagster_run.tags_for_storage()[REPOSITORY_LABEL_TAG] == LABEL
    synthesis = [run.run_id for run in runs if run.job_name == "synthesis_job"]
    assert _job_page_run_ids(workspace) == set(synthesis)
    filtered = instance.get_runs(filters=dg.RunsFilter(job_name="synthesis_job", tags={REPOSITORY_LABEL_TAG: LABEL}))
    assert [run.run_id for run in filtered] == synthesis
    origins = {(r["pipelineName"], r["repositoryOrigin"]["repositoryLocationName"]) for r in _timeline(workspace, {})}
    assert origins == {("catalog_job", "dive"), ("synthesis_job", "dive"), ("export_job", "dive")}
    statuses = _query(workspace, PARTITION_STATUSES, {"repositorySelector": REPOSITORY})
    results = statuses["partitionSetOrError"]["partitionStatusesOrError"]["results"]
    assert {r["partitionName"]: r["runStatus"] for r in results if r["runStatus"]} == {"full-fixed|geo": "SUCCESS"}


def test_a_job_backfill_is_a_backfill_of_synthesis_job(workspace: WorkspaceProcessContext) -> None:
    """The backfill the job page's partitions tab launches: its runs are queued as runs of `synthesis_job`."""
    from dagster._daemon.backfill import execute_backfill_iteration

    params = {
        "selector": {"partitionSetName": "synthesis_job_partition_set", "repositorySelector": REPOSITORY},
        "partitionNames": ["slice-fixed|geo", "slice-varied|finance"],
    }
    launched = _query(workspace, LAUNCH_BACKFILL, {"params": params})["launchPartitionBackfill"]
    assert launched["__typename"] == "LaunchBackfillSuccess", launched
    backfill_id = launched["backfillId"]
    list(execute_backfill_iteration(workspace, logging.getLogger("test_backfill")))
    runs = workspace.instance.get_runs(filters=dg.RunsFilter(tags={BACKFILL_ID_TAG: backfill_id}))
    assert sorted(run.tags["dagster/partition"] for run in runs) == sorted(params["partitionNames"])
    assert {run.job_name for run in runs} == {"synthesis_job"}
    assert {run.run_id for run in runs} <= _job_page_run_ids(workspace)
    timeline = _timeline(workspace, {"runIds": [run.run_id for run in runs]})
    assert {(r["pipelineName"], r["repositoryOrigin"]["repositoryLocationName"]) for r in timeline} == {
        ("synthesis_job", "dive")
    }


def test_the_weekly_schedule_queues_one_run_of_synthesis_job_per_partition(
    workspace: WorkspaceProcessContext,
) -> None:
    """A tick of the schedule, as the daemon evaluates it, once it is started."""
    from dagster._scheduler.scheduler import launch_scheduled_runs

    from dive_assets.partitions import all_partition_keys

    started = _query(
        workspace,
        """mutation ($selector: ScheduleSelector!) { startSchedule(scheduleSelector: $selector) { __typename } }""",
        {"selector": {**REPOSITORY, "scheduleName": "weekly_partition_backfill"}},
    )
    assert started["startSchedule"]["__typename"] == "ScheduleStateResult", started
    now = datetime.datetime.now(datetime.UTC)
    tick = now.replace(hour=3, minute=0, second=0, microsecond=0) + datetime.timedelta(days=-now.weekday())
    while tick <= now:
        tick += datetime.timedelta(days=7)
    end = tick + datetime.timedelta(minutes=1)
    list(launch_scheduled_runs(workspace, logging.getLogger("test_schedule"), end, iteration_times={}))
    runs = workspace.instance.get_runs(filters=dg.RunsFilter(tags={"dive/tick": tick.strftime("%Y-%m-%dT%H%M")}))
    assert sorted(run.tags["dagster/partition"] for run in runs) == sorted(str(k) for k in all_partition_keys())
    assert {run.job_name for run in runs} == {"synthesis_job"}
    assert {run.run_id for run in runs} <= _job_page_run_ids(workspace)
