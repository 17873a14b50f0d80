"""Blocks recognised as not running prose: contents lines, tables of numbers,
code, navigation and page furniture, and what the rules make of them."""

from __future__ import annotations

import io

import docx
import pytest

from plainlint.document import Block, BlockKind, Document, Segment
from plainlint.extract import Source, extract
from plainlint.extract.nonprose import classify
from support import SHARED, lint_markdown


def _kinds(*texts: str, **attrs) -> list[BlockKind]:
    document = Document("x.pdf", "pdf", [Block(BlockKind.PARAGRAPH, text, "x.pdf", [], dict(attrs)) for text in texts])
    classify(document)
    return [block.kind for block in document.blocks]


@pytest.mark.parametrize(
    "text",
    [
        "b. Sentences ..................................... 24",
        "Introduction . . . . . . . . . . . . . . . . . . 1",
        "v. Avoid legal, foreign, and technical jargon ......... 46 vi. Don't use slashes ........ 48",
        "Preface .............. iii",
    ],
)
def test_contents_lines_are_contents(text):
    assert _kinds(text) == [BlockKind.CONTENTS]


@pytest.mark.parametrize(
    "text",
    [
        # A form's leaders run from an instruction to its line number.
        "Divide line 8 by the number of pay periods remaining in 2012. Enter the result here . . . . . . 9",
        ". . . . . . . . . . . . . . I claim exemption from withholding for 2012",
        "Wait... then look again.",
    ],
)
def test_leaders_after_instructions_stay_prose(text):
    assert _kinds(text) == [BlockKind.PARAGRAPH]


def test_tables_of_numbers_are_data_and_sentences_with_numbers_are_not():
    assert _kinds(
        "$0 450 850 1,000 1,020 1,020 1,870",
        "25 26 27 28 29 30 31a 32 33",
        "Call 1-800-829-1040 or 202-555-0100 between 8 and 5.",
        "In 2020, 45 of 50 states filed by June 1.",
    ) == [BlockKind.DATA, BlockKind.DATA, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_form_labels_and_help_text_keep_their_kinds():
    document = Document("x.html", "html", [Block(BlockKind.HELP_TEXT, "For example, 27 3 2024", "x.html")])
    classify(document)
    assert document.blocks[0].kind is BlockKind.HELP_TEXT


def _paged(texts_by_page: list[list[str]]) -> Document:
    blocks = [
        Block(BlockKind.PARAGRAPH, text, "x.pdf", [Segment(0, line, 1, page)])
        for page, texts in enumerate(texts_by_page, start=1)
        for line, text in enumerate(texts, start=1)
    ]
    return Document("x.pdf", "pdf", blocks)


def test_text_on_most_pages_counts_once():
    note = "Draft for review only, not for distribution"
    document = _paged([[note, "Page one has its own text."], [note, "Page two too."], [note], ["The end."]])
    classify(document)
    kinds = [(block.text, block.kind) for block in document.blocks]
    assert kinds == [
        (note, BlockKind.PARAGRAPH),
        ("Page one has its own text.", BlockKind.PARAGRAPH),
        (note, BlockKind.FURNITURE),
        ("Page two too.", BlockKind.PARAGRAPH),
        (note, BlockKind.FURNITURE),
        ("The end.", BlockKind.PARAGRAPH),
    ]


def test_text_on_a_few_of_many_pages_stays():
    note = "See the instructions for line 4"
    others = "Income Gifts Rent Wages Tips Pensions Interest".split()
    pages = [[note], [note], [note]] + [[f"{other} go on this page."] for other in others]
    document = _paged(pages)
    classify(document)
    assert BlockKind.FURNITURE not in {block.kind for block in document.blocks}


def test_monospace_is_code_only_where_the_document_is_not_all_monospace():
    prose = "This guide explains how to fill in the form and where to send it when you are done. " * 3
    assert _kinds(prose, "x = compute(y)") == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    document = Document("x.pdf", "pdf", [
        Block(BlockKind.PARAGRAPH, prose, "x.pdf"),
        Block(BlockKind.PARAGRAPH, "x = compute(y)", "x.pdf", attrs={"monospace": True}),
    ])
    classify(document)
    assert [block.kind for block in document.blocks] == [BlockKind.PARAGRAPH, BlockKind.CODE]
    # A typed transcript: every block in a fixed-pitch font is prose.
    assert _kinds(prose, "The court met at ten.", monospace=True) == [BlockKind.PARAGRAPH] * 2


def _html(body: str) -> Document:
    return extract(Source("x.html", f"<!doctype html><html><body>{body}</body></html>".encode()))


def test_html_menus_link_lists_and_the_page_footer():
    document = _html(
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li></ul></nav>"
        "<main><p>Apply by 1 May. <a href='/a'>Read the guidance</a> first.</p>"
        "<ul><li><a href='/b'>Benefits and eligibility</a></li></ul>"
        "<article><p>Posted today.</p><footer><p>Written by the benefits team.</p></footer></article></main>"
        "<footer><p>All content is available under the Open Government Licence.</p></footer>"
    )
    kinds = {block.text: block.kind for block in document.blocks}
    assert kinds == {
        "Home": BlockKind.NAVIGATION,
        "News": BlockKind.NAVIGATION,
        "Apply by 1 May. Read the guidance first.": BlockKind.PARAGRAPH,
        "Benefits and eligibility": BlockKind.NAVIGATION,
        "Posted today.": BlockKind.PARAGRAPH,
        "Written by the benefits team.": BlockKind.PARAGRAPH,
        "All content is available under the Open Government Licence.": BlockKind.FURNITURE,
    }


def test_markdown_link_lists_are_navigation():
    text = "Read more:\n\n- [Usability testing](usability.md)\n- [Card sorting](cards.md) helps you group pages\n"
    document = extract(Source("x.md", text.encode()))
    kinds = [(block.text, block.kind) for block in document.blocks]
    assert kinds == [
        ("Read more:", BlockKind.PARAGRAPH),
        ("Usability testing", BlockKind.NAVIGATION),
        ("Card sorting helps you group pages", BlockKind.LIST_ITEM),
    ]


def test_docx_code_styles_are_code():
    word = docx.Document()
    word.styles.add_style("HTML Preformatted", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    word.add_paragraph("Send the form to the office named on the first page of your letter. " * 4)
    word.add_paragraph("curl --utilize https://example.gov/api", style="HTML Preformatted")
    data = io.BytesIO()
    word.save(data)
    document = extract(Source("x.docx", data.getvalue()))
    assert [block.kind for block in document.blocks] == [BlockKind.PARAGRAPH, BlockKind.CODE]


def test_language_rules_skip_what_is_not_prose():
    findings = lint_markdown(
        "We will utilize the form.\n\n- [Utilize the portal](portal.md)\n", select=("PL101",)
    )
    assert [(f.matched, f.location.line) for f in findings] == [("utilize", 1)]


def test_plainlint_extract_shows_the_kind(shared):
    path = SHARED / "samples" / "pdf" / "documents" / "plainlanguage-gov__FederalPLGuidelines_2011.pdf"
    document = extract(Source(path.name, path.read_bytes()))
    contents = [block.text for block in document.blocks if block.kind is BlockKind.CONTENTS]
    assert any(text.startswith("b. Sentences") for text in contents)
    assert all("..." in text for text in contents)


def test_a_line_of_a_million_dots_is_read_in_one_pass():
    """Hostile input: each start inside a run of dots used to rescan the
    rest of it, so this took hours; it is linear now."""
    assert _kinds("." * 1_000_000, "Preface " + ". " * 500_000 + "iii") == [BlockKind.PARAGRAPH, BlockKind.CONTENTS]
