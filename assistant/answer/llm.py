"""The optional LLM answer backend: a chat model through langchain (an OpenAI-compatible endpoint or
Ollama's own API) writes the answer from the numbered sources.

The LLM is an improvement, never a dependency: every failure (timeout, refused connection, HTTP error,
broken or empty stream) becomes LLMUnavailable, and the caller answers extractively instead. langchain is
imported inside `build_llm` and its types stay in this module, so the rest of the package neither loads
nor sees it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from assistant import texts
from assistant.answer.extractive import Style
from assistant.answer.prompts import Prompt, load_prompt
from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.freshness import format_date
from assistant.models import AnswerPlan, Maalform, ScoredPassage

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

logger = logging.getLogger(__name__)

# Local OpenAI-compatible servers (vLLM, llama.cpp, Ollama's /v1) ignore the key, but the client needs one.
_NO_KEY = "unused"
_QUOTES = "\"'«»“”"


class LLMUnavailable(AssistantError):
    code = "llm_unavailable"

    def __init__(self, message: str = texts.LLM_UNAVAILABLE) -> None:
        super().__init__(message)


class LLMNotConfigured(AssistantError):
    code = "llm_not_configured"


@dataclass(frozen=True)
class Prompts:
    answer: Prompt
    letter: Prompt
    follow_up: Prompt

    def system(self, style: Style) -> Prompt:
        return self.letter if style == "letter" else self.answer


def load_prompts(prompts_dir: Path, version: int | None = None) -> Prompts:
    return Prompts(
        answer=load_prompt(prompts_dir, "answer_system", version),
        letter=load_prompt(prompts_dir, "reply_draft", version),
        follow_up=load_prompt(prompts_dir, "followup_rewrite", version),
    )


def source_block(hits: Sequence[ScoredPassage]) -> str:
    """The hits as numbered sources, [1] first: the numbers the model cites and finalize verifies."""
    blocks = []
    for n, hit in enumerate(hits, start=1):
        p = hit.passage
        block = texts.LLM_SOURCE.format(
            n=n,
            title=_untagged(p.title),
            published=format_date(p.published),
            section=_untagged(p.section),
            text=_untagged(p.text),
        )
        # A passage without headings has no section; the dangling dash would read as a missing value.
        blocks.append(block.replace(" — \n", "\n", 1) if not p.section else block)
    return "\n\n".join(blocks)


_SOURCE_TAGS = re.compile(r"</?\s*kilder\s*>", re.IGNORECASE)


def _untagged(text: str) -> str:
    """A document's text without the tags that delimit the sources, so it cannot close the block early."""
    return _SOURCE_TAGS.sub("", text)


def answer_request(question: str, hits: Sequence[ScoredPassage], style: Style = "answer") -> str:
    template = texts.LLM_LETTER_REQUEST if style == "letter" else texts.LLM_ANSWER_REQUEST
    return template.format(sources=source_block(hits), question=question.strip())


def follow_up_request(question: str, previous: Sequence[str]) -> str:
    earlier = "\n".join(f"- {q.strip()}" for q in previous if q.strip())
    return texts.LLM_FOLLOW_UP_REQUEST.format(previous=earlier, question=question.strip())


def answer_messages(
    prompts: Prompts,
    question: str,
    hits: Sequence[ScoredPassage],
    maalform: Maalform = "nb",
    style: Style = "answer",
) -> list[tuple[str, str]]:
    """(role, content) pairs, the message form every langchain chat model accepts."""
    system = prompts.system(style).render(maalform_name=texts.MAALFORM_NAMES[maalform])
    return [("system", system), ("human", answer_request(question, hits, style))]


class LLMBackend:
    """An AnswerBackend backed by a langchain chat model; see the module docstring for failures."""

    def __init__(self, model: BaseChatModel, prompts: Prompts, name: str = "llm") -> None:
        self._model = model
        self.prompts = prompts
        self.name = name

    def draft(
        self,
        question: str,
        hits: list[ScoredPassage],
        maalform: Maalform = "nb",
        style: Style = "answer",
        plan: AnswerPlan | None = None,
    ) -> str:
        """The model's answer citing hits as [n]. The model reads the question itself, so `plan` is
        not used. Without hits there is nothing to cite from, so the
        model is not asked (as with the extractive backend, the draft is empty)."""
        if not hits:
            return ""
        with self._failures("draft"):
            reply = self._model.invoke(answer_messages(self.prompts, question, hits, maalform, style))
        text = reply.text.strip()
        if not text:
            self._fail("draft", "empty reply")
        return text

    def stream(
        self, question: str, hits: list[ScoredPassage], maalform: Maalform = "nb", style: Style = "answer"
    ) -> Iterator[str]:
        """The draft in pieces as the model writes them. A failure after the first piece also raises
        LLMUnavailable, from the iterator; so does a stream that ends without the model finishing."""
        if not hits:
            return
        messages = answer_messages(self.prompts, question, hits, maalform, style)
        got_text = finished = False
        with self._failures("stream"):
            for chunk in self._model.stream(messages):
                finished = finished or _is_last(chunk.response_metadata)
                if chunk.text:
                    got_text = got_text or bool(chunk.text.strip())
                    yield chunk.text
        if not got_text:
            self._fail("stream", "empty reply")
        if not finished:
            self._fail("stream", "the stream ended before the model finished")

    def rewrite_follow_up(self, question: str, previous: Sequence[str]) -> str:
        """`question` as one standalone question, resolved against the user's earlier questions."""
        if not any(q.strip() for q in previous):
            return question.strip()
        system = self.prompts.follow_up.render()
        with self._failures("follow-up rewrite"):
            reply = self._model.invoke([("system", system), ("human", follow_up_request(question, previous))])
        lines = [ln.strip().strip(_QUOTES).strip() for ln in reply.text.splitlines()]
        line = next((ln for ln in lines if ln), "")
        if not line:
            self._fail("follow-up rewrite", "empty reply")
        return line

    @contextmanager
    def _failures(self, what: str) -> Iterator[None]:
        """Any error from the client libraries becomes LLMUnavailable, logged with its cause. Errors
        outside the known families also get a traceback: they are more likely a bug than an outage."""
        try:
            yield
        except LLMUnavailable:
            raise
        except Exception as exc:
            logger.warning(
                "LLM %s (%s) failed: %s: %s",
                what,
                self.name,
                type(exc).__name__,
                exc,
                exc_info=not isinstance(exc, _client_errors()),
            )
            raise LLMUnavailable() from exc

    def _fail(self, what: str, cause: str) -> NoReturn:
        logger.warning("LLM %s (%s) failed: %s", what, self.name, cause)
        raise LLMUnavailable()


def _is_last(metadata: dict[str, Any]) -> bool:
    """OpenAI's last chunk has a finish_reason; Ollama's says done."""
    return bool(metadata.get("finish_reason") or metadata.get("done"))


def _client_errors() -> tuple[type[BaseException], ...]:
    import httpx
    import ollama
    import openai

    # OSError covers refused connections; ValueError covers unreadable replies (bad JSON, no data).
    return (openai.OpenAIError, httpx.HTTPError, ollama.ResponseError, OSError, ValueError)


def build_llm(settings: Settings) -> LLMBackend | None:
    """The LLM backend `settings.llm` names, or None for the extractive default. Prompts are read here,
    at start-up, so a missing prompt file stops the start instead of failing every answer."""
    if settings.llm == "extractive":
        return None
    name = settings.llm_model
    if not name:
        raise LLMNotConfigured(texts.LLM_MODEL_MISSING.format(backend=settings.llm))
    prompts = load_prompts(settings.prompts_dir, settings.prompt_version)
    model = _openai_model(settings, name) if settings.llm == "openai" else _ollama_model(settings, name)
    return LLMBackend(model, prompts, name=f"{settings.llm}:{name}")


def _openai_model(settings: Settings, name: str) -> BaseChatModel:
    import os

    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    key = settings.llm_api_key or SecretStr(os.environ.get("OPENAI_API_KEY", _NO_KEY))
    return ChatOpenAI(
        base_url=settings.llm_base_url,
        model=name,
        api_key=key,
        timeout=settings.llm_timeout_s,
        # One attempt: a retry doubles the wait, and the extractive answer is ready meanwhile.
        max_retries=0,
        temperature=settings.llm_temperature,
        # Chat completions is what every OpenAI-compatible server speaks; never switch to /responses.
        use_responses_api=False,
    )


def _ollama_model(settings: Settings, name: str) -> BaseChatModel:
    from langchain_ollama import ChatOllama

    # ChatOllama has no timeout of its own; the ollama client passes client_kwargs to httpx, whose
    # default there is no timeout at all. httpx applies it per connect/read, not to the whole answer.
    client_kwargs: dict[str, Any] = {"timeout": settings.llm_timeout_s}
    if settings.llm_api_key:  # an Ollama behind an authenticating proxy
        client_kwargs["headers"] = {"Authorization": f"Bearer {settings.llm_api_key.get_secret_value()}"}
    return ChatOllama(
        base_url=settings.llm_base_url,
        model=name,
        temperature=settings.llm_temperature,
        client_kwargs=client_kwargs,
    )
