"""The same store against a real Chroma server on loopback (`chroma run`), as used when scaled out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import StoreUnavailable
from assistant.index.embedders import Embedder
from assistant.index.store import build_store
from assistant.service import build_services, ingest_paths, search
from tests.chroma_server import chroma_server, free_port


@pytest.fixture(scope="module")
def chroma_server_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    with chroma_server(tmp_path_factory.mktemp("chroma-server")) as server:
        yield server.port


def test_ingest_and_search_through_a_chroma_server(
    chroma_server_port: int, tmp_path: Path, embedder: Embedder
) -> None:
    settings = Settings(data_dir=tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server_port)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("# Hospitering\n\nLærere kan hospitere i en bedrift.\n", "utf-8")
    (corpus / "b.md").write_text("# Stipend\n\nSkoleeiere kan søke om rekrutteringsstipend.\n", "utf-8")
    services = build_services(settings, embedder)
    report = ingest_paths(services, [corpus])
    assert sorted(report.added) == ["a.md", "b.md"]
    assert not (tmp_path / "data" / "chroma").exists()  # nothing embedded: it all went to the server
    hits = search(services, "Kan lærere hospitere?", k=1)
    assert hits[0].passage.document == "a.md"


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=free_port())
    with pytest.raises(StoreUnavailable) as err:
        build_store(settings, "m")
    assert err.value.code == "store_unavailable"
    assert "ikke tilgjengelig" in err.value.message
