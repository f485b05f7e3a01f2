"""`assistant serve` as a user runs it: a subprocess that ingests an empty index, answers, and logs one
line per request without the question text."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import httpx
import pytest

from assistant.service import Services, ask
from tests.api.conftest import free_port, small_settings
from tests.serve_process import assistant_serve

SECRET_QUESTION = "Hva skal ordningene styrke for Kari Nordmann?"


def test_serve_ingests_answers_and_keeps_questions_out_of_the_log(tmp_path: Path) -> None:
    settings = small_settings(tmp_path)
    port = free_port()
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(settings.data_dir),
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
    }
    log = tmp_path / "serve.log"
    with (
        assistant_serve(env, port, log, ready_within=120) as url,
        httpx.Client(base_url=url, timeout=30) as c,
    ):
        reply = c.post("/api/chat", json={"message": SECRET_QUESTION})
        assert reply.status_code == 200
        assert c.get("/api/search", params={"q": "Kari Nordmann"}).status_code == 200
    text = log.read_text()
    assert "POST /api/chat 200" in text
    assert "GET /api/search 200" in text
    assert "Kari" not in text and "Nordmann" not in text
    assert (settings.data_dir / "assistant.db").is_file()


def test_question_logging_is_opt_in(services: Services, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="assistant")
    ask(services, SECRET_QUESTION)
    assert "Kari" not in caplog.text
    services.settings.log_questions = True
    try:
        ask(services, SECRET_QUESTION)
    finally:
        services.settings.log_questions = False
    assert "Kari Nordmann" in caplog.text
