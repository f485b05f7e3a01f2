"""Plain data shared by every stage: documents in, passages through the index, answers out."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# The two written standards of Norwegian: bokmål and nynorsk.
Maalform = Literal["nb", "nn"]
MAALFORMS: tuple[Maalform, ...] = ("nb", "nn")

# The scheme advisor's closed vocabularies, shared by the catalogue, matching, the rule files and the API.
OWNER_TYPES = ("kommune", "fylkeskommune", "privat_barnehageeier", "privat_skoleeier")
SECTORS = ("barnehage", "grunnskole", "videregaende", "fag_og_yrkesopplaering", "ppt", "sfo")
NEED_KINDS = ("kollektiv", "individuell", "veiledning")  # what an owner may need; matching adds "any"
FITS = ("passer", "kan passe", "passer ikke")
# Who may take part as the owners' partner or provider of the measures (not as a target group).
PARTNER_TYPES = (
    "universitet_hogskole", "fagskole", "kompetansemiljo", "arbeidslivet", "bransjeorganisasjon", "bedrift",
)  # fmt: skip


QuestionType = Literal["hvem", "hva", "naar", "hvor", "hvor_mye", "hvor_mange", "hvordan", "ja_nei", "liste"]
QUESTION_TYPES: tuple[QuestionType, ...] = (
    "hvem", "hva", "naar", "hvor", "hvor_mye", "hvor_mange", "hvordan", "ja_nei", "liste",
)  # fmt: skip


@dataclass(frozen=True)
class AnswerPlan:
    """How a question was read (assistant/answer/plan.py), handed to every later stage so that none
    parses the question again; in the JSON output as `plan`, so a wrong answer can be traced to a wrong
    reading or a wrong composition."""

    question: str  # the standalone bokmål question the plan reads
    type: QuestionType
    focus: tuple[str, ...] = ()  # the words of what is asked for ("leder" in "Hvem leder forumet?")
    topic: tuple[str, ...] = ()  # the naming words of what it is about
    # Catalogue ids in scope: named in the question, else in the conversation, else in the text around the
    # questions of the inquiry a reply letter answers.
    schemes: tuple[str, ...] = ()
    schemes_from: Literal["question", "conversation", "inquiry", "none"] = "none"
    parts: tuple[str, ...] = ()  # standalone sub-questions of a multi-part question; () for one
    # The sectors the asker's words put the question in ("barnehagene og skolene" of a kommune: barnehage,
    # grunnskole), from the question, the conversation or the inquiry; they narrow a scope-less question.
    sectors: tuple[str, ...] = ()

    @property
    def multi_part(self) -> bool:
        return len(self.parts) > 1

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "focus": list(self.focus), "topic": list(self.topic),
                "schemes": list(self.schemes), "parts": list(self.parts),
                "sectors": list(self.sectors)}  # fmt: skip


@dataclass(frozen=True)
class Page:
    """A stretch of document text; `number` is the 1-based PDF page, None for non-paged formats."""

    text: str
    number: int | None = None


@dataclass(frozen=True)
class Document:
    document: str  # id: path relative to the ingested root, e.g. "udir-velge-kompetansetiltak.md"
    title: str
    pages: list[Page]
    content_hash: str
    publisher: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Passage:
    id: str
    document: str
    title: str
    section: str  # heading breadcrumb, " > "-joined
    text: str  # verbatim passage, cited as-is
    chunk_index: int
    content_hash: str
    page: int | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None

    @property
    def region(self) -> str:
        """The place its publisher serves, what the name says after «i» («Statsforvalteren i Oslo og Viken»:
        "Oslo og Viken"); "" for a national body (Utdanningsdirektoratet)."""
        found = re.search(r"\bi\s+(.+)$", self.publisher or "")
        return found.group(1).strip() if found else ""

    @property
    def contextual_text(self) -> str:
        """What gets embedded and BM25-indexed: the breadcrumb gives a bare passage its topic."""
        return f"{self.section}\n\n{self.text}" if self.section else self.text


@dataclass(frozen=True)
class ScoredPassage:
    passage: Passage
    score: float
    dense: float = 0.0
    lexical: float = 0.0
    coverage: float = 0.0  # share of the question's content terms found in the passage
    unit_similarity: dict[int, float] = field(default_factory=dict, compare=False)  # unit position → dense


@dataclass(frozen=True)
class Citation:
    n: int
    document: str
    title: str
    url: str | None
    section: str
    page: int | None
    published: str | None
    text: str
    score: float
    # The store id of the cited passage, so a page can open the document at it; "" when a quote spans
    # passages and no single one holds it (the advisor's fallback).
    passage_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class LetterSource(Citation):
    """A citation in a reply letter's source list, with where a reader finds the source."""

    publisher: str | None = None
    address: str = ""  # the URL, or the publisher and file name when the source has none


@dataclass(frozen=True)
class PartResult:
    """One part of a question in parts, as answered: `answered` is False when the sources don't answer
    it (the answer says so under its heading)."""

    question: str
    answered: bool


@dataclass(frozen=True)
class Answer:
    conversation_id: str
    answer: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    resolved_question: str | None = None  # the standalone question retrieval used (follow-ups)
    message_id: str | None = None  # set once the exchange is stored
    route: str = "retrieval"  # "advisor" when the scheme advisor answered
    maalform: str = "nb"  # the written standard of `answer`: "nb" or "nn"
    plan: AnswerPlan | None = None  # how the question was read; None for answers not planned (advisor)
    # A question in parts: whether each part is answered; one the sources don't answer is named so in the
    # text, and is not counted as answered because the parts beside it are.
    parts: tuple[PartResult, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape (CLI --json and the API)."""
        return {
            "conversation_id": self.conversation_id,
            "message_id": self.message_id,
            "answer": self.answer,
            "citations": [c.to_dict() for c in self.citations],
            "abstained": self.abstained,
            "resolved_question": self.resolved_question,
            "route": self.route,
            "maalform": self.maalform,
            "plan": self.plan.to_dict() if self.plan is not None else None,
            "parts": [asdict(p) for p in self.parts],
        }
