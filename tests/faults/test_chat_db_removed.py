"""The chat database removed while the service runs (an operator cleaning up, a volume re-created): the
history is gone, but chat goes on and stores again, in a database made anew with its schema."""

from __future__ import annotations

from pathlib import Path

import httpx

from assistant.api import create_app
from assistant.index.embedders import Embedder
from assistant.service import build_services, ingest_paths
from tests.api.conftest import ADMIN_KEY, serve, small_settings

QUESTION = "Hva skal ordningene styrke?"


def test_chat_goes_on_after_the_chat_database_is_removed(tmp_path: Path, embedder: Embedder) -> None:
    settings = small_settings(tmp_path, admin_api_key=ADMIN_KEY)
    services = build_services(settings, embedder)
    ingest_paths(services, [settings.corpus_dir])
    db = settings.data_dir / "assistant.db"
    auth = {"Authorization": f"Bearer {ADMIN_KEY}"}
    with serve(create_app(services=services)) as url, httpx.Client(base_url=url, timeout=60) as c:
        first = c.post("/api/chat", json={"message": QUESTION})
        assert first.status_code == 200, first.text
        for path in db.parent.glob("assistant.db*"):  # the database with its WAL and shared memory
            path.unlink()
        again = c.post("/api/chat", json={"message": QUESTION})
        assert again.status_code == 200, again.text
        cid = again.json()["conversation_id"]
        follow = c.post("/api/chat", json={"message": "Hvem kan søke?", "conversation_id": cid})
        assert follow.status_code == 200, follow.text
        history = c.get(f"/api/conversations/{cid}")
        assert history.status_code == 200, history.text
        assert len(history.json()["messages"]) == 2
        message_id = follow.json()["message_id"]
        vote = {"conversation_id": cid, "message_id": message_id, "rating": "up"}
        rated = c.post("/api/feedback", json=vote)
        assert rated.status_code == 201, rated.text
        assert message_id in c.get("/api/feedback.csv", headers=auth).text
        old = c.get(f"/api/conversations/{first.json()['conversation_id']}")
        assert old.status_code == 404 and old.json()["code"] == "conversation_not_found"
        assert c.get("/readyz").status_code == 200
    assert db.is_file()
