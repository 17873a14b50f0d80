"""Map offsets in decoded source text to 1-based lines and columns, and align
text that a parser produced (markup removed, escapes resolved) back onto the
source it came from."""

from __future__ import annotations

import bisect
import re

from plainlint.document import PLACEHOLDER, Segment

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")


class SourceText:
    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_start(self, line_index: int) -> int:
        """Offset of 0-based line `line_index` (clamped to the end)."""
        if line_index >= len(self.line_starts):
            return len(self.text)
        return self.line_starts[line_index]

    def line_col(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def segment(self, text_offset: int, source_offset: int) -> Segment:
        line, column = self.line_col(source_offset)
        return Segment(text_offset, line, column)


class BlockBuilder:
    """Accumulates a block's text with a segment for each contiguous run."""

    def __init__(self, source: SourceText):
        self.source = source
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add(self, text: str, source_offset: int | None) -> None:
        """Append `text` that starts at `source_offset` in the source (None
        continues the previous run, e.g. a separator space)."""
        if not text:
            return
        if source_offset is not None:
            self.segments.append(self.source.segment(self.length, source_offset))
        self.parts.append(text)
        self.length += len(text)

    def add_aligned(self, content: str, cursor: int, limit: int) -> int:
        """Append parser text `content`, locating it in the source at or after
        `cursor` (and before `limit`); returns the cursor after it. URLs become
        placeholders so that no rule reads them."""
        position = 0
        for match in URL_RE.finditer(content):
            cursor = self._align(content[position : match.start()], cursor, limit)
            found = self.source.text.find(match.group(), cursor, limit)
            self.add(PLACEHOLDER, found if found >= 0 else cursor)
            cursor = found + len(match.group()) if found >= 0 else cursor
            position = match.end()
        return self._align(content[position:], cursor, limit)

    def _align(self, content: str, cursor: int, limit: int) -> int:
        if not content:
            return cursor
        found = self.source.text.find(content, cursor, limit)
        if found >= 0:
            self.add(content, found)
            return found + len(content)
        return self._add_char_by_char(content, cursor, limit)

    def _add_char_by_char(self, content: str, cursor: int, limit: int) -> int:
        """Fallback for text changed by the parser (backslash escapes,
        entities): match each character to its next occurrence nearby."""
        source = self.source.text
        expected = None
        for char in content:
            found = source.find(char, cursor, min(limit, cursor + 12))
            if found < 0:
                self.add(char, None if expected is not None else cursor)
                continue
            self.add(char, None if found == expected else found)
            cursor = found + 1
            expected = cursor
        return cursor
