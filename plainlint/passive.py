"""Passive voice: find it in a parsed sentence and say it actively.

Works on a spaCy `Span` (one sentence of a parsed `Doc`) and loads no model.
The parser's own `auxpass`/`nsubjpass` labels are a weak guide on their own:
most of their errors are statives ("we are concerned", "the deed is done")
read as passives, "'s" read as "is" in "he's written", and passives the parser
splits up ("Attached is the form", "what is this bit used for?"). So this
module reads the tags and word order first and uses the parse as support.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

BE_PASSIVE = "be-passive"
GET_PASSIVE = "get-passive"
INVERTED = "inverted"
HEADLINE = "headline"
REDUCED = "reduced"
#: Kinds whose clause has a passive subject, which is what a treebank marks as
#: a passive (`nsubj:pass`); a reduced passive ("the form attached") has none.
CLAUSAL_KINDS = frozenset({BE_PASSIVE, GET_PASSIVE, INVERTED, HEADLINE})


@dataclass(frozen=True)
class Passive:
    """One passive verb group. `start`/`end` are character offsets in the
    doc; `verb` is the doc index of the participle. `rewrite` is the sentence
    in the active voice when the text names the actor; `hint` always tells
    the writer what to do, with a draft sentence when one can be built."""

    start: int
    end: int
    verb: int
    kind: str
    agent: str | None
    rewrite: str | None
    hint: str


def find_passives(sent: Span) -> list[Passive]:
    """Every passive in `sent`, in order, at most one per participle."""
    found: dict[int, Passive] = {}
    for token in sent:
        if token.i in found:
            continue
        match = _match(token, sent)
        if match is not None:
            found[token.i] = match
    return [found[i] for i in sorted(found)]
