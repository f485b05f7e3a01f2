"""The public sources endpoints: every indexed document and its text, with no key and no server paths."""

from __future__ import annotations

import httpx

from assistant.service import Services

SUMMARY_KEYS = {"id", "title", "publisher", "published", "url", "passages"}


def test_sources_list_every_document_without_a_key(client: httpx.Client, services: Services) -> None:
    response = client.get("/api/sources")
    assert response.status_code == 200
    sources = response.json()
    stored = services.store.documents()
    assert {s["id"] for s in sources} == set(stored)
    for source in sources:
        assert set(source) == SUMMARY_KEYS
        assert source["passages"] == stored[source["id"]].chunks
        assert source["title"]
    titles = [s["title"].casefold() for s in sources]
    assert titles == sorted(titles)
    by_id = {s["id"]: s for s in sources}
    # Front matter: a dated document, one dated only by its latest news item, one with no date at all.
    assert by_id["udir-velge-kompetansetiltak.md"]["published"] == "2026-01-22"
    assert by_id["udir-velge-kompetansetiltak.md"]["publisher"] == "Utdanningsdirektoratet (Udir)"
    assert by_id["statsforvalteren-oslo-viken-lokal-kompetanseutvikling.txt"]["published"] == "2022-12-02"
    assert by_id["udir-tilskuddsordning-fag-og-yrkesopplaering.txt"]["published"] is None


def test_sources_show_no_server_paths_or_hashes(client: httpx.Client, services: Services) -> None:
    listed = client.get("/api/sources").text
    shown = listed + client.get("/api/sources/udir-velge-kompetansetiltak.md").text
    for doc in services.store.documents().values():
        assert doc.root not in shown
        assert doc.content_hash not in shown
        assert doc.ingested_at not in shown
    assert str(services.settings.data_dir) not in shown
    assert '"root"' not in shown and '"file"' not in shown


def test_a_document_has_its_passages_in_document_order(client: httpx.Client, services: Services) -> None:
    name = "udir-statlig-stotte-til-kompetanseutvikling.txt"
    response = client.get(f"/api/sources/{name}")
    assert response.status_code == 200
    data = response.json()
    assert set(data) == SUMMARY_KEYS
    assert data["id"] == name and data["title"]
    stored = sorted(
        (p for p in services.retriever.passages if p.document == name), key=lambda p: p.chunk_index
    )
    assert [p["id"] for p in data["passages"]] == [p.id for p in stored]
    assert [p["text"] for p in data["passages"]] == [p.text for p in stored]
    first = data["passages"][0]
    assert set(first) == {"id", "section", "page", "text"}
    assert first["section"] == stored[0].section and first["page"] is None


def test_a_citation_links_to_its_passage_in_the_document(client: httpx.Client) -> None:
    """What «Vis i dokumentet» does: the cited passage is found by its id in the document's text."""
    answer = client.post("/api/chat", json={"message": "Hva skal ordningene styrke?"}).json()
    assert answer["citations"]
    for citation in answer["citations"]:
        document = client.get(f"/api/sources/{citation['document']}").json()
        passages = {p["id"]: p for p in document["passages"]}
        assert passages[citation["passage_id"]]["text"] == citation["text"]
        assert passages[citation["passage_id"]]["section"] == citation["section"]


def test_an_unknown_document_is_404_in_norwegian(client: httpx.Client) -> None:
    response = client.get("/api/sources/finnes/ikke.pdf")
    assert response.status_code == 404
    body = response.json()
    assert body["code"] == "document_not_found"
    assert body["message"] == "Fant ikke dokumentet «finnes/ikke.pdf» i indeksen."


def test_an_uploaded_document_is_listed_by_its_name(admin: httpx.Client, admin_services: Services) -> None:
    text = "# Lokale kurs for skolebibliotekarer\n\nKommunen arrangerer tre kurs for skolebibliotekarer.\n"
    files = {"file": ("Kurs for bibliotekarer.md", text.encode(), "text/markdown")}
    assert admin.post("/api/documents", files=files).status_code == 201
    public = httpx.get(admin.base_url.join("/api/sources/uploads/Kurs for bibliotekarer.md"))  # no key
    assert public.status_code == 200
    data = public.json()
    assert data["passages"][0]["text"].startswith("Kommunen arrangerer tre kurs")
    assert str(admin_services.settings.uploads_dir) not in public.text
    listed = httpx.get(admin.base_url.join("/api/sources")).json()
    assert "uploads/Kurs for bibliotekarer.md" in {s["id"] for s in listed}


def test_sources_are_in_the_openapi_spec(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/sources", "/api/sources/{document}"} <= set(spec["paths"])
    schemas = spec["components"]["schemas"]
    assert {"SourceSummary", "SourceDocument", "SourcePassageBody"} <= set(schemas)
    listing = spec["paths"]["/api/sources"]["get"]
    assert "security" not in listing
