"""Baselines: fingerprints that survive unrelated edits, new findings that
still get through, multiset counting, atomic files and clear errors."""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace

import pytest

from plainlint.document import Finding, Level, Location
from plainlint.errors import ConfigError
from plainlint.extract.markdown import parse_markdown
from plainlint.gate import atomic
from plainlint.gate.baseline import (
    Baseline,
    fingerprint,
    fingerprints,
    load_baseline,
    normal_path,
    write_baseline,
)
from plainlint.registry import default_registry

ORIGINAL = """\
# Apply for a permit

The applicant shall submit the form within 30 days.

Each office shall keep a copy.
"""

#: The same document with a paragraph added above and its lines re-wrapped
#: and re-indented: nothing a reader would call a new problem.
EDITED = """\
# Apply for a permit

Read this page before you start. It takes five minutes.

The applicant   shall submit
the form within 30 days.

Each office shall
  keep a copy.
"""


def lint(text: str, path: str = "docs/permit.md") -> list[Finding]:
    rule = default_registry().get("PL103")
    return list(rule.run(parse_markdown(text, path), rule.defaults()))


def test_fingerprints_survive_inserted_lines_and_whitespace_changes():
    before, after = lint(ORIGINAL), lint(EDITED)
    assert [f.location.line for f in before] == [3, 5]
    assert [f.location.line for f in after] == [5, 8]
    assert fingerprints(before) == fingerprints(after)


def test_fingerprint_depends_on_rule_path_text_and_sentence():
    [first, _] = lint(ORIGINAL)
    base = fingerprint(first)
    assert fingerprint(replace(first, code="PL101")) != base
    assert fingerprint(replace(first, location=replace(first.location, path="other.md"))) != base
    assert fingerprint(replace(first, context="A different sentence shall apply.")) != base
    assert fingerprint(replace(first, matched="SHALL")) == base  # matched text ignores case
    assert fingerprint(replace(first, location=replace(first.location, path="./docs/permit.md"))) == base


def test_findings_without_text_are_told_apart_by_message_and_field():
    def whole(message, field=None):
        return Finding("PL401", "form-label", Level.WARNING, message, Location("f.pdf", page=1, field=field))

    prints = fingerprints([whole("Field has no label", "a"), whole("Field has no label", "b"), whole("Empty file")])
    assert len(set(prints)) == 3


def test_new_finding_is_detected(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(path, lint(ORIGINAL))
    changed = EDITED + "\nVisitors shall sign in.\n"
    new = load_baseline(path).filter_new(lint(changed))
    assert [f.context for f in new] == ["Visitors shall sign in."]


def test_editing_the_sentence_makes_its_finding_new(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(path, lint(ORIGINAL))
    new = load_baseline(path).filter_new(lint(ORIGINAL.replace("30 days", "60 days")))
    assert [f.location.line for f in new] == [3]


def test_baseline_is_a_multiset():
    twice = "You shall pay. You shall pay.\n"
    [one, two] = lint(twice)
    assert fingerprint(one) == fingerprint(two)  # identical but for position
    assert len(set(fingerprints([one, two]))) == 2  # the occurrence index tells them apart
    baseline = Baseline(Counter(fingerprints([one, two])))
    assert baseline.filter_new([one, two]) == []
    three = lint(twice + "\nYou shall pay.\n")
    assert len(baseline.filter_new(three)) == 1
    assert Baseline(Counter(fingerprints([one]))).filter_new([one, two]) == [two]


def test_written_file_is_versioned_sorted_and_readable(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(path, lint(ORIGINAL))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["plainlint_baseline"] == 1
    assert [(e["code"], e["path"], e["matched"]) for e in document["findings"]] == [
        ("PL103", "docs/permit.md", "shall"), ("PL103", "docs/permit.md", "shall"),
    ]
    assert sorted(e["fingerprint"] for e in document["findings"]) == sorted(fingerprints(lint(ORIGINAL)))
    assert load_baseline(path).filter_new(lint(EDITED)) == []


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text("old")
    write_baseline(path, lint(ORIGINAL))
    assert os.listdir(tmp_path) == ["baseline.json"]


def test_failed_write_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_text("old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic.write_text_atomic(path, "new")
    assert path.read_text() == "old"
    assert os.listdir(tmp_path) == ["report.txt"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_atomic_write_gives_the_permissions_open_would(tmp_path):
    old_umask = os.umask(0o022)
    try:
        atomic.write_text_atomic(tmp_path / "out.txt", "x\r\ny\n")
    finally:
        os.umask(old_umask)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "out.txt").read_bytes() == b"x\r\ny\n"  # line endings as given


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{not json", "not valid JSON"),
        ('{"findings": []}', "not a plainlint baseline file"),
        ('{"plainlint_baseline": 99, "findings": []}', "version 99 is not supported"),
        ('{"plainlint_baseline": 1, "findings": [{"code": "PL103"}]}', "corrupt"),
        ('{"plainlint_baseline": 1, "findings": {}}', "corrupt"),
    ],
)
def test_bad_baseline_files_are_config_errors_naming_the_file(tmp_path, content, message):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ConfigError, match=message) as error:
        load_baseline(path)
    assert str(path) in str(error.value)


def test_normal_path_names_one_file_one_way(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert normal_path("docs/a.md") == normal_path("./docs/a.md") == "docs/a.md"
    assert normal_path(str(tmp_path / "docs" / "a.md")) == "docs/a.md"
    outside = tmp_path.parent / "elsewhere.md"
    assert normal_path(str(outside)) == outside.as_posix()
