"""Several API instances behind a load balancer: two `assistant serve` processes, each with a data
directory of its own, on one Chroma server, one PostgreSQL database and one shared uploads folder.

What one instance writes, the other answers from within 2 s (the index version in the shared database,
checked once a second); chats through both meanwhile all succeed; a conversation goes on across them;
and when the Chroma server goes away, both say 503 until it is back, then answer again by themselves.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant import texts
from assistant.config import Settings
from assistant.documents import delete_document, list_documents
from assistant.index.embedders import Embedder
from assistant.retrieval import Retriever
from assistant.service import Services, build_services, ensure_index, ingest_paths
from tests.api.conftest import ADMIN_KEY, free_port
from tests.chroma_server import ChromaServer, chroma_server
from tests.conftest import CORPUS
from tests.postgres_server import postgres_server
from tests.serve_process import assistant_serve

NAME = "fjellskole.md"
DOCUMENT = "uploads/" + NAME
NOTE = (
    "# Fjellskoleordningen\n\n"
    "Fjellskoleordningen gir lærere i fjellbygdene fire uker hospitering i en bedrift hvert skoleår.\n"
)
# The other instance must have the change within this long of the answer to the write.
WITHIN_S = 2.0
AUTH = {"Authorization": f"Bearer {ADMIN_KEY}"}


@dataclass
class Cluster:
    a: httpx.Client
    b: httpx.Client
    chroma: ChromaServer
    uploads: Path
    settings: Callable[[Path], Settings]  # an in-process instance's, for a data directory of its own


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Cluster]:
    root = tmp_path_factory.mktemp("instances")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "udir-velge-kompetansetiltak.md", corpus)
    shutil.copy(CORPUS / "glossary.yaml", corpus)
    with ExitStack() as stack:
        chroma = stack.enter_context(chroma_server(root / "chroma"))
        postgres = stack.enter_context(postgres_server())
        shared = {
            **os.environ,
            "ASSISTANT_CORPUS_DIR": str(corpus),
            "ASSISTANT_CHROMA_HOST": "127.0.0.1",
            "ASSISTANT_CHROMA_PORT": str(chroma.port),
            "ASSISTANT_DATABASE_URL": postgres.url,
            "ASSISTANT_UPLOADS_PATH": str(root / "uploads"),
            "ASSISTANT_ADMIN_API_KEY": ADMIN_KEY,
            # Neither is under test here, and each would cost a start-up.
            "ASSISTANT_APERTIUM_APY": "false",
            "ASSISTANT_TRANSLATION_STORE": "false",
            "ASSISTANT_STARTUP_RETRY_MAX_S": "1",
        }

        # The corpus goes in first, here: then neither instance finds the index empty and ingests it, and
        # both can start at once.
        def settings(data_dir: Path) -> Settings:
            return Settings(
                data_dir=data_dir,
                corpus_dir=corpus,
                chroma_host="127.0.0.1",
                chroma_port=chroma.port,
                database_url=postgres.url,
                uploads_path=root / "uploads",
                index_check_interval_s=0,
            )

        ingest_paths(build_services(settings(root / "ingest"), embedder), [corpus])
        servers = [
            assistant_serve(
                {**shared, "ASSISTANT_DATA_DIR": str(root / name)}, free_port(), root / f"{name}.log"
            )
            for name in ("a", "b")
        ]
        clients = [
            stack.enter_context(httpx.Client(base_url=url, timeout=60))
            for url in start_together(stack, servers)
        ]
        yield Cluster(clients[0], clients[1], chroma, root / "uploads", settings)


def start_together(stack: ExitStack, servers: list[AbstractContextManager[str]]) -> list[str]:
    """Enter the servers' contexts in threads (each waits for its model to load), every started one
    registered on `stack` to be stopped, even when another failed to start."""
    with ThreadPoolExecutor(len(servers)) as pool:
        futures = [pool.submit(server.__enter__) for server in servers]
        wait(futures)
    for server, future in zip(servers, futures, strict=True):
        if future.exception() is None:
            stack.push(server.__exit__)
    return [future.result() for future in futures]


def hits(client: httpx.Client, query: str) -> list[dict[str, object]]:
    reply = client.get("/api/search", params={"q": query})
    assert reply.status_code == 200, reply.text
    return list(reply.json())


def holds_upload(client: httpx.Client, document: str = DOCUMENT) -> bool:
    return any(h["document"] == document for h in hits(client, "Fjellskoleordningen hospitering"))


def seconds_until(condition: Callable[[], bool], limit: float) -> float:
    """How long until `condition` held; fails once `limit` has passed."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < limit, f"not within {limit} s"
        time.sleep(0.05)
    return time.monotonic() - start


@dataclass
class Traffic:
    """Chats and searches through both instances, in threads, until stopped: every reply is kept."""

    clients: list[httpx.Client]
    problems: list[str] = field(default_factory=list)
    replies: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self, client: httpx.Client) -> None:
        while not self._stop.is_set():
            chat = client.post("/api/chat", json={"message": "Hvem kan melde behov for kompetanseutvikling?"})
            if chat.status_code != 200:
                self.problems.append(f"chat {chat.status_code}: {chat.text}")
            search = client.get("/api/search", params={"q": "Fjellskoleordningen hospitering"})
            if search.status_code != 200:
                self.problems.append(f"search {search.status_code}: {search.text}")
                continue
            for hit in search.json():
                # Passages and vectors of one version: a passage of the upload never lacks either score.
                if hit["document"] == DOCUMENT and not (hit["dense"] > 0 and hit["lexical"] > 0):
                    self.problems.append(f"mixed snapshot: {hit}")
            self.replies += 2

    def __enter__(self) -> Traffic:
        self._threads = [threading.Thread(target=self.run, args=(c,), daemon=True) for c in self.clients]
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)


def test_an_upload_through_one_is_answered_by_the_other_and_a_delete_through_that_one_is_gone_from_the_first(
    cluster: Cluster,
) -> None:
    a, b = cluster.a, cluster.b
    assert not holds_upload(a) and not holds_upload(b)
    with Traffic([a, b]) as traffic:
        added = a.post("/api/documents", headers=AUTH, files={"file": (NAME, NOTE.encode(), "text/markdown")})
        assert added.status_code == 201, added.text
        seconds_until(lambda: holds_upload(b), WITHIN_S)
        answer = b.post("/api/chat", json={"message": "Hva gir fjellskoleordningen lærere?"}).json()
        assert [c["document"] for c in answer["citations"]][:1] == [DOCUMENT], answer
        listed = {d["id"]: d["origin"] for d in b.get("/api/documents", headers=AUTH).json()}
        assert listed[DOCUMENT] == "upload"  # the shared folder: B knows the file as an upload

        assert b.delete(f"/api/documents/{DOCUMENT}", headers=AUTH).status_code == 204
        seconds_until(lambda: not holds_upload(a), WITHIN_S)
        assert not (cluster.uploads / NAME).exists()  # so no instance's next start brings it back
        assert DOCUMENT not in {d["id"] for d in a.get("/api/documents", headers=AUTH).json()}
    assert traffic.problems == []
    assert traffic.replies > 0


def test_a_start_keeps_the_uploads_other_instances_made_and_a_delete_through_any_instance_is_final(
    cluster: Cluster, embedder: Embedder, tmp_path: Path
) -> None:
    """Each instance's start brings the index in line with the uploads folder (service.reconcile_uploads):
    on a folder of its own, it would not know the others' uploads as uploads, and a delete through it
    would leave their file behind, for their next start to bring the document back."""
    name = "fjellskole-2.md"  # apart from the test before, whatever became of its upload
    document = "uploads/" + name
    added = cluster.a.post(
        "/api/documents", headers=AUTH, files={"file": (name, NOTE.encode(), "text/markdown")}
    )
    assert added.status_code == 201, added.text
    third = build_services(cluster.settings(tmp_path / "c"), embedder)
    ensure_index(third)  # what its start does
    assert holds_upload(cluster.a, document)
    assert {d.id: d.origin for d in list_documents(third)}[document] == "upload"

    delete_document(third, document)
    seconds_until(lambda: not holds_upload(cluster.a, document), WITHIN_S)
    again = build_services(cluster.settings(cluster.uploads.parent / "a"), embedder)
    ensure_index(again)  # the next start of the instance it was uploaded through
    assert document not in again.store.documents()


class _DeletedMeanwhile:
    """The real store, but another instance deletes `document` right after the first read a snapshot
    makes, as if between two reads of the store."""

    def __init__(self, store: Any, document: str) -> None:
        self._store, self._document, self._deleted = store, document, False

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._store, name)
        if name not in ("passages", "passages_with_vectors", "vectors", "unit_vectors"):
            return method

        def read(*args: Any) -> Any:
            result = method(*args)
            if not self._deleted:
                self._deleted = True
                self._store.delete_document(self._document)
            return result

        return read


def test_a_snapshot_is_one_version_of_the_index_when_another_instance_deletes_while_it_is_read(
    admin_services: Services, tmp_path: Path
) -> None:
    """Passages and their vectors come from one read: a delete between two reads once left passages
    without vectors (a KeyError, and no rebuild at all)."""
    (tmp_path / NAME).write_text(NOTE, "utf-8")
    ingest_paths(admin_services, [tmp_path / NAME])
    store = _DeletedMeanwhile(admin_services.store, NAME)
    retriever = Retriever(admin_services.settings, admin_services.embedder, store)  # type: ignore[arg-type]
    found = retriever.search("Fjellskoleordningen hospitering", 3)
    assert found[0].passage.document == NAME  # the version read: the document was still there
    assert all(hit.dense > 0 for hit in found)
    assert NAME not in admin_services.store.documents()


def test_a_conversation_started_on_one_instance_goes_on_on_the_other(cluster: Cluster) -> None:
    first = cluster.a.post("/api/chat", json={"message": "Hva er desentralisert ordning?"}).json()
    follow = cluster.b.post(
        "/api/chat", json={"message": "Hvem kan melde behov?", "conversation_id": first["conversation_id"]}
    )
    assert follow.status_code == 200, follow.text
    shown = cluster.a.get(f"/api/conversations/{first['conversation_id']}").json()
    assert [m["question"] for m in shown["messages"]] == [
        "Hva er desentralisert ordning?",
        "Hvem kan melde behov?",
    ]


def test_both_say_503_while_the_chroma_server_is_gone_and_answer_again_once_it_is_back(
    cluster: Cluster,
) -> None:
    clients = (cluster.a, cluster.b)
    cluster.chroma.stop()
    try:
        for client in clients:
            seconds_until(lambda c=client: c.get("/readyz").status_code == 503, 5 * WITHIN_S)
            assert client.get("/readyz").json()["code"] == "not_ready"
            chat = client.post("/api/chat", json={"message": "Hvem kan melde behov for kompetanseutvikling?"})
            assert chat.status_code == 503, chat.text
            assert chat.json() == {"code": "store_unavailable", "message": texts.STORE_NOT_ANSWERING}
    finally:
        cluster.chroma.restart()
    for client in clients:
        seconds_until(lambda c=client: c.get("/readyz").status_code == 200, 5 * WITHIN_S)
        chat = client.post("/api/chat", json={"message": "Hvem kan melde behov for kompetanseutvikling?"})
        assert chat.status_code == 200, chat.text
