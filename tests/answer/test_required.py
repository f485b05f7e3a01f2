"""Yes/no questions whether something is required: «Nei, ikke nødvendigvis.» when the sources give it
beside an alternative, no «Ja.» from a sentence that only allows it, and no «Ja.» to a use of the money the
sources never name."""

from __future__ import annotations

import pytest

from assistant import texts
from assistant.answer.extractive import (
    _allows_only,
    _more_than_allowed,
    _one_of_alternatives,
    _together_instead,
    _unknown_use,
)
from assistant.rules import PlanRules, rule_file
from assistant.service import Services, ask

PARTNERS = (
    "Kompetanseutviklingstiltakene skal planlegges og gjennomføres i partnerskap med universitet eller "
    "høyskole, eller i samarbeid med fagskole eller andre relevante kompetansemiljøer."
)
ROUTE = "De formidler behovene videre til samarbeidsforum eller via det lokale kompetansenettverket."


@pytest.mark.parametrize(
    ("asking", "text", "expected"),
    [
        # the thing asked, then "eller" and another option
        ("Er det påkrevd å ha en høyskole som partner?", PARTNERS, True),
        # the thing asked after "eller", another option before it
        ("Skal skolene sende behovene gjennom det lokale kompetansenettverket?", ROUTE, True),
        # all the options the sentence gives are asked
        (
            "Må vi samarbeide med universitet, høyskole, fagskole eller andre relevante kompetansemiljøer?",
            "Tiltakene gjøres med universitet eller høyskole.",
            False,
        ),
        # not a question whether it is required
        ("Kan vi ha en høyskole som partner?", PARTNERS, False),
        # "eller" away from what is asked
        ("Må skolene vurdere behovet?", ROUTE, False),
        # the body asked is who must do something, not what is required beside an alternative
        ("Må samarbeidsforumet lage en plan for tiltakene?", ROUTE, False),
        # … unless the body is what must be there
        ("Må samarbeidsforumet være med?", ROUTE, True),
        # what the thing asked must be («hovedmodellen») is said by another sentence, with no alternative
        (
            "Skal partnerskap med høyskole være hovedmodellen?",
            PARTNERS + "\nPartnerskap skal fortsatt være hovedmodellen i ordningen.",
            False,
        ),
    ],
)
def test_a_required_thing_given_beside_an_alternative(
    services: Services, asking: str, text: str, expected: bool
) -> None:
    index = services.retriever.lexical
    assert _one_of_alternatives(index, rule_file(PlanRules), asking, text) is expected


def test_allowed_is_not_required() -> None:
    rules = rule_file(PlanRules)
    may = "Statsforvalteren kan delta i samarbeidsforum som observatør."
    assert _allows_only(rules, "Må Statsforvalteren være med i forumet?", may)
    assert not _allows_only(rules, "Kan Statsforvalteren være med i forumet?", may)
    assert not _allows_only(
        rules, "Må eierne av private barnehager være med i forumet?", "Samarbeidsforum skal inkludere eiere."
    )


def test_a_use_of_money_the_sources_never_name(services: Services) -> None:
    index, rules = services.retriever.lexical, rule_file(PlanRules)
    assert _unknown_use(index, rules, "Kan pengene brukes til lønn til vikarer?")
    assert not _unknown_use(index, rules, "Kan pengene brukes til kurs?")
    assert not _unknown_use(index, rules, "Kan vi delta?")


@pytest.mark.parametrize(
    "question",
    [
        "Er det påkrevd at tiltakene i den regionale ordningen gjennomføres i partnerskap med en høyskole?",
        # a partner type after a role word, which the advisor reads as whether it may be a partner
        "Må kommunen samarbeide med en fagskole om tiltakene i den desentraliserte ordningen?",
    ],
)
def test_a_partner_that_may_be_one_of_several_is_not_required(services: Services, question: str) -> None:
    answer = ask(services, question)
    assert answer.answer.startswith(texts.LEAD_NOT_NECESSARILY)
    assert "i samarbeid med fagskole" in answer.answer


def test_a_partner_that_may_be_one_of_several_may_be_chosen(services: Services) -> None:
    answer = ask(
        services, "Kan kommunen samarbeide med en fagskole om tiltakene i den desentraliserte ordningen?"
    )
    assert answer.answer.startswith(texts.LEAD_YES)


def test_a_route_that_is_one_of_two_is_not_required(services: Services) -> None:
    answer = ask(
        services,
        "Skal skolene i fag- og yrkesopplæringen sende behovene gjennom det lokale kompetansenettverket?",
    )
    assert answer.answer.startswith(texts.LEAD_NOT_NECESSARILY)
    assert "eller via det lokale kompetansenettverket" in answer.answer


def test_an_observer_seat_is_no_yes_to_a_required_seat(services: Services) -> None:
    answer = ask(services, "Må Statsforvalteren være med i samarbeidsforumet for yrkesfag?")
    assert not answer.answer.startswith(texts.LEAD_YES)
    assert "observatør" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Blir samarbeidsforumet i yrkesfagordningen ledet av Statsforvalteren?",
        "Vert forumet leia av Statsforvaltaren?",
    ],
)
def test_an_observer_seat_is_no_to_leading_the_forum(question: str) -> None:
    """A forum "ledet av" or "leia av" a body asks for more than the observer's seat the sources give it."""
    rules = rule_file(PlanRules)
    observer = "Statsforvalteren kan delta i samarbeidsforum som observatør."
    assert _more_than_allowed(rules, question, observer)
    assert not _more_than_allowed(rules, "Kan Statsforvalteren være observatør i forumet?", observer)


def test_a_forum_led_by_the_observer_is_no(services: Services) -> None:
    answer = ask(services, "Er samarbeidsforumet for yrkesfag ledet av Statsforvalteren?")
    assert answer.answer.startswith("Nei."), answer.answer


def test_no_yes_to_a_use_of_money_the_sources_never_name(services: Services) -> None:
    answer = ask(services, "Kan pengene brukes til lønn til vikarer?")
    assert not answer.answer.startswith(texts.LEAD_YES)


def test_acting_together_answers_a_requirement_to_act_alone(services: Services) -> None:
    index, rules = services.retriever.lexical, rule_file(PlanRules)
    together = "Et nettverk av eiere kan velge å gå sammen om å melde behov for kompetanseutvikling."
    assert _together_instead(index, rules, "Må hver eier melde behov alene", together)
    assert not _together_instead(index, rules, "Kan hver eier melde behov alene", together)
    assert not _together_instead(index, rules, "Må hver eier rapportere alene", together)
    answer = ask(services, "Må barnehageeierne sende behovsmeldingene hver for seg?")
    assert answer.answer.startswith(texts.YES_NO_LEADS["nei"])
    assert "gå sammen" in answer.answer


def test_a_sentence_about_something_else_gives_no_alternative(services: Services) -> None:
    # «De kan brukes sammen med universitet eller høgskole …» is about the competence packages, not partners
    answer = ask(
        services,
        "Må kommunen samarbeide med et universitet for å få midler fra den desentraliserte ordningen?",
    )
    assert "De kan brukes sammen med" not in answer.answer.split("\n")[0]


def test_what_a_body_must_do_is_no_alternative_to_it(services: Services) -> None:
    # «… til samarbeidsforum eller via det lokale kompetansenettverket» says where needs go, not what the
    # forum must do; the sentence on the forum's long-term plan says yes
    answer = ask(services, "Må samarbeidsforumet for yrkesfag lage en langsiktig plan?")
    assert answer.answer.startswith(texts.LEAD_YES)
    assert "langsiktig felles plan" in answer.answer.split("\n")[0]
