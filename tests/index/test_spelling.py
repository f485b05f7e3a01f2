"""Typos read as the documents' words, against the real corpus's vocabulary and a small one."""

from __future__ import annotations

from assistant.index.lexical import Glossary, LexicalIndex
from assistant.index.spelling import correct, nearest
from assistant.models import Passage
from assistant.service import Services


def _index(*texts: str) -> LexicalIndex:
    passages = [Passage(f"d::{i}", "d.md", "D", "", t, i, "h") for i, t in enumerate(texts)]
    return LexicalIndex(passages, Glossary())


def test_a_typo_is_read_as_the_word_a_keystroke_away() -> None:
    index = _index("Instruktører og faglige ledere er i målgruppen.", "Tiltak på eiernivå.")
    assert correct("Er instruktrer i målgrupen?", index) == "Er instruktører i målgruppen?"
    assert correct("Instruktrer også?", index) == "Instruktører også?"  # the capital is kept


def test_a_compound_split_in_two_is_joined_when_the_documents_use_it_whole() -> None:
    index = _index("Tiltak på eiernivå.")
    assert correct("Kan det brukes på eier nivå?", index) == "Kan det brukes på eiernivå?"
    assert correct("Kan det brukes på eier plan?", index) == "Kan det brukes på eier plan?"


def test_words_near_none_or_other_words_are_left() -> None:
    index = _index("Programmering i skolen.", "Lærere som legger til rette.")
    assert correct("Vi er i Trøndelag.", index) == "Vi er i Trøndelag."
    # Another form of a word is not a typo of it; a short word is too often another real word.
    assert nearest("programmer", ["programmering"]) is None
    assert correct("Hvor ligger det?", index) == "Hvor ligger det?"


def test_two_words_equally_near_are_no_reading() -> None:
    assert nearest("kompetanse", ["kompetansen", "kompetanse"]) is None  # a form of the word
    assert nearest("kartlegingen", ["kartleggingen", "kartleiingen"]) is None


def test_the_real_vocabulary_reads_everyday_typos(services: Services) -> None:
    lexical = services.retriever.lexical
    assert correct("fylkeskomunen og univeristeter", lexical) == "fylkeskommunen og universiteter"


def test_another_ending_is_another_form_not_a_typo() -> None:
    assert nearest("nasjonalt", ["nasjonale"]) is None
    assert nearest("spesialpedagogisk", ["spesialpedagogikk"]) is None
    assert nearest("kompetanseutviking", ["kompetanseutvikling"]) == "kompetanseutvikling"


def test_a_ranking_first_part_is_read_as_the_documents_word_it_ranks() -> None:
    """ "hovedkriteriene" is their «kriteriene»; a word of theirs with «hoved-» stays, and so does one whose
    rest they don't use."""
    index = _index("Ordningen har to sentrale kriteriene.", "Som hovedregel ikke.")
    assert correct("Hva er hovedkriteriene?", index) == "Hva er kriteriene?"
    assert correct("Hovedkriteriene?", index) == "Kriteriene?"
    assert correct("Hva er hovedregelen?", index) == "Hva er hovedregelen?"
    assert correct("Hva er hovedstyret?", index) == "Hva er hovedstyret?"
