"""`plainlint annotate FILE.pdf --output OUT`: a copy of a PDF with each
finding as a highlight on its words, with the note (rule, message,
suggestions) in a pop-up, by "plainlint", as Acrobat and every PDF viewer
show reviewers' notes. Findings on a form field get theirs on the field's
widget; findings with no place in the text go into one note at the top of
the first page.

The notes are added as an incremental update: the copy is the original's
bytes unchanged, followed by the new annotations and a new cross-reference
section. So the form fields, the tags and the content stay exactly as they
were, and a signature still covers the bytes it signed.

A PDF finding's line is the line's number on its page in reading order and
its column the character in that line, as the extractor read them; the page
is read again the same way (`read_page`, `order_page`) to find each
character's box, and the boxes are turned back from what the reader sees to
the page's own coordinates, in which annotations are placed.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from plainlint.document import Finding, Level
from plainlint.errors import InputError, brief
from plainlint.extract.pdf.forms import widget_field_name
from plainlint.extract.pdf.layout import order_page
from plainlint.extract.pdf.text import Line, read_page, user_point
from plainlint.report.notes import AUTHOR, Annotated, apart_note, note_text

#: Highlight colours by level, as in the HTML report.
COLOURS = {Level.ERROR: "f28b82", Level.WARNING: "fdd663", Level.SUGGESTION: "aecbfa"}
#: A finding said to run over more lines than this is marked on its first.
_MAX_LINES = 12
_POPUP_WIDTH, _POPUP_HEIGHT = 240.0, 120.0

Quad = tuple[float, float, float, float, float, float, float, float]


def annotate_pdf(data: bytes, findings: Iterable[Finding]) -> Annotated:
    """The PDF `data` with a highlight and pop-up note for each finding.
    Anything pdfium or pypdf raises on a file the extractor could read
    becomes one InputError."""
    try:
        return _annotate(data, list(findings))
    except InputError:
        raise
    except Exception as error:  # a third-party library's error on a hostile file
        raise InputError(f"cannot add notes to this file: {brief(error)}") from error


def _annotate(data: bytes, findings: list[Finding]) -> Annotated:
    import pypdfium2 as pdfium
    from pypdf import PdfReader, PdfWriter

    if PdfReader(io.BytesIO(data)).is_encrypted:
        raise InputError("the file is encrypted; plainlint does not write into encrypted PDFs")
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    pdf = pdfium.PdfDocument(data)
    try:
        pages = _PageLines(pdf)
        widgets = _widgets(writer)
        apart: list[Finding] = []
        placed = 0
        for finding in findings:
            spot = _spot(finding, pages, widgets)
            if spot is None:
                apart.append(finding)
                continue
            _add_note(writer, *spot, finding)
            placed += 1
    finally:
        pdf.close()
    if apart and writer.pages:
        _add_apart_note(writer, apart)
    out = io.BytesIO()
    writer.write(out)
    return Annotated(out.getvalue(), placed, len(apart))


class _PageLines:
    """Each page's numbered lines, read when a finding first needs them."""

    def __init__(self, pdf) -> None:
        self.pdf = pdf
        self.read: dict[int, tuple[dict[int, Line], object]] = {}

    def __call__(self, number: int) -> tuple[dict[int, Line], object] | None:
        if not 0 < number <= len(self.pdf):
            return None
        if number not in self.read:
            page = self.pdf[number - 1]
            text = read_page(page, number)
            order_page(text)
            lines = {line.number: line for line in text.lines}
            self.read[number] = lines, user_point(page.get_rotation(), page.get_mediabox())
        return self.read[number]


def _spot(finding: Finding, pages: _PageLines, widgets: dict[str, tuple[int, list[float]]]):
    """(page index, quads in user space) where the finding's note goes, or None."""
    location = finding.location
    if location.line is None:
        if location.field and location.field in widgets:
            index, (x0, y0, x1, y1) = widgets[location.field]
            return index, [(x0, y1, x1, y1, x0, y0, x1, y0)]
        return None
    read = pages(location.page or 1)
    if read is None or location.line not in read[0]:
        return None
    lines, to_user = read
    quads = [quad for line, start, end in _pieces(finding, lines) if (quad := _quad(line, start, end, to_user))]
    return ((location.page or 1) - 1, quads) if quads else None


def _pieces(finding: Finding, lines: dict[int, Line]) -> list[tuple[Line, int, int]]:
    """(line, start, end) for each line the finding's text covers."""
    location = finding.location
    first = lines[location.line]
    start = (location.column or 1) - 1
    last_number = location.end_line or location.line
    if not 0 <= last_number - location.line <= _MAX_LINES or last_number not in lines:
        last_number = location.line  # ends on another page, or too far to trust
    end = (location.end_column or len(first.text) + 1) - 1 if last_number == location.line else None
    if last_number == location.line:
        matched = finding.matched
        if matched and first.text[start:end] != matched and matched in first.text:
            start = first.text.index(matched)
            end = start + len(matched)
        return [(first, start, max(end, start + 1))]
    pieces = [(first, start, len(first.text))]
    pieces += [(lines[n], 0, len(lines[n].text)) for n in range(location.line + 1, last_number) if n in lines]
    pieces.append((lines[last_number], 0, (location.end_column or 1) - 1))
    return pieces


def _quad(line: Line, start: int, end: int, to_user) -> Quad | None:
    """The quadrilateral (top left, top right, bottom left, bottom right, in
    user space) over characters `start` to `end` of the line."""
    x0, x1 = _x(line, start, leading=True), _x(line, end, leading=False)
    if x0 is None or x1 is None or x1 <= x0:
        return None
    corners = (to_user(x0, line.y1), to_user(x1, line.y1), to_user(x0, line.y0), to_user(x1, line.y0))
    return tuple(value for corner in corners for value in corner)


def _x(line: Line, offset: int, leading: bool) -> float | None:
    """Where character `offset` of the line starts (`leading`) or where the
    character before it ends, measured within its word's box."""
    position = 0
    for word in line.words:
        word_end = position + len(word.text)
        if leading and offset < word_end or not leading and offset <= word_end:
            inside = min(max(offset - position, 0), len(word.text))
            return word.x0 + (word.x1 - word.x0) * inside / max(len(word.text), 1)
        position = word_end + 1
    return line.x1 if not leading and line.words else None


def _widgets(writer) -> dict[str, tuple[int, list[float]]]:
    """Each field's first widget: field name -> (page index, its /Rect)."""
    found: dict[str, tuple[int, list[float]]] = {}
    for index, page in enumerate(writer.pages):
        for ref in page.get("/Annots") or ():
            widget = ref.get_object()
            if widget.get("/Subtype") != "/Widget" or "/Rect" not in widget:
                continue
            name = widget_field_name(widget)
            x0, y0, x1, y1 = (float(value) for value in widget["/Rect"])
            found.setdefault(name, (index, [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)]))
    return found


def _add_note(writer, index: int, quads: list[Quad], finding: Finding) -> None:
    from pypdf.annotations import Highlight, Popup
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    xs = [value for quad in quads for value in quad[0::2]]
    ys = [value for quad in quads for value in quad[1::2]]
    rect = (min(xs), min(ys), max(xs), max(ys))
    highlight = Highlight(
        rect=rect,
        quad_points=ArrayObject(FloatObject(round(value, 2)) for quad in quads for value in quad),
        highlight_color=COLOURS[finding.level],
        title_bar=AUTHOR,
    )
    highlight[NameObject("/Contents")] = TextStringObject(note_text(finding))
    highlight[NameObject("/Subj")] = TextStringObject(finding.code)
    added = writer.add_annotation(index, highlight)
    popup = writer.add_annotation(index, Popup(rect=_popup_rect(writer.pages[index], rect), parent=added))
    added[NameObject("/Popup")] = popup.indirect_reference


def _add_apart_note(writer, findings: list[Finding]) -> None:
    from pypdf.annotations import Text

    box = writer.pages[0].mediabox
    left, top = float(box.left), float(box.top)
    note = Text(rect=(left + 4, top - 24, left + 24, top - 4), text=apart_note(findings), title_bar=AUTHOR)
    writer.add_annotation(0, note)


def _popup_rect(page, rect: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """Where a viewer opens the note: beside the highlight, inside the page."""
    box = page.mediabox
    right, top = float(box.right), float(box.top)
    x0 = min(rect[2] + 8, right - _POPUP_WIDTH)
    y1 = min(rect[3], top)
    return x0, y1 - _POPUP_HEIGHT, x0 + _POPUP_WIDTH, y1
