"""Document → passages: headings become breadcrumbs, lists stay with their lead-in, ≤ max chars each.

Web captures have no markup, so a short title-like line on its own counts as a heading, and a
"Publisert dd.mm.yyyy" line opens a dated news item whose next line is its title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.models import Document, Page, Passage

BULLET = re.compile(r"^\s*(?:[•\-\*–▪●◦]|\d{1,2}[.)]|[a-zæøå]\))\s+")
MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*#*\s*$")
DATELINE = re.compile(r"^\s*Publisert\s+\d{2}\.\d{2}\.\d{4}")
DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9«\"(])")
_MAX_HEADING_CHARS = 80
_MAX_HEADING_WORDS = 12


@dataclass
class Block:
    kind: str  # heading | dateline | paragraph | list
    text: str
    level: int = 0


@dataclass
class _Section:
    path: list[str]
    published: str | None = None
    units: list[str] = field(default_factory=list)


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))


def looks_like_heading(line: str) -> bool:
    s = line.strip()
    if not (2 <= len(s) <= _MAX_HEADING_CHARS) or len(s.split()) > _MAX_HEADING_WORDS:
        return False
    if is_bullet(s) or s[-1] in ".:;,!?-" or "," in s or ":" in s or "|" in s:
        return False
    return s[0].isupper() or s[0].isdigit() or s[0] == "§"


def parse_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for raw in re.split(r"\n[ \t]*\n", text):
        if raw.strip():
            blocks.extend(_classify(raw.strip("\n")))
    return blocks


def _classify(raw: str) -> Iterator[Block]:
    lines = raw.split("\n")
    first = lines[0]
    rest = "\n".join(lines[1:]).strip("\n")
    md = MD_HEADING.match(first)
    if md:
        yield Block("heading", md.group(2).strip(), level=len(md.group(1)))
        if rest.strip():
            yield from _classify(rest)
        return
    if DATELINE.match(first):
        yield Block("dateline", first.rstrip())
        if rest.strip():
            yield from _classify(rest)
        return
    if len(lines) == 1 and looks_like_heading(first):
        yield Block("heading", first.strip(), level=2)
        return
    if looks_like_heading(first) and rest.strip():
        rest_lines = [ln for ln in rest.split("\n") if ln.strip()]
        if is_bullet(rest_lines[0]) or rest_lines[0].rstrip().endswith(":"):
            yield Block("heading", first.strip(), level=2)
            yield from _classify(rest)
            return
    kind = "list" if is_bullet(first) else "paragraph"
    yield Block(kind, raw)


def _iso_date(line: str) -> str | None:
    dates = [f"{y}-{m}-{d}" for d, m, y in DATE.findall(line)]
    return max(dates) if dates else None


def _sections(doc: Document, page: Page, path: list[str]) -> Iterator[_Section]:
    """Group a page's blocks into sections (heading path + text units). `path` carries across pages."""
    section = _Section(list(path))
    pending_title = False
    for block in parse_blocks(page.text):
        if block.kind == "dateline":
            if section.units:
                yield section
            path[:] = [doc.title]
            section = _Section(list(path), published=_iso_date(block.text), units=[block.text])
            pending_title = True
            continue
        is_title = pending_title and block.kind == "paragraph" and "\n" not in block.text
        pending_title = False
        if block.kind == "heading" or is_title:
            title = block.text.strip()
            if title == doc.title:
                path[:] = [doc.title]
                continue
            keep = max(1, (block.level or 2) - 1)
            path[:] = [*path[:keep], title]
            news_opening = len(section.units) == 1 and DATELINE.match(section.units[0])
            if news_opening:  # the title of a dated item stays with its dateline
                section.path = list(path)
                section.units[0] += "\n\n" + title
                continue
            if section.units:
                yield section
            # The heading opens the passage text too: it is verbatim source and often the answer itself.
            section = _Section(list(path), units=[title])
            continue
        if section.units and _joins_previous(section.units[-1], block):
            section.units[-1] += "\n\n" + block.text
        else:
            section.units.append(block.text)
    if section.units:
        yield section


def _joins_previous(previous: str, block: Block) -> bool:
    """A heading stays with its first block; a list with the sentence that introduces it; a line
    ending in ':' with what follows."""
    if DATELINE.match(previous):
        return "\n\n" in previous  # a dateline with its title joins the item's text
    if "\n" not in previous and looks_like_heading(previous):
        return True
    last_line = previous.rstrip().split("\n")[-1].strip()
    if last_line.endswith(":"):
        return True
    return block.kind == "list" and not is_bullet(previous.split("\n")[0])


def chunk_document(doc: Document, max_chars: int = 1000) -> list[Passage]:
    passages: list[Passage] = []
    path: list[str] = [doc.title]
    for page in doc.pages:
        for section in _sections(doc, page, path):
            for text in _pack(section.units, max_chars):
                passages.append(
                    Passage(
                        id=f"{doc.document}::{doc.content_hash[:12]}::{len(passages)}",
                        document=doc.document,
                        title=doc.title,
                        section=" > ".join(section.path or [doc.title]),
                        text=text,
                        chunk_index=len(passages),
                        content_hash=doc.content_hash,
                        page=page.number,
                        url=doc.url,
                        published=section.published or doc.published,
                        publisher=doc.publisher,
                    )
                )
    return passages


def _pack(units: list[str], max_chars: int) -> Iterator[str]:
    """Greedy packing of whole units; only a unit longer than max_chars is split."""
    current = ""
    for unit in units:
        for piece in _split_unit(unit, max_chars):
            candidate = f"{current}\n\n{piece}" if current else piece
            if len(candidate) <= max_chars:
                current = candidate
            else:
                if current.strip():
                    yield current
                current = piece
    if current.strip():
        yield current


def _split_unit(unit: str, max_chars: int) -> list[str]:
    if len(unit) <= max_chars:
        return [unit]
    lines = unit.split("\n")
    items = [i for i, ln in enumerate(lines) if is_bullet(ln)]
    if items:
        # A long list: repeat its lead-in on each part so every part still says what the list is.
        lead = "\n".join(lines[: items[0]]).strip("\n")
        groups = _split_text("\n".join(lines[items[0] :]), max_chars - len(lead) - 2)
        return [f"{lead}\n\n{g}" if lead else g for g in groups]
    return _split_text(unit, max_chars)


def _split_text(text: str, limit: int) -> list[str]:
    """Paragraphs, then lines, then sentences, then words: langchain's recursive splitter."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=limit,
        chunk_overlap=0,
        separators=["\n\n", "\n", ". ", " ", ""],
        keep_separator="end",
        strip_whitespace=True,
    )
    return [part for part in splitter.split_text(text) if part.strip()]
