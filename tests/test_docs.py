"""Rule metadata and docs: every rule documents What / Why / Example / Use
instead, and docs/rules.md (the doc links' target) is up to date."""

from __future__ import annotations

import re

import pytest
from support import PROJECT

from plainlint.docs import rules_markdown
from plainlint.registry import CODE_RE, NAME_RE, default_registry


@pytest.mark.parametrize("rule", list(default_registry()), ids=lambda r: r.code)
def test_rule_metadata_and_docs(rule):
    assert CODE_RE.match(rule.code)
    assert NAME_RE.match(rule.name)
    for heading, text in vars(rule.docs).items():
        if heading != "guidance":
            assert len(text.strip()) > 10, f"{rule.code} has no '{heading}' docs"
    for option in rule.options.values():
        assert option.description, f"{rule.code} option {option.name} is undocumented"


def test_rule_names_are_unique():
    names = [rule.name for rule in default_registry()]
    assert len(names) == len(set(names))


def test_docs_page_is_current():
    page = (PROJECT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_markdown(default_registry()), "run: python -m plainlint.docs > docs/rules.md"


def test_doc_links_point_at_docs_page_anchors():
    page = rules_markdown(default_registry())
    for rule in default_registry():
        anchor = rule.doc_url.rsplit("#", 1)[1]
        heading = f"{rule.code} {rule.name}"
        assert re.sub(r"[^a-z0-9 -]", "", heading.lower()).replace(" ", "-") == anchor
        assert f"## {heading}" in page


def test_readme_rules_table_lists_every_rule_at_its_level():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    for rule in default_registry():
        assert f"| {rule.code} | {rule.name} | {rule.level.value}" in readme, f"README's rules table lacks {rule.code}"
