"""Chroma behind a small interface: one collection per embedder, our own vectors, passages as metadata.

Chroma's default embedding function downloads a model, so every collection is created with
`embedding_function=None` and every write and query passes vectors explicitly.
"""

from __future__ import annotations

import errno
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from assistant import texts
from assistant.config import Settings
from assistant.errors import DataDirFull, DataDirReadOnly, StoreUnavailable
from assistant.models import Passage

logger = logging.getLogger(__name__)

_PASSAGE_FIELDS = (
    "document",
    "title",
    "section",
    "chunk_index",
    "content_hash",
    "page",
    "url",
    "published",
    "publisher",
)


@dataclass(frozen=True)
class UnitRecord:
    """One embedded sentence or list of a passage (see ingest/units.py)."""

    passage_id: str
    position: int
    document: str

    @property
    def id(self) -> str:
        return f"{self.passage_id}#{self.position}"


@dataclass(frozen=True)
class StoredDocument:
    document: str
    title: str
    content_hash: str
    root: str
    chunks: int
    ingested_at: str


@dataclass(frozen=True)
class DocumentVersion:
    """What an ingest compares a file against: the stored version's content hash, and the folder it was
    ingested from (whose deleted files are pruned)."""

    document: str
    content_hash: str
    root: str


class VectorStore(Protocol):
    def upsert(
        self,
        passages: list[Passage],
        vectors: npt.NDArray[np.float32],
        extra: dict[str, str],
        units: list[UnitRecord],
        unit_vectors: npt.NDArray[np.float32],
    ) -> None: ...

    def delete_document(self, document: str, keep: set[str] | None = None) -> None: ...

    def query(self, vector: npt.NDArray[np.float32], k: int) -> list[tuple[str, float]]: ...

    def query_units(self, vector: npt.NDArray[np.float32], k: int) -> list[tuple[str, int, float]]: ...

    def unit_count(self) -> int: ...

    def unit_vectors(self) -> tuple[list[tuple[str, int]], npt.NDArray[np.float32]]: ...

    def passages(self) -> list[Passage]: ...

    def passages_with_vectors(self) -> tuple[list[Passage], npt.NDArray[np.float32]]: ...

    def documents(self) -> dict[str, StoredDocument]: ...

    def versions(self) -> dict[str, DocumentVersion]: ...

    def count(self) -> int: ...


def passage_to_metadata(p: Passage) -> dict[str, Any]:
    # Chroma metadata values cannot be None: absent fields are simply left out.
    values = {f: getattr(p, f) for f in _PASSAGE_FIELDS}
    return {k: v for k, v in values.items() if v is not None}


def passage_from_record(pid: str, text: str, meta: dict[str, Any]) -> Passage:
    page = meta.get("page")
    return Passage(
        id=pid,
        document=str(meta["document"]),
        title=str(meta.get("title", "")),
        section=str(meta.get("section", "")),
        text=text,
        chunk_index=int(meta.get("chunk_index", 0)),
        content_hash=str(meta.get("content_hash", "")),
        page=int(page) if page is not None else None,
        url=meta.get("url"),
        published=meta.get("published"),
        publisher=meta.get("publisher"),
    )


_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
# What SQLite (under Chroma and SQLAlchemy) says instead of an errno.
_FULL_TEXT = ("disk is full", "file too large", "no space left")
_READ_ONLY_TEXT = ("readonly database", "read-only file system", "permission denied")


def unavailable(exc: BaseException) -> StoreUnavailable:
    """The error for a failed store call: a full or read-only data directory by name (the operator's to
    fix, and retrying will not help), anything else as the store not answering, with the driver's text."""
    for cause in _chain(exc):
        number = getattr(cause, "errno", None)
        text = str(cause).lower()
        if number in _FULL_ERRNOS or any(t in text for t in _FULL_TEXT):
            return DataDirFull(texts.DATA_DIR_FULL)
        if number in _READ_ONLY_ERRNOS or any(t in text for t in _READ_ONLY_TEXT):
            return DataDirReadOnly(texts.DATA_DIR_READ_ONLY)
    return StoreUnavailable(texts.STORE_UNAVAILABLE.format(reason=exc))


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


P = ParamSpec("P")
R = TypeVar("R")


def _store_call(method: Callable[Concatenate[ChromaStore, P], R]) -> Callable[Concatenate[ChromaStore, P], R]:
    """A Chroma call that fails (a server gone, a database file locked or broken) raises StoreUnavailable,
    which the API answers with 503 and the CLI with its message, instead of whatever chromadb raised."""

    def call(store: ChromaStore, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(store, *args, **kwargs)
        except StoreUnavailable:
            raise
        except Exception as exc:  # chromadb raises several unrelated types (httpx, sqlite3, its own)
            logger.error("Chroma failed in %s: %r", method.__name__, exc, exc_info=True)
            raise unavailable(exc) from exc

    functools.update_wrapper(call, method)
    return call


class ChromaStore:
    """Two collections per embedder: passages (what is cited) and units (sentences and lists, what
    a paraphrased question is most likely to resemble)."""

    def __init__(self, client: Any, collection_name: str) -> None:
        self._client = client
        self.collection_name = collection_name
        # A wide search beam: with a few thousand vectors it costs little and makes the top-100 exact in
        # practice, so the ranking does not depend on how the graph happened to be built.
        hnsw = {"space": "cosine", "ef_construction": 200, "ef_search": 200}
        try:
            self._col = client.get_or_create_collection(
                collection_name,
                embedding_function=None,
                configuration={"hnsw": hnsw},
                metadata={"embedder": collection_name},
            )
            self._units = client.get_or_create_collection(
                "units-" + collection_name.removeprefix("passages-"),
                embedding_function=None,
                configuration={"hnsw": hnsw},
            )
        except Exception as exc:  # chromadb raises several unrelated types for an unreachable server
            raise unavailable(exc) from exc

    @_store_call
    def upsert(
        self,
        passages: list[Passage],
        vectors: npt.NDArray[np.float32],
        extra: dict[str, str],
        units: list[UnitRecord],
        unit_vectors: npt.NDArray[np.float32],
    ) -> None:
        """Units first: a passage only becomes visible once the units that point at it exist."""
        if units:
            self._units.upsert(
                ids=[u.id for u in units],
                embeddings=[v.tolist() for v in unit_vectors],
                metadatas=[
                    {"passage_id": u.passage_id, "position": u.position, "document": u.document}
                    for u in units
                ],
            )
        if passages:
            self._col.upsert(
                ids=[p.id for p in passages],
                embeddings=[v.tolist() for v in vectors],
                documents=[p.text for p in passages],
                metadatas=[{**passage_to_metadata(p), **extra} for p in passages],
            )

    @_store_call
    def delete_document(self, document: str, keep: set[str] | None = None) -> None:
        """Remove a document's passages and units, except the passages (and their units) in `keep`."""
        keep = keep or set()
        old = [i for i in self.ids_for_document(document) if i not in keep]
        if old:
            self._col.delete(ids=old)
        units = self._units.get(where={"document": document}, include=["metadatas"])
        stale = [
            uid
            for uid, meta in zip(units["ids"], units["metadatas"], strict=True)
            if (meta or {}).get("passage_id") not in keep
        ]
        if stale:
            self._units.delete(ids=stale)

    @_store_call
    def query_units(self, vector: npt.NDArray[np.float32], k: int) -> list[tuple[str, int, float]]:
        """(passage id, unit position, cosine similarity) for the units nearest the query."""
        # Chroma 1.x returns what it has when k exceeds the collection, so no count() round trip.
        res = self._units.query(
            query_embeddings=[vector.tolist()], n_results=k, include=["metadatas", "distances"]
        )
        return [
            (str(m["passage_id"]), int(m["position"]), 1.0 - float(d))
            for m, d in zip(res["metadatas"][0], res["distances"][0], strict=True)
            if m
        ]

    @_store_call
    def unit_count(self) -> int:
        return int(self._units.count())

    @_store_call
    def unit_vectors(self) -> tuple[list[tuple[str, int]], npt.NDArray[np.float32]]:
        """Every unit's (passage id, position) and vector."""
        res = _read_all(self._units, ["embeddings", "metadatas"])
        keys = [(str(m["passage_id"]), int(m["position"])) for m in res["metadatas"]]
        return keys, _matrix(res["embeddings"], len(keys))

    @_store_call
    def query(self, vector: npt.NDArray[np.float32], k: int) -> list[tuple[str, float]]:
        res = self._col.query(query_embeddings=[vector.tolist()], n_results=k, include=["distances"])
        # Cosine distance → cosine similarity.
        return [(pid, 1.0 - float(d)) for pid, d in zip(res["ids"][0], res["distances"][0], strict=True)]

    @_store_call
    def passages(self) -> list[Passage]:
        res = _read_all(self._col, ["documents", "metadatas"])
        out = [
            passage_from_record(pid, doc or "", dict(meta or {}))
            for pid, doc, meta in zip(res["ids"], res["documents"], res["metadatas"], strict=True)
        ]
        return sorted(out, key=lambda p: (p.document, p.chunk_index))

    @_store_call
    def passages_with_vectors(self) -> tuple[list[Passage], npt.NDArray[np.float32]]:
        """Every passage with its vector, row i for passage i, in the order of `passages`. Each page reads
        passages and vectors together, so a write from another instance meanwhile cannot leave a passage
        without its vector or the other way round. Such a write can shift a page boundary; a record read
        twice is kept once, and one missed is read by the rebuild that the write's version bump causes."""
        res = _read_all(self._col, ["documents", "metadatas", "embeddings"])
        first: dict[str, int] = {}
        for i, pid in enumerate(res["ids"]):
            first.setdefault(pid, i)
        out = [
            passage_from_record(pid, doc or "", dict(meta or {}))
            for pid, doc, meta in zip(res["ids"], res["documents"], res["metadatas"], strict=True)
        ]
        order = sorted(first.values(), key=lambda i: (out[i].document, out[i].chunk_index))
        matrix = _matrix(res["embeddings"], len(out))
        return [out[i] for i in order], matrix[order] if order else matrix

    @_store_call
    def documents(self) -> dict[str, StoredDocument]:
        """Each stored document. One whose passages carry two versions (a write cut short between its
        upsert and its delete, e.g. by a kill) gets the content hash "", which no file has, so the next
        ingest writes it again and its delete removes the other version."""
        res = _read_all(self._col, ["metadatas"])
        docs: dict[str, StoredDocument] = {}
        for meta in res["metadatas"]:
            m = dict(meta or {})
            name = str(m["document"])
            prev = docs.get(name)
            version = str(m.get("content_hash", ""))
            docs[name] = StoredDocument(
                document=name,
                title=str(m.get("title", "")),
                content_hash=version if prev is None or prev.content_hash == version else "",
                root=str(m.get("root", "")),
                chunks=(prev.chunks if prev else 0) + 1,
                ingested_at=str(m.get("ingested_at", "")),
            )
        return docs

    @_store_call
    def versions(self) -> dict[str, DocumentVersion]:
        """Each document's version, read from its first passage only: one record per document, not one
        per passage as `documents` reads (an unchanged re-ingest of 50k passages spent most of its time
        there)."""
        res = _read_all(self._col, ["metadatas"], where={"chunk_index": 0})
        out: dict[str, DocumentVersion] = {}
        for meta in res["metadatas"]:
            m = dict(meta or {})
            name = str(m["document"])
            version = DocumentVersion(name, str(m.get("content_hash", "")), str(m.get("root", "")))
            # Two first passages with different hashes: a write cut between its upsert and its delete.
            # As in `documents`, the hash "" makes the next ingest write it again.
            seen = out.get(name)
            if seen is not None and seen.content_hash != version.content_hash:
                version = DocumentVersion(name, "", version.root)
            out[name] = version
        return out

    @_store_call
    def ids_for_document(self, document: str) -> list[str]:
        return list(self._col.get(where={"document": document}, include=[])["ids"])

    @_store_call
    def count(self) -> int:
        return int(self._col.count())


# Records per read of a whole collection. A get without a limit fails in Chroma's SQLite once a collection
# passes 32,766 records ("too many SQL variables": about 10k passages' units), and over HTTP one answer
# would carry every vector.
_PAGE = 10_000


def _read_all(
    collection: Any, include: list[str], where: dict[str, Any] | None = None
) -> dict[str, list[Any]]:
    """Every record of a collection, `_PAGE` at a time: ids and the fields in `include`. Pages follow
    Chroma's own order; a write between two pages can shift them, as between any two reads."""
    out: dict[str, list[Any]] = {"ids": [], **{field: [] for field in include}}
    offset = 0
    while True:
        page = collection.get(include=include, where=where, limit=_PAGE, offset=offset)
        out["ids"].extend(page["ids"])
        for field in include:
            values = page[field]
            out[field].extend(values if values is not None else [])
        if len(page["ids"]) < _PAGE:
            return out
        offset += _PAGE


def _matrix(embeddings: Any, rows: int) -> npt.NDArray[np.float32]:
    if embeddings is None or rows == 0:
        return np.zeros((0, 0), dtype=np.float32)
    return np.asarray(embeddings, dtype=np.float32).reshape(rows, -1)


def build_store(settings: Settings, embedder_name: str) -> ChromaStore:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if settings.chroma_host:
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        else:
            path = settings.data_dir / "chroma"
            path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:  # connection and permission errors surface as many types
        raise unavailable(exc) from exc
    return ChromaStore(client, f"passages-{embedder_name}")
