"""verl's agent-loop format of the exports (:mod:`dive_assets.synthesis.exports`).

* ``verl/<split>.parquet`` - one row per task as verl's ``RLHFDataset`` reads it: ``data_source``, ``agent_name``
  (``tool_agent``, verl's tool-calling agent loop), ``prompt`` (chat messages), ``ability``, ``reward_model``
  (``style: rule`` and ``ground_truth``, the gold answer as JSON text) and ``extra_info``: what scores a reply
  (read by :func:`compute_score`), ``solver_pass_rate`` (null without the solver check) and ``tools_kwargs``, per
  tool of the task's toolset ``{"create_kwargs": {"task_id": ...}}``.
* ``verl/tool_config.yaml`` - every tool of the exported toolsets as ``tools: [{class_name, config, tool_schema}]``
  with :class:`CatalogTool` (the offline catalog tool, run in-process) as the class.

Train with ``actor_rollout_ref.rollout.multi_turn.tool_config_path=verl/tool_config.yaml`` and
``custom_reward_function.path=<this file> custom_reward_function.name=compute_score``. verl is not a dependency:
:class:`CatalogTool` subclasses verl's ``BaseTool`` where verl is installed and works the same without it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import uuid4

import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from dive_assets.synthesis.exports_sft import SYSTEM_PROMPT, user_message
from dive_assets.synthesis.reward import score_row
from tool_catalog import call_tool

DATA_SOURCE = "dive"
ABILITY = "tool_use"
AGENT_NAME = "tool_agent"
SCORING_FIELDS = ("answer_text", "answer_type", "tolerance", "tolerance_kind", "answer_unit", "ordered")
"""The ``extra_info`` fields :func:`compute_score` reads besides ``reward_model.ground_truth``."""

try:  # verl is optional
    from verl.tools.base_tool import BaseTool as _Base  # type: ignore[import-not-found]
    from verl.tools.schemas import ToolResponse  # type: ignore[import-not-found]
except ImportError:
    _Base = object

    @dataclass
    class ToolResponse:  # type: ignore[no-redef]
        """verl's ``ToolResponse`` where verl is not installed: the text a tool returns to the model."""

        text: str | None = None


def verl_row(task: Mapping[str, Any], toolset: Sequence[str], index: int) -> dict[str, Any]:
    """One task as a row of verl's agent-loop dataset."""
    truth = json.loads(task["answer"])
    return {
        "data_source": DATA_SOURCE,
        "agent_name": AGENT_NAME,
        "prompt": [{"role": "system", "content": SYSTEM_PROMPT}, user_message(task["question"])],
        "ability": ABILITY,
        "reward_model": {"style": "rule", "ground_truth": json.dumps(truth, sort_keys=True, ensure_ascii=False)},
        "extra_info": {
            "index": index,
            "split": task["split"],
            "task_id": task["task_id"],
            "domain": task["domain"],
            "question": task["question"],
            **{name: task.get(name) for name in SCORING_FIELDS},
            "solver_pass_rate": task.get("solver_pass_rate"),
            "need_tools_kwargs": True,
            "tools_kwargs": {name: {"create_kwargs": {"task_id": task["task_id"]}} for name in sorted(toolset)},
        },
    }


def write_verl_split(path: Path, rows: Sequence[Mapping[str, Any]]) -> str:
    """Write one split's rows as Parquet (pyarrow's type inference; a tool outside a row's toolset reads as null in
    that row's ``tools_kwargs``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(list(rows)), path, write_statistics=False)
    return str(path)


def verl_tool_schema(tool: Mapping[str, Any]) -> dict[str, Any]:
    """An exported OpenAI tool declaration in the form verl's ``OpenAIFunctionToolSchema`` validates: a property's
    ``enum`` lists strings, so a list of other values moves into the description."""
    function = dict(tool["function"])
    parameters = dict(function["parameters"])
    properties = {}
    for name, prop in parameters.get("properties", {}).items():
        prop = dict(prop)
        if "enum" in prop and not all(isinstance(v, str) for v in prop["enum"]):
            values = ", ".join(json.dumps(v) for v in prop.pop("enum"))
            prop["description"] = f"{prop.get('description', '')} One of: {values}.".strip()
        properties[name] = prop
    parameters["properties"] = properties
    parameters.setdefault("required", [])
    return {"type": "function", "function": {**function, "parameters": parameters}}


def tool_config(tools: Iterable[Mapping[str, Any]]) -> str:
    """verl's tool config YAML for these OpenAI tool declarations, sorted by name."""
    entries = [
        {"class_name": f"{__name__}.CatalogTool", "config": {"type": "native"}, "tool_schema": verl_tool_schema(t)}
        for t in sorted(tools, key=lambda t: t["function"]["name"])
    ]
    return yaml.safe_dump({"tools": entries}, sort_keys=True, allow_unicode=True, width=120)


def compute_score(
    data_source: str, solution_str: str, ground_truth: str, extra_info: Mapping[str, Any] | None = None, **_: Any
) -> float:
    """verl's custom reward function: :func:`reward.score_row` of the reply against the row's ground truth (1.1 for
    a correct answer in the asked format, 0.1 for the format alone, 0 otherwise)."""
    fields = {name: (extra_info or {}).get(name) for name in SCORING_FIELDS}
    return score_row(solution_str, {**fields, "ground_truth": ground_truth}).total


class CatalogTool(_Base):  # type: ignore[misc, valid-type]
    """A catalog tool as a verl tool: ``execute`` runs ``tool_catalog.call_tool`` in-process and returns the
    output as JSON text (or ``{"error": ...}``); no step reward (the outcome is scored by :func:`compute_score`)."""

    def __init__(self, config: dict[str, Any], tool_schema: Any) -> None:
        if _Base is object:
            self.config, self.tool_schema = config, tool_schema
            function = tool_schema["function"] if isinstance(tool_schema, Mapping) else tool_schema.function
            self.name = function["name"] if isinstance(function, Mapping) else function.name
        else:
            super().__init__(config, tool_schema)
        self.instances: dict[str, dict[str, Any]] = {}

    async def create(self, instance_id: str | None = None, **kwargs: Any) -> tuple[str, Any]:
        instance_id = instance_id or str(uuid4())
        self.instances[instance_id] = dict(kwargs.get("create_kwargs") or {})
        return instance_id, ToolResponse()

    async def execute(self, instance_id: str, parameters: dict[str, Any], **kwargs: Any) -> tuple[Any, float, dict]:
        result = call_tool(self.name, parameters)
        body = result.output if result.ok else {"error": result.error}
        text = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
        return ToolResponse(text=text), 0.0, {"ok": result.ok}

    async def calc_reward(self, instance_id: str, **kwargs: Any) -> float:
        return 0.0

    async def release(self, instance_id: str, **kwargs: Any) -> None:
        self.instances.pop(instance_id, None)
