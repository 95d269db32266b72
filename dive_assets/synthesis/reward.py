"""DIVE's RL reward, R = alpha * R_format + R_correct, scored programmatically (no judge, no eval)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from dive_assets.synthesis.verification import answers_match

FINAL_ANSWER = re.compile(r"the final answer is\s*:?\s*([^\n]+)", re.IGNORECASE)
ANSWER_INSTRUCTION = "Please provide the final answer in the format of 'The final answer is: <answer>.'"


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
    model_output: str, ground_truth: Any, answer_type: str, tolerance: float | None, alpha: float = 0.1
) -> RewardBreakdown:
    """Format reward when a final answer is stated; correctness by answer type (numbers with tolerance)."""
    answer = extract_answer(model_output)
    if answer is None:
        return RewardBreakdown(0.0, 0.0, 0.0)
    candidate: Any = answer
    if answer_type == "list":
        candidate = _as_list(answer, ground_truth)
    correct = 1.0 if answers_match(ground_truth, candidate, answer_type, tolerance) else 0.0
    return RewardBreakdown(1.0, correct, alpha * 1.0 + correct)


def _as_list(answer: str, truth: Any) -> list[Any]:
    try:
        parsed = json.loads(answer)
        if isinstance(parsed, list):
            return parsed
    except json.JSONDecodeError:
        pass
    items: list[Any] = [a.strip() for a in answer.split(";" if ";" in answer else ",") if a.strip()]
    if isinstance(truth, list) and truth and all(isinstance(t, (int, float)) for t in truth):
        try:
            return [float(a) for a in items]
        except ValueError:
            return items
    return items
