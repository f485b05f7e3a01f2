"""apertium-apy, Apertium's HTTP service (assistant/language/apy.py): it gives the same text as the subprocess
path, also through the repairs and checks around it; a child that dies is started again, and one whose
server is killed ends with it; when apy is not installed, or does not answer, the subprocess path
translates. Also the translation cache's bound in bytes."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from assistant import language, texts
from assistant.config import PROJECT_ROOT, Settings
from assistant.language import apertium, sentences
from assistant.language.apy import Apy, apy_installed
from tests.api.conftest import free_port
from tests.conftest import CORPUS
from tests.fake_apertium import FakeApertium, still_running
from tests.language.conftest import READY_S

# Under CI=true the session does not start without apertium-apy (tests/conftest.py): this never skips there.
needs_apy = pytest.mark.skipif(
    not apy_installed() or shutil.which("apertium") is None, reason="apertium-apy is not installed"
)


def _corpus_lines() -> list[str]:
    lines = []
    for path in sorted(CORPUS.glob("*.*")):
        if path.suffix in {".md", ".txt"}:
            lines += [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    return lines


def _answers() -> list[str]:
    """Answers as the service writes them ([n] markers, Markdown lists and bold, «quotes», numbers and
    dates), corpus lines, and odd whitespace. The first is one text, so that each path starts Apertium
    once for all of it: the subprocess path takes a second or more a text on a loaded machine."""
    lines = _corpus_lines()
    answer = [
        "**Finnes det** en ordning for 2024? Se [1] og [2].",
        "Les *Dekomp* og **Dekomp**.",  # an unknown word: apy's own modes would mark it, here in emphasis
        "Kommunen søker innen 15. mars [1].\n\n- Statsforvalteren fordeler midlene [2].\n- 50 000 kroner per "
        "barnehage [3].\n\n## Hvem får\nBarnehager med <5 ansatte & skoler, jf. § 3-1.",
        "Se «Hvem prioriterer hvilke tiltak som får tilskudd?» (s. 4) og https://www.udir.no/kvalitet/.",
    ]
    numbered = [line for line in lines if re.search(r"\d", line)]
    # apy strips the whitespace around a text, and "2024." at the very end loses its full stop.
    spaced = "  Innrykk\tmed tab   og flere  \n\n\nFristen er 1. mars 2024.\n"
    return ["\n\n".join(answer + numbered[:15] + lines[:5]), spaced]


@pytest.fixture
def clean_cache() -> Iterator[None]:
    language.translate.cache_clear()
    yield
    language.translate.cache_clear()


def _through(service: Apy | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Translate through `service` only (a fall-back to the subprocess path would raise), or, for None,
    through the subprocess path only."""
    language.translate.cache_clear()
    monkeypatch.setattr(apertium, "_apy", service)
    monkeypatch.setattr(apertium, "apertium_available", lambda: service is None)


@needs_apy
def test_apy_translates_as_the_subprocess_path_does(
    running_apy: Apy, monkeypatch: pytest.MonkeyPatch, clean_cache: None
) -> None:
    answers = _answers()
    nynorsk_questions = ["Kven prioriterer kva for tiltak som får tilskot?", "Kva er prøvenemnda si oppgåve?"]
    corpus_words = {w.lower() for line in _corpus_lines() for w in re.findall(r"\w+", line)}
    results = {}
    for service in (None, running_apy):
        _through(service, monkeypatch)
        results[service] = (
            [apertium._translated(a, "nob-nno") for a in answers],  # before unknown-word marks are removed
            [sentences.translate_text(a, "nb", "nn") for a in answers],  # sentence by sentence, as rendered
            [language.read_question(q, corpus_words.__contains__) for q in nynorsk_questions],
        )
    assert results[running_apy] == results[None]
    _, _, asked = results[running_apy]
    rendered = [language.render(a, "nb", "nn") for a in answers]  # through apy, sentence by sentence
    assert all(r.maalform == "nn" and r.text.endswith(texts.NYNORSK_NOTE) for r in rendered)
    assert all(a.translated for a in asked)


@needs_apy
def test_a_text_longer_than_apy_takes_at_once_comes_back_whole(
    running_apy: Apy, monkeypatch: pytest.MonkeyPatch, clean_cache: None
) -> None:
    """apy translates a text in pieces of a few KB and drops all after the tenth; it is sent in pieces of
    at most CHUNK_CHARS. The lines are short for Apertium (mostly blanks), so this takes a second."""
    text = "\n".join(f"Hvem {i}." + " " * 400 for i in range(110))
    dropped = httpx.post(
        f"{running_apy.url}/translate", data={"langpair": "nob|nno", "q": text, "format": "txt"}, timeout=60
    ).json()["responseData"]["translatedText"]
    assert dropped.count("Kven") < 110  # what one request to apy gives
    results = {}
    for service in (None, running_apy):
        _through(service, monkeypatch)
        results[service] = language.translate(text, "nb", "nn")
    assert results[running_apy] == results[None]
    assert results[None].count("Kven") == 110


@needs_apy
def test_a_killed_apy_is_started_again(
    running_apy: Apy, monkeypatch: pytest.MonkeyPatch, clean_cache: None
) -> None:
    monkeypatch.setattr(apertium, "_apy", running_apy)
    killed = running_apy.child_pid
    assert killed is not None
    os.killpg(killed, signal.SIGKILL)
    # Until it is up again, the subprocess path answers.
    assert language.translate("Hvem kan søke om tilskudd?", "nb", "nn") == "Kven kan søkja om tilskot?"
    assert _waited_for(lambda: running_apy.child_pid not in (None, killed) and running_apy.ready)
    assert still_running([killed]) == []
    _through(running_apy, monkeypatch)
    assert language.translate("Hva er Rekom?", "nb", "nn") == "Kva er Rekom?"


def _waited_for(condition: Callable[[], bool], timeout: float = READY_S) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


_SERVER = """
import sys, time
from assistant.language.apy import Apy
apy = Apy().start()
if not apy.wait_ready(float(sys.argv[1])):
    sys.exit("apertium-apy did not come up")
print(apy.child_pid, flush=True)
time.sleep(600)
"""


@needs_apy
def test_apy_ends_with_a_killed_server(tmp_path: Path) -> None:
    """A server killed without a chance to end its child (SIGKILL, the OOM killer) takes apy and its
    pipelines with it, instead of leaving them running with nobody to use them. (Its copy of the modes
    stays behind, in TMPDIR.)"""
    server = subprocess.Popen(
        [sys.executable, "-c", _SERVER, str(READY_S)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "TMPDIR": str(tmp_path)},  # this checkout
    )
    try:
        assert server.stdout is not None
        child = int(server.stdout.readline())
        group = _group(child)
        assert len(group) >= 2  # apy, and the pipelines it warmed
    finally:
        server.kill()
        server.wait()
    assert still_running(group, grace_s=10) == []


_EXITING = """
import sys
from assistant.language.apy import Apy
apy = Apy().start()
if not apy.wait_ready(float(sys.argv[1])):
    sys.exit("apertium-apy did not come up")
print(apy.child_pid, flush=True)
"""


@needs_apy
def test_a_process_that_ends_without_closing_apy_leaves_nothing_behind(tmp_path: Path) -> None:
    """A CLI command starts apy and ends without closing it: apy, its pipelines and its copy of the
    modes go with it."""
    done = subprocess.run(
        [sys.executable, "-c", _EXITING, str(READY_S)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "TMPDIR": str(tmp_path)},
        timeout=READY_S + 30,
    )
    assert done.returncode == 0, done.stderr
    child = int(done.stdout.split()[0])
    assert still_running([child], grace_s=10) == []
    assert list(tmp_path.glob("assistant-apy-*")) == []


def _group(pgid: int) -> list[int]:
    """The processes in process group `pgid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[2]) == pgid:  # the field after state and parent: the process group
            found.append(int(stat.parent.name))
    return found


def test_without_apy_the_subprocess_path_translates(
    fake_apertium: FakeApertium, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apertium, "apy_installed", lambda: False)
    try:
        assert apertium.start_apy(Settings()) is None
        assert apertium.start_apy(Settings(apertium_apy=False)) is None
        assert language.translate("Hvem er med?", "nb", "nn") == "Kven er med?"
        assert len(fake_apertium.started()) == 1
    finally:
        apertium.stop_apy()


def test_an_apy_that_does_not_answer_leaves_the_subprocess_path(
    fake_apertium: FakeApertium, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ASSISTANT_APERTIUM_URL at a port nobody listens on: never ready, every translation by subprocess."""
    service = apertium.start_apy(Settings(apertium_url=f"http://127.0.0.1:{free_port()}"))
    try:
        assert service is not None and not service.wait_ready(1.0)
        assert language.translate("Hvem er med?", "nb", "nn") == "Kven er med?"
        assert len(fake_apertium.started()) == 1
    finally:
        apertium.stop_apy()
    assert apertium._apy is None


@needs_apy
def test_a_failed_apy_translation_falls_back_for_that_call(
    running_apy: Apy, monkeypatch: pytest.MonkeyPatch, clean_cache: None
) -> None:
    """An apy at a URL that stops answering after it was up: the call that finds out is translated by the
    subprocess path, and apy is not used until it answers again."""
    assert running_apy.wait_ready(READY_S)
    given = Apy(running_apy.url).start()
    try:
        assert given.wait_ready(READY_S)
        monkeypatch.setattr(apertium, "_apy", given)
        pid = running_apy.child_pid
        assert pid is not None
        os.killpg(pid, signal.SIGKILL)  # running_apy starts another, on another port
        assert language.translate("Hvem kan søke om tilskudd?", "nb", "nn") == "Kven kan søkja om tilskot?"
        assert not given.ready
    finally:
        given.close()
    assert _waited_for(lambda: running_apy.ready and running_apy.child_pid != pid)


def test_the_translation_cache_is_bounded_in_bytes(fake_apertium: FakeApertium) -> None:
    """Each text here is 1 MB: the old cache, bounded only at 4,096 entries, kept all ten (and would have
    held 8 GB at its bound). Once more than the byte bound would be kept, the least recently used goes."""
    translate = language.translate
    long_texts = [f"Hvem {i} " + "x " * 500_000 for i in range(10)]
    for text in long_texts:
        translate(text, "nb", "nn")
    started = len(fake_apertium.started())
    translate(long_texts[-1], "nb", "nn")  # the last one is kept
    assert len(fake_apertium.started()) == started
    translate(long_texts[0], "nb", "nn")  # the first one is not
    assert len(fake_apertium.started()) == started + 1
    assert translate.bytes <= translate.max_bytes and len(translate) < len(long_texts)
