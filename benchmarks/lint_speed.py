"""Whole-linter speed against the raw spaCy parse it is built on.

Runs `plainlint check` with every default rule over a corpus (by default the
plainlanguage.gov guidelines in ../shared/samples/markdown/plainlanguage-gov/),
end to end: finding the files, reading and extracting them, the NLP pass, every
rule, suppressions, sorting and the text report (written to /dev/null). In a
process of its own it times a bare `nlp.pipe` over the very block texts the linter
parses, with the very pipeline the linter loads (same model, same components,
same batch size). It prints both rates in words per second (the words
`plainlint check` counts), their ratio, where the linter's time goes, and the
peak resident set size.

Fairness: each side runs in a fresh Python process of its own, so both start
with the same cold spaCy vocabulary and caches (a second pass over the same
texts in one process runs about twice as fast, which would flatter whichever
side went second); the order alternates between repeats. The model load is
left out of both rates (it is timed and printed on its own), and both sides
are warmed up first on a small text of the benchmark's own, so that one-time
work (spaCy's first batch, textstat and the CMU dictionary, the rules' word
lists) is left out too, while the caches that matter start cold on the
corpus. Medians are reported. The linter runs with an empty config file
(`--config`), so the corpus's own config, if it had one, cannot change the
rules.

A cold `plainlint check` subprocess (imports and model load included, as a
user meets it) is timed as well, for information.

Target: the linter at >= 75% of the raw parse rate, and peak RSS < 600 MB.
Exits 1 when a target is missed.

    python benchmarks/lint_speed.py
    python benchmarks/lint_speed.py --repeat 5
    python benchmarks/lint_speed.py --corpus ../shared/samples/docx/   # for information
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "samples" / "markdown" / "plainlanguage-gov"
TARGET_RATIO = 0.75
TARGET_RSS_MB = 600.0

#: The warm-up document: the benchmark's own words, a little of every kind of
#: block, so that every rule loads what it loads lazily.
WARM_UP = """\
# Apply for the allowance

You can apply for the allowance if you live in the county. The office must
receive your form by 1 June. It will be reviewed by a case worker, who may
call you to ask about your income and your household.

## What you need

- your tax return for last year
- a letter from your employer that shows what you earn
- the names of the people who live with you

| Document | Where to get it |
| --- | --- |
| Tax return | Your tax adviser or the revenue office |
| Pay letter | Your employer |

We will not be able to decide on your application unless you send us every
document, except where the law says otherwise or the office agrees in writing
that a document is not needed. The Department of Social Services (DSS) answers
questions by phone.
"""


def _rss_mb(usage: resource.struct_rusage) -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    return usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


# ---------------------------------------------------------------- child side


def child(corpus: Path, config: Path, side: str) -> dict:
    """One side of one repeat, in a fresh process: load, warm up, then time
    the linter (`side` "lint") or the raw parse of its texts ("raw")."""
    start = time.perf_counter()
    from plainlint import __version__, engine, formatters
    from plainlint.config import ConfigResolver, Overrides
    from plainlint.document import PLACEHOLDER
    from plainlint.extract import extract, read_source
    from plainlint.language.nlp import BATCH_SIZE, LanguagePass, components_for, load
    from plainlint.registry import default_registry

    registry = default_registry()
    resolver = ConfigResolver(registry, Overrides(), config)
    settings = resolver.for_path(None)
    rules = settings.enabled_rules(registry)
    needs = {need for rule in rules for need in rule.wants}
    components = components_for(needs)
    imports = time.perf_counter() - start

    # The model, loaded the way the linter loads it; `load` is cached, so the
    # linter below gets this same pipeline object.
    language = LanguagePass(settings.model)
    if not language.available:
        raise SystemExit(f"no spaCy model: {language.problem}")
    start = time.perf_counter()
    nlp = load(language._model, components)
    load_seconds = time.perf_counter() - start

    def lint(paths: list[str], report: bool) -> engine.RunResult:
        linter = engine.Linter(registry, resolver)
        result = linter.run(list(linter.targets(paths)))
        if report:
            with open(os.devnull, "w", encoding="utf-8") as devnull:
                formatters.render("text", formatters.Report(result, registry, __version__), devnull, False)
        return result

    # Warm up this side on the benchmark's own small document.
    with tempfile.TemporaryDirectory() as folder:
        warm = Path(folder) / "warm-up.md"
        warm.write_text(WARM_UP, encoding="utf-8")
        start = time.perf_counter()
        if side == "lint":
            lint([str(warm)], report=True)
        else:
            warm_blocks = extract(read_source(warm, str(warm))).blocks
            for _ in nlp.pipe([b.text.replace(PLACEHOLDER, "X") for b in warm_blocks], batch_size=BATCH_SIZE):
                pass
        warm_seconds = time.perf_counter() - start

    if side == "raw":
        # The block texts the linter parses, extracted outside the timing.
        probe = engine.Linter(registry, resolver)
        texts: list[str] = []
        for target in probe.targets([str(corpus)]):
            if isinstance(target, engine.FileResult):
                continue
            try:
                document = extract(read_source(target.path, target.display, settings.max_file_size))
            except Exception:  # an unreadable file: the linter reports it, nobody parses it
                continue
            texts.extend(block.text.replace(PLACEHOLDER, "X") for block in document.blocks)
        gc.collect()
        start = time.perf_counter()
        tokens = 0
        for doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
            tokens += len(doc)
        return {
            "raw": time.perf_counter() - start,
            "tokens": tokens,
            "blocks": len(texts),
            "warm_raw": warm_seconds,
            "raw_rss_mb": _rss_mb(resource.getrusage(resource.RUSAGE_SELF)),
        }

    # Where the linter's time goes, by wrapping the engine's own steps (a
    # handful of calls per file: no measurable overhead).
    phases = {"extract": 0.0, "nlp": 0.0, "rules": 0.0}
    originals = (engine.Linter._prepare, engine.Linter._language_pass, engine.check_document)

    def timed(name, function):
        def wrapper(*args, **kwargs):
            begin = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                phases[name] += time.perf_counter() - begin

        return wrapper

    engine.Linter._prepare = timed("extract", originals[0])
    engine.Linter._language_pass = timed("nlp", originals[1])
    engine.check_document = timed("rules", originals[2])

    gc.collect()
    start = time.perf_counter()
    linter = engine.Linter(registry, resolver)
    result = linter.run(list(linter.targets([str(corpus)])))
    after_run = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as devnull:
        formatters.render("text", formatters.Report(result, registry, __version__), devnull, False)
    lint_seconds = time.perf_counter() - start
    phases["report"] = time.perf_counter() - after_run
    phases["other"] = (after_run - start) - phases["extract"] - phases["nlp"] - phases["rules"]
    lint_rss = _rss_mb(resource.getrusage(resource.RUSAGE_SELF))
    engine.Linter._prepare, engine.Linter._language_pass, engine.check_document = originals

    return {
        "model": language._model,
        "components": sorted(nlp.pipe_names),
        "rules": len(rules),
        "files": sum(1 for _ in engine.Linter(registry, resolver).targets([str(corpus)])),
        "words": sum(file.words for file in result.files),
        "findings": len(result.findings),
        "imports": imports,
        "load": load_seconds,
        "warm_lint": warm_seconds,
        "lint": lint_seconds,
        "phases": phases,
        "lint_rss_mb": lint_rss,
    }


# --------------------------------------------------------------- parent side


def _spawn(arguments: list[str], allowed: tuple[int, ...] = (0, 1)) -> tuple[float, float, str]:
    """Run a command; its wall time, its own peak RSS (os.wait4 gives one
    child's rusage, which RUSAGE_CHILDREN would pool) and its stdout.
    Exit codes outside `allowed` stop the benchmark (1: plainlint found
    something)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(arguments, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
        stderr = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        stdout = out.read().decode()
    if process.returncode not in allowed:
        sys.stderr.write(stderr.decode())
        raise SystemExit(f"{arguments[:3]} failed with exit code {process.returncode}")
    return seconds, _rss_mb(usage), stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder or file to lint")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes to run (median reported)")
    parser.add_argument("--no-cli", action="store_true", help="skip the cold `plainlint check` subprocess")
    parser.add_argument("--child", choices=("lint", "raw"), help=argparse.SUPPRESS)
    parser.add_argument("--config", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(child(args.corpus, args.config, args.child)))
        return 0
    if not args.corpus.exists():
        where = "../shared is absent" if not SHARED.exists() else "no such path"
        print(f"skipped: {args.corpus} not found ({where}); nothing to measure")
        return 0

    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "defaults.toml"
        config.write_text("# empty: every default rule at its default level\n", encoding="utf-8")
        runs, cli = [], []
        for index in range(args.repeat):
            run = {}
            # Alternate which side goes first, in case the machine drifts.
            for side in ("lint", "raw") if index % 2 == 0 else ("raw", "lint"):
                command = [sys.executable, __file__, "--child", side, "--corpus", str(args.corpus), "--config", str(config)]
                run.update(json.loads(_spawn(command, allowed=(0,))[2].strip().splitlines()[-1]))
            runs.append(run)
            print(
                f"  repeat {index + 1}: linter {run['words'] / run['lint']:,.0f} words/s, "
                f"raw parse {run['words'] / run['raw']:,.0f} words/s, "
                f"ratio {run['raw'] / run['lint']:.2f}, peak RSS {run['lint_rss_mb']:.0f} MB",
                flush=True,
            )
            if not args.no_cli:
                cli.append(_spawn(["plainlint", "check", "--no-cache", "--jobs", "1", "--config", str(config), "--color", "never", str(args.corpus)])[:2])
    return report(args.corpus, runs, cli)


def report(corpus: Path, runs: list[dict], cli: list[tuple[float, float]]) -> int:
    first = runs[0]

    def median(key: str) -> float:
        return statistics.median(run[key] for run in runs)

    words = first["words"]
    lint, raw = median("lint"), median("raw")
    ratio = statistics.median(run["raw"] / run["lint"] for run in runs)
    rss = max(run["lint_rss_mb"] for run in runs)
    print()
    print(f"corpus: {corpus}  ({first['files']} files, {first['blocks']} blocks, {words:,} words, {first['tokens']:,} tokens)")
    print(f"rules: all {first['rules']} default rules; model {first['model']} with {', '.join(first['components'])}")
    print(f"cores: {os.cpu_count()}; medians of {len(runs)} fresh processes; model load and warm-up excluded from both rates")
    print()
    print(f"{'':<28}{'seconds':>9}{'words/s':>10}")
    print(f"{'raw nlp.pipe':<28}{raw:>9.2f}{words / raw:>10,.0f}")
    print(f"{'plainlint check (all rules)':<28}{lint:>9.2f}{words / lint:>10,.0f}")
    print(f"ratio linter/raw: {ratio:.2f}  (target >= {TARGET_RATIO:.2f})")
    phases = {name: statistics.median(run["phases"][name] for run in runs) for name in first["phases"]}
    print("linter time: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in phases.items()))
    print(
        f"one-time: imports {median('imports'):.2f} s, model load {median('load'):.2f} s, "
        f"warm-up linter {median('warm_lint'):.2f} s, raw {median('warm_raw'):.2f} s"
    )
    print(f"peak RSS (linter process, highest of the repeats): {rss:.0f} MB  (target < {TARGET_RSS_MB:.0f} MB)")
    if cli:
        cli_seconds = statistics.median(seconds for seconds, _ in cli)
        cli_rss = max(rss for _, rss in cli)
        print(
            f"cold `plainlint check` subprocess (imports and model load included): "
            f"{cli_seconds:.2f} s, {words / cli_seconds:,.0f} words/s, peak RSS {cli_rss:.0f} MB"
        )
        rss = max(rss, cli_rss)
    missed = []
    if ratio < TARGET_RATIO:
        missed.append(f"ratio {ratio:.2f} < {TARGET_RATIO}")
    if rss >= TARGET_RSS_MB:
        missed.append(f"peak RSS {rss:.0f} MB >= {TARGET_RSS_MB:.0f} MB")
    print("targets: " + ("met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
