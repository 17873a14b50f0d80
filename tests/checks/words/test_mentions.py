"""Words shown rather than used: the word rules leave word lists and
"Don't say | Say" tables alone, and still flag the same words in sentences."""

from __future__ import annotations

from support import lint_markdown

WORD_TABLE = """\
Don't say | Say
--------- | ---
commence | start
in order to | to
pursuant to | under
a and/or b | a or b or both

Write "start", not commence, when you mean it. We commence work in order to help.

Words to avoid:

- utilize
- in accordance with

- Applicants must utilize the portal.
"""


def test_word_list_entries_are_not_findings_but_sentences_are():
    findings = lint_markdown(WORD_TABLE, select=("PL101", "PL102", "PL104", "PL106"))
    assert sorted((f.matched.lower(), f.location.line) for f in findings) == [
        ("commence", 8),
        ("commence", 8),
        ("in order to", 8),
        ("utilize", 15),
    ]


def test_listed_terms_are_checked_when_quoted_text_is():
    findings = lint_markdown(WORD_TABLE, select=("PL101",), rule_options={"PL101": {"skip-quoted": False}})
    found = {(f.matched.lower(), f.location.line) for f in findings}
    assert ("utilize", 12) in found  # the list of words to avoid
    assert ("commence", 3) not in found  # the "Don't say" column is a bad example, never checked

