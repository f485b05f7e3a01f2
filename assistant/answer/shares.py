"""One recipient's share of the money. The documents give totals (per county, scheme or sector), never
what one kommune, barnehage or skole gets; a question after such a share is answered with the totals the
documents give, and says first that the share itself is not given."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant import texts
from assistant.answer.citations import MARKER, asked_and_context, named_in, value_pattern
from assistant.answer.plan import question_type, question_words
from assistant.index.lexical import content_words, stem
from assistant.models import Citation, ScoredPassage
from assistant.rules import GuardRules, PlanRules, rule_file


def _found(pattern: str | None, text: str) -> re.Match[str] | None:
    return re.search(pattern, text, re.IGNORECASE) if pattern else None


def asked_share(question: str) -> str | None:
    """Whose share an amount question asks, as the answer names them ("hver kommune", "den enkelte
    barnehage", "dere"), or None when it asks a total ("Hvor mye fikk Nordland?")."""
    asking, _ = asked_and_context(question)
    if question_type(asking) != "hvor_mye":
        return None
    rules = rule_file(GuardRules)
    unit = _found(rules.share_unit, asking)
    if unit is not None:
        return re.sub(r"^(?:per|pr\.?)\s+", "hver ", unit.group(0).lower())
    # "Vi er en kommune i Nordland. Hvor mye får vi?": the asker is one recipient; a secretariat's "Hvor mye
    # har vi fått?" about its county is not.
    if _found(rules.share_we, asking) and _found(rules.share_asker, question):
        return "dere"
    return None


def share_unsaid(question: str, answer: str) -> str | None:
    """The sentence that says a share is not given, for an answer that gives only totals; None when the
    question asks no share, the answer gives no figure, or a quoted line does state a share."""
    who = asked_share(question)
    if who is None:
        return None
    said = MARKER.sub("", answer)
    if not re.search(r"\d", said) or _found(rule_file(GuardRules).share_unit, said):
        return None
    asking, _ = asked_and_context(question)
    got = "fikk" if re.search(r"\b(?:fikk|fekk|gikk|ble|vart|var)\b", asking, re.IGNORECASE) else "får"
    return texts.SHARE_UNSAID.format(who=who, got=got)


def _speaks_of_asked(question: str) -> Callable[[str], bool]:
    """Whether a text with totals fits a share question: it names every place the question names, and
    speaks of everything the question asks about besides the money, the asker and the asking words
    ("… i vikarmidler?" is not answered by a county's competence money)."""
    rules = rule_file(GuardRules)
    places = named_in(question)
    asking, _ = asked_and_context(question)
    asked = (*rules.money_words, *rule_file(PlanRules).finite_verbs, *question_words())
    skip = {stem(w.lower()) for w in asked}
    without_asker = re.sub(rules.share_we or r"(?!)", " ", asking, flags=re.IGNORECASE)
    about = {stem(w) for w in content_words(without_asker)} - skip

    def speaks(text: str) -> bool:
        lowered = text.lower().replace("-", " ")
        return all(p in lowered for p in places) and about <= {stem(w) for w in content_words(text)}

    return speaks


def totals_fit(question: str, cited: Sequence[Citation]) -> bool:
    """Whether the passages an answer to a share question quotes speak of what it asks about."""
    speaks = _speaks_of_asked(question)
    return any(speaks(f"{c.title}\n{c.section}\n{c.text}") for c in cited)


def figures_first(question: str, hits: list[ScoredPassage], read: int) -> list[ScoredPassage] | None:
    """The hits with those that give an amount moved to the front, for a share question whose first
    passages gave none ("Vi er en kommune i Nordland. Hvor mye får vi?" ranks passages on the scheme
    above the county's totals). A passage moved up must fit the question (`_speaks_of_asked`); None when
    no passage does, no place is named, or one is among the `read` first already (the passages the
    composer reads)."""
    amount = value_pattern("amount")
    if asked_share(question) is None or amount is None or not named_in(question):
        return None
    speaks = _speaks_of_asked(question)
    figured = [
        h
        for h in hits
        if amount.search(h.passage.text)
        and speaks(f"{h.passage.title}\n{h.passage.section}\n{h.passage.text}")
    ]
    if not figured or any(h in hits[:read] for h in figured):
        return None
    return figured + [h for h in hits if h not in figured]
