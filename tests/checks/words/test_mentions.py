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



def test_a_table_cell_of_terms_one_per_line_is_a_word_list(tmp_path):
    """The Federal guidelines list "musty legal words" one per line in one
    Word table cell; a cell of sentences one per line is still prose."""
    import io

    import docx
    from support import PROJECT, parse_for

    from plainlint.config import Settings
    from plainlint.engine import check_document
    from plainlint.extract import Source, extract
    from plainlint.registry import default_registry

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "above-mentioned\naforementioned\nforegoing\nhenceforth\nhereafter\nhereby\nherewith"
    table.cell(0, 1).text = "The aforementioned form is due.\nSend it henceforth."
    buffer = io.BytesIO()
    document.save(buffer)
    settings = Settings(root=PROJECT, select=("PL104",))
    rules = settings.enabled_rules(default_registry())
    extracted = extract(Source("terms.docx", buffer.getvalue()))
    parse_for(extracted, rules)
    found = sorted(f.matched.lower() for f in check_document(extracted, settings, rules))
    assert found == ["henceforth", "the aforementioned"]  # both from the cell of sentences
