"""Hygiene checks for the substitution word lists (the PL1xx specs with
`check: substitution`): sources, order, duplicates, replacements that would
loop, casing and list sizes. Rules with richer entries test their own lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

RULES_DIR = Path(__file__).parent.parent / "rules"
SPEC_PATHS = sorted(RULES_DIR.glob("PL1*.yml"))

#: Lists that must not be accidentally emptied or truncated.
MINIMUM_ENTRIES = {"PL101": 100, "PL102": 40, "PL104": 15}

#: Match phrases allowed to contain capitals (proper names). All-capital
#: acronyms are allowed anyway.
CAPITALISED_OK: set[str] = set()

ENTRY_KEYS = {"match", "use", "source", "advisory", "note"}


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


SPECS = {
    path.name: spec for path in SPEC_PATHS if (spec := _load(path)).get("check") == "substitution"
}


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def _normal(phrase: str) -> str:
    """How the matcher compares phrases: case and spacing ignored."""
    return " ".join(phrase.split()).lower().replace("’", "'")


def _label(code: str, entry: dict) -> str:
    return f"{code} entry {entry.get('match')!r}"


def _entries(spec: dict) -> list[dict]:
    return spec.get("entries") or []


def _all_phrases() -> dict[str, str]:
    """Normalised match phrase -> the rule code that lists it (first seen)."""
    seen: dict[str, str] = {}
    for spec in SPECS.values():
        for entry in _entries(spec):
            for phrase in _as_list(entry.get("match")):
                seen.setdefault(_normal(str(phrase)), spec["code"])
    return seen


def _phrase_pattern(phrases) -> re.Pattern:
    """Whole-word, case-insensitive, any spacing: the matcher's idea of a hit."""
    ordered = sorted(phrases, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, p.split(" "))) for p in ordered)
    return re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])", re.IGNORECASE)


def test_specs_found():
    codes = {spec["code"] for spec in SPECS.values()}
    assert {"PL101", "PL102", "PL104"} <= codes, f"word-list specs missing in {RULES_DIR}: {codes}"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_entries_are_well_formed(name):
    spec = SPECS[name]
    code = spec["code"]
    for entry in _entries(spec):
        label = _label(code, entry)
        unknown = set(entry) - ENTRY_KEYS
        assert not unknown, f"{label}: unknown keys {sorted(unknown)}"
        matches = _as_list(entry.get("match"))
        assert matches and all(isinstance(m, str) and m.strip() for m in matches), (
            f"{label}: 'match' must be a phrase or a list of phrases"
        )
        uses = _as_list(entry.get("use"))
        assert uses and all(isinstance(u, str) for u in uses), (
            f"{label}: 'use' must be a string or a list of strings"
        )
        source = entry.get("source")
        assert isinstance(source, str) and source.strip(), f"{label}: no source"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_entries_sorted(name):
    spec = SPECS[name]
    keys = [_as_list(entry["match"])[0].lower() for entry in _entries(spec)]
    for before, after, entry in zip(keys, keys[1:], _entries(spec)[1:]):
        assert before <= after, (
            f"{_label(spec['code'], entry)} is out of order: it should come before {before!r}"
        )


def test_no_duplicate_phrases():
    seen: dict[str, str] = {}
    for spec in SPECS.values():
        for entry in _entries(spec):
            for phrase in _as_list(entry["match"]):
                key = _normal(phrase)
                where = _label(spec["code"], entry)
                assert key not in seen, f"{where}: {phrase!r} is also listed by {seen[key]}"
                seen[key] = where


@pytest.mark.parametrize("name", sorted(SPECS))
def test_replacement_differs_from_match(name):
    spec = SPECS[name]
    for entry in _entries(spec):
        uses = {_normal(u) for u in _as_list(entry["use"])}
        for phrase in _as_list(entry["match"]):
            assert _normal(phrase) not in uses, (
                f"{_label(spec['code'], entry)}: replacement is the same as {phrase!r}"
            )


def test_no_swap_loops():
    """A replacement must not itself be (or contain, as whole words) a phrase
    that one of the PL1xx lists flags: applying a fix would make a finding."""
    phrases = _all_phrases()
    pattern = _phrase_pattern(phrases)
    for spec in SPECS.values():
        for entry in _entries(spec):
            for use in _as_list(entry["use"]):
                if not use:
                    continue
                hit = pattern.search(use)
                assert hit is None, (
                    f"{_label(spec['code'], entry)}: replacement {use!r} contains "
                    f"{hit.group()!r}, which {phrases[_normal(hit.group())]} flags"
                )


@pytest.mark.parametrize("name", sorted(SPECS))
def test_match_phrases_lowercase(name):
    spec = SPECS[name]
    for entry in _entries(spec):
        for phrase in _as_list(entry["match"]):
            ok = phrase == phrase.lower() or phrase == phrase.upper() or phrase in CAPITALISED_OK
            assert ok, (
                f"{_label(spec['code'], entry)}: {phrase!r} has capitals; entries are "
                "lowercase (they also match Capitalised and UPPERCASE text)"
            )


@pytest.mark.parametrize("code,minimum", sorted(MINIMUM_ENTRIES.items()))
def test_minimum_size(code, minimum):
    specs = [spec for spec in SPECS.values() if spec["code"] == code]
    assert specs, f"no spec for {code} in {RULES_DIR}"
    count = len(_entries(specs[0]))
    assert count >= minimum, f"{code} has only {count} entries (expected at least {minimum})"


def test_replacement_fixes_the_article_before_it():
    from conftest import lint_markdown

    findings = lint_markdown("We made an alteration and a estimate.\n", select=("PL101",))
    assert [(f.matched, f.suggestions[0].text) for f in findings][0] == ("an alteration", "a change")


def test_deletion_takes_one_space_with_it():
    from conftest import lint_markdown

    text = "Please be advised that we close.\n"
    for finding in lint_markdown(text, select=("PL1",)):
        if finding.suggestions and finding.suggestions[0].text == "":
            assert finding.matched.endswith(" ") or finding.matched.startswith(" ")
            break
    else:
        raise AssertionError("expected a deletion suggestion for 'be advised that'")
