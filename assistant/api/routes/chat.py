"""The assistant's own chat API: one answer, the same answer streamed, and raw passage search."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from sse_starlette import EventSourceResponse

from assistant.api.deps import ServicesDep
from assistant.api.schemas import ChatRequest, ChatResponse, ErrorBody, SearchHit
from assistant.api.streaming import pieces
from assistant.models import Answer
from assistant.retrieval import Mode
from assistant.service import ask, search

router = APIRouter(tags=["chat"])

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Ukjent samtale."},
    413: {"model": ErrorBody, "description": "Spørsmålet er for langt."},
    422: {"model": ErrorBody, "description": "Tomt spørsmål eller feil format."},
}


@router.post("/api/chat", response_model=ChatResponse, responses=ERRORS)
def chat(body: ChatRequest, services: ServicesDep) -> dict[str, Any]:
    """Still et spørsmål. Uten `conversation_id` starter en ny samtale; oppfølgingsspørsmål løses opp
    mot samtalen."""
    return ask(services, body.message, body.conversation_id, body.maalform).to_dict()


def _events(answer: Answer) -> list[dict[str, str]]:
    events = [
        {"event": "delta", "data": json.dumps({"text": p}, ensure_ascii=False)} for p in pieces(answer.answer)
    ]
    meta = answer.to_dict()
    del meta["answer"]
    events.append({"event": "citations", "data": json.dumps(meta, ensure_ascii=False)})
    events.append({"event": "done", "data": "{}"})
    return events


@router.post("/api/chat/stream", responses=ERRORS)
async def chat_stream(body: ChatRequest, services: ServicesDep) -> EventSourceResponse:
    """Samme svar som Server-Sent Events: `delta` (tekst), så `citations`, så `done`."""
    # The answer is made before the stream opens, so a bad question still gets a plain 4xx.
    answer = await run_in_threadpool(ask, services, body.message, body.conversation_id, body.maalform)

    async def stream() -> AsyncIterator[dict[str, str]]:
        for event in _events(answer):
            yield event

    return EventSourceResponse(stream())


@router.get("/api/search", response_model=list[SearchHit], responses=ERRORS)
def search_passages(
    services: ServicesDep,
    q: Annotated[str, Query(description="Søketekst.")],
    k: Annotated[int, Query(ge=1, le=50)] = 5,
    mode: Annotated[Mode, Query(description="hybrid (standard), dense eller bm25.")] = "hybrid",
    rerank: bool = True,
) -> list[dict[str, Any]]:
    """Tekstbitene som best svarer til søket, med poeng, for dem som vil lese kildene selv."""
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
