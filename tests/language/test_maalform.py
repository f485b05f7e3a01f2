"""Nynorsk in, nynorsk out: questions are translated for retrieval, answers rendered for the reader,
citations stay verbatim. Real Apertium, real services; without Apertium the answer is bokmål and says so."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from assistant import language, texts
from assistant.chatlog import ChatLog
from assistant.index.lexical import stem
from assistant.language import apertium
from assistant.service import Services, answer_question, ask

needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")

NN_QUESTION = "Kven prioriterer kva for tiltak som får tilskot?"


@pytest.fixture
def no_apertium(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(apertium, "apertium_available", lambda: False)
    language.translate.cache_clear()
    yield
    language.translate.cache_clear()


@pytest.fixture
def chat_services(services: Services, tmp_path: Path) -> Services:
    return replace(services, chatlog=ChatLog(f"sqlite:///{tmp_path / 'chat.db'}"))


@needs_apertium
def test_nynorsk_question_is_read_in_bokmal() -> None:
    asked = language.read_question(NN_QUESTION)
    assert asked.maalform == "nn" and asked.translated
    assert asked.bokmal.startswith("Hvem prioriterer")
    assert language.read_question("Hvem kan søke?") == language.Asked("Hvem kan søke?", "nb")


@needs_apertium
def test_render_keeps_markers_numbers_and_lists() -> None:
    text = "Tilskuddet er kr 1 500 000 per år [1].\n\n- Barnehager og skoler [2]\n- Kommunens egne ansatte"
    rendered = language.render(text, "nb", "nn")
    assert rendered.maalform == "nn"
    body, note = rendered.text.rsplit("\n\n", 1)
    assert note == texts.NYNORSK_NOTE
    assert re.findall(r"\d+", body) == re.findall(r"\d+", text)
    assert "Barnehagar og skular [2]" in body and "\n- " in body
    assert language.detect(body) == "nn"


@needs_apertium
def test_render_keeps_a_parts_bold_heading_bold() -> None:
    """Apertium's unknown-word mark is an asterisk; the heading's own "**" must survive its removal."""
    rendered = language.render(
        "**Hvilke stipend kan vi søke om for dem?**\nSkoleeiere kan søke. [1]", "nb", "nn"
    )
    assert rendered.text.startswith("**Kva stipend kan me søkja om for dei?**"), rendered.text


def test_apertiums_marks_go_and_markdown_asterisks_stay() -> None:
    marked = "***Finnes **Me *Rekom #Dekom **#Kpl"
    assert apertium._UNKNOWN_MARK.sub(apertium._unmarked, marked) == "**Finnes **Me Rekom Dekom **Kpl"


def test_render_keeps_bokmal_when_a_number_would_change(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(apertium, "translate", lambda text, source, target: text.replace("500", "50"))
    rendered = language.render("Tilskuddet er 500 kroner [1].", "nb", "nn")
    assert rendered.maalform == "nb"
    assert rendered.text == f"Tilskuddet er 500 kroner [1].\n\n{texts.NYNORSK_FAILED}"


def test_render_without_apertium_answers_in_bokmal_and_says_so(no_apertium: None) -> None:
    rendered = language.render("Samarbeidsforumet prioriterer [1].", "nb", "nn")
    assert rendered == language.Rendered(
        f"Samarbeidsforumet prioriterer [1].\n\n{texts.NYNORSK_UNAVAILABLE}", "nb"
    )


@needs_apertium
def test_nynorsk_question_gets_a_nynorsk_answer_with_verbatim_citations(chat_services: Services) -> None:
    answer = ask(chat_services, NN_QUESTION)
    assert answer.maalform == "nn" and not answer.abstained
    body, note = answer.answer.rsplit("\n\n", 1)
    assert note == texts.NYNORSK_NOTE and answer.answer.count(texts.NYNORSK_NOTE) == 1
    assert language.detect(body) == "nn" and "samarbeidsforum" in body.lower()
    passages = {p.text for p in chat_services.retriever.passages}
    assert answer.citations and all(c.text in passages for c in answer.citations)
    assert answer.resolved_question and answer.resolved_question.startswith("Hvem")


@needs_apertium
def test_maalform_overrides_the_question(chat_services: Services) -> None:
    in_bokmal = ask(chat_services, NN_QUESTION, maalform="nb")
    assert in_bokmal.maalform == "nb" and texts.NYNORSK_NOTE not in in_bokmal.answer
    assert language.detect(in_bokmal.answer) == "nb"
    in_nynorsk = answer_question(
        chat_services, "Hvem prioriterer hvilke tiltak som får tilskudd?", maalform="nn"
    )
    assert in_nynorsk.maalform == "nn" and in_nynorsk.answer.endswith(texts.NYNORSK_NOTE)


@needs_apertium
def test_nynorsk_abstention_is_in_nynorsk(chat_services: Services) -> None:
    answer = ask(chat_services, "Korleis søkjer eg om barnetrygd?")
    assert answer.abstained and answer.maalform == "nn"
    assert "berre" in answer.answer and not answer.citations
    assert answer.answer.endswith(texts.NYNORSK_NOTE_NO_QUOTES)


@needs_apertium
def test_nynorsk_follow_up_is_resolved(chat_services: Services) -> None:
    first = ask(chat_services, "Kva er Kompetanseløftet for spesialpedagogikk og inkluderande praksis?")
    second = ask(chat_services, "Kven kan søkje?", first.conversation_id)
    assert second.resolved_question and "Kompetanseløftet" in second.resolved_question
    assert second.maalform == "nn"


def test_without_apertium_a_nynorsk_question_is_answered_in_bokmal(
    chat_services: Services, no_apertium: None
) -> None:
    answer = ask(chat_services, NN_QUESTION)
    assert answer.maalform == "nb" and not answer.abstained
    assert answer.answer.endswith(texts.NYNORSK_UNAVAILABLE) and answer.citations


@needs_apertium
@pytest.mark.parametrize(
    ("nynorsk", "expected"),
    [
        # Apertium drops the joint's s ("yrkefaglærere") and writes "videreutdannelse" and "tilskuddordning".
        ("Vil de auke kompetansen til yrkesfaglærarar?", "yrkesfaglærere"),
        ("Kva skal midlane i Yrkesfaglærar 2-ordninga brukast til?", "Yrkesfaglærer 2-ordningen"),
        ("Finst det eit vidareutdanningstilbod for assistentar?", "videreutdanningstilbud"),
        ("Er dei i målgruppa for tilskotsordninga?", "tilskuddsordningen"),
        ("Gjeld det òg instruktørar i bedrift?", "Gjelder det også instruktører"),
        # "behov" shares its start with "behovsmeldingane" too; the word closer in length is the source.
        ("Kva behov står i behovsmeldingane?", "behovsmeldingene"),
        # A cleft before a name comes out as "Er den Statsforvalteren …".
        ("Takk. Er det Statsforvaltaren, slik som i Rekom?", "Er det Statsforvalteren"),
        # A place word pointing back comes out as the question word ("for oss hvor – er det …").
        ("Kven rår for tiltaka hos oss der – er det forumet?", "hos oss der –"),
        ("Er SFO-tilsette med i målgruppa?", "SFO-ansatte"),
    ],
)
def test_apertium_slips_are_repaired(nynorsk: str, expected: str) -> None:
    assert expected in language.read_question(nynorsk).bokmal


@needs_apertium
def test_words_the_sources_use_are_kept() -> None:
    question = "Er prøvenemndsmedlemmer ein del av målgruppa?"
    assert "prøvenemndsmedlemmer" not in language.read_question(question).bokmal  # Apertium's "prøveråd…"
    kept = language.read_question(question, {"prøvenemndsmedlemmer"}.__contains__)
    assert kept.bokmal.startswith("Er prøvenemndsmedlemmer en del av målgruppen")


@needs_apertium
def test_a_word_the_sources_know_is_not_replaced_by_one_they_never_use() -> None:
    question = "Kan prøvenemnda vere med på tiltaka?"
    assert "prøvenemnda" not in language.read_question(question).bokmal  # Apertium's "prøverådet"
    known = {"prøvenemnd", "tiltak"}  # the sources' stems
    kept = language.read_question(question, known=lambda w: stem(w) in known).bokmal
    assert kept == "Kan prøvenemnda være med på tiltakene?"  # a known word's translation is kept


@needs_apertium
def test_quotes_in_the_answer_stay_verbatim() -> None:
    text = "Ja. Gruppen er i målgruppen for ordningen: «lærere, ledere og andre ansatte i barnehagene» [1]"
    rendered = language.render(text, "nb", "nn")
    assert "«lærere, ledere og andre ansatte i barnehagene» [1]" in rendered.text
    assert rendered.text.startswith("Ja. Gruppa er i målgruppa for ordninga:")


@needs_apertium
def test_a_kept_word_is_the_one_it_stands_for_with_the_translations_punctuation() -> None:
    """Words the sources use are kept as written, but each in its own place: "yrkesfaglærarar," is not
    the "yrkesgrupper" before it (both start "yrke"), and a kept word keeps the comma after it, not the
    question mark of a like word at the end."""
    question = "Kan andre yrkesgrupper enn yrkesfaglærarar, til dømes instruktørar, vere med i barnehage?"
    corpus = {"yrkesgrupper", "barnehage"}.__contains__
    read = language.read_question(question, corpus).bokmal
    assert "enn yrkesfaglærere, for" in read, read
    assert read.count("?") == 1, read
