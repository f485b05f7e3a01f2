"""Slide decks: page starts in captured text, and decks told from documents with a heading at a page end."""

from __future__ import annotations

from assistant.ingest.slides import is_deck, split_pages, trailing_title


def test_pages_start_at_form_feeds() -> None:
    assert split_pages("Side en\fSide to\fSide tre") == ["Side en", "Side to", "Side tre"]


def test_pages_start_at_a_line_indented_by_one_space_right_after_the_page_before() -> None:
    text = " • Punkt\n\nTittel en\n Frist: 1. mars\n\nTittel to\n Neste møte\n\nMøteplan"
    assert split_pages(text) == [
        " • Punkt\n\nTittel en",
        " Frist: 1. mars\n\nTittel to",
        " Neste møte\n\nMøteplan",
    ]


def test_list_items_after_a_lead_in_or_a_blank_line_are_not_page_starts() -> None:
    text = "Omfatter:\n • lærere\n • ledere\n\nMålgrupper\n\n • barnehager\n • skoler"
    assert split_pages(text) == [text]


def test_a_title_is_the_last_line_of_its_own_not_the_end_of_a_wrapped_line() -> None:
    assert trailing_title("• Punkt\n\nMøteplan") == ("• Punkt\n", "Møteplan")
    assert trailing_title("Kurs og konferanse | Statsforvalteren i \nNordland") is None
    assert trailing_title("• Punkt\n\nLes mer om ordningen") is None
    assert trailing_title("Møteplan") is None


def test_a_deck_is_pages_that_mostly_end_in_distinct_titles() -> None:
    assert is_deck(["• a\n\nMål", "• b\n\nKjennetegn", "- c\n\nTa stilling til: Skal midler holdes igjen?"])
    assert not is_deck(["Tekst.\n\nTilskudd", "Mer tekst.", "Enda mer tekst."])
    assert not is_deck(["Tekst.\n\nSide 1", "Mer tekst.\n\nSide 2"])
    assert not is_deck(["Mål\n• a\n\nOppsummering", "Kjennetegn\n• b\n\nAvslutning"])  # titles at the top
