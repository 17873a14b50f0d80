"""Choosing a reader: the cheap byte test each reader has (so that a
Markdown file never imports pdfium or lxml) never turns away a file that
the reader's own sniffer would take."""

from __future__ import annotations

from importlib import import_module

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlint.extract import READERS

PIECES = [
    b" ", b"\n", b"\x00", b"\xa0", b"\x85", b"abc", b"1 0 obj", b"%PDF-1.7\n", b"PK\x03\x04",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00",
    b"<!-- note -->", b"<!doctype html>", b"<html>", b"<body>",
    "<html>".encode("utf-16-le"), "<html>".encode("utf-16-be"), "<html>".encode("utf-32-le"),
]
SNIFFED = [reader for reader in READERS if reader.maybe is not None]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8))
def test_the_byte_test_passes_every_head_the_sniffer_takes(parts):
    head = b"".join(parts)
    for reader in SNIFFED:
        if import_module(reader.module).sniff(head):
            assert reader.maybe.search(head), (reader.format, head)


def test_the_property_has_heads_that_each_sniffer_takes():
    """Without these the property above could pass by never sniffing."""
    heads = {"pdf": b"%PDF-1.7\n1 0 obj", "html": b"\xef\xbb\xbf  <!doctype html>"}
    for reader in SNIFFED:
        if reader.format in heads:
            assert reader.sniff(heads[reader.format])
