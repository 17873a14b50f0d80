"""Strict decoding of Markdown and text: a byte-order mark decides, UTF-32's
before UTF-16's (whose little-endian mark starts UTF-32's)."""

from __future__ import annotations

import codecs

import pytest

from plainlint.errors import InputError
from plainlint.extract.encoding import decode_text

TEXT = "# Grüße\n\nThe form.\n"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
)
def test_a_byte_order_mark_decides_the_encoding(bom, codec):
    assert decode_text(bom + TEXT.encode(codec)) == TEXT


def test_a_broken_wide_encoding_is_one_input_error():
    with pytest.raises(InputError, match="not valid UTF-32 text"):
        decode_text(codecs.BOM_UTF32_LE + b"\x00\x00\x11\x00")  # past U+10FFFF
