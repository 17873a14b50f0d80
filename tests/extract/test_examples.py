"""Examples shown on purpose, bad and good, are not checked as the author's
prose; the guide's own text around them is."""

from __future__ import annotations

import io

import docx

from plainlint.document import BlockKind
from plainlint.extract import Source, extract
from support import lint_markdown

GUIDE = """\
# Use simple words

Don't say | Say
--------- | ---
The form must be completed by the applicant prior to the deadline. | Fill in the form before the deadline.

#### Before

The application will be reviewed by the office in order to determine eligibility.

#### After

We will review your application in order to decide if you qualify.

## Why

Short words help readers in order to act quickly.
"""


def _kinds(document) -> list[tuple[str, BlockKind]]:
    return [(block.text.split()[0], block.kind) for block in document.blocks]


def test_both_columns_and_the_before_and_after_texts_are_examples():
    document = extract(Source("guide.md", GUIDE.encode()))
    assert _kinds(document) == [
        ("Use", BlockKind.HEADING),
        ("Don't", BlockKind.TABLE_CELL),
        ("Say", BlockKind.TABLE_CELL),
        ("The", BlockKind.EXAMPLE),
        ("Fill", BlockKind.EXAMPLE),
        ("Before", BlockKind.HEADING),
        ("The", BlockKind.EXAMPLE),
        ("After", BlockKind.HEADING),
        ("We", BlockKind.EXAMPLE),
        ("Why", BlockKind.HEADING),
        ("Short", BlockKind.PARAGRAPH),
    ]
    assert document.blocks[3].attrs["was"] == "table-cell"


def test_findings_stay_on_the_guides_own_text():
    found = {(f.code, f.location.line) for f in lint_markdown(GUIDE, select=("PL102",))}
    assert found == {("PL102", 17)}  # "in order to" under "Why", not in the Before or After text


def test_a_word_table_headed_instead_of():
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["Instead of", "Use", "Utilize the portal to commence.", "Use the portal to start."]):
        cell.text = text
    data = io.BytesIO()
    word.save(data)
    document = extract(Source("x.docx", data.getvalue()))
    assert [block.kind for block in document.blocks] == [BlockKind.TABLE_CELL] * 2 + [BlockKind.EXAMPLE, BlockKind.TABLE_CELL]


def test_an_html_table_headed_instead_of():
    page = (
        "<!doctype html><html><body><table><tr><th>Instead of</th><th>Use</th></tr>"
        "<tr><td>The form must be completed by you.</td><td>Fill in the form.</td></tr></table></body></html>"
    )
    document = extract(Source("x.html", page.encode()))
    assert [(block.attrs.get("cell"), block.kind) for block in document.blocks] == [
        (1, BlockKind.TABLE_CELL), (2, BlockKind.TABLE_CELL), (1, BlockKind.EXAMPLE), (2, BlockKind.TABLE_CELL),
    ]


def test_the_text_under_a_dense_text_heading_is_an_example():
    """plainlanguage.gov shows a regulation as "Dense text", then as an
    if-then table."""
    text = "#### Dense text\n\nA deduction shall be withheld from the proceeds.\n\n#### If-then table\n\nWe withhold a deduction.\n"
    assert [block.kind for block in extract(Source("guide.md", text.encode())).blocks] == [
        BlockKind.HEADING, BlockKind.EXAMPLE, BlockKind.HEADING, BlockKind.PARAGRAPH,
    ]
