from __future__ import annotations

import pytest

from assistant.service import Services, search


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_every_mode_finds_samarbeidsforum(services: Services, mode: str) -> None:
    hits = services.retriever.search("Hvem prioriterer hvilke tiltak som får tilskudd?", 5, mode)  # type: ignore[arg-type]
    assert any("samarbeidsforum i fylkene som prioriterer" in h.passage.text for h in hits)


def test_hits_are_ranked_with_their_evidence(services: Services) -> None:
    hits = search(services, "Er prøvenemndsmedlemmer målgruppe for ordningen i fag- og yrkesopplæring?", k=3)
    assert len(hits) == 3
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert "prøvenemndsmedlemmer" in hits[0].passage.text
    assert hits[0].dense > 0 and hits[0].coverage > 0.5


def test_nynorsk_question_finds_the_bokmal_passage(services: Services) -> None:
    hits = search(services, "Kven har sekretariatsansvaret for samarbeidsforum?", k=3)
    assert any("sekretariatsansvar" in h.passage.text for h in hits)
