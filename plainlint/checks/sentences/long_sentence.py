"""PL201: sentences longer than a reader can hold in mind at once."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import BlockKind, Document, Finding, Level
from plainlint.language.text import block_sentences, count_words


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    limit, error_limit = options["max-words"], options["error-words"]
    for block in document.language_blocks():
        if block.kind is BlockKind.HEADING:
            continue
        for sentence in block_sentences(block):
            words = count_words(sentence.text)
            if words <= limit:
                continue
            level = Level.ERROR if words > error_limit else None
            yield rule.finding(
                block,
                sentence.start,
                sentence.end,
                f"sentence has {words} words (more than {limit}); split it",
                level=level,
            )
