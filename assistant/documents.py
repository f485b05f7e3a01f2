"""Document admin: list what the index holds, remove a document (uploads.py adds them); and the public,
read-only view of the same documents (sources), which shows no server paths or hashes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant import texts
from assistant.errors import CorpusDocument, DocumentNotFound
from assistant.models import Passage
from assistant.service import Services, index_changed
from assistant.uploads import upload_file


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


def delete_document(services: Services, document: str) -> None:
    """Remove a document's passages, and an uploaded document's file, so a restart does not bring it
    back. The file goes first: a crash after it leaves passages without a file, which the next start
    drops, where the other order would bring the document back."""
    with services.write_lock:
        stored = services.store.documents()
        if document not in stored:
            raise DocumentNotFound(texts.DOCUMENT_NOT_FOUND.format(id=document))
        if _origin(services, stored[document].root) == "corpus":
            raise CorpusDocument(texts.CORPUS_DOCUMENT.format(id=document))
        upload = upload_file(services.settings, document, stored[document])
        if upload is not None:
            upload.unlink(missing_ok=True)
        services.store.delete_document(document)
        index_changed(services)
