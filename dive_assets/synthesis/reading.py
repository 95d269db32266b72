"""Split tasks as a reader sees them: a seeded sample printed with the question, the gold answer and the tool calls
that establish it (``dive sample``), and the realism measures of a dataset's questions (``dive realism``)."""

from __future__ import annotations

import json
import random
from typing import Any

import duckdb

_SPLIT_TASKS_SQL = """
SELECT t.task_id, t.domain, t.diversity, t.trace_id, t.question, t.answer_text, t.pattern, t.required_steps,
       s.split
FROM tasks t JOIN splits s USING (task_id)
ORDER BY t.task_id
"""
_STEPS_SQL = """
SELECT trace_id, step_index, tool_name, arguments, output
FROM trace_steps WHERE trace_id IN (SELECT unnest(?::VARCHAR[]))
"""


def split_tasks(conn: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The split tasks as the export writes them: a near-duplicate of a task of another partition is left out
    (:func:`dive_assets.synthesis.dedup.find_duplicates`, smallest id kept, as in ``dataset_exports``)."""
    from dive_assets.synthesis.dedup import find_duplicates

    columns = ["task_id", "domain", "diversity", "trace_id", "question", "answer_text", "pattern", "required_steps",
               "split"]  # fmt: skip
    tasks = [dict(zip(columns, row, strict=True)) for row in conn.execute(_SPLIT_TASKS_SQL).fetchall()]
    duplicates = find_duplicates([(t["task_id"], t["trace_id"], t["question"]) for t in tasks])
    return [t for t in tasks if t["task_id"] not in duplicates]


def sample(
    conn: duckdb.DuckDBPyConnection, n: int = 20, seed: int = 7, per_partition: int | None = None
) -> list[dict[str, Any]]:
    """``n`` split tasks drawn at random with ``seed`` (or ``per_partition`` from every partition), each with the
    required steps' calls (tool, arguments, output)."""
    rng = random.Random(seed)
    tasks = split_tasks(conn)
    if per_partition is not None:
        by_partition: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for task in tasks:
            by_partition.setdefault((task["domain"], task["diversity"]), []).append(task)
        chosen = [t for key in sorted(by_partition) for t in rng.sample(by_partition[key], min(per_partition,
                  len(by_partition[key])))]  # fmt: skip
    else:
        chosen = rng.sample(tasks, min(n, len(tasks)))
    traces = sorted({t["trace_id"] for t in chosen})
    steps: dict[tuple[str, int], dict[str, Any]] = {}
    for trace_id, index, tool, arguments, output in conn.execute(_STEPS_SQL, [traces]).fetchall():
        steps[(trace_id, index)] = {
            "tool": tool,
            "arguments": json.loads(arguments),
            "output": json.loads(output) if output else None,
        }
    for task in chosen:
        task["calls"] = [steps[(task["trace_id"], i)] for i in task["required_steps"] if (task["trace_id"], i) in steps]
    return chosen


def format_task(task: dict[str, Any], number: int | None = None, with_calls: bool = True) -> str:
    head = f"{number}. " if number is not None else ""
    lines = [f"{head}[{task['domain']}/{task['diversity']}, {task['pattern']}] {task['question']}",
             f"   answer: {task['answer_text']}"]  # fmt: skip
    if with_calls:
        for call in task.get("calls", []):
            arguments = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in call["arguments"].items())
            output = json.dumps(call["output"], ensure_ascii=False)
            lines.append(f"   - {call['tool']}({arguments}) -> {output[:300]}")
    return "\n".join(lines)
