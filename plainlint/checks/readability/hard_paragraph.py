"""PL302: one paragraph reads far above the target grade."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.checks.readability.helpers import hardest
from plainlint.document import Document, Finding
from plainlint.language import prose, readability


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    metric = readability.METRICS[options["metric"]]
    limit, min_words = options["paragraph-grade"], options["min-words"]
    for block in document.language_blocks():
        if prose.word_count([block]) < min_words:
            continue
        found = prose.sentences([block])
        counts = readability.total(readability.sentence_counts(s.text) for s in found)
        if metric.grade(counts) <= limit:
            continue
        named, advice = hardest(found, metric, limit=2)
        message = f"paragraph reads at {metric.describe(counts)}, above grade {limit:g}; hardest: {named}"
        yield rule.finding(block, 0, len(block.text), message, hints=advice)
