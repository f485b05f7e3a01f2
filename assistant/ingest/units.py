"""Passage → quotable units: single sentences, and lists together with their lead-in.

The same split serves ingest (each unit is embedded, so a paraphrased question can find the one
sentence that answers it) and the extractive answer (which quotes units).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.chunking import BULLET, DATELINE, SENTENCE_END, is_bullet

_SHORT_LINE = 90


@dataclass
class Unit:
    """A quotable piece of a passage: one sentence, or a list with its lead-in."""

    hit: int  # the caller's tag: the answer passes the 1-based hit position, ingest 0
    position: int  # order within the passage
    lead: str
    items: list[str]

    @property
    def is_list(self) -> bool:
        return bool(self.items)

    def render(self, items: list[str] | None = None) -> str:
        shown = self.items if items is None else items
        if not shown:
            return plain(self.lead)
        body = "\n".join(f"- {plain(i)}" for i in shown)
        return f"{plain(self.lead)}\n{body}" if self.lead else body


_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def plain(text: str) -> str:
    """Markdown emphasis and links as plain words; the citation keeps the verbatim source."""
    text = _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", text))
    return re.sub(r"\\([()\[\]*_])", r"\1", text)


def _flat(lines: list[str]) -> str:
    return " ".join(" ".join(ln.split()) for ln in lines if ln.strip())


def split_units(text: str, hit: int) -> list[Unit]:
    """Sentences and lists. A list keeps its lead-in, also when blank lines separate its items, and a
    line ending in ':' gathers the short label lines that follow it ("2025:" / "Rekom: 11 271 000,-")."""
    if DATELINE.match(text):
        # A dated news item is short and means one thing: date, title and text go together.
        blocks = [_flat(b.split("\n")) for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
        return [Unit(hit, 0, " – ".join(blocks), [])]
    units: list[Unit] = []
    open_list: Unit | None = None
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if is_bullet(lines[0]) or (open_list is not None and _is_label_line(lines)):
            if open_list is None:
                open_list = Unit(hit, len(units), "", [])
                units.append(open_list)
            open_list.items.extend(_items(lines))
            continue
        bullets = [i for i, ln in enumerate(lines) if is_bullet(ln)]
        if bullets:
            open_list = Unit(hit, len(units), _flat(lines[: bullets[0]]), _items(lines[bullets[0] :]))
            units.append(open_list)
            continue
        flat = _flat(lines)
        for sentence in SENTENCE_END.split(flat):
            units.append(Unit(hit, len(units), sentence.strip(), []))
        # A sentence that ends in ':' or runs on ("… fungerer best når det er") introduces a list.
        open_list = units[-1] if not flat.endswith((".", "!", "?")) else None
    return [u for u in units if u.lead or u.items]


def _is_label_line(lines: list[str]) -> bool:
    """A short "Rekom: 11 271 000,-" line under a "2025:" lead reads as a list item."""
    line = lines[0].strip()
    return (
        len(lines) == 1
        and len(line) <= _SHORT_LINE
        and not line.endswith(":")
        and (":" in line or any(c.isdigit() for c in line))
    )


def _items(lines: list[str]) -> list[str]:
    """Bullet items; continuation lines of a wrapped item join that item."""
    items: list[str] = []
    for ln in lines:
        if is_bullet(ln) or not items:
            items.append(" ".join(BULLET.sub("", ln).split()))
        else:
            items[-1] += " " + " ".join(ln.split())
    return [i for i in items if i]
