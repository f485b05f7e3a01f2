"""Incremental ingest: hash each file, skip the unchanged, replace the changed, drop the deleted.

New chunks are written before the old ones are deleted (ids carry the content hash), so a failure
half-way never leaves a document with no chunks, and a file that cannot be read leaves its previous
chunks in place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from assistant import texts
from assistant.errors import AssistantError
from assistant.index.embedders import Embedder
from assistant.index.store import ChromaStore, StoredDocument, UnitRecord
from assistant.ingest.chunking import chunk_document
from assistant.ingest.loaders import SUPPORTED_SUFFIXES, content_hash, load_document, read_file
from assistant.ingest.units import split_units

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]


@dataclass
class FileError:
    path: str
    code: str
    message: str


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    failed: list[FileError] = field(default_factory=list)
    chunks: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.deleted)

    def summary(self) -> str:
        return texts.INGEST_SUMMARY.format(
            added=len(self.added),
            updated=len(self.updated),
            unchanged=len(self.unchanged),
            deleted=len(self.deleted),
            failed=len(self.failed),
            chunks=self.chunks,
        )


@dataclass(frozen=True)
class _Target:
    path: Path
    document: str
    root: Path


def discover(paths: Iterable[Path]) -> tuple[list[_Target], list[Path], list[FileError]]:
    """Files to ingest, the directories whose deleted files should be pruned, and bad arguments."""
    targets: list[_Target] = []
    roots: list[Path] = []
    errors: list[FileError] = []
    for raw in paths:
        path = raw.resolve()
        if path.is_dir():
            roots.append(path)
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith("."):
                    targets.append(_Target(f, f.relative_to(path).as_posix(), path))
        elif path.is_file():
            targets.append(_Target(path, path.name, path.parent))
        else:
            errors.append(FileError(str(raw), "not_found", texts.PATH_NOT_FOUND.format(path=raw)))
    return targets, roots, errors


def ingest(
    paths: Iterable[Path],
    embedder: Embedder,
    store: ChromaStore,
    max_chars: int = 1000,
    progress: Progress | None = None,
) -> IngestReport:
    targets, roots, errors = discover(paths)
    report = IngestReport(failed=errors)
    stored = store.documents()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for target in targets:
        if progress:
            progress(target.document)
        _ingest_one(target, embedder, store, stored, report, max_chars, now)
    seen = {t.document for t in targets}
    for name, doc in stored.items():
        if name not in seen and any(doc.root == str(r) for r in roots):
            store.delete_document(name)
            report.deleted.append(name)
    report.chunks = store.count()
    return report


def _ingest_one(
    target: _Target,
    embedder: Embedder,
    store: ChromaStore,
    stored: dict[str, StoredDocument],
    report: IngestReport,
    max_chars: int,
    now: str,
) -> None:
    previous = stored.get(target.document)
    try:
        data = read_file(target.path)
        if previous is not None and previous.content_hash == content_hash(data):
            report.unchanged.append(target.document)
            return
        doc = load_document(target.path, target.document, data)  # read once, hashed in the loader
        passages = chunk_document(doc, max_chars)
        units, unit_texts = [], []
        for p in passages:
            for u in split_units(p.text, 0):
                units.append(UnitRecord(p.id, u.position, p.document))
                unit_texts.append(f"{p.section}\n\n{u.render()}")
        vectors = embedder.embed_passages([p.contextual_text for p in passages] + unit_texts)
    except AssistantError as exc:
        logger.warning("Skipping %s: %s", target.path, exc.message)
        report.failed.append(FileError(str(target.path), exc.code, exc.message))
        return
    extra = {"root": str(target.root), "ingested_at": now}
    store.upsert(passages, vectors[: len(passages)], extra, units, vectors[len(passages) :])
    store.delete_document(target.document, keep={p.id for p in passages})
    (report.updated if previous is not None else report.added).append(target.document)
