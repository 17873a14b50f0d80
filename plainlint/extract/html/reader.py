"""HTML through lxml: the text a reader sees, as blocks that know the exact
line and column of every character, and the page's form controls as fields.

Never linted: script, style, template, noscript, hidden content, code
(a placeholder keeps its place in the sentence), preformatted text (as with
Markdown code blocks), attribute values such as href. Label, legend, hint and
button text become FORM_LABEL / HELP_TEXT blocks naming their field.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from plainlint.document import (
    PLACEHOLDER,
    Block,
    BlockKind,
    Document,
    Location,
    Notice,
    Segment,
)
from plainlint.extract import Source
from plainlint.extract.html.forms import FormRole, Forms, analyse_forms, is_hidden
from plainlint.extract.html.source import (
    BOMS,
    WHITESPACE,
    Aligner,
    Piece,
    SourceIndex,
    decode_html,
)
from plainlint.extract.markdown import parse_directives
from plainlint.extract.sourcemap import URL_RE, SourceText
from plainlint.limits import HTML_DEPTH

_SIGNATURES = ("<!doctype html", "<html", "<head", "<body")
_SIGNATURE_ENDS = ("", ">", "/", *WHITESPACE)
DEPTH_LIMIT = HTML_DEPTH
#: libxml2 reports no element line past this one (it stores 16 bits).
_LINE_CAP = 65535

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
#: Elements whose paragraphs take the element's kind, as in Markdown.
_CONTAINERS = {"li": BlockKind.LIST_ITEM, "td": BlockKind.TABLE_CELL, "th": BlockKind.TABLE_CELL,
               "blockquote": BlockKind.QUOTE}
#: Elements that start a new line of text: their content is a block of its
#: own, and text around them in their parent forms separate blocks.
_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main "
    "menu nav ol p search section summary table tbody td tfoot th thead title tr ul".split()
)
#: Elements whose content nobody reads as prose on the page.
_SKIPPED = frozenset(
    "script style template noscript select datalist textarea pre svg math iframe object "
    "embed canvas video audio noembed noframes".split()
)
_CODE = frozenset({"code", "kbd", "samp"})
_SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})
#: The parser opens these wherever content first needs them, so text that
#: precedes their tags in the source may follow them in the tree: their tags
#: anchor nothing.
_IMPLIED = frozenset({"html", "head", "body"})
_SPACE = re.compile(r"[ \t\n\f\r\xa0]+")
#: Words joined by single spaces: a stretch that maps onto the source one
#: character for one (other white space collapses to one space, unmapped).
_STRETCH = re.compile(r"[^ \t\n\f\r\xa0]+(?: [^ \t\n\f\r\xa0]+)*")
_MAYBE_URL = re.compile(r"://|www\.")
_CONTENT = re.compile(rf"[^\s{PLACEHOLDER}]")
#: A line and column (None when only the line is known).
_Point = tuple[int | None, int | None]


def sniff(head: bytes) -> bool:
    """True only when the data starts (after a byte-order mark, white space
    and comments) like an HTML page; a Markdown file that opens with a
    comment is not HTML."""
    text = _sniff_text(head).lstrip().lower()
    while text.startswith("<!--"):
        end = text.find("-->")
        if end < 0:
            return False
        text = text[end + 3 :].lstrip()
    return any(
        text.startswith(signature) and text[len(signature) : len(signature) + 1] in _SIGNATURE_ENDS
        for signature in _SIGNATURES
    )


def _sniff_text(head: bytes) -> str:
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="ignore")
    return head.decode("latin-1")


def extract(source: Source) -> Document:
    decoded = decode_html(source.data)
    doc = parse_html(decoded.text, source.path)
    doc.metadata["encoding"] = decoded.encoding
    if decoded.problem:
        location = Location(source.path, line=decoded.problem_line)
        doc.notices.append(Notice("PL909", decoded.problem, location))
    return doc


def parse_html(text: str, path: str) -> Document:
    """The Document for decoded HTML `text` (line breaks normalised)."""
    doc = Document(path, "html")
    index, lines = SourceIndex(text), SourceText(text)
    for start, end in index.comments:
        doc.directives.extend(parse_directives(text[start:end], lines.line_col(start)[0]))
    root, cut_line = _parse(text)
    if cut_line is not None:
        message = (
            f"HTML nests more than {DEPTH_LIMIT} elements deep; text after this point was not checked"
        )
        doc.notices.append(Notice("PL908", message, Location(path, line=cut_line)))
    if root is None:
        return doc
    forms = analyse_forms(root, path)
    if forms.unread:
        message = f"only the first {len(forms.fields):,} form fields were read; the other {forms.unread:,} were not checked"
        doc.notices.append(Notice("PL910", message, Location(path)))
    walk = _Walk(index, lines, path, forms)
    walk.run(root)
    doc.blocks = walk.blocks
    doc.fields = forms.fields
    for form_field, element in zip(forms.fields, forms.elements, strict=True):
        span = walk.tag_positions.get(element)
        if span is not None:
            form_field.location = _tag_location(lines, path, span, form_field.name)
    _set_metadata(doc, root)
    return doc


def _parse(text: str) -> tuple[etree._Element | None, int | None]:
    """The lxml tree (None for a page of comments only) and, when the parser
    stopped at its nesting limit, the line where it did (its columns count
    bytes, so they are not kept). No network, no external entities: HTML
    parsing expands none."""
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, no_network=True)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        root = None
    cut = next((e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    return root, None if cut is None else cut.line


def _landmark(element: etree._Element, sectioned: bool) -> str | None:
    """The landmark an element opens: a nav, or the page's own footer."""
    role = (element.get("role") or "").strip().lower()
    if element.tag == "nav" or role == "navigation":
        return "navigation"
    if role == "contentinfo" or (element.tag == "footer" and not sectioned):
        return "contentinfo"
    return None


def _tag_location(lines: SourceText, path: str, span: tuple[int, int], name: str) -> Location:
    line, column = lines.line_col(span[0])
    end_line, end_column = lines.line_col(span[1] - 1)
    return Location(path, line, column, end_line, end_column + 1, field=name)


def _set_metadata(doc: Document, root: etree._Element) -> None:
    title = next((b.text for b in doc.blocks if b.kind is BlockKind.TITLE), None)
    if title:
        doc.metadata["title"] = title
    lang = (root.get("lang") or root.get("xml:lang") or "").strip()
    if lang:
        doc.metadata["lang"] = lang


@dataclass
class _Code:
    """A code element: its content becomes one placeholder."""

    placed: bool = False


@dataclass(slots=True)
class _Frame:
    """What an open element passes on to its content."""

    skip: bool = False
    code: _Code | None = None
    role: FormRole | None = None
    container: tuple[BlockKind, dict] | None = None
    opened: bool = False
    #: Inside a link: its text counts towards the block's `link_chars`.
    link: bool = False
    #: "navigation" or "contentinfo" (a page footer): the landmark the
    #: element is in, which marks menus and site furniture.
    landmark: str | None = None
    #: Inside article, aside, main, nav or section, where a footer belongs to
    #: that part, not to the page.
    sectioned: bool = False


class _Walk:
    """One pass over the tree in document order (iteratively, so nesting depth
    costs no stack): each text node is found in the source, whether shown or
    not, and shown text goes into the innermost open block."""

    #: How many source tags past the last matched one an element's own tag
    #: is looked for (the parser drops stray tags, e.g. a second <body>).
    LOOKAHEAD = 32

    def __init__(self, index: SourceIndex, lines: SourceText, path: str, forms: Forms):
        self.index, self.lines, self.path, self.forms = index, lines, path, forms
        self.aligner = Aligner(index)
        self.blocks: list[Block] = []
        self.open: list[_BlockText] = []
        self.frames: list[_Frame] = [_Frame()]
        self.tag_cursor = 0
        self.wanted = set(forms.elements)
        self.tag_positions: dict[etree._Element, tuple[int, int]] = {}
        #: Open tables, innermost last: [table number, row, cell], as DOCX
        #: numbers them, so that a "Don't say" column can be told apart.
        self.tables: list[list[int]] = []
        self.table_count = 0

    def run(self, root: etree._Element) -> None:
        for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
            if event == "start":
                self._start(element)
            elif event == "end":
                self._end(element)
            else:
                self._text(element.tail, self.frames[-1], element)

    def _start(self, element: etree._Element) -> None:
        span = None if element.tag in _IMPLIED else self._locate(element)
        if span is not None:
            self.aligner.skip_to(span[1])
            if element in self.wanted:
                self.tag_positions[element] = span
        frame = self._frame(element)
        self.frames.append(frame)
        if not frame.skip:
            self._open(element, frame, span)
        self._text(element.text, frame, element)

    def _end(self, element: etree._Element) -> None:
        if element.tag == "table" and self.tables:
            self.tables.pop()
        frame = self.frames.pop()
        if frame.opened:
            self._flush(self.open.pop())
        self._text(element.tail, self.frames[-1], element)

    def _frame(self, element: etree._Element) -> _Frame:
        parent, tag = self.frames[-1], element.tag
        container = parent.container
        if tag in _CONTAINERS:
            container = (_CONTAINERS[tag], self._cell_attrs(tag) if tag in ("td", "th") else {})
        elif tag in ("table", "tr"):
            self._count_table(tag)
        return _Frame(
            skip=parent.skip or tag in _SKIPPED or is_hidden(element),
            code=parent.code or (_Code() if tag in _CODE else None),
            role=self.forms.roles.get(element) or parent.role,
            container=container,
            link=parent.link or tag == "a",
            landmark=parent.landmark or _landmark(element, parent.sectioned),
            sectioned=parent.sectioned or tag in _SECTIONING,
        )

    def _count_table(self, tag: str) -> None:
        if tag == "table":
            self.table_count += 1
            self.tables.append([self.table_count, 0, 0])
        elif self.tables:
            self.tables[-1][1:] = [self.tables[-1][1] + 1, 0]

    def _cell_attrs(self, tag: str) -> dict[str, Any]:
        attrs: dict[str, Any] = {"header": tag == "th"}
        if self.tables:
            table = self.tables[-1]
            table[2] += 1
            attrs.update(table=table[0], row=table[1], cell=table[2])
        return attrs

    def _open(self, element: etree._Element, frame: _Frame, span: tuple[int, int] | None) -> None:
        tag, own_role = element.tag, self.forms.roles.get(element)
        top = self.open[-1] if self.open else None
        if tag == "br" and top is not None:
            top.space()
        elif tag == "img" and top is not None and (element.get("alt") or "").strip():
            top.placeholder(*self._point(None if span is None else span[0], element))
        elif own_role is not None and top is not None and top.kind is BlockKind.HEADING:
            top.annotate(own_role)  # a label inside a heading: one block, both parts
        elif tag in _BLOCKS or own_role is not None:
            if top is not None:
                self._flush(top)
            self.open.append(_BlockText(*self._kind(tag, frame)))
            frame.opened = True

    def _kind(self, tag: str, frame: _Frame) -> tuple[BlockKind, dict[str, Any], str | None]:
        role = frame.role
        role_attrs = {"form_role": role.role} if role else {}
        landmark = {"landmark": frame.landmark} if frame.landmark else {}
        field_name = role.field_name if role else None
        if tag in _HEADINGS:
            return BlockKind.HEADING, {"level": _HEADINGS[tag], **role_attrs, **landmark}, field_name
        if tag == "title":
            return BlockKind.TITLE, {}, None
        if role is not None:
            return role.kind, {**role_attrs, **landmark}, field_name
        if frame.container is not None:
            return frame.container[0], {**frame.container[1], **landmark}, None
        return BlockKind.PARAGRAPH, landmark, None

    def _text(self, text: str | None, frame: _Frame, owner: etree._Element) -> None:
        if not text:
            return
        pieces = self.aligner.align(text)
        if frame.skip or not self.open:
            return
        builder = self.open[-1]
        if frame.code is None:
            builder.add(text, _NodeMap(pieces, self.lines, owner.sourceline))
            if frame.link:
                builder.link_chars += sum(1 for char in text if not char.isspace())
        elif not frame.code.placed and text.strip(WHITESPACE):
            frame.code.placed = True
            builder.placeholder(*self._point(pieces[0][1] if pieces else None, owner))

    def _flush(self, builder: _BlockText) -> None:
        block = builder.take(self.path)
        if block is not None:
            self.blocks.append(block)

    def _point(self, source_offset: int | None, element: etree._Element) -> _Point:
        """Line and column of a source offset; the element's line if unknown."""
        if source_offset is None:
            return element.sourceline, None
        return self.lines.line_col(source_offset)

    def _locate(self, element: etree._Element) -> tuple[int, int] | None:
        """The element's start tag in the source: the next tag of its name
        whose lines hold the element's line. Tags that end before that line
        belong to nothing the parser kept and are passed over."""
        tags, line = self.index.tags, element.sourceline
        if line is not None and line < _LINE_CAP:
            while self.tag_cursor < len(tags) and self._line_of(tags[self.tag_cursor][2] - 1) < line:
                self.tag_cursor += 1
        for position in range(self.tag_cursor, min(self.tag_cursor + self.LOOKAHEAD, len(tags))):
            name, start, end = tags[position]
            if name == element.tag and self._holds_line(start, end, line):
                self.tag_cursor = position + 1
                return start, end
        return None

    def _holds_line(self, start: int, end: int, line: int | None) -> bool:
        if line is None:
            return True
        if line >= _LINE_CAP:
            return self._line_of(end - 1) >= _LINE_CAP
        return self._line_of(start) <= line <= self._line_of(end - 1)

    def _line_of(self, offset: int) -> int:
        return self.lines.line_col(offset)[0]


class _NodeMap:
    """Where each character of one text node sits in the source, from the
    aligner's pieces; unplaced characters get the element's line only."""

    def __init__(self, pieces: list[Piece], lines: SourceText, fallback_line: int | None):
        self.pieces, self.lines, self.fallback_line = pieces, lines, fallback_line
        self.starts = [offset for offset, _ in pieces]

    def position(self, offset: int) -> _Point:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0 or self.pieces[index][1] is None:
            return self.fallback_line, None
        return self.lines.line_col(self.pieces[index][1] + offset - self.pieces[index][0])

    def run_end(self, offset: int, limit: int) -> int:
        """Where the source run holding `offset` stops (at most `limit`)."""
        index = bisect.bisect_right(self.starts, offset)
        return min(limit, self.starts[index]) if index < len(self.starts) else limit


@dataclass(slots=True)
class _BlockText:
    """One block's text as a browser renders it (white space collapsed, URLs
    and code as placeholders), with a segment per contiguous source run."""

    kind: BlockKind
    attrs: dict[str, Any]
    field_name: str | None
    parts: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    length: int = 0
    pending_space: bool = False
    link_chars: int = 0

    def add(self, text: str, where: _NodeMap) -> None:
        """Append a text node."""
        previous_end = 0
        for stretch in _STRETCH.finditer(text):
            if stretch.start() > previous_end:
                self.space()
            self._add_stretch(text, stretch.start(), stretch.end(), where)
            previous_end = stretch.end()
        if _SPACE.match(text, previous_end):
            self.space()

    def _add_stretch(self, text: str, start: int, end: int, where: _NodeMap) -> None:
        urls = URL_RE.finditer(text, start, end) if _MAYBE_URL.search(text, start, end) else ()
        for url in urls:
            self._add_mapped(text, start, url.start(), where)
            self.placeholder(*where.position(url.start()))
            start = url.end()
        self._add_mapped(text, start, end, where)

    def _add_mapped(self, text: str, start: int, end: int, where: _NodeMap) -> None:
        """Append text[start:end], split where the source runs break."""
        while start < end:
            stop = where.run_end(start, end)
            self._append(text[start:stop], *where.position(start))
            start = stop

    def space(self) -> None:
        self.pending_space = self.length > 0

    def placeholder(self, line: int | None, column: int | None) -> None:
        self._append(PLACEHOLDER, line, column)

    def annotate(self, role: FormRole) -> None:
        self.field_name = self.field_name or role.field_name
        self.attrs.setdefault("form_role", role.role)

    def _append(self, text: str, line: int | None, column: int | None) -> None:
        if not text:
            return
        if self.pending_space:
            self.parts.append(" ")
            self.length += 1
            self.pending_space = False
        last = self.segments[-1] if self.segments else None
        continues = (
            last is not None and column is not None and last.column is not None
            and last.line == line and last.column + (self.length - last.start) == column
        )
        if not continues:
            self.segments.append(Segment(self.length, line, column))
        self.parts.append(text)
        self.length += len(text)

    def take(self, path: str) -> Block | None:
        """The block so far (None when it holds no words) and a fresh start
        for the text that follows a nested block."""
        text, segments, link_chars = "".join(self.parts), self.segments, self.link_chars
        self.parts, self.segments, self.length, self.pending_space, self.link_chars = [], [], 0, False, 0
        if not _CONTENT.search(text):
            return None
        attrs = dict(self.attrs, link_chars=link_chars) if link_chars else dict(self.attrs)
        return Block(self.kind, text, path, segments, attrs, self.field_name)
