"""Named queries over the warehouse: the SQL files of ``sql/queries``, each documented by its header.

A file opens with comment lines: what it shows, then three kinds of tagged lines::

    -- The hardest split task of a trace with its full trace: every step, required or not.
    -- counts: split tasks (the final verified round of each trace)
    -- param task_id VARCHAR = NULL: the task to show; NULL: the hardest split task of the first trace
    -- columns: question, answer_text, pattern, round, step_index, required, tool_name, arguments, output, error

``counts`` says which rows a count is over (split tasks, tasks of every round, trace steps), ``param`` declares a
DuckDB named parameter (``$task_id`` in the SQL) with its type, default and meaning, and ``columns`` the result's
columns, which the tests check. Values given on the command line (``--param task_id=task_ab12``) are parsed to the
declared type; an unknown name or a value of the wrong type is refused with one line naming it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from dive_assets.synthesis import warehouse

TYPES = ("VARCHAR", "INTEGER", "BOOLEAN", "DOUBLE")
FORMATS = ("table", "csv", "json", "parquet")
_PARAM = re.compile(r"^param (\w+) (VARCHAR|INTEGER|BOOLEAN|DOUBLE) = (\S+): (.+)$")


class QueryError(ValueError):
    """A named query asked for wrongly: unknown query, parameter or format, or a value of the wrong type."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: Any
    doc: str

    def parse(self, text: str) -> Any:
        """The value of ``text`` as the declared type (NULL for ``null``)."""
        if text.strip().lower() == "null":
            return None
        try:
            if self.type == "INTEGER":
                return int(text)
            if self.type == "DOUBLE":
                return float(text)
            if self.type == "BOOLEAN":
                lowered = text.strip().lower()
                if lowered not in ("true", "false"):
                    raise ValueError(text)
                return lowered == "true"
        except ValueError:
            raise QueryError(f"parameter {self.name} takes a {self.type}, not {text!r}") from None
        return text


@dataclass(frozen=True)
class NamedQuery:
    name: str
    purpose: str
    counts: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    sql: str

    def values(self, given: Mapping[str, str] | None = None) -> dict[str, Any]:
        """Every declared parameter's value: the given text parsed, else the default."""
        given = dict(given or {})
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            takes = ", ".join(known) or "no parameters"
            raise QueryError(f"query {self.name} has no parameter {unknown[0]!r} (it takes {takes})")
        return {name: (p.parse(given[name]) if name in given else p.default) for name, p in known.items()}

    def run(self, conn: duckdb.DuckDBPyConnection, given: Mapping[str, str] | None = None) -> pl.DataFrame:
        values = self.values(given)
        frame = pl.from_arrow(conn.sql(self.sql, params=values or None).to_arrow_table())
        assert isinstance(frame, pl.DataFrame)
        return frame


def parse(name: str, text: str) -> NamedQuery:
    """A query's header and SQL; raises :class:`QueryError` for a header that does not follow the form above."""
    purpose: list[str] = []
    counts, columns, params = "", (), []
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        body = line[2:].strip()
        if body.startswith("counts:"):
            counts = body.removeprefix("counts:").strip()
        elif body.startswith("columns:"):
            columns = tuple(c.strip() for c in body.removeprefix("columns:").split(","))
        elif body.startswith("param "):
            match = _PARAM.match(body)
            if match is None:
                raise QueryError(f"{name}.sql: bad parameter line {body!r} (param NAME TYPE = DEFAULT: meaning)")
            pname, ptype, default, doc = match.groups()
            param = Param(pname, ptype, None, doc)
            params.append(Param(pname, ptype, param.parse(default), doc))
        else:
            purpose.append(body)
    if not counts or not columns:
        raise QueryError(f"{name}.sql must declare '-- counts:' and '-- columns:' in its header")
    return NamedQuery(name, " ".join(purpose), counts, tuple(params), columns, text)


def load(name: str) -> NamedQuery:
    try:
        return parse(name, warehouse.named_query(name))
    except KeyError as exc:
        raise QueryError(str(exc.args[0])) from None


def all_queries() -> list[NamedQuery]:
    return [load(p.stem) for p in sorted((warehouse.SQL_DIR / "queries").glob("*.sql"))]


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """``["task_id=task_ab", "tasks=3"]`` as a mapping; a pair without ``=`` is refused."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param takes NAME=VALUE, not {pair!r}")
        out[name.strip()] = value
    return out


def render(frame: pl.DataFrame, fmt: str, output: Path | None = None) -> str:
    """The frame as a readable table with full cells, CSV or JSON records (returned), or Parquet (written to
    ``output``, which it needs)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if output is None:
            raise QueryError("--format parquet needs --output FILE")
        frame.write_parquet(output)
        return f"wrote {frame.height} rows to {output}"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(frame.columns)
        for row in frame.iter_rows():
            writer.writerow("" if v is None else _json(v) if isinstance(v, list | dict) else v for v in row)
        text = buffer.getvalue()
    elif fmt == "json":
        text = json.dumps(frame.to_dicts(), ensure_ascii=False, indent=1, default=str) + "\n"
    else:
        text = _table(frame)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        return f"wrote {frame.height} rows to {output}"
    return text


WIDE = 160
"""A result whose aligned table would be wider than this is printed one record at a time (as psql's ``\\x``)."""


def _table(frame: pl.DataFrame) -> str:
    """Every cell in full: an aligned table when it fits in :data:`WIDE` characters, else one block per row."""
    rows = [[_cell(v) for v in row] for row in frame.iter_rows()]
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(frame.columns)]
    lines: list[str] = []
    if sum(widths) + 2 * len(widths) <= WIDE and all("\n" not in c for r in rows for c in r):
        lines.append("  ".join(c.ljust(w) for c, w in zip(frame.columns, widths, strict=True)).rstrip())
        lines.append("  ".join("-" * w for w in widths))
        lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    else:
        name_width = max(len(c) for c in frame.columns) if frame.columns else 0
        for n, row in enumerate(rows, 1):
            lines.append(f"-[ row {n} ]" + "-" * max(0, name_width - 6))
            lines.extend(f"{c.ljust(name_width)} | {v}" for c, v in zip(frame.columns, row, strict=True))
    lines.append(f"({frame.height} rows)")
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return _json(value) if isinstance(value, list | dict) else str(value)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
