"""PL221: double negatives ("not uncommon", "may not ... unless", "no
fewer than"), which make the reader switch from no to yes.

The spec's entries say which words are negative and how far they reach:
  word      right after the negation ("not uncommon", "not void"); a few
            words may sit between ("is not an entirely unreasonable")
  sentence  anywhere later in the same sentence ("may not ... unless")
  phrase    a fixed phrase that is a double negative itself ("no fewer than")
Besides the listed words, an adjective or adverb with the prefix un- or non-
counts ("not unreasonable" -> "reasonable"), unless it begins with an entry
marked `negative: false` ("uniform", "under" cover "uniformly",
"underlying").

Where the positive form is known, the suggestion rewrites the span: "is not
uncommon" -> "is common", "does not become void unless" -> "becomes void
only if" (removing "do" and putting its tense on the verb); not where the
negative word is an adjective on a noun ("not an unsafe condition").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from plainlint.document import Block, Document, Finding, Suggestion
from plainlint.language.inflect import inflect
from plainlint.language.quotes import QuotedSpans
from plainlint.language.text import parsed_sentences

if TYPE_CHECKING:  # spaCy is imported only by the NLP pass that parses
    from spacy.tokens import Doc, Span, Token

WORD, SENTENCE, PHRASE = "word", "sentence", "phrase"
_NEGATIONS = frozenset({"not", "n't", "never", "no", "none", "nobody", "nothing"})
#: Every double negative starts at one of _NEGATIONS; a block without any of
#: them (most blocks) needs no walk through its tokens. "cannot" and "won't"
#: split into tokens that are.
_LETTERS = re.compile(r"[^\W\d_]+")
_NEGATION_CUE = re.compile(r"(?<![^\W\d_])(?:not|never|no|none|nobody|nothing|cannot)(?![^\W\d_])|n['’]t\b", re.I)
#: Words that may sit between a negation and a word-scope negative.
_BETWEEN_POS = frozenset({"DET", "ADV", "AUX", "PART"})
_LINKING_VERBS = frozenset({"be", "become", "remain", "seem", "appear"})
MAX_BETWEEN = 3
_PREFIXES = ("non", "un")
#: Where a verb is a phrase inside a clause, not the clause itself: "the part
#: not covered", "a form not signed".
_PHRASE_DEPS = frozenset({"acl", "amod", "relcl", "advmod", "npadvmod"})
#: Contracted auxiliaries as spaCy splits them: "can't" -> "ca" + "n't".
_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}


@dataclass(frozen=True)
class Negative:
    words: tuple[str, ...]
    scope: str
    use: str | None


@dataclass(frozen=True)
class Lexicon:
    by_first_word: dict[str, tuple[Negative, ...]]
    #: Beginnings of words that look negative-prefixed but are not.
    not_negative: tuple[str, ...]
    #: How every listed word but the negations begins, whatever its
    #: inflection ("fai" for "fails"), and the prefixes: for `may_hold`.
    second_negatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    negation: Token | None  # None for a fixed phrase
    start: int  # first token of the negative word or phrase
    end: int  # token after it
    use: str | None
    #: The two negatives sit on different clauses: no rewrite can be right.
    split: bool = False


def check(document: Document, rule, options: Mapping[str, Any], lexicon: Lexicon) -> Iterator[Finding]:
    for block in document.language_blocks():
        doc = block.parsed
        if doc is None or not _NEGATION_CUE.search(block.text):
            continue
        quoted = QuotedSpans.of(block, options["skip-quoted"])
        for sentence in parsed_sentences(block, dependencies=True):
            for hit in _hits(sentence, lexicon):
                first = hit.negation if hit.negation is not None else doc[hit.start]
                if first.idx in quoted:
                    continue
                yield _finding(rule, block, doc, hit)


def may_hold(block: Block, sentence, options: Mapping[str, Any], lexicon: Lexicon) -> bool:
    """Every double negative is a negation and a second negative: another
    negation, a listed word (in any inflection) or an un- or non- word. A
    sentence without both needs no parse."""
    negations = _NEGATION_CUE.findall(sentence.text)
    if len(negations) != 1:
        return bool(negations)
    return any(word.startswith(lexicon.second_negatives) for word in _LETTERS.findall(sentence.text.lower()))


def _hits(sentence: Span, lexicon: Lexicon) -> Iterator[Hit]:
    used: set[int] = set()
    for token in sentence:
        for negative in _negatives_at(sentence, token.i, lexicon, PHRASE):
            used.update(range(token.i, token.i + len(negative.words)))
            yield Hit(None, token.i, token.i + len(negative.words), negative.use)
    for negation in sentence:
        if negation.i in used or not _is_negation(negation):
            continue
        hit = _word_scope(sentence, negation, lexicon)
        if hit is None or hit.use is None:  # "does not become void unless": rewrite the "unless"
            after = negation.i + 1 if hit is None else hit.end
            hit = _sentence_scope(sentence, negation, after, lexicon) or hit
        if hit is not None and hit.start not in used:
            used.update(range(hit.start, hit.end))
            yield hit


def _is_negation(token: Token) -> bool:
    """"not", "n't", "never", "no" as a determiner; not "not only", "not
    just" (which add rather than deny) or "whether or not"."""
    lower = token.lower_
    if lower not in _NEGATIONS or (lower == "no" and token.pos_ != "DET"):
        return False
    doc = token.doc
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    preceding = doc[token.i - 1].lower_ if token.i > 0 else ""
    return following not in ("only", "just") and preceding != "or"


def _word_scope(sentence: Span, negation: Token, lexicon: Lexicon) -> Hit | None:
    doc = sentence.doc
    end = min(negation.i + MAX_BETWEEN + 2, sentence.end)
    for position in range(negation.i + 1, end):
        token = doc[position]
        # "not an unsafe condition" denies that there is one; "a safe
        # condition" would claim there is. Only a predicate ("is not
        # unreasonable") turns positive as it stands.
        on_noun = _modifies_noun(token)
        negative = next(_negatives_at(sentence, position, lexicon, WORD), None)
        if negative is not None:
            return Hit(negation, position, position + len(negative.words), None if on_noun else negative.use)
        positive = _prefixed_positive(token, lexicon)
        if positive is not None:
            return Hit(negation, position, position + 1, None if on_noun else positive)
        if _is_negation(token) or not (token.pos_ in _BETWEEN_POS or token.lemma_ in _LINKING_VERBS):
            return None
    return None


def _sentence_scope(sentence: Span, negation: Token, after: int, lexicon: Lexicon) -> Hit | None:
    """A negative word later in the sentence ("may not ... unless"). Its
    rewrite is offered only when both negatives sit on one clause: in "enter
    the part not covered on line 9 unless the exception applies" the "not"
    denies a phrase and the "unless" limits "enter", and dropping the "not"
    would say the opposite."""
    for position in range(after, sentence.end):
        negative = next(_negatives_at(sentence, position, lexicon, SENTENCE), None)
        if negative is not None:
            split = not _one_clause(negation, sentence.doc[position])
            use = None if split else negative.use
            return Hit(negation, position, position + len(negative.words), use, split)
    return None


def _one_clause(negation: Token, word: Token) -> bool:
    """The negation denies a clause's verb and `word` ("unless") opens a
    clause that hangs on that same verb, or is attached to it directly."""
    verb = negation.head
    if negation.dep_ != "neg" or verb.pos_ not in ("VERB", "AUX") or verb.dep_ in _PHRASE_DEPS:
        return False
    head = word.head
    return head == verb or (head.dep_ == "advcl" and head.head == verb)


def _negatives_at(sentence: Span, position: int, lexicon: Lexicon, scope: str) -> Iterator[Negative]:
    doc = sentence.doc
    token = doc[position]
    by_word, by_lemma = lexicon.by_first_word.get(token.lower_), lexicon.by_first_word.get(token.lemma_.lower())
    if by_word is None and by_lemma is None:  # most tokens: no dictionary walk
        return
    candidates = (by_word or ()) if by_lemma is by_word else (*(by_word or ()), *(by_lemma or ()))
    for negative in candidates:
        if negative.scope != scope:
            continue
        following = [t.lower_ for t in doc[position + 1 : min(position + len(negative.words), sentence.end)]]
        if following == list(negative.words[1:]):
            yield negative


def _modifies_noun(token: Token) -> bool:
    return token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i


def _prefixed_positive(token: Token, lexicon: Lexicon) -> str | None:
    """"unreasonable" -> "reasonable", "nonexempt" -> "exempt"; None when
    the word is not a negative-prefixed adjective or adverb."""
    lower = token.lower_
    if token.pos_ not in ("ADJ", "ADV") or lower.startswith(lexicon.not_negative):
        return None
    for prefix in _PREFIXES:
        stem = lower[len(prefix) :]
        if lower.startswith(prefix) and len(stem) >= 4 and stem.isalpha():
            return token.text[len(prefix) :]
    return None


def _finding(rule, block: Block, doc: Doc, hit: Hit) -> Finding:
    negative = doc[hit.start : hit.end].text
    if hit.negation is None:
        start, suggestion = doc[hit.start].idx, hit.use
        described = f'"{negative}"'
    else:
        start, suggestion = _affirmed(doc, hit)
        negation = block.text[start : hit.negation.idx + len(hit.negation)]
        joiner = " " if hit.start == hit.negation.i + 1 else " ... "
        described = f'"{negation}{joiner}{negative}"'
    end = doc[hit.end - 1].idx + len(doc[hit.end - 1])
    found = block.text[start:end]
    if hit.split:
        advice = "the two belong to different parts of the sentence; check each reads the right way, or say it positively"
    else:
        advice = f'say it positively ("{hit.use}")' if hit.use else "say it positively"
    if suggestion and found[:1].isupper():
        suggestion = suggestion[0].upper() + suggestion[1:]
    return rule.finding(
        block,
        start,
        end,
        f"double negative {described}: {advice}",
        [Suggestion(suggestion, "advisory")] if suggestion else [],
    )


def _affirmed(doc: Doc, hit: Hit) -> tuple[int, str | None]:
    """Where the finding starts and the span said positively, or None when
    the negation cannot simply be dropped ("never", "no one")."""
    negation = hit.negation
    host = doc[negation.i - 1] if negation.i > 0 else None
    attached = host is not None and not host.whitespace_
    do_support = host is not None and host.lemma_ == "do" and host.pos_ == "AUX"
    first = host if (attached or do_support) else negation
    if negation.lower_ not in ("not", "n't") or hit.use is None:
        return first.idx, None
    replaced: dict[int, str] = {hit.start: hit.use, **{i: "" for i in range(hit.start + 1, hit.end)}}
    replaced[negation.i] = ""
    if do_support:
        verb = next((t for t in doc[negation.i + 1 : hit.start] if t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return first.idx, None
        replaced[host.i] = ""
        replaced[verb.i] = inflect(verb.lemma_, host.tag_)
    elif attached:
        replaced[host.i] = _CONTRACTED.get(host.lower_, host.lower_)
    pieces: list[list[str]] = []
    for token in doc[first.i : hit.end]:
        text = replaced.get(token.i, token.text)
        if text:
            pieces.append([text, token.whitespace_])
        elif pieces and not pieces[-1][1]:
            pieces[-1][1] = token.whitespace_
    return first.idx, "".join(text + space for text, space in pieces).strip()


def prepare(data: Mapping[str, Any], options: Mapping[str, Any]) -> Lexicon:
    by_first: dict[str, list[Negative]] = {}
    not_negative = set()
    for entry in data["entries"]:
        if entry.get("negative", True) is False:
            not_negative.add(entry["match"])
            continue
        words = tuple(entry["match"].split())
        negative = Negative(words, entry.get("scope", WORD), entry.get("use"))
        by_first.setdefault(words[0], []).append(negative)
    # The second negative: an entry's first word, or for a phrase that
    # begins with a negation ("no fewer than") the word after it.
    negatives = [negative.words for entries in by_first.values() for negative in entries]
    seconds = {words[1] if words[0] in _NEGATIONS and len(words) > 1 else words[0] for words in negatives}
    stems = {word[: max(3, len(word) - 2)] for word in seconds - _NEGATIONS}
    return Lexicon({k: tuple(v) for k, v in by_first.items()}, tuple(sorted(not_negative)),
                   tuple(sorted(stems | set(_PREFIXES))))
