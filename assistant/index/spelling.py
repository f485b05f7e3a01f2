"""Typos read as the documents' words before a question is planned, retrieved or advised on.

Everything downstream matches words: the advisor's group words, the plan's focus, BM25 and the composer's
coverage. "instruktr", "målgrupen" or "fylkeskomunen" match nothing, so a typo in the one word that
matters sends the answer elsewhere. A word the documents don't use is read as the one vocabulary word a
keystroke or two away (Damerau-Levenshtein, by rapidfuzz); a compound split in two ("eier nivå") is
joined when the documents use it whole. Only then: a word they don't know and that is near none of
theirs ("Trøndelag", "kollegaene") is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from assistant.index.lexical import LexicalIndex, is_stopword, stem
from assistant.rules import GuardRules, rule_file

_WORD = re.compile(r"[A-Za-zÆØÅæøåÉé]+")
# Shorter words are too often another real word a letter away ("ligger", "legger").
_MIN_LENGTH = 7
# What a ranking first part («hoved-») leaves must be a word this long («målet»): not a mere ending
_MIN_RANKED = 5
# A word this long may be two keystrokes off; shorter ones one.
_TWO_EDITS_FROM = 9
_CANDIDATES = 5
# Letters at the end where two words of one length differ by inflection or derivation, not by a typo.
_ENDING = 2


def correct(text: str, index: LexicalIndex, keep: Callable[[str], bool] | None = None) -> str:
    """`text` with split compounds joined and typos replaced by the documents' word; a capital kept.
    `keep`: words that are no typo though the documents don't use them ("skolelederne", a group the
    advisor's word lists know, is not "skoleeierne" two letters away)."""
    return _fix_typos(_join_split(text, index), index, keep)


def _join_split(text: str, index: LexicalIndex) -> str:
    vocabulary = index.analyzer.vocabulary

    def join(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        whole = (first + second).lower()
        if is_stopword(first.lower()) or is_stopword(second.lower()) or whole not in vocabulary:
            return match.group(0)
        return first + second.lower()

    return re.sub(r"\b([A-Za-zÆØÅæøå]{3,}) ([a-zæøå]{3,})\b", join, text)


def _fix_typos(text: str, index: LexicalIndex, keep: Callable[[str], bool] | None) -> str:
    vocabulary = index.analyzer.vocabulary

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lowered = word.lower()
        if len(lowered) < _MIN_LENGTH or is_stopword(lowered) or index.knows(lowered):
            return word
        if keep is not None and keep(lowered):
            return word
        # "hovedkriteriene" is what the documents call «kriterier»: its first part only ranks them
        for head in rule_file(GuardRules).ranking_heads:
            rest = lowered[len(head) :]
            if lowered.startswith(head) and len(rest) >= _MIN_RANKED and index.knows(rest):
                return rest.capitalize() if word[0].isupper() else rest
        found = nearest(lowered, vocabulary)
        if found is None:
            return word
        return found.capitalize() if word[0].isupper() else found

    return _WORD.sub(fix, text)


def nearest(word: str, vocabulary: Iterable[str]) -> str | None:
    """The one vocabulary word a typo away from `word`, else None: none near, or several equally near
    that are not forms of one word."""
    limit = 2 if len(word) >= _TWO_EDITS_FROM else 1
    # rapidfuzz's stubs type `scorer` as a similarity; a distance with a cutoff is what it documents.
    found = process.extract(
        word,
        vocabulary,
        scorer=OSA.distance,  # type: ignore[arg-type]
        score_cutoff=limit,
        limit=_CANDIDATES,
    )
    near = [(v, d) for v, d, _ in found if v[0] == word[0] and not _another_form(word, v)]
    if not near:
        return None
    best = min(d for _, d in near)
    closest = sorted(v for v, d in near if d == best)
    return closest[0] if len({stem(v) for v in closest}) == 1 else None


def _another_form(word: str, other: str) -> bool:
    """Another form of the word, not a typo of it: longer or shorter ("programmer", "programmering"), or
    another ending ("nasjonalt", "nasjonale"; "spesialpedagogisk", "spesialpedagogikk")."""
    if other.startswith(word) or word.startswith(other):
        return True
    return len(word) == len(other) and word[:-_ENDING] == other[:-_ENDING]
