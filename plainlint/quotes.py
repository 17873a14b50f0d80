"""Quoted text. Words in quotation marks are usually mentioned, not used
(Replace "and/or" with "or"; the guide says "make a decision"), so the
language rules skip them, as the word-list rules do."""

from __future__ import annotations

import re

_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|“[^”]{1,300}”")


class QuotedSpans:
    """The quoted stretches of one text, asked by character offset."""

    def __init__(self, text: str, enabled: bool = True):
        self.spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)] if enabled else []

    def __contains__(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.spans)
