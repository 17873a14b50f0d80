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

_HUNK = re.compile(r"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
#: C-style escapes git uses in quoted path names ("a\"b", "caf\303\251").
_ESCAPE = re.compile(rb"\\([0-7]{3}|.)", re.DOTALL)
_ESCAPES = {b"a": b"\a", b"b": b"\b", b"f": b"\f", b"n": b"\n", b"r": b"\r", b"t": b"\t", b"v": b"\v"}


def changed_lines(ref: str, paths: Sequence[str] = ()) -> dict[str, set[int]]:
    """Changed line numbers of each file under `paths` (everything when
    empty) in the working tree compared with `ref`, keyed by resolved
    absolute path. A file that changed without changed lines (a binary file,
    a pure rename) maps to an empty set; a file that did not change is
    absent."""
    if ref.startswith("-"):
        raise ConfigError(f"--diff: {ref!r} is not a git revision")
    root = Path(_git("find the git repository", "rev-parse", "--show-toplevel").rstrip("\n"))
    # Without paths, the whole repository (git diff's default, but not ls-files').
    pathspec = ["--", *(paths or [str(root)])]
    diff_options = ["--no-color", "--no-ext-diff", "--no-textconv", "--no-relative", "-M", "--diff-filter=d", ref]
    compare = f"compare the working tree with {ref!r}"
    changed: dict[str, set[int]] = {}
    for name in _git(compare, "diff", "--name-only", "-z", *diff_options, *pathspec).split("\0"):
        if name:
            changed[_key(root / name)] = set()
    patch = _git(
        compare, "diff", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", *diff_options, *pathspec
    )
    _add_hunks(patch, root, changed)
    untracked = _git("list untracked files", "ls-files", "--others", "--exclude-standard", "-z", *pathspec)
    for name in untracked.split("\0"):
        if name:
            # ls-files names are relative to the current folder.
            changed[_key(Path(name))] = _all_lines(Path(name))
    return changed


def _add_hunks(patch: str, root: Path, changed: dict[str, set[int]]) -> None:
    """Add the new-side line numbers of each hunk in a `--unified=0` patch.
    Hunk bodies are skipped by count, so an added line that happens to read
    "++ b/x" is never mistaken for a file header."""
    lines = iter(patch.split("\n"))
    current: set[int] | None = None
    for line in lines:
        if line.startswith("+++ "):
            # git ends a name containing a space with a tab.
            name = _unquote(line[4:].removesuffix("\t"))
            current = changed.setdefault(_key(root / name[2:]), set()) if name.startswith("b/") else None
        elif hunk := _HUNK.match(line):
            removed, start, added = (int(n) if n else 1 for n in hunk.groups())
            if current is not None:
                current.update(range(start, start + added))
            body = removed + added
            while body:
                if not next(lines).startswith("\\"):  # "\ No newline at end of file"
                    body -= 1


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
    count = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    return set(range(1, count + 1))


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


def _git(purpose: str, *args: str) -> str:
    """Run git in the current folder; a failure becomes a ConfigError saying
    what was being done and git's own reason (not a repository, bad
    revision)."""
    command = ["git", "--literal-pathspecs", "-c", "core.quotePath=false", *args]
    try:
        completed = subprocess.run(command, capture_output=True, check=False)
    except FileNotFoundError:
        raise ConfigError("--diff needs git, and git is not installed or not on PATH") from None
    if completed.returncode != 0:
        reason = completed.stderr.decode("utf-8", errors="replace").strip().splitlines()
        detail = reason[-1] if reason else f"exit code {completed.returncode}"
        raise ConfigError(f"--diff: could not {purpose}: {detail}")
    return completed.stdout.decode("utf-8", errors="surrogateescape")
