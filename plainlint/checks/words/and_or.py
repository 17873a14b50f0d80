"""PL106: "and/or". The reader has to decide whether the writer meant "and",
"or" or both; the writer should decide instead."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import Document, Finding, Suggestion
from plainlint.language.phrasing import match_case
from plainlint.language.quotes import QuotedSpans, is_listed_term

_WORD = r"[^\W\d_][\w'’-]*"
_AND_OR = r"and\s*/\s*or"
#: "X and/or Y" with single-word X and Y ending a clause: the only shape in
#: which "X or Y or both" can be written without a parse.
_PAIR = re.compile(rf"(?<![\w'’/-])({_WORD})\s+({_AND_OR})\s+({_WORD})(?=\s*(?:[.,;:!?)]|$))", re.I)
_BARE = re.compile(rf"(?<![\w/]){_AND_OR}(?![\w/])", re.I)


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    for block in document.language_blocks():
        if options["skip-quoted"] and is_listed_term(block):
            continue
        quoted = QuotedSpans.of(block, options["skip-quoted"])
        pairs = {m.start(2): m for m in _PAIR.finditer(block.text)}
        for match in _BARE.finditer(block.text):
            if match.start() in quoted:
                continue
            pair = pairs.get(match.start())
            if pair is not None:
                first, second = pair.group(1), pair.group(3)
                rewrites = [f"{first} or {second} or both", f"{first} or {second}", f"{first} and {second}"]
                start, end = pair.start(), pair.end()
            else:
                rewrites = [match_case(match.group(), "or"), match_case(match.group(), "and")]
                start, end = match.start(), match.end()
            yield rule.finding(
                block,
                start,
                end,
                '"and/or" is ambiguous: decide whether you mean "and", "or", or "A or B or both"',
                [Suggestion(text, "advisory") for text in rewrites],
            )
