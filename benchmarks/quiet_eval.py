"""Quiet on good writing: findings per 1,000 words on plain text against the
same measure on the text it replaced.

The corpus is plainlanguage.gov's own before/after tables
(../shared/reference/plain-language/plainlanguage_gov_tables.csv): every row
whose headers say which side is the plain one ("Don't say" / "Say",
"Jargon" / "Plain", "Before" / "After", "Passive" / "Active", ...). Each side
becomes one Markdown file, a row a paragraph, and `plainlint check` runs on
both with every default rule (an empty config), exactly as a user runs it.
Document-level rules (acronyms, readability per section) see each side as
one document, as they would a page.

Prints findings per 1,000 words on each side, overall and per rule, and the
ratio. Target: the plain side draws far fewer findings (ratio >= 3) and
fewer than 40 per 1,000 words. Exits 1 when a target is missed.

    python benchmarks/quiet_eval.py
    python benchmarks/quiet_eval.py --show PL101   # the plain-side findings of one rule
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLES = ROOT.parent / "shared" / "reference" / "plain-language" / "plainlanguage_gov_tables.csv"
#: (left header, right header) -> which column is the plain one.
PAIRS = {
    ("Don’t say", "Say"): "right",
    ("Don't say", "Say"): "right",
    ("Jargon", "Plain"): "right",
    ("Before", "After"): "right",
    ("Passive", "Active"): "right",
    ("Passive voice", "Active voice"): "right",
    ("Regulation", "Short sentences"): "right",
    ("Accusatory use of you", "Better tone using we"): "right",
    ("Calls", "Old letter"): "left",
    ("Type of user", "Old regulation"): "left",
}
TARGET_RATIO = 3.0
TARGET_PLAIN_RATE = 40.0


def sides(path: Path) -> tuple[list[str], list[str]]:
    """The (before, after) texts of every row with a known plain side."""
    before, after = [], []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            plain = PAIRS.get((row["left_header"].strip(), row["right_header"].strip()))
            if plain is None or not row["left"].strip() or not row["right"].strip():
                continue
            old, new = (row["left"], row["right"]) if plain == "right" else (row["right"], row["left"])
            before.append(old.strip())
            after.append(new.strip())
    return before, after


def lint(paragraphs: list[str], name: str, folder: Path, config: Path) -> dict:
    document = folder / f"{name}.md"
    document.write_text("\n\n".join(" ".join(p.split()) for p in paragraphs) + "\n", encoding="utf-8")
    process = subprocess.run(
        ["plainlint", "check", "--format", "json", "--config", str(config), str(document)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if process.returncode not in (0, 1):
        raise SystemExit(f"plainlint failed on {name}: {process.stderr}")
    return json.loads(process.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tables", type=Path, default=TABLES)
    parser.add_argument("--show", metavar="CODE", help="print the plain side's findings of this rule")
    args = parser.parse_args()
    if not args.tables.exists():
        print(f"skipped: {args.tables} not found (../shared is absent); nothing to measure")
        return 0
    before, after = sides(args.tables)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        config = folder / "defaults.toml"
        config.write_text("# empty: every default rule at its default level\n", encoding="utf-8")
        reports = {"before": lint(before, "before", folder, config), "after": lint(after, "after", folder, config)}

    rates = {}
    by_rule = {}
    for side, report in reports.items():
        words = report["summary"]["words"]
        rates[side] = 1000 * report["summary"]["findings"] / words
        by_rule[side] = Counter(f["code"] for f in report["findings"])
        print(f"{side:>6}: {len(before)} rows, {words:,} words, {report['summary']['findings']} findings, "
              f"{rates[side]:.1f} per 1,000 words")
    ratio = rates["before"] / rates["after"] if rates["after"] else float("inf")
    print(f" ratio: {ratio:.1f}x more findings per word before than after (target >= {TARGET_RATIO})")
    print()
    print(f"{'rule':<7}{'before':>8}{'after':>8}   per 1,000 words: before / after")
    codes = sorted(set(by_rule["before"]) | set(by_rule["after"]))
    for code in codes:
        b, a = by_rule["before"][code], by_rule["after"][code]
        wb, wa = reports["before"]["summary"]["words"], reports["after"]["summary"]["words"]
        print(f"{code:<7}{b:>8}{a:>8}   {1000 * b / wb:6.1f} / {1000 * a / wa:5.1f}")
    if args.show:
        print()
        for finding in reports["after"]["findings"]:
            if finding["code"] == args.show:
                print(f"  line {finding['location']['line']}: {finding['message']}")
    missed = []
    if ratio < TARGET_RATIO:
        missed.append(f"ratio {ratio:.1f} < {TARGET_RATIO}")
    if rates["after"] >= TARGET_PLAIN_RATE:
        missed.append(f"plain side {rates['after']:.1f} >= {TARGET_PLAIN_RATE} per 1,000 words")
    print("targets: " + ("met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
