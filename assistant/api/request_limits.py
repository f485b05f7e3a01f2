"""Size limits on what a request may carry, checked before the app reads it: the URL, and the body counted
as it arrives, so a 100 MB body is refused after its first megabyte instead of read into memory.

A pure ASGI middleware: a body with a Content-Length over the limit is refused before the app runs; a body
without one (chunked) is counted in `receive`, which raises `BodyTooLarge` once past the limit. FastAPI
passes an HTTPException raised while it reads the body on to the exception handlers, which answer with
the Norwegian JSON; the middleware answers itself if one gets past them before the response has started.
"""

from __future__ import annotations

from collections.abc import Collection

from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant import texts
from assistant.api.errors import BodyTooLarge, error_body

# httptools refuses a request line past 64 KiB before the app sees it (assistant/api/server.py answers
# that one); below that, longer than this is 414. It leaves room for a search text at the question limit
# (4000 characters) written as %C3%A6 (six bytes) for every æ, ø and å.
MAX_URL_BYTES = 32 * 1024


class RequestLimits:
    """`uploads`: paths whose multipart bodies are left to the upload route's own, larger limit."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, uploads: Collection[str] = ()) -> None:
        self.app, self.max_body_bytes, self.uploads = app, max_body_bytes, uploads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
        if url > MAX_URL_BYTES:
            message = texts.URL_TOO_LONG.format(length=url, limit=MAX_URL_BYTES)
            body = error_body(scope["path"], "url_too_long", message)
            await JSONResponse(body, status_code=414)(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if self._is_upload(scope, headers):
            await self.app(scope, receive, send)
            return
        limit = self.max_body_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(scope, receive, send, BodyTooLarge(limit))
            return
        await self._counted(scope, receive, send, limit)

    def _is_upload(self, scope: Scope, headers: Headers) -> bool:
        multipart = headers.get("content-type", "").startswith("multipart/form-data")
        return multipart and scope["path"].rstrip("/") in self.uploads

    async def _counted(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except BodyTooLarge as exc:
            if started:
                raise
            await _refuse(scope, receive, send, exc)


async def _refuse(scope: Scope, receive: Receive, send: Send, exc: BodyTooLarge) -> None:
    body = error_body(scope["path"], "request_too_large", exc.detail)
    await JSONResponse(body, status_code=413, headers=exc.headers)(scope, receive, send)
