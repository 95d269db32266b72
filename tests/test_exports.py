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
from pydantic import BaseModel

from dive_assets.synthesis import exports, exports_card, exports_sft, exports_verl, warehouse
from dive_assets.synthesis.config import RunSettings
from dive_assets.synthesis.reward import score, score_row
from dive_assets.synthesis.verification import answers_match
from tests.synthesized import fill_warehouse
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
    with warehouse.connect(db) as conn:
        fill_warehouse(conn, PARTITIONS, run)
        exports.export_dataset(conn, root / "out", "test", {"seed": run.seed})
        exports.export_dataset(conn, root / "again", "test", {"seed": run.seed})
        hf = exports.ExportOptions(flavour="hf", preamble=True)
        exports.export_dataset(conn, root / "hf", "test", {"seed": run.seed}, hf)
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
                assert message["content"] is None  # no preamble by default
                assert not pending  # a turn's calls are all answered before the next turn
                for call in message["tool_calls"]:
                    name, arguments = call["function"]["name"], json.loads(call["function"]["arguments"])
                    assert name in declared, name
                    jsonschema.validate(arguments, declared[name])
                    pending[call["id"]] = (name, arguments)
            else:
                assert message["role"] == "tool"
                name, arguments = pending.pop(message["tool_call_id"])
                assert message["name"] == name
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
            for output in outputs
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
    assert {p.parent.name for p in files} == {"sft", "rl", "parquet", "verl"}
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


def _steps_of(db: Path) -> tuple[dict[str, dict], dict[str, dict[int, dict]]]:
    with warehouse.connect(db, read_only=True) as conn:
        tasks = {r["task_id"]: r for r in warehouse.query_frame(conn, "SELECT * FROM tasks").iter_rows(named=True)}
        steps: dict[str, dict[int, dict]] = {}
        for row in warehouse.query_frame(conn, "SELECT trace_id, step_index, depends_on FROM trace_steps").iter_rows(
            named=True
        ):
            steps.setdefault(row["trace_id"], {})[row["step_index"]] = row
    return tasks, steps


def test_call_rounds_put_independent_steps_in_one_turn() -> None:
    steps = {0: {"depends_on": []}, 1: {"depends_on": []}, 2: {"depends_on": [0, 1]}, 3: {"depends_on": [2]}}
    assert exports_sft.call_rounds([0, 1, 2, 3], steps) == [[0, 1], [2], [3]]
    assert exports_sft.call_rounds([3, 1], {**steps, 3: {"depends_on": [1, 9]}}) == [[1], [3]]
    assert exports_sft.call_rounds([2], steps) == [[2]]  # a dependency outside the required steps does not count


def test_a_turn_holds_the_calls_independent_of_each_other_and_parallel_tasks_have_one(
    exported: tuple[Path, Path],
) -> None:
    """Each assistant turn's calls use no result of the same turn, and each of its steps depends on a step of the
    turn before (the calls are made as soon as their inputs are known)."""
    db, root = exported
    tasks, steps = _steps_of(db)
    parallel = 0
    for example in (e for f in sorted((root / "out" / "sft").glob("*.jsonl")) for e in _lines(f)):
        trace = steps[tasks[example["metadata"]["task_id"]]["trace_id"]]
        turns = [
            [int(c["id"].rsplit("_", 1)[1]) for c in m["tool_calls"]]
            for m in example["messages"]
            if m.get("tool_calls")
        ]
        parallel += any(len(turn) > 1 for turn in turns)
        done: set[int] = set()
        for number, turn in enumerate(turns):
            for index in turn:
                deps = set(trace[index]["depends_on"] or []) & set(
                    tasks[example["metadata"]["task_id"]]["required_steps"]
                )
                assert deps <= done, (example["metadata"]["task_id"], index)
                assert number == 0 or deps & set(turns[number - 1]), (example["metadata"]["task_id"], index)
            done |= set(turn)
    assert parallel > 0


def _materialize(value: Any) -> Any:
    """A value validated by pydantic with its lazy iterables (``Iterable[...]`` fields) read out."""
    if isinstance(value, dict):
        return {k: _materialize(v) for k, v in value.items()}
    if isinstance(value, str | bytes | int | float | bool) or value is None:
        return value
    return [_materialize(v) for v in value]


def test_openai_flavour_validates_with_the_openai_sdk_types(exported: tuple[Path, Path]) -> None:
    from openai.types.chat import ChatCompletionFunctionToolParam, ChatCompletionMessageParam
    from pydantic import TypeAdapter

    _, root = exported
    message_type, tool_type = TypeAdapter(ChatCompletionMessageParam), TypeAdapter(ChatCompletionFunctionToolParam)
    for example in (e for f in sorted((root / "out" / "sft").glob("*.jsonl")) for e in _lines(f)):
        for message in example["messages"]:
            validated = _materialize(message_type.validate_python(message))
            # OpenAI's tool message has no ``name`` (templates of Llama 3.1, Mistral, ... read it); all else is typed
            assert validated == {k: v for k, v in message.items() if not (k == "name" and message["role"] == "tool")}
            assert all(isinstance(c["function"]["arguments"], str) for c in message.get("tool_calls", []))
        for tool in json.loads(example["tools"]):
            assert _materialize(tool_type.validate_python(tool)) == tool


QWEN_STYLE_TEMPLATE = """\
{%- if tools %}<|im_start|>system
{{ messages[0].content }}

# Tools
<tools>
{%- for tool in tools %}
{{ tool | tojson }}
{%- endfor %}
</tools><|im_end|>
{%- endif %}
{%- for message in messages[1:] %}
{%- if message.role == "assistant" and message.tool_calls %}
<|im_start|>assistant
{%- if message.content %}
{{ message.content }}{% endif %}
{%- for tool_call in message.tool_calls %}
<tool_call>
{"name": "{{ tool_call.function.name }}", "arguments": {{ tool_call.function.arguments | tojson }}}
</tool_call>
{%- endfor %}<|im_end|>
{%- elif message.role == "tool" %}
<|im_start|>user
<tool_response name="{{ message.name }}">
{{ message.content }}
</tool_response><|im_end|>
{%- else %}
<|im_start|>{{ message.role }}
{{ message.content }}<|im_end|>
{%- endif %}
{%- endfor %}
"""
"""The tool-call part of Qwen2.5's chat template (arguments rendered with ``tojson``, as Llama 3.1's are)."""


def test_hf_flavour_renders_with_a_tojson_chat_template_and_loads_with_datasets(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    import re

    import jinja2
    from datasets import Features, Json, List, Value

    _, root = exported
    template = jinja2.Environment(autoescape=False).from_string(QWEN_STYLE_TEMPLATE)
    template.environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    openai_lines = {e["metadata"]["task_id"]: e for f in (root / "out" / "sft").glob("*.jsonl") for e in _lines(f)}
    files = sorted((root / "hf" / "sft").glob("*.jsonl"))
    for example in (e for f in files for e in _lines(f)):
        text = template.render(messages=example["messages"], tools=example["tools"])
        rendered = [json.loads(m) for m in re.findall(r"<tool_call>\n(.*)\n</tool_call>", text)]
        calls = [c["function"] for m in example["messages"] for c in m.get("tool_calls", [])]
        assert rendered == [{"name": c["name"], "arguments": c["arguments"]} for c in calls]
        assert all(isinstance(c["arguments"], dict) for c in calls)
        twin = openai_lines[example["metadata"]["task_id"]]  # the same transcript, arguments as text there
        assert [json.loads(c["function"]["arguments"]) for m in twin["messages"] for c in m.get("tool_calls", [])] == [
            c["arguments"] for c in calls
        ]
        assert example["tools"] == json.loads(twin["tools"])
        assert all(m["content"].startswith("Let me call ") for m in example["messages"] if m.get("tool_calls"))
    call = {"id": Value("string"), "type": Value("string"), "function": {"name": Value("string"), "arguments": Json()}}
    message = {k: Value("string") for k in ("role", "content", "tool_call_id", "name")} | {"tool_calls": List(call)}
    meta = {k: Value("string") for k in ("task_id", "domain", "diversity", "split", "pattern", "topology")}
    features = Features(
        {"messages": List(message), "tools": List(Json()), "metadata": meta | {"round": Value("int64")}}
    )
    for path in files:  # with the features of docs/schema.md, datasets reads back what was written
        read = datasets.load_dataset(
            "json", data_files=str(path), split="train", features=features, cache_dir=str(tmp_path)
        )
        assert _same(read.to_list(), _lines(path)), path


class _VerlProperty(BaseModel):
    type: str
    description: str | None = None
    enum: list[str] | None = None


class _VerlParameters(BaseModel):
    type: str
    properties: dict[str, _VerlProperty]
    required: list[str]


class _VerlFunction(BaseModel):
    name: str
    description: str
    parameters: _VerlParameters
    strict: bool = False


class _VerlToolSchema(BaseModel):
    """verl's ``OpenAIFunctionToolSchema`` (verl/tools/schemas.py), which verl validates each ``tool_schema`` with."""

    type: str
    function: _VerlFunction


def test_verl_rows_and_tool_config_follow_verls_schema(exported: tuple[Path, Path]) -> None:
    """verl's multi-turn docs and ``examples/data_preprocess/gsm8k_tool_agent_loop.py``: ``data_source``,
    ``agent_name``, ``prompt``, ``ability``, ``reward_model {style, ground_truth}``, ``extra_info.tools_kwargs
    {tool: {create_kwargs}}``; a tool config ``tools: [{class_name, config, tool_schema}]``."""
    import asyncio
    import importlib

    import yaml

    db, root = exported
    tasks, _ = _steps_of(db)
    with warehouse.connect(db, read_only=True) as conn:
        toolsets = dict(conn.execute("SELECT DISTINCT toolset_id, tool_names FROM toolsets").fetchall())
    config = yaml.safe_load((root / "out" / "verl" / "tool_config.yaml").read_text(encoding="utf-8"))
    assert list(config) == ["tools"]
    classes = {}
    for entry in config["tools"]:
        assert set(entry) == {"class_name", "config", "tool_schema"} and entry["config"] == {"type": "native"}
        schema = _VerlToolSchema.model_validate(entry["tool_schema"])
        module, _, name = entry["class_name"].rpartition(".")
        classes[schema.function.name] = getattr(importlib.import_module(module), name)(entry["config"], schema)
    sft = {e["metadata"]["task_id"]: e for f in (root / "out" / "sft").glob("*.jsonl") for e in _lines(f)}
    rl = {r["task_id"]: r for f in (root / "out" / "rl").glob("*.jsonl") for r in _lines(f)}
    splits = sorted(p.stem for p in (root / "out" / "verl").glob("*.parquet"))
    assert splits == sorted(p.stem for p in (root / "out" / "sft").glob("*.jsonl"))
    for split in splits:
        table = pq.read_table(root / "out" / "verl" / f"{split}.parquet")
        assert table.schema.names == ["data_source", "agent_name", "prompt", "ability", "reward_model", "extra_info"]
        prompt = table.schema.field("prompt").type
        assert pa.types.is_list(prompt) and {(f.name, f.type) for f in prompt.value_type} == {
            ("role", pa.string()),
            ("content", pa.string()),
        }
        assert table.schema.field("reward_model").type == pa.struct(
            [("style", pa.string()), ("ground_truth", pa.string())]
        )
        for index, row in enumerate(table.to_pylist()):
            info, task = row["extra_info"], tasks[row["extra_info"]["task_id"]]
            assert (row["data_source"], row["agent_name"], row["ability"]) == ("dive", "tool_agent", "tool_use")
            assert row["prompt"] == rl[info["task_id"]]["prompt"]
            assert row["reward_model"] == {"style": "rule", "ground_truth": rl[info["task_id"]]["ground_truth"]}
            assert (info["index"], info["split"], info["need_tools_kwargs"]) == (index, split, True)
            kwargs = {k: v for k, v in info["tools_kwargs"].items() if v is not None}
            assert sorted(kwargs) == sorted(toolsets[task["toolset_id"]]) and set(kwargs) <= set(classes)
            assert all(v == {"create_kwargs": {"task_id": info["task_id"]}} for v in kwargs.values())
            reply = f"The final answer is: {info['answer_text']}."
            assert exports_verl.compute_score(
                row["data_source"], reply, row["reward_model"]["ground_truth"], info
            ) == pytest.approx(1.1)
            # "unknown" is no task's gold (a boolean gold may be "no")
            assert exports_verl.compute_score(
                "dive", "The final answer is: unknown.", row["reward_model"]["ground_truth"], info
            ) == pytest.approx(0.1)
            # the configured tool, created with the row's kwargs, returns what the SFT transcript's tool message says
            messages = sft[info["task_id"]]["messages"]
            call = next(c for m in messages for c in m.get("tool_calls", []))
            tool = classes[call["function"]["name"]]
            instance, _ = asyncio.run(tool.create(create_kwargs=kwargs[call["function"]["name"]]["create_kwargs"]))
            response, step_reward, _ = asyncio.run(tool.execute(instance, json.loads(call["function"]["arguments"])))
            answer = next(m for m in messages if m.get("tool_call_id") == call["id"])
            assert json.loads(response.text) == json.loads(answer["content"]) and step_reward == 0.0
            asyncio.run(tool.release(instance))


def test_card_explains_splits_rollouts_licences_and_limitations(exported: tuple[Path, Path]) -> None:
    _, root = exported
    card = (root / "out" / "README.md").read_text(encoding="utf-8")
    for heading in (
        "## Splits",
        "## Running the tools for RL rollouts",
        "## Data sources and licences",
        "## Known limitations",
    ):
        assert heading in card
    assert "tool_catalog.call_tool(name, arguments)" in card and "score_row" in card
    assert "`solver_pass_rate` is null" in card
    licences = card.split("## Data sources and licences")[1].split("## Known limitations")[0]
    assert "| babel |" in licences or "| pycountry |" in licences or "| biopython |" in licences
    assert exports_card.package_licence("stdlib").startswith("PSF")
    assert "not stated" not in exports_card.package_licence("pyarrow")
    assert "path: verl/" in card
