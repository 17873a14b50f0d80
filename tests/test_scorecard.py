"""The plain-language scorecard: checklist items passed or needing work, with
their evidence, and a score of 100 x passed / applicable."""

from __future__ import annotations

import json

from click.testing import CliRunner
from support import PROJECT

from plainlint.cli import main
from plainlint.document import DocumentStats, Finding, Level, Location
from plainlint.results import FileResult
from plainlint.scorecard import NEEDS_WORK, NOT_APPLICABLE, PASS, scorecard

SAMPLES = PROJECT / "corpora" / "samples"


def _finding(code: str) -> Finding:
    return Finding(code, "x", Level.SUGGESTION, "m", Location("a.md", line=1))


def _status(card, key: str) -> str:
    return next(item.status for item in card.items if item.key == key)


def test_the_score_is_the_share_of_applicable_items_passed():
    stats = DocumentStats(prose_words=1_000, sentences=50, grade=7.5, headings=4)
    findings = [_finding("PL103"), _finding("PL201")] + [_finding("PL210")] * 5 + [_finding("PL101")] * 5
    card = scorecard(FileResult("a.md", findings, stats=stats))
    applicable = [item for item in card.items if item.status != NOT_APPLICABLE]
    assert len(applicable) == 9  # the four form items do not apply without fields
    assert _status(card, "must") == NEEDS_WORK and _status(card, "short-sentences") == NEEDS_WORK
    assert _status(card, "active-voice") == PASS  # 5 passives in 50 sentences: 1 in 10 is allowed
    assert _status(card, "simple-words") == PASS  # 5 in 1,000 words
    assert card.score == round(100 * 7 / 9)
    one_more = scorecard(FileResult("a.md", [*findings, _finding("PL210")], stats=stats))
    assert _status(one_more, "active-voice") == NEEDS_WORK and one_more.score == round(100 * 6 / 9)


def test_form_items_apply_to_documents_with_fields():
    stats = DocumentStats(prose_words=50, sentences=4, grade=6.0, fields=12)
    card = scorecard(FileResult("form.pdf", [_finding("PL403")], stats=stats))
    assert _status(card, "required-fields") == NEEDS_WORK and _status(card, "labelled-fields") == PASS
    assert _status(card, "headings") == NOT_APPLICABLE  # 50 words need no headings


def test_an_unreadable_file_has_no_score():
    card = scorecard(FileResult("bad.pdf", error="not a readable PDF"))
    assert card.score is None and {item.status for item in card.items} == {NOT_APPLICABLE}


def test_the_plain_version_scores_higher_than_the_bureaucratic_one_in_json():
    run = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json",
                                    str(SAMPLES / "benefits-letter.md"), str(SAMPLES / "renewal-guide.md")])
    files = {entry["path"].rsplit("/", 1)[-1]: entry["scorecard"] for entry in json.loads(run.output)["files"]}
    letter, guide = files["benefits-letter.md"], files["renewal-guide.md"]
    assert letter["score"] < 50 <= 80 <= guide["score"], (letter["score"], guide["score"])
    assert {item["status"] for item in letter["items"]} <= {PASS, NEEDS_WORK, NOT_APPLICABLE}
    assert all(item["guideline"] and item["evidence"] for item in letter["items"])
