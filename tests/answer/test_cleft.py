"""«Er det X som …?»: which body a question asks about, and whether a sentence's subject is another."""

from __future__ import annotations

from assistant.answer.cleft import (
    confirms,
    done_by_other,
    names_asked,
    read_cleft,
    subject_bodies,
    what_is_asked,
)


def test_a_cleft_names_the_body_asked_about_and_what_it_is_asked_to_do() -> None:
    cleft = read_cleft("Ok, og er det oss hos Statsforvalteren som skal lede forumet?")
    assert cleft is not None
    assert cleft.actors == ("statsforvalter",)
    assert what_is_asked(cleft) == ["forumet"]


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


def test_a_sentences_subject_is_its_cleft_or_its_opening_words() -> None:
    assert subject_bodies("Det er fylkeskommunen som har ansvaret for koordineringen.") == ("fylkeskommun",)
    assert subject_bodies("Statsforvalteren har sekretariatsansvar for samarbeidsforum.") == (
        "statsforvalter",
    )
    assert subject_bodies("Midlene kan brukes til tiltak som samarbeidsforum har prioritert.") == ()
