"""The OpenAI-compatible endpoint, driven by the official `openai` client and LangChain's ChatOpenAI."""

from __future__ import annotations

import httpx
import openai
import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI

from tests.conftest import normalize

QUESTION = "Hvem prioriterer hvilke tiltak som får tilskudd?"


@pytest.fixture
def oa(api_url: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{api_url}/v1", api_key="ikke-i-bruk", max_retries=0, timeout=30)


def test_models_lists_the_assistant(oa: openai.OpenAI) -> None:
    assert [m.id for m in oa.models.list()] == ["assistant"]


def test_completion_has_footnotes_and_citations(oa: openai.OpenAI) -> None:
    completion = oa.chat.completions.create(
        model="assistant",
        messages=[{"role": "system", "content": "Svar kort."}, {"role": "user", "content": QUESTION}],
    )
    content = completion.choices[0].message.content or ""
    assert completion.choices[0].finish_reason == "stop"
    assert "samarbeidsforum" in content.lower()
    assert "[^1]" in content and "\n[^1]: " in content
    extra = completion.model_extra or {}
    citations = extra["citations"]
    assert citations and citations[0]["n"] == 1
    # The footnote quotes the cited passage verbatim.
    assert normalize(citations[0]["text"]) in content
    assert completion.usage is not None and completion.usage.total_tokens > 0


def test_streaming_gives_the_same_content(oa: openai.OpenAI) -> None:
    whole = oa.chat.completions.create(model="assistant", messages=[{"role": "user", "content": QUESTION}])
    stream = oa.chat.completions.create(
        model="assistant", messages=[{"role": "user", "content": QUESTION}], stream=True
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == whole.choices[0].message.content
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert (chunks[-1].model_extra or {})["citations"]


def test_conversation_is_taken_from_messages(oa: openai.OpenAI) -> None:
    completion = oa.chat.completions.create(
        model="assistant",
        messages=[
            {
                "role": "user",
                "content": "Hvem er målgruppen for tilskuddsordningen for fag- og yrkesopplæringen?",
            },
            {"role": "assistant", "content": "…"},
            {"role": "user", "content": "Gjelder det også fagskolelærere?"},
        ],
    )
    assert "som hovedregel ikke" in normalize(completion.choices[0].message.content or "")


def test_bad_requests_are_openai_style_errors(oa: openai.OpenAI, api_url: str) -> None:
    with pytest.raises(openai.UnprocessableEntityError) as caught:
        oa.chat.completions.create(model="assistant", messages=[{"role": "user", "content": "  "}])
    assert caught.value.status_code == 422
    body = httpx.post(f"{api_url}/v1/chat/completions", json={"model": "assistant", "messages": []})
    assert body.status_code == 422
    assert body.json()["error"]["code"] == "invalid_request"
    only_system = httpx.post(
        f"{api_url}/v1/chat/completions", json={"messages": [{"role": "system", "content": "Hei"}]}
    )
    assert only_system.status_code == 422 and only_system.json()["code"] == "empty_question"


def test_langchain_chat_openai_invoke_and_stream(api_url: str) -> None:
    llm = ChatOpenAI(base_url=f"{api_url}/v1", api_key="ikke-i-bruk", model="assistant", max_retries=0)
    reply = llm.invoke([SystemMessage("Svar på norsk."), HumanMessage(QUESTION)])
    assert isinstance(reply, AIMessage)
    assert "samarbeidsforum" in str(reply.content).lower()
    streamed = "".join(str(chunk.content) for chunk in llm.stream([HumanMessage(QUESTION)]))
    assert streamed == reply.content


def test_unanswerable_question_abstains_without_footnotes(oa: openai.OpenAI) -> None:
    completion = oa.chat.completions.create(
        model="assistant",
        messages=[{"role": "user", "content": "Hva er telefonnummeret til Udir sin sentralbord?"}],
    )
    content = completion.choices[0].message.content or ""
    assert "[^" not in content
    assert (completion.model_extra or {})["abstained"] is True


def test_every_turn_is_bounded_like_a_question(api_url: str) -> None:
    """An OpenAI-style request carries the whole conversation, and every user turn in it is read;
    earlier turns were once taken unchecked, of any number and size."""
    url = f"{api_url}/v1/chat/completions"
    many = [{"role": "user", "content": f"Spørsmål {i}?"} for i in range(51)]
    too_many = httpx.post(url, json={"messages": many})
    assert too_many.status_code == 413 and too_many.json()["error"]["code"] == "request_too_large"
    assert "for mange meldinger (51)" in too_many.json()["message"]

    long_turn = "Hva gjelder? " * 400  # 5,200 characters: over the 4,000 a question may have
    earlier = [{"role": "user", "content": long_turn}, {"role": "user", "content": "Hvem kan søke?"}]
    reply = httpx.post(url, json={"messages": earlier})
    assert reply.status_code == 413 and reply.json()["code"] == "question_too_long"

    padding = [{"role": "assistant", "content": "x" * 60_000}, {"role": "system", "content": "y" * 50_000}]
    huge = httpx.post(url, json={"messages": [*padding, {"role": "user", "content": "Hvem kan søke?"}]})
    assert huge.status_code == 413 and huge.json()["code"] == "request_too_large"

    blank = {"role": "user", "content": " "}
    blank_earlier = [blank, {"role": "user", "content": "Hva er en kompetansepakke?"}]
    assert httpx.post(url, json={"messages": blank_earlier}, timeout=60).status_code == 200
