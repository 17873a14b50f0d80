"""Findings as the editor sees them: LSP diagnostics, quick fixes and
hovers, computed from a buffer's text. Pure functions of their inputs, so
the server module only routes messages.

Positions: plainlint counts lines from 1 and characters (code points) from
1; LSP counts both from 0, characters in UTF-16 code units (the protocol's
default encoding, which every client supports).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from lsprotocol import types

from plainlint.document import Finding, Level
from plainlint.fix import line_starts, plan, safe_fix, span

SOURCE = "plainlint"
SEVERITY = {
    Level.ERROR: types.DiagnosticSeverity.Error,
    Level.WARNING: types.DiagnosticSeverity.Warning,
    Level.SUGGESTION: types.DiagnosticSeverity.Information,
}
#: Formats whose suppression comments plainlint reads (`<!-- ... -->`).
COMMENT_FORMATS = frozenset({"markdown", "html"})


@dataclass(frozen=True)
class Placed:
    """A finding and where it is in the buffer, in LSP terms."""

    finding: Finding
    range: types.Range


def place(findings: list[Finding], text: str) -> list[Placed]:
    lines = text.split("\n")
    return [Placed(finding, _range(finding, lines)) for finding in findings]


def diagnostic(placed: Placed, doc_url: str | None) -> types.Diagnostic:
    finding = placed.finding
    message = finding.message
    if finding.hints:
        message += "".join(f"\nhint: {hint}" for hint in finding.hints)
    return types.Diagnostic(
        range=placed.range,
        message=message,
        severity=SEVERITY[finding.level],
        code=finding.code,
        code_description=types.CodeDescription(href=doc_url) if doc_url else None,
        source=SOURCE,
    )


def quick_fixes(uri: str, placed: Placed, text: str, file_format: str) -> list[types.CodeAction]:
    """A fix per suggestion (the safe one preferred), when the buffer still
    holds the finding's words there, and "disable this rule for this line"."""
    finding = placed.finding
    actions = []
    if span(text, finding) is not None:
        safe = safe_fix(finding)
        for suggestion in finding.suggestions:
            shown = suggestion.text or "(leave it out)"
            actions.append(types.CodeAction(
                title=f"{finding.code}: replace with \"{shown}\"",
                kind=types.CodeActionKind.QuickFix,
                is_preferred=suggestion.text == safe,
                edit=_edit(uri, [types.TextEdit(placed.range, suggestion.text)]),
            ))
    if file_format in COMMENT_FORMATS and finding.location.line:
        line = placed.range.start.line
        current = text.split("\n")[line]
        indent = current[: len(current) - len(current.lstrip())]
        comment = f"{indent}<!-- plainlint-disable-next-line {finding.code} -->\n"
        at = types.Position(line, 0)
        actions.append(types.CodeAction(
            title=f"Disable {finding.code} for this line",
            kind=types.CodeActionKind.QuickFix,
            edit=_edit(uri, [types.TextEdit(types.Range(at, at), comment)]),
        ))
    return actions


def fix_all(uri: str, findings: list[Finding], text: str) -> types.CodeAction | None:
    """"Fix all safe findings in this file", as `plainlint check --fix` would."""
    edits = plan(text, findings)
    if not edits:
        return None
    offsets = _LineOffsets(text)
    changes = [types.TextEdit(types.Range(offsets.position(e.start), offsets.position(e.end)), e.text) for e in edits]
    return types.CodeAction(
        title=f"plainlint: fix all safe findings in this file ({len(edits)})",
        kind=types.CodeActionKind.SourceFixAll,
        edit=_edit(uri, changes),
    )


def overlaps(one: types.Range, other: types.Range) -> bool:
    return _key(one.start) <= _key(other.end) and _key(other.start) <= _key(one.end)


def _key(position: types.Position) -> tuple[int, int]:
    return position.line, position.character


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def _range(finding: Finding, lines: list[str]) -> types.Range:
    """The finding's characters; a finding with no line (a PDF page, a form
    field, the whole file) sits at the start."""
    location = finding.location
    if location.line is None or not 0 < location.line <= len(lines):
        start = types.Position(0, 0)
        return types.Range(start, start)
    start = _position(lines, location.line, location.column or 1)
    if location.end_line and location.end_column and 0 < location.end_line <= len(lines):
        end = _position(lines, location.end_line, location.end_column)
    else:
        end = types.Position(start.line, _utf16(lines[location.line - 1]))
    return types.Range(start, end)


def _position(lines: list[str], line: int, column: int) -> types.Position:
    text = lines[line - 1]
    return types.Position(line - 1, _utf16(text[: max(column - 1, 0)]))


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _LineOffsets:
    """From character offsets in the text to LSP positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def position(self, offset: int) -> types.Position:
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line, _utf16(self.text[self.starts[line] : offset]))
