"""Quoted text. Words in quotation marks are usually mentioned, not used
(Replace "and/or" with "or"; the guide says "make a decision"), so the
language rules skip them, as the word-list rules do."""

from __future__ import annotations

import bisect
import re

from plainlint.document import Block, BlockKind
from plainlint.language.text import count_words

#: Straight marks are alike at both ends, so a stray one could pair with
#: another far away: their quotations stay short. Curly marks say which end
#: is which, so a long quotation in one sentence is still found.
_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|“[^“”]{1,2000}”")


class QuotedSpans:
    """The quoted stretches of one text, asked by character offset."""

    def __init__(self, text: str, enabled: bool = True):
        self.spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)] if enabled else []
        self._starts = [start for start, _ in self.spans]

    @classmethod
    def of(cls, block: Block, enabled: bool = True) -> QuotedSpans:
        """The quoted spans of `block`, found once for every rule that asks."""
        key = f"quoted spans {enabled}"
        if key not in block.derived:
            block.derived[key] = cls(block.text, enabled)
        return block.derived[key]

    def __contains__(self, offset: int) -> bool:
        # Spans come from one left-to-right scan: sorted and disjoint.
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self.spans[index][1]


#: A table cell or list item of at most this many words, with no sentence
#: end, is a term in a list.
_TERM_WORDS = 6
_TERM_KINDS = frozenset({BlockKind.TABLE_CELL, BlockKind.LIST_ITEM})


def is_listed_term(block: Block) -> bool:
    """A short table cell or list item that is not a sentence, or a cell of
    such terms one per line: an entry in a word list or a "Don't say | Say"
    table, where a word is shown, not used. Rewriting it would empty the row
    that teaches the plain word."""
    if block.kind not in _TERM_KINDS:
        return False
    if "listed term" not in block.derived:
        lines = [line.strip() for line in block.text.strip().splitlines() if line.strip()]
        block.derived["listed term"] = bool(lines) and all(_is_term(line) for line in lines)
    return block.derived["listed term"]


def _is_term(text: str) -> bool:
    return count_words(text) <= _TERM_WORDS and not text.endswith((".", "?", "!", ":"))
