"""How long the language server takes from an edit to its diagnostics.

Starts `plainlint lsp` as a subprocess, talks to it with pygls's LSP client
over stdio, opens a page (default: the longest Markdown sample, or a file
named on the command line), waits until the model has loaded (the first
passive-voice diagnostic), then makes ROUNDS edits (one word changed each
time) and prints the time from each `didChange` to the diagnostics for that
version: median and worst, and the first diagnostics' time after opening.

    python benchmarks/lsp_latency.py [FILE] [--rounds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "markdown"


async def measure(page: Path, rounds: int) -> None:
    text = page.read_text(encoding="utf-8")
    times: dict[int, float] = {}
    published: dict[int, list] = {}
    arrived = asyncio.Event()
    client = LanguageClient("latency", "1")

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.setdefault(params.version, []).append((time.perf_counter(), params.diagnostics))
        arrived.set()

    async def until(test) -> None:
        while not test():
            arrived.clear()
            await arrived.wait()

    with tempfile.TemporaryDirectory() as folder:
        await client.start_io(sys.executable, "-m", "plainlint", "lsp", cwd=folder)
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(), process_id=None))
        client.initialized(types.InitializedParams())
        uri = (Path(folder) / page.name).as_uri()
        opened = time.perf_counter()
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text)))
        await until(lambda: 1 in published)
        first = published[1][0][0] - opened
        await asyncio.wait_for(until(lambda: any(d.code == "PL210" for _, ds in published.get(1, []) for d in ds)), 120)
        model = published[1][-1][0] - opened
        for version in range(2, rounds + 2):
            edited = text.replace(" the ", f" the{'' if version % 2 else ' very'} ", 1)
            sent = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangeWholeDocument(text=edited)]))
            await until(lambda v=version: v in published)
            times[version] = published[version][0][0] - sent
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    words = len(text.split())
    print(f"page: {page} ({words:,} words)")
    print(f"first diagnostics after opening: {first:.2f} s; all rules (model loaded): {model:.2f} s")
    print(f"edit -> diagnostics over {rounds} edits: median {statistics.median(times.values()):.3f} s, "
          f"worst {max(times.values()):.3f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=20)
    arguments = parser.parse_args()
    page = arguments.file
    if page is None:
        if not SAMPLES.exists():
            print(f"skipped: no page named and {SAMPLES} is absent")
            return 0
        page = max(SAMPLES.rglob("*.md"), key=lambda path: path.stat().st_size)
    asyncio.run(measure(page, arguments.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
