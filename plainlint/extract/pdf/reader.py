"""PDF: text blocks in reading order with page, line and column, plus the
AcroForm's fields.

The text comes from pdfium (fast, with every character's box and font), laid
out by `pdf_text` and `pdf_layout`; the form fields come from pypdf's view of
the field tree (`pdf_forms`). A line number is the line's position on its page
in reading order, so a finding reads `form.pdf:p3:l12`; a column counts
characters in that line as extracted.

Boxes (`Block.attrs["bbox"]`, `FormField.rect`) are (x0, y0, x1, y1) in
points with the origin at the bottom left of the page as displayed (after
/Rotate). Blocks also carry `font_size`, `level` (headings) and `continued`
(the later parts of a paragraph joined across a column or page break); a
radio group's field carries the question beside it in attrs["question"].
`metadata["page_tabs"]` maps each page of a form to its tab order (/Tabs),
and `metadata["structure_tree"]` says whether it has a structure tree.
Problems with the file itself become PL9xx notices: PL903 a page with no
text layer (a scan), PL904 an XFA form, PL905 a damaged file or field tree.
A file that cannot be opened at all raises `InputError`.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from plainlint.document import Block, Document, Location, Notice
from plainlint.errors import InputError
from plainlint.extract import Source
from plainlint.extract.pdf.forms import FormResult, add_group_questions, read_form
from plainlint.extract.pdf.guard import PAGE_CONTENT_BYTES, oversized_pages
from plainlint.extract.pdf.layout import (
    HeadingScale,
    join_continuations,
    mark_running_lines,
    order_page,
    page_blocks,
)
from plainlint.extract.pdf.text import PageText, read_page

#: PDF readers accept the header anywhere in the first 1024 bytes.
_HEADER = re.compile(rb"%PDF-\d\.\d")
_OBJECT_HEADER = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_CATALOG = re.compile(rb"/Type\s*/Catalog\b")
_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted: this PDF needs a password to open, and plainlint has none to give it",
    pdfium_c.FPDF_ERR_SECURITY: "encrypted: this PDF uses a security handler plainlint cannot open",
    pdfium_c.FPDF_ERR_SUCCESS: "this PDF has no pages",
}
_DAMAGED = "not a readable PDF: the file is damaged or truncated"


def sniff(head: bytes) -> bool:
    """True for `%PDF-x.y` at the start (after white space), or at a line
    start within the first 1024 bytes when an object follows: readers skip
    leading junk, but a text file that merely mentions the header is not a PDF."""
    match = _HEADER.search(head[:1024])
    if match is None:
        return False
    before = head[: match.start()]
    if not before.strip():
        return True
    return before.endswith((b"\n", b"\r")) and _OBJECT_HEADER.search(head, match.end()) is not None


def extract(source: Source) -> Document:
    with _quiet_libraries():
        pdf, data, repaired = _open(source.data)
        try:
            pages, notices = _read_pages(pdf, source.path, oversized_pages(data))
            metadata = _metadata(pdf)
            has_form = pdfium_c.FPDF_GetFormType(pdf) != pdfium_c.FORMTYPE_NONE
        finally:
            pdf.close()
        has_form = has_form or any(page.widgets for page in pages)
        form = read_form(data, source.path, pages) if has_form else FormResult()
    document = Document(source.path, "pdf", metadata=metadata)
    text_blocks = _text_blocks(pages, source.path)
    add_group_questions(form.fields, text_blocks)
    document.blocks = text_blocks + form.tooltip_blocks
    document.fields = form.fields
    document.metadata.update(
        has_xfa=form.has_xfa,
        field_tree_nodes=form.field_tree_nodes,
        page_tabs=form.page_tabs,
        structure_tree=form.structure_tree,
    )
    damage = _damage_notices(source, repaired)
    document.notices = damage + notices + _scan_notices(pages, source.path) + form.notices
    return document


def _open(data: bytes) -> tuple[pdfium.PdfDocument, bytes, bool]:
    """The document, the bytes it was opened from, and whether they had to
    be repaired.

    pdfium also tries the empty user password that most "protected" PDFs
    (printing or copying restricted) carry. A file whose end is missing gets
    a second try with a trailer added."""
    try:
        return pdfium.PdfDocument(data), data, False
    except pdfium.PdfiumError as error:
        if error.err_code not in (pdfium_c.FPDF_ERR_FORMAT, pdfium_c.FPDF_ERR_FILE, pdfium_c.FPDF_ERR_UNKNOWN):
            raise InputError(_LOAD_ERRORS.get(error.err_code, _DAMAGED)) from None
    repaired = _with_trailer(data)
    try:
        if repaired is not None:
            return pdfium.PdfDocument(repaired), repaired, True
    except pdfium.PdfiumError:
        pass
    raise InputError(_DAMAGED)


def _with_trailer(data: bytes) -> bytes | None:
    """A truncated download loses the file's end: the cross-reference table
    and the trailer that names the document catalog. Cut after the last
    whole object and add a trailer that points at the catalog: pdfium then
    rebuilds the cross-references by scanning the objects."""
    catalog = _CATALOG.search(data)
    end = data.rfind(b"endobj")
    if catalog is None or end < catalog.end():
        return None
    window = data[max(0, catalog.start() - 4096) : catalog.start()]
    headers = list(_OBJECT_HEADER.finditer(window))
    if not headers:
        return None
    number, generation = headers[-1].groups()
    return data[: end + len(b"endobj")] + b"\ntrailer\n<< /Root %s %s R >>\n%%%%EOF\n" % (number, generation)


def _read_pages(pdf: pdfium.PdfDocument, path: str, oversized: dict[int, int]) -> tuple[list[PageText], list[Notice]]:
    pages, notices = [], []
    for index in range(len(pdf)):
        if index in oversized:
            message = (
                f"page {index + 1} was not read: its content inflates to over {PAGE_CONTENT_BYTES:,} bytes "
                f"(at least {oversized[index]:,})"
            )
            notices.append(Notice("PL910", message, Location(path, page=index + 1)))
            continue
        page = _read_page(pdf, index)
        if page is None:
            message = f"page {index + 1} is damaged and was skipped"
            notices.append(Notice("PL905", message, Location(path, page=index + 1)))
        else:
            pages.append(page)
    return pages, notices


def _read_page(pdf: pdfium.PdfDocument, index: int) -> PageText | None:
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        return None
    try:
        return read_page(page, index + 1)
    finally:
        page.close()


def _metadata(pdf: pdfium.PdfDocument) -> dict:
    info = pdf.get_metadata_dict(skip_empty=True)
    metadata = {"pages": len(pdf), "tagged": pdf.is_tagged()}
    for key in ("Title", "Author", "Producer"):
        if key in info:
            metadata[key.lower()] = info[key]
    return metadata


def _damage_notices(source: Source, repaired: bool) -> list[Notice]:
    """Say why pages or text may be missing: the file had to be repaired, or
    it lacks its end marker (pdfium reads what is left of a truncated file
    silently)."""
    if b"%%EOF" not in source.data[-2048:]:
        message = "the file looks truncated (no %%EOF marker at its end); plainlint checked what it could read"
    elif repaired:
        message = "the file is damaged (its cross-reference data is broken); plainlint checked what it could read"
    else:
        return []
    return [Notice("PL905", message, Location(source.path))]


def _text_blocks(pages: list[PageText], path: str) -> list[Block]:
    mark_running_lines(pages)
    scale = HeadingScale.from_pages(pages)
    blocks = []
    for page in pages:
        blocks.extend(page_blocks(page, order_page(page), scale, path))
    return join_continuations(blocks)


def _scan_notices(pages: list[PageText], path: str) -> list[Notice]:
    """PL903 for each page that shows images but has no text layer: a
    scanned page, whose words plainlint cannot read (OCR is out of scope)."""
    message = "page {} has no text layer (a scanned image?); its text was not checked"
    return [
        Notice("PL903", message.format(page.number), Location(path, page=page.number))
        for page in pages
        if page.textless and page.images
    ]


@contextmanager
def _quiet_libraries() -> Iterator[None]:
    """pypdf logs and warns about every quirk it repairs; plainlint reports
    what matters as notices, so the rest would only be noise on stderr."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
