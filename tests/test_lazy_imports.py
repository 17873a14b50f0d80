"""Listing rules, explaining one and checking without the model must not
import spaCy: its import costs seconds before the first line of output."""

from __future__ import annotations

import subprocess
import sys

import pytest
from support import PROJECT

PROBE = """
import sys
from plainlint.cli import main
sys.argv = ["plainlint", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("spacy imported" if "spacy" in sys.modules else "spacy not imported", file=sys.stderr)
"""


@pytest.mark.parametrize(
    "arguments",
    [["rules"], ["explain", "PL101"], ["check", "--no-model", str(PROJECT / "corpora" / "samples" / "benefits-letter.md")]],
    ids=["rules", "explain", "check-no-model"],
)
def test_command_does_not_import_spacy(arguments):
    run = subprocess.run([sys.executable, "-c", PROBE, *arguments], capture_output=True, text=True, cwd=PROJECT)
    assert run.stdout.strip(), "the command printed nothing, so the probe proves nothing"
    assert run.stderr.strip().splitlines()[-1] == "spacy not imported"


def test_check_with_the_model_of_text_no_rule_wants_parsed_does_not_import_spacy(tmp_path):
    """No sentence here holds what a model rule looks for (no "be", no
    "not", no listed noun), so the language pass has nothing to parse."""
    plain = tmp_path / "plain.md"
    plain.write_text("Send the form to us.\n\nCall us at 555-0100.\n")
    run = subprocess.run([sys.executable, "-c", PROBE, "check", "--no-cache", str(plain)], capture_output=True, text=True)
    assert "Checked 1 file" in run.stdout
    assert run.stderr.strip().splitlines()[-1] == "spacy not imported"


def test_check_with_model_does_import_spacy():
    """The probe can fail: a check of prose that needs the parse loads spaCy."""
    run = subprocess.run(
        [sys.executable, "-c", PROBE, "check", "--select", "PL210", str(PROJECT / "corpora" / "samples" / "benefits-letter.md")],
        capture_output=True, text=True, cwd=PROJECT,
    )
    assert run.stderr.strip().splitlines()[-1] == "spacy imported"
