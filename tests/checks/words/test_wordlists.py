"""Hygiene checks for the substitution word lists (the PL1xx specs with
`check: plainlint.checks.words.substitution`): sources, order, duplicates, replacements that would
loop, casing and list sizes. Rules with richer entries test their own lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from support import PROJECT

from plainlint.checks.words.substitution import entries_from_spec

RULES_DIR = PROJECT / "rules"
SPEC_PATHS = sorted(RULES_DIR.glob("PL1*.yml"))

#: Lists that must not be accidentally emptied or truncated.
MINIMUM_ENTRIES = {"PL101": 100, "PL102": 40, "PL104": 15}

#: Match phrases allowed to contain capitals (proper names). All-capital
#: acronyms are allowed anyway.
CAPITALISED_OK: set[str] = set()

ENTRY_KEYS = {"match", "lemma", "use", "source", "advisory", "note", "pos", "unless", "closes", "after-negative"}
UNIVERSAL_POS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "VERB"}


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


SPECS = {
    path.name: spec for path in SPEC_PATHS if (spec := _load(path)).get("check") == "plainlint.checks.words.substitution"
}


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def _normal(phrase: str) -> str:
    """How the matcher compares phrases: case and spacing ignored."""
    return " ".join(phrase.split()).lower().replace("’", "'")


def _label(code: str, entry: dict) -> str:
    return f"{code} entry {entry.get('match', entry.get('lemma'))!r}"


def _key_phrases(entry: dict) -> list:
    """What the entry names: its `match` phrases, or its `lemma`."""
    return _as_list(entry["match"]) if "match" in entry else [entry["lemma"]]


def _expanded(spec: dict):
    """The phrases the matcher looks for and their replacements, with every
    form of a `lemma` entry spelled out, as the rule itself expands them."""
    for entry in entries_from_spec(_entries(spec)):
        forms = [entry.replacements, *(entry.by_tag or {}).values()]
        yield entry.phrase, {use for uses in forms for use in uses}


def _entries(spec: dict) -> list[dict]:
    return spec.get("entries") or []


def _all_phrases() -> dict[str, str]:
    """Normalised match phrase -> the rule code that lists it (first seen)."""
    seen: dict[str, str] = {}
    for spec in SPECS.values():
        for phrase, _ in _expanded(spec):
            seen.setdefault(_normal(phrase), spec["code"])
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
        assert ("match" in entry) != ("lemma" in entry), f"{label}: needs one of 'match' or 'lemma'"
        matches = _key_phrases(entry)
        assert matches and all(isinstance(m, str) and m.strip() for m in matches), (
            f"{label}: 'match' must be a phrase or a list of phrases; 'lemma' a verb's base form"
        )
        assert set(_as_list(entry.get("pos", []))) <= UNIVERSAL_POS, f"{label}: 'pos' takes Universal POS tags"
        assert all(isinstance(w, str) and w.isalpha() for w in _as_list(entry.get("unless", []))), (
            f"{label}: 'unless' is a word or a list of words"
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
    keys = [_key_phrases(entry)[0].lower() for entry in _entries(spec)]
    for before, after, entry in zip(keys, keys[1:], _entries(spec)[1:]):
        assert before <= after, (
            f"{_label(spec['code'], entry)} is out of order: it should come before {before!r}"
        )


def test_no_duplicate_phrases():
    seen: dict[str, str] = {}
    for spec in SPECS.values():
        for phrase, _ in _expanded(spec):
            key = _normal(phrase)
            where = f"{spec['code']} phrase {phrase!r}"
            assert key not in seen, f"{where} is also listed by {seen[key]}"
            seen[key] = where


@pytest.mark.parametrize("name", sorted(SPECS))
def test_replacement_differs_from_match(name):
    spec = SPECS[name]
    for phrase, uses in _expanded(spec):
        assert _normal(phrase) not in {_normal(u) for u in uses}, (
            f"{spec['code']}: a replacement of {phrase!r} is the phrase itself"
        )


def test_no_swap_loops():
    """A replacement must not itself be (or contain, as whole words) a phrase
    that one of the PL1xx lists flags: applying a fix would make a finding."""
    phrases = _all_phrases()
    pattern = _phrase_pattern(phrases)
    for spec in SPECS.values():
        for phrase, uses in _expanded(spec):
            for use in uses:
                if not use:
                    continue
                hit = pattern.search(use)
                assert hit is None, (
                    f"{spec['code']}: replacement {use!r} of {phrase!r} contains "
                    f"{hit.group()!r}, which {phrases[_normal(hit.group())]} flags"
                )


@pytest.mark.parametrize("name", sorted(SPECS))
def test_match_phrases_lowercase(name):
    spec = SPECS[name]
    for entry in _entries(spec):
        for phrase in _key_phrases(entry):
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
    from support import lint_markdown

    findings = lint_markdown("We made an alteration and a estimate.\n", select=("PL101",))
    assert [(f.matched, f.suggestions[0].text) for f in findings][0] == ("an alteration", "a change")


def test_deletion_takes_one_space_with_it():
    from support import lint_markdown

    text = "Please be advised that we close.\n"
    for finding in lint_markdown(text, select=("PL1",)):
        if finding.suggestions and finding.suggestions[0].text == "":
            assert finding.matched.endswith(" ") or finding.matched.startswith(" ")
            break
    else:
        raise AssertionError("expected a deletion suggestion for 'be advised that'")
