"""Citations as Markdown footnotes, for clients of the OpenAI protocol that only show `content`."""

from __future__ import annotations

import re

from assistant.freshness import format_date
from assistant.models import Answer, Citation


def footnote_markdown(answer: Answer) -> str:
    """The answer with its [n] markers as Markdown footnotes and the quoted sources below."""
    if not answer.citations:
        return answer.answer
    return f"{footnote_markers(answer.answer)}{footnote_notes(answer.citations)}"


def footnote_markers(text: str) -> str:
    """[n] → [^n]. Safe on streamed pieces too: the stream verifier never splits a marker."""
    return re.sub(r"\[(\d+)\]", r"[^\1]", text)


def footnote_notes(citations: list[Citation]) -> str:
    """The footnote block that follows the answer text, with its leading blank line."""
    if not citations:
        return ""
    return "\n\n" + "\n".join(_footnote(c) for c in citations)


def _footnote(c: Citation) -> str:
    where = ", ".join(x for x in (c.title, c.section, f"side {c.page}" if c.page else "") if x)
    # Every source shows its date, "udatert" too: the reader judges how current a quote is.
    date = f" ({format_date(c.published)})"
    link = f" {c.url}" if c.url else ""
    quote = " ".join(c.text.split())
    return f"[^{c.n}]: {where}{date}.{link} «{quote}»"
