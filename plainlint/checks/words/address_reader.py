"""PL107: a document that talks about its reader in the third person ("the
applicant must...") where it could talk to them ("you must...").

One mention of "the applicant" may well be someone else, so the rule only
speaks when the document keeps doing it (`min-uses`). Words that often name a
third party ("the employee", "the individual") count only as the subject of
must, shall, may and the like, where a requirement is being put on the
reader. "If you are an individual" and "you, the applicant" already address
the reader and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from plainlint.document import Block, Document, Finding, Suggestion
from plainlint.language.phrasing import match_case
from plainlint.language.quotes import QuotedSpans

_DETERMINER = r"(?:the|an?|each|every|any|such)\s+"
_MODAL = r"(?:also\s+|then\s+|only\s+|not\s+)?(?:must|shall|may|should|will|can(?:not)?|need)\b"
#: A verb in the third person after the mention ("the applicant gives"):
#: "you" would need "give", which a word swap cannot do.
_THIRD_PERSON_VERB = re.compile(r"\s+(?:is|was|has|does|[a-z]+[^s\W]s)\b")
#: Text just before a mention that shows the reader is already "you".
_ALREADY_YOU = re.compile(r"(?:\byou(?:\s+are|['’]re)?|\bmeans|\bas)\s*,?\s*$", re.I)


@dataclass(frozen=True)
class Mention:
    block: Block
    start: int
    end: int
    possessive: bool


def check(document: Document, rule, options: Mapping[str, Any], patterns: tuple[re.Pattern, ...]) -> Iterator[Finding]:
    mentions = [m for block in document.language_blocks() for m in _mentions(block, patterns, options["skip-quoted"])]
    if len(mentions) < options["min-uses"]:
        return
    for mention in mentions:
        found = mention.block.text[mention.start : mention.end]
        pronoun = match_case(found, "your" if mention.possessive else "you")
        agrees = mention.possessive or not _THIRD_PERSON_VERB.match(mention.block.text, mention.end)
        yield rule.finding(
            mention.block,
            mention.start,
            mention.end,
            f'"{found}": if this is your reader, speak to them as "{pronoun}" '
            f"(this document refers to its reader in the third person {len(mentions)} times)",
            [Suggestion(pronoun, "advisory")] if agrees else [],
        )


def _mentions(block: Block, patterns: tuple[re.Pattern, ...], skip_quoted: bool) -> list[Mention]:
    quoted = QuotedSpans.of(block, skip_quoted)
    found: dict[int, Mention] = {}
    for pattern in patterns:
        for match in pattern.finditer(block.text):
            if match.start() in quoted or _ALREADY_YOU.search(block.text[: match.start()]):
                continue
            possessive = bool(match.groupdict().get("possessive"))
            found.setdefault(match.start(), Mention(block, match.start(), match.end(), possessive))
    return [found[start] for start in sorted(found)]


def prepare(data: Mapping[str, Any], options: Mapping[str, Any]) -> tuple[re.Pattern, ...]:
    """Two patterns: any mention of a role that is usually the reader's ("the
    applicant's"), and a mention of any role, with or without a determiner
    ("Employees must"), as the subject of a modal verb."""
    terms = [(entry["match"], bool(entry.get("subject-only"))) for entry in data["entries"]]
    always = "|".join(_forms(word) for word, subject_only in terms if not subject_only)
    every = "|".join(_forms(word) for word, _ in terms)
    return (
        re.compile(rf"\b{_DETERMINER}(?:{always})(?P<possessive>['’]s|s['’])?(?![\w'’-])", re.I),
        re.compile(rf"\b(?:{_DETERMINER})?(?:{every})(?=\s+{_MODAL})", re.I),
    )


def _forms(word: str) -> str:
    plural = word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s"
    return f"{re.escape(plural)}|{re.escape(word)}"
