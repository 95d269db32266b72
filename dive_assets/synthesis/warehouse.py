"""The DuckDB warehouse: schema from ``sql/``, locked connections, idempotent partition writes.

DuckDB allows one writing process at a time, so every connection is taken under a cross-process
file lock (``<db>.lock``): parallel partition runs, the SQL CLI and tests wait instead of failing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import NamedTuple

import duckdb
import filelock
import polars as pl

from dive_assets.synthesis.spool import Spool

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"

PARTITIONED_TABLES = (
    "toolsets",
    "traces",
    "trace_steps",
    "tasks",
    "task_failures",
    "verifications",
    "splits",
    "llm_calls",
    "solver_attempts",
    "task_pass_rates",
    "diversity_metrics",
)


STAGE_TABLES: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    ("sampled_toolsets", ("toolsets",), None),
    ("execution_traces", ("traces", "trace_steps"), "evidence"),
    ("derived_tasks", ("tasks", "task_failures"), "derivation"),
    ("verified_splits", ("verifications", "splits", "solver_attempts", "task_pass_rates"), "solver"),
    ("diversity_metrics", ("diversity_metrics",), None),
)
"""A partition's stages in order: the asset, the tables it writes, and its ``llm_calls`` stage. A write that changes a
stage's rows removes the partition's rows of every later stage in the same transaction (:func:`replace_partition`):
a reader never sees tasks of traces that are gone, or splits of tasks that are gone."""


def downstream_of(tables: Sequence[str]) -> tuple[list[str], list[str]]:
    """The tables and ``llm_calls`` stages of the stages after the latest stage that writes one of ``tables``."""
    last = max((i for i, (_, owned, _) in enumerate(STAGE_TABLES) if set(owned) & set(tables)), default=None)
    if last is None:
        return [], []
    later = STAGE_TABLES[last + 1 :]
    return [t for _, owned, _ in later for t in owned], [stage for _, _, stage in later if stage]


def schema_sql() -> str:
    return (SQL_DIR / "schema.sql").read_text(encoding="utf-8")


class Column(NamedTuple):
    """A column as ``sql/schema.sql`` declares it: DuckDB's name, type and nullability, and the comment on its line."""

    name: str
    type: str
    nullable: bool
    description: str | None


@cache
def declared_columns() -> dict[str, tuple[Column, ...]]:
    """Every table's columns, in order, as DuckDB creates them from ``sql/schema.sql`` (an in-memory database) - the
    one declaration of the warehouse's column types; descriptions are the ``--`` comments on the columns' lines."""
    comments: dict[tuple[str, str], str] = {}
    for table, body in re.findall(r"CREATE TABLE IF NOT EXISTS (\w+) \((.*?)\n\);", schema_sql(), re.S):
        for name, comment in re.findall(r"^\s+(\w+)\s[^\n]*?--\s*([^\n]+)$", body, re.M):
            comments[table, name] = comment.strip()
    with duckdb.connect(":memory:") as conn:
        conn.execute(schema_sql())
        rows = conn.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() "
            "WHERE database_name = current_database() ORDER BY table_name, column_index"
        ).fetchall()
    out: dict[str, list[Column]] = {}
    for table, name, data_type, nullable in rows:
        out.setdefault(table, []).append(Column(name, data_type, bool(nullable), comments.get((table, name))))
    return {table: tuple(columns) for table, columns in out.items()}


def named_query(name: str) -> str:
    """A query from ``sql/queries/<name>.sql``."""
    path = SQL_DIR / "queries" / f"{name}.sql"
    if not path.exists():
        available = sorted(p.stem for p in (SQL_DIR / "queries").glob("*.sql"))
        raise KeyError(f"unknown query {name!r}; available: {', '.join(available)}")
    return path.read_text(encoding="utf-8")


WRITE_MEMORY_LIMIT = "128MB"
"""DuckDB's memory limit on a writing connection (its default is 80% of the machine's memory); DuckDB spills what does
not fit, so inserting a large partition from the spool does not hold its rows in memory. Read-only connections (SQL
over the warehouse) keep the default unless they ask for a limit (DuckDB otherwise keeps its buffers)."""

ASSET_READ_MEMORY_LIMIT = WRITE_MEMORY_LIMIT
"""The limit the assets' own large reads ask for: the diversity metrics (chunked reads of a partition's tasks and
steps) and the split-leakage check."""


def _open(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """The DuckDB connection, or one line saying why the path is not a DuckDB file."""
    from dive_assets.synthesis.config import ConfigError

    if path.is_dir():
        raise ConfigError(f"the DuckDB path {path} is a directory; DIVE_DUCKDB_PATH must name a file")
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise ConfigError(f"cannot open {path} as a DuckDB file: {reason}") from None


@contextmanager
def connect(
    database: str | Path, read_only: bool = False, lock_timeout_s: float = 900.0, memory_limit: str | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the DuckDB file under the writer lock; the schema is created on first write. Writers are held to
    :data:`WRITE_MEMORY_LIMIT` unless ``memory_limit`` says otherwise; readers to ``memory_limit`` when given."""
    path = Path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    with filelock.FileLock(f"{path}.lock", timeout=lock_timeout_s):
        if read_only and not path.exists():
            raise FileNotFoundError(f"DuckDB file {path} does not exist yet; run `make run` first")
        conn = _open(path, read_only)
        try:
            limit = memory_limit or (None if read_only else WRITE_MEMORY_LIMIT)
            if limit:
                conn.execute(f"SET memory_limit = '{_checked_limit(limit)}'")
            if not read_only:
                conn.execute(schema_sql())
            yield conn
        finally:
            conn.close()


def _checked_limit(limit: str) -> str:
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", limit):
        raise ValueError(f"bad DuckDB memory limit {limit!r}: expected a size such as '256MB' or '2GiB'")
    return limit


Rows = pl.DataFrame | Sequence[Path]
"""A table's new rows: a frame, or Parquet files (a spool's chunks) that DuckDB reads itself."""


def replace_partition(
    conn: duckdb.DuckDBPyConnection,
    frames: Mapping[str, Rows],
    domain: str,
    diversity: str,
    scope: dict[str, dict[str, str]] | None = None,
) -> dict[str, int]:
    """Atomically replace one partition's rows in several tables; returns rows written per table.

    ``scope`` narrows the rows replaced in a table by extra column values (e.g. one stage of ``llm_calls``). When the
    new rows of a stage's table differ from the old ones, the partition's rows of every later stage
    (:data:`STAGE_TABLES`) are removed in the same transaction: they were built on rows that are gone.
    """
    written: dict[str, int] = {}
    stale_tables, stale_stages = downstream_of(list(frames))
    conn.execute("BEGIN TRANSACTION")
    try:
        changed = False
        for table, frame in frames.items():
            if table not in PARTITIONED_TABLES:
                raise ValueError(f"{table!r} is not a partitioned table")
            extra = (scope or {}).get(table, {})
            if any(not col.isidentifier() for col in extra):
                raise ValueError(f"bad scope column in {sorted(extra)}")
            where = " AND ".join(["domain = ?", "diversity = ?", *(f"{col} = ?" for col in extra)])
            params = [domain, diversity, *extra.values()]
            watched = bool(stale_tables) and table != "llm_calls"  # only a stage with later stages compares
            before = _digest(conn, table, where, params) if watched else None
            conn.execute(f"DELETE FROM {table} WHERE {where}", params)
            written[table] = _insert(conn, table, frame)
            changed = changed or (watched and before != _digest(conn, table, where, params))
        if changed:
            _remove_later_stages(conn, stale_tables, stale_stages, domain, diversity)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return written


def _digest(conn: duckdb.DuckDBPyConnection, table: str, where: str, params: Sequence[object]) -> tuple:
    """The rows' count and order-free hash (timings left out): equal digests before and after a write mean the
    stage's rows did not change, and what later stages built on them still holds."""
    names = [d[0] for d in conn.execute(f"SELECT * FROM {table} LIMIT 0").description if d[0] not in TIMINGS]
    columns = ", ".join(f'"{name}"' for name in names)
    return conn.execute(f"SELECT count(*), sum(hash({columns})::HUGEINT) FROM {table} WHERE {where}", params).fetchone()


TIMINGS = frozenset({"latency_ms"})
"""Columns that measure a run rather than say what it produced: they differ between equal runs."""


def _remove_later_stages(
    conn: duckdb.DuckDBPyConnection, tables: Sequence[str], stages: Sequence[str], domain: str, diversity: str
) -> None:
    for table in tables:
        conn.execute(f"DELETE FROM {table} WHERE domain = ? AND diversity = ?", [domain, diversity])
    if stages:
        marks = ", ".join("?" * len(stages))
        sql = f"DELETE FROM llm_calls WHERE domain = ? AND diversity = ? AND stage IN ({marks})"
        conn.execute(sql, [domain, diversity, *stages])


def replace_tables(conn: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame]) -> dict[str, int]:
    """Atomically replace whole (unpartitioned) tables."""
    written: dict[str, int] = {}
    conn.execute("BEGIN TRANSACTION")
    try:
        for table, frame in frames.items():
            conn.execute(f"DELETE FROM {table}")
            written[table] = _insert(conn, table, frame)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return written


def _insert(conn: duckdb.DuckDBPyConnection, table: str, frame: Rows) -> int:
    if not isinstance(frame, pl.DataFrame):
        files = [str(path) for path in frame if pl.scan_parquet(path).select(pl.len()).collect().item()]
        if not files:
            return 0
        sql = f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?, union_by_name = true)"
        ((count,),) = conn.execute(sql, [files]).fetchall()
        return int(count)
    if frame.height == 0:
        return 0
    view = f"_incoming_{table}"
    conn.register(view, frame.to_arrow())
    try:
        conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {view}")
    finally:
        conn.unregister(view)
    return frame.height


def query_frame(conn: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()) -> pl.DataFrame:
    """Run a query and return a polars frame (through Arrow; duckdb 2.0 has no ``.pl()``)."""
    table = conn.sql(sql, params=list(params) or None).to_arrow_table()
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    return frame


def read_partition(
    conn: duckdb.DuckDBPyConnection, table: str, domain: str, diversity: str, columns: Sequence[str] = ("*",)
) -> pl.DataFrame:
    cols = ", ".join(columns)
    return query_frame(conn, f"SELECT {cols} FROM {table} WHERE domain = ? AND diversity = ?", [domain, diversity])


def load_llm_cache(conn: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """The LLM response cache as a dict (request key -> stored reply)."""
    return {
        key: json.loads(response)
        for key, response in conn.execute("SELECT request_key, response FROM llm_cache").fetchall()
    }


def save_llm_cache(conn: duckdb.DuckDBPyConnection, cache: dict[str, dict], model: str, known: set[str]) -> int:
    """Insert the cache entries not stored yet; returns how many were added."""
    fresh = [(key, model, json.dumps(value, sort_keys=True)) for key, value in cache.items() if key not in known]
    if fresh:
        conn.executemany("INSERT OR IGNORE INTO llm_cache VALUES (?, ?, ?)", fresh)
    return len(fresh)


def spool_stored_traces(
    conn: duckdb.DuckDBPyConnection, spool: Spool, domain: str, diversity: str, chunk: int, with_tasks: bool = False
) -> int:
    """Copy a partition's traces and steps (and, with ``with_tasks``, its tasks) into ``spool``, ``chunk`` traces at
    a time in task-slot order, so the next stage reads one chunk at a time without holding the writer lock.

    Tasks chunk k holds the tasks of trace chunk k; tasks whose trace is gone come last, in a chunk of their own.
    Returns the number of traces."""
    partition = [domain, diversity]
    slots = [row[0] for row in conn.execute(_SLOTS_SQL, partition).fetchall()]
    size = max(1, chunk)
    for start in range(0, len(slots), size):
        bounds = [*partition, slots[start], slots[min(start + size, len(slots)) - 1]]
        frames = {
            "traces": query_frame(conn, _CHUNK_TRACES_SQL, bounds),
            "trace_steps": query_frame(conn, _CHUNK_ROWS_SQL.format(table="trace_steps"), [*partition, *bounds]),
        }
        if with_tasks:
            frames["tasks"] = query_frame(conn, _CHUNK_ROWS_SQL.format(table="tasks"), [*partition, *bounds])
        spool.add(frames)
    if with_tasks:
        orphans = query_frame(conn, _ORPHAN_TASKS_SQL, partition * 2)
        if orphans.height:
            spool.add({"tasks": orphans})
    return len(slots)


_SLOTS_SQL = "SELECT task_slot FROM traces WHERE domain = ? AND diversity = ? ORDER BY task_slot"
_CHUNK_TRACES_SQL = "SELECT * FROM traces WHERE domain = ? AND diversity = ? AND task_slot BETWEEN ? AND ?"
_CHUNK_ROWS_SQL = (
    "SELECT * FROM {table} WHERE domain = ? AND diversity = ? AND trace_id IN "
    "(SELECT trace_id FROM traces WHERE domain = ? AND diversity = ? AND task_slot BETWEEN ? AND ?)"
)
_ORPHAN_TASKS_SQL = (
    "SELECT * FROM tasks WHERE domain = ? AND diversity = ? AND trace_id NOT IN "
    "(SELECT trace_id FROM traces WHERE domain = ? AND diversity = ?)"
)
