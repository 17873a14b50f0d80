"""PL413: how long a form takes to fill in, counted from the form itself.

The estimate adds up what plainlint can count, each at a rate the rule's
options set: fields by kind (seconds each), the words a person reads (at a
reading speed), and the documents the form asks them to attach (minutes
each). It leaves out what it cannot see (finding records, working out
figures) but counts every word and every attachment, even those only some
people need: a rough time for a careful first-time filler, which is what a
stated burden is meant to cover.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from plainlint.document import BlockKind, Document, Finding, FormField, Suggestion
from plainlint.forms.fields import FormText, fillable_fields
from plainlint.forms.paperwork import burden_status, is_form, stated_time
from plainlint.language.text import count_words

#: Field kinds, by the option that prices them. Radio buttons sharing a name
#: are one question; a file upload (or a Word picture control) is an
#: attachment.
_TEXT_KINDS = frozenset(
    "text email tel number url password date time month week datetime-local unknown".split()
)
_LONG_TEXT_KINDS = frozenset({"textarea", "richtext"})
_CHOICE_KINDS = frozenset({"radio", "choice", "select", "range", "color"})
_FILE_KINDS = frozenset({"file", "picture"})

#: "Attach Form W-2", "Enclose a copy of", "Submit a copy of your passport".
_ATTACH = re.compile(
    r"(?i)\b(?:attach|enclose|upload"
    r"|(?:submit|include|send|provide)\s+(?:us\s+)?(?:a\s+)?cop(?:y|ies)\s+of)\b"
    r"(?=\s+((?:[\w().'’-]+\s*){1,6}))"
)
_NEGATED = re.compile(r"(?i)\b(?:not|never)\b[^.]{0,25}$")
#: Words before the name of what is attached: "attach a copy of your ...".
_NOT_NAMES = frozenset("a an the copy copies of your all any us to".split())
_AFTER_NAME = frozenset("to with if and or here for that on in from".split())


@dataclass(frozen=True)
class Part:
    """One line of the estimate: '120 text fields x 8 s = 16 min'."""

    count: int
    #: Singular and plural: ("text field", "text fields").
    what: tuple[str, str]
    rate: str
    minutes: float

    def __str__(self) -> str:
        noun = self.what[0] if self.count == 1 else self.what[1]
        if self.minutes < 1:
            took = f"{self.minutes * 60:.0f} s"
        elif self.minutes < 10:
            took = f"{self.minutes:.1f} min"
        else:
            took = minutes_text(self.minutes)
        return f"{self.count:,} {noun} {self.rate} = {took}"


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    if not is_form(document, options["min-fields"]):
        return
    parts = estimate(document, options)
    total = sum(part.minutes for part in parts)
    breakdown = "; ".join(map(str, parts))
    text = FormText(document)
    stated = stated_time(text.text)
    if stated is not None:
        if total <= stated.minutes * options["factor"]:
            return
        message = (
            f"The form says it takes {minutes_text(stated.minutes)}, but by plainlint's count "
            f"filling it in takes about {minutes_text(total)} ({breakdown}). Time real people "
            "completing it and correct the estimate (5 CFR 1320.8(a)(4) asks for a specific, "
            "objectively supported estimate)."
        )
        suggestions = [Suggestion(f"about {minutes_text(total)}", "advisory")]
        span = text.span(stated.start, stated.end)
        if span:
            yield rule.finding(*span, message, suggestions)
        else:
            yield rule.finding_at(text.front(), message, matched="document", hints=[f"say it takes about {minutes_text(total)}"])
        return
    floor = options["unstated-minutes"]
    if floor <= 0 or total < floor or burden_status(text.text) in ("named", "pointer"):
        return
    yield rule.finding_at(
        text.front(),
        f"The form does not say how long it takes; by plainlint's count it takes about "
        f"{minutes_text(total)} ({breakdown}). Tell people before they start (GOV.UK "
        '"Start using a service"; for US federal forms, 5 CFR 1320.8(b)(3)(iii)).',
        matched="document",
        hints=[f"Add before the first question: It takes about {round_up(total)} minutes to fill in this form."],
    )


def estimate(document: Document, options: Mapping[str, Any]) -> list[Part]:
    """The estimate's parts, in a fixed order, leaving out those counting 0."""
    counts = _field_counts(list(fillable_fields(document)), options["box-max-length"])
    parts = [
        Part(counts[key], what, f"x {options[option]:g} s", counts[key] * options[option] / 60)
        for key, what, option in (
            ("text", ("text field", "text fields"), "text-seconds"),
            ("box", ("short box", "short boxes"), "box-seconds"),
            ("long", ("multi-line field", "multi-line fields"), "long-text-seconds"),
            ("checkbox", ("checkbox", "checkboxes"), "checkbox-seconds"),
            ("choice", ("choice", "choices"), "choice-seconds"),
            ("signature", ("signature", "signatures"), "signature-seconds"),
        )
    ]
    words = sum(count_words(b.text) for b in document.blocks if b.kind != BlockKind.FIELD_TOOLTIP)
    wpm = max(options["words-per-minute"], 1)
    parts.append(Part(words, ("word", "words"), f"at {wpm} a minute", words / wpm))
    attachments = len(attachment_requests(document)) + counts["file"]
    minutes = options["attachment-minutes"]
    rate = f"x {minutes:g} min"
    parts.append(Part(attachments, ("attachment", "attachments"), rate, attachments * minutes))
    return [part for part in parts if part.count]


def _field_counts(fields: list[FormField], box_max: int) -> dict[str, int]:
    counts = dict.fromkeys(("text", "box", "long", "checkbox", "choice", "signature", "file"), 0)
    radio_groups: set[str] = set()
    for field in fields:
        kind = field.kind
        if kind == "radio" and field.name:
            if field.name in radio_groups:
                continue
            radio_groups.add(field.name)
        if kind in _LONG_TEXT_KINDS or (kind == "text" and field.attrs.get("multiline")):
            counts["long"] += 1
        elif kind in _TEXT_KINDS:
            short = field.max_length is not None and 0 < field.max_length <= box_max
            counts["box" if short else "text"] += 1
        elif kind in _CHOICE_KINDS:
            counts["choice"] += 1
        elif kind in _FILE_KINDS:
            counts["file"] += 1
        elif kind in counts:
            counts[kind] += 1
    return counts


def attachment_requests(document: Document) -> set[str]:
    """What the form asks people to attach, each document once ("Attach
    Schedule SE" twice is one schedule); "Do not attach" is not a request."""
    found: set[str] = set()
    for block in document.blocks:
        if block.kind == BlockKind.FIELD_TOOLTIP:
            continue
        for match in _ATTACH.finditer(block.text):
            if _NEGATED.search(block.text, 0, match.start()):
                continue
            found.add(_attachment_name(match.group(1)))
    return found


def _attachment_name(words: str) -> str:
    """Up to two words naming what to attach, without "a copy of your" and
    what follows the name: "Schedule SE if required." -> "schedule se"."""
    named: list[str] = []
    for word in words.lower().split():
        clean = word.strip(".,;:")
        if clean.count("(") != clean.count(")"):
            clean = clean.strip("()")
        if named and clean in _AFTER_NAME:
            break
        if named or clean not in _NOT_NAMES:
            named.append(clean)
        if word[-1] in ".;," or len(named) == 2:
            break
    return " ".join(filter(None, named)) or words.split()[0].lower()


def minutes_text(minutes: float) -> str:
    """'under 1 min', '12 min', '1 h 25 min'."""
    if minutes < 1:
        return "under 1 min"
    hours, rest = divmod(round(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def round_up(minutes: float) -> int:
    """A time to print on a form: to the next 5 minutes."""
    return max(5, -(-round(minutes) // 5) * 5)
