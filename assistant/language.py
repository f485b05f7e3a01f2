"""Bokmål or nynorsk: detect the written standard of a text, and translate between the two with
Apertium (`apertium nno-nob` / `apertium nob-nno`, Debian packages apertium and apertium-nno-nob).

Apertium runs as a subprocess. Where it is not installed, `translate` raises TranslationUnavailable
and callers answer in bokmål; `apertium_available()` says which case applies.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import re
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml

from assistant import texts
from assistant.errors import AssistantError

logger = logging.getLogger(__name__)

Maalform = Literal["nb", "nn"]
_WORD = re.compile(r"[a-zæøåàèéêòóôü]+", re.IGNORECASE)
_PAIRS = {("nn", "nb"): "nno-nob", ("nb", "nn"): "nob-nno"}
_TIMEOUT_S = 20.0
_NUMBER = re.compile(r"\d+")
_QUOTE = re.compile(r"«[^«»]*»")
_PUNCTUATION = "«»\"'()[]{}.,;:!?"
MARKERS = re.compile(r"\[\d{1,3}\]")


class TranslationUnavailable(AssistantError):
    code = "translation_unavailable"


@dataclass(frozen=True)
class _Markers:
    words: dict[str, frozenset[str]]
    suffixes: dict[str, tuple[str, ...]]
    min_length: int

    def count(self, words: list[str], standard: Maalform) -> int:
        """Listed words, else words long enough that end in one of the standard's endings."""
        other = "nb" if standard == "nn" else "nn"
        return sum(
            w in self.words[standard]
            or (
                w not in self.words[other]
                and len(w) >= self.min_length
                and w.endswith(self.suffixes[standard])
            )
            for w in words
        )


@lru_cache
def _language_yaml() -> dict[str, Any]:
    return dict(yaml.safe_load(resources.files("assistant").joinpath("language.yaml").read_text("utf-8")))


@lru_cache
def _markers() -> _Markers:
    raw = _language_yaml()
    suffixes = raw.get("suffixes", {})
    return _Markers(
        words={standard: frozenset(str(w).lower() for w in raw[standard]) for standard in ("nn", "nb")},
        suffixes={standard: tuple(suffixes.get(standard, ())) for standard in ("nn", "nb")},
        min_length=int(suffixes.get("min_length", 7)),
    )


def detect(text: str) -> Maalform:
    """ "nn" when more words belong only to nynorsk than only to bokmål; otherwise "nb"."""
    words = [w.lower() for w in _WORD.findall(text)]
    markers = _markers()
    return "nn" if markers.count(words, "nn") > markers.count(words, "nb") else "nb"


@dataclass(frozen=True)
class Asked:
    """A question as the pipeline reads it: retrieval, follow-up rules and the advisor work in bokmål,
    the corpus's written standard; `maalform` is how the user wrote."""

    bokmal: str
    maalform: Maalform
    translated: bool = False


@dataclass(frozen=True)
class Rendered:
    text: str
    maalform: Maalform  # what the text is written in now


def read_question(question: str, corpus_word: Callable[[str], bool] | None = None) -> Asked:
    """A nynorsk question is translated for retrieval. Without Apertium it goes through as written:
    the glossary and the stemmer still match much of nynorsk. `corpus_word` says whether the sources
    use a word as written; such words are kept, since Apertium sometimes "translates" a bokmål-looking
    compound it does not know ("prøvenemndsmedlemmer" came out as "prøverådmedlemmer")."""
    written = detect(question)
    if written == "nb":
        return Asked(question, "nb")
    try:
        translated = translate(question, "nn", "nb")
    except TranslationUnavailable:
        return Asked(question, "nn")
    return Asked(_repair(question, translated, corpus_word), "nn", translated=True)


def _repair(original: str, translated: str, corpus_word: Callable[[str], bool] | None) -> str:
    nynorsk = _markers().words["nn"]

    def fix(before: str, after: str) -> str:
        core = _core(before)
        if corpus_word is not None and before != after and corpus_word(core) and core not in nynorsk:
            return before
        return _linking_s(before, after)

    translated = _word_by_word(original, translated, fix)
    for pattern, replacement in _repairs():
        translated = pattern.sub(replacement, translated)
    return translated


def _word_by_word(original: str, translated: str, fix: Callable[[str, str], str]) -> str:
    """`fix(original word, translated word)` for each translated word and the original word it comes
    from: the one it shares the longest start with (at least three letters). Apertium may merge words
    ("kva for ei" → "hvilken"), so position is no guide. The translation's spacing is kept."""
    before = original.split()

    def source(word: str) -> str | None:
        """The longest shared start wins; of equals, the word closest in length ("behovsmeldingane",
        not "behov", for "behovmeldingene")."""
        lower = word.lower()
        scored = [(_shared_start(c.lower(), lower), -abs(len(c) - len(word)), c) for c in before]
        best = max(scored, default=None)
        return best[2] if best is not None and best[0] >= 3 else None

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        origin = source(word)
        return word if origin is None else fix(origin, word)

    return re.sub(r"\S+", replace, translated)


def _shared_start(a: str, b: str) -> int:
    return sum(1 for _ in itertools.takewhile(lambda pair: pair[0] == pair[1], zip(a, b, strict=False)))


def _linking_s(before: str, after: str) -> str:
    """Apertium rebuilds compounds it knows the parts of and can lose the joint's s: "yrkesfaglærarar"
    came back as "yrkefaglærere", "prøvenemndsmedlemmer" as "prøvenemndmedlemmer". Where the original
    has an s between two parts and the translation has the second part without it, the s goes back."""
    for i in range(3, len(before) - 4):
        if before[i] != "s" or not before[i + 1 : i + 5].isalpha():
            continue
        j = after.find(before[i + 1 : i + 5], 3)
        if j > 0 and after[j - 1].isalpha() and after[j - 1] != "s":
            return f"{after[:j]}s{after[j:]}"
    return after


def _core(token: str) -> str:
    return token.strip(_PUNCTUATION).lower()


@lru_cache
def _repairs() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), r) for p, r in _language_yaml().get("repairs_nb", []))


def render(text: str, current: Maalform, target: Maalform, *, quotes: bool = True) -> Rendered:
    """The answer text in the reader's written standard. Citation markers, list layout and every
    number pass through unchanged; if a number would change, the text stays as it was. The reader is
    told once that the answer was translated and, if it has `quotes`, that they keep the sources'
    wording."""
    if current == target or target == "nb":
        return Rendered(text, current)
    # Quotes in «» are the sources' words (the advisor quotes them) and stay as they are.
    quoted = _QUOTE.findall(text)
    numbers = itertools.count()
    held = _QUOTE.sub(lambda _: f"«[[{next(numbers)}]]»", text)
    try:
        translated = _word_by_word(held, translate(held, current, target), _linking_s)
    except TranslationUnavailable as exc:
        notice = texts.NYNORSK_UNAVAILABLE if exc.message == texts.APERTIUM_MISSING else texts.NYNORSK_FAILED
        return Rendered(f"{text}\n\n{notice}", current)
    if _NUMBER.findall(translated) != _NUMBER.findall(held) or MARKERS.findall(translated) != MARKERS.findall(
        held
    ):
        logger.warning("Apertium changed a number or a citation marker; the answer stays in %s", current)
        return Rendered(f"{text}\n\n{texts.NYNORSK_FAILED}", current)
    translated = re.sub(r"«\[\[(\d+)\]\]»", lambda m: quoted[int(m.group(1))], translated)
    note = texts.NYNORSK_NOTE if quotes else texts.NYNORSK_NOTE_NO_QUOTES
    return Rendered(f"{translated}\n\n{note}", target)


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
    return re.sub(r"[*#@](?=\w)", "", output).rstrip("\n")


def _start(pair: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["apertium", "-u", pair],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run(process: subprocess.Popen[str], text: str) -> str:
    try:
        output, errors = process.communicate(text, timeout=_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, process.args, output, errors)
    return output


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
        if spare is None or spare.poll() is not None:  # none yet, or it died while waiting
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
        with self._lock:
            for process in self._waiting.values():
                process.kill()
                process.communicate()
            self._waiting.clear()


_spares = _Spares()


def warm_spares() -> None:
    """Start a waiting Apertium pipeline for each direction used so far; call it between requests."""
    _spares.refill()
