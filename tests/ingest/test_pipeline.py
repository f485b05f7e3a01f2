"""Incremental ingest against a real Chroma and the real model: counts stay exact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.ingest.chunking import chunk_document
from assistant.ingest.loaders import load_document
from assistant.ingest.units import split_units
from assistant.service import Services, ask, ingest_paths
from tests.pdf_fixtures import write_image_only_pdf, write_text_pdf


def expected_counts(corpus: Path) -> tuple[int, int]:
    passages = units = 0
    for f in sorted(corpus.rglob("*")):
        if f.suffix in (".txt", ".md", ".pdf", ".html"):
            chunks = chunk_document(load_document(f, f.relative_to(corpus).as_posix()))
            passages += len(chunks)
            units += sum(len(split_units(p.text, 0)) for p in chunks)
    return passages, units


def test_reingest_skips_unchanged_replaces_changed_and_removes_deleted(
    fresh_services: Services, corpus_copy: Path
) -> None:
    store = fresh_services.store
    first = ingest_paths(fresh_services, [corpus_copy])
    assert len(first.added) == 5 and not first.failed
    assert (store.count(), store.unit_count()) == expected_counts(corpus_copy)

    again = ingest_paths(fresh_services, [corpus_copy])
    assert len(again.unchanged) == 5 and not (again.added or again.updated or again.deleted)
    assert (store.count(), store.unit_count()) == expected_counts(corpus_copy)

    changed = corpus_copy / "udir-velge-kompetansetiltak.md"
    changed.write_text(
        changed.read_text("utf-8") + "\n\n## Nytt avsnitt\n\nEn helt ny setning om hospitering.\n"
    )
    report = ingest_paths(fresh_services, [corpus_copy])
    assert report.updated == ["udir-velge-kompetansetiltak.md"] and len(report.unchanged) == 4
    assert (store.count(), store.unit_count()) == expected_counts(corpus_copy)
    new_hash = load_document(changed, changed.name).content_hash
    hashes = {p.content_hash for p in store.passages() if p.document == changed.name}
    assert hashes == {new_hash}  # no orphans of the old version

    (corpus_copy / "statsforvalteren-nordland-kompetanseutvikling-2026.txt").unlink()
    report = ingest_paths(fresh_services, [corpus_copy])
    assert report.deleted == ["statsforvalteren-nordland-kompetanseutvikling-2026.txt"]
    assert (store.count(), store.unit_count()) == expected_counts(corpus_copy)
    assert fresh_services.retriever.size == store.count()


def test_bad_files_are_reported_and_skipped_and_nothing_indexed_is_lost(
    fresh_services: Services, corpus_copy: Path
) -> None:
    ingest_paths(fresh_services, [corpus_copy])
    before = sorted(p.id for p in fresh_services.store.passages())

    (corpus_copy / "skadet.pdf").write_bytes(b"%PDF-1.4 not a pdf")
    write_image_only_pdf(corpus_copy / "skannet.pdf")
    # A known document that turns unreadable keeps its previous chunks.
    (corpus_copy / "udir-velge-kompetansetiltak.md").write_bytes(b"\xff\xfe\x00broken")
    report = ingest_paths(fresh_services, [corpus_copy])

    codes = {Path(f.path).name: f.code for f in report.failed}
    assert codes == {
        "skadet.pdf": "unreadable_file",
        "skannet.pdf": "scanned_pdf",
        "udir-velge-kompetansetiltak.md": "unreadable_file",
    }
    assert sorted(p.id for p in fresh_services.store.passages()) == before


def test_missing_path_is_reported(fresh_services: Services, tmp_path: Path) -> None:
    report = ingest_paths(fresh_services, [tmp_path / "finnes-ikke.pdf"])
    assert [f.code for f in report.failed] == ["not_found"]


def test_pdf_answers_cite_the_right_page(fresh_services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    write_text_pdf(
        folder / "rundskriv.pdf",
        [
            ["Rundskriv om kompetansemidler", "Dette rundskrivet gjelder tilskudd til kompetanseutvikling."],
            ["Rapportering", "Fylkeskommunen skal rapportere om hospiteringsordningen innen 15. mars."],
        ],
    )
    ingest_paths(fresh_services, [folder])
    answer = ask(fresh_services, "Når skal fylkeskommunen rapportere om hospiteringsordningen?")
    assert not answer.abstained
    assert "15. mars" in answer.answer
    assert next(c.page for c in answer.citations if c.document == "rundskriv.pdf") == 2


def test_documents_are_written_in_groups_and_a_new_one_deletes_nothing(
    fresh_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each Chroma write has a fixed cost, so ingest writes many documents at once (eval/bench_scale.py).
    folder = tmp_path / "små"
    folder.mkdir()
    for i in range(6):
        (folder / f"notat-{i}.md").write_text(f"# Notat {i}\n\nTilskudd nummer {i} gis til kommunene.\n")
    store = fresh_services.store
    calls: dict[str, int] = {"upsert": 0, "delete_document": 0}
    for name in calls:
        method = getattr(store, name)

        def counted(*args: Any, _name: str = name, _method: Any = method, **kwargs: Any) -> Any:
            calls[_name] += 1
            return _method(*args, **kwargs)

        monkeypatch.setattr(store, name, counted)

    first = ingest_paths(fresh_services, [folder])
    assert len(first.added) == 6 and calls == {"upsert": 1, "delete_document": 0}
    assert (store.count(), store.unit_count()) == expected_counts(folder)

    # Unchanged: compared by content hash against one stored record per document (store.versions),
    # never reading every passage's metadata (store.documents), nothing written.
    monkeypatch.setattr(store, "documents", lambda: pytest.fail("an ingest reads store.versions()"))
    again = ingest_paths(fresh_services, [folder])
    assert len(again.unchanged) == 6 and calls == {"upsert": 1, "delete_document": 0}

    (folder / "notat-2.md").write_text("# Notat 2\n\nTilskuddet er avviklet.\n")
    second = ingest_paths(fresh_services, [folder])
    assert second.updated == ["notat-2.md"] and calls == {"upsert": 2, "delete_document": 1}
    assert (store.count(), store.unit_count()) == expected_counts(folder)  # the old version is gone
    assert [p.text for p in store.passages() if p.document == "notat-2.md"] == ["Tilskuddet er avviklet."]
