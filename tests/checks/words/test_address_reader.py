"""PL107 is opt-in, and never offers a pronoun the verb cannot take."""

from __future__ import annotations

from support import lint_markdown

TEXT = "The applicant gives us the form. The applicant must sign it. We keep the applicant's copy.\n"


def test_off_by_default_and_on_when_selected():
    assert not [f for f in lint_markdown(TEXT) if f.code == "PL107"]
    findings = lint_markdown(TEXT, select=("PL107",))
    assert [[s.text for s in f.suggestions] for f in findings] == [[], ["You"], ["your"]]
