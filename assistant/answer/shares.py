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


def totals_answer(question: str) -> frozenset[str]:
    """The asked kinds a share question about a named place is answered without ("Hvor mye får hver
    kommune i Nordland?": no figure per kommune; the county's totals, under the sentence saying so)."""
    return _PER_UNIT if asked_share(question) is not None and named_in(question) else frozenset()


_PER_UNIT = frozenset({"per_unit"})


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


# A money word this long ends a compound that names the money ("skolemidlene", "kompetansepengene").
_MIN_MONEY_TAIL = 4


def _speaks_of_asked(question: str) -> Callable[[str], bool]:
    """Whether a text with totals fits a share question: it names every place the question names, and
    speaks of everything the question asks about besides the money, the asker and the asking words
    ("… i vikarmidler?" is not answered by a county's competence money)."""
    rules = rule_file(GuardRules)
    asking, context = asked_and_context(question)
    # a place asked about must be named; where the question names none, one of the places the asker says
    # they are in ("Vi er en kommune i Nordland."), though not every one ("på Helgeland, i Nordland")
    asked_places = named_in(asking)
    around = set() if asked_places else named_in(context)
    asked = (*rules.money_words, *rule_file(PlanRules).finite_verbs, *question_words())
    skip = {stem(w.lower()) for w in asked}
    # who gets the share ("hver kommune", "vi") is not what the money is for
    for share in (rules.share_unit, rules.share_we):
        if share:
            asking = re.sub(share, " ", asking, flags=re.IGNORECASE)
    # a compound of a money word names the money for what its first part says: "skolemidlene" fit a text
    # that speaks of schools, "vikarmidler" only one that speaks of substitutes
    money = tuple(stem(w.lower()) for w in rules.money_words if len(w) >= _MIN_MONEY_TAIL)
    about = {stem(w) for w in content_words(asking)} - skip
    heads = {a[: -len(m)] for a in about for m in money if a.endswith(m) and len(a) > len(m)}
    about = {a for a in about if not a.endswith(money)}

    def speaks(text: str) -> bool:
        lowered = text.lower().replace("-", " ")
        placed = all(p in lowered for p in asked_places) and (not around or any(p in lowered for p in around))
        return placed and about <= {stem(w) for w in content_words(text)} and all(h in lowered for h in heads)

    return speaks


def totals_fit(question: str, cited: Sequence[Citation]) -> bool:
    """Whether the passages an answer to a share question quotes speak of what it asks about."""
    speaks = _speaks_of_asked(question)
    return any(speaks(f"{c.title}\n{c.section}\n{c.text}") for c in cited)


def figures_first(question: str, hits: list[ScoredPassage]) -> list[ScoredPassage] | None:
    """The hits with those that give an amount moved to the front, for a share question whose first
    passages gave none ("Vi er en kommune i Nordland. Hvor mye får vi?" ranks passages on the scheme
    above the county's totals). A passage moved up must fit the question (`_speaks_of_asked`); None when
    no passage does, no place is named, or they come first already."""
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
    if not figured or hits[: len(figured)] == figured:
        return None
    return figured + [h for h in hits if h not in figured]
