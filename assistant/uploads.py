"""Uploaded files: ids of their own (`uploads/<name>`), on disk only once indexed, and in line with the
index after any crash.

An upload's id never meets a corpus document's: an upload named like one is a second document, and
deleting it leaves the corpus alone. (Only a corpus with an uploads/ folder of its own could hold such
an id; replacing that is refused with 409.)

The file is parsed, chunked and embedded from a temporary file before the writer's lock is taken, so
chat, search and the other admin calls go on meanwhile. Under the lock the passages are written first
and the file is moved into place after; a failure removes what was written and the temporary file, so a
failed upload leaves nothing behind. A crash in between is put right at the next start
(service.reconcile_uploads): a file whose passages are missing or stale is ingested, and passages whose
file is missing are dropped. Names are reduced to a bare, safe file name: nothing is ever written
outside <data_dir>/uploads (and <data_dir>/rejected-uploads, see set_aside).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from assistant import texts
from assistant.config import Settings
from assistant.errors import DocumentExists, FileTooLarge, UnsupportedFile
from assistant.index.store import StoredDocument
from assistant.ingest.limits import IngestLimits
from assistant.ingest.loaders import SUPPORTED_SUFFIXES, content_hash
from assistant.ingest.pipeline import FileError, PreparedDocument, now_iso, prepare, write

if TYPE_CHECKING:  # service.py imports this module
    from assistant.service import Services

logger = logging.getLogger(__name__)

UPLOADS = "uploads/"  # every uploaded document's id starts so
REJECTED = "rejected-uploads"
_TEMP_PREFIX = ".upload-"
# A temporary file this old was left by a crash, not by an upload still being written (another
# instance may share the data directory).
_STALE_TEMP_S = 3600
_CHUNK = 1 << 16
_UNSAFE = re.compile(r"[^\w.\- ]+")


@dataclass(frozen=True)
class UploadResult:
    id: str
    status: Literal["added", "updated", "unchanged"]
    chunks: int


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


def upload_file(settings: Settings, document: str, stored: StoredDocument) -> Path | None:
    """The file behind an uploaded document; None for a document from elsewhere. Ids from before the
    uploads/ namespace (a bare name) are found too."""
    uploads = settings.uploads_dir.resolve()
    if not stored.root or Path(stored.root).resolve() != uploads:
        return None
    return uploads / safe_filename(document.removeprefix(UPLOADS))


def add_upload(services: Services, filename: str, stream: BinaryIO) -> UploadResult:
    """Store and index one uploaded file as `uploads/<name>`; a changed file of the same name replaces
    the earlier upload. Raises for a file that is refused, and when the store fails."""
    name = safe_filename(filename)
    check_suffix(name)
    document = UPLOADS + name
    settings = services.settings
    uploads = settings.uploads_dir
    uploads.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=uploads, prefix=_TEMP_PREFIX, suffix=Path(name).suffix)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            _copy_limited(stream, out, settings.max_upload_bytes)
        data = tmp.read_bytes()
        stored = services.store.documents()
        _refuse_other_origin(settings, document, stored)  # before the costly part
        previous = stored.get(document)
        unchanged = previous is not None and previous.content_hash == content_hash(data)
        if previous is not None and unchanged and (uploads / name).is_file():
            return UploadResult(document, "unchanged", previous.chunks)
        # Path(name): messages name the upload, never the temporary file.
        limits = IngestLimits.from_settings(settings)
        prepared = prepare(Path(name), document, data, services.embedder, settings.chunk_max_chars, limits)
        with services.write_lock:
            return _store(services, prepared, tmp, uploads / name)
    finally:
        tmp.unlink(missing_ok=True)


def _copy_limited(stream: BinaryIO, out: BinaryIO, limit: int) -> None:
    written = 0
    while chunk := stream.read(_CHUNK):
        written += len(chunk)
        if written > limit:
            raise FileTooLarge(texts.FILE_TOO_LARGE.format(limit=round(limit / 1_000_000, 1)))
        out.write(chunk)


def _refuse_other_origin(settings: Settings, document: str, stored: dict[str, StoredDocument]) -> None:
    previous = stored.get(document)
    if previous is not None and upload_file(settings, document, previous) is None:
        logger.warning("Upload refused: %s is already indexed from %s", document, previous.root)
        raise DocumentExists(texts.DOCUMENT_EXISTS.format(id=document))


def _store(services: Services, prepared: PreparedDocument, tmp: Path, target: Path) -> UploadResult:
    """Under the writer's lock: passages first, then the file; on any failure, neither."""
    from assistant.service import index_changed  # service.py imports this module

    store, document = services.store, prepared.document
    stored = store.documents()  # again: another upload of the same name may have come first
    _refuse_other_origin(services.settings, document, stored)
    previous = stored.get(document)
    old_ids = set(store.ids_for_document(document))
    try:
        write(store, prepared, services.settings.uploads_dir.resolve(), now_iso())
        os.replace(tmp, target)
    except BaseException:
        _remove_new_passages(services, document, old_ids)
        raise
    index_changed(services)
    status: Literal["added", "updated"] = "updated" if previous is not None else "added"
    return UploadResult(document, status, len(prepared.passages))


def _remove_new_passages(services: Services, document: str, old_ids: set[str]) -> None:
    """Back to the index as it was: the new version's passages go. (Should the store fail here too,
    the next start sets the index right from the files.)"""
    try:
        services.store.delete_document(document, keep=old_ids)
    except Exception:
        logger.exception("Passages of the failed upload %s stay until the next start removes them", document)


def remove_leftovers(folder: Path) -> None:
    """Temporary files of uploads that a crash cut off."""
    cutoff = time.time() - _STALE_TEMP_S
    for temp in folder.glob(_TEMP_PREFIX + "*"):
        if temp.is_file() and temp.stat().st_mtime < cutoff:
            logger.info("Removing %s, left by an upload that did not finish", temp.name)
            temp.unlink(missing_ok=True)


def set_aside(settings: Settings, failed: list[FileError]) -> None:
    """Uploaded files that can no longer be ingested go to <data_dir>/rejected-uploads: left in
    uploads/, they would be neither listed nor deletable. Kept, not deleted, so an admin can look."""
    uploads = settings.uploads_dir.resolve()
    for failure in failed:
        path = Path(failure.path)
        if path.parent != uploads or not path.is_file():
            continue
        rejected = settings.data_dir / REJECTED
        logger.warning("Upload %s cannot be ingested, moved to %s: %s", path.name, REJECTED, failure.message)
        try:
            rejected.mkdir(parents=True, exist_ok=True)
            shutil.move(path, rejected / path.name)
        except OSError:  # the service still starts; the file stays, unlisted, until it can be moved
            logger.exception("Could not move %s to %s", path.name, REJECTED)
