"""The document model every extractor produces and every rule reads.

An extractor turns a file into a `Document`: an ordered list of `Block`s of
plain text, each knowing where every one of its characters came from, plus the
form fields the file carries. Rules never see the file itself, so a rule
written once works on Markdown, HTML, PDF and DOCX alike.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

#: Stands in for a span that must not be linted but still occupies a word's
#: place in a sentence (inline code, a URL, an image). It is Unicode's own
#: "object replacement character", which no word pattern matches.
PLACEHOLDER = "\ufffc"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE_CELL = "table-cell"
    QUOTE = "quote"
    TITLE = "title"
    FORM_LABEL = "form-label"
    FIELD_TOOLTIP = "field-tooltip"
    HELP_TEXT = "help-text"
    # Text that is not running prose, as extraction recognised it
    # (plainlint.extract.nonprose, .examples): the language rules skip these.
    CONTENTS = "contents"  # contents or index lines with leader dots
    DATA = "data"  # mostly numbers: a table of amounts, line numbers
    CODE = "code"  # monospace runs in DOCX and PDF
    NAVIGATION = "navigation"  # link lists, menus
    FURNITURE = "furniture"  # page headers, footers, text repeated on many pages
    EXAMPLE = "example"  # a bad example shown on purpose ("Don't say", "Before")
    QUOTATION = "quotation"  # someone else's words: a whole quoted paragraph, a block quote after "...:"

    @property
    def is_prose_like(self) -> bool:
        """Whether the language rules read blocks of this kind."""
        return self not in NOT_PROSE_KINDS


NOT_PROSE_KINDS = frozenset(
    {BlockKind.CONTENTS, BlockKind.DATA, BlockKind.CODE, BlockKind.NAVIGATION, BlockKind.FURNITURE, BlockKind.EXAMPLE,
     BlockKind.QUOTATION}
)


class Level(StrEnum):
    """How serious a finding is; ordered suggestion < warning < error."""

    SUGGESTION = "suggestion"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.SUGGESTION: 0, Level.WARNING: 1, Level.ERROR: 2}


@dataclass(frozen=True)
class Location:
    """Where a finding sits. Every field but `path` is optional: a PDF has
    pages, a form field has a name, a Markdown file has lines and columns.
    Lines and columns are 1-based and count characters."""

    path: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    page: int | None = None
    field: str | None = None
    #: A human pointer for formats without lines, e.g. "table 2, row 3, cell 1".
    region: str | None = None

    def sort_key(self) -> tuple:
        return (self.page or 0, self.line or 0, self.column or 0, self.field or "")


@dataclass(frozen=True)
class Segment:
    """A run of block text copied contiguously from one place in the source:
    text offset `start` corresponds to `line`:`column` (and `page`)."""

    start: int
    line: int | None
    column: int | None
    page: int | None = None

    def moved(self, start: int) -> Segment:
        return Segment(start, self.line, self.column, self.page)


@dataclass
class Block:
    """A unit of running text (heading, paragraph, cell...) with a map from
    every character offset back to the source."""

    kind: BlockKind
    text: str
    path: str
    segments: list[Segment] = field(default_factory=list)
    #: Heading level, list depth, DOCX style, PDF bounding box, etc.
    attrs: dict[str, Any] = field(default_factory=dict)
    field_name: str | None = None
    region: str | None = None
    #: The spaCy Doc for this block, set by the NLP pass when a rule needs it.
    parsed: Any = None
    #: Views of the block that several rules derive the same way (its
    #: sentences), computed once; see plainlint.language.text.block_sentences.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def position(self, offset: int) -> Segment:
        """The source position of the character at `offset` in `text`."""
        if not self.segments:
            return Segment(offset, None, None)
        starts = [s.start for s in self.segments]
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        seg = self.segments[index]
        column = None if seg.column is None else seg.column + (offset - seg.start)
        return Segment(offset, seg.line, column, seg.page)

    def reclassify(self, kind: BlockKind) -> None:
        """Give the block the kind extraction recognised it as, keeping the
        kind its reader gave it in `attrs["was"]` for `plainlint extract`."""
        self.attrs["was"] = self.kind.value
        self.kind = kind

    def location(self, start: int = 0, end: int | None = None) -> Location:
        """The location of `text[start:end]` (the whole block by default)."""
        end = len(self.text) if end is None else end
        first = self.position(start)
        last = self.position(max(end - 1, start))
        end_column = None if last.column is None else last.column + 1
        return Location(
            path=self.path,
            line=first.line,
            column=first.column,
            end_line=last.line,
            end_column=end_column,
            page=first.page,
            field=self.field_name,
            region=self.region,
        )


@dataclass
class FormField:
    """One fillable control of a PDF, DOCX or HTML form, as the person filling
    it in (and their screen reader) meets it."""

    name: str
    kind: str  # text, checkbox, radio, choice, signature, button, textarea, ...
    location: Location
    #: The accessible name, as assistive technology would announce it.
    label: str | None = None
    #: Where `label` came from: tooltip, label-for, wrapping-label,
    #: aria-labelledby, aria-label, title, placeholder, alias, ...
    label_source: str | None = None
    tooltip: str | None = None
    hint: str | None = None
    group: str | None = None
    required: bool = False
    read_only: bool = False
    options: list[str] = field(default_factory=list)
    max_length: int | None = None
    rect: tuple[float, float, float, float] | None = None
    nearby_text: str | None = None
    autocomplete: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Notice:
    """Something an extractor noticed about the file itself (a scanned page,
    an XFA form, an empty file). Becomes a PL9xx finding with this code."""

    code: str
    message: str
    location: Location


@dataclass(frozen=True)
class Directive:
    """An inline suppression comment found in the source.

    action is one of: disable, enable, disable-next-line, disable-file.
    An empty `codes` means every rule."""

    action: str
    line: int
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentStats:
    """What a scorecard needs of a document beside its findings: its running
    prose (words, sentences, Flesch-Kincaid grade; None without prose), its
    headings and its form fields."""

    prose_words: int = 0
    sentences: int = 0
    grade: float | None = None
    headings: int = 0
    fields: int = 0


@dataclass
class Document:
    path: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    fields: list[FormField] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    #: title, lang, page count, producer, has_xfa ... as the format offers.
    metadata: dict[str, Any] = field(default_factory=dict)
    #: What several rules derive from the whole document the same way (its
    #: acronyms), computed once for all of them.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def language_blocks(self) -> list[Block]:
        """The blocks the language rules read: all but those extraction
        recognised as not running prose (contents lines, tables of numbers,
        code, navigation, page furniture), as bad examples shown on purpose
        or as quotations. Form rules read every block."""
        return [block for block in self.blocks if block.kind.is_prose_like]

    def word_count(self) -> int:
        from plainlint.language.text import count_words

        return sum(count_words(b.text) for b in self.blocks)


@dataclass(frozen=True)
class Suggestion:
    """Text to put in the finding's place: a replacement for its words (empty
    means leave them out), or on a form field the label or value to give it.
    Advice that is not such text is a hint (`Finding.hints`). `safe` ones may
    be applied by --fix; `advisory` ones need a human to decide."""

    text: str
    confidence: str = "advisory"  # "safe" | "advisory"


@dataclass
class Finding:
    code: str
    name: str
    level: Level
    message: str
    location: Location
    suggestions: list[Suggestion] = field(default_factory=list)
    #: The text the finding is about, used for baseline fingerprints.
    matched: str = ""
    #: Surrounding sentence or block text, for fingerprints and context.
    context: str = ""
    #: Advice that is not a replacement ("line 12: split this sentence",
    #: a notice to add): shown with the finding, never pasted in its place.
    hints: list[str] = field(default_factory=list)
