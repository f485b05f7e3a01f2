"""Liveness, readiness (503 until the index is loaded, or when the store is gone), metrics and docs."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from assistant import texts
from assistant.api import create_app
from assistant.language import apertium
from assistant.language.apy import apy_installed
from assistant.service import Services
from tests.api.conftest import free_port, serve, small_settings, wait_ready
from tests.fake_apertium import still_running


def test_health_ready_and_docs(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["passages"] > 0
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    for path in ["/api/chat", "/api/chat/stream", "/v1/chat/completions", "/api/documents", "/api/feedback"]:
        assert path in spec["paths"]


def test_metrics_count_requests_and_pipeline_steps(client: httpx.Client) -> None:
    client.post("/api/chat", json={"message": "Hva er desentralisert ordning?"})
    client.post("/api/chat", json={"message": ""})
    text = client.get("/metrics").text
    assert 'assistant_http_requests_total{method="POST",route="/api/chat",status="200"}' in text
    assert 'assistant_http_requests_total{method="POST",route="/api/chat",status="422"}' in text
    assert 'assistant_http_request_duration_seconds_bucket{le="0.1",method="POST",route="/api/chat"}' in text
    for step in ("resolve", "retrieve", "answer", "store"):
        assert f'assistant_pipeline_step_seconds_count{{step="{step}"}}' in text


def test_metrics_keep_their_steps_when_another_app_on_the_same_index_comes_and_goes(
    services: Services,
) -> None:
    """Tests serve one loaded index from several apps; one that stops must not take the steps of the
    others with it (a full run once lost every step sample this way)."""
    observers_before = list(services.observers)
    with serve(create_app(services=services)) as url, httpx.Client(base_url=url, timeout=60) as first:
        with serve(create_app(services=services)) as other_url, httpx.Client(base_url=other_url) as other:
            assert other.get("/readyz").status_code == 200
        assert first.post("/api/chat", json={"message": "Hva er regional ordning?"}).status_code == 200
        text = first.get("/metrics").text
        for step in ("resolve", "retrieve", "answer", "store"):
            assert f'assistant_pipeline_step_seconds_count{{step="{step}"}}' in text
    assert services.observers == observers_before


def test_app_loads_in_background_and_ingests_an_empty_index(tmp_path: Path) -> None:
    """Also: the app starts apertium-apy (where it is installed) without holding up /healthz, answers in
    nynorsk through it once it is warm, and ends it when the server stops."""
    settings = small_settings(tmp_path)
    child = None
    with serve(create_app(settings)) as url, httpx.Client(base_url=url, timeout=30) as c:
        assert c.get("/healthz").status_code == 200  # at once, while the model loads
        early = c.post("/api/chat", json={"message": "Hva skal ordningene styrke?"})
        assert early.status_code in (200, 503)
        if early.status_code == 503:
            assert early.json()["code"] == "not_ready" and early.headers["retry-after"]
        wait_ready(c)
        answer = c.post("/api/chat", json={"message": "Hva skal ordningene styrke?"}).json()
        assert answer["citations"][0]["document"] == "udir-velge-kompetansetiltak.md"
        apy = apertium._apy
        if apy_installed():
            assert apy is not None and apy.wait_ready(60)
            child = apy.child_pid
            asked = c.post("/api/chat", json={"message": "Kva skal ordningane styrkje?"}).json()
            assert asked["maalform"] == "nn" and asked["answer"].endswith(texts.NYNORSK_NOTE)
            assert apy.ready  # a failed translation would have made it not ready
    assert apertium._apy is None
    if child is not None:
        assert still_running([child]) == []


def test_readyz_is_503_when_the_store_is_unreachable(tmp_path: Path) -> None:
    settings = small_settings(tmp_path, chroma_host="127.0.0.1", chroma_port=free_port())
    with serve(create_app(settings)) as url, httpx.Client(base_url=url, timeout=30) as c:
        deadline = time.monotonic() + 60
        while True:
            ready = c.get("/readyz")
            assert ready.status_code == 503
            if "lastes" not in ready.json()["message"] or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert ready.json()["code"] == "not_ready"
        # Norwegian, and nothing of the driver's own text (host, port, exception names) reaches the client.
        message = ready.json()["message"]
        assert message.startswith("Tjenesten er ikke klar:")
        assert str(settings.chroma_port) not in message and "Error" not in message
        chat = c.post("/api/chat", json={"message": "Hva skal ordningene styrke?"})
        assert chat.status_code == 503 and chat.json()["code"] == "not_ready"
        assert c.get("/healthz").status_code == 200
