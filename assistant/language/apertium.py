"""Bokmål↔nynorsk with Apertium (Debian packages apertium and apertium-nno-nob). `translate` goes through
apertium-apy, Apertium's HTTP service, when the server has one up (`start_apy`, assistant/language/apy.py),
and otherwise runs Apertium as a subprocess (`apertium -u nno-nob` / `nob-nno`); both give the same text.
Where neither is there, `translate` raises TranslationUnavailable and callers answer in bokmål;
`apertium_available()` says whether the subprocess path is.

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
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache

from assistant import texts
from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.language.apy import Apy, ApyFailed, apy_installed
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


class _TranslationCache:
    """Translations kept for repeated texts, the least recently used dropped first. Bounded in bytes as
    well as in entries: 4,096 reply letters of a few pages each would hold hundreds of MB."""

    def __init__(
        self, translate: Callable[[str, Maalform, Maalform], str], max_entries: int, max_bytes: int
    ) -> None:
        self._translate = translate
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._kept: OrderedDict[tuple[str, Maalform, Maalform], tuple[str, int]] = OrderedDict()
        self.bytes = 0
        self._lock = threading.Lock()

    def __call__(self, text: str, source: Maalform, target: Maalform) -> str:
        key = (text, source, target)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key][0]
        translated = self._translate(text, source, target)
        size = sys.getsizeof(text) + sys.getsizeof(translated)  # the memory the two strings take
        with self._lock:
            if key not in self._kept and size <= self.max_bytes:
                self._kept[key] = (translated, size)
                self.bytes += size
                while len(self._kept) > self.max_entries or self.bytes > self.max_bytes:
                    _, (_, dropped) = self._kept.popitem(last=False)
                    self.bytes -= dropped
        return translated

    def __len__(self) -> int:
        return len(self._kept)

    def cache_clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self.bytes = 0


def _translate(text: str, source: Maalform, target: Maalform) -> str:
    """The text in the other written standard. Apertium marks words it does not know with `*`,
    `#` or `@`; those marks are removed so an unknown word (a name, an abbreviation) passes through."""
    if source == target or not text.strip():
        return text
    output = _translated(text, _PAIRS[(source, target)])
    return _UNKNOWN_MARK.sub(_unmarked, output).rstrip("\n")


translate = _TranslationCache(_translate, max_entries=4096, max_bytes=8 * 1024 * 1024)


def _translated(text: str, pair: str) -> str:
    """Through apertium-apy when it is up, else (or when it fails) through a subprocess."""
    apy = _apy
    if apy is not None and apy.ready:
        try:
            return apy.translate(text, pair)
        except ApyFailed:
            pass  # logged by Apy, which brings the service up again meanwhile
    if not apertium_available():
        raise TranslationUnavailable(texts.APERTIUM_MISSING if apy is None else texts.APERTIUM_FAILED)
    try:
        return _run(_spares.take(pair), text)
    except (subprocess.SubprocessError, OSError) as exc:
        logger.warning("Apertium failed: %s", exc)
        raise TranslationUnavailable(texts.APERTIUM_FAILED) from exc


# The server's apertium-apy, set by its lifespan. Module state, like `_spares`: `translate` is a plain
# function that rendering, letters, the web page's messages and the eval call without Services in reach.
_apy: Apy | None = None


def start_apy(settings: Settings) -> Apy | None:
    """Translate through apertium-apy from now on: the one at `settings.apertium_url`, or else, when
    `settings.apertium_apy` is on and apertium-apy is installed, a child of this process. It comes up in
    the background; translations use the subprocess path until it is warm. `stop_apy` ends it."""
    global _apy
    stop_apy()
    if settings.apertium_url:
        _apy = Apy(settings.apertium_url).start()
    elif settings.apertium_apy and apy_installed():
        _apy = Apy().start()
    else:
        logger.info("apertium-apy is not in use; Apertium runs as a subprocess for each translation")
    return _apy


def apy_ready() -> bool:
    """Whether translations go through apertium-apy now (cheap per call), not a pipeline per call."""
    apy = _apy
    return apy is not None and apy.ready


def stop_apy() -> None:
    global _apy
    apy, _apy = _apy, None
    if apy is not None:
        apy.close()


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
    """Start a waiting Apertium pipeline for each direction used so far; call it between requests.
    While apertium-apy is up none is needed, and those started while it came up are ended."""
    if _apy is not None and _apy.ready:
        _spares.close()
    else:
        _spares.refill()
