"""Can a person using a screen reader tell what each field is? PL401: a
field with no accessible name; PL431: several fields announced with the same
tooltip."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import Document, Finding, FormField, Suggestion
from plainlint.forms.fields import excerpt, fillable_fields
from plainlint.forms.naming import TextBefore, describe, page_finding, short_name
from plainlint.language.phrasing import listing

#: Where a name comes from when it is only a placeholder (HTML placeholder,
#: a Word content control's "Click here to enter text.").
_PLACEHOLDER = "placeholder"


# PL401 field-missing-name ------------------------------------------------------


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    mode = options["report"]
    fillable = list(fillable_fields(document))
    nameless = [field for field in fillable if _nameless(field, document)]
    if not nameless:
        return
    text = TextBefore(document)
    by_page: dict[int | None, list[FormField]] = {}
    for field in nameless:
        by_page.setdefault(field.location.page, []).append(field)
    for page, fields in by_page.items():
        if _one_per_page(mode, page, len(fields), options["group-threshold"]):
            total = sum(1 for field in fillable if field.location.page == page)
            yield _page_finding(document, rule, page, fields, total, text, options["examples"])
        else:
            for field, candidate in zip(fields, text.labels_for(fields), strict=True):
                yield _field_finding(document, rule, field, candidate)


def _nameless(field: FormField, document: Document) -> bool:
    """No name, or only a placeholder. A PDF radio group is left to PL405:
    its missing name is the missing group question, fixed the same way."""
    if document.format == "pdf" and field.kind == "radio":
        return False
    return not (field.label or "").strip() or field.label_source == _PLACEHOLDER


def _one_per_page(mode: str, page: int | None, count: int, threshold: int) -> bool:
    if mode == "auto":
        return page is not None and count > threshold
    return mode == "page"


def _field_finding(document: Document, rule, field: FormField, candidate: str | None) -> Finding:
    what = describe(field, document)
    if field.label_source == _PLACEHOLDER:
        message = (
            f"{what} is named only by its placeholder text '{field.label}': the placeholder goes away once "
            "someone types or picks a value, and not every screen reader reads it; give it a real label"
        )
        name = field.label
    else:
        missing, effect, fix = _missing(field, document)
        message = f"{what} has {missing}: {effect}; {fix}"
        name = candidate
        if candidate:
            if candidate == field.nearby_text:
                message += f" (the text beside it reads '{candidate}')"
            elif candidate == field.group:
                message += f" (the legend of its group reads '{candidate}')"
            else:
                message += f" (the text just before it reads '{candidate}')"
    suggestions = [Suggestion(name, "advisory")] if name else []
    return rule.finding_on_field(field, message, suggestions)


def _missing(field: FormField, document: Document) -> tuple[str, str, str]:
    """What the field lacks, what that does, and how to add it, in the
    terms of the tool that made the form."""
    if document.format == "pdf":
        if field.location.field:
            effect = f"screen readers announce its internal name '{short_name(field, document)}' instead"
        else:
            effect = "screen readers have no name at all to announce"
        return (
            "no tooltip (/TU)",
            effect,
            "add a tooltip that says what to enter (Acrobat: field Properties > General > Tooltip)",
        )
    source = field.attrs.get("source")
    if source == "legacy":
        return (
            "no status-bar text",
            "that text is the only name Word gives a legacy form field, so screen readers announce none",
            "add it (Form Field Options > Add Help Text > Status Bar)",
        )
    if source == "content-control":
        return (
            "no title",
            "screen readers announce no name for it",
            "give it one (Developer > Properties > Title)",
        )
    element_id = field.attrs.get("id")
    target = f'<label for="{element_id}">' if element_id else "a <label> around it"
    return (
        "no label",
        "screen readers announce only what kind of control it is, not what to enter",
        f"add {target} with the words a person sees next to it",
    )


def _page_finding(
    document: Document, rule, page: int | None, fields: list[FormField], total: int, text: TextBefore, limit: int
) -> Finding:
    missing, _, fix = _missing(fields[0], document)
    names = [short_name(field, document) for field in fields]
    count = f"all {total} fields" if len(fields) == total else f"{len(fields)} of the {total} fields"
    where = f" on page {page}" if page is not None else ""
    such_as = "so screen readers announce internal names such as" if document.format == "pdf" else "for example"
    message = f"{count}{where} have {missing}, {such_as} {listing(names, limit, quote=True)}; {fix}"
    if document.metadata.get("has_xfa"):
        message += " (the XFA part of the form may name them, but readers that use the AcroForm never see it)"
    examples = zip(names, text.labels_for(fields), strict=True)
    return page_finding(rule, document, page, message, [f"{name}: {label}" for name, label in examples if label][:limit])


# PL431 duplicate-tooltips ------------------------------------------------------


def duplicate_tooltips(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Fields are told apart by name, so the several widgets of one field
    (and the radio buttons of one HTML group, which share a name) count once."""
    by_tooltip: dict[str, dict[str, FormField]] = {}
    for field in fillable_fields(document):
        tooltip = _announced_tooltip(field)
        if tooltip:
            key = _tooltip_key(tooltip, options["ignore-case"])
            by_tooltip.setdefault(key, {}).setdefault(field.name, field)
    if not any(len(fields) > 1 for fields in by_tooltip.values()):
        return
    text = TextBefore(document)
    for fields in by_tooltip.values():
        if len(fields) > 1:
            yield _duplicate_finding(document, rule, list(fields.values()), text, options["max-listed"])


def _announced_tooltip(field: FormField) -> str | None:
    """The tooltip when it is what a screen reader announces as the name (a
    PDF /TU, Word status text, an HTML title with no label); an HTML title
    beside a real label is only a description."""
    if field.tooltip and field.label_source in ("tooltip", "title"):
        return field.tooltip
    return None


def _tooltip_key(tooltip: str, ignore_case: bool) -> str:
    key = re.sub(r"[\s.:]+$", "", " ".join(tooltip.split()))
    return key.casefold() if ignore_case else key


def _duplicate_finding(document: Document, rule, fields: list[FormField], text: TextBefore, limit: int) -> Finding:
    names = [short_name(field, document) for field in fields]
    pages = sorted({field.location.page for field in fields if field.location.page is not None})
    on_pages = f" on page{'s' if len(pages) > 1 else ''} {', '.join(map(str, pages))}" if pages else ""
    message = (
        f"{len(fields)} fields{on_pages} share the tooltip '{excerpt(fields[0].tooltip)}' "
        f"({listing(names, limit, quote=True)}): a screen reader announces the same name for each, so its user cannot "
        "tell them apart; make each tooltip say what its own field is for"
    )
    labels = zip(names, text.labels_for(fields), strict=True)
    hints = [f"{name}: {label}" for name, label in labels if label][:limit]
    return rule.finding_on_field(fields[0], message, hints=hints)
