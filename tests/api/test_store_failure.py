"""A Chroma server that goes away while the service runs: 503 store_unavailable in Norwegian, not a 500;
and answers again once it is back."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from assistant import texts
from assistant.api import create_app
from assistant.config import Settings
from assistant.index.embedders import Embedder
from assistant.service import build_services, ingest_paths
from tests.api.conftest import ADMIN_KEY, serve
from tests.chroma_server import chroma_server

NOTE = "# Hospitering\n\nLærere kan hospitere i en bedrift for å lære om arbeidslivet.\n"


def test_a_store_that_goes_away_is_503_store_unavailable_until_it_is_back(
    tmp_path: Path, embedder: Embedder
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hospitering.md").write_text(NOTE, "utf-8")
    with chroma_server(tmp_path / "chroma") as chroma:
        # Exact search off: every search asks the Chroma server, as a large index does.
        settings = Settings(
            data_dir=tmp_path / "data",
            corpus_dir=corpus,
            chroma_host="127.0.0.1",
            chroma_port=chroma.port,
            exact_search_limit=0,
            admin_api_key=ADMIN_KEY,  # type: ignore[arg-type]
        )
        services = build_services(settings, embedder)
        ingest_paths(services, [corpus])
        auth = {"Authorization": f"Bearer {ADMIN_KEY}"}
        with serve(create_app(services=services)) as url, httpx.Client(base_url=url, timeout=60) as c:
            assert c.get("/api/search", params={"q": "hospitere"}).status_code == 200
            chroma.stop()
            for reply in (
                c.get("/api/search", params={"q": "hospitere"}),
                c.post("/api/chat", json={"message": "Kan lærere hospitere?"}),
                c.get("/api/documents", headers=auth),
                c.delete("/api/documents/hospitering.md", headers=auth),
            ):
                assert reply.status_code == 503, reply.text
                assert reply.json() == {"code": "store_unavailable", "message": texts.STORE_NOT_ANSWERING}
                assert reply.headers["retry-after"]
            ready = c.get("/readyz")
            assert ready.status_code == 503 and ready.json()["code"] == "not_ready"
            assert c.get("/healthz").status_code == 200

            chroma.restart()  # and the service answers again by itself, with no restart of its own
            deadline = time.monotonic() + 10
            while c.get("/readyz").status_code != 200:
                assert time.monotonic() < deadline, "not ready again 10 s after the store came back"
                time.sleep(0.1)
            assert c.get("/api/search", params={"q": "hospitere"}).json()[0]["document"] == "hospitering.md"
            assert c.post("/api/chat", json={"message": "Kan lærere hospitere?"}).status_code == 200
