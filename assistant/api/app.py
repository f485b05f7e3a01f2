"""The app factory. Models and the index load once, in a background thread started by the lifespan,
so /healthz answers at once and /readyz turns 200 when the service can answer."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant import texts
from assistant.api import docs, errors
from assistant.api.metrics import Metrics
from assistant.api.routes import admin, chat, documents, draft, feedback, health, openai, schemes, sources
from assistant.config import Settings, get_settings
from assistant.errors import AssistantError
from assistant.language.apertium import start_apy, stop_apy
from assistant.rules import check_rules
from assistant.service import Services, build_services, ensure_index
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


def _load(app: FastAPI, settings: Settings) -> None:
    try:
        services = build_services(settings)
        ensure_index(services)
        _attach(app, services)
    except AssistantError as exc:
        logger.error("Start-up failed: %s", exc.message)
        app.state.startup_error = exc.message
    except Exception:
        # The exception's own text (paths, driver messages, English) stays in the log; clients get Norwegian.
        logger.exception("Start-up failed")
        app.state.startup_error = texts.STARTUP_FAILED


def _attach(app: FastAPI, services: Services) -> None:
    metrics: Metrics = app.state.metrics
    services.observe = metrics.observe_step
    app.state.services = services


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    """`services` lets tests share one loaded index; otherwise everything is built from `settings`."""
    settings = settings or (services.settings if services else get_settings())
    check_rules(settings)  # a bad rule file stops the start, not the first request that reads it

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        loader = None
        if services is not None:
            _attach(app, services)
        else:
            # apertium-apy comes up in the background too; until it is warm, nynorsk goes by subprocess.
            start_apy(settings)
            loader = threading.Thread(target=_load, args=(app, settings), name="assistant-load", daemon=True)
            loader.start()
        yield
        if loader is not None:
            loader.join(timeout=60)
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
    app.state.startup_error = None
    app.state.metrics = Metrics()
    errors.install(app)
    docs.install(app)
    for module in (chat, openai, documents, sources, feedback, admin, schemes, draft, health):
        app.include_router(module.router)
    web.install(app)
    app.add_middleware(RequestLog, metrics=app.state.metrics)
    return app
