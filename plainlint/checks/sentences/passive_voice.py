"""PL210: passive voice, found on the dependency parse by plainlint.language.passive
(run by the language pass, which checks each draft by parsing it again), with
an active rewrite when the sentence names the actor. Quoted passives are
someone else's words and are left alone; headings and table cells get a
hint, not a rewrite, because a sentence does not fit there. By default a
passive that names nobody is reported only where a modal makes it a duty or
a promise ("must be signed")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import (
    PLACEHOLDER,
    Block,
    BlockKind,
    Document,
    Finding,
    Level,
    Suggestion,
)
from plainlint.language.inflect import IRREGULAR
from plainlint.language.passive import CLAUSAL_KINDS, HEADLINE, INVERTED, REDUCED
from plainlint.language.quotes import QuotedSpans
from plainlint.language.voice import PASSIVES

_KIND_NAMES = {
    "be-passive": "passive voice",
    "get-passive": "passive voice (get-passive)",
    "inverted": "passive voice (inverted)",
    "headline": "passive voice (headline)",
    "reduced": "reduced passive",
}


#: Blocks written as fragments, where a headline passive ("Form submitted")
#: is a real reading; in running prose the same pattern is mostly a misparse.
_FRAGMENT_KINDS = {BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL, BlockKind.FORM_LABEL}
#: Blocks where a whole active sentence cannot replace the text.
_NO_REWRITE_KINDS = {BlockKind.HEADING, BlockKind.TABLE_CELL, BlockKind.FORM_LABEL}


#: A form of "be" or "get", which every passive but a headline or reduced
#: one has: "is", "wasn't", "’re", "got".
_BE_OR_GET = re.compile(
    r"(?<![^\W\d_])(?:be|am|is|are|was|were|been|being|ai|get|gets|got|gotten|getting)(?![^\W\d_]|n['’]t)"
    r"|(?<![^\W\d_])(?:is|are|was|were|ai)(?=n['’]t)|['’](?:s|re|m)(?![^\W\d_])",
    re.IGNORECASE,
)


#: Past participles that end in none of -ed, -en, -wn, -rn, -ne, beyond the irregular
#: verbs `inflect` knows; with a prefix ("rebuilt", "overpaid") they count too.
_MORE_PARTICIPLES = frozenset(
    "sat slept swept wept crept kept fit bid bet burst cast forecast broadcast thrust upset wound ground spun "
    "dug lit slid stung swung wrung clung flung slung sprung strung drunk sunk shrunk stunk mislaid overpaid "
    "underpaid shed spit knit wet leapt dreamt learnt spelt spilt burnt smelt dwelt knelt sped fled bled bred "
    "hid rid quit input output lain slain".split()
)
_PARTICIPLES = frozenset(participle for _, participle in IRREGULAR.values()) | _MORE_PARTICIPLES
_PREFIX = re.compile(r"^(?:re|mis|over|under|out|fore|with|up|pre|co|un)-?")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def may_hold(block: Block, sentence, options: Mapping[str, Any]) -> bool:
    """Whether `sentence` may hold a passive this rule reports: every one
    but a reduced passive has a form of "be" or "get" (a headline passive,
    in a heading, list item, cell or label, has none), and every passive has
    a word that may be a past participle. Two thirds of the sentences with
    "be" or "get" have no such word, and need no parse for this rule."""
    if options["reduced"]:
        return True
    text = sentence.text
    if block.kind not in _FRAGMENT_KINDS and _BE_OR_GET.search(text) is None:
        return False
    return any(_may_be_participle(word) for word in _WORD.findall(text))


def _may_be_participle(word: str) -> bool:
    word = word.lower()
    return (
        word.endswith(("ed", "en", "wn", "rn", "ne", "'d", "’d"))  # asked, taken, known, born, done
        or word in _PARTICIPLES
        or _PREFIX.sub("", word) in _PARTICIPLES
    )


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    for block in document.language_blocks():
        quoted = QuotedSpans.of(block, options["skip-quoted"])
        for sentence, passives in block.derived.get(PASSIVES, ()):
            # Code, links' hidden parts and templating are masked out of the
            # parse; a rewrite would quote the mask, so offer only the hint.
            hint_only = block.kind in _NO_REWRITE_KINDS or PLACEHOLDER in block.text[sentence.start_char : sentence.end_char]
            for passive in passives:
                if passive.start in quoted:
                    continue
                if passive.state:
                    if options["states"]:
                        yield _finding(rule, block, passive, hint_only, Level.SUGGESTION)
                elif not _worth_reporting(passive, options):
                    continue
                elif passive.kind in CLAUSAL_KINDS:
                    yield _finding(rule, block, passive, hint_only)
                elif passive.kind == HEADLINE and block.kind in _FRAGMENT_KINDS:
                    yield _finding(rule, block, passive, hint_only)
                elif passive.kind == REDUCED and options["reduced"]:
                    yield _finding(rule, block, passive, hint_only, Level.SUGGESTION)


def _worth_reporting(passive, options: Mapping[str, Any]) -> bool:
    """With `agentless: modal`, a passive that names nobody is reported only
    with a modal ("must be signed"), where the reader cannot tell who must
    act, or when it is done to the reader ("your claim was denied"). "The
    notice was issued in May" leaves nobody unsure what to do, and reviewers
    judged such findings not worth an editor's time. Inverted passives
    ("Attached is the form") are always worth a rewrite."""
    if passive.agent or passive.kind == INVERTED or options["agentless"] == "all":
        return True
    return passive.modal or passive.to_reader


def _finding(rule, block, passive, hint_only: bool, level: Level | None = None) -> Finding:
    what = _KIND_NAMES.get(passive.kind, "passive voice")
    phrase = block.text[passive.start : passive.end]
    if hint_only:
        actor = f"Make {passive.agent} the subject." if passive.agent else "Say who does it."
        message = f'{what}: "{phrase}"; {actor}'
        suggestions = []
    elif passive.rewrite:
        message = f'{what}: "{phrase}"; say who does what'
        suggestions = [Suggestion(passive.rewrite, "advisory")]
    else:
        message = f'{what}: "{phrase}"; {passive.hint}'
        suggestions = []
    return rule.finding(block, passive.start, passive.end, message, suggestions, level=level)
