"""The Dagster UI in a real browser: the five stages and their lineage show, runs launch from the UI, and the job
page's Materialize… is a backfill of `synthesis_job`.

Starts `dagster dev` on a free loopback port against a temporary DAGSTER_HOME and DuckDB file, drives
Debian's headless Chromium with Playwright (nothing is downloaded at run time), materializes the catalog and
one partition by clicking, and waits for both runs to succeed. Skipped without a browser unless CI is set.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
STAGES = ["tool_catalog", "sampled_toolsets", "execution_traces", "derived_tasks", "verified_splits"]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

playwright = pytest.importorskip("playwright.sync_api") if not os.environ.get("CI") else None
if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} is not installed (CI installs it)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dagster_ui(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("ui")
    home = root / "home"
    home.mkdir()
    shutil.copy(Path(__file__).parents[1] / "config" / "dagster.yaml", home / "dagster.yaml")
    port = _free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DIVE_DUCKDB_PATH": str(root / "ui.duckdb"),
        "DIVE_EXPORT_DIR": str(root / "exports"),
        "DIVE_TASKS_PER_PARTITION": "3",
        "DAGSTER_DISABLE_TELEMETRY": "1",
    }
    dagster = Path(sys.executable).parent / "dagster"
    log = (root / "dagster.log").open("w")
    proc = subprocess.Popen(
        [str(dagster), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=Path(__file__).parents[1],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/server_info", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(f"dagster dev did not start: {(root / 'dagster.log').read_text()[-3000:]}")
                time.sleep(1)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def _graphql(base: str, query: str) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{base}/graphql", data=json.dumps({"query": query}).encode(), headers={"Content-Type": "application/json"}
    )
    return json.loads(urllib.request.urlopen(request, timeout=10).read())["data"]


def _runs(base: str) -> list[dict]:
    fields = "runId status pipelineName repositoryOrigin { repositoryLocationName } tags { key value }"
    query = f"{{ runsOrError {{ ... on Runs {{ results {{ {fields} }} }} }} }}"
    return _graphql(base, query)["runsOrError"]["results"]


def _wait_for_run(base: str, partition: str | None, timeout_s: float = 180) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for run in _runs(base):
            tags = {t["key"]: t["value"] for t in run["tags"]}
            if tags.get("dagster/partition") == partition and run["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
                return run["status"]
        time.sleep(2)
    pytest.fail(f"no finished run for partition {partition} within {timeout_s} s: {_runs(base)}")


def _dismiss_welcome(page: Any) -> None:
    """Close Dagster's one-time "Join the community" dialog, which can appear on any page and block clicks."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):
        page.get_by_role("button", name="Skip").click(timeout=5_000)


def test_graph_shows_the_stages_and_runs_launch_from_the_ui(dagster_ui: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.set_default_timeout(60_000)
        page.goto(f"{dagster_ui}/locations/dive/asset-groups/dive", wait_until="networkidle")
        for stage in STAGES:
            page.get_by_text(stage, exact=True).first.wait_for()
        _dismiss_welcome(page)
        assert page.locator("svg path").count() >= len(STAGES) - 1  # the lineage edges are drawn
        page.screenshot(path=str(tmp_path / "asset_graph.png"))

        page.goto(f"{dagster_ui}/assets/tool_catalog", wait_until="networkidle")
        _dismiss_welcome(page)
        page.locator('button:has-text("Materialize")').first.click()
        assert _wait_for_run(dagster_ui, None) == "SUCCESS"

        page.goto(f"{dagster_ui}/assets/sampled_toolsets", wait_until="networkidle")
        _dismiss_welcome(page)
        page.locator('button:has-text("Materialize")').first.click()
        dialog = page.locator("[role=dialog]")
        for value in ("full-varied", "geo"):  # diversity, then domain
            dialog.get_by_text("Select a partition or create one").first.click()
            page.locator(f":text-is('{value}'):visible").last.click()
            page.keyboard.press("Escape")
        dialog.locator('button:has-text("Launch")').last.click()
        assert _wait_for_run(dagster_ui, "full-varied|geo") == "SUCCESS"
        browser.close()


def test_the_job_pages_materialize_launches_a_backfill_of_synthesis_job(dagster_ui: str) -> None:
    """The job page's Materialize… of two partitions: a job backfill, whose runs are runs of `synthesis_job`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.set_default_timeout(60_000)
        page.goto(f"{dagster_ui}/locations/dive/jobs/synthesis_job/partitions", wait_until="networkidle")
        _dismiss_welcome(page)
        page.locator('button:has-text("Materialize…")').first.click()
        dialog = page.locator("[role=dialog]")
        for values in (["slice-fixed"], ["geo", "science"]):  # diversity, then domain
            dialog.get_by_text("Select a partition or create one").first.click()
            for value in values:
                page.locator(f":text-is('{value}'):visible").last.click()
            page.keyboard.press("Escape")
        dialog.locator('button:has-text("Launch backfill")').last.click()
        browser.close()
    fields = "id isAssetBackfill partitionSetName"
    query = f"{{ partitionBackfillsOrError {{ ... on PartitionBackfills {{ results {{ {fields} }} }} }} }}"
    backfill = _graphql(dagster_ui, query)["partitionBackfillsOrError"]["results"][0]
    assert (backfill["isAssetBackfill"], backfill["partitionSetName"]) == (False, "synthesis_job_partition_set")
    tag = {"key": "dagster/backfill", "value": backfill["id"]}
    deadline = time.monotonic() + 120
    while not (runs := [run for run in _runs(dagster_ui) if tag in run["tags"]]):
        assert time.monotonic() < deadline, "the backfill daemon created no run"
        time.sleep(2)
    assert {r["pipelineName"] for r in runs} == {"synthesis_job"}
    assert {r["repositoryOrigin"]["repositoryLocationName"] for r in runs} == {"dive"}
