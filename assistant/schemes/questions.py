"""Reading the advisor's questions into plain values: what a chat question asks the advisor.

Two kinds of question reach the advisor. "Which schemes fit us?" is read into a `ProfileDraft`: the owner
type, every sector the owner names (an owner may run schools and a PP-tjeneste) and the need. A yes/no
question about a scheme ("Kan miljøarbeiderne våre delta?", "Får en privat barnehage være med?", "Kan vi
bruke pengene på et seminar?") is read into a `YesNo`: the scheme, named in the question or in one of the
conversation's last questions, and what is asked about it: a group of people, an owner type or a use of
the money. Later stages read these values; none parses the question again. Word lists: advisor.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.answer.plan import asking_sentence
from assistant.rules import AdvisorRules, PlanRules, ScopeRules, rule_file
from assistant.schemes.catalogue import Catalogue, Scheme
from assistant.schemes.matching import (
    at_work,
    find_scheme,
    home_sectors_named,
    known_group,
    mention_spans,
    only_people,
    only_scheme_of_group,
)
from assistant.schemes.scope import named_schemes

# The tokens of `lexical.words`, with their places in the text: the scheme's mention spans count in them.
_TOKEN = re.compile(r"[0-9a-zæøåéèüöäó]+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _rules() -> AdvisorRules:
    return rule_file(AdvisorRules)


def has_phrase(text: str, phrase: str) -> bool:
    """The phrase as a word start: "barnehage" also finds "barnehagene", never "skolebarnehage"."""
    return re.search(rf"(?<![\w-]){re.escape(phrase)}", text) is not None


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def slot(text: str, slots: dict[str, list[str]]) -> str | None:
    """The first value (in the YAML's order, most specific first) whose phrases occur in the text."""
    lowered = text.lower()
    return next(
        (value for value, phrases in slots.items() if any(has_phrase(lowered, p) for p in phrases)), None
    )


# --- "which schemes fit us?" ------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileDraft:
    owner_type: str | None = None
    sectors: tuple[str, ...] = ()  # every sector the owner named; a scheme fits if it fits any of them
    need: str = "any"
    sectors_certain: bool = True  # False when "skoler" could be grunnskoler or videregående skoler

    @property
    def complete(self) -> bool:
        return self.owner_type is not None and bool(self.sectors) and self.sectors_certain


def read_profile(questions: Sequence[str]) -> ProfileDraft:
    """Owner type, sectors and need from the conversation's questions. A later question that names an
    owner, a need or any sector overrides the earlier one; the sectors of one question are all kept."""
    rules = _rules()
    owner: str | None = None
    need = "any"
    named: tuple[str, ...] = ()
    schools = False
    for text in questions:
        # "Vi driver private barnehager. Kan vi få midler, selv om vi ikke er kommune?": not who asks
        said = re.sub(rules.negated_owner, " ", text, flags=re.IGNORECASE) if rules.negated_owner else text
        owner = slot(said, rules.owner_type) or _private_owner(said) or owner
        need = slot(text, rules.need) or need
        sectors, says_schools = _named_sectors(text)
        if sectors or says_schools:
            named, schools = sectors, says_schools
    sectors, certain = _with_schools(named, schools, owner)
    if not sectors and owner == "privat_barnehageeier":
        sectors = ("barnehage",)  # a private kindergarten owner asks about kindergartens
    return ProfileDraft(owner, sectors, need, certain)


def _private_owner(text: str) -> str | None:
    """ "Vi er en privat eier med fire barnehager": the one private owner type (advisor.yaml
    `private_owners`) that runs every sector the text names; None when it names none, or more fit."""
    rules = _rules()
    if rules.private_owner is None or not re.search(rules.private_owner, text, flags=re.IGNORECASE):
        return None
    named, schools = _named_sectors(text)
    wanted = {*named, *(rules.school_sectors if schools else ())}
    fits = [o for o in rules.private_owners if wanted and wanted <= set(rules.owner_sectors.get(o, ()))]
    return fits[0] if len(fits) == 1 else None


def asked_sectors(text: str) -> tuple[str, ...]:
    """The sectors a text puts its question in: those it names, and bare "skolene" as the kinds the
    owner it names runs ("Vi er en kommune … barnehagene og skolene våre": barnehage, grunnskole)."""
    return read_profile([text]).sectors


def _named_sectors(text: str) -> tuple[tuple[str, ...], bool]:
    """The sectors the text names, and whether it speaks of schools without saying which kind."""
    rules, lowered = _rules(), text.lower()
    named = tuple(s for s, phrases in rules.sector.items() if any(has_phrase(lowered, p) for p in phrases))
    schools = any(_has_word(lowered, w) for w in rules.school_words)
    schools = schools or (not named and any(_has_word(lowered, w) for w in rules.teacher_words))
    return named, schools and not set(named) & set(rules.school_sectors)


def _with_schools(named: tuple[str, ...], schools: bool, owner: str | None) -> tuple[tuple[str, ...], bool]:
    """Bare "skoler" are the school sectors the owner runs; when that leaves more than one, the answer
    must not promise more than "kan passe" (a private school owner may run either kind)."""
    if not schools:
        return named, True
    rules = _rules()
    runs = set(rules.owner_sectors.get(owner or "", rules.school_sectors))
    kinds = [s for s in rules.school_sectors if s in runs] or list(rules.school_sectors)
    return tuple(dict.fromkeys([*named, *kinds])), len(kinds) == 1


def asks_for_match(question: str, catalogue: Catalogue) -> bool:
    """ "Which schemes fit us?"; not "Which schemes are part of <a named scheme>?"."""
    lowered, rules = question.lower(), _rules()
    return (
        any(p in lowered for p in rules.match_phrases)
        and any(c in lowered + " " for c in rules.match_context)
        and find_scheme(catalogue, question) is None
    )


# "Hvilke tilbud passer for assistenter i barnehagen?": the people the schemes are asked for.
_FOR_WHOM = re.compile(r"\b(?:for|til)\s+(?P<who>[^?.!,;:]+)", re.IGNORECASE)


def asked_group(question: str, catalogue: Catalogue) -> str | None:
    """The group of people a "which schemes" question asks for, when the word lists know it: "for
    assistenter i barnehagen" → "assistenter i barnehagen"; not "for oss", "for en kommune" or "for
    spesialpedagogikk"."""
    for found in _FOR_WHOM.finditer(asking_sentence(question)):
        who = " ".join(found.group("who").split())
        if known_group(catalogue, who) and slot(who, _rules().owner_type) is None:
            return who
    return None


def supplies_profile(question: str) -> bool:
    """A short reply that names an owner or a sector ("Vi er en kommune.")."""
    rules = _rules()
    short = len(question.split()) <= rules.follow_up_words
    return short and (slot(question, rules.owner_type) is not None or any(_named_sectors(question)))


# --- yes/no questions about a scheme --------------------------------------------------------------


@dataclass(frozen=True)
class YesNo:
    """A yes/no question about one scheme."""

    scheme: Scheme
    about: str  # "group" | "owner" | "use" | "partner" | "procurement" | "sector"
    # the group or the use of the money as asked; for "owner"/"partner" the owner/partner type; for
    # "procurement" what is asked: "bypass" (buy without a tender) or "tender" (is one needed); for "sector"
    # the sectors asked about, space-separated
    text: str
    scheme_named: bool = True  # False when the scheme was taken from an earlier question
    use_kind: str | None = None  # the need the use is: "videreutdanning" is individuell
    use_group: str = ""  # the group a use is for: "et seminar for rektorene" → "rektorene"
    for_one: bool = False  # the use is one person's own learning: "mitt eget kurs", "Kan jeg få …"
    measure: str = ""  # the competence measure a use for many names: "et felles kurs for alle" → "kurs"
    # The owner asked about by what it owns ("barnehageeiere"; advisor.yaml `sector_owners`), when the
    # question asks whether it may apply or get something, not whether it is a target group
    sector_owner: str = ""
    # a group of staff asked as the one who applies for the money ("Kan lærerne søke om midler …?")
    applies: bool = False


@dataclass(frozen=True)
class _Token:
    word: str  # lower case
    start: int
    end: int


@dataclass(frozen=True)
class _Clause:
    text: str  # the asking clause, from its opener on
    tokens: list[_Token]
    scheme_at: frozenset[int]  # the tokens that name the scheme


def _there_a_body(tokens: list[_Token], context: Sequence[str]) -> bool:
    """ "Kan vi delta der?" after "… har invitert oss inn i samarbeidsforumet.": "der" is the forum."""
    rules = _rules()
    if not any(t.word in rules.place_references for t in tokens):
        return False
    return any(w.startswith(tuple(rules.scheme_bodies)) for w in _TOKEN.findall(" ".join(context).lower()))


def _asks_money_route(lowered: str) -> bool:
    """Whether a yes/no clause asks which way the money goes ("… få tilskudd direkte fra Udir?") or a right
    to it ("Har PPT krav på midler …?"): neither is settled by a group's place in the target group."""
    rules = _rules()
    if any(has_phrase(lowered, c) for c in rules.channel_phrases):
        return True
    money = "|".join(re.escape(m) for m in rules.money_words)
    return (
        any(
            re.search(rf"(?<![\w-]){re.escape(e)}\s+(?:[\w-]+\s+){{0,2}}?(?:[\w-]*?)(?:{money})\b", lowered)
            for e in rules.entitlement_phrases
        )
        if money
        else False
    )


def read_yes_no(question: str, previous: Sequence[str], catalogue: Catalogue) -> YesNo | None:
    """The yes/no question about a scheme, or None when the question is not one (or names no group,
    owner or use the advisor can answer for)."""
    scheme, named = scheme_in(question, previous, catalogue)
    if scheme is None:
        scheme = _unnamed_scheme(question, catalogue)
    if scheme is None:
        # "Kan private barnehager få kompetansemidler?": an owner asking after the money in general asks
        # after the scheme that gives owners of barnehager and schools theirs (advisor.yaml `owners_scheme`)
        rules = _rules()
        general = rules.owners_scheme_asked
        default = catalogue.get(rules.owners_scheme or "")
        if default is None or not general or not re.search(general, asking_sentence(question), re.IGNORECASE):
            return None
        asked = _read_for(default, False, question, catalogue, previous)
        if asked is not None and asked.applies:  # "Jeg er rektor. Kan jeg melde behov …?": the owner does
            return asked
        if asked is None or asked.about not in ("owner", "partner"):
            return None
        # "Kan kommunen bruke et konsulentfirma som samarbeidspartner?" asks about a partner the catalogue
        # has no type for, not whether the owner is in the scheme
        lowered = asking_sentence(question).lower()
        if asked.about == "owner" and any(has_phrase(lowered, r) for r in rules.partner_roles):
            return None
        return asked
    if named and (sectors := _asked_sector(question, scheme)):
        return YesNo(scheme, "sector", " ".join(sectors), named)
    asked = _read_for(scheme, named, question, catalogue, previous)
    reads_owner = asked is not None and asked.about in ("group", "use")
    if asked is not None and reads_owner and (owner := _sector_owner(question, catalogue)):
        return replace(asked, sector_owner=owner)
    applies = _rules().group_applies
    if asked is not None and asked.about == "group" and applies:
        clause = _asking_clause(question)
        if clause is not None and re.search(applies, clause[0], re.IGNORECASE):
            return replace(asked, applies=True)
    return asked


# The endings a noun asked about ("skolene", "lærerne") may have where a sentence names it ("skoler").
_NOUN_ENDINGS = re.compile(r"(?:ene|ane|en|et|er|ar|a|e|r)$")
_MIN_STEM = 4


def names_word(quote: str, asked: str) -> bool:
    """Whether a quote names the one-word group or unit asked about in any of its forms, as a word of its
    own: "skolene" in «Videregående skoler …», not in «skoleeiere»."""
    if " " in asked:
        return False
    stem = _NOUN_ENDINGS.sub("", asked.lower())
    said = re.search(rf"\b{re.escape(stem)}(?:e|en|er|ene|ar|ane|a)?\b", quote.lower())
    return len(stem) >= _MIN_STEM and said is not None


_UNIT_FILLERS = frozenset({"selv", "sjølv", "vår", "våre", "også", "òg", "din", "deres", "dykkar"})


def _staff_applicant(scheme: Scheme, clause: _Clause, context: list[str], catalogue: Catalogue) -> str:
    """The school or staff group a yes/no clause asks whether it applies or reports the needs itself: the
    subject when it is a school or barnehage (advisor.yaml `unit_applicants`: "Kan skolen selv søke om
    midler …?"), or for "jeg"/"vi" a staff group the asker says they are ("Jeg er rektor på en
    grunnskole." → "rektor"), where the owners report them (`_owners_report`); "" otherwise."""
    rules = _rules()
    words = _subject(clause).lower().split()
    if words:
        unit = words[0] in rules.unit_applicants and all(w in _UNIT_FILLERS for w in words[1:])
        return words[0] if unit and _owners_report(scheme, words[0], clause.text) else ""
    if not any(t.word in rules.first_person for t in clause.tokens):
        return ""
    said = _identity(context)
    who = re.split(r"\s+(?:i|på|hos|ved|for)\s+", said, maxsplit=1)[0] if said else ""
    known = who and known_group(catalogue, who) and not _owner(said)
    return who if known and _owners_report(scheme, who, clause.text) else ""


def _owners_report(scheme: Scheme, asked: str, clause: str) -> bool:
    """Whether a clause asks if `asked` applies or reports the needs (advisor.yaml `group_applies`) in a
    collective scheme whose first step is the owners' («Det er barnehage- og skoleeiere som … melder behov
    …»), not one said of the ones asked («Videregående skoler … formidler behovene videre …»)."""
    rules = _rules()
    collective = scheme.kind is not None and scheme.kind.value == "kollektiv" and bool(scheme.process)
    return bool(
        collective
        and not names_word(scheme.process[0].quote, asked)
        and rules.group_applies
        and re.search(rules.group_applies, clause, re.IGNORECASE)
    )


def _asked_sector(question: str, scheme: Scheme) -> tuple[str, ...]:
    """The sectors a "Gjelder <scheme> for barnehager?" question asks about: the clause is an opener, the
    scheme's name, and after it only small words (`sector_links`) and words for sectors; () when it says
    more, when the scheme lists no sector, or when a sector asked is not one such a question is answered
    for (`sector_question_sectors`)."""
    rules = _rules()
    asked = _asking_clause(question, rules.sector_openers)
    if asked is None or not scheme.sectors:
        return ()
    text = asked[0]
    tokens = [m.group().lower() for m in _TOKEN.finditer(text)]
    spans = mention_spans(scheme, text)
    if not tokens or tokens[0] not in rules.sector_openers or not spans:
        return ()
    start = min(a for a, _ in spans)
    if any(t not in rules.sector_links for t in tokens[1:start]):
        return ()
    rest = tokens[max(e for a, e in spans if a == start) :]
    # one-word sector names, as word starts: "grunnskule" is also "grunnskulane"
    sector_words = {p.lower(): sector for sector, said in rules.sector.items() for p in said if " " not in p}
    found: list[str] = []
    for word in rest:
        if named := [sector for start, sector in sector_words.items() if word.startswith(start)]:
            found += named
        elif word in rules.school_words:
            found += rules.school_sectors
        elif word not in rules.sector_links:
            return ()
    sectors = tuple(dict.fromkeys(found))
    return sectors if sectors and set(sectors) <= set(rules.sector_question_sectors) else ()


def _sector_owner(question: str, catalogue: Catalogue) -> str:
    """The name of the owner the asking clause's subject is, named by what it owns ("Kan barnehageeiere
    søke om …?"), or "" (also when the clause asks about a target group: "Er skoleeiere i målgruppen …?").
    After "får" the subject runs into its object ("Får barnehageeierne vikarmidler …?"): words after the
    owner are allowed unless they are people ("skoleeierens ansatte" are staff, not the owner)."""
    rules = _rules()
    asked = _asking_clause(question)
    if asked is None or any(has_phrase(asked[0].lower(), m) for m in rules.eligibility_markers):
        return ""
    tokens = [_Token(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(asked[0])]
    subject = " ".join(_subject(_Clause(asked[0], tokens, frozenset())).lower().split())
    for owner in rules.sector_owners:
        starts = "|".join(re.escape(w.lower()) for w in owner.words)
        found = re.match(rf"(?:{starts})[\w-]*(?![\w-])", subject)
        rest = subject[found.end() :].strip() if found else ""
        if found and not (rest and (known_group(catalogue, rest) or only_people(rest.split()[0]))):
            return owner.name
    return ""


def _unnamed_scheme(question: str, catalogue: Catalogue) -> Scheme | None:
    """For a question that names no scheme: the scheme of the activity it asks about, else of the field or
    group it asks about."""
    return _activity_scheme(asking_sentence(question), catalogue) or _home_scheme(question, catalogue)


def default_scheme(question: str, catalogue: Catalogue) -> Scheme | None:
    """The scheme a question that names none is about: its activity's, field's or group's, else, for an
    asker speaking of the money, the measures or reporting needs (advisor.yaml `owners_scheme_asked`), or
    an owner or sector of its own (`owners_scheme_owners`, `owners_scheme_sectors`), the scheme that gives
    owners of barnehager and schools theirs (`owners_scheme`)."""
    if found := _unnamed_scheme(question, catalogue):
        return found
    rules = _rules()
    general = rules.owners_scheme_asked
    profile = read_profile([question])
    owner = profile.owner_type in rules.owners_scheme_owners
    sectors = bool(profile.sectors) and set(profile.sectors) <= set(rules.owners_scheme_sectors)
    if not (owner or sectors or (general and re.search(general, question, re.IGNORECASE))):
        return None
    return catalogue.get(rules.owners_scheme or "")


def _read_for(
    scheme: Scheme, named: bool, question: str, catalogue: Catalogue, previous: Sequence[str] = ()
) -> YesNo | None:
    """The yes/no question read as one about `scheme` (`named`: by the question itself)."""
    rules = _rules()
    if buying := _procurement(question):
        return YesNo(scheme, "procurement", buying, named)
    asked = _asking_clause(question)
    if asked is None:
        return None
    text, context = asked  # context: the question's other sentences and clauses ("Jeg er rektor.")
    tokens = [_Token(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    spans = mention_spans(scheme, text) if named else []
    clause = _Clause(text, tokens, frozenset(i for a, b in spans for i in range(a, b)))
    # "Kan skolen selv søke om midler …?", "Jeg er rektor. Kan jeg melde behov direkte til Statsforvalteren?":
    # a school or a staff member asked as the one who reports the needs, where the owner does
    if applicant := _staff_applicant(scheme, clause, context, catalogue):
        return YesNo(scheme, "group", applicant, named, applies=True)
    if _asks_money_route(text.lower()):
        return None
    if partner := _partner(clause, context):
        return YesNo(scheme, "partner", partner, named)
    one = _one_person(clause, catalogue)
    if use := _without_also(_use(clause)):
        if known_group(catalogue, use):  # "Kan vi søke om midler for assistentene?"
            return YesNo(scheme, "group", use, named)
        kind, group = slot(use, rules.need), _use_group(use, catalogue, _subject(clause))
        for_one = kind is None and not group and _for_one(clause, use, one)
        subject = "" if group or one else _subject(clause)
        if subject and known_group(catalogue, subject):
            group = subject  # "Kan assistentene få betalt kurs gjennom Rekom?": the course is theirs
        measure = "" if for_one or kind == "individuell" else _measure_for_many(use, group, kind)
        if measure and subject and group == subject:
            use = f"{use} for {subject}"  # what the answer says is a collective measure
        if measure and kind is None:
            kind = "kollektiv"  # a measure for many is collective competence development
        return YesNo(scheme, "use", use, named, kind, group, for_one, measure)
    # "Kan en assistent få pengene til fagskoleutdanning?": one person getting the money for their own
    # learning is a use of it; any other "få midler til" question is read as before (group, owner)
    got = _use(clause, rules.getting_verbs) if one else ""
    if got and not known_group(catalogue, got):
        kind = slot(got, rules.need)
        if kind == "individuell" or (kind is None and _for_one(clause, got, one)):
            return YesNo(scheme, "use", got, named, kind, "", kind is None)
    lowered = text.lower()
    if any(has_phrase(lowered, j) for j in rules.joint_phrases):
        return None  # "Kan flere eiere gå sammen om å melde behov?": how needs are reported, not who is in
    strong = any(has_phrase(lowered, m) for m in rules.eligibility_markers)
    if not strong and not any(has_phrase(lowered, m) for m in rules.participation_markers):
        return None
    if any(t.word.startswith(tuple(rules.scheme_bodies)) for t in tokens) or _there_a_body(tokens, context):
        return None  # membership of the scheme's forum, not of its target group
    # "de som jobber i PPT" is the staff of PPT, not "de som jobber" (andre ansatte)
    subject = at_work(_subject(clause) or _identity(context))
    if subject and _first_person_as(clause) and not known_group(catalogue, subject) and not _owner(subject):
        subject = ""  # "Kan vi som private aktører …?" says loosely what "vi" are: the profile says who
    if subject.lower() in rules.group_pronouns:  # "Vi har noen lærere på fagskolen. Kan de få …?"
        subject = _identity(context, rules.having_openers)
    elif subject and (theirs := _of_our_body(clause, subject, context, catalogue)):
        subject = theirs  # "Vi er en fagskole. Kan lærerne våre …?": the fagskole's teachers
    if not subject and (place := _workplace_group(context, catalogue)):
        return YesNo(scheme, "group", place, named)  # "Jeg jobber i PP-tjenesten. Kan vi være med?"
    if not subject:
        first_person = any(t.word in rules.first_person for t in tokens)
        # Who "vi" is, the question's other sentences say before its asking clause does: in "Vi eier
        # en privat skole. Kan vi være med på kurset til fylkeskommunen?" the owner is the private one.
        # the alternative ("…, eller bare for kommunene?") is the other reading, not who asks
        said = [c for c in context if not _ALTERNATIVE_PART.match(c)]
        owner = read_profile([*previous, text, *said]).owner_type if first_person else None
        return YesNo(scheme, "owner", owner, named) if owner else None
    if owner := _owner(subject):
        return YesNo(scheme, "owner", owner, named)
    # "styrere i private barnehager", "prøvenemnd for tømrerfaget"; the trade is dropped last: "lærere i
    # yrkesfag på private skoler" are yrkesfaglærere
    if not known_group(catalogue, subject):
        for bare in dict.fromkeys([_without_kind(subject, trades=False), _without_kind(subject)]):
            if bare != subject and known_group(catalogue, bare):
                return YesNo(scheme, "group", bare, named)
    # "prøvenemnd i tømrerfaget", "lærer på en ungdomsskole": the group is the noun before the place.
    split = re.split(r"\s+(?:i|på|hos|ved|for)\s+", subject, maxsplit=1)
    head, place = str(split[0]), _without_determiner(str(split[-1])) if len(split) > 1 else ""
    # "ansatte i barnevernet": people of a group the lists know are that group, not "andre ansatte"
    # "leder for PP-tjenesten i kommunen": who leads a body the lists know is of that body. Before an
    # unknown group is taken whole: "Er personalet i PP-tjenesten i målgruppen …?" asks about PPT.
    leads = head.lower() in rules.leader_words
    place_head = _without_determiner(_PLACE_PREPOSITION.split(place, maxsplit=1)[0]) if leads else place
    if not known_group(catalogue, subject):
        for where in dict.fromkeys([place, place_head]):
            if where and (only_people(head) or leads) and known_group(catalogue, where):
                return YesNo(scheme, "group", where, named)
    if known_group(catalogue, subject) or (strong and len(subject.split()) <= rules.max_group_words):
        return YesNo(scheme, "group", subject, named)
    if head != subject and known_group(catalogue, head):
        return YesNo(scheme, "group", head, named)
    # "Får assistentene kurs gjennom …?": with the opener "får", the group runs into its object; the
    # longest start of the subject that is a group the lists know is the group
    words = subject.split()
    start = next(
        (
            " ".join(words[:n])
            for n in range(len(words) - 1, 0, -1)
            if known_group(catalogue, " ".join(words[:n]))
        ),
        "",
    )
    if start:
        return YesNo(scheme, "group", start, named)
    # "Er fagleder ved en videregående skole i målgruppen …?": a person the lists don't name, at a place,
    # asked about as a target group, is asked about as who they are; the verdict says what the sources name
    if strong and place and (leads or only_people(head)) and len(head.split()) <= rules.max_group_words:
        return YesNo(scheme, "group", subject, named)
    return None


_PLACE_PREPOSITION = re.compile(r"\s+(?:i|på|hos|ved|for|innen|innan)\s+", re.IGNORECASE)


def _without_kind(subject: str, trades: bool = True) -> str:
    """The group without the words that only say which trade or subject its people are in ("for
    tømrerfaget", "i elektrofag") or what kind of owner runs their workplace ("private", "kommunale"):
    "prøvenemnd for tømrerfaget" → "prøvenemnd", "styrere i private barnehager" → "styrere i barnehager".
    The place itself ("i barnehager") is kept: it may say which sector the group works in."""
    rules = _rules()
    seps = _PLACE_PREPOSITION.findall(subject)
    result = ""
    for n, part in enumerate(_PLACE_PREPOSITION.split(subject)):
        # "private eiere" is an owner; "styrere i private barnehager" are styrere wherever they work
        words = [w for w in part.split() if not n or w.lower() not in rules.owner_kinds]
        content = [w for w in words if w.lower() not in rules.group_noise]
        if trades and n and content and all(w.lower().endswith(tuple(rules.trade_ends)) for w in content):
            continue  # "for tømrerfaget": which trade, not who
        result += (seps[n - 1] if n else "") + " ".join(words)
    return " ".join(result.split())


def _of_our_body(clause: _Clause, subject: str, context: list[str], catalogue: Catalogue) -> str:
    """ "Vi er en fagskole. Kan lærerne våre være med?": the group as the asker's body's people ("lærerne
    ved fagskole"), when the subject is followed by "våre" and that is a group the lists know; else ""."""
    rules = _rules()
    at = clause.text.find(subject)
    ends = [i for i, t in enumerate(clause.tokens) if at >= 0 and t.end == at + len(subject)]
    after = clause.tokens[ends[0] + 1].word if ends and ends[0] + 1 < len(clause.tokens) else ""
    if after not in rules.our_words:
        return ""
    # Who the asker is ("Vi er en fagskole"), or, for one who gives a title ("Jeg er rektor ved en
    # fagskole") or says where they work ("Jeg jobber på en fagskole"), the place after it.
    for said in (_identity(context), _identity(context, rules.workplace_openers)):
        pieces = re.split(r"\s+(?:som|med|i|på|ved|der|og)\s+|,", said, maxsplit=2)
        for piece in pieces[:2]:
            body = _without_determiner(piece)
            if not body or slot(body, rules.owner_type):
                break  # "Vi er en kommune": an owner, not a workplace that says who the people are
            theirs = f"{subject} ved {body}"
            if known_group(catalogue, theirs):
                return theirs
    return ""


def _workplace_group(context: list[str], catalogue: Catalogue) -> str:
    """Where the asker works or what they lead, when that is a group the lists know: "Jeg jobber i
    PP-tjenesten" → "PP-tjenesten", "Jeg leder en PP-tjeneste i en kommune" → "PP-tjeneste"."""
    place = _identity(context, _rules().workplace_openers)
    if not place:
        return ""
    head = _without_determiner(_PLACE_PREPOSITION.split(place, maxsplit=1)[0])
    # "en felles PP-tjeneste" is a PP-tjeneste; not when the words before say whose it is ("en
    # privat barnehage" is an owner's, read by the owner types)
    noun = head.split()[-1] if head and not _names_owner(head) else ""
    return next((p for p in (place, head, noun) if p and known_group(catalogue, p)), "")


def _names_owner(text: str) -> bool:
    """Whether a text names an owner type (advisor.yaml `owner_type`): "privat barnehage", "kommunal"."""
    lowered = text.lower()
    return any(has_phrase(lowered, w) for words in _rules().owner_type.values() for w in words)


def _without_determiner(text: str) -> str:
    """ "en fagskole" → "fagskole": the place without the small words before it."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in _rules().group_noise:
        words = words[1:]
    return " ".join(words)


def scheme_in(question: str, previous: Sequence[str], catalogue: Catalogue) -> tuple[Scheme | None, bool]:
    """The scheme the question names, else the one named in the latest of the last few questions."""
    if found := _named(question, catalogue):
        return found, True
    for earlier in reversed(previous[-_rules().scheme_memory :]):
        if found := _named(earlier, catalogue):
            return found, False
    return None, False


def _activity_scheme(asking: str, catalogue: Catalogue) -> Scheme | None:
    """The scheme whose own activity a yes/no question that names no scheme asks about (advisor.yaml
    `activity_schemes`): "Kan lærerne våre hospitere i en bedrift?" asks about the hospitering scheme, not
    about the scheme of the field the teachers work in."""
    said = {w.lower() for w in _TOKEN.findall(asking)}
    for scheme_id, verbs in _rules().activity_schemes.items():
        if said & {v.lower() for v in verbs}:
            return catalogue.get(scheme_id)
    return None


def _home_scheme(question: str, catalogue: Catalogue) -> Scheme | None:
    """For a question that names no scheme, the scheme of the field (scope.yaml `fields`) the group it asks
    about works in (target_groups.yaml `home_sectors`): "Kan instruktører delta på tiltak?" asks about the
    measures of the vocational scheme, the only one that has them. Else the one scheme that names the group
    as a target group (`_group_scheme`)."""
    sectors = home_sectors_named(asking_sentence(question))
    if len(sectors) != 1:
        return _group_scheme(question, catalogue)
    fields = [catalogue.get(i) for i in rule_file(ScopeRules).fields]
    found = [s for s in fields if s is not None and any(e.value in sectors for e in s.sectors)]
    return found[0] if len(found) == 1 else None


def _group_scheme(question: str, catalogue: Catalogue) -> Scheme | None:
    """The one scheme that names the group the asking clause asks about as a target group ("Kan vi i PPT
    delta på tiltak, eller er det bare for lærere?": PPT, not the groups of the «eller» clause); for «vi»
    and no group, the group the asker works in ("Jeg jobber i PPT. Kan vi være med?")."""
    asked = _asking_clause(question)
    if asked is None:
        return None
    rules = _rules()
    clause, context = asked
    kinds, not_groups = rules.group_scheme_kinds, rules.group_scheme_not_groups
    found = only_scheme_of_group(catalogue, clause, kinds, not_groups)
    first_person = any(w.lower() in rules.first_person for w in _TOKEN.findall(clause))
    if found is None and first_person and (place := _workplace_group(context, catalogue)):
        found = only_scheme_of_group(catalogue, place, kinds, not_groups)
    return found


def _named(text: str, catalogue: Catalogue) -> Scheme | None:
    """By name or alias; else by a topic phrase of scope.yaml ("kompetansemidlene til fag og
    yrkesopplæring" is that scheme's, though it is not its name)."""
    if found := find_scheme(catalogue, text):
        # "kompetansepakken om programmering" names the one package, not the umbrella "kompetansepakker"
        held = set(rule_file(ScopeRules).parts.get(found.id, ()))
        if not held:
            return found
        return next((catalogue.get(i) for i in named_schemes(catalogue, text) if i in held), None) or found
    ids = named_schemes(catalogue, text)
    return catalogue.get(ids[0]) if ids else None


def _asking_clause(question: str, openers: Sequence[str] = ()) -> tuple[str, list[str]] | None:
    """The clause that asks (from its opener on) and the rest of the question as context. The asking
    sentence is the last with a question mark; its clause is the first that opens with an opener
    (`openers`, else eligibility_openers)."""
    rules = _rules()
    openers = openers or rules.eligibility_openers
    sentences = [s for s in _SENTENCE_END.split(question.strip()) if s.strip()]
    if not sentences:
        return None
    asking = next((i for i in range(len(sentences) - 1, -1, -1) if "?" in sentences[i]), len(sentences) - 1)
    parts = sentences[asking].split(",")
    for n, part in enumerate(parts):
        words = part.split()
        skip = 0
        while skip < len(words) - 1 and words[skip].lower().strip("«»\"'") in rules.leading_words:
            skip += 1
        if words and words[skip].lower() in openers:
            clause = " ".join(words[skip:])
            context = sentences[:asking] + parts[:n] + parts[n + 1 :] + sentences[asking + 1 :]
            return clause, [c.strip() for c in context if c.strip()]
    return None


def _kind(clause: _Clause, i: int) -> str:
    """A token's part in "<opener> <group> <predicate> …": the scheme, a word that ends the group, a
    small word, or a word of the group."""
    rules, word = _rules(), clause.tokens[i].word
    if i in clause.scheme_at:
        return "scheme"
    if word in rules.group_ends:
        return "end"
    # A lone letter is what the tokens leave of a word like "òg".
    if word in rules.group_noise or word in rules.first_person or word.isdigit() or len(word) < 2:
        return "noise"
    return "word"


def _subject(clause: _Clause) -> str:
    """The group the question asks about, as written: from the first word of substance after the
    opener to the word that ends it. "Kan miljøarbeiderne våre delta?" → "miljøarbeiderne"; "Gjelder
    det også fagskolelærere?" → "fagskolelærere". "" when the subject is "jeg" or "vi" ("Kan vi være
    med i …?"): who that is, the rest of the conversation says."""
    first_person = set(_rules().first_person)
    n, i, seen_first_person = len(clause.tokens), 1, False
    while i < n and _kind(clause, i) != "word":
        if _kind(clause, i) == "end" and seen_first_person:
            return ""
        seen_first_person = seen_first_person or clause.tokens[i].word in first_person
        i += 1
    j = i
    while j < n and _kind(clause, j) in ("word", "noise"):
        j += 1
    kept = [k for k in range(i, j) if _kind(clause, k) == "word"]
    return _span(clause, kept)


def _span(clause: _Clause, kept: list[int]) -> str:
    if not kept:
        return ""
    return clause.text[clause.tokens[kept[0]].start : clause.tokens[kept[-1]].end]


def _identity(context: list[str], openers: Sequence[str] | None = None) -> str:
    """What the asker said they are, for "jeg"/"vi": "Jeg er instruktør i en lærebedrift." → "instruktør
    i en lærebedrift". The latest such sentence wins. `openers`: other openers than identity_openers
    (where the asker works)."""
    rules = _rules()
    for sentence in reversed(context):
        flat = " ".join(sentence.split()).rstrip(".!")
        for opener in rules.identity_openers if openers is None else openers:
            if found := re.search(rf"(?<![\w-]){re.escape(opener)} ", flat, re.IGNORECASE):
                rest = flat[found.end() :].split(",")[0].strip()
                first, _, tail = rest.partition(" ")
                return tail if first.lower() in rules.group_noise and tail else rest
    return ""


def _partner(clause: _Clause, context: list[str]) -> str | None:
    """The partner type when the question asks whether a fagskole, a university … may be the owners'
    partner or provider ("Kan vi som fagskole være med å levere kurs?", "Vi er en høyskole. Kan vi være
    samarbeidspartner?"): it is the subject, or who the asker says they are, and a role word asks about it,
    or it is the subject and nothing more ("Kan fagskoler være med?"). Not a question about the scheme's
    target group ("Er fagskoler målgruppe …?") or its forum ("… være med i samarbeidsforumet?")."""
    rules = _rules()
    if any(t.word.startswith(tuple(rules.scheme_bodies)) for t in clause.tokens):
        return None
    # "Må vi samarbeide med en høyskole?" asks whether a partner is required, not whether one may be: the
    # catalogue says who may, so the sources' own sentence answers (its alternatives: «… eller fagskole»)
    required = rule_file(PlanRules).required
    if required is not None and re.search(required, clause.text, re.IGNORECASE):
        return None
    # "Gjelder kravet om partnerskap med universitet også for yrkesfag?": whether a requirement holds
    duty = rule_file(PlanRules).duty
    if duty is not None and re.search(duty, clause.text, re.IGNORECASE):
        return None
    asked = clause.text.lower()
    roles = "|".join(re.escape(r) for r in rules.partner_roles)
    # "Kan vi gjennomføre tiltak uten partnerskap med universitet?" asks whether the partner may be left out
    if re.search(rf"\b(?:uten|utan)\s+(?:å\s+)?(?:[\w-]+\s+)?(?:{roles})", asked):
        return None
    role = any(has_phrase(asked, r) for r in rules.partner_roles)
    # "Kan vi samarbeide med en fagskole …?": the partner is whom the owner works with, right after the
    # role word (not "bruke pakken sammen med høgskolen vi samarbeider med", a use of the package)
    with_whom = re.search(rf"(?<![\w-])(?:{roles})[\w-]*\s+med\s+(?:(?:en|ei|et|ein|eit)\s+)?(.*)", asked)
    if with_whom and (partner := _partner_at(with_whom.group(1))):
        return partner[0]
    subject = _subject(clause)
    who = [subject]
    if not subject or any(t.word in rules.first_person for t in clause.tokens):
        who.append(_identity(context))  # "Vi er en fagskole. Kan vi tilby kurs …?"
    for text in who:
        if found := _partner_at(text.lower()):
            kind, phrase = found
            # "Er fagskoler målgruppe …?" asks about the target group, "Kan høgskolen få midler …?" money
            # … and "Kan fagskolen få betalt kurs for lærerne sine?" a use of it
            paying = [*rules.money_words, *rules.use_verbs, *rules.paying_participles]
            other = any(has_phrase(asked, m) for m in [*rules.eligibility_markers, *paying])
            if role or (text.lower() == phrase and not other):
                return kind
    return None


def _partner_at(text: str) -> tuple[str, str] | None:
    """The partner type and its words that the text opens with ("fagskole som …" → fagskole)."""
    return next(
        (
            (kind, phrase)
            for kind, phrases in _rules().partner_type.items()
            for phrase in sorted(phrases, key=len, reverse=True)
            if re.match(rf"{re.escape(phrase)}(?![\w-])", text)
        ),
        None,
    )


# A part of the asking sentence that gives the question's other reading: "eller er det bare …"
_ALTERNATIVE_PART = re.compile(r"^(?:eller|elles)\b", re.IGNORECASE)


def _first_person_as(clause: _Clause) -> bool:
    """Whether the clause's subject is "vi" or "jeg" with what they are after «som» ("Kan vi som eier …")."""
    tokens = [t.word for t in clause.tokens[1:3]]
    return len(tokens) == 2 and tokens[0] in _rules().first_person and tokens[1] == "som"


def _owner(subject: str) -> str | None:
    """The owner type, when the subject is an owner and nothing more: "en privat barnehage", "kommunen
    vår"; not "ansatte i kommunen", which is a group."""
    rules = _rules()
    owner = slot(subject, rules.owner_type)
    if owner is None:
        return None
    rest = subject.lower()
    for phrase in sorted(rules.owner_type[owner], key=len, reverse=True):
        rest = re.sub(rf"(?<![\w-]){re.escape(phrase)}[\w-]*", " ", rest)
    # "en privatskole med yrkesfag": what the owner runs does not make the owner a group
    sector_words = {w for phrases in rules.sector.values() for p in phrases for w in _TOKEN.findall(p)}
    small = {*rules.group_noise, *rules.first_person, *rules.school_words, *sector_words}
    left = [w for w in _TOKEN.findall(rest) if w not in small]
    return owner if not left else None


def _use(clause: _Clause, verbs: Sequence[str] = ()) -> str:
    """The use of the money in "Kan vi bruke pengene på <use>?", "Kan midlene dekke <use>?", or "".
    `verbs`: more verbs that take the money ("få" when one person asks for it for themselves)."""
    rules = _rules()
    words = [t.word for t in clause.tokens]
    taking = {*rules.use_verbs, *rules.buying_verbs, *verbs}
    verb = next((i for i, w in enumerate(words) if w in taking), None)
    if verb is None or any(w in rules.without_words for w in words[verb:]):
        return ""
    start = verb + 1  # a paying verb takes the use as its object: "dekke vikarutgifter"
    getting = next((i for i in range(verb - 1, -1, -1) if words[i] in rules.getting_verbs), None)
    end = len(words)
    if words[verb] in rules.paying_participles and getting is not None and getting < verb - 1:
        start, end = getting + 1, verb  # "få et kurs betalt": the use is between "få" and "betalt"
    elif words[verb] not in rules.paying_verbs and words[verb] not in rules.buying_verbs:
        # "bruke pengene på <use>", "søke om midler til <use>": a money word, then the use after til/på;
        # "søke om vikarmidler": a money word that ends a compound names the use itself.
        compound = next((i for i in range(verb + 1, len(words)) if _money_compound(words[i])), None)
        if compound is None and not any(w in rules.money_words for w in words):
            return ""
        start = next((i + 1 for i in range(verb + 1, len(words)) if words[i] in rules.use_prepositions), 0)
        start = start or (compound if compound is not None else 0)
        if not start:
            return ""
    skip = {*rules.money_words, *rules.use_verbs, *rules.group_noise, *rules.first_person}
    kept = [
        i
        for i in range(start, end)
        if i not in clause.scheme_at and words[i] not in skip and not words[i].isdigit()
    ]
    # "… til å kjøpe inn bøker": a use said with a verb keeps its «å» ("kan brukes til å kjøpe inn bøker").
    infinitive = start < end and words[start] == "å" and bool(kept)
    return _span(clause, [start, *kept] if infinitive else kept)


def _one_person(clause: _Clause, catalogue: Catalogue) -> bool:
    """Whether the question is asked by or about one person: "Kan jeg …", "Kan en lærer …", "Kan ei
    assistent …" (an article before a group word the lists know)."""
    rules = _rules()
    after = [t.word for t in clause.tokens[1:4]]  # the words after the opener
    asker = " ".join(after)
    return any(asker == p or asker.startswith(p + " ") for p in rules.one_person) or (
        len(after) > 1 and after[0] in rules.one_article and known_group(catalogue, after[1])
    )


def _for_one(clause: _Clause, use: str, one: bool) -> bool:
    """Whether the use is one person's own learning: "mitt eget kurs", or "eget kurs" and "Kan jeg få …"
    asked by or about one person (`one`); never a use that names the staff ("for alle")."""
    rules, lowered = _rules(), use.lower()
    if any(_has_word(lowered, w) for w in rules.many_words):
        return False
    _, to, whom = lowered.partition(" for ")
    if to and not any(_has_word(whom, w) for w in rules.self_references):
        return False  # "kurs for skolene i min kommune" is for others than the asker
    if any(_has_word(lowered, w) for w in rules.own_words):
        return True
    words = [t.word for t in clause.tokens]
    return one and (
        any(_has_word(lowered, w) for w in rules.self_words) or any(w in rules.getting_verbs for w in words)
    )


def _without_also(use: str) -> str:
    """The use without the word that adds it to others at its end: "kurs for PPT-ansatte også" is "kurs for
    PPT-ansatte", for PPT-ansatte."""
    words = use.split()
    while len(words) > 1 and words[-1].casefold().strip("?!.,") in _rules().also_words:
        words = words[:-1]
    return " ".join(words)


def _use_group(use: str, catalogue: Catalogue, subject: str = "") -> str:
    """The group after the last "for" in the use, when it is a group the word lists know: "for alle
    lærerne" is for "lærerne", "for instruktørene i kommunens lærebedrifter" for "instruktørene". Their
    own people ("for lærerne sine") are the subject's: "lærerne ved fagskolen"."""
    rules = _rules()
    _, found, tail = use.rpartition(" for ")
    if not found:
        return ""
    words = tail.split()
    own = len(words) > 1 and words[-1].casefold() in {*rules.own_words, "våre", "vår", "vårt"}
    words = words[:-1] if own else words
    many = {w.casefold() for w in rules.many_words}
    for start in range(len(words)):  # "alle lærerne": the group after the words for many
        if start and words[start - 1].casefold() not in many:
            break
        group = re.sub(r"^(?:i|på|ved|hos)\s+", "", " ".join(words[start:]))  # "alle i PPT": PPT
        head = re.split(r"\s+(?:i|på|ved|hos)\s+", group, maxsplit=1)[0]
        if head.casefold() in rules.how_many:
            continue  # "alle" says how many, not who
        if own and subject and known_group(catalogue, theirs := f"{head} ved {_without_determiner(subject)}"):
            return theirs
        if found := next((g for g in (group, head) if known_group(catalogue, g)), ""):
            return found
    return ""


def _money_compound(word: str) -> bool:
    """A word that ends with a money word after a few letters of its own: "vikarmidler", "stipendmidlene"."""
    rules = _rules()
    return word not in rules.money_words and any(
        word.endswith(m) and len(word) - len(m) >= rules.money_compound_min for m in rules.money_words
    )


def _is_measure(word: str) -> bool:
    """A competence measure: one of measure_words, or a compound that ends with one ("felleskurs")."""
    return any(word == m or word.endswith(m) for m in _rules().measure_words)


def _measure_for_many(use: str, group: str, kind: str | None) -> str:
    """The measure a use names before its first head-ending word, when the use is for many: "felles kurs
    for alle lærerne" → "kurs"; "seminar for rektorene" (a group of staff) → "seminar"; not "reiseutgifter
    til samlinger" (travel) or "et kurs i klasseledelse" (for whom, it does not say)."""
    rules = _rules()
    tokens = _TOKEN.findall(use.lower())
    head: list[str] = []
    for word in tokens:
        if word in rules.use_head_ends:
            break
        head.append(word)
    measure = next((w for w in head if _is_measure(w)), "")
    if not measure:
        return ""
    group_words = _TOKEN.findall(group.lower())
    many = (
        kind == "kollektiv"
        or any(_has_word(use.lower(), w) for w in rules.many_words)
        or any(w.startswith(tuple(rules.many_starts)) for w in tokens)
        or bool(group_words and group_words[0] not in rules.one_article)
    )
    return measure if many else ""


def _procurement(question: str) -> str:
    """What a question about a tender asks: "bypass" ("Kan vi kjøpe kurs uten anbud?"), "tender" ("Må vi
    ha anbud?"), or "" when it is none."""
    found = _rules().procurement
    if found is None:
        return ""
    asked = _asking_clause(question, found.openers)
    if asked is None:
        return ""
    words = _TOKEN.findall(asked[0].lower())
    if not any(w.startswith(tuple(found.words)) for w in words):
        return ""
    return "bypass" if any(w in found.bypass for w in words) else "tender"
