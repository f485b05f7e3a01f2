"""The acceptability checks on small hand-made answers: facts, wrong claims, the opening, whole lists,
precision, abstention, the gap of a partial answer, and the parts of multi-part questions and drafts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant import texts
from assistant.evaluation.acceptability import (
    Phrases,
    Reply,
    answer_units,
    judge,
    judge_answer,
    letter_body,
    precision,
    reply_from_answer,
    reply_from_letter_parts,
)
from assistant.evaluation.questions import Part, Question
from assistant.models import Answer, Citation

PHRASES = Phrases(
    gap=("oppgir ikke", "sier ikke", "ikke oppgitt", "gir ikke svar", "nevner ikke", "seier ikkje"),
    leads={"Kildene sier ikke dette direkte": ("Kildene sier ikke", "Dokumentene sier ikke")},
    no_claim=("Ja", "Dette er det de sier"),
)
FORUM = (
    "Samarbeidsforum skal inkludere representanter for eiere av barnehager og skoler, "
    "lærerorganisasjonene og KS. Andre aktører kan inviteres til å delta."
)
OTHER = "Statsforvalteren utbetaler midlene etter beslutning i samarbeidsforum."


def question(**fields: object) -> Question:
    base = Question(
        id="t1",
        question="Hvem er med i samarbeidsforum?",
        category="hvem",
        user_group="eier",
        maalform="nb",
        answerable=True,
        gold=("Andre aktører kan inviteres til å delta.",),
        facts=("lærerorganisasjonene og KS",),
        type="hvem",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def cite(n: int, text: str) -> Citation:
    return Citation(n, "doc.txt", "Tittel", None, "Seksjon", None, None, text, 1.0)


def answer(text: str, *citations: Citation, abstained: bool = False, maalform: str = "nb") -> Answer:
    return Answer("c1", text, list(citations), abstained=abstained, maalform=maalform)


def test_an_answer_from_the_gold_passage_with_every_fact_is_acceptable() -> None:
    verdict = judge_answer(question(), answer(f"{FORUM} [1]", cite(1, FORUM)), PHRASES)
    assert verdict.acceptable and verdict.precision == 1.0 and verdict.facts_found == 1


def test_a_missing_fact_fails_the_facts_check() -> None:
    verdict = judge_answer(
        question(), answer("Andre aktører kan inviteres til å delta. [1]", cite(1, FORUM)), PHRASES
    )
    assert verdict.reasons == ("facts",) and verdict.missing_facts == ("lærerorganisasjonene og KS",)


def test_a_nynorsk_answer_finds_a_fact_in_its_nynorsk_wording() -> None:
    q = question(maalform="nn", renderings=(("lærerorganisasjonene og KS", "lærarorganisasjonane og KS"),))
    verdict = judge_answer(q, answer("Lærarorganisasjonane og KS er med. [1]", cite(1, FORUM)), PHRASES)
    assert verdict.facts_found == 1


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("Tiltaka har styrkt det profesjonelle læringsfellesskapet.", True),  # rendered alone «styrka»
        ("Dei kan bli kjend med korleis skulen utdannar elevane.", True),  # «kjent» alone, «kjend» in it
        ("Tiltaka har svekt det profesjonelle læringsfellesskapet.", False),
        ("Det profesjonelle læringsfellesskapet er styrka.", False),  # the words, not in their order
    ],
)
def test_a_nynorsk_fact_is_found_with_its_words_inflected_as_the_sentence_has_them(
    said: str, found: bool
) -> None:
    facts = ("styrket det profesjonelle læringsfellesskapet", "bli kjent med hvordan skolen utdanner elevene")
    renderings = (
        (facts[0], "styrka det profesjonelle læringsfellesskapet"),
        (facts[1], "bli kjent med korleis skulen utdannar elevane"),
    )
    q = question(maalform="nn", facts=facts, renderings=renderings)
    verdict = judge_answer(q, answer(f"{said} [1]", cite(1, FORUM)), PHRASES)
    assert (verdict.facts_found == 1) is found


def test_a_must_not_string_is_found_whatever_its_case_and_spacing() -> None:
    q = question(must_not=("bransjeorganisasjoner, bedrifter",))
    text = f"{FORUM} [1]\nDessuten  Bransjeorganisasjoner,\nbedrifter og andre. [2]"
    verdict = judge_answer(q, answer(text, cite(1, FORUM), cite(2, OTHER)), PHRASES)
    assert verdict.must_not == ("bransjeorganisasjoner, bedrifter",) and "must_not" in verdict.reasons


@pytest.mark.parametrize(
    ("lead", "text", "right"),
    [
        ("Ja", "Ja, andre aktører kan inviteres til å delta. lærerorganisasjonene og KS", True),
        ("Ja", "- ja. Lærerorganisasjonene og KS", True),
        ("Ja", "Jaså, lærerorganisasjonene og KS", False),
        ("Nei", "Ja, lærerorganisasjonene og KS", False),
        ("Som hovedregel ikke", "Som hovedregel ikke. lærerorganisasjonene og KS", True),
        ("Kildene sier ikke dette direkte", "Kildene sier ikke om de kan. lærerorganisasjonene og KS", True),
        (
            "Kildene sier ikke dette direkte",
            "Dokumentene sier ikke noe om det. lærerorganisasjonene og KS",
            True,
        ),
        ("Kildene sier ikke dette direkte", "Ja, lærerorganisasjonene og KS", False),
        # A multi-part answer: the first part's heading, then its answer.
        ("Ja", "**Kan vi søke?**\nJa. lærerorganisasjonene og KS", True),
        ("Ja", "**Kan vi søke?**\nKildene sier ikke dette. lærerorganisasjonene og KS", False),
    ],
)
def test_the_answer_must_open_with_the_required_lead(lead: str, text: str, right: bool) -> None:
    verdict = judge_answer(question(leads_with=lead), answer(text), PHRASES)
    assert verdict.lead is right
    assert ("lead" in verdict.reasons) is not right


def test_a_question_without_a_lead_has_no_lead_verdict() -> None:
    assert judge_answer(question(), answer("Nei. lærerorganisasjonene og KS"), PHRASES).lead is None


def test_a_list_answer_must_hold_every_item() -> None:
    q = question(complete_list=("eiere av barnehager og skoler", "lærerorganisasjonene", "KS"))
    whole = judge_answer(q, answer(f"{FORUM} [1]", cite(1, FORUM)), PHRASES)
    short = judge_answer(q, answer("- lærerorganisasjonene og KS [1]", cite(1, FORUM)), PHRASES)
    assert whole.list_missing == () and whole.acceptable
    assert short.list_missing == ("eiere av barnehager og skoler",) and "list" in short.reasons


def test_answer_units_are_sentences_and_list_items_without_marks_notices_or_sources() -> None:
    text = (
        "Fristen er 1. mars. (per 2. desember 2022) [1] Søk hos Statsforvalteren. [2]\n"
        "- Første punkt\n"
        "• Andre punkt. Med to setninger. [1]\n\n"
        f"{texts.NYNORSK_NOTE}\n\nKilder:\n[1] Tittel"
    )
    assert answer_units(text) == [
        "Fristen er 1. mars.",
        "Søk hos Statsforvalteren.",
        "Første punkt",
        "Andre punkt. Med to setninger.",
    ]


def test_precision_counts_sentences_from_the_gold_passage_or_with_a_fact() -> None:
    q = question()
    gold_sentence = "Andre aktører kan inviteres til å delta. [1]"
    with_fact = "Også lærerorganisasjonene og KS. [2]"
    padding = f"{OTHER} [2]"
    reply = reply_from_answer(
        answer(f"{gold_sentence}\n{with_fact}\n{padding}", cite(1, FORUM), cite(2, OTHER))
    )
    assert precision(q, reply, PHRASES) == pytest.approx(2 / 3)
    assert "precision" in judge_answer(q, answer(reply.text, *reply.citations), PHRASES).reasons


def test_a_sentence_counts_as_gold_only_from_a_cited_passage_that_holds_a_gold_string() -> None:
    q = question(facts=(), gold=("Samarbeidsforum skal inkludere",))
    sentence = "Andre aktører kan inviteres til å delta. [1]"
    from_gold = answer(sentence, cite(1, FORUM))
    from_other = answer(sentence, cite(1, "Alle kan komme. Andre aktører kan inviteres til å delta."))
    assert precision(q, reply_from_answer(from_gold), PHRASES) == 1.0
    assert precision(q, reply_from_answer(from_other), PHRASES) == 0.0


def test_precision_ignores_punctuation_and_line_joins_of_the_quoted_passage() -> None:
    passage = "Publisert 02.12.2022\n\nInvitasjon til konferanse\n\nAndre aktører kan inviteres til å delta."
    q = question(facts=(), gold=("Invitasjon til konferanse",))
    text = "Publisert 02.12.2022 – Invitasjon til konferanse – Andre aktører kan inviteres til å delta. [1]"
    assert precision(q, reply_from_answer(answer(text, cite(1, passage))), PHRASES) == 1.0


def test_a_nynorsk_sentence_is_precise_when_it_is_in_the_rendered_gold_passage() -> None:
    q = question(facts=(), maalform="nn")
    reply = reply_from_answer(answer("Andre aktørar kan bli inviterte. [1]", cite(1, FORUM), maalform="nn"))
    assert precision(q, reply, PHRASES) == 0.0
    assert precision(q, reply, PHRASES, ["Andre aktørar kan bli inviterte til å delta."]) == 1.0


def test_a_bare_yes_opening_is_not_counted_in_precision() -> None:
    q = question(leads_with="Ja", facts=())
    reply = reply_from_answer(answer("Ja. Andre aktører kan inviteres til å delta. [1]", cite(1, FORUM)))
    assert precision(q, reply, PHRASES) == 1.0


def test_phrases_that_claim_nothing_are_not_counted_in_precision() -> None:
    q = question(facts=())
    text = "Ja. Dette er det de sier:\n«Andre aktører kan inviteres til å delta.» [1]"
    assert precision(q, reply_from_answer(answer(text, cite(1, FORUM))), PHRASES) == 1.0


def test_headings_and_echoed_questions_are_not_claims() -> None:
    text = "## Om forumet\n**Hvem kan delta?**\nAndre aktører kan inviteres. [1] Kan andre delta? Ja."
    assert answer_units(text) == ["Andre aktører kan inviteres.", "Ja."]
    # what the asker said before the part's question is part of its heading
    assert answer_units("**Vi er en kommune. Hvem kan delta?**\nAlle. [1]") == ["Alle."]


def test_an_unanswerable_question_must_be_abstained_from() -> None:
    q = question(answerable=False, answerability="false", facts=(), gold=())
    abstained = judge_answer(q, answer(texts.ABSTAIN_WEAK_EVIDENCE, abstained=True), PHRASES)
    answered = judge_answer(q, answer(f"{OTHER} [1]", cite(1, OTHER)), PHRASES)
    assert abstained.acceptable and abstained.precision == 1.0
    assert "should_abstain" in answered.reasons


def test_abstaining_on_an_answerable_question_is_a_false_abstention_and_nothing_else() -> None:
    verdict = judge_answer(
        question(leads_with="Ja"), answer(texts.ABSTAIN_WEAK_EVIDENCE, abstained=True), PHRASES
    )
    assert verdict.reasons == ("false_abstention",) and verdict.facts_found == 0


def test_a_partial_answer_must_answer_what_it_can_and_name_the_gap() -> None:
    q = question(answerability="partial", missing="Kildene nevner ikke hvilke.")
    named = judge_answer(
        q, answer(f"{FORUM} [1]\nKildene oppgir ikke hvilke høgskoler det er.", cite(1, FORUM)), PHRASES
    )
    silent = judge_answer(q, answer(f"{FORUM} [1]", cite(1, FORUM)), PHRASES)
    abstained = judge_answer(q, answer(texts.ABSTAIN_WEAK_EVIDENCE, abstained=True), PHRASES)
    assert named.acceptable and named.gap_named and named.precision == 1.0  # the gap sentence counts
    assert silent.reasons == ("gap",)
    assert abstained.reasons == ("false_abstention",)


def test_a_multi_part_answer_handles_every_part() -> None:
    parts = (
        Part("Hvem er med?", True, ("lærerorganisasjonene og KS",)),
        Part("Hvem betaler ut?", True, ("Statsforvalteren utbetaler",)),
    )
    q = question(parts=parts, kinds=("multi_part",), gold=("Andre aktører", "Statsforvalteren utbetaler"))
    both = judge_answer(q, answer(f"{FORUM} [1] {OTHER} [2]", cite(1, FORUM), cite(2, OTHER)), PHRASES)
    one = judge_answer(q, answer(f"{FORUM} [1]", cite(1, FORUM)), PHRASES)
    assert both.part_mismatches == 0 and both.acceptable
    assert one.part_mismatches == 1 and "parts" in one.reasons


def test_an_uncovered_part_of_an_answer_must_be_named_as_not_answered() -> None:
    parts = (Part("Hvem er med?", True, ("lærerorganisasjonene og KS",)), Part("Når er fristen?", False))
    q = question(parts=parts, answerability="partial")
    named = judge_answer(q, answer(f"{FORUM} [1] Kildene sier ikke når fristen er.", cite(1, FORUM)), PHRASES)
    silent = judge_answer(q, answer(f"{FORUM} [1]", cite(1, FORUM)), PHRASES)
    assert named.part_mismatches == 0 and silent.part_mismatches == 1


LETTER = """Dato: 1. desember 2026

## Spørsmål 1

Samarbeidsforum skal inkludere lærerorganisasjonene og KS. [1]

## Spørsmål 2

Kildene svarer ikke på dette.

## Kilder

[1] Tittel

> Bransjeorganisasjoner, bedrifter og andre kan inviteres. Statsforvalteren utbetaler midlene.
"""


def draft_question(*parts: Part, **fields: object) -> Question:
    return question(type="utkast", kinds=("draft",), inquiry="Hei! 1) … 2) …", parts=parts, **fields)


def letter(covered: tuple[bool, ...]) -> Reply:
    answers = [
        "Samarbeidsforum skal inkludere lærerorganisasjonene og KS. [1]",
        "Kildene svarer ikke på dette.",
    ]
    return reply_from_letter_parts(LETTER, covered, answers[: len(covered)], [cite(1, FORUM)], "nb")


def test_a_letter_is_scored_on_its_body_not_on_the_passages_its_source_list_quotes() -> None:
    assert "Bransjeorganisasjoner" not in letter_body(LETTER) and "Spørsmål 2" in letter_body(LETTER)
    q = draft_question(
        Part("Hvem?", True, ("lærerorganisasjonene og KS",)),
        Part("Frist?", False),
        must_not=("bransjeorganisasjoner, bedrifter",),
        facts=("lærerorganisasjonene og KS", "Statsforvalteren utbetaler"),
        answerability="partial",
    )
    verdict = judge(q, letter((True, False)), PHRASES)
    assert verdict.must_not == () and verdict.missing_facts == ("Statsforvalteren utbetaler",)
    assert verdict.part_mismatches == 0 and verdict.precision == 1.0 and verdict.gap_named is None


@pytest.mark.parametrize(
    ("covered", "mismatches"),
    [
        ((True, False), 0),  # as expected
        ((True, True), 1),  # claims to answer what the sources do not
        ((False, False), None),  # covers nothing: an abstention
        ((True,), 1),  # the letter lost a question
    ],
)
def test_a_letter_marks_each_part_as_the_question_expects(
    covered: tuple[bool, ...], mismatches: int | None
) -> None:
    q = draft_question(
        Part("Hvem?", True, ("lærerorganisasjonene og KS",)), Part("Frist?", False), answerability="partial"
    )
    verdict = judge(q, letter(covered), PHRASES)
    assert verdict.part_mismatches == mismatches
    assert verdict.abstained is (not any(covered))


def test_a_covered_part_without_its_facts_in_the_letter_is_a_mismatch() -> None:
    q = draft_question(
        Part("Hvem?", True, ("universiteter og høgskoler",)), Part("Frist?", False), answerability="partial"
    )
    assert judge(q, letter((True, False)), PHRASES).part_mismatches == 1


def test_a_heading_put_before_a_quoted_sentence_does_not_cost_precision() -> None:
    passage = "De skal vurdere behovene. De melder dem videre."
    cited = Citation(1, "d.txt", "Dok", None, "Dok > Lokale nettverk", None, None, passage, 1.0)
    q = question(gold=("De skal vurdere behovene.",), facts=())
    headed = answer("Lokale nettverk: De skal vurdere behovene. [1]", cited)
    assert precision(q, reply_from_answer(headed), PHRASES) == 1.0
    elsewhere = answer("Et annet forum: De skal vurdere behovene. [1]", cited)
    assert precision(q, reply_from_answer(elsewhere), PHRASES) == 0.0


def test_a_yes_no_question_the_documents_do_not_answer_is_refused_with_the_verdict_first() -> None:
    """Unanswerable, with «Kildene sier ikke dette direkte» as its opening: a refusal that opens so is
    right; one that opens otherwise misses the opening; answering it is no refusal at all."""
    q = question(answerable=False, answerability="false", facts=(), gold=(), type="ja_nei")
    q = replace(q, leads_with="Kildene sier ikke dette direkte")
    led = judge_answer(q, answer(texts.ABSTAIN_YES_NO, abstained=True), PHRASES)
    bare = judge_answer(q, answer(texts.ABSTAIN_WEAK_EVIDENCE, abstained=True), PHRASES)
    answered = judge_answer(
        q, answer(f"Kildene sier ikke dette direkte. {OTHER} [1]", cite(1, OTHER)), PHRASES
    )
    assert led.acceptable and led.reasons == ()
    assert bare.reasons == ("lead",)
    assert "should_abstain" in answered.reasons
