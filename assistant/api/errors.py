"""One place that turns exceptions into HTTP errors: a Norwegian `message` and a machine `code`.

OpenAI-compatible paths (/v1/…) also carry the `error` object that OpenAI clients read.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant import texts
from assistant.api.validation import validation_message
from assistant.errors import (
    AssistantError,
    CorpusDocument,
    DataDirUnwritable,
    DocumentExists,
    DocumentTooLarge,
    EmptyQuestion,
    FileTooLarge,
    IngestTimeout,
    NotFound,
    QuestionTooLong,
    RequestTooLarge,
    StoreUnavailable,
    UnreadableFile,
    UnsupportedFile,
)

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before trying again after a 503.
RETRY_AFTER_S = 5

STATUS: list[tuple[type[AssistantError], int]] = [
    (EmptyQuestion, 422),
    (QuestionTooLong, 413),
    (UnsupportedFile, 415),
    (FileTooLarge, 413),
    (DocumentTooLarge, 413),
    (IngestTimeout, 422),
    (DocumentExists, 409),
    (CorpusDocument, 409),
    (RequestTooLarge, 413),
    (UnreadableFile, 422),  # includes ScannedPdf
    (NotFound, 404),
    (StoreUnavailable, 503),
]


class ApiError(Exception):
    """An HTTP-only error (auth, admin switched off) with the same body shape as domain errors."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


class BodyTooLarge(HTTPException):
    """A request body past its limit, raised from `receive` as it arrives (api/request_limits.py). An
    HTTPException because FastAPI turns any other error raised while it reads a body into a 400."""

    def __init__(self, limit: int) -> None:
        # Connection: close, so the server stops reading the rest of the body once this is sent.
        message = texts.BODY_TOO_LARGE.format(limit=limit // 1024)
        super().__init__(413, message, {"Connection": "close"})


def status_for(exc: AssistantError) -> int:
    return next((status for kind, status in STATUS if isinstance(exc, kind)), 500)


def public_message(exc: AssistantError) -> str:
    """What a client is told. A store failure's own message names the driver's error (for the CLI and the
    log); clients get a Norwegian sentence without it."""
    hidden = isinstance(exc, StoreUnavailable) and not isinstance(exc, DataDirUnwritable)
    return texts.STORE_NOT_ANSWERING if hidden else exc.message


def error_body(path: str, code: str, message: str) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if path.startswith("/v1/"):
        body["error"] = {"message": message, "type": "invalid_request_error", "code": code}
    return body


def error_response(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(request.url.path, code, message), status_code=status, headers=headers)


def _unreadable_body(exc: StarletteHTTPException) -> tuple[str, str]:
    """FastAPI answers 400 when it cannot decode a body, with its reason as the exception's cause."""
    cause = exc.__cause__
    if isinstance(cause, UnicodeDecodeError):
        return "invalid_json", texts.INVALID_UTF8
    if isinstance(cause, RecursionError):
        return "invalid_json", texts.JSON_TOO_DEEP
    return "bad_request", texts.BAD_REQUEST


def install(app: FastAPI) -> None:
    @app.exception_handler(AssistantError)
    async def domain_error(request: Request, exc: AssistantError) -> JSONResponse:
        status = status_for(exc)
        headers = None
        if status >= 500:
            logger.error("%s on %s: %s", exc.code, request.url.path, exc.message)
            headers = {"Retry-After": str(RETRY_AFTER_S)} if status == 503 else None
        return error_response(request, status, exc.code, public_message(exc), headers)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        code, message = validation_message(exc.errors())
        # Where and what, never the input itself: a rejected body can be a whole question text.
        details = [{k: v for k, v in e.items() if k not in ("input", "ctx")} for e in exc.errors()[:3]]
        logger.info("422 %s on %s: %s", code, request.url.path, json.dumps(details, default=str))
        return error_response(request, 422, code, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return error_response(
                request, 404, "not_found", texts.NOT_FOUND_PATH.format(path=request.url.path)
            )
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            message = texts.METHOD_NOT_ALLOWED.format(method=request.method, path=request.url.path)
            return error_response(request, 405, "method_not_allowed", message, headers)
        if isinstance(exc, BodyTooLarge):
            return error_response(request, 413, "request_too_large", exc.detail, headers)
        if exc.status_code == 400:
            code, message = _unreadable_body(exc)
            logger.info("400 %s on %s: %s", code, request.url.path, exc.__cause__ or exc.detail)
            return error_response(request, 400, code, message, headers)
        # Starlette's and FastAPI's own details are English: the status, in Norwegian, says enough.
        message = texts.HTTP_ERROR.format(status=exc.status_code)
        return error_response(request, exc.status_code, "http_error", message, headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("Unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal_error", texts.INTERNAL_ERROR)
