"""The LLM backend against a real HTTP server on loopback, through the real langchain clients.

The server is scripted (tests/llm_server.py): what a test enqueues is what the client receives, and
what the client sent is recorded, so both the request (prompt, sources, målform) and the failure modes
(timeout, 429, 500, refused connection, broken stream) are checked end to end.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator

import pytest

from assistant import texts
from assistant.answer.citations import StreamVerifier, finalize
from assistant.answer.llm import LLMBackend, LLMNotConfigured, LLMUnavailable, build_llm, source_block
from assistant.config import Settings
from assistant.models import Passage, ScoredPassage
from tests.llm_server import BackendFactory, LLMServer, llm_settings

SLOW_S = 20.0  # far beyond the client's TIMEOUT_S

BACKENDS = ["openai", "ollama"]


def _hits() -> list[ScoredPassage]:
    def hit(i: int, title: str, section: str, text: str, published: str | None) -> ScoredPassage:
        passage = Passage(f"d{i}::0", f"d{i}.md", title, section, text, 0, "h", published=published)
        return ScoredPassage(passage, score=1.0 - i / 10)

    return [
        hit(0, "Regional ordning", "Regional ordning > Frister", "Søknadsfristen er 1. mars.", "2025-11-03"),
        hit(1, "Dekom", "Dekom > Søknad", "Skoleeiere søker gjennom Statsforvalteren.", None),
    ]


def _consume(pieces: Iterator[str], seen: list[str] | None = None) -> list[str]:
    """All pieces; `seen` keeps what the caller got before the iterator raised."""
    seen = [] if seen is None else seen
    for piece in pieces:
        seen.append(piece)
    return seen


def test_the_sources_are_numbered_with_title_date_and_section() -> None:
    block = source_block(_hits())
    assert block == (
        "[1] Regional ordning (3. november 2025) — Regional ordning > Frister\nSøknadsfristen er 1. mars.\n\n"
        "[2] Dekom (udatert) — Dekom > Søknad\nSkoleeiere søker gjennom Statsforvalteren."
    )
    bare = ScoredPassage(Passage("x::0", "x.md", "Uten del", "", "Tekst.", 0, "h"), 1.0)
    assert source_block([bare]) == "[1] Uten del (udatert)\nTekst."


@pytest.mark.parametrize("kind", BACKENDS)
def test_draft_sends_prompt_sources_and_maalform_and_returns_the_answer(
    kind: str, llm_server: LLMServer, make_backend: BackendFactory
) -> None:
    hits = _hits()
    llm_server.reply("Fristen er 1. mars [1]. ", "Skoleeigarar søkjer via Statsforvaltaren [2].")
    draft = make_backend(kind).draft("Kva er fristen, og kven søkjer?", hits, maalform="nn")
    assert draft == "Fristen er 1. mars [1]. Skoleeigarar søkjer via Statsforvaltaren [2]."
    verified = finalize(draft, hits)
    assert verified.text == draft and [c.document for c in verified.citations] == ["d0.md", "d1.md"]

    [request] = llm_server.requests
    assert request.path == ("/v1/chat/completions" if kind == "openai" else "/api/chat")
    assert request.body["model"] == "testmodell"
    assert [m["role"] for m in request.body["messages"]] == ["system", "user"]
    assert request.system.startswith("Du er Kompetanseassistenten.")
    assert "Finn aldri opp et kildenummer" in request.system
    assert "Skriv på nynorsk" in request.system and "{maalform_name}" not in request.system
    first = "[1] Regional ordning (3. november 2025) — Regional ordning > Frister\nSøknadsfristen er 1. mars."
    assert first in request.user
    assert "[2] Dekom (udatert) — Dekom > Søknad" in request.user
    assert request.user.endswith("Spørsmål: Kva er fristen, og kven søkjer?")


def test_bokmaal_is_the_default_and_a_letter_uses_the_reply_prompt(
    llm_server: LLMServer, make_backend: BackendFactory
) -> None:
    backend = make_backend("openai")
    llm_server.reply("Svar [1].")
    llm_server.reply("Vi viser til henvendelsen din. Fristen er 1. mars [1].")
    backend.draft("Hva er fristen?", _hits())
    backend.draft("Hva er fristen?", _hits(), style="letter")
    answer, letter = llm_server.requests
    assert "Skriv på bokmål" in answer.system and "svarbrev" not in answer.system
    assert "svarbrev" in letter.system and "Skriv på bokmål" in letter.system
    assert letter.user.endswith("Spørsmål fra henvendelsen: Hva er fristen?")


def test_openai_settings_reach_the_request(llm_server: LLMServer, make_backend: BackendFactory) -> None:
    llm_server.reply("Svar [1].")
    make_backend("openai", llm_temperature=0.3).draft("Hva?", _hits())
    assert llm_server.requests[0].body["temperature"] == 0.3
    assert llm_server.requests[0].body.get("stream") in (None, False)


@pytest.mark.parametrize("kind", BACKENDS)
def test_streaming_yields_the_pieces_and_the_verifier_matches_finalize(
    kind: str, llm_server: LLMServer, make_backend: BackendFactory
) -> None:
    hits = _hits()
    chunks = ("Fristen er ", "1. mars [", "1]. Skoleeiere søker ", "via Statsforvalteren [2", "].")
    llm_server.reply(*chunks)
    pieces = _consume(make_backend(kind).stream("Hva er fristen?", hits))
    assert pieces == list(chunks)
    assert llm_server.requests[0].body["stream"] is True
    assert "Søknadsfristen er 1. mars." in llm_server.requests[0].user

    verifier = StreamVerifier(len(hits))
    streamed = "".join(verifier.feed(p) for p in pieces) + verifier.close()
    whole = finalize("".join(pieces), hits)
    assert streamed == whole.text == "Fristen er 1. mars [1]. Skoleeiere søker via Statsforvalteren [2]."
    assert verifier.citations(hits) == whole.citations


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_hallucinated_source_number_is_dropped(
    kind: str, llm_server: LLMServer, make_backend: BackendFactory
) -> None:
    hits = _hits()
    backend = make_backend(kind)
    llm_server.reply("Fristen er 1. mars [1]. Tilskuddet er 500 000 kroner [9].")
    verified = finalize(backend.draft("Hva er fristen?", hits), hits)
    assert verified.text == "Fristen er 1. mars [1]. Tilskuddet er 500 000 kroner."
    assert verified.dropped_markers == 1 and len(verified.citations) == 1

    llm_server.reply("Fristen er 1. mars [", "1]. Tilskuddet er 500 000 kroner [", "9].")
    verifier = StreamVerifier(len(hits))
    streamed = "".join(verifier.feed(p) for p in backend.stream("Hva er fristen?", hits)) + verifier.close()
    assert streamed == verified.text
    assert verifier.dropped == 1 and verifier.used == [1]


def _assert_unavailable(info: pytest.ExceptionInfo[LLMUnavailable]) -> None:
    assert info.value.code == "llm_unavailable"
    assert info.value.message == texts.LLM_UNAVAILABLE
    assert info.value.__cause__ is not None  # the cause is kept for the log and the debugger


@pytest.mark.parametrize("kind", BACKENDS)
@pytest.mark.parametrize("call", ["draft", "stream"])
def test_a_slow_server_times_out_quickly(
    kind: str, call: str, llm_server: LLMServer, make_backend: BackendFactory
) -> None:
    backend = make_backend(kind)
    llm_server.reply("For sent [1].", delay_s=SLOW_S)
    start = time.monotonic()
    with pytest.raises(LLMUnavailable) as info:
        _call(backend, call)
    # The client gave up, not the server: it would have answered only after SLOW_S. (How quickly the
    # timeout fires is a matter for benchmarks, not a wall-clock assert on a shared machine.)
    assert time.monotonic() - start < SLOW_S
    _assert_unavailable(info)


@pytest.mark.parametrize("kind", BACKENDS)
@pytest.mark.parametrize("status", [429, 500, 503])
@pytest.mark.parametrize("call", ["draft", "stream"])
def test_http_errors_become_llm_unavailable_with_a_logged_cause(
    kind: str,
    status: int,
    call: str,
    llm_server: LLMServer,
    make_backend: BackendFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    backend = make_backend(kind)
    llm_server.fail(status)
    with (
        caplog.at_level(logging.WARNING, logger="assistant.answer.llm"),
        pytest.raises(LLMUnavailable) as info,
    ):
        _call(backend, call)
    _assert_unavailable(info)
    assert len(llm_server.requests) == 1  # no retries: the extractive answer is the fallback
    [record] = caplog.records
    assert str(status) in record.getMessage() and kind in record.getMessage()
    assert not record.exc_info  # a known client error: one line, no traceback


def _call(backend: LLMBackend, call: str) -> None:
    if call == "draft":
        backend.draft("Hva er fristen?", _hits())
    elif call == "stream":
        _consume(backend.stream("Hva er fristen?", _hits()))
    else:
        backend.rewrite_follow_up("Og fristen?", ["Hva er Dekom?"])


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("kind", BACKENDS)
@pytest.mark.parametrize("call", ["draft", "stream", "rewrite"])
def test_a_refused_connection_becomes_llm_unavailable(kind: str, call: str) -> None:
    url = f"http://127.0.0.1:{_closed_port()}" + ("/v1" if kind == "openai" else "")
    backend = build_llm(llm_settings(kind, url))
    assert backend is not None
    with pytest.raises(LLMUnavailable) as info:
        _call(backend, call)
    _assert_unavailable(info)


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_stream_that_breaks_off_raises_from_the_iterator(
    kind: str, llm_server: LLMServer, make_backend: BackendFactory
) -> None:
    llm_server.break_stream("Fristen er ", "1. mars [1]", ". Dessuten", after=2)
    seen: list[str] = []
    with pytest.raises(LLMUnavailable) as info:
        _consume(make_backend(kind).stream("Hva er fristen?", _hits()), seen)
    assert seen == ["Fristen er ", "1. mars [1]"]
    _assert_unavailable(info)


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_stream_that_ends_without_the_models_last_word_is_a_failure(
    kind: str, llm_server: LLMServer, make_backend: BackendFactory
) -> None:
    llm_server.reply("Fristen er ", "1. mars", unfinished=True)
    with pytest.raises(LLMUnavailable):
        _consume(make_backend(kind).stream("Hva er fristen?", _hits()))


@pytest.mark.parametrize("kind", BACKENDS)
@pytest.mark.parametrize("call", ["draft", "stream"])
def test_an_empty_reply_is_a_failure(
    kind: str, call: str, llm_server: LLMServer, make_backend: BackendFactory
) -> None:
    llm_server.reply(" ", "\n")
    with pytest.raises(LLMUnavailable):
        _call(make_backend(kind), call)


def test_without_hits_the_model_is_not_asked(llm_server: LLMServer, make_backend: BackendFactory) -> None:
    backend = make_backend("openai")
    assert backend.draft("Hva?", []) == ""
    assert list(backend.stream("Hva?", [])) == []
    assert llm_server.requests == []


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_follow_up_is_rewritten_to_one_standalone_line(
    kind: str, llm_server: LLMServer, make_backend: BackendFactory
) -> None:
    llm_server.reply("\n«Når er søknadsfristen for Dekom?»\n\nForklaring: viser til Dekom.")
    backend = make_backend(kind)
    rewritten = backend.rewrite_follow_up("Og når er fristen?", ["Hva er Dekom?", "Hvem kan søke?"])
    assert rewritten == "Når er søknadsfristen for Dekom?"
    [request] = llm_server.requests
    assert "én linje" in request.system
    assert request.user == (
        "Tidligere spørsmål:\n- Hva er Dekom?\n- Hvem kan søke?\n\nNytt spørsmål: Og når er fristen?"
    )


def test_a_first_question_needs_no_rewrite(llm_server: LLMServer, make_backend: BackendFactory) -> None:
    assert make_backend("openai").rewrite_follow_up(" Hva er Dekom? ", []) == "Hva er Dekom?"
    assert llm_server.requests == []


def test_a_failed_rewrite_is_llm_unavailable(llm_server: LLMServer, make_backend: BackendFactory) -> None:
    llm_server.fail(500)
    with pytest.raises(LLMUnavailable):
        make_backend("ollama").rewrite_follow_up("Og fristen?", ["Hva er Dekom?"])


def test_the_extractive_default_builds_no_llm_and_a_missing_model_is_reported() -> None:
    assert build_llm(Settings()) is None
    with pytest.raises(LLMNotConfigured, match="ASSISTANT_LLM_MODEL"):
        build_llm(Settings(llm="ollama", llm_model=None))
