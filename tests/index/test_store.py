from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.config import Settings
from assistant.index.store import UnitRecord, build_store
from assistant.models import Passage


def _passage(i: int, page: int | None = None) -> Passage:
    return Passage(f"doc.md::h::{i}", "doc.md", "Tittel", "Tittel > Del", f"Tekst {i}", i, "h", page=page)


def test_collections_are_separate_per_embedder_and_metadata_round_trips(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    a = build_store(settings, "model-a")
    b = build_store(settings, "model-b")
    vec = np.eye(3, dtype=np.float32)[:2]
    a.upsert(
        [_passage(0), _passage(1, page=4)],
        vec,
        {"root": "/x"},
        [UnitRecord("doc.md::h::0", 0, "doc.md")],
        vec[:1],
    )
    assert (a.count(), b.count()) == (2, 0)
    stored = {p.id: p for p in a.passages()}
    assert stored["doc.md::h::1"].page == 4 and stored["doc.md::h::0"].page is None
    assert stored["doc.md::h::0"].url is None
    assert a.query(np.array([1, 0, 0], dtype=np.float32), 1)[0][0] == "doc.md::h::0"
    units = a.query_units(np.array([1, 0, 0], dtype=np.float32), 5)
    assert [(pid, pos) for pid, pos, _ in units] == [("doc.md::h::0", 0)]


def test_delete_document_keeps_the_passages_asked_for(tmp_path: Path) -> None:
    store = build_store(Settings(data_dir=tmp_path), "m")
    vec = np.eye(3, dtype=np.float32)
    units = [UnitRecord(f"doc.md::h::{i}", 0, "doc.md") for i in range(3)]
    store.upsert([_passage(i) for i in range(3)], vec, {}, units, vec)
    store.delete_document("doc.md", keep={"doc.md::h::2"})
    assert [p.id for p in store.passages()] == ["doc.md::h::2"]
    assert store.unit_count() == 1


def test_a_collection_past_sqlites_variable_limit_is_read_whole(tmp_path: Path) -> None:
    # Reading every record in one get failed past 32,766 records ("too many SQL variables"): about 10k
    # passages' units, so a corpus of that size could not start (eval/bench_scale.py found it).
    store = build_store(Settings(data_dir=tmp_path), "m")
    n = 33_000
    vectors = np.random.default_rng(0).standard_normal((n, 2)).astype(np.float32)
    passage = _passage(0)
    store.upsert([passage], vectors[:1], {}, [], vectors[:0])
    for start in range(0, n, 5000):
        units = [UnitRecord(passage.id, i, "doc.md") for i in range(start, min(n, start + 5000))]
        store.upsert([], vectors[:0], {}, units, vectors[start : start + len(units)])
    keys, matrix = store.unit_vectors()
    assert len(keys) == n and matrix.shape == (n, 2)
    assert sorted(position for _, position in keys) == list(range(n))
    assert [p.id for p in store.passages()] == [passage.id] and store.documents()["doc.md"].chunks == 1


def test_versions_read_one_record_per_document(tmp_path: Path) -> None:
    store = build_store(Settings(data_dir=tmp_path), "m")
    vec = np.eye(3, dtype=np.float32)
    other = Passage("annet.md::g::0", "annet.md", "Annet", "Annet", "Tekst", 0, "g")
    store.upsert([_passage(0), _passage(1), _passage(2)], vec, {"root": "/x"}, [], vec[:0])
    store.upsert([other], vec[:1], {"root": "/y"}, [], vec[:0])
    versions = store.versions()
    assert {(v.document, v.content_hash, v.root) for v in versions.values()} == {
        ("doc.md", "h", "/x"),
        ("annet.md", "g", "/y"),
    }
    assert {name: d.content_hash for name, d in store.documents().items()} == {"doc.md": "h", "annet.md": "g"}
