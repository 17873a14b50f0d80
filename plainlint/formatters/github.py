"""GitHub Actions output: workflow commands that become annotations on the
pull request, plus every finding as a plain log line.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step
(and 50 per job) and silently drops the rest, so a run with more findings
would look cleaner than it is. This formatter emits at most that many of each
kind, says in one notice how many were left out, and always lists every
finding in the log, where nothing is dropped.

Levels map error -> ::error, warning -> ::warning, suggestion -> ::notice.
"""

from __future__ import annotations

import os
import secrets
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from plainlint.document import Finding, Level, Location
from plainlint.formatters import Report, format_location
from plainlint.formatters.text import summary_line
from plainlint.gate.baseline import normal_path

COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "notice"}
#: Annotations of each kind GitHub shows per step (actions/toolkit,
#: docs/problem-matchers.md, "Limitations").
PER_STEP = 10


@dataclass(frozen=True)
class Annotation:
    command: str  # error | warning | notice
    properties: dict[str, str | int]
    message: str

    def line(self) -> str:
        props = ",".join(f"{key}={escape_property(str(value))}" for key, value in self.properties.items())
        return f"::{self.command} {props}::{escape_data(self.message)}\n"


def escape_data(text: str) -> str:
    """Escape a command's message; `%` first, so escapes are not re-escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, in which `:` and `,` are separators too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, stream: TextIO, color: bool) -> None:
    annotations = [_file_error(r.path, r.error) for r in report.result.errors]
    annotations += [_finding(f) for f in report.result.findings]
    shown, hidden = within_limits(annotations)
    for annotation in shown:
        stream.write(annotation.line())
    if hidden:
        total = len(report.result.findings)
        left_out = f"{hidden} more annotation{'s are' if hidden != 1 else ' is'} not shown"
        stream.write(Annotation("notice", {"title": "plainlint"}, (
            f"{left_out}: GitHub shows at most {PER_STEP} errors, {PER_STEP} warnings and "
            f"{PER_STEP} notices per step. All {total} findings are listed in the log of this step."
        )).line())
    _write_log(report, stream)


def within_limits(annotations: list[Annotation]) -> tuple[list[Annotation], int]:
    """The annotations GitHub will show, in order, and how many are left out.
    When any are left out, one notice slot is kept for saying so."""
    counts = Counter(a.command for a in annotations)
    caps = dict.fromkeys(COMMANDS.values(), PER_STEP)
    if any(count > PER_STEP for count in counts.values()):
        caps["notice"] -= 1
    shown, used = [], Counter()
    for annotation in annotations:
        if used[annotation.command] < caps[annotation.command]:
            used[annotation.command] += 1
            shown.append(annotation)
    return shown, len(annotations) - len(shown)


def _finding(finding: Finding) -> Annotation:
    location = finding.location
    properties: dict[str, str | int] = {"file": annotation_path(location.path)}
    # A PDF's lines count within a page; "page 3, line 12" goes in the message.
    if location.line is not None and location.page is None:
        end_line = location.end_line or location.line
        properties["line"] = location.line
        properties["endLine"] = end_line
        # GitHub takes columns only for an annotation on a single line.
        if end_line == location.line and location.column is not None:
            properties["col"] = location.column
            if location.end_column is not None:
                properties["endColumn"] = location.end_column
    properties["title"] = f"{finding.code} {finding.name}"
    return Annotation(COMMANDS[finding.level], properties, finding.message + _where(location))


def _file_error(path: str, error: str | None) -> Annotation:
    properties: dict[str, str | int] = {"file": annotation_path(path), "title": "plainlint"}
    return Annotation("error", properties, f"could not read this file: {error}")


def _where(location: Location, page: bool = True) -> str:
    """Pointers a line number cannot give: the PDF page, form field, table
    cell. (The log line's `path:p3:l12` already names the page and line.)"""
    parts = []
    if page and location.page is not None:
        parts.append(f"page {location.page}")
        if location.line is not None:
            parts.append(f"line {location.line}")
    if location.field:
        parts.append(f"field {location.field}")
    elif location.region:
        parts.append(location.region)
    return f" ({', '.join(parts)})" if parts else ""


def annotation_path(path: str) -> str:
    """GitHub matches annotation paths against the repository root, which is
    GITHUB_WORKSPACE; plainlint may run in a subfolder of it."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace and path != "-":
        absolute = Path(os.path.abspath(path))
        if absolute.is_relative_to(os.path.abspath(workspace)):
            return absolute.relative_to(os.path.abspath(workspace)).as_posix()
    return normal_path(path)


def _write_log(report: Report, stream: TextIO) -> None:
    """Every finding as a plain line. Commands are switched off around them
    (::stop-commands::) so no file name or matched text can act as one."""
    token = secrets.token_hex(16)
    stream.write(f"::stop-commands::{token}\n")
    for finding in report.result.findings:
        message = " ".join(f"{finding.message}{_where(finding.location, page=False)}".split())
        stream.write(f"{format_location(finding.location)}: {finding.code} [{finding.level.value}] {message}\n")
    stream.write(f"::{token}::\n")
    stream.write(summary_line(report) + "\n")
