"""What a form field asks for, read from the words people and code use for it.

A field says what it wants in its label ("Email address"), its name or id
(`emailAddress`, `Line3_ZipCode[0]`) and its group's question ("What is your
date of birth?"). The PL4xx rules that recognise a purpose (an email box, a
date of birth, a postcode) normalise those words the same way here and look
up phrases from their own spec's word lists, longest phrase first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from plainlint.document import FormField
from plainlint.forms.fields import excerpt, field_words, shown_label

#: A PDF field's full name is a path: "form1[0].#subform[0].Date_of_Birth[0]".
_INDEX = re.compile(r"\[\d+\]")
#: Names an extractor makes up for controls that have none ("text#3").
_GENERATED = re.compile(r"^[a-z-]+#\d+$")
#: Required and optional markers, which say nothing about the purpose.
_MARKERS = re.compile(r"\*|\((?:required|optional|mandatory)\)", re.I)
#: Labels longer than this are questions with instructions, where any word
#: may appear; they are matched only as a whole.
_SHORT_LABEL = 8
_DATE_PARTS = frozenset({"day", "month", "year"})


def field_title(field: FormField) -> str:
    """How a message names a field: the words beside it, else its name,
    shortened when a tooltip runs to a paragraph."""
    return excerpt(shown_label(field) or field.label or field.name or "", 60) or "(unnamed field)"


def spec_entries(rule, key: str, value: Any = None) -> list[Mapping[str, Any]]:
    """The entries of a rule's spec that have `key` (equal to `value`, if given)."""
    entries = rule.data.get("entries") or ()
    return [e for e in entries if key in e and (value is None or e[key] == value)]


def label_words(text: str | None) -> str:
    return field_words(_MARKERS.sub(" ", text or ""))


def machine_words(field: FormField) -> list[str]:
    """The words of a field's name (its last part, for a PDF path) and of its
    HTML id, leaving out names the extractor made up."""
    found = []
    for raw in (field.name, field.attrs.get("id")):
        if not isinstance(raw, str) or _GENERATED.match(raw):
            continue
        last = _INDEX.sub("", raw).rstrip(".").rsplit(".", 1)[-1]
        text = field_words(last)
        if text and text not in found:
            found.append(text)
    return found


def date_part(field: FormField) -> str | None:
    """"day", "month" or "year" when the field is one box of a split date:
    its label is that word alone, or its name ends with it (dob-day)."""
    label = label_words(field.label)
    if label in _DATE_PARTS:
        return label
    for text in machine_words(field):
        last = text.rsplit(" ", 1)[-1]
        if last in _DATE_PARTS and text != last:
            return last
    return None


@dataclass(frozen=True)
class Match:
    """A phrase found, and the spec entry that lists it."""

    phrase: str
    entry: Mapping[str, Any]


class Phrases:
    """A spec's phrases, looked up as whole words. Each entry lists `match`
    phrases (found anywhere in a short label or a name) and `exact` phrases
    (the whole label or name, and nothing else)."""

    def __init__(self, entries: Iterable[Mapping[str, Any]]):
        self.inside: dict[str, Mapping[str, Any]] = {}
        self.whole: dict[str, Mapping[str, Any]] = {}
        for entry in entries:
            for phrase in entry.get("match") or ():
                self.inside.setdefault(field_words(phrase), entry)
            for phrase in entry.get("exact") or ():
                self.whole.setdefault(field_words(phrase), entry)
        self.longest = max((len(p.split()) for p in self.inside), default=0)

    def find(self, text: str, whole_only: bool = False) -> Match | None:
        """The longest phrase in normalised `text`."""
        if text in self.whole:
            return Match(text, self.whole[text])
        if whole_only:
            return Match(text, self.inside[text]) if text in self.inside else None
        tokens = text.split()
        for size in range(min(self.longest, len(tokens)), 0, -1):
            for start in range(len(tokens) - size + 1):
                phrase = " ".join(tokens[start : start + size])
                if phrase in self.inside:
                    return Match(phrase, self.inside[phrase])
        return None

    def best(self, sources: Sequence[tuple[str, str]]) -> Match | None:
        """The longest phrase found in any of (source, text); on a tie the
        earlier source wins. Long labels match only as a whole."""
        best: Match | None = None
        for source, text in sources:
            found = self.find(text, whole_only=source == "label" and len(text.split()) > _SHORT_LABEL)
            if found and (best is None or len(found.phrase.split()) > len(best.phrase.split())):
                best = found
        return best


def purpose_sources(field: FormField, include_nearby: bool = False) -> list[tuple[str, str]]:
    """The normalised texts that say what a field is for: its label, its
    name and id, and (for a box of a split date, such as "Day") its group's
    question before its own label. `include_nearby` adds the printed text
    beside a PDF field when it has no label of its own."""
    sources = [("label", label_words(field.label))]
    if include_nearby and not field.label:
        sources.append(("label", label_words(field.nearby_text)))
    sources += [("name", text) for text in machine_words(field)]
    if field.group and date_part(field):
        sources.append(("group", label_words(f"{field.group} {field.label or ''}")))
    return [(source, text) for source, text in sources if text]
