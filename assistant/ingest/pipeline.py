"""Incremental ingest: hash each file, skip the unchanged, replace the changed, drop the deleted.

New chunks are written before the old ones are deleted (ids carry the content hash), so a failure
half-way never leaves a document with no chunks, and a file that cannot be read leaves its previous
chunks in place. `prepare` does the costly part (parse, chunk, embed) within the document's limits
and touches no store; `write` is the short part that needs the writer's lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant import texts
from assistant.errors import AssistantError, UnreadableFile
from assistant.index.embedders import Embedder
from assistant.index.store import ChromaStore, DocumentVersion, UnitRecord
from assistant.ingest.chunking import chunk_document
from assistant.ingest.limits import Budget, IngestLimits
from assistant.ingest.loaders import SUPPORTED_SUFFIXES, content_hash, load_document, read_file
from assistant.ingest.units import split_units
from assistant.models import Passage

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]
# Texts per embedding call: the time limit is checked between calls. Batching gives the same vectors,
# bit for bit, as one call for all.
_EMBED_BATCH = 64
# Prepared documents are written to the store in groups of about this many texts (passages and units):
# each Chroma write has a fixed cost besides its cost per record (with two busy cores, about 65 ms a
# call against 1.5 ms a record), and at two writes per document that was most of an ingest's own time.
_WRITE_BATCH = 1024


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


def discover(paths: Iterable[Path], prefix: str = "") -> tuple[list[_Target], list[Path], list[FileError]]:
    """Files to ingest, the directories whose deleted files should be pruned, and bad arguments. A
    document's id is `prefix` + its path under the directory given (or its name, for a file given)."""
    targets: list[_Target] = []
    roots: list[Path] = []
    errors: list[FileError] = []
    for raw in paths:
        path = raw.resolve()
        if path.is_dir():
            roots.append(path)
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith("."):
                    targets.append(_Target(f, prefix + f.relative_to(path).as_posix(), path))
        elif path.is_file():
            targets.append(_Target(path, prefix + path.name, path.parent))
        else:
            errors.append(FileError(str(raw), "not_found", texts.PATH_NOT_FOUND.format(path=raw)))
    return targets, roots, errors


def ingest(
    paths: Iterable[Path],
    embedder: Embedder,
    store: ChromaStore,
    max_chars: int = 1000,
    progress: Progress | None = None,
    limits: IngestLimits | None = None,
    prefix: str = "",
) -> IngestReport:
    targets, roots, errors = discover(paths, prefix)
    report = IngestReport(failed=errors)
    stored = store.versions()
    now = now_iso()
    pending: list[tuple[_Target, PreparedDocument]] = []
    for target in targets:
        if progress:
            progress(target.document)
        if pending and pending[-1][0].root != target.root:
            _flush(store, pending, stored, report, now)
        prepared = _prepare_one(target, embedder, stored, report, max_chars, limits or IngestLimits())
        if prepared is not None:
            pending.append((target, prepared))
            if sum(len(p.passages) + len(p.units) for _, p in pending) >= _WRITE_BATCH:
                _flush(store, pending, stored, report, now)
    _flush(store, pending, stored, report, now)
    seen = {t.document for t in targets}
    for name, doc in stored.items():
        if name not in seen and any(doc.root == str(r) for r in roots):
            store.delete_document(name)
            report.deleted.append(name)
    report.chunks = store.count()
    return report


def _prepare_one(
    target: _Target,
    embedder: Embedder,
    stored: dict[str, DocumentVersion],
    report: IngestReport,
    max_chars: int,
    limits: IngestLimits,
) -> PreparedDocument | None:
    """The document prepared for writing; None when it is unchanged (by content hash) or failed."""
    previous = stored.get(target.document)
    try:
        data = read_file(target.path)
        if previous is not None and previous.content_hash == content_hash(data):
            report.unchanged.append(target.document)
            return None
        return prepare(target.path, target.document, data, embedder, max_chars, limits)
    except AssistantError as exc:
        logger.warning("Skipping %s: %s", target.path, exc.message)
        report.failed.append(FileError(str(target.path), exc.code, exc.message))
        return None


def _flush(
    store: ChromaStore,
    pending: list[tuple[_Target, PreparedDocument]],
    stored: dict[str, DocumentVersion],
    report: IngestReport,
    now: str,
) -> None:
    """Write the pending documents (all from one root) and empty the list."""
    if not pending:
        return
    batch = [prepared for _, prepared in pending]
    write_many(store, batch, pending[0][0].root, now, replaced={d.document for d in batch} & stored.keys())
    for prepared in batch:
        (report.updated if prepared.document in stored else report.added).append(prepared.document)
    pending.clear()


@dataclass(frozen=True)
class PreparedDocument:
    """A document parsed, chunked and embedded: all that its write to the store needs."""

    document: str
    content_hash: str
    passages: list[Passage]
    vectors: npt.NDArray[np.float32]
    units: list[UnitRecord]
    unit_vectors: npt.NDArray[np.float32]


def prepare(
    path: Path, document: str, data: bytes, embedder: Embedder, max_chars: int, limits: IngestLimits
) -> PreparedDocument:
    """Parse, chunk and embed one file's `data` (`path` gives its type and the name messages use).
    Raises an AssistantError for a file that cannot be read, yields no passage, or passes a limit."""
    budget = Budget(limits, path.name)
    doc = load_document(path, document, data, budget)  # hashed in the loader
    budget.text(sum(len(page.text) for page in doc.pages), max_chars)
    budget.check_time()
    passages = chunk_document(doc, max_chars)
    if not passages:  # e.g. a lone heading: indexed, it could be neither listed nor deleted
        raise UnreadableFile(texts.NO_PASSAGES.format(name=path.name))
    budget.passages(len(passages))
    units: list[UnitRecord] = []
    unit_texts: list[str] = []
    for p in passages:
        for u in split_units(p.text, 0):
            units.append(UnitRecord(p.id, u.position, p.document))
            unit_texts.append(f"{p.section}\n\n{u.render()}")
        budget.units(len(units))
    vectors = _embed(embedder, [p.contextual_text for p in passages] + unit_texts, budget)
    n = len(passages)
    return PreparedDocument(document, doc.content_hash, passages, vectors[:n], units, vectors[n:])


def _embed(embedder: Embedder, batch: list[str], budget: Budget) -> npt.NDArray[np.float32]:
    parts = []
    for start in range(0, len(batch), _EMBED_BATCH):
        budget.check_time()
        parts.append(embedder.embed_passages(batch[start : start + _EMBED_BATCH]))
    return np.concatenate(parts)


def write(store: ChromaStore, prepared: PreparedDocument, root: Path, now: str) -> None:
    """The new version's passages first, then the old version's removed: a failure between the two
    leaves the old version whole (and the new passages, which `keep` lets a caller remove)."""
    write_many(store, [prepared], root, now, replaced={prepared.document})


def write_many(
    store: ChromaStore, batch: list[PreparedDocument], root: Path, now: str, replaced: set[str]
) -> None:
    """Several documents in one store write, then the old versions of those in `replaced` removed (as in
    `write`). A document the store did not hold has nothing to remove: units a crash once left without
    their passages point at no passage, so no search returns them, and its next change removes them."""
    extra = {"root": str(root), "ingested_at": now}
    store.upsert(
        [p for d in batch for p in d.passages],
        np.concatenate([d.vectors for d in batch]),
        extra,
        [u for d in batch for u in d.units],
        np.concatenate([d.unit_vectors for d in batch]),
    )
    for d in batch:
        if d.document in replaced:
            store.delete_document(d.document, keep={p.id for p in d.passages})


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
