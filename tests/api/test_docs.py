"""/docs works with no network: Swagger UI's page loads only assets the app serves itself."""

from __future__ import annotations

import hashlib
import re
from importlib.resources import files

import httpx
import pytest

from assistant.api.docs import SWAGGER_UI_DIR

# Every path the page loads is a quoted string starting with "/": <script src>, <link href>, and the spec
# and the OAuth2 redirect in Swagger UI's config.
_PATHS = re.compile(r"""["'](/[^"']*)["']""")
_ASSETS = {
    "swagger-ui-bundle.js": ("javascript", 1_000_000),
    "swagger-ui.css": ("text/css", 100_000),
    "favicon-32x32.png": ("image/png", 300),
}


def _page_urls(html: str) -> list[str]:
    return _PATHS.findall(html)


def test_docs_page_references_only_local_urls(client: httpx.Client) -> None:
    response = client.get("/docs")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "http://" not in html and "https://" not in html
    for host in ("cdn", "jsdelivr", "unpkg", "tiangolo"):
        assert host not in html
    urls = _page_urls(html)
    assert {"/openapi.json", "/docs/oauth2-redirect"} <= set(urls)
    assert {u.rsplit("/", 1)[-1] for u in urls if u.startswith("/static/")} == set(_ASSETS)
    assert not any(u.startswith("//") for u in urls)  # no protocol-relative host either


def test_each_asset_on_the_docs_page_is_served(client: httpx.Client) -> None:
    for url in _page_urls(client.get("/docs").text):
        if not url.startswith("/static/"):
            continue
        response = client.get(url)
        kind, min_size = _ASSETS[url.rsplit("/", 1)[-1]]
        assert response.status_code == 200, url
        assert kind in response.headers["content-type"], (url, response.headers["content-type"])
        assert len(response.content) >= min_size, url


def test_the_spec_and_the_oauth2_redirect_page_load(client: httpx.Client) -> None:
    assert client.get("/openapi.json").json()["info"]["title"] == "Kompetanseassistenten"
    redirect = client.get("/docs/oauth2-redirect")
    assert redirect.status_code == 200 and "oauth2" in redirect.text.lower()
    assert "https://" not in redirect.text and "http://" not in redirect.text


def test_redoc_is_not_served(client: httpx.Client) -> None:
    assert client.get("/redoc").status_code == 404


def test_docs_routes_stay_out_of_the_spec(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert not any(p.startswith(("/docs", "/static")) for p in paths)


def test_swagger_ui_licence_and_version_ship_in_the_package() -> None:
    folder = files("assistant.api") / "static" / "swagger-ui"
    assert "Apache License" in (folder / "LICENSE").read_text("utf-8")
    assert "swagger-ui" in (folder / "NOTICE").read_text("utf-8")
    assert "swagger-ui-dist 5." in (folder / "README.txt").read_text("utf-8")
    assert (SWAGGER_UI_DIR / "swagger-ui-bundle.js.LICENSE.txt").is_file()


@pytest.mark.parametrize("name", sorted(_ASSETS))
def test_vendored_assets_are_unchanged_from_the_pinned_release(name: str) -> None:
    """README.txt lists the sha256 of each file as npm shipped it; a partial refresh shows up here."""
    listed = (SWAGGER_UI_DIR / "README.txt").read_text("utf-8")
    digest = hashlib.sha256((SWAGGER_UI_DIR / name).read_bytes()).hexdigest()
    assert f"{digest}  {name}" in listed
