"""The text of one DOCX paragraph as plainlint lints it, mapped back to the
paragraph's visible characters.

A DOCX has no lines, so a position is (paragraph number, column), the column
counting the characters a reader sees in that paragraph. The linted text can
differ from what is seen: a form field's value or a content control's
placeholder becomes one PLACEHOLDER character, a table of contents is left
out. A new segment starts wherever the two fall out of step.
"""

from __future__ import annotations

from lxml import etree

from plainlint.document import PLACEHOLDER, FormField, Segment


class ParagraphText:
    def __init__(self, line: int):
        self.line = line
        self.column = 1  # the next visible character's column
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []
        #: Form fields that sit in this paragraph, with their text offset.
        self.fields: list[tuple[FormField, int]] = []
        #: w:txbxContent elements anchored here, read after the paragraph.
        self.text_boxes: list[etree._Element] = []
        #: ("footnote" | "endnote", id) in reference order.
        self.notes: list[tuple[str, str]] = []

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add(self, text: str, width: int | None = None) -> None:
        """Append linted text that occupies `width` visible characters
        (default: its own length)."""
        if not text:
            return
        last = self.segments[-1] if self.segments else None
        if last is None or last.column + (self.length - last.start) != self.column:
            self.segments.append(Segment(self.length, self.line, self.column))
        self.parts.append(text)
        self.length += len(text)
        self.column += len(text) if width is None else width

    def skip(self, width: int) -> None:
        """Visible characters that are not linted."""
        self.column += width

    def placeholder(self) -> None:
        """An object in the sentence (a form field, a symbol) that is not text."""
        self.add(PLACEHOLDER, 0)

    def add_field(self, field: FormField) -> None:
        self.fields.append((field, self.length))

    def finish(self) -> tuple[str, list[Segment]]:
        """The text without surrounding white space, and its segments."""
        text = self.text
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        ends = [s.start for s in self.segments[1:]] + [len(text)] if self.segments else []
        segments = [
            Segment(max(s.start - start, 0), s.line, s.column + max(start - s.start, 0))
            for s, s_end in zip(self.segments, ends, strict=True)
            if s_end > start and s.start < end
        ]
        return text[start:end], segments

    def describe_fields(self, previous: str | None) -> None:
        """Give each field the words a reader takes as its label: the text
        before it in the paragraph ("Name: [field]"), else the text after it
        ("[box] Yes"), else the previous paragraph (a label cell)."""
        text = self.text
        for field, offset in self.fields:
            before = _clean(text[:offset].rsplit(PLACEHOLDER, 1)[-1])
            after = _clean(text[offset:].lstrip(PLACEHOLDER).split(PLACEHOLDER, 1)[0])
            field.nearby_text = before or after or previous


def _clean(text: str) -> str:
    return " ".join(text.split())
