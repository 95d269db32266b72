"""The dataset card of the exports (:mod:`dive_assets.synthesis.exports`): a Hugging Face ``README.md`` with counts,
tool coverage, verification yield, the configuration, the formats, what the splits mean, how to run the tools in RL
rollouts, the licences of the packages the tools' data come from, and the known limitations."""

from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Iterable, Mapping
from typing import Any

import duckdb
import polars as pl

from tool_catalog.registry import get_tool

SPLITS = {
    "train_sft": "training, for supervised fine-tuning (about 85% of the training tasks)",
    "train_rl": "training, for reinforcement learning (about 15% of the training tasks)",
    "test_id": "held-out seed entities asked with training tools and toolsets (in-distribution test)",
    "test_ood_toolset": "held-out toolsets (their seeds are held out too)",
    "test_ood_tool": "tasks that need one of the ~5% of domain tools no training trace calls",
}
"""What each split holds; no test entity or question appears in training (docs/architecture.md)."""

LIMITATIONS = [
    "Questions come from templates and a fixed policy unless an LLM was configured for the run (`llm_model`); they"
    " are less varied in wording than human questions.",
    "Answers are what the offline packages return at the versions below (exchange rates, holidays, calendars and"
    " codes are as of those versions' data, not today).",
    "`solver_pass_rate` is null unless a solver model was configured (`solver_model`); there is then no estimate of"
    " how hard a task is for a model.",
    "Every task has one gold call sequence; other sequences reaching the same answer are not in `sft/`.",
    "verl shows a model every tool of `verl/tool_config.yaml` (the union of the exported toolsets), not only the"
    " task's toolset; a call of a tool outside it finds no `tools_kwargs` entry (null) in that row.",
]


def dataset_card(
    conn: duckdb.DuckDBPyConnection,
    tasks: pl.DataFrame,
    code_version: str,
    config: Mapping[str, Any],
    cross_partition_duplicates: int = 0,
    tool_names: Iterable[str] = (),
    flavour: str = "openai",
) -> str:
    """The card's text; ``tool_names``: the tools of the exported toolsets (their packages' licences are listed)."""
    splits = sorted(set(tasks["split"].to_list()))
    front = ["---", "license: apache-2.0", "task_categories:", "- question-answering", "tags:", "- tool-use"]
    front += ["- function-calling", "- synthetic", "- dive", "configs:"]
    for kind, ext in (("sft", "jsonl"), ("rl", "jsonl"), ("verl", "parquet")):
        front += [f"- config_name: {kind}", "  data_files:"]
        front += [f"  - split: {s}\n    path: {kind}/{s}.{ext}" for s in splits]
    front += ["---", ""]
    used = conn.execute(
        "SELECT count(DISTINCT s.tool_name) FROM tasks t JOIN splits USING (task_id) "
        "JOIN trace_steps s ON s.trace_id = t.trace_id AND list_contains(t.required_steps, s.step_index)"
    ).fetchone()[0]
    catalog = conn.execute("SELECT count(*) FROM tools").fetchone()[0]
    yield_rows = conn.execute(
        "SELECT check_name, count(*), count(*) FILTER (WHERE passed) FROM verifications GROUP BY ALL ORDER BY 1"
    ).fetchall()
    arguments = "JSON text, as OpenAI sends them" if flavour == "openai" else "objects, as chat templates expect"
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
        *_solver_lines(conn, tasks),
        "",
        "## Splits",
        "",
        "| split | tasks | what it holds |",
        "|---|---|---|",
        *(f"| {s} | {int((tasks['split'] == s).sum())} | {SPLITS.get(s, '')} |" for s in splits),
        "",
        _count_table(tasks, "domain"),
        _count_table(tasks, "diversity"),
        _count_table(tasks, "pattern"),
        "## Verification yield (all derived tasks, all rounds)",
        "",
        "| check | checked | passed | yield |",
        "|---|---|---|---|",
        *(f"| {c} | {n} | {p} | {p / n:.1%} |" for c, n, p in yield_rows),
        "",
        "## Formats",
        "",
        f"- `sft/*.jsonl`: chat `messages` ({flavour} flavour: tool-call `arguments` as {arguments}). The independent",
        "  calls of a step are one assistant turn with parallel `tool_calls`, each answered by a `tool` message with",
        "  `tool_call_id` and `name`; the transcript ends in `The final answer is: <answer>.`. `tools`: only the",
        "  task's toolset, standard JSON Schema.",
        "- `rl/*.jsonl`: `prompt`, `tools` (JSON text), `ground_truth` (JSON text; its type in `ground_truth_type`),",
        "  `answer_type`, `tolerance`, `tolerance_kind`, `answer_unit`, `ordered`.",
        "- `verl/*.parquet` and `verl/tool_config.yaml`: verl's agent-loop format (`prompt`, `reward_model`,",
        "  `extra_info.tools_kwargs`); `parquet/*.parquet`: the task rows.",
        "",
        "## Running the tools for RL rollouts",
        "",
        "The tools are offline Python functions: `pip install` this repository, then",
        "`tool_catalog.call_tool(name, arguments)` runs one (`.ok`, `.output`, `.error`). Score a reply with",
        "`dive_assets.synthesis.reward.score_row(reply, row)` (R = 0.1 * format + correct; every equivalent form of",
        "the answer is accepted). With verl: `actor_rollout_ref.rollout.multi_turn.tool_config_path=",
        "verl/tool_config.yaml` and `custom_reward_function.path` set to `dive_assets/synthesis/exports_verl.py`,",
        "`custom_reward_function.name=compute_score`.",
        "",
        "## Data sources and licences",
        "",
        "The answers come from these packages (licence as stated in their metadata; data a package bundles may carry",
        "its own terms, see the package):",
        "",
        "| package | version | licence | tools |",
        "|---|---|---|---|",
        *_licence_rows(tool_names),
        "",
        "## Known limitations",
        "",
        *(f"- {line}" for line in LIMITATIONS),
        "",
        "## Configuration",
        "",
        "```json",
        json.dumps(dict(config), indent=2, sort_keys=True, default=str),
        "```",
        "",
    ]
    return "\n".join(front + body)


def package_licence(package: str) -> str:
    """A package's licence from its installed metadata: the SPDX expression, a short ``License`` field, or the
    licence classifiers."""
    if package == "stdlib":
        return "PSF-2.0 (Python standard library)"
    try:
        meta = importlib.metadata.metadata(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"
    if meta.get("License-Expression"):
        return str(meta["License-Expression"])
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 40 and field.upper() != "UNKNOWN":
        return field
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return "; ".join(classifiers)
    return field.splitlines()[0][:60] if field else "not stated in its metadata"


def _licence_rows(tool_names: Iterable[str]) -> list[str]:
    packages: dict[str, tuple[str, str, set[str]]] = {}
    for name in sorted(set(tool_names)):
        spec = get_tool(name)
        for package in (spec.package, *spec.extra_packages):
            key = package.lower().replace("_", "-")
            version = spec.package_version if package == spec.package else ""
            entry = packages.setdefault(key, (package, version, set()))
            entry[2].add(name)
    rows = []
    for _, (package, version, tools) in sorted(packages.items()):
        rows.append(f"| {package} | {version or '-'} | {package_licence(package)} | {len(tools)} |")
    return rows


def _solver_lines(conn: duckdb.DuckDBPyConnection, tasks: pl.DataFrame) -> list[str]:
    """How ``solver_pass_rate`` was computed (model, attempts per task, scoring) with its summary, or that it is null
    because no solver model was configured."""
    rated = tasks["solver_pass_rate"].drop_nulls() if "solver_pass_rate" in tasks.columns else pl.Series([])
    if rated.len() == 0:
        return ["- solver check: not run (no `solver_model` configured), so `solver_pass_rate` is null"]
    exported = set(tasks["task_id"].to_list())
    runs: dict[tuple[str, int], int] = {}
    for task_id, model, attempts in conn.execute("SELECT task_id, model, attempts FROM task_pass_rates").fetchall():
        if task_id in exported:
            runs[(model, attempts)] = runs.get((model, attempts), 0) + 1
    how = "; ".join(
        f"`{model}`, {k} attempt{'s' if k != 1 else ''} per task"
        f" ({'sampled at temperature 1, a seed each' if k > 1 else 'greedy'}; {n} tasks)"
        for (model, k), n in sorted(runs.items())
    )
    frontier = int(((rated > 0) & (rated < 1)).sum())
    return [
        f"- solver check: {rated.len()} tasks re-solved by a model calling the tools of their toolsets ({how});"
        " each final answer scored by `reward.score_row` (correct or not, no judge); `solver_pass_rate` = correct"
        " attempts / attempts whose LLM call succeeded; mean pass rate"
        f" {float(rated.mean() or 0):.2f}; {frontier} frontier tasks (0 < pass rate < 1; `solver_pass_rate` in rl/,"
        " parquet/ and verl's `extra_info`)"
    ]


def _count_table(tasks: pl.DataFrame, column: str) -> str:
    counts = tasks.group_by(column).len().sort(column)
    lines = [f"## Tasks per {column}", "", f"| {column} | tasks |", "|---|---|"]
    lines += [f"| {k} | {n} |" for k, n in counts.iter_rows()]
    return "\n".join(lines) + "\n"
