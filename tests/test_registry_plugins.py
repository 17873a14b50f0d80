"""Third-party rules arrive through the `plainlint.rules` entry point."""

from __future__ import annotations

import sys
import textwrap

import pytest

from plainlint import registry


@pytest.fixture
def plugin_on_path(tmp_path, monkeypatch):
    (tmp_path / "demo_plugin.py").write_text(textwrap.dedent('''
        from plainlint.registry import rule_from_spec

        RULES = [rule_from_spec({
            "code": "PL801", "name": "no-synergy", "level": "error",
            "check": "substitution",
            "summary": "Avoid 'synergy'.", "what": "Finds synergy.", "why": "Readers dislike it.",
            "example": "Our synergy grows.", "use-instead": "We work together.",
            "entries": [{"match": "synergy", "use": "cooperation", "source": "demo"}],
        }, "demo_plugin")]
    '''))
    dist = tmp_path / "demo_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: demo-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[plainlint.rules]\ndemo = demo_plugin:RULES\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_DEFAULT", None)
    yield
    sys.modules.pop("demo_plugin", None)
    registry._DEFAULT = None


def test_plugin_rule_is_registered_and_runs(plugin_on_path):
    from support import lint_markdown

    rule = registry.default_registry().get("PL801")
    assert rule is not None and rule.name == "no-synergy"
    findings = lint_markdown("Our synergy grows.\n", select=("PL801",))
    assert [(f.code, f.suggestions[0].text) for f in findings] == [("PL801", "cooperation")]
