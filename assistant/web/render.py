"""Answer and letter text → safe HTML for the page. The answer keeps its verbatim sentences; only the few
marks the composer writes (lines, "- " bullets, **bold**, _italic_, [n]) become markup, and everything
else is escaped, so a source can never inject HTML."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup, escape
from rapidfuzz import fuzz

from assistant.drafts.letter import Block

_MARKER = re.compile(r"\[(\d+)\]")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_STRONG_ITALIC = re.compile(r"\*\*\*(.+?)\*\*\*")
_ITALIC = re.compile(r"(?<![\w*])_(.+?)_(?![\w*])")
_BULLET = re.compile(r"^\s*[-•]\s+")


def inline(text: str, anchor: str) -> Markup:
    """One line: escaped, with emphasis and each [n] as a link to the answer's source n. The page's
    script turns these links into buttons that open the source panel; without script they jump to the
    source list under the answer."""
    html = str(escape(text))
    html = _STRONG_ITALIC.sub(r"<strong><em>\1</em></strong>", html)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    html = _ITALIC.sub(r"<em>\1</em>", html)
    html = _MARKER.sub(
        lambda m: f'<a class="cite" href="#{anchor}-{m.group(1)}" data-n="{m.group(1)}">[{m.group(1)}]</a>',
        html,
    )
    return Markup(html)


def answer_html(text: str, anchor: str) -> Markup:
    """Lines become paragraphs, runs of "- " lines one list; `anchor` makes the source ids unique per
    answer on a page that shows a whole conversation."""
    out: list[str] = []
    items: list[str] = []
    for line in [*text.splitlines(), ""]:
        if _BULLET.match(line):
            items.append(f"<li>{inline(_BULLET.sub('', line), anchor)}</li>")
            continue
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
            items = []
        if line.strip():
            out.append(f"<p>{inline(line.strip(), anchor)}</p>")
    return Markup("".join(out))


_BLOCK_TAGS = {"subject": "h2", "heading": "h3", "subheading": "h4"}


def letter_html(blocks: Sequence[Block], anchor: str) -> Markup:
    """A reply letter drawn from the same blocks as its Markdown and Word forms."""
    out: list[str] = []
    items: list[str] = []
    for block in [*blocks, None]:
        if block is not None and block.kind == "bullet":
            items.append(f"<li>{inline(block.text, anchor)}</li>")
            continue
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
            items = []
        if block is None:
            break
        body = "<br>".join(str(inline(line, anchor)) for line in block.text.splitlines())
        if block.kind in _BLOCK_TAGS:
            tag = _BLOCK_TAGS[block.kind]
            out.append(f"<{tag}>{body}</{tag}>")
        elif block.kind in ("question", "quote"):
            out.append(f"<blockquote>{body}</blockquote>")
        elif block.kind in ("remark", "note"):
            out.append(f'<p class="letter-note"><em>{body}</em></p>')
        else:
            out.append(f"<p>{body}</p>")
    return Markup("".join(out))


_CITED = re.compile(r"(.*?)((?:\s*\[\d+\])+)")
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
_MIN_QUOTE = 12  # shorter pieces ("Ja.") would light up words anywhere in the passage
_PASSAGE_SENTENCE = re.compile(r"[^\s.!?][^.!?\n]*[.!?]?")
# A nynorsk answer quotes the bokmål source in translation: "skuleeigarar kan søkje om tilskot" against
# "skoleeiere kan søke om tilskudd" scores about 88, unrelated sentences of the same passage below 45.
_TRANSLATED_MATCH = 75


def quotes_for(answer: str, n: int) -> list[str]:
    """The answer's text that cites source n: each stretch of a line that ends in markers naming n."""
    quotes: list[str] = []
    for line in answer.splitlines():
        line = _BULLET.sub("", _BOLD.sub("", line))
        for m in _CITED.finditer(line):
            if n in {int(x) for x in _MARKER.findall(m.group(2))}:
                quotes.append(m.group(1).strip())
    return [q for q in quotes if q]


def _pattern(piece: str) -> re.Pattern[str]:
    # The passage may wrap lines or keep a list's dash where the answer joined the words.
    words = [re.escape(w) for w in piece.split()]
    return re.compile(r"[\s\-–•]*".join(words))


def highlight(passage: str, quotes: Sequence[str]) -> Markup:
    """The passage, escaped, with each quoted sentence found in it marked. A quote the composer led
    with context ("Udir skriver: …") is matched sentence by sentence, so its verbatim part still lights up."""
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        pieces = [quote, *_SENTENCE_END.split(quote)]
        for i, raw in enumerate(pieces):
            piece = raw.strip().strip('«»"')
            if len(piece) < _MIN_QUOTE:
                continue
            found = _pattern(piece).search(passage)
            span = found.span() if found else None if i == 0 else _translated(passage, piece)
            if span:
                spans.append(span)
                if i == 0:
                    break  # the whole quote was found; its sentences need no search
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    out, pos = [], 0
    for start, end in merged:
        out += [str(escape(passage[pos:start])), f"<mark>{escape(passage[start:end])}</mark>"]
        pos = end
    out.append(str(escape(passage[pos:])))
    return Markup("".join(out))


def _translated(passage: str, piece: str) -> tuple[int, int] | None:
    """The passage sentence a translated quote renders, when it is clearly that one."""
    best, score = None, 0.0
    for sentence in _PASSAGE_SENTENCE.finditer(passage):
        ratio = fuzz.ratio(piece.casefold(), sentence.group().casefold())
        if ratio > score:
            best, score = sentence.span(), ratio
    return best if score >= _TRANSLATED_MATCH else None
