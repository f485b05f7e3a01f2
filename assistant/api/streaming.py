"""How a finished answer is sent in pieces. The extractive answer exists whole before the first byte;
sending it as word groups gives clients the same event flow an LLM backend will produce."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.models import Answer, Citation

_WORD = re.compile(r"\S+\s*")


def pieces(text: str, words: int = 4) -> Iterator[str]:
    tokens = _WORD.findall(text)
    lead = text[: len(text) - len(text.lstrip())]
    if lead:
        yield lead
    for i in range(0, len(tokens), words):
        yield "".join(tokens[i : i + words])


def footnote_markdown(answer: Answer) -> str:
    """The answer with its [n] markers as Markdown footnotes and the quoted sources below."""
    if not answer.citations:
        return answer.answer
    body = re.sub(r"\[(\d+)\]", r"[^\1]", answer.answer)
    notes = "\n".join(_footnote(c) for c in answer.citations)
    return f"{body}\n\n{notes}"


def _footnote(c: Citation) -> str:
    where = ", ".join(x for x in (c.title, c.section, f"side {c.page}" if c.page else "") if x)
    date = f" ({c.published})" if c.published else ""
    link = f" {c.url}" if c.url else ""
    quote = " ".join(c.text.split())
    return f"[^{c.n}]: {where}{date}.{link} «{quote}»"
