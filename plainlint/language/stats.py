"""A document's measures for its scorecard: words, sentences and reading
grade of its running prose (as PL201-PL301 count them), headings, fields."""

from __future__ import annotations

from plainlint.document import BlockKind, Document, DocumentStats
from plainlint.language import prose, readability


def document_stats(document: Document) -> DocumentStats:
    found = prose.sentences(document.language_blocks())
    grade = None
    if found:
        counts = readability.total(readability.sentence_counts(sentence.text) for sentence in found)
        grade = round(readability.METRICS["flesch-kincaid-grade"].grade(counts), 1)
    return DocumentStats(
        prose_words=sum(sentence.words for sentence in found),
        sentences=len(found),
        grade=grade,
        headings=sum(block.kind is BlockKind.HEADING for block in document.blocks),
        fields=len(document.fields),
    )
