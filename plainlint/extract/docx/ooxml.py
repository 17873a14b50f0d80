"""WordprocessingML names and a parser that is safe on hostile XML.

A DOCX part never needs a DTD, so a part that declares one is refused before
the parser sees it: that is the whole "billion laughs" family (entities that
expand to gigabytes) and external entities (reading local files or URLs). The
parser is also configured to resolve no entities and touch no network, in
case a declaration slips past the check. libxml2 refuses XML nested deeper
than 256 elements, which also bounds the readers' recursion.
"""

from __future__ import annotations

from types import SimpleNamespace

from lxml import etree

from plainlint.errors import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
O_NS = "urn:schemas-microsoft-com:office:office"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _names(namespace: str, names: str) -> SimpleNamespace:
    return SimpleNamespace(**{name: f"{{{namespace}}}{name}" for name in names.split()})


#: Clark names, e.g. W.p == "{...wordprocessingml/2006/main}p"; attributes too.
W = _names(
    W_NS,
    """document body p pPr pStyle outlineLvl numPr numId ilvl sectPr r rPr vanish t tab ptab br
    cr noBreakHyphen sym fldChar fldCharType instrText fldSimple instr ffData name enabled
    helpText statusText textInput checkBox ddList listEntry default checked maxLength format
    type val hyperlink smartTag customXml ins del moveFrom moveTo dir bdo sdt sdtPr
    sdtContent alias tag id placeholder docPart showingPlcHdr lock text multiLine richText
    date dateFormat dropDownList comboBox listItem displayText value picture docPartObj
    docPartList group citation bibliography equation tbl tr trPr tblHeader tc txbxContent
    drawing pict object control altChunk ruby rubyBase footnoteReference endnoteReference
    footnote endnote headerReference footerReference style styleId basedOn num abstractNum
    abstractNumId lvl numFmt lvlOverride numStyleLink docDefaults rPrDefault lang docPartPr
    docPartBody sectPrChange""",
)
W14 = _names(W14_NS, "checkbox checked")
MC = _names(MC_NS, "AlternateContent Choice Fallback")
M = _names(M_NS, "oMath oMathPara")
R = _names(R_NS, "id")
O = _names(O_NS, "OLEObject")

#: Never resolve entities, never load a DTD, never use the network.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True, remove_pis=True
)
#: "<!DOCTYPE" in UTF-8 and in both byte orders of UTF-16.
_DOCTYPES = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


#: libxml2's nesting limit without XML_PARSE_HUGE, which plainlint keeps.
_XML_DEPTH = 256


def parse_part(data: bytes, name: str) -> etree._Element:
    """Parse one package part. Markup cannot hold a raw "<!DOCTYPE" outside a
    declaration (text escapes "<"), so finding one anywhere means a DTD."""
    if any(doctype in data for doctype in _DOCTYPES):
        raise InputError(
            f"not a valid DOCX: {name} declares a DTD, which Word never writes (refused as unsafe)"
        )
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise InputError(f"not a valid DOCX: {name} {_xml_problem(error)}") from None


def _xml_problem(error: etree.XMLSyntaxError) -> str:
    """libxml2's complaint as one line, in words for the cases it words for
    programmers (its "use XML_PARSE_HUGE option" is advice to a parser)."""
    message = " ".join(str(error.msg).split())
    if "Excessive depth" in message:
        return f"nests elements more than {_XML_DEPTH} levels deep (tables inside tables?); plainlint reads no deeper"
    if "EBCDIC" in message:
        return "is encoded in EBCDIC, which Word never writes"
    return f"is not well-formed XML ({message})"


def val(element: etree._Element | None, attribute: str = W.val) -> str | None:
    """An attribute of an optional element: most WordprocessingML settings
    are a child element with a w:val."""
    return None if element is None else element.get(attribute)


def is_on(element: etree._Element | None) -> bool:
    """A toggle property such as <w:vanish/>: present means on unless its
    w:val says false."""
    return element is not None and val(element) not in ("0", "false", "off")


def to_int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
