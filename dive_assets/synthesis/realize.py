"""Questions as people write them, realized from a trace with no model.

A task's question is a short request in plain sentences. Entities are named as people name them ("The Gambia",
"London Heathrow Airport (LHR)", "21 June 2024"; :mod:`tool_catalog.names`). A value an earlier step found is never
written as a nested noun phrase: it is introduced once, in its own sentence, from the tool's phrase ("Find the
country where London Heathrow Airport (LHR) is located."), and referred back to ("that country"; "country A" when
two of a kind are in play). The last sentence asks for the answer field in one of the ways the catalog declares
(``Output.asks``) or, for a general tool over several entities, in the comparison grammar of
:mod:`dive_assets.synthesis.compose`. The answer's form is stated where it matters: a rounding for a measured
number, the source of a fact that depends on one.

:func:`realize` returns None when a task cannot be asked naturally (no way to ask its field, an answer the question
would give away, a structure the grammar does not cover); derivation then takes another candidate.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dive_assets.synthesis.records import Step
from dive_assets.synthesis.reward import number_tolerance
from tool_catalog.names import Mention, fill, noun, place
from tool_catalog.ports import format_value, get_port, render_stated
from tool_catalog.spec import ToolSpec

FIRST_INTROS = ("Find {np}.", "Look up {np}.", "Start with {np}.", "Take {np}.", "Consider {np}.", "First, find {np}.")
LATER_INTROS = ("Then find {np}.", "Next, look up {np}.", "Now take {np}.", "Find {np}.", "After that, find {np}.")
QUESTION_WORDS = frozenset([
    "what", "which", "how", "in", "on", "is", "are", "does", "do", "did", "was", "were", "when", "where", "who",
    "whom", "whose", "find", "give", "list", "name", "at", "for", "by", "according", "convert", "count", "tell",
])  # fmt: skip
LABELS = "ABCDEFGH"


class Unrealizable(Exception):
    """The task cannot be asked naturally; the message says why."""


@dataclass
class Realized:
    question: str
    answer_text: str
    tolerance: float | None
    tolerance_kind: str | None = None


@dataclass
class Story:
    """The sentences of a question being built: intros of intermediate values, then the question."""

    steps: Mapping[int, Step]
    tools: Mapping[str, ToolSpec]
    rng: random.Random
    plain: frozenset[str] = frozenset()
    """Stated values written by their raw form ("airport LHR"), not their display: those whose display would give
    the answer away (the name of an airport asked by its code)."""
    inline: bool = True
    """Write a value a step found from stated values as the step's noun phrase in place ("the currency of the
    country where ..." stays one sentence); off, every found value gets its own sentence."""
    intros: list[str] = field(default_factory=list)
    refs: dict[tuple[int, str], Mention] = field(default_factory=dict)
    labels: dict[tuple[int, str], str] = field(default_factory=dict)

    # --- values ----------------------------------------------------------------------------------------------
    def stated(self, port_name: str, value: Any) -> Mention:
        if format_value(value) in self.plain:
            return Mention(render_stated(port_name, value), format_value(value))
        return Mention.stated(port_name, value)

    def mention(self, step_index: int, param: str) -> Mention:
        """How the question writes argument ``param`` of a step: stated, or a reference to the step producing it."""
        step = self.steps[step_index]
        tool = self.tools[step.tool_name]
        port_name = tool.input_ports.get(param, "label")
        prov = step.provenance.get(param)
        if prov is None or not prov.produced:
            value = step.arguments[param] if param in step.arguments else _default(tool, param)
            return self.stated(port_name, value)
        if prov.source != "step" or prov.step is None or prov.field is None:
            raise Unrealizable(f"step {step_index}.{param} is built from several steps")
        return self.reference(prov.step, prov.field)

    def reference(self, step_index: int, out_field: str) -> Mention:
        """A reference to output ``out_field`` of a step, introducing it in its own sentence the first time."""
        key = (step_index, out_field)
        if key in self.refs:
            return self.refs[key]
        step = self.steps[step_index]
        tool = self.tools[step.tool_name]
        out = tool.outputs[out_field]
        if out.port in ("latitude", "longitude"):
            return self._place(step_index, out_field)
        if self.inline and all(
            p is None or not p.produced for p in (step.provenance.get(n) for n in sorted(step.arguments))
        ):
            at = self.noun_phrase(step_index, out_field, template=out.at) if out.at else None
            ref = Mention(self.noun_phrase(step_index, out_field), at=at)
            self.refs[key] = ref
            return ref
        np = self.noun_phrase(step_index, out_field)
        word = noun(out.port)
        label = self._letter(key, word)
        if label:
            ref = Mention(f"{word} {label}")
            sentence = f"Let {word} {label} be {np}."
        else:
            ref = Mention(f"that {word}")
            sentence = self.rng.choice(LATER_INTROS if self.intros else FIRST_INTROS).format(np=np)
        self.intros.append(_capital(sentence))
        self.refs[key] = ref
        return ref

    def _place(self, step_index: int, out_field: str) -> Mention:
        """Coordinates found by a step, as one place: "the location of London Heathrow Airport (LHR)" when the step
        looked up a stated entity, else a sentence for the pair ("Find the latitude and longitude of ...") and
        "that place" ("place A" when several places are in play)."""
        step = self.steps[step_index]
        tool = self.tools[step.tool_name]
        pair = [f for f, o in tool.outputs.items() if o.port in ("latitude", "longitude")]
        lat = next((f for f in pair if tool.outputs[f].port == "latitude"), out_field)
        lon = next((f for f in pair if tool.outputs[f].port == "longitude"), out_field)
        np_lat, np_lon = self.noun_phrase(step_index, lat), self.noun_phrase(step_index, lon)
        common = _common_tail(np_lat, np_lon)
        inline = common.startswith("of ") and all(
            p is None or not p.produced for p in (step.provenance.get(n) for n in step.arguments)
        )
        if inline:
            ref = Mention(f"the location {common}")
        else:
            np = f"the latitude and longitude {common}" if common else f"{np_lat} and {np_lon}"
            label = self._letter((step_index, lat), "place")
            if label:
                ref = Mention(f"place {label}")
                sentence = f"Let place {label} be the point at {np}."
            else:
                ref = Mention("that place")
                sentence = self.rng.choice(LATER_INTROS if self.intros else FIRST_INTROS).format(np=np)
            self.intros.append(_capital(sentence))
        self.refs[(step_index, lat)] = self.refs[(step_index, lon)] = ref
        return ref

    def _letter(self, key: tuple[int, str], word: str) -> str | None:
        """The next free letter for a labelled entity of this noun ("A", then "B"), or None when it needs none."""
        if key not in self.labels:
            return None
        if not self.labels[key]:
            taken = {v for k, v in self.labels.items() if v and self._noun_of(k) == word}
            letter = next((letter for letter in LABELS if letter not in taken), None)
            if letter is None:
                raise Unrealizable(f"more than {len(LABELS)} {word}s to tell apart")
            self.labels[key] = letter
        return self.labels[key]

    def _noun_of(self, key: tuple[int, str]) -> str:
        port_name = self.tools[self.steps[key[0]].tool_name].outputs[key[1]].port
        return "place" if port_name == "latitude" else noun(port_name)

    def with_places(self, step_index: int, template: str) -> tuple[str, dict[str, Mention]]:
        """The template with each adjacent latitude/longitude pair of placeholders made one place placeholder."""
        tool = self.tools[self.steps[step_index].tool_name]
        places: dict[str, Mention] = {}

        def merge(match: re.Match[str]) -> str:
            a, b = match.group(1), match.group(3)
            ports = (tool.input_ports.get(a), tool.input_ports.get(b))
            if ports != ("latitude", "longitude"):
                return match.group(0)
            key = f"place_{a}_{b}"
            places[key] = self.place_mention(step_index, a, b)
            return "{" + key + "}"

        return _PAIR.sub(merge, template), places

    def place_mention(self, step_index: int, lat: str, lon: str) -> Mention:
        step = self.steps[step_index]
        a, b = step.provenance.get(lat), step.provenance.get(lon)
        if (a is None or not a.produced) and (b is None or not b.produced):
            named = place(step.arguments.get(lat), step.arguments.get(lon))  # "Paris (48.8566, 2.3522)"
            return named or Mention(f"{self.mention(step_index, lat)}, {self.mention(step_index, lon)}")
        if a is not None and b is not None and a.source == b.source == "step" and a.step == b.step:
            first = self.mention(step_index, lat)
            self.mention(step_index, lon)
            return first
        return Mention(f"{self.mention(step_index, lat)}, {self.mention(step_index, lon)}")

    def noun_phrase(
        self,
        step_index: int,
        out_field: str,
        overrides: Mapping[str, Mention] | None = None,
        template: str | None = None,
    ) -> str:
        """The tool's noun phrase for a step's output (or another ``template`` over its parameters), its arguments
        written (stated or referred to)."""
        step = self.steps[step_index]
        tool = self.tools[step.tool_name]
        template, mentions = self.with_places(step_index, template or tool.outputs[out_field].phrase)
        for name in tool.outputs[out_field].placeholders(template):
            if name not in mentions:
                mentions[name] = (overrides or {}).get(name) or self.mention(step_index, name)
        return _tidy(template.format(**mentions))

    def ask(self, step_index: int, out_field: str) -> str:
        """One of the field's declared questions, its arguments written."""
        step = self.steps[step_index]
        tool = self.tools[step.tool_name]
        out = tool.outputs[out_field]
        asks = list(out.asks)
        value = (step.output or {}).get(out_field)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            asks = [a for a in asks if not _DIRECTED.search(a)]  # "by how much does A exceed B" of a negative
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 1:
            asks = [a for a in asks if not _TIMES.search(a)]  # "how many times heavier" of a ratio below 1
        if not asks:
            raise Unrealizable(f"{tool.name}.{out_field} has no question form for the value {value!r}")
        varied = [a for a in asks if not a.startswith(_COMMONEST)]  # the form a third of the catalog's asks take
        template, mentions = self.with_places(step_index, self.rng.choice(varied or asks))
        for name in out.placeholders(template):
            if name not in mentions:
                mentions[name] = self.mention(step_index, name)
        return _tidy(fill(template, mentions))

    def prepare_labels(self, required: list[int]) -> None:
        """Label the intermediate entities whose noun occurs more than once ("country A", "country B")."""
        produced: list[tuple[int, str]] = []
        for index in required:
            for prov in self.steps[index].provenance.values():
                if prov.source == "step" and prov.step is not None and prov.field is not None:
                    key = (prov.step, prov.field)
                    if key not in produced:
                        produced.append(key)
        by_noun: dict[str, list[tuple[int, str]]] = {}
        for key in produced:
            tool = self.tools[self.steps[key[0]].tool_name]
            port_name = tool.outputs[key[1]].port
            if port_name == "latitude":
                by_noun.setdefault("place", []).append(key)
            elif port_name != "longitude":
                by_noun.setdefault(noun(port_name), []).append(key)
        for keys in by_noun.values():
            if len(keys) > 1:
                for key in keys:
                    self.labels[key] = ""  # a letter is given when it is introduced (A first)

    def text(self, final: str) -> str:
        return " ".join([*self.intros, final])


_COMMONEST = "What is the "
"""The opening many declared questions share; another form of the field is taken when there is one."""


def realize(
    steps: Mapping[int, Step],
    tools: Mapping[str, ToolSpec],
    answer_step: int,
    out_field: str,
    required: list[int],
    rng: random.Random,
) -> Realized:
    """The question of the task answered by ``out_field`` of ``answer_step``; raises :class:`Unrealizable`."""
    from dive_assets.synthesis.compose import compose  # the grammar of general tools uses the story

    step = steps[answer_step]
    tool = tools[step.tool_name]
    out = tool.outputs[out_field]
    if not out.worth_asking(step.arguments, step.output):
        raise Unrealizable(f"{tool.name}.{out_field} is not a field people ask for here")
    value = (step.output or {}).get(out_field)
    answer_text, tolerance, kind, form = answer_form(value, get_port(out.port).answer_type)
    last_reason = ""
    plain: frozenset[str] = frozenset()
    for attempt in range(4):
        story = Story(steps, tools, rng, plain=plain, inline=attempt % 2 == 0)
        story.prepare_labels(required)
        try:
            final = (
                compose(story, answer_step, out_field) if _composed(tool, step) else story.ask(answer_step, out_field)
            )
        except Unrealizable as exc:
            last_reason = str(exc)
            continue
        final = _with_source(final, _source(story, tool, step, out_field), rng)
        question = story.text(final + (f" {form}" if form else ""))
        question = _tidy(question)
        if answer_text and not choice(step, value) and _gives_away(answer_text, question):
            last_reason = f"the question gives the answer {answer_text!r} away"
            plain = frozenset(_revealing(steps, tools, required, answer_text))
            if not plain:
                break
            continue
        from dive_assets.synthesis.realism import text_problems

        problems = text_problems(question)
        if problems:  # nested or too long in one sentence: give found values their own sentences
            last_reason = problems[0]
            continue
        return Realized(question, answer_text, tolerance, kind)
    raise Unrealizable(last_reason or "no natural question")


def choice(step: Step, value: Any) -> bool:
    """The answer is picked from a list the question states (which of Kenya and Uganda ...): naming it is the
    question's point, not a give-away."""
    items = value if isinstance(value, list) else [value]
    offered = [
        v
        for name, v in step.arguments.items()
        if isinstance(v, list)
        and all(isinstance(x, str) for x in v)
        and ((prov := step.provenance.get(name)) is None or not prov.produced)  # stated, not found by a step
    ]
    return bool(items) and any(all(item in options for item in items) for options in offered)


def _composed(tool: ToolSpec, step: Step) -> bool:
    """A general tool over values other steps produced is asked by the comparison grammar (date arithmetic on a
    date found by a step is asked like any tool)."""
    from dive_assets.synthesis.compose import GRAMMAR

    return tool.name in GRAMMAR and any(p.produced for p in step.provenance.values())


def answer_form(value: Any, answer_type: str) -> tuple[str, float | None, str | None, str]:
    """(answer text, tolerance, tolerance kind, the sentence stating the answer's form) of an answer value.

    A measured number with a fractional part is asked to a stated number of decimal places (four significant
    digits), and accepted within half a unit of the last place; a tiny one (below 0.001) in scientific notation to 4
    significant figures, likewise. Other numbers are accepted within a relative 1e-4
    (:func:`~dive_assets.synthesis.reward.number_tolerance`); other answers by their type."""
    if answer_type == "number" and isinstance(value, float) and value and abs(value) < 1e-3:
        # Planck's constant in eV*s: decimal places would round it to 0
        tolerance, kind = number_tolerance(value, significant=4)
        return f"{value:.3e}", tolerance, kind, "Give it in scientific notation to 4 significant figures."
    if answer_type == "number" and isinstance(value, float):  # 49.0 from a computation is asked to a whole number
        magnitude = math.floor(math.log10(abs(value))) if value else 0
        natural = next(d for d in range(7) if d == 6 or abs(round(value, d) - value) <= 1e-9 * max(1.0, abs(value)))
        decimals = max(0, min(natural, 3 - magnitude))
        tie = decimals < natural and f"{value:.{natural}f}".split(".")[1][decimals:].rstrip("0") == "5"
        decimals += tie  # 509.65 to one place is 509.6 or 509.7 by who rounds it: ask for the places it has
        rounded = round(value, decimals)
        text = f"{rounded:.{decimals}f}"
        tolerance, kind = number_tolerance(value, decimals=decimals)
        places = {0: "the nearest whole number", 1: "one decimal place"}.get(decimals, f"{decimals} decimal places")
        return text, tolerance, kind, f"Round to {places}."
    if answer_type == "number":
        numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
        tolerance, kind = number_tolerance(float(value) if numeric else math.nan)
        return format_value(value), tolerance, kind, ""
    return format_value(value), None, None, ""


def _source(story: Story, tool: ToolSpec, step: Step, out_field: str) -> str | None:
    """Where the answer's facts come from: the field's own source, or for a comparison the compared field's ("the
    highest population among …, according to circa-2015 country statistics")."""
    if not _composed(tool, step):
        return tool.outputs[out_field].source
    from dive_assets.synthesis.compose import operands

    group, _ = operands(story, step.step_index)
    return group.tool.outputs[group.field].source


def _with_source(question: str, source: str | None, rng: random.Random) -> str:
    """The question, saying where a fact that depends on a source comes from: in front of a question word or at
    the end (a fixed place would make "According to" the commonest opening of the dataset)."""
    core = (source or "").lower().removeprefix("the ").rstrip("s")  # "ECB reference rate" names "the ECB ..."
    names = [w for w in (source or "").split() if len(w) >= 3 and w.isupper()]  # "ECB", "REBASE", "CLDR"
    dated = any(c.isdigit() for c in source or "")  # "the April 2026 ICD-10-CM": the version is said
    if not source or core in question.lower() or (not dated and any(n in question for n in names)):
        return question
    if dated and any(n in question for n in names):  # "ICD-10-CM code P22.0 ... (April 2026 release)"
        release = " ".join(w for w in source.split() if w not in names and w != "the")
        return f"{question[:-1]} ({release} release){question[-1]}"
    first = question.split()[0].lower().strip(",") if question.split() else ""
    if first in QUESTION_WORDS and rng.random() < 0.4:
        return f"According to {source}, {question[0].lower()}{question[1:]}"
    if (question[-1] == "?" and rng.random() < 0.5) or question[:-1].endswith(")"):  # no "(ru) (according to …)"
        return f"{question[:-1]}, according to {source}{question[-1]}"
    return f"{question[:-1]} (according to {source}){question[-1]}"


_MONTH_WORDS = "January|February|March|April|May|June|July|August|September|October|November|December"


def _gives_away(answer_text: str, question: str) -> bool:
    """Whether the question contains the answer; a small number that is only a day of a date in words ("1 June
    2001") does not count."""
    from dive_assets.synthesis.derivation import answer_in_text

    if answer_text.isdigit() and len(answer_text) <= 2:
        question = re.sub(rf"\b\d{{1,2}} (?:{_MONTH_WORDS})\b", "", question)
    return answer_in_text(answer_text, question)


def _revealing(
    steps: Mapping[int, Step], tools: Mapping[str, ToolSpec], required: list[int], answer_text: str
) -> set[str]:
    """The stated values whose display contains the answer (they are then written by their raw form)."""
    from dive_assets.synthesis.derivation import answer_in_text

    out = set()
    for index in required:
        step = steps[index]
        tool = tools[step.tool_name]
        for name, value in sorted(step.arguments.items()):
            prov = step.provenance.get(name)
            if (prov is None or not prov.produced) and answer_in_text(answer_text, str(Mention.stated(
                    tool.input_ports.get(name, "label"), value))):  # fmt: skip
                out.add(format_value(value))
    return out


def _common_tail(a: str, b: str) -> str:
    """The shared ending of "the latitude of X" and "the longitude of X" ("of X")."""
    words_a, words_b = a.split(), b.split()
    tail: list[str] = []
    while words_a and words_b and words_a[-1] == words_b[-1]:
        tail.insert(0, words_a.pop())
        words_b.pop()
    return " ".join(tail) if tail and tail[0] in ("of", "at", "for", "in") else ""


_PAIR = re.compile(r"\{(\w+)\}(,\s*|\s+and\s+|\s*/\s*)\{(\w+)\}")
_PLACE_TWICE = re.compile(r"that place,? (and )?(longitude )?that place", re.IGNORECASE)


_PLACE_NOUN = re.compile(
    r"\b(?:the )?(?:position|point|location|place|coordinates)(?: at)? (the location of|that place|place [A-H]\b)",
    re.IGNORECASE,
)


_DOUBLE_NOUN = re.compile(
    r"\b(word|verb|noun|adjective|adverb|enzyme|sequence|site|strand|star|constant|text|time zone|airport|country)"
    r" the (?:word|enzyme|DNA sequence|RNA sequence|sequence|star|constant|text|time zone)\b",
    re.IGNORECASE,
)


_SITE_REFERENCE = re.compile(r"\b(?:the )?(?:site|motif|sequence|strand) ((?:that|this) (?:sequence|site))\b")
_FRACTION_NOTE = re.compile(
    r"(\d%)( a year| per year| annually| a month| per month)?\s*\(as a (?:decimal )?(?:fraction|decimal)\)"
)


_ONE_UNITS = re.compile(
    r"(?<![\d.,-])(1 (?:calendar |working |business |whole |trading |lunar |solar )?)"
    r"(second|minute|hour|day|week|month|year|decade|weekday)s\b"
)
"""A count of one with a plural unit ("1 calendar months")."""


_AT_AIRPORT = re.compile(r"\bat the location of (?=[^,.?;]*\bAirport\b)")
_AT_PLACE = re.compile(r"\b(at|for|from) the location of ")
""""at the location of Almaty" is said "in Almaty" ("at Tacoma Narrows Airport", "seen from Almaty")."""


def _tidy(text: str) -> str:
    """Collapse what filling leaves behind: doubled spaces, a place named twice, a noun said twice ("the verb the
    word 'be'"), a rate written as a percentage and still called a fraction, space before punctuation."""
    text = _DOUBLE_NOUN.sub(r"\1", text)
    text = _SITE_REFERENCE.sub(r"\1", text)
    text = _FRACTION_NOTE.sub(r"\1\2", text)
    text = _PLACE_TWICE.sub("that place", text)
    text = _PLACE_NOUN.sub(r"\1", text)
    text = re.sub(r"latitude that place", "that place", text)
    text = _ONE_UNITS.sub(r"\1\2", text)
    text = _AT_AIRPORT.sub("at ", text)
    text = _AT_PLACE.sub(lambda m: {"at": "in", "for": "for", "from": "from"}[m.group(1)] + " ", text)
    text = re.sub(r"\s+([,.?;:])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _default(tool: ToolSpec, param: str) -> Any:
    spec = tool.params.model_fields.get(param)
    return None if spec is None else spec.get_default(call_default_factory=True)


_TIMES = re.compile(r"\btimes (heavier|larger|greater|more|bigger|longer|higher)\b")
"""Words of a question that presume its ratio is above 1."""

_DIRECTED = re.compile(r"\b(exceed|exceeds|greater|higher|larger|more than|longer|later|heavier|farther|further)\b")
"""Words of a question that presume its signed answer is positive."""
