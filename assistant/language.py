"""Bokmål or nynorsk: detect the written standard of a text, and translate between the two with
Apertium (`apertium nno-nob` / `apertium nob-nno`, Debian packages apertium and apertium-nno-nob).

Apertium runs as a subprocess. Where it is not installed, `translate` raises TranslationUnavailable
and callers answer in bokmål; `apertium_available()` says which case applies.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml

from assistant import texts
from assistant.errors import AssistantError

logger = logging.getLogger(__name__)

Maalform = Literal["nb", "nn"]
_WORD = re.compile(r"[a-zæøåàèéêòóôü]+", re.IGNORECASE)
_PAIRS = {("nn", "nb"): "nno-nob", ("nb", "nn"): "nob-nno"}
_TIMEOUT_S = 20.0
_NUMBER = re.compile(r"\d+")
MARKERS = re.compile(r"\[\d{1,3}\]")


class TranslationUnavailable(AssistantError):
    code = "translation_unavailable"


@lru_cache
def _markers() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load(resources.files("assistant").joinpath("language.yaml").read_text("utf-8"))
    return {standard: frozenset(str(w).lower() for w in words) for standard, words in raw.items()}


def detect(text: str) -> Maalform:
    """ "nn" when more words belong only to nynorsk than only to bokmål; otherwise "nb"."""
    words = [w.lower() for w in _WORD.findall(text)]
    markers = _markers()
    nn = sum(w in markers["nn"] for w in words)
    nb = sum(w in markers["nb"] for w in words)
    return "nn" if nn > nb else "nb"


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


def read_question(question: str) -> Asked:
    """A nynorsk question is translated for retrieval. Without Apertium it goes through as written:
    the glossary and the stemmer still match much of nynorsk."""
    written = detect(question)
    if written == "nb":
        return Asked(question, "nb")
    try:
        return Asked(translate(question, "nn", "nb"), "nn", translated=True)
    except TranslationUnavailable:
        return Asked(question, "nn")


def render(text: str, current: Maalform, target: Maalform, *, note: bool = True) -> Rendered:
    """The answer text in the reader's written standard. Citation markers, list layout and every
    number pass through unchanged; if a number would change, the text stays as it was. The reader is
    told once that the answer was translated and that the quotes keep the sources' wording."""
    if current == target or target == "nb":
        return Rendered(text, current)
    try:
        translated = translate(text, current, target)
    except TranslationUnavailable as exc:
        notice = texts.NYNORSK_UNAVAILABLE if exc.message == texts.APERTIUM_MISSING else texts.NYNORSK_FAILED
        return Rendered(f"{text}\n\n{notice}", current)
    if _NUMBER.findall(translated) != _NUMBER.findall(text) or MARKERS.findall(translated) != MARKERS.findall(
        text
    ):
        logger.warning("Apertium changed a number or a citation marker; the answer stays in %s", current)
        return Rendered(f"{text}\n\n{texts.NYNORSK_FAILED}", current)
    return Rendered(f"{translated}\n\n{texts.NYNORSK_NOTE}" if note else translated, target)


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
    try:
        result = subprocess.run(
            ["apertium", "-u", _PAIRS[(source, target)]],
            input=text,
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_S,
            check=True,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        logger.warning("Apertium failed: %s", exc)
        raise TranslationUnavailable(texts.APERTIUM_FAILED) from exc
    return re.sub(r"[*#@](?=\w)", "", result.stdout).rstrip("\n")
