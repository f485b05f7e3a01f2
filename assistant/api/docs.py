"""The /docs page (Swagger UI) served from the package, so it works with no network.

FastAPI's own /docs loads Swagger UI from a CDN and its favicon from fastapi.tiangolo.com. The app is
created with `docs_url=None, redoc_url=None` and this module adds /docs, its OAuth2 redirect page and the
vendored assets instead (static/swagger-ui/README.txt names the version and how to refresh it). /redoc is
not served: ReDoc would be a second vendored bundle for the same content.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from assistant import texts

SWAGGER_UI_DIR = Path(__file__).parent / "static" / "swagger-ui"
SWAGGER_UI_PATH = "/static/swagger-ui"
DOCS_PATH = "/docs"
OAUTH2_REDIRECT_PATH = "/docs/oauth2-redirect"

# FastAPI's defaults, plus no online validator: Swagger UI would otherwise call validator.swagger.io.
SWAGGER_UI_PARAMETERS = {"validatorUrl": None}


def install(app: FastAPI) -> None:
    """Add /docs and the static assets it loads to an app created with `docs_url=None`."""
    if app.openapi_url is None:
        return
    openapi_url = app.openapi_url
    app.mount(SWAGGER_UI_PATH, StaticFiles(directory=SWAGGER_UI_DIR), name="swagger-ui")

    @app.get(DOCS_PATH, include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        # Behind a proxy that strips a prefix, every URL the page loads needs that prefix back.
        root = request.scope.get("root_path", "").rstrip("/")
        return get_swagger_ui_html(
            openapi_url=root + openapi_url,
            title=texts.DOCS_TITLE.format(app=app.title),
            swagger_js_url=f"{root}{SWAGGER_UI_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{SWAGGER_UI_PATH}/swagger-ui.css",
            swagger_favicon_url=f"{root}{SWAGGER_UI_PATH}/favicon-32x32.png",
            oauth2_redirect_url=root + OAUTH2_REDIRECT_PATH,
            swagger_ui_parameters=SWAGGER_UI_PARAMETERS,
        )

    @app.get(OAUTH2_REDIRECT_PATH, include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()
