"""A scripted, deterministic OpenAI-compatible chat server for tests of the LLM policy.

``POST /v1/chat/completions`` only. Behaviour, in order:

0. ``responder`` (a callable, when set) answers every request that is not a scripted failure: it gets the
   request body and returns ``(content, calls)`` with calls as in ``tool_script``, or None to leave the request
   to the behaviour below.
1. ``failures`` (a list, consumed from the front): ``"429"`` / ``"500"`` / ``"400"`` answer with that HTTP
   status (the error message echoes the Authorization header, to test scrubbing); ``"invalid_json"``
   answers 200 with content that is not JSON (for derivation retries).
2. With ``tools`` in the request: if ``tool_script`` is set, turn *n* (the number of assistant messages
   already in the conversation) answers with the calls ``tool_script[n]`` (a list of ``(name, arguments)``;
   arguments a dict, or a raw string sent as is), and with plain text once the script is exhausted.
   Without a script: when the last message is not a tool result, it calls the first tool with a required
   parameter whose ``x-port`` is the seed's port (parsed from ``Seed entity: <value> (port: <port>)`` in
   the prompt), passing the seed; after tool results it answers with plain text.
3. Without tools: the next item of ``derivation_replies`` (a dict is sent as JSON, a string as is); when
   that list is empty, a JSON derivation for the first output field of the last step listed in the
   prompt, asking "What is <phrase>?" with the phrase the prompt gives for that field.

``served_models`` (a set, when set) is what the server serves: a request for another model is answered 404
``model_not_found``, as OpenAI answers an unknown model.

Every reply carries ``usage`` token counts. ``request_count`` and ``requests`` (bodies, with the
``Authorization`` header kept separately in ``auth_headers``) let tests assert what went over HTTP;
:meth:`ScriptedLLMServer.logical_duplicates` counts the requests that repeat an earlier one's logical content.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SEED_RE = re.compile(r"Seed entity: (.+?) \(port: (\w+)")
STEP_RE = re.compile(r"^Step (\d+): ", re.MULTILINE)
FIELD_RE = re.compile(r"^\s+- (\w+) = .*? \| phrase: (.+)$", re.MULTILINE)


class ScriptedLLMServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.lock = threading.Lock()
        self.failures: list[str] = []
        self.tool_script: list[list[tuple[str, Any]]] | None = None
        self.derivation_replies: list[dict[str, Any] | str] = []
        self.requests: list[dict[str, Any]] = []
        self.auth_headers: list[str | None] = []
        self.request_count = 0
        self.latency_s = 0.0  # added to every reply, outside the lock (a slow provider)
        self.responder: Callable[[dict[str, Any]], tuple[str | None, list[tuple[str, Any]]] | None] | None = None
        self.served_models: set[str] | None = None

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def reset(self) -> None:
        with self.lock:
            self.failures = []
            self.tool_script = None
            self.derivation_replies = []
            self.requests = []
            self.auth_headers = []
            self.request_count = 0
            self.responder = None
            self.served_models = None

    def logical_duplicates(self) -> list[dict[str, Any]]:
        """The requests received so far that repeat the logical content of an earlier request: the same body once
        every message's text is taken as a set of lines (a prompt listing the same fields in another order is the
        same request; paying for it twice is paying for one reply twice)."""
        with self.lock:
            bodies = list(self.requests)
        seen: set[str] = set()
        repeats = []
        for body in bodies:
            fingerprint = logical_form(body)
            if fingerprint in seen:
                repeats.append(body)
            seen.add(fingerprint)
        return repeats

    def reply_for(self, body: dict[str, Any], auth: str | None) -> tuple[int, dict[str, Any]]:
        """(HTTP status, JSON body) for one request; runs under the lock."""
        self.request_count += 1
        self.requests.append(body)
        self.auth_headers.append(auth)
        failure = self.failures.pop(0) if self.failures else None
        if failure in ("429", "500", "400"):
            # a careless upstream echoes the credential: the client must scrub it from its records
            message = f"scripted failure {failure} (request authorized with {auth})"
            return int(failure), {"error": {"message": message, "type": "scripted", "code": None}}
        messages = body.get("messages", [])
        if self.served_models is not None and body.get("model") not in self.served_models:
            message = f"The model `{body.get('model')}` does not exist or you do not have access to it."
            return 404, {"error": {"message": message, "type": "invalid_request_error", "code": "model_not_found"}}
        if failure == "invalid_json":
            return 200, _completion(body, messages, "this is {not json", [])
        answered = self.responder(body) if self.responder is not None else None
        if answered is not None:
            content, calls = answered
            return 200, _completion(body, messages, content, calls)
        if body.get("tools"):
            calls = self._tool_calls(body, messages)
            if calls:
                return 200, _completion(body, messages, None, calls)
            return 200, _completion(body, messages, "I have collected enough evidence.", [])
        if self.derivation_replies:
            reply = self.derivation_replies.pop(0)
            content = reply if isinstance(reply, str) else json.dumps(reply)
        else:
            content = json.dumps(_default_derivation(messages))
        return 200, _completion(body, messages, content, [])

    def _tool_calls(self, body: dict[str, Any], messages: list[dict[str, Any]]) -> list[tuple[str, Any]]:
        if self.tool_script is not None:
            turn = sum(1 for m in messages if m.get("role") == "assistant")
            return list(self.tool_script[turn]) if turn < len(self.tool_script) else []
        if messages and messages[-1].get("role") == "tool":
            return []
        match = SEED_RE.search(_prompt_text(messages))
        if match is None:
            return []
        seed_value, seed_port = match.group(1), match.group(2)
        for tool in body["tools"]:
            params = tool["function"].get("parameters", {})
            for name in params.get("required", []):
                if params.get("properties", {}).get(name, {}).get("x-port") == seed_port:
                    return [(tool["function"]["name"], {name: seed_value})]
        return []


class _Handler(BaseHTTPRequestHandler):
    server: ScriptedLLMServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # header and body are separate writes; avoid the 40 ms delayed-ACK stall

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send(404, {"error": {"message": f"no route {self.path}"}})
            return
        try:
            body = json.loads(raw)
        except json.JSONDecodeError:
            self._send(400, {"error": {"message": "request body is not JSON"}})
            return
        with self.server.lock:
            try:
                status, payload = self.server.reply_for(body, self.headers.get("Authorization"))
            except Exception as exc:  # a bug in a script must surface as a response, not a dropped socket
                status, payload = 500, {"error": {"message": f"server error: {type(exc).__name__}: {exc}"}}
        if self.server.latency_s > 0:
            time.sleep(self.server.latency_s)
        self._send(status, payload)

    def _send(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output quiet
        return


def logical_form(body: dict[str, Any]) -> str:
    """A request body with each message's text replaced by its sorted lines, as canonical JSON."""
    messages = []
    for message in body.get("messages", []):
        message = dict(message)
        if isinstance(message.get("content"), str):
            message["content"] = sorted(message["content"].splitlines())
        messages.append(message)
    return json.dumps({**body, "messages": messages}, sort_keys=True)


def _prompt_text(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m["content"] for m in messages if isinstance(m.get("content"), str))


def _completion(
    body: dict[str, Any], messages: list[dict[str, Any]], content: str | None, calls: list[tuple[str, Any]]
) -> dict[str, Any]:
    tool_calls = [
        {
            "id": f"call_{len(messages)}_{i}",
            "type": "function",
            "function": {"name": name, "arguments": args if isinstance(args, str) else json.dumps(args)},
        }
        for i, (name, args) in enumerate(calls)
    ]
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_calls:
        message["tool_calls"] = tool_calls
    prompt_tokens = len(json.dumps(messages)) // 4 + 1
    completion_tokens = len(content or json.dumps(tool_calls)) // 4 + 1
    return {
        "id": f"chatcmpl-{len(messages)}",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "test-model"),
        "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if tool_calls else "stop"}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def _default_derivation(messages: list[dict[str, Any]]) -> dict[str, Any]:
    text = _prompt_text(messages)
    steps = list(STEP_RE.finditer(text))
    ends = [m.start() for m in steps[1:]] + [len(text)] if steps else []
    for step, end in reversed(list(zip(steps, ends, strict=True))):
        field = FIELD_RE.search(text, step.end(), end)
        if field is not None:
            return {
                "question": f"What is {field.group(2)}?",
                "answer_step": int(step.group(1)),
                "answer_field": field.group(1),
            }
    return {}


@contextmanager
def running_server(port: int = 0) -> Iterator[ScriptedLLMServer]:
    """Start the server (on ``port``, default a free one) in a background thread; shut it down on exit."""
    server = ScriptedLLMServer(port)
    thread = threading.Thread(target=server.serve_forever, name="scripted-llm", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
