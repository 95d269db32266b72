"""The typed tool graph: which output of one tool can feed which input of another.

An edge joins an output field of tool A to a parameter of tool B when both carry the same chainable
port (an ISO country code, a date, a CAS number ...), or B's port accepts A's (a name is a search query).
The graph tells which chains a policy can build.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tool_catalog.ports import get_port
from tool_catalog.spec import GENERAL_DOMAIN, ToolSpec


def tool_edges(tools: Sequence[ToolSpec]) -> list[dict[str, str]]:
    """Typed edges: output field of one tool -> input parameter of another with the same chainable port."""
    consumers: dict[str, list[tuple[str, str]]] = {}
    for t in tools:
        for param, port_name in t.input_ports.items():
            for accepted in (port_name, *get_port(port_name).accepts):
                consumers.setdefault(accepted, []).append((t.name, param))
    edges = []
    for t in tools:
        for field, out in t.outputs.items():
            if not get_port(out.port).chainable:
                continue
            for target, param in consumers.get(out.port, []):
                if target != t.name:
                    edges.append(
                        {
                            "source_tool": t.name,
                            "source_field": field,
                            "target_tool": target,
                            "target_param": param,
                            "port": out.port,
                        }
                    )
    return edges


@dataclass(frozen=True)
class GraphStats:
    domain: str
    tools: int
    edges: int
    connected_share: float
    longest_chain: tuple[str, ...]


def graph_stats(tools: Sequence[ToolSpec], max_depth: int = 6) -> list[GraphStats]:
    """Per domain (its tools plus the general ones): edges, share of tools with an edge, a longest chain."""
    out = []
    for domain in sorted({t.domain for t in tools} - {GENERAL_DOMAIN}):
        members = [t for t in tools if t.domain in (domain, GENERAL_DOMAIN)]
        edges = tool_edges(members)
        linked = {e["source_tool"] for e in edges} | {e["target_tool"] for e in edges}
        own = [t.name for t in members if t.domain == domain]
        successors: dict[str, set[str]] = {}
        for e in edges:
            successors.setdefault(e["source_tool"], set()).add(e["target_tool"])
        out.append(
            GraphStats(
                domain=domain,
                tools=len(own),
                edges=sum(1 for e in edges if e["source_tool"] in own or e["target_tool"] in own),
                connected_share=sum(1 for n in own if n in linked) / len(own) if own else 0.0,
                longest_chain=_longest_chain(sorted(own), successors, max_depth),
            )
        )
    return out


def _longest_chain(starts: list[str], successors: dict[str, set[str]], max_depth: int) -> tuple[str, ...]:
    """A longest simple path (bounded depth, deterministic: first found in name order)."""
    best: tuple[str, ...] = ()
    budget = [20_000]  # bound the search on dense graphs

    def walk(path: tuple[str, ...]) -> None:
        nonlocal best
        if len(path) > len(best):
            best = path
        if len(path) >= max_depth or budget[0] <= 0 or len(best) >= max_depth:
            return
        for nxt in sorted(successors.get(path[-1], ())):
            budget[0] -= 1
            if nxt not in path:
                walk((*path, nxt))

    for start in starts:
        walk((start,))
    return best
