"""The command line, through click's runner: output, formats, exit codes and
bad input."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from plainlint import __version__
from plainlint.cli import main

BAD = "# Apply\n\nYou shall submit the form.\n"
GOOD = "# Apply\n\nYou must send the form.\n"


def run(*args, input=None, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args), input=input)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, list(args), input=input)


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "bad.md").write_text(BAD)
    (folder / "sub" / "good.markdown").write_text(GOOD)
    (folder / "notes.txt").write_text("The office shall close.\n")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n")
    # PL103 is a suggestion by default (93% precise on the review set); these
    # tests are about output and the gate, so the project raises it.
    (folder / ".plainlint.toml").write_text('[rules.PL103]\nlevel = "warning"\n')
    return folder


def test_check_prints_grouped_findings_with_suggestions_and_summary(docs):
    result = run("check", str(docs))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f'{docs}/bad.md:3:5: PL103 [warning] "shall": use "must" or "will"'
    assert lines[1] == "    suggestion: must"
    assert "" in lines  # a blank line between files
    assert any(line.startswith(f"{docs}/notes.txt:1:12: PL103") for line in lines)
    assert lines[-1] == "Checked 3 files (16 words): 0 errors, 2 warnings, 0 suggestions."
    assert "\x1b[" not in result.stdout  # plain when piped


def test_color_on_request(docs):
    assert "\x1b[" in run("check", "--color", "always", str(docs)).stdout


def test_exit_zero_when_clean_or_below_fail_on(docs):
    assert run("check", str(docs / "sub")).exit_code == 0
    assert run("check", "--fail-on", "error", str(docs)).exit_code == 0
    assert run("check", "--ignore", "PL103", str(docs)).exit_code == 0


def test_exclude_flag(docs):
    result = run("check", "--exclude", "*.txt", "--exclude", "bad.md", str(docs))
    assert result.exit_code == 0
    assert "Checked 1 file " in result.stdout


def test_json_output_follows_the_published_schema(docs):
    result = run("check", "--format", "json", str(docs))
    report = json.loads(result.stdout)
    schema = json.loads((resources.files("plainlint") / "schemas" / "report-v1.schema.json").read_text())
    jsonschema.validate(report, schema)
    finding = report["findings"][0]
    assert finding["code"] == "PL103" and finding["location"]["line"] == 3
    assert finding["suggestions"][0] == {"text": "must", "confidence": "advisory"}
    assert finding["doc_url"].endswith("#pl103-shall")
    assert report["summary"]["exit_code"] == result.exit_code == 1
    assert finding["matched"] == "shall" and "shall" in finding["context"]


def test_json_fingerprints_are_the_baselines(docs, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run("check", "--write-baseline", str(baseline), str(docs)).exit_code == 0
    stored = {entry["fingerprint"] for entry in json.loads(baseline.read_text())["findings"]}
    report = json.loads(run("check", "--format", "json", str(docs)).stdout)
    assert stored and {finding["fingerprint"] for finding in report["findings"]} == stored


def test_stdin(tmp_path):
    result = run("check", "--fail-on", "suggestion", "-", input="The tenant shall pay.\n")
    assert result.exit_code == 1
    assert result.stdout.startswith("-:1:12: PL103")
    named = run("check", "-", "--stdin-filename", "page.md", input="Fine text.\n")
    assert named.exit_code == 0


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00", "binary file, not text"),
        ("latin1.md", "caf\xe9 shall\n".encode("latin-1"), "not valid UTF-8 (byte 0xe9 on line 1)"),
        ("nul.txt", b"text\x00more", "binary file"),
    ],
)
def test_unreadable_file_gets_one_line_and_exit_3_while_others_still_report(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "bad.md").write_text(BAD)
    result = run("check", str(tmp_path))
    assert result.exit_code == 3
    assert result.stderr.strip() == f"{tmp_path / name}: error: {message}" or message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "PL103" in result.stdout  # the readable file was still checked
    assert "1 file could not be read" in result.stdout
    assert "Traceback" not in result.output


def test_missing_path_is_an_input_error(tmp_path):
    result = run("check", str(tmp_path / "nope"))
    assert result.exit_code == 3
    assert result.stderr.strip() == f"{tmp_path / 'nope'}: error: no such file or directory"


def test_empty_file_is_a_suggestion_not_a_failure(tmp_path):
    (tmp_path / "empty.md").write_text("  \n")
    result = run("check", str(tmp_path))
    assert result.exit_code == 0
    assert "PL902 [suggestion] file is empty" in result.stdout


def test_config_typo_is_exit_2_naming_key_and_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.plainlint]\nfail_on = 'error'\n")
    (tmp_path / "a.md").write_text(GOOD)
    result = run("check", str(tmp_path / "a.md"))
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"plainlint: error: {tmp_path / 'pyproject.toml'}: unknown key 'fail_on'")
    assert "Traceback" not in result.output


def test_unknown_code_on_command_line_is_exit_2(docs):
    result = run("check", "--select", "PL999", str(docs))
    assert result.exit_code == 2
    assert "unknown rule code 'PL999'" in result.stderr


def test_config_in_pyproject_applies_rule_options(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.plainlint.rules.PL201]\nmax-words = 3\n")
    (tmp_path / "a.md").write_text("One two three four five.\n")
    result = run("check", str(tmp_path / "a.md"))
    assert "PL201 [warning] sentence has 5 words (more than 3)" in result.stdout


def test_rules_lists_every_rule_text_and_json():
    text = run("rules")
    assert text.exit_code == 0
    assert any(line.startswith("PL201  on   warning     long-sentence") for line in text.stdout.splitlines())
    rows = json.loads(run("rules", "--format", "json").stdout)["rules"]
    by_code = {row["code"]: row for row in rows}
    assert by_code["PL201"]["options"] == {"max-words": 30, "error-words": 40}
    assert by_code["PL103"]["enabled"] is True


def test_explain_prints_the_four_sections():
    result = run("explain", "pl103")
    assert result.exit_code == 0
    for heading in ("What it does", "Why is this bad", "Example", "Use instead"):
        assert f"\n{heading}\n" in result.stdout
    assert run("explain", "long-sentence").stdout.startswith("PL201 long-sentence")
    unknown = run("explain", "PL999")
    assert unknown.exit_code == 2 and "unknown rule 'PL999'" in unknown.stderr


def test_version_and_help_document_exit_codes():
    assert run("--version").stdout.strip() == f"plainlint, version {__version__}"
    help_text = run("check", "--help").stdout
    assert "3  one or more inputs could not be read" in help_text
