"""The service's start, in a background thread so /healthz answers at once. A failed start (a store that
does not answer yet, an index that cannot be read) is tried again: after 1 s, then twice as long each time,
at most `startup_retry_max_s` apart, until it succeeds or the app shuts down. Meanwhile /readyz says why
the service is not ready, in Norwegian, and its Retry-After says when the next attempt is."""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable

from assistant import texts
from assistant.config import Settings
from assistant.errors import AssistantError, DataDirUnwritable, StoreUnavailable
from assistant.index.embedders import Embedder, build_embedder
from assistant.service import Services, build_services, ensure_index

logger = logging.getLogger(__name__)

FIRST_RETRY_S = 1.0
# While an attempt runs, nobody knows how long it takes: ask clients to look again in a few seconds.
LOADING_RETRY_AFTER_S = 5


class Startup:
    """Builds the services until it succeeds, and hands them to `attach`."""

    def __init__(self, settings: Settings, attach: Callable[[Services], None]) -> None:
        self.settings, self.attach = settings, attach
        self.error: str | None = None  # why the last attempt failed, fit for clients (details in the log)
        self.attempts = 0
        self._next_attempt: float | None = None  # time.monotonic() of the next attempt, while waiting
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="assistant-load", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float) -> None:
        """Stop retrying; an attempt under way is given `timeout` seconds to end."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=timeout)

    def reason(self) -> str:
        return self.error or texts.STILL_LOADING

    def retry_after(self) -> int:
        """Whole seconds until the next attempt; at least 1."""
        at = self._next_attempt
        if at is None:  # an attempt is under way
            return max(1, min(LOADING_RETRY_AFTER_S, math.ceil(self.settings.startup_retry_max_s)))
        return max(1, math.ceil(at - time.monotonic()))

    def _run(self) -> None:
        delay = min(FIRST_RETRY_S, self.settings.startup_retry_max_s)
        embedder: Embedder | None = None  # a model that loaded is kept for the next attempt
        while not self._stop.is_set():
            self.attempts += 1
            try:
                embedder = embedder or build_embedder(self.settings)
                services = build_services(self.settings, embedder, advisor_optional=True)
                ensure_index(services)
            except Exception as exc:
                self.error = self._failed(exc, delay)
            else:
                self.error = None
                self.attach(services)
                logger.info("The service is ready (attempt %d)", self.attempts)
                return
            self._next_attempt = time.monotonic() + delay
            if self._stop.wait(delay):
                return
            self._next_attempt = None
            delay = min(2 * delay, self.settings.startup_retry_max_s)

    def _failed(self, exc: Exception, delay: float) -> str:
        """Log the failure with its details and say, for clients, what failed without them."""
        attempt, again = self.attempts, f"trying again in {delay:g} s"
        if isinstance(exc, StoreUnavailable) and not isinstance(exc, DataDirUnwritable):
            logger.error("Start-up attempt %d failed: %s; %s", attempt, exc.message, again)
            return texts.STORES_NOT_ANSWERING
        if isinstance(exc, AssistantError):  # our own Norwegian message, written for users
            logger.error("Start-up attempt %d failed: %s; %s", attempt, exc.message, again)
            return exc.message
        # The exception's own text (paths, driver messages, English) stays in the log.
        logger.exception("Start-up attempt %d failed; %s", attempt, again)
        return texts.STARTUP_FAILED
