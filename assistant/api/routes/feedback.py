"""Thumbs up or down on an answer, and the CSV export staff use to review them."""

from __future__ import annotations

from dataclasses import astuple
from typing import Any

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool

from assistant.api.csvfile import csv_download, csv_text
from assistant.api.deps import BODY_ERRORS, AdminDep, ServicesDep
from assistant.api.schemas import ErrorBody, FeedbackRequest
from assistant.chatlog import FEEDBACK_COLUMNS
from assistant.service import Services

router = APIRouter(prefix="/api", tags=["tilbakemelding"])


@router.post(
    "/feedback",
    status_code=201,
    responses={**BODY_ERRORS, 404: {"model": ErrorBody}, 422: {"model": ErrorBody}},
)
def feedback(body: FeedbackRequest, services: ServicesDep) -> dict[str, Any]:
    """Gi tommel opp eller ned på et svar, med valgfri kommentar."""
    services.chatlog.add_feedback(body.conversation_id, body.message_id, body.rating, body.comment or "")
    return {"status": "ok"}


def _csv(services: Services) -> str:
    return csv_text(FEEDBACK_COLUMNS, (astuple(record) for record in services.chatlog.feedback()))


@router.get("/feedback.csv", response_class=Response, responses={200: {"content": {"text/csv": {}}}})
async def feedback_csv(services: AdminDep) -> Response:
    """Alle tilbakemeldinger som CSV (krever API-nøkkel)."""
    return csv_download(await run_in_threadpool(_csv, services), "feedback.csv")
