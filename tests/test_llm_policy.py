"""The litellm policy over real HTTP against a scripted local OpenAI-compatible server (tests/llm_server.py)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from llm_server import ScriptedLLMServer, running_server

from dive_assets.synthesis.config import ConfigError
from dive_assets.synthesis.derivation import DerivationError, answer_in_text
from dive_assets.synthesis.llm_client import LLMBudgetExceeded, LLMCallError, LLMClient, LLMConfig, check_model
from dive_assets.synthesis.policy.llm import collect_evidence_llm, derivation_messages, derive_task_llm
from dive_assets.synthesis.records import Step, Trace
from dive_assets.synthesis.verification import verify_task
from tool_catalog import get_tool

DUMMY_KEY = "sk-dummy-test-key-0123456789abcdef"
MODEL = "openai/test-model"
TOOL_NAMES = ("country_info", "airport_info", "airport_distance")

CHAIN_SCRIPT: list[list[tuple[str, Any]]] = [
    [("airport_info", {"iata": "LHR"})],
    [("country_info", {"country_code": "GB"}), ("airport_distance", {"origin": "LHR", "destination": "JFK"})],
    [("country_info", "[1, 2]"), ("country_info", "{not json"), ("not_a_tool", {}), ("airport_info", {"iata": "ZZZ"})],
]
GOOD_DERIVATION = {
    "question": "What is the English name of the country in which airport LHR is located?",
    "answer_step": 1,
    "answer_field": "name",
}


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedLLMServer]:
    with running_server() as srv:
        yield srv


@pytest.fixture
def srv(server: ScriptedLLMServer, monkeypatch: pytest.MonkeyPatch) -> ScriptedLLMServer:
    monkeypatch.setenv("OPENAI_API_KEY", DUMMY_KEY)
    server.reset()
    return server


@pytest.fixture(scope="module")
def tools() -> dict[str, Any]:
    return {name: get_tool(name) for name in TOOL_NAMES}


def client_for(srv: ScriptedLLMServer, cache: dict[str, dict] | None = None, **overrides: Any) -> LLMClient:
    settings: dict[str, Any] = {
        "model": MODEL,
        "api_base": srv.api_base,
        "backoff_s": 0.01,
        "max_retries": 2,
        "timeout_s": 10,
    }
    settings.update(overrides)
    return LLMClient(LLMConfig(**settings), cache=cache)


def collect(srv: ScriptedLLMServer, tools: dict[str, Any], client: LLMClient, max_turns: int = 5) -> list[Step]:
    return collect_evidence_llm(
        "trace_test", list(tools.values()), "iata_code", "LHR", "geo", client, max_turns=max_turns, timeout_s=10
    )


def trace_of(steps: list[Step]) -> Trace:
    return Trace(
        trace_id="trace_test",
        toolset_id="toolset_test",
        domain="geo",
        diversity="full-varied",
        policy=f"litellm:{MODEL}",
        seed_port="iata_code",
        seed_value="LHR",
        status="ok" if any(s.ok for s in steps) else "failed",
        step_count=len(steps),
        task_slot=0,
        steps=steps,
    )


def chain_trace(srv: ScriptedLLMServer, tools: dict[str, Any]) -> Trace:
    srv.tool_script = CHAIN_SCRIPT
    steps = collect(srv, tools, client_for(srv))
    srv.reset()
    return trace_of(steps)


# --- evidence collection ----------------------------------------------------------------------


def test_default_script_calls_the_tool_matching_the_seed_port(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    client = client_for(srv)
    steps = collect(srv, tools, client)
    assert [s.tool_name for s in steps] == ["airport_info"]  # country_info is first, but takes a country code
    step = steps[0]
    assert step.ok and step.output is not None and step.output["country_code"] == "GB"
    assert step.arguments == {"iata": "LHR"}
    assert step.provenance["iata"].source == "seed" and step.depends_on == []
    assert srv.request_count == 2  # one tool call, then a plain-text answer
    last = srv.requests[-1]["messages"]
    assert last[-1]["role"] == "tool" and json.loads(last[-1]["content"])["city"] == "London"
    assert last[-2]["role"] == "assistant" and last[-2]["tool_calls"][0]["function"]["name"] == "airport_info"
    assert [t["function"]["name"] for t in srv.requests[0]["tools"]] == list(TOOL_NAMES)
    assert "Seed entity: LHR (port: iata_code" in srv.requests[0]["messages"][1]["content"]


def test_chain_provenance_and_untrusted_arguments(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    srv.tool_script = CHAIN_SCRIPT
    steps = collect(srv, tools, client_for(srv))
    assert srv.request_count == 4
    assert [s.step_index for s in steps] == list(range(7))
    first, country, distance, not_object, bad_json, unknown, bad_input = steps
    assert first.ok and first.provenance["iata"].source == "seed"

    assert country.ok and country.output is not None and country.output["name"] == "United Kingdom"
    prov = country.provenance["country_code"]
    assert (prov.source, prov.step, prov.field) == ("step", 0, "country_code")
    assert country.depends_on == [0]

    assert distance.ok
    assert distance.provenance["origin"].source == "seed"
    assert distance.provenance["destination"].source == "sample"
    assert distance.depends_on == []

    assert (not_object.ok, not_object.error_type) == (False, "invalid_arguments")
    assert "JSON object" in (not_object.error or "")
    assert (bad_json.ok, bad_json.error_type, bad_json.arguments) == (False, "invalid_arguments", {})
    assert (unknown.ok, unknown.error_type) == (False, "unknown_tool")
    assert (bad_input.ok, bad_input.error_type) == (False, "bad_input")

    tool_messages = [m for m in srv.requests[-1]["messages"] if m["role"] == "tool"]
    assert len(tool_messages) == 7
    assert tool_messages[3]["content"].startswith("ERROR (invalid_arguments)")
    assert "not in this toolset" in tool_messages[5]["content"]
    assert "ZZZ" in tool_messages[6]["content"]


def test_string_normalized_match_records_the_produced_value(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    # the model copies elevation 83.0 as the string "83": still step 0's output, recorded with the exact value
    srv.tool_script = [
        [("airport_info", {"iata": "LHR"})],
        [("airport_info", {"iata": "83"})],
    ]
    steps = collect(srv, tools, client_for(srv))
    prov = steps[1].provenance["iata"]
    assert (prov.source, prov.step, prov.field) == ("step", 0, "elevation_ft")
    assert steps[1].arguments["iata"] == 83.0 and steps[1].depends_on == [0]
    assert steps[1].error_type == "invalid_arguments"  # a number is no IATA code; the tool says so


def test_max_turns_stops_collection(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    srv.tool_script = [[("airport_info", {"iata": code})] for code in ("LHR", "JFK", "CDG", "NRT")]
    steps = collect(srv, tools, client_for(srv), max_turns=2)
    assert len(steps) == 2 and srv.request_count == 2


# --- derivation -------------------------------------------------------------------------------


def test_derived_task_answer_comes_from_the_trace_and_verifies(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    trace = chain_trace(srv, tools)
    srv.derivation_replies = [{**GOOD_DERIVATION, "answer": "France"}]  # a model's own "answer" is ignored
    client = client_for(srv)
    task = derive_task_llm(trace, tools, client, exemplars=["Which city hosts the busiest airport of Kenya?"])
    assert task.answer == "United Kingdom" == trace.steps[1].output["name"]
    assert (task.answer_step, task.answer_field, task.answer_type) == (1, "name", "string")
    assert task.required_steps == [0, 1] and task.call_graph == [(0, 1)] and task.pattern == "chain"
    assert task.derived_by == f"litellm:{MODEL}"
    assert all(check.passed for check in verify_task(task, trace, tools)), verify_task(task, trace, tools)
    body = srv.requests[-1]
    assert "tools" not in body and body["response_format"]["type"] == "json_schema"
    prompt = body["messages"][1]["content"]
    assert "busiest airport of Kenya" in prompt and "from step 0 field country_code" in prompt


def test_server_default_derivation_from_prompt_phrases_verifies(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    trace = chain_trace(srv, tools)
    task = derive_task_llm(trace, tools, client_for(srv))
    assert task.answer == trace.steps[task.answer_step].output[task.answer_field]
    assert all(check.passed for check in verify_task(task, trace, tools))


def test_invalid_derivation_is_retried_with_the_reason(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    trace = chain_trace(srv, tools)
    srv.derivation_replies = [{"question": "What is it?", "answer_step": 1, "answer_field": "capital"}, GOOD_DERIVATION]
    task = derive_task_llm(trace, tools, client_for(srv))
    assert task.answer == "United Kingdom" and srv.request_count == 2
    retry = srv.requests[1]["messages"]
    assert retry[-1]["role"] == "user" and "'capital' is not an output of step 1" in retry[-1]["content"]


@pytest.mark.parametrize(
    ("replies", "failures", "reason"),
    [
        ([], ["invalid_json", "invalid_json"], "not valid JSON"),
        ([{"question": "Why?", "answer_step": 9, "answer_field": "name"}] * 2, [], "answer_step 9 is not a step"),
        ([{"question": "What is the name?"}] * 2, [], "does not match the schema"),
        (
            [
                {
                    "question": "Is the name of the country of airport LHR United Kingdom?",
                    "answer_step": 1,
                    "answer_field": "name",
                }
            ]
            * 2,
            [],
            "contains the answer",
        ),
        (
            [{"question": "What is the name of that country?", "answer_step": 1, "answer_field": "name"}] * 2,
            [],
            "'LHR'",
        ),
    ],
)
def test_invalid_derivation_twice_raises_derivation_error(
    srv: ScriptedLLMServer, tools: dict[str, Any], replies: list[Any], failures: list[str], reason: str
) -> None:
    trace = chain_trace(srv, tools)
    srv.derivation_replies = list(replies)
    srv.failures = list(failures)
    with pytest.raises(DerivationError, match="rejected twice") as err:
        derive_task_llm(trace, tools, client_for(srv))
    assert reason in str(err.value)
    assert srv.request_count == 2


def test_trace_without_successful_step_needs_no_call(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    srv.tool_script = [[("airport_info", {"iata": "ZZZ"})]]
    trace = trace_of(collect(srv, tools, client_for(srv)))
    srv.reset()
    with pytest.raises(DerivationError, match="no successful step"):
        derive_task_llm(trace, tools, client_for(srv))
    assert srv.request_count == 0


def test_answer_in_question_check_is_whole_token() -> None:
    assert answer_in_text("United Kingdom", "Is it the United Kingdom?")
    assert not answer_in_text("826", "What is the numeric code of 8260?")


# --- client: retries, cache, accounting, budget ------------------------------------------------

MESSAGES = [{"role": "user", "content": "Say hello."}]


@pytest.mark.parametrize("failure", ["429", "500"])
def test_transient_errors_are_retried(srv: ScriptedLLMServer, failure: str) -> None:
    srv.failures = [failure]
    client = client_for(srv)
    reply = client.complete(MESSAGES, purpose="probe")
    assert srv.request_count == 2 and not reply.cached
    assert [r.error is None for r in client.records] == [False, True]
    assert [r.attempt for r in client.records] == [1, 2]
    assert client.records[0].error and (
        "RateLimit" in client.records[0].error or "InternalServer" in client.records[0].error
    )


def test_retries_exhausted_and_4xx_not_retried(srv: ScriptedLLMServer) -> None:
    srv.failures = ["500", "500", "500"]
    with pytest.raises(LLMCallError, match="after 3 attempts") as err:
        client_for(srv, max_retries=2).complete(MESSAGES)
    assert err.value.retryable and err.value.attempts == 3 and srv.request_count == 3

    srv.reset()
    srv.failures = ["400"]
    with pytest.raises(LLMCallError) as err:
        client_for(srv).complete(MESSAGES)
    assert err.value.status_code == 400 and not err.value.retryable and srv.request_count == 1


def test_cache_hit_makes_no_request_and_changes_make_new_ones(srv: ScriptedLLMServer) -> None:
    cache: dict[str, dict] = {}
    client = client_for(srv, cache=cache)
    first = client.complete(MESSAGES)
    again = client.complete(MESSAGES)
    assert srv.request_count == 1
    assert again.cached and not first.cached and again.request_key == first.request_key
    assert (again.content, again.prompt_tokens, again.completion_tokens) == (
        first.content,
        first.prompt_tokens,
        first.completion_tokens,
    )
    client.complete([{"role": "user", "content": "Say hello!"}])
    assert srv.request_count == 2
    other_model = client_for(srv, cache=cache, model="openai/test-model-2")
    other_model.complete(MESSAGES)
    assert srv.request_count == 3
    client_for(srv, cache=cache, temperature=0.7).complete(MESSAGES)
    assert srv.request_count == 4
    assert client.usage()["cache_hits"] == 1 and client.usage()["http_calls"] == 2


def test_cached_evidence_run_replays_without_http(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    cache: dict[str, dict] = {}
    srv.tool_script = CHAIN_SCRIPT
    first = collect(srv, tools, client_for(srv, cache=cache))
    sent = srv.request_count
    second_client = client_for(srv, cache=cache)
    second = collect(srv, tools, second_client)
    assert srv.request_count == sent
    assert [s.model_dump(exclude={"latency_ms"}) for s in second] == [
        s.model_dump(exclude={"latency_ms"}) for s in first
    ]
    assert all(r.cached for r in second_client.records)


def test_tokens_and_cost_are_recorded(srv: ScriptedLLMServer) -> None:
    client = client_for(srv)
    reply = client.complete(MESSAGES, purpose="probe")
    expected_prompt = len(json.dumps(srv.requests[-1]["messages"])) // 4 + 1
    assert reply.prompt_tokens == expected_prompt and reply.completion_tokens > 0
    record = client.records[-1]
    assert (record.prompt_tokens, record.completion_tokens) == (reply.prompt_tokens, reply.completion_tokens)
    assert record.purpose == "probe" and record.model == MODEL
    assert reply.cost_usd is None and record.cost_usd is None  # unmapped model: unknown, never estimated
    assert client.unpriced_calls == 1

    priced = client_for(srv, input_cost_per_token=1e-6, output_cost_per_token=2e-6)
    reply = priced.complete(MESSAGES)
    assert reply.cost_usd == pytest.approx(reply.prompt_tokens * 1e-6 + reply.completion_tokens * 2e-6)


def test_call_budget_stops_cleanly(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    cache: dict[str, dict] = {}
    client = client_for(srv, cache=cache, max_calls=2)
    client.complete(MESSAGES)
    client.complete([{"role": "user", "content": "Again."}])
    with pytest.raises(LLMBudgetExceeded, match="max_calls=2"):
        client.complete([{"role": "user", "content": "Once more."}])
    assert srv.request_count == 2
    assert client.complete(MESSAGES).cached  # cache hits stay free

    srv.reset()
    srv.tool_script = CHAIN_SCRIPT
    with pytest.raises(LLMBudgetExceeded):
        collect(srv, tools, client_for(srv, max_calls=1))
    assert srv.request_count == 1


def test_cost_budget_stops_cleanly(srv: ScriptedLLMServer) -> None:
    client = client_for(srv, input_cost_per_token=1e-3, output_cost_per_token=1e-3, max_cost_usd=0.001)
    client.complete(MESSAGES)
    assert client.spent_usd > 0.001
    with pytest.raises(LLMBudgetExceeded, match="max_cost_usd"):
        client.complete([{"role": "user", "content": "Again."}])
    assert srv.request_count == 1


def test_api_key_is_sent_but_never_recorded(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    cache: dict[str, dict] = {}
    client = client_for(srv, cache=cache)
    srv.tool_script = CHAIN_SCRIPT
    steps = collect(srv, tools, client)
    srv.derivation_replies = [GOOD_DERIVATION]
    derive_task_llm(trace_of(steps), tools, client)
    srv.failures = ["400"]  # the server echoes the Authorization header in its error message
    with pytest.raises(LLMCallError) as err:
        client.complete(MESSAGES)
    assert srv.auth_headers and all(h == f"Bearer {DUMMY_KEY}" for h in srv.auth_headers)
    assert DUMMY_KEY not in str(err.value)
    assert "***" in (client.records[-1].error or "")
    dumped = json.dumps([r.model_dump() for r in client.records]) + json.dumps(cache) + "".join(cache)
    assert DUMMY_KEY not in dumped
    assert DUMMY_KEY not in json.dumps([s.model_dump() for s in steps])


def test_config_rejects_half_a_price(srv: ScriptedLLMServer) -> None:
    with pytest.raises(ValueError, match="both"):
        client_for(srv, input_cost_per_token=1e-6)


def test_call_budget_holds_across_threads(srv: ScriptedLLMServer) -> None:
    client = client_for(srv, max_calls=3)
    outcomes: list[str] = []

    def call(i: int) -> None:
        try:
            client.complete([{"role": "user", "content": f"thread {i}"}])
            outcomes.append("ok")
        except LLMBudgetExceeded:
            outcomes.append("budget")

    threads = [threading.Thread(target=call, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["budget"] * 5 + ["ok"] * 3 and srv.request_count == 3


def test_derivation_response_format_is_configurable(srv: ScriptedLLMServer, tools: dict[str, Any]) -> None:
    trace = chain_trace(srv, tools)
    srv.derivation_replies = ["```json\n" + json.dumps(GOOD_DERIVATION) + "\n```"]  # fenced JSON is accepted
    task = derive_task_llm(trace, tools, client_for(srv), response_format={"type": "json_object"})
    assert task.answer == "United Kingdom"
    assert srv.requests[-1]["response_format"] == {"type": "json_object"}


def test_a_missing_api_key_fails_at_once_with_a_clear_error(
    server: ScriptedLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    server.reset()
    client = client_for(server, max_retries=3)
    with pytest.raises(LLMCallError) as raised:
        client.complete([{"role": "user", "content": "hi"}])
    assert raised.value.attempts == 1 and not raised.value.retryable
    assert "credentials" in str(raised.value).lower() or "api_key" in str(raised.value)
    assert server.request_count == 0


# --- one request, one key, one payment (issue 24, fault 3) --------------------------------------


def test_derivation_prompt_does_not_depend_on_the_order_of_fields(
    srv: ScriptedLLMServer, tools: dict[str, Any]
) -> None:
    """The evidence loop derives from live steps (fields in the tool's order), derived_tasks from stored steps (fields
    in JSON-sorted order): both must send the same request, so the second is a cache hit."""
    trace = chain_trace(srv, tools)
    flip = lambda d: d and dict(reversed(d.items()))  # noqa: E731
    flipped = [s.model_copy(update={"arguments": flip(s.arguments), "output": flip(s.output)}) for s in trace.steps]
    stored = trace.model_copy(update={"steps": flipped})
    assert [list(s.output or {}) for s in stored.steps] != [list(s.output or {}) for s in trace.steps]
    assert derivation_messages(stored, tools) == derivation_messages(trace, tools)
    cache: dict[str, dict] = {}
    srv.derivation_replies = [GOOD_DERIVATION]
    first = derive_task_llm(trace, tools, client_for(srv, cache=cache))
    again = client_for(srv, cache=cache)
    assert derive_task_llm(stored, tools, again) == first
    assert srv.request_count == 1 and [r.cached for r in again.records] == [True]
    # keys are order-free at every level of the request too
    keyed = client_for(srv, cache=cache)
    swapped = [{"content": m["content"], "role": m["role"]} for m in srv.requests[0]["messages"]]
    assert keyed.complete(swapped, response_format=srv.requests[0]["response_format"]).cached


def test_cache_hit_is_recorded_without_tokens_or_cost(srv: ScriptedLLMServer) -> None:
    cache: dict[str, dict] = {}
    client = client_for(srv, cache=cache, input_cost_per_token=1e-6, output_cost_per_token=2e-6)
    paid = client.complete(MESSAGES, purpose="evidence:t1")
    hit = client_for(srv, cache=cache, input_cost_per_token=1e-6, output_cost_per_token=2e-6)
    reply = hit.complete(MESSAGES, purpose="derivation:t1")
    assert srv.request_count == 1 and reply.cached and reply.content == paid.content
    record = hit.records[-1]
    assert record.cached and record.purpose == "derivation:t1"
    assert (record.prompt_tokens, record.completion_tokens, record.cost_usd) == (0, 0, 0.0)
    assert paid.cost_usd and sum(r.cost_usd or 0.0 for r in client.records + hit.records) == paid.cost_usd
    assert hit.spent_usd == 0.0 and hit.usage()["cache_hits"] == 1


def test_model_check_accepts_a_served_model_once(srv: ScriptedLLMServer) -> None:
    cache: dict[str, dict] = {}
    client = client_for(srv, cache=cache)
    check_model(client)
    check_model(client)  # once per client
    assert srv.request_count == 1 and [r.purpose for r in client.records] == ["model_check"]
    again = client_for(srv, cache=cache)
    check_model(again)  # a later stage or run: answered from the cache
    assert srv.request_count == 1 and again.records[0].cached


@pytest.mark.parametrize(
    ("model", "served", "keyed", "requests", "reason"),
    [
        ("test-model", None, True, 0, "no provider"),
        ("nonsense/test-model", None, True, 0, "no provider"),
        ("openai/missing-model", {"test-model"}, True, 1, "NotFoundError"),
        ("openai/test-model", None, False, 0, "OPENAI_API_KEY"),  # a missing key is found before any request
    ],
)
def test_model_check_rejects_an_unusable_model(
    srv: ScriptedLLMServer, monkeypatch: pytest.MonkeyPatch, model: str, served: set[str] | None, keyed: bool,
    requests: int, reason: str,
) -> None:  # fmt: skip
    if not keyed:
        monkeypatch.delenv("OPENAI_API_KEY")
    srv.served_models = served
    with pytest.raises(ConfigError) as err:
        check_model(client_for(srv, model=model, max_retries=3))
    message = str(err.value)
    assert "\n" not in message and model in message and reason in message, message
    assert DUMMY_KEY not in message and srv.request_count == requests
