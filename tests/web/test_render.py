"""Answer text → HTML: nothing from a source becomes markup; quoted sentences light up in their passage."""

from __future__ import annotations

from assistant.drafts.letter import Block
from assistant.web.render import answer_html, highlight, letter_html, quotes_for


def test_source_text_is_escaped_and_markers_become_links() -> None:
    html = str(answer_html('Les <script>alert(1)</script> & "mer". [2]', "k-1"))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert '<a class="cite" href="#k-1-2" data-n="2">[2]</a>' in html


def test_lines_are_paragraphs_and_dash_runs_are_one_list() -> None:
    html = str(answer_html("**Hvem?**\nFørst dette. [1]\n- en\n- to [1]\nTil slutt.", "a"))
    assert html.startswith("<p><strong>Hvem?</strong></p><p>Først dette.")
    assert html.count("<ul>") == 1 and html.count("<li>") == 2
    assert html.endswith("<p>Til slutt.</p>")


def test_quotes_for_takes_the_text_before_each_marker_that_names_the_source() -> None:
    answer = "**Del én?**\nFylket fordeler midlene. [1] Kommunen søker. [2]\n- Tiltak A [1][2]"
    assert quotes_for(answer, 1) == ["Fylket fordeler midlene.", "Tiltak A"]
    assert quotes_for(answer, 2) == ["Kommunen søker.", "Tiltak A"]
    assert quotes_for(answer, 3) == []


def test_highlight_finds_a_quote_across_line_breaks_and_escapes_the_rest() -> None:
    passage = "Innledning <b>.\nSamarbeidsforumet skal\nprioritere tiltak. Resten står her."
    html = str(highlight(passage, ["Samarbeidsforumet skal prioritere tiltak."]))
    assert "<mark>Samarbeidsforumet skal\nprioritere tiltak.</mark>" in html
    assert "&lt;b&gt;" in html and html.count("<mark>") == 1


def test_highlight_matches_sentence_by_sentence_when_the_answer_added_context() -> None:
    passage = "Midlene fordeles etter søknad. Udir utbetaler midlene i mars."
    html = str(highlight(passage, ["Om utbetaling: Udir utbetaler midlene i mars."]))
    assert "<mark>Udir utbetaler midlene i mars.</mark>" in html
    assert str(highlight(passage, ["Ja."])) == passage  # too short to place safely


def test_letter_blocks_become_headings_quotes_and_one_list() -> None:
    blocks = (
        Block("subject", "Svar på henvendelse"),
        Block("question", "Kan vi søke?"),
        Block("bullet", "første [1]"),
        Block("bullet", "andre"),
        Block("paragraph", "Med hilsen <x>"),
    )
    html = str(letter_html(blocks, "brev"))
    assert html.startswith("<h2>Svar på henvendelse</h2><blockquote>Kan vi søke?</blockquote><ul>")
    assert html.count("<li>") == 2 and "&lt;x&gt;" in html and 'href="#brev-1"' in html


def test_a_nynorsk_answer_marks_the_bokmaal_sentence_it_translates_and_nothing_else() -> None:
    passage = (
        "Det finnes flere ordninger. Barnehage- og skoleeiere kan søke om tilskudd og stimuleringsmidler."
    )
    html = str(highlight(passage, ["Barnehage- og skuleeigarar kan søkje om tilskot og stimuleringsmidlar."]))
    assert html == (
        "Det finnes flere ordninger. "
        "<mark>Barnehage- og skoleeiere kan søke om tilskudd og stimuleringsmidler.</mark>"
    )
    assert "<mark>" not in str(highlight(passage, ["Fylket fordeler pengane etter søknad frå kommunane."]))
