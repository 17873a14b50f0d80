"""PL408 and PL410-PL413: sensitive data, federal paperwork notices and the
burden estimate, on the real forms in ../shared (skipped without it), on
odd input, and the pattern vocabulary's hygiene."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml
from support import PROJECT

from plainlint.config import Settings
from plainlint.document import Block, BlockKind, Document, FormField, Location, Segment
from plainlint.engine import check_document
from plainlint.extract import extract, read_source
from plainlint.forms.fields import field_words
from plainlint.forms.paperwork import (
    Sign,
    burden_status,
    federal_form,
    omb_expiration,
    privacy_status,
    stated_time,
)
from plainlint.forms.sensitive_data import SensitiveData
from plainlint.registry import default_registry

CODES = ("PL408", "PL410", "PL411", "PL412", "PL413")
PAPERWORK = ("PL410", "PL411", "PL412", "PL413")
#: The shared vocabularies, as the registry loaded them for the rules.
SIGN_ROWS = default_registry().get("PL410").data["vocab"]["federal-signs"]
SENSITIVE_ROWS = default_registry().get("PL408").data["vocab"]["sensitive-data"]
SIGNS = [Sign.from_row(row) for row in SIGN_ROWS]


def _findings(document: Document, codes=CODES, **options):
    settings = Settings(root=PROJECT, select=codes)
    rules = settings.enabled_rules(default_registry())
    if options:
        rule = default_registry().get(codes[0])
        return list(rule.run(document, {**rule.defaults(), **options}))
    return check_document(document, settings, rules)


def _counts(findings) -> dict[str, int]:
    return dict(Counter(finding.code for finding in findings))


_DOCUMENTS: dict[Path, Document] = {}


def _sample(shared: Path, relative: str) -> Document:
    path = shared / "samples" / relative
    if path not in _DOCUMENTS:
        _DOCUMENTS[path] = extract(read_source(path, str(path)))
    return _DOCUMENTS[path]


# -- the real forms ------------------------------------------------------------

#: What each real form carries, read from `plainlint extract` and checked by
#: hand: (OMB number, expiration shown, burden status, Privacy Act status).
FEDERAL_FORMS = {
    # The 1040 points to its separate instructions for both notices; IRS
    # forms carry no expiration date (OMB approves leaving it off).
    "pdf/forms/pdfjs__irs_f1040_2010.pdf": ("1545-0074", False, "pointer", "pointer"),
    # The W-9 has a Privacy Act notice (page 4) but no OMB number and no
    # Paperwork Reduction Act notice at all.
    "pdf/forms/HuzaifaHaleem-PDFControls__irs_fw9_rev2011-01.pdf": (None, False, "none", "statement"),
    "pdf/forms/kentros-pdfs__irs_fw9_rev2018-10_xfa.pdf": (None, False, "none", "statement"),
    # The 2016 I-765 shows "OMB No. 1615-0040; Expires 02/28/2018"; both
    # notices are only in its separate instructions, which it does not cite.
    "pdf/forms/bonniezhou-werk__uscis_i-765_exp2018.pdf": ("1615-0040", True, "none", "none"),
    # The W-4 carries both notices on page 3; its burden points to the
    # income tax return instructions ("For estimated averages, see ...").
    "pdf/forms/conmecto__irs_fw4_2025.pdf": ("1545-0074", False, "named", "statement"),
}

# PL408 stays quiet on forms that carry a Privacy Act statement or point to
# one (the W-9s, the W-4 and the 1040); the I-765 does neither.
EXPECTED = {
    "pdf/forms/pdfjs__irs_f1040_2010.pdf": {},
    "pdf/forms/HuzaifaHaleem-PDFControls__irs_fw9_rev2011-01.pdf": {"PL410": 1, "PL411": 1, "PL413": 1},
    "pdf/forms/kentros-pdfs__irs_fw9_rev2018-10_xfa.pdf": {"PL410": 1, "PL411": 1, "PL413": 1},
    "pdf/forms/bonniezhou-werk__uscis_i-765_exp2018.pdf": {"PL408": 5, "PL411": 1, "PL412": 1, "PL413": 1},
    "pdf/forms/conmecto__irs_fw4_2025.pdf": {},
    # Canadian: never a US federal form, however long.
    "pdf/forms/pdf-lib__cra_b300_cannabis_duty_combed_fields.pdf": {"PL413": 1},
    "pdf/forms/pypdf__FormTestFromOo_synthetic.pdf": {},
    # Not forms: they name agencies and forms but have nothing to fill in.
    "pdf/documents/pdfplumber__federal-register-2020-17221.pdf": {},
    "pdf/documents/plainlanguage-gov__FederalPLGuidelines_2011.pdf": {},
    "pdf/documents/pdfjs__irs_fw4_2012_flattened.pdf": {},
    "docx/plainlanguage-gov__FederalPLGuidelines_2011.docx": {},
    "docx/docx4j__LegacyForms.docx": {},
    "docx/docx4j__databinding_invoice_content_controls.docx": {},
}


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_findings_on_real_samples(shared, relative):
    assert _counts(_findings(_sample(shared, relative))) == EXPECTED[relative]


@pytest.mark.parametrize("relative", sorted(FEDERAL_FORMS))
def test_what_real_federal_forms_carry(shared, relative):
    number, expires, burden, privacy = FEDERAL_FORMS[relative]
    form = federal_form(_sample(shared, relative), 3, SIGNS)
    assert form is not None, "should look US federal"
    text = form.text.text
    found = form.match("omb-control-number")
    assert (re.sub(r"\D", "", found.group()) if found else None) == (number.replace("-", "") if number else None)
    assert (omb_expiration(text) is not None) == expires
    assert burden_status(text) == burden
    assert privacy_status(text) == privacy
    assert stated_time(text) is None  # none of them states its time on the form


@pytest.mark.parametrize(
    "relative",
    [
        "pdf/forms/pdf-lib__cra_b300_cannabis_duty_combed_fields.pdf",
        "pdf/forms/pypdf__FormTestFromOo_synthetic.pdf",
        "pdf/documents/pdfplumber__federal-register-2020-17221.pdf",
        "pdf/documents/plainlanguage-gov__FederalPLGuidelines_2011.pdf",
    ],
)
def test_not_judged_as_us_federal_forms(shared, relative):
    assert federal_form(_sample(shared, relative), 3, SIGNS) is None


def test_i765_findings_name_its_sensitive_fields(shared):
    findings = _findings(_sample(shared, "pdf/forms/bonniezhou-werk__uscis_i-765_exp2018.pdf"), ("PL408",))
    fields = {finding.location.field.split(".")[-1] for finding in findings}
    assert fields == {"ssn_s[0]", "alien_re_number[0]", "Date_of_Birth[0]", "place_of_birth[0]", "Gender[0]"}


def test_1040_groups_six_ssn_boxes_into_one_finding(shared):
    findings = _findings(_sample(shared, "pdf/forms/pdfjs__irs_f1040_2010.pdf"), ("PL408",), **{"when-explained": True})
    ssn = [f for f in findings if "Social Security" in f.message]
    assert len(ssn) == 1 and "6 fields" in ssn[0].message
    assert ssn[0].location.page == 1 and ssn[0].location.field.endswith("p1-t11[0]")
    assert any("RoutingNoRules" in f.location.field for f in findings)


def test_1040_without_the_irs_exemption_lacks_an_expiration_date(shared):
    document = _sample(shared, "pdf/forms/pdfjs__irs_f1040_2010.pdf")
    findings = _findings(document, ("PL410",), **{"expiration-exempt": []})
    assert len(findings) == 1 and "1545-0074" in findings[0].message
    assert findings[0].location.page == 1 and findings[0].location.line is not None


def test_i765_burden_estimate_shows_its_working(shared):
    document = _sample(shared, "pdf/forms/bonniezhou-werk__uscis_i-765_exp2018.pdf")
    (finding,) = _findings(document, ("PL413",))
    assert re.search(r"\d+ text fields x 8 s", finding.message)
    assert "words at 238 a minute" in finding.message and "2 attachments x 5 min" in finding.message
    slower = _findings(document, ("PL413",), **{"words-per-minute": 100})[0]
    assert slower.message != finding.message


def test_well_designed_html_forms_get_no_paperwork_findings(shared):
    pages = sorted((shared / "samples" / "html").rglob("*.html"))
    assert pages
    for page in pages:
        document = _sample(shared, str(page.relative_to(shared / "samples")))
        assert _findings(document, PAPERWORK) == [], page.name


def test_sensitive_data_on_html_samples_only_where_it_is_asked(shared):
    asking = {
        "bank-details__default.html", "equality-information__disability.html",
        "equality-information__sex-gender.html", "national-insurance-numbers__default.html",
        "question-pages__date-of-birth.html", "question-pages__passport.html",
        "usa-form__src__test__test-pattern__test-usa-form.html", "usa-memorable-date__src__usa-memorable-date.html",
    }
    found = set()
    for page in sorted((shared / "samples" / "html").rglob("*.html")):
        if _findings(_sample(shared, str(page.relative_to(shared / "samples"))), ("PL408",)):
            found.add(page.name)
    assert found == asking


def test_cli_reports_paperwork_findings_on_the_i765(shared):
    from click.testing import CliRunner

    from plainlint.cli import main

    path = shared / "samples" / "pdf/forms/bonniezhou-werk__uscis_i-765_exp2018.pdf"
    result = CliRunner().invoke(main, ["check", "--select", "PL410,PL411,PL412", str(path)])
    assert result.exit_code == 1, result.output
    assert f"{path}:p1:l" in result.output and "PL411 [warning]" in result.output
    assert "PL412 [warning]" in result.output and "PL410" not in result.output


# -- odd input -----------------------------------------------------------------


def _form(blocks=(), fields=(), title=None, path="form.pdf") -> Document:
    document = Document(path, "pdf", metadata={"title": title} if title is not None else {})
    for index, text in enumerate(blocks):
        document.blocks.append(Block(BlockKind.PARAGRAPH, text, path, [Segment(0, index + 1, 1, 1)]))
    document.fields.extend(fields)
    return document


def _field(name="", kind="text", **values) -> FormField:
    return FormField(name=name, kind=kind, location=Location("form.pdf", field=name or None), **values)


def test_empty_document_and_empty_form():
    assert _findings(Document("empty.pdf", "pdf")) == []
    assert _findings(_form(["Internal Revenue Service"])) == []


def test_fields_without_names_labels_or_pages():
    document = _form(["U.S. Department of Labor"], [_field() for _ in range(4)])
    findings = _findings(document)
    assert _counts(findings) == {"PL410": 2, "PL411": 1}
    assert all(f.location.path == "form.pdf" for f in findings)


def test_federal_sign_only_in_the_title_has_a_front_page_location():
    document = _form([], [_field(f"f{i}") for i in range(3)], title="Form W-9 (Rev. 2011)")
    (finding,) = _findings(document, ("PL411",))
    assert finding.location == Location("form.pdf", page=None)
    assert _findings(_form([], [_field(f"f{i}") for i in range(3)], title=5), ("PL411",)) == []


def test_thousands_of_fields_make_one_finding_per_kind():
    fields = [_field(f"ssn_{i}", nearby_text="Social security number") for i in range(5000)]
    fields.append(_field("applicant_dob"))
    document = _form(["Department of Homeland Security. OMB No. 1615-0040; Expires 02/28/2018"], fields)
    started = time.perf_counter()
    findings = _findings(document)
    assert time.perf_counter() - started < 10
    messages = sorted(f.message for f in findings if f.code == "PL408")
    assert len(messages) == 2
    assert "Social Security" in messages[0] and "(5,000 fields:" in messages[0]
    assert _counts(findings) == {"PL408": 2, "PL411": 1, "PL412": 1, "PL413": 1}


def test_buttons_signatures_and_search_boxes_do_not_make_a_form():
    fields = [_field("go", "submit"), _field("sig", "signature"), _field("q", "search"), _field("x", "text")]
    assert federal_form(_form(["Internal Revenue Service"], fields), 2, SIGNS) is None


# -- the patterns --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("Public reporting burden is estimated to average 30 minutes per response.", 30),
        ("USCIS estimates that the time necessary to complete this collection is approximately 4.75 hours.", 285),
        ("It takes 1 to 2 hours.", 120),
        ("The estimated average time is: Recordkeeping, 2 hr., 10 min.; Learning about the law or the form, "
         "1 hr.; Preparing the form, 1 hr., 5 min.", 255),
        ("It takes about 15 minutes. If you need more than 20 minutes, save your work.", 15),
        ("Call us: lines are open 8 hours a day.", None),
    ],
)
def test_stated_time(text, minutes):
    stated = stated_time(text)
    assert (stated.minutes if stated else None) == minutes


def test_expiration_must_be_printed_near_the_omb_number():
    assert omb_expiration("OMB No. 1615-0040; Expires 02/28/2018")
    assert omb_expiration("OMB Control Number 0648-0397\nExpiration Date: 12/31/2025")
    far = "OMB No. 1545-0074\n" + "Enter your details. " * 30 + "Your exemption expires February 18, 2013."
    assert omb_expiration(far) is None


@pytest.mark.parametrize(
    "text, status",
    [
        ("For Privacy Act and Paperwork Reduction Act Notice, see page 3.", "pointer"),
        ("Privacy Act and Paperwork Reduction Act Notice. We ask for the information to ...", "statement"),
        ("ROUTINE USES: we may share this with the Department of Justice.", "statement"),
        ("Your privacy matters to us.", "none"),
    ],
)
def test_privacy_status(text, status):
    assert privacy_status(text) == status


@pytest.mark.parametrize(
    "text, federal",
    [
        ("U.S. Department of Justice", True),
        ("Department of Justice Canada", False),
        ("Personal information is protected under the Privacy Act.", False),
        ("Privacy Act of 1974 (5 U.S.C. 552a)", True),
        ("Complete Form I-765 and Form W-2G", True),
        ("Form B301, Application for a Refund", False),
        ("OMB No. 1545-0074", True),
        ("unless the form displays a valid OMB control number.", False),
    ],
)
def test_federal_signs(text, federal):
    assert (federal_form(_form([text], [_field(f"f{i}") for i in range(3)]), 3, SIGNS) is not None) == federal


def test_every_federal_sign_names_what_it_is():
    assert [sign.key for sign in SIGNS if sign.key] == ["omb-control-number"]
    for row, sign in zip(SIGN_ROWS, SIGNS, strict=True):
        assert sign.what and ("pattern" in row) != ("agency" in row), row


@pytest.mark.parametrize(
    "values, kinds",
    [
        ({"name": "topmostSubform[0].Page1[0].f1_05[0]", "nearby_text": "(b) Social security number"}, ["national-id"]),
        ({"name": "alien_re_number"}, ["immigration-number"]),
        ({"name": "RoutingNoRules"}, ["financial-account"]),
        ({"name": "dob-day", "label": "Day", "group": "What is your date of birth?"}, ["date-of-birth"]),
        ({"name": "x", "autocomplete": "bday-year"}, ["date-of-birth"]),
        ({"name": "x", "kind": "radio", "label": "Yes", "group": "Do you have any physical or mental health conditions?"}, ["health"]),
        ({"name": "p1-t17", "nearby_text": "Married filing separately. Enter spouse’s SSN above"}, []),
        ({"name": "c", "nearby_text": "Please remit funds to ABC Bank, account number 123 456 789."}, []),
        ({"name": "f", "nearby_text": "Employer identification number"}, []),
        ({"name": "BusinessInfo[0].AccountNumber[0].BusinessNumber_RT1[0]"}, []),
        ({"name": "passport-issued-day", "group": "When was your passport issued?"}, []),
        ({"name": "Sussex_address"}, []),
    ],
)
def test_kinds_of_fields(values, kinds):
    assert [kind.key for kind in SensitiveData(SENSITIVE_ROWS).kinds_of(_field(**values))] == kinds


def test_field_words():
    assert field_words("USCISOnlineAccountNumber") == "uscis online account number"
    assert field_words("form1[0].#subform[0].ssn_s[0]") == "form 1 0 subform 0 ssn s 0"
    assert field_words(None) == ""


def test_sensitive_vocabulary_is_clean():
    keys = [row["key"] for row in SENSITIVE_ROWS]
    assert len(keys) == len(set(keys))
    for row in SENSITIVE_ROWS:
        assert row["advice"] and row["name"], row["key"]
        for phrase in (*row["phrases"], *row["name-words"]):
            assert phrase == phrase.lower() and phrase.strip() == phrase, (row["key"], phrase)
        for words in (row["phrases"], row.get("acronyms", []), row["name-words"]):
            assert len(words) == len(set(words)), row["key"]


@pytest.mark.parametrize("spec", ["PL408-sensitive-data.yml", "PL412-privacy-act-statement.yml"])
def test_spec_kinds_default_to_every_kind(spec):
    data = yaml.safe_load((PROJECT / "rules" / spec).read_text(encoding="utf-8"))
    assert data["options"]["kinds"]["default"] == [row["key"] for row in SENSITIVE_ROWS]


# -- the estimate --------------------------------------------------------------


def test_estimate_counts_radio_groups_once_and_files_as_attachments():
    from plainlint.checks.forms.burden import attachment_requests, estimate

    fields = [
        _field("r", "radio"), _field("r", "radio"), _field("r", "radio"),
        _field("notes", "text", attrs={"multiline": True}),
        _field("cents", "text", max_length=2),
        _field("proof", "file"),
        _field("go", "submit"),
    ]
    blocks = ["Attach Schedule SE. Attach Schedule SE if required.", "Do not attach receipts.",
              "Enclose a copy of your lease. Attach Form 4797."]
    document = _form(blocks, fields)
    assert attachment_requests(document) == {"schedule se", "lease", "form 4797"}
    rule = default_registry().get("PL413")
    parts = {part.what[1]: part.count for part in estimate(document, rule.defaults())}
    assert parts == {"short boxes": 1, "multi-line fields": 1, "choices": 1, "words": 21, "attachments": 4}
