"""Word counting and sentence splitting as a reader would do them."""

from plainlint.document import PLACEHOLDER
from plainlint.language.text import count_words, sentences


def test_urls_numbers_and_abbreviations_are_one_word_each():
    assert count_words("See https://www.example.gov/a/b.html on 1,000.50 U.S. days") == 6
    assert count_words(f"Run {PLACEHOLDER} now") == 3
    assert count_words("don't well-known 10% $5") == 4


def test_sentences_split_on_end_marks_but_not_abbreviations():
    text = "The U.S. Department (e.g. Mr. Smith) said no. Then J. Doe left! See No. 5 today."
    assert [s.text for s in sentences(text)] == [
        "The U.S. Department (e.g. Mr. Smith) said no.",
        "Then J. Doe left!",
        "See No. 5 today.",
    ]


def test_citations_footnotes_and_contractions_split_where_a_reader_would():
    cases = {
        "Under 25 U.S.C. 413 and see Pub. 505 or Vol. 3 here.": 1,
        "It was an interim action.6 The FAA sent it.": 2,
        "Writers define terms they might use, but don't. This confuses.": 2,
        "Other Persons.]* The actual Enumeration follows.": 2,
        "Ask the Science dept. We had five.": 2,
        "Bring pens, paper, etc. to the office.": 1,
    }
    for text, count in cases.items():
        assert len(sentences(text)) == count, text


def test_sentence_offsets_point_into_the_text():
    text = "  One two.  Three four?"
    for span in sentences(text):
        assert text[span.start : span.end] == span.text


def test_lowercase_after_period_does_not_start_a_sentence():
    assert len(sentences("Use approx. three forms. Then stop.")) == 2


def test_a_block_of_twenty_thousand_sentences_is_split_in_one_pass():
    """Hostile input: each sentence end used to copy the rest of the block,
    so this took many minutes; it is linear now."""
    found = sentences("The form shall be sent. " * 20_000 + "Call Dr. Smith at No. 5.")
    assert len(found) == 20_001 and found[-1].text == "Call Dr. Smith at No. 5."
