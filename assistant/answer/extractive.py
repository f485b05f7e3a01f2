"""The default answer backend: no LLM, the answer is the best sentences and lists of the sources.

The draft cites hits by their 1-based position in the hit list; citations.finalize renumbers.
Sentences are quoted as the source has them (only line wrapping is undone), so numbers and
amounts are always exactly the source's. The question's plan (models.AnswerPlan) steers the choice:
the sentence that carries the focus leads, a "when" question wants a date, a list question the whole
list, a yes/no question a yes or no first, and sentences about other schemes than the one asked about
are left out. Only the lead-in ("Ja." …) and a bare sentence's heading are the assistant's own words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from assistant import texts
from assistant.answer.citations import asked_frequency, figures
from assistant.answer.cleft import (
    Cleft,
    actors_in,
    asked_subject,
    clauses,
    done_by_other,
    is_scheme_word,
    named_alternative,
    names_actor,
    names_asked,
    owner_not_unit,
    read_cleft,
    spelled_out,
    subject_excludes,
    subject_fits,
    takes_part,
    what_is_asked,
)
from assistant.answer.compare import compared, compares
from assistant.answer.plan import (
    asking_sentence,
    asks_audience,
    asks_in_which_cases,
    asks_members,
    question_words,
    split_sentences,
)
from assistant.freshness import YEAR
from assistant.index.lexical import LexicalIndex, content_words, shared_start, stem
from assistant.ingest.lines import DATELINE
from assistant.ingest.units import Unit, plain, split_units
from assistant.models import AnswerPlan, Maalform, ScoredPassage
from assistant.rules import AdvisorRules, PlanRules, rule_file

_ANAPHOR = re.compile(r"^(Dette|Det|Den|De|Disse|Dei|Forumet|Ordningen|Ordninga|Midlene|Slik)\b")
# A sentence that opens with a pronoun subject ("De har …", "Vi utbetaler …") or no subject at all
# ("Skal vurdere …") needs its referent. A determiner ("Den statlige ordningen …") and a cleft ("Det er
# samarbeidsforum som …") name theirs.
_PRONOUN_LED = re.compile(
    r"^(?:(?:De|Dei|Den)\s+(?:er|har|skal|kan|må|vil|blir|ble|gjelder|får|innebærer)\b"
    r"|(?:De|Dei)\s+\w+(?:er|ar)\b"  # a verb in the present: "De deltar i …"
    r"|Det\s+(?:innebærer|inneber|betyr|tyder|gjelder|gjeld|omfatter|omfattar)\b"
    r"|(?:Dette|Disse|Vi|Skal|Kan|Må|Slik)\b)"
)
# A sentence that refers back to the one before it ("Det innebærer:", "Dette skal skje gjennom …"): that
# sentence says what it is about, so its words count for it and it is quoted first.
# «Som del av dette skal ordningene …» opens with what it refers back to as well.
_REFERS_BACK = re.compile(
    r"^(?:(?:Det|Dette)\s+(?:innebærer|inneber|betyr|tyder)\b|(?:Dette|Disse)\b"
    r"|Som\s+(?:en\s+)?del\s+av\s+(?:dette|det)\b)"
)
# "De kan brukes …" is about what the sentence before it names as its subject: "Kompetansepakker er …".
_THEY = re.compile(r"^(?:De|Dei|Den)\b")
_SUBJECT = re.compile(
    r"^(?P<subject>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:er|har|skal|kan|må|vil|blir|ble|gjelder|får)\b"
)
_NEGATION = re.compile(r"\b(ikke|ikkje|ingen|aldri|verken)\b", re.IGNORECASE)
_AS_A_RULE_NOT = re.compile(r"\bsom\s+hovedregel\s+ikke\b", re.IGNORECASE)
_LINK_ONLY = re.compile(r"\[[^\]]+\]\([^)]*\)\.?")
# How a list item's line starts in an answer.
_ITEM_STARTS = ("- ", "• ")


Style = Literal["answer", "letter"]  # a chat answer, or the body of a formal reply letter
# Whether a text speaks for the schemes in scope: True, False (it is about other schemes only) or None
# (it names no scheme). The service passes the scheme catalogue's (schemes.scope.SchemeScope.covers).
InScope = Callable[[str, Sequence[str]], bool | None]
# The ids of the schemes a text names
NamesSchemes = Callable[[str], Sequence[str]]


class AnswerBackend(Protocol):
    """Drafts an answer that cites `hits` by 1-based position ([1] is hits[0]); citations.finalize
    verifies and renumbers. `maalform` is the written standard the reader asked for: an LLM writes in
    it, the extractive backend quotes the sources as they are and the service translates."""

    def draft(
        self,
        question: str,
        hits: list[ScoredPassage],
        maalform: Maalform = "nb",
        style: Style = "answer",
        plan: AnswerPlan | None = None,
    ) -> str: ...


@dataclass
class _Scored:
    score: float
    unit: Unit
    shown_items: list[str]
    similarity: float = 0.0
    coverage: float = 0.0  # how much of the question the unit's own words cover (idf-weighted)
    loose: float = 0.0  # the same, a compound counting for its parts ("prøvenemndsmedlemmer": prøvenemnd)
    heading: str = ""  # the passage's own heading: the referent of a bare sentence
    matched: frozenset[int] = frozenset()  # the question's words (by position) the unit itself says
    gives: bool = False  # it has the kind of value the question's type asks for, beside the year asked
    asked: bool = True  # it says a word of the asking sentence itself, not only of who asks
    members: bool = False  # it names who is asked after: a body's members, a scheme's target groups
    carries: bool = False  # it says the question's focus (with its heading, when it is a bare sentence)
    # the words of the asking sentence (by position) it says; all it matches when that can't be told
    says_asked: frozenset[int] = frozenset()
    # it says a word of the sentence that asks, not only of the sentences around it ("Fylkeskommunen vil
    # kjøpe et kurs. Hvilke regler gjelder?"); True when that sentence names too little to tell
    in_question: bool = True

    @property
    def text(self) -> str:
        return self.unit.render(self.shown_items)


class ExtractiveBackend:
    """`max_units`, `max_passages`, `max_chars` and `long_list_items` are Settings' answer_max_sentences,
    answer_max_passages, answer_max_chars and answer_long_list_items."""

    def __init__(
        self,
        lexical: Callable[[], LexicalIndex],
        max_units: int = 4,
        semantic_weight: float = 0.6,
        similarity_margin: float = 0.04,
        support_ratio: float = 0.7,
        *,
        max_passages: int = 3,
        max_chars: int = 900,
        long_list_items: int = 4,
        in_scope: InScope | None = None,
        names_schemes: NamesSchemes | None = None,
    ) -> None:
        self._lexical = lexical
        self._in_scope = in_scope
        self._names_schemes = names_schemes
        self.max_units = max_units
        self.max_passages = max_passages
        self.max_chars = max_chars
        self.long_list_items = long_list_items
        self.semantic_weight = semantic_weight
        self.similarity_margin = similarity_margin
        self.support_ratio = support_ratio

    def draft(
        self,
        question: str,
        hits: list[ScoredPassage],
        maalform: Maalform = "nb",
        style: Style = "answer",
        plan: AnswerPlan | None = None,
    ) -> str:
        if not hits:
            return ""
        scored = self._score_units(question, hits, plan)
        if not scored:
            return ""
        chosen = self._choose(scored, plan)
        chosen = _conditions_first(plan, chosen)
        if self._tells_body(plan, chosen[0]):
            # What a body does, told under its heading, reads in the order the source tells it
            first = chosen[0].unit.hit
            chosen.sort(key=lambda s: (s.unit.hit != first, s.unit.hit, s.unit.position))
        lead = ""
        speaker = ""  # who "Vi" is in a sentence that says the body asked about does it
        cleft = read_cleft(plan.question) if plan is not None and plan.type == "ja_nei" else None
        wanted = self._asked_of_body(cleft, plan) if cleft is not None else []
        if plan is not None and plan.type == "ja_nei":
            # The rule leads: "Som hovedregel ikke" before the exception that the best match may be.
            # A rule near the best that names what the question asks about leads too ("Fagskolelærere er
            # som hovedregel ikke …" before a sentence about other teachers).
            asked = {stem(w) for w in plan.focus}  # the word itself: "lærere" is no "fagskolelærere"
            index = self._lexical()
            chosen = _yes_able_first(chosen, scored)
            near = [
                s
                for s in scored
                if s.score >= _RULE_NEAR * scored[0].score and asked & set(index.analyzer.stems(s.text))
            ]
            # The rule beside the exception that is the best match («Den enkelte fylkeskommune kan vurdere
            # å inkludere fagskolelærere …» beside «Fagskolelærere er som hovedregel ikke …») leads too,
            # however it scores; a rule of a group the question does not name leads nowhere.
            beside = [
                s
                for s in scored
                if s.unit.hit == chosen[0].unit.hit and abs(s.unit.position - chosen[0].unit.position) == 1
            ]
            rule = [
                s
                for s in [*chosen, *near, *beside]
                if _AS_A_RULE_NOT.search(s.text) and _rule_of_asked(index, plan.question, s.text)
            ]
            chosen = (rule[:1] + [s for s in chosen if s not in rule[:1]])[: max(len(chosen), 1)]
            # "Må det være et universitet?": a sentence near the best that names more options leads
            # and "Må vi ha et universitet med?": one that gives it beside an alternative
            options = [s for s in [*chosen, *scored] if s.score >= _RULE_NEAR * scored[0].score]
            asking = asking_sentence(plan.question)
            by_position = {(s.unit.hit, s.unit.position): s for s in scored}
            more = [
                s
                for s in options
                if _names_more_options(index, rule_file(PlanRules), asking, s.text)
                or (
                    not _NEGATION.search(s.text)
                    and _refers_to_asked(index, asking, s, by_position)
                    and _one_of_alternatives(index, rule_file(PlanRules), asking, s.text)
                )
            ]
            if more and not rule and more[0] is not chosen[0]:
                chosen = [more[0], *(s for s in chosen if s is not more[0])][: len(chosen)]
            # "Kan vi melde behovet rett til Udir?": no, when the sentence about it sends it to another body
            # "Melder barnehageeierne behov direkte til Udir?" asks of the eiere where they send it: no, too
            sends = cleft is not None and bool(
                actors_in(" ".join(m.group(1) for m in _BODY_AFTER.finditer(cleft.rest))) - set(cleft.actors)
            )
            elsewhere = None if cleft is not None and not sends else _sent_elsewhere(index, plan, scored)
            if elsewhere is not None:
                chosen = [elsewhere, *(s for s in chosen if s is not elsewhere)][: len(chosen)]
                lead = texts.YES_NO_LEADS["nei"] + " "
            # "Er det lærerne som melder behov?" (no body of plan.yaml): a sentence near the best that says
            # outright someone else does it («Det er barnehage- og skoleeiere som … melder behov …») leads
            if cleft is None and elsewhere is None and not _CLEFT_SUBJECT.match(chosen[0].text):
                other = next(
                    (
                        s
                        for s in scored
                        if s.score >= _CLEFT_NEAR * scored[0].score
                        and _other_said_to_do_it(index, rule_file(PlanRules), asking, s.text)
                    ),
                    None,
                )
                if other is not None:
                    chosen = [other, *(s for s in chosen if s is not other)][: len(chosen)]
            # "Kan hvem som helst bruke den?": the chosen sentence that says «åpen for alle» leads
            rules = rule_file(PlanRules)
            if (
                rules.must_say
                and not rule
                and not _says_its_kind(rules, asking_sentence(plan.question), chosen[0].text)
            ):
                saying = [s for s in chosen if _says_its_kind(rules, asking_sentence(plan.question), s.text)]
                chosen = saying[:1] + [s for s in chosen if s not in saying[:1]]
            # A yes or no is settled by one passage: once a sentence of another passage than the best
            # leads («Dette skal skje gjennom partnerskap …, eller samarbeid med fagskoler …»), the best
            # passage's sentences after it are only near what is asked («… kompetansepakker i samarbeid
            # med universitet- og høgskolesektoren»).
            chosen = [chosen[0], *(s for s in chosen[1:] if s.unit.hit == chosen[0].unit.hit)]
            saying = [s for s in scored if _says(wanted, s, index) >= _SAYS_WHAT_IS_ASKED]
            says = saying[0] if saying else None
            if says is not None and cleft is not None:
                # "Er det X som melder behov?": a sentence near it that says outright who does it («Det er
                # barnehage- og skoleeiere som … melder behov …») answers who, where «Tilskuddsordningen gir
                # … mulighet til å melde behov» names the doer only past its subject
                outright = [
                    s
                    for s in saying
                    if s.score >= _CLEFT_NEAR * says.score
                    and (found := _CLEFT_SUBJECT.match(s.text)) is not None
                    and names_actor(found.group(1))
                ]
                says = outright[0] if outright and not _CLEFT_SUBJECT.match(says.text) else says
            if says is None and cleft is not None:
                says = self._said_of_other_scheme(cleft, wanted, scored)
            if says is not None and cleft is not None:
                # "Vi utbetaler midlene …" is said by the body the sentence before it names ("Udir har …")
                by_position = {(s.unit.hit, s.unit.position): s for s in scored}
                we = _who_we_are(says, by_position) if _WE.match(says.unit.lead) else None
                subject = _subject(we or says) if we is not None else _clause_subject(wanted, says, index)
                # «Vi utbetaler midlene til fylkeskommunene» tells a step before the one asked ("Betaler
                # fylkeskommunen ut pengene til skolene?"): the body asked receives; it says no «Nei».
                # A question that names no receiver of its own ("Er det fylkeskommunen som utbetaler
                # midlene?") asks of that very step: the body it asks about receives, another pays, «Nei».
                # A sentence that says outright who does it («Det er X som …») says it of no one else.
                receives = (
                    not _CLEFT_SUBJECT.match(says.text)
                    and _BODY_AFTER.search(cleft.rest) is not None
                    and names_asked(cleft, " ".join(m.group(1) for m in _BODY_AFTER.finditer(says.text)))
                )
                alone = not cleft.by_cleft_only or _CLEFT_SUBJECT.match(says.text) is not None
                # "Er det X som …?", someone else (or X of another scheme): no,
                # a body the question sends to («… til statsforvalteren») does not do what is asked of X
                sent_to = actors_in(" ".join(m.group(1) for m in _BODY_AFTER.finditer(cleft.rest)))
                by_other = done_by_other(cleft, subject) and not (sent_to and actors_in(subject) <= sent_to)
                # of a forum of another scheme: no, and a sentence on "the forum" may be of either
                of_other_scheme = not by_other and self._of_other_scheme(cleft, subject)
                if (by_other or of_other_scheme) and not receives and alone:
                    # then what they do say of X about what is asked, if a sentence near the best says it
                    floor = _SAYS_OF_ASKED * scored[0].score
                    about_asked = [
                        s
                        for s in scored
                        if not of_other_scheme
                        and s not in (says, we)
                        and s.score >= floor
                        and names_asked(cleft, s.text)
                        and _says(wanted, s, index) >= _SAYS_SOME_OF_ASKED
                        and not self._elsewhere(s.text, plan)  # its own words, not its section's
                    ]
                    told = [says] if we is None else [we, says]
                    chosen, lead = [*told, *about_asked[:1]], texts.YES_NO_LEADS["nei"] + " "
                elif names_asked(cleft, subject):  # the sentence that says X does it leads
                    chosen = [says, *(s for s in chosen if s is not says)][: len(chosen)]
                    speaker = subject if we is not None else ""
        parts = []
        for i, s in enumerate(chosen):
            marker = f" [{s.unit.hit}]"
            text = _with_referent(s) if i == 0 else s.text
            parts.append(text + marker + ("\n" if s.unit.is_list else ""))
        # "Er det X som …?" is not answered yes by a sentence that names X doing something else
        index = self._lexical()
        answering = _answering(chosen)
        tells_asked = not wanted or (
            _says(wanted, answering, index) >= _SAYS_WHAT_IS_ASKED
            and (cleft is None or not done_by_other(cleft, _clause_subject(wanted, answering, index)))
        )
        # «Ordningene skal styrke … Dette skal skje gjennom partnerskap med …, eller …»: one statement
        follows = [
            s.text
            for s in chosen[1:2]
            if s.unit.hit == chosen[0].unit.hit and _REFERS_BACK.match(s.unit.lead or "")
        ]
        positions = {(s.unit.hit, s.unit.position): s for s in scored}
        if follows and _says_more(chosen[1], chosen[0]):
            # «Ordningene skal styrke … Dette skal skje gjennom … samarbeid med fagskoler»: the sentence that
            # goes on says what is asked; the yes or no is read from it, with the one before as its referent
            answering, follows = chosen[1], []
        about = plan is None or _refers_to_asked(index, asking_sentence(plan.question), answering, positions)
        # what «Det innebærer: …» goes on from («De har ansvaret for …») says what it is of
        referred = positions.get((answering.unit.hit, answering.unit.position - 1))
        refers_back = referred is not None and _REFERS_BACK.match(answering.unit.lead) is not None
        said_before = referred.text if referred is not None and refers_back else ""
        lead = lead or _lead_in(
            plan, answering, cleft, index, tells_asked, " ".join(follows), speaker, about, said_before
        )
        if lead.strip() and parts[0].lstrip().startswith(_ITEM_STARTS):
            lead = lead.rstrip() + "\n"  # «Nei.» on a line of its own, not glued to the first item
        return lead + "\n".join(p.strip() for p in parts)

    def _rarer_carrier_first(
        self,
        scored: list[_Scored],
        plan: AnswerPlan,
        sets: Sequence[tuple[set[str], float]],
        words: Sequence[str],
        in_asking: set[int],
    ) -> list[_Scored]:
        """`scored` with a unit that says the focus and a word of the asking sentence the best lacks,
        rarer than any such word the best says that it lacks, first (a scheme's name says where, not what)."""
        best = scored[0]

        def weights(indices: frozenset[int]) -> list[float]:
            return [sets[i][1] for i in indices if i in in_asking and not self._names_scheme(words[i], plan)]

        for other in scored[1:]:
            if not (other.carries and other.asked) or other.score < _FOCUS_NEAR * best.score:
                continue
            gained = weights(other.matched - best.matched)
            if gained and max(gained) > max(weights(best.matched - other.matched), default=0.0):
                return [other, *(s for s in scored if s is not other)]
        return scored

    def _defines_focus(self, s: _Scored, plan: AnswerPlan | None) -> bool:
        index = self._lexical()
        return _defines(s.unit.lead, _focus_terms(index, plan), index)

    def _tells_body(self, plan: AnswerPlan | None, s: _Scored) -> bool:
        """Whether the question asks what a body does and `s` sits under a heading that names it."""
        return plan is not None and asks_role(plan) and names_body(self._lexical(), s.heading, plan.question)

    def _asked_of_body(self, cleft: Cleft, plan: AnswerPlan | None) -> list[tuple[set[str], float]]:
        """What a cleft question asks whether its body does ("utbetaler", "midlene" of "Er det X som
        utbetaler midlene i yrkesfagordningen?"), each word with its forms and rarity. The scheme's own
        name is where it is asked, not what: a sentence that names the scheme says nothing of paying."""
        index = self._lexical()
        schemes = plan.schemes if plan is not None else ()
        forms = [
            f
            for w in what_is_asked(cleft)
            if (f := known_form(index, w)) is not None
            and not (schemes and self._in_scope is not None and self._in_scope(w, schemes))
        ]
        return [(_forms_and_synonyms(index, f, cleft.rest), index.idf(f)) for f in forms]

    def _score_units(
        self, question: str, hits: list[ScoredPassage], plan: AnswerPlan | None = None
    ) -> list[_Scored]:
        index = self._lexical()
        sets = index.weighted_query_sets(question)
        role = asks_role(plan)
        if role:  # "Hva gjør fylkeskommunen?": «gjør» asks; a sentence that happens to say it is no answer
            asking_only = question_words()
            words = list(dict.fromkeys(content_words(question)))
            sets = [(v, 0.0 if w in asking_only else x) for (v, x), w in zip(sets, words, strict=True)]
        yes_no = plan is not None and plan.type == "ja_nei"
        # Words no document uses ("rørleggerbedrift", a typo) can't be found by any sentence; whether a
        # sentence settles a yes/no question is judged on the words the documents could have said.
        # Judged on the sentence that asks ("Jeg er rektor på en videregående skole." is who asks), or on
        # the whole question when that says more ("Er det lov?" asks about the sentence before it).
        asking = asking_sentence(question)
        asking_sets = index.weighted_query_sets(asking)
        # Words only the sentences about the asker use ("Jeg er nyansatt hos Statsforvalteren.") say who
        # asks, not what; a sentence that shares only those is not about what is asked.
        about_asker = {
            w
            for t in split_sentences(question)
            if t != asking and _FIRST_PERSON.match(t) and not _wonders(t)
            for w in content_words(t)
        }
        asked_words = set(content_words(question)) - (about_asker - set(content_words(asking)))
        in_asking = {
            i
            for i, w in enumerate(dict.fromkeys(content_words(question)))
            if w in asked_words and w not in question_words()
        }
        frequency = asked_frequency(asking) is not None  # "Hvor ofte …?"
        # "Hvor ofte må fylkeskommunen rapportere til Udir?": how often is said of what is done, not of a
        # body («… til fylkeskommunene gjennom årlige tilskuddsbrev» says nothing of how often they report)
        asked_list = list(dict.fromkeys(content_words(question)))
        asking_words = set(content_words(asking)) - question_words()
        in_question_words = (
            {i for i, w in enumerate(asked_list) if w in asking_words}
            if len(asking_words) >= _OWN_WORDS
            else set()
        )
        done_sets = [sets[i] for i in in_asking if not _is_actor(rule_file(PlanRules), asked_list[i])]
        # only a yes/no lead-in reads `loose`
        # "… få påfyll i en bedrift. Finnes det en ordning for det?": an asking sentence that ends on what
        # the one before it says is said yes to only with that sentence's words
        known_sets = [] if not yes_no else [_known_sets(index, _without_asker(question))]
        if yes_no and not _ENDS_REFERRING.search(_first_alternative(asking)):
            known_sets.insert(0, _known_sets(index, _without_asker(_first_alternative(asking))))
        crux = _crux(index, plan)
        # "Må de rapportere hvert år?": a sentence that says it of its own kind («rapportere årlig») says
        # the words of that kind too, though it shares none of them
        rules = rule_file(PlanRules)
        kind = _kind_stems(index, rules, asking) if yes_no else set()
        bigrams = _bigrams(index.analyzer.stems(question))
        top_score = hits[0].score or 1.0
        best_similarity = max((v for h in hits for v in h.unit_similarity.values()), default=0.0)
        candidates = [h for h in hits[: self.max_passages] if h.score >= 0.5 * top_score] or hits[:1]
        if plan is not None and plan.type == "hvordan":
            # "Hvordan melder vi inn behovet?" is answered by the steps of the process, which may sit in a
            # passage ranked just below the first few: one near the best with a list of steps is read too.
            candidates += [
                h
                for h in hits[self.max_passages :]
                if h.score >= _PROCESS_NEAR * top_score
                and any(_is_process(u) for u in split_units(h.passage.text, 0))
            ][:1]
        focus = _focus_terms(index, plan)
        listed_kind = _asked_kind(index, asking)
        if plan is not None and plan.type == "liste":
            # "Hva bør en slik plan ta med?": the list of what the thing asked about holds («En slik plan
            # … bør omfatte: …») may sit in a passage ranked just below the first few: one near the best is
            # read too.
            candidates += [
                h
                for h in hits[self.max_passages :]
                if h.score >= _LIST_PASSAGE_NEAR * top_score
                and any(_lead_names(index, u, focus) for u in split_units(h.passage.text, 0))
            ][:1]
        wants = _wanted(plan)
        sent_to = _recipient_pattern(plan)
        receiving: set[int] = set()  # the units that name a body after «til», asked whom something goes to
        members = _members_pattern(plan)
        if members is not None:
            # "Hvem sitter i forumet?": the passage that names the forum's members may rank just below the
            # few that tell what the forum does; one near the best is read too.
            candidates += [
                h
                for h in hits[self.max_passages :]
                if h.score >= _MEMBERS_PASSAGE_NEAR * top_score and members.search(h.passage.text)
            ][:1]
        asked_focus = _asked_focus(index, plan, about_asker)
        words = list(dict.fromkeys(content_words(question)))
        # The asking sentence's other words: a sentence that leads for its focus, or a passage read beyond
        # the first few for it, must say the focus of one of them («… inngår i laget rundt barnet» says no
        # "laget" of "Hvem har laget retningslinjene?").
        # Whole words: "kompetanseutvikling" is not said by «kompetansetiltakene», which shares a part.
        others = [
            {t for t in v if not any(len(o) > len(t) and (o.startswith(t) or o.endswith(t)) for o in v)}
            for (v, _), w in zip(asking_sets, dict.fromkeys(content_words(asking)), strict=True)
            if plan is not None and w not in plan.focus and w not in question_words()
        ]

        def says_focus(text: str, around: str = "") -> bool:
            """The focus, and another word of the asking sentence, in the text itself; or in the breadcrumb
            `around` it when that names the scheme asked about: in the scheme's own guidelines «… melder inn
            utviklingsbehov til samarbeidsforum» is said of it, unnamed."""
            terms = set(index.analyzer.terms(text))
            if around and self._said_of(around, plan) is True:
                terms |= set(index.analyzer.terms(around))
            return _carries(index, asked_focus, text) and (not others or any(o & terms for o in others))

        def passage_says_focus(hit: ScoredPassage) -> bool:
            return any(says_focus(u.render(), hit.passage.section) for u in split_units(hit.passage.text, 0))

        if asked_focus and not any(passage_says_focus(h) for h in candidates):
            # "Hvem betaler ut pengene …?": none of the first few passages says «utbetaler»; one near the
            # best that does is read too, so that the sentence that says what is asked can lead.
            candidates += [
                h
                for h in hits[self.max_passages :]
                if h.score >= _FOCUS_PASSAGE_NEAR * top_score and passage_says_focus(h)
            ][:1]
        defines = _asks_definition(plan)
        kinds = _amount_kinds(plan)
        asked_kind, other_kind = kinds if kinds is not None else (None, None)
        years = set(YEAR.findall(asking_sentence(question)))
        in_which_cases = asks_in_which_cases(question)
        # A count or amount asked of one thing: "Hvilke …?" asks for names no tally line gives, and "Hvor mye
        # fikk de tre ordningene, A, B og C?" may name labels in words of its own
        counts_one = (
            plan is not None and plan.type in ("hvor_mange", "hvor_mye") and not _ENUMERATES.search(asking)
        )
        # A passage just below the first few is read too, but kept only when one of its units says more of
        # the asking sentence than the best of the rest does (see `_says_more_first`).
        says_more = plan is not None and plan.type in _SAYS_MORE_TYPES
        beyond = [
            h
            for h in hits[self.max_passages :]
            if says_more and h not in candidates and h.score >= _MORE_PASSAGE_NEAR * top_score
        ]
        scored: list[_Scored] = []
        for hit in [*candidates, *beyond]:
            units = split_units(hit.passage.text, hits.index(hit) + 1)  # [n] cites hits[n - 1]
            if defines:  # "Hva er X?": a list item that says what X is («X er …») is quoted by itself
                units = [_defining_item(u, focus, index) for u in units]
            # The breadcrumb is context every unit of the passage shares ("Kompetansepakke for
            # programmering …" makes "Kompetansepakken er åpen for alle." an answer about it).
            context = set(index.analyzer.terms(hit.passage.section))
            # Every sentence of «Statsforvalteren i Oslo og Viken»'s pages is about Oslo og Viken: the place
            # a question names is said around each of them, as their breadcrumb is, not only by the news
            # item that repeats it.
            context |= set(index.analyzer.terms(hit.passage.region))
            heading = hit.passage.section.split(" > ")[-1]
            before: Unit | None = None
            for j, unit in enumerate(units):
                previous, before = before, unit
                # A sentence beside one that names the year asked about ("… mottar tilskudd for
                # 2022-2023") is about that year; a news item's headline is one such.
                near_years: set[str] = set()
                if years:
                    near = "\n".join(u.render() for u in units[max(0, j - 1) : j + 2])
                    near_years = set(YEAR.findall(f"{hit.passage.section}\n{near}"))
                    # A unit whose own lead-in names a year is about that year, whatever its neighbours
                    # and its document's title name («2025: Rekom …» on a slide titled 2026); so is the
                    # line right after a year's label («2025:» …, «Da er VGS og 30 % en del av summen»).
                    label = previous.lead if previous is not None and len(previous.lead.split()) <= 2 else ""
                    told = set(YEAR.findall(unit.lead)) or set(YEAR.findall(label))
                    near_years = told or near_years
                # A news item's headline is a claim when it gives a figure («178,4 millioner kroner til …»);
                # «Retningslinjer for …» and «Midler 2021-2022 til …» are labels, as any heading.
                bare_heading = unit.lead == heading and not (
                    DATELINE.match(hit.passage.text) and _FIGURE.search(YEAR.sub(" ", heading))
                )
                if not unit.is_list and (bare_heading or _LINK_ONLY.fullmatch(unit.lead)):
                    continue  # a bare heading or a "Se mer om …" link says nothing by itself
                # About another scheme than the one asked about; the breadcrumb counts, so that a line
                # in the scheme's own guidelines that mentions another scheme in passing is kept.
                # A sentence that leads with a pronoun is about what the one before it names: «De kan
                # brukes … i regional og desentralisert ordning» after «Kompetansepakker er …».
                led_by_pronoun = previous is not None and _PRONOUN_LED.match(unit.lead or "")
                referent = previous.lead if previous is not None and led_by_pronoun else ""
                # A sentence that itself names schemes is about them, whatever its breadcrumb says: «Det er
                # … samarbeidsforum for tilskuddsordning for lokal kompetanseutvikling … som skal prioritere»
                # in the fag- og yrkesopplæring guidelines is about the other scheme's forum.
                own_words = f"{referent}\n{unit.lead}"
                said_of = self._said_of(own_words, plan)
                # Else its breadcrumb's scheme, when that names one: a list item that mentions another
                # scheme in passing («… i tiltak knyttet til Kompetanseløftet …» among the fylkeskommune's
                # duties in the fag- og yrkesopplæring guidelines) does not move the list to that scheme.
                # A breadcrumb that names none leaves it to the list items.
                around = self._said_of(hit.passage.section, plan)
                items = unit.render() if around is None else ""
                if said_of is False or (
                    said_of is None and self._elsewhere(f"{hit.passage.section}\n{referent}\n{items}", plan)
                ):
                    continue
                steps = plan is not None and plan.type == "hvordan" and len(unit.items) >= _MIN_STEPS
                # A list whose lead-in restates the question ("Kompetanseutvikling fungerer best når det
                # er" to "Hva skal til for at kompetanseutvikling virker?") is its answer, whole.
                whole_list = (
                    unit.is_list
                    and bool(unit.lead)
                    and index.weighted_coverage(asking_sets, set(index.analyzer.terms(unit.lead)))
                    >= _RESTATES
                ) or (in_which_cases and _states_cases(unit))
                if (plan is not None and plan.type == "liste" and unit.is_list) or steps or whole_list:
                    shown = unit.items  # a list question gets the whole list, a "how" the whole process
                else:
                    shown = _relevant_items(unit, index, (sets, asking_sets), self.long_list_items)
                # «Hvilket kjennetegn handler om lærerutdanningen?»: the one item that says what the lead-in
                # does not is the answer, under its lead-in; the rest of the list is padding. Only what is
                # shown narrows: the unit is scored as the list it is, so a lone item outranks no sentence.
                # Not a yes/no (its lead reads the list). A tally («Behov meldt: …») narrows only to the line
                # whose label a "Hvor mange/mye …?" names (`counts_one`).
                narrow: list[str] = []
                if not (steps or whole_list or yes_no):
                    if _tally(unit):
                        narrow = _tally_line(unit, index, asking_sets) if counts_one else []
                    elif not _lists_asked_kind(unit, index, asking, focus):
                        narrow = _answering_item(unit, index, asking, asking_sets, context)
                if other_kind is not None and asked_kind is not None:  # an amount of the kind not asked for
                    if unit.is_list:
                        shown = [i for i in shown if not other_kind.search(i)]
                        if other_kind.search(unit.lead):  # «Midler tildelt 2026:» lists granted money,
                            shown = [i for i in shown if asked_kind.search(i)]  # but an item it names
                        if not shown:
                            continue
                    elif other_kind.search(unit.render()):
                        continue
                if len(unit.render(shown).split()) < _MIN_WORDS:
                    continue  # a lone label ("- Workshop") says nothing of it
                text_terms = index.analyzer.terms(unit.render(shown))
                own = set(text_terms)
                lead_terms = _lead_in_terms(index, unit, previous)
                if previous is not None and not previous.is_list and _REFERS_BACK.match(unit.lead):
                    own |= set(index.analyzer.terms(previous.lead))
                elif role and _PRONOUN_LED.match(unit.lead or "") and len(heading.split()) <= 2:
                    own |= set(index.analyzer.terms(heading))  # «Arbeidslivet: De deltar …» says it of them
                # What the unit says itself counts more than what its heading says for it.
                own_coverage = index.weighted_coverage(sets, own)
                # A yes needs the asking sentence's most specific word ("koordinere" in "… som skal
                # koordinere forumet?"): a sentence that shares only the rest says something else.
                loose = 0.0
                # The breadcrumb counts: a sentence in the guidelines of the scheme asked about is about it.
                found = crux is not None and (not crux or _loose_coverage([(crux, 1.0)], own | context) > 0)
                if yes_no and found:
                    says_kind = kind and _says_its_kind(rules, asking, unit.render(shown))
                    found_in = own | context | (kind if says_kind else set())
                    loose = max(_loose_coverage(known, found_in) for known in known_sets)
                coverage = 0.6 * own_coverage + 0.4 * index.weighted_coverage(sets, own | context)
                phrase = _bigram_share(bigrams, text_terms)
                # Dense similarity of the unit itself finds the sentence a paraphrase is about.
                similarity = hit.unit_similarity.get(unit.position, 0.0)
                semantic = self.semantic_weight * max(0.0, similarity - best_similarity + 0.05) / 0.05
                prior = 0.15 * (hit.score / top_score) - 0.01 * unit.position + semantic
                # Long units cover more words by size alone; a mild length cost keeps answers to the point.
                length_cost = 0.04 * len(unit.render(shown)) / 200
                # What the plan says the answer needs: the focus word, the kind of fact, a list.
                # A compound says its last part: «rekrutteringsstipend» is a stipend asked about.
                planned = 0.25 * _loose_coverage([({f}, 1.0) for f in focus], own)
                # A bare sentence's heading is its subject: under "Ledelsen i videregående skole",
                # "Skal ha ansvar for …" names who.
                said = unit.render(shown)
                if _PRONOUN_LED.match(unit.lead or ""):
                    said = f"{heading}\n{said}"
                # "for 2021 fordelt …" is about another year than the one asked about
                other_year = bool(years and near_years and not near_years & years)
                if other_year:
                    planned -= _OF_YEAR
                elif years and years <= near_years:
                    planned += _OF_YEAR
                # A frequency is said of what is asked: «en årlig disponeringsplan» says nothing of meetings
                has_value = wants is not None and wants.search(said) is not None
                if has_value and wants is not None and frequency:
                    has_value = _said_beside(index, wants, said, done_sets or [sets[i] for i in in_asking])
                if has_value:
                    planned += 0.2
                if sent_to is not None and sent_to.search(said):
                    planned += _SENT_TO  # "Hvem sender vi det til?": «… melder behov … til statsforvalteren»
                    receiving.add(id(unit))
                names_members = members is not None and members.search(said) is not None
                if names_members:
                    planned += _NAMES_MEMBERS  # "Hvem sitter i forumet?": who it includes, not what it does
                    if unit.is_list:  # the members one by one, over one of them («… som observatør»)
                        planned += _MEMBERS_LISTED
                if unit.lead.rstrip().endswith("?") and not unit.is_list:
                    planned -= _ASKS  # «Skal midler «holdes igjen»?» asks; it tells nothing
                if led_by_pronoun and not _of_asked_subject(index, sets, unit.lead, referent):
                    planned -= _OFF_SUBJECT  # «De kan brukes …» of kompetansepakker, to who must do what
                if role and _PRONOUN_LED.match(unit.lead or "") and names_body(index, heading, asking):
                    planned += _UNDER_BODY  # "Hva gjør arbeidslivet?": «Arbeidslivet: De deltar i …»
                if steps:  # "Hvordan går det fra … til …?": a list of steps is a process
                    planned += 0.3
                if plan is not None and unit.is_list:
                    # A list answers the question its lead-in asks ("Samarbeidsforumet skal inkludere:"),
                    # not every question its many items happen to share words with. Asked for a list,
                    # the best lead-in wins; asked otherwise, a lead-in that restates the asking sentence.
                    if plan.type == "liste":
                        planned += 0.3 + 0.8 * index.weighted_coverage(sets, lead_terms)
                        if _lead_names(index, unit, listed_kind):  # «Tilskuddsordningen omfatter: …»
                            planned += _NAMES_KIND
                    elif (restated := index.weighted_coverage(asking_sets, lead_terms)) >= _RESTATES:
                        planned += 0.8 * restated
                if (
                    plan is not None
                    and _tally(unit)
                    and not _rule_of_asked_use(index, asking, asking_sets, unit)
                    and _asks_what_to_do(plan, asking)
                ):
                    # A tally of what was done settles no "Kan vi …?" and tells no "Hvordan går vi fram
                    # …?", however well its label («Behov meldt:») restates the question.
                    planned = min(planned, 0.0) - _TALLY_COST
                total = coverage + 0.2 * phrase + prior - length_cost + planned
                matched = frozenset(i for i, (variants, _) in enumerate(sets) if variants & own)
                # The value asked for, beside the year asked about
                gives = has_value and years <= near_years
                # Chosen only for words of who asks: not when it shares none (a paraphrase, found by meaning)
                asked = not in_asking or bool(matched & in_asking) or not matched - in_asking
                scored.append(
                    _Scored(
                        total,
                        unit,
                        [i for i in narrow if i in shown] or shown,
                        similarity,
                        own_coverage,
                        loose,
                        heading,
                        matched,
                        gives,
                        asked,
                        names_members,
                        bool(asked_focus)
                        and not unit.lead.rstrip().endswith("?")
                        and _carries(index, asked_focus, f"{said}\n{referent}"),
                        matched & in_asking if in_asking else matched,
                        not in_question_words or bool(matched & in_question_words),
                    )
                )
        scored.sort(key=lambda s: -s.score)
        if says_more:
            scored = _says_more_first(
                index,
                scored,
                sets,
                [set(index.analyzer.terms(w)) for w in words],
                {hits.index(h) + 1 for h in beyond},
                {
                    hits.index(h) + 1: set(index.analyzer.terms(h.passage.section))
                    for h in [*candidates, *beyond]
                },
                question if yes_no else None,
            )
        if years and plan is not None and plan.type in _VALUE_TYPES and any(s.gives for s in scored):
            # "Hvor mye … for 2022-2023?" is answered by a unit that gives an amount for that year, or
            # not at all (the guard withholds an answer whose claims give none for the year).
            scored.sort(key=lambda s: not s.gives)
        elif _asks_value(plan) and scored and not scored[0].gives:
            # Without a year, a unit that gives the value leads when it scores near the best one: the
            # best would be withheld for giving none.
            # One that says all the question's words as fully as the best does, too.
            giving = next((s for s in scored if s.gives), None)
            # Asked how often, a unit that says it of what is done leads from further off: the best,
            # giving none, would be withheld, and «årlig» beside «rapportere» is seldom said by chance.
            ratio = _FREQUENCY_NEAR if frequency else _VALUE_NEAR
            if giving is not None and (
                giving.score >= ratio * scored[0].score or giving.coverage >= scored[0].coverage
            ):
                scored = [giving, *(s for s in scored if s is not giving)]
        if receiving and scored and id(scored[0].unit) not in receiving:
            # "Hvem melder vi behov til?": a tally of what was reported («Behov meldt: …») or the news that
            # one may report names no one it goes to; a sentence near it that does leads instead
            naming = next((s for s in scored if id(s.unit) in receiving), None)
            if naming is not None and naming.score >= _VALUE_NEAR * scored[0].score:
                scored = [naming, *(s for s in scored if s is not naming)]
        if members is not None and scored and not scored[0].members:
            # "Hvem sitter i forumet som fordeler pengene?": what the forum does shares more words of the
            # question than who sits in it; a sentence naming its members near the best leads instead.
            naming = next((s for s in scored if s.members), None)
            if naming is not None and naming.score >= _MEMBERS_NEAR * scored[0].score:
                scored = [naming, *(s for s in scored if s is not naming)]
        if scored and _asks_whom_to_contact(asking):
            scored = _contact_first(scored)
        if scored and not scored[0].asked:
            # The best shares only what the question says of who asks ("Jeg er hos Statsforvalteren.");
            # one near it that says what is asked leads instead
            saying = next((s for s in scored if s.asked), None)
            if saying is not None and saying.score >= _ASKED_NEAR * scored[0].score:
                scored = [saying, *(s for s in scored if s is not saying)]
        if asked_focus and plan is not None and scored and not scored[0].carries:
            # "Hvem har sekretariatsansvaret for samarbeidsforum?": the sentence that says what is asked
            # leads, when it scores near the best that only shares the question's other words (who sits
            # in the forum); not in place of the value or the members asked for.
            best = scored[0]
            carrying = next(
                (s for s in scored if s.carries and s.asked and says_focus(f"{s.heading}\n{s.text}")), None
            )
            # Not when the best says a word of the asking sentence rarer than the focus that the one
            # carrying the focus lacks ("Hvor kan en videregående skole henvende seg …?": «henvende»).
            focus_weight = max(
                (x for (_, x), w in zip(sets, words, strict=True) if w in plan.focus), default=0.0
            )
            if carrying is not None:
                rarer = [
                    sets[i][1]
                    for i in best.matched - carrying.matched
                    if i in in_asking and not self._names_scheme(words[i], plan)
                ]
                if rarer and max(rarer) > focus_weight:
                    carrying = None
            if (
                carrying is not None
                and carrying.score >= _FOCUS_NEAR * best.score
                and not (best.members and not carrying.members)
                and not (best.gives and not carrying.gives)
            ):
                scored = [carrying, *(s for s in scored if s is not carrying)]
        elif asked_focus and plan is not None and plan.type == "hvem" and scored:
            # Both say the focus: the one that also says a rarer word of what is asked leads, when near
            # the best («Tilskuddsmottaker skal gjøre en vurdering av måloppnåelse» before a list that says
            # «vurdert» in passing, to "Hvem har ansvaret for å vurdere måloppnåelsen …?").
            scored = self._rarer_carrier_first(scored, plan, sets, words, in_asking)
        if plan is not None and plan.type == "hvem" and sent_to is None and members is None and scored:
            asked_weight = max(
                (x for (_, x), w in zip(sets, words, strict=True) if w in plan.focus), default=0.0
            )

            def lacks_rarer(best: _Scored, other: _Scored) -> bool:
                """The best says a word of the asking sentence rarer than the focus that `other` lacks, as the
                word itself: not only its parts ("barnehageordningen" by «barnehage» and «ordning»)."""
                said = set(index.analyzer.terms(best.text))
                rarer = [
                    sets[i][1]
                    for i in best.matched - other.matched
                    if i in in_asking
                    and not self._names_scheme(words[i], plan)
                    and stem(words[i].lower()) in said
                ]
                return bool(rarer) and max(rarer) > asked_weight

            scored = _who_leads(index, scored, asking, done_sets, lacks_rarer)
        if kind and scored and not _says_its_kind(rules, asking, scored[0].text):
            # "Må fylkeskommunene rapportere hvert år?": the sentence that says it of that kind («Å
            # rapportere årlig til …») leads, when it says what is asked and scores near the best
            saying = next(
                (
                    s
                    for s in scored
                    if s.score >= _KIND_NEAR * scored[0].score
                    and s.loose >= rules.yes_coverage
                    and _says_its_kind(rules, asking, s.text)
                ),
                None,
            )
            if saying is not None:
                scored = [saying, *(s for s in scored if s is not saying)]
        if defines:  # "Hva er X?": the sentence that says what X is leads, before any that mention X
            defining = [s for s in scored if _defines(s.unit.lead, focus, index)]
            # the one whose subject is the focus word for word before one whose subject only shares a
            # part with it («Utdannings- og rekrutteringsstipend er …» before «Etterutdanning omfatter …»)
            defining.sort(
                key=lambda s: -index.weighted_coverage(asking_sets, _subject_terms(s.unit.lead, index))
            )
            if plan is not None and not any(_definite_singular(w) for w in plan.focus):
                # "Hva er en kompetansepakke?" asks what they are: «Kompetansepakker er …» before
                # «Kompetansepakken er …», which says what one of them is
                asked_forms = {stem(w.lower()) for w in plan.focus}

                def one_of_them(s: _Scored) -> bool:
                    word = _defined(s.unit.lead)
                    return _definite_singular(word) and stem(word.lower()) in asked_forms

                defining.sort(key=one_of_them)
            elif plan is not None and plan.topic:
                # "Hva er kompetansepakken for opplæring i bedrift?" asks what that one is: «Kompetansepakker
                # er …» says what the kind is, and does not lead over what is said of the one asked
                defining = [s for s in defining if _definite_singular(_defined(s.unit.lead))]
            scored = defining[:1] + [s for s in scored if s not in defining[:1]]
        return scored

    def _said_of_other_scheme(
        self, cleft: Cleft, wanted: list[tuple[set[str], float]], scored: list[_Scored]
    ) -> _Scored | None:
        """The best sentence, when it says that the body asked about, but of another scheme, does much of
        what is asked («… det er samarbeidsforum for tilskuddsordning for lokal kompetanseutvikling … som
        skal prioritere tiltak …» to "Er det forumet i yrkesfagordningen som prioriterer … ?"): what more the
        question names is said of that scheme's forum, not of the one asked about."""
        if not scored:
            return None
        best, index = scored[0], self._lexical()
        subject = _clause_subject(wanted, best, index)
        if _says(wanted, best, index) < _SAYS_OF_OTHER_SCHEME or not names_asked(cleft, subject):
            return None
        return best if self._of_other_scheme(cleft, subject) else None

    def _of_other_scheme(self, cleft: Cleft, subject: str) -> bool:
        """Whether the question names the body by a scheme ("samarbeidsforumet for fag- og yrkesopplæring")
        and the sentence's subject names the same kind of body by another («samarbeidsforum for
        tilskuddsordning for lokal kompetanseutvikling …»): each scheme has its own forum."""
        if self._names_schemes is None or not cleft.phrase:
            return False
        asked = set(self._names_schemes(cleft.phrase))
        said = set(self._names_schemes(subject))
        return bool(asked and said) and not asked & said

    def _names_scheme(self, word: str, plan: AnswerPlan) -> bool:
        """Whether a question word is the name of a scheme it asks about ("yrkesfagordningen"): where it is
        asked, not what."""
        return bool(plan.schemes and self._in_scope is not None and self._in_scope(word, plan.schemes))

    def _elsewhere(self, text: str, plan: AnswerPlan | None) -> bool:
        return self._said_of(text, plan) is False

    def _said_of(self, text: str, plan: AnswerPlan | None) -> bool | None:
        """Whether `text` (a sentence, not its breadcrumb) speaks for the schemes in scope: None when
        nothing is in scope or it names no scheme."""
        if plan is None or not plan.schemes or self._in_scope is None or _asks_for_scheme(plan):
            return None
        return self._in_scope(text, plan.schemes)

    def _choose(self, scored: list[_Scored], plan: AnswerPlan | None = None) -> list[_Scored]:
        """The best unit leads: after the sentence it refers back to ("Dette …") or the one naming its
        "vi", and before the sentences after it that refer back to it. More units follow, in source
        order, if they score near the best one and also resemble the question (dense): words alone can
        match a list that is about something else. A unit from another passage than the lead's must
        score nearer still, and (asked after one thing) say more of the question than the answer does:
        it is more often beside the point."""
        best = scored[0]
        lead = [best]
        by_position = {(s.unit.hit, s.unit.position): s for s in scored}
        before = by_position.get((best.unit.hit, best.unit.position - 1))
        if before and not before.unit.is_list and _REFERS_BACK.match(best.unit.lead):
            lead.insert(0, before)
        elif _WE.match(best.unit.lead) and (named := _who_we_are(best, by_position)) is not None:
            lead.insert(0, named)  # "Vi utbetaler …" after the sentence that says who "vi" are
        elif before is not None and _names_referent(best, before):
            # «De kan brukes sammen med universitet …» is about what the sentence before it names
            # («Kompetansepakker er nettbaserte tilbud …»): that sentence, not the page's heading, says what
            lead.insert(0, before)
        if plan is not None and plan.type == "naar" and not any(s.gives for s in lead):
            # "Når skulle den være klar?": the best sentence names what is asked about, and the date of it
            # is often in the sentence right after ("Kompetansepakken skal være ferdig … innen januar 2022.")
            last = max(s.unit.position for s in lead if s.unit.hit == best.unit.hit)
            after = by_position.get((best.unit.hit, last + 1))
            if after is not None and after.gives and not after.unit.is_list:
                lead.append(after)
        if plan is not None and plan.type == "hvem" and _names_no_doer(best):
            # "Hvem betaler for ordningen som skal undersøke effekten …?": the sentence that says what is
            # asked names no body, and the one right after it says who of it («Forskningsrådet finansierer
            # denne ordningen.»): it goes on from the lead, in place of a sentence from elsewhere.
            last = max(s.unit.position for s in lead if s.unit.hit == best.unit.hit)
            after = by_position.get((best.unit.hit, last + 1))
            if (
                after is not None
                and not after.unit.is_list
                and _BACK_TO_IT.search(after.unit.lead)
                and actors_in(_doer(after))
            ):
                lead.append(after)
        lead = _with_schedule(best, lead, by_position)
        limit = self.max_units
        if plan is not None:  # a question after one fact gets it, not the paragraph around it
            limit = min(limit, rule_file(PlanRules).max_units.get(plan.type, limit))
        if best.members:  # a forum's members are told in a list and the lines after it (observers, others)
            limit = max(limit, min(self.max_units, _MEMBER_UNITS))
        # What the best sentence's body does goes on in the sentences after it that refer back to it
        # ("Udir har ansvaret …. Det innebærer …. Vi utbetaler …").
        body = _wanted_pattern("hvem")
        named_body = body is not None and body.match(best.unit.lead) is not None
        position = best.unit.position + 1
        while len(lead) < max(limit, 2) and (follow := by_position.get((best.unit.hit, position))):
            position += 1
            if best.members and best.unit.is_list:
                # Who else sits in it, in the lines after the list («Private … skal være representert i
                # forumet.», «… kan delta som observatør.»); not what the forum does, between them.
                if follow.members:
                    lead.append(follow)
                elif position - best.unit.position > _MEMBER_LINES:
                    break
                continue
            if not (_ANAPHOR.match(follow.unit.lead) or (named_body and _WE.match(follow.unit.lead))):
                break
            if best.members and not follow.members:
                break  # what the forum does, after who sits in it
            lead.append(follow)
        seen = {_norm(s.text) for s in lead}
        length = sum(len(s.text) for s in lead)
        best_similarity = max(s.similarity for s in scored)
        rest: list[_Scored] = []
        covered = frozenset().union(*(s.says_asked for s in lead))
        # What another passage adds must say more of the question than the answer says already, for a
        # question after one thing (not a list, an amount, a date or a count, which are often split).
        novel_only = plan is not None and plan.type in _ONE_THING
        value_asked = plan is not None and plan.type in _VALUE_TYPES
        # «Når skal den være ferdig?» answered by a sentence with its date: those beside it without one
        date_given = plan is not None and plan.type == "naar" and any(s.gives for s in lead)
        wants = _wanted(plan)
        given = {v for s in lead for v in _values(wants, s.text)} if wants is not None else set()
        under_body = self._tells_body(plan, best)
        # What X is or means; not what it has («Statsforvalteren har sekretariatsansvar …» is one task)
        defined = _asks_definition(plan) and self._defines_focus(best, plan)
        defined = defined and _IS_OR_MEANS.match(best.unit.lead) is not None
        # A list question answered by a list under its lead-in («Tilskuddsordningen omfatter: …»)
        whole_list = plan is not None and plan.type == "liste" and best.unit.is_list and bool(best.unit.lead)
        others = scored[1:]
        if novel_only:
            # What the passage that answers says more is read before what other passages add, so that
            # another passage's sentence must say something of the question that passage left unsaid.
            others.sort(key=lambda s: s.unit.hit != best.unit.hit)
        # The line right after a list often completes it («Fylkeskommunen disponerer midlene i tråd med
        # planen …» after the steps that end in the plan): it is read first, and from a lower score, when
        # it says a word of the asking sentence the list says too.
        last = max(s.unit.position for s in lead if s.unit.hit == best.unit.hit)
        after = by_position.get((best.unit.hit, last + 1)) if best.unit.is_list else None
        completes = after is not None and not after.unit.is_list and after in others
        if after is None or not completes or not after.says_asked & covered:
            after = None
        if after is not None:
            others = [after, *(s for s in others if s is not after)]
        for s in others:
            if len(lead) + len(rest) >= limit:
                break
            floor = _AFTER_LIST_NEAR if s is after else self.support_ratio
            if s.score < max(floor * best.score, 0.25):
                continue
            off_topic = best_similarity > 0 and s.similarity < best_similarity - self.similarity_margin
            # "Hvem", "hvor", "når" and yes/no questions get a second sentence only from the passage that
            # gave the first (amounts and counts are often split over a slide's lines and passages).
            one_fact = plan is not None and plan.type in ("hvem", "hvor", "naar", "ja_nei")
            one_fact = one_fact or under_body  # what a body does: what its own section says
            one_fact = one_fact or defined  # what X is: what the passage that defines it says
            other_passage = s.unit.hit != best.unit.hit and (one_fact or s.score < 0.85 * best.score)
            if off_topic or other_passage or _norm(s.text) in seen or length + len(s.text) > self.max_chars:
                continue
            if novel_only and s.unit.hit != best.unit.hit and not s.says_asked - covered:
                continue  # it says nothing of what is asked that the answer does not say already
            if s.unit.hit != best.unit.hit and _repeats(self._lexical(), s.text, [*lead, *rest]):
                continue  # another page's copy of what the answer quotes («Tilskuddsordningen omfatter: …»)
            if _REFERS_BACK.match(s.unit.lead) and not _beside(s, [*lead, *rest]):
                continue  # "Det innebærer …" means nothing without the sentence it refers to
            if not s.asked:
                continue  # it shares only what the question says of who asks ("Jeg er hos Statsforvalteren.")
            if s.unit.hit != best.unit.hit and not s.in_question:
                continue  # another passage's sentence about only what is said around the question
            if best.carries and not s.carries and not _beside(s, lead):
                continue  # one that lacks what is asked, and does not go on from the answer, is around it
            if best.members and not s.members:
                continue  # beside who sits in the forum, what the forum does is not asked
            if whole_list and s.unit.is_list and not s.unit.lead and s.unit.hit != best.unit.hit:
                continue  # beside the list asked for, under its lead-in, another page's bare bullets
            if value_asked and best.gives and not s.gives:
                continue  # beside an amount or a count, a unit that gives none (or one of another year)
            if date_given and not s.gives:
                continue  # beside the date asked, what gives none is what happens around it
            figures = _values(wants, s.text) if wants is not None else set()
            if value_asked and figures and figures <= given:
                continue  # a headline that repeats the figure its article gives
            rest.append(s)
            given |= figures
            covered |= s.says_asked
            seen.add(_norm(s.text))
            length += len(s.text)
        rest.sort(key=lambda s: (s.unit.hit, s.unit.position))
        chosen = _total_alone(plan, wants, lead + rest)
        # «De har ansvaret for …» and «I tillegg har de …» chosen, the list «Det innebærer: …» between them:
        # what the first goes on to list is part of it, and the text reads on.
        for s in scored:
            if s in chosen or not s.unit.is_list or not _REFERS_BACK.match(s.unit.lead):
                continue
            if length + len(s.text) > self.max_chars:
                continue
            after = by_position.get((s.unit.hit, s.unit.position - 1))
            before_next = by_position.get((s.unit.hit, s.unit.position + 1))
            if after is not None and after in chosen and before_next in chosen:
                chosen.insert(chosen.index(after) + 1, s)
                length += len(s.text)
        return chosen


# The content words a sentence that asks must have for a sentence from another passage to need one of them.
_OWN_WORDS = 2
# «Det er barnehage- og skoleeiere som analyserer …»: the documents' own way of saying who does what
# (not «Det er opp til fylkeskommunene å …», nor «Det er formålet … som avgjør», which names no body)
_CLEFT_WHO = re.compile(r"^Det\s+er\s+(?!opp\s+til\b)(?P<who>.+?)\s+som\s+(?P<rest>.+)", re.DOTALL)
# How near the best a sentence that says who does what asked must score to lead: a cleft that says it
# of a body, or, when the best names no body but those asked about, one that says the focus of another.
_CLEFT_NEAR = 0.75
_WHO_BY_CLAUSE = re.compile(r"^(?:De|Dei|Den|Alle|Ingen)\s+som\b")
_NO_BODY_NEAR = 0.5


def _who_leads(
    index: LexicalIndex,
    scored: list[_Scored],
    asking: str,
    done: Sequence[tuple[set[str], float]],
    lacks_rarer: Callable[[_Scored, _Scored], bool],
) -> list[_Scored]:
    """For "Hvem …?", the sentence that names who does what is asked leads: «Det er X som <gjør det>»
    over «Statsforvalteren legger til rette for at behovsmeldingene …» (the body the question names,
    doing something else); and, when the best sentence names no body but those the question names («… er
    det nå etablert to samarbeidsforum …»), one near it that says the focus and names another."""
    asked_bodies = actors_in(asking)
    best = scored[0]

    def names_other(text: str) -> bool:
        return bool(actors_in(text) - asked_bodies)

    if not _CLEFT_WHO.match(best.unit.lead):
        for s in scored[1:]:
            if s.score < _CLEFT_NEAR * best.score:
                continue
            cleft = _CLEFT_WHO.match(s.unit.lead)
            if cleft is None or not s.asked or not names_other(cleft.group("who")):
                continue
            rest = set(index.analyzer.terms(cleft.group("rest")))
            if any(variants & rest for variants, _ in done):
                return [s, *(o for o in scored if o is not s)]
    # "Hvem disponerer midlene?" asks who does the verb: a body that does it («Fylkeskommunen disponerer
    # midlene …») leads over a sentence that has it only in a noun («… en årlig disponeringsplan …»).
    verb = _HVEM_VERB.match(asking.strip())
    if verb is not None and not _says_word(best.text, verb.group("verb")):
        for s in scored[1:]:
            if s.score < _NO_BODY_NEAR * best.score:
                continue
            if s.asked and _says_word(s.text, verb.group("verb")) and actors_in(_doer(s)):
                return [s, *(o for o in scored if o is not s)]
    # A sentence that names its doer by a pronoun, by its heading or by who "vi" are («Vi utbetaler …»,
    # «Ledelsen …: Skal ha ansvar …», «De som samarbeider …») names one, though no body's word is in it.
    # (a list names who in its items: «Ledere og ansatte må være med …» under «… to sentrale kriterier:»)
    named_otherwise = best.unit.is_list or any(
        p.match(best.unit.lead) for p in (_PRONOUN_LED, _WHO_BY_CLAUSE, _CLEFT_WHO)
    )
    # The body must be its subject: «Tilskuddsordningen gir barnehage- og skoleeiere mulighet …» names
    # the owners as those it gives to, not as who pays out
    if not named_otherwise and not names_other(_doer(best)):
        for s in scored[1:]:
            if s.score < _NO_BODY_NEAR * best.score:
                continue
            # Not one that lacks what the best says of the question, rarer than the focus: «Vi utbetaler
            # midlene til fylkeskommunene» says "betaler", not of «ordningen som skal undersøke effekten»
            if s.carries and s.asked and names_other(s.text) and not lacks_rarer(best, s):
                return [s, *(o for o in scored if o is not s)]
    return scored


# "Hvem disponerer …?": the present-tense verb right after the question word.
_HVEM_VERB = re.compile(r"^(?:og\s+)?(?:hvem|kven)\s+(?P<verb>[a-zæøå]{4,}(?:er|ar))\b", re.IGNORECASE)


def _says_word(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE) is not None


def _repeats(index: LexicalIndex, text: str, chosen: list[_Scored]) -> bool:
    """Whether `text` says almost only what one chosen unit says already: `_REPEATS` of its words are
    that unit's words (the same list in two documents, worded a little differently). A figure of its own
    is no repeat: «tilskuddet er 400 000 kroner» beside «… 650 000 kroner» is an older source that disagrees,
    which the freshness rules weigh, not a copy."""
    own = set(index.analyzer.stems(text))
    given = figures(text)
    return bool(own) and any(
        len(own & set(index.analyzer.stems(c.text))) >= _REPEATS * len(own) and given <= figures(c.text)
        for c in chosen
    )


# A line of a schedule: a date and what happens on it ("24.03.26: Thon hotel Brønnøysund").
_SCHEDULE_LINE = re.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2,4})?\s*[:–-]")


def _with_schedule(
    best: _Scored, lead: list[_Scored], by_position: dict[tuple[int, int], _Scored]
) -> list[_Scored]:
    """A schedule's dated lines are one answer: chosen one of them, the lines of the same run around it
    come too, in order, so that "Når er samlingene?" gets every date, not the first two."""
    if not _SCHEDULE_LINE.match(best.unit.lead or ""):
        return lead
    run = [best]
    for step in (-1, 1):
        position = best.unit.position + step
        while (line := by_position.get((best.unit.hit, position))) and _SCHEDULE_LINE.match(
            line.unit.lead or ""
        ):
            run.insert(0, line) if step < 0 else run.append(line)
            position += step
    at = lead.index(best)
    return [*lead[:at], *run, *(s for s in lead[at + 1 :] if s not in run)]


# Question types whose answer is an amount or a count: the unit that gives one leads (a date question
# also has a season or a month to match, "høsten 2026", which no pattern checks).
_VALUE_TYPES = frozenset({"hvor_mye", "hvor_mange"})
# How near the best score a "som hovedregel ikke" sentence with the question's word must be to lead.
_RULE_NEAR = 0.8
# How near the best a yes/no question's sentence that says what is asked must score to lead in place of a
# best that lacks the word the question turns on.
_YES_NEAR = 0.9
# A sentence this near the best (share of its score) that sends what is asked to another body answers «Nei».
_SENT_NEAR = 0.5
# How near the best score a unit that gives the value asked for must be to lead in its place.
_VALUE_NEAR = 0.85
# … and, asked "Hvor ofte …?", a unit that gives a frequency beside what is done
_FREQUENCY_NEAR = 0.7
# What a sentence led by "De" loses when what it refers to is not what the question is about.
_OFF_SUBJECT = 0.5
# What a unit of a passage that names the year asked about gains.
_OF_YEAR = 0.3
_FIGURE = re.compile(r"\d")
# Question types after one thing, whose answer must say what is asked after (its focus).
# Not "hvor" (a place answers it, whatever its verb: «holdes») nor a list (its focus is often an adjective:
# «den langsiktige planen», whose list says «En slik plan»).
_FOCUS_TYPES = frozenset({"hvem", "hva", "naar", "hvordan"})
# How near the best score a unit that says the focus must be to lead in place of one that does not.
_FOCUS_NEAR = 0.75
# How near the best passage's score a passage beyond the first few must be for its focus sentence to be read.
_FOCUS_PASSAGE_NEAR = 0.75
# How near the best passage's score a passage beyond the first few must be to be read for a unit that says
# more of the asking sentence than the best unit does; how near the best unit's score that unit must be;
# and how specific (idf weight) a word it adds must be: «skole» beside «skoleeiere» adds nothing.
_MORE_PASSAGE_NEAR = 0.75
_MORE_NEAR = 0.85
_MORE_WEIGHT = 1.0
# How many words of the asking sentence the best must say for one that says them all and more to be told:
# a unit says every word of a best that says one by chance.
_MORE_OF = 2
# Not a list or an amount asked for: those are chosen by what the list's lead-in or the figure says.
_SAYS_MORE_TYPES = frozenset({"ja_nei", "hva", "hvem", "hvordan", "naar", "hvor"})
# What a source's own question («Skal midler «holdes igjen»?») loses: it asks, it tells nothing.
_ASKS = 0.5
# How near the best passage's score a passage beyond the first few must be for a list of the asked kind
# (its lead-in names the focus) to be read.
_LIST_PASSAGE_NEAR = 0.8
# A list of this many items or more answers a "how" question as the steps of a process.
_MIN_STEPS = 3
# How near the best passage's score a passage beyond the first few must be for its steps to be read.
_PROCESS_NEAR = 0.8
# Question types that ask after one thing.
_ONE_THING = frozenset({"hva", "hvem", "hvordan"})
# What a sentence naming a body's members gains, asked who the body is made of: more than a list of what the
# body does that shares the question's words («Forumet prioriterer behovene, og lager en plan …»).
_NAMES_MEMBERS = 0.5
# ... and a list naming them more: it names them one by one, where a sentence often names one of them
# («Statsforvalteren kan delta i samarbeidsforum som observatør»).
_MEMBERS_LISTED = 0.3
# How near the best score a sentence naming the members must be to lead in place of one that does not.
_MEMBERS_NEAR = 0.6
# How near the best passage's score a passage beyond the first few must be for its members to be read.
_MEMBERS_PASSAGE_NEAR = 0.7
# At most this many units (within the settings' cap) tell a body's members.
_MEMBER_UNITS = 3
# What a list of counts and sums loses, beyond any gain, as the answer to whether one may or must.
_TALLY_COST = 0.2
# How many sentences after the list of members are read for more of them.
_MEMBER_LINES = 4
# Fewer words than this are a label, not a statement.
_MIN_WORDS = 3
# «Nei, X does it», then what the sources say of the body asked about, from a sentence scoring this
# near the best.
_SAYS_OF_ASKED = 0.5
# The share of what a cleft question asks ("koordinere", "forumet") a sentence must have to say it.
_SAYS_WHAT_IS_ASKED = 0.6
# What a sentence beside a «Nei» says of the body asked about must touch what was asked: «Statsforvalteren
# kan delta i samarbeidsforum …» to "Er det Statsforvalteren som skal koordinere forumet?"; and not about
# another scheme («… administrerer Kompetanseløftet» to a question about fag- og yrkesopplæring).
_SAYS_SOME_OF_ASKED = 0.2
# A sentence that says a body of another scheme does what a cleft question asks needs this much of it.
_SAYS_OF_OTHER_SCHEME = 0.4
# What a pronoun-led sentence gains, asked what a body does, under a heading that names the body.
_UNDER_BODY = 0.5
# How near the best score a unit that says what is asked must be to lead in place of one that shares
# only words of who asks.
_ASKED_NEAR = 0.85
# How near the best score the line right after a leading list must be to complete it.
_AFTER_LIST_NEAR = 0.55
# A yes/no question asked of a kind ("hvert år"): a sentence that says it leads from this share of the best
_KIND_NEAR = 0.6
# The share of a unit's words that one chosen unit has for it to be a copy of that unit (another passage).
_REPEATS = 0.8
# The share of the asking sentence (idf-weighted) a list's lead-in must have to count as restating it.
_RESTATES = 0.8
# One list item answers alone (`_answering_item`) in a list of at least this many items, when the asking
# sentence's words its lead-in does not say weigh this share of the question, the item says this share of
# those words, and this many times what any other item says of them.
_ITEM_MIN_LIST = 3
_ITEM_REST_SHARE = 0.3
_ITEM_SAYS_SHARE = 0.3
_ITEM_OVER_OTHERS = 2.0


def _is_process(unit: Unit) -> bool:
    """Steps that each say something: a slide's run of labels ("- Samlinger", "- september") is none."""
    return len(unit.items) >= _MIN_STEPS and all(len(i.split()) > _MIN_WORDS for i in unit.items)


def _values(pattern: re.Pattern[str], text: str) -> set[str]:
    """The amounts, counts or dates a unit gives, as written."""
    return {m.group(0).replace("\u00a0", " ") for m in pattern.finditer(text)}


def _wanted(plan: AnswerPlan | None) -> re.Pattern[str] | None:
    """The kind of fact the question's type asks for: a date for "når", an amount for "hvor mye", a
    frequency for "hvor ofte" («årlig»)."""
    if plan is None:
        return None
    return asked_frequency(asking_sentence(plan.question)) or _wanted_pattern(plan.type)


# How many words either side of a value a word of the question must be for the value to be said of it.
_BESIDE_WORDS = 3


def _said_beside(
    index: LexicalIndex, value: re.Pattern[str], text: str, sets: Sequence[tuple[set[str], float]]
) -> bool:
    """Whether a value in `text` has a word of the question within a few words of it: «Å rapportere
    årlig …» says how often to report, «… og en årlig disponeringsplan» nothing of how often to meet."""
    for match in value.finditer(text):
        before = text[: match.start()].split()[-_BESIDE_WORDS:]
        after = text[match.end() :].split()[:_BESIDE_WORDS]
        near = set(index.analyzer.terms(" ".join([*before, *after])))
        if any(variants & near for variants, _ in sets):
            return True
    return False


def _asks_value(plan: AnswerPlan | None) -> bool:
    """Whether the question asks for a value a unit gives or lacks: an amount, a count or a frequency."""
    return plan is not None and (
        plan.type in _VALUE_TYPES or asked_frequency(asking_sentence(plan.question)) is not None
    )


# "Hvem skal vi sende behovsmeldingen til?", "Til hvem melder vi behov?": who receives, not who acts
# ("… rapportere til i yrkesfagordningen?": a trailing «i/for/innen …» says where; «til» is still stranded)
_ASKS_RECIPIENT = re.compile(
    r"\btil(?:\s+(?:i|for|innen|ved|under)\s+[\w-]+(?:\s+[\w-]+){0,3})?\s*\?\s*$|\btil\s+(?:hvem|kven)\b",
    re.IGNORECASE,
)
# What a sentence that names the receiver gains: «… melder behov for kompetanseutvikling til statsforvalteren»
# over «Statsforvalteren legger til rette for at behovsmeldingene …», which names the body as the one acting.
_SENT_TO = 0.3


def _recipient_pattern(plan: AnswerPlan | None) -> re.Pattern[str] | None:
    """For a "hvem" question that asks whom something goes to, a body named after «til» («til
    statsforvalteren», «til samarbeidsforum»); None for any other question."""
    if plan is None or plan.type != "hvem" or not _ASKS_RECIPIENT.search(asking_sentence(plan.question)):
        return None
    body = rule_file(PlanRules).answers.get("hvem")
    if not body:
        return None
    return re.compile(rf"\btil\s+(?:den\s+|det\s+|sin\s+|sitt\s+)?(?:{body})", re.IGNORECASE)


def _members_pattern(plan: AnswerPlan | None) -> re.Pattern[str] | None:
    """What a sentence naming who the question asks after says: the members of the body asked about
    (plan.yaml `members`, and the body's word from `member_bodies`), or, asked who a scheme is for, its
    target groups (`audience`); None for any other question."""
    rules = rule_file(PlanRules)
    if plan is None:
        return None
    if rules.audience and asks_audience(plan.question):
        return re.compile(rules.audience, re.IGNORECASE | re.MULTILINE)
    if not rules.members or not asks_members(plan.question):
        return None
    asked = plan.question.lower()
    bodies = [b for b in rules.member_bodies if b in asked]
    body = f"(?=.*(?:{'|'.join(map(re.escape, bodies))}))" if bodies else ""
    return re.compile(f"(?s){body}.*?{rules.members}", re.IGNORECASE)


# How near the best score a sentence that says whom to contact must be to lead, asked where to turn.
_CONTACT_NEAR = 0.6


def _asks_whom_to_contact(asking: str) -> bool:
    """Whether the asking sentence asks where or whom to turn to ("Hvor kan jeg henvende meg …?"): the
    advisor's `contact_question`."""
    pattern = rule_file(AdvisorRules).contact_question
    return bool(pattern and re.search(pattern, asking, re.IGNORECASE))


def _contact_first(scored: list[_Scored]) -> list[_Scored]:
    """`scored` with a sentence near the best that says whom to contact («Ta kontakt med fylkeskommunen …»,
    the advisor's `contact_words`) first: asked where to turn, what the place does («De videregående skolene
    bør kjenne til …») is around the answer, and its next sentence would take the answer's second place."""
    pattern = rule_file(AdvisorRules).contact_words
    if not pattern or re.search(pattern, scored[0].text, re.IGNORECASE):
        return scored
    contact = next((s for s in scored if re.search(pattern, s.text, re.IGNORECASE)), None)
    if contact is None or contact.score < _CONTACT_NEAR * scored[0].score:
        return scored
    return [contact, *(s for s in scored if s is not contact)]


def names_members(text: str) -> bool:
    """Whether a text names a body's members (plan.yaml `members`: «skal inkludere representanter for …»)."""
    pattern = rule_file(PlanRules).members
    return bool(pattern and re.search(pattern, text, re.IGNORECASE))


def _wanted_pattern(kind: str) -> re.Pattern[str] | None:
    pattern = rule_file(PlanRules).answers.get(kind)
    return re.compile(pattern, re.IGNORECASE) if pattern else None


# A yes/no question that opens after a comma, behind a statement of what the asker wants or is.
_ASKS_AFTER_COMMA = re.compile(
    r",\s*(?=(?:finnes|fins|finns|finst)\s+(?:det|der)\b|(?:kan|får|må)\s+(?:vi|jeg|eg|me)\b)", re.IGNORECASE
)


# An asking sentence that ends on a pronoun for what the sentence before it says ("… for det?", "… sette
# i gang det?").
_ENDS_REFERRING = re.compile(r"\s(?:det|dette|dem|dei|disse|desse)\s*\?*\s*$", re.IGNORECASE)


def _without_asker(text: str) -> str:
    """The text without who asks, told beside "vi" (plan.yaml `asker`: "vi tre små kommuner i regionen")."""
    asker = rule_file(PlanRules).asker
    return re.sub(asker, " ", text, flags=re.IGNORECASE) if asker is not None else text


def _crux(index: LexicalIndex, plan: AnswerPlan | None) -> set[str] | None:
    """The stems of the rarest word (highest idf) of a yes/no question's asking clause that the documents
    use at all, question words aside; empty for other questions (anything may answer them), None when
    the clause turns on words no document uses (nothing answers it yes)."""
    if plan is None or plan.type != "ja_nei":
        return set()
    asking = question_words()
    # The clause that asks: after a dash or colon ("Og den siste av dem – er X med?") if there is one.
    clause = _first_alternative(re.split(r"\s[–—:]\s|:\s", asking_sentence(plan.question))[-1])
    # "Vi vil rekruttere folk, finnes det noe stipend …?": the clause after the comma asks, what comes
    # before it tells why
    clause = _ASKS_AFTER_COMMA.split(clause, maxsplit=1)[-1]
    cleft = read_cleft(plan.question)
    if cleft is not None:  # "Er det X som skal koordinere forumet?" turns on what X is to do
        clause = cleft.rest
    # An example ("for eksempel miljøterapeuter") illustrates the clause; it is not what it asks, nor is
    # who asks ("vi tre små kommuner i regionen").
    for example in _examples(clause):
        clause = clause.replace(example, " ")
    clause = _without_asker(clause)
    # Short words are mostly small ones ("hos", "lov", "hver"), not what the question turns on.
    words = [w for w in content_words(clause) if w.lower() not in asking and len(w) >= 5]
    # A word that names the scheme ("fag- og yrkesopplæringsordningen") says where it is asked, not what,
    # when the clause says more: any sentence of the scheme's guidelines has it.
    # So does the word before it ("desentralisert" of «desentralisert ordning»).
    in_name = {w for w, after in itertools.pairwise(words) if is_scheme_word(after)}
    if any(not is_scheme_word(w) and w not in in_name for w in words):
        words = [w for w in words if not is_scheme_word(w) and w not in in_name]
    # A word only the glossary uses ("sende" of "sende inn behov") is no word of the documents either.
    # "benyttes", "nyttes" are said «brukes» (`verb_read_as`)
    read_as = rule_file(PlanRules).verb_read_as
    forms = {
        w: f
        for w in words
        if (f := known_form(index, read_as.get(w.lower(), w))) is not None and index.in_documents(f)
    }
    if len(words) - len(forms) >= 2:
        # Several words no document uses ("sitte som fullverdig medlem"): the documents can't confirm
        # what is asked, whatever else a sentence shares with it.
        return None
    if not forms:
        return set()
    # Rarity is the documents' word's: a typo is not rare, the word it misspells may be; a word they
    # never use is as rare as their synonym for it ("penger": "midler").
    word = max(forms, key=lambda w: max((x for _, x in index.weighted_query_sets(forms[w])), default=0.0))
    # "… sammen med fagskolen i stedet for en høgskole?" turns on the body that would stand in for the other
    instead = _INSTEAD_OF.search(asking_sentence(plan.question))
    if (
        instead is not None
        and instead.group(1) in forms
        and names_actor(instead.group(1))
        and names_actor(instead.group(2))
    ):
        word = instead.group(1)
    # With its glossary synonyms: "penger" is found as "midler".
    # A word of a glossary phrase in the clause is found as the phrase's synonyms too: the "periode" of
    # «en periode i en bedrift» is said by «hospitere».
    phrased = index.phrase_synonyms(word, clause)
    return _without_synonym_parts(
        index,
        word,
        {t for w in {word, forms[word]} for variants in index.query_term_sets(w) for t in variants} | phrased,
    )


def _without_synonym_parts(index: LexicalIndex, word: str, variants: set[str]) -> set[str]:
    """The stems that say what a word says: its own and its synonyms', without the tails of a synonym's
    compound ("ordning" of «hospiteringsordning», a synonym of "hospitering"), which any sentence about
    any scheme has, nor their heads ("utdanning" of «Utdanningsdirektoratet», a synonym of "Udir"), which
    «utdanningsstipend» has."""
    own = index.analyzer.term_variants(word)
    return {
        v
        for v in variants
        if v in own
        or not any(
            len(o) > len(v) and (o.endswith(v) or (o.startswith(v) and o not in own)) for o in variants
        )
    }


def _first_of(asking: str) -> str:
    """The first alternative, also where no comma parts them ("Finnes det noe for X eller er alt bare for
    Y?"): what a yes or no answers."""
    return _first_alternative(_ALTERNATIVE.split(asking, maxsplit=1)[0]).strip()


def _first_alternative(clause: str) -> str:
    """A question with alternatives ("Kan vi melde selv, eller må det gå via kommunen?") asks yes or no
    of its first; one that goes on if the answer is yes ("Kan vi delta, og i så fall i hvilken rolle?")
    asks yes or no of what comes before."""
    return _REPLACED.sub("", _ALTERNATIVE_OR_SEQUEL.split(clause, maxsplit=1)[0])


# The word right before «i stedet for» (no comma between): what would stand in for the words after it.
_INSTEAD_OF = re.compile(
    r"([\wæøå-]+)\s+(?:i\s+ste(?:det|den)\s+for|iste(?:det|den)\s*for|i\s+staden\s+for|istadenfor)"
    r"\s+((?:[\wæøå-]+\s+){0,2}[\wæøå-]+)",
    re.IGNORECASE,
)
# "… med en fagskole i stedet for et universitet?" asks about the fagskole, not what it would replace
# (also spelt «i steden for», «istedetfor»).
_REPLACED = re.compile(
    r"\s+(?:i\s+ste(?:det|den)\s+for|iste(?:det|den)\s*for|i\s+staden\s+for|istadenfor|heller\s+enn|fremfor|framfor)"
    r"\s+[^,?]*",
    re.IGNORECASE,
)


_ALTERNATIVE = re.compile(
    r",?\s*\b(?:eller|elles)\s+(?=(?:kan|må|holder|held|er|går|får|skal|trenger|treng|også|òg|bare|kun|berre)\b)",
    re.IGNORECASE,
)

_ALTERNATIVE_OR_SEQUEL = re.compile(
    r",\s*(?:eller|elles)\s|,?\s+og\s+(?:i\s+så\s+fall|eventuelt|hvis\s+ja|viss\s+ja|i\s+tilfelle)\b"
    # a condition after the clause ("…, når de kjøper kurs fra en høgskole?") says when, not what is asked
    r"|,?\s+(?:når|hvis|dersom|viss|om)\s+(?:de|dei|vi|me|jeg|eg|man|en|ein|det|den|dere|de)\s+\w+",
    re.IGNORECASE,
)


def _known_sets(index: LexicalIndex, text: str) -> list[tuple[set[str], float]]:
    """The weighted term sets of the words of a text that the documents use, examples and the words that
    ask ("Er det lov at …", "går") aside."""
    words = list(dict.fromkeys(content_words(text)))
    example = set(content_words(" ".join(_examples(text))))
    return [
        (_without_synonym_parts(index, word, ws), w)
        for (ws, w), word in zip(index.weighted_query_sets(text), words, strict=True)
        if index.in_documents(word) and word not in example and word not in question_words()
    ]


def _examples(text: str) -> list[str]:
    """The examples a question gives ("for eksempel miljøterapeuter"): they illustrate what it asks."""
    pattern = rule_file(PlanRules).examples
    return [m.group(0) for m in re.finditer(pattern, text, re.IGNORECASE)] if pattern else []


def known_form(index: LexicalIndex, word: str) -> str | None:
    """The documents' form of a question word: itself, another inflection or a typo after its first
    letters ("koordinere" beside their "koordinering", "yrkesgruper": "yrkesgrupper"), or its last part
    ("nabokommunene": "kommunene"); None when they use nothing like it."""
    w = word.lower()
    if index.knows(w):
        return w
    vocabulary = index.analyzer.vocabulary
    inflected = [v for v in vocabulary if v.startswith(w[:6])]
    if inflected:
        return max(inflected, key=lambda v: (shared_start(v, w), -len(v)))
    return next((w[i:] for i in range(1, len(w) - 4) if w[i:] in vocabulary), None)


def _amount_kinds(plan: AnswerPlan | None) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """For an amount question that names one kind of money (granted, asked for), the patterns of that
    kind and of the other; None when it names neither or both."""
    if plan is None or plan.type not in ("hvor_mye", "hvor_mange"):
        return None
    rules = rule_file(PlanRules)
    kinds = [re.compile(p, re.IGNORECASE) for p in rules.amount_kinds.values()]
    named = [k for k in kinds if k.search(plan.question)]
    if len(named) > 1 and rules.amount_breakdown:  # "…, fordelt på skole og barnehage" is a breakdown
        without = re.sub(rules.amount_breakdown, " ", plan.question, flags=re.IGNORECASE)
        named = [k for k in kinds if k.search(without)] or named
    if len(named) != 1:
        return None
    others = [k for k in kinds if k is not named[0]]
    return (named[0], others[0]) if len(others) == 1 else None


def _asked_focus(index: LexicalIndex, plan: AnswerPlan | None, about_asker: set[str]) -> set[str]:
    """The focus's terms when it is a word of what is asked, said in the asking
    sentence and not only of who asks ("jobber" in "Jeg jobber i fylkeskommunen og lurer på …"): the
    thing a sentence must say to answer. Empty otherwise."""
    if plan is None or plan.type not in _FOCUS_TYPES:
        return set()
    if asks_members(plan.question):  # "Hvem deltar i forumet?" asks who is in it: its members lead
        return set()
    asking = set(content_words(asking_sentence(plan.question)))
    # A body read as the focus ("Hva sier Udir om …?", "Hvordan får fylkeskommunene …?") is who the question
    # is about, not what it asks after.
    body = _wanted_pattern("hvem")
    words = [
        w
        for w in plan.focus
        if w in asking and w not in about_asker and not (body is not None and body.fullmatch(w))
    ]
    # The documents' form: "sekretariatsansvaret" is said «sekretariatsansvar». Not the glossary's
    # synonyms: "bestemt" is no «besluttet» of what was «fastsatt».
    forms = {f for w in words for f in (w, known_form(index, w)) if f is not None}
    return {t for f in forms for t in index.analyzer.terms(f)}


def _carries(index: LexicalIndex, focus: set[str], text: str) -> bool:
    """Whether a text says the focus: a form of it, a compound with it as a part («utbetaler» for
    "betaler"), another inflection the stemmer cuts shorter («ansvar»: «ansv», «ansvaret»: «ansvar»), or
    the verb's noun in -ing or -ning, which the stemmer keeps whole («vurdering» for "vurdere",
    «beslutning» for "beslutter")."""
    own = set(index.analyzer.terms(text))
    if _loose_coverage([({f}, 1.0) for f in focus], own) > 0:
        return True
    return any(
        (min(len(u), len(f)) >= 4 and (f.startswith(u) or u.startswith(f)) and abs(len(f) - len(u)) <= 2)
        or (len(f) >= 4 and u in (f + "ing", f + "ning"))
        for f in focus
        for u in own
    )


def _focus_terms(index: LexicalIndex, plan: AnswerPlan | None) -> set[str]:
    return {t for w in (plan.focus if plan else ()) for t in index.analyzer.terms(w)}


def _asks_definition(plan: AnswerPlan | None) -> bool:
    pattern = rule_file(PlanRules).definition
    # The asking sentence: "Rektor nevnte en kompetansepakke. Hva er en sånn kompetansepakke?" asks one
    asking = asking_sentence(plan.question) if plan else ""
    return bool(plan and plan.focus and pattern and re.search(pattern, asking, re.IGNORECASE))


def asks_role(plan: AnswerPlan | None) -> bool:
    """Whether the question asks what a body does ("Hva gjør fylkeskommunen?", `role_question`)."""
    pattern = rule_file(PlanRules).role_question
    return bool(plan and pattern and re.search(pattern, asking_sentence(plan.question), re.IGNORECASE))


# How many terms a heading that names a body and where it sits («Ledelsen i videregående skole») may have.
_PLACED_BODY_TERMS = 4


def names_body(index: LexicalIndex, section: str, question: str) -> bool:
    """Whether a passage's own heading is short and a word the asking sentence uses ("Fylkeskommunene",
    "Arbeidslivet"), or names that body first and where it sits ("Ledelsen i videregående skole"): what
    the body asked about does is told under it."""
    terms = index.analyzer.stems(section.split(" > ")[-1])
    asked = set(index.analyzer.stems(asking_sentence(question)))
    if 0 < len(terms) <= 2:
        return set(terms) <= asked
    placed = re.match(r"\s*[\w-]+\s+(?:i|på|ved|hos)\s", section.split(" > ")[-1], re.IGNORECASE)
    return placed is not None and len(terms) <= _PLACED_BODY_TERMS and terms[0] in asked


def _defines(lead: str, focus: set[str], index: LexicalIndex) -> bool:
    """Whether a sentence says what the focus is: "Kompetansepakker er nettbaserte tilbud …"."""
    return _loose_coverage([({f}, 1.0) for f in focus], _subject_terms(lead, index)) > 0


def _defining_item(unit: Unit, focus: set[str], index: LexicalIndex) -> Unit:
    """The list item of `unit` that says what the focus is («Utdannings- og rekrutteringsstipend er …» in a
    list of terms), as a unit of its own, when its subject is the focus word for word; else the unit."""
    # a subject with every stem of the focus defines it (`_defines` holds too)
    item = next((i for i in unit.items if _subject_share(i, focus, index) == 1.0), None)
    if item is None and focus:
        # a list of terms, each item led by its term in bold («**Arbeidsbasert kompetanseutvikling**
        # gjennomføres på arbeidsplassen …»): the one item whose bold term has the focus says what it is
        terms = [(i, _EMPHASIZED_TERM.match(i)) for i in unit.items]
        led = [i for i, t in terms if t is not None and focus <= set(index.analyzer.terms(t.group(1)))]
        item = led[0] if len(led) == 1 and len(unit.items) > 1 else None
    return Unit(unit.hit, unit.position, item, []) if item is not None else unit


# A list item led by its term in Markdown bold: «**Kompetansepakker** fra Udir gir …»
_EMPHASIZED_TERM = re.compile(r"^\s*\*\*([^*]+)\*\*")


def _subject_terms(lead: str, index: LexicalIndex) -> set[str]:
    """The terms of what a defining sentence defines («Utdannings- og rekrutteringsstipend» of «… er …»;
    Markdown emphasis read past); none when it is no defining sentence."""
    pattern = rule_file(PlanRules).definition_verbs
    found = re.match(pattern, plain(lead)) if pattern and lead else None
    return set(index.analyzer.terms(_joined_compounds(found.group(1), index))) if found is not None else set()


# "Utdannings- og rekrutteringsstipend": a compound's first part, its last part said by the next compound
_SHARED_TAIL = re.compile(r"\b([A-Za-zÆØÅæøå]+)-\s+(og|eller)\s+([a-zæøå]+)\b")
_MIN_SHARED_TAIL = 4


def _joined_compounds(text: str, index: LexicalIndex) -> str:
    """The text with each compound whose last part the next one says written whole, where the documents
    use it whole: «Utdannings- og rekrutteringsstipend» is «Utdanningsstipend og rekrutteringsstipend»."""

    def whole(match: re.Match[str]) -> str:
        first, joined, second = match.groups()
        for cut in range(1, len(second) - _MIN_SHARED_TAIL + 1):
            if (first + second[cut:]).lower() in index.analyzer.vocabulary:
                return f"{first}{second[cut:]} {joined} {second}"
        return match.group(0)

    return _SHARED_TAIL.sub(whole, text)


def _subject_share(lead: str, focus: set[str], index: LexicalIndex) -> float:
    """The share of the focus's stems that a defining sentence's subject has, word for word."""
    return len(focus & _subject_terms(lead, index)) / len(focus) if focus else 0.0


def _defined(lead: str) -> str:
    """The last word of what a defining sentence defines ("Kompetansepakker" of «Kompetansepakker er …»)."""
    pattern = rule_file(PlanRules).definition_verbs
    found = re.match(pattern, lead) if pattern else None
    return found.group(1).split()[-1] if found else ""


def _definite_singular(word: str) -> bool:
    """ "Kompetansepakken", "forumet", "ordninga": one particular thing, not the kind."""
    lower = word.lower()
    return len(lower) > 5 and lower.endswith(("en", "et", "a")) and not lower.endswith(("ene", "ane"))


_IS_OR_MEANS = re.compile(r"^[\w-]+(?:\s+[\w-]+){0,3}\s+(?:er|betyr|tyder|innebærer|inneber)\b")
_WE = re.compile(r"^(?:Vi|Me)\b")
_FIRST_PERSON = re.compile(r"^(?:Jeg|Eg|Vi|Me)\b")


def _wonders(sentence: str) -> bool:
    """Whether a sentence about the asker says what they don't know («… og skjønner ikke hvordan X er
    organisert»): what it says is asked, not who asks (plan.yaml `wondering`)."""
    pattern = rule_file(PlanRules).wondering
    return bool(pattern and re.search(pattern, sentence, re.IGNORECASE))


# A question after the sum of an amount («… totalt?», «… til sammen?», «… i alt?»)
_ASKS_TOTAL = re.compile(
    r"\b(?:totalt|til\s+sammen|tilsammen|til\s+saman|tilsaman|samlet|samla|i\s+alt|sum(?:men)?)\b",
    re.IGNORECASE,
)


def _total_alone(
    plan: AnswerPlan | None, wants: re.Pattern[str] | None, chosen: list[_Scored]
) -> list[_Scored]:
    """Asked how much in all, a unit that gives one amount answers: a tally of amounts beside it (a line
    per sector) gives the parts, which the sum was asked instead of."""
    if plan is None or plan.type != "hvor_mye" or wants is None:
        return chosen
    if not _ASKS_TOTAL.search(asking_sentence(plan.question)):
        return chosen
    if not any(s.gives and len(_values(wants, s.text)) == 1 for s in chosen):
        return chosen

    def tally(s: _Scored) -> bool:
        return s.unit.is_list and sum(1 for item in s.shown_items if wants.search(item)) >= 2

    return [s for s in chosen if not tally(s)]


def _beside(s: _Scored, chosen: list[_Scored]) -> bool:
    """Whether the sentence right before `s` in its passage is among those chosen."""
    return any(c.unit.hit == s.unit.hit and c.unit.position == s.unit.position - 1 for c in chosen)


def _forms_and_synonyms(index: LexicalIndex, word: str, text: str) -> set[str]:
    """A word's stems and those of the one-word glossary synonyms of the term of `text` it is part of
    ("betaler" of «betaler ut pengene»: «utbetaler»). A phrase's word alone is no synonym: the «del» of
    «deler ut» (for "utbetaler") says nothing of paying in «en del av tilskuddsordningen»."""
    found = set(index.analyzer.term_variants(word))
    for used, others in index.glossary.matches(text):
        if any(stem(word) == stem(w) for term in used for w in content_words(term)):
            found |= {x for t in others if len(t.split()) == 1 for x in index.analyzer.terms(t)}
    return found


def _says_more_first(
    index: LexicalIndex,
    scored: list[_Scored],
    sets: Sequence[tuple[set[str], float]],
    literal: Sequence[set[str]],
    beyond: set[int],
    sections: dict[int, set[str]],
    yes_no: str | None = None,
) -> list[_Scored]:
    """`scored` with a unit near the best that says every word of the asking sentence the best says and a
    specific one more first («… og private skoler kan også søke om rekrutteringsstipend …» before
    «Skoleeiere kan også søke …», to "Kan en privat skole søke om stipend …?"). A word the breadcrumb of a
    unit's passage says (`sections`, by citation number) is said by it: the scheme it is of; what the best
    says as the question words it (`literal`, by word), the one that leads says so too, and the word it adds
    itself: «en periode på 3 år» says no «bedrift», which the glossary pairs with «periode». The units of
    the passages read only to look for one (`beyond`, by citation number) are dropped, but for the passage
    of the one that leads. Asked yes or no (`yes_no`, the question), not a list (its items, read together,
    settle no yes or no: «… tiltak er prioritert …» among the marks of goals reached) nor one with a negation
    («… som ennå ikke er ansatt») the best and the question lack: it reads as a no."""
    read = [s for s in scored if s.unit.hit not in beyond]
    if len(read) < 2 or len(read[0].says_asked) < _MORE_OF:
        return read
    best = read[0]

    def around(s: _Scored) -> frozenset[int]:  # the words its breadcrumb says: the scheme it is of
        return frozenset(i for i, (v, _) in enumerate(sets) if v & sections.get(s.unit.hit, set()))

    def itself(s: _Scored) -> frozenset[int]:  # the words it says as they are, not by a synonym
        terms = set(index.analyzer.terms(s.text))
        return frozenset(i for i in s.says_asked if literal[i] & terms)

    def more(s: _Scored) -> float:
        added = itself(s) - best.says_asked - around(best)
        if not (s.asked and best.says_asked <= s.says_asked | around(s) and added):
            return 0.0
        if not itself(best) <= itself(s) | around(s):
            return 0.0
        if s.unit.lead.rstrip().endswith("?"):
            return 0.0
        if yes_no is not None and (
            s.unit.is_list or _negations(s.text) - _negations(f"{yes_no}\n{best.text}")
        ):
            return 0.0
        return max(sets[i][1] for i in added)

    saying = [
        s for s in scored if s is not best and s.score >= _MORE_NEAR * best.score and more(s) >= _MORE_WEIGHT
    ]
    if not saying:
        return read
    leader = max(saying, key=lambda s: sum(sets[i][1] for i in s.says_asked))

    return [
        leader,
        *(
            s
            for s in scored
            if s is not leader and (s.unit.hit not in beyond or s.unit.hit == leader.unit.hit)
        ),
    ]


def _negations(text: str) -> set[str]:
    return {w.lower() for w in _NEGATION.findall(text)}


def _says(wanted: list[tuple[set[str], float]], s: _Scored, index: LexicalIndex) -> float:
    """How much of what a cleft question asks (`wanted`) a sentence itself says (not its heading), rarer
    words counting more: the sentence that says it ("De har ansvaret for koordinering av
    samarbeidsforum") has who does it as its subject."""
    return _loose_coverage(wanted, set(index.analyzer.terms(s.text))) if wanted else 0.0


def _who_we_are(s: _Scored, by_position: dict[tuple[int, int], _Scored]) -> _Scored | None:
    """The nearest sentence before `s` in its passage that opens with a body's name ("Udir har ansvaret
    for …"): the "vi" of "Vi utbetaler midlene …"."""
    actor = _wanted_pattern("hvem")
    if actor is None:
        return None
    for position in range(s.unit.position - 1, -1, -1):
        found = by_position.get((s.unit.hit, position))
        if found is not None and not found.unit.is_list and actor.match(found.unit.lead):
            return found
    return None


def _of_asked_subject(
    index: LexicalIndex, sets: list[tuple[set[str], float]], lead: str, referent: str
) -> bool:
    """Whether a sentence led by "De"/"Den" is about something the question names: the subject of the
    sentence before it ("Kompetansepakker er …") is its referent. True when that can't be read."""
    if not _THEY.match(lead) or not (found := _SUBJECT.match(referent)):
        return True
    subject = set(index.analyzer.terms(found.group("subject")))
    if not subject or _PRONOUN_LED.match(referent) is not None:
        return True
    # A compound is a kind of its last part: "kompetansepakker" are packages, not "kompetanse"
    variants = {v for found_as, _ in sets for v in found_as}
    return any(v in subject or any(len(v) >= 5 and u.endswith(v) for u in subject) for v in variants)


def _names_referent(s: _Scored, before: _Scored) -> bool:
    """Whether `before`, the sentence right before `s` in its passage, names what `s`'s pronoun ("De",
    "Den") stands for: a whole statement with a subject of its own, not a list, a label or another
    pronoun-led sentence."""
    lead = s.unit.lead or ""
    if not (_THEY.match(lead) and _PRONOUN_LED.match(lead)) or before.unit.is_list:
        return False
    said = before.unit.lead.strip()
    return said.endswith(".") and _SUBJECT.match(said) is not None and _PRONOUN_LED.match(said) is None


def _asks_for_scheme(plan: AnswerPlan) -> bool:
    """Whether a yes/no question asks which scheme there is (plan.yaml `asks_for_scheme`)."""
    found = rule_file(PlanRules).asks_for_scheme
    asking = asking_sentence(plan.question)
    return bool(found and plan.type == "ja_nei" and re.search(found, asking, re.IGNORECASE))


def _rule_of_asked(index: LexicalIndex, question: str, text: str) -> bool:
    """Whether a rule («Fagskolelærere er som hovedregel ikke …») is of what the question names: the words
    before «som hovedregel ikke» that the documents use, one of them said in the question ("Vi er
    fagskolelærere …", not "Jeg er lærer på yrkesfag …": a «fagskolelærer» is not any «lærer»). A rule
    whose subject names nothing («Det er som hovedregel ikke …») may be of anything."""
    found = _AS_A_RULE_NOT.search(text)
    if found is None:
        return False
    subject = [w for w in content_words(text[: found.start()]) if index.in_documents(w.lower())]
    if not subject:
        return True
    asked = [w.lower() for w in content_words(question)]
    return any(_same_word(w.lower(), a) for w in subject for a in asked)


def _same_word(one: str, other: str) -> bool:
    """The same word in another inflection («fagskolelærere», «fagskolelærerne»): they differ only in an
    ending of up to three letters; «lærere» is not «fagskolelærere»."""
    return shared_start(one, other) >= max(4, min(len(one), len(other)) - 3)


def _yes_able_first(chosen: list[_Scored], scored: list[_Scored]) -> list[_Scored]:
    """A yes/no question's best sentence that lacks the word it turns on (`loose` below `yes_coverage`)
    gives way to another chosen one that scores all but as well and says what is asked («Et nettverk av
    eiere kan velge å gå sammen om å melde behov» before «Statsforvalteren legger til rette for at
    behovsmeldingene …»)."""
    need = rule_file(PlanRules).yes_coverage
    if not chosen or chosen[0] is not scored[0] or chosen[0].loose >= need:
        return chosen
    floor = _YES_NEAR * scored[0].score
    able = next((s for s in chosen[1:] if s.score >= floor and s.loose >= need), None)
    if able is None:
        return chosen
    return [able, *(s for s in chosen if s is not able)][: len(chosen)]


def _says_more(s: _Scored, before: _Scored) -> bool:
    """Whether a sentence that goes on from the one before it («Dette skal skje gjennom …») says more of
    what is asked than that one: it scores higher and shares more of the asking sentence's words."""
    return s.score > before.score and s.loose > before.loose


def _answering(chosen: list[_Scored]) -> _Scored:
    """The chosen sentence that answers: the second when the first is only its referent («Kompetansepakker
    er …» before «De kan brukes …»), so that a yes or no is read from what answers the question."""
    if (
        len(chosen) > 1
        and _names_referent(chosen[1], chosen[0])
        and _beside(chosen[1], chosen[:1])
        # «Kompetansepakker er nettbaserte tilbud …» itself answers "Er kompetansepakkene nettbaserte?"
        # when it says more of what is asked than the sentence that goes on from it
        and chosen[1].loose >= chosen[0].loose
    ):
        return chosen[1]
    return chosen[0]


def _with_referent(s: _Scored) -> str:
    """A bare sentence ("De kan brukes …", "Skal vurdere …", "Det innebærer:" without its list) gets its
    heading first, so the reader knows what it is about; the quote itself stays verbatim. A list's
    lead-in that ends in ":" is complete with its items."""
    first = (s.unit.lead or (s.shown_items[0] if s.shown_items else "")).strip()
    bare = (
        _PRONOUN_LED.match(first)
        or (first.endswith(":") and not s.unit.is_list)
        or _names_heading_noun(first, s.heading)
    )
    if s.heading and bare and s.heading.lower() not in s.text.lower():
        return texts.ANSWER_REFERENT.format(heading=s.heading, text=s.text)
    return s.text


# The endings of a noun's definite form: «kompetansepakken», «forumet», «ordninga», «tiltakene».
_DEFINITE = ("n", "en", "et", "a", "ne", "ene", "ane", "t")


def _names_heading_noun(first: str, heading: str) -> bool:
    """Whether a sentence opens with the definite form of the noun its heading opens with («Kompetansepakken
    skal …» under «Kompetansepakke for opplæring i bedrift»): it speaks of the thing the heading names, as
    a pronoun would, and says less of it than the heading does."""
    opening = re.match(r"[\w-]+", first)
    named = heading.split()
    if opening is None or len(named) < 2:
        return False
    word, noun = opening.group(0).lower(), named[0].lower()
    return any(word == f"{noun}{ending}" for ending in _DEFINITE)


def _lead_in(
    plan: AnswerPlan | None,
    best: _Scored,
    cleft: Cleft | None = None,
    index: LexicalIndex | None = None,
    tells_asked: bool = True,
    follows: str = "",
    speaker: str = "",
    about_asked: bool = True,
    said_before: str = "",
) -> str:
    """A yes/no question is answered yes or no first, when the best source sentence settles it:
    "Som hovedregel ikke" when it says so, "Ja" when it states what was asked without a negation;
    otherwise the reader is told the sources don't say so directly, and given what they do say. `follows`:
    the next sentence of the answer when it goes on from this one («Dette skal skje gjennom …»);
    `said_before`: the sentence this one refers back to («De har ansvaret …» before «Det innebærer: …»)."""
    if plan is None or plan.type != "ja_nei":
        return ""
    text = best.text
    # "Fikk A mer enn B?": yes or no only from a figure for each side
    if compares(asking_sentence(plan.question)):
        verdict = compared(asking_sentence(plan.question), f"{text}\n{follows}")
        return texts.YES_NO_LEADS[verdict] + " " if verdict else texts.LEAD_NOT_DIRECTLY + "\n"
    if _AS_A_RULE_NOT.search(text) and (index is None or _rule_of_asked(index, plan.question, text)):
        return texts.LEAD_AS_A_RULE_NOT + " "
    # A negation the question itself has ("… som ikke er ansatt ennå?") is what was asked, not a no.
    negated = bool(_negations(text) - _negations(plan.question))
    rules = rule_file(PlanRules)
    asking = asking_sentence(plan.question)
    literal = rules.literal_yes and re.search(rules.literal_yes, asking, re.IGNORECASE)
    covered = (best.coverage if literal else best.loose) >= rules.yes_coverage
    # "Er det kommunen som …?" is not answered yes by a sentence about what someone else does.
    by_whom = cleft is None or names_asked(cleft, f"{speaker or _subject(best)} {text}")
    # "… uten å følge regelverket?": a sentence that says the thing to be skipped is no yes to skipping it
    skipped = re.search(rules.skipping, asking, re.IGNORECASE) if rules.skipping else None
    if _more_than_allowed(rules, asking, text) or _needless(rules, asking, text):
        return texts.YES_NO_LEADS["nei"] + " "
    # "Er det lærerne som analyserer behovet?" «Det er barnehage- og skoleeiere som analyserer …»
    if (
        index is not None
        and not negated
        and cleft is None
        and _other_said_to_do_it(index, rules, asking, text)
    ):
        return texts.YES_NO_LEADS["nei"] + " "
    # "Er det Statsforvalteren som prioriterer tiltakene?" «Statsforvalteren legger til rette for at
    # behovsmeldingene skal kunne behandles og prioriteres i samarbeidsforum»: done in another body
    done_in = _passive_doer(index, asking, cleft, text) if index is not None and not negated else None
    if done_in is not None and done_in:
        return texts.YES_NO_LEADS["nei"] + " "
    # "Varer ordningen i fem år?" «… for en periode på 3 år»
    if index is not None and not negated and _other_number(rules, asking, text):
        return texts.YES_NO_LEADS["nei"] + " "
    # "Er X en egen ordning utenfor tilskuddsordningen?" «X … blir innført som en del av tilskuddsordningen»
    if (
        index is not None
        and not negated
        and any(r.holds(asking, text) for r in rules.contrary)
        and _names_asked_thing(index, rules, asking, text)
    ):
        return texts.YES_NO_LEADS["nei"] + " "
    if index is not None and not negated and _names_more_options(index, rules, asking, f"{text} {follows}"):
        return (
            texts.YES_NO_LEADS["nei"] + " "
        )  # "Må det være et universitet?" «… eller samarbeid med fagskoler»
    # "Må vi ha et universitet med?" «… universitet eller høyskole, eller i samarbeid med fagskole …»
    if (
        index is not None
        and not negated
        and about_asked
        and _one_of_alternatives(index, rules, asking, f"{text} {follows}")
    ):
        return texts.LEAD_NOT_NECESSARILY + " "
    # "Er desentralisert ordning for barnehager?" «- Regional ordning for … barnehage - Desentralisert
    # ordning for grunnskoler og videregående skoler»: what is asked is said of two items, each of its own
    # "Er KS med i forumet?": said yes to only by a sentence that names the members and that party
    member = _names_member(rules, asking, f"{best.heading}\n{text}")
    # a list of members that names the party asked about is no list of things each said in part
    # («Samarbeidsforumet skal inkludere: - arbeidslivet - lærerorganisasjonene - yrkesopplæringsnemnda …»)
    if index is not None and not negated and not member and _split_over_items(index, asking, best.unit):
        return texts.YES_NO_LEADS["nei"] + " "
    # "Er tilbudet for alle kommuner?" «Kommuner som over tid har svake resultater … får tilbud …»
    if not negated and _restricts_all(asking, text):
        return texts.YES_NO_LEADS["nei"] + " "
    # "Kan vi sende behovet rett til Udir?" is not answered yes by a sentence that names no Udir.
    via = index is None or _names_bodies_asked(index, rules, asking, f"{best.heading} {text}")
    # "Kan barnehageeiere søke …?" is not answered yes by what skoleeiere may do
    pronoun_led = _PRONOUN_LED.match(best.unit.lead or "") is not None
    # "Skal KS være med i forumet for yrkesfag?" «Samarbeidsforumet skal inkludere …» (KS not among them):
    # the sources say who must be in it, and that party is not, so it is not required
    if member is False and not negated and _required_member_left_out(rules, asking, text):
        return texts.YES_NO_LEADS["nei"] + " "
    subject_asked = asked_subject(plan.question)
    whose = (
        member
        if member is not None
        else cleft is not None
        or subject_fits(subject_asked, best.heading, text, pronoun_led, takes_part(plan.question))
    )
    # «… kan skoleeier søke om vikarmidler» to "Kan barnehageeiere søke om vikarmidler?": said of another
    # owner only, what would be a yes is a no
    other_owner = (
        member is None
        and cleft is None
        and not whose
        and subject_excludes(subject_asked, best.heading, text, pronoun_led)
    )
    # «Barnehage- og skoleeiere kan søke om tilskudd» to "Kan barnehagen søke om midler?": the owner applies
    unit_owner = (
        member is None and cleft is None and owner_not_unit(plan.question, best.heading, text, pronoun_led)
    )
    if (
        covered
        and not negated
        and done_in is None  # the deed is done to something, not by the body asked
        and by_whom
        and tells_asked
        and (skipped is None or _waived(rules, skipped.group(1), text))
        and _states(asking, text)
        and via
        and (whose or other_owner)
        and _says_its_kind(rules, asking, text)
        and (index is None or _requires_what_is_asked(index, rules, asking, text))
        and _obliges(rules, asking, f"{best.heading}\n{said_before}\n{text}")
        and not text.rstrip().endswith(
            "?"
        )  # «Ta stilling til: Skal midler «holdes igjen»?» asks; it says no yes
        and not (
            _tally(best.unit)
            and not (
                index is not None
                and _rule_of_asked_use(index, asking, index.weighted_query_sets(asking), best.unit)
            )
            and _MAY_OR_MUST.match(asking)
        )
        and not _allows_only(rules, asking, text)
        and not (index is not None and _unknown_use(index, rules, asking))
        and not (index is not None and _unknown_deed(index, rules, asking))
        and (
            index is None
            or pronoun_led  # «De kan brukes …»: what it is of is named before it
            or _names_asked_thing(index, rules, asking, f"{best.heading}\n{said_before}\n{text}")
        )
        and (
            index is None
            or _says_the_deed(index, asking, f"{best.heading}\n{said_before}\n{text}\n{follows}")
        )
    ):
        if other_owner or unit_owner:
            return texts.YES_NO_LEADS["nei"] + " "
        return _yes_or_which(cleft, speaker or _subject(best))
    if cleft is not None and cleft.either:  # "Er det X eller Y som …?" has no «Nei» to give
        return texts.LEAD_NOT_DIRECTLY + "\n"
    if skipped and index is not None and not negated and _must_not_skip(index, skipped.group(1), text):
        return texts.YES_NO_LEADS["nei"] + " "
    return texts.LEAD_NOT_DIRECTLY + "\n"


def _yes_or_which(cleft: Cleft | None, subject: str) -> str:
    """«Ja.», or to "Er det X eller Y som …?" the one of them the sentence names as its subject («Det er
    Statsforvalteren.»): a «Ja.» would answer neither. A sentence whose subject names neither (or both)
    settles no choice between them."""
    if cleft is None or not cleft.either:
        return texts.LEAD_YES + " "
    body = named_alternative(cleft, subject)
    if body is None:
        return texts.LEAD_NOT_DIRECTLY + "\n"
    return texts.LEAD_WHICH.format(body=body[:1].upper() + body[1:]) + " "


# "Hva er en behovsmelding?", "Hva må være med i et …?": what any one of a kind is or holds (the article).
_WHAT_A_KIND_IS = re.compile(
    r"^(?:og\s+|men\s+)?(?:hva|kva)\s+(?:er|betyr|tyder|må|skal|bør)\s+(?:[\w-]+\s+){0,3}?(?:en|et|ei|ein|eit)\s",
    re.IGNORECASE,
)
# A yes/no question about what may or must be done ("Kan vi …?", "Må de …?"), not about what was done.
# "Er det mulig/lov/tillatt å …?", "Går det an å …?" ask what "Kan vi …?" asks.
_MAY_OR_MUST = re.compile(
    r"^(?:og\s+|men\s+)?(?:kan|kunne|får|må|skal|bør"
    r"|er\s+det\s+(?:mulig|mogleg|lov|lova|tillatt|greit|anledning|lov\s+til)\s+(?:for\s+[\w-]+\s+)?(?:å|til\s+å)"
    r"|går\s+det\s+an)\b",
    re.IGNORECASE,
)


def _asks_what_to_do(plan: AnswerPlan, asking: str) -> bool:
    """A question about what may or must be done ("Kan vi …?"), how it is done ("Hvordan melder vi
    …?") or what a kind of thing is ("Hva er en behovsmelding?", "Hva må være med i en …?"), not about
    what was done."""
    return (
        plan.type == "hvordan"
        or (plan.type == "ja_nei" and _MAY_OR_MUST.match(asking) is not None)
        or (plan.type == "hva" and _WHAT_A_KIND_IS.match(asking) is not None)
    )


def _tally(unit: Unit) -> bool:
    """A list of counts and sums («Behov meldt: - Barnehage – 12 behovsmeldinger - 7 140 413,-»): it tells
    what was done, not what may be done, so it gives no yes to "Kan vi melde behov?" (it may to "Har
    skolene meldt behov?")."""
    with_figures = sum(bool(re.search(r"\d", item)) for item in unit.items)
    return unit.is_list and 2 * with_figures >= len(unit.items)


def _asked_sets(asking: str, asking_sets: list[tuple[set[str], float]]) -> list[tuple[set[str], float]]:
    """The asking sentence's word sets (`asking_sets`, one per content word), less the words that only ask."""
    words = dict.fromkeys(content_words(asking))
    return [s for s, word in zip(asking_sets, words, strict=True) if word not in question_words()]


def _rule_of_asked_use(
    index: LexicalIndex, asking: str, asking_sets: list[tuple[set[str], float]], unit: Unit
) -> bool:
    """Whether a list of sums holds an item that says what shall or must be done with them, in a word of
    the asking sentence («Midler tildelt 2026: - 11 mill. barnehage, 17 mill. skole = 28 mill - Skal brukes
    til begge målgrupper …» to "Kan vi bruke alle midlene på skolene?"): no mere tally of what was done, it
    answers what may be done as a sentence would. A rule of another matter («Skal brukes …» to "Kan vi
    melde behov?") leaves it the tally it is."""
    asked = [v for v, _ in _asked_sets(asking, asking_sets)]
    return any(
        _RULE_ITEM.match(item) and any(v & set(index.analyzer.terms(item)) for v in asked)
        for item in unit.items
    )


# A list item that opens on what shall, must, may or should be done, after at most a short subject
# («Skal brukes til …», «Midlene skal brukes til …»)
_RULE_ITEM = re.compile(r"^\W*(?:[\w-]+\s+){0,2}?(?:skal|må|kan|bør)\s", re.IGNORECASE)


# A question that asks of several things at once: a list, or how many of them
_ENUMERATES = re.compile(r",|\b(?:alle|tre|fire|fem|seks)\b", re.IGNORECASE)


def _tally_line(unit: Unit, index: LexicalIndex, asking_sets: list[tuple[set[str], float]]) -> list[str]:
    """The one line of a tally whose label the question names: "Hvor mange behovsmeldinger kom fra
    barnehagene?" is answered by «Barnehage – 12 behovsmeldinger …», and the other lines' counts would
    read as answers to it. Empty when no label, or more than one, is named ("… totalt?", "… både fra
    barnehage og skole?"): the whole tally is shown, and no sum is made of it. A label word the passage's
    breadcrumb also says («barnehage») still names its line: the label is what tells the lines apart."""
    lead = set(index.analyzer.terms(unit.lead))
    asked = [variants for variants, _ in asking_sets if not variants & lead]
    named = [
        item
        for item in unit.items
        if (label := re.split(r"\d", item, maxsplit=1)[0]) != item
        and any(variants & set(index.analyzer.stems(label)) for variants in asked)
    ]
    return named if len(named) == 1 else []


def _kind_stems(index: LexicalIndex, rules: PlanRules, asking: str) -> set[str]:
    """The stems of the words a yes/no question asks of a kind (`must_say`: "hvert år", "hvem som helst")
    in its first alternative; a sentence that says that kind says them."""
    first = _first_of(asking)
    phrases = [m.group(0) for r in rules.must_say if (m := re.search(r.asked, first, re.IGNORECASE))]
    return {t for p in phrases for variants, _ in index.weighted_query_sets(p) for t in variants}


def _says_its_kind(rules: PlanRules, asking: str, text: str) -> bool:
    """Whether a sentence says what the question asks of its own kind (`must_say`: "hvem som helst" by
    «åpen for alle», "hvert år" by «årlig», "bare" by «bare»), for each kind the question's first
    alternative asks."""
    first = _first_of(asking)
    return all(
        re.search(r.said, text, re.IGNORECASE)
        for r in rules.must_say
        if re.search(r.asked, first, re.IGNORECASE)
    )


# Where a question sends something or goes through: "rett til Udir", "via fylkeskommunen", "sende behovet til
# X" (not the owner in "forumet til fylkeskommunen").
_BODY_AFTER = re.compile(
    r"\b(?:(?:rett|direkte|beint)\s+til|via|gjennom"
    r"|(?:send\w*|meld\w*|søk\w*|lever\w*|rapporter\w*|betal\w*|utbetal\w*|gå|går)\s+(?:[\w-]+\s+){0,3}?til)"
    r"\s+(?:den\s+|det\s+|de\s+|en\s+|ein\s+)?([\w-]+)",
    re.IGNORECASE,
)


# Who a question's thing comes from ("pengene fra Udir", "midlane frå staten") and where it goes ("rett til
# fylkeskommunene", "via kommunen"), without what is done ("melde behovet")
_FROM_BODY = re.compile(r"\b(?:fra|frå)\s+(?:den\s+|det\s+|de\s+)?[\w-]+", re.IGNORECASE)
_TO_BODY = re.compile(
    r"\b(?:(?:rett|direkte|beint)\s+)?(?:til|via|gjennom)\s+(?:den\s+|det\s+|de\s+|en\s+|ein\s+)?[\w-]+",
    re.IGNORECASE,
)


def _sent_elsewhere(index: LexicalIndex, plan: AnswerPlan, scored: list[_Scored]) -> _Scored | None:
    """The sentence near the best that sends what a question sends to one body ("Kan vi melde behovet
    rett til Udir?") to another («… melder behov for kompetanseutvikling til statsforvalteren»), when
    none near it sends it to the body asked; None otherwise."""
    rules = rule_file(PlanRules)
    asking = asking_sentence(plan.question)
    bodies = [m.group(1) for m in _BODY_AFTER.finditer(_first_of(asking)) if _is_actor(rules, m.group(1))]
    if not bodies:
        return None
    asked = {t for b in bodies for v in index.query_term_sets(b) for t in _without_synonym_parts(index, b, v)}
    # what is sent: the asking clause's words, the bodies aside ("melde behov"); not where it goes ("rett til
    # fylkeskommunene") nor who sends it ("fra Udir"): a sentence about Udir is not about what Udir sends
    clause = _FROM_BODY.sub(" ", _TO_BODY.sub(" ", _first_of(asking)))
    act = [(v, w) for v, w in _known_sets(index, clause) if not v & asked]
    if not act:
        return None
    near = [s for s in scored if s.score >= _SENT_NEAR * scored[0].score]
    found = None
    for s in near:
        own = set(index.analyzer.terms(s.text))
        if _loose_coverage(act, own) < 0.5:
            continue  # about something else
        sent_to = [m.group(1) for m in _BODY_AFTER.finditer(s.text) if _is_actor(rules, m.group(1))]
        if any(
            _loose_coverage([(asked, 1.0)], set(index.analyzer.term_variants(b.lower()))) > 0 for b in sent_to
        ):
            return None  # a sentence sends it where the question asks
        if sent_to and found is None:
            found = s
    return found


def _names_asked_thing(index: LexicalIndex, rules: PlanRules, asking: str, text: str) -> bool:
    """Whether a sentence (with its heading) names the thing a yes/no question asks something of
    ("kompetansepakkene" of "Gir kompetansepakkene studiepoeng?"), by a form, a compound or a synonym:
    «Videreutdanning gir deltakerne studiepoeng» says it of something else. A question that opens with a
    body ("Kan kommunen …"), a pronoun or a word the documents don't use asks of no such thing."""
    found = re.search(rules.thing_question, asking, re.IGNORECASE) if rules.thing_question else None
    if found is None:
        return True
    words = [w.lower() for w in found.group("thing").split()]
    if words[0] in rules.thing_not_named:
        return True
    # the noun after a word that tells which or how many ("flere eiere", "private skoler")
    word = words[1] if words[0] in rules.which_or_how_many and len(words) > 1 else words[0]
    if _is_actor(rules, word):
        return True
    things = [word] if len(word) >= 4 and word not in question_words() and index.in_documents(word) else []
    own = set(index.analyzer.terms(text))
    for word in things:
        forms = {f for f in (word, known_form(index, word)) if f is not None}
        variants = {t for f in forms for v in index.query_term_sets(f) for t in v}
        if _loose_coverage([(variants, 1.0)], own) > 0:
            return True
        if _carries(index, {t for f in forms for t in index.analyzer.terms(f)}, text):
            return True
    return not things


def _other_said_to_do_it(index: LexicalIndex, rules: PlanRules, asking: str, text: str) -> bool:
    """Whether a sentence says outright that someone else does what a cleft question asks of one that is no
    body of plan.yaml ("Er det lærerne som analyserer behovet?" «Det er barnehage- og skoleeiere som
    analyserer kompetansebehovet …»): it names who between «Det er» and «som», not the one asked, and says
    most of what is asked after it."""
    asked = re.search(rules.cleft, asking, re.IGNORECASE) if rules.cleft else None
    said = _CLEFT_SUBJECT.match(text)
    if asked is None or said is None:
        return False
    who = [w for w in content_words(asked.group("actor")) if len(w) >= 3 and w.lower() not in _SELF]
    what = _known_sets(index, asked.group("rest"))
    if not who or not what:
        return False
    named = spelled_out(said.group(1))
    if any(_names_head(index, w, named) for w in who):
        return False
    return _loose_coverage(what, set(index.analyzer.terms(text[said.end() :]))) >= _SAYS_WHAT_IS_ASKED


_SELF = frozenset({"selv", "sjølv", "sjøl", "sjølve", "selve"})


def _names_head(index: LexicalIndex, word: str, named: str) -> bool:
    """Whether a text names who a word names, as a word or the head of a compound («eierne» in
    «skoleeiere»), not only as the part before it: «skoleeiere» are the schools' owners, not «skolene»."""
    heads: set[str] = set()
    # («barnehage-» of «barnehage- og skoleeiere» is only the first part of «barnehageeiere»)
    for w in (w for w in named.split() if not w.endswith("-")):
        terms = index.analyzer.terms(w.lower())
        heads |= {terms[0], terms[-1]} if terms else set()
    # as _carries does, a form the stemmer cuts otherwise («eiern», «eier») is the same word
    return any(
        min(len(u), len(f)) >= 3 and (f.startswith(u) or u.startswith(f)) and abs(len(f) - len(u)) <= 2
        for f in index.analyzer.terms(word.lower())
        for u in heads
    )


def _numbers(pattern: str, text: str) -> dict[str, set[str]]:
    """The numbers a text gives, by what they count («3 år»: {"år": {"3"}}; a year «2021»: {"year": …})."""
    found: dict[str, set[str]] = {}
    for m in re.finditer(pattern, text, re.IGNORECASE):
        value = m.group("value").lower()
        value = _NUMBER_WORDS.get(value, value).replace(" ", "")
        year = m.group("unit") is None and re.fullmatch(r"(?:19|20)\d\d", value)
        unit = "year" if year else m.group("unit")
        if unit:
            found.setdefault(unit.lower()[:4], set()).add(value)
    return found


# The letters' number words (two to ten), with one and the other seven
_NUMBER_WORDS = {
    **dict.fromkeys(("en", "ett", "ei", "ein", "eitt"), "1"),
    **{word: str(n) for n, word in texts.LETTER_COUNT_WORDS.items()},
    "syv": "7",
}


def _other_number(rules: PlanRules, asking: str, text: str) -> bool:
    """Whether a sentence gives another number of what a question asks the number of ("Varer den i fem år?"
    «… for en periode på 3 år», "Kom den i 2019?" «I 2021 …»), and not the one asked. A question that
    compares ("mer enn", "minst") asks no number the sentence must give."""
    if not rules.number or (rules.compares and re.search(rules.compares, asking, re.IGNORECASE)):
        return False
    asked = _numbers(rules.number, asking)
    if not (rules.past_question and re.search(rules.past_question, asking, re.IGNORECASE)):
        asked.pop("year", None)
    said = _numbers(rules.number, text)
    return any(unit in said and not values & said[unit] for unit, values in asked.items())


# "fag- og yrkesopplæring": a compound list that names one thing, not two things asked together
_COMPOUND_LIST = re.compile(r"[\wæøå]+-\s+(?:og|eller)\s+", re.IGNORECASE)
_TWO_ASKED = re.compile(r"\b(?:og|eller)\b|,", re.IGNORECASE)
_IN_SCHEME = re.compile(
    r"\b(?:i|innen|innan|under)\s+(?:den\s+|det\s+)?(?:[\wæøå-]+\s+)?[\wæøå-]*ordning\w*", re.IGNORECASE
)


def _split_over_items(index: LexicalIndex, asking: str, unit: Unit) -> bool:
    """Whether a list says what a yes/no question asks of one thing only of two things, each in an item of
    its own ("Er desentralisert ordning for barnehager?" «- Regional ordning for kompetanseutvikling i
    barnehage - Desentralisert ordning for grunnskoler og videregående skoler»): no item says all of what
    the list says of the question's words, and two items alike in a word of the question («ordning») each
    say part. Words the lead-in or every item has, and words no item has, tell nothing between the items;
    a question that asks of two things ("X og Y") is not asked so."""
    # where it is asked ("… i den regionale ordningen") is not what: the items may name schemes of their own
    first = _IN_SCHEME.sub(" ", _first_of(asking))
    if len(unit.items) < 2 or _TWO_ASKED.search(_COMPOUND_LIST.sub(" ", first)):
        return False
    items = [set(index.analyzer.terms(plain(i))) for i in unit.items]
    lead = set(index.analyzer.terms(plain(unit.lead)))

    def has(terms: set[str], variants: set[str]) -> bool:
        return _loose_coverage([(variants, 1.0)], terms) > 0

    # each word as itself: the glossary says a scheme's name by the groups it is for («regional ordning»:
    # barnehage), which is what the items tell apart
    words = [w for w in dict.fromkeys(content_words(first)) if w.lower() not in question_words()]
    # a word as a whole, not its parts: «kompetansetiltak» is not said by «kompetanseutvikling» of one item
    every = [v for w in words if (v := set(index.analyzer.terms(w.lower())[:1]))]
    asked = [v for v in every if not has(lead, v) and 0 < sum(has(item, v) for item in items) < len(items)]
    # the items must be alike in what they say of the question («… ordning for …» in each), not a list of
    # unlike facts («11 mill. barnehage …», «Behovsmeldinger: …»)
    shared = [v for v in every if sum(has(item, v) for item in items) >= 2]
    if len(asked) < 2 or not shared:
        return False
    said = [sum(has(item, v) for v in asked) for item in items]
    alike = [n for n, item in zip(said, items, strict=True) if n and any(has(item, v) for v in shared)]
    return max(said) < len(asked) and len(alike) >= 2


_ALL_OF = re.compile(r"\b(?:alle|samtlige)\s+(?:de\s+|dei\s+)?([\wæøå-]{4,})", re.IGNORECASE)


def _restricts_all(asking: str, text: str) -> bool:
    """Whether a sentence narrows to some of a group by a clause that tells which ("Er tilbudet for alle
    kommuner?" «Kommuner som over tid har svake resultater …»), where the question asks of all of them, and
    says «alle» of none."""
    found = _ALL_OF.search(_first_of(asking))
    if found is None or re.search(r"\b(?:alle|samtlige|enhver)\b", text, re.IGNORECASE):
        return False
    word = found.group(1)
    start = re.escape(word[: max(4, len(word) - 3)])
    return re.search(rf"\b{start}[\wæøå]*\s+som\b", text, re.IGNORECASE) is not None


def _is_actor(rules: PlanRules, word: str) -> bool:
    return any(word.lower().startswith(a) for a in rules.actors)


# "… sammen med arbeidslivet?", "… i samarbeid med fagskolene?": the body a deed is asked to be done with
_WITH_BODY = re.compile(
    r"\b(?:(?:sammen|saman)\s+med|i\s+(?:samarbeid|partnerskap|partnarskap)\s+med)"
    r"\s+(?:den\s+|det\s+|de\s+|en\s+|ein\s+|et\s+|eit\s+)?([\w-]+)",
    re.IGNORECASE,
)


def _names_bodies_asked(index: LexicalIndex, rules: PlanRules, asking: str, text: str) -> bool:
    """Whether a sentence names each body the question sends something to or goes through ("rett til
    Udir", "via fylkeskommunen", "midler fra Statsforvalteren"), or does it with ("sammen med
    arbeidslivet"), by its name or a synonym."""
    said = set(index.analyzer.terms(text))
    first = _first_of(asking)
    for m in [*_BODY_AFTER.finditer(first), *_WITH_BODY.finditer(first)]:
        word = m.group(1)
        if not _is_actor(rules, word):
            continue
        variants = _without_synonym_parts(index, word, {t for v in index.query_term_sets(word) for t in v})
        if _loose_coverage([(variants, 1.0)], said) == 0:
            return False
    return True


def _requires_what_is_asked(index: LexicalIndex, rules: PlanRules, asking: str, text: str) -> bool:
    """Whether a sentence can say yes to "Må det være et universitet?": it must require what is asked
    (an obligation, then the thing), not merely name it («Universiteter og høyskoler som bidrar … skal
    sørge for …»). Other questions need no such sentence."""
    first = _first_of(asking)
    if not (rules.exclusive and rules.requirement and rules.obligation):
        return True
    if not (
        re.search(rules.exclusive, first, re.IGNORECASE)
        and re.search(rules.requirement, first, re.IGNORECASE)
    ):
        return True
    asked = _known_sets(index, first)
    return any(
        _loose_coverage(asked, set(index.analyzer.terms(text[must.end() :]))) > 0
        for must in re.finditer(rules.obligation, text, re.IGNORECASE)
    )


_OPEN_TO = r"\b(?:åpen|open|tilgjengelig\w*)\s+for\b"


def _obliges(rules: PlanRules, asking: str, text: str) -> bool:
    """Whether a sentence can say yes to "Må vi …?": not when it tells only what was done (plan.yaml
    `done`) and requires nothing (`obligation`, `duty`): «Udir har utviklet … i samarbeid med
    universitet- og høgskolesektoren» is no yes to "Må vi samarbeide med et universitet?". A sentence in
    the present («Eiere gjennomfører tiltakene i partnerskap med …») states the rule, and may. Other
    questions need no such sentence."""
    if not (rules.requirement and rules.obligation and rules.done):
        return True
    if not re.search(rules.requirement, _first_of(asking), re.IGNORECASE):
        # "Kan vi bruke pakkene?": what Udir «har igangsatt» allows nothing; a sentence that may, must or
        # is open to someone («kan brukes», «er åpen for alle») says what may be done
        if rules.permission is None or not _MAY_OR_MUST.match(_first_of(asking)):
            return True
        said = [rules.permission, rules.obligation, _OPEN_TO]
        return any(re.search(p, text, re.IGNORECASE) for p in said) or not re.search(
            rules.done, text, re.IGNORECASE
        )
    said = [rules.obligation, *([rules.duty] if rules.duty else [])]
    if any(re.search(p, text, re.IGNORECASE) for p in said):
        return True
    return re.search(rules.done, text, re.IGNORECASE) is None


def _names_more_options(index: LexicalIndex, rules: PlanRules, asking: str, text: str) -> bool:
    """Whether a question if only one thing will do is answered no by the sentence: "Må det være et
    universitet eller en høgskole?" by «… med universiteter og høyskoler, eller samarbeid med fagskoler»
    (after what was asked, "eller"/"også" and a word the question lacks), and "Må vi melde behov alene,
    eller kan vi gå sammen med andre?" by a sentence that says the second alternative."""
    if not (rules.exclusive and rules.more_options):
        return False
    first = _first_of(asking)
    if _together_instead(index, rules, first, text):
        return True
    exclusive = re.search(rules.exclusive, first, re.IGNORECASE) is not None
    asked_sets = _known_sets(index, first)
    asked = {t for variants, _ in asked_sets for t in variants}
    said = set(index.analyzer.terms(text))
    second = _ALTERNATIVE.split(asking, maxsplit=1)[1] if _ALTERNATIVE.search(asking) else ""
    required = exclusive or bool(rules.requirement and re.search(rules.requirement, first, re.IGNORECASE))
    if second and required:
        other = [(v, w) for v, w in _known_sets(index, second) if not v & asked]
        if other and _loose_coverage(other, said) >= 0.5:
            return True
    if not exclusive or not asked_sets:
        return False
    if rules.open_to_all and re.search(rules.open_to_all, text, re.IGNORECASE):
        return True  # «Kompetansepakken er åpen for alle» to "Er den bare for lærere?"
    for option in re.finditer(rules.more_options, text, re.IGNORECASE):
        # an option beside what was asked: «universiteter og høyskoler, eller samarbeid med fagskoler», the
        # word before it one of the question's
        before = [w for w in content_words(text[: option.start()]) if len(w) >= 4]
        if not before or _loose_coverage(asked_sets, set(index.analyzer.term_variants(before[-1]))) == 0:
            continue
        # the option itself is the first word of substance after it: «eller samarbeid med fagskoler», not
        # the rest of a sentence that goes on («… universiteter eller høyskoler skal samarbeide om …»)
        after = [w for w in content_words(text[option.end() :]) if len(w) >= 4 and w not in question_words()]
        if after and index.in_documents(after[0]) and not index.analyzer.term_variants(after[0]) & asked:
            return True
    return False


def _refers_to_asked(
    index: LexicalIndex, asking: str, s: _Scored, by_position: dict[tuple[int, int], _Scored]
) -> bool:
    """Whether a sentence led by "De"/"Den" is about something the question names, by the subject of the
    sentence before it («Kompetansepakker er …» before «De kan brukes sammen med universitet eller
    høgskole …», which is about the packages, not about whom the owners work with). True for a sentence led
    otherwise; False when the sentence before can't be found."""
    lead = s.unit.lead or ""
    if not _THEY.match(lead):
        return True
    before = by_position.get((s.unit.hit, s.unit.position - 1))
    if before is None:
        return False
    return _of_asked_subject(index, _known_sets(index, _first_of(asking)), lead, before.unit.lead or "")


# "Skal partnerskap være hovedmodellen?", "Må tiltakene være kollektive?": what the thing asked must be
_PREDICATE = re.compile(
    r"\b(?:være|vere|bli|verte)\s+(?:en\s+|ei\s+|et\s+|ein\s+|eit\s+|den\s+|det\s+)?([\w-]{4,})",
    re.IGNORECASE,
)


def _together_instead(index: LexicalIndex, rules: PlanRules, first: str, text: str) -> bool:
    """Whether "Må hver kommune melde behov alene?" (a requirement to act `alone`) is answered no by the
    sentence: it allows the same to be done `together` («Et nettverk av eiere kan velge å gå sammen om å
    melde behov»), saying at least half of what the question asks beside the word for alone."""
    if not (rules.alone and rules.together and rules.required and rules.permission):
        return False
    alone = re.search(rules.alone, first, re.IGNORECASE)
    if alone is None or not re.search(rules.required, first, re.IGNORECASE):
        return False
    together = re.search(rules.together, text, re.IGNORECASE)
    if not together or not re.search(rules.permission, text, re.IGNORECASE) or _NEGATION.search(text):
        return False
    rest = _known_sets(index, first[: alone.start()] + first[alone.end() :])
    return bool(rest) and _loose_coverage(rest, set(index.analyzer.terms(text))) >= 0.5


def _one_of_alternatives(index: LexicalIndex, rules: PlanRules, asking: str, text: str) -> bool:
    """Whether a question if something is required ("Må vi samarbeide med et universitet?", `required`) is
    answered «Nei, ikke nødvendigvis» by the sentence: it gives what was asked beside an alternative the
    question does not name («… universitet eller høyskole, eller i samarbeid med fagskole …», «… til
    samarbeidsforum eller via det lokale kompetansenettverket»), the asked word right before or right after
    "eller" and the other side a word of the documents the question lacks. Only "eller" and its kin count:
    «… også …» adds to what is required, it offers no way round it."""
    if not (rules.required and rules.alternatives):
        return False
    first = _first_of(asking)
    if not re.search(rules.required, first, re.IGNORECASE):
        return False
    if rules.exclusive and re.search(rules.exclusive, first, re.IGNORECASE):
        return False  # "Må det være et universitet?", "bare X": `_names_more_options` reads those
    first = _without_doer(rules, first)
    asked_sets = _known_sets(index, first)
    if not asked_sets:
        return False
    asked = {t for variants, _ in asked_sets for t in variants}

    def is_asked(word: str) -> bool:
        return _loose_coverage(asked_sets, set(index.analyzer.term_variants(word))) > 0

    def substantial(words: list[str]) -> list[str]:
        return [w for w in words if len(w) >= 4 and w not in question_words()]

    pieces = [p for line in text.splitlines() for p in split_sentences(line) if p.strip()]
    # "Skal partnerskap med universitet være hovedmodellen?" asks what the partnership must be: only a
    # sentence that says that («Partnerskap skal fortsatt være hovedmodellen») answers, whatever the others
    # give beside the university
    predicate = _PREDICATE.search(first)
    if predicate is not None and known_form(index, predicate.group(1)) is not None:
        wanted = _known_sets(index, predicate.group(1))
        pieces = [p for p in pieces if _loose_coverage(wanted, set(index.analyzer.terms(p))) > 0]
    for piece in pieces:
        for option in re.finditer(rules.alternatives, piece, re.IGNORECASE):
            before = substantial(content_words(piece[: option.start()]))
            after = substantial(content_words(piece[option.end() :]))
            if not before or not after:
                continue
            for one, other in ((before[-1], after[0]), (after[0], before[-1])):
                if (
                    is_asked(one)
                    and index.in_documents(other)
                    and not index.analyzer.term_variants(other) & asked
                ):
                    return True
    return False


# What a body asked whether it must do something is to be («Må universitetet være med?»): the body is
# then the thing required, not one who does it.
_TO_BE = re.compile(r"^\s*(?:være|vere|bli|verte|med|delta|involvert|representert)\b", re.IGNORECASE)


def _without_doer(rules: PlanRules, first: str) -> str:
    """ "Må samarbeidsforumet lage en plan?" asks what the forum must do: a sentence that sends needs
    «til samarbeidsforum eller via det lokale kompetansenettverket» gives no alternative to it. The body
    asked of (in the words after the opening verb, `subject_question`) is left out of what is required,
    unless it is what is to be there («Må universitetet være med?»)."""
    found = re.search(rules.subject_question, first, re.IGNORECASE) if rules.subject_question else None
    if found is None:
        return first
    start = found.start("subject")
    for word in re.finditer(r"[\wæøå-]+", first[start : found.end("subject")]):
        if names_actor(word.group()):
            end = start + word.end()
            return first if _TO_BE.match(first[end:]) else first[:start] + first[end:]
    return first


def _unknown_use(index: LexicalIndex, rules: PlanRules, asking: str) -> bool:
    """Whether a question what the money may go to ("Kan midlene brukes til vikarer?", `use_of_money`) names
    a use in words none of which the documents use: no sentence of theirs can say yes to it."""
    if rules.use_of_money is None:
        return False
    found = re.search(rules.use_of_money, _first_of(asking), re.IGNORECASE)
    if found is None:
        return False
    words = [w for w in content_words(found.group("use")) if len(w) >= 4 and w not in question_words()]
    return bool(words) and all(known_form(index, w) is None for w in words)


# Words before a party's name that are not the party ("en privat skole", "vår skole")
_NOT_THE_PARTY = frozenset(
    {"en", "ei", "et", "ein", "eit", "vår", "våre", "vårt", "vore", "noen", "nokon", "også", "òg"}
    | {"være", "vere", "bli", "verte", "sitte", "sitje", "delta"}  # "Kan X være observatør i forumet?"
)
_PARTY_STEM = 4  # letters of a party's word that must open a word of the sentence ("privat" → «private»)


def _opens_a_word(part: str, lowered: str) -> bool:
    """Whether the start of `part` (all but its last two letters, at least four) opens a word of `lowered`."""
    return re.search(rf"(?<![\w-]){re.escape(part[: max(_PARTY_STEM, len(part) - 2)])}", lowered) is not None


def _party_word_said(word: str, lowered: str) -> bool:
    """Whether a sentence says a word of a party's name: itself, inflected («private» for "privat"), or a
    compound by both its parts («eiere av … barnehager» for "barnehageeiere")."""
    w = word.lower()
    if _opens_a_word(w, lowered):
        return True
    return any(
        _opens_a_word(w[:i], lowered) and _opens_a_word(w[i:], lowered)
        for i in range(_PARTY_STEM, len(w) - _PARTY_STEM + 1)
    )


def _names_member(rules: PlanRules, asking: str, text: str) -> bool | None:
    """For a question whether one party is a member of a body ("Er KS med i samarbeidsforumet?",
    `member_question`): whether the sentence names the members (`members`) and, among them, each word of
    that party ("KS", "privat skole": «private … skoler»). None when the question asks no such thing."""
    found = re.search(rules.member_question, asking, re.IGNORECASE) if rules.member_question else None
    if found is None:
        return None
    words = [w for w in found.group("member").split() if w.lower() not in _NOT_THE_PARTY]
    if not words or not (rules.members and re.search(rules.members, text, re.IGNORECASE)):
        return False
    lowered = text.lower()
    return all(_party_word_said(w, lowered) for w in words)


def _required_member_left_out(rules: PlanRules, asking: str, text: str) -> bool:
    """Whether a question asks if a party must be in a body ("Skal/Må X være med i forumet?", `required`)
    and the sentence says who must be (`members` with an `obligation`: «… skal inkludere …»)."""
    if not (rules.required and rules.obligation and rules.members):
        return False
    return bool(
        re.search(rules.required, asking, re.IGNORECASE)
        and re.search(rules.members, text, re.IGNORECASE)
        and re.search(rules.obligation, text, re.IGNORECASE)
    )


# The verb a yes/no question opens with ("Mister vi midlene …?"), after a joining word.
_OPENING_VERB = re.compile(r"^(?:og\s+|men\s+)?([a-zæøå]+)\b", re.IGNORECASE)
_MIN_DEED_LETTERS = 4


_FILLERS = (
    r"(?:selv|sjølv|også|òg|våre|vår|vårt|vårs|ikke|ikkje|bare|berre|fortsatt|framleis|alltid|gjerne|"
    r"direkte|fritt)"
)
# "Kan universitetet søke om midlene?": a modal, the body it is asked of (a definite or capitalised noun;
# not "vi", whose deed the documents say of owners in words of their own) and the deed asked after.
_MODAL_DEED = re.compile(
    r"^(?:og\s+|men\s+)?(?:kan|kunne|må|skal|får|bør)\s+"
    r"(?:[A-ZÆØÅ][\w-]*|[\w-]+(?:en|et|ene|ane|a|ne))\s+"
    rf"(?:{_FILLERS}\s+)*(?!{_FILLERS}\b)"
    r"(?P<verb>[a-zæøå]{2,})\b"
)
# A passive form: «prioriteres», «brukast».
_PASSIVE = re.compile(r"\w{3,}(?:es|ast)$", re.IGNORECASE)
# Deeds any sentence of the documents may say in other words (taking part, having, being).
_LIGHT_DEEDS = frozenset({"være", "vere", "bli", "ha", "få", "gjøre", "gjere", "delta", "sitte", "sitje"})


def _says_the_deed(index: LexicalIndex, asking: str, text: str) -> bool:
    """Whether a sentence says the deed a "Kan X <gjøre>?" question asks after: «Universiteter … skal
    samarbeide om …» names the university but says nothing of it applying, so it is no yes to "Kan
    universitetet søke om midlene?"."""
    asked = asking.strip()
    found = _MODAL_DEED.match(asked[:1].lower() + asked[1:])  # the case of later words tells names apart
    if found is None:
        return True
    said = found.group("verb").lower()
    verb = rule_file(PlanRules).verb_read_as.get(said, said)  # "nyttes" is said «brukes»
    if len(verb) < 4 or verb in _LIGHT_DEEDS or verb in question_words():
        return True
    if not _PASSIVE.search(verb):
        # Done to something, the deed is not the body's own: «… skal kunne … prioriteres i samarbeidsforum»
        # is no yes to "Skal Statsforvalteren prioritere tiltakene?".
        text = " ".join(w for w in text.split() if not _PASSIVE.search(w.strip(".,;:»«()")))
    return _loose_coverage(_known_sets(index, verb), set(index.analyzer.terms(text))) > 0


# «… skal kunne behandles og prioriteres i samarbeidsforum»: a passive deed, and in or by whom it is done.
_PASSIVE_IN = re.compile(
    r"\b([a-zæøå]{3,}(?:es|ast))\b(?:\s+(?:i|av|hos|ved)\s+(?:den\s+|det\s+|dei\s+|de\s+)?([\wæøå-]+))?",
    re.IGNORECASE,
)
_ASKING_MODALS = frozenset({"skal", "kan", "må", "bør", "får", "vil", "kunne", "skulle"})


def _passive_doer(index: LexicalIndex, asking: str, cleft: Cleft | None, text: str) -> bool | None:
    """Whether a sentence says the deed a question asks a body does ("Er det Statsforvalteren som
    prioriterer …?", "Skal Statsforvalteren prioritere …?") only in the passive: True when it names
    another body it is done in or by («… prioriteres i samarbeidsforum»), False when it names none (no
    yes: the body asked is not said to do it), None when it says the deed otherwise or not at all."""
    if cleft is not None:
        words = [w for w in cleft.rest.split() if w.lower() not in _ASKING_MODALS]
        deed, asked = (words[0].lower() if words else ""), set(cleft.actors)
    else:
        found = _MODAL_DEED.match(asking.strip()[:1].lower() + asking.strip()[1:])
        if found is None:
            return None
        deed = found.group("verb").lower()
        asked = actors_in(found.group(0)[: found.start("verb")])
    if len(deed) < _MIN_DEED_LETTERS or not asked or _PASSIVE.search(deed) or deed in _LIGHT_DEEDS:
        return None
    stems = set(index.analyzer.terms(deed))
    said = [m for m in _PASSIVE_IN.finditer(text) if stems & set(index.analyzer.terms(m.group(1)))]
    active = [
        w
        for w in re.findall(r"[\wæøå-]+", text)
        if not _PASSIVE.search(w) and stems & set(index.analyzer.terms(w))
    ]
    if not stems or not said or active:
        return None
    return any(m.group(2) and (actors_in(m.group(2)) - asked) for m in said)


def _unknown_deed(index: LexicalIndex, rules: PlanRules, asking: str) -> bool:
    """Whether a yes/no question opens with a verb of doing that the documents never use ("Mister vi
    midlene hvis …?", "Refunderer Udir reisene?"): what it asks happens is nowhere said, so no sentence of
    theirs says yes to it, however many of its other words it shares. Asking verbs ("kan", "må",
    "stemmer", "trenger") are no deed."""
    found = _OPENING_VERB.match(asking.strip())
    if found is None:
        return False
    verb = found.group(1).lower()
    verb = rules.verb_read_as.get(verb, verb)  # "Dekker ordningen …?" asks what «… omfatter …» says
    if len(verb) < _MIN_DEED_LETTERS or verb in question_words() or verb in rules.finite_verbs:
        return False
    return known_form(index, verb) is None


def _allows_only(rules: PlanRules, asking: str, text: str) -> bool:
    """Whether a sentence only allows what a question asks is required: «Statsforvalteren kan delta i
    samarbeidsforum som observatør» to "Skal Statsforvalteren sitte i forumet?" (a `permission` modal and
    no `obligation`). Allowed is not required, so it gives no «Ja.»."""
    if not (rules.required and rules.permission and rules.obligation):
        return False
    if not re.search(rules.required, _first_of(asking), re.IGNORECASE):
        return False
    return bool(re.search(rules.permission, text, re.IGNORECASE)) and not re.search(
        rules.obligation, text, re.IGNORECASE
    )


def _more_than_allowed(rules: PlanRules, asking: str, text: str) -> bool:
    """Whether the question asks for more than the lesser role the sentence gives («… som observatør» to
    "Kan X stemme i forumet?"), and does not ask about that role itself."""
    if not (rules.limited_role and rules.beyond_role):
        return False
    if not re.search(rules.limited_role, text, re.IGNORECASE) or re.search(
        rules.limited_role, asking, re.IGNORECASE
    ):
        return False
    return re.search(rules.beyond_role, asking, re.IGNORECASE) is not None


def _needless(rules: PlanRules, asking: str, text: str) -> bool:
    """Whether "Må vi …?" asks if something is needed that the sentence makes needless (`open_waives`):
    «Kompetansepakken er åpen for alle» to "Må vi søke om å få bruke den?"."""
    if not (rules.requirement and re.search(rules.requirement, _first_of(asking), re.IGNORECASE)):
        return False
    return any(r.holds(asking, text) for r in rules.open_waives)


def _waived(rules: PlanRules, skipped: str, text: str) -> bool:
    """Whether a sentence makes needless what a question asks to skip (`skip_waived`): «… er åpen for alle»
    to "…, uten at eieren må melde oss på?"."""
    return any(r.holds(skipped, text) for r in rules.skip_waived)


def _must_not_skip(index: LexicalIndex, skipped: str, text: str) -> bool:
    """Whether a sentence says that what a question asks to skip (`skipped`: "tenke på anskaffelsesreglene"
    of "…, uten å tenke på anskaffelsesreglene?") must be done: «… skal fylkeskommunene følge regelverket for
    offentlige anskaffelser»."""
    rules = rule_file(PlanRules)
    if not (rules.obligation and rules.exception) or not re.search(rules.obligation, text, re.IGNORECASE):
        return False
    if re.search(rules.exception, text, re.IGNORECASE):
        return False
    forms = [f for w in content_words(skipped) if (f := known_form(index, w)) and index.in_documents(f)]
    said = set(index.analyzer.terms(text))
    return (
        bool(forms)
        and _loose_coverage([({t for v in index.query_term_sets(f) for t in v}, 1.0) for f in forms], said)
        > 0
    )


def _clause_subject(wanted: list[tuple[set[str], float]], s: _Scored, index: LexicalIndex) -> str:
    """Who does what a cleft question asks about in a sentence of several clauses: the subject of the
    clause that says most of it («… og det er samarbeidsforum … som skal prioritere tiltak»); for a
    sentence of one clause, its subject."""
    parts = clauses(s.text)
    if len(parts) < 2:
        return _subject(s)
    best = max(parts, key=lambda c: _loose_coverage(wanted, set(index.analyzer.terms(c))))
    return _opening_subject(best)


# A sentence that opens with an adverbial puts its verb second and its subject after it: «For
# videreutdanningstilbud gjennom KFK … kan skoleeier søke om vikar- eller stipendmidler …»
_FRONTED = re.compile(
    r"^(?:For|I|Ved|Gjennom|Etter|Innen|Til|Med|Fra|Under|Når|Dersom|Hvis|Før|Da|Her|Derfor)\s", re.IGNORECASE
)


def _doer(s: _Scored) -> str:
    """Who a sentence says does something, read where its subject stands: its opening words, or, after an
    opening adverbial, the words right after its first modal verb («For … kan skoleeier søke …»)."""
    subject = _subject(s)
    pattern = rule_file(PlanRules).sentence_modal
    if not pattern or not _FRONTED.match(s.unit.lead or ""):
        return subject
    modal = re.search(pattern, s.text, re.IGNORECASE)
    return subject if modal is None else f"{subject} {' '.join(s.text[modal.end() :].split()[:2])}"


# «… finansierer denne ordningen»: a sentence that says its object is what the sentence before it named
_BACK_TO_IT = re.compile(r"\b(?:denne|dette|disse|desse)\s+[a-zæøå]", re.IGNORECASE)


def _names_no_doer(s: _Scored) -> bool:
    """A sentence that names no body where its subject stands, nor by a pronoun, heading or cleft."""
    if s.unit.is_list or any(p.match(s.unit.lead) for p in (_PRONOUN_LED, _WHO_BY_CLAUSE, _CLEFT_WHO)):
        return False
    return not actors_in(_doer(s))


def _subject(s: _Scored) -> str:
    """Who a sentence says does something: its heading when it opens with a pronoun, else its first words."""
    return s.heading if _PRONOUN_LED.match(s.unit.lead or "") else _opening_subject(s.text)


# «Det er barnehage- og skoleeiere som analyserer …»: a cleft names who does it between «det er» and «som»
_CLEFT_SUBJECT = re.compile(r"^\W*(?:det|dette)\s+er\s+(.+?)\s+som\b", re.IGNORECASE)


def _opening_subject(text: str) -> str:
    """Who a sentence (or clause) says does something: what a cleft puts between «det er» and «som», with
    a shared compound tail written out («barnehage- og skoleeiere» names barnehageeiere too); else its
    first four words."""
    cleft = _CLEFT_SUBJECT.match(text)
    return spelled_out(cleft.group(1)) if cleft else " ".join(text.split()[:4])


def _states(asking: str, text: str) -> bool:
    """Whether a sentence can confirm the state a question asks about ("Er pakken ferdig?"): it must say
    the state word itself, and not as a plan ("skal være ferdig innen januar 2022" may not have happened)."""
    rules = rule_file(PlanRules)
    asked = re.search(rules.state_question, asking, re.IGNORECASE) if rules.state_question else None
    if asked is None:
        return True
    said = re.search(rf"\b{re.escape(asked.group(1))}", text, re.IGNORECASE)
    return bool(said) and not (rules.planned and re.search(rules.planned, text, re.IGNORECASE))


def _states_cases(unit: Unit) -> bool:
    """A list led in by the cases it holds in («… fungerer best når det er»): to "når" of in which cases,
    the whole list answers (plan.yaml `condition_lead`)."""
    lead = rule_file(PlanRules).condition_lead
    return unit.is_list and bool(unit.lead) and lead is not None and bool(re.search(lead, unit.lead, re.I))


def _relevant_items(
    unit: Unit,
    index: LexicalIndex,
    readings: tuple[list[tuple[set[str], float]], list[tuple[set[str], float]]],
    long_list_items: int,
) -> list[str]:
    """A long list shows only the items that speak to the question, unless the question is about
    the list as a whole ("Hva bør planen omfatte?" matches the lead-in, read as the whole question or
    as its asking sentence alone): then every item."""
    if len(unit.items) <= long_list_items:
        return unit.items
    sets = readings[0]
    lead = set(index.analyzer.terms(unit.lead))
    if unit.lead and max(index.weighted_coverage(r, lead) for r in readings) >= 0.5:
        return unit.items
    matching = [i for i in unit.items if index.weighted_coverage(sets, set(index.analyzer.terms(i))) > 0]
    return matching or unit.items


def _conditions_first(plan: AnswerPlan | None, chosen: list[_Scored]) -> list[_Scored]:
    """ "Hva skal til for at tiltakene får midler?": the chosen sentence whose lead-in names the conditions
    (plan.yaml `names_conditions`) leads; the order only, nothing is added."""
    rules = rule_file(PlanRules)
    if plan is None or rules.asks_conditions is None or rules.names_conditions is None:
        return chosen
    if not re.search(rules.asks_conditions, asking_sentence(plan.question), re.IGNORECASE):
        return chosen
    naming = [s for s in chosen if re.search(rules.names_conditions, s.unit.lead, re.IGNORECASE)]
    return naming[:1] + [s for s in chosen if s not in naming[:1]]


def _lead_in_terms(index: LexicalIndex, unit: Unit, previous: Unit | None) -> set[str]:
    """The terms of what `unit`'s lead-in speaks of. «Det innebærer: …» lists what the sentence before it
    says («De har ansvaret for koordinering av samarbeidsforum»): that sentence's words count too."""
    terms = set(index.analyzer.terms(unit.lead))
    if previous is not None and not previous.is_list and _REFERS_BACK.match(unit.lead):
        terms |= set(index.analyzer.terms(previous.lead))
    return terms


def _lead_names(index: LexicalIndex, unit: Unit, focus: set[str]) -> bool:
    """Whether `unit` is a list whose lead-in names the focus («En slik plan … bør omfatte:» of «plan»)."""
    if not unit.is_list or not focus:
        return False
    return _loose_coverage([({f}, 1.0) for f in focus], set(index.analyzer.terms(unit.lead))) > 0


# What a list whose lead-in names the kind a "Hvilke X …?" question asks for gains.
_NAMES_KIND = 0.3


def _asked_kind(index: LexicalIndex, asking: str) -> set[str]:
    """The terms of the kind "Hvilke (statlige) X …?" asks for (plan.yaml `asked_kind`); empty otherwise."""
    pattern = rule_file(PlanRules).asked_kind
    found = re.search(pattern, asking, re.IGNORECASE) if pattern else None
    return set(index.analyzer.terms(found.group("kind"))) if found is not None else set()


def _lists_asked_kind(unit: Unit, index: LexicalIndex, asking: str, focus: set[str]) -> bool:
    """Whether `asking` asks for several of a kind («Hvilke kjennetegn …?», `asks_several`) and the list's
    lead-in names that kind («Kjennetegn på måloppnåelse er:»): then every item is one of those asked for."""
    pattern = rule_file(PlanRules).asks_several
    if pattern is None or not re.search(pattern, asking, re.IGNORECASE):
        return False
    return _lead_names(index, unit, focus)


def _answering_item(
    unit: Unit,
    index: LexicalIndex,
    asking: str,
    asking_sets: list[tuple[set[str], float]],
    context: set[str],
) -> list[str]:
    """The one item of a list that answers: the asking sentence's words that neither the lead-in nor the
    passage's breadcrumb (`context`: the scheme, the place) says are said by one item far more than by
    any other, and it says a good share of them. Items are read by their whole words:
    «lærerorganisasjonene» is one kind of «organisasjoner», not the answer to which organisations. Empty
    when no item stands out, so the list is shown as before."""
    if not unit.is_list or not unit.lead or len(unit.items) < _ITEM_MIN_LIST:
        # Bullets without a lead-in (a slide's points) are statements that go on from one another
        # («… i partnerskap med universitet …» and «Partnerskap skal fortsatt være hovedmodellen»): all kept.
        return []
    asked = _asked_sets(asking, asking_sets)
    lead = set(index.analyzer.terms(unit.lead)) | context
    rest = [(v, w) for v, w in asked if not v & lead]
    total = sum(w for _, w in asked)
    left = sum(w for _, w in rest)
    if not total or left < _ITEM_REST_SHARE * total:
        return []  # the lead-in says (nearly) all that is asked: the list as a whole answers
    shares = sorted(
        ((index.weighted_coverage(rest, set(index.analyzer.stems(i))), n) for n, i in enumerate(unit.items)),
        reverse=True,
    )
    (best, at), (second, _) = shares[0], shares[1]
    if best < _ITEM_SAYS_SHARE or best < _ITEM_OVER_OTHERS * second:
        return []
    return [unit.items[at]]


def _loose_coverage(sets: list[tuple[set[str], float]], own: set[str]) -> float:
    """Idf-weighted coverage where a question word also counts as found inside a compound of the
    unit, as its first or last part: "stipend" in "rekrutteringsstipend", "prøvenemnd" in
    "prøvenemndsmedlemmer". Compounds are how Norwegian names a narrower thing of the same kind."""
    total = sum(w for _, w in sets)
    if not total:
        return 0.0

    def found(variants: set[str]) -> bool:
        if variants & own:
            return True
        return any(len(v) >= 5 and (u.startswith(v) or u.endswith(v)) for v in variants for u in own)

    return sum(w for s, w in sets if found(s)) / total


def _bigrams(stems: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(stems))


def _bigram_share(query_bigrams: set[tuple[str, str]], unit_terms: list[str]) -> float:
    """Share of the question's word pairs that the unit has side by side: phrasing, not just words."""
    if not query_bigrams:
        return 0.0
    return len(query_bigrams & _bigrams(unit_terms)) / len(query_bigrams)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
