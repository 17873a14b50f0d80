"""The machine formats are written piece by piece (a report of 100,000
findings never exists whole) and read exactly as one `json.dumps` would."""

from __future__ import annotations

import io
import json

from plainlint.formatters import Lazy, write_json


def _written(data) -> str:
    stream = io.StringIO()
    write_json(data, stream)
    return stream.getvalue()


def test_a_report_with_lazy_lists_reads_as_json_dumps_of_the_lists():
    def findings():
        yield {"code": "PL201", "location": {"line": 3, "path": "ü.md"}, "suggestions": []}
        yield {"code": "PL103", "location": {"line": 9, "path": "a\nb"}, "suggestions": [{"text": "must"}]}

    lazy = {"tool": {"name": "plainlint"}, "runs": [{"results": Lazy(findings()), "rules": [1, 2]}], "empty": Lazy(iter([]))}
    plain = {"tool": {"name": "plainlint"}, "runs": [{"results": list(findings()), "rules": [1, 2]}], "empty": []}
    assert _written(lazy) == json.dumps(plain, indent=2, ensure_ascii=False) + "\n"


def test_the_json_report_on_a_real_run_is_the_plain_dump_of_itself(tmp_path):
    from click.testing import CliRunner

    from plainlint.cli import main

    page = tmp_path / "page.md"
    page.write_text("The applicant shall submit the form in order to receive the benefit.\n" * 50)
    out = tmp_path / "out.json"
    CliRunner().invoke(main, ["check", "--no-model", "--no-cache", "--format", "json", "--output", str(out), str(page)])
    text = out.read_text(encoding="utf-8")
    report = json.loads(text)
    assert report["summary"]["findings"] == len(report["findings"]) >= 100
    assert text == json.dumps(report, indent=2, ensure_ascii=False) + "\n"
