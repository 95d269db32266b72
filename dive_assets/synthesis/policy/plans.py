"""Planning one call of a toolset's tool from what the trace holds (:func:`plan_call`), a documented example as a new
root (:func:`plan_example`), or the same call on another entity (:func:`plan_sibling`)."""

from __future__ import annotations

import json
import random
import zlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from dive_assets.synthesis.policy.compositions import plan_general
from dive_assets.synthesis.policy.known import (
    Known,
    PlannedCall,
    SideFit,
    example_fits,
    finish_plan,
    known_view,
    on_side,
    prefer,
    stated_value,
)
from dive_assets.synthesis.records import Provenance, Step
from tool_catalog.ports import get_port
from tool_catalog.registry import get_tool
from tool_catalog.spec import GENERAL_DOMAIN, ToolSpec


def plan_call(
    tool: ToolSpec,
    known: Sequence[Known],
    rng: random.Random,
    done: set[str],
    coherent_only: bool = False,
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """Fill every required parameter of ``tool``; None when impossible or when nothing links to evidence.

    Chainable ports (codes, dates, names ...) link to any held value of the same port. Generic numbers link
    only into general tools, and only as a *same-quantity fan-in*: every numeric operand is the same output
    field of the same tool on different entities (so "the larger of the elevation of airport LHR and the
    elevation of airport JFK", never "the larger of an elevation and 40").

    Stated values that go with linked ones (a subdivision name with a country code) come from a documented
    example with the same linked values when there is one. ``coherent_only`` (the tool keeps failing in this
    partition) replaces a mix no example vouches for by a whole documented example, as a new root. Stated values
    are preferably ones that ``fits`` (the trace's side of the split).
    """
    known = known_view(known)
    chainable = [p for p in tool.required_params if get_port(tool.input_ports[p]).chainable]
    generic = [p for p in tool.required_params if p not in chainable]
    if tool.domain == GENERAL_DOMAIN and generic and not chainable:
        return plan_general(tool, generic, known, rng, done, fits)
    arguments: dict[str, Any] = {}
    provenance: dict[str, Provenance] = {}
    links: list[int] = []
    depends: set[int] = set()
    produced = 0
    for param in tool.required_params:
        port_name = tool.input_ports[param]
        options = known.of_port(port_name) if param in chainable else []
        options = [k for k in options if k.value not in arguments.values() and not undoes(tool, k) and subject(k, tool)]
        if tool.domain != GENERAL_DOMAIN and produced and _coordinate_partner(tool, param, provenance) is None:
            # one found entity per call, the rest stated: a call joining what two unrelated lookups found (a
            # holiday check of one country on a date another chain computed) asks nothing a person would
            options = [k for k in options if k.provenance.source != "step"]
        if tool.domain == "language" and port_name in ("word", "text"):
            options = [k for k in options if k.provenance.source != "step" or english(k.value)]
        if tool.domain == GENERAL_DOMAIN:  # no arithmetic on what other arithmetic computed (a date 1 month after
            options = [k for k in options if not k.general]  # the date 100 days after ...)
        partner = _coordinate_partner(tool, param, provenance)
        if partner is not None:  # a longitude goes with the latitude of the same place, never another's
            options = [k for k in options if partner.source == "step" and k.provenance.step == partner.step]
            if partner.source == "step" and not options:
                return None
        if options:
            newest = max(options, key=lambda k: k.order)
            pick = newest if rng.random() < 0.8 else rng.choice(options)
            arguments[param] = pick.value
            provenance[param] = pick.provenance
            links.append(pick.order)
            if pick.provenance.step is not None:
                depends.add(pick.provenance.step)
                produced += 1
            continue
        value = stated_value(tool, param, port_name, rng, arguments, fits)
        if value is None:
            return None
        arguments[param] = value
        provenance[param] = Provenance(source="sample")
    linked = [p for p in arguments if provenance[p].source != "sample"]
    stated = [p for p in arguments if provenance[p].source == "sample"]
    if links and stated and tool.examples:
        matching = [e for e in tool.examples if all(e.get(p) == arguments[p] for p in linked)]
        if matching:
            example = rng.choice(prefer(matching, example_fits(tool, stated, fits)))
            arguments.update({p: example[p] for p in stated if p in example})
        elif coherent_only:
            return plan_example(tool, rng, done, fits)
    if not links:
        if tool.domain == GENERAL_DOMAIN:
            return None
        if chainable and tool.examples:
            return plan_example(tool, rng, done, fits)
        # A computation over stated quantities only (a clinical score, a bond price ...), or a tool that nothing
        # held can feed yet (a due date from a stated date): called on documented samples, rarely (see _choose).
        plan = finish_plan(tool, arguments, provenance, 0, set(), done)
        return plan if plan is None or not chainable else replace(plan, stated_root=True)
    return finish_plan(tool, arguments, provenance, max(links), depends, done)


def plan_example(tool: ToolSpec, rng: random.Random, done: set[str], fits: SideFit | None = None) -> PlannedCall | None:
    """A documented example call (coherent stated values) as a new root of the trace; a tool of one parameter
    may also start from any documented sample of it (a sparse-table tool has 2 examples but 5 tabulated samples:
    roots that repeat the 2 examples die as near duplicates)."""
    options = [dict(e) for e in tool.examples]
    if len(tool.required_params) == 1:
        param = tool.required_params[0]
        options += [{param: s} for s in tool.param_samples(param) if {param: s} not in options]
    if not options:
        return None
    example = rng.choice(prefer(options, example_fits(tool, tool.required_params, fits)))
    plan = finish_plan(tool, example, {p: Provenance(source="sample") for p in example}, 0, set(), done)
    return None if plan is None else replace(plan, stated_root=True)


def plan_sibling(
    step: Step,
    tool: ToolSpec,
    entity_pool: dict[str, list[str]],
    rng: random.Random,
    done: set[str],
    fits: SideFit | None = None,
) -> PlannedCall | None:
    """The same call on another entity of the same port (parallel evidence for compare/iterative tasks).

    A stand-alone call on one stated value (an identifier check, a year's calendar facts) gets a sibling on
    another documented sample, so its outputs can be compared or counted over several entities too."""
    linked = [p for p, prov in step.provenance.items() if prov.source in ("seed", "step")]
    if not step.ok:
        return None
    if not linked and tool.domain != GENERAL_DOMAIN and len(step.arguments) == 1 == len(tool.required_params):
        linked = list(step.arguments)
    if len(linked) != 1:
        return None
    param = linked[0]
    port_name = tool.input_ports[param]
    samples = tool.param_samples(param) or entity_pool.get(port_name, [])
    pool = sibling_pool(step, port_name, step.arguments[param], samples, lambda: _called(tool, step, param, done))
    if not pool:
        return None
    options = on_side(pool, fits, port_name)
    provenance = {**step.provenance, param: Provenance(source="sample")}
    for _attempt in range(3):  # an entity already called on is drawn again, up to three times
        plan = finish_plan(tool, {**step.arguments, param: rng.choice(options)}, provenance, 0, set(), done)
        if plan is not None:
            return plan
    return None


def _called(tool: ToolSpec, step: Step, param: str, done: set[str]) -> set[Any]:
    """The values of ``param`` the trace already called ``tool`` on with the step's other arguments."""
    others = json.loads(json.dumps({k: v for k, v in step.arguments.items() if k != param}, default=str))
    called = set()
    for key in done:
        if key.startswith(tool.name + "{"):
            arguments = json.loads(key[len(tool.name) :])
            if {k: v for k, v in arguments.items() if k != param} == others:
                called.add(
                    json.dumps(arguments.get(param)) if isinstance(arguments.get(param), list) else arguments.get(param)
                )
    return called


def sibling_pool(
    step: Step, port_name: str, value: Any, samples: Sequence[Any], calls: Callable[[], set[Any]]
) -> list[Any]:
    """The entities a sibling call may take instead of ``value``: the other members of one cohort of it
    (:mod:`tool_catalog.cohorts`: London's airports, Germany's neighbours), years within a decade of it, any other
    word or date (dates are refused later unless the quantity moves with money); none for an entity without a
    cohort, since a comparison needs a reason. The cohort must hold every entity the call was already made on
    (``calls()``), so all the calls a comparison may take share one."""
    from tool_catalog import cohorts

    if port_name == "year":
        return [v for v in samples if v != value and isinstance(v, int) and abs(v - int(value)) <= cohorts.YEAR_SPAN]
    if port_name in cohorts.FREE_PORTS or port_name == "date":
        return [v for v in samples if v != value]
    own = cohorts.cohorts_of(port_name, value)
    if not own:
        return []
    called = calls()
    tie = zlib.crc32(f"{step.trace_id}:{step.step_index}".encode())
    fits = [c for c in own if called <= {*c.members, value} and set(c.members) - called - {value}]
    if not fits:
        return []
    roomy = [c for c in fits if len(set(c.members) - called - {value}) >= 2] or fits  # room for a third entity
    chosen = roomy[tie % len(roomy)]
    return [m for m in chosen.members if m != value and m not in called]


def undoes(tool: ToolSpec, value: Known) -> bool:
    """Whether calling ``tool`` on this value would undo the step that produced it (a reverse complement of a
    reverse complement, a calendar conversion and back): the round trip gives back what was stated."""
    if value.tool is None or value.provenance.source != "step":
        return False
    producer = value.tool
    return tool.inverse == producer or (tool.inverse is None and get_tool(producer).inverse == tool.name)


def _coordinate_partner(tool: ToolSpec, param: str, chosen: dict[str, Provenance]) -> Provenance | None:
    """For a longitude parameter, the provenance of the latitude already filled in the same call (None otherwise)."""
    if tool.input_ports.get(param) != "longitude":
        return None
    return next((prov for p, prov in chosen.items() if tool.input_ports.get(p) == "latitude"), None)


TIME_PORTS = frozenset({"date", "datetime", "year"})
DATE_SUBJECT_TOOLS: dict[str, tuple[str, ...]] = {"date_weekday": ("weekday",)}
"""The tools a date a lookup found may be given to, and what a question may ask of them: the weekday Easter falls
on, not the day-of-year number or whether the year of a holiday in 2012 is a leap year."""


def subject(value: Known, consumer: ToolSpec | None = None) -> bool:
    """Whether a held value is something a person would ask the consumer about: a stated value, or an entity a
    step found whose field may be followed (``Output.chains``: not the alphabetically first anagram, not the
    world's largest country whatever the input). A date a step found goes only to the weekday tool (the weekday
    of Easter 2025), never into date arithmetic (six months after the last ECB rate of a currency) or another
    lookup (two unrelated facts joined by a date); a date or word a computation produced, never; a word a step
    produced (a comparative, an anagram) is not played with further."""
    if value.provenance.source != "step" or value.tool is None:
        return True
    tool = get_tool(value.tool)
    field = value.provenance.field
    if field in tool.outputs and not tool.outputs[field].follows(consumer.name if consumer else ""):
        return False
    if value.port == "currency_code" and consumer is not None and _labels_only(consumer):
        return False  # a loan "in the currency of Guyana": the currency names the unit and changes nothing
    if value.port in TIME_PORTS:
        return tool.kind == "retrieval" and (consumer is None or consumer.name in DATE_SUBJECT_TOOLS)
    return not (value.port in ("word", "text") and consumer is not None and consumer.domain == "language")


def _labels_only(consumer: ToolSpec) -> bool:
    """The tool takes a currency only to name its amounts' unit (``currency:{param}`` quantities of a computation;
    a conversion or a currency's cash rounding looks the currency up)."""
    currencies = [p for p, port_name in consumer.input_ports.items() if port_name == "currency_code"]
    return (
        consumer.kind == "processing"
        and len(currencies) == 1
        and any("{" in (q.unit if (q := o.resolved_quantity()) else "") for o in consumer.outputs.values())
    )


def english(text: object) -> bool:
    """Whether a text a step produced is English (every word in the CMU Pronouncing Dictionary): the language
    domain's word and text tools read English only (no syllables of a French number in words)."""
    from tool_catalog.domains.language.common import cmu

    if not isinstance(text, str):
        return False
    tokens = [t.strip(".,;:!?\"'()").lower() for t in text.split()]
    lexicon = cmu()
    return bool(tokens) and all(t and (t in lexicon or t.isdigit()) for t in tokens)
