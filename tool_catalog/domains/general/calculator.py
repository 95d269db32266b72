"""The safe arithmetic calculator. It never uses eval/exec: it walks a whitelisted Python ``ast`` with size and
magnitude limits."""

from __future__ import annotations

import ast
import math
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.general.common import DOMAIN, MAX_ABS, sig
from tool_catalog.ports import port
from tool_catalog.quantities import OPERAND, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

# Bounds that keep every call small, finite and fast whatever the arguments.
MAX_EXPRESSION_CHARS = 200
MAX_PAREN_DEPTH = 20
MAX_AST_DEPTH = 100
MAX_EXPONENT = 1000
MAX_FUNCTION_ARGS = 50


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
    return sig(value) if isinstance(value, float) else value


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
    outputs={
        "result": Output("number", "the value of the arithmetic expression {expression}", quantity=quantity(OPERAND))
    },
    examples=[{"expression": "2 * (3 + 4) ** 2"}, {"expression": "round(sqrt(2) * 100, 2)"}],
)
def calculator(p: Expression) -> dict:
    return {"result": evaluate_expression(p.expression)}
