"""Yes/no questions whose answer is «Nei»: no «Ja.» from a sentence about something else than the thing asked,
«Nei.» when the sources say who does it and it is another body, when they open to all or list more than
the only one asked, and when they say the contrary of what is asked."""

from __future__ import annotations

from typing import Any

import pytest

from assistant import texts
from assistant.answer.cleft import asked_subject, read_cleft, subject_excludes, what_is_asked
from assistant.answer.extractive import (
    _names_asked_thing,
    _other_number,
    _other_said_to_do_it,
    _restricts_all,
    _split_over_items,
)
from assistant.ingest.units import Unit
from assistant.rules import PlanRules, rule_file
from assistant.service import Services, ask

POINTS = "Videreutdanning gir deltakerne studiepoeng."


@pytest.mark.parametrize(
    ("asking", "expected"),
    [
        ("Gir etterutdanning studiepoeng?", False),  # another thing than the sentence's
        ("Gjev kompetansepakker studiepoeng?", False),
        ("Gir videreutdanningen studiepoeng?", True),  # another form of the same
        ("Kan man få studiepoeng?", True),  # asks of no thing
        ("Kan kommunen få studiepoeng?", True),  # a body: who may do it is read elsewhere
        ("Får mange lærere studiepoeng?", False),  # the noun after "mange", which the sentence doesn't name
    ],
)
def test_a_yes_names_the_thing_asked(services: Services, asking: str, expected: bool) -> None:
    index = services.retriever.lexical
    assert _names_asked_thing(index, rule_file(PlanRules), asking, POINTS) is expected


def test_a_sentence_about_another_kind_of_training_is_no_yes(services: Services) -> None:
    answer = ask(services, "Gir etterutdanning studiepoeng?")
    assert not answer.answer.startswith(texts.LEAD_YES), answer.answer
    assert ask(services, "Gir videreutdanninga studiepoeng?").answer.startswith(texts.LEAD_YES)


def test_the_words_that_name_a_scheme_are_not_what_a_cleft_asks() -> None:
    cleft = read_cleft("Er det Statsforvalteren som fordeler midlene i den desentraliserte ordningen?")
    assert cleft is not None
    assert "desentraliserte" not in what_is_asked(cleft)
    verb = read_cleft("Er det Udir som forvalter tilskuddsordningen for yrkesfag?")
    assert verb is not None
    assert "forvalter" in what_is_asked(verb)  # a verb before a compound scheme word stays


def test_the_phrase_that_says_in_which_scheme_is_not_what_a_cleft_asks() -> None:
    cleft = read_cleft("Er det Udir som deler ut pengene i den lokale ordningen for barnehager og skoler?")
    assert cleft is not None
    assert what_is_asked(cleft) == ["deler", "pengene"]
    under = read_cleft("Er det kommunen som godkjenner planen innenfor ordninga for yrkesfag?")
    assert under is not None
    assert what_is_asked(under) == ["godkjenner", "planen"]


@pytest.mark.parametrize(
    "question",
    [
        "Er det Utdanningsdirektoratet som betaler ut pengene til kommunene i den lokale ordningen for "
        "barnehage og grunnskole?",
        "Er det Udir som utbetaler midlene i den lokale ordninga for barnehage og skule?",
    ],
)
def test_another_body_that_pays_in_a_scheme_named_in_full_is_no(services: Services, question: str) -> None:
    answer = ask(services, question)
    assert answer.answer.startswith(("Nei.", "Nei,")), answer.answer
    assert "sekretariatsansvar" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Må tiltakene i Dekom planlegges sammen med arbeidslivet?",
        "Skal tiltakene i den desentraliserte ordningen gjennomføres i samarbeid med arbeidslivet?",
    ],
)
def test_a_deed_asked_to_be_done_with_a_body_no_sentence_names_is_no_yes(
    services: Services, question: str
) -> None:
    # the partnership with UH is what the sources say of Dekom; working with arbeidslivet is yrkesfag's
    answer = ask(services, question)
    assert not answer.answer.startswith("Ja."), answer.answer


@pytest.mark.parametrize(
    ("question", "where"),
    [
        ("Melder barnehageeierne behov direkte til Udir?", "til statsforvalteren"),
        ("Melder kommunene behovene til fylkeskommunen?", "til statsforvalteren"),
        ("Rapporterer fylkeskommunene til Statsforvalteren?", "til Utdanningsdirektoratet"),
    ],
)
def test_a_body_asked_whether_it_sends_to_another_body_than_the_sources_say_is_no(
    services: Services, question: str, where: str
) -> None:
    # the question opens with the verb and names who sends ("Melder X …"): it is asked where X sends it
    answer = ask(services, question)
    assert answer.answer.startswith("Nei."), answer.answer
    assert where in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Er det Udir som utbetaler midlene i Rekom?",
        "Er det Udir som utbetaler pengene i rekom?",
        "Er det fylkeskommunen som utbetaler midlene i Rekom?",
    ],
)
def test_another_body_that_pays_in_a_scheme_named_short_is_no(services: Services, question: str) -> None:
    # «… blir innført som en del av tilskuddsordningen» says nothing of paying: the «del» of the glossary's
    # «deler ut» is no synonym of "utbetaler" by itself
    answer = ask(services, question)
    assert answer.answer.startswith("Nei."), answer.answer
    assert "sekretariatsansvar" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Vi sitter i fylkeskommunen. Er det Statsforvalteren som overfører yrkesfagmidlene til oss?",
        "Er det Statsforvalteren som overfører pengene til fylkeskommunen i yrkesfagordningen?",
    ],
)
def test_money_transferred_is_money_paid_out(services: Services, question: str) -> None:
    answer = ask(services, question)
    assert answer.answer.startswith(("Nei.", "Nei,")), answer.answer
    assert "årlige tilskuddsbrev" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Er det Udir som prioriterer tiltakene i regional ordning?",
        "Er det statsforvaltaren som prioriterer tiltaka i den regionale ordninga?",
    ],
)
def test_another_body_that_prioritises_in_a_named_scheme_is_no(services: Services, question: str) -> None:
    answer = ask(services, question)
    assert answer.answer.startswith(("Nei.", "Nei,")), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Kan bare skoler bruke kompetansepakken for programmering?",
        "Er kompetansepakkene kun for lærere?",
    ],
)
def test_open_to_all_is_no_to_only_some(services: Services, question: str) -> None:
    assert ask(services, question).answer.startswith("Nei."), question


def test_a_list_that_goes_on_is_no_to_only_its_first_item(services: Services) -> None:
    answer = ask(
        services, "Gjeld tilskotsordninga for fag- og yrkesopplæring berre lærarar i vidaregåande skule?"
    )
    assert answer.answer.startswith("Nei."), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Er Kompetanseløftet en egen ordning utenfor tilskuddsordningen?",
        "Er kompetanseløftet ei sjølvstendig ordning utanfor tilskotsordninga?",
        "Er det slutt på partnerskap som hovedmodell?",
    ],
)
def test_the_contrary_of_what_is_asked_is_no(services: Services, question: str) -> None:
    assert ask(services, question).answer.startswith("Nei."), question


def test_the_contrary_is_no_no_to_what_the_sources_say(services: Services) -> None:
    assert ask(services, "Er Kompetanseløftet en del av tilskuddsordningen?").answer.startswith(
        texts.LEAD_YES
    )
    rules = rule_file(PlanRules)
    assert not any(
        r.holds("Har kommunen en egen plan?", "Planen er en del av arbeidet.") for r in rules.contrary
    )


@pytest.mark.parametrize(
    ("asking", "expected"),
    [
        ("Er det rektorene som analyserer behovet?", True),  # another than the one named
        ("Er det skoleeierne selv som analyserer behovet?", False),  # the one named
        ("Er det rektorene som betaler ut midlene?", False),  # says nothing of paying
    ],
)
def test_a_sentence_that_names_who_does_it(services: Services, asking: str, expected: bool) -> None:
    said = "Det er barnehage- og skoleeiere som analyserer kompetansebehovet og melder behov."
    index = services.retriever.lexical
    assert _other_said_to_do_it(index, rule_file(PlanRules), asking, said) is expected


def test_others_said_to_do_it_is_no(services: Services) -> None:
    answer = ask(services, "Er det de ansatte som analyserer kompetansebehovet?")
    assert answer.answer.startswith("Nei."), answer.answer


@pytest.mark.parametrize(
    ("asking", "text", "expected"),
    [
        ("Varer tilbudet i fire år?", "Tilbudet gis for en periode på 3 år.", True),
        ("Varer tilbudet i tre år?", "Tilbudet gis for en periode på 3 år.", False),
        ("Varer tilbudet i mer enn to år?", "Tilbudet gis for en periode på 3 år.", False),  # compares
        ("Ble ordningen innført i 2020?", "I 2021 ble ordningen innført.", True),
        ("Kan vi melde behov for 2027?", "Nå kan du melde behov for 2023.", False),  # asks what may be
        ("Fikk fylket 30 mill. til barnehage?", "11 mill. barnehage, 17 mill. skole = 28 mill", True),
        ("Varer tilbudet i fire år?", "Tilbudet har fem moduler.", False),  # counts something else
    ],
)
def test_another_number_of_the_same(asking: str, text: str, expected: bool) -> None:
    assert _other_number(rule_file(PlanRules), asking, text) is expected


def test_another_number_of_years_is_no(services: Services) -> None:
    assert ask(services, "Varer oppfølgingsordningen i to år?").answer.startswith("Nei.")
    assert ask(services, "Varer oppfølgingsordningen i tre år?").answer.startswith(texts.LEAD_YES)


@pytest.mark.parametrize(
    "question",
    [
        "Kan midlene benyttes til å planlegge tiltak?",
        "Kan tilskuddet nyttes til å gjennomføre kompetansetiltak?",
    ],
)
def test_a_verb_read_as_another_says_yes_by_it(services: Services, question: str) -> None:
    """ "benyttes", "nyttes" are said «brukes»: «Midlene kan brukes til å vurdere, planlegge og …»."""
    assert ask(services, question).answer.startswith(texts.LEAD_YES), question


SCHEMES = Unit(
    1,
    0,
    "Ordningen omfatter:",
    [
        "Regional ordning for kompetanseutvikling i barnehage",
        "Desentralisert ordning for grunnskoler og videregående skoler",
        "Kompetanseløftet for spesialpedagogikk",
    ],
)
FACTS = Unit(1, 0, "Midler 2026:", ["11 mill. barnehage, 17 mill. skole", "Behovsmeldinger: 24 605 520,-"])


@pytest.mark.parametrize(
    ("asking", "unit", "expected"),
    [
        ("Gjelder den regionale ordningen for grunnskoler?", SCHEMES, True),
        ("Er desentralisert ordning for barnehagene?", SCHEMES, True),
        ("Er regional ordning for barnehagene?", SCHEMES, False),  # one item says it all
        ("Er regional og desentralisert ordning for barnehager?", SCHEMES, False),  # asks of two
        ("Har fylket fått behovsmeldinger fra barnehager?", FACTS, False),  # unlike items
    ],
)
def test_what_is_asked_split_over_two_alike_items(
    services: Services, asking: str, unit: Unit, expected: bool
) -> None:
    assert _split_over_items(services.retriever.lexical, asking, unit) is expected


@pytest.mark.parametrize(
    ("asking", "text", "expected"),
    [
        ("Gjelder tilbudet alle kommuner?", "Kommuner som har svake resultater, får tilbud.", True),
        ("Gjeld tilbodet alle kommunane?", "Kommuner som har svake resultater, får tilbud.", True),
        (
            "Gjelder tilbudet alle kommuner?",
            "Alle kommuner som ønsker det, får tilbud.",
            False,
        ),  # says «alle»
        ("Må alle ansatte være med?", "De ansatte i skolene skal involveres.", False),  # narrows to none
        ("Gjelder tilbudet kommuner?", "Kommuner som har svake resultater, får tilbud.", False),  # no «alle»
    ],
)
def test_a_clause_that_narrows_a_group_asked_of_all(asking: str, text: str, expected: bool) -> None:
    assert _restricts_all(asking, text) is expected


def test_a_body_asked_about_is_read_whole_from_a_hyphened_or_shared_compound() -> None:
    assert asked_subject("Kan barnehage-eiere få vikarmidler?") == ("barnehageeier",)
    assert set(asked_subject("Kan barnehage- og skoleeiere søke?")) == {"barnehageeier", "skoleeier"}


def test_a_sentence_whose_subject_is_only_another_owner_is_a_no() -> None:
    asked = asked_subject("Får barnehageeierne stipendmidler?")
    other = "Gjennom KFK kan skoleeier søke om vikar- eller stipendmidler for sine lærere."
    assert subject_excludes(asked, "", other, pronoun_led=False)
    # both owners, a kommune (which owns both), or no body at all: no such no
    assert not subject_excludes(asked, "", "Barnehage- og skoleeiere kan søke om midler.", pronoun_led=False)
    assert not subject_excludes(asked, "", "Kommuner kan søke om midler.", pronoun_led=False)
    assert not subject_excludes(asked, "", "Midlene kan brukes til stipend.", pronoun_led=False)
    assert not subject_excludes(asked_subject("Kan skoleeierne søke?"), "", other, pronoun_led=False)


@pytest.mark.parametrize(
    "question",
    [
        "Kan barnehage-eiere søke om vikarmidler når lærerne tar videreutdanning?",
        "Får barnehageeierne stipendmidler når lærerne deres tar videreutdanning?",
        "Kan barnehageeiere søke om vikarmidler?",
        "Kan en barnehageeier få vikarmidler til videreutdanning?",
    ],
)
def test_what_skoleeiere_may_apply_for_is_a_no_to_barnehageeiere(services: Services, question: str) -> None:
    # «… kan skoleeier søke om vikar- eller stipendmidler …», «Skoleeiere kan søke om utdanningsstipend …»
    answer = ask(services, question).answer
    assert answer.startswith(texts.YES_NO_LEADS["nei"]), answer


@pytest.mark.parametrize(
    "question",
    [
        "Hører Kompetanseløftet for spesialpedagogikk og inkluderende praksis inn under tilskuddsordningen "
        "for fag- og yrkesopplæring?",
        "Er Kompetanseløftet en del av yrkesfagordningen?",
        "Er kompetanseløftet ein del av ordninga for fag- og yrkesopplæring?",
    ],
)
def test_a_part_of_another_umbrella_scheme_is_no(services: Services, question: str) -> None:
    answer = ask(services, question)
    assert answer.answer.startswith("Nei."), answer.answer
    assert "lokal kompetanseutvikling" in answer.answer
    assert answer.citations


@pytest.mark.parametrize(
    "question",
    [
        "Er det KS som leder sekretariatet for samarbeidsforum i barnehage- og skoleordningen?",
        "Er det KS som har sekretariatsansvaret for samarbeidsforumet for barnehage og skole?",
        "Er det lærerorganisasjonene som betaler ut midlene i ordningen for barnehage og grunnopplæring?",
    ],
)
def test_a_member_of_the_forum_asked_as_the_one_who_does_it_is_no(services: Services, question: str) -> None:
    answer = ask(services, question)
    assert answer.answer.startswith("Nei."), answer.answer
    assert "Statsforvalteren har sekretariatsansvar" in answer.answer


@pytest.mark.parametrize(
    "question",
    ["Er kompetansepakkene nettbaserte?", "Er kompetansepakkane nettbaserte?"],
)
def test_a_sentence_that_says_what_is_asked_answers_before_the_one_that_goes_on(
    services: Services, question: str
) -> None:
    # «Kompetansepakker er nettbaserte tilbud …» answers; «De kan brukes sammen med …» after it does not
    assert ask(services, question).answer.startswith("Ja."), ask(services, question).answer


@pytest.mark.parametrize(
    "question", ["Dekker Kompetanseløftet tiltak for PPT?", "Dekkjer Kompetanseløftet tiltak på eiernivå?"]
)
def test_what_a_scheme_covers_is_read_as_what_it_includes(services: Services, question: str) -> None:
    answer = ask(services, question).answer
    assert answer.startswith("Ja."), answer


@pytest.mark.parametrize(
    "question",
    [
        "Er det Statsforvalteren som prioriterer tiltakene?",
        "Prioriterer Statsforvalteren behovsmeldingene?",
        "Skal Statsforvalteren prioritere tiltakene?",
        "Er det statsforvaltaren som prioriterer behovsmeldingane?",
    ],
)
def test_a_deed_done_in_another_body_is_no_yes_to_the_body_asked(services: Services, question: str) -> None:
    # «Statsforvalteren legger til rette for at behovsmeldingene skal kunne … prioriteres i samarbeidsforum»
    answer = ask(services, question).answer
    assert answer.startswith("Nei."), answer


def test_the_body_a_passive_deed_is_done_in_answers_no_only_when_it_is_another() -> None:
    from assistant.answer.extractive import _passive_doer

    class _Analyzer:
        @staticmethod
        def terms(text: str) -> list[str]:
            return [w.lower()[:8] for w in text.split()]

    class _Index:
        analyzer = _Analyzer()

    said = "Statsforvalteren legger til rette for at behovene kan prioriteres i samarbeidsforum."
    index: Any = _Index()
    cleft = read_cleft("Er det Statsforvalteren som prioriterer tiltakene?")
    assert _passive_doer(index, "Er det Statsforvalteren som prioriterer tiltakene?", cleft, said) is True
    forum = read_cleft("Er det samarbeidsforum som prioriterer tiltakene?")
    assert _passive_doer(index, "Er det samarbeidsforum som prioriterer tiltakene?", forum, said) is False
    active = "Det er samarbeidsforum som prioriterer tiltak."
    assert _passive_doer(index, "Er det Statsforvalteren som prioriterer tiltakene?", cleft, active) is None


@pytest.mark.parametrize(
    "question", ["Får vi pengene før tiltakene starter?", "Får vi midlane før tiltaka startar?"]
)
def test_whether_something_comes_before_is_said_yes_to_only_by_a_sentence_that_says_when(
    services: Services, question: str
) -> None:
    answer = ask(services, question).answer
    assert not answer.startswith("Ja."), answer


@pytest.mark.parametrize(
    "question",
    [
        "Er det skolene selv som melder behov til statsforvalteren?",
        "Er det barnehagene som melder behov til statsforvalteren?",
        "Er det skulane som melder behov til statsforvaltaren?",
    ],
)
def test_the_place_an_owner_runs_is_not_the_owner(services: Services, question: str) -> None:
    # «Det er barnehage- og skoleeiere som … melder behov …»: the owners of the schools, not the schools
    answer = ask(services, question).answer
    assert answer.startswith("Nei."), answer


def test_the_body_a_need_is_sent_to_is_not_another_doer(services: Services) -> None:
    # «Statsforvalteren legger til rette for …» is about the body the need is sent to: no «Nei» to the owners
    answer = ask(services, "Er det eierne som melder behov til statsforvalteren?").answer
    assert not answer.startswith("Nei."), answer
    other = ask(services, "Er det Udir som prioriterer tiltakene i samarbeidsforum?").answer
    assert other.startswith("Nei."), other


@pytest.mark.parametrize(
    "question",
    [
        "Kan vi som privat barnehageeier søke om vikarmidler til videreutdanning?",
        "Kan vi som barnehageeier søke om vikarmidler?",
        "Kan me som barnehageeigar søkje om vikarmidlar til vidareutdanning?",  # the nynorsk owner
    ],
)
def test_the_owner_we_are_is_the_subject_asked_about(services: Services, question: str) -> None:
    # «… kan skoleeier søke om vikar- eller stipendmidler»: said of another owner than "vi" are
    answer = ask(services, question).answer
    assert answer.startswith("Nei."), answer
    assert asked_subject(question) in (("barnehageeier",), ("barnehageeigar",))


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Skal KS være med i samarbeidsforumet for fag- og yrkesopplæring?", "Nei."),
        ("Skal PPT være representert i samarbeidsforumet for yrkesfag?", "Nei."),
        ("Skal lærerorganisasjonene være med i samarbeidsforumet for yrkesfag?", "Ja."),
        ("Skal KS være med i samarbeidsforum for barnehage og grunnopplæring?", "Ja."),
    ],
)
def test_a_party_left_out_of_those_who_must_be_in_a_forum_is_not_required(
    services: Services, question: str, lead: str
) -> None:
    # «Samarbeidsforumet skal inkludere og samarbeide med: …» names who must be in it, and KS is not there
    answer = ask(services, question).answer
    assert answer.startswith(lead), answer
    # whether it is in it at all, the list does not settle: others may be taken in
    assert not ask(services, "Er KS med i samarbeidsforumet for fag- og yrkesopplæring?").answer.startswith(
        "Nei."
    )


@pytest.mark.parametrize(
    "question",
    [
        "Jeg jobber i fylkeskommunen. Er det vi som administrerer Kompetanseløftet for de videregående "
        "skolene?",
        "Vi er en kommune i Nordland. Er det oss som prioriterer hvilke tiltak som får tilskudd i den "
        "regionale ordningen?",
        "Jeg jobber hos Statsforvalteren. Er det vi som koordinerer samarbeidsforumet for fag- og "
        "yrkesopplæring?",
    ],
)
def test_a_cleft_about_the_asker_is_no_when_the_sources_give_it_to_another_body(
    services: Services, question: str
) -> None:
    """The asker says which body it is in a sentence before the question («Jeg jobber i fylkeskommunen»)
    and asks «Er det vi som …?»: the sentence that gives the deed to another body answers «Nei»."""
    assert ask(services, question).answer.startswith("Nei."), question


@pytest.mark.parametrize(
    "question",
    [
        "Kan PPT være med på tiltak i Dekom?",
        "Gjelder den desentraliserte ordningen for prøvenemndsmedlemmer også?",
        "Kan instruktørane i lærebedrifta vere med i den regionale ordninga?",
    ],
)
def test_a_group_only_another_collective_scheme_names_is_no(services: Services, question: str) -> None:
    assert ask(services, question).answer.startswith(("Nei.", "Nei,")), question


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Er oppfølgingsordningen for kommuner som har gode resultater?", "Nei."),
        ("Får kommuner med sterke resultater tilbud gjennom oppfølgingsordningen?", "Nei."),
        ("Er oppfølgingsordningen for kommuner med svake resultater over tid?", "Ja."),
    ],
)
def test_good_results_asked_where_the_sources_say_weak_is_no(
    services: Services, question: str, lead: str
) -> None:
    assert ask(services, question).answer.startswith(lead), question


@pytest.mark.parametrize(
    "question",
    [
        "Kan lærerne søke om tilskudd fra Dekom?",
        "Eg er barnehagelærar. Kan eg søkje om pengar frå den regionale ordninga?",
        "Kan yrkesfaglærere søke om midler fra yrkesfagordningen selv?",
        "Kan PPT søke om midler fra Kompetanseløftet?",
    ],
)
def test_staff_asked_as_applying_for_a_collective_scheme_is_no_with_who_reports_the_needs(
    services: Services, question: str
) -> None:
    """The owners (or the schools) report the needs; whether the staff are in the target group follows."""
    answer = ask(services, question).answer
    assert answer.startswith("Nei."), answer
    assert "behov" in answer.split("\n")[0], answer


def test_the_owner_asked_as_applying_is_still_yes(services: Services) -> None:
    assert ask(services, "Kan kommunen søke om midler fra Dekom?").answer.startswith("Ja."), "owner"
