"""The HTML report checked for WCAG 2.2 A and AA with axe-core (Deque's
engine, the npm package, run offline) in a real headless Chromium: no
violations, on a report of prose and of a form. `.ci/run` installs axe-core
into .ci/tools; PLAINLINT_AXE_JS points at another axe.min.js. Skipped,
saying why, without Chromium or axe-core."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import PROJECT, SHARED

from plainlint.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(os.environ.get("PLAINLINT_AXE_JS") or PROJECT / ".ci" / "tools" / "node_modules" / "axe-core" / "axe.min.js")
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt install chromium)"),
    pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core is not installed ({AXE}; .ci/run installs it with npm)"),
]
#: Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA that axe-core has.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """
<script src="%s"></script>
<script>
axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]}).then(function (results) {
  var out = document.createElement("pre");
  out.id = "axe-results";
  out.textContent = JSON.stringify({
    passes: results.passes.length,
    violations: results.violations.map(function (v) {
      return {id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); })};
    })
  });
  document.body.appendChild(out);
});
</script>
"""


def _axe(report: Path) -> dict:
    page = report.with_name("axe-" + report.name)
    page.write_text(report.read_text(encoding="utf-8").replace("</body>", RUN_AXE % (AXE.as_uri(), json.dumps(WCAG_AA)) + "</body>"),
                    encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=60000", "--dump-dom"]
    dom = subprocess.run([CHROMIUM, *flags, page.as_uri()], capture_output=True, text=True, timeout=180).stdout
    found = re.search(r'<pre id="axe-results">(.*?)</pre>', dom, re.DOTALL)
    assert found, "axe-core did not finish"
    return json.loads(html.unescape(found.group(1)))


def _report(tmp_path: Path, *paths: Path) -> Path:
    out = tmp_path / "report.html"
    run = CliRunner().invoke(main, ["report", "--no-cache", "--no-model", "--output", str(out), *map(str, paths)])
    assert run.exit_code == 0, run.output
    return out


def test_a_report_on_prose_has_no_wcag_violations(tmp_path):
    results = _axe(_report(tmp_path, PROJECT / "corpora" / "samples"))
    assert results["violations"] == []
    assert results["passes"] > 10  # axe really ran its rules on the page


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (real sample documents) is not present")
def test_a_report_on_forms_has_no_wcag_violations(tmp_path):
    forms = SHARED / "samples" / "pdf" / "forms" / "HuzaifaHaleem-PDFControls__irs_fw9_rev2011-01.pdf"
    pages = sorted((SHARED / "samples" / "html").rglob("*.html"))[:2]
    results = _axe(_report(tmp_path, forms, *pages))
    assert results["violations"] == []
