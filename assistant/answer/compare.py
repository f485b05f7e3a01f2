"""Yes/no questions that compare two quantities ("Fikk A mer enn B?"). Such a question is settled only by
two figures the sources give, one labelled for each side; a sentence that merely speaks of one of them
settles nothing, so the answer is then «Kildene sier ikke dette direkte» with what they do say."""

from __future__ import annotations

import re
from typing import Literal

from assistant.answer.plan import question_words
from assistant.index.lexical import content_words, stem
from assistant.rules import PlanRules, rule_file

Verdict = Literal["ja", "nei"]

# "11 mill.", "12 200 000,-", "22 behovsmeldinger": a figure and the word after it
_FIGURE = re.compile(
    r"(?<![\d,])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:,\d+)?)(?:\s*(mill\w*|milliard\w*))?\.?(?:,-)?\s*([\w-]+)?"
)
_SCALE = {"mill": 1e6, "milliard": 1e9}


def _direction(asking: str) -> tuple[str, int] | None:
    """The comparing word and its way (1 more, -1 less), when the question compares with "enn"."""
    rules = rule_file(PlanRules)
    for words, way in ((rules.more_words, 1), (rules.less_words, -1)):
        for word in words:
            if re.search(rf"\b{re.escape(word)}\b[^?]*\benn\b", asking, re.IGNORECASE):
                return word, way
    return None


def compares(asking: str) -> bool:
    return _direction(asking) is not None


def _stems(text: str) -> set[str]:
    skip = question_words() | {v.lower() for v in rule_file(PlanRules).finite_verbs}
    return {stem(w) for w in content_words(text) if w not in skip and not w.isdigit()}


def _value(segment: str, measure: set[str]) -> float | None:
    """The segment's figure: the one followed by a word the question counts in ("22 behovsmeldinger"),
    else its one sum of money ("7 140 413,-", "11 mill."), else its only figure."""
    figures: list[float] = []
    counted: list[float] = []  # followed by what the question counts
    sums: list[float] = []  # with a scale or thousands groups: money
    for number, scale, after in _FIGURE.findall(segment):
        value = float(re.sub(r"[ \u00a0]", "", number).replace(",", "."))
        if scale:
            value *= next(v for k, v in _SCALE.items() if scale.lower().startswith(k))
        figures.append(value)
        if after and stem(after.lower()) in measure:
            counted.append(value)
        if scale or not re.fullmatch(r"\d+(?:,\d+)?", number):
            sums.append(value)
    chosen = counted or sums or figures
    return chosen[0] if len(chosen) == 1 else None


def compared(asking: str, text: str) -> Verdict | None:
    """«Ja» or «Nei» when `text` gives a figure for each side of the comparison asked, each in a line
    or comma-separated piece of its own that names that side and not the other; None otherwise."""
    direction = _direction(asking)
    if direction is None:
        return None
    word, way = direction
    at = re.search(rf"\b{re.escape(word)}\b", asking, re.IGNORECASE)
    assert at is not None  # _direction found it
    before, after = asking[: at.start()], asking[at.end() :]
    split = re.split(r"\benn\b", after, maxsplit=1, flags=re.IGNORECASE)
    if len(split) != 2:
        return None
    between, other = split
    # "flere behovsmeldinger fra skoler enn fra barnehager": the first word after the comparing one is
    # what is counted, the rest before "enn" (and what precedes the comparing word) the first side.
    counted = [stem(w) for w in content_words(between)]
    measure = set(counted[:1])
    side_b = _stems(other)
    side_a = (_stems(before) | set(counted[1:])) - side_b - measure
    if not side_a or not side_b:
        return None
    pieces = [p for line in text.splitlines() for p in re.split(r"[,;=]", line) if re.search(r"\d", p)]
    values: dict[str, list[float]] = {"a": [], "b": []}
    for piece in pieces:
        said = {stem(w) for w in content_words(piece)}
        a, b = bool(said & side_a), bool(said & side_b)
        value = _value(piece, measure)
        if a != b and value is not None:
            values["a" if a else "b"].append(value)
    if len(values["a"]) != 1 or len(values["b"]) != 1:
        return None
    difference = (values["a"][0] - values["b"][0]) * way
    return "ja" if difference > 0 else "nei"
