"""A money question about one scheme is answered by that scheme's figure, never the whole county's or
another part's (answer/amounts.py)."""

from __future__ import annotations

from assistant import texts
from assistant.answer.amounts import answer_lines, money_asked, scheme_fits, years_fit
from assistant.answer.plan import direct, plan_question
from assistant.service import Services, ask


def _named(text: str) -> list[str]:
    names = (("kpl", "kompetanseloftet"), ("dekom", "desentralisert-ordning"))
    return [scheme for word, scheme in names if word in text.lower()]


def test_a_line_answers_for_the_scheme_it_names_or_its_passage_alone() -> None:
    umbrella = frozenset({"lokal-kompetanseutvikling", "kompetanseloftet", "desentralisert-ordning"})
    # the county's total, in a passage about the umbrella, is no part's figure
    assert not scheme_fits(["kompetanseloftet"], "Tildelt: 40 mill. totalt", umbrella, _named)
    assert scheme_fits(["lokal-kompetanseutvikling"], "Tildelt: 40 mill. totalt", umbrella, _named)
    assert scheme_fits(["kompetanseloftet"], "Kpl: 3 000 000,-", umbrella, _named)
    assert not scheme_fits(["kompetanseloftet"], "Dekom: 3 000 000,-", umbrella, _named)
    # an umbrella's amount is answered by its parts' lines
    assert scheme_fits(["lokal-kompetanseutvikling"], "Dekom: 3 000 000,-", umbrella, _named)
    # a scheme with nothing to do with the passage's
    assert not scheme_fits(["fag-og-yrkesopplaering"], "Tildelt: 40 mill. totalt", umbrella, _named)


def test_a_line_that_names_a_year_answers_for_it_only() -> None:
    assert years_fit({"2030"}, "2030:\nKpl: 1 000 000,-")
    assert not years_fit({"2031"}, "2030:\nKpl: 1 000 000,-")
    assert years_fit({"2031"}, "Kpl: 1 000 000,-")
    assert years_fit(set(), "2030:\nKpl: 1 000 000,-")


def test_the_lines_an_answer_quotes_keep_their_heading() -> None:
    quoted = answer_lines("Tildelt 2030:\n- 5 mill. skole\n- Brukes til begge [1]\nI fjor: 4 mill. [2]")
    assert [(f.header, f.line, n) for f, n in quoted] == [
        ("Tildelt 2030:", "5 mill. skole", 1),
        ("", "I fjor: 4 mill.", 2),
    ]


def test_money_questions() -> None:
    assert money_asked("Hvor mye penger får ordningen?")
    assert money_asked("Kor mykje fekk dei i fjor?")
    assert money_asked("Hva er beløpet for Dekom?")
    assert money_asked("Hvor mange millioner fikk fylket?")
    assert not money_asked("Hvor mange moduler har pakken?")
    assert not money_asked("Hvor mye tid tar det?")


def test_a_scheme_without_a_figure_for_the_year_asked_gets_its_other_year_under_the_gap(
    services: Services,
) -> None:
    """The county's total for the year is not the part's; the part's line for another year is quoted, said to
    be for that year. A part named by its short name, in nynorsk, or a year counted from today alike."""
    for question in (
        "Hvor mye penger får Kompetanseløftet i Nordland i 2026?",
        "Hva er beløpet til Kpl i Nordland for 2026?",
        "Kor mykje får kompetanseløftet i Nordland i 2026?",
    ):
        answer = ask(services, question)
        assert not answer.abstained, question
        assert "9 689 000" in answer.answer and "28 mill" not in answer.answer, answer.answer
        assert "oppgir ikk" in answer.answer, answer.answer
    dekom = ask(services, "Hvor mye får den desentraliserte ordningen i Nordland i 2026?")
    assert "12 200 000" in dekom.answer and "28 mill" not in dekom.answer, dekom.answer
    # the year asked for a part, with the part's own line: no gap
    exact = ask(services, "Hvor mye fikk Kompetanseløftet i Nordland i 2025?")
    assert "9 689 000" in exact.answer and texts.AMOUNT_OTHER_YEAR.split("{")[0] not in exact.answer


def test_a_scheme_with_no_figure_of_its_own_is_not_answered_with_anothers(services: Services) -> None:
    assert ask(services, "Hvor mye fikk Kompetanseløftet i Oslo og Viken?").abstained
    # no figure for the year at all: not answered, as for the whole county
    assert ask(services, "Hvor mye får Kompetanseløftet i Nordland i 2027?").abstained
    # the umbrella's total answers for the umbrella
    whole = ask(services, "Hvor mye fikk tilskuddsordningen for lokal kompetanseutvikling i Nordland i 2026?")
    assert "28 mill" in whole.answer, whole.answer


def test_a_place_and_year_said_at_the_end_bind_the_first_amount_too(services: Services) -> None:
    """«Hvor mye gikk til barnehage, og hvor mye til skole i Nordland i 2026?»: the first part is of Nordland
    in 2026 as well, not of Oslo og Viken's old totals."""
    for question in (
        "Hvor mye gikk til barnehagene, og hvor mye til skolene i Nordland i 2026?",
        "Hvor mye fikk barnehage og hvor mye fikk skole i Nordland for 2026?",
    ):
        answer = ask(services, question)
        first = answer.answer.split("\n\n")[0]
        assert "11 mill. barnehage" in first and "millioner kroner" not in first, answer.answer


def test_the_whole_country_is_not_answered_with_one_countys_figures(services: Services) -> None:
    for question in (
        "Hvor mye penger er det i tilskuddsordningen for lokal kompetanseutvikling på landsbasis?",
        "Hvor mye penger fordeles i hele landet til kompetanseutvikling i barnehager og skoler?",
        "Hvor mye får ordningen for lokal kompetanseutvikling nasjonalt?",
    ):
        answer = ask(services, question)
        assert answer.abstained, answer.answer
    # the county's own figure answers for the county
    assert "164 millioner" in ask(services, "Hvor mye ble fordelt i Oslo og Viken i 2021?").answer


def test_a_claim_for_something_else_is_left_out_beside_the_schemes_own(services: Services) -> None:
    """«Hvor mye får Rekom i Nordland?»: the scheme's line is quoted, not the county's total beside it. A list
    that holds the scheme's line with its siblings' is one claim and stays whole."""
    for question in (
        "Hvor mye får Rekom i Nordland?",
        "Hvor mye penger får den regionale ordningen i Nordland?",
    ):
        answer = ask(services, question)
        assert "11 271 000" in answer.answer and "28 mill" not in answer.answer, answer.answer
        assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    both = ask(services, "Hvor mye fikk Dekom og Kpl i Nordland i 2025?")
    assert "12 200 000" in both.answer and "9 689 000" in both.answer, both.answer


def test_a_name_the_documents_never_mention_beside_one_they_do_is_said_and_the_rest_answered(
    services: Services,
) -> None:
    for question in ("Hvor mye fikk Nordland og Troms i 2026?", "Hvor mye fikk Agder og Nordland i 2026?"):
        answer = ask(services, question)
        assert not answer.abstained, question
        assert answer.answer.startswith("Kildene sier ikke noe om "), answer.answer
        assert "28 mill" in answer.answer, answer.answer
    # named alone, or only with another the documents never mention: not answered
    assert ask(services, "Hvor mye fikk Troms i 2026?").abstained
    assert ask(services, "Hvor mye fikk Troms og Finnmark i 2026?").abstained


def test_how_many_millions_is_asked_as_how_much_money() -> None:
    for question in ("Hvor mange millioner fikk fylket i fjor?", "Kor mange kroner går til skulane?"):
        assert plan_question(direct(question)).type == "hvor_mye", question
    # a count of something else stays a count
    assert plan_question(direct("Hvor mange moduler har pakken?")).type == "hvor_mange"


def test_a_sum_asked_in_millions_or_kroner_is_answered_by_the_figure_in_any_unit(services: Services) -> None:
    """«Hvor mange kroner …?» is answered by «17 mill. skole»: the unit asked in is money, not a measure the
    figure must be given in."""
    for question in (
        "Hvor mange kroner fikk skolene i Nordland i 2026?",
        "Hvor mange millioner har Nordland fått til barnehagene for 2026?",
    ):
        answer = ask(services, question)
        assert not answer.abstained and "11 mill. barnehage" in answer.answer, answer.answer
        assert "Oslo og Viken" not in answer.answer, answer.answer
    headline = ask(services, "Hvor mange millioner fikk Oslo og Viken til kompetansetiltak for 2022-2023?")
    assert "178,4 millioner kroner" in headline.answer, headline.answer
