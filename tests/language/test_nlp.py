"""The language pass parses a block too long for spaCy (over
`nlp.max_length`, 1,000,000 characters: error E088) in pieces, and joins
them back into one Doc with the block's exact text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainlint.extract import Source, extract
from plainlint.language import nlp
from plainlint.language.nlp import LanguagePass, pieces_of


@given(st.text(alphabet="ab .?!\n", max_size=400), st.integers(min_value=1, max_value=60))
def test_pieces_join_back_into_the_text_and_none_is_too_long(text, size):
    pieces = pieces_of(text, size)
    assert "".join(pieces) == text
    assert all(len(piece) <= size for piece in pieces)


def test_pieces_end_at_a_sentence_end_when_one_is_in_reach():
    text = "One two three. Four five six. Seven eight nine ten."
    assert pieces_of(text, 32) == ["One two three. Four five six. ", "Seven eight nine ten."]


def test_a_block_longer_than_a_piece_is_parsed_whole(monkeypatch):
    language = LanguagePass()
    if not language.available:
        pytest.skip(language.problem)
    monkeypatch.setattr(nlp, "PIECE_CHARS", 60)
    text = "The form was signed by the clerk. " * 10 + "It was sent to us by the office and we read it."
    document = extract(Source("long.md", text.encode()))
    language.annotate([document], {"parse"})
    (block,) = document.blocks
    assert block.parsed.text == block.text
    assert len(list(block.parsed.sents)) == 11
    assert [token.dep_ for token in block.parsed if token.text == "signed"] == ["ROOT"] * 10


def test_the_parser_reads_a_file_only_up_to_its_budget_and_says_where_it_stopped(monkeypatch):
    language = LanguagePass()
    if not language.available:
        pytest.skip(language.problem)
    monkeypatch.setattr(nlp, "PARSE_FILE_CHARS", 50)
    paragraphs = ["The form was signed by the clerk.", "It was sent by the office.", "We read it."]
    document = extract(Source("budget.md", "\n\n".join(paragraphs).encode()))
    language.annotate([document], {"parse"})
    assert [block.parsed is not None for block in document.blocks] == [True, False, False]
    (notice,) = document.notices
    assert notice.code == "PL910"
    assert "first 50 characters" in notice.message
    assert notice.location.line == 3
