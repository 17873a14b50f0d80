"""Word-list rules: a word or phrase from the spec's `entries` has a plainer
alternative. Matching is whole-word, case-aware (lowercase, Capitalised and
UPPERCASE forms of a lowercase entry; exact case for an entry that has
capitals), spans line breaks, skips quoted text, and the suggestion keeps the
original's capitalisation."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from plainlint.document import Document, Finding, Suggestion

_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|“[^”]{1,300}”")


@dataclass(frozen=True)
class Entry:
    phrase: str
    replacements: tuple[str, ...]
    source: str
    advisory: bool
    note: str

    @property
    def exact_case(self) -> bool:
        return self.phrase != self.phrase.lower()


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    pattern, lookup = _compile(rule.data)
    for block in document.blocks:
        quoted = _quoted_spans(block.text) if options.get("skip-quoted", True) else []
        for match in pattern.finditer(block.text):
            found = match.group()
            entry = lookup.get(_normal(found))
            if entry is None or not _case_matches(found, entry):
                continue
            if any(start <= match.start() < end for start, end in quoted):
                continue
            replacements = [match_case(found, text) for text in entry.replacements]
            start, end, replacements = _fit_to_context(block.text, match.start(), match.end(), replacements)
            safe = len(replacements) == 1 and not entry.advisory
            yield rule.finding(
                block,
                start,
                end,
                _message(found, entry),
                [Suggestion(text, "safe" if safe else "advisory") for text in replacements],
            )


def entries_from_spec(raw_entries: list[Mapping[str, Any]]) -> list[Entry]:
    entries = []
    for raw in raw_entries:
        matches = raw["match"] if isinstance(raw["match"], list) else [raw["match"]]
        uses = raw["use"] if isinstance(raw["use"], list) else [raw["use"]]
        for phrase in matches:
            entries.append(
                Entry(
                    phrase=" ".join(phrase.split()),
                    replacements=tuple(uses),
                    source=raw["source"],
                    advisory=raw.get("advisory", False),
                    note=raw.get("note", ""),
                )
            )
    return entries


#: Compiled patterns by the identity of the rule's data (rules live for the
#: whole process; the data object is kept alongside so its id stays unique).
_COMPILED: dict[int, tuple[Mapping, re.Pattern, dict[str, Entry]]] = {}


def _compile(data: Mapping[str, Any]) -> tuple[re.Pattern, dict[str, Entry]]:
    cached = _COMPILED.get(id(data))
    if cached is None or cached[0] is not data:
        lookup = {_normal(entry.phrase): entry for entry in entries_from_spec(data["entries"])}
        phrases = sorted(lookup, key=len, reverse=True)
        alternation = "|".join(r"\s+".join(map(re.escape, p.split(" "))) for p in phrases)
        pattern = re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])", re.IGNORECASE)
        cached = _COMPILED[id(data)] = (data, pattern, lookup)
    return cached[1], cached[2]


def _normal(text: str) -> str:
    return " ".join(text.split()).lower().replace("’", "'")


def _case_matches(found: str, entry: Entry) -> bool:
    flat = " ".join(found.split()).replace("’", "'")
    if entry.exact_case:
        return flat == entry.phrase
    return flat in (entry.phrase, entry.phrase.upper(), entry.phrase[0].upper() + entry.phrase[1:])


def match_case(original: str, replacement: str) -> str:
    """Carry the original's capitalisation over to the replacement."""
    if not replacement:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[:1].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(an?|An?|AN?) $")
#: Words whose spelling misleads the a/an choice.
_AN_DESPITE_CONSONANT = ("hour", "honest", "honor", "honour", "heir")
_A_DESPITE_VOWEL = ("one", "once", "use", "usual", "user", "uni", "euro", "eu")


def article_for(word: str) -> str:
    lower = word.lower()
    if lower.startswith(_AN_DESPITE_CONSONANT):
        return "an"
    if lower.startswith(_A_DESPITE_VOWEL):
        return "a"
    return "an" if lower[:1] in "aeiou" else "a"


def _fit_to_context(text: str, start: int, end: int, replacements: list[str]) -> tuple[int, int, list[str]]:
    """Widen the span so applying a replacement leaves correct text: take in a
    preceding "a"/"an" when the replacement needs the other article, and one
    neighbouring space when the replacement is a deletion."""
    if "" not in replacements:
        article = _ARTICLE_BEFORE.search(text[:start])
        if article and any(article_for(r) != article.group(1).lower() for r in replacements):
            start = article.start()
            replacements = [f"{match_case(article.group(1), article_for(r))} {r}" for r in replacements]
    elif "" in replacements:
        if text[end : end + 1] == " ":
            end += 1
        elif text[start - 1 : start] == " ":
            start -= 1
    return start, end, replacements


def _message(found: str, entry: Entry) -> str:
    flat = " ".join(found.split())
    alternatives = [f'"{match_case(found, r)}"' for r in entry.replacements if r]
    if not alternatives:
        advice = "leave it out"
    elif len(alternatives) == 1:
        advice = f"use {alternatives[0]}"
    else:
        advice = "use " + ", ".join(alternatives[:-1]) + f" or {alternatives[-1]}"
    note = f" ({entry.note})" if entry.note else ""
    return f'"{flat}": {advice}{note}'


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
