"""A block's text as HTML with findings marked at their spans. Spans may
overlap without nesting (a long sentence and a wordy phrase that starts
inside it and runs past its end); HTML elements cannot, so such a span is
marked in parts, each part an element of its own."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from plainlint.report.placing import Placed


def marked(
    text: str,
    spans: Sequence[Placed],
    opening: Callable[[Placed], str],
    after: Callable[[Placed], str] = lambda span: "",
    closing: str = "</mark>",
) -> str:
    """`text` escaped, with `opening(span)` ... `closing` around each span
    (longer spans outside shorter ones) and `after(span)` where
    the span ends (a link to the finding: links cannot nest, marks can)."""
    if not spans:
        return escape(text)
    # Where spans coincide, the most serious goes innermost, so its colour shows.
    ordered = sorted(spans, key=lambda span: (span.start, -span.end, span.finding.level.rank))
    bounds = sorted({0, len(text), *(span.start for span in spans), *(span.end for span in spans)})
    out: list[str] = []
    stack: list[Placed] = []
    active: list[Placed] = []
    upcoming = 0

    def close(spans_to_close: list[Placed], at: int) -> None:
        for span in reversed(spans_to_close):
            out.append(closing)
            if span.end <= at:
                out.append(after(span))

    for left, right in zip(bounds, bounds[1:], strict=False):
        while upcoming < len(ordered) and ordered[upcoming].start <= left:
            active.append(ordered[upcoming])
            upcoming += 1
        active = [span for span in active if span.end > left]
        covering = [span for span in active if span.end >= right and span.start < right]
        kept = 0
        while kept < min(len(stack), len(covering)) and stack[kept] is covering[kept]:
            kept += 1
        close(stack[kept:], left)
        stack = stack[:kept]
        for span in covering[kept:]:
            out.append(opening(span))
            stack.append(span)
        out.append(escape(text[left:right]))
    close(stack, len(text))
    return "".join(out)
