"""Document admin: list what the index holds, add an uploaded file, remove a document; and the public,
read-only view of the same documents (sources), which shows no server paths or hashes.

An upload is parsed from a temporary file before anything is stored, so a bad file leaves both the
uploads directory and the index as they were. Names are reduced to a bare, safe file name: nothing is
ever written outside <data_dir>/uploads.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from assistant import texts
from assistant.errors import DocumentNotFound, FileTooLarge, UnsupportedFile
from assistant.ingest.loaders import SUPPORTED_SUFFIXES, load_document
from assistant.ingest.pipeline import IngestReport
from assistant.models import Passage
from assistant.service import Services, ingest_paths

logger = logging.getLogger(__name__)

_CHUNK = 1 << 16
_UNSAFE = re.compile(r"[^\w.\- ]+")


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    title: str
    origin: str  # corpus | upload | other: where the file came from, never the server's path to it
    chunks: int
    content_hash: str
    ingested_at: str | None


def _origin(services: Services, root: str | None) -> str:
    if not root:
        return "other"
    folder = Path(root).resolve()
    if folder == services.settings.uploads_dir.resolve():
        return "upload"
    return "corpus" if folder == services.settings.corpus_dir.resolve() else "other"


def list_documents(services: Services) -> list[DocumentInfo]:
    stored = services.store.documents()
    return [
        DocumentInfo(
            id=name,
            title=doc.title,
            origin=_origin(services, doc.root),
            chunks=doc.chunks,
            content_hash=doc.content_hash,
            ingested_at=doc.ingested_at,
        )
        for name, doc in sorted(stored.items())
    ]


@dataclass(frozen=True)
class SourcePassage:
    id: str  # the store id, as citations carry it in `passage_id`
    section: str  # heading breadcrumb, " > "-joined
    page: int | None
    text: str


@dataclass(frozen=True)
class Source:
    """An indexed document as the public sees it: what it is and where the original is, never where
    the server keeps it."""

    id: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    passages: tuple[SourcePassage, ...]  # in document order


def list_sources(services: Services) -> list[Source]:
    """Every indexed document, by title. Read from the retriever's snapshot: what search can cite."""
    by_document: dict[str, list[Passage]] = {}
    for passage in services.retriever.passages:
        by_document.setdefault(passage.document, []).append(passage)
    sources = [_source(document, passages) for document, passages in by_document.items()]
    return sorted(sources, key=lambda s: (s.title.casefold(), s.id))


def get_source(services: Services, document: str) -> Source:
    """One document with its passages in document order."""
    passages = [p for p in services.retriever.passages if p.document == document]
    if not passages:
        raise DocumentNotFound(texts.DOCUMENT_NOT_FOUND.format(id=document))
    return _source(document, passages)


def _source(document: str, passages: Iterable[Passage]) -> Source:
    # chunk_index is the passage's position in its document (ingest/chunking.py numbers them in reading
    # order), so it gives document order across pages and sections.
    ordered = sorted(passages, key=lambda p: p.chunk_index)
    first = ordered[0]
    return Source(
        id=document,
        title=first.title,
        publisher=first.publisher,
        published=_document_date(ordered),
        url=first.url,
        passages=tuple(SourcePassage(p.id, p.section, p.page, p.text) for p in ordered),
    )


def _document_date(passages: list[Passage]) -> str | None:
    """The store keeps a date per passage: the document's, or a dated entry's own (a news page with
    datelines). The latest of them says how current the document is; None when it has none."""
    dates = [p.published for p in passages if p.published]
    return max(dates) if dates else None


def safe_filename(name: str) -> str:
    """The last path component only, without control or shell characters; never empty or hidden."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = _UNSAFE.sub("_", base).strip(" .")
    stem, suffix = os.path.splitext(base)
    return (stem or "dokument")[:120] + suffix.lower()


def check_suffix(filename: str) -> None:
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFile(texts.UNSUPPORTED_FILE.format(suffix=suffix or filename))


def add_upload(services: Services, filename: str, stream: BinaryIO) -> tuple[str, IngestReport]:
    """Store and ingest one uploaded file; returns its document id and the ingest report."""
    name = safe_filename(filename)
    check_suffix(name)
    uploads = services.settings.uploads_dir
    uploads.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=uploads, prefix=".upload-", suffix=Path(name).suffix)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            _copy_limited(stream, out, services.settings.max_upload_bytes)
        load_document(tmp, name)  # raises the loader's own error for an unreadable or scanned file
        target = uploads / name
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    report = ingest_paths(services, [target])
    if report.failed:  # e.g. the store went away; the file is kept and the old chunks stand
        logger.warning("Upload %s stored but not ingested: %s", name, report.failed[0].message)
    return name, report


def _copy_limited(stream: BinaryIO, out: BinaryIO, limit: int) -> None:
    written = 0
    while chunk := stream.read(_CHUNK):
        written += len(chunk)
        if written > limit:
            raise FileTooLarge(texts.FILE_TOO_LARGE.format(limit=round(limit / 1_000_000, 1)))
        out.write(chunk)


def delete_document(services: Services, document: str) -> None:
    stored = services.store.documents()
    if document not in stored:
        raise DocumentNotFound(texts.DOCUMENT_NOT_FOUND.format(id=document))
    with services.write_lock:
        services.store.delete_document(document)
        services.retriever.refresh()
    upload = services.settings.uploads_dir / safe_filename(document)
    if Path(stored[document].root).resolve() == services.settings.uploads_dir.resolve() and upload.is_file():
        upload.unlink()  # an uploaded file goes too, so a restart does not bring it back
