"""Words and sentences as a reader counts them, without a language model.

The NLP pass gives better sentence boundaries when a parse is available; these
functions are the fallback and the shared definition of what a word is.
"""

from __future__ import annotations

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
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "no", "nos", "vs",
    "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd",
    "co", "corp", "sec", "fig", "approx", "dept", "gov", "p", "pp", "a.m",
    "p.m", "cf", "al", "ch", "vol", "ed",
}
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")


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
    """A block's sentences: spaCy's boundaries when the NLP pass parsed the
    block, else the rule-based splitter below."""
    parsed = block.parsed
    key = "sentences" if parsed is None else f"sentences of parse {id(parsed)}"
    if key not in block.derived:
        if parsed is not None and parsed.has_annotation("SENT_START"):
            block.derived[key] = tuple(
                Span(s.start_char, s.end_char, block.text[s.start_char : s.end_char])
                for s in parsed.sents
                if s.text.strip()
            )
        else:
            block.derived[key] = tuple(sentences(block.text))
    return block.derived[key]


def parsed_sentences(block) -> Iterator[SpacySpan]:
    """A parsed block's sentences as spans of its parse, with the boundaries
    of `block_sentences`: for rules that read the parse sentence by sentence."""
    for sentence in block_sentences(block):
        span = block.parsed.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None:
            yield span


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
        if token == "no":  # "No. 5" but "said no."
            return not next_char.isdigit()
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False
    return not next_char or not next_char.islower()


_WORD_BEFORE = re.compile(r"(?<![\w.])([\w.]+)$")
_NEXT_CHARACTER = re.compile(r"\s*(\S)")
#: Longer than any abbreviation: a token cut here is not one.
_LONGEST_TOKEN = 40


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append(Span(start + lead, start + lead + len(stripped), stripped))
