"""Word documents (.docx): body, tables, headers and footers, footnotes and
endnotes, text boxes and form fields, in the order a reader meets them.

A DOCX has no lines, so a block's segments give `line` = the paragraph's
number in its story (the body counts every w:p in document order, table
cells and text boxes included; each header, footer and note counts its own)
and `column` = the character in that paragraph. `Block.region` says where
the paragraph sits ("table 2, row 3, cell 1", "footnote 4", "header
(section 1)", "text box 2"), and attrs["section"] names the heading above it.

A legacy form field's status and help text follow the story's blocks, as a
PDF's tooltips follow its pages. Comments and tracked deletions are not part
of the text; tracked insertions are (the text is read as if every change
were accepted, and PL906 says so).
Hostile files are refused with an `InputError`: see `safezip` and `docx_xml`.
"""

from __future__ import annotations

import re

from lxml import etree

from plainlint.document import Document, Location, Notice
from plainlint.extract import Source
from plainlint.extract.docx.forms import legacy_text_blocks
from plainlint.extract.docx.ooxml import R, W, val
from plainlint.extract.docx.package import MAIN_PART, Package
from plainlint.extract.docx.safezip import local_entries
from plainlint.extract.docx.story import Shared, Story
from plainlint.extract.docx.styles import Styles

#: The main part's content type in [Content_Types].xml (document, template,
#: macro-enabled): other zips (XLSX, EPUB, a PPTX embedding a DOCX) lack it.
_MAIN_CONTENT_TYPE = re.compile(rb"(?:wordprocessingml|ms-word)\.[\w.]+\.main\+xml")
_PAGE_KINDS = {"first": "first-page ", "even": "even-page "}


def sniff(head: bytes) -> bool:
    """A zip whose first entries show a Word main document."""
    for name, content in local_entries(head):
        if name == MAIN_PART:
            return True
        if name == "[Content_Types].xml" and _MAIN_CONTENT_TYPE.search(content):
            return True
    return False


def extract(source: Source) -> Document:
    return _Reader(Package(source.data), source.path).read()


class _Reader:
    """Reads the stories of one package in reading order: each section's
    headers, its body, its footers; footnotes after the paragraph that cites
    them; endnotes after the body."""

    def __init__(self, package: Package, path: str):
        self.package = package
        self.body = package.document().find(W.body)
        self.document = Document(path, "docx")
        styles = package.related_xml("styles")
        self.shared = Shared(
            self.document,
            Styles.from_xml(styles, package.related_xml("numbering")),
            _glossary(package.related_xml("glossaryDocument")),
            self._cite_notes,
        )
        self.notes = {
            "footnote": self._notes("footnotes", W.footnote),
            "endnote": self._notes("endnotes", W.endnote),
        }
        self.numbers: dict[str, dict[str, int]] = {"footnote": {}, "endnote": {}}
        self.endnotes: list[tuple[etree._Element, int, str | None]] = []
        #: Section properties end each section (a tracked old version sits
        #: in w:sectPrChange and is not one).
        self.sections = [s for s in self.body.iter(W.sectPr) if s.getparent().tag != W.sectPrChange]
        self.section = 0
        self.parts_read: set[str] = set()
        self.document.metadata.update(title=package.title(), lang=_language(styles))

    def read(self) -> Document:
        body = Story(self.shared, "body")
        body.on_section_break = self._section_break
        self._headers_and_footers("header")
        body.read(self.body)
        for note, number, section in self.endnotes:
            Story(self.shared, "endnote", f"endnote {number}", section).read(note)
        self._headers_and_footers("footer")
        self.document.blocks.extend(legacy_text_blocks(self.document.fields, self.document.path))
        self.document.metadata.update(
            paragraphs=body.paragraphs, tables=body.tables, text_boxes=self.shared.text_boxes,
            sections=max(len(self.sections), 1),
        )
        self._add_notices()
        return self.document

    def _section_break(self) -> None:
        self._headers_and_footers("footer")
        self.section += 1
        self._headers_and_footers("header")

    def _headers_and_footers(self, kind: str) -> None:
        """The current section's headers or footers; a section that names
        none repeats the previous one's, which were read already."""
        if self.section >= len(self.sections):
            return
        tag = W.headerReference if kind == "header" else W.footerReference
        for reference in self.sections[self.section].findall(tag):
            rel = self.package.main_rels.get(reference.get(R.id, ""))
            if rel is None or rel.part in self.parts_read or rel.part not in self.package.zip:
                continue
            self.parts_read.add(rel.part)
            page = _PAGE_KINDS.get(reference.get(W.type), "")
            region = f"{page}{kind} (section {self.section + 1})"
            Story(self.shared, kind, region).read(self.package.xml(rel.part))

    def _notes(self, type_: str, tag: str) -> dict[str, etree._Element]:
        """Notes by id, without the separator lines Word stores as notes."""
        root = self.package.related_xml(type_)
        if root is None:
            return {}
        notes = (note for note in root.findall(tag) if note.get(W.type, "normal") == "normal")
        return {note.get(W.id, ""): note for note in notes}

    def _cite_notes(self, references: list[tuple[str, str]], section: str | None) -> None:
        """Number notes in citing order, as Word displays them; read a
        footnote at once (it sits below its paragraph), an endnote later."""
        for kind, note_id in references:
            note, numbers = self.notes[kind].get(note_id), self.numbers[kind]
            if note is None or note_id in numbers:
                continue
            numbers[note_id] = len(numbers) + 1
            if kind == "endnote":
                self.endnotes.append((note, numbers[note_id], section))
            else:
                Story(self.shared, kind, f"{kind} {numbers[note_id]}", section).read(note)

    def _add_notices(self) -> None:
        shared = self.shared
        if shared.changes:
            plural = "s" if shared.changes > 1 else ""
            self.document.notices.append(Notice(
                "PL906",
                f"{shared.changes} tracked change{plural} not yet accepted or rejected:"
                " checked as if all were accepted",
                shared.first_change or Location(self.document.path),
            ))
        for what, count in shared.unreadable.items():
            self.document.notices.append(Notice(
                "PL907",
                f"{count} {what}{'s' if count > 1 else ''} not checked:"
                " plainlint cannot read the text inside",
                shared.unreadable_at[what],
            ))


def _glossary(root: etree._Element | None) -> dict[str, str]:
    """Placeholder texts ("Click here to enter text.") by building-block name."""
    if root is None:
        return {}
    found = {}
    for part in root.iter(W.docPart):
        name, body = val(part.find(f"{W.docPartPr}/{W.name}")), part.find(W.docPartBody)
        if name and body is not None:
            paragraphs = ("".join(t.text or "" for t in p.iter(W.t)) for p in body.iter(W.p))
            found[name] = " ".join(text for text in paragraphs if text.strip())
    return found


def _language(styles: etree._Element | None) -> str | None:
    """The document's default language (w:docDefaults), e.g. "en-US"."""
    if styles is None:
        return None
    return val(styles.find(f"{W.docDefaults}/{W.rPrDefault}/{W.rPr}/{W.lang}"))
