"""PL110: a word written twice in a row ("the the"), the typing slip a
spell checker passes and a reader trips over."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import Document, Finding, Suggestion
from plainlint.language.quotes import QuotedSpans

#: A word, white space (a line break too), and the same word again.
_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’]*)(\s+)(\1)(?![\w'’-])", re.IGNORECASE)


def prepare(data: Mapping[str, Any], options: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(word.lower() for word in options["allowed"])


def check(document: Document, rule, options: Mapping[str, Any], allowed: frozenset[str]) -> Iterator[Finding]:
    if document.format == "pdf" and not options["in-pdf"]:
        return
    for block in document.language_blocks():
        quoted = QuotedSpans.of(block, options["skip-quoted"])
        doubles = [m for m in _DOUBLED.finditer(block.text) if m.group(1).lower() not in allowed]
        if len(doubles) > 1:
            continue  # interleaved columns or filler text, not a slip
        for match in doubles:
            word = match.group(1)
            if match.start() in quoted:
                continue
            yield rule.finding(
                block,
                match.start(),
                match.end(),
                f'"{word}" is written twice',
                [Suggestion(word, "safe")],
            )
