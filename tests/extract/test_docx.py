"""The DOCX extractor: structure and positions on a document built here,
hostile archives refused cleanly, and the real samples in ../shared."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

import docx as python_docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from support import SHARED

from plainlint.document import PLACEHOLDER, BlockKind, Document
from plainlint.errors import InputError
from plainlint.extract import Source
from plainlint.extract.docx.reader import extract, sniff
from plainlint.extract.docx.safezip import SafeZip

SAMPLES = SHARED / "samples" / "docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTNOTES = f"""<w:footnotes xmlns:w="{W_NS}">
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The rules are online.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
CONTENT_CONTROL = f"""<w:sdt {nsdecls("w")}>
  <w:sdtPr><w:alias w:val="Full name"/><w:tag w:val="applicant-name"/><w:showingPlcHdr/><w:text/></w:sdtPr>
  <w:sdtContent><w:r><w:t>Click or tap here to enter text.</w:t></w:r></w:sdtContent>
</w:sdt>"""
DROPDOWN = f"""<w:sdt {nsdecls("w")}>
  <w:sdtPr><w:alias w:val="Permit type"/><w:dropDownList>
    <w:listItem w:displayText="Fence" w:value="F"/><w:listItem w:displayText="Shed" w:value="S"/>
  </w:dropDownList></w:sdtPr>
  <w:sdtContent><w:r><w:t>Fence</w:t></w:r></w:sdtContent>
</w:sdt>"""
LEGACY_TEXT = [
    f"""<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Phone"/><w:enabled/>
      <w:helpText w:type="text" w:val="Include the area code."/><w:statusText w:type="text" w:val="Phone number"/>
      <w:textInput><w:default w:val="555"/><w:maxLength w:val="12"/></w:textInput></w:ffData></w:fldChar></w:r>""",
    f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>',
    f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
    f'<w:r {nsdecls("w")}><w:t>555</w:t></w:r>',
    f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
]
TEXT_BOX = f"""<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>
  <w:txbxContent><w:p><w:r><w:t>Call us with questions.</w:t></w:r></w:p></w:txbxContent>
</v:textbox></v:shape></w:pict></w:r>"""


def _append(paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(xml))


def _with_footnotes(data: bytes) -> bytes:
    """python-docx cannot add notes: add the part and its relationship."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "word/_rels/document.xml.rels":
                rel = f'<Relationship Id="rIdNotes" Type="{REL}/footnotes" Target="footnotes.xml"/>'
                content = content.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif name == "[Content_Types].xml":
                override = (
                    '<Override PartName="/word/footnotes.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                )
                content = content.replace(b"</Types>", override.encode() + b"</Types>")
            target.writestr(name, content)
        target.writestr("word/footnotes.xml", FOOTNOTES)
    return out.getvalue()


def build_fixture() -> bytes:
    """Body paragraphs are numbered in the comments: those are the lines."""
    doc = python_docx.Document()
    doc.sections[0].header.paragraphs[0].text = "City of Springfield"
    doc.add_heading("Apply for a permit", 1)  # 1
    intro = doc.add_paragraph("You must apply before you build.")  # 2
    _append(intro, f'<w:del {nsdecls("w")} w:id="9" w:author="A"><w:r><w:delText> Old words.</w:delText></w:r></w:del>')
    doc.add_paragraph("Bring your ID.", style="List Bullet")  # 3
    doc.add_paragraph("Pay the fee.", style="List Number")  # 4
    doc.add_heading("Fees", 2)  # 5
    table = doc.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "Permit", (0, 1): "Fee", (1, 0): "Fence", (1, 1): "$50"}.items():
        table.cell(row, col).text = text  # 6, 7, 8, 9
    table.cell(1, 1).add_table(1, 1).cell(0, 0).text = "Refunds take 10 days."  # 10 (and 11 closes the cell)
    rules = doc.add_paragraph("Read the rules.")  # 12
    _append(rules, f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>')
    name = doc.add_paragraph("Your name: ")  # 13
    _append(name, CONTENT_CONTROL)
    phone = doc.add_paragraph("Phone: ")  # 14
    for run in LEGACY_TEXT:
        _append(phone, run)
    _append(phone, f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> (daytime)</w:t></w:r>')
    kind = doc.add_paragraph("Permit type: ")  # 15
    _append(kind, DROPDOWN)
    send = doc.add_paragraph("Send the form.")  # 16
    doc.add_comment(send.runs, text="Reviewer note: too terse?", author="R")
    _append(doc.add_paragraph("See the box."), TEXT_BOX)  # 17, its text box 18
    out = io.BytesIO()
    doc.save(out)
    return _with_footnotes(out.getvalue())


@pytest.fixture(scope="module")
def fixture_bytes() -> bytes:
    return build_fixture()


@pytest.fixture(scope="module")
def parsed(fixture_bytes) -> Document:
    return extract(Source("permit.docx", fixture_bytes))


def _block(document: Document, text: str):
    return next(block for block in document.blocks if block.text == text)


def _field(document: Document, name: str):
    return next(field for field in document.fields if field.name == name)


# Structure, order and positions.


def test_blocks_come_in_reading_order_with_their_kinds(parsed):
    got = [(block.kind, block.text) for block in parsed.blocks]
    assert got == [
        (BlockKind.PARAGRAPH, "City of Springfield"),
        (BlockKind.HEADING, "Apply for a permit"),
        (BlockKind.PARAGRAPH, "You must apply before you build."),
        (BlockKind.LIST_ITEM, "Bring your ID."),
        (BlockKind.LIST_ITEM, "Pay the fee."),
        (BlockKind.HEADING, "Fees"),
        (BlockKind.TABLE_CELL, "Permit"),
        (BlockKind.TABLE_CELL, "Fee"),
        (BlockKind.TABLE_CELL, "Fence"),
        (BlockKind.TABLE_CELL, "$50"),
        (BlockKind.TABLE_CELL, "Refunds take 10 days."),
        (BlockKind.PARAGRAPH, "Read the rules."),
        (BlockKind.PARAGRAPH, "The rules are online."),
        (BlockKind.PARAGRAPH, f"Your name: {PLACEHOLDER}"),
        (BlockKind.PARAGRAPH, f"Phone: {PLACEHOLDER} (daytime)"),
        (BlockKind.PARAGRAPH, f"Permit type: {PLACEHOLDER}"),
        (BlockKind.PARAGRAPH, "Send the form."),
        (BlockKind.PARAGRAPH, "See the box."),
        (BlockKind.PARAGRAPH, "Call us with questions."),
        (BlockKind.FIELD_TOOLTIP, "Phone number"),  # the legacy field's status text
        (BlockKind.HELP_TEXT, "Include the area code."),  # and its help text
    ]


def test_headings_and_lists_carry_level_and_style(parsed):
    heading = _block(parsed, "Apply for a permit")
    assert (heading.attrs["style"], heading.attrs["level"]) == ("heading 1", 1)
    assert _block(parsed, "Fees").attrs["level"] == 2
    bullet, number = _block(parsed, "Bring your ID."), _block(parsed, "Pay the fee.")
    assert (bullet.attrs["style"], bullet.attrs["list_level"], bullet.attrs["list_format"]) == ("List Bullet", 1, "bullet")
    assert number.attrs["list_format"] == "decimal"


def test_line_is_the_paragraph_number_and_region_names_the_place(parsed):
    where = {block.text: (block.location().line, block.region) for block in parsed.blocks}
    assert where["You must apply before you build."] == (2, None)
    assert where["Permit"] == (6, "table 1, row 1, cell 1")
    assert where["$50"] == (9, "table 1, row 2, cell 2")
    assert where["Refunds take 10 days."] == (10, "table 1, row 2, cell 2 > table 2, row 1, cell 1")
    assert where["Read the rules."] == (12, None)
    assert where["The rules are online."] == (1, "footnote 1")
    assert where["City of Springfield"] == (1, "header (section 1)")
    assert where["See the box."] == (17, None)
    assert where["Call us with questions."] == (18, "text box 1")


def test_columns_count_the_visible_characters_of_the_paragraph(parsed):
    phone = _block(parsed, f"Phone: {PLACEHOLDER} (daytime)")
    daytime = phone.text.index("daytime")
    # "Phone: " is 7 characters, the field shows "555" (columns 8-10), then " (".
    assert phone.location(daytime, daytime + 7).column == 13
    footnote = _block(parsed, "The rules are online.")
    assert footnote.location().column == 2  # after the leading space


def test_section_is_the_nearest_heading_above(parsed):
    assert _block(parsed, "Apply for a permit").attrs["section"] is None
    assert _block(parsed, "Bring your ID.").attrs["section"] == "Apply for a permit"
    assert _block(parsed, "Permit").attrs["section"] == "Fees"
    assert _block(parsed, "The rules are online.").attrs["section"] == "Fees"


def test_table_cells_carry_their_coordinates(parsed):
    cell = _block(parsed, "Fence")
    assert {k: cell.attrs[k] for k in ("table", "row", "cell", "header")} == {
        "table": 1, "row": 2, "cell": 1, "header": False,
    }
    assert parsed.metadata["tables"] == 2


def test_comments_and_deletions_are_not_linted_and_changes_are_noticed(parsed):
    text = " ".join(block.text for block in parsed.blocks)
    assert "Reviewer note" not in text and "Old words" not in text
    (notice,) = [n for n in parsed.notices if n.code == "PL906"]
    assert notice.location.line == 2 and "1 tracked change " in notice.message


def test_content_control_becomes_a_labelled_field(parsed):
    field = _field(parsed, "applicant-name")
    assert (field.kind, field.label, field.label_source) == ("text", "Full name", "alias")
    assert field.attrs["placeholder"] == "Click or tap here to enter text."
    assert field.attrs["tag"] == "applicant-name" and field.attrs["source"] == "content-control"
    assert field.nearby_text == "Your name:"
    assert (field.location.line, field.location.column, field.location.field) == (13, 12, "applicant-name")


def test_dropdown_control_lists_its_options(parsed):
    field = next(f for f in parsed.fields if f.label == "Permit type")
    assert (field.kind, field.attrs["control"], field.options) == ("choice", "dropDownList", ["Fence", "Shed"])
    assert field.attrs["value"] == "Fence"


def test_legacy_form_field_keeps_help_status_default_and_length(parsed):
    field = _field(parsed, "Phone")
    assert (field.kind, field.attrs["control"], field.attrs["source"]) == ("text", "FORMTEXT", "legacy")
    assert (field.tooltip, field.label, field.label_source) == ("Phone number", "Phone number", "tooltip")
    assert field.hint == "Include the area code."
    assert (field.attrs["default"], field.max_length, field.attrs["value"]) == ("555", 12, "555")
    assert (field.location.line, field.location.column, field.nearby_text) == (14, 8, "Phone:")


def test_legacy_status_and_help_text_are_blocks_on_the_field(parsed):
    status, help_text = _block(parsed, "Phone number"), _block(parsed, "Include the area code.")
    assert (status.kind, help_text.kind) == (BlockKind.FIELD_TOOLTIP, BlockKind.HELP_TEXT)
    for block in (status, help_text):
        location = block.location(0, 5)
        assert (location.field, location.line, location.column) == ("Phone", 14, 8)


def test_help_text_that_repeats_the_status_text_is_one_block():
    doc = python_docx.Document()
    paragraph = doc.add_paragraph("Email: ")
    same = LEGACY_TEXT[0].replace("Include the area code.", "Phone number")
    for run in [same, *LEGACY_TEXT[1:]]:
        _append(paragraph, run)
    out = io.BytesIO()
    doc.save(out)
    document = extract(Source("same.docx", out.getvalue()))
    assert [(b.kind, b.text) for b in document.blocks if b.field_name] == [(BlockKind.FIELD_TOOLTIP, "Phone number")]


def test_fields_come_in_document_order(parsed):
    assert [f.location.line for f in parsed.fields] == [13, 14, 15]


# Sniffing.


def test_sniff_accepts_docx_and_nothing_else(fixture_bytes):
    assert sniff(fixture_bytes[:4096])
    assert not sniff(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})[:4096])
    assert not sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert not sniff(b"# Markdown\n")


# Hostile and broken input: one clear sentence, never a traceback.


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _docx_with_document(xml: bytes) -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": xml})


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>""" % W_NS.encode()
EXTERNAL_ENTITY = b"""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>""" % W_NS.encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"This is plain text, not a zip archive.", "not a valid DOCX"),
        (b"PK\x03\x04" + bytes(200), "not a valid DOCX"),
        (_zip({"hello.txt": b"hi"}), "no word/document.xml"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "encrypted or legacy .doc"),
        (_docx_with_document(BILLION_LAUGHS), "declares a DTD"),
        (_docx_with_document(EXTERNAL_ENTITY), "declares a DTD"),
        (_docx_with_document(BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', "").encode("utf-16")), "DTD"),
        (_docx_with_document(b"<w:document><w:body>"), "not well-formed XML"),
        (_docx_with_document(b"<html><body/></html>"), "not a WordprocessingML document"),
    ],
    ids=["not-a-zip", "corrupt-zip", "no-document", "ole2", "billion-laughs", "external-entity", "utf16-dtd",
         "broken-xml", "not-wordml"],
)
def test_unreadable_input_is_an_input_error(data, message):
    with pytest.raises(InputError, match=message):
        extract(Source("bad.docx", data))


def test_truncated_docx_is_an_input_error(fixture_bytes):
    with pytest.raises(InputError, match="not a valid DOCX"):
        extract(Source("cut.docx", fixture_bytes[: len(fixture_bytes) // 2]))


def test_zip_bomb_is_refused_from_its_directory_before_inflating():
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": bytes(11 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(InputError, match="zip bomb"):
        extract(Source("bomb.docx", bomb))


def test_inflated_bytes_are_counted_across_reads():
    """The directory can lie; what actually inflates is counted too."""
    archive = SafeZip(_zip({"a": bytes(1000), "b": bytes(400)}), max_total=1500)
    archive.read("a")
    archive.read("b")
    with pytest.raises(InputError, match="zip bomb"):
        archive.read("a")


def test_deeply_nested_tables_are_read():
    depth = 60
    cell = "<w:p><w:r><w:t>Deep</w:t></w:r></w:p>"
    for _ in range(depth):
        cell = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl>"
    xml = f'<w:document xmlns:w="{W_NS}"><w:body>{cell}</w:body></w:document>'.encode()
    (block,) = extract(Source("deep.docx", _docx_with_document(xml))).blocks
    assert block.region.count("table") == depth


def test_tables_nested_past_the_xml_depth_limit_are_one_clear_line():
    cell = "<w:p><w:r><w:t>Deep</w:t></w:r></w:p>"
    for _ in range(200):
        cell = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl>"
    xml = f'<w:document xmlns:w="{W_NS}"><w:body>{cell}</w:body></w:document>'.encode()
    with pytest.raises(InputError) as caught:
        extract(Source("deeper.docx", _docx_with_document(xml)))
    assert str(caught.value) == (
        "not a valid DOCX: word/document.xml nests elements more than 256 levels deep "
        "(tables inside tables?); plainlint reads no deeper"
    )


def test_an_ebcdic_part_is_one_clear_line():
    xml = f'<?xml version="1.0" encoding="IBM037"?><w:document xmlns:w="{W_NS}"><w:body/></w:document>'
    with pytest.raises(InputError) as caught:
        extract(Source("ebcdic.docx", _docx_with_document(xml.encode("cp037"))))
    assert str(caught.value) == "not a valid DOCX: word/document.xml is encoded in EBCDIC, which Word never writes"


# The real samples in ../shared (skipped in a fresh clone).


def _sample(name: str) -> Document:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is absent)")
    return extract(Source(name, path.read_bytes()))


def test_federal_guidelines_tables_words_and_no_table_of_contents():
    document = _sample("plainlanguage-gov__FederalPLGuidelines_2011.docx")
    cells = [block for block in document.blocks if block.kind is BlockKind.TABLE_CELL]
    assert document.metadata["tables"] == 68
    assert len({block.attrs["table"] for block in cells}) == 68
    assert 20_000 < document.word_count() < 24_000
    headings = [block.text for block in document.blocks if block.kind is BlockKind.HEADING]
    assert headings.count("I. Think about your audience") == 1  # the TOC entry is not read
    assert any(block.attrs["story"] == "footer" for block in document.blocks)
    assert document.metadata["title"] == "Federal Plain Language Guidelines"


def test_legacy_forms_sample_fields_and_activex_notice():
    document = _sample("docx4j__LegacyForms.docx")
    fields = {(f.name, f.kind, f.attrs["control"]) for f in document.fields}
    assert fields == {("Text1", "text", "FORMTEXT"), ("Check1", "checkbox", "FORMCHECKBOX"),
                      ("Dropdown1", "choice", "FORMDROPDOWN")}
    assert _field(document, "Text1").nearby_text == "Text form field"
    (notice,) = [n for n in document.notices if n.code == "PL907"]
    assert notice.message.startswith("5 ActiveX controls")


def test_invoice_content_controls_sample():
    document = _sample("docx4j__databinding_invoice_content_controls.docx")
    by_label = {f.label: f for f in document.fields}
    assert {"Customer name", "Description", "Price", "Payment instructions"} <= set(by_label)
    assert by_label["Customer name"].attrs["value"] == "Joe Bloggs"
    assert by_label["Customer name"].attrs["placeholder"] == "Click here to enter text."
    assert by_label["Price"].group == "Repeat"
    text = " ".join(block.text for block in document.blocks)
    assert "Joe Bloggs" not in text and "Please remit funds" in text
    assert "content control" not in text  # the comments


def test_mammoth_samples_comments_footnotes_text_box_tables():
    comments = _sample("mammoth__comments.docx")
    assert [block.text for block in comments.blocks] == ["Ouch."]
    footnotes = _sample("mammoth__footnotes.docx")
    assert [(block.text, block.region) for block in footnotes.blocks] == [
        ("Ouch.", None), ("A tachyon walks into a bar.", "footnote 1"), ("Fin.", "footnote 2"),
    ]
    text_box = _sample("mammoth__text-box.docx")
    assert [(block.text, block.region) for block in text_box.blocks] == [("Datum plane", "text box 1")]
    tables = _sample("mammoth__tables.docx")
    assert Counter(block.kind for block in tables.blocks)[BlockKind.TABLE_CELL] == 4


def test_every_sample_is_sniffed_and_read():
    if not SAMPLES.exists():
        pytest.skip(f"{SAMPLES} not available (../shared is absent)")
    for path in sorted(SAMPLES.glob("*.docx")):
        data = path.read_bytes()
        assert sniff(data[:4096]), path.name
        assert extract(Source(path.name, data)).blocks, path.name
