"""A question after a matter the documents never speak of is refused, naming it (answer/unspoken.py)."""

from __future__ import annotations

from assistant.answer.unspoken import unspoken_matter
from tests.answer.mentoring import mentoring_index

# Sources on a mentoring scheme (no corpus document): the words the check reads as the documents'.
_MENTORING = mentoring_index(
    [
        "Nyutdannede lærere får en mentor det første året.",
        "Midlene kan brukes til frikjøp av mentorer og kompetansepakkene.",
        "Mentorene møtes i nettverk to ganger i semesteret, og kommunen betaler reiseutgifter.",
        "Rektor søker om plass i ordningen, og kravene står i retningslinjene.",
    ]
)


def test_a_listed_matter_the_documents_never_use_is_named() -> None:
    assert unspoken_matter("Må kommunen betale moms på frikjøpet?", _MENTORING) == "moms"
    # a compound around the matter is named whole
    assert unspoken_matter("Får mentorene lønnstillegg?", _MENTORING) == "lønnstillegg"
    assert unspoken_matter("Må vi betale pengene tilbake?", _MENTORING) == "betale pengene tilbake"


def test_being_paid_for_ones_time_is_a_matter_of_pay_money_paid_out_is_not() -> None:
    assert unspoken_matter("Får mentorene betalt for timene i nettverket?", _MENTORING) == "betalt"
    assert unspoken_matter("Blir frikjøpet betalt ut til kommunen?", _MENTORING) is None


def test_a_listed_matter_the_documents_speak_of_is_left_to_retrieval() -> None:
    """«reiseutgifter» is in a passage: the rule steps aside by itself."""
    assert unspoken_matter("Hvem dekker reiseutgiftene til nettverket?", _MENTORING) is None


def test_a_rare_focus_in_no_form_of_the_documents_is_named() -> None:
    assert unspoken_matter("Hvilket regnskapsformat skal rektor bruke?", _MENTORING) == "regnskapsformat"
    # "Hva slags X" asks after X
    assert unspoken_matter("Hva slags regnskapsformat skal rektor bruke?", _MENTORING) == "regnskapsformat"
    # a compound of a word of theirs with a head of its own: «nettverk» does not say «nettverksmodell»
    assert unspoken_matter("Hvilken nettverksmodell bruker kommunen?", _MENTORING) == "nettverksmodell"


def test_a_focus_the_documents_say_in_another_form_or_an_everyday_word_is_left() -> None:
    # a near inflection of theirs, a compound's last part, an everyday word, a short word (a typo of «når»)
    assert unspoken_matter("Hva er mentorenes oppgaver?", _MENTORING) is None
    assert unspoken_matter("Hvem lager pakkene?", _MENTORING) is None
    assert unspoken_matter("Hvem har nettverket sitt?", _MENTORING) is None  # «nettverk» said, with an ending
    assert unspoken_matter("Hva er bakgrunnen for ordningen?", _MENTORING) is None
    assert unspoken_matter("nar er nettverket?", _MENTORING) is None
    # a yes/no question is read by the advisor and the composer, not by its first word
    assert unspoken_matter("vi i driftsavdelingen vil lære. kan mentorene hjelpe oss", _MENTORING) is None
    assert unspoken_matter("Kan en fullverdig mentor søke?", _MENTORING) is None


def test_a_matter_in_one_of_several_questions_in_one_sentence_does_not_refuse_them_all() -> None:
    question = "Vi lurer på hva mentorene gjør, om vi kan søke, og hvilken timesats dere dekker."
    assert unspoken_matter(question, _MENTORING) is None


def test_a_when_clause_is_no_second_question() -> None:
    """«når» and «hvor» inside a clause join it to the sentence; only one matter is asked after."""
    question = "Hva er egenandelen kommunen betaler når en mentor tar videreutdanning?"
    assert unspoken_matter(question, _MENTORING) == "egenandelen"
    assert unspoken_matter("Hvor mye får mentorene, og når er fristen?", _MENTORING) is None


def test_tuition_is_a_cost_the_documents_never_speak_of() -> None:
    assert unspoken_matter("Dekker ordningen skolepenger for mentoren?", _MENTORING) == "skolepenger"


def test_logging_in_and_being_bound_to_stay_are_matters_of_their_own() -> None:
    """guard.yaml unspoken_matters: how to log in, and a binding period, whatever the words between."""
    assert unspoken_matter("Hvordan logger vi inn for å søke om plass?", _MENTORING) == "logger vi inn"
    assert unspoken_matter("Hvor logger man seg på?", _MENTORING) == "logger man seg på"
    assert unspoken_matter("Må mentorene binde seg til å bli i kommunen?", _MENTORING) == "binde seg"
    assert unspoken_matter("Hva er bindingstiden for mentorer?", _MENTORING) == "bindingstiden"


def test_a_compound_whose_first_part_only_ranks_is_its_last_part() -> None:
    """ "hovedkravene" is a «krav» (guard.yaml `ranking_heads`); a head of its own is still another matter."""
    assert unspoken_matter("Hva er hovedkravene for å få en mentor?", _MENTORING) is None
    assert unspoken_matter("Hvilken hovedregnskapsmodell skal rektor bruke?", _MENTORING) == (
        "hovedregnskapsmodell"
    )
    # «del-» and «under-» name a part of what they head: "delordningene" are «ordningen»'s kind
    assert unspoken_matter("Hvilke delordninger har ordningen?", _MENTORING) is None
    assert unspoken_matter("Hvilke underordninger har ordningen?", _MENTORING) is None
    assert unspoken_matter("Hvilken delregnskapsmodell skal rektor bruke?", _MENTORING) == (
        "delregnskapsmodell"
    )
    assert unspoken_matter("Hvilke delmoduler har ordningen?", _MENTORING) == "delmoduler"


def test_how_an_amount_is_reckoned_is_a_matter_of_its_own() -> None:
    """The documents give amounts, never how they are worked out."""
    assert unspoken_matter("Hvordan beregnes frikjøpet for en mentor?", _MENTORING) == "beregnes"
    assert unspoken_matter("Korleis blir midlane berekna?", _MENTORING) == "berekna"
    assert unspoken_matter("Hvordan regnes beløpet per kommune ut?", _MENTORING) == "regnes"
    # counting on an amount, or counting as one of a group, is no reckoning
    assert unspoken_matter("Hvor mye kan kommunen regne med å få til frikjøp?", _MENTORING) is None
    assert unspoken_matter("Regnes assistenter som mentorer?", _MENTORING) is None
