"""What the field-name rules (PL401, PL402, PL405, PL431, and PL430's page
findings) share: how to speak about a field (what kind of control it is in
plain words, the part of a PDF's field path a designer recognises), whether
a name is a machine name, and what text near a field could name it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from plainlint.document import (
    Block,
    BlockKind,
    Document,
    Finding,
    FormField,
    Location,
)

_KIND_WORDS = {
    "text": "text box",
    "textarea": "text area",
    "email": "email box",
    "password": "password box",
    "tel": "phone number box",
    "number": "number box",
    "search": "search box",
    "url": "web address box",
    "date": "date box",
    "checkbox": "check box",
    "radio": "radio button",
    "choice": "list",
    "select": "drop-down list",
    "signature": "signature field",
    "richtext": "content control",
    "picture": "picture control",
    "file": "file upload",
    "range": "slider",
}
#: Names the HTML extractor makes up for a control with no name or id.
_MADE_UP_NAME = re.compile(r"[a-z-]+#(\d+)")
#: One token that reads as code: a path or index (f1_01[0], Page1.f2),
#: snake_case, camelCase or Hungarian notation (txtFName), or letters run
#: into digits (Text1, field12).
_CODE_TOKEN = re.compile(
    r"""(?x)
    .*[\[\]#_=<>{}|\\].*        # brackets, underscores and other code marks
    | .*\w\.\w.*                # a dotted path
    | .*[a-z][A-Z].*            # camelCase inside the word
    | [A-Za-z]+\d+              # Text1, Check3, field12
    | (?:txt|chk|cbo|ddl|lst|rdo|rb|btn|cb|tb|fld)[A-Z0-9].*   # Hungarian prefixes
    """
)
#: The default names form tools give new fields ("Text Field 12",
#: "Check Box 3", "RadioButtonGroup").
_TOOL_DEFAULT = re.compile(
    r"(?i)(?:text|check\s?box|radio\s?button|list\s?box|combo\s?box|drop\s?down(?:\s?list)?"
    r"|text\s?field|form\s?field|field|untitled)\s*\d+|radio\s?button\s?group"
)
#: How far (in lines) the text before an HTML control may be to be offered
#: as its label or its group's question.
LABEL_LINES = 5
QUESTION_LINES = 12


def kind_words(field: FormField) -> str:
    if field.attrs.get("source") == "content-control" and field.kind in ("text", "choice"):
        return "content control"
    return _KIND_WORDS.get(field.kind, "field")


def short_name(field: FormField, document: Document) -> str:
    """A PDF field's full name is its path in the field tree
    (topmostSubform[0].Page1[0].f1_01[0]); its last part is what the form's
    designer sees in their tool. Other formats' names are kept whole."""
    if document.format == "pdf":
        return field.name.rsplit(".", 1)[-1]
    return field.name


def describe(field: FormField, document: Document) -> str:
    """"text box 'f1_01[0]'"; "drop-down list #1" for an HTML control with
    neither name nor id; "an unnamed text box" for a PDF field with none."""
    if field.location.field is None:  # a PDF field with no /T anywhere in its tree
        return f"an unnamed {kind_words(field)}"
    made_up = _MADE_UP_NAME.fullmatch(field.name)
    if made_up:
        return f"{kind_words(field)} #{made_up.group(1)}"
    return f"{kind_words(field)} '{short_name(field, document)}'"


def page_finding(rule, document: Document, page: int | None, message: str, hints: list[str]) -> Finding:
    """A finding on a whole page, with what to do as hints (nothing on a
    page is its replacement). It is identified by its page, not by its
    message, so a baseline still knows it when its counts change."""
    where = f"page {page}" if page is not None else "document"
    return rule.finding_at(Location(document.path, page=page), message, matched=where, hints=hints)


def looks_internal(text: str) -> bool:
    """True for a machine name used where a person's words belong:
    "topmostSubform[0].Page1[0].f1_1", "txtFName", "field_12", "TextField2",
    "Check Box 3". Ordinary words ("Name", "E-mail", "ZIP code") are not."""
    text = " ".join(text.split())
    if not text:
        return False
    if _TOOL_DEFAULT.fullmatch(text):
        return True
    return " " not in text and bool(_CODE_TOKEN.fullmatch(text))


class TextBefore:
    """Finds the running text just above an HTML control (documents with
    lines): blocks indexed once by their first line, so a page with
    thousands of controls costs a lookup each."""

    _SKIPPED = frozenset({BlockKind.FORM_LABEL, BlockKind.HELP_TEXT, BlockKind.FIELD_TOOLTIP, BlockKind.TITLE})

    def __init__(self, document: Document):
        #: How many controls each group (fieldset legend) holds.
        self._group_sizes = Counter(field.group for field in document.fields if field.group)
        starts = []
        if document.format != "pdf":
            for block in document.blocks:
                line = block.location(0, 1).line
                if line is not None and block.kind not in self._SKIPPED:
                    starts.append((line, len(starts), block))
        starts.sort(key=lambda item: item[:2])
        self._lines = [line for line, _, _ in starts]
        self._blocks = [block for _, _, block in starts]

    def block(self, field: FormField, reach: int) -> Block | None:
        """The last block that starts on the field's line or at most `reach`
        lines above it."""
        line = field.location.line
        if line is None or not self._lines:
            return None
        index = bisect.bisect_right(self._lines, line) - 1
        if index < 0 or self._lines[index] < line - reach:
            return None
        return self._blocks[index]

    def labels_for(self, fields: list[FormField]) -> list[str | None]:
        """For each field, words a person can see that could name it: the
        text printed beside it (PDF, DOCX), else, for an HTML control, the
        text just before it (not another control's label or hint). Text
        that is nearest to several of `fields` names none of them: it is a
        heading or a row of options ("Name: Mr. Mrs."), not a label. The
        legend of a group that holds only this control names it too."""
        candidates = [self._label_for(field) for field in fields]
        claims = Counter(candidates)
        return [text if text is not None and claims[text] == 1 else None for text in candidates]

    def _label_for(self, field: FormField) -> str | None:
        if usable_words(field.nearby_text):
            return field.nearby_text
        if field.group and self._group_sizes[field.group] == 1 and usable_words(field.group):
            return field.group
        block = self.block(field, LABEL_LINES)
        return block.text if block is not None and usable_words(block.text) else None


def usable_words(text: str | None) -> bool:
    """Text worth offering as a name: a word of two letters or more, not a
    machine name (a PDF's nearest text is sometimes "–", "3 $" or "▶ 46"),
    and more than the kind of control ("Text form field", "Check box",
    "Radio sng ?", "Liste2 (Multi)": what a form tool prints in a sample,
    which the review set judged a bad name every time)."""
    return bool(text and re.search(r"[^\W\d_]{2}", text) and not looks_internal(text) and not _control_kind(text))


#: Words that say what kind of control a field is, not what it asks.
_CONTROL_WORDS = frozenset(
    "text form field fields check box boxes checkbox tick drop down dropdown list liste listbox radio button "
    "buttons group combo combobox multi multiple single sng choice select option options edit input textbox "
    "textfield control content click tap here to enter or a an the".split()
)


def _control_kind(text: str) -> bool:
    """True when every word is a control word, a letter, or a machine token
    (letters with a number glued on: "Text1", "Liste2")."""
    words = re.findall(r"[^\W_]+", text.casefold())
    return all(w in _CONTROL_WORDS or len(w) == 1 or w.isdigit() or re.fullmatch(r"[^\W\d_]+\d+", w) for w in words)
