"""The public, read-only list of sources and each document's text, for the sources page and the
document view a citation links to. No key: it shows only what answers already cite."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter

from assistant.api.deps import ServicesDep
from assistant.api.schemas import ErrorBody, SourceDocument, SourceSummary
from assistant.documents import get_source, list_sources

router = APIRouter(prefix="/api/sources", tags=["kilder"])


@router.get("", response_model=list[SourceSummary])
def sources(services: ServicesDep) -> list[dict[str, Any]]:
    """Alle dokumentene assistenten svarer ut fra: tittel, utgiver, dato, lenke og antall tekstbiter."""
    return [{**asdict(source), "passages": len(source.passages)} for source in list_sources(services)]


@router.get(
    "/{document:path}",
    response_model=SourceDocument,
    responses={404: {"model": ErrorBody, "description": "Ukjent dokument."}},
)
def source(document: str, services: ServicesDep) -> dict[str, Any]:
    """Ett dokument med alle tekstbitene i rekkefølge, slik en kildehenvisning kan vise til dem."""
    return asdict(get_source(services, document))
