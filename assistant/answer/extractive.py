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
            return self.lead
        body = "\n".join(f"- {i}" for i in shown)
        return f"{self.lead}\n{body}" if self.lead else body


def _flat(lines: list[str]) -> str:
    return " ".join(" ".join(ln.split()) for ln in lines if ln.strip())


def split_units(text: str, hit: int) -> list[Unit]:
    """Sentences and lists. A list keeps its lead-in, also when blank lines separate its items, and a
    line ending in ':' gathers the short label lines that follow it ("2025:" / "Rekom: 11 271 000,-")."""
    units: list[Unit] = []
    open_list: Unit | None = None
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if is_bullet(lines[0]) or (
            open_list is not None and len(lines) == 1 and len(lines[0]) <= _SHORT_LINE
        ):
            target = open_list or Unit(hit, len(units), "", [])
            if open_list is None:
                units.append(target)
            target.items.extend(_items(lines))
            open_list = target
            continue
        lead_lines = (
            [ln for ln in lines if not is_bullet(ln)] if any(is_bullet(ln) for ln in lines) else lines
        )
        if any(is_bullet(ln) for ln in lines):
            first_bullet = next(i for i, ln in enumerate(lines) if is_bullet(ln))
            unit = Unit(hit, len(units), _flat(lines[:first_bullet]), _items(lines[first_bullet:]))
            units.append(unit)
            open_list = unit
            continue
        flat = _flat(lead_lines)
        if DATELINE.match(flat):
            units.append(Unit(hit, len(units), flat, []))
            open_list = None
            continue
        for sentence in SENTENCE_END.split(flat):
            units.append(Unit(hit, len(units), sentence.strip(), []))
        open_list = units[-1] if flat.endswith(":") else None
    return [u for u in units if u.lead or u.items]


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
        top_score = hits[0].score or 1.0
        candidates = [h for h in hits[:_MAX_PASSAGES] if h.score >= 0.5 * top_score] or hits[:1]
        scored: list[_Scored] = []
        for rank, hit in enumerate(candidates):
            # The breadcrumb is context every unit of the passage shares ("Kompetansepakke for
            # programmering …" makes "Kompetansepakken er åpen for alle." an answer about it).
            context = set(index.analyzer.terms(hit.passage.section))
            heading = hit.passage.section.split(" > ")[-1]
            for unit in split_units(hit.passage.text, rank + 1):
                if not unit.is_list and unit.lead == heading and not re.search(r"\d", heading):
                    continue  # a bare heading says nothing by itself
                shown = _relevant_items(unit, index, sets)
                terms = set(index.analyzer.terms(unit.render(shown))) | context
                coverage = index.weighted_coverage(sets, terms) if sets else 0.0
                prior = 0.15 * (hit.score / top_score) - 0.01 * unit.position
                scored.append(_Scored(coverage + prior, unit, shown))
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


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
