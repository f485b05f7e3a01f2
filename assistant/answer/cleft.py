"""«Er det X som …?»: a yes/no question about who does something. The documents answer it by saying who
does it; when that is someone else than X ("De [fylkeskommunene] har ansvaret for koordinering av
samarbeidsforum" to "Er det Statsforvalteren som skal koordinere forumet?"), the answer is «Nei», led by
that sentence. The patterns and the bodies that can do something are in plan.yaml (cleft, actors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.plan import asking_sentence, question_words
from assistant.index.lexical import content_words
from assistant.rules import PlanRules, rule_file


@dataclass(frozen=True)
class Cleft:
    actors: tuple[str, ...]  # the bodies the question asks about, as plan.yaml's actor stems
    rest: str  # what it asks whether they do: "skal koordinere det forumet"


def read_cleft(question: str) -> Cleft | None:
    """The cleft of a yes/no question's asking sentence, when it asks about a body the documents can
    name as doing something (Statsforvalteren, fylkeskommunen, Udir …); else None."""
    rules = rule_file(PlanRules)
    if not rules.cleft:
        return None
    found = re.search(rules.cleft, asking_sentence(question), re.IGNORECASE)
    if found is None:
        return None
    actors = _actors(found.group("actor"))
    return Cleft(actors, found.group("rest")) if actors else None


def confirms(part: str) -> tuple[str, ...]:
    """The bodies a later part asks about when all it asks is whether the body the first part's answer
    names is one of them («Er det fylkeskommunen?» after «Hvem bestemmer …?»); else ()."""
    rules = rule_file(PlanRules)
    found = re.search(rules.confirm, asking_sentence(part), re.IGNORECASE) if rules.confirm else None
    return _actors(found.group("actor")) if found else ()


def subject_bodies(sentence: str) -> tuple[str, ...]:
    """The bodies a sentence names as its subject: «Det er samarbeidsforum i fylkene som …» names the
    forum; otherwise its opening words do («Udir har ansvaret …»)."""
    cleft = re.match(r"^(?:det|dette)\s+er\s+(.+?)\s+som\b", sentence, re.IGNORECASE)
    return _actors(cleft.group(1) if cleft else " ".join(sentence.split()[:4]))


def what_is_asked(cleft: Cleft) -> list[str]:
    """The words of what the question asks whether the body does ("koordinere", "forumet")."""
    asking = question_words()
    return [w for w in content_words(cleft.rest) if w.lower() not in asking and len(w) >= 5]


def done_by_other(cleft: Cleft, subject: str) -> bool:
    """Whether a sentence's subject (its opening words, or the heading of a pronoun-led sentence) names
    another body than the question asks about, and not that one."""
    named = _actors(subject)
    return bool(named) and not set(named) & set(cleft.actors)


def names_asked(cleft: Cleft, text: str) -> bool:
    """Whether the text names the body the question asks about."""
    return bool(set(_actors(text)) & set(cleft.actors))


def names_actor(text: str) -> bool:
    """Whether the text names a body that can do something (plan.yaml actors)."""
    return bool(_actors(text))


def _actors(text: str) -> tuple[str, ...]:
    stems = [a.lower() for a in rule_file(PlanRules).actors]
    words = [w.lower() for w in re.findall(r"[\wæøå-]+", text)]
    return tuple(dict.fromkeys(a for w in words for a in stems if w.startswith(a)))
