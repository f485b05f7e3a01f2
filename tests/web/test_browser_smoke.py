"""The browser set-up works end to end: Chromium renders a page of the live app, loading only from it."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Page, expect

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def test_docs_page_renders_in_chromium_from_loopback_only(page: Page) -> None:
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: _keep_error(message, errors))

    page.goto("/docs")

    expect(page).to_have_title("Kompetanseassistenten – API-dokumentasjon")
    # Swagger UI's script ran and read /openapi.json: the title and the operations come from the spec.
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Kompetanseassistenten")
    expect(page.locator(".opblock").first).to_be_visible()
    page.wait_for_load_state("networkidle")

    assert any(urlsplit(url).path == "/openapi.json" for url in requested)
    remote = [url for url in requested if not _from_loopback(url)]
    assert remote == []
    assert errors == []


def _from_loopback(url: str) -> bool:
    parts = urlsplit(url)
    # data: and blob: URLs are made inside the page; nothing leaves the machine for them.
    return parts.scheme in {"data", "blob"} or parts.hostname in LOOPBACK


def _keep_error(message: ConsoleMessage, errors: list[str]) -> None:
    if message.type == "error":
        errors.append(message.text)
