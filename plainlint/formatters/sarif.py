"""SARIF 2.1.0, the format GitHub code scanning and other dashboards read.

One run: the tool with every rule in the registry (so a rule's `ruleIndex`
means the same in every report from one version), the results, and an
invocation that records unreadable files as tool notifications.

Choices worth knowing:
- URIs are relative to the current folder with forward slashes, as findings
  name files; files outside it get absolute `file:` URIs.
- Columns count Unicode code points (`columnKind`), and `endColumn` is the
  column after the last character, as SARIF defines it.
- A PDF is a binary artifact, for which SARIF forbids a text region, and a
  PDF finding's line counts within its page, not the file. So a finding
  with a page has no `region`; its page (and line and column on the page)
  go in the location's `properties` (`page`, `lineOnPage`, `columnOnPage`)
  and its message reads "page 3, line 12". Form fields and table cells
  (`field`, `region`) are there too.
- `partialFingerprints["plainlint/v1"]` is the baseline fingerprint, which
  survives edits elsewhere in the file, so dashboards track a finding across
  commits instead of seeing it closed and reopened.
- Suggestions (replacements) are in `properties.suggestions` and hints
  (advice) in `properties.hints`, not SARIF `fixes`, whose byte-exact
  replacements Markdown markup inside a span would break.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from plainlint.document import Finding, Level, Location
from plainlint.formatters import Lazy, Report, write_json
from plainlint.gate.baseline import fingerprints, normal_path
from plainlint.registry import Rule
from plainlint.results import FileResult

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/plainlint/plainlint"
LEVELS = {Level.SUGGESTION: "note", Level.WARNING: "warning", Level.ERROR: "error"}
FINGERPRINT_KEY = "plainlint/v1"


def render(report: Report, stream: TextIO, color: bool) -> None:
    write_json(as_dict(report), stream)


def as_dict(report: Report) -> dict[str, Any]:
    result = report.result
    rules = [_rule(rule) for rule in report.registry]
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    for finding in result.findings:
        if finding.code not in index:  # a rule from a plugin no longer installed, say
            index[finding.code] = len(rules)
            rules.append({"id": finding.code, "name": finding.name})
    findings = result.findings
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "plainlint",
                        "version": report.version,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "invocations": [_invocation(result.errors, result.exit_code())],
                "columnKind": "unicodeCodePoints",
                "results": Lazy(
                    _result(finding, index[finding.code], print_)
                    for finding, print_ in zip(findings, fingerprints(findings), strict=True)
                ),
            }
        ],
    }


def _rule(rule: Rule) -> dict[str, Any]:
    docs = rule.docs
    help_text = "\n\n".join([
        f"What it does\n{docs.what}",
        f"Why is this bad\n{docs.why}",
        f"Example\n{docs.example}",
        f"Use instead\n{docs.use_instead}",
    ])
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": docs.what},
        "help": {"text": help_text},
        "helpUri": rule.doc_url,
        "defaultConfiguration": {"level": LEVELS[rule.level], "enabled": rule.enabled_by_default},
    }


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.level],
        "message": {"text": finding.message},
        "locations": [_location(finding.location)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    properties: dict[str, Any] = {}
    if finding.suggestions:
        properties["suggestions"] = [{"text": s.text, "confidence": s.confidence} for s in finding.suggestions]
    if finding.hints:
        properties["hints"] = finding.hints
    if properties:
        result["properties"] = properties
    return result


def _location(location: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(location.path)}}
    sarif: dict[str, Any] = {"physicalLocation": physical}
    if location.page is None and location.line is not None:
        region = {"startLine": location.line, "startColumn": location.column,
                  "endLine": location.end_line, "endColumn": location.end_column}
        physical["region"] = {key: value for key, value in region.items() if value is not None}
    pointers = {"page": location.page, "field": location.field, "region": location.region}
    if location.page is not None:
        pointers.update(lineOnPage=location.line, columnOnPage=location.column)
    pointers = {key: value for key, value in pointers.items() if value is not None}
    if pointers:
        sarif["properties"] = pointers
        described = [f"page {location.page}"] if location.page is not None else []
        if location.page is not None and location.line is not None:
            described.append(f"line {location.line}")
        if location.field:
            described.append(f"field {location.field}")
        if location.region:
            described.append(location.region)
        sarif["message"] = {"text": ", ".join(described)}
    return sarif


def _invocation(errors: list[FileResult], exit_code: int) -> dict[str, Any]:
    """Unreadable files are failures of the run, not results about text."""
    return {
        "executionSuccessful": not errors,
        "exitCode": exit_code,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": f"could not read this file: {failed.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(failed.path)}}}],
            }
            for failed in errors
        ],
    }


def artifact_uri(path: str) -> str:
    """A URI reference for a file: relative and percent-encoded where
    possible (`docs/my%20page.md`), a `file:` URI otherwise."""
    normal = normal_path(path)
    if os.path.isabs(normal):
        return Path(normal).as_uri()
    return quote(normal, safe="/", errors="surrogateescape")  # a non-UTF-8 name: its bytes, %-encoded
