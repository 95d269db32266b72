"""An MCP server over the tool catalog: every tool of the chosen domains with its JSON Schema, run by the catalog's
runtime (validation, time limits), over stdio or streamable HTTP.

    dive mcp                                  # every tool, stdio
    dive mcp --domain geo                     # the geo toolset's tools (geo and general), stdio
    dive mcp --domain geo,finance --transport http --port 8765   # http://127.0.0.1:8765/mcp

Built on the low-level server of the official ``mcp`` SDK, so each tool is published with the schema of its pydantic
parameters exactly (standard keywords only; the catalog's ``x-`` planning keys are dropped). A call goes through
:func:`tool_catalog.call_tool`: success returns the output as JSON text and as ``structuredContent``; invalid or
unknown arguments, a tool's error, a timeout or an unknown tool return a tool error result (``isError``) whose text
is the one-line reason, so an agent can read it and retry. The server itself never fails on a call.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from functools import partial
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import anyio
import anyio.to_thread
import mcp.types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server

from dive_assets.synthesis.exports import standard_schema
from tool_catalog import DOMAINS, GENERAL_DOMAIN, ToolSpec, all_tools, call_tool

SERVER_NAME = "dive-tools"
HTTP_PATH = "/mcp"
INSTRUCTIONS = (
    "Offline, deterministic tools over reference data shipped in Python packages (geography, finance, medicinal "
    "chemistry, science, language). Arguments are validated against each tool's schema and every call runs under a "
    "time limit; an error result states what was wrong in one line."
)
ANNOTATIONS = types.ToolAnnotations(
    read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False
)


def select_tools(domains: Sequence[str] = ()) -> list[ToolSpec]:
    """The tools served for ``domains`` (each item a domain or a comma-separated list of them): every catalog tool
    when none is given, else the tools of those domains together with the general tools that every domain's toolset
    carries. An unknown domain raises ValueError naming the known ones."""
    names = [name.strip() for item in domains for name in item.split(",") if name.strip()]
    known = (*DOMAINS, GENERAL_DOMAIN)
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(f"unknown domain {unknown[0]!r} in --domain; known: {', '.join(known)}")
    if not names:
        return all_tools()
    chosen = {*names, GENERAL_DOMAIN}
    return [spec for spec in all_tools() if spec.domain in chosen]


def mcp_tool(spec: ToolSpec) -> types.Tool:
    """A catalog tool as MCP lists it: its name, description and standard JSON Schema input."""
    return types.Tool(
        name=spec.name,
        description=spec.description,
        input_schema=standard_schema(spec.parameters_schema),
        annotations=ANNOTATIONS,
    )


def error_result(message: str, error_type: str) -> types.CallToolResult:
    """A tool error result: the reason on one line as text, and with its error type as structured content."""
    line = " ".join(message.split()) or error_type
    return types.CallToolResult(
        content=[types.TextContent(text=line)],
        structured_content={"error_type": error_type, "error": line},
        is_error=True,
    )


class CatalogTools:
    """The served tools and how a call of one runs (``default_s``: the time limit of a tool that declares none;
    ``cap_s``: a cap on every call's limit; both as in :func:`tool_catalog.runtime.time_limit`)."""

    def __init__(self, specs: Sequence[ToolSpec], default_s: float | None = None, cap_s: float | None = None):
        self.specs = {spec.name: spec for spec in specs}
        self.tools = [mcp_tool(spec) for spec in specs]
        self.default_s = default_s
        self.cap_s = cap_s

    def input_schema(self, name: str) -> Mapping[str, Any] | None:
        spec = self.specs.get(name)
        return None if spec is None else standard_schema(spec.parameters_schema)

    async def call(self, name: str, arguments: Mapping[str, Any] | None) -> types.CallToolResult:
        """Run one call on a worker thread (the event loop keeps serving); never raises."""
        if name not in self.specs:
            return error_result(f"unknown tool {name!r}; this server serves {len(self.specs)} tools", "unknown_tool")
        try:
            run = partial(call_tool, name, dict(arguments or {}), self.default_s, self.cap_s)
            result = await anyio.to_thread.run_sync(run)
        except Exception as exc:  # call_tool never raises; this keeps the server up should that change
            return error_result(f"{type(exc).__name__}: {exc}", "tool_exception")
        if not result.ok or result.output is None:
            return error_result(result.error or "the call failed", result.error_type or "tool_exception")
        text = json.dumps(result.output, ensure_ascii=False)
        return types.CallToolResult(content=[types.TextContent(text=text)], structured_content=result.output)


def build_server(tools: CatalogTools) -> Server[Any]:
    """A low-level MCP server that lists ``tools`` and runs their calls."""

    async def list_tools(
        _ctx: ServerRequestContext[Any], _params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tools.tools)

    async def call(_ctx: ServerRequestContext[Any], params: types.CallToolRequestParams) -> types.CallToolResult:
        return await tools.call(params.name, params.arguments)

    return Server(
        SERVER_NAME,
        version=_dive_version(),
        instructions=INSTRUCTIONS,
        get_tool_input_schema=tools.input_schema,
        on_list_tools=list_tools,
        on_call_tool=call,
    )


async def serve_stdio(server: Server[Any]) -> None:
    """Serve one client over this process's stdin and stdout until the client closes them."""
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())


async def serve_http(server: Server[Any], host: str, port: int) -> None:
    """Serve streamable HTTP at ``http://host:port/mcp`` until interrupted (on a loopback host the SDK accepts only
    loopback Host and Origin headers)."""
    import uvicorn

    app = server.streamable_http_app(streamable_http_path=HTTP_PATH, host=host)
    await uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning")).serve()


def run(
    domains: Sequence[str] = (),
    transport: str = "stdio",
    host: str = "127.0.0.1",
    port: int = 8000,
    default_s: float | None = None,
    cap_s: float | None = None,
) -> int:
    """``dive mcp``: serve until the client disconnects (stdio) or the process is interrupted (HTTP)."""
    tools = CatalogTools(select_tools(domains), default_s, cap_s)
    server = build_server(tools)
    try:
        if transport == "http":
            url = f"http://{host}:{port}{HTTP_PATH}"
            print(f"dive mcp: {len(tools.tools)} tools at {url}", file=sys.stderr, flush=True)
            anyio.run(serve_http, server, host, port)
        else:
            anyio.run(serve_stdio, server)
    except KeyboardInterrupt:
        return 130
    return 0


def _dive_version() -> str:
    try:
        return version("dive")
    except PackageNotFoundError:
        return ""
