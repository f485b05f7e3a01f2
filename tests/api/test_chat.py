"""/api/chat, /api/chat/stream and /api/search against a real server on loopback."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from assistant import texts
from tests.conftest import FAKE_APERTIUM_TIMEOUT_S, normalize
from tests.fake_apertium import FakeApertium

QUESTION = "Hvem prioriterer hvilke tiltak som får tilskudd?"


def sse_events(response: httpx.Response) -> list[tuple[str, str]]:
    events, name, data = [], "message", []
    for line in response.iter_lines():
        if line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].removeprefix(" "))
        elif not line and data:
            events.append((name, "\n".join(data)))
            name, data = "message", []
    return events


def test_chat_answers_with_citations_and_starts_a_conversation(client: httpx.Client) -> None:
    response = client.post("/api/chat", json={"message": QUESTION, "conversation_id": None})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {
        "conversation_id",
        "message_id",
        "answer",
        "citations",
        "abstained",
        "resolved_question",
        "route",
        "maalform",
        "plan",
        "parts",
    }
    assert data["plan"]["type"] == "hvem" and data["plan"]["question"] == QUESTION
    assert not data["abstained"]
    assert "samarbeidsforum" in data["answer"].lower()
    assert data["resolved_question"] == QUESTION
    first = data["citations"][0]
    assert set(first) == {
        "n", "document", "title", "url", "section", "page", "published", "text", "score", "passage_id",
    }  # fmt: skip
    assert first["passage_id"].startswith(first["document"] + "::")
    assert "[1]" in data["answer"]


def test_follow_up_is_resolved_against_the_conversation(client: httpx.Client) -> None:
    first = client.post(
        "/api/chat",
        json={"message": "Hvem er målgruppen for tilskuddsordningen for fag- og yrkesopplæringen?"},
    ).json()
    follow = client.post(
        "/api/chat",
        json={"message": "Gjelder det også fagskolelærere?", "conversation_id": first["conversation_id"]},
    ).json()
    assert follow["conversation_id"] == first["conversation_id"]
    assert follow["message_id"] != first["message_id"]
    assert follow["resolved_question"] != "Gjelder det også fagskolelærere?"
    assert "yrkesopplæring" in follow["resolved_question"]
    assert not follow["abstained"]
    assert "som hovedregel ikke" in normalize(follow["answer"])
    # The same follow-up in a fresh conversation has nothing to lean on.
    alone = client.post("/api/chat", json={"message": "Gjelder det også fagskolelærere?"}).json()
    assert alone["resolved_question"] == "Gjelder det også fagskolelærere?"


def test_unknown_conversation_is_404(client: httpx.Client) -> None:
    response = client.post("/api/chat", json={"message": QUESTION, "conversation_id": "finnes-ikke"})
    assert response.status_code == 404
    assert response.json()["code"] == "conversation_not_found"
    assert "finnes-ikke" in response.json()["message"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"message": ""}, 422, "empty_question"),
        ({"message": "   \n\t "}, 422, "empty_question"),
        ({"message": "x" * 4001}, 413, "question_too_long"),
        ({"message": 42}, 422, "invalid_request"),
        ({"message": ["liste"]}, 422, "invalid_request"),
        ({"conversation_id": None}, 422, "invalid_request"),
        ({"message": QUESTION, "conversation_id": 7}, 422, "invalid_request"),
        ({"message": QUESTION, "ukjent": 1}, 422, "invalid_request"),
    ],
)
def test_bad_chat_input_gets_a_clear_error(
    client: httpx.Client, body: object, status: int, code: str
) -> None:
    for path in ("/api/chat", "/api/chat/stream"):
        response = client.post(path, json=body)
        assert response.status_code == status, (path, response.text)
        data = response.json()
        assert data["code"] == code
        assert data["message"] and not data["message"].startswith("Field")


def test_invalid_json_is_422(client: httpx.Client) -> None:
    response = client.post(
        "/api/chat", content=b'{"message": "hei', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_json"
    assert "JSON" in response.json()["message"]


def test_stream_sends_deltas_then_citations_then_done(client: httpx.Client) -> None:
    whole = client.post("/api/chat", json={"message": QUESTION}).json()
    with client.stream("POST", "/api/chat/stream", json={"message": QUESTION}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = sse_events(response)
    names = [name for name, _ in events]
    assert names[-2:] == ["citations", "done"]
    assert set(names[:-2]) == {"delta"} and len(names) > 3
    text = "".join(json.loads(data)["text"] for name, data in events if name == "delta")
    assert text == whole["answer"]
    meta = json.loads(events[-2][1])
    assert meta["citations"] == whole["citations"]
    assert meta["message_id"] and meta["conversation_id"] != whole["conversation_id"]


def test_stream_continues_a_conversation(client: httpx.Client) -> None:
    first = client.post(
        "/api/chat", json={"message": "Hva er regional ordning for kompetanseutvikling?"}
    ).json()
    with client.stream(
        "POST",
        "/api/chat/stream",
        json={"message": "Hvem kan søke om det?", "conversation_id": first["conversation_id"]},
    ) as response:
        events = sse_events(response)
    meta = json.loads(next(data for name, data in events if name == "citations"))
    assert meta["conversation_id"] == first["conversation_id"]
    assert meta["resolved_question"] != "Hvem kan søke om det?"


def test_a_hanging_apertium_gives_a_bokmal_answer_in_time_and_leaves_no_process(
    client: httpx.Client, fake_apertium: FakeApertium
) -> None:
    """tests/language/test_apertium.py has the same through the service and the translator alone."""
    fake_apertium.hang()
    started = time.monotonic()
    response = client.post("/api/chat", json={"message": QUESTION, "maalform": "nn"})
    assert time.monotonic() - started < FAKE_APERTIUM_TIMEOUT_S + 4
    data = response.json()
    assert response.status_code == 200 and data["maalform"] == "nb"
    assert data["answer"].endswith(texts.NYNORSK_FAILED) and data["citations"]
    hung = fake_apertium.hung()
    assert len(hung) == 2 and fake_apertium.running(hung) == []

    fake_apertium.hang(False)
    data = client.post("/api/chat", json={"message": QUESTION, "maalform": "nn"}).json()
    assert data["maalform"] == "nn" and data["answer"].endswith(texts.NYNORSK_NOTE)


def test_a_stored_conversation_says_who_answered_each_turn_and_in_which_written_standard(
    client: httpx.Client, fake_apertium: FakeApertium
) -> None:
    first = client.post("/api/chat", json={"message": QUESTION, "maalform": "nn"}).json()
    advised = client.post(
        "/api/chat",
        json={
            "message": "Vi er en kommune, hvilke ordninger passer for oss?",
            "conversation_id": first["conversation_id"],
        },
    ).json()
    assert (first["route"], first["maalform"], advised["route"], advised["maalform"]) == (
        "retrieval", "nn", "advisor", "nb"
    )  # fmt: skip
    stored = client.get(f"/api/conversations/{first['conversation_id']}").json()["messages"]
    assert [(m["turn"], m["route"], m["maalform"]) for m in stored] == [
        (1, "retrieval", "nn"),
        (2, "advisor", "nb"),
    ]


def test_search_returns_scored_passages(client: httpx.Client) -> None:
    response = client.get("/api/search", params={"q": "fagskolelærere målgruppe", "k": 3})
    assert response.status_code == 200
    hits = response.json()
    assert [h["rank"] for h in hits] == [1, 2, 3]
    assert hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]
    assert any("Fagskolelærere er som hovedregel ikke" in normalize(h["text"]) for h in hits)
    bm25 = client.get("/api/search", params={"q": "fagskolelærere", "k": 2, "mode": "bm25"}).json()
    assert bm25[0]["dense"] == 0.0 and bm25[0]["lexical"] > 0


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"q": " "}, "empty_question"),
        ({}, "invalid_request"),
        ({"q": "x", "k": 0}, "invalid_request"),
        ({"q": "x", "k": 51}, "invalid_request"),
        ({"q": "x", "k": "fem"}, "invalid_request"),
        ({"q": "x", "mode": "magic"}, "invalid_request"),
    ],
)
def test_bad_search_input_is_422(client: httpx.Client, params: dict[str, object], code: str) -> None:
    response = client.get("/api/search", params=params)
    assert response.status_code == 422
    assert response.json()["code"] == code


def test_unknown_path_and_method_use_the_error_shape(client: httpx.Client) -> None:
    missing = client.get("/api/finnes-ikke")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong = client.get("/api/chat")
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"
    assert wrong.json()["message"] == "«/api/chat» kan ikke brukes med GET."
    assert "POST" in wrong.headers["allow"]
