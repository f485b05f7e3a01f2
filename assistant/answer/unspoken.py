"""Whether a question asks after a matter the documents never speak of, so that no sentence can answer it.

The composer always finds a best sentence, and a question about something the documents don't mention
("Må kommunen betale moms på kursavgiften?", "Hvilken lønnsøkning får læreren?") still shares most of its
words with one ("kommunen", "høgskolen", "videreutdanning"): that sentence is about the matter around the
question, not about what it asks. Two readings say what is asked lies outside the documents:
- it names one of the matters they never settle (guard.yaml `unspoken_matters`: pay, VAT, travel costs,
  appeals …) and no word of theirs contains it: if a document starts to speak of it, the rule steps aside
  by itself;
- its focus (what a non-yes/no question asks after, the analyser's reading) is a word rare in Norwegian at
  large that the documents use in no form, part or near inflection («regnskapsformat», «timesatsen»). An
  everyday focus they happen not to use ("kravene", "bakgrunnen") is a paraphrase and is left to retrieval.
The word is named in the refusal, so the reader learns what the documents don't say.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answer.plan import asking_sentence, plan_question, question_words
from assistant.index.lexical import LexicalIndex, shared_start, stem
from assistant.rules import GuardRules, rule_file

# A vocabulary word shares this many first letters with a word to count as a form of it ("eierne", «eiere»).
_MIN_SHARED = 4
# ... and leaves at most this many letters of the shorter word unshared (its ending); the asked word may
# leave one more (an ending, not a head of its own: «fordelingsnøkkel» is not a form of «fordelingen»).
_ENDING = 2
# A word's stem must be this long to be said as a compound's last part («kompetansepakkene» says "pakkene").
_MIN_TAIL = 4
# Question types whose focus is what they ask for ("Hvilket regnskapsformat …?"); a yes/no question's is what
# it asks about, and "Når er vårens workshoper?" asks for a time, not after «vårens».
_ASKS_AFTER_FOCUS = frozenset({"hva", "hvem", "liste", "hvor_mye", "hvor_mange"})
# Endings of an inflected form of a shorter word ("vårens" of «vår», "kravene" of «krav»).
_INFLECTIONS = ("ens", "ets", "ene", "en", "et", "er", "es", "e", "a", "s")
# What opens a question inside a sentence: a question word, or "om" after a comma (", om vi kan …").
_ASKS = re.compile(
    r"\b(?:hva|kva|hvem|kven|hvilke[nt]?|når|hvor|kor|hvordan|korleis)\b|,\s*(?:og\s+)?om\b", re.IGNORECASE
)
# "Hva slags X" asks after X.
_KIND_OF = re.compile(r"\b(hva|kva)\s+slags?\b", re.IGNORECASE)
# Question words that inside a clause are as often a conjunction or a relative.
_CONJUNCTIONS = frozenset({"når", "hvor", "kor"})
# A shorter focus is as often a typo of a short word ("nar" for «når») as a matter of its own.
_MIN_FOCUS = 5


def unspoken_matter(question: str, index: LexicalIndex) -> str | None:
    """The word of the question's asking sentence that names a matter the documents never speak of, as
    the asker wrote it; None when they may answer it."""
    asking = asking_sentence(question)
    if len([m for m in _ASKS.finditer(asking) if _asks_here(asking, m)]) > 1:
        # "… hva som forventes av oss, om vi kan bruke X, og hvilken timesats dere dekker": one matter out of
        # several asked in one sentence does not make the rest unanswerable.
        return None
    rules = rule_file(GuardRules)
    for pattern in _matters():
        for found in pattern.finditer(asking):
            matter = found.groupdict().get("matter") or found.group(0)
            if not _said(index, matter):
                return found.group(0).strip()
    # No sentence asks ("vi i kommuneadministrasjonen trenger påfyll. kan midlene …"): no focus to read.
    if not asking.rstrip().endswith("?") and not _ASKS.match(asking.lstrip()):
        return None
    plan = plan_question(_KIND_OF.sub(r"\1", asking))
    if plan.type not in _ASKS_AFTER_FOCUS or not plan.focus:
        return None
    focus = plan.focus[0].lower()
    if len(focus) < _MIN_FOCUS or focus in question_words() or focus.isdigit() or _spoken(index, focus):
        return None
    return focus if _zipf(focus) < rules.unspoken_focus_zipf else None


def _asks_here(sentence: str, found: re.Match[str]) -> bool:
    """A question word opens an ask of its own, unless it is «når» or «hvor» inside a clause: there it
    is a conjunction or a relative ("… betale når en lærer tar videreutdanning?", "skolen hvor jeg
    jobber")."""
    if found.group(0).lower() not in _CONJUNCTIONS:
        return True
    before = sentence[: found.start()].rstrip().lower()
    return not before or before.endswith((",", " og", " eller", "–", "-"))


@lru_cache
def _matters() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in rule_file(GuardRules).unspoken_matters)


def _said(index: LexicalIndex, matter: str) -> bool:
    """Whether the documents say a matter: a word of theirs contains it («avgift» in no word of theirs,
    whatever compound the asker puts it in: "arbeidsgiveravgiften"), or a passage has the phrase ("betale
    tilbake")."""
    matter = " ".join(matter.lower().split())
    if " " not in matter:
        return any(matter in known for known in index.analyzer.vocabulary)
    return any(matter in " ".join(p.text.lower().split()) for p in index.passages)


def _spoken(index: LexicalIndex, word: str) -> bool:
    """Whether the documents (or the glossary) use the word in some form: itself, an inflection or
    compound part they use, a near inflection ("eierne": «eiere», "sekretariatet": «sekretariatsansvar»), or
    as a compound's last part. A compound of a word of theirs with a head of its own is another matter:
    «fordelingsnøkkel» is not said by «fordelingen»."""
    w = word.lower()
    if index.knows(w):
        return True
    # "hovedkriteriene" is said by «kriterier»: its first part only ranks them
    for head in rule_file(GuardRules).ranking_heads:
        rest = w[len(head) :]
        if w.startswith(head) and len(rest) >= _MIN_TAIL and _spoken(index, rest):
            return True
    own = stem(w)
    for known in index.analyzer.vocabulary:
        if len(known) >= 3 and w.startswith(known) and w[len(known) :] in _INFLECTIONS:
            return True
        shared = shared_start(w, known)
        near = shared >= _MIN_SHARED and shared >= min(len(w), len(known)) - _ENDING
        if near and len(w) - shared <= _ENDING + 1:
            return True
        if len(own) >= _MIN_TAIL and stem(known).endswith(own):
            return True
    return False


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "nb"))
