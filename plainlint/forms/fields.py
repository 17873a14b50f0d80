"""What the PL4xx form rules share: which fields a person fills in, what each
is called where a person can see it, and the text of the form as a whole.

Extractors fill `Document.fields` the same way for PDF AcroForms, DOCX
content controls and legacy fields, and HTML controls; these helpers keep the
rules from each re-deciding what a "fillable field" or "the form's text" is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from plainlint.document import Block, Document, FormField, Location

#: Word boundaries inside machine names: camelCase, an acronym before a
#: word ("SSNNumber"), letters against digits.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_NOT_WORD = re.compile(r"[^A-Za-z0-9]+")

#: Controls that take no answer from the person: pressed, not filled in.
ACTION_KINDS = frozenset({"button", "submit", "reset", "image", "hidden"})


def is_fillable(field: FormField) -> bool:
    """A control a person answers: not a button, not hidden, not read-only."""
    return (
        field.kind not in ACTION_KINDS
        and not field.read_only
        and not field.attrs.get("hidden")
        and not field.attrs.get("disabled")
    )


def fillable_fields(document: Document) -> Iterator[FormField]:
    return (field for field in document.fields if is_fillable(field))


def shown_label(field: FormField) -> str | None:
    """The words a sighted person reads beside the field: the accessible name
    when it is visible text, else the text the extractor found nearest to it
    (a PDF's printed label). aria-label and tooltips are not on the page."""
    if field.label and field.label_source not in ("aria-label", "tooltip", "title", "placeholder"):
        return field.label
    return field.nearby_text or None


class FormText:
    """A document's blocks as one string (a statement may run across PDF
    lines), its title after them, and the way back from an offset to the
    block it came from."""

    def __init__(self, document: Document):
        self.document = document
        self.blocks = document.blocks
        self.starts: list[int] = []
        parts, offset = [], 0
        for block in self.blocks:
            self.starts.append(offset)
            parts.append(block.text)
            offset += len(block.text) + 1
        title = document.metadata.get("title")
        if isinstance(title, str) and title.strip():
            parts.append(title)
        self.text = "\n".join(parts)

    def span(self, start: int, end: int) -> tuple[Block, int, int] | None:
        """The block holding text[start:end], with offsets in that block
        (clipped to it); None for the title, which is in no block."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index < 0:
            return None
        block = self.blocks[index]
        local = start - self.starts[index]
        if local > len(block.text):
            return None
        return block, local, min(end - self.starts[index], len(block.text))

    def with_fields(self) -> str:
        """The text and every field's label, hint and nearby words, one per
        line: everything a person could read, for document-level searches."""
        parts = [self.text]
        for field in self.document.fields:
            parts.extend(text for text in (field.label, field.hint, field.nearby_text) if text)
        return "\n".join(parts)

    def front(self) -> Location:
        """Where a finding about the whole form goes when no words carry it:
        the form's first page (the "front page" of 5 CFR 1320.3(f)(1))."""
        pages = [b.segments[0].page for b in self.blocks if b.segments and b.segments[0].page]
        return Location(self.document.path, page=min(pages) if pages else None)


def field_words(text: str | None) -> str:
    """Lower-case words separated by single spaces, with machine names taken
    apart: "Line3_ZipCode" -> "line 3 zip code", "SSNNumber" -> "ssn number"."""
    return " ".join(_NOT_WORD.sub(" ", _CAMEL.sub(" ", text or "")).lower().split())


def excerpt(text: str, limit: int = 80) -> str:
    """The text on one line, or its first words and an ellipsis when long."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return (text[:limit].rsplit(" ", 1)[0] or text[:limit]) + "…"
