"""The stable machine format, schema version 1 (see
plainlint/schemas/report-v1.schema.json and README "JSON output"). Fields are
only ever added within a major version, never renamed or removed."""

from __future__ import annotations

from typing import Any, TextIO

from plainlint.document import Finding
from plainlint.formatters import Lazy, Report, write_json
from plainlint.gate.baseline import fingerprints
from plainlint.scorecard import scorecard

SCHEMA_VERSION = "1.3"


def render(report: Report, stream: TextIO, color: bool) -> None:
    write_json(as_dict(report), stream)


def as_dict(report: Report) -> dict[str, Any]:
    result = report.result
    counts = result.counts()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "plainlint", "version": report.version},
        "summary": {
            "files": len(result.files),
            "words": sum(r.words for r in result.files),
            "findings": len(result.findings),
            "by_level": {level: counts.get(level, 0) for level in ("error", "warning", "suggestion")},
            "unreadable": len(result.errors),
            "exit_code": result.exit_code(),
        },
        "files": [
            # Added in 1.2: the plain-language scorecard (plainlint.scorecard).
            {"path": r.path, "words": r.words, "findings": len(r.findings), "error": r.error,
             "scorecard": scorecard(r).as_dict()}
            for r in result.files
        ],
        "findings": Lazy(
            _finding(f, print_, report)
            for f, print_ in zip(result.findings, fingerprints(result.findings), strict=True)
        ),
    }


def _finding(finding: Finding, fingerprint: str, report: Report) -> dict[str, Any]:
    rule = report.registry.get(finding.code)
    return {
        "code": finding.code,
        "name": finding.name,
        "level": finding.level.value,
        "message": finding.message,
        "location": dict(vars(finding.location)),  # asdict's deep copy costs a third of a big report
        "suggestions": [{"text": s.text, "confidence": s.confidence} for s in finding.suggestions],
        "doc_url": rule.doc_url if rule else None,
        # Added in 1.1: the baseline fingerprint, and the text the finding is about.
        "fingerprint": fingerprint,
        "matched": finding.matched,
        "context": finding.context,
        # Added in 1.3: advice that is not a replacement (suggestions are).
        "hints": finding.hints,
    }
