"""Other people's words, displayed: a paragraph that is one quotation from
its first character to its last (perhaps with a short source after it),
and a block quote shown after a lead-in that ends in a colon ("Consider
this complex regulatory provision:"). Guides, summaries and training
material quote statutes, treaties and books their authors cannot rewrite;
in the review set every finding on such text was judged not worth an
editor's time. Their kind becomes `quotation`, which the language rules
skip, as they skip quoted words inside a sentence. A block quote that is
the author's own aside (a note, a tip) has no such lead-in and stays
prose.
"""

from __future__ import annotations

import re

from plainlint.document import Block, BlockKind, Document

#: One quotation: straight or curly marks with no other double mark inside,
#: then at most a short source: "(Dickerson 1986)", "— Justice Canada".
_WHOLE_QUOTATION = re.compile(
    r'\s*(?:"[^"]{20,}"|“[^“”]{20,}”)[.,]?'
    r"(?:\s*(?:\([^()]{1,80}\)|[—–-]{1,2}\s*[^\n]{1,80}))?[.\s]*",
    re.DOTALL,
)
_QUOTABLE = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM})


def mark_quotations(document: Document) -> None:
    """Give quotations the kind `quotation` (their old kind in `attrs.was`)."""
    lead_in = False  # the run of block quotes follows a line ending in ':'
    for block in document.blocks:
        if block.kind is BlockKind.QUOTE:
            if lead_in or is_whole_quotation(block):
                block.reclassify(BlockKind.QUOTATION)
            continue
        if block.kind in _QUOTABLE and is_whole_quotation(block):
            block.reclassify(BlockKind.QUOTATION)
        lead_in = block.kind is not BlockKind.HEADING and block.text.rstrip().endswith(":")


def is_whole_quotation(block: Block) -> bool:
    return _WHOLE_QUOTATION.fullmatch(block.text) is not None
