"""Yes/no verdicts about one scheme: may this group take part, may this owner apply, may the money go to
this use. Pure functions over a loaded `Catalogue`, each answer one of "ja", "nei", "som hovedregel
ikke" or "uklart", and every statement a `Reason` with its verbatim quote.

The cautious reading wins, as in matching: a "nei" needs a statement that rules the case out (a group
stated as not included, a scheme for sectors the owner does not run, money for collective measures
asked for one person's further education), and what the catalogue does not settle is "uklart" together
with what the sources do say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from assistant import texts
from assistant.rules import AdvisorRules, ScopeRules, TargetGroupRules, rule_file
from assistant.rules.schemas import SectorOwner
from assistant.schemes.catalogue import Catalogue, Evidence, Scheme, TargetGroup
from assistant.schemes.matching import eligibility, named_as, names_group, topic_share, words_within
from assistant.schemes.questions import asked_sectors, has_phrase, names_word
from assistant.schemes.reasons import Reason, cap, join, reason_for

_EVERYONE = "alle"
_CONFLICTING_KINDS = frozenset({"kollektiv", "individuell"})


@dataclass(frozen=True)
class Verdict:
    answer: str  # one of matching.ANSWERS
    explanation: str
    reasons: tuple[Reason, ...]  # what the answer rests on
    said_head: str = ""
    said: tuple[Reason, ...] = ()  # more that the sources say: the rule, the groups named, other schemes
    # Further statements, each with its own quotes: who a use is for ("Rektorene hører til gruppen …").
    then: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class Statement:
    """A sentence of the answer and the quotes it rests on, quoted right after it."""

    text: str
    reasons: tuple[Reason, ...]


def group_verdict(catalogue: Catalogue, scheme: Scheme, group: str) -> Verdict:
    """Is the group in the scheme's target group? When the catalogue does not say, the groups it does
    name (or, naming none, the sectors) are what the sources say. Not plainly in it, the group is pointed
    to the schemes that do name it as a target group ("Kan PPT være med i Dekom?": Kompetanseløftet)."""
    result = eligibility(catalogue, scheme.id, group)
    verdict = Verdict(result.answer, result.explanation, result.reasons)
    if result.answer != "ja" and (elsewhere := _named_elsewhere(catalogue, scheme, group)):
        verdict = replace(verdict, then=(elsewhere,))
        if result.answer == "uklart" and (no := _in_a_sibling_only(catalogue, scheme, group)) is not None:
            return replace(no, then=(elsewhere,))
    if result.answer != "uklart":
        return verdict
    cited = {" ".join(r.quote.split()) for r in result.reasons}
    named = [r for r in _named_groups(scheme) if " ".join(r.quote.split()) not in cited]
    if named:
        return replace(verdict, said_head=texts.SAID_GROUPS, said=tuple(named))
    return replace(verdict, said_head=texts.SAID_SCHEME, said=_what_is_said(scheme))


def applicant_verdict(catalogue: Catalogue, scheme: Scheme, group: str) -> Verdict | None:
    """«Kan lærerne søke om midler fra Dekom?»: a collective scheme's money is asked for by its owners, who
    report the needs (the scheme's first process step), not by a group of staff. «Nei» with that step's
    sentence, then whether the group is in the target group of the measures. None for a scheme that is not
    collective or has no process step."""
    if scheme.kind is None or scheme.kind.value != "kollektiv" or not scheme.process:
        return None
    step = scheme.process[0]
    asked = " ".join(group.split())
    if names_word(step.quote, asked):
        return None  # «Videregående skoler … formidler behovene videre …»: the ones asked do report them
    text = texts.GROUP_NOT_APPLYING.format(group=cap(asked), scheme=scheme.name)
    member = group_verdict(catalogue, scheme, group)
    then = (Statement(member.explanation, member.reasons),) if member.answer == "ja" else ()
    return Verdict("nei", text, (Reason(step.value, step.quote, step.document),), then=then)


def owner_verdict(scheme: Scheme, owner: str, owner_sectors: Mapping[str, Sequence[str]]) -> Verdict:
    """May an owner type apply for (or take part in) the scheme? From who_applies and the sectors:
    "nei" only when the scheme lists sectors and the owner runs none of them."""
    owners = texts.OWNER_PLURAL[owner]
    hit = next((e for e in scheme.who_applies if e.value == owner), None)
    if hit is not None:
        reason = reason_for(texts.OWNER_FITS, hit, name=owners)
        # The quote that says what owners may do (apply, report needs) goes with the one naming this kind
        # of owner («… offentlige og private barnehager …» says they are in, not that they may apply).
        applying = rule_file(AdvisorRules).applying_words
        says_how = next(
            (
                e
                for e in scheme.who_applies
                if applying and e.quote != hit.quote and re.search(applying, e.quote, re.IGNORECASE)
            ),
            None,
        )
        how = () if says_how is None else (reason_for(texts.OWNER_FITS, says_how, name=owners),)
        reasons = (reason, *how)
        return Verdict("ja", texts.OWNER_YES.format(scheme=scheme.name, owners=owners), reasons)
    everyone = next((g for g in scheme.target_groups if g.group == _EVERYONE and g.status == "ja"), None)
    if everyone is not None:
        reason = Reason(texts.GROUP_EVERYONE, everyone.quote, everyone.document)
        return Verdict("ja", texts.EXPLAIN_EVERYONE.format(scheme=scheme.name, asked=owners), (reason,))
    runs = list(owner_sectors.get(owner, ()))
    listed = list(dict.fromkeys(e.value for e in scheme.sectors))
    if listed and runs and not set(listed) & set(runs):
        text = texts.OWNER_NO.format(
            scheme=scheme.name, listed=_sector_names(listed), owners=owners, own=_sector_names(runs)
        )
        return Verdict("nei", text, _sector_reasons(scheme.sectors))
    if scheme.kind is not None and scheme.kind.value == "ressurs" and not scheme.who_applies:
        return _resource(scheme, scheme.kind, runs)
    if scheme.who_applies:
        applicants = join(list(dict.fromkeys(texts.OWNER_PLURAL[e.value] for e in scheme.who_applies)))
        text = texts.OWNER_UNCLEAR.format(owners=owners, scheme=scheme.name, listed=applicants)
        return Verdict("uklart", text, _owner_reasons(scheme))
    text = texts.OWNER_NO_LIST.format(scheme=scheme.name)
    return Verdict("uklart", text, (), texts.SAID_SCHEME, _what_is_said(scheme))


def sector_owner_verdict(scheme: Scheme, owner: SectorOwner, applying: str | None) -> Verdict | None:
    """May an owner named by what it owns ("barnehageeiere") apply for or get the scheme's money? "ja" with
    the scheme's sentence that names this owner and applying or the money; "nei" when the scheme lists
    sectors and this owner owns none of them, with the sentence that names another owner as applying and
    the sector sentences; None otherwise (the question is then read as before)."""
    if not applying:
        return None
    own = [w.lower() for w in owner.words]
    owners = rule_file(AdvisorRules).sector_owners
    others = [w.lower() for o in owners if o.name != owner.name for w in o.words]

    def names(quote: str, words: list[str]) -> bool:
        return any(has_phrase(quote.lower(), w) for w in words)

    def applies(quote: str) -> bool:
        return re.search(applying, quote, re.IGNORECASE) is not None

    quotes = {" ".join(item.quote.split()): item for _, item in scheme.evidence()}
    said = [item for quote, item in quotes.items() if names(quote, own) and applies(quote)]
    if said:
        text = texts.OWNER_YES.format(scheme=scheme.name, owners=owner.name)
        first = said[0]
        reason = Reason(texts.OWNER_FITS.format(name=owner.name), first.quote, first.document)
        return Verdict("ja", text, (reason,))
    listed = list(dict.fromkeys(e.value for e in scheme.sectors))
    if not listed or set(listed) & set(owner.sectors):
        return None
    text = texts.OWNER_NO.format(
        scheme=scheme.name, listed=_sector_names(listed), owners=owner.name, own=_sector_names(owner.sectors)
    )
    other = [
        Reason(texts.OWNER_OTHER, item.quote, item.document)
        for quote, item in quotes.items()
        if names(quote, others) and applies(quote)
    ]
    return Verdict("nei", text, _one_per_quote([*other[:1], *_sector_reasons(scheme.sectors)]))


def sector_verdict(scheme: Scheme, asked: Sequence[str], catalogue: Catalogue | None = None) -> Verdict:
    """Does the scheme apply to the sectors asked about ("Gjelder Rekom for grunnskolen?")? "ja" with the
    sentences that say it applies to one of them, else "nei" with the sentences that say which it applies
    to. The caller asks only of a scheme that lists its sectors."""
    hits = [e for e in scheme.sectors if e.value in asked]
    if hits:
        names = _sector_names(list(dict.fromkeys(e.value for e in hits)))
        text = texts.SECTOR_YES.format(scheme=scheme.name, sectors=names)
        return Verdict("ja", text, _sector_reasons(hits))
    listed = _sector_names(list(dict.fromkeys(e.value for e in scheme.sectors)))
    text = texts.SECTOR_NO.format(scheme=scheme.name, listed=listed, asked=_sector_names(list(asked)))
    verdict = Verdict("nei", text, _sector_reasons(scheme.sectors))
    if catalogue is not None and (sibling := _sibling_for_sector(catalogue, scheme, asked)) is not None:
        verdict = replace(verdict, then=(sibling,))
    return verdict


def _sibling_for_sector(catalogue: Catalogue, scheme: Scheme, asked: Sequence[str]) -> Statement | None:
    """The other part of the scheme's umbrella (scope.yaml `parts`) that is for the sector asked about, with
    its quote: «Gjelder dette også for barnehagene?» after Dekom is told that the barnehager have Rekom.
    Of the parts that serve it, those for no other sector; None when none does, or more than two."""
    parts = rule_file(ScopeRules).parts
    siblings = [i for held in parts.values() if scheme.id in held for i in held if i != scheme.id]
    serving = [
        (other, hits)
        for i in dict.fromkeys(siblings)
        if (other := catalogue.get(i)) is not None
        and (hits := [e for e in other.sectors if e.value in asked])
    ]
    only = [(other, hits) for other, hits in serving if {e.value for e in other.sectors} <= set(asked)]
    found = only or serving
    if not found or len(found) > _MAX_ELSEWHERE:
        return None
    names = join([other.name for other, _ in found])
    text = texts.SECTOR_ELSEWHERE.format(asked=_sector_names(list(asked)), schemes=names)
    return Statement(text, tuple(Reason(text, hits[0].quote, hits[0].document) for _, hits in found))


def partner_verdict(scheme: Scheme, partner: str, provider_rules: Sequence[str] = ()) -> Verdict:
    """May a fagskole, a university … be the owners' partner or provider of the scheme's measures? "ja"
    when the catalogue names it among the partners, with the conditions a provider must know (anskaffelser);
    else "uklart" with the partners the sources do name. Never "nei": a list of partners is no ban."""
    name = texts.PARTNER_NAMES[partner]
    hits = [e for e in scheme.partners if e.value == partner]
    if hits:
        reasons = [reason_for(texts.PARTNER_FITS, e, name=name) for e in hits]
        reasons += [
            reason_for(texts.CONDITION, e)
            for e in scheme.conditions
            if any(re.search(rf"(?<![\w-]){re.escape(w)}", e.quote.casefold()) for w in provider_rules)
        ]
        text = texts.PARTNER_YES.format(partners=cap(name), scheme=scheme.name)
        return Verdict("ja", text, _one_per_quote(reasons))
    if scheme.partners:
        listed = list(dict.fromkeys(texts.PARTNER_NAMES[e.value] for e in scheme.partners))
        text = texts.PARTNER_UNCLEAR.format(partners=name, scheme=scheme.name, listed=join(listed))
        said = [reason_for(texts.PARTNER_FITS, e, name=texts.PARTNER_NAMES[e.value]) for e in scheme.partners]
        return Verdict("uklart", text, _one_per_quote(said))
    text = texts.PARTNER_NO_LIST.format(scheme=scheme.name)
    return Verdict("uklart", text, (), texts.SAID_SCHEME, _what_is_said(scheme))


def _resource(scheme: Scheme, resource: Evidence, runs: list[str]) -> Verdict:
    """A resource is not applied for: the owner may use it where it serves a sector the owner runs."""
    kind = Reason(texts.KIND_FITS["ressurs"], resource.quote, resource.document)
    serves = [e for e in scheme.sectors if e.value in runs]
    if not serves:
        return Verdict("uklart", texts.OWNER_RESOURCE_UNCLEAR.format(scheme=scheme.name), (kind,))
    names = _sector_names(list(dict.fromkeys(e.value for e in serves)))
    text = texts.OWNER_RESOURCE_YES.format(scheme=scheme.name, sectors=names)
    return Verdict("ja", text, (*_sector_reasons(tuple(serves)), kind))


def use_verdict(
    catalogue: Catalogue,
    scheme: Scheme,
    use: str,
    use_kind: str | None = None,
    max_alternatives: int = 2,
    *,
    for_one: bool = False,
    money_words: Sequence[str] = (),
    measure: str = "",
    definition: Reason | None = None,
    measure_funds: Sequence[str] = (),
) -> Verdict:
    """May the scheme's money go to the use? "ja" when a funded item's value holds every word of the
    use, or when the use is a competence measure for many (`measure`: "et felles kurs for alle") and the
    money is for collective measures; "nei" when the use is individual further education and the money
    is for collective measures (or the other way round), with the schemes that fund such a use; else
    "uklart" with what the money is for. `definition`: the sentence that names the measure a competence
    measure, cited with a «ja» on a measure; `measure_funds`: word ends of a funded item about measures."""
    kind = scheme.kind
    if measure and kind is not None and kind.value == "kollektiv":
        # a funded item for a named group ("… for yrkesfaglærere i friskoler") is not the rule for any measure
        funds = [e for e in scheme.what_it_funds if not names_group(catalogue, e.value)]
        return _measure_yes(scheme, kind, use, definition, _ends(funds, measure_funds))
    if kind is not None and use_kind is not None and {kind.value, use_kind} == _CONFLICTING_KINDS:
        text = texts.USE_KIND_NO.format(
            scheme=scheme.name, kind=texts.KIND_NAMES[kind.value], need=texts.NEED_NAMES[use_kind]
        )
        reason = Reason(texts.KIND_FITS[kind.value], kind.quote, kind.document)
        others = _alternatives(catalogue, scheme, use, use_kind, money_words)[:max_alternatives]
        head = texts.USE_ALTERNATIVES.format(need=texts.NEED_NAMES[use_kind]) if others else ""
        return Verdict("nei", text, (reason,), head, others)
    if for_one and kind is not None and kind.value == "kollektiv" and _says_money(kind.quote, money_words):
        # «Midlene … skal støtte tiltak som gir kollektiv kompetanseutvikling»: not one person's own course
        text = texts.USE_ONE_NO.format(scheme=scheme.name)
        reason = Reason(texts.KIND_FITS[kind.value], kind.quote, kind.document)
        others = _alternatives(catalogue, scheme, use, "individuell", money_words)[:max_alternatives]
        head = texts.USE_ALTERNATIVES.format(need=texts.NEED_NAMES["individuell"]) if others else ""
        return Verdict("nei", text, (reason,), head, others)
    # The catalogue's own statement decides, not its quote: a quote may speak for several schemes at
    # once ("… i barnehager og skoler" backs Rekom, which is for barnehager only).
    funded = next((e for e in scheme.what_it_funds if words_within(use, e.value)), None)
    if funded is not None:
        text = texts.USE_YES.format(scheme=scheme.name)
        return Verdict("ja", text, (reason_for(texts.USE_FUNDS, funded),))
    if (elsewhere := _other_sector(catalogue, scheme, use, max_alternatives)) is not None:
        return elsewhere
    said = [reason_for(texts.USE_FUNDS, e) for e in scheme.what_it_funds]
    if kind is not None:
        said.insert(0, Reason(texts.KIND_FITS[kind.value], kind.quote, kind.document))
    text = texts.USE_UNCLEAR.format(use=use, scheme=scheme.name)
    return Verdict("uklart", text, (), texts.USE_WHAT_FOR if said else "", _one_per_quote(said))


# Barnehage and the school kinds: a scheme for one of them by its name is not for another.
_SCHOOL_KINDS = frozenset({"barnehage", "grunnskole", "videregaende"})


def _other_sector(catalogue: Catalogue, scheme: Scheme, use: str, most: int) -> Verdict | None:
    """ "Midler fra den desentraliserte ordningen til barnehagene våre?": «nei» when the use is in a school
    kind (barnehage, grunnskole, videregående) the scheme serves none of, while it serves only others, with
    the scheme's own sectors cited and the schemes of its kind that serve the asked one. Other sectors (PPT,
    fag- og yrkesopplæring) are never read off a list of sectors as a no."""
    asked = set(asked_sectors(use))
    served = list(scheme.sectors)
    serves = {e.value for e in served}
    if not asked or not serves or not asked <= _SCHOOL_KINDS or not serves <= _SCHOOL_KINDS or asked & serves:
        return None
    kind = scheme.kind.value if scheme.kind is not None else None
    others = [
        o
        for o in catalogue.schemes
        if o.id != scheme.id
        and kind is not None
        and o.kind is not None
        and o.kind.value == kind
        and asked <= {e.value for e in o.sectors}
        and not serves <= {e.value for e in o.sectors}  # not an umbrella over both
    ]
    others.sort(key=lambda o: len({e.value for e in o.sectors} - asked))  # the one for that sector first
    alternatives = tuple(
        Reason(
            texts.ALTERNATIVE.format(
                scheme=o.name, value=texts.SECTOR_FITS.format(name=_sector_names(sorted(asked))).rstrip(".")
            ),
            e.quote,
            e.document,
        )
        for o in others[:most]
        for e in o.sectors[:1]
        if e.value in asked
    )
    text = texts.USE_SECTOR_NO.format(scheme=scheme.name, sectors=_sector_names(sorted(serves)))
    head = texts.USE_SECTOR_ALTERNATIVES.format(sectors=_sector_names(sorted(asked))) if alternatives else ""
    return Verdict("nei", text, _sector_reasons(served), head, alternatives)


def _measure_yes(
    scheme: Scheme, kind: Evidence, use: str, definition: Reason | None, funds: Sequence[Evidence]
) -> Verdict:
    """ "Et felles kurs for alle" from a collective scheme: the sentence that makes the money collective,
    the one that names courses and seminars competence measures, and what the money may be used for."""
    reasons = [Reason(texts.KIND_FITS[kind.value], kind.quote, kind.document)]
    reasons += [definition] if definition is not None else []
    reasons += [reason_for(texts.USE_FUNDS, e) for e in funds]
    text = texts.USE_MEASURE_YES.format(use=cap(use), scheme=scheme.name)
    return Verdict("ja", text, _one_per_quote(reasons))


def _ends(items: Sequence[Evidence], ends: Sequence[str]) -> list[Evidence]:
    """The items with a word that ends with one of `ends`: "gjennomføre kompetansetiltak" has "tiltak"."""
    return [
        e
        for e in items
        if ends and any(w.endswith(tuple(ends)) for w in re.findall(r"[\w-]+", e.value.casefold()))
    ]


def procurement_verdict(
    scheme: Scheme, asked: str, rule_words: Sequence[str], context: Sequence[str] = ()
) -> Verdict:
    """A tender, with the scheme's money. From the scheme's conditions that name the procurement rule
    (`rule_words`, word starts, e.g. "anskaffelse"): "nei" to buying without one ("uten anbud"), led by the
    rule's own sentence (no explanation); "uklart" with the rule to whether one is needed. A scheme whose
    sources name no such rule is "uklart", with its conditions about who the measures are carried out with
    (`context`)."""
    rules = [e for e in scheme.conditions if _says_any(e.quote, rule_words)]
    if rules:
        reasons = _one_per_quote(reason_for(texts.CONDITION, e) for e in rules)
        if asked == "bypass":
            return Verdict("nei", "", reasons)
        value = rules[0].value.rstrip(".")
        return Verdict("uklart", texts.PROCUREMENT_TENDER.format(value=value, scheme=scheme.name), reasons)
    said = _one_per_quote(
        reason_for(texts.CONDITION, e) for e in scheme.conditions if _says_any(e.quote, context)
    )
    text = texts.PROCUREMENT_UNCLEAR.format(scheme=scheme.name)
    return Verdict("uklart", text, (), texts.PROCUREMENT_SAID if said else "", said)


def _says_any(quote: str, starts: Sequence[str]) -> bool:
    flat = quote.casefold()
    return any(re.search(rf"(?<![\w-]){re.escape(w.casefold())}", flat) for w in starts)


def _says_money(quote: str, money_words: Sequence[str]) -> bool:
    """Whether a quote says what the money is for («Midlene fra tilskuddsordningen skal …»), not only what
    the measures achieve: only then does it rule out a use."""
    flat = quote.casefold()
    return any(re.search(rf"(?<![\w-]){re.escape(w.casefold())}(?![\w-])", flat) for w in money_words)


def with_group(verdict: Verdict, group: Verdict) -> Verdict:
    """A use verdict with what the sources say about the group the use is for ("et seminar for
    rektorene"), when the use is not ruled out. The group's answer never changes the verdict on the use."""
    if group.answer == "uklart" or verdict.answer == "nei":
        return verdict
    # Its own statement, so that the group's quote follows the sentence about the group, not the use's.
    return replace(verdict, then=(*verdict.then, Statement(group.explanation, group.reasons)))


def _alternatives(
    catalogue: Catalogue, scheme: Scheme, use: str, use_kind: str, money_words: Sequence[str] = ()
) -> tuple[Reason, ...]:
    """Schemes of the use's kind for the same sectors, closest to the use first, each with what it funds:
    the money it gives for the use when it names money ("Vikarmidler eller stipendmidler …"), since the
    question was whether money may go to it."""
    sectors = {e.value for e in scheme.sectors}
    found: list[tuple[float, int, Reason]] = []
    for n, other in enumerate(catalogue.schemes):
        if other.id == scheme.id or other.kind is None or other.kind.value != use_kind:
            continue
        if not sectors & {e.value for e in other.sectors}:
            continue
        share, best = topic_share(other, use)
        paid = next((e for e in other.what_it_funds if _names_money(e.value, money_words)), None)
        funded = paid or best or next(iter(other.what_it_funds), None)
        if share > 0 and funded is not None:
            text = texts.ALTERNATIVE.format(scheme=other.name, value=funded.value.rstrip("."))
            found.append((share, -n, Reason(text, funded.quote, funded.document)))
        elif share > 0 and other.target_groups:  # named for the use, but the catalogue lists no funding
            group = other.target_groups[0]
            found.append(
                (
                    share,
                    -n,
                    Reason(texts.ALTERNATIVE_NAMED.format(scheme=other.name), group.quote, group.document),
                )
            )
    return tuple(reason for _, _, reason in sorted(found, key=lambda f: (f[0], f[1]), reverse=True))


def _names_money(value: str, money_words: Sequence[str]) -> bool:
    """A funded item that is money: a word of it is or ends with a money word ("vikarmidler")."""
    ends = tuple(w.casefold() for w in money_words)
    return bool(ends) and any(w.endswith(ends) for w in re.findall(r"[\w-]+", value.casefold()))


def _one_per_quote(reasons: Iterable[Reason]) -> tuple[Reason, ...]:
    """The first reason for each quote: a quote is cited once, under what it says first."""
    seen: set[str] = set()
    kept: list[Reason] = []
    for reason in reasons:
        if (flat := " ".join(reason.quote.split())) not in seen:
            seen.add(flat)
            kept.append(reason)
    return tuple(kept)


# A group named by more schemes than this is for most of them: pointing to them all says nothing.
_MAX_ELSEWHERE = 2


def _named_elsewhere(catalogue: Catalogue, scheme: Scheme, group: str) -> Statement | None:
    """The other schemes that name the group itself (no broader group) as a target group, with their
    quotes; None when none does, or more than `_MAX_ELSEWHERE` do."""
    found: list[tuple[Scheme, TargetGroup]] = []
    for other in catalogue.schemes:
        if other.id == scheme.id:
            continue
        named = [g for g in named_as(other, group) if g.status == "ja"]
        if named:
            found.append((other, named[0]))
    if not found or len(found) > _MAX_ELSEWHERE:
        return None
    schemes = join([other.name for other, _ in found])
    text = texts.GROUP_NAMED_ELSEWHERE.format(group=cap(" ".join(group.split())), schemes=schemes)
    return Statement(text, tuple(Reason(text, g.quote, g.document) for _, g in found))


def _in_a_sibling_only(catalogue: Catalogue, scheme: Scheme, group: str) -> Verdict | None:
    """A no for a group the scheme does not name while a scheme of the same kind does («Er instruktører
    med i Rekom?»: the yrkesfag scheme names them; «Kan PPT være med i Dekom?»: Kompetanseløftet's target
    group is broader and names PPT in addition). The quotes are the groups the scheme does name. None
    when the scheme's sources let the owner take in other groups (target_groups.yaml `admits_others`),
    when it covers every sector of a scheme that names the group (instruktører and Kompetanseløftet, which
    covers fag- og yrkesopplæringen too), or when it names no groups."""
    if scheme.kind is None or not scheme.target_groups:
        return None
    rules = rule_file(TargetGroupRules)
    admits = [w.casefold() for w in rules.admits_others]
    quotes = [g.quote for g in scheme.target_groups] + [e.quote for e in scheme.conditions]
    if any(w in " ".join(q.split()).casefold() for q in quotes for w in admits):
        return None
    covered = {e.value for e in scheme.sectors}
    siblings = [
        {e.value for e in other.sectors}
        for other in catalogue.schemes
        if other.id != scheme.id
        and other.kind is not None
        and other.kind.value == scheme.kind.value
        and any(g.status == "ja" and g.group != _EVERYONE for g in named_as(other, group))
    ]
    if not siblings or any(sectors <= covered for sectors in siblings):
        return None
    named = _named_groups(scheme)
    listed = join(list(dict.fromkeys(g.group for g in scheme.target_groups if g.status == "ja")))
    text = texts.EXPLAIN_NOT_NAMED.format(
        asked=cap(" ".join(group.split())), scheme=scheme.name, groups=listed
    )
    return Verdict("nei", text, tuple(named))


def _named_groups(scheme: Scheme) -> list[Reason]:
    """The groups the scheme states as included, one reason per quote: «lærere, ledere og andre ansatte
    …» names four groups and is cited once."""
    by_quote: dict[tuple[str, str], list[str]] = {}
    for g in scheme.target_groups:
        if g.status == "ja":
            by_quote.setdefault((g.quote, g.document), []).append(g.group)
    return [Reason(cap(join(groups)) + ".", quote, doc) for (quote, doc), groups in by_quote.items()]


def _what_is_said(scheme: Scheme) -> tuple[Reason, ...]:
    """For a scheme whose catalogue entry names no groups or applicants: its sectors, its kind and how
    it is run, so that an unclear answer still cites what the sources say."""
    said = list(_sector_reasons(scheme.sectors))
    if scheme.kind is not None:
        said.append(Reason(texts.KIND_FITS[scheme.kind.value], scheme.kind.quote, scheme.kind.document))
    said += [reason_for(texts.NEXT_PROCESS, e, process=e.value.rstrip(".")) for e in scheme.process[:1]]
    return _one_per_quote(said)


def _sector_reasons(sectors: Iterable[Evidence]) -> tuple[Reason, ...]:
    by_quote: dict[tuple[str, str], list[str]] = {}
    for e in sectors:
        names = by_quote.setdefault((e.quote, e.document), [])
        if texts.SCHEME_SECTOR_NAMES[e.value] not in names:
            names.append(texts.SCHEME_SECTOR_NAMES[e.value])
    return tuple(
        Reason(texts.SECTOR_FITS.format(name=join(names)), quote, doc)
        for (quote, doc), names in by_quote.items()
    )


def _owner_reasons(scheme: Scheme) -> tuple[Reason, ...]:
    by_quote: dict[tuple[str, str], list[str]] = {}
    for e in scheme.who_applies:
        by_quote.setdefault((e.quote, e.document), []).append(texts.OWNER_PLURAL[e.value])
    return tuple(
        Reason(texts.OWNER_FITS.format(name=join(names)), quote, doc)
        for (quote, doc), names in by_quote.items()
    )


def _sector_names(sectors: list[str]) -> str:
    return join([texts.SCHEME_SECTOR_NAMES[s] for s in sectors])
