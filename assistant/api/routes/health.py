"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from prometheus_client import CONTENT_TYPE_LATEST

from assistant import texts
from assistant.api.deps import not_ready
from assistant.api.errors import RETRY_AFTER_S, ApiError
from assistant.service import Services

logger = logging.getLogger(__name__)

router = APIRouter(tags=["drift"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """Prosessen lever."""
    return {"status": "ok"}


def _check(services: Services) -> dict[str, Any]:
    count = services.store.count()  # raises when a Chroma server is gone
    services.chatlog.ping()
    return {"passages": count, "index_loaded": services.retriever.size}


@router.get("/readyz")
async def readyz(request: Request) -> dict[str, Any]:
    """Indeksen er lastet og lagrene svarer; ellers 503. `advisor` sier om ordningsrådgiveren er på."""
    services: Services | None = request.app.state.services
    if services is None:
        raise not_ready(request)
    try:
        state = await run_in_threadpool(_check, services)
    except Exception as exc:
        logger.exception("Readiness check failed")
        message = texts.NOT_READY.format(reason=texts.STORES_NOT_ANSWERING)
        raise ApiError(503, "not_ready", message, {"Retry-After": str(RETRY_AFTER_S)}) from exc
    if not state["index_loaded"]:
        raise ApiError(503, "not_ready", texts.NOT_READY.format(reason=texts.INDEX_EMPTY))
    return {"status": "ready", **state, **_advisor(services)}


def _advisor(services: Services) -> dict[str, Any]:
    if services.catalogue is not None:
        return {"advisor": "on"}
    if services.catalogue_problem is not None:
        return {"advisor": "off", "warnings": [texts.ADVISOR_BROKEN]}
    return {"advisor": "off"}


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    return Response(request.app.state.metrics.render(), media_type=CONTENT_TYPE_LATEST)
