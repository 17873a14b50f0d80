"""The form rules on required fields, dates and HTML code (PL403, PL404,
PL406, PL407, PL420-PL423): the real forms in ../shared, real pages broken on
purpose, odd and huge input, and the word lists in their specs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from support import PROJECT

from plainlint.checks.forms.html import Autofill
from plainlint.cli import main
from plainlint.config import Settings
from plainlint.document import Document, FormField, Location
from plainlint.engine import check_document
from plainlint.extract import Source, extract
from plainlint.extract.html.reader import parse_html
from plainlint.forms.fields import field_words
from plainlint.forms.purpose import Phrases, date_part, machine_words
from plainlint.registry import default_registry

CODES = ("PL403", "PL404", "PL406", "PL407", "PL420", "PL421", "PL422", "PL423")


def findings(document: Document, codes=CODES):
    settings = Settings(root=PROJECT, select=codes)
    return check_document(document, settings, settings.enabled_rules(default_registry()))


def counts(document: Document) -> dict[str, int]:
    found = findings(document)
    return {code: n for code in CODES if (n := sum(f.code == code for f in found))}


def html(text: str) -> Document:
    return parse_html(text, "t.html")


# -- the real forms ------------------------------------------------------------

#: What fires on each real form; every file not listed must stay silent. Each
#: finding was read and judged right:
#: - USWDS create-account: "Create password" is required but, unlike the other
#:   required fields, carries no asterisk (PL403).
#: - USWDS address form: the State select shows an asterisk but is not
#:   required in the code (PL404).
#: - USWDS templates and the W3C "after" survey ask for names, addresses,
#:   emails, passwords and dates of birth with no autocomplete token (PL420,
#:   WCAG 2.2 SC 1.3.5); the GOV.UK pages set them.
#: - W3C "after" survey: the two email boxes are type="text" (PL422).
#: - USCIS I-765: the date of birth is one box (PL407, a suggestion).
EXPECTED = {
    "html/uswds/templates__usa-address-form.html": {"PL404": 1, "PL420": 5},
    "html/uswds/templates__usa-create-account__usa-create-account.html": {"PL403": 1, "PL420": 2},
    "html/uswds/templates__usa-name-form.html": {"PL420": 4},
    "html/uswds/templates__usa-password-reset-form.html": {"PL420": 2},
    "html/uswds/templates__usa-sign-in__usa-sign-in-form__usa-sign-in-form.html": {"PL420": 2},
    "html/uswds/usa-form__src__test__test-pattern__test-usa-form.html": {"PL420": 3},
    "html/uswds/usa-memorable-date__src__usa-memorable-date.html": {"PL420": 3},
    "html/w3c-wai-before-after/after/survey.html": {"PL420": 3, "PL422": 2},
    "pdf/forms/bonniezhou-werk__uscis_i-765_exp2018.pdf": {"PL407": 1},
}


def _real_forms(shared: Path) -> list[Path]:
    samples = shared / "samples"
    found = sorted((samples / "html").rglob("*.html"))
    found += sorted((samples / "pdf" / "forms").glob("*.pdf")) + sorted((samples / "docx").glob("*.docx"))
    return found


def _read(path: Path) -> Document:
    return extract(Source(str(path), path.read_bytes()))


def test_real_forms_draw_only_the_findings_judged_right(shared):
    forms = _real_forms(shared)
    assert len(forms) > 30
    seen = {}
    for path in forms:
        name = path.relative_to(shared / "samples").as_posix()
        seen[name] = counts(_read(path))
    assert {name: found for name, found in seen.items() if found} == EXPECTED


def test_design_system_findings_name_the_right_fields_and_tokens(shared):
    page = _read(shared / "samples/html/uswds/templates__usa-address-form.html")
    found = {(f.location.field, f.suggestions[0].text) for f in findings(page, ("PL420",))}
    assert found == {
        ("mailing-address-1", 'autocomplete="address-line1"'),
        ("mailing-address-2", 'autocomplete="address-line2"'),
        ("city", 'autocomplete="address-level2"'),
        ("state", 'autocomplete="address-level1"'),
        ("zip", 'autocomplete="postal-code"'),
    }
    [marked] = findings(page, ("PL404",))
    assert marked.location.field == "state" and marked.location.line == 22


def _govuk(shared: Path, name: str) -> str:
    return (shared / "samples" / "html" / "govuk" / name).read_text(encoding="utf-8")


def test_real_page_with_its_hint_untied_fires(shared):
    page = _govuk(shared, "national-insurance-numbers__default.html")
    assert not findings(html(page), ("PL421",))
    [finding] = findings(html(re.sub(r'\saria-describedby="[^"]*"', "", page)), ("PL421",))
    assert finding.location.field == "nationalInsuranceNumber"
    assert finding.suggestions == [] and finding.hints == [
        'add aria-describedby="national-insurance-number-hint" to the control'
    ]


def test_real_date_group_with_its_hint_untied_fires_once(shared):
    page = _govuk(shared, "dates__default.html").replace('aria-describedby="passport-issued-hint"', "")
    [finding] = findings(html(page), ("PL421",))
    assert "2 more field(s)" in finding.message
    assert finding.hints == ['add aria-describedby="passport-issued-hint" to the fieldset']


def test_real_page_with_a_broken_label_fires(shared):
    page = _govuk(shared, "email-addresses__default.html").replace('for="email"', 'for="e-mail"')
    [finding] = findings(html(page), ("PL423",))
    assert 'id "e-mail"' in finding.message and "no name for screen readers" in finding.message
    assert finding.hints == ['for="email"']


def test_real_page_with_the_wrong_type_and_no_token_fires(shared):
    page = _govuk(shared, "email-addresses__default.html").replace('type="email"', 'type="text"')
    assert [f.code for f in findings(html(page))] == ["PL422"]
    page = _govuk(shared, "question-pages__date-of-birth.html").replace('autocomplete="bday-day"', "")
    [finding] = findings(html(page))
    assert (finding.code, finding.suggestions[0].text) == ("PL420", 'autocomplete="bday-day"')


# -- odd, empty and huge input -------------------------------------------------


def test_empty_forms_draw_nothing():
    for document in (Document("e.html", "html"), Document("e.pdf", "pdf"), html("<p>No form here.</p>")):
        assert findings(document) == []


def test_fields_without_names_labels_or_pages_and_odd_attrs_do_not_crash():
    for source_format in ("html", "pdf", "docx"):
        where = Location(f"x.{source_format}")
        odd = [
            FormField("", "text", where, required=True),
            FormField("date", "date", where, attrs={"format": None}),
            FormField("dob", "text", where, label="Date of birth", autocomplete="   "),
            FormField("w", "weird", where, attrs={"adjacent_hints": [{}], "broken_refs": [{}]}),
            FormField("r", "radio", where, required=True, group=""),
            FormField("e", "email", where, autocomplete="section- billing mobile"),
        ]
        found = findings(Document(where.path, source_format, fields=odd))
        assert found, source_format  # the unmarked required fields, the undated date box...
        for finding in found:
            assert finding.message and '""' not in finding.message and finding.location.path == where.path


def test_malformed_label_references_give_clear_findings_not_tracebacks():
    page = html(
        '<form><label for>Empty</label><input name="a">'
        '<label for="  ">Blank</label><input name="b" aria-labelledby="  " aria-describedby="x y">'
        '<input type="hidden" id="h"><label for="h">Hidden</label><input name="c">'
        '<label for="ünï">Unicode</label><input name="d"></form><label for="none">After all</label>'
    )
    found = findings(page, ("PL423",))
    assert len(found) >= 5
    assert all('"' in f.message and f.hints for f in found)
    assert any("an <input>, not a form field" in f.message or "<input>" in f.message for f in found)


def test_thousands_of_fields_are_checked():
    rows = "".join(
        f'<label for="e{n}">Email address *</label><div class="usa-hint">Work email {n}</div>'
        f'<input id="e{n}" name="email{n}" type="text" required>'
        for n in range(2000)
    )
    document = html(f"<form>{rows}</form>")
    found = counts(document)
    assert found["PL420"] == found["PL421"] == found["PL422"] == 2000
    assert found["PL404"] == 2  # every question marked required, and the asterisk never explained


def test_pdf_and_docx_forms_use_the_same_rules():
    pdf = Document("f.pdf", "pdf", fields=[
        FormField("RadioGroup1", "radio", Location("f.pdf", page=2), required=True, nearby_text="Filing status"),
        FormField("f1_02", "text", Location("f.pdf", page=2), nearby_text="Spouse name"),
        FormField("f1_03", "text", Location("f.pdf", page=2), nearby_text="Date of birth"),
    ])
    assert counts(pdf) == {"PL403": 1, "PL406": 1, "PL407": 1}
    docx = Document("f.docx", "docx", fields=[
        FormField("When", "date", Location("f.docx", line=4), label="Start date", label_source="alias"),
    ])
    [finding] = findings(docx)
    assert finding.code == "PL406" and finding.suggestions[0].text == "Start date (MM/DD/YYYY)"


def test_cli_reports_html_form_findings_with_their_line(tmp_path):
    page = tmp_path / "form.html"
    page.write_text('<form>\n<label for="e">Email</label>\n<input id="e" name="email" type="text">\n</form>\n')
    result = CliRunner().invoke(main, ["check", "--select", "PL420,PL422", "--no-model", str(page)])
    assert result.exit_code == 1
    assert f"{page}:3:1: PL420" in result.stdout and f"{page}:3:1: PL422" in result.stdout


# -- the matching machinery ----------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [("Line3_ZipCode", "line 3 zip code"), ("eMail Address:", "e mail address"), ("dob-day", "dob day")],
)
def test_words_split_code_names_and_labels(text, expected):
    assert field_words(text) == expected


def test_machine_words_take_a_pdf_path_s_last_part_and_skip_made_up_names():
    pdf = FormField("form1[0].#subform[0].Date_of_Birth[0]", "text", Location("f.pdf"))
    assert machine_words(pdf) == ["date of birth"]
    assert machine_words(FormField("text#3", "text", Location("f.html"))) == []


def test_date_parts_come_from_the_label_or_the_end_of_the_name():
    assert date_part(FormField("x", "text", Location("f"), label="Month")) == "month"
    assert date_part(FormField("dob-year", "text", Location("f"), label="YYYY")) == "year"
    assert date_part(FormField("year", "text", Location("f"), label="Tax year")) is None


def test_longest_phrase_wins_and_exact_phrases_need_the_whole_text():
    phrases = Phrases(
        [{"k": "a", "match": ["address"]}, {"k": "b", "match": ["email address"]}, {"k": "c", "exact": ["name"]}]
    )
    assert phrases.find("your email address").entry["k"] == "b"
    assert phrases.find("name").entry["k"] == "c" and phrases.find("business name") is None


@pytest.mark.parametrize(
    "value, valid",
    [
        ("email", True), ("SHIPPING Postal-Code", True), ("section-a billing mobile tel", True),
        ("mobile tel webauthn", True), ("off", True), ("on", True),
        ("zip", False), ("mobile postal-code", False), ("email name", False), ("webauthn", False),
        ("billing section-a email", False),
    ],
)
def test_autocomplete_grammar_follows_the_html_standard(value, valid):
    name, problem = Autofill(default_registry().get("PL420")).problem(value)
    assert (problem is None) == valid and (name is not None) == valid


# -- the specs' word lists -----------------------------------------------------

SPECS = {
    path.name[:5]: yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in (PROJECT / "rules").glob("PL4*.yml")
}
@pytest.mark.parametrize("code", ["PL406", "PL407", "PL420", "PL422"])
def test_every_entry_names_its_source_and_no_phrase_is_listed_twice(code):
    seen: set[str] = set()
    for entry in SPECS[code]["entries"]:
        assert entry.get("source"), f"{code}: {entry} has no source"
        for phrase in [*(entry.get("match") or ()), *(entry.get("exact") or ())]:
            key = f"{'exact:' if phrase in (entry.get('exact') or ()) else ''}{field_words(phrase)}"
            assert key not in seen, f"{code}: {phrase!r} is listed twice"
            seen.add(key)


def test_autocomplete_tokens_are_the_standard_s_and_listed_once():
    tokens = [e["token"] for e in SPECS["PL420"]["entries"] if "token" in e]
    assert len(tokens) == len(set(tokens)) and len(tokens) >= 53
    for entry in SPECS["PL420"]["entries"]:
        for token in [*(entry.get("parts") or {}).values(), *(entry.get("on") or {}).values()]:
            assert token in tokens, token


def test_date_format_patterns_compile_and_recognise_real_hints():
    patterns = [re.compile(e["pattern"], re.I) for e in SPECS["PL406"]["entries"] if e["kind"] == "format"]
    for hint in ("mm/dd/yyyy", "For example, 27 3 2024", "For example: January 19 2000", "Year 4 digits",
                 "as 2-digit Month, 2-digit Day, and 4-digit Year", "(mm/dd/yyy)", "DDMMYYYY"):
        assert any(p.search(hint) for p in patterns), hint
    assert not any(p.search("Enter your full name") for p in patterns)
