"""The use cases every front end calls: ingest, search, ask. Built once from Settings."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant import texts
from assistant.answer.citations import abstain_reason, finalize, unsupported_answer_reason
from assistant.answer.extractive import AnswerBackend, ExtractiveBackend
from assistant.config import Settings
from assistant.errors import EmptyQuestion, QuestionTooLong
from assistant.index.embedders import Embedder, build_embedder
from assistant.index.store import ChromaStore, build_store
from assistant.ingest.pipeline import IngestReport, Progress, ingest
from assistant.models import Answer, ScoredPassage
from assistant.retrieval import Mode, Retriever

logger = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    embedder: Embedder
    store: ChromaStore
    retriever: Retriever
    backend: AnswerBackend


def build_services(settings: Settings, embedder: Embedder | None = None) -> Services:
    embedder = embedder or build_embedder(settings)
    store = build_store(settings, embedder.name)
    retriever = Retriever(settings, embedder, store)
    backend = ExtractiveBackend(lambda: retriever.lexical, settings.answer_max_sentences)
    return Services(settings, embedder, store, retriever, backend)


def ingest_paths(services: Services, paths: Iterable[Path], progress: Progress | None = None) -> IngestReport:
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
    services: Services, query: str, k: int | None = None, mode: Mode = "hybrid"
) -> list[ScoredPassage]:
    return services.retriever.search(validate_question(query, services.settings), k, mode)


def ask(services: Services, question: str, conversation_id: str | None = None) -> Answer:
    question = validate_question(question, services.settings)
    conversation_id = conversation_id or str(uuid.uuid4())
    hits = services.retriever.search(question)
    reason = abstain_reason(question, hits, services.settings, services.retriever.lexical.knows)
    if reason is None:
        verified = finalize(services.backend.draft(question, hits), hits)
        reason = unsupported_answer_reason(question, verified.text, verified.citations)
        if verified.citations and reason is None:
            return Answer(conversation_id, verified.text, verified.citations)
        reason = reason or texts.ABSTAIN_WEAK_EVIDENCE
    return Answer(conversation_id, reason, [], abstained=True)
