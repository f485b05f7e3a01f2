"""A schedule's dated lines: the whole run for "when are they", the lines a question singles out for one."""

from __future__ import annotations

from assistant.answer.extractive import _Scored, _with_schedule
from assistant.ingest.units import Unit

LINES = [
    "18.03.26: Thon Partner Hotel Sortland",
    "19.03.26: Thon hotel Lofoten - Svolvær",
    "24.03.26: Thon hotel Brønnøysund",
    "09.04.26: Scandic Bodø",
]


def _run() -> dict[tuple[int, int], _Scored]:
    return {(1, i): _Scored(1.0, Unit(1, i, line, []), []) for i, line in enumerate(LINES)}


def _terms(text: str) -> set[str]:
    return {w.strip("?.:-").lower() for w in text.split()} - {""}


def _chosen(question: str, best_at: int) -> tuple[list[str], list[str]]:
    by_position = _run()
    best = by_position[(1, best_at)]
    lead, left_out = _with_schedule(best, [best], by_position, _terms(question), _terms)
    return [s.text for s in lead], [s.text for s in left_out]


def test_a_question_about_the_whole_schedule_gets_every_line() -> None:
    shown, left_out = _chosen("Når er workshopene i Nordland?", 0)
    assert shown == LINES and left_out == []


def test_a_place_only_one_line_has_gets_that_line_alone() -> None:
    shown, left_out = _chosen("Når er workshopen i Bodø?", 3)
    assert shown == ["09.04.26: Scandic Bodø"]
    assert len(left_out) == 3


def test_two_places_asked_get_their_two_lines_and_the_most_specific_line_wins() -> None:
    assert _chosen("Når er den i Sortland og Svolvær?", 0)[0] == LINES[:2]
    # "Thon hotel" is on three lines; "Lofoten" singles out one of them
    assert _chosen("Når er samlingen på Thon hotel Lofoten?", 1)[0] == [LINES[1]]


def test_words_no_line_has_single_out_nothing() -> None:
    assert _chosen("Når er workshopene våren 2026?", 2)[0] == LINES
