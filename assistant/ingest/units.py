"""Passage → quotable units: single sentences, and lists together with their lead-in.

The same split serves ingest (each unit is embedded, so a paraphrased question can find the one
sentence that answers it) and the extractive answer (which quotes units). A line stays a line: wrapped
lines join, but a title, a dateline or a "Label: value" line never runs on into the next line. Navigation
(links and datelines, boilerplate.yaml) stays in the passage text and is never a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.furniture import MD_LINK, is_navigation
from assistant.ingest.lines import (
    BULLET,
    DATELINE,
    SENTENCE_END,
    continues,
    is_bullet,
    is_label_line,
    logical_lines,
    looks_like_heading,
)

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


_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def plain(text: str) -> str:
    """Markdown emphasis and links as plain words; the citation keeps the verbatim source."""
    text = _MD_EMPHASIS.sub(r"\2", MD_LINK.sub(r"\1", text))
    return re.sub(r"\\([()\[\]*_])", r"\1", text)


def split_units(text: str, hit: int) -> list[Unit]:
    """Sentences and lists. A list keeps its lead-in, also when blank lines separate its items, and a
    line ending in ':' gathers the short label lines that follow it ("2025:" / "Rekom: 11 271 000,-")."""
    units: list[Unit] = []
    open_list: Unit | None = None
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if units and _continue_last(units[-1], lines):
            continue
        if is_bullet(lines[0]) or (open_list is not None and _is_label_line(lines)):
            if open_list is None:
                open_list = Unit(hit, len(units), "", [])
                units.append(open_list)
            open_list.items.extend(_items(lines))
            continue
        bullets = [i for i, ln in enumerate(lines) if is_bullet(ln)]
        if bullets:
            before = logical_lines(lines[: bullets[0]])
            for line in before[:-1]:
                _add_sentences(units, line, hit)
            lead = _without_navigation(before[-1])
            open_list = Unit(hit, len(units), lead, _items(lines[bullets[0] :]))
            units.append(open_list)
            continue
        for line in logical_lines(lines):
            inline = _inline_list(line)
            if inline is not None:  # "Kriteriene er: a) … b) … c) …" on one line is a list
                lead, items = inline
                open_list = Unit(hit, len(units), _without_navigation(lead), items)
                units.append(open_list)
                continue
            open_list = _add_sentences(units, line, hit)
    return [u for u in units if u.lead or u.items]


# An item marker inside a line: "a)", "b)" … or "1)", "2)" …, after a space or the line's start.
_INLINE_MARKER = re.compile(r"(?:(?<=\s)|^)\(?([a-hA-H]|[1-9])\)\s+")
# What joins an item to the next on one line: "…, b) …", "…; og c) …"
_LAST_JOINER = re.compile(r"(?:[\s,;]+(?:og|eller))?[\s,;]*$")


def _inline_list(line: str) -> tuple[str, list[str]] | None:
    """A list written on one line: (its lead-in, its items), or None. The markers must count on from the
    first (a, b, c … or 1, 2, 3 …) and be at least two, the first at the line's start or after a ':', so
    that "(jf. punkt 2) og 3)" or one "a)" in a sentence is no list."""
    markers = list(_INLINE_MARKER.finditer(line))
    run: list[re.Match[str]] = []
    digits = False
    for m in markers:
        value = _marker_value(m.group(1))
        if not run:
            before = line[: m.start()].rstrip()
            if value == 1 and (not before or before.endswith(":")):
                run, digits = [m], m.group(1).isdigit()
        elif value == _marker_value(run[-1].group(1)) + 1 and m.group(1).isdigit() == digits:
            run.append(m)  # the same kind of marker, counting on
    if len(run) < 2:
        return None
    ends = [m.start() for m in run[1:]] + [len(line)]
    items = [_LAST_JOINER.sub("", line[m.end() : end]) for m, end in zip(run, ends, strict=True)]
    return line[: run[0].start()].strip(), [i for i in items if i]


def _marker_value(marker: str) -> int:
    return int(marker) if marker.isdigit() else ord(marker.lower()) - ord("a") + 1


def _add_sentences(units: list[Unit], line: str, hit: int) -> Unit | None:
    """Add the line's sentences, navigation left out; return the last one if it introduces a list: a
    sentence that ends in ':' or runs on ("… fungerer best når det er"), not a "Label: value" line."""
    last: Unit | None = None
    for sentence in SENTENCE_END.split(line):
        sentence = sentence.strip()
        if not sentence or is_navigation(sentence):
            last = None
            continue
        last = Unit(hit, len(units), sentence, [])
        units.append(last)
    if last is None or line.endswith((".", "!", "?")):
        return None
    return None if is_label_line(last.lead) or DATELINE.match(last.lead) else last


def _continue_last(unit: Unit, lines: list[str]) -> bool:
    """A block that starts in lower case carries on the unfinished unit before it (a blank line or a
    page break cut it): "… skal følge med at begge målgrupper får og" / "hensyntas"."""
    first = lines[0].strip()
    tail = unit.items[-1] if unit.items else unit.lead
    # "b) Tiltakene …" starts in lower case too, but it is the list's next item, not the last one's rest.
    if not first[:1].islower() or is_bullet(first) or not tail or tail.endswith((".", "!", "?", ":")):
        return False
    text = " ".join(" ".join(ln.split()) for ln in lines)
    if unit.items:
        unit.items[-1] += " " + text
    else:
        unit.lead += " " + text
    return True


def _without_navigation(text: str) -> str:
    """The text without its link sentences ("… som læringsarena. Se mer om [ABLU](#).")."""
    return " ".join(s for s in SENTENCE_END.split(text) if not is_navigation(s))


def _is_label_line(lines: list[str]) -> bool:
    """A short "Rekom: 11 271 000,-" line under a "2025:" lead reads as a list item; a sentence or a
    title line ("Behovsmeldinger 2026 - status") does not."""
    line = lines[0].strip()
    return (
        len(lines) == 1
        and len(line) <= _SHORT_LINE
        and not line.endswith((":", ".", "!", "?"))
        and (":" in line or any(c.isdigit() for c in line))
        and not looks_like_heading(line)
        and not is_navigation(line)
    )


def _items(lines: list[str]) -> list[str]:
    """Bullet items. A wrapped line joins its item; a line of its own (a "Label: value" fact under the
    list) is an item of its own; link sentences are left out. "a) X b) Y c) Z" on one line is three."""
    raw: list[str] = []  # each item as written, its marker kept
    previous = ""
    for ln in lines:
        text = " ".join(ln.split())
        if raw and not is_bullet(ln) and continues(previous, ln):
            raw[-1] += " " + text
        else:
            raw.append(text)
        previous = ln
    items: list[str] = []
    for item in raw:
        # "a) X b) Y" with its marker as the bullet, or "- a) X b) Y" under one
        inline = _inline_list(item) or _inline_list(BULLET.sub("", item, count=1))
        if inline is not None and not inline[0]:
            items.extend(inline[1])
        else:
            items.append(" ".join(BULLET.sub("", item).split()))
    kept = (_without_navigation(item) for item in items)
    return [item for item in kept if item]
