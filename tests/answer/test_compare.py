"""Yes/no questions comparing two quantities: settled only by a figure for each side."""

from __future__ import annotations

import pytest

from assistant import texts
from assistant.answer.compare import compared, compares
from assistant.service import Services, ask

SUMS = "Tildelt i fjor:\n- Nordvik: 4 500 000,-\n- Sørvik: 3 200 000,-\n- Østvik: 900 000,-"
COUNTS = "Søknader:\n- Skoler – 9 søknader - 2 100 000,-\n- Barnehager – 14 søknader - 1 300 000,-"
SPLIT = "Tildelt:\n- 6 mill. barnehage, 9 mill. skole = 15 mill"


@pytest.mark.parametrize(
    ("question", "text", "verdict"),
    [
        ("Fikk Nordvik mer enn Østvik i fjor?", SUMS, "ja"),
        ("Fikk Østvik mer enn Sørvik?", SUMS, "nei"),
        ("Fikk Østvik mindre enn Nordvik?", SUMS, "ja"),
        # what is counted comes after the comparing word: søknader, not kroner
        ("Kom det flere søknader fra skoler enn fra barnehager?", COUNTS, "nei"),
        # a sum of money, when money is compared
        ("Søkte skolene om mer penger enn barnehagene?", COUNTS, "ja"),
        ("Får barnehagene færre millioner enn skolene?", SPLIT, "ja"),
        # a side no figure is given for settles nothing
        ("Får fylket mer penger neste år enn i fjor?", SPLIT, None),
        ("Er tildelingen til Nordvik større enn til Vestvik?", SUMS, None),
    ],
)
def test_a_comparison_is_settled_by_one_figure_for_each_side(
    question: str, text: str, verdict: str | None
) -> None:
    assert compares(question)
    assert compared(question, text) == verdict


def test_a_question_without_enn_compares_nothing() -> None:
    assert not compares("Får vi mer penger hvis vi søker tidlig?")
    assert compared("Får vi mer penger hvis vi søker tidlig?", SUMS) is None


def test_comparisons_on_the_corpus_lead_with_the_figures_verdict(services: Services) -> None:
    """The sources give a count for each sector in one list: «Ja»/«Nei» follows the figures, not the
    words around them; a year the sources give no figure for gets «Kildene sier ikke dette direkte»."""
    more = ask(services, "Meldte skolene i Nordland inn flere behovsmeldinger enn barnehagene i 2026?")
    assert more.answer.startswith(texts.LEAD_YES), more.answer
    fewer = ask(services, "Kom det inn flere behovsmeldinger fra barnehager enn fra skoler i Nordland?")
    assert fewer.answer.startswith(texts.YES_NO_LEADS["nei"]), fewer.answer
    later = ask(services, "Får Nordland mer penger i 2028 enn i 2026?")
    assert later.answer.startswith(texts.NOT_DIRECTLY), later.answer
