"""`plainlint annotate`: a Word copy with each finding as a comment on exactly
the words it is about; the input unchanged; checked in LibreOffice."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from click.testing import CliRunner
from lxml import etree
from support import SHARED

from plainlint.cli import main

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice")


def _letter(path) -> None:
    document = docx.Document()
    document.add_heading("Notice of determination", 1)
    paragraph = document.add_paragraph("Pursuant to the regulations, the applicant ")
    paragraph.add_run("shall").bold = True
    paragraph.add_run(" submit all required documentation prior to the deadline in order to facilitate a decision.")
    document.add_paragraph("In the event that the form is not received by the office, the application shall be deemed null and void.")
    document.save(path)


def _commented_text(data: bytes) -> dict[str, str]:
    """The text inside each comment's range, by comment id (ranges may nest
    or overlap)."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    open_ids: list[str] = []
    texts: dict[str, str] = {}
    for element in root.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.append(element.get(f"{W}id"))
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.remove(element.get(f"{W}id"))
        elif element.tag == f"{W}t":
            for comment in open_ids:
                texts[comment] = texts.get(comment, "") + (element.text or "")
    return texts


def _findings(path) -> list[dict]:
    run = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", str(path)])
    return json.loads(run.output)["findings"]


def test_every_finding_is_a_comment_on_exactly_its_words(tmp_path):
    source, copy = tmp_path / "letter.docx", tmp_path / "annotated.docx"
    _letter(source)
    before = source.read_bytes()
    run = CliRunner().invoke(main, ["annotate", "--no-changes", str(source), "--output", str(copy)])
    assert run.exit_code == 0, run.output
    assert source.read_bytes() == before  # the input is never changed
    findings = _findings(source)
    annotated = docx.Document(copy)
    comments = list(annotated.comments)
    assert len(comments) == len(findings) > 5 and {c.author for c in comments} == {"plainlint"}
    ranges = _commented_text(copy.read_bytes())
    by_id = {str(comment.comment_id): comment.text for comment in comments}
    for finding in findings:
        assert any(ranges.get(i) == finding["matched"] and finding["code"] in by_id[i] for i in by_id), finding
    assert [p.text for p in annotated.paragraphs] == [p.text for p in docx.Document(source).paragraphs]
    assert any(run.bold and run.text == "shall" for run in annotated.paragraphs[1].runs)  # formatting kept


def _accepted_and_rejected(data: bytes) -> tuple[list[str], list[str]]:
    """Each paragraph's text with every tracked change accepted, and rejected."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    accepted, rejected = [], []
    for paragraph in root.iter(f"{W}p"):
        pieces = list(paragraph.iter(f"{W}t", f"{W}delText"))
        inserted = {id(t) for ins in paragraph.iter(f"{W}ins") for t in ins.iter(f"{W}t")}
        accepted.append("".join(t.text or "" for t in pieces if t.tag == f"{W}t"))
        rejected.append("".join(t.text or "" for t in pieces if id(t) not in inserted))
    return accepted, rejected


def test_safe_rewrites_are_tracked_changes_to_accept_or_reject(tmp_path):
    source, copy = tmp_path / "letter.docx", tmp_path / "annotated.docx"
    _letter(source)
    run = CliRunner().invoke(main, ["annotate", str(source), "--output", str(copy)])
    safe = [f for f in _findings(source) if len(f["suggestions"]) == 1 and f["suggestions"][0]["confidence"] == "safe"]
    assert f"{len(safe)} tracked changes" in run.output and len(safe) >= 3
    accepted, rejected = _accepted_and_rejected(copy.read_bytes())
    assert rejected == [p.text for p in docx.Document(source).paragraphs]  # rejecting all gives the original back
    expected = [p.text for p in docx.Document(source).paragraphs]
    for finding in sorted(safe, key=lambda f: -f["location"]["column"]):
        line, column = finding["location"]["line"] - 1, finding["location"]["column"] - 1
        text = expected[line]
        assert text[column : column + len(finding["matched"])] == finding["matched"]
        expected[line] = text[:column] + finding["suggestions"][0]["text"] + text[column + len(finding["matched"]):]
    assert accepted == expected  # accepting all applies exactly the safe rewrites
    assert "before the deadline to facilitate" in accepted[1]


def test_what_annotate_refuses(tmp_path):
    source = tmp_path / "letter.docx"
    _letter(source)
    same = CliRunner().invoke(main, ["annotate", str(source), "--output", str(source)])
    assert same.exit_code == 2 and "would be overwritten" in same.output
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    bad = CliRunner().invoke(main, ["annotate", str(broken), "--output", str(tmp_path / "out.docx")])
    assert bad.exit_code == 3 and "error" in bad.output and not (tmp_path / "out.docx").exists()
    template = tmp_path / "template.docx"  # read by the extractor, refused by python-docx
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(template, "w") as changed:
        for name in original.namelist():
            data = original.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            changed.writestr(name, data)
    odd = CliRunner().invoke(main, ["annotate", str(template), "--output", str(tmp_path / "t.docx")])
    assert odd.exit_code == 3 and "cannot write comments into this file" in odd.output
    assert len(odd.output.strip().splitlines()) == 1 and "Traceback" not in odd.output


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt install libreoffice-writer-nogui)")
def test_libreoffice_reads_every_comment(tmp_path):
    source, copy = tmp_path / "letter.docx", tmp_path / "annotated.docx"
    _letter(source)
    CliRunner().invoke(main, ["annotate", str(source), "--output", str(copy)])
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile}", "--convert-to", "odt",
                    "--outdir", str(tmp_path), str(copy)], capture_output=True, timeout=180, check=True)
    content = zipfile.ZipFile(tmp_path / "annotated.odt").read("content.xml").decode()
    annotations = re.findall(r"<office:annotation[ >].*?</office:annotation>", content, re.S)
    findings = _findings(source)
    assert len(annotations) == len(findings)
    assert all("plainlint" in annotation for annotation in annotations)
    safe = [f for f in findings if len(f["suggestions"]) == 1 and f["suggestions"][0]["confidence"] == "safe"]
    assert len(re.findall("<text:changed-region", content)) == 2 * len(safe)  # a deletion and an insertion each


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (real sample documents) is not present")
def test_a_real_word_document_gets_its_comments_in_place(tmp_path):
    source = SHARED / "samples" / "docx" / "plainlanguage-gov__FederalPLGuidelines_2011.docx"
    copy = tmp_path / "annotated.docx"
    run = CliRunner().invoke(main, ["annotate", "--no-model", str(source), "--output", str(copy)])
    assert run.exit_code == 0, run.output
    placed, findings = int(re.search(r"(\d+) notes on the text", run.output).group(1)), _no_model_findings(source)
    assert placed >= 0.95 * len(findings), (placed, len(findings))
    assert len(list(docx.Document(copy).comments)) in (placed, placed + 1)


def _no_model_findings(path) -> list[dict]:
    run = CliRunner().invoke(main, ["check", "--no-cache", "--no-model", "--format", "json", str(path)])
    return json.loads(run.output)["findings"]


LEGACY_FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:enabled/><w:textInput/>'
    '</w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">_____</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)
CONTENT_CONTROL = (
    '<w:sdt><w:sdtPr><w:id w:val="7"/><w:showingPlcHdr/><w:text/></w:sdtPr>'
    '<w:sdtContent><w:r><w:t>Click here to enter text.</w:t></w:r></w:sdtContent></w:sdt>'
)


def _form(path) -> None:
    """A Word form with a legacy text field and a content control, neither
    with a name a screen reader could announce."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    for label, xml in (("Name: ", LEGACY_FIELD), ("Address: ", CONTENT_CONTROL)):
        paragraph = document.add_paragraph(label)
        for element in parse_xml(f'<w:p {nsdecls("w")}>{xml}</w:p>'):
            paragraph._p.append(element)
    document.save(path)


def test_a_field_finding_is_a_comment_on_the_field(tmp_path):
    source, copy = tmp_path / "form.docx", tmp_path / "reviewed.docx"
    _form(source)
    run = CliRunner().invoke(main, ["annotate", "--no-model", str(source), "--output", str(copy)])
    assert run.exit_code == 0, run.output
    on_fields = [f for f in _findings(source) if f["location"].get("field")]
    assert {f["location"]["field"] for f in on_fields} == {"Text1", "content control 7"}
    comments = {str(c.comment_id): c.text for c in docx.Document(copy).comments}
    ranges = _commented_text(copy.read_bytes())
    for finding in on_fields:
        shown = "_____" if finding["location"]["field"] == "Text1" else "Click here to enter text."
        heading = f'{finding["code"]} {finding["name"]} [{finding["level"]}]: {finding["message"]}'
        assert any(text.startswith(heading) and ranges.get(number) == shown for number, text in comments.items()), finding
    assert "without a place" not in run.output and "more in one note" not in run.output
