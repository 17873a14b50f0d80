"""Turn a file into a `Document`, choosing the reader by content first and
file suffix second, and refusing what cannot safely be read."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import BinaryIO

from plainlint.document import Document, Location, Notice
from plainlint.errors import InputError
from plainlint.extract.encoding import without_surrogates
from plainlint.extract.examples import mark_examples
from plainlint.extract.quotations import mark_quotations
from plainlint.extract.nonprose import classify
from plainlint.limits import FILE_BYTES

#: Default cap on an input's size; `max-file-size` in config changes it.
DEFAULT_MAX_BYTES = FILE_BYTES


@dataclass(frozen=True)
class Source:
    """The raw input: its display path (as the user named it) and bytes."""

    path: str
    data: bytes
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Format to assume when sniffing finds nothing and the path has no
    #: known suffix (standard input is Markdown).
    default_format: str = "text"


@dataclass(frozen=True)
class Reader:
    """One supported format: the module that reads it, the suffixes that
    name it, and a content test. `sniff` returns True when the bytes are
    certainly this format (checked before suffixes)."""

    format: str
    module: str
    suffixes: tuple[str, ...]
    #: What the bytes of this format must start with or hold for `sniff` to
    #: be worth asking: importing a reader (pdfium, lxml) costs more than
    #: checking a small file, so a Markdown file never imports them.
    maybe: re.Pattern[bytes] | None = None

    def extract(self, source: Source) -> Document:
        return import_module(self.module).extract(source)

    def sniff(self, head: bytes) -> bool:
        if self.maybe is None or not self.maybe.search(head):
            return False
        return import_module(self.module).sniff(head)


#: Ordered: content sniffing tries them in this order; plain text is last
#: because any text file "looks like" text.
READERS: list[Reader] = [
    Reader("pdf", "plainlint.extract.pdf.reader", (".pdf",), re.compile(rb"%PDF-")),
    Reader("docx", "plainlint.extract.docx.reader", (".docx",), re.compile(rb"\APK\x03\x04")),
    # Any byte-order mark (the sniffer decodes what follows it), else "<"
    # after what str.strip takes for white space in Latin-1.
    Reader("html", "plainlint.extract.html.reader", (".html", ".htm", ".xhtml"),
           re.compile(rb"\A(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff|\x00\x00\xfe\xff|[\s\x1c-\x1f\x85\xa0]*<)")),
    Reader("markdown", "plainlint.extract.markdown", (".md", ".markdown", ".mdown", ".mkd")),
    Reader("text", "plainlint.extract.plaintext", (".txt", ".text")),
]


def supported_suffixes() -> set[str]:
    return {suffix for reader in READERS for suffix in reader.suffixes}


def reader_for(path: str, head: bytes, default_format: str = "text") -> Reader:
    """Content sniffing first (a `.pdf` that is really HTML is HTML), then the
    suffix, then the default format (text decoding rejects binary data)."""
    for reader in READERS:
        if reader.sniff(head):
            return reader
    suffix = Path(path).suffix.lower()
    for reader in READERS:
        if suffix in reader.suffixes:
            return reader
    return next(reader for reader in READERS if reader.format == default_format)


def read_source(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """The bytes of a regular file, never more than `max_bytes`: a device,
    a FIFO or a socket is refused before a byte is read (a FIFO nobody
    writes to would block, /dev/zero never ends)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None
    with os.fdopen(fd, "rb") as handle:
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise InputError("is a directory")
            if not stat.S_ISREG(mode):
                raise InputError(f"is not a regular file (it is a {_file_type(mode)}); plainlint reads only files")
            return Source(display, read_at_most(handle, max_bytes, "file"), max_bytes)
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror or error}") from None


def read_at_most(stream: BinaryIO, max_bytes: int, what: str = "input") -> bytes:
    """All of `stream`, or an InputError as soon as it passes `max_bytes`
    (a file that grows while it is read, or standard input, has no size
    to check first)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{what} is over the {max_bytes:,}-byte limit (max-file-size)")
    return data


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def extract(source: Source) -> Document:
    if len(source.data) > source.max_bytes:
        raise InputError(
            f"input is {len(source.data):,} bytes, over the {source.max_bytes:,}-byte limit"
        )
    reader = reader_for(source.path, source.data[:4096], source.default_format)
    if not source.data.strip():
        location = Location(source.path, line=1, column=1)
        return Document(source.path, reader.format, notices=[Notice("PL902", "file is empty: nothing to check", location)])
    document = reader.extract(source)
    for block in document.blocks:
        block.text = without_surrogates(block.text)
    classify(document)
    mark_examples(document)
    mark_quotations(document)
    return document
