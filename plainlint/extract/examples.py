"""Bad examples shown on purpose: the "Don't say" column of a "Don't say |
Say" table, and what follows a "Before" heading until the next heading.
Style guides and training material are full of them, and a finding there
tells the author to fix the very sentence that shows what to avoid. Their
kind becomes `example`, which the language rules skip; the "Say" and "After"
versions stay prose and are checked like any other text.
"""

from __future__ import annotations

import re

from plainlint.document import BlockKind, Document

#: Labels of a bad example: a column header or a heading of its own.
_BAD_LABEL = re.compile(
    r"(?:don[’']?t|do not) (?:say|write|use)|instead of|not this|before|wordy|avoid|"
    r"original(?: version| text)?|dense(?: text| version)?|poor|wrong|unclear|confusing",
    re.IGNORECASE,
)
_LABEL_END = re.compile(r"[\s:.)*_]*")
_RECLASSIFIED = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL, BlockKind.QUOTE})


def mark_examples(document: Document) -> None:
    """Give bad examples the kind `example` (their old kind in `attrs.was`)."""
    bad_columns: set[tuple[int, int]] = set()  # (table, cell) under a bad label
    under_bad_heading = False
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            under_bad_heading = _is_bad_label(block.text)
            continue
        table, cell = block.attrs.get("table"), block.attrs.get("cell")
        if block.kind is BlockKind.TABLE_CELL and block.attrs.get("row") == 1:
            if _is_bad_label(block.text):
                bad_columns.add((table, cell))
            continue
        in_bad_column = block.kind is BlockKind.TABLE_CELL and (table, cell) in bad_columns
        if block.kind in _RECLASSIFIED and (in_bad_column or under_bad_heading):
            block.reclassify(BlockKind.EXAMPLE)


def _is_bad_label(text: str) -> bool:
    """The whole text is a label such as "Don't say", "Before:" or "Wordy"."""
    label = _BAD_LABEL.match(text.strip())
    return label is not None and _LABEL_END.fullmatch(text.strip()[label.end():]) is not None
