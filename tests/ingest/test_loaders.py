from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ScannedPdf, UnreadableFile, UnsupportedFile
from assistant.ingest.loaders import load_document, remove_boilerplate
from tests.conftest import CORPUS
from tests.pdf_fixtures import write_image_only_pdf, write_text_pdf

BOILERPLATE = [
    "Fant du det du lette etter?",
    "0/250",
    "Tusen takk for hjelpen!",
    "Vis mer",
    "Stockbilder",
    "Foto:",
]


@pytest.mark.parametrize("path", sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md")))
def test_corpus_documents_load_without_web_and_slide_boilerplate(path: Path) -> None:
    doc = load_document(path, path.name)
    text = "\n".join(p.text for p in doc.pages)
    lines = {line.strip() for line in text.split("\n")}
    for furniture in BOILERPLATE:
        assert furniture not in lines
    assert doc.title and doc.content_hash


def test_boilerplate_removal_keeps_real_lines_verbatim() -> None:
    raw = (
        "Tittel\n\nEn setning med  to mellomrom.\n\nFant du det du lette etter?\n\n0/250\n0/250"
        "\n\nVis mer\nSiste linje."
    )
    cleaned = remove_boilerplate(raw)
    assert "En setning med  to mellomrom." in cleaned
    assert "Fant du" not in cleaned and "0/250" not in cleaned and "Vis mer" not in cleaned
    assert cleaned.endswith("Siste linje.")


def test_front_matter_gives_metadata_and_stays_out_of_the_text() -> None:
    doc = load_document(CORPUS / "udir-velge-kompetansetiltak.md", "udir-velge-kompetansetiltak.md")
    assert doc.title == "Å velge kompetansetiltak"
    assert doc.publisher == "Utdanningsdirektoratet (Udir)"
    assert doc.published == "2026-01-22"
    assert "seed_file" not in doc.pages[0].text


def test_published_date_is_read_from_a_last_changed_line(tmp_path: Path) -> None:
    f = tmp_path / "artikkel.md"
    f.write_text("# Tittel\n\nARTIKKEL | Sist endret: 03.02.2025\n\nTekst her.\n", "utf-8")
    assert load_document(f, f.name).published == "2025-02-03"


def test_html_keeps_main_text_and_headings_and_drops_navigation(tmp_path: Path) -> None:
    f = tmp_path / "side.html"
    f.write_text(
        "<html><head><title>Om ordningen</title></head><body><nav>Meny Hjem Kontakt</nav>"
        "<main><h1>Om ordningen</h1><p>Ordningen gjelder barnehager.</p><h2>Målgruppe</h2>"
        "<p>Målgruppen er:</p><ul><li>lærere</li><li>ledere</li></ul></main>"
        "<footer>Fant du det du lette etter?</footer></body></html>",
        "utf-8",
    )
    doc = load_document(f, f.name)
    text = doc.pages[0].text
    assert doc.title == "Om ordningen"
    assert "## Målgruppe" in text and "- lærere\n- ledere" in text
    assert "Meny" not in text and "Fant du" not in text


def test_pdf_keeps_page_numbers_and_metadata(tmp_path: Path) -> None:
    pdf = write_text_pdf(
        tmp_path / "rundskriv.pdf", [["Forside", "Innledning."], ["Frist for rapport er 1. mars."]]
    )
    doc = load_document(pdf, pdf.name)
    assert [p.number for p in doc.pages] == [1, 2]
    assert "Frist for rapport" in doc.pages[1].text
    assert doc.title == "Testdokument" and doc.publisher == "Testforlaget"


def test_pdf_without_text_is_reported_as_scanned(tmp_path: Path) -> None:
    pdf = write_image_only_pdf(tmp_path / "skannet.pdf")
    with pytest.raises(ScannedPdf) as err:
        load_document(pdf, pdf.name)
    assert err.value.code == "scanned_pdf"
    assert "skannet" in err.value.message


def test_corrupt_pdf_is_unreadable_with_a_norwegian_message(tmp_path: Path) -> None:
    bad = tmp_path / "skadet.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises(UnreadableFile) as err:
        load_document(bad, bad.name)
    assert err.value.code == "unreadable_file"
    assert "skadet.pdf" in err.value.message


def test_non_utf8_text_is_unreadable(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Tilskudd til barnehager".encode("utf-16"))
    with pytest.raises(UnreadableFile):
        load_document(bad, bad.name)


def test_unsupported_file_type_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "regneark.xlsx"
    f.write_bytes(b"PK")
    with pytest.raises(UnsupportedFile) as err:
        load_document(f, f.name)
    assert err.value.code == "unsupported_file" and ".xlsx" in err.value.message


def test_markdown_title_is_its_first_heading_not_a_comment_or_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "notat.md"
    f.write_text(
        "<!-- Lagret fra nettsiden 03.02.2025 -->\n---\ntitle: Gammel tittel\npublisher: Udir\n---\n\n"
        "Innledende linje.\n\n# Å velge tiltak\n\nTekst her.\n\n<!-- intern merknad\nover to linjer -->\n\n"
        "## Mer\n\nMer tekst.\n",
        "utf-8",
    )
    doc = load_document(f, f.name)
    text = doc.pages[0].text
    assert doc.title == "Å velge tiltak"
    assert doc.publisher == "Udir"  # the front matter after the comment is still read
    assert "<!--" not in text and "merknad" not in text and "publisher" not in text
    assert text.startswith("Innledende linje.")


def test_markdown_without_a_level_one_heading_falls_back_to_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "notat.md"
    f.write_text("<!-- kommentar -->\n---\ntitle: Notat om tilskudd\n---\n## Bakgrunn\n\nTekst.\n", "utf-8")
    assert load_document(f, f.name).title == "Notat om tilskudd"


def test_front_matter_that_is_not_yaml_stays_out_of_text_and_title(tmp_path: Path) -> None:
    f = tmp_path / "side.txt"
    f.write_text("---\ntitle: [ikke lukket\n---\nTilskudd til barnehager\n\nTekst her.\n", "utf-8")
    doc = load_document(f, f.name)
    assert doc.title == "Tilskudd til barnehager"
    assert "ikke lukket" not in doc.pages[0].text


def test_text_captured_from_slides_keeps_its_pages(tmp_path: Path) -> None:
    f = tmp_path / "lysark.txt"
    f.write_text(
        " • Punkt en\n\nFørste tittel\n • Punkt to\n\nAndre tittel\n Foto:\n\n- Punkt tre\n\nTredje tittel\n",
        "utf-8",
    )
    doc = load_document(f, f.name)
    assert [p.text.split("\n")[-1] for p in doc.pages] == ["Første tittel", "Andre tittel", "Tredje tittel"]
    assert all(p.number is None for p in doc.pages)  # no page numbers the file itself does not have


def test_indented_list_items_of_web_text_do_not_split_pages(tmp_path: Path) -> None:
    f = tmp_path / "side.txt"
    f.write_text(
        "Side\n\nOrdningen omfatter:\n\n • Regional ordning\n • Desentralisert ordning\n\nMålgrupper\n\n"
        "Omfatter:\n • lærere\n • ledere\n",
        "utf-8",
    )
    assert len(load_document(f, f.name).pages) == 1
