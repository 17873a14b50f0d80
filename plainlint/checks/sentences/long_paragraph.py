"""PL202: a paragraph too long to take in at once."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import Document, Finding
from plainlint.language import prose


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    max_words, max_sentences = options["max-words"], options["max-sentences"]
    for block in document.language_blocks():
        found = prose.sentences([block])
        words = sum(sentence.words for sentence in found)
        too_long = []
        if words > max_words:
            too_long.append(f"{words} words (more than {max_words})")
        if len(found) > max_sentences:
            too_long.append(f"{len(found)} sentences (more than {max_sentences})")
        if too_long:
            message = f"paragraph has {' and '.join(too_long)}; break it up, one topic to a paragraph"
            yield rule.finding(block, 0, len(block.text), message)
