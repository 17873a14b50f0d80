"""PL403 and PL404: can people see which questions they must answer?

PL403: a field the form requires (HTML `required` or aria-required, the PDF
Required flag) whose visible label does not say so.
PL404: required and optional markers used inconsistently: two styles of
marker, a marker the code contradicts, every question marked, or an asterisk
nobody explains.

A question is judged once, with the marker people see on it (see
`questions`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from plainlint.document import Document, Finding, FormField, Location, Suggestion
from plainlint.forms.fields import FormText, fillable_fields, shown_label
from plainlint.forms.purpose import field_title

ASTERISK, REQUIRED, OPTIONAL = "asterisk", "required", "optional"
#: Markers in the words people see (USWDS uses the asterisk, GOV.UK
#: "(optional)"); a bare word counts only at the end of the label.
_MARKS = (
    (ASTERISK, re.compile(r"^\s*\*|\*\s*[:.]?\s*$")),
    (REQUIRED, re.compile(r"\((?:required|mandatory)\)|\b(?:required|mandatory)\s*[:.]?\s*$", re.I)),
    (OPTIONAL, re.compile(r"\(optional\)|\boptional\s*[:.]?\s*$", re.I)),
)
#: "Required fields are marked with an asterisk (*)", "* indicates a
#: required field": the one explanation USWDS asks for.
_ASTERISK_EXPLAINED = re.compile(
    r"asterisk|\*[^\n]{0,60}\b(?:required|mandatory|must)\b|\b(?:required|mandatory)\b[^\n]{0,60}\*", re.I
)


@dataclass
class Question:
    """One thing the form asks: a field, or a group of radio buttons."""

    fields: list[FormField]
    mark: str | None
    grouped: bool

    @property
    def first(self) -> FormField:
        return self.fields[0]

    @property
    def required(self) -> bool:
        return any(f.required for f in self.fields)

    @property
    def title(self) -> str:
        group = " ".join((self.first.group or "").split())
        return group if self.grouped and group else field_title(self.first)


def mark_of(text: str | None) -> str | None:
    """ASTERISK, REQUIRED or OPTIONAL: the marker `text` carries, if any."""
    for mark, pattern in _MARKS:
        if text and pattern.search(text):
            return mark
    return None


def questions(document: Document) -> list[Question]:
    """The form's questions in page order, each with the marker a sighted
    person sees on it: on a field's own label, else on its group's legend.
    HTML radio buttons sharing a name (and checkboxes sharing one in a
    fieldset) are one question, marked on their legend; a PDF radio group
    is one field already."""
    found: list[Question] = []
    groups: dict[str, Question] = {}
    fields = list(fillable_fields(document))
    boxes = Counter(f.name for f in fields if f.kind == "checkbox")
    for field in fields:
        in_box_group = field.kind == "checkbox" and boxes[field.name] > 1 and field.group is not None
        shared = document.format == "html" and (field.kind == "radio" or in_box_group)
        if shared and field.name in groups:
            groups[field.name].fields.append(field)
            continue
        by_legend = shared and field.group is not None
        own = None if by_legend else mark_of(field.attrs.get("visible_label") or shown_label(field))
        question = Question([field], own or mark_of(field.attrs.get("visible_group") or field.group), by_legend)
        found.append(question)
        if shared:
            groups[field.name] = question
    return found


def not_marked(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    """PL403 required-not-marked."""
    asked = questions(document)
    required = [q for q in asked if q.required]
    marks = Counter(q.mark for q in asked if q.mark)
    if not required or (options["accept-optional-convention"] and marks[OPTIONAL]):
        return
    if not marks and len(required) == len(asked):
        return  # every question is required and none marked: nothing to tell apart
    style = _usual(marks)
    for question in required:
        if question.mark in (ASTERISK, REQUIRED):
            continue
        where = "its legend" if question.grouped else "its label"
        message = (
            f'"{question.title}" must be answered, but {where} does not say so: '
            "people find out only when the form rejects their answer"
        )
        if question.mark == OPTIONAL:
            message = f'"{question.title}" must be answered, but {where} says it is optional'
        suggestions, hints = _mark_suggestions(question, style, marks)
        yield rule.finding_on_field(question.first, message, suggestions, hints=hints)


def _usual(marks: Counter) -> str:
    """The required marker most of the form uses; the asterisk on a tie."""
    return ASTERISK if marks[ASTERISK] >= marks[REQUIRED] else REQUIRED


def _mark_suggestions(question: Question, style: str, marks: Counter) -> tuple[list[Suggestion], list[str]]:
    """The label marked the way the form marks others; on a form that marks
    none, the asterisk, with the other convention as a hint."""
    title = re.sub(r"\s*\((?:optional)\)\s*|\s*[:*]\s*$", "", question.title)
    asterisk = Suggestion(f"{title} *", "advisory")
    words = Suggestion(f"{title} (required)", "advisory")
    if marks:
        return [asterisk if style == ASTERISK else words], []
    return [asterisk], ['or mark only the optional questions, with "(optional)" (GOV.UK)']


def inconsistent(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    """PL404 required-marking-inconsistent."""
    asked = questions(document)
    marked = [q for q in asked if q.mark]
    if not marked:
        return
    yield from _mixed_styles(marked, rule)
    if document.format == "html":
        yield from _contradicted(marked, rule)
    yield from _all_marked(document, asked, rule, options)
    if options["explain-asterisk"] and any(q.mark == ASTERISK for q in marked):
        if not _ASTERISK_EXPLAINED.search(FormText(document).with_fields()):
            first = next(q for q in marked if q.mark == ASTERISK)
            yield rule.finding_on_field(
                first.first,
                "Required questions are marked with an asterisk, but the form never says what it means",
                hints=["Add before the first question: Required fields are marked with an asterisk (*)."],
            )


def _mixed_styles(marked: list[Question], rule) -> Iterator[Finding]:
    """An asterisk on some required questions and "(required)" on others:
    the odd ones out are reported, pointing at the style most of the form uses."""
    styles = Counter(q.mark for q in marked if q.mark in (ASTERISK, REQUIRED))
    if len(styles) < 2:
        return
    usual = _usual(styles)
    shown = {ASTERISK: "an asterisk (*)", REQUIRED: '"(required)"'}
    for question in marked:
        if question.mark in shown and question.mark != usual:
            yield rule.finding_on_field(
                question.first,
                f'"{question.title}" is marked required with {shown[question.mark]}, but '
                f"{styles[usual]} other question(s) use {shown[usual]}: use one marker throughout",
                hints=[f"mark it with {shown[usual]}"],
            )


def _contradicted(marked: list[Question], rule) -> Iterator[Finding]:
    """HTML: a label that says "required" on a control that is not (screen
    readers do not announce it), or "(optional)" on one that is."""
    for question in marked:
        says_required = question.mark in (ASTERISK, REQUIRED)
        if says_required and not question.required:
            yield rule.finding_on_field(
                question.first,
                f'"{question.title}" is marked required on screen, but the control is not: '
                "screen readers do not say it is required",
                hints=['add the required attribute (or aria-required="true")'],
            )
        elif question.mark == OPTIONAL and question.required:
            yield rule.finding_on_field(
                question.first,
                f'"{question.title}" is marked optional, but the control is required: one of them is wrong',
                hints=['remove "(optional)", or the required attribute'],
            )


def _all_marked(document: Document, asked: list[Question], rule, options) -> Iterator[Finding]:
    """Every question marked required (the marks tell people nothing), or
    every one optional (does the form need them?)."""
    if len(asked) < options["min-questions"]:
        return
    marks = {q.mark for q in asked}
    first = asked[0].first.location  # a finding on the form, placed at its first question
    location = Location(document.path, line=first.line, page=first.page)
    if marks <= {ASTERISK, REQUIRED}:
        yield rule.finding_at(
            location,
            f"All {len(asked)} questions are marked required: when every question must be answered, "
            "the markers tell people nothing",
            hints=['remove the markers and mark only optional questions "(optional)" (GOV.UK)'],
        )
    elif marks == {OPTIONAL}:
        yield rule.finding_at(
            location,
            f"All {len(asked)} questions are marked optional: check that the form needs each one",
            hints=["remove questions you do not need; say once that the rest are optional"],
        )
