"""PL420-PL423: what an HTML form's code tells browsers and screen readers.

PL420: a field asking for the person's own details without a valid
autocomplete token (or with an invalid one anywhere).
PL421: hint text shown beside a control but not tied to it with
aria-describedby, so screen readers never read it.
PL422: an input type that does not fit the data (an email in a text box, a
card number in a number box).
PL423: a label `for`, aria-labelledby or aria-describedby naming an id that
is missing, is not a control, or is shared by several elements.

The extractor records what is on the page (`autocomplete`, `inputmode`,
`adjacent_hints`, `broken_refs`); these checks judge it. Each rule's words
are in its spec.
"""

from __future__ import annotations

import difflib
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

#: Controls that take typed or chosen text, where autocomplete applies.
_AUTOFILL_KINDS = frozenset(
    {"text", "email", "tel", "url", "search", "password", "number", "select", "textarea", "date", "month"}
)
#: The input type that itself says what a box is for.
_TYPE_PURPOSE = {"email": "email", "tel": "tel"}
_CONTACT_PREFIXES = frozenset({"home", "work", "mobile", "fax", "pager"})
_ADDRESS_SCOPES = frozenset({"shipping", "billing"})


def _html_fields(document: Document) -> list[FormField]:
    return list(fillable_fields(document)) if document.format == "html" else []


# -- PL420 autocomplete-missing ---------------------------------------------


class Autofill:
    """The HTML standard's autofill field names (from PL420's spec) and the
    grammar of an autocomplete value: [section-*] [shipping|billing]
    [home|work|mobile|fax|pager] field-name [webauthn], or "on" / "off"."""

    def __init__(self, rule):
        tokens = spec_entries(rule, "token")
        self.tokens = {entry["token"]: entry for entry in tokens}
        self.purposes = Phrases(tokens)
        self.not_the_user = Phrases(spec_entries(rule, "kind", "not-the-user"))

    def problem(self, value: str) -> tuple[str | None, str | None]:
        """(field name, None) for a valid value; (None, what is wrong) else."""
        tokens = value.lower().split()
        if tokens in (["on"], ["off"]):
            return tokens[0], None
        if tokens and tokens[-1] == "webauthn":
            tokens.pop()
        if not tokens:
            return None, "names no purpose"
        name = tokens.pop()
        if name not in self.tokens:
            return None, f'"{name}" is not an autofill token in the HTML standard'
        if tokens and tokens[-1] in _CONTACT_PREFIXES:
            if not self.tokens[name].get("contact"):
                return None, f'"{tokens[-1]}" can only come before a phone, email or messaging token'
            tokens.pop()
        if tokens and tokens[-1] in _ADDRESS_SCOPES:
            tokens.pop()
        if tokens and tokens[-1].startswith("section-"):
            tokens.pop()
        if tokens:
            return None, f'"{tokens[-1]}" is not allowed there'
        return name, None

    def purpose(self, field: FormField, options: Mapping[str, Any]) -> str | None:
        """The token a field about the person needs, from its words (or its
        type, for email and tel boxes); None for fields about someone else."""
        sources = purpose_sources(field)
        if self.not_the_user.best(sources):
            return None
        found = self.purposes.best(sources)
        if found is None:
            return _TYPE_PURPOSE.get(field.kind)
        entry = found.entry
        if entry.get("password") and not options["passwords"]:
            return None
        part = date_part(field)
        token = (entry.get("parts") or {}).get(part, entry["token"])
        return (entry.get("on") or {}).get(field.kind, token)

    def nearest(self, value: str) -> str | None:
        """The valid field name closest to a misspelt one ("firstname")."""
        last = value.lower().split()[-1:]  # the field name comes last
        close = difflib.get_close_matches(last[0], self.tokens, n=1) if last else []
        return close[0] if close else None


def autocomplete_missing(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    """PL420 autocomplete-missing."""
    if not document.fields:
        return  # no form here: skip building the phrase lists
    autofill = Autofill(rule)
    for field in _html_fields(document):
        purpose = autofill.purpose(field, options) if field.kind in _AUTOFILL_KINDS else None
        value, title = field.autocomplete, field_title(field)
        token = [Suggestion(f'autocomplete="{purpose}"', "advisory")]
        if value is None:
            if purpose:
                yield rule.finding_on_field(
                    field,
                    f'"{title}" asks for the person\'s own details but has no autocomplete attribute: '
                    "browsers cannot fill it in, and assistive technology cannot tell what it is for",
                    token,
                )
            continue
        name, problem = autofill.problem(value)
        if problem:
            better = purpose or autofill.nearest(value)
            yield rule.finding_on_field(
                field,
                f'"{title}" has autocomplete="{value}", which browsers ignore: {problem}',
                [Suggestion(f'autocomplete="{better}"', "advisory")] if better else [],
                hints=[] if better else ["remove it, or use a token from the HTML standard"],
            )
        elif purpose and name in ("on", "off") and options["report-on-off"]:
            yield rule.finding_on_field(
                field,
                f'"{title}" asks for the person\'s own details, but autocomplete="{name}" does not say which',
                token,
            )


# -- PL421 hint-not-described -----------------------------------------------


#: The extractor's record of the ids a control's name and hints come from.
_REFERENCE_ATTRS = ("describedby", "labelledby", "group_describedby")


def hint_not_described(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    """PL421 hint-not-described. A hint under a group's legend is tied when
    the fieldset points at it, or the control does; it is reported once,
    on the first control that does not hear it."""
    untied: dict[tuple, list[FormField]] = {}
    hints: dict[tuple, dict] = {}
    for field in _html_fields(document):
        refs = {ref for key in _REFERENCE_ATTRS for ref in field.attrs.get(key) or ()}
        heard = " ".join(text for text in (field.label, field.hint, field.attrs.get("group_hint")) if text)
        for hint in field.attrs.get("adjacent_hints") or ():
            if not isinstance(hint, Mapping):
                continue
            text, ref = hint.get("text") or "", hint.get("id")
            if hint.get("near") == "legend" and not options["group-hints"]:
                continue
            if not text or (ref and ref in refs) or text in heard:
                continue
            key = (hint.get("line"), ref, text)
            hints[key] = hint
            untied.setdefault(key, []).append(field)
    for key, fields in untied.items():
        yield _untied_hint(rule, hints[key], fields)


def _untied_hint(rule, hint: Mapping[str, Any], fields: list[FormField]) -> Finding:
    first = fields[0]
    others = f" (and {len(fields) - 1} more field(s) in the group)" if len(fields) > 1 else ""
    line = f" (line {hint['line']})" if hint.get("line") else ""
    ref = hint.get("id") or f"{first.attrs.get('id') or first.name}-hint"
    fix = f'add aria-describedby="{ref}" to ' + ("the fieldset" if hint.get("near") == "legend" else "the control")
    if not hint.get("id"):
        fix = f'give the hint id="{ref}" and {fix}'
    return rule.finding_on_field(
        first,
        f'The hint "{_short(hint["text"])}"{line} is shown next to "{field_title(first)}"{others} '
        "but is not tied to it with aria-describedby: screen readers do not read it",
        hints=[fix],
    )


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- PL422 input-type-mismatch ------------------------------------------------

_TYPED_KINDS = frozenset({"text", "search", "number"})


def input_type_mismatch(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    """PL422 input-type-mismatch."""
    if not document.fields:
        return  # no form here: skip building the phrase lists
    phrases = Phrases(spec_entries(rule, "kind"))
    for field in _html_fields(document):
        if field.kind not in _TYPED_KINDS:
            continue
        found = phrases.best(purpose_sources(field))
        if found is None:
            continue
        data, mode = found.entry["kind"], (field.attrs.get("inputmode") or "").strip().lower()
        title, declared = field_title(field), field.attrs.get("type") or "text"
        if data == "email" and mode != "email":
            yield rule.finding_on_field(
                field,
                f'"{title}" asks for an email address in a type="{declared}" box: phones do not show '
                "the email keyboard, and browsers do not check the address",
                [Suggestion('type="email"', "advisory")],
            )
        elif data == "tel" and mode != "tel":
            yield rule.finding_on_field(
                field,
                f'"{title}" asks for a phone number in a type="{declared}" box'
                + (' with inputmode="numeric", whose keypad has no "+" key' if mode == "numeric" else "")
                + ": phones do not show the phone keypad",
                [Suggestion('type="tel"', "advisory")],
            )
        elif data == "identifier" and field.kind == "number" and options["numbers"]:
            yield rule.finding_on_field(
                field,
                f'"{title}" is a number people copy, not a quantity, in a type="number" box: browsers '
                "may round it, drop leading zeros or change it when people scroll",
                [Suggestion('type="text" inputmode="numeric"', "advisory")],
            )


# -- PL423 broken-reference ---------------------------------------------------


def broken_reference(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    """PL423 broken-reference."""
    if document.format != "html":
        return
    for field in document.fields:
        for ref in field.attrs.get("broken_refs") or ():
            if not isinstance(ref, Mapping) or not ref.get("attribute") or not isinstance(ref.get("id"), str):
                continue  # not a reference the HTML extractor recorded
            if ref.get("problem") == "duplicate-id" and not options["duplicate-ids"]:
                continue
            message, fix = _broken_message(field, ref)
            yield rule.finding_on_field(field, message, hints=[fix])


def _broken_message(field: FormField, ref: Mapping[str, Any]) -> tuple[str, str]:
    """What is broken and its effect, in words, and the fix."""
    attribute, target, problem = ref["attribute"], ref["id"], ref.get("problem")
    if attribute == "for":
        return _broken_for(field, ref, target, problem)
    owner = f'"{field_title(field)}"'
    if ref.get("on") == "fieldset":
        owner = f"the fieldset around {owner}"
    if problem == "duplicate-id":
        return (
            f'The {attribute} of {owner} names id "{target}", which more than one element has: '
            "browsers use the first one only, which may not be the one meant",
            "give each element its own id",
        )
    part = "name" if attribute == "aria-labelledby" else "hint"
    return (
        f'The {attribute} of {owner} names id "{target}", but no element has that id: '
        f"that {part} is never read out",
        f'give the {part} text id="{target}", or correct the reference',
    )


def _broken_for(field: FormField, ref: Mapping[str, Any], target: str, problem: str | None) -> tuple[str, str]:
    label = f'The label "{_short(ref.get("label") or "")}"'
    own_id = field.attrs.get("id")
    if problem == "duplicate-id":
        return (
            f'{label} points to id "{target}", which more than one element has: browsers tie it to the '
            "first one only, which may not be the field meant",
            "give each element its own id",
        )
    if problem == "not-a-control":
        what = f'the <{ref.get("tag", "?")}> with id "{target}", which is not a field people fill in'
    elif target.strip():
        what = f'id "{target}", which no element has'
    else:
        what = "no id at all (its for is empty)"
    effect = f'"{field.name}" has no name for screen readers' if not field.label else "it labels nothing"
    if own_id and own_id != target:
        fix = f'for="{own_id}"'
    elif target.strip() and problem != "not-a-control":
        fix = f'give the field id="{target}"'
    else:
        fix = f'give the field id="{field.name}" and the label for="{field.name}"'
    return f"{label} points to {what}: {effect}", fix
