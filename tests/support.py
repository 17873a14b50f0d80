"""Helpers the tests import: where the project and the real samples are,
and small ways to lint a string."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from plainlint.config import Settings
from plainlint.document import Finding
from plainlint.engine import check_document
from plainlint.extract import Source, extract
from plainlint.language.nlp import LanguagePass, Want
from plainlint.registry import default_registry

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"


def lint_markdown(text: str, select: tuple[str, ...] | None = None, **settings) -> list[Finding]:
    """Findings for a Markdown string with default settings (or `select`)."""
    config = Settings(root=PROJECT, select=select, **settings)
    rules = config.enabled_rules(default_registry())
    document = extract(Source("test.md", text.encode(), default_format="markdown"))
    parse_for(document, rules, config.options_for)
    return check_document(document, config, rules)


def parse_for(document, rules, options_for=lambda rule: rule.defaults()) -> None:
    """Run the NLP pass the rules want, as the engine does (each rule's cue
    with its options); skip the test when no model is installed and a rule
    cannot do without one."""
    wants = [Want(rule.wants, rule.cue(options_for(rule))) for rule in rules if rule.wants]
    if not wants:
        return
    language = LanguagePass()
    if language.available:
        language.annotate([(document, wants)])
    elif any(rule.needs for rule in rules):
        pytest.skip(language.problem)


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of `objects` (numbered from 1, the first the catalog) with a
    correct cross-reference table, written byte by byte: hostile files no
    PDF library would write (used by tests and benchmarks/hostile_cases.py)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def pdf_stream(data: bytes, flate: bool = False) -> bytes:
    """A stream object holding `data` as stored (say `flate` if compressed)."""
    extra = b" /Filter /FlateDecode" if flate else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"
