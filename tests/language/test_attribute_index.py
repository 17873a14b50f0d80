"""The attribute ruler matched from an index gives every token exactly the
part of speech, morphology, lemma and dependency label spaCy's own Matcher
gives, tagged only and fully parsed, on the exceptions it lists ("gonna",
"y'all", "there is") and on the real Markdown samples."""

from __future__ import annotations

import pytest
import spacy
from support import SHARED

from plainlint.language import nlp
from plainlint.language.attribute_index import speed_up
from plainlint.language.nlp import LanguagePass

EXCEPTIONS = [
    "I'm gonna go. Y'all ain't ready, let's see. C'mon, there is time and there are forms.",
    "But it works. Which one did you take? That is what I did. I gave it to you, and you gave it to me.",
    "She got ta leave.   \n  Give it to me.",
]


@pytest.fixture(scope="module")
def model() -> str:
    language = LanguagePass()
    if not language.available:
        pytest.skip(language.problem)
    return language.package


def _tokens(pipeline, texts: list[str], disable: list[str]) -> list[list[tuple]]:
    with pipeline.select_pipes(disable=disable):
        return [[(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc] for doc in pipeline.pipe(texts)]


def _texts() -> list[str]:
    texts = list(EXCEPTIONS)
    if SHARED.exists():
        for path in sorted((SHARED / "samples" / "markdown").rglob("*.md"))[:20]:
            texts += [part for part in path.read_text(encoding="utf-8").split("\n\n") if part.strip()]
    return texts


@pytest.mark.parametrize("disable", [[], ["parser", "ner"]], ids=["parsed", "tagged"])
def test_the_index_gives_the_same_tokens_as_the_matcher(model, disable):
    stock, indexed = spacy.load(model), spacy.load(model)
    assert speed_up(indexed)
    texts = _texts()
    assert _tokens(indexed, texts, disable) == _tokens(stock, texts, disable)


def test_the_pipeline_plainlint_loads_uses_the_index(model):
    loaded = nlp.load(model, frozenset({"tok2vec", "tagger", "attribute_ruler", "lemmatizer"}))
    ruler = loaded.get_pipe("attribute_ruler")
    assert "match" in vars(ruler)  # the instance's own match, not the class's Matcher one


def test_a_ruler_with_a_pattern_the_index_does_not_know_is_left_alone(model):
    pipeline = spacy.load(model)
    pipeline.get_pipe("attribute_ruler").add([[{"LENGTH": {">": 30}}]], {"POS": "X"})
    assert not speed_up(pipeline)
    assert "match" not in vars(pipeline.get_pipe("attribute_ruler"))
