"""Operands of a general tool: the same question asked of several entities.

A comparison, total or ranking means something when its operands are one output field of one tool, asked of
different entities with everything else the same: the population of Kenya, Uganda and Tanzania; the EUR/USD rate on
two dates. :func:`operand_group` finds that structure in a set of steps — the *slot* (the parameter, or the
latitude/longitude pair, that varies), the *context* (the parameters all steps share) — and :func:`refusal` says
why an operation over it would mean nothing (different kinds or units, a sum of an intensive quantity, equal values,
too few values for a statistic).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from dive_assets.synthesis.records import Step
from tool_catalog.cohorts import Cohort, closed, common_cohort
from tool_catalog.ports import get_port
from tool_catalog.quantities import Operation, Quantity, meaningful
from tool_catalog.spec import ToolSpec

PLACE = ("latitude", "longitude")
TIME_PORTS = frozenset({"date", "year", "datetime"})
NAMED_PORTS = frozenset(
    {
        "airport_name",
        "cas_number",
        "celestial_body",
        "chemical_formula",
        "chemical_name",
        "city_name",
        "constellation",
        "country_alpha3",
        "country_code",
        "country_name",
        "currency_code",
        "element_symbol",
        "exchange_code",
        "iata_code",
        "icao_code",
        "language_code",
        "language_name",
        "pubchem_cid",
        "restriction_enzyme",
        "star_name",
        "subdivision_code",
        "timezone",
    }
)
"""Ports whose values are named things people compare (countries, airports, compounds, elements, currencies ...):
a comparison or total across arbitrary sequences, words or grid cells (the molecular weights of two made-up DNA
strings, the cell heights of two geohashes) answers nothing anyone asks."""


@dataclass(frozen=True)
class OperandGroup:
    """Steps that ask one field of one tool about different entities."""

    tool: ToolSpec
    field: str
    steps: tuple[Step, ...]
    slot: tuple[str, ...]
    """The parameters that vary: one parameter, or the latitude/longitude pair (a place)."""

    @property
    def values(self) -> list[Any]:
        return [(s.output or {}).get(self.field) for s in self.steps]

    @property
    def context(self) -> dict[str, Any]:
        """The arguments every step shares."""
        first = self.steps[0].arguments
        return {k: v for k, v in first.items() if k not in self.slot}

    @property
    def over_time(self) -> bool:
        """The slot is a date or a year: the same entity at several times."""
        return len(self.slot) == 1 and self.tool.input_ports.get(self.slot[0]) in TIME_PORTS

    @property
    def stated_slot(self) -> bool:
        """Every step states its slot value (none comes from an earlier step)."""
        return all((prov := s.provenance.get(p)) is None or not prov.produced for s in self.steps for p in self.slot)

    def quantity(self) -> Quantity | None:
        """The field's quantity, resolved for the calls (a currency named by a parameter), if all agree."""
        declared = self.tool.outputs[self.field].resolved_quantity()
        if declared is None:
            return None
        resolved = {declared.resolved(s.arguments) for s in self.steps}
        return resolved.pop() if len(resolved) == 1 else None


def slot_of(tool: ToolSpec, arguments: Sequence[dict[str, Any]]) -> tuple[str, ...] | None:
    """The parameters in which the calls differ, when they are one entity (a chainable port, a date or year, a
    place); None when they differ in anything else (two numbers, an entity and a date ...) or not at all."""
    if len(arguments) < 2:
        return None
    names = set().union(*(a.keys() for a in arguments))
    differing = tuple(sorted(k for k in names if any(a.get(k) != arguments[0].get(k) for a in arguments)))
    if differing == PLACE or set(differing) == set(PLACE):
        return PLACE
    if len(differing) != 1:
        return None
    port_name = tool.input_ports.get(differing[0], "")
    if port_name in TIME_PORTS or (port_name and get_port(port_name).chainable and port_name not in PLACE):
        return differing
    return None


def operand_group(tool: ToolSpec, field: str, steps: Sequence[Step]) -> OperandGroup | None:
    """The steps as an operand group (same tool, successful, one varying entity, distinct values), or None."""
    if len(steps) < 2 or any(s.tool_name != tool.name or not s.ok for s in steps):
        return None
    slot = slot_of(tool, [s.arguments for s in steps])
    if slot is None:
        return None
    group = OperandGroup(tool, field, tuple(steps), slot)
    values = group.values
    if any(v is None for v in values) or len({repr(v) for v in values}) < len(values):
        return None
    entities = {tuple(repr(s.arguments.get(p)) for p in slot) for s in steps}
    return group if len(entities) == len(steps) else None


def trend_trivia(consumer: str, group: OperandGroup) -> str | None:
    """Why ranking the group by name is trivia: which of the alkali metals lithium and rubidium has the lower
    ionization energy follows from the periodic trend (:attr:`tool_catalog.spec.Output.trend`), or None."""
    if consumer == "rank_by_value" and group.tool.outputs[group.field].trend:
        return f"which element has the most {group.tool.outputs[group.field].measure} follows the periodic trend"
    return None


OBVIOUS_LEAD = 1.3
"""A ranking by name is asked only where the first is less than this many times the runner-up: of Bulgaria, Bosnia
and Herzegovina and Albania, Bulgaria (twice the next) is the largest by a glance at a map; of Japan, Germany and
Italy, Italy (1.33 times fewer people than Germany) the least populous by common knowledge."""


def obvious_extreme(consumer: str, field: str | None, group: OperandGroup) -> str | None:
    """Why asking which entity has the highest (lowest) value is guessable without the tool: the value's rough size
    is known (:attr:`tool_catalog.spec.Output.known_scale`) and it leads the others by :data:`OBVIOUS_LEAD` times or
    more. None for other questions, and for values that are not all positive."""
    if (consumer, field) in (("aggregate_numbers", "maximum"), ("aggregate_numbers", "minimum")):
        field = "highest" if field == "maximum" else "lowest"  # the largest value is then one lookup's
    elif consumer != "rank_by_value" or field not in ("highest", "lowest", "descending"):
        return None
    if not group.tool.outputs[group.field].known_scale:
        return None
    values = sorted(v for v in group.values if isinstance(v, int | float) and not isinstance(v, bool))
    if len(values) < 2 or len(values) != len(group.values) or values[0] <= 0:
        return None
    if field == "descending":  # the whole order is guessed when each value leads the next by that much
        lead = min(high / low for low, high in pairwise(values))
    else:
        lead = values[-1] / values[-2] if field == "highest" else values[1] / values[0]
    if lead >= OBVIOUS_LEAD:
        return f"the {field} value leads the next by {lead:.1f} times: which entity it is can be guessed"
    return None


def refusal(operation: Operation, group: OperandGroup) -> str | None:
    """Why ``operation`` over the group means nothing (see :func:`tool_catalog.quantities.meaningful`), or None."""
    quantity = group.quantity()
    if quantity is None:
        return f"{group.tool.name}.{group.field} declares no single quantity for these calls"
    if not group.tool.outputs[group.field].alone and operation not in ("ratio", "percent_change", "extreme", "order"):
        # countryinfo's populations: which is larger and by how many times holds, an exact difference does not
        return f"{group.tool.outputs[group.field].measure} of no single year: compared by ratio or rank only"
    if group.slot != PLACE and (operation == "sum" or len(group.steps) > 2):
        whole = cohort(group)
        taken = {s.arguments.get(group.slot[0]) for s in group.steps}
        if operation == "sum" and (whole is None or whole.frame == "{}" or taken != set(whole.members)):
            # the area of the Baltic states; not of two of Serbia's neighbours, nor of Kenya and Uganda
            return "a total answers something only over a whole named group"
        if operation != "sum" and whole is not None and closed(whole) and taken < set(whole.members):
            # "the group 14 elements carbon, lead, silicon and germanium" leaves out tin, the group's lowest
            return f"{len(taken)} of a named group of {len(whole.members)}: the group's own answer may be left out"
    return meaningful(operation, [quantity] * len(group.steps))


def cohort(group: OperandGroup) -> Cohort | None:
    """Why the group's entities are compared (:func:`tool_catalog.cohorts.common_cohort`: London's airports, the
    Baltic states, one rate on several dates), or None when nothing but the draw put them together."""
    tool = group.tool
    port_name = tool.input_ports.get(group.slot[0], "")
    over_money = "currency_code" in tool.input_ports.values() and tool.outputs[group.field].port == "number"
    return common_cohort(port_name, [s.arguments.get(group.slot[0]) for s in group.steps], over_money)


def incomparable(group: OperandGroup) -> str | None:
    """Why people would not compare or total the group's values, or None when they would.

    One question asked of several named entities, each named in the question (countries, airports, compounds:
    :data:`NAMED_PORTS`; not made-up DNA strings, and not a country some other lookup found), or of one entity at
    several times: besides the varying entity only a date or year may be given (the population of Kenya and Uganda
    in 2024; not melting temperatures at two salt concentrations). The values are a named physical quantity, money
    or a count people total and compare (people, public holidays, airports of a country: declared additive) or,
    over time, any measured value (an exchange rate on two dates): not a dimensionless score (an alignment score, a
    skew) or a count that describes one thing (the isoschizomers of an enzyme, the notes of a code). Whether a sum
    or a ratio of them means something is :func:`refusal`'s question."""
    tool, out = group.tool, group.tool.outputs[group.field]
    if group.slot != PLACE and not group.stated_slot:
        # the country where some airport is, against Canada: two unrelated questions joined (a place is always
        # found: the location of a city or airport the question names)
        return "the entities compared are not all named in the question (one is found by another lookup)"
    if group.slot != PLACE and not group.over_time:
        slot_port = tool.input_ports.get(group.slot[0], "")
        if slot_port not in NAMED_PORTS:
            return f"values for arbitrary {slot_port} inputs are not compared (no named entity varies)"
    if group.slot != PLACE and cohort(group) is None:
        return (
            f"the {tool.input_ports.get(group.slot[0], '')} values compared share no cohort: no reason to compare them"
        )
    others = [p for p in tool.required_params if p not in group.slot]
    if not group.over_time and any(tool.input_ports.get(p) not in TIME_PORTS for p in others):
        return f"{tool.name} also depends on {', '.join(others)}: not one question asked of several entities"
    if not out.measure:
        return f"{tool.name}.{group.field} names no measure"
    if not out.askable:  # what no one asks of one entity is not compared across several either
        return f"{tool.name}.{group.field} is not something people ask"
    for other in out.alike:
        if len({repr((s.output or {}).get(other)) for s in group.steps}) > 1:
            return f"the {out.measure} values compared differ in {other}: not like for like"
    if out.port == "string_list":
        return None
    quantity = group.quantity()
    if quantity is None:
        return f"{tool.name}.{group.field} declares no single quantity"
    if quantity.scale == "count" and not quantity.additive and not group.over_time:
        # isoschizomers of enzymes, ECB fixings of currencies: trivia no one compares; a count people compare
        # across entities (people, public holidays, airports of a country) is declared additive
        return f"a count that describes one thing ({out.measure}) is not compared across entities"
    if quantity.unit == "dimensionless" and not group.over_time:
        return f"a dimensionless score ({out.measure}) is not compared across entities"
    return None
