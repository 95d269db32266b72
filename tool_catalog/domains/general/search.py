"""A local full-text search over the catalog's shipped data, so a model can find an identifier it does not know yet
without any network access.

The search index is built once per process from the same offline data the domain tools read (pycountry,
airportsdata, simple-icd-10-cm, chemicals, scipy's CODATA table, ephem's star list, REBASE) and ranked with BM25.
"""

from __future__ import annotations

import collections
import heapq
import math
import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.general.common import DOMAIN
from tool_catalog.ports import port
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


@cache
def documents() -> tuple[tuple[str, str, str], ...]:
    """(kind, identifier, title) of every searchable record, in a stable order."""
    import airportsdata
    import pycountry
    import scipy.constants

    from tool_catalog.domains.medchem.common import icd_leaves
    from tool_catalog.domains.science.common import rebase, star_catalog

    docs: list[tuple[str, str, str]] = []
    for c in pycountry.countries:
        names = {c.name, getattr(c, "official_name", c.name), getattr(c, "common_name", c.name)}
        docs.append(("country", c.alpha_2, " / ".join(sorted(names))))
    for code, a in sorted(airportsdata.load("IATA").items()):
        docs.append(("airport", code, f"{a['name']}, {a['city']}"))
    for code, description in icd_leaves():
        docs.append(("icd10cm", code, description))
    docs.extend(("chemical", cas, name) for cas, name in _chemical_names())
    docs.extend(("constant", name, name) for name in sorted(scipy.constants.physical_constants))
    docs.extend(("star", name, f"{name} ({info[1]})") for name, info in sorted(star_catalog().items()))
    docs.extend(("enzyme", name, f"{name} {data['site']}") for name, data in sorted(rebase().items()))
    return tuple(docs)


def _chemical_names() -> list[tuple[str, str]]:
    """(CAS, name) of the seed chemicals: the CAS seeds with their common names and the name seeds."""
    from chemicals.identifiers import CAS_from_any, search_chemical

    from tool_catalog.domains.medchem.seeds import cas_seeds, chemical_name_seeds

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
def index() -> tuple[dict[str, list[tuple[int, int]]], list[int], float]:
    """Inverted index token -> [(doc, term frequency)], document lengths and their mean."""
    postings: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    lengths = []
    for i, (_, identifier, title) in enumerate(documents()):
        words = tokens(f"{identifier} {title}")
        lengths.append(len(words))
        for token, tf in collections.Counter(words).items():
            postings[token].append((i, tf))
    return dict(postings), lengths, sum(lengths) / max(len(lengths), 1)


@cache
def _title_words() -> tuple[str, ...]:
    """Each record's title as its tokens joined by spaces: a title equal to the query's tokens is an exact match."""
    return tuple(" ".join(tokens(title)) for _, _, title in documents())


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
        "best_id": Output("label", "the identifier of the record that best matches {query}", askable=False),
        "best_kind": Output("label", "the kind of record that best matches {query}", askable=False),
        "best_title": Output("label", "the full title of the record that best matches {query}", askable=False),
        "match_count": Output("count", "the number of records matching {query}", askable=False),
        "top_ids": Output("string_list", "the identifiers of the five records that best match {query}", askable=False),
    },
    examples=[{"query": "heathrow"}, {"query": "type 2 diabetes kidney", "kind": "icd10cm"}],
    timeout_s=60.0,
    warm=lambda: (documents(), index(), _title_words()),
)
def local_search(p: SearchQuery) -> dict:
    terms = list(dict.fromkeys(tokens(p.query)))
    if not terms:
        raise ToolInputError("the query has no letters or digits to search for")
    postings, lengths, mean_length = index()
    docs = documents()
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
