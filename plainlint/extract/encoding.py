"""Decode text input strictly: UTF-8 (with or without BOM) or UTF-16 with a
BOM. Anything else is reported, not guessed, so positions stay exact."""

from __future__ import annotations

import codecs
import re

from plainlint.errors import InputError

_BINARY_SIGNATURES = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF")


#: Byte-order marks of the wide encodings, UTF-32 first: its little-endian
#: mark starts with UTF-16's.
WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


#: Every byte-order mark and the codec that reads what follows it (which
#: decides the encoding before any declaration, and writes a file back).
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    # Before UTF-16: a UTF-32 little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_SURROGATES = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate (from a PDF's broken ToUnicode map, or
    a file name that is not UTF-8) replaced by U+FFFD, one for one, so that
    offsets hold: neither spaCy nor RE2 nor a UTF-8 stream takes them."""
    return _SURROGATES.sub("\ufffd", text)


def looks_binary(head: bytes) -> bool:
    if head.startswith(tuple(bom for bom, _ in WIDE_BOMS)):
        return False
    return head.startswith(_BINARY_SIGNATURES) or b"\x00" in head[:4096]


def decode_text(data: bytes) -> str:
    for bom, encoding in WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"not valid {encoding.upper()} text ({error.reason})") from None
    if looks_binary(data):
        raise InputError("binary file, not text (is the file name's extension wrong?)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} on line {line}); "
            "save the file as UTF-8"
        ) from None
