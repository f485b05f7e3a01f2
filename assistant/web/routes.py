"""The web page's routes. Thin like the API's: read the form, call the same service functions, render a
template. Every page works as a plain form post without JavaScript; the page's script only enhances it
(streaming, the source panel, copy, the admin calls)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from assistant.api.deps import not_ready
from assistant.api.errors import ApiError, public_message, status_for
from assistant.api.slots import needs_translation, work_limits
from assistant.chatlog import Exchange
from assistant.documents import get_source, list_sources
from assistant.drafts.docx import to_docx
from assistant.drafts.letter import Letter
from assistant.errors import AssistantError, ConversationNotFound, DocumentNotFound
from assistant.freshness import format_date
from assistant.language import apertium
from assistant.language.apertium import TranslationUnavailable
from assistant.language.detection import detect
from assistant.models import FITS, NEED_KINDS, OWNER_TYPES, SECTORS, Answer
from assistant.schemes.advisor import eligibility_payload, match_payload
from assistant.schemes.matching import Profile
from assistant.service import Services, ask, draft_reply
from assistant.web import render, ui

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("assistant.web").joinpath("templates")))
templates.env.globals.update(
    answer_html=render.answer_html,
    letter_html=render.letter_html,
    highlight=render.highlight,
    quotes_for=render.quotes_for,
    format_date=format_date,
    text_lang=detect,  # a quoted source keeps its own written standard; `lang` says which (WCAG 3.1.2)
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_YEAR = 365 * 24 * 3600
# No inline script, no remote origin: a passage that holds "<script>" is text, and even markup that slipped
# through could not run. Designsystemet's icons are data: SVGs in the CSS, hence img-src data:.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


STATIC_DIR = str(resources.files("assistant.web").joinpath("static"))


def install(app: FastAPI) -> None:
    """The pages and their files, served by the same app from the package: nothing loads from elsewhere."""
    app.mount("/static/web", StaticFiles(directory=STATIC_DIR), name="web-static")
    app.include_router(router)


def _maalform(request: Request) -> ui.Maalform:
    return ui.pick(request.query_params.get("mf"), request.cookies.get(ui.COOKIE))


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render with the strings of the reader's written standard; a choice made with the switch is
    remembered in a cookie, so every later page (and a plain form post) keeps it."""
    mf = context.pop("mf", None) or _maalform(request)
    response = templates.TemplateResponse(
        request,
        name,
        {"t": ui.strings(mf), "mf": mf, "path": request.url.path, **context},
        status_code=status,
    )
    response.headers.update(SECURITY_HEADERS)
    if request.query_params.get("mf") in ("nb", "nn"):
        response.set_cookie(ui.COOKIE, mf, max_age=_YEAR, samesite="lax", httponly=False)
    return response


def _said(exc: AssistantError, mf: ui.Maalform) -> str:
    """The error in the page's written standard. Domain messages are bokmål; a nynorsk page gets them
    through Apertium, or as they are when it is not installed."""
    message = public_message(exc)
    if mf == "nb":
        return message
    try:
        return apertium.translate(message, "nb", mf)
    except TranslationUnavailable:
        return message


def _services(request: Request) -> Services | None:
    services: Services | None = request.app.state.services
    return services


def _not_ready(request: Request) -> HTMLResponse:
    return _unavailable(request, not_ready(request))


def _unavailable(request: Request, error: ApiError) -> HTMLResponse:
    """A 503 (not ready, or busy) as a page, with the API's Retry-After."""
    response = _page(request, "unavailable.html", error.status, message=error.message)
    response.headers.update(error.headers or {})
    return response


# --- Spør (chat) --------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def chat_page(request: Request) -> HTMLResponse:
    return _page(request, "chat.html", exchanges=[], conversation_id="", error=None, question="")


@router.post("/", response_class=HTMLResponse)
async def chat_post(
    request: Request,
    message: Annotated[str, Form()] = "",
    conversation_id: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """The page without JavaScript: the form posts here and gets the whole conversation back."""
    services = _services(request)
    if services is None:
        return _not_ready(request)
    mf = _maalform(request)
    try:
        claim = work_limits(request).translation.claim(needs_translation([message], mf))
    except ApiError as busy:
        return _unavailable(request, busy)
    with claim:
        try:
            answer, gone = await run_in_threadpool(_ask, services, message, conversation_id, mf)
        except AssistantError as exc:
            error = await run_in_threadpool(_said, exc, mf)
            exchanges = _shown(services, conversation_id)
            return _page(
                request,
                "chat.html",
                status_for(exc),
                exchanges=exchanges,
                conversation_id=conversation_id if exchanges else "",
                error=error,
                question=message,
            )
    exchanges = services.chatlog.exchanges(answer.conversation_id)
    return _page(
        request,
        "chat.html",
        exchanges=exchanges,
        conversation_id=answer.conversation_id,
        error=None,
        notice=ui.strings(mf)["conversation_gone"] if gone else None,
        question="",
    )


def _ask(services: Services, message: str, conversation_id: str, mf: ui.Maalform) -> tuple[Answer, bool]:
    """The answer, and whether the conversation it was to continue is gone (a new one is started)."""
    try:
        return ask(services, message, conversation_id or None, mf), False
    except ConversationNotFound:
        return ask(services, message, None, mf), True


def _shown(services: Services, conversation_id: str) -> list[Exchange]:
    """The conversation to show again beside an error; none when the id is empty or unknown (a bad
    question with a stale id must still get its own error, not a 500)."""
    if not conversation_id:
        return []
    try:
        return services.chatlog.exchanges(conversation_id)
    except ConversationNotFound:
        return []


@router.get("/samtale/{conversation_id}", response_class=HTMLResponse)
def exchanges_fragment(request: Request, conversation_id: str, message_id: str | None = None) -> HTMLResponse:
    """The conversation's exchanges as list items, rendered exactly as the no-script page renders them;
    the script fetches one after a streamed answer ends, and all of them after a page reload."""
    services = _services(request)
    if services is None:
        return _not_ready(request)
    try:
        exchanges = services.chatlog.exchanges(conversation_id)
    except ConversationNotFound as exc:
        return HTMLResponse(exc.message, status_code=404)
    if message_id is not None:
        exchanges = [e for e in exchanges if e.message_id == message_id]
    return _page(request, "exchanges.html", exchanges=exchanges)


# --- Finn ordning (scheme finder) ---------------------------------------------------------------


def _finder(request: Request, services: Services, status: int = 200, **context: Any) -> HTMLResponse:
    schemes = [] if services.catalogue is None else [(s.id, s.name) for s in services.catalogue.schemes]
    defaults: dict[str, Any] = {
        "owner_types": OWNER_TYPES,
        "sectors": SECTORS,
        "needs": ("any", *NEED_KINDS),
        "schemes": schemes,
        "form": {},
        "errors": {},
        "matches": None,
        "eligibility": None,
        "advisor_off": services.catalogue is None,
    }
    return _page(request, "finder.html", status, **{**defaults, **context})


@router.get("/finn-ordning", response_class=HTMLResponse)
def finder_page(request: Request) -> HTMLResponse:
    services = _services(request)
    return _not_ready(request) if services is None else _finder(request, services)


def merge_matches(per_sector: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """An owner with schools and a PP-tjeneste matches on the union: each scheme keeps its best fit over
    the sectors, ranked as the advisor ranks one sector ("passer", "kan passe", "passer ikke")."""
    best: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for matches in per_sector:
        for match in matches:
            known = best.get(match["scheme_id"])
            if known is None:
                order.append(match["scheme_id"])
            if known is None or FITS.index(match["fit"]) < FITS.index(known["fit"]):
                best[match["scheme_id"]] = match
    return sorted((best[i] for i in order), key=lambda m: FITS.index(m["fit"]))


@router.post("/finn-ordning", response_class=HTMLResponse)
def finder_post(
    request: Request,
    owner_type: Annotated[str, Form()] = "",
    sector: Annotated[list[str] | None, Form()] = None,
    need: Annotated[str, Form()] = "any",
    target_group: Annotated[str, Form(max_length=200)] = "",
    topic: Annotated[str, Form(max_length=500)] = "",
) -> HTMLResponse:
    services = _services(request)
    if services is None:
        return _not_ready(request)
    t = ui.strings(_maalform(request))
    sectors = [s for s in sector or [] if s in SECTORS]
    form = {
        "owner_type": owner_type,
        "sector": sectors,
        "need": need,
        "target_group": target_group,
        "topic": topic,
    }
    errors: dict[str, str] = {}
    if owner_type not in OWNER_TYPES:
        errors["owner_type"] = t["field_required"]
    if not sectors:
        errors["sector"] = t["choose_sector"]
    if need not in ("any", *NEED_KINDS):
        errors["need"] = t["field_required"]
    if errors or services.catalogue is None:
        return _finder(request, services, 422 if errors else 200, form=form, errors=errors)
    per_sector = [
        match_payload(
            services.catalogue,
            Profile(owner_type, s, need, target_group.strip() or None, topic.strip() or None),
            services.retriever.passages,
        )
        for s in sectors
    ]
    return _finder(request, services, form=form, matches=merge_matches(per_sector))


@router.post("/finn-ordning/gjelder", response_class=HTMLResponse)
def eligibility_post(
    request: Request,
    scheme_id: Annotated[str, Form()] = "",
    group: Annotated[str, Form(max_length=200)] = "",
) -> HTMLResponse:
    services = _services(request)
    if services is None:
        return _not_ready(request)
    t = ui.strings(_maalform(request))
    form = {"scheme_id": scheme_id, "group": group}
    errors: dict[str, str] = {}
    if services.catalogue is None or services.catalogue.get(scheme_id) is None:
        errors["scheme_id"] = t["field_required"]
    if not group.strip():
        errors["group"] = t["field_required"]
    if errors or services.catalogue is None:
        return _finder(request, services, 422, eligibility_form=form, errors=errors)
    result = eligibility_payload(services.catalogue, scheme_id, group.strip(), services.retriever.passages)
    scheme = services.catalogue.get(scheme_id)
    result["scheme"] = scheme.name if scheme else scheme_id
    return _finder(request, services, eligibility_form=form, eligibility=result)


# --- Svarutkast (reply drafts) ------------------------------------------------------------------


def _letter_maalform(value: str) -> ui.Maalform | None:
    return value if value in ("nb", "nn") else None  # type: ignore[return-value]


@router.get("/svarutkast", response_class=HTMLResponse)
def draft_page(request: Request) -> HTMLResponse:
    return _page(request, "draft.html", form={}, letter=None, error=None)


@dataclass(frozen=True)
class DraftForm:
    inquiry: str
    recipient: str
    sender: str
    letter_maalform: str


def _draft_form(
    inquiry: Annotated[str, Form()] = "",
    recipient: Annotated[str, Form(max_length=300)] = "",
    sender: Annotated[str, Form(max_length=300)] = "",
    letter_maalform: Annotated[str, Form()] = "",
) -> DraftForm:
    return DraftForm(inquiry, recipient, sender, letter_maalform)


DraftFormDep = Annotated[DraftForm, Depends(_draft_form)]


async def _drafted(request: Request, form: DraftForm) -> Letter | HTMLResponse:
    """The letter, or the page that says why there is none (the form kept, the error at its field)."""
    services = _services(request)
    if services is None:
        return _not_ready(request)
    mf = _letter_maalform(form.letter_maalform)
    page_mf = _maalform(request)  # an error is told in the page's written standard
    try:
        claim = work_limits(request).translation.claim(
            needs_translation([form.inquiry], "nn" if "nn" in (mf, page_mf) else mf)
        )
    except ApiError as busy:
        return _unavailable(request, busy)
    with claim:
        try:
            return await run_in_threadpool(
                draft_reply, services, form.inquiry, mf, form.sender or None, form.recipient or None
            )
        except AssistantError as exc:
            error = await run_in_threadpool(_said, exc, page_mf)
            return _page(request, "draft.html", status_for(exc), form=asdict(form), letter=None, error=error)


@router.post("/svarutkast", response_class=HTMLResponse)
async def draft_post(request: Request, form: DraftFormDep) -> HTMLResponse:
    letter = await _drafted(request, form)
    if isinstance(letter, HTMLResponse):
        return letter
    return _page(request, "draft.html", form=asdict(form), letter=letter, error=None)


@router.post("/svarutkast.docx")
async def draft_docx(request: Request, form: DraftFormDep) -> Response:
    letter = await _drafted(request, form)
    if isinstance(letter, HTMLResponse):
        return letter
    content = await run_in_threadpool(to_docx, letter)
    filename = f"svarutkast-{date.today().isoformat()}.docx"
    headers = {**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(content, media_type=DOCX, headers=headers)


# --- Kilder (sources) and the document view ---------------------------------------------------


@router.get("/kilder", response_class=HTMLResponse)
def sources_page(request: Request) -> HTMLResponse:
    services = _services(request)
    if services is None:
        return _not_ready(request)
    return _page(request, "sources.html", sources=list_sources(services))


@router.get("/dokument/{document:path}", response_class=HTMLResponse)
def document_page(request: Request, document: str, tekstbit: str | None = None) -> HTMLResponse:
    """The whole document, its cited passage marked; the link's #tekstbit scrolls there."""
    services = _services(request)
    if services is None:
        return _not_ready(request)
    try:
        source = get_source(services, document)
    except DocumentNotFound as exc:
        return _page(request, "unavailable.html", 404, message=exc.message)
    lang = detect(" ".join(p.text for p in source.passages[:8]))
    return _page(request, "document.html", source=source, cited=tekstbit, lang=lang)


# --- Administrasjon -----------------------------------------------------------------------------


@router.get("/admin", response_class=HTMLResponse)
def admin_page(request: Request) -> HTMLResponse:
    """A shell: the key is typed on the page, kept in sessionStorage, and sent by the script to the
    admin API. The server never renders admin data into HTML."""
    return _page(request, "admin.html")
