"""Which form fields ask for sensitive personal data, and what kind.

Shared by PL408 (review each kind of sensitive data a form asks for) and
PL412 (a federal form that asks for it needs a Privacy Act statement). The
vocabulary is data: each kind lists the phrases a person reads beside such a
field, the acronyms (matched in their own case), the words of field names and
autocomplete tokens that give it away, advice, and the source naming it as
sensitive.

A field is read the way its filler meets it: its accessible name, tooltip,
hint, group legend and the printed text nearest to it (a PDF's label), plus
its internal name split into words ("alien_re_number" -> "alien re number",
"RoutingNoRules" -> "routing no rules"), because IRS and USCIS forms often
carry no tooltips and only their field names say what they hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from plainlint.document import FormField
from plainlint.forms.fields import excerpt, field_words


@dataclass(frozen=True)
class SensitiveKind:
    """A vocabulary row: one kind of sensitive data and how to spot it."""

    #: The key users name in the rules' `kinds` option.
    key: str
    #: How messages name it: "a Social Security number".
    name: str
    #: Lowercase phrases a person reads beside the field (any case matches).
    phrases: tuple[str, ...]
    #: Acronyms, matched in exactly this case ("SSN", not "ssn" in prose).
    acronyms: tuple[str, ...]
    #: Lowercase words of a field name or autocomplete token.
    name_words: tuple[str, ...]
    #: What the form's owner can do about it: the finding's suggestion.
    advice: str
    source: str


KINDS: tuple[SensitiveKind, ...] = (
    SensitiveKind(
        "national-id",
        "a Social Security or other national identity number",
        ("social security number", "social security no", "social security #",
         "taxpayer identification number", "national insurance number", "social insurance number"),
        ("SSN", "SSNs", "ITIN", "TIN", "NINO"),
        ("ssn", "ssns", "socsec", "social security", "itin", "national insurance", "social insurance"),
        "Say why you need the number, under what law, and whether giving it is voluntary "
        "(Privacy Act section 7(b)); if you only need to tell people apart, ask for something "
        "less sensitive or just the last 4 digits.",
        "Privacy Act of 1974 section 7 (Pub. L. 93-579); OMB M-07-16 (reduce the use of SSNs)",
    ),
    SensitiveKind(
        "immigration-number",
        "an A-Number or other immigration record number",
        ("alien registration number", "alien number", "a-number", "uscis online account number",
         "i-94 number", "i-94 record number"),
        ("A-Number", "A-NUMBER"),
        ("alien", "anumber", "uscis online account", "i 94"),
        "Ask for the A-Number only if you will use it to find the person's record, and say so.",
        "DHS Handbook for Safeguarding Sensitive PII (2017), stand-alone sensitive PII",
    ),
    SensitiveKind(
        "date-of-birth",
        "a date of birth",
        ("date of birth", "birth date", "birthdate", "birthday"),
        ("DOB",),
        ("dob", "birth date", "birthdate", "date of birth", "bday", "birthday"),
        "If you only need an age, or to know that someone is over 18, ask that instead of "
        "the full date of birth.",
        "OMB M-07-16; NIST SP 800-122 section 2.1 (examples of PII)",
    ),
    SensitiveKind(
        "place-of-birth",
        "a place of birth",
        ("place of birth", "birthplace", "country of birth", "city of birth", "town of birth"),
        (),
        ("place of birth", "birthplace", "birth place", "country of birth", "city of birth"),
        "Ask for the place of birth only if the law or the decision needs it, and say why.",
        "OMB M-07-16; NIST SP 800-122 section 2.1 (examples of PII)",
    ),
    SensitiveKind(
        "financial-account",
        "a bank account, routing or card number",
        ("bank account", "account number", "routing number", "routing transit number", "sort code",
         "roll number", "card number", "credit card", "debit card"),
        ("ABA", "IBAN"),
        ("routing", "bank account", "sort code", "roll number", "card number", "cc number", "iban"),
        "Ask for bank or card details only when you pay money in or take a payment, and say "
        "how you keep them safe.",
        "DHS Handbook for Safeguarding Sensitive PII (2017); NIST SP 800-122 section 2.1",
    ),
    SensitiveKind(
        "race-ethnicity",
        "race or ethnicity",
        ("race", "ethnicity", "ethnic group", "ethnic origin", "hispanic or latino", "tribal affiliation"),
        (),
        ("race", "ethnicity", "ethnic"),
        "Follow SPD 15: let people choose more than one category, make the question optional "
        "and say how the answers are used.",
        "OMB Statistical Policy Directive No. 15 (2024)",
    ),
    SensitiveKind(
        "sex-gender",
        "sex, gender or sexual orientation",
        ("sex", "gender", "gender identity", "sexual orientation"),
        (),
        ("sex", "gender", "sexual orientation"),
        "Ask only if you need it, say whether you mean sex or gender, and offer "
        '"Prefer not to say".',
        "OMB Recommendations on the Best Practices for the Collection of SOGI Data (2023); "
        "GOV.UK Design System, Ask users for equality information",
    ),
    SensitiveKind(
        "health",
        "health or disability information",
        ("disability", "disabilities", "health condition", "health conditions", "medical condition",
         "medical conditions", "medical history", "medical record", "diagnosis", "mental health"),
        (),
        ("disability", "medical", "diagnosis"),
        "Ask only for the health information the decision needs, say who will see it, and make "
        "it optional where you can.",
        "DHS Handbook for Safeguarding Sensitive PII (2017); GOV.UK Design System, Ask users "
        "for equality information",
    ),
    SensitiveKind(
        "criminal-history",
        "criminal history",
        ("arrested", "convicted", "criminal record", "criminal history", "criminal conviction",
         "criminal offense", "criminal offence"),
        (),
        ("arrested", "convicted", "criminal", "conviction"),
        "Ask only about the records the law lets you consider, and say how the answer affects "
        "the decision.",
        "DHS Handbook for Safeguarding Sensitive PII (2017)",
    ),
    SensitiveKind(
        "identity-document",
        "a passport or driver's license number",
        ("passport number", "passport no", "driver's license", "drivers license", "driver license",
         "driver's licence", "driving licence", "state id number", "identity card number"),
        (),
        ("passport number", "passport no", "drivers license", "driver license", "license number",
         "licence number", "driving licence"),
        "Ask for the document number only if you will check it, and say so.",
        "DHS Handbook for Safeguarding Sensitive PII (2017), stand-alone sensitive PII",
    ),
)

KIND_BY_KEY = {kind.key: kind for kind in KINDS}

#: Printed text that is not this box's label: it points at another box
#: ("Enter spouse's SSN above") or gives the value itself ("account number
#: 123 456 789" on an invoice).
_NOT_THIS_BOX = re.compile(r"\s*(?:\(s\))?(?:\s+(?:above|below)\b|\s*[:#]?\s*\d)", re.IGNORECASE)


def _phrase_regex(phrases: Iterable[str]) -> str:
    alternatives = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in alternatives)


def _compile(kind: SensitiveKind) -> tuple[re.Pattern, re.Pattern]:
    texts = [f"(?i:{_phrase_regex(kind.phrases)})"]
    if kind.acronyms:
        texts.append(_phrase_regex(kind.acronyms))
    text = re.compile(rf"(?<![\w-])(?:{'|'.join(texts)})(?![\w-])")
    names = re.compile(rf"\b(?:{_phrase_regex(kind.name_words)})\b")
    return text, names


_PATTERNS = {kind.key: _compile(kind) for kind in KINDS}


def kinds_of(field: FormField, keys: Iterable[str] | None = None) -> list[SensitiveKind]:
    """The kinds of sensitive data a field asks for (usually none or one)."""
    wanted = set(keys) if keys is not None else None
    own = [text.replace("’", "'") for text in (field.label, field.tooltip, field.hint, field.group) if text]
    nearby = (field.nearby_text or "").replace("’", "'")
    words = " ".join(field_words(part) for part in (field.name, field.autocomplete) if part)
    found = []
    for kind in KINDS:
        if wanted is not None and kind.key not in wanted:
            continue
        text, names = _PATTERNS[kind.key]
        if (
            any(text.search(part) for part in own)
            or _asks_here(text, nearby)
            or (words and names.search(words))
        ):
            found.append(kind)
    return found


def _asks_here(pattern: re.Pattern, nearby: str) -> bool:
    """Printed text near a box names what it holds, unless it is about
    another box or already holds the value."""
    return any(not _NOT_THIS_BOX.match(nearby, m.end()) for m in pattern.finditer(nearby))


def sensitive_fields(
    fields: Iterable[FormField], keys: Iterable[str] | None = None
) -> dict[str, list[FormField]]:
    """Fields by the key of each kind of sensitive data they ask for, in
    KINDS order (a field asking for two kinds is under both)."""
    found: dict[str, list[FormField]] = {kind.key: [] for kind in KINDS}
    for field in fields:
        for kind in kinds_of(field, keys):
            found[kind.key].append(field)
    return {key: fields for key, fields in found.items() if fields}


def describe(fields: list[FormField], kind: SensitiveKind, limit: int = 3) -> str:
    """How a message names the questions that ask for `kind`: "'Your social
    security number' (page 1), 'What is your date of birth?'", each by the
    words that asked for it (a date's question, not its "Day" box), or by
    the field's name when only the name gives it away."""
    text, _ = _PATTERNS[kind.key]
    seen: dict[str, None] = {}
    for field in fields:
        candidates = (field.group, field.label, field.tooltip, field.hint, field.nearby_text)
        words = next((c for c in candidates if c and text.search(c.replace("’", "'"))), None)
        shown = excerpt(words, 60) if words else f"field {field.name or 'without a name'}"
        page = f" (page {field.location.page})" if field.location.page else ""
        seen.setdefault(f"'{shown}'{page}" if words else f"{shown}{page}", None)
    names = list(seen)
    listed = ", ".join(names[:limit])
    return listed + (f" and {len(names) - limit} more" if len(names) > limit else "")
