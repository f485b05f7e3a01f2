"""Request and response bodies: the public JSON contract of the API (OpenAPI at /docs)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from assistant.models import AnswerPlan, Citation, LetterSource, PartResult


def whole_characters(value: Any) -> bool:
    """False when a text in `value` holds half of a UTF-16 surrogate pair. JSON can write one ("\\ud800"),
    and Python decodes it into a str that cannot be encoded: stored, translated or sent back, it fails.
    Walked with a stack, not recursion: a body may nest as deep as the JSON parser allows."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, list | tuple):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
    return True


class RequestBody(BaseModel):
    """A request body: unknown fields are refused, and every text in it must be whole characters."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _whole_characters(cls, value: Any) -> Any:
        if not whole_characters(value):
            # The type names the Norwegian clause in texts.VALIDATION_ERRORS (api/validation.py).
            raise PydanticCustomError("invalid_characters", "text with a lone surrogate")
        return value


class ChatRequest(RequestBody):
    message: str = Field(description="Spørsmålet, på bokmål eller nynorsk.")
    conversation_id: str | None = Field(None, description="Null starter en ny samtale.")
    maalform: Literal["nb", "nn"] | None = Field(
        None, description="Målform for svaret: nb eller nn. Null betyr samme målform som spørsmålet."
    )


class ChatResponse(BaseModel):
    conversation_id: str
    message_id: str
    answer: str
    citations: list[Citation]  # the dataclass shared with the CLI's --json
    abstained: bool
    resolved_question: str = Field(description="Spørsmålet slik søket forsto det (oppfølging løst opp).")
    route: Literal["retrieval", "advisor"] = Field(
        description="Hvem som svarte: søket i dokumentene eller ordningsrådgiveren."
    )
    maalform: Literal["nb", "nn"] = Field(description="Målformen svaret er skrevet på.")
    plan: AnswerPlan | None = Field(
        default=None,
        description="Hvordan spørsmålet ble lest: type, fokus, tema, ordninger og delspørsmål.",
    )
    parts: list[PartResult] = Field(
        default_factory=list,
        description="Et spørsmål i flere deler: om kildene svarer på hver del. Tom for ett spørsmål.",
    )


class ConversationMessage(BaseModel):
    message_id: str
    turn: int = Field(description="1, 2, … i samtalen.")
    question: str = Field(description="Spørsmålet slik brukeren skrev det.")
    resolved_question: str = Field(description="Spørsmålet slik søket forsto det.")
    answer: str
    citations: list[Citation]
    abstained: bool
    created_at: str
    route: Literal["retrieval", "advisor"] | None = Field(
        default=None,
        description="Hvem som svarte: søket i dokumentene eller ordningsrådgiveren. Null for svar lagret "
        "før dette ble tatt vare på.",
    )
    maalform: Literal["nb", "nn"] | None = Field(
        default=None, description="Målformen svaret er skrevet på. Null som for route."
    )


class ConversationResponse(BaseModel):
    conversation_id: str
    messages: list[ConversationMessage] = Field(description="Utvekslingene i samtalen, eldste først.")


class SearchHit(BaseModel):
    rank: int
    score: float
    dense: float
    lexical: float
    coverage: float
    document: str
    title: str
    section: str
    page: int | None
    published: str | None
    url: str | None
    text: str


class UploadResponse(BaseModel):
    id: str
    status: Literal["added", "updated", "unchanged"]
    chunks: int
    message: str


class FeedbackRequest(RequestBody):
    conversation_id: str
    message_id: str
    rating: Literal["up", "down"]
    comment: str | None = Field(None, max_length=4000)


class ErrorBody(BaseModel):
    code: str
    message: str


# OpenAI-compatible chat completions: only what the official clients send and read.
class OpenAIMessage(RequestBody):
    model_config = ConfigDict(extra="allow")  # name, tool_calls … are accepted and ignored

    role: Literal["system", "user", "assistant", "tool", "developer", "function"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return " ".join(str(part.get("text", "")) for part in self.content if part.get("type") == "text")
        return self.content or ""


class OpenAIChatRequest(RequestBody):
    model_config = ConfigDict(extra="allow")  # temperature, max_tokens … are accepted and ignored

    model: str = "assistant"
    messages: list[OpenAIMessage] = Field(min_length=1)
    stream: bool = False
    maalform: Literal["nb", "nn"] | None = None  # our extension; null answers as asked


# Reply drafts (/api/draft).
class DraftRequest(RequestBody):
    inquiry: str = Field(description="Henvendelsen det skal svares på, på bokmål eller nynorsk.")
    maalform: Literal["nb", "nn"] | None = Field(
        None, description="Målform for brevet: nb eller nn. Null betyr samme målform som henvendelsen."
    )
    sender: str | None = Field(None, max_length=300, description="Avsender under «Med vennlig hilsen».")
    recipient: str | None = Field(
        None, max_length=300, description="Mottaker, for eksempel «Kari Nordmann, Bodø kommune»."
    )


class DraftQuestion(BaseModel):
    question: str = Field(description="Spørsmålet slik henvendelsen stilte det.")
    covered: bool = Field(
        description="Usann når kildene ikke svarer på spørsmålet; brevet sier det da rett ut."
    )
    answer: str
    contact: str = Field(description="Hvem mottakeren kan kontakte om spørsmålet.")
    citations: list[int] = Field(description="Numrene i brevets kildeliste som svaret viser til.")


class DraftResponse(BaseModel):
    markdown: str = Field(description="Hele brevutkastet som Markdown.")
    maalform: Literal["nb", "nn"] = Field(description="Målformen brevet er skrevet på.")
    questions: list[DraftQuestion]
    citations: list[LetterSource] = Field(description="Brevets kildeliste, én nummerering for hele brevet.")


# Public sources (/api/sources): what the web page lists and shows; no server paths or file hashes.
class SourceSummary(BaseModel):
    id: str = Field(description="Dokumentets id, den samme som `document` i kildehenvisningene.")
    title: str
    publisher: str | None = Field(description="Utgiver, eller null når den ikke er kjent.")
    published: str | None = Field(description="Dato (ÅÅÅÅ-MM-DD eller kortere), eller null: udatert.")
    url: str | None = Field(description="Lenke til originalen, eller null.")
    passages: int = Field(description="Antall tekstbiter dokumentet er delt i.")


class SourcePassageBody(BaseModel):
    id: str = Field(description="Tekstbitens id, den samme som `passage_id` i kildehenvisningene.")
    section: str = Field(description="Overskriftene over tekstbiten, skilt med « > ».")
    page: int | None = Field(description="Sidetall i PDF-en, eller null for andre formater.")
    text: str


class SourceDocument(BaseModel):
    id: str = Field(description="Dokumentets id, den samme som `document` i kildehenvisningene.")
    title: str
    publisher: str | None
    published: str | None = Field(description="Dato, eller null: udatert.")
    url: str | None
    passages: list[SourcePassageBody] = Field(description="Tekstbitene i dokumentets rekkefølge.")


# What users ask that the documents don't answer (/api/admin/gaps).
class GapGroupBody(BaseModel):
    count: int = Field(description="Antall spørsmål i gruppen (ubesvarte og tommel ned).")
    latest: datetime = Field(description="Når det siste spørsmålet i gruppen ble stilt.")
    abstained: int = Field(description="Hvor mange av dem assistenten ikke svarte på.")
    thumbs_down: int = Field(description="Hvor mange av svarene som fikk tommel ned.")
    example: str = Field(description="Det siste spørsmålet i gruppen, slik brukeren skrev det.")
    answer: str = Field(description="Svaret eksempelspørsmålet fikk.")
    questions: list[str] = Field(description="Ulike spørsmål i gruppen, nyeste først (høyst 20).")


class GapReportBody(BaseModel):
    groups: list[GapGroupBody] = Field(description="Gruppene, flest spørsmål først, så nyeste først.")
    total: int = Field(description="Antall spørsmål som er lest og gruppert.")
