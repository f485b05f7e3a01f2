"""The app factory. Models and the index load once, in a background thread started by the lifespan
(api/startup.py, which retries a failed start), so /healthz answers at once and /readyz turns 200 when
the service can answer."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.api import docs, errors
from assistant.api.index_watch import IndexWatch
from assistant.api.metrics import Metrics
from assistant.api.request_limits import RequestLimits
from assistant.api.routes import admin, chat, documents, draft, feedback, health, openai, schemes, sources
from assistant.api.slots import WorkLimits, ingest_slot
from assistant.api.startup import Startup
from assistant.config import Settings, get_settings
from assistant.language import sentences
from assistant.language.apertium import start_apy, stop_apy
from assistant.rules import check_rules
from assistant.service import Services
from assistant.web import routes as web

logger = logging.getLogger(__name__)
access_log = logging.getLogger("assistant.access")


class RequestLog:
    """One log line and one metric sample per request. The path is logged without its query string,
    so a search text never reaches the log."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            seconds = time.perf_counter() - start
            route = getattr(scope.get("route"), "path", "unmatched")
            self.metrics.observe_request(scope["method"], route, status, seconds)
            access_log.info("%s %s %d %.1f ms", scope["method"], scope["path"], status, seconds * 1000)


def _attach(app: FastAPI, services: Services, *, fill_translations: bool = False) -> None:
    metrics: Metrics = app.state.metrics
    services.observers.append(metrics.observe_step)
    app.state.services = services
    settings = services.settings
    watch = IndexWatch(services.retriever, settings.index_check_interval_s)
    app.state.index_watch = watch
    watch.start()
    if fill_translations and settings.translation_store:
        # Nynorsk answers reuse the corpus sentences' translations; they are made in the background.
        retriever = services.retriever
        limit = settings.translation_store_max_sentences
        sentences.start(settings.data_dir, limit, lambda: retriever.passages)


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    """`services` lets tests share one loaded index; otherwise everything is built from `settings`."""
    settings = settings or (services.settings if services else get_settings())
    check_rules(settings)  # a bad rule file stops the start, not the first request that reads it

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        startup = None
        if services is not None:
            _attach(app, services)
        else:
            # apertium-apy comes up in the background too; until it is warm, nynorsk goes by subprocess.
            start_apy(settings)
            startup = Startup(settings, lambda built: _attach(app, built, fill_translations=True))
            app.state.startup = startup
            startup.start()
        try:
            yield
        finally:
            app.state.health_checks.close()
            if startup is not None:
                startup.stop(timeout=60)  # before the watch: a start under way may still attach one
            if app.state.index_watch is not None:
                app.state.index_watch.stop()
            attached = app.state.services
            if attached is not None and app.state.metrics.observe_step in attached.observers:
                attached.observers.remove(app.state.metrics.observe_step)
            if startup is not None:
                sentences.stop()
                stop_apy()

    app = FastAPI(
        title="Kompetanseassistenten",
        description=(
            "Svar med kildehenvisninger om statlige ordninger for kompetanseutvikling i barnehage og skole."
        ),
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # docs.install serves /docs from the package instead of a CDN; no /redoc
        redoc_url=None,
    )
    app.state.services = None
    app.state.startup = None
    app.state.index_watch = None
    app.state.metrics = Metrics()
    app.state.work_limits = WorkLimits.from_settings(settings)
    app.state.health_checks = health.HealthChecks()
    errors.install(app)
    docs.install(app)
    for module in (chat, openai, sources, feedback, admin, schemes, draft, health):
        app.include_router(module.router)
    # Uploads and deletes re-index: they hold an ingest slot (api/slots.py) while they run.
    app.include_router(documents.router, dependencies=[Depends(ingest_slot)])
    web.install(app)
    # The upload route limits its multipart bodies itself (ASSISTANT_MAX_UPLOAD_BYTES).
    uploads = (documents.router.prefix,)
    app.add_middleware(RequestLimits, max_body_bytes=settings.max_body_bytes, uploads=uploads)
    app.add_middleware(RequestLog, metrics=app.state.metrics)  # outermost: it logs the limits' 413s too
    return app
