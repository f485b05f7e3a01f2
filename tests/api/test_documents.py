"""Document admin: API key, upload (ingested at once), replace, delete, and bad uploads that change
nothing. Each test gets its own small index and its own server."""

from __future__ import annotations

import io
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant import texts
from assistant.api import create_app
from assistant.errors import StoreUnavailable
from assistant.index.embedders import Embedder
from assistant.service import Services, build_services, ensure_index, ingest_paths
from assistant.uploads import add_upload
from tests.api.conftest import ADMIN_KEY, serve, small_settings
from tests.pdf_fixtures import (
    aes_encrypted_pdf,
    deep_page_tree_pdf,
    encrypted_pdf,
    flate_bomb_pdf,
    write_image_only_pdf,
    write_text_pdf,
)

NOTE_V1 = """# Lokal ordning for kystskoler

Kystskoletilskuddet gir hver kystskole 12 000 kroner til kurs i sjøsikkerhet.
"""
NOTE_V2 = """# Lokal ordning for kystskoler

Kystskoletilskuddet gir hver kystskole 15 000 kroner til kurs i sjøsikkerhet og førstehjelp.
"""


# "Billion laughs": a few hundred bytes of YAML whose aliases expand the title without bound.
LAUGHS = """---
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
title: [*d, *d, *d, *d]
---
Tekst om kystskoler.
"""


def upload(client: httpx.Client, name: str, data: bytes, mime: str = "text/markdown") -> httpx.Response:
    return client.post("/api/documents", files={"file": (name, data, mime)})


def snapshot(services: Services) -> tuple[dict[str, str], int]:
    docs = services.store.documents()
    return {name: d.content_hash for name, d in docs.items()}, services.store.count()


def test_admin_endpoints_are_off_without_a_key(services: Services) -> None:
    # The session services have no admin key configured.
    with serve(create_app(services=services)) as url:
        for method, path in [
            ("GET", "/api/documents"),
            ("POST", "/api/documents"),
            ("DELETE", "/api/documents/x"),
        ]:
            response = httpx.request(method, url + path, headers={"Authorization": "Bearer noe"})
            assert response.status_code == 403, path
            assert response.json()["code"] == "admin_disabled"
        assert httpx.get(url + "/api/feedback.csv").json()["code"] == "admin_disabled"


@pytest.mark.parametrize(
    "header", [None, "Bearer feil", f"Basic {ADMIN_KEY}", f"Bearer {ADMIN_KEY}x", "Bearer"]
)
def test_wrong_or_missing_key_is_401(admin: httpx.Client, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = httpx.get(admin.base_url.join("/api/documents"), headers=headers)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


def test_list_documents(admin: httpx.Client) -> None:
    docs = admin.get("/api/documents").json()
    assert [d["id"] for d in docs] == ["udir-velge-kompetansetiltak.md"]
    doc = docs[0]
    assert doc["chunks"] > 0 and len(doc["content_hash"]) >= 16 and doc["ingested_at"]
    assert doc["title"] and doc["origin"] == "corpus"
    assert "file" not in doc  # the list once showed the server's path to the file


def test_the_document_list_shows_no_server_paths(admin: httpx.Client, admin_services: Services) -> None:
    assert upload(admin, "kystskoler.md", NOTE_V1.encode()).status_code == 201
    listing = admin.get("/api/documents")
    settings = admin_services.settings
    for folder in (settings.data_dir, settings.corpus_dir, settings.uploads_dir):
        assert str(folder) not in listing.text
    assert {d["id"]: d["origin"] for d in listing.json()}["uploads/kystskoler.md"] == "upload"


def test_upload_is_searchable_and_reupload_replaces_without_duplicates(
    admin: httpx.Client, admin_services: Services
) -> None:
    first = upload(admin, "kystskoler.md", NOTE_V1.encode())
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "added" and first.json()["chunks"] >= 1
    assert first.json()["id"] == "uploads/kystskoler.md"
    answer = admin.post("/api/chat", json={"message": "Hvor mye gir kystskoletilskuddet?"}).json()
    assert "12 000 kroner" in answer["answer"]
    assert answer["citations"][0]["document"] == "uploads/kystskoler.md"

    same = upload(admin, "kystskoler.md", NOTE_V1.encode())
    assert same.status_code == 200 and same.json()["status"] == "unchanged"

    changed = upload(admin, "kystskoler.md", NOTE_V2.encode())
    assert changed.status_code == 200 and changed.json()["status"] == "updated"
    ids = admin_services.store.ids_for_document("uploads/kystskoler.md")
    assert len(ids) == changed.json()["chunks"] == len(set(ids))
    texts = [p.text for p in admin_services.store.passages() if p.document == "uploads/kystskoler.md"]
    assert all("12 000" not in t for t in texts)
    answer = admin.post("/api/chat", json={"message": "Hvor mye gir kystskoletilskuddet?"}).json()
    assert "15 000 kroner" in answer["answer"] and "12 000" not in answer["answer"]
    listed = {d["id"]: d for d in admin.get("/api/documents").json()}
    assert listed["uploads/kystskoler.md"]["chunks"] == len(ids)


def test_upload_pdf_and_html(admin: httpx.Client, tmp_path: Path) -> None:
    pdf = write_text_pdf(tmp_path / "p.pdf", [["Fjordtilskuddet gir 9 000 kroner per skole."], ["Side to."]])
    response = upload(admin, "fjord.pdf", pdf.read_bytes(), "application/pdf")
    assert response.status_code == 201, response.text
    html = b"<html><body><main><h1>Fjelltilskudd</h1><p>Fjelltilskuddet gir 7 000 kroner.</p></main></body>"
    assert upload(admin, "fjell.html", html, "text/html").status_code == 201
    hits = admin.get("/api/search", params={"q": "fjordtilskuddet kroner", "k": 1}).json()
    assert hits[0]["document"] == "uploads/fjord.pdf" and hits[0]["page"] == 1


def test_delete_removes_document_and_file(admin: httpx.Client, admin_services: Services) -> None:
    assert upload(admin, "kystskoler.md", NOTE_V1.encode()).status_code == 201
    assert (admin_services.settings.uploads_dir / "kystskoler.md").is_file()
    assert admin.delete("/api/documents/uploads/kystskoler.md").status_code == 204
    assert "uploads/kystskoler.md" not in admin_services.store.documents()
    assert not (admin_services.settings.uploads_dir / "kystskoler.md").exists()
    hits = admin.get("/api/search", params={"q": "kystskoletilskuddet", "k": 5}).json()
    assert all(h["document"] != "uploads/kystskoler.md" for h in hits)
    missing = admin.delete("/api/documents/uploads/kystskoler.md")
    assert missing.status_code == 404 and missing.json()["code"] == "document_not_found"


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("skjema.docx", b"PK\x03\x04 not really", 415, "unsupported_file"),
        ("bilde.png", b"\x89PNG\r\n", 415, "unsupported_file"),
        ("uten-endelse", b"tekst", 415, "unsupported_file"),
        ("stor.txt", b"a" * 200_001, 413, "file_too_large"),
        ("tom.md", b"   \n", 422, "unreadable_file"),
        ("ødelagt.pdf", b"%PDF-1.4 this is not a pdf", 422, "unreadable_file"),
    ],
)
def test_bad_upload_is_rejected_and_changes_nothing(
    admin: httpx.Client, admin_services: Services, name: str, data: bytes, status: int, code: str
) -> None:
    before = snapshot(admin_services)
    response = upload(admin, name, data, "application/octet-stream")
    assert response.status_code == status, response.text
    assert response.json()["code"] == code and response.json()["message"]
    assert snapshot(admin_services) == before
    uploads = admin_services.settings.uploads_dir
    assert not uploads.exists() or not any(uploads.iterdir())  # no file and no leftover temp file


def test_scanned_pdf_is_422_and_old_version_stays(
    admin: httpx.Client, admin_services: Services, tmp_path: Path
) -> None:
    pdf = write_text_pdf(tmp_path / "ok.pdf", [["Fjordtilskuddet gir 9 000 kroner per skole."]])
    assert upload(admin, "fjord.pdf", pdf.read_bytes(), "application/pdf").status_code == 201
    before = snapshot(admin_services)
    scanned = write_image_only_pdf(tmp_path / "scan.pdf").read_bytes()
    response = upload(admin, "fjord.pdf", scanned, "application/pdf")
    assert response.status_code == 422 and response.json()["code"] == "scanned_pdf"
    assert "OCR" in response.json()["message"]
    assert snapshot(admin_services) == before
    assert (admin_services.settings.uploads_dir / "fjord.pdf").read_bytes() == pdf.read_bytes()


def test_declared_oversize_body_is_refused_before_reading(admin: httpx.Client) -> None:
    # A raw request: the client declares 10 MB and sends almost nothing; the answer must not wait for it.
    url = admin.base_url
    with socket.create_connection((url.host, url.port), timeout=10) as sock:
        sock.sendall(
            b"POST /api/documents HTTP/1.1\r\nHost: x\r\n"
            + f"Authorization: Bearer {ADMIN_KEY}\r\n".encode()
            + b"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 10000000\r\n\r\n--b\r\n"
        )
        head = sock.recv(4096).decode()
    assert head.startswith("HTTP/1.1 413")
    assert "file_too_large" in head


def test_missing_file_field_is_422(admin: httpx.Client) -> None:
    response = admin.post("/api/documents", files={"annet": ("a.md", b"# Hei\n\nTekst.", "text/markdown")})
    assert response.status_code == 422 and response.json()["code"] == "missing_file"


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("../../../../etc/kystskoler.md", "kystskoler.md"),
        ("..\\..\\windows\\kystskoler.md", "kystskoler.md"),
        ("/abs/path/kystskoler.md", "kystskoler.md"),
        ("../.hidden.md", "hidden.md"),
        ("sjø; rm -rf $HOME.md", "sjø_ rm -rf _HOME.md"),
    ],
)
def test_filename_with_path_components_is_sanitised(
    admin: httpx.Client, admin_services: Services, tmp_path: Path, sent: str, stored: str
) -> None:
    response = upload(admin, sent, NOTE_V1.encode())
    assert response.status_code == 201, response.text
    assert response.json()["id"] == f"uploads/{stored}"
    uploads = admin_services.settings.uploads_dir.resolve()
    assert (uploads / stored).is_file()
    data_dir = admin_services.settings.data_dir.resolve()
    written = [p for p in data_dir.parent.rglob("kystskoler.md") if p.is_file()]
    assert all(p.resolve().parent == uploads for p in written)


def test_reads_stay_correct_while_uploads_write(admin: httpx.Client) -> None:
    """Searches and chats during repeated re-ingests: no 5xx, never an empty or torn answer."""
    errors: list[str] = []
    stop = threading.Event()

    def read() -> None:
        with httpx.Client(base_url=admin.base_url, timeout=60) as c:
            while not stop.is_set():
                r = c.post("/api/chat", json={"message": "Hva skal ordningene styrke?"})
                if r.status_code != 200 or not r.json()["citations"]:
                    errors.append(f"chat {r.status_code} {r.text[:200]}")
                s = c.get("/api/search", params={"q": "kollektiv kompetanse", "k": 3})
                if s.status_code != 200 or len(s.json()) != 3:
                    errors.append(f"search {s.status_code} {s.text[:200]}")

    readers = [threading.Thread(target=read) for _ in range(4)]
    for t in readers:
        t.start()
    try:
        for i in range(6):
            note = NOTE_V1 if i % 2 == 0 else NOTE_V2
            assert upload(admin, "kystskoler.md", note.encode()).status_code in (200, 201)
        assert admin.delete("/api/documents/uploads/kystskoler.md").status_code == 204
    finally:
        stop.set()
        for t in readers:
            t.join(timeout=60)
    assert errors == []


def uploads_left(services: Services) -> list[str]:
    uploads = services.settings.uploads_dir
    return sorted(p.name for p in uploads.iterdir()) if uploads.exists() else []


def assert_refused(
    admin: httpx.Client, services: Services, name: str, data: bytes, status: int, code: str
) -> None:
    """Refused with this status and code, a message that names the upload and no server file, and
    nothing changed: not the index, and no file left in uploads/."""
    before = snapshot(services)
    response = upload(admin, name, data, "application/octet-stream")
    assert (response.status_code, response.json()["code"]) == (status, code), (name, response.text)
    message = response.json()["message"]
    assert (
        f"«{name}»" in message
        and ".upload-" not in message
        and str(services.settings.data_dir) not in message
    )
    assert snapshot(services) == before, name
    assert uploads_left(services) == [], name


def test_an_upload_named_like_a_corpus_document_gets_its_own_id_with_a_slash(
    admin: httpx.Client, admin_services: Services
) -> None:
    corpus_id = "udir-velge-kompetansetiltak.md"
    before = admin_services.store.documents()[corpus_id]
    response = upload(admin, corpus_id, NOTE_V1.encode())
    assert response.status_code == 201, response.text
    assert response.json()["id"] == f"uploads/{corpus_id}"
    assert admin_services.store.documents()[corpus_id] == before  # the corpus document is not replaced
    # An id with a slash works in every document route.
    source = admin.get(f"/api/sources/uploads/{corpus_id}")
    assert source.status_code == 200 and source.json()["id"] == f"uploads/{corpus_id}"
    assert "12 000 kroner" in admin.get(f"/dokument/uploads/{corpus_id}").text
    # The admin page encodes each path segment; a client may also encode the slash.
    assert admin.delete(f"/api/documents/uploads%2F{corpus_id}").status_code == 204
    assert admin.get(f"/api/sources/uploads/{corpus_id}").status_code == 404
    assert admin_services.store.documents()[corpus_id] == before  # nor deleted with the upload
    assert uploads_left(admin_services) == []


def test_a_corpus_document_cannot_be_deleted_through_the_api(
    admin: httpx.Client, admin_services: Services
) -> None:
    """Its file stays in corpus/, so the next ingest would bring it back: the delete is refused, with the
    way to take it out, and the document is left as it was."""
    corpus_id = "udir-velge-kompetansetiltak.md"
    before = admin_services.store.documents()[corpus_id]
    response = admin.delete(f"/api/documents/{corpus_id}")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "corpus_document"
    assert f"«{corpus_id}»" in body["message"] and "assistant ingest" in body["message"]
    assert str(admin_services.settings.corpus_dir) not in body["message"]
    assert admin_services.store.documents()[corpus_id] == before
    assert admin.get(f"/api/sources/{corpus_id}").status_code == 200


def test_an_upload_that_would_replace_a_corpus_document_is_409(tmp_path: Path, embedder: Embedder) -> None:
    # Only a corpus with an uploads/ folder of its own can hold an id in the uploads namespace.
    settings = small_settings(tmp_path, admin_api_key=ADMIN_KEY)
    (settings.corpus_dir / "uploads").mkdir()
    (settings.corpus_dir / "uploads" / "kystskoler.md").write_text(NOTE_V1, "utf-8")
    services = build_services(settings, embedder)
    ingest_paths(services, [settings.corpus_dir])
    before = snapshot(services)
    with (
        serve(create_app(services=services)) as url,
        httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {ADMIN_KEY}"}) as admin,
    ):
        response = upload(admin, "kystskoler.md", NOTE_V2.encode())
    assert response.status_code == 409, response.text
    assert response.json()["code"] == "document_exists"
    assert "uploads/kystskoler.md" in response.json()["message"]
    assert snapshot(services) == before
    assert uploads_left(services) == []


def test_a_chunked_upload_over_the_limit_is_refused_while_it_streams(
    admin: httpx.Client, admin_services: Services
) -> None:
    """No Content-Length: the limit (200 KB here) must hold while the body streams in, not after the
    server has spooled all of it."""
    total, sent = 50_000_000, 0

    def body() -> Iterator[bytes]:
        nonlocal sent
        yield (
            b'--b\r\nContent-Disposition: form-data; name="file"; filename="stor.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\n"
        )
        piece = b"kystskole " * 6_554
        while sent < total:
            sent += len(piece)
            yield piece
        yield b"\r\n--b--\r\n"

    response = admin.post(
        "/api/documents", content=body(), headers={"Content-Type": "multipart/form-data; boundary=b"}
    )
    assert response.status_code == 413 and response.json()["code"] == "file_too_large"
    # The server stopped reading just past the limit; what more was sent sat in the sockets' buffers.
    assert sent < 10_000_000, sent
    assert uploads_left(admin_services) == []


def test_a_store_failure_during_an_upload_is_an_error_and_leaves_nothing(
    admin: httpx.Client, admin_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*_args: object, **_kwargs: object) -> None:
        raise StoreUnavailable(texts.STORE_UNAVAILABLE.format(reason="testfeil"))

    before = snapshot(admin_services)
    with monkeypatch.context() as patch:
        patch.setattr(admin_services.store, "upsert", unavailable)
        response = upload(admin, "kystskoler.md", NOTE_V1.encode())
    assert response.status_code == 503 and response.json()["code"] == "store_unavailable"
    assert snapshot(admin_services) == before
    assert uploads_left(admin_services) == []

    # A replacement that fails half-way: the new version's passages are written, removing the old
    # ones fails. The new passages go again, and the old version stays, in the index and on disk.
    assert upload(admin, "kystskoler.md", NOTE_V1.encode()).status_code == 201
    before = snapshot(admin_services)
    real, calls = admin_services.store.delete_document, []

    def fails_once(document: str, keep: set[str] | None = None) -> None:
        calls.append(document)
        if len(calls) == 1:
            unavailable()
        real(document, keep)

    with monkeypatch.context() as patch:
        patch.setattr(admin_services.store, "delete_document", fails_once)
        response = upload(admin, "kystskoler.md", NOTE_V2.encode())
    assert response.status_code == 503, response.text
    assert snapshot(admin_services) == before
    assert (admin_services.settings.uploads_dir / "kystskoler.md").read_text("utf-8") == NOTE_V1
    assert uploads_left(admin_services) == ["kystskoler.md"]


def test_files_that_yield_nothing_or_attack_the_parser_are_refused(
    admin: httpx.Client, admin_services: Services, tmp_path: Path
) -> None:
    source = write_text_pdf(tmp_path / "kilde.pdf", [["Fjordtilskuddet gir 9 000 kroner per skole."]])
    cases = [
        # Once 201 "added" with 0 passages: then not listed, not deletable, and left on disk.
        ("overskrift.md", b"# Bare en overskrift\n", 422, "unreadable_file"),
        ("latter.md", LAUGHS.encode(), 422, "invalid_front_matter"),
        (
            "stor-forside.md",
            b"---\nnote: " + b"x" * 20_000 + b"\n---\nTekst om kystskoler.\n",
            422,
            "invalid_front_matter",
        ),
        (
            "lang-tittel.md",
            b"---\ntitle: " + b"x" * 600 + b"\n---\nTekst om kystskoler.\n",
            422,
            "invalid_front_matter",
        ),
        # Once 500: pypdf's DependencyError and LimitReachedError were not caught.
        ("passord.pdf", encrypted_pdf(source, "hemmelig"), 422, "encrypted_pdf"),
        ("aes.pdf", aes_encrypted_pdf(source), 422, "encrypted_pdf"),
        ("dyp.pdf", deep_page_tree_pdf(300), 422, "unreadable_file"),
        ("bombe.pdf", flate_bomb_pdf(80), 422, "unreadable_file"),  # 80 KB that inflate to 80 MB
    ]
    for name, data, status, code in cases:
        assert_refused(admin, admin_services, name, data, status, code)


def test_a_document_over_an_ingest_limit_is_refused(
    admin: httpx.Client, admin_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = [[f"Side {n}.", f"Fjordtilskuddet gir {n} 000 kroner per skole."] for n in range(1, 4)]
    pdf = write_text_pdf(tmp_path / "tre.pdf", pages).read_bytes()
    for setting, value, status, code in [
        ("ingest_max_pages", 2, 413, "document_too_large"),
        ("ingest_max_passages", 2, 413, "document_too_large"),
        ("ingest_max_units", 2, 413, "document_too_large"),
        ("ingest_timeout_s", 1e-9, 422, "ingest_timeout"),
    ]:
        with monkeypatch.context() as patch:
            patch.setattr(admin_services.settings, setting, value)
            assert_refused(admin, admin_services, "tre.pdf", pdf, status, code)
    assert upload(admin, "tre.pdf", pdf, "application/pdf").status_code == 201  # within the defaults


def test_other_calls_answer_while_an_upload_is_being_embedded(
    admin: httpx.Client, admin_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The embedding of an upload (the slow part) holds no lock: a delete, the list and chat go on."""
    assert upload(admin, "kystskoler.md", NOTE_V1.encode()).status_code == 201
    started, release = threading.Event(), threading.Event()
    real = admin_services.embedder.embed_passages

    def gated(batch: list[str]) -> Any:
        started.set()
        release.wait(60)
        return real(batch)

    monkeypatch.setattr(admin_services.embedder, "embed_passages", gated)
    result: list[httpx.Response] = []
    uploader = threading.Thread(target=lambda: result.append(upload(admin, "fjord.md", NOTE_V2.encode())))
    uploader.start()
    try:
        assert started.wait(30)
        with httpx.Client(base_url=admin.base_url, headers=admin.headers, timeout=10) as other:
            assert other.get("/api/documents").status_code == 200
            assert other.post("/api/chat", json={"message": "Hva skal ordningene styrke?"}).status_code == 200
            assert other.delete("/api/documents/uploads/kystskoler.md").status_code == 204
    finally:
        release.set()
        uploader.join(60)
    assert result[0].status_code == 201, result[0].text


def test_start_up_indexes_every_upload_and_leaves_no_orphans(admin_services: Services) -> None:
    services, corpus_id = admin_services, "udir-velge-kompetansetiltak.md"
    uploads = services.settings.uploads_dir
    add_upload(services, "borte.md", io.BytesIO(NOTE_V1.encode()))
    (uploads / "borte.md").unlink()  # indexed, but its file is gone
    (uploads / "lagret.md").write_text(NOTE_V2, "utf-8")  # stored, then the process died before indexing
    (uploads / "gammel.md").write_text(NOTE_V1.replace("kystskole", "fjordskole"), "utf-8")
    ingest_paths(services, [uploads / "gammel.md"])  # indexed under its bare name, before uploads/ ids
    (uploads / "overskrift.md").write_text("# Bare en overskrift\n", "utf-8")  # yields no passage
    temp = uploads / ".upload-abc123.md"  # an upload cut off while it was written
    temp.write_text("halv", "utf-8")
    an_hour_ago = time.time() - 3700
    os.utime(temp, (an_hour_ago, an_hour_ago))

    ensure_index(services)

    docs = services.store.documents()
    assert sorted(docs) == [corpus_id, "uploads/gammel.md", "uploads/lagret.md"]
    assert uploads_left(services) == ["gammel.md", "lagret.md"]
    assert (services.settings.data_dir / "rejected-uploads" / "overskrift.md").is_file()
    assert services.retriever.size == services.store.count()

    # A lost index (a new Chroma directory): the corpus and every upload come back.
    for name in list(docs):
        services.store.delete_document(name)
    ensure_index(services)
    assert sorted(services.store.documents()) == sorted(docs)
