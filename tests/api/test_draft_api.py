"""/api/draft against a real server on loopback: the letter as JSON with Markdown, or as a Word file."""

from __future__ import annotations

import io
import re

import docx
import httpx
import pytest
from sqlalchemy import func, select

from assistant import texts
from assistant.chatlog import MessageRow
from assistant.service import Services
from tests.drafts.test_letter import THREE_QUESTIONS

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_draft_returns_markdown_questions_and_one_source_list(client: httpx.Client) -> None:
    response = client.post(
        "/api/draft", json={"inquiry": THREE_QUESTIONS, "sender": "Kari Nordmann", "recipient": "Ola Hansen"}
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert set(data) == {"markdown", "maalform", "questions", "citations"}
    assert data["maalform"] == "nb"
    assert [q["covered"] for q in data["questions"]] == [True, True, True]
    numbers = [c["n"] for c in data["citations"]]
    assert numbers == list(range(1, len(numbers) + 1))
    for question in data["questions"]:
        assert question["citations"] and set(question["citations"]) <= set(numbers)
        assert question["question"] in data["markdown"]
    first = data["citations"][0]
    shown = {"document", "title", "section", "published", "text", "publisher", "address", "passage_id"}
    assert shown <= set(first)
    assert first["address"]
    md = data["markdown"]
    assert "Hei Ola Hansen," in md and "Kari Nordmann" in md and "## Kilder" in md
    assert texts.LETTER_AI_NOTE["nb"] in md


def test_draft_in_nynorsk_on_request(client: httpx.Client) -> None:
    data = client.post("/api/draft", json={"inquiry": THREE_QUESTIONS, "maalform": "nn"}).json()
    assert data["maalform"] == "nn" and "## Kjelder" in data["markdown"]
    assert "Med venleg helsing" in data["markdown"]


def test_draft_as_docx_is_a_readable_word_attachment(client: httpx.Client) -> None:
    response = client.post("/api/draft", params={"format": "docx"}, json={"inquiry": THREE_QUESTIONS})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == DOCX
    assert re.fullmatch(
        r'attachment; filename="svarutkast-\d{4}-\d{2}-\d{2}\.docx"', response.headers["content-disposition"]
    )
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.count("Spørsmål ") >= 3 and "Kilder" in text
    assert texts.LETTER_AI_NOTE["nb"] in text


@pytest.mark.parametrize(
    ("body", "params", "code"),
    [
        ({"inquiry": "   "}, {}, "empty_question"),
        ({"inquiry": "Hei!\n\nMvh Kari"}, {}, "empty_question"),
        ({"inquiry": THREE_QUESTIONS, "maalform": "se"}, {}, "invalid_request"),
        ({"inquiry": THREE_QUESTIONS, "tone": "formell"}, {}, "invalid_request"),
        ({}, {}, "invalid_request"),
        ({"inquiry": THREE_QUESTIONS}, {"format": "pdf"}, "invalid_request"),
    ],
)
def test_bad_requests_get_422_with_a_norwegian_message(
    client: httpx.Client, body: dict[str, str], params: dict[str, str], code: str
) -> None:
    response = client.post("/api/draft", json=body, params=params)
    assert response.status_code == 422
    assert response.json()["code"] == code and response.json()["message"]


def test_too_many_questions_is_413(client: httpx.Client) -> None:
    inquiry = " ".join(f"{n}) Hvem kan søke om ordning {n}?" for n in range(1, 13))
    response = client.post("/api/draft", json={"inquiry": inquiry})
    assert response.status_code == 413
    assert response.json()["code"] == "question_too_long"
    assert "12 spørsmål" in response.json()["message"]


def test_drafting_stores_nothing(client: httpx.Client, services: Services) -> None:
    def stored() -> int:
        with services.chatlog.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(MessageRow)).scalar_one())

    before = stored()
    assert client.post("/api/draft", json={"inquiry": THREE_QUESTIONS}).status_code == 200
    assert client.post("/api/draft", params={"format": "docx"}, json={"inquiry": THREE_QUESTIONS}).is_success
    assert stored() == before
