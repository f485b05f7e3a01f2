"""PDFs made at test time: a two-page text PDF and a 'scanned' one with no text layer."""

from __future__ import annotations

from pathlib import Path


def write_text_pdf(path: Path, pages: list[list[str]], title: str = "Testdokument") -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    c.setAuthor("Testforlaget")
    for lines in pages:
        y = 800
        for line in lines:
            c.drawString(60, y, line)
            y -= 18
        c.showPage()
    c.save()
    return path


def write_image_only_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(50, 50, 400, 600, fill=1)  # a "scan": shapes, no text layer
    c.showPage()
    c.save()
    return path
