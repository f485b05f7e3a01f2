"""Written-standard detection on 32 sentences, and real Apertium round trips."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from assistant import language
from assistant.language import apertium

SENTENCES = [
    ("Kven prioriterer kva for tiltak som skal få tilskot i fylket?", "nn"),
    ("Hvem prioriterer hvilke tiltak som skal få tilskudd i fylket?", "nb"),
    ("Er prøvenemndsmedlemmer ein del av målgruppa i tilskotsordninga?", "nn"),
    ("Er prøvenemndsmedlemmer en del av målgruppen i tilskuddsordningen?", "nb"),
    ("Kor mykje pengar er tildelt til kompetanseutvikling i Nordland?", "nn"),
    ("Hvor mye penger er tildelt til kompetanseutvikling i Nordland?", "nb"),
    ("Kva rolle kan Statsforvaltaren ha i samarbeidsforumet?", "nn"),
    ("Hvilken rolle kan Statsforvalteren ha i samarbeidsforumet?", "nb"),
    ("Kva skil vidareutdanning frå etterutdanning?", "nn"),
    ("Hva skiller videreutdanning fra etterutdanning?", "nb"),
    ("Når er dei neste møta, og kva for eit av dei går på Teams?", "nn"),
    ("Når er de neste møtene, og hvilket av dem går på Teams?", "nb"),
    ("Kor lenge får skuleeigarar statleg støtte og rettleiing?", "nn"),
    ("Hvor lenge får skoleeiere statlig støtte og veiledning?", "nb"),
    ("Eg lurer på korleis vi kan søkje om midlar.", "nn"),
    ("Jeg lurer på hvordan vi kan søke om midler.", "nb"),
    ("Gjeld det òg instruktørar i bedrift?", "nn"),
    ("Gjelder det også instruktører i bedrift?", "nb"),
    ("Vi har ikkje fått svar frå fylkeskommunen enno.", "nn"),
    ("Vi har ikke fått svar fra fylkeskommunen ennå.", "nb"),
    ("Kven har ansvaret for sekretariatet?", "nn"),
    ("Hvem har ansvaret for sekretariatet?", "nb"),
    ("Kan lærarane ta vidareutdanning utan å miste løn?", "nn"),
    ("Kan lærerne ta videreutdanning uten å miste lønn?", "nb"),
    ("Korleis fordeler ein midlane mellom kommunane?", "nn"),
    ("Hvordan fordeler en midlene mellom kommunene?", "nb"),
    ("Skulen vår vil gjerne vere med i ordninga.", "nn"),
    ("Skolen vår vil gjerne være med i ordningen.", "nb"),
    ("Ho er tilsett som assistent i barnehagen.", "nn"),
    ("Hun er ansatt som assistent i barnehagen.", "nb"),
    ("Kvifor er fagskulelærarar ikkje med?", "nn"),
    ("Hvorfor er fagskolelærere ikke med?", "nb"),
    ("Rekom og Dekom", "nb"),  # no marker at all: bokmål, the default
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_detects_the_written_standard(sentence: str, expected: str) -> None:
    assert language.detect(sentence) == expected


needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None,
    reason="Apertium is installed by the README's commands where apt-get works",
)


@needs_apertium
def test_real_apertium_translates_both_ways() -> None:
    nb = language.translate("Kven kan søkje om tilskot frå ordninga?", "nn", "nb")
    assert language.detect(nb) == "nb" and "Hvem" in nb
    nn = language.translate("Hvem kan søke om tilskudd fra ordningen?", "nb", "nn")
    assert language.detect(nn) == "nn" and "Kven" in nn
    round_trip = language.translate(language.translate("Jeg liker ikke dette.", "nb", "nn"), "nn", "nb")
    assert round_trip == "Jeg liker ikke dette."


@needs_apertium
def test_unknown_words_pass_through_without_marks() -> None:
    out = language.translate("Rekom gjelder barnehager i Xyzkommune.", "nb", "nn")
    assert "Rekom" in out and "Xyzkommune" in out and "*" not in out


def test_same_standard_is_returned_unchanged() -> None:
    assert language.translate("Hei", "nb", "nb") == "Hei"


def test_without_apertium_translation_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(apertium, "apertium_available", lambda: False)
    language.translate.cache_clear()  # an earlier real translation of the same text must not answer
    with pytest.raises(language.TranslationUnavailable) as missing:
        language.translate("Hvem kan søke?", "nb", "nn")
    assert missing.value.code == "translation_unavailable" and "bokmål" in missing.value.message


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")
def test_a_spare_pipeline_waits_for_the_next_translation() -> None:
    language.translate.cache_clear()
    assert language.translate("Hvem kan søke om tilskudd?", "nb", "nn") == "Kven kan søkja om tilskot?"
    language.warm_spares()
    spare = apertium._spares._waiting["nob-nno"]
    assert spare.poll() is None  # started, waiting for input
    assert language.translate("Hva er Rekom?", "nb", "nn") == "Kva er Rekom?"
    assert spare.returncode == 0  # it did that translation
    assert "nob-nno" not in apertium._spares._waiting  # the next spare waits for warm_spares()


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")
def test_a_spare_that_died_is_replaced() -> None:
    language.translate.cache_clear()
    language.translate("Hvem kan søke?", "nb", "nn")
    language.warm_spares()
    dead = apertium._spares._waiting["nob-nno"]
    dead.kill()
    dead.wait()
    assert language.translate("Hva er Dekom?", "nb", "nn") == "Kva er Dekom?"
    language.warm_spares()
    apertium._spares.close()
    assert apertium._spares._waiting == {}


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")
def test_closing_the_spares_leaves_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    apertium._spares.close()
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # Apertium's wrapper makes its files there
    language.translate.cache_clear()
    language.translate("Hvem kan søke?", "nb", "nn")
    language.warm_spares()
    assert apertium._spares._waiting["nob-nno"].poll() is None
    deadline = time.monotonic() + 20
    while not any(tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)  # the waiting pipeline's wrapper makes its file as it starts
    assert any(tmp_path.iterdir())
    apertium._spares.close()
    assert list(tmp_path.iterdir()) == []
