"""One place that turns exceptions into HTTP errors: a Norwegian `message` and a machine `code`.

OpenAI-compatible paths (/v1/…) also carry the `error` object that OpenAI clients read.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant import texts
from assistant.api.validation import validation_message
from assistant.errors import (
    AssistantError,
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

STATUS: list[tuple[type[AssistantError], int]] = [
    (EmptyQuestion, 422),
    (QuestionTooLong, 413),
    (UnsupportedFile, 415),
    (FileTooLarge, 413),
    (DocumentTooLarge, 413),
    (IngestTimeout, 422),
    (DocumentExists, 409),
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


def status_for(exc: AssistantError) -> int:
    return next((status for kind, status in STATUS if isinstance(exc, kind)), 500)


def error_response(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if request.url.path.startswith("/v1/"):
        body["error"] = {"message": message, "type": "invalid_request_error", "code": code}
    return JSONResponse(body, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(AssistantError)
    async def domain_error(request: Request, exc: AssistantError) -> JSONResponse:
        status = status_for(exc)
        if status >= 500:
            logger.error("%s on %s: %s", exc.code, request.url.path, exc.message)
        return error_response(request, status, exc.code, exc.message)

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
        return error_response(request, exc.status_code, "http_error", str(exc.detail), headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("Unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal_error", texts.INTERNAL_ERROR)
