"""Search, Ask and Draft over HTTP, so the same harness scores a running service (`eval --api URL`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.evaluation.acceptability import Reply, reply_from_letter_parts
from assistant.evaluation.runner import Ask, Draft, Search
from assistant.models import Answer, Citation, Passage, ScoredPassage
from assistant.retrieval import Mode


def _citation(data: dict[str, Any]) -> Citation:
    # Fields with a default (passage_id) may be missing from a server older than this client.
    return Citation(**{name: data[name] for name in Citation.__dataclass_fields__ if name in data})


def api_client(base_url: str, timeout: float = 30.0) -> tuple[Search, Ask, Draft]:
    import httpx

    client = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout)

    def search(question: str, k: int, mode: Mode, rerank: bool) -> list[ScoredPassage]:
        params: dict[str, str | int] = {"q": question, "k": k, "mode": mode, "rerank": str(rerank).lower()}
        response = client.get("/api/search", params=params)
        response.raise_for_status()
        return [
            ScoredPassage(
                Passage(
                    id=f"{h['document']}#{h['rank']}",
                    document=h["document"],
                    title=h["title"],
                    section=h["section"],
                    text=h["text"],
                    chunk_index=0,
                    content_hash="",
                    page=h["page"],
                    url=h["url"],
                    published=h["published"],
                ),
                score=h["score"],
                dense=h["dense"],
                lexical=h["lexical"],
                coverage=h["coverage"],
            )
            for h in response.json()
        ]

    def ask(question: str, history: Sequence[str]) -> Answer:
        conversation_id = None
        for earlier in history:
            response = client.post("/api/chat", json={"message": earlier, "conversation_id": conversation_id})
            response.raise_for_status()
            conversation_id = response.json()["conversation_id"]
        response = client.post("/api/chat", json={"message": question, "conversation_id": conversation_id})
        response.raise_for_status()
        data = response.json()
        return Answer(
            conversation_id=data["conversation_id"],
            answer=data["answer"],
            citations=[_citation(c) for c in data["citations"]],
            abstained=data["abstained"],
            resolved_question=data["resolved_question"],
            message_id=data["message_id"],
            route=data.get("route", "retrieval"),
            maalform=data.get("maalform", "nb"),
        )

    def draft(inquiry: str) -> Reply:
        response = client.post("/api/draft", json={"inquiry": inquiry}, timeout=max(timeout, 120.0))
        response.raise_for_status()
        data = response.json()
        return reply_from_letter_parts(
            data["markdown"],
            [q["covered"] for q in data["questions"]],
            [q["answer"] for q in data["questions"]],
            [_citation(c) for c in data["citations"]],
            data["maalform"],
        )

    return search, ask, draft
