"""Which backend writes the answer: the LLM when one is configured and it delivers a verified, cited
answer; otherwise the extractive backend, with a notice that says why.

An LLM answer is accepted only when, after verification, it cites at least one source and passes the
same answer checks as an extractive one (an amount question needs an amount from a source). Anything
else (timeout, HTTP error, broken stream, no cited claim) falls back, and the reader is told.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant import texts
from assistant.answer.citations import (
    StreamVerifier,
    asks_to_drop_instructions,
    finalize,
    invented_figures,
    unsupported_answer_reason,
)
from assistant.answer.extractive import AnswerBackend, Style
from assistant.answer.llm import LLMBackend, LLMUnavailable
from assistant.models import AnswerPlan, Citation, Maalform, ScoredPassage


@dataclass(frozen=True)
class Composed:
    text: str
    citations: list[Citation]
    maalform: Maalform  # what `text` is written in: the LLM writes the reader's, extraction quotes bokmål
    notice: str | None = None  # why the LLM's answer was not used, for the reader


def compose(
    question: str,
    hits: list[ScoredPassage],
    extractive: AnswerBackend,
    llm: LLMBackend | None,
    maalform: Maalform = "nb",
    style: Style = "answer",
    plan: AnswerPlan | None = None,
) -> Composed:
    notice = None
    if llm is not None:
        try:
            verified = finalize(llm.draft(question, hits, maalform, style, plan), hits)
        except LLMUnavailable as exc:
            notice = exc.message
        else:
            if _acceptable(question, verified.text, verified.citations):
                return Composed(verified.text, verified.citations, maalform)
            notice = texts.LLM_NO_CITED_CLAIM
    return extract(question, hits, extractive, style, notice, plan)


def extract(
    question: str,
    hits: list[ScoredPassage],
    extractive: AnswerBackend,
    style: Style = "answer",
    notice: str | None = None,
    plan: AnswerPlan | None = None,
) -> Composed:
    verified = finalize(extractive.draft(question, hits, "nb", style, plan), hits)
    return Composed(verified.text, verified.citations, "nb", notice)


@dataclass(frozen=True)
class Rejected:
    """The streamed LLM answer is not usable; everything sent so far is to be discarded."""

    notice: str


def stream_llm(
    question: str,
    hits: list[ScoredPassage],
    llm: LLMBackend,
    maalform: Maalform = "nb",
    style: Style = "answer",
) -> Iterator[str | Composed | Rejected]:
    """Verified pieces of the LLM's answer as they arrive, then the Composed answer, or Rejected when it
    fails midway or turns out to cite nothing. Markers are numbered by first appearance, since text
    already sent cannot be renumbered."""
    verifier = StreamVerifier(len(hits))
    sent: list[str] = []
    try:
        for chunk in llm.stream(question, hits, maalform, style):
            piece = verifier.feed(chunk)
            if piece:
                sent.append(piece)
                yield piece
        tail = verifier.close()
    except LLMUnavailable as exc:
        yield Rejected(exc.message)
        return
    if tail:
        sent.append(tail)
        yield tail
    text, citations = "".join(sent), verifier.citations(hits)
    if _acceptable(question, text, citations):
        yield Composed(text, citations, maalform)
    else:
        yield Rejected(texts.LLM_NO_CITED_CLAIM)


def _acceptable(question: str, text: str, citations: list[Citation]) -> bool:
    """A model's answer is used when it cites, rests on no source that gives the model orders (a planted
    "ignore your instructions …"), gives no figure its sources lack, and passes the guard."""
    return (
        bool(citations)
        and not any(asks_to_drop_instructions(c.text) for c in citations)
        and not invented_figures(question, text, citations)
        and unsupported_answer_reason(question, text, citations) is None
    )


_WORD = re.compile(r"\S+\s*")


def pieces(text: str, words: int = 4) -> Iterator[str]:
    """A finished answer as word groups. The extractive answer exists whole before the first byte;
    streaming it in pieces gives clients the same event flow as an LLM's."""
    tokens = _WORD.findall(text)
    lead = text[: len(text) - len(text.lstrip())]
    if lead:
        yield lead
    for i in range(0, len(tokens), words):
        yield "".join(tokens[i : i + words])
