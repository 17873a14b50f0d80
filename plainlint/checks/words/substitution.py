"""Word-list rules: a word or phrase from the spec's `entries` has a plainer
alternative. Matching is whole-word, case-aware (lowercase, Capitalised and
UPPERCASE forms of a lowercase entry; exact case for an entry that has
capitals), spans line breaks, skips quoted text, and the suggestion keeps the
original's capitalisation.

An entry names either the exact words (`match`) or a verb (`lemma`), whose
every form is found and answered in the same form ("commencing" ->
"starting"). Two conditions make an entry context-aware:

- `pos`: the part of speech the first word must have ("address" the verb,
  not the noun). It needs the tagger; without a model such entries are
  left out rather than guessed.
- `unless`: words that, in the same sentence, show the accepted sense
  ("agenda" unless it is for a meeting).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from plainlint.document import Block, Document, Finding, Suggestion
from plainlint.language.inflect import (
    BASE,
    PAST,
    PAST_PARTICIPLE,
    PRESENT_PARTICIPLE,
    THIRD_PERSON,
    inflect,
)
from plainlint.language.phrasing import article_for, match_case
from plainlint.language.quotes import QuotedSpans, is_listed_term
from plainlint.language.text import Span, sentence_at

#: The verb forms a `lemma` entry is found in, by Penn tag.
_VERB_FORMS = (BASE, THIRD_PERSON, PAST, PAST_PARTICIPLE, PRESENT_PARTICIPLE)


@dataclass(frozen=True)
class Entry:
    phrase: str
    replacements: tuple[str, ...]
    source: str
    advisory: bool
    note: str
    #: Universal POS tags the first word must carry (empty: any).
    pos: frozenset[str] = frozenset()
    #: The phrase can end a sentence with its own full stop ("etc."), which
    #: the replacement then keeps.
    closes: bool = False
    #: Replacements after a negative subject ("No person shall" -> "may"),
    #: where the usual ones would reverse the sense ("No person must").
    after_negative: tuple[str, ...] = ()
    #: Words that, in the same sentence, mean the phrase is fine here.
    unless: frozenset[str] = frozenset()
    #: For a verb form that is both past tense and past participle, the
    #: replacements for each ("commenced" -> "began" / "begun").
    by_tag: Mapping[str, tuple[str, ...]] | None = None

    @property
    def exact_case(self) -> bool:
        return self.phrase != self.phrase.lower()

    def replacements_for(self, tag: str | None) -> tuple[str, ...]:
        if not self.by_tag:
            return self.replacements
        if tag in self.by_tag:
            return self.by_tag[tag]
        return tuple(dict.fromkeys(r for options in self.by_tag.values() for r in options))


def check(document: Document, rule, options: Mapping[str, Any], phrases: Phrases) -> Iterator[Finding]:
    pattern, lookup, first_words = phrases
    for block in document.language_blocks():
        if options.get("skip-quoted", True) and is_listed_term(block):
            continue
        quoted = QuotedSpans.of(block, options.get("skip-quoted", True))
        for match in _matches(pattern, first_words, block.text, _block_word_starts(block)):
            found = match.group()
            if match.start() in quoted or _named_in_brackets(block.text, match.start(), match.end()):
                continue
            token = _first_token(block, match.start())
            entry = next(
                (
                    entry
                    for entry in lookup.get(_normal(found), ())
                    if _case_matches(found, entry) and _fits_context(entry, block, match.start(), token)
                ),
                None,
            )
            if entry is None:
                continue
            tag = token.tag_ if token is not None else None
            negative = bool(entry.after_negative) and _after_negative(block.text, match.start())
            uses = entry.after_negative if negative else entry.replacements_for(tag)
            replacements = [match_case(found, text) for text in uses]
            start, end, replacements = _fit_to_context(block.text, match.start(), match.end(), replacements, entry.closes)
            safe = len(replacements) == 1 and not entry.advisory
            yield rule.finding(
                block,
                start,
                end,
                _message(found, *((entry.after_negative, "") if negative else (entry.replacements, entry.note))),
                [Suggestion(text, "safe" if safe else "advisory") for text in replacements],
            )


def may_hold(block: Block, sentence: Span, options: Mapping[str, Any], phrases: Phrases) -> bool:
    """Whether the tagger can change a finding in `sentence`: a phrase the
    check finds in the block starts in it, and its entry asks for a part of
    speech or answers by verb form (the check reads the tag of the token
    the phrase starts at)."""
    starts = _tag_sensitive_starts(block, phrases)
    at = bisect.bisect_left(starts, sentence.start)
    return at < len(starts) and starts[at] < sentence.end


def _tag_sensitive_starts(block: Block, phrases: Phrases) -> list[int]:
    """Where the block's tag-sensitive phrases start, found as `check`
    finds them, once per block for each rule's phrases."""
    key = ("tag-sensitive starts", id(phrases))
    if key not in block.derived:
        pattern, lookup, first_words = phrases
        block.derived[key] = [
            match.start()
            for match in _matches(pattern, first_words, block.text, _block_word_starts(block))
            if any(entry.pos or entry.by_tag for entry in lookup.get(_normal(match.group()), ()))
        ]
    return block.derived[key]


def _after_negative(text: str, start: int) -> bool:
    before = text[max(start - _SUBJECT_REACH, 0) : start]
    clause = _CLAUSE_BREAK.match(before)
    return bool(_NEGATIVE_WORD.search(before, clause.end() if clause else 0))


def _named_in_brackets(text: str, start: int, end: int) -> bool:
    """'the Latin abbreviation for "for example" (e.g.)': a phrase that is
    all a pair of brackets holds is named, not used."""
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"


def _first_token(block: Block, start: int):
    """The parsed token at `start`, when the NLP pass tagged this block."""
    doc = block.parsed
    if doc is None or not doc.has_annotation("TAG"):
        return None
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _fits_context(entry: Entry, block: Block, start: int, token) -> bool:
    if entry.pos and (token is None or token.pos_ not in entry.pos):
        return False
    if entry.unless:
        sentence = sentence_at(block, start)
        context = sentence.text if sentence is not None else block.text
        words = {word.lower() for word in re.findall(r"[^\W\d_]+", context)}
        if words & entry.unless:
            return False
    return True


def entries_from_spec(raw_entries: list[Mapping[str, Any]]) -> list[Entry]:
    """One Entry per phrase to look for: each `match` phrase, or each form
    of a `lemma` verb with its replacements in the same form."""
    entries = []
    for raw in raw_entries:
        uses = tuple(_as_list(raw["use"]))
        common = {
            "source": raw["source"],
            "advisory": raw.get("advisory", False),
            "note": raw.get("note", ""),
            "closes": raw.get("closes", False),
            "after_negative": tuple(_as_list(raw.get("after-negative", []))),
            "pos": frozenset(_as_list(raw.get("pos", []))),
            "unless": frozenset(word.lower() for word in _as_list(raw.get("unless", []))),
        }
        if "lemma" in raw:
            entries.extend(_verb_form_entries(" ".join(raw["lemma"].split()), uses, common))
            continue
        for phrase in _as_list(raw["match"]):
            entries.append(Entry(phrase=" ".join(phrase.split()), replacements=uses, **common))
    return entries


def _verb_form_entries(lemma: str, uses: tuple[str, ...], common: dict) -> list[Entry]:
    by_form: dict[str, dict[str, tuple[str, ...]]] = {}
    for tag in _VERB_FORMS:
        form = inflect(lemma, tag)
        by_form.setdefault(form, {})[tag] = tuple(inflect(use, tag) if use else use for use in uses)
    entries = []
    for form, by_tag in by_form.items():
        distinct = set(by_tag.values())
        first = next(iter(by_tag.values()))
        entries.append(
            Entry(phrase=form, replacements=first, by_tag=by_tag if len(distinct) > 1 else None, **common)
        )
    return entries


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


#: A word as the matcher's boundaries see it; phrases are looked up by the
#: first such word, so the big pattern is only tried where one could start.
_WORD = re.compile(r"[^\W\d_][\w'’-]*")

#: One pattern for every phrase, the entries for each phrase (more than one
#: when they differ by part of speech), and the first words phrases start
#: with (None when some phrase does not start with a word).
Phrases = tuple[re.Pattern, dict[str, list[Entry]], frozenset[str] | None]


def prepare(data: Mapping[str, Any], options: Mapping[str, Any]) -> Phrases:
    lookup: dict[str, list[Entry]] = {}
    for entry in entries_from_spec(data["entries"]):
        lookup.setdefault(_normal(entry.phrase), []).append(entry)
    phrases = sorted(lookup, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, p.split(" "))) for p in phrases)
    pattern = re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])", re.IGNORECASE)
    starts = [_WORD.match(phrase) for phrase in phrases]
    first_words = None if None in starts else frozenset(start.group() for start in starts)
    return pattern, lookup, first_words


def _matches(
    pattern: re.Pattern, first_words: frozenset[str] | None, text: str, starts: WordStarts | None = None
) -> Iterator[re.Match]:
    """What `pattern.finditer(text)` finds, trying the pattern only at words
    that begin some phrase (a long alternation is slow to scan with).
    `starts`: the text's `word_starts`, when the caller keeps them."""
    if first_words is None:
        yield from pattern.finditer(text)
        return
    starts = word_starts(text) if starts is None else starts
    if starts is None:  # lower-casing changes the length ("İ"): normalise word by word
        positions = [word.start() for word in _WORD.finditer(text) if _normal(word.group()) in first_words]
    else:
        positions = sorted(position for word in starts.keys() & first_words for position in starts[word])
    resume = 0
    for position in positions:
        if position < resume:
            continue
        match = pattern.match(text, position)
        if match is not None:
            resume = match.end()
            yield match


WordStarts = dict[str, list[int]]


def word_starts(text: str) -> WordStarts | None:
    """Where each word of `text` starts, by its lower-cased form: the word
    rules that share a block look their first words up in it by set
    intersection. None when lower-casing changes the text's length."""
    lowered = text.lower().replace("’", "'")
    if len(lowered) != len(text):
        return None
    starts: WordStarts = {}
    for word in _WORD.finditer(lowered):
        starts.setdefault(word.group(), []).append(word.start())
    return starts


def _block_word_starts(block: Block) -> WordStarts | None:
    if "word starts" not in block.derived:
        block.derived["word starts"] = word_starts(block.text)
    return block.derived["word starts"]


def _normal(text: str) -> str:
    return " ".join(text.split()).lower().replace("’", "'")


def _case_matches(found: str, entry: Entry) -> bool:
    flat = " ".join(found.split()).replace("’", "'")
    if entry.exact_case:
        return flat == entry.phrase
    return flat in (entry.phrase, entry.phrase.upper(), entry.phrase[0].upper() + entry.phrase[1:])


#: A negative subject earlier in the same sentence ("No person", "Neither
#: party", "nothing in this part"), looked for in the few hundred characters
#: before the match, so that a long block costs no more than a short one.
_NEGATIVE_WORD = re.compile(r"(?<![\w'’-])(?:no|neither|nothing|none|nobody)\s", re.I)
_CLAUSE_BREAK = re.compile(r".*[.!?;:]\s", re.S)
_SUBJECT_REACH = 300
_SENTENCE_END = re.compile(r"\s*(?:$|\s[A-Z])")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(an?|An?|AN?) $")
def _fit_to_context(
    text: str, start: int, end: int, replacements: list[str], closes: bool
) -> tuple[int, int, list[str]]:
    """Widen the span so applying a replacement leaves correct text: take in a
    preceding "a"/"an" when the replacement needs the other article, and one
    neighbouring space when the replacement is a deletion. The full stop of
    an abbreviation that ends the sentence ("... a statement, etc.") stays."""
    if closes and text[end - 1 : end] == "." and _SENTENCE_END.match(text, end):
        replacements = [r if not r or r.endswith(".") else f"{r}." for r in replacements]
    if "" not in replacements:
        article = _ARTICLE_BEFORE.search(text, max(start - 4, 0), start)  # "an " at most, and what precedes it
        if article and any(article_for(r) != article.group(1).lower() for r in replacements):
            start = article.start()
            replacements = [f"{match_case(article.group(1), article_for(r))} {r}" for r in replacements]
    elif "" in replacements:
        if text[end : end + 1] == " ":
            end += 1
        elif text[start - 1 : start] == " ":
            start -= 1
    return start, end, replacements


def _message(found: str, replacements: tuple[str, ...], note: str) -> str:
    flat = " ".join(found.split())
    alternatives = [f'"{match_case(found, r)}"' for r in replacements if r]
    if not alternatives:
        advice = "leave it out"
    elif len(alternatives) == 1:
        advice = f"use {alternatives[0]}"
    else:
        advice = "use " + ", ".join(alternatives[:-1]) + f" or {alternatives[-1]}"
    note = f" ({note})" if note else ""
    return f'"{flat}": {advice}{note}'
