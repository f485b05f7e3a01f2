"""The web page without JavaScript, on the real index: each form posts and gets a whole page back, in the
reader's written standard, with labelled fields, errors tied to their fields and nothing loaded from
elsewhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.service import Services
from assistant.web import ui
from assistant.web.routes import merge_matches

PAGES = ["/", "/finn-ordning", "/svarutkast", "/kilder", "/admin"]


@pytest.fixture(scope="module")
def _client(services: Services) -> Iterator[TestClient]:
    with TestClient(create_app(services=services)) as client:
        yield client


@pytest.fixture
def web(_client: TestClient) -> TestClient:
    _client.cookies.clear()  # each test starts as a new reader: no remembered written standard
    return _client


class _Parsed(HTMLParser):
    """What the checks need from a page: its lang, the fields, the labels and every loaded resource."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.lang = ""
        self.ids: set[str] = set()
        self.labels: set[str] = set()
        self.fields: list[dict[str, str]] = []
        self.loaded: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "label" and "for" in a:
            self.labels.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.fields.append(a)
        if tag in ("script", "img") and "src" in a:
            self.loaded.append(a["src"])
        if tag == "link" and "href" in a:
            self.loaded.append(a["href"])


def test_every_interface_string_exists_in_both_written_standards() -> None:
    assert ui.keys_missing_a_form() == []
    nb, nn = ui.strings("nb"), ui.strings("nn")
    for key in nb:
        assert set(re.findall(r"\{\w+\}", nb[key])) == set(re.findall(r"\{\w+\}", nn[key])), key


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_labelled_local_and_in_the_chosen_written_standard(web: TestClient, path: str) -> None:
    page = _Parsed(web.get(path, params={"mf": "nn"}).text)
    assert page.lang == "nn"
    assert "main" in page.ids  # the skip link's target
    for field in page.fields:
        assert field.get("id") in page.labels, field
    assert page.loaded and all(src.startswith("/static/") for src in page.loaded)


def test_the_written_standard_is_remembered_and_the_switch_says_which_is_on(web: TestClient) -> None:
    first = web.get("/kilder", params={"mf": "nn"})
    assert first.cookies.get(ui.COOKIE) == "nn"
    later = web.get("/svarutkast", cookies={ui.COOKIE: "nn"})
    assert 'lang="nn"' in later.text and "Førespurnaden" in later.text
    assert re.search(r'href="\?mf=nn"[^>]*aria-current="true"', later.text)
    assert 'lang="nb"' in web.get("/svarutkast", cookies={ui.COOKIE: "xx"}).text


def test_static_files_load_nothing_remote() -> None:
    static = resources.files("assistant.web").joinpath("static")
    for name in ("app.js", "app.css"):
        text = static.joinpath(name).read_text(encoding="utf-8")
        assert not re.search(r"https?://", text), name


def test_a_question_posted_without_script_gets_a_cited_answer_and_a_follow_up_keeps_the_conversation(
    web: TestClient,
) -> None:
    first = web.post(
        "/", data={"message": "Hvem bestemmer hvilke tiltak som får penger i barnehagesatsingen?"}
    )
    assert first.status_code == 200
    conversation_id = re.search(r'data-conversation-id="([^"]+)"', first.text).group(1)  # type: ignore[union-attr]
    marker = re.search(r'<a class="cite" href="#(k-[0-9a-f]{8}-\d+)"', first.text)
    assert marker, "the answer cites a source"
    assert f'id="{marker.group(1)}"' in first.text  # the source it points to is on the page
    assert "<mark>" in first.text  # and the quoted sentence is marked in its passage
    assert 'href="/dokument/' in first.text

    second = web.post("/", data={"message": "Og hvem leder det?", "conversation_id": conversation_id})
    assert second.status_code == 200
    assert second.text.count('class="exchange"') == 2
    assert f'data-conversation-id="{conversation_id}"' in second.text

    fragment = web.get(f"/samtale/{conversation_id}")
    assert fragment.status_code == 200 and fragment.text.count('class="exchange"') == 2
    assert "<html" not in fragment.text
    stored = web.get(f"/api/conversations/{conversation_id}").json()
    assert [m["turn"] for m in stored["messages"]] == [1, 2]


def test_an_empty_question_is_an_error_tied_to_its_field(web: TestClient) -> None:
    reply = web.post("/", data={"message": "   "})
    assert reply.status_code == 422
    assert 'aria-invalid="true"' in reply.text
    assert re.search(r'aria-describedby="[^"]*message-error', reply.text)
    error = re.search(r'id="message-error"[^>]*>([^<]+)<', reply.text)
    assert error and "tomt" in error.group(1)


def test_a_lost_conversation_starts_a_new_one_and_says_so(web: TestClient) -> None:
    reply = web.post("/", data={"message": "Hva er kompetansepakker?", "conversation_id": "finnes-ikke"})
    assert reply.status_code == 200
    assert ui.strings("nb")["conversation_gone"] in reply.text
    assert reply.text.count('class="exchange"') == 1
    assert web.get("/samtale/finnes-ikke").status_code == 404
    assert web.get("/api/conversations/finnes-ikke").json()["code"] == "conversation_not_found"


def test_the_finder_checks_its_form_and_matches_on_every_sector(web: TestClient) -> None:
    bad = web.post("/finn-ordning", data={"owner_type": "kommune"})
    assert bad.status_code == 422
    assert 'id="error-summary"' in bad.text and 'href="#sector"' in bad.text

    reply = web.post("/finn-ordning", data={"owner_type": "kommune", "sector": ["barnehage", "ppt"]})
    assert reply.status_code == 200
    assert 'id="results"' in reply.text
    assert "Passer" in reply.text and "«" in reply.text  # a fit, with its verbatim quote
    # An overview links every fitting scheme to its card: on a phone the cards run to many screens.
    overview = reply.text.split('class="match-overview"')[1].split("</nav>")[0]
    links = re.findall(r'href="#(ordning-[\w-]+)"', overview)
    cards = re.findall(
        r'<article class="ds-card match match--(?:passer|kan-passe)" id="([\w-]+)"', reply.text
    )
    assert links and links == cards


def test_union_of_sectors_keeps_each_schemes_best_fit() -> None:
    school = [{"scheme_id": "a", "fit": "passer ikke"}, {"scheme_id": "b", "fit": "kan passe"}]
    ppt = [{"scheme_id": "a", "fit": "passer"}, {"scheme_id": "b", "fit": "passer ikke"}]
    merged = merge_matches([school, ppt])
    assert [(m["scheme_id"], m["fit"]) for m in merged] == [("a", "passer"), ("b", "kan passe")]


def test_eligibility_answers_for_one_scheme_with_sources(web: TestClient, services: Services) -> None:
    assert services.catalogue is not None
    scheme = services.catalogue.schemes[0]
    reply = web.post("/finn-ordning/gjelder", data={"scheme_id": scheme.id, "group": "styrere"})
    assert reply.status_code == 200
    heading = re.search(r'id="eligibility-answer">([^<]+)<', reply.text)
    assert heading and heading.group(1).startswith(f"{scheme.name}: ")
    assert heading.group(1).split(": ")[-1] in {"Ja", "Nei", "Som hovedregel ikke", "Uklart"}
    assert web.post("/finn-ordning/gjelder", data={"scheme_id": "ukjent", "group": "x"}).status_code == 422


def test_a_reply_draft_is_shown_with_its_warning_and_downloads_as_word(web: TestClient) -> None:
    inquiry = "Hei. Kan en privat barnehage få midler til kompetanseutvikling? Hvem søker vi hos?"
    reply = web.post("/svarutkast", data={"inquiry": inquiry, "recipient": "Ola, Testby kommune"})
    assert reply.status_code == 200
    assert ui.strings("nb")["draft_warning"] in reply.text
    assert 'id="letter-markdown"' in reply.text and "<h2>" in reply.text
    word = web.post("/svarutkast.docx", data={"inquiry": inquiry})
    assert word.status_code == 200 and word.content[:2] == b"PK"
    assert "attachment" in word.headers["content-disposition"]
    empty = web.post("/svarutkast", data={"inquiry": ""})
    assert empty.status_code == 422 and 'id="inquiry-error"' in empty.text


def test_pages_say_plainly_when_the_service_is_still_loading(services: Services) -> None:
    app = create_app(services=services)
    with TestClient(app) as client:
        app.state.services = None
        reply = client.post("/", data={"message": "Hva er regional ordning?"})
        assert reply.status_code == 503 and reply.headers["retry-after"] == "5"
        assert 'role="alert"' in reply.text and "<html" in reply.text


def test_sources_list_every_document_without_server_paths_and_open_in_the_document_view(
    web: TestClient, services: Services
) -> None:
    page = web.get("/kilder")
    assert page.status_code == 200
    documents = {p.document for p in services.retriever.passages}
    for document in documents:
        assert f'href="/dokument/{document}"' in page.text
    assert (
        str(services.settings.data_dir) not in page.text
        and str(services.settings.corpus_dir) not in page.text
    )

    cited = services.retriever.passages[3]
    view = web.get(f"/dokument/{cited.document}", params={"tekstbit": cited.id})
    assert view.status_code == 200
    marked = re.search(r'<section id="tekstbit"[^>]*>(.*?)</section>', view.text, re.S)
    assert marked and "<mark>" in marked.group(1)
    assert view.text.count('id="tekstbit"') == 1
    assert web.get("/dokument/finnes-ikke.md").status_code == 404


def test_a_citation_links_to_its_passage_in_the_document_view(web: TestClient) -> None:
    answer = web.post("/", data={"message": "Hva kan midlene i den desentraliserte ordningen brukes til?"})
    link = re.search(r'href="(/dokument/[^"?]+\?tekstbit=[^"#]+)#tekstbit"', answer.text)
    assert link, "a source links to its passage"
    view = web.get(link.group(1).replace("&amp;", "&"))
    assert view.status_code == 200 and 'id="tekstbit"' in view.text


def test_pages_forbid_inline_script_and_remote_origins(web: TestClient) -> None:
    reply = web.get("/")
    policy = reply.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "http" not in policy
    assert reply.headers["x-content-type-options"] == "nosniff"
    # The only <script> without src is the strings' JSON, which a browser does not run.
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", reply.text) == [
        '<script type="application/json" id="ui-strings">'
    ]


def test_the_first_page_load_stays_under_150_kb(web: TestClient) -> None:
    page = web.get("/")
    total = len(page.content) + sum(len(web.get(src).content) for src in _Parsed(page.text).loaded)
    assert total <= 150 * 1024, total


def test_a_nynorsk_page_says_what_was_wrong_in_nynorsk(web: TestClient) -> None:
    reply = web.post("/?mf=nn", data={"message": ""})
    assert reply.status_code == 422
    error = re.search(r'id="message-error"[^>]*>([^<]+)<', reply.text)
    assert error and "eit spørsmål" in error.group(1)  # bokmål: «et spørsmål»
    draft = web.post("/svarutkast?mf=nn", data={"inquiry": " "})
    assert draft.status_code == 422 and 'id="inquiry-error"' in draft.text


def test_an_empty_question_with_an_unknown_conversation_is_still_its_own_error(web: TestClient) -> None:
    reply = web.post("/", data={"message": " ", "conversation_id": "finnes-ikke"})
    assert reply.status_code == 422  # it was a 500: the page tried to show the unknown conversation
    assert 'id="message-error"' in reply.text and 'class="exchange"' not in reply.text
