"""Markdown through markdown-it-py: prose blocks with exact positions; code,
front matter, HTML, URLs and link targets are never linted, link text is."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from plainlint.document import PLACEHOLDER, Block, BlockKind, Directive, Document
from plainlint.extract import Source
from plainlint.extract.encoding import decode_text
from plainlint.extract.sourcemap import BlockBuilder, SourceText

DIRECTIVE_RE = re.compile(
    r"<!--\s*plainlint-(disable-next-line|disable-file|disable|enable)\b(.*?)-->", re.S
)
_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
_CONTAINERS = {"blockquote_open": BlockKind.QUOTE, "list_item_open": BlockKind.LIST_ITEM}


def sniff(head: bytes) -> bool:
    """Markdown has no signature; it is chosen by suffix."""
    return False


def extract(source: Source) -> Document:
    return parse_markdown(decode_text(source.data), source.path)


#: Site-generator markup that is not prose: Liquid tags (Jekyll, Shopify),
#: Hugo shortcodes and kramdown attribute lists and extensions.
_TEMPLATING = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\{:[^}\n]*\}|\{::[^}\n]*\}", re.S
)


def mask_templating(text: str) -> str:
    """Replace templating markup with placeholders of the same length
    (newlines kept): `[text]({{ site.baseurl }}/page)` then parses as a link,
    `Call {{ phone }}` reads as one unlintable word, and every position in
    the file stays exact. (Spaces would turn a masked line start into an
    indented code block.)"""
    return _TEMPLATING.sub(lambda m: re.sub(r"[^\n]", PLACEHOLDER, m.group()), text)


def parse_markdown(text: str, path: str) -> Document:
    doc = Document(path, "markdown")
    text = mask_templating(text)
    src = SourceText(text)
    tokens = _PARSER.parse(text)
    containers: list[BlockKind] = []
    row_cursor: dict[int, int] = {}  # table cells share their row's line
    cell = {"table": 0, "row": 0, "cell": 0}  # where a cell is, as DOCX says it
    for index, token in enumerate(tokens):
        if token.type in _TABLE_STEPS:
            cell = _table_step(cell, token.type)
        if token.type in _CONTAINERS:
            containers.append(_CONTAINERS[token.type])
        elif token.type in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif token.type == "html_block" and token.map:
            doc.directives.extend(parse_directives(token.content, token.map[0] + 1))
        elif token.type == "inline" and token.map:
            kind, attrs = _block_kind(tokens[index - 1], containers)
            block = _inline_block(token, src, path, kind, doc, row_cursor)
            if block is not None:
                block.attrs.update(attrs)
                if kind is BlockKind.TABLE_CELL:
                    block.attrs.update(cell)
                doc.blocks.append(block)
    return doc


_TABLE_STEPS = frozenset({"table_open", "tr_open", "th_open", "td_open"})


def _table_step(cell: dict[str, int], step: str) -> dict[str, int]:
    """The table, row and cell numbers (from 1) after a table token."""
    if step == "table_open":
        return {"table": cell["table"] + 1, "row": 0, "cell": 0}
    if step == "tr_open":
        return {**cell, "row": cell["row"] + 1, "cell": 0}
    return {**cell, "cell": cell["cell"] + 1}


def parse_directives(html: str, first_line: int) -> list[Directive]:
    found = []
    for match in DIRECTIVE_RE.finditer(html):
        codes = tuple(c for c in re.split(r"[\s,]+", match.group(2).strip()) if c)
        line = first_line + html[: match.start()].count("\n")
        found.append(Directive(match.group(1), line, codes))
    return found


def _block_kind(opener: Token, containers: list[BlockKind]) -> tuple[BlockKind, dict]:
    if opener.type == "heading_open":
        return BlockKind.HEADING, {"level": int(opener.tag[1:])}
    if opener.type in ("td_open", "th_open"):
        return BlockKind.TABLE_CELL, {"header": opener.type == "th_open"}
    if containers:
        return containers[-1], {}
    return BlockKind.PARAGRAPH, {}


def _inline_block(
    token: Token,
    src: SourceText,
    path: str,
    kind: BlockKind,
    doc: Document,
    row_cursor: dict[int, int],
) -> Block | None:
    start_line, end_line = token.map
    cursor = row_cursor.get(start_line, src.line_start(start_line))
    limit = src.line_start(end_line)
    builder = BlockBuilder(src)
    skip_until_close = False
    in_link, link_chars = False, 0
    for child in token.children or []:
        if child.type == "link_open":
            in_link = True
        if child.type == "link_open" and child.markup == "autolink":
            found = src.text.find(child.attrs.get("href", ""), cursor, limit)
            builder.add(PLACEHOLDER, max(found, cursor))
            skip_until_close = True
        elif child.type == "link_close":
            in_link = False
            if skip_until_close:
                cursor = _past(src.text, ">", cursor, limit)
                skip_until_close = False
            else:
                cursor = _past_link_target(src.text, cursor, limit)
        elif skip_until_close:
            continue
        elif child.type == "text":
            cursor = builder.add_aligned(child.content, cursor, limit)
            if in_link:
                link_chars += sum(1 for char in child.content if not char.isspace())
        elif child.type in ("softbreak", "hardbreak"):
            builder.add(" ", None)
        elif child.type == "code_inline":
            found = src.text.find(child.content, cursor, limit)
            builder.add(PLACEHOLDER, found if found >= 0 else cursor)
            cursor = _past(src.text, child.markup, max(found, cursor) + len(child.content), limit)
        elif child.type == "image":
            builder.add(PLACEHOLDER, src.text.find("![", cursor, limit))
            cursor = _past_link_target(src.text, cursor, limit)
        elif child.type == "html_inline":
            found = src.text.find(child.content, cursor, limit)
            if found >= 0:
                line = src.line_col(found)[0]
                doc.directives.extend(parse_directives(child.content, line))
                cursor = found + len(child.content)
    if kind is BlockKind.TABLE_CELL:
        row_cursor[start_line] = cursor
    block = Block(kind, builder.text, path, builder.segments, {"link_chars": link_chars} if link_chars else {})
    return trim(block, PLACEHOLDER + " ")


def trim(block: Block, chars: str) -> Block | None:
    """`block` without leading and trailing `chars` (None if nothing is
    left), its segments shifted to match."""
    kept = block.text.strip(chars)
    if not kept.strip():
        return None
    lead = len(block.text) - len(block.text.lstrip(chars))
    if lead:
        first = block.position(lead)
        block.segments = [first.moved(0)] + [
            s.moved(s.start - lead) for s in block.segments if s.start > lead
        ]
    block.text = kept
    return block


def _past(text: str, needle: str, cursor: int, limit: int) -> int:
    found = text.find(needle, cursor, limit)
    return found + len(needle) if found >= 0 else cursor


def _past_link_target(text: str, cursor: int, limit: int) -> int:
    """Move past `](target)` or `][ref]` (or a bare `]`) after link text."""
    close = text.find("]", cursor, limit)
    if close < 0:
        return cursor
    after = close + 1
    if text.startswith("(", after):
        return _past(text, ")", after, limit)
    if text.startswith("[", after):
        return _past(text, "]", after, limit)
    return after
