"""A document's sections, found from its headings.

A section is a heading and the blocks after it up to the next heading of the
same or a higher level (a smaller number), so subsections nest inside it.
Text before the first heading is a section of level 0 anchored at the
document's first block. Rules that judge a stretch of text (reading grade,
average sentence length) report on the section's heading, where the author
looks to fix it, rather than on line 1 of the file.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field

from plainlint.document import Block, BlockKind, Document


@dataclass
class Section:
    #: The heading; for text before the first heading, the first block.
    anchor: Block
    #: The heading's level (1 for a top heading); 0 before the first heading.
    level: int
    #: The blocks under the heading before its first subsection.
    body: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)

    def blocks(self) -> list[Block]:
        """Every block of the section but headings, subsections included,
        in document order."""
        return [*self.body, *(block for section in self.subsections for block in section.blocks())]


def heading_level(block: Block) -> int:
    return int(block.attrs.get("level", 1))


def sections(document: Document) -> list[Section]:
    """The top-level sections, in order, each holding its subsections."""
    top: list[Section] = []
    open_sections: list[Section] = []  # the current section and its parents, outermost first
    for block in document.language_blocks():
        if block.kind is BlockKind.HEADING:
            level = heading_level(block)
            while open_sections and open_sections[-1].level >= level:
                open_sections.pop()
            section = Section(block, level)
            (open_sections[-1].subsections if open_sections else top).append(section)
            open_sections.append(section)
        elif open_sections:
            open_sections[-1].body.append(block)
        else:
            if not top:
                top.append(Section(block, 0))
            top[0].body.append(block)
    return top


def pooled(
    top: list[Section], enough: Callable[[list[Block]], bool]
) -> Iterator[tuple[Section, list[Block]]]:
    """The smallest sections with `enough` text to judge, with that text.

    A section's text is its body plus whatever its subsections left over
    because they had too little alone. When that is enough, it is yielded with
    the section and used up; otherwise it is left to the parent section. What
    is left over at the top of the document is too little to judge."""
    for section in top:
        yield from _pool(section, enough)


def _pool(
    section: Section, enough: Callable[[list[Block]], bool]
) -> Generator[tuple[Section, list[Block]], None, list[Block]]:
    """Yield what is judged in `section`; return what is left to its parent."""
    blocks = list(section.body)
    for subsection in section.subsections:
        blocks += yield from _pool(subsection, enough)
    if enough(blocks):
        yield section, blocks
        return []
    return blocks
