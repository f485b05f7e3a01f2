"""Which written standard a text is in: word lists and endings from language.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.models import Maalform
from assistant.rules import LanguageRules, rule_file

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
def markers() -> _Markers:
    rules = rule_file(LanguageRules)
    return _Markers(
        words={"nn": frozenset(w.lower() for w in rules.nn), "nb": frozenset(w.lower() for w in rules.nb)},
        suffixes={"nn": tuple(rules.suffixes.nn), "nb": tuple(rules.suffixes.nb)},
        min_length=rules.suffixes.min_length,
    )


def detect(text: str) -> Maalform:
    """ "nn" when more words belong only to nynorsk than only to bokmål; otherwise "nb"."""
    words = [w.lower() for w in _WORD.findall(text)]
    found = markers()
    return "nn" if found.count(words, "nn") > found.count(words, "nb") else "nb"
