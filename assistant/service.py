"""The use cases every front end calls: ingest, search, ask. Built once from Settings."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant import texts
from assistant.advisor import advise
from assistant.answer.citations import abstain_reason, finalize, unsupported_answer_reason
from assistant.answer.extractive import AnswerBackend, ExtractiveBackend, Style
from assistant.chatlog import ChatLog
from assistant.config import Settings
from assistant.conversation import resolve_follow_up
from assistant.errors import EmptyQuestion, QuestionTooLong
from assistant.index.embedders import Embedder, build_embedder
from assistant.index.store import ChromaStore, build_store
from assistant.ingest.pipeline import IngestReport, Progress, ingest
from assistant.language import Asked, Maalform, read_question, render
from assistant.models import Answer, ScoredPassage
from assistant.retrieval import Mode, Retriever
from assistant.schemes import Catalogue, load_catalogue

logger = logging.getLogger(__name__)


StepObserver = Callable[[str, float], None]


def _ignore_step(_step: str, _seconds: float) -> None:
    pass


@dataclass
class Services:
    settings: Settings
    embedder: Embedder
    store: ChromaStore
    retriever: Retriever
    backend: AnswerBackend
    chatlog: ChatLog
    catalogue: Catalogue | None = None  # the scheme advisor; None when the corpus has no schemes.yaml
    # Called with (step, seconds) for each pipeline step; the API feeds it to its metrics.
    observe: StepObserver = _ignore_step
    # One writer at a time: ingests and deletes are serialised, searches never wait for them.
    write_lock: threading.Lock = field(default_factory=threading.Lock)


def build_services(settings: Settings, embedder: Embedder | None = None) -> Services:
    embedder = embedder or build_embedder(settings)
    store = build_store(settings, embedder.name)
    retriever = Retriever(settings, embedder, store)
    backend = ExtractiveBackend(lambda: retriever.lexical, settings.answer_max_sentences)
    catalogue = None
    if settings.schemes_file.is_file():
        catalogue = load_catalogue(settings.schemes_file, settings.corpus_dir)
    else:
        logger.info("No scheme catalogue at %s; the advisor is off", settings.schemes_file)
    return Services(settings, embedder, store, retriever, backend, ChatLog(settings.database), catalogue)


@contextmanager
def _step(services: Services, name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        services.observe(name, time.perf_counter() - start)


def ingest_paths(services: Services, paths: Iterable[Path], progress: Progress | None = None) -> IngestReport:
    with services.write_lock, _step(services, "ingest"):
        report = ingest(paths, services.embedder, services.store, services.settings.chunk_max_chars, progress)
        if report.changed or services.retriever.size != report.chunks:
            services.retriever.refresh()
    return report


def ensure_index(services: Services, progress: Progress | None = None) -> IngestReport | None:
    """Ingest the corpus when the index is empty, so a first `ask` just works."""
    if services.store.count() > 0:
        return None
    logger.info(texts.INDEX_EMPTY_INGESTING.format(path=services.settings.corpus_dir))
    return ingest_paths(services, [services.settings.corpus_dir], progress)


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
) -> Answer:
    """One standalone question, in bokmål or nynorsk, answered in `maalform` (None: as asked).
    Nothing is stored."""
    question = validate_question(question, services.settings)
    asked = _read(services, question)
    answer = _answer(services, asked.bokmal, conversation_id, style)
    return _render(services, answer, maalform or asked.maalform)


def _answer(services: Services, question: str, conversation_id: str = "", style: Style = "answer") -> Answer:
    """Retrieval, drafting and verification of a bokmål question; the answer is in bokmål."""
    with _step(services, "retrieve"):
        hits = services.retriever.search(question)
    reason = abstain_reason(question, hits, services.settings, services.retriever.lexical.knows)
    if reason is None:
        with _step(services, "answer"):
            verified = finalize(services.backend.draft(question, hits, "nb", style), hits)
        reason = unsupported_answer_reason(question, verified.text, verified.citations)
        if verified.citations and reason is None:
            return Answer(conversation_id, verified.text, verified.citations, resolved_question=question)
        reason = reason or texts.ABSTAIN_WEAK_EVIDENCE
    return Answer(conversation_id, reason, [], abstained=True, resolved_question=question)


def _read(services: Services, question: str) -> Asked:
    with _step(services, "translate"):
        return read_question(question)


def _render(services: Services, answer: Answer, target: Maalform) -> Answer:
    if answer.maalform == target:
        return answer
    with _step(services, "translate"):
        rendered = render(answer.answer, "nb" if answer.maalform == "nb" else "nn", target)
    return replace(answer, answer=rendered.text, maalform=rendered.maalform)


def resolve(services: Services, question: str, previous: Sequence[str]) -> str:
    with _step(services, "resolve"):
        return resolve_follow_up(question, previous, services.retriever.lexical)


def ask(
    services: Services, question: str, conversation_id: str | None = None, maalform: Maalform | None = None
) -> Answer:
    """A turn in a stored conversation: a follow-up is resolved against the earlier turns, and the
    exchange is kept so the next turn can build on it. No id starts a new conversation. The answer
    is in `maalform`, or in the written standard of the question when that is None."""
    question = validate_question(question, services.settings)
    log = services.chatlog
    first = conversation_id is None
    if conversation_id is None:
        conversation_id, previous = log.new_conversation_id(), []
    else:
        log.require_conversation(conversation_id)
        previous = log.resolved_questions(conversation_id)
    if services.settings.log_questions:
        logger.info("Question in %s: %s", conversation_id, question)
    asked = _read(services, question)
    resolved = resolve(services, asked.bokmal, previous)
    answer = _advice(services, asked.bokmal, resolved, previous, conversation_id)
    answer = answer or _answer(services, resolved, conversation_id)
    answer = _render(services, answer, maalform or asked.maalform)
    with _step(services, "store"):
        message_id = log.add_exchange(question, answer, first)
    return replace(answer, message_id=message_id)


def ask_with_history(
    services: Services, question: str, earlier: Sequence[str], maalform: Maalform | None = None
) -> Answer:
    """A turn whose earlier user questions come with the request (the OpenAI protocol is stateless):
    they are resolved in order, as a stored conversation would have, and nothing is stored."""
    question = validate_question(question, services.settings)
    previous: list[str] = []
    for text in earlier:
        if text.strip():
            previous.append(resolve(services, _read(services, text.strip()).bokmal, previous))
    asked = _read(services, question)
    resolved = resolve(services, asked.bokmal, previous)
    answer = _advice(services, asked.bokmal, resolved, previous) or _answer(services, resolved)
    return _render(services, answer, maalform or asked.maalform)


def _advice(
    services: Services, raw: str, resolved: str, previous: Sequence[str], conversation_id: str = ""
) -> Answer | None:
    """The scheme advisor's answer when the question is for it ("which schemes fit us?", "is this
    group in the target group?"), else None and the question goes to retrieval."""
    if services.catalogue is None:
        return None
    with _step(services, "advise"):
        advice = advise(resolved, previous, services.catalogue, services.retriever.passages, raw)
    if advice is None:
        return None
    return Answer(conversation_id, advice.text, advice.citations, resolved_question=resolved, route="advisor")
