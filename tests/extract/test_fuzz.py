"""Random bytes thrown at every extractor: only documented errors come out
(an InputError for the file), never an exception of another kind."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
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


#: Pieces that hostile inputs repeat: brackets, backticks and underscores for
#: Markdown, nesting and form controls for HTML, entities, long runs of one
#: character, sentence marks and words the rules look for.
HOSTILE_PIECES = [
    "[", "]", "(", ")", "`", "``", "_", "*", "<", ">", "&", "&amp;", "&#xD800;", "<div>", "</div>", "<p>",
    '<input type="radio" id="x">', "<label for=x>", "<table><tr><td>", "\n", "\n\n", " ", ".", "...", "a",
    "the ", "shall ", "was signed by ", "not ", "unless ", "e.g. ", "12/2/06 ", "Ä", "\ufeff",
]
#: What one small hostile input may cost: these are a few kilobytes, so
#: anything near these bounds is a super-linear path (the time leaves room
#: for tracemalloc, which slows Python several times, and a busy machine).
EXAMPLE_SECONDS = 10
EXAMPLE_PEAK_BYTES = 64 * 1024 * 1024


@pytest.mark.parametrize("reader", [r for r in READERS if r.format in ("markdown", "text", "html")], ids=lambda r: r.format)
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.tuples(st.sampled_from(HOSTILE_PIECES), st.integers(1, 400)), max_size=12))
# Found by this test: labels nested 438 deep each read the rest of the nest (12 s).
@example(pieces=[("[", 254), ("\n\n", 151), ("<label for=x>", 438), ("a", 228), ("<table><tr><td>", 256)])
def test_repeated_hostile_pieces_stay_within_time_and_memory(reader, pieces):
    import time
    import tracemalloc

    data = "".join(piece * count for piece, count in pieces).encode("utf-8")
    extract(Source(f"warm-up{reader.suffixes[0]}", b"Warm up: the reader imports its parser on first use."))
    tracemalloc.start()
    started = time.perf_counter()
    try:
        _outcome(lambda: extract(Source(f"fuzz{reader.suffixes[0]}", data)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < EXAMPLE_SECONDS
    assert peak < EXAMPLE_PEAK_BYTES
