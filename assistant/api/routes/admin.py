"""The secretariat's report behind the API key: what users ask that the documents don't answer."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from assistant import texts
from assistant.api.csvfile import csv_download, csv_text
from assistant.api.deps import AUTH_ERRORS, AdminDep
from assistant.api.schemas import GapReportBody
from assistant.gaps import MAX_ROWS, GapReport, unanswered_report

router = APIRouter(prefix="/api/admin", tags=["administrasjon"])

Limit = Annotated[
    int | None,
    Query(ge=1, le=MAX_ROWS, description="Les bare de siste N spørsmålene (standard: ASSISTANT_GAP_ROWS)."),
]


@router.get("/gaps", response_model=GapReportBody, responses=AUTH_ERRORS)
def gaps(services: AdminDep, limit: Limit = None) -> dict[str, Any]:
    """Spørsmål dokumentene ikke svarer på: ubesvarte spørsmål og svar med tommel ned, gruppert etter
    hvor like spørsmålene er. Viser bare spørsmålstekst og svar, ingen andre opplysninger om brukerne."""
    return asdict(unanswered_report(services, limit))


@router.get(
    "/gaps.csv",
    response_class=Response,
    responses={**AUTH_ERRORS, 200: {"content": {"text/csv": {}}, "description": "Én linje per gruppe."}},
)
def gaps_csv(services: AdminDep, limit: Limit = None) -> Response:
    """Den samme rapporten som CSV, én linje per gruppe, til regneark."""
    return csv_download(_csv(unanswered_report(services, limit)), texts.GAPS_CSV_FILENAME)


def _csv(report: GapReport) -> str:
    rows = (
        (
            g.count,
            g.abstained,
            g.thumbs_down,
            g.latest.isoformat(timespec="seconds"),
            g.example,
            g.answer,
            " | ".join(g.questions),
        )
        for g in report.groups
    )
    return csv_text(texts.GAPS_CSV_HEADER, rows)
