"""PL402: a field's name (its label, or the tooltip a screen reader announces)
is not plain: a machine name, so long that it is instructions, a question
buried after instructions, ALL CAPS, or hard words. One finding per field
and kind of problem.

Hard words are found with the word-list rules' own lists (PL101, PL102,
PL104 by default): each is run on the name as a one-block document. A name
that is already a block of the document (a PDF tooltip, an HTML <label>) is
left to those rules, which report it in place; names that are not text on
the page (aria-label, title, a Word title) are checked here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from plainlint.document import (
    Block,
    BlockKind,
    Document,
    Finding,
    FormField,
    Segment,
    Suggestion,
)
from plainlint.errors import ConfigError
from plainlint.forms.fields import excerpt, fillable_fields
from plainlint.forms.naming import TextBefore, describe, looks_internal, usable_words
from plainlint.language.text import count_words, sentences

#: A form's item number before the name: "6.", "11a.", "(b)".
_ITEM_NUMBER = re.compile(r"^\s*(?:\(?\d+[a-z]?[.)]|\([a-z]\))\s+")
#: Verbs that open the part of a tooltip naming its field ("Enter Printed Name.").
_ASK = re.compile(r"^(?:enter|type|select|choose|check|provide|give|list|write|fill in)\s+", re.I)
#: Short words kept in lower case when an ALL CAPS name is rewritten; other
#: words of three letters or fewer are taken to be acronyms (SSN, ZIP, EIN).
_SMALL_WORDS = frozenset(
    "a an and any are as at be by do for if in is it my no not of on or per the to up us we you your".split()
)
_WHERE_INSTRUCTIONS_GO = {
    "pdf": "into the form's printed text beside the field",
    "html": "into a hint linked to the field with aria-describedby",
    "docx": "into the field's help text or the document beside it",
}


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    if not document.fields:
        return  # no form here: skip building the word rules
    word_rules = _word_rules(rule, options["jargon-rules"])
    shown = _text_shown_for(document)
    named = [f for f in fillable_fields(document) if f.label and f.label.strip() and f.label_source != "placeholder"]
    candidates = dict(zip(map(id, named), TextBefore(document).labels_for(named), strict=True))
    for field in named:
        if looks_internal(field.label):
            yield _internal(document, rule, field, candidates[id(field)])
            continue
        # Asking the question first (the rest becoming a hint) also shortens
        # the name, so a buried question is not reported as length too.
        found = [
            _buried_question(document, rule, field, options["buried-after-words"])
            or _too_long(document, rule, field, options),
            _all_caps(document, rule, field) if options["all-caps"] else None,
            None if _is_shown(field, shown) else _hard_words(document, rule, field, word_rules),
        ]
        yield from (finding for finding in found if finding is not None)


def _internal(document: Document, rule, field: FormField, candidate: str | None) -> Finding:
    what = describe(field, document)
    if document.format == "pdf" and field.kind == "radio":
        candidate = field.attrs.get("question") if usable_words(field.attrs.get("question")) else candidate
        fix = "write the question its buttons answer"
    else:
        fix = "write what a person should enter, in their words"
    message = (
        f"the name a screen reader announces for {what} is '{field.label}', a machine name, not words a "
        f"person would understand; {fix}"
    )
    return rule.finding_on_field(field, message, [Suggestion(candidate, "advisory")] if candidate else [])


def _too_long(document: Document, rule, field: FormField, options: Mapping[str, Any]) -> Finding | None:
    """A PDF tooltip must also carry any format hint (a PDF field has no
    separate description), so tooltips get a longer allowance than labels."""
    tooltip = field.label_source == "tooltip"
    limit = options["max-tooltip-words" if tooltip else "max-label-words"]
    words = count_words(field.label)
    if words <= limit:
        return None
    kind = "tooltip" if tooltip else "label"
    where = _WHERE_INSTRUCTIONS_GO.get(document.format, "next to the field")
    message = (
        f"the {kind} of {describe(field, document)} is {words} words long (more than {limit}): a screen "
        "reader reads all of it each time someone reaches the field, so it is instructions, not a name; "
        f"keep the name short and move the instructions {where}"
    )
    short = _asked_part(field.label)
    if short is None and field.nearby_text and count_words(field.nearby_text) <= 10 and usable_words(field.nearby_text):
        short = field.nearby_text
    return rule.finding_on_field(field, message, [Suggestion(short, "advisory")] if short else [])


def _asked_part(label: str) -> str | None:
    """The sentence of a long tooltip that names the field ("Enter Printed
    Name." -> "Printed Name"), when it is short."""
    for span in reversed(sentences(label)):
        asked = _ASK.sub("", span.text, count=1)
        if asked != span.text and count_words(asked) <= 12:
            return asked.rstrip(" .")
    return None


def _buried_question(document: Document, rule, field: FormField, after: int) -> Finding | None:
    text = _ITEM_NUMBER.sub("", field.label)
    spans = sentences(text)
    for index, span in enumerate(spans):
        if not span.text.rstrip("\"'”’)] ").endswith("?"):
            continue
        before = count_words(text[: span.start])
        if index == 0 or before < after:
            return None
        message = (
            f"the question in the name of {describe(field, document)} comes after {before} words of "
            f"instructions: '{excerpt(span.text)}'; ask the question first, and put the instructions "
            "after it or in a hint"
        )
        return rule.finding_on_field(field, message, [Suggestion(span.text, "advisory")])
    return None


def _all_caps(document: Document, rule, field: FormField) -> Finding | None:
    words = re.findall(r"[^\W\d_]{2,}", field.label)
    if len(words) < 2 or sum(map(len, words)) < 6 or not all(word.isupper() for word in words):
        return None
    message = (
        f"the name of {describe(field, document)} is in capitals: '{excerpt(field.label)}'; capitals are "
        "harder to read and sound like shouting; write it in sentence case"
    )
    return rule.finding_on_field(field, message, [Suggestion(_sentence_case(field.label), "advisory")])


def _sentence_case(text: str) -> str:
    def word(match: re.Match) -> str:
        token = match.group()
        if len(token) <= 3 and token.lower() not in _SMALL_WORDS:
            return token  # an acronym
        return token.lower()

    lowered = re.sub(r"[^\W\d_]+", word, text)
    first = re.search(r"[^\W\d_]", lowered)
    if first is None:
        return lowered
    return lowered[: first.start()] + lowered[first.start()].upper() + lowered[first.start() + 1 :]


def _hard_words(document: Document, rule, field: FormField, word_rules: list) -> Finding | None:
    location = field.location
    block = Block(
        BlockKind.FORM_LABEL,
        field.label,
        document.path,
        [Segment(0, location.line, location.column, location.page)],
        field_name=field.name,
    )
    name_only = Document(document.path, document.format, blocks=[block])
    found = [finding for word_rule in word_rules for finding in word_rule.run(name_only, word_rule.defaults())]
    if not found:
        return None
    message = (
        f"the name of {describe(field, document)} ('{excerpt(field.label)}') uses harder words than it needs: "
        + "; ".join(finding.message for finding in found)
    )
    suggestions = [suggestion for finding in found for suggestion in finding.suggestions]
    return rule.finding_on_field(field, message, suggestions)


def _word_rules(rule, codes: list) -> list:
    """The word-list rules whose lists PL402 borrows, from its registry."""
    found = []
    for code in codes:
        word_rule = rule.borrow(str(code))
        if word_rule is None:
            raise ConfigError(f"{rule.code}: option 'jargon-rules' names {code!r}, which is not a rule")
        found.append(word_rule)
    return found


def _text_shown_for(document: Document) -> dict[str, str]:
    """The text of the blocks that belong to each field (its <label>, its
    PDF tooltip), joined: what the word rules already check in place."""
    shown: dict[str, list[str]] = {}
    for block in document.blocks:
        if block.field_name:
            shown.setdefault(block.field_name, []).append(block.text)
    return {name: _normal(" ".join(texts)) for name, texts in shown.items()}


def _is_shown(field: FormField, shown: dict[str, str]) -> bool:
    return _normal(field.label) in shown.get(field.name, "")


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()
