"""Words and sentences as a reader counts them, without a language model.

Sentence boundaries come from the rule-based splitter here, with or without
a model: the language pass parses a block sentence by sentence on these
boundaries (only the sentences some rule may find something in), so every
rule sees the same sentences whether the model ran, ran on part of a block,
or did not run at all.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plainlint.document import PLACEHOLDER

if TYPE_CHECKING:  # spaCy is imported only by the language pass that loads it
    from spacy.tokens import Span as SpacySpan

_URL = r"(?:https?://|www\.)\S+"
#: A word is a URL, a placeholder (inline code), an abbreviation with periods
#: ("U.S.", "e.g."), a number such as $1,000.50 or 10%, or a run of letters
#: with inner apostrophes or hyphens ("don't", "well-known").
WORD_RE = re.compile(
    rf"{_URL}|{PLACEHOLDER}+|(?:[^\W\d_]\.){{2,}}|\$?\d(?:[\d,.:/-]*\d)?%?"
    r"|[^\W\d_](?:[\w'’-]*\w)?",
)

#: Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs",
    "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "sec", "fig", "p", "pp", "cf", "al", "ch", "vol", "ed",
}
#: Abbreviations that often end a sentence: their period ends one when a
#: capital follows ("and so on, etc. The next", "at 3 p.m. We").
_FINAL_ABBREVIATIONS = {"etc", "inc", "ltd", "co", "corp", "approx", "dept", "gov", "a.m", "p.m"}
#: A mark, closing quotes or brackets, then a space or the end; or a
#: footnote number after a word's full stop ("corrective action.6 The FAA").
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]*]*(?=\s+|$)|(?<=[^\W\d_]{2})\.\d{1,2}(?=\s+[A-Z])")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def words(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def block_sentences(block) -> tuple[Span, ...]:
    """A block's sentences, computed once."""
    if "sentences" not in block.derived:
        block.derived["sentences"] = tuple(sentences(block.text))
    return block.derived["sentences"]


def sentence_at(block, offset: int) -> Span | None:
    """The sentence of `block` that holds character `offset`."""
    found = block_sentences(block)
    index = bisect.bisect_right([sentence.start for sentence in found], offset) - 1
    return found[index] if index >= 0 and offset < found[index].end else None


def parsed_sentences(block, dependencies: bool = False) -> Iterator[SpacySpan]:
    """A parsed block's sentences as spans of its parse, with the boundaries
    of `block_sentences`: for rules that read the parse sentence by sentence.
    Only the sentences the language pass tagged (or, with `dependencies`,
    parsed) are given; it leaves out those no rule may find anything in."""
    if block.parsed is None:
        return
    for sentence in block_sentences(block):
        span = block.parsed.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None and _annotated(span, dependencies):
            yield span


def _annotated(span: SpacySpan, dependencies: bool) -> bool:
    """A sentence is tagged or parsed as a whole, so its first token tells."""
    return bool(span[0].dep_ if dependencies else span[0].tag_) if len(span) else False


def sentences(text: str) -> list[Span]:
    """Split on ., ! and ? followed by space, except after a known
    abbreviation, an initial ("J. Smith") or before a lowercase word."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if not _ends_sentence(text, match.start(), end):
            continue
        _append(spans, text, start, end)
        start = end
    _append(spans, text, start, len(text))
    return spans


def _ends_sentence(text: str, mark: int, end: int) -> bool:
    """Looks only at the word before the mark and the character after it, so
    splitting a long block costs one pass (not one pass per sentence)."""
    following = _NEXT_CHARACTER.match(text, end)
    next_char = following.group(1) if following else ""
    if text[mark] == ".":
        before = _WORD_BEFORE.search(text, max(mark - _LONGEST_TOKEN, 0), mark)
        token = before.group(1).lower() if before else ""
        if token in ("no", "nos", "pub") or "." in token or (before and before.group(1).istitle() and len(token) <= 4):
            if next_char.isdigit():  # "No. 5", "25 U.S.C. 413", "see Pub. 505", "Vol. 3"; but "said no."
                return False
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False
        if token in _FINAL_ABBREVIATIONS:
            return next_char.isupper() or next_char in "\"“"
    return not next_char or not next_char.islower()


#: The word before a full stop, with its inner stops and apostrophes, so
#: "U.S.C." is one token and "don't" is not the initial "t".
_WORD_BEFORE = re.compile(r"(?<![\w.'’])([\w.'’]+)$")
_NEXT_CHARACTER = re.compile(r"\s*(\S)")
#: Longer than any abbreviation: a token cut here is not one.
_LONGEST_TOKEN = 40


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append(Span(start + lead, start + lead + len(stripped), stripped))
