"""Examples shown on purpose: the "Don't say" and "Say" columns of a
"Don't say | Say" table, and what follows a "Before" or "After" heading
until the next heading. Style guides and training material are full of
them. A finding on a bad example tells the author to fix the very sentence
that shows what to avoid; on the good one, reviewers judged findings not
worth an editor's time either (the rewrite shows one point, and its author
chose its words). Their kind becomes `example`, which the language rules
skip; the guide's own prose around them is checked like any other text.
"""

from __future__ import annotations

import re

from plainlint.document import BlockKind, Document

#: Labels of an example: a column header or a heading of its own.
_EXAMPLE_LABEL = re.compile(
    r"(?:don[’']?t|do not) (?:say|write|use)|instead of|not this|before|wordy|avoid|"
    r"original(?: version| text)?|dense(?: text| version)?|poor|wrong|unclear|confusing|"
    # and the good versions beside them
    r"(?:do )?say|after|instead|better|(?:but )?this|plain(?:er)?(?: version| language)?|clear(?:er)?(?: version)?|"
    r"revised(?: version| text)?|rewritten|improved(?: version)?",
    re.IGNORECASE,
)
_LABEL_END = re.compile(r"[\s:.)*_]*")
_RECLASSIFIED = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL, BlockKind.QUOTE})


def mark_examples(document: Document) -> None:
    """Give examples the kind `example` (their old kind in `attrs.was`)."""
    example_columns: set[tuple[int, int]] = set()  # (table, cell) under an example label
    under_example_heading = False
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            under_example_heading = _is_example_label(block.text)
            continue
        table, cell = block.attrs.get("table"), block.attrs.get("cell")
        if block.kind is BlockKind.TABLE_CELL and block.attrs.get("row") == 1:
            if _is_example_label(block.text):
                example_columns.add((table, cell))
            continue
        in_example_column = block.kind is BlockKind.TABLE_CELL and (table, cell) in example_columns
        if block.kind in _RECLASSIFIED and (in_example_column or under_example_heading):
            block.reclassify(BlockKind.EXAMPLE)


def _is_example_label(text: str) -> bool:
    """The whole text is a label such as "Don't say", "Before:" or "Wordy"."""
    label = _EXAMPLE_LABEL.match(text.strip())
    return label is not None and _LABEL_END.fullmatch(text.strip()[label.end():]) is not None
