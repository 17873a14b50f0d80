"""PDF extraction speed: plainlint's extractor against pdfplumber's
page-by-page `extract_text()`, on the 118-page Federal Plain Language
Guidelines from ../shared.

Each side runs in a fresh Python process, so that its peak memory (resident
set size, which includes pdfium's and pdfminer's own allocations) is its
own. Prints seconds, words, words per second and peak memory for both, and
the speed ratio; exits 1 when plainlint is less than 5x faster.

    python benchmarks/pdf_speed.py
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

SAMPLE = (
    Path(__file__).resolve().parents[2] / "shared" / "samples" / "pdf" / "documents"
    / "plainlanguage-gov__FederalPLGuidelines_2011.pdf"
)
TARGET_RATIO = 5.0


def run_plainlint(path: Path) -> dict:
    from plainlint.extract import Source
    from plainlint.extract.pdf.reader import extract

    data = path.read_bytes()
    start = time.perf_counter()
    document = extract(Source(str(path), data))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "words": document.word_count(), "pages": document.metadata["pages"]}


def run_pdfplumber(path: Path) -> dict:
    import pdfplumber

    from plainlint.language.text import count_words

    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        pages = len(pdf.pages)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "words": sum(count_words(text) for text in texts), "pages": pages}


RUNNERS = {"plainlint": run_plainlint, "pdfplumber": run_pdfplumber}


def measure(name: str) -> dict:
    """Run one side in a child process and read back its numbers."""
    child = subprocess.run(
        [sys.executable, __file__, "--child", name],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    return json.loads(child.stdout.strip().splitlines()[-1])


def child(name: str) -> None:
    result = RUNNERS[name](SAMPLE)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> int:
    if not SAMPLE.exists():
        print(f"skipped: {SAMPLE} not found (../shared is absent); nothing to measure")
        return 0
    print(f"{SAMPLE.name} ({SAMPLE.stat().st_size / 1e6:.1f} MB)")
    results = {name: measure(name) for name in RUNNERS}
    print(f"{'extractor':<34}{'pages':>6}{'seconds':>9}{'words':>8}{'words/s':>10}{'peak RSS':>11}")
    labels = {"plainlint": "plainlint (pdfium + layout)", "pdfplumber": "pdfplumber extract_text()"}
    for name, result in results.items():
        rate = result["words"] / result["seconds"]
        print(
            f"{labels[name]:<34}{result['pages']:>6}{result['seconds']:>9.2f}{result['words']:>8}"
            f"{rate:>10,.0f}{result['peak_rss_mb']:>8.0f} MB"
        )
    ratio = results["pdfplumber"]["seconds"] / results["plainlint"]["seconds"]
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    print(f"plainlint is {ratio:.1f}x faster than pdfplumber ({verdict} the {TARGET_RATIO:.0f}x target)")
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        sys.exit(main())
