"""The assistant's own chat API: one answer, the same answer streamed, and raw passage search."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.concurrency import iterate_in_threadpool, run_in_threadpool
from sse_starlette import EventSourceResponse
from starlette.background import BackgroundTask

from assistant import texts
from assistant.api.deps import BODY_ERRORS, ServicesDep, WorkLimitsDep
from assistant.api.errors import ApiError
from assistant.api.schemas import ChatRequest, ChatResponse, ConversationResponse, ErrorBody, SearchHit
from assistant.api.slots import needs_translation
from assistant.retrieval import Mode
from assistant.service import Delta, Done, Restart, StreamEvent, ask, ask_stream, search

router = APIRouter(tags=["chat"])

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Ukjent samtale."},
    413: {"model": ErrorBody, "description": "Spørsmålet er for langt."},
    422: {"model": ErrorBody, "description": "Tomt spørsmål eller feil format."},
}


@router.post("/api/chat", response_model=ChatResponse, responses={**ERRORS, **BODY_ERRORS})
async def chat(body: ChatRequest, services: ServicesDep, limits: WorkLimitsDep) -> dict[str, Any]:
    """Still et spørsmål. Uten `conversation_id` starter en ny samtale; oppfølgingsspørsmål løses opp
    mot samtalen."""
    with limits.translation.claim(needs_translation([body.message], body.maalform)):
        answer = await run_in_threadpool(ask, services, body.message, body.conversation_id, body.maalform)
    return answer.to_dict()


@router.get(
    "/api/conversations/{conversation_id}",
    response_model=ConversationResponse,
    responses={404: {"model": ErrorBody, "description": "Ukjent samtale."}},
)
def conversation(conversation_id: str, services: ServicesDep) -> dict[str, Any]:
    """Hele samtalen, eldste utveksling først, slik at nettsiden kan vise den igjen etter en omlasting."""
    exchanges = services.chatlog.exchanges(conversation_id)
    return {"conversation_id": conversation_id, "messages": [asdict(e) for e in exchanges]}


def _event(event: StreamEvent) -> dict[str, str]:
    match event:
        case Delta(text):
            return {"event": "delta", "data": json.dumps({"text": text}, ensure_ascii=False)}
        case Restart(notice):
            return {"event": "restart", "data": json.dumps({"notice": notice}, ensure_ascii=False)}
        case Done(answer):
            meta = answer.to_dict()
            del meta["answer"]
            return {"event": "citations", "data": json.dumps(meta, ensure_ascii=False)}


@router.post(
    "/api/chat/stream",
    responses={
        **ERRORS,
        **BODY_ERRORS,
        200: {"description": "Hendelsene", "content": {"text/event-stream": {}}},
    },
)
async def chat_stream(body: ChatRequest, services: ServicesDep, limits: WorkLimitsDep) -> EventSourceResponse:
    """Samme svar som Server-Sent Events: `delta` (tekst), så `citations`, så `done`. Med en språkmodell
    kan `restart` komme underveis: forkast teksten så langt, svaret kommer på nytt (med en merknad)."""
    # The question is read, routed and retrieved before the stream opens, so a bad request still gets
    # a plain 4xx; only the writing happens while streaming. A translation slot is held to the end.
    claim = limits.translation.claim(needs_translation([body.message], body.maalform))
    try:
        events = await run_in_threadpool(
            ask_stream, services, body.message, body.conversation_id, body.maalform
        )
    except BaseException:
        claim.release()
        raise

    async def stream() -> AsyncIterator[dict[str, str]]:
        with claim:
            async for event in iterate_in_threadpool(events):
                yield _event(event)
            yield {"event": "done", "data": "{}"}

    # The background release covers a stream that never started (the client left first).
    return EventSourceResponse(stream(), background=BackgroundTask(claim.release))


@router.get("/api/search", response_model=list[SearchHit], responses=ERRORS)
def search_passages(
    services: ServicesDep,
    q: Annotated[str, Query(description="Søketekst, høyst ASSISTANT_MAX_QUESTION_CHARS (4000) tegn.")],
    k: Annotated[int, Query(ge=1, le=50)] = 5,
    mode: Annotated[Mode, Query(description="hybrid (standard), dense eller bm25.")] = "hybrid",
    rerank: bool = True,
) -> list[dict[str, Any]]:
    """Tekstbitene som best svarer til søket, med poeng, for dem som vil lese kildene selv."""
    limit = services.settings.max_question_chars
    if len(q) > limit:  # a query parameter, so a 422 like k's bounds, not the 413 of a question body
        clause = texts.VALIDATION_ERRORS["string_too_long"].format(field="q", max_length=limit)
        raise ApiError(422, "invalid_request", texts.INVALID_REQUEST.format(details=clause))
    hits = search(services, q, k, mode, rerank)
    return [
        {
            "rank": rank,
            "score": h.score,
            "dense": h.dense,
            "lexical": h.lexical,
            "coverage": h.coverage,
            "document": h.passage.document,
            "title": h.passage.title,
            "section": h.passage.section,
            "page": h.passage.page,
            "published": h.passage.published,
            "url": h.passage.url,
            "text": h.passage.text,
        }
        for rank, h in enumerate(hits, start=1)
    ]
