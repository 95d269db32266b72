"""Exports: SFT lines are OpenAI chat requests with tools that replay to the gold answer; RL lines score; every
file reads with pyarrow, polars and datasets, one type per column."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import datasets
import jsonschema
import polars as pl
import pyarrow as pa
import pyarrow.json as pa_json
import pyarrow.parquet as pq
import pytest

from dive_assets.synthesis import exports, warehouse
from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.partition import partition_frames
from dive_assets.synthesis.reward import score, score_row
from dive_assets.synthesis.verification import answers_match
from tool_catalog import call_tool
from tool_catalog.registry import get_tool

PARTITIONS = [
    ("geo", "full-varied"),
    ("language", "slice-varied"),
    ("medchem", "full-fixed"),
    ("medchem", "slice-fixed"),
]
"""Mixed answer types: numbers and strings, and lists (the ICD-10-CM notes of medchem/slice-fixed)."""


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
        messages, tools = example["messages"], json.loads(example["tools"])
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
        truth = json.loads(task["ground_truth"])
        reward = score(final, truth, task["answer_type"], task["tolerance"])
        assert reward.total == pytest.approx(1.1)
        assert any(
            answers_match(truth, value, task["answer_type"], task["tolerance"])
            for output in outputs[-1:]
            for value in output.values()
        )


def test_rl_reward_separates_right_and_wrong(exported: tuple[Path, Path]) -> None:
    _, root = exported
    task = next(r for f in sorted((root / "out" / "rl").glob("*.jsonl")) for r in _lines(f))
    truth = json.loads(task["ground_truth"])
    assert score(f"The final answer is: {task['answer_text']}.", truth, task["answer_type"],
                 task["tolerance"]).total == pytest.approx(1.1)  # fmt: skip
    assert score("The final answer is: certainly not this.", truth, task["answer_type"],
                 task["tolerance"]).total == pytest.approx(0.1)  # fmt: skip
    assert score("no idea", truth, task["answer_type"], task["tolerance"]).total == 0.0
    rows = [r for f in sorted((root / "out" / "rl").glob("*.jsonl")) for r in _lines(f)]
    for row in rows:  # every row says how it is scored, and its own answer text scores 1
        assert row["tolerance_kind"] in ("relative", "absolute", "exact", "exact_case"), row["task_id"]
        assert (row["tolerance"] is not None) == (row["answer_type"] == "number"), row["task_id"]
        assert (row["ordered"] is not None) == (row["answer_type"] == "list"), row["task_id"]
        assert score_row(f"The final answer is: {row['answer_text']}.", row).total == pytest.approx(1.1)
        assert score_row("The final answer is: certainly not this.", row).total == pytest.approx(0.1)


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


JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", list: "list", dict: "object"}


def _export_files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.suffix in (".jsonl", ".parquet"))


def _read(path: Path, reader: str, cache: Path) -> list[dict]:
    """The rows of an export file as one common reader reads it, with its default type inference."""
    jsonl = path.suffix == ".jsonl"
    if reader == "pyarrow":
        return (pa_json.read_json(path) if jsonl else pq.read_table(path)).to_pylist()
    if reader == "polars":
        return (pl.read_ndjson(path) if jsonl else pl.read_parquet(path)).to_dicts()
    builder = "json" if jsonl else "parquet"
    return datasets.load_dataset(builder, data_files=str(path), split="train", cache_dir=str(cache)).to_list()


def _same(read: Any, written: Any) -> bool:
    """Equal values of equal types; a key a reader adds as null to a struct stands for the key being absent."""
    if isinstance(read, dict) and isinstance(written, dict):
        return all(_same(read.get(key), written.get(key)) for key in read.keys() | written.keys())
    if isinstance(read, list) and isinstance(written, list):
        return len(read) == len(written) and all(_same(r, w) for r, w in zip(read, written, strict=True))
    return type(read) is type(written) and read == written


def test_every_export_file_reads_with_pyarrow_polars_and_datasets_unchanged(
    exported: tuple[Path, Path], tmp_path: Path, no_network: None
) -> None:
    """Each JSONL and Parquet file loads with each reader's own type inference (one type per column in every
    row), and the values read are the values written: a digit string stays a string, an integer an integer."""
    _, root = exported
    files = _export_files(root / "out")
    assert {p.parent.name for p in files} == {"sft", "rl", "parquet"}
    failures: list[str] = []
    for path in files:
        read: dict[str, list[dict]] = {}
        for reader in ("pyarrow", "polars", "datasets"):
            try:
                read[reader] = _read(path, reader, tmp_path / "hf")
            except Exception as error:  # every reader and file is reported, not only the first to fail
                failures.append(f"{path.relative_to(root)} {reader}: {type(error).__name__}: {str(error)[:160]}")
        written = _lines(path) if path.suffix == ".jsonl" else read.get("pyarrow")
        for reader, rows in read.items():
            if not _same(rows, written):
                columns = {k for r, w in zip(rows, written or [], strict=False) for k in r if not _same(r[k], w.get(k))}
                failures.append(f"{path.relative_to(root)} {reader}: values changed in {sorted(columns) or 'rows'}")
    assert not failures, "\n".join(failures)


def test_the_splits_of_each_export_read_as_one_table(exported: tuple[Path, Path], tmp_path: Path) -> None:
    """All split files of sft/, rl/ and parquet/ read together: the same columns with the same types (a column
    that is null in every row of a split, such as ``tolerance`` where no answer is a number, takes the others')."""
    _, root = exported
    for kind in ("sft", "rl", "parquet"):
        files = sorted((root / "out" / kind).iterdir())
        assert len(files) > 1
        tables = [pa_json.read_json(f) if f.suffix == ".jsonl" else pq.read_table(f) for f in files]
        schema = pa.unify_schemas([t.schema for t in tables], promote_options="default")  # null to a type only
        assert all(t.schema.names == schema.names for t in tables), kind
        rows = sum(t.num_rows for t in tables)
        read = pl.read_ndjson(files) if kind != "parquet" else pl.read_parquet(files)
        assert read.height == rows and read.columns == schema.names
        builder = "json" if kind != "parquet" else "parquet"
        both = datasets.load_dataset(
            builder, data_files=[str(f) for f in files], split="train", cache_dir=str(tmp_path)
        )
        assert both.num_rows == rows and both.column_names == schema.names


def _custom_keys(schema: Any, names: bool = False) -> list[str]:
    """The keywords of a JSON Schema that are not standard (``x-...``); the keys of ``properties`` are names."""
    if isinstance(schema, list):
        return [k for item in schema for k in _custom_keys(item)]
    if not isinstance(schema, dict):
        return []
    found = [] if names else [key for key in schema if key.startswith("x-")]
    for key, value in schema.items():
        if names or key not in ("enum", "const", "default", "examples"):
            found += _custom_keys(value, names=not names and key in ("properties", "$defs", "patternProperties"))
    return found


def test_exported_tool_schemas_have_only_standard_json_schema_keys(exported: tuple[Path, Path]) -> None:
    """``tools`` is the OpenAI tools list as JSON text; the planner's ``x-`` keys (``x-samples``, ``x-port``, ...)
    are not in it, and everything else of the catalog's schema is."""
    _, root = exported
    rows = [r for kind in ("sft", "rl") for f in sorted((root / "out" / kind).glob("*.jsonl")) for r in _lines(f)]
    catalog_custom: set[str] = set()
    for row in rows:
        assert isinstance(row["tools"], str)
        for tool in json.loads(row["tools"]):
            assert tool["type"] == "function" and set(tool["function"]) == {"name", "description", "parameters"}
            parameters, spec = tool["function"]["parameters"], get_tool(tool["function"]["name"])
            jsonschema.Draft202012Validator.check_schema(parameters)
            assert _custom_keys(parameters) == [], tool["function"]["name"]
            catalog = spec.parameters_schema  # the planner's schema keeps its x- keys
            catalog_custom |= set(_custom_keys(catalog))
            assert tool["function"]["description"] == spec.description
            assert {k: v for k, v in parameters.items() if k != "properties"} == {
                k: v for k, v in catalog.items() if k != "properties"
            }
            assert parameters["properties"] == {
                name: {k: v for k, v in prop.items() if not k.startswith("x-")}
                for name, prop in catalog["properties"].items()
            }
    assert "x-samples" in catalog_custom


def test_ground_truth_is_json_text_with_its_type_beside_it(exported: tuple[Path, Path]) -> None:
    db, root = exported
    with warehouse.connect(db, read_only=True) as conn:
        answers = dict(conn.execute("SELECT task_id, answer FROM tasks").fetchall())
    rows = [r for f in sorted((root / "out" / "rl").glob("*.jsonl")) for r in _lines(f)]
    for row in rows:
        assert isinstance(row["ground_truth"], str)
        truth, stored = json.loads(row["ground_truth"]), json.loads(answers[row["task_id"]])
        assert truth == stored and type(truth) is type(stored)
        assert row["ground_truth_type"] == JSON_TYPES[type(truth)]
    # the fixture mixes answer types in one file, and has a string of digits (which a reader could take for a number)
    assert {"string", "number", "integer", "list"} <= {r["ground_truth_type"] for r in rows}
    assert any(r["ground_truth_type"] == "string" and json.loads(r["ground_truth"]).isdigit() for r in rows)
