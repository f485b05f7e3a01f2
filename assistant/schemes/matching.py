"""The scheme advisor's logic: which schemes fit an owner, whether a group is in a scheme's target group,
and which scheme a text names. Pure functions over a loaded `Catalogue`.

Every statement is a `Reason` that carries the verbatim catalogue quote it rests on. What the catalogue
does not say stays unknown: an unknown never becomes a "nei" and never lifts a scheme to "passer". A
wrong "ja" costs an owner money, so where the catalogue is ambiguous the cautious reading wins.

Word lists for recognising target groups live in `target_groups.yaml` next to this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from difflib import get_close_matches
from functools import lru_cache

from assistant import texts
from assistant.errors import SchemeNotFound
from assistant.index.lexical import content_words, stem, words
from assistant.models import FITS, NEED_KINDS, OWNER_TYPES, SECTORS
from assistant.rules import TargetGroupRules, rule_file
from assistant.schemes.catalogue import Catalogue, Evidence, Scheme, TargetGroup
from assistant.schemes.reasons import Reason, cap, join, reason_for, unique

NEEDS = (*NEED_KINDS, "any")
ANSWERS = ("ja", "nei", "som hovedregel ikke", "uklart")

_STATUS_ANSWER = {"ja": "ja", "nei": "nei", "som_hovedregel_ikke": "som hovedregel ikke"}
_CAUTION = {"nei": 0, "som_hovedregel_ikke": 1, "ja": 2}  # lower is more cautious and wins a tie
_STATE_WEIGHT = {"fits": 1.0, "limits": 0.5, "unknown": 0.5, "misfits": 0.0}
_EVERYONE = "alle"
_GROUP_WEIGHT = 2.0  # an asked target group against each of owner, sector and need
_TOPIC_WEIGHT = 0.25  # topic only orders schemes within a fit class; it never changes the class
_MIN_PART = 5  # shortest word key that may match inside a compound ("læringsmiljø" in "…prosjekt")


@dataclass(frozen=True)
class Profile:
    owner_type: str  # one of OWNER_TYPES
    sector: str  # one of SECTORS
    need: str = "any"  # one of NEEDS
    target_group: str | None = None  # free text, e.g. "prøvenemndsmedlemmer"
    topic: str | None = None  # free text, e.g. "inkluderende praksis"

    def __post_init__(self) -> None:
        for name, allowed in (("owner_type", OWNER_TYPES), ("sector", SECTORS), ("need", NEEDS)):
            value = getattr(self, name)
            if value not in allowed:
                raise ValueError(
                    texts.PROFILE_INVALID.format(field=name, value=value, allowed=", ".join(allowed))
                )


@dataclass(frozen=True)
class SchemeMatch:
    scheme_id: str
    name: str
    fit: str  # one of FITS
    reasons: tuple[Reason, ...]  # what does not fit comes first
    apply_to: tuple[str, ...]
    next_step: str
    score: float  # 0..1, orders schemes within a fit class


@dataclass(frozen=True)
class Eligibility:
    answer: str  # one of ANSWERS
    explanation: str
    reasons: tuple[Reason, ...]


# --- matching a profile ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Check:
    """How one part of the profile (owner, sector, need, target group) meets a scheme."""

    state: str  # fits | limits (known, but at best "kan passe") | unknown | misfits
    reasons: tuple[Reason, ...] = ()
    unknown: str = ""  # what the sources leave open, for the next step
    weight: float = 1.0  # its share in the order within a fit class


def match_schemes(catalogue: Catalogue, profile: Profile, limit: int | None = None) -> list[SchemeMatch]:
    """Ranked: "passer" first, then "kan passe", then "passer ikke" with the reason each does not fit.
    Within a class the closest fit (and the best topic overlap) comes first; ties keep catalogue order."""
    pools = [_topic_pool(scheme) for scheme in catalogue.schemes] if profile.topic else []
    common = _common_words(pools, profile.topic or "")
    matches = [
        _match(scheme, profile, common, pools[i] if pools else None)
        for i, scheme in enumerate(catalogue.schemes)
    ]
    ranked = sorted(matches, key=lambda m: (FITS.index(m.fit), -m.score))
    return ranked if limit is None else ranked[: max(limit, 0)]


def _match(
    scheme: Scheme, profile: Profile, common: frozenset[str] = frozenset(), pool: set[str] | None = None
) -> SchemeMatch:
    checks = [
        _listed_check(scheme.who_applies, profile.owner_type, _OWNER),
        _listed_check(scheme.sectors, profile.sector, _SECTOR),
        _need_check(scheme, profile.need),
    ]
    if profile.target_group and profile.target_group.strip():
        # The people asked for are what the asker wants to know first, and they weigh most in the order:
        # a scheme that names them comes before one that only fits the owner.
        checks.insert(0, replace(_group_check(scheme, profile.target_group), weight=_GROUP_WEIGHT))
    states = {check.state for check in checks}
    fit = (
        "passer ikke" if "misfits" in states else "kan passe" if states & {"limits", "unknown"} else "passer"
    )
    topic_score, topic_evidence = _topic(scheme, profile.topic or "", common, pool)
    order = ("misfits", "limits", "unknown", "fits")  # what holds a scheme back is said first
    reasons = [r for state in order for check in checks if check.state == state for r in check.reasons]
    if fit != "passer ikke":
        extra = [reason_for(texts.CONDITION, e) for e in scheme.conditions[:1]]
        reasons += extra + ([reason_for(texts.TOPIC_HIT, topic_evidence)] if topic_evidence else [])
    base = sum(c.weight * _STATE_WEIGHT[c.state] for c in checks) / sum(c.weight for c in checks)
    return SchemeMatch(
        scheme_id=scheme.id,
        name=scheme.name,
        fit=fit,
        reasons=unique(reasons),
        apply_to=tuple(e.value for e in scheme.apply_to),
        next_step=_next_step(scheme, fit, [c.unknown for c in checks if c.unknown]),
        score=round((1 - _TOPIC_WEIGHT) * base + _TOPIC_WEIGHT * topic_score if profile.topic else base, 4),
    )


@dataclass(frozen=True)
class _Slot:
    """The texts for one profile slot (owner type or sector) that a scheme lists values for."""

    unknown: str
    fits: str  # formatted with name=
    names: dict[str, str]
    misfits: str
    also: str


_OWNER = _Slot(
    texts.UNKNOWN_OWNER, texts.OWNER_FITS, texts.OWNER_PLURAL, texts.OWNER_MISFITS, texts.OWNER_ALSO
)
_SECTOR = _Slot(
    texts.UNKNOWN_SECTOR,
    texts.SECTOR_FITS,
    texts.SCHEME_SECTOR_NAMES,
    texts.SECTOR_MISFITS,
    texts.SECTOR_ALSO,
)


def _listed_check(listed: tuple[Evidence, ...], value: str, slot: _Slot) -> _Check:
    """Fits when the scheme lists the value, unknown when it lists none, else a misfit with its quote."""
    if not listed:
        return _Check("unknown", unknown=slot.unknown)
    hit = next((e for e in listed if e.value == value), None)
    if hit is not None:
        return _Check("fits", (reason_for(slot.fits, hit, name=slot.names[value]),))
    return _Check("misfits", _misfit(listed, slot.names, slot.names[value], slot.misfits, slot.also))


def _misfit(
    evidence: tuple[Evidence, ...], names: dict[str, str], asked: str, first: str, also: str
) -> tuple[Reason, ...]:
    """The reasons for a value that is not listed: «not for X; it is for A and B», then «also for C» for
    each further quote, so that every reason names only what its own quote backs."""
    by_quote: dict[tuple[str, str], list[str]] = {}
    listed: set[str] = set()
    for item in evidence:
        if item.value not in listed:
            listed.add(item.value)
            by_quote.setdefault((item.quote, item.document), []).append(names[item.value])
    return tuple(
        Reason((also if n else first).format(asked=asked, listed=join(values)), quote, document)
        for n, ((quote, document), values) in enumerate(by_quote.items())
    )


def _need_check(scheme: Scheme, need: str) -> _Check:
    kind = scheme.kind
    if kind is None:
        return _Check("fits") if need == "any" else _Check("unknown", unknown=texts.UNKNOWN_KIND)
    told = (reason_for(texts.KIND_FITS[kind.value], kind),)
    if need in ("any", kind.value):
        return _Check("fits", told)
    if kind.value == "ressurs":  # a resource can serve any need, but it is not what was asked for
        return _Check("limits", told)
    text = texts.KIND_MISFITS.format(need=texts.KIND_NAMES[need], kind=texts.KIND_NAMES[kind.value])
    return _Check("misfits", (Reason(text, kind.quote, kind.document),))


def _group_check(scheme: Scheme, group: str) -> _Check:
    result = _judge(scheme, group)
    state = {"ja": "fits", "som hovedregel ikke": "limits", "nei": "misfits"}.get(result.answer, "unknown")
    unknown = texts.UNKNOWN_GROUP.format(asked=" ".join(group.split())) if state == "unknown" else ""
    return _Check(state, result.reasons, unknown)


def _next_step(scheme: Scheme, fit: str, unknowns: list[str]) -> str:
    if fit == "passer ikke":
        return texts.NEXT_NO_FIT
    resource = scheme.kind is not None and scheme.kind.value == "ressurs"
    if resource:
        parts = [texts.NEXT_RESOURCE]
        unknowns = [u for u in unknowns if u != texts.UNKNOWN_OWNER]  # nobody applies for a resource
    elif scheme.apply_to:
        where = join([contact_phrase(e.value) for e in scheme.apply_to], texts.OR)
        parts = [texts.NEXT_CONTACT.format(where=where)]
    else:
        parts = [texts.NEXT_NO_CONTACT]
    if scheme.process:
        parts.append(texts.NEXT_PROCESS.format(process=scheme.process[0].value.rstrip(".")))
    elif not scheme.apply_to and not resource:
        parts.append(texts.NEXT_ASK)
    if unknowns:
        parts.append(texts.NEXT_CHECK.format(unknowns=join(unknowns)))
    return " ".join(parts)


def contact_phrase(value: str) -> str:
    """ "Statsforvalteren i fylket ditt", "fylkeskommunen": a catalogue contact as it reads mid-sentence."""
    if value in texts.CONTACT_PHRASES:
        return texts.CONTACT_PHRASES[value]
    return value if value.startswith(texts.PROPER_NAMES) else value[:1].lower() + value[1:]


def _topic(
    scheme: Scheme, topic: str, common: frozenset[str] = frozenset(), pool: set[str] | None = None
) -> tuple[float, Evidence | None]:
    """The share of the topic's words found in the scheme's name, aliases and what it funds, and the
    funded item that shares the most of them. Words `common` to many schemes are left out: they order
    nothing. `pool`: the scheme's `_topic_pool`, when the caller has it."""
    wanted = {_key(w) for w in content_words(topic)} - common
    if not wanted:
        return 0.0, None
    funds = [(e, _text_keys(f"{e.value} {e.quote}")) for e in scheme.what_it_funds]
    pool = pool if pool is not None else _topic_pool(scheme)
    share = sum(any(_similar(w, k) for k in pool) for w in wanted) / len(wanted)
    hits = [(sum(any(_similar(w, k) for k in keys) for w in wanted), e) for e, keys in funds]
    best = max(hits, key=lambda hit: hit[0], default=(0, None))
    return share, best[1] if best[0] else None


def _topic_pool(scheme: Scheme) -> set[str]:
    pool: set[str] = set()
    for text in (scheme.name, *scheme.aliases, *(f"{e.value} {e.quote}" for e in scheme.what_it_funds)):
        pool |= _text_keys(text)
    return pool


# A topic word found with at least this share of the catalogue's schemes ("ordning", "barnehage", "kommune")
# tells them apart no more than the profile does; "spesialpedagogikk" is with a few.
_COMMON_SHARE = 0.25


def _common_words(pools: list[set[str]], topic: str) -> frozenset[str]:
    """The topic's words found in at least `_COMMON_SHARE` of the schemes' topic pools."""
    wanted = {_key(w) for w in content_words(topic)}
    if not wanted or not pools:
        return frozenset()
    limit = _COMMON_SHARE * len(pools)
    return frozenset(w for w in wanted if sum(any(_similar(w, k) for k in pool) for pool in pools) >= limit)


# Shorter group words are not corrected: "lærer" one letter from "leder" is another group.
_MIN_TYPO_WORD = 8


def _similar(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= _MIN_PART and (a in b or b in a))


# --- eligibility ----------------------------------------------------------------------------------


def eligibility(catalogue: Catalogue, scheme_id: str, group: str) -> Eligibility:
    """Is `group` (free text) in the target group of the scheme? "uklart" when the catalogue has no
    statement about the group: absence is never read as "nei"."""
    scheme = catalogue.get(scheme_id)
    if scheme is None:
        raise SchemeNotFound(texts.SCHEME_UNKNOWN.format(id=scheme_id))
    return _judge(scheme, group)


def _judge(scheme: Scheme, group: str) -> Eligibility:
    asked = " ".join(group.split())
    keys = _group_keys(asked)
    if not keys:
        return Eligibility("uklart", texts.EXPLAIN_NO_GROUP_GIVEN, ())
    found, via, narrower = _statements(scheme, keys)
    if found:
        return _stated(scheme, asked, found, via, narrower)
    if (sector := _sector_target(scheme, keys)) is not None:
        return sector
    everyone = next((g for g in scheme.target_groups if g.group == _EVERYONE and g.status == "ja"), None)
    if everyone is not None:
        text = texts.EXPLAIN_EVERYONE.format(scheme=scheme.name, asked=asked)
        return Eligibility("ja", text, (Reason(texts.GROUP_EVERYONE, everyone.quote, everyone.document),))
    if (elsewhere := _other_sector(scheme, asked, keys)) is not None:
        return elsewhere
    return _unclear(scheme, asked, keys)


def _other_sector(scheme: Scheme, asked: str, keys: frozenset[str]) -> Eligibility | None:
    """A no for a group the scheme names nowhere that works only in sectors the scheme is not for: by its
    place words ("lærere i videregående skole" for a barnehage scheme) or by what it is (target_groups.yaml
    `works_only_in`: "barnehagelærere" for a school scheme). The scheme's sector sentences are the quotes.
    None when the scheme names no sector, or the group works in one it covers or one outside
    `bounding_sectors` (a place like "i SFO" says too little to rule a group out)."""
    covered = {e.value for e in scheme.sectors}
    works = _works_in(keys)
    if not covered or not works or works & covered:
        return None
    listed = list(dict.fromkeys(e.value for e in scheme.sectors))
    text = texts.EXPLAIN_OTHER_SECTOR.format(
        scheme=scheme.name,
        listed=join([texts.SCHEME_SECTOR_NAMES[s] for s in listed]),
        asked=asked,
        own=join([texts.SCHEME_SECTOR_NAMES[s] for s in SECTORS if s in works]),
    )
    by_quote: dict[tuple[str, str], list[str]] = {}
    for e in scheme.sectors:
        by_quote.setdefault((e.quote, e.document), []).append(texts.SCHEME_SECTOR_NAMES[e.value])
    reasons = tuple(
        Reason(texts.SECTOR_FITS.format(name=join(list(dict.fromkeys(names)))), quote, doc)
        for (quote, doc), names in by_quote.items()
    )
    return Eligibility("nei", text, reasons)


def _works_in(keys: frozenset[str]) -> set[str]:
    """The sectors a group works in, from its place words (longest first, each word used once) and from
    `works_only_in`; empty when any of them is outside `bounding_sectors` or none is said."""
    rules, vocabulary = rule_file(TargetGroupRules), _vocabulary()
    found: set[str] = set()
    rest = keys
    for words_keys, sectors in vocabulary.context:
        if words_keys <= rest and words_keys != rest:
            found |= sectors
            rest = rest - words_keys
    for group, only in rules.works_only_in.items():
        if rest in vocabulary.forms(group):
            found |= set(only)
    return found if found <= set(rules.bounding_sectors) else set()


def named_as(scheme: Scheme, group: str) -> list[TargetGroup]:
    """The scheme's target groups that are the asked group itself (its words, a synonym, or without the
    words that say where it works), not a broader group it is inferred to belong to."""
    keys = _group_keys(" ".join(group.split()))
    if not keys:
        return []
    found, _, narrower = _statements(scheme, keys)
    return [] if narrower else found


def _statements(scheme: Scheme, keys: frozenset[str]) -> tuple[list[TargetGroup], str | None, bool]:
    """The scheme's target groups the asked group is; the document group it was found under when the
    words as asked are not the group's own (a synonym or a narrower group); and whether it was found as
    a narrower group. The words as asked are tried first, then without words that only say where the
    group works."""
    vocabulary = _vocabulary()
    stripped = _strip_context(scheme, keys)
    for candidate in _readings(scheme, keys, stripped):
        direct = [g for g in scheme.target_groups if candidate in vocabulary.forms(g.group)]
        if direct:
            own = candidate == _group_keys(direct[0].group)  # as asked, or with place words dropped
            return direct, None if own else direct[0].group, False
        for g in scheme.target_groups:
            narrower = vocabulary.narrower.get(g.group.casefold(), ())
            if any(candidate in vocabulary.forms(n) for n in narrower):
                return [g], g.group, True
    return [], None, False


def _readings(
    scheme: Scheme, keys: frozenset[str], stripped: frozenset[str] | None
) -> Iterator[frozenset[str]]:
    """The group as asked, without its place words, then with its typos read as group words; the last
    is computed only when the others found nothing (it searches every group word)."""
    yield keys
    if stripped:
        yield stripped
    if spelled := _spelled(scheme, keys):
        yield spelled


def _spelled(scheme: Scheme, keys: frozenset[str]) -> frozenset[str] | None:
    """The group with its misspelt words read as the group words they are a typo or two away from
    ("prøvenemdsmedlemer": "prøvenemndsmedlemmer"); None when no word changes."""
    vocabulary = _vocabulary()
    pool = {k for g in scheme.target_groups for form in vocabulary.forms(g.group) for k in form}
    pool |= {k for form in vocabulary.known for k in form}
    spelled = {
        k if k in pool or len(k) < _MIN_TYPO_WORD else next(iter(get_close_matches(k, pool, 1, 0.85)), k)
        for k in keys
    }
    return frozenset(spelled) if spelled != keys else None


def _stated(
    scheme: Scheme, asked: str, found: list[TargetGroup], via: str | None, narrower: bool
) -> Eligibility:
    """What the catalogue states about the group. When the group was read as a document group under
    other words, the explanation says so first ("Miljøarbeidere hører til gruppen «andre ansatte»");
    a narrower group's reasons say it too, since the inference is the advisor's, not the document's."""
    status = min((g.status for g in found), key=_CAUTION.__getitem__)
    if narrower and status == "ja" and (own_sector := _home_target(scheme, asked)) is not None:
        # «Fag- og yrkesopplæringen inngår som målgruppe i Kompetanseløftet» says it of yrkesfaglærere
        # themselves; the broader group's sentence («lærere … i barnehager og skoler») would only be
        # a second, looser source for the same yes.
        return own_sector
    prefix = texts.GROUP_NARROWER.format(asked=cap(asked), group=via) if via else ""
    reasons: list[Reason] = []
    for g in found:
        text = texts.GROUP_STATUS[g.status].format(group=cap(g.group))
        reasons.append(Reason((prefix if narrower else "") + text, g.quote, g.document))
    named = [g.group for g in found if g.status == status]
    if via and len(named) == 1:
        explanation = texts.EXPLAIN_STATUS_VIA[status].format(asked=cap(asked), group=via, scheme=scheme.name)
    else:
        explanation = prefix + texts.EXPLAIN_STATUS[status].format(group=cap(join(named)), scheme=scheme.name)
    forms = {form for g in found for form in _vocabulary().forms(g.group)}
    template = texts.CONDITION if status == "ja" else texts.GROUP_EXCEPTION
    for condition in scheme.conditions:
        if _mentions(condition.quote, forms):
            reasons.append(reason_for(template, condition))
            if status != "ja":  # one sentence with the rule, so the quote that follows is its source
                explanation = explanation.rstrip(".") + texts.EXPLAIN_EXCEPTION.format(
                    value=condition.value.rstrip(".")
                )
    if status == "ja":
        # «Kompetanseløftet … tiltak for en bredere målgruppe, inkludert PPT»: a statement of what the
        # scheme is for that names the group itself says it as plainly as the target-group sentence.
        cited = {" ".join(r.quote.split()) for r in reasons}
        # A narrower group's own sector said of the scheme («Fag- og yrkesopplæringen inngår som målgruppe
        # i Kompetanseløftet …» for yrkesfaglærere, found as «lærere») says it of them more plainly still.
        home = _home_sectors(asked) if narrower else set()
        # A target-group sentence that already says the group in the asker's own word («ansatte i
        # PP-tjenesten» for "PP-tjenesten") needs no second sentence to say it: that one only pads the yes.
        own_word = _text_keys(asked) - _FILLER_KEYS
        said_plainly = bool(own_word) and any(own_word <= _text_keys(r.quote) for r in reasons)
        naming = [
            e
            for e in scheme.sectors
            if (e.value in home or (_mentions(e.quote, forms) and not said_plainly))
            and " ".join(e.quote.split()) not in cited
        ]
        naming.sort(key=lambda e: e.value not in home)
        reasons += [
            Reason(texts.SECTOR_FITS.format(name=texts.SCHEME_SECTOR_NAMES[e.value]), e.quote, e.document)
            for e in naming[:1]
        ]
    return Eligibility(_STATUS_ANSWER[status], explanation, unique(reasons))


# The asker's own small words around a group ("PP-tjenesten vår", "dei tilsette hos oss"), as keys: no word
# of the group itself.
_FILLER_KEYS = frozenset({"var", "vart", "vor", "oss", "hos", "i", "dei", "de", "vi", "me", "vere"})


# A sector's sentence that makes the sector itself a target group of the scheme («Fag- og yrkesopplæringen
# inngår som målgruppe i Kompetanseløftet …»), not one that only says where the scheme is used.
_SECTOR_AS_TARGET = re.compile(r"\bmålgrupp", re.IGNORECASE)


def _home_target(scheme: Scheme, asked: str) -> Eligibility | None:
    """A yes for a group whose own sector (target_groups.yaml `home_sectors`) the scheme's sources make a
    target group: that sentence says it of the group, so it is the one quote. None when there is none."""
    homes = _home_sectors(asked, scheme)
    sector = next((e for e in scheme.sectors if e.value in homes and _SECTOR_AS_TARGET.search(e.quote)), None)
    if sector is None:
        return None
    name = texts.SCHEME_SECTOR_NAMES[sector.value]
    text = texts.EXPLAIN_SECTOR_VIA.format(asked=cap(asked), sector=name, scheme=scheme.name)
    reason = Reason(texts.SECTOR_FITS.format(name=name), sector.quote, sector.document)
    return Eligibility("ja", text, (reason,))


def _sector_target(scheme: Scheme, keys: frozenset[str]) -> Eligibility | None:
    """A yes for a sector asked about as a group («Er fag- og yrkesopplæringen en målgruppe i …?») when
    the scheme's sources make that sector itself a target group; its sentence is the one quote."""
    for sector in scheme.sectors:
        name = texts.SCHEME_SECTOR_NAMES[sector.value]
        if _group_keys(name) == keys and _SECTOR_AS_TARGET.search(sector.quote):
            text = texts.EXPLAIN_SECTOR_ITSELF.format(sector=cap(name), scheme=scheme.name)
            return Eligibility(
                "ja", text, (Reason(texts.SECTOR_FITS.format(name=name), sector.quote, sector.document),)
            )
    return None


def home_sectors_named(text: str) -> set[str]:
    """The sectors the groups a text names work in, of those that work in one (target_groups.yaml
    `home_sectors`): "Kan instruktørene delta?" is about fag- og yrkesopplæring."""
    said = _group_keys(text)
    homes = rule_file(TargetGroupRules).home_sectors
    return {sector for group, sectors in homes.items() if _says_group(said, group) for sector in sectors}


def only_scheme_of_group(
    catalogue: Catalogue, text: str, kinds: Iterable[str], not_groups: Iterable[str]
) -> Scheme | None:
    """The one scheme of the given kinds whose target groups name a group the text names (by any of its
    forms; `not_groups` left out): "Kan PPT delta på tiltak?" is about Kompetanseløftet, the one collective
    scheme that names PPT. None when the text names no such group, or several schemes do."""
    said = _group_keys(text)
    wanted, skipped = set(kinds), {g.casefold() for g in not_groups}
    found = {
        scheme.id: scheme
        for scheme in catalogue.schemes
        if scheme.kind is not None and scheme.kind.value in wanted
        for g in scheme.target_groups
        if g.group != _EVERYONE and g.group.casefold() not in skipped and _says_group(said, g.group)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _says_group(said: frozenset[str], group: str) -> bool:
    """Whether a text's word keys (`said`) hold one of the group's forms whole."""
    return any(form and form <= said for form in _vocabulary().forms(group))


def _home_sectors(asked: str, scheme: Scheme | None = None) -> set[str]:
    """The sectors the asked group works in (target_groups.yaml `home_sectors`), by any of its forms;
    given the scheme, also read without the words that say where it works ("instruktører i
    lærebedrifter")."""
    keys, vocabulary = _group_keys(asked), _vocabulary()
    readings = [keys]
    if scheme is not None and (stripped := _strip_context(scheme, keys)):
        readings.append(stripped)
    homes = rule_file(TargetGroupRules).home_sectors
    return {
        sector
        for group, sectors in homes.items()
        if any(k in vocabulary.forms(group) for k in readings)
        for sector in sectors
    }


def _unclear(scheme: Scheme, asked: str, keys: frozenset[str]) -> Eligibility:
    """No statement about the group. Quotes that may still help: a clause that opens the scheme to
    groups it does not name, and passages that mention the group without making it a target group."""
    vocabulary = _vocabulary()
    open_quotes = [
        (g.quote, g.document) for g in scheme.target_groups if g.status == "ja" and vocabulary.opens(g.quote)
    ] + [(e.quote, e.document) for e in scheme.conditions if vocabulary.opens(e.quote)]
    reasons = [
        Reason(texts.GROUP_OPEN.format(asked=asked), quote, document) for quote, document in open_quotes
    ]
    forms = vocabulary.all_forms(keys)
    for field, item in scheme.evidence():
        # a partner is no group: "fagskolelærere" is not mentioned by "samarbeid med fagskole"
        if field != "partners" and not isinstance(item, TargetGroup) and _mentions(item.quote, forms):
            reasons.append(Reason(texts.GROUP_MENTIONED.format(asked=asked), item.quote, item.document))
    explanation = texts.EXPLAIN_UNCLEAR.format(asked=asked, scheme=scheme.name)
    if open_quotes:
        explanation += texts.EXPLAIN_UNCLEAR_OPEN
    named = list(dict.fromkeys(g.group for g in scheme.target_groups))
    explanation += texts.EXPLAIN_NAMED.format(groups=join(named)) if named else texts.EXPLAIN_NO_GROUPS
    return Eligibility("uklart", explanation, unique(reasons))


def _strip_context(scheme: Scheme, keys: frozenset[str]) -> frozenset[str] | None:
    """The group without words like "i lærebedrifter", but only when the scheme is known to cover the
    sector those words point at: "lærere i barnehagen" must not become "lærere" for a school scheme."""
    covered = {e.value for e in scheme.sectors}
    rest = keys
    for words_keys, sectors in _vocabulary().context:
        if words_keys <= rest and words_keys != rest:
            if not sectors & covered:
                return None
            rest = rest - words_keys
    return rest if rest != keys else None


def _mentions(quote: str, forms: Iterable[frozenset[str]]) -> bool:
    keys = _text_keys(quote)
    return any(form and form <= keys for form in forms)


# --- finding a scheme in free text ----------------------------------------------------------------


def find_scheme(catalogue: Catalogue, text: str) -> Scheme | None:
    """The scheme the text names by id, name or alias, in any inflection ("Kompetanseløftet", "Rekom",
    "den regionale ordninga"). The longest name wins ("desentralisert ordning innen yrkesfag" over
    "desentralisert ordning"), then the earliest in the text."""
    lowered = text.casefold()
    sequence = _name_keys(text)
    best: tuple[int, int] | None = None
    found: Scheme | None = None
    for scheme in catalogue.schemes:
        for rank in _mentions_of(scheme, lowered, sequence):
            if best is None or rank > best:
                best, found = rank, scheme
    return found


def _mentions_of(scheme: Scheme, lowered: str, sequence: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(length, -position) of each place the text names the scheme; a literal id outranks any name."""
    literal = _id_pattern(scheme.id).search(lowered)
    if literal:
        yield 1000, -literal.start()
    raw: list[str] | None = None  # the text's words, only once a name's keys are found in it
    for term in (scheme.name, *scheme.aliases):
        keys = _name_keys(term)
        if not keys or keys[0] not in sequence:  # most names are not in the text at all
            continue
        for start in range(len(sequence) - len(keys) + 1):
            if sequence[start : start + len(keys)] == keys:
                raw = words(lowered) if raw is None else raw
                if _as_named(term, raw, start):
                    yield len(keys), -start
                    break


@lru_cache(maxsize=1_000)
def _id_pattern(scheme_id: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(scheme_id)}(?![\w-])")


# Shorter one-word names are abbreviations ("Rekom", "KFK"), matched in any inflection.
_MIN_DEFINITE_NAME = 8


def _as_named(term: str, raw: list[str], start: int) -> bool:
    """A one-word name in the definite form ("Kompetanseløftet") names the scheme only in that form or
    longer ("Kompetanseløftets"): "et kompetanseløft på språk" is any lift in competence."""
    name = words(term)
    if len(name) != 1 or len(name[0]) < _MIN_DEFINITE_NAME or start >= len(raw):
        return True
    return raw[start].startswith(name[0])


def mention_spans(scheme: Scheme, text: str) -> list[tuple[int, int]]:
    """Where the text names the scheme: (start, end) in the text's words (`lexical.words`), for every
    name and alias found."""
    sequence = _name_keys(text)
    spans: list[tuple[int, int]] = []
    raw = words(text)
    for term in (scheme.id, scheme.name, *scheme.aliases):
        keys = _name_keys(term)
        spans += [
            (start, start + len(keys))
            for start in range(len(sequence) - len(keys) + 1)
            if keys and sequence[start : start + len(keys)] == keys and _as_named(term, raw, start)
        ]
    return spans


def known_group(catalogue: Catalogue, text: str) -> bool:
    """Whether the text names a group of people the catalogue or the word lists know: a target group,
    one of its other names or narrower groups, or a group no scheme names (other_groups). Words that
    only say where the group works ("på SFO") do not count."""
    keys = _group_keys(" ".join(text.split()))
    if not keys:
        return False
    vocabulary = _vocabulary()
    known = vocabulary.known | {_group_keys(g.group) for s in catalogue.schemes for g in s.target_groups}
    candidates = {keys} | {keys - place for place, _ in vocabulary.context if place < keys}
    return any(candidate in known for candidate in candidates)


def listed_group(text: str) -> bool:
    """Whether the text is a group of people the word lists name (target_groups.yaml), whole: "PPT",
    "helsesykepleiere", "lærerne"; not "Kompetanseløftet" or "i barnehagen"."""
    keys = _group_keys(" ".join(text.split()))
    return bool(keys) and keys in _vocabulary().known


def names_group(catalogue: Catalogue, text: str) -> bool:
    """Whether a text (a funded item, say) names a group of people anywhere in it: "Kompetansetiltak for
    yrkesfaglærere i friskoler" does, "Å vurdere, planlegge og gjennomføre kompetansetiltak" does not."""
    keys = _text_keys(text)
    known = _vocabulary().known | {_group_keys(g.group) for s in catalogue.schemes for g in s.target_groups}
    return any(form and form <= keys for form in known)


_AT_WORK = re.compile(
    r"^(?P<who>.+?)\s+som\s+(?P<verb>[\w-]+)\s+(?P<at>i|på|ved|hos)\s+(?P<where>\S.*)$", re.IGNORECASE
)


_WORKING_AS = re.compile(r"^(?P<who>.+?)\s+som\s+(?P<verb>[\w-]+)\s+som\s+(?P<what>\S.*)$", re.IGNORECASE)


def at_work(text: str) -> str:
    """A group told by what its people do and where, in the group words the lists know: "de som jobber i
    PPT" → "ansatte i PPT", "folk som underviser på fagskolen" → "lærere på fagskolen", "assistenter som
    jobber i barnehagen" → "assistenter i barnehagen". Any other text as it is."""
    rules = rule_file(TargetGroupRules)
    flat = " ".join(text.split())
    # "de som jobber som spesialpedagoger i kommunen": what they work as is the group
    if (role := _WORKING_AS.match(flat)) and role.group("verb").lower() in rules.at_work:
        return role.group("what")
    found = _AT_WORK.match(flat)
    verb = found.group("verb").lower() if found else ""
    if found is None or verb not in rules.at_work:
        return text
    who = found.group("who")
    if _people(who):
        who = rules.at_work[verb]
    return f"{who} {found.group('at')} {found.group('where')}"


def only_people(text: str) -> bool:
    """Whether a group word says no more than "people" ("ansatte", "de som jobber", "folk"): "ansatte i
    barnevernet" are then the group "barnevernet", not "andre ansatte"."""
    named = {w.casefold() for w in rule_file(TargetGroupRules).at_work.values()}
    return _people(text) or " ".join(text.split()).casefold() in named


def _people(text: str) -> bool:
    return " ".join(text.split()).casefold() in {w.casefold() for w in rule_file(TargetGroupRules).people}


def words_within(part: str, whole: str) -> bool:
    """Every content word of `part` occurs in `whole` (compared as keys, so inflection does not count).
    Exact keys only: a compound that merely contains a word ("vikarutgifter", "vikar-") is not within."""
    wanted = {_key(w) for w in content_words(part)}
    return bool(wanted) and wanted <= _text_keys(whole)


def topic_share(scheme: Scheme, topic: str) -> tuple[float, Evidence | None]:
    """The share of the topic's words found in the scheme's name, aliases and what it funds, and the
    funded item that shares the most of them."""
    return _topic(scheme, topic)


# --- words ----------------------------------------------------------------------------------------

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e"})


@lru_cache(maxsize=20_000)
def _key(word: str) -> str:
    """A word's comparison key. The Snowball stemmer leaves plural endings ("lærere" → "lærer", but
    "lærer" → "lær"; "miljøarbeiderne" → "miljøarbeidern"), so a final -er/-ar/-ern and a doubled final
    consonant ("medlemm") are cut as well. Folding æøå lets an id like "kompetanseloftet" meet
    "Kompetanseløftet"."""
    key = stem(word.lower())
    if key.endswith("ern") and len(key) >= 6:
        key = key[:-3]
    elif key.endswith(("er", "ar")) and len(key) >= 5:
        key = key[:-2]
    if len(key) > 3 and key[-1] == key[-2] and key[-1] not in "aeiouyæøå":
        key = key[:-1]
    return key.translate(_FOLD)


@lru_cache(maxsize=5_000)
def _text_keys(text: str) -> frozenset[str]:
    return frozenset(_key(w) for w in words(text))


@lru_cache(maxsize=5_000)
def _name_keys(text: str) -> tuple[str, ...]:
    return tuple(_key(w) for w in words(text))


@lru_cache(maxsize=5_000)
def _group_keys(text: str) -> frozenset[str]:
    """A group as a set of word keys. Only a short filler list is dropped, never the general stopword
    list: it holds "ikke" and "uten", and "ansatte uten godkjent lærerutdanning" must keep its "uten"."""
    filler = _filler()
    return frozenset(_key(w) for w in words(text) if w not in filler)


@dataclass(frozen=True)
class _Vocabulary:
    synonyms: dict[str, frozenset[frozenset[str]]]  # canonical group (casefolded) -> its forms as keys
    narrower: dict[str, tuple[str, ...]]  # canonical group (casefolded) -> narrower groups
    context: tuple[tuple[frozenset[str], frozenset[str]], ...]  # place words -> sectors, longest first
    open_clauses: tuple[str, ...]
    known: frozenset[frozenset[str]]  # every group form the word lists name, as keys

    def forms(self, group: str) -> frozenset[frozenset[str]]:
        own = _group_keys(group)
        return self.synonyms.get(group.casefold(), frozenset()) | {own}

    def all_forms(self, keys: frozenset[str]) -> set[frozenset[str]]:
        """The asked group's own words and every other way the word lists say the same group."""
        found = {keys}
        for group, forms in self.synonyms.items():
            if keys in forms or keys == _group_keys(group):
                found |= self.forms(group)
        return found

    def opens(self, quote: str) -> bool:
        flat = " ".join(quote.split()).casefold()
        return any(clause in flat for clause in self.open_clauses)


@lru_cache
def _filler() -> frozenset[str]:
    return frozenset(w.casefold() for w in rule_file(TargetGroupRules).filler)


@lru_cache
def _vocabulary() -> _Vocabulary:
    rules = rule_file(TargetGroupRules)
    synonyms = {
        group.casefold(): frozenset(_group_keys(t) for t in terms) for group, terms in rules.synonyms.items()
    }
    narrower = {group.casefold(): tuple(names) for group, names in rules.narrower.items()}
    by_words: dict[frozenset[str], set[str]] = {}
    for sector, terms in rules.context.items():
        for term in terms:
            by_words.setdefault(_group_keys(term), set()).add(sector)
    context = sorted(((k, frozenset(s)) for k, s in by_words.items() if k), key=lambda ks: -len(ks[0]))
    clauses = tuple(c.casefold() for c in rules.open_clauses)
    named = [*rules.synonyms, *(n for names in rules.narrower.values() for n in names), *rules.other_groups]
    known = {_group_keys(name) for name in named} | {form for forms in synonyms.values() for form in forms}
    known |= {form for name in named for form in synonyms.get(name.casefold(), ())}
    return _Vocabulary(synonyms, narrower, tuple(context), clauses, frozenset(k for k in known if k))
