"""What one line of captured text is (a bullet, a title, a dateline, a "Label: value" fact), and whether a
line break inside a block is a wrap of one line or the end of a line of its own."""

from __future__ import annotations

import re

BULLET = re.compile(r"^\s*(?:[•\-\*–▪●◦]|\d{1,2}[.)]|[a-zæøå]\))\s+")
MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*#*\s*$")
DATELINE = re.compile(r"^\s*Publisert\s+\d{2}\.\d{2}\.\d{4}")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9«\"(])")
# "Frist: 1. mars", "Dato høst: 12.09", "18.03.26: Thon hotel Bodø": a short label, a colon, a value.
_LABEL = re.compile(r"^([^\s:][^:]{0,40}):[ \t]+\S")
_MAX_LABEL_WORDS = 4
_MAX_HEADING_CHARS = 80
_MAX_HEADING_WORDS = 12
_SHORT_LINE = 90
# Prose wrapped at a fixed width: a line this long that does not end a sentence goes on in the next one.
_WRAPPED_PROSE = 60


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))


def looks_like_heading(line: str) -> bool:
    """A short title line: no sentence punctuation, no comma, colon or bar, a capital (or digit, §) first."""
    s = line.strip()
    if not (2 <= len(s) <= _MAX_HEADING_CHARS) or len(s.split()) > _MAX_HEADING_WORDS:
        return False
    if is_bullet(s) or s[-1] in ".:;,!?-" or "," in s or ":" in s or "|" in s:
        return False
    return s[0].isupper() or s[0].isdigit() or s[0] == "§"


def is_label_line(line: str) -> bool:
    """A short "Label: value" fact line, read as a line of its own."""
    s = line.strip()
    match = _LABEL.match(s)
    return (
        match is not None
        and len(s) <= _SHORT_LINE
        and len(match.group(1).split()) <= _MAX_LABEL_WORDS
        and not is_bullet(s)
    )


def continues(line: str, next_line: str) -> bool:
    """Whether `next_line` carries on `line` (a wrapped line) rather than starting a line of its own.

    A lower-case start always continues; a finished sentence, a lead-in (':'), a dateline, a "Label:
    value" line or a title line never is continued by a capital; a broken phrase (',' '-' at the end),
    the trailing space PDF extraction leaves at a wrap, or a long line of prose are continued."""
    a, b = line.rstrip(), next_line.strip()
    if not a.strip() or not b or is_bullet(next_line):
        return False
    if b[0].islower():
        return True
    if a.endswith((".", "!", "?", ":")) or DATELINE.match(a) or is_label_line(a):
        return False
    if a.endswith((",", ";", "-", "–", "/", "(")):
        return True
    if looks_like_heading(a):
        return False
    return line != a or len(a.strip()) >= _WRAPPED_PROSE


def logical_lines(lines: list[str]) -> list[str]:
    """The block's lines with wrapped ones joined (single spaces): each is a line as the author wrote it."""
    out: list[str] = []
    previous = ""
    for raw in lines:
        if not raw.strip():
            continue
        text = " ".join(raw.split())
        if out and continues(previous, raw):
            out[-1] += " " + text
        else:
            out.append(text)
        previous = raw
    return out
