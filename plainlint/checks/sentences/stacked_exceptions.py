"""PL222: a sentence that piles up exceptions and conditions ("except",
"unless", "provided that", "if"), so the reader loses the main rule among
them. Each marker in the spec's entries counts once per occurrence; an entry
with `pos` counts only with that part of speech ("if" as a conjunction)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from plainlint.document import Document, Finding
from plainlint.language.quotes import QuotedSpans
from plainlint.language.text import parsed_sentences

if TYPE_CHECKING:  # spaCy is imported only by the NLP pass that parses
    from spacy.tokens import Span


@dataclass(frozen=True)
class Marker:
    words: tuple[str, ...]
    pos: str | None


def check(
    document: Document, rule, options: Mapping[str, Any], markers: dict[str, tuple[Marker, ...]]
) -> Iterator[Finding]:
    limit = options["max-conditions"]
    for block in document.language_blocks():
        doc = block.parsed
        if doc is None:
            continue
        quoted = QuotedSpans.of(block, options["skip-quoted"])
        for sentence in parsed_sentences(block):
            found = [m for m in _found(sentence, markers) if doc[m[0]].idx not in quoted]
            if len(found) <= limit:
                continue
            listed = ", ".join(f'"{" ".join(words)}"' for _, words in found)
            yield rule.finding(
                block,
                sentence.start_char,
                sentence.end_char,
                f"sentence has {len(found)} exceptions and conditions ({listed}); state the main rule "
                "first, then the conditions, or list them",
            )


_WORDS = re.compile(r"[^\W_]+")


def may_hold(block, sentence, options: Mapping[str, Any], markers: dict[str, tuple[Marker, ...]]) -> bool:
    """More first words of markers than `max-conditions`: the count of
    markers found on the tags can be no higher."""
    words = _WORDS.findall(sentence.text.lower())
    return sum(word in markers for word in words) > options["max-conditions"]


def _found(sentence: Span, markers: dict[str, tuple[Marker, ...]]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(token index, words) of each marker, longest match first, none overlapping."""
    doc = sentence.doc
    position = sentence.start
    while position < sentence.end:
        token = doc[position]
        for marker in markers.get(token.lower_, ()):
            words = [t.lower_ for t in doc[position : min(position + len(marker.words), sentence.end)]]
            if tuple(words) == marker.words and (marker.pos is None or token.pos_ == marker.pos):
                if not _named_or_liable(doc, position + len(marker.words), marker.words, sentence.end):
                    yield position, marker.words
                position += len(marker.words)
                break
        else:
            position += 1


#: What follows a marker that is named, not used: a comma or the end of a
#: list ("words such as unless, except, notwithstanding"), "to" ("use if
#: to introduce a condition"), or a hyphen ("an if-then table").
_NAMED_BEFORE = frozenset({",", ";", ")", ".", ":", "and", "or", "to", "”", '"', "’", "-", "‐", "–"})
#: "subject to a penalty", "subject to tax": liable to, not a condition.
_LIABLE_TO = frozenset({"a", "an", "tax", "taxes", "penalty", "penalties", "withholding", "backup", "fines", "audit"})


def _named_or_liable(doc, after: int, words: tuple[str, ...], end: int) -> bool:
    following = doc[after].lower_ if after < end else "."
    return following in _NAMED_BEFORE or (words == ("subject", "to") and following in _LIABLE_TO)


def prepare(data: Mapping[str, Any], options: Mapping[str, Any]) -> dict[str, tuple[Marker, ...]]:
    """The markers by their first word, longest first."""
    by_first: dict[str, list[Marker]] = {}
    for entry in data["entries"]:
        words = tuple(entry["match"].split())
        by_first.setdefault(words[0], []).append(Marker(words, entry.get("pos")))
    return {k: tuple(sorted(v, key=lambda m: len(m.words), reverse=True)) for k, v in by_first.items()}
