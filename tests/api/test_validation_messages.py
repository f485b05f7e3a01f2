"""A malformed request gets one Norwegian message, whatever pydantic found wrong: no English leaks."""

from __future__ import annotations

import logging
import re
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.api.validation import allowed_values, detail, field_name
from assistant.service import Services

# Words from pydantic's English messages ("Input should be 'a' or 'b'", "Field required", "String should
# have at most 3 characters", "Extra inputs are not permitted" …).
_ENGLISH = re.compile(
    r"\b(or|Input|should|be|Field|required|String|List|valid|Extra|inputs|permitted|least|most|characters?|"
    r"items?|integer|boolean|number|dictionary|instance|unable|parse|got)\b"
)


def assert_norwegian(message: str) -> None:
    assert message.startswith("Forespørselen"), message
    assert not _ENGLISH.search(message), message


@pytest.mark.parametrize(
    ("path", "body", "expected"),
    [
        ("/api/chat", {}, "message mangler"),
        ("/api/chat", {"message": 5}, "message skal være en tekst"),
        ("/api/chat", {"message": "Hei", "maalform": "sv"}, "Tillatte verdier: nb eller nn"),
        ("/api/chat", [1, 2], "innholdet skal være et JSON-objekt"),
        ("/api/feedback", {"conversation_id": "a", "message_id": "b", "rating": "meh"}, "up eller down"),
        (
            "/api/feedback",
            {"conversation_id": "a", "message_id": "b", "rating": "up", "comment": "x" * 4001},
            "comment kan ha høyst 4000 tegn",
        ),
        ("/v1/chat/completions", {"messages": []}, "messages skal ha minst 1 innslag"),
        ("/v1/chat/completions", {"messages": "hei"}, "messages skal være en liste"),
        (
            "/v1/chat/completions",
            {"messages": [{"role": "user", "content": "hei"}], "stream": "kanskje"},
            "stream skal være true eller false",
        ),
        ("/api/schemes/regional-ordning/eligibility", {"group": ""}, "group skal ha minst 1 tegn"),
    ],
)
def test_bad_bodies_get_a_norwegian_message(
    client: httpx.Client, path: str, body: Any, expected: str
) -> None:
    response = client.post(path, json=body)
    assert response.status_code == 422
    message = response.json()["message"]
    assert expected in message
    assert_norwegian(message)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "q mangler"),
        ("?q=tilskudd&k=0", "k skal være minst 1"),
        ("?q=tilskudd&k=99", "k kan være høyst 50"),
        ("?q=tilskudd&k=fem", "k skal være et heltall"),
        ("?q=tilskudd&mode=fuzzy", "mode: «fuzzy» er ikke en gyldig verdi. Tillatte verdier: hybrid, dense"),
        ("?q=tilskudd&rerank=kanskje", "rerank skal være true eller false"),
    ],
)
def test_bad_query_parameters_get_a_norwegian_message(
    client: httpx.Client, query: str, expected: str
) -> None:
    response = client.get(f"/api/search{query}")
    assert response.status_code == 422
    message = response.json()["message"]
    assert expected in message
    assert_norwegian(message)


def test_an_openai_message_of_the_wrong_type_names_the_field_once_per_problem(client: httpx.Client) -> None:
    body = {"messages": [{"role": "user", "content": 5}]}
    message = client.post("/v1/chat/completions", json=body).json()["message"]
    assert "messages.0.content skal være en tekst; messages.0.content skal være en liste" in message
    assert_norwegian(message)


def test_pydantic_reprs_become_the_plain_choices() -> None:
    assert allowed_values("'nb' or 'nn'") == ["nb", "nn"]
    assert allowed_values("'a', 'b, c' or 'd'") == ["a", "b, c", "d"]
    assert allowed_values("'bare'") == ["bare"]
    assert allowed_values("1 or 2") == ["1", "2"]
    assert allowed_values("<Mode.x> or <Mode.y>") == ["<Mode.x> eller <Mode.y>"]


def test_an_error_type_without_a_sentence_gets_the_general_one() -> None:
    error = {"type": "uuid_parsing", "loc": ("body", "id"), "msg": "Input should be a valid UUID", "ctx": {}}
    assert detail(error) == "id har en ugyldig verdi"
    too_short_without_context = {"type": "too_short", "loc": ("query", "ids"), "msg": "List should have"}
    assert detail(too_short_without_context) == "ids har en ugyldig verdi"


def test_field_names_drop_where_the_value_came_from_and_union_members() -> None:
    assert field_name(("body", "messages", 0, "content", "list[dict[str,any]]")) == "messages.0.content"
    assert field_name(("query", "k")) == "k"
    assert field_name(("body",)) == "innholdet"


def test_a_rejected_body_is_never_written_to_the_log(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    """The 422 log line once carried pydantic's `input`: a whole rejected body, question text and all."""
    secret = "Kari Nordmann spør om " + "kompetanse " * 200
    with TestClient(create_app(services=services)) as web, caplog.at_level(logging.INFO):
        reply = web.post("/api/chat", json={"message": secret, "unknown_field": secret})
    assert reply.status_code == 422
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "422" in logged and "/api/chat" in logged  # the line is still there
    assert "Kari" not in logged and "kompetanse kompetanse" not in logged
