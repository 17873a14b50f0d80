"""Helpers the tests import: where the project and the real samples are,
and small ways to lint a string."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainlint.config import Settings
from plainlint.document import Finding
from plainlint.engine import check_document
from plainlint.extract import Source, extract
from plainlint.language.nlp import LanguagePass
from plainlint.registry import default_registry

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"


def lint_markdown(text: str, select: tuple[str, ...] | None = None, **settings) -> list[Finding]:
    """Findings for a Markdown string with default settings (or `select`)."""
    config = Settings(root=PROJECT, select=select, **settings)
    rules = config.enabled_rules(default_registry())
    document = extract(Source("test.md", text.encode(), default_format="markdown"))
    parse_for(document, rules)
    return check_document(document, config, rules)


def parse_for(document, rules) -> None:
    """Run the NLP pass the rules want; skip the test when no model is
    installed and a rule cannot do without one."""
    wants = {want for rule in rules for want in rule.wants}
    if not wants:
        return
    language = LanguagePass()
    if language.available:
        language.annotate([document], wants)
    elif any(rule.needs for rule in rules):
        pytest.skip(language.problem)
