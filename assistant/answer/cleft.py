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
from assistant.rules import AdvisorRules, PlanRules, rule_file


@dataclass(frozen=True)
class Cleft:
    actors: tuple[str, ...]  # the bodies the question asks about, as plan.yaml's actor stems
    rest: str  # what it asks whether they do: "skal koordinere det forumet"
    # "Kan kommunen bestemme …?" asks whether it may, not who alone does it: only a sentence that says who
    # alone does it («Det er samarbeidsforum … som prioriterer …») says no; one about another body may not.
    by_cleft_only: bool = False
    # «Er det X eller Y som …?» asks which of them, not whether: the words that name each ("Statsforvalteren")
    either: tuple[str, ...] = ()
    # how the question names the body ("samarbeidsforumet for fag- og yrkesopplæring"): a scheme it names
    # tells that forum from another scheme's
    phrase: str = ""


def read_cleft(question: str) -> Cleft | None:
    """The cleft of a yes/no question's asking sentence, when it asks about a body the documents can
    name as doing something (Statsforvalteren, fylkeskommunen, Udir …); else None."""
    rules = rule_file(PlanRules)
    if not rules.cleft:
        return None
    asking = asking_sentence(question)
    found = re.search(rules.cleft, asking, re.IGNORECASE)
    if found is not None:
        phrase = found.group("actor")
        actors = _actors(phrase) or _ourselves(phrase, question, asking)
        return Cleft(actors, found.group("rest"), either=_either(phrase), phrase=phrase) if actors else None
    led = re.search(rules.verb_cleft, asking, re.IGNORECASE) if rules.verb_cleft else None
    if led is None and rules.claim_cleft:  # "Stemmer det at Udir fordeler pengene?"
        led = re.search(rules.claim_cleft, asking, re.IGNORECASE)
    may = None
    if led is None and rules.duty_cleft:  # "Har Udir ansvaret for å koordinere forumet?"
        duty = re.search(rules.duty_cleft, asking, re.IGNORECASE)
        if duty is not None and (
            actors := _actors(duty.group("actor")) or _ourselves(duty.group("actor"), question, asking)
        ):
            # the deed itself is asked: whose it is to koordinere, as "Er det Udir som skal koordinere …?"
            said = asking[duty.end("actor") : duty.end("rest")].strip() if duty.group("rest") else ""
            rest = f"skal {duty.group('deed')}" if duty.group("deed") else f"har {said}"
            return Cleft(actors, rest, phrase=duty.group("actor"))
    if led is None and rules.decide_cleft:  # "Kan kommunen bestemme selv hvilke tiltak …?"
        led = may = re.search(rules.decide_cleft, asking, re.IGNORECASE)
    if led is None or not (
        actors := _actors(led.group("actor")) or _ourselves(led.group("actor"), question, asking)
    ):
        return None
    rest = f"{led.group('verb')} {led.group('rest').strip()}"
    return Cleft(actors, rest, by_cleft_only=may is not None, phrase=led.group("actor"))


# "vi", "oss", "eg": the asker, as the body the question's other sentences say it is or works in
_WE = re.compile(r"^(?:vi|me|oss|jeg|eg|meg)$", re.IGNORECASE)


def _ourselves(phrase: str, question: str, asking: str) -> tuple[str, ...]:
    """«Jeg jobber i fylkeskommunen. Er det vi som …?»: the one body the sentences before the asking one
    name, when the cleft asks about the asker ("vi", "oss"); else ()."""
    if not _WE.match(phrase.strip()):
        return ()
    before = question[: question.find(asking)] if asking in question else ""
    named = _actors(spelled_out(before))
    return named if len(named) == 1 else ()


def _either(actor: str) -> tuple[str, ...]:
    """The words that name each body of «X eller Y» ("statsforvalteren", "fylkeskommunen"), when each side
    names one body and the two differ; else ()."""
    sides = re.split(r"\s+eller\s+", actor.strip(), flags=re.IGNORECASE)
    if len(sides) != 2:
        return ()
    named = [_actors(side) for side in sides]
    if not all(len(n) == 1 for n in named) or named[0] == named[1]:
        return ()
    return tuple(next(w for w in re.findall(r"[\wæøå-]+", side) if _actors(w)) for side in sides)


def named_alternative(cleft: Cleft, subject: str) -> str | None:
    """Which of an either/or cleft's bodies a sentence's subject names: its word from the question, when
    the subject names that one and not the other; else None."""
    return _named_of(cleft.either, subject)


def _named_of(either: tuple[str, ...], subject: str) -> str | None:
    named = _actors(spelled_out(subject))
    hits = [w for w in either if any(n.endswith(a) for a in _actors(w) for n in named)]
    return hits[0] if len(hits) == 1 else None


def confirmed_which(part: str, said: str) -> tuple[bool, str | None]:
    """Whether a later part asks which of two bodies it is («…, er det fylkeskommunen eller
    samarbeidsforumet?»), and the asker's word for the one `said` (the first answer's subject) names (None
    when it names neither or both)."""
    rules = rule_file(PlanRules)
    found = re.search(rules.confirm, asking_sentence(part), re.IGNORECASE) if rules.confirm else None
    either = _either(found.group("actor")) if found else ()
    return bool(either), _named_of(either, said) if either else None


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


# A word that names a scheme ("yrkesfagordningen", "den lokale ordningen") says where something is
# asked about, not what is done: a sentence that shares it says nothing of paying or prioritising.
_SCHEME_WORD = re.compile(r"ordning(?:en|a|ene|ane|ar|er)?$", re.IGNORECASE)


# (not the verb before a compound: "forvalter" of "forvalter tilskuddsordningen")
_BEFORE_SCHEME_WORD = re.compile(r"([\wæøå-]+)\s+(?=ordning(?:en|a|ene|ane|ar|er)?\b)", re.IGNORECASE)


def is_scheme_word(word: str) -> bool:
    """Whether a word names a scheme by its «ordning» ("yrkesfagordningen")."""
    return bool(_SCHEME_WORD.search(word))


# Where one sentence says two bodies do two things («Det er Statsforvalteren som administrerer X og det er
# samarbeidsforum som skal prioritere tiltak …»), each clause has its own subject.
_CLAUSE_BREAK = re.compile(r",?\s+og\s+(?=(?:det|dette)\s+er\b)|;\s*|,\s+(?:mens|men)\s+", re.IGNORECASE)


# "… i den lokale ordningen for barnehage og grunnskole", "… i ordninga for fag- og yrkesopplæring": the
# phrase that tells in which scheme, to the end of what is asked, names where it is asked, not what is done.
_IN_SCHEME = re.compile(
    r"\s(?:i|innen|innenfor|innanfor|under)\s+(?:(?:den|det|dei)\s+)?(?:[\wæøå-]+\s+)?"
    r"[\wæøå-]*ordning(?:en|a)?\b.*$",
    re.IGNORECASE,
)


def what_is_asked(cleft: Cleft) -> list[str]:
    """The words of what the question asks whether the body does ("koordinere", "forumet")."""
    asking = question_words()
    # "regional" of "i regional ordning", "desentraliserte" of "i den desentraliserte ordningen": with the
    # scheme word, it names the scheme too
    naming = {m.group(1).lower() for m in _BEFORE_SCHEME_WORD.finditer(cleft.rest)}
    rest = _IN_SCHEME.sub("", cleft.rest)
    return [
        w
        for w in content_words(rest)
        if w.lower() not in asking and len(w) >= 5 and not _SCHEME_WORD.search(w) and w.lower() not in naming
    ]


def clauses(sentence: str) -> list[str]:
    """A sentence's clauses that each have a subject of their own (one clause for most sentences)."""
    return [c for c in _CLAUSE_BREAK.split(sentence) if c.strip()]


def done_by_other(cleft: Cleft, subject: str) -> bool:
    """Whether a sentence's subject (its opening words, or the heading of a pronoun-led sentence) names
    another body than the question asks about, and not that one."""
    named = _actors(subject)
    # «Det er barnehage- og skoleeiere som …» says it of the eiere asked about (a skoleeier is an eier), and
    # of a kommune (`actor_kinds`: a kommune is a skoleeier)
    kinds = rule_file(PlanRules).actor_kinds
    covered = any(n.endswith(a) or _is_kind(a, n, kinds) for n in named for a in cleft.actors)
    return bool(named) and not covered


def names_asked(cleft: Cleft, text: str) -> bool:
    """Whether the text names the body the question asks about."""
    kinds = rule_file(PlanRules).actor_kinds
    # the nynorsk owner asked («barnehageeigar») is the bokmål one named («barnehageeier»), `actor_kinds`
    return any(a == n or n in kinds.get(a, []) for a in cleft.actors for n in _actors(text))


def actors_in(text: str) -> set[str]:
    """The bodies a text names, as plan.yaml's actor stems («fylkeskommunene» → fylkeskommun)."""
    return set(_actors(spelled_out(text)))


def names_actor(text: str) -> bool:
    """Whether the text names a body that can do something (plan.yaml actors)."""
    return bool(_actors(text))


def _actors(text: str) -> tuple[str, ...]:
    stems = [a.lower() for a in rule_file(PlanRules).actors]
    words = [w.lower() for w in re.findall(r"[\wæøå-]+", text)]
    return tuple(dict.fromkeys(a for w in words for a in stems if w.startswith(a)))


# «Barnehage- og skoleeiere»: a compound list whose first member shares the second's last part.
_SHARED_TAIL = re.compile(r"\b([\wæøå]+)-\s+(?:og|eller)\s+([\wæøå]+)", re.IGNORECASE)


def spelled_out(text: str) -> str:
    """The text with a shared compound tail written out («barnehage- og skoleeiere» also as
    «barnehageeiere») and hyphens inside words dropped («barnehage-eiere»), so each body is named whole."""
    stems = [a.lower() for a in rule_file(PlanRules).actors]

    def whole(m: re.Match[str]) -> str:
        first, second = m.group(1), m.group(2)
        tails = [second[i:] for a in stems if (i := second.lower().find(a)) > 0]
        return f"{m.group(0)} {first}{tails[0]}" if tails else m.group(0)

    return re.sub(r"(?<=[a-zæøå])-(?=[a-zæøå])", "", _SHARED_TAIL.sub(whole, text))


def asked_subject(question: str) -> tuple[str, ...]:
    """The bodies a yes/no question asks whether they may or must do something ("Kan barnehageeiere søke
    om …?", "Må eierne bidra …?": the words after its opening verb); () when it asks of no body."""
    rules = rule_file(PlanRules)
    found = (
        re.search(rules.subject_question, asking_sentence(question), re.IGNORECASE)
        if rules.subject_question
        else None
    )
    if found is None:
        return ()
    # «barnehage-eiere», «barnehage- og skoleeiere»: each body named whole, as in the sentences
    named = _actors(spelled_out(found.group("subject")))
    # "Vi er en barnehageeier. Kan vi søke om …?": "vi" are the one body the sentences before name; not
    # the verb of "Vi eier en skole" read as a bare «eier»
    first = found.group("subject").split()[0]
    ours = () if named else _ourselves(first, question, asking_sentence(question))
    return named or tuple(a for a in ours if a not in _BARE_OWNER)


_BARE_OWNER = frozenset({"eier", "eigar"})


def subject_fits(
    asked: tuple[str, ...], heading: str, sentence: str, pronoun_led: bool, joins: bool = False
) -> bool:
    """Whether a sentence can say yes of the bodies asked about: it names no body at all, or it names one
    of them (or a kind they are, `actor_kinds`: a kommune is an eier) where its subject stands: in its
    opening words, or right after its first modal verb («… kan skoleeier søke om …»). A sentence whose
    subject is another body («… kan skoleeier søke» to barnehageeiere), or that names the body asked about
    only in passing («Tilskuddsordningen skal bidra til å støtte opp om … eieres ansvar»), says no yes."""
    if not asked:
        return True
    rules = rule_file(PlanRules)
    text = spelled_out(sentence)
    if not _actors(text) and not (pronoun_led and _actors(heading)):
        return True
    if joins and _among_partners(rules, asked, text):
        return True
    named = _subject_actors(rules, heading, text, pronoun_led)
    return any(_is_kind(a, n, rules.actor_kinds) for a in asked for n in named)


def subject_excludes(asked: tuple[str, ...], heading: str, sentence: str, pronoun_led: bool) -> bool:
    """Whether a sentence's subject names only bodies that are not the ones asked about (plan.yaml
    `actor_excludes`: a skoleeier is no barnehageeier): «… kan skoleeier søke om vikarmidler» is a no
    to "Kan barnehageeiere søke om vikarmidler?", not only no yes."""
    rules = rule_file(PlanRules)
    named = _subject_actors(rules, heading, spelled_out(sentence), pronoun_led)
    return bool(asked and named) and all(n in rules.actor_excludes.get(a, []) for a in asked for n in named)


def _subject_actors(rules: PlanRules, heading: str, text: str, pronoun_led: bool) -> tuple[str, ...]:
    """The bodies named where a sentence's subject stands: its opening words, the two words after its
    first modal verb, and for a sentence led by a pronoun its heading."""
    words = text.split()
    zone = " ".join(words[:6])
    modal = re.search(rules.sentence_modal, text, re.IGNORECASE) if rules.sentence_modal else None
    if modal is not None:
        zone += " " + " ".join(text[modal.end() :].split()[:2])
    if pronoun_led:
        zone += " " + heading
    return _actors(spelled_out(zone))


def takes_part(question: str) -> bool:
    """Whether a yes/no question asks if a body takes part in something ("Skal arbeidslivet være med å
    planlegge …?", plan.yaml `taking_part`)."""
    rules = rule_file(PlanRules)
    return bool(rules.taking_part and re.search(rules.taking_part, asking_sentence(question), re.IGNORECASE))


def _among_partners(rules: PlanRules, asked: tuple[str, ...], text: str) -> bool:
    """Whether a sentence names a body asked about among the parties of a collaboration («… i samarbeid
    mellom fylkeskommunen, arbeidslivet og …», `partners_of`)."""
    if not rules.partners_of:
        return False
    for found in re.finditer(rules.partners_of, text, re.IGNORECASE):
        named = _actors(found.group("parties"))
        if any(_is_kind(a, n, rules.actor_kinds) for a in asked for n in named):
            return True
    return False


def _is_kind(asked: str, named: str, kinds: dict[str, list[str]]) -> bool:
    """Whether a body named in a sentence covers the one asked about: the same, or a kind of it, by its
    last part («eier» of «barnehageeier») or by `actor_kinds` (a kommune is an eier)."""
    return asked == named or asked.endswith(named) or named in kinds.get(asked, [])


# Words that may stand between a unit and what it is asked to do ("Kan skolen selv søke …?").
_UNIT_FILLERS = r"(?:selv|sjølv|vår|våre|også|òg)"


def owner_not_unit(question: str, heading: str, sentence: str, pronoun_led: bool) -> bool:
    """Whether a yes/no question asks if a school or barnehage itself applies or reports the needs
    (advisor.yaml `unit_applicants`, `group_applies`: "Kan barnehagen søke om midler …?") and the
    sentence's subject names only owners («Barnehage- og skoleeiere kan søke om tilskudd …»): the owner
    applies for it, so what would be a yes is a no."""
    advisor = rule_file(AdvisorRules)
    rules = rule_file(PlanRules)
    asking = asking_sentence(question)
    found = re.search(rules.subject_question, asking, re.IGNORECASE) if rules.subject_question else None
    # the unit alone ("skolen selv søke"), not one placed ("barnehagene i Nordland": the sector)
    unit = found.group("subject").split()[0].lower() if found else ""
    if not (unit in advisor.unit_applicants and advisor.group_applies):
        return False
    alone = re.match(
        rf"^\W*[\wæøå]+\s+{re.escape(unit)}\s+(?:{_UNIT_FILLERS}\s+)*(?:søk|meld)", asking, re.IGNORECASE
    )
    if alone is None or not re.search(advisor.group_applies, asking, re.IGNORECASE):
        return False
    named = _subject_actors(rules, heading, spelled_out(sentence), pronoun_led)
    return bool(named) and all(_is_kind("eier", n, rules.actor_kinds) or n.endswith("eier") for n in named)
