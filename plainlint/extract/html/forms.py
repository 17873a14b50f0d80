"""HTML form controls as the person filling them in meets them: each control's
accessible name computed the way browsers do (a simplified W3C accname and
HTML-AAM), its hint, group, constraints and broken references.

Also says which elements are a control's label, legend, hint or button text,
so the extractor can make those blocks carry the control's name, and records
what form rules judge: hint text shown nearby (`adjacent_hints`), the label
as seen when it differs from the name heard (`visible_label`), and broken
references.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from plainlint.document import BlockKind, FormField, Location
from plainlint.extract.html.hints import HintFinder
from plainlint.limits import FORM_FIELDS

CONTROLS = ("input", "select", "textarea", "button")
#: Input types a browser knows; any other type is a text box.
_INPUT_TYPES = frozenset(
    "button checkbox color date datetime-local email file hidden image month number "
    "password radio range reset search submit tel text time url week".split()
)
_BUTTON_TYPES = frozenset({"submit", "reset", "button"})
#: Inputs whose name comes from their own value, and the browser's default
#: for submit and reset buttons with none.
_VALUE_NAMED = {"submit": "Submit", "reset": "Reset", "button": None}
_PLACEHOLDER_TYPES = frozenset({"text", "email", "password", "search", "tel", "url", "number"})
#: Content that adds nothing to a label's text: code, and other controls
#: (a select inside a label would otherwise read out every option).
_NAMELESS_CONTENT = frozenset({"script", "style", "template", "select", "textarea", "noscript"})
#: Content that is never shown: a template, and what only scriptless browsers show.
_INERT = frozenset({"template", "noscript"})
#: How much of an element a name or description reads, in walk events (two
#: per element): a real label is a dozen; labels nested a thousand deep each
#: read the rest of the nest, and at 2,000 that took seconds.
_NAME_MAX_NODES = 400
_NAME_MAX_CHARS = 5000
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: Classes that hide text from the eye but not from screen readers.
_SCREEN_READER_ONLY = re.compile(r"^(?:[\w-]+-)?(?:sr-only|visually-hidden|visuallyhidden)$", re.I)


def _hidden_from_everyone(element: etree._Element) -> bool:
    get = element.get
    return (
        get("hidden") is not None
        or (element.tag == "input" and (get("type") or "").strip().lower() == "hidden")
        or bool(_HIDING_STYLE.search(get("style") or ""))
    )


def is_hidden(element: etree._Element) -> bool:
    """True when the element hides itself and everything in it from readers
    (the `hidden` attribute, aria-hidden="true", display:none inline)."""
    return _hidden_from_everyone(element) or (element.get("aria-hidden") or "").strip().lower() == "true"


def is_visually_hidden(element: etree._Element) -> bool:
    """True when sighted people do not see the element (aria-hidden content
    is seen; screen-reader-only text is not)."""
    classes = (element.get("class") or "").split()
    return _hidden_from_everyone(element) or any(_SCREEN_READER_ONLY.match(name) for name in classes)


def collapse(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class FormRole:
    """What a piece of text is to a form: a control's label, a group's
    legend, a hint (aria-describedby) or a button's own text."""

    kind: BlockKind
    role: str  # label, legend, hint, button
    field_name: str | None


@dataclass
class Forms:
    #: Every control in document order, and its element (for its position).
    fields: list[FormField] = field(default_factory=list)
    elements: list[etree._Element] = field(default_factory=list)
    roles: dict[etree._Element, FormRole] = field(default_factory=dict)
    #: Controls past FORM_FIELDS, not read.
    unread: int = 0


def analyse_forms(root: etree._Element, path: str) -> Forms:
    """The form fields of the page (locations are the element's line only;
    the extractor refines them) and the form role of each label, legend,
    hint and button."""
    page = _Page(root)
    forms = Forms(unread=max(len(page.controls) - FORM_FIELDS, 0))
    del page.controls[FORM_FIELDS:]
    for number, element in enumerate(page.controls, 1):
        forms.fields.append(page.field(element, number, path))
        forms.elements.append(element)
    names = dict(zip(forms.elements, (f.name for f in forms.fields), strict=True))
    _assign_roles(page, names, forms.roles)
    return forms


class _Page:
    """Indexes a page in one pass (no per-control walk up or down the tree,
    which deep or huge pages would make quadratic): ids, controls, labels,
    fieldsets, and which label labels what."""

    def __init__(self, root: etree._Element):
        self.ids: dict[str, etree._Element] = {}
        self.duplicate_ids: set[str] = set()
        #: Every element in document order, each one's index there and the
        #: index of the last element inside it; elements inside a label or legend.
        self.order: list[etree._Element] = []
        self.start: dict[etree._Element, int] = {}
        self.end: dict[etree._Element, int] = {}
        self.in_caption: set[etree._Element] = set()
        self.controls: list[etree._Element] = []
        self.labels: list[etree._Element] = []
        self.fieldsets: list[etree._Element] = []
        self.hidden: set[etree._Element] = set()
        #: A control's nearest fieldset, a fieldset's legend, and a label's or
        #: fieldset's first control.
        self.fieldset_of: dict[etree._Element, etree._Element] = {}
        self.legend_of: dict[etree._Element, etree._Element] = {}
        self.first_control: dict[etree._Element, etree._Element] = {}
        self._index(root)
        self.labels_of: dict[etree._Element, list[etree._Element]] = {}
        self.target_of: dict[etree._Element, etree._Element] = {}
        self.broken_for: dict[etree._Element, list[dict]] = {}
        self._texts: dict[etree._Element, str] = {}
        self._seen_texts: dict[etree._Element, str] = {}
        self._group_hints: dict[etree._Element, list[dict]] = {}
        self._link_labels(root)
        self.hints = HintFinder(self.order, self.start, self.end, self.in_caption, self.text, is_visually_hidden)

    def text(self, element: etree._Element) -> str:
        """text_of, once per element however many controls point at it."""
        if element not in self._texts:
            self._texts[element] = text_of(element)
        return self._texts[element]

    def seen_text(self, element: etree._Element) -> str:
        """The element's text as the eye sees it, once per element."""
        if element not in self._seen_texts:
            self._seen_texts[element] = text_of(element, is_visually_hidden)
        return self._seen_texts[element]

    def _index(self, root: etree._Element) -> None:
        hiding = 0  # open elements that hide their content
        captions = 0  # open labels and legends
        open_fieldsets: list[etree._Element] = []
        #: Open labels and fieldsets with no control inside yet, outermost first.
        waiting: list[etree._Element] = []
        for event, element in etree.iterwalk(root, events=("start", "end")):
            hides = is_hidden(element) or element.tag in _INERT
            is_caption = element.tag in ("label", "legend")
            if event == "end":
                self.end[element] = len(self.order) - 1
                hiding -= hides
                captions -= is_caption
                if element.tag == "fieldset":
                    open_fieldsets.pop()
                elif _is_aria_group(element):
                    open_fieldsets.pop()
                if waiting and waiting[-1] is element:
                    waiting.pop()
                continue
            hiding += hides
            self.start[element] = len(self.order)
            self.order.append(element)
            if captions:
                self.in_caption.add(element)
            captions += is_caption
            if element.get("id"):
                if element.get("id") in self.ids:
                    self.duplicate_ids.add(element.get("id"))
                self.ids.setdefault(element.get("id"), element)
            if element.tag == "legend" and open_fieldsets and element.getparent() is open_fieldsets[-1]:
                self.legend_of.setdefault(open_fieldsets[-1], element)
            elif element.tag in ("label", "fieldset"):
                waiting.append(element)
                (self.labels if element.tag == "label" else self.fieldsets).append(element)
                if element.tag == "fieldset":
                    open_fieldsets.append(element)
            elif _is_labelable(element):
                self._add_control(element, hiding > 0, open_fieldsets, waiting)
            elif _is_aria_group(element):  # <div role="radiogroup">: a fieldset for ARIA
                open_fieldsets.append(element)

    def _add_control(self, element, hidden: bool, open_fieldsets: list, waiting: list) -> None:
        self.controls.append(element)
        if hidden:
            self.hidden.add(element)
        if open_fieldsets:
            self.fieldset_of[element] = open_fieldsets[-1]
        while waiting:
            self.first_control[waiting.pop()] = element

    def _link_labels(self, root: etree._Element) -> None:
        """HTML's labelled control: the element named by `for`, else the first
        control inside. A `for` that names no control labels nothing; it is
        blamed on the next control in the page, which it was usually meant for."""
        pending: list[dict] = []
        for element in root.iter("label", *CONTROLS):
            if element.tag != "label":
                if _is_labelable(element):
                    self.broken_for.setdefault(element, []).extend(pending)
                    pending = []
                continue
            target, broken = self._labelled_control(element)
            if target is not None:
                self.labels_of.setdefault(target, []).append(element)
                self.target_of[element] = target
            if broken:
                pending.append(broken)
        if pending and self.controls:
            self.broken_for.setdefault(self.controls[-1], []).extend(pending)

    def _labelled_control(self, label: etree._Element) -> tuple[etree._Element | None, dict | None]:
        """The control a label labels, and what is wrong with its `for`: an id
        that names nothing, names no control, or names several elements (the
        browser takes the first, which may not be the one meant)."""
        reference = label.get("for")
        if reference is None:
            return self.first_control.get(label), None
        target = self.ids.get(reference)
        labelable = target is not None and _is_labelable(target)
        if labelable and reference not in self.duplicate_ids:
            return target, None
        problem = "duplicate-id" if labelable else "missing" if target is None else "not-a-control"
        broken = {"attribute": "for", "id": reference, "problem": problem, "label": text_of(label)}
        if problem == "not-a-control":
            broken["tag"] = target.tag
        return (target if labelable else None), broken

    def field(self, element: etree._Element, number: int, path: str) -> FormField:
        """`number` (1-based, in page order) names a control with no name or id."""
        kind = _kind(element)
        name = element.get("name") or element.get("id") or f"{kind}#{number}"
        broken: list[dict] = list(self.broken_for.get(element, []))
        label, source = self._accessible_name(element, kind, broken)
        hint, described_by = self._refs_text(element, "aria-describedby", broken)
        fieldset = self.fieldset_of.get(element)
        group_hint, group_broken = None, []
        if fieldset is not None and fieldset.get("aria-describedby"):
            group_hint, _ = self._refs_text(fieldset, "aria-describedby", group_broken)
        if group_broken and self.first_control.get(fieldset) is element:
            broken.extend({**ref, "on": "fieldset"} for ref in group_broken)
        result = FormField(
            name=name,
            kind=kind,
            location=Location(path, line=element.sourceline, field=name),
            label=label,
            label_source=source,
            tooltip=(element.get("title") or "").strip() or None,
            hint=hint,
            group=self._legend_text(fieldset),
            required=element.get("required") is not None or _aria_true(element, "aria-required"),
            read_only=element.get("readonly") is not None or _aria_true(element, "aria-readonly"),
            options=_options(element),
            max_length=_int(element.get("maxlength")),
            autocomplete=(element.get("autocomplete") or "").strip() or None,
            attrs=_attrs(element, described_by, broken),
        )
        if group_hint:
            result.attrs["group_hint"] = group_hint
        if element in self.hidden:
            result.attrs["hidden"] = True
        result.attrs.update(self._as_seen(element, fieldset, result))
        return result

    def _as_seen(self, element: etree._Element, fieldset: etree._Element | None, result: FormField) -> dict:
        """What a sighted person sees that a screen reader may not say: hint
        text beside the control or under the group's legend (with the ids
        that could tie it), and label or legend text that differs from what
        is announced (an asterisk marked aria-hidden)."""
        seen: dict = {}
        labels = self.labels_of.get(element) or self._labelled_by(element)
        hints = self.hints.near_control(element, labels[0] if labels else None)
        legend = self.legend_of.get(fieldset) if fieldset is not None else None
        if legend is not None and fieldset in self.first_control:
            if fieldset not in self._group_hints:
                self._group_hints[fieldset] = self.hints.near_legend(legend, self.first_control[fieldset])
            hints += self._group_hints[fieldset]
            if fieldset.get("aria-describedby"):
                seen["group_describedby"] = fieldset.get("aria-describedby").split()
        if hints:
            seen["adjacent_hints"] = hints
        if labels:
            visible = collapse(" ".join(self.seen_text(label) for label in labels))
            if visible and visible != result.label:
                seen["visible_label"] = visible
        if legend is not None:
            visible = self.seen_text(legend)
            if visible and visible != result.group:
                seen["visible_group"] = visible
        return seen

    def _labelled_by(self, element: etree._Element) -> list[etree._Element]:
        refs = (element.get("aria-labelledby") or "").split()
        return [self.ids[ref] for ref in refs if ref in self.ids]

    def _legend_text(self, fieldset: etree._Element | None) -> str | None:
        """A group's name: aria-labelledby, aria-label, then the legend."""
        if fieldset is None:
            return None
        named = collapse(" ".join(self.text(target) for target in self._labelled_by(fieldset)))
        named = named or collapse(fieldset.get("aria-label") or "")
        if named:
            return named
        legend = self.legend_of.get(fieldset)
        return (self.text(legend) or None) if legend is not None else None

    def _accessible_name(
        self, element: etree._Element, kind: str, broken: list[dict]
    ) -> tuple[str | None, str | None]:
        """accname order: aria-labelledby, aria-label, <label>, the control's
        own text or value (buttons), title, and placeholder as a last resort."""
        text, _ = self._refs_text(element, "aria-labelledby", broken)
        if text:
            return text, "aria-labelledby"
        if collapse(element.get("aria-label") or ""):
            return collapse(element.get("aria-label")), "aria-label"
        labels = self.labels_of.get(element, [])
        text = collapse(" ".join(self.text(label) for label in labels))
        if text:
            return text, "label-for" if labels[0].get("for") is not None else "wrapping-label"
        for candidate, source in _own_names(element, kind):
            if candidate:
                return candidate, source
        return None, None

    def _refs_text(
        self, element: etree._Element, attribute: str, broken: list[dict]
    ) -> tuple[str | None, list[str]]:
        """The joined text of the elements an ARIA attribute lists by id;
        ids that name nothing are added to `broken`."""
        ids = (element.get(attribute) or "").split()
        texts = []
        for ref in ids:
            target = self.ids.get(ref)
            if target is None:
                broken.append({"attribute": attribute, "id": ref, "problem": "missing"})
                continue
            if ref in self.duplicate_ids:
                broken.append({"attribute": attribute, "id": ref, "problem": "duplicate-id"})
            texts.append(self.text(target))
        return collapse(" ".join(texts)) or None, ids


def _own_names(element: etree._Element, kind: str) -> list[tuple[str, str]]:
    """Name sources after labels, in order: content or value for buttons,
    alt for image buttons, then title, then placeholder."""
    names: list[tuple[str, str]] = []
    if element.tag == "button":
        names.append((text_of(element), "content"))
    elif kind in _VALUE_NAMED:
        names.append((collapse(element.get("value") or ""), "value"))
        names.append((_VALUE_NAMED[kind] or "", "default"))
    elif kind == "image":
        names.append((collapse(element.get("alt") or ""), "alt"))
    names.append((collapse(element.get("title") or ""), "title"))
    if element.tag == "textarea" or kind in _PLACEHOLDER_TYPES:
        names.append((collapse(element.get("placeholder") or ""), "placeholder"))
    return names


def text_of(element: etree._Element, hides: Callable[[etree._Element], bool] = is_hidden) -> str:
    """An element's text as a name or description: its visible text and
    image alternatives, without code, other controls' content or hidden
    parts (the element itself counts even when hidden, as in accname).
    `hides` says what is hidden: from screen readers by default, from the
    eye with `is_visually_hidden`.
    Read only so far: a hostile page may point every control at its body."""
    parts: list[str] = []
    length = 0
    walker = etree.iterwalk(element, events=("start", "end"))
    for visited, (event, node) in enumerate(walker):
        if visited > _NAME_MAX_NODES or length > _NAME_MAX_CHARS:
            break
        if event == "start":
            if node is not element and (node.tag in _NAMELESS_CONTENT or hides(node)):
                walker.skip_subtree()
                continue
            if node.tag == "img":
                parts.append(f" {node.get('alt') or ''} ")
            parts.append(node.text or "")
        elif node is not element:
            parts.append(node.tail or "")
        length += len(parts[-1])
    return collapse("".join(parts)[:_NAME_MAX_CHARS])


def _assign_roles(page: _Page, names: dict[etree._Element, str], roles: dict) -> None:
    """Label, legend, labelledby, describedby and button text, in that order
    of precedence when one element plays two parts. A group's legend and hint
    name the fieldset's own name or its first control's (the name a radio
    group shares)."""

    def claim(element: etree._Element | None, kind: BlockKind, role: str, name: str | None) -> None:
        if element is not None and element not in roles:
            roles[element] = FormRole(kind, role, name)

    for label in page.labels:
        claim(label, BlockKind.FORM_LABEL, "label", names.get(page.target_of.get(label)))
    for fieldset in page.fieldsets:
        if fieldset not in page.first_control:
            continue
        group = fieldset.get("name") or names.get(page.first_control[fieldset])
        claim(page.legend_of.get(fieldset), BlockKind.FORM_LABEL, "legend", group)
        for ref in (fieldset.get("aria-describedby") or "").split():
            claim(page.ids.get(ref), BlockKind.HELP_TEXT, "hint", group)
    for attribute, kind, role in (
        ("aria-labelledby", BlockKind.FORM_LABEL, "label"),
        ("aria-describedby", BlockKind.HELP_TEXT, "hint"),
    ):
        for control in page.controls:
            for ref in (control.get(attribute) or "").split():
                claim(page.ids.get(ref), kind, role, names[control])
    for control in page.controls:
        if control.tag == "button":
            claim(control, BlockKind.FORM_LABEL, "button", names[control])


def _kind(element: etree._Element) -> str:
    if element.tag in ("select", "textarea"):
        return element.tag
    declared = (element.get("type") or "").strip().lower()
    if element.tag == "button":
        return declared if declared in _BUTTON_TYPES else "submit"
    return declared if declared in _INPUT_TYPES else "text"


def _is_aria_group(element: etree._Element) -> bool:
    """A non-fieldset element that groups controls for assistive technology."""
    return element.tag != "fieldset" and (element.get("role") or "").strip().lower() in ("group", "radiogroup")


def _is_hidden_input(element: etree._Element) -> bool:
    return element.tag == "input" and (element.get("type") or "").strip().lower() == "hidden"


def _is_labelable(element: etree._Element) -> bool:
    return element.tag in CONTROLS and not _is_hidden_input(element)


def _options(element: etree._Element) -> list[str]:
    if element.tag != "select":
        return []
    return [collapse(o.get("label") or text_of(o)) for o in element.iter("option")]


def _aria_true(element: etree._Element, attribute: str) -> bool:
    return (element.get(attribute) or "").strip().lower() == "true"


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() else None


def _attrs(element: etree._Element, described_by: list[str], broken: list[dict]) -> dict:
    """What a form rule may want beyond FormField's own fields, keyed by the
    HTML attribute it comes from; absent attributes are left out."""
    attrs: dict = {"tag": element.tag}
    for name in ("type", "id", "inputmode", "pattern", "maxlength", "minlength", "value", "size", "placeholder"):
        if element.get(name) is not None:
            attrs[name] = element.get(name)
    for name in ("disabled", "multiple"):
        if element.get(name) is not None:
            attrs[name] = True
    if described_by:
        attrs["describedby"] = described_by
    if element.get("aria-labelledby"):
        attrs["labelledby"] = element.get("aria-labelledby").split()
    if broken:
        attrs["broken_refs"] = broken
    return attrs
