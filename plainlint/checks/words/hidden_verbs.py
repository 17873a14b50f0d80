"""PL105: hidden verbs, actions buried in nouns ("make a decision",
"conduct an analysis of", "the provision of").

Two detectors, both on spaCy tags and lemmas so that every tense matches:

1. A light verb with a nominalisation from the spec's entries ("made a
   decision", "will make the final decision", "is applicable to"). The
   rewrite keeps the light verb's form: "made a decision" -> "decided".
2. "the <noun> of" where the noun is made from a verb on the spec's list
   ("the provision of" -> "providing"). Weaker evidence, and the rewrite
   often needs the sentence reworked, so it is a suggestion-level finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from plainlint.document import Block, Document, Finding, Level, Suggestion
from plainlint.language.inflect import inflect, present_participle
from plainlint.language.nominal import hidden_verb
from plainlint.language.phrasing import match_case
from plainlint.language.quotes import QuotedSpans, is_listed_term

if TYPE_CHECKING:  # spaCy is imported only by the NLP pass that parses
    from spacy.tokens import Doc, Token

#: How many words may sit between the light verb and its noun ("make the
#: final decision", "made two quick decisions").
MAX_MODIFIERS = 3
_ARTICLES = frozenset({"a", "an", "the"})
#: Negations between the light verb and its noun: "is not applicable",
#: "made no objection" (rewritten with "do not": "did not object").
_NEGATIONS = frozenset({"not", "n't", "no"})
#: Nouns the tagger gives as NOUN that work as adverbs ("decide today").
_ADVERBIAL_NOUNS = frozenset({"today", "tomorrow", "tonight", "yesterday"})
#: Prepositions before "the <noun> of" after which a gerund reads badly or
#: changes the meaning ("under the supervision of", "at the conclusion of").
_NO_GERUND_AFTER = frozenset({"at", "on", "under", "with", "without"})


@dataclass(frozen=True)
class Phrase:
    """One spec entry: `light` verb words ("carry", "out"), the noun or
    adjective lemma `word`, an optional preposition that the rewrite
    absorbs ("conduct an analysis of" -> "analyze"), and the verb to use."""

    light: tuple[str, ...]
    word: str
    pos: str
    prep: str | None
    use: str


@dataclass(frozen=True)
class Vocabulary:
    phrases: dict[tuple[tuple[str, ...], str], Phrase]
    #: Light verbs by their first word's lemma.
    lights: dict[str, tuple[tuple[str, ...], ...]]
    #: Verbs "the <noun> of" may hide.
    verbs: frozenset[str]
    #: The listed nouns' and adjectives' first letters, for `may_hold`.
    stems: re.Pattern
    #: Every spelling of the light verbs' first words ("made", "’ve"), for `may_hold`.
    light_forms: frozenset[str]


@dataclass(frozen=True)
class Match:
    phrase: Phrase
    start: int  # token index of the light verb
    end: int  # token index after the noun (and absorbed preposition)
    modifiers: tuple[Token, ...]


def check(document: Document, rule, options: Mapping[str, Any], vocabulary: Vocabulary) -> Iterator[Finding]:
    for block in document.language_blocks():
        doc = block.parsed
        if doc is None:
            continue
        if options["skip-quoted"] and is_listed_term(block):
            continue
        quoted = QuotedSpans.of(block, options["skip-quoted"])
        covered: set[int] = set()
        for match in _light_verb_phrases(doc, vocabulary):
            if doc[match.start].idx in quoted:
                continue
            covered.update(range(match.start, match.end))
            yield _phrase_finding(rule, block, doc, match)
        if not options["the-noun-of"]:
            continue
        for start, end, verb in _the_noun_of(doc, vocabulary.verbs):
            if doc[start].idx in quoted or covered.intersection(range(start, end)):
                continue
            yield _the_noun_of_finding(rule, block, doc[start:end], verb)


def _light_verb_phrases(doc: Doc, vocabulary: Vocabulary) -> Iterator[Match]:
    index = 0
    while index < len(doc):
        match = _phrase_at(doc, index, vocabulary)
        if match is None:
            index += 1
        else:
            yield match
            index = match.end


def _phrase_at(doc: Doc, index: int, vocabulary: Vocabulary) -> Match | None:
    verb = doc[index]
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for light in vocabulary.lights.get(verb.lemma_.lower(), ()):
        after = index + len(light)
        if [t.lower_ for t in doc[index + 1 : after]] != list(light[1:]):
            continue
        modifiers: list[Token] = []
        for position in range(after, min(after + MAX_MODIFIERS + 1, len(doc))):
            token = doc[position]
            phrase = vocabulary.phrases.get((light, token.lemma_.lower()))
            if phrase is not None and token.pos_ == phrase.pos and not _is_compound_modifier(doc, position):
                end = position + 1
                if phrase.prep and end < len(doc) and doc[end].lower_ == phrase.prep:
                    end += 1
                return Match(phrase, index, end, tuple(modifiers))
            if not _is_modifier(token):
                break
            modifiers.append(token)
    return None


def _is_modifier(token: Token) -> bool:
    """A word that may sit between a light verb and its noun."""
    return token.pos_ in ("DET", "ADJ", "NUM", "ADV") or token.tag_ == "PRP$" or token.lower_ in _NEGATIONS


def _is_compound_modifier(doc: Doc, position: int) -> bool:
    """"payment" in "make a payment plan" modifies the next noun."""
    if position + 1 >= len(doc):
        return False
    following = doc[position + 1]
    return following.pos_ in ("NOUN", "PROPN") and following.lower_ not in _ADVERBIAL_NOUNS


def _phrase_finding(rule, block: Block, doc: Doc, match: Match) -> Finding:
    verb = doc[match.start]
    phrase = match.phrase
    negated = any(t.lower_ in _NEGATIONS for t in match.modifiers)
    if negated:  # "is not applicable to" -> "does not apply to"; "made no objection" -> "did not object"
        text = f"{inflect('do', verb.tag_)} not {phrase.use}"
    else:
        text = inflect(phrase.use, verb.tag_)
    text = match_case(verb.text, text)
    dropped = [t.text for t in match.modifiers if t.lower_ not in _ARTICLES and t.lower_ not in _NEGATIONS]
    after = doc[match.end] if match.end < len(doc) else None
    dangling = phrase.prep is None and after is not None and after.pos_ == "ADP"
    span = doc[match.start : match.end]
    rework = f" and rework {', '.join(repr(w) for w in dropped)}" if dropped else ""
    # A swap that drops a modifier ("makes extensive use of" -> "uses") is
    # advice for the writer, not a replacement.
    safe = not negated and not dangling
    return rule.finding(
        block,
        span.start_char,
        span.end_char,
        f'"{span.text}" hides the verb "{phrase.use}": use "{text}"{rework}',
        [] if dropped else [Suggestion(text, "safe" if safe else "advisory")],
    )


def _the_noun_of(doc: Doc, verbs: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, verb) for each "the <singular noun> of" whose noun is
    made from a listed verb."""
    for token in doc[1:-1]:
        if token.tag_ != "NN" or doc[token.i - 1].lower_ != "the" or doc[token.i + 1].lower_ != "of":
            continue
        if token.i >= 2 and doc[token.i - 2].lower_ in _NO_GERUND_AFTER:
            continue
        verb = hidden_verb(token.lower_, verbs)
        if verb is not None:
            yield token.i - 1, token.i + 2, verb


def _the_noun_of_finding(rule, block: Block, span, verb: str) -> Finding:
    gerund = match_case(span.text, present_participle(verb))
    return rule.finding(
        block,
        span.start_char,
        span.end_char,
        f'"{span.text}" hides the verb "{verb}": try "{gerund}" or a sentence built on "{verb}"',
        [],  # the gerund rarely fits as it stands ("the cancellation of debt" in a list of nouns)
        level=Level.SUGGESTION,
    )


def prepare(data: Mapping[str, Any], options: Mapping[str, Any]) -> Vocabulary:
    """The spec's entries, indexed: phrase entries have `light` and `noun`
    (or `adjective`); verb entries have just `verb`."""
    phrases: dict[tuple[tuple[str, ...], str], Phrase] = {}
    verbs = set()
    for entry in data["entries"]:
        if "verb" in entry:
            verbs.add(entry["verb"])
            continue
        light = tuple(entry["light"].split())
        word, pos = (entry["noun"], "NOUN") if "noun" in entry else (entry["adjective"], "ADJ")
        phrases[(light, word)] = Phrase(light, word, pos, entry.get("prep"), entry["use"])
    lights: dict[str, list[tuple[str, ...]]] = {}
    for light, _ in phrases:
        if light not in lights.setdefault(light[0], []):
            lights[light[0]].append(light)
    longest_first = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in lights.items()}
    # All but the last two letters: "analys" finds "analyses", "decisi" "decisions".
    stems = sorted({word[:-2] if len(word) > 4 else word for _, word in phrases}, key=len, reverse=True)
    alternation = "|".join(map(re.escape, stems)) or "(?!)"
    stems_pattern = re.compile(rf"(?<![^\W\d_])(?:{alternation})")
    return Vocabulary(phrases, longest_first, frozenset(verbs), stems_pattern, _spellings(longest_first))


#: Forms of "be" and "have" whose spelling inflection does not give.
_BE_FORMS = frozenset("be am is are was were been being ai isn aren wasn weren 's ’s 're ’re 'm ’m".split())
_HAVE_FORMS = frozenset("'ve ’ve 'd ’d 's ’s haven hasn hadn".split())


def _spellings(lights: Mapping[str, Any]) -> frozenset[str]:
    """Each light verb's first word in every form the tagger may lemmatise
    back to it, lower-case."""
    forms: set[str] = set()
    for base in lights:
        forms.update(inflect(base, tag) for tag in ("VB", "VBZ", "VBD", "VBN", "VBG"))
        forms.update(_BE_FORMS if base == "be" else _HAVE_FORMS if base == "have" else ())
    return frozenset(form.lower() for form in forms)


#: Words as `may_hold` counts them: letters and digits, or a clitic ("'ve").
_CUE_WORD = re.compile(r"[^\W_][\w'’]*|['’][^\W\d_]+")
#: How many words after a light verb its noun may be: "carry out" and
#: MAX_MODIFIERS words between, counting no punctuation (which the tagger
#: makes tokens of), so a word count is never more than the token count.
_NOUN_REACH = 2 + MAX_MODIFIERS


#: "the provision of": the shape `_the_noun_of` looks for, in words.
_THE_NOUN_OF = re.compile(r"(?<![^\W\d_])the\s+(\S+)\s+of(?![^\W\d_])", re.IGNORECASE)


def may_hold(block: Block, sentence, options: Mapping[str, Any], vocabulary: Vocabulary) -> bool:
    """Whether `sentence` can hide a verb: a word that starts like a listed
    noun or adjective comes within reach after a light verb ("made the
    final decision"), or, with `the-noun-of`, "the <noun> of" has a noun
    made from a listed verb (or one the tokenizer may cut differently)."""
    if options["the-noun-of"]:
        for match in _THE_NOUN_OF.finditer(sentence.text):
            noun = match.group(1)
            if not noun.isalpha() or hidden_verb(noun.lower(), vocabulary.verbs) is not None:
                return True
    text = sentence.text.lower()
    if vocabulary.stems.search(text) is None:
        return False
    last_light = None
    for position, word in enumerate(_CUE_WORD.findall(text)):
        if last_light is not None and position - last_light <= _NOUN_REACH and vocabulary.stems.match(word):
            return True
        if word in vocabulary.light_forms:
            last_light = position
    return False
