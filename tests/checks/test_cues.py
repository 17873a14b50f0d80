"""Each rule's cue (`may_hold`) says whether a sentence may hold what the rule
finds, so that the language pass parses only those: it must pass every
sentence the rule reports when everything is parsed (the hard cases:
irregular participles, a noun several words after its light verb, an
inflected second negative) and it should turn most others away."""

from __future__ import annotations

import pytest

from plainlint.extract import Source, extract
from plainlint.language.nlp import LanguagePass, Want
from plainlint.language.text import block_sentences
from plainlint.registry import default_registry

REPORTED = {
    "PL210": [
        "You were born before January 2, 1946.",
        "The house must be rebuilt by the owner.",
        "The fee was overpaid by the applicant.",
        "Your claim was turned down by the office.",
        "The forms have been swept away by the clerk.",
    ],
    "PL105": [
        "The board will make the final decision.",
        "We have carried out an analysis of the data.",
        "The rule is applicable to all employers.",
    ],
    "PL221": [
        "The rule is not uncommon.",
        "You may not file unless you have the form.",
        "The office did not fail to send the letter.",
        "Send no fewer than three copies.",
    ],
}
TURNED_AWAY = {
    "PL210": ["This is a good example.", "The office is busy on Monday."],
    "PL105": ["The decision is yours.", "Read the analysis first."],
    "PL221": ["Do not send cash.", "The form is uncommon."],
}


@pytest.fixture(scope="module")
def language() -> LanguagePass:
    found = LanguagePass(selective=False)
    if not found.available:
        pytest.skip(found.problem)
    return found


def _findings(language: LanguagePass, rule, text: str) -> list:
    document = extract(Source("cue.md", text.encode(), default_format="markdown"))
    language.annotate([(document, [Want(rule.wants, None)])])
    return list(rule.run(document, rule.defaults()))


def _cue(rule, text: str) -> bool:
    document = extract(Source("cue.md", text.encode(), default_format="markdown"))
    (block,) = document.language_blocks()
    (sentence,) = block_sentences(block)
    return rule.cue(rule.defaults())(block, sentence)


@pytest.mark.parametrize(("code", "text"), [(code, text) for code, texts in REPORTED.items() for text in texts])
def test_the_cue_passes_every_sentence_the_rule_reports(language, code, text):
    rule = default_registry().get(code)
    assert _findings(language, rule, text), f"{code} should report {text!r} when everything is parsed"
    assert _cue(rule, text)


@pytest.mark.parametrize(("code", "text"), [(code, text) for code, texts in TURNED_AWAY.items() for text in texts])
def test_the_cue_turns_away_sentences_that_cannot_hold_a_finding(code, text):
    assert not _cue(default_registry().get(code), text)
