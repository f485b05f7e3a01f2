"""Eval questions from YAML: the first set's format (eval/questions.yaml) and the realistic sets' format
(eval/realistic*.yaml) both load into one `Question`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import yaml

# Whether the documents answer a question: fully, in part (the answer must say what is missing), or not
# at all (the assistant must abstain).
Answerability = Literal["true", "partial", "false"]
# (bokmål strings) → the same strings as a nynorsk answer words them, in order.
RenderFacts = Callable[[Sequence[str]], list[str]]


@dataclass(frozen=True)
class Part:
    """One part of a multi-part question or of an inquiry to draft a reply to."""

    ask: str
    covered: bool  # False: the documents do not answer this part, and the reply must say so
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    question: str  # for a draft, the inquiry
    category: str  # the first set's category; a realistic question's type
    user_group: str
    maalform: str
    answerable: bool  # True for answerability "true" and "partial": the assistant must not abstain
    gold: tuple[str, ...]
    facts: tuple[str, ...]
    history: tuple[str, ...] = ()  # earlier user turns of a multi-turn question
    route: str = "retrieval"  # who should answer: "retrieval", the scheme "advisor", or "any"
    twin: str | None = None  # a nynorsk twin: the id of the bokmål question it mirrors
    # For nynorsk twins: each fact as the nynorsk answer may word it (Apertium's rendering of the
    # bokmål fact); a fact counts as found in either wording.
    fact_renderings: tuple[str, ...] = ()
    # The realistic format. `type` is empty for the first set's questions.
    # hvem | hva | naar | hvor | hvor_mye | hvor_mange | hvordan | ja_nei | liste | flerdelt | utkast
    type: str = ""
    kinds: tuple[str, ...] = ()  # typo, multi_turn, multi_part, eligibility, partial, unanswerable, draft …
    answerability: Answerability = "true"
    scheme: str = ""
    must_not: tuple[str, ...] = ()  # strings that appear only in a wrong answer
    leads_with: str = ""  # yes/no questions: how the answer must open
    complete_list: tuple[str, ...] = ()  # list questions: every item must be in the answer
    parts: tuple[Part, ...] = ()
    missing: str = ""  # partial questions: what the documents do not say
    inquiry: str = ""  # drafts: the inquiry a reply letter answers
    # Nynorsk questions: every string an answer is checked for, with its nynorsk wording.
    renderings: tuple[tuple[str, str], ...] = ()

    @property
    def partial(self) -> bool:
        return self.answerability == "partial"

    @property
    def is_draft(self) -> bool:
        return bool(self.inquiry)

    def wordings(self, text: str) -> tuple[str, ...]:
        """`text` and, for a nynorsk question, its nynorsk wording: either counts as found."""
        rendered = dict(self.renderings).get(text)
        return (text,) if rendered is None or rendered == text else (text, rendered)

    def checked_strings(self) -> list[str]:
        """Every string an answer to this question is checked for."""
        strings = [*self.facts, *self.must_not, *self.complete_list]
        strings += [f for part in self.parts for f in part.facts]
        return strings + ([self.leads_with] if self.leads_with else [])


def norm(text: str) -> str:
    return " ".join(text.split()).lower()


def load_questions(path: Path, render_facts: RenderFacts | None = None) -> list[Question]:
    """`render_facts` gives the facts of nynorsk questions as a nynorsk answer words them (their
    answers are rendered in nynorsk; the facts are written in the corpus's bokmål)."""
    raw = yaml.safe_load(path.read_text("utf-8")) or []
    questions = [_realistic(q) if "type" in q else _first_set(q) for q in raw]
    if render_facts is None:
        return questions
    return _rendered(questions, render_facts)


def _first_set(q: Mapping[str, Any]) -> Question:
    answerable = bool(q.get("answerable", True))
    return Question(
        id=str(q["id"]),
        question=str(q["question"]),
        category=str(q["category"]),
        user_group=str(q.get("user_group", "alle")),
        maalform=str(q.get("maalform", "nb")),
        answerable=answerable,
        gold=tuple(q.get("gold") or ()),
        facts=tuple(q.get("facts") or ()),
        history=tuple(q.get("history") or ()),
        route=str(q.get("route", "retrieval")),
        answerability="true" if answerable else "false",
    )


def _realistic(q: Mapping[str, Any]) -> Question:
    answerability = _answerability(q.get("answerable", True))
    inquiry = str(q.get("inquiry") or "")
    return Question(
        id=str(q["id"]),
        question=inquiry or str(q["question"]),
        category=str(q["type"]),
        user_group=str(q.get("user_group", "alle")),
        maalform=str(q.get("maalform", "nb")),
        answerable=answerability != "false",
        gold=tuple(q.get("gold") or ()),
        facts=tuple(q.get("facts") or ()),
        history=tuple(q.get("history") or ()),
        route="any",  # the realistic sets do not say who should answer; either may
        type=str(q["type"]),
        kinds=tuple(q.get("kinds") or ()),
        answerability=answerability,
        scheme=str(q.get("scheme") or ""),
        must_not=tuple(q.get("must_not") or ()),
        leads_with=str(q.get("leads_with") or ""),
        complete_list=tuple(q.get("complete_list") or ()),
        parts=tuple(
            Part(str(p["ask"]), bool(p.get("covered", True)), tuple(p.get("facts") or ()))
            for p in q.get("parts") or ()
        ),
        missing=str(q.get("missing") or ""),
        inquiry=inquiry,
    )


def _answerability(value: Any) -> Answerability:
    text = str(value).strip().lower()
    if text in ("true", "partial", "false"):
        return text  # type: ignore[return-value]  # checked just above
    raise ValueError(f"answerable must be true, partial or false, not {value!r}")


def _rendered(questions: list[Question], render_facts: RenderFacts) -> list[Question]:
    """Nynorsk questions with their facts (the first set) or every checked string (the realistic sets)
    as a nynorsk answer words them, rendered in one call."""
    nynorsk = [q for q in questions if q.maalform == "nn"]
    strings = {q.id: q.checked_strings() if q.type else list(q.facts) for q in nynorsk}
    rendered = iter(render_facts([s for q in nynorsk for s in strings[q.id]]))
    out = []
    for q in questions:
        if q.id not in strings:
            out.append(q)
            continue
        pairs = tuple((s, next(rendered)) for s in strings[q.id])
        facts = tuple(r for _, r in pairs[: len(q.facts)])
        out.append(replace(q, fact_renderings=facts, renderings=pairs if q.type else ()))
    return out


def nynorsk_facts(facts: Sequence[str]) -> list[str]:
    """The facts as a nynorsk answer words them: the same Apertium rendering the answers get, in one
    call. Without Apertium the bokmål wording stands. Each fact is a paragraph of its own: on a line
    that only follows another, Apertium reads a capitalised first word as a name and leaves it («Ledere og
    ansatte» stays «Ledere og tilsette», where the answer, a sentence of its own, says «Leiarar»)."""
    from assistant.language import TranslationUnavailable, translate

    if not facts:
        return []
    try:
        rendered = translate(_FACT_BREAK.join(" ".join(f.split()) for f in facts), "nb", "nn")
    except TranslationUnavailable:
        return list(facts)
    lines = [line.strip() for line in rendered.split(_FACT_BREAK)]
    return lines if len(lines) == len(facts) else list(facts)


_FACT_BREAK = "\n\n"


def load_twins(
    path: Path, questions: list[Question], render_facts: RenderFacts | None = None
) -> list[Question]:
    """Nynorsk twins of bokmål questions: the twin's gold, facts and expectations, the nynorsk
    wording. `render_facts` gives the facts as a nynorsk answer would word them."""
    by_id = {q.id: q for q in questions}
    raws = yaml.safe_load(path.read_text("utf-8")) or []
    originals = [by_id[str(raw["twin"])] for raw in raws]
    facts = [f for q in originals for f in q.facts]
    rendered = iter(render_facts(facts) if render_facts else facts)
    twins = []
    for raw, original in zip(raws, originals, strict=True):
        renderings = tuple(next(rendered) for _ in original.facts)
        twins.append(
            replace(
                original,
                id=str(raw["id"]),
                question=str(raw["question"]),
                maalform="nn",
                twin=original.id,
                fact_renderings=renderings,
            )
        )
    return twins
