"""CSV cells that a spreadsheet would run as formulas are written as text (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

import pytest

from assistant.api.csvfile import csv_text, safe_cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x.invalid")', '\'=HYPERLINK("http://x.invalid")'),
        ("+47 123", "'+47 123"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tskjult", "'\tskjult"),
        ("\rskjult", "'\rskjult"),
        ("Hva er fristen? =ikke i starten", "Hva er fristen? =ikke i starten"),
        ("æøå", "æøå"),
        (3, "3"),
        (None, ""),
    ],
)
def test_safe_cell(value: object, written: str) -> None:
    assert safe_cell(value) == written


def test_csv_text_escapes_header_and_rows_and_quotes_separators() -> None:
    text = csv_text(["antall", "spørsmål"], [[2, "=1+1, og «mer»"], [1, 'Et "sitat"']])
    assert list(csv.reader(io.StringIO(text))) == [
        ["antall", "spørsmål"],
        ["2", "'=1+1, og «mer»"],
        ["1", 'Et "sitat"'],
    ]
