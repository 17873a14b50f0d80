"""PL410-PL412: what a US federal form must show under the Paperwork
Reduction Act (an OMB control number, its expiration date and a burden
statement) and the Privacy Act (a statement when it asks for personal data).

Each rule judges only forms that look federal (see `plainlint.forms.paperwork`).
PL410 and PL411 hang their findings on the words that made the form look
federal (its header, usually), or on the OMB number an expiration date
belongs beside; PL412 on the first field that asks for personal data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from plainlint.document import Finding, Suggestion
from plainlint.forms.fields import fillable_fields
from plainlint.forms.paperwork import (
    OMB_NUMBER,
    FederalForm,
    burden_status,
    federal_form,
    omb_expiration,
    privacy_status,
)
from plainlint.forms.sensitive_data import KIND_BY_KEY, describe, sensitive_fields

_BURDEN_TEMPLATE = (
    "We estimate it takes [N] minutes to fill in this form, including the time to read the "
    "instructions and gather the information. Send comments about this estimate, or ideas to "
    "make the form simpler, to [address]. You do not have to answer unless this form shows a "
    "valid OMB control number."
)
_PRIVACY_TEMPLATE = (
    "Privacy Act Statement. Authority: [law]. Purpose: we ask for this information to [purpose]. "
    "Routine uses: we may share it with [who] to [why]. Giving it is [voluntary or required]; "
    "if you do not, [what happens]."
)


def omb_control_number(document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    form = federal_form(document, options["min-fields"])
    if form is None:
        return
    text = form.text.text
    number = OMB_NUMBER.search(text)
    if number is None:
        yield _on_form(
            rule,
            form,
            f"This looks like a US federal form ({form.evidence()}) but shows no OMB "
            "control number. Print the number OMB gave this collection near the title on the "
            'first page, for example "OMB No. 1615-0040" (5 CFR 1320.3(f), 1320.5(b)); people '
            "do not have to answer a federal form without one.",
            [Suggestion("OMB No. XXXX-XXXX", "advisory")],
        )
    if form.names_any(options["expiration-exempt"]) or omb_expiration(text):
        return
    shown = " ".join(number.group().split()) if number else "OMB No. XXXX-XXXX"
    problem = f"shows {shown!r} but no expiration date" if number else "shows no expiration date either"
    message = (
        f"This US federal form {problem}. Print the date OMB's approval ends beside the OMB "
        'number, for example "OMB No. 1615-0040; Expires 02/28/2018" (5 CFR 1320.8(b)(1)), '
        "unless OMB agreed it need not be shown."
    )
    suggestions = [Suggestion(f"{shown}; Expires MM/DD/YYYY", "advisory")]
    found = form.text.span(number.start(), number.end()) if number else None
    yield rule.finding(*found, message, suggestions) if found else _on_form(rule, form, message, suggestions)


def burden_statement(document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    form = federal_form(document, options["min-fields"])
    if form is None:
        return
    status = burden_status(form.text.text)
    if status in ("stated", "named") or (status == "pointer" and options["accept-pointer"]):
        return
    problem = {
        "pointer": "points to a Paperwork Reduction Act notice elsewhere but does not say how long it takes",
        "notice": "mentions the Paperwork Reduction Act but does not say how long the form takes",
        "none": "has no Paperwork Reduction Act burden statement",
    }[status]
    yield _on_form(
        rule,
        form,
        f"This US federal form ({form.evidence()}) {problem}. Say how long it takes on "
        "average, ask for comments on that estimate, and say that people do not have to answer "
        "unless the form shows a valid OMB control number (5 CFR 1320.8(b)(3)). If this is in "
        "separate instructions, say where on the form. PL413 estimates the time from the form.",
        [Suggestion(_BURDEN_TEMPLATE, "advisory")],
    )


def privacy_act_statement(document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    form = federal_form(document, options["min-fields"])
    if form is None:
        return
    asked = sensitive_fields(fillable_fields(document), options["kinds"])
    if not asked:
        return
    status = privacy_status(form.text.text)
    if status == "statement" or (status == "pointer" and options["accept-pointer"]):
        return
    kinds = [KIND_BY_KEY[key] for key in asked]
    shown = ", ".join(describe(asked[kind.key][:1], kind, 1) for kind in kinds[:2])
    missing = "has no Privacy Act statement"
    if status == "pointer":
        missing = "only points to a Privacy Act statement elsewhere"
    yield rule.finding_on_field(
        asked[kinds[0].key][0],
        f"This US federal form asks for {_and([kind.name for kind in kinds])} ({shown}) but {missing}. "
        "Tell people, on the form or on a page they can keep, under what law you ask, why, who "
        "you share the answers with (routine uses), whether answering is voluntary and what happens "
        "if they do not answer (5 U.S.C. 552a(e)(3)).",
        [Suggestion(_PRIVACY_TEMPLATE, "advisory")],
    )


def _on_form(rule, form: FederalForm, message: str, suggestions: Iterable[Suggestion]) -> Finding:
    anchor = form.anchor()
    if anchor is None:
        return rule.finding_at(form.text.front(), message, suggestions, matched="document")
    return rule.finding(*anchor, message, suggestions)


def _and(items: list[str], most: int = 3) -> str:
    """'a, b and c'; past `most`, 'a, b, c and 2 more'."""
    if len(items) > most:
        return ", ".join(items[:most]) + f" and {len(items) - most} more"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
