"""Citation markers: renumber by relevance, verify that every [n] has a citation, decide abstention."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from assistant import texts
from assistant.answer.plan import indirect, plan_question, question_type, split_sentences
from assistant.config import Settings
from assistant.freshness import YEAR
from assistant.index.lexical import content_words, stem
from assistant.models import Citation, ScoredPassage
from assistant.rules import GuardRules, PlanRules, rule_file

MARKER = re.compile(r"\[(\d{1,3})\]")


@dataclass(frozen=True)
class Verified:
    text: str
    citations: list[Citation]
    dropped_markers: int  # markers that pointed at no source and were removed


def finalize(draft: str, hits: list[ScoredPassage]) -> Verified:
    """`draft` cites hits by 1-based position in `hits`. The result cites only what it uses,
    numbered 1..n in relevance order, and no marker points at a missing citation."""
    used = sorted({int(m) for m in MARKER.findall(draft) if 1 <= int(m) <= len(hits)})
    renumber = {old: new for new, old in enumerate(used, start=1)}
    dropped = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal dropped
        old = int(match.group(1))
        if old in renumber:
            return f"[{renumber[old]}]"
        dropped += 1
        return ""

    text = MARKER.sub(replace, draft)
    text = re.sub(r"[ \t]+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()
    citations = [to_citation(renumber[old], hits[old - 1]) for old in used]
    return Verified(text, citations, dropped)


def to_citation(n: int, hit: ScoredPassage) -> Citation:
    p = hit.passage
    return Citation(
        n=n,
        document=p.document,
        title=p.title,
        url=p.url,
        section=p.section,
        page=p.page,
        published=p.published,
        text=p.text,
        score=hit.score,
        passage_id=p.id,
    )


def dangling_markers(answer: str, citations: list[Citation]) -> int:
    numbers = {c.n for c in citations}
    return sum(1 for m in MARKER.findall(answer) if int(m) not in numbers)


@dataclass(frozen=True)
class _AskedFor:
    """A kind of fact a question asks for: by its wording (`question`) or by the type the question
    analyser reads it as (`types`: a "når" question wants a time, however it is worded)."""

    question: re.Pattern[str] | None
    types: frozenset[str]
    answer: re.Pattern[str]
    name: str = ""

    def asked(self, question: str) -> bool:
        if self.question is not None and any(
            not indirect(question, m) for m in self.question.finditer(question)
        ):
            return True
        return bool(self.types) and question_type(asked_and_context(question)[0]) in self.types


@dataclass(frozen=True)
class _Guard:
    overrides: tuple[re.Pattern[str], ...]
    asks_for: tuple[_AskedFor, ...]
    other_services: tuple[re.Pattern[str], ...]
    contact_details: tuple[re.Pattern[str], ...]
    measures: tuple[str, ...]
    much: re.Pattern[str] | None
    not_much: frozenset[str]


@lru_cache
def _guard() -> _Guard:
    rules = rule_file(GuardRules)

    def compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in patterns)

    return _Guard(
        overrides=compile_all(rules.instruction_override),
        asks_for=tuple(
            _AskedFor(
                re.compile(fact.question, re.IGNORECASE) if fact.question else None,
                frozenset(fact.types),
                re.compile(fact.answer, re.IGNORECASE),
                name,
            )
            for name, fact in rules.asks_for.items()
        ),
        other_services=compile_all(rules.other_services),
        contact_details=compile_all(rules.contact_details),
        measures=tuple(sorted((m.lower() for m in rules.measures), key=len, reverse=True)),
        much=re.compile(rules.much, re.IGNORECASE) if rules.much else None,
        not_much=frozenset(m.lower() for m in rules.not_much),
    )


def asks_to_drop_instructions(question: str) -> bool:
    return any(p.search(question) for p in _guard().overrides)


_PROPER_NOUN = re.compile(r"(?<![.!?:]\s)(?<=\s)([A-ZÆØÅ][\wæøåÆØÅ-]{2,})")
CLAIM = re.compile(r"(.*?)\[(\d+)\]", re.DOTALL)


def unknown_names(question: str, known: Callable[[str], bool]) -> list[str]:
    """Capitalised words past a sentence start that the corpus never mentions (places, bodies):
    the documents cannot answer about Troms if they never name Troms."""
    names = []
    for name in _PROPER_NOUN.findall(question):
        parts = [p for p in name.lower().split("-") if p]
        if parts and not any(known(p) for p in parts):
            names.append(name)
    return names


def _asks_about_unknown(question: str, known: Callable[[str], bool]) -> bool:
    """A name the documents never mention in what is asked ("Hva får Troms?"), unless it asks a rule
    (`asks_rule`: "Hvem kan søke om midler i Troms?") and not the place's own amounts, counts, dates or
    places; or only in who asks ("Vi er en kommune i Troms.") when they ask for an amount or a count
    without naming a place: the figures the documents give are another region's. "Vi er en kommune i
    Finnmark. Hva kan midlene brukes til?" is answered: the rules are the same everywhere."""
    asking, context = asked_and_context(question)
    if unknown_names(asking, known):
        rule = rule_file(GuardRules).asks_rule
        return not (rule and question_type(asking) not in _LOCAL_TYPES and re.search(rule, asking, re.I))
    counts = question_type(asking) in ("hvor_mye", "hvor_mange")
    return counts and bool(unknown_names(context, known)) and not _PROPER_NOUN.search(asking)


# What a question asks after that only the place's own sources give: an amount, a count, a date, a place.
_LOCAL_TYPES = frozenset({"hvor_mye", "hvor_mange", "naar", "hvor"})


def asked_and_context(question: str) -> tuple[str, str]:
    """The sentences that ask, and the rest ("Vi er en kommune i Salten."): who asks, not what."""
    split = split_sentences(question)
    asking = " ".join(s for s in split if s.endswith("?"))
    if not asking:
        return question, ""
    return asking, " ".join(s for s in split if not s.endswith("?"))


def asks_for_value(question: str) -> bool:
    """Whether the question asks for a kind of fact the answer check requires (guard.yaml asks_for: an
    amount, a date, a deadline, a stretch of time, a frequency …): its answer is judged by giving one."""
    return any(asked_for.asked(question) for asked_for in _guard().asks_for)


def _asked_for(kind: str) -> _AskedFor | None:
    return next((a for a in _guard().asks_for if a.name == kind), None)


def value_pattern(kind: str) -> re.Pattern[str] | None:
    """What gives a value of a kind guard.yaml asks_for names ("amount": "28 mill", "11 271 000,-")."""
    asked_for = _asked_for(kind)
    return asked_for.answer if asked_for is not None else None


def asked_frequency(question: str) -> re.Pattern[str] | None:
    """What an answer to "Hvor ofte …?" has (guard.yaml asks_for `frequency`: «årlig», «hver måned»), or
    None when the question asks no frequency."""
    kind = _asked_for("frequency")
    return kind.answer if kind is not None and kind.asked(question) else None


def abstain_reason(
    question: str, hits: list[ScoredPassage], settings: Settings, known: Callable[[str], bool] | None = None
) -> str | None:
    """A Norwegian explanation when the assistant should not answer, else None. Checked before an
    answer is composed: instructions to drop the rules, other agencies' services, names the documents
    never mention, and weak evidence. Thresholds are calibrated on eval/questions.yaml."""
    if asks_to_drop_instructions(question):
        return texts.ABSTAIN_INSTRUCTIONS
    if not hits or asks_other_service(question):
        return texts.ABSTAIN_OFF_DOMAIN
    if any(p.search(question) for p in _guard().contact_details):
        return texts.ABSTAIN_CONTACT
    if known is not None and _asks_about_unknown(question, known):
        return texts.ABSTAIN_WEAK_EVIDENCE
    top = hits[:3]
    best_dense = max(h.dense for h in top)
    best_coverage = max(h.coverage for h in top)
    if best_dense < settings.min_dense_score and best_coverage < settings.min_term_coverage:
        return texts.ABSTAIN_OFF_DOMAIN
    return None


def asks_other_service(question: str) -> bool:
    """A question about another agency's service (barnetrygd and the like): a pointer, never a guess."""
    return any(p.search(question) for p in _guard().other_services)


# A number that is part of a name ("Yrkesfaglærer 2", "Vg 3"): a capitalised word and one or two digits that
# no unit, thousands group or decimal follows. It counts nothing, so it gives no amount.
_NAMED_NUMBER = re.compile(
    r"(?<![.!?:]\s)(?<=\s)([A-ZÆØÅ][\wæøåÆØÅ-]+)\s+\d{1,2}\b(?![.,]?\d|\s*(?:mill|kr|%|prosent)|[-–]\d)"
)
# A figure: digits, with a thousands separator (space, no-break space or dot before three digits) removed.
_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0.](?=\d{3}(?!\d))")
_FIGURE = re.compile(r"\d+")


def figures(text: str) -> set[str]:
    return {str(int(f)) for f in _FIGURE.findall(_THOUSANDS.sub("", MARKER.sub(" ", text)))}


def invented_figures(question: str, answer: str, citations: list[Citation]) -> set[str]:
    """The figures (amounts, dates, years, counts) in a written answer that neither its cited sources nor
    the question contain. A model's answer is used only without any: a number it made up, or one a
    source's planted instruction told it to give ("say the deadline is …"), has no source to stand on."""
    known = figures(question)
    for c in citations:
        known |= figures("\n".join((c.title, c.section, c.text, c.published or "")))
    return figures(answer) - known


def unsupported_answer_reason(
    question: str,
    answer: str,
    citations: list[Citation],
    today: date | None = None,
    unrequired: frozenset[str] = frozenset(),
) -> str | None:
    """Checked after composing: when the question asks for an amount, a date or a phone number,
    some claim must give one that the question did not already contain, and a year the question
    names must appear in that claim or its source: written ("i 2026") or counted from `today` ("i år",
    "neste år"). In a list, the item that matches the question best must carry the value itself: "Dato
    høst:" with nothing after it is no date. `unrequired`: kinds (guard.yaml asks_for names) the caller
    answers otherwise ("per_unit" for a share question answered with totals and the gap)."""
    by_n = {c.n: c for c in citations}
    # The finite verb ("Hvor mye får …?") picks no list item: "… målgrupper får og hensyntas" has no figure.
    verbs = {v.lower() for v in rule_file(PlanRules).finite_verbs}
    question_stems = {stem(w) for w in content_words(question) if w not in verbs}
    # "i år" said where the asker says who they are ("Vil ikke gå glipp av den i år.") dates no figure
    counted = relative_years(asked_and_context(question)[0], today or date.today()) - set(
        YEAR.findall(question)
    )
    years = set(YEAR.findall(question)) | counted
    names = named_in(asked_and_context(question)[0])  # where the asker sits is not what they ask about
    measure = _asked_measure(question)
    kind = _counted_kind(question) if measure is None else frozenset()
    barred = _not_asked_measures(question)
    for asked_for in _guard().asks_for:
        if asked_for.name in unrequired or not asked_for.asked(question):
            continue
        provides = asked_for.answer
        given = {m.group(0).strip() for m in provides.finditer(question)}
        supported = False
        other_year = False  # a claim gives what is asked, for another year than the one counted from today
        for claim, n in CLAIM.findall(answer):
            source = by_n.get(int(n))
            context = claim
            if source is not None:
                context = "\n".join((claim, source.title, source.section, source.text, source.document))
            written = set(YEAR.findall(context))
            # A year counted from today binds a claim that is dated (it or its source's text names a year);
            # an undated rule ("Stipendet er …") is not said to be of another year.
            missing = (years - written) if written else (years - counted)
            # "Hvor mye går til Bodø?" is not answered by Nordland's total: a name the question gives
            # (a place, a body) must be in the claim or its source, as a year must.
            lowered = context.lower().replace("-", " ")
            if any(name not in lowered for name in names):
                continue
            offers = False
            for piece in _best_items(claim, question_stems):
                piece = _NAMED_NUMBER.sub(r"\1", piece)
                counting = kind if asked_for.name == "amount" else frozenset()
                found = [m for m in provides.finditer(piece) if _counts_kind(piece, m, counting)]
                offered = {m.group(0).strip() for m in found} - given
                if years:  # the year is known already; the answer must be finer than a year
                    offered = {o for o in offered if not YEAR.fullmatch(o)}
                if measure is not None:  # "3 år" is no answer to "hvor mange dager"
                    offered = {o for o in offered if _measure(o.split()[-1]) in (None, measure)}
                if barred:  # "3 år" is no answer to "hvor mye er satt av"
                    offered = {o for o in offered if _measure(o.split()[-1]) not in barred}
                offers = offers or bool(offered)
            supported = supported or (offers and not missing)
            other_year = other_year or (offers and bool(missing) and missing <= counted)
        if not supported and other_year:
            return texts.ABSTAIN_OTHER_YEAR.format(year=" og ".join(sorted(counted)))
        if not supported:
            return texts.ABSTAIN_WEAK_EVIDENCE
    named = _named_asked(question)
    claims = " ".join(claim for claim, _ in CLAIM.findall(answer))
    if named and not any(re.search(rf"\b{re.escape(word)}", claims, re.IGNORECASE) for word in named):
        return texts.ABSTAIN_WEAK_EVIDENCE  # "Hvem er leder av …?" and no quote names a leader
    return None


_ROLE_QUESTION = re.compile(r"(?:^|[.?!]\s+)(?:og\s+|men\s+)?(?:hvem|kven)\s+er\s+(?P<word>[\w-]+)", re.I)
# "Hva heter portalen …?"
_NAME_QUESTION = re.compile(r"\b(?:hva|kva)\s+(?:heter|heiter)\s+(?:den\s+|det\s+)?(?P<word>[\w-]+)", re.I)
# "hvilket system", "hvilket digitalt system": the kind is one of the two words after it
_WHICH = re.compile(
    r"\b(?:hvilke[nt]?|kva\s+for(?:\s+(?:ein|eit|ei|nokre))?)\s+(?P<word>[\w-]+)(?:\s+(?P<next>[\w-]+))?",
    re.IGNORECASE,
)


def relative_years(question: str, today: date) -> set[str]:
    """The years a question names by their distance from this one (guard.yaml relative_years): "Hvor mye
    får vi i år?" asked in 2026 names 2026."""
    rules = rule_file(GuardRules)
    return {
        str(today.year + shift)
        for pattern, shift in rules.relative_years.items()
        if re.search(pattern, question, re.IGNORECASE)
    }


def _named_asked(question: str) -> set[str]:
    """What a question asks for by name: the position in "Hvem er leder av …?" (guard.yaml
    person_roles), the channel in "I hvilket (digitalt) system …?" or "Hva heter portalen?" (channels);
    empty for any other."""
    rules = rule_file(GuardRules)
    named: set[str] = set()
    # However it is worded ("Hvem leder forumet?", "Hvem er det som leder …?"), a "hvem" question whose
    # focus (the analyser's reading) is a position asks who holds it.
    asking = asked_and_context(question)[0]
    if question_type(asking) == "hvem":
        focus = [f.lower() for f in plan_question(asking).focus]
        named |= {w for w in rules.person_roles for f in focus if _is_a(f, w)}
    asks = ((_ROLE_QUESTION, rules.person_roles), (_WHICH, rules.channels), (_NAME_QUESTION, rules.channels))
    for pattern, words in asks:
        for match in pattern.finditer(question):
            asked = [a.lower() for a in match.groupdict().values() if a]
            named |= {w for w in words for a in asked if _is_a(a, w)}  # "nettportalen" is a portal
    return named


def _measure(word: str) -> str | None:
    """The unit a word counts in ("dager" → "dag"), or None when it is not one of guard.yaml's measures."""
    lowered = word.lower()
    return next((m for m in _guard().measures if lowered.startswith(m)), None)


def _asked_measure(question: str) -> str | None:
    """The unit of "hvor mange <unit>": "Hvor mange dager …?" → "dag"."""
    found = re.search(r"\b(?:hvor|kor)\s+mange\s+([\wæøå-]+)", question, re.IGNORECASE)
    return _measure(found.group(1)) if found else None


def _counted_kind(question: str) -> frozenset[str]:
    """The stems of what "Hvor mange kommuner …?" counts ("kommun"): the word after «mange», and the noun
    after it when that word is an adjective in the plural («regionale arbeidsgrupper»); empty when it
    counts no kind ("Hvor mange er med?") or a unit (`_asked_measure`)."""
    found = re.search(r"\b(?:hvor|kor)\s+mange\s+([\wæøå-]+)(?:\s+([\wæøå-]+))?", question, re.IGNORECASE)
    verbs = {v.lower() for v in rule_file(PlanRules).finite_verbs}
    if found is None or not content_words(found.group(1)) or found.group(1).lower() in verbs:
        return frozenset()
    first, then = found.group(1).lower(), (found.group(2) or "").lower()
    named = [first, then] if first.endswith("e") and then and content_words(then) else [first]
    return frozenset(stem(w) for w in named)


_ABBREVIATION = re.compile(r"\b[A-ZÆØÅ]{2,}\b")
# How many words either side of a number may name what it counts: «22 behovsmeldinger», «fem hovedmoduler»,
# «Antall deltakere: 40».
_COUNT_WINDOW = 3


def _counts_kind(piece: str, number: re.Match[str], kind: frozenset[str]) -> bool:
    """Whether a number in a claim counts the kind asked ("Hvor mange kommuner …?"): a word near it says
    that kind, in a compound too («hovedmoduler»). «De tre tilskuddsordningene» counts schemes, and gives
    no number of kommuner."""
    if not kind:
        return True
    before = content_words(piece[: number.start()])[-_COUNT_WINDOW:]
    after = content_words(piece[number.start() :])[: _COUNT_WINDOW + 1]
    if _ABBREVIATION.search(number.group(0)) or _ABBREVIATION.match(piece[number.end() :].lstrip()):
        return True  # «11 UH»: an abbreviation may name the kind in other words (universiteter og høgskoler)
    near = {stem(w.lower()) for w in (*before, *after)}
    return any(k in w for k in kind for w in near)


def _not_asked_measures(question: str) -> frozenset[str]:
    """Units that give no answer to the question: a stretch of time to "hvor mye …?", which asks for an
    amount."""
    much = _guard().much
    asking = asked_and_context(question)[0]
    return _guard().not_much if much is not None and much.search(asking) else frozenset()


def _is_a(word: str, kind: str) -> bool:
    """ "skjemaet" is a skjema, "nettportalen" a portal."""
    return word.startswith(kind) or word.endswith((kind, f"{kind}en", f"{kind}et"))


def named_in(question: str) -> set[str]:
    """Capitalised words after a sentence's first: the places and bodies a question is about, lower-cased
    and cut to their first five letters so that inflections ("Nordlands") still meet the source."""
    names = set()
    for sentence in re.split(r"(?<=[.!?:])\s+", question):  # a sentence's first word is capitalised anyway
        words = re.findall(r"\b[\wÆØÅæøå]+\b", sentence)
        names |= {w.lower()[:5] for w in words[1:] if w[:1].isupper() and len(w) >= 3 and not w.isdigit()}
    return names


def _best_items(claim: str, question_stems: set[str]) -> list[str]:
    lines = claim.strip().split("\n")
    items = [ln for ln in lines if ln.startswith("- ")]
    if not items:
        return [claim]
    overlap = [len(question_stems & {stem(w) for w in content_words(i)}) for i in items]
    best = max(overlap)
    return [i for i, o in zip(items, overlap, strict=True) if o == best] if best > 0 else items


_OPEN_MARKER = re.compile(r"\[\d{0,3}\Z")  # the end of a text that may still become a marker
_RUN = re.compile(r"\s+|\S+")
_PUNCTUATION = ".,;:!?"


class StreamVerifier:
    """`finalize` for an answer that arrives in pieces: emit text as soon as it is safe, never a marker
    that points at no source.

    A piece that ends in `[`, `[1` or `[12` is held back until the next piece says whether it is a
    marker. Markers outside 1..n_hits are dropped (counted in `dropped`); valid ones are renumbered in
    order of first appearance, because text already sent cannot be renumbered later. `used` holds the
    cited hits' 1-based positions in new-number order (`used[0]` is the hit now cited as [1]).
    Whitespace is tidied as `finalize` tidies it, so when the model cites its sources in ascending order
    (the usual case) the streamed text equals `finalize(whole draft).text`.
    """

    def __init__(self, n_hits: int) -> None:
        self.n_hits = n_hits
        self.used: list[int] = []
        self.dropped = 0
        self._pending = ""  # a trailing piece that may still become a marker
        self._space = ""  # whitespace held until the next visible character decides its shape
        self._started = False  # nothing visible sent yet: leading whitespace is dropped

    def feed(self, chunk: str) -> str:
        text = self._pending + chunk
        match = _OPEN_MARKER.search(text)
        cut = match.start() if match else len(text)
        self._pending = text[cut:]
        return self._tidy(MARKER.sub(self._renumber, text[:cut]))

    def close(self) -> str:
        """The rest of the text; trailing whitespace is dropped."""
        text, self._pending = self._pending, ""
        rest = self._tidy(MARKER.sub(self._renumber, text))
        self._space = ""
        return rest

    def citations(self, hits: list[ScoredPassage]) -> list[Citation]:
        return [to_citation(n, hits[old - 1]) for n, old in enumerate(self.used, start=1)]

    def _renumber(self, match: re.Match[str]) -> str:
        old = int(match.group(1))
        if not 1 <= old <= self.n_hits:
            self.dropped += 1
            return ""
        if old not in self.used:
            self.used.append(old)
        return f"[{self.used.index(old) + 1}]"

    def _tidy(self, text: str) -> str:
        """Runs of spaces become one space, no space before punctuation, no whitespace at either end:
        the same rules as `finalize`, applied as the text goes past."""
        out: list[str] = []
        for run in _RUN.findall(text):
            if run.isspace():
                self._space += run
                continue
            if self._started:
                space = re.sub(r"[ \t]{2,}", " ", self._space)
                out.append(space.rstrip(" \t") if run[0] in _PUNCTUATION else space)
            self._space = ""
            self._started = True
            out.append(run)
        return "".join(out)
