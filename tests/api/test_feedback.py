"""Feedback, its CSV export, and conversations that survive a restart (SQLite under the data dir)."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from assistant.api import create_app
from assistant.service import Services, build_services
from tests.api.conftest import ADMIN_KEY, serve

QUESTION = "Hvem prioriterer hvilke tiltak som får tilskudd?"


def test_feedback_is_stored_and_exported(admin: httpx.Client) -> None:
    reply = admin.post("/api/chat", json={"message": "Hva skal ordningene styrke?"}).json()
    ok = admin.post(
        "/api/feedback",
        json={
            "conversation_id": reply["conversation_id"],
            "message_id": reply["message_id"],
            "rating": "down",
            "comment": "Mangler svar om «fagskoler», æøå",
        },
    )
    assert ok.status_code == 201
    up = {"conversation_id": reply["conversation_id"], "message_id": reply["message_id"], "rating": "up"}
    assert admin.post("/api/feedback", json=up).status_code == 201
    export = admin.get("/api/feedback.csv")
    assert export.status_code == 200
    assert export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text.lstrip("\ufeff"))))
    assert [r["rating"] for r in rows] == ["down", "up"]
    assert rows[0]["comment"] == "Mangler svar om «fagskoler», æøå"
    assert rows[0]["question"] == "Hva skal ordningene styrke?"
    assert rows[0]["message_id"] == reply["message_id"]
    assert httpx.get(admin.base_url.join("/api/feedback.csv")).status_code == 401


def test_feedback_export_defuses_spreadsheet_formulas(admin: httpx.Client) -> None:
    # Anyone who chats writes the question and the comment; a cell must never run as a formula.
    reply = admin.post("/api/chat", json={"message": "=1+2 Hva skal ordningene styrke?"}).json()
    body = {"conversation_id": reply["conversation_id"], "message_id": reply["message_id"], "rating": "down"}
    assert admin.post("/api/feedback", json={**body, "comment": "@SUM(A1:A9)"}).status_code == 201
    rows = list(csv.DictReader(io.StringIO(admin.get("/api/feedback.csv").text.lstrip("\ufeff"))))
    assert rows[0]["question"] == "'=1+2 Hva skal ordningene styrke?"
    assert rows[0]["comment"] == "'@SUM(A1:A9)"
    assert rows[0]["rating"] == "down"


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"rating": "meh"}, 422, "invalid_request"),
        ({"rating": None}, 422, "invalid_request"),
        ({"message_id": "finnes-ikke"}, 404, "message_not_found"),
        ({"conversation_id": "annen-samtale"}, 404, "message_not_found"),
        ({"comment": "x" * 4001}, 422, "invalid_request"),
    ],
)
def test_bad_feedback_is_rejected(
    client: httpx.Client, change: dict[str, object], status: int, code: str
) -> None:
    reply = client.post("/api/chat", json={"message": QUESTION}).json()
    body = {"conversation_id": reply["conversation_id"], "message_id": reply["message_id"], "rating": "up"}
    response = client.post("/api/feedback", json={**body, **change})
    assert response.status_code == status
    assert response.json()["code"] == code


def test_conversation_and_feedback_survive_a_restart(admin_services: Services) -> None:
    settings = admin_services.settings
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    with serve(create_app(services=admin_services)) as url:
        first = httpx.post(
            f"{url}/api/chat", json={"message": "Hva skal ordningene styrke?"}, timeout=30
        ).json()
        body = {
            "conversation_id": first["conversation_id"],
            "message_id": first["message_id"],
            "rating": "up",
        }
        assert httpx.post(f"{url}/api/feedback", json=body).status_code == 201
    admin_services.chatlog.engine.dispose()

    restarted = build_services(settings, admin_services.embedder)  # a new process would do the same
    with serve(create_app(services=restarted)) as url:
        follow = httpx.post(
            f"{url}/api/chat",
            json={"message": "Hvem skal samarbeide om det?", "conversation_id": first["conversation_id"]},
            timeout=30,
        )
        assert follow.status_code == 200
        assert follow.json()["resolved_question"] != "Hvem skal samarbeide om det?"
        rows = httpx.get(f"{url}/api/feedback.csv", headers=headers).text
        assert first["message_id"] in rows
