"""Human output: findings grouped by file, each as
`path:line:col: CODE [level] message` with its suggestion on the next line,
then a one-line summary. Coloured on a terminal, plain when piped."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from rich.console import Console
from rich.text import Text

from plainlint.document import Finding
from plainlint.formatters import Report, format_location

LEVEL_STYLES = {"error": "bold red", "warning": "yellow", "suggestion": "cyan"}


def render(report: Report, stream: TextIO, color: bool) -> None:
    """Coloured through rich; plain text is written as it is, since rich
    takes about a millisecond a line (70,000 findings took a minute)."""
    if color:
        console = Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True, emoji=False)
        for line in _lines(report):
            console.print(line)
    else:
        stream.writelines(f"{line if isinstance(line, str) else line.plain}\n" for line in _lines(report))


def _lines(report: Report) -> Iterator[Text | str]:
    first = True
    for result in report.result.files:
        if not result.findings:
            continue
        if not first:
            yield ""
        first = False
        for finding in result.findings:
            yield _finding_line(finding)
            for suggestion in finding.suggestions[:3]:
                yield Text.assemble("    ", ("suggestion: ", "dim"), suggestion.text or "(leave it out)")
            for hint in finding.hints[:3]:
                yield Text.assemble("    ", ("hint: ", "dim"), hint)
    yield summary_line(report)


def _finding_line(finding: Finding) -> Text:
    where = format_location(finding.location)
    extra = ""
    if finding.location.field:
        extra = f" (field {finding.location.field})"
    elif finding.location.region:
        extra = f" ({finding.location.region})"
    return Text.assemble(
        (where, "bold"), ": ", (finding.code, "bold"), " ",
        (f"[{finding.level.value}]", LEVEL_STYLES[finding.level.value]), " ",
        finding.message, extra,
    )


def summary_line(report: Report) -> str:
    result = report.result
    counts = result.counts()
    files = len(result.files) - len(result.errors)
    words = sum(r.words for r in result.files)
    levels = ", ".join(f"{counts.get(level, 0)} {level}{'s' if counts.get(level, 0) != 1 else ''}" for level in ("error", "warning", "suggestion"))
    line = f"Checked {files} file{'s' if files != 1 else ''} ({words:,} words): {levels}"
    if result.errors:
        count = len(result.errors)
        line += f"; {count} file{'s' if count != 1 else ''} could not be read"
    return line + "."
