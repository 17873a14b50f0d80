"""PL501-PL503: acronyms a reader cannot look up where they meet them.

PL501 an acronym is never defined (unless it is common or allowed);
PL502 it is used before its definition (a use in a heading does not count);
PL503 it is defined but then used too rarely to be worth learning.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import Block, Document, Finding, Suggestion
from plainlint.language.acronyms import Acronym, find_acronyms
from plainlint.language.quotes import QuotedSpans


def undefined(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    known = {entry["match"] for entry in rule.data["entries"]} | set(options["allow"])
    for acronym in _acronyms(document, options).values():
        if acronym.key in known or acronym.definition is not None:
            continue
        first = acronym.uses[0]
        yield rule.finding(
            first.block,
            first.start,
            first.end,
            f'"{acronym.key}" is not defined: spell it out the first time you use it, '
            f'followed by "({acronym.key})", or spell it out everywhere',
        )


def defined_late(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    for acronym in _acronyms(document, options).values():
        definition = acronym.definition
        if definition is None:
            continue
        early = next((u for u in acronym.uses if u is not definition and not u.in_heading), None)
        if early is None or acronym.uses.index(early) > acronym.uses.index(definition):
            continue
        line = definition.block.position(definition.start).line
        where = f" (line {line})" if line else ""
        yield rule.finding(
            early.block,
            early.start,
            early.end,
            f'"{acronym.key}" is used before it is defined{where}: define it here',
            [Suggestion(f"{definition.long_form} ({acronym.key})", "advisory")],
        )


def used_once(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    for acronym in _acronyms(document, options).values():
        definition = acronym.definition
        if definition is None:
            continue
        later = len(acronym.uses) - 1
        if later >= options["min-uses"]:
            continue
        count = "never used again" if later == 0 else f"used only {later} more time{'s' if later > 1 else ''}"
        # Dropping the acronym here is a drop-in only when it is never used
        # again; otherwise each later use needs the long form too.
        yield rule.finding(
            definition.block,
            definition.definition_start,
            definition.definition_end,
            f'"{acronym.key}" is defined but {count}: spell out "{definition.long_form}" instead',
            [Suggestion(definition.long_form, "advisory")] if later == 0 else [],
            hints=[] if later == 0 else [
                f'spell out "{definition.long_form}" here and at its {later} later use{"s" if later > 1 else ""}'
            ],
        )


def _acronyms(document: Document, options: Mapping[str, Any]) -> dict[str, Acronym]:
    """The document's acronyms, found once for PL501, PL502 and PL503."""
    key = f"acronyms, skip-quoted {options['skip-quoted']}"
    if key in document.derived:
        return document.derived[key]
    quoted: dict[int, QuotedSpans] = {}

    def in_quotes(block: Block, offset: int) -> bool:
        if id(block) not in quoted:
            quoted[id(block)] = QuotedSpans.of(block, options["skip-quoted"])
        return offset in quoted[id(block)]

    document.derived[key] = find_acronyms(document.language_blocks(), in_quotes)
    return document.derived[key]
