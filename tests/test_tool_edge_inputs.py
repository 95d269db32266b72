"""Inputs on which a backend library itself breaks, found in the traces of a 48k-task run.

Each once surfaced as ``tool_exception`` (an unexpected TypeError, KeyError ... from the library); a tool must
instead answer, or refuse with ``bad_input`` and a message that names the problem.
"""

from __future__ import annotations

import pytest

from tool_catalog import call_tool

REFUSED = [
    ("compatible_end_enzymes", {"enzyme": "Abr4036II"}, "does not record the ends"),  # REBASE 'Unknown' type
    ("icd10cm_siblings", {"code": "Z16"}, "not listed among the codes under its parent"),
    ("country_week_convention", {"country_code": "AQ"}, "no locale data for the territory 'AQ'"),
    ("amount_in_words", {"amount": 0.75, "currency_code": "EUR", "language_code": "fa"}, "cannot write EUR"),
    ("year_in_words", {"year": 2024, "language_code": "vi"}, "cannot say years in 'vi'"),
    ("timezone_display_name", {"timezone": "Australia/Sydney", "language_code": "rw"}, "cannot name"),
]


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize(("name", "arguments", "reason"), REFUSED, ids=[r[0] for r in REFUSED])
def test_library_failures_become_clear_refusals(name: str, arguments: dict, reason: str) -> None:
    result = call_tool(name, arguments, timeout_s=30.0)
    assert result.error_type == "bad_input", (result.error_type, result.error)
    assert reason in (result.error or "")


@pytest.mark.usefixtures("no_network")
def test_heat_of_combustion_is_left_out_for_elements_chemicals_cannot_burn() -> None:
    """Silicon tetrachloride has tabulated formation data; its combustion products are not modelled."""
    result = call_tool("chemical_thermochemistry", {"cas": "10025-78-2"}, timeout_s=30.0)
    assert result.ok, result.error
    assert result.output["heat_of_combustion_kj_mol"] is None
    assert result.output["hf_gas_kj_mol"] == pytest.approx(-657.0, abs=200)  # a real value, not a placeholder


@pytest.mark.usefixtures("no_network")
def test_session_counts_cover_a_calendar_whose_last_day_is_a_holiday() -> None:
    """XTKS's calendar ends on 2030-12-31, a Tokyo holiday: the year is still counted, up to its last session."""
    result = call_tool("exchange_session_counts", {"exchange_code": "XTKS", "date": "2030-01-01"}, timeout_s=30.0)
    assert result.ok, result.error
    assert 240 <= result.output["year_sessions"] <= 250
    assert result.output["month_sessions"] == 19
