"""Thumbs up or down on an answer, and the CSV export staff use to review them."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool

from assistant.api.deps import AdminDep, ServicesDep
from assistant.api.schemas import ErrorBody, FeedbackRequest
from assistant.chatlog import FEEDBACK_COLUMNS

router = APIRouter(prefix="/api", tags=["tilbakemelding"])


@router.post("/feedback", status_code=201, responses={404: {"model": ErrorBody}, 422: {"model": ErrorBody}})
def feedback(body: FeedbackRequest, services: ServicesDep) -> dict[str, Any]:
    """Gi tommel opp eller ned på et svar, med valgfri kommentar."""
    services.chatlog.add_feedback(body.conversation_id, body.message_id, body.rating, body.comment or "")
    return {"status": "ok"}


def _csv(services: Any) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FEEDBACK_COLUMNS)
    writer.writeheader()
    for record in services.chatlog.feedback():
        writer.writerow(record.__dict__)
    return out.getvalue()


@router.get("/feedback.csv", response_class=Response, responses={200: {"content": {"text/csv": {}}}})
async def feedback_csv(services: AdminDep) -> Response:
    """Alle tilbakemeldinger som CSV (krever API-nøkkel)."""
    body = await run_in_threadpool(_csv, services)
    return Response(
        "\ufeff" + body,  # BOM: Excel opens UTF-8 CSV with æøå intact
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="feedback.csv"'},
    )
