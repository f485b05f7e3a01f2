"""CSV downloads for staff, safe to open in a spreadsheet: every cell a formula could start with is
defused, since question texts and comments are written by anyone who uses the chat."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from fastapi import Response

# OWASP's CSV injection rule: a cell starting with one of these is read as a formula by Excel,
# LibreOffice or Google Sheets; a leading apostrophe makes it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def csv_download(body: str, filename: str) -> Response:
    return Response(
        "\ufeff" + body,  # BOM: Excel opens UTF-8 CSV with æøå intact
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
