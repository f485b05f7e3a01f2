"""The use cases every front end calls: ingest, search, ask. Built once from Settings."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from assistant import texts
from assistant.answer import amounts
from assistant.answer.citations import (
    MARKER,
    abstain_reason,
    asked_and_context,
    asks_other_service,
    asks_to_drop_instructions,
    named_in,
    relative_years,
    to_citation,
    unknown_names,
    unsupported_answer_reason,
)
from assistant.answer.cleft import confirmed_which, confirms, subject_bodies
from assistant.answer.compose import Composed, compose, extract, pieces, stream_llm
from assistant.answer.extractive import (
    AnswerBackend,
    ExtractiveBackend,
    Style,
    asks_role,
    names_body,
    names_members,
)
from assistant.answer.llm import LLMBackend, LLMUnavailable, build_llm
from assistant.answer.parts import PartAnswer, merge_parts
from assistant.answer.plan import (
    as_askers_body,
    asker_context,
    asking_sentence,
    asks_members,
    direct,
    plan_question,
    said_referent,
    searched_for,
    split_sentences,
    without_asker,
)
from assistant.answer.relevance import (
    asks_which_named,
    asks_which_of_counted,
    decider_unsaid,
    names_instances,
    said_above,
    says_how,
    speaks_to,
    unsaid_kind,
)
from assistant.answer.shares import asked_share, figures_first, share_unsaid, totals_answer, totals_fit
from assistant.answer.unspoken import unspoken_matter
from assistant.chatlog import ChatLog
from assistant.config import Settings
from assistant.conversation import points_back, resolve_follow_up
from assistant.drafts import letter as letters
from assistant.drafts.inquiry import addressee, around_questions, split_inquiry
from assistant.drafts.letter import DraftContext, Letter
from assistant.errors import EmptyQuestion, QuestionTooLong
from assistant.freshness import YEAR, fresh_hits, mark_time_bound, unmarked
from assistant.index.embedders import Embedder, build_embedder
from assistant.index.lexical import content_words, stem, words
from assistant.index.spelling import correct
from assistant.index.store import ChromaStore, build_store
from assistant.ingest.limits import IngestLimits
from assistant.ingest.pipeline import IngestReport, Progress, ingest
from assistant.language import Asked, Maalform, read_question, render, warm_spares
from assistant.models import Answer, AnswerPlan, Citation, PartResult, ScoredPassage
from assistant.retrieval import Mode, Retriever
from assistant.rules import PlanRules, ScopeRules, check_rules, rule_file
from assistant.schemes.advisor import advise
from assistant.schemes.catalogue import Catalogue, SchemeCatalogueError, load_catalogue
from assistant.schemes.matching import known_group, listed_group
from assistant.schemes.questions import asked_sectors, asks_for_match
from assistant.schemes.scope import SchemeScope, in_scope, region_names, related
from assistant.uploads import UPLOADS, remove_leftovers, set_aside

logger = logging.getLogger(__name__)


StepObserver = Callable[[str, float], None]


class WriteLock:
    """One writer of the index at a time: in this process (a thread lock) and, with a shared Postgres, in
    every instance (ChatLog.writer), so a start's reconciliation never runs between another instance's
    upload's passages and its file, nor two uploads of one name through two instances interleave."""

    def __init__(self, chatlog: ChatLog | None = None) -> None:
        self._local = threading.Lock()
        self._chatlog = chatlog
        self._held: ExitStack | None = None

    def __enter__(self) -> None:
        self._local.acquire()
        try:
            held = ExitStack()
            if self._chatlog is not None:
                held.enter_context(self._chatlog.writer())
        except BaseException:
            self._local.release()
            raise
        self._held = held

    def __exit__(self, *_: object) -> None:
        held, self._held = self._held, None
        try:
            if held is not None:
                held.close()
        finally:
            self._local.release()


@dataclass
class Services:
    settings: Settings
    embedder: Embedder
    store: ChromaStore
    retriever: Retriever
    backend: AnswerBackend  # extractive: the default, and the fallback whenever the LLM fails
    chatlog: ChatLog
    catalogue: Catalogue | None = None  # the scheme advisor; None when the corpus has no schemes.yaml
    llm: LLMBackend | None = None  # ASSISTANT_LLM=openai|ollama
    scope: SchemeScope | None = None  # the schemes questions and passages are about; None without catalogue
    # Each called with (step, seconds) for each pipeline step: every API app serving these services adds
    # its metrics here while it runs (tests serve one loaded index from several apps at once).
    observers: list[StepObserver] = field(default_factory=list)
    # One writer at a time: ingests and deletes are serialised, searches never wait for them.
    write_lock: WriteLock = field(default_factory=WriteLock)
    # Why the catalogue is None although the file is there (its errors, in Norwegian), when the start
    # went on without the advisor.
    catalogue_problem: str | None = None


def build_services(
    settings: Settings, embedder: Embedder | None = None, *, advisor_optional: bool = False
) -> Services:
    """`advisor_optional`: a scheme catalogue with errors switches the advisor off instead of stopping the
    start (the API: retrieval answers on, and /readyz says the advisor is off)."""
    check_rules(settings)  # a bad rule file stops the start here, before a model loads or a file is written
    embedder = embedder or build_embedder(settings)
    store = build_store(settings, embedder.name)
    chatlog = ChatLog(settings.database)
    retriever = Retriever(settings, embedder, store, chatlog.index_version)
    catalogue, catalogue_problem = _catalogue(settings, advisor_optional)
    scope = SchemeScope(catalogue) if catalogue is not None else None
    backend = ExtractiveBackend(
        lambda: retriever.lexical,
        settings.answer_max_sentences,
        max_passages=settings.answer_max_passages,
        max_chars=settings.answer_max_chars,
        long_list_items=settings.answer_long_list_items,
        in_scope=scope.covers if scope is not None else None,
        names_schemes=scope.named if scope is not None else None,
    )
    llm = build_llm(settings)
    return Services(
        settings,
        embedder,
        store,
        retriever,
        backend,
        chatlog,
        catalogue,
        llm,
        scope=scope,
        write_lock=WriteLock(chatlog),
        catalogue_problem=catalogue_problem,
    )


def _catalogue(settings: Settings, optional: bool) -> tuple[Catalogue | None, str | None]:
    """The catalogue and, when `optional` let a broken one through, its problems."""
    if not settings.schemes_file.is_file():
        logger.info("No scheme catalogue at %s; the advisor is off", settings.schemes_file)
        return None, None
    try:
        return load_catalogue(settings.schemes_file, settings.corpus_dir), None
    except SchemeCatalogueError as exc:
        if not optional:
            raise
        logger.error("The scheme catalogue has errors, so the advisor is off:\n%s", exc.message)
        return None, exc.message


@contextmanager
def _step(services: Services, name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds = time.perf_counter() - start
        for observe in list(services.observers):
            observe(name, seconds)


def ingest_paths(
    services: Services, paths: Iterable[Path], progress: Progress | None = None, prefix: str = ""
) -> IngestReport:
    """`prefix` goes before every document id (the uploads folder's is "uploads/")."""
    settings = services.settings
    limits = IngestLimits.from_settings(settings)
    with services.write_lock, _step(services, "ingest"):
        report = ingest(
            paths, services.embedder, services.store, settings.chunk_max_chars, progress, limits, prefix
        )
        if report.changed:
            index_changed(services)
        elif services.retriever.size != report.chunks:
            services.retriever.refresh()
    return report


def index_changed(services: Services) -> None:
    """After a write to the store: a new index version in the shared database, so that every instance
    rebuilds its snapshot within about a second (assistant/api/index_watch.py), and this one's own snapshot
    now. The write is done whatever happens here: a database that fails to take the new version is
    logged, and the other instances learn of the change with the next write that gets through."""
    try:
        services.chatlog.bump_index_version()
    except Exception:
        logger.exception("The index changed, but the chat database did not take its new version")
    services.retriever.refresh()


def ensure_index(services: Services, progress: Progress | None = None) -> IngestReport | None:
    """Ingest the corpus when the index is empty, so a first `ask` just works; and bring the uploads
    into line (reconcile_uploads). Returns the corpus's report, None when it was not needed."""
    report = None
    if services.store.count() == 0:
        logger.info(texts.INDEX_EMPTY_INGESTING.format(path=services.settings.corpus_dir))
        report = ingest_paths(services, [services.settings.corpus_dir], progress)
    reconcile_uploads(services, progress)
    return report


def reconcile_uploads(services: Services, progress: Progress | None = None) -> IngestReport:
    """After a crash, a failed store write or a lost Chroma directory: every file under uploads/ is
    indexed (as uploads/<name>; unchanged files are only hashed), passages whose file is gone are
    dropped, a temporary file a crash left is removed, and a file that can no longer be ingested (a
    limit lowered since) is moved out to <data_dir>/rejected-uploads with a warning."""
    folder = services.settings.uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers(folder)
    report = ingest_paths(services, [folder], progress, prefix=UPLOADS)
    set_aside(services.settings, report.failed)
    return report


def validate_question(question: str, settings: Settings) -> str:
    cleaned = question.strip()
    if not cleaned:
        raise EmptyQuestion(texts.EMPTY_QUESTION)
    if len(cleaned) > settings.max_question_chars:
        raise QuestionTooLong(
            texts.QUESTION_TOO_LONG.format(length=len(cleaned), limit=settings.max_question_chars)
        )
    return cleaned


def search(
    services: Services, query: str, k: int | None = None, mode: Mode = "hybrid", rerank: bool = True
) -> list[ScoredPassage]:
    query = validate_question(query, services.settings)
    with _step(services, "retrieve"):
        return services.retriever.search(query, k, mode, rerank)


def answer_question(
    services: Services,
    question: str,
    conversation_id: str = "",
    maalform: Maalform | None = None,
    style: Style = "answer",
    letter_schemes: tuple[str, ...] = (),
    letter_sectors: tuple[str, ...] = (),
    addressed: tuple[str, ...] = (),
) -> Answer:
    """One standalone question, in bokmål or nynorsk, answered in `maalform` (None: as asked); a question
    of a reply letter is read in the light of the schemes the letter's other text names. Nothing is
    stored."""
    question = validate_question(question, services.settings)
    asked = _read(services, question)
    target = maalform or asked.maalform
    plan = _plan(services, asked.bokmal, (), regional=False)
    if letter_schemes and not plan.schemes and services.scope is not None:
        # The letter's scheme, unless the question itself points at another ("Finnes det stipend …?").
        rare = services.retriever.lexical.idf
        # The asking sentence on its own too: the letter's sentences on who asks that lead it ("Vi eier fire
        # barnehager.") may say which scheme they are for ("Vi er en fagskole"), but their words must not
        # outweigh what the question itself points at («videreutdanning»).
        elsewhere = (
            services.scope.points_elsewhere(text, letter_schemes, lambda w: rare(w) >= _RARE_IDF)
            for text in dict.fromkeys([asked.bokmal, asking_sentence(asked.bokmal)])
        )
        if not any(elsewhere):
            plan = replace(plan, schemes=letter_schemes, schemes_from="inquiry")
    if letter_sectors and not plan.sectors:
        plan = replace(plan, sectors=letter_sectors)
    plan = _in_region(services, plan, ())
    if style == "letter" and not plan.multi_part and _unspoken_reason(services, asked.bokmal) is None:
        # "Kan instruktørene våre delta …?" in a letter is asked of the advisor as in a conversation, the
        # letter's scheme standing for what was talked about before
        named = [s.name for i in letter_schemes if services.catalogue and (s := services.catalogue.get(i))]
        advice = _advice(services, asked.bokmal, asked.bokmal, named, conversation_id, matches=False)
        if advice is not None:  # the letter's scheme says whom to contact, as for a retrieved answer
            resolved = _with_scheme_names(services, asked.bokmal, plan.schemes)
            return _render(services, replace(advice, resolved_question=resolved), target)
    return _render(services, _answered(services, plan, target, conversation_id, style, addressed), target)


@dataclass(frozen=True)
class _Retrieved:
    question: str  # bokmål, standalone
    hits: list[ScoredPassage]
    abstain: str | None  # the reason not to answer, decided before any answer is written
    plan: AnswerPlan | None = None
    # names the question joins to one the documents know («Nordland og Troms»), left out of what is answered
    unnamed: tuple[str, ...] = ()


def _plan(services: Services, question: str, previous: Sequence[str], *, regional: bool = True) -> AnswerPlan:
    """How the (resolved, bokmål) question is read; every later stage gets this, not the raw text.
    `regional`: a region named reads it in the region's scheme (`_in_region`); a letter's question is read
    in the letter's scheme first."""
    if services.scope is None:
        return plan_question(question, previous)
    plan = plan_question(question, previous, services.scope.asked, asked_sectors, services.scope.field_of)
    if plan.schemes_from == "conversation" and plan.type != "ja_nei":
        # "… for ansatte i barnehagen?" does not keep a scheme for schools from before it ("Gjelder det
        # barnehagene også?" does: it asks whether that scheme is for them).
        own = asked_sectors(asking_sentence(question))
        if services.scope.serve_other_sectors(plan.schemes, own):
            plan = replace(plan, schemes=(), schemes_from="none")
    return _in_region(services, plan, previous) if regional else plan


def _in_region(services: Services, plan: AnswerPlan, previous: Sequence[str]) -> AnswerPlan:
    """ "Hvem sitter i samarbeidsforumet i Viken?": a "hvem" that names no scheme, about the bodies each
    scheme has (scope.yaml `alternatives`), is read in the scheme of the region's own documents when it or
    the conversation names a region."""
    if services.scope is None or plan.schemes or plan.sectors:
        return plan
    if not (plan.type == "hvem" or asks_members(plan.question)):
        return plan
    passages = services.retriever.passages
    if region := services.scope.of_region(named_in(plan.question), passages):
        return replace(plan, schemes=tuple(region), schemes_from="question") if len(region) == 1 else plan
    earlier = services.scope.of_region(set().union(*map(named_in, previous)), passages)
    return replace(plan, schemes=tuple(earlier), schemes_from="conversation") if len(earlier) == 1 else plan


def _retrieve(
    services: Services, question: str, plan: AnswerPlan | None = None, siblings: frozenset[str] = frozenset()
) -> _Retrieved:
    """`siblings`: the documents an earlier part of the same question was answered from; a later part
    ("…, og hvor mange UH er med i partnerskap?") is about the same matter, so their passages go first
    when they score near the rest."""
    top_k = services.settings.top_k
    scope = plan.schemes if plan is not None and services.scope is not None else ()
    sectors = plan.sectors if plan is not None and services.scope is not None and not scope else ()
    with _step(services, "retrieve"):
        # With schemes in scope, look deeper and move passages about other schemes only to the back;
        # without, passages about schemes only for other sectors than the asker names.
        role = asks_role(plan)
        members = plan is not None and asks_members(plan.question)
        deeper = scope or sectors or role or siblings or members
        searched = _without_region(services, question, scope)
        hits = services.retriever.search(searched_for(searched), 2 * top_k if deeper else None)
        if scope and services.scope is not None:
            hits = _with_umbrella_hits(services, question, scope, hits)
        if siblings:
            hits = _siblings_first(hits, siblings)
        if scope and services.scope is not None:
            preferred = services.scope.prefer(hits, scope)
            if plan is not None and plan.schemes_from == "inquiry" and not _near_best(preferred, hits):
                # The letter's scheme has nothing near the best passage for this question of it.
                plan, preferred = replace(plan, schemes=(), schemes_from="none"), hits
            else:
                preferred = services.scope.own_first(preferred, scope)
            hits = preferred
        elif sectors and services.scope is not None:
            hits = services.scope.prefer_sectors(hits, sectors)
        if role:  # "Hva gjør fylkeskommunen?": what a body does is told under a heading that names it
            hits = _under_body_first(services, hits, question, scope, top_k)
        if members:  # "Hvem sitter i forumet?": the passage that names the forum's members
            hits = _members_first(services, hits, question, scope, top_k)
        hits = hits[:top_k]
    # (a region searched without is not asked after: it put the question in its scheme)
    reason = abstain_reason(searched, hits, services.settings, services.retriever.lexical.knows)
    if reason is None or (reason == texts.ABSTAIN_OFF_DOMAIN and not asks_other_service(question)):
        # Weak evidence around a matter the documents never speak of ("Hva slags fordelingsnøkkel brukes
        # for yrkesfagmidlene?") is that matter unsaid, not a question outside the domain: name it.
        reason = _unspoken_reason(services, question) or reason
    if reason == texts.ABSTAIN_WEAK_EVIDENCE and (kept := _without_unknown(services, question)) is not None:
        # "Hvor mye fikk Nordland og Troms i 2026?": Nordland is answered, and Troms said to be unknown
        retried = _retrieve(services, kept[0], plan, siblings)
        if retried.abstain is None:
            return replace(retried, unnamed=kept[1])
    if reason is not None and plan is not None and plan.schemes_from == "conversation":
        # "Hvem er pakkene laget for?" after a question about the kompetansepakker says too little to
        # find anything by itself; the scheme the conversation is about says the rest.
        named = _with_scheme_names(services, question, plan.schemes)
        if named != question:
            retried = _retrieve(services, named, replace(plan, schemes_from="question"))
            if retried.abstain is None:
                return replace(retried, question=question)
    # Of two sources that say the same thing with different figures, only the newer is quoted.
    return _Retrieved(question, fresh_hits(hits, services.settings, question), reason, plan)


def _without_unknown(services: Services, question: str) -> tuple[str, tuple[str, ...]] | None:
    """The question without the names the documents never mention that it joins by «og» to a name they do
    («Nordland og Troms», «Troms og Nordland»), and those names; None when there are none, or when no name
    the documents know is left to ask about."""
    known = services.retriever.lexical.knows
    unknown = unknown_names(asked_and_context(question)[0], known)
    if not unknown:
        return None
    reduced = question
    for name in unknown:
        joined = rf"\s+(?:og|eller)\s+{re.escape(name)}\b|\b{re.escape(name)}\s+(?:og|eller)\s+(?=[A-ZÆØÅ])"
        reduced, n = re.subn(joined, " ", reduced, count=1)
        if not n:
            return None
    reduced = re.sub(r"\s+([?.,])", r"\1", re.sub(r"\s{2,}", " ", reduced)).strip()
    if unknown_names(asked_and_context(reduced)[0], known) or not named_in(asked_and_context(reduced)[0]):
        return None
    return reduced, tuple(unknown)


def _with_umbrella_hits(
    services: Services, question: str, scope: Sequence[str], hits: list[ScoredPassage]
) -> list[ScoredPassage]:
    """The hits, and the passages a search without the scheme's name finds that speak for the scheme (its
    own or its umbrella's): "Hvem utbetaler pengene i Dekom?" is answered by the umbrella scheme's passage
    on who pays out, which names no part, while the name's words fill the search with passages that only
    list the parts."""
    assert services.scope is not None
    held = {part for parts in rule_file(ScopeRules).parts.values() for part in parts}
    if not held & set(scope):  # a scheme of its own: its own guidelines say who does what in it
        return hits
    bare = services.scope.without_names(question, scope)
    if bare == question or len(content_words(bare)) < _MIN_BARE_WORDS:
        return hits
    known = {hit.passage.id for hit in hits}
    found = services.retriever.search(searched_for(bare), 2 * services.settings.top_k)
    extra = [
        hit
        for hit in found
        if hit.passage.id not in known and in_scope(services.scope.tags_of(hit.passage), scope) is True
    ]
    return sorted([*hits, *extra], key=lambda hit: -hit.score) if extra else hits


# A question without its scheme's name says too little to search by with fewer content words than this.
_MIN_BARE_WORDS = 2


def _unspoken_reason(services: Services, question: str) -> str | None:
    """The refusal, naming it, when the question asks after a matter the documents never speak of ("Må vi
    betale moms på kursavgiften?"): any sentence found would only be about what is around it."""
    matter = unspoken_matter(question, services.retriever.lexical)
    return texts.ABSTAIN_UNSPOKEN.format(matter=matter) if matter is not None else None


# How much better another document's passage must score to come before one of the document an earlier
# part of the question was answered from.
_SIBLING_BOOST = 0.15


def _siblings_first(hits: list[ScoredPassage], siblings: frozenset[str]) -> list[ScoredPassage]:
    def weight(hit: ScoredPassage) -> float:
        return hit.score * (1 + _SIBLING_BOOST) if hit.passage.document in siblings else hit.score

    return sorted(hits, key=lambda hit: -weight(hit))


def _under_body_first(
    services: Services, hits: list[ScoredPassage], question: str, schemes: Sequence[str], top_k: int
) -> list[ScoredPassage]:
    """Passages near the top (twice `top_k`) whose heading names the body asked about go first, unless
    they are about another scheme than the one asked about."""
    lexical, scope = services.retriever.lexical, services.scope
    # Nor a passage that names the scheme only in passing, beside the scheme's own guidelines.
    passing = scope.in_passing(hits, schemes) if scope is not None else set()

    def fits(hit: ScoredPassage) -> bool:
        if not names_body(lexical, hit.passage.section, question) or hit.passage.id in passing:
            return False
        return not schemes or scope is None or in_scope(scope.tags_of(hit.passage), schemes) is not False

    named = [h for h in hits[: 2 * top_k] if fits(h)]
    return [*named, *(h for h in hits if h not in named)]


def _without_region(services: Services, question: str, scope: Sequence[str]) -> str:
    """The question without the region it names when the region is what put it in the scheme in scope
    (`_in_region`): "Hvem har sekretariatsansvaret i Oslo og Viken?" is searched as "Hvem har
    sekretariatsansvaret?" in the scheme of the region's pages, whose every passage is about the region, so
    that the news item that repeats the name does not come before the sentence that says who. The question
    as it is otherwise."""
    if services.scope is None or not scope or services.scope.asked(question):
        return question
    # Only as what is asked: "Vi er en kommune i Nordland. Hvem må vi samarbeide med …?" says where the
    # asker is, and the region's own slides are what answers it.
    names = named_in(asking_sentence(question))
    if services.scope.of_region(names, services.retriever.passages) != list(scope):
        return question
    regions = {p.region for p in services.retriever.passages if p.region}
    said = set().union(*map(region_names, regions))
    place = r"\b[A-ZÆØÅ][\wæøå]+\b"

    def placed(m: re.Match[str]) -> str:
        named = re.findall(place, m.group("names"))
        return m.group() if not all(w.lower()[:5] in said for w in named) else ""

    joined = rf"(?:\s+(?:i|hos|for|fra|ved))?\s+(?P<names>{place}(?:\s+(?:og|eller)\s+{place})*)"
    bare = re.sub(joined, placed, question)
    return re.sub(r"\s+([?.,])", r"\1", bare).strip() if bare != question else question


def _members_first(
    services: Services, hits: list[ScoredPassage], question: str, schemes: Sequence[str], top_k: int
) -> list[ScoredPassage]:
    """Asked who a body is made of ("Hvem sitter i samarbeidsforumet i Oslo og Viken?"), when none of the
    passages the answer is written from has a sentence that names the members of that body (plan.yaml
    `members`, and the body's word of `member_bodies`), the best near the top (twice `top_k`) that has one
    goes first, unless it is about another scheme than the one asked about: the passages whose words meet
    the question better ("… etablert to samarbeidsforum … i Oslo og Viken") only say that the body exists."""
    bodies = [b for b in rule_file(PlanRules).member_bodies if b in question.lower()]
    scope = services.scope
    # Nor a passage under another scheme's heading that names the one asked about in passing (the fag- og
    # yrkesopplæring guidelines on the forum that prioritises Kompetanseløftet's measures).
    passing = scope.in_passing(hits, schemes) if scope is not None else set()

    def fits(hit: ScoredPassage) -> bool:
        sentences = re.split(r"(?<=[.!?:])\s+|\n+", hit.passage.text)
        if not any(
            names_members(s) and (not bodies or any(b in s.lower() for b in bodies)) for s in sentences
        ):
            return False
        if not schemes or scope is None:
            return True
        if hit.passage.id in passing or in_scope(scope.breadcrumb_tags(hit.passage), schemes) is False:
            return False
        return in_scope(scope.tags_of(hit.passage), schemes) is not False

    read = services.settings.answer_max_passages
    if any(fits(h) for h in hits[:read]):  # the answer is written from these, and one names the members
        return hits
    named = next((h for h in hits[: 2 * top_k] if fits(h)), None)
    return hits if named is None else [named, *(h for h in hits if h is not named)]


# A word of a scheme's name this rare in the documents (idf) names that scheme, not just its subject.
_RARE_IDF = 2.5
# A letter's scheme scopes one of its questions only where its best passage scores this near the best.
_INQUIRY_SCOPE_RATIO = 0.8


def _near_best(preferred: list[ScoredPassage], hits: list[ScoredPassage]) -> bool:
    return bool(preferred and hits) and preferred[0].score >= _INQUIRY_SCOPE_RATIO * hits[0].score


def _with_scheme_names(services: Services, question: str, schemes: Sequence[str]) -> str:
    if services.scope is None:
        return question
    names = [scheme.name for i in schemes if (scheme := services.scope.catalogue.get(i)) is not None]
    return f"{question.rstrip('?')} ({'; '.join(names)})?" if names else question


def _answered(
    services: Services,
    plan: AnswerPlan,
    target: Maalform,
    conversation_id: str = "",
    style: Style = "answer",
    addressed: tuple[str, ...] = (),
) -> Answer:
    """The planned question answered: part by part when it asks several things, else as one. `addressed`:
    the scheme of the body a letter is written to, when the letter names none."""
    if plan.multi_part:
        return _in_parts(services, plan, target, conversation_id, style)
    if (compared := _compared(services, plan, target, conversation_id, style)) is not None:
        return compared
    retrieved = _retrieve(services, plan.question, plan)
    each = _for_each_scheme(services, retrieved, target, conversation_id, style)
    own_scheme = plan.schemes if plan.schemes_from == "inquiry" else () if plan.schemes else addressed
    if each is not None and len(own_scheme) == 1:
        # A letter's question the schemes answer differently («Hvem betaler ut pengene?») is asked of the
        # letter's scheme (or, if it names none, the scheme of the body it is written to), though another
        # scheme's passage scored best: the answer for each would put the other scheme's body beside the
        # one the letter is about.
        scoped = replace(plan, schemes=own_scheme, schemes_from="question")
        own = _retrieve(services, plan.question, scoped)
        written = _written(services, own, target, conversation_id, style)
        if not written.abstained and written.citations and _from_scheme(services, own, written):
            return written
    return each or _written(services, retrieved, target, conversation_id, style)


def _compared(
    services: Services, plan: AnswerPlan, target: Maalform, conversation_id: str, style: Style = "answer"
) -> Answer | None:
    """ "Hva er forskjellen på samarbeidsforumet i Dekom og i yrkesfagordningen?": the question asked of
    each scheme it names (scope.yaml `compares`), searched without the other names, and answered for each,
    labelled. None when it compares nothing, a scheme's answer is not its own, or the answers are the same
    sentences (then one answer speaks for all)."""
    pattern = rule_file(ScopeRules).compares
    if (
        services.scope is None
        or services.llm is not None
        or plan.schemes_from != "question"
        or len(plan.schemes) < 2
        or plan.type == "ja_nei"
        or not pattern
        or not re.search(pattern, plan.question, re.IGNORECASE)
    ):
        return None
    answered: list[PartAnswer] = []
    said_by: list[str] = []
    each = services.scope.asked_of_each(plan.question, plan.schemes)
    for scheme_id in plan.schemes:
        scheme = services.scope.catalogue.get(scheme_id)
        others = [other for other in plan.schemes if other != scheme_id]
        question = each.get(scheme_id) or services.scope.without_names(plan.question, others)
        scoped = replace(_plan(services, question, ()), schemes=(scheme_id,), schemes_from="question")
        retrieved = _retrieve(services, question, scoped)
        written = _written(services, retrieved, target, conversation_id, style)
        if scheme is None or written.abstained or not written.citations:
            return None
        if not _from_scheme(services, retrieved, written):
            return None
        answered.append(
            PartAnswer(texts.FOR_SCHEME.format(name=scheme.name), written.answer, written.citations)
        )
        said_by.append(" ".join(unmarked(written.answer).split()))
    if len(set(said_by)) < len(said_by):
        return None
    return _labelled(conversation_id, texts.FOR_COMPARED_SCHEMES, answered, plan.question, plan)


# Passages of each scheme must score this near the best for a question to be read as meaning either.
_ALTERNATIVE_NEAR = 0.75


def _for_each_scheme(
    services: Services, retrieved: _Retrieved, target: Maalform, conversation_id: str, style: Style = "answer"
) -> Answer | None:
    """ "Hvem har sekretariatsansvaret for samarbeidsforumet?" names no scheme, and the two schemes with a
    samarbeidsforum give different bodies: the answer for each, labelled (scope.yaml `alternatives`).
    None when the question is read in one scheme, or the schemes' answers name the same body (or one of
    them has none)."""
    plan, hits = retrieved.plan, retrieved.hits
    if services.scope is None or plan is None or retrieved.abstain is not None or not hits:
        return None
    # A language model is given every passage and writes one answer: it is not asked once per scheme, and
    # twice more when their answers agree.
    if services.llm is not None:
        return None
    # Who a body is made of ("Hvem sitter i samarbeidsforumet?") is asked as a list as often as a "hvem".
    members = asks_members(plan.question)
    if plan.schemes or plan.sectors or plan.multi_part or not (plan.type == "hvem" or members):
        return None
    near = [h for h in hits if h.score >= _ALTERNATIVE_NEAR * hits[0].score]
    alternatives = services.scope.alternatives_in(near)
    if len(alternatives) < 2:
        return None
    answered: list[PartAnswer] = []
    bodies: list[set[str]] = []
    missed: list[frozenset[int]] = []  # of each answer, the question's words (by position) it lacks
    said_by: list[str] = []  # each scheme's answer, unmarked
    lexical = services.retriever.lexical
    asked = lexical.weighted_query_sets(retrieved.question)
    if members:  # "deltar" is asked of each forum, whichever words its list of members uses
        verbs = set(lexical.analyzer.terms(" ".join(rule_file(ScopeRules).members_words)))
        asked = [(variants, weight) for variants, weight in asked if not variants & verbs]
    for scheme_id in alternatives:
        scoped = replace(plan, schemes=(scheme_id,), schemes_from="question")
        written = _written(
            services, _retrieve(services, retrieved.question, scoped), target, conversation_id, style
        )
        scheme = services.scope.catalogue.get(scheme_id)
        if written.abstained or not written.citations or scheme is None:
            return None
        bodies.append(set(subject_bodies(unmarked(written.answer).splitlines()[0])))
        said = set(lexical.analyzer.terms(unmarked(written.answer)))
        missed.append(frozenset(i for i, (variants, _) in enumerate(asked) if not variants & said))
        label = texts.FOR_SCHEME.format(name=scheme.name)
        answered.append(PartAnswer(label, written.answer, written.citations))
        said_by.append(" ".join(unmarked(written.answer).split()))
    # Two forums' members are two lists, however many bodies both name (lærerorganisasjonene sit in each).
    if not members and (not all(bodies) or any(a & b for i, a in enumerate(bodies) for b in bodies[i + 1 :])):
        return None  # they agree, or it can't be told who each names
    if members and not all(names_members(said) for said in said_by):
        return None  # a scheme's answer tells what its forum does, not who sits in it
    if members and len(set(said_by)) < len(said_by):
        return None  # the same sentence for each: it names one scheme's members, or none
    # The question's own words are one scheme's ("… etter at samarbeidsforumet har bestemt seg").
    if any(a < b for a in missed for b in missed):
        return None
    return _labelled(conversation_id, texts.FOR_EACH_SCHEME, answered, retrieved.question, plan)


def _labelled(
    conversation_id: str, head: str, answered: list[PartAnswer], question: str, plan: AnswerPlan | None
) -> Answer:
    """One answer per scheme, each under its name, below the line that says so."""
    merged = merge_parts(answered)
    return Answer(
        conversation_id, f"{head}\n\n{merged.text}", merged.citations, resolved_question=question, plan=plan
    )


def _in_parts(
    services: Services,
    plan: AnswerPlan,
    target: Maalform,
    conversation_id: str,
    style: Style = "answer",
    advised: Sequence[str] | None = None,
) -> Answer:
    """Each part retrieved and written on its own, later parts read in the light of the first ("…, og
    hva kan pengene brukes til?" is about the same scheme); a part the sources don't answer says so.
    With `advised` (the conversation's earlier questions), a part the advisor answers is the advisor's:
    a yes/no part, or a first part asking which schemes fit when the whole question asks that."""
    parts_answered: list[PartAnswer] = []
    written_in: Maalform = "nb"  # an LLM writes the reader's målform; extracted parts are bokmål
    siblings: frozenset[str] = frozenset()  # where the first part was answered from
    lexical = services.retriever.lexical

    which_of_counted: set[str] = set()  # parts asking which ones, after a part asking how many
    context = asker_context(plan.question)  # who asks, said before what they ask

    def speaks(question: str, text: str, citations: list[Citation]) -> bool:
        """Whether a part's answer says what the part asks after, not just something near it: after a
        count, which ones only by naming them."""
        if question in which_of_counted and not names_instances(lexical, question, text, citations):
            return False
        return speaks_to(lexical, question, text, citations)

    # "Vi har hørt om kompetansepakker. Hva er det, og …?": the first part asks about what the statement
    # before it speaks of; it is searched so, later parts are read in its light, and its heading is what
    # was asked, not the statement.
    pointed = said_referent(plan.parts[0]) if plan.parts else ""
    first = pointed or plan.parts[0]
    for i, part in enumerate(plan.parts):
        if i and (confirmed := _confirmed(services, first, part, parts_answered[0])) is not None:
            parts_answered.append(confirmed)
            continue
        standalone = first if i == 0 else resolve(services, part, [first])
        if i == 0 and len(plan.parts) > 1 and (kept := _amount_frame(_asking_only(plan.parts[-1]), first)):
            # "Hvor mye gikk til barnehage, og hvor mye til skole i Nordland i 2026?": the place and year said
            # at the end are of the first amount too
            standalone = f"{standalone.rstrip('?')} {kept}?"
        if context and standalone.endswith(asks := _asking_only(standalone)):
            # "Jeg jobber i fylkeskommunen. …, og hva er vår rolle?" asks about the fylkeskommune's role
            standalone = standalone[: len(standalone) - len(asks)] + as_askers_body(asks, context)
        if i and asks_which_of_counted(standalone, plan.parts[:i]):
            which_of_counted.add(standalone)
        # A part about a matter the documents never speak of ("…, og får de honorar?") is not the advisor's:
        # its group may be in the target group, but that is not what is asked.
        if advised is not None and _unspoken_reason(services, standalone) is None:
            earlier = [*advised, *(plan.parts[:1] if i else ())]
            # A later part is no profile ("Vi er en kommune. Hvilke ordninger passer, og …?")
            matches = (
                i == 0
                and services.catalogue is not None
                and asks_for_match(plan.question, services.catalogue)
            )
            if advice := _advice(services, standalone, standalone, earlier, matches=matches):
                asks = _heading(part)
                parts_answered.append(
                    PartAnswer(asks, advice.answer, advice.citations, asked=standalone, advised=True)
                )
                continue
        if i and (kept := _amount_frame(_asking_only(plan.parts[0]), standalone)):
            # "Hvor mye fikk Rekom i Nordland i 2025, og hvor mye fikk Kompetanseløftet?": the second amount
            # is of the same place and year as the first
            standalone = f"{standalone.rstrip('?')} {kept}?"
        # (a region's scheme not in a letter's question: the letter's scheme comes first)
        part_plan = _plan(services, standalone, [plan.question], regional=plan.schemes_from != "inquiry")
        if not part_plan.schemes and plan.schemes and plan.schemes_from != "question":
            # "Kven er ordninga for, og kven administrerer ho?" after Kompetanseløftet: a part that names no
            # scheme is about the one the conversation (or the letter) is about, as the whole question is.
            part_plan = replace(part_plan, schemes=plan.schemes, schemes_from=plan.schemes_from)
        # A part that names its own scheme is read by it, not by where the first part was answered.
        own = part_plan.schemes_from == "question"
        # "Når er workshopene i Nordland, og hvem er invitert?": a later part that names nothing of its own
        # is about what the first part names, and is searched with it (and answered as asked).
        # So is one that still points back to it by a pronoun once resolved ("…, og hvem skal utvikle den?",
        # "… kven bestemmer korleis dei skal brukast?"): the pronoun's words are the first part's.
        about = _about_first(first) if i and (not part_plan.topic or _leans_back(standalone)) else ""
        searched = f"{standalone.rstrip('?')} ({about})?" if about else standalone
        retrieved = _retrieve(services, searched, part_plan, frozenset() if own else siblings)
        retrieved = replace(retrieved, question=standalone)
        written = _written(services, retrieved, target, conversation_id, style)
        elsewhere = written.abstained or not _from_scheme(services, retrieved, written)
        if not own and part_plan.schemes and elsewhere:
            # "Hva har fylkeskommunene ansvar for i yrkesfagordningen, og hva er arbeidslivets rolle?": the
            # later part is about the scheme the question named (or the conversation, or the letter). When
            # its own few words found an answer only in general text or another scheme's passages, or none,
            # it is searched again with the scheme's name, and answered as asked (the name's words are no
            # words of what it asks).
            with_name = _with_scheme_names(services, standalone, part_plan.schemes)
            named = _retrieve(services, with_name, part_plan)
            again = _written(services, replace(named, question=standalone), target, conversation_id, style)
            if not again.abstained and again.citations and _from_scheme(services, named, again):
                retrieved, written = named, again
        if i and siblings and not own and not part_plan.schemes:
            retrieved, written = _from_siblings(services, retrieved, written, siblings, speaks, target, style)
        if i and parts_answered[0].text is not None and _points_to_place(standalone):
            first_hits = _passages_of(services, parts_answered[0].citations)
            retrieved, written = _from_first(services, retrieved, written, first_hits, speaks, target, style)
        covered = not written.abstained and bool(written.citations)
        if (
            i == 0
            and (asking := _asking_only(standalone)) != standalone
            and not (covered and speaks(standalone, written.answer, written.citations))
        ):
            # "Jeg er rektor på en videregående skole. Hvem skal vi melde behovet til?": who asks can pull
            # the search to passages about them; what is asked is searched again on its own, in the
            # question's scheme and sectors.
            again = _written(services, _retrieve(services, asking, part_plan), target, conversation_id, style)
            if not again.abstained and again.citations and speaks(asking, again.answer, again.citations):
                written, covered = again, True
        if i == 0 and covered and speaks(standalone, written.answer, written.citations):
            siblings = frozenset(c.document for c in written.citations)
        if covered and written.maalform == "nn":
            written_in = "nn"
        reason = None if covered else written.answer
        # The heading is what the part asks: who asks («Jeg er ny i stillingen.») is no part of it.
        heading = asking_sentence(part) if i == 0 and pointed else _heading(part)
        parts_answered.append(
            PartAnswer(heading, written.answer if covered else None, written.citations, reason, standalone)
        )
    merged = merge_parts(
        parts_answered, _still_answers, speaks, lambda q, shown, text: said_above(lexical, q, shown, text)
    )
    if not any(merged.answered):  # nothing answered, though a part's loosely related sentence was found
        nothing = _Retrieved(plan.question, [], None, plan)
        reason = parts_answered[0].abstain_reason or texts.ABSTAIN_WEAK_EVIDENCE
        return _abstained(nothing, reason, conversation_id, plan.parts)
    return Answer(
        conversation_id,
        merged.text,
        merged.citations,
        resolved_question=plan.question,
        maalform=written_in,
        plan=plan,
        parts=tuple(PartResult(p, a) for p, a in zip(plan.parts, merged.answered, strict=True)),
    )


def _from_siblings(
    services: Services,
    retrieved: _Retrieved,
    written: Answer,
    siblings: frozenset[str],
    speaks: Callable[[str, str, list[Citation]], bool],
    target: Maalform,
    style: Style,
) -> tuple[_Retrieved, Answer]:
    """A later part that names no scheme is about what the first part was answered from ("Hva gjør
    samarbeidsforumet i fylkeskommunen, og kan Statsforvalteren være med?" is the yrkesfag forum): when its
    answer quotes only other documents, while passages of the first part's documents were found, it is
    written from those, if that says what the part asks. Else the answer as it was."""
    if written.abstained or any(c.document in siblings for c in written.citations):
        return retrieved, written
    own = [h for h in retrieved.hits if h.passage.document in siblings]
    return _written_from(services, retrieved, written, own, speaks, target, style)


def _points_to_place(part: str) -> bool:
    """Whether a later part's asking sentence points back by "der" to what the first part named ("…, og
    hvem prioriterer tiltakene der?")."""
    rules = rule_file(PlanRules)
    return bool(rules.place_back and re.search(rules.place_back, _asking_only(part), re.IGNORECASE))


def _passages_of(services: Services, citations: Sequence[Citation]) -> list[ScoredPassage]:
    """The passages an answer cites, as hits of their citation's score."""
    score = {c.passage_id: c.score for c in citations if c.passage_id}
    found = [p for p in services.retriever.lexical.passages if p.id in score]
    return sorted((ScoredPassage(p, score[p.id]) for p in found), key=lambda h: -h.score)


def _from_first(
    services: Services,
    retrieved: _Retrieved,
    written: Answer,
    first_hits: list[ScoredPassage],
    speaks: Callable[[str, str, list[Citation]], bool],
    target: Maalform,
    style: Style,
) -> tuple[_Retrieved, Answer]:
    """A part that asks what goes on "der" asks it of what the first part's passage is about: when that
    passage says what the part asks, it is written from it, not from passages of another place or scheme
    its own words found ("…, og hvem prioriterer tiltakene der – samarbeidsforumet i fylkeskommunen?").
    Else the answer as it was."""
    return _written_from(services, retrieved, written, first_hits, speaks, target, style)


def _written_from(
    services: Services,
    retrieved: _Retrieved,
    written: Answer,
    hits: list[ScoredPassage],
    speaks: Callable[[str, str, list[Citation]], bool],
    target: Maalform,
    style: Style,
) -> tuple[_Retrieved, Answer]:
    """The part written from `hits` alone, when that answer cites something and says what the part asks;
    else the answer as it was."""
    if not hits:
        return retrieved, written
    narrowed = replace(retrieved, hits=hits)
    again = _written(services, narrowed, target, written.conversation_id, style)
    if not again.abstained and again.citations and speaks(retrieved.question, again.answer, again.citations):
        return narrowed, again
    return retrieved, written


def _from_scheme(services: Services, retrieved: _Retrieved, written: Answer) -> bool:
    """Whether the answer cites a passage about a scheme the retrieved question is scoped to."""
    plan = retrieved.plan
    if services.scope is None or plan is None or not plan.schemes or written.abstained:
        return True
    cited = {(c.document, c.section) for c in written.citations}
    return any(
        in_scope(services.scope.tags_of(h.passage), plan.schemes)
        for h in retrieved.hits
        if (h.passage.document, h.passage.section) in cited
    )


# "i Nordland", "i 2025", "for 2022-2023", "i Oslo og Viken": where and when an amount or a count is of
_FRAME = re.compile(
    r"\b(?:i|for)\s+(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?|[A-ZÆØÅ][\w-]+(?:\s+og\s+[A-ZÆØÅ][\w-]+)?)"
)
_AMOUNT = ("hvor_mye", "hvor_mange")
# An amount for each one ("per skole", "hver barnehage") is no share of the first part's total: no frame
_EACH = re.compile(r"\b(?:hver|hvert|kvar|kvart|per|pr)\b", re.IGNORECASE)


def _amount_frame(first: str, part: str) -> str:
    """The place and year of the first part's amount or count that a later amount or count question
    lacks ("i Nordland i 2025" for "Hvor mye fikk Kompetanseløftet?"), or ""; only when the part names
    neither a place nor a year of its own."""
    if plan_question(part).type not in _AMOUNT or plan_question(first).type not in _AMOUNT:
        return ""
    if _FRAME.search(part) or _EACH.search(part):
        return ""
    return " ".join(m.group(0) for m in _FRAME.finditer(first))


def _about_first(first: str) -> str:
    """The naming words of what the first part asks about ("workshopene nordland" of "Når er workshopene i
    Nordland?"); who asks, said before it, is not what it is about, nor the deed a "hvem" question asks
    who does."""
    read = plan_question(without_asker(_asking_only(first)))
    # what "Når er workshopene …?" asks after is a thing; what "Hvem administrerer …?" asks after is a deed
    named = read.focus if read.type not in ("hvem", "ja_nei") else ()
    return " ".join(dict.fromkeys((*named, *read.topic)))


def _leans_back(part: str) -> bool:
    """Whether a later part's asking sentence points back by a pronoun to what was named before it: one
    that ends it ("…, og hvem skal utvikle den?") or is the subject of its verb ("… korleis dei skal
    brukast?"), not a determiner ("den lokale ordningen") nor "det" that "er det …?" opens."""
    rules = rule_file(PlanRules)
    asking = _asking_only(part)
    if rules.topic_pronoun and re.search(rules.topic_pronoun, asking, re.IGNORECASE):
        return not re.search(r"\bdet\s*\??$", asking, re.IGNORECASE)
    if _points_to_place(part):
        return True
    verbs = "|".join(re.escape(v) for v in rules.finite_verbs)
    if re.search(rf"\b(?:den|de|dei|ho)\s+(?:{verbs})\b|\b(?:{verbs})\s+(?:den|de|dei|ho)\b", asking, re.I):
        return True
    # the object before a place or an end: "… utvikle den i yrkesfagordningen?" (no determiner: «den i»)
    return bool(re.search(r"\b(?:den|dem|dei|ho)\s+(?:i|på|for|til|med|fra|hos|ved|etter)\b", asking, re.I))


def _asking_only(part: str) -> str:
    """The part from its first asking sentence on: the sentences before it say who asks ("Vi er en
    kommune."), not what is asked. The part itself when nothing comes before what it asks, or when what
    it asks is about the sentence before it ("Stemmer det?")."""
    sentences = split_sentences(part)
    first = next((i for i, s in enumerate(sentences) if s.endswith("?")), 0)
    if not first:
        return part
    asking = sentences[first]
    words = asking.lower().strip("?").split()
    if points_back(asking, explicitly=True) or (len(words) <= 3 and "det" in words):
        return part  # "Vi har hørt at X sitter i forumet. Stemmer det?" asks about the sentence before it
    return " ".join(sentences[first:])


# An asking sentence with at most this many naming words asks only whether what is said before it holds
# («Stemmer det?», «Er det riktig?»): that statement is part of what it asks.
_CONFIRMING_WORDS = 1


def _heading(part: str) -> str:
    """What a part is shown under: what it asks, as the reader asked it. What is said before the asking
    sentence («Jeg er lærer og vil ta videreutdanning. Gir det studiepoeng?») is no part of it, unless the
    question only asks whether that holds («… Stemmer det?»)."""
    asking = _asking_only(part)
    sentences = split_sentences(asking)
    first = next((i for i, s in enumerate(sentences) if s.endswith("?")), 0)
    if not first or len(content_words(sentences[first])) <= _CONFIRMING_WORDS:
        return asking
    return " ".join(sentences[first:])


def _confirmed(services: Services, first: str, part: str, answered: PartAnswer) -> PartAnswer | None:
    """«Hvem bestemmer …? Er det fylkeskommunen?»: the first part's answer says who; the later part is
    «Ja» or «Nei» by whether that is the body it names, led by the sentence that says so."""
    asked = confirms(part)
    if not asked or answered.text is None or answered.text.startswith(texts.NOT_DIRECTLY):
        return None
    if _plan(services, first, ()).type != "hvem":
        return None
    # The answer's first sentence says who; one that opens with a list has no one subject.
    said = answered.text.splitlines()[0].removeprefix(f"{texts.LEAD_YES} ")
    named = subject_bodies(said) if MARKER.search(said) and not said.startswith("- ") else ()
    if not named:
        return None
    lead = texts.LEAD_YES if set(named) & set(asked) else texts.YES_NO_LEADS["nei"]
    choice, which = confirmed_which(part, " ".join(named))
    if choice:  # «Er det X eller Y?» has no «Ja» to give: the one the answer names, or neither settled
        lead = texts.LEAD_WHICH.format(body=which) if which else texts.LEAD_NOT_DIRECTLY
    between = "\n" if lead == texts.LEAD_NOT_DIRECTLY else " "
    return PartAnswer(part, f"{lead}{between}{said}", answered.citations, asked=part)


def _still_answers(question: str, text: str, citations: list[Citation]) -> bool:
    return unsupported_answer_reason(question, unmarked(text), citations) is None


def _written(
    services: Services, retrieved: _Retrieved, target: Maalform, conversation_id: str, style: Style = "answer"
) -> Answer:
    """The answer to a retrieved bokmål question, verified. The LLM (when configured) writes in
    `target`; the extractive answer is in bokmål and rendered later. A money question about one scheme is
    answered by that scheme's figure (`_for_asked_scheme`)."""
    answer = _written_checked(services, retrieved, target, conversation_id, style)
    if retrieved.abstain is not None:
        return answer
    answer = _for_asked_scheme(services, retrieved, answer)
    if retrieved.unnamed and not answer.abstained:
        unsaid = texts.NAMES_UNSAID.format(names=" og ".join(retrieved.unnamed))
        answer = replace(answer, answer=f"{unsaid}\n{answer.answer}")
    if not answer.abstained and amounts.national_unsaid(
        retrieved.question, unmarked(answer.answer), answer.citations
    ):
        # "Hvor mye er det i ordningen på landsbasis?": one county's figures are no answer
        return _abstained(retrieved, texts.ABSTAIN_NATIONAL, conversation_id)
    return answer


def _written_checked(
    services: Services, retrieved: _Retrieved, target: Maalform, conversation_id: str, style: Style = "answer"
) -> Answer:
    if retrieved.abstain is not None:
        return _abstained(retrieved, retrieved.abstain, conversation_id)

    def attempt(question: str, hits: list[ScoredPassage], plan: AnswerPlan | None) -> Answer:
        # Checked against the whole question: a year or a place said only around what is asked ("Vi
        # planlegger for 2027. Hvor mye får vi?") still binds the answer.
        with _step(services, "answer"):
            composed = compose(question, hits, services.backend, services.llm, target, style, plan)
        return _checked(services, retrieved, composed, conversation_id)

    answer = attempt(retrieved.question, retrieved.hits, retrieved.plan)
    if answer.abstained and (asked := _without_context(retrieved)) is not None:
        # "Vi er en kommune med svake resultater. Hvor lenge varer det?": who asks can pull the composer
        # to a sentence about them that lacks what is asked (a stretch of time); what is asked is
        # composed again from the same passages before the question is given up.
        again = attempt(asked.question, asked.hits, asked.plan)
        if not again.abstained:
            return again
    moved = _totals_first(services, retrieved) if answer.abstained else None
    if moved is not None:
        # "Vi er en kommune i Nordland. Hvor mye får vi?": the county's totals, ranked below passages on
        # the scheme, are composed from before the question is given up (the share's gap is said above).
        again = attempt(retrieved.question, moved, retrieved.plan)
        if not again.abstained:
            return again
    return answer


def _for_asked_scheme(services: Services, retrieved: _Retrieved, answer: Answer) -> Answer:
    """A money question that names a scheme ("Hvor mye får Kompetanseløftet i Nordland i 2026?"), answered
    with figures none of which are for that scheme and year (the county's 2026 total), or not answered: the
    scheme's own lines are quoted instead (answer/amounts.py). Lines for the year asked answer it; lines for
    another year are quoted under the sentence that says the year asked is not given, when the sources give
    figures for that year (for the whole, not the scheme); else it is not answered."""
    scope, question = services.scope, retrieved.question
    if scope is None or not amounts.money_asked(question):
        return answer
    asked = amounts.asked_schemes(question, scope.asked)
    if not asked:
        return answer
    years = _asked_years(question)
    if not answer.abstained and not amounts.misfit(
        question, unmarked(answer.answer), answer.citations, years, scope.asked
    ):
        return _without_claims(
            answer, amounts.off_claims(question, answer.answer, answer.citations, years, scope.asked)
        )
    hits = _deeper_hits(services, retrieved)
    # a question not answered is answered here only by lines that name the scheme asked about
    found = amounts.lines_for(
        question,
        hits,
        years,
        scope.asked,
        lambda hit: scope.tags_of(hit.passage),
        named_only=answer.abstained,
    )
    if found is None or (not found.exact and not _given_for(question, hits, years)):
        if answer.abstained:
            return answer
        return _abstained(retrieved, texts.ABSTAIN_WEAK_EVIDENCE, answer.conversation_id)
    text, cited = amounts.written(found)
    citations = [to_citation(n, hit) for n, hit in enumerate(cited, start=1)]
    if found.exact and unsupported_answer_reason(question, text, citations) is not None:
        # the lines give no year, and their passages none of the year asked: not the year's figure
        return (
            answer
            if answer.abstained
            else _abstained(retrieved, texts.ABSTAIN_WEAK_EVIDENCE, answer.conversation_id)
        )
    if not found.exact:
        name = _scheme_name(services, asked)
        other = " og ".join(amounts.other_years(found)) or "andre år"
        said = texts.AMOUNT_OTHER_YEAR.format(name=name, year=" og ".join(sorted(years)), other=other)
        text = f"{said}\n{text}"
    stale = services.settings.stale_after_days
    text = mark_time_bound(text, citations, date.today(), stale, "nb")
    return Answer(
        answer.conversation_id,
        text,
        citations,
        resolved_question=question,
        maalform="nb",
        plan=retrieved.plan,
    )


def _without_claims(answer: Answer, claims: Sequence[str]) -> Answer:
    """The answer without the quoted claims given (each with its marker), its sources renumbered."""
    if not claims:
        return answer
    text = answer.answer
    for claim in claims:
        text = text.replace(claim, "", 1)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    used = [c for c in answer.citations if f"[{c.n}]" in text]
    renumber = {c.n: n for n, c in enumerate(used, start=1)}
    text = MARKER.sub(lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", text)
    return replace(answer, answer=text, citations=[replace(c, n=renumber[c.n]) for c in used])


def _asked_years(question: str) -> set[str]:
    """The years the asking sentence names, written or counted from this one ("i år")."""
    asking = asked_and_context(question)[0]
    return set(YEAR.findall(asking)) | relative_years(asking, date.today())


def _given_for(question: str, hits: Sequence[ScoredPassage], years: set[str]) -> bool:
    """Whether the passages give some figure for the year asked, in the place asked about: "Hvor mye får
    Kompetanseløftet i 2026?" is partly answered where the county's 2026 total is given; for 2027, with no
    figure for that year at all, it is not."""
    places = named_in(asked_and_context(question)[0])
    for hit in hits:
        p = hit.passage
        context = "\n".join((p.title, p.section, p.text, p.document)).lower().replace("-", " ")
        if all(name in context for name in places) and any(
            set(YEAR.findall(line.said)) & years for line in amounts.passage_lines(hit)
        ):
            return True
    return False


def _scheme_name(services: Services, asked: Sequence[str]) -> str:
    catalogue = services.catalogue
    names = [s.name for s in (catalogue.get(i) for i in asked) if s is not None] if catalogue else []
    return " og ".join(names) or "ordningen"


def _totals_first(services: Services, retrieved: _Retrieved) -> list[ScoredPassage] | None:
    """For a question after one recipient's share, the hits (from a deeper search) with the passages
    that give the totals for the place asked about first; None for any other question, or when no such
    passage is found (answer/shares.py)."""
    if asked_share(retrieved.question) is None:
        return None
    return figures_first(retrieved.question, _deeper_hits(services, retrieved))


def _deeper_hits(services: Services, retrieved: _Retrieved) -> list[ScoredPassage]:
    """The hits, then what a search `_DEEPER` times as deep finds besides: a county's figures can rank low
    beside passages on what the scheme is."""
    known = {hit.passage.id for hit in retrieved.hits}
    deeper = services.retriever.search(searched_for(retrieved.question), _DEEPER * services.settings.top_k)
    return [*retrieved.hits, *(hit for hit in deeper if hit.passage.id not in known)]


# How many times top_k a share question's second search looks: a county's totals can rank low beside
# passages on what the scheme is.
_DEEPER = 4


def _without_context(retrieved: _Retrieved) -> _Retrieved | None:
    """The retrieved question cut to its asking sentences ("Vi er en kommune i Salten." dropped), with
    the plan read from them and its schemes kept; None when nothing comes before what is asked."""
    sentences = split_sentences(retrieved.question)
    asking = [s for s in sentences if s.endswith("?")]
    if not asking or sentences[0] in asking:
        return None
    question = " ".join(asking)
    plan = retrieved.plan
    if plan is not None:
        read = plan_question(question)
        plan = replace(
            read, schemes=plan.schemes, schemes_from=plan.schemes_from, sectors=plan.sectors, parts=()
        )
    return replace(retrieved, question=question, plan=plan)


def _checked(
    services: Services, retrieved: _Retrieved, composed: Composed, conversation_id: str, mark: bool = True
) -> Answer:
    """The answer if it cites its sources and gives what the question asks for, else an abstention.
    Deadlines, dates and amounts quoted from old documents get "(per <dato>)" (`mark`); the check comes
    first, so that date never counts as an answer to a "when" question."""
    reason = unsupported_answer_reason(
        retrieved.question, composed.text, composed.citations, unrequired=totals_answer(retrieved.question)
    )
    lexical = services.retriever.lexical
    if reason is None and not says_how(lexical, retrieved.question, composed.text, composed.citations):
        reason = texts.ABSTAIN_WEAK_EVIDENCE  # "Hvordan skal vi rapportere …?" answered by what the scheme is
    if not composed.citations or reason is not None:
        return _abstained(retrieved, reason or texts.ABSTAIN_WEAK_EVIDENCE, conversation_id)
    text = composed.text
    if mark:
        stale = services.settings.stale_after_days
        text = mark_time_bound(text, composed.citations, date.today(), stale, composed.maalform)
    if composed.notice:
        text = f"{text}\n\n{composed.notice}"
    elif composed.maalform == "nn":  # the LLM wrote nynorsk; the quotes keep the sources' own words
        text = f"{text}\n\n{texts.NYNORSK_NOTE_LLM}"
    return Answer(
        conversation_id,
        text,
        composed.citations,
        resolved_question=retrieved.question,
        maalform=composed.maalform,
        plan=retrieved.plan,
    )


def _abstained(retrieved: _Retrieved, reason: str, conversation_id: str, parts: Sequence[str] = ()) -> Answer:
    return Answer(
        conversation_id,
        reason,
        [],
        abstained=True,
        resolved_question=retrieved.question,
        plan=retrieved.plan,
        parts=tuple(PartResult(p, False) for p in parts),
    )


def _read(services: Services, question: str) -> Asked:
    """The question in bokmål, read plainly: its typos as the documents' words, without filler words, an
    indirect or reported question as the direct one (`plan.direct`)."""
    lexical = services.retriever.lexical
    with _step(services, "translate"):
        vocabulary = lexical.analyzer.vocabulary
        asked = read_question(question, vocabulary.__contains__, lambda w: stem(w) in vocabulary)
    catalogue = services.catalogue
    # a group word the advisor knows is no typo: "skolelederne" is not "skoleeierne"
    keep = (lambda word: known_group(catalogue, word)) if catalogue is not None else None
    return replace(asked, bokmal=direct(correct(asked.bokmal, lexical, keep)))


def _render(services: Services, answer: Answer, target: Maalform) -> Answer:
    """The last step of every answer, so it also readies Apertium for the next one."""
    if answer.maalform != target:
        with _step(services, "translate"):
            current: Maalform = "nn" if answer.maalform == "nn" else "nb"
            rendered = render(answer.answer, current, target, quotes=bool(answer.citations))
        answer = replace(answer, answer=rendered.text, maalform=rendered.maalform)
    warm_spares()
    return answer


def resolve(services: Services, question: str, previous: Sequence[str]) -> str:
    """The follow-up as a standalone question: by the LLM when one is configured (falling back to the
    rules if it fails or rewrites into something implausible), else by the rules."""
    with _step(services, "resolve"):
        if services.llm is not None and previous:
            try:
                rewritten = services.llm.rewrite_follow_up(question, previous)
            except LLMUnavailable:
                rewritten = ""
            if 0 < len(rewritten) <= 3 * len(question) + 200:
                return rewritten
        return resolve_follow_up(question, previous, services.retriever.lexical, listed_group)


@dataclass(frozen=True)
class _Turn:
    """A conversation turn read, resolved and routed, before any answer text is written."""

    question: str  # as the user wrote it
    conversation_id: str
    first: bool
    target: Maalform
    resolved: str
    plan: AnswerPlan
    advice: Answer | None
    retrieved: _Retrieved | None
    stored: bool  # False for stateless turns
    previous: tuple[str, ...] = ()  # the conversation's earlier questions, resolved


def _turn(
    services: Services,
    question: str,
    conversation_id: str | None,
    maalform: Maalform | None,
    earlier: Sequence[str] | None = None,
) -> _Turn:
    """`earlier` given means a stateless turn (the OpenAI protocol): the earlier user questions come
    with the request, are resolved in order as a stored conversation would have been, and nothing is
    stored. Otherwise the conversation is looked up (None starts one)."""
    question = validate_question(question, services.settings)
    log = services.chatlog
    first = conversation_id is None
    previous: list[str] = []
    if earlier is not None:
        conversation_id = ""
        for text in earlier:
            if text.strip():
                previous.append(resolve(services, _read(services, text.strip()).bokmal, previous))
    elif conversation_id is None:
        conversation_id = log.new_conversation_id()
    else:
        log.require_conversation(conversation_id)
        previous = log.resolved_questions(conversation_id)
    if services.settings.log_questions:
        logger.info("Question in %s: %s", conversation_id or "a stateless request", question)
    asked = _read(services, question)
    resolved = resolve(services, asked.bokmal, previous)
    plan = _own_schemes(services, asked.bokmal, resolved, _plan(services, resolved, previous))
    # A question in parts is advised on part by part ("Kan vi melde behov i Rekom, og hvem sender vi det
    # til?": the advisor answers the first, retrieval the second).
    # "Får lærerne betalt overtid for kursdagene?" names a group, but asks after a matter the documents
    # never speak of: not the advisor's (who would say the group is in it), but refused by retrieval.
    advised = not plan.multi_part and _unspoken_reason(services, resolved) is None
    advice = _advice(services, asked.bokmal, resolved, previous, conversation_id) if advised else None
    retrieved = None if advice or plan.multi_part else _retrieve(services, resolved, plan)
    if retrieved is not None and resolved == asked.bokmal and _needs_referent(services, retrieved, plan):
        retrieved = replace(retrieved, abstain=texts.CLARIFY_REFERENT)
    target = maalform or asked.maalform
    stored = earlier is None
    return _Turn(
        question, conversation_id, first, target, resolved, plan, advice, retrieved, stored, tuple(previous)
    )


def _own_schemes(services: Services, asked: str, resolved: str, plan: AnswerPlan) -> AnswerPlan:
    """A follow-up that names a scheme of its own is about that scheme, though its resolution brings the
    scheme asked about before along («Er det fylkeskommunen også i ordningen for barnehage og skole?» after
    who coordinates the fag- og yrkesopplæring forum): the scheme talked about before is context."""
    if services.scope is None or resolved == asked:
        return plan
    own = services.scope.asked(asked)
    if not own or not set(plan.schemes) - related(own):
        return plan
    return replace(plan, schemes=tuple(own), schemes_from="question")


def _needs_referent(services: Services, retrieved: _Retrieved, plan: AnswerPlan) -> bool:
    """A question that leans on something not said ("Hvem leder det forumet?" as a first question, or a
    follow-up the rules could not resolve) gets a question back: with no scheme in view, any answer
    would be about whichever scheme's passage came first, and a refusal would say the documents don't
    know. A question that says which scheme it means, or was refused for another reason, is left."""
    question = retrieved.question
    if retrieved.abstain not in (None, texts.ABSTAIN_OFF_DOMAIN, texts.ABSTAIN_WEAK_EVIDENCE):
        return False
    # An answer was found: only a pronoun or "det forumet" is too vague to answer; a bare "ordningen"
    # is often meant generally.
    explicitly = retrieved.abstain is None
    return (
        not plan.schemes
        and not asks_other_service(question)
        and not asks_to_drop_instructions(question)
        and points_back(question, services.retriever.lexical, explicitly=explicitly)
    )


def _store(services: Services, turn: _Turn, answer: Answer) -> Answer:
    if not turn.stored:
        return answer
    with _step(services, "store"):
        message_id = services.chatlog.add_exchange(turn.question, answer, turn.first)
    return replace(answer, message_id=message_id)


def ask(
    services: Services, question: str, conversation_id: str | None = None, maalform: Maalform | None = None
) -> Answer:
    """A turn in a stored conversation: a follow-up is resolved against the earlier turns, and the
    exchange is kept so the next turn can build on it. No id starts a new conversation. The answer
    is in `maalform`, or in the written standard of the question when that is None."""
    turn = _turn(services, question, conversation_id, maalform)
    return _store(services, turn, _render(services, _turn_answer(services, turn), turn.target))


def _turn_answer(services: Services, turn: _Turn) -> Answer:
    return _refusal_led(turn.plan, _answer_of(services, turn))


# Refusals that say the documents do not give what was asked (not off-domain, not a request for contact
# details): to a yes/no question, they open with the verdict «Kildene sier ikke dette direkte».
_UNSAID_REFUSALS = (texts.ABSTAIN_UNSPOKEN.partition("«")[0], texts.ABSTAIN_OTHER_YEAR.partition("{")[0])


def _refusal_led(plan: AnswerPlan, answer: Answer) -> Answer:
    """A yes/no question the documents don't settle is still answered as one: the refusal opens with the
    verdict «Kildene sier ikke dette direkte» before it says why and whom to ask."""
    if not answer.abstained or plan.type != "ja_nei":
        return answer
    if answer.answer == texts.ABSTAIN_WEAK_EVIDENCE:
        return replace(answer, answer=texts.ABSTAIN_YES_NO)
    if answer.answer.startswith(_UNSAID_REFUSALS):
        return replace(answer, answer=f"{texts.NOT_DIRECTLY} {answer.answer}")
    return answer


def _answer_of(services: Services, turn: _Turn) -> Answer:
    if turn.advice is not None:
        return turn.advice
    if turn.retrieved is None:  # a question in parts: each part is advised on or retrieved on its own
        return _in_parts(services, turn.plan, turn.target, turn.conversation_id, advised=turn.previous)
    if turn.retrieved.abstain is None and (
        compared := _compared(services, turn.plan, turn.target, turn.conversation_id)
    ):
        return compared
    each = _for_each_scheme(services, turn.retrieved, turn.target, turn.conversation_id)
    if each is not None:
        return each
    written = _written(services, turn.retrieved, turn.target, turn.conversation_id)
    # "Hvilke er det?" after "Hvor mange …?": a sentence that counts them or speaks of them is no answer
    lexical = services.retriever.lexical
    if (
        not written.abstained
        and asks_which_of_counted(turn.resolved, turn.previous[-1:])
        and not names_instances(lexical, turn.resolved, written.answer, written.citations)
    ):
        return _abstained(turn.retrieved, texts.ABSTAIN_NOT_NAMED, turn.conversation_id)
    # "Hvilke universiteter er partnere?" answered with sentences that speak of universities but name none:
    # the gap is said first, above the count the sources give; with no count, the sentences are no answer.
    # "Hvilke fylkeskommuner deltar i hospiteringsordningen?" answered with what the scheme is: the kind
    # asked after is in no sentence of the answer, which says nothing of which ones
    cited = written.citations
    # "Hvem bestemmer hvilke kommuner som får oppfølgingsordningen?" answered by who gets it: no one deciding
    # is named (parts are read so by speaks_to already)
    if not written.abstained and decider_unsaid(lexical, turn.resolved, written.answer, cited):
        return _abstained(turn.retrieved, texts.ABSTAIN_WEAK_EVIDENCE, turn.conversation_id)
    # "Hvor mye får vi?" from a kommune, answered with the county's totals: the share itself is not given
    share_gap = None if written.abstained else share_unsaid(turn.resolved, unmarked(written.answer))
    if share_gap and not totals_fit(turn.resolved, cited):  # "Hvor mye får vi i vikarmidler?"
        return _abstained(turn.retrieved, texts.ABSTAIN_WEAK_EVIDENCE, turn.conversation_id)
    if share_gap:
        return replace(written, answer=f"{share_gap}\n{written.answer}")
    unsaid = None if written.abstained else unsaid_kind(lexical, turn.resolved, written.answer, cited)
    if unsaid:
        gap = texts.NOT_NAMED_KIND.format(kind=unsaid.lower())
        return _abstained(turn.retrieved, f"{gap} {texts.WHOM_TO_ASK}", turn.conversation_id)
    kind = asks_which_named(turn.resolved)
    if (
        kind
        and not written.abstained
        and not names_instances(lexical, turn.resolved, written.answer, written.citations)
    ):
        gap = texts.NOT_NAMED_KIND.format(kind=kind.lower())
        if not re.search(r"\d", MARKER.sub("", unmarked(written.answer))):
            return _abstained(turn.retrieved, f"{gap} {texts.WHOM_TO_ASK}", turn.conversation_id)
        return replace(written, answer=f"{gap}\n{written.answer}")
    return written


@dataclass(frozen=True)
class Delta:
    text: str


@dataclass(frozen=True)
class Restart:
    """Discard the text streamed so far: the LLM failed midway, and the answer follows anew."""

    notice: str


@dataclass(frozen=True)
class Done:
    answer: Answer  # the whole answer as stored, with citations


StreamEvent = Delta | Restart | Done


def ask_stream(
    services: Services,
    question: str,
    conversation_id: str | None = None,
    maalform: Maalform | None = None,
    earlier: Sequence[str] | None = None,
) -> Iterator[StreamEvent]:
    """`ask`, with the answer text in pieces as it is written. Everything that can reject the request
    (bad question, unknown conversation, unavailable index) happens before this returns, so front ends
    can still answer with a plain error; only the writing is left to the iterator. `earlier` makes it
    a stateless turn, as in `ask_with_history`."""
    turn = _turn(services, question, conversation_id, maalform, earlier)
    retrieved = turn.retrieved
    # "Hvilke er det?" after a count is checked on the whole answer: streamed text cannot be taken back
    # quietly if it only counts them again.
    which_of_counted = asks_which_of_counted(turn.resolved, turn.previous[-1:])
    if services.llm is None or retrieved is None or retrieved.abstain is not None or which_of_counted:
        answer = _store(services, turn, _render(services, _turn_answer(services, turn), turn.target))
        return _whole(answer)
    return _streamed(services, turn, retrieved, services.llm)


def _whole(answer: Answer) -> Iterator[StreamEvent]:
    for piece in pieces(answer.answer):
        yield Delta(piece)
    yield Done(answer)


def _streamed(
    services: Services, turn: _Turn, retrieved: _Retrieved, llm: LLMBackend
) -> Iterator[StreamEvent]:
    sent = False
    for item in stream_llm(retrieved.question, retrieved.hits, llm, turn.target):
        if isinstance(item, str):
            sent = True
            yield Delta(item)
        elif isinstance(item, Composed):
            # Text already sent cannot take a "(per <dato>)" mark; the prompt gives each source's date.
            answer = _checked(services, retrieved, item, turn.conversation_id, mark=False)
            if answer.answer.startswith(item.text):  # accepted: send what follows the streamed text
                rest = answer.answer[len(item.text) :]
                if rest:
                    yield Delta(rest)
                yield Done(_store(services, turn, answer))
                return
            notice = texts.LLM_NO_CITED_CLAIM
        else:
            notice = item.notice
    if sent:
        yield Restart(notice)
    with _step(services, "answer"):
        composed = extract(retrieved.question, retrieved.hits, services.backend, notice=notice)
    answer = _render(services, _checked(services, retrieved, composed, turn.conversation_id), turn.target)
    yield from _whole(_store(services, turn, answer))


def ask_with_history(
    services: Services, question: str, earlier: Sequence[str], maalform: Maalform | None = None
) -> Answer:
    """A turn whose earlier user questions come with the request (the OpenAI protocol is stateless);
    nothing is stored."""
    turn = _turn(services, question, None, maalform, earlier)
    return _render(services, _turn_answer(services, turn), turn.target)


def _advice(
    services: Services,
    raw: str,
    resolved: str,
    previous: Sequence[str],
    conversation_id: str = "",
    *,
    matches: bool = True,
) -> Answer | None:
    """The scheme advisor's answer when the question is for it ("which schemes fit us?", "is this
    group in the target group?"), else None and the question goes to retrieval."""
    if services.catalogue is None:
        return None
    with _step(services, "advise"):
        advice = advise(
            resolved, previous, services.catalogue, services.retriever.passages, raw, matches=matches
        )
    if advice is None:
        return None
    return Answer(conversation_id, advice.text, advice.citations, resolved_question=resolved, route="advisor")


def draft_reply(
    services: Services,
    inquiry: str,
    maalform: Maalform | None = None,
    sender: str | None = None,
    recipient: str | None = None,
    today: date | None = None,
) -> Letter:
    """A reply letter to `inquiry`, each of its questions answered in letter style. Nothing is stored."""
    questions = split_inquiry(inquiry)
    around = around_questions(inquiry, questions)
    named = _inquiry_schemes(services, questions, around)
    # Whom the letter is written to says which scheme a question the schemes answer differently is asked
    # of, when the letter names none; it is no more than that (a question of another scheme keeps it).
    addressed = () if named else tuple(_addressed_scheme(services, inquiry))
    sectors = asked_sectors(around) if services.scope is not None else ()
    context = DraftContext(
        answer=lambda question, target: answer_question(
            services,
            question,
            maalform=target,
            style="letter",
            letter_schemes=tuple(named),
            letter_sectors=sectors,
            addressed=addressed,
        ),
        passages=services.retriever.passages,
        catalogue=services.catalogue,
        max_question_chars=services.settings.max_question_chars,
    )
    return letters.draft_reply(context, inquiry, maalform, sender, recipient, today)


def _inquiry_schemes(services: Services, questions: list[str], around: str) -> list[str]:
    """The scheme the letter is about: named around its questions, or else the one scheme its questions
    name, which the others then mean by «ordningen» or «forumet», as a conversation's follow-ups do."""
    if services.scope is None:
        return []
    named = services.scope.named(around)
    if named:
        return named
    in_questions = {tuple(services.scope.named(q)) for q in questions} - {()}
    return list(in_questions.pop()) if len(in_questions) == 1 else []


def _addressed_scheme(services: Services, inquiry: str) -> list[str]:
    """The scheme a letter that names none is about, by whom it is written to: of the schemes whose
    questions read alike (scope.yaml `alternatives`, the ones with a samarbeidsforum), the one that says to
    apply to that body. «Til Statsforvalteren … Hvem betaler ut pengene?» asks of the scheme for barnehage
    and grunnopplæring, not of each scheme in turn; a question that points at another keeps its own."""
    whom = {stem(w) for w in content_words(addressee(inquiry))}
    if services.scope is None or not whom:
        return []
    fits = [
        scheme_id
        for scheme_id in rule_file(ScopeRules).alternatives
        if (scheme := services.scope.catalogue.get(scheme_id)) is not None
        and any({stem(w) for w in words(e.value)} & whom for e in scheme.apply_to)
    ]
    return fits if len(fits) == 1 else []
