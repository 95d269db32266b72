"""The tool registry: a decorator to declare tools and seed sources, and lookups over them."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from tool_catalog.ports import get_port
from tool_catalog.spec import DOMAINS, GENERAL_DOMAIN, Output, ToolKind, ToolSpec

_TOOLS: dict[str, ToolSpec] = {}
_SEEDS: list[SeedSource] = []
_LOADED = False


F = TypeVar("F", bound=Callable[..., dict[str, Any]])


@dataclass(frozen=True)
class SeedSource:
    """A function listing real seed entities of one port for one domain."""

    domain: str
    port: str
    description: str
    package: str
    fn: Callable[[], Iterable[str]]


def tool(
    *,
    domain: str,
    kind: ToolKind,
    package: str,
    description: str,
    outputs: dict[str, Output | tuple[str, str]],
    examples: list[dict[str, Any]],
    name: str | None = None,
    timeout_s: float | None = None,
    warm: Callable[[], Any] | None = None,
    inverse: str | None = None,
) -> Callable[[F], F]:
    """Declare a tool. The function's single argument is annotated with its pydantic params model."""

    def decorate(fn: F) -> F:
        annotations = {k: v for k, v in fn.__annotations__.items() if k != "return"}
        if len(annotations) != 1:
            raise TypeError(f"tool {fn.__name__}: takes exactly one annotated params argument")
        params = next(iter(annotations.values()))
        if isinstance(params, str):  # postponed annotations
            params = fn.__globals__[params]
        if not (isinstance(params, type) and issubclass(params, BaseModel)):
            raise TypeError(f"tool {fn.__name__}: params must be a pydantic model")
        spec = ToolSpec(
            name=name or fn.__name__,
            domain=domain,
            kind=kind,
            description=description,
            params=params,
            outputs={k: (v if isinstance(v, Output) else Output(*v)) for k, v in outputs.items()},
            package=package,
            fn=fn,
            examples=tuple(examples),
            timeout_s=timeout_s,
            warm=warm,
            inverse=inverse,
        )
        spec.validate_definition()
        if spec.name in _TOOLS and _TOOLS[spec.name].fn is not fn:
            raise ValueError(f"duplicate tool name {spec.name!r}")
        _TOOLS[spec.name] = spec
        return fn

    return decorate


def add_tool(name: str, params: type[BaseModel], fn: Callable[[Any], dict[str, Any]], **declaration: Any) -> None:
    """Register a tool built in a loop (one of a family over the same backend) without writing a ``def`` for it."""

    def call(p: BaseModel) -> dict[str, Any]:
        return fn(p)

    call.__annotations__ = {"p": params, "return": dict}
    call.__name__ = call.__qualname__ = name
    tool(name=name, **declaration)(call)


def seed_source(
    *, domain: str, port: str, package: str, description: str
) -> Callable[[Callable[[], Iterable[str]]], Callable[[], Iterable[str]]]:
    """Declare a function that lists seed entities (real values of ``port``) for a domain."""

    def decorate(fn: Callable[[], Iterable[str]]) -> Callable[[], Iterable[str]]:
        get_port(port)
        if domain not in DOMAINS:
            raise ValueError(f"seed source {fn.__name__}: unknown domain {domain!r}")
        _SEEDS.append(SeedSource(domain, port, description, package, fn))
        return fn

    return decorate


def domain_modules() -> list[str]:
    """Every module of ``tool_catalog.domains``, packages walked (a domain is a package of topic modules), in a stable
    order; modules whose name starts with ``_`` are skipped."""
    import tool_catalog.domains as package

    names = [
        m.name
        for m in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}.")
        if not any(part.startswith("_") for part in m.name.split("."))
    ]
    return sorted(names)


def load_all() -> None:
    """Import every domain module so its tools and seed sources register (idempotent)."""
    global _LOADED
    if _LOADED:
        return
    for module in domain_modules():
        importlib.import_module(module)
    _LOADED = True


def all_tools() -> list[ToolSpec]:
    load_all()
    return sorted(_TOOLS.values(), key=lambda t: (t.domain, t.name))


def get_tool(name: str) -> ToolSpec:
    load_all()
    try:
        return _TOOLS[name]
    except KeyError:
        raise KeyError(f"unknown tool {name!r}") from None


def domain_tools(domain: str) -> list[ToolSpec]:
    """Tools of one domain, excluding general tools (they are appended per toolset)."""
    if domain not in DOMAINS:
        raise ValueError(f"unknown domain {domain!r}; expected one of {', '.join(DOMAINS)}")
    return [t for t in all_tools() if t.domain == domain]


def general_tools() -> list[ToolSpec]:
    return [t for t in all_tools() if t.domain == GENERAL_DOMAIN]


def seed_sources(domain: str | None = None) -> list[SeedSource]:
    load_all()
    return [s for s in _SEEDS if domain is None or s.domain == domain]
