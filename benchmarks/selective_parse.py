"""Selective parsing against full parsing, on every file of the samples.

The language pass tags or parses a sentence only when some enabled rule's
cue (its check module's `may_hold`) says the sentence may hold what the
rule looks for. A cue must never miss: this runs every default rule twice
in this process, once parsing every sentence and once selectively, prints
each finding only one run has (none is the aim), the time the language
pass took in each, and how many sentences each depth got.

    python benchmarks/selective_parse.py [PATH ...]     # default: ../shared/samples

Exit code 0 when the findings are identical, 1 when they differ.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from plainlint.config import ConfigResolver, Overrides
from plainlint.engine import Linter
from plainlint.language import nlp
from plainlint.registry import default_registry

PROJECT = Path(__file__).resolve().parent.parent
SAMPLES = PROJECT.parent / "shared" / "samples"


def run(paths: list[str], selective: bool) -> tuple[Counter, float, Counter]:
    """Every finding as a comparable row; seconds in the language pass;
    sentences (pieces) by depth."""
    registry = default_registry()
    linter = Linter(registry, ConfigResolver(registry, Overrides()), selective_parse=selective)
    depths: Counter = Counter()
    spent = [0.0]
    original_run = nlp._run

    def timed_run(model, pieces, *kept):
        started = time.perf_counter()
        depths.update(depth for _, depth in pieces)
        docs = original_run(model, pieces, *kept)
        spent[0] += time.perf_counter() - started
        return docs

    nlp._run = timed_run
    try:
        result = linter.run(linter.targets(paths))
    finally:
        nlp._run = original_run
    rows = Counter(
        (f.location.path, f.location.line, f.location.column, f.code, f.message, tuple(s.text for s in f.suggestions))
        for f in result.findings
    )
    return rows, spent[0], depths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(SAMPLES)])
    args = parser.parse_args(argv)
    full, full_seconds, full_depths = run(args.paths, selective=False)
    chosen, chosen_seconds, chosen_depths = run(args.paths, selective=True)
    for label, rows in (("only with full parsing", full - chosen), ("only with selective parsing", chosen - full)):
        for row in sorted(rows):
            print(f"{label}: {row}")
    names = {nlp.NOTHING: "tokens only", nlp.TAGS: "tagged", nlp.EVERYTHING: "parsed"}
    for label, depths, seconds in (("full", full_depths, full_seconds), ("selective", chosen_depths, chosen_seconds)):
        total = sum(depths.values()) or 1
        shares = ", ".join(f"{names[d]} {depths[d] / total:.0%}" for d in sorted(names))
        print(f"{label:9}: language pass {seconds:6.1f} s; {total:,} sentences: {shares}")
    print(f"selective/full time: {chosen_seconds / full_seconds:.2f}" if full_seconds else "no parsing happened")
    differ = sum((full - chosen).values()) + sum((chosen - full).values())
    print(f"{sum(full.values()):,} findings with full parsing; {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
