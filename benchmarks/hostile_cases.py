"""The worst case of each class of hostile input (issue 17), built here and
run through `plainlint check` one at a time: exit code, seconds, peak
resident memory, and whether a traceback came out.

    python benchmarks/hostile_cases.py            # every case (about 10 minutes)
    python benchmarks/hostile_cases.py pdf md     # cases whose name has one of these words

Each run is a fresh process with a 300 s timeout and a 4 GiB address-space
cap, so a regression shows as TIMEOUT or a MemoryError instead of taking the
machine down. A good Markdown file goes along with every case, and the
script checks that its findings still print. Exit 1 when a case prints a
traceback, times out or loses the good file's findings.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support import pdf_stream, raw_pdf  # noqa: E402 - the tests' raw PDF writer

GOOD = "The form was signed by the the clerk.\n"
TIMEOUT = 300
ADDRESS_SPACE = 4 * 1024**3


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_text_bomb(folder: Path) -> list[str]:
    """One page whose content inflates to 256 MB of text operators."""
    packer = zlib.compressobj(9)
    chunk = b"(a) Tj " * 100_000
    body = packer.compress(b"BT /F1 11 Tf 72 720 Td ")
    body += b"".join(packer.compress(chunk) for _ in range(256 * 1024 * 1024 // len(chunk)))
    body += packer.compress(b" ET") + packer.flush()
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
    data = raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
                 pdf_stream(body, flate=True), FONT])
    return [_write(folder / "bomb.pdf", data)]


def pdf_many_fields(folder: Path) -> list[str]:
    """100,000 text fields on one page."""
    count, first = 100_000, 6
    fields = b" ".join(b"%d 0 R" % (first + i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields 4 0 R >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Annots 4 0 R /Contents %d 0 R >>" % (first + count),
        b"[" + fields + b"]",
        FONT,
    ]
    objects += [
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (f%d) /TU (Your name) /Rect [%d %d %d %d] /P 3 0 R >>"
        % (i, 20 + i % 50 * 11, 20 + i // 50 % 70 * 10, 30 + i % 50 * 11, 28 + i // 50 % 70 * 10)
        for i in range(count)
    ]
    objects.append(pdf_stream(b"BT /F1 11 Tf 72 720 Td (Application form) Tj ET"))
    return [_write(folder / "fields.pdf", raw_pdf(objects))]


def html_5mb(folder: Path) -> list[str]:
    paragraph = "<p>The applicant shall submit the form in order to receive the benefit.</p>\n"
    return [_write(folder / "big.html", "<!doctype html><html><body>" + paragraph * (5_000_000 // len(paragraph)))]


def html_radios(folder: Path) -> list[str]:
    radio = '<input type="radio" name="c" id="dup" value="1"><label for="dup">Option</label>'
    return [_write(folder / "radios.html", "<!doctype html><html><body><form><fieldset>" + radio * 100_000)]


def md_one_line_5mb(folder: Path) -> list[str]:
    words = "the form was signed by a clerk and sent to our office for review ".split()
    line = " ".join(words[i % len(words)] for i in range(5_000_000 // 5))
    return [_write(folder / "line.md", line[:5_000_000] + "\n")]


def md_brackets(folder: Path) -> list[str]:
    return [_write(folder / "brackets.md", "[" * 1_000_000 + "\n")]


def md_run_on_sentence(folder: Path) -> list[str]:
    return [_write(folder / "sentence.md", " ".join(["word"] * 140_000) + "\n")]


def device(folder: Path) -> list[str]:
    return ["/dev/zero"]


def fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.md")
    return [str(folder / "pipe.md")]


def link_out(folder: Path) -> list[str]:
    tree = folder / "tree"
    tree.mkdir()
    (tree / "passwd.md").symlink_to("/etc/passwd")
    (tree / "loop.md").symlink_to("loop.md")
    return [str(tree)]


CASES: dict[str, tuple[Callable[[Path], list[str]], list[str]]] = {
    "pdf-text-bomb": (pdf_text_bomb, ["--no-model"]),
    "pdf-100k-fields": (pdf_many_fields, ["--no-model"]),
    "html-5mb": (html_5mb, ["--no-model"]),
    "html-100k-radios": (html_radios, ["--no-model"]),
    "md-5mb-one-line": (md_one_line_5mb, ["--no-model"]),
    "md-5mb-one-line-model": (md_one_line_5mb, []),
    "md-million-brackets": (md_brackets, ["--no-model"]),
    "md-140k-word-sentence": (md_run_on_sentence, ["--no-model"]),
    "md-140k-word-sentence-model": (md_run_on_sentence, []),
    "device": (device, ["--no-model"]),
    "fifo": (fifo, ["--no-model"]),
    "links-out-and-loops": (link_out, ["--no-model"]),
}


def _write(path: Path, data: str | bytes) -> str:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run(name: str, folder: Path) -> tuple[str, float, float, bool, bool]:
    build, flags = CASES[name]
    good = _write(folder / "good.md", GOOD)
    command = [sys.executable, "-m", "plainlint", "check", "--format", "json", "--output", str(folder / "out.json"),
               *flags, *build(folder), good]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_cap)
    try:
        _, stderr = process.communicate(timeout=TIMEOUT)
        outcome = str(process.returncode)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
        outcome = "TIMEOUT"
    seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return outcome, seconds, peak, b"Traceback" in stderr, _kept(folder / "out.json", good)


def _kept(report: Path, good: str) -> bool:
    """Whether the good file's finding (PL110, "the the") is in the report."""
    if not report.exists():
        return False
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    return any(f["location"]["path"] == good and f["code"] == "PL110" for f in findings)


def main(words: list[str]) -> int:
    names = [name for name in CASES if not words or any(word in name for word in words)]
    failed = False
    print(f"{'case':30} {'exit':>7} {'seconds':>8} {'peak MB':>8}  traceback  good file kept")
    for name in names:
        with tempfile.TemporaryDirectory() as temp:
            # A fresh child per case: RUSAGE_CHILDREN's peak is the largest so far.
            probe = subprocess.run(
                [sys.executable, __file__, "--one", name, temp], capture_output=True, text=True, check=False
            )
        print(probe.stdout.rstrip() or f"{name:30} {probe.stderr.strip()[-200:]}")
        failed |= probe.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        outcome, seconds, peak, traceback, kept = run(sys.argv[2], Path(sys.argv[3]))
        print(f"{sys.argv[2]:30} {outcome:>7} {seconds:8.1f} {peak:8.0f}  {'YES' if traceback else 'no':9}  {'yes' if kept else 'NO'}")
        sys.exit(1 if traceback or outcome == "TIMEOUT" or not kept else 0)
    sys.exit(main(sys.argv[1:]))
