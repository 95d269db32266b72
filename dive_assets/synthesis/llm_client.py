"""The LLM client: ``litellm.completion`` with a request cache, retries, budgets and accounting (plain Python).

:class:`LLMClient` wraps ``litellm.completion`` with a request cache, retries with exponential backoff on transient
errors, call and cost budgets, and a per-attempt accounting log. The policies that use it (evidence collection and
derivation by a model, the solver check) live in :mod:`dive_assets.synthesis.policy.llm` and
:mod:`dive_assets.synthesis.solver`.

Every request is built by :func:`request_payload` in one canonical form (JSON with keys sorted at every level): its
hash is the cache key and the payload itself is what is sent, so the same logical request has the same key in every
stage. :func:`check_model` fails fast, before the first trace, on a model that cannot answer.

API keys are read by litellm from the environment only; they are never part of a request key, a cache entry, a
record or a log line (error texts are scrubbed of secret-looking environment values).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from dive_assets.synthesis.config import ConfigError, RunSettings

logger = logging.getLogger(__name__)

ToolCall = tuple[str, str, str]
"""(call id, tool name, arguments as a JSON string)."""

_SECRET_NAME = re.compile(r"(KEY|TOKEN|SECRET|PASSWORD)", re.IGNORECASE)


class LLMError(RuntimeError):
    """Base class of the errors raised by :class:`LLMClient`."""


class LLMBudgetExceeded(LLMError):
    """The client's call or cost budget is used up; no request was sent."""


class LLMCallError(LLMError):
    """A request failed for good: a non-retryable error (4xx), or retries exhausted on a transient one."""

    def __init__(self, message: str, status_code: int | None, retryable: bool, attempts: int) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.retryable = retryable
        self.attempts = attempts


class LLMConfig(BaseModel):
    """How to reach a model and how much it may be used. API keys come from the environment only."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str
    """litellm model name, provider-prefixed, e.g. ``openai/gpt-4o-mini`` or ``openai/<served-name>``."""
    api_base: str | None = None
    temperature: float | None = 0.0
    """None leaves the provider default (some reasoning models accept only their default)."""
    max_tokens: int | None = None
    max_retries: int = Field(default=3, ge=0)
    """Retries after the first attempt, on rate limits, 5xx and connection errors only."""
    backoff_s: float = Field(default=1.0, ge=0.0)
    """First retry delay; doubles with every further retry, capped at ``max_backoff_s``."""
    max_backoff_s: float = Field(default=30.0, ge=0.0)
    timeout_s: float = Field(default=120.0, gt=0.0)
    max_calls: int | None = Field(default=None, ge=0)
    """Budget of HTTP requests (every attempt counts, retries included; cache hits do not)."""
    max_cost_usd: float | None = Field(default=None, ge=0.0)
    """Budget of spend. Only known costs count: calls litellm cannot price (cost None) count as 0 and
    are tallied in :attr:`LLMClient.unpriced_calls`."""
    input_cost_per_token: float | None = None
    output_cost_per_token: float | None = None
    """Explicit prices (both or neither), for self-hosted or unmapped models; passed to litellm."""


class LLMReply(BaseModel):
    content: str | None
    tool_calls: list[ToolCall] = Field(default_factory=list)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    cached: bool = False
    latency_ms: float = 0.0
    request_key: str


class LLMCallRecord(BaseModel):
    """One HTTP attempt or one cache hit, for accounting. ``error`` is set when the attempt failed. A cache hit sent
    nothing: its tokens are 0 and its cost 0.0 (the reply it returns keeps the original counts), so a sum of
    ``cost_usd`` over records is what was spent."""

    request_key: str
    model: str
    purpose: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    cached: bool = False
    latency_ms: float = 0.0
    error: str | None = None
    attempt: int = 1


def canonical_json(value: Any) -> str:
    """The one text form of a request (and of anything a prompt embeds): keys sorted at every level, no spaces."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def request_payload(
    model: str,
    api_base: str | None,
    messages: Sequence[Mapping[str, Any]],
    tools: Sequence[Mapping[str, Any]] | None,
    response_format: Mapping[str, Any] | None,
    temperature: float | None,
    max_tokens: int | None = None,
    seed: int | None = None,
) -> dict[str, Any]:
    """Everything that shapes a reply (never credentials), in canonical form: the request that is hashed into the
    cache key is the request that is sent, so the same logical request has the same key in every stage."""
    payload: dict[str, Any] = {
        "model": model,
        "api_base": api_base,
        "messages": list(messages),
        "tools": list(tools) if tools is not None else None,
        "response_format": response_format,
        "temperature": temperature,
    }
    if max_tokens is not None:
        payload["max_tokens"] = max_tokens
    if seed is not None:
        payload["seed"] = seed
    return json.loads(canonical_json(payload))


def payload_key(payload: Mapping[str, Any]) -> str:
    """sha256 of a request payload's canonical JSON."""
    return hashlib.sha256(canonical_json(payload).encode()).hexdigest()


class LLMClient:
    """A budgeted, cached, retrying ``litellm.completion``.

    ``cache`` is any ``MutableMapping[str, dict]`` (a dict, a shelf, a DuckDB-backed map ...): replies are
    stored under :func:`payload_key` as plain JSON-able dicts, and a hit is answered without any HTTP call.
    """

    def __init__(
        self,
        config: LLMConfig,
        cache: MutableMapping[str, dict[str, Any]] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if (config.input_cost_per_token is None) != (config.output_cost_per_token is None):
            raise ValueError("set both input_cost_per_token and output_cost_per_token, or neither")
        self.config = config
        self.cache = cache
        self.records: list[LLMCallRecord] = []
        self._sleep = sleep
        self._lock = threading.Lock()
        self._sent = 0
        self.model_checked = False

    @property
    def model(self) -> str:
        return self.config.model

    @property
    def spent_usd(self) -> float:
        return sum((r.cost_usd for r in self.records if not r.cached and r.cost_usd is not None), 0.0)

    @property
    def unpriced_calls(self) -> int:
        return sum(1 for r in self.records if not r.cached and r.error is None and r.cost_usd is None)

    def usage(self) -> dict[str, Any]:
        """Totals over :attr:`records` (cache hits are counted apart and cost nothing)."""
        live = [r for r in self.records if not r.cached]
        return {
            "model": self.model,
            "http_calls": len(live),
            "failed_calls": sum(1 for r in live if r.error is not None),
            "cache_hits": sum(1 for r in self.records if r.cached),
            "prompt_tokens": sum(r.prompt_tokens for r in live),
            "completion_tokens": sum(r.completion_tokens for r in live),
            "cost_usd": self.spent_usd,
            "unpriced_calls": self.unpriced_calls,
        }

    def complete(
        self,
        messages: Sequence[Mapping[str, Any]],
        tools: Sequence[Mapping[str, Any]] | None = None,
        response_format: Mapping[str, Any] | None = None,
        purpose: str = "",
        seed: int | None = None,
    ) -> LLMReply:
        """One chat completion: from the cache when possible, else over HTTP with retries.

        ``seed`` (sent to providers that support it, and part of the cache key) tells repeated samples of the
        same request apart, e.g. the solver's attempts.

        Raises :class:`LLMBudgetExceeded` before sending a request the budget does not allow, and
        :class:`LLMCallError` when the request fails for good.
        """
        cfg = self.config
        payload = request_payload(
            cfg.model,
            cfg.api_base,
            messages,
            tools,
            response_format,
            cfg.temperature,
            cfg.max_tokens,
            seed,
        )
        key = payload_key(payload)
        started = time.perf_counter()
        if self.cache is not None:
            stored = self.cache.get(key)
            if stored is not None:
                reply = _reply_from_cache(stored, key, _elapsed_ms(started))
                self._record(key, purpose, reply=reply, attempt=0)
                return reply

        litellm = _litellm()
        # exactly the hashed payload goes over the wire (unset options left out), plus transport settings
        kwargs: dict[str, Any] = {k: v for k, v in payload.items() if v is not None and not (k == "tools" and not v)}
        kwargs.update(timeout=cfg.timeout_s, num_retries=0, max_retries=0)  # retries are ours: each one is recorded

        attempt = 0
        while True:
            attempt += 1
            self._check_budget()
            sent = time.perf_counter()
            try:
                response = litellm.completion(**kwargs)
            except Exception as exc:
                status = _status_code(exc)
                retryable = _is_retryable(litellm, exc)
                message = f"{type(exc).__name__}: {_redact(str(exc))}"[:1000]
                self._record(key, purpose, error=message, latency_ms=_elapsed_ms(sent), attempt=attempt)
                if not retryable or attempt > cfg.max_retries:
                    tried = f"after {attempt} attempt{'s' if attempt > 1 else ''}"
                    raise LLMCallError(
                        f"LLM call to {cfg.model} failed {tried}: {message}", status, retryable, attempt
                    ) from None
                delay = min(cfg.max_backoff_s, cfg.backoff_s * 2 ** (attempt - 1))
                logger.warning("LLM call to %s failed (%s); retry %d in %.2f s", cfg.model, message, attempt, delay)
                self._sleep(delay)
                continue
            latency = _elapsed_ms(sent)
            reply = _reply_from_response(response, key, latency, self._cost(litellm, response))
            self._record(key, purpose, reply=reply, attempt=attempt)
            if self.cache is not None:
                with self._lock:
                    self.cache[key] = _cache_entry(reply)
            return reply

    def _check_budget(self) -> None:
        """Reserve one request under the budget (atomically, so threads sharing a client cannot overshoot)."""
        cfg = self.config
        with self._lock:
            if cfg.max_calls is not None and self._sent >= cfg.max_calls:
                raise LLMBudgetExceeded(
                    f"LLM call budget exhausted: {self._sent} of max_calls={cfg.max_calls} requests to "
                    f"{cfg.model} already sent; no request made"
                )
            if cfg.max_cost_usd is not None and self.spent_usd >= cfg.max_cost_usd:
                raise LLMBudgetExceeded(
                    f"LLM cost budget exhausted: ${self.spent_usd:.6f} of max_cost_usd=${cfg.max_cost_usd:.6f} "
                    f"spent on {cfg.model}; no request made"
                )
            self._sent += 1

    def _cost(self, litellm: Any, response: Any) -> float | None:
        cfg = self.config
        custom = None
        if cfg.input_cost_per_token is not None and cfg.output_cost_per_token is not None:
            custom = {
                "input_cost_per_token": cfg.input_cost_per_token,
                "output_cost_per_token": cfg.output_cost_per_token,
            }
        try:
            cost = litellm.completion_cost(completion_response=response, custom_cost_per_token=custom)
        except Exception:  # unmapped model: the cost is unknown, and we never estimate it
            return None
        return float(cost) if cost is not None else None

    def _record(
        self,
        key: str,
        purpose: str,
        reply: LLMReply | None = None,
        error: str | None = None,
        latency_ms: float = 0.0,
        attempt: int = 1,
    ) -> None:
        paid = reply is not None and not reply.cached
        record = LLMCallRecord(
            request_key=key,
            model=self.config.model,
            purpose=purpose,
            # a cache hit sends nothing: no tokens and a cost of 0, so sums over cost_usd are the real spend
            prompt_tokens=reply.prompt_tokens if paid else 0,
            completion_tokens=reply.completion_tokens if paid else 0,
            cost_usd=(reply.cost_usd if paid else 0.0) if reply else None,
            cached=reply.cached if reply else False,
            latency_ms=reply.latency_ms if reply else latency_ms,
            error=error,
            attempt=attempt,
        )
        with self._lock:
            self.records.append(record)


def _litellm() -> Any:
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no remote cost-map fetch at import
    import litellm

    litellm.suppress_debug_info = True
    return litellm


_CONFIG_ERRORS = ("missing credentials", "api_key client option must be set", "no api key")


def _is_retryable(litellm: Any, exc: Exception) -> bool:
    """Rate limits, 5xx and connection errors are retried; a missing API key is not (litellm reports it as a
    500 'InternalServerError', but waiting does not make a key appear)."""
    if any(marker in str(exc).lower() for marker in _CONFIG_ERRORS):
        return False
    transient = (
        litellm.RateLimitError,
        litellm.InternalServerError,
        litellm.ServiceUnavailableError,
        litellm.BadGatewayError,
        litellm.APIConnectionError,
        litellm.Timeout,
    )
    if isinstance(exc, transient):
        return True
    status = _status_code(exc)
    return status is not None and (status in (408, 429) or status >= 500)


def _status_code(exc: Exception) -> int | None:
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def _redact(text: str) -> str:
    for name, value in os.environ.items():
        if _SECRET_NAME.search(name) and len(value) >= 6 and value in text:
            text = text.replace(value, "***")
    return text


def _elapsed_ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000.0, 3)


def _reply_from_response(response: Any, key: str, latency_ms: float, cost: float | None) -> LLMReply:
    message = response.choices[0].message
    calls: list[ToolCall] = []
    for index, call in enumerate(getattr(message, "tool_calls", None) or []):
        function = call.function
        arguments = function.arguments
        if not isinstance(arguments, str):
            arguments = json.dumps(arguments)
        calls.append((call.id or f"call_{index}", function.name or "", arguments))
    usage = getattr(response, "usage", None)
    return LLMReply(
        content=message.content,
        tool_calls=calls,
        prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
        completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
        cost_usd=cost,
        cached=False,
        latency_ms=latency_ms,
        request_key=key,
    )


def _cache_entry(reply: LLMReply) -> dict[str, Any]:
    return reply.model_dump(include={"content", "tool_calls", "prompt_tokens", "completion_tokens", "cost_usd"})


def _reply_from_cache(stored: Mapping[str, Any], key: str, latency_ms: float) -> LLMReply:
    data = dict(stored)
    data["tool_calls"] = [tuple(c) for c in data.get("tool_calls", [])]
    return LLMReply(**data, cached=True, latency_ms=latency_ms, request_key=key)


MODEL_CHECK_MESSAGES: tuple[dict[str, str], ...] = ({"role": "user", "content": "Reply with the single word OK."},)
"""The model check's request: as small as a request gets, with the run's own settings (model, API base, credentials,
temperature), so a model that fails it would fail every trace."""


def check_model(client: LLMClient) -> None:
    """Fail fast, before the first trace, when the client's model cannot answer.

    Two checks, once per client: litellm must know a provider for the model name (offline, no request), then one
    tiny request (purpose ``model_check``) must succeed. The request is cached and recorded like any other, so a
    re-run pays nothing for it and its cost is in ``llm_calls``. Raises :class:`ConfigError` with a one-line message
    that names the model.
    """
    if client.model_checked:
        return
    cfg = client.config
    litellm = _litellm()
    try:
        litellm.get_llm_provider(cfg.model, api_base=cfg.api_base)
    except Exception as exc:
        raise ConfigError(
            f"LLM model {cfg.model!r}: litellm knows no provider for this name ({type(exc).__name__}); set "
            "DIVE_LLM_MODEL to a provider-prefixed litellm name, e.g. openai/<name> for an OpenAI-compatible server "
            "(https://docs.litellm.ai/docs/providers)"
        ) from None
    try:
        client.complete(list(MODEL_CHECK_MESSAGES), purpose="model_check")
    except LLMCallError as exc:
        at = f" at {cfg.api_base}" if cfg.api_base else ""
        raise ConfigError(
            f"LLM model {cfg.model!r} failed its check request{at} before its first use: {_one_line(exc)}; check "
            "DIVE_LLM_MODEL, DIVE_LLM_API_BASE and the provider's API key variable"
        ) from None
    client.model_checked = True


def _one_line(exc: BaseException) -> str:
    return " ".join(_redact(str(exc)).split())[:500]


def client_for(run: RunSettings, cache: MutableMapping[str, dict[str, Any]] | None) -> LLMClient | None:
    """The litellm client of a run, or None for the embedded policy (no model configured)."""
    if not run.llm_model:
        return None
    config = LLMConfig(model=run.llm_model, api_base=run.llm_api_base, max_calls=run.llm_max_calls)
    return LLMClient(config, cache=cache)


def bounded_map(fn: Callable[[Any], Any], items: Sequence[Any], concurrency: int) -> list[Any]:
    """``map`` with at most ``concurrency`` calls in flight (LLM calls are I/O bound); keeps input order."""
    if concurrency <= 1 or len(items) <= 1:
        return [fn(item) for item in items]
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="dive-llm") as pool:
        return list(pool.map(fn, items))
