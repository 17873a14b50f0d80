"""Run the enabled rules over documents and decide the exit code.

Files are read and extracted one by one; an unreadable file becomes an error
for that file only and the run goes on. Findings then pass through inline
suppressions and per-rule level overrides."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pathspec

from plainlint.config import ConfigResolver, Settings
from plainlint.document import Document, Finding, Level
from plainlint.errors import InputError
from plainlint.extract import Source, extract, read_source, supported_suffixes
from plainlint.registry import Registry
from plainlint.suppression import apply_directives

STDIN = "-"


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

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.level.rank >= self.fail_on.rank]


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)

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


@dataclass(frozen=True)
class Target:
    """One input to check: its display path, real path (None for stdin)."""

    display: str
    path: Path | None


class Linter:
    def __init__(self, registry: Registry, resolver: ConfigResolver, cli_excludes: Iterable[str] = ()):
        self.registry = registry
        self.resolver = resolver
        self.cli_excludes = pathspec.GitIgnoreSpec.from_lines(list(cli_excludes))

    def targets(self, paths: Iterable[str], stdin_name: str | None = None) -> Iterator[Target | FileResult]:
        """Expand the paths the user named into files to check; a path that
        does not exist comes back as a FileResult with its error."""
        suffixes = supported_suffixes()
        for name in paths:
            if name == STDIN:
                yield Target(stdin_name or STDIN, None)
                continue
            path = Path(name)
            if path.is_dir():
                for file in sorted(path.rglob("*")):
                    if file.suffix.lower() in suffixes and file.is_file() and not self._excluded(file):
                        yield Target(str(file), file)
            elif path.exists():
                if not self._excluded(path):
                    yield Target(name, path)
            else:
                yield FileResult(name, error="no such file or directory")

    def _excluded(self, path: Path) -> bool:
        if self.cli_excludes.match_file(path.as_posix()):
            return True
        return self.resolver.for_path(path).is_excluded(path)

    def check_target(self, target: Target, stdin: bytes = b"") -> FileResult:
        settings = self.resolver.for_path(target.path)
        result = FileResult(target.display, fail_on=settings.fail_on)
        try:
            if target.path is None:
                # Standard input is Markdown unless --stdin-filename says otherwise.
                document = extract(Source(target.display, stdin, settings.max_file_size, "markdown"))
            else:
                document = extract(read_source(target.path, target.display, settings.max_file_size))
        except InputError as error:
            result.error = str(error)
            return result
        result.words = document.word_count()
        result.findings = check_document(document, settings, self.registry, target.path)
        return result


def check_document(document: Document, settings: Settings, registry: Registry, path: Path | None = None) -> list[Finding]:
    """Run the rules `settings` enables on one document; apply the author's
    suppression comments and configured levels; sort by position."""
    findings: list[Finding] = []
    for rule in settings.enabled_rules(registry, path):
        level = settings.level_for(rule)
        for finding in rule.run(document, settings.options_for(rule)):
            if level != rule.level and finding.level == rule.level:
                finding = replace(finding, level=level)
            findings.append(finding)
    findings = apply_directives(findings, document.directives)
    return sorted(findings, key=lambda f: (f.location.sort_key(), f.code))
