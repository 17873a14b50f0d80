"""Precision on real documents: plainlint's findings on ../shared/samples/,
joined on their fingerprints with the labels people gave them.

The labels live in corpora/review/*.jsonl, one row per finding read in its
document: `label` is "useful" (an editor wants it flagged), "trivial" (true
but not worth an editor's time) or "false" (not true); `suggestion` is "good"
(a drop-in an editor would paste), "bad" or null (no suggestion). A label row
holds no text of the document, only the fingerprint, the place and a one-line
reason; `suggestion_sha` names the first suggestion that was judged, so a
changed rewrite counts as not yet judged.

    python benchmarks/precision_eval.py                 # the table; exit 1 when a target is missed
    python benchmarks/precision_eval.py --show PL107    # one rule's labels with their reasons
    python benchmarks/precision_eval.py --todo todo.jsonl [--per-rule 30] [--codes PL1,PL21]
        # write findings not yet labelled, with their text, to label
    python benchmarks/precision_eval.py --merge todo.jsonl --into corpora/review/words.jsonl
        # keep the rows of a labelled todo file (label rows only, no document text)

Targets (issue 10): precision >= 95% for every rule at level warning or
above; useful >= 75% overall; suggestions good >= 90%; passive (PL210)
rewrites good >= 85%.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SAMPLES = PROJECT.parent / "shared" / "samples"
REVIEW = PROJECT / "corpora" / "review"
LABELS = ("useful", "trivial", "false")
SUGGESTION_LABELS = ("good", "bad", None)
LABEL_FIELDS = ("fingerprint", "code", "path", "where", "label", "suggestion", "suggestion_sha", "reason")
TARGETS = {"precision": 0.95, "useful": 0.75, "suggestions": 0.90, "passive": 0.85}


def current_findings() -> list[dict]:
    """Every default rule on every sample, as `plainlint check` runs for a
    user (an empty config), from the samples folder so paths and
    fingerprints are relative to it."""
    with tempfile.TemporaryDirectory() as temp:
        config = Path(temp) / "defaults.toml"
        config.write_text("# empty: every default rule at its default level\n", encoding="utf-8")
        command = [sys.executable, "-m", "plainlint", "check", "--format", "json", "--config", str(config), "."]
        run = subprocess.run(command, cwd=SAMPLES, capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1, 3):
        sys.exit(f"plainlint exited {run.returncode}: {run.stderr.strip()}")
    return json.loads(run.stdout)["findings"]


def where(finding: dict) -> str:
    location = finding["location"]
    parts = []
    if location["page"]:
        parts.append(f"page {location['page']}")
    if location["line"]:
        parts.append(f"line {location['line']}")
    if location["field"]:
        parts.append(f"field {location['field']}")
    return ", ".join(parts) or "file"


def suggestion_sha(finding: dict) -> str | None:
    if not finding["suggestions"]:
        return None
    return hashlib.sha256(finding["suggestions"][0]["text"].encode("utf-8")).hexdigest()[:12]


def load_labels() -> dict[str, dict]:
    labels: dict[str, dict] = {}
    for path in sorted(REVIEW.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            problem = invalid(row)
            if problem:
                sys.exit(f"{path.relative_to(PROJECT)}:{number}: {problem}")
            labels[row["fingerprint"]] = row
    return labels


def invalid(row: dict) -> str | None:
    if row.get("label") not in LABELS:
        return f"label must be one of {', '.join(LABELS)}, not {row.get('label')!r}"
    if row.get("suggestion") not in SUGGESTION_LABELS:
        return f"suggestion must be good, bad or null, not {row.get('suggestion')!r}"
    if not str(row.get("reason", "")).strip():
        return "every label needs a one-line reason"
    return None


def rate(part: int, whole: int) -> str:
    return f"{part / whole:6.0%}" if whole else "     -"


def table(findings: list[dict], labels: dict[str, dict]) -> int:
    """Print per-rule precision, useful-rate and suggestion good-rate; return
    the exit code (1 when a target is missed on labelled findings)."""
    by_code: dict[str, list[dict]] = defaultdict(list)
    for finding in findings:
        by_code[finding["code"]].append(finding)
    seen = {finding["fingerprint"] for finding in findings}
    gone = Counter((row["code"], row["label"]) for print_, row in labels.items() if print_ not in seen)
    print(f"{'rule':6} {'level':10} {'found':>6} {'labelled':>8} {'precision':>9} {'useful':>6} {'sugg. good':>10}  not labelled")
    totals: Counter = Counter()
    missed = []
    for code in sorted(by_code):
        counts: Counter = Counter()
        for finding in by_code[code]:
            row = labels.get(finding["fingerprint"])
            if row is None:
                counts["unlabelled"] += 1
                continue
            counts[row["label"]] += 1
            if finding["suggestions"]:
                if row.get("suggestion") and row.get("suggestion_sha") == suggestion_sha(finding):
                    counts[f"suggestion {row['suggestion']}"] += 1
                else:
                    counts["suggestion unjudged"] += 1
        labelled = sum(counts[label] for label in LABELS)
        judged = counts["suggestion good"] + counts["suggestion bad"]
        level = by_code[code][0]["level"]
        print(
            f"{code:6} {level:10} {len(by_code[code]):6} {labelled:8} "
            f"{rate(counts['useful'] + counts['trivial'], labelled):>9} {rate(counts['useful'], labelled):>6} "
            f"{rate(counts['suggestion good'], judged):>10}  {counts['unlabelled']}"
            + (f" (+{counts['suggestion unjudged']} suggestions unjudged)" if counts["suggestion unjudged"] else "")
        )
        totals.update(counts)
        if level != "suggestion" and labelled and (counts["useful"] + counts["trivial"]) / labelled < TARGETS["precision"]:
            missed.append(f"{code} precision below {TARGETS['precision']:.0%} at level {level}")
        if code == "PL210" and judged and counts["suggestion good"] / judged < TARGETS["passive"]:
            missed.append(f"PL210 rewrites good below {TARGETS['passive']:.0%}")
    labelled = sum(totals[label] for label in LABELS)
    judged = totals["suggestion good"] + totals["suggestion bad"]
    print(
        f"{'all':17} {len(findings):6} {labelled:8} {rate(totals['useful'] + totals['trivial'], labelled):>9} "
        f"{rate(totals['useful'], labelled):>6} {rate(totals['suggestion good'], judged):>10}  {totals['unlabelled']}"
    )
    if gone:
        print("labelled findings no longer found: " + ", ".join(f"{code} {label} {n}" for (code, label), n in sorted(gone.items())))
    if labelled and totals["useful"] / labelled < TARGETS["useful"]:
        missed.append(f"useful-rate below {TARGETS['useful']:.0%}")
    if judged and totals["suggestion good"] / judged < TARGETS["suggestions"]:
        missed.append(f"suggestions good below {TARGETS['suggestions']:.0%}")
    for line in missed:
        print(f"target missed: {line}")
    return 1 if missed or not labelled else 0


def todo(findings: list[dict], labels: dict[str, dict], per_rule: int, codes: list[str]) -> list[dict]:
    """Up to `per_rule` findings per rule that are not labelled yet (counting
    those that are), spread over as many files as possible."""
    by_code: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    labelled: Counter = Counter()
    for finding in findings:
        if codes and not finding["code"].startswith(tuple(codes)):
            continue
        if finding["fingerprint"] in labels:
            labelled[finding["code"]] += 1
        else:
            by_code[finding["code"]][finding["location"]["path"]].append(finding)
    rows = []
    for code in sorted(by_code):
        files = [by_code[code][path] for path in sorted(by_code[code])]
        wanted = per_rule - labelled[code]
        depth = 0
        while wanted > 0 and any(depth < len(found) for found in files):
            for found in files:
                if depth < len(found) and wanted > 0:
                    rows.append(todo_row(found[depth]))
                    wanted -= 1
            depth += 1
    return rows


def todo_row(finding: dict) -> dict:
    return {
        "fingerprint": finding["fingerprint"],
        "code": finding["code"],
        "level": finding["level"],
        "path": finding["location"]["path"],
        "where": where(finding),
        "message": finding["message"],
        "matched": finding["matched"],
        "context": finding["context"],
        "suggestions": finding["suggestions"],
        "suggestion_sha": suggestion_sha(finding),
        "label": None,
        "suggestion": None,
        "reason": "",
    }


def merge(source: Path, target: Path) -> None:
    """Append the labelled rows of a todo file to a label file, keeping only
    the label fields; rows still unlabelled are left out and counted."""
    kept, skipped = [], 0
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") is None:
            skipped += 1
            continue
        problem = invalid(row)
        if problem:
            sys.exit(f"{source}:{number}: {problem}")
        if row.get("suggestion") is None:
            row["suggestion_sha"] = None
        kept.append({field: row.get(field) for field in LABEL_FIELDS})
    target.parent.mkdir(parents=True, exist_ok=True)
    existing = target.read_text(encoding="utf-8") if target.exists() else ""
    known = {json.loads(line)["fingerprint"] for line in existing.splitlines() if line.strip()}
    new = [row for row in kept if row["fingerprint"] not in known]
    target.write_text(existing + "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in new), encoding="utf-8")
    print(f"{target}: {len(new)} labels added ({len(kept) - len(new)} already there, {skipped} rows not labelled)")


def show(findings: list[dict], labels: dict[str, dict], code: str) -> None:
    current = {finding["fingerprint"]: finding for finding in findings}
    for print_, row in sorted(labels.items(), key=lambda item: (item[1]["path"], item[1]["where"])):
        if row["code"] != code:
            continue
        finding = current.get(print_)
        status = "" if finding else " (no longer found)"
        print(f"{row['label']:7} {row.get('suggestion') or '-':4} {row['path']} {row['where']}{status}: {row['reason']}")
        if finding:
            print(f"        {finding['message']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", metavar="CODE", help="print one rule's labels and reasons")
    parser.add_argument("--todo", type=Path, metavar="FILE", help="write findings not yet labelled to FILE")
    parser.add_argument("--per-rule", type=int, default=30, help="with --todo: labelled findings wanted per rule")
    parser.add_argument("--codes", default="", help="with --todo: comma-separated code prefixes (PL1,PL21)")
    parser.add_argument("--merge", type=Path, metavar="FILE", help="a labelled todo file to keep")
    parser.add_argument("--into", type=Path, metavar="FILE", help="with --merge: the label file in corpora/review/")
    args = parser.parse_args()
    if args.merge:
        if not args.into:
            parser.error("--merge needs --into corpora/review/NAME.jsonl")
        merge(args.merge, args.into)
        return 0
    if not SAMPLES.is_dir():
        sys.exit(f"{SAMPLES} is not present: the review set labels findings on those documents")
    findings = current_findings()
    labels = load_labels()
    if args.show:
        show(findings, labels, args.show)
        return 0
    if args.todo:
        rows = todo(findings, labels, args.per_rule, [code for code in args.codes.split(",") if code])
        args.todo.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
        print(f"{args.todo}: {len(rows)} findings to label ({len({row['code'] for row in rows})} rules)")
        return 0
    return table(findings, labels)


if __name__ == "__main__":
    sys.exit(main())
