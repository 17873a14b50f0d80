"""PL406 and PL407: asking for a date so that people get it right first time.

PL406: a date typed into a plain box with no hint of the format, or a hint
whose example (01/02/2025) reads as two different dates.
PL407: a memorable date (a date of birth, a passport's issue date) asked for
in one box, where separate day, month and year boxes are the convention.

Which fields are dates, and which dates are memorable, come from the words
in each rule's spec; the format patterns are in PL406's spec.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import Document, Finding, FormField, Suggestion
from plainlint.forms.fields import fillable_fields
from plainlint.forms.purpose import (
    Phrases,
    date_part,
    field_title,
    purpose_sources,
    spec_entries,
)

#: Kinds a date may be typed into. "date" is a native HTML date input or a
#: Word date field or content control.
_DATE_KINDS = frozenset({"text", "date"})
#: A numeric example date: 01/02/2025, 1.2.25, 27 3 2024 (spaces need a
#: four-digit year, or any three numbers would do).
_EXAMPLE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-]| )(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])")
#: Word's date format codes ("dddd, MMMM d, yyyy"), and how a hint says them.
_WORD_CODE = re.compile(r"d+|M+|y+")
_WORD_SHOWN = {"d": ("DD", "Weekday"), "M": ("MM", "Month"), "y": ("YY", "YYYY")}


def _is_date(field: FormField, document: Document, phrases: Phrases) -> bool:
    """A date box: a date input or Word date field, one box of a day/month/year
    group, or a text box whose words say date."""
    if field.kind == "date" or (date_part(field) and field.group):
        return True
    return field.kind in _DATE_KINDS and _word_kind(field, document, phrases) == "date-word"


def _word_kind(field: FormField, document: Document, phrases: Phrases) -> str | None:
    """The kind of the spec entry whose phrase best names the field (the
    printed label counts on PDF and Word forms, where it is what people read)."""
    found = phrases.best(purpose_sources(field, include_nearby=document.format != "html"))
    return found.entry.get("kind") if found else None


def _hint_texts(field: FormField) -> list[str]:
    """Every text that could show the format: what the field is called, its
    hints (tied or only shown beside it), tooltip and printed label."""
    texts = [field.label, field.hint, field.tooltip, field.nearby_text]
    texts += [field.attrs.get(key) for key in ("group_hint", "placeholder")]
    texts += [hint.get("text") for hint in field.attrs.get("adjacent_hints") or () if isinstance(hint, Mapping)]
    return [text for text in texts if isinstance(text, str) and text.strip()]


def format_hint(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    """PL406 date-format-hint."""
    if not document.fields:
        return  # no form here: skip building the phrase lists
    phrases = Phrases(spec_entries(rule, "kind", "date-word") + spec_entries(rule, "kind", "not-date"))
    formats = [
        (re.compile(entry["pattern"], re.I), bool(entry.get("spells-order")))
        for entry in spec_entries(rule, "kind", "format")
    ]
    reported: set[tuple[str, str]] = set()
    for field in fillable_fields(document):
        if not _is_date(field, document, phrases):
            continue
        texts = _hint_texts(field)
        native = document.format == "html" and field.kind == "date"  # the browser sets the format
        if not native and not date_part(field) and not any(p.search(t) for p, _ in formats for t in texts):
            yield rule.finding_on_field(
                field,
                f'The date field "{field_title(field)}" does not show the format to use: people have to '
                "guess the order of day, month and year",
                [Suggestion(f"{field_title(field)} ({_format_for(field, options)})", "advisory")],
            )
        if options["check-examples"]:
            yield from _ambiguous_examples(field, texts, formats, reported, rule)


def _format_for(field: FormField, options: Mapping[str, Any]) -> str:
    """The format hint to suggest: the Word field's own format when it has
    one, else the configured one."""
    word_format = field.attrs.get("format")
    if not isinstance(word_format, str) or not word_format.strip():
        return options["format-hint"]
    return _WORD_CODE.sub(lambda code: _WORD_SHOWN[code[0][0]][len(code[0]) > 2], word_format)


def _ambiguous_examples(field, texts, formats, reported: set, rule) -> Iterator[Finding]:
    """An example like 01/02/2025 (day and month both 12 or under) that
    does not spell out the order next to it: half the readers see the
    wrong date. One finding per example, however many boxes share it."""
    for text in texts:
        if any(pattern.search(text) for pattern, spells in formats if spells):
            continue
        for match in _EXAMPLE.finditer(text):
            first, second = int(match.group(1)), int(match.group(3))
            key = (match.group(0), text)
            if not (1 <= first <= 12 and 1 <= second <= 12) or key in reported:
                continue
            reported.add(key)
            yield rule.finding_on_field(
                field,
                f'The example date "{match.group(0)}" in "{text}" can be read two ways '
                f"(day {first} of month {second}, or month {first}, day {second})",
                hints=[_CLEAR_EXAMPLE],
            )


_CLEAR_EXAMPLE = "use an example with a day after the 12th, such as 27, or spell out the format"
#: The memorable-date pattern, in each format's terms.
_THREE_BOXES = {
    "html": "ask one question with three boxes labelled Day, Month and Year, grouped in a fieldset",
    "pdf": "use three boxes (or comb fields) labelled Day, Month and Year under the one question",
    "docx": "use three plain-text controls titled Day, Month and Year under the one question",
}


def memorable_single_box(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    """PL407 memorable-date-single-box."""
    if not document.fields:
        return  # no form here: skip building the phrase lists
    phrases = Phrases(spec_entries(rule, "kind", "memorable") + spec_entries(rule, "kind", "not-memorable"))
    for field in fillable_fields(document):
        if field.kind not in _DATE_KINDS or date_part(field) or field.attrs.get("comb"):
            continue
        if field.kind == "date" and not options["date-pickers"]:
            continue
        if _word_kind(field, document, phrases) != "memorable":
            continue
        picker = " in a date picker" if field.kind == "date" else " in one box"
        yield rule.finding_on_field(
            field,
            f'"{field_title(field)}" asks for a memorable date{picker}: people know dates like this '
            "as a day, a month and a year, and type them fastest into three boxes",
            hints=[_THREE_BOXES.get(document.format, _THREE_BOXES["html"])],
        )
