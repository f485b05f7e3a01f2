"""Is one answer acceptable: right, direct and free of wrong claims? Pure checks on a question and a reply.

An answer is acceptable when it has every required fact, none of the strings only a wrong answer has,
the right opening (yes/no questions), the whole list (list questions), at least `PRECISION_FLOOR` of its
sentences from a gold passage or carrying a required fact, the right abstention behaviour (abstain when
the documents do not answer, never otherwise, and name the gap when they answer in part), and every part
handled (multi-part questions and reply drafts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from assistant import texts
from assistant.drafts.letter import Letter
from assistant.evaluation.questions import Question, norm
from assistant.index.lexical import shared_start
from assistant.models import Answer, Citation

PRECISION_FLOOR = 0.7

# The checks, by the id a verdict lists them under when they fail.
CHECKS = (
    "false_abstention",  # answerable, but the assistant abstained
    "should_abstain",  # the documents do not answer it, but the assistant did
    "facts",  # a required fact is missing
    "must_not",  # a string only a wrong answer has is there
    "lead",  # a yes/no answer does not open as it should
    "list",  # a list answer leaves out items
    "precision",  # too few sentences from the gold passages or with a required fact
    "gap",  # a partial answer does not say what the documents leave out
    "parts",  # a part of a multi-part question or an inquiry is not handled
)


@dataclass(frozen=True)
class Phrases:
    """Wording the checks accept, read from eval/acceptability.yaml (data, not keyed to any question)."""

    gap: tuple[str, ...]  # an answer names what the documents leave out: "oppgir ikke", "sier ikke" …
    leads: dict[str, tuple[str, ...]]  # a required opening → other openings that say the same
    # Sentences that claim nothing on their own ("Ja.", "Dette er det de sier:"): precision skips them.
    no_claim: tuple[str, ...] = ()


def load_phrases(path: Path) -> Phrases:
    raw = yaml.safe_load(path.read_text("utf-8")) or {}
    leads = {str(k): tuple(str(v) for v in vs) for k, vs in (raw.get("leads") or {}).items()}
    return Phrases(
        gap=tuple(str(p) for p in raw.get("gap") or ()),
        leads=leads,
        no_claim=tuple(str(p) for p in raw.get("no_claim") or ()),
    )


@dataclass(frozen=True)
class Reply:
    """What a verdict is drawn from: an answer, or a reply letter, reduced to the same few parts."""

    text: str  # where facts, must_not strings, the opening, list items and gap phrases are looked for
    claims: str  # the text whose sentences precision counts
    citations: tuple[Citation, ...]
    abstained: bool
    maalform: str = "nb"
    covered: tuple[bool, ...] | None = None  # a letter: whether it answers each question of the inquiry


def reply_from_answer(answer: Answer) -> Reply:
    return Reply(answer.answer, answer.answer, tuple(answer.citations), answer.abstained, answer.maalform)


_SOURCES_HEADING = re.compile(r"^#+\s*(?:Kilder|Kjelder)\s*$", re.MULTILINE)


def letter_body(markdown: str) -> str:
    """The letter without its source list: the list quotes whole passages, which would hold facts and
    wrong claims alike that the letter itself never makes."""
    found = _SOURCES_HEADING.search(markdown)
    return markdown[: found.start()] if found else markdown


def reply_from_letter(letter: Letter) -> Reply:
    return reply_from_letter_parts(
        letter.markdown,
        [q.covered for q in letter.questions],
        [q.answer for q in letter.questions],
        [s.citation for s in letter.sources],
        letter.maalform,
    )


def reply_from_letter_parts(
    markdown: str,
    covered: Sequence[bool],
    answers: Sequence[str],
    citations: Sequence[Citation],
    maalform: str,
) -> Reply:
    """A letter as a reply: facts are looked for in its body, precision counts its covered answers, and
    a letter that covers none of the questions is an abstention."""
    claims = "\n".join(a for a, c in zip(answers, covered, strict=True) if c)
    return Reply(letter_body(markdown), claims, tuple(citations), not any(covered), maalform, tuple(covered))


@dataclass(frozen=True)
class Verdict:
    facts_found: int
    facts_total: int
    missing_facts: tuple[str, ...]
    must_not: tuple[str, ...]  # must_not strings found in the answer
    lead: bool | None  # None: the question sets no opening
    list_missing: tuple[str, ...] | None  # None: not a list question
    precision: float
    abstained: bool
    gap_named: bool | None  # None: nothing to name (or the reply abstained)
    part_mismatches: int | None  # None: not a multi-part question or a draft
    reasons: tuple[str, ...]  # the failed checks (CHECKS); empty when acceptable

    @property
    def acceptable(self) -> bool:
        return not self.reasons


# --- the checks -------------------------------------------------------------------------------------


def found(text: str, wordings: Iterable[str]) -> bool:
    """Any wording of a string in the text, whitespace normalised and case-insensitive."""
    target = norm(text)
    return any(norm(w) in target for w in wordings)


def holds(q: Question, string: str, text: str) -> bool:
    """A required string is in the answer: as written, or for a nynorsk question as rendered, or with
    the rendering's words inflected as the answer's translation of the whole sentence has them."""
    wordings = q.wordings(string)
    return found(text, wordings) or (len(wordings) > 1 and _found_loosely(text, wordings))


def _found_loosely(text: str, wordings: Sequence[str]) -> bool:
    """Apertium renders a fact alone a little differently from the sentence it was taken from
    («bli kjent» alone, «bli kjend» in the sentence; «styrket» as «styrka» or «styrkt»): each word of
    the fact, in either wording, matches the answer's word at its place when they share all but their
    last two letters (at least three), or are equal."""
    answer = re.findall(r"\w+", text.lower())
    forms = [re.findall(r"\w+", w.lower()) for w in wordings]
    columns = list(zip(*forms, strict=True)) if len({len(f) for f in forms}) == 1 else []
    options = [columns] if columns else [[(word,) for word in f] for f in forms]
    for want in options:
        if not want:
            continue
        for start in range(len(answer) - len(want) + 1):
            window = answer[start : start + len(want)]
            if all(any(_same_word(a, w) for w in ws) for a, ws in zip(window, want, strict=True)):
                return True
    return False


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    shared = shared_start(a, b)
    return shared >= 3 and shared >= min(len(a), len(b)) - 2 and abs(len(a) - len(b)) <= 2


def missing(q: Question, strings: Iterable[str], text: str) -> tuple[str, ...]:
    return tuple(s for s in strings if not holds(q, s, text))


def must_not_found(q: Question, reply: Reply) -> tuple[str, ...]:
    return tuple(s for s in q.must_not if found(reply.text, q.wordings(s)))


def words(text: str) -> str:
    """The text as its words only: lower case, punctuation, bullets and dashes dropped."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _starts_with(text: str, opening: str) -> bool:
    head, lead = words(text), words(opening)
    return bool(lead) and (head == lead or head.startswith(lead + " "))


def lead_right(q: Question, reply: Reply, phrases: Phrases) -> bool | None:
    """The answer's first words are the required opening (or one that says the same)."""
    if not q.leads_with:
        return None
    openings = [*q.wordings(q.leads_with), *phrases.leads.get(q.leads_with, ())]
    # A multi-part answer opens with its first part's heading; the answer's first words come under it.
    text = re.sub(r"\A\s*\*\*[^\n]*\*\*\s*\n", "", reply.text)
    # A question the documents don't answer is rightly refused; the refusal still opens with the verdict.
    refused_rightly = reply.abstained and not q.answerable
    return (refused_rightly or not reply.abstained) and any(_starts_with(text, o) for o in openings)


def list_missing(q: Question, reply: Reply) -> tuple[str, ...] | None:
    return missing(q, q.complete_list, reply.text) if q.complete_list else None


def names_gap(text: str, phrases: Phrases) -> bool:
    return found(text, phrases.gap)


# --- precision ----------------------------------------------------------------------------------------

_MARKER = re.compile(r"\[\d{1,3}\]")
_AS_OF = re.compile(r"\(per [^()]*\)")
_SOURCES_LINE = re.compile(r"^\W*(?:kilder|kjelder)\W*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"(*]?[A-ZÆØÅ])")
_HEADING = re.compile(r"^\s*#")
# A part's question echoed in bold as its heading, with what the asker said before it ("**Vi er en kommune.
# Hvem kan søke?**"): all of it is the question, none of it a claim.
_ECHOED_PART = re.compile(r"^\s*\*\*[^*]+\?\*\*\s*$")
# Notices the assistant adds about how an answer was made; they claim nothing about the schemes.
_NOTICES = tuple(
    words(t)
    for t in (
        texts.NYNORSK_NOTE,
        texts.NYNORSK_NOTE_NO_QUOTES,
        texts.NYNORSK_NOTE_LLM,
        texts.NYNORSK_UNAVAILABLE,
        texts.NYNORSK_FAILED,
        texts.APERTIUM_MISSING,
        texts.APERTIUM_FAILED,
        texts.LLM_UNAVAILABLE,
        texts.LLM_NO_CITED_CLAIM,
    )
)


def _is_notice(unit: str) -> bool:
    said = words(unit)
    return len(said.split()) >= 4 and any(f" {said} " in f" {notice} " for notice in _NOTICES)


def _is_claim(unit: str) -> bool:
    """Notices about how the answer was made, and questions (a part's question echoed as its heading),
    claim nothing."""
    return bool(words(unit)) and not _is_notice(unit) and not unit.strip("*_ ").endswith("?")


def answer_units(text: str) -> list[str]:
    """The answer's sentences and list items that claim something: without headings, echoed questions,
    [n] markers, "(per …)" marks, notices about how the answer was made, and any "Kilder" part."""
    units: list[str] = []
    for line in text.splitlines():
        if _SOURCES_LINE.match(line):
            break
        if _HEADING.match(line) or _ECHOED_PART.match(line):
            continue
        line = _AS_OF.sub(" ", _MARKER.sub(" ", line)).strip()
        if _BULLET.match(line):
            units.append(_BULLET.sub("", line, count=1))
        elif line:
            units += _SENTENCE_END.split(line)
    return [u.strip() for u in units if _is_claim(u)]


def gold_citations(q: Question, citations: Iterable[Citation]) -> list[Citation]:
    """The cited passages that hold a gold string."""
    golds = [words(g) for g in q.gold if words(g)]
    return [c for c in citations if any(f" {g} " in f" {words(c.text)} " for g in golds)]


def precision(q: Question, reply: Reply, phrases: Phrases, rendered_gold: Sequence[str] = ()) -> float:
    """The share of the answer's sentences that come from a gold passage (or, for a nynorsk answer, its
    rendering, `rendered_gold`) or carry a required fact. A sentence naming the gap counts when there
    is one to name; a sentence that is only an opening ("Ja.", the required lead) or one of the phrases
    that claim nothing is not counted. 1.0 for an abstention."""
    if reply.abstained:
        return 1.0
    passages = [words(c.text) for c in gold_citations(q, reply.citations)] + [words(t) for t in rendered_gold]
    required = [*q.facts, *q.complete_list, *(f for part in q.parts for f in part.facts)]
    expects_gap = q.partial or any(not part.covered for part in q.parts)
    openings = {words(p) for p in phrases.no_claim}
    openings |= {words(w) for w in q.wordings(q.leads_with)} if q.leads_with else set()
    units = [u for u in answer_units(reply.claims) if words(u) not in openings]
    if not units:
        return 1.0

    # The composer may put a quoted sentence's heading before it ("Samarbeidsforum: De skal …"): the
    # heading is the passage's own breadcrumb, so the sentence after it is what is checked.
    headings = {words(c.section.split(" > ")[-1]) for c in gold_citations(q, reply.citations) if c.section}

    def precise(unit: str) -> bool:
        said = f" {words(_without_heading(unit, headings))} "
        return (
            any(said in f" {p} " for p in passages)
            or any(holds(q, f, unit) for f in required)
            or (expects_gap and names_gap(unit, phrases))
        )

    return sum(1 for u in units if precise(u)) / len(units)


def _without_heading(unit: str, headings: set[str]) -> str:
    label, colon, rest = unit.partition(": ")
    return rest if colon and rest and words(label) in headings else unit


# --- parts ----------------------------------------------------------------------------------------------


def part_mismatches(q: Question, reply: Reply, phrases: Phrases) -> int | None:
    """Parts not handled. In a letter (matched to the inquiry's questions in order), a covered part must
    be marked covered with its facts in the letter, and an uncovered one marked not covered. In an
    answer, a covered part must have its facts, and an uncovered part must be named as not answered."""
    if not q.parts:
        return None
    if reply.covered is not None:
        marked = list(reply.covered) + [None] * max(0, len(q.parts) - len(reply.covered))
        return sum(
            1
            for part, covered in zip(q.parts, marked, strict=False)
            if covered is None
            or covered != part.covered
            or (part.covered and missing(q, part.facts, reply.text))
        )
    return sum(
        1
        for part in q.parts
        if (missing(q, part.facts, reply.text) if part.covered else not names_gap(reply.text, phrases))
    )


# --- the verdict --------------------------------------------------------------------------------------


def judge(q: Question, reply: Reply, phrases: Phrases, rendered_gold: Sequence[str] = ()) -> Verdict:
    """Every check on one reply. `rendered_gold` is the nynorsk rendering of the gold passages the reply
    cites, for a reply rendered in nynorsk."""
    text = "" if reply.abstained else reply.text
    lacking = missing(q, q.facts, text)
    verdict = Verdict(
        facts_found=len(q.facts) - len(lacking),
        facts_total=len(q.facts),
        missing_facts=lacking,
        must_not=must_not_found(q, reply),
        lead=lead_right(q, reply, phrases),
        list_missing=list_missing(q, replace(reply, text=text)),
        precision=precision(q, reply, phrases, rendered_gold),
        abstained=reply.abstained,
        gap_named=names_gap(text, phrases) if q.partial and not q.parts and not reply.abstained else None,
        part_mismatches=None if reply.abstained else part_mismatches(q, reply, phrases),
        reasons=(),
    )
    return replace(verdict, reasons=failed_checks(q, verdict))


def failed_checks(q: Question, v: Verdict) -> tuple[str, ...]:
    """The checks a verdict fails. A false abstention is the one reason given: every other check on an
    answer that was never given follows from it."""
    if q.answerable and v.abstained:
        return ("false_abstention",)
    failed = {
        "should_abstain": not q.answerable and not v.abstained,
        "facts": bool(v.missing_facts),
        "must_not": bool(v.must_not),
        "lead": v.lead is False,
        "list": bool(v.list_missing),
        "precision": v.precision < PRECISION_FLOOR,
        "gap": v.gap_named is False,
        "parts": bool(v.part_mismatches),
    }
    return tuple(check for check in CHECKS if failed.get(check))


def judge_answer(q: Question, answer: Answer, phrases: Phrases, rendered_gold: Sequence[str] = ()) -> Verdict:
    return judge(q, reply_from_answer(answer), phrases, rendered_gold)
