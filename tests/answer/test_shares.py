"""One recipient's share of the money: the documents give totals only, and an answer says so first."""

from __future__ import annotations

import pytest

from assistant import texts
from assistant.answer.shares import asked_share, share_unsaid, totals_answer
from assistant.service import Services, ask


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("Hvor mye får den enkelte skole i Troms?", "den enkelte skole"),
        ("Hvor mye penger blir det per barnehage?", "hver barnehage"),
        # one of them, unnamed, is any one of them
        ("Hvor mye kan en barnehage i Troms få?", "en barnehage"),
        ("Kor mykje fær ein skule?", "ein skule"),
        ("Hvor mye fikk en kommune i fjor?", "en kommune"),
        ("Vi er en barnehage i Agder. Hvor mye kan vi få fra ordningen?", "dere"),
        ("Vi har fire skoler i kommunen. Hvor mye får vi?", "dere"),
        ("Jeg er rektor. Hvor mye av pengene går til skolen vår?", "dere"),
        # a secretariat's «vi» is the county, whose total the documents do give
        ("Jeg jobber hos Statsforvalteren. Hvor mye har vi fått tildelt?", None),
        ("Hvor mye fikk fylket i 2025?", None),
        ("Vi er en kommune. Hvem kan søke om midlene?", None),
    ],
)
def test_whose_share_an_amount_question_asks(question: str, who: str | None) -> None:
    assert asked_share(question) == who


def test_the_share_gap_is_said_only_above_totals() -> None:
    question = "Vi er en kommune i Agder. Hvor mye fikk vi i fjor?"
    said = share_unsaid(question, "Samlet fikk fylket 40 mill. [1]")
    assert said == texts.SHARE_UNSAID.format(who="dere", got="fikk")
    # a quoted line that states the share itself, or no figure at all, needs no such sentence
    assert share_unsaid(question, "Hver kommune får 200 000 kroner. [1]") is None
    assert share_unsaid(question, "Midlene fordeles etter behov. [1]") is None
    assert share_unsaid("Hvor mye fikk fylket i fjor?", "Samlet fikk fylket 40 mill. [1]") is None


def test_a_kommune_asking_its_share_gets_the_county_totals_under_the_gap(services: Services) -> None:
    """The county's totals rank below passages on the scheme; they are found, quoted, and the answer
    says first that the kommune's own share is not given. Asked of something the totals don't speak of,
    or of a county the documents don't cover, it is refused; the county's own staff get no gap."""
    answer = ask(services, "Vi er en liten kommune i Nordland. Hvor mye kan vi få av pengene i 2026?")
    assert not answer.abstained, answer.answer
    assert answer.answer.startswith(texts.SHARE_UNSAID.format(who="dere", got="får")), answer.answer
    assert "28 mill" in answer.answer and answer.citations
    assert ask(services, "Vi er en kommune i Nordland. Hvor mye får vi i vikarmidler?").abstained
    assert ask(services, "Vi er en kommune i Finnmark. Hvor mye penger får vi?").abstained
    staff = ask(services, "Jeg jobber hos Statsforvalteren i Nordland. Hvor mye har vi fått for 2026?")
    assert "28 mill" in staff.answer and "oppgir ikke" not in staff.answer


def test_a_share_per_unit_is_answered_with_totals_only_where_a_place_is_named() -> None:
    """A figure per kommune is what "hver kommune" asks; with a place named the county's totals stand in,
    under the gap, so that figure is not required of them. Without a place, nothing does."""
    assert totals_answer("Hvor mye får hver kommune i Nordland?") == frozenset({"per_unit"})
    assert totals_answer("Hvor mye får hver kommune?") == frozenset()
    assert totals_answer("Hvor mye fikk Nordland?") == frozenset()


def test_each_schools_share_in_a_named_county_gets_its_totals(services: Services) -> None:
    answer = ask(services, "Hvor mye får hver skole i Nordland av pengene for 2026?")
    assert answer.answer.startswith(texts.SHARE_UNSAID.format(who="hver skole", got="får")), answer.answer
    assert "17 mill. skole" in answer.answer
    # named by the asker only where they are, on the way to the county the totals are for
    here = ask(
        services, "Jeg er rektor på en skole i Vefsn. Hvor mye av pengene i Nordland går til skolen vår?"
    )
    assert here.answer.startswith(texts.SHARE_UNSAID.format(who="dere", got="får")), here.answer


def test_what_one_unnamed_school_can_get_is_a_share_too(services: Services) -> None:
    """«Hvor mye kan en skole få …?» asks one school's share, as «hver skole» does: not the county's total
    as if it were."""
    answer = ask(services, "Hvor mye tilskudd kan en skole i Nordland få for 2026?")
    assert answer.answer.startswith(texts.SHARE_UNSAID.format(who="en skole", got="får")), answer.answer
    assert "17 mill. skole" in answer.answer
