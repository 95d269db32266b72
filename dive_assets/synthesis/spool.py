"""A partition's frames on disk, one Parquet file per table and chunk, so a stage holds one chunk at a time.

Memory is why: holding a large partition's step rows as frames while the next stage runs makes peak memory grow
with the partition. A stage appends each chunk's frames;
the next stage reads them back chunk by chunk, in the order written (task-slot order), and DuckDB inserts
straight from the files.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import polars as pl

SPOOL_PREFIX = "dive-spool-"
"""Spool folders are ``<temp>/dive-spool-<pid>-<stage>-<random>``: the pid tells a later stage whether its owner is
gone."""


@contextmanager
def stage_spool(stage: str, root: str | Path | None = None) -> Iterator[Spool]:
    """A spool in a new temporary folder, removed when the stage ends, however it ends short of SIGKILL; the folders
    that killed processes left behind are removed first (:func:`remove_orphan_spools`)."""
    remove_orphan_spools(root)
    with tempfile.TemporaryDirectory(prefix=f"{SPOOL_PREFIX}{os.getpid()}-{stage}-", dir=root) as folder:
        yield Spool(folder)


def remove_orphan_spools(root: str | Path | None = None) -> list[Path]:
    """Remove the spool folders whose process no longer exists; returns them."""
    removed = []
    for folder in Path(root or tempfile.gettempdir()).glob(f"{SPOOL_PREFIX}*"):
        pid = folder.name.removeprefix(SPOOL_PREFIX).split("-", 1)[0]
        if folder.is_dir() and pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this pid exists on this machine (one of another user's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Spool:
    """Chunked frames under ``directory``: ``<table>/<chunk:06d>.parquet``. Chunk k of every table written by the
    same :meth:`add` call belongs together (a trace chunk's traces and steps; its tasks and failures)."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)

    def add(self, frames: Mapping[str, pl.DataFrame]) -> None:
        """Write one chunk of each table (empty frames too, so chunk numbers stay aligned across tables)."""
        for table, frame in frames.items():
            folder = self.directory / table
            folder.mkdir(exist_ok=True)
            frame.write_parquet(folder / f"{len(self.files(table)):06d}.parquet")

    def files(self, table: str) -> list[Path]:
        folder = self.directory / table
        return sorted(folder.glob("*.parquet")) if folder.is_dir() else []

    def tables(self) -> list[str]:
        return sorted(p.name for p in self.directory.iterdir() if p.is_dir())

    def chunks(self, table: str, columns: Sequence[str] | None = None) -> Iterator[pl.DataFrame]:
        """The table's chunks in the order written."""
        for path in self.files(table):
            wanted = list(columns) if columns and pl.read_parquet_schema(path) else None  # a chunk may have no columns
            yield pl.read_parquet(path, columns=wanted)

    def read(self, table: str, columns: Sequence[str] | None = None) -> pl.DataFrame:
        """The whole table (only for small tables or a few columns); empty when no chunk was written. Chunks
        whose column was all null take the type of the others."""
        frames = [f for f in self.chunks(table, columns) if f.width]
        return pl.concat(frames, how="diagonal_relaxed") if frames else pl.DataFrame()

    def columns(self, table: str) -> list[str]:
        """The table's columns (of its first chunk that has any)."""
        for path in self.files(table):
            if schema := pl.read_parquet_schema(path):
                return list(schema)
        return []

    def height(self, table: str) -> int:
        return sum(pl.scan_parquet(path).select(pl.len()).collect().item() for path in self.files(table))
