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
from dataclasses import dataclass
from typing import Any

from plainlint.document import Finding, Suggestion
from plainlint.forms.fields import fillable_fields
from plainlint.forms.paperwork import (
    FederalForm,
    Sign,
    burden_status,
    federal_form,
    omb_expiration,
    privacy_status,
)
from plainlint.forms.sensitive_data import SensitiveData, describe
from plainlint.language.phrasing import listing

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


@dataclass(frozen=True)
class Vocabulary:
    """What the rule's vocabularies compile to: the signs of a federal form
    and, for PL412, the sensitive data its `kinds` option names."""

    signs: tuple[Sign, ...]
    sensitive: SensitiveData | None


def prepare(data: Mapping[str, Any], options: Mapping[str, Any]) -> Vocabulary:
    vocab = data["vocab"]
    sensitive = SensitiveData(vocab["sensitive-data"], options["kinds"]) if "sensitive-data" in vocab else None
    return Vocabulary(tuple(map(Sign.from_row, vocab["federal-signs"])), sensitive)


def omb_control_number(document, rule, options: Mapping[str, Any], vocab: Vocabulary) -> Iterator[Finding]:
    form = federal_form(document, options["min-fields"], vocab.signs)
    if form is None:
        return
    text = form.text.text
    number = form.match("omb-control-number")
    if number is None:
        yield _on_form(
            rule,
            form,
            f"This looks like a US federal form ({form.evidence()}) but shows no OMB "
            "control number. Print the number OMB gave this collection near the title on the "
            'first page, for example "OMB No. 1615-0040" (5 CFR 1320.3(f), 1320.5(b)); people '
            "do not have to answer a federal form without one.",
            hints=["Print near the title: OMB No. XXXX-XXXX"],
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
    replacement = f"{shown}; Expires MM/DD/YYYY"
    found = form.text.span(number.start(), number.end()) if number else None
    if found:
        yield rule.finding(*found, message, [Suggestion(replacement, "advisory")])
    else:
        yield _on_form(rule, form, message, hints=[f"Print beside the title: {replacement}"])


def burden_statement(document, rule, options: Mapping[str, Any], vocab: Vocabulary) -> Iterator[Finding]:
    form = federal_form(document, options["min-fields"], vocab.signs)
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
        hints=[f"Add: {_BURDEN_TEMPLATE}"],
    )


def privacy_act_statement(document, rule, options: Mapping[str, Any], vocab: Vocabulary) -> Iterator[Finding]:
    form = federal_form(document, options["min-fields"], vocab.signs)
    if form is None:
        return
    asked = vocab.sensitive.fields(fillable_fields(document))
    if not asked:
        return
    status = privacy_status(form.text.text)
    if status == "statement" or (status == "pointer" and options["accept-pointer"]):
        return
    shown = ", ".join(describe(fields[:1], kind, 1) for kind, fields in asked[:2])
    missing = "has no Privacy Act statement"
    if status == "pointer":
        missing = "only points to a Privacy Act statement elsewhere"
    yield rule.finding_on_field(
        asked[0][1][0],
        f"This US federal form asks for {listing([kind.name for kind, _ in asked], 3)} ({shown}) but {missing}. "
        "Tell people, on the form or on a page they can keep, under what law you ask, why, who "
        "you share the answers with (routine uses), whether answering is voluntary and what happens "
        "if they do not answer (5 U.S.C. 552a(e)(3)).",
        hints=[f"Add: {_PRIVACY_TEMPLATE}"],
    )


def _on_form(rule, form: FederalForm, message: str, hints: Iterable[str]) -> Finding:
    """A finding on the form as a whole, at its title when it has one: what
    to add is a hint, since nothing in the form is to be replaced."""
    anchor = form.anchor()
    if anchor is None:
        return rule.finding_at(form.text.front(), message, matched="document", hints=hints)
    return rule.finding(*anchor, message, hints=hints)
