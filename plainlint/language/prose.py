"""Running prose and its sentences, as the paragraph and readability rules
measure them.

Headings, table cells, titles and form labels are left out: they are short
fragments by design, and scoring them as sentences would skew averages and
grades. Block quotations are left out too: they are someone else's words,
which the author cannot rewrite (as the word-list rules skip quoted text).
A sentence keeps its block so that a finding can say where it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from plainlint.document import Block, BlockKind
from plainlint.language.text import Span, block_sentences, count_words

PROSE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HELP_TEXT})
_EXCERPT_CHARS = 60


def is_prose(block: Block) -> bool:
    return block.kind in PROSE_KINDS


@dataclass(frozen=True)
class Sentence:
    block: Block
    span: Span
    words: int

    @property
    def text(self) -> str:
        return self.span.text

    def where(self) -> str:
        """A short pointer for a message: "line 12:40" (a Markdown paragraph
        is often one long line), "page 3" or a region."""
        location = self.block.location(self.span.start, self.span.end)
        if location.line is not None:
            return f"line {location.line}:{location.column}"
        if location.page is not None:
            return f"page {location.page}"
        return location.region or location.field or "here"

    def excerpt(self) -> str:
        """The sentence's opening words, enough to find it."""
        text = " ".join(self.text.split())
        if len(text) <= _EXCERPT_CHARS:
            return f'"{text}"'
        return f'"{text[:_EXCERPT_CHARS].rsplit(" ", 1)[0]}…"'


def sentences(blocks: Iterable[Block]) -> list[Sentence]:
    """The sentences (with at least one word) of the prose among `blocks`."""
    found = []
    for block in blocks:
        if is_prose(block):
            found.extend(_block_sentences(block))
    return found


def _block_sentences(block: Block) -> tuple[Sentence, ...]:
    """A block's sentences with their word counts, counted once for every
    rule that asks."""
    if "prose sentences" not in block.derived:
        counted = ((span, count_words(span.text)) for span in block_sentences(block))
        block.derived["prose sentences"] = tuple(Sentence(block, span, words) for span, words in counted if words)
    return block.derived["prose sentences"]


def word_count(blocks: Iterable[Block]) -> int:
    return sum(count_words(block.text) for block in blocks if is_prose(block))
