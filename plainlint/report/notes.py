"""What `plainlint annotate` writes into every kind of copy: the text of one
finding's note, and the tally the command prints."""

from __future__ import annotations

from dataclasses import dataclass

from plainlint.document import Finding

AUTHOR, INITIALS = "plainlint", "PL"


@dataclass(frozen=True)
class Annotated:
    data: bytes
    placed: int  # notes on the text or the field itself
    apart: int  # findings in the one note at the start
    changed: int = 0  # safe rewrites made tracked changes


def note_text(finding: Finding) -> str:
    """The rule, its level, the message and each suggestion with its confidence."""
    lines = [f"{finding.code} {finding.name} [{finding.level.value}]: {finding.message}"]
    lines += [f"Suggestion ({s.confidence}): {s.text}" for s in finding.suggestions]
    lines += [f"Hint: {hint}" for hint in finding.hints]
    return "\n".join(lines)


def where(finding: Finding) -> str:
    """A short pointer for a finding listed in the note at the start."""
    location = finding.location
    if location.field or location.region:
        return location.field or location.region
    if location.line and location.page:
        return f"page {location.page}, line {location.line}"
    return f"paragraph {location.line}" if location.line else "the document"


def apart_note(findings: list[Finding]) -> str:
    listed = "\n".join(f"{where(f)}: {note_text(f)}" for f in findings)
    return f"plainlint: {len(findings)} findings without a place in the text\n{listed}"
