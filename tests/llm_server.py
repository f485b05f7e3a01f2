"""A scripted LLM server on loopback: OpenAI chat completions and Ollama's native chat API.

Tests enqueue what the next request gets (a reply, a delay, an HTTP error, a stream that breaks off) and
read back the JSON bodies the client sent, so the real langchain clients are tested over real HTTP.
Streams use chunked transfer encoding, as real servers do, so a connection closed mid-stream is a broken
body the client can see, not an ordinary end.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from assistant.answer.llm import LLMBackend
from assistant.config import Settings

# Short enough that a timeout test is quick, long enough for a loaded CI machine to answer in time.
TIMEOUT_S = 0.5

BackendFactory = Callable[..., LLMBackend]  # the make_backend fixture: make_backend("ollama", **settings)

_RATE_LIMIT_BODY = {
    "error": {
        "message": "Rate limit reached for requests",
        "type": "requests",
        "param": None,
        "code": "rate_limit_exceeded",
    }
}


def llm_settings(kind: str, url: str, **overrides: object) -> Settings:
    """Settings for the `kind` backend ("openai" or "ollama") at `url`, with the short test timeout."""
    values: dict[str, object] = {
        "llm": kind,
        "llm_base_url": url,
        "llm_model": "testmodell",
        "llm_timeout_s": TIMEOUT_S,
    }
    return Settings.model_validate(values | overrides)


@dataclass(frozen=True)
class Behaviour:
    """What one request gets. `chunks` are the streamed pieces (joined for a plain reply); `status` other
    than 200 answers with an error body instead; `delay_s` waits before the first byte; `break_after`
    closes the connection after that many streamed chunks; `unfinished` ends a stream cleanly but
    without the model's last word (no finish_reason and [DONE], no `done: true`)."""

    chunks: tuple[str, ...] = ()
    status: int = 200
    delay_s: float = 0.0
    break_after: int | None = None
    unfinished: bool = False


@dataclass(frozen=True)
class Received:
    path: str
    body: dict[str, Any]

    @property
    def system(self) -> str:
        return "\n".join(m["content"] for m in self.body["messages"] if m["role"] == "system")

    @property
    def user(self) -> str:
        return "\n".join(m["content"] for m in self.body["messages"] if m["role"] == "user")


@dataclass
class LLMServer:
    host: str = "127.0.0.1"
    port: int = 0
    requests: list[Received] = field(default_factory=list)
    _script: deque[Behaviour] = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stopping: threading.Event = field(default_factory=threading.Event)
    _httpd: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    @property
    def openai_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    @property
    def ollama_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # Scripting -----------------------------------------------------------------------------------------

    def reply(self, *chunks: str, delay_s: float = 0.0, unfinished: bool = False) -> None:
        """The next request gets this text: these chunks when streamed, joined otherwise."""
        self._enqueue(Behaviour(chunks=chunks, delay_s=delay_s, unfinished=unfinished))

    def fail(self, status: int) -> None:
        self._enqueue(Behaviour(status=status))

    def break_stream(self, *chunks: str, after: int) -> None:
        self._enqueue(Behaviour(chunks=chunks, break_after=after))

    def _enqueue(self, behaviour: Behaviour) -> None:
        with self._lock:
            self._script.append(behaviour)

    def next_behaviour(self, path: str, body: dict[str, Any]) -> Behaviour:
        with self._lock:
            self.requests.append(Received(path, body))
            # An unscripted request is a test mistake; a 500 makes it visible without hanging.
            return self._script.popleft() if self._script else Behaviour(status=500)

    def wait(self, seconds: float) -> bool:
        """Sleep, but wake at shutdown; True when the server is stopping."""
        return self._stopping.wait(seconds)

    # Life cycle ----------------------------------------------------------------------------------------

    def start(self) -> LLMServer:
        handler = type("BoundHandler", (_Handler,), {"server_state": self})
        self._httpd = ThreadingHTTPServer((self.host, self.port), handler)
        self.port = self._httpd.server_address[1]
        # A short poll interval keeps shutdown (once per test) from costing half a second.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.02,), name="llm-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_state: LLMServer

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the test output is for the tests."""

    def do_GET(self) -> None:
        if self.path == "/v1/models":
            self._json(200, {"object": "list", "data": [{"id": "testmodell", "object": "model"}]})
        elif self.path == "/api/tags":
            self._json(200, {"models": [{"name": "testmodell", "model": "testmodell"}]})
        else:
            self._json(404, {"error": "not found"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path not in ("/v1/chat/completions", "/api/chat"):
            self._json(404, {"error": "not found"})
            return
        behaviour = self.server_state.next_behaviour(self.path, body)
        if behaviour.delay_s and self.server_state.wait(behaviour.delay_s):
            return
        try:
            self._respond(behaviour, body, ollama=self.path == "/api/chat")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (timeout): nothing left to say

    def _respond(self, behaviour: Behaviour, body: dict[str, Any], ollama: bool) -> None:
        model = str(body.get("model", "testmodell"))
        if behaviour.status != 200:
            error = _RATE_LIMIT_BODY if behaviour.status == 429 and not ollama else _error(behaviour, ollama)
            self._json(behaviour.status, error)
        elif not body.get("stream", not ollama):  # Ollama streams unless told not to; OpenAI the reverse
            text = "".join(behaviour.chunks)
            self._json(200, _ollama_final(model, text) if ollama else _openai_completion(model, text))
        elif ollama:
            lines = [_ollama_part(model, c) for c in behaviour.chunks]
            lines += [] if behaviour.unfinished else [_ollama_final(model, "")]
            self._stream("application/x-ndjson", [json.dumps(x) + "\n" for x in lines], behaviour)
        else:
            events = [_openai_chunk(model, {"role": "assistant", "content": ""}, None)]
            events += [_openai_chunk(model, {"content": c}, None) for c in behaviour.chunks]
            events += [] if behaviour.unfinished else [_openai_chunk(model, {}, "stop")]
            payloads = [f"data: {json.dumps(e)}\n\n" for e in events]
            payloads += [] if behaviour.unfinished else ["data: [DONE]\n\n"]
            # The role-only event comes first, so `break_after` counts text chunks as the test sees them.
            self._stream("text/event-stream", payloads, behaviour, skip=1)

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _stream(self, content_type: str, payloads: list[str], behaviour: Behaviour, skip: int = 0) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        limit = None if behaviour.break_after is None else skip + behaviour.break_after
        for i, payload in enumerate(payloads):
            if i == limit:
                self.wfile.flush()
                self.close_connection = True  # no terminating zero-length chunk: a broken body
                return
            data = payload.encode()
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()
            time.sleep(0.001)  # separate writes, so the client really receives pieces
        self.wfile.write(b"0\r\n\r\n")


def _error(behaviour: Behaviour, ollama: bool) -> dict[str, Any]:
    message = f"scripted failure {behaviour.status}"
    if ollama:
        return {"error": message}
    return {"error": {"message": message, "type": "server_error", "param": None, "code": None}}


def _openai_completion(model: str, text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


def _openai_chunk(model: str, delta: dict[str, Any], finish_reason: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
    }


def _ollama_part(model: str, text: str) -> dict[str, Any]:
    return {
        "model": model,
        "created_at": "2026-01-22T10:00:00.000000Z",
        "message": {"role": "assistant", "content": text},
        "done": False,
    }


def _ollama_final(model: str, text: str) -> dict[str, Any]:
    return {
        **_ollama_part(model, text),
        "done": True,
        "done_reason": "stop",
        "total_duration": 1000,
        "load_duration": 10,
        "prompt_eval_count": 10,
        "prompt_eval_duration": 100,
        "eval_count": 5,
        "eval_duration": 100,
    }
