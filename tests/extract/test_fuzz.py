"""Random bytes thrown at every extractor: only documented errors come out
(an InputError for the file), never an exception of another kind."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainlint.document import Document
from plainlint.errors import InputError
from plainlint.extract import READERS, Source, extract

#: Starts that steer random bytes into each format's deeper code paths.
PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<!doctype html><html><body>", b"\xef\xbb\xbf# ", b"\xff\xfe"]


def _outcome(call) -> None:
    try:
        result = call()
    except InputError as error:
        assert str(error), "an InputError must say what is wrong"
        return
    assert isinstance(result, Document)


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.format)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2048))
def test_reader_survives_random_bytes(reader, prefix, body):
    source = Source(f"fuzz{reader.suffixes[0]}", prefix + body)
    _outcome(lambda: reader.extract(source))


@settings(max_examples=150, deadline=None)
@given(
    suffix=st.sampled_from(sorted({s for r in READERS for s in r.suffixes} | {"", ".bin"})),
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=2048),
)
def test_sniffing_and_extraction_survive_random_bytes(suffix, prefix, body):
    _outcome(lambda: extract(Source(f"fuzz{suffix}", prefix + body)))


@settings(max_examples=100, deadline=None)
@given(text=st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=1500))
def test_markdown_positions_stay_inside_the_source(text):
    document = extract(Source("fuzz.md", text.encode("utf-8")))
    lines = text.splitlines() or [""]
    for block in document.blocks:
        for offset in range(len(block.text)):
            position = block.position(offset)
            if position.line is not None:
                assert 1 <= position.line <= max(len(lines), 1) + 1
