"""plainlint against proselint, side by side, on the same Markdown corpus.

The corpus is the Markdown in ../shared/samples/markdown/, copied as many
times as it takes to pass 300,000 words (each copy in a folder of its own, so
every file has its own path and cache entry). One process alternates, for
each round: plainlint cold (an empty cache folder, so its writes are paid),
plainlint warm (the cache that run filled), plainlint --no-model cold,
plainlint --jobs 1 cold, and proselint with `{"max_errors": 10000000}`. Each
is a command run as a user runs it, imports and model load included, output
to /dev/null. It prints words/s (the words plainlint counts, for every tool),
the ratios, and each command's peak RSS (the largest single process: with
--jobs, the largest worker), then start-up on one small file. Medians over
the rounds.

proselint is not one of plainlint's dependencies: install it where the
benchmark can find it, e.g.

    python3 -m venv /tmp/bench && /tmp/bench/bin/pip install proselint==0.16.0
    PROSELINT=/tmp/bench/bin/proselint python benchmarks/peer_speed.py

(`proselint` on PATH also works). Without proselint or the corpus it says so
and exits 0. Targets (exit 1 when one is missed): cold >= 1.0x proselint;
--no-model >= 3x proselint; warm >= 20x cold; peak RSS < 500 MB per process.

    python benchmarks/peer_speed.py [--rounds 2] [--words 300000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SAMPLES = PROJECT.parent / "shared" / "samples" / "markdown"
SMALL = PROJECT / "corpora" / "samples" / "benefits-letter.md"
PLAINLINT = [sys.executable, "-m", "plainlint"]


def proselint() -> str | None:
    return os.environ.get("PROSELINT") or shutil.which("proselint")


def build_corpus(folder: Path, words: int) -> int:
    """Copies of the samples under `folder` until they pass `words`; the
    words plainlint counts in them."""
    one = _words(SAMPLES)
    copies = -(-words // one)
    for index in range(copies):
        shutil.copytree(SAMPLES, folder / f"copy{index:02d}")
    return one * copies


def _words(folder: Path) -> int:
    report = subprocess.run([*PLAINLINT, "check", "--no-model", "--no-cache", "--format", "json", str(folder)],
                            capture_output=True, text=True, check=False)
    return json.loads(report.stdout)["summary"]["words"]


def timed(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of `command`, its output thrown away."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=sink, env=env)
        _, _, usage = os.wait4(process.pid, 0)  # this child's own peak, unlike RUSAGE_CHILDREN
    seconds = time.perf_counter() - started
    process.returncode = 0  # reaped above; tell Popen not to wait again
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--words", type=int, default=300_000)
    args = parser.parse_args()
    peer = proselint()
    if peer is None or not SAMPLES.is_dir():
        print(f"skipped: {'proselint is not installed (set PROSELINT)' if peer is None else f'no corpus at {SAMPLES}'}")
        return 0
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        corpus = temp / "corpus"
        words = build_corpus(corpus, args.words)
        config = temp / "proselintrc.json"
        config.write_text(json.dumps({"max_errors": 10_000_000}))
        check = [*PLAINLINT, "check", "--config", str(_empty_config(temp)), "--format", "json"]
        commands = {
            "plainlint cold": [*check, str(corpus)],
            "plainlint warm": [*check, str(corpus)],
            "plainlint --no-model cold": [*check, "--no-model", "--no-cache", str(corpus)],
            "plainlint --jobs 1 cold": [*check, "--jobs", "1", "--no-cache", str(corpus)],
            "proselint 0.16": [peer, "check", "--config", str(config), "-o", "json", str(corpus)],
        }
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for round_ in range(args.rounds):
            cache = temp / f"cache{round_}"
            env = {**os.environ, "PLAINLINT_CACHE_DIR": str(cache)}
            for name, command in commands.items():
                runs[name].append(timed(command, env))
        print(f"corpus: {words:,} words ({corpus}), {args.rounds} rounds, {os.cpu_count()} cores")
        print(f"{'':28} {'seconds':>8} {'words/s':>9} {'vs proselint':>13} {'peak MB':>8}")
        median = {name: statistics.median(s for s, _ in values) for name, values in runs.items()}
        peak = {name: max(m for _, m in values) for name, values in runs.items()}
        for name in commands:
            ratio = median["proselint 0.16"] / median[name]
            print(f"{name:28} {median[name]:8.1f} {words / median[name]:9,.0f} {ratio:12.2f}x {peak[name]:8.0f}")
        warm_speedup = median["plainlint cold"] / median["plainlint warm"]
        print(f"warm is {warm_speedup:.1f}x faster than cold")
        startup = _startup(peer, temp)
    targets = {
        "cold >= 1.0x proselint": median["proselint 0.16"] / median["plainlint cold"] >= 1.0,
        "--no-model >= 3x proselint": median["proselint 0.16"] / median["plainlint --no-model cold"] >= 3.0,
        "warm >= 20x cold": warm_speedup >= 20,
        "peak RSS < 500 MB": max(v for k, v in peak.items() if k.startswith("plainlint")) < 500,
        "--version < 0.2 s": startup["plainlint --version"] < 0.2,
        "small file --no-model < 0.5 s": startup["plainlint --no-model (small file)"] < 0.5,
        "small file with the model < 1.5 s": startup["plainlint (small file)"] < 1.5,
    }
    for target, met in targets.items():
        print(f"{'met   ' if met else 'MISSED'} {target}")
    return 0 if all(targets.values()) else 1


def _empty_config(folder: Path) -> Path:
    path = folder / "plainlint.toml"  # no rules changed: the defaults
    path.write_text("")
    return path


def _startup(peer: str, temp: Path) -> dict[str, float]:
    """Median of five runs of each command on one small file, cold cache."""
    commands = {
        "plainlint --version": [*PLAINLINT, "--version"],
        "plainlint --no-model (small file)": [*PLAINLINT, "check", "--no-model", "--no-cache", str(SMALL)],
        "plainlint (small file)": [*PLAINLINT, "check", "--no-cache", str(SMALL)],
        "proselint (small file)": [peer, "check", str(SMALL)],
    }
    print(f"start-up, one small file ({SMALL.name}):")
    result = {}
    for name, command in commands.items():
        result[name] = statistics.median(timed(command)[0] for _ in range(5))
        print(f"  {name:36} {result[name]:6.2f} s")
    return result


if __name__ == "__main__":
    sys.exit(main())
