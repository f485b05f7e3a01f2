"""The advisor's chat answers: yes/no questions lead with the answer and then the cited reason; "which
schemes fit us?" matches on every sector the owner runs and says for which."""

from __future__ import annotations

import re

import pytest

from assistant import texts
from assistant.schemes.advisor import AdvisorAnswer, advise
from assistant.schemes.catalogue import Catalogue
from assistant.schemes.questions import asked_group

LEADS = tuple(texts.YES_NO_LEADS.values())


def _ask(catalogue: Catalogue, question: str, previous: list[str] | None = None) -> AdvisorAnswer:
    answer = advise(question, previous or [], catalogue, [], question)
    assert answer is not None, question
    return answer


def _markers_match_citations(answer: AdvisorAnswer) -> None:
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert answer.citations and markers == {c.n for c in answer.citations}


@pytest.mark.parametrize(
    ("previous", "question", "lead"),
    [
        ([], "Kan fagarbeiderne våre være med i Rekom?", "Ja."),
        (["Hva går den desentraliserte ordningen ut på?"], "Gjelder den også lærerassistentene?", "Ja."),
        (["Hva er Dekom?"], "Kan en privat barnehageeier være med?", "Nei."),
        (
            [],
            "Er fagskolelærere omfattet av tilskuddsordningen for fag- og yrkesopplæring?",
            "Som hovedregel ikke.",
        ),
        ([], "Kan vaktmesterne delta i den regionale ordningen?", "Kildene sier ikke dette direkte."),
        ([], "Kan vi bruke Dekom-midlene til å betale studiepoeng for en lektor?", "Nei."),
        ([], "Kan Rekom-midlene brukes til å gjennomføre kompetansetiltak?", "Ja."),
        ([], "Kan vi bruke midlene fra Rekom på reiseutgifter?", "Kildene sier ikke dette direkte."),
    ],
)
def test_yes_no_question_leads_with_the_answer_then_the_cited_reason(
    catalogue: Catalogue, previous: list[str], question: str, lead: str
) -> None:
    answer = _ask(catalogue, question, previous)
    assert answer.text.startswith(lead), answer.text
    assert answer.text.startswith(LEADS)
    _markers_match_citations(answer)


@pytest.mark.parametrize(
    ("question", "lead", "quoted"),
    [
        # KFK money is for the schools: the sentence names skoleeier, not the barnehage owner asked about
        ("Får barnehageeierne vikarmidler gjennom KFK?", "Nei.", "kan skoleeier søke om vikar-"),
        ("Kan en barnehageeier søke om rekrutteringsstipend?", "Nei.", "Skoleeiere kan også søke"),
        ("Kan barnehageeigarar søkje om utdanningsstipend?", "Nei.", "Skoleeiere kan søke om utdanning"),
        # the sentence that names this owner and applying
        ("Kan skoleeierne søke om rekrutteringsstipend?", "Ja.", "Skoleeiere kan også søke"),
        ("Kan barnehageeierne melde behov i Rekom?", "Ja.", None),
    ],
)
def test_an_owner_named_by_what_it_owns_is_answered_from_the_sentence_that_names_it(
    catalogue: Catalogue, question: str, lead: str, quoted: str | None
) -> None:
    answer = _ask(catalogue, question)
    assert answer.text.startswith(lead), answer.text
    if quoted:
        assert quoted in answer.text.splitlines()[0], answer.text
    _markers_match_citations(answer)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # «Kompetansepakke for opplæring i bedrift»: for fag- og yrkesopplæring
        ("Gjelder kompetansepakken for opplæring i bedrift for barnehager?", "Nei."),
        ("Er Rekom for grunnskolen?", "Nei."),  # «Regional ordning for kompetanseutvikling i barnehage»
        ("Omfattar den desentraliserte ordninga barnehagane?", "Nei."),
        ("Gjelder Dekom også for videregående skoler?", "Ja."),
        ("Er Kompetanseløftet for barnehager?", "Ja."),
    ],
)
def test_whether_a_scheme_applies_to_a_sector_is_answered_from_its_sector_sentences(
    catalogue: Catalogue, question: str, lead: str
) -> None:
    answer = _ask(catalogue, question)
    assert answer.text.startswith(lead), answer.text
    _markers_match_citations(answer)


@pytest.mark.parametrize(
    "question",
    ["Gjelder Dekom kun for videregående skoler?", "Er Kompetanseløftet bare for barnehager og skoler?"],
)
def test_whether_a_scheme_is_only_for_a_sector_is_not_answered_yes_by_that_sector(
    catalogue: Catalogue, question: str
) -> None:
    # «bare»/«kun» asks whether it is for nothing else: that it is for the sector is no yes to that
    answer = advise(question, [], catalogue, [], question)
    assert answer is None or not answer.text.startswith("Ja."), answer


def test_a_sector_outside_those_the_catalogue_answers_for_is_not_read_as_a_sector_question(
    catalogue: Catalogue,
) -> None:
    # SFO is named by Kompetanseløftet's documents, but not among its catalogued sectors: no «Nei» from them
    question = "Gjelder Kompetanseløftet for SFO?"
    answer = advise(question, [], catalogue, [], question)
    assert answer is None or not answer.text.startswith("Nei."), answer


def test_an_owner_asked_about_as_a_target_group_is_still_read_as_a_group(catalogue: Catalogue) -> None:
    answer = _ask(catalogue, "Er barnehageeiere i målgruppen for Kompetanseløftet?")
    assert answer.text.startswith("Ja. Barnehageeiere hører til gruppen «barnehage- og skoleeiere»")


def test_unclear_reads_as_what_the_sources_do_not_say_then_what_they_do(catalogue: Catalogue) -> None:
    answer = _ask(catalogue, "Kan helsesykepleierne være med i den desentraliserte ordningen?")
    first = answer.text.splitlines()[0]
    assert first.startswith("Kildene sier ikke dette direkte. Det er uklart om helsesykepleierne")
    assert "Uklart." not in answer.text
    # The groups the sources name are in the first sentence; their quote follows it, cited.
    assert "målgruppene som er nevnt, er" in first
    # ... and the quote of the groups named ends that sentence, before any clause that may open for more.
    assert first.endswith("«lærere, ledere og andre ansatte i barnehager og skoler» [1]"), first
    assert any("lærere, ledere og andre ansatte" in c.text for c in answer.citations)


def test_answer_says_which_document_group_an_everyday_word_falls_under(catalogue: Catalogue) -> None:
    answer = _ask(catalogue, "Kan miljøarbeiderne delta i Kompetanseløftet?")
    assert answer.text.startswith("Ja. Miljøarbeiderne hører til gruppen «andre ansatte», som er i")
    rektor = _ask(catalogue, "Får rektorene være med i Dekom?")
    assert rektor.text.startswith("Ja. Rektorene hører til gruppen «skoleledere», som er i målgruppen")


def test_use_question_names_what_the_money_is_for(catalogue: Catalogue) -> None:
    answer = _ask(catalogue, "Kan vi bruke pengene på reiseutgifter for rektorene?", ["Hva er Dekom?"])
    assert answer.text.startswith("Kildene sier ikke dette direkte.")
    assert texts.USE_WHAT_FOR in answer.text
    assert "Rektorene hører til gruppen «skoleledere»" in answer.text
    assert any("kollektiv kompetanseutvikling" in c.text for c in answer.citations)


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        (["Hva er Dekom?"], "Kan vi bruke pengene på et seminar bare for rektorene?"),
        ([], "Kan me bruke Rekom-midlane på eit felleskurs for heile personalet?"),
        ([], "Kan kommunen bruke tilskuddet fra Kompetanseløftet til en fagdag for alle i PP-tjenesten?"),
    ],
)
def test_a_measure_for_many_from_collective_money_is_yes_with_the_collective_rule(
    catalogue: Catalogue, previous: list[str], question: str
) -> None:
    """A shared course, a seminar for a group of staff: the sentence that makes the money collective is
    the rule it falls under, quoted right after the lead."""
    answer = _ask(catalogue, question, previous)
    first = answer.text.splitlines()[0]
    assert first.startswith("Ja.") and "er et kollektivt kompetansetiltak" in first, answer.text
    assert first.endswith(
        "«Midlene fra tilskuddsordningen skal støtte tiltak som gir kollektiv "
        "kompetanseutvikling i barnehager og skoler.» [1]"
    ), first
    _markers_match_citations(answer)


def test_the_group_a_measure_is_for_is_said_with_its_own_quote(catalogue: Catalogue) -> None:
    answer = _ask(catalogue, "Kan vi bruke pengene på et seminar bare for rektorene?", ["Hva er Dekom?"])
    group = next(line for line in answer.text.splitlines() if line.startswith("Rektorene hører til gruppen"))
    assert group.endswith("«lærere, ledere og andre ansatte i barnehager og skoler» [4]"), answer.text
    # «kurs, seminarer …»: the sentence that names a seminar a competence measure is cited
    assert any("kurs, seminarer, hospitering og konferanser" in c.text for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # the group decides when the scheme is not plainly for it
        ("Kan vi bruke yrkesfagmidlene på et eget kurs for fagskolelærerne?", "Som hovedregel ikke."),
        # Dekom is for grunnskole and videregående skole, and the styrere work in barnehager
        ("Kan vi bruke Dekom-midlene på en samling for styrerne i barnehagene?", "Nei."),
        # money for individual further education is not for a shared course
        ("Kan vi bruke KFK-midlene på et felles kurs for alle lærerne?", "Nei."),
        # no one it is for: whether it is collective, the question does not say
        ("Kan Dekom-midlene dekke et kurs i klasseledelse?", "Kildene sier ikke dette direkte."),
    ],
)
def test_a_measure_is_yes_only_for_collective_money_and_the_schemes_groups(
    catalogue: Catalogue, question: str, lead: str
) -> None:
    assert _ask(catalogue, question).text.startswith(lead)


def test_no_to_individual_use_points_to_the_schemes_for_it(catalogue: Catalogue) -> None:
    answer = _ask(catalogue, "Kan vi bruke Dekom-midlene til å betale studiepoeng for en lektor?")
    said = answer.text.split(texts.USE_ALTERNATIVES.format(need=texts.NEED_NAMES["individuell"]))[1]
    assert said.startswith("\n- Videreutdanning for lærere gjennom Kompetanse for kvalitet")
    assert "hører til gruppen" not in answer.text  # the use is ruled out: who it was for does not matter
    _markers_match_citations(answer)


# --- which schemes fit an owner of several sectors -------------------------------------------------


def test_match_keeps_every_sector_and_says_for_which_a_scheme_fits(catalogue: Catalogue) -> None:
    answer = _ask(catalogue, "Vi er en kommune med skoler og en PP-tjeneste. Hva finnes for oss?")
    head = answer.text.splitlines()[0]
    assert "kommune" in head and "PP-tjenesten" in head and "grunnskole" in head
    fits = answer.text.split(texts.ADVISOR_FIT_HEADINGS["kan passe"])[0]
    dekom = next(line for line in fits.splitlines() if "**Desentralisert ordning" in line)
    assert dekom.endswith("Passer for: grunnskole.")  # Dekom fits the schools, not the PP-tjeneste
    loftet = next(line for line in fits.splitlines() if "**Kompetanseløftet" in line)
    assert "PP-tjenesten" in loftet.split("Passer for:")[1]
    _markers_match_citations(answer)


def test_one_sector_needs_no_for_which(catalogue: Catalogue) -> None:
    answer = _ask(catalogue, "Vi er en kommune med barnehager. Hva kan vi søke på?")
    assert "Passer for:" not in answer.text


def test_reply_with_the_owner_keeps_the_sectors_of_the_question_before(catalogue: Catalogue) -> None:
    first = "Vi har både skoler og PP-tjeneste. Hvilke ordninger kan vi bruke?"
    assert texts.ADVISOR_ASK_OWNER.strip() in _ask(catalogue, first).text
    answer = _ask(catalogue, "Vi er en kommune.", [first])
    head = answer.text.splitlines()[0]
    assert "kommune" in head and "PP-tjenesten" in head and "grunnskole" in head
    assert texts.ADVISOR_ASK_OWNER.strip() not in answer.text


def test_whom_to_contact_is_answered_from_the_catalogue_or_said_to_be_unsaid(catalogue: Catalogue) -> None:
    answer = _ask(catalogue, "Hvem tar vi kontakt med om Kompetanseløftet?")
    assert answer.text.startswith("Om Kompetanseløftet for spesialpedagogikk og inkluderende praksis tar")
    assert "Statsforvalteren" in answer.text.splitlines()[0]
    _markers_match_citations(answer)
    # Named in the conversation, asked in nynorsk: «Kvar vender me oss?»
    # Of where needs go (samarbeidsforum) and whom to contact (fylkeskommunen), the one to contact.
    fyo = _ask(catalogue, "Kvar vender me oss?", ["Kva er yrkesfagordninga?"])
    assert "Ta kontakt med fylkeskommunen" in fyo.text and "samarbeidsforum" not in fyo.text.lower()
    # No office in the documents: said plainly, never guessed.
    unsaid = _ask(catalogue, "Hvem kan jeg kontakte om hospiteringsordningen?")
    assert unsaid.text.startswith("Kildene sier ikke hvem dere tar kontakt med om Hospiteringsordning")
    # Without a scheme it is no question for the advisor.
    assert advise("Hvem kan vi kontakte?", [], catalogue, [], "Hvem kan vi kontakte?") is None


def test_teachers_with_no_sector_named_are_the_owners_schools(catalogue: Catalogue) -> None:
    # A county's teachers teach in videregående: the videreutdanning for them fits, not «kan passe» for want
    # of a sector; with a sector named, the teachers say nothing more ("lærerne i barnehagen").
    answer = _ask(catalogue, "Vi er en fylkeskommune og vil sende lærerne på videreutdanning. Hva finnes?")
    assert "videregående opplæring" in answer.text.splitlines()[0]
    assert texts.ADVISOR_ASK_SECTOR.strip() not in answer.text
    assert any("**Videreutdanning for lærere" in line for line in _shown(answer)[:3]), answer.text
    kindergarten = _ask(catalogue, "Vi er en kommune. Hva finnes for lærerne i barnehagen?")
    assert "grunnskole" not in kindergarten.text.splitlines()[0]


def _shown(answer: AdvisorAnswer) -> list[str]:
    """The scheme lines shown as fitting, in order."""
    fitting = answer.text.split(texts.ADVISOR_FIT_HEADINGS["passer ikke"])[0]
    return [line for line in fitting.splitlines() if line.startswith("- **")]


def test_schemes_asked_for_a_group_put_those_naming_the_group_first_and_say_so(catalogue: Catalogue) -> None:
    # The advisor reads the people asked for («for fagarbeidere i barnehagen»): the scheme whose target
    # groups name them is shown, with that reason first, where an owner's schemes would otherwise fill
    # the list.
    answer = _ask(catalogue, "Hva finnes for fagarbeidere i barnehagen?")
    assert "fagarbeidere i barnehagen" in answer.text.splitlines()[0]
    fagskole = next(line for line in _shown(answer) if "**Fagskoleutdanning" in line)
    assert fagskole.split("**: ")[1].startswith("Fagarbeidere er i målgruppen.")
    # The words that ask for schemes («tilbud», «søke») are no topic: a «videreutdanningstilbud» one can
    # «søke om» does not come before the schemes that name the instructors.
    answer = _ask(catalogue, "Hvilke tilbud kan vi søke på for instruktørene i lærebedriftene?")
    assert all("Instruktører er i målgruppen." in line for line in _shown(answer)[:2]), answer.text
    _markers_match_citations(answer)


def test_a_group_that_is_a_sector_is_said_once_in_the_profile(catalogue: Catalogue) -> None:
    assert _ask(catalogue, "Hvilke ordninger finnes for PPT?").text.splitlines()[0].count("PP") == 1


def test_a_group_is_read_only_after_for_and_only_when_the_word_lists_know_it(catalogue: Catalogue) -> None:
    assert asked_group("Hvilke ordninger passer for PP-tjenesten?", catalogue) == "PP-tjenesten"
    for question in (
        "Hvilke ordninger passer for oss?",
        "Hvilke ordninger passer for en kommune?",
        "Hvilke tilbud finnes for spesialpedagogikk?",
    ):
        assert asked_group(question, catalogue) is None, question


@pytest.mark.parametrize(
    ("previous", "question", "owners"),
    [
        ([], "Hvem kan søke om midler i yrkesfagordningen?", "fylkeskommuner"),
        (["Hva er Rekom?"], "Hvem kan søke der?", "kommuner og private barnehageeiere"),
        ([], "Kven melder behov i den regionale ordningen?", "kommuner og private barnehageeiere"),
    ],
)
def test_who_applies_in_a_named_scheme_is_answered_from_the_catalogue_with_its_quotes(
    catalogue: Catalogue, previous: list[str], question: str, owners: str
) -> None:
    """Retrieval found «Barnehage- og skoleeiere kan søke om tilskudd …» for any scheme, or nothing where the
    scheme's own text never says "søke" (the vocational scheme, which pays the fylkeskommuner)."""
    answer = _ask(catalogue, question, previous)
    assert answer.text.startswith("I "), answer.text
    assert f"kan {owners}" in answer.text.splitlines()[0], answer.text
    _markers_match_citations(answer)


@pytest.mark.parametrize(
    ("question", "quotes"),
    [
        # «Vi utbetaler midlene til fylkeskommunene» names no private owner: their catalogue quote is cited
        (
            "Hvem kan søke om midler i yrkesfagordningen?",
            ["til fylkeskommunene", "Private videregående skoler"],
        ),
        # «barnehage- og skoleeiere» names every owner: no weaker quote beside it
        ("Hvem melder behov i den desentraliserte ordningen?", ["barnehage- og skoleeiere"]),
    ],
)
def test_every_owner_a_who_applies_answer_names_is_cited(
    catalogue: Catalogue, question: str, quotes: list[str]
) -> None:
    answer = _ask(catalogue, question)
    quoted = [line for line in answer.text.splitlines() if "«" in line]
    assert len(quoted) == len(quotes), answer.text
    for line, quote in zip(quoted, quotes, strict=True):
        assert quote in line, answer.text


def test_who_applies_needs_a_scheme_named_in_the_question_or_the_conversation(catalogue: Catalogue) -> None:
    assert advise("Hvem kan søke?", [], catalogue, [], matches=False) is None


@pytest.mark.parametrize(
    "question",
    ["Hvem melder inn behov i yrkesfagordningen?", "Kven melder behov i yrkesfagordninga?"],
)
def test_who_reports_needs_is_not_who_applies_where_no_quote_of_it_speaks_of_needs(
    catalogue: Catalogue, question: str
) -> None:
    # the vocational scheme pays the fylkeskommuner; the schools and networks report the needs
    assert advise(question, [], catalogue, [], matches=False) is None


def test_a_list_item_is_quoted_with_the_lead_in_of_its_list() -> None:
    """«prøvenemndsmedlemmer.» alone does not say what it is an item of; its list's lead-in does, and the
    items left out between them are marked «…». A quote that is no list item gets no lead-in."""
    from assistant.models import Passage
    from assistant.schemes.advisor import _Sources, _statement
    from assistant.schemes.reasons import Reason

    text = (
        "Målgrupper for tiltakene er:\n\n • lærere i skolen\n • instruktører i bedrift\n\n"
        "Fylkene kan ta med andre grupper."
    )
    passages = [Passage("p", "doc.txt", "Dok", "Dok", text, 0, "h")]
    first = Reason("Lærere", "lærere i skolen", "doc.txt")
    later = Reason("Instruktører", "instruktører i bedrift", "doc.txt")
    plain = Reason("Andre", "Fylkene kan ta med andre grupper.", "doc.txt")
    assert _statement("Ja. Lærere er med.", [first], _Sources(passages), set()) == [
        "Ja. Lærere er med: «Målgrupper for tiltakene er: lærere i skolen» [1]"
    ]
    assert _statement("Ja. Instruktører er med.", [later], _Sources(passages), set()) == [
        "Ja. Instruktører er med: «Målgrupper for tiltakene er: … instruktører i bedrift» [1]"
    ]
    assert _statement("Ja.", [plain], _Sources(passages), set()) == [
        "Ja: «Fylkene kan ta med andre grupper.» [1]"
    ]


def test_an_owner_named_without_a_sector_is_matched_on_the_sectors_its_kind_runs(
    catalogue: Catalogue,
) -> None:
    """A private school owner runs schools: the schemes for schools fit, said for a school sector, and a
    scheme is never said to fit because it fits a kindergarten; «skoleeier» in a quote does not order them."""
    text = _ask(catalogue, "Hvilke ordninger kan en privat skoleeier bruke?").text
    fitting = text.split(texts.ADVISOR_FIT_HEADINGS["passer ikke"])[0]
    assert "Desentralisert ordning for kompetanseutvikling i grunnskole og videregående skole" in fitting
    assert "gjelder barnehage" not in fitting


def test_how_it_goes_is_answered_by_the_schemes_process_step_by_step(catalogue: Catalogue) -> None:
    """A process question gets the scheme's steps, each cited: named by the question, or the owners' scheme
    for an owner who names none; a scheme with no process of several steps is not answered so."""
    named = _ask(catalogue, "Korleis går det for seg i yrkesfagordninga, frå behov til pengar?")
    assert named.text.startswith("Slik går det til i Tilskuddsordning til kompetanseutvikling i fag- og")
    assert "fylkeskommunene gjennom årlige tilskuddsbrev" in named.text
    _markers_match_citations(named)
    owner = _ask(catalogue, "Vi er en kommune. Hva skjer etter at behovsmeldingen er sendt inn?")
    steps = [line for line in owner.text.splitlines() if line.startswith("- ")]
    assert "lokal kompetanseutvikling i barnehage og grunnopplæring" in owner.text.splitlines()[0]
    assert "analyserer kompetansebehovet" in steps[0] and "utbetaler midlene" in steps[-1]
    # A later part asks about the scheme the part before it did.
    later = _ask(catalogue, "Hva skjer så?", ["Vi eier tre barnehager. Hvem sender vi behovene til?"])
    assert later.text == owner.text
    assert _ask(catalogue, "Vi har to skoler. Hvordan går vi fram for å få midler?").text == owner.text
    # One step is no process; no scheme and no owner is no question for the advisor.
    assert advise("Hvordan går det til i Stipendordning PPU/YFL?", [], catalogue, []) is None
    assert advise("Hvordan går det til?", [], catalogue, []) is None


def test_where_needs_are_sent_is_answered_from_where_the_catalogue_says_they_go(catalogue: Catalogue) -> None:
    """ "Hvor sender vi …?" gets the places needs go, cited, not the office to ask for more; the owners'
    scheme for an owner who names none; no scheme and no owner is no question for the advisor."""
    vocational = _ask(catalogue, "Kvar sender me behova våre i yrkesfagordninga?")
    assert (
        "Samarbeidsforum" in vocational.text and "fylkeskommunen for mer informasjon" not in vocational.text
    )
    _markers_match_citations(vocational)
    owner = _ask(catalogue, "Vi er en privat barnehageeier. Hvem skal vi sende søknaden til?")
    assert (
        owner.text.startswith("I Tilskuddsordning for lokal kompetanseutvikling")
        and "Statsforvalteren" in owner.text
    )
    assert advise("Hvor sender vi søknaden?", [], catalogue, []) is None


def test_whether_needs_go_to_a_named_body_is_yes_or_no_from_where_they_go(catalogue: Catalogue) -> None:
    """ "Søker vi direkte hos X?" is answered «Nei.» when the catalogue sends needs elsewhere and «Ja.» when
    there, with the places and their quote; a report sent to a body is no such question."""
    elsewhere = _ask(catalogue, "Vi eier to barnehager. Søker vi rett til direktoratet?")
    assert elsewhere.text.startswith("Nei. I Tilskuddsordning for lokal kompetanseutvikling"), elsewhere.text
    assert "Statsforvalteren" in elsewhere.text
    _markers_match_citations(elsewhere)
    there = _ask(catalogue, "Vi eier to barnehager. Melder vi behovene til Statsforvaltaren?")
    assert there.text.startswith("Ja."), there.text
    assert advise("Vi er en kommune. Skal vi sende rapporten til Udir?", [], catalogue, []) is None


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        ("Vi eier to barnehager og ønsker penger til kompetanseheving.", "Hva må vi gjøre da?"),
        ("Vi er en kommune med fire skoler.", "Hva gjør vi for å få tilskudd?"),
        # as the resolution of the follow-up brings the statement's words along, the raw question decides
        ("Vi er en kommune.", "Hva må vi gjøre for en kommune?"),
    ],
)
def test_what_must_we_do_after_saying_who_we_are_is_the_owners_process(
    catalogue: Catalogue, previous: str, question: str
) -> None:
    """A bare «Hva må vi gjøre?» after an owner has said what they want asks how to go about it: the
    owners' scheme's steps; asked alone, or about another matter, it is no process question."""
    raw = "Hva må vi gjøre?" if question.endswith("for en kommune?") else question
    answer = advise(question, [previous], catalogue, [], raw)
    assert answer is not None and answer.text.startswith(
        "Slik går det til i Tilskuddsordning for lokal kompetanseutvikling"
    ), question
    assert advise("Hva må vi gjøre?", [], catalogue, []) is None
    assert advise("Hva må vi gjøre for å vurdere måloppnåelsen?", [previous], catalogue, []) is None
