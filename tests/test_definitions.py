"""The code location loads, shows the five stages with their lineage, and schedules every partition."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import dagster as dg

from dive_assets.definitions import defs
from dive_assets.partitions import all_partition_keys, domain_x_diversity, partition_key, split_key

STAGES = ["tool_catalog", "sampled_toolsets", "execution_traces", "derived_tasks", "verified_splits"]


def test_definitions_load_with_the_five_stages_in_order() -> None:
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert set(STAGES) <= keys
    for upstream, downstream in itertools.pairwise(STAGES):
        parents = {k.to_user_string() for k in graph.get(dg.AssetKey(downstream)).parent_keys}
        assert upstream in parents, (downstream, parents)


def test_partitions_are_domain_by_diversity() -> None:
    keys = domain_x_diversity.get_partition_keys()
    assert len(keys) == 20
    key = partition_key("geo", "full-varied")
    assert str(key) == "full-varied|geo"  # dimensions ordered by name: diversity|domain
    assert split_key(str(key)) == ("geo", "full-varied")
    assert {str(k) for k in all_partition_keys()} == set(keys)


def test_every_partitioned_asset_has_checks_and_the_split_gate_blocks() -> None:
    graph = defs.resolve_asset_graph()
    specs = {(k.asset_key.to_user_string(), k.name): graph.get_check_spec(k) for k in graph.asset_check_keys}
    for asset in STAGES:
        assert any(a == asset for a, _ in specs), asset
    assert specs[("verified_splits", "gx_verified_splits")].blocking
    assert specs[("verified_splits", "no_train_test_leakage")].blocking


def test_schedule_requests_one_run_per_partition_with_unique_run_keys() -> None:
    schedule = defs.resolve_schedule_def("weekly_partition_backfill")
    assert schedule.default_status == dg.DefaultScheduleStatus.STOPPED
    import datetime as dt

    context = dg.build_schedule_context(
        scheduled_execution_time=dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC),
        repository_def=defs.get_repository_def(),
    )
    requests = list(schedule.evaluate_tick(context).run_requests or [])
    assert len(requests) == 20
    assert len({r.run_key for r in requests}) == 20
    assert {r.partition_key for r in requests} == set(domain_x_diversity.get_partition_keys())


def test_plain_logic_does_not_import_dagster() -> None:
    code = (
        "import sys; import tool_catalog; import dive_assets.synthesis.traces; "
        "tool_catalog.load_all(); assert 'dagster' not in sys.modules, 'dagster imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_workspace_validates_with_the_dagster_cli(tmp_path: Path) -> None:
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    bin_dir = Path(sys.executable).parent
    proc = subprocess.run(
        [str(bin_dir / "dagster"), "definitions", "validate", "-w", "workspace.yaml"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "passed validation" in proc.stderr + proc.stdout


def test_every_asset_lives_in_the_modules_the_readme_names() -> None:
    """The README's asset table is the map of the code: for every asset it names the Dagster module that defines it
    and the plain stage module it wraps, and Dagster's own loading of ``dive_assets/defs`` finds it there."""
    import re

    root = Path(__file__).resolve().parents[1]
    rows = re.findall(
        r"^\| `(\w+)` \| `defs/(\w+)\.py` \| `synthesis/(\w+)\.py`", (root / "README.md").read_text(), re.M
    )
    assert len(rows) >= 9, rows
    graph_keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {asset for asset, _, _ in rows} == graph_keys
    for asset, dagster_module, stage_module in rows:
        fn = defs.resolve_assets_def(asset).op.compute_fn.decorated_fn
        assert fn.__module__ == f"dive_assets.defs.{dagster_module}", (asset, fn.__module__)
        assert (root / "dive_assets" / "synthesis" / f"{stage_module}.py").is_file(), stage_module


def test_no_plain_module_imports_dagster_and_none_is_over_500_lines() -> None:
    root = Path(__file__).resolve().parents[1]
    modules = sorted(
        ".".join(p.relative_to(root).with_suffix("").parts)
        for folder in ("synthesis", "environments")
        for p in (root / "dive_assets" / folder).rglob("*.py")
        if p.name != "__init__.py"
    )
    code = (
        f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\nassert 'dagster' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
    for path in (root / "dive_assets").rglob("*.py"):
        assert len(path.read_text().splitlines()) <= 500, path
