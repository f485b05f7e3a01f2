"""The LLM answer path end to end: the real app on loopback, the real index, and the real langchain
client talking to the scripted OpenAI-protocol server. Every LLM failure must end in the extractive
answer with a notice, never in a 500."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from openai import OpenAI

from assistant import texts
from assistant.answer.llm import build_llm
from assistant.api import create_app
from assistant.chatlog import ChatLog
from assistant.service import Services
from tests.api.conftest import serve
from tests.llm_server import LLMServer, llm_settings

QUESTION = "Hvem prioriterer hvilke tiltak som får tilskudd?"
GOOD = "Det er samarbeidsforumet i fylket som prioriterer tiltakene [1]."


@pytest.fixture
def llm_services(services: Services, llm_server: LLMServer, tmp_path: Path) -> Services:
    """The session's index and models, with an LLM backend and a private conversation store."""
    llm = build_llm(llm_settings("openai", llm_server.openai_url))
    return replace(services, llm=llm, chatlog=ChatLog(f"sqlite:///{tmp_path / 'chat.db'}"))


@pytest.fixture
def api(llm_services: Services) -> Iterator[httpx.Client]:
    with serve(create_app(services=llm_services)) as url, httpx.Client(base_url=url, timeout=60) as c:
        yield c


def chat(api: httpx.Client, message: str = QUESTION, **extra: Any) -> dict[str, Any]:
    response = api.post("/api/chat", json={"message": message, **extra})
    assert response.status_code == 200, response.text
    return dict(response.json())


def sse(api: httpx.Client, message: str = QUESTION, **extra: Any) -> list[tuple[str, dict[str, Any]]]:
    events: list[tuple[str, dict[str, Any]]] = []
    with api.stream("POST", "/api/chat/stream", json={"message": message, **extra}) as response:
        assert response.status_code == 200
        name = ""
        for line in response.iter_lines():
            if line.startswith("event:"):
                name = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                events.append((name, json.loads(line.split(":", 1)[1])))
    return events


def test_llm_answer_cites_the_retrieved_sources(api: httpx.Client, llm_server: LLMServer) -> None:
    llm_server.reply(GOOD)
    body = chat(api)
    assert body["answer"] == GOOD
    assert len(body["citations"]) == 1
    sent = llm_server.requests[-1]
    assert "bare ut fra de nummererte kildene" in sent.system
    assert QUESTION in sent.user
    # [1] in the answer is the first source block the model was given.
    first_source = sent.user.split("\n[1] ", 1)[1].split("\n[2] ", 1)[0]
    assert body["citations"][0]["text"].strip() in first_source


def test_hallucinated_marker_is_dropped(api: httpx.Client, llm_server: LLMServer) -> None:
    llm_server.reply("Samarbeidsforumet prioriterer [1]. Fristen er alltid 1. mai [9].")
    body = chat(api)
    assert "[9]" not in body["answer"]
    assert [c["n"] for c in body["citations"]] == [1]


@pytest.mark.parametrize("status", [429, 500])
def test_http_errors_fall_back_to_the_extractive_answer(
    api: httpx.Client, llm_server: LLMServer, status: int
) -> None:
    llm_server.fail(status)
    body = chat(api)
    assert body["answer"].endswith(texts.LLM_UNAVAILABLE)
    assert "samarbeidsforum" in body["answer"] and body["citations"]
    assert body["abstained"] is False


def test_timeout_falls_back(api: httpx.Client, llm_server: LLMServer) -> None:
    llm_server.reply(GOOD, delay_s=3)
    body = chat(api)
    assert body["answer"].endswith(texts.LLM_UNAVAILABLE) and body["citations"]


def test_answer_without_a_cited_claim_falls_back(api: httpx.Client, llm_server: LLMServer) -> None:
    llm_server.reply("Det er samarbeidsforumet som bestemmer.")
    body = chat(api)
    assert body["answer"].endswith(texts.LLM_NO_CITED_CLAIM)
    assert "samarbeidsforum" in body["answer"] and body["citations"]


def test_off_domain_question_never_reaches_the_llm(api: httpx.Client, llm_server: LLMServer) -> None:
    body = chat(api, "Hvordan søker jeg om barnetrygd?")
    assert body["abstained"] is True
    assert llm_server.requests == []


def test_llm_writes_nynorsk_when_asked(api: httpx.Client, llm_server: LLMServer) -> None:
    llm_server.reply("Det er samarbeidsforumet i fylket som prioriterer tiltaka [1].")
    body = chat(api, maalform="nn")
    assert body["maalform"] == "nn"
    assert body["answer"].endswith(texts.NYNORSK_NOTE_LLM)
    assert "nynorsk" in llm_server.requests[-1].system


def test_follow_up_is_rewritten_by_the_llm(api: httpx.Client, llm_server: LLMServer) -> None:
    llm_server.reply(GOOD)
    first = chat(api)
    llm_server.reply("Hvem kan søke om midler fra den regionale ordningen?")  # the rewrite
    llm_server.reply("Barnehageeiere kan søke [1].")
    second = chat(api, "Og hvem kan søke?", conversation_id=first["conversation_id"])
    assert second["resolved_question"] == "Hvem kan søke om midler fra den regionale ordningen?"
    assert "Nytt spørsmål: Og hvem kan søke?" in llm_server.requests[1].user
    assert QUESTION in llm_server.requests[1].user


def test_stream_sends_the_llm_text_as_it_comes(api: httpx.Client, llm_server: LLMServer) -> None:
    llm_server.reply("Det er samarbeids", "forumet i fylket som ", "prioriterer tiltakene [", "1].")
    events = sse(api)
    names = [name for name, _ in events]
    assert names[-2:] == ["citations", "done"] and "restart" not in names
    text = "".join(data["text"] for name, data in events if name == "delta")
    assert text == GOOD
    meta = events[-2][1]
    assert [c["n"] for c in meta["citations"]] == [1] and meta["message_id"]


def test_stream_that_breaks_restarts_with_the_extractive_answer(
    api: httpx.Client, llm_server: LLMServer
) -> None:
    llm_server.break_stream("Det er samarbeids", "forumet i fylket", " som prioriterer", after=2)
    events = sse(api)
    names = [name for name, _ in events]
    assert "restart" in names
    restart = names.index("restart")
    assert events[restart][1]["notice"] == texts.LLM_UNAVAILABLE
    after = "".join(data["text"] for name, data in events[restart:] if name == "delta")
    assert after.endswith(texts.LLM_UNAVAILABLE) and "samarbeidsforum" in after
    assert events[-2][0] == "citations" and events[-2][1]["citations"]


def test_a_streamed_which_ones_after_a_count_is_not_answered_by_the_count_again(
    api: httpx.Client, llm_server: LLMServer
) -> None:
    """Oslo og Viken's slides count two forums and name none: a model that only repeats the count does
    not stream it as the answer to «Hvilke er det?»."""
    llm_server.reply("Det ble etablert to samarbeidsforum i Oslo og Viken [1].")
    first = chat(api, "Hvor mange samarbeidsforum ble etablert i Oslo og Viken?")
    llm_server.reply("Hvilke samarbeidsforum ble etablert i Oslo og Viken?")  # the rewrite
    llm_server.reply("Det ble etablert to samarbeidsforum [1].")
    events = sse(api, "Hvilke er det?", conversation_id=first["conversation_id"])
    text = "".join(data["text"] for name, data in events if name == "delta")
    assert text == texts.ABSTAIN_NOT_NAMED, text
    assert [name for name, _ in events][-1] == "done"


def test_openai_endpoint_streams_the_llm_answer(
    api: httpx.Client, llm_server: LLMServer, llm_services: Services
) -> None:
    llm_server.reply("Det er samarbeidsforumet ", "som prioriterer [1].")
    client = OpenAI(base_url=f"{str(api.base_url).rstrip('/')}/v1", api_key="x", max_retries=0)
    stream = client.chat.completions.create(
        model="assistant", messages=[{"role": "user", "content": QUESTION}], stream=True
    )
    content = "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)
    client.close()
    assert content.startswith("Det er samarbeidsforumet som prioriterer [^1].")
    assert "\n\n[^1]: " in content


def test_reply_draft_uses_the_letter_prompt(api: httpx.Client, llm_server: LLMServer) -> None:
    llm_server.reply("Samarbeidsforumet i fylket prioriterer hvilke tiltak som får tilskudd [1].")
    response = api.post("/api/draft", json={"inquiry": f"Hei! {QUESTION} Hilsen Kari"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert "Samarbeidsforumet i fylket prioriterer hvilke tiltak som får tilskudd [1]." in body["markdown"]
    assert body["questions"][0]["covered"] is True and body["citations"]
    assert "svarbrev" in llm_server.requests[-1].system
