"""The passives of a batch of documents, with their drafts checked by
parsing each draft again.

A draft is built by moving words round a parse, and the parse can be wrong:
a name cut in two ("Since AD 2018– [who] issued 23–51"), an absolute phrase
taken into the actor, a subject that swallowed a relative clause. Parsed on
its own, such a draft no longer says "the actor does the verb to the old
subject", so its `shape` does not hold and the draft is dropped; the finding
keeps its hint. All drafts of a batch are parsed in one `nlp.pipe` call.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from plainlint.document import Document
from plainlint.language.passive import WHO, Passive, Voice, find_passives
from plainlint.language.text import parsed_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: The key of a block's passives in `Block.derived`: a list of
#: (sentence span, passives in it) for each parsed sentence.
PASSIVES = "passives"
#: What stands in for [who] when a draft is parsed: brackets would confuse
#: the parser, and "someone" takes a verb the way an actor does.
_SOMEONE = "someone"
_SUBJECTS = frozenset({"nsubj", "expl"})


def annotate(documents: Iterable[Document], nlp) -> None:
    """Set `block.derived[PASSIVES]` on every parsed language block."""
    drafted: list[tuple[list[Passive], int]] = []
    for document in documents:
        blocks = document.language_blocks()
        voice = Voice.of(block.text for block in blocks)
        for block in blocks:
            if block.parsed is None:
                continue
            found = [(sentence, find_passives(sentence, voice)) for sentence in parsed_sentences(block, dependencies=True)]
            block.derived[PASSIVES] = found
            drafted += [(passives, i) for _, passives in found for i, p in enumerate(passives) if p.shape]
    texts = (passives[i].draft.replace(WHO, _SOMEONE) for passives, i in drafted)
    for (passives, i), parsed in zip(drafted, nlp.pipe(texts), strict=True):
        if not holds(passives[i], parsed):
            passives[i] = passives[i].undrafted()


def holds(passive: Passive, parsed: Doc | Span) -> bool:
    """Whether the parse of a draft has the active clause it was built to
    have: the actor in the subject of the verb and the old subject among the
    verb's other dependents."""
    actor, verb, thing = passive.shape
    if actor == WHO:
        actor = _SOMEONE
    for token in parsed:
        if token.lower_ != verb:
            continue
        subjects = [child for child in token.children if child.dep_ in _SUBJECTS]
        if not any(actor in _words(child) for child in subjects):
            continue
        if thing is None or any(thing in _words(child) for child in token.children if child.dep_ not in _SUBJECTS):
            return True
    return False


def _words(token) -> set[str]:
    return {word.lower_ for word in token.subtree}
