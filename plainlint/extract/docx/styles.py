"""What a paragraph is (heading, list item, title, quote) from its own
properties and its style chain, as Word itself decides it.

Word makes a paragraph a heading by its outline level, which usually comes
from a style several `basedOn` steps away (FPLG's "tableHeading" is a level-8
heading because it is based on "heading 8"); a paragraph is a list item when
numbering applies to it directly or through its style. The nearest setting in
the chain wins, so a style can switch inherited numbering off with numId 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from plainlint.extract.docx.ooxml import W, to_int, val

_HEADING_NAME = re.compile(r"heading\s*([1-9])$", re.I)
#: Paragraph styles for code: Word's "HTML Preformatted", "Macro Text" and
#: the "Code", "Source Code" or "Verbatim" styles of templates and converters.
_CODE_STYLE = re.compile(r"code|preformatted|macro|verbatim|listing", re.I)
_MAX_CHAIN = 32  # basedOn chains are short; this stops cycles


@dataclass(frozen=True)
class ParagraphFormat:
    style: str
    heading_level: int | None = None
    list_level: int | None = None
    list_format: str | None = None  # numbering format: bullet, decimal, lowerLetter...

    @property
    def is_title(self) -> bool:
        return self.style.lower() == "title"

    @property
    def is_quote(self) -> bool:
        return "quot" in self.style.lower()  # Quote, Intense Quote, Quotation

    @property
    def is_code(self) -> bool:
        return bool(_CODE_STYLE.search(self.style))

    def attrs(self) -> dict:
        found = {"style": self.style}
        if self.is_code:
            found["monospace"] = True
        if self.heading_level:
            found["level"] = self.heading_level
        if self.list_level:
            found["list_level"] = self.list_level
            found["list_format"] = self.list_format
        return found


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None  # w:outlineLvl, 0-based; 9 means body text
    num_id: str | None
    ilvl: int | None


@dataclass
class Styles:
    """Paragraph styles and numbering definitions of one document."""

    styles: dict[str, _Style] = field(default_factory=dict)
    default_style: str | None = None
    numbering: Numbering | None = None
    _cache: dict[tuple, ParagraphFormat] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, styles: etree._Element | None, numbering: etree._Element | None) -> Styles:
        found = cls(numbering=Numbering.from_xml(numbering, styles))
        for style in styles.iter(W.style) if styles is not None else ():
            if style.get(W.type) != "paragraph":
                continue
            style_id = style.get(W.styleId, "")
            ppr = style.find(W.pPr)
            num_id, ilvl = _numbering(ppr)
            found.styles[style_id] = _Style(
                name=val(style.find(W.name)) or style_id,
                based_on=val(style.find(W.basedOn)),
                outline=to_int(val(ppr.find(W.outlineLvl) if ppr is not None else None)),
                num_id=num_id,
                ilvl=ilvl,
            )
            if style.get(W.default) in ("1", "true"):
                found.default_style = style_id
        return found

    def paragraph(self, ppr: etree._Element | None) -> ParagraphFormat:
        style_id = val(ppr.find(W.pStyle)) if ppr is not None else None
        style_id = style_id or self.default_style or "Normal"
        outline = to_int(val(ppr.find(W.outlineLvl))) if ppr is not None else None
        num_id, ilvl = _numbering(ppr)
        key = (style_id, outline, num_id, ilvl)
        if key not in self._cache:
            self._cache[key] = self._resolve(style_id, outline, num_id, ilvl)
        return self._cache[key]

    def _resolve(
        self, style_id: str, outline: int | None, num_id: str | None, ilvl: int | None
    ) -> ParagraphFormat:
        chain = self._chain(style_id)
        name = chain[0].name if chain else style_id
        if outline is None:
            outline = next((s.outline for s in chain if s.outline is not None), None)
        if num_id is None:
            num_id = next((s.num_id for s in chain if s.num_id is not None), None)
        if ilvl is None:
            ilvl = next((s.ilvl for s in chain if s.ilvl is not None), 0)
        heading = _heading_level(outline, name)
        list_format = self.numbering.format(num_id, ilvl) if self.numbering and num_id else None
        numbered = num_id not in (None, "0") and list_format != "none"
        if not numbered and not name.lower().startswith("list"):
            return ParagraphFormat(name, heading)
        return ParagraphFormat(name, heading, ilvl + 1, list_format if numbered else None)

    def _chain(self, style_id: str) -> list[_Style]:
        chain: list[_Style] = []
        seen: set[str] = set()
        current: str | None = style_id
        while current in self.styles and current not in seen and len(chain) < _MAX_CHAIN:
            seen.add(current)
            chain.append(self.styles[current])
            current = self.styles[current].based_on
        return chain


@dataclass
class Numbering:
    """numId -> level -> format, through abstract definitions, level
    overrides and numbering-style links."""

    formats: dict[str, dict[int, str]] = field(default_factory=dict)

    @classmethod
    def from_xml(
        cls, numbering: etree._Element | None, styles: etree._Element | None
    ) -> Numbering | None:
        if numbering is None:
            return None
        style_num = _style_num_ids(styles)
        abstracts = {a.get(W.abstractNumId): a for a in numbering.iter(W.abstractNum)}
        nums = {n.get(W.numId): n for n in numbering.iter(W.num)}
        found = cls()
        for num_id, num in nums.items():
            abstract = abstracts.get(val(num.find(W.abstractNumId)))
            link = val(abstract.find(W.numStyleLink)) if abstract is not None else None
            if link and style_num.get(link) in nums:  # formats live with the style's list
                abstract = abstracts.get(val(nums[style_num[link]].find(W.abstractNumId)), abstract)
            levels = _levels(abstract)
            for override in num.iter(W.lvlOverride):
                levels.update(_levels(override))
            found.formats[num_id] = levels
        return found

    def format(self, num_id: str, ilvl: int) -> str | None:
        return self.formats.get(num_id, {}).get(ilvl)


def _levels(parent: etree._Element | None) -> dict[int, str]:
    if parent is None:
        return {}
    return {
        level: val(lvl.find(W.numFmt)) or "decimal"
        for lvl in parent.findall(W.lvl)
        if (level := to_int(lvl.get(W.ilvl))) is not None
    }


def _style_num_ids(styles: etree._Element | None) -> dict[str, str]:
    if styles is None:
        return {}
    return {
        style.get(W.styleId, ""): num_id
        for style in styles.iter(W.style)
        if (num_id := val(style.find(f"{W.pPr}/{W.numPr}/{W.numId}")))
    }


def _numbering(ppr: etree._Element | None) -> tuple[str | None, int | None]:
    num_pr = ppr.find(W.numPr) if ppr is not None else None
    if num_pr is None:
        return None, None
    return val(num_pr.find(W.numId)), to_int(val(num_pr.find(W.ilvl)))


def _heading_level(outline: int | None, style_name: str) -> int | None:
    if outline is not None:
        return outline + 1 if 0 <= outline <= 8 else None
    match = _HEADING_NAME.match(style_name.strip())
    return int(match.group(1)) if match else None
