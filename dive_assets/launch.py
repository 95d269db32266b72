"""Runs of the ``dive`` code location, created in this process as the Dagster UI creates them.

A run the webserver launches records where its job came from: the code location of ``workspace.yaml`` (its
``remote_job_origin``, stored as the ``.dagster/repository`` tag the UI's job pages and timeline filter on) and the
Python module that defines it (its ``job_code_origin``). :class:`CodeLocationRuns` reads the same code location
from ``workspace.yaml`` with Dagster's own workspace loader, creates each run with both origins and the tags
Dagster gives a partition's run, and executes it here, in the calling process, so a signal to ``dive run`` reaches
the running stage. Its runs show in the UI's timeline, on the job's page and in its partitions as runs the UI
launched do.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import dagster as dg
from dagster._core.definitions.reconstruct import ReconstructableJob, ReconstructableRepository
from dagster._core.execution.api import JobExecutionResult, execute_run
from dagster._core.execution.execute_in_process import merge_run_tags
from dagster._core.remote_origin import (
    ManagedGrpcPythonEnvCodeLocationOrigin,
    RemoteJobOrigin,
    RemoteRepositoryOrigin,
)
from dagster._core.workspace.autodiscovery import loadable_targets_from_python_module
from dagster._core.workspace.load_target import WorkspaceFileTarget

from dive_assets.synthesis.config import REPO_ROOT, ConfigError

WORKSPACE_FILE = REPO_ROOT / "workspace.yaml"
LOCATION_NAME = "dive"


class CodeLocationRuns:
    """Create and execute runs of the jobs of one code location of a workspace file."""

    def __init__(
        self, instance: dg.DagsterInstance, workspace_file: Path = WORKSPACE_FILE, location_name: str = LOCATION_NAME
    ) -> None:
        origins = {o.location_name: o for o in WorkspaceFileTarget([str(workspace_file)]).create_origins()}
        origin = origins.get(location_name)
        if not isinstance(origin, ManagedGrpcPythonEnvCodeLocationOrigin):
            raise ConfigError(f"{workspace_file} has no Python code location named {location_name!r}")
        target = origin.loadable_target_origin
        module = target.module_name
        if module is None:
            raise ConfigError(f"the {location_name!r} location of {workspace_file} does not name a python_module")
        attribute = target.attribute or _only_attribute(module, target.working_directory)
        self.instance = instance
        self.repository = ReconstructableRepository.for_module(
            module, attribute, target.working_directory, container_context={}
        )
        self.repository_origin = RemoteRepositoryOrigin(origin, self.repository.get_definition().name)

    def job(self, name: str) -> ReconstructableJob:
        return self.repository.get_reconstructable_job(name)

    def create_run(
        self, job_name: str, partition_key: str | None = None, tags: Mapping[str, str] | None = None
    ) -> dg.DagsterRun:
        """A run of the job (of one partition), not started, with the origins and tags a UI launch gives it."""
        recon_job = self.job(job_name)
        job_def = recon_job.get_definition()
        run_config: Mapping[str, object] = {}
        if partition_key is not None and job_def.partitioned_config is not None:
            run_config = job_def.partitioned_config.get_run_config_for_partition_key(partition_key)
        return self.instance.create_run_for_job(
            job_def,
            run_config=run_config,
            tags=merge_run_tags(job_def, partition_key, tags, None, self.instance, run_config),
            remote_job_origin=RemoteJobOrigin(self.repository_origin, job_name),
            job_code_origin=recon_job.get_python_origin(),
        )

    def execute(
        self, job_name: str, partition_key: str | None = None, tags: Mapping[str, str] | None = None
    ) -> JobExecutionResult:
        """Create the run and execute it in this process; the result holds its events."""
        run = self.create_run(job_name, partition_key, tags)
        return execute_run(self.job(job_name), run, self.instance)


def _only_attribute(module: str, working_directory: str | None) -> str:
    """The attribute holding the module's definitions, found as the code server finds it."""
    targets = loadable_targets_from_python_module(module, working_directory)
    if len(targets) != 1:
        raise ConfigError(f"{module} defines {len(targets)} Dagster repositories or Definitions, expected one")
    return targets[0].attribute
