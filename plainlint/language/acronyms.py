"""Acronyms in a document: every use, in reading order, and where each is
defined. Shared by the acronym rules (PL501-PL503) and free of any model.

An acronym is a word of two to eight characters, two or more of them
capitals, perhaps with digits or "&" ("SSA", "W3C", "AT&T"), with an optional
plural "s" ("FAQs"). A form or model number ("SF-424", "COVID-19") is a
name, not an acronym, and so are roman numerals ("Part III"), a domain
("GOV.UK") and the code in a citation ("25 CFR 1.4"). Text in capitals
throughout (a shouted heading) has no acronyms.

A definition is either "Long Name (LN)" or "LN (Long Name)" where the
initials of the long name spell the acronym. Short function words ("of",
"and", "the") may be skipped or supply their letter ("Department of
Defense (DOD)"), and hyphenated or dotted words supply a letter per part
("Small-quantity handlers of universal wastes (SQHUW)", "U.S. Citizenship
and Immigration Services (USCIS)").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from plainlint.document import Block, BlockKind

#: Hyphens and dashes around capitals make them part of an identifier
#: ("2019–NM–035–AD", "FAA-2020-0001"), not a use of an acronym.
_ACRONYM = re.compile(r"(?<![\w&.’'‐‑–-])(?P<key>[A-Z][A-Z0-9&]*[A-Z0-9])(?:s|['’]s)?(?![\w&‐‑–-]|\.\w)")
#: "25 CFR 1.4": a legal citation names a code; it is not a use to define.
_CITATION = re.compile(r"\d\s+$")
_ROMAN = re.compile(r"^[IVX]+$")
#: Two digits in a row make a code, not an acronym: a postcode ("SE23"), a
#: reference number ("HDJ2123F"), a bill ("SB1070").
_CODE = re.compile(r"\d\d")
#: Longer runs of capitals are words set in capitals, not acronyms.
_LONGEST = 8
#: A block of one or two words in capitals with one longer than this is a
#: title set in capitals.
_TITLE_WORD = 5
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’][^\W\d_]+)?")
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
#: Words in capitals in a row inside mixed text are a phrase set in
#: capitals ("PUTTING IN CAPITAL LETTERS", "FEDERAL REGISTER", a name), not
#: acronyms: three or more words, or two of five letters or more. Pairs of
#: short ones ("NASA JPL") stay acronyms.
_CAPITALS_PHRASE = re.compile(
    r"(?<![\w&])(?:[A-Z]+(?:['’][A-Z]+)?[ \t]+){2,}[A-Z]+(?![\w&])"
    r"|(?<![\w&])[A-Z]{5,}[ \t]+[A-Z]{5,}(?![\w&])"
)
#: How many words before "(LN)" may belong to the long name beyond one per letter.
_SLACK = 3
#: The most words of a qualifier ("of the Department of Commerce") between a
#: long name and its "(LN)".
_QUALIFIER_WORDS = 6


@dataclass(frozen=True)
class Use:
    """One occurrence of an acronym. For a definition, `long_form` is the
    spelled-out name and `definition_start`/`definition_end` cover the
    whole "Long Name (LN)" or "LN (Long Name)"."""

    key: str
    block: Block
    start: int
    end: int
    long_form: str | None = None
    definition_start: int = 0
    definition_end: int = 0

    @property
    def is_definition(self) -> bool:
        return self.long_form is not None

    @property
    def in_heading(self) -> bool:
        return self.block.kind in (BlockKind.HEADING, BlockKind.TITLE)


@dataclass
class Acronym:
    key: str
    uses: list[Use]

    @property
    def definition(self) -> Use | None:
        return next((use for use in self.uses if use.is_definition), None)


def find_acronyms(
    blocks: Iterable[Block], skip: Callable[[Block, int], bool] = lambda block, offset: False
) -> dict[str, Acronym]:
    """Every acronym of `blocks`, by key, uses in reading order; `skip(block,
    offset)` leaves out uses the caller does not want (quoted text)."""
    found: dict[str, Acronym] = {}
    for block in blocks:
        if _shouting(block.text):
            continue
        for use in _uses(block):
            if use.is_definition or not skip(block, use.start):  # 'marked "RC" (required for compliance)'
                found.setdefault(use.key, Acronym(use.key, [])).uses.append(use)
    return found


def _uses(block: Block) -> Iterator[Use]:
    text = block.text
    phrases = [match.span() for match in _CAPITALS_PHRASE.finditer(text)]
    for match in _ACRONYM.finditer(text):
        key = match.group("key")
        start, end = match.span("key")
        if _not_an_acronym(key, text[max(start - 12, 0) : start]):
            continue
        if any(first <= start < last for first, last in phrases):
            continue
        yield _as_definition(block, key, start, end) or Use(key, block, start, end)


def _not_an_acronym(key: str, before: str) -> bool:
    """A single capital with digits ("W2"), a word in capitals too long for
    an acronym ("CONTRIBUTING"), a roman numeral, a code with numbers in it,
    or the code of a citation."""
    if sum(c.isupper() for c in key) < 2 or len(key) > _LONGEST:
        return True
    return bool(_ROMAN.match(key) or _CODE.search(key) or _CITATION.search(before))


def _as_definition(block: Block, key: str, start: int, end: int) -> Use | None:
    text = block.text
    letters = "".join(c.lower() for c in key if c.isalpha())
    inside = re.match(r"[\"”’']?\s*\(([^()]{3,120})\)", text[end:])
    if inside and not re.search(r"[A-Z]{2}", inside.group(1)):
        words = list(_WORD.finditer(inside.group(1)))
        if _spells(letters, tuple(w.group() for w in words)):
            offset = end + inside.start(1)
            long_form = text[offset + words[0].start() : offset + words[-1].end()]
            return Use(key, block, start, end, long_form, start, end + inside.end())
    before = re.search(r"\(\s*[\"“]?$", text[:start])
    after = re.match(r"(?:s|['’]s)?[\"”]?\s*\)", text[end:])
    if before is None or after is None:
        # "the Quick Reference Handbook, or QRH"
        before, after = re.search(r",?\s+or\s+[\"“]?$", text[:start]), re.match(r"(?:s|['’]s)?[\"”]?", text[end:])
    if before is None or after is None:
        return None
    words = list(_WORD.finditer(text[: before.start()]))
    for last in _name_ends(words):
        chosen_from = words[: last + 1][-(len(letters) + _SLACK) :]
        for first in range(len(chosen_from)):
            chosen = chosen_from[first:]
            if chosen[0].group().lower() in _SMALL_WORDS:
                continue
            if _spells(letters, tuple(w.group() for w in chosen)):
                long_form = text[chosen[0].start() : chosen[-1].end()]
                return Use(key, block, start, end, long_form, chosen[0].start(), end + after.end())
    return None


def _name_ends(words: list[re.Match]) -> Iterator[int]:
    """Where the long name before "(LN)" may end: at the last word, or
    before a qualifier of capitalised words after "of the" ("National
    Telecommunications and Information Administration of the Department of
    Commerce (NTIA)")."""
    if not words:
        return
    yield len(words) - 1
    tail = [w.group() for w in words[-_QUALIFIER_WORDS:]]
    for index in range(len(tail) - 2, 0, -1):
        qualifier = tail[index:]
        if qualifier[0].lower() == "of" and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in qualifier[1:]):
            yield len(words) - len(qualifier) - 1


@cache
def _spells(letters: str, words: tuple[str, ...]) -> bool:
    """Do the initials of `words` spell `letters`, using every word, where a
    short function word may also be skipped? (Hyphens and periods already
    split words: "Small-quantity" and "U.S." are two words each.)"""

    @cache
    def match(letter: int, index: int) -> bool:
        if index == len(words):
            return letter == len(letters)
        word = words[index].lower()
        if letter < len(letters) and word[0] == letters[letter] and match(letter + 1, index + 1):
            return True
        return word in _SMALL_WORDS and match(letter, index + 1)

    return bool(words) and match(0, 0)


def _shouting(text: str) -> bool:
    """Mostly capitals ("NOTICE OF PROPOSED RULEMAKING"), or a title or a
    label of words in capitals ("FEDERAL REGISTER", "INVOICE", "USE:"): no
    acronyms here."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    if len(words) >= 3:
        return sum(w.isupper() for w in words) * 2 >= len(words)
    long_or_label = any(len(w) > _TITLE_WORD for w in words) or text.rstrip().endswith(":")
    return bool(words) and all(w.isupper() for w in words) and long_or_label
