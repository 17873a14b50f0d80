"""PL405: radio buttons and check boxes that answer one question but do not
say what it is. A screen reader announces each option ("Yes", "Central
Park") and, only when the group has a name, the question they answer."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import Document, Finding, FormField, Suggestion
from plainlint.forms.fields import fillable_fields
from plainlint.forms.naming import QUESTION_LINES, TextBefore, short_name, usable_words
from plainlint.language.phrasing import listing

_CHOICE_KINDS = ("radio", "checkbox")
_PLURAL = {"radio": "radio buttons", "checkbox": "check boxes"}


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    if document.format == "pdf":
        yield from _pdf_groups(document, rule)
    else:
        yield from _shared_name_groups(document, rule, options["min-options"])


def _pdf_groups(document: Document, rule) -> Iterator[Finding]:
    """A PDF radio group is one field whose buttons are its widgets; its
    tooltip is the group's name. (A tooltip that is only a machine name is
    PL402's finding.)"""
    for field in fillable_fields(document):
        if field.kind != "radio" or (field.tooltip or "").strip():
            continue
        buttons = field.attrs.get("widgets") or len(field.options)
        count = f" ({buttons} button{'s' if buttons != 1 else ''})" if buttons else ""
        message = (
            f"the radio group '{short_name(field, document)}'{count} has no tooltip: a screen reader "
            "announces each button but not the question they answer; put the question in the group's tooltip"
        )
        question = field.attrs.get("question")
        suggestions = [Suggestion(question, "advisory")] if usable_words(question) else []
        yield rule.finding_on_field(field, message, suggestions)


def _shared_name_groups(document: Document, rule, min_options: int) -> Iterator[Finding]:
    """HTML radio buttons (and check boxes) that share a name are one
    question; its name is the field's group, which the HTML extractor takes
    from the enclosing fieldset's legend."""
    groups: dict[tuple[str, str], list[FormField]] = {}
    for field in fillable_fields(document):
        if field.kind in _CHOICE_KINDS:
            groups.setdefault((field.kind, field.name), []).append(field)
    if not groups:
        return
    text = TextBefore(document)
    for (kind, name), members in groups.items():
        ungrouped = [field for field in members if not (field.group or "").strip()]
        if len(members) < min_options or not ungrouped:
            continue
        first = ungrouped[0]
        labels = [field.label for field in ungrouped if field.label]
        options = f" ({listing(labels, 4, quote=True)})" if labels else ""
        some = f"{len(ungrouped)} of the {len(members)}" if len(ungrouped) < len(members) else f"the {len(members)}"
        message = (
            f"{some} {_PLURAL[kind]} named '{name}'{options} have no group question: without a <fieldset> "
            "and <legend>, a screen reader announces each option but not the question it answers; "
            "wrap them in a <fieldset> whose <legend> asks the question"
        )
        before = text.block(first, QUESTION_LINES)
        question = before.text if before is not None and usable_words(before.text) else None
        yield rule.finding_on_field(first, message, [Suggestion(question, "advisory")] if question else [])
