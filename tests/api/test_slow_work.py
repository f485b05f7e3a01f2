"""Slow work cannot starve the server: translation and ingest each get a few slots, one more request is 503
busy at once, and /healthz and /readyz never wait for the worker threads."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from pydantic import SecretStr

from assistant import texts
from assistant.api import create_app
from assistant.api.slots import Claim, Slots
from assistant.language import apertium
from assistant.service import Services
from tests.api.conftest import ADMIN_KEY, serve
from tests.fake_apertium import FakeApertium

QUESTION = "Hvem prioriterer hvilke tiltak som får tilskudd?"
NYNORSK = "Kven prioriterer kva tiltak som får tilskot?"
# How long a hung translation is waited for here: long enough that, without the bounds, the health routes
# would clearly wait behind the hung requests (about HANG_S - 1 s), even on a busy machine.
HANG_S = 5.0
REQUESTS = 45  # more than the 40 worker threads of the server's pool


def timed_get(client: httpx.Client, path: str) -> tuple[int, float]:
    started = time.monotonic()
    status = client.get(path).status_code
    return status, time.monotonic() - started


def test_a_hanging_translator_cannot_starve_the_server(
    client: httpx.Client, services: Services, fake_apertium: FakeApertium, monkeypatch: pytest.MonkeyPatch
) -> None:
    """45 nynorsk requests against a translator that hangs once filled every worker thread, and /healthz
    took 57 s. Now all but `translation_slots` of them are 503 busy at once."""
    monkeypatch.setattr(apertium, "_TIMEOUT_S", HANG_S)
    fake_apertium.hang()

    def ask(n: int) -> httpx.Response:
        return client.post("/api/chat", json={"message": f"{QUESTION} ({n})", "maalform": "nn"})

    with ThreadPoolExecutor(REQUESTS) as pool:
        replies = [pool.submit(ask, n) for n in range(REQUESTS)]
        time.sleep(1.0)  # every request has arrived; the admitted ones wait on Apertium
        health, health_s = timed_get(client, "/healthz")
        ready, ready_s = timed_get(client, "/readyz")
        search = client.get("/api/search", params={"q": "tilskudd", "k": 1})  # bokmål work goes on
        results = [reply.result() for reply in replies]
    assert health == 200 and health_s < HANG_S / 2
    assert ready == 200 and ready_s < HANG_S / 2
    assert search.status_code == 200
    busy = [r for r in results if r.status_code == 503]
    answered = [r for r in results if r.status_code == 200]
    assert len(answered) == services.settings.translation_slots
    assert len(busy) == REQUESTS - services.settings.translation_slots
    assert all(r.json() == {"code": "busy", "message": texts.BUSY} and r.headers["retry-after"] for r in busy)


def claim_all(slots: Slots) -> list[Claim]:
    return [slots.claim() for _ in range(slots.size)]


def test_only_work_that_translates_needs_a_translation_slot(
    services: Services, fake_apertium: FakeApertium
) -> None:
    app = create_app(services=services)
    with serve(app) as url, httpx.Client(base_url=url, timeout=60) as c:
        held = claim_all(app.state.work_limits.translation)
        for path, body in [
            ("/api/chat", {"message": NYNORSK}),
            ("/api/chat", {"message": QUESTION, "maalform": "nn"}),
            ("/api/chat/stream", {"message": NYNORSK}),
            ("/v1/chat/completions", {"messages": [{"role": "user", "content": NYNORSK}]}),
            ("/api/draft", {"inquiry": QUESTION, "maalform": "nn"}),
        ]:
            reply = c.post(path, json=body)
            assert reply.status_code == 503 and reply.json()["code"] == "busy", path
            assert reply.headers["retry-after"] == "5"
        page = c.post("/?mf=nn", data={"message": QUESTION})
        assert page.status_code == 503 and page.headers["retry-after"] == "5"
        assert "text/html" in page.headers["content-type"] and texts.BUSY in page.text
        assert c.post("/api/chat", json={"message": QUESTION}).status_code == 200
        for claim in held:
            claim.release()
        assert c.post("/api/chat", json={"message": NYNORSK}).status_code == 200
        with c.stream("POST", "/api/chat/stream", json={"message": NYNORSK}) as stream:
            assert stream.status_code == 200
            stream.read()
        # Every slot is free again once the answers and the stream are done.
        assert len(claim_all(app.state.work_limits.translation)) == services.settings.translation_slots


def test_uploads_and_deletes_need_an_ingest_slot(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services.settings, "admin_api_key", SecretStr(ADMIN_KEY))
    app = create_app(services=services)
    auth = {"Authorization": f"Bearer {ADMIN_KEY}"}
    with serve(app) as url, httpx.Client(base_url=url, timeout=60, headers=auth) as c:
        held = claim_all(app.state.work_limits.ingest)
        upload = c.post("/api/documents", files={"file": ("a.bin", b"x", "application/octet-stream")})
        assert upload.status_code == 503 and upload.json()["code"] == "busy"
        assert c.delete("/api/documents/finnes-ikke.md").json()["code"] == "busy"
        assert c.get("/api/documents").status_code == 200  # reading the list is no ingest
        for claim in held:
            claim.release()
        upload = c.post("/api/documents", files={"file": ("a.bin", b"x", "application/octet-stream")})
        assert upload.status_code == 415  # past the bound, to the route
