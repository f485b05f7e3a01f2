"""OpenAI-compatible chat completions, so the official clients and LangChain's ChatOpenAI can talk to
the assistant. Citations come as Markdown footnotes in the content and in an extra `citations` field."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import iterate_in_threadpool, run_in_threadpool
from sse_starlette import EventSourceResponse
from starlette.background import BackgroundTask

from assistant import texts
from assistant.api.deps import BODY_ERRORS, ServicesDep, WorkLimitsDep
from assistant.api.schemas import OpenAIChatRequest
from assistant.api.slots import needs_translation
from assistant.api.streaming import footnote_markdown, footnote_markers, footnote_notes
from assistant.config import Settings
from assistant.errors import EmptyQuestion, RequestTooLarge
from assistant.models import Answer
from assistant.service import (
    Delta,
    Done,
    Restart,
    Services,
    StreamEvent,
    ask_stream,
    ask_with_history,
    validate_question,
)

router = APIRouter(prefix="/v1", tags=["openai"])
MODEL = "assistant"


@router.get("/models")
def models() -> dict[str, Any]:
    return {
        "object": "list",
        "data": [{"id": MODEL, "object": "model", "created": 0, "owned_by": "kompetanseassistenten"}],
    }


def _questions(body: OpenAIChatRequest, settings: Settings) -> list[str]:
    """The user turns, each checked like a question: every one of them is read, translated and resolved,
    so an earlier turn must not be a way around the limits. Empty earlier turns are skipped."""
    if len(body.messages) > settings.max_messages:
        count, limit = len(body.messages), settings.max_messages
        raise RequestTooLarge(texts.TOO_MANY_MESSAGES.format(count=count, limit=limit))
    total = sum(len(m.text()) for m in body.messages)
    if total > settings.max_conversation_chars:
        limit = settings.max_conversation_chars
        raise RequestTooLarge(texts.CONVERSATION_TOO_LONG.format(length=total, limit=limit))
    turns = [m.text() for m in body.messages if m.role == "user"]
    if not turns:
        raise EmptyQuestion(texts.EMPTY_QUESTION)
    earlier = [validate_question(t, settings) for t in turns[:-1] if t.strip()]
    return [*earlier, validate_question(turns[-1], settings)]


def _answer(services: Services, body: OpenAIChatRequest) -> Answer:
    questions = _questions(body, services.settings)
    return ask_with_history(services, questions[-1], questions[:-1], body.maalform)


def _events(services: Services, body: OpenAIChatRequest) -> Iterator[StreamEvent]:
    questions = _questions(body, services.settings)
    return ask_stream(services, questions[-1], None, body.maalform, earlier=questions[:-1])


def _usage(body: OpenAIChatRequest, content: str) -> dict[str, int]:
    # Word counts stand in for tokens: there is no tokenizer behind an extractive answer.
    prompt = sum(len(m.text().split()) for m in body.messages)
    completion = len(content.split())
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


@router.post("/chat/completions", response_model=None, responses=BODY_ERRORS)
async def chat_completions(
    body: OpenAIChatRequest, services: ServicesDep, limits: WorkLimitsDep
) -> dict[str, Any] | EventSourceResponse:
    completion_id = f"chatcmpl-{uuid.uuid4().hex}"
    created = int(time.time())
    turns = [m.text() for m in body.messages if m.role == "user"]
    claim = limits.translation.claim(needs_translation(turns, body.maalform))
    if not body.stream:
        with claim:
            answer = await run_in_threadpool(_answer, services, body)
        content = footnote_markdown(answer)
        return {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": MODEL,
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
            ],
            "usage": _usage(body, content),
            "citations": [c.to_dict() for c in answer.citations],
            "abstained": answer.abstained,
            "maalform": answer.maalform,
        }
    # Read, routed and retrieved before the stream opens: a bad request still gets a plain error. The
    # translation slot is held until the stream ends.
    try:
        events = await run_in_threadpool(_events, services, body)
    except BaseException:
        claim.release()
        raise

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> dict[str, str]:
        payload = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": MODEL,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
        return {"data": json.dumps(payload, ensure_ascii=False)}

    async def stream() -> AsyncIterator[dict[str, str]]:
        with claim:
            async for item in _chunks(events, chunk):
                yield item

    return EventSourceResponse(stream(), background=BackgroundTask(claim.release))


async def _chunks(
    events: Iterator[StreamEvent], chunk: Callable[..., dict[str, str]]
) -> AsyncIterator[dict[str, str]]:
    """The answer as OpenAI's chunks: the role, the text with footnote markers, then the notes."""
    yield chunk({"role": "assistant", "content": ""})
    async for event in iterate_in_threadpool(events):
        match event:
            case Delta(text):
                yield chunk({"content": footnote_markers(text)})
            case Restart(notice):
                # Clients of this protocol cannot take back text; the notice separates the two.
                yield chunk({"content": f"\n\n---\n{notice}\n\n"})
            case Done(answer):
                notes = footnote_notes(answer.citations)
                if notes:
                    yield chunk({"content": notes})
                citations = [c.to_dict() for c in answer.citations]
                yield chunk(
                    {}, "stop", citations=citations, abstained=answer.abstained, maalform=answer.maalform
                )
    yield {"data": "[DONE]"}
