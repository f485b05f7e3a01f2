"""Document admin: API key, upload (ingested at once), replace, delete, and bad uploads that change
nothing. Each test gets its own small index and its own server."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import httpx
import pytest

from assistant.api import create_app
from assistant.service import Services
from tests.api.conftest import ADMIN_KEY, serve
from tests.pdf_fixtures import write_image_only_pdf, write_text_pdf

NOTE_V1 = """# Lokal ordning for kystskoler

Kystskoletilskuddet gir hver kystskole 12 000 kroner til kurs i sjøsikkerhet.
"""
NOTE_V2 = """# Lokal ordning for kystskoler

Kystskoletilskuddet gir hver kystskole 15 000 kroner til kurs i sjøsikkerhet og førstehjelp.
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
    assert {d["id"]: d["origin"] for d in listing.json()}["kystskoler.md"] == "upload"


def test_upload_is_searchable_and_reupload_replaces_without_duplicates(
    admin: httpx.Client, admin_services: Services
) -> None:
    first = upload(admin, "kystskoler.md", NOTE_V1.encode())
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "added" and first.json()["chunks"] >= 1
    answer = admin.post("/api/chat", json={"message": "Hvor mye gir kystskoletilskuddet?"}).json()
    assert "12 000 kroner" in answer["answer"]
    assert answer["citations"][0]["document"] == "kystskoler.md"

    same = upload(admin, "kystskoler.md", NOTE_V1.encode())
    assert same.status_code == 200 and same.json()["status"] == "unchanged"

    changed = upload(admin, "kystskoler.md", NOTE_V2.encode())
    assert changed.status_code == 200 and changed.json()["status"] == "updated"
    ids = admin_services.store.ids_for_document("kystskoler.md")
    assert len(ids) == changed.json()["chunks"] == len(set(ids))
    texts = [p.text for p in admin_services.store.passages() if p.document == "kystskoler.md"]
    assert all("12 000" not in t for t in texts)
    answer = admin.post("/api/chat", json={"message": "Hvor mye gir kystskoletilskuddet?"}).json()
    assert "15 000 kroner" in answer["answer"] and "12 000" not in answer["answer"]
    listed = {d["id"]: d for d in admin.get("/api/documents").json()}
    assert listed["kystskoler.md"]["chunks"] == len(ids)


def test_upload_pdf_and_html(admin: httpx.Client, tmp_path: Path) -> None:
    pdf = write_text_pdf(tmp_path / "p.pdf", [["Fjordtilskuddet gir 9 000 kroner per skole."], ["Side to."]])
    response = upload(admin, "fjord.pdf", pdf.read_bytes(), "application/pdf")
    assert response.status_code == 201, response.text
    html = b"<html><body><main><h1>Fjelltilskudd</h1><p>Fjelltilskuddet gir 7 000 kroner.</p></main></body>"
    assert upload(admin, "fjell.html", html, "text/html").status_code == 201
    hits = admin.get("/api/search", params={"q": "fjordtilskuddet kroner", "k": 1}).json()
    assert hits[0]["document"] == "fjord.pdf" and hits[0]["page"] == 1


def test_delete_removes_document_and_file(admin: httpx.Client, admin_services: Services) -> None:
    assert upload(admin, "kystskoler.md", NOTE_V1.encode()).status_code == 201
    assert (admin_services.settings.uploads_dir / "kystskoler.md").is_file()
    assert admin.delete("/api/documents/kystskoler.md").status_code == 204
    assert "kystskoler.md" not in admin_services.store.documents()
    assert not (admin_services.settings.uploads_dir / "kystskoler.md").exists()
    hits = admin.get("/api/search", params={"q": "kystskoletilskuddet", "k": 5}).json()
    assert all(h["document"] != "kystskoler.md" for h in hits)
    missing = admin.delete("/api/documents/kystskoler.md")
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
    assert response.json()["id"] == stored
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
        assert admin.delete("/api/documents/kystskoler.md").status_code == 204
    finally:
        stop.set()
        for t in readers:
            t.join(timeout=60)
    assert errors == []
