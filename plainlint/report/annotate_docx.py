"""`plainlint annotate FILE.docx --output OUT`: a copy of a Word document with
each finding as a Word comment on the words it is about, by "plainlint",
where the people who own the document already work. The input is never
changed.

A DOCX finding's line is its paragraph's number in the body and its column
the character in that paragraph. The paragraph is found again in the
copy, checked to hold the finding's text there (else the text is looked for
in that paragraph), and the runs around the span are split so that the
comment covers just those words. A finding on a form field is a comment on
the field itself: a legacy field from its begin to its end mark, a content
control on its content. A finding with no such place (on the whole file, a
header, footer or note) goes into one comment at the start. A `safe` rewrite also becomes a tracked change (the words deleted,
the rewrite inserted, by "plainlint") that the editor accepts or rejects.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterable, Iterator

from plainlint.document import Finding
from plainlint.errors import InputError, brief
from plainlint.report.notes import AUTHOR, INITIALS, Annotated, apart_note, note_text
#: Regions whose paragraphs are numbered with the body's.
_BODY_REGIONS = ("table", "text box")
#: Run children that `Run.text` turns into text and back without loss.
_TEXT_ONLY = frozenset({"rPr", "t", "tab", "br", "cr"})


def annotate_docx(data: bytes, findings: Iterable[Finding], changes: bool = True) -> Annotated:
    """The DOCX `data` with a comment for each finding and, with `changes`,
    each safe rewrite as a tracked change. Anything python-docx raises on a
    file the extractor could read becomes one InputError."""
    try:
        return _annotate(data, findings, changes)
    except Exception as error:  # a third-party library's error on a hostile file
        raise InputError(f"cannot write comments into this file: {brief(error)}") from error


def _annotate(data: bytes, findings: Iterable[Finding], changes: bool) -> Annotated:
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    paragraphs = [Paragraph(p, document._body) for p in body.iter(qn("w:p"))]
    findings = list(findings)
    apart: list[Finding] = []
    placed = 0
    for finding in findings:
        runs = _field_runs(finding, body, paragraphs) if finding.location.field else _runs_for(finding, paragraphs)
        try:
            if runs:
                document.add_comment(runs, text=note_text(finding), author=AUTHOR, initials=INITIALS)
                placed += 1
                continue
        except ValueError:  # a span python-docx cannot anchor (across a link's edge, say)
            pass
        apart.append(finding)
    first = next((runs for p in paragraphs if (runs := list(_runs(p)))), None)
    if apart and first:
        document.add_comment(first[0], text=apart_note(apart), author=AUTHOR, initials=INITIALS)
    changed = _track_changes(body, paragraphs, findings) if changes else 0
    out = io.BytesIO()
    document.save(out)
    return Annotated(out.getvalue(), placed, len(apart), changed)


def _track_changes(body, paragraphs: list, findings: list[Finding]) -> int:
    """Each `safe` rewrite (one replacement that keeps grammar and meaning)
    as a tracked change the editor accepts or rejects. Right to left within
    a paragraph, so the places still to change keep their offsets; a span
    that overlaps one already changed is left to its comment."""
    from docx.oxml.ns import qn

    safe = [f for f in findings if len(f.suggestions) == 1 and f.suggestions[0].confidence == "safe"]
    ids = (int(value) for element in body.iter() if (value := element.get(qn("w:id"))) and value.isdigit())
    next_id = max(ids, default=0) + 1000
    done: dict[int, list[tuple[int, int]]] = {}
    changed = 0
    for finding in sorted(safe, key=lambda f: (f.location.line or 0, -(f.location.column or 0))):
        span = _span_for(finding, paragraphs)
        if span is None:
            continue
        line, start, end = span
        if any(start < other_end and other_start < end for other_start, other_end in done.get(line, ())):
            continue
        runs = _isolate(paragraphs[line - 1], start, end)
        if runs and _replace(runs, finding.suggestions[0].text, next_id):
            done.setdefault(line, []).append((start, end))
            next_id += 2
            changed += 1
    return changed


def _replace(runs: list, text: str, change_id: int) -> bool:
    """Wrap `runs` in a tracked deletion and insert `text` after them, in the
    first run's format. Only plain-text runs of one parent are changed."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    parents = {run._r.getparent() for run in runs}
    if len(parents) != 1 or any(child.tag.rsplit("}", 1)[-1] not in _TEXT_ONLY for run in runs for child in run._r):
        return False
    deletion, insertion = OxmlElement("w:del"), OxmlElement("w:ins")
    for element, number in ((deletion, change_id), (insertion, change_id + 1)):
        element.set(qn("w:id"), str(number))
        element.set(qn("w:author"), AUTHOR)
    inserted = copy.deepcopy(runs[0]._r)
    runs[0]._r.addprevious(deletion)
    deletion.addnext(insertion)
    for run in runs:
        deletion.append(run._r)
        for piece in run._r.findall(qn("w:t")):
            piece.tag = qn("w:delText")
    insertion.append(inserted)
    for child in [child for child in inserted if child.tag != qn("w:rPr")]:
        inserted.remove(child)
    piece = OxmlElement("w:t")
    piece.text = text
    piece.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    inserted.append(piece)
    return True


def _runs_for(finding: Finding, paragraphs: list) -> list:
    span = _span_for(finding, paragraphs)
    return [] if span is None else _isolate(paragraphs[span[0] - 1], span[1], span[2])


def _span_for(finding: Finding, paragraphs: list) -> tuple[int, int, int] | None:
    """(paragraph number, start, end) of the finding's text in the copy."""
    location = finding.location
    if not finding.matched or location.line is None or not 0 < location.line <= len(paragraphs):
        return None
    if location.region and not location.region.startswith(_BODY_REGIONS):
        return None  # a header, footer or note: numbered in its own story
    text = "".join(run.text for run in _runs(paragraphs[location.line - 1]))
    start = (location.column or 1) - 1
    if text[start : start + len(finding.matched)] != finding.matched:
        start = text.find(finding.matched)
    return None if start < 0 else (location.line, start, start + len(finding.matched))


def _field_runs(finding: Finding, body, paragraphs: list) -> list:
    """The runs of the form field the finding is about, looked for in its
    paragraph (the whole body when it has none): a legacy field's runs from
    its begin mark to its end mark, or the runs a content control holds."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    name, line = finding.location.field, finding.location.line
    scope = paragraphs[line - 1]._p if line and 0 < line <= len(paragraphs) else body
    for element in scope.iter(qn("w:ffData"), qn("w:sdtPr")):
        if element.tag == qn("w:ffData"):
            if _val(element.find(qn("w:name"))) == name:
                runs = _legacy_field_runs(element.getparent().getparent())
                break
        elif name in _control_names(element):
            runs = list(element.getparent().iter(qn("w:r")))
            break
    else:
        return []
    paragraph = next((p for p in runs[0].iterancestors(qn("w:p"))), None) if runs else None
    if paragraph is None:
        return []
    holder = Paragraph(paragraph, paragraphs[0]._parent)
    return [Run(r, holder) for r in runs if paragraph in r.iterancestors(qn("w:p"))]


def _legacy_field_runs(begin) -> list:
    """The run holding a field's begin mark and those after it up to the one
    holding its end mark (nested fields counted)."""
    from docx.oxml.ns import qn

    runs, depth = [begin], 1
    for run in begin.itersiblings(qn("w:r")):
        runs.append(run)
        for mark in run.iter(qn("w:fldChar")):
            kind = mark.get(qn("w:fldCharType"))
            depth += {"begin": 1, "end": -1}.get(kind, 0)
        if depth == 0:
            break
    return runs


def _control_names(properties) -> set[str]:
    """The names the extractor may have given a content control: its tag,
    its title, or "content control" and its id."""
    from docx.oxml.ns import qn

    tag, alias, number = (_val(properties.find(qn(f"w:{key}"))) for key in ("tag", "alias", "id"))
    return {name for name in (tag, alias, f"content control {number or '?'}") if name}


def _val(element) -> str | None:
    from docx.oxml.ns import qn

    return None if element is None else element.get(qn("w:val"))


def _runs(paragraph) -> Iterator:
    """The paragraph's runs in reading order, those in links included."""
    from docx.text.run import Run

    for item in paragraph.iter_inner_content():
        if isinstance(item, Run):
            yield item
        else:
            yield from item.runs


def _isolate(paragraph, start: int, end: int) -> list:
    """The runs that hold characters `start` to `end` of the paragraph,
    split where the span starts or ends inside a run of plain text."""
    chosen = []
    offset = 0
    for run in list(_runs(paragraph)):
        length = len(run.text)
        run_start, run_end = offset, offset + length
        offset = run_end
        if run_end <= start or run_start >= end or not length:
            continue
        if run_start < start:
            run = _split(run, start - run_start)[1]
            run_start = start
        if run_end > end:
            run = _split(run, end - run_start)[0]
        chosen.append(run)
    return chosen


def _split(run, at: int) -> tuple:
    """`run` cut in two at character `at`, both halves keeping its format;
    a run holding more than text (a picture, a field) is not cut."""
    from docx.text.run import Run

    if not 0 < at < len(run.text) or any(child.tag.rsplit("}", 1)[-1] not in _TEXT_ONLY for child in run._r):
        return run, run
    text = run.text
    second = copy.deepcopy(run._r)
    run._r.addnext(second)
    after = Run(second, run._parent)
    run.text, after.text = text[:at], text[at:]
    return run, after
