"""Blocks that are not running prose, whatever the format: contents and index
lines with leader dots, tables of numbers, code, link lists and text repeated
on page after page. Readers leave hints in a block's attrs (`monospace`,
`link_chars`, `landmark`); this module turns hints and text into a kind, so
the language rules skip the block and `plainlint extract` shows why.

Only paragraphs, list items and table cells are reclassified: headings, form
labels, tooltips and help text keep their kinds, since the form rules need them.
"""

from __future__ import annotations

import re
from collections import defaultdict

from plainlint.document import Block, BlockKind, Document

_RECLASSIFIED = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL})
#: Four or more leader dots before a page number (arabic, or lower-case
#: roman: "I" after leaders on a form starts a sentence): a
#: contents or index entry. Forms use leaders too, after an instruction and
#: before a line number, so an entry must also be a short title.
#: A leader is tried only where a run of dots begins, and never backtracks,
#: so a line of a million dots costs one pass, not a million.
_LEADER = re.compile(r"(?<!\.)(?<!\.\s)(?:\.\s?){4,}+\s*+(?:\d+|[ivxlc]+)\b")
_ENTRY_WORDS = 12
_LIST_MARKER = re.compile(r"^\s*(?:[\divxlc]+|[a-z])[.)]\s", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.;:!?]\s")
_WORD = re.compile(r"[^\W\d_]{2,}")
_DIGIT = re.compile(r"\d")
#: A block is data when at most this share of its tokens are words and at
#: least _MIN_NUMBERS hold digits.
_WORD_SHARE = 1 / 3
_MIN_NUMBERS = 3
#: Link text covering this share of a block's visible characters makes it a
#: link list entry or a menu item.
_LINK_SHARE = 0.9
#: Text on at least this many pages, and on this share of them, is page
#: furniture after its first appearance.
_REPEAT_PAGES = 3
_REPEAT_SHARE = 0.4
_REPEAT_MIN_WORDS = 3
#: Fixed-pitch text is code only where it is at most this share of the text.
_MONO_SHARE = 0.3
_LANDMARKS = {"navigation": BlockKind.NAVIGATION, "contentinfo": BlockKind.FURNITURE}


def classify(document: Document) -> None:
    """Set the kind of every block that is recognisably not running prose."""
    code_font = _code_font(document.blocks)
    for block in document.blocks:
        if block.kind in _RECLASSIFIED:
            kind = _kind_of(block, code_font)
            if kind is not None:
                block.reclassify(kind)
    _mark_repeats(document.blocks)


def _code_font(blocks: list[Block]) -> bool:
    """Whether a fixed-pitch font marks code here. A document set in one
    throughout (a typed court transcript) is prose in that font."""
    total = sum(len(block.text) for block in blocks)
    mono = sum(len(block.text) for block in blocks if block.attrs.get("monospace"))
    return 0 < mono <= _MONO_SHARE * total


def _kind_of(block: Block, code_font: bool) -> BlockKind | None:
    attrs = block.attrs
    if code_font and attrs.get("monospace"):
        return BlockKind.CODE
    if attrs.get("landmark") in _LANDMARKS:
        return _LANDMARKS[attrs["landmark"]]
    link_chars = attrs.get("link_chars", 0)
    if link_chars and (visible := len("".join(block.text.split()))) and link_chars >= _LINK_SHARE * visible:
        return BlockKind.NAVIGATION
    if _is_contents(block.text):
        return BlockKind.CONTENTS
    if _is_data(block.text):
        return BlockKind.DATA
    return None


def _is_contents(text: str) -> bool:
    """Every leader in the block closes a short title ("b. Sentences .... 24")."""
    entries, start = 0, 0
    for leader in _LEADER.finditer(text):
        entry = _LIST_MARKER.sub("", text[start : leader.start()])
        if len(entry.split()) > _ENTRY_WORDS or _SENTENCE_BREAK.search(entry):
            return False
        entries, start = entries + 1, leader.end()
    return entries > 0


def _is_data(text: str) -> bool:
    if len(_DIGIT.findall(text)) < _MIN_NUMBERS:
        return False  # most blocks: too few digits to hold enough numbers
    tokens = text.split()
    words = sum(1 for token in tokens if _WORD.search(token))
    numbers = sum(1 for token in tokens if _DIGIT.search(token) and not _WORD.search(token))
    return numbers >= _MIN_NUMBERS and words <= _WORD_SHARE * len(tokens)


def _mark_repeats(blocks: list[Block]) -> None:
    """Text that recurs on many pages (a proof note, a running title the
    layout did not place in the margin, a form's column headings) counts
    once: its first appearance stays prose, the rest are furniture."""
    pages_of: dict[str, set[int]] = defaultdict(set)
    keyed = []
    for block in blocks:
        page = block.position(0).page
        if page is None or block.kind not in _RECLASSIFIED or len(block.text.split()) < _REPEAT_MIN_WORDS:
            continue
        key = re.sub(r"\d+", "#", " ".join(block.text.lower().split()))
        pages_of[key].add(page)
        keyed.append((block, key))
    if not keyed:
        return
    page_count = len({block.position(0).page for block in blocks} - {None})
    needed = max(_REPEAT_PAGES, _REPEAT_SHARE * page_count)
    seen = set()
    for block, key in keyed:
        if len(pages_of[key]) < needed:
            continue
        if key in seen:
            block.reclassify(BlockKind.FURNITURE)
        seen.add(key)
