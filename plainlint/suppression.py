"""Inline suppression comments: which findings the author has silenced.

`<!-- plainlint-disable CODES -->` ... `<!-- plainlint-enable CODES -->`,
`<!-- plainlint-disable-next-line CODES -->` and
`<!-- plainlint-disable-file CODES -->`; no codes means every rule. Codes are
prefixes, as in `select`, so `PL1` silences the whole word-choice family."""

from __future__ import annotations

from collections.abc import Iterable

from plainlint.document import Directive, Finding

_ALL = ""  # the prefix every code starts with


def apply_directives(findings: Iterable[Finding], directives: list[Directive]) -> list[Finding]:
    if not directives:
        return list(findings)
    silenced = _Silenced(directives)
    return [f for f in findings if not silenced.covers(f)]


class _Silenced:
    def __init__(self, directives: list[Directive]):
        self.whole_file: list[str] = []
        self.lines: dict[int, list[str]] = {}
        #: (prefix, first line, last line or None while still open)
        self.ranges: list[list] = []
        for directive in sorted(directives, key=lambda d: d.line):
            codes = list(directive.codes) or [_ALL]
            if directive.action == "disable-file":
                self.whole_file.extend(codes)
            elif directive.action == "disable-next-line":
                self.lines.setdefault(directive.line + 1, []).extend(codes)
            elif directive.action == "disable":
                self.ranges.extend([code, directive.line, None] for code in codes)
            elif directive.action == "enable":
                self._close(codes, directive.line)

    def _close(self, codes: list[str], line: int) -> None:
        for open_range in self.ranges:
            if open_range[2] is None and (_ALL in codes or open_range[0] in codes):
                open_range[2] = line

    def covers(self, finding: Finding) -> bool:
        code, line = finding.code, finding.location.line
        if any(code.startswith(prefix) for prefix in self.whole_file):
            return True
        if line is None:
            return False
        if any(code.startswith(prefix) for prefix in self.lines.get(line, ())):
            return True
        return any(
            code.startswith(prefix) and first <= line and (last is None or line <= last)
            for prefix, first, last in self.ranges
        )
