"""The default answer backend: no LLM, the answer is the best sentences and lists of the sources.

The draft cites hits by their 1-based position in the hit list; citations.finalize renumbers.
Sentences are quoted as the source has them (only line wrapping is undone), so numbers and
amounts are always exactly the source's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from assistant.index.lexical import LexicalIndex
from assistant.ingest.chunking import BULLET, DATELINE, SENTENCE_END, is_bullet
from assistant.models import ScoredPassage

_ANAPHOR = re.compile(r"^(Dette|Det|Den|De|Disse|Dei|Forumet|Ordningen|Ordninga|Midlene|Slik)\b")
_MAX_PASSAGES = 3
_MAX_CHARS = 900
_LONG_LIST_ITEMS = 4
_SHORT_LINE = 90


class AnswerBackend(Protocol):
    def draft(self, question: str, hits: list[ScoredPassage]) -> str: ...


@dataclass
class Unit:
    """A quotable piece of a passage: one sentence, or a list with its lead-in."""

    hit: int  # 1-based position in the hit list
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


@dataclass
class _Scored:
    score: float
    unit: Unit
    shown_items: list[str]

    @property
    def text(self) -> str:
        return self.unit.render(self.shown_items)


class ExtractiveBackend:
    def __init__(self, lexical: Callable[[], LexicalIndex], max_units: int = 4) -> None:
        self._lexical = lexical
        self.max_units = max_units

    def draft(self, question: str, hits: list[ScoredPassage]) -> str:
        if not hits:
            return ""
        scored = self._score_units(question, hits)
        if not scored:
            return ""
        chosen = self._choose(scored)
        parts = []
        for s in chosen:
            marker = f" [{s.unit.hit}]"
            parts.append(s.text + marker + ("\n" if s.unit.is_list else ""))
        return "\n".join(p.strip() for p in parts)

    def _score_units(self, question: str, hits: list[ScoredPassage]) -> list[_Scored]:
        index = self._lexical()
        sets = index.weighted_query_sets(question)
        bigrams = _bigrams(index.analyzer.stems(question))
        top_score = hits[0].score or 1.0
        candidates = [h for h in hits[:_MAX_PASSAGES] if h.score >= 0.5 * top_score] or hits[:1]
        scored: list[_Scored] = []
        for rank, hit in enumerate(candidates):
            # The breadcrumb is context every unit of the passage shares ("Kompetansepakke for
            # programmering …" makes "Kompetansepakken er åpen for alle." an answer about it).
            context = set(index.analyzer.terms(hit.passage.section))
            heading = hit.passage.section.split(" > ")[-1]
            for unit in split_units(hit.passage.text, rank + 1):
                if not unit.is_list and unit.lead == heading:
                    continue  # a bare heading says nothing by itself
                shown = _relevant_items(unit, index, sets)
                own = set(index.analyzer.terms(unit.render(shown)))
                # What the unit says itself counts more than what its heading says for it.
                coverage = 0.6 * index.weighted_coverage(sets, own) + 0.4 * index.weighted_coverage(
                    sets, own | context
                )
                phrase = _bigram_share(bigrams, index.analyzer.terms(unit.render(shown)))
                prior = 0.15 * (hit.score / top_score) - 0.01 * unit.position
                # Long units cover more words by size alone; a mild length cost keeps answers to the point.
                length_cost = 0.04 * len(unit.render(shown)) / 200
                scored.append(_Scored(coverage + 0.2 * phrase + prior - length_cost, unit, shown))
        scored.sort(key=lambda s: -s.score)
        return scored

    def _choose(self, scored: list[_Scored]) -> list[_Scored]:
        best = scored[0]
        chosen = [best]
        seen = {_norm(best.text)}
        by_position = {(s.unit.hit, s.unit.position): s for s in scored}
        follow = by_position.get((best.unit.hit, best.unit.position + 1))
        if follow and not follow.unit.is_list and _ANAPHOR.match(follow.unit.lead):
            chosen.append(follow)
            seen.add(_norm(follow.text))
        length = sum(len(s.text) for s in chosen)
        for s in scored[1:]:
            if len(chosen) >= self.max_units or s.score < max(0.7 * best.score, 0.25):
                break
            if _norm(s.text) in seen or length + len(s.text) > _MAX_CHARS:
                continue
            chosen.append(s)
            seen.add(_norm(s.text))
            length += len(s.text)
        lead, rest = chosen[:1], chosen[1:]
        rest.sort(key=lambda s: (s.unit.hit, s.unit.position))
        return lead + rest


def _relevant_items(unit: Unit, index: LexicalIndex, sets: list[tuple[set[str], float]]) -> list[str]:
    """A long list shows only the items that speak to the question (all of them if none does)."""
    if len(unit.items) <= _LONG_LIST_ITEMS:
        return unit.items
    matching = [i for i in unit.items if index.weighted_coverage(sets, set(index.analyzer.terms(i))) > 0]
    return matching or unit.items


def _bigrams(stems: list[str]) -> set[tuple[str, str]]:
    return set(zip(stems, stems[1:], strict=False))


def _bigram_share(query_bigrams: set[tuple[str, str]], unit_terms: list[str]) -> float:
    """Share of the question's word pairs that the unit has side by side: phrasing, not just words."""
    if not query_bigrams:
        return 0.0
    return len(query_bigrams & _bigrams(unit_terms)) / len(query_bigrams)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
