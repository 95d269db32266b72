"""Unit conversion with pint, and tools on one or two numbers: compare, add, multiply, percentage change and
rounding to significant digits."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.general.common import DOMAIN, MAX_ABS, finite, sig
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, OPERAND, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


def _number_field(description: str, samples: list[Any]) -> Any:
    return Field(
        description=description,
        ge=-MAX_ABS,
        le=MAX_ABS,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=quantity(OPERAND), samples=samples),
    )


# --- units ------------------------------------------------------------------------------------------

# A product/quotient of unit names with small integer powers: "km/h", "m/s^2", "g / cm**3", "N m", "°C".
_UNIT_NAME = r"[A-Za-z°µΩ_][A-Za-z0-9°µΩ_]*"
_UNIT_POWER = r"(?:(?:\^|\*\*)-?[1-9])?"
_UNIT_PATTERN = rf"^{_UNIT_NAME}{_UNIT_POWER}(?:(?: ?[*/] ?| per | ){_UNIT_NAME}{_UNIT_POWER}){{0,5}}$"
_LENGTH_UNITS = ["mi", "km", "ft", "m", "yd", "nmi"]


@cache
def _unit_registry() -> Any:
    import pint

    return pint.UnitRegistry()


class UnitConversion(BaseModel):
    value: float = _number_field("The quantity's magnitude.", [1, 2.5, 10, 42, 100, 1000])
    from_unit: str = Field(
        description="Unit of the value as a pint unit name or symbol, e.g. 'mile', 'km/h', 'degF', 'atm'.",
        max_length=60,
        pattern=_UNIT_PATTERN,
        json_schema_extra=port("unit", samples=_LENGTH_UNITS),
    )
    to_unit: str = Field(
        description="Target unit with the same dimensionality, e.g. 'kilometer', 'mph', 'degC', 'psi'.",
        max_length=60,
        pattern=_UNIT_PATTERN,
        json_schema_extra=port("unit", samples=_LENGTH_UNITS),
    )


def _parse_unit(text: str, name: str) -> Any:
    import pint

    try:
        return _unit_registry().parse_units(text)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError, KeyError, SyntaxError):
        raise ToolInputError(f"{name} {text!r} is not a unit pint knows") from None


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pint",
    description="Convert a value between physical units of the same dimension with pint (length, mass, "
    "temperature, speed, pressure, energy, volume ...), e.g. 55 mph to km/h or 100 degF to degC.",
    outputs={
        "converted": Output(
            "number", "{value} {from_unit} expressed in {to_unit}", askable=False, quantity=quantity(OPERAND)
        )
    },
    examples=[
        {"value": 55, "from_unit": "mph", "to_unit": "km/h"},
        {"value": 100, "from_unit": "degF", "to_unit": "degC"},
        {"value": 1, "from_unit": "atm", "to_unit": "psi"},
        {"value": 26.2, "from_unit": "mile", "to_unit": "kilometer"},
    ],
)
def convert_unit(p: UnitConversion) -> dict:
    import pint

    source, target = _parse_unit(p.from_unit, "from_unit"), _parse_unit(p.to_unit, "to_unit")
    try:
        quantity = _unit_registry().Quantity(p.value, source)
        absolute = quantity.dimensionality == {"[temperature]": 1} and "delta" not in str(source)
        if absolute and quantity.to("kelvin").magnitude < 0:
            raise ToolInputError(f"{p.value:g} {p.from_unit} is below absolute zero")
        converted = quantity.to(target).magnitude
    except ToolInputError:
        raise
    except pint.errors.DimensionalityError:
        raise ToolInputError(f"cannot convert {p.from_unit!r} to {p.to_unit!r}: different dimensions") from None
    except (pint.errors.PintError, ValueError, TypeError, ZeroDivisionError, OverflowError) as exc:
        raise ToolInputError(f"cannot convert {p.from_unit!r} to {p.to_unit!r}: {exc}"[:200]) from None
    return {"converted": sig(finite(float(converted), "the converted value"), 8)}


# --- numbers ----------------------------------------------------------------------------------------

_A_SAMPLES = [3.5, 12, 100, 2.718, 42, 1500, 0.25]
_B_SAMPLES = [7, 4.2, 250, 3.14159, 40, 980, 0.5]


class NumberPair(BaseModel):
    a: float = _number_field("First number.", _A_SAMPLES)
    b: float = _number_field("Second number.", _B_SAMPLES)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Compare two numbers a and b: the larger one, the difference a - b, the ratio a / b and "
    "whether a is greater than b.",
    outputs={
        "larger": Output("number", "the larger of {a} and {b}", askable=False, quantity=quantity(OPERAND)),
        "difference": Output(
            "number", "the difference obtained by subtracting {b} from {a}", quantity=quantity(OPERAND)
        ),
        "ratio": Output("number", "the ratio of {a} to {b}", quantity=quantity("dimensionless")),
        "a_is_greater": Output("boolean", "whether {a} is greater than {b}"),
    },
    examples=[{"a": 5570.2, "b": 9554.1}, {"a": 12, "b": -3}],
)
def compare_numbers(p: NumberPair) -> dict:
    if p.b == 0:
        raise ToolInputError("b is 0, so the ratio a / b is undefined")
    return {
        "larger": max(p.a, p.b),
        "difference": sig(finite(p.a - p.b, "a - b")),
        "ratio": sig(finite(p.a / p.b, "a / b")),
        "a_is_greater": p.a > p.b,
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Add two numbers: their sum and their mean (average).",
    outputs={
        "sum": Output("number", "the sum of {a} and {b}", quantity=quantity(OPERAND)),
        "mean": Output("number", "the average of {a} and {b}", askable=False, quantity=quantity(OPERAND)),
    },
    examples=[{"a": 3.5, "b": 7}, {"a": -12, "b": 40.25}],
)
def sum_two_numbers(p: NumberPair) -> dict:
    total = finite(p.a + p.b, "a + b")
    return {"sum": sig(total), "mean": sig(total / 2)}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Multiply two numbers and return their product.",
    outputs={"product": Output("number", "the product of {a} and {b}", askable=False, quantity=quantity(OPERAND))},
    examples=[{"a": 12, "b": 4.2}, {"a": 1500, "b": 0.25}],
)
def multiply_numbers(p: NumberPair) -> dict:
    return {"product": sig(finite(p.a * p.b, "a * b"))}


class Change(BaseModel):
    old: float = _number_field("The original (reference) value.", [80, 120, 2.5, 1000, 45.6, 19.99])
    new: float = _number_field("The new value.", [100, 90, 3.1, 1250, 40, 24.99])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Percentage change from an old value to a new value: (new - old) / |old| * 100, rounded to 4 decimals.",
    outputs={
        "percent_change": Output("number", "the percentage change from {old} to {new}", quantity=quantity("percent"))
    },
    examples=[{"old": 80, "new": 100}, {"old": 120, "new": 90}],
)
def percentage_change(p: Change) -> dict:
    if p.old == 0:
        raise ToolInputError("old is 0, so the percentage change is undefined")
    return {"percent_change": round(finite((p.new - p.old) / abs(p.old) * 100, "the percentage change"), 4)}


class Significant(BaseModel):
    value: float = _number_field(
        "The number to round.", [3.14159265, 299792.458, 0.000123456, 6.02214076e23, 1234567, 9.80665]
    )
    digits: int = Field(
        description="Number of significant digits to keep (1-15).",
        ge=1,
        le=15,
        json_schema_extra=port("integer", quantity=COUNT, samples=[1, 2, 3, 4, 5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Round a number to N significant digits; also return it in scientific notation.",
    outputs={
        "rounded": Output(
            "number", "{value} rounded to {digits} significant digits", askable=False, quantity=quantity(OPERAND)
        ),
        "scientific": Output("label", "{value} in scientific notation with {digits} significant digits", askable=False),
    },
    examples=[{"value": 299792.458, "digits": 3}, {"value": 0.000123456, "digits": 2}],
)
def round_significant(p: Significant) -> dict:
    return {"rounded": float(f"{p.value:.{p.digits}g}"), "scientific": f"{p.value:.{p.digits - 1}e}"}
