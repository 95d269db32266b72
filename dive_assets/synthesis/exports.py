"""The dataset_exports stage: training-ready exports of every verified, split task.

* ``sft/<split>.jsonl`` - chat transcripts with ``tools`` (:mod:`~dive_assets.synthesis.exports_sft`): the user
  question, one assistant turn per round of independent required steps with parallel ``tool_calls``, a ``tool``
  message per call, and the final answer in the form the reward expects. Flavour ``openai`` (arguments and
  ``tools`` as JSON text) or ``hf`` (as objects, for Hugging Face chat templates and TRL).
* ``rl/<split>.jsonl`` - prompt messages, tools, ground truth and what scores a reply: answer type, tolerance and its
  kind, the asked unit, whether a list's order counts (score with ``reward.score_row``; docs/reward.md).
* ``verl/<split>.parquet`` and ``verl/tool_config.yaml`` - verl's agent-loop format
  (:mod:`~dive_assets.synthesis.exports_verl`).
* ``parquet/<split>.parquet`` - the task rows.
* ``README.md`` - a Hugging Face dataset card (:mod:`~dive_assets.synthesis.exports_card`).

In the ``openai`` flavour and in ``rl/`` every column has one type in every row, so pyarrow, polars and
``datasets`` read the files with their own type inference: a value whose shape varies per row is JSON text
(``tools``, tool-call ``arguments``, tool results, ``ground_truth`` with ``ground_truth_type`` beside it). Tool
schemas carry only standard JSON-Schema keywords and only the task's toolset. Output is deterministic (sorted by task
id, stable JSON) and contains no environment values.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from dive_assets.synthesis.dedup import find_duplicates, task_signature
from dive_assets.synthesis.exports_card import dataset_card
from dive_assets.synthesis.exports_sft import FLAVOURS, SYSTEM_PROMPT, Flavour, metadata, sft_example, user_message
from dive_assets.synthesis.exports_verl import tool_config, verl_row, write_verl_split
from dive_assets.synthesis.warehouse import query_frame
from tool_catalog.registry import get_tool

TASKS_SQL = """
SELECT t.*, sp.split, pr.pass_rate AS solver_pass_rate
FROM tasks t JOIN splits sp USING (task_id) LEFT JOIN task_pass_rates pr USING (task_id)
ORDER BY t.task_id
"""


def same_asks(tasks: pl.DataFrame, by_trace: Mapping[str, Mapping[int, Mapping[str, Any]]]) -> set[str]:
    """Ids of tasks that ask what a task with a smaller id asks (:func:`splits.task_signature`)."""
    seen: dict[str, str] = {}
    out: set[str] = set()
    for task in tasks.sort("task_id").iter_rows(named=True):
        steps = by_trace.get(task["trace_id"], {})
        calls = [
            (steps[i]["tool_name"], json.loads(steps[i]["arguments"])) for i in task["required_steps"] if i in steps
        ]
        answer = steps.get(task["answer_step"], {}).get("tool_name", "")
        key = task_signature(calls, answer, task["answer_field"], task["answer"])
        if seen.setdefault(key, task["task_id"]) != task["task_id"]:
            out.add(task["task_id"])
    return out


@dataclass(frozen=True)
class ExportOptions:
    """How the SFT transcripts are written: ``flavour`` ``openai`` (arguments as JSON text) or ``hf`` (as objects);
    ``preamble``: a short assistant sentence before each turn's calls (off: the content is null)."""

    flavour: Flavour = "openai"
    preamble: bool = False

    def __post_init__(self) -> None:
        if self.flavour not in FLAVOURS:
            raise ValueError(f"unknown SFT flavour {self.flavour!r}; known: {', '.join(FLAVOURS)}")


@dataclass
class ExportSummary:
    out_dir: Path
    tasks: int
    per_split: dict[str, int] = field(default_factory=dict)
    cross_partition_duplicates: int = 0
    files: list[str] = field(default_factory=list)


def export_dataset(
    conn: duckdb.DuckDBPyConnection,
    out_dir: Path,
    code_version: str,
    config: Mapping[str, Any],
    options: ExportOptions | None = None,
) -> ExportSummary:
    """Write every verified, split task of the warehouse to ``out_dir``."""
    options = options or ExportOptions()
    out_dir = Path(out_dir)
    tasks = query_frame(conn, TASKS_SQL)
    # partitions are verified one at a time; near-duplicates *across* partitions are removed here (smallest id kept)
    duplicates = set(
        find_duplicates([(t, tr, q) for t, tr, q in tasks.select("task_id", "trace_id", "question").rows()])
    )
    tasks = tasks.filter(~pl.col("task_id").is_in(list(duplicates)))
    steps = query_frame(
        conn,
        "SELECT trace_id, step_index, tool_name, arguments, output, depends_on FROM trace_steps "
        "WHERE trace_id IN (SELECT trace_id FROM tasks JOIN splits USING (task_id)) ORDER BY trace_id, step_index",
    )
    toolsets = {
        k: sorted(v) for k, v in conn.execute("SELECT DISTINCT toolset_id, tool_names FROM toolsets").fetchall()
    }
    by_trace: dict[str, dict[int, dict[str, Any]]] = {}
    for row in steps.iter_rows(named=True):
        by_trace.setdefault(row["trace_id"], {})[row["step_index"]] = row
    # ... and tasks that ask what a task of another partition asks, in other words (the same calls and answer field)
    duplicates |= same_asks(tasks, by_trace)
    tasks = tasks.filter(~pl.col("task_id").is_in(list(duplicates)))
    exported = sorted({name for t in set(tasks["toolset_id"].to_list()) for name in toolsets.get(t, [])})
    declarations = {name: exported_tool(name) for name in exported}
    tools_json = {t: _dumps([declarations[n] for n in toolsets.get(t, [])]) for t in set(tasks["toolset_id"].to_list())}
    summary = ExportSummary(out_dir=out_dir, tasks=tasks.height, cross_partition_duplicates=len(duplicates))
    for split in sorted(set(tasks["split"].to_list())):
        rows = tasks.filter(pl.col("split") == split)
        sft_lines, rl_lines, verl_rows = [], [], []
        for index, task in enumerate(rows.iter_rows(named=True)):
            names = toolsets.get(task["toolset_id"], [])
            sft_tools = [declarations[n] for n in names]
            example = sft_example(
                task, by_trace.get(task["trace_id"], {}), sft_tools, options.flavour, options.preamble
            )
            sft_lines.append(_dumps(example))
            rl_lines.append(_dumps(rl_example(task, tools_json.get(task["toolset_id"], "[]"))))
            verl_rows.append(verl_row(task, names, index))
        summary.per_split[split] = rows.height
        summary.files += [
            _write(out_dir / "sft" / f"{split}.jsonl", "\n".join(sft_lines) + "\n"),
            _write(out_dir / "rl" / f"{split}.jsonl", "\n".join(rl_lines) + "\n"),
            write_verl_split(out_dir / "verl" / f"{split}.parquet", verl_rows),
        ]
        parquet = out_dir / "parquet" / f"{split}.parquet"
        parquet.parent.mkdir(parents=True, exist_ok=True)
        rows.write_parquet(parquet, statistics=False)
        summary.files.append(str(parquet))
    summary.files.append(_write(out_dir / "verl" / "tool_config.yaml", tool_config(declarations.values())))
    card = dataset_card(conn, tasks, code_version, config, len(duplicates), exported, options.flavour)
    summary.files.append(_write(out_dir / "README.md", card))
    return summary


def code_version(repo: Path | None = None) -> str:
    """The git commit of the checkout (read from .git, no subprocess), or 'unknown'."""
    git = Path(repo or Path(__file__).resolve().parents[2]) / ".git"
    try:
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if head.startswith("ref: "):
            ref = head[5:]
            ref_file = git / ref
            if ref_file.exists():
                return ref_file.read_text(encoding="utf-8").strip()[:12]
            packed = (git / "packed-refs").read_text(encoding="utf-8")
            return next(line.split()[0][:12] for line in packed.splitlines() if line.endswith(ref))
        return head[:12]
    except (OSError, StopIteration):
        return "unknown"


SCHEMA_NAME_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})
"""JSON-Schema keywords whose keys are names (of parameters, definitions), each naming a schema."""
SCHEMA_DATA_KEYS = frozenset({"enum", "const", "default", "examples"})
"""JSON-Schema keywords whose values are data, not schemas."""


def standard_schema(schema: Any) -> Any:
    """A JSON Schema without custom ``x-`` keywords at any depth (the catalog's ``x-samples``, ``x-port`` and
    quantity keys are for planning); names of parameters and data such as ``enum`` are kept as they are."""
    if isinstance(schema, list):
        return [standard_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key.startswith("x-"):
            continue
        if key in SCHEMA_NAME_MAPS and isinstance(value, dict):
            out[key] = {name: standard_schema(sub) for name, sub in value.items()}
        else:
            out[key] = value if key in SCHEMA_DATA_KEYS else standard_schema(value)
    return out


def exported_tool(name: str) -> dict[str, Any]:
    """A catalog tool's OpenAI function declaration as a model is shown it in the exports: standard JSON Schema."""
    tool = get_tool(name).openai_tool()
    function = tool["function"]
    return {**tool, "function": {**function, "parameters": standard_schema(function["parameters"])}}


def json_type(value: Any) -> str:
    """The JSON type of a value, named as answer types are: boolean, integer, number, string, list, object, null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "list" if isinstance(value, list) else "object"


def rl_example(task: Mapping[str, Any], tools: str) -> dict:
    """The prompt and what scores a reply; ``ground_truth`` is JSON text (one column type for every answer)."""
    truth = json.loads(task["answer"])
    return {
        "prompt": [{"role": "system", "content": SYSTEM_PROMPT}, user_message(task["question"])],
        "tools": tools,
        "ground_truth": _dumps(truth),
        "ground_truth_type": json_type(truth),
        "answer_text": task["answer_text"],
        "answer_type": task["answer_type"],
        "tolerance": task["tolerance"],
        "tolerance_kind": task.get("tolerance_kind"),
        "answer_unit": task.get("answer_unit"),
        "ordered": task.get("ordered"),
        "solver_pass_rate": task.get("solver_pass_rate"),
        **metadata(task),
    }


def _dumps(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False)


def _write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)
