"""Reply drafts for secretariat staff: an inquiry in, a reply letter out as Markdown (JSON) or Word."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from assistant.api.deps import BODY_ERRORS, ServicesDep, WorkLimitsDep
from assistant.api.schemas import DraftRequest, DraftResponse, ErrorBody
from assistant.api.slots import needs_translation
from assistant.drafts.docx import to_docx
from assistant.service import draft_reply

router = APIRouter(tags=["draft"])

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ERRORS: dict[int | str, dict[str, Any]] = {
    200: {"content": {DOCX: {}}, "description": "Brevutkastet: JSON med Markdown, eller en Word-fil."},
    413: {"model": ErrorBody, "description": "Henvendelsen er for lang eller har for mange spørsmål."},
    422: {"model": ErrorBody, "description": "Tom henvendelse eller feil format."},
}


@router.post("/api/draft", response_model=DraftResponse, responses={**ERRORS, **BODY_ERRORS})
async def draft(
    body: DraftRequest,
    services: ServicesDep,
    limits: WorkLimitsDep,
    output: Annotated[
        Literal["markdown", "docx"],
        Query(alias="format", description="markdown (JSON, standard) eller docx."),
    ] = "markdown",
) -> Any:
    """Lag et utkast til svarbrev på en henvendelse: hvert spørsmål besvart med kilder, eller merket som
    ikke dekket av kildene. Utkastet skal kontrolleres før det sendes. Ingenting lagres."""
    # Retrieval, answering and translation block; the event loop must stay free for other requests.
    with limits.translation.claim(needs_translation([body.inquiry], body.maalform)):
        letter = await run_in_threadpool(
            draft_reply, services, body.inquiry, body.maalform, body.sender, body.recipient
        )
    if output == "markdown":
        return letter.to_dict()
    content = await run_in_threadpool(to_docx, letter)
    filename = f"svarutkast-{date.today().isoformat()}.docx"
    return Response(
        content, media_type=DOCX, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )
