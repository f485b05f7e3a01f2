"""A multi-part answer: one heading per part, one numbering of the citations, and gaps said plainly."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant import texts
from assistant.answer.citations import unsupported_answer_reason
from assistant.answer.parts import PartAnswer, merge_parts
from assistant.answer.relevance import (
    asks_which_named,
    asks_which_of_counted,
    decider_unsaid,
    names_instances,
    said_above,
    says_how,
    speaks_to,
    unsaid_kind,
)
from assistant.models import Citation
from tests.answer.mentoring import mentoring_index


def citation(n: int, text: str) -> Citation:
    return Citation(n, "doc.txt", "Dok", None, "Dok > Del", None, None, text, 1.0)


def test_parts_share_one_numbering_and_a_passage_keeps_its_number() -> None:
    first = PartAnswer(
        "Hvem kan søke?", "Eiere kan søke. [1] Også private. [2]", [citation(1, "A"), citation(2, "B")]
    )
    second = PartAnswer(
        "Hva dekker midlene?", "Kurs. [1] Eiere kan søke. [2]", [citation(1, "C"), citation(2, "A")]
    )
    merged = merge_parts([first, second])
    text, citations = merged.text, merged.citations
    assert text == (
        "**Hvem kan søke?**\nEiere kan søke. [1] Også private. [2]\n\n"
        "**Hva dekker midlene?**\nKurs. [3] Eiere kan søke. [1]"
    )
    assert [(c.n, c.text) for c in citations] == [(1, "A"), (2, "B"), (3, "C")]


def test_a_part_the_sources_do_not_answer_says_so() -> None:
    answered = PartAnswer("Hvem kan søke?", "Eiere kan søke. [1]", [citation(1, "A")])
    merged = merge_parts([answered, PartAnswer("Hva er fristen neste år?", None, [])])
    text, citations = merged.text, merged.citations
    assert text.endswith(f"**Hva er fristen neste år?**\n{texts.PART_NOT_COVERED}")
    assert len(citations) == 1


def test_a_part_that_only_repeats_an_earlier_part_points_to_it() -> None:
    members = "Forumet skal ha med:\n- partene\n- eierne [1]"
    first = PartAnswer("Hvem sitter i forumet?", members, [citation(1, "A")])
    again = PartAnswer("Hvem leder det?", f"{members}\nStatsforvalteren kan være observatør. [2]",
                       [citation(1, "A"), citation(2, "B")])  # fmt: skip
    only_again = PartAnswer("Hvem betaler?", members, [citation(1, "A")])
    text = merge_parts([first, again, only_again]).text
    blocks = text.split("\n\n")
    assert blocks[1] == "**Hvem leder det?**\nStatsforvalteren kan være observatør. [2]"
    assert blocks[2] == f"**Hvem betaler?**\n{texts.PART_SAID_ABOVE}"


def test_a_later_part_answered_only_by_an_earlier_parts_figure_is_not_answered() -> None:
    """«…, og hvor mye av det gikk til PPT?»: the total quoted again with a sentence about PPT gives no
    amount for PPT."""
    total = "Det ble fordelt 178,4 millioner kroner. [1]"
    first = PartAnswer("Hvor mye ble fordelt?", total, [citation(1, "A")])
    share = PartAnswer(
        "Hvor mye gikk til PPT?",
        f"{total}\nPPT kan delta i tiltak. [2]",
        [citation(1, "A"), citation(2, "B")],
    )
    text = merge_parts([first, share], _amount_given).text
    assert text.endswith(f"**Hvor mye gikk til PPT?**\n{texts.PART_NOT_COVERED}")
    # A part whose own sentence gives the amount is answered.
    own = PartAnswer("Hvor mye gikk til PPT?", "PPT fikk 3 millioner kroner. [1]", [citation(1, "C")])
    text = merge_parts([first, own], _amount_given).text
    assert text.endswith("**Hvor mye gikk til PPT?**\nPPT fikk 3 millioner kroner. [2]")


def _amount_given(question: str, text: str, citations: list[Citation]) -> bool:
    return unsupported_answer_reason(question, text, citations) is None


def test_a_later_part_with_only_a_lead_in_left_says_the_sources_dont_say_it_directly() -> None:
    said = "Forumet skal ha med eierne. [1]"
    first = PartAnswer("Hvem sitter i forumet?", said, [citation(1, "A")])
    again = PartAnswer(
        "Må forumet møtes hver måned?", f"{texts.LEAD_NOT_DIRECTLY}\n{said}", [citation(1, "A")]
    )
    text = merge_parts([first, again]).text
    assert text.endswith(f"**Må forumet møtes hver måned?**\n{texts.NOT_DIRECTLY} {texts.PART_SAID_ABOVE}")


# Sources on a mentoring scheme (no corpus document): the words the relevance check reads as the documents'.
_MENTORING = mentoring_index(
    [
        "Nyutdannede lærere får en mentor det første året.",
        "Midlene kan brukes til frikjøp av mentorer.",
        "Mentorene møtes i nettverk to ganger i semesteret.",
        "Rektor søker om plass i ordningen.",
    ]
)


def _speaks(question: str, text: str, citations: list[Citation] | None = None) -> bool:
    return speaks_to(_MENTORING, question, text, citations or [])


def test_an_answer_speaks_to_a_part_when_it_says_what_the_part_asks_after() -> None:
    assert _speaks("Hva kan pengene brukes til?", "Midlene kan brukes til frikjøp av mentorer. [1]")
    # The documents' word for the verb asked (plan.yaml verb_read_as) says it
    assert _speaks("Hva kan pengene benyttes til?", "Midlene kan brukes til frikjøp av mentorer. [1]")
    assert not _speaks("Hva kan pengene benyttes til?", "Rektor søker om plass i ordningen. [1]")
    assert _speaks("Hvem søker om plass?", "Rektor søker om plass i ordningen. [1]")
    # A sentence on the same matter that does not say what is asked is no answer to it.
    assert not _speaks("Hvem søker om plass?", "Nyutdannede lærere får en mentor det første året. [1]")
    assert not _speaks("Hvordan møtes mentorene?", "Midlene kan brukes til frikjøp av mentorer. [1]")
    # A focus no source uses ("finansierer") can't be quoted: most of the part's other words must be.
    asked = "Hva finansierer midlene til frikjøp av mentorer?"
    assert _speaks(asked, "Midlene kan brukes til frikjøp av mentorer. [1]")
    assert not _speaks(asked, "Rektor søker om plass i ordningen. [1]")
    assert not _speaks("Hvem dekker reiseutgiftene?", "Rektor søker om plass i ordningen. [1]")
    # A compound says its last part: «mentorordningen» is an ordning.
    assert _speaks("Hvem er ordningen for?", "Mentorordningen er for nyutdannede. [1]")
    # A yes/no part is led by whether the sources settle it; it is not judged here.
    assert _speaks("Kan assistenter få mentor?", "Nyutdannede lærere får en mentor det første året. [1]")


_WHOSE_CALL = mentoring_index(
    [
        "Rektor bestemmer hvem som får mentor.",
        "Det er opp til rektor å vurdere hvilke andre lærere som kan få mentor.",
        "Nyutdannede lærere får en mentor det første året.",
    ]
)


def test_whose_call_it_is_answers_who_decides_in_a_verb_of_its_own() -> None:
    """«Det er opp til rektor å vurdere …» says who decides, though not in the part's «bestemmer»."""
    asked = "Hvem bestemmer hvilke andre lærere som kan få mentor?"
    said = "Det er opp til rektor å vurdere hvilke andre lærere som kan få mentor. [1]"
    assert speaks_to(_WHOSE_CALL, asked, said, [])
    assert not speaks_to(_WHOSE_CALL, asked, "Nyutdannede lærere får en mentor det første året. [1]", [])
    # only of what is asked: whose call another thing is answers nothing
    assert not speaks_to(
        _WHOSE_CALL, "Hvem bestemmer hvem som får mentor?", "Det er opp til rektor å si ja. [1]", []
    )


def test_a_later_part_answered_only_by_a_loosely_related_sentence_is_named_as_not_covered() -> None:
    first = PartAnswer("Hvem får en mentor?", "Nyutdannede lærere får en mentor det første året. [1]",
                       [citation(1, "A")])  # fmt: skip
    filler = PartAnswer("Hvem søker om plass?", "Midlene kan brukes til frikjøp av mentorer. [1]",
                        [citation(1, "B")])  # fmt: skip
    merged = merge_parts([first, filler], speaks_to=_speaks)
    assert merged.text.endswith(f"**Hvem søker om plass?**\n{texts.PART_NOT_COVERED}")
    assert merged.answered == (True, False)
    assert [c.text for c in merged.citations] == ["A"]  # the filler's source is not cited


def test_a_part_whose_new_sentence_is_filler_beside_what_was_said_above_points_to_it() -> None:
    said = "Mentorene møtes i nettverk to ganger i semesteret. [1]"
    first = PartAnswer("Hva gjør mentorene?", said, [citation(1, "A")])
    again = PartAnswer("Hvordan møtes mentorene?", f"{said}\nRektor søker om plass i ordningen. [2]",
                       [citation(1, "A"), citation(2, "B")])  # fmt: skip
    merged = merge_parts([first, again], speaks_to=_speaks)
    assert merged.text.endswith(f"**Hvordan møtes mentorene?**\n{texts.PART_SAID_ABOVE}")
    assert merged.answered == (True, True)


# Hospitering in one passage, mentorering in two: the rarer word weighs more.
_CONTRASTED = mentoring_index(
    [
        "Hospitering er å følge en kollega i arbeidet.",
        "Mentorering gir den nye læreren en fast veileder det første året.",
        "Mentorering skjer på skolen.",
    ]
)


def test_a_part_read_with_an_earlier_parts_words_needs_only_its_own_words_in_its_new_sentences() -> None:
    """ "…, og hva skiller mentorering fra det?" read as "… fra hospitering?": «hospitering» is said above,
    so the sentence on mentorering is the part's answer, not a pointer to the part above."""
    said = "Hospitering er å følge en kollega i arbeidet. [1]"
    own = "Mentorering gir den nye læreren en fast veileder det første året. [2]"
    first = PartAnswer("Hva er hospitering?", said, [citation(1, "A")])
    cited = [citation(1, "A"), citation(2, "B")]
    later = PartAnswer("Hva skiller mentorering fra det?", f"{said}\n{own}", cited,
                       asked="Hva skiller mentorering fra hospitering?")  # fmt: skip

    def speaks(question: str, text: str, citations: list[Citation]) -> bool:
        return speaks_to(_CONTRASTED, question, text, citations)

    def above(question: str, shown: Sequence[str], text: str) -> bool:
        return said_above(_CONTRASTED, question, shown, text)

    assert not speaks(later.asked, own, [])  # read whole, its new sentence lacks the rarer word
    merged = merge_parts([first, later], speaks_to=speaks, said_above=above)
    assert merged.text.endswith(f"**Hva skiller mentorering fra det?**\n{own}"), merged.text
    # A part asked in full words of its own is held to all of them
    whole = replace(later, question=later.asked)
    merged = merge_parts([first, whole], speaks_to=speaks, said_above=above)
    assert merged.text.endswith(texts.PART_SAID_ABOVE), merged.text


_PROGRAMME = mentoring_index(
    [
        "Programmet består av tre samlinger og en veiledningsdel.",
        "Programmet varer ett år.",
        "Midlene blir delt mellom skolene.",
    ]
)


def test_how_a_thing_is_made_up_is_answered_by_what_it_consists_of() -> None:
    """ "Hvordan er det delt opp?" is answered by «… består av …», which never says «delt»."""
    asked = "Hvordan er de delt opp?"
    assert speaks_to(_PROGRAMME, asked, "Programmet består av tre samlinger og en veiledningsdel. [1]", [])
    assert not speaks_to(_PROGRAMME, asked, "Programmet varer ett år. [1]", [])
    # what something consists of answers no other question
    assert not speaks_to(
        _PROGRAMME, "Hvordan blir midlene fordelt?", "Programmet består av tre samlinger. [1]"
    )


def test_which_ones_after_a_count_is_answered_only_by_naming_them() -> None:
    """«Hvilke er det?» after «Hvor mange …?»: a list of short items led in by what is asked, or a sentence
    with a name, says which; a count of them or a sentence that speaks of them does not."""
    asked = "Hvilke mentorer er med i nettverket?"
    assert asks_which_of_counted(asked, ["Hvor mange mentorer er med i nettverket?"])
    assert not asks_which_of_counted(asked, ["Hvem får en mentor?"])
    assert not asks_which_of_counted("Hvem er med i nettverket?", ["Hvor mange mentorer er med?"])
    listed = "Mentorer i nettverket:\n- Kari Nordmann\n- Ola Nordmann [1]"
    assert names_instances(_MENTORING, asked, listed, [citation(1, "A")])
    named = "Mentorene i nettverket er Kari og Ola. [1]"
    assert names_instances(_MENTORING, asked, named, [citation(1, "A")])
    counted = "Mentorer i nettverket:\n- 12 mentorer i nord\n- 8 mentorer i sør [1]"
    assert not names_instances(_MENTORING, asked, counted, [citation(1, "A")])
    spoken_of = "Mentorene møtes i nettverk to ganger i semesteret. [1]"
    assert not names_instances(_MENTORING, asked, spoken_of, [citation(1, "A")])
    # a list led in by something else («Behov meldt:») is not a list of them
    other = "Behov meldt:\n- Kari Nordmann\n- Ola Nordmann [1]"
    assert not names_instances(_MENTORING, asked, other, [citation(1, "A")])


def test_a_later_part_said_word_for_word_above_points_there_not_to_its_own_near_answer() -> None:
    """ "Hvem søker om plass i ordningen?" after a part whose answer said «Rektor søker om plass i
    ordningen.»: the part's own search found a sentence that shares only «ordningen» with it."""
    said = "Nyutdannede lærere får en mentor det første året. [1]\nRektor søker om plass i ordningen. [2]"
    first = PartAnswer("Hvem får en mentor?", said, [citation(1, "A"), citation(2, "B")])
    near = PartAnswer("Hvem søker om plass i ordningen?", "Mentorordningen er for nyutdannede. [1]",
                      [citation(1, "C")])  # fmt: skip

    def above(question: str, shown: Sequence[str], text: str) -> bool:
        return said_above(_MENTORING, question, shown, text)

    merged = merge_parts([first, near], said_above=above)
    assert merged.text.endswith(f"**Hvem søker om plass i ordningen?**\n{texts.PART_SAID_ABOVE}")
    assert [c.text for c in merged.citations] == ["A", "B"]
    # Its own answer saying it as well as the sentence above does stays
    own = PartAnswer("Hvem søker om plass i ordningen?", "Rektor søker om plass i ordningen hvert år. [1]",
                     [citation(1, "C")])  # fmt: skip
    assert not merge_parts([first, own], said_above=above).text.endswith(texts.PART_SAID_ABOVE)
    assert not said_above(_MENTORING, "Hvem søker om plass i ordningen?", [], "Mentorordningen er for alle.")


def test_a_sentence_that_goes_on_from_the_one_before_it_is_kept_with_it_though_shown_above() -> None:
    """«De kan brukes …», shown under an earlier part, stays after the sentence that names what «De» is:
    without it the later part's «Ja.» would rest on a sentence that answers nothing."""
    first = PartAnswer("Hvor brukes pakkene?", "De kan brukes med høgskolen. [1]", [citation(1, "A")])
    second = PartAnswer("Kan vi bruke dem?", "Ja. Pakkene er nettkurs. [1]\nDe kan brukes med høgskolen. [1]",
                        [citation(1, "A")])  # fmt: skip
    third = PartAnswer("Hva er de?", "Pakkene er nettkurs. [1]\nDe kan brukes med høgskolen. [1]",
                       [citation(1, "A")])  # fmt: skip
    blocks = merge_parts([first, second, third]).text.split("\n\n")
    said = "Ja. Pakkene er nettkurs. [1]\nDe kan brukes med høgskolen. [1]"
    assert blocks[1] == f"**Kan vi bruke dem?**\n{said}"
    assert blocks[2] == f"**Hva er de?**\n{texts.PART_SAID_ABOVE}"


def test_a_list_whose_item_an_earlier_part_quoted_alone_is_said_above() -> None:
    """«Hva betyr X, og hvor foregår den?»: the first part quotes X's item of a list of terms by itself; the
    second part's answer is the same list, and shows nothing new about X, so it points above."""
    item = "Arbeidsbasert kompetanseutvikling gjennomføres på arbeidsplassen."
    first = PartAnswer("Hva betyr arbeidsbasert kompetanseutvikling?", f"{item} [1]", [citation(1, "A")])
    listed = f"- {item}\n- Læringsmiljøprosjektet innebærer systematisk arbeid. [1]"
    second = PartAnswer("Hvor foregår den?", listed, [citation(1, "A")])
    merged = merge_parts([first, second])
    assert merged.text.endswith(f"**Hvor foregår den?**\n{texts.PART_SAID_ABOVE}"), merged.text
    assert "Læringsmiljøprosjektet" not in merged.text
    # A list none of whose items was shown is the part's own answer
    other = PartAnswer("Hva annet finnes?", "- Kurs og seminarer.\n- Hospitering. [1]", [citation(1, "B")])
    assert "Hospitering" in merge_parts([first, other]).text


def test_a_role_part_is_answered_under_the_heading_that_names_the_body() -> None:
    """ "Hvilken rolle har mentorene?" is answered by what is told under «Mentorene»,
    though no sentence says «rolle»; under another heading the same sentence answers nothing."""
    said = "Rektor søker om plass i ordningen. [1]"
    under = Citation(1, "m.md", "M", None, "Ordningen > Mentorene", None, None, said, 1.0)
    elsewhere = Citation(1, "m.md", "M", None, "Ordningen > Rektor", None, None, said, 1.0)
    assert _speaks("Hvilken rolle har mentorene?", said, [under])
    assert not _speaks("Hvilken rolle har mentorene?", said, [elsewhere])


def test_a_compound_whose_last_part_the_next_one_says_is_read_whole() -> None:
    """«Reise- og mentorstipend er …» defines a reisestipend too, where the documents use that word."""
    from assistant.answer.extractive import _joined_compounds

    index = mentoring_index(["Reisestipend gis til mentorer.", "Reise- og mentorstipend er stipend for nye."])
    assert _joined_compounds("Reise- og mentorstipend", index) == "Reisestipend og mentorstipend"
    # «Nord- og mentorstipend»: no «nordstipend» in the documents, so it stays as written
    assert _joined_compounds("Nord- og mentorstipend", index) == "Nord- og mentorstipend"


def test_a_sentence_shown_above_is_not_shown_again_under_its_heading() -> None:
    """«Mentorene: De møtes …» under a later part is the sentence an earlier part showed without its
    heading: it is not repeated."""
    first = PartAnswer(
        "Hva gjør mentorene?",
        "Mentorene: De veileder nye lærere. [1]\nDe møtes i nettverk to ganger i semesteret. [1]",
        [citation(1, "A")],
    )
    again = PartAnswer("Hvor ofte møtes de?", "Mentorene: De møtes i nettverk to ganger i semesteret. [1]",
                       [citation(1, "A")])  # fmt: skip
    merged = merge_parts([first, again])
    assert merged.text.endswith(f"**Hvor ofte møtes de?**\n{texts.PART_SAID_ABOVE}"), merged.text


def test_a_later_part_whose_answer_an_earlier_part_showed_is_answered_above_not_uncovered() -> None:
    """ "…, og hvor ofte møtes de?" whose own answer is the sentence the first part showed: the sources
    answer it, above. A total shown above is still no answer to a share of it that it does not name."""
    met = "Mentorene møtes i nettverk to ganger i semesteret. [1]"
    first = PartAnswer("Hva gjør mentorene?", f"Nyutdannede lærere får en mentor det første året. [1]\n{met}",
                       [citation(1, "A")])  # fmt: skip
    again = PartAnswer("Hvor ofte møtes mentorene?", met, [citation(1, "A")])
    merged = merge_parts([first, again], _amount_given, _speaks)
    assert merged.text.endswith(f"**Hvor ofte møtes mentorene?**\n{texts.PART_SAID_ABOVE}"), merged.text
    assert merged.answered == (True, True)
    total = "Midlene kan brukes til frikjøp av mentorer for 3 millioner kroner. [1]"
    spent = PartAnswer("Hva kan midlene brukes til?", total, [citation(1, "B")])
    share = PartAnswer("Hvor mye fikk rektor?", total, [citation(1, "B")])
    merged = merge_parts([spent, share], _amount_given, _speaks)
    assert merged.text.endswith(f"**Hvor mye fikk rektor?**\n{texts.PART_NOT_COVERED}"), merged.text


def test_which_of_a_kind_with_names_of_its_own_asks_for_the_names() -> None:
    assert asks_which_named("Hvilke universiteter er partnere?") == "universiteter"
    assert asks_which_named("Vi skriver et notat. Hvilke høgskoler er med?") == "høgskoler"
    # a kind the documents use as a category asks what kinds, not which ones by name
    assert asks_which_named("Hvilke skoler kan søke?") is None
    assert asks_which_named("Hvor mange universiteter er med?") is None


def test_a_category_placed_somewhere_and_asked_without_a_rule_asks_for_the_names() -> None:
    """guard.yaml named_in_place: "i <Sted>" and no «kan/må/skal» asks which ones there, by name."""
    assert asks_which_named("Hvilke kommuner i Bodø er med i mentorordningen?") == "kommuner"
    assert asks_which_named("Hvilke barnehager på Helgeland fikk midler?") == "barnehager"
    # a rule asked (who may) or no place: the kind as a category, answered by who may
    assert asks_which_named("Hvilke kommuner i Bodø kan søke?") is None
    assert asks_which_named("Hvilke kommuner er med i mentorordningen?") is None


def test_which_bodies_answered_by_sentences_that_never_say_them_is_no_answer() -> None:
    """guard.yaml named_in_place kinds: "Hvilke kommuner …?" answered by what the scheme is says nothing of
    which kommuner; one that speaks of them is left to the other checks."""
    asked = "Hvilke kommuner har mentorer?"
    about_scheme = "Nyutdannede lærere får en mentor det første året. [1]"
    assert unsaid_kind(_MENTORING, asked, about_scheme, [citation(1, "A")]) == "kommuner"
    says_them = "Mentorene møtes i nettverk, og kommunen betaler reiseutgifter. [1]"
    assert unsaid_kind(_MENTORING, asked, says_them, [citation(1, "A")]) is None
    # a kind that is no body or place is not judged here
    assert unsaid_kind(_MENTORING, "Hvilke krav gjelder?", about_scheme, [citation(1, "A")]) is None


def test_a_whole_who_decides_question_needs_someone_deciding_in_its_answer() -> None:
    asked = "Hvem bestemmer hvilke lærere som får mentor?"
    who_gets = "Nyutdannede lærere får en mentor det første året. [1]"
    assert decider_unsaid(_WHOSE_CALL, asked, who_gets, [citation(1, "A")])
    assert not decider_unsaid(
        _WHOSE_CALL, asked, "Rektor bestemmer hvem som får mentor. [1]", [citation(1, "A")]
    )
    # not a deciding verb: not judged here
    assert not decider_unsaid(_WHOSE_CALL, "Hvem får mentor?", who_gets, [citation(1, "A")])
    # asked with a passive deed ("… som velges ut?") the question still asks who decides
    chosen = "Hvem bestemmer hvilke lærere som velges ut til mentorordningen?"
    assert decider_unsaid(_WHOSE_CALL, chosen, who_gets, [citation(1, "A")])


def test_a_yes_no_part_keeps_its_lead_and_its_reason_but_not_the_other_sentences_shown_above() -> None:
    """«…, og gjelder det også videregående?» answered «Ja.» by sentences the first part showed: the lead
    keeps the sentence it rests on, and the others are not shown twice (the lead made them look new)."""
    said = "Forumet prioriterer tiltakene, også for videregående. [1]\nForumet møtes to ganger. [1]"
    first = PartAnswer("Hvem prioriterer tiltakene?", said, [citation(1, "A")])
    again = PartAnswer("Gjelder det videregående?", f"{texts.LEAD_YES} {said}", [citation(1, "A")])
    more = PartAnswer(
        "Gjelder det fagskoler?", f"{texts.LEAD_YES} {said}\nFagskoler kan være med. [2]",
        [citation(1, "A"), citation(2, "B")],
    )  # fmt: skip
    blocks = merge_parts([first, again, more]).text.split("\n\n")
    reason = "Ja. Forumet prioriterer tiltakene, også for videregående. [1]"
    assert blocks[1] == f"**Gjelder det videregående?**\n{reason}"
    assert blocks[2] == f"**Gjelder det fagskoler?**\n{reason}\nFagskoler kan være med. [2]"


def test_an_amount_part_given_by_a_line_shown_above_that_names_it_is_answered_above() -> None:
    """ "…, og hvor mye av det gikk til barnehage?" after the year's total whose list gives the barnehage
    share on a line of its own: answered above. A share the lines do not name (PPT) is not."""
    total = "Midler tildelt 2026:\n- 11 mill. barnehage, 17 mill. skole = 28 mill [1]"
    first = PartAnswer("Hvor mye ble tildelt i 2026?", total, [citation(1, "A")])
    named = PartAnswer("Hvor mye av det gikk til barnehage?", total, [citation(1, "A")])
    merged = merge_parts([first, named], _amount_given)
    assert merged.text.endswith(f"**Hvor mye av det gikk til barnehage?**\n{texts.PART_SAID_ABOVE}")
    assert merged.answered == (True, True)
    unnamed = PartAnswer("Hvor mye av det gikk til PPT?", total, [citation(1, "A")])
    merged = merge_parts([first, unnamed], _amount_given)
    assert merged.text.endswith(f"**Hvor mye av det gikk til PPT?**\n{texts.PART_NOT_COVERED}")
    # nor a share of a place the line does not name
    placed = PartAnswer("Hvor mye gikk til barnehage i Troms?", total, [citation(1, "A")])
    merged = merge_parts([first, placed], _amount_given)
    assert merged.text.endswith(f"**Hvor mye gikk til barnehage i Troms?**\n{texts.PART_NOT_COVERED}")


def test_an_advised_first_part_is_shown_not_pointed_above() -> None:
    """The advisor's list of schemes is its own reading of the part: nothing is above the first part,
    and a reader that finds no asked word in the list must not turn it into «står over»."""
    advice = PartAnswer(
        "Hva kan vi søke om for lærerne?",
        "Dette er ordningene som passer:\n- **Stipend**: Ordningen er for kommuner. [1]",
        [citation(1, "Ordningen er for kommuner.")],
        advised=True,
    )
    merged = merge_parts([advice], speaks_to=lambda asked, text, cited: False)
    assert texts.PART_SAID_ABOVE not in merged.text
    assert "**Stipend**" in merged.text
    assert merged.answered == (True,)


def test_a_how_question_is_answered_only_by_a_quote_that_says_its_verb() -> None:
    """«Hvordan søker rektor …?» asks after the act: a sentence without it says nothing of how."""
    assert says_how(_MENTORING, "Hvordan søker rektor om plass?", "Rektor søker om plass i ordningen. [1]")
    assert not says_how(
        _MENTORING,
        "Hvordan skal vi søke om plass?",
        "Nyutdannede lærere får en mentor det første året. [1]",
    )
    # a verb that only asks how a thing goes is answered by what happens
    assert says_how(
        _MENTORING, "Hvordan fungerer ordningen?", "Nyutdannede lærere får en mentor det første året. [1]"
    )
    # a how-question led by a noun, and any other question, is not judged here
    assert says_how(_MENTORING, "Hvordan er nettverket organisert?", "Mentorene møtes i nettverk. [1]")
    assert says_how(
        _MENTORING, "Hvem søker om plass?", "Nyutdannede lærere får en mentor det første året. [1]"
    )
    # a verb the documents never use is left to the unspoken-matter check
    assert says_how(
        _MENTORING, "Hvordan evalueres ordningen?", "Nyutdannede lærere får en mentor det første året. [1]"
    )
