"""PDFs made at test time: a two-page text PDF, a 'scanned' one with no text layer, and hostile ones
(encrypted, a deep page tree, a compression bomb)."""

from __future__ import annotations

import io
import zlib
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


# Hostile PDFs, written byte by byte so each stays small and builds in milliseconds.

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 12 Tf 72 720 Td (Fjordtilskuddet gir 9 000 kroner per skole.) Tj ET"
_PAGE = (
    b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents 3 0 R"
    b" /Resources << /Font << /F1 2 0 R >> >> >>"
)


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these object bodies (object n is objects[n - 1]; 1 is the catalog) with a correct xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), extra, data)


def deep_page_tree_pdf(depth: int) -> bytes:
    """One page under `depth` nested /Pages nodes (each with one kid)."""
    first = 5  # 1 catalog, 2 font, 3 content, 4 the page, 5.. the /Pages chain from the root down
    objects = [b"<< /Type /Catalog /Pages 5 0 R >>", _FONT, _stream(_TEXT), _PAGE % (first + depth - 1)]
    for i in range(depth):
        kid = first + i + 1 if i < depth - 1 else 4
        parent = b" /Parent %d 0 R" % (first + i - 1) if i else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (kid, parent))
    return _raw_pdf(objects)


def flate_bomb_pdf(megabytes: int) -> bytes:
    """A page whose content stream inflates to `megabytes` MB of spaces from about 1 KB per MB. Each
    MB is compressed once: after a full flush deflate starts afresh, so the same bytes repeat."""
    chunk = b" " * 1_000_000
    head = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = head.compress(_TEXT + b"\n") + head.flush(zlib.Z_FULL_FLUSH)
    body = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = body.compress(chunk) + body.flush(zlib.Z_FULL_FLUSH)
    adler = zlib.adler32(_TEXT + b"\n")
    for _ in range(megabytes):
        adler = zlib.adler32(chunk, adler)
    data = b"\x78\xda" + first + piece * megabytes + b"\x03\x00" + adler.to_bytes(4, "big")
    objects = [
        b"<< /Type /Catalog /Pages 4 0 R >>",
        _FONT,
        _stream(data, b"/Filter /FlateDecode"),
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        _PAGE % 4,
    ]
    return _raw_pdf(objects)


def encrypted_pdf(source: Path, password: str) -> bytes:
    """`source` encrypted with RC4 (pypdf needs no extra package for it) and this user password."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(source))
    writer.encrypt(user_password=password, owner_password="eier", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def aes_encrypted_pdf(source: Path) -> bytes:
    """A PDF whose encryption dictionary says AES-128 (V4, /AESV2) with an empty user password. The
    password check needs no AES, so pypdf gets as far as decrypting; without the `cryptography` package
    it then raises DependencyError. With it installed, the file reads as garbage or as damaged. (pypdf
    cannot write AES itself without `cryptography`, so the RC4 file's dictionary is rewritten: R3 and
    R4 compute /O and /U alike.)"""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, NumberObject

    writer = PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="", owner_password="eier", algorithm="RC4-128")
    entry = writer._encrypt_entry
    assert entry is not None
    entry[NameObject("/V")] = NumberObject(4)
    entry[NameObject("/R")] = NumberObject(4)
    std = DictionaryObject(
        {
            NameObject("/CFM"): NameObject("/AESV2"),
            NameObject("/AuthEvent"): NameObject("/DocOpen"),
            NameObject("/Length"): NumberObject(16),
        }
    )
    entry[NameObject("/CF")] = DictionaryObject({NameObject("/StdCF"): std})
    entry[NameObject("/StmF")] = NameObject("/StdCF")
    entry[NameObject("/StrF")] = NameObject("/StdCF")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def many_pages_pdf(pages: int) -> bytes:
    """`pages` pages that share one content stream: a long PDF in a few bytes per page."""
    first = 4  # 1 catalog, 2 font, 3 content, 4 the /Pages root, 5.. the pages
    kids = b" ".join(b"%d 0 R" % (first + 1 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 4 0 R >>",
        _FONT,
        _stream(_TEXT),
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
    ]
    objects += [_PAGE % first] * pages
    return _raw_pdf(objects)
