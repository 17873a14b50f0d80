"""The PDF extractor: reading order, locations, headings, running heads,
form fields, notices and hostile input, on small PDFs built here with
reportlab and pypdf, plus the real samples in ../shared when present."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NullObject,
    NumberObject,
    TextStringObject,
)
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from support import SHARED

from plainlint.document import BlockKind
from plainlint.errors import InputError
from plainlint.extract import Source
from plainlint.extract.pdf import reader as pdf_extractor
from plainlint.extract.pdf.text import display_transform

SAMPLES = SHARED / "samples" / "pdf"

LEFT_COLUMN = [
    "Apples grow on trees in the orchard and",
    "ripen in the early autumn when the nights",
    "turn cold and the days grow shorter.",
]
RIGHT_COLUMN = [
    "Bicycles need regular care to stay safe",
    "on the road, so check the brakes and the",
    "tyres before every long ride you take.",
]


# Building PDFs ----------------------------------------------------------------


def build(draw_pages) -> bytes:
    """A PDF whose pages are drawn by the given functions (one per page)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter, invariant=1)
    for draw in draw_pages:
        draw(pdf)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def lines_at(x: float, top: float, lines: list[str], size: float = 11, font: str = "Helvetica", leading: float = 14):
    def draw(pdf):
        pdf.setFont(font, size)
        for index, text in enumerate(lines):
            pdf.drawString(x, top - index * leading, text)

    return draw


def together(*draws):
    def draw(pdf):
        for item in draws:
            item(pdf)

    return draw


def extract(data: bytes, path: str = "test.pdf"):
    return pdf_extractor.extract(Source(path, data))


def text_of(document) -> str:
    return "\n".join(block.text for block in document.blocks)


@pytest.fixture(scope="module")
def article() -> bytes:
    """A heading, a subheading and two paragraphs, one with a word
    hyphenated across a line end."""
    return build([
        together(
            lines_at(72, 720, ["Apply for a permit"], size=20, font="Helvetica-Bold"),
            lines_at(72, 680, ["Before you start"], size=14, font="Helvetica-Bold"),
            lines_at(72, 650, [
                "You must send the form to the office that",
                "serves your county. The office will pro-",
                "vide a receipt within ten days.",
            ]),
            lines_at(72, 590, [
                "Keep a copy of every page you send so that",
                "you can answer questions about it later.",
            ]),
        )
    ])


# Sniffing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", True),
        (b"\r\n  %PDF-1.4\n", True),
        (b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.5\n4 0 obj\n<<>>", True),
        (b"# Notes\n\nEvery PDF starts with `%PDF-1.7`.\n", False),
        (b"# Header\n%PDF-1.4 is the header, no object follows\n", False),
        (b"just some text", False),
    ],
)
def test_sniff(head, expected):
    assert pdf_extractor.sniff(head) is expected


# Text, locations, headings ------------------------------------------------------


def test_headings_have_levels_by_font_size(article):
    document = extract(article)
    headings = [(b.text, b.attrs["level"]) for b in document.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("Apply for a permit", 1), ("Before you start", 2)]
    assert document.metadata["pages"] == 1 and document.format == "pdf"


def test_paragraphs_keep_page_line_and_column(article):
    document = extract(article)
    paragraph = next(b for b in document.blocks if b.text.startswith("You must"))
    assert paragraph.kind is BlockKind.PARAGRAPH
    start = paragraph.text.index("county")
    location = paragraph.location(start, start + len("county"))
    # Line 1 and 2 are the headings; "serves your county." is the 4th line.
    assert (location.page, location.line, location.column) == (1, 4, len("serves your ") + 1)
    assert location.end_column == location.column + len("county")
    x0, y0, x1, y1 = paragraph.attrs["bbox"]
    assert 70 < x0 < 74 and y1 <= 662 and y0 >= 600


def test_hyphenated_word_is_joined_and_located(article):
    paragraph = next(b for b in extract(article).blocks if b.text.startswith("You must"))
    assert "will provide a receipt" in paragraph.text
    start = paragraph.text.index("vide a receipt")
    assert (paragraph.position(start).line, paragraph.position(start).column) == (5, 1)


def test_web_address_broken_after_a_slash_is_rejoined():
    data = build([lines_at(72, 700, ["Apply online at https://www.example.gov/", "permits/apply and keep the receipt."])])
    assert extract(data).blocks[0].text == "Apply online at https://www.example.gov/permits/apply and keep the receipt."


def test_two_columns_are_read_one_after_the_other():
    data = build([together(lines_at(72, 700, LEFT_COLUMN, size=10), lines_at(320, 700, RIGHT_COLUMN, size=10))])
    document = extract(data)
    assert [b.text for b in document.blocks] == [" ".join(LEFT_COLUMN), " ".join(RIGHT_COLUMN)]
    right = document.blocks[1]
    assert (right.segments[0].line, right.segments[0].page) == (4, 1)


def test_pages_that_are_all_the_same_lines_keep_them():
    """Five copies of one notice: the repeated lines are the document, not a
    running header around it (they used to be dropped, leaving 0 words)."""
    page = lines_at(72, 740, ["Notice to applicants: you must sign the form before you send it."])
    document = extract(build([page] * 5))
    assert [b.location().page for b in document.blocks] == [1, 2, 3, 4, 5]
    assert all("must sign the form" in b.text for b in document.blocks)


def test_running_headers_footers_and_page_numbers_are_dropped():
    def page(number):
        return together(
            lines_at(72, 760, ["Permit Handbook"], size=9),
            lines_at(72, 600, [f"Chapter {number} explains one step of the process in plain words."]),
            lines_at(300, 30, [f"Page {number} of 3"], size=9),
        )

    document = extract(build([page(1), page(2), page(3)]))
    text = text_of(document)
    assert "Handbook" not in text and "Page" not in text
    assert [b.location().page for b in document.blocks] == [1, 2, 3]
    # The dropped header still counts as line 1 of its page.
    assert document.blocks[1].location().line == 2


def test_paragraph_cut_off_at_a_column_end_is_joined():
    data = build([
        together(
            lines_at(72, 700, ["The office reviews each request in the order", "it arrives and writes to"], size=10),
            lines_at(320, 700, ["you within ten days.", "A second paragraph starts here."], size=10),
        )
    ])
    blocks = extract(data).blocks
    assert blocks[0].text == "The office reviews each request in the order it arrives and writes to you within ten days."
    start = blocks[0].text.index("you within")
    assert blocks[0].location(start).line == 3
    assert blocks[0].attrs["continued"][0]["page"] == 1


def test_list_items_are_blocks_of_their_own():
    data = build([
        lines_at(72, 700, [
            "Bring these papers:",
            "• your passport or another photo ID",
            "• a recent bill that shows your address",
        ])
    ])
    kinds = [(b.kind, b.text) for b in extract(data).blocks]
    assert kinds == [
        (BlockKind.PARAGRAPH, "Bring these papers:"),
        (BlockKind.LIST_ITEM, "• your passport or another photo ID"),
        (BlockKind.LIST_ITEM, "• a recent bill that shows your address"),
    ]


def test_rotated_page_is_read_as_displayed():
    def draw(pdf):
        pdf.setPageRotation(90)
        pdf.saveState()
        pdf.translate(500, 100)
        pdf.rotate(90)
        pdf.setFont("Helvetica", 11)
        pdf.drawString(0, 0, "This line reads upright on screen.")
        pdf.drawString(0, -16, "So does this second one.")
        pdf.restoreState()

    blocks = extract(build([draw])).blocks
    assert [b.text for b in blocks] == ["This line reads upright on screen. So does this second one."]


def test_display_transform_turns_boxes_with_the_page():
    turn = display_transform(90, (0, 0, 612, 792))
    assert turn(100, 700, 200, 710) == (700, 412, 710, 512)
    assert display_transform(0, (10, 20, 622, 812))(10, 20, 30, 40) == (0, 0, 20, 20)


# Notices ------------------------------------------------------------------------


def test_page_without_text_layer_is_a_scan_notice():
    def image_page(pdf):
        picture = Image.new("RGB", (40, 20), "gray")
        pdf.drawImage(ImageReader(picture), 72, 500, width=400, height=200)

    def blank_page(pdf):
        """Nothing on it: blank, not scanned, so no notice."""

    data = build([lines_at(72, 700, ["A page of real text."]), image_page, blank_page])
    document = extract(data)
    assert [(n.code, n.location.page) for n in document.notices] == [("PL903", 2)]
    assert "no text layer" in document.notices[0].message


# Hostile input ------------------------------------------------------------------


def test_truncated_pdf_reads_what_is_left_or_fails_cleanly(article):
    damaged = extract(article[: int(len(article) * 0.8)])
    assert any(n.code == "PL905" and "truncated" in n.message for n in damaged.notices)
    with pytest.raises(InputError, match="not a readable PDF"):
        extract(article[:300])


def test_garbage_after_the_header_is_an_input_error():
    with pytest.raises(InputError, match="not a readable PDF"):
        extract(b"%PDF-1.7\n" + bytes(range(256)) * 20)


def _encrypted(data: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_encrypted_pdf_needing_a_password_is_an_input_error(article):
    with pytest.raises(InputError, match=r"^encrypted: .*needs a password"):
        extract(_encrypted(article, "letmein"))


def test_encrypted_pdf_with_empty_user_password_opens(article):
    document = extract(_encrypted(article, ""))
    assert document.blocks[0].text == "Apply for a permit"
    assert not document.notices


# Forms ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def form_pdf() -> bytes:
    def draw(pdf):
        form = pdf.acroForm
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, 705, "Full name")
        form.textfield(name="applicant.name", tooltip="Enter your full name", x=150, y=698, width=200, height=20, maxlen=40)
        form.checkbox(name="agree", tooltip="Check if you agree to the terms", x=72, y=650, size=14)
        pdf.drawString(92, 652, "I agree to the terms")
        pdf.drawString(72, 610, "Contact by")
        form.radio(name="contact", value="email", tooltip="Choose how we contact you", x=150, y=607, size=14, selected=True)
        pdf.drawString(170, 610, "Email")
        form.radio(name="contact", value="phone", tooltip="Choose how we contact you", x=230, y=607, size=14)
        pdf.drawString(250, 610, "Phone")

    return build([lines_at(72, 700, ["Page one has no fields."]), draw])


def test_form_fields_have_kind_labels_flags_and_place(form_pdf):
    document = extract(form_pdf)
    fields = {f.name: f for f in document.fields}
    assert sorted(fields) == ["agree", "applicant.name", "contact"]
    name, agree, contact = fields["applicant.name"], fields["agree"], fields["contact"]
    assert (name.kind, agree.kind, contact.kind) == ("text", "checkbox", "radio")
    assert (name.label, name.label_source, name.tooltip) == ("Enter your full name", "tooltip", "Enter your full name")
    assert name.max_length == 40 and not name.required
    assert agree.required and contact.required and not contact.read_only
    assert contact.options == ["email", "phone"] and contact.attrs["widgets"] == 2
    assert {f.location.page for f in document.fields} == {2}
    assert name.location.field == "applicant.name"
    assert name.rect == pytest.approx((150, 698, 350, 718), abs=0.5)
    assert (name.nearby_text, agree.nearby_text, contact.nearby_text) == ("Full name", "I agree to the terms", "Email")
    assert document.metadata["has_xfa"] is False and document.metadata["field_tree_nodes"] == 3


def test_tooltips_are_lintable_blocks_located_on_the_field(form_pdf):
    tooltips = [b for b in extract(form_pdf).blocks if b.kind is BlockKind.FIELD_TOOLTIP]
    assert [(b.field_name, b.text) for b in tooltips] == [
        ("applicant.name", "Enter your full name"),
        ("agree", "Check if you agree to the terms"),
        ("contact", "Choose how we contact you"),
    ]
    location = tooltips[0].location(0, 5)
    assert (location.page, location.field, location.line) == (2, "applicant.name", None)


def _rewrite(data: bytes, change) -> bytes:
    """The PDF after `change(writer)` edits its objects."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _acroform(writer: PdfWriter) -> DictionaryObject:
    return writer.root_object["/AcroForm"].get_object()


def test_xfa_form_is_a_notice(form_pdf):
    def add_xfa(writer):
        _acroform(writer)[NameObject("/XFA")] = ArrayObject([TextStringObject("template"), TextStringObject("<xdp/>")])

    document = extract(_rewrite(form_pdf, add_xfa))
    assert document.metadata["has_xfa"] is True
    assert [n.code for n in document.notices] == ["PL904"]
    assert "XFA" in document.notices[0].message and len(document.fields) == 3


def test_field_tree_that_loops_is_a_notice_not_a_crash(form_pdf):
    def loop(writer):
        fields = _acroform(writer)["/Fields"]
        parent = fields[0].get_object()
        parent[NameObject("/Kids")] = ArrayObject([fields[0]])

    document = extract(_rewrite(form_pdf, loop))
    assert any(n.code == "PL905" and "loops" in n.message for n in document.notices)
    assert {"agree", "contact"} <= {f.name for f in document.fields}


def test_fields_left_out_of_the_field_list_are_still_read(form_pdf):
    def drop_fields(writer):
        _acroform(writer)[NameObject("/Fields")] = ArrayObject()

    document = extract(_rewrite(form_pdf, drop_fields))
    assert sorted(f.name for f in document.fields) == ["agree", "applicant.name", "contact"]
    assert all(f.attrs["orphan"] for f in document.fields)
    assert [n.code for n in document.notices] == ["PL905"]


def test_field_without_widget_and_thousands_of_fields(form_pdf):
    def add_fields(writer):
        page = writer.pages[1]
        annots = page["/Annots"]
        fields = _acroform(writer)["/Fields"]
        bare = DictionaryObject({NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject("bare")})
        fields.append(writer._add_object(bare))
        for index in range(3000):
            widget = DictionaryObject({
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/T"): TextStringObject(f"cell{index}"),
                NameObject("/Ff"): NumberObject(2),
                NameObject("/Rect"): ArrayObject([NumberObject(v) for v in (10, 10, 20, 20)]),
            })
            reference = writer._add_object(widget)
            annots.append(reference)
            fields.append(reference)

    document = extract(_rewrite(form_pdf, add_fields))
    fields = {f.name: f for f in document.fields}
    assert len(fields) == 3 + 1 + 3000
    assert (fields["bare"].location.page, fields["bare"].rect, fields["bare"].attrs["widgets"]) == (None, None, 0)
    assert fields["cell2999"].required and fields["cell2999"].location.page == 2
    assert not document.notices


def test_page_tab_order_and_structure_tree_are_recorded(form_pdf):
    document = extract(form_pdf)
    assert document.metadata["page_tabs"] == {1: None, 2: None}
    assert document.metadata["structure_tree"] is False

    def structure_order(writer):
        writer.pages[1][NameObject("/Tabs")] = NameObject("/S")
        writer.pages[0][NameObject("/Tabs")] = NumberObject(3)  # not a name: unset

    assert extract(_rewrite(form_pdf, structure_order)).metadata["page_tabs"] == {1: None, 2: "S"}


def test_radio_group_question_is_the_text_before_its_buttons(form_pdf):
    fields = {f.name: f for f in extract(form_pdf).fields}
    assert fields["contact"].attrs["question"] == "Contact by"
    assert "question" not in fields["agree"].attrs and "question" not in fields["applicant.name"].attrs


def test_missing_parts_of_the_field_tree_are_a_notice(form_pdf):
    def break_kids(writer):
        agree = _acroform(writer)["/Fields"][1].get_object()
        agree[NameObject("/Kids")] = ArrayObject([NullObject(), NumberObject(4)])

    document = extract(_rewrite(form_pdf, break_kids))
    assert {"agree", "contact", "applicant.name"} == {f.name for f in document.fields}
    assert [n.message for n in document.notices if n.code == "PL905"] == [
        "2 part(s) of the field tree are missing from the file or damaged; the fields around them were still read"
    ]


def test_pypdf_chatter_stays_off_stderr(form_pdf, caplog):
    with caplog.at_level(logging.WARNING):
        extract(_rewrite(form_pdf, lambda writer: None)[:-200])
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


# Real samples (../shared) -------------------------------------------------------


def _sample(relative: str) -> Path:
    path = SAMPLES / relative
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is absent)")
    return path


@pytest.mark.parametrize(
    ("name", "fields", "tooltips"),
    [
        ("forms/pdfjs__irs_f1040_2010.pdf", 246, 0),
        ("forms/bonniezhou-werk__uscis_i-765_exp2018.pdf", 48, 44),
        ("forms/HuzaifaHaleem-PDFControls__irs_fw9_rev2011-01.pdf", 24, 5),
    ],
)
def test_real_forms_match_pypdf(name, fields, tooltips):
    path = _sample(name)
    document = extract(path.read_bytes(), str(path))
    reference = PdfReader(path).get_fields()
    terminal = [key for key, value in reference.items() if not _has_field_kids(value)]
    assert document.metadata["field_tree_nodes"] == len(reference) == fields
    assert sorted(f.name for f in document.fields) == sorted(terminal)
    assert sum(1 for f in document.fields if f.tooltip) == tooltips
    assert sum(1 for b in document.blocks if b.kind is BlockKind.FIELD_TOOLTIP) == tooltips


def _has_field_kids(field) -> bool:
    return any("/T" in kid.get_object() for kid in field.get("/Kids", []))


def test_real_xfa_form_is_noticed():
    path = _sample("forms/kentros-pdfs__irs_fw9_rev2018-10_xfa.pdf")
    document = extract(path.read_bytes(), str(path))
    assert document.metadata["has_xfa"] and [n.code for n in document.notices] == ["PL904"]


def test_federal_register_columns_are_not_interleaved():
    path = _sample("documents/pdfplumber__federal-register-2020-17221.pdf")
    document = extract(path.read_bytes(), str(path))
    page_two = " | ".join(b.text for b in document.blocks if b.location().page == 2)
    for sentence in (
        "Hatta International Airport in Jakarta, Indonesia, resulting in 189 fatalities. "
        "Investigation of the accident has been completed by the Indonesian authorities",
        "On November 7, 2018, the FAA issued Emergency AD 2018–23–51 as an interim corrective action.",
        "The data from the flight data recorders, as summarized in reports 7 of the Ethiopian Airlines Flight 302",
    ):
        assert sentence in page_two
    assert page_two.index("Hatta International") < page_two.index("On November 7") < page_two.index("The data from")
    assert "Federal Register / Vol. 85" not in text_of(document)


def test_guidelines_headings_and_running_footer():
    path = _sample("documents/plainlanguage-gov__FederalPLGuidelines_2011.pdf")
    document = extract(path.read_bytes(), str(path))
    headings = {b.text: b.attrs["level"] for b in document.blocks if b.kind is BlockKind.HEADING}
    assert headings["I. Think about your audience"] < headings["a. Identify and write for your audience"]
    assert document.metadata["pages"] == 118
    assert not any("Rev. 1, May 2011" in b.text for b in document.blocks)


def test_fields_past_the_limit_are_not_read_and_a_notice_says_so(form_pdf, monkeypatch):
    from plainlint.extract.pdf import forms

    monkeypatch.setattr(forms, "FORM_FIELDS", 2)
    document = extract(form_pdf)
    assert [f.name for f in document.fields] == ["applicant.name", "agree"]
    assert [(n.code, "first 2 form fields" in n.message) for n in document.notices] == [("PL910", True)]
