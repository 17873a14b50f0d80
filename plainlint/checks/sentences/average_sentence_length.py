"""PL203: a section's sentences are long on average, even if none is
extreme enough for PL201."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import Document, Finding
from plainlint.language import prose
from plainlint.language.sections import pooled, sections


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    limit, min_sentences = options["max-average"], options["min-sentences"]
    judged = pooled(sections(document), lambda blocks: len(prose.sentences(blocks)) >= min_sentences)
    for section, blocks in judged:
        found = prose.sentences(blocks)
        average = sum(sentence.words for sentence in found) / len(found)
        if average <= limit:
            continue
        longest = sorted(found, key=lambda sentence: sentence.words, reverse=True)[:3]
        named = ", ".join(f"{sentence.where()} ({sentence.words} words)" for sentence in longest)
        message = (
            f"sentences average {average:.1f} words over {len(found)} sentences "
            f"(more than {limit:g}); longest: {named}"
        )
        advice = [f"{sentence.where()}: split {sentence.excerpt()}" for sentence in longest]
        yield rule.finding(section.anchor, 0, len(section.anchor.text), message, hints=advice)
