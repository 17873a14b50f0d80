"""Where each finding sits in its document's text, so a report can mark it.

A finding keeps the text it is about (`matched`), the block text around it
(`context`) and its location; the block with that text, and the occurrence
of the matched text in it whose location is the finding's, give the exact
span. Findings on a whole file, page or form field have no such span.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from plainlint.document import Document, Finding, Location


@dataclass(frozen=True)
class Placed:
    """A finding and its span, `start` to `end`, in block `block`."""

    finding: Finding
    number: int  # the finding's position in the document's list, from 1
    block: int
    start: int
    end: int


#: How many blocks with the same text, starting at or before a finding,
#: are tried for it: a page repeating one paragraph 60,000 times must not
#: cost 60,000 tries per finding.
_TRIES = 8


def place(document: Document, findings: Iterable[Finding]) -> tuple[list[Placed], list[tuple[int, Finding]]]:
    """The findings that have a span in `document`'s blocks, and the others
    (numbered the same way: by their order in `findings`)."""
    blocks_by_text: dict[str, list[tuple[tuple[int, int, int], int]]] = {}
    for index, block in enumerate(document.blocks):
        blocks_by_text.setdefault(block.text, []).append((_key(block.location()), index))
    for candidates in blocks_by_text.values():
        candidates.sort()
    placed, apart = [], []
    for number, finding in enumerate(findings, start=1):
        span = _span(document, finding, blocks_by_text.get(finding.context, []))
        if span is None:
            apart.append((number, finding))
        else:
            placed.append(Placed(finding, number, *span))
    return placed, apart


def _key(location: Location) -> tuple[int, int, int]:
    return location.page or 0, location.line or 0, location.column or 0


def _span(document: Document, finding: Finding, candidates: list) -> tuple[int, int, int] | None:
    if not finding.matched or not candidates:
        return None
    last = bisect.bisect_right(candidates, (_key(finding.location), len(document.blocks)))
    for _, index in reversed(candidates[max(last - _TRIES, 0) : last]):
        block = document.blocks[index]
        for start in _occurrences(block.text, finding.matched):
            end = start + len(finding.matched)
            if block.location(start, end) == finding.location:
                return index, start, end
    return None


def _occurrences(text: str, part: str) -> Iterator[int]:
    start = text.find(part)
    while start >= 0:
        yield start
        start = text.find(part, start + 1)
