"""Put a PDF page's lines in reading order and group them into blocks.

A PDF stores positioned glyphs, not paragraphs. Reading order comes from
geometry: lines stacked closely in one column form a *chunk*, and chunks are
ordered by recursive XY-cut (split the page at a vertical gutter first, so
that columns are read one after the other, else at a horizontal gap, and
recurse). Chunks then split into headings, list items and paragraphs by font,
indent and spacing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from plainlint.document import Block, BlockKind, Segment
from plainlint.extract.pdf.text import LIST_MARKER, Line, PageText

_ROMAN_NUMBER = re.compile(r"^[ivxlc]+$")
#: The last word of a text is (the start of) a web address.
_URL_START = re.compile(r"(?:https?://|www\.)\S*$")
#: A line that ends with one of these finishes its sentence or its item.
_CLOSING = tuple(".!?:;\"”’)]")
#: Share of a page's height, at its top and bottom, where running heads live.
_MARGIN_BAND = 0.12


@dataclass
class Chunk:
    """Lines stacked closely in one column, top to bottom."""

    lines: list[Line] = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    y0: float = 0.0
    y1: float = 0.0

    def add(self, line: Line) -> None:
        if self.lines:
            self.x0, self.x1 = min(self.x0, line.x0), max(self.x1, line.x1)
            self.y0, self.y1 = min(self.y0, line.y0), max(self.y1, line.y1)
        else:
            self.x0, self.x1, self.y0, self.y1 = line.x0, line.x1, line.y0, line.y1
        self.lines.append(line)


# Reading order ------------------------------------------------------------


def order_page(page: PageText) -> list[Chunk]:
    """The page's chunks in reading order, with lines numbered 1..n in it."""
    chunks = _xy_cut(_chunks(page.lines))
    number = 0
    for chunk in chunks:
        for line in chunk.lines:
            number += 1
            line.number = number
    return chunks


def _chunks(lines: list[Line]) -> list[Chunk]:
    """Stack each line, top to bottom, under the chunk directly above it."""
    chunks: list[Chunk] = []
    for line in sorted(lines, key=lambda item: (-item.y1, item.x0)):
        chunk = _chunk_above(chunks, line)
        if chunk is None:
            chunk = Chunk()
            chunks.append(chunk)
        chunk.add(line)
    return chunks


def _chunk_above(chunks: list[Chunk], line: Line) -> Chunk | None:
    """The chunk whose last line sits just above `line`, overlapping it
    horizontally, and (once the chunk has two lines to show its width) whose
    width `line` stays within: a full-width line under two columns starts a
    chunk of its own."""
    best, best_gap = None, None
    slack = 2 * line.size
    for chunk in chunks:
        last = chunk.lines[-1]
        gap = last.y0 - line.y1
        if not -0.3 * line.height <= gap <= 1.2 * max(line.height, last.height):
            continue
        if min(last.x1, line.x1) <= max(last.x0, line.x0):
            continue
        if len(chunk.lines) > 1 and (line.x0 < chunk.x0 - slack or line.x1 > chunk.x1 + slack):
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = chunk, gap
    return best


def _xy_cut(chunks: list[Chunk]) -> list[Chunk]:
    """Recursive XY-cut: columns left to right, then bands top to bottom."""
    if len(chunks) < 2:
        return chunks
    for groups in (_cut(chunks, vertical=True), _cut(chunks, vertical=False)):
        if len(groups) > 1:
            return [chunk for group in groups for chunk in _xy_cut(group)]
    return sorted(chunks, key=lambda chunk: (-chunk.y1, chunk.x0))


def _cut(chunks: list[Chunk], vertical: bool) -> list[list[Chunk]]:
    """Split where no chunk crosses: at gutters (vertical) or at gaps between
    bands (horizontal), returning the groups in reading order."""

    def span(chunk: Chunk) -> tuple[float, float]:
        return (chunk.x0, chunk.x1) if vertical else (-chunk.y1, -chunk.y0)

    groups: list[list[Chunk]] = []
    reach = float("-inf")
    for chunk in sorted(chunks, key=span):
        start, end = span(chunk)
        if start >= reach:
            groups.append([])
        groups[-1].append(chunk)
        reach = max(reach, end)
    return groups


# Running headers and footers ----------------------------------------------


def mark_running_lines(pages: list[PageText]) -> None:
    """Mark lines near the top or bottom edge whose text, digits aside,
    recurs on at least 40% of the pages (and on two or more): running
    headers, footers and page numbers. Alternating even/odd headers each
    recur on half the pages, hence 40% rather than "most". A document that
    would be left with no text at all keeps its lines."""
    if len(pages) < 2:
        return
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_running_key(line) for line in _margin_lines(page)})
    needed = max(2, round(0.4 * len(pages)))
    for page in pages:
        for line in _margin_lines(page):
            line.running = seen[_running_key(line)] >= needed
    lines = [line for page in pages for line in page.lines]
    if lines and all(line.running for line in lines):
        # Every page is the same few lines: that is the document, not a
        # header around it (a form printed five times, a one-line notice).
        for line in lines:
            line.running = False


def _margin_lines(page: PageText) -> Iterable[Line]:
    band = _MARGIN_BAND * page.height
    return (line for line in page.lines if line.y0 >= page.height - band or line.y1 <= band)


def _running_key(line: Line) -> str:
    """The line's text with numbers, arabic or roman, as "#"."""
    text = " ".join(line.text.lower().split())
    return "#" if _ROMAN_NUMBER.match(text) else re.sub(r"\d+", "#", text)


# Headings -------------------------------------------------------------------


@dataclass(frozen=True)
class HeadingScale:
    """Which font styles are headings, and their levels: sizes larger than
    the body text, largest first, then bold text at body size."""

    body_size: float
    levels: dict[tuple[float, bool], int]

    @classmethod
    def from_pages(cls, pages: list[PageText]) -> HeadingScale:
        """Rank the styles of heading-like lines, leaving out a style used
        for much text or for long lines: a second body font (the answers
        typed into a form, a sidebar), not headings."""
        chars: Counter[tuple[float, bool]] = Counter()
        candidates: dict[tuple[float, bool], list[int]] = {}
        lines = [line for page in pages for line in page.lines if not line.running]
        for line in lines:
            chars[line.size, line.bold] += len(line.text)
        body = max(chars, key=chars.__getitem__)[0] if chars else 0.0
        body_chars = sum(count for (size, _), count in chars.items() if size == body)
        for line in lines:
            if _looks_like_heading(line, body):
                candidates.setdefault((line.size, line.bold), []).append(len(line.text.split()))
        styles = [
            style
            for style, word_counts in candidates.items()
            if chars[style] < 0.5 * body_chars and sum(word_counts) / len(word_counts) <= 10
        ]
        ranked = sorted(styles, key=lambda style: (-style[0], not style[1]))
        return cls(body, {style: min(rank + 1, 6) for rank, style in enumerate(ranked)})

    def level(self, line: Line) -> int | None:
        if not _looks_like_heading(line, self.body_size):
            return None
        return self.levels.get((line.size, line.bold))


def _looks_like_heading(line: Line, body_size: float) -> bool:
    """Larger than body text, or bold at body size; short; has letters;
    does not stop mid-sentence with a comma."""
    if not body_size or len(line.text.split()) > 20 or not re.search(r"[^\W\d_]{2}", line.text):
        return False
    if line.text.rstrip().endswith((",", ";")):
        return False
    return line.size >= 1.15 * body_size or (line.bold and line.size >= 0.95 * body_size)


# Blocks ---------------------------------------------------------------------


@dataclass
class _Draft:
    """A block being built: its kind, lines and (for headings) level."""

    kind: BlockKind
    lines: list[Line]
    level: int | None = None


def page_blocks(page: PageText, chunks: list[Chunk], scale: HeadingScale, path: str) -> list[Block]:
    """Headings, list items and paragraphs of one page, in reading order."""
    drafts: list[_Draft] = []
    for chunk in chunks:
        if not _is_line_numbering(chunk):
            _split_chunk([line for line in chunk.lines if not line.running], scale, drafts)
    for draft in drafts:
        _demote_long_heading(draft)
    return [_block(draft, page.number, path) for draft in drafts]


def _demote_long_heading(draft: _Draft) -> None:
    """Over 25 words in a heading's style is a paragraph set in large type
    (an introduction, a call-out), not a heading."""
    if draft.kind is BlockKind.HEADING and sum(len(line.text.split()) for line in draft.lines) > 25:
        draft.kind, draft.level = BlockKind.PARAGRAPH, None


def _is_line_numbering(chunk: Chunk) -> bool:
    """The margin numbers of a transcript or pleading (1, 2, 3 ... down the
    side), which are not part of any sentence."""
    numbers = [line.text for line in chunk.lines]
    return len(numbers) >= 5 and all(text.isdigit() for text in numbers)


def _split_chunk(lines: list[Line], scale: HeadingScale, drafts: list[_Draft]) -> None:
    """Start a new block at each line that differs in kind or style from
    the one before, is indented, follows a big gap or a finished short line,
    or starts with a list marker. Consecutive heading lines of one style merge."""
    current: _Draft | None = None
    spacing = _typical_spacing(lines)
    right = max((line.x1 for line in lines), default=0.0)
    for previous, line in zip([None, *lines], lines):
        runs_on = previous is not None and not previous.text.endswith(_CLOSING)
        level = scale.level(line)
        if runs_on and line.text[:1].islower() and not (current.kind is BlockKind.HEADING and current.level == level):
            level = None  # a sentence running on in a heading's style is not a new heading
        kind = _kind(line, level, runs_on)
        if current is None or _breaks(current, previous, line, kind, level, spacing, right):
            current = _Draft(kind, [], level)
            drafts.append(current)
        current.lines.append(line)


def _kind(line: Line, level: int | None, runs_on: bool) -> BlockKind:
    """Heading, list item or paragraph. A bullet always starts an item; a
    number or letter ("a.", "p.") only after a finished line, since "p. 4"
    inside a running sentence is not one."""
    if level is not None:
        return BlockKind.HEADING
    marker, _, rest = line.text.partition(" ")
    is_bullet = not any(char.isalnum() for char in marker)
    if rest and LIST_MARKER.match(marker) and (is_bullet or not runs_on):
        return BlockKind.LIST_ITEM
    return BlockKind.PARAGRAPH


def _typical_spacing(lines: list[Line]) -> float:
    """The median gap between consecutive lines: the chunk's leading."""
    gaps = sorted(a.y0 - b.y1 for a, b in zip(lines, lines[1:]))
    return gaps[len(gaps) // 2] if gaps else 0.0


def _breaks(
    draft: _Draft, previous: Line, line: Line, kind: BlockKind, level: int | None, spacing: float, right: float
) -> bool:
    """Whether `line` starts a new block after `previous` (in `draft`).
    `spacing` is the chunk's usual gap between lines, `right` its right edge."""
    if draft.kind is BlockKind.HEADING or kind is BlockKind.HEADING:
        return draft.kind is not kind or draft.level != level or previous.y0 - line.y1 > line.height
    if kind is BlockKind.LIST_ITEM or _size_breaks(previous, line):
        return True
    em = line.size
    if previous.y0 - line.y1 > spacing + 0.5 * em:
        return True
    if _indent_breaks(draft, line):
        return True
    return previous.text.endswith(_CLOSING) and previous.x1 < right - 4 * em


def _size_breaks(previous: Line, line: Line) -> bool:
    """A change of font size ends a block (body text to footnotes), unless
    it is slight and the sentence runs on (a small-caps lead-in)."""
    if abs(line.size - previous.size) <= 0.5:
        return False
    ratio = max(line.size, previous.size) / min(line.size, previous.size)
    return ratio > 1.25 or previous.text.endswith(_CLOSING)


def _indent_breaks(draft: _Draft, line: Line) -> bool:
    """A line indented past the block's body starts a new paragraph; so does
    one that leaves a list item's body for the margin. The body starts where
    the second line does, or (for a one-line list item) where its text after
    the marker may."""
    em = line.size
    first = draft.lines[0]
    is_item = draft.kind is BlockKind.LIST_ITEM
    if len(draft.lines) > 1:
        body_x0 = draft.lines[1].x0
        if is_item and line.x0 < body_x0 - 0.8 * em:
            return True
    elif is_item:
        # An item's text may hang after its marker and a number ("§ 254.12 How").
        body_x0 = max(first.second_x0, first.x0 + 4 * em)
    else:
        body_x0 = first.x0
    return line.x0 > body_x0 + 0.8 * em


def _block(draft: _Draft, page: int, path: str) -> Block:
    text, segments = join_lines(draft.lines, page)
    attrs: dict = {
        "bbox": (
            min(line.x0 for line in draft.lines),
            min(line.y0 for line in draft.lines),
            max(line.x1 for line in draft.lines),
            max(line.y1 for line in draft.lines),
        ),
        "font_size": draft.lines[0].size,
    }
    if draft.level is not None:
        attrs["level"] = draft.level
    if all(line.mono for line in draft.lines):
        attrs["monospace"] = True
    return Block(draft.kind, text, path, segments, attrs)


def join_lines(lines: list[Line], page: int) -> tuple[str, list[Segment]]:
    """Join lines into one text, each line one segment (its first character
    is column 1 of that line)."""
    text, segments = "", []
    for line in lines:
        text = _joined(text, line.text)
        segments.append(Segment(len(text), line.number, 1, page))
        text += line.text
    return text, segments


def _joined(before: str, after: str) -> str:
    """`before`, ready for `after` to follow on the next line: with a space,
    or without its hyphen when a word was hyphenated across the line end
    ("pro-" + "vide" is "provide"), or as is when a URL broke after a slash."""
    if not before:
        return before
    if _hyphenated(before, after):
        return before[:-1]
    if before.endswith("/") and _URL_START.search(before):
        return before
    return before + " "


def join_continuations(blocks: list[Block]) -> list[Block]:
    """Join a paragraph cut off at the foot of a column or page to its
    continuation (it stops mid-sentence; the next one starts in lower case),
    so that sentence rules see whole sentences. The joined block keeps
    every part's page and line; `continued` lists the later parts' boxes."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if previous is not None and _continues(previous, block):
            _append_block(previous, block)
        else:
            joined.append(block)
    return joined


def _continues(previous: Block, block: Block) -> bool:
    return (
        previous.kind is BlockKind.PARAGRAPH
        and block.kind is BlockKind.PARAGRAPH
        and not previous.text.endswith(_CLOSING)
        and block.text[:1].islower()
    )


def _append_block(previous: Block, block: Block) -> None:
    text = _joined(previous.text, block.text)
    offset = len(text)
    previous.text = text + block.text
    previous.segments.extend(Segment(s.start + offset, s.line, s.column, s.page) for s in block.segments)
    part = {"page": block.segments[0].page, "bbox": block.attrs["bbox"]}
    previous.attrs.setdefault("continued", []).append(part)


def _hyphenated(before: str, after: str) -> bool:
    return len(before) > 1 and before[-1] == "-" and before[-2].isalpha() and after[:1].islower()
