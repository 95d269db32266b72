"""Arithmetic over quantities measured by earlier steps, written as calculator expressions.

A formula is a calculator expression with ``{0}``, ``{1}`` ... standing for the producing steps' values, in
step order, and an English phrase with the same placeholders for the question. The expression argument is
rebuilt from the steps' outputs by :func:`fill`, so verification checks it like any other produced argument.
"""

from __future__ import annotations

from collections.abc import Sequence

FORMULAS: dict[str, str] = {
    "{0} / {1}": "the ratio of {0} to {1}",
    "abs({0} - {1})": "the absolute difference between {0} and {1}",
    "sqrt({0} * {1})": "the geometric mean of {0} and {1}",
    "max({0}, {1}, {2}) - min({0}, {1}, {2})": "the range (largest minus smallest) of {0}, {1} and {2}",
}
"""Calculator expression -> question phrase. Each says something the other general tools do not compute."""


def operand_count(formula: str) -> int:
    return 1 + max(int(c) for c in formula if c.isdigit())


def fits(formula: str, values: Sequence[float]) -> bool:
    """True when the formula is defined and meaningful on these values: a ratio or a geometric mean of positive
    quantities only (no division by zero, no root of a negative, no ratio of signed coordinates)."""
    if len(values) != operand_count(formula):
        return False
    if formula in ("{0} / {1}", "sqrt({0} * {1})"):
        return all(v > 0 for v in values)
    return True


def fill(formula: str, values: Sequence[float]) -> str:
    """The calculator expression of the formula on these values (exact: floats by repr, negatives bracketed)."""
    return formula.format(*(f"({v!r})" if v < 0 else repr(v) for v in values))


def phrase(formula: str, described: Sequence[str]) -> str:
    """The question's phrase for the formula over the described operands; KeyError for an unknown formula."""
    return FORMULAS[formula].format(*described)
