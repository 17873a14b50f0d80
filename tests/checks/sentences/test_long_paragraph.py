"""Paragraph and section length (PL202, PL203): what counts as a paragraph
and a sentence, and where the findings sit."""

from __future__ import annotations

from support import lint_markdown

SHORT = "Send the form to us."
LONG = (
    "Applicants must submit their completed forms to the regional office before the end of the "
    "annual filing period in their home state."
)  # 22 words


def test_long_paragraph_reports_words_and_sentences_on_the_paragraph():
    text = "## Apply\n\n" + " ".join([SHORT] * 9) + "\n"
    (finding,) = lint_markdown(text, select=("PL202",))
    assert finding.location.line == 3
    assert "9 sentences (more than 8)" in finding.message


def test_long_paragraph_counts_each_list_item_as_its_own_paragraph():
    items = "".join(f"- {' '.join([SHORT] * 5)}\n" for _ in range(4))
    assert lint_markdown(items, select=("PL202",)) == []


def test_tables_are_not_paragraphs():
    cell = " ".join(["word"] * 200)
    assert lint_markdown(f"| a |\n|---|\n| {cell} |\n", select=("PL202",)) == []


def test_average_sentence_length_sits_on_the_heading_and_names_the_longest():
    text = "Intro.\n\n## Filing\n\n" + " ".join([LONG] * 5) + "\n"
    (finding,) = lint_markdown(text, select=("PL203",))
    assert finding.location.line == 3 and finding.matched == "Filing"
    assert "average 22.0 words over 5 sentences" in finding.message
    assert "longest: line 5:1 (22 words)" in finding.message
    assert len(finding.hints) == 3 and finding.suggestions == []


def test_short_sentences_in_the_section_bring_the_average_down():
    text = "## Filing\n\n" + " ".join([LONG] * 5 + [SHORT] * 3) + "\n"
    assert lint_markdown(text, select=("PL203",)) == []


def test_average_sentence_length_pools_short_subsections_into_their_parent():
    text = "# Guide\n\n" + "".join(f"## Part {n}\n\n{LONG} {LONG}\n\n" for n in range(3))
    (finding,) = lint_markdown(text, select=("PL203",))
    assert finding.matched == "Guide" and "over 6 sentences" in finding.message
