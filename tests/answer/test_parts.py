"""A multi-part answer: one heading per part, one numbering of the citations, and gaps said plainly."""

from __future__ import annotations

from assistant import texts
from assistant.answer.citations import unsupported_answer_reason
from assistant.answer.parts import PartAnswer, merge_parts
from assistant.models import Citation


def citation(n: int, text: str) -> Citation:
    return Citation(n, "doc.txt", "Dok", None, "Dok > Del", None, None, text, 1.0)


def test_parts_share_one_numbering_and_a_passage_keeps_its_number() -> None:
    first = PartAnswer(
        "Hvem kan søke?", "Eiere kan søke. [1] Også private. [2]", [citation(1, "A"), citation(2, "B")]
    )
    second = PartAnswer(
        "Hva dekker midlene?", "Kurs. [1] Eiere kan søke. [2]", [citation(1, "C"), citation(2, "A")]
    )
    text, citations = merge_parts([first, second])
    assert text == (
        "**Hvem kan søke?**\nEiere kan søke. [1] Også private. [2]\n\n"
        "**Hva dekker midlene?**\nKurs. [3] Eiere kan søke. [1]"
    )
    assert [(c.n, c.text) for c in citations] == [(1, "A"), (2, "B"), (3, "C")]


def test_a_part_the_sources_do_not_answer_says_so() -> None:
    answered = PartAnswer("Hvem kan søke?", "Eiere kan søke. [1]", [citation(1, "A")])
    text, citations = merge_parts([answered, PartAnswer("Hva er fristen neste år?", None, [])])
    assert text.endswith(f"**Hva er fristen neste år?**\n{texts.PART_NOT_COVERED}")
    assert len(citations) == 1


def test_a_part_that_only_repeats_an_earlier_part_points_to_it() -> None:
    members = "Forumet skal ha med:\n- partene\n- eierne [1]"
    first = PartAnswer("Hvem sitter i forumet?", members, [citation(1, "A")])
    again = PartAnswer("Hvem leder det?", f"{members}\nStatsforvalteren kan være observatør. [2]",
                       [citation(1, "A"), citation(2, "B")])  # fmt: skip
    only_again = PartAnswer("Hvem betaler?", members, [citation(1, "A")])
    text, _ = merge_parts([first, again, only_again])
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
    text, _ = merge_parts([first, share], _amount_given)
    assert text.endswith(f"**Hvor mye gikk til PPT?**\n{texts.PART_NOT_COVERED}")
    # A part whose own sentence gives the amount is answered.
    own = PartAnswer("Hvor mye gikk til PPT?", "PPT fikk 3 millioner kroner. [1]", [citation(1, "C")])
    text, _ = merge_parts([first, own], _amount_given)
    assert text.endswith("**Hvor mye gikk til PPT?**\nPPT fikk 3 millioner kroner. [2]")


def _amount_given(question: str, text: str, citations: list[Citation]) -> bool:
    return unsupported_answer_reason(question, text, citations) is None


def test_a_later_part_with_only_a_lead_in_left_says_the_sources_dont_say_it_directly() -> None:
    said = "Forumet skal ha med eierne. [1]"
    first = PartAnswer("Hvem sitter i forumet?", said, [citation(1, "A")])
    again = PartAnswer(
        "Må forumet møtes hver måned?", f"{texts.LEAD_NOT_DIRECTLY}\n{said}", [citation(1, "A")]
    )
    text, _ = merge_parts([first, again])
    assert text.endswith(f"**Må forumet møtes hver måned?**\n{texts.NOT_DIRECTLY} {texts.PART_SAID_ABOVE}")
