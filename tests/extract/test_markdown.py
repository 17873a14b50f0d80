"""Markdown extraction: what is linted, what is not, and exact positions."""

from __future__ import annotations

import re

from plainlint.document import PLACEHOLDER, BlockKind
from plainlint.extract.markdown import parse_markdown

SAMPLE = """\
---
title: utilize front matter
---
# Apply *for* benefits

Some **bold** and [link text](https://e.gov/utilize "utilize") then `utilize()` and
<https://auto.link/utilize> end\\*. Second line &amp; more at https://www.gov.uk/utilize.

<!-- utilize in a comment -->

| Term | Meaning |
|------|---------|
| one  | two words |

> a quoted line

- item one
  continued here
   1. nested

```
utilize in code
```

    indented utilize code
"""


def blocks():
    return parse_markdown(SAMPLE, "s.md").blocks


def test_block_kinds_in_order():
    kinds = [(b.kind, b.text) for b in blocks()]
    assert kinds[0] == (BlockKind.HEADING, "Apply for benefits")
    assert kinds[1][0] is BlockKind.PARAGRAPH
    assert [t for k, t in kinds if k is BlockKind.TABLE_CELL] == ["Term", "Meaning", "one", "two words"]
    assert (BlockKind.QUOTE, "a quoted line") in kinds
    assert (BlockKind.LIST_ITEM, "item one continued here") in kinds
    assert (BlockKind.LIST_ITEM, "nested") in kinds


def test_code_front_matter_comments_urls_and_link_targets_are_never_linted():
    text = " ".join(b.text for b in blocks())
    assert "utilize" not in text.lower()
    assert "link text" in text
    assert text.count(PLACEHOLDER) == 3  # inline code, autolink, bare URL


def test_heading_level_and_table_header_flag():
    first = blocks()[0]
    assert first.attrs["level"] == 1
    cells = [b for b in blocks() if b.kind is BlockKind.TABLE_CELL]
    assert [c.attrs["header"] for c in cells] == [True, True, False, False]


def test_every_word_maps_back_to_its_exact_source_position():
    lines = SAMPLE.split("\n")
    for block in blocks():
        for match in re.finditer(r"[^\W\d_]+", block.text):
            position = block.position(match.start())
            source = lines[position.line - 1]
            start = position.column - 1
            assert source[start : start + len(match.group())] == match.group(), (block.text, match.group())


def test_location_of_a_span_after_inline_markup():
    paragraph = blocks()[1]
    start = paragraph.text.index("link text")
    location = paragraph.location(start, start + len("link text"))
    assert (location.line, location.column, location.end_line, location.end_column) == (6, 20, 6, 29)


def test_phrase_across_a_line_break_is_one_span():
    doc = parse_markdown("We will act in order\nto help.\n", "x.md")
    assert doc.blocks[0].text == "We will act in order to help."
    location = doc.blocks[0].location(12, 23)
    assert (location.line, location.column, location.end_line, location.end_column) == (1, 13, 2, 3)


def test_escapes_and_entities_keep_positions():
    doc = parse_markdown("A &amp; B \\* C\n", "x.md")
    block = doc.blocks[0]
    assert block.text == "A & B * C"
    assert block.position(block.text.index("C")).column == 14


def test_suppression_directives_are_collected_from_comments():
    doc = parse_markdown(
        "<!-- plainlint-disable PL101, PL102 -->\n\nText <!-- plainlint-disable-next-line -->\n",
        "x.md",
    )
    actions = [(d.action, d.line, d.codes) for d in doc.directives]
    assert actions == [("disable", 1, ("PL101", "PL102")), ("disable-next-line", 3, ())]


def test_directive_inside_a_code_block_is_only_code():
    doc = parse_markdown("```\n<!-- plainlint-disable-file -->\n```\n", "x.md")
    assert doc.directives == []


def test_site_generator_templating_is_not_prose_and_links_still_parse():
    text = (
        "See [the guide]({{ site.baseurl }}{% link guide.md %}) now.\n"
        "{: .example-side-by-side}\n\n{{< note >}}Plain words.{{< /note >}}\n"
    )
    blocks = parse_markdown(text, "x.md").blocks
    assert [b.text for b in blocks] == ["See the guide now.", "Plain words."]
    assert blocks[1].location(0, 5).column == 13
