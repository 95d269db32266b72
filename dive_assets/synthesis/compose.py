"""The comparison grammar: how a question asks for a general tool's result over several entities.

A general tool's operands are one field of one tool asked of different entities (:mod:`operands`): the elevation
of three airports, the EUR/USD rate on two dates. The question names the quantity once — the tool's phrase split
around the varying entity ("the number of public holidays in | Kenya | in 2024"), or the field's declared
``measure`` — and the entities as a list: "Which of Kenya, Uganda and Tanzania has the most public holidays in
2024?", "How much higher above sea level is Denver International Airport (DEN) than Lhasa Gonggar Airport (LXA),
in feet?". Each general tool output has its forms here (:data:`GRAMMAR`); an output with none is never asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dive_assets.synthesis.operands import (
    PLACE,
    OperandGroup,
    cohort,
    incomparable,
    obvious_extreme,
    operand_group,
    trend_trivia,
)
from dive_assets.synthesis.realize import Story, Unrealizable
from tool_catalog.names import NOUN_PREFIX, Mention, bare
from tool_catalog.quantities import unit_words

CONTEXT_WORDS = frozenset(
    ["in", "on", "at", "for", "during", "from", "with", "under", "between", "before", "after", "as"]
)
"""Words that may start the rest of a phrase after its entity ("in 2024", "on 21 June 2024")."""


@dataclass
class Phrasing:
    """How the question names the operands' quantity and entities."""

    group: OperandGroup
    head: str
    tail: str
    entities: list[str]
    measure: str
    unit: str

    def of(self, entity: str) -> str:
        """The quantity of one entity: "the number of public holidays in Kenya in 2024"."""
        return f"{self.head}{entity}{self.tail}"

    def than(self, entity: str) -> str:
        """The comparison's second term without repeating the quantity: "that of X", "in X", "for X"."""
        last = self.head.rstrip().split(" ")[-1] if self.head.strip() else ""
        if last == "of":
            return f"that of {entity}"
        if last in ("in", "at", "on", "for", "with"):
            return f"{last} {entity}"
        return f"for {entity}"

    @property
    def listed(self) -> str:
        """The entities as a list; one noun for all ("the enzymes SmaI, NotI and HindIII", not "the enzyme SmaI, the
        enzyme NotI and the enzyme HindIII")."""
        framed = cohort(self.group) if self.group.slot != PLACE else None
        if framed is not None and framed.frame != "{}" and len(self.entities) > 1:  # "the Baltic states A, B and C"
            return framed.names(join([bare(e) for e in self.entities]))
        nouns = {m.group(1) if (m := NOUN_PREFIX.match(e)) else None for e in self.entities}
        if len(nouns) == 1 and (noun := nouns.pop()) is not None and len(self.entities) > 1:
            return f"the {noun}s " + join([NOUN_PREFIX.sub("", e, count=1) for e in self.entities])
        return join(self.entities)

    @property
    def in_unit(self) -> str:
        """The unit (", in feet") after a form that names the quantity by its measure, unless the measure names it."""
        return self._unit_unless_in(f"{self.measure} {self.tail}")

    @property
    def in_unit_of(self) -> str:
        """The unit after a form that names the quantity by the tool's phrase (:meth:`of`), unless the phrase names
        it already ("the elevation in feet of")."""
        return self._unit_unless_in(f"{self.head} {self.tail}")

    def _unit_unless_in(self, text: str) -> str:
        said = text.replace("metres", "meters").replace("litres", "liters")  # the phrase's spelling may differ
        return "" if not self.unit or f"in {self.unit}" in said else f", in {self.unit}"


def join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def operands(story: Story, step_index: int) -> tuple[OperandGroup, dict[str, int]]:
    """The operand group a general step reads, and the position of each operand step in it."""
    step = story.steps[step_index]
    source_steps: list[int] = []
    out_field: str | None = None
    for name in sorted(step.provenance):
        prov = step.provenance[name]
        if prov.source in ("steps", "expression") and prov.steps:
            source_steps, out_field = list(prov.steps), prov.field
        elif prov.source == "step" and prov.step is not None:
            if out_field is not None and prov.field != out_field:
                raise Unrealizable("operands of different fields")
            out_field = prov.field
    if not source_steps:
        source_steps = [
            p.step for n, p in sorted(step.provenance.items(), key=lambda kv: _param_order(kv[0])) if p.source == "step"
        ]
    steps = [story.steps[i] for i in source_steps]
    if not steps or out_field is None:
        raise Unrealizable("no operands")
    tool = story.tools[steps[0].tool_name]
    if len(steps) == 1:
        raise Unrealizable("one operand")
    group = operand_group(tool, out_field, steps)
    if group is None:
        raise Unrealizable(f"the operands of {tool.name}.{out_field} are not one question asked of several entities")
    return group, {s.step_index: k for k, s in enumerate(steps)}


def _param_order(name: str) -> int:
    return {"a": 0, "old": 0, "first": 0, "b": 1, "new": 1, "second": 1}.get(name, 2)


def phrasing(story: Story, group: OperandGroup) -> Phrasing:
    """Split the operand tool's phrase around the varying entity and write the shared arguments."""
    tool, field = group.tool, group.field
    out = tool.outputs[field]
    first = group.steps[0]
    marker = "\x00"
    template = out.phrase
    if group.slot == PLACE:  # the varying place is one placeholder
        template = re.sub(r"\{" + PLACE[0] + r"\}(,\s*|\s+and\s+)\{" + PLACE[1] + r"\}", "{" + PLACE[0] + "}", template)
        mentions: dict[str, object] = {}
    else:
        template, mentions = story.with_places(first.step_index, template)
    for name in out.placeholders(template):
        if name in mentions:
            continue
        if name in group.slot:
            mentions[name] = marker if name == group.slot[0] else ""
        else:
            mentions[name] = story.mention(first.step_index, name)
    text = template.format(**mentions)
    if text.count(marker) != 1:
        raise Unrealizable(f"{tool.name}.{field}'s phrase does not name the varying entity exactly once")
    head, tail = text.split(marker, 1)
    tail = tail.replace(", ", " ", 1) if group.slot == PLACE and tail.startswith(", ") else tail
    entities = [entity(story, s.step_index, group.slot) for s in group.steps]
    measure = out.measure or head.removeprefix("the ").rstrip().rsplit(" ", 1)[0]
    tail = tail.rstrip()
    if tail and tail.split()[0] not in CONTEXT_WORDS:
        measure = ""  # the phrase goes on after the entity ("where X is official"): only "the ... of X" forms read
    elif group.over_time and not tail:  # the times are the entities: the quantity keeps what it is of
        words = head.rstrip().split(" ")  # "the number of public holidays in Åland Islands in " -> "... Islands"
        measure = " ".join(words[:-1] if words[-1] in CONTEXT_WORDS else words).removeprefix("the ")
    return Phrasing(group, head, tail, entities, measure, unit_words(group.quantity()))


def entity(story: Story, step_index: int, slot: tuple[str, ...]) -> str:
    """One entity of a list: stated by its name, or, found by a step, a labelled reference ("country A") whose
    sentence comes first (a description in place would read as part of the list)."""
    story.inline = False
    try:
        if slot == PLACE:
            return str(story.place_mention(step_index, *PLACE))
        return str(story.mention(step_index, slot[0]))
    finally:
        story.inline = True


def _needs_measure(p: Phrasing) -> None:
    if not p.measure:
        raise Unrealizable("the quantity has no name that reads before a list of entities")


# --- the forms of each general output -------------------------------------------------------------------------
Form = Callable[[Story, Phrasing, int, str], str]


def _greater(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    a, b = p.entities[0], p.entities[1]
    return story.rng.choice(
        (
            f"Is {p.of(a)} greater than {p.than(b)}?",
            f"Is {p.of(a)} higher than {p.than(b)}? Answer yes or no.",
        )
    )


def _difference(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    a, b = p.entities[0], p.entities[1]
    value = (story.steps[step_index].output or {}).get("difference")
    if not isinstance(value, int | float) or value <= 0:
        raise Unrealizable("a difference asked as 'how much greater' must be positive")
    unit = p.in_unit_of.replace(", in percent", ", in percentage points")  # a difference of two shares
    if p.group.over_time:  # a is the larger value: a rise when b came first, else a fall
        what = p.head.strip().removesuffix(" on").removesuffix(" in")
        when = [str(s.arguments.get(p.group.slot[0])) for s in p.group.steps[:2]]
        if when[1] < when[0]:
            return f"How much did {what}{p.tail} rise from {b} to {a}{unit}?"
        return f"How much did {what}{p.tail} fall from {a} to {b}{unit}?"
    return story.rng.choice(
        (
            f"How much greater is {p.of(a)} than {p.than(b)}{unit}?",
            f"By how much does {p.of(a)} exceed {_that(p.than(b))}{unit}?",
        )
    )


def _that(term: str) -> str:
    """The second term of "exceed": "that of X", "that in X" ("exceed in Canada" is not English)."""
    return term if term.startswith("that ") else f"that {term}"


def _ratio(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    a, b = p.entities[0], p.entities[1]
    quantity = p.group.quantity()
    if quantity is None or not quantity.additive:
        raise Unrealizable("a ratio is asked of amounts that add up (people, area, money), not of levels")
    value = (story.steps[step_index].output or {}).get("ratio")
    if not isinstance(value, int | float) or value < 1:
        return f"What is the ratio of {p.of(a)} to {p.than(b)}?"
    return story.rng.choice(
        (
            f"What is the ratio of {p.of(a)} to {p.than(b)}?",
            f"How many times larger is {p.of(a)} than {p.than(b)}?",
        )
    )


def _percent_change(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    old, new = p.entities[0], p.entities[1]
    if p.group.over_time:
        what = p.head.strip()
        for prep in (" on", " in", " at", " for"):
            what = what.removesuffix(prep)
        return story.rng.choice(
            (
                f"By what percentage did {what}{p.tail} change from {old} to {new}?",
                f"What was the percentage change in {what.removeprefix('the ')}{p.tail} from {old} to {new}?",
            )
        )
    raise Unrealizable("a percentage change is asked over time, not between two entities")


def _sum(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    _needs_measure(p)
    measure = (p.measure or "").removeprefix("total ")  # "the total total area"
    return story.rng.choice(
        (
            f"What is the combined {measure} of {p.listed}{p.tail}{p.in_unit}?",
            f"Taken together, how large is the {measure} of {p.listed}{p.tail}{p.in_unit}?",
            f"Add up the {measure} of {p.listed}{p.tail}{p.in_unit}.",
        )
    )


def _mean(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    _needs_measure(p)
    return story.rng.choice(
        (
            f"What is the average {p.measure} of {p.listed}{p.tail}{p.in_unit}?",
            f"On average, what is the {p.measure} of {p.listed}{p.tail}{p.in_unit}?",
        )
    )


def _median(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    _needs_measure(p)
    return f"What is the median {p.measure} of {p.listed}{p.tail}{p.in_unit}?"


def _maximum(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    return _extreme(story, p, ("highest", "largest"))


def _minimum(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    return _extreme(story, p, ("lowest", "smallest"))


def _extreme(story: Story, p: Phrasing, words: tuple[str, str]) -> str:
    """The extreme value among the listed entities ("highest"/"largest" or "lowest"/"smallest")."""
    _needs_measure(p)
    most, size = words
    return story.rng.choice(
        (
            f"What is the {most} {p.measure} among {p.listed}{p.tail}{p.in_unit}?",
            f"Among {p.listed}, what is the {size} {p.measure}{p.tail}{p.in_unit}?",
            f"Find the {most} {p.measure} among {p.listed}{p.tail}{p.in_unit}.",
            f"Look up the {p.measure} of {p.listed}{p.tail}. Which value is the {most}{p.in_unit}?",
        )
    )


def _spread(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    _needs_measure(p)
    return f"How far apart are the highest and lowest {p.measure}{p.tail} among {p.listed}{p.in_unit}?"


def _std_dev(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    _needs_measure(p)
    return f"What is the population standard deviation of the {p.measure}{p.tail} of {p.listed}{p.in_unit}?"


def _iqr(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    _needs_measure(p)
    if len(p.entities) < 4:
        raise Unrealizable("an interquartile range needs 4 or more values")
    return f"What is the interquartile range of the {p.measure}{p.tail} across {p.listed}{p.in_unit}?"


def _rank(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    _needs_measure(p)
    target = _target(story, p, step_index)
    return story.rng.choice(
        (
            f"Ranked from highest to lowest {p.measure}{p.tail}, in what position is {target} among {p.listed}?",
            f"Among {p.listed}, where does {target} rank by {p.measure}{p.tail} (1 = highest)?",
        )
    )


def _count_above(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    _needs_measure(p)
    target = _target(story, p, step_index)
    others = [e for e in p.entities if e != target]
    return f"How many of {join(others)} have a higher {p.measure}{p.tail} than {target}?"


def _target(story: Story, p: Phrasing, step_index: int) -> str:
    prov = story.steps[step_index].provenance.get("value")
    if prov is None or prov.step is None:
        raise Unrealizable("no value to rank")
    for k, s in enumerate(p.group.steps):
        if s.step_index == prov.step:
            return p.entities[k]
    raise Unrealizable("the ranked value is not one of the operands")


def _highest_label(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    return _choice(story, p, "higher", "highest")


def _lowest_label(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    return _choice(story, p, "lower", "lowest")


def _choice(story: Story, p: Phrasing, comparative: str, superlative: str) -> str:
    """Which of the listed entities has the extreme value: a comparative between two, a superlative among more."""
    _needs_measure(p)
    if len(p.entities) == 2:
        a, b = p.entities
        if p.listed != join(p.entities):  # named as a cohort: "Between the Baltic states Estonia and Latvia, ..."
            return f"Between {p.listed}, which has the {comparative} {p.measure}{p.tail}?"
        return story.rng.choice(
            (
                f"Which has the {comparative} {p.measure}{p.tail}: {a} or {b}?",
                f"Between {p.listed}, which has the {comparative} {p.measure}{p.tail}?",
            )
        )
    return story.rng.choice(
        (
            f"Which of {p.listed} has the {superlative} {p.measure}{p.tail}?",
            f"Of {p.listed}, which has the {superlative} {p.measure}{p.tail}?",
        )
    )


def _descending_labels(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    _needs_measure(p)
    if len(p.entities) < 3:
        raise Unrealizable("a ranking of two is a comparison: asked as which is higher")
    return f"Rank {p.listed} by {p.measure}{p.tail}, highest first."


def _in_both(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    _needs_measure(p)
    a, b = p.entities[0], p.entities[1]
    return story.rng.choice(
        (
            f"Which {p.measure} do {a} and {b} have in common{p.tail}?",
            f"List the {p.measure} shared by {a} and {b}{p.tail}.",
        )
    )


def _only_first(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    return _only(story, p, p.entities[0], p.entities[1])


def _only_second(story: Story, p: Phrasing, step_index: int, _field: str) -> str:
    return _only(story, p, p.entities[1], p.entities[0])


def _only(story: Story, p: Phrasing, a: str, b: str) -> str:
    """What ``a`` has that ``b`` has not."""
    _needs_measure(p)
    return story.rng.choice(
        (
            f"Which {p.measure} does {a} have that {b} does not{p.tail}?",
            f"List the {p.measure} of {a} that are not {p.measure} of {b}{p.tail}.",
        )
    )


GRAMMAR: dict[str, dict[str, Form]] = {
    "compare_numbers": {"difference": _difference, "ratio": _ratio},
    "sum_two_numbers": {"sum": _sum},
    "percentage_change": {"percent_change": _percent_change},
    "aggregate_numbers": {"sum": _sum, "maximum": _maximum, "minimum": _minimum},
    "rank_by_value": {"highest": _highest_label, "lowest": _lowest_label, "descending": _descending_labels},
    "list_set_operations": {"in_both": _in_both, "only_first": _only_first, "only_second": _only_second},
}
"""The forms of each general output the grammar can ask (the planner plans a general tool only for these). Averages,
medians, spreads and rank positions of a handful of unrelated entities are not questions people ask, so none is
asked (the forms stay for a model's derivation to reuse)."""

OPERATIONS: dict[tuple[str, str], str] = {
    ("compare_numbers", "difference"): "difference",
    ("compare_numbers", "ratio"): "ratio",
    ("sum_two_numbers", "sum"): "sum",
    ("percentage_change", "percent_change"): "percent_change",
    ("aggregate_numbers", "sum"): "sum",
    ("aggregate_numbers", "mean"): "mean",
    ("aggregate_numbers", "median"): "median",
    ("aggregate_numbers", "maximum"): "extreme",
    ("aggregate_numbers", "minimum"): "extreme",
    ("percentile_of_list", "interquartile_range"): "spread",
    ("percentile_of_list", "std_dev"): "spread",
    ("rank_of_value", "rank"): "order",
    ("rank_of_value", "count_above"): "order",
    ("rank_by_value", "highest"): "extreme",
    ("rank_by_value", "lowest"): "extreme",
    ("rank_by_value", "descending"): "order",
    ("calculator", "result"): "spread",
}
"""What each numeric output computes over its operands, for the meaning check (:func:`operands.refusal`)."""


def compose(story: Story, step_index: int, out_field: str) -> str:
    """The question asking for a general step's output over its operands; raises :class:`Unrealizable`."""
    step = story.steps[step_index]
    forms = GRAMMAR.get(step.tool_name, {})
    if out_field not in forms:
        raise Unrealizable(f"{step.tool_name}.{out_field} is never asked")
    group, _ = operands(story, step_index)
    reason = incomparable(group)
    if reason:
        raise Unrealizable(reason)
    if step.tool_name == "calculator":
        prov = next(iter(step.provenance.values()))
        if not (prov.formula or "").startswith("max("):
            raise Unrealizable(f"the calculator formula {prov.formula!r} has no question form")
    if step.tool_name == "rank_by_value" and not group.stated_slot:
        raise Unrealizable("a ranking by name needs the entities stated")
    trivia = trend_trivia(step.tool_name, group) or obvious_extreme(step.tool_name, out_field, group)
    if trivia:
        raise Unrealizable(trivia)
    operation = OPERATIONS.get((step.tool_name, out_field))
    if operation is not None:
        from dive_assets.synthesis.operands import refusal

        reason = refusal(operation, group) if group.tool.outputs[group.field].port != "string_list" else None
        if reason:
            raise Unrealizable(reason)
    return forms[out_field](story, phrasing(story, group), step_index, out_field)


__all__ = ["GRAMMAR", "OPERATIONS", "Mention", "compose"]
