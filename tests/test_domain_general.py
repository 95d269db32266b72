"""General tools: examples run offline, known facts hold, samples are valid, hostile input is refused cleanly."""

from __future__ import annotations

import itertools
import time

import pytest

from tool_catalog import GENERAL_DOMAIN, call_tool, general_tools, seed_sources
from tool_catalog.ports import get_port

TOOLS = general_tools()


def _ok(name: str, arguments: dict) -> dict:
    result = call_tool(name, arguments)
    assert result.ok, (name, arguments, result.error_type, result.error)
    assert result.output is not None
    return result.output


def _error(name: str, arguments: dict) -> str:
    result = call_tool(name, arguments, default_s=5.0)
    assert not result.ok, (name, arguments, result.output)
    assert result.error_type and result.error
    return result.error_type


def test_general_tools_are_registered_without_seed_sources() -> None:
    assert len(TOOLS) >= 15, [t.name for t in TOOLS]
    assert all(t.domain == GENERAL_DOMAIN for t in TOOLS)
    assert all(t.kind == "processing" for t in TOOLS if t.name != "local_search")
    assert {t.name: t.kind for t in TOOLS}["local_search"] == "retrieval"
    assert not seed_sources(GENERAL_DOMAIN)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_every_example_executes_offline(tool) -> None:
    for example in tool.examples:
        output = _ok(tool.name, example)
        assert set(tool.outputs) <= set(output)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_required_parameters_have_samples_that_run(tool) -> None:
    """Without seeds, the policy fills general tools from samples: each sample must be a valid argument."""
    samples = {param: tool.param_samples(param) for param in tool.required_params}
    for param, values in samples.items():
        assert 3 <= len(values) <= 8, (tool.name, param, values)
    longest = max(len(v) for v in samples.values())
    for i in range(longest):
        arguments = {param: values[i % len(values)] for param, values in samples.items()}
        _ok(tool.name, arguments)


@pytest.mark.usefixtures("no_network")
def test_every_pair_of_unit_samples_converts() -> None:
    """The policy draws from_unit and to_unit independently from the samples (never equal)."""
    spec = next(t for t in TOOLS if t.name == "convert_unit")
    units = spec.param_samples("from_unit")
    assert units == spec.param_samples("to_unit")
    for source, target in itertools.permutations(units, 2):
        _ok("convert_unit", {"value": 10, "from_unit": source, "to_unit": target})


@pytest.mark.usefixtures("no_network")
def test_known_facts() -> None:
    assert _ok("date_weekday", {"date": "2024-02-29"}) == {
        "weekday": "Thursday",
        "iso_week": 9,
        "day_of_year": 60,
        "quarter": 1,
        "is_leap_year": True,
    }
    assert _ok("date_weekday", {"date": "1969-07-20"})["weekday"] == "Sunday"
    assert _ok("date_weekday", {"date": "2021-01-03"})["iso_week"] == 53
    assert _ok("date_add_days", {"date": "2024-02-28", "days": 2}) == {"date": "2024-03-01"}
    assert _ok("date_add_days", {"date": "2023-02-28", "days": 1}) == {"date": "2023-03-01"}
    assert _ok("date_add_months", {"date": "2024-01-31", "months": 1}) == {"date": "2024-02-29"}
    assert _ok("date_add_months", {"date": "2024-03-31", "months": -1}) == {"date": "2024-02-29"}
    assert _ok("days_between_dates", {"start_date": "2000-01-01", "end_date": "2024-01-01"})["days"] == 8766
    # numpy.busday_count('2024-01-01', '2024-12-25') == 257
    assert _ok("days_between_dates", {"start_date": "2024-01-01", "end_date": "2024-12-25"})["weekdays"] == 257
    assert _ok("convert_unit", {"value": 55, "from_unit": "mph", "to_unit": "km/h"}) == {"converted": 88.51392}
    assert _ok("convert_unit", {"value": 100, "from_unit": "degF", "to_unit": "degC"}) == {"converted": 37.777778}
    assert _ok("convert_unit", {"value": 1, "from_unit": "atm", "to_unit": "psi"}) == {"converted": 14.695949}
    assert _ok("convert_unit", {"value": 1, "from_unit": "mile", "to_unit": "kilometer"}) == {"converted": 1.609344}
    assert _ok("convert_unit", {"value": -40, "from_unit": "degC", "to_unit": "degF"}) == {"converted": -40.0}
    assert _ok("calculator", {"expression": "2 * (3 + 4) ** 2"}) == {"result": 98}
    assert _ok("calculator", {"expression": "sqrt(144) + 3 / 4"}) == {"result": 12.75}
    assert _ok("calculator", {"expression": "17 // 5 + 17 % 5"}) == {"result": 5}
    assert _ok("calculator", {"expression": "log(1000, 10)"})["result"] == pytest.approx(3.0)
    assert _ok("calculator", {"expression": "-2 ** 2"}) == {"result": -4}
    assert _ok("calculator", {"expression": "2 ** -2"}) == {"result": 0.25}
    assert _ok("calculator", {"expression": "round(pi, 4)"}) == {"result": 3.1416}
    assert _ok("compare_numbers", {"a": 12, "b": -3}) == {
        "larger": 12.0,
        "difference": 15.0,
        "ratio": -4.0,
        "a_is_greater": True,
    }
    assert _ok("sum_two_numbers", {"a": 3.5, "b": 7}) == {"sum": 10.5, "mean": 5.25}
    assert _ok("multiply_numbers", {"a": 12, "b": 4.2}) == {"product": 50.4}
    assert _ok("percentage_change", {"old": 80, "new": 100}) == {"percent_change": 25.0}
    assert _ok("percentage_change", {"old": -50, "new": -25}) == {"percent_change": 50.0}
    assert _ok("round_significant", {"value": 299792.458, "digits": 3}) == {
        "rounded": 300000.0,
        "scientific": "3.00e+05",
    }
    assert _ok("aggregate_numbers", {"values": [3, 1, 4, 1, 5, 9, 2, 6]}) == {
        "sum": 31.0,
        "mean": 3.875,
        "median": 3.5,
        "minimum": 1.0,
        "maximum": 9.0,
    }
    assert _ok("sort_numbers", {"values": [3, -1, 2.5]}) == {
        "ascending": [-1.0, 2.5, 3.0],
        "descending": [3.0, 2.5, -1.0],
    }
    assert _ok("sort_strings", {"values": ["pear", "Apple", "banana"]}) == {
        "sorted": ["Apple", "banana", "pear"],
        "first": "Apple",
        "last": "pear",
    }


@pytest.mark.usefixtures("no_network")
def test_tools_chain_through_ports() -> None:
    """date -> date -> weekday, and date pair -> days -> compare: outputs feed the next tool's inputs."""
    shifted = _ok("date_add_months", {"date": "2023-11-30", "months": 3})["date"]
    assert shifted == "2024-02-29"
    later = _ok("date_add_days", {"date": shifted, "days": 100})["date"]
    assert later == "2024-06-08"
    assert _ok("date_weekday", {"date": later})["weekday"] == "Saturday"
    first = _ok("days_between_dates", {"start_date": "2024-01-01", "end_date": shifted})["days"]
    second = _ok("days_between_dates", {"start_date": shifted, "end_date": later})["days"]
    assert (first, second) == (59, 100)
    compared = _ok("compare_numbers", {"a": first, "b": second})
    assert compared["larger"] == 100 and compared["difference"] == -41
    miles = _ok("convert_unit", {"value": second, "from_unit": "kilometer", "to_unit": "mile"})["converted"]
    assert _ok("round_significant", {"value": miles, "digits": 3})["rounded"] == 62.1
    # the ports line up for the policy
    spec = {t.name: t for t in TOOLS}
    assert spec["date_add_days"].outputs["date"].port == spec["date_weekday"].input_ports["date"] == "date"
    assert spec["days_between_dates"].outputs["days"].port == spec["compare_numbers"].input_ports["a"] == "number"
    assert not get_port("math_expression").chainable


HOSTILE_EXPRESSIONS = [
    "9**9**9**9",
    "10**1000",
    "2**10000",
    "10.0**400",
    "1e999",
    "9" * 150,
    "(" * 30 + "1" + ")" * 30,
    "-" * 150 + "1",
    "1+" * 150 + "1",
    "__import__('os').system('ls')",
    "().__class__.__bases__",
    "open('/etc/passwd').read()",
    "globals()",
    "x + 1",
    "lambda: 1",
    "[i for i in range(10**9)]",
    "'a' * 10",
    "1 if 1 else 2",
    "True + 1",
    "1j * 1j",
    "2 ^ 3",
    "1 / 0",
    "5 % 0",
    "0 ** -1",
    "sqrt(-1)",
    "log(0)",
    "exp(1000)",
    "(-8) ** (1/3)",
    "round(1.5, 100)",
    "max()",
    "max(*[1, 2])",
    "abs(x=1)",
    "1e100 * 1e100",
    "1 +",
    "\x00",
    "   ",
]


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("expression", HOSTILE_EXPRESSIONS)
def test_hostile_expressions_are_refused_quickly(expression: str) -> None:
    started = time.perf_counter()
    assert _error("calculator", {"expression": expression}) == "bad_input"
    assert time.perf_counter() - started < 1.0


def test_calculator_limits_length() -> None:
    assert _error("calculator", {"expression": "1+" * 120 + "1"}) == "bad_input"  # over 200 characters
    assert _error("calculator", {"expression": "1" * 5000}) == "invalid_arguments"
    assert _error("calculator", {"expression": ""}) == "invalid_arguments"
    assert _error("calculator", {"expression": 42}) == "invalid_arguments"


@pytest.mark.usefixtures("no_network")
def test_bad_arguments_give_structured_errors() -> None:
    assert _error("date_weekday", {"date": "2024-02-30"}) == "bad_input"
    assert _error("date_weekday", {"date": "next tuesday"}) == "invalid_arguments"
    assert _error("date_add_days", {"date": "9999-12-31", "days": 1}) == "bad_input"
    assert _error("date_add_days", {"date": "2024-01-01", "days": 10**9}) == "invalid_arguments"
    assert _error("date_add_months", {"date": "0001-01-31", "months": -1}) == "bad_input"
    assert _error("days_between_dates", {"start_date": "2023-02-29", "end_date": "2024-01-01"}) == "bad_input"
    assert _error("convert_unit", {"value": 1, "from_unit": "furlongzz", "to_unit": "m"}) == "bad_input"
    assert _error("convert_unit", {"value": 1, "from_unit": "__import__", "to_unit": "m"}) == "bad_input"
    assert _error("convert_unit", {"value": 1, "from_unit": "kg", "to_unit": "m"}) == "bad_input"
    assert _error("convert_unit", {"value": -500, "from_unit": "degC", "to_unit": "K"}) == "bad_input"
    assert _error("convert_unit", {"value": 1, "from_unit": "m^9^9^9", "to_unit": "m"}) == "invalid_arguments"
    assert _error("convert_unit", {"value": 1, "from_unit": "m; import os", "to_unit": "m"}) == "invalid_arguments"
    assert _error("compare_numbers", {"a": 1, "b": 0}) == "bad_input"
    assert _error("compare_numbers", {"a": float("nan"), "b": 1}) == "invalid_arguments"
    assert _error("compare_numbers", {"a": 1e300, "b": 1}) == "invalid_arguments"
    assert _error("multiply_numbers", {"a": 1e100, "b": 1e100}) == "bad_input"
    assert _error("percentage_change", {"old": 0, "new": 5}) == "bad_input"
    assert _error("round_significant", {"value": 3.14, "digits": 0}) == "invalid_arguments"
    assert _error("aggregate_numbers", {"values": []}) == "invalid_arguments"
    assert _error("aggregate_numbers", {"values": list(range(1001))}) == "invalid_arguments"
    assert _error("sort_strings", {"values": ["x" * 201]}) == "bad_input"
    assert _error("sort_numbers", {"values": "1,2,3"}) == "invalid_arguments"


def test_count_true_counts_and_says_all_or_any() -> None:
    assert _ok("count_true", {"values": [True, False, True]}) == {"true_count": 2, "all_true": False, "any_true": True}
    assert _ok("count_true", {"values": [False]}) == {"true_count": 0, "all_true": False, "any_true": False}
    assert _error("count_true", {"values": []}) == "invalid_arguments"
    assert _error("count_true", {"values": ["yes", "maybe"]}) == "invalid_arguments"
