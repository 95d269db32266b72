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
    ("amount_in_words", {"amount": 45, "currency_code": "EUR", "language_code": "ro"}, "cannot write EUR"),  # 48k run
    ("amount_in_words", {"amount": 100, "currency_code": "EUR", "language_code": "vi"}, "cannot write EUR"),
    ("year_in_words", {"year": 2024, "language_code": "vi"}, "cannot say years in 'vi'"),
    ("timezone_display_name", {"timezone": "Australia/Sydney", "language_code": "rw"}, "cannot name"),
]


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize(("name", "arguments", "reason"), REFUSED, ids=[f"{r[0]}-{i}" for i, r in enumerate(REFUSED)])
def test_library_failures_become_clear_refusals(name: str, arguments: dict, reason: str) -> None:
    result = call_tool(name, arguments, default_s=30.0)
    assert result.error_type == "bad_input", (result.error_type, result.error)
    assert reason in (result.error or "")


@pytest.mark.usefixtures("no_network")
def test_heat_of_combustion_is_left_out_for_elements_chemicals_cannot_burn() -> None:
    """Silicon tetrachloride has tabulated formation data; its combustion products are not modelled."""
    result = call_tool("chemical_thermochemistry", {"cas": "10025-78-2"}, default_s=30.0)
    assert result.ok, result.error
    assert result.output["heat_of_combustion_kj_mol"] is None
    assert result.output["hf_gas_kj_mol"] == pytest.approx(-657.0, abs=200)  # a real value, not a placeholder


@pytest.mark.usefixtures("no_network")
def test_session_counts_cover_a_calendar_whose_last_day_is_a_holiday() -> None:
    """XTKS's calendar ends on 2030-12-31, a Tokyo holiday: the year is still counted, up to its last session."""
    result = call_tool("exchange_session_counts", {"exchange_code": "XTKS", "date": "2030-01-01"}, default_s=30.0)
    assert result.ok, result.error
    assert 240 <= result.output["year_sessions"] <= 250
    assert result.output["month_sessions"] == 19


@pytest.mark.usefixtures("no_network")
def test_a_year_the_holidays_package_knows_only_in_part_is_refused() -> None:
    """For India outside 2001-2035 the package leaves out the Hindu holidays and only warns: a short list is no fact."""
    partial = call_tool("public_holidays_in_year", {"country_code": "IN", "year": 2000}, default_s=30.0)
    assert partial.error_type == "bad_input" and "only for 2001-2035" in (partial.error or "")
    full = call_tool("public_holidays_in_year", {"country_code": "IN", "year": 2024}, default_s=30.0)
    assert full.ok and full.output["holiday_count"] >= 15, (full.error, full.output)


def test_every_country_whose_calendar_the_holidays_package_calls_partial_is_refused_there() -> None:
    """The package warns when it answers a year it knows only in part; every country that does is listed."""
    import warnings

    import holidays

    from tool_catalog.domains.finance.common import holiday_countries
    from tool_catalog.domains.finance.public_holidays import COMPLETE_HOLIDAY_YEARS

    warned = set()
    for country in sorted(holiday_countries()):
        for year in (1995, 2000, 2036, 2045):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                holidays.country_holidays(country, years=year)
            if any("available only" in str(w.message) for w in caught):
                warned.add(country)
    assert warned and warned <= set(COMPLETE_HOLIDAY_YEARS), warned - set(COMPLETE_HOLIDAY_YEARS)
