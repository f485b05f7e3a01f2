"""Reading the advisor's questions: which yes/no question is asked (group, owner, use), about which scheme,
and which profile a "which schemes fit us?" question gives."""

from __future__ import annotations

import pytest

from assistant.schemes.catalogue import Catalogue
from assistant.schemes.questions import asks_for_match, read_profile, read_yes_no

R, D, K = "regional-ordning", "desentralisert-ordning", "kompetanseloftet"
F = "fag-og-yrkesopplaering"


# --- yes/no questions: the decision to route, the scheme and the subject ---------------------------

GROUP_CASES = [
    # (earlier questions, question, scheme, group as read)
    (
        [],
        "Kan barne- og ungdomsarbeiderne i barnehagen delta i Rekom?",
        R,
        "barne- og ungdomsarbeiderne i barnehagen",
    ),
    ([], "Omfatter den desentraliserte ordningen også spesialpedagogene?", D, "spesialpedagogene"),
    (
        [],
        "Kan prøvenemndsmedlemmer få kurs gjennom yrkesfagordningen?",
        "fag-og-yrkesopplaering",
        "prøvenemndsmedlemmer",
    ),
    ([], "Er kantinepersonalet i målgruppen for Rekom?", R, "kantinepersonalet"),  # "målgruppen": any group
    (["Fortell om Kompetanseløftet."], "Har helsesykepleierne rett til å delta?", K, "helsesykepleierne"),
    (
        ["Hva er Dekom?", "Hvem prioriterer tiltakene?"],
        "Og skal miljøarbeiderne være med?",
        D,
        "miljøarbeiderne",
    ),
    ([], "Er det mulig for lærerassistenter å delta i Rekom?", R, "lærerassistenter"),
    # "jeg" is what the asker said they are.
    ([], "Hei, jeg er rektor. Kan jeg være med i Dekom?", D, "rektor"),
    (
        [],
        "Jeg jobber som miljøterapeut på en ungdomsskole. Kan jeg være med i Dekom?",
        D,
        "miljøterapeut på en ungdomsskole",
    ),
    # The group is the noun before where the asker works, when only that is a group the lists know.
    # "sånne som meg" is the asker, who said what they are; the scheme from a topic phrase.
    (
        [],
        "Jeg er miljøarbeider i en barnehage. Kan sånne som meg delta i Rekom?",
        R,
        "miljøarbeider i en barnehage",
    ),
    ([], "Er instruktører med i målgruppen for midlene til fag og yrkesopplæring?", F, "instruktører"),
    (
        [],
        "Jeg er spesialpedagog ved et kompetansesenter i Narvik. Kan jeg være med i Dekom?",
        D,
        "spesialpedagog",
    ),
    # Where the asker works, when that is a group the lists know.
    ([], "Hei! Jeg jobber i PPT. Får vi være med på tiltak i Kompetanseløftet?", K, "PPT"),
    # Membership said as a seat: the body sat in is the group.
    (
        [],
        "Jeg har sete i prøvenemnda for rørleggerfaget. Kan jeg delta i tiltak i yrkesfagordningen?",
        F,
        "prøvenemnda",
    ),
    # An everyday job title no scheme names is still a group: the advisor says the sources don't say.
    ([], "Kan skolesekretærene delta i Dekom?", D, "skolesekretærene"),
    # A trade after the group says which trade, not who: the group is still the one the lists know.
    ([], "Er prøvenemndene i frisørfaget med i målgruppen for yrkesfagordningen?", F, "prøvenemndene"),
    ([], "Hører instruktører innen elektrofag til målgruppen i yrkesfagordningen?", F, "instruktører"),
    # The kind of owner of the workplace does not change the group; the workplace stays.
    (
        [],
        "Er pedagogiske ledere i kommunale barnehager målgruppe i Rekom?",
        R,
        "pedagogiske ledere i barnehager",
    ),
    # … but a trade that names the group with it stays: "lærere i yrkesfag" are yrkesfaglærere
    (
        [],
        "Er lærere i yrkesfag på private skoler med i målgruppen i yrkesfagordningen?",
        F,
        "lærere i yrkesfag på skoler",
    ),
    # "våre" are the people of the body the asker said they are.
    ([], "Vi er en fagskule. Er lærarane våre i målgruppa for yrkesfagordninga?", F, "lærarane ved fagskule"),
    # What the asker leads or runs is where they work; its head counts when that is a group the lists know.
    (
        [],
        "Jeg leder PP-tjenesten i et interkommunalt samarbeid. Kan vi delta i Kompetanseløftet?",
        K,
        "PP-tjenesten",
    ),
    ([], "Jeg er leder for PPT i fylket. Er vi med i målgruppen for Kompetanseløftet?", K, "PPT"),
    # a workplace with a word before its noun that says how it is run, not whose: the noun is the group
    (
        [],
        "Vi jobber i en felles PP-tjeneste for tre kommuner. Kan vi delta i Kompetanseløftet?",
        K,
        "PP-tjeneste",
    ),
    # a person the lists don't name, at a place: asked about as who they are, for the verdict to weigh
    (
        [],
        "Er avdelingsleiaren ved en ungdomsskole i målgruppen for Dekom?",
        D,
        "avdelingsleiaren ved en ungdomsskole",
    ),
]


@pytest.mark.parametrize(("previous", "question", "scheme_id", "group"), GROUP_CASES)
def test_group_question_is_read_with_its_scheme(
    catalogue: Catalogue, previous: list[str], question: str, scheme_id: str, group: str
) -> None:
    asked = read_yes_no(question, previous, catalogue)
    assert asked is not None
    assert (asked.about, asked.scheme.id, asked.text) == ("group", scheme_id, group)
    assert asked.scheme_named == (not previous)


OWNER_CASES = [
    (["Hva er den regionale ordningen?"], "Kan en privat barnehageeier være med?", R, "privat_barnehageeier"),
    ([], "Får friskoler søke om midler fra Dekom?", D, "privat_skoleeier"),
    ([], "Er det lov for private barnehager å søke på Kompetanseløftet?", K, "privat_barnehageeier"),
    ([], "Vi er en fylkeskommune. Kan vi melde behov i den regionale ordningen?", R, "fylkeskommune"),
    (["Vi er en kommune."], "Har vi rett til å søke i Kompetanseløftet?", K, "kommune"),
    # a workplace that is no group the lists know leaves "vi" to the owner it names
    ([], "Vi driver to private barnehager. Kan vi være med i Rekom?", R, "privat_barnehageeier"),
    # "våre" after an owner: the owner does not say which of its people
    ([], "Jeg jobber i en kommune i Agder. Kan vi være med i Kompetanseløftet?", K, "kommune"),
    # who "vi" is, the sentence before says; the asking clause's "fylkeskommunen" is somebody else
    ([], "Vi eier en friskole. Kan vi delta i kurs fylkeskommunen holder i Dekom?", D, "privat_skoleeier"),
    # "vi som private aktører" says loosely what "vi" are; the sentence before says which owner (the
    # alternative does not)
    (
        [],
        "Vi har to private barnehager. Kan vi som private aktører bli med, eller er Rekom bare for kommuner?",
        R,
        "privat_barnehageeier",
    ),
]


@pytest.mark.parametrize(("previous", "question", "scheme_id", "owner"), OWNER_CASES)
def test_owner_question_is_read_with_its_scheme(
    catalogue: Catalogue, previous: list[str], question: str, scheme_id: str, owner: str
) -> None:
    asked = read_yes_no(question, previous, catalogue)
    assert asked is not None
    assert (asked.about, asked.scheme.id, asked.text) == ("owner", scheme_id, owner)


def test_a_group_of_one_field_is_asked_about_that_fields_scheme_when_no_scheme_is_named(
    catalogue: Catalogue,
) -> None:
    """«Kan instruktørene delta på tiltak?» went to retrieval, which quoted another scheme's «Andre aktører
    kan inviteres til å delta.»: instruktører work in fag- og yrkesopplæring, whose scheme has the
    measures."""
    asked = read_yes_no("Kan instruktørene våre delta på tiltak?", [], catalogue)
    assert asked is not None
    assert (asked.about, asked.scheme.id, asked.scheme_named) == ("group", F, False)
    # a group of many fields names no scheme; nor does one of a field with no scheme of its own
    assert read_yes_no("Kan lærerne delta på tiltak?", [], catalogue) is None
    # a scheme named, or the conversation's, still comes first
    kept = read_yes_no("Kan instruktører være med?", ["Hva er Kompetanseløftet?"], catalogue)
    assert kept is not None and kept.scheme.id != F


def test_an_owner_asking_after_the_money_in_general_asks_after_the_owners_scheme(
    catalogue: Catalogue,
) -> None:
    """«Kan private skoler få kompetansemidler?» names no scheme; the money owners of schools get is the
    local competence development scheme's. A stipend is a scheme of its own, and a group no owner."""
    asked = read_yes_no("Kan private skoler få kompetansemidler til etterutdanning?", [], catalogue)
    assert asked is not None
    assert (asked.about, asked.scheme.id, asked.text) == (
        "owner",
        "lokal-kompetanseutvikling",
        "privat_skoleeier",
    )
    assert read_yes_no("Kan kommunen søke om stipend til en ny lærer?", [], catalogue) is None
    assert read_yes_no("Kan assistentene få midler?", [], catalogue) is None


def test_an_owner_asking_about_a_partner_in_general_asks_about_the_owners_scheme(
    catalogue: Catalogue,
) -> None:
    """A partner of a known type is read as the owners' scheme's partner question; one of no known type is
    no owner question (a «Ja, … er for kommuner» said nothing about the firm asked after)."""
    asked = read_yes_no("Kan kommunen samarbeide med en fagskole om tiltakene?", [], catalogue)
    assert asked is not None and (asked.about, asked.scheme.id) == ("partner", "lokal-kompetanseutvikling")
    assert read_yes_no("Kan kommunen leie inn et reklamebyrå som samarbeidspartner?", [], catalogue) is None


def test_a_group_only_one_grant_scheme_names_is_asked_about_that_scheme_when_none_is_named(
    catalogue: Catalogue,
) -> None:
    """«Kan PP-rådgiverne delta på kurs?» went to retrieval, whose best sentence only listed PP-tjenesten
    among places to develop: Kompetanseløftet is the one grant scheme with PPT as a target group (the
    kompetansepakker, open to anyone, don't count)."""
    question = "Kan PP-rådgiverne hos oss delta på kurs, eller er det bare for lærerne?"
    asked = read_yes_no(question, [], catalogue)
    assert asked is not None
    assert (asked.about, asked.scheme.id, asked.scheme_named) == ("group", "kompetanseloftet", False)
    # a group several grant schemes name still names no scheme
    assert read_yes_no("Kan skolelederne delta på kurs?", [], catalogue) is None


def test_a_schemes_own_activity_names_it_when_no_scheme_is_named(catalogue: Catalogue) -> None:
    asked = read_yes_no("Kan yrkesfaglærerne våre få hospitere hos en lærebedrift?", [], catalogue)
    assert asked is not None and asked.scheme.id == "hospiteringsordning"


def test_whether_a_partner_is_required_is_no_partner_question(catalogue: Catalogue) -> None:
    # "Kan vi samarbeide med en fagskole?" asks who may be a partner; "Må vi …?" whether one must be
    may = read_yes_no("Kan skoleeieren samarbeide med en fagskole i Dekom?", [], catalogue)
    assert may is not None and may.about == "partner"
    must = read_yes_no("Må skoleeieren samarbeide med en fagskole i Dekom?", [], catalogue)
    assert must is None or must.about != "partner"


def test_use_of_the_money_is_read_with_its_kind_and_group(catalogue: Catalogue) -> None:
    asked = read_yes_no("Kan Dekom-midlene brukes til kurs for hele personalet?", [], catalogue)
    assert asked is not None
    assert (asked.about, asked.scheme.id, asked.text) == ("use", D, "kurs for hele personalet")
    assert asked.use_kind == "kollektiv" and asked.use_group == "hele personalet"
    paid = read_yes_no("Kan tilskuddet fra Rekom dekke reiseutgifter?", [], catalogue)
    assert paid is not None and (paid.about, paid.text, paid.use_group) == ("use", "reiseutgifter", "")
    further = read_yes_no("Kan vi bruke Rekom-pengene på videreutdanning for to ansatte?", [], catalogue)
    assert further is not None and further.use_kind == "individuell"
    # a use said with a verb keeps its «å»: the answer says "kan brukes til å leie lokaler"
    verb = read_yes_no("Kan vi bruke Dekom-midlene til å leie lokaler?", [], catalogue)
    assert verb is not None and (verb.about, verb.text) == ("use", "å leie lokaler")


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        ([], "Når er fristen for å melde behov til Rekom?"),  # not a yes/no question
        ([], "Kan vi søke om Rekom-midler etter fristen?"),  # no group, owner or use
        ([], "Gjelder søknadsfristen for Dekom også i år?"),
        ([], "Kan kantinepersonalet delta i Rekom?"),  # an everyday word with a group nobody lists
        ([], "Kan assistentene delta?"),  # no scheme in the question or before it
        ([], "Kan PP-rådgiverne være med i samarbeidsforumet for Rekom?"),  # the forum, not the scheme
        ([], "Kan vi søke på Rekom?"),  # "vi" is nobody yet
        # acting jointly asks how needs are reported, not whether a group is in the target group
        ([], "Kan barnehageeiere gå sammen om en felles behovsmelding i Rekom?"),
        ([], "Kan kommunar slå seg saman og melde behov i Dekom?"),
        ([], "Kan vi få vite mer om Rekom?"),  # "vi" is nobody yet, and "få vite" asks for information
        (
            ["Hva er Rekom?", "Hvem sitter i samarbeidsforum?", "Hvor sender vi søknaden?"],
            "Kan assistentene delta?",
        ),
    ],
)
def test_questions_the_advisor_cannot_read_go_to_retrieval(
    catalogue: Catalogue, previous: list[str], question: str
) -> None:
    assert read_yes_no(question, previous, catalogue) is None


# --- "which schemes fit us?": the profile ------------------------------------------------------------


def test_profile_keeps_every_sector_the_owner_names() -> None:
    draft = read_profile(["Vi er en kommune og driver både skoler og en PP-tjeneste."])
    assert draft.owner_type == "kommune" and set(draft.sectors) == {"grunnskole", "ppt"} and draft.complete


def test_a_private_owner_is_the_kind_that_runs_what_the_text_names() -> None:
    """«en privat eier med tre barnehager» names no owner phrase, but only a private kindergarten owner runs
    kindergartens; with kindergartens and schools both, the kind stays open."""
    assert read_profile(["Vi er en privat eier med tre barnehager."]).owner_type == "privat_barnehageeier"
    assert read_profile(["Me er private eigarar av to skular."]).owner_type == "privat_skoleeier"
    assert read_profile(["Vi er en privat eier av både skoler og barnehager."]).owner_type is None
    assert read_profile(["Vi er en privat eier."]).owner_type is None


def test_bare_schools_follow_the_owner_or_stay_open() -> None:
    assert read_profile(["Vi er en fylkeskommune med skoler og lærebedrifter."]).sectors == (
        "fag_og_yrkesopplaering",
        "videregaende",
    )
    unsure = read_profile(["Vi er en privat skole."])
    assert set(unsure.sectors) == {"grunnskole", "videregaende"} and not unsure.complete


def test_later_owner_narrows_the_earlier_schools() -> None:
    draft = read_profile(["Vi har skoler og PP-tjeneste. Hvilke ordninger passer?", "Vi er en kommune."])
    assert draft.owner_type == "kommune" and set(draft.sectors) == {"grunnskole", "ppt"}


@pytest.mark.parametrize(
    "question",
    [
        "Hva finnes for oss som driver barnehager?",
        "Hva kan vi få støtte til som kommune?",
        "Hvilke ordninger kan vi bruke i fylkeskommunen?",
        "Hva slags støtte kan vi søke på?",
        "Hvilke tilbud kan en privat barnehageeier benytte?",
        "Hvilke ordninger kan kommunen få midler fra?",
    ],
)
def test_everyday_what_fits_us_questions_reach_the_advisor(catalogue: Catalogue, question: str) -> None:
    assert asks_for_match(question, catalogue)


@pytest.mark.parametrize("question", ["Hva finnes av kompetansepakker?", "Hva kan Rekom brukes til for oss?"])
def test_what_fits_needs_the_askers_own_situation_and_no_named_scheme(
    catalogue: Catalogue, question: str
) -> None:
    assert not asks_for_match(question, catalogue)


@pytest.mark.parametrize(
    ("question", "scheme_id"),
    [
        ("Får assistenter bruke kompetansepakken om programmering?", "kompetansepakke-programmering"),
        ("Kan fagarbeidere bruke kompetansepakkene?", "kompetansepakker"),
    ],
)
def test_a_package_named_by_what_it_is_about_is_that_package_not_all_packages(
    catalogue: Catalogue, question: str, scheme_id: str
) -> None:
    """«kompetansepakken om programmering» is the package «for programmering», which is open to all; the
    umbrella «kompetansepakker» is what is meant only when no one package is named."""
    asked = read_yes_no(question, [], catalogue)
    assert asked is not None and asked.scheme.id == scheme_id


# --- a group told by where its people work, or in everyday sentence shapes -------------------------


@pytest.mark.parametrize(
    ("question", "scheme_id", "group"),
    [
        # «de som jobber» alone is «andre ansatte»; where they work is the group.
        ("Får de som arbeider i PP-tenesta bli med i Kompetanseløftet?", K, "PP-tenesta"),
        ("Kan folk som underviser ved fagskolen delta i Rekom?", R, "lærere ved fagskolen"),
        ("Får de som jobber i barnevernet delta i Dekom?", D, "barnevernet"),
        ("Kan de ansatte i barnevernstjenesten være med i Kompetanseløftet?", K, "barnevernstjenesten"),
        # the opener "får" before the group: the group runs into its object
        ("Får barnehagelærerne veiledning gjennom Rekom?", R, "barnehagelærerne"),
        # "de" is the group the asker said they have
        ("Vi har to vernepleiere på skolen. Kan de bli med i Dekom?", D, "vernepleiere på skolen"),
        # what they work as is the group
        ("Kan de som jobber som miljøarbeidere i kommunen delta i Kompetanseløftet?", K, "miljøarbeidere"),
        # asked as a target group ("i målgruppen"), people of a body the lists know are still that body
        ("Er personalet i PP-tjenesten med i målgruppen for Kompetanseløftet?", K, "PP-tjenesten"),
        ("Er ansatte i barnevernet i målgruppen for Kompetanseløftet?", K, "barnevernet"),
        ("Hører kollegaene i skolehelsetjenesten til målgruppen for Kpl?", K, "skolehelsetjenesten"),
    ],
)
def test_a_group_told_by_where_its_people_work_or_in_everyday_shapes_is_read_as_such(
    catalogue: Catalogue, question: str, scheme_id: str, group: str
) -> None:
    asked = read_yes_no(question, [], catalogue)
    assert asked is not None and asked.about == "group", question
    assert (asked.scheme.id, asked.text) == (scheme_id, group)


# --- one person's own use of the money ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "for_one"),
    [
        ("Kan en miljøterapeut få dekket sitt eget kurs av Dekom-midlene?", True),
        ("Kan jeg som barnehagelærer bruke pengene fra Rekom på min egen etterutdanning?", True),
        ("Kan vi bruke Rekom-midlene på et eget kurs for alle assistentene?", False),
        ("Kan Dekom-midlene dekke et kurs i klasseledelse?", False),
        # one person getting the money for their own learning
        ("Kan en assistent få pengene fra Rekom til fagskoleutdanning?", True),
    ],
)
def test_a_use_for_one_persons_own_learning_is_read_as_such(
    catalogue: Catalogue, question: str, for_one: bool
) -> None:
    asked = read_yes_no(question, [], catalogue)
    assert asked is not None and asked.about == "use", question
    assert asked.for_one is for_one


def test_one_person_getting_the_money_for_further_education_is_a_use(catalogue: Catalogue) -> None:
    """Not the group question «Kan en lærer …?», which would be a «Ja» for teachers."""
    asked = read_yes_no("Kan en lektor få midler fra Dekom til videreutdanning i matematikk?", [], catalogue)
    assert asked is not None and asked.about == "use" and asked.use_kind == "individuell"
    owner = read_yes_no("Kan private skoler få midler til kompetanseutvikling fra Dekom?", [], catalogue)
    assert owner is not None and owner.about == "owner"


# --- a fagskole or a university as the owners' partner or provider ----------------------------------


@pytest.mark.parametrize(
    ("question", "scheme_id", "partner"),
    [
        ("Kan vi som fagskule vere med og halde kurs i Rekom?", R, "fagskole"),
        ("Vi er en høgskole i Innlandet. Kan vi være partner i Dekom?", D, "universitet_hogskole"),
        ("Kan fylkeskommunen samarbeide med en fagskole om tiltak i yrkesfagordningen?", F, "fagskole"),
        ("Kan fagskolene være med i Kompetanseløftet?", K, "fagskole"),
    ],
)
def test_a_fagskole_or_university_as_provider_is_a_partner_question(
    catalogue: Catalogue, question: str, scheme_id: str, partner: str
) -> None:
    asked = read_yes_no(question, [], catalogue)
    assert asked is not None and asked.about == "partner", question
    assert (asked.scheme.id, asked.text) == (scheme_id, partner)


def test_a_target_group_question_about_fagskoler_stays_one(catalogue: Catalogue) -> None:
    asked = read_yes_no("Er fagskolelærerne i målgruppen for yrkesfagordningen?", [], catalogue)
    assert asked is not None and asked.about == "group"


def test_using_a_resource_together_with_a_university_is_no_partner_question(catalogue: Catalogue) -> None:
    """The university is whom the asker works with, not what is asked about: the package's use is."""
    question = "Går det an å bruke kompetansepakkene sammen med universitetet vi samarbeider med?"
    asked = read_yes_no(question, [], catalogue)
    assert asked is None or asked.about != "partner"


# --- uses of the money: paid for one person, a measure for many, buying from a provider -----------


@pytest.mark.parametrize(
    ("question", "use", "kind"),
    [
        # «få betalt»: a paying participle after «få» takes the use as its object (the nynorsk «Kan eg få
        # betalt mi eiga vidareutdanning …» as Apertium reads it)
        (
            "Kan jeg få betalt min egen videreutdannelse med penger fra Dekom?",
            "min egen videreutdannelse",
            "individuell",
        ),
        (
            "Kan en lærer få betalt sin egen master av midlene fra Kompetanseløftet?",
            "sin egen master",
            "individuell",
        ),
        # «få <use> betalt»: the use is between them
        (
            "Kan vi få et eget kursopplegg for oss fagskolelærere betalt gjennom yrkesfagordningen?",
            "kursopplegg for oss fagskolelærere",
            "kollektiv",
        ),
        # a money word that ends a compound names the use itself
        ("Kan skoleeier søke om vikarmidler gjennom Kompetanse for kvalitet?", "vikarmidler", None),
    ],
)
def test_one_persons_paid_education_and_compound_money_are_uses(
    catalogue: Catalogue, question: str, use: str, kind: str | None
) -> None:
    asked = read_yes_no(question, [], catalogue)
    assert asked is not None and asked.about == "use", question
    assert (asked.text, asked.use_kind) == (use, kind)


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("Kan vi bruke Dekom-midlene på et felles kurs for alle lærerne på skolen?", "kurs"),
        ("Kan vi bruke rekom midlene på et felleskurs for alle ansate?", "felleskurs"),
        ("Kan kommunen bruke Dekom-penger på en samling kun for rektorene?", "samling"),
        ("Kan assistentene få betalt kurs gjennom Rekom?", "kurs"),  # the course is the subject's
        # not a measure: what is paid is travel or a substitute, named before the measure
        ("Kan Rekom-midlene dekke reiseutgifter til samlinger?", ""),
        ("Kan vi bruke tilskuddet fra Dekom til å betale vikar mens lærerne er på kurs?", ""),
        # a measure, but for whom the question does not say
        ("Kan Dekom-midlene dekke et kurs i klasseledelse?", ""),
        # one person's own course
        ("Kan jeg få kurset mitt dekket av Rekom?", ""),
    ],
)
def test_a_measure_for_many_is_read_from_the_uses_head_and_whom_it_is_for(
    catalogue: Catalogue, question: str, measure: str
) -> None:
    asked = read_yes_no(question, [], catalogue)
    assert asked is not None and asked.about == "use", question
    assert asked.measure == measure
    assert (asked.use_kind == "kollektiv") if measure else True


@pytest.mark.parametrize(
    ("question", "scheme_id", "asked"),
    [
        (
            "Kan fylkeskommunen kjøpe kurs fra en privat leverandør uten anbud med yrkesfagmidlene?",
            F,
            "bypass",
        ),
        ("Må vi ha anbud når vi kjøper kurs for Dekom-midlene?", D, "tender"),
    ],
)
def test_buying_from_a_provider_is_a_procurement_question(
    catalogue: Catalogue, question: str, scheme_id: str, asked: str
) -> None:
    found = read_yes_no(question, [], catalogue)
    assert found is not None and found.about == "procurement", question
    assert (found.scheme.id, found.text) == (scheme_id, asked)


def test_a_question_that_names_the_procurement_rule_itself_is_left_to_retrieval(catalogue: Catalogue) -> None:
    """Its words are the source sentence's: the extractive answer leads with that sentence."""
    asked = read_yes_no("Må fylkeskommunen følge anskaffelsesreglene i yrkesfagordninga?", [], catalogue)
    assert asked is None or asked.about != "procurement"


@pytest.mark.parametrize(
    ("question", "scheme_id"),
    [
        ("Gjeld Dekom også for friskular?", D),  # the scheme as the subject, the owner after «for»
        ("Kan en privatskole med yrkesfag være med i yrkesfagordningen?", F),  # what the owner runs
    ],
)
def test_an_owner_in_everyday_and_nynorsk_shapes_is_read_as_the_owner(
    catalogue: Catalogue, question: str, scheme_id: str
) -> None:
    asked = read_yes_no(question, [], catalogue)
    assert asked is not None and (asked.about, asked.scheme.id, asked.text) == (
        "owner",
        scheme_id,
        "privat_skoleeier",
    )


@pytest.mark.parametrize(
    ("question", "group"),
    [
        # the group before where it works, when the whole is no group the lists know
        (
            "Får kommunen bruke yrkesfagmidlene på et kurs for instruktørene i kommunens lærebedrifter?",
            "instruktørene",
        ),
        # «lærerne sine» are the subject's own: the fagskole's teachers (not a partner question)
        ("Kan fagskolen få betalt kurs for lærerne sine fra yrkesfagordningen?", "lærerne ved fagskolen"),
    ],
)
def test_whom_a_use_is_for_is_read_as_the_group_the_lists_know(
    catalogue: Catalogue, question: str, group: str
) -> None:
    asked = read_yes_no(question, [], catalogue)
    assert asked is not None and asked.about == "use", question
    assert asked.use_group == group


def test_a_use_on_condition_that_a_rule_is_skipped_is_no_plain_use(catalogue: Catalogue) -> None:
    """«uten å følge regelverket»: what the sources require, the extractive answer quotes."""
    question = "Kan fylkeskommunen kjøpe kurs for yrkesfagmidlene uten å følge regelverket for anskaffelser?"
    asked = read_yes_no(question, [], catalogue)
    assert asked is None or asked.about != "use"
    used = read_yes_no("Kan me benytte pengene fra Dekom til en studiedag for alle lærerne?", [], catalogue)
    assert used is not None and used.measure == "studiedag"


def test_our_people_follow_the_askers_body_only_when_it_is_a_workplace(catalogue: Catalogue) -> None:
    """«lærerne våre» from a fagskole are fagskolelærere; from a kommune they stay «lærerne»."""
    school = read_yes_no("Vi er en fagskole. Kan lærerne våre delta i Dekom?", [], catalogue)
    assert school is not None and school.text == "lærerne ved fagskole"
    owner = read_yes_no("Vi er en kommune. Kan lærerne våre delta i Dekom?", [], catalogue)
    assert owner is not None and owner.text == "lærerne"
    unnamed = read_yes_no("Er lærere ved Bodø fagskole i målgruppen for Dekom?", [], catalogue)
    assert unnamed is not None and unnamed.text == "lærere ved Bodø fagskole"  # a name is no trade


@pytest.mark.parametrize(
    "context",
    [
        "Jeg er rektor ved en fagskole.",
        "Jeg jobber på en fagskole.",
        "Eg er avdelingsleiar ved ein fagskule.",
    ],
)
def test_our_people_follow_the_place_after_the_askers_title_or_where_they_work(
    catalogue: Catalogue, context: str
) -> None:
    """A rektor at a fagskole, or one who works there, asks about fagskolelærere with «lærerne våre», as
    «Vi er en fagskole» does; a title at a kommune leaves them «lærerne»."""
    asked = read_yes_no(f"{context} Kan lærerne våre delta i yrkesfagordningen?", [], catalogue)
    assert asked is not None and "ved fag" in asked.text, asked
    owner = read_yes_no("Jeg er rådgiver i en kommune. Kan lærerne våre delta i Dekom?", [], catalogue)
    assert owner is not None and owner.text == "lærerne", owner


@pytest.mark.parametrize(
    "question",
    [
        "Kan lærebedrifter få tilskudd direkte fra Udir i yrkesfagordningen?",
        "Har PPT krav på midler fra Kompetanseløftet?",
        "Har barnehagelærerne våre rett til midler fra regional ordning?",
    ],
)
def test_which_way_the_money_goes_or_a_right_to_it_is_not_a_target_group_question(
    question: str, catalogue: Catalogue
) -> None:
    assert read_yes_no(question, [], catalogue) is None


def test_a_right_to_a_place_in_the_forum_or_taking_part_is_read_as_before(catalogue: Catalogue) -> None:
    assert read_yes_no("Kan lærebedrifter få kurs i yrkesfagordningen?", [], catalogue) is not None


def test_a_partner_requirement_is_not_whether_one_may_be_a_partner(
    catalogue: Catalogue,
) -> None:
    asked = read_yes_no(
        "Gjelder kravet om partnerskap med universitet også for yrkesfagordningen?", [], catalogue
    )
    assert asked is None or asked.about != "partner"
    may = read_yes_no(
        "Kan en fagskole være tilbyder av kompetanseutvikling i yrkesfagordningen?", [], catalogue
    )
    assert may is not None and may.about == "partner"


def test_an_owner_the_asker_says_they_are_not_is_not_who_asks() -> None:
    """ "… selv om vi ikke er kommune?" names the owner the asker is not."""
    profile = read_profile(
        ["Vi eier tre private barnehager. Kan vi være med, selv om vi ikke er en kommune?"]
    )
    assert profile.owner_type == "privat_barnehageeier"
    assert read_profile(["Vi er ikkje ein kommune. Kan vi søkje?"]).owner_type is None


def test_the_word_that_adds_a_use_to_others_is_no_part_of_its_group(catalogue: Catalogue) -> None:
    """ "… på kurs for PPT-ansatte også?" asks of a course for PPT-ansatte: «også» is not the group's."""
    asked = read_yes_no("Kan vi bruke Kompetanseløftet-midlene på kurs for PPT-ansatte også?", [], catalogue)
    assert asked is not None
    assert (asked.about, asked.text, asked.use_group) == ("use", "kurs for PPT-ansatte", "PPT-ansatte")
