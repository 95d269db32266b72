"""The diversity-vs-quantity study runs end to end and reports every point."""

from __future__ import annotations

from dive_assets.synthesis.config import load_diversity_grid
from dive_assets.synthesis.study import STUDY_METRICS, run_study


def test_study_has_every_setting_and_the_quantity_points() -> None:
    table = run_study(load_diversity_grid(), ["geo"], budget=6, seed=7)
    points = table["point"].to_list()
    assert points == ["slice-fixed", "slice-varied", "full-fixed", "full-varied", "slice-fixed-x2", "slice-fixed-x4"]
    assert table.filter(table["point"] == "slice-fixed-x4")["budget"].item() == 24
    assert set(STUDY_METRICS) <= set(table.columns)
    full = table.filter(table["point"] == "full-varied").row(0, named=True)
    narrow = table.filter(table["point"] == "slice-fixed").row(0, named=True)
    assert full["unique_toolsets"] >= narrow["unique_toolsets"] == 1
