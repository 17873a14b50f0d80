"""Word's two kinds of form field, as `FormField`s.

Content controls (w:sdt, Word 2007+) carry a title ("alias", the name a
screen reader announces), a tag (a machine name), placeholder text from the
glossary, and a type. Legacy form fields (FORMTEXT, FORMCHECKBOX,
FORMDROPDOWN) carry a name, status-bar text and F1 help text: the status text
is the nearest thing they have to an accessible name, so it is the label, as
a PDF field's tooltip is. Both texts are the author's words, so both become
blocks for the prose rules (`legacy_text_blocks`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree

from plainlint.document import Block, BlockKind, FormField, Location, Segment
from plainlint.extract.docx.ooxml import W14, W, is_on, to_int, val

#: Content-control types whose content is a value typed or picked by the
#: person filling in the form, not the author's prose: never linted.
_VALUE_TYPES = {
    W.text: "text",
    W.date: "date",
    W.dropDownList: "choice",
    W.comboBox: "choice",
    W14.checkbox: "checkbox",
    W.picture: "picture",
}
#: Content controls that are containers or building blocks (a table of
#: contents, a cover page, a citation), not something to fill in.
_NOT_FIELDS = {W.docPartObj, W.docPartList, W.group, W.citation, W.bibliography, W.equation}
_TYPES = _VALUE_TYPES.keys() | _NOT_FIELDS | {W.richText}
_LOCKED = {"contentLocked", "sdtContentLocked"}


@dataclass
class Control:
    """A content control being read: its field (None for containers) and
    whether its content is kept out of the linted text."""

    field: FormField | None
    hides_content: bool
    showing_placeholder: bool

    def finish(self, content: str) -> None:
        """Record the hidden content: the placeholder shown, or the value."""
        content = content.strip()
        if self.field is None or not content:
            return
        key = "placeholder" if self.showing_placeholder else "value"
        self.field.attrs.setdefault(key, content)
        if self.field.label is None and self.showing_placeholder:
            self.field.label, self.field.label_source = content, "placeholder"


def content_control(
    props: etree._Element | None, glossary: dict[str, str], location: Location, group: str | None
) -> Control:
    props = props if props is not None else etree.Element(W.sdtPr)
    type_element = next((child for child in props if child.tag in _TYPES), None)
    showing_placeholder = props.find(W.showingPlcHdr) is not None
    type_tag = type_element.tag if type_element is not None else W.richText
    if type_tag in _NOT_FIELDS:
        return Control(None, False, False)
    alias, tag = val(props.find(W.alias)), val(props.find(W.tag))
    placeholder = glossary.get(val(props.find(f"{W.placeholder}/{W.docPart}")) or "")
    name = tag or alias or f"content control {val(props.find(W.id)) or '?'}"
    field = FormField(
        name=name,
        kind=_kind(type_tag, type_element),
        location=replace(location, field=name),
        label=alias or placeholder or None,
        label_source="alias" if alias else "placeholder" if placeholder else None,
        group=group,
        read_only=val(props.find(W.lock)) in _LOCKED,
        options=_options(type_element),
        attrs={"source": "content-control", "control": etree.QName(type_tag).localname, "tag": tag},
    )
    if placeholder:
        field.attrs["placeholder"] = placeholder
    if type_tag == W.date:
        field.attrs["format"] = val(type_element.find(W.dateFormat))
    if type_tag == W14.checkbox:
        field.attrs["checked"] = is_on(type_element.find(W14.checked))
    hides = type_tag in _VALUE_TYPES or showing_placeholder
    return Control(field, hides, showing_placeholder)


def legacy_field(ff_data: etree._Element, location: Location) -> FormField:
    name = val(ff_data.find(W.name)) or "unnamed form field"
    status = _legacy_text(ff_data.find(W.statusText))
    check_box, dropdown = ff_data.find(W.checkBox), ff_data.find(W.ddList)
    enabled = ff_data.find(W.enabled)
    field = FormField(
        name=name,
        kind="text",
        location=replace(location, field=name),
        label=status,
        label_source="tooltip" if status else None,
        tooltip=status,
        hint=_legacy_text(ff_data.find(W.helpText)),
        read_only=enabled is not None and not is_on(enabled),
        attrs={"source": "legacy"},
    )
    if check_box is not None:
        field.kind, field.attrs["control"] = "checkbox", "FORMCHECKBOX"
        checked = check_box.find(W.checked)
        field.attrs["default"] = is_on(check_box.find(W.default))
        field.attrs["checked"] = is_on(checked) if checked is not None else field.attrs["default"]
    elif dropdown is not None:
        field.kind, field.attrs["control"] = "choice", "FORMDROPDOWN"
        field.options = [val(entry) or "" for entry in dropdown.findall(W.listEntry)]
        default = to_int(val(dropdown.find(W.default))) or 0
        field.attrs["default"] = field.options[default] if default < len(field.options) else None
    else:
        _legacy_text_input(field, ff_data.find(W.textInput))
    return field


def legacy_text_blocks(fields: list[FormField], path: str) -> list[Block]:
    """Each legacy field's status text (announced as its name: a tooltip
    block, as for a PDF) and help text (instructions: help text, which the
    readability rules read too), located on the field. Help text that only
    repeats the status text is not checked twice."""
    blocks = []
    for field in fields:
        if field.attrs.get("source") != "legacy":
            continue
        location = field.location
        segment = Segment(0, location.line, location.column, location.page)
        for kind, text in ((BlockKind.FIELD_TOOLTIP, field.tooltip), (BlockKind.HELP_TEXT, field.hint)):
            if text and not (kind is BlockKind.HELP_TEXT and text == field.tooltip):
                blocks.append(Block(kind, text, path, [segment], field_name=field.name, region=location.region))
    return blocks


def _legacy_text_input(field: FormField, text_input: etree._Element | None) -> None:
    field.attrs["control"] = "FORMTEXT"
    if text_input is None:
        return
    input_type = val(text_input.find(W.type)) or "regular"
    field.kind = "date" if input_type in ("date", "currentDate") else "text"
    field.attrs["input_type"] = input_type
    field.attrs["default"] = val(text_input.find(W.default))
    field.attrs["format"] = val(text_input.find(W.format))
    field.max_length = to_int(val(text_input.find(W.maxLength))) or None


def _kind(type_tag: str, type_element: etree._Element | None) -> str:
    if type_tag == W.richText:
        return "richtext"
    if type_tag == W.text and _attr_on(type_element, W.multiLine):
        return "textarea"
    return _VALUE_TYPES[type_tag]


def _options(type_element: etree._Element | None) -> list[str]:
    if type_element is None or type_element.tag not in (W.dropDownList, W.comboBox):
        return []
    items = type_element.findall(W.listItem)
    return [item.get(W.displayText) or item.get(W.value) or "" for item in items]


def _legacy_text(element: etree._Element | None) -> str | None:
    """Help or status text; an "autoText" one names a glossary entry, not text."""
    if element is None or element.get(W.type) == "autoText":
        return None
    return (val(element) or "").strip() or None


def _attr_on(element: etree._Element | None, attribute: str) -> bool:
    return element is not None and element.get(attribute) in ("1", "true", "on")
