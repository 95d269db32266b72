"""Shared pieces of the general tools: the domain name, the magnitude bound and the number checks."""

from __future__ import annotations

import math

from tool_catalog.spec import GENERAL_DOMAIN, ToolInputError

DOMAIN = GENERAL_DOMAIN

MAX_ABS = 1e100
"""Largest magnitude accepted for any input number or intermediate result."""


def finite(value: float, what: str) -> float:
    if isinstance(value, float) and not math.isfinite(value):
        raise ToolInputError(f"{what} is not a finite number")
    if abs(value) > MAX_ABS:
        raise ToolInputError(f"{what} exceeds the magnitude limit of {MAX_ABS:g}")
    return value


def sig(value: float, digits: int = 10) -> float:
    """Round to ``digits`` significant digits (floats only; keeps outputs stable)."""
    return float(f"{value:.{digits}g}")
