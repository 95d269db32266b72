"""The embedded policy's diversity levers: graph-grown toolsets, least-used and failure-aware tool choice."""

from __future__ import annotations

import collections
import json
import random

import pytest

from dive_assets.synthesis.config import load_diversity_grid
from dive_assets.synthesis.derivation import askable
from dive_assets.synthesis.policy.embedded import ToolUsage, productive_tools
from dive_assets.synthesis.policy.known import Known
from dive_assets.synthesis.policy.plans import plan_call
from dive_assets.synthesis.records import Provenance, stable_id
from dive_assets.synthesis.toolsets import sample_toolsets
from tool_catalog import domain_tools, general_tools, get_tool, seed_sources
from tool_catalog.ports import get_port


def test_tool_usage_prefers_rarely_used_and_rarely_failing_tools() -> None:
    usage = ToolUsage()
    for _ in range(9):
        usage.record("busy", ok=True)
    for _ in range(3):
        usage.record("failing", ok=False)
    usage.record("fresh_sibling", ok=True)
    busy, failing, fresh, unseen = usage.weights(["busy", "failing", "fresh_sibling", "unseen"])
    assert unseen > fresh > busy
    assert failing < fresh  # same rarity class, but it keeps failing
    assert usage.calls["busy"] == 9 and usage.errors == {"failing": 3}


def test_productive_tools_are_those_feeding_another_tool_of_the_toolset() -> None:
    tools = [get_tool(n) for n in ("airport_info", "timezone_utc_offset", "country_week_convention")]
    productive = productive_tools(tools)
    assert "airport_info" in productive  # its timezone output feeds timezone_utc_offset
    assert "country_week_convention" not in productive  # weekdays and counts feed nothing here


def test_varied_toolsets_are_grown_along_the_tool_graph_and_cover_the_pool() -> None:
    setting = load_diversity_grid().get("full-varied")
    pool = domain_tools("geo")
    ports = {s.port for s in seed_sources("geo")}
    toolsets, assignment = sample_toolsets("geo", setting, pool, general_tools(), ports, 200, 7)
    assert len(assignment) == 200 and len(toolsets) > 150
    domain_names = {t.name for t in pool}
    linked = 0
    included: collections.Counter[str] = collections.Counter()
    for ts in toolsets:
        names = [n for n in ts.tool_names if n in domain_names]
        included.update(names)
        tools = [get_tool(n) for n in names]
        produced = {o.port for t in tools for o in t.outputs.values() if get_port(o.port).chainable}
        linked += any(t.input_ports[p] in produced for t in tools for p in t.required_params)
    assert linked / len(toolsets) > 0.8  # nearly every toolset holds a chain to execute
    assert len(included) == len(pool)  # rarely included tools are drawn first: the whole pool is reached
    assert max(included.values()) <= 4 * min(included.values())


def test_fixed_setting_draws_its_single_toolset_once() -> None:
    setting = load_diversity_grid().get("slice-fixed")
    ports = {s.port for s in seed_sources("medchem")}
    toolsets, assignment = sample_toolsets("medchem", setting, domain_tools("medchem"), [], ports, 50, 3)
    assert len(toolsets) == 1 and set(assignment) == {toolsets[0].toolset_id}


def test_a_tool_nothing_held_can_feed_starts_a_second_root_on_its_samples() -> None:
    tool = get_tool("pregnancy_due_date")
    known = [Known("cas_number", "64-17-5", Provenance(source="seed"), 0)]
    plan = plan_call(tool, known, random.Random(0), set())
    assert plan is not None and plan.stated_root and plan.depends_on == ()
    assert plan.arguments["last_menstrual_period"] in tool.param_samples("last_menstrual_period")
    assert plan.provenance["last_menstrual_period"].source == "sample"
    # a date a lookup found (Germany's next public holiday after a date) is no one's last menstrual period: the tool
    # still starts from its samples; a found date goes only to the weekday tool
    found = Known(
        "date", "2027-03-29", Provenance(source="step", step=0, field="holiday_date"), 1, "next_public_holiday"
    )
    held = [*known, found]
    for seed in range(5):
        again = plan_call(tool, held, random.Random(seed), set())
        assert again is not None and again.stated_root and again.depends_on == ()
        assert again.arguments["last_menstrual_period"] in tool.param_samples("last_menstrual_period")
    weekday = plan_call(get_tool("date_weekday"), held, random.Random(0), set())
    assert weekday is not None and not weekday.stated_root and weekday.depends_on == (0,)
    assert weekday.arguments["date"] == "2027-03-29"
    computed = Known("date", "2027-03-29", Provenance(source="step", step=0, field="date"), 1, "date_add_days", True)
    assert plan_call(get_tool("date_weekday"), [*known, computed], random.Random(0), set()) is None  # nor computed
    assert plan_call(get_tool("date_weekday"), known, random.Random(0), set()) is None  # general tools never do


def test_stated_values_come_from_an_example_with_the_same_linked_values() -> None:
    tool = get_tool("subdivision_by_name")  # examples: (US, Texas), (JP, Hokkaido)
    held = [Known("country_code", "JP", Provenance(source="seed"), 0)]
    for seed in range(5):
        plan = plan_call(tool, held, random.Random(seed), set())
        assert plan is not None and plan.arguments == {"country_code": "JP", "name": "Hokkaido"}
    other = [Known("country_code", "CN", Provenance(source="seed"), 0)]
    mixed = plan_call(tool, other, random.Random(0), set())
    assert mixed is not None and mixed.arguments["country_code"] == "CN" and not mixed.stated_root
    coherent = plan_call(tool, other, random.Random(0), set(), coherent_only=True)
    assert coherent is not None and coherent.stated_root and coherent.arguments in [dict(e) for e in tool.examples]
    assert all(p.source == "sample" for p in coherent.provenance.values())


@pytest.mark.parametrize(
    ("name", "held"),
    [
        ("constant_ratio", Known("physical_constant", "Boltzmann constant", Provenance(source="seed"), 0)),
        ("treasury_bill_yields", Known("date", "2024-02-29", Provenance(source="seed"), 0)),
    ],
)
def test_a_failing_tool_falls_back_on_varied_calls_it_accepts(name: str, held: Known) -> None:
    """Samples drawn one by one rarely suit these tools (constants of one unit; a bill bought below face and
    maturing after settlement). Once the tool keeps failing, the trace calls one of its documented examples
    whole: every such call runs, and they differ from trace to trace, so the questions do not repeat."""
    from tool_catalog.runtime import call_tool

    tool = get_tool(name)
    plans = [plan_call(tool, [held], random.Random(seed), set(), coherent_only=True) for seed in range(60)]
    assert all(p is not None and p.stated_root for p in plans)
    distinct = {json.dumps(p.arguments, sort_keys=True) for p in plans if p is not None}
    assert len(distinct) >= 10
    for arguments in distinct:
        result = call_tool(name, json.loads(arguments), 10.0)
        assert result.ok, (arguments, result.error)


def test_a_tool_is_failing_once_most_of_its_calls_in_the_partition_failed() -> None:
    usage = ToolUsage()
    for ok in (False, False, True, False):
        usage.record("t", ok)
    assert not usage.failing("t")  # too few calls to judge
    usage.record("t", False)
    assert usage.failing("t") and not usage.failing("unseen")


def test_a_call_a_tool_refused_is_not_made_again_in_the_partition() -> None:
    """Two traces from the same seed: the second does not repeat the call the tool refused in the first."""
    from dive_assets.synthesis.policy.embedded import EmbeddedCollector
    from tool_catalog.runtime import ToolResult, call_tool

    refused_key: list[str] = []

    def caller(name: str, arguments: dict, timeout_s: float | None) -> ToolResult:
        if name == "country_info" and not refused_key:  # the first country_info call is refused
            refused_key.append(json.dumps(arguments, sort_keys=True))
            return ToolResult(tool=name, ok=False, error_type="bad_input", error="refused", latency_ms=0.1)
        return call_tool(name, arguments, timeout_s)

    tools = [get_tool(n) for n in ("country_info", "country_population", "timezone_location")]
    usage = ToolUsage()
    calls = []
    for trace in range(2):
        collector = EmbeddedCollector(
            f"t{trace}", tools, "country_code", "FR", random.Random(3), 5.0, caller, partition_usage=usage
        )
        calls.append([(s.tool_name, json.dumps(s.arguments, sort_keys=True), s.ok) for s in collector.collect(3)])
    assert ("country_info", refused_key[0], False) in calls[0]
    assert len(usage.refusals) == 1
    assert all((name, args) != ("country_info", refused_key[0]) for name, args, _ in calls[1])


def test_a_fixed_setting_keeps_the_draw_along_which_evidence_chains_furthest() -> None:
    """One toolset serves every task of a fixed setting, so it is the best connected of a few trainable draws: all
    its domain tools, or all but one, can be reached from a seed entity through typed outputs (a random draw of
    the same slice reaches 66% of its medchem tools on average)."""
    from dive_assets.synthesis.toolsets import FIXED_CANDIDATES, chain_reach

    assert FIXED_CANDIDATES > 1
    for domain in ("geo", "medchem"):
        ports = {s.port for s in seed_sources(domain)}
        setting = load_diversity_grid().get("slice-fixed")
        toolsets, _ = sample_toolsets(domain, setting, domain_tools(domain), general_tools(), ports, 5, 20260310)
        tools = [get_tool(n) for n in toolsets[0].tool_names if get_tool(n).domain == domain]
        reached, pairs = chain_reach(tools, ports)
        assert len(tools) == 6 and reached >= 5 and pairs >= 5, (domain, reached, pairs)


def test_chain_reach_counts_tools_reachable_from_seeds_and_their_links() -> None:
    from dive_assets.synthesis.toolsets import chain_reach

    airport, offset = get_tool("airport_info"), get_tool("timezone_utc_offset")
    assert chain_reach([airport, offset], {"iata_code"}) == (2, 1)  # airport -> its timezone -> the offset
    assert chain_reach([airport, offset], {"country_code"}) == (0, 0)  # no seed fits either tool


def test_a_fixed_setting_never_keeps_the_held_out_toolset() -> None:
    """Every task of a fixed setting uses its one toolset: were it held out for the OOD-toolset test split, the
    partition would have no training task (it happened to science/slice-fixed: 677 split tasks, all test)."""
    from dive_assets.synthesis.splitting import toolset_held_out
    from dive_assets.synthesis.toolsets import best_fixed_toolset

    pool = domain_tools("science")
    ports = {s.port for s in seed_sources("science")}
    draws = [sorted(t.name for t in pool[i : i + 6]) for i in range(0, 60, 6)]
    held = [d for d in draws if toolset_held_out(stable_id("ts", "science", d), 11)]
    kept = [d for d in draws if d not in held]
    assert held and kept, "the seed should hold out some of these draws"
    assert best_fixed_toolset(held + kept, pool, ports, "science", [], 11) in kept
    for domain in ("science", "medchem", "finance"):
        for key in ("slice-fixed", "full-fixed"):
            ports = {s.port for s in seed_sources(domain)}
            setting = load_diversity_grid().get(key)
            toolsets, _ = sample_toolsets(domain, setting, domain_tools(domain), general_tools(), ports, 3, 20260310)
            assert not toolset_held_out(toolsets[0].toolset_id, 20260310), (domain, key)


def test_a_coverage_slice_is_the_best_connected_of_its_draws() -> None:
    """Both slice settings draw from one slice of the pool: of a few random slices of the same size, the one along
    which evidence chains furthest. Science's first draw reached 14 of 30 tools with 5 producer -> consumer pairs;
    the kept slice reaches at least 20 with 30 pairs, and no single draw beats it."""
    import math

    from dive_assets.synthesis.records import rng_for
    from dive_assets.synthesis.toolsets import SLICE_CANDIDATES, chain_reach, pool_slice

    setting = load_diversity_grid().get("slice-varied")
    for domain in ("science", "medchem", "finance"):
        pool, ports = domain_tools(domain), {s.port for s in seed_sources(domain)}
        kept = pool_slice(pool, setting, 20260310, ports)
        assert len(kept) == math.ceil(len(pool) * setting.pool_fraction)
        assert pool_slice(pool, load_diversity_grid().get("slice-fixed"), 20260310, ports) == kept  # shared
        ordered = sorted(pool, key=lambda t: t.name)
        draws = [
            rng_for(20260310, domain, "pool", setting.pool_fraction, setting.min_pool_tools, attempt).sample(
                ordered, len(kept)
            )
            for attempt in range(SLICE_CANDIDATES)
        ]
        best = chain_reach(kept, ports)
        assert all(chain_reach(d, ports) <= best for d in draws), domain
        assert best[0] >= 20 and best[1] >= 30, (domain, best)


def test_the_policy_favours_calls_whose_task_needs_a_tool_rare_in_the_partitions_tasks() -> None:
    from dive_assets.synthesis.partition_state import RARE_TOOL_USES, RARE_TOOL_WEIGHT, StepGraphs
    from dive_assets.synthesis.policy import embedded
    from dive_assets.synthesis.policy.known import finish_plan

    names = ("airport_info", "airport_codes")  # both retrieval tools on the seed's airport code
    known = [Known("iata_code", "LHR", Provenance(source="seed"), 0)]
    seed_arg = {"iata": Provenance(source="seed")}
    plans = [finish_plan(get_tool(n), {"iata": "LHR"}, seed_arg, 0, set(), set()) for n in names]
    usage = ToolUsage()
    for name in names:
        usage.tasks.shapes[StepGraphs().shape_of(name, ())] = 1  # neither call graph is new: only rarity differs
    for _ in range(RARE_TOOL_USES):
        usage.tasks.record("another shape", ["airport_info"])
    picks = collections.Counter(
        embedded._choose(
            [p for p in plans if p], {}, known, random.Random(seed), set(), None, usage, graphs=StepGraphs()
        ).tool.name
        for seed in range(400)
    )
    ratio = picks["airport_codes"] / picks["airport_info"]  # airport_codes is in no task of the partition yet
    assert RARE_TOOL_WEIGHT / 2 < ratio < RARE_TOOL_WEIGHT * 2, picks


def test_with_nothing_else_to_call_the_policy_repeats_a_call_on_another_entity() -> None:
    """A one-tool toolset holds one call per entity: once the seed's call is made, every further step is the same
    call on another entity of a cohort of the seed's, the entities people compare it with (it used to end the trace
    65% of the time per step)."""
    from dive_assets.synthesis.policy.embedded import EmbeddedCollector
    from tool_catalog.cohorts import cohorts_of

    tools = [get_tool("country_info")]
    pool = {"country_code": ["DE", "JP", "BR", "KE", "CA", "IN", "NO", "PE"]}
    for seed in range(6):
        collector = EmbeddedCollector("t", tools, "country_code", "FR", random.Random(seed), 5.0, entity_pool=pool)
        steps = collector.collect(4)
        assert len(steps) == 4 and all(s.ok and s.tool_name == "country_info" for s in steps)
        codes = [s.arguments["country_code"] for s in steps]
        assert codes[0] == "FR" and len(set(codes)) == 4
        # all four are of one cohort of France's (Germany's neighbours, the G7 ...), not from the pool
        assert any(set(codes) <= set(c.members) for c in cohorts_of("country_code", "FR")), codes


def test_paired_lists_are_stated_with_the_same_length() -> None:
    """x and y samples of several lengths (Anscombe's quartet has 11 points): the policy pairs lists as long as
    each other, so a regression is not called on 5 x values and 11 y values."""
    tool = get_tool("linear_regression")
    assert len({len(v) for v in tool.param_samples("ys")}) > 1
    lengths = set()
    for k in range(40):
        plan = plan_call(tool, [], random.Random(k), set())
        assert plan is not None
        assert len(plan.arguments["xs"]) == len(plan.arguments["ys"]), plan.arguments
        lengths.add(len(plan.arguments["xs"]))
    assert {5, 11} <= lengths


def test_the_policy_calls_a_starved_tool_more(monkeypatch: pytest.MonkeyPatch) -> None:
    """Late in a partition (its tools in 2 x RARE_TOOL_USES tasks on average) a tool still in few tasks is called
    and built on more: some steps choose only among such calls (``STARVED_CALL_SHARE``), beyond the 4x weight every
    rare tool gets."""
    import polars as pl

    from dive_assets.synthesis.catalog import catalog_frames
    from dive_assets.synthesis.config import Partition, RunSettings
    from dive_assets.synthesis.partition_state import RARE_TOOL_USES, STARVED_AFTER, PartitionTasks
    from dive_assets.synthesis.policy import embedded
    from dive_assets.synthesis.toolsets import toolset_frame
    from dive_assets.synthesis.traces import iter_trace_chunks

    run = RunSettings(tasks_per_partition=40, duckdb_path="unused.duckdb")
    partition = Partition.of("geo", "full-varied")
    seeds = catalog_frames(run_examples=False)["seeds"].filter(pl.col("domain") == "geo")
    toolsets = toolset_frame(partition, set(seeds["port"].unique()), run)
    busy = dict.fromkeys((t.name for t in [*domain_tools("geo"), *general_tools()]), 2 * STARVED_AFTER * RARE_TOOL_USES)

    def calls(tasks: PartitionTasks, share: float) -> collections.Counter[str]:
        monkeypatch.setattr(embedded, "STARVED_CALL_SHARE", share)
        usage = ToolUsage(tasks=tasks)
        chunks = iter_trace_chunks(partition, toolsets, seeds, run, partition_usage=usage)
        return collections.Counter(s.tool_name for chunk in chunks for trace in chunk for s in trace.steps)

    fed = calls(PartitionTasks(tools=dict(busy)), embedded.STARVED_CALL_SHARE)
    # a tool a task can contain: one with a field a question asks (the calculator's result, a unit conversion or a
    # search hit never is, so a partition's tasks never use them whatever the policy calls)
    in_tasks = {n for n in busy if any(askable(get_tool(n), f) for f in get_tool(n).outputs)}
    # a domain tool: a general one (a total, a ranking) needs operands of one cohort first, which steering cannot make
    offered = sorted(n for n, c in fed.items() if 1 <= c <= 3 and n in in_tasks and get_tool(n).domain != "general")[:3]
    assert len(offered) == 3
    starved = {n: PartitionTasks(tools={**busy, n: 0}) for n in offered}  # one starved tool at a time
    steered = {n: calls(starved[n], embedded.STARVED_CALL_SHARE)[n] for n in offered}
    weighted = {n: calls(starved[n], 0.0)[n] for n in offered}
    assert sum(steered.values()) >= 1.5 * sum(weighted.values()) > 0, (steered, weighted)
