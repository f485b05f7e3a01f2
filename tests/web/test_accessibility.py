"""Accessibility: axe-core (bundled by axe-playwright-python) on every view of the page, in bokmål and
nynorsk, at desktop and phone width, against the real `assistant serve`. A view passes with no violation
of impact "serious" or "critical" (WCAG 2.1 AA, as the issue asks); lesser ones are kept in the artifacts.

Every view is also saved as a full-page screenshot, with axe's full violation list beside it, in
tests/web/artifacts/ (ignored by git): `<view>-<mf>-<width>.png` and `.axe.json`. Look at them after a
change to the pages.

Time: one answered conversation per written standard is asked once and then reloaded from the page's
storage by every later view that needs it, so the suite pays for two answers, not one per view.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, Page

from tests.web.conftest import ACTION_TIMEOUT_MS, ADMIN_KEY

ARTIFACTS = Path(__file__).parent / "artifacts"
# axe-core as axe-playwright-python bundles it; injected once per view and run at each width.
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}
STANDARDS = ("nb", "nn")
BLOCKING = ("serious", "critical")
# An answer composes in a second or two when warm; the first question of a session also warms the caches.
ANSWER_TIMEOUT_MS = 60_000
CONVERSATION_KEY = "kompetanseassistenten.samtale"  # the key app.js keeps the conversation id under
QUESTIONS = {
    "nb": "Hvem kan søke om midler til kompetanseutvikling i barnehagen?",
    "nn": "Kven kan søkje om midlar til kompetanseutvikling i barnehagen?",
}
INQUIRIES = {
    "nb": "Hei! Vi er en privat barnehageeier og lurer på om vi kan få midler til kompetanseutvikling for "
    "assistentene våre. Hvem søker vi hos?",
    "nn": "Hei! Vi er ein privat barnehageeigar og lurer på om vi kan få midlar til kompetanseutvikling for "
    "assistentane våre. Kven søkjer vi hos?",
}
ANSWERED = "#conversation > li.exchange:not(.exchange--pending)"

# A conversation id per written standard, filled by the first view that asks.
Conversations = dict[str, str]


def _url(path: str, mf: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}mf={mf}"


def _answered(tab: Page, mf: str, conversations: Conversations) -> None:
    """The chat with one answered question: asked in the page the first time, then brought back from
    the page's storage as a reload does (the same server-rendered exchange either way)."""
    tab.goto(_url("/", mf))
    if mf in conversations:
        tab.evaluate("([k, v]) => localStorage.setItem(k, v)", [CONVERSATION_KEY, conversations[mf]])
        tab.goto("/")  # the cookie keeps the written standard
    else:
        tab.fill("#message", QUESTIONS[mf])
        tab.press("#message", "Enter")
    tab.wait_for_selector(ANSWERED, timeout=ANSWER_TIMEOUT_MS)
    conversations[mf] = tab.get_attribute("#conversation", "data-conversation-id") or ""
    assert conversations[mf], "the answered page holds no conversation id"
    # The script turns each [n] link into a button once the exchange is in the page.
    tab.wait_for_selector(f"{ANSWERED} button.cite")


def _chat(tab: Page, mf: str, conversations: Conversations) -> None:
    tab.goto(_url("/?ny=1", mf))


def _chat_answered(tab: Page, mf: str, conversations: Conversations) -> None:
    _answered(tab, mf, conversations)
    tab.click(f"{ANSWERED} details.sources > summary")  # the source list open, so axe sees it too


def _chat_source_panel(tab: Page, mf: str, conversations: Conversations) -> None:
    _answered(tab, mf, conversations)
    tab.locator(f"{ANSWERED} button.cite").first.click()
    tab.wait_for_selector("#source-panel[open] .source__passage")
    # The dialog fades in (Designsystemet, 300 ms): axe reads colours mid-fade as too faint, so it waits.
    tab.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")


def _finder_results(tab: Page, mf: str, conversations: Conversations) -> None:
    tab.goto(_url("/finn-ordning", mf))
    tab.select_option("#owner_type", "kommune")
    tab.check("#sector-barnehage")
    tab.locator("form[action='/finn-ordning'] button[type=submit]").click()
    tab.wait_for_selector("#results article.match")


def _finder_eligibility(tab: Page, mf: str, conversations: Conversations) -> None:
    tab.goto(_url("/finn-ordning", mf))
    tab.select_option("#scheme_id", index=1)
    tab.fill("#group", "assistenter i barnehagen")
    tab.locator("form[action='/finn-ordning/gjelder'] button[type=submit]").click()
    tab.wait_for_selector("#eligibility-result")


def _draft_letter(tab: Page, mf: str, conversations: Conversations) -> None:
    tab.goto(_url("/svarutkast", mf))
    tab.fill("#inquiry", INQUIRIES[mf])
    tab.locator("#draft-form button[type=submit]:not([formaction])").click()
    tab.wait_for_selector("#letter .letter__body", timeout=ANSWER_TIMEOUT_MS)


def _sources(tab: Page, mf: str, conversations: Conversations) -> None:
    tab.goto(_url("/kilder", mf))
    tab.wait_for_selector("table.ds-table a[href^='/dokument/']")


def _document(tab: Page, mf: str, conversations: Conversations) -> None:
    """The document a citation links to, scrolled to the cited passage and marking it."""
    _answered(tab, mf, conversations)
    href = tab.locator(f"{ANSWERED} .source__links a[href*='tekstbit=']").first.get_attribute("href")
    assert href, "no citation links to its document view"
    tab.goto(href)
    tab.wait_for_selector("#tekstbit mark")


def _admin_login(tab: Page, mf: str, conversations: Conversations) -> None:
    tab.goto(_url("/admin", mf))
    tab.wait_for_selector("#admin-login", state="visible")


def _admin_area(tab: Page, mf: str, conversations: Conversations) -> None:
    _admin_login(tab, mf, conversations)
    tab.fill("#admin-key", ADMIN_KEY)
    tab.locator("#admin-login button[type=submit]").click()
    tab.wait_for_selector("#admin-area", state="visible")
    tab.wait_for_selector("#docs-table tbody tr")


VIEWS: dict[str, Callable[[Page, str, Conversations], None]] = {
    "chat": _chat,
    "chat-answered": _chat_answered,
    "chat-source-panel": _chat_source_panel,
    "finder-results": _finder_results,
    "finder-eligibility": _finder_eligibility,
    "draft-letter": _draft_letter,
    "sources": _sources,
    "document": _document,
    "admin-login": _admin_login,
    "admin-area": _admin_area,
}


@pytest.fixture(scope="module")
def conversations() -> Conversations:
    return {}


@pytest.fixture
def tab(browser: Browser, served: str) -> Iterator[Page]:
    """A fresh context (empty storage and cookies) on the served app, at desktop size to begin with."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(base_url=served, locale="nb-NO", viewport=VIEWPORTS["desktop"])
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    yield context.new_page()
    context.close()


def _undecided(incomplete: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "id": r["id"],
            "nodes": [
                {"target": n["target"], "why": [c["message"] for c in n["any"] + n["all"] + n["none"]]}
                for n in r["nodes"]
            ],
        }
        for r in incomplete
    ]


def _report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        more = f" (+{len(v['nodes']) - 5} more)" if len(v["nodes"]) > 5 else ""
        lines.append(f"{v['id']} [{v['impact']}] {v['help']}: {targets}{more}\n  {v['helpUrl']}")
    return "\n".join(lines)


@pytest.mark.parametrize("mf", STANDARDS)
@pytest.mark.parametrize("view", VIEWS)
def test_view_has_no_serious_accessibility_violations(
    tab: Page, conversations: Conversations, view: str, mf: str
) -> None:
    """Both widths on one page: the view is reached once, then narrowed to a phone's width, where the
    page's media queries apply as they do on a phone. Reaching a view (an answer, a draft) is most of
    the cost, so this halves the suite's time."""
    VIEWS[view](tab, mf, conversations)
    assert tab.get_attribute("html", "lang") == mf
    tab.evaluate(AXE_SCRIPT)
    blocking: list[str] = []
    for width, size in VIEWPORTS.items():
        tab.set_viewport_size(size)
        name = f"{view}-{mf}-{width}"
        tab.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
        results = tab.evaluate("(options) => axe.run(document, options)", {"resultTypes": ["violations"]})
        # What axe could not decide (often contrast over a layered background) is kept for a person.
        found = {"violations": results["violations"], "incomplete": _undecided(results["incomplete"])}
        (ARTIFACTS / f"{name}.axe.json").write_text(json.dumps(found, indent=2, ensure_ascii=False), "utf-8")
        serious = [v for v in results["violations"] if v["impact"] in BLOCKING]
        if serious:
            blocking.append(f"axe on {name}:\n{_report(serious)}")
    assert not blocking, "\n\n".join(blocking)
