"""Read one story of a DOCX (the body, a header, a footnote) into blocks and
form fields, in document order.

Word nests freely: paragraphs sit in table cells, content controls wrap
paragraphs, rows, cells or a few words, a text box hangs off a run inside a
paragraph, and a complex field opens in one paragraph and closes in another.
The reader walks the tree once, keeping what is open (fields, content
controls, the table cell) on small stacks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from lxml import etree

from plainlint.document import (
    PLACEHOLDER,
    Block,
    BlockKind,
    Document,
    FormField,
    Location,
    Segment,
)
from plainlint.extract.docx.forms import Control, content_control, legacy_field
from plainlint.extract.docx.ooxml import MC, M, O, W, is_on
from plainlint.extract.docx.runs import ParagraphText
from plainlint.extract.docx.styles import ParagraphFormat, Styles

#: Fields whose result Word generates from other text (a table of contents
#: repeats the headings): linting them would report everything twice.
_GENERATED_FIELDS = {"TOC", "INDEX", "TOA"}
#: Inline wrappers whose content is read as if they were not there.
_INLINE_WRAPPERS = {W.hyperlink, W.smartTag, W.customXml, W.dir, W.bdo}
_INSERTED = {W.ins, W.moveTo}
_DELETED = {getattr(W, "del"), W.moveFrom}  # "del" is a Python keyword
_RUN_TEXT = {W.t: None, W.tab: "\t", W.ptab: "\t", W.br: "\n", W.cr: "\n", W.noBreakHyphen: "-"}
_NOTE_REFERENCES = {W.footnoteReference: "footnote", W.endnoteReference: "endnote"}
_EMBEDDED = {W.drawing, W.pict, W.object, MC.AlternateContent}


@dataclass
class Shared:
    """What all stories of one document add to or look up."""

    document: Document
    styles: Styles
    glossary: dict[str, str]
    #: Called with a paragraph's note references and its section heading.
    on_notes: Callable[[list[tuple[str, str]], str | None], None]
    text_boxes: int = 0
    changes: int = 0
    first_change: Location | None = None
    #: Content plainlint cannot read (ActiveX controls...), counted, with
    #: where each kind first appears.
    unreadable: Counter = field(default_factory=Counter)
    unreadable_at: dict[str, Location] = field(default_factory=dict)


@dataclass
class _Field:
    """A complex field (fldChar begin ... separate ... end) still open."""

    form: FormField | None = None
    code: list[str] = field(default_factory=list)
    in_result: bool = False
    generated: bool = False
    value: list[str] = field(default_factory=list)

    @property
    def hides(self) -> bool:
        """Field codes, generated results and form values are not prose."""
        return not self.in_result or self.generated or self.form is not None


class Story:
    """One story's reader. Paragraph numbers, table numbers and the heading
    in force are per story; text boxes count their paragraphs in with the
    story that anchors them."""

    def __init__(
        self, shared: Shared, story: str, region: str | None = None, section: str | None = None
    ):
        self.shared = shared
        self.story = story
        #: The text of the nearest heading before the current paragraph.
        self.section = section
        #: Called after a body paragraph that ends a document section.
        self.on_section_break: Callable[[], None] | None = None
        self.paragraphs = 0
        self.tables = 0
        self._regions = [region] if region else []
        self._cell: dict | None = None
        self._fields: list[_Field] = []
        self._controls: list[tuple[Control, list[str]]] = []
        self._previous: str | None = None

    def read(self, container: etree._Element) -> None:
        self._container(container)

    # Block level: paragraphs, tables and what wraps them.

    def _container(self, parent: etree._Element) -> None:
        for child in self._unwrapped(parent):
            if child.tag == W.p:
                self._paragraph(child)
            elif child.tag == W.tbl:
                self._table(child)
            elif child.tag == W.altChunk:
                self._unreadable("imported document (altChunk)", self._location(None))

    def _unwrapped(self, parent: Iterable[etree._Element]) -> Iterator[etree._Element]:
        """The children of `parent`, looking through content controls (kept
        open while their content is read) and custom XML."""
        for child in parent:
            if child.tag == W.sdt:
                with self._control(child, None):
                    yield from self._unwrapped(_content(child))
            elif child.tag == W.customXml:
                yield from self._unwrapped(child)
            elif child.tag == MC.AlternateContent:
                yield from self._unwrapped(_chosen(child))
            else:
                yield child

    def _table(self, table: etree._Element) -> None:
        self.tables += 1
        number = self.tables
        rows = (row for row in self._unwrapped(table) if row.tag == W.tr)
        for row_number, row in enumerate(rows, 1):
            header = is_on(row.find(f"{W.trPr}/{W.tblHeader}"))
            cells = (cell for cell in self._unwrapped(row) if cell.tag == W.tc)
            for cell_number, cell in enumerate(cells, 1):
                attrs = {"table": number, "row": row_number, "cell": cell_number, "header": header}
                with self._inside(f"table {number}, row {row_number}, cell {cell_number}", attrs):
                    self._container(cell)

    @contextmanager
    def _inside(self, region: str, cell: dict | None):
        """Read nested content (a cell, a text box) under its own region."""
        outer_cell, self._cell = self._cell, cell
        self._regions.append(region)
        try:
            yield
        finally:
            self._regions.pop()
            self._cell = outer_cell

    def _paragraph(self, p: etree._Element) -> None:
        self.paragraphs += 1
        para = ParagraphText(self.paragraphs)
        self._inline(p, para)
        para.describe_fields(self._previous)
        text, segments = para.finish()
        ppr = p.find(W.pPr)
        if any(char.isalnum() for char in text):
            self._emit(text, segments, self.shared.styles.paragraph(ppr))
            self._previous = " ".join(text.replace(PLACEHOLDER, " ").split())
        for box in para.text_boxes:
            self.shared.text_boxes += 1
            with self._inside(f"text box {self.shared.text_boxes}", None):
                self._container(box)
        if para.notes:
            self.shared.on_notes(para.notes, self.section)
        if self.on_section_break and ppr is not None and ppr.find(W.sectPr) is not None:
            self.on_section_break()

    def _emit(self, text: str, segments: list[Segment], fmt: ParagraphFormat) -> None:
        kind = self._kind(fmt)
        attrs = {**fmt.attrs(), **(self._cell or {}), "story": self.story, "section": self.section}
        block = Block(kind, text, self.shared.document.path, segments, attrs, region=self._region())
        self.shared.document.blocks.append(block)
        if kind is BlockKind.HEADING:
            self.section = text

    def _kind(self, fmt: ParagraphFormat) -> BlockKind:
        if self._cell is not None:
            return BlockKind.TABLE_CELL
        if fmt.heading_level:
            return BlockKind.HEADING
        if fmt.is_title:
            return BlockKind.TITLE
        if fmt.list_level:
            return BlockKind.LIST_ITEM
        return BlockKind.QUOTE if fmt.is_quote else BlockKind.PARAGRAPH

    # Inline level: runs, fields, inline content controls.

    def _inline(self, parent: Iterable[etree._Element], para: ParagraphText) -> None:
        for child in parent:
            tag = child.tag
            if tag == W.r:
                self._run(child, para)
            elif tag in _INLINE_WRAPPERS:
                self._inline(child, para)
            elif tag in _INSERTED or tag in _DELETED:
                self._change(para)
                if tag in _INSERTED:
                    self._inline(child, para)
            elif tag == W.sdt:
                with self._control(child, para):
                    self._inline(_content(child), para)
            elif tag == W.fldSimple:
                self._simple_field(child, para)
            elif tag in (M.oMath, M.oMathPara):
                self._object(para)
            elif tag == MC.AlternateContent:
                self._inline(_chosen(child), para)

    def _run(self, run: etree._Element, para: ParagraphText) -> None:
        hidden = is_on(run.find(f"{W.rPr}/{W.vanish}"))
        for child in run:
            tag = child.tag
            if tag in _RUN_TEXT:
                if not hidden:
                    self._text((child.text or "") if tag == W.t else _RUN_TEXT[tag], para)
            elif tag == W.fldChar:
                self._field_char(child, para)
            elif tag == W.instrText:
                if self._fields and not self._fields[-1].in_result:
                    self._fields[-1].code.append(child.text or "")
            elif tag == W.sym:
                self._object(para)
            elif tag in _NOTE_REFERENCES:
                para.notes.append((_NOTE_REFERENCES[tag], child.get(W.id, "")))
            elif tag in _EMBEDDED:
                self._embedded(child, para)
            elif tag == W.ruby:
                self._inline(child.findall(f"{W.rubyBase}/{W.r}"), para)

    def _text(self, text: str, para: ParagraphText) -> None:
        sink = self._sink()
        if sink is None:
            para.add(text)
        else:
            sink.append(text)
            para.skip(len(text))

    def _object(self, para: ParagraphText) -> None:
        if self._sink() is None:
            para.placeholder()

    def _sink(self) -> list[str] | None:
        """Where hidden text goes (a form value, a field code), or None when
        the text is linted."""
        for open_field in reversed(self._fields):
            if open_field.hides:
                return open_field.value
        for control, captured in reversed(self._controls):
            if control.hides_content:
                return captured
        return None

    def _field_char(self, char: etree._Element, para: ParagraphText) -> None:
        kind = char.get(W.fldCharType)
        if kind == "begin":
            form = None
            ff_data = char.find(W.ffData)
            if ff_data is not None:
                form = legacy_field(ff_data, self._location(para))
                self._add_field(form, para)
            self._fields.append(_Field(form))
        elif kind == "separate" and self._fields:
            current = self._fields[-1]
            current.in_result = True
            current.generated = _is_generated("".join(current.code))
        elif kind == "end" and self._fields:
            closed = self._fields.pop()
            value = "".join(closed.value).strip()
            if closed.form is not None and value:
                closed.form.attrs["value"] = value

    def _simple_field(self, simple: etree._Element, para: ParagraphText) -> None:
        instruction = simple.get(W.instr, "")
        generated = _is_generated(instruction)
        self._fields.append(_Field(code=[instruction], in_result=True, generated=generated))
        try:
            self._inline(simple, para)
        finally:
            self._fields.pop()

    @contextmanager
    def _control(self, sdt: etree._Element, para: ParagraphText | None):
        """Keep a content control open while its content is read; its field
        is recorded where it starts, its hidden content when it ends."""
        group = next((c.field.label for c, _ in reversed(self._controls) if c.field), None)
        location = self._location(para)
        control = content_control(sdt.find(W.sdtPr), self.shared.glossary, location, group)
        if control.field is not None:
            if para is None:
                control.field.nearby_text = self._previous
            self._add_field(control.field, para, control.hides_content)
        captured: list[str] = []
        self._controls.append((control, captured))
        try:
            yield
        finally:
            self._controls.pop()
            control.finish("".join(captured))

    def _add_field(
        self, form: FormField, para: ParagraphText | None, placeholder: bool = True
    ) -> None:
        self.shared.document.fields.append(form)
        if para is not None:
            para.add_field(form)
            if placeholder:
                self._object(para)

    def _embedded(self, element: etree._Element, para: ParagraphText) -> None:
        """Drawings and VML shapes may hold text boxes; objects may be
        ActiveX controls or embedded files, which hold no readable text."""
        root = _chosen(element) if element.tag == MC.AlternateContent else element
        para.text_boxes.extend(_text_boxes(root))
        if element.tag == W.object:
            if element.find(W.control) is not None:
                self._unreadable("ActiveX control", self._location(para))
            elif element.find(O.OLEObject) is not None:
                self._unreadable("embedded object", self._location(para))

    # Bookkeeping.

    def _change(self, para: ParagraphText) -> None:
        self.shared.changes += 1
        if self.shared.first_change is None:
            self.shared.first_change = self._location(para)

    def _unreadable(self, what: str, location: Location) -> None:
        self.shared.unreadable[what] += 1
        self.shared.unreadable_at.setdefault(what, location)

    def _location(self, para: ParagraphText | None) -> Location:
        """Where the next thing sits: in `para`, or (block level) at the
        start of the next paragraph."""
        line, column = (para.line, para.column) if para is not None else (self.paragraphs + 1, 1)
        return Location(self.shared.document.path, line=line, column=column, region=self._region())

    def _region(self) -> str | None:
        return " > ".join(self._regions) or None


def _content(sdt: etree._Element) -> Iterable[etree._Element]:
    content = sdt.find(W.sdtContent)
    return content if content is not None else ()


def _chosen(alternate: etree._Element) -> Iterable[etree._Element]:
    """Markup compatibility offers the same content twice (e.g. a DrawingML
    text box and its VML fallback): read the first choice only."""
    for branch in (MC.Choice, MC.Fallback):
        found = alternate.find(branch)
        if found is not None:
            return found
    return ()


def _text_boxes(parent: Iterable[etree._Element]) -> Iterator[etree._Element]:
    """The outermost text boxes under `parent` (inner ones are read with
    their outer box's paragraphs)."""
    for child in parent:
        if child.tag == W.txbxContent:
            yield child
        elif child.tag == MC.AlternateContent:
            yield from _text_boxes(_chosen(child))
        else:
            yield from _text_boxes(child)


def _is_generated(code: str) -> bool:
    words = code.split()
    return bool(words) and words[0].upper() in _GENERATED_FIELDS
