"""Findings per file kept between runs, so that an unchanged file costs a
hash and a read.

An entry is keyed by everything its findings depend on: the file's bytes and
path, the rules that run on it with their options and levels, the team's
vocabulary, whether the language model is there, and plainlint's own code
and rule specs (their sizes and times, so an edited checkout never reads a
stale entry). Entries are JSON files written by rename, so two runs can
share a folder: a reader sees a whole entry or none, and a damaged entry is
a miss. The folder is kept under `CACHE_BYTES` by removing the entries used
longest ago.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import asdict
from importlib.metadata import entry_points
from pathlib import Path

from plainlint import __version__
from plainlint.compiled import files_stamp
from plainlint.document import DocumentStats, Finding, Level, Location, Suggestion
from plainlint.limits import CACHE_BYTES
from plainlint.registry import builtin_specs_dir

#: Bumped when the entry format changes.
FORMAT = 2
_PACKAGE = Path(__file__).resolve().parent


def code_stamp(*folders: Path) -> str:
    """A digest of plainlint's version, the size and time of every file of
    its code and specs, and the installed rule plugins."""
    digest = hashlib.sha256(f"{FORMAT} {__version__}\n".encode())
    digest.update(files_stamp(*folders).encode(errors="surrogateescape"))
    for entry in entry_points(group="plainlint.rules"):
        version = entry.dist.version if entry.dist else ""
        digest.update(f"plugin {entry.name} {entry.value} {version}\n".encode())
    return digest.hexdigest()


def open_cache(folder: Path) -> ResultCache:
    """The cache in `folder` for this plainlint's code and specs."""
    return ResultCache(folder, code_stamp(_PACKAGE, builtin_specs_dir()))


class ResultCache:
    """Read and write entries in `folder`; any OS error is a miss, never a
    failed run (a read-only or full disk only makes the run slower)."""

    def __init__(self, folder: Path, stamp: str, max_bytes: int = CACHE_BYTES):
        self.folder = folder / f"v{FORMAT}"
        self.stamp = stamp
        self.max_bytes = max_bytes
        self.written = 0

    def key(self, data: bytes, *parts: str) -> str:
        """The entry for `data` read with `parts` (path, format, rules ...)."""
        digest = hashlib.sha256(self.stamp.encode())
        for part in parts:
            digest.update(part.encode(errors="surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str, path: str) -> tuple[list[Finding], int, DocumentStats | None] | None:
        """The findings (located in `path`), word count and document
        measures stored under `key`."""
        entry = self._entry(key)
        try:
            stored = json.loads(entry.read_bytes())
            findings = [_finding(item, path) for item in stored["findings"]]
            words = int(stored["words"])
            stats = DocumentStats(**stored["stats"]) if stored.get("stats") else None
            os.utime(entry)  # used now: pruned last
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return findings, words, stats

    def put(self, key: str, findings: list[Finding], words: int, stats: DocumentStats | None = None) -> None:
        stored = {
            "words": words,
            "stats": asdict(stats) if stats else None,
            "findings": [_stored(finding) for finding in findings],
        }
        entry = self._entry(key)
        temporary = entry.with_name(f".{entry.name}.{secrets.token_hex(4)}.tmp")
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(stored, separators=(",", ":")), encoding="utf-8")
            os.replace(temporary, entry)
            self.written += 1
        except (OSError, ValueError):  # ValueError: a NUL in the configured folder
            try:
                temporary.unlink(missing_ok=True)
            except (OSError, ValueError):
                pass

    def prune(self) -> None:
        """Remove the entries used longest ago until the folder is under
        three quarters of its bound (only after a run that wrote)."""
        if not self.written:
            return
        entries = []
        for root, _, files in os.walk(self.folder):
            for name in files:
                try:
                    info = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                entries.append((info.st_mtime, info.st_size, os.path.join(root, name)))
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return
        for _, size, name in sorted(entries):
            try:
                os.unlink(name)
            except OSError:
                continue
            total -= size
            if total <= self.max_bytes * 3 // 4:
                return

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"


def _stored(finding: Finding) -> dict:
    stored = asdict(finding)
    del stored["location"]["path"]
    return stored


def _finding(stored: dict, path: str) -> Finding:
    return Finding(
        code=stored["code"],
        name=stored["name"],
        level=Level(stored["level"]),
        message=stored["message"],
        location=Location(path=path, **stored["location"]),
        suggestions=[Suggestion(**suggestion) for suggestion in stored["suggestions"]],
        matched=stored["matched"],
        context=stored["context"],
        hints=stored["hints"],
    )
