"""What US federal paperwork law asks a form to show, and how to find it in
the form's own words.

Shared by PL410 (OMB control number and expiration date), PL411 (burden
statement), PL412 (Privacy Act statement) and PL413 (burden estimate).

Only forms are judged: a document with at least `min_fields` fields a person
fills in (signature boxes and search boxes do not count, so a signed
Federal Register notice or an agency page with a search box is not a form).
A form is US federal when its text shows one of the signs in
`rules/vocab/federal-signs.yml`: an OMB control number, the name of a federal
agency or law, or a federal form number. Names that other governments share ("Department of Justice",
"Privacy Act") count only with "U.S." or "United States" before them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from plainlint.document import Block, Document
from plainlint.forms.fields import FormText, fillable_fields


@dataclass(frozen=True)
class Sign:
    """A row of `rules/vocab/federal-signs.yml`: words that mark a form as
    US federal."""

    #: What it is: "Internal Revenue Service", "an OMB control number".
    what: str
    pattern: re.Pattern
    #: The name a rule looks the sign up by ("omb-control-number"), if any.
    key: str = ""

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Sign:
        if "agency" in row:
            return cls(row["agency"], _agency(row["agency"], row.get("acronyms") or ()), row.get("key", ""))
        return cls(row["what"], re.compile(row["pattern"]), row.get("key", ""))


def _agency(name: str, acronyms: Iterable[str]) -> re.Pattern:
    """An agency by its name (any case, any spacing) or its acronyms (in
    capitals only: "IRS", not "irs")."""
    words = r"\s+".join("(?:and|&)" if word == "and" else re.escape(word) for word in name.split())
    return re.compile("|".join([rf"(?i:\b{words}\b)", *(rf"\b{re.escape(a)}\b" for a in acronyms)]))


#: Kinds of field that do not make a document a form to fill in.
_NOT_ANSWERS = frozenset({"signature", "search"})

_OMB_WORD = re.compile(r"\bOMB\b")
_DATE = (
    r"\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{2,4}|\d{1,2}\s?/\s?\d{4}|\d{4}-\d{2}-\d{2}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}"
)
#: "Expires 02/28/2018", "Expiration Date: 12/31/2025", "Exp. 07/2026".
EXPIRATION = re.compile(
    rf"(?i:\b(?:expires|expiration(?:\s+date)?|exp\.(?:\s+date)?)\s*[:.]?\s*(?:on\s+)?)(?:{_DATE})"
)
#: How far from the OMB number its expiration date may be printed.
_EXPIRY_WINDOW = 200

#: "15 minutes", "4.75 hours", "1 to 2 hours", "5 hr., 30 min."
DURATION = re.compile(
    r"(?i)(?<![\d.])(\d+(?:\.\d+)?)(?:\s*(?:to|-|–|or)\s*(\d+(?:\.\d+)?))?"
    r"\s*(hours?\b|minutes?\b|hrs?\b\.?|mins?\b\.?)"
    r"(?:,?\s*(?:and\s+)?(\d+)\s*(?:minutes?\b|mins?\b\.?))?"
)
#: Words that introduce a stated time: "Public reporting burden ... is
#: estimated to average", "The estimated average time is", "It takes about".
_TIME_CUE = re.compile(
    r"(?i)\b(?:burden|estimated\s+(?:average\s+)?time|average\s+time"
    r"|estimates?\s+that\s+(?:the\s+)?(?:time|it)|time\s+(?:needed|necessary|required)\s+to"
    r"|(?:it|this\s+(?:form|application|survey))\s+(?:takes|will\s+take|should\s+take))\b"
)
#: How far after its cue a stated time may be, and how close list items are
#: ("Recordkeeping, 2 hr.; Learning about the law, 1 hr.; ...").
_CUE_REACH, _LIST_GAP = 250, 80
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
#: An estimate named without a number: "For estimated averages, see ...".
_ESTIMATE_NAMED = re.compile(
    r"(?i)\b(?:estimated\s+(?:average\s+)?(?:time|burden|averages?)|burden\s+estimate|reporting\s+burden)\b"
    r"|\baverage\s+time\b[^.]{0,40}?\b(?:complete|fill|prepare)"
)
_PRA = re.compile(r"(?i)\bPaperwork\s+Reduction\s+Act\b")
_PRA_NOTICE = re.compile(r"(?i)\bPaperwork\s+Reduction\s+Act\s+(?:Notice|Statement)\b")
_PRIVACY_NOTICE = re.compile(r"(?i)\bPrivacy\s+Act\b[^.\n]{0,60}?\b(?:Notice|Statement|Advisory)\b")
_PRIVACY_CONTENT = re.compile(r"(?i)\broutine\s+uses?\b|\bPrivacy\s+Act\s+of\s+1974\b|\b552a\b")
#: "..., see separate instructions": the statement is printed elsewhere.
_SEE_ELSEWHERE = re.compile(r"(?i)\s*,?\s*(?:see|refer\s+to)\b")


@dataclass(frozen=True)
class FederalForm:
    """A form that looks US federal, and the words that show it."""

    text: FormText
    #: The first match of each sign the form shows, in the vocabulary's order.
    signs: tuple[tuple[Sign, re.Match], ...]

    def match(self, key: str) -> re.Match | None:
        """Where the form first shows the sign with this key."""
        return next((match for sign, match in self.signs if sign.key == key), None)

    def evidence(self, limit: int = 2) -> str:
        """The words that show it, quoted: "'Department of the Treasury', 'Form W-9'"."""
        return ", ".join(repr(" ".join(match.group().split())) for _, match in self.signs[:limit])

    def names_any(self, agencies: list[str]) -> bool:
        """Whether the form names one of `agencies` ("Internal Revenue Service")."""
        return any(agency.lower() in sign.what.lower() for agency in agencies for sign, _ in self.signs)

    def anchor(self) -> tuple[Block, int, int] | None:
        """The words that first show the form is federal, to hang a
        document-level finding on (its header, usually)."""
        for _, match in sorted(self.signs, key=lambda item: item[1].start()):
            found = self.text.span(match.start(), match.end())
            if found:
                return found
        return None


def answer_count(document: Document) -> int:
    """Fields a person answers: not buttons, signatures or search boxes."""
    return sum(1 for field in fillable_fields(document) if field.kind not in _NOT_ANSWERS)


def is_form(document: Document, min_fields: int) -> bool:
    return answer_count(document) >= max(min_fields, 1)


def federal_form(document: Document, min_fields: int, signs: Iterable[Sign]) -> FederalForm | None:
    """The form, if it is one and shows one of `signs`; else None."""
    if not is_form(document, min_fields):
        return None
    text = FormText(document)
    signs = tuple((sign, m) for sign in signs if (m := sign.pattern.search(text.text)))
    return FederalForm(text, signs) if signs else None


def omb_expiration(text: str) -> re.Match | None:
    """The expiration date printed with the OMB number ("OMB No. 1615-0040;
    Expires 02/28/2018"): within a few lines of an OMB mention, not anywhere
    on the form, where "expires" may be about a passport or an exemption."""
    for omb in _OMB_WORD.finditer(text):
        start = max(omb.start() - _EXPIRY_WINDOW, 0)
        found = EXPIRATION.search(text, start, omb.end() + _EXPIRY_WINDOW)
        if found:
            return found
    return None


@dataclass(frozen=True)
class StatedTime:
    """A time the form says it takes, in minutes, and where it says so."""

    minutes: float
    start: int
    end: int


def stated_time(text: str) -> StatedTime | None:
    """The first time the form states for itself. A list of parts (IRS:
    "Recordkeeping, 2 hr., 10 min.; Learning about the law, 1 hr.") adds up;
    a range ("1 to 2 hours") counts as its upper end."""
    for cue in _TIME_CUE.finditer(text):
        first = DURATION.search(text, cue.end(), cue.end() + _CUE_REACH)
        if first is None:
            continue
        total, end = _minutes(first), first.end()
        for following in DURATION.finditer(text, end):
            gap = text[end : following.start()]
            if len(gap) > _LIST_GAP or _SENTENCE_BREAK.search(gap):
                break
            total, end = total + _minutes(following), following.end()
        return StatedTime(total, cue.start(), end)
    return None


def _minutes(match: re.Match) -> float:
    value = float(match.group(2) or match.group(1))
    value *= 60 if match.group(3).lower().startswith("h") else 1
    return value + float(match.group(4) or 0)


def burden_status(text: str) -> str:
    """How a form tells people the time it takes: "stated" (a number),
    "named" (the estimate in words or a pointer to it), "pointer" (its PRA
    notice is elsewhere), "notice" (a PRA notice without an estimate), or
    "none"."""
    if stated_time(text):
        return "stated"
    if _ESTIMATE_NAMED.search(text):
        return "named"
    if any(_SEE_ELSEWHERE.match(text, m.end()) for m in _PRA_NOTICE.finditer(text)):
        return "pointer"
    return "notice" if _PRA.search(text) else "none"


def privacy_status(text: str) -> str:
    """"statement" (a Privacy Act statement is on the form), "pointer" ("For
    Privacy Act Notice, see separate instructions") or "none"."""
    pointed = False
    for notice in _PRIVACY_NOTICE.finditer(text):
        if _SEE_ELSEWHERE.match(text, notice.end()):
            pointed = True
        else:
            return "statement"
    if _PRIVACY_CONTENT.search(text):
        return "statement"
    return "pointer" if pointed else "none"
