"""DIVE's RL reward, R = alpha * R_format + R_correct, scored programmatically (no judge, no eval).

One scoring function serves the RL export, the solver check and any environment: :func:`score` (or
:func:`score_row` on an ``rl/*.jsonl`` row, a ``tasks`` row or a :class:`~records.Task`). A reply earns the format
term when it states ``The final answer is: <answer>``; the answer is correct when it is an equivalent form of the
gold answer that the question allows (docs/reward.md tabulates the forms):

* numbers: thousands separators, scientific notation, a percent sign, the asked unit or a unit pint converts exactly
  into it (a bare number is read in the asked unit), compared with a typed tolerance (:data:`ToleranceKind`);
* dates: ISO or with the month in words; booleans: yes/no/true/false; text: case, spacing and accents aside;
  codes: exact after normalization (letter case kept where it carries meaning: SMILES, formulas, element symbols);
* lists: a set in any order, unless the question asks for an order (:func:`answer_forms.asks_order`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from pydantic import BaseModel

from dive_assets.synthesis.answer_forms import (
    fold_code,
    fold_text,
    in_unit,
    is_iso_date,
    read_bool,
    read_date,
    read_lists,
    read_number,
)

FINAL_ANSWER = re.compile(r"the final answer is\s*:?\s*([^\n]+)", re.IGNORECASE)
ANSWER_INSTRUCTION = "Please provide the final answer in the format of 'The final answer is: <answer>.'"

ToleranceKind = Literal["relative", "absolute", "exact", "exact_case"]
"""How a gold answer is compared. ``relative``: a number within ``tolerance`` × |gold| (magnitudes; where the
question asks for a rounding, half a unit of the asked place relative to the gold); ``absolute``: within
``tolerance`` (a gold of zero); ``exact``: equal after normalization (integers, dates, booleans, codes and text,
letter case aside); ``exact_case``: as ``exact`` with letter case kept (codes whose case carries meaning)."""
TOLERANCE_KINDS: tuple[str, ...] = get_args(ToleranceKind)
NUMERIC_TYPES = ("number", "integer")
EXACT_ULPS = 8
"""The slack of an ``exact`` number, in units in the last place: what a float conversion (6 weeks in days) leaves."""


@dataclass(frozen=True)
class RewardBreakdown:
    format: float
    correct: float
    total: float


def extract_answer(model_output: str) -> str | None:
    """The text after the last 'The final answer is:' on its line (a trailing period dropped), or None."""
    found = FINAL_ANSWER.findall(model_output)
    return found[-1].strip().rstrip(".").strip() if found else None


def score(
    model_output: str,
    ground_truth: Any,
    answer_type: str,
    tolerance: float | None = None,
    alpha: float = 0.1,
    *,
    tolerance_kind: str | None = None,
    unit: str | None = None,
    ordered: bool | None = None,
) -> RewardBreakdown:
    """Format reward when a final answer is stated; correctness by :func:`is_correct`.

    ``tolerance_kind``, ``unit`` and ``ordered`` are the task's (``rl/*.jsonl`` columns ``tolerance_kind``,
    ``answer_unit``, ``ordered``); left out, a number's tolerance is relative, it takes no unit, and a list is a set.
    """
    answer = extract_answer(model_output)
    if answer is None:
        return RewardBreakdown(0.0, 0.0, 0.0)
    correct = 1.0 if is_correct(answer, ground_truth, answer_type, tolerance, tolerance_kind, unit, ordered) else 0.0
    return RewardBreakdown(1.0, correct, alpha * 1.0 + correct)


def score_row(model_output: str, row: Mapping[str, Any] | BaseModel, alpha: float = 0.1) -> RewardBreakdown:
    """:func:`score` with everything it needs read from one record: an ``rl/*.jsonl`` row (``ground_truth`` JSON
    text), a ``tasks`` or ``parquet/`` row (``answer`` JSON text) or a :class:`~dive_assets.synthesis.records.Task`."""
    if isinstance(row, BaseModel):
        fields = row.model_dump()
        truth = fields["answer"]
    else:
        fields = dict(row)
        truth = json.loads(fields["ground_truth"] if "ground_truth" in fields else fields["answer"])
    return score(
        model_output,
        truth,
        fields["answer_type"],
        fields.get("tolerance"),
        alpha,
        tolerance_kind=fields.get("tolerance_kind"),
        unit=fields.get("answer_unit"),
        ordered=fields.get("ordered"),
    )


def is_correct(
    answer: Any,
    truth: Any,
    answer_type: str,
    tolerance: float | None = None,
    tolerance_kind: str | None = None,
    unit: str | None = None,
    ordered: bool | None = None,
) -> bool:
    """Whether a stated ``answer`` (text, or an already typed value) is an accepted form of the gold ``truth``."""
    kind = tolerance_kind or default_kind(answer_type, tolerance)
    if kind not in TOLERANCE_KINDS:
        raise ValueError(f"unknown tolerance kind {kind!r}; expected one of {', '.join(TOLERANCE_KINDS)}")
    if answer_type == "list":
        return _list_correct(answer, truth, kind, tolerance, unit, bool(ordered))
    return _value_correct(answer, truth, answer_type, kind, tolerance, unit)


def default_kind(answer_type: str, tolerance: float | None) -> ToleranceKind:
    """The tolerance kind of a task that records none: relative for a number with a tolerance, else exact."""
    return "relative" if answer_type == "number" and tolerance is not None else "exact"


def number_tolerance(
    value: float, decimals: int | None = None, significant: int | None = None
) -> tuple[float, ToleranceKind]:
    """(tolerance, kind) of a gold number. Where the question asks for a rounding (``decimals`` places or
    ``significant`` figures) any value within half a unit of that last place is right: 278.9 or 278.94 for 278.94 to
    one decimal, not 279.0. That half unit is recorded relative to the gold (so a reader of the tolerance alone, as
    relative, scores alike). A gold of zero takes an absolute tolerance (no relative one fits it): half a unit of the
    asked place, else 1e-4. Other numbers: relative 1e-4."""
    half_unit = None
    if significant is not None and value and math.isfinite(value):
        half_unit = 0.5 * 10 ** (math.floor(math.log10(abs(value))) - significant + 1)
    elif decimals is not None:
        half_unit = 0.5 * 10**-decimals
    if value == 0:
        return (half_unit if half_unit is not None else 1e-4), "absolute"
    return (half_unit / abs(value) if half_unit is not None else 1e-4), "relative"


def within(value: float, truth: float, kind: str, tolerance: float | None) -> bool:
    """``value`` is ``truth`` under the typed tolerance, with :data:`EXACT_ULPS` units in the last place of slack for
    float arithmetic (all an ``exact`` number gets)."""
    if not (math.isfinite(value) and math.isfinite(truth)):
        return False
    gap = abs(value - truth)
    slack = EXACT_ULPS * math.ulp(max(abs(value), abs(truth)))
    if kind == "relative" and tolerance is not None:
        return gap <= tolerance * abs(truth) + slack
    if kind == "absolute" and tolerance is not None:
        return gap <= tolerance * (1 + 1e-9) + slack
    return gap <= slack


def _value_correct(
    answer: Any, truth: Any, answer_type: str, kind: str, tolerance: float | None, unit: str | None
) -> bool:
    if answer_type in NUMERIC_TYPES:
        gold = _gold_number(truth)
        read = read_number(answer)
        if gold is None or read is None:
            return False
        value = in_unit(read[0], read[1], unit)
        return value is not None and within(value, gold, kind if answer_type == "number" else "exact", tolerance)
    if answer_type == "date":
        gold_date = read_date(truth)
        return gold_date is not None and read_date(answer) == gold_date
    if answer_type == "boolean":
        gold_bool = read_bool(truth)
        return gold_bool is not None and read_bool(answer) is gold_bool
    if isinstance(truth, (dict, list)) or truth is None:
        return False
    if answer_type == "code" or kind == "exact_case":
        return fold_code(answer, kind == "exact_case") == fold_code(truth, kind == "exact_case")
    return fold_text(answer) == fold_text(truth)


def _gold_number(truth: Any) -> float | None:
    if isinstance(truth, bool):
        return None
    if isinstance(truth, (int, float)):
        return float(truth)
    read = read_number(truth) if isinstance(truth, str) else None
    return read[0] if read is not None and not read[1] else None


def _item_correct(item: Any, gold: Any, kind: str, tolerance: float | None, unit: str | None) -> bool:
    """One list item against one gold item, compared by the gold item's type."""
    if isinstance(gold, bool):
        return _value_correct(item, gold, "boolean", "exact", None, None)
    if isinstance(gold, (int, float)):
        number_kind = kind if kind in ("relative", "absolute") else "exact"
        return _value_correct(item, gold, "number", number_kind, tolerance, unit)
    if is_iso_date(gold):
        return _value_correct(item, gold, "date", "exact", None, None)
    return _value_correct(item, gold, "string", kind, None, None)


def _list_correct(answer: Any, truth: Any, kind: str, tolerance: float | None, unit: str | None, ordered: bool) -> bool:
    gold = truth if isinstance(truth, list) else [truth]
    for items in read_lists(answer):
        if len(items) != len(gold):
            continue
        if ordered and all(_item_correct(i, g, kind, tolerance, unit) for i, g in zip(items, gold, strict=True)):
            return True
        if not ordered and _matched(items, gold, kind, tolerance, unit):
            return True
    return False


def _matched(items: list[Any], gold: list[Any], kind: str, tolerance: float | None, unit: str | None) -> bool:
    """Every gold item is matched by its own stated item (a set, or a multiset when the gold repeats an item)."""
    free = list(range(len(items)))
    for g in gold:
        hit = next((k for k in free if _item_correct(items[k], g, kind, tolerance, unit)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True
