"""The scheme advisor in the chat: "which schemes fit us?" and "is this group in the target group?".

A question is routed here when it asks for schemes that fit the asker, or about a named scheme's target
group; everything else goes to retrieval. The profile (owner type, sector, need) is read from the
question and the conversation's earlier questions. Every statement cites the catalogue quote it rests
on, as a passage of the indexed document, so the answer has the chat's usual [n] citations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from assistant import texts
from assistant.answer.citations import to_citation
from assistant.index.lexical import stem
from assistant.models import OWNER_TYPES, SECTORS, Citation, Passage, ScoredPassage
from assistant.rules import AdvisorRules, rule_file
from assistant.schemes.catalogue import Catalogue, Scheme, normalize_quote
from assistant.schemes.matching import Profile, Reason, SchemeMatch, eligibility, find_scheme, match_schemes


def _has(text: str, phrase: str) -> bool:
    """The phrase as a word start: "barnehage" also finds "barnehagene", never "skolebarnehage"."""
    return re.search(rf"(?<![\w-]){re.escape(phrase)}", text) is not None


def _slot(text: str, slots: dict[str, list[str]]) -> str | None:
    """The first value (in the YAML's order, most specific first) whose phrases occur in the text."""
    lowered = text.lower()
    return next((value for value, phrases in slots.items() if any(_has(lowered, p) for p in phrases)), None)


@dataclass(frozen=True)
class ProfileDraft:
    owner_type: str | None = None
    sector: str | None = None
    need: str = "any"

    @property
    def complete(self) -> bool:
        return self.owner_type is not None and self.sector is not None


def read_profile(questions: Sequence[str]) -> ProfileDraft:
    """Owner type, sector and need from the conversation's questions; a later question overrides."""
    draft, rules = ProfileDraft(), rule_file(AdvisorRules)
    for text in questions:
        owner, sector, need = (_slot(text, slots) for slots in (rules.owner_type, rules.sector, rules.need))
        draft = ProfileDraft(owner or draft.owner_type, sector or draft.sector, need or draft.need)
    if draft.sector is None and draft.owner_type == "privat_barnehageeier":
        draft = replace(draft, sector="barnehage")  # a private kindergarten owner asks about kindergartens
    return draft


def asks_for_match(question: str, catalogue: Catalogue) -> bool:
    """ "Which schemes fit us?"; not "Which schemes are part of <a named scheme>?"."""
    lowered, rules = question.lower(), rule_file(AdvisorRules)
    return (
        any(p in lowered for p in rules.match_phrases)
        and any(c in lowered + " " for c in rules.match_context)
        and find_scheme(catalogue, question) is None
    )


def eligibility_request(question: str, catalogue: Catalogue) -> tuple[Scheme, str] | None:
    """(scheme, group) for "Er prøvenemndsmedlemmer målgruppe for …?" and its like."""
    lowered, rules = question.lower(), rule_file(AdvisorRules)
    first = lowered.split(maxsplit=1)[0] if lowered.strip() else ""
    if first not in rules.eligibility_openers:
        return None  # "Hvem er målgruppen for …?" asks for the list: retrieval answers that
    if not any(_has(lowered, m) for m in rules.eligibility_markers):
        return None
    scheme = find_scheme(catalogue, question)
    if scheme is None:
        return None
    # The group is what is left once the scheme's own words (in any inflection) and filler are gone.
    naming = {stem(w) for name in (scheme.name, *scheme.aliases) for w in re.findall(r"[\w-]+", name.lower())}
    noise = set(rules.group_noise)
    tokens = re.findall(r"[\w-]+", lowered)
    kept = [i for i, w in enumerate(tokens) if w not in noise and stem(w) not in naming and not w.isdigit()]
    # Small words inside the group stay: "instruktører i lærebedrifter", "ansatte uten godkjent …".
    words = tokens[kept[0] : kept[-1] + 1] if kept else []
    if not words or len(words) > rules.max_group_words:
        return None
    return scheme, " ".join(words)


class _Sources:
    """Numbers quotes in order of first use and turns each into a citation of the passage holding it."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self._passages = passages
        self.citations: list[Citation] = []
        self._numbers: dict[tuple[str, str], int] = {}

    def mark(self, reason: Reason) -> str:
        return f"[{self.number(reason)}]"

    def number(self, reason: Reason) -> int:
        key = (reason.document, normalize_quote(reason.quote))
        if key not in self._numbers:
            self._numbers[key] = len(self.citations) + 1
            self.citations.append(self._citation(len(self.citations) + 1, reason))
        return self._numbers[key]

    def _citation(self, n: int, reason: Reason) -> Citation:
        quote = normalize_quote(reason.quote)
        holder = next(
            (p for p in self._passages if p.document == reason.document and quote in normalize_quote(p.text)),
            None,
        )
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
) -> AdvisorAnswer | None:
    """The advisor's answer, or None when the question is not for the advisor. `question` is the
    resolved question, `raw` what the user typed ("Vi er en kommune." after "Hvilke ordninger passer?")."""
    raw = raw or question
    if found := eligibility_request(question, catalogue):
        return _eligibility_answer(catalogue, *found, _Sources(passages))
    follows_match = bool(previous) and asks_for_match(previous[-1], catalogue) and _supplies_profile(raw)
    if asks_for_match(question, catalogue) or follows_match:
        draft = read_profile([*previous[-2:], raw] if follows_match else [question])
        return _match_answer(catalogue, draft, _Sources(passages), topic=raw)
    return None


def _supplies_profile(question: str) -> bool:
    rules = rule_file(AdvisorRules)
    short = len(question.split()) <= rules.follow_up_words
    return short and any(_slot(question, slots) is not None for slots in (rules.owner_type, rules.sector))


def _eligibility_answer(catalogue: Catalogue, scheme: Scheme, group: str, sources: _Sources) -> AdvisorAnswer:
    result = eligibility(catalogue, scheme.id, group)
    lines = [texts.ELIGIBILITY_HEAD.format(answer=result.answer.capitalize(), explanation=result.explanation)]
    lines += [f"«{normalize_quote(r.quote)}» {sources.mark(r)}" for r in result.reasons]
    if result.answer == "uklart":
        lines.append(texts.ELIGIBILITY_UNCLEAR_ASK)
    return AdvisorAnswer("\n".join(lines), sources.citations)


def _match_answer(catalogue: Catalogue, draft: ProfileDraft, sources: _Sources, topic: str) -> AdvisorAnswer:
    matches, max_shown = _matches(catalogue, draft, topic), rule_file(AdvisorRules).max_shown
    lines = [texts.ADVISOR_HEAD.format(profile=_describe(draft))]
    for fit in ("passer", "kan passe", "passer ikke"):
        shown = [m for m in matches if m.fit == fit][: max_shown[fit]]
        if shown:
            lines.append(texts.ADVISOR_FIT_HEADINGS[fit])
            lines += [_match_line(m, sources) for m in shown]
    if not draft.complete:
        lines.append(texts.ADVISOR_ASK_OWNER if draft.owner_type is None else texts.ADVISOR_ASK_SECTOR)
    return AdvisorAnswer("\n".join(lines), sources.citations)


def _matches(catalogue: Catalogue, draft: ProfileDraft, topic: str) -> list[SchemeMatch]:
    """With a slot unknown, a scheme fits as well as it does for the best value of that slot, but never
    better than "kan passe": the answer must not promise what the asker's situation may rule out."""
    owners = [draft.owner_type] if draft.owner_type else list(OWNER_TYPES)
    sectors = [draft.sector] if draft.sector else list(SECTORS)
    rank = {"passer": 0, "kan passe": 1, "passer ikke": 2}
    best: dict[str, SchemeMatch] = {}
    for owner in owners:
        for sector in sectors:
            # The question itself is the topic: it only reorders schemes within a fit class.
            for m in match_schemes(catalogue, Profile(owner, sector, draft.need, topic=topic)):
                old = best.get(m.scheme_id)
                if old is None or (rank[m.fit], -m.score) < (rank[old.fit], -old.score):
                    best[m.scheme_id] = m
    out = list(best.values())
    if not draft.complete:
        out = [replace(m, fit="kan passe") if m.fit == "passer" else m for m in out]
    return sorted(out, key=lambda m: (rank[m.fit], -m.score))


def _match_line(m: SchemeMatch, sources: _Sources) -> str:
    reasons = " ".join(f"{r.text} {sources.mark(r)}" for r in m.reasons[:2])
    where = (
        texts.ADVISOR_APPLY_TO.format(where=", ".join(m.apply_to))
        if m.apply_to and m.fit != "passer ikke"
        else ""
    )
    return f"- **{m.name}**: {reasons}{where}"


def _describe(draft: ProfileDraft) -> str:
    parts = [
        texts.OWNER_NAMES.get(draft.owner_type or "", ""),
        texts.SCHEME_SECTOR_NAMES.get(draft.sector or "", ""),
    ]
    if draft.need != "any":
        parts.append(texts.NEED_NAMES[draft.need])
    return ", ".join(p for p in parts if p) or texts.ADVISOR_NO_PROFILE


def _reason_dict(reason: Reason, sources: _Sources) -> dict[str, Any]:
    n = sources.number(reason)
    return {"text": reason.text, "citation": sources.citations[n - 1].to_dict()}


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
