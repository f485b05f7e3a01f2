"""A drafted reply letter as a Word file (python-docx), for staff who finish letters in Word.

The file is drawn from the same blocks as the Markdown, so the two never say different things; only the
look differs: Word headings, bullet lists, quotes in the Quote style, and the AI-draft note in bold
italics so it cannot be missed before sending.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import docx

from assistant.drafts.letter import Block, BlockKind, Letter

_AUTHOR = "Kompetanseassistenten"
_HEADING_LEVELS: dict[BlockKind, int] = {"subject": 1, "heading": 2, "subheading": 3}
_STYLES: dict[BlockKind, str] = {"question": "Intense Quote", "bullet": "List Bullet", "quote": "Quote"}


# What XML 1.0 cannot hold: control characters other than tab, line feed and carriage return, lone
# surrogates, and U+FFFE/U+FFFF. An inquiry may carry them (pasted from another program); lxml refuses
# the whole document for one, so they are dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def to_docx(letter: Letter) -> bytes:
    """The letter as .docx bytes."""
    document = docx.Document()
    properties = document.core_properties
    properties.title = xml_text(letter.subject)
    properties.author = _AUTHOR
    properties.language = f"{letter.maalform}-NO"
    for block in letter.blocks:
        _add(document, replace(block, text=xml_text(block.text)))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add(document: Any, block: Block) -> None:
    if block.kind in _HEADING_LEVELS:
        document.add_heading(block.text, level=_HEADING_LEVELS[block.kind])
        return
    paragraph = document.add_paragraph(style=_STYLES.get(block.kind))
    _FILL.get(block.kind, _plain)(paragraph, block.text)


def _plain(paragraph: Any, text: str) -> None:
    _lines(paragraph, text)


def _lines(paragraph: Any, text: str, **look: bool) -> None:
    """Keeps a quoted passage's line breaks (its lists and paragraphs) inside one Word paragraph."""
    for i, line in enumerate(text.splitlines()):
        run = paragraph.add_run(line)
        for name, value in look.items():
            setattr(run.font, name, value)
        if i < len(text.splitlines()) - 1:
            run.add_break()


def _source(paragraph: Any, text: str) -> None:
    """ "[3] Title, section (date). Address.": the number in bold, so the list is easy to scan."""
    number, _, rest = text.partition(" ")
    paragraph.add_run(number).bold = True
    paragraph.add_run(f" {rest}")


def _remark(paragraph: Any, text: str) -> None:
    _lines(paragraph, text, italic=True)


def _note(paragraph: Any, text: str) -> None:
    _lines(paragraph, text, bold=True, italic=True)


_FILL: dict[BlockKind, Callable[[Any, str], None]] = {"source": _source, "remark": _remark, "note": _note}
