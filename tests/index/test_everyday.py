from __future__ import annotations

import pytest

from assistant.index.everyday import unseen_share
from assistant.service import Services


@pytest.mark.parametrize("word", ["tilbake", "egentlig", "penger"])
def test_an_everyday_word_weighs_little(word: str) -> None:
    assert unseen_share(word) <= 0.35


@pytest.mark.parametrize("word", ["barnetrygd", "rørleggerbedrift", "xqzvbk"])
def test_a_rare_or_unknown_word_weighs_fully(word: str) -> None:
    assert unseen_share(word) == 1.0


def test_the_discount_touches_only_words_the_documents_lack(services: Services) -> None:
    lexical = services.retriever.lexical
    assert lexical.idf("tilbake", everyday=True) < 0.5 * lexical.idf("tilbake")
    assert lexical.idf("barnetrygd", everyday=True) == lexical.idf("barnetrygd")
    assert lexical.idf("samarbeidsforum", everyday=True) == lexical.idf("samarbeidsforum")


def test_an_everyday_word_does_not_drown_the_word_that_matters(services: Services) -> None:
    # "tilbake" is in no document; "rapportere" in one passage only
    hits = services.retriever.search("Hva må vi rapportere tilbake?", k=3)
    assert any("rapportere årlig" in h.passage.text for h in hits)


def test_whether_to_answer_is_judged_without_the_discount(services: Services) -> None:
    # "været" and "morgen" are everyday words, but the question is about them, not about Bodø's workshop
    hits = services.retriever.search("Hva blir været i Bodø i morgen?")
    assert max(h.coverage for h in hits[:3]) < services.settings.min_term_coverage
