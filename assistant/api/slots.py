"""Bounds on slow work, so it cannot take every server thread.

A nynorsk request waits on Apertium, an upload on embedding and the write lock; each holds one of the
server's worker threads while it waits. Unbounded, a burst of them filled the pool and everything else,
/healthz too, queued behind them. Each kind of slow work gets a few slots; a request that finds them all
taken is answered 503 `busy` with Retry-After at once, never queued.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from types import TracebackType

from fastapi import Request

from assistant import texts
from assistant.api.errors import RETRY_AFTER_S, ApiError
from assistant.config import Settings
from assistant.language import apertium_available, detect
from assistant.models import Maalform

logger = logging.getLogger(__name__)


class Claim:
    """A slot held until `release` (or the end of a `with` block); a second release does nothing."""

    def __init__(self, slots: threading.BoundedSemaphore | None) -> None:
        self._slots = slots

    def release(self) -> None:
        slots, self._slots = self._slots, None
        if slots is not None:
            slots.release()

    def __enter__(self) -> Claim:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


class Slots:
    def __init__(self, name: str, size: int) -> None:
        self.name, self.size = name, size
        self._free = threading.BoundedSemaphore(size)

    def claim(self, needed: bool = True) -> Claim:
        """A slot, or 503 busy when all are taken. Never waits. `needed=False` claims nothing."""
        if not needed:
            return Claim(None)
        if not self._free.acquire(blocking=False):
            logger.warning("503 busy: all %d %s slots are taken", self.size, self.name)
            raise ApiError(503, "busy", texts.BUSY, {"Retry-After": str(RETRY_AFTER_S)})
        return Claim(self._free)


@dataclass(frozen=True)
class WorkLimits:
    translation: Slots
    ingest: Slots

    @classmethod
    def from_settings(cls, settings: Settings) -> WorkLimits:
        return cls(Slots("translation", settings.translation_slots), Slots("ingest", settings.ingest_slots))


def needs_translation(written: Iterable[str], maalform: Maalform | str | None) -> bool:
    """Whether answering runs Apertium: a nynorsk text to read, or an answer to write in nynorsk."""
    if not apertium_available():
        return False
    return maalform == "nn" or any(detect(text) == "nn" for text in written)


def work_limits(request: Request) -> WorkLimits:
    limits: WorkLimits = request.app.state.work_limits
    return limits


async def ingest_slot(request: Request) -> AsyncIterator[None]:
    """A router dependency: uploads and deletes hold an ingest slot while they run; reads need none."""
    with work_limits(request).ingest.claim(request.method not in ("GET", "HEAD", "OPTIONS")):
        yield
