"""`plainlint annotate FILE.pdf`: each finding a highlight with a pop-up note
on exactly its words (pages turned by /Rotate included) or on its form
field's widget, added as an incremental update so the original bytes, form
fields and tags are untouched; checked with pypdf, pdfium and poppler's
pdftoppm, on PDFs built here and on the real samples."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas
from support import SHARED

from plainlint.cli import main
from plainlint.document import Finding, Level, Location
from plainlint.report.annotate_pdf import annotate_pdf

SENTENCE = "The form shall be submitted by the applicant before the deadline."
PDFTOPPM = shutil.which("pdftoppm")


def _letter_pdf(path, rotate_second: bool = True) -> bytes:
    """Two pages of prose (the second turned by /Rotate 90) and a text box
    with no tooltip on the first: findings on words and on a field."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter, invariant=1)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 700, SENTENCE)
    pdf.drawString(72, 684, "In order to apply, utilize the portal.")
    pdf.acroForm.textfield(name="applicant", x=72, y=600, width=200, height=18)
    pdf.showPage()
    pdf.setFont("Helvetica", 11)
    if rotate_second:  # shown turned clockwise, so the text runs up the page to read upright
        pdf.setPageRotation(90)
        pdf.rotate(90)
        pdf.drawString(100, -300, "Payment shall be made in order to commence the review.")
    else:
        pdf.drawString(72, 500, "Payment shall be made in order to commence the review.")
    pdf.showPage()
    pdf.save()
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def _annotate(source, copy, *extra):
    return CliRunner().invoke(main, ["annotate", "--no-model", *extra, str(source), "--output", str(copy)])


def _findings(path) -> list[dict]:
    run = CliRunner().invoke(main, ["check", "--no-cache", "--no-model", "--format", "json", str(path)])
    return json.loads(run.output)["findings"]


def _notes(path) -> list[tuple[int, dict]]:
    """(page index, annotation) for every highlight plainlint added."""
    reader = PdfReader(path)
    return [(index, ref.get_object()) for index, page in enumerate(reader.pages) for ref in page.get("/Annots") or ()
            if ref.get_object().get("/Subtype") == "/Highlight" and ref.get_object().get("/T") == "plainlint"]


def _text_under(path, index: int, note: dict) -> str:
    """The page's text inside the highlight's box, read by pdfium."""
    points = [float(value) for value in note["/QuadPoints"]]
    xs, ys = points[0::2], points[1::2]
    page = pdfium.PdfDocument(str(path))[index]
    return page.get_textpage().get_text_bounded(min(xs) + 0.5, min(ys) + 1, max(xs) - 0.5, max(ys) - 1)


def _squeezed(text: str) -> str:
    return re.sub(r"[\s\-\u00ad\x02]+", "", text)


def _on_their_words(copy, findings: list[dict]) -> tuple[int, int]:
    """(findings on one line of text, those whose note's box holds exactly
    their words), pairing notes and findings by heading in order."""
    by_heading: dict[str, list] = {}
    for index, note in _notes(copy):
        by_heading.setdefault(str(note["/Contents"]).split("\n")[0], []).append((index, note))
    checked = right = 0
    for finding in findings:
        location = finding["location"]
        if not location.get("line") or location.get("end_line", location["line"]) != location["line"]:
            continue
        heading = f'{finding["code"]} {finding["name"]} [{finding["level"]}]: {finding["message"]}'
        index, note = by_heading[heading].pop(0)
        checked += 1
        right += index == location["page"] - 1 and (
            _squeezed(finding["matched"]) in _squeezed(_text_under(copy, index, note)))
    return checked, right


def test_each_finding_is_a_highlight_on_exactly_its_words(tmp_path):
    source, copy = tmp_path / "letter.pdf", tmp_path / "notes.pdf"
    original = _letter_pdf(source)
    run = _annotate(source, copy)
    assert run.exit_code == 0, run.output
    findings = _findings(source)
    notes = _notes(copy)
    assert len(notes) == len(findings) and int(re.search(r"(\d+) notes on the text", run.output).group(1)) == len(findings)
    on_words = [f for f in findings if f["location"].get("line")]
    assert {f["location"]["page"] for f in on_words} == {1, 2}  # the turned page too
    checked, right = _on_their_words(copy, findings)
    assert checked == right == len(on_words)
    for _, note in notes:
        assert str(note["/Contents"]).startswith(note["/Subj"] + " ")
        assert note["/Popup"].get_object()["/Parent"].get_object() == note
    assert source.read_bytes() == original  # the input is never changed
    assert copy.read_bytes().startswith(original)  # an incremental update: the original bytes come first


def test_a_field_finding_sits_on_the_fields_widget_and_the_form_is_untouched(tmp_path):
    source, copy = tmp_path / "letter.pdf", tmp_path / "notes.pdf"
    _letter_pdf(source)
    assert _annotate(source, copy).exit_code == 0
    field_findings = [f for f in _findings(source) if f["location"].get("field") == "applicant"]
    assert field_findings, "the text box without a tooltip should have findings"
    widget = PdfReader(source).pages[0]["/Annots"][0].get_object()
    on_widget = [note for _, note in _notes(copy)
                 if [round(float(v)) for v in note["/Rect"]] == [round(float(v)) for v in widget["/Rect"]]]
    assert len(on_widget) == len(field_findings)
    assert PdfReader(copy).get_fields().keys() == PdfReader(source).get_fields().keys()


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm is not installed (apt install poppler-utils)")
def test_poppler_draws_the_highlights(tmp_path):
    source, copy = tmp_path / "letter.pdf", tmp_path / "notes.pdf"
    _letter_pdf(source, rotate_second=False)
    assert _annotate(source, copy).exit_code == 0
    index, note = next((index, note) for index, note in _notes(copy) if "PL111" in str(note["/Contents"])
                       or "shall" in str(note["/Contents"]))
    x0, y0, x1, y1 = (float(value) for value in note["/Rect"])
    pictures = {}
    for name, path in (("before", source), ("after", copy)):
        subprocess.run([PDFTOPPM, "-r", "72", "-f", str(index + 1), "-l", str(index + 1), "-png", str(path),
                        str(tmp_path / name)], check=True, timeout=60)
        pictures[name] = Image.open(next(tmp_path.glob(f"{name}*.png"))).convert("RGB")
    height = pictures["after"].height
    # A point inside the highlight, between the letters' strokes (1 px = 1 pt at 72 dpi).
    spot = (int(x0) + 1, height - int(y1) + 1)
    assert pictures["before"].getpixel(spot) == (255, 255, 255)
    assert pictures["after"].getpixel(spot) != (255, 255, 255)


def test_findings_without_a_place_go_into_one_note_on_the_first_page(tmp_path):
    source = tmp_path / "letter.pdf"
    _letter_pdf(source)

    nowhere = Finding("PL900", "test", Level.WARNING, "about the whole file", Location(str(source)))
    annotated = annotate_pdf(source.read_bytes(), [nowhere])
    assert (annotated.placed, annotated.apart) == (0, 1)
    notes = [ref.get_object() for ref in PdfReader(io.BytesIO(annotated.data)).pages[0]["/Annots"]
             if ref.get_object()["/Subtype"] == "/Text"]
    assert len(notes) == 1 and "about the whole file" in str(notes[0]["/Contents"])


def test_what_annotate_refuses_for_pdfs(tmp_path):
    source = tmp_path / "letter.pdf"
    _letter_pdf(source)
    same = _annotate(source, source)
    assert same.exit_code == 2 and "would be overwritten" in same.output
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF")
    bad = _annotate(broken, tmp_path / "out.pdf")
    assert bad.exit_code == 3 and "error" in bad.output and not (tmp_path / "out.pdf").exists()
    assert "Traceback" not in bad.output
    locked = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=str(source))
    writer.encrypt("", "owner")
    with locked.open("wb") as out:
        writer.write(out)
    refused = _annotate(locked, tmp_path / "locked-notes.pdf")
    assert refused.exit_code == 3 and "encrypted" in refused.output and "Traceback" not in refused.output


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (real sample documents) is not present")
@pytest.mark.parametrize("sample", ["forms/HuzaifaHaleem-PDFControls__irs_fw9_rev2011-01.pdf",
                                    "documents/plainlanguage-gov__FederalPLGuidelines_2011.pdf"])
def test_real_pdfs_get_their_notes_in_place(tmp_path, sample):
    source = SHARED / "samples" / "pdf" / sample
    copy = tmp_path / "notes.pdf"
    run = _annotate(source, copy)
    assert run.exit_code == 0, run.output
    findings = _findings(source)
    notes = _notes(copy)
    assert len(notes) >= 0.95 * len(findings), (len(notes), len(findings))
    checked, right = _on_their_words(copy, findings)
    assert checked >= 0.25 * len(findings) and right >= 0.95 * checked, (checked, right)
    assert copy.read_bytes().startswith(source.read_bytes())
    assert (PdfReader(copy).get_fields() or {}).keys() == (PdfReader(source).get_fields() or {}).keys()
