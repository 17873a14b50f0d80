"""What a run produced, per file and in total, and the exit code it means.
Formatters and the gate read these; they know nothing of the engine."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from plainlint.document import DocumentStats, Finding, Level


class ExitCode:
    OK = 0
    FINDINGS = 1
    USAGE = 2
    INPUT_ERROR = 3


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    fail_on: Level = Level.WARNING
    words: int = 0
    #: Measures for the scorecard; None for a file that was not read.
    stats: DocumentStats | None = None

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.level.rank >= self.fail_on.rank]


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    #: Rules skipped because they need a language model that is unavailable,
    #: and why.
    skipped_rules: set[str] = field(default_factory=set)
    skip_reason: str | None = None

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.files for finding in result.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [result for result in self.files if result.error is not None]

    def counts(self) -> Counter:
        return Counter(finding.level.value for finding in self.findings)

    def exit_code(self) -> int:
        if self.errors:
            return ExitCode.INPUT_ERROR
        if any(result.failing for result in self.files):
            return ExitCode.FINDINGS
        return ExitCode.OK
