"""`kill -9` during an ingest, then the same ingest again: the index ends exactly as the files chunk, with
no duplicate, no stale version and no passage or unit of a document that is not there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from assistant.config import Settings
from assistant.index.embedders import Embedder
from assistant.ingest.limits import IngestLimits
from assistant.ingest.loaders import read_file
from assistant.ingest.pipeline import now_iso, prepare
from assistant.service import build_services, ingest_paths
from tests.faults.index_check import assert_consistent, assert_consistent_in_new_process

DOCUMENTS = 12
TOPICS = ("lærere", "skoleledere", "barnehagelærere", "fagarbeidere")


def write_corpus(corpus: Path, version: int = 1, only: range | None = None) -> None:
    """DOCUMENTS small schemes of two sections each; `version` changes their text."""
    corpus.mkdir(parents=True, exist_ok=True)
    for d in only or range(DOCUMENTS):
        sections = [f"# Ordning {d}\n"]
        for s, topic in enumerate(TOPICS[:2]):
            sections.append(
                f"## Del {s} for {TOPICS[(d + s) % len(TOPICS)]}\n\nOrdning {d} gir {topic} støtte i "
                f"versjon {version}. Søknadsfristen er {1 + s + version} mars.\n"
            )
        (corpus / f"ordning-{d:02d}.md").write_text("\n".join(sections), "utf-8")


def ingest_env(settings: Settings) -> dict[str, str]:
    return {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(settings.data_dir),
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
        "PYTHONUNBUFFERED": "1",  # the progress lines arrive as they are written
    }


def ingest_killed_after(settings: Settings, documents: int, delay: float) -> None:
    """`assistant ingest` killed with SIGKILL `delay` seconds after it started reading the
    `documents`-th document, i.e. with documents - 1 written and one under way."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "ingest"],
        env=ingest_env(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    seen = 0
    for line in proc.stdout:
        seen += line.startswith("Leser inn")
        if seen == documents:
            time.sleep(delay)
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the ingest ended before the kill"


def ingest_to_the_end(settings: Settings) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest"],
        env=ingest_env(settings),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_ingest_killed_twice_then_run_again_leaves_the_index_as_the_files(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus")
    write_corpus(settings.corpus_dir)
    ingest_killed_after(settings, DOCUMENTS // 2, delay=0.3)
    out = ingest_to_the_end(settings)
    assert "0 feilet" in out and f"{2 * DOCUMENTS} tekstbiter" in out, out
    assert assert_consistent_in_new_process(settings) == 2 * DOCUMENTS
    # A new version of half the documents and one deleted, killed again half-way through the changes.
    write_corpus(settings.corpus_dir, version=2, only=range(DOCUMENTS // 2))
    (settings.corpus_dir / f"ordning-{DOCUMENTS - 1:02d}.md").unlink()
    ingest_killed_after(settings, DOCUMENTS // 4, delay=0.3)
    ingest_to_the_end(settings)
    assert assert_consistent_in_new_process(settings) == 2 * (DOCUMENTS - 1)


def test_a_write_cut_between_its_upsert_and_its_delete_is_finished_by_the_next_ingest(
    tmp_path: Path, embedder: Embedder
) -> None:
    """The window a kill can land in inside `write`: the new version's passages stored, the old's not yet
    removed. Before the fix the next ingest took the document for unchanged and kept both versions."""
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus")
    write_corpus(settings.corpus_dir, only=range(3))
    services = build_services(settings, embedder)
    ingest_paths(services, [settings.corpus_dir])
    write_corpus(settings.corpus_dir, version=2, only=range(1))
    path = settings.corpus_dir / "ordning-00.md"
    new = prepare(path, path.name, read_file(path), embedder, settings.chunk_max_chars, IngestLimits())
    extra = {"root": str(settings.corpus_dir.resolve()), "ingested_at": now_iso()}
    services.store.upsert(new.passages, new.vectors, extra, new.units, new.unit_vectors)  # and no delete
    report = ingest_paths(services, [settings.corpus_dir])
    assert report.updated == ["ordning-00.md"]
    assert_consistent(settings, embedder)
