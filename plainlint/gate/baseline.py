"""Baselines: accept today's findings so that only new ones fail a build.

A team adopting plainlint on a large body of existing documents records what
it finds now (`--write-baseline`) and from then on is told only about findings
that are not in that record. A finding is recognised by a fingerprint of what
it is about, not where it is: the rule, the file, the matched words and the
sentence or block around them. Line numbers are left out, so adding a
paragraph above an old finding, or re-wrapping it, does not make it "new".
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from plainlint.document import Finding
from plainlint.errors import ConfigError
from plainlint.gate.atomic import write_text_atomic

VERSION = 1


def normal_path(path: str) -> str:
    """A path as the same file is named from any run in the same folder:
    forward slashes, no leading `./`, relative to the current folder when it
    lies inside it (so `docs/a.md`, `./docs/a.md` and `/repo/docs/a.md`
    agree)."""
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            return Path(path).as_posix()
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return Path(path).as_posix()
        path = relative
    return Path(path).as_posix()


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _identity(finding: Finding, path: str | None = None) -> str:
    """What the finding is about, without its position. Findings on a whole
    file, page or form field have no matched text; their message (which names
    what is wrong) and field name stand in for it. `path`: the finding's
    `normal_path`, when the caller has it."""
    parts = [
        finding.code,
        path if path is not None else normal_path(finding.location.path),
        _collapse(finding.matched).lower(),
        _collapse(finding.context),
        finding.location.field or "",
    ]
    if not finding.matched and not finding.context:
        parts.append(_collapse(finding.message))
    return "\x1f".join(parts)


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    """A stable hex id for `finding`; `occurrence` tells apart findings that
    are otherwise identical (the same word twice in one sentence)."""
    return _digest(_identity(finding), occurrence)


def _digest(identity: str, occurrence: int) -> str:
    key = f"{identity}\x1f{occurrence}"
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]  # a non-UTF-8 file name


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """Fingerprints for findings in report order, numbering duplicates in
    the order they occur (each file's path normalised once)."""
    seen: Counter[str] = Counter()
    paths: dict[str, str] = {}
    result = []
    for finding in findings:
        path = finding.location.path
        if path not in paths:
            paths[path] = normal_path(path)
        identity = _identity(finding, paths[path])
        result.append(_digest(identity, seen[identity]))
        seen[identity] += 1
    return result


@dataclass
class Baseline:
    """The findings accepted when the baseline was written, as a multiset of
    fingerprints."""

    accepted: Counter[str]

    def filter_new(self, findings: list[Finding]) -> list[Finding]:
        """The findings not in the baseline, in their original order. Each
        baseline entry accepts one finding: two identical old findings let
        two through, and a third identical one is new."""
        remaining = Counter(self.accepted)
        new = []
        for finding, print_ in zip(findings, fingerprints(findings), strict=True):
            if remaining[print_] > 0:
                remaining[print_] -= 1
            else:
                new.append(finding)
        return new


def write_baseline(path: str | os.PathLike[str], findings: Iterable[Finding]) -> None:
    """Write the baseline file atomically. Entries are sorted by file, rule and
    text, not by line, so re-writing it after unrelated edits gives a small
    diff; the code, path and matched text are there for people reviewing it."""
    findings = list(findings)
    entries = [
        {
            "fingerprint": print_,
            "code": finding.code,
            "path": normal_path(finding.location.path),
            "matched": _collapse(finding.matched),
        }
        for finding, print_ in zip(findings, fingerprints(findings), strict=True)
    ]
    entries.sort(key=lambda e: (e["path"], e["code"], e["matched"].lower(), e["fingerprint"]))
    document = {"plainlint_baseline": VERSION, "findings": entries}
    write_text_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline file; a missing, unreadable or malformed one is a
    ConfigError naming the file, because silently using an empty baseline
    would fail a build on every old finding."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read baseline file: {error}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"{path}: baseline file is not valid JSON: {error}") from None
    if not isinstance(document, dict) or "plainlint_baseline" not in document:
        raise ConfigError(f"{path}: not a plainlint baseline file")
    if document["plainlint_baseline"] != VERSION:
        raise ConfigError(
            f"{path}: baseline format version {document['plainlint_baseline']!r} is not supported "
            f"(this plainlint reads version {VERSION}); re-create it with --write-baseline"
        )
    entries = document.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str) for entry in entries
    ):
        raise ConfigError(
            f"{path}: baseline file is corrupt: 'findings' must be a list of entries with a 'fingerprint'"
        )
    return Baseline(Counter(entry["fingerprint"] for entry in entries))
