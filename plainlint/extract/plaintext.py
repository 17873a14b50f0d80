"""Plain text: paragraphs are runs of non-blank lines, joined with spaces."""

from __future__ import annotations

import re

from plainlint.document import Block, BlockKind, Document
from plainlint.extract import Source
from plainlint.extract.encoding import decode_text
from plainlint.extract.sourcemap import BlockBuilder, SourceText

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def sniff(head: bytes) -> bool:
    """Text has no signature; it is the fallback for anything that decodes."""
    return False


def extract(source: Source) -> Document:
    return parse_text(decode_text(source.data), source.path)


def parse_text(text: str, path: str) -> Document:
    doc = Document(path, "text")
    src = SourceText(text)
    start = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        block = _paragraph(src, start, end, path)
        if block:
            doc.blocks.append(block)
        start = match.end() if match else end
    return doc


def _paragraph(src: SourceText, start: int, end: int, path: str) -> Block | None:
    builder = BlockBuilder(src)
    for line in re.finditer(r"[^\n]+", src.text[start:end]):
        content = line.group().strip()
        if not content:
            continue
        if builder.length:
            builder.add(" ", None)
        offset = start + line.start() + (len(line.group()) - len(line.group().lstrip()))
        builder.add_aligned(content, offset, start + line.end())
    if not builder.length:
        return None
    return Block(BlockKind.PARAGRAPH, builder.text, path, builder.segments)
