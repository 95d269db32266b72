"""The MCP server: the catalog's tools listed with plain JSON Schema and run by the catalog's runtime, checked with
the official MCP client over stdio and over streamable HTTP (the server runs as a subprocess of this interpreter)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import jsonschema
import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client

import tool_catalog
from dive_assets.cli import main
from dive_assets.environments.mcp_server import CatalogTools, select_tools
from dive_assets.synthesis.exports import standard_schema

ROOT = Path(__file__).resolve().parents[1]
ENV = {"PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}


def x_keys(schema: Any) -> list[str]:
    """Every key starting with ``x-`` at any depth of a schema."""
    if isinstance(schema, list):
        return [key for item in schema for key in x_keys(item)]
    if not isinstance(schema, dict):
        return []
    return [k for k in schema if str(k).startswith("x-")] + [key for v in schema.values() for key in x_keys(v)]


def expected_names(*domains: str) -> set[str]:
    chosen = {*domains, tool_catalog.GENERAL_DOMAIN}
    return {spec.name for spec in tool_catalog.all_tools() if spec.domain in chosen}


def test_an_unknown_domain_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mcp", "--domain", "geo,atlantis"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "unknown domain 'atlantis'" in err and "geo" in err


def test_domains_select_their_toolsets_and_every_schema_is_plain() -> None:
    everything = select_tools()
    assert [s.name for s in everything] == [s.name for s in tool_catalog.all_tools()]
    assert {s.name for s in select_tools(["geo"])} == expected_names("geo")
    both = {s.name for s in select_tools(["geo", "finance"])}
    assert both == {s.name for s in select_tools(["geo,finance"])} == expected_names("geo", "finance")
    for tool, spec in zip(CatalogTools(everything).tools, everything, strict=True):
        assert tool.description == spec.description and not x_keys(tool.input_schema), spec.name
        jsonschema.Draft202012Validator.check_schema(tool.input_schema)
        for example in spec.examples:  # what the catalog calls a tool with is valid against what MCP publishes
            jsonschema.validate(example, tool.input_schema)


def test_a_timeout_and_a_failing_tool_are_error_results() -> None:
    tools = CatalogTools(select_tools(["science"]), cap_s=0.001)  # trial division of the largest prime < 10^12
    result = anyio.run(tools.call, "prime_factorization", {"n": 999_999_999_989})  # takes ~50 ms
    assert result.is_error and result.content[0].text == "tool prime_factorization did not finish within 0.001 s"
    assert result.structured_content["error_type"] == "timeout"
    result = anyio.run(CatalogTools(select_tools(["geo"])).call, "airport_info", {"iata": "ZZZ"})
    assert result.is_error and "ZZZ" in result.content[0].text
    assert result.structured_content["error_type"] == "bad_input"


async def check_session(session: ClientSession, domains: tuple[str, ...]) -> None:
    """What both transports must show: the domains' tools with plain schemas, real outputs, one-line errors."""
    await session.initialize()
    listed = (await session.list_tools()).tools
    assert len(listed) == len(expected_names(*domains)) and {t.name for t in listed} == expected_names(*domains)
    for tool in listed:
        assert not x_keys(tool.input_schema), tool.name
        assert tool.input_schema == standard_schema(tool_catalog.get_tool(tool.name).parameters_schema)

    result = await session.call_tool("airport_info", {"iata": "LHR"})
    expected = tool_catalog.call_tool("airport_info", {"iata": "LHR"}).output
    assert not result.is_error and result.structured_content == expected
    assert json.loads(result.content[0].text) == expected and expected["city"] == "London"

    outside = next(s.name for s in tool_catalog.all_tools() if s.domain not in (*domains, "general"))
    failures = {
        "unknown argument": ("airport_info", {"iata": "LHR", "icao": "EGLL"}, "unknown argument(s) 'icao'"),
        "bad value": ("airport_info", {"iata": 42}, "iata: Input should be a valid string"),
        "unknown tool": ("no_such_tool", {}, "unknown tool 'no_such_tool'"),
        "tool of another domain": (outside, {}, f"unknown tool {outside!r}"),
        "tool error": ("airport_info", {"iata": "ZZZ"}, "ZZZ"),
    }
    for case, (name, arguments, reason) in failures.items():
        result = await session.call_tool(name, arguments)
        text = result.content[0].text
        assert result.is_error and reason in text and "\n" not in text, (case, text)


def test_stdio_serves_the_geo_toolset() -> None:
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "dive_assets.cli", "mcp", "--domain", "geo"], env=ENV, cwd=str(ROOT)
    )

    async def session() -> None:
        async with stdio_client(params) as (read, write), ClientSession(read, write) as client:
            await check_session(client, ("geo",))

    anyio.run(session)


@pytest.fixture
def http_server() -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "dive_assets.cli", "mcp", "--transport", "http", "--port", str(port)]
    proc = subprocess.Popen(
        [*command, "--domain", "geo", "--domain", "science"], cwd=ROOT, env={**os.environ, **ENV}, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, f"the server exited with {proc.returncode}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start listening within 30 s"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_streamable_http_serves_two_domains(http_server: str) -> None:
    async def session() -> None:
        async with streamable_http_client(http_server) as (read, write), ClientSession(read, write) as client:
            await check_session(client, ("geo", "science"))

    anyio.run(session)
