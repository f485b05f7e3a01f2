"""Real servers on loopback: uvicorn in a thread, serving the app built on real services."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from assistant.api import create_app
from assistant.api.server import server_config
from assistant.config import Settings
from assistant.index.embedders import Embedder
from assistant.service import Services, build_services, ingest_paths
from tests.conftest import CORPUS

ADMIN_KEY = "test-admin-key-123"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(server_config(app, "127.0.0.1", port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def wait_ready(client: httpx.Client, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while client.get("/readyz").status_code != 200:
        if time.monotonic() > deadline:
            raise RuntimeError("service never became ready")
        time.sleep(0.1)


@pytest.fixture(scope="session")
def api_url(services: Services) -> Iterator[str]:
    """The full corpus index, read-only use: chat, search, OpenAI endpoints, feedback."""
    with serve(create_app(services=services)) as url:
        yield url


@pytest.fixture
def client(api_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_url, timeout=30) as c:
        yield c


def small_settings(tmp: Path, **overrides: object) -> Settings:
    """A one-document corpus, so tests that write to the index start fast."""
    corpus = tmp / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    shutil.copy(CORPUS / "udir-velge-kompetansetiltak.md", corpus)
    shutil.copy(CORPUS / "glossary.yaml", corpus)
    return Settings(data_dir=tmp / "data", corpus_dir=corpus, **overrides)  # type: ignore[arg-type]


@pytest.fixture
def admin_services(tmp_path: Path, embedder: Embedder) -> Services:
    settings = small_settings(tmp_path, admin_api_key=ADMIN_KEY, max_upload_bytes=200_000)
    svc = build_services(settings, embedder)
    ingest_paths(svc, [settings.corpus_dir])
    return svc


@pytest.fixture
def admin(admin_services: Services) -> Iterator[httpx.Client]:
    with (
        serve(create_app(services=admin_services)) as url,
        httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {ADMIN_KEY}"}) as c,
    ):
        yield c
