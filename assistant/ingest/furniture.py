"""Page furniture, read from boilerplate.yaml: lines the loader drops, and navigation (links, datelines)
that stays in the passage text but is never quoted as an answer sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.rules import BoilerplateRules, rule_file

MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([()\[\]*_])")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


@dataclass(frozen=True)
class Boilerplate:
    lines: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    navigation: tuple[re.Pattern[str], ...] = ()

    def is_boilerplate(self, line: str) -> bool:
        stripped = line.strip()
        if not stripped:
            return False
        return stripped in self.lines or any(p.fullmatch(stripped) for p in self.patterns)

    def is_navigation(self, text: str) -> bool:
        """A link ("Les mer om …", a bare Markdown link) or a dateline ("Publisert 12.05.2021"), as written
        or with its Markdown links read as their words."""
        raw = " ".join(text.split())
        if not raw:
            return False
        words = " ".join(_ESCAPE.sub(r"\1", _EMPHASIS.sub(r"\2", MD_LINK.sub(r"\1", raw))).split())
        return any(p.fullmatch(raw) or p.fullmatch(words) for p in self.navigation)


@lru_cache
def default_boilerplate() -> Boilerplate:
    rules = rule_file(BoilerplateRules)
    return Boilerplate(
        lines=frozenset(rules.lines),
        patterns=tuple(re.compile(p) for p in rules.patterns),
        navigation=tuple(re.compile(p) for p in rules.navigation),
    )


def is_navigation(text: str) -> bool:
    return default_boilerplate().is_navigation(text)
