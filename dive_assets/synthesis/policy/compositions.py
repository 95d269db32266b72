"""General tools planned over what domain tools measured: compare, sum, aggregate, sort, rank, set operations,
the calculator on a formula, rounding, unit conversion and the local search on a produced name.

General tools take only values domain steps produced (never what another general tool computed), as a
*same-quantity fan-in*: every numeric operand is the same output field of the same tool on different entities.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence
from typing import Any

from dive_assets.synthesis.formulas import FORMULAS, fill, fits, operand_count
from dive_assets.synthesis.policy.known import (
    Known,
    PlannedCall,
    SideFit,
    finish_plan,
    known_view,
    on_side,
    same_field_groups,
    stated_value,
)
from dive_assets.synthesis.records import Provenance
from tool_catalog.ports import LIST_PORTS, get_port
from tool_catalog.spec import ToolSpec


def plan_fan_in(
    tool: ToolSpec, params: list[str], known: Sequence[Known], rng: random.Random, done: set[str]
) -> PlannedCall | None:
    """Feed one quantity measured on several entities into a general tool (compare, sum, change ...)."""
    ports = {tool.input_ports[p] for p in params}
    if len(ports) != 1 or len(params) < 2:
        return None
    held = (
        k
        for k in known
        if k.port in ports and k.provenance.source == "step" and isinstance(k.value, (int, float)) and not k.general
    )
    usable = [g for g in same_field_groups(held) if len(g) >= len(params)]
    if not usable:
        return None
    chosen = max(usable, key=lambda g: g[-1].order)[-len(params) :]  # the newest entities, in step order
    if rng.random() < 0.5:
        chosen.reverse()
    arguments = {p: k.value for p, k in zip(params, chosen, strict=True)}
    provenance = {p: k.provenance for p, k in zip(params, chosen, strict=True)}
    depends = {k.provenance.step for k in chosen if k.provenance.step is not None}
    return finish_plan(tool, arguments, provenance, max(k.order for k in chosen), depends, done)


def plan_formula(tool: ToolSpec, params: list[str], known: Sequence[Known], done: set[str]) -> PlannedCall | None:
    """A calculator expression over one quantity measured on 2-3 entities ("the ratio of the X of A to the X of
    B"): the formula comes from formulas.py, its operands are the newest same-field group of earlier steps."""
    if len(params) != 1:
        return None
    groups = [g for g in known_view(known).item_groups("number_list") if len(g) >= 2]
    if not groups:
        return None
    group = max(groups, key=lambda g: g[-1].order)
    # One formula and operand order per group (drawn from the group's evidence, not the trace's rng): like compare
    # or sum, the calculator is called once on the same evidence, not once per formula.
    pick = random.Random(zlib.crc32(repr([(k.provenance.step, k.value) for k in group]).encode()))
    formula = pick.choice([f for f in FORMULAS if operand_count(f) <= len(group)])
    chosen = group[-operand_count(formula) :]
    if pick.random() < 0.5:
        chosen.reverse()
    values = [k.value for k in chosen]
    if not fits(formula, values):
        return None
    steps = [k.provenance.step for k in chosen if k.provenance.step is not None]
    field = chosen[0].provenance.field
    provenance = {params[0]: Provenance(source="expression", steps=steps, field=field, formula=formula)}
    arguments = {params[0]: fill(formula, values)}
    return finish_plan(tool, arguments, provenance, max(k.order for k in chosen), set(steps), done)


def plan_accepted(
    tool: ToolSpec,
    params: list[str],
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """A general tool whose port accepts a name produced by an earlier step (search for the name of the country
    where airport X is located); other required parameters from documented samples."""
    arguments: dict[str, Any] = {}
    provenance: dict[str, Provenance] = {}
    pick: Known | None = None
    for param in params:
        accepts = get_port(tool.input_ports[param]).accepts
        held = [k for k in known if k.port in accepts and k.provenance.source == "step" and not k.general]
        held = [k for k in held if isinstance(k.value, str) and k.value.strip()]
        if accepts and pick is None and held:
            pick = max(held, key=lambda k: k.order) if rng.random() < 0.8 else rng.choice(held)
            arguments[param], provenance[param] = pick.value, pick.provenance
            continue
        value = stated_value(tool, param, tool.input_ports[param], rng, arguments, fits)
        if value is None:
            return None
        arguments[param], provenance[param] = value, Provenance(source="sample")
    if pick is None or pick.provenance.step is None:
        return None
    return finish_plan(tool, arguments, provenance, pick.order, {pick.provenance.step}, done)


def plan_list_fan_in(
    tool: ToolSpec,
    params: list[str],
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """Fill a general list tool (aggregate, sort, top-k, rank, set operations) from earlier steps.

    A single list parameter takes one quantity measured on 3-5 entities (the same output field of the same tool,
    one item per step: "the median of the X of A, the X of B and the X of C"), or else one list-valued output.
    Two list parameters (set operations) take the same list-valued output of two entities. Other parameters
    are an item of the list ("the rank of the X of A among ...") or a documented sample."""
    lists = [p for p in params if tool.input_ports[p] in LIST_PORTS]
    arguments: dict[str, Any] = {}
    provenance: dict[str, Provenance] = {}
    items: list[Known] = []
    if len(lists) == 2:
        port_name = tool.input_ports[lists[0]]
        groups = known_view(known).step_groups(port_name)
        pairs = [g for g in groups if len(g) >= 2]
        if not pairs:
            return None
        chosen = sorted(max(pairs, key=lambda g: g[-1].order)[-2:], key=lambda k: k.order)
        if rng.random() < 0.5:
            chosen.reverse()
        for param, k in zip(lists, chosen, strict=True):
            arguments[param], provenance[param] = k.value, k.provenance
        items = chosen
    elif len(lists) == 1:
        param, port_name = lists[0], tool.input_ports[lists[0]]
        quantities = [g for g in known_view(known).item_groups(port_name) if len(g) >= 3]
        whole = known_view(known).step_values(port_name)
        if quantities and (not whole or rng.random() < 0.8):
            group = max(quantities, key=lambda g: g[-1].order)
            items = group[-rng.randint(3, min(5, len(group))) :]
            steps = [k.provenance.step for k in items if k.provenance.step is not None]
            arguments[param] = [k.value for k in items]
            provenance[param] = Provenance(source="steps", steps=steps, field=items[0].provenance.field)
        elif whole:
            pick = max(whole, key=lambda k: k.order)
            arguments[param], provenance[param] = pick.value, pick.provenance
            items = [pick]
        else:
            return None
    else:
        return None
    for param in params:
        if param in arguments:
            continue
        port_name = tool.input_ports[param]
        scalars = [k for k in items if not isinstance(k.value, list)]
        if param == "value" and port_name == "number" and scalars and tool.input_ports[lists[0]] == "number_list":
            pick = rng.choice(scalars)  # the value to place among the list ("the rank of the X of A among ...")
            arguments[param], provenance[param] = pick.value, pick.provenance
            continue
        size = len(arguments[lists[0]])
        if port_name == "integer":
            if size < 3:
                return None
            counts = on_side(range(2, size), fits, port_name)
            value: Any = rng.choice(counts)  # a count within the list ("the 2 largest of ...")
        else:
            value = stated_value(tool, param, port_name, rng, arguments, fits)
        if value is None:
            return None
        arguments[param], provenance[param] = value, Provenance(source="sample")
    depends = {k.provenance.step for k in items if k.provenance.step is not None}
    return finish_plan(tool, arguments, provenance, max(k.order for k in items), depends, done)


def plan_on_quantity(
    tool: ToolSpec,
    params: list[str],
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """One quantity from a step plus stated whole numbers ("the X of A rounded to 3 significant digits")."""
    numbers = [p for p in params if tool.input_ports[p] == "number"]
    if len(numbers) != 1 or any(tool.input_ports[p] != "integer" for p in params if p not in numbers):
        return None
    # a measured quantity with a fractional part (rounding a count or a rank says nothing)
    held = [k for k in known_view(known).list_items("number_list") if isinstance(k.value, float)]
    held = [k for k in held if not k.value.is_integer()]
    if not held:
        return None
    pick = max(held, key=lambda k: k.order)
    arguments: dict[str, Any] = {numbers[0]: pick.value}
    provenance = {numbers[0]: pick.provenance}
    for param in params:
        if param not in arguments:
            value = stated_value(tool, param, tool.input_ports[param], rng, arguments, fits)
            if value is None:
                return None
            arguments[param], provenance[param] = value, Provenance(source="sample")
    depends = {pick.provenance.step} if pick.provenance.step is not None else set()
    return finish_plan(tool, arguments, provenance, pick.order, depends, done)


# Units of measured quantities, read off the output field's name (``elevation_ft``), with sensible targets.
FIELD_UNITS: dict[str, tuple[str, tuple[str, ...]]] = {
    "_ft": ("foot", ("meter",)),
    "_m": ("meter", ("foot", "kilometer")),
    "_km": ("kilometer", ("mile", "nautical_mile")),
    "_km2": ("kilometer ** 2", ("mile ** 2",)),
    "_au": ("astronomical_unit", ("kilometer",)),
    "_angstrom": ("angstrom", ("nanometer", "picometer")),
    "_nm": ("nanometer", ("angstrom", "micrometer")),
    "_kpa": ("kilopascal", ("psi", "atmosphere")),
    "_pa": ("pascal", ("kilopascal", "millibar")),
    "_c": ("degC", ("degF",)),
    "_kg": ("kilogram", ("pound",)),
    "_hours": ("hour", ("minute",)),
    "_ev": ("electron_volt", ("attojoule",)),
}


def field_unit(field_name: str) -> tuple[str, tuple[str, ...]] | None:
    """(unit, conversion targets) of a quantity whose output field names its unit, else None."""
    for suffix, unit in FIELD_UNITS.items():
        if field_name.endswith(suffix):
            return unit
    return None


def plan_conversion(
    tool: ToolSpec,
    params: list[str],
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """A measured quantity in another unit ("the elevation in feet of airport LHR (in foot) in meter")."""
    numbers = [p for p in params if tool.input_ports[p] == "number"]
    units = [p for p in params if tool.input_ports[p] == "unit"]
    if len(numbers) != 1 or len(units) != 2 or len(params) != 3:
        return None
    held = [k for k in known_view(known).list_items("number_list") if field_unit(k.provenance.field or "")]
    if not held:
        return None
    pick = max(held, key=lambda k: k.order)
    unit, targets = field_unit(pick.provenance.field or "") or ("", ())
    target = rng.choice(on_side(targets, fits, "unit"))
    arguments = {numbers[0]: pick.value, units[0]: unit, units[1]: target}
    provenance = {
        numbers[0]: pick.provenance,
        units[0]: Provenance(source="sample"),
        units[1]: Provenance(source="sample"),
    }
    depends = {pick.provenance.step} if pick.provenance.step is not None else set()
    return finish_plan(tool, arguments, provenance, pick.order, depends, done)
