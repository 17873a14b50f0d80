"""PL408: a form asks for sensitive personal data.

One finding per kind of data per form, on the first field that asks for it
and naming the others: whether to ask for a Social Security number, and how
to explain it, is one decision, however many boxes the number is split into
or however many people (you, spouse, dependants) it is asked for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import Document, Finding
from plainlint.forms.fields import FormText, fillable_fields
from plainlint.forms.paperwork import privacy_status
from plainlint.forms.sensitive_data import SensitiveData, describe


def prepare(data: Mapping[str, Any], options: Mapping[str, Any]) -> SensitiveData:
    return SensitiveData(data["vocab"]["sensitive-data"], options["kinds"])


def check(document: Document, rule, options: Mapping[str, Any], sensitive: SensitiveData) -> Iterator[Finding]:
    found = sensitive.fields(fillable_fields(document))
    if found and not options["when-explained"] and privacy_status(FormText(document).text) != "none":
        return  # the form carries its Privacy Act statement, or points to it
    for kind, fields in found:
        count = "1 field" if len(fields) == 1 else f"{len(fields):,} fields"
        yield rule.finding_on_field(
            fields[0],
            f"The form asks for {kind.name} ({count}: {describe(fields, kind)}). Make sure it says why "
            "you need it and how you will use it (in the US, a Privacy Act statement: "
            "5 U.S.C. 552a(e)(3)), and that you truly need it (5 CFR 1320.9(a)).",
            hints=[kind.advice],
        )
