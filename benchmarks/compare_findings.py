"""Compare the findings of two versions of plainlint on the same files.

A refactor or a speed-up must not change what users see. This runs
`plainlint check --format json` from a git revision (checked out in a
temporary worktree) and from the working tree, on the shared samples and the
project's own, and prints every finding that only one side has.

    python benchmarks/compare_findings.py HEAD~1 [--no-model] [PATH ...]

Exit code 0 when the findings are identical, 1 when they differ.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [PROJECT.parent / "shared" / "samples", PROJECT / "corpora" / "samples"]


def findings(checkout: Path, paths: list[Path], extra: list[str]) -> Counter:
    """Every finding as a hashable row, counted (the same row may recur)."""
    command = [sys.executable, "-m", "plainlint", "check", "--format", "json", *extra, *map(str, paths)]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    run = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1, 3):
        sys.exit(f"{checkout}: plainlint exited {run.returncode}: {run.stderr.strip()}")
    report = json.loads(run.stdout)
    rows: Counter = Counter()
    for result in report["files"]:
        rows[(result["path"], f"error: {result['error']}")] += 1
    for finding in report["findings"]:
        # A fingerprint holds the path relative to the working directory,
        # which differs between the worktree and here for corpora/samples.
        finding.pop("fingerprint", None)
        rows[(finding["location"]["path"], json.dumps(finding, sort_keys=True))] += 1
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", help="git revision to compare the working tree with")
    parser.add_argument("paths", nargs="*", type=Path, default=None)
    parser.add_argument("--no-model", action="store_true", help="compare runs without the language model")
    args = parser.parse_args()
    paths = args.paths or [path for path in DEFAULT_PATHS if path.exists()]
    extra = ["--no-model"] if args.no_model else []
    with tempfile.TemporaryDirectory() as temp:
        worktree = Path(temp) / "before"
        subprocess.run(["git", "worktree", "add", "--detach", str(worktree), args.revision], cwd=PROJECT, check=True, capture_output=True)
        try:
            before = findings(worktree, paths, extra)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=PROJECT, check=False)
    after = findings(PROJECT, paths, extra)
    count = sum(n for key, n in after.items() if not key[1].startswith("error: "))
    files = len({key[0] for key in after})
    only_before, only_after = before - after, after - before
    for label, rows in (("only before", only_before), ("only after", only_after)):
        for row, n in sorted(rows.items()):
            print(f"{label}: {n}x {row[0]}: {row[1]}")
    print(f"{files} files, {count} findings after; {sum(only_before.values())} only before, {sum(only_after.values())} only after")
    return 1 if only_before or only_after else 0


if __name__ == "__main__":
    sys.exit(main())
