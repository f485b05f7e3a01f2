"""The web page as its users use it: Debian's Chromium, driven by Playwright, against the real
`assistant serve` on loopback (the `served` fixture). Questions here are this file's own, written for
the tests, not eval items."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from playwright.sync_api import Browser, Page, expect

from tests.web.conftest import ADMIN_KEY

ANSWER_TIMEOUT_MS = 60_000  # the first answer also warms the models


def _ask(page: Page, question: str) -> None:
    before = page.locator("#conversation > li.exchange:not(.exchange--pending)").count()
    page.fill("#message", question)
    page.press("#message", "Enter")
    expect(page.locator("#conversation > li.exchange:not(.exchange--pending)")).to_have_count(
        before + 1, timeout=ANSWER_TIMEOUT_MS
    )


def _last(page: Page) -> Page:
    return page.locator("#conversation > li.exchange").last  # type: ignore[return-value]


def test_an_answer_streams_in_with_citations_that_open_the_passage_and_the_document(site: Page) -> None:
    streamed: list[str] = []
    site.on(
        "response",
        lambda r: streamed.append(r.headers.get("content-type", "")) if "/api/chat/stream" in r.url else None,
    )
    site.goto("/")
    _ask(site, "Hvem prioriterer tiltakene som får midler i den regionale ordningen for barnehager?")
    assert any(t.startswith("text/event-stream") for t in streamed)

    answer = _last(site)
    cite = answer.locator("button.cite").first
    expect(cite).to_be_visible()
    cite.click()
    panel = site.locator("#source-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("mark").first).to_be_visible()
    site.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(cite).to_be_focused()  # focus goes back where it was

    cite.click()
    with site.expect_navigation():
        panel.get_by_role("link", name="Vis i dokumentet").click()
    assert "/dokument/" in site.url
    cited = site.locator("#tekstbit")
    expect(cited).to_be_visible()
    expect(cited).to_be_in_viewport()
    expect(cited.locator("mark")).to_have_count(1)


def test_a_follow_up_shows_how_it_was_read_and_a_reload_keeps_the_conversation(site: Page) -> None:
    site.goto("/")
    _ask(site, "Hva er samarbeidsforumet i den desentraliserte ordningen?")
    _ask(site, "Hvem sitter i det?")
    expect(_last(site).locator(".interpreted")).to_contain_text("Tolket som:")
    site.reload()
    expect(site.locator("#conversation > li.exchange")).to_have_count(2)
    expect(site.locator("#conversation > li.exchange").first).to_contain_text("samarbeidsforumet")
    site.get_by_role("link", name="Ny samtale").click()
    expect(site.locator("#conversation > li.exchange")).to_have_count(0)
    site.reload()
    expect(site.locator("#conversation > li.exchange")).to_have_count(0)


def test_nynorsk_switches_the_page_and_the_answers(site: Page) -> None:
    site.goto("/")
    site.get_by_role("link", name="Nynorsk").click()
    expect(site.locator("html")).to_have_attribute("lang", "nn")
    expect(site.get_by_role("link", name="Kjelder")).to_be_visible()
    _ask(site, "Kven kan søkje om pengar til kompetanseutvikling i barnehagen?")
    expect(_last(site).locator(".turn--assistant")).to_contain_text("[1]")
    site.goto("/finn-ordning")
    expect(site.locator("html")).to_have_attribute("lang", "nn")  # the choice is remembered


def test_feedback_with_a_comment_is_stored(site: Page, served: str) -> None:
    site.goto("/")
    _ask(site, "Hva kan kompetansepakkene brukes til?")
    answer = _last(site)
    answer.get_by_role("button", name="Nei, svaret var ikke nyttig").click()
    answer.get_by_label("Kommentar (valgfri)").fill("Mangler fristen.")
    answer.get_by_role("button", name="Send tilbakemelding").click()
    expect(answer.get_by_text("Takk for tilbakemeldingen.")).to_be_visible()
    csv = httpx.get(f"{served}/api/feedback.csv", headers={"Authorization": f"Bearer {ADMIN_KEY}"}).text
    assert "Mangler fristen." in csv and ",down," in csv


def test_the_scheme_finder_and_the_eligibility_check(site: Page) -> None:
    site.goto("/finn-ordning")
    site.get_by_label("Type eier").select_option("kommune")
    site.get_by_label("Barnehage", exact=True).check()
    site.get_by_role("button", name="Finn ordninger").click()
    results = site.locator("#results")
    expect(results).to_be_focused()
    expect(results.locator("article.match").first).to_be_visible()
    expect(results.locator(".ds-tag").first).to_have_text(re.compile("Passer|Kan passe|Passer ikke"))

    site.get_by_label("Ordning").select_option(index=1)
    site.get_by_label("Gruppe", exact=True).fill("styrere")
    site.get_by_role("button", name="Sjekk").click()
    expect(site.locator("#eligibility-answer")).to_have_text(
        re.compile(r": (Ja|Nei|Som hovedregel ikke|Uklart)$")
    )


def test_a_reply_draft_is_shown_and_downloads_as_word(site: Page, tmp_path: Path) -> None:
    site.goto("/svarutkast")
    site.get_by_label("Henvendelsen").fill(
        "Hei. Vi er en liten kommune. Kan vi bruke midlene til kurs for assistentene i barnehagene? "
        "Og når er søknadsfristen?"
    )
    site.get_by_role("button", name="Lag utkast").click()
    letter = site.locator("#letter")
    expect(letter).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(site.get_by_text("Utkastet må kontrolleres")).to_be_visible()
    with site.expect_download(timeout=ANSWER_TIMEOUT_MS) as download:
        site.get_by_role("button", name="Last ned .docx").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".docx" and saved.read_bytes()[:2] == b"PK"


def test_without_javascript_the_form_posts_and_the_answer_page_comes_back(
    browser: Browser, served: str
) -> None:
    context = browser.new_context(base_url=served, java_script_enabled=False)
    context.set_default_timeout(ANSWER_TIMEOUT_MS)
    page = context.new_page()
    page.goto("/")
    page.fill("#message", "Hva er kompetansepakker?")
    with page.expect_navigation():
        page.get_by_role("button", name="Spør", exact=True).click()
    exchange = page.locator("#conversation > li.exchange")
    expect(exchange).to_have_count(1)
    expect(exchange.locator("a.cite").first).to_have_attribute("href", re.compile(r"^#k-"))
    context.close()


def test_keyboard_only_ask_open_a_citation_and_close_it(site: Page) -> None:
    site.goto("/")
    site.keyboard.press("Tab")
    expect(site.get_by_role("link", name="Hopp til hovedinnholdet")).to_be_focused()
    site.keyboard.press("Enter")
    expect(site.locator("#main")).to_be_focused()
    site.locator("#message").focus()
    site.keyboard.type("Hvem kan søke om midler fra desentralisert ordning?")
    site.keyboard.press("Enter")
    expect(site.locator("#conversation > li.exchange:not(.exchange--pending)")).to_have_count(
        1, timeout=ANSWER_TIMEOUT_MS
    )
    cite = site.locator("button.cite").first
    for _ in range(40):  # Tab from the question field back up into the answer is shift-tab
        if cite.evaluate("b => b === document.activeElement"):
            break
        site.keyboard.press("Shift+Tab")
    expect(cite).to_be_focused()
    site.keyboard.press("Enter")
    expect(site.locator("#source-panel")).to_be_visible()
    expect(site.locator("#source-panel [data-close]")).to_be_focused()
    site.keyboard.press("Enter")
    expect(site.locator("#source-panel")).to_be_hidden()
    expect(cite).to_be_focused()


def test_admin_uploads_a_document_it_is_answerable_and_deleted_and_sees_what_was_not_answered(
    site: Page, tmp_path: Path
) -> None:
    site.goto("/")
    _ask(site, "Hvor mange sykkelstativ bør en barnehage ha?")  # nothing in the documents answers this
    assert _last(site).locator(".turn--abstained").count() == 1

    document = tmp_path / "testordning-for-leseombud.md"
    document.write_text(
        "# Testordning for leseombud\n\nLeseombudsordningen gir hver grunnskole ett leseombud. "
        "Søknadsfristen for leseombudsordningen er 17. mars. Fylkesleseombudet behandler søknadene.\n",
        encoding="utf-8",
    )
    site.goto("/admin")
    site.get_by_label("API-nøkkel").fill(ADMIN_KEY)
    site.get_by_role("button", name="Logg inn").click()
    expect(site.locator("#gaps-table")).to_contain_text("sykkelstativ")
    site.set_input_files("#upload-file", str(document))
    site.get_by_role("button", name="Last opp", exact=True).click()
    expect(site.locator("#upload-status")).to_contain_text(
        "testordning-for-leseombud.md", timeout=ANSWER_TIMEOUT_MS
    )
    expect(site.locator("#docs-table")).to_contain_text("Testordning for leseombud")
    # A corpus document has no delete button: its file in corpus/ would bring it back at the next ingest.
    fixed = site.locator("#docs-table tbody tr", has_text="Fast dokument (corpus/)")
    expect(fixed.first).to_be_visible()
    expect(fixed.get_by_role("button", name="Slett")).to_have_count(0)

    site.goto("/")
    site.get_by_role("link", name="Ny samtale").click()
    _ask(site, "Når er søknadsfristen for leseombudsordningen?")
    expect(_last(site)).to_contain_text("17. mars")

    site.goto("/admin")  # the key is kept for the browser session
    row = site.locator("#docs-table tr", has_text="Testordning for leseombud")
    site.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Slett").click()
    expect(site.locator("#docs-status")).to_contain_text("slettet")
    expect(site.locator("#docs-table")).not_to_contain_text("Testordning for leseombud")
