"""PL301: a section reads above the grade its audience can manage."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from plainlint.document import Document, Finding, Suggestion
from plainlint.language import prose, readability
from plainlint.language.sections import pooled, sections


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    metric = readability.METRICS[options["metric"]]
    target, min_words = options["target-grade"], options["min-words"]
    judged = pooled(sections(document), lambda blocks: prose.word_count(blocks) >= min_words)
    for section, blocks in judged:
        found = prose.sentences(blocks)
        counts = readability.total(readability.sentence_counts(s.text) for s in found)
        if metric.grade(counts) <= target:
            continue
        named, advice = hardest(found, metric, limit=3)
        message = (
            f"{metric.describe(counts)} is above the target grade {target:g} "
            f"({prose.word_count(blocks)} words); hardest sentences: {named}"
        )
        yield rule.finding(section.anchor, 0, len(section.anchor.text), message, advice)


def hardest(found: Sequence[prose.Sentence], metric: readability.Metric, limit: int) -> tuple[str, list[Suggestion]]:
    """The sentences that raise the grade most, hardest first: named for a
    message ("line 12:1 (grade 16.3)") and as advice quoting their opening
    words. PL302 names a paragraph's sentences the same way."""
    counts = [readability.sentence_counts(sentence.text) for sentence in found]
    chosen = [(found[i], metric.grade(counts[i])) for i in readability.drivers(counts, metric, limit)]
    chosen.sort(key=lambda item: item[1], reverse=True)
    named = ", ".join(f"{sentence.where()} (grade {grade:.1f})" for sentence, grade in chosen)
    advice = [
        Suggestion(f"{sentence.where()}: shorten or simplify {sentence.excerpt()} ({sentence.words} words)")
        for sentence, _ in chosen
    ]
    return named, advice
