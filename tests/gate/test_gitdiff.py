"""`--diff REF`: changed lines from a real git repository, matched to
findings however their paths are written."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from plainlint.document import Finding, Level, Location
from plainlint.errors import ConfigError
from plainlint.gate.gitdiff import changed_lines, filter_changed

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

LINES = "".join(f"line {n}\n" for n in range(1, 11))


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository with committed files, then edits: docs/guide.md has line
    3 changed and a line added after 7; docs/new.md is untracked; notes.md
    and form.pdf are committed and untouched (form.pdf until a test edits)."""
    for name, value in {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
                        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}.items():
        monkeypatch.setenv(name, value)
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "guide.md").write_text(LINES)
    (root / "notes.md").write_text(LINES)
    (root / "form.pdf").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "initial")
    lines = LINES.splitlines(keepends=True)
    lines[2] = "line three, changed\n"
    lines.insert(7, "++ b/notes.md looks like a header\n")
    (root / "docs" / "guide.md").write_text("".join(lines))
    (root / "docs" / "new.md").write_text("one\ntwo\n")
    return root


def on(path: str, line: int | None, end_line: int | None = None) -> Finding:
    return Finding("PL103", "shall", Level.WARNING, "m", Location(path, line, 1, end_line or line, 2))


def test_changed_and_untracked_lines_from_a_subfolder(repo, monkeypatch):
    monkeypatch.chdir(repo / "docs")
    changed = changed_lines("HEAD", ["."])
    assert changed == {
        str((repo / "docs" / "guide.md").resolve()): {3, 8},
        str((repo / "docs" / "new.md").resolve()): {1, 2},
    }


def test_no_paths_means_the_whole_repository(repo, monkeypatch):
    (repo / "top.md").write_text("untracked at the top\n")
    monkeypatch.chdir(repo / "docs")
    changed = changed_lines("HEAD")
    assert str((repo / "top.md").resolve()) in changed
    assert str((repo / "docs" / "guide.md").resolve()) in changed
    assert str((repo / "notes.md").resolve()) not in changed


def test_filter_matches_relative_absolute_and_dotted_paths(repo, monkeypatch):
    monkeypatch.chdir(repo / "docs")
    changed = changed_lines("HEAD", ["."])
    findings = [
        on("guide.md", 3),
        on("./guide.md", 2),  # unchanged line
        on(str(repo / "docs" / "guide.md"), 7, 8),  # range reaching a changed line
        on("../docs/new.md", 1),
        on("../notes.md", 3),  # file not changed
    ]
    kept = filter_changed(findings, changed)
    assert kept == [findings[0], findings[2], findings[3]]


def test_findings_without_lines_kept_only_when_the_file_changed(repo, monkeypatch):
    monkeypatch.chdir(repo)
    page_finding = Finding("PL401", "label", Level.WARNING, "m", Location("form.pdf", page=2))
    assert filter_changed([page_finding], changed_lines("HEAD")) == []
    (repo / "form.pdf").write_bytes(b"%PDF-1.7\n\x00\x02changed binary")
    changed = changed_lines("HEAD")
    assert changed[str((repo / "form.pdf").resolve())] == set()  # binary: no lines
    assert filter_changed([page_finding], changed) == [page_finding]


def test_staged_changes_count_and_unusual_names_are_read(repo, monkeypatch):
    monkeypatch.chdir(repo)
    odd = 'we "quote" and space.md'
    (repo / odd).write_text("a\n")
    git(repo, "add", odd)
    git(repo, "commit", "-q", "-m", "odd")
    (repo / odd).write_text("a\nb\n")
    git(repo, "add", odd)
    changed = changed_lines("HEAD~1")
    assert changed[str((repo / odd).resolve())] == {1, 2}  # new since HEAD~1
    assert changed_lines("HEAD")[str((repo / odd).resolve())] == {2}  # staged only


def test_bad_ref_is_a_config_error(repo, monkeypatch):
    monkeypatch.chdir(repo)
    with pytest.raises(ConfigError, match="could not compare the working tree with 'no-such-branch'"):
        changed_lines("no-such-branch")
    with pytest.raises(ConfigError, match="not a git revision"):
        changed_lines("--output=/tmp/x")


def test_outside_a_repository_is_a_config_error(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "plain").mkdir()
    monkeypatch.chdir(tmp_path / "plain")
    with pytest.raises(ConfigError, match="could not find the git repository: .*not a git repository"):
        changed_lines("HEAD")
