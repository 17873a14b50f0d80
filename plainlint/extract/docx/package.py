"""The DOCX package: a zip of XML parts tied together by relationships.

Only the parts that hold lintable text or describe it are ever read (main
document, styles, numbering, headers, footers, notes, the placeholder
glossary, core properties); images, embedded files and comments are not.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from lxml import etree

from plainlint.errors import InputError
from plainlint.extract.docx.ooxml import REL_NS, W, parse_part
from plainlint.extract.docx.safezip import SafeZip

#: The start of every OLE2 compound file: a legacy .doc, or a .docx that
#: Word encrypted with a password (it wraps the package in one).
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_PART = "word/document.xml"
_RELS = f"{{{REL_NS}}}Relationship"
_CORE_TITLE = "{http://purl.org/dc/elements/1.1/}title"


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str  # the last segment of the type URI: "header", "footnotes", ...
    part: str  # the target's part name inside the zip


class Package:
    def __init__(self, data: bytes):
        if data.startswith(OLE2_SIGNATURE):
            raise InputError(
                "encrypted or legacy .doc file: plainlint reads .docx files without a password"
            )
        self.zip = SafeZip(data, "DOCX")
        self.package_rels = self.relationships("")
        self.main = self._main_part()
        self.main_rels = self.relationships(self.main)

    def xml(self, part: str) -> etree._Element:
        return parse_part(self.zip.read(part), part)

    def related(self, type_: str) -> list[Relationship]:
        """The main document's relationships of one type, in file order."""
        return [rel for rel in self.main_rels.values() if rel.type == type_]

    def related_xml(self, type_: str) -> etree._Element | None:
        """The one part of a type (styles, numbering...), if present."""
        parts = (rel.part for rel in self.related(type_) if rel.part in self.zip)
        return next((self.xml(part) for part in parts), None)

    def relationships(self, part: str) -> dict[str, Relationship]:
        """A part's internal relationships by id ("" is the package itself),
        each typed by the last segment of its type URI."""
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_part not in self.zip:
            return {}
        found = {}
        for rel in self.xml(rels_part).iter(_RELS):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            resolved = target[1:] if target.startswith("/") else posixpath.join(folder, target)
            rel_id, rel_type = rel.get("Id", ""), rel.get("Type", "").rsplit("/", 1)[-1]
            found[rel_id] = Relationship(rel_id, rel_type, posixpath.normpath(resolved))
        return found

    def title(self) -> str | None:
        """The title from the document properties (docProps/core.xml)."""
        for rel in self.package_rels.values():
            if rel.type == "core-properties" and rel.part in self.zip:
                title = (self.xml(rel.part).findtext(_CORE_TITLE) or "").strip()
                return title or None
        return None

    def _main_part(self) -> str:
        """The part the package relationships call the office document,
        else the conventional name; a zip with neither is not a DOCX."""
        for rel in self.package_rels.values():
            if rel.type == "officeDocument" and rel.part in self.zip:
                return rel.part
        if MAIN_PART in self.zip:
            return MAIN_PART
        raise InputError("not a valid DOCX: the archive has no word/document.xml")

    def document(self) -> etree._Element:
        """The main document's root, checked to be Transitional WordprocessingML."""
        root = self.xml(self.main)
        if root.tag != W.document or root.find(W.body) is None:
            raise InputError(
                f"not a valid DOCX: {self.main} is not a WordprocessingML document"
                " (Strict Open XML is not supported: save it as a Word Document)"
            )
        return root
