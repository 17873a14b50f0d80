"""The HTML report: one self-contained page with every finding listed and
marked at its span in the document's text, readable without JavaScript."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from click.testing import CliRunner
from support import PROJECT

from plainlint.cli import main
from plainlint.document import Finding, Level, Location
from plainlint.report.marks import marked
from plainlint.report.placing import Placed

LETTER = PROJECT / "corpora" / "samples" / "benefits-letter.md"


class Elements(HTMLParser):
    """Counts elements and checks that every one closes in order."""

    VOID = {"meta", "br", "input", "img", "link"}

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.found: list[tuple[str, dict]] = []
        self.misnested: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.misnested.append(tag)
        else:
            self.open.pop()


def _parsed(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def _span(start: int, end: int, level: Level = Level.SUGGESTION, number: int = 1) -> Placed:
    finding = Finding("PL999", "test", level, "m", Location("x.md"), matched="x")
    return Placed(finding, number, 0, start, end)


def test_overlapping_spans_are_marked_in_parts_that_nest():
    text = "one two three four"
    spans = [_span(0, 13, number=1), _span(4, 18, number=2)]  # "one two three" and "two three four"
    html = marked(text, spans, lambda span: f'<mark data-n="{span.number}">', lambda span: f"<a>{span.number}</a>")
    parsed = _parsed(f"<p>{html}</p>")
    assert parsed.misnested == [] and parsed.open == []
    assert re.sub(r"<[^>]+>|\d", "", html) == text  # the text is all there, once
    assert html.count("<a>1</a>") == 1 and html.count("<a>2</a>") == 1  # one link per finding, at its end
    assert html.count('data-n="2"') == 2  # the second span runs past the first: two parts


def test_the_report_lists_and_marks_every_finding(tmp_path):
    out = tmp_path / "report.html"
    run = CliRunner().invoke(main, ["report", "--no-cache", "--output", str(out), str(LETTER)])
    assert run.exit_code == 0, run.output  # findings do not fail a report
    html = out.read_text(encoding="utf-8")
    parsed = _parsed(html)
    assert parsed.misnested == [] and parsed.open == []
    check = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", str(LETTER)])
    codes = sorted(re.findall(r'"code": "(PL\d+)"', check.output))
    listed = sorted(attrs["data-code"] for tag, attrs in parsed.found if tag == "li" and "data-code" in attrs)
    marks = {attrs["data-code"] for tag, attrs in parsed.found if tag == "mark"}
    assert listed == codes and len(codes) > 10
    assert marks == set(codes)  # every finding of this letter has a span in its text
    assert all(f'id="rule-{code}"' in html for code in codes)  # What / Why / Use instead on demand


def test_the_report_is_self_contained_and_has_the_landmarks(tmp_path):
    out = tmp_path / "report.html"
    CliRunner().invoke(main, ["report", "--no-cache", "--no-model", "--output", str(out), str(LETTER)])
    html = out.read_text(encoding="utf-8")
    parsed = _parsed(html)
    tags = [tag for tag, _ in parsed.found]
    assert not re.search(r'<(?:link|img|script)[^>]+(?:src|href)=', html)  # nothing fetched
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html
    assert tags.count("h1") == 1 and {"header", "main", "footer"} <= set(tags)
    assert ('html', {"lang": "en"}) in parsed.found
    levels = [int(tag[1]) for tag in tags if re.fullmatch(r"h[1-6]", tag)]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))  # no skipped heading level
    inputs = [attrs for tag, attrs in parsed.found if tag == "input"]
    assert inputs and len(re.findall(r"<label><input", html)) == len(inputs)  # every filter has its label
    assert all(attrs.get("scope") == "col" for tag, attrs in parsed.found if tag == "th")
    (svg,) = [attrs for tag, attrs in parsed.found if tag == "svg"]
    assert svg["role"] == "img" and svg["aria-labelledby"]


def test_the_grade_chart_shows_each_section_as_pl301_scores_it(tmp_path):
    from plainlint.registry import default_registry

    examples = [example.text for example in default_registry().get("PL301").examples]
    hard = examples[0]
    easy = next(text for text in examples if "Who can apply" in text)
    page = tmp_path / "guide.md"
    page.write_text(f"{hard}\n{easy}\n")
    out = tmp_path / "report.html"
    CliRunner().invoke(main, ["report", "--no-cache", "--no-model", "--output", str(out), str(page)])
    html = out.read_text(encoding="utf-8")
    bars = re.findall(r'<text x="0" y="\d+">([^<]+)</text><rect class="(grade(?: over)?)"', html)
    assert bars == [("Who may apply", "grade over"), ("Who can apply", "grade")]
    check = CliRunner().invoke(main, ["check", "--no-cache", "--no-model", "--select", "PL301", "--format", "json",
                                      str(page)])
    assert [finding["matched"] for finding in json.loads(check.output)["findings"]] == ["Who may apply"]


def test_html_and_markdown_get_the_html_report(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Apply\n\nThe form shall be submitted by you.\n")
    report = tmp_path / "page.html"
    run = CliRunner().invoke(main, ["annotate", "--no-model", str(page), "--output", str(report)])
    assert run.exit_code == 0, run.output
    html = report.read_text()
    assert html.startswith("<!doctype html>") and 'data-code="PL' in html
