"""A hanging Apertium pipeline: the answer comes in bokmål with the notice within the timeout, none of
the pipeline's processes is left behind, and the next translation works. The fake `apertium`
(tests/fake_apertium.py) hangs in a child `sleep`, as a stage of the real pipeline would; killing only the
script left that child running, holding the output open, and the request waited for it."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from assistant import language, texts
from assistant.chatlog import ChatLog
from assistant.language import apertium
from assistant.service import Services, answer_question
from tests.conftest import FAKE_APERTIUM_TIMEOUT_S
from tests.fake_apertium import FakeApertium

# The timeout, then killing the group and collecting it; the old code waited the fake's whole sleep.
IN_TIME_S = FAKE_APERTIUM_TIMEOUT_S + 4


def test_a_hanging_translation_is_killed_with_all_its_processes(fake_apertium: FakeApertium) -> None:
    fake_apertium.hang()
    started = time.monotonic()
    with pytest.raises(language.TranslationUnavailable) as failed:
        language.translate("Hvem kan søke?", "nb", "nn")
    assert time.monotonic() - started < IN_TIME_S
    assert failed.value.message == texts.APERTIUM_FAILED
    hung = fake_apertium.hung()
    assert len(hung) == 2  # the script and its child
    assert fake_apertium.running(hung) == []

    fake_apertium.hang(False)
    assert language.translate("Hvem kan søke?", "nb", "nn") == "Kven kan søke?"


def test_a_spare_that_does_not_end_is_killed_on_close(fake_apertium: FakeApertium) -> None:
    assert language.translate("Hvem er med?", "nb", "nn") == "Kven er med?"
    language.warm_spares()
    spare = apertium._spares._waiting["nob-nno"]
    fake_apertium.hang()  # closing its input now starts the child that never ends in time
    started = time.monotonic()
    apertium._spares.close()
    assert time.monotonic() - started < IN_TIME_S
    assert apertium._spares._waiting == {} and spare.returncode is not None
    # Each spare that hung wrote two pids (script and child); the other direction's spare may be
    # waiting too, depending on whether warm_spares had started it yet.
    assert len(fake_apertium.hung()) in (2, 4)
    assert fake_apertium.running(fake_apertium.started() + fake_apertium.hung()) == []


def test_a_nynorsk_answer_is_in_bokmal_with_the_notice_when_apertium_hangs(
    services: Services, tmp_path: Path, fake_apertium: FakeApertium
) -> None:
    chat_services = replace(services, chatlog=ChatLog(f"sqlite:///{tmp_path / 'chat.db'}"))
    question = "Hvem prioriterer hvilke tiltak som får tilskudd?"
    fake_apertium.hang()
    started = time.monotonic()
    answer = answer_question(chat_services, question, maalform="nn")
    assert time.monotonic() - started < IN_TIME_S
    assert answer.maalform == "nb" and answer.citations
    assert answer.answer.endswith(f"\n\n{texts.NYNORSK_FAILED}")
    hung = fake_apertium.hung()
    assert len(hung) == 2 and fake_apertium.running(hung) == []

    fake_apertium.hang(False)  # the spare started after the answer translates the next one
    answer = answer_question(chat_services, question, maalform="nn")
    assert answer.maalform == "nn" and answer.answer.endswith(texts.NYNORSK_NOTE)
    apertium._spares.close()
    assert fake_apertium.running(fake_apertium.started() + fake_apertium.hung()) == []
