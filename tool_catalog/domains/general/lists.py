"""List tools: aggregating, sorting and counting lists, set operations on two string lists, the top k numbers,
the rank and percentile rank of a value, and percentiles."""

from __future__ import annotations

import math
import statistics

from pydantic import BaseModel, Field

from tool_catalog.domains.general.common import DOMAIN, finite, sig
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, OPERAND, ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

MAX_LIST_ITEMS = 1000

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
        finite(v, f"value {v!r}")
    return values


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Aggregate a list of numbers: sum, arithmetic mean, median, minimum and maximum.",
    outputs={
        "sum": Output("number", "the sum of the numbers {values}", quantity=quantity(OPERAND)),
        "mean": Output("number", "the mean of the numbers {values}", quantity=quantity(OPERAND)),
        "median": Output("number", "the median of the numbers {values}", quantity=quantity(OPERAND)),
        "minimum": Output("number", "the smallest of the numbers {values}", quantity=quantity(OPERAND)),
        "maximum": Output("number", "the largest of the numbers {values}", quantity=quantity(OPERAND)),
    },
    examples=[{"values": [3, 1, 4, 1, 5, 9, 2, 6]}, {"values": [12.5, 7.25, 19.0, 3.75]}],
)
def aggregate_numbers(p: NumberList) -> dict:
    values = _checked_values(p.values)
    return {
        "sum": sig(finite(math.fsum(values), "the sum")),
        "mean": sig(statistics.fmean(values)),
        "median": sig(statistics.median(values)),
        "minimum": min(values),
        "maximum": max(values),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Sort a list of numbers in ascending and in descending order.",
    outputs={
        "ascending": Output("number_list", "the numbers {values} sorted from smallest to largest", askable=False),
        "descending": Output("number_list", "the numbers {values} sorted from largest to smallest", askable=False),
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
        "true_count": Output("count", "the number of the following statements that are true: {values}", askable=False),
        "all_true": Output("boolean", "whether all of the following statements are true: {values}", askable=False),
        "any_true": Output(
            "boolean", "whether at least one of the following statements is true: {values}", askable=False
        ),
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
        "sorted": Output("string_list", "the strings {values} in alphabetical order", askable=False),
        "first": Output("label", "the alphabetically first of {values}", askable=False),
        "last": Output("label", "the alphabetically last of {values}", askable=False),
    },
    examples=[{"values": ["pear", "Apple", "banana", "cherry"]}, {"values": ["Tokyo", "Lima", "Oslo"]}],
)
def sort_strings(p: StringList) -> dict:
    if any(len(v) > 200 for v in p.values):
        raise ToolInputError("each string must be at most 200 characters long")
    ordered = sorted(p.values, key=lambda s: (s.casefold(), s))
    return {"sorted": ordered, "first": ordered[0], "last": ordered[-1]}


# --- list operations -------------------------------------------------------------------------------------


class TwoStringLists(BaseModel):
    first: list[str] = Field(
        description="First list of strings (case-sensitive).",
        min_length=1,
        max_length=MAX_LIST_ITEMS,
        json_schema_extra=port(
            "string_list", samples=[["DE", "FR", "IT", "ES"], ["EUR", "USD", "JPY"], ["a", "b", "c"]]
        ),
    )
    second: list[str] = Field(
        description="Second list of strings (case-sensitive).",
        min_length=1,
        max_length=MAX_LIST_ITEMS,
        json_schema_extra=port("string_list", samples=[["FR", "BE", "ES", "PT"], ["USD", "GBP"], ["c", "d"]]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Set operations on two lists of strings: the items in both, only in the first, only in the "
    "second (each sorted), and the Jaccard similarity of the two sets.",
    outputs={
        "in_both": Output("string_list", "the list of the items in both {first} and {second}"),
        "only_first": Output("string_list", "the list of the items of {first} that are not in {second}"),
        "only_second": Output("string_list", "the list of the items of {second} that are not in {first}"),
        "jaccard": Output(
            "number",
            "the Jaccard similarity of {first} and {second}",
            askable=False,
            quantity=quantity("dimensionless"),
        ),
    },
    examples=[{"first": ["DE", "FR", "IT", "ES"], "second": ["FR", "BE", "ES", "PT"]}],
)
def list_set_operations(p: TwoStringLists) -> dict:
    a, b = set(p.first), set(p.second)
    return {
        "in_both": sorted(a & b),
        "only_first": sorted(a - b),
        "only_second": sorted(b - a),
        "jaccard": round(len(a & b) / len(a | b), 6),
    }


class TopK(BaseModel):
    values: list[float] = Field(
        description="The numbers (1 to 1000 of them).",
        min_length=1,
        max_length=MAX_LIST_ITEMS,
        json_schema_extra=port(
            "number_list", samples=[[3, 1, 4, 1, 5, 9, 2, 6], [12.5, 7.25, 19.0, 3.75], [100, 250, 175, 300, 225]]
        ),
    )
    k: int = Field(
        description="How many to keep.",
        ge=1,
        le=MAX_LIST_ITEMS,
        json_schema_extra=port("integer", quantity=COUNT, samples=[3, 2, 1]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The k largest and k smallest numbers of a list (in order) and the sum of the k largest.",
    outputs={
        "largest": Output("number_list", "the {k} largest of the numbers {values}", askable=False),
        "smallest": Output("number_list", "the {k} smallest of the numbers {values}", askable=False),
        "largest_sum": Output(
            "number", "the sum of the {k} largest of the numbers {values}", askable=False, quantity=quantity(OPERAND)
        ),
    },
    examples=[{"values": [3, 1, 4, 1, 5, 9, 2, 6], "k": 3}],
)
def top_k_numbers(p: TopK) -> dict:
    values = sorted(_checked_values(p.values))
    k = min(p.k, len(values))
    largest = values[::-1][:k]
    return {"largest": largest, "smallest": values[:k], "largest_sum": sig(finite(math.fsum(largest), "the sum"))}


class ValueInList(BaseModel):
    values: list[float] = Field(
        description="The reference numbers (1 to 1000 of them).",
        min_length=1,
        max_length=MAX_LIST_ITEMS,
        json_schema_extra=port(
            "number_list", samples=[[3, 1, 4, 1, 5, 9, 2, 6], [12.5, 7.25, 19.0, 3.75], [100, 250, 175, 300, 225]]
        ),
    )
    value: float = Field(
        description="The number to place among them.",
        ge=-1e100,
        le=1e100,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=quantity(OPERAND), samples=[4, 10, 200]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Where a number stands among a list of numbers: its rank from the top (1 = largest, ties share "
    "the best rank), its percentile rank (share of values at or below it) and how many values exceed it.",
    outputs={
        "rank": Output("count", "the rank from the top of {value} among {values}", quantity=ORDINAL),
        "percentile_rank": Output(
            "number", "the percentile rank of {value} among {values}", askable=False, quantity=quantity("percent")
        ),
        "count_above": Output("count", "the number of values larger than {value} among {values}"),
    },
    examples=[{"values": [3, 1, 4, 1, 5, 9, 2, 6], "value": 4}],
)
def rank_of_value(p: ValueInList) -> dict:
    values = _checked_values(p.values)
    above = sum(1 for v in values if v > p.value)
    at_or_below = sum(1 for v in values if v <= p.value)
    return {"rank": above + 1, "percentile_rank": round(100 * at_or_below / len(values), 4), "count_above": above}


class PercentileQuery(BaseModel):
    values: list[float] = NumberList.model_fields["values"]
    percentile: float = Field(
        description="Percentile to compute, 0-100.",
        ge=0,
        le=100,
        json_schema_extra=port("number", quantity=quantity("percent"), samples=[90, 50, 25, 75]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="A percentile of a list of numbers (linear interpolation between closest ranks, as numpy's "
    "default), with the interquartile range and the population standard deviation.",
    outputs={
        "percentile_value": Output(
            "number", "the {percentile}th percentile of the numbers {values}", askable=False, quantity=quantity(OPERAND)
        ),
        "interquartile_range": Output(
            "number",
            "the interquartile range of the numbers {values}",
            quantity=quantity(OPERAND),
            ignores=("percentile",),
        ),
        "std_dev": Output(
            "number",
            "the population standard deviation of the numbers {values}",
            quantity=quantity(OPERAND),
            ignores=("percentile",),
        ),
    },
    examples=[{"values": [3, 1, 4, 1, 5, 9, 2, 6], "percentile": 90}],
)
def percentile_of_list(p: PercentileQuery) -> dict:
    import statistics

    values = sorted(_checked_values(p.values))

    def at(q: float) -> float:
        pos = (len(values) - 1) * q / 100
        lo = math.floor(pos)
        hi = min(lo + 1, len(values) - 1)
        return values[lo] + (values[hi] - values[lo]) * (pos - lo)

    return {
        "percentile_value": sig(at(p.percentile)),
        "interquartile_range": sig(at(75) - at(25)),
        "std_dev": sig(statistics.pstdev(values)),
    }


class LabelledValues(BaseModel):
    labels: list[str] = Field(
        description="The names of the things compared, one per value, in the same order (2 to 1000, distinct).",
        min_length=2,
        max_length=MAX_LIST_ITEMS,
        json_schema_extra=port(
            "string_list",
            samples=[["Kenya", "Uganda", "Tanzania"], ["Oslo", "Lima", "Cairo", "Denver"], ["gold", "silver"]],
        ),
    )
    values: list[float] = Field(
        description="The value of each named thing, in the same order as the labels.",
        min_length=2,
        max_length=MAX_LIST_ITEMS,
        json_schema_extra=port("number_list", samples=[[52.4, 45.9, 61.7], [3.2, 17.5, 22.8, 10.1], [19.3, 10.5]]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Given named things and one value each, return the name with the highest value, the name with the "
    "lowest value, and the names ordered from the highest value to the lowest (ties keep the given order).",
    outputs={
        "highest": Output("label", "the one of {labels} with the highest of the values {values}"),
        "lowest": Output("label", "the one of {labels} with the lowest of the values {values}"),
        "descending": Output("string_list", "{labels} ordered by the values {values}, highest first"),
    },
    examples=[
        {"labels": ["Kenya", "Uganda", "Tanzania"], "values": [52.4, 45.9, 61.7]},
        {"labels": ["gold", "silver"], "values": [19.3, 10.5]},
    ],
)
def rank_by_value(p: LabelledValues) -> dict:
    if len(p.labels) != len(p.values):
        raise ToolInputError(f"{len(p.labels)} labels but {len(p.values)} values: give one value per label")
    if len(set(p.labels)) != len(p.labels):
        raise ToolInputError("the labels must be distinct")
    for label in p.labels:
        if len(label) > 200:
            raise ToolInputError("a label is longer than 200 characters")
    values = _checked_values(p.values)
    order = sorted(range(len(values)), key=lambda k: (-values[k], k))
    return {"highest": p.labels[order[0]], "lowest": p.labels[order[-1]], "descending": [p.labels[k] for k in order]}
