"""Configuration is data: the diversity grid and run settings validate with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dive_assets.synthesis.config import ConfigError, RunSettings, load_diversity_grid


def test_default_grid_is_the_2x2_of_dives_two_axes() -> None:
    grid = load_diversity_grid()
    assert [s.key for s in grid.settings] == ["slice-fixed", "slice-varied", "full-fixed", "full-varied"]
    coverage = {s.pool_fraction < 1.0 for s in grid.settings}
    variety = {s.toolset_mode for s in grid.settings}
    assert coverage == {True, False}
    assert variety == {"fixed", "per_task"}


def test_a_new_setting_needs_no_code(tmp_path: Path) -> None:
    path = tmp_path / "grid.yaml"
    path.write_text(
        "settings:\n  - {key: tiny, pool_fraction: 0.2, toolset_mode: per_task, toolset_size: [2, 3]}\n",
        encoding="utf-8",
    )
    grid = load_diversity_grid(path)
    assert grid.get("tiny").toolset_size == (2, 3)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "settings:\n  - {key: 'a|b', pool_fraction: 0.5, toolset_mode: fixed, toolset_size: [2, 3]}\n",
            "diversity key",
        ),
        ("settings:\n  - {key: a, pool_fraction: 1.5, toolset_mode: fixed, toolset_size: [2, 3]}\n", "pool_fraction"),
        ("settings:\n  - {key: a, pool_fraction: 0.5, toolset_mode: fixed, toolset_size: [4, 3]}\n", "toolset_size"),
        ("settings:\n  - {key: a, pool_fraction: 0.5, toolset_mode: often, toolset_size: [2, 3]}\n", "toolset_mode"),
        (
            "settings:\n  - {key: a, pool_fraction: 0.5, toolset_mode: fixed, toolset_size: [2, 3]}\n"
            "  - {key: a, pool_fraction: 0.5, toolset_mode: fixed, toolset_size: [2, 3]}\n",
            "duplicate",
        ),
        ("settings: [\n", "not valid YAML"),
    ],
)
def test_bad_grid_values_are_named(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "grid.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_diversity_grid(path)


def test_missing_grid_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_diversity_grid(tmp_path / "absent.yaml")


def test_environment_overrides_and_errors() -> None:
    run = RunSettings.from_env({"DIVE_TASKS_PER_PARTITION": "7", "DIVE_DUCKDB_PATH": "/tmp/x.duckdb"})
    assert run.tasks_per_partition == 7
    assert run.duckdb_path == "/tmp/x.duckdb"
    assert run.llm_model is None
    with pytest.raises(ConfigError, match="DIVE_TASKS_PER_PARTITION"):
        RunSettings.from_env({"DIVE_TASKS_PER_PARTITION": "zero"})
    with pytest.raises(ConfigError, match="DIVE_SEED"):
        RunSettings.from_env({"DIVE_SEED": "-1"})


def test_the_dagster_resource_mirrors_every_run_setting() -> None:
    """SynthesisResource repeats RunSettings' fields for the Launchpad: same names, same defaults."""
    from dive_assets.resources import SynthesisResource

    settings_fields = {k: v.default for k, v in RunSettings.model_fields.items() if k != "duckdb_path"}
    resource_fields = {k: v.default for k, v in SynthesisResource.model_fields.items()}
    assert resource_fields == settings_fields
    custom = RunSettings(duckdb_path="x.duckdb", tasks_per_partition=7, solver_attempts=2, llm_model="openai/m")
    from dive_assets.resources import default_resources

    assert default_resources(custom)["synthesis"].settings("x.duckdb") == custom


def test_the_tool_time_limit_cap_is_read_and_checked() -> None:
    from tool_catalog.runtime import call_tool

    settings = RunSettings.from_env({"DIVE_TOOL_TIMEOUT_CAP_S": "2.5"})
    assert settings.tool_timeout_cap_s == 2.5
    assert RunSettings.from_env({}).tool_caller() is call_tool
    assert settings.tool_caller().keywords == {"cap_s": 2.5}
    with pytest.raises(ConfigError, match="DIVE_TOOL_TIMEOUT_CAP_S"):
        RunSettings.from_env({"DIVE_TOOL_TIMEOUT_CAP_S": "-1"})
