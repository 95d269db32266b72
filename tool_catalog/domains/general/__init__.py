"""General tools any toolset may add, as in DIVE: safe arithmetic, dates, units, comparison, aggregation, list
operations and a local full-text search over the catalog's shipped data.

These tools are domain-free helpers (stdlib, python-dateutil, pint). They declare no seed sources: the
policy feeds them numbers and dates produced by the domain tools of a toolset, or their documented samples.
The search index is built once per process from the same offline data the domain tools read (pycountry,
airportsdata, simple-icd-10-cm, chemicals, scipy's CODATA table, ephem's star list, REBASE).

Modules:
    common      DOMAIN, the magnitude bound MAX_ABS and the number checks shared by the modules
    calculator  the safe arithmetic calculator (whitelisted ``ast``, no eval/exec)
    dates       adding days and months to dates, days between dates, calendar facts of a date
    numbers     unit conversion with pint, and comparing, adding, multiplying and rounding numbers
    lists       aggregating, sorting and counting lists, set operations, top-k, rank and percentile
    search      the BM25 full-text search over the local data
"""
