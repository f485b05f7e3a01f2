"""The question analyser: type, focus, topic, scheme scope and parts, read once into an AnswerPlan."""

from __future__ import annotations

import pytest

from assistant.answer.plan import (
    asks_audience,
    asks_members,
    direct,
    plan_question,
    question_type,
    said_referent,
    searched_for,
    split_parts,
)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Hvem leder styringsgruppen?", "hvem"),
        ("Kven har ansvaret for planen?", "hvem"),
        ("Hva er et partnerskap?", "hva"),
        ("Når må søknaden være sendt?", "naar"),
        ("Hva er fristen for rapporten?", "naar"),
        ("Hvor mye får hver region?", "hvor_mye"),
        ("Kor mykje pengar er sett av?", "hvor_mye"),
        ("Hvor mange deltakere var det?", "hvor_mange"),
        ("Hvordan går vi fram?", "hvordan"),
        ("Hvor finner jeg skjemaet?", "hvor"),
        ("Hvor lenge har ordningen eksistert?", "naar"),
        ("Hvilke datoer er samlingene på?", "naar"),
        ("Kva dagar er kursa?", "naar"),
        ("Hvor lenge varer kurset?", "hvor"),
        ("Kan assistentene delta?", "ja_nei"),
        ("Får en privat barnehage være med?", "ja_nei"),
        ("Gjelder det også for skolene?", "ja_nei"),
        ("Hvilke krav stilles til planen?", "liste"),
        ("Hva skal rapporten inneholde?", "liste"),
        ("Hva bør søknaden ta med?", "liste"),  # what it should include, as «inneholde»
        ("Kva må rapporten ha med?", "liste"),
        ("Hvem sitter i styringsgruppen?", "liste"),
        ("Vi er en kommune med tre skoler. Hvilke tilbud passer?", "liste"),
        ("Jeg er rektor. Kan vi søke?", "ja_nei"),
        ("Takk, og gjelder det private skoler òg?", "ja_nei"),
        ("Den nye ordningen – omfatter den lærebedrifter?", "ja_nei"),
        ("Hvem er målgruppene for ordningen?", "liste"),
        ("Kven er i målgruppa?", "liste"),
        ("Hvem skal forumet samarbeide med?", "liste"),
        ("Hvem prioriterer tiltak i Kompetanseløftet for spesialpedagogikk og inkluderende praksis?", "hvem"),
        # A yes/no question opens with its verb, whichever verb it is, or asks to confirm a statement.
        ("Går det an å bruke pengene på en fagdag?", "ja_nei"),
        ("Vi er en liten kommune. Holder det med en fagskole som partner?", "ja_nei"),
        ("Trenger skolen å ha med de ansatte?", "ja_nei"),
        ("Treng barnehagen ein plan?", "ja_nei"),
        ("Stemmer det at forumet fordeler pengene?", "ja_nei"),
        ("Betales vikarer av midlene?", "ja_nei"),
        ("Men må det være en høgskole?", "ja_nei"),
        ("Altså kan alle bruke pakken?", "ja_nei"),
        ("Dette gjelder vel også private barnehager?", "ja_nei"),
        ("Fylkeskommunen koordinerer forumet, ikke sant?", "ja_nei"),
        # led by a verb of doing, not a modal: who does it, asked yes or no
        ("Utbetaler fylkeskommunen tilskuddet?", "ja_nei"),
        ("Lagar Udir planane?", "ja_nei"),
        ("Gir etterutdanningen studiepoeng?", "ja_nei"),
        ("Midler til SFO?", "hva"),  # a noun in -er is no verb
        ("Lærer i barnehage, hva gjelder for dem?", "hva"),
    ],
)
def test_the_type_is_read_from_the_sentence_that_asks(question: str, kind: str) -> None:
    assert question_type(question) == kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # "når" asking in which cases: a modal or a verb of validity or requirement, nothing dated
        ("Når kan en barnehageeier få tilskudd til kompetansetiltak?", "hva"),
        ("Når gjelder kravet om egenandel?", "hva"),
        ("Når er det krav om å følge regelverket?", "hva"),
        ("Når må en skole ha en kompetanseplan?", "hva"),
        ("Når har en lærer rett til stipend?", "hva"),
        ("Og når er en privatskole omfattet av ordningen?", "hva"),
        ("Når får en barnehage delta i nettverket?", "hva"),
        # "when does it work": the circumstances it works in, also as the clause a reported question ends in
        ("Når virker veiledning best?", "hva"),
        ("Hva skriver direktoratet om når et nettverk fungerer godt?", "hva"),
        ("Når lykkes et partnerskap?", "hva"),
        # "when does it give the most": what makes it work, also with the verb left where a clause has it
        ("Når gir nettverksarbeid i en barnehage best effekt?", "hva"),
        ("Når veiledning gir bedre resultater?", "hva"),
        # "når" asking at what time: a time word, a dated act, or "får"/"skal" with a definite subject
        ("Når kan vi søke?", "naar"),
        ("Når kan en kommune søke om midler?", "naar"),
        ("Når gjelder de nye reglene fra?", "naar"),
        ("Når skal forumet møtes?", "naar"),
        ("Når får vi svar?", "naar"),
        ("Når kan vi få pengene?", "naar"),
        ("Når må rapporten leveres?", "naar"),
        ("Når skal planen være klar?", "naar"),
        ("Når er konferansen i Tromsø?", "naar"),
    ],
)
def test_a_when_question_asking_in_which_cases_is_no_time_question(question: str, kind: str) -> None:
    assert question_type(question) == kind


def test_the_focus_is_what_is_asked_for_and_the_topic_the_rest() -> None:
    plan = plan_question("Hvem leder styringsgruppen i prosjektet?")
    assert plan.type == "hvem" and plan.focus == ("leder",)
    assert set(plan.topic) == {"styringsgruppen", "prosjektet"}


def test_a_question_with_two_questions_is_split_into_parts() -> None:
    assert split_parts("Hvem kan få støtte, og hva dekker midlene?") == (
        "Hvem kan få støtte?",
        "Hva dekker midlene?",
    )
    assert split_parts("Hva er en veileder? Hvem betaler for den?") == (
        "Hva er en veileder?",
        "Hvem betaler for den?",
    )
    assert split_parts("Hvordan søker vi, og hvem bestemmer?") == ("Hvordan søker vi?", "Hvem bestemmer?")


def test_a_yes_no_question_opened_by_a_verb_and_a_pronoun_is_a_part_not_a_topic() -> None:
    """ "Pakkene, hva er de …?" puts its topic first; "Koster det noe, og …?" asks a question of its own."""
    assert split_parts("Koster det noe, og hvem arrangerer kursene?") == (
        "Koster det noe?",
        "Hvem arrangerer kursene?",
    )


def test_a_topic_put_before_the_question_words_goes_with_each_part() -> None:
    """Spoken Norwegian puts what is asked about first ("Pakkene, hva er de …"); without it, the parts
    ask about "de" and "dem". It takes the place of the pronoun that stands for it, or, with none to
    take, is a sentence before the part."""
    assert split_parts("Takk. Og veilederpakkene, hva er de, og hvem har laget dem?") == (
        "Takk. Hva er veilederpakkene?",
        "Hvem har laget veilederpakkene?",
    )
    assert split_parts("Dekom, hvem kan søke, og finnes det en frist?") == (
        "Dekom. Hvem kan søke?",
        "Dekom. Finnes det en frist?",  # "det" here stands for nothing
    )
    assert plan_question("Dekom. Hvem kan søke?").type == "hvem"


def test_the_difference_between_two_things_is_asked_as_what_each_is() -> None:
    assert split_parts("Hva er forskjellen mellom Rekom og Dekom? Og hvem søker?") == (
        "Hva er Rekom?",
        "Hva er Dekom?",
        "Hvem søker?",
    )
    # "Is there a difference …?" is a yes/no question, not two definitions.
    assert split_parts("Er det forskjell på kommuner og fylkeskommuner?") == ()


def test_two_describing_words_of_one_noun_each_keep_the_noun() -> None:
    """ "regional og desentralisert ordning" contrasts two ordninger, not «regional» and the other."""
    assert split_parts("Hva er skilnaden på regional og desentralisert ordning?") == (
        "Hva er regional ordning?",
        "Hva er desentralisert ordning?",
    )
    assert split_parts("Hva er forskjellen på skole og barnehage?") == ("Hva er skole?", "Hva er barnehage?")


def test_a_bare_contrast_is_asked_of_the_pair_named_before_it() -> None:
    """A bare "Hva skiller dem?" contrasts the pair the sentence before it names; «fra det» points back and
    names no term."""
    parts = split_parts("Jeg må forklare forskjellen på kurs og studier. Hva skiller dem?")
    assert parts == ("Jeg må forklare forskjellen på kurs og studier. Hva er kurs?", "Hva er studier?")
    assert len(split_parts("Hva er et kurs, og hva skiller studier fra det?")) == 2


def test_only_sentences_that_ask_are_split() -> None:
    """What the asker tells first stays whole, as context of the first part; a statement after the
    question is no part."""
    assert split_parts("Vi er en kommune og har tre skoler. Hvem kan søke, og når er fristen?") == (
        "Vi er en kommune og har tre skoler. Hvem kan søke?",
        "Når er fristen?",
    )
    assert split_parts("Hvem er kontaktpersonen for ordningen? Vil gjerne ringe noen.") == ()
    assert split_parts("Hva kan vi søke om, og finnes det noe for nyansatte?") == (
        "Hva kan vi søke om?",
        "Finnes det noe for nyansatte?",
    )


@pytest.mark.parametrize(
    "question",
    [
        "Hvem kan søke om støtte til kurs og samlinger?",
        "Hvis vi er en kommune, kan vi søke?",
        "Kan lærere og ledere delta?",
        "Vi er en kommune. Hvilke tilbud passer?",
    ],
)
def test_one_question_stays_one(question: str) -> None:
    assert split_parts(question) == ()
    assert not plan_question(question).multi_part


def test_the_scheme_in_scope_comes_from_the_question_else_the_conversation() -> None:
    def find(text: str) -> list[str]:
        return [name for name in ("alfa", "beta") if name in text.lower()]

    named = plan_question("Hvem leder forumet i Alfa?", ["Hva er Beta?"], find)
    assert named.schemes == ("alfa",) and named.schemes_from == "question"
    remembered = plan_question("Hvem leder forumet?", ["Hva er Beta?"], find)
    assert remembered.schemes == ("beta",) and remembered.schemes_from == "conversation"
    assert plan_question("Hvem leder forumet?", [], find).schemes_from == "none"


def test_a_field_scopes_a_question_only_when_no_scheme_is_named_here_or_before() -> None:
    """ "… for yrkesfagene der?" after a question about Kompetanseløftet is about Kompetanseløftet; only a
    question and conversation that name no scheme are scoped by the field they speak of."""

    def find(text: str) -> list[str]:
        return ["kpl"] if "kompetanseløftet" in text.lower() else []

    def field(text: str) -> list[str]:
        return ["fyo"] if "yrkesfag" in text.lower() else []

    part = "Hvilket forum prioriterer tiltak for yrkesfagene der?"
    assert plan_question(part, ["Hvem administrerer Kompetanseløftet?"], find, None, field).schemes == (
        "kpl",
    )
    alone = plan_question("Kan Statsforvalteren være med i forumet for yrkesfag?", [], find, None, field)
    assert alone.schemes == ("fyo",) and alone.schemes_from == "question"
    later = plan_question("Hvem leder det?", ["Hva gjør forumet for yrkesfag?"], find, None, field)
    assert later.schemes == ("fyo",) and later.schemes_from == "conversation"


def test_the_sectors_come_from_the_question_else_the_conversation() -> None:
    def find(text: str) -> tuple[str, ...]:
        return tuple(s for s in ("barnehage", "grunnskole") if s in text.lower())

    assert plan_question("Hvem leder forumet?", ["Vi har en grunnskole."], None, find).sectors == (
        "grunnskole",
    )
    assert plan_question("Gjelder det en barnehage?", ["Vi har en grunnskole."], None, find).sectors == (
        "barnehage",
    )
    assert plan_question("Hvem leder forumet?", [], None, find).sectors == ()


def test_the_plan_is_plain_data_for_the_json_output() -> None:
    data = plan_question("Hvem kan få støtte, og hva dekker midlene?").to_dict()
    assert data["type"] == "hvem" and data["parts"] == ["Hvem kan få støtte?", "Hva dekker midlene?"]
    keys = {"question", "type", "focus", "topic", "schemes", "schemes_from", "parts", "sectors"}
    assert set(data) == keys


@pytest.mark.parametrize(
    ("question", "read"),
    [
        (
            "Jeg jobber i en barnehage. Kollegaene og jeg lurer på om vi kan delta i kurset?",
            "Jeg jobber i en barnehage. Kan vi delta i kurset?",
        ),
        ("Vi lurer på om de ansatte i PPT kan være med?", "Kan de ansatte i PPT være med?"),
        ("Eg lurar på om Statsforvaltaren skal vere med?", "Skal Statsforvaltaren vere med?"),
        # A question-word question is asked directly too, its frame («vil også gjerne vite») dropped.
        ("Jeg lurer på hvor mye vi får?", "Hvor mye får vi?"),
        (
            "Vi vil også gjerne vite hvor ofte vi må rapportere, og til hvem.",
            "Hvor ofte må vi rapportere, og til hvem?",
        ),
        ("Videre lurer vi på hvem som er målgruppen.", "Hvem er målgruppen?"),
        ("Vi er en kommune og lurer på når fristen er.", "Vi er en kommune. Når er fristen?"),
        # Who says it is not what is asked; filler words go.
        ("Hva sier Udir om hva som egentlig skal til?", "Hva skal til?"),
        ("Hva sier retningslinjene om hvem som kan søke?", "Hvem kan søke?"),
        # A polite request asks what it requests; what it is about stays as a sentence before it.
        ("Kan dere fortelle meg hvem som fordeler midlene?", "Hvem fordeler midlene?"),
        (
            "Kan du gi meg en oversikt over rollene i Dekom: hvem gjør hva?",
            "En oversikt over rollene i Dekom. Hvem gjør hva?",
        ),
        ("Kan du hjelpe oss med søknaden?", "Kan du hjelpe oss med søknaden?"),
        # A request to tell about a thing asks what it is; one to tell «om hvem …» asks that question.
        ("Kan du fortelle litt om lærerløftet?", "Hva er lærerløftet?"),
        ("Vi er nye her. Fortell oss om fagfornyelsen.", "Vi er nye her. Hva er fagfornyelsen?"),
        ("Jeg vil gjerne vite mer om stipendene", "Hva er stipendene?"),
        ("Kan du fortelle om hvem som betaler?", "Hvem betaler?"),
        ("Kan du si om vi rekker fristen?", "Kan du si om vi rekker fristen?"),
        # A bare "what is it" after a sentence that gives the thing's name asks what the named thing is.
        (
            "Rektor snakket om et program som heter Lærerspesialist. Hva går det ut på?",
            "Rektor snakket om et program som heter Lærerspesialist. Hva er Lærerspesialist?",
        ),
        ("Vi hørte om noe kalt Dekom. Hva innebærer den?", "Vi hørte om noe kalt Dekom. Hva er Dekom?"),
        ("Jeg heter Kari. Hva er det?", "Jeg heter Kari. Hva er det?"),
    ],
)
def test_a_question_is_read_plainly(question: str, read: str) -> None:
    assert direct(question) == read
    if read != question and ("lurer på om" in question or "lurar på om" in question):
        assert question_type(read) == "ja_nei"


def test_words_that_only_colour_a_question_do_not_change_its_type() -> None:
    assert question_type("Hvem skal egentlig være representert i forumet?") == "liste"
    assert question_type("Hvem skal være representert i forumet?") == "liste"


def test_a_question_asked_before_a_contrast_is_a_part_of_its_own() -> None:
    """ "Hva er formålet med X, og hva er forskjellen på A og B?" lost its first question to the contrast."""
    question = (
        "Hva er formålet med kompetanseutvikling, og hva er forskjellen på etterutdanning og videreutdanning?"
    )
    assert split_parts(question) == (
        "Hva er formålet med kompetanseutvikling?",
        "Hva er etterutdanning?",
        "Hva er videreutdanning?",
    )
    assert split_parts("Hva er forskjellen på Rekom og Dekom?") == ("Hva er Rekom?", "Hva er Dekom?")


def test_what_a_thing_can_be_used_for_asks_after_the_verb_not_the_subject() -> None:
    assert plan_question("Hva kan midlene brukes til?", ()).focus == ("brukes",)
    assert plan_question("Hva kan midlene i Dekom brukes til i Nordland?", ()).focus == ("brukes",)
    # in the documents' word for it
    plan = plan_question("Hva kan pengene benyttes til?", ())
    assert plan.focus == ("brukes",) and "benyttes" not in plan.topic
    # not a noun that ends like a passive verb's ending, nor a process ("hvordan") or an infinitive
    assert plan_question("Hva kan vi søke om?", ()).focus == ("søke",)
    assert plan_question("Hvordan skal tiltakene planlegges?", ()).focus == ("tiltakene",)
    assert plan_question("Hva skal planen inneholde?", ()).focus == ("planen",)
    assert plan_question("Hva kan vi få tilskudd til?", ()).focus == ("tilskudd",)


def test_a_what_is_the_question_asks_after_the_head_of_its_noun_phrase() -> None:
    assert plan_question("Hva er det sentrale målet med ordningen?", ()).focus == ("målet",)
    assert plan_question("Hva er den viktigste oppgaven til forumet?", ()).focus == ("oppgaven",)
    assert plan_question("Hvem leder forumet?", ()).focus == ("leder",)


def test_two_question_words_sharing_one_verb_become_two_parts_that_both_keep_it() -> None:
    """ "Når og hvor …?" asks both of the same verb and subject: neither part is a bare question word."""
    assert split_parts("Når og hvor holdes fagdagene?") == ("Når holdes fagdagene?", "Hvor holdes fagdagene?")
    assert split_parts("Fagdagene for styrere, når og hvor er de?") == (
        "Når er fagdagene for styrere?",
        "Hvor er fagdagene for styrere?",
    )
    assert split_parts("Hvem, hva og når skal rektor rapportere?") == (
        "Hvem skal rektor rapportere?",
        "Hva skal rektor rapportere?",
        "Når skal rektor rapportere?",
    )
    assert split_parts("Hvor mye og når utbetales tilskuddet?") == (
        "Hvor mye utbetales tilskuddet?",
        "Når utbetales tilskuddet?",
    )


@pytest.mark.parametrize(
    ("question", "members"),
    [
        ("Hvem sitter i samarbeidsforumet?", True),
        ("Kven sit i samarbeidsforumet i fylket?", True),
        ("Hvilke organisasjoner er med i forumet som fordeler pengene?", True),
        ("Hvem skal egentlig være representert i samarbeidsforumet?", True),
        ("Hva består samarbeidsforumet av?", True),
        ("Hvilke parter skal forumet i fylket inkludere?", True),
        ("Kven skal samarbeidsforumet samarbeida med?", True),
        ("Hva inkluderer kompetanseplanen?", False),
        ("Hvem har sekretariatsansvaret for samarbeidsforumet?", False),
        ("Hvem deltar i kompetansetiltakene?", False),
        ("Hva gjør samarbeidsforumet?", False),
        ("Kan KS være med i samarbeidsforumet?", False),
    ],
)
def test_a_question_asking_who_a_body_is_made_of_is_told_apart(question: str, members: bool) -> None:
    """Who sits in a forum is answered by its members; who runs it, what it does, or whether one body may
    join (a yes/no question) is not that question."""
    assert asks_members(question) is members


@pytest.mark.parametrize(
    ("question", "audience"),
    [
        ("Hvem er egentlig målgruppen for desentralisert ordning?", True),
        ("Kven er målgruppa for Rekom?", True),
        ("Hvem er kompetansepakkene for?", True),
        ("Hvem retter Kompetanseløftet seg mot?", True),
        ("Hvem er ansvarlig for planen?", False),
        ("Hvem sitter i samarbeidsforumet?", False),
        ("Er PPT i målgruppen for Dekom?", False),
    ],
)
def test_a_question_asking_who_a_scheme_is_for_is_told_apart(question: str, audience: bool) -> None:
    assert asks_audience(question) is audience


@pytest.mark.parametrize(
    ("asked", "parts"),
    [
        (
            "Kommunen vår lurer på hvem som kan delta på samlingene, hvor de holdes og om det koster noe.",
            ("Hvem kan delta på samlingene?", "Hvor holdes de?", "Koster det noe?"),
        ),
        (
            "Vi har fått en henvendelse fra en privat eier som lurer på om de kan melde behov selv, hvem som "
            "prioriterer tiltakene og når midlene blir utbetalt.",
            (
                "Vi har fått en henvendelse fra en privat eier. Kan de melde behov selv?",
                "Hvem prioriterer tiltakene?",
                "Når blir midlene utbetalt?",
            ),
        ),
        (
            "Rektor vil gjerne vite hvilke tiltak som kan få støtte og hvor mye penger vi kan få.",
            ("Hvilke tiltak kan få støtte?", "Hvor mye penger kan vi få?"),
        ),
    ],
)
def test_several_indirect_questions_in_one_sentence_are_each_asked_as_a_part(
    asked: str, parts: tuple[str, ...]
) -> None:
    """«… lurer på om X, hvem som Y og når Z.» asks three things: each is a part, asked directly, and what
    the sentence says of who asks stays with the first."""
    assert split_parts(direct(asked)) == parts


def test_asking_how_to_reply_is_no_part_of_its_own() -> None:
    asked = (
        "En kommune spør når fristen er for samlingen, og om de kan ta med en assistent. Hva kan jeg svare?"
    )
    assert split_parts(direct(asked)) == ("Når er fristen for samlingen?", "Kan de ta med en assistent?")


@pytest.mark.parametrize(
    ("asked", "read"),
    [
        ("Hva er poenget med Dekom – hva skal vi sitte igjen med?", "Hva er målet med Dekom?"),
        ("Hva er det de vil at vi skal sitte igjen med?", "Hva er målet?"),
        ("Hva vil de at vi skal få ut av kompetansepakka?", "Hva er målet med kompetansepakka?"),
        ("Kva er eigentleg vitsen med ordninga?", "Hva er målet med ordninga?"),
    ],
)
def test_an_everyday_way_to_ask_after_the_goal_is_asked_as_the_goal(asked: str, read: str) -> None:
    """ "Hva skal vi sitte igjen med?" got any sentence sharing its other words; the documents say «mål»."""
    assert direct(asked) == read


def test_the_part_from_its_asking_sentence_on_leaves_who_asks_out() -> None:
    from assistant.service import _asking_only

    assert _asking_only("Jeg er ny i stillingen. Hva er vår rolle?") == "Hva er vår rolle?"
    assert _asking_only("Hva er vår rolle?") == "Hva er vår rolle?"
    assert _asking_only("Vi er en kommune. Vi har to skoler. Hvem prioriterer?") == "Hvem prioriterer?"
    said = "Vi har hørt at Statsforvalteren sitter i forumet. Stemmer det?"
    assert _asking_only(said) == said
    said = "Vi har hørt at Statsforvalteren sitter i forumet. Er det riktig?"
    assert _asking_only(said) == said


def test_our_role_is_the_role_of_the_body_who_asks_works_in() -> None:
    from assistant.answer.plan import as_askers_body, asker_context

    context = asker_context("Jeg er saksbehandler hos Statsforvalteren. Hva gjør vi, og hva er vår rolle?")
    assert context == "Jeg er saksbehandler hos Statsforvalteren."
    assert as_askers_body("Hva er vår rolle?", context) == "Hva er Statsforvalterens rolle?"
    assert (
        as_askers_body("Hva er vår rolle?", "Jeg jobber i fylkeskommunen.") == "Hva er fylkeskommunens rolle?"
    )
    # two bodies, none, or a question that is not about a role: left as asked
    assert as_askers_body("Hva er vår rolle?", "Vi er en kommune og en fylkeskommune.") == "Hva er vår rolle?"
    assert as_askers_body("Hva er vår rolle?", "") == "Hva er vår rolle?"
    assert as_askers_body("Kan våre lærere delta?", "Vi er en kommune.") == "Kan våre lærere delta?"


def test_what_the_first_part_is_about_leaves_out_who_asks() -> None:
    from assistant.answer.plan import without_asker
    from assistant.service import _about_first

    assert without_asker("Jeg er rådgiver i en kommune. Workshopen er i vår. Når er den?") == (
        "Workshopen er i vår. Når er den?"
    )
    assert without_asker("Vi er en kommune.") == "Vi er en kommune."
    assert "workshopene" in _about_first("Når er workshopene i Nordland?").split()
    assert "rådgiver" not in _about_first("Jeg er rådgiver. Når er workshopene i Nordland?").split()


def test_a_later_part_ending_a_clause_with_der_points_back() -> None:
    from assistant.service import _leans_back, _points_to_place

    assert _points_to_place("Hvem sitter i styret der?")
    assert _points_to_place("Hva koster det der, og når starter det?")
    assert _leans_back("Hvem sitter i styret der – rektorene?")
    # "der" that opens a clause is no pointer
    assert not _points_to_place("Hvem får midler der det er størst behov?")
    assert not _points_to_place("Hvem sitter i styret?")


def test_a_later_amount_keeps_the_place_and_year_of_the_first() -> None:
    from assistant.service import _amount_frame

    first = "Hvor mye fikk Rekom i Nordland i 2025?"
    assert _amount_frame(first, "Hvor mye fikk Kompetanseløftet?") == "i Nordland i 2025"
    # its own year, an amount for each one, or no amount asked before: nothing is added
    assert _amount_frame("Hvor mye ble fordelt i Oslo og Viken i 2021?", "Hvor mye for 2022-2023?") == ""
    assert _amount_frame(first, "Hvor mye får hver skole?") == ""
    assert _amount_frame("Hvem utbetaler midlene i Nordland?", "Hvor mye fikk Kompetanseløftet?") == ""


def test_not_only_is_no_question_of_only() -> None:
    from assistant.answer.extractive import _says_its_kind
    from assistant.rules import PlanRules, rule_file

    rules = rule_file(PlanRules)
    said = "Vi kan planlegge og gjennomføre."
    assert _says_its_kind(rules, "Kan vi planlegge, ikke bare gjennomføre?", said)
    assert not _says_its_kind(rules, "Kan vi bare planlegge?", said)


def test_the_particle_of_going_about_something_is_no_focus() -> None:
    """ "Hvordan går vi fram for å melde behov?" asks how to report a need: «fram» only says how one goes."""
    assert plan_question("Hvordan går vi fram for å melde behov?", ()).focus == ("melde",)
    assert plan_question("Hvordan går vi frem for å søke?", ()).focus == ("søke",)


def test_the_askers_own_role_beside_the_pronoun_is_no_focus() -> None:
    """ "Hva kan vi som skoleeier søke om?" asks what can be applied for; «skoleeier» says who asks."""
    plan = plan_question("Hva kan vi som skoleeier søke om?", ())
    assert plan.focus == ("søke",) and "skoleeier" in plan.topic
    assert plan_question("Hva må jeg som ny styrer gjøre med planen?", ()).focus == ("planen",)
    # «som» after a noun, not a pronoun, opens a clause about it and is left alone
    assert plan_question("Hvem er lærerne som deltar?", ()).focus == ("lærerne",)


def test_a_joining_word_or_a_lead_in_before_a_question_is_no_part_of_it() -> None:
    """ "Og hva …?" and "Tre ting: hvilke …?" are questions; the joining word and the lead-in are not."""
    assert split_parts("Hva er Dekom? Og hva kan pengene brukes til?") == (
        "Hva er Dekom?",
        "Hva kan pengene brukes til?",
    )
    assert split_parts("Vi lurer på tre ting: hvem kan søke? Og hva er fristen?") == (
        "Hvem kan søke?",
        "Hva er fristen?",
    )
    assert split_parts("Vi er en skole. Et par spørsmål: hvilke stipend finnes? Men hvem søker?") == (
        "Vi er en skole. Hvilke stipend finnes?",
        "Hvem søker?",
    )


def test_a_pronoun_question_after_a_statement_asks_about_what_the_statement_speaks_of() -> None:
    read = said_referent("Vi har lest om hospiteringsordningen. Hva er det?")
    assert read == "Hva er hospiteringsordningen?"
    assert said_referent("Fylkeskommunen skal holde fagdager i høst. Når er de?") == "Når er fagdager?"
    # the statement as a whole is asked about, or it points back itself, or there is no statement
    assert said_referent("Vi har hørt at Udir lager en pakke. Stemmer det?") == ""
    assert said_referent("Den om yrkesfag høres nyttig ut for oss på skolen. Hvem kan bruke den?") == ""
    assert said_referent("Hva er Rekom?") == ""
    assert said_referent("Vi er en kommune. Hvem kan søke?") == ""


def test_who_may_take_part_in_the_measures_is_asked_as_who_they_are_for() -> None:
    assert asks_audience("Hvem kan være med på tiltakene i Rekom?")
    assert asks_audience("Kven kan delta i kompetansetiltaka?")
    assert not asks_audience("Hvem kan delta i samarbeidsforumet?")  # its members, not a target group


def test_an_ask_inside_a_clause_another_question_word_opens_is_not_the_question() -> None:
    """«Hvem bestemmer hvor mye …?» asks who: «hvor mye» is what that one decides, and no amount is owed."""
    from assistant.answer.citations import asks_for_value

    assert question_type("Hvem bestemmer hvor mye hver kommune får?") == "hvem"
    assert not asks_for_value("Hvem bestemmer hvor mye hver kommune får?")
    # after a comma or «og» it is a question of its own; a noun asked after stays what is asked
    assert question_type("Hva er Rekom, og hvor mye får vi?") == "hvor_mye"
    assert asks_for_value("Hva er Rekom, og hvor mye får vi?")
    assert asks_for_value("Hva er fristen for å melde behov?")
    assert asks_for_value("Kan du si hvor mye vi får?")


def test_one_indirect_clause_beside_a_direct_question_stays_as_written() -> None:
    """Beside a question of its own, «… som lurer på hva de forplikter seg til» says who asks."""
    asked = "Hva forventes av arbeidslivet? Skal svare en bedrift som lurer på hva de forplikter seg til."
    assert direct(asked) == asked


def test_a_duty_frame_puts_the_focus_on_the_deed_after_it() -> None:
    """ "Hvem har ansvaret for å X?" asks who does X: «ansvaret» is how a duty is asked, not what."""
    assert plan_question("Hvem har ansvaret for å rapportere til Udir?", ()).focus == ("rapportere",)
    assert plan_question("Hvem har oppgaven med å etablere forumet?", ()).focus == ("etablere",)
    assert plan_question("Hvem har ansvaret for forumet?", ()).focus == ("forumet",)


def test_who_decides_what_is_done_asks_after_the_doing() -> None:
    """ "Hvem bestemmer hvilke X som <passive>?" asks who does the passive verb's deed: the documents say
    who «velger ut» or «prioriterer», not who «bestemmer»."""
    assert plan_question("Hvem bestemmer hvilke mentorer som velges ut?", ()).focus == ("velges",)
    assert plan_question("Kven avgjer kva for søknader som vert godkjende?", ()).focus == ("godkjende",)
    assert plan_question("Hvem bestemmer hva som blir prioritert?", ()).focus == ("prioritert",)
    # «får» says what the chosen get, not what the chooser does
    assert plan_question("Hvem bestemmer hvilke skoler som får mentor?", ()).focus == ("bestemmer",)


def test_who_a_body_works_with_asks_after_the_verb_its_preposition_is_left_by() -> None:
    """ "Hvem skal eierne samarbeide med?" asks after the partner: the body before the verb says whose, and
    only a forum's partners are a list of members."""
    plan = plan_question("Hvem skal eierne samarbeide med i desentralisert ordning?", ())
    assert plan.type == "hvem" and plan.focus == ("samarbeide",) and "eierne" in plan.topic
    assert plan_question("Hvem må kommunen rapportere til?", ()).focus == ("rapportere",)
    assert plan_question("Hvem skal forumet samarbeide med?", ()).type == "liste"
    assert plan_question("Hvem skal samarbeide med høgskolen?", ()).focus == ("samarbeide",)


def test_whether_a_scheme_reaches_something_asks_after_what_follows_its_last_for() -> None:
    """ "Gjelder desentralisert ordning for SFO?": the scheme's name is where it is asked, SFO what."""
    assert plan_question("Gjelder desentralisert ordning for SFO?", ()).focus == ("sfo",)
    assert plan_question(
        "Gjelder ordningen for kompetanseutvikling i barnehage også for dagmammaer?", ()
    ).focus == ("dagmammaer",)
    assert plan_question("Gjelder det oss?", ()).focus != ("oss",)


def test_which_year_asks_when_and_after_what_happened() -> None:
    plan = plan_question("Hvilket år startet den lokale ordningen?", ())
    assert plan.type == "naar" and plan.focus == ("startet",)
    assert plan_question("I kva år vart ordninga sett i verk?", ()).type == "naar"


def test_a_question_passed_on_before_asking_how_to_reply_is_asked_directly() -> None:
    """What an inquiry asks, not "Hva kan vi svare?": the sender stands for the pronoun that means it,
    and is kept as a sentence before a subject of the question's own."""
    assert direct("Vi har fått spørsmål fra en privat skoleeier om de kan søke. Hva skal vi svare?") == (
        "Kan en privat skoleeier søke?"
    )
    assert direct("Vi har fått en henvendelse fra en kommune om PPT kan delta. Hva kan jeg svare?") == (
        "Vi har fått en henvendelse fra en kommune. Kan PPT delta?"
    )
    # not a question passed on, nor a reply asked for beside no other question
    assert direct("Hvilket spørsmål om pengene skal vi ta stilling til?") == (
        "Hvilket spørsmål om pengene skal vi ta stilling til?"
    )
    assert direct("Hva kan vi svare?") == "Hva kan vi svare?"


def test_how_it_goes_when_someone_does_something_asks_after_the_deed() -> None:
    """ "Hvordan går vi fram når vi skal søke?" asks how to apply: «går», «fram» and who asks are no
    focus."""
    assert plan_question("Hvordan går vi fram når vi som skoleeier skal søke?", ()).focus == ("søke",)
    assert plan_question("Hvordan fungerer det når en skole vil melde behov?", ()).focus == ("melde",)


@pytest.mark.parametrize(
    ("asked", "read_as"),
    [
        (
            "Vi har hørt at Udir fordeler pengene i Rekom – stemmer det?",
            "Stemmer det at Udir fordeler pengene i Rekom?",
        ),
        (
            "Hei. Jeg har lest at kommunen må betale egenandel. Er det riktig?",
            "Hei. Stemmer det at kommunen må betale egenandel?",
        ),
        # a tag that goes on to ask more is left as written: the claim is the context of what follows
        (
            "Vi har hørt at Statsforvalteren sitter i forumet. Stemmer det, og hva gjør de der?",
            "Vi har hørt at Statsforvalteren sitter i forumet. Stemmer det, og hva gjør de der?",
        ),
    ],
)
def test_a_heard_claim_with_a_tag_is_asked_whether_it_holds(asked: str, read_as: str) -> None:
    assert direct(asked) == read_as


@pytest.mark.parametrize(
    ("asked", "read_as"),
    [
        (
            "Vi er tre barnehager som ønsker å søke sammen om midler, går det an?",
            "Vi er tre barnehager. Er det lov å søke sammen om midler?",
        ),
        (
            "Hei. Jeg vurderer å bruke pengene til vikarer – er det greit å gjøre det slik?",
            "Hei. Er det lov å bruke pengene til vikarer?",
        ),
        (
            "Jeg er styrer og tenker på å melde behov selv. Er det mulig?",
            "Jeg er styrer. Er det lov å melde behov selv?",
        ),
        # a statement with no plan in it, or a tag that asks something else, is left as written
        ("Vi har søkt om midler, er det greit?", "Vi har søkt om midler, er det greit?"),
        (
            "Vi vurderer å melde behov. Hvem tar imot meldingen?",
            "Vi vurderer å melde behov. Hvem tar imot meldingen?",
        ),
    ],
)
def test_a_plan_told_with_a_tag_is_asked_whether_it_may_be_done(asked: str, read_as: str) -> None:
    assert direct(asked) == read_as


def test_a_second_question_joined_by_samt_or_i_tillegg_or_opened_by_verb_and_pronoun_is_a_part() -> None:
    assert split_parts("Hva er hospiteringsordningen samt hvem kan delta?") == (
        "Hva er hospiteringsordningen?",
        "Hvem kan delta?",
    )
    assert split_parts("Hva gjør forumet, i tillegg til hvem leder det?") == (
        "Hva gjør forumet?",
        "Hvem leder det?",
    )
    assert split_parts("Hva er en veileder, og koster det noe å bruke den?") == (
        "Hva er en veileder?",
        "Koster det noe å bruke den?",
    )
    # without a comma, a verb and "det" after "og" are the first question's verb and its object
    assert split_parts("Hvem melder behov og sender det til Statsforvalteren?") == ()


def test_a_bare_question_word_after_a_part_is_asked_of_that_parts_verb_and_subject() -> None:
    assert split_parts("Hva skal skolene levere, og til hvem?") == (
        "Hva skal skolene levere?",
        "Til hvem skal skolene levere?",
    )
    assert split_parts("Kan vi melde behov, og når?") == ("Kan vi melde behov?", "Når kan vi melde behov?")
    # «Hvem» is the subject: "Hvordan kan søke?" would have none, so the question stays whole
    assert split_parts("Hvem kan søke, og hvordan?") == ()


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "Hvem søker i regional ordning, og hvem i yrkesfagordningen?",
            ("Hvem søker i regional ordning?", "Hvem søker i yrkesfagordningen?"),
        ),
        (
            "Kven søkjer i regional ordning, og kven i yrkesfagordninga?",
            ("Kven søkjer i regional ordning?", "Kven søkjer i yrkesfagordninga?"),
        ),
        (  # the phrase of the same preposition is put in place; the rest of the part stays
            "Hvor mye fikk Nordland til dekom i 2025, og hvor mye til rekom?",
            ("Hvor mye fikk Nordland til dekom i 2025?", "Hvor mye fikk Nordland til rekom i 2025?"),
        ),
        (  # no phrase of that preposition before: the gapped one is put after
            "Hvem prioriterer tiltakene, og hvem i Dekom?",
            ("Hvem prioriterer tiltakene?", "Hvem prioriterer tiltakene i Dekom?"),
        ),
    ],
)
def test_a_part_of_only_question_words_and_a_phrase_asks_the_part_befores_verb(
    question: str, parts: tuple[str, ...]
) -> None:
    assert split_parts(question) == parts


def test_who_may_take_part_in_a_scheme_asks_its_target_group_but_not_in_a_forum() -> None:
    assert asks_audience("Hvem kan være med i Kompetanseløftet?")
    assert asks_audience("Hvem kan delta?")
    assert not asks_audience("Hvem kan delta i samarbeidsforumet?")
    assert not asks_audience("Hvem kan delta i det lokale kompetansenettverket?")


def test_who_at_a_place_may_join_asks_after_joining_and_is_searched_for_by_the_target_groups() -> None:
    """«Hvem hos bedriftene kan delta …?» read «hos» as what is asked after; the place only narrows down whom,
    and the line naming the target groups says «Målgrupper», not «delta»."""
    question = "Hvem i barnehagen vår kan delta i tiltakene?"
    assert plan_question(question).focus == ("delta",)
    assert asks_audience(question)
    assert searched_for(question) == f"{question} Målgrupper"
    assert searched_for("Hvem er målgruppen for tiltakene?") == "Hvem er målgruppen for tiltakene?"
    # one asking who a thing is for finds its answer as it is
    assert searched_for("Hvem er pakkene laget for?") == "Hvem er pakkene laget for?"
    assert searched_for("Hvem sitter i forumet som fordeler pengene?") == "Hvem sitter i forumet?"


def test_we_in_a_yes_no_question_is_the_body_who_asks_works_at_when_it_acts_in_the_schemes() -> None:
    """«Vi hos Statsforvalteren …. Kan vi være med der?» had no focus at all: «vi» is Statsforvalteren."""
    asked = direct("Jeg jobber hos Statsforvalteren i Agder. Kan vi sitte i forumet?")
    assert asked.endswith("Kan Statsforvalteren sitte i forumet?"), asked
    # the body who asks is the one after «hos»/«i», not another the sentence names
    other = direct("Vi i Udir har lest om forumet fylkeskommunen leder. Skal vi delta der?")
    assert other.endswith("Skal Udir delta der?"), other
    # an owner's «vi» is left for the advisor to read as an owner; no question with «vi» as its subject
    assert direct("Vi er en kommune. Kan vi delta?").endswith("Kan vi delta?")
    assert direct("Jeg jobber i fylkeskommunen. Kan vi søke?").endswith("Kan vi søke?")
    assert direct("Jeg jobber hos Statsforvalteren. Hvem leder forumet?").endswith("Hvem leder forumet?")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Bør planen i yrkesfagordningen omfatte evaluering av tiltakene?", "ja_nei"),
        ("Må planen inneholde varighet?", "ja_nei"),
        ("Bør planen innehalde ei evaluering?", "ja_nei"),
        ("Bestemmer Udir hvilke samarbeidsparter som kan være med i forumet?", "ja_nei"),
        ("Avgjør samarbeidsforum hvilke tiltak som får midler?", "ja_nei"),
        ("Hva bør planen inneholde?", "liste"),  # asks what
        ("Kan du liste opp kriteriene?", "liste"),  # a request
        ("Skal planen omfatte hvilke tiltak som er prioritert?", "liste"),
    ],
)
def test_a_modal_or_deciding_verb_first_asks_yes_or_no_though_a_list_word_follows(
    question: str, kind: str
) -> None:
    assert question_type(question) == kind


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("Når må kommunen levere planen?", "levere"),
        ("Når skal arbeidsgruppa møtes?", "møtes"),
        ("Kva tid må skulen sende søknaden?", "sende"),
        ("Når må den enkelte barnehage svare?", "svare"),
        # a pronoun subject was never the focus
        ("Når kan vi søke?", "søke"),
    ],
)
def test_a_when_question_asks_the_time_of_the_deed_not_the_doer(question: str, focus: str) -> None:
    assert plan_question(question, ()).focus == (focus,)
