"""Hint text shown beside an HTML control, whether or not the page ties it to
the control with aria-describedby.

A sighted person reads "For example, 27 3 2024" under a question; a screen
reader user hears it only if the control (or its fieldset) points at it. This
module finds such text by where it sits and how it is marked up, and records
it as a candidate; whether it is tied to the control is for a rule to judge.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lxml import etree

#: Class names design systems give hint text: govuk-hint, usa-hint,
#: form-text (Bootstrap), help-block, field-description, ...
_HINT_CLASS = re.compile(r"hint|help|description|^form-text$", re.I)
#: Plain elements that read as a hint when they come right after a label.
_BARE_AFTER_LABEL = frozenset({"p", "small"})
_BARE_AFTER_CONTROL = frozenset({"small"})
#: Elements that are never hint text themselves: links and buttons (a
#: "Help" link), captions and controls.
_NEVER_HINTS = frozenset({"a", "button", "label", "legend", "fieldset", "form", "input", "select", "textarea"})
#: How many elements between a label and its control are searched: a hint
#: sits next to its question, and a hostile page must not make this slow.
_WINDOW = 40
_LETTER = re.compile(r"[^\W\d_]")


class HintFinder:
    """Hint candidates near a control, from a page indexed in document order:
    `order` lists elements as their start tags come, `start` and `end` give
    the first and last index of each element's subtree."""

    def __init__(
        self,
        order: Sequence[etree._Element],
        start: dict[etree._Element, int],
        end: dict[etree._Element, int],
        in_caption: set[etree._Element],
        text: Callable[[etree._Element], str],
        hidden: Callable[[etree._Element], bool],
    ):
        self.order, self.start, self.end = order, start, end
        self.in_caption, self.text, self.hidden = in_caption, text, hidden

    def near_control(self, control: etree._Element, label: etree._Element | None) -> list[dict]:
        """Hints between a control's label and the control (any hint-classed
        element, or a <p>/<small> right after the label), and a hint-classed
        element or <small> right after the control (or after its label, when
        the label follows the control, as with checkboxes)."""
        found: list[dict] = []
        if label is not None and self.start[label] < self.start[control]:
            found += self._between(label, control, "label", bare=_BARE_AFTER_LABEL)
        anchor = control if label is None or self.start[label] < self.start[control] else label
        following = self.end[anchor] + 1
        if following < len(self.order):
            element = self.order[following]
            if self._is_hint(element, _BARE_AFTER_CONTROL):
                found.append(self._record(element, "control"))
        return found

    def near_legend(self, legend: etree._Element, first_control: etree._Element) -> list[dict]:
        """Hint-classed elements after a fieldset's legend, before its first
        label or control: the group's hint, as in the GOV.UK date input (a
        hint after the first label is that field's own)."""
        return self._between(legend, first_control, "legend", bare=frozenset())

    def _between(self, before: etree._Element, control: etree._Element, near: str, bare: frozenset) -> list[dict]:
        found: list[dict] = []
        first = self.end[before] + 1
        stop = min(self.start[control], first + _WINDOW)
        index = first
        while index < stop:
            element = self.order[index]
            if element.tag == "label":
                break
            allowed = bare if index == first else frozenset()
            if self._is_hint(element, allowed) and not self._contains(element, control):
                found.append(self._record(element, near))
                index = self.end[element] + 1  # not its own descendants again
                continue
            index += 1
        return found

    def _is_hint(self, element: etree._Element, bare_tags: frozenset) -> bool:
        if element.tag in _NEVER_HINTS or element in self.in_caption or self.hidden(element):
            return False
        classes = (element.get("class") or "").split()
        if element.tag not in bare_tags and not any(_HINT_CLASS.search(name) for name in classes):
            return False
        # A required-field asterisk styled as a hint is a marker, not a hint.
        return bool(_LETTER.search(self.text(element)))

    def _contains(self, element: etree._Element, control: etree._Element) -> bool:
        return self.start[element] <= self.start[control] <= self.end[element]

    def _record(self, element: etree._Element, near: str) -> dict:
        return {"text": self.text(element), "id": element.get("id"), "line": element.sourceline, "near": near}
