"""Source freshness: the dates sources carry, newer sources before older ones, and a "(per <dato>)"
on time-bound statements from old sources.

Grant schemes change every year: amounts, deadlines and contacts in a 2021 news item may no longer hold.
The answer therefore quotes the newer of two sources that say the same thing, or the same thing with
other figures, and says how old a deadline or an amount is when its source is old.

A passage's `published` is its own date: a dated news item on a page carries the item's date, not the
page's (ingest.chunking), so "old" here means the statement's own age.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from assistant.config import Settings
from assistant.index.lexical import content_words, stem
from assistant.ingest.chunking import DATELINE
from assistant.ingest.units import split_units
from assistant.models import Citation, Maalform, Passage, ScoredPassage
from assistant.rules import FreshnessRules, rule_file

logger = logging.getLogger(__name__)

Precision = Literal["year", "month", "day"]

# Two statements say the same thing when they share this many content words and this share of all the
# content words either of them has (Jaccard). Figures (numbers, months) are left out of the comparison.
_MIN_SHARED_TERMS = 3
_SAME_CLAIM = 0.6
# An older passage is a repeat of a newer one when at least this share of its statements are in it.
_REPEATED_SHARE = 0.5
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$")
_NORWEGIAN = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MARKER_RUN = re.compile(r"(?:[ \t]*\[\d{1,3}\])+")
_MARKER = re.compile(r"\[(\d{1,3})\]")
# A capitalised word past a sentence start: a place or a body the statement is about.
_PROPER_NOUN = re.compile(r"(?<![.!?:]\s)(?<=\s)([A-ZÆØÅ][\wæøåÆØÅ-]{2,})")


@dataclass(frozen=True)
class PublishedDate:
    """A publication date as precise as the source gives it: "2026" is some day in 2026, so it spans
    the whole year (`first` … `last`)."""

    first: date
    last: date
    precision: Precision

    def is_newer_than(self, other: PublishedDate) -> bool:
        """Surely newer: "2026-01-22" is not newer than "2026", nor the other way round."""
        return self.first > other.last


@dataclass(frozen=True)
class _Vocabulary:
    months: tuple[str, ...]
    undated: dict[str, str]
    as_of: dict[str, str]
    time_bound: tuple[re.Pattern[str], ...]
    figure: re.Pattern[str]


@lru_cache
def _vocabulary() -> _Vocabulary:
    rules = rule_file(FreshnessRules)
    return _Vocabulary(
        months=tuple(rules.months),
        undated=dict(rules.undated),
        as_of=dict(rules.as_of),
        time_bound=tuple(re.compile(p, re.IGNORECASE) for p in rules.time_bound.values()),
        figure=re.compile(rules.figure, re.IGNORECASE),
    )


def parse_published(value: str | None) -> PublishedDate | None:
    """ "2026", "2026-01", "2022-12-02" (or a timestamp, or "02.12.2022") → a date range; anything
    else → None, and the source counts as undated."""
    if not value:
        return None
    try:
        if found := _NORWEGIAN.match(value):
            day = date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
            return PublishedDate(day, day, "day")
        found = _ISO.match(value)
        if not found:
            logger.debug("Unreadable published date %r", value)
            return None
        year, month, day_of_month = (int(g) if g else None for g in found.groups())
        assert year is not None  # the pattern requires it
        if month is None:
            return PublishedDate(date(year, 1, 1), date(year, 12, 31), "year")
        if day_of_month is None:
            following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
            return PublishedDate(date(year, month, 1), following - timedelta(days=1), "month")
        day = date(year, month, day_of_month)
        return PublishedDate(day, day, "day")
    except ValueError:  # "2022-13-40"
        logger.debug("Impossible published date %r", value)
        return None


def format_date(value: str | PublishedDate | None, maalform: Maalform = "nb") -> str:
    """Norwegian, as precise as the source: "2. desember 2022", "desember 2022", "2026", "udatert"."""
    parsed = parse_published(value) if isinstance(value, str) or value is None else value
    vocabulary = _vocabulary()
    if parsed is None:
        return vocabulary.undated[maalform]
    d = parsed.first
    month = vocabulary.months[d.month - 1]
    if parsed.precision == "year":
        return str(d.year)
    if parsed.precision == "month":
        return f"{month} {d.year}"
    return f"{d.day}. {month} {d.year}"


def _recency_key(hit: ScoredPassage) -> tuple[int, int]:
    """Sorts newest first and undated last; a year-only date counts from its first day."""
    published = parse_published(hit.passage.published)
    if published is None:
        return (1, 0)
    return (0, -published.first.toordinal())


def order_near_ties(hits: Sequence[ScoredPassage], margin: float) -> list[ScoredPassage]:
    """Hits whose scores are within `margin` of each other (relative to the higher) are near ties:
    the evidence does not prefer one, so the newer source goes first. Runs of near ties are taken in
    list order, a run being hits whose highest and lowest scores are within the margin; inside a run
    the sort is stable, so equally dated hits keep their order, and ordering twice changes nothing."""
    ordered: list[ScoredPassage] = []
    run: list[ScoredPassage] = []
    for hit in hits:
        scores = [h.score for h in run] + [hit.score]
        high, low = max(scores), min(scores)
        if run and high - low > margin * abs(high):
            ordered.extend(sorted(run, key=_recency_key))
            run = []
        run.append(hit)
    ordered.extend(sorted(run, key=_recency_key))
    return ordered


@dataclass(frozen=True)
class _Statement:
    """A sentence, or one list item with its lead-in: what a source claims, as words and figures, and
    the names it is about (Oslo, Nordland): the same sentence about another county is another claim."""

    terms: frozenset[str]
    figures: frozenset[str]
    names: frozenset[str]


def _statements(passage: Passage) -> list[_Statement]:
    blocks = [passage.text]
    if DATELINE.match(passage.text):
        # A news item is one unit for quoting; here its sentences count one by one, without the
        # dateline (the passage's date says it), and its title apart from its text.
        rest = passage.text.split("\n", 1)[1] if "\n" in passage.text else ""
        blocks = re.split(r"\n[ \t]*\n", rest)
    texts: list[str] = []
    for block in blocks:
        for unit in split_units(block, 0):
            if unit.is_list:
                texts.extend(f"{unit.lead} {item}" for item in unit.items)
            else:
                texts.append(unit.lead)
    statements = [_statement(t) for t in texts]
    return [s for s in statements if len(s.terms) >= _MIN_SHARED_TERMS]


def _statement(text: str) -> _Statement:
    vocabulary = _vocabulary()
    figures = frozenset(re.sub(r"[\s.,]", "", m.group(0).lower()) for m in vocabulary.figure.finditer(text))
    terms = frozenset(
        stem(w) for w in content_words(text) if not any(c.isdigit() for c in w) and w not in vocabulary.months
    )
    names = frozenset(n.lower() for n in _PROPER_NOUN.findall(text))
    return _Statement(terms, figures, names)


def _same_claim(a: _Statement, b: _Statement) -> bool:
    if a.names and b.names and a.names != b.names:
        return False
    shared = len(a.terms & b.terms)
    return shared >= _MIN_SHARED_TERMS and shared / len(a.terms | b.terms) >= _SAME_CLAIM


def _superseded_by(older: Passage, newer: Passage) -> str | None:
    """Why `newer` makes `older` obsolete: "conflict" when a statement of both says the same with
    other figures (400 000 kroner then, 650 000 now), "repeat" when the newer says most of what the
    older says. None when they are about different things."""
    old_statements, new_statements = _statements(older), _statements(newer)
    repeated = 0
    for old in old_statements:
        matches = [new for new in new_statements if _same_claim(old, new)]
        if any(old.figures and new.figures and old.figures != new.figures for new in matches):
            return "conflict"
        repeated += bool(matches)
    if old_statements and repeated / len(old_statements) >= _REPEATED_SHARE:
        return "repeat"
    return None


def _names_asked_year(passage: Passage, years: set[str]) -> bool:
    return bool(years & set(YEAR.findall(f"{passage.published or ''} {passage.text}")))


def prefer_newer(hits: Sequence[ScoredPassage], question: str = "") -> list[ScoredPassage]:
    """The hits without those that a newer source among them supersedes: a passage from another
    document with a surely later date that repeats it or states the same claim with other figures.
    The older one must not be quoted next to the newer as if both held. A question that names a year
    keeps an older passage about that year ("Hvor mye ble fordelt i 2021?") unless the newer one names
    it too. Order is kept; undated passages are never dropped nor drop others (their age is unknown)."""
    asked_years = set(YEAR.findall(question))
    dates = [parse_published(h.passage.published) for h in hits]
    kept: list[ScoredPassage] = []
    for i, older in enumerate(hits):
        reason = None
        for j, newer in enumerate(hits):
            old_date, new_date = dates[i], dates[j]
            if (
                old_date is None
                or new_date is None
                or newer.passage.document == older.passage.document
                or not new_date.is_newer_than(old_date)
            ):
                continue
            if _names_asked_year(older.passage, asked_years) and not _names_asked_year(
                newer.passage, asked_years
            ):
                continue
            reason = _superseded_by(older.passage, newer.passage)
            if reason:
                logger.info(
                    "Dropped %s (%s): %s of the newer %s (%s)",
                    older.passage.id,
                    older.passage.published,
                    reason,
                    newer.passage.id,
                    newer.passage.published,
                )
                break
        if reason is None:
            kept.append(older)
    return kept


def fresh_hits(hits: Sequence[ScoredPassage], settings: Settings, question: str = "") -> list[ScoredPassage]:
    """The freshness policy for the hits an answer is drafted from: superseded older passages out,
    near ties newest first (as retrieval already orders them; ordering again changes nothing)."""
    return order_near_ties(prefer_newer(hits, question), settings.recency_tie_margin)


def is_time_bound(text: str) -> bool:
    """A statement with a deadline, a date, a year or an amount, or one that speaks of "now"."""
    return any(p.search(text) for p in _vocabulary().time_bound)


def mark_time_bound(
    text: str,
    citations: Sequence[Citation],
    today: date,
    stale_after_days: int,
    maalform: Maalform = "nb",
) -> str:
    """Each time-bound claim whose sources are all older than `stale_after_days` gets "(per <dato>)"
    before its marker: "… 1. mars 2021. (per 12. mai 2021) [1]". The quoted words are left as they are,
    so numbers and the verbatim quote stay intact. A source without a date gets no mark: its age is
    unknown. A claim is the text since the previous marker; a list claim ends after its last item."""
    by_n = {c.n: c for c in citations}
    template = _vocabulary().as_of[maalform]
    pieces: list[str] = []
    start = 0
    for run in _MARKER_RUN.finditer(text):
        claim = text[start : run.start()]
        sources = [by_n.get(int(n)) for n in _MARKER.findall(run.group(0))]
        as_of = _stale_as_of(sources, today, stale_after_days)
        pieces.append(claim)
        if as_of is not None and claim.strip() and is_time_bound(claim):
            mark = template.format(date=format_date(as_of, maalform))
            if not claim.rstrip().endswith(mark):  # marked already: marking twice changes nothing
                pieces.append(" " + mark)
        pieces.append(run.group(0))
        start = run.end()
    pieces.append(text[start:])
    return "".join(pieces)


def unmarked(text: str) -> str:
    """`text` without the "(per <dato>)" marks `mark_time_bound` added: they are no claim of the source."""
    for template in set(_vocabulary().as_of.values()):
        before, _, after = template.partition("{date}")
        text = re.sub(rf" ?{re.escape(before)}[^()\n]{{1,40}}{re.escape(after)}", "", text)
    return text


def _stale_as_of(
    sources: Sequence[Citation | None], today: date, stale_after_days: int
) -> PublishedDate | None:
    """The newest date among a claim's sources when every one of them is dated and old, else None."""
    dates = [parse_published(c.published) if c is not None else None for c in sources]
    if not dates or any(d is None for d in dates):
        return None
    known = [d for d in dates if d is not None]
    newest = max(known, key=lambda d: d.last)
    if (today - newest.last).days <= stale_after_days:
        return None
    return newest
