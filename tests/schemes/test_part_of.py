"""«Er X en del av Y?»: whether one scheme belongs to another, read from the catalogue's umbrella schemes."""

from __future__ import annotations

import pytest

from assistant.schemes.advisor import _part_of_other
from assistant.schemes.catalogue import Catalogue


@pytest.mark.parametrize(
    ("question", "part", "umbrella", "asked"),
    [
        (
            "Er Kompetanseløftet en del av yrkesfagordningen?",
            "kompetanseloftet",
            "lokal-kompetanseutvikling",
            "fag-og-yrkesopplaering",
        ),
        (
            "Hører Rekom inn under tilskuddsordningen for fag- og yrkesopplæring?",
            "regional-ordning",
            "lokal-kompetanseutvikling",
            "fag-og-yrkesopplaering",
        ),
        (
            "Inngår Dekom i Kompetanseløftet?",
            "desentralisert-ordning",
            "lokal-kompetanseutvikling",
            "kompetanseloftet",
        ),
        (
            "Er Kompetanseløftet med i den lokale ordningen for barnehage og skole?",
            "kompetanseloftet",
            "lokal-kompetanseutvikling",
            "lokal-kompetanseutvikling",
        ),
    ],
)
def test_a_part_scheme_is_read_with_its_umbrella(
    catalogue: Catalogue, question: str, part: str, umbrella: str, asked: str
) -> None:
    found = _part_of_other(question, catalogue)
    assert found is not None
    assert tuple(s.id for s in found) == (part, umbrella, asked)


@pytest.mark.parametrize(
    "question",
    [
        "Er PPT med i Kompetanseløftet?",  # a group, not a scheme
        "Er Kompetanseløftet i Nordland stort?",  # no scheme after the preposition
        "Er yrkesfagordningen en del av Kompetanseløftet?",  # a scheme of its own: no umbrella to name
    ],
)
def test_no_two_schemes_no_part_question(catalogue: Catalogue, question: str) -> None:
    assert _part_of_other(question, catalogue) is None
