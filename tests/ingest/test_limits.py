"""Bounds on one document's ingest: each refuses early, with the file's own name in the message, and
hostile front matter and PDFs end as Norwegian errors. No index is needed: `prepare` touches no store."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.errors import DocumentTooLarge, EncryptedPdf, IngestTimeout, InvalidFrontMatter, UnreadableFile
from assistant.index.embedders import Embedder
from assistant.ingest.limits import Budget, IngestLimits
from assistant.ingest.loaders import FIELD_MAX_CHARS, load_document
from assistant.ingest.pipeline import prepare
from tests.pdf_fixtures import encrypted_pdf, many_pages_pdf, write_text_pdf


class NoEmbedder:
    """Fails the test if anything gets as far as embedding."""

    name, dim = "none", 384

    def embed_query(self, text: str) -> None:
        raise AssertionError("embedded a query")

    def embed_passages(self, texts: list[str]) -> None:
        raise AssertionError(f"embedded {len(texts)} texts of a document that should have been refused")


def test_a_10_mb_one_line_text_is_refused_before_it_is_chunked() -> None:
    # Once 11,000 passages and 134,000 units; chunking alone took seconds.
    data = ("Dette er en setning om kompetanseutvikling i skolen. " * 200_000)[:10_000_000].encode()
    start = time.perf_counter()
    with pytest.raises(DocumentTooLarge) as refused:
        prepare(Path("lang.md"), "uploads/lang.md", data, NoEmbedder(), 1000, IngestLimits())  # type: ignore[arg-type]
    assert "«lang.md»" in refused.value.message and "2000 tekstbiter" in refused.value.message
    assert time.perf_counter() - start < 5  # load and a length check, no chunking (about 1 s here)


def test_a_1000_page_pdf_is_refused_before_a_page_is_read() -> None:
    data = many_pages_pdf(1000)
    start = time.perf_counter()
    with pytest.raises(DocumentTooLarge) as refused:
        load_document(Path("rapport.pdf"), "rapport.pdf", data, Budget(IngestLimits(), "rapport.pdf"))
    assert "1000 sider" in refused.value.message and "500" in refused.value.message
    assert time.perf_counter() - start < 5  # counting takes a fraction of a second; reading took 105 s
    assert len(load_document(Path("kort.pdf"), "kort.pdf", many_pages_pdf(3)).pages) == 3


@pytest.mark.parametrize(
    ("limits", "error"),
    [
        (IngestLimits(max_passages=1), DocumentTooLarge),
        (IngestLimits(max_units=1), DocumentTooLarge),
        (IngestLimits(max_seconds=1e-9), IngestTimeout),
    ],
)
def test_each_limit_refuses_a_document_over_it(
    limits: IngestLimits, error: type[Exception], embedder: Embedder
) -> None:
    text = (
        "# Kystskoler\n\n## Tilskudd\n\nTilskuddet gir 12 000 kroner. Det gjelder alle.\n\n"
        "## Kurs\n\nKurs i sjøsikkerhet.\n"
    )
    with pytest.raises(error):
        prepare(Path("kyst.md"), "kyst.md", text.encode(), NoEmbedder(), 1000, limits)  # type: ignore[arg-type]
    prepared = prepare(Path("kyst.md"), "kyst.md", text.encode(), embedder, 1000, IngestLimits())
    passages, units = len(prepared.passages), len(prepared.units)
    assert (passages, units) == (2, 5)  # within the defaults, over the limits above
    assert prepared.vectors.shape == (passages, embedder.dim)
    assert prepared.unit_vectors.shape == (units, embedder.dim)


def test_a_file_with_only_a_heading_yields_no_passage_and_is_refused() -> None:
    with pytest.raises(UnreadableFile) as refused:
        prepare(Path("tom.md"), "tom.md", b"# Bare en overskrift\n", NoEmbedder(), 1000, IngestLimits())  # type: ignore[arg-type]
    assert "«tom.md»" in refused.value.message


def test_front_matter_with_aliases_is_refused_before_anything_expands() -> None:
    laughs = (
        "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(
            f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + "title: [*i, *i, *i, *i]\n---\nTekst.\n"
    )  # 9**9 * 4 "lol"s: about 30 GB as text
    start = time.perf_counter()
    with pytest.raises(InvalidFrontMatter) as refused:
        load_document(Path("latter.md"), "latter.md", laughs.encode())
    assert "aliaser" in refused.value.message and "«latter.md»" in refused.value.message
    assert time.perf_counter() - start < 1


def test_front_matter_is_capped_in_size_and_per_field() -> None:
    fine = f"---\ntitle: {'T' * FIELD_MAX_CHARS}\n---\nTekst.\n"
    assert load_document(Path("ok.txt"), "ok.txt", fine.encode()).title == "T" * FIELD_MAX_CHARS
    long_field = f"---\npublisher: {'P' * (FIELD_MAX_CHARS + 1)}\n---\nTekst.\n"
    with pytest.raises(InvalidFrontMatter, match="publisher"):
        load_document(Path("lang.txt"), "lang.txt", long_field.encode())
    huge = "---\n" + "note: x\n" * 3000 + "---\nTekst.\n"
    with pytest.raises(InvalidFrontMatter, match="for lang"):
        load_document(Path("stor.md"), "stor.md", huge.encode())


def test_a_title_read_from_the_text_is_cut_short() -> None:
    doc = load_document(Path("t.md"), "t.md", ("# " + "Ord " * 500 + "\n\nTekst.\n").encode())
    assert len(doc.title) == FIELD_MAX_CHARS


def test_a_pdf_protected_only_against_changes_still_reads(tmp_path: Path) -> None:
    # An owner password with an empty user password: any reader opens it, and so do we.
    source = write_text_pdf(tmp_path / "kilde.pdf", [["Fjordtilskuddet gir 9 000 kroner per skole."]])
    doc = load_document(Path("fjord.pdf"), "fjord.pdf", encrypted_pdf(source, ""))
    assert "Fjordtilskuddet" in doc.pages[0].text
    with pytest.raises(EncryptedPdf, match=r"«fjord\.pdf»"):
        load_document(Path("fjord.pdf"), "fjord.pdf", encrypted_pdf(source, "hemmelig"))
