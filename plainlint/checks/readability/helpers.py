"""What the readability rules share: how a finding names the sentences that
make a passage hard."""

from __future__ import annotations

from collections.abc import Sequence

from plainlint.language import prose, readability

#: A sentence this short is hard because of its words, which the word rules
#: point at; telling the writer to shorten it is no help (the review set
#: judged that advice bad on 5- to 15-word sentences).
_ADVISE_WORDS = 16


def hardest(found: Sequence[prose.Sentence], metric: readability.Metric, limit: int) -> tuple[str, list[str]]:
    """The sentences that raise the grade most, hardest first: named for a
    message ("line 12:1 (grade 16.3)") and as hints quoting their opening
    words (for sentences long enough that shortening them helps); hints, not
    suggestions, because no text could replace the passage. PL301
    names a section's sentences so, PL302 a paragraph's."""
    counts = [readability.sentence_counts(sentence.text) for sentence in found]
    chosen = [(found[i], metric.grade(counts[i])) for i in readability.drivers(counts, metric, limit)]
    chosen.sort(key=lambda item: item[1], reverse=True)
    named = ", ".join(f"{sentence.where()} (grade {grade:.1f})" for sentence, grade in chosen)
    advice = [
        f"{sentence.where()}: shorten or simplify {sentence.excerpt()} ({sentence.words} words)"
        for sentence, _ in chosen
        if sentence.words >= _ADVISE_WORDS
    ]
    return named, advice
