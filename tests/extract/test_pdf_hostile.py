"""Hostile PDFs built here byte by byte: a page whose content inflates past
the limit (a compression bomb) is skipped with PL910 and the other pages
are read; a ToUnicode map that yields lone surrogates gives findings, not a
traceback, in every output format."""

from __future__ import annotations

import json
import zlib

import pytest
from click.testing import CliRunner
from support import pdf_stream, raw_pdf

from plainlint.cli import main
from plainlint.extract import Source, extract
from plainlint.extract.pdf.guard import oversized_pages

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode %d 0 R >>"
#: A ToUnicode map: printable ASCII as itself, bytes 0x80-0x82 to lone surrogates.
SURROGATE_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange <20> <7E> <0020> endbfrange
3 beginbfchar <80> <D800> <81> <DC00> <82> <DFFF> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def _text(line: str) -> bytes:
    return b"BT /F1 11 Tf 72 720 Td (" + line.encode("latin-1") + b") Tj ET"


def build_pdf(contents: list[bytes], cmap: bytes | None = None) -> bytes:
    """A PDF with one page per content stream (given as stored, filter
    included), and Helvetica as /F1 with an optional ToUnicode map."""
    count = len(contents)
    first_page = 3
    font = first_page + 2 * count
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(count))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count))
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> "
            b"/Contents %d 0 R >>" % (font, first_page + 2 * i + 1)
        )
        objects.append(content)
    objects.append(FONT % (font + 1) if cmap else FONT.replace(b" /ToUnicode %d 0 R", b""))
    if cmap:
        objects.append(pdf_stream(cmap))
    return raw_pdf(objects)


def _bomb(inflated: int) -> bytes:
    """A content stream of `inflated` bytes of text operators, compressed."""
    packer = zlib.compressobj(9)
    chunk = b"(a) Tj " * 10_000
    body = packer.compress(b"BT /F1 11 Tf 72 720 Td ")
    body += b"".join(packer.compress(chunk) for _ in range(inflated // len(chunk) + 1))
    return pdf_stream(body + packer.compress(b" ET") + packer.flush(), flate=True)


def test_a_page_that_inflates_past_the_limit_is_measured_without_inflating_it_whole():
    data = build_pdf([pdf_stream(_text("The form was signed.")), _bomb(3 * 1024 * 1024)])
    oversized = oversized_pages(data, limit=1024 * 1024)
    assert list(oversized) == [1]
    assert 1024 * 1024 < oversized[1] <= 3 * 1024 * 1024


def test_a_bomb_page_is_skipped_with_pl910_and_the_other_pages_are_read():
    data = build_pdf([_bomb(20 * 1024 * 1024), pdf_stream(_text("The form was signed by the the clerk."))])
    document = extract(Source("bomb.pdf", data))
    assert [(n.code, n.location.page) for n in document.notices if n.code == "PL910"] == [("PL910", 1)]
    assert "signed by the the clerk" in " ".join(block.text for block in document.blocks)


def test_small_flate_pages_are_not_limited():
    packed = zlib.compress(_text("The form was signed."))
    assert oversized_pages(build_pdf([pdf_stream(packed, flate=True)])) == {}


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "junit", "github"])
def test_lone_surrogates_from_tounicode_give_findings_not_a_traceback(tmp_path, output_format):
    path = tmp_path / "surrogates.pdf"
    path.write_bytes(build_pdf([pdf_stream(_text("\x80\x81\x82 The applicant shall submit the form."))], cmap=SURROGATE_CMAP))
    result = CliRunner().invoke(main, ["check", "--no-model", "--format", output_format, str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1)
    assert "shall" in result.stdout
    if output_format == "json":
        (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "PL103"]
        assert "\ufffd" in finding["context"]
