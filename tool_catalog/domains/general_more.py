"""General tools, second part: a local full-text search over the catalog's shipped data, and list operations
(set operations, top-k, rank and percentile of a value) that any toolset may add.

The search index is built once per process from the same offline data the domain tools read (pycountry,
airportsdata, simple-icd-10-cm, chemicals, scipy's CODATA table, ephem's star list, REBASE) and ranked with
BM25, so a model can find an identifier it does not know yet without any network access.
"""

from __future__ import annotations

import collections
import heapq
import math
import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.general import MAX_LIST_ITEMS, NumberList, _checked_values, _finite, _sig
from tool_catalog.ports import port
from tool_catalog.registry import tool
from tool_catalog.spec import GENERAL_DOMAIN, Output, ToolInputError

DOMAIN = GENERAL_DOMAIN

_TOKEN = re.compile(r"[a-z0-9]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


@cache
def _documents() -> tuple[tuple[str, str, str], ...]:
    """(kind, identifier, title) of every searchable record, in a stable order."""
    import airportsdata
    import pycountry
    import scipy.constants

    from tool_catalog.domains.medchem import _icd_leaves
    from tool_catalog.domains.science import _rebase, _star_catalog

    docs: list[tuple[str, str, str]] = []
    for c in pycountry.countries:
        names = {c.name, getattr(c, "official_name", c.name), getattr(c, "common_name", c.name)}
        docs.append(("country", c.alpha_2, " / ".join(sorted(names))))
    for code, a in sorted(airportsdata.load("IATA").items()):
        docs.append(("airport", code, f"{a['name']}, {a['city']}"))
    for code, description in _icd_leaves():
        docs.append(("icd10cm", code, description))
    docs.extend(("chemical", cas, name) for cas, name in _chemical_names())
    docs.extend(("constant", name, name) for name in sorted(scipy.constants.physical_constants))
    docs.extend(("star", name, f"{name} ({info[1]})") for name, info in sorted(_star_catalog().items()))
    docs.extend(("enzyme", name, f"{name} {data['site']}") for name, data in sorted(_rebase().items()))
    return tuple(docs)


def _chemical_names() -> list[tuple[str, str]]:
    """(CAS, name) of the seed chemicals: the CAS seeds with their common names and the name seeds."""
    from chemicals.identifiers import CAS_from_any, search_chemical

    from tool_catalog.domains.medchem import cas_seeds, chemical_name_seeds

    out = {}
    for cas in cas_seeds():
        try:
            out[cas] = search_chemical(cas).common_name
        except ValueError:
            continue
    for name in chemical_name_seeds():
        try:
            out.setdefault(CAS_from_any(name), name)
        except ValueError:
            continue
    return sorted(out.items())


@cache
def _index() -> tuple[dict[str, list[tuple[int, int]]], list[int], float]:
    """Inverted index token -> [(doc, term frequency)], document lengths and their mean."""
    postings: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    lengths = []
    for i, (_, identifier, title) in enumerate(_documents()):
        tokens = _tokens(f"{identifier} {title}")
        lengths.append(len(tokens))
        for token, tf in collections.Counter(tokens).items():
            postings[token].append((i, tf))
    return dict(postings), lengths, sum(lengths) / max(len(lengths), 1)


@cache
def _title_words() -> tuple[str, ...]:
    """Each record's title as its tokens joined by spaces: a title equal to the query's tokens is an exact match."""
    return tuple(" ".join(_tokens(title)) for _, _, title in _documents())


class SearchQuery(BaseModel):
    query: str = Field(
        description="Words to search for, e.g. 'heathrow' or 'type 2 diabetes kidney'.",
        min_length=2,
        max_length=200,
        json_schema_extra=port(
            "search_query",
            samples=["heathrow", "type 2 diabetes kidney", "caffeine", "electron mass", "betelgeuse", "new zealand"],
        ),
    )
    kind: Literal["any", "country", "airport", "icd10cm", "chemical", "constant", "star", "enzyme"] = Field(
        default="any",
        description="Restrict to one kind of record, or 'any'.",
        json_schema_extra=port("label", samples=["any", "airport", "icd10cm", "chemical"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="stdlib",
    description="Full-text search (BM25) over the data shipped with the tools: countries, airports, billable "
    "ICD-10-CM codes, chemicals, CODATA constants, bright stars and restriction enzymes. Returns the best match's "
    "identifier (ISO code, IATA code, ICD code, CAS number, constant name, star or enzyme name), its kind and "
    "title, the number of matching records and the top five identifiers.",
    outputs={
        "best_id": Output("label", "the identifier of the best local search match for {query}"),
        "best_kind": Output("label", "the kind of record of the best local search match for {query}"),
        "best_title": Output("label", "the title of the best local search match for {query}"),
        "match_count": Output("count", "the number of records matching {query} in the local search"),
        "top_ids": Output("string_list", "the identifiers of the top five local search matches for {query}"),
    },
    examples=[{"query": "heathrow"}, {"query": "type 2 diabetes kidney", "kind": "icd10cm"}],
    timeout_s=60.0,
    warm=lambda: (_documents(), _index(), _title_words()),
)
def local_search(p: SearchQuery) -> dict:
    terms = list(dict.fromkeys(_tokens(p.query)))
    if not terms:
        raise ToolInputError("the query has no letters or digits to search for")
    postings, lengths, mean_length = _index()
    docs = _documents()
    n = len(docs)
    scores: dict[int, float] = collections.defaultdict(float)
    for term in terms:
        hits = postings.get(term, [])
        if not hits:
            continue
        idf = math.log(1 + (n - len(hits) + 0.5) / (len(hits) + 0.5))
        for doc, tf in hits:
            if p.kind != "any" and docs[doc][0] != p.kind:
                continue
            norm = tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengths[doc] / mean_length))
            scores[doc] += idf * norm
    if not scores:
        raise ToolInputError(f"nothing in the local data matches {p.query!r}")
    wanted, titles = " ".join(terms), _title_words()
    for doc in scores:
        if titles[doc] == wanted or docs[doc][1].lower() == p.query.strip().lower():
            scores[doc] += 10.0  # an exact name or identifier beats partial matches
    # the top five as a full sort would rank them (a query can match tens of thousands of records)
    ranked = heapq.nsmallest(5, scores, key=lambda d: (-round(scores[d], 9), docs[d][0], docs[d][1]))
    kind, identifier, title = docs[ranked[0]]
    return {
        "best_id": identifier,
        "best_kind": kind,
        "best_title": title,
        "match_count": len(scores),
        "top_ids": [docs[d][1] for d in ranked],
    }


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
        "jaccard": Output("number", "the Jaccard similarity of {first} and {second}"),
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
        description="How many to keep.", ge=1, le=MAX_LIST_ITEMS, json_schema_extra=port("integer", samples=[3, 2, 1])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The k largest and k smallest numbers of a list (in order) and the sum of the k largest.",
    outputs={
        "largest": Output("number_list", "the {k} largest of the numbers {values}"),
        "smallest": Output("number_list", "the {k} smallest of the numbers {values}"),
        "largest_sum": Output("number", "the sum of the {k} largest of the numbers {values}"),
    },
    examples=[{"values": [3, 1, 4, 1, 5, 9, 2, 6], "k": 3}],
)
def top_k_numbers(p: TopK) -> dict:
    values = sorted(_checked_values(p.values))
    k = min(p.k, len(values))
    largest = values[::-1][:k]
    return {"largest": largest, "smallest": values[:k], "largest_sum": _sig(_finite(math.fsum(largest), "the sum"))}


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
        json_schema_extra=port("number", samples=[4, 10, 200]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Where a number stands among a list of numbers: its rank from the top (1 = largest, ties share "
    "the best rank), its percentile rank (share of values at or below it) and how many values exceed it.",
    outputs={
        "rank": Output("count", "the rank from the top of {value} among {values}"),
        "percentile_rank": Output("number", "the percentile rank of {value} among {values}"),
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
        json_schema_extra=port("number", samples=[90, 50, 25, 75]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="A percentile of a list of numbers (linear interpolation between closest ranks, as numpy's "
    "default), with the interquartile range and the population standard deviation.",
    outputs={
        "percentile_value": Output("number", "the {percentile}th percentile of the numbers {values}"),
        "interquartile_range": Output(
            "number", "the interquartile range of the numbers {values} (asked with {percentile})"
        ),
        "std_dev": Output(
            "number", "the population standard deviation of the numbers {values} (asked with {percentile})"
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
        "percentile_value": _sig(at(p.percentile)),
        "interquartile_range": _sig(at(75) - at(25)),
        "std_dev": _sig(statistics.pstdev(values)),
    }
