"""`plainlint check --fix`: safe suggestions applied to exactly their words,
every other byte left alone (code, links, front matter, tables, line
endings, encoding, permissions), idempotent, with --dry-run as a diff; PDF
and Word files never rewritten; the real Markdown samples as a check."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import stat

import docx
import pytest
from click.testing import CliRunner
from support import SHARED

from plainlint.cli import main
from plainlint.fix import Edit, apply, plan

PAGE = (
    "---\ntitle: In order to utilize\n---\n\n# Apply\n\n"
    "You must utilize the form in order to apply. Use `utilize()` in code.\r\n\n"
    "See [utilize the portal](https://example.gov/utilize) and **in order** to go.\n\n"
    "```\nutilize in order to\n```\n\n"
    "<!-- utilize -->\n\n| Step | Note |\n|---|---|\n| one | send the the form |\n"
)
FIXED = (
    "---\ntitle: In order to utilize\n---\n\n# Apply\n\n"
    "You must use the form to apply. Use `utilize()` in code.\r\n\n"
    "See [use the portal](https://example.gov/utilize) and **in order** to go.\n\n"
    "```\nutilize in order to\n```\n\n"
    "<!-- utilize -->\n\n| Step | Note |\n|---|---|\n| one | send the form |\n"
)


def _check(*arguments: str):
    return CliRunner().invoke(main, ["check", "--no-cache", "--no-model", *arguments])


def _findings(path) -> list[dict]:
    return json.loads(_check("--format", "json", str(path)).output)["findings"]


def test_fix_changes_only_the_words_of_safe_findings(tmp_path):
    page = tmp_path / "apply.md"
    page.write_bytes(PAGE.encode())
    os.chmod(page, 0o640)
    run = _check("--fix", str(page))
    assert "fixed 4 findings in 1 file" in run.output
    assert page.read_bytes() == FIXED.encode()  # markup inside a span ("**in order** to"), code, URLs untouched
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    again = _check("--fix", str(page))
    assert "fixed 0 findings" in again.output and page.read_bytes() == FIXED.encode()  # idempotent


def test_a_symbolic_link_stays_a_link(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Please utilize the portal.\n")
    link = tmp_path / "link.md"
    link.symlink_to(page)
    assert "fixed 1 finding" in _check("--fix", str(link)).output
    assert link.is_symlink() and page.read_text() == "Please use the portal.\n"


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path):
    page = tmp_path / "apply.md"
    page.write_bytes(PAGE.encode())
    run = _check("--fix", "--dry-run", str(page))
    assert run.exit_code == 1 and page.read_bytes() == PAGE.encode()
    assert "-You must utilize the form in order to apply." in run.output
    assert "+You must use the form to apply." in run.output
    assert _check("--dry-run", str(page)).exit_code == 2  # --dry-run alone is a usage error


def test_the_encoding_and_byte_order_mark_are_kept(tmp_path):
    for codec, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-8", codecs.BOM_UTF8)):
        page = tmp_path / f"{codec}.txt"
        page.write_bytes(bom + "Please utilize the portal.\n".encode(codec))
        assert "fixed 1 finding" in _check("--fix", str(page)).output
        assert page.read_bytes() == bom + "Please use the portal.\n".encode(codec)


def test_html_entities_and_markup_inside_a_span_are_left_alone(tmp_path):
    page = tmp_path / "page.html"
    source = ('<!doctype html><html lang="en"><head><meta charset="windows-1252"><title>T</title></head><body>'
              "<p>Caf\xe9 staff utilize the forms &amp; <b>in order</b> to help.</p></body></html>\n")
    page.write_bytes(source.encode("windows-1252"))
    assert "fixed 1 finding" in _check("--fix", str(page)).output
    assert page.read_bytes() == source.replace("utilize", "use").encode("windows-1252")


def test_word_and_pdf_files_are_never_rewritten(tmp_path):
    letter = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Please utilize the portal.")
    document.save(letter)
    before = letter.read_bytes()
    run = _check("--fix", str(letter))
    assert letter.read_bytes() == before
    assert run.output.count("plainlint annotate") == 1 and "fixed 0 findings" in run.output


def test_overlapping_fixes_keep_the_first():
    text = "abcdef"
    assert plan(text, []) == []
    assert apply(text, [Edit(0, 2, "X"), Edit(4, 6, "Y")]) == "XcdY"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (real sample documents) is not present")
def test_fixing_the_real_markdown_samples_touches_only_safe_findings(tmp_path):
    folder = tmp_path / "markdown"
    shutil.copytree(SHARED / "samples" / "markdown", folder)
    safe = [f for f in _findings(folder) if len(f["suggestions"]) == 1 and f["suggestions"][0]["confidence"] == "safe"]
    assert len(safe) >= 10
    before = {path: path.read_text(encoding="utf-8").split("\n") for path in folder.rglob("*.md")}
    run = _check("--fix", str(folder))
    assert "Traceback" not in run.output
    on_line: dict[tuple[str, int], list[dict]] = {}
    for finding in safe:
        on_line.setdefault((finding["location"]["path"], finding["location"]["line"]), []).append(finding)
    changed_lines = 0
    for path, lines in before.items():
        after = path.read_text(encoding="utf-8").split("\n")
        assert len(after) == len(lines)
        for number, (old, new) in enumerate(zip(lines, after, strict=True), start=1):
            fixes = on_line.get((str(path), number), [])
            if not fixes:
                assert new == old, (path, number)  # a line with no safe finding is untouched
            elif new != old:
                changed_lines += 1
                first = min(fixes, key=lambda f: f["location"]["column"])
                start = first["location"]["column"] - 1
                assert old[:start] == new[:start]  # everything before the first fix is as it was
                assert new[start:].startswith(first["suggestions"][0]["text"])
    assert changed_lines >= 5
    assert "fixed 0 findings" in _check("--fix", str(folder)).output  # nothing left to fix
