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


@lru_cache
def apertium_available() -> bool:
    return shutil.which("apertium") is not None


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
