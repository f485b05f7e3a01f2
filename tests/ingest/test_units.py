"""Quotable units: sentences and lists, lines kept as lines, navigation left out."""

from __future__ import annotations

import pytest

from assistant.ingest.furniture import Boilerplate
from assistant.ingest.units import split_units


def _leads(text: str) -> list[str]:
    return [u.render() for u in split_units(text, 0)]


@pytest.mark.parametrize(
    "link",
    [
        "Les mer om Yrkesfaglærer 2-ordningen.",
        "Se mer om [Udirs tilbud for etter- og videreutdanning](#)",
        "[Se mer om Udirs tilbud](https://www.udir.no/)",
        "[Retningslinjer for ordningen](#)",
        "Les meir om ordninga",
        "Du kan lese om hvordan dere kan vurdere behov, sette mål og planlegge tiltak",
        "Publisert 12.05.2021",
        "Publisert 11.04.2022, Sist endret 08.07.2022",
        "ARTIKKEL | Sist endret: 22.01.2026",
    ],
)
def test_navigation_is_never_a_unit(link: str) -> None:
    units = _leads(f"Ordningen gjelder barnehager.\n\n{link}\n\nFristen er 1. mars.")
    assert units == ["Ordningen gjelder barnehager.", "Fristen er 1. mars."]


def test_a_link_sentence_is_left_out_of_its_paragraph_and_its_list_item() -> None:
    text = (
        "Midlene henter fagkompetanse inn i skolen. Les mer om Yrkesfaglærer 2-ordningen.\n\n"
        "- **Arbeidsbasert kompetanseutvikling** skjer på arbeidsplassen. Se mer om [ABLU](#) og "
        "[hospiteringsordning](#).\n- [Les mer](#)\n- Stipend til ansatte."
    )
    assert _leads(text) == [
        "Midlene henter fagkompetanse inn i skolen.",
        "- Arbeidsbasert kompetanseutvikling skjer på arbeidsplassen.\n- Stipend til ansatte.",
    ]


def test_a_news_item_keeps_its_lines_and_leaves_out_its_dateline() -> None:
    text = (
        "Publisert 12.05.2021\n\n164 millioner kroner til kompetanseutvikling i barnehager og skoler\n\n"
        "Gjennom ordningen er det fordelt 164 millioner kroner. Midlene går til kollektive tiltak."
    )
    assert _leads(text) == [
        "164 millioner kroner til kompetanseutvikling i barnehager og skoler",
        "Gjennom ordningen er det fordelt 164 millioner kroner.",
        "Midlene går til kollektive tiltak.",
    ]


def test_a_run_of_short_lines_is_not_joined_into_one_sentence() -> None:
    text = (
        "Publisert 12.05.2021\n164 millioner kroner til kompetanseutvikling\nGjennom ordningen er det fordelt"
        " 164 millioner kroner.\nPublisert 28.01.2021\nSamarbeidsforum etablert\nFrist: 1. mars\n"
        "Dato høst: 12. september"
    )
    assert _leads(text) == [
        "164 millioner kroner til kompetanseutvikling",
        "Gjennom ordningen er det fordelt 164 millioner kroner.",
        "Samarbeidsforum etablert",
        "Frist: 1. mars",
        "Dato høst: 12. september",
    ]


def test_wrapped_lines_are_joined_into_their_sentence() -> None:
    text = (
        "Det kommer et utkast til ny langsiktig plan for \nkollektiv kompetanseutvikling i barnehage og \n"
        "grunnskole i begynnelsen av februar\n\nMålgruppe: Kommuner, private eiere, \n"
        "barnehagemyndighet og tillitsvalgte"
    )
    assert _leads(text) == [
        "Det kommer et utkast til ny langsiktig plan for kollektiv kompetanseutvikling i barnehage og "
        "grunnskole i begynnelsen av februar",
        "Målgruppe: Kommuner, private eiere, barnehagemyndighet og tillitsvalgte",
    ]


def test_a_list_item_cut_by_a_blank_line_is_continued_by_the_lower_case_block() -> None:
    text = "Midler tildelt:\n\n• Skal brukes til begge målgrupper, som får og \n\nhensyntas\n\n• Nettverk"
    assert _leads(text) == [
        "Midler tildelt:\n- Skal brukes til begge målgrupper, som får og hensyntas\n- Nettverk"
    ]


def test_label_lines_under_a_lead_ending_in_a_colon_are_its_items() -> None:
    text = "2025:\n\nRekom: 11 271 000,-\n\nDekom: 12 200 000,-\n\nBehovsmeldinger 2026 - status"
    assert _leads(text) == [
        "2025:\n- Rekom: 11 271 000,-\n- Dekom: 12 200 000,-",
        "Behovsmeldinger 2026 - status",  # a title line is not an item of the list above it
    ]


def test_a_label_line_does_not_open_a_list() -> None:
    text = "18.03.26: Thon hotel Sortland\n\n19.03.26: Thon hotel Svolvær"
    assert _leads(text) == ["18.03.26: Thon hotel Sortland", "19.03.26: Thon hotel Svolvær"]


def test_navigation_patterns_are_data() -> None:
    import re

    furniture = Boilerplate(frozenset(), (), (re.compile(r"Tilbake til .+"),))
    assert furniture.is_navigation("Tilbake til [forsiden](#)")
    assert not furniture.is_navigation("Fristen er 1. mars.")


def test_lettered_items_split_by_blank_lines_stay_items_of_their_own() -> None:
    text = (
        "Søknaden vurderes etter dette:\n\n"
        "a) Prosjektet har en tydelig\nplan for gjennomføring\n\n"
        "b) Budsjettet er realistisk\n\n"
        "c) Eieren stiller med egeninnsats"
    )
    [unit] = split_units(text, 0)
    assert unit.lead == "Søknaden vurderes etter dette:"
    assert unit.items == [
        "Prosjektet har en tydelig plan for gjennomføring",
        "Budsjettet er realistisk",
        "Eieren stiller med egeninnsats",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Søknaden vurderes etter dette: a) at prosjektet har en plan, b) at budsjettet er realistisk og "
        "c) at eieren stiller med egeninnsats.",
        "Søknaden vurderes etter dette:\n\n- a) at prosjektet har en plan; b) at budsjettet er realistisk; "
        "c) at eieren stiller med egeninnsats.",
    ],
)
def test_a_lettered_list_on_one_line_is_a_list(text: str) -> None:
    [unit] = split_units(text, 0)
    assert unit.lead == "Søknaden vurderes etter dette:"
    assert unit.items == [
        "at prosjektet har en plan",
        "at budsjettet er realistisk",
        "at eieren stiller med egeninnsats.",
    ]


def test_a_lone_letter_in_a_sentence_is_no_list() -> None:
    text = "Se punkt a) i forskriften. Kravet i 2) gjelder også."
    assert [u.items for u in split_units(text, 0)] == [[], []]
