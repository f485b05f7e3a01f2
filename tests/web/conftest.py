"""Browser tests: Debian's Chromium, driven by Playwright, against the real app on loopback.

`live_server` is the app on the session's real services (the full corpus index); `page` is a fresh browser
context and tab on it for each test, so storage never leaks between tests. Chromium starts once per session:
on this 2-core machine a start costs about two seconds. Tests that need another server (an admin key, a small
index they may change) start it with `serve()` and open their own context from the `browser` fixture.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from assistant.api import create_app
from assistant.index.embedders import Embedder
from assistant.service import Services
from tests.api.conftest import free_port, serve
from tests.conftest import CORPUS, indexed_data_dir
from tests.serve_process import assistant_serve

# Every browser action waits at most this long (Playwright's default is 30 s): a page that hangs should fail
# the test soon, not hold up the suite.
ACTION_TIMEOUT_MS = 15_000


def chromium_path() -> str:
    """Debian's Chromium (`apt-get install chromium`; scripts/setup.sh --test installs it).

    Playwright's own browser download is never used: it is not reachable here, and Debian's build is.
    """
    path = shutil.which("chromium")
    if path is not None:
        return path
    reason = "Chromium is not installed (run scripts/setup.sh --test as root, or apt-get install chromium)"
    # CI must run the browser tests for real: skipped, they would pass unseen.
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    # No sandbox: tests run as root in a container, where Chromium's sandbox cannot start, and the browser
    # only ever loads the app's own pages from loopback.
    launched = playwright.chromium.launch(
        executable_path=chromium_path(), headless=True, args=["--no-sandbox"]
    )
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def live_server(services: Services) -> Iterator[str]:
    """The app on the session's real services, read-only use; its base URL, e.g. http://127.0.0.1:41234."""
    with serve(create_app(services=services)) as url:
        yield url


@pytest.fixture
def page(browser: Browser, live_server: str) -> Iterator[Page]:
    """A new tab in a new context (empty storage and cookies) whose relative URLs go to `live_server`."""
    context = browser.new_context(base_url=live_server, locale="nb-NO")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


ADMIN_KEY = "e2e-admin-key-4711"


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[str]:
    """The real `assistant serve`, as a user starts it: its own process on a free loopback port, a
    temporary data dir indexed beforehand (its start finds every document unchanged; starting on an empty
    one is tests/api/test_serve.py's), and an admin key. Its base URL."""
    data = indexed_data_dir(tmp_path_factory.mktemp("served") / "data", embedder)
    port = free_port()
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(data),
        "ASSISTANT_CORPUS_DIR": str(CORPUS),
        "ASSISTANT_ADMIN_API_KEY": ADMIN_KEY,
        "HF_HUB_OFFLINE": "1",
    }
    with assistant_serve(env, port, data.parent / "serve.log") as url:
        yield url


@pytest.fixture
def site(browser: Browser, served: str) -> Iterator[Page]:
    """A fresh tab (empty storage) on the served app, at desktop size."""
    context = browser.new_context(base_url=served, locale="nb-NO", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()
