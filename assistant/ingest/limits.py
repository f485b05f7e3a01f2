"""Bounds on the work one document may cost at ingest: pages, passages, units and time.

A file within the upload size can still be costly: a 10 MB one-line text gave 11,000 passages and
134,000 units to embed, and a 1,000-page PDF took 105 s. Each bound is checked as soon as the count is
known (pages before any is read, text length before chunking), so an oversized file fails in moments
with a clear error instead of holding a CPU, memory or the index writer for minutes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from assistant import texts
from assistant.config import Settings
from assistant.errors import DocumentTooLarge, IngestTimeout


@dataclass(frozen=True)
class IngestLimits:
    max_pages: int = 500
    max_passages: int = 2000
    max_units: int = 20_000
    max_seconds: float = 120.0

    @classmethod
    def from_settings(cls, settings: Settings) -> IngestLimits:
        return cls(
            max_pages=settings.ingest_max_pages,
            max_passages=settings.ingest_max_passages,
            max_units=settings.ingest_max_units,
            max_seconds=settings.ingest_timeout_s,
        )


@dataclass
class Budget:
    """One document's share of the limits; `name` is the file name the user knows, for the messages."""

    limits: IngestLimits
    name: str
    started: float = field(default_factory=time.monotonic)

    def pages(self, count: int) -> None:
        if count > self.limits.max_pages:
            raise DocumentTooLarge(
                texts.TOO_MANY_PAGES.format(name=self.name, count=count, limit=self.limits.max_pages)
            )

    def text(self, chars: int, max_chars: int) -> None:
        """Passages hold at most `max_chars` each, so a longer text than this cannot fit the passage
        limit; checked before chunking, which alone took seconds for 10 MB."""
        if chars > self.limits.max_passages * max_chars:
            self.passages(self.limits.max_passages + 1)

    def passages(self, count: int) -> None:
        if count > self.limits.max_passages:
            raise DocumentTooLarge(texts.TOO_MUCH_TEXT.format(name=self.name, limit=self.limits.max_passages))

    def units(self, count: int) -> None:
        if count > self.limits.max_units:
            raise DocumentTooLarge(texts.TOO_MANY_UNITS.format(name=self.name, limit=self.limits.max_units))

    def check_time(self) -> None:
        if time.monotonic() - self.started > self.limits.max_seconds:
            raise IngestTimeout(texts.INGEST_TOO_SLOW.format(name=self.name, limit=self.limits.max_seconds))
