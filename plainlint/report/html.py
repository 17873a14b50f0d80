"""The HTML report (`plainlint report`, or `check --format html`): one
self-contained page for the people who own the documents. An overview of
every document, the rules that fire most, and each document's text in
reading order with every finding marked at its span and listed with its
message, suggestions and place; the rules' documentation on demand.

Inline CSS, JavaScript and SVG, no network and no external fonts: it opens
from `file://`. Everything can be read with JavaScript off; JavaScript adds
the filters (by level, rule family and rule) and sortable tables. Every finding is
an element with `data-code` (and `data-level`), in the list and in the text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from html import escape
from importlib import resources
from pathlib import Path
from typing import TextIO

from plainlint.document import PLACEHOLDER, Document, Finding, Location
from plainlint.errors import InputError
from plainlint.extract import extract, read_source
from plainlint.formatters import Report
from plainlint.language import prose, readability
from plainlint.language.sections import pooled, sections
from plainlint.report.marks import marked
from plainlint.report.placing import Placed, place
from plainlint.results import FileResult
from plainlint.scorecard import Scorecard, scorecard

LEVELS = ("error", "warning", "suggestion")
FAMILIES = {"PL1": "words", "PL2": "sentences", "PL3": "readability", "PL4": "forms", "PL5": "structure",
            "PL9": "the file"}
#: What stands for code, links' targets and templating, which extraction
#: masked out of the text.
_MASKED = '<span class="masked" title="code or markup, not checked">[…]</span>'
#: At most this many sections are shown in the grade chart.
CHART_SECTIONS = 40
#: How many rules the chart of the rules that fire most shows.
CHART_RULES = 10


def render(report: Report, stream: TextIO, color: bool) -> None:
    for part in page(report):
        stream.write(part + "\n")


def page(report: Report) -> Iterator[str]:
    """The page in parts, written one by one: a big document's section is
    the only large string held at a time, and each document is read again
    (for its text) only when its section is written."""
    files = report.result.files
    grades = [result.stats.grade if result.stats else None for result in files]
    cards = [scorecard(result) for result in files]
    yield from [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>plainlint report: {len(files)} document{'s' if len(files) != 1 else ''}</title>",
        f"<style>{_asset('report.css')}</style></head><body>",
        '<a class="skip" href="#main">Skip to the report</a>',
        f'<header><p>plainlint {escape(report.version)}</p><h1>Plain language report</h1></header>',
        '<main id="main">',
        _overview(files, grades, cards),
        _chart(report.result.findings),
        _filters(report.result.findings),
    ]
    for number, result in enumerate(files, start=1):
        yield _document_section(number, result, _document(result), report, cards[number - 1])
    yield from [
        _rules(report),
        "</main>",
        "<footer><p>Made by plainlint, a linter for plain language and form usability. "
        "Levels: error and warning fail a CI gate by default; suggestion does not.</p></footer>",
        f"<script>{_asset('report.js')}</script>",
        "</body></html>",
    ]


def _asset(name: str) -> str:
    return resources.files("plainlint.report").joinpath("assets", name).read_text(encoding="utf-8")


def _document(result: FileResult) -> Document | str:
    """The document again, for its text; or why its text is not shown."""
    if result.error is not None:
        return result.error
    path = Path(result.path)
    if not path.is_file():
        return "its text is not shown (it was read from standard input)"
    try:
        return extract(read_source(path, result.path))
    except InputError as error:
        return str(error)


def _overview(files: list[FileResult], grades: list[float | None], cards: list[Scorecard]) -> str:
    rows = []
    for number, (result, grade, card) in enumerate(zip(files, grades, cards, strict=True), start=1):
        levels = Counter(finding.level.value for finding in result.findings)
        cells = [
            f'<td><a href="#doc-{number}">{escape(result.path)}</a></td>',
            f'<td class="number">{result.words:,}</td>',
            f'<td class="number" data-value="{grade if grade is not None else -1:.1f}">'
            f'{"–" if grade is None else f"{grade:.1f}"}</td>',
            *(f'<td class="number">{levels.get(level, 0)}</td>' for level in LEVELS),
            f'<td class="number" data-value="{card.score if card.score is not None else -1}">'
            f'{"–" if card.score is None else card.score}</td>',
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    totals = Counter(finding.level.value for result in files for finding in result.findings)
    words = sum(result.words for result in files)
    return (
        '<section aria-labelledby="overview"><h2 id="overview">Overview</h2>'
        f"<p>{len(files)} document{'s' if len(files) != 1 else ''}, {words:,} words: "
        + ", ".join(f"{totals.get(level, 0)} {level}{'s' if totals.get(level, 0) != 1 else ''}" for level in LEVELS)
        + ". Reading grade is the Flesch-Kincaid grade of the document's running prose. The score is "
        "100 &times; the plain-language checklist items a document passes / the items that apply to it.</p>"
        '<table class="sortable"><caption>Documents</caption><thead><tr><th scope="col">Document</th>'
        '<th scope="col" class="number">Words</th><th scope="col" class="number">Reading grade</th>'
        + "".join(f'<th scope="col" class="number">{level.capitalize()}s</th>' for level in LEVELS)
        + '<th scope="col" class="number">Score</th>'
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _chart(findings: list[Finding]) -> str:
    """The rules that fire most, as bars (inline SVG) and as a table."""
    counts = Counter(finding.code for finding in findings).most_common(CHART_RULES)
    if not counts:
        return '<section aria-labelledby="rules-most"><h2 id="rules-most">Rules that fire most</h2><p>No findings.</p></section>'
    most = counts[0][1]
    bar, height, label = 360, 22, 70
    bars = []
    for row, (code, count) in enumerate(counts):
        y = row * height
        width = max(2, round(bar * count / most))
        bars.append(
            f'<text x="0" y="{y + 15}">{code}</text><rect x="{label}" y="{y + 4}" width="{width}" height="14"></rect>'
            f'<text x="{label + width + 6}" y="{y + 15}">{count}</text>'
        )
    description = ", ".join(f"{code} {count}" for code, count in counts)
    svg = (
        f'<svg class="chart" role="img" aria-labelledby="chart-title" width="{label + bar + 60}" '
        f'height="{len(counts) * height + 4}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="chart-title">Findings by rule: {description}</title>{"".join(bars)}</svg>'
    )
    rows = "".join(f'<tr><td><a href="#rule-{code}">{code}</a></td><td class="number">{count}</td></tr>'
                   for code, count in counts)
    return (
        '<section aria-labelledby="rules-most"><h2 id="rules-most">Rules that fire most</h2>'
        f'{svg}<details><summary>The same as a table</summary><table><thead><tr><th scope="col">Rule</th>'
        f'<th scope="col" class="number">Findings</th></tr></thead><tbody>{rows}</tbody></table></details></section>'
    )


def _filters(findings: list[Finding]) -> str:
    levels = "".join(f'<label><input type="checkbox" name="level" value="{level}" checked> {level}</label>'
                     for level in LEVELS)
    families = "".join(f'<label><input type="checkbox" name="family" value="{prefix}" checked> '
                       f"{prefix}xx {name}</label>" for prefix, name in FAMILIES.items())
    codes = "".join(f'<label><input type="checkbox" name="code" value="{code}" checked> {code}</label>'
                    for code in sorted({finding.code for finding in findings}))
    return (
        '<form id="filters" class="filters" aria-label="Filter findings">'
        f"<fieldset><legend>Level</legend>{levels}</fieldset>"
        f"<fieldset><legend>Families</legend>{families}</fieldset>"
        + (f"<fieldset><legend>Rules</legend>{codes}</fieldset>" if codes else "")
        + '<p id="filter-status" role="status" aria-live="polite"></p></form>'
    )


def _document_section(number: int, result: FileResult, document: Document | str, report: Report,
                      card: Scorecard) -> str:
    head = f'<section aria-labelledby="doc-{number}"><h2 id="doc-{number}">{escape(result.path)}</h2>'
    findings = result.findings
    if isinstance(document, str):
        items = "".join(_item(number, index, finding, report) for index, finding in enumerate(findings, start=1))
        return f"{head}<p>{escape(document)}</p>{_list(items)}</section>"
    placed, _ = place(document, findings)
    items = "".join(_item(number, index, finding, report) for index, finding in enumerate(findings, start=1))
    return (
        f"{head}<p>{result.words:,} words, {len(findings)} finding{'s' if len(findings) != 1 else ''}.</p>"
        f"{_scorecard(card)}"
        f"{_grades_by_section(document, report)}"
        f'<h3>Text</h3><div class="text">{_text(number, document, placed)}</div>'
        f"{_fields(document, findings)}"
        f"<h3>Findings</h3>{_list(items)}</section>"
    )


def _grades_by_section(document: Document, report: Report) -> str:
    """The reading grade of each stretch PL301 scores (a section, with its
    short subsections pooled in), as bars beside the target grade (inline
    SVG), red where PL301 reports it; and the same as a table."""
    rule = report.registry.get("PL301")
    if rule is None:
        return ""
    options = rule.defaults()
    target, limit = float(options["target-grade"]), float(options["target-grade"]) + float(options["tolerance"])
    metric = readability.METRICS[options["metric"]]
    position = {id(block): index for index, block in enumerate(document.blocks)}
    scored = []
    for section, blocks in pooled(sections(document), lambda blocks: prose.word_count(blocks) >= options["min-words"]):
        found = prose.sentences(blocks)
        if not found:
            continue
        grade = metric.grade(readability.total(readability.sentence_counts(s.text) for s in found))
        title = section.anchor.text.strip().splitlines()[0] if section.level else "(before the first heading)"
        scored.append((position[id(section.anchor)], title[:60], grade))
    rows = [(title, grade) for _, title, grade in sorted(scored)]  # in reading order
    if len(rows) < 2:
        return ""
    rows = rows[:CHART_SECTIONS]
    top = max(max(grade for _, grade in rows), target) + 1
    label, bar, height = 300, 300, 22
    scale = bar / top
    shapes = []
    for row, (title, grade) in enumerate(rows):
        y = row * height
        width = max(2, round(grade * scale))
        over = " over" if grade > limit else ""
        shapes.append(
            f'<text x="0" y="{y + 15}">{escape(title[:45])}</text>'
            f'<rect class="grade{over}" x="{label}" y="{y + 4}" width="{width}" height="14"></rect>'
            f'<text x="{label + width + 6}" y="{y + 15}">{grade:.1f}</text>'
        )
    line = label + round(target * scale)
    shapes.append(f'<line x1="{line}" x2="{line}" y1="0" y2="{len(rows) * height + 4}" class="target"></line>')
    description = "; ".join(f"{title}: {grade:.1f}" for title, grade in rows)
    table = "".join(f"<tr><td>{escape(title)}</td><td class=\"number\">{grade:.1f}</td></tr>" for title, grade in rows)
    chart_id = f"grades-{id(document)}"
    return (
        f"<h3>Reading grade by section</h3><p>{escape(metric.label)} of each section as PL301 scores it "
        f"(short subsections counted with their parent); the line is the target grade {target:g}, and red bars "
        f"are more than {options['tolerance']:g} above it.</p>"
        f'<svg class="chart" role="img" aria-labelledby="{chart_id}" width="{label + bar + 60}" '
        f'height="{len(rows) * height + 8}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}">Reading grade by section: {escape(description)}</title>{"".join(shapes)}</svg>'
        '<details><summary>The same as a table</summary><table><thead><tr><th scope="col">Section</th>'
        f'<th scope="col" class="number">Grade</th></tr></thead><tbody>{table}</tbody></table></details>'
    )


def _scorecard(card: Scorecard) -> str:
    rows = "".join(
        f'<tr class="status-{item.status.replace(" ", "-")}"><td>{escape(item.title)}<br>'
        f'<span class="where">{escape(item.guideline)}</span></td><td>{escape(item.status)}</td>'
        f"<td>{escape(item.evidence)}</td></tr>"
        for item in card.items
    )
    score = "no score: nothing on the checklist applies" if card.score is None else f"score {card.score} of 100"
    return (
        f"<h3>Plain-language scorecard: {score}</h3><table><thead><tr><th scope=\"col\">Checklist item</th>"
        f'<th scope="col">Result</th><th scope="col">Evidence</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _list(items: str) -> str:
    return f'<ol class="findings">{items}</ol>' if items else "<p>No findings.</p>"


def _item(document: int, number: int, finding: Finding, report: Report) -> str:
    level = finding.level.value
    suggestions = "".join(
        f'<li><span class="suggestion">{escape(s.text)}</span> ({escape(s.confidence)})</li>'
        for s in finding.suggestions
    ) + "".join(f'<li><span class="hint">{escape(hint)}</span></li>' for hint in finding.hints)
    rule = report.registry.get(finding.code)
    name = f" {escape(rule.name)}" if rule else ""
    return (
        f'<li id="f-{document}-{number}" class="level-{level}" data-code="{finding.code}" data-level="{level}">'
        f'<span class="where">{escape(_where(finding.location))}</span> · <span class="level">{level}</span> · '
        f'<a href="#rule-{finding.code}">{finding.code}{name}</a><br>{escape(finding.message)}'
        + (f"<ul>{suggestions}</ul>" if suggestions else "")
        + "</li>"
    )


def _where(location: Location) -> str:
    parts = []
    if location.page is not None:
        parts.append(f"page {location.page}")
    if location.line is not None:
        parts.append(f"line {location.line}")
    if location.field:
        parts.append(f"field {location.field}")
    if location.region:
        parts.append(location.region)
    return ", ".join(parts) or "whole document"


def _text(number: int, document: Document, placed: list[Placed]) -> str:
    by_block: dict[int, list[Placed]] = {}
    for span in placed:
        by_block.setdefault(span.block, []).append(span)

    def opening(span: Placed) -> str:
        level = span.finding.level.value
        return (f'<mark class="level-{level}" data-code="{span.finding.code}" data-level="{level}" '
                f'title="{escape(span.finding.code + ": " + span.finding.message)}">')

    def after(span: Placed) -> str:
        level = span.finding.level.value
        return (f'<a class="ref" href="#f-{number}-{span.number}" data-code="{span.finding.code}" '
                f'data-level="{level}" aria-label="finding {span.number}: {span.finding.code}">{span.number}</a>')

    out = []
    for index, block in enumerate(document.blocks):
        classes = ["block", f"block-{block.kind.value}"]
        label = ""
        if not block.kind.is_prose_like:
            classes.append("block-skipped")
            label = f'<span class="kind">[{block.kind.value}: not checked as prose] </span>'
        page = f' data-page="{block.location().page}"' if block.location().page is not None else ""
        text = marked(block.text, by_block.get(index, []), opening, after).replace(PLACEHOLDER, _MASKED)
        out.append(f'<p class="{" ".join(classes)}"{page}>{label}{text}</p>')
    return "".join(out)


def _fields(document: Document, findings: list[Finding]) -> str:
    if not document.fields:
        return ""
    by_field = Counter(finding.location.field for finding in findings if finding.location.field)
    rows = "".join(
        f"<tr><td>{escape(field.name)}</td><td>{escape(field.label or '')}</td><td>{escape(field.tooltip or '')}</td>"
        f"<td>{'yes' if field.required else 'no'}</td><td>{escape(field.kind)}</td>"
        f'<td class="number">{by_field.get(field.name, 0)}</td></tr>'
        for field in document.fields
    )
    return (
        '<h3>Form fields</h3><table class="sortable"><thead><tr><th scope="col">Name</th><th scope="col">Label</th>'
        '<th scope="col">Tooltip</th><th scope="col">Required</th><th scope="col">Type</th>'
        f'<th scope="col" class="number">Findings</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _rules(report: Report) -> str:
    codes = sorted({finding.code for finding in report.result.findings})
    entries = []
    for code in codes:
        rule = report.registry.get(code)
        if rule is None:
            continue
        docs = rule.docs
        entries.append(
            f'<details id="rule-{code}"><summary>{code} {escape(rule.name)}: {escape(rule.summary)}</summary>'
            f"<h3>What it does</h3><p>{escape(docs.what)}</p><h3>Why</h3><p>{escape(docs.why)}</p>"
            f"<h3>Example</h3><p>{escape(docs.example)}</p><h3>Use instead</h3><p>{escape(docs.use_instead)}</p>"
            "</details>"
        )
    return f'<section aria-labelledby="rules"><h2 id="rules">The rules</h2>{"".join(entries)}</section>'
