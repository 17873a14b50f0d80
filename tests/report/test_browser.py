"""The HTML report in a real headless Chromium (Debian's `chromium`): it
loads from file:// without console errors, its script runs, the marks are
in the page, and a screenshot is taken. Skipped when Chromium is absent."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from support import PROJECT

from plainlint.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt install chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]


def _chromium(*arguments: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, *arguments], capture_output=True, text=True, timeout=120, cwd=cwd)


def test_the_report_runs_in_chromium_without_console_errors(tmp_path):
    out = tmp_path / "report.html"
    letter = PROJECT / "corpora" / "samples" / "benefits-letter.md"
    assert CliRunner().invoke(main, ["report", "--no-cache", "--output", str(out), str(letter)]).exit_code == 0
    dom = _chromium("--dump-dom", out.as_uri(), cwd=tmp_path)
    assert 'data-ready="true"' in dom.stdout, dom.stderr[-2000:]  # the script ran to its end
    assert not re.search(r"CONSOLE.*(?:Uncaught|Error)", dom.stderr), dom.stderr[-2000:]
    assert '<html lang="en" class="js">' in dom.stdout
    marks = re.findall(r'<mark class="level-\w+" data-code="PL\d+"', dom.stdout)
    shown = re.search(r'id="filter-status"[^>]*>(\d+) findings shown<', dom.stdout)
    assert len(marks) > 10 and shown and int(shown.group(1)) > 10
    picture = tmp_path / "report.png"
    _chromium(f"--screenshot={picture}", "--window-size=1100,1400", out.as_uri(), cwd=tmp_path)
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 20_000


def test_the_filters_hide_what_is_unticked(tmp_path):
    """The script reads the boxes as they are: untick "suggestion" in the
    page and every suggestion is hidden, in the list and in the text."""
    out = tmp_path / "report.html"
    letter = PROJECT / "corpora" / "samples" / "benefits-letter.md"
    CliRunner().invoke(main, ["report", "--no-cache", "--output", str(out), str(letter)])
    html = out.read_text(encoding="utf-8")
    unticked = html.replace('value="suggestion" checked', 'value="suggestion"')
    assert unticked != html
    out.write_text(unticked, encoding="utf-8")
    dom = _chromium("--dump-dom", out.as_uri(), cwd=tmp_path).stdout
    items = re.findall(r'<li id="f-[^"]+" class="([^"]+)" data-code="PL\d+" data-level="(\w+)"', dom)
    assert items and all(("filtered" in classes) == (level == "suggestion") for classes, level in items)
    shown = sum(level != "suggestion" for _, level in items)
    assert f">{shown} findings shown<" in dom
