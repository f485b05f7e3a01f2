"""Reply drafts for secretariat staff: an inquiry in, a formal reply letter out.

The inquiry is split into its questions, each answered on its own (`answer_question`, letter style), and
the answers are put together into one letter with one source list. Nothing is written that a source or
the scheme catalogue does not say: a question the sources do not answer is said to be not covered, and
the "whom to contact" line comes from the catalogue or is the generic advice. The letter's fixed text is
hand-written in bokmål and nynorsk (texts.py); only answers and catalogue values are machine-translated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from assistant import texts
from assistant.answer.citations import to_citation
from assistant.drafts.inquiry import situated, split_inquiry
from assistant.errors import EmptyQuestion, QuestionTooLong
from assistant.freshness import format_date
from assistant.language import Maalform, TranslationUnavailable, detect, translate
from assistant.models import Answer, Citation, Passage, ScoredPassage
from assistant.schemes.catalogue import Catalogue, Evidence, Scheme, normalize_quote
from assistant.schemes.matching import contact_phrase, find_scheme

__all__ = [
    "MAX_QUESTIONS",
    "Block",
    "BlockKind",
    "DraftContext",
    "DraftedQuestion",
    "Letter",
    "Source",
    "draft_reply",
    "split_inquiry",
    "to_markdown",
]

MAX_QUESTIONS = 10  # one letter, not a questionnaire: more than this is better split by the sender

# --- the letter ----------------------------------------------------------------------------------------

BlockKind = Literal[
    "date", "recipient", "subject", "paragraph", "heading", "subheading", "question", "bullet", "source",
    "quote", "remark", "note", "signature",
]  # fmt: skip
# "remark": how the text was made (machine translation); "note": the AI-draft warning.
_MARKER = re.compile(r"\[(\d{1,3})\]")
_BULLET_LINE = re.compile(r"^\s*[-•*]\s+")


@dataclass(frozen=True)
class Block:
    """One piece of the letter. Markdown and Word are both drawn from the same blocks, so the two
    formats cannot say different things."""

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class Source:
    """A cited passage in the letter's one source list; `citation.n` is its number in the letter."""

    citation: Citation
    publisher: str | None
    date: str  # as the letter writes it: "2. desember 2022", "2026", "udatert"
    address: str  # the URL, or the publisher and file name when the source has no URL

    @property
    def n(self) -> int:
        return self.citation.n

    def reference(self, maalform: Maalform) -> str:
        """ "Title, section, side n": what a reader needs to find the passage."""
        c = self.citation
        parts = [part for part in c.section.split(" > ") if part]
        if parts and parts[0] == c.title:
            parts.pop(0)  # the breadcrumb starts with the title already shown
        where = [" – ".join(parts)] if parts else []
        if c.page:
            where.append(texts.LETTER_PAGE[maalform].format(page=c.page))
        return ", ".join([c.title, *where])

    def to_dict(self) -> dict[str, Any]:
        return {**self.citation.to_dict(), "publisher": self.publisher, "address": self.address}


@dataclass(frozen=True)
class DraftedQuestion:
    number: int
    question: str  # as the inquiry wrote it
    covered: bool  # False: the sources do not answer it, and the letter says so
    answer: str  # with the letter's source numbers
    rules: tuple[int, ...]  # the sources the answer rests on
    contact: str  # whom to contact next, with source numbers where the catalogue has a quote

    @property
    def citations(self) -> list[int]:
        return sorted({int(n) for n in _MARKER.findall(f"{self.answer} {self.contact}")})

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "covered": self.covered,
            "answer": self.answer,
            "contact": self.contact,
            "citations": self.citations,
        }


@dataclass(frozen=True)
class Letter:
    maalform: Maalform  # the written standard of the letter's own text
    subject: str
    questions: tuple[DraftedQuestion, ...]
    sources: tuple[Source, ...]
    blocks: tuple[Block, ...]
    markdown: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "markdown": self.markdown,
            "maalform": self.maalform,
            "questions": [q.to_dict() for q in self.questions],
            "citations": [s.to_dict() for s in self.sources],
        }


@dataclass(frozen=True)
class DraftContext:
    """What a letter needs from the running service. The service builds it (`service.draft_reply`), so
    that this domain never imports the service."""

    answer: Callable[[str, Maalform], Answer]  # one standalone question, in letter style, in that målform
    passages: Sequence[Passage]  # the indexed passages, for the source list's publishers
    catalogue: Catalogue | None  # whom to contact; None when the corpus has no scheme catalogue
    max_question_chars: int


def draft_reply(
    context: DraftContext,
    inquiry: str,
    maalform: Maalform | None = None,
    sender: str | None = None,
    recipient: str | None = None,
    today: date | None = None,
) -> Letter:
    """A reply letter to `inquiry` in `maalform` (None: as the inquiry is written). Nothing is stored."""
    text, questions = _validate(context, inquiry)
    target: Maalform = maalform or detect(text)
    sources = _SourceList(context, target)
    asked = situated(text, questions)
    answered = [(q, context.answer(a, target)) for q, a in zip(questions, asked, strict=True)]
    drafted = [_drafted(context, n, q, a, target, sources) for n, (q, a) in enumerate(answered, start=1)]
    asked_bokmal = [a.resolved_question or q for q, a in answered]
    # Said once for the letter, and only about answers the letter shows.
    shown = [_split_note(a.answer)[1] for _, a in answered if not a.abstained]
    notes = list(dict.fromkeys(note for note in shown if note))
    head = _Head(
        target,
        _subject(context, asked_bokmal, target),
        (today or date.today()).isoformat(),
        _clean(recipient),
        _clean(sender),
    )
    blocks = _blocks(head, drafted, sources.sources, notes)
    return Letter(target, head.subject, tuple(drafted), tuple(sources.sources), blocks, to_markdown(blocks))


def _validate(context: DraftContext, inquiry: str) -> tuple[str, list[str]]:
    text = inquiry.strip()
    limit = context.max_question_chars
    if not text:
        raise EmptyQuestion(texts.INQUIRY_EMPTY)
    if len(text) > limit:
        raise QuestionTooLong(texts.INQUIRY_TOO_LONG.format(length=len(text), limit=limit))
    questions = split_inquiry(text)
    if not questions:  # a greeting and a signature, nothing asked
        raise EmptyQuestion(texts.INQUIRY_EMPTY)
    if len(questions) > MAX_QUESTIONS:
        raise QuestionTooLong(
            texts.INQUIRY_TOO_MANY_QUESTIONS.format(count=len(questions), limit=MAX_QUESTIONS)
        )
    return text, questions


def _clean(value: str | None) -> str | None:
    """One line: "Kari Nordmann\nBodø kommune" → "Kari Nordmann, Bodø kommune"."""
    lines = [" ".join(line.split()) for line in (value or "").splitlines()]
    return ", ".join(line for line in lines if line) or None


class _SourceList:
    """One numbering for the whole letter: the same passage cited under several questions keeps one
    number, in order of first use."""

    def __init__(self, context: DraftContext, maalform: Maalform) -> None:
        self._passages = context.passages
        self._publishers = {p.document: p.publisher for p in self._passages if p.publisher}
        self._maalform = maalform
        self._numbers: dict[tuple[str, str, int | None, str], int] = {}
        self.sources: list[Source] = []

    def number(self, citation: Citation) -> int:
        key = (citation.document, citation.section, citation.page, citation.text)
        if key not in self._numbers:
            n = len(self.sources) + 1
            self._numbers[key] = n
            self.sources.append(self._source(Citation(**{**citation.to_dict(), "n": n})))
        return self._numbers[key]

    def number_quote(self, evidence: Evidence) -> int | None:
        """The number of the passage holding a catalogue quote; None if no single passage holds it."""
        quote = normalize_quote(evidence.quote)
        holder = next(
            (
                p
                for p in self._passages
                if p.document == evidence.document and quote in normalize_quote(p.text)
            ),
            None,
        )
        return None if holder is None else self.number(to_citation(0, ScoredPassage(holder, score=1.0)))

    def _source(self, citation: Citation) -> Source:
        publisher = self._publishers.get(citation.document)
        if citation.url:
            address = citation.url
        elif publisher:
            address = texts.LETTER_ADDRESS[self._maalform].format(
                publisher=publisher, document=citation.document
            )
        else:
            address = texts.LETTER_ADDRESS_FILE[self._maalform].format(document=citation.document)
        return Source(citation, publisher, format_date(citation.published, self._maalform), address)


def _drafted(
    context: DraftContext,
    number: int,
    question: str,
    answer: Answer,
    maalform: Maalform,
    sources: _SourceList,
) -> DraftedQuestion:
    if answer.abstained:
        return DraftedQuestion(
            number,
            question,
            False,
            texts.LETTER_NOT_COVERED[maalform],
            (),
            texts.LETTER_WHOM_TO_ASK[maalform],
        )
    text, _ = _split_note(answer.answer)
    # Numbered in reading order, so a letter's sources run 1, 2, 3 … down the page.
    by_n = {c.n: c for c in answer.citations}
    in_order = [by_n[n] for n in dict.fromkeys(int(m) for m in _MARKER.findall(text)) if n in by_n]
    renumber = {c.n: sources.number(c) for c in [*in_order, *answer.citations]}
    body = _MARKER.sub(
        lambda m: f"[{renumber[int(m.group(1))]}]" if int(m.group(1)) in renumber else "", text
    )
    rules = tuple(sorted({int(n) for n in _MARKER.findall(body)}))
    contact = _contact(context, answer.resolved_question or question, answer.citations, maalform, sources)
    return DraftedQuestion(number, question, True, body, rules, contact)


# Notes the answers end with, and what the letter says once instead.
_NOTES = {
    texts.NYNORSK_NOTE: texts.LETTER_NYNORSK_NOTE,
    texts.NYNORSK_NOTE_NO_QUOTES: texts.LETTER_NYNORSK_NOTE,  # the letter's source list quotes verbatim
    texts.NYNORSK_NOTE_LLM: texts.NYNORSK_NOTE_LLM,
    texts.NYNORSK_UNAVAILABLE: texts.NYNORSK_UNAVAILABLE,
    texts.NYNORSK_FAILED: texts.NYNORSK_FAILED,
}


def _split_note(text: str) -> tuple[str, str | None]:
    """An answer's text without the translation note it may end with, and the letter's note for it."""
    stripped = text.rstrip()
    for note, letter_note in _NOTES.items():
        if stripped.endswith(note):
            return stripped.removesuffix(note).rstrip(), letter_note
    return text, None


def _contact(
    context: DraftContext, question: str, citations: list[Citation], maalform: Maalform, sources: _SourceList
) -> str:
    """Whom to contact, from the catalogue: the scheme the question names, else the schemes whose
    "apply to" quote stands in a cited passage; otherwise the generic advice. `question` is in bokmål."""
    catalogue = context.catalogue
    if catalogue is None:
        return texts.LETTER_WHOM_TO_ASK[maalform]
    named = find_scheme(catalogue, question)
    if named is not None and named.apply_to:
        return _contact_line(named.apply_to, named, maalform, sources)
    cited = [
        (scheme, evidence)
        for scheme in catalogue.schemes
        for evidence in scheme.apply_to
        if any(_holds(c, evidence) for c in citations)
    ]
    if not cited:
        return texts.LETTER_WHOM_TO_ASK[maalform]
    only = cited[0][0] if len({scheme.id for scheme, _ in cited}) == 1 else None
    unique = {evidence.value: evidence for _, evidence in cited}
    return _contact_line(tuple(unique.values()), only, maalform, sources)


def _holds(citation: Citation, evidence: Evidence) -> bool:
    return citation.document == evidence.document and normalize_quote(evidence.quote) in normalize_quote(
        citation.text
    )


def _contact_line(
    evidence: tuple[Evidence, ...], scheme: Scheme | None, maalform: Maalform, sources: _SourceList
) -> str:
    places = []
    for item in evidence:
        n = sources.number_quote(item)
        places.append(_contact_phrase(item.value, maalform) + (f" [{n}]" if n else ""))
    where = _join(places, texts.LETTER_OR[maalform])
    if scheme is None:
        return texts.LETTER_CONTACT[maalform].format(where=where)
    return texts.LETTER_CONTACT_SCHEME[maalform].format(scheme=_in(scheme.name, maalform), where=where)


def _contact_phrase(value: str, maalform: Maalform) -> str:
    """ "Statsforvalteren i fylket ditt", "fylkeskommunen": the catalogue value as it reads mid-sentence."""
    phrase = texts.LETTER_CONTACT_PHRASES[maalform].get(value)
    return phrase if phrase is not None else _in(contact_phrase(value), maalform)


def _in(text: str, maalform: Maalform) -> str:
    """A catalogue value (a scheme's name, a contact) in the letter's written standard. These are data,
    not the letter's fixed text, so Apertium translates them; without it they stay in bokmål."""
    if maalform == "nb":
        return text
    try:
        return translate(text, "nb", maalform)
    except TranslationUnavailable:
        return text


def _join(items: list[str], last: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def _subject(context: DraftContext, questions: list[str], maalform: Maalform) -> str:
    """ "Svar på henvendelse om <scheme>" when every question names one of at most two schemes; else the
    subject is the schemes in general."""
    catalogue = context.catalogue
    schemes = [find_scheme(catalogue, q) for q in questions] if catalogue is not None else [None]
    named = list(dict.fromkeys(s.name for s in schemes if s is not None))
    if len(named) <= 2 and all(schemes):  # a subject must cover every question, or it misleads
        topic = _in(_join(named, texts.LETTER_AND["nb"]), maalform)
    else:
        topic = texts.LETTER_TOPIC_GENERAL[maalform]
    return texts.LETTER_SUBJECT[maalform].format(topic=topic[:1].lower() + topic[1:])


# --- layout ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Head:
    maalform: Maalform
    subject: str
    today: str  # ISO date
    recipient: str | None
    sender: str | None


def _blocks(
    head: _Head, drafted: list[DraftedQuestion], sources: list[Source], notes: list[str]
) -> tuple[Block, ...]:
    m = head.maalform
    blocks = [Block("date", texts.LETTER_DATE[m].format(date=format_date(head.today, m)))]
    if head.recipient:
        blocks.append(Block("recipient", texts.LETTER_RECIPIENT[m].format(recipient=head.recipient)))
    blocks += [
        Block("subject", head.subject),
        Block("paragraph", _greeting(head)),
        Block("paragraph", _intro(m, drafted)),
    ]
    for question in drafted:
        blocks += _question_blocks(question, sources, m)
    blocks += [
        Block("paragraph", texts.LETTER_CLOSING[m]),
        Block("signature", head.sender or texts.LETTER_SENDER_PLACEHOLDER[m]),
    ]
    if sources:
        blocks.append(Block("heading", texts.LETTER_SOURCES_HEADING[m]))
    for source in sources:
        line = f"[{source.n}] {source.reference(m)} ({source.date}). {source.address}."
        blocks += [Block("source", line), Block("quote", source.citation.text.strip())]
    blocks += [Block("remark", note) for note in notes]
    blocks.append(Block("note", texts.LETTER_AI_NOTE[m]))
    return tuple(blocks)


def _greeting(head: _Head) -> str:
    if head.recipient is None:
        return texts.LETTER_GREETING[head.maalform]
    name = head.recipient.split(",")[0].strip()  # "Kari Nordmann, Bodø kommune" → "Kari Nordmann"
    return texts.LETTER_GREETING_NAMED[head.maalform].format(name=name)


def _intro(maalform: Maalform, drafted: list[DraftedQuestion]) -> str:
    count = len(drafted)
    if count == 1:
        intro = texts.LETTER_INTRO_ONE[maalform]
    else:
        intro = texts.LETTER_INTRO_MANY[maalform].format(
            count=texts.LETTER_COUNT_WORDS.get(count, str(count))
        )
    if not all(q.covered for q in drafted):
        intro = f"{intro} {texts.LETTER_NOT_ALL_COVERED[maalform]}"
    return intro


def _question_blocks(question: DraftedQuestion, sources: list[Source], maalform: Maalform) -> list[Block]:
    blocks = [
        Block("heading", texts.LETTER_QUESTION_HEADING[maalform].format(n=question.number)),
        Block("question", question.question),
        *_text_blocks(question.answer),
    ]
    if question.rules:
        by_number = {s.n: s for s in sources}
        blocks += [
            Block("subheading", texts.LETTER_RULES_HEADING[maalform]),
            Block("paragraph", texts.LETTER_RULES_INTRO[maalform]),
            *(Block("bullet", f"{by_number[n].reference(maalform)} [{n}]") for n in question.rules),
        ]
    blocks += [
        Block("subheading", texts.LETTER_CONTACT_HEADING[maalform]),
        Block("paragraph", question.contact),
    ]
    return blocks


def _text_blocks(text: str) -> list[Block]:
    """An answer as paragraphs and bullets: its lines are sentences, list lines start with "- "."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip() and not _BULLET_LINE.match(line):
            paragraph.append(line.strip())
            continue
        if paragraph:
            blocks.append(Block("paragraph", " ".join(paragraph)))
            paragraph = []
        if line.strip():
            blocks.append(Block("bullet", _BULLET_LINE.sub("", line).strip()))
    return blocks


_MARKDOWN = {
    "subject": "# {}",
    "heading": "## {}",
    "subheading": "### {}",
    "bullet": "- {}",
    "remark": "_{}_",
    "note": "***{}***",
}


def to_markdown(blocks: tuple[Block, ...]) -> str:
    """The letter as Markdown; bullets that follow each other form one list."""
    out: list[str] = []
    for i, block in enumerate(blocks):
        if block.kind in ("question", "quote"):
            text = "\n".join(f"> {line}".rstrip() for line in block.text.splitlines())
        else:
            text = _MARKDOWN.get(block.kind, "{}").format(block.text)
        joined_list = block.kind == "bullet" and i > 0 and blocks[i - 1].kind == "bullet"
        out.append(("\n" if joined_list else "\n\n") + text if out else text)
    return "".join(out) + "\n"
