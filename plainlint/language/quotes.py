"""Quoted text. Words in quotation marks are usually mentioned, not used
(Replace "and/or" with "or"; the guide says "make a decision"), so the
language rules skip them, as the word-list rules do."""

from __future__ import annotations

import bisect
import re

_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|“[^”]{1,300}”")


class QuotedSpans:
    """The quoted stretches of one text, asked by character offset."""

    def __init__(self, text: str, enabled: bool = True):
        self.spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)] if enabled else []
        self._starts = [start for start, _ in self.spans]

    def __contains__(self, offset: int) -> bool:
        # Spans come from one left-to-right scan: sorted and disjoint.
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self.spans[index][1]
