"""PL401, PL402, PL405, PL430 and PL431 (field names, labels, groups, PDF tab
order, duplicate tooltips): the helpers they share, odd and hostile input,
and the real forms in ../shared (skipped without it)."""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

import pytest
from support import PROJECT

from plainlint.checks.forms.labels import _sentence_case
from plainlint.config import Settings
from plainlint.document import Document, FormField, Level, Location
from plainlint.engine import check_document
from plainlint.errors import ConfigError
from plainlint.extract import Source, extract, read_source
from plainlint.forms.fields import fillable_fields
from plainlint.forms.naming import looks_internal
from plainlint.gate.baseline import fingerprint
from plainlint.language.phrasing import listing
from plainlint.registry import default_registry

CODES = ("PL401", "PL402", "PL405", "PL430", "PL431")


def run(code: str, document: Document, **options) -> list:
    rule = default_registry().get(code)
    return list(rule.run(document, {**rule.defaults(), **options}))


def lint(document: Document, select: tuple[str, ...] = CODES) -> list:
    """Through the engine, as `plainlint check` runs them."""
    config = Settings(root=PROJECT, select=select)
    return check_document(document, config, config.enabled_rules(default_registry()))


def pdf_form(fields: list[FormField], **metadata) -> Document:
    return Document("form.pdf", "pdf", fields=fields, metadata=metadata)


def text_field(name: str, page: int | None = 1, tooltip: str | None = None, **values) -> FormField:
    label = {"label": tooltip, "label_source": "tooltip"} if tooltip else {}
    location = Location("form.pdf", page=page, field=name or None)
    return FormField(name=name, kind=values.pop("kind", "text"), location=location, tooltip=tooltip, **label, **values)


# The shared helpers ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["topmostSubform[0].Page1[0].f1_1", "txtFName", "field_12", "TextField2", "Text1", "RadioButtonGroup",
     "ByDueDate", "Check Box 3", "Text Field 12", "f1_01[0]", "chkAgree"],
)
def test_machine_names_are_recognised(text):
    assert looks_internal(text)


@pytest.mark.parametrize(
    "text",
    ["Name", "E-mail", "ZIP code", "Email address", "SSN", "Date of birth (mm/dd/yyyy)", "Day", "W-2",
     "Line 12", "Box 3", "", "I-94 number"],
)
def test_words_are_not_machine_names(text):
    assert not looks_internal(text)


def test_sentence_case_keeps_acronyms():
    assert _sentence_case("DATE OF BIRTH") == "Date of birth"
    assert _sentence_case("SSN OR EIN") == "SSN or EIN"
    assert _sentence_case("1. YOUR FULL NAME") == "1. Your full name"


def test_listing():
    assert listing(["a"], 3, quote=True) == "'a'"
    assert listing(["a", "b"], 3, quote=True) == "'a' and 'b'"
    assert listing(list("abcde"), 3, quote=True) == "'a', 'b', 'c' and 2 more"


# Odd input: no rule raises, and each says something sensible ------------------------


def test_empty_documents_draw_nothing():
    for document in (pdf_form([]), Document("a.html", "html"), Document("a.docx", "docx")):
        assert lint(document) == []


def test_fields_without_names_labels_or_pages():
    fields = [
        text_field("", page=None),
        text_field("", page=None, kind="radio"),
        FormField(name="x", kind="text", location=Location("form.pdf"), label="   "),
        text_field("tip", tooltip="Name", page=None),
    ]
    found = lint(pdf_form(fields, page_tabs={}))
    codes = Counter(f.code for f in found)
    assert codes == {"PL401": 2, "PL405": 1}
    assert any("an unnamed text box" in f.message and "no name at all" in f.message for f in found)


def test_thousands_of_fields_are_counted_per_page():
    fields = [text_field(f"cell{i}", tooltip="Amount") for i in range(5000)]
    fields += [text_field(f"row{i}") for i in range(5000)]
    document = pdf_form(fields, page_tabs={1: None}, tagged=True)
    found = lint(document)
    by_code = {f.code: f for f in found}
    assert sorted(by_code) == ["PL401", "PL430", "PL431"] and len(found) == 3
    assert "5000 of the 10000 fields on page 1 have no tooltip" in by_code["PL401"].message
    assert "5000 fields on page 1 share the tooltip 'Amount'" in by_code["PL431"].message
    assert "and 4995 more" in by_code["PL431"].message
    assert by_code["PL430"].level is Level.WARNING


def test_thousands_of_unlabelled_html_controls():
    html = "<form>" + "".join(f"<p>Item {i}</p>\n<input name='q{i}'>\n" for i in range(3000)) + "</form>"
    document = extract(Source("big.html", html.encode()))
    found = run("PL401", document)
    assert len(found) == 3000
    assert found[1234].suggestions[0].text == "Item 1234"


def test_report_field_and_page_modes():
    fields = [text_field(f"f{i}", page=1 + i % 2) for i in range(6)]
    assert len(run("PL401", pdf_form(fields), report="field")) == 6
    assert [f.location.page for f in run("PL401", pdf_form(fields), report="page")] == [1, 2]
    # auto: each page has 3 nameless fields, which is not more than 3
    assert len(run("PL401", pdf_form(fields), **{"group-threshold": 3})) == 6


def test_page_findings_keep_their_fingerprint_when_counts_change():
    before = run("PL401", pdf_form([text_field(f"f{i}") for i in range(12)]))
    after = run("PL401", pdf_form([text_field(f"f{i}") for i in range(11)]))
    assert before[0].message != after[0].message
    assert fingerprint(before[0]) == fingerprint(after[0])


def test_legend_of_a_one_control_group_is_offered_as_its_label():
    html = b"""<fieldset><legend>Date of birth</legend><input name="dob"></fieldset>
    <fieldset><legend>Address</legend><input name="a1"><input name="a2"></fieldset>"""
    found = {f.location.field: f for f in run("PL401", extract(Source("a.html", html)))}
    assert [s.text for s in found["dob"].suggestions] == ["Date of birth"]
    assert "legend of its group" in found["dob"].message
    assert found["a1"].suggestions == [] and found["a2"].suggestions == []


def test_named_aria_radiogroup_is_a_group():
    html = b"""<div role="radiogroup" aria-labelledby="q"><p id="q">Do you have a passport?</p>
    <input type="radio" name="p" id="y"><label for="y">Yes</label>
    <input type="radio" name="p" id="n"><label for="n">No</label></div>"""
    assert run("PL405", extract(Source("a.html", html))) == []


def test_unknown_jargon_rule_is_a_config_error():
    document = extract(Source("a.html", b'<input aria-label="Name">'))
    with pytest.raises(ConfigError, match="PL999"):
        run("PL402", document, **{"jargon-rules": ["PL999"]})


def test_hard_words_in_a_label_on_the_page_are_left_to_the_word_rules():
    shown = extract(Source("a.html", b'<label for="s">Date you wish to commence</label><input id="s">'))
    assert run("PL402", shown) == []
    assert [f.code for f in lint(shown, ("PL101", "PL402"))] == ["PL101"]
    hidden = extract(Source("a.html", b'<input id="s" aria-label="Date you wish to commence">'))
    (finding,) = run("PL402", hidden)
    assert '"commence": use "start"' in finding.message and finding.location.field == "s"


def test_i765_style_tooltips_with_format_hints_are_plain():
    tooltip = "6. Enter Date of Birth as 2-digit Month, 2-digit Day, and 4-digit Year."
    assert run("PL402", pdf_form([text_field("Date_of_Birth[0]", tooltip=tooltip)])) == []


def test_untagged_pdf_tab_order_is_a_suggestion():
    document = pdf_form([text_field("a"), text_field("b")], page_tabs={1: "R"}, tagged=False)
    (finding,) = run("PL430", document)
    assert finding.level is Level.SUGGESTION and "row order" in finding.message
    assert "no tags" in finding.hints[0]


def test_tab_order_is_not_judged_without_page_tabs_or_fields():
    assert run("PL430", pdf_form([text_field("a"), text_field("b")])) == []
    assert run("PL430", pdf_form([text_field("a")], page_tabs={1: None})) == [], "one field has no order"
    assert run("PL430", pdf_form([], page_tabs={1: None})) == []
    assert run("PL430", pdf_form([text_field("a", page=None)], page_tabs={1: None})) == []


# Hostile PDFs: broken field trees become notices, never tracebacks ------------------


def _raw_pdf(objects: dict[int, str]) -> bytes:
    """A PDF with exactly these objects and a correct cross-reference table."""
    out, offsets = b"%PDF-1.7\n", {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n{objects[number]}\nendobj\n".encode()
    xref, size = len(out), max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        out += (f"{offsets[number]:010d} 00000 n \n" if number in offsets else "0000000000 00000 f \n").encode()
    return out + f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def _form(fields: str = "[5 0 R]", annots: str = "[5 0 R]", acroform: str = "<< /Fields {} >>", page: str = "",
          **objects: str) -> bytes:
    """A one-page form printing "Full name", with a text box (object 5) and
    any objects given as o<number>=... replacing or adding to these."""
    content = "BT /F1 11 Tf 72 704 Td (Full name) Tj ET"
    base = {
        1: "<< /Type /Catalog /Pages 2 0 R /AcroForm 4 0 R >>",
        2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots {annots} /Contents 6 0 R "
           f"/Resources << /Font << /F1 7 0 R >> >> {page} >>",
        4: acroform.format(fields),
        5: "<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [150 698 350 718] /P 3 0 R >>",
        6: f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        7: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    base.update({int(key[1:]): value for key, value in objects.items()})
    return _raw_pdf(base)


def _deep_tree(levels: int) -> dict[str, str]:
    objects = {f"o{10 + i}": f"<< /T (n{i}) /Kids [{11 + i} 0 R] >>" for i in range(levels)}
    objects[f"o{10 + levels}"] = "<< /Type /Annot /Subtype /Widget /FT /Tx /T (leaf) /Rect [150 698 350 718] >>"
    return objects


HOSTILE = {
    "kid that is not in the file": (
        _form(o5="<< /FT /Tx /T (parent) /Kids [99 0 R 8 0 R] >>",
              o8="<< /Type /Annot /Subtype /Widget /Parent 5 0 R /T (child) /Rect [150 698 350 718] /P 3 0 R >>",
              annots="[8 0 R]"),
        "part(s) of the field tree are missing",
    ),
    "field list that names a missing object": (_form(fields="[77 0 R]"), "missing from the form's field list"),
    "field list that is a dictionary": (_form(fields="<< /A 5 0 R >>"), "missing from the form's field list"),
    "loop through /Parent": (
        _form(fields="[]",
              o5="<< /Type /Annot /Subtype /Widget /FT /Tx /T (w) /Parent 8 0 R /Rect [150 698 350 718] >>",
              o8="<< /T (p) /Parent 9 0 R /Kids [5 0 R] >>", o9="<< /T (q) /Parent 8 0 R /Kids [8 0 R] >>"),
        "missing from the form's field list",
    ),
    "tree too deep": (
        _form(fields="[10 0 R]", annots="[310 0 R]", **_deep_tree(300)),
        "loops back on itself or is too deep",
    ),
    "/Kids, /T, /TU, /Ff, /Rect and /MaxLen of the wrong types": (
        _form(o5="<< /Type /Annot /Subtype /Widget /FT /Tx /T 42 /Kids 12 /TU [(a) (b)] /Ff (x) /Rect (abc) "
                 "/MaxLen /Big /P 3 0 R >>"),
        None,
    ),
    "radio group whose buttons have no /Rect or /AP": (
        _form(o5="<< /FT /Btn /Ff 32768 /T (choice) /Kids [8 0 R 9 0 R] >>",
              o8="<< /Type /Annot /Subtype /Widget /Parent 5 0 R /AP 3 >>",
              o9="<< /Type /Annot /Subtype /Widget /Parent 5 0 R /Rect [1 2] >>", annots="[8 0 R 9 0 R]"),
        None,
    ),
    "XFA only": (
        _form(fields="[]", annots="[]", acroform="<< /Fields {} /XFA [(template) 8 0 R] >>",
              o8="<< /Length 6 >>\nstream\n<xdp/>\nendstream"),
        "describes its fields only in XFA",
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_pdf_forms_give_clear_findings(name, caplog):
    data, expected = HOSTILE[name]
    with caplog.at_level(logging.WARNING):
        document = extract(Source("hostile.pdf", data))
        found = lint(document, (*CODES, "PL904", "PL905"))
    assert not [record for record in caplog.records if record.name.startswith("pypdf")]
    notices = [f.message for f in found if f.code in ("PL904", "PL905")]
    if expected is None:
        assert notices == []
    else:
        assert any(expected in message for message in notices), notices
    if name == "XFA only":
        assert document.fields == [] and [f.code for f in found] == ["PL904"]
    else:
        # every field the file has is still read and judged
        assert document.fields and {"PL401", "PL405"} & {f.code for f in found}


def test_wrong_type_tabs_counts_as_unset_and_structure_order_passes():
    second = "<< /Type /Annot /Subtype /Widget /FT /Tx /T (city) /Rect [150 660 350 680] /P 3 0 R >>"
    two = {"fields": "[5 0 R 8 0 R]", "annots": "[5 0 R 8 0 R]", "o8": second}
    wrong = extract(Source("t.pdf", _form(page="/Tabs 5", **two)))
    assert wrong.metadata["page_tabs"] == {1: None} and len(run("PL430", wrong)) == 1
    right = extract(Source("t.pdf", _form(page="/Tabs /S", **two)))
    assert right.metadata["page_tabs"] == {1: "S"} and run("PL430", right) == []


def test_printed_label_is_the_suggested_tooltip():
    document = extract(Source("t.pdf", _form()))
    (finding,) = run("PL401", document)
    assert finding.location.page == 1 and finding.suggestions[0].text == "Full name"


# Real forms (../shared) ------------------------------------------------------------


def _sample(shared: Path, relative: str) -> Document:
    path = shared / "samples" / relative
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return extract(read_source(path, str(path)))


def _count(finding) -> int:
    match = re.search(r"(?:all (\d+)|(\d+) of the \d+) fields", finding.message)
    return int(match.group(1) or match.group(2))


def test_irs_1040_every_field_lacks_a_tooltip_and_is_counted(shared):
    document = _sample(shared, "pdf/forms/pdfjs__irs_f1040_2010.pdf")
    fillable = list(fillable_fields(document))
    assert len(fillable) == 236 and not any(field.tooltip for field in fillable)
    pages = run("PL401", document)
    assert [(f.location.page, _count(f)) for f in pages] == [(1, 116), (2, 120)]
    assert sum(map(_count, pages)) == len(fillable)
    assert "p1-t4[0]: Your first name and initial" in pages[0].hints
    per_field = run("PL401", document, report="field")
    assert len(per_field) == 236 and {f.location.field for f in per_field} == {f.name for f in fillable}


def test_uscis_i765_names_every_field(shared):
    document = _sample(shared, "pdf/forms/bonniezhou-werk__uscis_i-765_exp2018.pdf")
    assert len(document.fields) == 44 and all(field.tooltip for field in document.fields)
    assert run("PL401", document) == [] and run("PL405", document) == [] and run("PL431", document) == []


def test_uscis_i765_long_tooltips_but_not_its_format_hints(shared):
    document = _sample(shared, "pdf/forms/bonniezhou-werk__uscis_i-765_exp2018.pdf")
    found = {f.location.field.rsplit(".", 1)[-1]: f for f in run("PL402", document)}
    assert "Date_of_Birth[0]" not in found and "Line11[0]" not in found
    assert {"section_1[0]", "section_1[4]", "print_name[0]", "last_address[0]"} <= set(found)
    assert all("words long (more than 30)" in f.message for f in found.values())
    assert found["print_name[0]"].suggestions[0].text == "Printed Name"


def test_irs_w9_2011_machine_tooltips_and_their_duplicates(shared):
    document = _sample(shared, "pdf/forms/HuzaifaHaleem-PDFControls__irs_fw9_rev2011-01.pdf")
    internal = run("PL402", document)
    assert len(internal) == 5 and all("machine name" in f.message for f in internal)
    assert internal[0].suggestions[0].text == "Social security number"
    (duplicate,) = run("PL431", document)
    assert "4 fields on page 1 share the tooltip 'TextField2'" in duplicate.message
    (missing,) = run("PL401", document)
    assert _count(missing) == 16  # the other 5 have (machine-name) tooltips


def test_cra_form_copied_tooltip_and_radio_groups(shared):
    document = _sample(shared, "pdf/forms/pdf-lib__cra_b300_cannabis_duty_combed_fields.pdf")
    (duplicate,) = run("PL431", document)
    assert "DR_NonFlowering[0]" in duplicate.message and "DR_CannabisPlant[0]" in duplicate.message
    radios = {f.location.field.rsplit(".", 1)[-1]: f for f in run("PL402", document) if "machine name" in f.message}
    assert sorted(radios) == ["ByDueDate[0]", "RadioButtonGroup[0]"]
    assert radios["ByDueDate[0]"].suggestions[0].text.startswith("Will you make the payment")
    assert run("PL401", document) == [] and run("PL405", document) == []
    tabs = run("PL430", document)
    # 12 of its 13 pages: the last holds one button, nothing to tab between.
    assert len(tabs) == 12 and {f.level for f in tabs} == {Level.SUGGESTION}  # untagged


def test_tab_order_on_real_forms(shared):
    irs = run("PL430", _sample(shared, "pdf/forms/pdfjs__irs_f1040_2010.pdf"))
    assert [(f.location.page, f.level) for f in irs] == [(1, Level.WARNING), (2, Level.WARNING)]
    assert "widget order (/Tabs /W" in irs[0].message
    (uscis,) = run("PL430", _sample(shared, "pdf/forms/bonniezhou-werk__uscis_i-765_exp2018.pdf"))
    assert "no tab order is set" in uscis.message


def test_xfa_w9_2018_says_its_fields_live_in_xfa(shared):
    document = _sample(shared, "pdf/forms/kentros-pdfs__irs_fw9_rev2018-10_xfa.pdf")
    found = lint(document, ("PL401", "PL904"))
    (xfa,) = [f for f in found if f.code == "PL904"]
    assert "XFA" in xfa.message and "22 AcroForm fields were checked instead" in xfa.message
    (names,) = [f for f in found if f.code == "PL401"]
    assert "XFA part of the form may name them" in names.message


def test_w3c_before_survey_has_every_unlabelled_control(shared):
    # Read from the HTML: the quick-menu select, six "favourite park" radios,
    # the city select, two title radios and three text boxes have no label
    # (the submit button is named by its value).
    document = _sample(shared, "html/w3c-wai-before-after/before/survey.html")
    found = run("PL401", document)
    assert Counter(f.location.field for f in found) == {
        "select#1": 1, "res": 6, "cc": 1, "t": 2, "em": 1, "n": 1, "ev": 1,
    }
    assert [s.text for f in found if f.location.field == "cc" for s in f.suggestions] == [
        "Which city do you find is the greenest?"
    ]
    groups = run("PL405", document)
    assert [f.location.field for f in groups] == ["res", "t"]
    assert groups[0].suggestions[0].text == "Which is your favorite city park?"


def test_w3c_after_survey_is_quiet(shared):
    assert lint(_sample(shared, "html/w3c-wai-before-after/after/survey.html")) == []


@pytest.mark.parametrize("folder", ["html/uswds", "html/govuk"])
def test_design_system_pages_are_quiet(shared, folder):
    pages = sorted((shared / "samples" / folder).glob("*.html"))
    assert pages
    for page in pages:
        assert lint(_sample(shared, f"{folder}/{page.name}")) == [], page.name


def test_word_legacy_fields_are_nameless_and_content_controls_named(shared):
    legacy = run("PL401", _sample(shared, "docx/docx4j__LegacyForms.docx"))
    assert [f.location.field for f in legacy] == ["Text1", "Check1", "Dropdown1"]
    # The text beside them ("Text form field", "Checkbox", "Drop down") names
    # only the kind of control: no name to offer.
    assert all(f.suggestions == [] for f in legacy)
    assert all("status-bar text" in f.message for f in legacy)
    assert lint(_sample(shared, "docx/docx4j__databinding_invoice_content_controls.docx")) == []
