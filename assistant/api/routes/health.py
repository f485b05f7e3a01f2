"""Liveness, readiness and Prometheus metrics.

None of them waits for the server's worker threads: a burst of slow requests may hold every one of them,
and that is when /healthz and /readyz must still answer. /readyz asks the stores on a thread of its own,
with a time limit.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST

from assistant import texts
from assistant.api.deps import not_ready
from assistant.api.errors import RETRY_AFTER_S, ApiError
from assistant.service import Services

logger = logging.getLogger(__name__)

router = APIRouter(tags=["drift"])

# A store that takes longer than this to count its passages is not answering.
CHECK_TIMEOUT_S = 5.0


class HealthChecks:
    """One thread, one store check at a time: readiness probes that arrive while a check runs share it,
    so a hung store cannot pile up threads."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._running: Future[dict[str, Any]] | None = None

    async def check(self, services: Services) -> dict[str, Any]:
        if self._running is None or self._running.done():
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="assistant-ready")
            self._running = self._pool.submit(_check, services)
        return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(self._running)), CHECK_TIMEOUT_S)

    def close(self) -> None:
        pool, self._pool, self._running = self._pool, None, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _check(services: Services) -> dict[str, Any]:
    count = services.retriever.store_count()  # raises when a Chroma server is gone
    services.chatlog.ping()
    return {"passages": count, "index_loaded": services.retriever.size}


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """Prosessen lever."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> dict[str, Any]:
    """Indeksen er lastet og lagrene svarer; ellers 503. `advisor` sier om ordningsrådgiveren er på."""
    services: Services | None = request.app.state.services
    if services is None:
        raise not_ready(request)
    checks: HealthChecks = request.app.state.health_checks
    try:
        state = await checks.check(services)
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
async def metrics(request: Request) -> Response:
    return Response(request.app.state.metrics.render(), media_type=CONTENT_TYPE_LATEST)
