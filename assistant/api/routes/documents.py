"""Document admin behind the API key: list, upload (ingested at once), delete."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator
from contextlib import aclosing
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from python_multipart.multipart import parse_options_header
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from assistant import texts
from assistant.api.deps import AUTH_ERRORS, AdminDep
from assistant.api.errors import ApiError
from assistant.api.schemas import ErrorBody, UploadResponse
from assistant.documents import DocumentInfo, delete_document, list_documents
from assistant.errors import FileTooLarge
from assistant.uploads import add_upload

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/api/documents", tags=["dokumenter"])

_FORM_OVERHEAD = 64 * 1024  # multipart boundaries and headers around the file
_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            }
        },
    }
}


@router.get("", response_model=list[DocumentInfo], responses=AUTH_ERRORS)
def documents(services: AdminDep) -> list[dict[str, Any]]:
    """Dokumentene i indeksen: id, tittel, opphav (corpus, upload eller other), antall tekstbiter, hash og
    tidspunkt for innlesing. Serverens filstier vises ikke."""
    return [doc.__dict__ for doc in list_documents(services)]


@router.post(
    "",
    response_model=UploadResponse,
    status_code=201,
    openapi_extra=_UPLOAD_BODY,
    responses={
        **AUTH_ERRORS,
        400: {"model": ErrorBody, "description": "Skjemadataene kan ikke leses."},
        409: {"model": ErrorBody, "description": "Id-en tilhører et dokument som ikke er lastet opp."},
        413: {
            "model": ErrorBody,
            "description": "Filen er for stor, eller den gir flere sider, tekstbiter eller setninger enn "
            "grensene tillater.",
        },
        415: {"model": ErrorBody, "description": "Filtypen støttes ikke."},
        422: {
            "model": ErrorBody,
            "description": "Filen kan ikke leses inn: ingen tekst (f.eks. skannet PDF), kryptert eller "
            "skadet PDF, ugyldig forside (front matter), eller innlesingen tok for lang tid.",
        },
        503: {"model": ErrorBody, "description": "Søkeindeksen svarer ikke; ingenting er lagret."},
    },
)
async def upload(request: Request, response: Response, services: AdminDep) -> dict[str, Any]:
    """Last opp .pdf, .md, .txt eller .html (multipart, feltet `file`). Filen leses inn med én gang
    og får id-en `uploads/<filnavn>`; en endret fil med samme navn erstatter den forrige opplastingen.
    En fil som ikke kan leses inn, blir ikke lagret."""
    limit = services.settings.max_upload_bytes
    # "Connection: close" ends the connection with the answer: else the server would go on reading
    # (and discarding) the rest of the body, and the client on sending it.
    too_large = ApiError(
        413,
        FileTooLarge.code,
        texts.FILE_TOO_LARGE.format(limit=round(limit / 1_000_000, 1)),
        {"Connection": "close"},
    )
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + _FORM_OVERHEAD:
        raise too_large
    form = await _capped_form(request, limit + _FORM_OVERHEAD, too_large)
    try:
        file = form.get("file")
        if not isinstance(file, UploadFile):
            raise ApiError(422, "missing_file", texts.MISSING_FILE)
        result = await run_in_threadpool(add_upload, services, file.filename or "", file.file)
    finally:
        await form.close()
    if result.status != "added":
        response.status_code = 200
    message = texts.UPLOAD_DONE.format(name=result.id, chunks=result.chunks)
    return {"id": result.id, "status": result.status, "chunks": result.chunks, "message": message}


async def _capped_form(request: Request, cap: int, too_large: ApiError) -> FormData:
    """The multipart form, its size limit held while the body streams in: a chunked body declares no
    length, and `request.form()` would spool all of it before anyone could count."""
    content_type, _ = parse_options_header(request.headers.get("content-type"))
    if content_type != b"multipart/form-data":
        return FormData()  # no file in it: missing_file

    async def capped() -> AsyncGenerator[bytes, None]:
        received = 0
        async for chunk in request.stream():
            received += len(chunk)
            if received > cap:
                raise too_large
            yield chunk

    try:
        async with aclosing(capped()) as stream:
            return await MultiPartParser(request.headers, stream, max_files=1, max_fields=4).parse()
    except MultiPartException as exc:
        logger.info("Upload with a malformed form: %s", exc.message)
        raise ApiError(400, "invalid_form", texts.INVALID_FORM) from exc


@router.delete("/{document:path}", status_code=204, responses={**AUTH_ERRORS, 404: {"model": ErrorBody}})
def remove(document: str, services: AdminDep) -> Response:
    """Fjern et dokument og alle tekstbitene fra indeksen."""
    delete_document(services, document)
    return Response(status_code=204)
