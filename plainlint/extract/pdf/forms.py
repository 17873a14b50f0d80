"""Read a PDF's AcroForm: one `FormField` per terminal field, as the person
filling the form in meets it, plus its tooltip as a block of text to lint.

pypdf reads the field tree (pdfium's form API needs a full form environment
for the same facts). The tree is walked here rather than through
`PdfReader.get_fields()` because a linter needs what that flattens away:
which nodes are terminal (the controls a person fills in, not their parents
such as `topmostSubform[0]`), which widgets sit on which page, and fields
that a damaged or re-saved file left out of /Fields. The walk survives loops,
missing objects and absurd depth, turning them into PL905 notices.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from plainlint.document import Block, BlockKind, FormField, Location, Notice, Segment
from plainlint.extract.pdf.text import Box, Line, PageText
from plainlint.limits import FORM_FIELDS, PDF_FIELD_DEPTH, PDF_WIDGETS

_READ_ONLY, _REQUIRED = 1 << 0, 1 << 1
_MULTILINE, _PASSWORD, _COMB = 1 << 12, 1 << 13, 1 << 24
_RADIO, _PUSHBUTTON = 1 << 15, 1 << 16
_COMBO, _MULTISELECT = 1 << 17, 1 << 21
_INHERITED = ("/FT", "/Ff", "/MaxLen", "/Opt")
_MAX_DEPTH = PDF_FIELD_DEPTH
#: How far (points) a label may sit from its widget: an inch; a check box's
#: label on its right sits closer.
_LABEL_REACH = 72.0
_BOX_LABEL_GAP = 24.0
#: Overlap (points) still counted as "beside" rather than "on top of".
_TOUCH = 2.0
#: How far a radio group's question may sit: on the widget's row, from a
#: left-hand column (four inches); above it, half an inch.
_QUESTION_REACH = 288.0
_QUESTION_ABOVE = 36.0


@dataclass
class FormResult:
    fields: list[FormField] = field(default_factory=list)
    tooltip_blocks: list[Block] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    has_xfa: bool = False
    #: Named nodes in the field tree, parents included: what pypdf's
    #: `len(get_fields())` counts.
    field_tree_nodes: int = 0
    #: Each page's tab order (/Tabs without the slash: "S" structure, "R"
    #: row, "C" column, "W" widget, "A" annotation order; None when unset).
    page_tabs: dict[int, str | None] = field(default_factory=dict)
    #: Whether the catalog has a structure tree (/StructTreeRoot), which
    #: structure tab order follows, whatever /MarkInfo claims.
    structure_tree: bool = False


def read_form(data: bytes, path: str, pages: list[PageText]) -> FormResult:
    """The form of the PDF in `data`; never raises. pypdf can fail in many
    ways on a hostile file (its own errors, but also KeyError, TypeError,
    RecursionError ...), and a form that cannot be read must not stop the
    text from being checked, so any failure becomes a PL905 notice."""
    try:
        return _FormReader(data, path, pages).read()
    except Exception as error:  # noqa: BLE001 - see docstring
        message = f"the form fields could not be read ({type(error).__name__}); only the page text was checked"
        return FormResult(notices=[Notice("PL905", message, Location(path))])


class _FormReader:
    def __init__(self, data: bytes, path: str, pages: list[PageText]):
        self.reader = PdfReader(BytesIO(data), strict=False)
        if self.reader.is_encrypted:
            self.reader.decrypt("")
        self.path = path
        self.pages = {page.number: page for page in pages}
        #: More fields or widgets than plainlint reads (FORM_FIELDS, PDF_WIDGETS).
        self.over_limit = False
        self.widgets = self._page_widgets()
        self.result = FormResult()
        self.visited: set[Any] = set()
        self.names: set[str] = set()
        self.reached: set[Any] = set()
        self.problems: list[str] = []
        #: /Kids entries that name a missing object or something not a dictionary.
        self.broken_kids = 0

    def read(self) -> FormResult:
        acroform = _resolve(self.reader.trailer["/Root"].get("/AcroForm"))
        acroform = acroform if isinstance(acroform, DictionaryObject) else DictionaryObject()
        for node in _array(acroform.get("/Fields")):
            self._walk(node, "", {}, 0)
        self._read_orphans()
        self.result.has_xfa = "/XFA" in acroform
        self.result.field_tree_nodes = len(self.names)
        self.result.page_tabs = self._page_tabs()
        self.result.structure_tree = "/StructTreeRoot" in self.reader.trailer["/Root"]
        self._add_notices()
        return self.result

    def _page_widgets(self) -> dict[Any, tuple[int, Any]]:
        """Every widget annotation on a page, by object identity: its page
        number and reference."""
        widgets: dict[Any, tuple[int, Any]] = {}
        for number, page in enumerate(self.reader.pages, start=1):
            for annot in _array(page.get("/Annots")):
                if len(widgets) == PDF_WIDGETS:
                    self.over_limit = True
                    return widgets
                widget = _resolve(annot)
                if isinstance(widget, DictionaryObject) and widget.get("/Subtype") == "/Widget":
                    widgets.setdefault(_key(annot), (number, annot))
        return widgets

    def _page_tabs(self) -> dict[int, str | None]:
        """Each page's /Tabs; a value that is not a name counts as unset."""
        tabs = {}
        for number, page in enumerate(self.reader.pages, start=1):
            value = _resolve(page.get("/Tabs"))
            tabs[number] = str(value).lstrip("/") if isinstance(value, NameObject) else None
        return tabs

    # The field tree ---------------------------------------------------------

    def _walk(self, ref: Any, parent_name: str, inherited: dict, depth: int) -> None:
        if len(self.result.fields) == FORM_FIELDS:
            self.over_limit = True
            return
        node = _resolve(ref)
        if not isinstance(node, DictionaryObject):
            return
        if _key(ref) in self.visited or depth > _MAX_DEPTH:
            self.problems.append("the field tree loops back on itself or is too deep")
            return
        self.visited.add(_key(ref))
        name = _full_name(parent_name, node.get("/T"))
        if "/T" in node:
            self.names.add(name)
        inherited = {**inherited, **{k: node[k] for k in _INHERITED if k in node}}
        listed = _array(node.get("/Kids"))
        kids = [kid for kid in listed if isinstance(_resolve(kid), DictionaryObject)]
        self.broken_kids += len(listed) - len(kids)
        field_kids = [kid for kid in kids if _is_field(_resolve(kid))]
        if field_kids:
            for kid in field_kids:
                self._walk(kid, name, inherited, depth + 1)
            return
        widgets = [ref] if _is_widget(node) else []
        widgets += [kid for kid in kids if _is_widget(_resolve(kid))]
        try:
            self._add_field(node, name, inherited, widgets)
        except Exception as error:  # noqa: BLE001 - one broken field must not hide the others
            self.problems.append(f"field {name or '(unnamed)'} could not be read ({type(error).__name__})")

    def _read_orphans(self) -> None:
        """Fields whose widgets are on a page but missing from /Fields (a
        re-saved or damaged file). Readers that trust /Fields will not let
        anyone fill them in; they are read and reported."""
        if self.over_limit:
            return  # the unread part of the tree holds the widgets not reached
        orphans = [key for key in self.widgets if key not in self.reached]
        before = len(self.result.fields)
        for key in orphans:
            root = self._root_of(self.widgets[key][1])
            if key not in self.reached and _key(root) not in self.visited:
                self._walk(root, "", {}, 0)
        found = self.result.fields[before:]
        for form_field in found:
            form_field.attrs["orphan"] = True
        if found:
            self.problems.append(
                f"{len(found)} form field(s) are missing from the form's field list (/Fields), "
                "so some PDF readers will not let people fill them in"
            )

    def _root_of(self, ref: Any) -> Any:
        """The topmost field above a widget."""
        seen = {_key(ref)}
        current = ref
        parent = _resolve(current).get("/Parent")
        while parent is not None and _key(parent) not in seen and len(seen) < _MAX_DEPTH:
            seen.add(_key(parent))
            current = parent
            parent = _resolve(current).get("/Parent")
        return current

    # One field ---------------------------------------------------------------

    def _add_field(self, node: DictionaryObject, name: str, inherited: dict, widgets: list) -> None:
        for widget in widgets:
            self.reached.add(_key(widget))
        flags = _int(inherited.get("/Ff"))
        kind = _kind(inherited.get("/FT"), flags)
        page, rect = self._placement(widgets)
        tooltip = _clean(node.get("/TU"))
        form_field = FormField(
            name=name or "(unnamed)",
            kind=kind,
            location=Location(self.path, page=page, field=name or None),
            label=tooltip,
            label_source="tooltip" if tooltip else None,
            tooltip=tooltip,
            required=bool(flags & _REQUIRED),
            read_only=bool(flags & _READ_ONLY),
            options=_options(kind, inherited.get("/Opt"), widgets),
            max_length=_int(inherited.get("/MaxLen")) or None,
            rect=rect,
            nearby_text=self._nearby_text(page, rect, kind),
            attrs=_flag_attrs(kind, flags) | {"widgets": len(widgets)},
        )
        self.result.fields.append(form_field)
        if tooltip:
            self.result.tooltip_blocks.append(_tooltip_block(form_field, self.path))

    def _placement(self, widgets: list) -> tuple[int | None, Box | None]:
        """Page and display-space box of the field's first placed widget."""
        for widget in widgets:
            page = self.widgets.get(_key(widget), (None,))[0]
            rect = _rect(_resolve(widget).get("/Rect"))
            if page is None or rect is None:
                continue
            if page in self.pages:
                rect = _normal(self.pages[page].transform(*rect))
            return page, rect
        return None, None

    def _nearby_text(self, page: int | None, rect: Box | None, kind: str) -> str | None:
        if page is None or rect is None or page not in self.pages:
            return None
        return nearest_label(self.pages[page].lines, rect, kind)

    def _add_notices(self) -> None:
        path, result = self.path, self.result
        if result.has_xfa:
            if result.fields:
                message = (
                    "this form also describes its fields in XFA, which plainlint does not read; "
                    f"its {len(result.fields)} AcroForm fields were checked instead"
                )
            else:
                message = (
                    "this form describes its fields only in XFA, which plainlint does not read; "
                    "its fields were not checked"
                )
            result.notices.append(Notice("PL904", message, Location(path)))
        if self.broken_kids:
            self.problems.append(
                f"{self.broken_kids} part(s) of the field tree are missing from the file or damaged; "
                "the fields around them were still read"
            )
        if self.over_limit:
            message = (
                f"only the first {FORM_FIELDS:,} form fields (or {PDF_WIDGETS:,} widgets) were read; "
                "the rest were not checked"
            )
            result.notices.append(Notice("PL910", message, Location(path)))
        for problem in dict.fromkeys(self.problems):
            result.notices.append(Notice("PL905", problem, Location(path)))


def nearest_label(lines: Iterable[Line], rect: Box, kind: str = "text") -> str | None:
    """The text a sighted person reads as the widget's label: the nearest
    line that ends left of the widget on its row, or sits just above it. A
    check box or radio button is labelled on its right by convention, so a
    line starting just right of one wins over the others."""
    candidates = [line for line in lines if not line.running]
    if kind in ("checkbox", "radio"):
        right = _nearest(candidates, rect, _right_distance, _BOX_LABEL_GAP)
        if right is not None:
            return right
    return _nearest(candidates, rect, _left_or_above_distance, _LABEL_REACH)


def _nearest(lines: list[Line], rect: Box, distance_to, reach: float) -> str | None:
    best, best_distance = None, reach
    for line in lines:
        distance = distance_to(line, *rect)
        if distance is not None and distance < best_distance:
            best, best_distance = line.text, distance
    return best


def _on_row(line: Line, y0: float, y1: float) -> bool:
    return min(line.y1, y1) - max(line.y0, y0) > 0.3 * min(line.height, y1 - y0)


def _left_or_above_distance(line: Line, x0: float, y0: float, x1: float, y1: float) -> float | None:
    if _on_row(line, y0, y1) and line.x1 <= x0 + _TOUCH:
        return max(0.0, x0 - line.x1)
    if min(line.x1, x1) > max(line.x0, x0) and line.y0 >= y1 - _TOUCH:
        return max(0.0, line.y0 - y1)
    return None


def _right_distance(line: Line, x0: float, y0: float, x1: float, y1: float) -> float | None:
    if _on_row(line, y0, y1) and line.x0 >= x1 - _TOUCH:
        return line.x0 - x1
    return None


def add_group_questions(fields: Iterable[FormField], blocks: Iterable[Block]) -> None:
    """Record in attrs["question"] the question a radio group answers: the
    paragraph that ends left of its first button on the same row (a form's
    question column) or sits just above it. A button's `nearby_text` is its
    option's label on the right, which is not the question."""
    by_page: dict[int | None, list[Block]] = {}
    for block in blocks:
        if block.attrs.get("bbox"):
            by_page.setdefault(block.location().page, []).append(block)
    for form_field in fields:
        if form_field.kind != "radio" or form_field.rect is None:
            continue
        question = _question_near(by_page.get(form_field.location.page, []), form_field.rect)
        if question:
            form_field.attrs["question"] = question


def _question_near(blocks: list[Block], rect: Box) -> str | None:
    x0, y0, x1, y1 = rect
    best, best_distance = None, None
    for block in blocks:
        bx0, by0, bx1, by1 = block.attrs["bbox"]
        on_row = min(by1, y1) - max(by0, y0) > 0.3 * min(by1 - by0, y1 - y0)
        if on_row and bx1 <= x0 + _TOUCH and x0 - bx1 <= _QUESTION_REACH:
            distance = x0 - bx1
        elif bx0 <= x1 and by0 >= y1 - _TOUCH and by0 - y1 <= _QUESTION_ABOVE:
            distance = by0 - y1
        else:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = block.text, distance
    return " ".join(best.split()) if best else None


# Small readers for pypdf objects ---------------------------------------------


def _resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def _key(ref: Any) -> Any:
    """A hashable identity: (object number, generation) for indirect objects."""
    if isinstance(ref, IndirectObject):
        return ref.idnum, ref.generation
    return id(ref)


def _array(value: Any) -> list:
    value = _resolve(value)
    return list(value) if isinstance(value, ArrayObject) else []


def _is_field(node: Any) -> bool:
    return isinstance(node, DictionaryObject) and ("/T" in node or ("/FT" in node and "/Kids" in node))


def _is_widget(node: Any) -> bool:
    return isinstance(node, DictionaryObject) and (node.get("/Subtype") == "/Widget" or "/Rect" in node)


def _full_name(parent: str, partial: Any) -> str:
    partial = _clean(partial)
    if partial is None:
        return parent
    return f"{parent}.{partial}" if parent else partial


def widget_field_name(widget: Any) -> str:
    """The full name of the field a widget shows, as `_walk` builds it from
    the root down: each /T from the widget up its /Parent chain."""
    parts: list[str] = []
    node, seen = _resolve(widget), set()
    while isinstance(node, DictionaryObject) and id(node) not in seen and len(seen) <= _MAX_DEPTH:
        seen.add(id(node))
        partial = _clean(node.get("/T"))
        if partial is not None:
            parts.append(partial)
        node = _resolve(node.get("/Parent"))
    return ".".join(reversed(parts))


def _clean(value: Any) -> str | None:
    value = _resolve(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _int(value: Any) -> int:
    value = _resolve(value)
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _rect(value: Any) -> Box | None:
    numbers = _array(value)
    try:
        x0, y0, x1, y1 = (float(_resolve(n)) for n in numbers)
    except (TypeError, ValueError):
        return None
    return _normal((x0, y0, x1, y1))


def _normal(box: Box) -> Box:
    x0, y0, x1, y1 = box
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _kind(field_type: Any, flags: int) -> str:
    if field_type == "/Btn":
        if flags & _PUSHBUTTON:
            return "button"
        return "radio" if flags & _RADIO else "checkbox"
    return {"/Tx": "text", "/Ch": "choice", "/Sig": "signature"}.get(field_type, "unknown")


def _flag_attrs(kind: str, flags: int) -> dict:
    names = {
        "text": {"multiline": _MULTILINE, "password": _PASSWORD, "comb": _COMB},
        "choice": {"combo": _COMBO, "multiselect": _MULTISELECT},
    }.get(kind, {})
    return {"flags": flags} | {name: True for name, bit in names.items() if flags & bit}


def _options(kind: str, opt: Any, widgets: list) -> list[str]:
    """A choice field's displayed options; a button's states (its export
    values, from /Opt or the widgets' appearance names, "Off" excepted)."""
    if kind == "choice" or (kind in ("radio", "checkbox") and _array(opt)):
        return [text for text in map(_option_text, _array(opt)) if text]
    if kind not in ("radio", "checkbox"):
        return []
    states: dict[str, None] = {}
    for widget in widgets:
        appearance = _resolve(_resolve(widget).get("/AP"))
        normal = _resolve(appearance.get("/N")) if isinstance(appearance, DictionaryObject) else None
        if isinstance(normal, DictionaryObject):
            names = (str(name).lstrip("/") for name in normal if name != "/Off")
            states.update(dict.fromkeys(name for name in names if name))
    return list(states)


def _option_text(entry: Any) -> str | None:
    """An /Opt entry is a string or an [export value, display text] pair."""
    entry = _resolve(entry)
    if isinstance(entry, ArrayObject) and entry:
        return _clean(entry[-1])
    return _clean(entry)


def _tooltip_block(form_field: FormField, path: str) -> Block:
    """The tooltip as lintable text: screen readers announce it as the
    field's name, so it deserves the same plain-language checks as prose."""
    attrs: dict = {"bbox": form_field.rect} if form_field.rect else {}
    segment = Segment(0, None, None, form_field.location.page)
    return Block(BlockKind.FIELD_TOOLTIP, form_field.tooltip or "", path, [segment], attrs, field_name=form_field.name)
