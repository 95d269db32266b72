"""Exports: SFT lines are OpenAI chat requests with tools that replay to the gold answer; RL lines score."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import polars as pl
import pytest

from dive_assets.synthesis import exports, warehouse
from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.partition import partition_frames
from dive_assets.synthesis.reward import score
from dive_assets.synthesis.verification import answers_match
from tool_catalog import call_tool

PARTITIONS = [("geo", "full-varied"), ("language", "slice-varied"), ("medchem", "full-fixed")]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("exports")
    db = root / "x.duckdb"
    run = RunSettings(duckdb_path=str(db), tasks_per_partition=10)
    catalog = catalog_frames(run_examples=False)
    with warehouse.connect(db) as conn:
        warehouse.replace_tables(conn, catalog)
        for domain, diversity in PARTITIONS:
            seeds = catalog["seeds"].filter(pl.col("domain") == domain)
            frames = partition_frames(Partition.of(domain, diversity), seeds, run)
            warehouse.replace_partition(conn, frames, domain, diversity)
        exports.export_dataset(conn, root / "out", "test", {"seed": run.seed})
        exports.export_dataset(conn, root / "again", "test", {"seed": run.seed})
    return db, root


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_sft_line_is_a_chat_request_with_tools_that_replays_to_the_answer(exported: tuple[Path, Path]) -> None:
    _, root = exported
    rl = {r["task_id"]: r for f in (root / "out" / "rl").glob("*.jsonl") for r in _lines(f)}
    examples = [e for f in sorted((root / "out" / "sft").glob("*.jsonl")) for e in _lines(f)]
    assert examples
    for example in examples:
        messages, tools = example["messages"], example["tools"]
        declared = {t["function"]["name"]: t["function"]["parameters"] for t in tools}
        assert all(t["type"] == "function" for t in tools)
        assert messages[0]["role"] == "system" and messages[1]["role"] == "user"
        assert messages[-1]["role"] == "assistant" and messages[-1]["content"].startswith("The final answer is: ")
        outputs: list[dict] = []
        pending: dict[str, tuple[str, dict]] = {}
        for message in messages[2:-1]:
            if message["role"] == "assistant":
                for call in message["tool_calls"]:
                    name, arguments = call["function"]["name"], json.loads(call["function"]["arguments"])
                    assert name in declared, name
                    jsonschema.validate(arguments, declared[name])
                    pending[call["id"]] = (name, arguments)
            else:
                assert message["role"] == "tool"
                name, arguments = pending.pop(message["tool_call_id"])
                fresh = call_tool(name, arguments)  # an independent replay, not the verifier's code path
                assert fresh.ok, fresh.error
                assert fresh.output == json.loads(message["content"])
                outputs.append(fresh.output)
        assert not pending
        task = rl[example["metadata"]["task_id"]]
        final = messages[-1]["content"]
        reward = score(final, task["ground_truth"], task["answer_type"], task["tolerance"])
        assert reward.total == pytest.approx(1.1)
        assert any(
            answers_match(task["ground_truth"], value, task["answer_type"], task["tolerance"])
            for output in outputs[-1:]
            for value in output.values()
        )


def test_rl_reward_separates_right_and_wrong(exported: tuple[Path, Path]) -> None:
    _, root = exported
    task = next(r for f in sorted((root / "out" / "rl").glob("*.jsonl")) for r in _lines(f))
    assert score(f"The final answer is: {task['answer_text']}.", task["ground_truth"], task["answer_type"],
                 task["tolerance"]).total == pytest.approx(1.1)  # fmt: skip
    assert score("The final answer is: certainly not this.", task["ground_truth"], task["answer_type"],
                 task["tolerance"]).total == pytest.approx(0.1)  # fmt: skip
    assert score("no idea", task["ground_truth"], task["answer_type"], task["tolerance"]).total == 0.0


def test_card_parquet_and_determinism(exported: tuple[Path, Path]) -> None:
    db, root = exported
    with warehouse.connect(db, read_only=True) as conn:
        per_split = dict(conn.execute("SELECT split, count(*) FROM splits GROUP BY split").fetchall())
        catalog = conn.execute("SELECT count(*) FROM tools").fetchone()[0]
    card = (root / "out" / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\nlicense: apache-2.0")
    removed = int(card.split("tasks: ")[1].split(" (")[1].split(" ")[0])
    assert sum(per_split.values()) - removed == sum(
        len(_lines(root / "out" / "sft" / f"{split}.jsonl")) for split in per_split
    )
    for split in per_split:
        n = len(_lines(root / "out" / "sft" / f"{split}.jsonl"))
        assert f"| {split} | {n} |" in card
        assert pl.read_parquet(root / "out" / "parquet" / f"{split}.parquet").height == n
        assert len(_lines(root / "out" / "sft" / f"{split}.jsonl")) == n
    assert f"of {catalog} in the catalog" in card
    for path in sorted((root / "out").rglob("*")):
        if path.is_file():
            twin = root / "again" / path.relative_to(root / "out")
            assert path.read_bytes() == twin.read_bytes(), path


def test_a_task_that_asks_what_a_task_of_another_partition_asks_is_exported_once() -> None:
    """Two partitions may ask the same (the EUR/USD high of 2022 in finance/full-fixed and finance/slice-fixed) in
    other words: the same calls and answer field. The export keeps the task with the smaller id."""
    same_asks = exports.same_asks
    call = {"tool_name": "exchange_rate_extremes", "arguments": json.dumps({"base_currency": "EUR", "year": 2022})}
    other = {**call, "arguments": json.dumps({"base_currency": "EUR", "year": 2023})}
    by_trace = {"tr_a": {0: call}, "tr_b": {3: call}, "tr_c": {0: other}}
    tasks = pl.DataFrame(
        {
            "task_id": ["tk_1", "tk_2", "tk_3"],
            "trace_id": ["tr_a", "tr_b", "tr_c"],
            "required_steps": [[0], [3], [0]],
            "answer_step": [0, 3, 0],
            "answer_field": ["max_rate", "max_rate", "max_rate"],
            "answer": ["1.1464", "1.1464", "1.1"],
        }
    )
    assert same_asks(tasks, by_trace) == {"tk_2"}
    assert same_asks(tasks.with_columns(pl.lit("min_rate").alias("answer_field")), by_trace) == {"tk_2"}
    assert same_asks(tasks.head(1), by_trace) == set()
