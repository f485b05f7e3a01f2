from __future__ import annotations

from assistant.index.lexical import Analyzer, Glossary, LexicalIndex, stem, words
from assistant.models import Passage
from assistant.service import Services
from tests.conftest import CORPUS


def _p(i: int, text: str, section: str = "") -> Passage:
    return Passage(f"d::{i}", "d.md", "D", section, text, i, "h")


def test_compounds_split_into_words_the_corpus_uses() -> None:
    analyzer = Analyzer.from_texts(["Midler til kompetanseutvikling og kompetanse i utvikling."])
    parts = analyzer.compound_parts("kompetanseutviklingsmidler")
    assert "kompetanseutvikling" in parts and "midler" in parts
    assert "kompetanse" in parts and "utvikling" in parts
    assert analyzer.compound_parts("barnetrygd") == []


def test_compound_query_finds_passage_with_the_parts() -> None:
    index = LexicalIndex(
        [_p(0, "Søknad om kompetanseutvikling og midler."), _p(1, "Hospitering i bedrift.")], Glossary()
    )
    scores = index.scores("kompetanseutviklingsmidler")
    assert scores[0] > 0 and scores[1] == 0


def test_stemming_matches_inflections() -> None:
    assert stem("barnehagene") == stem("barnehager")
    index = LexicalIndex([_p(0, "Barnehagene melder behov."), _p(1, "Skolen.")], Glossary())
    assert index.scores("barnehager")[0] > 0


def test_glossary_expands_abbreviations_and_synonyms() -> None:
    glossary = Glossary.load(CORPUS / "glossary.yaml")
    assert "Regional ordning for kompetanseutvikling i barnehage" in glossary.expansions("Hva er Rekom?")
    assert "PP-tjenesten" in glossary.expansions("Gjelder det PPT?")
    index = LexicalIndex(
        [
            _p(0, "Ansatte i PP-tjenesten kan delta."),
            _p(1, "Regional ordning for kompetanseutvikling i barnehage."),
        ],
        glossary,
    )
    assert index.scores("PPT")[0] > index.scores("PPT")[1]
    assert index.scores("Rekom")[1] > index.scores("Rekom")[0]


def test_missing_glossary_means_no_expansion(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert Glossary.load(tmp_path / "finnes-ikke.yaml").expansions("Rekom") == []


def test_coverage_weighs_rare_words(services: Services) -> None:
    cov, _ = services.retriever.lexical.coverages("Hvordan søker jeg om barnetrygd?")
    assert cov.max() < 0.5


def test_a_word_the_documents_never_use_weighs_what_its_synonym_does() -> None:
    """ "penger" is unknown to the documents, but its glossary synonym "midler" is everywhere: as rare
    as an unknown word it would outweigh every other word of the question."""
    passages = [_p(i, f"Midler til tiltak nummer {i}.") for i in range(5)] + [_p(5, "Hospitering i bedrift.")]
    index = LexicalIndex(passages, Glossary((("midler", "penger"),)))
    weights = dict(
        zip(
            ["penger", "hospitering"],
            (w for _, w in index.weighted_query_sets("penger hospitering")),
            strict=True,
        )
    )
    assert weights["penger"] == index.idf("midler") < weights["hospitering"]
    unknown = LexicalIndex(passages, Glossary())
    assert unknown.weighted_query_sets("penger", everyday=False)[0][1] == unknown.idf("barnetrygd")
    # ranking by meaning: an everyday word the documents lack weighs less than a rare one
    assert unknown.weighted_query_sets("penger")[0][1] < unknown.idf("barnetrygd", everyday=True)


def test_a_verb_finds_its_verbal_noun_and_back() -> None:
    index = LexicalIndex(
        [_p(0, "De har ansvaret for koordinering av samarbeidsforum."), _p(1, "Skolen vurderer behovet.")],
        Glossary(),
    )
    koordinerer = {t for s in index.query_term_sets("koordinerer") for t in s}
    assert stem("koordinering") in koordinerer
    vurdering = {t for s in index.query_term_sets("vurdering") for t in s}
    assert stem("vurderer") in vurdering
    # Only forms the documents use: no made-up "skoleing".
    assert {t for s in index.query_term_sets("skole") for t in s} == {stem("skole")}


def test_a_word_of_a_glossary_phrase_in_the_text_gets_the_phrases_synonyms() -> None:
    """«en periode i en bedrift» is hospitering: its "periode" is said by «hospitere», but not alone, and the
    text's own words ("bedrift") are no synonym of it."""
    glossary = Glossary((("hospitering", "hospitere", "periode i en bedrift"),))
    index = LexicalIndex([_p(0, "Lærere kan hospitere i en bedrift."), _p(1, "Skolen.")], glossary)
    found = index.phrase_synonyms("periode", "Kan lærere få være en periode i en bedrift?")
    assert stem("hospitere") in found and stem("bedrift") not in found
    assert not index.phrase_synonyms("periode", "Hvor lang er perioden?")
    # a long name's other words are no synonym of one of its words
    named = Glossary((("Dekom", "desentralisert ordning", "ordning for kompetanseutvikling i skolen"),))
    found = LexicalIndex([_p(0, "Dekom gir kompetanseutvikling.")], named).phrase_synonyms(
        "desentralisert", "Gjelder desentralisert ordning for SFO?"
    )
    assert found == {stem("dekom")}


def test_index_read_once_per_passage_holds_what_reading_each_text_gives(services: Services) -> None:
    """The snapshot reads each passage's words once; its vocabulary, postings and short words are those
    of the plain per-text reads."""
    passages, glossary = services.retriever.passages, services.retriever.glossary
    index = LexicalIndex(passages, glossary)
    glossary_terms = [t for g in glossary.groups for t in g]
    plain = Analyzer.from_texts([p.contextual_text for p in passages] + glossary_terms)
    assert index.analyzer.vocabulary == plain.vocabulary and len(plain.vocabulary) > 500
    postings: dict[str, list[int]] = {}
    for i, p in enumerate(passages):
        for t in set(plain.terms(p.contextual_text)):
            postings.setdefault(t, []).append(i)
    assert {t: rows.tolist() for t, rows in index._postings.items()} == postings
    short = {w for p in passages for w in words(p.contextual_text) if len(w) < 4}
    assert index._short_words == short | {w for t in glossary_terms for w in words(t)}
