"""Which form fields ask for sensitive personal data, and what kind.

Shared by PL408 (review each kind of sensitive data a form asks for) and
PL412 (a federal form that asks for it needs a Privacy Act statement). The
vocabulary is data, `rules/vocab/sensitive-data.yml`: each kind lists the
phrases a person reads beside such a field, the acronyms (matched in their own
case), the words of field names and autocomplete tokens that give it away,
advice, and the source naming it as sensitive.

A field is read the way its filler meets it: its accessible name, tooltip,
hint, group legend and the printed text nearest to it (a PDF's label), plus
its internal name split into words ("alien_re_number" -> "alien re number",
"RoutingNoRules" -> "routing no rules"), because IRS and USCIS forms often
carry no tooltips and only their field names say what they hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from plainlint.document import FormField
from plainlint.forms.fields import excerpt, field_words
from plainlint.language.phrasing import listing


@dataclass(frozen=True)
class SensitiveKind:
    """A row of `rules/vocab/sensitive-data.yml`: one kind of sensitive data
    and how to spot it."""

    #: The key users name in the rules' `kinds` option.
    key: str
    #: How messages name it: "a Social Security number".
    name: str
    #: What the form's owner can do about it: the finding's suggestion.
    advice: str
    #: Matches the words a person reads beside the field: its lowercase
    #: phrases in any case, its acronyms in their own case.
    text: re.Pattern
    #: Matches the words of a field name or autocomplete token.
    names: re.Pattern

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> SensitiveKind:
        texts = [f"(?i:{_phrase_regex(row['phrases'])})"]
        if row.get("acronyms"):
            texts.append(_phrase_regex(row["acronyms"]))
        text = re.compile(rf"(?<![\w-])(?:{'|'.join(texts)})(?![\w-])")
        names = re.compile(rf"\b(?:{_phrase_regex(row['name-words'])})\b")
        return cls(row["key"], row["name"], row["advice"], text, names)


def _phrase_regex(phrases: Iterable[str]) -> str:
    alternatives = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in alternatives)


#: Printed text that is not this box's label: it points at another box
#: ("Enter spouse's SSN above") or gives the value itself ("account number
#: 123 456 789" on an invoice).
_NOT_THIS_BOX = re.compile(r"\s*(?:\(s\))?(?:\s+(?:above|below)\b|\s*[:#]?\s*\d)", re.IGNORECASE)


class SensitiveData:
    """The kinds of sensitive data a rule reports, from the vocabulary's
    rows, in their order."""

    def __init__(self, rows: Iterable[Mapping[str, Any]], keys: Iterable[str] | None = None):
        wanted = set(keys) if keys is not None else None
        self.kinds = tuple(SensitiveKind.from_row(row) for row in rows if wanted is None or row["key"] in wanted)

    def kinds_of(self, field: FormField) -> list[SensitiveKind]:
        """The kinds of sensitive data a field asks for (usually none or one)."""
        own = [text.replace("’", "'") for text in (field.label, field.tooltip, field.hint, field.group) if text]
        nearby = (field.nearby_text or "").replace("’", "'")
        words = " ".join(field_words(part) for part in (field.name, field.autocomplete) if part)
        return [
            kind
            for kind in self.kinds
            if any(kind.text.search(part) for part in own)
            or _asks_here(kind.text, nearby)
            or (words and kind.names.search(words))
        ]

    def fields(self, fields: Iterable[FormField]) -> list[tuple[SensitiveKind, list[FormField]]]:
        """Each kind a form asks for, with the fields that ask for it (a
        field asking for two kinds is under both)."""
        found: dict[str, list[FormField]] = {kind.key: [] for kind in self.kinds}
        for field in fields:
            for kind in self.kinds_of(field):
                found[kind.key].append(field)
        return [(kind, found[kind.key]) for kind in self.kinds if found[kind.key]]


def _asks_here(pattern: re.Pattern, nearby: str) -> bool:
    """Printed text near a box names what it holds, unless it is about
    another box or already holds the value."""
    return any(not _NOT_THIS_BOX.match(nearby, m.end()) for m in pattern.finditer(nearby))


def describe(fields: list[FormField], kind: SensitiveKind, limit: int = 3) -> str:
    """How a message names the questions that ask for `kind`: "'Your social
    security number' (page 1), 'What is your date of birth?'", each by the
    words that asked for it (a date's question, not its "Day" box), or by
    the field's name when only the name gives it away."""
    seen: dict[str, None] = {}
    for field in fields:
        candidates = (field.group, field.label, field.tooltip, field.hint, field.nearby_text)
        words = next((c for c in candidates if c and kind.text.search(c.replace("’", "'"))), None)
        shown = excerpt(words, 60) if words else f"field {field.name or 'without a name'}"
        page = f" (page {field.location.page})" if field.location.page else ""
        seen.setdefault(f"'{shown}'{page}" if words else f"{shown}{page}", None)
    return listing(list(seen), limit)
