"""A plain-language scorecard per document: the Federal Plain Language
Guidelines checklist items plainlint measures (sections as the guidelines'
own table of contents numbers them), each "pass" or "needs work"
with its evidence (or "not applicable"), and a score.

The score is 100 x (items passed) / (items that apply), rounded: every item
counts the same, so the score says how much of the checklist a document
meets, not how many findings it has. An item passes when none of its rules
found anything, except where the guidelines allow some: a few passives
(at most one sentence in ten) and a few complex words (at most five in
1,000 words). Headings apply from 300 words of prose; the form items only
to documents with fields.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from plainlint.document import DocumentStats
from plainlint.results import FileResult

PASS, NEEDS_WORK, NOT_APPLICABLE = "pass", "needs work", "not applicable"
_GUIDELINES = "Federal Plain Language Guidelines (2011)"
#: At most one passive per this many sentences passes.
PASSIVE_SENTENCES = 10
#: At most this many complex or wordy words per 1,000 words pass.
COMPLEX_PER_THOUSAND = 5
#: Prose this long needs headings, one per this many words.
HEADING_WORDS = 300


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    guideline: str
    status: str
    evidence: str


@dataclass(frozen=True)
class Scorecard:
    items: tuple[Item, ...]
    #: 0-100, or None when no item applies (an unreadable file, no prose).
    score: int | None

    def as_dict(self) -> dict:
        return {"score": self.score, "items": [vars(item) for item in self.items]}


@dataclass(frozen=True)
class _Check:
    key: str
    title: str
    section: str
    codes: tuple[str, ...]
    #: (counts by code, stats) -> (status, evidence), when not simply "none of the codes".
    judge: Callable[[Counter, DocumentStats], tuple[str, str]] | None = None
    forms: bool = False


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _grade(counts: Counter, stats: DocumentStats) -> tuple[str, str]:
    if stats.grade is None:
        return NOT_APPLICABLE, "no running prose"
    found = counts["PL301"] + counts["PL302"]
    status = PASS if not found else NEEDS_WORK
    return status, f"Flesch-Kincaid grade {stats.grade:g}; sections or paragraphs above the target: {found}"


def _passives(counts: Counter, stats: DocumentStats) -> tuple[str, str]:
    if not stats.sentences:
        return NOT_APPLICABLE, "no running prose"
    found = counts["PL210"]
    status = PASS if found * PASSIVE_SENTENCES <= stats.sentences else NEEDS_WORK
    return status, f"{_plural(found, 'passive')} in {_plural(stats.sentences, 'sentence')} (at most 1 in {PASSIVE_SENTENCES})"


def _words(counts: Counter, stats: DocumentStats) -> tuple[str, str]:
    if not stats.prose_words:
        return NOT_APPLICABLE, "no running prose"
    found = sum(counts[code] for code in ("PL101", "PL102", "PL104", "PL105", "PL108"))
    status = PASS if found * 1000 <= COMPLEX_PER_THOUSAND * stats.prose_words else NEEDS_WORK
    return status, (f"{_plural(found, 'complex or wordy phrase')} in {_plural(stats.prose_words, 'word')} "
                    f"(at most {COMPLEX_PER_THOUSAND} in 1,000)")


def _headings(counts: Counter, stats: DocumentStats) -> tuple[str, str]:
    if stats.prose_words < HEADING_WORDS:
        return NOT_APPLICABLE, f"{_plural(stats.prose_words, 'word')} of prose: short enough without"
    status = PASS if stats.headings * HEADING_WORDS >= stats.prose_words else NEEDS_WORK
    return status, f"{_plural(stats.headings, 'heading')} for {_plural(stats.prose_words, 'word')} (one per {HEADING_WORDS})"


CHECKS = (
    _Check("audience", "Write for your audience: a reading grade it can manage", 'I.a "Identify and write for your audience"',
           ("PL301", "PL302"), _grade),
    _Check("short-sentences", "Write short sentences", 'III.b.1 "Write short sentences"', ("PL201", "PL203")),
    _Check("active-voice", "Use active voice", 'III.a.1.i "Use active voice"', ("PL210",), _passives),
    _Check("simple-words", "Use simple words and phrases", 'III.a.3.i "Use short, simple words"',
           ("PL101", "PL102", "PL104", "PL105", "PL108"), _words),
    _Check("address-the-reader", 'Address the reader as "you"', 'III.a.2.ii "Use pronouns to speak directly to readers"',
           ("PL107", "PL109")),
    _Check("must", 'Use "must" to show requirements, not "shall"', 'III.a.1.iv "Use must to indicate requirements"',
           ("PL103",)),
    _Check("acronyms", "Define the abbreviations you use", 'III.a.2.iii "Minimize abbreviations"',
           ("PL501", "PL502", "PL503")),
    _Check("short-paragraphs", "Write short paragraphs", 'III.c.3 "Write short paragraphs"', ("PL202",)),
    _Check("headings", "Use headings", 'II.c "Use lots of useful headings"', (), _headings),
    _Check("labelled-fields", "Every field has a label in plain words", "form rules",
           ("PL401", "PL402", "PL405", "PL421", "PL423", "PL431"), forms=True),
    _Check("required-fields", "Required fields are marked", "form rules", ("PL403", "PL404"), forms=True),
    _Check("dates", "Dates say their format", "form rules", ("PL406", "PL407"), forms=True),
    _Check("federal-notices", "Federal notices: OMB number, burden, Privacy Act", "5 CFR 1320, 5 U.S.C. 552a(e)(3)",
           ("PL410", "PL411", "PL412", "PL413"), forms=True),
)


def scorecard(result: FileResult) -> Scorecard:
    """The scorecard of one file's findings and measures."""
    stats = result.stats
    if result.error is not None or stats is None:
        items = tuple(Item(c.key, c.title, _source(c), NOT_APPLICABLE, "the file could not be read") for c in CHECKS)
        return Scorecard(items, None)
    counts = Counter(finding.code for finding in result.findings)
    items = tuple(_item(check, counts, stats) for check in CHECKS)
    applicable = [item for item in items if item.status != NOT_APPLICABLE]
    passed = sum(item.status == PASS for item in applicable)
    score = round(100 * passed / len(applicable)) if applicable else None
    return Scorecard(items, score)


def _item(check: _Check, counts: Counter, stats: DocumentStats) -> Item:
    if check.forms and not stats.fields:
        status, evidence = NOT_APPLICABLE, "no form fields"
    elif check.judge is not None:
        status, evidence = check.judge(counts, stats)
    elif not stats.prose_words and not check.forms:
        status, evidence = NOT_APPLICABLE, "no running prose"
    else:
        found = {code: counts[code] for code in check.codes if counts[code]}
        status = NEEDS_WORK if found else PASS
        evidence = ", ".join(f"{code}: {count}" for code, count in found.items()) or "no findings"
    return Item(check.key, check.title, _source(check), status, evidence)


def _source(check: _Check) -> str:
    if check.section == "form rules":
        return "plainlint " + ", ".join(check.codes)
    return check.section if check.section.startswith("5 CFR") else f"{_GUIDELINES} {check.section}"
