"""Document → passages: headings become breadcrumbs, lists stay with their lead-in, ≤ max chars each.

Web captures have no markup, so a short title-like line on its own counts as a heading, and a
"Publisert dd.mm.yyyy" line opens a dated news item whose next line is its title. A read-more link that
names its section's heading ends that section: what follows it sits under the heading above. In a slide
deck (slides.py) a page's title may stand after its content: it heads the page, or, below a title at
the top of the page, the fact lines and lists just above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from assistant.ingest.furniture import is_navigation
from assistant.ingest.lines import (
    DATELINE,
    MD_HEADING,
    SENTENCE_END,
    is_bullet,
    is_label_line,
    logical_lines,
    looks_like_heading,
)
from assistant.ingest.slides import is_deck, trailing_title
from assistant.models import Document, Page, Passage

# freshness.py imports DATELINE from here.
__all__ = ["DATELINE", "Block", "chunk_document", "parse_blocks"]

DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")


@dataclass
class Block:
    kind: str  # heading | dateline | paragraph | list
    text: str
    level: int = 0
    inferred: bool = False  # a heading read from a short title line, not from markup
    trailing: bool = False  # a slide title that stands after the content it heads


@dataclass
class _Section:
    path: list[str]
    published: str | None = None
    units: list[str] = field(default_factory=list)
    closable: str | None = None  # the inferred heading that a read-more link naming it closes


def parse_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for raw in re.split(r"\n[ \t]*\n", text):
        for part in _split_at_datelines(raw):
            if part.strip():
                blocks.extend(_classify(part.strip("\n")))
    return blocks


def _split_at_datelines(raw: str) -> list[str]:
    """A dateline always opens a block: a news list without blank lines still gives one item per date."""
    parts: list[list[str]] = [[]]
    for line in raw.split("\n"):
        if DATELINE.match(line) and any(ln.strip() for ln in parts[-1]):
            parts.append([])
        parts[-1].append(line)
    return ["\n".join(part) for part in parts]


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
            yield from _news_item(rest)
        return
    if looks_like_heading(first) and not is_navigation(first) and (not rest.strip() or _opens_content(rest)):
        yield Block("heading", first.strip(), level=2, inferred=True)
        if rest.strip():
            yield from _classify(rest)
        return
    kind = "list" if is_bullet(first) else "paragraph"
    yield Block(kind, raw)


def _opens_content(rest: str) -> bool:
    """A title line directly above a list, a lead-in, a "Label: value" line or a dateline heads it."""
    line = next(ln for ln in rest.split("\n") if ln.strip())
    return is_bullet(line) or line.rstrip().endswith(":") or is_label_line(line) or bool(DATELINE.match(line))


def _news_item(rest: str) -> Iterator[Block]:
    """The line after a dateline is the item's title, also when the item's text follows without a blank."""
    title, _, body = rest.partition("\n")
    if body.strip() and not is_bullet(title) and not MD_HEADING.match(title):
        yield Block("paragraph", title)
        yield from _classify(body.strip("\n"))
    else:
        yield from _classify(rest)


def _iso_date(line: str) -> str | None:
    dates = [f"{y}-{m}-{d}" for d, m, y in DATE.findall(line)]
    return max(dates) if dates else None


def _slide_blocks(text: str) -> tuple[list[Block], str | None]:
    """A deck page's blocks, with the title at its bottom moved up to where the run it heads begins; and
    that title, which the caller adds at the end of the page's text, where it stands in the source."""
    found = trailing_title(text)
    if found is None:
        return parse_blocks(text), None
    body, title = found
    blocks = parse_blocks(body)
    start = _run_start(blocks)
    if start == len(blocks):  # nothing for it to head: an ordinary heading at the bottom
        return parse_blocks(text), None
    head = Block("heading", title, level=2, trailing=True)
    run = [replace(b, level=3) if b.kind == "heading" else b for b in blocks[start:]]
    if start == 1 and blocks[0].kind == "heading":  # the top heading has nothing of its own: a sub-heading
        return [head, replace(blocks[0], level=3), *run], title
    return [*blocks[:start], head, *run], title


def _run_start(blocks: list[Block]) -> int:
    """Where a bottom title's run begins: the whole page; or, below a title at the top of the page, the
    lists and fact lines right above it (a paragraph of prose belongs to the top title)."""
    if not blocks or blocks[0].kind != "heading":
        return 0
    start = len(blocks)
    while start > 1 and (blocks[start - 1].kind == "list" or _is_fact(blocks[start - 1])):
        start -= 1
    return start


def _is_fact(block: Block) -> bool:
    """Lines that each say one thing: "Label: value" facts and links ("18.03.26: Thon hotel Bodø")."""
    lines = logical_lines(block.text.split("\n"))
    return block.kind == "paragraph" and all(is_label_line(ln) or is_navigation(ln) for ln in lines)


def _sections(doc: Document, page: Page, path: list[str], deck: bool) -> Iterator[_Section]:
    """Group a page's blocks into sections (heading path + text units). `path` carries across pages,
    except in a slide deck, where each page has its own titles."""
    if deck:
        path[:] = [doc.title]
    blocks, bottom_title = _slide_blocks(page.text) if deck else (parse_blocks(page.text), None)
    section = _Section(list(path))
    pending_title = False
    for block in blocks:
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
            opened = _open_heading(doc, block, section, path)
            if opened is not section:
                if section.units:
                    yield section
                section = opened
            continue
        if section.units and _joins_previous(section.units[-1], block):
            section.units[-1] += "\n\n" + block.text
        else:
            section.units.append(block.text)
        if _closes(section, block):
            yield section
            path[:] = path[:-1] if len(path) > 1 else [doc.title]
            section = _Section(list(path))
    if bottom_title is not None:
        section.units.append(bottom_title)
    if section.units:
        yield section


def _open_heading(doc: Document, block: Block, section: _Section, path: list[str]) -> _Section:
    """The section a heading opens (updating `path`), or `section` itself when the heading joins it: the
    page's own title, or the title of a dated news item, which stays with its dateline."""
    title = block.text.strip()
    if title == doc.title:
        path[:] = [doc.title]
        return section
    keep = max(1, (block.level or 2) - 1)
    path[:] = [*path[:keep], title]
    if len(section.units) == 1 and DATELINE.match(section.units[0]):
        section.path = list(path)
        section.units[0] += "\n\n" + title
        return section
    if block.trailing:  # its text stays at the bottom, where the source has it
        return _Section(list(path))
    # The heading opens the passage text too: it is verbatim source and often the answer itself.
    return _Section(list(path), units=[title], closable=title if block.inferred else None)


def _closes(section: _Section, block: Block) -> bool:
    """A web page's teaser section ends with a link to the full text about its heading ("Les mer om
    hospiteringsordningen.")."""
    if section.closable is None or block.kind == "heading":
        return False
    last = SENTENCE_END.split(" ".join(block.text.split()))[-1]
    return is_navigation(last) and section.closable.casefold() in last.casefold()


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
    if _refers_back(previous, block):
        return True
    return block.kind == "list" and not is_bullet(previous.split("\n")[0])


# Definite endings of a noun (longest first): «tilskuddsordningen» is «tilskuddsordning» said again.
_DEFINITE = ("ene", "ane", "en", "et", "a")
_LEAD_IN_WORDS = 6


def _refers_back(previous: str, block: Block) -> bool:
    """A bare lead-in whose subject is the previous paragraph's, in its definite form ("… i fag- og
    yrkesopplæringen skal bidra …" then "Tilskuddsordningen omfatter:"), stays with that paragraph: apart,
    the list would not say whose it is, and a question about it would not find it."""
    text = block.text.strip()
    if (
        block.kind != "paragraph"
        or "\n" in text
        or not text.endswith(":")
        or len(text.split()) > _LEAD_IN_WORDS
    ):
        return False
    if is_bullet(previous.split("\n")[0]) or not previous.rstrip().endswith((".", "!", "?")):
        return False
    first = text.split()[0].casefold()
    stem = next(
        (first[: -len(end)] for end in _DEFINITE if first.endswith(end) and len(first) - len(end) >= 5), None
    )
    return stem is not None and any(w.startswith(stem) for w in re.findall(r"\w+", previous.casefold()))


def chunk_document(doc: Document, max_chars: int = 1000) -> list[Passage]:
    passages: list[Passage] = []
    path: list[str] = [doc.title]
    deck = is_deck([page.text for page in doc.pages])
    for page in doc.pages:
        for section in _sections(doc, page, path, deck):
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
        # A long list: repeat its lead-in on each part so every part still says what the list is,
        # unless the lead-in itself would leave too little room for the items (or none: the splitter
        # then fails on a negative size): then the unit is split as plain text.
        lead = "\n".join(lines[: items[0]]).strip("\n")
        room = max_chars - len(lead) - 2
        if room >= max_chars // 4:
            groups = _split_text("\n".join(lines[items[0] :]), room)
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
