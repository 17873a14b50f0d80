"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

Each checked file is a test case in one suite named "plainlint". A file
fails when it has findings at or above its `fail-on` level, the same rule
that sets the exit code; its one <failure> lists them, one per line (many
readers show only the first <failure> of a case). Findings below the level
go to <system-out> so they are not lost. An unreadable file is an <error>.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from plainlint.document import Finding
from plainlint.formatters import Report, format_location
from plainlint.results import FileResult

SUITE = "plainlint"
#: Characters XML 1.0 cannot hold even escaped (text from a PDF can have them).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report, stream: TextIO, color: bool) -> None:
    cases = [_case(result) for result in report.result.files]
    counts = {
        "tests": str(len(cases)),
        "failures": str(sum(case.find("failure") is not None for case in cases)),
        "errors": str(sum(case.find("error") is not None for case in cases)),
        "skipped": "0",
    }
    root = ET.Element("testsuites", name=SUITE, **counts)
    suite = ET.SubElement(root, "testsuite", name=SUITE, **counts)
    suite.extend(cases)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def _case(result: FileResult) -> ET.Element:
    case = ET.Element("testcase", classname=_xml(result.path), name=_xml(result.path))
    if result.error is not None:
        ET.SubElement(case, "error", message=_xml(f"could not read this file: {result.error}"), type="InputError")
        return case
    failing = result.failing
    if failing:
        worst = max(failing, key=lambda f: f.level.rank).level.value
        count = len(failing)
        message = f"{count} finding{'s' if count != 1 else ''} at or above {result.fail_on.value}"
        failure = ET.SubElement(case, "failure", message=message, type=worst)
        failure.text = _lines(failing)
    passing = [f for f in result.findings if f.level.rank < result.fail_on.rank]
    if passing:
        ET.SubElement(case, "system-out").text = _lines(passing)
    return case


def _lines(findings: list[Finding]) -> str:
    """`path:line:col: CODE [level] message`, as the text format prints."""
    return "\n".join(_xml(_line(finding)) for finding in findings)


def _line(finding: Finding) -> str:
    location = finding.location
    where = f" (field {location.field})" if location.field else f" ({location.region})" if location.region else ""
    message = " ".join(finding.message.split())
    return f"{format_location(location)}: {finding.code} [{finding.level.value}] {message}{where}"


def _xml(text: str) -> str:
    return _NOT_XML.sub("\N{REPLACEMENT CHARACTER}", text)
