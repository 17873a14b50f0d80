"""Read the characters of one PDF page with pdfium and group them into words
and lines, each with its box, font size and weight.

pdfium, not pdfplumber, reads the characters: it parses a page's text some
twenty times faster than pdfminer (on which pdfplumber sits), and asking it
for one character's box costs about a microsecond, so the layout analysis can
stay in plain Python and still beat pdfplumber's `extract_text()` several
times over. Everything here works in *display* coordinates: PDF points with the
origin at the bottom left of the page as a reader sees it (after /Rotate).
"""

from __future__ import annotations

import bisect
import ctypes
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

#: Code points that separate words: pdfium's generated spaces and line breaks,
#: real spaces, tabs, no-break and other typographic spaces, and NUL.
_SEPARATORS = frozenset({0x00, 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000, *range(0x2000, 0x200C)})
_LINE_BREAKS = frozenset({0x0A, 0x0D})
#: pdfium reports a hyphen that ends a line as 0x02 or 0xFFFE; U+00AD is a
#: soft hyphen. All are a visible hyphen to the reader.
_HYPHENS = {0x02: "-", 0xFFFE: "-", 0xAD: "-"}
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb06": "st"}
#: A list marker standing alone as the first word of a line: a bullet (any
#: lone symbol, since symbol fonts map bullets to odd characters), a dash, or
#: a number or letter with a period or parenthesis.
LIST_MARKER = re.compile(r"^(?:[^\w\s]|\(?(?:\d{1,2}|[a-nA-N]|[ivxIVX]{1,4})[.)])$")
_BOLD_NAME = re.compile(rb"bold|black|heavy|semibold|demi", re.IGNORECASE)
_FORCE_BOLD = 1 << 18
_FIXED_PITCH = 1 << 0
_MONO_NAME = re.compile(rb"courier|mono|consol|menlo|monaco|inconsolata", re.IGNORECASE)
#: Characters further apart than this (in font sizes) are separate words even
#: when pdfium put no space between them.
_CHAR_GAP = 0.3
#: A space between characters closer than this (in font sizes) is bogus: some
#: fonts map a ligature to "fi " and so split "five" into "fi ve".
_SPACE_GAP = 0.08
#: Text turned further than this (radians) from the reading direction is a
#: margin note or a printer's slug ("VerDate ... Jkt 250001"), not prose.
_MAX_TILT = 0.1

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class TextRun:
    """Text set in one place on the page: a word, or a line of them."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    #: The font size (for a line, the size most of its characters have).
    size: float
    bold: bool
    #: Set in a fixed-pitch font (code, in most documents).
    mono: bool


@dataclass(slots=True)
class Word(TextRun):
    #: Position in the page's content stream, counted in words.
    order: int


@dataclass(slots=True)
class Line(TextRun):
    """A run of words on one baseline with no wide gap inside: one line of a
    column, a heading, a table cell, a form label."""

    #: Where the second word starts: a list item's text after its marker.
    second_x0: float
    #: 1-based number of this line on its page, in reading order.
    number: int = 0
    #: Set when the line repeats on most pages (running header or footer).
    running: bool = False
    #: Its words, left to right: `text` is them joined by single spaces, so a
    #: column in the line can be found on the page again (annotated copies).
    words: tuple[Word, ...] = ()

    @classmethod
    def from_words(cls, words: list[Word]) -> Line:
        weights: dict[float, int] = {}
        for word in words:
            size = round(word.size * 2) / 2
            weights[size] = weights.get(size, 0) + len(word.text)
        return cls(
            text=" ".join(w.text for w in words),
            x0=min(w.x0 for w in words),
            y0=min(w.y0 for w in words),
            x1=max(w.x1 for w in words),
            y1=max(w.y1 for w in words),
            size=max(weights, key=weights.__getitem__),
            bold=all(w.bold for w in words),
            mono=all(w.mono for w in words),
            second_x0=words[1].x0 if len(words) > 1 else words[0].x0,
            words=tuple(words),
        )

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass
class PageText:
    """What one page holds: its text lines (in no order yet), its size, and
    what tells a scan or a form page apart."""

    number: int
    height: float
    #: Maps a box in PDF user space (a widget's /Rect) to display space.
    transform: Callable[[float, float, float, float], Box]
    lines: list[Line]
    #: True when the page has no characters at all.
    textless: bool
    #: Number of image objects on the page (counted only when it has no
    #: text, to tell a scan from a blank page).
    images: int = 0
    #: Number of form widgets (fillable fields) on the page.
    widgets: int = 0


def read_page(page, number: int) -> PageText:
    """Words and lines of one pdfium page, in no particular order yet."""
    rotation = page.get_rotation()
    mediabox = page.get_mediabox()
    transform = display_transform(rotation, mediabox)
    height = transform(*mediabox)[3]
    textpage = page.get_textpage()
    try:
        textless = pdfium_c.FPDFText_CountChars(textpage.raw) <= 0
        words = _words(textpage, transform, rotation)
    finally:
        textpage.close()
    images = count_images(page) if textless else 0
    return PageText(number, height, transform, group_lines(words), textless, images, count_widgets(page))


def display_transform(rotation: int, mediabox: Box) -> Callable[[float, float, float, float], Box]:
    """A function mapping a box in PDF user space to display space, so that
    the layout of a page with /Rotate is analysed as the reader sees it."""
    left, bottom, right, top = mediabox
    width, height = right - left, top - bottom

    def upright(x0, y0, x1, y1):
        return x0 - left, y0 - bottom, x1 - left, y1 - bottom

    def turn(x0, y0, x1, y1):
        x0, y0, x1, y1 = upright(x0, y0, x1, y1)
        if rotation == 90:
            return y0, width - x1, y1, width - x0
        if rotation == 180:
            return width - x1, height - y1, width - x0, height - y0
        return height - y1, x0, height - y0, x1

    return upright if rotation % 360 == 0 else turn


def user_point(rotation: int, mediabox: Box) -> Callable[[float, float], tuple[float, float]]:
    """The inverse of `display_transform` for one point: where a point the
    reader sees lies in PDF user space, in which annotations are placed."""
    left, bottom, right, top = mediabox
    width, height = right - left, top - bottom
    turns = {
        0: lambda x, y: (x, y),
        90: lambda x, y: (width - y, x),
        180: lambda x, y: (width - x, height - y),
        270: lambda x, y: (y, height - x),
    }
    turn = turns.get(rotation % 360, turns[0])

    def point(x: float, y: float) -> tuple[float, float]:
        ux, uy = turn(x, y)
        return ux + left, uy + bottom

    return point


def count_images(page) -> int:
    """Image objects directly on the page: a page of them and no text is a scan."""
    return sum(1 for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2))


def count_widgets(page) -> int:
    """Form widgets on the page: a form's fields can exist without the
    AcroForm that should list them."""
    count = 0
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annot = pdfium_c.FPDFPage_GetAnnot(page, index)
        if annot:
            count += pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return count


class _WordBuilder:
    """Collects characters into a word until a line break, a space that
    leaves a real gap, or a jump in position ends it. This loop runs once per
    character (over 100,000 times for a long report), so it keeps its state
    in plain attributes and calls pdfium with the raw handle."""

    def __init__(self, textpage, rotation: int, transform):
        self.textpage = textpage
        #: Text that reads upright on a page turned by /Rotate (clockwise) is
        #: turned as far the other way in the page's own coordinates.
        self.upright = math.radians(rotation)
        self.transform = transform
        self.words: list[Word] = []
        self.chars: list[str] = []
        self.x0 = self.y0 = self.x1 = self.y1 = self.last_x1 = 0.0
        self.size = 1.0
        self.bold = self.mono = False
        self.keep = True
        self.space_pending = False
        self._matrix = pdfium_c.FS_MATRIX()
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()
        self._font_names: dict[bytes, tuple[bool, bool]] = {}

    def flush(self) -> None:
        if self.chars and self.keep:
            x0, y0, x1, y1 = self.transform(self.x0, self.y0, self.x1, self.y1)
            self.words.append(Word("".join(self.chars), x0, y0, x1, y1, self.size, self.bold, self.mono, len(self.words)))
        self.chars = []
        self.space_pending = False

    def add(self, index: int, char: str, x0: float, y0: float, x1: float, y1: float) -> None:
        if self.chars:
            gap = x0 - self.last_x1
            size = self.size
            if (
                (self.space_pending and gap > _SPACE_GAP * size)
                or gap > _CHAR_GAP * size
                or x0 < self.x0 - _CHAR_GAP * size
                or y0 >= self.y1
                or y1 <= self.y0
            ):
                self.flush()
        self.space_pending = False
        if self.chars:
            if x0 < self.x0:
                self.x0 = x0
            if y0 < self.y0:
                self.y0 = y0
            if x1 > self.x1:
                self.x1 = x1
            if y1 > self.y1:
                self.y1 = y1
        else:
            self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1
            self._style(index)
        self.chars.append(char)
        self.last_x1 = x1

    def _style(self, index: int) -> None:
        """Font size, weight and direction of the word starting at `index`;
        one query per word, since a word rarely changes font midway."""
        textpage, matrix = self.textpage, self._matrix
        font_size = pdfium_c.FPDFText_GetFontSize(textpage, index)
        size = self.y1 - self.y0
        self.keep = True
        if pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
            size = font_size * math.hypot(matrix.c, matrix.d) or size
            tilt = math.atan2(matrix.b, matrix.a) - self.upright
            self.keep = abs(math.remainder(tilt, math.tau)) <= _MAX_TILT
        self.size = size if size > 0 else 1.0
        self.bold, self.mono = self._font(index)

    def _font(self, index: int) -> tuple[bool, bool]:
        """Whether the font is bold and whether it is fixed-pitch, from its
        weight, its descriptor flags and, failing those, its name."""
        textpage = self.textpage
        pdfium_c.FPDFText_GetFontInfo(textpage, index, self._name, len(self._name), self._flags)
        name, flags = self._name.value, self._flags.value
        if name not in self._font_names:
            self._font_names[name] = (bool(_BOLD_NAME.search(name)), bool(_MONO_NAME.search(name)))
        bold_name, mono_name = self._font_names[name]
        bold = bold_name or bool(flags & _FORCE_BOLD) or pdfium_c.FPDFText_GetFontWeight(textpage, index) >= 600
        return bold, mono_name or bool(flags & _FIXED_PITCH)


def _words(textpage, transform, rotation: int) -> list[Word]:
    """Every word on the page, in pdfium's (content stream) order.

    On an unrotated page, display space is user space shifted, so words are
    built in user space and shifted once each; on a rotated page every
    character's box is turned first, so that "left of" means what it shows."""
    handle = textpage.raw
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    rect = pdfium_c.FS_RECTF()
    turned = rotation % 360 != 0
    builder = _WordBuilder(handle, rotation, _unchanged if turned else transform)
    for index in range(pdfium_c.FPDFText_CountChars(handle)):
        code = get_unicode(handle, index)
        if code in _LINE_BREAKS:
            builder.flush()
            continue
        if code in _SEPARATORS:
            builder.space_pending = True
            continue
        if not get_box(handle, index, rect) or rect.right < rect.left:
            continue
        char = _HYPHENS.get(code) or chr(code)
        char = _LIGATURES.get(char, char)
        if turned:
            builder.add(index, char, *transform(rect.left, rect.bottom, rect.right, rect.top))
        else:
            builder.add(index, char, rect.left, rect.bottom, rect.right, rect.top)
    builder.flush()
    return builder.words


def _unchanged(x0: float, y0: float, x1: float, y1: float) -> Box:
    return x0, y0, x1, y1


def group_lines(words: list[Word]) -> list[Line]:
    """Words on a shared baseline, split where a gap is wider than a word
    space can be (a column gutter, a table rule, a form's label-box gap)."""
    rows = _Rows()
    for word in words:
        rows.place(word)
    lines = []
    for row in rows.rows:
        row.sort(key=lambda w: w.x0)
        lines.extend(_split_row(row))
    return lines


class _Rows:
    """Rows of words, built in content-stream order and indexed by height on
    the page. A word written right after its neighbour on the same line joins
    that neighbour's row, which keeps superscripts (footnote marks) with their
    line; other words join the row they overlap most in height."""

    def __init__(self) -> None:
        self.rows: list[list[Word]] = []
        self._centres: list[float] = []  # ascending, parallel to _by_height
        self._by_height: list[list[Word]] = []
        self._previous: Word | None = None
        self._previous_row: list[Word] = []

    def place(self, word: Word) -> None:
        if self._follows(self._previous, word):
            row = self._previous_row
        else:
            row = self._best_row(word)
        if row is None:
            row = []
            self.rows.append(row)
            centre = (word.y0 + word.y1) / 2
            index = bisect.bisect(self._centres, centre)
            self._centres.insert(index, centre)
            self._by_height.insert(index, row)
        row.append(word)
        self._previous, self._previous_row = word, row

    @staticmethod
    def _follows(previous: Word | None, word: Word) -> bool:
        if previous is None:
            return False
        gap = word.x0 - previous.x1
        overlap = min(previous.y1, word.y1) - max(previous.y0, word.y0)
        return -0.5 * word.size < gap < word.size and overlap > 0.3 * min(previous.y1 - previous.y0, word.y1 - word.y0)

    def _best_row(self, word: Word) -> list[Word] | None:
        """The row whose first word's box overlaps this word's the most, by
        at least half the smaller height."""
        height = word.y1 - word.y0
        centre = (word.y0 + word.y1) / 2
        start = bisect.bisect_left(self._centres, centre - 2 * height)
        stop = bisect.bisect_right(self._centres, centre + 2 * height)
        best, best_ratio = None, 0.5
        for row in self._by_height[start:stop]:
            ref = row[0]
            overlap = min(ref.y1, word.y1) - max(ref.y0, word.y0)
            ratio = overlap / max(min(ref.y1 - ref.y0, height), 1e-6)
            if ratio >= best_ratio:
                best, best_ratio = row, ratio
        return best


def _split_row(row: list[Word]) -> list[Line]:
    pieces = [[row[0]]]
    for previous, word in zip(row, row[1:]):
        if _separate(previous, word) and not _hangs(pieces[-1], word):
            pieces.append([word])
        else:
            pieces[-1].append(word)
    return [Line.from_words(piece) for piece in pieces]


def _hangs(piece: list[Word], word: Word) -> bool:
    """A list marker set apart from its text by a tab stays with it."""
    return len(piece) == 1 and LIST_MARKER.match(piece[0].text) is not None and word.x0 - piece[0].x1 < 4 * word.size


def _separate(left: Word, right: Word) -> bool:
    """Whether two neighbours on a baseline belong to different pieces of
    text. A gap wider than a stretched justified space (about 1 em) always
    separates; a narrower one separates when the words were not written one
    after the other, which is how columns with a narrow gutter come apart."""
    em = max(left.size, right.size)
    gap = right.x0 - left.x1
    if gap > 1.2 * em or gap < -0.5 * em:
        return True
    return right.order != left.order + 1 and gap > 0.5 * em
