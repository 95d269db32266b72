"""The command line: clear errors for bad input, named queries printed as tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from dive_assets.cli import main


def test_unknown_partition_domain_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    assert main(["run", "--partitions", "atlantis/full-varied"]) == 2
    assert "unknown domain 'atlantis'" in capsys.readouterr().err


def test_unknown_diversity_setting_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    assert main(["run", "--partitions", "geo/wide"]) == 2
    assert "unknown diversity setting 'wide'" in capsys.readouterr().err


def test_bad_environment_value_is_named(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DIVE_TASKS_PER_PARTITION", "-3")
    assert main(["summary"]) == 2
    assert "DIVE_TASKS_PER_PARTITION" in capsys.readouterr().err


def test_missing_database_is_explained(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DIVE_DUCKDB_PATH", str(tmp_path / "absent.duckdb"))
    assert main(["summary"]) == 2
    assert "make run" in capsys.readouterr().err


def test_unknown_query_lists_known_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DIVE_DUCKDB_PATH", str(tmp_path / "absent.duckdb"))
    assert main(["query", "nope"]) == 2
    assert "task_lineage" in capsys.readouterr().err


def test_run_without_dagster_home_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    assert main(["run", "--partitions", "geo/full-varied"]) == 2
    assert "DAGSTER_HOME" in capsys.readouterr().err


def test_study_writes_its_table_and_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv, png = tmp_path / "study.csv", tmp_path / "study.png"
    assert main(["study", "--domains", "science", "--budget", "3", "--csv", str(csv), "--plot", str(png)]) == 0
    out = capsys.readouterr().out
    assert "slice-fixed-x4" in out and str(png) in out
    assert csv.read_text().splitlines()[0].startswith("domain,point,scaling,budget")
    assert len(csv.read_text().splitlines()) == 7
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_study_rejects_an_unknown_domain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["study", "--domains", "geo,astrology"]) == 2
    assert "astrology" in capsys.readouterr().err


def test_a_warehouse_path_that_is_a_directory_or_not_duckdb_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DIVE_DUCKDB_PATH", str(tmp_path))
    assert main(["summary"]) == 2
    err = capsys.readouterr().err
    assert "is a directory" in err and "Traceback" not in err and err.count("\n") == 1
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database\n")
    monkeypatch.setenv("DIVE_DUCKDB_PATH", str(text))
    assert main(["summary"]) == 2
    err = capsys.readouterr().err
    assert "cannot open" in err and "not a valid DuckDB" in err and err.count("\n") == 1
