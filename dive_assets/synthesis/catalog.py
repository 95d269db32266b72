"""The tool_catalog stage: every registered tool (with its example calls executed), the typed tool graph and the
seed entities of every domain, as the frames of the ``tools``, ``tool_edges`` and ``seeds`` tables."""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from tool_catalog.graph import tool_edges
from tool_catalog.registry import all_tools, seed_sources
from tool_catalog.runtime import call_tool


def catalog_frames(run_examples: bool = True) -> dict[str, pl.DataFrame]:
    """The tools (with example outcomes), the typed tool graph and the seed entities."""
    tools = all_tools()
    rows = []
    for t in tools:
        error = None
        if run_examples:
            for example in t.examples:
                result = call_tool(t.name, example)
                if not result.ok:
                    error = f"{example}: {result.error_type}: {result.error}"
                    break
        rows.append(
            {
                "name": t.name,
                "domain": t.domain,
                "kind": t.kind,
                "description": t.description,
                "parameters_schema": json.dumps(t.parameters_schema, sort_keys=True),
                "input_ports": json.dumps(t.input_ports, sort_keys=True),
                "output_ports": json.dumps({k: o.port for k, o in t.outputs.items()}, sort_keys=True),
                "output_type": t.output_type(),
                "package": t.package,
                "package_version": t.package_version,
                "examples": json.dumps(list(t.examples), sort_keys=True),
                "example_ok": error is None,
                "example_error": error,
                "schema_valid": _schema_is_valid(t.parameters_schema),
            }
        )
    seeds = [
        {"domain": s.domain, "port": s.port, "value": str(v), "source": s.fn.__name__, "package": s.package}
        for s in seed_sources()
        for v in s.fn()
    ]
    seed_frame = pl.DataFrame(seeds, schema=["domain", "port", "value", "source", "package"], orient="row")
    return {
        "tools": pl.DataFrame(rows, infer_schema_length=None),  # an example may fail on any row, not the first 100
        "tool_edges": pl.DataFrame(
            tool_edges(tools),
            schema=["source_tool", "source_field", "target_tool", "target_param", "port"],
            orient="row",
        ),
        "seeds": seed_frame.unique(subset=["domain", "port", "value"], keep="first", maintain_order=True),
    }


def _schema_is_valid(schema: dict[str, Any]) -> bool:
    import jsonschema

    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError:
        return False
    return schema.get("type") == "object"


def tool_count_frame(tools: pl.DataFrame) -> pl.DataFrame:
    """Tools per domain (the per-domain count expectations run on this)."""
    return tools.group_by("domain").len(name="tools").sort("domain")
