"""The app under uvicorn, the one way `assistant serve` and the tests run it.

A request that cannot be parsed as HTTP (garbage, a request line past httptools' 64 KiB) never reaches the
app: uvicorn answers it itself, in English plain text. Its protocol class here answers with the same
Norwegian JSON as every other error.
"""

from __future__ import annotations

import http
import json
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from assistant import texts


def _bad_request() -> tuple[list[tuple[bytes, bytes]], bytes]:
    body = json.dumps({"code": "bad_request", "message": texts.BAD_REQUEST}, ensure_ascii=False).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode("ascii")),
        (b"connection", b"close"),
    ]
    return headers, body


class H11JsonErrors(H11Protocol):
    def send_400_response(self, msg: str) -> None:
        import h11

        headers, body = _bad_request()
        reason = http.HTTPStatus.BAD_REQUEST.phrase.encode()
        for event in (
            h11.Response(status_code=400, headers=headers, reason=reason),
            h11.Data(data=body),
            h11.EndOfMessage(),
        ):
            output = self.conn.send(event)
            if output:
                self.transport.write(output)
        self.transport.close()


def _httptools_protocol() -> type[Any] | None:
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # httptools is optional in uvicorn; h11 then parses
        return None

    class HttpToolsJsonErrors(HttpToolsProtocol):
        def send_400_response(self, msg: str) -> None:
            headers, body = _bad_request()
            content = [b"HTTP/1.1 400 Bad Request\r\n"]
            for name, value in [*self.server_state.default_headers, *headers]:
                content.extend([name, b": ", value, b"\r\n"])
            content.extend([b"\r\n", body])
            self.transport.write(b"".join(content))
            self.transport.close()

    return HttpToolsJsonErrors


def server_config(app: Any, host: str, port: int) -> uvicorn.Config:
    """Our own access log (assistant.access, without query strings) replaces uvicorn's."""
    protocol = _httptools_protocol() or H11JsonErrors
    return uvicorn.Config(app, host=host, port=port, http=protocol, access_log=False, log_config=None)
