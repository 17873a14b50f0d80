"""Limit findings to what a change touched (`--diff REF`).

On a pull request, reviewers want to hear about the sentences the author
wrote, not every old problem in the files they touched. Git says which lines
of the working tree differ from REF; files git does not track yet are new, so
every line of them counts as changed.

Paths are keyed by their resolved absolute form, because git names files
relative to the repository root while findings name them as the user did
(relative to the current folder, which may be a subfolder, or absolute).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from plainlint.document import Finding
from plainlint.errors import ConfigError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
#: C-style escapes git uses in quoted path names ("a\"b", "caf\303\251").
_ESCAPE = re.compile(rb"\\([0-7]{3}|.)", re.DOTALL)
_ESCAPES = {b"a": b"\a", b"b": b"\b", b"f": b"\f", b"n": b"\n", b"r": b"\r", b"t": b"\t", b"v": b"\v"}


def changed_lines(ref: str, paths: Sequence[str] = ()) -> dict[str, set[int]]:
    """Changed line numbers of each file under `paths` (everything when
    empty) in the working tree compared with `ref`, keyed by resolved
    absolute path. A file that changed without changed lines (a binary file,
    a pure rename) maps to an empty set; a file that did not change is
    absent."""
    root = Path(_git("rev-parse", "--show-toplevel").rstrip("\n"))
    pathspec = ["--", *paths]
    diff_options = ["--no-color", "--no-ext-diff", "--no-textconv", "-M", "--diff-filter=d", ref]
    changed: dict[str, set[int]] = {}
    for name in _git("diff", "--name-only", "-z", *diff_options, *pathspec).split("\0"):
        if name:
            changed[_key(root / name)] = set()
    patch = _git(
        "diff", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", *diff_options, *pathspec
    )
    current: set[int] | None = None
    for line in patch.splitlines():
        if line.startswith("+++ "):
            name = _unquote(line[4:])
            current = changed.setdefault(_key(root / name[2:]), set()) if name.startswith("b/") else None
        elif current is not None and (hunk := _HUNK.match(line)):
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            current.update(range(start, start + count))
    for name in _git("ls-files", "--others", "--exclude-standard", "-z", *pathspec).split("\0"):
        if name:
            # ls-files names are relative to the current folder.
            changed[_key(Path(name))] = _all_lines(Path(name))
    return changed


def filter_changed(findings: Iterable[Finding], changed: dict[str, set[int]]) -> list[Finding]:
    """Findings whose lines meet a changed line. Findings without lines (a
    PDF page, a DOCX form field, a whole file) are kept when their file
    changed at all, since there is no finer way to tell."""
    kept = []
    for finding in findings:
        lines = changed.get(_key(Path(finding.location.path)))
        if lines is None:
            continue
        first = finding.location.line
        if first is None:
            kept.append(finding)
            continue
        last = finding.location.end_line or first
        if any(line in lines for line in range(first, last + 1)):
            kept.append(finding)
    return kept


def _key(path: Path) -> str:
    return str(path.resolve())


def _all_lines(path: Path) -> set[int]:
    try:
        data = path.read_bytes()
    except OSError:
        return set()
    return set(range(1, data.count(b"\n") + 2))


def _unquote(name: str) -> str:
    """Undo git's C-style quoting of unusual path names in diff headers."""
    if not (len(name) >= 2 and name[0] == name[-1] == '"'):
        return name
    body = name[1:-1].encode("utf-8", errors="surrogateescape")
    raw = _ESCAPE.sub(lambda m: _escaped(m.group(1)), body)
    return raw.decode("utf-8", errors="surrogateescape")


def _escaped(code: bytes) -> bytes:
    if len(code) == 3:
        return bytes([int(code, 8)])
    return _ESCAPES.get(code, code)


def _git(*args: str) -> str:
    """Run git in the current folder; its failures become ConfigErrors that
    carry git's own explanation (not a repository, unknown revision)."""
    command = ["git", "--literal-pathspecs", "-c", "core.quotePath=false", *args]
    try:
        completed = subprocess.run(command, capture_output=True, check=False)
    except FileNotFoundError:
        raise ConfigError("--diff needs git, and git is not installed or not on PATH") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", errors="replace").strip().splitlines()
        detail = message[-1] if message else f"exit code {completed.returncode}"
        raise ConfigError(f"--diff: git {args[0]} failed: {detail}")
    return completed.stdout.decode("utf-8", errors="surrogateescape")
