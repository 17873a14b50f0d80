"""The pre-commit hooks, run for real: `pre-commit try-repo` installs this
checkout into a fresh environment (from the package index) and runs a hook
on a bad and a good Markdown file in a throwaway repository."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import PROJECT

from plainlint.cli import main

#: What pip prints when it cannot reach the package index at all.
NO_NETWORK = (
    "NewConnectionError", "Failed to establish a new connection", "Temporary failure in name resolution",
    "Network is unreachable", "ProxyError", "Connection refused",
)

pytestmark = [
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="session")
def git_env(tmp_path_factory) -> dict[str, str]:
    """A predictable git and one pre-commit cache for the whole session, so
    the hook environment is built once."""
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-cache")),
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.com",
    }


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory, git_env) -> Path:
    """This checkout as it is now, untracked files included, committed to a
    throwaway repository. (try-repo on the checkout itself would leave out
    untracked files, .pre-commit-hooks.yaml among them until committed.)"""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT, capture_output=True, check=False,
    )
    if listing.returncode != 0:
        pytest.skip("the hook test needs a git checkout of plainlint")
    copy = tmp_path_factory.mktemp("plainlint-checkout")
    for name in filter(None, listing.stdout.decode("utf-8").split("\0")):
        source = PROJECT / name
        if source.is_file():  # tracked files deleted in the working tree are listed too
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run(["git", *args], cwd=copy, env=git_env, check=True, capture_output=True)
    return copy


@pytest.fixture(scope="session")
def project(tmp_path_factory, git_env) -> Path:
    """A content repository with one bad and one good document."""
    root = tmp_path_factory.mktemp("content")
    subprocess.run(["git", "init", "-q"], cwd=root, env=git_env, check=True)
    (root / "bad.md").write_text("# Apply\n\nYou shall fill in the form and/or the letter in order to apply.\n")
    (root / "good.md").write_text("# Apply\n\nYou must fill in the form to apply.\n")
    return root


def try_repo(hook_repo: Path, project: Path, env: dict[str, str], hook: str, *files: str):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--color", "never", "--files", *files],
        cwd=project, env=env, capture_output=True, text=True, timeout=1200, check=False,
    )


@pytest.fixture(scope="session")
def good_run(hook_repo, project, git_env) -> subprocess.CompletedProcess:
    """The first run installs the hook; without a connection to the package
    index that fails, and the tests skip."""
    completed = try_repo(hook_repo, project, git_env, "plainlint", "good.md")
    output = completed.stdout + completed.stderr
    if completed.returncode != 0 and any(marker in output for marker in NO_NETWORK):
        pytest.skip("pre-commit could not reach the package index to install the hook")
    return completed


def test_hook_passes_a_good_document(good_run):
    assert good_run.returncode == 0, good_run.stdout + good_run.stderr
    assert "plainlint" in good_run.stdout and "Passed" in good_run.stdout


def test_hook_fails_a_bad_document_and_says_why(good_run, hook_repo, project, git_env):
    completed = try_repo(hook_repo, project, git_env, "plainlint", "bad.md", "good.md")
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "Failed" in completed.stdout
    assert "bad.md:3:5: PL103 [suggestion]" in completed.stdout
    assert "bad.md:3:28: PL106 [warning]" in completed.stdout  # the warning fails the hook
    assert "good.md:" not in completed.stdout


def test_no_model_hook(good_run, hook_repo, project, git_env):
    if "--no-model" not in CliRunner().invoke(main, ["check", "--help"]).output:
        pytest.skip("plainlint check has no --no-model flag yet; the hook passes it")
    assert try_repo(hook_repo, project, git_env, "plainlint-no-model", "good.md").returncode == 0
    bad = try_repo(hook_repo, project, git_env, "plainlint-no-model", "bad.md")
    assert bad.returncode == 1 and "PL106 [warning]" in bad.stdout
