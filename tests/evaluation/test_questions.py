"""Both question formats load into one Question: the first set's keys unchanged, the realistic sets'
new fields, and nynorsk wordings of every string an answer is checked for."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from assistant.evaluation.questions import Part, load_questions, nynorsk_facts

FIRST_SET = """
- id: q1
  question: "Hva er regional ordning?"
  category: ordning
  user_group: eier
  maalform: nn
  answerable: false
  gold: []
  facts: ["Regional ordning"]
"""

REALISTIC = """
- id: "x1"
  user_group: "skole"
  maalform: "nn"
  type: "ja_nei"
  kinds: ["eligibility"]
  history: ["Første spørsmål?"]
  question: "Kan vi vere med?"
  answerable: true
  scheme: "Ordningen"
  gold: ["Andre aktører kan inviteres"]
  facts: ["kan inviteres"]
  must_not: ["kan ikke"]
  leads_with: "Ja"
- id: "x2"
  user_group: "sekretariat"
  maalform: "nb"
  type: "utkast"
  kinds: ["draft"]
  history: []
  inquiry: |
    Hei! Hvem? Når?
  answerable: "partial"
  scheme: ""
  gold: []
  facts: ["KS"]
  must_not: []
  parts:
  - ask: "Hvem?"
    covered: true
    facts: ["KS"]
  - ask: "Når?"
    covered: false
    facts: []
  missing: "Fristen."
- id: "x3"
  user_group: "eier"
  maalform: "nb"
  type: "liste"
  kinds: ["unanswerable"]
  history: []
  question: "Hva?"
  answerable: false
  scheme: ""
  gold: []
  facts: []
  must_not: []
  complete_list: ["a", "b"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "questions.yaml"
    path.write_text(text, "utf-8")
    return path


def upper(strings: Sequence[str]) -> list[str]:
    return [s.upper() for s in strings]


def test_the_first_format_loads_as_before(tmp_path: Path) -> None:
    (q,) = load_questions(write(tmp_path, FIRST_SET), upper)
    assert (q.id, q.category, q.answerable, q.answerability, q.route) == (
        "q1",
        "ordning",
        False,
        "false",
        "retrieval",
    )
    assert q.type == "" and q.fact_renderings == ("REGIONAL ORDNING",) and q.renderings == ()


def test_the_realistic_format_loads_every_field(tmp_path: Path) -> None:
    yes_no, draft, listed = load_questions(write(tmp_path, REALISTIC))
    assert (yes_no.type, yes_no.category, yes_no.kinds, yes_no.history) == (
        "ja_nei",
        "ja_nei",
        ("eligibility",),
        ("Første spørsmål?",),
    )
    assert (yes_no.leads_with, yes_no.must_not, yes_no.scheme, yes_no.route) == (
        "Ja",
        ("kan ikke",),
        "Ordningen",
        "any",
    )
    assert draft.is_draft and draft.question == draft.inquiry == "Hei! Hvem? Når?\n"
    assert draft.partial and draft.answerable and draft.missing == "Fristen."
    assert draft.parts == (Part("Hvem?", True, ("KS",)), Part("Når?", False, ()))
    assert not listed.answerable and listed.answerability == "false" and listed.complete_list == ("a", "b")


def test_a_nynorsk_realistic_question_gets_every_checked_string_in_nynorsk(tmp_path: Path) -> None:
    yes_no, draft, _ = load_questions(write(tmp_path, REALISTIC), upper)
    assert yes_no.fact_renderings == ("KAN INVITERES",)
    assert yes_no.wordings("kan ikke") == ("kan ikke", "KAN IKKE") and yes_no.wordings("Ja") == ("Ja", "JA")
    assert draft.renderings == () and draft.wordings("KS") == ("KS",)  # bokmål: as written


def test_an_unknown_answerable_value_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="true, partial or false"):
        load_questions(write(tmp_path, REALISTIC.replace('answerable: "partial"', 'answerable: "maybe"')))


def test_facts_rendered_together_are_each_rendered_as_a_sentence_of_its_own() -> None:
    """Real Apertium: a capitalised first word is translated as it is at the start of an answer's
    sentence, not left as a name because another fact came before it."""
    alone = nynorsk_facts(["Ledere og ansatte"])
    together = nynorsk_facts(
        ["målgruppen er lærere", "Ledere og ansatte", "Fylkeskommunen disponerer midlene"]
    )
    assert together[1] == alone[0] == "Leiarar og tilsette"
    assert together[0] == "målgruppa er lærarar" and len(together) == 3
