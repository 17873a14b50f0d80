"""PL504: a paragraph set in capitals. Readers recognise words by their
shape; capitals take the shape away and read as shouting."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import BlockKind, Document, Finding

_WORD = re.compile(r"[^\W\d_]{2,}")
#: Headings and titles in capitals are a layout choice, not running text.
_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HELP_TEXT, BlockKind.QUOTE})


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    for block in document.language_blocks():
        if block.kind not in _PROSE:
            continue
        words = _WORD.findall(block.text)
        if len(words) < options["min-words"]:
            continue
        capitals = sum(1 for word in words if word.isupper())
        if capitals >= options["share"] * len(words):
            yield rule.finding(
                block,
                0,
                len(block.text),
                f"{len(words)} words in capitals are hard to read; write them in sentence case"
                " and use bold for the part that matters most",
            )
