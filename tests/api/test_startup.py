"""Start-up: a failed start is tried again with backoff, and a broken scheme catalogue switches only the
advisor off. Each test starts the app from settings, as `assistant serve` does, on a corpus of one short
document, so the index it builds takes a second, not the fifteen of a real document."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import httpx
import pytest

from assistant import texts
from assistant.api import create_app
from assistant.config import Settings
from tests.api.conftest import serve, wait_ready

QUESTION = "Hva skal ordningene styrke?"
GOOD_QUOTE = "Kvalitet krever helhetlig og langsiktig jobbing"
BAD_QUOTE = "Kvalitet krever kortsiktig jobbing"
DOCUMENT = "kvalitet.md"


def tiny_settings(tmp: Path, **overrides: object) -> Settings:
    corpus = tmp / "corpus"
    corpus.mkdir()
    (corpus / DOCUMENT).write_text(
        f"""---
title: Kvalitet i kompetanseutvikling
publisher: Utdanningsdirektoratet (Udir)
published: "2026-01-22"
---

# Kvalitet i kompetanseutvikling

{GOOD_QUOTE}. Ordningene skal styrke kvaliteten i barnehage og skole gjennom kollektiv
kompetanseutvikling for ansatte.
""",
        "utf-8",
    )
    return Settings(data_dir=tmp / "data", corpus_dir=corpus, **overrides)  # type: ignore[arg-type]


def test_a_failed_start_is_tried_again_until_it_succeeds(tmp_path: Path) -> None:
    """The data folder is a file at first, so the store cannot open; once it is a folder, the next
    attempt succeeds without a restart. Retry-After says when that attempt is."""
    settings = tiny_settings(tmp_path, startup_retry_max_s=1.0)
    settings.data_dir.write_text("not a folder")
    with serve(create_app(settings)) as url, httpx.Client(base_url=url, timeout=30) as c:
        deadline = time.monotonic() + 60
        while (ready := c.get("/readyz")).json()["message"].endswith(texts.STILL_LOADING):
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert ready.status_code == 503 and ready.json()["code"] == "not_ready"
        assert ready.json()["message"] == texts.NOT_READY.format(reason=texts.STORES_NOT_ANSWERING)
        assert ready.headers["retry-after"] == "1"  # the backoff is capped at startup_retry_max_s
        time.sleep(2.5)  # a few more attempts fail the same way
        assert c.get("/readyz").status_code == 503
        settings.data_dir.unlink()
        wait_ready(c, timeout=60)
        reply = c.post("/api/chat", json={"message": QUESTION})
        assert reply.status_code == 200 and reply.json()["citations"]


def write_catalogue(corpus: Path, quote: str) -> None:
    document = DOCUMENT
    (corpus / "schemes.yaml").write_text(
        f"""- id: kvalitetsordning
  name: Kvalitetsordningen
  sources:
    - document: {document}
  what_it_funds:
    - value: langsiktig kvalitetsarbeid
      quote: "{quote}"
      document: {document}
""",
        "utf-8",
    )


def test_a_bad_quote_in_the_catalogue_switches_only_the_advisor_off(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = tiny_settings(tmp_path)
    write_catalogue(settings.corpus_dir, BAD_QUOTE)
    caplog.set_level(logging.ERROR, logger="assistant")
    with serve(create_app(settings)) as url, httpx.Client(base_url=url, timeout=30) as c:
        wait_ready(c, timeout=60)
        ready = c.get("/readyz").json()
        assert ready["status"] == "ready" and ready["advisor"] == "off"
        assert ready["warnings"] == [texts.ADVISOR_BROKEN]
        reply = c.post("/api/chat", json={"message": QUESTION})
        assert reply.status_code == 200 and reply.json()["route"] == "retrieval" and reply.json()["citations"]
        schemes = c.get("/api/schemes")
        assert schemes.status_code == 503 and schemes.json() == {
            "code": "advisor_unavailable",
            "message": texts.ADVISOR_BROKEN,
        }
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "advisor is off" in logged and "har 1 feil" in logged and "kvalitetsordning" in logged


def test_a_good_catalogue_turns_the_advisor_on(tmp_path: Path) -> None:
    """The same catalogue with the quote as the document has it: so the bad quote above is the one fault."""
    settings = tiny_settings(tmp_path)
    write_catalogue(settings.corpus_dir, GOOD_QUOTE)
    with serve(create_app(settings)) as url, httpx.Client(base_url=url, timeout=30) as c:
        wait_ready(c, timeout=60)
        assert c.get("/readyz").json()["advisor"] == "on"
        assert [s["id"] for s in c.get("/api/schemes").json()] == ["kvalitetsordning"]
