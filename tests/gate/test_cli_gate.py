"""The CI gate options of `plainlint check`: baseline, --diff, --output,
--statistics and the GitHub format picked automatically."""

from __future__ import annotations

import json
import subprocess

import pytest
from click.testing import CliRunner

from plainlint.cli import main

OLD = "# Guide\n\nYou shall apply.\n"


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


def raise_levels(folder):
    """PL101 and PL103 are suggestions by default (below 95% precise on the
    review set); the gate is tested on a project that makes them warnings."""
    (folder / ".plainlint.toml").write_text('[rules.PL101]\nlevel = "warning"\n[rules.PL103]\nlevel = "warning"\n')


def test_baseline_reports_and_fails_only_on_new_findings(tmp_path):
    raise_levels(tmp_path)
    page = tmp_path / "guide.md"
    page.write_text(OLD)
    baseline = tmp_path / ".plainlint-baseline.json"
    wrote = run("check", "--write-baseline", str(baseline), str(page))
    assert wrote.exit_code == 0 and baseline.is_file()
    page.write_text("# Guide\n\nA new line above.\n\nYou shall apply.\n")
    assert run("check", "--baseline", str(baseline), str(page)).exit_code == 0
    page.write_text("# Guide\n\nYou shall apply.\n\nWe will utilize it.\n")
    result = run("check", "--baseline", str(baseline), str(page))
    assert result.exit_code == 1
    assert "PL101" in result.stdout and "PL103" not in result.stdout


def test_missing_baseline_is_a_usage_error(tmp_path):
    result = run("check", "--baseline", str(tmp_path / "none.json"), str(tmp_path))
    assert result.exit_code == 2
    assert "none.json" in result.stderr


def test_diff_reports_only_changed_lines(tmp_path, monkeypatch):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    page = tmp_path / "guide.md"
    page.write_text(OLD)
    raise_levels(tmp_path)
    subprocess.run([*git, "-C", str(tmp_path), "add", "."], check=True)
    subprocess.run([*git, "-C", str(tmp_path), "commit", "-qm", "start"], check=True)
    page.write_text(OLD + "\nThe tenant shall pay.\n")
    monkeypatch.chdir(tmp_path)
    result = run("check", "--diff", "HEAD", "guide.md")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "PL103" in line]
    assert len(lines) == 1 and lines[0].startswith("guide.md:5:")


def test_output_file_and_statistics(tmp_path):
    raise_levels(tmp_path)
    (tmp_path / "a.md").write_text(OLD)
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    result = run("check", "--format", "json", "--output", str(report), "--statistics", str(tmp_path / "a.md"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(report.read_text())["findings"][0]["code"] == "PL103"
    assert "1  PL103  shall [warning]" in result.stderr


@pytest.mark.parametrize("env, expected", [({"GITHUB_ACTIONS": "true"}, "::warning "), ({"GITHUB_ACTIONS": ""}, "PL103 [warning]")])
def test_github_format_is_the_default_inside_actions(tmp_path, env, expected):
    raise_levels(tmp_path)
    (tmp_path / "a.md").write_text(OLD)
    assert expected in run("check", str(tmp_path / "a.md"), env=env).stdout


def test_action_runs_options_that_exist():
    import re

    import yaml
    from support import PROJECT

    action = yaml.safe_load((PROJECT / "action.yml").read_text())
    script = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    help_text = run("check", "--help").stdout
    options = set(re.findall(r"plainlint check ([^\n]*)", script)[0].split()) | set(re.findall(r"--[a-z-]+", script))
    for option in (o for o in options if o.startswith("--")):
        assert option in help_text, f"action.yml uses {option}, which plainlint check does not have"
