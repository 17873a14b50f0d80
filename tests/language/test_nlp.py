"""The language pass parses a block too long for spaCy (over
`nlp.max_length`, 1,000,000 characters: error E088) in pieces, and joins
them back into one Doc with the block's exact text."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import PROJECT, SHARED

from plainlint.extract import Source, extract
from plainlint.language import nlp
from plainlint.language.nlp import LanguagePass, Want, pieces_of


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
    language.annotate([(document, [Want(frozenset({"parse"}))])])
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
    language.annotate([(document, [Want(frozenset({"parse"}))])])
    assert [block.parsed is not None for block in document.blocks] == [True, False, False]
    (notice,) = document.notices
    assert notice.code == "PL910"
    assert "first 50 characters" in notice.message
    assert notice.location.line == 3


def test_only_the_sentences_a_cue_accepts_are_parsed():
    language = LanguagePass()
    if not language.available:
        pytest.skip(language.problem)
    text = "The form was signed by the clerk. Cats eat fish. We read it."
    document = extract(Source("cue.md", text.encode()))
    passive_cue = lambda block, sentence: "signed" in sentence.text  # noqa: E731
    language.annotate([(document, [Want(frozenset({"parse"}), passive_cue), Want(frozenset({"tags"}))])])
    (block,) = document.blocks
    assert block.parsed.text == block.text
    deps = {token.text: token.dep_ for token in block.parsed}
    tags = {token.text: token.tag_ for token in block.parsed}
    assert deps["signed"] == "ROOT" and deps["Cats"] == "" and tags["Cats"] == "NNS"


def test_selective_and_full_parsing_find_the_same(tmp_path):
    """benchmarks/selective_parse.py checks every sample; this runs it on a
    few real files and a tricky text of our own, on every test run."""
    language = LanguagePass()
    if not language.available:
        pytest.skip(language.problem)
    own = tmp_path / "notice.md"
    own.write_text(
        "# Your claim\n\nYour claim was denied. It isn't uncommon. The forms weren't signed by the clerk.\n\n"
        "- Form received\n- Made a decision on the application of the rules\n\n"
        "Unless you write, except if asked, and if you can, or provided that you call, we close it.\n\n"
        "Call us at 555-0100. Thank you.\n"  # no rule wants these parsed
    )
    paths = [str(own)]
    if SHARED.exists():
        samples = SHARED / "samples"
        paths += [str(samples / "markdown" / "plainlanguage-gov" / "guidelines" / "conversational"),
                  str(samples / "pdf" / "forms" / "conmecto__irs_fw4_2025.pdf")]
    script = PROJECT / "benchmarks" / "selective_parse.py"
    run = subprocess.run([sys.executable, str(script), *paths], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert " 0 differ" in run.stdout
    work = {}
    for name, sentences, tagged, parsed in re.findall(
            r"(full|selective)\s*: language pass.*?([\d,]+) sentences: tokens only \d+%, tagged (\d+)%, parsed (\d+)%",
            run.stdout):
        work[name] = int(sentences.replace(",", "")) * (int(tagged) + int(parsed)) / 100
    assert work["selective"] < work["full"]  # the sentences no rule wants are not tagged or parsed


def test_a_blocks_doc_is_joined_exactly_as_from_docs_would():
    language = LanguagePass()
    if not language.available:
        pytest.skip(language.problem)
    from spacy.tokens import Doc

    pipeline = nlp.load(language.package, frozenset({"tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser"}))
    parts = ["The form was signed by the clerk. ", "Then  it was sent.\n", "We read it twice, and you kept it!"]
    docs = [pipeline(parts[0]), pipeline.make_doc(parts[1]), pipeline(parts[2])]
    docs[1][0].is_sent_start = True  # as the language pass marks a piece it only tokenizes
    expected = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    got = nlp.joined(docs)
    assert got.text == "".join(parts)
    assert got.to_bytes(exclude=["tensor"]) == expected.to_bytes(exclude=["tensor"])


def test_kept_parses_are_reused_and_give_the_same_docs():
    """The language server keeps parsed sentences: after an edit only the
    changed sentence is parsed, and the block's Doc is as a fresh parse."""
    language = LanguagePass(keep=1000)
    if not language.available:
        pytest.skip(language.problem)
    wants = [Want(frozenset({"parse"}))]
    first = extract(Source("page.md", b"The form was signed by the clerk. It was sent by the office.\n"))
    language.annotate([(first, wants)])
    kept = len(language._kept)
    edited = b"The form was signed by the clerk. It was mailed by the office.\n"
    second = extract(Source("page.md", edited))
    language.annotate([(second, wants)])
    assert kept == 2 and len(language._kept) == kept + 1  # only the changed sentence was parsed
    fresh = extract(Source("page.md", edited))
    LanguagePass().annotate([(fresh, wants)])
    assert second.blocks[0].parsed.to_bytes(exclude=["tensor"]) == fresh.blocks[0].parsed.to_bytes(exclude=["tensor"])
