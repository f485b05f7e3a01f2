"""The admin report of what users ask that the documents don't answer: JSON, CSV, and the key."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from assistant.api import create_app
from assistant.chatlog import ChatLog
from assistant.models import Answer
from assistant.service import Services
from tests.api.conftest import ADMIN_KEY, serve

# Written for these tests (none is from the eval sets): two questions asked in other words, one alone.
SUBSTITUTES = (
    "Dekker tilskuddet lønn til vikarer mens lærerne er på kurs?",
    "Får skolen dekket vikarutgifter når lærere tar etterutdanning?",
)
PORTAL = (
    "Hvordan logger jeg inn i søknadsportalen?",
    "Jeg får ikke logget på søknadssystemet, hva gjør jeg?",
)
UNRELATED = "Hva koster det å parkere ved fylkeshuset i Bodø?"
FORMULA = '=HYPERLINK("http://example.invalid";"Klikk") hvordan søker vi?'


def exchange(log: ChatLog, question: str, answer: str, *, abstained: bool = True) -> tuple[str, str]:
    conversation = log.new_conversation_id()
    reply = Answer(conversation, answer, abstained=abstained, resolved_question=question)
    return conversation, log.add_exchange(question, reply, first=True)


@pytest.fixture
def logged(admin_services: Services) -> Services:
    """A chat log with abstained questions in two groups of paraphrases, one alone, one thumbs-down."""
    log = admin_services.chatlog
    exchange(log, "Hva er et godt spørsmål?", "Et svar med kilder [1].", abstained=False)  # answered
    exchange(log, SUBSTITUTES[0], "Jeg finner ikke noe sikkert svar.")
    exchange(log, PORTAL[0], "Jeg finner ikke noe sikkert svar.")
    disliked = exchange(log, SUBSTITUTES[1], "-Vikarer nevnes ikke [1].", abstained=False)
    log.add_feedback(*disliked, "down", "Feil svar, kontakt meg på ola@example.invalid")
    exchange(log, UNRELATED, "Dette ligger utenfor det jeg kan svare på.")
    exchange(log, PORTAL[1], "@Jeg finner ikke noe sikkert svar.")
    exchange(log, FORMULA, "+Jeg finner ikke noe sikkert svar.")
    return admin_services


def test_gaps_groups_unanswered_questions(admin: httpx.Client, logged: Services) -> None:
    response = admin.get("/api/admin/gaps")
    assert response.status_code == 200
    report = response.json()
    assert report["total"] == 6  # the answered question with no thumbs down is not read
    groups = report["groups"]
    assert set(groups[0]) == {
        "count", "latest", "abstained", "thumbs_down", "example", "answer", "questions",
    }  # fmt: skip
    by_example = {g["example"]: g for g in groups}
    portal = by_example[PORTAL[1]]
    assert portal["questions"] == [PORTAL[1], PORTAL[0]]
    assert (portal["count"], portal["abstained"], portal["thumbs_down"]) == (2, 2, 0)
    assert portal["answer"] == "@Jeg finner ikke noe sikkert svar."
    substitutes = by_example[SUBSTITUTES[1]]
    assert substitutes["questions"] == [SUBSTITUTES[1], SUBSTITUTES[0]]
    assert (substitutes["count"], substitutes["abstained"], substitutes["thumbs_down"]) == (2, 1, 1)
    assert by_example[UNRELATED]["count"] == 1
    # Two groups of two, the latest first, then the single questions.
    assert [g["count"] for g in groups][:2] == [2, 2]
    assert groups[0]["example"] == PORTAL[1]
    assert groups[0]["latest"] > groups[1]["latest"]
    assert sum(g["count"] for g in groups) == report["total"]
    # Only question and answer texts: no ids, and no feedback comment (it may hold personal data).
    assert "ola@example.invalid" not in response.text
    assert "conversation_id" not in response.text and "message_id" not in response.text


def test_limit_reads_only_the_most_recent(admin: httpx.Client, logged: Services) -> None:
    report = admin.get("/api/admin/gaps", params={"limit": 2}).json()
    assert report["total"] == 2
    assert {g["example"] for g in report["groups"]} == {FORMULA, PORTAL[1]}
    assert admin.get("/api/admin/gaps", params={"limit": 0}).status_code == 422
    assert admin.get("/api/admin/gaps", params={"limit": 100_000}).status_code == 422


def test_gaps_csv_is_an_escaped_spreadsheet_download(admin: httpx.Client, logged: Services) -> None:
    response = admin.get("/api/admin/gaps.csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="ubesvarte-sporsmal.csv"'
    assert response.text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(response.text.removeprefix("\ufeff"))))
    assert rows[0] == ["antall", "ubesvart", "tommel ned", "siste", "eksempel", "svar", "spørsmål"]
    groups = admin.get("/api/admin/gaps").json()["groups"]
    assert len(rows) == 1 + len(groups)
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["antall"] == "2" and first["ubesvart"] == "2" and first["tommel ned"] == "0"
    assert first["siste"].startswith(groups[0]["latest"][:19])
    assert first["eksempel"] == PORTAL[1]
    assert first["svar"] == "'@Jeg finner ikke noe sikkert svar."  # a formula start is defused
    assert first["spørsmål"] == f"{PORTAL[1]} | {PORTAL[0]}"
    cells = {cell for row in rows[1:] for cell in row}
    assert "'" + FORMULA in cells and "'+Jeg finner ikke noe sikkert svar." in cells
    assert "'-Vikarer nevnes ikke [1]." in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_an_abstained_chat_question_reaches_the_report(admin: httpx.Client) -> None:
    """End to end: a question the documents can't answer, asked through the chat API."""
    reply = admin.post("/api/chat", json={"message": UNRELATED}).json()
    assert reply["abstained"]
    groups = admin.get("/api/admin/gaps").json()["groups"]
    assert [(g["example"], g["answer"]) for g in groups] == [(UNRELATED, reply["answer"])]


def test_gaps_need_the_admin_key(admin: httpx.Client) -> None:
    # One server for every case: each admin fixture ingests a corpus.
    for path in ("/api/admin/gaps", "/api/admin/gaps.csv"):
        for headers in ({}, {"Authorization": "Bearer feil"}, {"Authorization": f"Basic {ADMIN_KEY}"}):
            response = httpx.get(admin.base_url.join(path), headers=headers)
            assert response.status_code == 401, (path, headers)
            assert response.json()["code"] == "unauthorized"
            assert response.headers["www-authenticate"] == "Bearer"


def test_gaps_are_off_without_a_key(services: Services) -> None:
    with serve(create_app(services=services)) as url:  # the session services have no admin key
        for path in ("/api/admin/gaps", "/api/admin/gaps.csv"):
            response = httpx.get(url + path, headers={"Authorization": "Bearer noe"})
            assert response.status_code == 403
            assert response.json()["code"] == "admin_disabled"


def test_gaps_are_in_the_openapi_spec(admin: httpx.Client) -> None:
    spec = admin.get("/openapi.json").json()
    assert {"/api/admin/gaps", "/api/admin/gaps.csv"} <= set(spec["paths"])
    assert {"GapReportBody", "GapGroupBody"} <= set(spec["components"]["schemas"])
    assert set(spec["paths"]["/api/admin/gaps"]["get"]["responses"]) >= {"200", "401", "403"}
