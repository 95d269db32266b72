"""General tools planned only where the operation means something.

A general tool (compare, total, average, rank, set operations, conversion ...) takes values domain steps produced,
never what another general tool computed, as an *operand group*: one output field of one tool asked of several
entities with everything else the same (:mod:`dive_assets.synthesis.operands`). A group is used only when an
output the grammar can ask (:data:`dive_assets.synthesis.compose.GRAMMAR`) means something over it, decided from
the field's declared quantity (:func:`tool_catalog.quantities.meaningful`): sums of additive quantities, ratios of
ratio-scale ones, differences never of ranks, averages and spreads of three or more values, nothing of
identifiers; operands equal to one another are never combined.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from dive_assets.synthesis.compose import GRAMMAR, OPERATIONS
from dive_assets.synthesis.operands import PLACE, OperandGroup, cohort, incomparable, operand_group, refusal
from dive_assets.synthesis.policy.known import (
    Known,
    KnownView,
    PlannedCall,
    SideFit,
    finish_plan,
    known_view,
    same_field_groups,
    stated_value,
)
from dive_assets.synthesis.records import Provenance
from tool_catalog.names import Mention, bare
from tool_catalog.ports import render_stated
from tool_catalog.quantities import Operation, Quantity
from tool_catalog.registry import get_tool
from tool_catalog.spec import ToolSpec


def groups(view: KnownView, list_valued: bool = False) -> list[tuple[OperandGroup, list[Known]]]:
    """Every operand group the trace holds: numeric fields (or list-valued fields) of domain steps, grouped by tool
    and field, then by the arguments they share, newest first."""
    if list_valued:
        held = [k for k in view if k.provenance.source == "step" and not k.general and isinstance(k.value, list)]
    else:
        held = view.list_items("number_list")
    out: list[tuple[OperandGroup, list[Known]]] = []
    for same_field in same_field_groups(held):
        if len(same_field) < 2 or not view.steps:
            continue
        tool = get_tool(same_field[0].tool or "")
        field = same_field[0].provenance.field or ""
        for members in _clusters(tool, same_field, view):
            group = operand_group(tool, field, [view.steps[k.provenance.step or 0] for k in members])
            if group is not None:
                out.append((group, members))
    return sorted(out, key=lambda g: -max(k.order for k in g[1]))


def _clusters(tool: ToolSpec, items: list[Known], view: KnownView) -> list[list[Known]]:
    """The items split by the arguments they share, for each way of choosing the varying slot."""
    slots: list[tuple[str, ...]] = [(p,) for p in tool.required_params if p not in PLACE]
    if all(p in tool.input_ports for p in PLACE):
        slots.append(PLACE)
    clusters: list[list[Known]] = []
    for slot in slots:
        by_context: dict[str, list[Known]] = {}
        for k in items:
            step = view.steps[k.provenance.step or 0]
            context = repr(sorted((n, repr(v)) for n, v in step.arguments.items() if n not in slot))
            by_context.setdefault(context, []).append(k)
        clusters.extend(c for c in by_context.values() if len(c) >= 2)
    return clusters


def meaningful_fields(tool: ToolSpec, group: OperandGroup) -> list[str]:
    """The outputs of a general tool the grammar can ask that mean something over the group."""
    if incomparable(group):
        return []
    fields = []
    for out_field in GRAMMAR.get(tool.name, {}):
        operation: Operation | None = OPERATIONS.get((tool.name, out_field))  # type: ignore[assignment]
        if operation == "sum" and group.over_time:
            continue  # the holidays of 2018 and 2024 added up: a total across times is not asked
        if operation == "ratio" and not (group.quantity() or Quantity("count")).additive:
            continue  # "how many times larger" of levels (elevations, temperatures) is not asked (compose._ratio)
        if (
            operation is None
            or group.tool.outputs[group.field].port == "string_list"
            or refusal(operation, group) is None
        ):
            fields.append(out_field)
    return fields


def plan_pair(
    tool: ToolSpec, params: list[str], known: Sequence[Known], rng: random.Random, done: set[str]
) -> PlannedCall | None:
    """Two values of one quantity of two entities (compare, a sum of two, a percentage change); over time, the
    earlier value first."""
    view = known_view(known)
    for group, members in groups(view):
        if not meaningful_fields(tool, group):
            continue
        pair = members[-2:]
        if tool.name == "percentage_change" and not group.over_time:
            continue  # a change is over time; between two entities a difference or a ratio says it
        if group.over_time and _duration(group):
            continue  # days until the next holiday seen from two dates: not a change anyone follows
        if group.over_time and group.tool.kind != "retrieval":
            continue  # a value computed from the date itself (days lived) changes by construction
        if group.over_time:
            pair = sorted(pair, key=lambda k: str(view.steps[k.provenance.step or 0].arguments[group.slot[0]]))
        else:  # the larger first: "how much greater is A than B" is asked of a positive difference
            pair = sorted(pair, key=lambda k: -float(k.value))
        plan = _pair_plan(tool, params, pair, done)
        if plan is not None:
            return plan
    return None


def _pair_plan(tool: ToolSpec, params: list[str], pair: list[Known], done: set[str]) -> PlannedCall | None:
    """The call of ``tool`` on two held values, in the order of its parameters."""
    arguments = {p: k.value for p, k in zip(params, pair, strict=True)}
    provenance = {p: k.provenance for p, k in zip(params, pair, strict=True)}
    depends = {k.provenance.step for k in pair if k.provenance.step is not None}
    return finish_plan(tool, arguments, provenance, max(k.order for k in pair), depends, done)


def _duration(group: OperandGroup) -> bool:
    quantity = group.quantity()
    return quantity is not None and quantity.kind == "[time]"


def plan_list(
    tool: ToolSpec,
    params: list[str],
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """One quantity of 3-5 entities as a list (totals, averages, spreads, ranks), the ranked value one of them, a
    parameter the asked outputs ignore from its samples; a ranking by name gets the entities' names as labels."""
    view = known_view(known)
    for group, members in groups(view):
        if len(members) < 3 and tool.name != "rank_by_value":
            continue
        size = rng.randint(min(3, len(members)), min(5, len(members)))
        chosen = members[-size:]
        sub = operand_group(group.tool, group.field, [view.steps[k.provenance.step or 0] for k in chosen])
        if sub is None or not meaningful_fields(tool, sub):
            continue
        if sub.over_time and sub.tool.kind != "retrieval":
            continue  # a value computed from the date itself (holidays skipped from a date) changes by construction
        if tool.name == "rank_by_value" and not sub.stated_slot:
            continue
        steps = [k.provenance.step for k in chosen if k.provenance.step is not None]
        arguments: dict[str, Any] = {}
        provenance: dict[str, Provenance] = {}
        values_param = next(p for p in params if tool.input_ports[p] == "number_list")
        arguments[values_param] = [k.value for k in chosen]
        provenance[values_param] = Provenance(source="steps", steps=steps, field=group.field)
        for param in params:
            if param in arguments:
                continue
            port_name = tool.input_ports[param]
            if port_name == "string_list":  # the names of the entities, as the question lists them
                arguments[param] = [_entity_name(sub, k) for k in range(len(chosen))]
                provenance[param] = Provenance(source="sample")
            elif param == "value":
                pick = rng.choice(chosen)
                arguments[param], provenance[param] = pick.value, pick.provenance
            else:
                value = stated_value(tool, param, port_name, rng, arguments, fits)
                if value is None:
                    break
                arguments[param], provenance[param] = value, Provenance(source="sample")
        else:
            plan = finish_plan(tool, arguments, provenance, max(k.order for k in chosen), set(steps), done)
            if plan is not None:
                return plan
    return None


def _entity_name(group: OperandGroup, index: int) -> str:
    step = group.steps[index]
    if group.slot == PLACE:
        return ", ".join(str(Mention.stated(p, step.arguments[p])) for p in PLACE)
    param = group.slot[0]
    port_name = group.tool.input_ports[param]
    value = step.arguments[param]
    mention = Mention.stated(port_name, value)
    # a name stands alone in a list of choices; a bare code does too ("H2O or C8H10N4O2", not "the formula H2O")
    name = mention.code if mention.text == render_stated(port_name, value) else mention.text
    framed = cohort(group)  # listed under the cohort's name: "the halogens fluorine, chlorine and bromine"
    return bare(name) if framed is not None and framed.frame != "{}" else name


def plan_sets(
    tool: ToolSpec, params: list[str], known: Sequence[Known], rng: random.Random, done: set[str]
) -> PlannedCall | None:
    """The same list-valued field of two entities (the official languages of two countries)."""
    view = known_view(known)
    for group, members in groups(view, list_valued=True):
        if incomparable(group) or group.over_time:
            continue  # the holidays two exchanges share, yes; the countries on holiday on two unrelated dates, no
        pair = members[-2:]
        if rng.random() < 0.5:
            pair = list(reversed(pair))
        if any(not k.value or not all(isinstance(v, str) for v in k.value) for k in pair):
            continue
        if not set(pair[0].value) & set(pair[1].value):  # lists with nothing in common: unrelated entities
            continue
        plan = _pair_plan(tool, params, pair, done)
        if plan is not None:
            return plan
    return None


PLANNERS = {
    "compare_numbers": "pair",
    "sum_two_numbers": "pair",
    "percentage_change": "pair",
    "aggregate_numbers": "list",
    "percentile_of_list": "list",
    "rank_of_value": "list",
    "rank_by_value": "list",
    "list_set_operations": "sets",
}
"""How each general tool is planned; a general tool not named here is never planned: no output of it is a question
the grammar asks meaningfully (products, sorted numbers, alphabetical order, counting true statements, a spread by
formula, a unit conversion or a search no question asks for), so a call of it could never be part of a task."""


def plan_general(
    tool: ToolSpec,
    params: list[str],
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    kind = PLANNERS.get(tool.name)
    if kind == "pair":
        return plan_pair(tool, params, known, rng, done)
    if kind == "list":
        return plan_list(tool, params, known, rng, done, fits)
    if kind == "sets":
        return plan_sets(tool, params, known, rng, done)
    return None
