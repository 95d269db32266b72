"""What a number measures: a unit that pint understands (money in its own dimension per ISO 4217 currency), a scale,
and whether a sum of it over several entities means something.

Meaning comes from the values' kinds, not from their names. A temperature is on an interval scale: differences mean
something, ratios and sums do not. Money is a ratio scale per currency: sums and ratios within one currency, never
across currencies. Counts add. Ranks, codes and zone numbers are not quantities. The planner of general tools
(compare, sum, average, ratio, ...) asks these declarations what an operation means (:func:`meaningful`), and the
realism gate checks them again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

Scale = Literal["ratio", "interval", "count", "ordinal", "identifier"]
"""ratio: a true zero (mass, distance, money; kelvin too, but temperatures are declared interval where sums and
ratios mean nothing); interval: differences only (°C, calendar years, dates, coordinates); count: whole things,
additive; ordinal: ranks and positions; identifier: numbers that name (codes, zone numbers, table ids)."""

Operation = Literal["sum", "difference", "ratio", "percent_change", "mean", "median", "spread", "extreme", "order"]

OPERAND = "operand"
"""The unit of a general tool's result that is in its operands' unit (a sum, a maximum, a difference)."""

CURRENCY = re.compile(r"^currency:(\{[a-z_][a-z0-9_]*\}|[A-Z]{3})$")
"""A money unit: ``currency:EUR``, or ``currency:{param}`` for the currency a parameter of the call names."""


@dataclass(frozen=True)
class Quantity:
    """What a numeric output field or parameter measures."""

    unit: str
    """A pint unit expression (``ft``, ``km``, ``degC``, ``g/mol``, ``mmol/L``, ``percent``, ``dimensionless``),
    ``count`` for a number of things, or a currency (:data:`CURRENCY`)."""
    scale: Scale = "ratio"
    additive: bool = False
    """A sum of it over several entities means something (populations, areas, counts, amounts of one currency);
    not for intensive quantities (densities, rates, temperatures, elevations, shares)."""

    def __post_init__(self) -> None:
        check_unit(self.unit)
        if self.additive and self.scale not in ("ratio", "count"):
            raise ValueError(f"a {self.scale} quantity cannot be additive (unit {self.unit!r})")

    def resolved(self, arguments: dict[str, Any]) -> Quantity:
        """The quantity of one call: a currency named by a parameter becomes that currency."""
        match = CURRENCY.match(self.unit)
        if match and match.group(1).startswith("{"):
            value = arguments.get(match.group(1)[1:-1])
            return Quantity(f"currency:{value}", self.scale, self.additive)
        return self

    @property
    def kind(self) -> str:
        """The physical kind: pint's dimensionality, ``count``, or ``currency:XXX`` (each currency its own)."""
        if self.unit in ("count", OPERAND) or CURRENCY.match(self.unit):
            return self.unit
        return str(_registry().parse_units(self.unit).dimensionality)


def quantity(unit: str, scale: Scale = "ratio", additive: bool = False) -> Quantity:
    return Quantity(unit, scale, additive)


@cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


@cache
def check_unit(unit: str) -> None:
    """Raise ValueError for a unit pint does not understand (``count`` and currencies are ours)."""
    if unit in ("count", OPERAND) or CURRENCY.match(unit):
        return
    try:
        _registry().parse_units(unit)
    except Exception as exc:  # pint raises several kinds of errors for a bad unit
        raise ValueError(f"unit {unit!r} is not a pint unit: {exc}") from None


COUNT = Quantity("count", "count")
ADDITIVE_COUNT = Quantity("count", "count", additive=True)
ORDINAL = Quantity("dimensionless", "ordinal")
IDENTIFIER = Quantity("dimensionless", "identifier")

PORT_QUANTITIES: dict[str, Quantity] = {
    "count": COUNT,
    "year": Quantity("year", "interval"),
    "latitude": Quantity("degree", "interval"),
    "longitude": Quantity("degree", "interval"),
    "temperature_k": Quantity("K", "interval"),
    "calling_code": IDENTIFIER,
    "codon_table_id": IDENTIFIER,
    "pubchem_cid": IDENTIFIER,
    "interest_rate": Quantity("dimensionless", "ratio"),
}
"""The quantity of every value of a port, where the port alone says it (an output or parameter may still declare
its own)."""


def meaningful(operation: Operation, quantities: list[Quantity]) -> str | None:
    """Why ``operation`` over values of these quantities means nothing, or None when it means something.

    Every operand must be the same kind in the same unit. Sums need an additive quantity; ratios and percentage
    changes a ratio scale (or money of one currency); differences, averages and spreads an interval or ratio scale
    or a count; extremes and orderings anything but an identifier. Identifiers and ranks are never computed on."""
    if not quantities:
        return "no operands"
    units = {q.unit for q in quantities}
    if len(units) > 1:
        return f"operands in different units {sorted(units)}"
    q = quantities[0]
    if q.scale == "identifier":
        return f"{q.unit} values are identifiers, not quantities"
    if operation == "sum" and not q.additive:
        return f"a sum of {q.scale}-scale {q.unit} values means nothing (not additive)"
    if operation in ("ratio", "percent_change") and q.scale != "ratio":
        return f"a {operation.replace('_', ' ')} of {q.scale}-scale {q.unit} values means nothing"
    if q.scale == "ordinal":
        return f"a {operation.replace('_', ' ')} of ranks or positions means nothing (1st is not a quantity)"
    if operation in ("mean", "median", "spread") and len(quantities) < 3:
        return f"a {operation} of {len(quantities)} value(s) says nothing (3 or more needed)"
    return None


UNIT_WORDS = {
    "1/km**2": "people per km²",
    "km²": "km²",
    "ft": "feet",
    "m": "meters",
    "km": "km",
    "mi": "miles",
    "km**2": "square kilometers",
    "kg": "kg",
    "g": "grams",
    "degC": "°C",
    "degF": "°F",
    "K": "kelvin",
    "hour": "hours",
    "minute": "minutes",
    "second": "seconds",
    "day": "days",
    "year": "years",
    "degree": "degrees",
    "percent": "percent",
    "g/mol": "g/mol",
    "Pa": "Pa",
    "kPa": "kPa",
    "1/cm**3": "atoms per cm³",
    "Da": "daltons",
}
"""How a question names a unit after "in" ("in feet", "in °C")."""


def unit_words(quantity: Quantity | None) -> str:
    if quantity is None or quantity.unit in ("count", "dimensionless"):
        return ""
    if quantity.unit.startswith("currency:"):
        return quantity.unit.split(":", 1)[1]
    if quantity.unit in UNIT_WORDS:
        return UNIT_WORDS[quantity.unit]
    return quantity.unit.replace("**2", "²").replace("**3", "³")  # "g/cm**3" as people write it: g/cm³
