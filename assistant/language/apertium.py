"""Apertium as a subprocess (`apertium -u nno-nob` / `nob-nno`, Debian packages apertium and
apertium-nno-nob). Where it is not installed, `translate` raises TranslationUnavailable and callers
answer in bokmål; `apertium_available()` says which case applies.

`apertium` is a shell script that starts a pipeline of about 30 processes. Each pipeline runs in a process
group of its own, so one that hangs is ended as a whole (`_end`), and every wait on it is bounded."""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import re
import shutil
import signal
import subprocess
import threading
from functools import lru_cache

from assistant import texts
from assistant.errors import AssistantError
from assistant.models import Maalform

logger = logging.getLogger(__name__)

_PAIRS = {("nn", "nb"): "nno-nob", ("nb", "nn"): "nob-nno"}
_TIMEOUT_S = 20.0  # for one translation, or for a waiting pipeline to end when its input is closed
_REAP_TIMEOUT_S = 2.0  # for a killed pipeline's pipes to close and its script to be collected


class TranslationUnavailable(AssistantError):
    code = "translation_unavailable"


@lru_cache
def apertium_available() -> bool:
    return shutil.which("apertium") is not None


@lru_cache(maxsize=4096)
def translate(text: str, source: Maalform, target: Maalform) -> str:
    """The text in the other written standard. Apertium marks words it does not know with `*`,
    `#` or `@`; those marks are removed so an unknown word (a name, an abbreviation) passes through."""
    if source == target or not text.strip():
        return text
    if not apertium_available():
        raise TranslationUnavailable(texts.APERTIUM_MISSING)
    pair = _PAIRS[(source, target)]
    try:
        output = _run(_spares.take(pair), text)
    except (subprocess.SubprocessError, OSError) as exc:
        logger.warning("Apertium failed: %s", exc)
        raise TranslationUnavailable(texts.APERTIUM_FAILED) from exc
    return _UNKNOWN_MARK.sub(_unmarked, output).rstrip("\n")


# Apertium's marks before a word it does not know, and any Markdown asterisks before them: "**Finnes" can
# come back as "***Finnes" (bold, then the mark), which must stay bold.
_UNKNOWN_MARK = re.compile(r"(?<![*#@])([*#@]+)(?=\w)")


def _unmarked(match: re.Match[str]) -> str:
    marks = match.group(1)
    stars = marks.rstrip("#@")
    if stars != marks:  # "#" or "@" is the mark; asterisks before it are Markdown
        return stars
    return marks[:-1] if len(marks) % 2 else marks


def _start(pair: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["apertium", "-u", pair],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, so `_end` reaches every stage
    )


def _run(process: subprocess.Popen[str], text: str) -> str:
    try:
        output, errors = process.communicate(text, timeout=_TIMEOUT_S)
    except (subprocess.TimeoutExpired, OSError):
        _end(process)
        raise
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, process.args, output, errors)
    return output


def _end(process: subprocess.Popen[str]) -> None:
    """Kill the pipeline's whole process group and collect its script, waiting at most _REAP_TIMEOUT_S.
    Killing only the script would leave its stages running, re-parented to PID 1 and holding the output
    pipe open, so a wait for end of output would last as long as they do."""
    # The group's id is the script's pid: not reused while the script is uncollected or a stage lives.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    try:
        process.communicate(timeout=_REAP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        logger.warning("Apertium pipeline %d did not end after it was killed", process.pid)


class _Spares:
    """One started Apertium pipeline per direction, waiting for its input. Starting the ~20 processes
    of a pipeline is most of a translation's time (about 0.3 of 0.45 s here); a spare started in
    advance leaves only the translating. Each pipeline translates one text (it reads to end of input).
    New spares are started by `warm_spares`, which the service calls when an answer is done: started
    during a request, their start-up would compete with it for the CPU. Only directions in use get one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[str, subprocess.Popen[str]] = {}
        self._used: set[str] = set()
        atexit.register(self.close)

    def take(self, pair: str) -> subprocess.Popen[str]:
        with self._lock:
            self._used.add(pair)
            spare = self._waiting.pop(pair, None)
        if spare is None:
            return _start(pair)
        if spare.poll() is not None:  # its script died while waiting: end any stages left, start anew
            _end(spare)
            return _start(pair)
        return spare

    def refill(self) -> None:
        with self._lock:
            for pair in self._used - self._waiting.keys():
                try:
                    self._waiting[pair] = _start(pair)
                except OSError as exc:
                    logger.warning("Could not start a spare Apertium pipeline: %s", exc)

    def close(self) -> None:
        """End the waiting pipelines by closing their input, so Apertium's wrapper script removes its
        temporary files (a killed one leaves a /tmp/apertium.* file behind each time). One that does not
        end within _TIMEOUT_S is killed, with all its stages."""
        with self._lock:
            for process in self._waiting.values():
                try:
                    process.communicate("", timeout=_TIMEOUT_S)
                except (subprocess.TimeoutExpired, OSError) as exc:
                    logger.warning("A waiting Apertium pipeline did not end (%s); it is killed", exc)
                    _end(process)
            self._waiting.clear()


_spares = _Spares()


def warm_spares() -> None:
    """Start a waiting Apertium pipeline for each direction used so far; call it between requests."""
    _spares.refill()
