"""What the embedded policy holds and plans with: typed values with provenance, planned calls, the split side.

:class:`Known` is a value a trace holds (the seed or an earlier output) with where it came from; :class:`KnownView`
works out the filters the planners ask for once per planning step; :class:`PlannedCall` is a call the policy may
make. The helpers here fill stated parameters from documented samples on the trace's side of the split
(:class:`TraceSide`) and turn a filled argument set into a plan (:func:`finish_plan`).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from dive_assets.synthesis.records import Provenance, Step
from dive_assets.synthesis.splitting import entity_port, value_held_out
from tool_catalog.ports import get_port
from tool_catalog.spec import ToolSpec

_T = TypeVar("_T")


SideFit = Callable[[str, Any], bool]
"""Whether a value stated on a port (a sample, not the seed or an output) keeps the trace's tasks on its side of
the split (``splitting.value_held_out``); the policy prefers such values and takes others only when none fits."""


@dataclass(frozen=True)
class TraceSide:
    """The :data:`SideFit` of a trace whose seed is on the test side (``test``) or not.

    The sides are not symmetric: a training question must state no held-out value, a test question one at least
    (``splitting.question_held_out``). So once a test trace's call states a held-out number, date or list, its
    other such parameters may take any sample (a held-out regression had two held-out lists among nine samples, and
    stated the same pair in every test trace: identical questions, failing the duplicate check)."""

    seed: int
    test: bool

    def __call__(self, port_name: str, value: Any) -> bool:
        return value_held_out(port_name, value, self.seed) == self.test


@dataclass(frozen=True)
class Known:
    """A typed value the policy holds, with where it came from."""

    port: str
    value: Any
    provenance: Provenance
    order: int
    tool: str | None = None
    general: bool = False  # produced by a general tool (arithmetic, lists): not fed into another general tool


class KnownView(Sequence[Known]):
    """The values a trace holds, with the filters the planners ask for worked out once per planning step.

    Every tool of the toolset is planned against the same held values at each step, and the list tools would each
    group every value again. Results are shared, so callers must not change the lists they get."""

    def __init__(self, known: Sequence[Known], steps: Sequence[Step] = ()) -> None:
        self._known = known
        self.steps = steps
        """The trace's steps so far (by step index): what a general tool's operands were asked of."""
        self._memo: dict[tuple[str, str], Any] = {}

    def __len__(self) -> int:
        return len(self._known)

    def __getitem__(self, index: Any) -> Any:
        return self._known[index]

    def __iter__(self) -> Iterator[Known]:
        return iter(self._known)

    def _cached(self, kind: str, port_name: str, make: Callable[[], Any]) -> Any:
        key = (kind, port_name)
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def of_port(self, port_name: str) -> list[Known]:
        return self._cached("port", port_name, lambda: [k for k in self._known if k.port == port_name])

    def step_values(self, port_name: str) -> list[Known]:
        """Values of the port that a domain step produced."""
        return self._cached(
            "step",
            port_name,
            lambda: [k for k in self.of_port(port_name) if k.provenance.source == "step" and not k.general],
        )

    def step_groups(self, port_name: str) -> list[list[Known]]:
        return self._cached("step groups", port_name, lambda: same_field_groups(self.step_values(port_name)))

    def list_items(self, list_port: str) -> list[Known]:
        """Values that can be one item of a list argument of this port (:func:`list_item_fits`)."""
        return self._cached("items", list_port, lambda: [k for k in self._known if list_item_fits(list_port, k)])

    def item_groups(self, list_port: str) -> list[list[Known]]:
        return self._cached("item groups", list_port, lambda: same_field_groups(self.list_items(list_port)))


def known_view(known: Sequence[Known], steps: Sequence[Step] = ()) -> KnownView:
    return known if isinstance(known, KnownView) else KnownView(known, steps)


@dataclass(frozen=True)
class PlannedCall:
    tool: ToolSpec
    arguments: dict[str, Any]
    provenance: dict[str, Provenance]
    newest_link: int
    depends_on: tuple[int, ...]
    stated_root: bool = False  # takes entities it could chain on from stated samples: a second root of the trace
    key: str = ""  # the call's identity (tool and arguments), set by finish_plan

    @property
    def call_key(self) -> str:
        return self.key or call_key(self.tool.name, self.arguments)


def finish_plan(
    tool: ToolSpec,
    arguments: dict[str, Any],
    provenance: dict[str, Provenance],
    newest_link: int,
    depends: set[int],
    done: set[str],
) -> PlannedCall | None:
    try:
        model = tool.params.model_validate(arguments)
    except ValueError:
        return None
    # Seeds are strings: a numeric parameter gets the number itself, so the recorded call matches the schema.
    props = tool.parameters_schema.get("properties", {})
    arguments = {
        k: getattr(model, k) if isinstance(v, str) and props.get(k, {}).get("type") in ("integer", "number") else v
        for k, v in arguments.items()
    }
    key = call_key(tool.name, arguments)
    if key in done:
        return None
    return PlannedCall(tool, arguments, provenance, newest_link, tuple(sorted(depends)), key=key)


def stated_value(
    tool: ToolSpec,
    param: str,
    port_name: str,
    rng: random.Random,
    taken: dict[str, Any],
    fits: SideFit | None = None,
) -> Any:
    if port_name == "longitude":  # the longitude of the stated latitude's place, not another place's
        lat = next((p for p in tool.input_ports if tool.input_ports[p] == "latitude" and p in taken), None)
        lats, lons = (tool.param_samples(lat) if lat else []), tool.param_samples(param)
        if lat is not None and taken[lat] in lats and len(lats) == len(lons):
            return lons[lats.index(taken[lat])]
    samples = [s for s in tool.param_samples(param) if s not in taken.values()]
    if isinstance(fits, TraceSide) and fits.test and not entity_port(port_name):
        stated = [(tool.input_ports[p], v) for p, v in taken.items() if v in tool.param_samples(p)]
        if any(not entity_port(port) and fits(port, v) for port, v in stated):
            fits = None  # the call states a held-out value already: this one may be any sample
    lengths = {len(v) for v in taken.values() if isinstance(v, list)}
    if lengths:  # paired lists (x and y, values and weights) are as long as the list already stated
        samples = [s for s in samples if isinstance(s, list) and len(s) in lengths] or samples
    if samples:
        return rng.choice(on_side(samples, fits, port_name))
    if port_name not in ("date", "year"):
        return None
    value: Any = None
    for _ in range(10):  # a few draws for one on the trace's side
        if port_name == "date":
            value = (dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(0, 20 * 365))).isoformat()
        else:
            value = rng.randrange(2000, 2025)
        if fits is None or fits(port_name, value):
            break
    return value


def prefer(values: Iterable[_T], fits: Callable[[_T], bool] | None) -> list[_T]:
    """The values on the trace's side of the split, or all of them when none is (or no side is asked for)."""
    every = list(values)
    return every if fits is None else ([v for v in every if fits(v)] or every)


def on_side(values: Iterable[_T], fits: SideFit | None, port_name: str) -> list[_T]:
    """The values stated on ``port_name`` that keep the trace's side of the split, or all when none does."""
    return prefer(values, None if fits is None else partial(fits, port_name))


def example_fits(
    tool: ToolSpec, params: Iterable[str], fits: SideFit | None
) -> Callable[[dict[str, Any]], bool] | None:
    """Whether an example's stated values (those of ``params``) are all on the trace's side."""
    if fits is None:
        return None
    names = list(params)
    return lambda e: all(fits(tool.input_ports[p], e[p]) for p in names if p in e and p in tool.input_ports)


def same_field_groups(held: Iterable[Known]) -> list[list[Known]]:
    """Held values grouped by the (tool, output field) that produced them, one per step, oldest first."""
    groups: dict[tuple[str, str], dict[int, Known]] = {}
    for k in held:
        if k.provenance.step is not None:
            groups.setdefault((k.tool or "", k.provenance.field or ""), {}).setdefault(k.provenance.step, k)
    return [sorted(g.values(), key=lambda k: k.order) for g in groups.values()]


def list_item_fits(list_port: str, k: Known) -> bool:
    """Can this held value be one item of a list argument (a measured quantity for numbers, a name for strings, a
    fact for true/false values)?"""
    if k.provenance.source != "step" or k.general:
        return False
    info = get_port(k.port)
    if list_port == "boolean_list":  # "how many of these statements are true"
        return isinstance(k.value, bool) and info.answer_type == "boolean"
    if isinstance(k.value, bool):
        return False
    if list_port == "number_list":
        return isinstance(k.value, (int, float)) and info.answer_type in ("number", "integer") and not info.chainable
    return isinstance(k.value, str) and info.answer_type == "string"  # names, not codes or encodings


def is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) and value != ""


def is_scalar_list(value: Any) -> bool:
    return isinstance(value, list) and 0 < len(value) <= 50 and all(is_scalar(v) for v in value)


def call_key(tool: str, arguments: dict[str, Any]) -> str:
    return tool + json.dumps(arguments, sort_keys=True, default=str)
