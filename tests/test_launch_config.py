"""Bad launch config is stopped at the door: unknown domains and diversity settings are refused by the config schema
(Dagster enums of the partition grid) before a run exists; numbers out of their declared range fail the run's first
step with one line naming the field, the value and the allowed range; ``dive`` refuses both in one line (exit 2).

Real Dagster validations and executions into a temporary DAGSTER_HOME and a temporary DuckDB file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest

from dive_assets.cli import failure_lines, main
from dive_assets.definitions import defs
from dive_assets.defs.jobs import SYNTHESIS_ASSETS
from dive_assets.partitions import domain_x_diversity, partition_key
from dive_assets.synthesis.config import (
    ConfigError,
    RunSettings,
    StudySettings,
    allowed_range,
    bounds_table,
    validated,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def instance(tmp_path: Path) -> Iterator[dg.DagsterInstance]:
    (tmp_path / "dagster_home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "dagster_home")) as instance:
        yield instance


def _resources(db: Path, **synthesis: object) -> dict:
    return {"synthesis": {"config": synthesis}, "warehouse_db": {"config": {"duckdb_path": str(db)}}}


def _only_failure(result: dg.ExecuteInProcessResult) -> tuple[str, str]:
    """(step, description) of the run's one failed step: the step raised a ``dg.Failure`` whose description is the
    headline Dagster shows for it."""
    (event,) = [e for e in result.all_events if e.is_step_failure]
    data = event.step_failure_data
    assert data.user_failure_data is not None, data.error
    assert data.error is not None and data.error.cause is None  # no chained pydantic error under it
    return event.step_key or "", data.user_failure_data.description or ""


@pytest.mark.parametrize(
    ("field", "value", "line"),
    [
        ("tasks_per_partition", -3, "tasks_per_partition = -3 is out of range: must be between 1 and 100000"),
        ("max_steps", 100, "max_steps = 100 is out of range: must be between 1 and 32"),
    ],
)
def test_a_number_out_of_range_fails_the_first_step_in_one_line(
    instance: dg.DagsterInstance, tmp_path: Path, field: str, value: int, line: str
) -> None:
    db = tmp_path / "dive.duckdb"
    job = defs.resolve_job_def("synthesis_job")
    run_config = {"resources": _resources(db, **{field: value})}
    dg.validate_run_config(job, run_config)  # the schema has no ranges: the run starts ...
    result = job.execute_in_process(
        run_config=run_config,
        partition_key=partition_key("geo", "full-varied"),
        instance=instance,
        raise_on_error=False,
    )
    assert not result.success
    assert _only_failure(result) == ("sampled_toolsets", line)  # ... and its first step stops it
    started = {e.step_key for e in result.all_events if e.is_step_start}
    assert started == {"sampled_toolsets"}
    assert not db.exists()  # the check comes before the warehouse is opened
    assert failure_lines(result, SYNTHESIS_ASSETS)[0] == f"sampled_toolsets failed: {line}"
    with pytest.raises(dg.Failure, match=re.escape(line)):  # what a caller without raise_on_error=False sees
        job.execute_in_process(
            run_config=run_config, partition_key=partition_key("geo", "full-varied"), instance=instance
        )


@pytest.mark.parametrize(
    ("config", "path", "value"),
    [
        ({"domains": ["geo", "atlantis"]}, "config:domains[1]", "atlantis"),
        ({"narrow": "wide"}, "config:narrow", "wide"),
    ],
)
def test_an_unknown_domain_or_diversity_setting_is_refused_before_the_run(
    instance: dg.DagsterInstance, tmp_path: Path, config: dict, path: str, value: str
) -> None:
    job = defs.resolve_job_def("study_job")
    run_config = {"ops": {"diversity_study": {"config": config}}, "resources": _resources(tmp_path / "dive.duckdb")}
    with pytest.raises(dg.DagsterInvalidConfigError) as refused:
        dg.validate_run_config(job, run_config)
    assert f"root:ops:diversity_study:{path} not in enum type" in str(refused.value)
    assert f"got {value}" in str(refused.value)
    with pytest.raises(dg.DagsterInvalidConfigError, match=value):
        job.execute_in_process(run_config=run_config, instance=instance)
    assert instance.get_runs() == []  # no run was created


def test_the_config_enums_are_the_partition_grid() -> None:
    """The Launchpad's choices for domains and the narrow setting are the partition keys: one source."""
    job = defs.resolve_job_def("study_job")
    fields = job.run_config_schema.config_type.fields["ops"].config_type.fields["diversity_study"]
    fields = fields.config_type.fields["config"].config_type.fields
    domain_enum = fields["domains"].config_type.inner_type.inner_type  # Noneable(Array(Enum))
    diversity_enum = fields["narrow"].config_type.inner_type
    dims = {d.name: d.partitions_def.get_partition_keys() for d in domain_x_diversity.partitions_defs}
    assert [v.config_value for v in domain_enum.enum_values] == dims["domain"]
    assert [v.config_value for v in diversity_enum.enum_values] == dims["diversity"]
    assert fields["domains"].default_value == dims["domain"]
    assert "Allowed: between 1 and 25000." in fields["budget"].description
    resource = job.run_config_schema.config_type.fields["resources"].config_type.fields["synthesis"]
    max_steps = resource.config_type.fields["config"].config_type.fields["max_steps"]
    assert max_steps.description.endswith("Allowed: between 1 and 32.")


@pytest.mark.parametrize(
    ("budget", "line"),
    [
        (-1, "budget = -1 is out of range: must be between 1 and 25000"),
        (25_001, "budget = 25001 is out of range: must be between 1 and 25000"),
    ],
)
def test_a_study_budget_out_of_range_fails_the_first_step_in_one_line(
    instance: dg.DagsterInstance, tmp_path: Path, budget: int, line: str
) -> None:
    db = tmp_path / "dive.duckdb"
    job = defs.resolve_job_def("study_job")
    run_config = {
        "ops": {"diversity_study": {"config": {"domains": ["geo"], "budget": budget}}},
        "resources": _resources(db),
    }
    result = job.execute_in_process(run_config=run_config, instance=instance, raise_on_error=False)
    assert not result.success
    assert _only_failure(result) == ("diversity_study", line)
    assert not db.exists()


def test_dive_run_refuses_a_bad_number_in_one_line_before_dagster(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "dagster_home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("DIVE_DUCKDB_PATH", str(tmp_path / "dive.duckdb"))
    monkeypatch.setenv("DIVE_MAX_STEPS", "100")
    assert main(["run", "--partitions", "geo/full-varied"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "dive: error: DIVE_MAX_STEPS = 100 is out of range: must be between 1 and 32\n"
    assert captured.out == ""
    assert list(home.iterdir()) == [] and not (tmp_path / "dive.duckdb").exists()


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--budget", "-1"], "--budget = -1 is out of range: must be between 1 and 25000"),
        (["--domains", "geo,atlantis"], "--domains = ['geo', 'atlantis']: unknown domain 'atlantis'; known: geo, "),
    ],
)
def test_dive_study_refuses_bad_values_in_one_line(
    args: list[str], line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["study", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"dive: error: {line}") and err.count("\n") == 1


def test_bounds_come_from_the_declared_fields() -> None:
    assert allowed_range(RunSettings, "tasks_per_partition") == "must be between 1 and 100000"
    assert allowed_range(RunSettings, "tool_timeout_s") == "must be above 0 and at most 600"
    assert allowed_range(RunSettings, "sibling_claims") is None
    with pytest.raises(ConfigError, match=r"^rounds = 0 is out of range: must be between 1 and 10$"):
        validated(RunSettings, {"rounds": 0})
    with pytest.raises(ConfigError, match=r"^domains = \[\]: List should have at least 1 item"):
        validated(StudySettings, {"domains": []})


def test_the_docs_show_the_bounds_table_of_the_code() -> None:
    page = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert bounds_table() in page
