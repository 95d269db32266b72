"""A catalog of real, offline, deterministic tools for DIVE-style task synthesis.

Plain Python: no Dagster here. Tools are declared with :func:`tool_catalog.registry.tool`
in ``tool_catalog/domains/<domain>.py`` and executed safely with
:func:`tool_catalog.runtime.call_tool`.
"""

from tool_catalog.ports import port
from tool_catalog.registry import (
    all_tools,
    domain_tools,
    general_tools,
    get_tool,
    load_all,
    seed_source,
    seed_sources,
    tool,
)
from tool_catalog.runtime import ToolResult, call_tool
from tool_catalog.spec import DOMAINS, GENERAL_DOMAIN, Output, ToolInputError, ToolSpec

__all__ = [
    "DOMAINS",
    "GENERAL_DOMAIN",
    "Output",
    "ToolInputError",
    "ToolResult",
    "ToolSpec",
    "all_tools",
    "call_tool",
    "domain_tools",
    "general_tools",
    "get_tool",
    "load_all",
    "port",
    "seed_source",
    "seed_sources",
    "tool",
]
