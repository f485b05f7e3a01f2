"""Keeps this instance's search snapshot in step with the shared index, for several API instances on one
Chroma server and one chat database.

A thread asks, once every `index_check_interval_s`, whether the store answers and which index version
the chat database holds (Retriever.check), and rebuilds the snapshot when another instance changed the
index. A thread rather than a check on the search path: the rebuild reads the whole index from Chroma,
which no request should wait for, and an idle instance is as current as a busy one when its next request
comes. Its cost is one primary-key read and one Chroma count a second.
"""

from __future__ import annotations

import logging
import threading

from assistant.retrieval import Retriever

logger = logging.getLogger(__name__)


class IndexWatch:
    def __init__(self, retriever: Retriever, interval_s: float) -> None:
        self.retriever, self.interval_s = retriever, interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="assistant-index-watch", daemon=True)
        self._failing = False

    def start(self) -> None:
        if self.interval_s > 0:
            self._thread.start()

    def stop(self, timeout: float = 10) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=timeout)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.tick()

    def tick(self) -> None:
        """One check; a failure is logged once until a check succeeds again, and never ends the thread."""
        try:
            rebuilt = self.retriever.check()
        except Exception:
            if not self._failing:
                logger.exception("The index check failed; searches answer 503 until it succeeds")
            self._failing = True
            return
        if self._failing:
            logger.info("The index check succeeds again")
        self._failing = False
        if rebuilt:
            logger.info("The index changed: snapshot rebuilt at version %d", self.retriever.version)
