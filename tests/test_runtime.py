"""Untrusted arguments never crash a run: every failure is a structured ToolResult."""

from __future__ import annotations

import threading
import time

from pydantic import BaseModel, Field

from tool_catalog import call_tool
from tool_catalog.ports import port
from tool_catalog.runtime import _execute, normalize
from tool_catalog.spec import Output, ToolInputError, ToolSpec


class _Seconds(BaseModel):
    seconds: float = Field(ge=0, le=60, json_schema_extra=port("number", samples=[1.0]))


def _spec(fn, name: str = "probe") -> ToolSpec:
    return ToolSpec(
        name=name,
        domain="general",
        kind="processing",
        description="test probe",
        params=_Seconds,
        outputs={"value": Output("number", "the value after {seconds} seconds")},
        package="stdlib",
        fn=fn,
        examples=({"seconds": 0.0},),
    )


def test_unknown_tool() -> None:
    result = call_tool("no_such_tool", {})
    assert not result.ok
    assert result.error_type == "unknown_tool"
    assert "no_such_tool" in (result.error or "")


def test_malformed_json_arguments() -> None:
    result = call_tool("airport_info", "{iata: LHR")
    assert result.error_type == "invalid_arguments"
    assert "not valid JSON" in (result.error or "")


def test_non_object_arguments() -> None:
    result = call_tool("airport_info", ["LHR"])
    assert result.error_type == "invalid_arguments"
    assert "JSON object" in (result.error or "")


def test_schema_violation_names_the_field() -> None:
    result = call_tool("airport_info", {"iata": "lhr!"})
    assert result.error_type == "invalid_arguments"
    assert "iata" in (result.error or "")


def test_unknown_code_is_bad_input() -> None:
    result = call_tool("airport_info", {"iata": "QQQ"})
    assert result.error_type == "bad_input"
    assert "QQQ" in (result.error or "")


def test_hanging_tool_times_out_and_the_caller_goes_on() -> None:
    def hang(p: _Seconds) -> dict:
        time.sleep(p.seconds)
        return {"value": 1}

    started = time.perf_counter()
    result = _execute(_spec(hang), {"seconds": 5.0}, timeout_s=0.2)
    assert result.error_type == "timeout"
    assert time.perf_counter() - started < 2.0


def test_a_runaway_tool_is_stopped_not_left_spinning() -> None:
    """A pure-Python loop that never ends is stopped after its timeout, so it stops taking CPU from the run."""
    threads: list[threading.Thread] = []

    def spin(p: _Seconds) -> dict:
        threads.append(threading.current_thread())
        n = 0
        while True:
            n += 1

    result = _execute(_spec(spin), {"seconds": 0.0}, timeout_s=0.2)
    assert result.error_type == "timeout"
    threads[0].join(timeout=5.0)
    assert not threads[0].is_alive()
    assert _execute(_spec(lambda p: {"value": 2}), {"seconds": 0.0}, timeout_s=2).output == {"value": 2}


def test_raising_tool_becomes_tool_exception() -> None:
    def boom(p: _Seconds) -> dict:
        raise ZeroDivisionError("division by zero")

    result = _execute(_spec(boom), {"seconds": 0.0}, timeout_s=2)
    assert result.error_type == "tool_exception"
    assert "ZeroDivisionError" in (result.error or "")


def test_tool_input_error_is_bad_input() -> None:
    def refuse(p: _Seconds) -> dict:
        raise ToolInputError("no such thing")

    assert _execute(_spec(refuse), {"seconds": 0.0}, timeout_s=2).error_type == "bad_input"


def test_bad_outputs_are_rejected() -> None:
    assert _execute(_spec(lambda p: [1]), {"seconds": 0.0}, 2).error_type == "invalid_output"
    assert _execute(_spec(lambda p: {"other": 1}), {"seconds": 0.0}, 2).error_type == "invalid_output"
    assert _execute(_spec(lambda p: {"value": float("nan")}), {"seconds": 0.0}, 2).error_type == "invalid_output"
    assert _execute(_spec(lambda p: {"value": object()}), {"seconds": 0.0}, 2).error_type == "invalid_output"


def test_normalize_makes_outputs_json_stable() -> None:
    import datetime as dt

    assert normalize(0.1 + 0.2) == 0.3
    assert normalize((1, 2)) == [1, 2]
    assert normalize({"b", "a"}) == ["a", "b"]
    assert normalize(dt.date(2024, 1, 2)) == "2024-01-02"


def test_a_backend_built_on_first_use_does_not_count_against_the_first_call() -> None:
    """A backend built inside the first call (local_search's index: 6-9 s) made that call overrun its limit under
    load, so a partition's traces depended on the machine's load. A tool's ``warm`` builds it first, untimed."""
    import dataclasses

    def backend_user(built: list[int]) -> object:
        def fn(p: _Seconds) -> dict:
            if not built:
                time.sleep(0.6)  # the build, when nothing warmed it
                built.append(1)
            return {"value": 1}

        return fn

    cold_built: list[int] = []
    cold = _execute(_spec(backend_user(cold_built), name="probe_cold"), {"seconds": 0.0}, timeout_s=0.2)
    assert cold.error_type == "timeout"
    warm_built: list[int] = []

    def build() -> None:
        time.sleep(0.6)
        warm_built.append(1)

    spec = dataclasses.replace(_spec(backend_user(warm_built), name="probe_warm"), warm=build)
    assert _execute(spec, {"seconds": 0.0}, timeout_s=0.2).ok
    assert _execute(spec, {"seconds": 0.0}, timeout_s=0.2).ok and warm_built == [1]  # built once


def test_tools_with_slow_first_use_backends_declare_warm() -> None:
    from tool_catalog.registry import get_tool

    for name in ("local_search", "date_in_words", "chemical_isomers"):  # first calls of 7.7, 3.7 and 2.1 s
        assert get_tool(name).warm is not None, name


def _sleeper(p: _Seconds) -> dict:
    time.sleep(p.seconds)
    return {"value": p.seconds}


def test_a_tools_declared_limit_owns_the_call_and_the_run_setting_is_the_default_and_an_optional_cap(
    monkeypatch,
) -> None:
    import dataclasses

    from tool_catalog import runtime

    declared = dataclasses.replace(_spec(_sleeper, "declared_probe"), timeout_s=2.0)
    undeclared = _spec(_sleeper, "undeclared_probe")
    specs = {s.name: s for s in (declared, undeclared)}
    monkeypatch.setattr(runtime, "get_tool", lambda name: specs[name])

    assert runtime.time_limit(declared, default_s=0.1) == 2.0
    assert runtime.time_limit(undeclared, default_s=0.1) == 0.1
    assert runtime.time_limit(undeclared) == runtime.DEFAULT_TIMEOUT_S
    assert runtime.time_limit(declared, default_s=0.1, cap_s=0.5) == 0.5
    assert runtime.time_limit(undeclared, default_s=5.0, cap_s=0.5) == 0.5

    # a 0.3 s call of a tool that declares 2 s runs to its end under a run default of 0.1 s ...
    assert call_tool("declared_probe", {"seconds": 0.3}, 0.1).ok
    # ... the default applies to a tool that declares nothing ...
    slow = call_tool("undeclared_probe", {"seconds": 0.3}, 0.1)
    assert slow.error_type == "timeout" and "0.1 s" in (slow.error or "")
    # ... and a cap the user sets holds every call, declared limits included
    capped = call_tool("declared_probe", {"seconds": 0.3}, 0.1, cap_s=0.1)
    assert capped.error_type == "timeout"


def test_the_catalogs_declared_limits() -> None:
    """The tools that need longer (or shorter) than the run's default say so; the others declare nothing."""
    from tool_catalog.registry import all_tools

    declared = {t.name: t.timeout_s for t in all_tools() if t.timeout_s is not None}
    assert declared["local_search"] == 60.0
    assert declared["prime_factorization"] == 5.0
    assert len(declared) == 5, declared


def test_arguments_are_strict_unknown_keys_and_booleans_as_numbers_are_refused() -> None:
    """A misnamed parameter gets an error naming it, not an answer to another question; True is not the number 1; a
    megabyte-long key is named by its first 40 characters."""
    misnamed = call_tool("date_add_days", {"date": "2024-01-01", "days": 3, "dayz": 1})
    assert misnamed.error_type == "invalid_arguments"
    assert "'dayz'" in (misnamed.error or "") and "takes date, days" in (misnamed.error or "")
    huge = call_tool("date_add_days", {"date": "2024-01-01", "days": 3, "x" * 1_000_000: 1})
    assert huge.error_type == "invalid_arguments" and len(huge.error or "") < 200
    for arguments in ({"date": "2024-01-01", "days": True}, {"date": "2024-01-01", "days": False}):
        flagged = call_tool("date_add_days", arguments)
        assert flagged.error_type == "invalid_arguments" and "boolean is not a number" in (flagged.error or "")
    listed = call_tool("aggregate_numbers", {"values": [1, True, 3]})
    assert listed.error_type == "invalid_arguments" and "values" in (listed.error or "")
    assert call_tool("date_add_days", {"date": "2024-01-01", "days": 3}).ok
    assert call_tool("aggregate_numbers", {"values": [1, 2.5, 3]}).ok


def test_a_count_too_large_for_a_number_is_bad_input_not_a_crash() -> None:
    result = call_tool("combinations_count", {"n": 1000, "k": 500})
    assert result.error_type == "bad_input" and "1.8e308" in (result.error or "")
    assert call_tool("combinations_count", {"n": 10, "k": 3}).output == {
        "combinations": 120.0,
        "permutations": 720.0,
        "multisets": 220.0,
    }
