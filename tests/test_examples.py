"""Every rule's own pass/fail examples, from its spec, run as tests."""

from __future__ import annotations

import pytest
from support import parse_for

from plainlint.examples import example_document
from plainlint.registry import default_registry

CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{example.expect}-{index}")
    for rule in default_registry()
    for index, example in enumerate(rule.examples)
]


@pytest.mark.parametrize("rule, example", CASES)
def test_rule_example(rule, example):
    options = {**rule.defaults(), **example.options}
    document = example_document(example.text, example.format)
    parse_for(document, [rule], lambda _: options)
    findings = list(rule.run(document, options))
    if example.expect == "pass":
        assert findings == [], f"{rule.code} should not fire on: {example.text!r}"
        return
    assert findings, f"{rule.code} should fire on: {example.text!r}"
    assert all(f.code == rule.code for f in findings)
    if example.count is not None:
        assert len(findings) == example.count, f"{rule.code}: expected {example.count} findings, got {findings}"
    if example.suggestion is not None:
        offered = [s.text for f in findings for s in f.suggestions]
        assert example.suggestion in offered, f"{rule.code}: expected {example.suggestion!r} in {offered}"
    if example.hint is not None:
        hints = [hint for f in findings for hint in f.hints]
        assert example.hint in hints, f"{rule.code}: expected the hint {example.hint!r} in {hints}"


def test_every_rule_that_reads_text_has_both_kinds_of_example():
    for rule in default_registry():
        if rule.code.startswith("PL9"):  # extraction notices have no text examples
            continue
        kinds = {example.expect for example in rule.examples}
        assert kinds == {"pass", "fail"}, f"{rule.code} needs pass and fail examples"
