"""The scheme advisor in the chat: "which schemes fit us?" and yes/no questions about one scheme ("is this
group in the target group?", "may a private owner apply?", "may the money go to this?").

`questions` reads what is asked (a profile, or a yes/no question with its scheme and subject); this module
routes and words the answer. A yes/no answer leads with «Ja», «Nei», «Som hovedregel ikke» or «Kildene sier
ikke dette direkte», then the cited reason. Every statement cites the catalogue quote it rests on, as a
passage of the indexed document, so the answer has the chat's usual [n] citations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from assistant import texts
from assistant.answer.citations import to_citation
from assistant.answer.plan import asking_sentence
from assistant.ingest.lines import SENTENCE_END
from assistant.ingest.units import plain, split_units
from assistant.models import OWNER_TYPES, SECTORS, Citation, Passage, ScoredPassage
from assistant.rules import AdvisorRules, ScopeRules, rule_file
from assistant.schemes.catalogue import Catalogue, Evidence, Scheme, normalize_quote
from assistant.schemes.matching import Profile, SchemeMatch, eligibility, match_schemes
from assistant.schemes.questions import (
    ProfileDraft,
    YesNo,
    asked_group,
    asks_for_match,
    default_scheme,
    read_profile,
    read_yes_no,
    scheme_in,
    supplies_profile,
)
from assistant.schemes.reasons import Reason, join
from assistant.schemes.scope import named_schemes
from assistant.schemes.verdicts import (
    Verdict,
    applicant_verdict,
    group_verdict,
    owner_verdict,
    partner_verdict,
    procurement_verdict,
    sector_owner_verdict,
    sector_verdict,
    use_verdict,
    with_group,
)

# A quote's sentence longer than this is not shown whole: the quote itself says what matters.
_WHOLE_SENTENCE_CHARS = 400


class _Sources:
    """Numbers quotes in order of first use and turns each into a citation of the passage holding it."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self._passages = passages
        self.citations: list[Citation] = []
        self._numbers: dict[tuple[str, str], int] = {}

    def mark(self, reason: Reason) -> str:
        return f"[{self.number(reason)}]"

    def number(self, reason: Reason) -> int:
        """One number for each passage: two quotes from one passage (the groups a scheme names, and the
        sentence after them that names another scheme's) cite it once."""
        holder = self._holder(reason)
        key = ("", holder.id) if holder is not None else (reason.document, normalize_quote(reason.quote))
        if key not in self._numbers:
            self._numbers[key] = len(self.citations) + 1
            self.citations.append(self._citation(len(self.citations) + 1, reason))
        return self._numbers[key]

    def _holder(self, reason: Reason) -> Passage | None:
        quote = normalize_quote(reason.quote)
        return next(
            (p for p in self._passages if p.document == reason.document and quote in normalize_quote(p.text)),
            None,
        )

    def sentence(self, reason: Reason) -> str:
        """The reason's quote as the whole sentence (or list item) it is part of, when that is short
        enough to read and adds no figures: «ansatte i PP-tjenesten» says less than the sentence that
        names them a target group. The quote as it is when no passage holds it in one sentence."""
        quote = normalize_quote(reason.quote)
        for passage in self._passages:
            if passage.document != reason.document or quote not in normalize_quote(passage.text):
                continue
            for unit in split_units(passage.text, 0):
                for piece in [unit.lead, *unit.items]:  # a list item may hold several sentences
                    for whole in SENTENCE_END.split(normalize_quote(plain(piece))):
                        if quote in whole:
                            # A sentence that adds figures ("for 2021 fordelt 164 millioner …") is about them.
                            short = len(whole) <= _WHOLE_SENTENCE_CHARS
                            return (
                                whole if short and not re.search(r"\d", whole.replace(quote, "")) else quote
                            )
        return quote

    def list_lead_in(self, reason: Reason) -> str:
        """The lead-in of the list one of whose items the reason's quote is, with «…» after it when
        items before that one are left out: «prøvenemndsmedlemmer.» alone does not say what it is an
        item of. Empty when the quote is no list item or the lead-in ends in no ':'."""
        quote = normalize_quote(reason.quote)
        for passage in self._passages:
            if passage.document != reason.document or quote not in normalize_quote(passage.text):
                continue
            for unit in split_units(passage.text, 0):
                lead = normalize_quote(plain(unit.lead))
                if quote in lead or not lead.endswith(":") or len(lead) > _WHOLE_SENTENCE_CHARS:
                    continue
                at = [i for i, item in enumerate(unit.items) if quote in normalize_quote(plain(item))]
                if at:  # the items between the lead-in and this one are left out, and that is marked
                    return lead if at[0] == 0 else f"{lead} …"
        return ""

    def _citation(self, n: int, reason: Reason) -> Citation:
        holder = self._holder(reason)
        if holder is None:  # a quote across a passage boundary: cite the quote itself, still verbatim
            return Citation(n, reason.document, reason.document, None, "", None, None, reason.quote, 1.0)
        return to_citation(n, ScoredPassage(holder, score=1.0))


@dataclass(frozen=True)
class AdvisorAnswer:
    text: str
    citations: list[Citation]


def advise(
    question: str,
    previous: Sequence[str],
    catalogue: Catalogue,
    passages: Sequence[Passage],
    raw: str | None = None,
    *,
    matches: bool = True,
) -> AdvisorAnswer | None:
    """The advisor's answer, or None when the question is not for the advisor. `question` is the
    resolved question, `raw` what the user typed ("Vi er en kommune." after "Hvilke ordninger passer?").
    Without `matches`, only a yes/no question is answered: one part of a question is no profile."""
    raw = raw or question
    if (part_of := _part_of_other(question, catalogue)) is not None:
        return _part_of_answer(*part_of, _Sources(passages))
    if asked := read_yes_no(question, previous, catalogue):
        return _yes_no_answer(verdict(catalogue, asked), _Sources(passages))
    if (applying := _who_applies(question, previous, catalogue)) is not None:
        return _who_applies_answer(applying, _Sources(passages))
    if (contacted := _contacted(question, previous, catalogue)) is not None:
        return _contact_answer(contacted, _Sources(passages))
    if (sent := _sent_to(question, previous, catalogue)) is not None:
        return _sent_answer(sent, _Sources(passages))
    if (sent_there := _sent_there(question, previous, catalogue)) is not None:
        scheme, body = sent_there
        return _sent_answer(scheme, _Sources(passages), body)
    # "Hva må vi gjøre?" after who asks said what they want: as typed, before a resolution that pulls the
    # statement's words into it ("Hva må vi gjøre for … midler …?")
    processed = _process_asked(question, previous, catalogue)
    if processed is None and raw != question and previous:
        processed = _process_asked(raw, previous, catalogue)
    if processed is not None:
        return _process_answer(processed, _Sources(passages))
    if not matches:
        return None
    follows_match = bool(previous) and asks_for_match(previous[-1], catalogue) and supplies_profile(raw)
    if asks_for_match(question, catalogue) or follows_match:
        draft = read_profile([*previous[-2:], raw] if follows_match else [question])
        group = asked_group(question, catalogue)
        return _match_answer(catalogue, draft, _Sources(passages), topic=_topic(raw, group), group=group)
    return None


def _topic(question: str, group: str | None) -> str:
    """What the schemes are asked about, without the words that ask for schemes ("Hvilke tilbud kan vi
    søke på …": «tilbud» and «søke» would put every «videreutdanningstilbud» one can «søke om» first) or
    the group asked for, which orders them by itself; nor the owner the asker is ("en privat skoleeier":
    «skoleeier» would put every scheme whose quote says «skoleeier søke om» first), which the fit says."""
    rules = rule_file(AdvisorRules)
    topic = question.replace(group, " ") if group else question
    owners = [p for phrases in rules.owner_type.values() for p in phrases]
    for phrase in sorted([*rules.match_phrases, *rules.match_context, *owners], key=len, reverse=True):
        topic = re.sub(rf"(?<!\w){re.escape(phrase.strip())}(?!\w)", " ", topic, flags=re.IGNORECASE)
    return " ".join(topic.split())


def _who_applies(question: str, previous: Sequence[str], catalogue: Catalogue) -> Scheme | None:
    """The scheme a "Hvem kan søke …?" question asks about, when the catalogue says who applies in it."""
    rules = rule_file(AdvisorRules)
    scheme = _scheme_asked(rules.who_applies_question, question, previous, catalogue)
    if scheme is None or not scheme.who_applies:
        return None
    # "Hvem melder behov i yrkesfagordningen?": the schools and networks do, not the fylkeskommune paid
    if (
        rules.needs_question
        and rules.needs_words
        and re.search(rules.needs_question, asking_sentence(question), re.IGNORECASE)
        and not any(re.search(rules.needs_words, e.quote, re.IGNORECASE) for e in scheme.who_applies)
    ):
        return None
    return scheme


def _who_applies_answer(scheme: Scheme, sources: _Sources) -> AdvisorAnswer:
    """The owner types who apply, cited by the quotes that speak of applying or of the money («melde behov
    for midler», «utbetaler midlene») first; an owner type the catalogue rests on a weaker quote (who is
    represented in the forum) keeps it after them, so every owner named is cited."""
    owners = list(dict.fromkeys(texts.OWNER_PLURALS[e.value] for e in scheme.who_applies))
    head = texts.WHO_APPLIES.format(scheme=scheme.name, owners=join(owners))
    reasons = [Reason(e.value, e.quote, e.document) for e in scheme.who_applies]
    rules = rule_file(AdvisorRules)
    pattern = rules.applying_words
    applying = [r for r in reasons if pattern and re.search(pattern, sources.sentence(r), re.IGNORECASE)]
    applying_sentences = [sources.sentence(a) for a in applying]

    def said(r: Reason) -> bool:
        """Whether an applying quote already names this reason's owner type (`Reason.text` is its value)."""
        found = rules.owners_named.get(r.text)
        return found is not None and any(re.search(found, s, re.IGNORECASE) for s in applying_sentences)

    cited = [*applying, *(r for r in reasons if r not in applying and not said(r))]
    return AdvisorAnswer("\n".join(_statement(head, cited, sources, set())), sources.citations)


def _part_of_other(question: str, catalogue: Catalogue) -> tuple[Scheme, Scheme, Scheme] | None:
    """(part, its umbrella, the scheme asked) when a yes/no question asks whether a scheme is part of
    another ("Er Kompetanseløftet en del av yrkesfagordningen?") and the catalogue puts it under one
    umbrella (scope.yaml `parts`), that one or another, with a quote that says so (advisor.yaml
    `part_quotes`); else None."""
    rules = rule_file(AdvisorRules)
    found = (
        re.search(rules.part_of_question, asking_sentence(question), re.IGNORECASE)
        if rules.part_of_question
        else None
    )
    if found is None:
        return None
    parts, wholes = (
        named_schemes(catalogue, found.group("part")),
        named_schemes(catalogue, found.group("whole")),
    )
    if len(parts) != 1 or len(wholes) != 1 or parts[0] not in rules.part_quotes:
        return None
    umbrellas = [u for u, held in rule_file(ScopeRules).parts.items() if parts[0] in held]
    if len(umbrellas) != 1 or wholes[0] == parts[0]:
        return None
    part, umbrella, asked = (catalogue.get(i) for i in (parts[0], umbrellas[0], wholes[0]))
    if part is None or umbrella is None or asked is None:
        return None
    return part, umbrella, asked


def _part_of_answer(part: Scheme, umbrella: Scheme, asked: Scheme, sources: _Sources) -> AdvisorAnswer:
    """«Ja.» or «Nei.», whose part the scheme is, and the quote that says so."""
    quote, document = rule_file(AdvisorRules).part_quotes[part.id]
    if umbrella.id == asked.id:
        lead, said = texts.YES_NO_LEADS["ja"], texts.PART_OF.format(part=part.name, umbrella=umbrella.name)
    else:
        lead = texts.YES_NO_LEADS["nei"]
        said = texts.PART_OF_OTHER.format(part=part.name, umbrella=umbrella.name, asked=asked.name)
    lines = _statement(f"{lead} {said}", [Reason(said, quote, document)], sources, set())
    return AdvisorAnswer("\n".join(lines), sources.citations)


def _contacted(question: str, previous: Sequence[str], catalogue: Catalogue) -> Scheme | None:
    """The scheme a "Hvem tar vi kontakt med om …?" question asks about."""
    return _scheme_asked(rule_file(AdvisorRules).contact_question, question, previous, catalogue)


def _scheme_asked(
    pattern: str | None, question: str, previous: Sequence[str], catalogue: Catalogue
) -> Scheme | None:
    """The scheme a question of the pattern's kind asks about: named in its asking sentence, else in the
    conversation."""
    asking = asking_sentence(question)
    if pattern is None or not re.search(pattern, asking, re.IGNORECASE):
        return None
    scheme, _ = scheme_in(asking, previous, catalogue)
    return scheme


def _contact_answer(scheme: Scheme, sources: _Sources) -> AdvisorAnswer:
    """Where the catalogue says to apply or ask (apply_to), cited; else that the documents don't say, with
    who manages the scheme where they say that (its process), never a guessed office."""
    if scheme.apply_to:
        # "De formidler behovene videre til samarbeidsforum" is where needs go; "Ta kontakt med
        # fylkeskommunen for mer informasjon" is whom to contact: that one, where the documents say it.
        return _places_answer(texts.CONTACT, scheme, _places(scheme, contacting=True), sources)
    lines = [texts.CONTACT_UNSAID.format(scheme=scheme.name)]
    managing = [Reason(e.value, e.quote, e.document) for e in scheme.process[:1]]
    if managing:
        lines += _statement(texts.CONTACT_MANAGED.format(scheme=scheme.name), managing, sources, set())
    return AdvisorAnswer("\n".join(lines), sources.citations)


def _sent_to(question: str, previous: Sequence[str], catalogue: Catalogue) -> Scheme | None:
    """The scheme a "Hvor sender vi behovsmeldingen?" question asks about, as a process question's, when the
    catalogue says where needs go in it."""
    scheme = _scheme_of(rule_file(AdvisorRules).send_question, question, previous, catalogue)
    return scheme if scheme is not None and scheme.apply_to else None


def _sent_there(question: str, previous: Sequence[str], catalogue: Catalogue) -> tuple[Scheme, str] | None:
    """The scheme and the body of a "Søker vi direkte hos Udir?" question, when the body is one such a
    question may name (`send_bodies`) and the catalogue says where needs go in that scheme."""
    rules = rule_file(AdvisorRules)
    asked = (
        re.search(rules.send_yes_no, asking_sentence(question), re.IGNORECASE) if rules.send_yes_no else None
    )
    body = rules.send_bodies.get(asked.group("body").lower()) if asked is not None else None
    scheme = _scheme_of(rules.send_yes_no, question, previous, catalogue) if body is not None else None
    return (scheme, body) if scheme is not None and body is not None and scheme.apply_to else None


def _sent_answer(scheme: Scheme, sources: _Sources, body: str | None = None) -> AdvisorAnswer:
    """Where needs go, cited: the places the catalogue names, without those whose quote is only whom to
    contact for more (they are not where needs are sent), unless no other is named. Asked whether they go
    to a `body`: «Ja.» when it is one of those places, else «Nei.»."""
    places = _places(scheme, contacting=False)
    answer = _places_answer(texts.SEND_TO, scheme, places, sources)
    if body is None:
        return answer
    there = any(e.value.casefold().startswith(body.casefold()) for e in places)
    lead = texts.YES_NO_LEADS["ja" if there else "nei"]
    return replace(answer, text=f"{lead} {answer.text}")


def _places(scheme: Scheme, *, contacting: bool) -> list[Evidence]:
    """The scheme's places to apply whose quote says to contact them (advisor.yaml `contact_words`), or
    those whose quote does not; all of them when none is of that kind."""
    pattern = rule_file(AdvisorRules).contact_words
    said = [
        e
        for e in scheme.apply_to
        if bool(pattern and re.search(pattern, e.quote, re.IGNORECASE)) == contacting
    ]
    return said or list(scheme.apply_to)


def _places_answer(
    template: str, scheme: Scheme, places: Sequence[Evidence], sources: _Sources
) -> AdvisorAnswer:
    """The places named in the template's sentence, then the quotes that say them."""
    head = template.format(scheme=scheme.name, who=join([e.value for e in places]))
    reasons = [Reason(e.value, e.quote, e.document) for e in places]
    return AdvisorAnswer("\n".join(_statement(head, reasons, sources, set())), sources.citations)


def _process_asked(question: str, previous: Sequence[str], catalogue: Catalogue) -> Scheme | None:
    """The scheme a "Hvordan går det til …?" question asks the process of (`_scheme_of`), when the catalogue
    gives that scheme a process of several steps."""
    rules = rule_file(AdvisorRules)
    scheme = _scheme_of(rules.process_question, question, previous, catalogue)
    return scheme if scheme is not None and len(scheme.process) >= rules.process_min_steps else None


def _scheme_of(
    pattern: str | None, question: str, previous: Sequence[str], catalogue: Catalogue
) -> Scheme | None:
    """For a question of the pattern's kind about how it goes, the scheme it asks about: named in it or the
    conversation, else the one its asker's field or owner role points to (`default_scheme`)."""
    if pattern is None or not re.search(pattern, asking_sentence(question), re.IGNORECASE):
        return None
    # "Vi trenger kompetanseheving gjennom ordningen for fag- og yrkesopplæring. Hvordan melder vi inn …?":
    # the sentence before the asking one may name the scheme
    scheme, _ = scheme_in(question, previous, catalogue)
    # "… hvem sender vi til, og hva skjer etterpå?": a part asks about the scheme the part before it did
    defaults = (default_scheme(q, catalogue) for q in [question, *previous[-1:]])
    return scheme or next(filter(None, defaults), None)


def _process_answer(scheme: Scheme, sources: _Sources) -> AdvisorAnswer:
    """The process's steps in the catalogue's order, each the sentence it rests on, cited."""
    reasons: dict[str, Reason] = {}
    for e in scheme.process:  # two steps resting on one sentence show it once
        reason = Reason(e.value, e.quote, e.document)
        reasons.setdefault(sources.sentence(reason), reason)
    lines = [texts.PROCESS_HEAD.format(scheme=scheme.name)]
    lines += [f"- {step} {sources.mark(reason)}" for step, reason in reasons.items()]
    return AdvisorAnswer("\n".join(lines), sources.citations)


def verdict(catalogue: Catalogue, asked: YesNo) -> Verdict:
    """The verdict on a yes/no question, by what it asks about."""
    rules = rule_file(AdvisorRules)
    owner = next((o for o in rules.sector_owners if o.name == asked.sector_owner), None)
    if owner is not None and (found := sector_owner_verdict(asked.scheme, owner, rules.applying_words)):
        return found
    if asked.about == "sector":
        return sector_verdict(asked.scheme, asked.text.split(), catalogue)
    if asked.about == "owner":
        return owner_verdict(asked.scheme, asked.text, rules.owner_sectors)
    if asked.about == "partner":
        return partner_verdict(asked.scheme, asked.text, rules.provider_rules)
    if asked.about == "procurement":
        buying = rules.procurement
        rule_words, context = (buying.rules, buying.context) if buying else ((), ())
        return procurement_verdict(asked.scheme, asked.text, rule_words, context)
    if asked.about == "use":
        found = use_verdict(
            catalogue,
            asked.scheme,
            asked.text,
            asked.use_kind,
            rules.max_alternatives,
            for_one=asked.for_one,
            money_words=rules.money_words,
            measure=asked.measure,
            definition=_definition(asked.measure, rules),
            measure_funds=rules.measure_funds,
        )
        if not asked.use_group:
            return found
        group = group_verdict(catalogue, asked.scheme, asked.use_group)
        if asked.measure and found.answer == "ja" and group.answer != "ja":
            return group  # a measure for a group the scheme is not (or not plainly) for: the group decides
        return with_group(found, group)
    if asked.applies and (found := applicant_verdict(catalogue, asked.scheme, asked.text)) is not None:
        return found
    return group_verdict(catalogue, asked.scheme, asked.text)


def _definition(measure: str, rules: AdvisorRules) -> Reason | None:
    """The sentence that names the measure a competence measure ("kurs, seminarer …"), when it does."""
    found = rules.measure_definition
    if not measure or found is None or not any(name in measure for name in found.names):
        return None
    return Reason(texts.MEASURE_IS, found.quote, found.document)


def _yes_no_answer(found: Verdict, sources: _Sources) -> AdvisorAnswer:
    """The lead word, the explanation, the quotes it rests on; then what else the sources say."""
    head = texts.YES_NO_HEAD.format(lead=texts.YES_NO_LEADS[found.answer], explanation=found.explanation)
    evidence = list(found.reasons)
    named_groups = found.said_head == texts.SAID_GROUPS and found.answer == "uklart"
    if found.said and named_groups:
        # The unclear explanation ends by naming the groups the sources do name: their quotes come
        # first, as its evidence, then any clause that may open the scheme to more.
        evidence = [*found.said, *evidence]
    shown: set[str] = set()
    lines = _statement(head, evidence, sources, shown, lead=not found.explanation)
    for then in found.then:
        lines += _statement(then.text, then.reasons, sources, shown)
    if found.said and not named_groups:
        lines.append(found.said_head)
        lines += [f"- {r.text} «{normalize_quote(r.quote)}» {sources.mark(r)}" for r in found.said]
    if found.answer == "uklart":
        lines.append(texts.ELIGIBILITY_UNCLEAR_ASK)
    return AdvisorAnswer("\n".join(lines), sources.citations)


def _statement(
    text: str, reasons: Sequence[Reason], sources: _Sources, shown: set[str], *, lead: bool = False
) -> list[str]:
    """A sentence and its quotes. The first quote completes the sentence, so the claim and its source read
    as one; with `lead` (a bare «Nei.») the first quote's sentence is the statement itself, unquoted and
    cited, as the extractive answers read. Two reasons can rest on one sentence (a group named and a clause
    that opens the scheme, in one sentence): it is quoted and cited once in the whole answer (`shown`); a
    sentence quoted before is cited by its number."""
    first: dict[str, Reason] = {}
    for reason in reasons:
        first.setdefault(sources.sentence(reason), reason)
    quotes = [f"«{sentence}» {sources.mark(r)}" for sentence, r in first.items() if sentence not in shown]
    if quotes and not lead:
        # The first quote, a list's item, with the list's lead-in before it («… er: … prøvenemndsmedlemmer.»)
        sentence, reason = next((q, r) for q, r in first.items() if q not in shown)
        lead_in = sources.list_lead_in(reason)
        if lead_in and lead_in not in shown:
            quotes[0] = f"«{lead_in} {sentence}» {sources.mark(reason)}"
            shown.add(lead_in)
    marks = " ".join(sources.mark(r) for sentence, r in first.items() if sentence in shown)
    shown.update(first)
    if lead and quotes:
        sentence, reason = next(iter(first.items()))
        return [f"{text.rstrip()} {sentence} {sources.mark(reason)}", *quotes[1:]]
    text = f"{text.rstrip().rstrip('.')} {marks}." if marks and not quotes else text
    return [f"{text.rstrip().rstrip('.')}: {quotes[0]}", *quotes[1:]] if quotes else [text]


def _match_answer(
    catalogue: Catalogue, draft: ProfileDraft, sources: _Sources, topic: str, group: str | None = None
) -> AdvisorAnswer:
    """`group`: the people the schemes are asked for ("for assistenter"): a scheme whose target groups
    leave them out does not fit, and one that names them comes first."""
    matches, max_shown = _matches(catalogue, draft, topic, group), rule_file(AdvisorRules).max_shown
    sector_words = {w for s in draft.sectors for w in rule_file(AdvisorRules).sector.get(s, [])}
    said = group if group and group.lower() not in sector_words else None  # "for PPT" is the sector already
    profile = ", ".join(p for p in (_describe(draft, default=""), said) if p) or texts.ADVISOR_NO_PROFILE
    lines = [texts.ADVISOR_HEAD.format(profile=profile)]
    for fit in ("passer", "kan passe", "passer ikke"):
        shown = [m for m in matches if m.match.fit == fit][: max_shown[fit]]
        if shown:
            lines.append(texts.ADVISOR_FIT_HEADINGS[fit])
            lines += [_match_line(m, sources, several=len(draft.sectors) > 1) for m in shown]
    if not draft.complete:
        lines.append(texts.ADVISOR_ASK_OWNER if draft.owner_type is None else texts.ADVISOR_ASK_SECTOR)
    return AdvisorAnswer("\n".join(lines), sources.citations)


@dataclass(frozen=True)
class _Fit:
    match: SchemeMatch  # the scheme's best match over the owner's sectors
    sectors: tuple[str, ...]  # the owner's sectors for which it fits that well


def _matches(catalogue: Catalogue, draft: ProfileDraft, topic: str, group: str | None = None) -> list[_Fit]:
    """A scheme fits an owner of several sectors as well as it fits the best of them (the union: it
    fits if it fits any). With a slot unknown, a scheme fits as well as it does for the best value of that
    slot (an unknown sector: of those the owner's kind runs), but never better than "kan passe": the answer
    must not promise what the asker's situation may rule out."""
    owners = [draft.owner_type] if draft.owner_type else list(OWNER_TYPES)
    # An owner named without a sector runs only its kind's sectors: a private school owner's schemes are not
    # said to fit because they fit a kindergarten.
    runs = rule_file(AdvisorRules).owner_sectors.get(draft.owner_type or "", [])
    sectors = list(draft.sectors) or [s for s in SECTORS if s in runs] or list(SECTORS)
    rank = {"passer": 0, "kan passe": 1, "passer ikke": 2}
    best: dict[str, SchemeMatch] = {}
    fits_for: dict[tuple[str, str], list[str]] = {}  # (scheme, fit) -> the sectors it fits that way
    for owner in owners:
        for sector in sectors:
            # The question itself is the topic: it only reorders schemes within a fit class.
            for m in match_schemes(catalogue, Profile(owner, sector, draft.need, group, topic)):
                fits_for.setdefault((m.scheme_id, m.fit), []).append(sector)
                old = best.get(m.scheme_id)
                if old is None or (rank[m.fit], -m.score) < (rank[old.fit], -old.score):
                    best[m.scheme_id] = m
    out = [_Fit(m, _listed(catalogue, m.scheme_id, fits_for[(m.scheme_id, m.fit)])) for m in best.values()]
    if not draft.complete:
        out = [
            _Fit(replace(f.match, fit="kan passe"), f.sectors) if f.match.fit == "passer" else f for f in out
        ]
    return sorted(out, key=lambda f: (rank[f.match.fit], -f.match.score))


def _listed(catalogue: Catalogue, scheme_id: str, sectors: list[str]) -> tuple[str, ...]:
    """The sectors the scheme lists among those given: a scheme that lists none fits no sector by name."""
    scheme = catalogue.get(scheme_id)
    listed = {e.value for e in scheme.sectors} if scheme else set()
    return tuple(s for s in dict.fromkeys(sectors) if s in listed)


def _match_line(fit: _Fit, sources: _Sources, several: bool) -> str:
    """One scheme: its reasons, where to apply and, for an owner of several sectors, which of them."""
    m = fit.match
    reasons = " ".join(f"{r.text} {sources.mark(r)}" for r in m.reasons[:2])
    where = (
        texts.ADVISOR_APPLY_TO.format(where=", ".join(m.apply_to))
        if m.apply_to and m.fit != "passer ikke"
        else ""
    )
    sectors = [texts.SCHEME_SECTOR_NAMES[s] for s in fit.sectors]
    shown = several and sectors and m.fit != "passer ikke"
    which = texts.ADVISOR_FITS_FOR.format(sectors=join(sectors)) if shown else ""
    return f"- **{m.name}**: {reasons}{where}{which}"


def _describe(draft: ProfileDraft, default: str = texts.ADVISOR_NO_PROFILE) -> str:
    parts = [
        texts.OWNER_NAMES.get(draft.owner_type or "", ""),
        join([texts.SCHEME_SECTOR_NAMES[s] for s in draft.sectors]),
    ]
    if draft.need != "any":
        parts.append(texts.NEED_NAMES[draft.need])
    return ", ".join(p for p in parts if p) or default


def _reason_dict(reason: Reason, sources: _Sources) -> dict[str, Any]:
    n = sources.number(reason)
    # The quote is the verbatim sentence the reason rests on; the citation is its whole passage.
    citation = sources.citations[n - 1].to_dict()
    return {"text": reason.text, "quote": normalize_quote(reason.quote), "citation": citation}


def match_payload(
    catalogue: Catalogue, profile: Profile, passages: Sequence[Passage]
) -> list[dict[str, Any]]:
    """The API's shape of a ranked match list; each reason carries the passage that backs it."""
    sources = _Sources(passages)
    return [
        {
            "scheme_id": m.scheme_id,
            "name": m.name,
            "fit": m.fit,
            "reasons": [_reason_dict(r, sources) for r in m.reasons],
            "apply_to": list(m.apply_to),
            "next_step": m.next_step,
        }
        for m in match_schemes(catalogue, profile)
    ]


def eligibility_payload(
    catalogue: Catalogue, scheme_id: str, group: str, passages: Sequence[Passage]
) -> dict[str, Any]:
    result = eligibility(catalogue, scheme_id, group)
    sources = _Sources(passages)
    for reason in result.reasons:
        sources.mark(reason)
    return {
        "answer": result.answer,
        "explanation": result.explanation,
        "citations": [c.to_dict() for c in sources.citations],
    }
