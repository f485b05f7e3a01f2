"""«Er det X som …?»: which body a question asks about, and whether a sentence's subject is another."""

from __future__ import annotations

import pytest

from assistant import texts
from assistant.answer.cleft import (
    actors_in,
    asked_subject,
    clauses,
    confirmed_which,
    confirms,
    done_by_other,
    named_alternative,
    names_asked,
    read_cleft,
    spelled_out,
    subject_bodies,
    subject_fits,
    takes_part,
    what_is_asked,
)
from assistant.answer.extractive import ExtractiveBackend
from assistant.service import Services, ask


def test_a_cleft_names_the_body_asked_about_and_what_it_is_asked_to_do() -> None:
    cleft = read_cleft("Ok, og er det oss hos Statsforvalteren som skal lede forumet?")
    assert cleft is not None
    assert cleft.actors == ("statsforvalter",)
    assert what_is_asked(cleft) == ["forumet"]


@pytest.mark.parametrize(
    ("question", "actor"),
    [
        ("Jeg jobber i fylkeskommunen. Er det vi som leder Kompetanseløftet?", "fylkeskommun"),
        ("Eg er tilsett i Udir. Er det oss som skal fordele pengane?", "udir"),
        ("Vi er en kommune i Agder. Kan vi bestemme selv hvilke tiltak som får midler?", "kommune"),
        ("Jeg jobber hos Statsforvalteren. Har vi ansvaret for å koordinere forumet?", "statsforvalter"),
    ],
)
def test_a_cleft_about_the_asker_is_about_the_body_the_asker_says_it_is(question: str, actor: str) -> None:
    cleft = read_cleft(question)
    assert cleft is not None and cleft.actors == (actor,)


def test_a_cleft_about_the_asker_names_no_body_when_the_question_names_none_or_two() -> None:
    assert read_cleft("Er det vi som skal lede forumet?") is None
    assert read_cleft("Vi er en kommune og jobber med Udir. Er det vi som skal lede forumet?") is None


def test_a_question_that_is_no_cleft_about_a_body_has_none() -> None:
    assert read_cleft("Er det lov å melde behov sammen?") is None
    assert read_cleft("Er det rektor som skal søke?") is None  # no body the documents act through
    assert read_cleft("Hvem er det som leder forumet?") is None


def test_another_body_as_subject_is_done_by_other() -> None:
    cleft = read_cleft("Er det Udir som fordeler midlene i fylket?")
    assert cleft is not None
    assert done_by_other(cleft, "Fylkeskommunene")
    assert not done_by_other(cleft, "Utdanningsdirektoratet og Udir")
    assert not done_by_other(cleft, "Vi utbetaler")  # names no body: nothing to say no from
    assert names_asked(cleft, "Udir har ansvaret for å forvalte tilskuddsordningen.")


def test_a_cleft_without_som_before_a_subject_is_read() -> None:
    cleft = read_cleft("Er det til fylkeskommunen vi melder inn behovene?")
    assert cleft is not None
    assert cleft.actors == ("fylkeskommun",)
    assert what_is_asked(cleft) == ["melder", "behovene"]


def test_a_part_that_only_asks_which_body_it_is_confirms_it() -> None:
    assert "kommune" in confirms("Er det kommunen?")
    assert confirms("Og er det Udir selv som styrer det?") == ("udir",)
    assert confirms("Er det fylkeskommunen, slik det var før?") == ("fylkeskommun",)
    # It asks something of its own, or about no body
    assert confirms("Er det Udir som skal godkjenne planen?") == ()
    assert confirms("Er det mulig å søke to ganger?") == ()


def test_a_part_that_asks_which_of_two_bodies_gets_the_one_the_answer_names() -> None:
    asked = "Er det fylkeskommunen eller Statsforvalteren?"
    assert confirmed_which(asked, "statsforvalter") == (True, "Statsforvalteren")
    assert confirmed_which("er det udir eller fylkeskommunen?", "fylkeskommunen") == (True, "fylkeskommunen")
    # neither of them, or both, settles no choice; one body asked about is no choice at all
    assert confirmed_which(asked, "udir") == (True, None)
    assert confirmed_which(asked, "statsforvalter fylkeskommunen") == (True, None)
    assert confirmed_which("Er det fylkeskommunen?", "fylkeskommunen") == (False, None)


def test_a_sentences_subject_is_its_cleft_or_its_opening_words() -> None:
    assert subject_bodies("Det er fylkeskommunen som har ansvaret for koordineringen.") == ("fylkeskommun",)
    assert subject_bodies("Statsforvalteren har sekretariatsansvar for samarbeidsforum.") == (
        "statsforvalter",
    )
    assert subject_bodies("Midlene kan brukes til tiltak som samarbeidsforum har prioritert.") == ()


def test_a_question_led_by_what_a_body_does_is_read_as_a_cleft() -> None:
    cleft = read_cleft("Utbetaler Statsforvalteren tilskuddet til fylkeskommunene?")
    assert cleft is not None
    assert cleft.actors == ("statsforvalter",)
    assert cleft.rest.lower().startswith("utbetaler tilskuddet")
    # a verb of validity or fit, or no body after the verb, asks something else
    assert read_cleft("Gjelder kommunen dette?") is None
    assert read_cleft("Dekker tilskuddet reiseutgifter?") is None


def test_a_scheme_name_is_where_it_is_asked_not_what() -> None:
    cleft = read_cleft("Er det Udir som fordeler midlene i yrkesfagordningen?")
    assert cleft is not None
    assert what_is_asked(cleft) == ["fordeler", "midlene"]


def test_a_sentence_of_two_clefts_has_two_clauses() -> None:
    text = "Det er Udir som forvalter ordningen og det er forumet som fordeler midlene."
    assert clauses(text) == ["Det er Udir som forvalter ordningen", "det er forumet som fordeler midlene."]
    assert clauses("Udir forvalter ordningen og fordeler midlene.") == [
        "Udir forvalter ordningen og fordeler midlene."
    ]


def test_a_shared_compound_tail_is_spelled_out() -> None:
    assert "Barnehageeiere" in spelled_out("Barnehage- og skoleeiere kan søke.")
    assert "barnehageeiere" in spelled_out("kan barnehage-eiere søke")


def test_yes_needs_the_body_asked_about_as_the_subject() -> None:
    asked = asked_subject("Kan barnehageeiere søke om vikarmidler?")
    assert asked == ("barnehageeier",)
    other = "For tilbud gjennom KFK og tilbud for yrkesfaglærere kan skoleeier søke om vikarmidler."
    assert not subject_fits(asked, "", other, pronoun_led=False)
    assert subject_fits(asked, "", "Et nettverk av eiere kan velge å søke sammen.", pronoun_led=False)
    assert subject_fits(asked, "", "Barnehage- og skoleeiere kan søke om tilskudd.", pronoun_led=False)
    assert subject_fits(asked, "", "Midlene kan brukes til å planlegge tiltak.", pronoun_led=False)  # no body
    in_passing = "Ordningen skal bidra til å støtte opp om barnehage- og skoleeieres ansvar."
    assert not subject_fits(asked_subject("Må eierne bidra med egne midler?"), "", in_passing, False)
    assert subject_fits(asked_subject("Kan kommunen søke?"), "", "Skoleeiere kan søke.", False)  # a kind
    assert asked_subject("Kan vi søke om midler?") == ()


def test_the_bodies_a_text_names_are_read_whole_from_a_shared_compound_tail() -> None:
    assert actors_in("Det er barnehage- og skoleeiere som analyserer") == {"barnehageeier", "skoleeier"}
    assert actors_in("Vi utbetaler midlene til fylkeskommunene") == {"fylkeskommun"}
    assert actors_in("Et nettverk kan velge å gå sammen.") == set()


def test_a_claim_that_a_body_does_something_is_read_as_a_cleft() -> None:
    cleft = read_cleft("Stemmer det at fylkeskommunen prioriterer tiltakene i Kompetanseløftet?")
    assert cleft is not None and cleft.actors == ("fylkeskommun",)
    assert "prioriterer" in cleft.rest
    said = read_cleft("Er det riktig at det er Udir som utbetaler pengene?")
    assert said is not None and said.actors == ("udir",)
    # what a body is or has is no deed: no cleft
    assert read_cleft("Stemmer det at fagskolelærere er en målgruppe?") is None


def test_whether_a_body_may_decide_is_read_as_a_cleft_said_no_only_by_a_cleft() -> None:
    cleft = read_cleft("Kan kommunen bestemme selv hvilke tiltak som får penger?")
    assert cleft is not None and "kommune" in cleft.actors and cleft.by_cleft_only
    assert "bestemme" in cleft.rest
    assert read_cleft("Kan kommunen melde behov?") is None  # doing beside others is no deciding
    asked = read_cleft("Er det kommunen som bestemmer hvilke tiltak som får penger?")
    assert asked is not None and not asked.by_cleft_only


def test_an_either_or_cleft_names_the_one_the_sentence_names() -> None:
    cleft = read_cleft("Er det statsforvalteren eller fylkeskommunen som har sekretariatet?")
    assert cleft is not None
    assert cleft.either == ("statsforvalteren", "fylkeskommunen")
    assert named_alternative(cleft, "Statsforvalteren har sekretariatsansvar") == "statsforvalteren"
    assert named_alternative(cleft, "Udir har ansvaret") is None
    one = read_cleft("Er det statsforvalteren som har sekretariatet?")
    assert one is not None
    assert one.either == ()


def test_an_either_or_question_is_answered_by_which_not_yes(services: Services) -> None:
    answer = ask(
        services,
        "Er det Udir eller statsforvalteren som forvalter tilskuddsordningen for fag- og yrkesopplæring?",
    )
    assert answer.answer.startswith(texts.LEAD_WHICH.format(body="Udir"))
    assert not answer.answer.startswith(texts.LEAD_YES)


def test_a_body_among_the_partners_of_a_collaboration_takes_part() -> None:
    planned = (
        "Tiltakene er planlagt og gjennomført i samarbeid mellom fylkeskommunen, arbeidslivet og andre "
        "tilbydere av kompetanseutvikling."
    )
    asked = asked_subject("Skal arbeidslivet være med å planlegge tiltakene?")
    assert takes_part("Skal arbeidslivet være med å planlegge tiltakene?")
    assert takes_part("Er arbeidslivet med på å planlegge tiltakene?")
    assert not takes_part("Skal arbeidslivet planlegge tiltakene?")
    assert subject_fits(asked, "", planned, pronoun_led=False, joins=True)
    assert not subject_fits(asked, "", planned, pronoun_led=False, joins=False)
    # a body not among the partners does not take part
    other = asked_subject("Skal statsforvalteren være med å planlegge tiltakene?")
    assert not subject_fits(other, "", planned, pronoun_led=False, joins=True)


def test_a_body_named_among_partners_is_said_yes_to_taking_part(services: Services) -> None:
    answer = ask(services, "Er arbeidslivet med på å planlegge tiltakene i yrkesfag?")
    assert answer.answer.startswith(texts.LEAD_YES)
    assert "i samarbeid mellom fylkeskommunen, arbeidslivet" in answer.answer
    other = ask(services, "Er statsforvalteren med på å planlegge tiltakene i yrkesfag?")
    assert not other.answer.startswith(texts.LEAD_YES)


def test_a_kind_of_the_body_asked_is_no_other_body() -> None:
    eiere = read_cleft("Er det eierne som melder behov?")
    assert eiere is not None
    assert not done_by_other(eiere, "Det er barnehage- og skoleeiere")
    kommunen = read_cleft("Er det kommunen som melder behov?")
    assert kommunen is not None
    assert not done_by_other(kommunen, "Det er barnehage- og skoleeiere")
    assert done_by_other(kommunen, "Det er samarbeidsforum i fylkene")
    either = read_cleft("Er det eierne eller statsforvalteren som melder behov?")
    assert either is not None
    assert named_alternative(either, "Det er barnehage- og skoleeiere") == "eierne"


def test_an_either_or_question_about_a_kind_is_not_answered_no(services: Services) -> None:
    answer = ask(services, "Er det eierne eller statsforvalteren som melder behov for kompetanseutvikling?")
    assert answer.answer.startswith(texts.LEAD_WHICH.format(body="Eierne"))


def test_a_forum_named_by_another_scheme_than_the_one_asked_about_is_another_body() -> None:
    """The same kind of body, each scheme's own: how the question names it tells them apart."""
    cleft = read_cleft("Er det samarbeidsforumet i ordning A som fordeler pengene til skolene?")
    assert cleft is not None and cleft.phrase == "samarbeidsforumet i ordning A"
    named = {"ordning A": ["a"], "ordning B": ["b"]}
    backend = ExtractiveBackend(
        lambda: None,  # type: ignore[arg-type, return-value]
        names_schemes=lambda text: [i for name, ids in named.items() if name in text for i in ids],
    )
    assert backend._of_other_scheme(cleft, "samarbeidsforum for ordning B")
    assert not backend._of_other_scheme(cleft, "samarbeidsforum i ordning A")
    assert not backend._of_other_scheme(cleft, "samarbeidsforum i fylkene")  # names no scheme: can't tell


def test_whether_a_body_has_a_duty_is_read_as_a_cleft() -> None:
    cleft = read_cleft("Har Udir ansvaret for å koordinere samarbeidsforumet?")
    assert cleft is not None and cleft.actors == ("udir",)
    assert cleft.rest == "skal koordinere samarbeidsforumet"  # the deed, as "Er det Udir som skal …?"
    noun = read_cleft("Har fylkeskommunen sekretariatsansvaret for forumet?")
    assert noun is not None and "sekretariatsansvaret" in noun.rest
    # a right or a permission is no duty
    assert read_cleft("Har kommunen lov til å melde behov?") is None
    assert read_cleft("Har vi krav på midler?") is None


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Har Statsforvalteren ansvaret for å forvalte tilskuddsordningen for yrkesopplæring?", "Nei."),
        ("Har Statsforvaltaren ansvar for å koordinere samarbeidsforumet i yrkesfag?", "Nei."),
        ("Har skoleeierne ansvaret for å utbetale midlene etter beslutning i samarbeidsforum?", "Nei."),
        ("Har Udir ansvaret for å forvalte tilskuddsordningen for fag- og yrkesopplæring?", "Ja."),
        ("Har fylkeskommunen ansvaret for å etablere samarbeidsforum i fag- og yrkesopplæringen?", "Ja."),
        ("Har Statsforvalteren sekretariatsansvar for samarbeidsforum?", "Ja."),
    ],
)
def test_a_duty_given_to_another_body_is_answered_no(services: Services, question: str, lead: str) -> None:
    answer = ask(services, question).answer
    assert answer.startswith(lead), answer


def test_whether_another_body_decides_is_answered_no(services: Services) -> None:
    # «Det er samarbeidsforum i fylkene som prioriterer hvilke tiltak tilskuddet skal fordeles til.»
    answer = ask(services, "Avgjør Statsforvalteren hvilke tiltak tilskuddet skal fordeles til?").answer
    assert answer.startswith("Nei."), answer
    assert read_cleft("Avgjør Udir hvilke tiltak som får midler?") is not None


def test_a_nynorsk_owner_asked_is_the_bokmal_owner_named() -> None:
    cleft = read_cleft("Er det barnehageeigarane som melder behov?")
    assert cleft is not None and cleft.actors == ("barnehageeigar",)
    assert names_asked(cleft, "Det er barnehageeiere som melder behov.")
    assert not names_asked(cleft, "Statsforvalteren legger til rette for …")
