"""PL9xx: problems an extractor noticed in the file itself, as findings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import Document, Finding


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    for notice in document.notices:
        if notice.code == rule.code:
            yield rule.finding_at(notice.location, notice.message)
