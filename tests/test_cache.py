"""The result cache: a warm run reports exactly what a cold one does without
reading the file again, and anything the findings depend on (the bytes, the
rules' options, the model, plainlint's code) makes a new entry."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from plainlint import engine
from plainlint.cache import ResultCache, code_stamp
from plainlint.cli import main
from plainlint.document import Finding, Level, Location, Suggestion

TEXT = "# Apply\n\nYou shall submit the form in order to apply. The the form is long.\n"


def check(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-model", *args])
    return result.exit_code, json.loads(result.stdout)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


@pytest.fixture
def document(tmp_path) -> Path:
    path = tmp_path / "apply.md"
    path.write_text(TEXT)
    return path


def test_a_warm_run_reports_the_same_without_reading_the_file_again(document, own_cache, monkeypatch):
    cold = check(str(document))
    assert cold[1]["findings"], "nothing found, so the comparison proves nothing"
    assert len(entries(own_cache)) == 1

    def no_extract(source):
        raise AssertionError(f"{source.path} was extracted again")

    monkeypatch.setattr(engine, "extract", no_extract)
    assert check(str(document)) == cold


def test_changed_bytes_options_or_no_cache_are_checked_afresh(document, own_cache, tmp_path):
    check(str(document))
    document.write_text(TEXT.replace("The the", "The"))
    changed = check(str(document))[1]
    assert "PL110" not in {f["code"] for f in changed["findings"]}
    config = tmp_path / ".plainlint.toml"
    config.write_text('[rules.PL103]\nlevel = "error"\n')
    levels = {f["code"]: f["level"] for f in check(str(document))[1]["findings"]}
    assert levels["PL103"] == "error"
    assert len(entries(own_cache)) == 3
    check("--no-cache", str(document.with_name("other.md")), str(document))
    assert len(entries(own_cache)) == 3


def test_a_damaged_entry_is_a_miss(document, own_cache):
    cold = check(str(document))
    (entry,) = entries(own_cache)
    entry.write_bytes(b'{"words": 3, "findings": [{"code"')
    assert check(str(document)) == cold


def test_the_config_names_the_folder_and_the_environment_wins(document, tmp_path, monkeypatch):
    monkeypatch.delenv("PLAINLINT_CACHE_DIR")
    (tmp_path / "pyproject.toml").write_text('[tool.plainlint]\ncache-dir = ".lint-cache"\n')
    monkeypatch.chdir(tmp_path)
    check("apply.md")
    assert len(entries(tmp_path / ".lint-cache")) == 1
    monkeypatch.setenv("PLAINLINT_CACHE_DIR", str(tmp_path / "from-env"))
    check("apply.md")
    assert len(entries(tmp_path / "from-env")) == 1 and len(entries(tmp_path / ".lint-cache")) == 1


def test_a_cache_that_cannot_be_written_only_makes_the_run_slower(document, monkeypatch):
    monkeypatch.setenv("PLAINLINT_CACHE_DIR", str(document / "under-a-file"))  # not a folder, even for root
    unwritable = check(str(document))
    assert {"PL110", "PL103"} <= {f["code"] for f in unwritable[1]["findings"]}
    assert unwritable == check("--no-cache", str(document))


def _finding(index: int) -> Finding:
    location = Location("a.md", line=index, column=1, page=None, field="name", region="table 1")
    return Finding("PL101", "complex-words", Level.WARNING, "x" * 1000, location, [Suggestion("use", "safe")], "m", "c")


def test_entries_round_trip_and_the_folder_stays_bounded(tmp_path):
    cache = ResultCache(tmp_path, "stamp", max_bytes=20_000)
    keys = [cache.key(str(index).encode(), "a.md") for index in range(40)]
    for index, key in enumerate(keys):
        cache.put(key, [_finding(index)], index)
        os.utime(cache._entry(key), (index, index))  # entry `index` last used at time `index`
    last = _finding(39)
    assert cache.get(keys[-1], "b.md") == ([replace(last, location=replace(last.location, path="b.md"))], 39, None)
    cache.prune()
    kept = sum(entry.stat().st_size for entry in entries(tmp_path))
    assert kept <= 15_000
    assert cache.get(keys[0], "a.md") is None and cache.get(keys[-1], "a.md") is not None


def test_the_code_stamp_changes_when_a_file_of_the_code_does(tmp_path):
    (tmp_path / "rule.yml").write_text("code: PL101\n")
    before = code_stamp(tmp_path)
    assert code_stamp(tmp_path) == before
    (tmp_path / "rule.yml").write_text("code: PL102\n")
    os.utime(tmp_path / "rule.yml", ns=(1, 1))
    assert code_stamp(tmp_path) != before


def test_a_rule_that_uses_the_model_when_there_gets_an_entry_with_and_without_it(document, own_cache):
    """PL101 reads the tags when the model is there (it needs none): the
    model's presence is part of the key even when no rule needs it."""
    from plainlint.language.nlp import LanguagePass

    if not LanguagePass().available:
        pytest.skip("no spaCy model installed")
    runner = CliRunner()
    runner.invoke(main, ["check", "--select", "PL101", "--no-model", str(document)])
    runner.invoke(main, ["check", "--select", "PL101", str(document)])
    assert len(entries(own_cache)) == 2
