"""The catalog as a whole: definitions are sound, examples run offline, tools chain, seeds are real."""

from __future__ import annotations

import collections
import re

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tool_catalog import DOMAINS, all_tools, call_tool, seed_sources
from tool_catalog.graph import graph_stats, tool_edges
from tool_catalog.ports import get_port
from tool_catalog.runtime import ToolResult

TOOLS = all_tools()


def test_catalog_has_400_tools_and_60_per_domain() -> None:
    counts = collections.Counter(t.domain for t in TOOLS)
    for domain in DOMAINS:
        assert counts[domain] >= 60, counts
    assert counts["general"] >= 15, counts
    assert len(TOOLS) >= 400 and sum(counts[d] for d in DOMAINS) >= 400, counts


def test_names_are_unique_and_schemas_are_valid_json_schema() -> None:
    assert len({t.name for t in TOOLS}) == len(TOOLS)
    for t in TOOLS:
        jsonschema.Draft202012Validator.check_schema(t.parameters_schema)
        assert t.parameters_schema.get("type") == "object", t.name
        assert t.description.strip(), t.name
        assert t.package_version != "unknown", (t.name, t.package)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_every_example_executes_offline(tool) -> None:
    for example in tool.examples:
        result = call_tool(tool.name, example)
        assert result.ok, (example, result.error_type, result.error)
        assert set(tool.outputs) <= set(result.output or {})


def test_every_required_parameter_can_be_filled() -> None:
    """The policy fills a parameter from samples, seeds or another tool's output of the same port."""
    produced = collections.defaultdict(set)
    for t in TOOLS:
        for out in t.outputs.values():
            produced[t.domain].add(out.port)
    seeded = collections.defaultdict(set)
    for s in seed_sources():
        seeded[s.domain].add(s.port)
    for t in TOOLS:
        for param in t.required_params:
            port_name = t.input_ports[param]
            fillable = (
                t.param_samples(param)
                or port_name in ("date", "year")
                or port_name in seeded[t.domain]
                or port_name in produced[t.domain]
                or (t.domain == "general" and not get_port(port_name).chainable)
            )
            assert fillable, f"{t.name}.{param} ({port_name}) has no samples and no producer"


def test_every_domain_has_long_chains_and_a_connected_graph() -> None:
    stats = {s.domain: s for s in graph_stats(TOOLS)}
    for domain in DOMAINS:
        assert len(stats[domain].longest_chain) >= 4, (domain, stats[domain].longest_chain)
        assert stats[domain].connected_share >= 0.7, (domain, stats[domain].connected_share)


def test_tools_chain_through_typed_ports() -> None:
    edges = tool_edges(TOOLS)
    linked = {e["source_tool"] for e in edges} | {e["target_tool"] for e in edges}
    assert edges
    for domain in DOMAINS:
        domain_tools = [t.name for t in TOOLS if t.domain == domain]
        assert any(name in linked for name in domain_tools), domain


def test_every_domain_has_real_seed_entities() -> None:
    for domain in DOMAINS:
        values = [v for s in seed_sources(domain) for v in s.fn()]
        assert len(values) >= 50, (domain, len(values))
        assert all(isinstance(v, str) and v for v in values)


_hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=60),
    st.sampled_from(["", "__import__('os')", "' OR 1=1 --", "../../etc/passwd", "9" * 500, "LHR", "2024-02-30"]),
    st.lists(st.integers(), max_size=5),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_hostile_arguments_give_structured_results(tool) -> None:
    names = [*tool.parameters_schema.get("properties", {}), "unexpected"]

    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.dictionaries(st.sampled_from(names), _hostile, max_size=len(names)))
    def check(arguments: dict) -> None:
        result = call_tool(tool.name, arguments, default_s=5.0)
        assert isinstance(result, ToolResult)
        assert result.ok or (result.error_type and result.error)

    check()


_STOP_WORDS = {"the", "of", "a", "an", "with", "in", "by", "for", "at", "to", "and", "on"}


def test_phrases_do_not_repeat_the_noun_a_stated_value_brings() -> None:
    """A stated value is written with its port's noun ("the time zone Asia/Tokyo"), so a phrase must not put
    that noun before the placeholder too ("in the time zone {timezone}" would read "the time zone the time zone")."""
    doubled = []
    for t in TOOLS:
        for field, out in t.outputs.items():
            for match in re.finditer(r"\{(\w+)\}", out.phrase):
                stated = get_port(t.input_ports[match.group(1)]).stated
                lead = set(re.findall(r"[a-z0-9-]+", stated.split("{value}")[0].lower())) - _STOP_WORDS
                before = re.findall(r"[a-z0-9-]+", out.phrase[: match.start()].lower())
                if lead and before and before[-1] in lead:
                    doubled.append((t.name, field, out.phrase))
    assert not doubled, doubled
