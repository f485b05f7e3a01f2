"""Which written standard a text is in: word lists and endings from language.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from assistant.models import Maalform

_WORD = re.compile(r"[a-zæøåàèéêòóôü]+", re.IGNORECASE)


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
def language_yaml() -> dict[str, Any]:
    text = resources.files("assistant.language").joinpath("language.yaml").read_text("utf-8")
    return dict(yaml.safe_load(text))


@lru_cache
def markers() -> _Markers:
    raw = language_yaml()
    suffixes = raw.get("suffixes", {})
    return _Markers(
        words={standard: frozenset(str(w).lower() for w in raw[standard]) for standard in ("nn", "nb")},
        suffixes={standard: tuple(suffixes.get(standard, ())) for standard in ("nn", "nb")},
        min_length=int(suffixes.get("min_length", 7)),
    )


def detect(text: str) -> Maalform:
    """ "nn" when more words belong only to nynorsk than only to bokmål; otherwise "nb"."""
    words = [w.lower() for w in _WORD.findall(text)]
    found = markers()
    return "nn" if found.count(words, "nn") > found.count(words, "nb") else "nb"
