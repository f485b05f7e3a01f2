"""Follow-up resolution: elliptic and pronoun follow-ups get the earlier topic, standalone ones stay as
they are, and retrieval finds what a follow-up asks for only once it is resolved."""

from __future__ import annotations

import pytest
import yaml

from assistant import evaluation
from assistant.config import PROJECT_ROOT
from assistant.conversation import points_back, resolve_follow_up
from assistant.schemes.matching import listed_group
from assistant.service import Services, ask_with_history

QUESTIONS = evaluation.load_questions(PROJECT_ROOT / "eval" / "questions.yaml")
HISTORIES = {
    str(q["id"]): [str(h) for h in q.get("history", [])]
    for q in yaml.safe_load((PROJECT_ROOT / "eval" / "questions.yaml").read_text("utf-8"))
}
FOLLOW_UPS = [q for q in QUESTIONS if q.category == "oppfolging"]
STANDALONE = [q.question for q in QUESTIONS if q.category != "oppfolging"]

FAG_OG_YRKE = "Hvem er målgruppen for tilskuddsordningen for fag- og yrkesopplæringen?"


def test_a_first_question_is_returned_as_it_is() -> None:
    assert resolve_follow_up("Gjelder det også fagskolelærere?", []) == "Gjelder det også fagskolelærere?"
    assert resolve_follow_up("  ", [FAG_OG_YRKE]) == "  "


@pytest.mark.parametrize(
    "question",
    [
        "Hva er Rekom?",
        "Hvem har sekretariatsansvar for samarbeidsforum i Oslo og Viken?",
        "Hvor mye penger er det satt av til Rekom i 2025?",
        "Finnes det også midler til PPT?",
        "Er det mulig å søke om vikarmidler for lærere som tar videreutdanning?",
        "Kan PPT delta i Kompetanseløftet?",
        "Hva er kompetanseutvikling?",
        "Takk!",
    ],
)
def test_a_question_that_names_its_own_topic_is_unchanged(question: str) -> None:
    assert resolve_follow_up(question, [FAG_OG_YRKE]) == question


@pytest.mark.parametrize(
    "question",
    [
        "Er det fylkeskommunen?",
        "Og er det Udir, sånn som i den andre ordningen?",
        "Er det Udir slik som før?",
    ],
)
def test_a_cleft_without_what_is_asked_takes_it_from_the_who_question_before(question: str) -> None:
    """ "Er det Udir?" after "Hvem fordeler midlene …?" asks whether Udir fordeler midlene …; what follows
    a comma or "slik som" compares and asks nothing."""
    before = "Hvem er det som fordeler midlene i den regionale ordningen?"
    body = "fylkeskommunen" if "fylkeskommunen" in question else "Udir"
    expected = f"Er det {body} som fordeler midlene i den regionale ordningen?"
    assert resolve_follow_up(question, [before]) == expected
    # Not after another kind of question, and not without a body
    assert resolve_follow_up(question, ["Hva kan midlene brukes til?"]) != expected
    assert "som fordeler" not in resolve_follow_up("Er det lov?", [before])


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (
            "Hvor mange skoler i Salten er med i nettverket?",
            "Hvilke er det?",
            "Hvilke skoler i Salten er med i nettverket?",
        ),
        ("Kor mange kommunar har meldt behov?", "Kven er dei?", "Kva for kommunar har meldt behov?"),
    ],
)
def test_which_are_they_after_how_many_asks_which_of_those_counted(
    previous: str, question: str, expected: str
) -> None:
    """Not "Hvilke er Salten?": the place is where they are counted, not what is asked about."""
    assert resolve_follow_up(question, [previous]) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (
            "Når er workshopene i Nordland våren 2026?",
            "Hvor er de?",
            "Hvor er workshopene i Nordland våren 2026?",
        ),
        ("Hvilke samarbeidsforum finnes?", "Hvem leder de?", "Hvem leder samarbeidsforum?"),
        (
            "Når er workshopane i Nordland våren 2026?",
            "Kor er dei?",
            "Kor er workshopane i Nordland våren 2026?",
        ),
    ],
)
def test_the_bokmal_de_points_back_as_the_nynorsk_dei_does(
    previous: str, question: str, expected: str
) -> None:
    """ "Hvor er de?" is about the workshops just asked after, not a question of its own."""
    assert resolve_follow_up(question, [previous]) == expected
    # As a determiner before its noun it points nowhere.
    assert resolve_follow_up("Hva er de fem modulene?", [previous]) == "Hva er de fem modulene?"


def test_the_det_of_a_cleft_points_nowhere() -> None:
    """ "Hvem er det … som fordeler pengene?" asks who does it; "det" is no pronoun for the topic."""
    question = "Hvem er det til slutt som fordeler pengene?"
    assert resolve_follow_up(question, [FAG_OG_YRKE]) == question
    # Without "som" after it, "det" still points back.
    expected = "Hvem er tilskuddsordningen for fag- og yrkesopplæringen for?"
    assert resolve_follow_up("Hvem er det for?", [FAG_OG_YRKE]) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (
            FAG_OG_YRKE,
            "Gjelder det også fagskolelærere?",
            "Gjelder tilskuddsordningen for fag- og yrkesopplæringen også fagskolelærere?",
        ),
        (
            "Hva er videreutdanning?",
            "Hvem skal legge til rette for den?",
            "Hvem skal legge til rette for videreutdanning?",
        ),
        (
            "Hva er hospiteringsordningen?",
            "Hva er fristen for den?",
            "Hva er fristen for hospiteringsordningen?",
        ),
        (
            "Hva er Yrkesfaglærer 2-ordningen?",
            "Hvor søker man om det?",
            "Hvor søker man om Yrkesfaglærer 2-ordningen?",
        ),
        (
            "Hva er kompetansepakken for opplæring i bedrift?",
            "Når skal den være ferdig?",
            "Når skal kompetansepakken for opplæring i bedrift være ferdig?",
        ),
        (
            FAG_OG_YRKE,
            "Hvor mange penger er det i den?",
            "Hvor mange penger er det i tilskuddsordningen for fag- og yrkesopplæringen?",
        ),
        (
            "Hva er oppfølgingsordningen?",
            "Hvor lenge får skoleeierne støtte gjennom ordningen?",
            "Hvor lenge får skoleeierne støtte gjennom oppfølgingsordningen?",
        ),
        (
            FAG_OG_YRKE,
            "Hvem forvalter ordningen?",
            "Hvem forvalter tilskuddsordningen for fag- og yrkesopplæringen?",
        ),
        # «ordningen» is the scheme the topic names, not the criteria asked about in it
        (
            "Hva er de to sentrale kriteriene i yrkesfagordningen?",
            "Hvem forvalter ordningen?",
            "Hvem forvalter yrkesfagordningen?",
        ),
        (
            "Hvem sitter i samarbeidsforum for fag- og yrkesopplæringen?",
            "Kan Statsforvalteren delta der?",
            "Kan Statsforvalteren delta i samarbeidsforum for fag- og yrkesopplæringen?",
        ),
        # The topic is in the sentence that asks, not in what the asker says about themselves first.
        (
            "Jeg er rektor i en kommune. Hvem fordeler midlene til etterutdanning i yrkesfag?",
            "Når skjer det?",
            "Hvem fordeler midlene til etterutdanning i yrkesfag – når skjer det?",
        ),
        (
            "Hva betyr kollektiv kompetanseutvikling?",
            "Hvem betaler den?",
            "Hvem betaler kollektiv kompetanseutvikling?",
        ),
        # the subject right after the verb of a question («Når blir den …?»)
        (
            "Hva er kompetansepakken for opplæring i bedrift?",
            "Når blir den ferdig?",
            "Når blir kompetansepakken for opplæring i bedrift ferdig?",
        ),
        # what the question says of its subject («ferdig») is not part of the topic
        (
            "Når blir kompetansepakken for opplæring i bedrift ferdig?",
            "Hvem er den for?",
            "Hvem er kompetansepakken for opplæring i bedrift for?",
        ),
        # what «finnes det» asks to exist is the topic, with its phrase, though it is indefinite
        (
            "Finnes det stipend til personer uten lærerutdanning?",
            "Kan private skoler søke om det?",
            "Kan private skoler søke om stipend til personer uten lærerutdanning?",
        ),
    ],
)
def test_a_pronoun_is_replaced_by_the_previous_topic(previous: str, question: str, expected: str) -> None:
    assert resolve_follow_up(question, [previous]) == expected


def test_a_demonstrative_before_any_definite_noun_points_back_to_what_was_asked_about() -> None:
    """«disse kursene» is no noun the lists know as pointing back, but «disse» before it says it does."""
    previous = ["Når holder fylkeskommunen fagdager om vurdering i Troms?"]
    resolved = resolve_follow_up("Hvem er invitert til disse kursene?", previous)
    assert resolved.startswith("Hvem er invitert til kursene i ") and "Troms" in resolved, resolved
    # without the demonstrative the noun is a topic of its own
    assert resolve_follow_up("Hvem er invitert til kursene?", previous) == "Hvem er invitert til kursene?"


def test_the_forum_a_question_was_about_is_what_it_points_back_to(services: Services) -> None:
    """After "Hvem koordinerer samarbeidsforum i <ordningen>?", "det" is the forum (its noun kept however it
    is inflected), and "forumet" is that forum, not "forumet i samarbeidsforum i …"."""
    lexical = services.retriever.lexical
    previous = ["Hvem koordinerer samarbeidsforum i yrkesfagordningen?"]
    assert resolve_follow_up("Kan Statsforvalteren være med i det?", previous, lexical) == (
        "Kan Statsforvalteren være med i samarbeidsforum i yrkesfagordningen?"
    )
    assert resolve_follow_up("Og hvem skal forumet samarbeide med?", previous, lexical) == (
        "Hvem skal samarbeidsforum i yrkesfagordningen samarbeide med?"
    )


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        # A verb's particle ends no topic: «går … ut på» is about Kompetanseløftet.
        (
            "Hva går Kompetanseløftet for spesialpedagogikk ut på?",
            "Hvem prioriterer tiltakene der?",
            "Hvem prioriterer tiltakene i Kompetanseløftet for spesialpedagogikk?",
        ),
        # "Hva sier X om Y?" is about Y.
        (
            "Hva står det i retningslinjene for yrkesfag om en langsiktig plan?",
            "Hva skal den inneholde?",
            "Hva skal en langsiktig plan inneholde?",
        ),
    ],
)
def test_the_topic_is_what_the_previous_question_is_about(
    services: Services, previous: str, question: str, expected: str
) -> None:
    assert resolve_follow_up(question, [previous], services.retriever.lexical) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        ("Hva er rekrutteringsstipend?", "Hvem kan søke?", "Hvem kan søke om rekrutteringsstipend?"),
        ("Hva er rekrutteringsstipend?", "Hva er fristen?", "Hva er fristen for rekrutteringsstipend?"),
        (
            "Hva er rekrutteringsstipend?",
            "Og hvordan søker man?",
            "Hvordan søker man om rekrutteringsstipend?",
        ),
        ("Kva er hospiteringsordninga?", "Kven kan delta?", "Kven kan delta i hospiteringsordninga?"),
    ],
)
def test_a_question_that_only_asks_gets_the_topic_attached(
    previous: str, question: str, expected: str
) -> None:
    assert resolve_follow_up(question, [previous]) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (
            "Hvem kan søke om vikarmidler for lærere i skolen?",
            "Og hva med barnehage?",
            "Hvem kan søke om vikarmidler for lærere i barnehage?",
        ),
        (
            "Kan kommunen melde behov for midler til kompetanseutvikling?",
            "Og for private skoleeiere?",
            "Kan private skoleeiere melde behov for midler til kompetanseutvikling?",
        ),
        (
            "Hvem prioriterer tiltak i samarbeidsforum i Oslo og Viken?",
            "Og i Nordland?",
            "Hvem prioriterer tiltak i samarbeidsforum i Nordland?",
        ),
        ("Hvor mye fikk Rekom i Nordland i 2025?", "Og i 2026?", "Hvor mye fikk Rekom i Nordland i 2026?"),
        (
            "Hvem er målgruppen for regional ordning?",
            "Og hva med Kompetanseløftet?",
            "Hvem er målgruppen for Kompetanseløftet?",
        ),
        (
            FAG_OG_YRKE,
            "Og hva med fagskolelærere?",
            f"{FAG_OG_YRKE[:-1]} – og hva med fagskolelærere?",
        ),
    ],
)
def test_an_elliptic_follow_up_is_put_into_the_previous_question(
    previous: str, question: str, expected: str
) -> None:
    assert resolve_follow_up(question, [previous]) == expected


def test_a_group_the_word_lists_know_takes_the_place_of_the_one_group_asked_about() -> None:
    previous = ["Kan PPT være med i Kompetanseløftet?"]
    resolved = resolve_follow_up("Hva med helsesykepleiere?", previous, people=listed_group)
    assert resolved == "Kan helsesykepleiere være med i Kompetanseløftet?"
    # without the word lists, the follow-up is only added to the question before
    assert resolve_follow_up("Hva med helsesykepleiere?", previous) == (
        "Kan PPT være med i Kompetanseløftet – hva med helsesykepleiere?"
    )


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (
            "Kven er målgruppa for tilskotsordninga for fag- og yrkesopplæringa?",
            "Gjeld det òg fagskulelærarar?",
            "Gjeld tilskotsordninga for fag- og yrkesopplæringa òg fagskulelærarar?",
        ),
        ("Kva er hospiteringsordninga?", "Kven kan søkje om ho?", "Kven kan søkje om hospiteringsordninga?"),
        (
            "Kva er hospiteringsordninga?",
            "Kva er målet med ordninga?",
            "Kva er målet med hospiteringsordninga?",
        ),
        (
            "Kven kan søkje om vikarmidlar for lærarar i skulen?",
            "Kva med barnehagane, då?",
            "Kven kan søkje om vikarmidlar for lærarar i barnehagane?",
        ),
    ],
)
def test_nynorsk_follow_ups_are_resolved(previous: str, question: str, expected: str) -> None:
    assert resolve_follow_up(question, [previous]) == expected


def test_the_topic_comes_from_the_latest_question_that_has_one(services: Services) -> None:
    previous = ["Hva er Rekom?", "Hva er rekrutteringsstipend?", "Takk"]  # the corpus never says "takk"
    resolved = resolve_follow_up("Hva er fristen?", previous, services.retriever.lexical)
    assert resolved == "Hva er fristen for rekrutteringsstipend?"


def test_the_index_knows_scheme_names_abbreviations_and_compounds(services: Services) -> None:
    lexical = services.retriever.lexical
    assert (
        resolve_follow_up("Kva med Kpl?", ["Kor mykje fekk Rekom i Nordland i 2025?"], lexical)
        == "Kor mykje fekk Kpl i Nordland i 2025?"
    )
    assert (
        resolve_follow_up("Hva med rekrutteringsstipend?", ["Hvem kan få utdanningsstipend?"], lexical)
        == "Hvem kan få rekrutteringsstipend?"
    )
    assert (
        resolve_follow_up("Kva med desentralisert ordning?", ["Kva er regional ordning?"], lexical)
        == "Kva er desentralisert ordning?"
    )
    assert resolve_follow_up("Kan private skoler også søke?", ["Hva er rekrutteringsstipend?"], lexical) == (
        "Kan private skoler også søke om rekrutteringsstipend?"
    )


def test_no_standalone_eval_question_is_rewritten(services: Services) -> None:
    lexical = services.retriever.lexical
    for shift in (1, 7):
        for i, question in enumerate(STANDALONE):
            assert resolve_follow_up(question, [STANDALONE[i - shift]], lexical) == question


@pytest.mark.parametrize("q", FOLLOW_UPS, ids=lambda q: q.id)
def test_a_resolved_follow_up_retrieves_its_gold_passage(services: Services, q: evaluation.Question) -> None:
    resolved = resolve_follow_up(q.question, HISTORIES[q.id], services.retriever.lexical)
    if q.answerable:
        assert evaluation.gold_rank(services.retriever.search(resolved, 5), q.gold) is not None, resolved


@pytest.mark.parametrize(
    ("previous", "question", "gold"),
    [
        (
            "Hva er Yrkesfaglærer 2-ordningen?",
            "Hva skal midlene i den gå til?",
            "hente fagkompetansen fra arbeidslivet inn i skolen",
        ),
        (
            "Hvor mange behovsmeldinger kom det for barnehage i Nordland i 2026?",
            "Og for skole?",
            "Skole - 22 behovsmeldinger",
        ),
        (
            "Hva kan skoleeiere søke om når lærere i skolen tar videreutdanning?",
            "Og hva med barnehage?",
            "kan barnehage-eiere søke om tilretteleggingsmidler",
        ),
    ],
)
def test_retrieval_needs_the_resolved_follow_up(
    services: Services, previous: str, question: str, gold: str
) -> None:
    resolved = resolve_follow_up(question, [previous], services.retriever.lexical)
    assert evaluation.gold_rank(services.retriever.search(question, 5), (gold,)) is None
    assert evaluation.gold_rank(services.retriever.search(resolved, 5), (gold,)) is not None


@pytest.mark.parametrize(
    ("question", "leans"),
    [
        ("Hvem leder det forumet?", True),
        ("Når er fristen?", True),
        ("Hva koster den?", True),
        ("Hvem leder samarbeidsforumet i Nordland?", False),
        ("Hva er Rekom?", False),
        ("Hvor mye penger fikk Nordland i 2026?", False),
    ],
)
def test_a_question_that_leans_on_something_unsaid_is_recognised(question: str, leans: bool) -> None:
    assert points_back(question) is leans


@pytest.mark.parametrize(
    ("question", "leans"),
    [
        ("Hvor mange søknader kom det fra barnehagene i fjor?", False),
        ("Hva står det om assistentene i planen?", False),
        ("Hvor mange høgskoler er det med i nettverket?", False),
        ("Hva står det i den?", True),  # what «den» is, is not said
        ("Gjelder det for friskolene også?", True),  # «gjelder»: «det» is the thing talked about
        ("Og hva ble det for året etter?", True),  # right after «hva»: what it became
        # an adverb of more words stands where one-word adverbs do: «det» is the dummy subject of «søkt»
        ("Hvor mye ble det til sammen søkt om fra barnehagene?", False),
        ("Hvor mange ble det i alt tatt opp på studiet?", False),
        ("Hva skjedde med det til slutt?", True),
    ],
)
def test_the_dummy_det_of_a_presentational_verb_points_nowhere(question: str, leans: bool) -> None:
    assert points_back(question, explicitly=True) is leans


def test_a_question_with_a_dummy_det_is_answered_not_asked_back(services: Services) -> None:
    """ "kom det fra skolene" presents what came; it does not lean on anything said before."""
    question = "Hvor mange behovsmeldinger kom det fra skolene i Nordland for 2026?"
    answer = ask_with_history(services, question, [])
    assert "22 behovsmeldinger" in answer.answer


def test_only_a_pronoun_or_a_demonstrative_points_back_explicitly() -> None:
    assert points_back("Hvem leder det forumet?", explicitly=True)
    assert not points_back("Hva har ledelsen ansvar for i ordningen?", explicitly=True)
    assert points_back("Hva har ledelsen ansvar for i ordningen?")
    assert not points_back("Når er fristen?", explicitly=True)


def test_a_noun_for_a_part_of_the_scheme_is_kept_and_needs_a_scheme(services: Services) -> None:
    """ "forumet" is the forum of the scheme talked about, and nothing when no scheme was."""
    lexical = services.retriever.lexical
    assert resolve_follow_up("Hva gjør forumet?", ["Hva er Rekom?"], lexical) == "Hva gjør forumet i Rekom?"
    assert resolve_follow_up("Hva gjør forumet?", ["Hva gjør Udir?"], lexical) == "Hva gjør forumet?"
    # the noun itself is not a word that names a topic of the question's own
    resolved = resolve_follow_up("Hvem sitter i forumet?", ["Hvem har ansvaret for Rekom?"], lexical)
    assert resolved == "Hvem sitter i forumet i Rekom?"


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        ("Hvor mye fikk Trøndelag i 2019?", "Og året før?", "Hvor mye fikk Trøndelag i 2018?"),
        ("Hvor mange søkte i Agder i 2020?", "Hva med året etter?", "Hvor mange søkte i Agder i 2021?"),
        ("Kor mange søkte i Agder i 2020?", "Og førre år?", "Kor mange søkte i Agder i 2019?"),
        # A year the question names itself stays; without a year before, "året før" has nothing to count from
        ("Hvor mye fikk Agder i 2020?", "Og i 2017?", "Hvor mye fikk Agder i 2017?"),
        ("Hvor mye fikk Agder?", "Og året før?", "Hvor mye fikk Agder – og året før?"),
    ],
)
def test_a_year_relative_to_the_one_asked_about_is_that_year(
    previous: str, question: str, expected: str
) -> None:
    assert resolve_follow_up(question, [previous]) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (
            "Hvor mye fikk Trøndelag tildelt i 2019?",
            "Hvor mye av det gikk til barnehager?",
            "Hvor mye av det gikk til barnehager i Trøndelag i 2019?",
        ),
        (
            "Hvor mange søkte i Agder?",
            "Hvor mange av dem var skoler?",
            "Hvor mange av dem var skoler i Agder?",
        ),
        # What the part names already is not said twice
        (
            "Hvor mye fikk Agder i 2020?",
            "Hvor mye av pengene gikk til skoler i Agder?",
            "Hvor mye av pengene gikk til skoler i Agder i 2020?",
        ),
    ],
)
def test_a_part_of_an_amount_keeps_its_place_and_year(previous: str, question: str, expected: str) -> None:
    assert resolve_follow_up(question, [previous]) == expected


@pytest.mark.parametrize("noun", ["kompetansepakka", "kompetansepakken"])
def test_a_feminine_definite_noun_stays_in_the_topic_a_pronoun_points_back_to(noun: str) -> None:
    """ "Hvem er den for?" after "… har kompetansepakka for programmering?" is about the package, not about
    programming."""
    earlier = f"Hvor mange moduler har {noun} for programmering?"
    assert resolve_follow_up("Hvem er den for?", [earlier]) == f"Hvem er {noun} for programmering for?"


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        ("Hvem kan få statlig hjelp til kompetanseutvikling i barnehagen?", "Hvor mye er den støtten på?"),
        ("Hva kan pengene i Rekom brukes til?", "Når er den fristen?"),
        ("Hvem har ansvaret for fagskulelærarordninga?", "Kven tek imot den søknaden?"),
    ],
)
def test_a_determiner_before_its_noun_is_not_replaced(previous: str, question: str) -> None:
    """ "den støtten" is "that support", not the pronoun "den" before the verb "støtte": the noun stays."""
    resolved = resolve_follow_up(question, [previous])
    noun = question.split(" den ")[1].split()[0].rstrip("?")
    assert f"den {noun}" in resolved
    # the pronoun before a verb still points back
    assert "den" not in resolve_follow_up("Når skal den søkes?", [previous]).split()


@pytest.mark.parametrize("question", ["Hvordan skjer det?", "Når skjer det?", "Hvor ofte skjer det?"])
def test_what_happens_is_what_the_question_before_asked_about(question: str) -> None:
    """ "Når skjer det?" after "Hvem betaler ut pengene …?" asks when the paying happens, not when the
    scheme does: the question before is kept whole, with the follow-up after it."""
    previous = "Hvem betaler ut pengene i fag- og yrkesopplæringsordningen?"
    resolved = resolve_follow_up(question, [previous])
    assert resolved == f"{previous[:-1]} – {question[:1].lower()}{question[1:]}"
    # a "det" that is no event's subject still takes the topic
    assert resolve_follow_up("Hva betyr det?", [previous]) == "Hva betyr fag- og yrkesopplæringsordningen?"


def test_a_topic_in_the_sentence_before_the_asking_one_is_pointed_back_to() -> None:
    """ "Stemmer det?" names nothing: the topic is in "Vi har hørt at Statsforvalteren sitter i forumet."."""
    previous = "Vi har hørt at Statsforvalteren sitter i forumet for yrkesfag. Stemmer det?"
    resolved = resolve_follow_up("Hvem andre sitter der?", [previous])
    assert resolved == "Hvem andre sitter i forumet for yrkesfag?"
    # an asking sentence with a topic of its own keeps it
    previous = "Vi jobber i en fylkeskommune. Hvem fordeler midlene i Rekom?"
    assert "Rekom" in resolve_follow_up("Hvem andre sitter der?", [previous])


def test_a_follow_up_about_when_something_happens_is_answered_about_that(services: Services) -> None:
    """End to end: "Hvordan skjer det?" after a question about who pays out the money is answered with
    how the money is paid out (by yearly letters of grant)."""
    first = "Hvem betaler ut pengene i fag- og yrkesopplæringsordningen?"
    answer = ask_with_history(services, "Hvordan skjer det?", [first])
    assert answer.resolved_question.startswith(first[:-1])
    assert "tilskuddsbrev" in answer.answer


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (
            "Kva er tilskotsordninga for fagskulelærarar?",
            "Kven kan søkje på den ordninga?",
            "Kven kan søkje på tilskotsordninga for fagskulelærarar?",
        ),
        (
            "Hva går støtteordningen for lærebedrifter ut på?",
            "Når er fristen for den ordningen?",
            "Når er fristen for støtteordningen for lærebedrifter?",
        ),
    ],
)
def test_a_scheme_noun_stays_in_the_topic(previous: str, question: str, expected: str) -> None:
    """ "tilskotsordninga for fagskulelærarar" names a scheme: "den ordninga" is all of it, not the group."""
    assert resolve_follow_up(question, [previous]) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        ("Hvilke workshops har Statsforvalteren i Nordland?", "Hvor holdes de?", "Hvor holdes workshops?"),
        ("Kva for samlingar har Statsforvaltaren?", "Kven er dei for?", "Kven er samlingar for?"),
    ],
)
def test_a_plural_pronoun_after_which_things_is_them(previous: str, question: str, expected: str) -> None:
    """Not the body named beside them: "Hvor holdes Statsforvalteren i Nordland?" was asked before."""
    assert resolve_follow_up(question, [previous]) == expected


def test_a_singular_pronoun_is_not_the_things_asked_which_of() -> None:
    resolved = resolve_follow_up("Hvem leder det?", ["Hvilke tiltak prioriterer samarbeidsforumet?"])
    assert "tiltak" not in resolved


def test_where_the_things_asked_about_are_held_is_answered_with_their_places(services: Services) -> None:
    previous = ["Hvilke workshops har Statsforvalteren i Nordland?"]
    answer = ask_with_history(services, "Hvor holdes de?", previous)
    assert "Sortland" in answer.answer and "holdes igjen" not in answer.answer, answer.answer


def test_a_follow_up_naming_another_scheme_is_answered_for_that_scheme(services: Services) -> None:
    """After who coordinates the fag- og yrkesopplæring forum, «Er det fylkeskommunen også i ordningen for
    barnehage og skole?» asks about the lokal scheme: the vocational guidelines' «Fylkeskommunene: De har
    ansvaret for koordinering …» (whose list mentions Kompetanseløftet in passing) is no yes to it."""
    answer = ask_with_history(
        services,
        "Er det fylkeskommunen også i ordningen for barnehage og skole?",
        ["Hvem koordinerer samarbeidsforumet i fag- og yrkesopplæringen?"],
    )
    assert answer.plan is not None and answer.plan.schemes == ("lokal-kompetanseutvikling",), answer.plan
    assert not answer.answer.startswith("Ja"), answer.answer
    assert "ansvaret for koordinering av samarbeidsforum" not in answer.answer, answer.answer


def test_whether_a_body_has_the_same_role_in_another_scheme_is_no_yes_from_one_schemes_sentence(
    services: Services,
) -> None:
    """«Statsforvalteren kan delta i samarbeidsforum som observatør» says what it does in the vocational
    scheme, not that it is the same as its secretariat in the lokal one."""
    answer = ask_with_history(
        services,
        "Har Statsforvalteren samme rolle i yrkesfagordningen?",
        ["Hva gjør Statsforvalteren i den lokale ordningen for barnehage og skole?"],
    ).answer
    assert not answer.startswith("Ja"), answer
    assert "observatør" in answer, answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Og for yrkesfagordningen da, hvem betaler ut der?", "Hvem betaler ut for yrkesfagordningen?"),
        ("Takk. Men i Nordland, når er fristen?", "Når er fristen i Nordland?"),
    ],
)
def test_a_place_then_a_question_of_its_own_is_that_question_asked_of_the_place(
    question: str, expected: str
) -> None:
    """Not the earlier question with the follow-up added after it ("… – og for yrkesfagordningen da, …"),
    which asks about both schemes."""
    assert resolve_follow_up(question, ["Hvem har ansvaret for samarbeidsforumet i Rekom?"]) == expected


def test_a_place_alone_still_goes_into_the_earlier_question() -> None:
    resolved = resolve_follow_up("Og for Dekom?", ["Hvem har ansvaret for samarbeidsforumet i Rekom?"])
    assert resolved.startswith("Hvem har ansvaret for samarbeidsforumet"), resolved
    assert "Dekom" in resolved, resolved


def test_a_bare_cleft_after_a_thanks_is_completed_by_the_who_question_before() -> None:
    resolved = resolve_follow_up(
        "Takk for svaret. Er det Udir, sånn som i Rekom?", ["Hvem betaler ut pengene i yrkesfagordningen?"]
    )
    assert resolved == "Er det Udir som betaler ut pengene i yrkesfagordningen?"


def test_a_follow_up_about_the_vocational_scheme_is_answered_from_its_guidelines(services: Services) -> None:
    """«Kommuner, fylkeskommuner, private eiere og universiteter …» of a general article is not who the
    fylkeskommune plans with in the fag- og yrkesopplæring scheme."""
    answer = ask_with_history(
        services, "Hvem skal de samarbeide med om planleggingen?", ["Hvordan fungerer yrkesfagordningen?"]
    )
    assert not answer.abstained
    assert {c.document for c in answer.citations} == {"udir-tilskuddsordning-fag-og-yrkesopplaering.txt"}
    assert "private eiere" not in answer.answer


def test_a_scheme_noun_is_not_replaced_by_a_place_asked_about_before() -> None:
    """«ordningen» after "Hvor mye fikk Oslo og Viken i 2021?" is no «fikk Oslo»: a place is no scheme."""
    question = "Når ble ordningen iverksatt?"
    assert resolve_follow_up(question, ["Hvor mye fikk Oslo og Viken i 2021?"]) == question
    assert resolve_follow_up(question, ["Hvor mye fikk Nordland tildelt i 2026?"]) == question
    assert resolve_follow_up(question, ["Hva er den regionale ordningen i Nordland?"]) != question
    # a scheme asked about before is still what «ordningen» stands for
    assert resolve_follow_up("Hvem forvalter ordningen?", ["Hva er Dekom?"]) == "Hvem forvalter Dekom?"


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (
            "Vi er en privat skole. Hvilke stipend kan vi søke om?",
            "Hvilke av disse gjelder for oss?",
            "Hvilke stipend gjelder for oss?",
        ),
        (
            "Kva for kompetansepakkar finst?",
            "Kva for nokre av dei passar for oss?",
            "Kva for kompetansepakkar passar for oss?",
        ),
    ],
)
def test_which_of_those_after_which_things_asks_which_of_them(
    previous: str, question: str, expected: str
) -> None:
    """Left as asked, "Hvilke av disse …?" names nothing, and was read as outside what is answered."""
    assert resolve_follow_up(question, [previous]) == expected


def test_which_of_those_after_which_offers_lists_the_offers(services: Services) -> None:
    previous = ["Jeg er barnehagestyrer. Hvilke videreutdanningstilbud har direktoratet?"]
    answer = ask_with_history(services, "Hvilke av disse passer for oss?", previous)
    assert not answer.abstained, answer.answer
    assert "Videreutdanningstilbud for barnehagelærere" in answer.answer


def test_a_scheme_after_a_question_about_a_forum_asks_after_that_schemes_forum(services: Services) -> None:
    """«Og i Dekom?» after a question about the forum for yrkesfag was read as «Hvem sitter i Dekom?»: the
    forum went with the field that named its scheme, and the answer listed Dekom's sibling schemes."""
    lexical = services.retriever.lexical
    previous = ["Hvem sitter i samarbeidsforumet for yrkesfag?"]
    assert resolve_follow_up("Og i Dekom?", previous, lexical) == "Hvem sitter i samarbeidsforumet for Dekom?"
    assert (
        resolve_follow_up("Hva med Rekom?", previous, lexical) == "Hvem sitter i samarbeidsforumet for Rekom?"
    )
    assert resolve_follow_up("Og i Kpl?", ["Hvem leder forumet for yrkesfag?"], lexical) == (
        "Hvem leder forumet for Kpl?"
    )


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (
            "Hvem sitter i samarbeidsforumet i Dekom?",
            "Er det samme i Rekom?",
            "Hvem sitter i samarbeidsforumet i Rekom?",
        ),
        ("Hvem utbetaler midlene i Dekom?", "Er det likt for Kpl?", "Hvem utbetaler midlene i Kpl?"),
        ("Kven utbetaler midlane i Dekom?", "Er det same i Rekom?", "Kven utbetaler midlane i Rekom?"),
    ],
)
def test_whether_it_is_the_same_for_another_scheme_asks_the_question_before_of_it(
    services: Services, previous: str, question: str, expected: str
) -> None:
    assert resolve_follow_up(question, [previous], services.retriever.lexical) == expected


@pytest.mark.parametrize(
    ("before", "question", "resolved"),
    [
        ("Hvor mye fikk Bodø i 2030?", "Hvor mange UH er med?", "Hvor mange UH er med i Bodø?"),
        ("Hvor mye får Tromsø i 2031?", "Hvor mange UH deltar?", "Hvor mange UH deltar i Tromsø?"),
        ("Hvor mye fikk Agder i 2031?", "Hvor mange UH er med?", "Hvor mange UH er med i Agder?"),
    ],
)
def test_the_verb_before_a_place_is_no_part_of_the_topic(before: str, question: str, resolved: str) -> None:
    """«Hvor mye fikk Bodø …?» is about Bodø: a follow-up is asked of «Bodø», not of «fikk Bodø»."""
    assert resolve_follow_up(question, [before]) == resolved


@pytest.mark.parametrize(
    ("previous", "question", "resolved"),
    [
        (
            "Hvem er målgruppen i yrkesfagordningen?",
            "Hva med fagskolelærerne?",
            "Er fagskolelærerne i målgruppen i yrkesfagordningen?",
        ),
        (
            "Hva er målgruppen for Kompetanseløftet?",
            "Og hva med PPT?",
            "Er PPT i målgruppen for Kompetanseløftet?",
        ),
    ],
)
def test_a_group_asked_after_who_a_scheme_is_for_asks_whether_it_is_in_the_target_group(
    previous: str, question: str, resolved: str
) -> None:
    """«Hva med X?» after who a scheme is for was the earlier question with «– hva med X?» added, and its
    answer listed the target groups without a word on X: it asks whether X is in the target group."""
    assert resolve_follow_up(question, [previous], people=listed_group) == resolved
