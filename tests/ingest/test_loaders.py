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
