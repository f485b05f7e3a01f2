from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.chunking import chunk_document
from assistant.ingest.loaders import load_document
from assistant.models import Document, Page, Passage
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


def test_a_list_whose_lead_in_fills_a_passage_is_split_as_text() -> None:
    # The lead-in is repeated before each part of a long list; one that leaves no room for the items
    # once made the splitter fail (a negative size), which stopped the whole ingest.
    lead = "Dette er en innledning om kompetanseutvikling i barnehagen, med mange ord i seg. " * 13
    items = "".join(f"- punkt {i} om tilskudd til etterutdanning for ansatte\n" for i in range(12))
    doc = Document("liste.txt", "Liste", [Page(f"Liste\n\n{lead.strip()}\n{items}")], "h" * 64)
    passages = chunk_document(doc, max_chars=1000)
    assert len(passages) > 1
    assert all(len(p.text) <= 1000 for p in passages)
    text = "\n".join(p.text for p in passages)
    assert all(f"punkt {i} om tilskudd til etterutdanning for ansatte" in text for i in range(12))


def test_a_bare_lead_in_naming_the_paragraph_before_it_stays_with_that_paragraph() -> None:
    # «Tilskuddsordningen omfatter:» says the subject of the paragraph above it again; apart from it, the
    # list would not say whose it is. A lead-in with a subject of its own may start a passage.
    said_again = (
        "Tilskuddsordning for lokal kompetanseutvikling i fagskolen skal bidra til bedre kvalitet.\n\n"
        "Tilskuddsordningen omfatter:\n\n • Desentralisert ordning for fagskoler"
    )
    own_subject = (
        "Målet er bedre kvalitet i fagskolen.\n\nSamarbeidsforumet skal samarbeide med:\n\n • arbeidslivet"
    )
    for body, together in ((said_again, True), (own_subject, False)):
        first_line = body.split("\n\n")[0]
        # Text above that leaves room for the first paragraph in the passage, not for the list too.
        filler = "Et avsnitt om noe annet " + "ord " * ((990 - len(first_line)) // 4 - 7) + "her."
        page = Page(f"Side\n\n{filler}\n\n{body}")
        passages = chunk_document(Document("d.txt", "Side", [page], "h" * 64), max_chars=1000)
        [holder] = [p for p in passages if first_line in p.text]
        assert (" • " in holder.text.replace("\n", " ")) is together, holder.text


def test_pdf_passages_keep_their_page(tmp_path: Path) -> None:
    from tests.pdf_fixtures import write_text_pdf

    pdf = write_text_pdf(
        tmp_path / "r.pdf", [["Forside", "Om rundskrivet."], ["Frist", "Fristen er 1. mars."]]
    )
    passages = chunk_document(load_document(pdf, pdf.name))
    assert {p.page for p in passages if "Fristen er 1. mars." in p.text} == {2}


# --- slide decks: titles after their content ----------------------------------------------------------

DECK = "Lysark"


def _deck(*pages: str) -> list[Passage]:
    return chunk_document(Document("lysark.txt", DECK, [Page(p) for p in pages], "d" * 64))


def _section_of(passages: list[Passage], text: str) -> str:
    [p] = [p for p in passages if text in p.text]
    return p.section


def test_a_slide_title_after_its_content_heads_the_slide() -> None:
    passages = _deck(
        " • Alle eiere kan melde behov\n• Behovene prioriteres i forumet\n\nMelde behov",
        " Frist: 1. mars\n\nDato høst: 12. september\n\nViktige datoer",
        " • Nettverket møtes fire ganger\n\nNettverk",
    )
    assert _section_of(passages, "Alle eiere kan melde behov") == f"{DECK} > Melde behov"
    assert _section_of(passages, "Nettverket møtes") == f"{DECK} > Nettverk"
    # The "Label: value" facts and their slide title share one passage, in source order.
    [dates] = [p for p in passages if "Frist: 1. mars" in p.text]
    assert dates.section == f"{DECK} > Viktige datoer"
    assert dates.text.endswith("Viktige datoer") and "Dato høst: 12. september" in dates.text


def test_a_bottom_title_below_a_top_title_heads_the_fact_lines_above_it() -> None:
    passages = _deck(
        " Langsiktig plan\n • Partnerskap\n\n• Retningslinjer\n\n"
        "Det kommer et utkast til ny plan for kompetanseutvikling i barnehage og skole i februar\n\n"
        "18.03.26: Hotell Sortland\n\n19.03.26: Hotell Svolvær\n\nWorkshop II – Vår 2026",
        " • Innledning\n\nOm planen",
        " • Sammendrag\n\nOppsummering",
    )
    assert _section_of(passages, "Partnerskap") == f"{DECK} > Langsiktig plan"
    assert _section_of(passages, "Det kommer et utkast") == f"{DECK} > Langsiktig plan"
    assert _section_of(passages, "18.03.26: Hotell Sortland") == f"{DECK} > Workshop II – Vår 2026"


def test_a_top_title_with_nothing_of_its_own_is_a_sub_heading_of_the_bottom_title() -> None:
    passages = _deck(
        " Neste møte\n\n- 20.02 – teams\n\n- Dato høst:\n\nMøteplan",
        " • Innledning\n\nOm planen",
        " • Sammendrag\n\nOppsummering",
    )
    [p] = [p for p in passages if "20.02 – teams" in p.text]
    assert p.section == f"{DECK} > Møteplan > Neste møte"
    assert "Dato høst:" in p.text and p.text.endswith("Møteplan")


def test_a_slide_without_a_title_does_not_inherit_the_title_before_it() -> None:
    passages = _deck(
        " • Innledning\n\nOm planen", " - Samlinger\n\n- Workshop", " • Sammendrag\n\nOppsummering"
    )
    assert _section_of(passages, "Samlinger") == DECK


def test_a_report_with_one_heading_at_a_page_bottom_is_not_read_as_a_deck() -> None:
    passages = _deck(
        "Innledning\n\nRapporten gjelder barnehager.\n\nTilskudd",
        "Tilskuddet fordeles etter søknad.",
        "Fristen er 1. mars.",
    )
    # The heading at the bottom of page 1 heads what follows it, as in any document.
    assert _section_of(passages, "Tilskuddet fordeles") == f"{DECK} > Tilskudd"


def test_repeated_page_footers_are_not_slide_titles() -> None:
    passages = _deck("Tilskuddet fordeles etter søknad.\n\nSide 1", "Fristen er 1. mars.\n\nSide 2")
    assert _section_of(passages, "Tilskuddet fordeles") == DECK


def test_a_captured_slide_deck_is_read_page_by_page(tmp_path: Path) -> None:
    deck = tmp_path / "lysark.txt"
    deck.write_text(
        "---\ntitle: Lysark\n---\n Stockbilder\n • Alle eiere kan melde behov\n\nMelde behov\n"
        " Foto:\n\nFrist: 1. mars\n\nDato høst: 12. september\n\nViktige datoer\n"
        " • Nettverket møtes fire ganger\n\nNettverk\n",
        "utf-8",
    )
    passages = chunk_document(load_document(deck, deck.name))
    assert _section_of(passages, "Alle eiere") == "Lysark > Melde behov"
    assert _section_of(passages, "Frist: 1. mars") == "Lysark > Viktige datoer"
    assert _section_of(passages, "Nettverket møtes") == "Lysark > Nettverk"


# --- web text -----------------------------------------------------------------------------------------


def test_a_title_line_above_label_lines_is_their_heading() -> None:
    doc = Document(
        "side.txt", "Side", [Page("Side\n\nSøknad\nFrist: 1. mars\nDato høst: 12. september")], "h" * 64
    )
    [p] = chunk_document(doc)
    assert p.section == "Side > Søknad" and "Frist: 1. mars" in p.text


def test_a_read_more_link_naming_the_heading_closes_its_section() -> None:
    text = (
        "Side\n\nHospiteringsordning\n\n"
        "Lærere kan hospitere i en bedrift. Les mer om hospiteringsordning.\n\n"
        "Kommuner med svake resultater får tilbud om veiledning.\n\n"
        "Yrkesfaglærer 2\n\nMidlene henter fagfolk inn."
    )
    passages = chunk_document(Document("side.txt", "Side", [Page(text)], "h" * 64))
    assert _section_of(passages, "Lærere kan hospitere") == "Side > Hospiteringsordning"
    assert _section_of(passages, "Kommuner med svake resultater") == "Side"
    assert _section_of(passages, "Midlene henter") == "Side > Yrkesfaglærer 2"


def test_a_link_to_another_topic_does_not_close_the_section() -> None:
    text = "Side\n\nRetningslinjer\n\nDu kan lese om hvordan dere planlegger\n\nMålgruppen er lærere."
    passages = chunk_document(Document("side.txt", "Side", [Page(text)], "h" * 64))
    assert _section_of(passages, "Målgruppen er lærere.") == "Side > Retningslinjer"


def test_a_news_list_without_blank_lines_gives_one_dated_item_per_dateline() -> None:
    text = (
        "Nyheter\n\nPublisert 12.05.2021\n"
        "164 millioner kroner til kompetanseutvikling i barnehager og skoler i Oslo\n"
        "Gjennom ordningen er det fordelt 164 millioner kroner.\nPublisert 28.01.2021\n"
        "Samarbeidsforum etablert\nDet er nå etablert to samarbeidsforum."
    )
    passages = chunk_document(Document("nyheter.txt", "Nyheter", [Page(text)], "h" * 64))
    [first] = [p for p in passages if "164 millioner kroner." in p.text]
    [second] = [p for p in passages if "to samarbeidsforum" in p.text]
    assert first.published == "2021-05-12" and second.published == "2021-01-28"
    assert first.section.endswith(
        "164 millioner kroner til kompetanseutvikling i barnehager og skoler i Oslo"
    )
    assert second.section == "Nyheter > Samarbeidsforum etablert"
    assert "Publisert 28.01.2021" not in first.text


def test_a_pdf_slide_deck_gets_its_titles_from_the_bottom_of_each_page(tmp_path: Path) -> None:
    from tests.pdf_fixtures import write_text_pdf

    pdf = write_text_pdf(
        tmp_path / "lysark.pdf",
        [
            ["• Alle eiere kan melde behov", "Melde behov"],
            ["Frist: 1. mars", "Dato høst: 12. september", "Viktige datoer"],
            ["• Nettverket møtes fire ganger", "Nettverk"],
        ],
        title="Lysark",
    )
    passages = chunk_document(load_document(pdf, pdf.name))
    [dates] = [p for p in passages if "Frist: 1. mars" in p.text]
    assert (dates.section, dates.page) == ("Lysark > Viktige datoer", 2)
    assert "Dato høst: 12. september" in dates.text
    assert _section_of(passages, "Nettverket møtes") == "Lysark > Nettverk"
