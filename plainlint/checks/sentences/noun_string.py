"""PL220: noun strings, nouns stacked as modifiers of the last one
("underground mine worker safety protection procedures").

The tagger's parts of speech decide what a noun is. A hyphenated compound
is one word, and a noun only if every part is one ("note-taker", but not
"small-quantity" or "180-day", which work as adjectives). Proper nouns are
not counted: a reader takes a name ("Social Security Administration") as one
unit, so the guidelines' own example "National Highway Traffic Safety
Administration's automobile seat belt interlock rule" is a string of five,
and title-case headings, which the tagger reads as names, stay quiet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from plainlint.document import PLACEHOLDER, Block, Document, Finding
from plainlint.language.quotes import QuotedSpans, is_listed_term

if TYPE_CHECKING:  # spaCy is imported only by the NLP pass that parses
    from spacy.tokens import Doc, Token

_NOUNS = ("NOUN", "PROPN")


@dataclass(frozen=True)
class Word:
    """One word as a reader sees it: tokens joined by hyphens."""

    start: int  # first token index
    end: int  # last token index + 1
    noun: bool
    proper: bool


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    limit = options["max-nouns"]
    for block in document.language_blocks():
        doc = block.parsed
        if doc is None or not _may_hold_string(doc, limit):
            continue
        if options["skip-quoted"] and is_listed_term(block):
            continue  # an example in a table of noun strings to avoid
        quoted = QuotedSpans.of(block, options["skip-quoted"])
        for chain in _noun_chains(block, doc):
            count = sum(1 for word in chain if not word.proper)
            first, last = doc[chain[0].start], doc[chain[-1].end - 1]
            if count <= limit or first.idx in quoted:
                continue
            span = doc[first.i : last.i + 1]
            yield rule.finding(
                block,
                span.start_char,
                span.end_char,
                f'{count} nouns in a row: "{span.text}"; unpack them with verbs and prepositions '
                f"(more than {limit} is hard to follow)",
            )


#: Words and marks a noun string cannot run through: common function words
#: in lower case (the tagger never calls them nouns) and punctuation that
#: parts phrases. Other marks (".", "'", "&", "/") may sit inside a name.
_BREAKS = frozenset(
    "the a an of to and or in on at by for with from as is are was were be been being has have had "
    "do does did will would can could may might must shall should that this these those which who "
    "whom whose it its they them their we our you your he she his her not no if but than then so "
    "about above across after against along among around before behind below beneath beside between beyond "
    "during except into onto since through throughout toward towards under until upon within without "
    "i me my mine us ours him hers yours theirs what when where why how there here also very too only "
    "each every all any both either neither some such "
    ", ; : ( ) [ ] { } \" “ ” ! ? …".split()
)
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


def may_hold(block: Block, sentence, options: Mapping[str, Any]) -> bool:
    """Whether `sentence` has a run of more than `max-nouns` words with no
    function word or phrase-breaking mark between them: a noun string's
    words can be no fewer."""
    limit, run = options["max-nouns"], 0
    for token in _TOKEN.findall(sentence.text):
        if token in _BREAKS or (token.istitle() and token.lower() in _BREAKS):  # "The", not "US"
            run = 0
        elif token[0].isalnum():
            run += 1
            if run > limit:
                return True
    return False


def _may_hold_string(doc: Doc, limit: int) -> bool:
    """A test on the tags alone, before any Token is built: does some run of
    noun tokens (hyphens between them allowed) hold more than `limit`? A
    string's noun count can be no higher."""
    from spacy.symbols import NOUN, PROPN

    hyphen = doc.vocab.strings["-"]
    run = 0
    for pos, orth in doc.to_array(["POS", "ORTH"]).tolist():
        if pos == NOUN or pos == PROPN:
            run += 1
            if run > limit:
                return True
        elif orth != hyphen:
            run = 0
    return False


def _noun_chains(block: Block, doc: Doc) -> Iterator[list[Word]]:
    """Maximal runs of adjacent nouns."""
    chain: list[Word] = []
    for word in _words(block, doc):
        if word.noun:
            chain.append(word)
            continue
        if chain:
            yield chain
        chain = []
    if chain:
        yield chain


def _words(block: Block, doc: Doc) -> Iterator[Word]:
    tokens = list(doc)  # indexing a Doc builds a new Token each time
    index = 0
    while index < len(tokens):
        end = index + 1
        while (
            end + 1 < len(tokens)
            and tokens[end].text == "-"
            and not tokens[end - 1].whitespace_
            and not tokens[end].whitespace_
        ):
            end += 2
        parts = tokens[index:end:2]
        noun = all(_is_noun(block, part) for part in parts)
        yield Word(index, end, noun, all(t.pos_ == "PROPN" for t in parts))
        index = end


def _is_noun(block: Block, token: Token) -> bool:
    """A noun of two letters or more that is not a placeholder for code or a
    URL. A single letter is a list letter or a form's spaced-out capitals
    ("C L E A R L Y"), not a word."""
    return token.pos_ in _NOUNS and len(token.text) > 1 and token.text.isalpha() and block.text[token.idx] != PLACEHOLDER
