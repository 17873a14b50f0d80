"""PL301: a section reads above the grade its audience can manage, by more
than the `tolerance` a readability formula's estimate cannot resolve."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.checks.readability.helpers import hardest
from plainlint.document import Document, Finding
from plainlint.language import prose, readability
from plainlint.language.sections import pooled, sections


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    metric = readability.METRICS[options["metric"]]
    target, min_words = options["target-grade"], options["min-words"]
    limit = target + options["tolerance"]
    judged = pooled(sections(document), lambda blocks: prose.word_count(blocks) >= min_words)
    for section, blocks in judged:
        found = prose.sentences(blocks)
        counts = readability.total(readability.sentence_counts(s.text) for s in found)
        if metric.grade(counts) <= limit:
            continue
        named, advice = hardest(found, metric, limit=3)
        message = (
            f"{metric.describe(counts)} is above the target grade {target:g} "
            f"({prose.word_count(blocks)} words); hardest sentences: {named}"
        )
        yield rule.finding(section.anchor, 0, len(section.anchor.text), message, hints=advice)
