"""Bad input never gets a 500, English or plain text: every error is the Norwegian JSON {code, message}.

Most of these depend on the HTTP layer (raw bytes, request lines, bodies that arrive in pieces), so they
talk to a real server on loopback, some through a raw socket where httpx would not send such a request.
"""

from __future__ import annotations

import contextlib
import io
import json
import socket
import time
from typing import Any

import docx
import httpx
import pytest
from pydantic import SecretStr

from assistant import texts
from assistant.api import create_app
from assistant.api.request_limits import MAX_URL_BYTES
from assistant.service import Services
from tests.api.conftest import ADMIN_KEY, serve
from tests.api.test_validation_messages import assert_norwegian

JSON = {"content-type": "application/json"}
QUESTION = "Hva skal ordningene styrke?"
ONE_MB = 1024 * 1024


def assert_error(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code, body
    return str(body["message"])


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/chat", '{"message": "Hva er Rekom? \\ud800"}', "message"),
        ("/api/chat", '{"message": "Hva er Rekom?", "conversation_id": "\\udfff"}', "conversation_id"),
        ("/api/chat/stream", '{"message": "\\ud800"}', "message"),
        ("/v1/chat/completions", '{"messages": [{"role": "user", "content": "Rekom\\ud800"}]}', "content"),
        (
            "/v1/chat/completions",
            '{"stream": true, "messages": [{"role": "user", "content": [{"type": "text", "text": "\\ud800"}]}]}',  # noqa: E501
            "messages.0.content",
        ),
        ("/api/draft", '{"inquiry": "Hva er Rekom?", "sender": "\\ud800"}', "sender"),
        ("/api/draft?format=docx", '{"inquiry": "Hva er Rekom? \\ud800"}', "inquiry"),
        (
            "/api/feedback",
            '{"conversation_id": "\\ud800", "message_id": "m", "rating": "up"}',
            "conversation_id",
        ),
        ("/api/schemes/regional-ordning/eligibility", '{"group": "l\\ud800rere"}', "group"),
    ],
)
def test_a_lone_surrogate_is_a_422_not_a_500(client: httpx.Client, path: str, body: str, field: str) -> None:
    """JSON may escape half a surrogate pair; Python decodes it into a str that no encoder accepts."""
    message = assert_error(client.post(path, content=body, headers=JSON), 422, "invalid_request")
    assert f"{field} inneholder tegn som ikke er gyldig tekst" in message
    assert_norwegian(message)


def test_control_characters_in_a_question_are_answered(client: httpx.Client) -> None:
    reply = client.post("/api/chat", json={"message": f"\x00{QUESTION}\x01\x0b", "conversation_id": None})
    assert reply.status_code == 200, reply.text


def _word_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs)


def test_control_characters_in_a_word_draft_are_dropped(client: httpx.Client) -> None:
    """lxml refuses a whole document for one control character; the API once answered that with 500."""
    inquiry = f"Hei!\x0c {QUESTION}\x01"
    body = {"inquiry": inquiry, "sender": "Kari\x00 Nordmann", "recipient": "Ola\x1b Hansen"}
    reply = client.post("/api/draft", params={"format": "docx"}, json=body)
    assert reply.status_code == 200, reply.text
    text = _word_text(reply.content)
    assert QUESTION in text and "Kari Nordmann" in text and "Ola Hansen" in text
    assert not any(c in text for c in "\x00\x01\x0c\x1b")


def test_control_characters_in_the_web_draft_form_are_dropped(client: httpx.Client) -> None:
    reply = client.post("/svarutkast.docx", data={"inquiry": f"{QUESTION}\x01", "sender": "Kari\x02"})
    assert reply.status_code == 200, reply.text
    assert QUESTION in _word_text(reply.content)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"message": "Hva er \xff\xfe Rekom?"}', texts.INVALID_UTF8),
        (b'{"message": "' + "æ".encode("latin-1") + b'"}', texts.INVALID_UTF8),
        (b'{"message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", texts.JSON_TOO_DEEP),
    ],
)
def test_undecodable_bodies_are_400_in_norwegian(client: httpx.Client, body: bytes, message: str) -> None:
    for path in ("/api/chat", "/v1/chat/completions"):
        assert assert_error(client.post(path, content=body, headers=JSON), 400, "invalid_json") == message


@pytest.mark.parametrize(
    ("method", "path", "code", "status"),
    [
        ("DELETE", "/api/chat", "method_not_allowed", 405),
        ("POST", "/static/web/app.js", "method_not_allowed", 405),
        ("PUT", "/healthz", "method_not_allowed", 405),
        ("GET", "/static/web/finnes-ikke.js", "not_found", 404),
    ],
)
def test_wrong_methods_and_paths_are_norwegian_json(
    client: httpx.Client, method: str, path: str, code: str, status: int
) -> None:
    assert "«" in assert_error(client.request(method, path), status, code)


def test_a_search_text_longer_than_a_question_is_422(client: httpx.Client, services: Services) -> None:
    limit = services.settings.max_question_chars
    message = assert_error(client.get("/api/search", params={"q": "a" * (limit + 1)}), 422, "invalid_request")
    assert f"q kan ha høyst {limit} tegn" in message
    assert_norwegian(message)
    assert client.get("/api/search", params={"q": "tilskudd " * (limit // 9)}).status_code == 200


def raw_request(url: str, request: bytes, then: bytes = b"") -> tuple[int, dict[str, Any], bytes]:
    """Send bytes httpx would not send; the status, the JSON body and the head of the answer."""
    host, port = url.removeprefix("http://").split(":")
    answer = b""
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(request)
        # The server may answer and close before the client is done sending: that is the point.
        with contextlib.suppress(OSError):
            conn.sendall(then)
        while not _complete(answer) and (chunk := conn.recv(65536)):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert b"content-type: application/json" in head.lower(), answer[:300]
    return int(head.split()[1]), json.loads(body), head


def _complete(answer: bytes) -> bool:
    head, sep, body = answer.partition(b"\r\n\r\n")
    length = next(
        (
            int(line.split(b":")[1])
            for line in head.lower().split(b"\r\n")
            if line.startswith(b"content-length:")
        ),
        None,
    )
    return bool(sep) and length is not None and len(body) >= length


def test_a_long_url_is_414_and_an_unparsable_request_400_both_norwegian_json(
    client: httpx.Client, api_url: str
) -> None:
    long = assert_error(client.get("/api/search", params={"q": "a" * MAX_URL_BYTES}), 414, "url_too_long")
    assert long.startswith("Adressen er for lang")
    # Past httptools' 64 KiB the server itself refuses the request line, before the app sees it.
    line = b"GET /api/search?q=" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    for request in (line, b"GARBAGE\r\n\r\n", b"GET / HTTP/1.1\r\nHost: x\r\nX-Bad: \x01\r\n\r\n"):
        status, body, _ = raw_request(api_url, request)
        assert status == 400 and body == {"code": "bad_request", "message": texts.BAD_REQUEST}


def test_a_body_over_the_limit_is_refused_before_it_is_read(api_url: str) -> None:
    """Content-Length says 100 MB: the answer comes before a byte of the body is sent."""
    head = (
        b"POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100000000\r\n\r\n"
    )
    status, body, _ = raw_request(api_url, head)
    assert status == 413 and body["code"] == "request_too_large"
    assert body["message"] == texts.BODY_TOO_LARGE.format(limit=1024)


def test_a_chunked_body_is_counted_as_it_arrives(api_url: str) -> None:
    """No Content-Length: the body is refused once past 1 MiB, while the client is still sending."""
    head = (
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    piece = b"a" * 65536
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for _ in range(ONE_MB // len(piece) + 2))
    started = time.monotonic()
    # Never the last chunk: a server without the limit would read all and wait for more.
    status, body, answer_head = raw_request(api_url, head, chunks)
    assert status == 413 and body["code"] == "request_too_large"
    assert body["error"]["code"] == "request_too_large"  # /v1 also carries OpenAI's error object
    assert time.monotonic() - started < 5
    assert b"connection: close" in answer_head.lower()


def test_a_body_under_the_limit_reaches_the_app(client: httpx.Client) -> None:
    reply = client.post("/api/chat", json={"message": "a" * (ONE_MB // 2)})
    assert assert_error(reply, 413, "question_too_long").startswith("Spørsmålet er for langt")


def test_only_the_upload_route_takes_multipart_bodies_past_the_limit(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services.settings, "admin_api_key", SecretStr(ADMIN_KEY))
    monkeypatch.setattr(services.settings, "max_body_bytes", 2_000)
    # An unsupported file: the upload route answers 415 after reading the whole body, and writes nothing.
    files = {"file": ("fjord.bin", b"\x00" * 5_000, "application/octet-stream")}
    with serve(create_app(services=services)) as url, httpx.Client(base_url=url, timeout=60) as c:
        uploaded = c.post("/api/documents", files=files, headers={"Authorization": f"Bearer {ADMIN_KEY}"})
        assert_error(uploaded, 415, "unsupported_file")
        elsewhere = c.post("/api/chat", files=files)
        assert assert_error(elsewhere, 413, "request_too_large") == texts.BODY_TOO_LARGE.format(limit=1)
