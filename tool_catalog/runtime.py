"""Safe execution of a tool call with untrusted arguments.

Arguments come from LLMs or from a policy: they are validated against the tool's pydantic
model first, the call runs under a per-call time limit, and every failure becomes a
structured :class:`ToolResult` with an error type and a clear message. Nothing raises.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import json
import math
import queue
import threading
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from tool_catalog.registry import get_tool
from tool_catalog.spec import ToolInputError, ToolSpec

ErrorType = Literal["unknown_tool", "invalid_arguments", "bad_input", "timeout", "tool_exception", "invalid_output"]


class ToolResult(BaseModel):
    """The outcome of one call: an output dict, or an error type with a message."""

    tool: str
    ok: bool
    output: dict[str, Any] | None = None
    error_type: ErrorType | None = None
    error: str | None = None
    latency_ms: float = 0.0


ToolCaller = Callable[[str, Any, float | None], ToolResult]
"""How the stages call a tool: ``caller(name, arguments, default_s)`` (:func:`call_tool`, or a stand-in in tests)."""

DEFAULT_TIMEOUT_S = 10.0
"""The time limit of a call of a tool that declares none, when the caller gives no default either."""


def time_limit(spec: ToolSpec, default_s: float | None = None, cap_s: float | None = None) -> float:
    """A call's time limit, with one owner: the tool's declared limit when it has one, else ``default_s`` (a run's
    setting; :data:`DEFAULT_TIMEOUT_S` when None), and at most ``cap_s`` when a cap is set."""
    limit = spec.timeout_s if spec.timeout_s is not None else default_s if default_s is not None else DEFAULT_TIMEOUT_S
    return limit if cap_s is None else min(limit, cap_s)


def call_tool(name: str, arguments: Any, default_s: float | None = None, cap_s: float | None = None) -> ToolResult:
    """Validate and execute one call of tool ``name`` under its :func:`time_limit`; never raises."""
    started = time.perf_counter()
    try:
        spec = get_tool(name)
    except KeyError as exc:
        return ToolResult(tool=name, ok=False, error_type="unknown_tool", error=str(exc.args[0]))
    result = _execute(spec, arguments, time_limit(spec, default_s, cap_s))
    result.latency_ms = round((time.perf_counter() - started) * 1000.0, 3)
    return result


def _execute(spec: ToolSpec, arguments: Any, timeout_s: float) -> ToolResult:
    if isinstance(arguments, str):
        try:
            arguments = json.loads(arguments)
        except json.JSONDecodeError as exc:
            return _fail(spec, "invalid_arguments", f"arguments are not valid JSON: {exc.msg} at position {exc.pos}")
    if not isinstance(arguments, dict):
        return _fail(spec, "invalid_arguments", f"arguments must be a JSON object, got {type(arguments).__name__}")
    refused = _strict_problem(spec, arguments)
    if refused:
        return _fail(spec, "invalid_arguments", refused)
    try:
        params = spec.params.model_validate(arguments)
    except ValidationError as exc:
        return _fail(spec, "invalid_arguments", _describe_validation_error(exc))

    warm_tool(spec)
    box = _run_with_time_limit(spec.fn, params, timeout_s)
    if box is None:
        return _fail(spec, "timeout", f"tool {spec.name} did not finish within {timeout_s:g} s")
    if "error" in box:
        exc = box["error"]
        if isinstance(exc, ToolInputError):
            return _fail(spec, "bad_input", str(exc))
        return _fail(spec, "tool_exception", f"{type(exc).__name__}: {exc}")
    value = box.get("value")
    if not isinstance(value, dict):
        return _fail(spec, "invalid_output", f"tool returned {type(value).__name__}, expected an object")
    try:
        output = {key: normalize(val) for key, val in value.items()}
        json.dumps(output, allow_nan=False)
    except (TypeError, ValueError) as exc:
        return _fail(spec, "invalid_output", f"output is not JSON-serializable: {exc}")
    missing = [f for f in spec.outputs if f not in output]
    if missing:
        return _fail(spec, "invalid_output", f"output lacks declared fields {missing}")
    return ToolResult(tool=spec.name, ok=True, output=output)


WARM_TIMEOUT_S = 300.0
_warmed: set[str] = set()
_warm_lock = threading.Lock()


def warm_tool(spec: ToolSpec) -> None:
    """Build a tool's first-use backend (``spec.warm``) once per process, before its first call is timed.

    Why: a backend built inside the first call would count against that call's limit (``local_search`` builds an
    index), so on a loaded machine the call could time out and the trace take another path: rows would depend on the
    machine's load. The build itself is held
    to :data:`WARM_TIMEOUT_S` so that a broken one cannot stall a run; the call that follows fails or succeeds
    on its own."""
    if spec.warm is None or spec.name in _warmed:
        return
    with _warm_lock:
        if spec.name not in _warmed:
            _run_with_time_limit(lambda _: spec.warm(), None, WARM_TIMEOUT_S)
            _warmed.add(spec.name)


class ToolTimeout(BaseException):
    """Raised inside a worker thread whose call overran its time limit, so the abandoned work stops."""


class _Worker:
    """A reusable daemon thread that runs one tool call at a time (starting a thread per call costs more)."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[tuple[Any, Any, dict[str, Any], threading.Event]] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._loop, name="tool-worker", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        try:
            while True:
                fn, params, box, done = self.jobs.get()
                try:
                    box["value"] = fn(params)
                except ToolTimeout:
                    return  # the call was abandoned: this worker ends
                except BaseException as exc:  # every failure becomes a structured error
                    box["error"] = exc
                done.set()
        except ToolTimeout:
            return  # stopped just after its call finished

    def stop(self) -> None:
        """Raise :class:`ToolTimeout` in the worker's thread at its next Python instruction.

        Without this an abandoned call goes on: a pure-Python loop that never ends (num2words' Amharic
        converter on 1234567) kept one core busy and slowed the rest of a 2,400-trace partition tenfold.
        Code inside one C call finishes that call first."""
        if self.thread.ident is not None and self.thread.is_alive():
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread.ident), ctypes.py_object(ToolTimeout))


_idle: list[_Worker] = []
_idle_lock = threading.Lock()


def _run_with_time_limit(fn: Any, params: Any, timeout_s: float) -> dict[str, Any] | None:
    """Run ``fn(params)`` on a worker thread; None when it does not finish in time.

    A worker that timed out is stopped (see :meth:`_Worker.stop`) and abandoned (it is a daemon thread, so it
    never blocks exit); a fresh one serves the next call, so one hanging tool cannot stall the run.
    """
    with _idle_lock:
        worker = _idle.pop() if _idle else None
    worker = worker or _Worker()
    box: dict[str, Any] = {}
    done = threading.Event()
    worker.jobs.put((fn, params, box, done))
    if not done.wait(timeout_s):
        worker.stop()
        return None
    with _idle_lock:
        _idle.append(worker)
    return box


def normalize(value: Any) -> Any:
    """Make an output value JSON-stable: plain types, floats to 10 significant digits."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (float, Decimal)):
        f = float(value)
        if math.isnan(f) or math.isinf(f):
            raise ValueError(f"non-finite number {f}")
        return float(f"{f:.10g}")
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): normalize(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [normalize(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if hasattr(value, "item"):  # numpy scalar
        return normalize(value.item())
    raise TypeError(f"unsupported output value of type {type(value).__name__}")


def _fail(spec: ToolSpec, error_type: ErrorType, message: str) -> ToolResult:
    return ToolResult(tool=spec.name, ok=False, error_type=error_type, error=message)


def _strict_problem(spec: ToolSpec, arguments: dict[str, Any]) -> str | None:
    """What pydantic's lax mode would let through: an argument the tool does not take (a misnamed parameter would
    otherwise get an answer to a question that was not asked) and a boolean where a number is expected (``True``
    is 1 to Python)."""
    known = spec.params.model_fields
    unknown = [str(k) for k in arguments if k not in known]
    if unknown:
        shown = ", ".join(repr(k if len(k) <= 40 else k[:40] + "...") for k in sorted(unknown)[:5])
        return f"invalid arguments: unknown argument(s) {shown}; {spec.name} takes {', '.join(sorted(known))}"
    properties = spec.parameters_schema.get("properties", {})
    for name, value in arguments.items():
        kinds = _json_types(properties.get(name, {}))
        if isinstance(value, bool) and "boolean" not in kinds and kinds & {"number", "integer"}:
            return f"invalid arguments: {name}: a boolean is not a number"
        items = _json_types(properties.get(name, {}).get("items", {}))
        numbers = "boolean" not in items and items & {"number", "integer"}
        if isinstance(value, list) and numbers and any(isinstance(v, bool) for v in value):
            return f"invalid arguments: {name}: a boolean is not a number"
    return None


def _json_types(schema: dict[str, Any]) -> set[str]:
    """The JSON types a property schema allows (its ``type``, or those of its ``anyOf`` branches)."""
    kinds = schema.get("type")
    found = {kinds} if isinstance(kinds, str) else set(kinds or ())
    for branch in schema.get("anyOf", ()):
        found |= _json_types(branch)
    return found


def _describe_validation_error(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors(include_url=False):
        loc = ".".join(str(p) for p in err["loc"]) or "(arguments)"
        parts.append(f"{loc}: {err['msg']}")
    return "invalid arguments: " + "; ".join(parts)
