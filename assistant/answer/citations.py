"""Citation markers: renumber by relevance, verify that every [n] has a citation, decide abstention."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from assistant import texts
from assistant.config import Settings
from assistant.models import Citation, ScoredPassage

MARKER = re.compile(r"\[(\d{1,3})\]")


@dataclass(frozen=True)
class Verified:
    text: str
    citations: list[Citation]
    dropped_markers: int  # markers that pointed at no source and were removed


def finalize(draft: str, hits: list[ScoredPassage]) -> Verified:
    """`draft` cites hits by 1-based position in `hits`. The result cites only what it uses,
    numbered 1..n in relevance order, and no marker points at a missing citation."""
    used = sorted({int(m) for m in MARKER.findall(draft) if 1 <= int(m) <= len(hits)})
    renumber = {old: new for new, old in enumerate(used, start=1)}
    dropped = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal dropped
        old = int(match.group(1))
        if old in renumber:
            return f"[{renumber[old]}]"
        dropped += 1
        return ""

    text = MARKER.sub(replace, draft)
    text = re.sub(r"[ \t]+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()
    citations = [to_citation(renumber[old], hits[old - 1]) for old in used]
    return Verified(text, citations, dropped)


def to_citation(n: int, hit: ScoredPassage) -> Citation:
    p = hit.passage
    return Citation(
        n=n,
        document=p.document,
        title=p.title,
        url=p.url,
        section=p.section,
        page=p.page,
        published=p.published,
        text=p.text,
        score=hit.score,
    )


def dangling_markers(answer: str, citations: list[Citation]) -> int:
    numbers = {c.n for c in citations}
    return sum(1 for m in MARKER.findall(answer) if int(m) not in numbers)


@lru_cache
def _override_patterns() -> tuple[re.Pattern[str], ...]:
    raw = yaml.safe_load(resources.files("assistant.answer").joinpath("guard.yaml").read_text("utf-8"))
    return tuple(re.compile(p, re.IGNORECASE) for p in raw.get("instruction_override", []))


def asks_to_drop_instructions(question: str) -> bool:
    return any(p.search(question) for p in _override_patterns())


def abstain_reason(question: str, hits: list[ScoredPassage], settings: Settings) -> str | None:
    """A Norwegian explanation when the assistant should not answer, else None.

    Evidence is weak when the best passages neither resemble the question (dense similarity) nor
    contain its rarer words (idf-weighted coverage). Thresholds are calibrated on eval/questions.yaml."""
    if asks_to_drop_instructions(question):
        return texts.ABSTAIN_INSTRUCTIONS
    if not hits:
        return texts.ABSTAIN_WEAK_EVIDENCE
    top = hits[:3]
    best_dense = max(h.dense for h in top)
    best_coverage = max(h.coverage for h in top)
    if best_coverage < settings.min_term_coverage:
        return (
            texts.ABSTAIN_OFF_DOMAIN if best_dense < settings.min_dense_score else texts.ABSTAIN_WEAK_EVIDENCE
        )
    if best_dense < settings.min_dense_score:
        return texts.ABSTAIN_WEAK_EVIDENCE
    return None
