"""`plainlint check --fix`: apply each safe suggestion to the file itself.

Only Markdown, text and HTML are edited in place (a PDF or Word file gets a
reviewed copy from `plainlint annotate` instead). A finding is fixed only
when it has exactly one suggestion and that one is `safe` (a drop-in that
keeps grammar and meaning), and only when the file's characters between its
start and end are exactly the words it matched: so nothing inside markup
("**in order** to"), an entity ("&amp;"), code, front matter, a comment or
a URL is ever touched (the extractor never gives findings there, and the
check makes sure). Where two fixes overlap the first wins; the other waits
for the next run. The file keeps its encoding (and byte-order mark), line
endings and permissions, and is replaced atomically.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from plainlint.document import Finding
from plainlint.extract import reader_for
from plainlint.extract.encoding import BOMS, decode_text
from plainlint.extract.html.source import decode_html
from plainlint.gate.atomic import write_bytes_atomic

#: Formats whose source text is the text the findings point into.
FIXABLE_FORMATS = frozenset({"markdown", "text", "html"})
#: Formats that are never rewritten; `plainlint annotate` makes a copy.
COPY_FORMATS = frozenset({"pdf", "docx"})


@dataclass(frozen=True)
class Edit:
    start: int  # character offsets in the decoded file
    end: int
    text: str


@dataclass(frozen=True)
class FileFix:
    path: Path
    before: str
    after: str
    fixed: int

    def diff(self) -> str:
        """A unified diff of the change, as `git diff` shows it."""
        name = str(self.path)
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def file_format(path: Path, data: bytes) -> str:
    return reader_for(str(path), data[:4096]).format


def safe_fix(finding: Finding) -> str | None:
    """The replacement `--fix` may apply for `finding`, or None."""
    if len(finding.suggestions) != 1 or finding.suggestions[0].confidence != "safe":
        return None
    return finding.suggestions[0].text


def plan(text: str, findings: Iterable[Finding]) -> list[Edit]:
    """The edits to make to `text` (a file's decoded characters): one per
    safe finding whose span holds exactly its matched words, overlapping
    ones left out, in order."""
    starts = line_starts(text)
    edits: list[Edit] = []
    for finding in findings:
        replacement = safe_fix(finding)
        found = span(text, finding, starts)
        if replacement is None or found is None:
            continue
        edits.append(Edit(*found, replacement))
    edits.sort(key=lambda edit: (edit.start, edit.end))
    kept: list[Edit] = []
    for edit in edits:
        if kept and edit.start < kept[-1].end:
            continue  # overlaps a fix already made: the next run gets it
        kept.append(edit)
    return kept


def apply(text: str, edits: list[Edit]) -> str:
    pieces, position = [], 0
    for edit in edits:
        pieces += [text[position : edit.start], edit.text]
        position = edit.end
    return "".join(pieces) + text[position:]


def fix_file(path: Path, data: bytes, findings: list[Finding], write: bool = True) -> FileFix | None:
    """Apply the file's safe fixes to `data`, its bytes (with `write`, to the
    file itself); None when there is nothing to fix. Raises OSError when it
    cannot be written."""
    decoded = _decoded(data, file_format(path, data))
    if decoded is None:
        return None
    before, encode = decoded
    edits = plan(before, findings)
    if not edits:
        return None
    after = apply(before, edits)
    if write:
        target = path.resolve()  # a symbolic link stays one: the file it names changes
        mode = os.stat(target).st_mode
        write_bytes_atomic(target, encode(after))
        os.chmod(target, stat.S_IMODE(mode))
    return FileFix(path, before, after, len(edits))


def _decoded(data: bytes, file_format: str) -> tuple[str, Callable[[str], bytes]] | None:
    """The file's characters as the extractor counted them (line endings
    kept), and how to write text back in its encoding; None for a format
    not edited in place, or HTML whose bytes did not all decode."""
    if file_format not in FIXABLE_FORMATS:
        return None
    bom, codec = next(((bom, codec) for bom, codec in BOMS if data.startswith(bom)), (b"", "utf-8"))
    if file_format != "html":
        return decode_text(data), lambda text: bom + text.encode(codec)
    decoded = decode_html(data)
    if decoded.problem:
        return None
    codec = decoded.encoding
    # A character the page's encoding lacks is written as a reference (&#8212;).
    return data[len(bom) :].decode(codec), lambda text: bom + text.encode(codec, errors="xmlcharrefreplace")


def line_starts(text: str) -> list[int]:
    """The offset at which each line of `text` starts."""
    return [0] + [match.end() for match in re.finditer("\n", text)]


def span(text: str, finding: Finding, starts: list[int] | None = None) -> tuple[int, int] | None:
    """The finding's characters in `text` (offsets), when they are still its
    matched words; `starts`: the text's `line_starts`, when known."""
    starts = line_starts(text) if starts is None else starts
    location = finding.location
    if not finding.matched or None in (location.line, location.column, location.end_line, location.end_column):
        return None
    if not (0 < location.line <= len(starts) and 0 < location.end_line <= len(starts)):
        return None
    start = starts[location.line - 1] + location.column - 1
    end = starts[location.end_line - 1] + location.end_column - 1
    return (start, end) if text[start:end] == finding.matched else None
