"""Reply drafts: splitting an inquiry, the letter on the real corpus, Word output and the CLI command."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest

from assistant import texts
from assistant.drafts.docx import to_docx
from assistant.drafts.inquiry import addressee, situated
from assistant.drafts.letter import MAX_QUESTIONS, Block, Letter, split_inquiry, to_markdown
from assistant.errors import EmptyQuestion, QuestionTooLong
from assistant.service import Services, draft_reply
from tests.conftest import CORPUS, normalize

THREE_QUESTIONS = (
    "Hei! Vi er en kommune som lurer på tre ting. 1) Hvem prioriterer hvilke tiltak som får tilskudd i den "
    "regionale ordningen? 2) Kan PPT delta i kompetansetiltak som får tilskudd? 3) Hvem kan søke om tilskudd "
    "til fag- og yrkesopplæring? Mvh Ola"
)
TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("inquiry", "expected"),
    [
        (
            THREE_QUESTIONS,
            [
                "Hvem prioriterer hvilke tiltak som får tilskudd i den regionale ordningen?",
                "Kan PPT delta i kompetansetiltak som får tilskudd?",
                "Hvem kan søke om tilskudd til fag- og yrkesopplæring?",
            ],
        ),
        (
            "Hei Statsforvalteren i Nordland,\n\nVi har noen spørsmål om kompetanseutvikling:\n\n"
            "1. Hvem kan søke om midler fra den desentraliserte ordningen?\n"
            "2. Gjelder Kompetanseløftet også SFO?\n3. Søknadsfrist for regional ordning\n\n"
            "Takk for hjelpen!\n\nMed vennlig hilsen\nKari Nordmann\nRådgiver, Bodø kommune",
            [
                "Hvem kan søke om midler fra den desentraliserte ordningen?",
                "Gjelder Kompetanseløftet også SFO?",
                "Søknadsfrist for regional ordning",
            ],
        ),
        (
            "Til Statsforvaltaren i Vestland\n\nVi er ein privat barnehageeigar. Kven kan søkje om tilskot "
            "til kompetanseutvikling i barnehage? Vidare lurer vi på om assistentar kan vere med i tiltaka."
            "\n\nMed venleg helsing\nPer",
            [
                "Kven kan søkje om tilskot til kompetanseutvikling i barnehage?",
                "Vidare lurer vi på om assistentar kan vere med i tiltaka.",
            ],
        ),
        (
            "God dag.\nVi lurer på om fagskolelærere er i målgruppen for tilskuddsordningen. "
            "Vi ønsker også å vite hvem som prioriterer tiltakene.\nHilsen Nils",
            [
                "Vi lurer på om fagskolelærere er i målgruppen for tilskuddsordningen.",
                "Vi ønsker også å vite hvem som prioriterer tiltakene.",
            ],
        ),
        (
            "Hei,\n- Hva er kompetansepakker?\n- Kan vi bruke midlene til vikarer?\nMvh",
            ["Hva er kompetansepakker?", "Kan vi bruke midlene til vikarer?"],
        ),
        ("Hvem prioriterer tiltakene?", ["Hvem prioriterer tiltakene?"]),
        (
            "Hei!\n\nVi er ein kommune i Nordland og har fleire spørsmål:\na) Kva er regional ordning for "
            "kompetanseutvikling i barnehage?\nb) Kven bestemmer kva tiltak som får pengar?\nc) Kan PPT "
            "vere med?\n\nHelsing Kari",
            [
                "Kva er regional ordning for kompetanseutvikling i barnehage?",
                "Kven bestemmer kva tiltak som får pengar?",
                "Kan PPT vere med?",
            ],
        ),
        (
            # A date is not a list marker, and a request for help is not a question about the schemes.
            "Hei. Vi har et møte den 2. desember og vil gjerne vite hva samarbeidsforum gjør. "
            "Kan dere hjelpe oss? Hvem sitter i samarbeidsforum?",
            [
                "Vi har et møte den 2. desember og vil gjerne vite hva samarbeidsforum gjør.",
                "Hvem sitter i samarbeidsforum?",
            ],
        ),
        (
            # A numbered list of facts is context; the questions come after it.
            "Hei,\nBakgrunn:\n1. Vi er en kommune med 12 barnehager.\n2. Vi har en interkommunal PPT.\n"
            "Kan PPT delta i tiltak i den regionale ordningen? Og hvem melder behovene?\nVennlig hilsen Ola",
            ["Kan PPT delta i tiltak i den regionale ordningen?", "Og hvem melder behovene?"],
        ),
        (
            "Hei! Vi ønsker informasjon om stipendordning for PPU. Mvh Kari",
            ["Vi ønsker informasjon om stipendordning for PPU."],
        ),
        (
            "Hallo, Eg lurar på kva Kompetanseløftet er, og korleis vi søkjer. Kor mykje pengar kan vi få? "
            "Takk på førehand!",
            ["Eg lurar på kva Kompetanseløftet er, og korleis vi søkjer.", "Kor mykje pengar kan vi få?"],
        ),
        (
            "1) Hvem kan søke om tilskudd til fag- og yrkesopplæring?\r\n"
            "2) Gjelder det 2. trinn også? Vi har 3. trinn.\r\nTakk!",
            ["Hvem kan søke om tilskudd til fag- og yrkesopplæring?", "Gjelder det 2. trinn også?"],
        ),
        ("Hei! Hvem prioriterer tiltakene? Hvem prioriterer tiltakene?", ["Hvem prioriterer tiltakene?"]),
        ("Hei! Ett spørsmål:\n1) Hvem prioriterer tiltakene?\nMvh Kari", ["Hvem prioriterer tiltakene?"]),
        ("Hei!\n\nMvh Kari", []),
    ],
)
def test_split_inquiry_finds_each_question_and_drops_greeting_and_signature(
    inquiry: str, expected: list[str]
) -> None:
    assert split_inquiry(inquiry) == expected


# --- the letter on the real corpus ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def three(services: Services) -> Letter:
    return draft_reply(
        services,
        THREE_QUESTIONS,
        sender="Kari Nordmann, rådgiver",
        recipient="Ola Hansen, Bodø kommune",
        today=TODAY,
    )


def _markers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d{1,3})\]", text)}


def test_three_question_inquiry_answers_all_three_with_sources(three: Letter, services: Services) -> None:
    assert [q.question for q in three.questions] == split_inquiry(THREE_QUESTIONS)
    assert all(q.covered and q.citations and q.rules for q in three.questions)
    assert "samarbeidsforum" in three.questions[0].answer.lower()
    assert "PPT" in three.questions[1].answer
    numbers = {s.n for s in three.sources}
    assert numbers == set(range(1, len(three.sources) + 1))
    for q in three.questions:
        assert _markers(q.answer) <= numbers and set(q.rules) <= numbers
    # Every source is a verbatim passage of the indexed corpus, and the list shows it.
    texts_in_index = {normalize(p.text) for p in services.retriever.passages}
    for source in three.sources:
        assert normalize(source.citation.text) in texts_in_index
        assert f"[{source.n}] {source.reference('nb')}" in three.markdown
        assert (CORPUS / source.citation.document).is_file()


def test_the_same_passage_keeps_one_number_across_the_letter(services: Services) -> None:
    inquiry = (
        "Hei. 1) Hvem prioriterer hvilke tiltak som får tilskudd i den regionale ordningen? "
        "2) Hvem prioriterer tiltakene som får tilskudd i regional ordning for kompetanseutvikling "
        "i barnehage?"
    )
    letter = draft_reply(services, inquiry, today=TODAY)
    keys = [(s.citation.document, s.citation.section, s.citation.text) for s in letter.sources]
    assert len(keys) == len(set(keys))
    first, second = (set(q.rules) for q in letter.questions)
    assert first & second, "both questions rest on the same passage, under one number"


def test_each_question_of_a_letter_is_answered_from_its_own_schemes_sources(three: Letter) -> None:
    # The regional ordning's forum is not the fag- og yrkesopplæring forum, though both "prioriterer".
    regional, _, vocational = three.questions
    documents = {s.n: s.citation.document for s in three.sources}
    oslo_viken = "statsforvalteren-oslo-viken-lokal-kompetanseutvikling.txt"
    assert {documents[n] for n in regional.rules} == {oslo_viken}
    assert vocational.rules and oslo_viken not in {documents[n] for n in vocational.rules}


def test_a_question_naming_no_scheme_is_read_as_about_the_scheme_its_letter_names(services: Services) -> None:
    """The vocational scheme's schools report needs to its forum, not to Statsforvalteren (the local
    scheme's way); the letter's opening says which scheme it is about, its question doesn't."""
    question = "Hvordan kan skolene melde inn kompetansebehov?"
    answer = _answer_in_letter(
        services, question, "Vi følger opp kompetansemidlene for fag- og yrkesopplæringen."
    )
    assert "samarbeidsforum" in answer and "til statsforvalteren" not in answer, answer
    alone = _answer_in_letter(services, question)
    assert "til statsforvalteren" in alone, "the same question without the letter's scheme"


def test_a_letter_from_an_owner_of_kindergartens_and_schools_is_not_answered_from_the_vocational_scheme(
    services: Services,
) -> None:
    """«Vi utbetaler midlene til fylkeskommunene» is Udir paying the vocational scheme; a kommune that runs
    barnehager and skoler is paid by Statsforvalteren."""
    question = "Hvem utbetaler midlene?"
    answer = _answer_in_letter(services, question, "Vi er en kommune med barnehager og skoler.")
    assert "Statsforvalteren" in answer and "til fylkeskommunene" not in answer, answer
    alone = _answer_in_letter(services, question)
    assert "til fylkeskommunene" in alone, "the same question without the letter's sectors"


@pytest.mark.parametrize(
    ("greeting", "body", "other"),
    [
        ("Til Statsforvalteren", "Statsforvalteren", "til fylkeskommunene"),
        ("Hei Statsforvalteren i Nordland,", "Statsforvalteren", "til fylkeskommunene"),
        ("Til fylkeskommunen", "fylkeskommunene", "Statsforvalteren har sekretariatsansvar"),
    ],
)
def test_a_letter_that_names_no_scheme_is_answered_for_the_scheme_of_the_body_it_is_written_to(
    services: Services, greeting: str, body: str, other: str
) -> None:
    """Who pays the money out differs between the two schemes with a samarbeidsforum; a letter to
    Statsforvalteren asks of the scheme Statsforvalteren takes needs for, one to the fylkeskommune of the
    vocational scheme: one answer, not one for each scheme."""
    inquiry = (
        f"{greeting}\nJeg har to spørsmål.\n1. Hvem betaler ut pengene når tiltakene er valgt?\nHilsen Kim"
    )
    answer = draft_reply(services, inquiry, today=TODAY).questions[0].answer
    assert body in answer and other not in answer, answer
    assert texts.FOR_EACH_SCHEME not in answer, answer


def test_the_addressee_is_read_from_the_greeting_line() -> None:
    assert addressee("Til Statsforvalteren\nVi lurer på …") == "Statsforvalteren"
    assert addressee("Hei fylkeskommunen,\n\nVi har …") == "fylkeskommunen"
    assert addressee("Hei Statsforvalteren i Oslo og Viken!\nVi …") == "Statsforvalteren i Oslo og Viken"
    assert addressee("Hei,\nVi er en kommune.") == ""
    assert addressee("God dag.\nJeg er rektor.") == ""


def _answer_in_letter(services: Services, question: str, opening: str = "") -> str:
    """The answer to `question`, asked as the one question of a letter that opens with `opening`."""
    inquiry = f"Hei! {opening}\n1) {question}\nHilsen Kim" if opening else f"Hei! 1) {question} Hilsen Kim"
    return draft_reply(services, inquiry, today=TODAY).questions[0].answer


def test_who_may_take_part_in_a_letter_is_answered_by_the_advisor_for_the_letters_scheme(
    services: Services,
) -> None:
    """As in a conversation: a fagskole as provider is «Ja» from what the scheme says of providers, not the
    sentence that its teachers are as a rule not in the target group; and the contact is the scheme's."""
    inquiry = (
        "Hei! Vi har spørsmål om ordningen for fag- og yrkesopplæring.\n"
        "1) Kan fagskolen i byen være med som tilbyder av kompetanseutvikling i ordningen?\nHilsen Kim"
    )
    drafted = draft_reply(services, inquiry, today=TODAY).questions[0]
    assert drafted.covered and drafted.answer.startswith("Ja. Fagskoler"), drafted.answer
    assert "samarbeidsforum" in drafted.contact, drafted.contact


def test_a_question_naming_no_scheme_is_about_the_one_scheme_the_letters_other_questions_name(
    services: Services,
) -> None:
    """«forumet» in the second question is the vocational scheme's, named in the first: there Statsforvalteren
    is an observer, in the local scheme it runs the secretariat."""
    inquiry = (
        "Hei!\n1) Hvem skal være med i samarbeidsforumet for fag- og yrkesopplæringen?\n"
        "2) Hva gjør Statsforvalteren i samarbeidsforumet?\nHilsen Kim"
    )
    answer = draft_reply(services, inquiry, today=TODAY).questions[1].answer
    assert "observatør" in answer and "sekretariatsansvar" not in answer, answer


def test_a_question_about_the_asker_is_answered_for_who_the_letter_says_they_are(services: Services) -> None:
    inquiry = (
        "Hei! Jeg er rektor ved en friskole med yrkesfag, godkjent etter friskoleloven.\n"
        "1) Har vi rett til en plass i samarbeidsforumet for fag- og yrkesopplæringen?\nHilsen Kim"
    )
    letter = draft_reply(services, inquiry, today=TODAY)
    assert letter.questions[0].question.startswith("Har vi rett"), "the letter quotes the question as asked"
    answer = letter.questions[0].answer
    assert "Private videregående skoler med yrkesfag" in answer, answer


def test_who_asks_leads_only_the_questions_about_the_asker() -> None:
    inquiry = (
        "Hei! Vi er en kommune med tre barnehager. Vi lurer på noen ting.\n"
        "1) Kan vi søke om midler? 2) Vi har hørt at fristen er kort. Stemmer det? 3) Hvem bestemmer?"
    )
    questions = split_inquiry(inquiry)
    assert situated(inquiry, questions) == [
        "Vi er en kommune med tre barnehager. Kan vi søke om midler?",
        "Vi har hørt at fristen er kort. Stemmer det?",
        "Hvem bestemmer?",
    ]
    assert situated("Hei! 1) Kan vi søke? 2) Hvem bestemmer?", ["Kan vi søke?", "Hvem bestemmer?"]) == [
        "Kan vi søke?",
        "Hvem bestemmer?",
    ]


def test_who_asks_leads_a_question_without_what_they_plan_or_have_heard() -> None:
    """«… og vurderer å melde behov for første gang» is what the askers plan: leading every question about
    them, its words pulled «Kan vi være med?» to sentences about melding behov."""
    inquiry = (
        "Hei! Vi eier to barnehager og vurderer å søke om midler for første gang. Vi er også medlem i et "
        "nettverk, men har ikke søkt før.\n1) Kan vi være med? 2) Hvem bestemmer?\nHilsen Kim"
    )
    assert situated(inquiry, split_inquiry(inquiry)) == [
        "Vi eier to barnehager. Vi er også medlem i et nettverk. Kan vi være med?",
        "Hvem bestemmer?",
    ]


def test_a_private_owners_question_is_answered_for_the_owner_not_for_what_they_have_heard_of(
    services: Services,
) -> None:
    """Led by the whole sentence («… og har hørt om tilskuddsordningen for lokal kompetanseutvikling»), the
    question was answered with what the scheme gives owners, not that owners report their needs."""
    inquiry = (
        "Hei!\nVi driver to private barnehager i bydelen og har hørt om tilskuddsordningen for lokal "
        "kompetanseutvikling.\n1. Kan vi som private eiere melde behov på egen hånd?\n"
        "2. Hvem prioriterer tiltakene?\nHilsen Anne"
    )
    answer = draft_reply(services, inquiry, today=TODAY).questions[0].answer
    # answered for the owner: yes, with the sentence that owners may report needs
    assert answer.startswith("Ja."), answer
    assert "mulighet til å melde behov for midler" in answer, answer


def test_a_list_item_that_goes_on_from_the_sentence_before_the_list_is_asked_as_a_question() -> None:
    inquiry = (
        "Hei,\nKan dere forklare\n- hvilken rolle fylket har,\n- og hvor lenge midlene varer,\n"
        "- og om skolene kan søke selv?\nHilsen Tor"
    )
    assert situated(inquiry, split_inquiry(inquiry)) == [
        "Vi lurer på hvilken rolle fylket har?",
        "Vi lurer på hvor lenge midlene varer?",
        "og om skolene kan søke selv?",
    ]


def test_a_clause_listed_under_a_request_is_answered_as_the_question_it_asks(services: Services) -> None:
    """Alone, «kor ofte vi skal rapportere og til kven,» was answered with what Udir does."""
    inquiry = (
        "Hei,\nEg jobbar i fylkeskommunen med midlane til fag- og yrkesopplæringa. Eg vil gjerne vite\n"
        "– kor ofte vi skal rapportere og til kven,\n– kven som sit i samarbeidsforumet.\nHelsing Ola"
    )
    answer = draft_reply(services, inquiry, today=TODAY).questions[0].answer
    assert "årleg til Utdanningsdirektoratet" in answer, answer


def test_an_items_question_that_points_back_names_what_its_statement_is_about() -> None:
    inquiry = (
        "Hei,\n1. Lærerne våre vil ta videreutdanning. Får de stipend?\n2. Vi har hørt at fristen er kort. "
        "Stemmer det?\n3. Rådgiverne vil gjerne. Kan vi søke?\nHilsen Eva"
    )
    assert situated(inquiry, split_inquiry(inquiry)) == [
        "Lærerne våre vil ta videreutdanning. Får lærerne våre stipend?",
        "Vi har hørt at fristen er kort. Stemmer det?",
        "Rådgiverne vil gjerne. Kan vi søke?",
    ]


def test_a_group_a_letter_item_speaks_of_is_what_its_question_asks_about(services: Services) -> None:
    """«Kan de bli med …?» alone was answered with a sentence that only names the PP-tjeneste."""
    inquiry = (
        "Hei,\nVi er en kommune som vil søke om midler til kompetanseutvikling i skolene.\n"
        "1. Hvem bestemmer hvilke tiltak som prioriteres?\n"
        "2. PP-tjenesten vår ønsker å delta. Kan de bli med i tiltakene?\nHilsen Eva"
    )
    answer = draft_reply(services, inquiry, today=TODAY).questions[1].answer
    assert "ansatte i PP-tjenesten" in answer, answer


def test_who_asks_leads_a_question_asked_of_or_for_them_but_not_one_only_placed_at_them() -> None:
    inquiry = (
        "Hei! Vi er en fagskole med helsefag.\n1) Hva forventes av oss? 2) Hvem bestemmer?\n"
        "3) Kan barnehagen som ligger hos oss søke?\nHilsen Kim"
    )
    assert situated(inquiry, split_inquiry(inquiry)) == [
        "Vi er en fagskole med helsefag. Hva forventes av oss?",
        "Hvem bestemmer?",
        "Kan barnehagen som ligger hos oss søke?",
    ]


def test_a_question_asked_for_the_asker_is_answered_for_who_the_letter_says_they_are(
    services: Services,
) -> None:
    """Without the letter's «Vi er en fagskole …», «… kan dere gi oss et oppdrag?» was answered with what
    the schemes are for in general."""
    inquiry = (
        "Til fylkeskommunen\nVi er en fagskole med helse- og oppvekstfag.\n"
        "1. Kan fagskolelærerne våre delta i tiltak i ordningen for fag- og yrkesopplæring?\n"
        "2. Hvordan blir tilbydere valgt – kan dere gi oss et oppdrag?\nHilsen Kari"
    )
    answer = draft_reply(services, inquiry, today=TODAY).questions[1].answer
    assert "samarbeid med fagskoler" in answer, answer


def test_who_asks_does_not_lead_a_question_about_a_group_they_ask_for() -> None:
    inquiry = (
        "Hei! Vi er en kommune med to skoler.\n1) Kan vi søke om kurs for assistentene?\n"
        "2) Kan vi søke om midler for neste år?\nHilsen Kim"
    )
    assert situated(inquiry, split_inquiry(inquiry)) == [
        "Kan vi søke om kurs for assistentene?",
        "Vi er en kommune med to skoler. Kan vi søke om midler for neste år?",
    ]


def test_a_question_for_a_group_is_answered_for_that_group_not_for_who_asks(services: Services) -> None:
    """Led by «Vi driver en friskole …», the question was answered with what friskoler may («Ja. … er for
    private skoleeiere»), not what the scheme says of fagskolelærere."""
    inquiry = (
        "Hei,\nVi driver en friskole med yrkesfaglige programmer og et lite fagskoletilbud.\n"
        "1. Hvem sitter i samarbeidsforumet?\n2. Kan vi få et eget kurs for fagskolelærerne hos oss?\n"
        "Hilsen Kari"
    )
    answer = draft_reply(services, inquiry, today=TODAY).questions[1].answer
    assert answer.startswith(texts.LEAD_AS_A_RULE_NOT), answer
    assert "egne tiltak for denne gruppen omfattes dermed ikke" in answer, answer


def test_a_question_about_another_scheme_than_its_letters_is_answered_from_it(services: Services) -> None:
    inquiry = (
        "Hei! To av lærerne våre skal ta videreutdanning gjennom Kompetanse for kvalitet.\n"
        "1) Finnes det også et stipend til en assistent som mangler lærerutdanning?\nHilsen Kim"
    )
    answer = draft_reply(services, inquiry, today=TODAY).questions[0].answer
    assert "utdanningsstipend for ansatte som mangler godkjent lærerutdanning" in answer, answer


def test_a_question_naming_more_of_another_schemes_name_than_of_the_letters_is_answered_from_it(
    services: Services,
) -> None:
    """The letter's other question names the Rekrutteringsstipend; "stipend for ansatte som mangler godkjent
    lærerutdanning" says more of the Utdanningsstipend's name, so it is not read in the letter's scheme
    (read so, it got «Kildene sier ikke dette direkte» and a list around the stipend)."""
    inquiry = (
        "Hei,\nSkoleeier her.\n1. Kan vi søke om stipend for ansatte som mangler godkjent lærerutdanning?\n"
        "2. Kan vi søke rekrutteringsstipend for folk som ikke er ansatt ennå?\nHilsen Trond"
    )
    answer = draft_reply(services, inquiry, today=TODAY).questions[0].answer
    assert answer.startswith("Ja. Skoleeiere kan søke om utdanningsstipend for ansatte"), answer


def test_letter_has_the_parts_of_a_formal_reply_in_order(three: Letter) -> None:
    md = three.markdown
    order = [
        "Dato: 2. mars 2026",
        "Til: Ola Hansen, Bodø kommune",
        "# Svar på henvendelse om",
        "Hei Ola Hansen,",
        "Du stilte tre spørsmål",
        "## Spørsmål 1",
        "> Hvem prioriterer hvilke tiltak",
        "### Regelverk og føringer",
        "### Hvem kan du kontakte",
        "## Spørsmål 2",
        "## Spørsmål 3",
        "Med vennlig hilsen",
        "Kari Nordmann, rådgiver",
        "## Kilder",
        f"***{texts.LETTER_AI_NOTE['nb']}***",
    ]
    positions = [md.find(part) for part in order]
    assert -1 not in positions, [part for part, at in zip(order, positions, strict=True) if at < 0]
    assert positions == sorted(positions)
    # The regional scheme's contact comes from the catalogue, with the quote it rests on as a source.
    assert re.search(r"ta kontakt med Statsforvalteren i fylket ditt \[\d+\]\.", three.questions[0].contact)
    # Undated sources say so, and a source without a URL is found by publisher and file name.
    assert "(udatert). Utdanningsdirektoratet (Udir), dokumentet udir-" in md


def test_a_question_the_corpus_cannot_answer_is_flagged_not_guessed(services: Services) -> None:
    letter = draft_reply(
        services,
        "Hei! Hvem prioriterer hvilke tiltak som får tilskudd? Hvor mye koster kaffen i kantina hos "
        "Statsforvalteren? Mvh Per",
        recipient="Kari Nordmann\nBodø kommune",
        today=TODAY,
    )
    assert "Til: Kari Nordmann, Bodø kommune" in letter.markdown and "Hei Kari Nordmann," in letter.markdown
    covered, uncovered = letter.questions
    assert covered.covered and covered.citations
    assert not uncovered.covered and uncovered.citations == [] and uncovered.rules == ()
    assert uncovered.answer == texts.LETTER_NOT_COVERED["nb"]
    assert uncovered.contact == texts.WHOM_TO_ASK
    assert texts.LETTER_NOT_ALL_COVERED["nb"] in letter.markdown
    assert not re.search(r"\d", uncovered.answer), "no figures invented for a question with no sources"


def test_nynorsk_letter_uses_hand_written_nynorsk_and_kjelder(services: Services) -> None:
    letter = draft_reply(services, THREE_QUESTIONS, maalform="nn", today=TODAY)
    md = letter.markdown
    assert letter.maalform == "nn"
    for part in (
        "# Svar på førespurnad om",
        "Takk for førespurnaden din. Du stilte tre spørsmål",
        "### Regelverk og føringar",
        "### Kven kan du kontakte",
        "Med venleg helsing",
        texts.LETTER_SENDER_PLACEHOLDER["nn"],
        "## Kjelder",
        texts.LETTER_AI_NOTE["nn"],
    ):
        assert part in md, part
    assert "## Kilder" not in md and "Med vennlig hilsen" not in md
    # The translation note is said once for the letter, not after every answer.
    assert md.count("omsette maskinelt") == 1 and texts.NYNORSK_NOTE not in md
    assert all(q.covered for q in letter.questions)


def test_a_nynorsk_inquiry_gets_a_nynorsk_letter_by_default(services: Services) -> None:
    letter = draft_reply(
        services, "Hei! Kven prioriterer kva tiltak som får tilskot? Helsing Per", today=TODAY
    )
    assert letter.maalform == "nn" and "## Kjelder" in letter.markdown
    assert letter.questions[0].covered


@pytest.mark.parametrize(
    ("inquiry", "error", "message"),
    [
        ("   \n ", EmptyQuestion, texts.INQUIRY_EMPTY),
        ("Hei!\n\nMed vennlig hilsen\nKari", EmptyQuestion, texts.INQUIRY_EMPTY),
        ("Hvem kan søke? " * 400, QuestionTooLong, "Henvendelsen er for lang"),
        (
            " ".join(f"{n}) Hvem kan søke om ordning {n}?" for n in range(1, MAX_QUESTIONS + 2)),
            QuestionTooLong,
            f"Henvendelsen har {MAX_QUESTIONS + 1} spørsmål",
        ),
    ],
)
def test_bad_inquiries_fail_before_any_answer(
    services: Services, inquiry: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        draft_reply(services, inquiry)


# --- Markdown and Word -----------------------------------------------------------------------------------


def test_markdown_joins_bullets_into_one_list_and_quotes_every_line() -> None:
    blocks = (
        Block("paragraph", "Dette gjelder:"),
        Block("bullet", "a"),
        Block("bullet", "b"),
        Block("quote", "linje 1\n\nlinje 2"),
    )
    assert to_markdown(blocks) == "Dette gjelder:\n\n- a\n- b\n\n> linje 1\n>\n> linje 2\n"


def test_docx_round_trip_has_headings_sources_and_a_visible_ai_note(three: Letter) -> None:
    document = docx.Document(io.BytesIO(to_docx(three)))
    paragraphs = document.paragraphs
    by_style = {(p.style.name, p.text) for p in paragraphs}
    assert ("Heading 1", three.subject) in by_style
    assert ("Heading 2", "Spørsmål 3") in by_style and ("Heading 2", "Kilder") in by_style
    assert ("Heading 3", "Regelverk og føringer") in by_style
    for question in three.questions:
        assert ("Intense Quote", question.question) in by_style
    source_lines = [p.text for p in paragraphs if re.match(r"\[\d+\] ", p.text)]
    assert len(source_lines) == len(three.sources)
    quotes = [p.text for p in paragraphs if p.style.name == "Quote"]
    assert normalize(three.sources[0].citation.text) in {normalize(q) for q in quotes}
    note = next(p for p in paragraphs if p.text == texts.LETTER_AI_NOTE["nb"])
    assert all(run.bold and run.italic for run in note.runs)
    assert document.core_properties.author == "Kompetanseassistenten"


# --- the CLI ---------------------------------------------------------------------------------------------


def _cli(services: Services, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    # The session's index is reused read-only, so the command does not ingest the corpus again.
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(services.settings.data_dir),
        "ASSISTANT_CORPUS_DIR": str(CORPUS),
    }
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", "draft", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_draft_reads_stdin_prints_markdown_and_writes_docx(services: Services, tmp_path: Path) -> None:
    target = tmp_path / "utkast.docx"
    result = _cli(services, "--sender", "Kari", "--docx", str(target), stdin=THREE_QUESTIONS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("## Spørsmål") == 3 and "## Kilder" in result.stdout
    assert "Kari" in result.stdout and texts.LETTER_AI_NOTE["nb"] in result.stdout
    assert docx.Document(str(target)).paragraphs[0].text.startswith("Dato: ")


def test_cli_draft_on_empty_stdin_exits_2_with_a_norwegian_message(services: Services) -> None:
    result = _cli(services, stdin="  \n")
    assert result.returncode == 2
    assert "empty_question" in result.stderr and texts.INQUIRY_EMPTY in result.stderr


def test_a_letters_sentence_passing_on_three_questions_answers_each(services: Services) -> None:
    """«… som lurer på om X, hvem som Y og når Z.»: the first question was lost as the others' context."""
    inquiry = (
        "Hei. Vi har fått en henvendelse fra en privat barnehageeier som lurer på om de kan melde behov "
        "selv, hvem som prioriterer tiltakene og når midlene blir utbetalt. Mvh Kari"
    )
    letter = draft_reply(services, inquiry)
    answer = letter.questions[0].answer
    assert answer.count("**") == 6, answer  # three parts, each under its own heading
    assert "**Hvem prioriterer tiltakene?**\nDet er samarbeidsforum i fylkene som prioriterer" in answer, (
        answer
    )


def test_a_letters_one_indirect_question_word_question_is_answered(services: Services) -> None:
    """«Vi vil også gjerne vite kor ofte vi må rapportere, og til kven.»: read as written, its frame hid
    what it asked and the letter gave it up, though the same question asked directly is answered."""
    inquiry = (
        "Hei,\n\nVi er ein fylkeskommune som koordinerer samarbeidsforum for yrkesfag. Vi vil også gjerne "
        "vite kor ofte vi må rapportere, og til kven.\n\nMed venleg helsing\nKari"
    )
    letter = draft_reply(services, inquiry)
    (question,) = letter.questions
    assert question.covered, question.answer
    assert "årleg til Utdanningsdirektoratet" in question.answer, question.answer


def test_where_the_askers_are_and_their_own_people_lead_the_question() -> None:
    """«Vi ved X har …» says who asks as much as «Vi er X.», and «Kan lærerne våre …?» asks about the
    teachers of that X: the question is led by who asks."""
    inquiry = (
        "Hallo,\nvi ved fagskolen har lest om midlene til fag- og yrkesopplæringen. To spørsmål:\n"
        "1. Får lærerne våre delta i tiltakene?\n2. Hvem fordeler midlene?\nHilsen Eva"
    )
    assert situated(inquiry, split_inquiry(inquiry)) == [
        "Vi er fagskolen. Får lærerne våre delta i tiltakene?",
        "Hvem fordeler midlene?",
    ]


def test_a_fagskoles_question_about_its_own_teachers_is_answered_for_fagskolelaerere(
    services: Services,
) -> None:
    """«lærarane våre» in a letter from a fagskule are fagskolelærere, which the vocational scheme takes in
    established measures only; read as teachers at large, the answer was that it is unclear."""
    inquiry = (
        "Hei,\nvi ved fagskulen har lese om midlane til kompetanseutvikling i fag- og yrkesopplæringa.\n"
        "1. Får lærarane våre delta på tiltaka i ordninga?\n2. Kven fordeler midlane?\nHelsing Eva"
    )
    answer = normalize(draft_reply(services, inquiry, today=TODAY).questions[0].answer)
    assert "fagskolelærere i etablerte kompetansetiltak" in answer, answer


def test_a_question_that_points_at_another_scheme_is_not_read_in_the_letters_scheme(
    services: Services,
) -> None:
    """The letter's other question names the local scheme; «videreutdanning» points at another. Led by who
    asks («Vi eier to barnehager.»), the question's words were outweighed by the asker's, and it was
    answered in the local scheme without the facilitation money for barnehage owners."""
    inquiry = (
        "Hei,\nVi eier to barnehager.\n1) Kan vi melde behov i ordningen for lokal kompetanseutvikling?\n"
        "2) Får vi støtte dersom ansatte tar videreutdanning?\nHilsen Kim"
    )
    answer = normalize(draft_reply(services, inquiry, today=TODAY).questions[1].answer)
    assert "tilretteleggingsmidler" in answer, answer


def test_a_private_owner_with_kindergartens_is_answered_as_a_private_kindergarten_owner(
    services: Services,
) -> None:
    """«en privat eier med tre barnehager» was read as no owner type, and «Kan vi være med?» was answered with
    what owners do in general, not that the scheme is for private kindergartens too."""
    inquiry = (
        "Hei,\nVi er en privat eier med tre barnehager.\n1) Kan vi som privat eier være med i ordningen for "
        "lokal kompetanseutvikling?\n2) Hvem prioriterer tiltakene?\nHilsen Kim"
    )
    answer = normalize(draft_reply(services, inquiry, today=TODAY).questions[0].answer)
    assert "offentlige og private barnehager og skoler" in answer, answer
