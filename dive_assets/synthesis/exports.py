"""Training-ready exports: SFT chat JSONL, RL JSONL, Parquet per split, and a dataset card.

* ``sft/<split>.jsonl`` - OpenAI chat format with ``tools``: the user question, one assistant message with
  ``tool_calls`` per required step (in execution order), the ``tool`` results, and the final answer in the
  form the reward expects. TRL, LLaMA-Factory and axolotl read this format.
* ``rl/<split>.jsonl`` - prompt messages, tools, ground truth and what scores a reply: answer type, tolerance and its
  kind, the asked unit, whether a list's order counts (score with ``reward.score_row``; docs/reward.md).
* ``parquet/<split>.parquet`` - the task rows.
* ``README.md`` - a Hugging Face dataset card with counts, tool coverage, verification yield and the config.

Every column has one type in every row, so pyarrow, polars and ``datasets`` read the files with their own type
inference: a value whose shape varies per row is JSON text (``tools``, tool-call ``arguments``, tool results,
``ground_truth`` with ``ground_truth_type`` beside it), and tool schemas carry only standard JSON-Schema keywords.
Output is deterministic (sorted by task id, stable JSON) and contains no environment values.
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
from dive_assets.synthesis.reward import ANSWER_INSTRUCTION
from dive_assets.synthesis.warehouse import query_frame
from tool_catalog.registry import get_tool

SYSTEM_PROMPT = (
    "You are a helpful assistant that answers questions by calling the available tools. "
    "Call tools to obtain every fact you need; do not guess."
)

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


@dataclass
class ExportSummary:
    out_dir: Path
    tasks: int
    per_split: dict[str, int] = field(default_factory=dict)
    cross_partition_duplicates: int = 0
    files: list[str] = field(default_factory=list)


def export_dataset(
    conn: duckdb.DuckDBPyConnection, out_dir: Path, code_version: str, config: Mapping[str, Any]
) -> ExportSummary:
    """Write every verified, split task of the warehouse to ``out_dir``."""
    out_dir = Path(out_dir)
    tasks = query_frame(conn, TASKS_SQL)
    # partitions are verified one at a time; near-duplicates *across* partitions are removed here (smallest id kept)
    duplicates = set(
        find_duplicates([(t, tr, q) for t, tr, q in tasks.select("task_id", "trace_id", "question").rows()])
    )
    tasks = tasks.filter(~pl.col("task_id").is_in(list(duplicates)))
    steps = query_frame(
        conn,
        "SELECT trace_id, step_index, tool_name, arguments, output FROM trace_steps "
        "WHERE trace_id IN (SELECT trace_id FROM tasks JOIN splits USING (task_id)) ORDER BY trace_id, step_index",
    )
    toolsets = dict(conn.execute("SELECT DISTINCT toolset_id, tool_names FROM toolsets").fetchall())
    tools_json = {
        toolset: _dumps([exported_tool(name) for name in sorted(names)]) for toolset, names in toolsets.items()
    }
    by_trace: dict[str, dict[int, dict[str, Any]]] = {}
    for row in steps.iter_rows(named=True):
        by_trace.setdefault(row["trace_id"], {})[row["step_index"]] = row
    # ... and tasks that ask what a task of another partition asks, in other words (the same calls and answer field)
    duplicates |= same_asks(tasks, by_trace)
    tasks = tasks.filter(~pl.col("task_id").is_in(list(duplicates)))
    summary = ExportSummary(out_dir=out_dir, tasks=tasks.height, cross_partition_duplicates=len(duplicates))
    for split in sorted(set(tasks["split"].to_list())):
        rows = tasks.filter(pl.col("split") == split)
        sft_lines, rl_lines = [], []
        for task in rows.iter_rows(named=True):
            tools = tools_json.get(task["toolset_id"], "[]")
            sft_lines.append(_dumps(sft_example(task, by_trace.get(task["trace_id"], {}), tools)))
            rl_lines.append(_dumps(rl_example(task, tools)))
        summary.per_split[split] = rows.height
        summary.files += [
            _write(out_dir / "sft" / f"{split}.jsonl", "\n".join(sft_lines) + "\n"),
            _write(out_dir / "rl" / f"{split}.jsonl", "\n".join(rl_lines) + "\n"),
        ]
        parquet = out_dir / "parquet" / f"{split}.parquet"
        parquet.parent.mkdir(parents=True, exist_ok=True)
        rows.write_parquet(parquet, statistics=False)
        summary.files.append(str(parquet))
    card = dataset_card(conn, tasks, code_version, config, len(duplicates))
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


def user_message(question: str) -> dict[str, str]:
    return {"role": "user", "content": f"{question}\n\n{ANSWER_INSTRUCTION}"}


def sft_example(task: Mapping[str, Any], steps: Mapping[int, Mapping[str, Any]], tools: str) -> dict:
    """One chat transcript replaying the task's required steps, ending in the final answer (``tools``: the JSON
    text of the toolset's declarations)."""
    messages: list[dict[str, Any]] = [{"role": "system", "content": SYSTEM_PROMPT}, user_message(task["question"])]
    for index in sorted(task["required_steps"]):
        step = steps[index]
        call_id = f"call_{task['task_id'][-8:]}_{index}"
        arguments = json.dumps(json.loads(step["arguments"]), sort_keys=True)
        messages.append(
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": call_id, "type": "function", "function": {"name": step["tool_name"], "arguments": arguments}}
                ],
            }
        )
        messages.append({"role": "tool", "tool_call_id": call_id, "content": step["output"]})
    messages.append({"role": "assistant", "content": f"The final answer is: {task['answer_text']}."})
    return {"messages": messages, "tools": tools, "metadata": _metadata(task)}


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
        **_metadata(task),
    }


def _metadata(task: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "task_id": task["task_id"],
        "domain": task["domain"],
        "diversity": task["diversity"],
        "split": task["split"],
        "pattern": task["pattern"],
        "topology": task["topology"],
        "round": task["round"],
    }


def dataset_card(
    conn: duckdb.DuckDBPyConnection,
    tasks: pl.DataFrame,
    code_version: str,
    config: Mapping[str, Any],
    cross_partition_duplicates: int = 0,
) -> str:
    splits = sorted(set(tasks["split"].to_list()))
    front = ["---", "license: apache-2.0", "task_categories:", "- question-answering", "tags:", "- tool-use"]
    front += ["- function-calling", "- synthetic", "- dive", "configs:", "- config_name: sft", "  data_files:"]
    front += [f"  - split: {s}\n    path: sft/{s}.jsonl" for s in splits]
    front += ["- config_name: rl", "  data_files:"] + [f"  - split: {s}\n    path: rl/{s}.jsonl" for s in splits]
    front += ["---", ""]
    used = conn.execute(
        "SELECT count(DISTINCT s.tool_name) FROM tasks t JOIN splits USING (task_id) "
        "JOIN trace_steps s ON s.trace_id = t.trace_id AND list_contains(t.required_steps, s.step_index)"
    ).fetchone()[0]
    catalog = conn.execute("SELECT count(*) FROM tools").fetchone()[0]
    yield_rows = conn.execute(
        "SELECT check_name, count(*), count(*) FILTER (WHERE passed) FROM verifications GROUP BY ALL ORDER BY 1"
    ).fetchall()
    body = [
        "# dive: verifiable tool-use tasks",
        "",
        "Tasks synthesized DIVE-style (arXiv 2603.11076): real offline tools were executed first, then a question",
        "strictly entailed by the resulting trace was derived. Every task here passed replay (its required tool",
        "calls reproduce the answer from the values stated in the question), entailment, grounding, minimality",
        "and uniqueness checks.",
        "",
        f"- tasks: {tasks.height} ({cross_partition_duplicates} removed as repeats of a task of another partition: "
        "a near-duplicate question, or the same calls and answer)",
        f"- tools used by required steps: {used} of {catalog} in the catalog",
        f"- code version: `{code_version}`",
        *_solver_lines(tasks),
        "",
        _count_table(tasks, "split"),
        _count_table(tasks, "domain"),
        _count_table(tasks, "diversity"),
        _count_table(tasks, "pattern"),
        "## Verification yield (all derived tasks, all rounds)",
        "",
        "| check | checked | passed | yield |",
        "|---|---|---|---|",
        *(f"| {c} | {n} | {p} | {p / n:.1%} |" for c, n, p in yield_rows),
        "",
        "## Configuration",
        "",
        "```json",
        json.dumps(dict(config), indent=2, sort_keys=True, default=str),
        "```",
        "",
        "## Formats",
        "",
        "`sft/*.jsonl`: OpenAI chat `messages` (assistant `tool_calls` with JSON-text `arguments`, `tool` results",
        "as JSON text), ending in `The final answer is: <answer>.`; `rl/*.jsonl`: `prompt`, `ground_truth` (JSON",
        "text; its JSON type in `ground_truth_type`), `answer_type`, `tolerance`, `tolerance_kind`, `answer_unit`,",
        "`ordered` (score a row with `dive_assets.synthesis.reward.score_row(reply, row)`, R = 0.1 * format +",
        "correct; it accepts every equivalent form of the answer the question allows: units, thousands separators,",
        "percent signs, scientific notation, dates in words, sets in any order); in both, `tools` is the OpenAI",
        "tools list as JSON text (`json.loads` it) with",
        "standard JSON-Schema parameters; `parquet/*.parquet`: the task rows. Every column has one type in all rows.",
        "",
    ]
    return "\n".join(front + body)


def _solver_lines(tasks: pl.DataFrame) -> list[str]:
    """The solver check's summary, when it ran (``solver_pass_rate`` is null otherwise)."""
    rated = tasks["solver_pass_rate"].drop_nulls() if "solver_pass_rate" in tasks.columns else pl.Series([])
    if rated.len() == 0:
        return []
    frontier = int(((rated > 0) & (rated < 1)).sum())
    return [
        f"- solver check: {rated.len()} tasks re-solved by a model with their toolsets; mean pass rate "
        f"{float(rated.mean() or 0):.2f}; {frontier} frontier tasks (0 < pass rate < 1; `solver_pass_rate` in rl/)"
    ]


def _count_table(tasks: pl.DataFrame, column: str) -> str:
    counts = tasks.group_by(column).len().sort(column)
    lines = [f"## Tasks per {column}", "", f"| {column} | tasks |", "|---|---|"]
    lines += [f"| {k} | {n} |" for k, n in counts.iter_rows()]
    return "\n".join(lines) + "\n"


def _dumps(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False)


def _write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)
