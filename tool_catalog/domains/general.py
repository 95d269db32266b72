"""General tools any toolset may add, as in DIVE: safe arithmetic, dates, units, comparison and aggregation.

These tools are domain-free helpers (stdlib, python-dateutil, pint). They declare no seed sources: the
policy feeds them numbers and dates produced by the domain tools of a toolset, or their documented samples.
The calculator never uses eval/exec: it walks a whitelisted Python ``ast`` with size and magnitude limits.
"""

from __future__ import annotations

import ast
import datetime as dt
import math
import statistics
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.ports import define_port, port
from tool_catalog.registry import tool
from tool_catalog.spec import GENERAL_DOMAIN, Output, ToolInputError

DOMAIN = GENERAL_DOMAIN

define_port(
    "math_expression",
    "an arithmetic expression with numbers, + - * / // % **, parentheses and basic math functions",
    "string",
    "{value}",
    chainable=False,
)

# Bounds that keep every call small, finite and fast whatever the arguments.
MAX_ABS = 1e100
"""Largest magnitude accepted for any input number or intermediate result."""
MAX_EXPRESSION_CHARS = 200
MAX_PAREN_DEPTH = 20
MAX_AST_DEPTH = 100
MAX_EXPONENT = 1000
MAX_FUNCTION_ARGS = 50
MAX_LIST_ITEMS = 1000

_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATE_SAMPLES = ["2024-02-29", "2025-01-01", "2023-07-14", "2000-01-01", "2019-10-31", "2026-03-15"]


def _finite(value: float, what: str) -> float:
    if isinstance(value, float) and not math.isfinite(value):
        raise ToolInputError(f"{what} is not a finite number")
    if abs(value) > MAX_ABS:
        raise ToolInputError(f"{what} exceeds the magnitude limit of {MAX_ABS:g}")
    return value


def _sig(value: float, digits: int = 10) -> float:
    """Round to ``digits`` significant digits (floats only; keeps outputs stable)."""
    return float(f"{value:.{digits}g}")


def _number_field(description: str, samples: list[Any]) -> Any:
    return Field(
        description=description,
        ge=-MAX_ABS,
        le=MAX_ABS,
        allow_inf_nan=False,
        json_schema_extra=port("number", samples=samples),
    )


# --- safe calculator ---------------------------------------------------------------------------------


def _check_number(value: Any) -> int | float:
    if isinstance(value, complex):
        raise ToolInputError("the result is a complex number; only real arithmetic is supported")
    if isinstance(value, float) and not math.isfinite(value):
        raise ToolInputError("the result is not a finite number (overflow or undefined operation)")
    if abs(value) > MAX_ABS:
        raise ToolInputError(f"an intermediate result exceeds the magnitude limit of {MAX_ABS:g}")
    return value


def _power(base: int | float, exponent: int | float) -> int | float:
    if abs(exponent) > MAX_EXPONENT:
        raise ToolInputError(f"exponent {exponent:g} exceeds the limit of {MAX_EXPONENT}")
    if isinstance(base, int) and isinstance(exponent, int) and exponent >= 0:
        if abs(base) > 1 and exponent * math.log10(abs(base)) > math.log10(MAX_ABS):
            raise ToolInputError(f"{base} ** {exponent} exceeds the magnitude limit of {MAX_ABS:g}")
        return base**exponent
    try:
        return math.pow(base, exponent)
    except OverflowError:
        raise ToolInputError(f"{base:g} ** {exponent:g} overflows") from None
    except (ValueError, ZeroDivisionError):
        raise ToolInputError(f"{base:g} ** {exponent:g} is undefined for real numbers") from None


def _round(x: int | float, ndigits: int | float = 0) -> int | float:
    if not isinstance(ndigits, int) or not -15 <= ndigits <= 15:
        raise ToolInputError("round(x, n) needs a whole number n between -15 and 15")
    return round(x, ndigits) if ndigits else round(x)


def _log(x: int | float, base: int | float | None = None) -> float:
    return math.log(x) if base is None else math.log(x, base)


def _extreme(pick: Any) -> Any:
    def fn(*args: int | float) -> int | float:
        if not args:
            raise ToolInputError("min() and max() need at least one argument")
        return pick(args)

    return fn


# name -> (function, minimum arguments, maximum arguments)
_FUNCTIONS: dict[str, tuple[Any, int, int]] = {
    "sqrt": (math.sqrt, 1, 1),
    "log": (_log, 1, 2),
    "log10": (math.log10, 1, 1),
    "exp": (math.exp, 1, 1),
    "sin": (math.sin, 1, 1),
    "cos": (math.cos, 1, 1),
    "tan": (math.tan, 1, 1),
    "abs": (abs, 1, 1),
    "round": (_round, 1, 2),
    "min": (_extreme(min), 1, MAX_FUNCTION_ARGS),
    "max": (_extreme(max), 1, MAX_FUNCTION_ARGS),
}
_CONSTANTS: dict[str, float] = {"pi": math.pi, "e": math.e}


def _binary(op: ast.operator, left: int | float, right: int | float) -> int | float:
    try:
        if isinstance(op, ast.Add):
            return left + right
        if isinstance(op, ast.Sub):
            return left - right
        if isinstance(op, ast.Mult):
            return left * right
        if isinstance(op, ast.Div):
            return left / right
        if isinstance(op, ast.FloorDiv):
            return left // right
        if isinstance(op, ast.Mod):
            return left % right
        if isinstance(op, ast.Pow):
            return _power(left, right)
    except ZeroDivisionError:
        raise ToolInputError("division by zero") from None
    except OverflowError:
        raise ToolInputError("arithmetic overflow") from None
    if isinstance(op, ast.BitXor):
        raise ToolInputError("'^' is not supported; write powers as '**'")
    raise ToolInputError(f"operator {type(op).__name__} is not supported")


def _evaluate(node: ast.AST, depth: int = 0) -> int | float:
    if depth > MAX_AST_DEPTH:
        raise ToolInputError(f"the expression is nested more than {MAX_AST_DEPTH} levels deep")
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, depth + 1)
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ToolInputError(f"only numeric literals are allowed, got {value!r}"[:120])
        return _check_number(value)
    if isinstance(node, ast.Name):
        if node.id not in _CONSTANTS:
            raise ToolInputError(f"unknown name {node.id!r}; allowed constants are pi and e")
        return _CONSTANTS[node.id]
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, depth + 1)
        if isinstance(node.op, ast.USub):
            return -operand
        if isinstance(node.op, ast.UAdd):
            return operand
        raise ToolInputError(f"unary operator {type(node.op).__name__} is not supported")
    if isinstance(node, ast.BinOp):
        left = _evaluate(node.left, depth + 1)
        right = _evaluate(node.right, depth + 1)
        return _check_number(_binary(node.op, left, right))
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCTIONS:
            name = node.func.id if isinstance(node.func, ast.Name) else type(node.func).__name__
            raise ToolInputError(f"function {name!r} is not allowed; use one of {', '.join(sorted(_FUNCTIONS))}")
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            raise ToolInputError("functions take plain positional arguments only")
        fn, low, high = _FUNCTIONS[node.func.id]
        if not low <= len(node.args) <= high:
            raise ToolInputError(f"{node.func.id}() takes {low} to {high} arguments, got {len(node.args)}")
        args = [_evaluate(a, depth + 1) for a in node.args]
        try:
            return _check_number(fn(*args))
        except ToolInputError:
            raise
        except (ValueError, ZeroDivisionError):
            raise ToolInputError(f"{node.func.id}() is undefined for arguments {args}"[:200]) from None
        except OverflowError:
            raise ToolInputError(f"{node.func.id}() overflows for arguments {args}"[:200]) from None
    raise ToolInputError(f"unsupported syntax in expression: {type(node).__name__}")


def evaluate_expression(expression: str) -> int | float:
    """Evaluate an arithmetic expression safely (whitelisted AST; no eval)."""
    text = expression.strip()
    if not text:
        raise ToolInputError("the expression is empty")
    if len(text) > MAX_EXPRESSION_CHARS:
        raise ToolInputError(f"the expression is longer than {MAX_EXPRESSION_CHARS} characters")
    if "__" in text:
        raise ToolInputError("names with double underscores are not allowed")
    depth = deepest = 0
    for char in text:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    if deepest > MAX_PAREN_DEPTH:
        raise ToolInputError(f"parentheses are nested more than {MAX_PAREN_DEPTH} levels deep")
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise ToolInputError(f"the expression is not valid arithmetic: {exc}"[:200]) from None
    try:
        value = _evaluate(tree)
    except RecursionError:
        raise ToolInputError("the expression is nested too deeply") from None
    if isinstance(value, int) and abs(value) >= 2**63:  # keep int64-sized integers exact
        return float(value)
    return _sig(value) if isinstance(value, float) else value


class Expression(BaseModel):
    expression: str = Field(
        description="Arithmetic expression, e.g. '2 * (3 + 4) ** 2' or 'sqrt(2) / 3'. Allowed: numbers, "
        "+ - * / // % **, parentheses, pi, e and sqrt, log, log10, exp, sin, cos, tan, abs, round, min, max.",
        min_length=1,
        max_length=2000,
        json_schema_extra=port(
            "math_expression",
            samples=[
                "2 * (3 + 4) ** 2",
                "sqrt(144) + 3 / 4",
                "round(exp(1), 4)",
                "max(3, 7.5, -2) - min(4, 9)",
                "17 // 5 + 17 % 5",
                "log(1000, 10) * cos(0)",
                "(1 + 0.05) ** 10",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Evaluate an arithmetic expression safely: numbers, + - * / // % ** (bounded), parentheses, "
    "constants pi and e, and the functions sqrt, log, log10, exp, sin, cos, tan, abs, round, min, max.",
    outputs={"result": Output("number", "the value of the arithmetic expression {expression}")},
    examples=[{"expression": "2 * (3 + 4) ** 2"}, {"expression": "round(sqrt(2) * 100, 2)"}],
)
def calculator(p: Expression) -> dict:
    return {"result": evaluate_expression(p.expression)}


# --- dates ------------------------------------------------------------------------------------------


def _parse_date(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ToolInputError(f"{name} {value!r} is not a valid calendar date (YYYY-MM-DD)") from None


def _date_field(description: str, samples: list[str] = _DATE_SAMPLES) -> Any:
    return Field(description=description, pattern=_DATE_PATTERN, json_schema_extra=port("date", samples=samples))


class DateShift(BaseModel):
    date: str = _date_field("Start date in ISO format YYYY-MM-DD.")
    days: int = Field(
        description="Number of days to add (negative to go back).",
        ge=-1_000_000,
        le=1_000_000,
        json_schema_extra=port("integer", samples=[1, 7, 10, 30, 90, 100, 365, 1000]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Add a number of days to a date (negative days go back) and return the resulting ISO date.",
    outputs={"date": Output("date", "the date {days} days after {date}")},
    examples=[{"date": "2024-02-28", "days": 2}, {"date": "2025-01-01", "days": -1}],
)
def date_add_days(p: DateShift) -> dict:
    start = _parse_date(p.date, "date")
    try:
        return {"date": (start + dt.timedelta(days=p.days)).isoformat()}
    except OverflowError:
        raise ToolInputError(f"{p.date} plus {p.days} days falls outside years 1-9999") from None


class MonthShift(BaseModel):
    date: str = _date_field("Start date in ISO format YYYY-MM-DD.")
    months: int = Field(
        description="Number of calendar months to add (negative to go back).",
        ge=-100_000,
        le=100_000,
        json_schema_extra=port("integer", samples=[1, 3, 6, 12, 18, 24]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-dateutil",
    description="Add calendar months to a date; the day is clipped to the end of a shorter month "
    "(2024-01-31 plus 1 month is 2024-02-29).",
    outputs={"date": Output("date", "the date {months} calendar months after {date}")},
    examples=[{"date": "2024-01-31", "months": 1}, {"date": "2023-11-15", "months": 3}],
)
def date_add_months(p: MonthShift) -> dict:
    from dateutil.relativedelta import relativedelta

    start = _parse_date(p.date, "date")
    try:
        return {"date": (start + relativedelta(months=p.months)).isoformat()}
    except (OverflowError, ValueError):
        raise ToolInputError(f"{p.date} plus {p.months} months falls outside years 1-9999") from None


class DatePair(BaseModel):
    start_date: str = _date_field(
        "First date (YYYY-MM-DD).", ["2024-01-01", "2000-01-01", "2023-03-15", "2019-07-04", "2025-06-30"]
    )
    end_date: str = _date_field(
        "Second date (YYYY-MM-DD).", ["2024-12-25", "2025-01-01", "2026-02-14", "2024-07-04", "2030-01-01"]
    )


def _weekdays_between(start: dt.date, end: dt.date) -> int:
    """Monday-Friday days in [start, end), negative when end precedes start (as numpy.busday_count)."""
    if end < start:
        return -_weekdays_between(end, start)
    total = (end - start).days
    weeks, rest = divmod(total, 7)
    first = start.weekday()
    return weeks * 5 + sum(1 for i in range(rest) if (first + i) % 7 < 5)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Count the days from start_date to end_date (negative if end_date is earlier) and the "
    "weekdays (Monday-Friday) in that span, counting start_date but not end_date.",
    outputs={
        "days": Output("number", "the number of days from {start_date} to {end_date}"),
        "weekdays": Output(
            "number", "the number of weekdays (Monday to Friday) from {start_date} up to but excluding {end_date}"
        ),
    },
    examples=[
        {"start_date": "2024-01-01", "end_date": "2024-12-25"},
        {"start_date": "2025-03-10", "end_date": "2025-03-03"},
    ],
)
def days_between_dates(p: DatePair) -> dict:
    start, end = _parse_date(p.start_date, "start_date"), _parse_date(p.end_date, "end_date")
    return {"days": (end - start).days, "weekdays": _weekdays_between(start, end)}


class SingleDate(BaseModel):
    date: str = _date_field("Date in ISO format YYYY-MM-DD.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Calendar facts of a date: English weekday name, ISO week number, day of the year, quarter and "
    "whether its year is a leap year.",
    outputs={
        "weekday": Output("weekday", "the day of the week of {date}"),
        "iso_week": Output("integer", "the ISO 8601 week number of {date}"),
        "day_of_year": Output("integer", "the day of the year of {date}"),
        "quarter": Output("integer", "the calendar quarter of {date}"),
        "is_leap_year": Output("boolean", "whether the year of {date} is a leap year"),
    },
    examples=[{"date": "2024-02-29"}, {"date": "2021-01-03"}],
)
def date_weekday(p: SingleDate) -> dict:
    import calendar

    day = _parse_date(p.date, "date")
    return {
        "weekday": calendar.day_name[day.weekday()],
        "iso_week": day.isocalendar().week,
        "day_of_year": day.timetuple().tm_yday,
        "quarter": (day.month - 1) // 3 + 1,
        "is_leap_year": calendar.isleap(day.year),
    }


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
    outputs={"converted": Output("number", "{value} {from_unit} expressed in {to_unit}")},
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
    return {"converted": _sig(_finite(float(converted), "the converted value"), 8)}


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
        "larger": Output("number", "the larger of {a} and {b}"),
        "difference": Output("number", "the difference obtained by subtracting {b} from {a}"),
        "ratio": Output("number", "the ratio of {a} to {b}"),
        "a_is_greater": Output("boolean", "whether {a} is greater than {b}"),
    },
    examples=[{"a": 5570.2, "b": 9554.1}, {"a": 12, "b": -3}],
)
def compare_numbers(p: NumberPair) -> dict:
    if p.b == 0:
        raise ToolInputError("b is 0, so the ratio a / b is undefined")
    return {
        "larger": max(p.a, p.b),
        "difference": _sig(_finite(p.a - p.b, "a - b")),
        "ratio": _sig(_finite(p.a / p.b, "a / b")),
        "a_is_greater": p.a > p.b,
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Add two numbers: their sum and their mean (average).",
    outputs={
        "sum": Output("number", "the sum of {a} and {b}"),
        "mean": Output("number", "the average of {a} and {b}"),
    },
    examples=[{"a": 3.5, "b": 7}, {"a": -12, "b": 40.25}],
)
def sum_two_numbers(p: NumberPair) -> dict:
    total = _finite(p.a + p.b, "a + b")
    return {"sum": _sig(total), "mean": _sig(total / 2)}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Multiply two numbers and return their product.",
    outputs={"product": Output("number", "the product of {a} and {b}")},
    examples=[{"a": 12, "b": 4.2}, {"a": 1500, "b": 0.25}],
)
def multiply_numbers(p: NumberPair) -> dict:
    return {"product": _sig(_finite(p.a * p.b, "a * b"))}


class Change(BaseModel):
    old: float = _number_field("The original (reference) value.", [80, 120, 2.5, 1000, 45.6, 19.99])
    new: float = _number_field("The new value.", [100, 90, 3.1, 1250, 40, 24.99])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Percentage change from an old value to a new value: (new - old) / |old| * 100, rounded to 4 decimals.",
    outputs={"percent_change": Output("number", "the percentage change from {old} to {new}")},
    examples=[{"old": 80, "new": 100}, {"old": 120, "new": 90}],
)
def percentage_change(p: Change) -> dict:
    if p.old == 0:
        raise ToolInputError("old is 0, so the percentage change is undefined")
    return {"percent_change": round(_finite((p.new - p.old) / abs(p.old) * 100, "the percentage change"), 4)}


class Significant(BaseModel):
    value: float = _number_field(
        "The number to round.", [3.14159265, 299792.458, 0.000123456, 6.02214076e23, 1234567, 9.80665]
    )
    digits: int = Field(
        description="Number of significant digits to keep (1-15).",
        ge=1,
        le=15,
        json_schema_extra=port("integer", samples=[1, 2, 3, 4, 5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Round a number to N significant digits; also return it in scientific notation.",
    outputs={
        "rounded": Output("number", "{value} rounded to {digits} significant digits"),
        "scientific": Output("label", "{value} in scientific notation with {digits} significant digits"),
    },
    examples=[{"value": 299792.458, "digits": 3}, {"value": 0.000123456, "digits": 2}],
)
def round_significant(p: Significant) -> dict:
    return {"rounded": float(f"{p.value:.{p.digits}g}"), "scientific": f"{p.value:.{p.digits - 1}e}"}


# --- lists ------------------------------------------------------------------------------------------

_NUMBER_LIST_SAMPLES = [
    [3, 1, 4, 1, 5, 9, 2, 6],
    [12.5, 7.25, 19.0, 3.75],
    [100, 250, 175, 300, 225],
    [-4, 0, 8.5, 2, -1.5],
    [1500, 980, 2250],
]


class NumberList(BaseModel):
    values: list[float] = Field(
        description="The numbers (1 to 1000 of them).",
        min_length=1,
        max_length=MAX_LIST_ITEMS,
        json_schema_extra=port("number_list", samples=_NUMBER_LIST_SAMPLES),
    )


def _checked_values(values: list[float]) -> list[float]:
    for v in values:
        _finite(v, f"value {v!r}")
    return values


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Aggregate a list of numbers: sum, arithmetic mean, median, minimum and maximum.",
    outputs={
        "sum": Output("number", "the sum of the numbers {values}"),
        "mean": Output("number", "the mean of the numbers {values}"),
        "median": Output("number", "the median of the numbers {values}"),
        "minimum": Output("number", "the smallest of the numbers {values}"),
        "maximum": Output("number", "the largest of the numbers {values}"),
    },
    examples=[{"values": [3, 1, 4, 1, 5, 9, 2, 6]}, {"values": [12.5, 7.25, 19.0, 3.75]}],
)
def aggregate_numbers(p: NumberList) -> dict:
    values = _checked_values(p.values)
    return {
        "sum": _sig(_finite(math.fsum(values), "the sum")),
        "mean": _sig(statistics.fmean(values)),
        "median": _sig(statistics.median(values)),
        "minimum": min(values),
        "maximum": max(values),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Sort a list of numbers in ascending and in descending order.",
    outputs={
        "ascending": Output("number_list", "the numbers {values} sorted from smallest to largest"),
        "descending": Output("number_list", "the numbers {values} sorted from largest to smallest"),
    },
    examples=[{"values": [3, 1, 4, 1, 5, 9, 2, 6]}, {"values": [-4, 0, 8.5, 2, -1.5]}],
)
def sort_numbers(p: NumberList) -> dict:
    values = sorted(_checked_values(p.values))
    return {"ascending": values, "descending": values[::-1]}


class BooleanList(BaseModel):
    values: list[bool] = Field(
        description="The true/false values (1 to 1000 of them).",
        min_length=1,
        max_length=MAX_LIST_ITEMS,
        json_schema_extra=port(
            "boolean_list",
            samples=[[True, False, True], [False, False, True, True], [True, True], [False, False, False]],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Count the true values of a list of true/false values, and say whether all or any of them are true.",
    outputs={
        "true_count": Output("count", "the number of the following statements that are true: {values}"),
        "all_true": Output("boolean", "whether all of the following statements are true: {values}"),
        "any_true": Output("boolean", "whether at least one of the following statements is true: {values}"),
    },
    examples=[{"values": [True, False, True]}, {"values": [False, False, True, True]}],
)
def count_true(p: BooleanList) -> dict:
    return {"true_count": sum(p.values), "all_true": all(p.values), "any_true": any(p.values)}


class StringList(BaseModel):
    values: list[str] = Field(
        description="The strings to sort (1 to 1000 of them, each at most 200 characters).",
        min_length=1,
        max_length=MAX_LIST_ITEMS,
        json_schema_extra=port(
            "string_list",
            samples=[
                ["pear", "Apple", "banana", "cherry"],
                ["Tokyo", "Lima", "Oslo", "Cairo", "Denver"],
                ["helium", "argon", "neon", "xenon", "krypton"],
                ["Mars", "Venus", "Earth", "Jupiter", "Mercury"],
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Sort a list of strings alphabetically (case-insensitive) and return the sorted list with "
    "its first and last entries.",
    outputs={
        "sorted": Output("string_list", "the strings {values} in alphabetical order"),
        "first": Output("label", "the alphabetically first of {values}"),
        "last": Output("label", "the alphabetically last of {values}"),
    },
    examples=[{"values": ["pear", "Apple", "banana", "cherry"]}, {"values": ["Tokyo", "Lima", "Oslo"]}],
)
def sort_strings(p: StringList) -> dict:
    if any(len(v) > 200 for v in p.values):
        raise ToolInputError("each string must be at most 200 characters long")
    ordered = sorted(p.values, key=lambda s: (s.casefold(), s))
    return {"sorted": ordered, "first": ordered[0], "last": ordered[-1]}
