"""Document admin behind the API key: list, upload (ingested at once), delete."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from assistant import texts
from assistant.api.deps import AUTH_ERRORS, AdminDep
from assistant.api.errors import ApiError
from assistant.api.schemas import ErrorBody, UploadResponse
from assistant.documents import DocumentInfo, add_upload, delete_document, list_documents
from assistant.errors import FileTooLarge

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
        413: {"model": ErrorBody, "description": "Filen er for stor."},
        415: {"model": ErrorBody, "description": "Filtypen støttes ikke."},
        422: {"model": ErrorBody, "description": "Filen har ingen tekst som kan leses (f.eks. skannet PDF)."},
    },
)
async def upload(request: Request, response: Response, services: AdminDep) -> dict[str, Any]:
    """Last opp .pdf, .md, .txt eller .html (multipart, feltet `file`). Filen leses inn med én gang;
    en endret fil med samme navn erstatter den gamle."""
    limit = services.settings.max_upload_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + _FORM_OVERHEAD:
        raise FileTooLarge(texts.FILE_TOO_LARGE.format(limit=round(limit / 1_000_000, 1)))
    async with request.form(max_files=1, max_fields=4) as form:
        file = form.get("file")
        if not isinstance(file, UploadFile):
            raise ApiError(422, "missing_file", texts.MISSING_FILE)
        name, report = await run_in_threadpool(add_upload, services, file.filename or "", file.file)
    status = "added" if report.added else "updated" if report.updated else "unchanged"
    if report.failed:
        status = "failed"
    if status != "added":
        response.status_code = 200
    chunks = len(services.store.ids_for_document(name))
    message = (
        report.failed[0].message if report.failed else texts.UPLOAD_DONE.format(name=name, chunks=chunks)
    )
    return {"id": name, "status": status, "chunks": chunks, "message": message}


@router.delete("/{document:path}", status_code=204, responses={**AUTH_ERRORS, 404: {"model": ErrorBody}})
def remove(document: str, services: AdminDep) -> Response:
    """Fjern et dokument og alle tekstbitene fra indeksen."""
    delete_document(services, document)
    return Response(status_code=204)
