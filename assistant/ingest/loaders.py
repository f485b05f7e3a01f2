"""File → Document: text (with PDF page numbers), metadata, and web/slide boilerplate removed.

Files come from uploads too, so nothing here trusts them: front matter may not use YAML aliases (a few
hundred bytes of them once expanded a title to 72 MB) and is capped in size and per field; a PDF's
pages are counted before any is read, and pypdf's own limits (decompression, page tree depth) and its
encryption errors end as a Norwegian 422, never a 500. Messages name `path.name`: callers pass the
name the user knows, never a temporary file's.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path
from typing import Any

import yaml

from assistant import texts
from assistant.errors import EncryptedPdf, InvalidFrontMatter, ScannedPdf, UnreadableFile, UnsupportedFile
from assistant.ingest.furniture import Boilerplate, default_boilerplate
from assistant.ingest.limits import Budget, IngestLimits
from assistant.ingest.slides import split_pages
from assistant.models import Document, Page

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".pdf")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LEADING_COMMENTS = re.compile(r"\A(?:\s*<!--.*?-->)*\s*", re.DOTALL)
_MD_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_MARKDOWN = (".md", ".markdown")
_LAST_CHANGED = re.compile(r"Sist endret:?\s*(\d{2})\.(\d{2})\.(\d{4})")
# Front matter is a few lines of metadata; the corpus's longest block is under 300 characters.
FRONT_MATTER_MAX_CHARS = 16_384
FIELD_MAX_CHARS = 500  # title, publisher, url, published
_FIELDS = ("title", "publisher", "url", "published")
# A title read from the text (a heading, the first line) is cut here; it goes with every passage.
_TITLE_MAX_CHARS = FIELD_MAX_CHARS


def remove_boilerplate(text: str, boilerplate: Boilerplate | None = None) -> str:
    """Drop furniture lines; keep every other line byte-for-byte so passages stay verbatim."""
    bp = boilerplate or default_boilerplate()
    kept = [line for line in text.split("\n") if not bp.is_boilerplate(line)]
    cleaned = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", cleaned).strip("\n")


class _AliasFound(Exception):
    pass


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML shares an aliased node instead of copying it, so nested aliases cost nothing to load;
    the expansion comes later, when a value is turned into text. No alias is ever composed here."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _AliasFound
        return super().compose_node(parent, index)


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    """Metadata and body. A front matter block that is not a YAML mapping still stays out of the body.
    Raises InvalidFrontMatter for a block over FRONT_MATTER_MAX_CHARS, one with aliases, or a field
    over FIELD_MAX_CHARS; `name` is the file's, for the message."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    block = match.group(1)
    if len(block) > FRONT_MATTER_MAX_CHARS:
        raise InvalidFrontMatter(
            texts.FRONT_MATTER_TOO_LONG.format(name=name, length=len(block), limit=FRONT_MATTER_MAX_CHARS)
        )
    try:
        meta = yaml.load(block, Loader=_NoAliasLoader) or {}  # a SafeLoader that composes no alias
    except _AliasFound as exc:
        raise InvalidFrontMatter(texts.FRONT_MATTER_ALIASES.format(name=name)) from exc
    except yaml.YAMLError as exc:
        logger.warning("Front matter is not valid YAML and is ignored: %s", exc)
        meta = {}
    meta = meta if isinstance(meta, dict) else {}
    for field in _FIELDS:
        length = len(str(meta.get(field) or ""))
        if length > FIELD_MAX_CHARS:
            raise InvalidFrontMatter(
                texts.FRONT_MATTER_FIELD_TOO_LONG.format(
                    field=field, name=name, length=length, limit=FIELD_MAX_CHARS
                )
            )
    return meta, text[match.end() :]


def split_markdown(text: str, name: str) -> tuple[dict[str, Any], str]:
    """Metadata and body of a Markdown file. HTML comments are not content: they may come before the
    front matter, and they never reach the body (nor the title)."""
    meta, body = split_front_matter(_LEADING_COMMENTS.sub("", text, count=1), name)
    return meta, _HTML_COMMENT.sub("", body)


def markdown_title(body: str) -> str | None:
    """A Markdown file's title is its first level-1 heading ("# …")."""
    match = _MD_TITLE.search(body)
    return match.group(1).strip()[:_TITLE_MAX_CHARS] if match else None


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(texts.UNREADABLE_FILE.format(name=path.name, reason=exc.strerror)) from exc


def load_document(
    path: Path, document_id: str, data: bytes | None = None, budget: Budget | None = None
) -> Document:
    """Read one file (or parse `data` already read from it; then `path` only gives the suffix and the
    name for messages). Raises UnsupportedFile, UnreadableFile (ScannedPdf, EncryptedPdf,
    InvalidFrontMatter) with a Norwegian message, or a limit's error from `budget`."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFile(texts.UNSUPPORTED_FILE.format(suffix=suffix or path.name))
    if data is None:
        data = read_file(path)
    budget = budget or Budget(IngestLimits(), path.name)
    digest = content_hash(data)
    if suffix == ".pdf":
        return _load_pdf(data, path.name, document_id, digest, budget)
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(texts.UNREADABLE_FILE.format(name=path.name, reason=texts.NOT_UTF8)) from exc
    if suffix in (".html", ".htm"):
        meta, body = _html_to_text(raw)
        return _build(document_id, path.name, meta, [Page(body)], digest)
    if suffix in _MARKDOWN:
        meta, body = split_markdown(raw, path.name)
        title = markdown_title(body)
        if title:
            meta = {**meta, "title": title}
        return _build(document_id, path.name, meta, [Page(body)], digest)
    meta, body = split_front_matter(raw, path.name)
    # Text captured from a PDF (a slide deck) keeps its page breaks: a slide's title is read per page.
    return _build(document_id, path.name, meta, [Page(text) for text in split_pages(body)], digest)


def _build(document_id: str, name: str, meta: dict[str, Any], pages: list[Page], digest: str) -> Document:
    cleaned = [Page(remove_boilerplate(p.text), p.number) for p in pages]
    cleaned = [p for p in cleaned if p.text.strip()]
    if not cleaned:
        raise UnreadableFile(texts.EMPTY_DOCUMENT.format(name=name))
    published = meta.get("published")
    if not published:
        # The date sits in a meta line that the boilerplate filter removes; read it first.
        found = _LAST_CHANGED.search("\n".join(p.text for p in pages))
        published = f"{found.group(3)}-{found.group(2)}-{found.group(1)}" if found else None
    return Document(
        document=document_id,
        title=str(meta.get("title") or _first_line(cleaned[0].text) or name)[:_TITLE_MAX_CHARS],
        pages=cleaned,
        content_hash=digest,
        publisher=_optional_str(meta.get("publisher")),
        url=_optional_str(meta.get("url")),
        published=_optional_str(published),
    )


def _optional_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip().lstrip("#").strip()[:200]
    return ""


def _load_pdf(data: bytes, name: str, document_id: str, digest: str, budget: Budget) -> Document:
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

    reader: PdfReader | None = None
    try:
        reader = PdfReader(io.BytesIO(data))
        budget.pages(len(reader.pages))  # the page tree's /Count: no page is read yet
        pages = []
        for i, page in enumerate(reader.pages):
            budget.check_time()
            pages.append(Page(page.extract_text() or "", number=i + 1))
        info = reader.metadata
    except FileNotDecryptedError as exc:  # a user password is set
        raise EncryptedPdf(texts.ENCRYPTED_PDF.format(name=name)) from exc
    except DependencyError as exc:
        # Reading text needs no optional package except `cryptography`, for AES-encrypted files.
        if reader is not None and reader.is_encrypted:
            raise EncryptedPdf(texts.ENCRYPTED_PDF.format(name=name)) from exc
        raise UnreadableFile(texts.UNREADABLE_FILE.format(name=name, reason=texts.PDF_DAMAGED)) from exc
    except (LimitReachedError, RecursionError) as exc:  # a compression bomb, a very deep page tree
        logger.info("PDF %s passes a pypdf limit: %s", name, exc)
        raise UnreadableFile(texts.UNREADABLE_FILE.format(name=name, reason=texts.PDF_TOO_COMPLEX)) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, OSError) as exc:
        raise UnreadableFile(texts.UNREADABLE_FILE.format(name=name, reason=texts.PDF_DAMAGED)) from exc
    if not any(p.text.strip() for p in pages):
        raise ScannedPdf(texts.SCANNED_PDF.format(name=name))
    meta: dict[str, Any] = {}
    if info is not None and info.title:
        meta["title"] = info.title
    if info is not None and info.author:
        meta["publisher"] = info.author
    return _build(document_id, name, meta, pages, digest)


_SKIP_TAGS = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "button", "svg")


def _html_to_text(raw: str) -> tuple[dict[str, Any], str]:
    """Main text only, with headings as Markdown so the chunker sees the structure."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    meta: dict[str, Any] = {}
    if soup.title and soup.title.string:
        meta["title"] = soup.title.string.strip()
    for tag in soup.find_all(_SKIP_TAGS):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    blocks: list[str] = []
    for el in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li"]):
        text = " ".join(el.get_text(" ", strip=True).split())
        if not text or (el.name == "p" and el.find_parent("li")):
            continue
        if el.name.startswith("h"):
            blocks.append("#" * int(el.name[1]) + " " + text)
        elif el.name == "li":
            blocks.append("- " + text)
        else:
            blocks.append(text)
    # Consecutive list items form one block, so the chunker keeps the list together.
    out: list[str] = []
    for block in blocks:
        if out and block.startswith("- ") and out[-1].split("\n")[-1].startswith("- "):
            out[-1] += "\n" + block
        else:
            out.append(block)
    return meta, "\n\n".join(out)
