"""Slide decks: where the pages of text captured from a PDF begin, and slide titles set after their content.

Text extracted from a presentation marks each page with a form feed, or starts it on a line indented by
one space, straight after the last line of the page before. Many decks put a slide's title at the bottom,
after the points it heads; a document reads that way when most of its pages end in a title line.
"""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.ingest.furniture import is_navigation
from assistant.ingest.lines import continues, looks_like_heading

_PAGE_START = re.compile(r"^ \S")
# One indented line after a title could be a list; a deck marks many pages.
_MIN_PAGE_MARKS = 2


def split_pages(text: str) -> list[str]:
    """The pages of captured PDF text (each a verbatim stretch of it), or the whole text as one."""
    if "\f" in text:
        return text.split("\f")
    lines = text.split("\n")
    starts = [i for i in range(1, len(lines)) if _starts_page(lines[i - 1], lines[i])]
    if len(starts) < _MIN_PAGE_MARKS:
        return [text]
    bounds = [0, *starts, len(lines)]
    return ["\n".join(lines[a:b]) for a, b in pairwise(bounds)]


def _starts_page(previous: str, line: str) -> bool:
    """A page's first line (indented by one space) follows the page before without a blank line. An
    indented list item follows a blank line, another item, or the lead-in that ends in ':'."""
    return (
        bool(_PAGE_START.match(line))
        and bool(previous.strip())
        and not previous[:1].isspace()
        and not previous.rstrip().endswith(":")
    )


def is_title_line(line: str) -> bool:
    return looks_like_heading(line) and any(c.isalpha() for c in line) and not is_navigation(line)


def trailing_title(text: str) -> tuple[str, str] | None:
    """(the page's text before its last line, that line) when the last line is a title line of its own
    (not the end of a wrapped line) with text before it."""
    lines = text.rstrip().split("\n")
    body = "\n".join(lines[:-1])
    if len(lines) < 2 or not body.strip() or not is_title_line(lines[-1]):
        return None
    if continues(lines[-2], lines[-1]):
        return None
    return body, lines[-1].strip()


def _opens_with_title(text: str) -> bool:
    first = next((line for line in text.split("\n") if line.strip()), "")
    return is_title_line(first)


def is_deck(pages: list[str]) -> bool:
    """Most pages (at least two) open with content and end in a title, and the titles differ: a page
    footer ("Side 3") repeats, a slide title does not."""
    titles = [found[1] for page in pages if not _opens_with_title(page) and (found := trailing_title(page))]
    shapes = {re.sub(r"\d+", "#", title.casefold()) for title in titles}
    return len(titles) >= 2 and 2 * len(titles) >= len(pages) and len(shapes) == len(titles)
