from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.chunking import chunk_document
from assistant.ingest.loaders import load_document
from assistant.models import Document, Page
from tests.conftest import CORPUS, normalize

DOCS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md"))


def _passages(name: str):  # type: ignore[no-untyped-def]
    return chunk_document(load_document(CORPUS / name, name))


@pytest.mark.parametrize("path", DOCS)
def test_passages_are_short_and_verbatim(path: Path) -> None:
    doc = load_document(path, path.name)
    source = normalize("\n".join(p.text for p in doc.pages))
    passages = chunk_document(doc)
    assert passages
    for p in passages:
        assert len(p.text) <= 1000
        # Every block of a passage is verbatim source text (a long list may repeat its lead-in).
        for block in p.text.split("\n\n"):
            assert normalize(block) in source


def test_heading_breadcrumb_is_stored_for_web_text() -> None:
    [p] = [
        p
        for p in _passages("statsforvalteren-oslo-viken-lokal-kompetanseutvikling.txt")
        if "Det er samarbeidsforum i fylkene" in p.text
    ]
    assert (
        p.section
        == "Lokal kompetanseutvikling i barnehage og grunnopplæring > Samarbeidsforum prioriterer tiltak"
    )
    assert p.contextual_text.startswith(p.section)


def test_markdown_headings_make_the_breadcrumb() -> None:
    sections = {p.section for p in _passages("udir-velge-kompetansetiltak.md")}
    assert "Å velge kompetansetiltak > Roller og ansvar" in sections


def test_bullet_list_stays_with_its_lead_in() -> None:
    [p] = [
        p
        for p in _passages("udir-tilskuddsordning-fag-og-yrkesopplaering.txt")
        if "Målgrupper for kompetansetiltakene i tilskuddsordningen er:" in p.text
    ]
    assert "prøvenemndsmedlemmer" in p.text and "instruktører og faglige ledere" in p.text


def test_dated_news_items_carry_their_own_date() -> None:
    [p] = [
        p for p in _passages("statsforvalteren-oslo-viken-lokal-kompetanseutvikling.txt") if "178,4" in p.text
    ]
    assert p.published == "2022-07-08"  # "Publisert 11.04.2022, Sist endret 08.07.2022"
    assert p.section.endswith("178,4 millioner kroner til kompetansetiltak i barnehager og skoler!")


def test_an_overlong_paragraph_is_split_at_sentences() -> None:
    sentence = "Dette er en setning om kompetanseutvikling i barnehagen som gjentas mange ganger. "
    doc = Document("lang.txt", "Lang", [Page("Lang\n\n" + sentence * 40)], "h" * 64)
    passages = chunk_document(doc, max_chars=1000)
    assert len(passages) > 1
    assert all(len(p.text) <= 1000 for p in passages)
    assert all(p.text.strip().endswith(".") for p in passages)


def test_pdf_passages_keep_their_page(tmp_path: Path) -> None:
    from tests.pdf_fixtures import write_text_pdf

    pdf = write_text_pdf(
        tmp_path / "r.pdf", [["Forside", "Om rundskrivet."], ["Frist", "Fristen er 1. mars."]]
    )
    passages = chunk_document(load_document(pdf, pdf.name))
    assert {p.page for p in passages if "Fristen er 1. mars." in p.text} == {2}
