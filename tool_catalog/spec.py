"""What a tool is: a typed, described, deterministic function over real data."""

from __future__ import annotations

import importlib.metadata
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel

from tool_catalog.ports import get_port
from tool_catalog.quantities import PORT_QUANTITIES, Quantity

ToolKind = Literal["retrieval", "processing"]

DOMAINS: tuple[str, ...] = ("geo", "finance", "medchem", "science", "language")
GENERAL_DOMAIN = "general"


class ToolInputError(ValueError):
    """Raised by a tool when a well-typed argument names nothing real (unknown code, out of range)."""


@dataclass(frozen=True)
class Output:
    """One field of a tool's output: its port, what it measures and how people ask for it.

    ``phrase`` is a noun phrase over the tool's parameter names (``"the time zone of {iata}"``): a question uses it
    to introduce what a step found ("Find the country where London Heathrow Airport (LHR) is located."). ``asks``
    are whole questions people would write for the field (``"In which time zone is {iata}?"``), several, so that
    questions vary their form. In both, every required parameter appears as ``{name}`` (written as the value's
    display, or as a reference such as "that airport" when an earlier step found it; ``{name:code}`` writes the
    raw value). ``measure`` names the quantity of a numeric field for comparisons and totals ("elevation above
    sea level"), ``quantity`` says what it measures (unit, scale; defaults by port, see
    :mod:`tool_catalog.quantities`), ``source`` names where a fact that changes or depends on a data source comes
    from ("CLDR"), and ``askable`` is False for a field no one would ask for.
    """

    port: str
    phrase: str
    asks: tuple[str, ...] = ()
    measure: str | None = None
    quantity: Quantity | None = None
    source: str | None = None
    askable: bool = True
    chain: bool | tuple[str, ...] | None = None
    """Whether a later step may take this field's value as its subject (look up the time zone of the airport a
    step found). False for a value no one would follow further: an arbitrary pick from a list (the alphabetically
    first anagram, the first code a note names), a value that does not depend on the input (the world's largest
    country), or a form of the input entity itself (the code of a language named in the question: the question
    names the language). A tuple names the only tools that may take it (an enzyme's recognition site: whether it
    is its own reverse complement, not its melting temperature). None: the same as ``askable``."""
    avoid: tuple[str, ...] = ()
    """Tools that may not take the value even where ``chain`` allows it: the location of an airport goes to a
    distance or a time zone, not to "the airports within 75 km" or "the nearest airport" (the airport itself)."""
    worth: Callable[[dict[str, Any], dict[str, Any]], bool] | None = None
    """Whether the value is worth asking for, given the call's arguments and output, where that depends on them: a
    daylight-saving status near a clock change (not in midsummer, when everyone knows), the tallest peak of an
    isotope pattern when it is not the first. None: always, as ``askable`` says."""
    alone: bool = True
    """Whether a question may ask for the value itself, its total or its difference. False for a figure of no single
    stated year (countryinfo's populations come from censuses and estimates of about 2009 to 2015): it is ranked or
    compared by ratio across entities, where a few years seldom change the order, but an exact headcount "circa
    2015" is no answer. False too for quiz trivia that is a step to something else (a country's capital, then its
    coordinates)."""
    known_scale: bool = False
    """People know the rough size of the value for the entities a question names (a country's population or area):
    which of them has the most is guessed when one leads the next by far (:func:`operands.obvious_extreme`). Not an
    airport's elevation: no one knows whether Stansted sits higher than Gatwick."""
    trend: bool = False
    """The value follows a textbook trend across the periodic table (ionization energy falls and radii grow down a
    group): which of a group's elements has the most is trivia, though the values themselves are not."""
    alike: tuple[str, ...] = ()
    """Fields that must agree for values of this field to be compared or totalled across entities: lattice
    constants only within one crystal structure (an fcc edge against a diamond-cubic one is not like for like)."""
    at: str | None = None
    """Where a found place-like value is, for a question that reads something there (``{timezone:at}``): "at {iata}"
    makes "When it is 09:00 at Ua Pou Airport (UAP), ..." of an airport's time zone. None: "in" and the phrase."""
    ignores: tuple[str, ...] = ()
    """Parameters the field does not depend on (a standard deviation ignores which percentile was asked): a question
    about the field does not state them, and any value of them gives the same answer."""

    def placeholders(self, text: str | None = None) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(self.phrase if text is None else text) if name}

    def follows(self, consumer: str) -> bool:
        """Whether the tool ``consumer`` may take this field's value as its subject (see ``chain``, ``avoid``)."""
        if consumer in self.avoid:
            return False
        if self.chain is None:
            return self.askable
        if isinstance(self.chain, tuple):
            return consumer in self.chain
        return self.chain

    @property
    def asked_alone(self) -> bool:
        """Whether a question may ask for the field itself: ``askable`` and ``alone``."""
        return self.askable and self.alone

    def worth_asking(self, arguments: dict[str, Any], output: dict[str, Any] | None) -> bool:
        """:attr:`asked_alone`, and ``worth`` of this call where the field declares it."""
        return self.asked_alone and (self.worth is None or output is None or bool(self.worth(arguments, output)))

    def resolved_quantity(self) -> Quantity | None:
        """The declared quantity, else the port's (None for a value that is not a quantity)."""
        return self.quantity or PORT_QUANTITIES.get(self.port)


@dataclass(frozen=True)
class ToolSpec:
    """A registered tool. ``fn`` takes the validated parameter model and returns a dict."""

    name: str
    domain: str
    kind: ToolKind
    description: str
    params: type[BaseModel]
    outputs: dict[str, Output]
    package: str
    fn: Callable[[Any], dict[str, Any]]
    examples: tuple[dict[str, Any], ...]
    timeout_s: float | None = None
    """The tool's own time limit per call, when it declares one (a search over a large index); None: the caller's
    default applies (:func:`tool_catalog.runtime.time_limit`)."""
    extra_packages: tuple[str, ...] = field(default=())
    inverse: str | None = None
    """The tool that undoes this one (its own name for an involution such as a reverse complement): the planner
    never calls it on an output of its inverse, since the round trip gives back what was stated."""
    warm: Callable[[], Any] | None = None
    """Builds the backend the tool loads on first use (an index, a database). The runtime calls it once per process
    before the tool's first call, outside that call's time limit (see :func:`tool_catalog.runtime.warm_tool`)."""

    @cached_property
    def parameters_schema(self) -> dict[str, Any]:
        """The JSON Schema an LLM sees (pydantic's, with our ``x-port`` annotations)."""
        return self.params.model_json_schema()

    @cached_property
    def input_ports(self) -> dict[str, str]:
        props = self.parameters_schema.get("properties", {})
        return {name: prop["x-port"] for name, prop in props.items() if "x-port" in prop}

    @cached_property
    def required_params(self) -> tuple[str, ...]:
        return tuple(self.parameters_schema.get("required", []))

    @cached_property
    def required_input_ports(self) -> frozenset[str]:
        """Ports of the parameters a call must fill."""
        return frozenset(self.input_ports[p] for p in self.required_params)

    @cached_property
    def chainable_output_ports(self) -> frozenset[str]:
        """Ports of the output fields that can feed another tool (codes, names, dates; not free numbers)."""
        return frozenset(o.port for o in self.outputs.values() if get_port(o.port).chainable)

    @cached_property
    def package_version(self) -> str:
        return package_version(self.package)

    def param_samples(self, param: str) -> list[Any]:
        prop = self.parameters_schema.get("properties", {}).get(param, {})
        samples = prop.get("x-samples") or prop.get("enum") or []
        return list(samples)

    def param_quantity(self, param: str) -> Quantity | None:
        """What a numeric parameter measures: its declared ``x-unit``/``x-scale``/``x-additive``, else its port's."""
        prop = self.parameters_schema.get("properties", {}).get(param, {})
        if "x-unit" in prop:
            return Quantity(prop["x-unit"], prop.get("x-scale", "ratio"), bool(prop.get("x-additive", False)))
        return PORT_QUANTITIES.get(prop.get("x-port", ""))

    def output_type(self) -> str:
        """A compact description of the output: field:port pairs."""
        return ", ".join(f"{name}:{out.port}" for name, out in self.outputs.items())

    def openai_tool(self) -> dict[str, Any]:
        """The function-calling declaration (OpenAI format, as litellm expects)."""
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": self.parameters_schema,
            },
        }

    def validate_definition(self) -> None:
        """Fail loudly at registration for definitions that would produce ungrounded questions."""
        if self.domain not in (*DOMAINS, GENERAL_DOMAIN):
            raise ValueError(f"tool {self.name}: unknown domain {self.domain!r}")
        if not self.examples:
            raise ValueError(f"tool {self.name}: at least one example call is required")
        if not self.outputs:
            raise ValueError(f"tool {self.name}: declare at least one output field")
        props = self.parameters_schema.get("properties", {})
        for pname in props:
            if pname not in self.input_ports:
                raise ValueError(
                    f"tool {self.name}: parameter {pname!r} has no port (use Field(json_schema_extra=port(...)))"
                )
        for pport in self.input_ports.values():
            get_port(pport)
        for fname, out in self.outputs.items():
            get_port(out.port)
            missing = set(self.required_params) - set(out.ignores) - out.placeholders()
            if missing:
                raise ValueError(
                    f"tool {self.name}: output {fname!r} phrase does not mention required parameters {sorted(missing)}"
                )
            unknown = out.placeholders() - set(props)
            if unknown:
                raise ValueError(
                    f"tool {self.name}: output {fname!r} phrase names unknown parameters {sorted(unknown)}"
                )
            for ask in out.asks:
                named = out.placeholders(ask)
                if set(self.required_params) - set(out.ignores) - named or named - set(props):
                    raise ValueError(
                        f"tool {self.name}: output {fname!r} ask {ask!r} must name the required parameters "
                        f"{sorted(self.required_params)} and no others"
                    )


def package_version(package: str) -> str:
    if package == "stdlib":
        import sys

        return f"python {sys.version_info.major}.{sys.version_info.minor}"
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
