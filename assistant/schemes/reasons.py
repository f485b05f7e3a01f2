"""A `Reason`: one statement of the advisor and the verbatim catalogue quote it rests on, and the small
helpers that word reasons in Norwegian. Shared by matching and the yes/no verdicts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant import texts
from assistant.schemes.catalogue import Evidence


@dataclass(frozen=True)
class Reason:
    text: str  # Norwegian, plain language
    quote: str  # the verbatim catalogue quote the text rests on
    document: str


def reason_for(template: str, evidence: Evidence, **values: str) -> Reason:
    """A reason worded by `template` ({value} is the evidence's value) that cites the evidence's quote."""
    text = template.format(value=evidence.value.rstrip("."), **values)
    return Reason(text, evidence.quote, evidence.document)


def unique(reasons: Iterable[Reason]) -> tuple[Reason, ...]:
    """Reasons in order, each (text, quote) once."""
    seen: set[tuple[str, str]] = set()
    kept: list[Reason] = []
    for reason in reasons:
        key = (reason.text, " ".join(reason.quote.split()))
        if key not in seen:
            seen.add(key)
            kept.append(reason)
    return tuple(kept)


def join(items: list[str], last: str = texts.AND) -> str:
    """Items as a Norwegian list: «a, b og c»."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]
